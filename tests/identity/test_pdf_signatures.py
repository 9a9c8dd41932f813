"""Signed PDFs made with pyHanko and the test PKI, checked by ``verify_pdf``."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import time

import pytest
from asn1crypto import algos, cms
from asn1crypto import crl as asn1_crl

from dpo_desk.core.errors import InvalidInput
from dpo_desk.identity.signatures import MAX_INPUT_BYTES, verify_file, verify_pdf


def _append_content(pdf: bytes, operators: bytes) -> bytes:
    """An incremental update that draws on page 1 (a change no signature permits)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = writer.add_object(generic.StreamObject(stream_data=operators))
    writer.add_stream_to_page(0, stream)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _replace_contents(pdf: bytes, new_cms: bytes) -> bytes:
    """Swap the CMS in /Contents for another, keeping the reserved size (and the byte range)."""
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", pdf)
    assert match is not None
    reserved = len(match.group(1))
    hex_cms = new_cms.hex().encode()
    assert len(hex_cms) <= reserved
    return pdf[: match.start(1)] + hex_cms.ljust(reserved, b"0") + pdf[match.end(1) :]


def test_valid_and_trusted(signed_pdf, roots):
    report = verify_pdf(signed_pdf, roots)

    assert report.kind == "pdf"
    assert report.verdict == "valid"
    (check,) = report.signatures
    assert check.signer == "Alice Example"
    assert check.signer_email == "alice@example.org"
    assert check.algorithm == "ecdsa-with-SHA256"
    assert (check.intact, check.valid, check.trusted) == (True, True, True)
    assert check.covers_whole_document is True
    assert check.modification == "none"
    assert check.revocation == "not checked"
    assert check.expired is False
    assert check.problems == ()
    assert check.signing_time is not None and check.signing_time.utcoffset().total_seconds() == 0
    assert abs(time.time() - check.signing_time.timestamp()) < 3600


def test_rsa_signature_names_its_algorithm(pki, unsigned_pdf, roots):
    report = verify_pdf(pki.sign_pdf(unsigned_pdf, pki.bob_rsa), roots)

    assert report.verdict == "valid"
    assert report.signatures[0].algorithm == "sha256WithRSA"


def test_nothing_is_trusted_by_default(signed_pdf):
    report = verify_pdf(signed_pdf)

    assert report.verdict == "untrusted"
    (check,) = report.signatures
    assert (check.intact, check.valid, check.trusted) == (True, True, False)
    assert "nothing is trusted by default" in report.reason


def test_signer_from_another_root_is_untrusted(pki, unsigned_pdf, roots):
    report = verify_pdf(pki.sign_pdf(unsigned_pdf, pki.stranger), roots)

    assert report.verdict == "untrusted"
    assert report.signatures[0].trusted is False
    assert "does not chain to a certificate you trust" in report.reason


def test_trusting_the_intermediate_is_enough(pki, signed_pdf):
    assert verify_pdf(signed_pdf, (pki.intermediate.cert_der,)).verdict == "valid"


def test_expired_certificate_is_reported_and_not_valid(pki, unsigned_pdf, roots):
    report = verify_pdf(pki.sign_pdf(unsigned_pdf, pki.expired), roots)

    assert report.verdict == "untrusted"
    (check,) = report.signatures
    assert check.expired is True
    assert check.trusted is False
    assert any("expired on" in problem for problem in check.problems)


def test_tampered_bytes_are_invalid(signed_pdf, roots):
    assert b"(I ask for access" in signed_pdf
    tampered = signed_pdf.replace(b"I ask for access", b"I ask for erasur")  # same length

    report = verify_pdf(tampered, roots)

    assert report.verdict == "invalid"
    (check,) = report.signatures
    assert check.intact is False
    assert "changed after signing" in report.reason


def test_second_signature_is_a_permitted_change(pki, signed_pdf, roots):
    twice = pki.sign_pdf(signed_pdf, pki.bob_rsa, field="Signature2")

    report = verify_pdf(twice, roots)

    assert report.verdict == "valid"
    first, second = report.signatures
    assert (first.signer, second.signer) == ("Alice Example", "Bob Example")
    assert first.covers_whole_document is False
    assert first.modification == "permitted"
    assert second.covers_whole_document is True
    assert second.modification == "none"


def test_content_change_after_signing_is_disallowed(signed_pdf, roots):
    changed = _append_content(signed_pdf, b"BT /F1 12 Tf 72 700 Td (and pay me 1000) Tj ET")

    report = verify_pdf(changed, roots)

    assert report.verdict == "invalid"
    (check,) = report.signatures
    assert check.intact is True  # the signed revision itself is untouched...
    assert check.covers_whole_document is False
    assert check.modification == "disallowed"  # ...but what follows it is not allowed
    assert "not permitted" in report.reason


def test_several_signatures_one_untrusted(pki, signed_pdf, roots):
    twice = pki.sign_pdf(signed_pdf, pki.stranger, field="Signature2")

    report = verify_pdf(twice, roots)

    assert report.verdict == "untrusted"
    assert [check.status for check in report.signatures] == ["valid", "untrusted"]
    assert report.reason.startswith("Signature 2 of 2:")


def test_document_timestamp(pki, signed_pdf, roots):
    stamped = pki.timestamp_pdf(signed_pdf)

    report = verify_pdf(stamped, roots)

    assert report.verdict == "valid"
    signature, timestamp = report.signatures
    assert signature.modification == "permitted"
    assert timestamp.signer == "DPO Test TSA"
    assert timestamp.signing_time is not None
    assert any("proves when, not who" in problem for problem in timestamp.problems)


def test_embedded_crl_revoking_the_signer(pki, unsigned_pdf, roots):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    signed = pki.sign_pdf(unsigned_pdf, pki.no_email)

    def with_dss(crl: bytes) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(signed))
        DocumentSecurityStore.supply_dss_in_writer(
            writer, None, crls=[asn1_crl.CertificateList.load(crl)]
        )
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue()

    revoked = verify_pdf(with_dss(pki.crl([pki.no_email])), roots)
    good = verify_pdf(with_dss(pki.crl([])), roots)

    assert revoked.verdict == "untrusted"
    assert revoked.signatures[0].revocation == "revoked"
    assert "revoked" in revoked.reason
    assert good.verdict == "valid"
    assert good.signatures[0].revocation == "good (embedded revocation data)"
    assert good.signatures[0].modification == "permitted"  # adding a DSS is allowed


def test_kazakh_gost_signature_in_a_pdf_is_unsupported(signed_pdf, roots):
    # Russian GOST signatures in PDFs are verified: tests/identity/test_gost.py
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", signed_pdf)
    info = cms.ContentInfo.load(bytes.fromhex(match.group(1).decode()), strict=False)
    signer_info = info["content"]["signer_infos"][0]
    signer_info["digest_algorithm"] = algos.DigestAlgorithm({"algorithm": "1.2.398.3.10.1.3.1"})
    signer_info["signature_algorithm"] = algos.SignedDigestAlgorithm(
        {"algorithm": "1.2.398.3.10.1.1.1.2"}
    )
    gost_pdf = _replace_contents(signed_pdf, info.dump(force=True))

    report = verify_pdf(gost_pdf, roots)

    assert report.verdict == "unsupported"
    (check,) = report.signatures
    assert check.algorithm == "GOST 34.311-95 with GOST 34.310-2004 (1.2.398.3.10.1.1.1.2)"
    assert check.signer == "Alice Example"
    assert check.valid is None and check.intact is None
    assert "GOST 34.310-2004" in report.reason


def test_unsigned_pdf(unsigned_pdf, roots):
    report = verify_pdf(unsigned_pdf, roots)

    assert (report.verdict, report.signatures) == ("unsigned", ())
    assert report.reason == "The PDF has no signatures."


def test_password_protected_pdf_is_unsupported(roots):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption("secret", canPrint=0))
    page.drawString(72, 720, "locked")
    page.showPage()
    page.save()

    report = verify_pdf(buffer.getvalue(), roots)

    assert report.verdict == "unsupported"
    assert "password-protected" in report.reason


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_malformed(signed_pdf, roots, fraction):
    truncated = signed_pdf[: int(len(signed_pdf) * fraction)]

    report = verify_pdf(truncated, roots)

    assert report.verdict in ("malformed", "invalid")
    assert report.verdict != "valid" and report.reason


def test_garbage_with_a_pdf_header_is_malformed(roots):
    report = verify_pdf(b"%PDF-1.7\n" + os.urandom(4096), roots)

    assert report.verdict == "malformed"
    assert report.reason.startswith("The PDF could not be read")


def test_not_a_pdf(roots):
    report = verify_pdf(b"hello", roots)

    assert report.verdict == "malformed"
    assert "not a PDF" in report.reason


def test_oversized_input_is_refused_before_parsing(roots):
    report = verify_pdf(b"%PDF-1.7\n" + b"0" * MAX_INPUT_BYTES, roots)

    assert report.verdict == "malformed"
    assert "larger than 50 MB" in report.reason


def _raw_pdf(objects: list[bytes], *, size: int | None = None) -> bytes:
    """A hand-written PDF with a correct cross-reference table (``size`` may lie)."""
    body = b"%PDF-1.7\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj %s endobj\n" % (number, content)
    count = size if size is not None else len(objects) + 1
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % count
    xref += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, len(body))
    return body + xref + trailer


HOSTILE_PDFS = {
    "field tree loop": _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /T (loop) /Kids [3 0 R] /Parent 3 0 R >>",
        ]
    ),
    "reference loop in the signature value": _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /FT /Sig /T (loop) /V 4 0 R >>",
            b"4 0 R",
        ]
    ),
    "huge object count": _raw_pdf(
        [
            b"<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>",
            b"<< /FT /Sig /T (x) /V << /Type /Sig /SubFilter /adbe.pkcs7.detached"
            b" /ByteRange [0 1 2 3] /Contents <3080> >> >>",
        ],
        size=2_000_000_000,
    ),
    "signature value that is no CMS": _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /FT /Sig /T (bad) /V << /Type /Sig /SubFilter /adbe.pkcs7.detached"
            b" /ByteRange [0 10 20 30] /Contents <DEADBEEF> >> >>",
        ]
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PDFS))
def test_hostile_pdf_is_malformed_fast(roots, name):
    verify_pdf(b"%PDF-1.7\n", roots)  # pyHanko's import is not part of the budget
    started = time.perf_counter()

    report = verify_pdf(HOSTILE_PDFS[name], roots)

    assert time.perf_counter() - started < 1
    assert report.verdict == "malformed", report
    assert report.reason


def test_legacy_subfilter_is_unsupported(roots):
    pdf = _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /FT /Sig /T (old) /V << /Type /Sig /SubFilter /adbe.x509.rsa_sha1"
            b" /ByteRange [0 10 20 30] /Contents <DEADBEEF> /Cert <3080> >> >>",
        ]
    )

    report = verify_pdf(pdf, roots)

    assert report.verdict == "unsupported"
    assert report.signatures[0].algorithm == "PDF signature format /adbe.x509.rsa_sha1"


def test_self_referencing_signature_value_is_malformed(signed_pdf, roots):
    broken = re.sub(rb"/Contents\s*<[0-9a-fA-F]+>", lambda m: b" " * len(m.group(0)), signed_pdf)

    report = verify_pdf(broken, roots)

    assert report.verdict == "malformed"
    assert report.signatures[0].status == "malformed"


def test_garbage_trust_root_is_a_clear_error(signed_pdf):
    with pytest.raises(InvalidInput, match="certificate"):
        verify_pdf(signed_pdf, (b"not a certificate",))


def test_verify_file_sniffs_a_pdf(signed_pdf, roots):
    report = verify_file(signed_pdf, filename="request.bin", trust_roots=roots)

    assert (report.kind, report.verdict) == ("pdf", "valid")


def test_pyhanko_logs_no_tracebacks(signed_pdf, caplog):
    with caplog.at_level(logging.DEBUG):
        report = verify_pdf(signed_pdf)  # untrusted: pyHanko would log a path-building traceback

    assert report.verdict == "untrusted"
    assert [record for record in caplog.records if record.name.startswith("pyhanko")] == []


def test_works_inside_a_running_event_loop(signed_pdf, roots):
    async def inside() -> str:
        return verify_pdf(signed_pdf, roots).verdict

    assert asyncio.run(inside()) == "valid"


def test_report_to_dict_is_the_headless_contract(signed_pdf, roots):
    data = verify_pdf(signed_pdf, roots).to_dict()

    assert {"kind", "verdict", "signatures", "reason"} <= data.keys()
    (signature,) = data["signatures"]
    assert {
        "signer",
        "signing_time",
        "algorithm",
        "intact",
        "valid",
        "trusted",
        "covers_whole_document",
        "problems",
    } <= signature.keys()
    assert isinstance(signature["signing_time"], str)
    assert signature["problems"] == []
