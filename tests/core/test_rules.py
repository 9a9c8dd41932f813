"""Rules as data (product decisions 1-2; issue 3): the bundled rule book and the TOML parser."""

from __future__ import annotations

from datetime import date

import pytest

from dpo_desk.core.calendars import UnknownCalendar
from dpo_desk.core.errors import NoRuleForKind, UnknownJurisdiction, UnknownRequestKind
from dpo_desk.core.model import RequestKind
from dpo_desk.core.rules import (
    DEFAULT_NOT_APPLICABLE,
    UNITS,
    InvalidRulebook,
    Rule,
    default_rulebook,
    describe_period,
    parse_kind,
    parse_rulebook,
)

D = date
K = RequestKind
JURISDICTIONS = (
    "BR",
    "EU",
    "FR",
    "KG",
    "KZ",
    "RU",
    "UK-ENG",
    "UK-NIR",
    "UK-SCT",
    "UK-WLS",
    "US-CA",
)


# --- the bundled rule book ----------------------------------------------------------------


def test_bundled_rulebook_has_the_eleven_jurisdictions() -> None:
    # Issue 3: EU, FR, UK-ENG, UK-SCT, UK-WLS, UK-NIR, RU, KZ, KG, US-CA, BR.
    book = default_rulebook()
    assert book.codes == JURISDICTIONS
    assert default_rulebook() is book  # cached


@pytest.mark.parametrize("code", JURISDICTIONS)
def test_every_kind_has_a_rule_or_a_stated_reason(code: str) -> None:
    # Issue 3: where a kind does not exist, say so clearly rather than guess.
    book = default_rulebook()
    j = book.jurisdiction(code)
    reasons = dict(j.not_applicable)
    for kind in RequestKind:
        has_rule = kind in book.kinds(code)
        assert has_rule != (kind in reasons), (code, kind)
        if not has_rule:
            assert reasons[kind] and reasons[kind] != DEFAULT_NOT_APPLICABLE


def test_every_bundled_rule_is_complete() -> None:
    # Decision 1: every rule carries the full set of fields.
    for rule in default_rulebook().rules:
        assert rule.unit in UNITS
        assert rule.citation and rule.confidence and rule.clock_start
        assert rule.pause_model in ("suspension", "restart", "none")
        if rule.allows_extension:
            assert rule.extension_notice
        if not rule.statutory:
            assert "internal target" in rule.citation.lower(), rule.id


@pytest.mark.parametrize(
    ("code", "kind", "period", "unit", "statutory"),
    [
        # Decision 2: internal targets and their defaults.
        ("KG", K.RECTIFICATION, 7, "calendar_days", False),
        ("KG", K.RESTRICTION, 7, "calendar_days", False),
        ("KG", K.ERASURE, 7, "calendar_days", False),
        ("KG", K.OBJECTION, 7, "calendar_days", False),
        ("KG", K.CONSENT_WITHDRAWAL, 7, "calendar_days", False),
        ("KG", K.MARKETING_OPT_OUT, 7, "calendar_days", False),
        ("KZ", K.ACCESS, 10, "working_days", False),
        ("KZ", K.MARKETING_OPT_OUT, 10, "working_days", False),
        # §11 statutory numbers.
        ("KG", K.ACCESS, 1, "weeks", True),
        ("KZ", K.RECTIFICATION, 1, "working_days", True),
        ("KZ", K.CONSENT_WITHDRAWAL, 15, "working_days", True),
        ("KZ", K.OBJECTION_AUTOMATED, 3, "working_days", True),
        ("KZ", K.TRANSFER_NOTIFICATION, 10, "working_days", True),
        ("RU", K.RECTIFICATION, 7, "working_days", True),
        ("RU", K.UNLAWFUL_PROCESSING_STOP, 3, "working_days", True),
        ("RU", K.CONSENT_WITHDRAWAL_DESTROY, 30, "calendar_days", True),
        ("RU", K.MARKETING_OPT_OUT, 0, "immediately", True),
        ("EU", K.ACCESS, 1, "months", True),
        ("EU", K.CONSENT_WITHDRAWAL, 1, "months", False),
        ("UK-WLS", K.PORTABILITY, 1, "months", True),
        ("US-CA", K.ACCESS, 45, "calendar_days", True),
        ("US-CA", K.MARKETING_OPT_OUT, 15, "working_days", True),
        ("BR", K.ACCESS, 15, "calendar_days", True),
    ],
)
def test_rule_numbers(code: str, kind: K, period: int, unit: str, statutory: bool) -> None:
    rule = default_rulebook().find(code, kind, D(2026, 3, 2))
    assert (rule.period, rule.unit, rule.statutory) == (period, unit, statutory)


def test_russian_access_rule_changed_on_1_september_2022() -> None:
    # Issue 3: requests received before 2022-09-01 follow the old 30-day rule.
    book = default_rulebook()
    old = book.find("RU", "access", D(2022, 8, 31))
    new = book.find("RU", "access", D(2022, 9, 1))
    assert (old.period, old.unit, old.extension) == (30, "calendar_days", 0)
    assert "тридцати дней" in old.citation
    assert (new.period, new.unit, new.extension) == (10, "working_days", 5)
    assert old.id == "RU/access-2006" and new.id == "RU/access-2022"
    assert [r.id for r in book.rules_for("RU", "access")] == [old.id, new.id]


@pytest.mark.parametrize(
    ("code", "kind", "received", "fragment"),
    [
        # 266-FZ added Art. 21(5.1) from 2022-09-01.
        ("RU", "stop_processing", D(2022, 8, 31), "requests received from 2022-09-01"),
        # The GDPR applies from 2018-05-25.
        ("EU", "access", D(2018, 5, 24), "received on 2018-05-24"),
        ("RU", "portability", D(2026, 1, 5), "no rule in RU: 152-FZ has no data portability"),
        ("KG", "recipients_info", D(2026, 1, 5), "Decree 759"),
        ("UK-SCT", "stop_processing", D(2026, 1, 5), "UK GDPR has no separate demand"),
    ],
)
def test_no_rule_is_said_clearly(code: str, kind: str, received: date, fragment: str) -> None:
    with pytest.raises(NoRuleForKind, match=fragment) as info:
        default_rulebook().find(code, kind, received)
    text = str(info.value)
    # A right the law lacks: "The right to ..."; a request before the law's entry into force:
    # "No statutory period: the right to ..." (issue 16).
    if "received on" in text:
        assert text.startswith("No statutory period: the right to ")
    else:
        assert text.startswith("The right to ")


def test_unknown_values_list_the_valid_ones() -> None:
    book = default_rulebook()
    with pytest.raises(UnknownJurisdiction, match="valid values: BR, EU, FR, KG"):
        book.find("XX", "access", D(2026, 1, 5))
    with pytest.raises(UnknownRequestKind, match="valid values: access, rectification"):
        book.find("RU", "dsar", D(2026, 1, 5))


def test_codes_and_kinds_are_normalised() -> None:
    book = default_rulebook()
    assert book.jurisdiction_code(" uk-eng ") == "UK-ENG"
    assert parse_kind("Consent-Withdrawal") is K.CONSENT_WITHDRAWAL
    assert parse_kind(K.ACCESS) is K.ACCESS
    assert book.find("ru", "ACCESS", D(2026, 1, 5)).jurisdiction == "RU"


def test_uk_nations_share_rules_but_not_calendars() -> None:
    # §7: the UK rules are one; bank holidays differ by nation.
    book = default_rulebook()
    eng, sct = book.jurisdiction("UK-ENG"), book.jurisdiction("UK-SCT")
    assert (eng.calendar_code, sct.calendar_code) == ("GB-ENG", "GB-SCT")
    assert book.kinds("UK-SCT") == book.kinds("UK-ENG")
    assert book.find("UK-SCT", "access", D(2026, 1, 5)).id == "UK-SCT/access"
    assert sct.not_applicable == eng.not_applicable


def test_eu_calendar_defaults_to_france_and_can_be_changed() -> None:
    # §1.1: the member state's public holidays; France by default.
    book = default_rulebook()
    assert book.jurisdiction("EU").calendar_code == "FR"
    de = book.with_calendar("eu", "de")
    assert de.jurisdiction("EU").calendar_code == "DE"
    assert de.jurisdiction("FR").calendar_code == "FR"
    assert de.rules == book.rules
    assert book.with_calendar("FR", "FR", "57").jurisdiction("FR").calendar_code == "FR-57"
    with pytest.raises(UnknownCalendar):
        book.with_calendar("EU", "XX")


def test_rule_helpers() -> None:
    rule = default_rulebook().find("RU", "access", D(2026, 1, 5))
    assert rule.allows_extension
    assert rule.describe_period() == "10 working days"
    assert rule.in_force_on(D(2022, 9, 1)) and not rule.in_force_on(D(2022, 8, 31))
    old = default_rulebook().find("RU", "access", D(2020, 1, 5))
    assert not old.in_force_on(D(2022, 9, 1)) and old.in_force_on(D(2000, 1, 1))
    assert describe_period(1, "weeks") == "1 week"
    assert describe_period(2, "months") == "2 months"
    assert describe_period(1, "calendar_days") == "1 calendar day"
    assert describe_period(0, "immediately") == "immediately"


# --- the parser ---------------------------------------------------------------------------

HEAD = """
[jurisdiction]
code = "{code}"
name = "Test"
calendar_country = "FR"
pause_model = "none"
"""

RULE = """
[[rule]]
id = "{rid}"
kind = "{kind}"
period = 1
unit = "months"
clock_start = "receipt"
roll_forward = "next_working_day"
citation = "Art. 1"
confidence = "H"
statutory = true
{extra}
"""


def _file(code: str = "TT", *rules: str, extra_head: str = "", tail: str = "") -> str:
    return HEAD.format(code=code) + extra_head + "".join(rules) + tail


def _rule(rid: str = "a", kind: str = "access", extra: str = "") -> str:
    return RULE.format(rid=rid, kind=kind, extra=extra)


def test_parser_builds_rules_with_defaults_and_versions() -> None:
    text = _file(
        "tt",
        _rule("old", extra="in_force_until = 2020-12-31"),
        _rule("new", extra="in_force_from = 2021-01-01\nextension = 2\nextension_notice = 'x'"),
        extra_head='[defaults]\nconfidence = "M"\n[not_applicable]\nerasure = "none here"\n',
    )
    book = parse_rulebook({"TT.toml": text})
    assert book.codes == ("TT",)
    new = book.find("TT", "access", D(2021, 1, 1))
    assert new.id == "TT/new" and new.pause_model == "none" and new.extension == 2
    assert new.confidence == "H"  # the rule's own value beats [defaults]
    assert book.find("TT", "access", D(2020, 12, 31)).id == "TT/old"
    with pytest.raises(NoRuleForKind, match="none here"):
        book.find("TT", "erasure", D(2021, 1, 1))
    with pytest.raises(NoRuleForKind, match=DEFAULT_NOT_APPLICABLE):
        book.find("TT", "portability", D(2021, 1, 1))
    gap = _file(
        "TT",
        _rule("old", extra="in_force_until = 2020-12-31"),
        _rule("new", extra="in_force_from = 2022-01-01\nin_force_until = 2022-12-31"),
    )
    with pytest.raises(NoRuleForKind, match="up to 2020-12-31; from 2022-01-01 to 2022-12-31"):
        parse_rulebook({"TT.toml": gap}).find("TT", "access", D(2021, 6, 1))


def test_rule_is_a_value() -> None:
    rule = parse_rulebook({"TT.toml": _file("TT", _rule())}).rules[0]
    assert isinstance(rule, Rule)
    with pytest.raises(AttributeError):
        rule.period = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("texts", "fragment"),
    [
        ({"TT.toml": "not [toml"}, "not valid TOML"),
        ({"TT.toml": _file(tail="[extra]\n")}, "unknown section 'extra'"),
        ({"TT.toml": "[jurisdiction]\nname = 'x'\n"}, "missing key 'code'"),
        ({"TT.toml": _file("TT", _rule(extra="colour = 'red'"))}, "unknown key 'colour'"),
        ({"TT.toml": _file("TT", _rule(extra="extension = true"))}, "'extension' must be a int"),
        ({"TT.toml": _file("TT", _rule(extra="note = 3"))}, "'note' must be a str"),
        (
            {"TT.toml": _file("TT", _rule(extra="in_force_from = 2021-01-01T00:00:00"))},
            "'in_force_from' must be a date",
        ),
        ({"TT.toml": _file("TT", _rule(kind="dsar"))}, "unknown request kind 'dsar'"),
        ({"TT.toml": _file(tail="[not_applicable]\ndsar = 'x'\n")}, "unknown key 'dsar'"),
        (
            {"TT.toml": _file("TT", _rule().replace('"months"', '"days"'))},
            "unit 'days' is not one of",
        ),
        (
            {"TT.toml": _file("TT", _rule().replace('"next_working_day"', '"roll"'))},
            "roll_forward 'roll'",
        ),
        ({"TT.toml": _file("TT", _rule(extra="pause_model = 'stop'"))}, "pause_model 'stop'"),
        (
            {"TT.toml": _file().replace('pause_model = "none"', 'pause_model = "x"')},
            "pause_model 'x'",
        ),
        (
            {"TT.toml": _file("TT", _rule().replace('"months"', '"immediately"'))},
            "no period and no extension",
        ),
        ({"TT.toml": _file("TT", _rule().replace("period = 1", "period = 0"))}, "at least 1"),
        ({"TT.toml": _file("TT", _rule(extra="extension = -1"))}, "cannot be negative"),
        ({"TT.toml": _file("TT", _rule(extra="extension = 2"))}, "needs extension_notice"),
        (
            {"TT.toml": _file("TT", _rule(extra="clarification_pause = true"))},
            "clarification_pause needs",
        ),
        (
            {
                "TT.toml": _file(
                    "TT", _rule(extra="in_force_from = 2021-01-01\nin_force_until = 2020-01-01")
                )
            },
            "in_force_until is before in_force_from",
        ),
        (
            {"TT.toml": _file("TT", _rule(extra="acknowledge_within = 10"))},
            "acknowledge_unit '' is not one of",
        ),
        (
            {
                "TT.toml": _file(
                    "TT", _rule(extra="acknowledge_within = 10\nacknowledge_unit = 'working_days'")
                )
            },
            "needs acknowledge_citation",
        ),
        (
            {"TT.toml": _file("TT", _rule(), extra_head='rules_from = "EU"\n')},
            "cannot have rules of its own",
        ),
        ({"TT.toml": _file(extra_head='rules_from = "ZZ"\n')}, "rules_from 'ZZ' is not"),
        (
            {
                "AA.toml": _file("AA", _rule()),
                "BB.toml": _file("BB", extra_head='rules_from = "AA"\n'),
                "CC.toml": _file("CC", extra_head='rules_from = "BB"\n'),
            },
            "rules_from 'BB' is not",
        ),
        ({"A.toml": _file("TT"), "B.toml": _file("tt")}, "defined twice"),
        ({"TT.toml": _file("TT", _rule("a"), _rule("a", kind="erasure"))}, "used twice"),
        ({"TT.toml": _file("TT", _rule("a"), _rule("b"))}, "overlap in time"),
        (
            {
                "TT.toml": _file(
                    "TT",
                    _rule("a", extra="in_force_until = 2021-01-01"),
                    _rule("b", extra="in_force_from = 2021-01-01"),
                )
            },
            "overlap in time",
        ),
        (
            {"TT.toml": _file("TT", _rule(), tail='[not_applicable]\naccess = "none"\n')},
            "has a rule and is not_applicable",
        ),
    ],
)
def test_parser_rejects_bad_files(texts: dict[str, str], fragment: str) -> None:
    with pytest.raises(InvalidRulebook, match=fragment):
        parse_rulebook(texts)


def test_parser_rejects_an_unknown_calendar() -> None:
    with pytest.raises(UnknownCalendar):
        parse_rulebook({"TT.toml": _file().replace('"FR"', '"XX"')})


def test_rules_from_copies_rules_and_reasons() -> None:
    book = parse_rulebook(
        {
            "AA.toml": _file("AA", _rule(), tail='[not_applicable]\nerasure = "no"\n'),
            "BB.toml": _file("BB", extra_head='rules_from = "aa"\n'),
        }
    )
    assert [r.id for r in book.rules_for("BB")] == ["BB/a"]
    assert book.jurisdiction("BB").not_applicable_reason(K.ERASURE) == "no"


def test_rules_from_keeps_its_own_reasons_when_it_has_some() -> None:
    book = parse_rulebook(
        {
            "AA.toml": _file("AA", _rule(), tail='[not_applicable]\nerasure = "no"\n'),
            "BB.toml": _file(
                "BB", extra_head='rules_from = "AA"\n', tail='[not_applicable]\nerasure = "nope"\n'
            ),
        }
    )
    assert book.jurisdiction("BB").not_applicable_reason(K.ERASURE) == "nope"
