"""S/MIME signed emails made with ``openssl smime``/``openssl cms``, checked on their raw bytes."""

from __future__ import annotations

import os

import pytest

from dpo_desk.identity.signatures import is_smime, verify_file, verify_smime

BODY = (
    b"Dear data protection officer,\n"
    b"please send me a copy of the personal data you hold about me.\n"
    b"From the start of my contract in 2021.\n"
    b"\n"
    b"Alice\n"
)


@pytest.fixture(scope="module")
def signed_mail(pki) -> bytes:
    return pki.openssl_smime(BODY, pki.alice, sender="Alice Example <alice@example.org>")


@pytest.fixture(scope="module")
def opaque_mail(pki) -> bytes:
    return pki.openssl_smime(BODY, pki.alice, sender="alice@example.org", opaque=True)


def _lf(message: bytes) -> bytes:
    return message.replace(b"\r\n", b"\n")


def test_multipart_signed_is_valid(signed_mail, roots):
    report = verify_smime(signed_mail, roots)

    assert (report.kind, report.verdict) == ("smime", "valid")
    assert report.sender_email_matches is True
    assert report.sender == "alice@example.org"
    (check,) = report.signatures
    assert check.signer == "Alice Example"
    assert check.signer_email == "alice@example.org"
    assert (check.intact, check.valid, check.trusted) == (True, True, True)
    assert check.covers_whole_document is None


@pytest.mark.parametrize("line_ends", ["LF", "CRLF"])
def test_line_endings_do_not_matter(signed_mail, roots, line_ends):
    message = _lf(signed_mail)
    if line_ends == "CRLF":
        message = message.replace(b"\n", b"\r\n")

    assert verify_smime(message, roots).verdict == "valid"


def test_openssl_cms_text_signature(pki, roots):
    message = (
        b"From: alice@example.org\nTo: dpo@controller.example\nSubject: request\n"
        + pki.openssl(
            "cms",
            "-sign",
            "-text",
            "-signer",
            pki.alice.cert_path,
            "-inkey",
            pki.alice.key_path,
            "-certfile",
            pki.chain_path,
            stdin=BODY,
        )
    )

    report = verify_smime(message, roots)

    assert report.verdict == "valid"
    assert report.sender_email_matches is True


def test_opaque_pkcs7_mime_is_valid(opaque_mail, roots):
    report = verify_smime(opaque_mail, roots)

    assert report.verdict == "valid"
    assert report.sender_email_matches is True


def test_tampered_body_is_invalid(signed_mail, roots):
    tampered = signed_mail.replace(b"a copy of the personal", b"a copy of the financial")

    report = verify_smime(tampered, roots)

    assert report.verdict == "invalid"
    assert report.signatures[0].intact is False


def test_tampered_opaque_content_is_not_valid(opaque_mail, roots):
    lines = _lf(opaque_mail).split(b"\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(b"MII")) + 3
    lines[index] = (
        lines[index][:10] + (b"A" if lines[index][10:11] != b"A" else b"B") + lines[index][11:]
    )

    report = verify_smime(b"\n".join(lines), roots)

    assert report.verdict in ("invalid", "malformed")


def test_sender_mismatch_is_reported(pki, roots):
    message = pki.openssl_smime(BODY, pki.alice, sender="Bob <bob@example.org>")

    report = verify_smime(message, roots)

    assert report.verdict == "valid"  # the signature itself is fine...
    assert report.sender_email_matches is False  # ...but it is not the sender's
    assert "not the sender" in report.reason
    assert "alice@example.org" in report.signatures[0].problems[0]


def test_sender_match_ignores_case(pki, roots):
    message = pki.openssl_smime(BODY, pki.alice, sender="ALICE@Example.ORG")

    assert verify_smime(message, roots).sender_email_matches is True


def test_signer_without_email_does_not_match(pki, roots):
    message = pki.openssl_smime(BODY, pki.no_email, sender="carol@example.org")

    report = verify_smime(message, roots)

    assert report.sender_email_matches is False
    assert "no email address" in report.signatures[0].problems[0]


def test_untrusted_and_expired_signers(pki, roots):
    stranger = verify_smime(
        pki.openssl_smime(BODY, pki.stranger, sender="mallory@example.net"), roots
    )
    expired = verify_smime(pki.openssl_smime(BODY, pki.expired, sender="erik@example.org"), roots)

    assert stranger.verdict == "untrusted"
    assert stranger.sender_email_matches is True
    assert expired.verdict == "untrusted"
    assert expired.signatures[0].expired is True


def test_mbox_from_quoting_is_undone(signed_mail, roots):
    mboxed = _lf(signed_mail).replace(b"\nFrom the start", b"\n>From the start")

    assert verify_smime(mboxed, roots).verdict == "valid"


def test_signed_part_nested_in_a_mailing_list_wrapper(signed_mail, roots):
    head, _, body = _lf(signed_mail).partition(b"\n\n")
    inner_headers = b"\n".join(
        line for line in head.split(b"\n") if line.lower().startswith((b"content-", b"mime-"))
    )
    wrapped = (
        b"From: alice@example.org\nTo: list@example.org\nSubject: request\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="LIST"\n\n'
        b"--LIST\n" + inner_headers + b"\n\n" + body + b"\n--LIST\n"
        b"Content-Type: text/plain\n\n-- \nlist footer\n--LIST--\n"
    )

    report = verify_smime(wrapped, roots)

    assert is_smime(wrapped)
    # the list footer is content no signature covers: never valid as a whole
    assert report.verdict == "partial"
    assert [check.status for check in report.signatures] == ["valid"]
    (outside,) = report.unsigned_parts
    assert outside.startswith("Part 2 of the multipart/mixed message (text/plain)")


def test_encrypted_message_is_unsupported(pki, roots):
    message = pki.openssl("smime", "-encrypt", "-aes256", pki.bob_rsa.cert_path, stdin=BODY)

    report = verify_smime(message, roots)

    assert is_smime(message)
    assert report.verdict == "unsupported"
    assert "encrypted" in report.reason


def test_openpgp_signed_message_is_unsupported(roots):
    message = (
        b"From: alice@example.org\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/signed; protocol="application/pgp-signature";'
        b' micalg=pgp-sha256; boundary="P"\n\n'
        b"--P\nContent-Type: text/plain\n\nhello\n--P\n"
        b"Content-Type: application/pgp-signature\n\n-----BEGIN PGP SIGNATURE-----\n--P--\n"
    )

    report = verify_smime(message, roots)

    assert not is_smime(message)
    assert report.verdict == "unsupported"
    assert "OpenPGP" in report.reason


def test_plain_email_is_unsigned(roots):
    message = b"From: alice@example.org\nSubject: hello\n\nNo signature here.\n"

    report = verify_smime(message, roots)

    assert not is_smime(message)
    assert (report.verdict, report.sender) == ("unsigned", "alice@example.org")
    assert report.sender_email_matches is None


def test_missing_from_leaves_the_match_open(signed_mail, roots):
    without_from = b"\n".join(
        line for line in _lf(signed_mail).split(b"\n") if not line.startswith(b"From:")
    )

    report = verify_smime(without_from, roots)

    assert report.verdict == "valid"
    assert report.sender_email_matches is None


def test_garbage_signature_part_is_malformed(signed_mail, roots):
    head, sep, rest = _lf(signed_mail).partition(b"Content-Disposition: attachment")
    broken = head + sep + b'; filename="smime.p7s"\n\nbm90IGEgc2lnbmF0dXJl\n' + rest[-60:]

    report = verify_smime(broken, roots)

    assert report.verdict == "malformed"
    assert report.reason


def test_multipart_signed_without_signature_part_is_malformed(roots):
    message = (
        b"From: a@example.org\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain\n\nhello\n--B--\n"
    )

    report = verify_smime(message, roots)

    assert report.verdict == "malformed"
    assert "two parts" in report.reason


@pytest.mark.parametrize(
    "message",
    [b"", os.urandom(4096), b"Content-Type: multipart/signed\n\n" + os.urandom(512)],
    ids=["empty", "random", "signed-without-boundary"],
)
def test_hostile_messages_never_crash(message, roots):
    report = verify_smime(message, roots)

    assert report.verdict in ("malformed", "unsigned")
    assert report.reason


def test_is_smime_is_cheap_and_strict(signed_mail, opaque_mail, signed_pdf):
    assert is_smime(signed_mail)
    assert is_smime(opaque_mail)
    assert not is_smime(signed_pdf)
    assert not is_smime(os.urandom(1000))


def test_verify_file_sniffs_email(signed_mail, roots):
    report = verify_file(signed_mail, filename="request.eml", trust_roots=roots)
    plain = verify_file(b"From: a@example.org\nSubject: x\n\nhi\n", trust_roots=roots)

    assert (report.kind, report.verdict) == ("smime", "valid")
    assert (plain.kind, plain.verdict) == ("smime", "unsigned")
