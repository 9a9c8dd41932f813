"""Issue 16, the deadline rules of law: worked dates, each naming the rule it relies on.

* RU Labour Code Art. 112(2): a holiday on a Saturday or Sunday gives the next working day off by
  law; holidays 0.109 holds decree data (which includes those moves) to 2027, so the engine
  applies the article itself from 2028, never twice, never to 1-8 January.
* KZ/KG: every rule carries its in-force date; before Law 231-VIII (computed 18.01.2026) the
  periods it added are not statutory.
* US-CA (Civ. Code §10, Code Civ. Proc. §12a) and BR (Código Civil Art. 132 §1) roll forward:
  ``due`` is the statutory date, ``safe_date`` the earlier unmoved one.
* Kyrgyz Cabinet resolutions are data (resources/calendars) offered per controller.
"""

from __future__ import annotations

from datetime import date

import pytest

from dpo_desk.core.calendars import (
    STATUTORY_WEEKEND_SHIFTS,
    CalendarOverrides,
    WorkingCalendar,
    default_suggestions,
    parse_suggestions,
)
from dpo_desk.core.deadlines import compute_deadline
from dpo_desk.core.errors import InvalidInput, NoRuleForKind
from dpo_desk.core.rules import default_rulebook

D = date
RU = WorkingCalendar("RU")


# --- RU Art. 112(2) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("holiday", "moved_to"),
    [
        (D(2028, 11, 4), D(2028, 11, 6)),  # Unity Day, Sat -> Mon
        (D(2029, 11, 4), D(2029, 11, 5)),  # Unity Day, Sun -> Mon
        (D(2030, 2, 23), D(2030, 2, 25)),  # Defender of the Fatherland Day, Sat -> Mon
        (D(2031, 3, 8), D(2031, 3, 10)),  # Women's Day, Sat -> Mon (after 23 Feb's move)
    ],
)
def test_ru_weekend_holiday_moves_by_law_without_a_decree(holiday: date, moved_to: date) -> None:
    assert not RU.is_working_day(holiday)
    assert not RU.is_working_day(moved_to)
    name = RU.holiday_name(moved_to)
    assert name is not None and "moved by law, decree pending" in name
    assert RU.statutory_moves(moved_to.year)[moved_to] == name


def test_ru_two_weekend_holidays_in_one_year_give_two_distinct_days() -> None:
    # 2031: 23 Feb is a Sunday -> Mon 24 Feb; 8 Mar a Saturday -> Mon 10 Mar.
    assert sorted(RU.statutory_moves(2031)) == [D(2031, 2, 24), D(2031, 3, 10)]


def test_ru_january_holidays_are_not_moved_by_the_article() -> None:
    # 1-8 January are excluded from Art. 112(2): 2028-01-01 (Sat), 01-02 (Sun), 01-08 (Sat).
    moves = RU.statutory_moves(2028)
    assert all(d.month != 1 for d in moves)
    assert RU.is_working_day(D(2028, 1, 10))  # Monday after the January holidays
    assert STATUTORY_WEEKEND_SHIFTS["RU"].excluded == frozenset((1, d) for d in range(1, 9))


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_ru_years_with_decree_data_are_left_to_the_library(year: int) -> None:
    # Never double-move: 2026 has 9 Mar and 11 May from the decree data already.
    assert RU.statutory_moves(year) == {}
    assert not RU.is_working_day(D(2026, 3, 9)) and not RU.is_working_day(D(2026, 5, 11))
    assert RU.is_working_day(D(2026, 3, 10)) and RU.is_working_day(D(2026, 5, 12))


def test_ru_other_countries_have_no_statutory_shift() -> None:
    # KZ: the library applies its Labour Code rule itself; KG: the 2025 Code ended the move.
    assert WorkingCalendar("KZ").statutory_moves(2030) == {}
    assert WorkingCalendar("KG").statutory_moves(2030) == {}
    assert WorkingCalendar("KG").is_working_day(D(2026, 3, 9))  # 8 Mar on Sunday: no move


def test_ru_overrides_beat_the_statutory_move() -> None:
    worked = WorkingCalendar(
        "RU", overrides=CalendarOverrides(extra_working_days={"RU": [D(2028, 11, 6)]})
    )
    assert worked.is_working_day(D(2028, 11, 6))
    removed = WorkingCalendar(
        "RU", overrides=CalendarOverrides(removed_holidays={"RU": [D(2028, 11, 6)]})
    )
    assert removed.is_working_day(D(2028, 11, 6))


def test_ru_deadline_in_a_year_without_decree_says_decree_pending() -> None:
    # 10 WD from Fri 27 Oct 2028: 30, 31 Oct, 1-3 Nov, [4-6 Nov off], 7-10, 13 Nov.
    d = compute_deadline("RU", "access", D(2028, 10, 27))
    assert d.due == D(2028, 11, 13)
    assert any("Art. 112(2)" in w and "decree pending" in w for w in d.warnings)
    # With the moved day worked (a decree cancelling it, entered as an override): 10 Nov.
    over = CalendarOverrides(extra_working_days={"RU": [D(2028, 11, 6)]})
    assert compute_deadline("RU", "access", D(2028, 10, 27), overrides=over).due == D(2028, 11, 10)


# --- in-force dates --------------------------------------------------------------------------


def test_every_kz_and_kg_rule_has_a_cited_in_force_date() -> None:
    book = default_rulebook()
    for code in ("KZ", "KG"):
        for rule in book.rules_for(code):
            assert rule.in_force_from is not None, rule.id
            assert rule.in_force_citation, rule.id


def test_kz_231_viii_periods_start_on_18_january_2026() -> None:
    book = default_rulebook()
    for kind in ("consent_withdrawal", "objection_automated"):
        statutory = [r for r in book.rules_for("KZ", kind) if r.statutory]
        assert [r.in_force_from for r in statutory] == [D(2026, 1, 18)]
        assert "231-VIII" in statutory[0].in_force_citation
        assert "needs legal review" in statutory[0].in_force_citation


def test_kz_consent_withdrawal_before_the_law_is_an_internal_target() -> None:
    # Received Fri 16 Jan 2026: no statutory period; internal target 10 WD -> Fri 30 Jan.
    before = compute_deadline("KZ", "consent_withdrawal", D(2026, 1, 16))
    assert before.statutory is False and before.due == D(2026, 1, 30)
    assert before.warnings[0].startswith("No statutory period")
    # Received Mon 19 Jan 2026 (in force): Art. 8(7) 15 WD -> Mon 9 Feb.
    after = compute_deadline("KZ", "consent_withdrawal", D(2026, 1, 19))
    assert after.statutory is True and after.due == D(2026, 2, 9)
    assert after.in_force_from == D(2026, 1, 18)


def test_kz_objection_to_automated_decisions_before_the_law_has_no_period() -> None:
    with pytest.raises(NoRuleForKind) as info:
        compute_deadline("KZ", "objection_automated", D(2026, 1, 17))
    text = str(info.value)
    assert text.startswith("No statutory period: the right to object to automated decisions")
    assert "from 2026-01-18" in text and "231-VIII" in text
    # From the day it is in force: 3 WD from Sun 18 Jan -> Wed 21 Jan.
    assert compute_deadline("KZ", "objection_automated", D(2026, 1, 18)).due == D(2026, 1, 21)


# --- roll-forward as data -------------------------------------------------------------------


def test_every_rule_with_a_period_cites_its_roll_forward_law() -> None:
    for rule in default_rulebook().rules:
        assert rule.roll_forward_citation, rule.id


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("US-CA", "Code Civ. Proc. §12a"),
        ("BR", "Código Civil Art. 132"),
        ("EU", "1182/71 Art. 3(4)"),
        ("FR", "1182/71 Art. 3(4)"),
        ("UK-NIR", "ICO"),
        ("RU", "Art. 193"),
    ],
)
def test_roll_forward_rules(code: str, fragment: str) -> None:
    rules = [r for r in default_rulebook().rules_for(code) if r.unit != "immediately"]
    assert rules and all(r.roll_forward == "next_working_day" for r in rules)
    assert all(fragment in r.roll_forward_citation for r in rules)


def test_us_ca_due_is_the_statutory_date_and_safe_date_the_earlier_one() -> None:
    # 45 days from Thu 1 Jan 2026 = Sun 15 Feb; Mon 16 Feb is Presidents' Day -> Tue 17 Feb.
    d = compute_deadline("US-CA", "access", D(2026, 1, 1))
    assert (d.due, d.safe_date) == (D(2026, 2, 17), D(2026, 2, 15))
    assert d.to_dict()["roll_forward"] == "next_working_day"
    # The extension (+45) rolls the same way: 1 Apr 2026 is a Wednesday, nothing to move.
    ext = compute_deadline("US-CA", "access", D(2026, 1, 1), extended=True)
    assert ext.due == D(2026, 4, 1)


def test_br_roll_forward_over_a_holiday() -> None:
    # 15 days from Mon 6 Apr 2026 = Tue 21 Apr (Tiradentes) -> Wed 22 Apr.
    d = compute_deadline("BR", "access", D(2026, 4, 6))
    assert (d.due, d.safe_date) == (D(2026, 4, 22), D(2026, 4, 21))


# --- suggestions (resources/calendars) -------------------------------------------------------


def test_bundled_kg_resolution_835() -> None:
    [s] = [x for x in default_suggestions() if x.id == "KG-2026-01-835"]
    assert s.calendar == "KG" and s.adopted == D(2025, 12, 25) and s.in_force == D(2026, 1, 1)
    assert [(d.day, d.kind) for d in s.days] == [
        (D(2026, 1, 8), "holiday"),
        (D(2026, 1, 9), "holiday"),
    ]
    assert s.needs_legal_review and "recommended" in s.private_employers
    assert s.years == (2026,)
    # The library does not know these days: the suggestion is what makes them days off.
    kg = WorkingCalendar("KG")
    assert kg.is_working_day(D(2026, 1, 8)) and kg.is_working_day(D(2026, 1, 9))


GOOD = """
[[suggestion]]
id = "X-1"
calendar = "KG"
title = "t"
act = "a"
adopted = 2025-12-25
source = "s"
applies_to = "state bodies"
private_employers = "recommended"
confidence = "M"
needs_legal_review = true
[[suggestion.day]]
day = 2026-01-08
kind = "holiday"
name = "n"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace('confidence = "M"', 'confidence = "M"\ncolour = "red"'),
            "unknown key 'colour'",
        ),
        (GOOD.replace('act = "a"\n', ""), "missing key 'act'"),
        (GOOD.replace("adopted = 2025-12-25", 'adopted = "yesterday"'), "'adopted' must be a date"),
        (GOOD.replace('kind = "holiday"', 'kind = "party"'), "kind 'party' is not holiday"),
        (GOOD.replace('calendar = "KG"', 'calendar = "ZZ"'), "no calendar for ZZ"),
        (GOOD + GOOD, "the id is used twice"),
        ("[[suggestion", "not valid TOML"),
    ],
)
def test_malformed_suggestions_are_refused(text: str, message: str) -> None:
    # InvalidSuggestions, or UnknownCalendar for a calendar holidays lacks: both InvalidInput.
    with pytest.raises(InvalidInput, match=message):
        parse_suggestions({"X.toml": text})


def test_good_suggestion_parses() -> None:
    [s] = parse_suggestions({"X.toml": GOOD})
    assert s.in_force is None and s.note == "" and s.days[0].day == D(2026, 1, 8)


def test_suggestion_texts_in_russian_fall_back_to_english() -> None:
    [s] = [x for x in default_suggestions() if x.id == "KG-2026-01-835"]
    ru = s.localized("ru")
    assert ru.act.startswith("Постановление Кабинета Министров") and "№ 835" in ru.act
    assert "рекомендовано" in ru.private_employers
    assert all("№ 835" in d.name for d in ru.days)
    assert [d.day for d in ru.days] == [d.day for d in s.days]
    assert s.localized("fr") is s  # no French texts: English
    assert ru.source == s.source  # not translatable: a reference


def test_a_translation_with_an_unknown_text_is_refused() -> None:
    bad = GOOD + '\n[suggestion.translations.ru]\ntitel = "x"\n'
    with pytest.raises(InvalidInput, match="translation 'ru' has unknown key 'titel'"):
        parse_suggestions({"X.toml": bad})
