"""The triage inbox (issue 17): imported mail that is not confidently a request.

A message waits here instead of becoming a case with a running deadline. Its original bytes
stay inside the encrypted case file (like any attachment); nothing is written elsewhere.
Accepting turns it into a case (the caller does that, then calls :meth:`InboxRepo.remove`);
dismissing deletes the row — ``secure_delete`` is on and a WAL checkpoint follows, as for the
destruction of an ID copy — and leaves an audit event without the message's content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dpo_desk.core.errors import NotFound

from .repositories import _Repo

if TYPE_CHECKING:
    from .store import CaseFile

__all__ = ["InboxItem", "InboxRepo"]


@dataclass(frozen=True)
class InboxItem:
    id: int
    received: date
    sender: str
    sender_name: str
    subject: str
    kinds: tuple[str, ...]  # the classifier's suggestions (possibly none)
    evidence: dict[str, tuple[str, ...]]  # per suggested kind, the phrases found
    language: str
    confidence: float
    reason: str  # why it waits (not a request, low confidence, automated mail ...)
    notes: tuple[str, ...]  # e.g. "forwarded by ..."
    controller_id: int | None
    content_hash: str
    message_id: str | None
    sha256: str
    filename: str
    source_format: str
    body_text: str
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """The headless contract of ``dpo-desk inbox list --json`` (one element)."""
        return {
            "id": self.id,
            "received": self.received.isoformat(),
            "sender": self.sender,
            "subject": self.subject,
            "kinds": list(self.kinds),
            "language": self.language or None,
            "confidence": round(self.confidence, 3),
        }


_COLUMNS = (
    "id, received, sender, sender_name, subject, kinds, evidence, language, confidence, reason, "
    "notes, controller_id, content_hash, message_id, sha256, filename, source_format, body_text, "
    "created_at"
)


def _item(r: dict[str, Any]) -> InboxItem:
    evidence = {k: tuple(v) for k, v in json.loads(r["evidence"] or "{}").items()}
    return InboxItem(
        id=r["id"],
        received=date.fromisoformat(r["received"]),
        sender=r["sender"],
        sender_name=r["sender_name"],
        subject=r["subject"],
        kinds=tuple(json.loads(r["kinds"] or "[]")),
        evidence=evidence,
        language=r["language"],
        confidence=float(r["confidence"]),
        reason=r["reason"],
        notes=tuple(json.loads(r["notes"] or "[]")),
        controller_id=r["controller_id"],
        content_hash=r["content_hash"],
        message_id=r["message_id"],
        sha256=r["sha256"],
        filename=r["filename"],
        source_format=r["source_format"],
        body_text=r["body_text"],
        created_at=datetime.fromisoformat(r["created_at"]),
    )


class InboxRepo(_Repo):
    def __init__(self, cf: CaseFile) -> None:
        super().__init__(cf)

    def add(
        self,
        *,
        raw: bytes,
        filename: str,
        source_format: str,
        message_id: str | None,
        content_hash: str,
        sha256: str,
        received: date,
        sender: str,
        sender_name: str,
        subject: str,
        body_text: str,
        kinds: tuple[str, ...],
        evidence: dict[str, tuple[str, ...]],
        language: str,
        confidence: float,
        reason: str,
        notes: tuple[str, ...] = (),
        controller_id: int | None = None,
    ) -> InboxItem:
        with self.cf.transaction():
            cur = self.db.execute(
                "INSERT INTO intake_inbox(raw, filename, source_format, message_id, content_hash, "
                "sha256, received, sender, sender_name, subject, body_text, kinds, evidence, "
                "language, confidence, reason, notes, controller_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    raw,
                    filename,
                    source_format,
                    message_id,
                    content_hash,
                    sha256,
                    received.isoformat(),
                    sender,
                    sender_name,
                    subject,
                    body_text,
                    json.dumps(list(kinds)),
                    json.dumps({k: list(v) for k, v in evidence.items()}, ensure_ascii=False),
                    language,
                    confidence,
                    reason,
                    json.dumps(list(notes), ensure_ascii=False),
                    controller_id,
                    self._now(),
                ),
            )
            item_id = int(cur.lastrowid or 0)
            # the event names the message by its hash only: no sender, no subject
            self.cf.log(
                "inbox.added", None, {"inbox_id": item_id, "sha256": sha256, "reason": reason}
            )
        return self.get(item_id)

    def get(self, item_id: int) -> InboxItem:
        rows = list(self.db.query(f"SELECT {_COLUMNS} FROM intake_inbox WHERE id = ?", (item_id,)))
        if not rows:
            raise NotFound(f"There is no message {item_id} in the inbox.")
        return _item(rows[0])

    def raw(self, item_id: int) -> bytes:
        row = self.db.execute("SELECT raw FROM intake_inbox WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no message {item_id} in the inbox.")
        return bytes(row[0])

    def list(self) -> list[InboxItem]:
        return [
            _item(r)
            for r in self.db.query(
                f"SELECT {_COLUMNS} FROM intake_inbox ORDER BY received DESC, id DESC"
            )
        ]

    def count(self) -> int:
        row = self.db.execute("SELECT count(*) FROM intake_inbox").fetchone()
        return int(row[0])

    def find_duplicate(self, message_id: str | None, content_hash: str) -> InboxItem | None:
        if message_id:
            rows = list(
                self.db.query(
                    f"SELECT {_COLUMNS} FROM intake_inbox WHERE message_id = ? LIMIT 1",
                    (message_id,),
                )
            )
            if rows:
                return _item(rows[0])
        rows = list(
            self.db.query(
                f"SELECT {_COLUMNS} FROM intake_inbox WHERE content_hash = ? LIMIT 1",
                (content_hash,),
            )
        )
        return _item(rows[0]) if rows else None

    def remove(self, item_id: int, *, action: str, data: dict[str, Any]) -> None:
        """Delete the message (in the caller's transaction, if any) with an audit event."""
        item = self.get(item_id)
        with self.cf.transaction():
            self.db.execute("DELETE FROM intake_inbox WHERE id = ?", (item_id,))
            self.cf.log(
                action,
                data.get("case_id"),
                {"inbox_id": item_id, "sha256": item.sha256, **data},
            )

    def dismiss(self, item_id: int, reason: str) -> None:
        """Delete a message the DPO judged not a request; no page keeps its bytes."""
        self.remove(item_id, action="inbox.dismissed", data={"reason": reason})
        self.cf.checkpoint()
