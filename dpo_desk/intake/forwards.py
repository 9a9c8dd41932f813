"""Forwarded mail: find the original message inside a forward.

When a support agent forwards a customer's mail to the DPO, the customer (the original sender)
is the data subject and the original date is when the controller received the request. The
forward header blocks of the common mail programs are recognised as data, one table row each:
Gmail and Thunderbird ("---------- Forwarded message ---------" / "-------- Forwarded Message
--------"), Outlook ("-----Original Message-----", or a "From:/Sent:" block), Apple Mail
("Begin forwarded message:") and Russian clients ("-------- Пересылаемое сообщение --------",
"Переслано", "Начало переадресованного сообщения"). No Qt, no SQL, nothing logged.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = ["Forwarded", "find_forward"]

# A line that opens a forwarded block (matched on its own line, case-insensitive).
_MARKERS: tuple[str, ...] = (
    r"-{2,}\s*forwarded message\s*-{2,}",  # Gmail, Thunderbird
    r"begin forwarded message\s*:",  # Apple Mail
    r"-{2,}\s*original message\s*-{2,}",  # Outlook
    r"_{10,}",  # Outlook's rule above a From:/Sent: block
    r"-{2,}\s*пересылаемое сообщение\s*-{2,}",  # Mail.ru, Yandex
    r"-{2,}\s*переслан\w*\s+сообщение\s*-{2,}|переслано\s*:?",  # Yandex, Telegram-style
    r"начало переадресованного сообщения\s*:",  # Apple Mail (ru)
    r"-{2,}\s*(?:weitergeleitete nachricht|message transféré|mensaje reenviado)\s*-{2,}",
)
_MARKER = re.compile(r"^[ \t>]*(?:" + "|".join(_MARKERS) + r")[ \t]*$", re.I | re.M)

# Header fields of the forwarded block: (field, patterns of its label in each client)
_FIELDS: dict[str, str] = {
    "from": r"from|от|от кого|von|de|от:",
    "date": r"date|sent|дата|отправлено|datum|gesendet|envoyé|enviado|fecha",
    "other": r"to|cc|subject|тема|кому|копия|betreff|an|objet|à|asunto|para|reply-to",
}
_FIELD = re.compile(
    r"^[ \t>]*\*?(" + "|".join(f"(?P<{k}>{v})" for k, v in _FIELDS.items()) + r")\*?\s*:\s*(.+)$",
    re.I | re.M,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_RU_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ]
    )
}


@dataclass(frozen=True)
class Forwarded:
    from_name: str
    from_addr: str
    sent_at: datetime | None  # the original's date, UTC; None if it cannot be read
    body: str  # the forwarded message's text (what follows its header block)
    forwarder_note: str  # what the forwarder wrote above the block


def find_forward(body: str) -> Forwarded | None:
    """The first forwarded message in ``body`` with a readable sender, or None."""
    for marker in _MARKER.finditer(body):
        block = body[marker.end() : marker.end() + 4000]
        found = _header_block(block)
        if found is None:
            continue
        name, addr, date_text, end = found
        return Forwarded(
            from_name=name,
            from_addr=addr.lower(),
            sent_at=_parse_date(date_text),
            body=block[end:].strip() + body[marker.end() + 4000 :],
            forwarder_note=body[: marker.start()].strip(),
        )
    return None


# Mail.ru / Yandex: '02.03.2026, 10:14, "Иван Петров" <ivan@example.ru>:' on one line
_ONE_LINE = re.compile(
    r"^\s*(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4}),?\s*(?:(?P<h>\d{1,2}):(?P<mi>\d{2}))?,?\s*"
    r"(?P<who>.*?@[^\s>]+>?)\s*:\s*$",
    re.M,
)


def _header_block(block: str) -> tuple[str, str, str, int] | None:
    one = _ONE_LINE.match(block.lstrip("\n"))
    if one is not None:
        offset = len(block) - len(block.lstrip("\n"))
        name, addr = email.utils.parseaddr(one.group("who"))
        stamp = (
            f"{one.group('d')} {one.group('mo')} {one.group('y')} "
            f"{one.group('h') or '0'}:{one.group('mi') or '00'}"
        )
        if addr:
            return name, addr, stamp, offset + one.end()
    sender = date_text = ""
    end = 0
    for m in _FIELD.finditer(block[:1500]):
        if block[end : m.start()].strip() and end:  # the header block ended
            break
        value = m.group(len(_FIELDS) + 2).strip()
        if m.group("from") and not sender:
            sender = value
        elif m.group("date") and not date_text:
            date_text = value
        end = m.end()
    if not sender:
        return None
    name, addr = email.utils.parseaddr(sender.replace("[mailto:", "<").replace("]", ">"))
    if not addr or "@" not in addr:
        match = _ADDRESS.search(sender)
        if match is None:
            return None
        addr = match.group(0)
        name = sender[: match.start()].strip(" <\"'")
    return name.strip(" \"'"), addr, date_text, end


def _parse_date(text: str) -> datetime | None:
    if not text:
        return None
    numeric = re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4}) (\d{1,2}):(\d{2})", text)
    if numeric:
        d, mo, y, h, mi = (int(x) for x in numeric.groups())
        try:
            return datetime(y, mo, d, h, mi, tzinfo=UTC)
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        parsed = _parse_loose(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


_LOOSE = re.compile(
    r"(?:\w+,?\s+)?(?P<a>\d{1,2}|[A-Za-z]+)\.?\s+(?P<b>\d{1,2}|[A-Za-zА-Яа-яё]+),?\s+(?P<y>\d{4})"
    r"(?:[\s,]*(?:г\.|at|в|um|à)?[\s,]*(?P<h>\d{1,2}):(?P<m>\d{2}))?"
)
_EN_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}


def _month(word: str) -> int | None:
    w = word.lower()
    for table in (_EN_MONTHS, _RU_MONTHS):
        for name, number in table.items():
            if name.startswith(w[:3]) and (w in name or name in w or len(w) >= 3):
                return number
    return None


def _parse_loose(text: str) -> datetime | None:
    """'Monday, March 2, 2026 10:14 AM', '2 марта 2026 г., 10:14', '2 March 2026 at 10:14'."""
    m = _LOOSE.search(text)
    if m is None:
        return None
    a, b = m.group("a"), m.group("b")
    day, month = (int(a), _month(b)) if a.isdigit() else (int(b) if b.isdigit() else 0, _month(a))
    if not month or not 1 <= day <= 31:
        return None
    hour = int(m.group("h") or 0)
    if re.search(r"\bpm\b", text, re.I) and hour < 12:
        hour += 12
    try:
        return datetime(int(m.group("y")), month, day, hour, int(m.group("m") or 0))
    except ValueError:
        return None
