"""The deadline engine (issue 3). Each case names the rule it relies on.

Expected dates are derived by hand from the reference (docs/legal-notes.md §1, §11, §12) and the
holidays 0.109 calendars checked in test_calendars.py.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from dpo_desk.core.calendars import CalendarOverrides, WorkingCalendar
from dpo_desk.core.deadlines import (
    INTERNAL_TARGET_WARNING,
    Deadline,
    DeadlineSet,
    DeadlineStatus,
    add_months,
    compute_case_deadlines,
    compute_deadline,
    deadline_for_rule,
    deadline_status,
    kind_label,
)
from dpo_desk.core.errors import ExtensionNotAllowed, InvalidInput, UnknownJurisdiction
from dpo_desk.core.model import ClockEvent
from dpo_desk.core.model import ClockEventKind as E
from dpo_desk.core.rules import default_rulebook

D = date


def ev(kind: E, on: date) -> ClockEvent:
    return ClockEvent(kind, on)


# --- due dates without events -------------------------------------------------------------

# fmt: off
CASES = [
    # (id: rule relied on, jurisdiction, kind, received, due, safe_date)
    # EU/FR: Reg. 1182/71, FR calendar (§1.1, decision 3).
    ("§12 EU: 30 Feb clamps to Sat 28 Feb, rolls to Mon", "EU", "access", D(2026, 1, 30),
     D(2026, 3, 2), D(2026, 2, 28)),
    ("EU month end: 31 Jan -> 28 Feb (Sat) -> Mon", "EU", "access", D(2026, 1, 31),
     D(2026, 3, 2), D(2026, 2, 28)),
    ("EU leap year: 31 Jan 2028 -> Tue 29 Feb", "EU", "erasure", D(2028, 1, 31),
     D(2028, 2, 29), D(2028, 2, 29)),
    ("EU holiday on Friday then weekend: 1 May 2026", "EU", "access", D(2026, 4, 1),
     D(2026, 5, 4), D(2026, 5, 1)),
    ("FR holiday: 8 May (Fri) -> Mon 11 May", "FR", "rectification", D(2026, 4, 8),
     D(2026, 5, 11), D(2026, 5, 8)),
    ("FR holiday: Ascension Thu 14 May -> Fri", "FR", "objection", D(2026, 4, 14),
     D(2026, 5, 15), D(2026, 5, 14)),
    ("EU receipt on a holiday counts like any day", "EU", "access", D(2026, 12, 25),
     D(2027, 1, 25), D(2027, 1, 25)),
    ("EU New Year: 1 Jan 2027 (Fri) -> Mon 4 Jan", "EU", "portability", D(2026, 12, 1),
     D(2027, 1, 4), D(2027, 1, 1)),
    ("EU Sunday receipt: 1 Mar -> Wed 1 Apr", "EU", "restriction", D(2026, 3, 1),
     D(2026, 4, 1), D(2026, 4, 1)),
    ("EU 31 Mar -> 30 Apr (clamp, working)", "EU", "recipients_info", D(2026, 3, 31),
     D(2026, 4, 30), D(2026, 4, 30)),
    # UK: ICO (§1.2) with the nation's bank holidays.
    ("ICO: 3 Sept -> 3 Oct", "UK-ENG", "access", D(2025, 9, 3), D(2025, 10, 3), D(2025, 10, 3)),
    ("ICO: 25 Nov -> 25/26 Dec bank holidays -> 27 Dec", "UK-ENG", "access", D(2024, 11, 25),
     D(2024, 12, 27), D(2024, 12, 25)),
    ("ICO: 31 March -> 30 April", "UK-ENG", "access", D(2026, 3, 31), D(2026, 4, 30),
     D(2026, 4, 30)),
    ("UK-ENG late summer bank holiday 31 Aug", "UK-ENG", "erasure", D(2026, 7, 31),
     D(2026, 9, 1), D(2026, 8, 31)),
    ("UK-SCT works on 31 Aug", "UK-SCT", "erasure", D(2026, 7, 31), D(2026, 8, 31),
     D(2026, 8, 31)),
    ("UK-WLS follows England on 31 Aug", "UK-WLS", "erasure", D(2026, 7, 31), D(2026, 9, 1),
     D(2026, 8, 31)),
    ("UK-NIR St Patrick's Day", "UK-NIR", "access", D(2026, 2, 17), D(2026, 3, 18),
     D(2026, 3, 17)),
    ("UK-ENG works on St Patrick's Day", "UK-ENG", "access", D(2026, 2, 17), D(2026, 3, 17),
     D(2026, 3, 17)),
    ("UK-SCT 2 January holiday", "UK-SCT", "access", D(2025, 12, 2), D(2026, 1, 5),
     D(2026, 1, 2)),
    ("UK-ENG works on 2 January", "UK-ENG", "access", D(2025, 12, 2), D(2026, 1, 2),
     D(2026, 1, 2)),
    ("UK-NIR Boyne holiday observed Monday", "UK-NIR", "objection", D(2026, 6, 13),
     D(2026, 7, 14), D(2026, 7, 13)),
    ("UK-ENG Easter Monday", "UK-ENG", "access", D(2026, 3, 6), D(2026, 4, 7), D(2026, 4, 6)),
    ("UK-SCT has no Easter Monday", "UK-SCT", "access", D(2026, 3, 6), D(2026, 4, 6),
     D(2026, 4, 6)),
    ("UK Boxing Day on Saturday observed Monday 28 Dec", "UK-ENG", "access", D(2026, 11, 28),
     D(2026, 12, 29), D(2026, 12, 28)),
    # RU: working days from the next day, production calendar (§1.3, decision 3).
    ("§12 RU access 10 WD over the New Year block", "RU", "access", D(2025, 12, 26),
     D(2026, 1, 21), D(2026, 1, 21)),
    ("RU old rule: received 31 Aug 2022, 30 calendar days", "RU", "access", D(2022, 8, 31),
     D(2022, 9, 30), D(2022, 9, 30)),
    ("RU new rule from 1 Sep 2022: 10 WD", "RU", "access", D(2022, 9, 1), D(2022, 9, 15),
     D(2022, 9, 15)),
    ("RU old rule rolls over the 2022 New Year holidays (CC193)", "RU", "access",
     D(2021, 12, 8), D(2022, 1, 10), D(2022, 1, 7)),
    ("RU old recipients rule before 2022-09-01", "RU", "recipients_info", D(2022, 8, 1),
     D(2022, 8, 31), D(2022, 8, 31)),
    ("RU rectification 7 WD counts the worked Saturday 1 Nov 2025", "RU", "rectification",
     D(2025, 10, 24), D(2025, 11, 5), D(2025, 11, 5)),
    ("RU Sunday receipt; 9 Mar observed holiday skipped", "RU", "access", D(2026, 3, 1),
     D(2026, 3, 16), D(2026, 3, 16)),
    ("RU 30 days lands on Victory Day (Sat), observed Mon 11 May", "RU",
     "consent_withdrawal_destroy", D(2026, 4, 9), D(2026, 5, 12), D(2026, 5, 9)),
    ("RU 30 days on Sunday -> Monday", "RU", "objection_automated", D(2026, 1, 30),
     D(2026, 3, 2), D(2026, 3, 1)),
    ("RU marketing immediately, even on a Sunday", "RU", "marketing_opt_out", D(2026, 3, 1),
     D(2026, 3, 1), D(2026, 3, 1)),
    ("RU blocking immediately", "RU", "restriction", D(2026, 3, 7), D(2026, 3, 7),
     D(2026, 3, 7)),
    ("RU unlawful processing 3 WD, 23 Feb holiday", "RU", "unlawful_processing_stop",
     D(2026, 2, 22), D(2026, 2, 26), D(2026, 2, 26)),
    # KZ: working days on the KZ calendar (§1.4).
    ("§12 KZ rectification 1 WD over Nauryz", "KZ", "rectification", D(2026, 3, 20),
     D(2026, 3, 26), D(2026, 3, 26)),
    ("KZ before Law 231-VIII: internal target 10 WD over New Year and Christmas", "KZ",
     "consent_withdrawal", D(2025, 12, 31), D(2026, 1, 19), D(2026, 1, 19)),
    ("KZ Art. 8(7) 15 WD from its entry into force (18 Jan 2026)", "KZ", "consent_withdrawal",
     D(2026, 1, 19), D(2026, 2, 9), D(2026, 2, 9)),
    ("KZ internal target counts the worked Sunday 5 Jan 2025", "KZ", "access", D(2025, 1, 2),
     D(2025, 1, 17), D(2025, 1, 17)),
    ("KZ 3 WD skip the estimated Kurban Ait", "KZ", "objection_automated", D(2026, 5, 22),
     D(2026, 5, 28), D(2026, 5, 28)),
    # KG: one week, rolled forward on the KG calendar (§2; decision 3).
    ("§12 KG access in the May holidays", "KG", "access", D(2026, 4, 29), D(2026, 5, 11),
     D(2026, 5, 6)),
    ("KG access over the New Year holidays", "KG", "access", D(2025, 12, 26), D(2026, 1, 8),
     D(2026, 1, 2)),
    ("KG 23 Feb is a working day since 2025", "KG", "access", D(2026, 2, 16), D(2026, 2, 23),
     D(2026, 2, 23)),
    ("KG due on a Saturday worked by transfer", "KG", "access", D(2025, 1, 4), D(2025, 1, 11),
     D(2025, 1, 11)),
    ("KG internal target: 8 Mar on Sunday no longer shifted", "KG", "rectification",
     D(2026, 3, 2), D(2026, 3, 9), D(2026, 3, 9)),
    # RU years without decree data: Labour Code Art. 112(2) moves weekend holidays itself.
    ("RU 2028: Unity Day on Sat gives Mon 6 Nov off by Art. 112(2)", "RU", "access",
     D(2028, 10, 27), D(2028, 11, 13), D(2028, 11, 13)),
    ("RU 2029: 30 days end on Unity Day (Sun); Mon 5 Nov moved off -> Tue", "RU",
     "consent_withdrawal", D(2029, 10, 5), D(2029, 11, 6), D(2029, 11, 4)),
    # US-CA (Civ. Code §10, CCP §12a), BR (Código Civil Art. 132 §1): roll forward.
    ("CCPA 45 calendar days", "US-CA", "access", D(2026, 1, 5), D(2026, 2, 19), D(2026, 2, 19)),
    ("CCPA day 45 on Sun 15 Feb, Presidents' Day Mon -> Tue 17 Feb", "US-CA", "erasure",
     D(2026, 1, 1), D(2026, 2, 17), D(2026, 2, 15)),
    ("CCPA day 45 on Saturday 4 Jul 2026 (Independence Day) -> Mon 6 Jul", "US-CA",
     "rectification", D(2026, 5, 20), D(2026, 7, 6), D(2026, 7, 4)),
    ("CCPA opt-out 15 business days", "US-CA", "marketing_opt_out", D(2026, 1, 5),
     D(2026, 1, 27), D(2026, 1, 27)),
    ("LGPD 15 days end on Tiradentes (Tue) -> Wed 22 Apr", "BR", "access", D(2026, 4, 6),
     D(2026, 4, 22), D(2026, 4, 21)),
    ("LGPD 15 days end on a Saturday -> Monday", "BR", "access", D(2026, 3, 6),
     D(2026, 3, 23), D(2026, 3, 21)),
]
# fmt: on


@pytest.mark.parametrize(
    ("jurisdiction", "kind", "received", "due", "safe"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_due_dates(jurisdiction: str, kind: str, received: date, due: date, safe: date) -> None:
    d = compute_deadline(jurisdiction, kind, received)
    assert d.due == due
    assert d.base_due == due  # no events: nothing moves the date
    assert d.safe_date == safe
    assert d.paused_days == 0 and not d.extended
    assert d.received == d.clock_started == received


@pytest.mark.parametrize(
    ("jurisdiction", "kind", "received", "extended_due", "notice_by"),
    [
        # §12 RU: +5 WD.
        ("RU", "access", D(2025, 12, 26), D(2026, 1, 28), D(2026, 1, 21)),
        # EU: +2 months counted from receipt (31 Jan + 3 months = 30 Apr, not 28 Apr).
        ("EU", "access", D(2026, 1, 31), D(2026, 4, 30), D(2026, 3, 2)),
        # UK: same, rolled over the May Day bank holiday (4 May 2026).
        ("UK-ENG", "access", D(2026, 2, 4), D(2026, 5, 5), D(2026, 3, 4)),
        # CCPA: +45 days; 5 Apr 2026 is a Sunday -> Mon 6 Apr (Code Civ. Proc. §12a).
        ("US-CA", "access", D(2026, 1, 5), D(2026, 4, 6), D(2026, 2, 19)),
        ("RU", "stop_processing", D(2026, 3, 2), D(2026, 3, 24), D(2026, 3, 17)),
    ],
)
def test_extension_dates(
    jurisdiction: str, kind: str, received: date, extended_due: date, notice_by: date
) -> None:
    # Decision 5: the engine reports the extended date and the notice deadline.
    plain = compute_deadline(jurisdiction, kind, received)
    assert (plain.extended_due, plain.extension_notice_by) == (extended_due, notice_by)
    assert plain.due == notice_by
    ext = compute_deadline(jurisdiction, kind, received, extended=True)
    assert ext.extended and ext.due == extended_due
    assert any("send the extension notice by" in w for w in ext.warnings)


@pytest.mark.parametrize(
    ("jurisdiction", "kind", "received"),
    [
        ("KG", "access", D(2026, 4, 29)),  # Law 58: no extension found
        ("KZ", "rectification", D(2026, 3, 20)),  # 94-V: none
        ("RU", "access", D(2022, 8, 31)),  # the old 30-day rule had none
        ("RU", "rectification", D(2026, 3, 2)),
        ("EU", "consent_withdrawal", D(2026, 3, 2)),  # internal target, no extension
        ("BR", "access", D(2026, 3, 2)),
    ],
)
def test_extension_refused_where_the_rule_has_none(
    jurisdiction: str, kind: str, received: date
) -> None:
    d = compute_deadline(jurisdiction, kind, received)
    assert d.extended_due is None and d.extension_notice_by is None
    with pytest.raises(ExtensionNotAllowed, match="allows no extension"):
        compute_deadline(jurisdiction, kind, received, extended=True)


def test_extension_from_a_recorded_notice() -> None:
    # Decision 5: a notice inside the first period extends; extended=None reads the events.
    notice = [ev(E.EXTENSION_NOTICE_SENT, D(2026, 1, 21))]
    d = compute_deadline("RU", "access", D(2025, 12, 26), notice)
    assert d.extended and d.due == D(2026, 1, 28)
    assert not any("send the extension notice" in w for w in d.warnings)
    # extended=False ignores the notice.
    assert compute_deadline("RU", "access", D(2025, 12, 26), notice, extended=False).due == D(
        2026, 1, 21
    )


@pytest.mark.parametrize("extended", [None, True])
def test_late_extension_notice_is_refused_with_dates(extended: bool | None) -> None:
    notice = [ev(E.EXTENSION_NOTICE_SENT, D(2026, 1, 22))]
    with pytest.raises(ExtensionNotAllowed) as info:
        compute_deadline("RU", "access", D(2025, 12, 26), notice, extended=extended)
    assert "2026-01-22" in info.value.message and "2026-01-21" in info.value.message


def test_notice_under_a_rule_without_extension_has_no_effect() -> None:
    notice = [ev(E.EXTENSION_NOTICE_SENT, D(2026, 5, 1))]
    d = compute_deadline("KG", "access", D(2026, 4, 29), notice)
    assert not d.extended and d.due == D(2026, 5, 11)
    assert any("allows no extension: it has no effect" in w for w in d.warnings)


# --- pauses ---------------------------------------------------------------------------------


def test_suspension_adds_the_days_identity_was_awaited() -> None:
    # Decision 4 (EU/FR suspension): raw 28 Feb + 10 days = Tue 10 Mar.
    events = [ev(E.IDENTITY_REQUESTED, D(2026, 2, 2)), ev(E.IDENTITY_RECEIVED, D(2026, 2, 12))]
    d = compute_deadline("EU", "access", D(2026, 1, 30), events)
    assert (d.paused_days, d.due, d.base_due) == (10, D(2026, 3, 10), D(2026, 3, 2))
    assert d.extension_notice_by == D(2026, 3, 10)
    assert d.extended_due == D(2026, 5, 11)  # 30 Apr + 10 = Sun 10 May -> Mon
    assert d.safe_date == D(2026, 3, 10)
    assert d.warnings == ()


def test_suspension_sums_separate_pauses_in_any_order() -> None:
    events = [
        ev(E.IDENTITY_RECEIVED, D(2026, 3, 12)),
        ev(E.IDENTITY_REQUESTED, D(2026, 3, 2)),
        ev(E.IDENTITY_RECEIVED, D(2026, 3, 5)),
        ev(E.IDENTITY_REQUESTED, D(2026, 3, 10)),
    ]
    d = compute_deadline("FR", "access", D(2026, 3, 2), events)
    assert d.paused_days == 5  # 2..5 Mar and 10..12 Mar
    assert d.due == D(2026, 4, 7)  # 2 Apr + 5 = Tue 7 Apr


def test_suspension_open_pause_without_today_assumes_it_ended_that_day() -> None:
    d = compute_deadline("EU", "access", D(2026, 1, 30), [ev(E.IDENTITY_REQUESTED, D(2026, 2, 2))])
    assert (d.paused_days, d.due) == (0, D(2026, 3, 2))
    assert any(
        "Clock paused since 2026-02-02" in w and "moves by the days" in w for w in d.warnings
    )


def test_suspension_open_pause_counts_to_today() -> None:
    events = [ev(E.IDENTITY_REQUESTED, D(2026, 2, 2))]
    d = compute_deadline("EU", "access", D(2026, 1, 30), events, today=D(2026, 2, 20))
    assert (d.paused_days, d.due) == (18, D(2026, 3, 18))
    assert any("assumes it arrives on 2026-02-20" in w for w in d.warnings)


def test_suspension_ignores_an_answer_without_a_request_and_says_so() -> None:
    d = compute_deadline("EU", "access", D(2026, 1, 30), [ev(E.IDENTITY_RECEIVED, D(2026, 2, 3))])
    assert (d.paused_days, d.due) == (0, D(2026, 3, 2))
    assert any("without a recorded request" in w for w in d.warnings)


def test_suspension_ignores_clarification_and_fee_with_warnings() -> None:
    # Decision 4: only identity information suspends the EU/FR clock.
    events = [
        ev(E.CLARIFICATION_REQUESTED, D(2026, 2, 2)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 2, 9)),
        ev(E.FEE_REQUESTED, D(2026, 2, 2)),
    ]
    d = compute_deadline("EU", "access", D(2026, 1, 30), events)
    assert (d.paused_days, d.due) == (0, D(2026, 3, 2))
    assert any("clarification request does not pause" in w for w in d.warnings)
    assert any("fee does not suspend" in w for w in d.warnings)


def test_restart_runs_from_identity_received() -> None:
    # Decision 4 (UK restart, Art. 12A): 20 Mar + 1 month = Mon 20 Apr.
    events = [ev(E.IDENTITY_REQUESTED, D(2026, 3, 4)), ev(E.IDENTITY_RECEIVED, D(2026, 3, 20))]
    d = compute_deadline("UK-ENG", "access", D(2026, 3, 3), events)
    assert d.clock_started == D(2026, 3, 20)
    assert (d.due, d.base_due, d.paused_days) == (D(2026, 4, 20), D(2026, 4, 7), 0)


def test_restart_runs_from_the_latest_of_identity_and_fee() -> None:
    events = [
        ev(E.IDENTITY_RECEIVED, D(2026, 3, 20)),
        ev(E.FEE_REQUESTED, D(2026, 3, 5)),
        ev(E.FEE_PAID, D(2026, 3, 25)),
    ]
    d = compute_deadline("UK-SCT", "access", D(2026, 3, 3), events)
    assert d.clock_started == D(2026, 3, 25)
    assert d.due == D(2026, 4, 27)  # 25 Apr is a Saturday


def test_restart_open_identity_request() -> None:
    events = [ev(E.IDENTITY_REQUESTED, D(2026, 3, 4))]
    no_today = compute_deadline("UK-ENG", "erasure", D(2026, 3, 3), events)
    assert (no_today.clock_started, no_today.due) == (D(2026, 3, 4), D(2026, 4, 7))
    assert any("Clock not started" in w for w in no_today.warnings)
    with_today = compute_deadline("UK-ENG", "erasure", D(2026, 3, 3), events, today=D(2026, 3, 20))
    assert (with_today.clock_started, with_today.due) == (D(2026, 3, 20), D(2026, 4, 20))


def test_restart_open_fee_counts_to_today() -> None:
    events = [ev(E.FEE_REQUESTED, D(2026, 3, 4))]
    d = compute_deadline("UK-WLS", "access", D(2026, 3, 3), events, today=D(2026, 3, 10))
    assert d.clock_started == D(2026, 3, 10)
    assert any("fee requested on 2026-03-04" in w for w in d.warnings)


def test_uk_clarification_stops_the_clock_for_access() -> None:
    # §7 stop-the-clock: 3 Apr + 7 days = Fri 10 Apr.
    events = [
        ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 10)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 3, 17)),
    ]
    d = compute_deadline("UK-ENG", "access", D(2026, 3, 3), events)
    assert (d.paused_days, d.due, d.base_due) == (7, D(2026, 4, 10), D(2026, 4, 7))


def test_uk_clarification_before_the_clock_started_does_not_count() -> None:
    events = [
        ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 5)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 3, 10)),
        ev(E.IDENTITY_RECEIVED, D(2026, 3, 12)),
    ]
    d = compute_deadline("UK-ENG", "access", D(2026, 3, 3), events)
    assert (d.paused_days, d.due) == (0, D(2026, 4, 13))  # 12 Apr is a Sunday


def test_uk_clarification_straddling_the_restart_counts_after_it() -> None:
    events = [
        ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 5)),
        ev(E.IDENTITY_RECEIVED, D(2026, 3, 12)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 3, 15)),
    ]
    d = compute_deadline("UK-ENG", "access", D(2026, 3, 3), events)
    assert (d.clock_started, d.paused_days, d.due) == (D(2026, 3, 12), 3, D(2026, 4, 15))


def test_uk_open_clarification() -> None:
    events = [ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 10))]
    d = compute_deadline("UK-ENG", "access", D(2026, 3, 3), events, today=D(2026, 3, 13))
    assert (d.paused_days, d.due) == (3, D(2026, 4, 7))  # 3 Apr + 3 = Mon 6 Apr (bank hol.)
    assert any("Clock paused since 2026-03-10 (clarification" in w for w in d.warnings)


def test_uk_clarification_does_not_pause_other_rights() -> None:
    events = [
        ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 10)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 3, 17)),
    ]
    d = compute_deadline("UK-ENG", "erasure", D(2026, 3, 3), events)
    assert (d.paused_days, d.due) == (0, D(2026, 4, 7))
    assert any("does not pause the clock for UK-ENG/erasure" in w for w in d.warnings)


@pytest.mark.parametrize("jurisdiction", ["RU", "KZ", "KG", "US-CA"])
def test_no_pause_model_ignores_pause_events_and_warns(jurisdiction: str) -> None:
    # Decision 4: RU, KZ, KG, US-CA have no statutory pause.
    events = [ev(E.IDENTITY_REQUESTED, D(2026, 3, 4)), ev(E.IDENTITY_RECEIVED, D(2026, 3, 20))]
    plain = compute_deadline(jurisdiction, "access", D(2026, 3, 3))
    paused = compute_deadline(jurisdiction, "access", D(2026, 3, 3), events)
    assert paused.due == plain.due and paused.paused_days == 0
    assert any("law has no pause" in w for w in paused.warnings)


def test_overlapping_pauses_count_once() -> None:
    # A suspension rule that also stops for clarification (a DPO-edited rule): overlaps merge.
    rule = replace(default_rulebook().find("EU", "access", D(2026, 3, 2)), clarification_pause=True)
    events = [
        ev(E.IDENTITY_REQUESTED, D(2026, 3, 5)),
        ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 6)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 3, 8)),
        ev(E.IDENTITY_RECEIVED, D(2026, 3, 10)),
        ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 9)),
        ev(E.CLARIFICATION_RECEIVED, D(2026, 3, 12)),
    ]
    d = deadline_for_rule(rule, WorkingCalendar("FR"), D(2026, 3, 2), events)
    assert d.paused_days == 7  # 5..12 March


def test_open_clarification_on_a_suspension_rule_without_today() -> None:
    rule = replace(default_rulebook().find("FR", "access", D(2026, 3, 2)), clarification_pause=True)
    events = [ev(E.CLARIFICATION_REQUESTED, D(2026, 3, 6))]
    d = deadline_for_rule(rule, WorkingCalendar("FR"), D(2026, 3, 2), events)
    assert d.paused_days == 0
    assert any("moves by the days it lasts" in w for w in d.warnings)


def test_request_and_answer_on_the_same_day_pause_nothing() -> None:
    events = [ev(E.IDENTITY_RECEIVED, D(2026, 3, 5)), ev(E.IDENTITY_REQUESTED, D(2026, 3, 5))]
    d = compute_deadline("EU", "access", D(2026, 3, 2), events)
    assert d.paused_days == 0 and d.warnings == ()


def test_event_before_receipt_is_refused() -> None:
    with pytest.raises(InvalidInput, match="before the request was received"):
        compute_deadline("EU", "access", D(2026, 3, 2), [ev(E.IDENTITY_REQUESTED, D(2026, 3, 1))])


# --- warnings -------------------------------------------------------------------------------


def test_internal_target_is_labelled() -> None:
    # Decision 2: internal targets are labelled as such and never cited as law.
    d = compute_deadline("KZ", "access", D(2025, 1, 2))
    assert not d.statutory and d.target == "internal target"
    assert INTERNAL_TARGET_WARNING in d.warnings
    assert compute_deadline("KZ", "rectification", D(2025, 1, 2)).target == "statutory"


def test_estimated_holiday_and_missing_transfer_data_are_warned() -> None:
    # Decision 7: warn on estimated holiday dates and years without transfer data (KZ 2026).
    d = compute_deadline("KZ", "objection_automated", D(2026, 5, 22))
    assert any("Eid al-Adha (estimated) on 2026-05-27" in w for w in d.warnings)
    assert any("no data on days off moved by decree for 2026" in w for w in d.warnings)
    # RU has transfer data to 2027 and no estimated dates.
    ru = compute_deadline("RU", "rectification", D(2026, 5, 22))
    assert not any("estimated" in w or "moved by decree" in w for w in ru.warnings)
    # Calendar-day rules without roll-forward do not depend on the calendar.
    br = compute_deadline("BR", "access", D(2030, 5, 22))
    assert not any("moved by decree" in w for w in br.warnings)


def test_overrides_correct_the_estimated_holiday() -> None:
    # Decision 7: the case file corrects a religious-holiday date; the warning goes away.
    overrides = CalendarOverrides(
        extra_holidays={"KZ": {D(2026, 5, 26): "Kurban Ait (decree)"}},
        removed_holidays={"KZ": [D(2026, 5, 27)]},
        checked_years={"KZ": [2026]},
    )
    d = compute_deadline("KZ", "objection_automated", D(2026, 5, 22), overrides=overrides)
    assert d.due == D(2026, 5, 28)  # 25, (26 off), 27, 28
    assert d.calendar == "holidays 0.109 KZ + 3 case-file overrides"
    assert not any("estimated" in w or "moved by decree" in w for w in d.warnings)
    worked = CalendarOverrides(extra_working_days={"KZ": [D(2026, 3, 21)]})  # a worked Saturday
    assert compute_deadline("KZ", "rectification", D(2026, 3, 20), overrides=worked).due == D(
        2026, 3, 21
    )


def test_ccpa_acknowledgement_date() -> None:
    # 11 CCR §7021(a): 10 business days; 19 Jan 2026 is Martin Luther King Jr. Day.
    d = compute_deadline("US-CA", "access", D(2026, 1, 5))
    assert d.acknowledge_by == D(2026, 1, 20)
    assert any("Acknowledge receipt by 2026-01-20" in w for w in d.warnings)
    assert compute_deadline("US-CA", "marketing_opt_out", D(2026, 1, 5)).acknowledge_by is None


def test_member_state_calendar_for_the_eu() -> None:
    # §1.1: the member state's holidays; Alsace-Moselle adds Good Friday (3 Apr 2026).
    book = default_rulebook()
    assert compute_deadline("FR", "access", D(2026, 3, 3)).due == D(2026, 4, 3)
    alsace = book.with_calendar("FR", "FR", "57")
    d = compute_deadline("FR", "access", D(2026, 3, 3), rulebook=alsace)
    assert (d.due, d.calendar) == (D(2026, 4, 7), "holidays 0.109 FR-57")


def test_to_dict_is_json_ready_with_the_contract_keys() -> None:
    d = compute_deadline("RU", "access", D(2025, 12, 26))
    data = json.loads(json.dumps(d.to_dict()))
    assert data["due"] == "2026-01-21"
    assert data["extended_due"] == "2026-01-28"
    assert data["extension_notice_by"] == "2026-01-21"
    assert data["statutory"] is True
    assert (data["period"], data["unit"]) == (10, "working_days")
    assert data["calendar"] == "holidays 0.109 RU"
    assert data["acknowledge_by"] is None
    assert isinstance(data["warnings"], list) and data["citation"].startswith("152-FZ")
    kg = compute_deadline("KG", "access", D(2026, 4, 29)).to_dict()
    assert kg["extended_due"] is None and kg["extension_notice_by"] is None


def test_kind_label() -> None:
    assert kind_label("consent_withdrawal") == "withdraw consent"


def test_add_months_clamps() -> None:
    # Reg. 1182/71 Art. 3(2)(c).
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 11, 30), 1) == D(2026, 12, 30)
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert add_months(D(2026, 10, 31), 2) == D(2026, 12, 31)


# --- several regimes (decision 6) -----------------------------------------------------------


def test_several_regimes_earliest_governs() -> None:
    # INFINITY: Kyrgyz law and GDPR; KG 1 week binds against GDPR's month.
    s = compute_case_deadlines(["KG", "EU", "kg"], ["access"], D(2026, 4, 29))
    assert [d.jurisdiction for d in s.deadlines] == ["KG", "EU"]
    assert s.governing is not None
    assert (s.governing.jurisdiction, s.governing.due) == ("KG", D(2026, 5, 11))
    assert s.deadlines[1].due == D(2026, 5, 29)
    assert s.not_applicable == ()


def test_kinds_missing_in_a_regime_are_listed_not_guessed() -> None:
    s = compute_case_deadlines(["RU", "EU"], ["access", "portability"], D(2026, 3, 2))
    assert [(d.jurisdiction, d.kind) for d in s.deadlines] == [
        ("RU", "access"),
        ("EU", "access"),
        ("EU", "portability"),
    ]
    ((j, k, reason),) = s.not_applicable
    assert (j, k) == ("RU", "portability")
    assert reason.startswith("The right to data portability has no rule in RU")
    data = s.to_dict()
    assert data["governing"]["jurisdiction"] == "RU"
    assert data["not_applicable"][0]["kind"] == "portability"
    assert len(data["deadlines"]) == 3


def test_tie_goes_to_the_statutory_deadline() -> None:
    # KG rectification (internal 7 days) and KG access (statutory 1 week) both fall on 9 Mar.
    s = compute_case_deadlines(["KG"], ["rectification", "access"], D(2026, 3, 2))
    assert [d.due for d in s.deadlines] == [D(2026, 3, 9), D(2026, 3, 9)]
    assert s.governing is not None and s.governing.kind == "access"


def test_late_notice_on_a_case_keeps_the_plain_date_with_a_warning() -> None:
    events = [ev(E.EXTENSION_NOTICE_SENT, D(2026, 4, 10))]
    s = compute_case_deadlines(["EU", "KG"], ["access"], D(2026, 3, 2), events)
    eu, kg = s.deadlines
    assert not eu.extended and eu.due == D(2026, 4, 2)
    assert "too late" in eu.warnings[-1]
    assert not kg.extended and any("has no effect" in w for w in kg.warnings)


def test_empty_case_set() -> None:
    s = compute_case_deadlines([], ["access"], D(2026, 3, 2))
    assert s == DeadlineSet((), ())
    assert s.governing is None and s.to_dict()["governing"] is None


def test_unknown_jurisdiction_in_a_case_set_raises() -> None:
    with pytest.raises(UnknownJurisdiction):
        compute_case_deadlines(["RU", "XX"], ["access"], D(2026, 3, 2))


# --- status ---------------------------------------------------------------------------------


def _ru_access() -> Deadline:
    return compute_deadline("RU", "access", D(2025, 12, 26))  # due Wed 21 Jan 2026


@pytest.mark.parametrize(
    ("today", "state", "left"),
    [
        (D(2026, 1, 15), "upcoming", 4),  # 16, 19, 20, 21 Jan (working days)
        (D(2026, 1, 17), "upcoming", 3),  # from a Saturday: 19, 20, 21
        (D(2025, 12, 30), "upcoming", 8),  # 31 Dec-11 Jan off; 12-16, 19-21 Jan
        (D(2026, 1, 21), "due_today", 0),
        (D(2026, 1, 22), "overdue", -1),
        (D(2026, 1, 24), "overdue", -2),  # 22, 23 Jan
    ],
)
def test_status_in_working_days(today: date, state: str, left: int) -> None:
    s = deadline_status(_ru_access(), today)
    assert (s.state, s.days_left, s.unit) == (state, left, "working_days")


def test_status_overdue_over_a_weekend_is_at_least_one_day() -> None:
    d = compute_deadline("RU", "rectification", D(2026, 2, 4))  # due Fri 13 Feb
    assert d.due == D(2026, 2, 13)
    assert deadline_status(d, D(2026, 2, 15)) == DeadlineStatus("overdue", -1, "working_days")


def test_status_upcoming_is_at_least_one_day() -> None:
    # The case file declares the due day a holiday after the date was computed.
    d = _ru_access()
    late = CalendarOverrides(extra_holidays={"RU": [D(2026, 1, 21)]})
    assert deadline_status(d, D(2026, 1, 20), late) == DeadlineStatus("upcoming", 1, "working_days")


@pytest.mark.parametrize(
    ("today", "state", "left"),
    [
        (D(2026, 2, 28), "upcoming", 2),
        (D(2026, 3, 2), "due_today", 0),
        (D(2026, 3, 5), "overdue", -3),
    ],
)
def test_status_in_calendar_days(today: date, state: str, left: int) -> None:
    d = compute_deadline("EU", "access", D(2026, 1, 30))  # due Mon 2 Mar
    s = deadline_status(d, today)
    assert (s.state, s.days_left, s.unit) == (state, left, "calendar_days")


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (DeadlineStatus("upcoming", 1, "working_days"), "1 working day left"),
        (DeadlineStatus("upcoming", 3, "calendar_days"), "3 days left"),
        (DeadlineStatus("due_today", 0, "calendar_days"), "due today"),
        (DeadlineStatus("overdue", -2, "working_days"), "overdue by 2 working days"),
    ],
)
def test_status_text(status: DeadlineStatus, text: str) -> None:
    assert status.text == text
    assert status.to_dict()["days_left"] == status.days_left
