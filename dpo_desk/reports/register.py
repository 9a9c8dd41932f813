"""The register of requests (CSV, XLSX, JSON) for a period and one or more controllers.

One row per case: reference, received date, controller, subject and contact (or a pseudonym),
request kinds, channel, governing regime and due date, date answered, on time or late (open or
overdue as of ``today`` while the case is open), days to answer, status and outcome.

Open cases get their governing due date computed as of ``today`` (an open pause counts up to
today); closed cases keep the due date the case file stores. CSV is UTF-8 with a BOM (Excel);
text cells that a spreadsheet would read as a formula are escaped in CSV and XLSX.
"""

from __future__ import annotations

import csv
import heapq
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dpo_desk.casefile.audit import Anchor
from dpo_desk.casefile.repositories import CaseQuery, CaseRow
from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.model import Case, DataSubject

from . import atomic
from .atomic import stage
from .common import (
    TIMELINESS_LABELS,
    Cancel,
    DeadlineSource,
    ExportCancelled,
    ExportResult,
    Progress,
    Pseudonymiser,
    Ticker,
    finish_export,
    format_for,
    iso,
    json_bytes,
    timeliness,
)
from .pseudonymise import REVIEW_NOTE, FreeTextRedactor  # issue 20

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

SCHEMA = 1

#: (key, header) in column order, for CSV and XLSX.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "Reference"),
    ("received", "Received"),
    ("controller", "Controller"),
    ("subject", "Data subject"),
    ("contact", "Contact"),
    ("kinds", "Requests"),
    ("channel", "Channel"),
    ("jurisdiction", "Governing regime"),
    ("due", "Governing due date"),
    ("responded_on", "Answered on"),
    ("timeliness", "On time"),
    ("days_to_answer", "Days to answer"),
    ("status", "Status"),
    ("closed_on", "Closed on"),
    ("outcome", "Outcome"),
)
_WIDTHS = {
    "reference": 11,
    "received": 11,
    "controller": 18,
    "subject": 24,
    "contact": 26,
    "kinds": 26,
    "channel": 8,
    "jurisdiction": 9,
    "due": 11,
    "responded_on": 11,
    "timeliness": 13,
    "days_to_answer": 8,
    "status": 16,
    "closed_on": 11,
    "outcome": 40,
}

#: What makes a spreadsheet read a text cell as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RegisterRow:
    case_id: int
    reference: str
    received: date
    controller: str  # slug
    controller_name: str
    subject: str  # the name, or the pseudonym
    contact: str  # email, else phone, else postal address on one line; "" when pseudonymised
    kinds: tuple[str, ...]
    channel: str
    jurisdiction: str  # the governing regime, "" when no deadline applies
    due: date | None  # the governing due date
    responded_on: date | None
    closed_on: date | None
    status: str
    timeliness: str  # a key of TIMELINESS_LABELS
    days_to_answer: int | None  # calendar days from receipt to the answer
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "received": self.received.isoformat(),
            "controller": self.controller,
            "controller_name": self.controller_name,
            "subject": self.subject,
            "contact": self.contact,
            "kinds": list(self.kinds),
            "channel": self.channel,
            "jurisdiction": self.jurisdiction or None,
            "due": iso(self.due),
            "responded_on": iso(self.responded_on),
            "closed_on": iso(self.closed_on),
            "status": self.status,
            "timeliness": self.timeliness,
            "days_to_answer": self.days_to_answer,
            "outcome": self.outcome,
        }

    def cells(self) -> dict[str, Any]:
        """Values for CSV/XLSX: dates stay dates, lists become text, codes become words."""
        return {
            "reference": self.reference,
            "received": self.received,
            "controller": self.controller_name,
            "subject": self.subject,
            "contact": self.contact,
            "kinds": "; ".join(self.kinds),
            "channel": self.channel,
            "jurisdiction": self.jurisdiction,
            "due": self.due,
            "responded_on": self.responded_on,
            "timeliness": TIMELINESS_LABELS[self.timeliness],
            "days_to_answer": self.days_to_answer,
            "status": self.status.replace("_", " "),
            "closed_on": self.closed_on,
            "outcome": self.outcome,
        }


@dataclass(frozen=True)
class Register:
    rows: tuple[RegisterRow, ...]
    generated_at: str
    as_of: date
    received_from: date | None
    received_to: date | None
    controllers: tuple[str, ...]  # slugs asked for; () = all
    pseudonymised: bool
    anchor: Anchor | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": "DPO Desk register of requests",
            "schema": SCHEMA,
            "generated_at": self.generated_at,
            "as_of": self.as_of.isoformat(),
            "filters": {
                "received_from": iso(self.received_from),
                "received_to": iso(self.received_to),
                "controllers": list(self.controllers),
            },
            "pseudonymised": self.pseudonymised,
            **({"pseudonymisation_note": REVIEW_NOTE} if self.pseudonymised else {}),  # issue 20
            "audit_anchor": self.anchor.text() if self.anchor else None,
            "cases": len(self.rows),
            "rows": [r.to_dict() for r in self.rows],
        }


def contact_of(subject: DataSubject) -> str:
    if subject.email.strip():
        return subject.email.strip()
    if subject.phone.strip():
        return subject.phone.strip()
    return ", ".join(line.strip() for line in subject.address.splitlines() if line.strip())


def select_cases(
    cf: CaseFile,
    *,
    received_from: date | None = None,
    received_to: date | None = None,
    controllers: Sequence[str] = (),
) -> list[CaseRow]:
    """The case rows of a period and controllers (by slug), oldest first."""
    if received_from and received_to and received_from > received_to:
        raise InvalidInput(
            f"The period starts ({received_from.isoformat()}) after it ends "
            f"({received_to.isoformat()})."
        )
    return [
        row
        for batch in _selected_batches(
            cf, _queries(cf, received_from, received_to, controllers), BATCH
        )
        for row in batch
    ]


#: Cases fetched (and rows written) per batch: the export's memory does not grow with the file.
BATCH = 500


def _queries(
    cf: CaseFile, received_from: date | None, received_to: date | None, controllers: Sequence[str]
) -> list[CaseQuery]:
    if received_from and received_to and received_from > received_to:
        raise InvalidInput(
            f"The period starts ({received_from.isoformat()}) after it ends "
            f"({received_to.isoformat()})."
        )
    ids: list[int | None] = []
    for slug in dict.fromkeys(controllers):
        found = cf.controllers.by_slug(slug)
        assert found is not None and found.id is not None
        ids.append(found.id)
    return [
        CaseQuery(
            controller_id=controller_id,
            received_from=received_from,
            received_to=received_to,
            order_by="received",
            descending=False,
        )
        for controller_id in ids or [None]
    ]


def _pages(cf: CaseFile, query: CaseQuery, size: int) -> Iterator[CaseRow]:
    cursor: str | None = None
    while True:
        page = cf.cases.page(query, limit=size, after=cursor)
        yield from page.rows
        if page.next is None:
            return
        cursor = page.next


def _selected_batches(
    cf: CaseFile, queries: Sequence[CaseQuery], size: int
) -> Iterator[list[CaseRow]]:
    """Case rows in register order (received, reference, id), in batches of about ``size``:
    keyset pages of each controller merged by date; one day's cases sorted by reference."""
    merged = heapq.merge(*(_pages(cf, q, size) for q in queries), key=lambda r: r.received)
    batch: list[CaseRow] = []
    for _day, group in itertools.groupby(merged, key=lambda r: r.received):
        batch.extend(sorted(group, key=lambda r: (r.reference, r.id)))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _register_rows(
    cf: CaseFile,
    queries: Sequence[CaseQuery],
    today: date,
    pseudonyms: Pseudonymiser | None,
    ticker: Ticker,
) -> Iterator[RegisterRow]:
    """The register's rows as they are fetched (a batch of cases per query, not one each)."""
    source = DeadlineSource(cf, today)
    done = 0
    for batch in _selected_batches(cf, queries, BATCH):
        cases = cf.cases.get_many([r.id for r in batch])
        for row in batch:
            done += 1
            yield register_row(cases[row.id], row, source, today, pseudonyms)
            ticker.step(done)


def build_register(
    cf: CaseFile,
    today: date,
    *,
    received_from: date | None = None,
    received_to: date | None = None,
    controllers: Sequence[str] = (),
    pseudonymise: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Register:
    """The register rows of a period (received from/to, inclusive) and controllers."""
    queries = _queries(cf, received_from, received_to, controllers)
    anchor = cf.head()
    pseudonyms = Pseudonymiser() if pseudonymise else None
    ticker = Ticker(sum(cf.cases.count(q) for q in queries), progress, cancel)
    rows = _register_rows(cf, queries, today, pseudonyms, ticker)
    return Register(
        tuple(rows),
        cf.clock().isoformat(),
        today,
        received_from,
        received_to,
        tuple(dict.fromkeys(controllers)),
        pseudonymise,
        anchor,
    )


def register_row(
    case: Case, row: CaseRow, source: DeadlineSource, today: date, pseudonyms: Pseudonymiser | None
) -> RegisterRow:
    assert case.id is not None
    due, jurisdiction = row.due_on, row.due_jurisdiction
    if case.status.is_open:
        try:
            governing = source.for_case(case).governing
        except KnownError:
            governing = None  # keep the stored due date; the case view shows the problem
        else:
            due = governing.due if governing else None
            jurisdiction = governing.jurisdiction if governing else ""
    subject, contact, outcome = case.subject.name, contact_of(case.subject), case.outcome
    if pseudonyms is not None:
        subject = pseudonyms.subject(case.id)
        contact = ""
        if outcome:  # building the name forms costs a few ms: only for text that needs it
            outcome = FreeTextRedactor.for_subject(case.subject, subject).text(outcome)
    return RegisterRow(
        case_id=case.id,
        reference=case.reference,
        received=case.received,
        controller=row.controller_slug,
        controller_name=row.controller_name,
        subject=subject,
        contact=contact,
        kinds=tuple(str(k) for k in case.kinds),
        channel=str(case.channel),
        jurisdiction=jurisdiction,
        due=due,
        responded_on=case.responded_on,
        closed_on=case.closed_on,
        status=str(case.status),
        timeliness=timeliness(case.status, due, case.responded_on, today),
        days_to_answer=(case.responded_on - case.received).days if case.responded_on else None,
        outcome=outcome,
    )


# --- rendering -----------------------------------------------------------------------------------


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_PREFIXES)


def csv_safe(value: Any) -> Any:
    """A CSV cell: text a spreadsheet would evaluate gets a leading apostrophe."""
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def register_csv(register: Register) -> bytes:
    out = io.StringIO()
    _write_csv(out, register.rows)
    return out.getvalue().encode("utf-8-sig")


def _write_csv(out: TextIO, rows: Iterable[RegisterRow]) -> int:
    """Write the header and ``rows`` as they come; returns how many rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for _key, header in COLUMNS])
    count = 0
    for row in rows:
        cells = row.cells()
        writer.writerow([csv_safe(cells[key]) for key, _header in COLUMNS])
        count += 1
    return count


def register_json(register: Register) -> bytes:
    return json_bytes(register.to_dict())


def register_xlsx(register: Register) -> bytes:
    """A workbook with the register and an "About" sheet (filters, anchor, how to read it).

    Built in memory by XlsxWriter (``in_memory``): no worksheet ever passes through a temporary
    file, so the register's names never reach the disk outside the export itself (openpyxl
    spools every sheet to ``$TMPDIR``). Text cells are always written as text, never as
    formulas; text that starts like a formula is also marked "quote prefix", so Excel keeps it
    text even when the cell is edited.
    """
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    wb.set_properties({"creator": "DPO Desk", "title": "Register of requests"})
    head = wb.add_format({"bold": True, "bg_color": "#EEF2F6"})
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    quoted = wb.add_format({"quote_prefix": True})

    def put(ws: Any, row: int, col: int, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            ws.write_boolean(row, col, value)
        elif isinstance(value, date):
            ws.write_datetime(row, col, datetime.combine(value, datetime.min.time()), day)
        elif isinstance(value, int | float):
            ws.write_number(row, col, value)
        else:
            text = str(value)
            ws.write_string(row, col, text, quoted if is_formula_like(text) else None)

    ws = wb.add_worksheet("Register")
    for index, (key, header) in enumerate(COLUMNS):
        ws.set_column(index, index, _WIDTHS[key])
        ws.write_string(0, index, header, head)
    ws.freeze_panes(1, 0)
    for r, row in enumerate(register.rows, 1):
        cells = row.cells()
        for c, (key, _header) in enumerate(COLUMNS):
            put(ws, r, c, cells[key])
    if register.rows:
        ws.autofilter(0, 0, len(register.rows), len(COLUMNS) - 1)

    about = wb.add_worksheet("About")
    about.set_column(0, 0, 22)
    about.set_column(1, 1, 90)
    for r, (label, value) in enumerate(_about(register)):
        about.write_string(r, 0, label, head)
        put(about, r, 1, value)
    wb.close()
    return buffer.getvalue()


def _about(register: Register) -> list[tuple[str, Any]]:
    anchor = register.anchor.text() if register.anchor else ""
    return [
        ("Document", "DPO Desk register of requests"),
        ("Generated at (UTC)", register.generated_at[:19].replace("T", " ")),
        ("As of", register.as_of),
        ("Received from", register.received_from or "any date"),
        ("Received to", register.received_to or "any date"),
        ("Controllers", ", ".join(register.controllers) or "all"),
        ("Cases", len(register.rows)),
        (
            "Pseudonymised",
            "yes: subjects are shown by pseudonym, contacts are withheld. " + REVIEW_NOTE
            if register.pseudonymised
            else "no",
        ),
        ("Audit anchor", anchor),
        ("Check it with", f"dpo-desk audit verify --anchor {anchor}" if anchor else ""),
        (
            "On time",
            "Answered on or before the governing (earliest) due date. Open cases are "
            "'overdue' from the day after it, as of the date above.",
        ),
        ("Days to answer", "Calendar days from receipt to the date answered."),
    ]


# --- export --------------------------------------------------------------------------------------

_RENDER = {"csv": register_csv, "xlsx": register_xlsx, "json": register_json}


def export_register(
    cf: CaseFile,
    path: Path | str,
    today: date,
    *,
    fmt: str | None = None,
    received_from: date | None = None,
    received_to: date | None = None,
    controllers: Sequence[str] = (),
    pseudonymise: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write the register (CSV, XLSX or JSON, from the extension unless ``fmt`` is given).

    CSV streams (issue 19): rows are fetched in batches and written to the staged file as they
    come, so memory stays flat however large the file; XLSX and JSON are built whole."""
    chosen = format_for(path, "register", fmt)
    if chosen == "csv":
        return _stream_csv(
            cf,
            Path(path),
            today,
            _queries(cf, received_from, received_to, controllers),
            pseudonymise,
            progress,
            cancel,
        )
    register = build_register(
        cf,
        today,
        received_from=received_from,
        received_to=received_to,
        controllers=controllers,
        pseudonymise=pseudonymise,
        progress=progress,
        cancel=cancel,
    )
    data = _RENDER[chosen](register)
    return finish_export(
        cf,
        kind="register",
        fmt=chosen,
        path=Path(path),
        data=data,
        case_id=None,
        cases=len(register.rows),
        pseudonymised=pseudonymise,
        anchor=register.anchor,
        cancel=cancel,
    )


def _stream_csv(
    cf: CaseFile,
    path: Path,
    today: date,
    queries: Sequence[CaseQuery],
    pseudonymise: bool,
    progress: Progress | None,
    cancel: Cancel | None,
) -> ExportResult:
    """The CSV register written row by row into a staged temp file; then, as ``finish_export``
    does for the other formats, the audit event commits and only then the file takes its name."""
    anchor = cf.head()
    pseudonyms = Pseudonymiser() if pseudonymise else None
    ticker = Ticker(sum(cf.cases.count(q) for q in queries), progress, cancel)
    staged = stage(path, b"")
    try:
        try:
            with _AppendOnly(staged.temp) as out:
                rows = _write_csv(out, _register_rows(cf, queries, today, pseudonyms, ticker))
        except OSError as exc:
            raise atomic._known(exc, staged.target) from None  # noqa: SLF001 - same sentences
        if cancel is not None and cancel():
            raise ExportCancelled("The export was cancelled; no file was written.")
        cf.log(
            "export.register",
            None,
            {
                "format": "csv",
                "file": staged.target.name,
                "cases": rows,
                "pseudonymised": pseudonymise,
                "anchor": anchor.text() if anchor else None,
            },
        )
        written = staged.commit()
    finally:
        staged.discard()
    return ExportResult(
        "register", "csv", written, rows, pseudonymise, anchor, written.stat().st_size
    )


class _AppendOnly:
    """A text sink for the CSV writer: UTF-8 with a BOM, written to the staged file in chunks
    of about 256 KiB through the same ``os`` calls as ``atomic.stage``, then fsynced."""

    CHUNK = 256 * 1024

    def __init__(self, path: Path) -> None:
        self._path = path
        self._parts: list[str] = []
        self._size = 0
        self._fd = -1
        self._encoding = "utf-8-sig"

    def __enter__(self) -> _AppendOnly:
        self._fd = atomic.os.open(self._path, atomic.os.O_WRONLY | atomic.os.O_APPEND)
        return self

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self.CHUNK:
            self._flush()
        return len(text)

    def _flush(self) -> None:
        view = memoryview("".join(self._parts).encode(self._encoding))
        self._encoding = "utf-8"  # the BOM once, at the start
        self._parts, self._size = [], 0
        while view:
            view = view[atomic.os.write(self._fd, view) :]

    def __exit__(self, exc_type: object, *_rest: object) -> None:
        try:
            if exc_type is None:
                self._flush()
                atomic.os.fsync(self._fd)
        finally:
            atomic.os.close(self._fd)
