"""Recognised text of letter scans (issue 18), stored encrypted beside the scan.

One row per letter-scan attachment. ID copies are refused here too: their text is never stored.
Writing a text refreshes the case's search entry in the same transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dpo_desk.core.errors import InvalidInput, NotFound
from dpo_desk.core.model import AttachmentRole

from .repositories import _Repo


@dataclass(frozen=True)
class ScanText:
    attachment_id: int
    case_id: int
    text: str
    language: str
    confidence: float
    pages: int
    boxes: tuple[tuple[tuple[int, int, int, int], ...], ...]  # per page: recognised lines
    engine: str
    created_at: datetime


def _from_row(r: dict[str, Any]) -> ScanText:
    try:
        boxes = tuple(tuple(tuple(b) for b in page) for page in json.loads(r["boxes"] or "[]"))
    except (ValueError, TypeError):
        boxes = ()
    return ScanText(
        attachment_id=r["attachment_id"],
        case_id=r["case_id"],
        text=r["text"],
        language=r["language"],
        confidence=float(r["confidence"]),
        pages=int(r["pages"]),
        boxes=boxes,
        engine=r["engine"],
        created_at=datetime.fromisoformat(r["created_at"]),
    )


class ScanTextRepo(_Repo):
    def put(
        self,
        attachment_id: int,
        text: str,
        *,
        language: str = "",
        confidence: float = 0.0,
        pages: int = 0,
        boxes: list[list[tuple[int, int, int, int]]] | None = None,
        engine: str = "",
    ) -> ScanText:
        meta = self.cf.attachments.get(attachment_id)
        if meta.role != AttachmentRole.LETTER_SCAN:
            raise InvalidInput("Only letter scans keep recognised text; ID copies never do.")
        if meta.case_id is None:
            raise InvalidInput("The scan belongs to no case.")
        with self.cf.transaction():
            self._table("scan_texts").upsert(
                {
                    "attachment_id": attachment_id,
                    "case_id": meta.case_id,
                    "text": text,
                    "language": language,
                    "confidence": round(confidence, 1),
                    "pages": pages,
                    "boxes": json.dumps(boxes or []),
                    "engine": engine,
                    "created_at": self._now(),
                },
                pk="attachment_id",
            )
            self.cf.log(
                "scan.text_recognised",
                meta.case_id,
                {"attachment_id": attachment_id, "chars": len(text), "pages": pages},
            )
            self.cf.cases.refresh(meta.case_id)
        return self.get(attachment_id)

    def get(self, attachment_id: int) -> ScanText:
        rows = list(
            self.db.query("SELECT * FROM scan_texts WHERE attachment_id = ?", (attachment_id,))
        )
        if not rows:
            raise NotFound(f"Scan {attachment_id} has no recognised text.")
        return _from_row(rows[0])

    def find(self, attachment_id: int) -> ScanText | None:
        try:
            return self.get(attachment_id)
        except NotFound:
            return None

    def for_case(self, case_id: int) -> list[ScanText]:
        return [
            _from_row(r)
            for r in self.db.query(
                "SELECT * FROM scan_texts WHERE case_id = ? ORDER BY attachment_id", (case_id,)
            )
        ]
