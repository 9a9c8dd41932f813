"""GOST R 34.10-2012 signatures made by OpenSSL's GOST engine, verified by identity/gost.py.

The material (keys, CA and user certificates of 256 and 512 bits, CMS, S/MIME, PDFs) is made
once per session by ``openssl`` with the engine (see ``gost_material.py``).
"""

from __future__ import annotations

import pytest
from asn1crypto import cms

from dpo_desk.identity import gost
from dpo_desk.identity.signatures import (
    load_certificates,
    verify_cms,
    verify_detached,
    verify_file,
    verify_pdf,
    verify_smime,
)

from .gost_material import GostPki, gost_pki, make_pdf

REQUEST = "Прошу предоставить копию моих персональных данных.\n".encode()


@pytest.fixture(scope="session")
def gpki(tmp_path_factory: pytest.TempPathFactory) -> GostPki:
    return gost_pki(tmp_path_factory)


@pytest.fixture(scope="session")
def gost_pdf(gpki: GostPki) -> bytes:
    return gpki.sign_pdf(make_pdf(), gpki.user512)


# --- CMS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "root", "algorithm"),
    [
        ("user256", "ca256", "GOST R 34.10-2012 (256-bit) with GOST R 34.11-2012 (Streebog-256)"),
        ("user512", "ca256", "GOST R 34.10-2012 (512-bit) with GOST R 34.11-2012 (Streebog-512)"),
        ("user512b", "ca512", "GOST R 34.10-2012 (512-bit) with GOST R 34.11-2012 (Streebog-512)"),
    ],
)
def test_detached_cms_is_valid(gpki: GostPki, user: str, root: str, algorithm: str) -> None:
    signature = gpki.cms(REQUEST, getattr(gpki, user))

    report = verify_detached(REQUEST, signature, [getattr(gpki, root).cert_pem])

    assert report.verdict == "valid", report.reason
    (check,) = report.signatures
    assert (check.intact, check.valid, check.trusted) == (True, True, True)
    assert check.algorithm == algorithm
    assert check.signer == "Иванов Иван Иванович"
    assert check.signer_email == "ivanov@example.ru"
    assert check.revocation == "not checked"
    assert check.signing_time is not None
    # what binds a GOST signer to the data subject, as for RSA (services.identity compares it)
    assert "Иванов Иван Иванович" in check.signer_names


def test_attached_cms_is_valid(gpki: GostPki) -> None:
    signature = gpki.cms(REQUEST, gpki.user256, detached=False)

    report = verify_cms(signature, [gpki.ca256.cert_pem])

    assert report.verdict == "valid", report.reason
    assert report.signatures[0].intact is True


def test_tampered_content_is_invalid(gpki: GostPki) -> None:
    signature = gpki.cms(REQUEST, gpki.user512)

    report = verify_detached(
        REQUEST.replace("копию".encode(), "часть".encode()), signature, [gpki.ca256.cert_pem]
    )

    assert report.verdict == "invalid"
    assert report.signatures[0].intact is False
    assert "changed after signing" in report.reason


def test_forged_signature_value_is_invalid(gpki: GostPki) -> None:
    info = cms.ContentInfo.load(gpki.cms(REQUEST, gpki.user256))
    signer = info["content"]["signer_infos"][0]
    value = bytearray(signer["signature"].native)
    value[5] ^= 0x01
    signer["signature"] = bytes(value)

    report = verify_detached(REQUEST, info.dump(force=True), [gpki.ca256.cert_pem])

    assert report.verdict == "invalid"
    (check,) = report.signatures
    assert (check.intact, check.valid) == (True, False)
    assert "does not match the signer's certificate" in report.reason


def test_attached_content_differing_from_the_file_given_is_invalid(gpki: GostPki) -> None:
    signature = gpki.cms(REQUEST, gpki.user256, detached=False)

    report = verify_detached(b"another text", signature, [gpki.ca256.cert_pem])

    assert report.verdict == "invalid"
    assert "differs from the file given" in report.reason


def test_unknown_ca_is_untrusted(gpki: GostPki) -> None:
    signature = gpki.cms(REQUEST, gpki.stranger)

    report = verify_detached(REQUEST, signature, [gpki.ca256.cert_pem, gpki.ca512.cert_pem])

    assert report.verdict == "untrusted"
    check = report.signatures[0]
    assert (check.intact, check.valid, check.trusted) == (True, True, False)
    assert "does not chain to a certificate you trust" in report.reason


def test_nothing_is_trusted_by_default(gpki: GostPki) -> None:
    report = verify_detached(REQUEST, gpki.cms(REQUEST, gpki.user256), [])

    assert report.verdict == "untrusted"
    assert "nothing is trusted by default" in report.reason


def test_a_ca_of_the_same_name_with_another_key_does_not_anchor(gpki: GostPki) -> None:
    """Issuers are found by name, but only a key that verifies the certificate anchors it."""
    signature = gpki.cms(REQUEST, gpki.user256)
    forged_root = _renamed_root(gpki)

    report = verify_detached(REQUEST, signature, [forged_root])

    assert report.verdict == "untrusted"
    assert "not signed by its issuer's key" in report.reason


def _renamed_root(gpki: GostPki) -> bytes:
    """The stranger's CA certificate re-issued under the name of the 256-bit CA (own key)."""
    out = gpki.folder / "impostor.pem"
    if not out.exists():
        gpki.openssl(
            "req", "-new", "-x509", "-key", gpki.stranger_ca.key_path, "-md_gost12_256",
            "-days", "3650", "-subj", "/CN=Test GOST CA 256/O=Test/C=RU",
            "-extensions", "v3_ca", "-out", out,
        )  # fmt: skip
    return out.read_bytes()


def test_certificate_not_meant_for_signing_is_untrusted(gpki: GostPki) -> None:
    report = verify_detached(REQUEST, gpki.cms(REQUEST, gpki.not_a_signer), [gpki.ca256.cert_pem])

    assert report.verdict == "untrusted"
    assert "key usage" in report.reason


def test_trusting_the_signer_itself_is_enough(gpki: GostPki) -> None:
    report = verify_detached(REQUEST, gpki.cms(REQUEST, gpki.user512), [gpki.user512.cert_pem])

    assert report.verdict == "valid", report.reason


def test_verify_file_sniffs_a_gost_cms(gpki: GostPki) -> None:
    signature = gpki.cms(REQUEST, gpki.user256)

    report = verify_file(signature, detached=REQUEST, trust_roots=[gpki.ca256.cert_pem])

    assert report.verdict == "valid"


# --- S/MIME ------------------------------------------------------------------------------------


@pytest.mark.parametrize("opaque", [False, True])
def test_smime_is_valid_and_names_the_sender(gpki: GostPki, opaque: bool) -> None:
    message = gpki.smime(REQUEST, gpki.user256, opaque=opaque)

    report = verify_smime(message, [gpki.ca256.cert_pem])

    assert report.verdict == "valid", report.reason
    assert report.sender_email_matches is True


def test_smime_with_a_changed_body_is_invalid(gpki: GostPki) -> None:
    message = gpki.smime(REQUEST, gpki.user256)
    signed_text = "копию".encode()
    assert signed_text in message

    report = verify_smime(message.replace(signed_text, "часть".encode()), [gpki.ca256.cert_pem])

    assert report.verdict == "invalid"


# --- PDF ---------------------------------------------------------------------------------------


def test_signed_pdf_is_valid(gost_pdf: bytes, gpki: GostPki) -> None:
    report = verify_pdf(gost_pdf, [gpki.ca256.cert_pem])

    assert report.verdict == "valid", report.reason
    (check,) = report.signatures
    assert check.covers_whole_document is True
    assert check.modification == "none"
    assert check.field == "Signature1"
    assert check.algorithm.startswith("GOST R 34.10-2012 (512-bit)")


def test_signed_pdf_with_unknown_ca_is_untrusted(gost_pdf: bytes, gpki: GostPki) -> None:
    assert verify_pdf(gost_pdf, [gpki.stranger_ca.cert_pem]).verdict == "untrusted"


def test_pdf_changed_inside_the_signed_range_is_invalid(gost_pdf: bytes, gpki: GostPki) -> None:
    start = gost_pdf.index(b"(Please")
    tampered = gost_pdf[:start] + b"(PLEASE" + gost_pdf[start + 7 :]

    report = verify_pdf(tampered, [gpki.ca256.cert_pem])

    assert report.verdict == "invalid"
    assert report.signatures[0].intact is False


def test_second_signature_is_a_permitted_change(gost_pdf: bytes, gpki: GostPki) -> None:
    twice = gpki.sign_pdf(gost_pdf, gpki.user256, field="Signature2")

    report = verify_pdf(twice, [gpki.ca256.cert_pem])

    assert report.verdict == "valid", report.reason
    first, second = report.signatures
    assert (first.field, first.covers_whole_document, first.modification) == (
        "Signature1",
        False,
        "permitted",
    )
    assert (second.field, second.modification) == ("Signature2", "none")


def test_pdf_with_content_appended_after_signing_is_not_valid(
    gost_pdf: bytes, gpki: GostPki
) -> None:
    """An incremental update that rewrites the page is not a permitted change."""
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(gost_pdf))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 700 Td (PAID IN FULL) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    changed = io.BytesIO()
    writer.write(changed)

    report = verify_pdf(changed.getvalue(), [gpki.ca256.cert_pem])

    assert report.verdict == "invalid"
    assert report.signatures[0].modification == "disallowed"


# --- certificates and the mathematics ---------------------------------------------------------


def test_gost_certificates_are_readable(gpki: GostPki) -> None:
    (cert,) = load_certificates(gpki.user512.cert_pem)
    (der_cert,) = load_certificates(gpki.ca256.cert_der)

    assert gost.is_gost_certificate(cert)
    key = gost.public_key(cert)
    assert (key.size, key.curve_oid) == (64, "1.2.643.7.1.2.1.2.1")
    assert gost.public_key(der_cert).curve_oid == "1.2.643.2.2.35.1"  # CryptoPro-A


def test_certificate_signatures_verify_against_the_right_issuer_only(gpki: GostPki) -> None:
    (user,) = load_certificates(gpki.user512b.cert_pem)
    (ca512,) = load_certificates(gpki.ca512.cert_pem)
    (ca256,) = load_certificates(gpki.ca256.cert_pem)

    assert gost.verify_certificate_signature(user, ca512)
    assert gost.verify_certificate_signature(ca512, ca512)  # self-signed root
    assert not gost.verify_certificate_signature(user, ca256)


def test_streebog_matches_openssl(gpki: GostPki) -> None:
    for oid, md in (("1.2.643.7.1.1.2.2", "md_gost12_256"), ("1.2.643.7.1.1.2.3", "md_gost12_512")):
        printed = gpki.openssl("dgst", f"-{md}", "-r", stdin=REQUEST).split()[0].decode()

        assert gost.digest(oid, REQUEST).hex() == printed


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 128, 1000])
def test_fast_streebog_equals_gostcrypto(size: int) -> None:
    import gostcrypto.gosthash

    data = bytes(range(256)) * 4
    data = data[:size]
    for name, length in (("streebog256", 32), ("streebog512", 64)):
        expected = bytes(gostcrypto.gosthash.new(name, data=bytearray(data)).digest())

        assert gost.streebog(data, length) == expected


def test_qualified_marks_follow_the_fsb_form(gpki: GostPki) -> None:
    (user,) = load_certificates(gpki.user256.cert_pem)
    (plain,) = load_certificates(gpki.not_a_signer.cert_pem)

    assert gost.qualified_marks(user) == ("subjectSignTool", "issuerSignTool", "class КС1")
    assert gost.is_russian_qualified(user)
    assert not gost.is_russian_qualified(plain)


def test_gost_2001_with_gost_r_34_11_94_is_valid(gpki: GostPki) -> None:
    """GOST R 34.10-2001 keys (CryptoPro-A CA, CryptoPro-B user) with the 34.11-94 digest."""
    signature = gpki.cms(REQUEST, gpki.user2001)

    report = verify_detached(REQUEST, signature, [gpki.ca2001.cert_pem])

    assert report.verdict == "valid", report.reason
    assert report.signatures[0].algorithm == "GOST R 34.10-2001 with GOST R 34.11-94"
    assert verify_detached(REQUEST + b".", signature, [gpki.ca2001.cert_pem]).verdict == "invalid"
    assert verify_detached(REQUEST, signature, [gpki.ca256.cert_pem]).verdict == "untrusted"


def test_gost_2001_pdf_is_valid(gpki: GostPki) -> None:
    signed = gpki.sign_pdf(make_pdf(), gpki.user2001)

    assert verify_pdf(signed, [gpki.ca2001.cert_pem]).verdict == "valid"


@pytest.mark.parametrize("size", [0, 1, 31, 32, 33, 64, 100, 1000])
def test_gost_r_34_11_94_matches_openssl(gpki: GostPki, size: int) -> None:
    data = (REQUEST * 40)[:size]
    if size == 0:
        # OpenSSL's engine prints 3f25bc1f... for empty input; the standard's published
        # vector (CryptoPro parameters) is this one. Signed content is never empty.
        expected = "981e5f3ca30c841487830f84fb433e13ac1101569b9c13584ac483234cd656c0"
    else:
        expected = gpki.openssl("dgst", "-md_gost94", "-r", stdin=data).split()[0].decode()

    assert gost.digest("1.2.643.2.2.9", data).hex() == expected


def test_gost_r_34_11_94_known_answer() -> None:
    """The published test vector for "abc" (CryptoPro parameters)."""
    expected = "b285056dbf18d7392d7677369524dd14747459ed8143997e163b2986f92fd42c"

    assert gost.gost94(b"abc").hex() == expected


def test_garbage_in_a_gost_signer_is_malformed_not_a_crash(gpki: GostPki) -> None:
    info = cms.ContentInfo.load(gpki.cms(REQUEST, gpki.user256))
    signer = info["content"]["signer_infos"][0]
    signer["signature"] = b"\x00" * 3

    report = verify_detached(REQUEST, info.dump(force=True), [gpki.ca256.cert_pem])

    assert report.verdict == "invalid"
    assert report.signatures[0].valid is False


def test_gost_algorithm_with_a_non_gost_certificate_is_invalid(pki, roots) -> None:
    """Known GOST OIDs over an ECDSA signer's certificate: that key cannot have signed."""
    from .test_cms import DOCUMENT, _gost_signed_data

    signature = _gost_signed_data(pki, "1.2.643.7.1.1.2.2", "1.2.643.7.1.1.1.1")

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "invalid"
    (check,) = report.signatures
    assert check.signer == "Alice Example"
    assert check.valid is False
    assert "holds a non-GOST key (EC)" in report.reason


@pytest.mark.parametrize(
    ("subject", "outcome"),
    [
        ("Иванов Иван Иванович", "verified"),
        ("Ivanov Ivan", "verified"),  # the Latin spelling of the same person
        ("Петров Пётр Петрович", "more_information_needed"),
    ],
)
def test_a_gost_signature_settles_identity_only_for_its_signer(
    gpki: GostPki, gost_pdf: bytes, tmp_path, subject: str, outcome: str
) -> None:
    """End to end through services.identity: a trusted GOST signer verifies the case of the
    person named in the certificate, and no one else's."""
    import os
    from datetime import UTC, date, datetime

    from dpo_desk.casefile import CaseFile, Key
    from dpo_desk.core.model import AttachmentRole, Case, Channel, DataSubject, RequestKind
    from dpo_desk.demo import CONTROLLERS
    from dpo_desk.identity.service import import_certificates
    from dpo_desk.services.identity import verify_signature

    cf = CaseFile.create(tmp_path / "gost.dpodesk", Key(raw=os.urandom(32))).casefile
    try:
        controller = cf.controllers.add(CONTROLLERS[0])
        import_certificates(cf, gpki.ca256.cert_pem, today=datetime.now(UTC).date())
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=controller.id or 0,
                subject=DataSubject(subject),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.EMAIL,
                received=date(2026, 3, 2),
            )
        )
        stored = cf.attachments.add(
            case.id or 0, AttachmentRole.LETTER_SCAN, "request.pdf", "application/pdf", gost_pdf
        )
        result = verify_signature(cf, case.id or 0, stored.id or 0)
        assert result.report.verdict == "valid", result.report.reason
        assert result.outcome == outcome
        expected = "match" if outcome == "verified" else "mismatch"
        assert result.report_dict()["signatures"][0]["subject_match"] == expected
    finally:
        cf.close()
