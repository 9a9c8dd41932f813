"""Deadline rules as data: one TOML file per jurisdiction under ``resources/jurisdictions/``.

A rule says, for one jurisdiction and one request kind: the period and its unit, what starts the
clock, the extension (amount in the same unit, and the notice it needs), the pause model, the
roll-forward, the citation, the confidence, whether the number is statutory or an internal target,
and the dates it is in force. A rule changed by law keeps its old version (``in_force_until``)
for requests received before the change.

File layout (keys checked, typos rejected)::

    [jurisdiction]
    code = "RU"                 # required
    name = "Russia"             # required
    calendar_country = "RU"     # holidays country code; calendar_subdiv optional (GB: ENG...)
    pause_model = "none"        # default for its rules: suspension | restart | none
    law = "..."                 # optional, shown to the DPO
    counting = "..."            # optional, how periods are counted there
    rules_from = "UK-ENG"       # optional: same rules (and not_applicable) as another file

    [not_applicable]            # kinds the law does not have, with the reason shown to the DPO
    portability = "152-FZ has no data portability right."

    [defaults]                  # rule keys applied to every [[rule]] that does not set them

    [[rule]]
    id = "access-2022"          # unique in the file; Rule.id is "RU/access-2022"
    kind = "access"
    period = 10
    unit = "working_days"       # calendar_days | working_days | weeks | months | immediately
    clock_start = "receipt of the request"
    extension = 5               # in the rule's unit; 0 or absent = no extension
    extension_notice = "reasoned notice to the subject within the first 10 working days"
    clarification_pause = false # true: clarification requested..received does not count
    roll_forward = "next_working_day"   # or "none"
    roll_forward_citation = "..."   # what the law says when the last day is a non-working day
    citation = "152-FZ Art. 20(1)"
    confidence = "H/M"
    statutory = true            # false = internal target
    in_force_from = 2022-09-01  # optional TOML dates
    in_force_until = 2022-08-31
    in_force_citation = "..."   # where the in-force dates come from (act, publication, entry)
    note = "..."                # optional, shown as a warning with every deadline
    acknowledge_within = 10     # optional acknowledgement period, with acknowledge_unit
    acknowledge_unit = "working_days"   # and acknowledge_citation
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from .calendars import WorkingCalendar, calendar_code
from .errors import KnownError, NoRuleForKind, UnknownJurisdiction, UnknownRequestKind
from .model import RequestKind

UNITS = ("calendar_days", "working_days", "weeks", "months", "immediately")
PAUSE_MODELS = ("suspension", "restart", "none")
ROLL_FORWARD = ("next_working_day", "none")

#: How the right reads in a sentence: "The right to <label> has no rule in KZ".
KIND_LABELS: Mapping[RequestKind, str] = {
    RequestKind.ACCESS: "access",
    RequestKind.RECTIFICATION: "rectification",
    RequestKind.ERASURE: "erasure",
    RequestKind.RESTRICTION: "restriction (blocking)",
    RequestKind.OBJECTION: "object",
    RequestKind.OBJECTION_AUTOMATED: "object to automated decisions",
    RequestKind.STOP_PROCESSING: "demand that processing stop",
    RequestKind.CONSENT_WITHDRAWAL: "withdraw consent",
    RequestKind.MARKETING_OPT_OUT: "opt out of marketing",
    RequestKind.RECIPIENTS_INFO: "know the recipients",
    RequestKind.PORTABILITY: "data portability",
    RequestKind.TRANSFER_NOTIFICATION: "be told of transfers to third parties",
    RequestKind.UNLAWFUL_PROCESSING_STOP: "stop unlawful processing",
    RequestKind.CONSENT_WITHDRAWAL_DESTROY: "destruction after consent withdrawal",
}

DEFAULT_NOT_APPLICABLE = "the law sets no such right or deadline"


class InvalidRulebook(KnownError):
    """A jurisdiction file is malformed (a bug in the bundled data or in a DPO's edit)."""


@dataclass(frozen=True)
class Rule:
    """One deadline rule for one (jurisdiction, request kind), in force over a date range."""

    id: str  # "RU/access-2022"
    jurisdiction: str
    kind: RequestKind
    period: int
    unit: str
    clock_start: str
    roll_forward: str
    pause_model: str
    citation: str
    confidence: str
    statutory: bool
    extension: int = 0
    extension_notice: str = ""
    clarification_pause: bool = False
    in_force_from: date | None = None
    in_force_until: date | None = None
    note: str = ""
    roll_forward_citation: str = ""
    in_force_citation: str = ""
    acknowledge_within: int = 0
    acknowledge_unit: str = ""
    acknowledge_citation: str = ""

    @property
    def allows_extension(self) -> bool:
        return self.extension > 0

    def in_force_on(self, day: date) -> bool:
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_until is None or day <= self.in_force_until

    def describe_period(self) -> str:
        """``"10 working days"``, ``"1 month"``, ``"immediately"``."""
        return describe_period(self.period, self.unit)


def describe_period(n: int, unit: str) -> str:
    if unit == "immediately":
        return "immediately"
    word = {
        "calendar_days": "calendar day",
        "working_days": "working day",
        "weeks": "week",
        "months": "month",
    }[unit]
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    calendar_country: str
    calendar_subdiv: str | None
    pause_model: str
    law: str = ""
    counting: str = ""
    not_applicable: tuple[tuple[RequestKind, str], ...] = ()

    @property
    def calendar_code(self) -> str:
        return calendar_code(self.calendar_country, self.calendar_subdiv)

    def not_applicable_reason(self, kind: RequestKind) -> str:
        return dict(self.not_applicable).get(kind, DEFAULT_NOT_APPLICABLE)


@dataclass(frozen=True)
class RuleBook:
    jurisdictions: tuple[Jurisdiction, ...]
    rules: tuple[Rule, ...]
    _by_code: Mapping[str, Jurisdiction] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {j.code: j for j in self.jurisdictions})

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_code))

    def jurisdiction_code(self, code: str) -> str:
        """Normalise (``" uk-eng "`` -> ``"UK-ENG"``) and check a jurisdiction code."""
        norm = str(code).strip().upper()
        if norm not in self._by_code:
            raise UnknownJurisdiction(
                f"Unknown jurisdiction {code!r}; valid values: {', '.join(self.codes)}."
            )
        return norm

    def jurisdiction(self, code: str) -> Jurisdiction:
        return self._by_code[self.jurisdiction_code(code)]

    def rules_for(self, code: str, kind: RequestKind | str | None = None) -> tuple[Rule, ...]:
        j = self.jurisdiction_code(code)
        k = None if kind is None else parse_kind(kind)
        return tuple(r for r in self.rules if r.jurisdiction == j and (k is None or r.kind == k))

    def kinds(self, code: str) -> tuple[RequestKind, ...]:
        """Request kinds that have at least one rule (in any period) in a jurisdiction."""
        have = {r.kind for r in self.rules_for(code)}
        return tuple(k for k in RequestKind if k in have)

    def find(self, jurisdiction: str, kind: RequestKind | str, received: date) -> Rule:
        """The rule in force on the date of receipt. Never guesses: raises instead."""
        j = self.jurisdiction(jurisdiction)
        k = parse_kind(kind)
        versions = self.rules_for(j.code, k)
        for rule in versions:
            if rule.in_force_on(received):
                return rule
        label = KIND_LABELS[k]
        if not versions:
            raise NoRuleForKind(
                f"The right to {label} has no rule in {j.code}: {j.not_applicable_reason(k)}."
            )
        spans = "; ".join(_span(r) for r in versions)
        later = [r for r in versions if r.in_force_from and r.in_force_from > received]
        source = ""
        if later:
            first = min(later, key=lambda r: r.in_force_from or date.max)
            if first.in_force_citation:
                source = f" ({first.in_force_citation})"
        raise NoRuleForKind(
            f"No statutory period: the right to {label} has no rule in {j.code} for a request "
            f"received on {received.isoformat()}; its rules apply to requests received "
            f"{spans}{source}."
        )

    def with_calendar(self, code: str, country: str, subdiv: str | None = None) -> RuleBook:
        """The same rule book with another calendar for one jurisdiction (EU: a member state)."""
        j = self.jurisdiction(code)
        cal = WorkingCalendar(country, subdiv)
        new = replace(j, calendar_country=cal.country, calendar_subdiv=cal.subdiv)
        return RuleBook(
            tuple(new if x.code == j.code else x for x in self.jurisdictions), self.rules
        )


def _span(rule: Rule) -> str:
    start, end = rule.in_force_from, rule.in_force_until
    if start is None:
        return f"up to {end}"  # a rule without either date never fails to match
    return f"from {start}" + (f" to {end}" if end else "")


def parse_kind(kind: RequestKind | str) -> RequestKind:
    """Normalise and check a request kind name."""
    if isinstance(kind, RequestKind):
        return kind
    norm = str(kind).strip().lower().replace("-", "_")
    try:
        return RequestKind(norm)
    except ValueError:
        valid = ", ".join(k.value for k in RequestKind)
        raise UnknownRequestKind(f"Unknown request kind {kind!r}; valid values: {valid}.") from None


# --- parsing ----------------------------------------------------------------------------------

_JURISDICTION_KEYS = {
    "code": (str, True),
    "name": (str, True),
    "calendar_country": (str, True),
    "calendar_subdiv": (str, False),
    "pause_model": (str, True),
    "law": (str, False),
    "counting": (str, False),
    "rules_from": (str, False),
}

_RULE_KEYS: dict[str, tuple[type, bool]] = {
    "id": (str, True),
    "kind": (str, True),
    "period": (int, False),
    "unit": (str, True),
    "clock_start": (str, True),
    "roll_forward": (str, True),
    "pause_model": (str, False),
    "citation": (str, True),
    "confidence": (str, True),
    "statutory": (bool, True),
    "extension": (int, False),
    "extension_notice": (str, False),
    "clarification_pause": (bool, False),
    "in_force_from": (date, False),
    "in_force_until": (date, False),
    "in_force_citation": (str, False),
    "roll_forward_citation": (str, False),
    "note": (str, False),
    "acknowledge_within": (int, False),
    "acknowledge_unit": (str, False),
    "acknowledge_citation": (str, False),
}


def _fail(where: str, message: str) -> InvalidRulebook:
    return InvalidRulebook(f"Jurisdiction rules {where}: {message}.")


def _typed(
    where: str, table: Mapping[str, Any], spec: Mapping[str, tuple[type, bool]]
) -> dict[str, Any]:
    unknown = sorted(set(table) - set(spec))
    if unknown:
        raise _fail(where, f"unknown key {unknown[0]!r}")
    out: dict[str, Any] = {}
    for key, (kind, required) in spec.items():
        if key not in table:
            if required:
                raise _fail(where, f"missing key {key!r}")
            continue
        value = table[key]
        bad_bool = kind is int and isinstance(value, bool)
        bad_date = kind is date and isinstance(value, datetime)
        if not isinstance(value, kind) or bad_bool or bad_date:
            raise _fail(where, f"{key!r} must be a {kind.__name__}, not {value!r}")
        out[key] = value
    return out


def _choice(where: str, key: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _fail(where, f"{key} {value!r} is not one of {', '.join(allowed)}")
    return value


def _kind(where: str, value: str) -> RequestKind:
    try:
        return RequestKind(value)
    except ValueError:
        raise _fail(where, f"unknown request kind {value!r}") from None


def _parse_rule(where: str, code: str, pause_default: str, table: Mapping[str, Any]) -> Rule:
    data = _typed(where, table, _RULE_KEYS)
    rid = data.pop("id")
    where = f"{where} rule {rid!r}"
    kind = _kind(where, data.pop("kind"))
    unit = _choice(where, "unit", data["unit"], UNITS)
    _choice(where, "roll_forward", data["roll_forward"], ROLL_FORWARD)
    data.setdefault("pause_model", pause_default)
    _choice(where, "pause_model", data["pause_model"], PAUSE_MODELS)
    period = data.setdefault("period", 0)
    extension = data.setdefault("extension", 0)
    if unit == "immediately":
        if period or extension:
            raise _fail(where, "an 'immediately' rule has no period and no extension")
    elif period < 1:
        raise _fail(where, "period must be at least 1")
    if extension < 0:
        raise _fail(where, "extension cannot be negative")
    if extension and not data.get("extension_notice"):
        raise _fail(where, "an extension needs extension_notice (who must be told, by when)")
    if data.get("clarification_pause") and data["pause_model"] == "none":
        raise _fail(where, "clarification_pause needs a pause model other than 'none'")
    start, until = data.get("in_force_from"), data.get("in_force_until")
    if start and until and until < start:
        raise _fail(where, "in_force_until is before in_force_from")
    if data.get("acknowledge_within", 0):
        _choice(where, "acknowledge_unit", data.get("acknowledge_unit", ""), UNITS[:4])
        if not data.get("acknowledge_citation"):
            raise _fail(where, "an acknowledgement period needs acknowledge_citation")
    return Rule(id=f"{code}/{rid}", jurisdiction=code, kind=kind, **data)


def _parse_file(name: str, text: str) -> tuple[Jurisdiction, tuple[Rule, ...], str | None]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(name, f"not valid TOML ({exc})") from None
    unknown = sorted(set(doc) - {"jurisdiction", "not_applicable", "defaults", "rule"})
    if unknown:
        raise _fail(name, f"unknown section {unknown[0]!r}")
    head = _typed(f"{name} [jurisdiction]", doc.get("jurisdiction", {}), _JURISDICTION_KEYS)
    code = head["code"].strip().upper()
    pause = _choice(name, "pause_model", head["pause_model"], PAUSE_MODELS)
    reasons = _typed(
        f"{name} [not_applicable]",
        doc.get("not_applicable", {}),
        {k.value: (str, False) for k in RequestKind},
    )
    not_applicable = tuple((RequestKind(k), v) for k, v in reasons.items())
    cal = WorkingCalendar(head["calendar_country"], head.get("calendar_subdiv"))  # must exist
    jurisdiction = Jurisdiction(
        code=code,
        name=head["name"],
        calendar_country=cal.country,
        calendar_subdiv=cal.subdiv,
        pause_model=pause,
        law=head.get("law", ""),
        counting=head.get("counting", ""),
        not_applicable=not_applicable,
    )
    defaults = doc.get("defaults", {})
    tables = doc.get("rule", [])
    rules_from = head.get("rules_from")
    if rules_from and tables:
        raise _fail(name, "a file with rules_from cannot have rules of its own")
    rules = tuple(_parse_rule(name, code, pause, {**defaults, **t}) for t in tables)
    return jurisdiction, rules, rules_from


def _check_versions(rules: tuple[Rule, ...]) -> None:
    seen: set[str] = set()
    by_kind: dict[tuple[str, RequestKind], list[Rule]] = {}
    for rule in rules:
        if rule.id in seen:
            raise _fail(rule.jurisdiction, f"rule id {rule.id!r} is used twice")
        seen.add(rule.id)
        by_kind.setdefault((rule.jurisdiction, rule.kind), []).append(rule)
    for (code, kind), versions in by_kind.items():
        ordered = sorted(versions, key=lambda r: r.in_force_from or date.min)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if earlier.in_force_until is None or later.in_force_from is None:
                overlap = True
            else:
                overlap = later.in_force_from <= earlier.in_force_until
            if overlap:
                raise _fail(
                    code,
                    f"rules {earlier.id!r} and {later.id!r} for {kind.value} overlap in time",
                )


def parse_rulebook(texts: Mapping[str, str]) -> RuleBook:
    """Parse jurisdiction files (file name -> TOML text). Pure; raises :class:`InvalidRulebook`."""
    parsed = [_parse_file(name, text) for name, text in sorted(texts.items())]
    jurisdictions: dict[str, Jurisdiction] = {}
    own: dict[str, tuple[Rule, ...]] = {}
    borrowed: dict[str, str] = {}
    for jurisdiction, rules, rules_from in parsed:
        if jurisdiction.code in jurisdictions:
            raise _fail(jurisdiction.code, "the jurisdiction is defined twice")
        jurisdictions[jurisdiction.code] = jurisdiction
        own[jurisdiction.code] = rules
        if rules_from:
            borrowed[jurisdiction.code] = rules_from.strip().upper()
    all_rules: list[Rule] = []
    for code, jurisdiction in jurisdictions.items():
        source = borrowed.get(code)
        if source is None:
            all_rules.extend(own[code])
            continue
        if source not in jurisdictions or source in borrowed:
            raise _fail(code, f"rules_from {source!r} is not a jurisdiction with its own rules")
        for rule in own[source]:
            all_rules.append(
                replace(rule, id=f"{code}/{rule.id.split('/', 1)[1]}", jurisdiction=code)
            )
        if not jurisdiction.not_applicable:
            jurisdictions[code] = replace(
                jurisdiction, not_applicable=jurisdictions[source].not_applicable
            )
    rules = tuple(all_rules)
    _check_versions(rules)
    for rule in rules:
        if rule.kind in dict(jurisdictions[rule.jurisdiction].not_applicable):
            raise _fail(rule.jurisdiction, f"{rule.kind.value} has a rule and is not_applicable")
    return RuleBook(tuple(jurisdictions.values()), rules)


@lru_cache(maxsize=1)
def default_rulebook() -> RuleBook:
    """The rule book bundled with DPO Desk (``resources/jurisdictions/*.toml``)."""
    from dpo_desk.resources import read_texts

    return parse_rulebook(read_texts("jurisdictions", ".toml"))
