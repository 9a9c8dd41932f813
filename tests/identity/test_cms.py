"""Detached and enveloping CMS signatures (openssl, pyHanko, cryptography) and certificates."""

from __future__ import annotations

import base64
import os
import time

import pytest
from asn1crypto import algos, cms, core
from asn1crypto import crl as asn1_crl
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from dpo_desk.core.errors import InvalidInput
from dpo_desk.identity.signatures import (
    load_certificates,
    verify_cms,
    verify_detached,
    verify_file,
)

DOCUMENT = b"Passport copy, page 2. Requester: Aigerim S.\n" * 20


@pytest.fixture(scope="module")
def alice_sig(pki) -> bytes:
    return pki.openssl_cms(DOCUMENT, pki.alice)


def _gost_signed_data(pki, digest_oid: str, signature_oid: str) -> bytes:
    """A CMS SignedData built field by field, carrying national (GOST) algorithm OIDs."""
    cert = pki.alice.asn1
    signed_attrs = cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            cms.CMSAttribute({"type": "message_digest", "values": [os.urandom(32)]}),
            cms.CMSAttribute(
                {
                    "type": "signing_time",
                    "values": [
                        cms.Time(
                            {
                                "utc_time": core.UTCTime(
                                    cert["tbs_certificate"]["validity"]["not_before"].native
                                )
                            }
                        )
                    ],
                }
            ),
        ]
    )
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": cert.issuer,
                        "serial_number": cert.serial_number,
                    }
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": digest_oid}),
            "signed_attrs": signed_attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": signature_oid}),
            "signature": os.urandom(64),
        }
    )
    signed_data = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": digest_oid})],
            "encap_content_info": {"content_type": "data"},
            "certificates": [cert],
            "signer_infos": [signer_info],
        }
    )
    return cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()


def _with_crls(signature: bytes, crls: list[bytes]) -> bytes:
    """Add CRLs to a SignedData (an unsigned field: the signature stays valid)."""
    info = cms.ContentInfo.load(signature)
    info["content"]["crls"] = cms.RevocationInfoChoices(
        [cms.RevocationInfoChoice("crl", asn1_crl.CertificateList.load(crl)) for crl in crls]
    )
    return info.dump(force=True)


# --- valid signatures from three producers ---------------------------------------------------


def test_openssl_detached_der(alice_sig, roots):
    report = verify_detached(DOCUMENT, alice_sig, roots)

    assert (report.kind, report.verdict) == ("cms", "valid")
    (check,) = report.signatures
    assert check.signer == "Alice Example"
    assert check.signer_email == "alice@example.org"
    assert check.algorithm == "ecdsa-with-SHA256"
    assert (check.intact, check.valid, check.trusted) == (True, True, True)
    assert check.covers_whole_document is None and check.modification is None
    assert check.signing_time is not None and check.signing_time.tzinfo is not None
    assert check.revocation == "not checked"


def test_openssl_detached_pem(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, outform="PEM")
    assert signature.startswith(b"-----BEGIN CMS-----")

    assert verify_detached(DOCUMENT, signature, roots).verdict == "valid"


def test_base64_without_armour(alice_sig, roots):
    wrapped = base64.encodebytes(alice_sig)

    assert verify_detached(DOCUMENT, wrapped, roots).verdict == "valid"


def test_openssl_rsa_and_rsa_pss(pki, roots):
    pkcs1 = pki.openssl_cms(DOCUMENT, pki.bob_rsa)
    pss = pki.openssl_cms(DOCUMENT, pki.bob_rsa, extra=("-keyopt", "rsa_padding_mode:pss"))

    pkcs1_report = verify_detached(DOCUMENT, pkcs1, roots)
    pss_report = verify_detached(DOCUMENT, pss, roots)

    assert pkcs1_report.verdict == pss_report.verdict == "valid"
    assert pkcs1_report.signatures[0].algorithm == "sha256WithRSA"
    assert pss_report.signatures[0].algorithm == "RSASSA-PSS with SHA256"


def test_pyhanko_detached(pki, roots):
    signature = pki.pyhanko_cms(DOCUMENT, pki.alice)

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "valid"
    assert report.signatures[0].signer == "Alice Example"


def test_cryptography_detached(pki, roots):
    signature = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOCUMENT)
        .add_signer(pki.bob_rsa.cert, pki.bob_rsa.key, hashes.SHA256())
        .add_certificate(pki.intermediate.cert)
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )
    )

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "valid"
    assert report.signatures[0].signer == "Bob Example"


def test_signature_without_signed_attributes(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, extra=("-noattr",))

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "valid"
    assert report.signatures[0].signing_time is None


def test_two_signers_are_each_checked(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, co_signers=(pki.bob_rsa,))

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "valid"
    assert sorted(check.signer for check in report.signatures) == ["Alice Example", "Bob Example"]


def test_one_untrusted_co_signer_makes_the_verdict_untrusted(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, co_signers=(pki.stranger,))

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "untrusted"
    statuses = {check.signer: check.status for check in report.signatures}
    assert statuses == {"Alice Example": "valid", "Mallory Stranger": "untrusted"}


def test_enveloping_signature(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, extra=("-nodetach",))

    assert verify_cms(signature, roots).verdict == "valid"
    assert verify_file(signature, filename="request.p7m", trust_roots=roots).verdict == "valid"


def test_enveloping_signature_given_a_different_file(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, extra=("-nodetach",))

    report = verify_detached(b"another document", signature, roots)

    assert report.verdict == "invalid"
    assert "differs from the file given" in report.reason


def test_detached_signature_alone_asks_for_its_file(alice_sig, roots):
    with pytest.raises(InvalidInput, match="detached signature"):
        verify_cms(alice_sig, roots)


def test_verify_file_accepts_the_two_files_either_way(alice_sig, roots):
    straight = verify_file(DOCUMENT, detached=alice_sig, trust_roots=roots)
    swapped = verify_file(alice_sig, detached=DOCUMENT, trust_roots=roots)

    assert straight.verdict == swapped.verdict == "valid"


# --- what must not pass ----------------------------------------------------------------------


def test_tampered_data_is_invalid(alice_sig, roots):
    tampered = DOCUMENT.replace(b"Aigerim", b"Aigerin", 1)

    report = verify_detached(tampered, alice_sig, roots)

    assert report.verdict == "invalid"
    (check,) = report.signatures
    assert check.intact is False
    assert check.trusted is None  # not asked: the bytes are already wrong


def test_signature_of_another_file_is_invalid(pki, roots):
    other = pki.openssl_cms(b"a different file", pki.alice)

    assert verify_detached(DOCUMENT, other, roots).verdict == "invalid"


def test_tampered_signature_value_is_invalid(alice_sig, roots):
    info = cms.ContentInfo.load(alice_sig)
    signer_info = info["content"]["signer_infos"][0]
    value = bytearray(signer_info["signature"].native)
    value[-1] ^= 0x01
    signer_info["signature"] = bytes(value)

    report = verify_detached(DOCUMENT, info.dump(force=True), roots)

    assert report.verdict in ("invalid", "malformed")
    assert report.signatures[0].valid is not True


def test_untrusted_without_roots(alice_sig):
    report = verify_detached(DOCUMENT, alice_sig)

    assert report.verdict == "untrusted"
    assert report.signatures[0].trusted is False


def test_signer_from_another_root(pki, roots):
    report = verify_detached(DOCUMENT, pki.openssl_cms(DOCUMENT, pki.stranger), roots)

    assert report.verdict == "untrusted"
    assert report.signatures[0].signer == "Mallory Stranger"


def test_expired_certificate(pki, roots):
    report = verify_detached(DOCUMENT, pki.openssl_cms(DOCUMENT, pki.expired), roots)

    assert report.verdict == "untrusted"
    (check,) = report.signatures
    assert (check.intact, check.valid, check.expired) == (True, True, True)
    assert check.trusted is False
    assert "expired on" in report.reason


def test_sha1_is_rejected_by_policy(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.bob_rsa, md="sha1")

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "unsupported"
    (check,) = report.signatures
    assert check.algorithm == "sha1WithRSA"
    assert (check.intact, check.valid, check.trusted) == (True, True, False)
    assert "SHA-1" in report.reason and "insecure" in report.reason


@pytest.mark.parametrize(
    ("digest_oid", "signature_oid", "named"),
    [
        # known Russian GOST algorithms are verified now: tests/identity/test_gost.py
        (
            "1.2.398.3.10.1.3.1",
            "1.2.398.3.10.1.1.1.2",
            "GOST 34.311-95 with GOST 34.310-2004 (1.2.398.3.10.1.1.1.2)",
        ),
        (
            "1.2.643.7.1.1.2.3",
            "1.2.643.99.1",
            "GOST R 34.11-2012 (Streebog-512) (1.2.643.7.1.1.2.3)",
        ),
    ],
)
def test_gost_signature_is_unsupported_and_named(pki, roots, digest_oid, signature_oid, named):
    signature = _gost_signed_data(pki, digest_oid, signature_oid)

    for report in (
        verify_detached(DOCUMENT, signature, roots),
        verify_detached(DOCUMENT, base64.encodebytes(signature), roots),
    ):
        assert report.verdict == "unsupported"
        (check,) = report.signatures
        assert check.algorithm == named
        assert check.signer == "Alice Example"
        assert (check.intact, check.valid, check.trusted) == (None, None, None)
        assert named in report.reason


def test_unknown_gost_oid_still_unsupported(pki, roots):
    signature = _gost_signed_data(pki, "1.2.643.5.5.5", "1.2.840.10045.4.3.2")

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "unsupported"
    assert report.signatures[0].algorithm == "a GOST algorithm (1.2.643.5.5.5)"


def test_signature_without_the_signer_certificate_is_malformed(pki, roots):
    signature = pki.openssl_cms(DOCUMENT, pki.alice, extra=("-nocerts",))

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "malformed"
    assert "certificate" in report.reason


def test_embedded_crl_in_signed_data(pki, roots):
    signature = pki.pyhanko_cms(DOCUMENT, pki.alice)

    revoked = verify_detached(DOCUMENT, _with_crls(signature, [pki.crl([pki.alice])]), roots)
    good = verify_detached(DOCUMENT, _with_crls(signature, [pki.crl([pki.bob_rsa])]), roots)

    assert revoked.verdict == "untrusted"
    assert revoked.signatures[0].revocation == "revoked"
    assert good.verdict == "valid"
    assert good.signatures[0].revocation == "good (embedded revocation data)"


@pytest.mark.parametrize("which", ["stale", "other issuer"])
def test_unusable_crl_is_not_counted_as_a_check(pki, roots, which):
    crl = pki.crl([], stale=True) if which == "stale" else pki.crl([], issuer=pki.stranger_root)
    signature = _with_crls(pki.pyhanko_cms(DOCUMENT, pki.alice), [crl])

    report = verify_detached(DOCUMENT, signature, roots)

    assert report.verdict == "valid"
    assert report.signatures[0].revocation == "not checked"


@pytest.mark.parametrize(
    "signature",
    [
        b"",
        b"not a signature at all",
        os.urandom(2048),
        b"\x30\x82\xff\xff" + os.urandom(64),
        b"-----BEGIN CMS-----\nAAAA\n-----END CMS-----\n",
        b"\x30" * 5000,
    ],
    ids=["empty", "text", "random", "bad-length", "bad-pem", "nested-sequences"],
)
def test_garbage_signature_is_malformed_fast(signature, roots):
    started = time.perf_counter()

    report = verify_detached(DOCUMENT, signature, roots)

    assert time.perf_counter() - started < 1
    assert report.verdict == "malformed"
    assert report.reason.startswith("The signature file is not a CMS signature")


def test_truncated_signature_is_malformed(alice_sig, roots):
    report = verify_detached(DOCUMENT, alice_sig[: len(alice_sig) // 2], roots)

    assert report.verdict == "malformed"


def test_certificate_bundle_is_not_a_signature(pki, roots):
    bundle = pki.openssl("crl2pkcs7", "-nocrl", "-certfile", pki.chain_path, "-outform", "DER")

    report = verify_detached(DOCUMENT, bundle, roots)

    assert report.verdict == "unsigned"


@pytest.mark.parametrize("data", [b"just some text", os.urandom(3000)], ids=["text", "random"])
def test_unknown_file_is_malformed(roots, data):
    report = verify_file(data, filename="notes.txt", trust_roots=roots)

    assert (report.kind, report.verdict) == ("cms", "malformed")
    assert "neither a PDF" in report.reason


# --- certificates ----------------------------------------------------------------------------


def test_load_certificates_pem_der_and_bundles(pki):
    several = pki.root.cert_pem + b"\n" + pki.intermediate.cert_pem
    bundle = pki.openssl("crl2pkcs7", "-nocrl", "-certfile", pki.chain_path, "-outform", "DER")

    assert len(load_certificates(several)) == 2
    assert load_certificates(pki.root.cert_der)[0].subject.native["common_name"] == (
        "DPO Test Root CA"
    )
    assert len(load_certificates(bundle)) == 1


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"garbage",
        os.urandom(300),
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    ],
    ids=["empty", "text", "random", "bad-pem"],
)
def test_load_certificates_rejects_garbage_clearly(data):
    with pytest.raises(InvalidInput) as caught:
        load_certificates(data)

    assert str(caught.value).endswith(".")
    assert "certificate" in str(caught.value).lower()
