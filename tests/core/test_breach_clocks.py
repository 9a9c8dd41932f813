"""Breach clocks: per regime, to the hour, across time zones and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpo_desk.core.breaches import (
    BreachDeadline,
    InvalidBreachRules,
    compute_breach_deadlines,
    default_breach_rules,
    evaluate_clocks,
    localize,
    next_clock,
    parse_breach_rules,
    parse_instant,
)
from dpo_desk.core.errors import InvalidInput

PARIS = ZoneInfo("Europe/Paris")
LONDON = ZoneInfo("Europe/London")
MOSCOW = ZoneInfo("Europe/Moscow")
ALMATY = ZoneInfo("Asia/Almaty")
BISHKEK = ZoneInfo("Asia/Bishkek")


def by_step(deadlines: tuple[BreachDeadline, ...], regime: str, step: str) -> BreachDeadline:
    found = [d for d in deadlines if d.regime == regime and d.step == step]
    assert len(found) == 1, (regime, step, deadlines)
    return found[0]


# --- Russia: 24 and 72 hours, both from detection -------------------------------------------------


def test_russia_first_notice_24h_and_investigation_72h_both_from_detection() -> None:
    found = datetime(2026, 3, 2, 9, 30, tzinfo=MOSCOW)
    ds = compute_breach_deadlines(["RU"], found)
    first = by_step(ds, "RU", "first_notice")
    results = by_step(ds, "RU", "investigation_results")
    assert first.due == datetime(2026, 3, 3, 9, 30, tzinfo=MOSCOW)
    assert results.due == datetime(2026, 3, 5, 9, 30, tzinfo=MOSCOW)
    # 72 hours from detection, not 72 hours after the first notice's due
    assert results.due - found == timedelta(hours=72)
    assert first.authority == results.authority == "RKN"
    assert "21(3.1)(1)" in first.citation and "266-FZ" in first.citation
    assert "21(3.1)(2)" in results.citation
    assert first.due is not None and first.due.utcoffset() == timedelta(hours=3)


def test_russia_has_no_subject_notice_duty_and_says_so() -> None:
    ds = compute_breach_deadlines(["RU"], datetime(2026, 3, 2, 9, 30, tzinfo=MOSCOW))
    subjects = by_step(ds, "RU", "subjects_notice")
    assert subjects.due is None
    assert subjects.to == "subjects" and subjects.authority == ""
    assert "no duty" in subjects.note
    assert subjects.needs_legal_review


def test_discovery_reported_in_another_zone_is_shown_in_the_regimes_zone() -> None:
    # 23:30 in Bishkek is 20:30 in Moscow the same day
    found = datetime(2026, 3, 2, 23, 30, tzinfo=BISHKEK)
    first = by_step(compute_breach_deadlines(["RU"], found), "RU", "first_notice")
    assert first.due == datetime(2026, 3, 3, 20, 30, tzinfo=MOSCOW)
    assert first.due is not None and first.due.tzinfo == MOSCOW


# --- GDPR / UK GDPR: 72 hours across daylight-saving changes ----------------------------------------


def test_gdpr_72_hours_across_the_spring_change_keeps_elapsed_time() -> None:
    # Friday 27 March 2026 10:00 CET; clocks go forward on Sunday 29 March (02:00 -> 03:00)
    found = datetime(2026, 3, 27, 10, 0, tzinfo=PARIS)
    cnil = by_step(compute_breach_deadlines(["FR"], found), "GDPR-FR", "first_notice")
    assert cnil.due == datetime(2026, 3, 30, 11, 0, tzinfo=PARIS)
    assert cnil.due is not None and cnil.due.utcoffset() == timedelta(hours=2)
    assert cnil.due.astimezone(UTC) - found.astimezone(UTC) == timedelta(hours=72)
    assert cnil.authority == "CNIL" and "Art. 33(1)" in cnil.citation
    assert cnil.condition == "risk"


def test_uk_72_hours_across_the_autumn_change() -> None:
    # Friday 23 October 2026 12:00 BST; clocks go back on Sunday 25 October (02:00 -> 01:00)
    found = datetime(2026, 10, 23, 12, 0, tzinfo=LONDON)
    ico = by_step(compute_breach_deadlines(["UK-ENG"], found), "UK", "first_notice")
    assert ico.due == datetime(2026, 10, 26, 11, 0, tzinfo=LONDON)
    assert ico.due is not None and ico.due.utcoffset() == timedelta(0)
    assert ico.authority == "ICO"


def test_discovery_in_the_repeated_hour_uses_the_offset_given() -> None:
    first_pass = datetime(2026, 10, 25, 2, 30, tzinfo=PARIS, fold=0)  # +02:00
    second_pass = datetime(2026, 10, 25, 2, 30, tzinfo=PARIS, fold=1)  # +01:00
    a = by_step(compute_breach_deadlines(["FR"], first_pass), "GDPR-FR", "first_notice")
    b = by_step(compute_breach_deadlines(["FR"], second_pass), "GDPR-FR", "first_notice")
    assert a.due is not None and b.due is not None
    assert b.due - a.due == timedelta(hours=1)
    assert a.due == datetime(2026, 10, 28, 1, 30, tzinfo=PARIS)


def test_gdpr_subjects_notice_has_no_number_of_hours() -> None:
    found = datetime(2026, 3, 27, 10, 0, tzinfo=PARIS)
    subjects = by_step(compute_breach_deadlines(["FR"], found), "GDPR-FR", "subjects_notice")
    assert subjects.due is None
    assert "without undue delay" in subjects.note.lower()
    assert subjects.condition == "high_risk" and "Art. 34" in subjects.citation


@settings(max_examples=60, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(2022, 9, 2), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(["Europe/Paris", "Europe/London", "America/New_York", "Asia/Bishkek"]),
)
def test_hour_periods_are_exact_elapsed_time_from_any_zone(moment: datetime, zone: str) -> None:
    found = moment.astimezone(ZoneInfo(zone))
    ds = compute_breach_deadlines(["RU", "FR", "UK-WLS"], found)
    hours = {("RU", "first_notice"): 24, ("RU", "investigation_results"): 72}
    hours |= {("GDPR-FR", "first_notice"): 72, ("UK", "first_notice"): 72}
    for (regime, step), n in hours.items():
        due = by_step(ds, regime, step).due
        assert due is not None
        assert due.astimezone(UTC) - found.astimezone(UTC) == timedelta(hours=n)


# --- Kazakhstan: one working day, on the KZ calendar, in Almaty time --------------------------------


def test_kazakhstan_one_working_day_over_a_weekend() -> None:
    found = datetime(2026, 12, 4, 17, 0, tzinfo=ALMATY)  # a Friday
    kz = by_step(compute_breach_deadlines(["KZ"], found), "KZ", "first_notice")
    assert kz.due == datetime(2026, 12, 7, 23, 59, tzinfo=ALMATY)  # Monday, end of day
    assert kz.authority == "KZ-MAIDD"
    assert "25(2)(8)" in kz.citation and "44-VIII" in kz.citation
    assert kz.confidence == "M" and kz.needs_legal_review


def test_kazakhstan_skips_independence_day_and_counts_from_the_almaty_date() -> None:
    # 23:30 in Moscow on Monday 14 December is already Tuesday 15 December 01:30 in Almaty;
    # Wednesday 16 December is Independence Day, so the working day is Thursday 17 December.
    found = datetime(2026, 12, 14, 23, 30, tzinfo=MOSCOW)
    kz = by_step(compute_breach_deadlines(["KZ"], found), "KZ", "first_notice")
    assert kz.due == datetime(2026, 12, 17, 23, 59, tzinfo=ALMATY)


def test_kazakhstan_over_nauryz() -> None:
    found = datetime(2026, 3, 20, 12, 0, tzinfo=ALMATY)  # Friday before the Nauryz days
    kz = by_step(compute_breach_deadlines(["KZ"], found), "KZ", "first_notice")
    assert kz.due == datetime(2026, 3, 26, 23, 59, tzinfo=ALMATY)


def test_kazakhstan_rule_not_in_force_before_july_2024() -> None:
    kz = compute_breach_deadlines(["KZ"], datetime(2024, 6, 3, 10, 0, tzinfo=ALMATY))
    first = by_step(kz, "KZ", "first_notice")
    assert first.due is None and first.needs_legal_review
    assert "No Kazakhstan breach rule for this duty was in force on 2024-06-03" in first.note
    assert by_step(kz, "KZ", "subjects_notice").citation


# --- Kyrgyzstan, unknown regimes, several regimes ------------------------------------------------


def test_kyrgyz_law_sets_no_breach_duty_and_says_so() -> None:
    ds = compute_breach_deadlines(["KG"], datetime(2026, 3, 2, 10, 0, tzinfo=BISHKEK))
    assert {d.step for d in ds} == {"first_notice", "subjects_notice"}
    for d in ds:
        assert d.due is None
        assert "no duty" in d.note
        assert d.needs_legal_review and d.confidence == "L"
    assert by_step(ds, "KG", "first_notice").authority == "KG-DPA"


def test_several_regimes_each_with_its_clock_earliest_first() -> None:
    found = datetime(2026, 3, 2, 10, 0, tzinfo=BISHKEK)
    ds = compute_breach_deadlines(["KG", "FR", "US-CA"], found)
    assert [d.regime for d in ds if d.due] == ["GDPR-FR"]
    unknown = by_step(ds, "US-CA", "first_notice")
    assert unknown.due is None and "no breach rules for US-CA" in unknown.note
    assert unknown.confidence == "UNCONFIRMED"
    # EU and FR belong to one regime: counted once
    both = compute_breach_deadlines(["EU", "FR"], found)
    assert len([d for d in both if d.step == "first_notice"]) == 1


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        compute_breach_deadlines(["RU"], datetime(2026, 3, 2, 10, 0))


# --- instants: parsing, gaps and folds ------------------------------------------------------------


def test_parse_instant_with_offset_or_zone() -> None:
    assert parse_instant("2026-03-02T14:30+03:00") == datetime(2026, 3, 2, 11, 30, tzinfo=UTC)
    local = parse_instant("2026-07-01T09:00", "Europe/Paris")
    assert local.utcoffset() == timedelta(hours=2)
    with pytest.raises(InvalidInput, match="no time zone"):
        parse_instant("2026-03-02T14:30")
    with pytest.raises(InvalidInput, match="not a date and time"):
        parse_instant("yesterday")
    with pytest.raises(InvalidInput, match="Unknown time zone"):
        parse_instant("2026-03-02T14:30", "Mars/Olympus")


def test_a_wall_clock_time_the_clocks_skip_or_repeat_is_refused() -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        localize(datetime(2026, 3, 29, 2, 30), "Europe/Paris")
    with pytest.raises(InvalidInput, match="happened twice"):
        localize(datetime(2026, 10, 25, 2, 30), "Europe/Paris")
    assert localize(datetime(2026, 10, 25, 3, 30), "Europe/Paris").utcoffset() == timedelta(hours=1)


# --- clock states ----------------------------------------------------------------------------------


def test_clock_states_done_late_overdue_soon_and_lifted_by_risk() -> None:
    found = datetime(2026, 3, 2, 9, 0, tzinfo=MOSCOW)
    ds = compute_breach_deadlines(["RU", "FR"], found)
    now = datetime(2026, 3, 3, 1, 0, tzinfo=MOSCOW)  # 16 h in
    clocks = {(c.deadline.regime, c.deadline.step): c for c in evaluate_clocks(ds, now)}
    assert clocks[("RU", "first_notice")].state == "due_soon"
    assert clocks[("RU", "first_notice")].hours_left == pytest.approx(8)
    assert clocks[("RU", "investigation_results")].state == "upcoming"
    assert clocks[("RU", "subjects_notice")].state == "no_clock"

    later = datetime(2026, 3, 3, 12, 0, tzinfo=MOSCOW)
    sent = {("RU", "first_notice"): datetime(2026, 3, 3, 10, 0, tzinfo=MOSCOW)}
    clocks = {
        (c.deadline.regime, c.deadline.step): c
        for c in evaluate_clocks(ds, later, risk="none", done=sent)
    }
    assert clocks[("RU", "first_notice")].state == "done"
    assert clocks[("RU", "first_notice")].late  # 10:00 is after the 09:00 due
    # GDPR Art. 33(1): no notice where a risk is unlikely; RU has no such exception
    assert clocks[("GDPR-FR", "first_notice")].state == "not_required"
    assert clocks[("RU", "investigation_results")].state == "upcoming"
    nxt = next_clock(list(clocks.values()))
    assert nxt is not None and nxt.deadline.step == "investigation_results"

    overdue = evaluate_clocks(ds, datetime(2026, 3, 10, tzinfo=UTC), risk="high")
    states = {(c.deadline.regime, c.deadline.step): c.state for c in overdue}
    assert states[("RU", "first_notice")] == "overdue"
    assert states[("GDPR-FR", "subjects_notice")] == "no_clock"  # high risk: owed, no hours


# --- the rule files ------------------------------------------------------------------------------


def test_bundled_rules_cover_every_regime_with_citations_and_dates() -> None:
    book = default_breach_rules()
    assert {r.code for r in book.regimes} == {"RU", "GDPR-FR", "UK", "KZ", "KG"}
    for rule in book.rules:
        assert rule.citation and rule.note, rule.id
        assert rule.confidence in ("H", "M", "L", "UNCONFIRMED")
        assert {"ru", "fr", "en"} <= set(dict(rule.citations)), rule.id
        if rule.unit != "none":
            assert rule.in_force_from is not None, rule.id
    assert book.regime_for("uk-sct") is not None and book.regime_for("EU") is not None
    assert book.rules_for("GDPR-FR", date(2018, 5, 24)) == ()


GOOD = """
[regime]
code = "XX"
name = "Test"
law = "Test law"
timezone = "Europe/Paris"
calendar = "FR"
authority = "CNIL"
applies_to = ["XX"]
languages = ["fr"]

[[rule]]
id = "a"
step = "first_notice"
to = "authority"
period = 2
unit = "hours"
clock_start = "discovery"
citation = "Art. 1"
confidence = "H"
needs_legal_review = false
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("period = 2", "period = 0"), "a period"),
        (('unit = "hours"', 'unit = "fortnights"'), "unit must be"),
        (('step = "first_notice"', 'step = "tell_everyone"'), "step must be"),
        (('timezone = "Europe/Paris"', 'timezone = "Nowhere/Land"'), "unknown time zone"),
        (("needs_legal_review = false", "needs_legal_review = false\ntypo = 1"), "unknown key"),
        (("[[rule]]", "[[rule]\n"), "not valid TOML"),
    ],
)
def test_a_malformed_rule_file_is_one_clear_sentence(change: tuple[str, str], message: str) -> None:
    book = parse_breach_rules({"XX.toml": GOOD})
    assert book.rules[0].period_text == "2 hours"
    with pytest.raises(InvalidBreachRules, match=message):
        parse_breach_rules({"XX.toml": GOOD.replace(*change)})


def test_one_jurisdiction_cannot_belong_to_two_regimes() -> None:
    other = GOOD.replace('code = "XX"', 'code = "YY"')
    with pytest.raises(InvalidBreachRules, match="already belongs"):
        parse_breach_rules({"XX.toml": GOOD, "YY.toml": other})
