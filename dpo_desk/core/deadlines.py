"""The deadline engine: rules + calendar + case events -> due dates, extensions, status.

Conventions (ADR 0003, docs/legal-notes.md §1 and its product decisions 1-7):

* ``months``: same day-number in the month ``period`` later, clamped to the month's last day
  (Reg. 1182/71 Art. 3(2)(c); ICO). ``calendar_days``/``weeks``: receipt + N days (the day after
  receipt is day one, Civil Code model). ``working_days``: the N-th working day after receipt
  (receipt never counts). ``immediately``: the day of receipt.
* Roll-forward ``next_working_day`` moves a last day that is not a working day to the next one
  (each rule cites the law that says so: ``roll_forward_citation``); ``due`` is that statutory
  date and ``safe_date`` the date before the move (the earlier, safe target).
* A rule carries its in-force dates; a request received before a law's entry into force has no
  statutory period under it (an internal-target version, ``statutory = false``, or
  :class:`NoRuleForKind` "No statutory period: ...").
* An extension adds ``rule.extension`` units to the period, counted from the same start
  (receipt 31 Jan + 1+2 months = 30 Apr). The notice must go out by the unextended due date.
* Pauses: ``suspension`` adds the calendar days between "identity information requested" and
  "received" before the roll-forward; ``restart`` runs the period from the latest of receipt,
  identity information received and fee paid; a rule with ``clarification_pause`` also adds the
  days between "clarification requested" and "received" (UK stop-the-clock for access).
  ``none`` ignores pause events and says so.
* An open pause (requested, not received) counts up to ``today`` when it is given, otherwise as
  if it ended the day it began; either way a warning says the date will move.

Pure: no clock (``today`` is a parameter), no I/O except the bundled rule book.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .calendars import NO_OVERRIDES, CalendarOverrides, WorkingCalendar
from .errors import ExtensionNotAllowed, InvalidInput, NoRuleForKind
from .model import ClockEvent, ClockEventKind, RequestKind
from .rules import (
    KIND_LABELS,
    Rule,
    RuleBook,
    default_rulebook,
    describe_period,
    parse_kind,
)

E = ClockEventKind

#: (requested, answered, what) for each pair of pause events.
_PAIRS = {
    "identity": (E.IDENTITY_REQUESTED, E.IDENTITY_RECEIVED, "identity information"),
    "clarification": (E.CLARIFICATION_REQUESTED, E.CLARIFICATION_RECEIVED, "clarification"),
    "fee": (E.FEE_REQUESTED, E.FEE_PAID, "fee"),
}
_PAUSE_EVENTS = frozenset(k for pair in _PAIRS.values() for k in pair[:2])
_ANSWERS = frozenset(pair[1] for pair in _PAIRS.values())

INTERNAL_TARGET_WARNING = (
    "Internal target, not a statutory deadline: label it so and never cite it as law."
)


@dataclass(frozen=True)
class Deadline:
    """One (jurisdiction, kind) result."""

    jurisdiction: str
    kind: str
    rule_id: str
    received: date
    clock_started: date  # the date the period runs from (later than receipt after a restart)
    due: date  # governing due date: after pauses, and after the extension when extended
    base_due: date  # before pauses and extension
    extended_due: date | None  # None where no extension is allowed
    extension_notice_by: date | None
    extended: bool
    statutory: bool  # False = internal target
    citation: str
    period: int
    unit: str  # calendar_days | working_days | weeks | months | immediately
    extension: int  # in ``unit``; 0 = none
    clock_start: str
    pause_model: str  # suspension | restart | none
    paused_days: int
    confidence: str
    calendar: str  # "holidays 0.109 RU" (+ overrides)
    calendar_code: str  # "RU", "GB-ENG": rebuilds the calendar for :func:`deadline_status`
    safe_date: date  # without the holiday roll-forward
    acknowledge_by: date | None  # acknowledgement of receipt, where the rule requires one
    warnings: tuple[str, ...]
    roll_forward: str = "none"  # next_working_day | none
    roll_forward_citation: str = ""  # the law on a last day that is not a working day
    in_force_from: date | None = None  # the rule's own dates (the law's entry into force)
    in_force_until: date | None = None
    in_force_citation: str = ""

    @property
    def target(self) -> str:
        return "statutory" if self.statutory else "internal target"

    @property
    def period_text(self) -> str:
        return describe_period(self.period, self.unit)

    def to_dict(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "jurisdiction": self.jurisdiction,
            "kind": self.kind,
            "rule_id": self.rule_id,
            "received": iso(self.received),
            "clock_started": iso(self.clock_started),
            "due": iso(self.due),
            "base_due": iso(self.base_due),
            "extended_due": iso(self.extended_due),
            "extension_notice_by": iso(self.extension_notice_by),
            "extended": self.extended,
            "statutory": self.statutory,
            "target": self.target,
            "citation": self.citation,
            "period": self.period,
            "unit": self.unit,
            "period_text": self.period_text,
            "extension": self.extension,
            "clock_start": self.clock_start,
            "pause_model": self.pause_model,
            "paused_days": self.paused_days,
            "confidence": self.confidence,
            "calendar": self.calendar,
            "calendar_code": self.calendar_code,
            "safe_date": iso(self.safe_date),
            "acknowledge_by": iso(self.acknowledge_by),
            "warnings": list(self.warnings),
            "roll_forward": self.roll_forward,
            "roll_forward_citation": self.roll_forward_citation,
            "in_force_from": iso(self.in_force_from),
            "in_force_until": iso(self.in_force_until),
            "in_force_citation": self.in_force_citation,
        }


@dataclass(frozen=True)
class DeadlineSet:
    """Every applicable regime x kind on one case; the earliest due date governs."""

    deadlines: tuple[Deadline, ...]
    not_applicable: tuple[tuple[str, str, str], ...]  # (jurisdiction, kind, reason)

    @property
    def governing(self) -> Deadline | None:
        """The earliest due date; on a tie a statutory deadline beats an internal target."""
        if not self.deadlines:
            return None
        return min(self.deadlines, key=lambda d: (d.due, not d.statutory))

    def to_dict(self) -> dict[str, Any]:
        governing = self.governing
        return {
            "governing": governing.to_dict() if governing else None,
            "deadlines": [d.to_dict() for d in self.deadlines],
            "not_applicable": [
                {"jurisdiction": j, "kind": k, "reason": r} for j, k, r in self.not_applicable
            ],
        }


@dataclass(frozen=True)
class DeadlineStatus:
    state: str  # "upcoming" | "due_today" | "overdue"
    days_left: int  # negative when overdue; in working days for working-day rules
    unit: str  # "working_days" | "calendar_days"

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "days_left": self.days_left, "unit": self.unit}

    @property
    def text(self) -> str:
        word = "working day" if self.unit == "working_days" else "day"
        n = abs(self.days_left)
        plural = "" if n == 1 else "s"
        if self.state == "due_today":
            return "due today"
        if self.state == "overdue":
            return f"overdue by {n} {word}{plural}"
        return f"{n} {word}{plural} left"


# --- counting ---------------------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
    """Same day-number ``months`` later, clamped to the last day of that month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def _add(cal: WorkingCalendar, start: date, n: int, unit: str) -> date:
    if unit == "months":
        return add_months(start, n)
    if unit == "working_days":
        return cal.add_working_days(start, n)
    if unit == "weeks":
        return start + timedelta(weeks=n)
    if unit == "calendar_days":
        return start + timedelta(days=n)
    return start  # immediately


def _roll(cal: WorkingCalendar, rule: Rule, day: date) -> date:
    if rule.roll_forward == "next_working_day":
        return cal.next_working_day_on_or_after(day)
    return day


# --- pauses -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pairing:
    closed: tuple[tuple[date, date], ...]  # (requested, received)
    open_since: date | None
    answers: tuple[date, ...]  # every "received"/"paid" date, matched or not
    unmatched: tuple[date, ...]  # "received" with no open request


def _pair(events: Sequence[ClockEvent], asked: E, answered: E) -> _Pairing:
    closed: list[tuple[date, date]] = []
    answers: list[date] = []
    unmatched: list[date] = []
    opened: date | None = None
    for event in events:  # sorted: by date, a request before an answer on the same day
        if event.kind == asked and opened is None:
            opened = event.on
        elif event.kind == answered:
            answers.append(event.on)
            if opened is None:
                unmatched.append(event.on)
            else:
                closed.append((opened, event.on))
                opened = None
    return _Pairing(tuple(closed), opened, tuple(answers), tuple(unmatched))


def _merged_days(intervals: Iterable[tuple[date, date]], start: date) -> int:
    """Calendar days covered by the intervals after ``start`` (overlaps counted once)."""
    clipped = sorted((max(a, start), b) for a, b in intervals if b > max(a, start))
    total, cursor = 0, start
    for a, b in clipped:
        a = max(a, cursor)
        if b > a:
            total += (b - a).days
            cursor = b
    return total


def _open_end(since: date, today: date | None) -> date:
    return max(since, today) if today else since


def _open_warning(what: str, since: date, today: date | None, restart: bool) -> str:
    head = (
        f"Clock not started: {what} requested on {since.isoformat()} is still awaited"
        if restart
        else f"Clock paused since {since.isoformat()} ({what} requested, not yet received)"
    )
    if today:
        return (
            f"{head}; the due date assumes it arrives on {_open_end(since, today).isoformat()} "
            "and moves one day later for each further day."
        )
    return f"{head}; the due date assumes it arrived that day and moves by the days it lasts."


def _pauses(
    rule: Rule, received: date, events: Sequence[ClockEvent], today: date | None
) -> tuple[date, int, list[str]]:
    """(date the period runs from, paused days to add, warnings)."""
    warnings: list[str] = []
    present = {e.kind for e in events}
    if rule.pause_model == "none":
        if present & _PAUSE_EVENTS:
            warnings.append(
                f"{rule.jurisdiction} law has no pause: identity, clarification and fee events "
                "do not stop the clock, which runs from receipt."
            )
        return received, 0, warnings
    pairs = {name: _pair(events, *spec[:2]) for name, spec in _PAIRS.items()}
    start = received
    intervals: list[tuple[date, date]] = []
    if rule.pause_model == "suspension":
        ident = pairs["identity"]
        intervals.extend(ident.closed)
        if ident.open_since:
            intervals.append((ident.open_since, _open_end(ident.open_since, today)))
            warnings.append(_open_warning("identity information", ident.open_since, today, False))
        for day in ident.unmatched:
            warnings.append(
                f"Identity information received on {day.isoformat()} without a recorded "
                "request: it does not suspend the clock."
            )
        if {E.FEE_REQUESTED, E.FEE_PAID} & present:
            warnings.append("A fee does not suspend this rule's clock.")
    else:  # restart: the period runs from the latest of receipt, identity and fee
        for name in ("identity", "fee"):
            pairing = pairs[name]
            for day in pairing.answers:
                start = max(start, day)
            if pairing.open_since:
                start = max(start, _open_end(pairing.open_since, today))
                warnings.append(_open_warning(_PAIRS[name][2], pairing.open_since, today, True))
    clar = pairs["clarification"]
    if rule.clarification_pause:
        intervals.extend(clar.closed)
        if clar.open_since:
            intervals.append((clar.open_since, _open_end(clar.open_since, today)))
            warnings.append(_open_warning("clarification", clar.open_since, today, False))
    elif {E.CLARIFICATION_REQUESTED, E.CLARIFICATION_RECEIVED} & present:
        warnings.append(
            f"A clarification request does not pause the clock for {rule.id}: the rule has no "
            "stop-the-clock for clarification (product decision 4)."
        )
    return start, _merged_days(intervals, start), warnings


# --- the engine -------------------------------------------------------------------------------


def deadline_for_rule(
    rule: Rule,
    calendar: WorkingCalendar,
    received: date,
    events: Sequence[ClockEvent] = (),
    *,
    extended: bool | None = None,
    today: date | None = None,
) -> Deadline:
    """Apply one rule on one calendar (whatever its in-force dates): the engine's core."""
    # By date; on one day a request sorts before its answer so that the two pair up.
    ordered = sorted(events, key=lambda e: (e.on, e.kind in _ANSWERS))
    for event in ordered:
        if event.on < received:
            raise InvalidInput(
                f"The event {event.kind.value.replace('_', ' ')} on {event.on.isoformat()} is "
                f"before the request was received ({received.isoformat()})."
            )
    warnings: list[str] = [rule.note] if rule.note else []
    if not rule.statutory:
        warnings.append(INTERNAL_TARGET_WARNING)
    start, paused, pause_warnings = _pauses(rule, received, ordered, today)
    warnings.extend(pause_warnings)
    pause = timedelta(days=paused)

    base_due = _roll(calendar, rule, _add(calendar, received, rule.period, rule.unit))
    raw = _add(calendar, start, rule.period, rule.unit) + pause
    plain_due = _roll(calendar, rule, raw)
    ext_raw: date | None = None
    ext_due: date | None = None
    notice_by: date | None = None
    if rule.allows_extension:
        ext_raw = _add(calendar, start, rule.period + rule.extension, rule.unit) + pause
        ext_due = _roll(calendar, rule, ext_raw)
        notice_by = plain_due

    notices = [e.on for e in ordered if e.kind == E.EXTENSION_NOTICE_SENT]
    where = f"the right to {KIND_LABELS[rule.kind]} in {rule.jurisdiction} ({rule.id})"
    if extended and not rule.allows_extension:
        raise ExtensionNotAllowed(
            f"The rule for {where} allows no extension; the due date stays {plain_due.isoformat()}."
        )
    if extended is None:
        extended = bool(notices)
        if notices and not rule.allows_extension:
            warnings.append(
                f"An extension notice was recorded on {notices[0].isoformat()}, but the rule for "
                f"{where} allows no extension: it has no effect."
            )
            extended = False
    if extended and notices and notice_by and notices[0] > notice_by:
        raise ExtensionNotAllowed(
            f"The extension notice sent on {notices[0].isoformat()} is too late for {where}: "
            f"it had to go out by {notice_by.isoformat()}."
        )
    if extended and not notices and notice_by:
        warnings.append(
            f"Extended deadline: send the extension notice by {notice_by.isoformat()}; "
            f"the rule asks for: {rule.extension_notice}."
        )
    if extended and ext_due and ext_raw:
        due, safe = ext_due, ext_raw
    else:
        due, safe = plain_due, raw

    ack = None
    if rule.acknowledge_within:
        ack = _add(calendar, received, rule.acknowledge_within, rule.acknowledge_unit)
        warnings.append(f"Acknowledge receipt by {ack.isoformat()} ({rule.acknowledge_citation}).")

    uses_calendar = rule.unit == "working_days" or rule.roll_forward == "next_working_day"
    if uses_calendar or rule.acknowledge_unit == "working_days":
        last = max(d for d in (due, ext_due, ack) if d is not None)
        for day, name in calendar.estimated_holidays_between(received, last):
            warnings.append(
                f"{name} on {day.isoformat()} is an estimated date in {calendar.name}: the "
                "deadline may move once the official date is set (correct it in the calendar "
                "overrides)."
            )
        for year in range(received.year, last.year + 1):
            if not calendar.has_transfer_data(year):
                shift = calendar.weekend_shift
                if shift is not None:
                    warnings.append(
                        f"{calendar.name} has no decree data for {year}: holidays falling on a "
                        f"weekend are moved to the next working day by law ({shift.citation}), "
                        "decree pending; check the government decree once adopted and add "
                        "calendar overrides if it moves other days."
                    )
                else:
                    warnings.append(
                        f"{calendar.name} has no data on days off moved by decree for {year}: "
                        "check the government decree and add calendar overrides if needed."
                    )

    return Deadline(
        jurisdiction=rule.jurisdiction,
        kind=rule.kind.value,
        rule_id=rule.id,
        received=received,
        clock_started=start,
        due=due,
        base_due=base_due,
        extended_due=ext_due,
        extension_notice_by=notice_by,
        extended=bool(extended),
        statutory=rule.statutory,
        citation=rule.citation,
        period=rule.period,
        unit=rule.unit,
        extension=rule.extension,
        clock_start=rule.clock_start,
        pause_model=rule.pause_model,
        paused_days=paused,
        confidence=rule.confidence,
        calendar=calendar.name,
        calendar_code=calendar.code,
        safe_date=safe,
        acknowledge_by=ack,
        warnings=tuple(warnings),
        roll_forward=rule.roll_forward,
        roll_forward_citation=rule.roll_forward_citation,
        in_force_from=rule.in_force_from,
        in_force_until=rule.in_force_until,
        in_force_citation=rule.in_force_citation,
    )


def compute_deadline(
    jurisdiction: str,
    kind: RequestKind | str,
    received: date,
    events: Sequence[ClockEvent] = (),
    *,
    extended: bool | None = None,
    overrides: CalendarOverrides | None = None,
    rulebook: RuleBook | None = None,
    today: date | None = None,
) -> Deadline:
    """The deadline for one jurisdiction and request kind.

    ``extended=None``: extended iff ``events`` hold an extension notice (a notice under a rule
    without extension is ignored with a warning). ``extended=True`` on a rule without extension,
    or a notice sent after ``extension_notice_by``, raises :class:`ExtensionNotAllowed`.
    ``today`` only counts an open pause up to that day (see the module docstring).
    """
    book = rulebook or default_rulebook()
    j = book.jurisdiction(jurisdiction)
    rule = book.find(j.code, kind, received)
    cal = WorkingCalendar(j.calendar_country, j.calendar_subdiv, overrides or NO_OVERRIDES)
    return deadline_for_rule(rule, cal, received, events, extended=extended, today=today)


def compute_case_deadlines(
    jurisdictions: Sequence[str],
    kinds: Sequence[RequestKind | str],
    received: date,
    events: Sequence[ClockEvent] = (),
    *,
    overrides: CalendarOverrides | None = None,
    rulebook: RuleBook | None = None,
    today: date | None = None,
) -> DeadlineSet:
    """Every applicable regime x kind. Kinds a jurisdiction lacks go to ``not_applicable``.

    A late extension notice does not fail the case: that deadline stays unextended and carries
    the refusal as a warning. Unknown jurisdictions or kinds raise.
    """
    book = rulebook or default_rulebook()
    codes = list(dict.fromkeys(book.jurisdiction_code(j) for j in jurisdictions))
    wanted = list(dict.fromkeys(parse_kind(k) for k in kinds))
    found: list[Deadline] = []
    missing: list[tuple[str, str, str]] = []
    for code in codes:
        for kind in wanted:
            args = (code, kind, received, events)
            opts: dict[str, Any] = {"overrides": overrides, "rulebook": book, "today": today}
            try:
                deadline = compute_deadline(*args, **opts)
            except NoRuleForKind as exc:
                missing.append((code, kind.value, exc.message))
                continue
            except ExtensionNotAllowed as exc:
                deadline = compute_deadline(*args, extended=False, **opts)
                deadline = replace(deadline, warnings=(*deadline.warnings, exc.message))
            found.append(deadline)
    return DeadlineSet(tuple(found), tuple(missing))


def deadline_status(
    deadline: Deadline, today: date, overrides: CalendarOverrides | None = None
) -> DeadlineStatus:
    """Upcoming / due today / overdue, with days left counted the rule's way.

    Working-day rules count working days in ``(today, due]`` (or ``(due, today]`` when overdue);
    other rules count calendar days. An overdue deadline is at least one day overdue even when
    only non-working days have passed since.
    """
    if deadline.unit == "working_days":
        unit = "working_days"
        cal = WorkingCalendar.from_code(deadline.calendar_code, overrides)
        if today < deadline.due:
            left = max(1, cal.working_days_between(today, deadline.due))
        elif today > deadline.due:
            left = -max(1, cal.working_days_between(deadline.due, today))
        else:
            left = 0
    else:
        unit = "calendar_days"
        left = (deadline.due - today).days
    state = "upcoming" if left > 0 else "overdue" if left < 0 else "due_today"
    return DeadlineStatus(state, left, unit)


def kind_label(kind: RequestKind | str) -> str:
    """The right in words ("withdraw consent"), for messages and the UI."""
    return KIND_LABELS[parse_kind(kind)]
