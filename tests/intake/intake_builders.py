"""Test helpers: build emails, Outlook .msg files and images in memory."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from datetime import UTC, datetime

EPOCH_1601 = datetime(1601, 1, 1, tzinfo=UTC)


def eml(
    body: bytes = b"Please delete my personal data.",
    *,
    headers: dict[str, str] | None = None,
    content_type: str = "text/plain; charset=utf-8",
    cte: str = "8bit",
    extra: bytes = b"",
) -> bytes:
    base = {
        "From": "Jane Example <jane@example.org>",
        "To": "support@infini.com",
        "Subject": "Request",
        "Date": "Tue, 03 Mar 2026 09:00:00 +0000",
        "Message-ID": "<m1@example.org>",
        "MIME-Version": "1.0",
    }
    base.update(headers or {})
    lines = [f"{k}: {v}" for k, v in base.items() if v is not None]
    head = "\r\n".join(lines).encode("utf-8")
    return (
        head
        + f"\r\nContent-Type: {content_type}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode()
        + body
        + b"\r\n"
        + extra
    )


def multipart(
    parts: list[bytes], boundary: str = "BOUNDARY", subtype: str = "mixed", **kw: str
) -> bytes:
    params = "".join(f'; {k}="{v}"' for k, v in kw.items())
    body = b"".join(b"--" + boundary.encode() + b"\r\n" + p + b"\r\n" for p in parts)
    body += b"--" + boundary.encode() + b"--\r\n"
    return eml(body, content_type=f'multipart/{subtype}; boundary="{boundary}"{params}', cte="7bit")


def part(body: bytes, content_type: str = "text/plain; charset=utf-8", headers: str = "") -> bytes:
    extra = headers if headers.endswith("\r\n") or not headers else headers + "\r\n"
    return f"Content-Type: {content_type}\r\n{extra}\r\n".encode() + body


def b64_part(data: bytes, content_type: str, filename_header: str) -> bytes:
    return (
        f"Content-Type: {content_type}\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Disposition: attachment; {filename_header}\r\n\r\n"
    ).encode() + base64.encodebytes(data)


# --- Outlook .msg ----------------------------------------------------------------------------


def _u16(s: str) -> bytes:
    return s.encode("utf-16-le")


def _prop_var(tag: int, size: int) -> bytes:
    return struct.pack("<IIII", tag, 6, size, 0)


def _prop_fixed(tag: int, value: int) -> bytes:
    return struct.pack("<IIQ", tag, 6, value)


def build_msg(
    *,
    subject: str = "Запрос на удаление данных",
    body: str = "Прошу удалить мои персональные данные.\r\n",
    sender_name: str = "Aigerim Example",
    sender_email: str = "aigerim@example.org",
    to: str = "support@infini.com",
    sent: datetime = datetime(2026, 3, 3, 9, 59, tzinfo=UTC),
    transport_headers: str | None = (
        "Received: from mx.example.org by mail.infini.com; Tue, 3 Mar 2026 10:00:00 +0000\r\n"
        "Message-ID: <abc@example.org>\r\n"
        "Date: Tue, 3 Mar 2026 09:59:00 +0000\r\n"
    ),
    attachment: tuple[str, str, bytes] | None = (
        "../../etc/passwd",
        "application/pdf",
        b"%PDF-1.4 x",
    ),
) -> bytes:
    """A minimal but real Outlook message (an OLE compound file) written with extract-msg's
    own OleWriter: property streams, one recipient, optionally one attachment."""
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    streams = {
        "__substg1.0_001A001F": _u16("IPM.Note"),
        "__substg1.0_0037001F": _u16(subject),
        "__substg1.0_1000001F": _u16(body),
        "__substg1.0_0C1A001F": _u16(sender_name),
        "__substg1.0_5D01001F": _u16(sender_email),
        "__substg1.0_0E04001F": _u16(to),
        "__substg1.0_1035001F": _u16("<abc@example.org>"),
    }
    if transport_headers is not None:
        streams["__substg1.0_007D001F"] = _u16(transport_headers)
    for name, data in streams.items():
        writer.addEntry(name, data)
    props = b"\0" * 8 + struct.pack("<IIII", 1, 1 if attachment else 0, 1, 1 if attachment else 0)
    props += b"\0" * 8
    for name, data in streams.items():
        props += _prop_var(int(name[-8:], 16), len(data) + 2)
    filetime = int((sent - EPOCH_1601).total_seconds() * 10_000_000)
    props += _prop_fixed(0x00390040, filetime) + _prop_fixed(0x0E060040, filetime)
    writer.addEntry("__properties_version1.0", props)
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    recip = "__recip_version1.0_#00000000"
    writer.addEntry(recip, storage=True)
    rprops = b"\0" * 8
    for name, value in (
        ("__substg1.0_3001001F", "Support"),
        ("__substg1.0_39FE001F", to),
        ("__substg1.0_3003001F", to),
    ):
        writer.addEntry(f"{recip}/{name}", _u16(value))
        rprops += _prop_var(int(name[-8:], 16), len(_u16(value)) + 2)
    rprops += _prop_fixed(0x0C150003, 1)
    writer.addEntry(f"{recip}/__properties_version1.0", rprops)
    if attachment:
        filename, media_type, data = attachment
        att = "__attach_version1.0_#00000000"
        writer.addEntry(att, storage=True)
        aprops = b"\0" * 8
        for name, value in (
            ("__substg1.0_3707001F", filename),
            ("__substg1.0_370E001F", media_type),
        ):
            writer.addEntry(f"{att}/{name}", _u16(value))
            aprops += _prop_var(int(name[-8:], 16), len(_u16(value)) + 2)
        writer.addEntry(f"{att}/__substg1.0_37010102", data)
        aprops += _prop_var(0x37010102, len(data)) + _prop_fixed(0x37050003, 1)
        writer.addEntry(f"{att}/__properties_version1.0", aprops)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# --- images ----------------------------------------------------------------------------------


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose IHDR claims width × height pixels (no real pixel data)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def image_bytes(fmt: str, size: tuple[int, int] = (64, 48), pages: int = 1) -> bytes:
    from PIL import Image

    frames = [Image.new("L", size, 40 * i % 255) for i in range(pages)]
    buf = io.BytesIO()
    if pages > 1:
        frames[0].save(buf, fmt, save_all=True, append_images=frames[1:])
    else:
        frames[0].save(buf, fmt)
    return buf.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
