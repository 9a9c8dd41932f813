"""What the window does to the case file: each function runs on the database thread.

Every function takes the open ``CaseFile`` first (``ctx.db.run(fn, *args)`` passes it) and
returns plain dataclasses; none touches Qt. They compose the repositories' calls — the SQL stays
in ``dpo_desk.casefile``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dpo_desk.casefile import BackupInfo, CaseFile
from dpo_desk.casefile.audit import ChainReport
from dpo_desk.casefile.deadlines import calendar_overrides, case_deadlines
from dpo_desk.casefile.repositories import CaseQuery, OverrideRow
from dpo_desk.core.deadlines import DeadlineSet, DeadlineStatus, compute_deadline, deadline_status
from dpo_desk.core.errors import ExtensionNotAllowed, InvalidInput
from dpo_desk.core.model import (
    AuditEvent,
    Case,
    CaseStatus,
    ClockEvent,
    ClockEventKind,
    Controller,
    DataSubject,
    Note,
    RequestKind,
)

from .tasks import TaskControl

if TYPE_CHECKING:
    from dpo_desk.intake.service import ImportOutcome


@dataclass(frozen=True)
class CaseDetails:
    """Everything the case view shows about one case, read in one go."""

    case: Case
    controller: Controller
    notes: tuple[Note, ...]
    clock_events: tuple[ClockEvent, ...]
    deadlines: DeadlineSet | None
    deadline_status: DeadlineStatus | None  # of the governing deadline, on ``today``
    deadline_error: str  # why no deadline could be computed ("" when fine)
    audit: tuple[AuditEvent, ...]
    today: date

    @property
    def case_id(self) -> int:
        assert self.case.id is not None
        return int(self.case.id)


def load_case(cf: CaseFile, case_id: int, today: date) -> CaseDetails:
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    deadlines: DeadlineSet | None = None
    status: DeadlineStatus | None = None
    error = ""
    try:
        deadlines = case_deadlines(cf, case_id)
    except InvalidInput as exc:  # an unknown jurisdiction in an old controller record
        error = str(exc)
    if deadlines is not None and deadlines.governing is not None:
        status = deadline_status(deadlines.governing, today, calendar_overrides(cf))
    return CaseDetails(
        case=case,
        controller=controller,
        notes=tuple(cf.cases.notes(case_id)),
        clock_events=tuple(cf.cases.clock_events(case_id)),
        deadlines=deadlines,
        deadline_status=status,
        deadline_error=error,
        audit=tuple(cf.audit.events(case_id)),
        today=today,
    )


def add_note(cf: CaseFile, case_id: int, today: date, text: str) -> CaseDetails:
    cf.cases.add_note(case_id, text)
    return load_case(cf, case_id, today)


def move_status(
    cf: CaseFile, case_id: int, today: date, status: CaseStatus, reason: str = ""
) -> CaseDetails:
    cf.cases.set_status(case_id, status, on=today, reason=reason)
    return load_case(cf, case_id, today)


def record_clock_event(
    cf: CaseFile, case_id: int, today: date, kind: ClockEventKind, on: date, note: str = ""
) -> CaseDetails:
    """Record a pause, a resume or an extension notice; an extension no rule allows is refused."""
    if on > today:
        raise InvalidInput("The event's date is in the future.")
    if kind == ClockEventKind.EXTENSION_NOTICE_SENT:
        check_extension(cf, case_id, on, note)
    cf.cases.add_clock_event(case_id, kind, on, note)
    return load_case(cf, case_id, today)


def check_extension(cf: CaseFile, case_id: int, on: date, note: str = "") -> None:
    """Raise the engine's ``ExtensionNotAllowed`` unless at least one regime may be extended."""
    case = cf.cases.get(case_id)
    current = case_deadlines(cf, case_id)
    if any(d.extended for d in current.deadlines):
        raise ExtensionNotAllowed("The deadline of this case has already been extended.")
    events = [
        *cf.cases.clock_events(case_id),
        ClockEvent(ClockEventKind.EXTENSION_NOTICE_SENT, on, note),
    ]
    overrides = calendar_overrides(cf)
    refusals: list[str] = []
    for deadline in current.deadlines:
        try:
            compute_deadline(
                deadline.jurisdiction,
                deadline.kind,
                case.received,
                events,
                extended=True,
                overrides=overrides,
            )
        except ExtensionNotAllowed as exc:
            refusals.append(exc.message)
            continue
        return
    if refusals:
        raise ExtensionNotAllowed(refusals[0])
    raise ExtensionNotAllowed("This case has no deadline that could be extended.")


@dataclass(frozen=True)
class PostalRequest:
    """What the new-postal-request dialog collects."""

    controller_id: int
    kinds: tuple[RequestKind, ...]  # main request first
    received: date  # the controller's date stamp
    postmark: date | None
    registered_no: str
    name: str
    address: str
    email: str
    language: str
    summary: str


def log_postal_request(cf: CaseFile, request: PostalRequest, today: date) -> Case:
    """The intake service logs it (and checks dates); scans come in the next wave."""
    from dpo_desk.intake.service import log_postal

    return log_postal(
        cf,
        controller=cf.controllers.get(request.controller_id),
        subject=DataSubject(name=request.name, email=request.email, address=request.address),
        kinds=request.kinds,
        received=request.received,
        today=today,
        postmark=request.postmark,
        registered_no=request.registered_no,
        language=request.language,
        summary=request.summary,
    )


def import_email_files(
    control: TaskControl, cf: CaseFile, paths: list[Path], today: date
) -> list[ImportOutcome]:
    """Import .eml/.msg/.mbox/.txt files through the intake service, with progress and cancel."""
    from dpo_desk.intake.service import import_files

    return import_files(
        cf,
        paths,
        today,
        progress=lambda done, total: control.progress(done, total),
        cancel=lambda: control.cancelled,
    )


# --- lists and counts ------------------------------------------------------------------------


@dataclass(frozen=True)
class ControllerCount:
    id: int
    name: str
    count: int


@dataclass(frozen=True)
class SidebarCounts:
    views: dict[str, int]
    controllers: tuple[ControllerCount, ...]


def sidebar_counts(cf: CaseFile, today: date) -> SidebarCounts:
    views = cf.cases.counts_by_view(today)
    controllers = tuple(
        ControllerCount(int(c.id or 0), c.name, cf.cases.count(CaseQuery(controller_id=c.id)))
        for c in cf.controllers.list()
    )
    return SidebarCounts(views, controllers)


@dataclass(frozen=True)
class Reminder:
    overdue: int
    due_today: int

    @property
    def any(self) -> bool:
        return bool(self.overdue or self.due_today)


def reminder(cf: CaseFile, today: date) -> Reminder:
    overdue = cf.cases.count(CaseQuery(view="overdue", today=today))
    due_today = cf.cases.count(CaseQuery(view="due_soon", today=today, due_soon_days=0))
    return Reminder(overdue, due_today)


def list_controllers(cf: CaseFile) -> list[Controller]:
    return cf.controllers.list()


def save_controller(cf: CaseFile, controller: Controller) -> Controller:
    if controller.id is None:
        return cf.controllers.add(controller)
    return cf.controllers.update(controller)


def list_overrides(cf: CaseFile) -> list[OverrideRow]:
    return cf.overrides.list()


def set_override(cf: CaseFile, row: OverrideRow) -> list[OverrideRow]:
    cf.overrides.set(row.calendar.strip().upper(), row.day, row.kind, row.note)
    return cf.overrides.list()


def remove_override(cf: CaseFile, calendar: str, day: date) -> list[OverrideRow]:
    cf.overrides.remove(calendar, day)
    return cf.overrides.list()


# --- long jobs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]  # integrity_check / cipher_integrity_check findings
    chain: ChainReport

    @property
    def ok(self) -> bool:
        return not self.problems and self.chain.ok


def check_casefile(control: TaskControl, cf: CaseFile) -> CheckReport:
    control.progress(0, 2)
    problems = tuple(cf.integrity_check())
    control.check()
    control.progress(1, 2)
    chain = cf.verify_audit()
    control.progress(2, 2)
    return CheckReport(problems, chain)


def backup(control: TaskControl, cf: CaseFile, dest: Path) -> BackupInfo:
    control.progress(0, 0)
    return cf.backup(dest)
