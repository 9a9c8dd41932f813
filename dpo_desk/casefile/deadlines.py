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


@dataclass(frozen=True)
class ExtensionDecision:
    """Whether an extension notice sent on ``on`` would extend a case, and what it would do.

    The rule (ADR 0006): a notice extends each deadline whose rule allows an extension and for
    which the notice is in time; every other deadline keeps its date. The case's governing
    deadline is the earliest, so the extension is allowed only when it moves the governing
    date; then no regime is shown a date later than it allows. A case is extended once.
    """

    allowed: bool
    reason: str  # why not ("" when allowed): one sentence for the DPO
    governing_before: date | None
    governing_after: date | None  # the governing date once the notice is recorded
    extends: tuple[str, ...]  # "FR access": deadlines the notice moves
    stays: tuple[tuple[str, str], ...]  # ("KG access", why it keeps its date)

    def to_dict(self) -> dict[str, object]:
        return {
            "allowed": self.allowed,
            "reason": self.reason,
            "governing_before": self.governing_before.isoformat()
            if self.governing_before
            else None,
            "governing_after": self.governing_after.isoformat() if self.governing_after else None,
            "extends": list(self.extends),
            "stays": [{"deadline": d, "why": why} for d, why in self.stays],
        }


def extension_decision(
    cf: CaseFile, case_id: int, on: date, today: date | None = None
) -> ExtensionDecision:
    """Decide the extension rule for a notice sent on ``on`` (nothing is stored).

    The one implementation of the rule: ``services.cases`` shows it to the window and the
    command line; the repository and the letters engine, which sit below the services, call it
    here too (the layers forbid them to import the services).
    """
    case = cf.cases.get(case_id)
    events = cf.cases.clock_events(case_id)
    earlier = [e.on for e in events if e.kind == ClockEventKind.EXTENSION_NOTICE_SENT]
    controller = cf.controllers.get(case.controller_id)
    overrides = calendar_overrides(cf, case.controller_id)

    def compute(extra: Sequence[ClockEvent]) -> DeadlineSet:
        return compute_case_deadlines(
            controller.jurisdictions,
            [str(k) for k in case.kinds],
            case.received,
            [*events, *extra],
            overrides=overrides,
            today=today,
        )

    before = compute(())
    due_before = before.governing.due if before.governing else None
    if earlier:
        return ExtensionDecision(
            False,
            Message(
                "Case {reference} was already extended (notice of {on}); a period can be "
                "extended only once.",
                reference=case.reference,
                on=earlier[0].isoformat(),
            ),
            due_before,
            due_before,
            (),
            (),
        )
    if before.governing is None:
        return ExtensionDecision(
            False,
            Message(
                "No deadline applies to case {reference}, so there is no period to extend.",
                reference=case.reference,
            ),
            None,
            None,
            (),
            (),
        )
    notice = ClockEvent(ClockEventKind.EXTENSION_NOTICE_SENT, on)
    after = compute([notice])
    extends: list[str] = []
    stays: list[tuple[str, str]] = []
    for d in after.deadlines:
        label = f"{d.jurisdiction} {d.kind}"
        if d.extended:
            extends.append(label)
            continue
        try:  # the engine says why this deadline cannot be extended
            compute_deadline(
                d.jurisdiction,
                d.kind,
                case.received,
                [*events, notice],
                extended=True,
                overrides=overrides,
                today=today,
            )
            why: str = Message("The deadline under {label} cannot be extended.", label=label)
        except ExtensionNotAllowed as exc:
            why = exc.message
        stays.append((label, why))
    governing_after = after.governing
    due_after = governing_after.due if governing_after else None
    if due_after is not None and due_after > before.governing.due:
        return ExtensionDecision(True, "", due_before, due_after, tuple(extends), tuple(stays))
    reason: str
    if not extends:
        reason = (
            stays[0][1] if stays else Message("This case has no deadline that could be extended.")
        )
    else:
        assert governing_after is not None
        binding = f"{governing_after.jurisdiction} {governing_after.kind}"
        why = dict(stays).get(binding, "")
        reason = Message(
            "An extension would not move the governing deadline of case {reference}: the "
            "deadline under {binding} ({due}) stays binding{because}.",
            reference=case.reference,
            binding=binding,
            due=before.governing.due.isoformat(),
            because=f" ({why.rstrip('.')})" if why else "",
        )
    return ExtensionDecision(False, reason, due_before, due_before, tuple(extends), tuple(stays))


def check_extension(cf: CaseFile, case_id: int, on: date, today: date | None = None) -> None:
    """Refuse (``ExtensionNotAllowed``) an extension notice the rule does not allow."""
    decision = extension_decision(cf, case_id, on, today)
    if not decision.allowed:
        raise ExtensionNotAllowed(decision.reason)
