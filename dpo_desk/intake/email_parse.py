"""Parse request emails (.eml, Outlook .msg, .mbox) and plain-text letters into ``ParsedEmail``.

No Qt, no SQL, no files written. Every parse is an item boundary: anything unexpected becomes
``ImportRejected`` with a reason (``MemoryError`` and ``KeyboardInterrupt`` pass through), so one
bad message never stops a batch. Hostile input is bounded by ``Limits`` *before* the standard
library parser runs (it takes ~0.3 ms per MIME part and recurses per nesting level).

Nothing here logs message content: personal data never goes into logs.
"""

from __future__ import annotations

import codecs
import contextlib
import email
import email.errors
import email.policy
import email.utils
import hashlib
import html
import io
import mimetypes
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from dpo_desk.core.errors import ImportRejected

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "MboxMessageRejected",
    "ParsedAttachment",
    "ParsedEmail",
    "decode_text_letter",
    "html_to_text",
    "iter_mbox",
    "parse_bytes",
    "parse_eml",
    "parse_msg",
    "parse_path",
    "parse_text_letter",
    "safe_filename",
]


# --- limits and results ----------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Bounds for one message. Exceeding any of them rejects the message with a reason."""

    max_bytes: int = 50 * 1024 * 1024  # one message (or one .msg / .txt file)
    max_parts: int = 500  # MIME parts, counted before and after parsing
    max_depth: int = 20  # multipart nesting
    max_header_len: int = 64 * 1024  # one header field, unfolded
    max_header_block: int = 1024 * 1024  # all header lines of one part
    max_headers: int = 2000  # header fields of one part
    max_attachment_bytes: int = 40 * 1024 * 1024  # one decoded attachment
    max_attachments: int = 200
    max_html_chars: int = 5_000_000  # HTML converted to text; the rest is cut with a warning
    max_body_chars: int = 5_000_000
    max_filename_len: int = 120
    max_mbox_messages: int = 100_000


DEFAULT_LIMITS = Limits()

# A date outside this window is "absurd" (year 1900, year 3000, epoch zero ...).
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_LATEST = datetime(2100, 1, 1, tzinfo=UTC)
_SKEW = timedelta(minutes=15)
_FUTURE = timedelta(days=1)


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str  # made safe: no path parts, control characters or leading dots; never empty
    media_type: str
    data: bytes
    sha256: str
    original_filename: str = ""  # as the sender wrote it (decoded), for display only


@dataclass(frozen=True)
class ParsedEmail:
    raw: bytes  # the original bytes, kept as evidence
    sha256: str
    message_id: str | None
    subject: str
    from_name: str
    from_addr: str
    to_addrs: tuple[str, ...]
    cc_addrs: tuple[str, ...]
    sent_at: datetime | None  # Date header, UTC; None if missing or absurd
    received_at: datetime | None  # topmost Received header's date; falls back to sent_at
    date_warnings: tuple[str, ...]
    body_text: str
    attachments: tuple[ParsedAttachment, ...]
    is_smime_signed: bool
    content_hash: str  # normalised body + sender + subject, for duplicate detection
    source_format: str  # "eml" | "msg" | "mbox" | "txt"
    warnings: tuple[str, ...] = ()  # charset fallbacks, cut bodies, mbox quoting ...
    body_is_html: bool = False  # the body was converted from HTML
    reply_to: str = ""
    mbox_index: int | None = None  # position in the mailbox (0-based) for mbox items

    @property
    def all_warnings(self) -> tuple[str, ...]:
        return self.date_warnings + self.warnings


class MboxMessageRejected(ImportRejected):
    """One message of a mailbox could not be imported; the others still are."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"Message {index + 1} of the mailbox was not imported: {reason}")
        self.index = index
        self.reason = reason


# --- public entry points ---------------------------------------------------------------------


def parse_eml(
    data: bytes, *, limits: Limits = DEFAULT_LIMITS, now: datetime | None = None
) -> ParsedEmail:
    """Parse an RFC 5322 message. Raises ``ImportRejected`` with a reason.

    ``now`` (UTC) lets dates in the future be recognised; without it only absurd years and
    clock skew against the Received chain are reported.
    """
    return _boundary(lambda: _parse_eml(data, limits, now, "eml"))


def parse_msg(
    data: bytes, *, limits: Limits = DEFAULT_LIMITS, now: datetime | None = None
) -> ParsedEmail:
    """Parse an Outlook .msg file (extract-msg, imported only when needed)."""
    return _boundary(lambda: _parse_msg(data, limits, now))


def parse_text_letter(
    data: bytes, *, limits: Limits = DEFAULT_LIMITS, name: str = ""
) -> ParsedEmail:
    """A plain-text letter (e.g. a transcribed postal request) as a pseudo-email: body only."""
    return _boundary(lambda: _parse_text(data, limits, name))


def iter_mbox(
    source: str | Path | bytes | IO[bytes],
    *,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> Iterator[ParsedEmail | ImportRejected]:
    """Yield one item per message of an mbox: a ``ParsedEmail`` or an ``ImportRejected``.

    The mbox's own ">From " quoting is not undone (the bytes stay as stored), but a signed
    message whose body had such quoting carries a warning that its signature will not verify.
    A path is streamed; the whole mailbox is never held in memory.
    """
    if isinstance(source, bytes | bytearray):
        yield from _iter_mbox_stream(io.BytesIO(bytes(source)), limits, now)
        return
    if isinstance(source, str | Path):
        with open(source, "rb") as fh:
            yield from _iter_mbox_stream(fh, limits, now)
        return
    yield from _iter_mbox_stream(source, limits, now)


def parse_bytes(
    data: bytes,
    name: str = "",
    *,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> list[ParsedEmail | ImportRejected]:
    """Parse a file's bytes by its name's extension, or by sniffing the content."""
    kind = _sniff_kind(data, name)
    if kind == "msg":
        return [_item(lambda: parse_msg(data, limits=limits, now=now))]
    if kind == "mbox":
        return list(iter_mbox(data, limits=limits, now=now))
    if kind == "eml":
        return [_item(lambda: parse_eml(data, limits=limits, now=now))]
    if kind == "txt":
        return [_item(lambda: parse_text_letter(data, limits=limits, name=name))]
    return [ImportRejected(_unknown_kind_sentence(name))]


def parse_path(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, now: datetime | None = None
) -> list[ParsedEmail | ImportRejected]:
    """Parse a file by extension or sniffing: .eml, .msg, .mbox, or a plain .txt letter.

    ``OSError`` (missing file, no permission) is raised as is; everything about the content
    comes back as ``ImportRejected`` items.
    """
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(4096)
    kind = _sniff_kind(head, path.name)
    if kind == "mbox":
        return list(iter_mbox(path, limits=limits, now=now))
    size = path.stat().st_size
    if size > limits.max_bytes:
        return [ImportRejected(_too_large_sentence(size, limits.max_bytes))]
    return parse_bytes(path.read_bytes(), path.name, limits=limits, now=now)


# --- item boundary ---------------------------------------------------------------------------


def _boundary(fn: Any) -> ParsedEmail:
    try:
        return fn()
    except ImportRejected:
        raise
    except (MemoryError, KeyboardInterrupt):
        raise
    except RecursionError:
        raise ImportRejected("The message is nested too deeply to be read safely.") from None
    except Exception as exc:  # the per-item boundary: a bug in a parser must not stop a batch
        raise ImportRejected(
            f"The message could not be read ({type(exc).__name__}); it may be malformed."
        ) from exc


def _item(fn: Any) -> ParsedEmail | ImportRejected:
    try:
        return fn()
    except ImportRejected as exc:
        return exc


def _too_large_sentence(size: int, limit: int) -> str:
    return f"The file is {_mb(size)}, more than the {_mb(limit)} limit."


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _unknown_kind_sentence(name: str) -> str:
    suffix = Path(name).suffix.lower()
    what = f"'{suffix}' files" if suffix else "this file"
    return f"DPO Desk cannot read {what}: expected an .eml, .msg, .mbox or plain .txt letter."


# --- sniffing --------------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER_LINE = re.compile(rb"^[!-9;-~]{1,76}:[ \t]?", re.MULTILINE)
_KNOWN_HEADERS = re.compile(
    rb"(?im)^(?:from|to|subject|date|message-id|received|mime-version|content-type|"
    rb"return-path|delivered-to|reply-to|cc|x-[a-z0-9-]+|dkim-signature|arc-[a-z-]+):"
)


def _sniff_kind(head: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    if head.startswith(_OLE_MAGIC):
        return "msg"
    if suffix == ".msg":
        return "msg"
    if suffix in (".mbox", ".mbx") or head.startswith(b"From "):
        return "mbox"
    if suffix in (".eml", ".email", ".mht", ".mhtml"):
        return "eml"
    if suffix in (".txt", ".text", ""):
        return "eml" if _looks_like_email(head) else "txt"
    return "unknown"


def _looks_like_email(head: bytes) -> bool:
    top = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return len(_KNOWN_HEADERS.findall(top)) >= 2 and head[:1] not in (b" ", b"\t")


# --- .eml ------------------------------------------------------------------------------------

_POLICY = email.policy.default.clone(max_line_length=None)
_CT_LINE = re.compile(rb"(?im)^content-type:")
_BOUNDARY_DECL = re.compile(
    rb"(?is)content-type:\s*multipart/[^\n]*?(?:\n[ \t][^\n]*?)*?boundary\*?\s*=\s*"
    rb'(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))'
)


def _prescan(data: bytes, limits: Limits) -> None:
    """Reject what would make the stdlib parser slow or recurse, before it runs."""
    if len(data) > limits.max_bytes:
        raise ImportRejected(_too_large_sentence(len(data), limits.max_bytes))
    end = _header_end(data)
    if end is None and len(data) > limits.max_header_block:
        raise ImportRejected("The message has no body and its header is too large.")
    if end is not None and end > limits.max_header_block:
        raise ImportRejected(
            f"The message header is {_mb(end)}, more than the {_mb(limits.max_header_block)} "
            "allowed."
        )
    headers = [m.start() for m in _CT_LINE.finditer(data)]
    parts_bound = len(headers)
    declared = _declared_boundaries(data, headers)
    delimiters = _delimiter_count(data, declared)
    if parts_bound > limits.max_parts or delimiters > 2 * limits.max_parts + 8:
        raise ImportRejected(
            f"The message has more than {limits.max_parts} MIME parts; it was not imported."
        )
    if len(declared) > limits.max_depth and _nesting_depth(data, declared) > limits.max_depth:
        raise ImportRejected(
            f"The message's MIME parts are nested more than {limits.max_depth} levels deep."
        )


def _declared_boundaries(data: bytes, headers: list[int]) -> list[bytes]:
    """The boundaries declared by multipart Content-Type fields, read only where such a field
    starts (one scan of a 50 MB message instead of two)."""
    found: list[bytes] = []
    for start in headers:
        m = _BOUNDARY_DECL.match(data, start, start + 4096)
        if m is not None:
            found.append(m.group(1) or m.group(2))
    return found


def _delimiter_count(data: bytes, declared: list[bytes]) -> int:
    """Lines that delimit a part of a declared boundary: real parts, not every line that
    starts with "--" (signatures, rulers and quoted lists in a text email)."""
    if not declared:
        return 0
    alternatives = b"|".join(re.escape(b) for b in set(declared))
    return len(re.findall(rb"(?m)^--(?:" + alternatives + rb")(?:--)?[ \t]*\r?$", data))


def _header_end(data: bytes) -> int | None:
    positions = [p for p in (data.find(b"\n\n"), data.find(b"\r\n\r\n")) if p >= 0]
    return min(positions) if positions else None


def _nesting_depth(data: bytes, declared: list[bytes]) -> int:
    """Approximate the parser's nesting from boundary declarations and delimiter lines."""
    alternatives = b"|".join(re.escape(b) for b in set(declared))
    event = re.compile(
        rb"(?is)(content-type:\s*multipart/[^\n]*?(?:\n[ \t][^\n]*?)*?boundary\*?\s*=\s*"
        rb'(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200})))|(?m:^--(' + alternatives + rb")(--)?)"
    )
    stack: list[bytes] = []
    deepest = 0
    for m in event.finditer(data):
        if m.group(1):
            stack.append(m.group(2) or m.group(3))
            deepest = max(deepest, len(stack))
        else:
            b = m.group(4)
            if b in stack:
                while stack and stack[-1] != b:
                    stack.pop()
                if m.group(5) and stack:
                    stack.pop()
    return deepest


def _parse_eml(
    data: bytes,
    limits: Limits,
    now: datetime | None,
    source_format: str,
    *,
    entity_only: bool = False,
) -> ParsedEmail:
    if not data.strip():
        raise ImportRejected("The file is empty.")
    _prescan(data, limits)
    msg = email.message_from_bytes(data, policy=_POLICY)
    if not isinstance(msg, EmailMessage):  # pragma: no cover - the policy guarantees it
        raise ImportRejected("The message could not be read.")
    if not entity_only:
        _check_is_email(msg)
    warnings: list[str] = []
    _check_structure(msg, limits)
    subject = _clip(_header_text(msg, "subject", limits), 2000)
    from_name, from_addr = _first_address(msg, "from", limits)
    _, reply_to = _first_address(msg, "reply-to", limits)
    to_addrs = _addresses(msg, "to", limits)
    cc_addrs = _addresses(msg, "cc", limits)
    message_id = _message_id(_header_text(msg, "message-id", limits))

    sent_at, received_at, date_warnings = _dates(msg, now)
    body, is_html, body_warnings = _body_text(msg, limits)
    warnings.extend(body_warnings)
    attachments, att_warnings = _attachments(msg, limits)
    warnings.extend(att_warnings)
    signed = _is_smime_signed(msg)
    if signed and not body.strip():
        inner = _opaque_signed_content(msg, limits)
        if inner is not None:
            body, is_html, inner_warnings, inner_attachments = inner
            warnings.extend(inner_warnings)
            attachments = attachments + inner_attachments
    return ParsedEmail(
        raw=data,
        sha256=hashlib.sha256(data).hexdigest(),
        message_id=message_id,
        subject=subject,
        from_name=from_name,
        from_addr=from_addr,
        to_addrs=to_addrs,
        cc_addrs=cc_addrs,
        sent_at=sent_at,
        received_at=received_at,
        date_warnings=tuple(date_warnings),
        body_text=body,
        attachments=tuple(attachments),
        is_smime_signed=signed,
        content_hash=content_hash(body, from_addr, subject),
        source_format=source_format,
        warnings=tuple(dict.fromkeys(warnings)),
        body_is_html=is_html,
        reply_to=reply_to,
    )


def _check_is_email(msg: Message) -> None:
    names = {k.lower() for k, _ in msg.raw_items()}
    wanted = {"from", "to", "subject", "date", "message-id", "received", "mime-version"}
    if not names & wanted:
        raise ImportRejected("The file is not an email message (no From, To, Subject or Date).")


def _check_structure(msg: Message, limits: Limits) -> None:
    """Walk iteratively; count parts, measure depth, bound headers."""
    count = 0
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        if count > limits.max_parts:
            raise ImportRejected(
                f"The message has more than {limits.max_parts} MIME parts; it was not imported."
            )
        if depth > limits.max_depth:
            raise ImportRejected(
                f"The message's MIME parts are nested more than {limits.max_depth} levels deep."
            )
        for n, (_name, value) in enumerate(part.raw_items(), start=1):
            if n > limits.max_headers:
                raise ImportRejected(
                    f"A part of the message has more than {limits.max_headers} header fields."
                )
            if len(value) > limits.max_header_len:
                raise ImportRejected(
                    f"A header field is longer than {_mb(limits.max_header_len)}; "
                    "the message was not imported."
                )
        payload = part.get_payload()
        if isinstance(payload, list):
            stack.extend((p, depth + 1) for p in payload if isinstance(p, Message))


# --- headers ---------------------------------------------------------------------------------


def _raw_header(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items():
        if key.lower() == name:
            return str(value)
    return None


def _raw_headers(msg: Message, name: str) -> list[str]:
    return [str(v) for k, v in msg.raw_items() if k.lower() == name]


def _decode_raw(value: str) -> str:
    """RFC 2047 decoding without the modern header parser (fallback when it fails)."""
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # malformed encoded words: keep the text as it is
        return value


def _header_text(msg: Message, name: str, limits: Limits) -> str:
    raw = _raw_header(msg, name)
    if raw is None:
        return ""
    try:
        value = msg.get(name)
        text = str(value) if value is not None else ""
    except Exception:  # the stdlib header parser has known crashes on hostile input
        text = _decode_raw(raw)
    return _clean_text_line(text)[: limits.max_header_len]


def _clean_text_line(text: str) -> str:
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() or ch == " " else " " for ch in text)
    return " ".join(text.split())


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n]


def _first_address(msg: Message, name: str, limits: Limits) -> tuple[str, str]:
    pairs = _address_pairs(msg, name, limits)
    return pairs[0] if pairs else ("", "")


def _addresses(msg: Message, name: str, limits: Limits) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for _, addr in _address_pairs(msg, name, limits):
        if addr:
            seen.setdefault(addr, None)
    return tuple(seen)[:500]


def _address_pairs(msg: Message, name: str, limits: Limits) -> list[tuple[str, str]]:
    raws = _raw_headers(msg, name)
    if not raws:
        return []
    pairs: list[tuple[str, str]] = []
    try:
        for header in msg.get_all(name) or []:
            for address in getattr(header, "addresses", ()):
                pairs.append(
                    (
                        _clean_text_line(address.display_name or ""),
                        _clean_addr(address.addr_spec or ""),
                    )
                )
    except Exception:
        pairs = []
    if not pairs:
        decoded = [_decode_raw(r)[: limits.max_header_len] for r in raws]
        for display, addr in email.utils.getaddresses(decoded):
            pairs.append((_clean_text_line(display), _clean_addr(addr)))
    return [(n, a) for n, a in pairs if n or a]


def _clean_addr(addr: str) -> str:
    addr = _clean_text_line(addr).strip("<> ")
    if addr.count("@") != 1 or " " in addr or len(addr) > 320:
        return ""
    local, domain = addr.split("@")
    return f"{local}@{domain.lower()}" if local and domain else ""


def _message_id(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    m = re.search(r"<([^<>\s]{1,500})>", value)
    token = m.group(1) if m else value.split()[0].strip("<>")
    return token[:500] or None


# --- dates -----------------------------------------------------------------------------------


def _parse_date(value: str) -> datetime | None:
    value = value.strip()
    if not value or len(value) > 200:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # "-0000": the zone is unknown; read as UTC
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _plausible(d: datetime, now: datetime | None) -> str | None:
    """None if plausible, else why not."""
    if d < _EARLIEST:
        return f"is in {d.year}, too early to be real"
    if d >= _LATEST:
        return f"is in {d.year}, too far in the future to be real"
    if now is not None and d > now + _FUTURE:
        return "is in the future"
    return None


def _dates(
    msg: Message, now: datetime | None
) -> tuple[datetime | None, datetime | None, list[str]]:
    warnings: list[str] = []
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    sent_at: datetime | None = None
    raw_date = _raw_header(msg, "date")
    if raw_date is None:
        warnings.append("The message has no Date header.")
    else:
        parsed = _parse_date(_decode_raw(raw_date))
        if parsed is None:
            warnings.append("The Date header could not be read.")
        else:
            why = _plausible(parsed, now)
            if why:
                warnings.append(f"The Date header {why}; it was ignored.")
            else:
                sent_at = parsed
    received_at: datetime | None = None
    received = _raw_headers(msg, "received")
    for index, value in enumerate(received[:50]):
        text = _decode_raw(value)
        stamp = _parse_date(text.rsplit(";", 1)[1]) if ";" in text else None
        if stamp is None or _plausible(stamp, now):
            if index == 0:
                warnings.append("The topmost Received header has no usable date.")
            continue
        received_at = stamp
        if index > 0:
            warnings.append("The received time was taken from a lower Received header.")
        break
    if received_at is None:
        if received:
            warnings.append("No Received header has a usable date; the Date header was used.")
        received_at = sent_at
    if sent_at is not None and received_at is not None and received_at is not sent_at:
        if sent_at > received_at + _SKEW:
            minutes = int((sent_at - received_at).total_seconds() // 60)
            warnings.append(
                f"The sender's clock was {minutes} minutes ahead of the receiving server "
                "(Date is later than Received)."
            )
        elif received_at - sent_at > timedelta(days=3):
            days = (received_at - sent_at).days
            warnings.append(f"The message arrived {days} days after its Date header.")
    if sent_at is None and received_at is None:
        warnings.append("No usable date: enter the received date by hand.")
    return sent_at, received_at, warnings


# --- bodies ----------------------------------------------------------------------------------


def _decode_payload(part: Message, limits: Limits) -> tuple[bytes, list[str]]:
    warnings: list[str] = []
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
        warnings.append("A part's transfer encoding is broken; it was read as is.")
    if data is None:
        raw = part.get_payload()
        data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    if not isinstance(data, bytes):  # pragma: no cover - defensive
        data = bytes(data)
    return data, warnings


def _charset_of(part: Message) -> str | None:
    try:
        charset = part.get_content_charset()
    except Exception:
        return None
    return charset.strip() if charset else None


def decode_text(data: bytes, charset: str | None) -> tuple[str, list[str]]:
    """Decode text in its declared charset; unknown or wrong charsets fall back with a warning."""
    warnings: list[str] = []
    if charset:
        try:
            info = codecs.lookup(charset)
            if not getattr(info, "_is_text_encoding", True):
                raise LookupError(charset)
        except (LookupError, ValueError):
            warnings.append(
                f"Unknown character set '{_clean_text_line(charset)[:40]}'; the text was read "
                "with replacement characters."
            )
            charset = None
    if charset:
        try:
            return data.decode(charset), warnings
        except UnicodeDecodeError:
            warnings.append(
                f"The text is not valid {charset}; unreadable characters were replaced."
            )
            return data.decode(charset, "replace"), warnings
        except Exception:
            warnings.append("The text could not be decoded in its declared character set.")
    text, guess_warnings = _guess_decode(data)
    return text, warnings + guess_warnings


def _guess_decode(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data[:20000] if b >= 0x80)
    if high == 0:
        return data.decode("ascii", "replace"), []
    cyr = data.decode("cp1251", "replace")
    lat = data.decode("cp1252", "replace")
    cyr_letters = sum(1 for ch in cyr[:20000] if "\u0400" <= ch <= "\u04ff")
    ascii_letters = sum(1 for b in data[:20000] if 65 <= b <= 90 or 97 <= b <= 122)
    if cyr_letters > ascii_letters:  # mostly high bytes: Cyrillic, not accented Latin
        return cyr, ["No character set was declared; the text was read as windows-1251."]
    return lat, ["No character set was declared; the text was read as windows-1252."]


class _HtmlText(HTMLParser):
    _BLOCK = frozenset(
        {
            "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd",
            "dt", "address", "center", "form",
        }
    )  # fmt: skip
    _SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "object"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "li":
            self.out.append("\n\u2022li ")
        elif tag in ("td", "th"):
            self.out.append("\t")
        elif tag in self._BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr", "p"):
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(markup: str) -> str:
    """Readable text from HTML: block structure kept, scripts and styles dropped.

    Uses only the standard library's ``html.parser``; nothing is fetched.
    """
    parser = _HtmlText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; anything odd falls back to tag stripping
        return _normalise_text(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    return _normalise_text("".join(parser.out))


def _normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = re.sub(r"(\u2022li [^\n]*)\n\s*\n(?=\s*\u2022li )", r"\1\n", text)
    text = text.replace("\u2022li ", "- ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    blank = 0
    for line in lines:
        if line:
            blank = 0
            out.append(line)
        else:
            blank += 1
            if blank == 1 and out:
                out.append("")
    return "\n".join(out).strip()


def _is_attachment(part: Message) -> bool:
    try:
        disposition = (part.get_content_disposition() or "").lower()
    except Exception:
        disposition = ""
    if disposition == "attachment":
        return True
    if not _is_text(part):
        return True  # images, PDFs, signatures ... are files, whatever the disposition
    try:
        filename = part.get_filename()
    except Exception:
        filename = None
    return bool(filename) and disposition != "inline"


def _is_text(part: Message) -> bool:
    return part.get_content_type() in ("text/plain", "text/html")


def _body_candidates(msg: Message) -> Iterator[Message]:
    """Leaves in document order, not descending into attached messages or signatures."""
    stack: list[Message] = [msg]
    while stack:
        part = stack.pop()
        ctype = part.get_content_type()
        if part is not msg and ctype == "message/rfc822":
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            children = [p for p in payload if isinstance(p, Message)]
            if ctype == "multipart/signed":
                children = children[:1]
            stack.extend(reversed(children))
        else:
            yield part


def _body_text(msg: Message, limits: Limits) -> tuple[str, bool, list[str]]:
    warnings: list[str] = []
    plain: list[str] = []
    htmls: list[str] = []
    for part in _body_candidates(msg):
        if _is_attachment(part):
            continue
        data, w = _decode_payload(part, limits)
        warnings.extend(w)
        text, w = decode_text(data, _charset_of(part))
        warnings.extend(w)
        if part.get_content_type() == "text/plain":
            plain.append(text)
        else:
            htmls.append(text)
    is_html = False
    if any(t.strip() for t in plain):
        body = "\n\n".join(t.strip("\n") for t in plain if t.strip())
        body = _normalise_newlines(body)
    elif htmls:
        is_html = True
        markup = "\n".join(htmls)
        if len(markup) > limits.max_html_chars:
            warnings.append("The HTML body was too long and was cut before conversion.")
            markup = markup[: limits.max_html_chars]
        body = html_to_text(markup)
    else:
        body = ""
    if len(body) > limits.max_body_chars:
        warnings.append("The body was too long and was cut.")
        body = body[: limits.max_body_chars]
    return _printable(body), is_html, warnings


def _printable(text: str) -> str:
    """Drop control and format characters but newlines and tabs; lines that are clean (nearly
    all) are checked at C speed, so a 5-million-character body costs milliseconds."""
    out = []
    for line in text.split("\n"):
        if line.isprintable() or line.replace("\t", "").isprintable():
            out.append(line)
        else:
            out.append("".join(ch for ch in line if ch == "\t" or ch.isprintable()))
    return "\n".join(out)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- attachments -----------------------------------------------------------------------------

_RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_DEVICES = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$")


def safe_filename(name: str | None, media_type: str = "", *, max_len: int = 120) -> str:
    """A file name that is safe to show and to save: never a path, never empty.

    Drops directory parts (``/`` and ``\\``), control and format characters, leading dots and
    spaces, Windows-reserved characters and device names; caps the length keeping the
    extension.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/")
    text = text.rsplit("/", 1)[-1]
    text = "".join(
        ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in ("\u200d",)
    )  # drops Cc, Cf (bidi overrides), Cs, Co, Cn
    text = _RESERVED.sub("_", text)
    text = " ".join(text.split())
    text = text.lstrip(". ").rstrip(". ")
    if _WINDOWS_DEVICES.match(text):
        text = "_" + text
    if not text or set(text) <= {"_", "-", "."}:
        ext = mimetypes.guess_extension(media_type or "") or ".bin"
        text = "attachment" + ext
    if len(text) > max_len:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10 and stem:
            text = stem[: max_len - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            text = text[:max_len]
    return text


def _attachments(msg: Message, limits: Limits) -> tuple[list[ParsedAttachment], list[str]]:
    out: list[ParsedAttachment] = []
    warnings: list[str] = []
    stack: list[Message] = [msg]
    while stack:
        part = stack.pop()
        ctype = part.get_content_type()
        payload = part.get_payload()
        if part is not msg and ctype == "message/rfc822":
            data = _embedded_message_bytes(part)
            if data is None:
                warnings.append("An attached message could not be kept.")
                continue
            name = _attachment_name(part) or "message.eml"
            _add_attachment(out, warnings, name, "message/rfc822", data, limits)
            continue
        if isinstance(payload, list):
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
            continue
        if not _is_attachment(part):
            continue
        data, w = _decode_payload(part, limits)
        warnings.extend(w)
        _add_attachment(out, warnings, _attachment_name(part), ctype, data, limits)
    return out, warnings


def _attachment_name(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        raw = part.get_param("name", header="content-type")
        name = email.utils.collapse_rfc2231_value(raw) if raw else None
    if name is None:
        return ""
    return name if isinstance(name, str) else str(name)


def _embedded_message_bytes(part: Message) -> bytes | None:
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        try:
            return payload[0].as_bytes(policy=_POLICY)
        except Exception:
            return None
    return None


def _add_attachment(
    out: list[ParsedAttachment],
    warnings: list[str],
    name: str,
    media_type: str,
    data: bytes,
    limits: Limits,
) -> None:
    if len(out) >= limits.max_attachments:
        warnings.append(f"Only the first {limits.max_attachments} attachments were kept.")
        return
    if len(data) > limits.max_attachment_bytes:
        warnings.append(
            f"An attachment of {_mb(len(data))} exceeds the {_mb(limits.max_attachment_bytes)} "
            "limit and was left out."
        )
        return
    original = _clean_text_line(name)[:500]
    safe = safe_filename(name, media_type, max_len=limits.max_filename_len)
    media_type = (
        media_type
        if re.fullmatch(r"[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+", media_type)
        else "application/octet-stream"
    )
    out.append(
        ParsedAttachment(
            filename=safe,
            media_type=media_type,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
            original_filename=original,
        )
    )


# --- S/MIME ----------------------------------------------------------------------------------


def _is_smime_signed(msg: Message) -> bool:
    for part in _iter_parts(msg, 4):
        ctype = part.get_content_type()
        if ctype == "multipart/signed":
            protocol = (part.get_param("protocol", header="content-type") or "").lower()
            if "pkcs7-signature" in str(protocol):
                return True
        if ctype in ("application/pkcs7-mime", "application/x-pkcs7-mime"):
            smime_type = str(part.get_param("smime-type", header="content-type") or "").lower()
            if smime_type == "signed-data":
                return True
            if not smime_type and _opaque_is_signed_data(part):
                return True
    return False


def _iter_parts(msg: Message, max_depth: int) -> Iterator[Message]:
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        yield part
        payload = part.get_payload()
        if isinstance(payload, list) and depth < max_depth:
            stack.extend((p, depth + 1) for p in payload if isinstance(p, Message))


def _opaque_is_signed_data(part: Message) -> bool:
    data = part.get_payload(decode=True) or b""
    # ContentInfo ::= SEQUENCE { contentType OID 1.2.840.113549.1.7.2 (signedData) ... }
    return b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02" in data[:64]


def _opaque_signed_content(
    msg: Message, limits: Limits
) -> tuple[str, bool, list[str], list[ParsedAttachment]] | None:
    """The MIME entity inside an opaque ``application/pkcs7-mime`` signed-data, if any."""
    for part in _iter_parts(msg, 4):
        if part.get_content_type() not in ("application/pkcs7-mime", "application/x-pkcs7-mime"):
            continue
        data = part.get_payload(decode=True) or b""
        try:
            from asn1crypto import cms

            info = cms.ContentInfo.load(data)
            if info["content_type"].native != "signed_data":
                continue
            inner = info["content"]["encap_content_info"]["content"].native
        except Exception:
            return ("", False, ["The signed content could not be opened."], [])
        if not isinstance(inner, bytes | bytearray):
            return None
        try:
            entity = _parse_eml(bytes(inner), limits, None, "eml", entity_only=True)
        except ImportRejected:
            return ("", False, ["The signed content could not be read."], [])
        return (
            entity.body_text,
            entity.body_is_html,
            list(entity.warnings),
            list(entity.attachments),
        )
    return None


# --- duplicate detection ---------------------------------------------------------------------

_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|tr|rv|r|ref|enc|odp|pd|ynt|ответ|пересл|fw)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)


def content_hash(body: str, from_addr: str, subject: str) -> str:
    """Hash of the normalised body, sender and subject (case, whitespace, Re:/Fwd: ignored)."""
    norm_body = " ".join(unicodedata.normalize("NFKC", body).casefold().split())
    norm_subject = " ".join(_SUBJECT_PREFIX.sub("", subject).casefold().split())
    material = "\x1f".join((norm_body, from_addr.strip().casefold(), norm_subject))
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


# --- plain-text letters ----------------------------------------------------------------------


def decode_text_letter(data: bytes) -> tuple[str, list[str]]:
    """Decode a plain-text file: BOMs, UTF-8, else windows-1251/1252 by content."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), []
    if b"\x00" in data[:4096]:
        raise ImportRejected("The file is not a text letter (it contains binary data).")
    controls = sum(1 for b in data[:4096] if b < 0x09 or 0x0E <= b < 0x20)
    if controls > 8:
        raise ImportRejected("The file is not a text letter (it contains binary data).")
    return _guess_decode(data)


def _parse_text(data: bytes, limits: Limits, name: str) -> ParsedEmail:
    if len(data) > limits.max_bytes:
        raise ImportRejected(_too_large_sentence(len(data), limits.max_bytes))
    text, warnings = decode_text_letter(data)
    body = _normalise_newlines("".join(ch for ch in text if ch in "\n\t\r" or ch.isprintable()))
    if not body.strip():
        raise ImportRejected("The letter is empty.")
    if len(body) > limits.max_body_chars:
        warnings.append("The letter was too long and was cut.")
        body = body[: limits.max_body_chars]
    subject = ""
    first, _, rest = body.partition("\n")
    m = re.match(
        r"(?i)^\s*(?:subject|betreff|objet|asunto|oggetto|onderwerp|assunto|temat|předmět|тема)\s*:\s*(.+)$",
        first,
    )
    if m:
        subject, body = m.group(1).strip(), rest.strip()
    return ParsedEmail(
        raw=data,
        sha256=hashlib.sha256(data).hexdigest(),
        message_id=None,
        subject=subject,
        from_name="",
        from_addr="",
        to_addrs=(),
        cc_addrs=(),
        sent_at=None,
        received_at=None,
        date_warnings=("A plain-text letter has no date: enter the received date by hand.",),
        body_text=body,
        attachments=(),
        is_smime_signed=False,
        content_hash=content_hash(body, "", subject),
        source_format="txt",
        warnings=tuple(warnings),
    )


# --- .msg ------------------------------------------------------------------------------------


def _parse_msg(data: bytes, limits: Limits, now: datetime | None) -> ParsedEmail:
    if len(data) > limits.max_bytes:
        raise ImportRejected(_too_large_sentence(len(data), limits.max_bytes))
    if not data.startswith(_OLE_MAGIC):
        raise ImportRejected("The file is not an Outlook .msg message.")
    import extract_msg  # lazy: ~0.3 s and ~20 packages
    from extract_msg.exceptions import ExMsgBaseException

    try:
        msg = extract_msg.openMsg(data, delayAttachments=False)
    except ExMsgBaseException as exc:
        raise ImportRejected(
            f"The .msg file could not be read ({type(exc).__name__}); it may be damaged or not an "
            "Outlook message."
        ) from exc
    try:
        return _msg_to_parsed(msg, data, limits, now)
    finally:
        with contextlib.suppress(Exception):  # closing must not hide the result
            msg.close()


# Outlook property streams that may hold the sender's address, tried in order, and the
# recipient types (MAPI PR_RECIPIENT_TYPE) the case cares about.
_MSG_SENDER_STREAMS: tuple[str, ...] = ("__substg1.0_5D01", "__substg1.0_0C1F", "__substg1.0_0065")
_MSG_RECIPIENT_TYPES: dict[int, str] = {1: "to", 2: "cc"}
_MSG_NAME_ATTRIBUTES: tuple[str, ...] = ("longFilename", "name", "shortFilename")


def _msg_to_parsed(msg: Any, data: bytes, limits: Limits, now: datetime | None) -> ParsedEmail:
    from extract_msg.msg_classes import MessageBase, MessageSigned

    if not isinstance(msg, MessageBase):
        raise ImportRejected(
            "The .msg file is an Outlook item but not an email (a contact, task or meeting?)."
        )
    warnings: list[str] = []
    header = _msg_safe(lambda: msg.header)
    headers = header if isinstance(header, Message) else None
    subject = _clean_text_line(_msg_safe(lambda: msg.subject) or "")[:2000]
    from_name, from_addr = _msg_sender(msg)
    recipients = _msg_recipients(msg)
    sent_at, received_at, date_warnings = _msg_dates(msg, headers, now)
    body, is_html = _msg_body(msg, limits, warnings)
    attachments = _msg_attachments(msg, limits, warnings)
    return ParsedEmail(
        raw=data,
        sha256=hashlib.sha256(data).hexdigest(),
        message_id=_message_id(_msg_safe(lambda: msg.messageId) or ""),
        subject=subject,
        from_name=from_name,
        from_addr=from_addr,
        to_addrs=tuple(dict.fromkeys(recipients["to"])),
        cc_addrs=tuple(dict.fromkeys(recipients["cc"])),
        sent_at=sent_at,
        received_at=received_at,
        date_warnings=tuple(date_warnings),
        body_text=body,
        attachments=tuple(attachments),
        is_smime_signed=isinstance(msg, MessageSigned),
        content_hash=content_hash(body, from_addr, subject),
        source_format="msg",
        warnings=tuple(dict.fromkeys(warnings)),
        body_is_html=is_html,
    )


def _msg_sender(msg: Any) -> tuple[str, str]:
    from_name, from_addr = "", ""
    sender = _msg_safe(lambda: msg.sender) or ""
    if sender:
        name, addr = email.utils.parseaddr(_clean_text_line(sender))
        from_name, from_addr = _clean_text_line(name), _clean_addr(addr)
        if not from_addr and not name:
            from_name = _clean_text_line(sender)
    for stream in _MSG_SENDER_STREAMS if not from_addr else ():
        value = _msg_safe(lambda s=stream: msg.getStringStream(s)) or ""
        if "@" in value:
            return from_name, _clean_addr(value)
    return from_name, from_addr


def _msg_recipients(msg: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {field: [] for field in _MSG_RECIPIENT_TYPES.values()}
    for recipient in _msg_safe(lambda: msg.recipients) or []:
        addr = _clean_addr(str(getattr(recipient, "email", "") or ""))
        field = _MSG_RECIPIENT_TYPES.get(int(getattr(recipient, "type", 1) or 1))
        if addr and field:
            found[field].append(addr)
    return found


def _msg_dates(
    msg: Any, headers: Message | None, now: datetime | None
) -> tuple[datetime | None, datetime | None, list[str]]:
    """Dates from the transport headers when the .msg kept them, else its own sent time."""
    if headers is not None and (headers.get_all("received") or headers.get("date")):
        sent_at, received_at, date_warnings = _dates(headers, now)
    else:
        sent_at, received_at, date_warnings = None, None, []
    if sent_at is None:
        stamp = _msg_safe(lambda: msg.date)
        if isinstance(stamp, datetime):
            stamp = (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).astimezone(UTC)
            why = _plausible(stamp, now)
            if why:
                date_warnings.append(f"The message's sent time {why}; it was ignored.")
            else:
                sent_at = stamp
                date_warnings = [w for w in date_warnings if "Date header" not in w]
        received_at = received_at or sent_at
    if sent_at is None and received_at is None and not date_warnings:
        date_warnings.append("No usable date: enter the received date by hand.")
    return sent_at, received_at, date_warnings


def _msg_body(msg: Any, limits: Limits, warnings: list[str]) -> tuple[str, bool]:
    body = _msg_safe(lambda: msg.body) or ""
    is_html = False
    if isinstance(body, bytes):
        body, w = decode_text(body, None)
        warnings.extend(w)
    body = _normalise_newlines(str(body))
    if not body.strip():
        markup = _msg_safe(lambda: msg.htmlBody)
        if markup:
            text, w = decode_text(markup, "utf-8") if isinstance(markup, bytes) else (markup, [])
            warnings.extend(w)
            body, is_html = html_to_text(text[: limits.max_html_chars]), True
    return body[: limits.max_body_chars], is_html


def _msg_attachments(msg: Any, limits: Limits, warnings: list[str]) -> list[ParsedAttachment]:
    attachments: list[ParsedAttachment] = []
    for att in _msg_safe(lambda: msg.attachments) or []:
        payload = _msg_safe(lambda a=att: a.data)
        name = next(
            (
                str(value)
                for attribute in _MSG_NAME_ATTRIBUTES
                if (value := _msg_safe(lambda a=att, n=attribute: getattr(a, n, None)))
            ),
            "",
        )
        media_type = str(_msg_safe(lambda a=att: a.mimetype) or "") or (
            mimetypes.guess_type(name)[0] or "application/octet-stream"
        )
        if isinstance(payload, bytes | bytearray):
            _add_attachment(attachments, warnings, name, media_type.lower(), bytes(payload), limits)
        elif payload is not None:
            embedded = _embedded_msg_bytes(payload)
            if embedded is None:
                warnings.append("An attached Outlook item could not be kept.")
            else:
                _add_attachment(
                    attachments, warnings, name or "message.msg",
                    "application/vnd.ms-outlook", embedded, limits,
                )  # fmt: skip
    return attachments


def _msg_safe(fn: Any) -> Any:
    """extract-msg computes properties lazily; one broken property must not sink the item."""
    try:
        return fn()
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception:
        return None


def _embedded_msg_bytes(item: Any) -> bytes | None:
    try:
        from extract_msg import OleWriter

        writer = OleWriter()
        writer.fromMsg(item)
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()
    except Exception:
        return None


# --- .mbox -----------------------------------------------------------------------------------

_FROM_QUOTED = re.compile(rb"(?m)^>+From ")


def _iter_mbox_stream(
    fh: IO[bytes], limits: Limits, now: datetime | None
) -> Iterator[ParsedEmail | ImportRejected]:
    for index, (chunk, oversize) in enumerate(_split_mbox(fh, limits)):
        if index >= limits.max_mbox_messages:
            yield ImportRejected(
                f"The mailbox has more than {limits.max_mbox_messages} messages; the rest were "
                "not read."
            )
            return
        if oversize:
            yield MboxMessageRejected(
                index, f"it is larger than the {_mb(limits.max_bytes)} limit."
            )
        else:
            try:
                parsed = _boundary(lambda c=chunk: _parse_eml(c, limits, now, "mbox"))
            except ImportRejected as exc:
                yield MboxMessageRejected(index, _lower_first(str(exc)))
            else:
                extra: tuple[str, ...] = ()
                if _FROM_QUOTED.search(chunk) and (parsed.is_smime_signed or _is_signed(chunk)):
                    extra = (
                        "The mailbox quoted lines beginning with 'From ' as '>From '; the "
                        "signed content changed and its signature will not verify.",
                    )
                yield replace(parsed, warnings=parsed.warnings + extra, mbox_index=index)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _is_signed(chunk: bytes) -> bool:
    head = chunk[:65536].lower()
    return b"multipart/signed" in head


_MBOX_READ = 1024 * 1024
"""The longest piece of a line read at once: a message that is one huge line (base64 without
line breaks) must not be held whole before its size is known."""


def _split_mbox(fh: IO[bytes], limits: Limits) -> Iterable[tuple[bytes, bool]]:
    """Split on 'From ' separator lines that follow a blank line (or start the file)."""
    buf: list[bytes] = []
    size = 0
    oversize = False
    started = False
    previous_blank = True
    at_line_start = True
    while line := fh.readline(_MBOX_READ):
        whole_line = at_line_start  # False for the second and later pieces of a long line
        at_line_start = line.endswith(b"\n")
        if whole_line and previous_blank and line.startswith(b"From "):
            if started:
                yield _strip_separator_blank(buf), oversize
            buf, size, oversize, started = [], 0, False, True
            previous_blank = False
            continue
        previous_blank = whole_line and line in (b"\n", b"\r\n")
        if not started:
            if line.strip():
                started = True  # a mailbox without a leading separator line
            else:
                continue
        if oversize:
            continue
        size += len(line)
        if size > limits.max_bytes:
            oversize, buf = True, []
            continue
        buf.append(line)
    if started:
        yield _strip_separator_blank(buf), oversize


def _strip_separator_blank(lines: list[bytes]) -> bytes:
    if lines and lines[-1] in (b"\n", b"\r\n"):
        lines = lines[:-1]
    return b"".join(lines)
