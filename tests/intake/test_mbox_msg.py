"""Mailboxes (.mbox) and Outlook messages (.msg)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from dpo_desk.core.errors import ImportRejected
from dpo_desk.intake.email_parse import (
    Limits,
    MboxMessageRejected,
    ParsedEmail,
    iter_mbox,
    parse_bytes,
    parse_msg,
    parse_path,
)
from tests.intake.intake_builders import build_msg, eml, multipart, part

SAMPLE_MSG = Path(__file__).resolve().parent.parent / "data" / "intake" / "request.msg"


def _mbox(*messages: bytes) -> bytes:
    out = b""
    for i, message in enumerate(messages):
        out += f"From sender{i}@example.org Tue Mar  3 09:00:00 2026\n".encode()
        out += message.replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n\n"
    return out


# --- mbox ------------------------------------------------------------------------------------


def test_mbox_yields_every_message_and_a_reason_for_the_broken_one():
    good1 = eml(b"Please delete my data.", headers={"Message-ID": "<1@x>"})
    broken = b"\x00\x01\x02\x03 not a message at all"
    good2 = eml(b"Bitte Auskunft.", headers={"Message-ID": "<2@x>"})
    items = list(iter_mbox(_mbox(good1, broken, good2)))
    assert len(items) == 3
    assert isinstance(items[0], ParsedEmail) and items[0].message_id == "1@x"
    assert isinstance(items[1], MboxMessageRejected)
    assert items[1].index == 1
    assert "Message 2 of the mailbox" in str(items[1])
    assert isinstance(items[2], ParsedEmail) and items[2].body_text == "Bitte Auskunft."
    assert [i.mbox_index for i in items if isinstance(i, ParsedEmail)] == [0, 2]
    assert items[2].source_format == "mbox"


def test_mbox_from_quoting_is_kept_and_flagged_on_signed_messages():
    signed = multipart(
        [
            part(b"line one\r\n>From the start of my request\r\nline three"),
            part(b"\x30\x82", "application/pkcs7-signature"),
        ],
        subtype="signed",
        protocol="application/pkcs7-signature",
    )
    plain = eml(b"hello\r\n>From here on")
    first, second = iter_mbox(_mbox(signed, plain))
    assert isinstance(first, ParsedEmail) and isinstance(second, ParsedEmail)
    assert ">From the start" in first.body_text  # nothing undone
    assert any("signature will not verify" in w for w in first.warnings)
    assert not any("signature" in w for w in second.warnings)


def test_mbox_from_a_path_streams(tmp_path):
    path = tmp_path / "box.mbox"
    path.write_bytes(_mbox(*(eml(f"message {i}".encode()) for i in range(5))))
    items = parse_path(path)
    assert [i.body_text for i in items if isinstance(i, ParsedEmail)] == [
        f"message {i}" for i in range(5)
    ]


def test_oversized_message_in_mbox_is_skipped_not_the_rest():
    limits = Limits(max_bytes=2000)
    big = eml(b"x" * 5000)
    items = list(iter_mbox(_mbox(eml(b"small one"), big, eml(b"small two")), limits=limits))
    assert isinstance(items[1], MboxMessageRejected)
    assert "larger than" in str(items[1])
    assert [i.body_text for i in items if isinstance(i, ParsedEmail)] == ["small one", "small two"]


def test_body_line_starting_with_from_without_blank_line_does_not_split():
    message = eml(b"first line\r\nFrom now on I object.\r\nlast line")
    (item,) = iter_mbox(_mbox(message))
    assert isinstance(item, ParsedEmail)
    assert "From now on I object." in item.body_text


def test_empty_mbox_yields_nothing():
    assert list(iter_mbox(b"")) == []


# --- msg -------------------------------------------------------------------------------------


def test_real_msg_file_is_parsed():
    data = SAMPLE_MSG.read_bytes()
    parsed = parse_msg(data)
    assert parsed.source_format == "msg"
    assert parsed.subject == "Запрос на удаление данных"
    assert parsed.body_text == "Прошу удалить мои персональные данные."
    assert parsed.from_name == "Aigerim Example"
    assert parsed.from_addr == "aigerim@example.org"
    assert parsed.to_addrs == ("support@infini.com",)
    assert parsed.message_id == "abc@example.org"
    assert parsed.sent_at == datetime(2026, 3, 3, 9, 59, tzinfo=UTC)
    assert parsed.received_at == datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    (att,) = parsed.attachments
    assert att.filename == "passwd"  # "../../etc/passwd" made safe
    assert att.data == b"%PDF-1.4 x"
    assert parsed.raw == data


def test_msg_without_transport_headers_uses_the_submit_time():
    data = build_msg(transport_headers=None, attachment=None)
    parsed = parse_msg(data)
    assert parsed.sent_at == datetime(2026, 3, 3, 9, 59, tzinfo=UTC)
    assert parsed.received_at == parsed.sent_at
    assert parsed.attachments == ()


def test_msg_with_absurd_date_is_flagged():
    data = build_msg(transport_headers=None, sent=datetime(1900, 1, 2, tzinfo=UTC))
    parsed = parse_msg(data)
    assert parsed.sent_at is None
    assert any("1900" in w for w in parsed.date_warnings)


@pytest.mark.parametrize(
    "data",
    [b"", b"not an ole file", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600],
)
def test_broken_msg_is_rejected_with_a_reason(data):
    with pytest.raises(ImportRejected):
        parse_msg(data)


def test_truncated_msg_is_rejected():
    data = SAMPLE_MSG.read_bytes()
    with pytest.raises(ImportRejected):
        parse_msg(data[: len(data) // 2])


def test_msg_is_found_by_sniffing_whatever_its_name():
    (item,) = parse_bytes(SAMPLE_MSG.read_bytes(), "request.dat")
    assert isinstance(item, ParsedEmail) and item.source_format == "msg"
