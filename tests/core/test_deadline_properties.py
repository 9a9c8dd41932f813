"""Properties that hold for every bundled rule (issue 3, "Proof"), checked with hypothesis.

Each example draws a rule and dates inside the rule's in-force period (2018-2030), so that
``compute_deadline`` picks that very rule.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dpo_desk.core.calendars import WorkingCalendar
from dpo_desk.core.deadlines import Deadline, compute_deadline
from dpo_desk.core.model import ClockEvent
from dpo_desk.core.model import ClockEventKind as E
from dpo_desk.core.rules import Rule, default_rulebook

RULES = default_rulebook().rules
LOW, HIGH = date(2018, 1, 1), date(2030, 12, 31)
SETTINGS = settings(max_examples=150, deadline=None)


def _window(rule: Rule) -> tuple[date, date]:
    return max(LOW, rule.in_force_from or LOW), min(HIGH, rule.in_force_until or HIGH)


@st.composite
def rule_and_day(draw: st.DrawFn) -> tuple[Rule, date]:
    rule = draw(st.sampled_from(RULES))
    low, high = _window(rule)
    return rule, draw(st.dates(min_value=low, max_value=high))


@st.composite
def rule_and_two_days(draw: st.DrawFn) -> tuple[Rule, date, date]:
    rule, first = draw(rule_and_day())
    _, high = _window(rule)
    later = draw(st.dates(min_value=first, max_value=min(high, first + timedelta(days=60))))
    return rule, first, later


def _compute(rule: Rule, received: date, events: tuple[ClockEvent, ...] = ()) -> Deadline:
    d = compute_deadline(rule.jurisdiction, rule.kind, received, events)
    assert d.rule_id == rule.id
    return d


def _calendar(rule: Rule) -> WorkingCalendar:
    j = default_rulebook().jurisdiction(rule.jurisdiction)
    return WorkingCalendar(j.calendar_country, j.calendar_subdiv)


@SETTINGS
@given(rule_and_day())
def test_due_is_never_before_receipt(case: tuple[Rule, date]) -> None:
    rule, received = case
    d = _compute(rule, received)
    assert received <= d.safe_date <= d.due
    assert d.base_due == d.due
    if d.extended_due is not None:
        assert d.extension_notice_by == d.due <= d.extended_due
    if rule.unit == "immediately":
        assert d.due == received


@SETTINGS
@given(rule_and_day())
def test_working_day_due_dates_are_working_days(case: tuple[Rule, date]) -> None:
    # Working-day rules count working days; roll-forward rules end on a working day.
    rule, received = case
    if rule.unit != "working_days" and rule.roll_forward != "next_working_day":
        return
    d = _compute(rule, received)
    cal = _calendar(rule)
    assert cal.is_working_day(d.due)
    if d.extended_due is not None:
        assert cal.is_working_day(d.extended_due)


@SETTINGS
@given(rule_and_two_days())
def test_later_receipt_never_gives_an_earlier_due_date(case: tuple[Rule, date, date]) -> None:
    rule, first, later = case
    a, b = _compute(rule, first), _compute(rule, later)
    assert a.due <= b.due
    if a.extended_due is not None and b.extended_due is not None:
        assert a.extended_due <= b.extended_due


@SETTINGS
@given(rule_and_day(), st.integers(min_value=0, max_value=40), st.integers(0, 40))
def test_a_pause_never_brings_the_due_date_forward(
    case: tuple[Rule, date], start: int, length: int
) -> None:
    rule, received = case
    asked = received + timedelta(days=start)
    events = (
        ClockEvent(E.IDENTITY_REQUESTED, asked),
        ClockEvent(E.IDENTITY_RECEIVED, asked + timedelta(days=length)),
    )
    plain, paused = _compute(rule, received), _compute(rule, received, events)
    assert paused.due >= plain.due
    assert paused.paused_days <= length
