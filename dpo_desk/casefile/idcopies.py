"""ID copies marked among emailed attachments, and the rewriting of their messages (issue 15).

An ID copy that arrived attached to an email lives twice in the case file: as the attachment
(role ``email_part``) and inside the raw message kept as evidence (role ``email``). Marking it
turns the attachment into an ``id_document`` (so destruction covers it) and remembers which raw
message holds it; when the copy is destroyed the message is re-stored without that part, its
original SHA-256 kept here and in the audit trail. SQL only; the decisions are the services'.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk.core.errors import NotFound

if TYPE_CHECKING:
    from .store import CaseFile

__all__ = [
    "IdCopyMark",
    "automatic_backups",
    "get_mark",
    "mark",
    "marks_for_case",
    "replace_message",
]


@dataclass(frozen=True)
class IdCopyMark:
    attachment_id: int
    email_attachment_id: int | None
    previous_role: str
    reason: str
    marked_at: datetime
    message_sha256: str | None  # the raw message's SHA-256 before the copy was cut out of it
    message_rewritten_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "attachment_id": self.attachment_id,
            "email_attachment_id": self.email_attachment_id,
            "previous_role": self.previous_role,
            "reason": self.reason,
            "marked_at": self.marked_at.isoformat(),
            "message_sha256": self.message_sha256,
            "message_rewritten_at": self.message_rewritten_at.isoformat()
            if self.message_rewritten_at
            else None,
        }


def _from_row(row: dict[str, Any]) -> IdCopyMark:
    rewritten = row["message_rewritten_at"]
    return IdCopyMark(
        int(row["attachment_id"]),
        row["email_attachment_id"],
        row["previous_role"],
        row["reason"],
        datetime.fromisoformat(row["marked_at"]),
        row["message_sha256"],
        datetime.fromisoformat(rewritten) if rewritten else None,
    )


def mark(
    cf: CaseFile, attachment_id: int, *, email_attachment_id: int | None, reason: str
) -> IdCopyMark:
    """Make an attachment an ID copy (role ``id_document``), remembering the message holding it."""
    meta = cf.attachments.get(attachment_id)
    with cf.transaction():
        cf.db.execute(
            "INSERT INTO id_copy_marks(attachment_id, email_attachment_id, previous_role, reason, "
            "marked_at) VALUES (?, ?, ?, ?, ?)",
            (attachment_id, email_attachment_id, str(meta.role), reason, cf.clock().isoformat()),
        )
        cf.db.execute("UPDATE attachments SET role = 'id_document' WHERE id = ?", (attachment_id,))
        cf.log(
            "identity.copy_marked",
            meta.case_id,
            {
                "attachment_id": attachment_id,
                "email_attachment_id": email_attachment_id,
                "previous_role": str(meta.role),
                "sha256": meta.sha256,
            },
        )
    return get_mark(cf, attachment_id)


def get_mark(cf: CaseFile, attachment_id: int) -> IdCopyMark:
    rows = list(
        cf.db.query("SELECT * FROM id_copy_marks WHERE attachment_id = ?", (attachment_id,))
    )
    if not rows:
        raise NotFound(f"Attachment {attachment_id} is not marked as an ID copy.")
    return _from_row(rows[0])


def marks_for_case(cf: CaseFile, case_id: int) -> list[IdCopyMark]:
    return [
        _from_row(r)
        for r in cf.db.query(
            "SELECT m.* FROM id_copy_marks m JOIN attachments a ON a.id = m.attachment_id "
            "WHERE a.case_id = ? ORDER BY m.attachment_id",
            (case_id,),
        )
    ]


def replace_message(
    cf: CaseFile, email_attachment_id: int, data: bytes, *, copy_attachment_id: int
) -> None:
    """Re-store a raw message without an ID copy; its former SHA-256 stays on record."""
    before = cf.attachments.get(email_attachment_id)
    digest = hashlib.sha256(data).hexdigest()
    with cf.transaction():
        cf.db.execute(
            "UPDATE attachments SET data = ?, size = ?, sha256 = ? WHERE id = ?",
            (data, len(data), digest, email_attachment_id),
        )
        cf.db.execute(
            "UPDATE id_copy_marks SET message_sha256 = coalesce(message_sha256, ?), "
            "message_rewritten_at = ? WHERE attachment_id = ?",
            (before.sha256, cf.clock().isoformat(), copy_attachment_id),
        )
        cf.log(
            "email.id_copy_removed",
            before.case_id,
            {
                "attachment_id": email_attachment_id,
                "id_copy_attachment_id": copy_attachment_id,
                "original_sha256": before.sha256,
                "sha256": digest,
            },
        )


def automatic_backups(path: Path) -> list[Path]:
    """The copies DPO Desk made by itself beside the case file (before each migration), and
    what an interrupted one left (``.<name>.pre-v….bak.<hex>.partial``)."""
    folder, name = Path(path).parent, Path(path).name
    found = [*folder.glob(f"{name}.pre-v*.bak"), *folder.glob(f".{name}.pre-v*.partial")]
    return sorted(found)
