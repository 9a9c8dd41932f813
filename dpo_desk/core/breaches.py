"""Personal-data breaches: the legal clocks of each regime, to the hour. Pure; no I/O, no clock.

A breach rule is data (``resources/breaches/*.toml``): for one regime (Russia's 152-FZ, the GDPR
as applied by the CNIL, the UK GDPR, Kazakhstan's 94-V, Kyrgyzstan's Law 58) and one duty
(``first_notice``, ``investigation_results``, ``subjects_notice``): who is told (the authority
or the data subjects), the period and its unit, what starts the clock, the citation, a
confidence tag and whether a lawyer should look again. Where the law fixes no number ("without
undue delay") or says nothing, the rule has unit ``none``: its deadline has ``due = None`` and a
note saying so.

Counting:

- ``hours``: elapsed time from the moment of discovery, computed on UTC instants, so a change
  to or from summer time in between moves the wall-clock hour, never the elapsed time
  (72 hours from Friday 10:00 CET before the March change is Monday 11:00 CEST).
- ``working_days``: the period ends at the end (23:59) of the N-th working day after the day of
  discovery, in the regime's time zone and on its national working-day calendar.

Every due is an aware ``datetime`` in the regime's time zone (``Europe/Moscow``,
``Europe/Paris``, ``Europe/London``, ``Asia/Almaty``, ``Asia/Bishkek``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .calendars import CalendarOverrides, WorkingCalendar
from .errors import InvalidInput, KnownError

STEPS = ("first_notice", "investigation_results", "subjects_notice")
RECIPIENTS = ("authority", "subjects")
UNITS = ("hours", "working_days", "none")
CONFIDENCE = ("H", "M", "L", "UNCONFIRMED")
CONDITIONS = ("", "risk", "high_risk")
STATUSES = ("open", "contained", "closed")

#: Hours before a due at which a clock turns "due soon" (the amber of the case list).
DUE_SOON_HOURS = 12


class InvalidBreachRules(KnownError):
    """A breach rule file is malformed (a DPO Desk packaging error, or a hand-edited file)."""


class UnknownTimeZone(InvalidInput):
    pass


# --- rules ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreachRegime:
    code: str  # "RU", "GDPR-FR", "UK", "KZ", "KG"
    name: str
    law: str
    timezone: str  # IANA zone where the dues are shown
    calendar: str  # holidays code for working-day periods ("RU", "GB-ENG")
    authority: str  # id in resources/authorities.toml
    applies_to: tuple[str, ...]  # controller jurisdiction codes
    languages: tuple[str, ...]  # the authority's language first

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class BreachRule:
    id: str  # "RU/first_notice-2022"
    regime: str
    step: str
    to: str  # authority | subjects
    period: int | None
    unit: str  # hours | working_days | none
    clock_start: str
    citation: str
    confidence: str
    needs_legal_review: bool
    condition: str  # "" | risk | high_risk
    note: str
    content: tuple[str, ...]
    in_force_from: date | None = None
    in_force_until: date | None = None
    citations: tuple[tuple[str, str], ...] = ()  # (language, citation as a notice writes it)

    def citation_in(self, language: str) -> str:
        """The citation as written in a notice in ``language`` (the English one otherwise)."""
        return dict(self.citations).get(language, self.citation)

    def in_force_on(self, day: date) -> bool:
        if self.in_force_from and day < self.in_force_from:
            return False
        return not (self.in_force_until and day > self.in_force_until)

    @property
    def period_text(self) -> str:
        if self.unit == "hours":
            return f"{self.period} hours"
        if self.unit == "working_days":
            return f"{self.period} working day{'s' if self.period != 1 else ''}"
        return "no fixed period"


@dataclass(frozen=True)
class BreachRulebook:
    regimes: tuple[BreachRegime, ...]
    rules: tuple[BreachRule, ...]

    def regime(self, code: str) -> BreachRegime:
        for r in self.regimes:
            if r.code == code:
                return r
        raise InvalidInput(f"There is no breach regime '{code}'.")

    def regime_for(self, jurisdiction: str) -> BreachRegime | None:
        j = jurisdiction.strip().upper()
        for r in self.regimes:
            if j in r.applies_to:
                return r
        return None

    def rules_for(self, regime: str, on: date) -> tuple[BreachRule, ...]:
        return tuple(r for r in self.rules if r.regime == regime and r.in_force_on(on))


def _fail(where: str, message: str) -> InvalidBreachRules:
    return InvalidBreachRules(f"Breach rules {where}: {message}.")


def _get(where: str, table: Mapping[str, Any], key: str, kind: type, default: Any = ...) -> Any:
    if key not in table:
        if default is ...:
            raise _fail(where, f"'{key}' is missing")
        return default
    value = table[key]
    if kind is int and isinstance(value, bool):
        raise _fail(where, f"'{key}' must be a number")
    if not isinstance(value, kind):
        raise _fail(where, f"'{key}' must be {kind.__name__}")
    return value


_REGIME_KEYS = {
    "code",
    "name",
    "law",
    "timezone",
    "calendar",
    "authority",
    "applies_to",
    "languages",
}
_RULE_KEYS = {
    "id",
    "step",
    "to",
    "period",
    "unit",
    "clock_start",
    "citation",
    "confidence",
    "needs_legal_review",
    "condition",
    "note",
    "content",
    "in_force_from",
    "in_force_until",
    "citations",
}


def _parse_file(name: str, text: str) -> tuple[BreachRegime, tuple[BreachRule, ...]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(name, f"not valid TOML ({exc})") from None
    unknown = set(data) - {"regime", "rule"}
    if unknown:
        raise _fail(name, f"unknown table(s) {sorted(unknown)}")
    reg = _get(name, data, "regime", dict)
    extra = set(reg) - _REGIME_KEYS
    if extra:
        raise _fail(name, f"unknown regime key(s) {sorted(extra)}")
    zone = _get(name, reg, "timezone", str)
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(name, f"unknown time zone {zone!r}") from None
    regime = BreachRegime(
        code=_get(name, reg, "code", str).strip().upper(),
        name=_get(name, reg, "name", str),
        law=_get(name, reg, "law", str),
        timezone=zone,
        calendar=_get(name, reg, "calendar", str),
        authority=_get(name, reg, "authority", str),
        applies_to=tuple(j.upper() for j in _get(name, reg, "applies_to", list)),
        languages=tuple(_get(name, reg, "languages", list)),
    )
    rules: list[BreachRule] = []
    seen: set[str] = set()
    for i, table in enumerate(_get(name, data, "rule", list)):
        where = f"{name} rule {i + 1}"
        extra = set(table) - _RULE_KEYS
        if extra:
            raise _fail(where, f"unknown key(s) {sorted(extra)}")
        rid = _get(where, table, "id", str)
        if rid in seen:
            raise _fail(where, f"id {rid!r} is used twice")
        seen.add(rid)
        unit = _get(where, table, "unit", str)
        period = _get(where, table, "period", int, None)
        if unit not in UNITS:
            raise _fail(where, f"unit must be one of {UNITS}")
        if (unit == "none") != (period is None) or (period is not None and period < 1):
            raise _fail(where, "a period (>= 1) goes with unit hours or working_days, none without")
        rule = BreachRule(
            id=f"{regime.code}/{rid}",
            regime=regime.code,
            step=_get(where, table, "step", str),
            to=_get(where, table, "to", str),
            period=period,
            unit=unit,
            clock_start=_get(where, table, "clock_start", str),
            citation=_get(where, table, "citation", str),
            confidence=_get(where, table, "confidence", str),
            needs_legal_review=_get(where, table, "needs_legal_review", bool),
            condition=_get(where, table, "condition", str, ""),
            note=_get(where, table, "note", str, ""),
            content=tuple(_get(where, table, "content", list, [])),
            in_force_from=_get(where, table, "in_force_from", date, None),
            in_force_until=_get(where, table, "in_force_until", date, None),
            citations=tuple(sorted(_get(where, table, "citations", dict, {}).items())),
        )
        for key, value, allowed in (
            ("step", rule.step, STEPS),
            ("to", rule.to, RECIPIENTS),
            ("confidence", rule.confidence, CONFIDENCE),
            ("condition", rule.condition, CONDITIONS),
        ):
            if value not in allowed:
                raise _fail(where, f"{key} must be one of {allowed}")
        rules.append(rule)
    return regime, tuple(rules)


def parse_breach_rules(texts: Mapping[str, str]) -> BreachRulebook:
    """Parse breach rule files (file name -> TOML text). Pure; raises :class:`InvalidBreachRules`."""
    regimes: list[BreachRegime] = []
    rules: list[BreachRule] = []
    claimed: dict[str, str] = {}
    for name, text in sorted(texts.items()):
        regime, own = _parse_file(name, text)
        if any(r.code == regime.code for r in regimes):
            raise _fail(name, f"regime {regime.code} is defined twice")
        for j in regime.applies_to:
            if j in claimed:
                raise _fail(name, f"jurisdiction {j} already belongs to {claimed[j]}")
            claimed[j] = regime.code
        regimes.append(regime)
        rules.extend(own)
    return BreachRulebook(tuple(regimes), tuple(rules))


@lru_cache(maxsize=1)
def default_breach_rules() -> BreachRulebook:
    """The breach rules bundled with DPO Desk (``resources/breaches/*.toml``)."""
    from dpo_desk.resources import read_texts

    return parse_breach_rules(read_texts("breaches", ".toml"))


# --- instants -------------------------------------------------------------------------------------


def tz_of(label: str) -> tzinfo:
    """A zone from an IANA name or a ``UTC+03:00`` label (UTC when neither)."""
    text = label.strip()
    if text.upper().startswith("UTC") and len(text) > 3:
        try:
            off = datetime.strptime(text[3:].replace(":", ""), "%z").utcoffset()
        except ValueError:
            return UTC
        return timezone(off) if off is not None else UTC
    try:
        return ZoneInfo(text) if text else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownTimeZone(
            f"Unknown time zone '{name}': use an IANA name such as Europe/Paris or Asia/Almaty."
        ) from None


def localize(naive: datetime, zone_name: str) -> datetime:
    """A wall-clock time in a zone as an aware instant; refuses times a DST change skips or repeats."""
    if naive.tzinfo is not None:
        return naive
    tz = zone(zone_name)
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    back0 = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back0 != naive and second.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        raise InvalidInput(
            f"{naive:%Y-%m-%d %H:%M} does not exist in {tz.key}: the clocks jumped forward then."
        )
    if first.utcoffset() != second.utcoffset():
        raise InvalidInput(
            f"{naive:%Y-%m-%d %H:%M} happened twice in {tz.key} (the clocks went back): "
            "give the UTC offset too, e.g. 2026-10-25T02:30+02:00."
        )
    return first


def parse_instant(text: str, zone_name: str | None = None) -> datetime:
    """``2026-03-02T14:30+03:00``, or a wall-clock time with ``zone_name``; aware, or InvalidInput."""
    raw = text.strip()
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            f"'{text}' is not a date and time (use ISO form, e.g. 2026-03-02T14:30+03:00)."
        ) from None
    if value.tzinfo is not None:
        return value
    if not zone_name:
        raise InvalidInput(
            f"'{text}' has no time zone: add the UTC offset (e.g. +03:00) or give the zone."
        )
    return localize(value, zone_name)


# --- deadlines ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreachDeadline:
    """One duty of one regime: whom to tell, by when (None: no number in the law), and why."""

    regime: str
    step: str
    to: str
    authority: str  # authority id for "authority", "" for the data subjects
    due: datetime | None
    citation: str
    note: str
    confidence: str
    needs_legal_review: bool
    period: str  # "24 hours", "1 working day", "no fixed period"
    condition: str = ""
    rule_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "to": self.to,
            "authority": self.authority or None,
            "due": self.due.isoformat() if self.due else None,
            "citation": self.citation,
            "note": self.note,
            "regime": self.regime,
            "period": self.period,
            "condition": self.condition,
            "confidence": self.confidence,
            "needs_legal_review": self.needs_legal_review,
        }


def due_for(
    rule: BreachRule,
    regime: BreachRegime,
    discovered: datetime,
    overrides: CalendarOverrides | None = None,
) -> datetime | None:
    """When the duty falls due, in the regime's zone; None when the law fixes no period."""
    if discovered.tzinfo is None:
        raise InvalidInput("The moment of discovery needs a time zone.")
    tz = regime.zone
    if rule.unit == "hours":
        assert rule.period is not None
        return (discovered.astimezone(UTC) + timedelta(hours=rule.period)).astimezone(tz)
    if rule.unit == "working_days":
        assert rule.period is not None
        cal = WorkingCalendar.from_code(regime.calendar, overrides)
        day = cal.add_working_days(discovered.astimezone(tz).date(), rule.period)
        return datetime.combine(day, time(23, 59), tzinfo=tz)
    return None


def compute_breach_deadlines(
    jurisdictions: Iterable[str],
    discovered: datetime,
    book: BreachRulebook | None = None,
    overrides: CalendarOverrides | None = None,
) -> tuple[BreachDeadline, ...]:
    """Every duty of every regime governing a controller, for a breach discovered then.

    A jurisdiction with no breach rules in DPO Desk yields one deadline with ``due = None``
    and a note that says so (never silence). Rules are picked by the day of discovery in the
    regime's zone, so a rule that changed keeps its old version for older breaches.
    """
    if discovered.tzinfo is None:
        raise InvalidInput("The moment of discovery needs a time zone.")
    book = book or default_breach_rules()
    out: list[BreachDeadline] = []
    seen: set[str] = set()
    for j in jurisdictions:
        regime = book.regime_for(j)
        if regime is None:
            code = j.strip().upper()
            if code in seen:
                continue
            seen.add(code)
            out.append(
                BreachDeadline(
                    regime=code,
                    step="first_notice",
                    to="authority",
                    authority="",
                    due=None,
                    citation="",
                    note=f"DPO Desk has no breach rules for {code}: check that law's breach duties.",
                    confidence="UNCONFIRMED",
                    needs_legal_review=True,
                    period="unknown",
                )
            )
            continue
        if regime.code in seen:
            continue
        seen.add(regime.code)
        day = discovered.astimezone(regime.zone).date()
        in_force = book.rules_for(regime.code, day)
        covered = {r.step for r in in_force}
        for step, to in dict.fromkeys(
            (r.step, r.to) for r in book.rules if r.regime == regime.code
        ):
            if step in covered:
                continue
            out.append(
                BreachDeadline(
                    regime=regime.code,
                    step=step,
                    to=to,
                    authority=regime.authority if to == "authority" else "",
                    due=None,
                    citation="",
                    note=f"No {regime.name} breach rule for this duty was in force on "
                    f"{day.isoformat()}.",
                    confidence="M",
                    needs_legal_review=True,
                    period="none in force",
                )
            )
        for rule in in_force:
            out.append(
                BreachDeadline(
                    regime=regime.code,
                    step=rule.step,
                    to=rule.to,
                    authority=regime.authority if rule.to == "authority" else "",
                    due=due_for(rule, regime, discovered, overrides),
                    citation=rule.citation,
                    note=rule.note,
                    confidence=rule.confidence,
                    needs_legal_review=rule.needs_legal_review,
                    period=rule.period_text,
                    condition=rule.condition,
                    rule_id=rule.id,
                )
            )
    return tuple(sorted(out, key=_order))


def _order(d: BreachDeadline) -> tuple[int, float, str, str]:
    return (
        0 if d.due else 1,
        d.due.timestamp() if d.due else 0.0,
        d.regime,
        d.step,
    )


# --- status -------------------------------------------------------------------------------------

CLOCK_STATES = ("overdue", "due_soon", "upcoming", "no_clock", "done", "not_required")


@dataclass(frozen=True)
class Clock:
    """A deadline as it stands at ``now``.

    ``state``: ``done`` (a notice for the step went out, ``late`` if after the due),
    ``not_required`` (the risk assessment lifts the duty: GDPR Art. 33(1) "unlikely to result
    in a risk", Art. 34(1) only for a high risk), ``overdue``, ``due_soon`` (within
    ``DUE_SOON_HOURS``), ``upcoming``, or ``no_clock`` (the law fixes no period).
    """

    deadline: BreachDeadline
    state: str
    hours_left: float | None  # negative when overdue; None without a running clock
    done_at: datetime | None = None
    late: bool = False

    @property
    def pending(self) -> bool:
        return self.state in ("overdue", "due_soon", "upcoming")

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.deadline.to_dict(),
            "state": self.state,
            "hours_left": round(self.hours_left, 1) if self.hours_left is not None else None,
            "done_at": self.done_at.isoformat() if self.done_at else None,
            "late": self.late,
        }

    @property
    def text(self) -> str:
        if self.state == "done":
            return "done (late)" if self.late else "done"
        if self.state == "not_required":
            return "not required"
        if self.hours_left is None:
            return "no fixed period"
        h = abs(self.hours_left)
        span = f"{h:.0f} h" if h < 48 else f"{h / 24:.1f} days"
        return f"overdue by {span}" if self.state == "overdue" else f"{span} left"


def is_required(deadline: BreachDeadline, risk: str) -> bool:
    """Whether the risk assessment leaves the duty standing ("unassessed" never lifts one)."""
    if deadline.condition == "risk":
        return risk != "none"
    if deadline.condition == "high_risk":
        return risk not in ("none", "risk")
    return True


def evaluate_clocks(
    deadlines: Sequence[BreachDeadline],
    now: datetime,
    *,
    risk: str = "unassessed",
    done: Mapping[tuple[str, str], datetime] | None = None,
) -> tuple[Clock, ...]:
    """Each deadline's state at ``now``; ``done`` maps (regime, step) to when its notice went out."""
    if now.tzinfo is None:
        raise InvalidInput("'now' needs a time zone.")
    sent = done or {}
    out: list[Clock] = []
    for d in deadlines:
        at = sent.get((d.regime, d.step))
        if at is not None:
            out.append(Clock(d, "done", None, at, bool(d.due and at > d.due)))
        elif not is_required(d, risk):
            out.append(Clock(d, "not_required", None))
        elif d.due is None:
            out.append(Clock(d, "no_clock", None))
        else:
            left = (d.due - now).total_seconds() / 3600
            state = "overdue" if left < 0 else "due_soon" if left <= DUE_SOON_HOURS else "upcoming"
            out.append(Clock(d, state, left))
    return tuple(out)


def next_clock(clocks: Sequence[Clock]) -> Clock | None:
    """The pending clock that falls due first (None when nothing runs)."""
    pending = [c for c in clocks if c.pending and c.deadline.due]
    return min(pending, key=lambda c: c.deadline.due or now_max(), default=None)


def now_max() -> datetime:
    return datetime.max.replace(tzinfo=UTC)


# --- the breach record --------------------------------------------------------------------------

RISKS = ("unassessed", "none", "risk", "high")


@dataclass(frozen=True)
class Breach:
    """One personal-data breach in the register. Instants are aware; ``discovered_tz`` is the
    zone (or UTC offset) the DPO gave, so the moment shows as it was reported."""

    id: int | None
    reference: str  # "B-2026-0001"
    controller_id: int
    discovered_at: datetime
    discovered_tz: str
    description: str
    occurred_at: datetime | None = None
    data_categories: tuple[str, ...] = ()
    subject_categories: tuple[str, ...] = ()
    subjects_count: int | None = None
    records_count: int | None = None
    consequences: str = ""
    measures: str = ""
    causes: str = ""
    investigation: str = ""
    responsible: str = ""
    processors: tuple[str, ...] = ()
    contact: str = ""
    risk: str = "unassessed"
    status: str = "open"
    outcome: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None

    @property
    def discovered_local(self) -> datetime:
        """The moment of discovery in the zone (or UTC offset) it was reported in."""
        return self.discovered_at.astimezone(tz_of(self.discovered_tz))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "controller_id": self.controller_id,
            "discovered_at": self.discovered_local.isoformat(),
            "discovered_tz": self.discovered_tz,
            "occurred_at": self.occurred_at.isoformat() if self.occurred_at else None,
            "description": self.description,
            "data_categories": list(self.data_categories),
            "subject_categories": list(self.subject_categories),
            "subjects_count": self.subjects_count,
            "records_count": self.records_count,
            "consequences": self.consequences,
            "measures": self.measures,
            "causes": self.causes,
            "investigation": self.investigation,
            "responsible": self.responsible,
            "processors": list(self.processors),
            "contact": self.contact,
            "risk": self.risk,
            "status": self.status,
            "outcome": self.outcome,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
        }


def breach_reference(year: int, number: int) -> str:
    return f"B-{year}-{number:04d}"


def check_breach(b: Breach) -> None:
    """The register's rules on one breach; raises InvalidInput with one sentence."""
    if not b.description.strip():
        raise InvalidInput("A breach needs a description of what happened.")
    if b.discovered_at.tzinfo is None:
        raise InvalidInput("The moment of discovery needs a time zone.")
    for what, n in (("subjects", b.subjects_count), ("records", b.records_count)):
        if n is not None and n < 0:
            raise InvalidInput(f"The number of {what} cannot be negative.")
    if b.occurred_at is not None and b.occurred_at > b.discovered_at:
        raise InvalidInput("A breach cannot have begun after it was discovered.")
    if b.risk not in RISKS:
        raise InvalidInput(f"Risk is one of: {', '.join(RISKS)}.")
    if b.status not in STATUSES:
        raise InvalidInput(f"A breach's status is one of: {', '.join(STATUSES)}.")
