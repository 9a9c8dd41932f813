"""Deadlines of stored cases: the pure engine fed with what the case file knows.

The case's controller names the regimes (jurisdictions); the case's clock events are its pauses
and extensions; the file's calendar overrides correct the national calendars.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dpo_desk.core.calendars import CalendarOverrides
from dpo_desk.core.deadlines import DeadlineSet, compute_case_deadlines, compute_deadline
from dpo_desk.core.errors import ExtensionNotAllowed
from dpo_desk.core.model import ClockEvent, ClockEventKind

if TYPE_CHECKING:
    from .store import CaseFile


def calendar_overrides(cf: CaseFile) -> CalendarOverrides:
    holidays: dict[str, dict[date, str]] = {}
    working: dict[str, set[date]] = {}
    removed: dict[str, set[date]] = {}
    for row in cf.overrides.list():
        if row.kind == "holiday":
            holidays.setdefault(row.calendar, {})[row.day] = row.note
        elif row.kind == "working":
            working.setdefault(row.calendar, set()).add(row.day)
        else:
            removed.setdefault(row.calendar, set()).add(row.day)
    return CalendarOverrides(
        extra_holidays=holidays, extra_working_days=working, removed_holidays=removed
    )


def case_deadlines(cf: CaseFile, case_id: int, today: date | None = None) -> DeadlineSet:
    """Every applicable deadline of a case. With ``today``, an open pause counts up to today."""
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    return compute_case_deadlines(
        controller.jurisdictions,
        [str(k) for k in case.kinds],
        case.received,
        cf.cases.clock_events(case_id),
        overrides=calendar_overrides(cf),
        today=today,
    )


def governing_for_case(cf: CaseFile, case_id: int) -> tuple[date | None, str]:
    """The governing (earliest) due date of a case and the regime it comes from."""
    governing = case_deadlines(cf, case_id).governing
    if governing is None:
        return None, ""
    return governing.due, governing.jurisdiction


def check_extension(cf: CaseFile, case_id: int, on: date) -> None:
    """Refuse an extension notice that a rule applying to the case does not allow.

    Every regime and kind of the case must allow it (the earliest deadline governs, so an
    extension under one law alone would not move the binding date), the notice must go out in
    time, and a case is extended once.
    """
    case = cf.cases.get(case_id)
    events = cf.cases.clock_events(case_id)
    if any(e.kind == ClockEventKind.EXTENSION_NOTICE_SENT for e in events):
        raise ExtensionNotAllowed(f"Case {case.reference} was already extended.")
    controller = cf.controllers.get(case.controller_id)
    overrides = calendar_overrides(cf)
    deadlines = compute_case_deadlines(
        controller.jurisdictions,
        [str(k) for k in case.kinds],
        case.received,
        events,
        overrides=overrides,
    )
    if not deadlines.deadlines:
        raise ExtensionNotAllowed(f"No deadline applies to case {case.reference}.")
    notice = [*events, ClockEvent(ClockEventKind.EXTENSION_NOTICE_SENT, on)]
    for d in deadlines.deadlines:
        compute_deadline(
            d.jurisdiction, d.kind, case.received, notice, extended=True, overrides=overrides
        )
