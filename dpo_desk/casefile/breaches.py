"""The breach register in the case file: breaches, their links to cases, and their notices.

Same rules as ``repositories.py``: rows <-> dataclasses, every change audited in its own
transaction. Audit events name the breach by id and reference, never its description.
A finalised notice is immutable (a trigger guards it), like a finalised letter.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dpo_desk.core.breaches import Breach, breach_reference, check_breach
from dpo_desk.core.errors import InvalidInput, KnownError, NotFound

from .repositories import _inserted_id, _Repo

if TYPE_CHECKING:
    from .store import CaseFile

NOTICE_CHANNELS = ("online_form", "email", "registered_post", "post", "hand_delivery", "other")

_LISTS = ("data_categories", "subject_categories", "processors")


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _from_row(r: dict[str, Any]) -> Breach:
    return Breach(
        id=r["id"],
        reference=r["reference"],
        controller_id=r["controller_id"],
        discovered_at=datetime.fromisoformat(r["discovered_at"]),
        discovered_tz=r["discovered_tz"],
        description=r["description"],
        occurred_at=_dt(r["occurred_at"]),
        data_categories=tuple(json.loads(r["data_categories"])),
        subject_categories=tuple(json.loads(r["subject_categories"])),
        subjects_count=r["subjects_count"],
        records_count=r["records_count"],
        consequences=r["consequences"],
        measures=r["measures"],
        causes=r["causes"],
        investigation=r["investigation"],
        responsible=r["responsible"],
        processors=tuple(json.loads(r["processors"])),
        contact=r["contact"],
        risk=r["risk"],
        status=r["status"],
        outcome=r["outcome"],
        created_at=_dt(r["created_at"]),
        updated_at=_dt(r["updated_at"]),
        closed_at=_dt(r["closed_at"]),
    )


def _row(b: Breach) -> dict[str, Any]:
    return {
        "controller_id": b.controller_id,
        "discovered_at": b.discovered_at.astimezone(UTC).isoformat(),
        "discovered_tz": b.discovered_tz,
        "occurred_at": b.occurred_at.astimezone(UTC).isoformat() if b.occurred_at else None,
        "description": b.description.strip(),
        "data_categories": json.dumps(list(b.data_categories), ensure_ascii=False),
        "subject_categories": json.dumps(list(b.subject_categories), ensure_ascii=False),
        "subjects_count": b.subjects_count,
        "records_count": b.records_count,
        "consequences": b.consequences.strip(),
        "measures": b.measures.strip(),
        "causes": b.causes.strip(),
        "investigation": b.investigation.strip(),
        "responsible": b.responsible.strip(),
        "processors": json.dumps(list(b.processors), ensure_ascii=False),
        "contact": b.contact.strip(),
        "risk": b.risk,
        "status": b.status,
        "outcome": b.outcome.strip(),
    }


@dataclass(frozen=True)
class NoticeRecord:
    """A notice about a breach, to an authority or to the data subjects (draft or final)."""

    id: int
    breach_id: int
    regime: str
    step: str
    recipient: str
    authority: str
    language: str
    status: str
    text: str
    sha256: str | None
    created_at: datetime
    finalised_at: datetime | None
    sent_at: datetime | None
    channel: str | None
    sent_ref: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "breach_id": self.breach_id,
            "regime": self.regime,
            "step": self.step,
            "to": self.recipient,
            "authority": self.authority or None,
            "language": self.language,
            "status": self.status,
            "sha256": self.sha256,
            "created_at": self.created_at.isoformat(),
            "finalised_at": self.finalised_at.isoformat() if self.finalised_at else None,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "channel": self.channel,
            "sent_ref": self.sent_ref,
        }


_NOTICE_COLUMNS = (
    "id, breach_id, regime, step, recipient, authority, language, status, text, sha256, "
    "created_at, finalised_at, sent_at, channel, sent_ref"
)


def _notice_from_row(r: dict[str, Any]) -> NoticeRecord:
    return NoticeRecord(
        r["id"],
        r["breach_id"],
        r["regime"],
        r["step"],
        r["recipient"],
        r["authority"],
        r["language"],
        r["status"],
        r["text"],
        r["sha256"],
        datetime.fromisoformat(r["created_at"]),
        _dt(r["finalised_at"]),
        _dt(r["sent_at"]),
        r["channel"],
        r["sent_ref"],
    )


class BreachRepo(_Repo):
    """The breach register of one open case file."""

    def __init__(self, cf: CaseFile) -> None:
        super().__init__(cf)
        if not self._has_table():
            raise KnownError(
                "This case file has no breach register yet; open it with this DPO Desk to "
                "upgrade it."
            )

    def _has_table(self) -> bool:
        return bool(
            self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'breaches'"
            ).fetchone()
        )

    # --- breaches --------------------------------------------------------------------------
    def add(self, breach: Breach) -> Breach:
        check_breach(breach)
        self.cf.controllers.get(breach.controller_id)
        now = self._now()
        with self.cf.transaction():
            year = breach.discovered_local.year
            reference = self._next_reference(year)
            row = {**_row(breach), "reference": reference, "created_at": now, "updated_at": now}
            bid = _inserted_id(self._table("breaches").insert(row))
            self.cf.log(
                "breach.logged",
                None,
                {
                    "breach_id": bid,
                    "reference": reference,
                    "controller_id": breach.controller_id,
                    "discovered_at": row["discovered_at"],
                    "subjects_count": breach.subjects_count,
                },
            )
        return self.get(bid)

    def _next_reference(self, year: int) -> str:
        key = f"breach_counter:{year}"
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        number = int(row[0]) + 1 if row else 1
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, str(number)),
        )
        return breach_reference(year, number)

    _CHANGEABLE = frozenset(
        f.name
        for f in fields(Breach)
        if f.name not in {"id", "reference", "created_at", "updated_at", "closed_at"}
    )

    def update(self, breach_id: int, **changes: Any) -> Breach:
        """Change a breach's fields, audited with the names of the fields changed."""
        unknown = set(changes) - self._CHANGEABLE
        if unknown:
            raise InvalidInput(f"A breach has no field {sorted(unknown)[0]!r}.")
        current = self.get(breach_id)
        for name in _LISTS:
            if name in changes:
                changes[name] = tuple(x.strip() for x in changes[name] if x.strip())
        new = replace(current, **changes)
        check_breach(new)
        changed = sorted(k for k in changes if getattr(current, k) != getattr(new, k))
        if not changed:
            return current
        closed_at = current.closed_at
        if new.status == "closed" and current.status != "closed":
            closed_at = self.cf.clock()
        elif new.status != "closed":
            closed_at = None
        with self.cf.transaction():
            self._table("breaches").update(
                breach_id,
                {
                    **_row(new),
                    "updated_at": self._now(),
                    "closed_at": closed_at.isoformat() if closed_at else None,
                },
            )
            data: dict[str, Any] = {"breach_id": breach_id, "fields": changed}
            if "status" in changed:
                data["status"] = new.status
            self.cf.log("breach.updated", None, data)
        return self.get(breach_id)

    def get(self, breach_id: int) -> Breach:
        rows = list(self.db.query("SELECT * FROM breaches WHERE id = ?", (breach_id,)))
        if not rows:
            raise NotFound(f"There is no breach with id {breach_id}.")
        return _from_row(rows[0])

    def resolve(self, ident: str | int) -> Breach:
        """A breach by reference (``B-2026-0001``) or id."""
        text = str(ident).strip()
        rows = list(self.db.query("SELECT * FROM breaches WHERE reference = ?", (text.upper(),)))
        if rows:
            return _from_row(rows[0])
        if text.isdigit():
            return self.get(int(text))
        raise NotFound(f"There is no breach {text} (references look like B-2026-0001).")

    def list(self, *, status: str | None = None, controller_id: int | None = None) -> list[Breach]:
        sql = "SELECT * FROM breaches WHERE 1 = 1"
        params: list[Any] = []
        if status == "active":
            sql += " AND status != 'closed'"
        elif status:
            sql += " AND status = ?"
            params.append(status)
        if controller_id is not None:
            sql += " AND controller_id = ?"
            params.append(controller_id)
        return [_from_row(r) for r in self.db.query(sql + " ORDER BY discovered_at, id", params)]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM breaches").fetchone()[0])

    # --- links to cases ---------------------------------------------------------------------
    def link_case(self, breach_id: int, case_id: int) -> None:
        self.get(breach_id)
        case = self.cf.cases.get(case_id)
        if self.db.execute(
            "SELECT 1 FROM breach_cases WHERE breach_id = ? AND case_id = ?", (breach_id, case_id)
        ).fetchone():
            return
        with self.cf.transaction():
            self._table("breach_cases").insert(
                {"breach_id": breach_id, "case_id": case_id, "linked_at": self._now()}
            )
            self.cf.log(
                "breach.case_linked", case_id, {"breach_id": breach_id, "case": case.reference}
            )

    def unlink_case(self, breach_id: int, case_id: int) -> None:
        with self.cf.transaction():
            cur = self.db.execute(
                "DELETE FROM breach_cases WHERE breach_id = ? AND case_id = ?",
                (breach_id, case_id),
            )
            if cur.rowcount:
                self.cf.log("breach.case_unlinked", case_id, {"breach_id": breach_id})

    def linked_case_ids(self, breach_id: int) -> builtins.list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT case_id FROM breach_cases WHERE breach_id = ? ORDER BY case_id",
                (breach_id,),
            ).fetchall()
        ]

    # --- notices ----------------------------------------------------------------------------
    def save_notice_draft(
        self,
        breach_id: int,
        *,
        regime: str,
        step: str,
        recipient: str,
        authority: str,
        language: str,
        text: str,
    ) -> NoticeRecord:
        self.get(breach_id)
        with self.cf.transaction():
            nid = _inserted_id(
                self._table("breach_notices").insert(
                    {
                        "breach_id": breach_id,
                        "regime": regime,
                        "step": step,
                        "recipient": recipient,
                        "authority": authority,
                        "language": language,
                        "status": "draft",
                        "text": text,
                        "created_at": self._now(),
                    }
                )
            )
            self.cf.log(
                "breach.notice_drafted",
                None,
                {
                    "breach_id": breach_id,
                    "notice_id": nid,
                    "regime": regime,
                    "step": step,
                    "to": recipient,
                    "language": language,
                },
            )
        return self.notice(nid)

    def finalise_notice(self, notice_id: int, pdf: bytes, text: str) -> NoticeRecord:
        current = self.notice(notice_id)
        if current.status == "final":
            raise KnownError("This notice is already final.")
        digest = hashlib.sha256(pdf).hexdigest()
        with self.cf.transaction():
            self.db.execute(
                "UPDATE breach_notices SET text = ?, pdf = ?, sha256 = ?, status = 'final', "
                "finalised_at = ? WHERE id = ?",
                (text, pdf, digest, self._now(), notice_id),
            )
            self.cf.log(
                "breach.notice_finalised",
                None,
                {
                    "breach_id": current.breach_id,
                    "notice_id": notice_id,
                    "step": current.step,
                    "sha256": digest,
                    "size": len(pdf),
                },
            )
        return self.notice(notice_id)

    def record_notice_sent(
        self, notice_id: int, *, sent_at: datetime, channel: str, sent_ref: str = ""
    ) -> NoticeRecord:
        current = self.notice(notice_id)
        if current.status != "final":
            raise KnownError("Finalise the notice before recording that it went out.")
        if channel not in NOTICE_CHANNELS:
            raise InvalidInput(f"A notice goes by one of: {', '.join(NOTICE_CHANNELS)}.")
        if sent_at.tzinfo is None:
            raise InvalidInput("The time a notice went out needs a time zone.")
        with self.cf.transaction():
            self.db.execute(
                "UPDATE breach_notices SET sent_at = ?, channel = ?, sent_ref = ? WHERE id = ?",
                (sent_at.isoformat(), channel, sent_ref.strip(), notice_id),
            )
            self.cf.log(
                "breach.notice_sent",
                None,
                {
                    "breach_id": current.breach_id,
                    "notice_id": notice_id,
                    "step": current.step,
                    "at": sent_at.isoformat(),
                    "channel": channel,
                },
            )
        return self.notice(notice_id)

    def notice(self, notice_id: int) -> NoticeRecord:
        rows = list(
            self.db.query(
                f"SELECT {_NOTICE_COLUMNS} FROM breach_notices WHERE id = ?", (notice_id,)
            )
        )
        if not rows:
            raise NotFound(f"There is no breach notice with id {notice_id}.")
        return _notice_from_row(rows[0])

    def notice_pdf(self, notice_id: int) -> bytes:
        row = self.db.execute(
            "SELECT pdf FROM breach_notices WHERE id = ?", (notice_id,)
        ).fetchone()
        if row is None or row[0] is None:
            raise NotFound(f"Notice {notice_id} has no stored PDF (it is a draft).")
        return bytes(row[0])

    def notices(self, breach_id: int | None = None) -> builtins.list[NoticeRecord]:
        sql = f"SELECT {_NOTICE_COLUMNS} FROM breach_notices"
        params: tuple[Any, ...] = ()
        if breach_id is not None:
            sql += " WHERE breach_id = ?"
            params = (breach_id,)
        return [_notice_from_row(r) for r in self.db.query(sql + " ORDER BY id", params)]
