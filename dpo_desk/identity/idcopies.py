"""Find an emailed ID copy inside its raw message, and cut it out (in memory only).

The raw message is evidence and stays, without the copy: the part is replaced by a short
``text/plain`` note naming the removed file's SHA-256. Everything happens on bytes in memory.
"""

from __future__ import annotations

import hashlib
from email import message_from_bytes
from email.message import Message
from email.policy import compat32

__all__ = ["contains_part", "without_part"]

_MAX_PARTS = 500


def _parts(message: Message) -> list[Message]:
    found: list[Message] = []
    for part in message.walk():
        if len(found) >= _MAX_PARTS:
            break
        if not part.is_multipart():
            found.append(part)
    return found


def _digest(part: Message) -> str | None:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        return None
    return hashlib.sha256(payload).hexdigest() if isinstance(payload, bytes) else None


def _parse(raw: bytes) -> Message | None:
    try:
        return message_from_bytes(raw, policy=compat32)
    except Exception:
        return None


def contains_part(raw: bytes, sha256: str) -> bool:
    """Does the message carry a part whose decoded bytes have this SHA-256?"""
    message = _parse(raw)
    return message is not None and any(_digest(p) == sha256 for p in _parts(message))


def without_part(raw: bytes, sha256: str, note: str) -> bytes | None:
    """The message with every part of that SHA-256 replaced by ``note``; None if none is found."""
    message = _parse(raw)
    if message is None:
        return None
    hit = False
    for part in _parts(message):
        if _digest(part) != sha256:
            continue
        hit = True
        for header in list(part.keys()):
            del part[header]
        part["Content-Type"] = 'text/plain; charset="utf-8"'
        part["Content-Transfer-Encoding"] = "8bit"
        part.set_payload(note.encode("utf-8"), None)
    if not hit:
        return None
    return message.as_bytes(policy=compat32)
