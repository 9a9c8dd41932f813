"""Repositories: rows <-> core dataclasses. Every change writes its audit event in the same
transaction. Personal data goes into the encrypted file only — never into logs or audit text
beyond what the DPO needs to see in the file itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dpo_desk.core.errors import (
    AttachmentTooLarge,
    EvidenceStillNeeded,
    InvalidInput,
    NotFound,
)
from dpo_desk.core.messages import Message
from dpo_desk.core.model import (
    OPEN_STATUSES,
    AttachmentId,
    AttachmentMeta,
    AttachmentRole,
    AuditEvent,
    Case,
    CaseId,
    CaseStatus,
    Channel,
    ClockEvent,
    ClockEventKind,
    Controller,
    ControllerId,
    ControllerProfile,
    DataSubject,
    Note,
    NoteId,
    RequestKind,
    VerificationPolicy,
)
from dpo_desk.core.workflow import check_move, format_reference

if TYPE_CHECKING:
    from .store import CaseFile


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class _Repo:
    def __init__(self, cf: CaseFile) -> None:
        self.cf = cf

    @property
    def db(self):  # noqa: ANN201 - sqlite_utils.Database
        return self.cf.db

    def _now(self) -> str:
        return self.cf.clock().isoformat()


# --- controllers ---------------------------------------------------------------------------------


def _controller_from_row(row: dict[str, Any]) -> Controller:
    profile = json.loads(row["profile"] or "{}")
    verification = json.loads(row["verification"] or "{}")
    return Controller(
        id=ControllerId(row["id"]),
        slug=row["slug"],
        name=row["name"],
        legal_entity=row["legal_entity"],
        registration_no=row["registration_no"],
        address=row["address"],
        dpo_contact=row["dpo_contact"],
        emails=tuple(json.loads(row["emails"])),
        jurisdictions=tuple(json.loads(row["jurisdictions"])),
        channels=tuple(Channel(c) for c in json.loads(row["channels"])),
        languages=tuple(json.loads(row["languages"])),
        profile=ControllerProfile(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in profile.items()}
        ),
        verification=VerificationPolicy(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in verification.items()}
        ),
        logo=row["logo"],
    )


def _controller_row(c: Controller) -> dict[str, Any]:
    def plain(obj: Any) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in obj.__dict__.items()}

    return {
        "slug": c.slug,
        "name": c.name,
        "legal_entity": c.legal_entity,
        "registration_no": c.registration_no,
        "address": c.address,
        "dpo_contact": c.dpo_contact,
        "emails": _j([e.lower() for e in c.emails]),
        "jurisdictions": _j(list(c.jurisdictions)),
        "channels": _j([str(ch) for ch in c.channels]),
        "languages": _j(list(c.languages)),
        "profile": _j(plain(c.profile)),
        "verification": _j(plain(c.verification)),
        "logo": c.logo,
    }


class ControllerRepo(_Repo):
    def add(self, controller: Controller) -> Controller:
        slug = controller.slug.strip().lower()
        if not slug or not slug.replace("-", "").replace("_", "").isalnum():
            raise InvalidInput(
                Message("A controller's short name (slug) uses letters, digits and dashes.")
            )
        if not controller.name.strip():
            raise InvalidInput(Message("A controller needs a name."))
        controller = replace(controller, slug=slug)
        if self.by_slug(slug, missing_ok=True):
            raise InvalidInput(Message("A controller named '{slug}' already exists.", slug=slug))
        row = _controller_row(controller)
        now = self._now()
        with self.cf.transaction():
            cid = (
                self.db["controllers"].insert({**row, "created_at": now, "updated_at": now}).last_pk
            )
            self.cf.log("controller.added", None, {"controller": slug, "id": cid})
        return self.get(ControllerId(cid))

    def update(self, controller: Controller) -> Controller:
        if controller.id is None:
            raise InvalidInput(Message("Only a stored controller can be updated."))
        self.get(controller.id)
        row = _controller_row(controller)
        with self.cf.transaction():
            self.db["controllers"].update(controller.id, {**row, "updated_at": self._now()})
            self.cf.log(
                "controller.updated", None, {"controller": controller.slug, "id": controller.id}
            )
        return self.get(controller.id)

    def get(self, controller_id: int) -> Controller:
        rows = list(self.db.query("SELECT * FROM controllers WHERE id = ?", (controller_id,)))
        if not rows:
            raise NotFound(f"There is no controller with id {controller_id}.")
        return _controller_from_row(rows[0])

    def by_slug(self, slug: str, *, missing_ok: bool = False) -> Controller | None:
        rows = list(self.db.query("SELECT * FROM controllers WHERE slug = ?", (slug.lower(),)))
        if not rows:
            if missing_ok:
                return None
            known = ", ".join(c.slug for c in self.list()) or "none yet"
            raise NotFound(f"There is no controller '{slug}' (known: {known}).")
        return _controller_from_row(rows[0])

    def by_email(self, address: str) -> Controller | None:
        address = address.strip().lower()
        for c in self.list():
            if address in c.emails:
                return c
        return None

    def list(self) -> list[Controller]:
        return [
            _controller_from_row(r)
            for r in self.db.query("SELECT * FROM controllers ORDER BY name")
        ]


# --- cases ---------------------------------------------------------------------------------------


def _case_from_row(row: dict[str, Any]) -> Case:
    return Case(
        id=CaseId(row["id"]),
        reference=row["reference"],
        controller_id=ControllerId(row["controller_id"]),
        subject=DataSubject(
            name=row["subject_name"],
            email=row["subject_email"],
            address=row["subject_address"],
            phone=row["subject_phone"],
            account_ref=row["subject_account"],
            snils=row.get("subject_snils") or "",
            inn=row.get("subject_inn") or "",
            iin=row.get("subject_iin") or "",
        ),
        kinds=tuple(RequestKind(k) for k in json.loads(row["kinds"])),
        channel=Channel(row["channel"]),
        received=date.fromisoformat(row["received"]),
        status=CaseStatus(row["status"]),
        language=row["language"],
        reply_language=row["reply_language"],
        summary=row["summary"],
        postmark=_d(row["postmark"]),
        registered_no=row["registered_no"],
        created_at=_dt(row["created_at"]),
        updated_at=_dt(row["updated_at"]),
        closed_on=_d(row["closed_on"]),
        responded_on=_d(row["responded_on"]),
        outcome=row["outcome"],
    )


@dataclass(frozen=True)
class CaseRow:
    """A light row for lists and registers (no joins beyond the controller's slug and name)."""

    id: CaseId
    reference: str
    controller_slug: str
    controller_name: str
    subject_name: str
    kinds: tuple[str, ...]
    channel: str
    received: date
    status: str
    due_on: date | None
    due_jurisdiction: str
    responded_on: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "controller": self.controller_slug,
            "subject_name": self.subject_name,
            "kinds": list(self.kinds),
            "channel": self.channel,
            "status": self.status,
            "received": self.received.isoformat(),
            "due": self.due_on.isoformat() if self.due_on else None,
            "due_jurisdiction": self.due_jurisdiction or None,
            "responded_on": self.responded_on.isoformat() if self.responded_on else None,
        }


SORT_COLUMNS = {
    "reference": "c.reference",
    "subject": "c.subject_name COLLATE NOCASE",
    "controller": "ctl.name COLLATE NOCASE",
    "kinds": "c.kinds",
    "channel": "c.channel",
    "received": "c.received",
    "due": "c.due_on",
    "status": "c.status",
}


@dataclass(frozen=True)
class CaseQuery:
    """Filters for case lists. ``view`` is one of the saved views, judged on ``today``."""

    controller_id: int | None = None
    statuses: tuple[str, ...] = ()
    view: str = "all"  # all | open | overdue | due_soon | awaiting_identity | closed
    today: date | None = None
    due_soon_days: int = 3
    text: str = ""
    received_from: date | None = None
    received_to: date | None = None
    order_by: str = "received"
    descending: bool = True


VIEWS = ("all", "open", "overdue", "due_soon", "awaiting_identity", "closed")
_OPEN = tuple(s.value for s in OPEN_STATUSES)
_CLOSED = tuple(s.value for s in CaseStatus if s not in OPEN_STATUSES)


def fts_query(text: str) -> str:
    """Turn what the DPO types into an FTS5 prefix query: every word must match."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    return " AND ".join(f'"{w}"*' for w in words)


class CaseRepo(_Repo):
    # --- writing ---------------------------------------------------------------------------------
    def add(self, case: Case) -> Case:
        if not case.subject.name.strip():
            raise InvalidInput(Message("A case needs the data subject's name."))
        if not case.kinds:
            raise InvalidInput(Message("A case needs at least one request kind."))
        self.cf.controllers.get(case.controller_id)
        now = self._now()
        with self.cf.transaction():
            reference = self._next_reference(case.received.year)
            row = {
                "reference": reference,
                "controller_id": case.controller_id,
                "subject_name": case.subject.name.strip(),
                "subject_email": case.subject.email.strip(),
                "subject_address": case.subject.address.strip(),
                "subject_phone": case.subject.phone.strip(),
                "subject_account": case.subject.account_ref.strip(),
                "subject_snils": case.subject.snils.strip(),
                "subject_inn": case.subject.inn.strip(),
                "subject_iin": case.subject.iin.strip(),
                "kinds": _j([str(k) for k in dict.fromkeys(case.kinds)]),
                "channel": str(case.channel),
                "received": case.received.isoformat(),
                "status": str(case.status),
                "language": case.language,
                "reply_language": case.reply_language,
                "summary": case.summary,
                "postmark": case.postmark.isoformat() if case.postmark else None,
                "registered_no": case.registered_no,
                "created_at": now,
                "updated_at": now,
                "closed_on": case.closed_on.isoformat() if case.closed_on else None,
                "responded_on": case.responded_on.isoformat() if case.responded_on else None,
                "outcome": case.outcome,
            }
            case_id = self.db["cases"].insert(row).last_pk
            self.cf.log(
                "case.created",
                case_id,
                {
                    "reference": reference,
                    "kinds": [str(k) for k in case.kinds],
                    "channel": str(case.channel),
                    "received": case.received.isoformat(),
                    "status": str(case.status),
                },
            )
            self.refresh(case_id)
        return self.get(CaseId(case_id))

    def _next_reference(self, year: int) -> str:
        """The next running number of the year, kept in ``meta`` (called inside ``add``'s
        transaction, so two cases never get one number); older files are scanned once."""
        key = f"reference_counter:{year}"
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is not None:
            number = int(row[0]) + 1
        else:
            scanned = self.db.execute(
                "SELECT max(CAST(substr(reference, 6) AS INTEGER)) FROM cases "
                "WHERE reference LIKE ?",
                (f"{year}-%",),
            ).fetchone()
            number = (scanned[0] or 0) + 1
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, str(number)),
        )
        return format_reference(year, number)

    def update(self, case_id: int, **changes: Any) -> Case:
        """Change a case's fields (subject, kinds, channel, received, language, …), audited."""
        allowed = {
            "subject",
            "kinds",
            "channel",
            "received",
            "language",
            "reply_language",
            "summary",
            "postmark",
            "registered_no",
            "outcome",
            "controller_id",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput(
                f"These case fields cannot be changed here: {', '.join(sorted(unknown))}."
            )
        current = self.get(case_id)
        row: dict[str, Any] = {}
        shown: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "subject":
                subject: DataSubject = value
                if not subject.name.strip():
                    raise InvalidInput(Message("A case needs the data subject's name."))
                row.update(
                    subject_name=subject.name.strip(),
                    subject_email=subject.email.strip(),
                    subject_address=subject.address.strip(),
                    subject_phone=subject.phone.strip(),
                    subject_account=subject.account_ref.strip(),
                    subject_snils=subject.snils.strip(),
                    subject_inn=subject.inn.strip(),
                    subject_iin=subject.iin.strip(),
                )
                shown["subject"] = "changed"
            elif key == "kinds":
                kinds = [str(RequestKind(k)) for k in dict.fromkeys(value)]
                if not kinds:
                    raise InvalidInput(Message("A case needs at least one request kind."))
                row["kinds"] = _j(kinds)
                shown["kinds"] = kinds
            elif key in ("received", "postmark"):
                row[key] = value.isoformat() if value else None
                shown[key] = row[key]
            elif key == "channel":
                row[key] = str(Channel(value))
                shown[key] = row[key]
            elif key == "controller_id":
                self.cf.controllers.get(value)
                row[key] = value
                shown[key] = value
            else:
                row[key] = value
                shown[key] = value if key in ("language", "reply_language") else "changed"
        if not row:
            return current
        with self.cf.transaction():
            self.db["cases"].update(case_id, {**row, "updated_at": self._now()})
            self.cf.log("case.updated", case_id, shown)
            self.refresh(case_id)
        return self.get(case_id)

    def set_status(
        self, case_id: int, status: CaseStatus | str, *, on: date | None = None, reason: str = ""
    ) -> Case:
        current = self.get(case_id)
        new = CaseStatus(status)
        check_move(current.status, new)
        row: dict[str, Any] = {"status": str(new), "updated_at": self._now()}
        if new == CaseStatus.RESPONDED and on:
            row["responded_on"] = on.isoformat()
        if new in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN) and on:
            row["closed_on"] = on.isoformat()
            if new == CaseStatus.REJECTED and not current.responded_on:
                row["responded_on"] = on.isoformat()
        if new == CaseStatus.IN_PROGRESS and current.status in (
            CaseStatus.CLOSED,
            CaseStatus.REJECTED,
            CaseStatus.WITHDRAWN,
        ):
            row["closed_on"] = None
        with self.cf.transaction():
            self.db["cases"].update(case_id, row)
            self.cf.log(
                "case.status",
                case_id,
                {
                    "from": str(current.status),
                    "to": str(new),
                    "on": on.isoformat() if on else None,
                    "reason": reason,
                },
            )
            if new == CaseStatus.CLOSED:
                self.cf.attachments.purge_for_closed_case(case_id)
        if new == CaseStatus.CLOSED:
            self.cf.checkpoint()
        return self.get(case_id)

    def add_note(self, case_id: int, text: str) -> Note:
        text = text.strip()
        if not text:
            raise InvalidInput(Message("A note cannot be empty."))
        self.get(case_id)
        now = self._now()
        with self.cf.transaction():
            nid = (
                self.db["notes"]
                .insert({"case_id": case_id, "text": text, "created_at": now})
                .last_pk
            )
            self.cf.log("note.added", case_id, {"note_id": nid})
            self.refresh(case_id)
        return Note(NoteId(nid), CaseId(case_id), text, datetime.fromisoformat(now))

    def notes(self, case_id: int) -> list[Note]:
        return [
            Note(
                NoteId(r["id"]),
                CaseId(r["case_id"]),
                r["text"],
                datetime.fromisoformat(r["created_at"]),
            )
            for r in self.db.query("SELECT * FROM notes WHERE case_id = ? ORDER BY id", (case_id,))
        ]

    def add_clock_event(
        self, case_id: int, kind: ClockEventKind | str, on: date, note: str = ""
    ) -> ClockEvent:
        event = ClockEvent(ClockEventKind(kind), on, note)
        case = self.get(case_id)
        if on < case.received:
            raise InvalidInput(
                f"The event's date {on.isoformat()} is before the request was received "
                f"({case.received.isoformat()})."
            )
        if event.kind == ClockEventKind.EXTENSION_NOTICE_SENT:
            from .deadlines import check_extension

            check_extension(self.cf, case_id, on)
        with self.cf.transaction():
            self.db["clock_events"].insert(
                {
                    "case_id": case_id,
                    "kind": str(event.kind),
                    "on_date": on.isoformat(),
                    "note": note,
                    "created_at": self._now(),
                }
            )
            self.cf.log(
                "deadline.event",
                case_id,
                {"kind": str(event.kind), "on": on.isoformat(), "note": note},
            )
            self.refresh(case_id)
        return event

    def clock_events(self, case_id: int) -> list[ClockEvent]:
        return [
            ClockEvent(ClockEventKind(r["kind"]), date.fromisoformat(r["on_date"]), r["note"])
            for r in self.db.query(
                "SELECT * FROM clock_events WHERE case_id = ? ORDER BY on_date, id", (case_id,)
            )
        ]

    def refresh(self, case_id: int) -> None:
        """Recompute what is derived from a case: its search entry and its governing due date."""
        self._reindex(case_id)
        self._recompute_due(case_id)

    def _recompute_due(self, case_id: int) -> None:
        from .deadlines import governing_for_case

        due, jurisdiction = governing_for_case(self.cf, case_id)
        self.db.execute(
            "UPDATE cases SET due_on = ?, due_jurisdiction = ? WHERE id = ?",
            (due.isoformat() if due else None, jurisdiction, case_id),
        )

    def _reindex(self, case_id: int) -> None:
        row = self.db.execute(
            "SELECT reference, subject_name, subject_email, subject_address, subject_account, "
            "summary FROM cases WHERE id = ?",
            (case_id,),
        ).fetchone()
        if row is None:
            return
        notes = " ".join(
            r[0] for r in self.db.execute("SELECT text FROM notes WHERE case_id = ?", (case_id,))
        )
        correspondence = (
            " ".join(
                f"{r[0]} {r[1]} {r[2]}"
                for r in self.db.execute(
                    "SELECT from_addr, subject, body_text FROM emails WHERE case_id = ?", (case_id,)
                )
            )
            if self._has_table("emails")
            else ""
        )
        self.db.execute("DELETE FROM case_search WHERE rowid = ?", (case_id,))
        self.db.execute(
            "INSERT INTO case_search(rowid, reference, subject, notes, correspondence) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                case_id,
                row[0],
                " ".join(x for x in row[1:5] if x),
                notes,
                f"{row[5]} {correspondence}",
            ),
        )

    def _has_table(self, name: str) -> bool:
        return name in self.db.table_names()

    # --- reading ---------------------------------------------------------------------------------
    def get(self, case_id: int) -> Case:
        rows = list(self.db.query("SELECT * FROM cases WHERE id = ?", (case_id,)))
        if not rows:
            raise NotFound(Message("There is no case with id {case_id}.", case_id=case_id))
        return _case_from_row(rows[0])

    def get_many(self, ids: Sequence[int]) -> dict[CaseId, Case]:
        """Several cases in chunked queries (for registers and exports)."""
        found: dict[CaseId, Case] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(f"SELECT * FROM cases WHERE id IN ({marks})", chunk):
                case = _case_from_row(row)
                found[CaseId(row["id"])] = case
        return found

    def clock_events_for(self, ids: Sequence[int]) -> dict[CaseId, list[ClockEvent]]:
        """The clock events of several cases, by case id (cases without events are absent)."""
        events: dict[CaseId, list[ClockEvent]] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(
                f"SELECT * FROM clock_events WHERE case_id IN ({marks}) ORDER BY on_date, id", chunk
            ):
                events.setdefault(CaseId(r["case_id"]), []).append(
                    ClockEvent(
                        ClockEventKind(r["kind"]), date.fromisoformat(r["on_date"]), r["note"]
                    )
                )
        return events

    def by_reference(self, reference: str) -> Case:
        rows = list(self.db.query("SELECT * FROM cases WHERE reference = ?", (reference.strip(),)))
        if not rows:
            raise NotFound(Message("There is no case {reference}.", reference=reference))
        return _case_from_row(rows[0])

    def resolve(self, ident: str | int) -> Case:
        """A case by id (``42``) or reference (``2026-0042``)."""
        text = str(ident).strip()
        if text.isdigit():
            return self.get(int(text))
        return self.by_reference(text)

    def _where(self, q: CaseQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if q.controller_id is not None:
            clauses.append("c.controller_id = ?")
            params.append(q.controller_id)
        if q.statuses:
            clauses.append(f"c.status IN ({','.join('?' * len(q.statuses))})")
            params.extend(q.statuses)
        view = q.view or "all"
        if view not in VIEWS:
            raise InvalidInput(f"Unknown view '{view}' (valid: {', '.join(VIEWS)}).")
        if view != "all":
            if view == "closed":
                clauses.append(f"c.status IN ({','.join('?' * len(_CLOSED))})")
                params.extend(_CLOSED)
            else:
                clauses.append(f"c.status IN ({','.join('?' * len(_OPEN))})")
                params.extend(_OPEN)
            if view in ("overdue", "due_soon"):
                if q.today is None:
                    raise InvalidInput(Message("The overdue and due-soon views need today's date."))
                if view == "overdue":
                    clauses.append("c.due_on < ?")
                    params.append(q.today.isoformat())
                else:
                    from datetime import timedelta

                    clauses.append("c.due_on >= ? AND c.due_on <= ?")
                    params.extend(
                        [
                            q.today.isoformat(),
                            (q.today + timedelta(days=q.due_soon_days)).isoformat(),
                        ]
                    )
            if view == "awaiting_identity":
                clauses.append("c.status = ?")
                params.append(str(CaseStatus.AWAITING_IDENTITY))
        if q.received_from:
            clauses.append("c.received >= ?")
            params.append(q.received_from.isoformat())
        if q.received_to:
            clauses.append("c.received <= ?")
            params.append(q.received_to.isoformat())
        match = fts_query(q.text) if q.text.strip() else ""
        if match:
            clauses.append("c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count(self, q: CaseQuery = CaseQuery()) -> int:
        where, params = self._where(q)
        return int(
            self.db.execute(
                f"SELECT count(*) FROM cases c JOIN controllers ctl ON ctl.id = c.controller_id{where}",
                params,
            ).fetchone()[0]
        )

    def list(
        self, q: CaseQuery = CaseQuery(), *, limit: int | None = None, offset: int = 0
    ) -> list[CaseRow]:
        where, params = self._where(q)
        order = SORT_COLUMNS.get(q.order_by)
        if order is None:
            raise InvalidInput(f"Cannot sort by '{q.order_by}' (valid: {', '.join(SORT_COLUMNS)}).")
        direction = "DESC" if q.descending else "ASC"
        nulls = " NULLS LAST" if q.order_by == "due" else ""
        sql = (
            "SELECT c.id, c.reference, ctl.slug, ctl.name, c.subject_name, c.kinds, c.channel, "
            "c.received, c.status, c.due_on, c.due_jurisdiction, c.responded_on "
            f"FROM cases c JOIN controllers ctl ON ctl.id = c.controller_id{where} "
            f"ORDER BY {order} {direction}{nulls}, c.id {direction}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return [
            CaseRow(
                CaseId(r[0]),
                r[1],
                r[2],
                r[3],
                r[4],
                tuple(json.loads(r[5])),
                r[6],
                date.fromisoformat(r[7]),
                r[8],
                _d(r[9]),
                r[10] or "",
                _d(r[11]),
            )
            for r in self.db.execute(sql, params)
        ]

    def counts_by_view(self, today: date, controller_id: int | None = None) -> dict[str, int]:
        return {
            view: self.count(CaseQuery(controller_id=controller_id, view=view, today=today))
            for view in VIEWS
        }

    def open_cases_of_subject(
        self, controller_id: int, email: str = "", name: str = ""
    ) -> list[Case]:
        """Open cases of the same data subject at a controller (to offer a follow-up)."""
        clauses = []
        params: list[Any] = [controller_id, *_OPEN]
        if email:
            clauses.append("lower(subject_email) = lower(?)")
            params.append(email.strip())
        if name:
            clauses.append("subject_name = ?")
            params.append(name.strip())
        if not clauses:
            return []
        sql = (
            f"SELECT * FROM cases WHERE controller_id = ? AND status IN "
            f"({','.join('?' * len(_OPEN))}) AND ({' OR '.join(clauses)}) ORDER BY received DESC"
        )
        return [_case_from_row(r) for r in self.db.query(sql, params)]


# --- attachments ---------------------------------------------------------------------------------


def _attachment_from_row(r: dict[str, Any]) -> AttachmentMeta:
    return AttachmentMeta(
        id=AttachmentId(r["id"]),
        case_id=CaseId(r["case_id"]) if r["case_id"] is not None else None,
        role=AttachmentRole(r["role"]),
        filename=r["filename"],
        media_type=r["media_type"],
        size=r["size"],
        sha256=r["sha256"],
        created_at=datetime.fromisoformat(r["created_at"]),
        destroyed_at=_dt(r["destroyed_at"]),
    )


_META_COLUMNS = "id, case_id, role, filename, media_type, size, sha256, created_at, destroyed_at"


class AttachmentRepo(_Repo):
    def add(
        self,
        case_id: int | None,
        role: AttachmentRole | str,
        filename: str,
        media_type: str,
        data: bytes,
    ) -> AttachmentMeta:
        limit = self.cf.attachment_limit
        if len(data) > limit:
            raise AttachmentTooLarge(
                f"{filename} is {len(data) / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB "
                "(change it in the settings)."
            )
        if case_id is not None:
            self.cf.cases.get(case_id)
        digest = hashlib.sha256(data).hexdigest()
        with self.cf.transaction():
            aid = (
                self.db["attachments"]
                .insert(
                    {
                        "case_id": case_id,
                        "role": str(AttachmentRole(role)),
                        "filename": filename,
                        "media_type": media_type,
                        "size": len(data),
                        "sha256": digest,
                        "data": data,
                        "created_at": self._now(),
                        "destroyed_at": None,
                    }
                )
                .last_pk
            )
            self.cf.log(
                "attachment.added",
                case_id,
                {"attachment_id": aid, "role": str(role), "size": len(data), "sha256": digest},
            )
        return self.get(aid)

    def get(self, attachment_id: int) -> AttachmentMeta:
        rows = list(
            self.db.query(f"SELECT {_META_COLUMNS} FROM attachments WHERE id = ?", (attachment_id,))
        )
        if not rows:
            raise NotFound(f"There is no attachment with id {attachment_id}.")
        return _attachment_from_row(rows[0])

    def data(self, attachment_id: int) -> bytes:
        row = self.db.execute(
            "SELECT data, destroyed_at FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no attachment with id {attachment_id}.")
        if row[1] is not None or row[0] is None:
            raise NotFound(
                Message(
                    "Attachment {attachment} was destroyed on {date}.",
                    attachment=attachment_id,
                    date=row[1],
                )
            )
        return bytes(row[0])

    def for_case(self, case_id: int) -> list[AttachmentMeta]:
        return [
            _attachment_from_row(r)
            for r in self.db.query(
                f"SELECT {_META_COLUMNS} FROM attachments WHERE case_id = ? ORDER BY id", (case_id,)
            )
        ]

    def destroy(
        self,
        attachment_id: int,
        *,
        reason: str,
        force_open_case: bool = False,
        note_check_id: int | None = None,
    ) -> AttachmentMeta:
        """Destroy an attachment's bytes (ID copies): the row stays as a record with its hash.

        An ID copy of an open case whose identity is not settled cannot be destroyed: the case
        still needs it. With ``note_check_id`` the destroyed copy is added to that verification
        record in the same transaction. ``secure_delete`` and a WAL checkpoint (after the
        outermost commit) make sure no page keeps the bytes.
        """
        meta = self.get(attachment_id)
        if meta.destroyed_at is not None:
            return meta
        if meta.case_id is not None and not force_open_case:
            case = self.cf.cases.get(meta.case_id)
            if case.status.is_open and not self._identity_settled(meta.case_id):
                raise EvidenceStillNeeded(
                    f"Case {case.reference} is open and its identity check is not settled; "
                    "record the verification first."
                )
        with self.cf.transaction():
            self._destroy_row(meta, reason, note_check_id)
        self.cf.checkpoint()
        return self.get(attachment_id)

    def _destroy_row(self, meta: AttachmentMeta, reason: str, note_check_id: int | None) -> None:
        at = self._now()
        self.db.execute(
            "UPDATE attachments SET data = NULL, destroyed_at = ? WHERE id = ?", (at, meta.id)
        )
        self.cf.log(
            "attachment.destroyed",
            meta.case_id,
            {
                "attachment_id": meta.id,
                "role": str(meta.role),
                "sha256": meta.sha256,
                "size": meta.size,
                "reason": reason,
            },
        )
        if note_check_id is not None:
            self.cf.identity.note_destroyed(note_check_id, meta.id, meta.sha256, at)
            self.cf.log(
                "identity.copy_destroyed",
                meta.case_id,
                {"check_id": note_check_id, "attachment_id": meta.id, "sha256": meta.sha256},
            )

    def live_by_role(self, role: AttachmentRole | str) -> list[AttachmentMeta]:
        """Attachments of a role whose bytes are still stored, across all cases."""
        return [
            _attachment_from_row(r)
            for r in self.db.query(
                f"SELECT {_META_COLUMNS} FROM attachments WHERE role = ? AND destroyed_at IS NULL "
                "ORDER BY case_id, id",
                (str(AttachmentRole(role)),),
            )
        ]

    def _identity_settled(self, case_id: int) -> bool:
        if "identity_checks" not in self.db.table_names():
            return False
        row = self.db.execute(
            "SELECT count(*) FROM identity_checks WHERE case_id = ? AND outcome IN ('verified', 'failed')",
            (case_id,),
        ).fetchone()
        return bool(row[0])

    def purge_for_closed_case(self, case_id: int) -> list[int]:
        """Called inside the closing transaction: ID copies go when the case closes (default
        policy). Each destroyed copy is added to the case's latest verification record."""
        ids = [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM attachments WHERE case_id = ? AND role = ? AND destroyed_at IS NULL",
                (case_id, str(AttachmentRole.ID_DOCUMENT)),
            )
        ]
        if not ids:
            return ids
        row = self.db.execute(
            "SELECT id FROM identity_checks WHERE case_id = ? "
            "ORDER BY outcome IN ('verified', 'failed') DESC, id DESC LIMIT 1",
            (case_id,),
        ).fetchone()
        check_id = row[0] if row else None
        for aid in ids:
            self._destroy_row(self.get(aid), "case closed (retention policy)", check_id)
        return ids


# --- audit ---------------------------------------------------------------------------------------


class AuditRepo(_Repo):
    def events(self, case_id: int | None = None, *, limit: int | None = None) -> list[AuditEvent]:
        sql = "SELECT * FROM audit"
        params: list[Any] = []
        if case_id is not None:
            sql += " WHERE case_id = ?"
            params.append(case_id)
        sql += " ORDER BY seq"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            AuditEvent(
                r["seq"],
                datetime.fromisoformat(r["at"]),
                r["actor"],
                r["action"],
                CaseId(r["case_id"]) if r["case_id"] is not None else None,
                json.loads(r["data"]),
                r["prev_hash"],
                r["hash"],
            )
            for r in self.db.query(sql, params)
        ]


# --- calendar overrides --------------------------------------------------------------------------


@dataclass(frozen=True)
class OverrideRow:
    calendar: str
    day: date
    kind: str  # holiday | working | not_holiday
    note: str


class OverrideRepo(_Repo):
    KINDS = ("holiday", "working", "not_holiday")

    def set(self, calendar: str, day: date, kind: str, note: str = "") -> None:
        if kind not in self.KINDS:
            raise InvalidInput(f"An override is one of: {', '.join(self.KINDS)}.")
        with self.cf.transaction():
            self.db.execute(
                "INSERT INTO calendar_overrides(calendar, day, kind, note) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(calendar, day) DO UPDATE SET kind = excluded.kind, note = excluded.note",
                (calendar, day.isoformat(), kind, note),
            )
            self.cf.log(
                "calendar.override",
                None,
                {"calendar": calendar, "day": day.isoformat(), "kind": kind, "note": note},
            )
            self._refresh_open_cases()

    def remove(self, calendar: str, day: date) -> None:
        with self.cf.transaction():
            self.db.execute(
                "DELETE FROM calendar_overrides WHERE calendar = ? AND day = ?",
                (calendar, day.isoformat()),
            )
            self.cf.log(
                "calendar.override_removed", None, {"calendar": calendar, "day": day.isoformat()}
            )
            self._refresh_open_cases()

    def list(self) -> list[OverrideRow]:
        return [
            OverrideRow(r["calendar"], date.fromisoformat(r["day"]), r["kind"], r["note"])
            for r in self.db.query("SELECT * FROM calendar_overrides ORDER BY calendar, day")
        ]

    def _refresh_open_cases(self) -> None:
        ids = [
            r[0]
            for r in self.db.execute(
                f"SELECT id FROM cases WHERE status IN ({','.join('?' * len(_OPEN))})", _OPEN
            )
        ]
        for case_id in ids:
            self.cf.cases._recompute_due(case_id)


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
