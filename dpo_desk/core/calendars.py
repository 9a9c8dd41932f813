"""Working-day calendars: the ``holidays`` package plus the case file's own overrides.

A calendar is named by a *code*: the ISO country, or ``COUNTRY-SUBDIV`` (``GB-ENG``, ``US-CA``,
``FR-57``). The ``holidays`` package (pinned, see :data:`HOLIDAYS_VERSION`) supplies public
holidays, days off moved by government decree and working Saturdays/Sundays (RU, KZ, KG). The DPO
can correct it per calendar code with :class:`CalendarOverrides` (extra holidays, extra working
days, removed holidays, years whose transfer decree was checked by hand).

Pure apart from the library's own lazily built tables; no clock, no files.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache
from types import MappingProxyType
from typing import Any, cast

import holidays
from holidays import HolidayBase
from holidays.version import __version__ as _holidays_version

from .errors import InvalidInput

HOLIDAYS_VERSION: str = _holidays_version  # holidays.__version__, pinned to 0.109

#: Countries whose holidays differ so much by subdivision that a national calendar is wrong.
SUBDIV_REQUIRED = frozenset({"GB"})

#: Name given to an extra holiday entered without a name.
OVERRIDE_HOLIDAY_NAME = "Holiday (case-file override)"


@dataclass(frozen=True)
class WeekendHolidayShift:
    """A law that moves a day off falling on a weekend to the next working day by itself.

    ``holidays`` models such moves only for the years whose government decree it holds (RU: the
    "observed" days come from the decree tables). For a later year the engine applies the law:
    every public holiday on a Saturday or Sunday, except the ``excluded`` (month, day) dates, gives
    a day off on the next working day. Years the library has data for are left to the library,
    so a day is never moved twice.
    """

    citation: str
    excluded: frozenset[tuple[int, int]] = frozenset()
    label: str = "moved by law, decree pending"


#: Countries whose labour law moves a weekend holiday without a decree (docs/legal-notes.md
#: §1.3, §14). KZ is absent: ``holidays`` applies its Labour Code rule in every year itself; KG
#: ended the automatic move with its Labour Code of 2025.
STATUTORY_WEEKEND_SHIFTS: Mapping[str, WeekendHolidayShift] = MappingProxyType(
    {
        "RU": WeekendHolidayShift(
            citation=(
                "Labour Code of the Russian Federation Art. 112(2): a day off coinciding with a "
                "non-working holiday moves to the next working day, except 1-8 January"
            ),
            excluded=frozenset((1, day) for day in range(1, 9)),
        ),
    }
)

# The holidays objects fill their tables lazily (year by year) and are shared: one lock.
_LOCK = threading.RLock()


class UnknownCalendar(InvalidInput):
    """The ``holidays`` package has no calendar for this country or subdivision."""


def calendar_code(country: str, subdiv: str | None = None) -> str:
    """``("GB", "ENG")`` -> ``"GB-ENG"``; ``("RU", None)`` -> ``"RU"``."""
    return f"{country}-{subdiv}" if subdiv else country


def split_calendar_code(code: str) -> tuple[str, str | None]:
    """``"GB-ENG"`` -> ``("GB", "ENG")``; ``"RU"`` -> ``("RU", None)``."""
    country, _, subdiv = code.strip().upper().partition("-")
    return country, subdiv or None


# --- overrides --------------------------------------------------------------------------------


def _norm_code(code: object) -> str:
    if not isinstance(code, str) or not code.strip():
        raise InvalidInput(
            f"A calendar override needs a calendar code such as RU or GB-ENG, not {code!r}."
        )
    return code.strip().upper()


def _check_date(value: object, what: str) -> date:
    if isinstance(value, date):
        return value
    raise InvalidInput(f"{what}: {value!r} is not a date.")


def _parse_iso(value: object, what: str) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(f"{what}: {value!r} is not a date written YYYY-MM-DD.")


@dataclass(frozen=True)
class CalendarOverrides:
    """The DPO's corrections to the library calendars, each keyed by calendar code.

    ``extra_holidays``: non-working days the library lacks (a decree it does not know yet, the
    real date of a religious holiday), ``{code: {date: name}}`` or ``{code: [date, ...]}``.
    ``extra_working_days``: days that are worked although the library says otherwise (a working
    Saturday, a cancelled holiday). ``removed_holidays``: library holidays that are wrong (an
    estimated religious-holiday date); the day becomes an ordinary weekday or weekend day.
    ``checked_years``: years whose day-transfer decree the DPO has checked, which silences the
    "no transfer data" warning.
    """

    # Stored normalised (upper-case codes, read-only mappings, frozensets); any iterable of
    # dates (or of years) is accepted on input.
    extra_holidays: Mapping[str, Mapping[date, str]] = field(default_factory=dict)
    extra_working_days: Mapping[str, AbstractSet[date]] = field(default_factory=dict)
    removed_holidays: Mapping[str, AbstractSet[date]] = field(default_factory=dict)
    checked_years: Mapping[str, AbstractSet[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        extra: dict[str, dict[date, str]] = {}
        for code, days in self.extra_holidays.items():
            if isinstance(days, Mapping):
                named = {
                    _check_date(d, "Extra holiday"): str(n or OVERRIDE_HOLIDAY_NAME)
                    for d, n in days.items()
                }
            else:
                named = {_check_date(d, "Extra holiday"): OVERRIDE_HOLIDAY_NAME for d in days}
            extra.setdefault(_norm_code(code), {}).update(named)
        working = _norm_sets(self.extra_working_days, "Extra working day")
        removed = _norm_sets(self.removed_holidays, "Removed holiday")
        years: dict[str, frozenset[int]] = {}
        for code, values in self.checked_years.items():
            if not all(isinstance(y, int) and not isinstance(y, bool) for y in values):
                raise InvalidInput(f"Checked years for {code} must be whole years.")
            years[_norm_code(code)] = frozenset(values)
        for code, days in extra.items():
            clash = sorted(set(days) & working.get(code, frozenset()))
            if clash:
                raise InvalidInput(
                    f"{clash[0].isoformat()} is both an extra holiday and an extra working day "
                    f"in the {code} calendar overrides."
                )
        object.__setattr__(
            self,
            "extra_holidays",
            MappingProxyType({c: MappingProxyType(d) for c, d in extra.items()}),
        )
        object.__setattr__(self, "extra_working_days", MappingProxyType(working))
        object.__setattr__(self, "removed_holidays", MappingProxyType(removed))
        object.__setattr__(self, "checked_years", MappingProxyType(years))

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[Any, ...]:
        return (
            tuple(sorted((c, tuple(sorted(d.items()))) for c, d in self.extra_holidays.items())),
            tuple(sorted((c, tuple(sorted(s))) for c, s in self.extra_working_days.items())),
            tuple(sorted((c, tuple(sorted(s))) for c, s in self.removed_holidays.items())),
            tuple(sorted((c, tuple(sorted(s))) for c, s in self.checked_years.items())),
        )

    def count_for(self, code: str) -> int:
        """How many corrections apply to one calendar (checked years included)."""
        return (
            len(self.extra_holidays.get(code, {}))
            + len(self.extra_working_days.get(code, ()))
            + len(self.removed_holidays.get(code, ()))
            + len(self.checked_years.get(code, ()))
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (ISO dates), read back by :meth:`from_dict`."""
        return {
            "extra_holidays": {
                c: {d.isoformat(): n for d, n in sorted(days.items())}
                for c, days in sorted(self.extra_holidays.items())
            },
            "extra_working_days": {
                c: [d.isoformat() for d in sorted(s)]
                for c, s in sorted(self.extra_working_days.items())
            },
            "removed_holidays": {
                c: [d.isoformat() for d in sorted(s)]
                for c, s in sorted(self.removed_holidays.items())
            },
            "checked_years": {c: sorted(s) for c, s in sorted(self.checked_years.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CalendarOverrides:
        """Build from :meth:`to_dict` output; bad values raise :class:`InvalidInput`."""
        unknown = set(data) - {
            "extra_holidays",
            "extra_working_days",
            "removed_holidays",
            "checked_years",
        }
        if unknown:
            raise InvalidInput(f"Unknown calendar override section: {', '.join(sorted(unknown))}.")
        extra = {
            code: {_parse_iso(d, "Extra holiday"): str(n) for d, n in days.items()}
            for code, days in _mapping(data, "extra_holidays").items()
        }
        return cls(
            extra_holidays=extra,
            extra_working_days=_iso_sets(data, "extra_working_days", "Extra working day"),
            removed_holidays=_iso_sets(data, "removed_holidays", "Removed holiday"),
            checked_years=dict(_mapping(data, "checked_years")),
        )


def _norm_sets(data: Mapping[str, Iterable[date]], what: str) -> dict[str, frozenset[date]]:
    out: dict[str, frozenset[date]] = {}
    for code, days in data.items():
        key = _norm_code(code)
        out[key] = out.get(key, frozenset()) | {_check_date(d, what) for d in days}
    return out


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise InvalidInput(f"Calendar overrides: {key} must map calendar codes to values.")
    return value


def _iso_sets(data: Mapping[str, Any], key: str, what: str) -> dict[str, AbstractSet[date]]:
    return {
        code: frozenset(_parse_iso(d, what) for d in days)
        for code, days in _mapping(data, key).items()
    }


NO_OVERRIDES = CalendarOverrides()


# --- the library ------------------------------------------------------------------------------


@cache
def _library(country: str, subdiv: str | None) -> HolidayBase:
    """One shared ``holidays`` object per calendar (default PUBLIC category, English names).

    Only the default category: asking for KG's WORKDAY category puts commemorative *working*
    days into the object and breaks ``is_working_day`` (docs/legal-notes.md §10).
    """
    try:
        probe = holidays.country_holidays(country, subdiv=subdiv)
        language = "en_US" if "en_US" in probe.supported_languages else None
        return holidays.country_holidays(country, subdiv=subdiv, language=language)
    except NotImplementedError as exc:
        raise UnknownCalendar(
            f"The holidays package {HOLIDAYS_VERSION} has no calendar for "
            f"{calendar_code(country, subdiv)} ({exc})."
        ) from None


@cache
def _last_transfer_year(country: str, subdiv: str | None) -> int | None:
    """The last year with a day-transfer entry in the library's data, or None if it has none.

    Transfers (a day off moved to another date, a working Saturday) are the 4- or 5-tuples in
    the ``special_*holidays`` tables of the country class; fixed special holidays are 3-tuples.
    """
    lib = _library(country, subdiv)
    years: set[int] = set()
    for attr in dir(lib):
        if not (attr.startswith("special_") and attr.endswith("holidays")):
            continue
        for year, entries in getattr(lib, attr).items():
            items = entries if entries and isinstance(entries[0], tuple) else (entries,)
            if any(len(item) >= 4 for item in items):
                years.add(year)
    return max(years) if years else None


def _estimated_marker(lib: HolidayBase) -> str | None:
    """The word the library puts in the name of a holiday whose date is estimated."""
    label = getattr(lib, "estimated_label", None)
    if not label:
        return None
    return lib.tr(label).replace("%s", "").strip(" ()")


@cache
def _statutory_moves(country: str, subdiv: str | None, year: int) -> Mapping[date, str]:
    """Days off given by a :class:`WeekendHolidayShift` law for holidays of ``year``.

    Empty where the country has no such law or where the library holds the year's decree data
    (its day transfers or observed days), which already include the law's moves.
    """
    shift = STATUTORY_WEEKEND_SHIFTS.get(country)
    last = _last_transfer_year(country, subdiv)
    if shift is None or (last is not None and year <= last):
        return MappingProxyType({})
    lib = _library(country, subdiv)
    with _LOCK:
        for y in (year, year + 1):
            if y not in lib.years:
                lib.get(date(y, 1, 1))
        observed = getattr(lib, "special_public_holidays_observed", {})
        if year in observed:
            return MappingProxyType({})
        own = sorted(
            (d, n)
            for d, n in lib.items()
            if d.year == year and (d.month, d.day) not in shift.excluded
        )
        moves: dict[date, str] = {}
        for day, name in own:
            if not lib.is_weekend(day) or day in lib.weekend_workdays:
                continue
            target = day + timedelta(days=1)
            while lib.is_weekend(target) or target in lib or target in moves:
                target += timedelta(days=1)
            moves[target] = f"{name} ({shift.label})"
    return MappingProxyType(moves)


# --- the calendar -----------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days of one country (and subdivision), with the case file's overrides."""

    country: str
    subdiv: str | None = None
    overrides: CalendarOverrides = NO_OVERRIDES

    def __post_init__(self) -> None:
        country = self.country.strip().upper()
        subdiv = self.subdiv.strip().upper() if self.subdiv else None
        if country in SUBDIV_REQUIRED and subdiv is None:
            raise UnknownCalendar(
                f"The {country} calendar needs a subdivision (for GB: ENG, SCT, WLS or NIR): "
                "bank holidays differ by nation."
            )
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "subdiv", subdiv)
        _library(country, subdiv)  # fail now on an unknown calendar

    @classmethod
    def from_code(cls, code: str, overrides: CalendarOverrides | None = None) -> WorkingCalendar:
        country, subdiv = split_calendar_code(code)
        return cls(country, subdiv, overrides or NO_OVERRIDES)

    # --- identity ---------------------------------------------------------------------------
    @property
    def code(self) -> str:
        return calendar_code(self.country, self.subdiv)

    @property
    def version(self) -> str:
        return HOLIDAYS_VERSION

    @property
    def name(self) -> str:
        """``"holidays 0.109 RU"``, plus the number of case-file overrides used."""
        base = f"holidays {HOLIDAYS_VERSION} {self.code}"
        count = self.overrides.count_for(self.code)
        if count:
            return f"{base} + {count} case-file override{'s' if count > 1 else ''}"
        return base

    @property
    def _lib(self) -> HolidayBase:
        return _library(self.country, self.subdiv)

    def _touch(self, day: date) -> None:
        # Transfers can cross the new year (a Saturday in December worked for a day off in
        # January): load the neighbouring years too.
        lib = self._lib
        for year in (day.year - 1, day.year, day.year + 1):
            if year not in lib.years:
                lib.get(date(year, 1, 1))

    # --- questions ----------------------------------------------------------------------------
    def holiday_name(self, day: date) -> str | None:
        """The holiday's name on ``day`` after overrides, or None (weekends are not named)."""
        code = self.code
        if day in self.overrides.extra_working_days.get(code, ()):
            return None
        extra = self.overrides.extra_holidays.get(code, {})
        if day in extra:
            return extra[day]
        if day in self.overrides.removed_holidays.get(code, ()):
            return None
        with _LOCK:
            self._touch(day)
            name = cast("str | None", self._lib.get(day))
        return name or self.statutory_moves(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        code = self.code
        if day in self.overrides.extra_working_days.get(code, ()):
            return True
        if day in self.overrides.extra_holidays.get(code, {}):
            return False
        removed = day in self.overrides.removed_holidays.get(code, ())
        if not removed and day in self.statutory_moves(day.year):
            return False
        with _LOCK:
            self._touch(day)
            lib = self._lib
            if removed:
                return not lib.is_weekend(day) or day in lib.weekend_workdays
            return bool(lib.is_working_day(day))

    def statutory_moves(self, year: int) -> Mapping[date, str]:
        """Days off the law itself gives for weekend holidays of ``year`` (see
        :data:`STATUTORY_WEEKEND_SHIFTS`); empty where the library has the year's decree data."""
        return _statutory_moves(self.country, self.subdiv, year)

    @property
    def weekend_shift(self) -> WeekendHolidayShift | None:
        """The law that moves weekend holidays here without a decree, if any."""
        return STATUTORY_WEEKEND_SHIFTS.get(self.country)

    def next_working_day_on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts)."""
        if n < 1:
            raise ValueError("add_working_days needs n >= 1")
        day = start
        while n:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in the half-open interval ``(start, end]`` (0 if ``end <= start``)."""
        count = 0
        day = start + timedelta(days=1)
        while day <= end:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count

    def estimated_holidays_between(self, start: date, end: date) -> tuple[tuple[date, str], ...]:
        """Library holidays in ``[start, end]`` whose date the library marks as estimated.

        The ``holidays`` package appends its ``estimated_label`` ("%s (estimated)") to the name of
        a holiday whose date it computed rather than took from a decree (Islamic holidays in KZ,
        KG after its confirmed years). Removed or overridden days are left out.
        """
        with _LOCK:
            lib = self._lib
            marker = _estimated_marker(lib)
            if marker is None:
                return ()
            for year in range(start.year, end.year + 1):
                self._touch(date(year, 6, 30))
            found = tuple(
                (day, name)
                for day, name in sorted(lib.items())
                if start <= day <= end and marker in name
            )
        removed = self.overrides.removed_holidays.get(self.code, frozenset())
        working = self.overrides.extra_working_days.get(self.code, frozenset())
        return tuple((d, n) for d, n in found if d not in removed and d not in working)

    @property
    def last_transfer_year(self) -> int | None:
        """Last year with day-transfer data in the library (None: the country has none)."""
        return _last_transfer_year(self.country, self.subdiv)

    @property
    def uses_transfers(self) -> bool:
        """Whether working days here depend on yearly decrees moving days off (RU, KZ, KG)."""
        return self.last_transfer_year is not None

    def has_transfer_data(self, year: int) -> bool:
        """False when the country moves days off by yearly decree but the library has no data
        for ``year`` yet (KZ from 2026 in holidays 0.109) and the DPO has not checked it."""
        last = self.last_transfer_year
        if last is None or year <= last:
            return True
        return year in self.overrides.checked_years.get(self.code, ())


# --- suggested overrides (resources/calendars) --------------------------------------------------

SUGGESTED_DAY_KINDS = ("holiday", "working")


@dataclass(frozen=True)
class SuggestedDay:
    day: date
    kind: str  # "holiday" (an extra day off) | "working" (a worked weekend day)
    name: str


@dataclass(frozen=True)
class CalendarSuggestion:
    """An act that changes working days for some employers only, offered as a calendar override.

    A Kyrgyz Cabinet resolution gives state bodies extra days off and recommends them to private
    employers: whether a controller follows it is the controller's choice, so the DPO applies it
    per controller (never to the national calendar). ``private_employers`` says how the act
    reaches a private employer; ``needs_legal_review`` flags where that reach is uncertain.
    """

    id: str
    calendar: str
    title: str
    act: str
    adopted: date
    in_force: date | None
    source: str
    applies_to: str
    private_employers: str
    confidence: str
    needs_legal_review: bool
    note: str
    days: tuple[SuggestedDay, ...]
    #: The texts in other languages: ``{"ru": {"title": ..., "act": ...}}`` (keys of
    #: :data:`SUGGESTION_TEXT_KEYS`); a missing text falls back to English.
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def localized(self, language: str) -> CalendarSuggestion:
        """The same suggestion with its texts in ``language`` where the data has them."""
        texts = self.translations.get(language.lower(), {})
        if not texts:
            return self
        days = tuple(SuggestedDay(d.day, d.kind, texts.get("day_name", d.name)) for d in self.days)
        return replace(
            self,
            days=days,
            title=texts.get("title", self.title),
            act=texts.get("act", self.act),
            applies_to=texts.get("applies_to", self.applies_to),
            private_employers=texts.get("private_employers", self.private_employers),
            note=texts.get("note", self.note),
        )

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({d.day.year for d in self.days}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "calendar": self.calendar,
            "title": self.title,
            "act": self.act,
            "adopted": self.adopted.isoformat(),
            "in_force": self.in_force.isoformat() if self.in_force else None,
            "source": self.source,
            "applies_to": self.applies_to,
            "private_employers": self.private_employers,
            "confidence": self.confidence,
            "needs_legal_review": self.needs_legal_review,
            "note": self.note,
            "days": [{"day": d.day.isoformat(), "kind": d.kind, "name": d.name} for d in self.days],
            "translations": {k: dict(v) for k, v in sorted(self.translations.items())},
        }


_SUGGESTION_KEYS: dict[str, tuple[type, bool]] = {
    "id": (str, True),
    "calendar": (str, True),
    "title": (str, True),
    "act": (str, True),
    "adopted": (date, True),
    "in_force": (date, False),
    "source": (str, True),
    "applies_to": (str, True),
    "private_employers": (str, True),
    "confidence": (str, True),
    "needs_legal_review": (bool, True),
    "note": (str, False),
    "day": (list, True),
    "translations": (dict, False),
}

#: Texts of a suggestion that ``[suggestion.translations.<lang>]`` may give in another language
#: (``day_name``: the name of every day).
SUGGESTION_TEXT_KEYS = (
    "title",
    "act",
    "applies_to",
    "private_employers",
    "note",
    "day_name",
)


class InvalidSuggestions(InvalidInput):
    """A file under resources/calendars is malformed (a bug in the bundled data)."""


def _suggestion_value(where: str, table: Mapping[str, Any], key: str, kind: type) -> Any:
    value = table[key]
    if kind is date and (not isinstance(value, date) or isinstance(value, datetime)):
        raise InvalidSuggestions(f"Calendar suggestions {where}: {key!r} must be a date.")
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise InvalidSuggestions(
            f"Calendar suggestions {where}: {key!r} must be a {kind.__name__}."
        )
    return value


def parse_suggestions(texts: Mapping[str, str]) -> tuple[CalendarSuggestion, ...]:
    """Parse ``resources/calendars/*.toml`` (file name -> TOML text). Pure."""
    found: list[CalendarSuggestion] = []
    seen: set[str] = set()
    for name, text in sorted(texts.items()):
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidSuggestions(
                f"Calendar suggestions {name}: not valid TOML ({exc})."
            ) from None
        if set(doc) - {"suggestion"}:
            raise InvalidSuggestions(f"Calendar suggestions {name}: only [[suggestion]] tables.")
        for table in doc.get("suggestion", []):
            where = f"{name} {table.get('id', '?')!r}"
            unknown = sorted(set(table) - set(_SUGGESTION_KEYS))
            missing = sorted(
                k for k, (_t, req) in _SUGGESTION_KEYS.items() if req and k not in table
            )
            if unknown or missing:
                bad = f"unknown key {unknown[0]!r}" if unknown else f"missing key {missing[0]!r}"
                raise InvalidSuggestions(f"Calendar suggestions {where}: {bad}.")
            values = {
                k: _suggestion_value(where, table, k, t)
                for k, (t, _r) in _SUGGESTION_KEYS.items()
                if k in table
            }
            days: list[SuggestedDay] = []
            for entry in values.pop("day"):
                if set(entry) != {"day", "kind", "name"}:
                    raise InvalidSuggestions(
                        f"Calendar suggestions {where}: each day has day, kind and name."
                    )
                day = _suggestion_value(where, entry, "day", date)
                kind = _suggestion_value(where, entry, "kind", str)
                if kind not in SUGGESTED_DAY_KINDS:
                    raise InvalidSuggestions(
                        f"Calendar suggestions {where}: kind {kind!r} is not holiday or working."
                    )
                days.append(SuggestedDay(day, kind, _suggestion_value(where, entry, "name", str)))
            if not days:
                raise InvalidSuggestions(f"Calendar suggestions {where}: no days.")
            translations: dict[str, dict[str, str]] = {}
            for language, texts in values.pop("translations", {}).items():
                extra = sorted(set(texts) - set(SUGGESTION_TEXT_KEYS))
                if extra or not all(isinstance(v, str) for v in texts.values()):
                    raise InvalidSuggestions(
                        f"Calendar suggestions {where}: translation {language!r} has "
                        + (
                            f"unknown key {extra[0]!r}."
                            if extra
                            else "a text that is not a string."
                        )
                    )
                translations[str(language).lower()] = dict(texts)
            if values["id"] in seen:
                raise InvalidSuggestions(f"Calendar suggestions {where}: the id is used twice.")
            seen.add(values["id"])
            WorkingCalendar.from_code(values["calendar"])  # must be a known calendar
            found.append(
                CalendarSuggestion(
                    calendar=values.pop("calendar").strip().upper(),
                    in_force=values.pop("in_force", None),
                    note=values.pop("note", ""),
                    days=tuple(sorted(days, key=lambda d: d.day)),
                    translations=MappingProxyType(translations),
                    **values,
                )
            )
    return tuple(found)


@cache
def default_suggestions() -> tuple[CalendarSuggestion, ...]:
    """The suggestions bundled with DPO Desk (``resources/calendars/*.toml``)."""
    from dpo_desk.resources import read_texts

    return parse_suggestions(read_texts("calendars", ".toml"))
