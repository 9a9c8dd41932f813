"""Repositories: rows <-> core dataclasses. Every change writes its audit event in the same
transaction. Personal data goes into the encrypted file only — never into logs or audit text
beyond what the DPO needs to see in the file itself.
"""

from __future__ import annotations

import base64
import builtins
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
    import sqlite_utils
    import sqlite_utils.db

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
    def db(self) -> sqlite_utils.Database:
        return self.cf.db

    def _now(self) -> str:
        return self.cf.clock().isoformat()

    def _table(self, name: str) -> sqlite_utils.db.Table:
        """A table (``db[name]`` is typed as a table or a view)."""
        return self.db.table(name)


def _last_rowid(cursor: Any) -> int:
    """The row id of the INSERT just run on ``cursor`` (plain SQL in the hot paths, issue 19)."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise RuntimeError("SQLite gave no row id for an insert")
    return int(rowid)


def _inserted_id(table: sqlite_utils.db.Table) -> int:
    """The row id sqlite-utils kept from the insert just made on ``table``."""
    if table.last_pk is None:
        raise RuntimeError(f"sqlite-utils kept no row id for the insert into {table.name}")
    return int(table.last_pk)


# --- controllers ---------------------------------------------------------------------------------


def _listed_as_tuples(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}


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
        profile=ControllerProfile(**_listed_as_tuples(profile)),
        verification=VerificationPolicy(**_listed_as_tuples(verification)),
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
            cid = _inserted_id(
                self._table("controllers").insert({**row, "created_at": now, "updated_at": now})
            )
            self.cf.log("controller.added", None, {"controller": slug, "id": cid})
        return self.get(ControllerId(cid))

    def update(self, controller: Controller) -> Controller:
        if controller.id is None:
            raise InvalidInput(Message("Only a stored controller can be updated."))
        self.get(controller.id)
        row = _controller_row(controller)
        with self.cf.transaction():
            self._table("controllers").update(controller.id, {**row, "updated_at": self._now()})
            self.cf.log(
                "controller.updated", None, {"controller": controller.slug, "id": controller.id}
            )
        return self.get(controller.id)

    def get(self, controller_id: int) -> Controller:
        rows = list(self.cf.rows("SELECT * FROM controllers WHERE id = ?", (controller_id,)))
        if not rows:
            raise NotFound(f"There is no controller with id {controller_id}.")
        return _controller_from_row(rows[0])

    def by_slug(self, slug: str, *, missing_ok: bool = False) -> Controller | None:
        rows = list(self.cf.rows("SELECT * FROM controllers WHERE slug = ?", (slug.lower(),)))
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
            _controller_from_row(r) for r in self.cf.rows("SELECT * FROM controllers ORDER BY name")
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


#: Fields of ``CaseRepo.update`` that feed the search entry, and those that feed the due date.
_INDEXED = frozenset({"subject", "summary"})
_DUE_INPUTS = frozenset({"kinds", "received", "controller_id"})


@dataclass(frozen=True)
class CasePage:
    """A page of the case list and the opaque cursor of the next one (``None``: the last)."""

    rows: list[CaseRow]
    next: str | None


def _encode_cursor(q: CaseQuery, key: Any, case_id: int) -> str:
    payload = json.dumps([q.order_by, bool(q.descending), key, case_id], ensure_ascii=False)
    return "c1." + base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")


def _decode_cursor(q: CaseQuery, cursor: str) -> tuple[Any, int]:
    bad = InvalidInput("The page cursor is not one that 'case list' printed.")
    if not isinstance(cursor, str) or not cursor.startswith("c1."):
        raise bad
    body = cursor[3:]
    try:
        order_by, descending, key, case_id = json.loads(
            base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode("utf-8")
        )
    except (ValueError, TypeError, UnicodeDecodeError):
        raise bad from None
    if not isinstance(case_id, int) or not (key is None or isinstance(key, str)):
        raise bad
    if order_by != q.order_by or bool(descending) != bool(q.descending):
        raise InvalidInput("The page cursor belongs to another sort order; start again without it.")
    return key, case_id


def _after_clause(q: CaseQuery, order: str, cursor: str) -> tuple[str, list[Any]]:
    """The keyset condition "after (key, id)" in the list's order (row values use the index)."""
    key, case_id = _decode_cursor(q, cursor)
    op = "<" if q.descending else ">"
    if q.order_by != "due":
        return f"({order}, c.id) {op} (?, ?)", [key, case_id]
    # due dates sort NULLS LAST both ways: after a date come later dates, then the undated
    if key is None:
        return f"(c.due_on IS NULL AND c.id {op} ?)", [case_id]
    return f"(c.due_on IS NULL OR (c.due_on, c.id) {op} (?, ?))", [key, case_id]


_WIDE_VIEWS = ("all", "closed")

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
        controller = self.cf.controllers.get(case.controller_id)
        now = self._now()
        kinds = [str(k) for k in dict.fromkeys(case.kinds)]
        due, due_jurisdiction = self._governing(
            case.controller_id, controller.jurisdictions, kinds, case.received, ()
        )
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
                "kinds": _j(kinds),
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
                "due_on": due.isoformat() if due else None,
                "due_jurisdiction": due_jurisdiction,
            }
            # plain parameterised SQL: sqlite-utils' insert reads the schema every time
            case_id = _last_rowid(
                self.db.conn.execute(
                    f"INSERT INTO cases ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    tuple(row.values()),
                )
            )
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
            # the new case's search entry from what is at hand (no notes or emails yet)
            self._write_index(
                case_id,
                reference,
                (str(row["subject_name"]), str(row["subject_email"]), str(row["subject_address"])),
                str(row["subject_account"]),
                "",
                f"{row['summary']} ",
            )
        return self.get(CaseId(case_id))

    def add_many(self, cases: Iterable[Case]) -> int:
        """Add many cases in one transaction (the bulk path: imports of whole registers and the
        benchmarks' 100k file). Each case is checked as ``add`` checks it, gets its running
        number, due date, search entry and ``case.created`` audit event; statements are
        batched. Returns how many were added; an invalid case rolls back the whole batch."""
        controllers: dict[int, Controller] = {}
        governing: dict[tuple[Any, ...], tuple[date | None, str]] = {}
        now = self._now()
        added = 0
        with self.cf.transaction():
            case_rows: list[tuple[Any, ...]] = []
            index_rows: list[tuple[Any, ...]] = []
            events: list[tuple[int, dict[str, Any]]] = []
            numbers: dict[int, int] = {}
            for case in cases:
                if not case.subject.name.strip():
                    raise InvalidInput("A case needs the data subject's name.")
                if not case.kinds:
                    raise InvalidInput("A case needs at least one request kind.")
                controller = controllers.get(case.controller_id)
                if controller is None:
                    controller = controllers[case.controller_id] = self.cf.controllers.get(
                        case.controller_id
                    )
                kinds = [str(k) for k in dict.fromkeys(case.kinds)]
                memo = (case.controller_id, tuple(kinds), case.received)
                if memo not in governing:
                    governing[memo] = self._governing(
                        case.controller_id, controller.jurisdictions, kinds, case.received, ()
                    )
                due, due_jurisdiction = governing[memo]
                year = case.received.year
                if year not in numbers:
                    numbers[year] = self._last_number(year)
                numbers[year] += 1
                reference = format_reference(year, numbers[year])
                subject = case.subject
                case_rows.append(
                    (
                        reference,
                        case.controller_id,
                        subject.name.strip(),
                        subject.email.strip(),
                        subject.address.strip(),
                        subject.phone.strip(),
                        subject.account_ref.strip(),
                        _j(kinds),
                        str(case.channel),
                        case.received.isoformat(),
                        str(case.status),
                        case.language,
                        case.reply_language,
                        case.summary,
                        case.postmark.isoformat() if case.postmark else None,
                        case.registered_no,
                        now,
                        now,
                        case.closed_on.isoformat() if case.closed_on else None,
                        case.responded_on.isoformat() if case.responded_on else None,
                        case.outcome,
                        due.isoformat() if due else None,
                        due_jurisdiction,
                    )
                )
            if not case_rows:
                return 0
            first = self.db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0]
            self.db.conn.executemany(
                "INSERT INTO cases (id, reference, controller_id, subject_name, subject_email, "
                "subject_address, subject_phone, subject_account, kinds, channel, received, "
                "status, language, reply_language, summary, postmark, registered_no, created_at, "
                "updated_at, closed_on, responded_on, outcome, due_on, due_jurisdiction) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((first + i, *row) for i, row in enumerate(case_rows)),
            )
            for i, row in enumerate(case_rows):
                case_id = first + i
                index_rows.append(
                    (
                        case_id,
                        row[0],
                        " ".join(x for x in (row[2], row[3], row[4], row[6]) if x),
                        "",
                        f"{row[13]} ",
                    )
                )
                events.append(
                    (
                        case_id,
                        {
                            "reference": row[0],
                            "kinds": json.loads(row[7]),
                            "channel": row[8],
                            "received": row[9],
                            "status": row[10],
                        },
                    )
                )
            self.db.conn.executemany(
                "INSERT INTO case_search(rowid, reference, subject, notes, correspondence) "
                "VALUES (?, ?, ?, ?, ?)",
                index_rows,
            )
            for case_id, data in events:
                self.cf.log("case.created", case_id, data)
            for year, number in numbers.items():
                self._store_number(year, number)
            added = len(case_rows)
        return added

    def _next_reference(self, year: int) -> str:
        """The next running number of the year, kept in ``meta`` (called inside ``add``'s
        transaction, so two cases never get one number); older files are scanned once."""
        number = self._last_number(year) + 1
        self._store_number(year, number)
        return format_reference(year, number)

    def _last_number(self, year: int) -> int:
        row = self.db.conn.execute(
            "SELECT value FROM meta WHERE key = ?", (f"reference_counter:{year}",)
        ).fetchone()
        if row is not None:
            return int(row[0])
        scanned = self.db.conn.execute(
            "SELECT max(CAST(substr(reference, 6) AS INTEGER)) FROM cases WHERE reference LIKE ?",
            (f"{year}-%",),
        ).fetchone()
        return int(scanned[0] or 0)

    def _store_number(self, year: int, number: int) -> None:
        self.db.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (f"reference_counter:{year}", str(number)),
        )

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
        row["updated_at"] = self._now()
        with self.cf.transaction():
            self.db.conn.execute(
                f"UPDATE cases SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                (*row.values(), case_id),
            )
            self.cf.log("case.updated", case_id, shown)
            self.cf.defer_derived(
                case_id,
                index=bool(_INDEXED & changes.keys()),
                due=bool(_DUE_INPUTS & changes.keys()),
            )
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
            self._table("cases").update(case_id, row)
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
            nid = _last_rowid(
                self.db.conn.execute(
                    "INSERT INTO notes(case_id, text, created_at) VALUES (?, ?, ?)",
                    (case_id, text, now),
                )
            )
            self.cf.log("note.added", case_id, {"note_id": nid})
            self.reindex(case_id)  # a note never moves a deadline
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
            self.db.conn.execute(
                "INSERT INTO clock_events(case_id, kind, on_date, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (case_id, str(event.kind), on.isoformat(), note, self._now()),
            )
            self.cf.log(
                "deadline.event",
                case_id,
                {"kind": str(event.kind), "on": on.isoformat(), "note": note},
            )
            self.cf.defer_derived(case_id, index=False, due=True)  # the text is unchanged
        return event

    def clock_events(self, case_id: int) -> list[ClockEvent]:
        return [
            ClockEvent(ClockEventKind(r[0]), date.fromisoformat(r[1]), r[2])
            for r in self.db.conn.execute(
                "SELECT kind, on_date, note FROM clock_events WHERE case_id = ? "
                "ORDER BY on_date, id",
                (case_id,),
            )
        ]

    def refresh(self, case_id: int) -> None:
        """Recompute what is derived from a case: its search entry and its governing due date
        (once, before the outermost transaction commits)."""
        self.cf.defer_derived(case_id, index=True, due=True)

    def reindex(self, case_id: int) -> None:
        """Rebuild a case's search entry (before the outermost commit); the due date stays."""
        self.cf.defer_derived(case_id, index=True, due=False)

    def _governing(
        self,
        controller_id: int,
        jurisdictions: Sequence[str],
        kinds: Sequence[str],
        received: date,
        events: Sequence[ClockEvent],
    ) -> tuple[date | None, str]:
        """The governing (earliest) due date and its regime (as ``deadlines.governing_for_case``,
        with the file's calendar corrections cached on the case file)."""
        from dpo_desk.core.deadlines import compute_case_deadlines

        governing = compute_case_deadlines(
            jurisdictions,
            kinds,
            received,
            events,
            overrides=self.cf.calendar_overrides_for(controller_id),
        ).governing
        if governing is None:
            return None, ""
        return governing.due, governing.jurisdiction

    def _recompute_due(self, case_id: int) -> None:
        row = self.db.conn.execute(
            "SELECT c.controller_id, c.kinds, c.received, ctl.jurisdictions FROM cases c "
            "JOIN controllers ctl ON ctl.id = c.controller_id WHERE c.id = ?",
            (case_id,),
        ).fetchone()
        if row is None:  # rolled back to a savepoint since it was marked
            return
        due, jurisdiction = self._governing(
            row[0],
            json.loads(row[3]),
            json.loads(row[1]),
            date.fromisoformat(row[2]),
            self.clock_events(case_id),
        )
        self.db.conn.execute(
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
        if self._has_table("scan_texts"):  # issue 18: recognised text of letter scans
            correspondence += " " + " ".join(
                r[0]
                for r in self.db.execute(
                    "SELECT text FROM scan_texts WHERE case_id = ?", (case_id,)
                )
            )
        self._write_index(case_id, row[0], row[1:4], row[4], notes, f"{row[5]} {correspondence}")

    def _write_index(
        self,
        case_id: int,
        reference: str,
        subject: Sequence[str],
        account: str,
        notes: str,
        correspondence: str,
    ) -> None:
        self.db.conn.execute("DELETE FROM case_search WHERE rowid = ?", (case_id,))
        self.db.conn.execute(
            "INSERT INTO case_search(rowid, reference, subject, notes, correspondence) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                case_id,
                reference,
                " ".join(x for x in (*subject, account) if x),
                notes,
                correspondence,
            ),
        )

    def _has_table(self, name: str) -> bool:
        return name in self.cf.tables

    # --- reading ---------------------------------------------------------------------------------
    def get(self, case_id: int) -> Case:
        rows = list(self.cf.rows("SELECT * FROM cases WHERE id = ?", (case_id,)))
        if not rows:
            raise NotFound(Message("There is no case with id {case_id}.", case_id=case_id))
        return _case_from_row(rows[0])

    def get_many(self, ids: Sequence[int]) -> dict[CaseId, Case]:
        """Several cases in chunked queries (for registers and exports)."""
        found: dict[CaseId, Case] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.cf.rows(f"SELECT * FROM cases WHERE id IN ({marks})", chunk):
                case = _case_from_row(row)
                found[CaseId(row["id"])] = case
        return found

    def clock_events_for(self, ids: Sequence[int]) -> dict[CaseId, list[ClockEvent]]:
        """The clock events of several cases, by case id (cases without events are absent)."""
        events: dict[CaseId, list[ClockEvent]] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for r in self.cf.rows(
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
        clauses, params, match = self._filters(q)
        if match:
            clauses.append("c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)")
            params.append(match)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _filters(self, q: CaseQuery) -> tuple[list[str], list[Any], str]:
        """The filters on ``cases c`` other than the text, and the FTS5 query of the text."""
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
        return clauses, params, match

    def count(self, q: CaseQuery = CaseQuery()) -> int:
        """How many cases ``q`` finds. A search counts in the full-text index first; no join to
        the controllers (every case has one)."""
        clauses, params, match = self._filters(q)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        if not match:
            sql = f"SELECT count(*) FROM cases c{where}"
        elif not clauses:
            sql, params = "SELECT count(*) FROM case_search WHERE case_search MATCH ?", []
        else:
            sql = (
                "SELECT count(*) FROM case_search s CROSS JOIN cases c ON c.id = s.rowid "
                f"WHERE case_search MATCH ? AND {' AND '.join(clauses)}"
            )
        return int(self.db.conn.execute(sql, [match, *params] if match else params).fetchone()[0])

    def list(
        self,
        q: CaseQuery = CaseQuery(),
        *,
        limit: int | None = None,
        offset: int = 0,
        after: str | None = None,
    ) -> list[CaseRow]:
        """Cases of ``q`` in its sort order; ``after``: only those after that cursor (keyset
        paging, see :meth:`page`). ``offset`` is kept for old callers; it costs O(offset)."""
        return self._select(q, limit, offset, after)[0]

    def page(self, q: CaseQuery = CaseQuery(), *, limit: int, after: str | None = None) -> CasePage:
        """One page of ``q`` after ``after`` (``None``: the first page), and the cursor of the
        next page (``None`` at the end). A cursor is opaque, names its sort order, and stays
        valid when cases are added or changed: paging never repeats or skips a case that keeps
        its place in the order. Every page costs the same at any depth (no OFFSET)."""
        if limit < 1:
            raise InvalidInput("A page holds at least one case.")
        rows, last = self._select(q, limit + 1, 0, after)
        if len(rows) <= limit:
            return CasePage(rows, None)
        rows = rows[:limit]
        key, case_id = last[limit - 1]
        return CasePage(rows, _encode_cursor(q, key, case_id))

    def _select(
        self, q: CaseQuery, limit: int | None, offset: int, after: str | None
    ) -> tuple[builtins.list[CaseRow], builtins.list[tuple[Any, int]]]:
        clauses, params, match = self._filters(q)
        if not match and q.order_by in ("received", "due", "reference") and q.view in _WIDE_VIEWS:
            # most cases qualify: walk the sort column's index and filter on the way ("+" keeps
            # the planner off the status index, which would sort all the closed cases for every
            # page), so a page costs the same at any depth. The open views (a few percent of
            # the file) keep the status index: sorting them is cheaper than walking past the
            # closed cases after the last open one.
            clauses = [c.replace("c.status IN", "+c.status IN") for c in clauses]
        order = SORT_COLUMNS.get(q.order_by)
        if order is None:
            raise InvalidInput(f"Cannot sort by '{q.order_by}' (valid: {', '.join(SORT_COLUMNS)}).")
        direction = "DESC" if q.descending else "ASC"
        nulls = " NULLS LAST" if q.order_by == "due" else ""
        if after is not None:
            clause, extra = _after_clause(q, order, after)
            clauses.append(clause)
            params.extend(extra)
        column = order.split(" COLLATE")[0]
        ordering = f"ORDER BY {order} {direction}{nulls}, c.id {direction}"
        paging = ""
        if limit is not None:
            paging = " LIMIT ? OFFSET ?"
            params.extend([limit, offset])
        elif offset:
            paging = " LIMIT -1 OFFSET ?"
            params.append(offset)
        columns = (
            "c.id, c.reference, ctl.slug, ctl.name, c.subject_name, c.kinds, c.channel, "
            f"c.received, c.status, c.due_on, c.due_jurisdiction, c.responded_on, {column}"
        )
        if match:
            # full-text first: the matches are filtered, sorted and cut to the page on their
            # own, and only the page's cases are joined to their columns and controllers
            inner_join = (
                " JOIN controllers ctl ON ctl.id = c.controller_id"
                if q.order_by == "controller"
                else ""
            )
            where = " AND ".join(["case_search MATCH ?", *clauses])
            sql = (
                f"SELECT {columns} FROM (SELECT c.id AS id FROM case_search s "
                f"CROSS JOIN cases c ON c.id = s.rowid{inner_join} WHERE {where} "
                f"{ordering}{paging}) p CROSS JOIN cases c ON c.id = p.id "
                f"JOIN controllers ctl ON ctl.id = c.controller_id {ordering}"
            )
            params = [match, *params]
        else:
            where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
            sql = (
                f"SELECT {columns} FROM cases c JOIN controllers ctl ON ctl.id = c.controller_id"
                f"{where} {ordering}{paging}"
            )
        raw = self.db.conn.execute(sql, params).fetchall()
        rows = [
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
            for r in raw
        ]
        return rows, [(r[12], r[0]) for r in raw]

    def counts_by_view(self, today: date, controller_id: int | None = None) -> dict[str, int]:
        return {
            view: self.count(CaseQuery(controller_id=controller_id, view=view, today=today))
            for view in VIEWS
        }

    def open_cases_of_subject(
        self, controller_id: int, email: str = "", name: str = ""
    ) -> builtins.list[Case]:
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
        return [_case_from_row(r) for r in self.cf.rows(sql, params)]


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
            aid = _last_rowid(
                self.db.conn.execute(
                    "INSERT INTO attachments(case_id, role, filename, media_type, size, sha256, data, "
                    "created_at, destroyed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                    (
                        case_id,
                        str(AttachmentRole(role)),
                        filename,
                        media_type,
                        len(data),
                        digest,
                        data,
                        self._now(),
                    ),
                )
            )
            self.cf.log(
                "attachment.added",
                case_id,
                {"attachment_id": aid, "role": str(role), "size": len(data), "sha256": digest},
            )
        return self.get(aid)

    def get(self, attachment_id: int) -> AttachmentMeta:
        rows = list(
            self.cf.rows(f"SELECT {_META_COLUMNS} FROM attachments WHERE id = ?", (attachment_id,))
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
            for r in self.cf.rows(
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
        if "identity_checks" not in self.cf.tables:
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
