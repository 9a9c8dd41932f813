"""Deadlines of stored cases: the pure engine fed with what the case file knows.

The case's controller names the regimes (jurisdictions); the case's clock events are its pauses
and extensions; the file's calendar overrides correct the national calendars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dpo_desk.core.calendars import CalendarOverrides
from dpo_desk.core.deadlines import DeadlineSet, compute_case_deadlines, compute_deadline
from dpo_desk.core.errors import ExtensionNotAllowed
from dpo_desk.core.messages import Message
from dpo_desk.core.model import OPEN_STATUSES, ClockEvent, ClockEventKind

if TYPE_CHECKING:
    from .store import CaseFile


@dataclass(frozen=True)
class ControllerOverrideRow:
    """A calendar correction that holds for one controller only (``source``: the suggestion
    it came from, '' when entered by hand)."""

    controller_id: int
    calendar: str
    day: date
    kind: str  # holiday | working | not_holiday
    note: str = ""
    source: str = ""


def controller_overrides(
    cf: CaseFile, controller_id: int | None = None
) -> list[ControllerOverrideRow]:
    """One controller's own calendar corrections (every controller's when ``None``)."""
    sql = "SELECT * FROM controller_calendar_overrides"
    params: tuple[object, ...] = ()
    if controller_id is not None:
        sql += " WHERE controller_id = ?"
        params = (controller_id,)
    return [
        ControllerOverrideRow(
            r["controller_id"],
            r["calendar"],
            date.fromisoformat(r["day"]),
            r["kind"],
            r["note"],
            r["source"],
        )
        for r in cf.db.query(sql + " ORDER BY controller_id, calendar, day", params)
    ]


def set_controller_overrides(
    cf: CaseFile, controller_id: int, rows: Sequence[ControllerOverrideRow], source: str
) -> None:
    """Store one controller's corrections from ``source`` (replacing that source's earlier
    rows), log it in the audit trail and recompute the controller's open cases."""
    with cf.transaction():
        cf.db.execute(
            "DELETE FROM controller_calendar_overrides WHERE controller_id = ? AND source = ?",
            (controller_id, source),
        )
        for row in rows:
            cf.db.execute(
                "INSERT INTO controller_calendar_overrides"
                "(controller_id, calendar, day, kind, note, source) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(controller_id, calendar, day) DO UPDATE SET kind = excluded.kind, "
                "note = excluded.note, source = excluded.source",
                (controller_id, row.calendar, row.day.isoformat(), row.kind, row.note, source),
            )
        cf.log(
            "calendar.controller_override",
            None,
            {
                "controller_id": controller_id,
                "source": source,
                "days": [[r.calendar, r.day.isoformat(), r.kind] for r in rows],
            },
        )
        _refresh_controller_cases(cf, controller_id)


def remove_controller_overrides(cf: CaseFile, controller_id: int, source: str) -> int:
    """Remove one controller's corrections from ``source``; how many rows went."""
    with cf.transaction():
        gone = cf.db.execute(
            "DELETE FROM controller_calendar_overrides WHERE controller_id = ? AND source = ?",
            (controller_id, source),
        ).rowcount
        cf.log(
            "calendar.controller_override_removed",
            None,
            {"controller_id": controller_id, "source": source, "rows": gone},
        )
        _refresh_controller_cases(cf, controller_id)
    return int(gone)


def _refresh_controller_cases(cf: CaseFile, controller_id: int) -> None:
    open_statuses = tuple(s.value for s in OPEN_STATUSES)
    marks = ",".join("?" * len(open_statuses))
    ids = [
        r[0]
        for r in cf.db.execute(
            f"SELECT id FROM cases WHERE controller_id = ? AND status IN ({marks})",
            (controller_id, *open_statuses),
        )
    ]
    for case_id in ids:
        cf.cases._recompute_due(case_id)


def calendar_overrides(cf: CaseFile, controller_id: int | None = None) -> CalendarOverrides:
    """The case file's calendar corrections; with ``controller_id``, that controller's own
    corrections too (they win over the file-wide ones on the same calendar and day)."""
    merged: dict[tuple[str, date], tuple[str, str]] = {
        (r.calendar, r.day): (r.kind, r.note) for r in cf.overrides.list()
    }
    if controller_id is not None:
        for r in controller_overrides(cf, controller_id):
            merged[(r.calendar, r.day)] = (r.kind, r.note)
    holidays: dict[str, dict[date, str]] = {}
    working: dict[str, set[date]] = {}
    removed: dict[str, set[date]] = {}
    for (calendar, day), (kind, note) in merged.items():
        if kind == "holiday":
            holidays.setdefault(calendar, {})[day] = note
        elif kind == "working":
            working.setdefault(calendar, set()).add(day)
        else:
            removed.setdefault(calendar, set()).add(day)
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
        overrides=calendar_overrides(cf, case.controller_id),
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
        raise ExtensionNotAllowed(
            Message("Case {reference} was already extended.", reference=case.reference)
        )
    controller = cf.controllers.get(case.controller_id)
    overrides = calendar_overrides(cf, case.controller_id)
    deadlines = compute_case_deadlines(
        controller.jurisdictions,
        [str(k) for k in case.kinds],
        case.received,
        events,
        overrides=overrides,
    )
    if not deadlines.deadlines:
        raise ExtensionNotAllowed(
            Message("No deadline applies to case {reference}.", reference=case.reference)
        )
    notice = [*events, ClockEvent(ClockEventKind.EXTENSION_NOTICE_SENT, on)]
    for d in deadlines.deadlines:
        compute_deadline(
            d.jurisdiction, d.kind, case.received, notice, extended=True, overrides=overrides
        )
