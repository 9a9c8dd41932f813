"""Email parsing: headers, charsets, HTML, attachments, dates, S/MIME, hostile structure."""

from __future__ import annotations

import base64
import hashlib
import time
from datetime import UTC, datetime

import pytest

from dpo_desk.core.errors import ImportRejected
from dpo_desk.intake.email_parse import (
    Limits,
    ParsedEmail,
    html_to_text,
    parse_bytes,
    parse_eml,
    parse_path,
    safe_filename,
)
from tests.intake.intake_builders import b64_part, eml, multipart, part


def _b64_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


# --- headers and charsets --------------------------------------------------------------------


def test_rfc2047_subject_and_koi8r_body():
    body = "Прошу удалить мои персональные данные.".encode("koi8-r")
    data = eml(
        body,
        headers={
            "Subject": _b64_word("Удаление данных", "koi8-r"),
            "From": f"{_b64_word('Айгерим', 'utf-8')} <Aigerim@Example.ORG>",
        },
        content_type="text/plain; charset=koi8-r",
    )
    parsed = parse_eml(data)
    assert parsed.subject == "Удаление данных"
    assert parsed.from_name == "Айгерим"
    assert parsed.from_addr == "Aigerim@example.org"  # domain lower-cased, local part kept
    assert parsed.body_text == "Прошу удалить мои персональные данные."
    assert parsed.raw == data
    assert parsed.sha256 == hashlib.sha256(data).hexdigest()
    assert parsed.source_format == "eml"
    assert parsed.message_id == "m1@example.org"


def test_windows1251_quoted_printable_body_and_q_encoded_subject():
    text = "Требую прекратить обработку моих данных."
    qp = "".join(f"={b:02X}" if b > 127 else chr(b) for b in text.encode("cp1251")).encode()
    subject = (
        "=?windows-1251?Q?"
        + "".join(
            f"={b:02X}" if b > 127 or b == 32 else chr(b) for b in "Требование".encode("cp1251")
        )
        + "?="
    )
    data = eml(
        qp,
        headers={"Subject": subject},
        content_type="text/plain; charset=windows-1251",
        cte="quoted-printable",
    )
    parsed = parse_eml(data)
    assert parsed.subject == "Требование"
    assert parsed.body_text == text


def test_unknown_charset_falls_back_with_a_warning():
    data = eml("Löschung bitte".encode(), content_type="text/plain; charset=x-no-such-charset")
    parsed = parse_eml(data)
    assert "Löschung bitte" in parsed.body_text
    assert any("Unknown character set" in w for w in parsed.warnings)


def test_wrong_charset_replaces_instead_of_crashing():
    data = eml(b"\xff\xfe\xfa broken utf-8", content_type="text/plain; charset=utf-8")
    parsed = parse_eml(data)
    assert "broken utf-8" in parsed.body_text
    assert any("not valid utf-8" in w for w in parsed.warnings)


def test_to_and_cc_addresses_are_collected():
    data = eml(headers={"To": "A <a@x.org>, b@Y.org", "Cc": "c@z.org", "Reply-To": "r@x.org"})
    parsed = parse_eml(data)
    assert parsed.to_addrs == ("a@x.org", "b@y.org")
    assert parsed.cc_addrs == ("c@z.org",)
    assert parsed.reply_to == "r@x.org"


def test_html_only_body_becomes_readable_text():
    html = (
        b"<html><head><style>p{color:red}</style><script>alert(1)</script></head>"
        b"<body><p>Hello,</p><p>please <b>erase</b> my data&nbsp;&amp; account.</p>"
        b"<ul><li>email</li><li>phone</li></ul><img src='http://tracker.example/x.png'></body></html>"
    )
    parsed = parse_eml(eml(html, content_type="text/html; charset=utf-8"))
    assert parsed.body_is_html
    assert parsed.body_text == "Hello,\n\nplease erase my data & account.\n\n- email\n- phone"
    assert "alert" not in parsed.body_text and "color" not in parsed.body_text


def test_alternative_prefers_plain_text():
    data = multipart(
        [part(b"plain version"), part(b"<p>html version</p>", "text/html; charset=utf-8")],
        subtype="alternative",
    )
    parsed = parse_eml(data)
    assert parsed.body_text == "plain version"
    assert not parsed.body_is_html


def test_html_to_text_survives_broken_markup():
    assert html_to_text("<p>unclosed <b>bold <i>x</p></div></span>") == "unclosed bold x"


# --- attachments -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('filename="../../etc/passwd"', "passwd"),
        ('filename="C:\\\\x\\\\..\\\\y"', "y"),
        ('filename="a\x00b.pdf"', "ab.pdf"),
        ('filename=".hidden"', "hidden"),
        ('filename="CON.pdf"', "_CON.pdf"),
        ("filename*=utf-8''%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82.pdf", "паспорт.pdf"),
        ('filename="=?utf-8?B?0L/QsNGB0L/QvtGA0YIucGRm?="', "паспорт.pdf"),
        ('filename=""', "attachment.pdf"),
    ],
)
def test_attachment_names_are_made_safe(header, expected):
    data = multipart([part(b"see attached"), b64_part(b"%PDF-1.4", "application/pdf", header)])
    parsed = parse_eml(data)
    (att,) = parsed.attachments
    assert att.filename == expected
    assert att.data == b"%PDF-1.4"
    assert att.sha256 == hashlib.sha256(b"%PDF-1.4").hexdigest()
    assert att.media_type == "application/pdf"


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "C:\\x\\..\\y", "a\x00b", "\u202egpj.exe", "..", "....", " ", "x" * 400],
)
def test_safe_filename_never_a_path_never_empty(name):
    safe = safe_filename(name, "image/jpeg")
    assert safe and "/" not in safe and "\\" not in safe
    assert not safe.startswith(".")
    assert all(ch.isprintable() for ch in safe)
    assert len(safe) <= 120


def test_long_name_keeps_its_extension():
    assert safe_filename("a" * 300 + ".pdf").endswith(".pdf")
    assert len(safe_filename("a" * 300 + ".pdf")) == 120


def test_attached_message_is_kept_whole_and_not_mixed_into_the_body():
    inner = eml(b"inner body text", headers={"Subject": "inner"})
    data = multipart([part(b"outer body"), part(inner, "message/rfc822")])
    parsed = parse_eml(data)
    assert parsed.body_text == "outer body"
    (att,) = parsed.attachments
    assert att.media_type == "message/rfc822"
    assert b"inner body text" in att.data


def test_too_large_attachment_is_left_out_with_a_warning():
    limits = Limits(max_attachment_bytes=10)
    data = multipart([part(b"x"), b64_part(b"0123456789abc", "image/png", 'filename="id.png"')])
    parsed = parse_eml(data, limits=limits)
    assert parsed.attachments == ()
    assert any("exceeds" in w for w in parsed.warnings)


# --- dates -----------------------------------------------------------------------------------


def test_received_date_comes_from_the_topmost_received_header():
    data = eml(
        headers={
            "Received": "from b by mx.infini.com; Tue, 03 Mar 2026 10:05:00 +0000",
            "X-Dummy": "x",
            "Date": "Tue, 03 Mar 2026 12:00:00 +0300",
        }
    )
    data = (
        b"Received: from a by edge.example; Tue, 03 Mar 2026 09:01:00 +0000\r\n" + data
    )  # a later hop is written above the earlier one
    parsed = parse_eml(data)
    assert parsed.sent_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert parsed.received_at == datetime(2026, 3, 3, 9, 1, tzinfo=UTC)
    assert parsed.date_warnings == ()


def test_missing_date_falls_back_and_warns():
    parsed = parse_eml(eml(headers={"Date": None}))
    assert parsed.sent_at is None and parsed.received_at is None
    assert any("no Date header" in w for w in parsed.date_warnings)
    assert any("by hand" in w for w in parsed.date_warnings)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("Mon, 01 Jan 1900 00:00:00 +0000", "1900"),
        ("Wed, 01 Jan 3000 00:00:00 +0000", "3000"),
        ("yesterday at noon", "could not be read"),
        ("Tue, 99 Foo 2026 99:99:99 +9999", "could not be read"),
        ("", "could not be read"),
    ],
)
def test_absurd_or_garbage_dates_are_ignored_with_a_reason(value, fragment):
    parsed = parse_eml(eml(headers={"Date": value}))
    assert parsed.sent_at is None
    assert any(fragment in w for w in parsed.date_warnings)


def test_future_date_needs_a_clock_and_is_then_rejected():
    data = eml(headers={"Date": "Tue, 01 Dec 2026 09:00:00 +0000"})
    assert parse_eml(data).sent_at is not None  # no clock given: only absurd years are caught
    parsed = parse_eml(data, now=datetime(2026, 3, 3, tzinfo=UTC))
    assert parsed.sent_at is None
    assert any("future" in w for w in parsed.date_warnings)


def test_clock_skew_between_date_and_received_is_reported():
    data = b"Received: from a by mx; Tue, 03 Mar 2026 09:00:00 +0000\r\n" + eml(
        headers={"Date": "Tue, 03 Mar 2026 11:00:00 +0000"}
    )
    parsed = parse_eml(data)
    assert parsed.received_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert any("120 minutes ahead" in w for w in parsed.date_warnings)


def test_unreadable_topmost_received_uses_the_next_one():
    data = (
        b"Received: from a by mx; garbage\r\n"
        b"Received: from b by relay; Tue, 03 Mar 2026 09:00:30 +0000\r\n" + eml()
    )
    parsed = parse_eml(data)
    assert parsed.received_at == datetime(2026, 3, 3, 9, 0, 30, tzinfo=UTC)
    assert any("topmost Received" in w for w in parsed.date_warnings)


# --- S/MIME ----------------------------------------------------------------------------------


def test_multipart_signed_pkcs7_is_recognised_and_body_read():
    data = multipart(
        [
            part(b"Please give me access."),
            b64_part(b"\x30\x82sig", "application/pkcs7-signature", 'filename="smime.p7s"'),
        ],
        subtype="signed",
        protocol="application/pkcs7-signature",
        micalg="sha-256",
    )
    parsed = parse_eml(data)
    assert parsed.is_smime_signed
    assert parsed.body_text == "Please give me access."
    assert [a.filename for a in parsed.attachments] == ["smime.p7s"]


def test_pgp_signed_is_not_smime():
    data = multipart(
        [part(b"hello"), part(b"-----BEGIN PGP SIGNATURE-----", "application/pgp-signature")],
        subtype="signed",
        protocol="application/pgp-signature",
    )
    assert not parse_eml(data).is_smime_signed


def test_opaque_pkcs7_signed_data_is_recognised_and_opened():
    from asn1crypto import cms

    inner = "Content-Type: text/plain; charset=utf-8\r\n\r\nОтзываю согласие.\r\n".encode()
    signed = cms.ContentInfo(
        {
            "content_type": "signed_data",
            "content": {
                "version": "v1",
                "digest_algorithms": [],
                "encap_content_info": {"content_type": "data", "content": inner},
                "signer_infos": [],
            },
        }
    ).dump()
    data = eml(
        base64.encodebytes(signed),
        content_type='application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"',
        cte="base64",
    )
    parsed = parse_eml(data)
    assert parsed.is_smime_signed
    assert parsed.body_text == "Отзываю согласие."


def test_encrypted_pkcs7_is_not_called_signed():
    data = eml(
        base64.encodebytes(b"\x30\x80garbage"),
        content_type="application/pkcs7-mime; smime-type=enveloped-data",
        cte="base64",
    )
    assert not parse_eml(data).is_smime_signed


# --- duplicates ------------------------------------------------------------------------------


def test_content_hash_ignores_reply_prefixes_whitespace_and_case():
    a = parse_eml(eml(b"Delete  my\r\ndata", headers={"Subject": "Request"}))
    b = parse_eml(
        eml(b"delete my data", headers={"Subject": "Re: request", "Message-ID": "<other@x>"})
    )
    c = parse_eml(eml(b"delete my account", headers={"Subject": "Request"}))
    assert a.content_hash == b.content_hash
    assert a.content_hash != c.content_hash


# --- hostile input ---------------------------------------------------------------------------


def _nested(depth: int) -> bytes:
    body = "text\r\n"
    for i in range(depth):
        body = f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n{body}\r\n--b{i}--\r\n'
    return ("From: a@b.c\r\nSubject: x\r\nMIME-Version: 1.0\r\n" + body).encode()


def test_deep_nesting_is_rejected_fast_with_a_reason():
    started = time.perf_counter()
    with pytest.raises(ImportRejected, match="nested more than 20 levels"):
        parse_eml(_nested(100))
    assert time.perf_counter() - started < 2.0


def test_nesting_within_the_limit_is_fine():
    assert parse_eml(_nested(10)).body_text == "text"


def test_ten_thousand_parts_are_rejected_fast_with_a_reason():
    parts = [part(f"part {i}".encode()) for i in range(10_000)]
    data = multipart(parts)
    started = time.perf_counter()
    with pytest.raises(ImportRejected, match="more than 500 MIME parts"):
        parse_eml(data)
    assert time.perf_counter() - started < 2.0


def test_parts_without_content_type_are_still_counted():
    body = b"".join(b"--B\r\n\r\npart\r\n" for _ in range(2000)) + b"--B--\r\n"
    data = eml(body, content_type='multipart/mixed; boundary="B"', cte="7bit")
    with pytest.raises(ImportRejected, match="MIME parts"):
        parse_eml(data)


def test_huge_header_is_rejected():
    data = eml(headers={"X-Huge": "a" * 2_000_000})
    with pytest.raises(ImportRejected, match="header"):
        parse_eml(data)


def test_long_single_header_field_is_rejected():
    data = eml(headers={"Subject": "b" * 100_000})
    with pytest.raises(ImportRejected, match="header field is longer"):
        parse_eml(data)


def test_too_large_message_is_rejected():
    with pytest.raises(ImportRejected, match="limit"):
        parse_eml(eml(b"x" * 2000), limits=Limits(max_bytes=1000))


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n", b"\x00\x01\x02 binary junk", b"just some words without headers"],
)
def test_not_an_email_is_rejected(data):
    with pytest.raises(ImportRejected):
        parse_eml(data)


def test_broken_base64_does_not_crash():
    data = eml(b"!!!not base64###", cte="base64")
    assert isinstance(parse_eml(data), ParsedEmail)


def test_malformed_address_headers_do_not_crash():
    data = eml(headers={"From": '"unterminated <@@@>', "To": "<<<>>>, ,,,", "Cc": "=?x?Q?bad?="})
    parsed = parse_eml(data)
    assert parsed.from_addr == ""
    assert parsed.to_addrs == ()


# --- files -----------------------------------------------------------------------------------


def test_parse_path_reads_eml_and_txt(tmp_path):
    (tmp_path / "a.eml").write_bytes(eml(b"Bitte Auskunft."))
    (tmp_path / "letter.txt").write_text("Subject: Auskunft\n\nIch bitte um Auskunft.\n", "utf-8")
    (first,) = parse_path(tmp_path / "a.eml")
    assert isinstance(first, ParsedEmail) and first.body_text == "Bitte Auskunft."
    (letter,) = parse_path(tmp_path / "letter.txt")
    assert isinstance(letter, ParsedEmail)
    assert letter.source_format == "txt"
    assert letter.subject == "Auskunft"
    assert letter.body_text == "Ich bitte um Auskunft."
    assert letter.received_at is None and letter.date_warnings


def test_txt_in_windows1251_is_decoded():
    data = "Прошу предоставить сведения об обработке моих данных.".encode("cp1251")
    (letter,) = parse_bytes(data, "letter.txt")
    assert isinstance(letter, ParsedEmail)
    assert letter.body_text.startswith("Прошу предоставить")
    assert any("windows-1251" in w for w in letter.warnings)


def test_an_eml_saved_as_txt_is_sniffed():
    (item,) = parse_bytes(eml(b"hello"), "saved.txt")
    assert isinstance(item, ParsedEmail) and item.source_format == "eml"


def test_unknown_extension_is_rejected_clearly():
    (item,) = parse_bytes(b"PK\x03\x04zip", "archive.zip")
    assert isinstance(item, ImportRejected)
    assert ".zip" in str(item)
