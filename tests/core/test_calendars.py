"""Working-day calendars over holidays 0.109 (docs/legal-notes.md §1, §10)."""

from __future__ import annotations

from datetime import date

import pytest

from dpo_desk.core.calendars import (
    HOLIDAYS_VERSION,
    OVERRIDE_HOLIDAY_NAME,
    CalendarOverrides,
    UnknownCalendar,
    WorkingCalendar,
    calendar_code,
    split_calendar_code,
)
from dpo_desk.core.errors import InvalidInput

D = date


def test_holidays_version_is_the_pinned_one() -> None:
    # Product decision 7: pin the holidays version and record it with every deadline.
    assert HOLIDAYS_VERSION == "0.109"
    cal = WorkingCalendar("RU")
    assert cal.version == "0.109"
    assert cal.name == "holidays 0.109 RU"


@pytest.mark.parametrize(
    ("code", "day", "working", "why"),
    [
        # RU production calendar with government transfers (§10 table, verified on 0.109).
        ("RU", D(2025, 11, 1), True, "RU Saturday worked by transfer"),
        ("RU", D(2025, 11, 3), False, "RU day off moved from 1 Nov"),
        ("RU", D(2025, 12, 31), False, "RU 31 Dec off by transfer"),
        ("RU", D(2026, 1, 9), False, "RU 9 Jan 2026 off (moved from 3 Jan)"),
        ("RU", D(2026, 12, 31), False, "RU 31 Dec 2026 off (moved from 4 Jan)"),
        ("RU", D(2027, 2, 20), True, "RU Saturday 20 Feb 2027 worked"),
        ("RU", D(2026, 3, 9), False, "RU Women's Day on Sunday observed Monday (LC Art. 112)"),
        ("RU", D(2026, 5, 11), False, "RU Victory Day on Saturday observed Monday"),
        ("RU", D(2024, 12, 28), True, "RU Saturday 28 Dec 2024 worked"),
        # KZ (§10): Nauryz observed days, 2025 transfer, estimated Kurban Ait.
        ("KZ", D(2025, 1, 3), False, "KZ 3 Jan 2025 off by transfer"),
        ("KZ", D(2025, 1, 5), True, "KZ Sunday 5 Jan 2025 worked"),
        ("KZ", D(2026, 3, 24), False, "KZ Nauryz observed"),
        ("KZ", D(2026, 3, 26), True, "KZ first working day after Nauryz"),
        ("KZ", D(2026, 5, 27), False, "KZ Kurban Ait 2026 (estimated)"),
        # KG (§10): new Labour Code 2025, default PUBLIC category only.
        ("KG", D(2025, 1, 11), True, "KG Saturday 11 Jan 2025 worked"),
        ("KG", D(2025, 1, 2), False, "KG 2 Jan 2025 off by transfer"),
        ("KG", D(2026, 2, 23), True, "KG 23 Feb a working day since 2025 (WORKDAY trap)"),
        ("KG", D(2026, 3, 9), True, "KG no observed shift from 2025 (8 Mar on Sunday)"),
        ("KG", D(2026, 1, 6), False, "KG New-Year holidays 1-6 Jan from 2026"),
        ("KG", D(2026, 1, 8), True, "KG 8 Jan 2026 working"),
        ("KG", D(2026, 5, 8), False, "KG May holidays to 8 May"),
        # FR and Alsace-Moselle (§6).
        ("FR", D(2026, 4, 3), True, "FR Good Friday is not a national holiday"),
        ("FR-57", D(2026, 4, 3), False, "Alsace-Moselle Good Friday"),
        ("FR", D(2026, 5, 14), False, "FR Ascension"),
        # GB nations (§7): bank holidays differ.
        ("GB-ENG", D(2026, 4, 6), False, "England Easter Monday"),
        ("GB-SCT", D(2026, 4, 6), True, "Scotland has no Easter Monday bank holiday"),
        ("GB-SCT", D(2026, 1, 2), False, "Scotland 2 January"),
        ("GB-ENG", D(2026, 1, 2), True, "England works on 2 January"),
        ("GB-SCT", D(2026, 8, 3), False, "Scotland summer bank holiday"),
        ("GB-ENG", D(2026, 8, 31), False, "England late summer bank holiday"),
        ("GB-SCT", D(2026, 8, 31), True, "Scotland works on 31 Aug"),
        ("GB-WLS", D(2026, 8, 31), False, "Wales follows England"),
        ("GB-NIR", D(2026, 3, 17), False, "Northern Ireland St Patrick's Day"),
        ("GB-ENG", D(2026, 3, 17), True, "England works on St Patrick's Day"),
        ("GB-NIR", D(2026, 7, 13), False, "NI Battle of the Boyne observed"),
        ("GB-ENG", D(2026, 12, 28), False, "Boxing Day on Saturday observed Monday"),
        ("US-CA", D(2026, 3, 31), False, "California Cesar Chavez Day"),
        ("BR", D(2026, 4, 21), False, "Brazil Tiradentes"),
    ],
)
def test_is_working_day(code: str, day: date, working: bool, why: str) -> None:
    assert WorkingCalendar.from_code(code).is_working_day(day) is working, why


def test_calendar_codes_round_trip() -> None:
    assert calendar_code("GB", "ENG") == "GB-ENG"
    assert calendar_code("RU") == "RU"
    assert split_calendar_code(" gb-eng ") == ("GB", "ENG")
    assert split_calendar_code("RU") == ("RU", None)
    assert WorkingCalendar("gb", "eng").code == "GB-ENG"


@pytest.mark.parametrize(
    ("country", "subdiv", "fragment"),
    [
        ("GB", None, "needs a subdivision"),  # §7: GB without subdiv is only the common subset
        ("XX", None, "no calendar for XX"),
        ("GB", "XYZ", "no calendar for GB-XYZ"),
    ],
)
def test_unknown_or_incomplete_calendar_is_refused(
    country: str, subdiv: str | None, fragment: str
) -> None:
    with pytest.raises(UnknownCalendar, match=fragment):
        WorkingCalendar(country, subdiv)


def test_add_working_days_starts_after_the_start_date() -> None:
    # Decision 3: RU/KZ count starts on the first working day after the day of receipt.
    ru = WorkingCalendar("RU")
    assert ru.add_working_days(D(2025, 12, 26), 10) == D(2026, 1, 21)  # §12 example
    assert ru.add_working_days(D(2025, 12, 26), 15) == D(2026, 1, 28)
    assert ru.add_working_days(D(2025, 10, 31), 1) == D(2025, 11, 1)  # a worked Saturday
    assert ru.add_working_days(D(2024, 12, 27), 3) == D(2025, 1, 10)  # over New Year
    # Receipt on a Sunday: Monday is day one.
    assert ru.add_working_days(D(2026, 2, 1), 1) == D(2026, 2, 2)
    with pytest.raises(ValueError):
        ru.add_working_days(D(2026, 2, 1), 0)


def test_next_working_day_and_count_between() -> None:
    fr = WorkingCalendar("FR")
    assert fr.next_working_day_on_or_after(D(2026, 3, 2)) == D(2026, 3, 2)
    assert fr.next_working_day_on_or_after(D(2026, 2, 28)) == D(2026, 3, 2)
    # (start, end]: Fri 27 Feb -> Tue 3 Mar holds Mon and Tue.
    assert fr.working_days_between(D(2026, 2, 27), D(2026, 3, 3)) == 2
    assert fr.working_days_between(D(2026, 3, 3), D(2026, 3, 3)) == 0
    assert fr.working_days_between(D(2026, 3, 3), D(2026, 3, 1)) == 0


def test_holiday_names_are_english() -> None:
    assert WorkingCalendar("KZ").holiday_name(D(2026, 3, 21)) == "Nowruz Holiday"
    assert WorkingCalendar("KZ").holiday_name(D(2026, 3, 19)) is None


def test_estimated_holidays_are_found_from_the_library_label() -> None:
    # Decision 7 / §10: Kurban Ait 2026 is an estimate in the KZ data.
    kz = WorkingCalendar("KZ")
    found = kz.estimated_holidays_between(D(2026, 1, 1), D(2026, 12, 31))
    assert found == ((D(2026, 5, 27), "Eid al-Adha (estimated)"),)
    assert kz.estimated_holidays_between(D(2026, 6, 1), D(2026, 12, 31)) == ()
    # KG Eid dates are confirmed to 2026, estimated after.
    kg = WorkingCalendar("KG")
    assert kg.estimated_holidays_between(D(2026, 1, 1), D(2026, 12, 31)) == ()
    assert [d for d, _ in kg.estimated_holidays_between(D(2027, 1, 1), D(2027, 12, 31))] == [
        D(2027, 3, 9),
        D(2027, 5, 16),
    ]
    # A calendar without an estimated label (FR) has none.
    assert WorkingCalendar("FR").estimated_holidays_between(D(2026, 1, 1), D(2026, 12, 31)) == ()


def test_transfer_data_is_detected_from_the_library() -> None:
    # §10: KZ has no transfer data from 2026; RU has data to 2027; FR has no transfers at all.
    kz, ru, fr = WorkingCalendar("KZ"), WorkingCalendar("RU"), WorkingCalendar("FR")
    assert kz.last_transfer_year == 2025
    assert kz.uses_transfers
    assert kz.has_transfer_data(2025)
    assert not kz.has_transfer_data(2026)
    assert ru.last_transfer_year == 2027
    assert ru.has_transfer_data(2027)
    assert not ru.has_transfer_data(2028)
    assert fr.last_transfer_year is None
    assert not fr.uses_transfers
    assert fr.has_transfer_data(2099)


def test_overrides_change_working_days() -> None:
    # Decision 7: extra holidays, working weekend days, corrected religious-holiday dates.
    overrides = CalendarOverrides(
        extra_holidays={"kz": {D(2026, 5, 26): "Kurban Ait (decree)"}, "RU": [D(2026, 2, 3)]},
        extra_working_days={"RU": [D(2026, 2, 7)], "KZ": [D(2026, 3, 9)]},
        removed_holidays={"KZ": [D(2026, 5, 27), D(2026, 3, 22)], "RU": [D(2026, 1, 9)]},
        checked_years={"KZ": [2026]},
    )
    kz = WorkingCalendar("KZ", None, overrides)
    ru = WorkingCalendar("RU", None, overrides)
    assert not kz.is_working_day(D(2026, 5, 26))
    assert kz.holiday_name(D(2026, 5, 26)) == "Kurban Ait (decree)"
    assert kz.is_working_day(D(2026, 5, 27))  # removed estimate on a Wednesday
    assert kz.holiday_name(D(2026, 5, 27)) is None
    assert not kz.is_working_day(D(2026, 3, 22))  # removed holiday on a Sunday stays a weekend
    assert kz.is_working_day(D(2026, 3, 9))  # extra working day over an observed holiday
    assert kz.holiday_name(D(2026, 3, 9)) is None
    assert kz.estimated_holidays_between(D(2026, 1, 1), D(2026, 12, 31)) == ()
    assert kz.has_transfer_data(2026)
    assert ru.holiday_name(D(2026, 2, 3)) == OVERRIDE_HOLIDAY_NAME
    assert not ru.is_working_day(D(2026, 2, 3))
    assert ru.is_working_day(D(2026, 2, 7))  # a Saturday made working
    assert ru.is_working_day(D(2026, 1, 9))  # transfer day off removed (a Friday)
    assert kz.name == "holidays 0.109 KZ + 5 case-file overrides"
    assert WorkingCalendar("FR", None, overrides).name == "holidays 0.109 FR"
    single = CalendarOverrides(extra_holidays={"FR": [D(2026, 6, 1)]})
    assert WorkingCalendar("FR", None, single).name == "holidays 0.109 FR + 1 case-file override"


def test_removed_holiday_on_a_worked_weekend_day_is_working() -> None:
    # A removed holiday on a weekend day that the library marks as worked stays working.
    ru = WorkingCalendar("RU", None, CalendarOverrides(removed_holidays={"RU": [D(2025, 11, 1)]}))
    assert ru.is_working_day(D(2025, 11, 1))


def test_estimated_holiday_made_working_is_not_reported() -> None:
    overrides = CalendarOverrides(extra_working_days={"KZ": [D(2026, 5, 27)]})
    kz = WorkingCalendar("KZ", None, overrides)
    assert kz.estimated_holidays_between(D(2026, 5, 1), D(2026, 5, 31)) == ()


def test_overrides_are_values() -> None:
    a = CalendarOverrides(extra_working_days={"ru": [D(2026, 2, 7)]})
    b = CalendarOverrides(extra_working_days={"RU": {D(2026, 2, 7)}})
    assert a == b
    assert hash(a) == hash(b)
    assert a.count_for("RU") == 1
    assert a.count_for("KZ") == 0
    merged = CalendarOverrides(extra_working_days={"ru": [D(2026, 2, 7)], "RU": [D(2026, 2, 14)]})
    assert merged.extra_working_days["RU"] == {D(2026, 2, 7), D(2026, 2, 14)}


def test_overrides_round_trip_through_json() -> None:
    original = CalendarOverrides(
        extra_holidays={"KZ": {D(2026, 5, 26): "Kurban Ait"}},
        extra_working_days={"RU": [D(2026, 2, 7)]},
        removed_holidays={"KZ": [D(2026, 5, 27)]},
        checked_years={"KG": [2026]},
    )
    data = original.to_dict()
    assert data == {
        "extra_holidays": {"KZ": {"2026-05-26": "Kurban Ait"}},
        "extra_working_days": {"RU": ["2026-02-07"]},
        "removed_holidays": {"KZ": ["2026-05-27"]},
        "checked_years": {"KG": [2026]},
    }
    assert CalendarOverrides.from_dict(data) == original
    assert CalendarOverrides.from_dict({}) == CalendarOverrides()


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"extra_holidays": {"": [D(2026, 1, 2)]}}, "calendar code"),
        ({"extra_holidays": {"RU": ["2026-01-02"]}}, "not a date"),
        ({"removed_holidays": {"RU": [20260102]}}, "not a date"),
        ({"checked_years": {"RU": ["2026"]}}, "whole years"),
        ({"checked_years": {"RU": [True]}}, "whole years"),
        (
            {
                "extra_holidays": {"RU": [D(2026, 2, 7)]},
                "extra_working_days": {"RU": [D(2026, 2, 7)]},
            },
            "both an extra holiday and an extra working day",
        ),
    ],
)
def test_bad_overrides_are_refused(kwargs: dict, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        CalendarOverrides(**kwargs)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"holidays": {}}, "Unknown calendar override section: holidays"),
        ({"extra_working_days": ["RU"]}, "must map calendar codes"),
        ({"removed_holidays": {"RU": ["26/05/2026"]}}, "YYYY-MM-DD"),
        ({"extra_holidays": {"RU": {"2026-13-01": "x"}}}, "YYYY-MM-DD"),
        ({"removed_holidays": {"RU": [20260526]}}, "YYYY-MM-DD"),
    ],
)
def test_bad_override_data_is_refused(data: dict, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        CalendarOverrides.from_dict(data)
