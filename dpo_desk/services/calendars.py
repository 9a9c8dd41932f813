"""Calendar suggestions: acts that give some employers extra days off, applied per controller.

A Kyrgyz Cabinet resolution makes days off for state and budget bodies and only *recommends*
them to private employers (``resources/calendars/KG.toml``). The DPO applies such a suggestion
to the controllers that followed it, in one step; the window's calendar-overrides dialog and
``dpo-desk calendar suggestions|apply|withdraw`` both call this module, which decides:

* which suggestions a jurisdiction has (by its calendar), optionally for one year;
* whether a controller can take one (one of its regimes counts on that calendar);
* what applying means: the suggestion's days become that controller's calendar overrides
  (source = the suggestion id), the controller's open cases are recomputed, the audit trail
  records it; applying twice changes nothing; withdrawing removes exactly those rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dpo_desk.casefile.deadlines import (
    ControllerOverrideRow,
    controller_overrides,
    remove_controller_overrides,
    set_controller_overrides,
)
from dpo_desk.core.calendars import CalendarSuggestion, default_suggestions
from dpo_desk.core.errors import KnownError
from dpo_desk.core.rules import default_rulebook

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile
    from dpo_desk.core.model import Controller


class UnknownSuggestion(KnownError):
    """No bundled calendar suggestion has this id."""


class SuggestionNotApplicable(KnownError):
    """The controller's regimes do not count on the suggestion's calendar."""


@dataclass(frozen=True)
class SuggestionView:
    """A suggestion as shown to the DPO, with whether a controller has taken it."""

    suggestion: CalendarSuggestion
    controller: str | None  # slug, when asked for one controller
    applied: bool

    def to_dict(self) -> dict[str, Any]:
        return {**self.suggestion.to_dict(), "controller": self.controller, "applied": self.applied}


@dataclass(frozen=True)
class ApplyResult:
    suggestion: CalendarSuggestion
    controller: str
    applied: bool  # the state after the call
    changed: bool  # False: it already was in that state

    def to_dict(self) -> dict[str, Any]:
        return {
            "suggestion": self.suggestion.id,
            "controller": self.controller,
            "applied": self.applied,
            "changed": self.changed,
            "days": [d.day.isoformat() for d in self.suggestion.days],
            "needs_legal_review": self.suggestion.needs_legal_review,
            "private_employers": self.suggestion.private_employers,
        }


def suggestions_for(jurisdiction: str, year: int | None = None) -> tuple[CalendarSuggestion, ...]:
    """The bundled suggestions on a jurisdiction's calendar (and touching ``year``)."""
    code = default_rulebook().jurisdiction(jurisdiction).calendar_code
    return tuple(
        s for s in default_suggestions() if s.calendar == code and (year is None or year in s.years)
    )


def find_suggestion(suggestion_id: str) -> CalendarSuggestion:
    wanted = suggestion_id.strip().upper()
    for s in default_suggestions():
        if s.id.upper() == wanted:
            return s
    known = ", ".join(s.id for s in default_suggestions()) or "none"
    raise UnknownSuggestion(f"There is no calendar suggestion {suggestion_id!r} (known: {known}).")


def _applied_ids(cf: CaseFile, controller: Controller) -> set[str]:
    assert controller.id is not None
    return {r.source for r in controller_overrides(cf, controller.id) if r.source}


def list_suggestions(
    jurisdiction: str,
    year: int | None = None,
    cf: CaseFile | None = None,
    controller_slug: str | None = None,
) -> list[SuggestionView]:
    """Suggestions for a jurisdiction; with a case file and a controller, whether it took each."""
    found = suggestions_for(jurisdiction, year)
    if cf is None or not controller_slug:
        return [SuggestionView(s, None, False) for s in found]
    controller = cf.controllers.by_slug(controller_slug)
    assert controller is not None
    taken = _applied_ids(cf, controller)
    return [SuggestionView(s, controller.slug, s.id in taken) for s in found]


def controller_suggestions(cf: CaseFile, controller_slug: str) -> list[SuggestionView]:
    """Every suggestion on the calendars of a controller's regimes, with its state."""
    controller = cf.controllers.by_slug(controller_slug)
    assert controller is not None
    codes = _calendar_codes(controller)
    taken = _applied_ids(cf, controller)
    return [
        SuggestionView(s, controller.slug, s.id in taken)
        for s in default_suggestions()
        if s.calendar in codes
    ]


def _calendar_codes(controller: Controller) -> set[str]:
    book = default_rulebook()
    codes: set[str] = set()
    for code in controller.jurisdictions:
        try:
            codes.add(book.jurisdiction(code).calendar_code)
        except KnownError:
            continue
    return codes


def apply_suggestion(cf: CaseFile, controller_slug: str, suggestion_id: str) -> ApplyResult:
    """Make a suggestion's days the controller's own calendar overrides (idempotent)."""
    suggestion = find_suggestion(suggestion_id)
    controller = cf.controllers.by_slug(controller_slug)
    assert controller is not None and controller.id is not None
    if suggestion.calendar not in _calendar_codes(controller):
        regimes = ", ".join(controller.jurisdictions) or "none"
        raise SuggestionNotApplicable(
            f"Controller {controller.slug} counts no deadline on the {suggestion.calendar} "
            f"calendar (its regimes: {regimes}), so {suggestion.id} cannot apply to it."
        )
    if suggestion.id in _applied_ids(cf, controller):
        return ApplyResult(suggestion, controller.slug, applied=True, changed=False)
    rows = [
        ControllerOverrideRow(
            controller.id, suggestion.calendar, d.day, d.kind, f"{d.name}; {suggestion.act}"
        )
        for d in suggestion.days
    ]
    set_controller_overrides(cf, controller.id, rows, suggestion.id)
    return ApplyResult(suggestion, controller.slug, applied=True, changed=True)


def withdraw_suggestion(cf: CaseFile, controller_slug: str, suggestion_id: str) -> ApplyResult:
    """Remove the overrides a suggestion gave one controller (nothing to do is no error)."""
    suggestion = find_suggestion(suggestion_id)
    controller = cf.controllers.by_slug(controller_slug)
    assert controller is not None and controller.id is not None
    if suggestion.id not in _applied_ids(cf, controller):
        return ApplyResult(suggestion, controller.slug, applied=False, changed=False)
    remove_controller_overrides(cf, controller.id, suggestion.id)
    return ApplyResult(suggestion, controller.slug, applied=False, changed=True)
