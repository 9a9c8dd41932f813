"""Letters: the rules decided once for the window and the command line.

The letters engine (``dpo_desk.letters``) composes and renders; this module decides whether a
letter may go out:

- **Refused, no override** (:class:`LetterRefused`): an access response while the controller's
  processing profile in the reply's language lacks an item a law on the case requires (152-FZ
  Art. 14(7), GDPR Art. 15(1)-(2), 94-V Art. 24(1)(1), Law 58; see ``letters/profile.py``); any
  letter still showing "(сведения не внесены)" (or its equivalent in any letter language) or a
  blank to fill ("________"); an extension notice where a law on the case has no extension
  (Kazakhstan 94-V, Kyrgyzstan Law 58).
- **Warnings that must be acknowledged** (window: a tick; command line:
  ``--acknowledge-warnings``): the engine's blocking warnings and a free-text item written in
  another language than the reply (``foreign_language``). Proper names, addresses and e-mails
  are exempt (the processor item, the letterhead, the recipient).

It also keeps the per-controller settings letters use (profiles per language, the default
signatory, remembered when a letter is finalised with one) and the salutation per case,
suggested from the patronymic or ending of the subject's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from dpo_desk.casefile.letter_profiles import SALUTATION_FORMS, LetterSettingsRepo, Signatory
from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.messages import Clauses, Message
from dpo_desk.core.model import LetterKind
from dpo_desk.letters import profile as prof
from dpo_desk.letters import service as engine
from dpo_desk.letters import templates as tpl
from dpo_desk.letters.checks import LetterWarning
from dpo_desk.letters.profile import suggest_salutation
from dpo_desk.letters.render import regimes_of_input
from dpo_desk.letters.service import (
    BLOCKING,
    EXTRA_FIELDS,
    KINDS,
    LetterBlocked,
    Preview,
    RegisterRow,
    SentResult,
    StoredLetter,
    TemplateText,
    build_input,
    clear_override,
    letter_register,
    page_count,
    parse_kind,
    parse_language,
    record_sent,
    save_draft,
    set_override,
    stored_letter,
    template_text,
    validate_override,
)

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile

__all__ = [
    "BLOCKING",
    "EXTRA_FIELDS",
    "KINDS",
    "REFUSING",
    "SALUTATION_FORMS",
    "LetterBlocked",
    "LetterRefused",
    "Preview",
    "ProfileStatus",
    "RegisterRow",
    "SentResult",
    "Signatory",
    "StoredLetter",
    "TemplateText",
    "available_kinds",
    "extension_available",
    "extension_offered",
    "build_input",
    "clear_override",
    "finalise",
    "finalise_draft",
    "is_blocking",
    "letter_register",
    "page_count",
    "parse_kind",
    "parse_language",
    "preview",
    "profile",
    "profile_status",
    "record_sent",
    "save_draft",
    "set_override",
    "set_profile",
    "set_salutation",
    "set_signatory",
    "signatory",
    "stored_letter",
    "suggest_salutation",
    "template_text",
    "validate_override",
]

#: Findings that refuse finalising outright: no acknowledgement lifts them.
REFUSING: Final[frozenset[str]] = frozenset(
    {"profile_item_missing", "unfilled_particulars", "extension_not_available"}
)
#: Findings the DPO must acknowledge before finalising (besides the engine's ``BLOCKING``).
ACKNOWLEDGE: Final[frozenset[str]] = frozenset({"foreign_language"})

_BLANK: Final = "________"
_A, _R, _I = LetterKind.ACCESS_RESPONSE, LetterKind.REFUSAL, LetterKind.IDENTITY_REQUEST
_C = LetterKind.ACTION_CONFIRMATION
#: (regime, letter kinds, what is unsure) — the research behind it is in the lead's notes.
_UNSURE: Final = (
    (
        "KG",
        (_A,),
        "the items Law 58 requires in an access response were not read in the law's own text "
        "(the list follows Art. 17 and the State Agency's answers)",
    ),
    (
        "KG",
        (_A, _R),
        "Law 58 Art. 17(e)-(f) is cited by the letters «д»/«е» of the Russian text",
    ),
    (
        "RU",
        (_C,),
        "the notice to third parties is cited as 152-FZ Art. 20(3) («разумные меры»); the "
        "part number was not checked against the consolidated text",
    ),
    (
        "GDPR",
        (_I,),
        "the suspension is cited as décret 2019-536 art. 77 (the wording is confirmed, the "
        "article number comes from commentary)",
    ),
    (
        "KZ",
        (_R,),
        "94-V names no single article limiting access: cite the provision relied on in the "
        "legal ground",
    ),
)
_FREE_FIELDS: Final = (
    "refusal_reasons",
    "extension_reasons",
    "identity_doubt",
    "clarification",
    "signatory_title",
)


class LetterRefused(KnownError):
    """Finalising is refused while required particulars are missing (no override)."""

    def __init__(self, warnings: Sequence[LetterWarning]) -> None:
        self.warnings = tuple(warnings)
        clauses = Clauses(w.message for w in warnings)
        super().__init__(Message("The letter cannot be finalised: {clauses}.", clauses=clauses))


def is_blocking(warning: LetterWarning) -> bool:
    """Whether a warning stops finalising (refused, or until acknowledged)."""
    return warning.code in BLOCKING or warning.code in REFUSING or warning.code in ACKNOWLEDGE


# --- the rules ----------------------------------------------------------------------------------


def _kind_regimes(cf: CaseFile, case_id: int) -> tuple[str, ...]:
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    return prof.regimes_of(controller.jurisdictions)


def extension_offered(jurisdictions: Sequence[str]) -> bool:
    """Whether every law of these jurisdictions provides an extension (not 94-V, not Law 58)."""
    return all(r in prof.EXTENSION_REGIMES for r in prof.regimes_of(jurisdictions))


def extension_available(cf: CaseFile, case_id: int) -> bool:
    """An extension notice is offered only where every law on the case provides an extension."""
    return all(r in prof.EXTENSION_REGIMES for r in _kind_regimes(cf, case_id))


def available_kinds(cf: CaseFile, case_id: int, today: date | None = None) -> tuple[str, ...]:
    """The letter kinds the case may get: no extension notice under 94-V or Law 58, nor where
    the rules of the case's requests give no extended date (e.g. 152-FZ erasure)."""
    offered = extension_available(cf, case_id)
    if offered:
        case = cf.cases.get(case_id)
        on = today or case.received
        inp = build_input(cf, case_id, LetterKind.EXTENSION_NOTICE, None, on)
        offered = inp.extended_due is not None
    if offered:
        return KINDS
    return tuple(k for k in KINDS if k != LetterKind.EXTENSION_NOTICE.value)


def _none_markers() -> tuple[str, ...]:
    return tuple(tpl.labels(lang).none_recorded for lang in tpl.LANGUAGES)


def rule_findings(inp: Any, text: str, fields: Mapping[str, Any]) -> list[LetterWarning]:
    """What this module adds to the engine's checks for one composed letter."""
    out: list[LetterWarning] = []
    lang = inp.language
    lab = tpl.labels(lang)
    regimes = regimes_of_input(inp)
    if inp.kind == LetterKind.EXTENSION_NOTICE and not all(
        r in prof.EXTENSION_REGIMES for r in regimes
    ):
        laws = ", ".join(r for r in regimes if r not in prof.EXTENSION_REGIMES)
        out.append(
            LetterWarning(
                "extension_not_available",
                Message(
                    "No extension notice is written for this case: the law of {laws} provides "
                    "no extension of the reply period (Kazakhstan 94-V; Kyrgyzstan Law 58).",
                    laws=laws,
                ),
            )
        )
    elif inp.kind == LetterKind.EXTENSION_NOTICE and inp.extended_due is None:
        out.append(
            LetterWarning(
                "extension_not_available",
                Message(
                    "No extended date applies to this case: the rule of its request allows no "
                    "extension, or the period can no longer be extended."
                ),
            )
        )
    if inp.kind == LetterKind.ACCESS_RESPONSE:
        missing = prof.missing_items(inp.profile, regimes)
        if missing:
            names = ", ".join(f"«{lab.profile_items.get(i, i)}»" for i in missing)
            out.append(
                LetterWarning(
                    "profile_item_missing",
                    Message(
                        "The {language} processing profile of {controller} lacks items the "
                        "law requires: {items}.",
                        language=lang,
                        controller=inp.controller.name,
                        items=names,
                    ),
                )
            )
    # points of law the desk could not confirm: shown, never hidden (non-blocking)
    if inp.kind in (_A, _R, _I, _C):
        points = [
            note for regime, kinds, note in _UNSURE if regime in regimes and inp.kind in kinds
        ]
        if inp.kind in (_A, _R):
            for code in inp.controller.jurisdictions:
                authority = tpl.authority_for(code, inp.controller.jurisdictions)
                if authority is not None and not (authority.confirmed and authority.address):
                    points.append(
                        f"the postal address of {authority.name('en')} is not confirmed "
                        f"({authority.note or 'the letter gives its website only'})"
                    )
        if points:
            out.append(
                LetterWarning(
                    "legal_review_points",
                    Message(
                        "Check before sending: {points}.", points="; ".join(dict.fromkeys(points))
                    ),
                )
            )
    found = [m for m in _none_markers() if m in text]
    if found or _BLANK in text:
        shown = found[0] if found else _BLANK
        out.append(
            LetterWarning(
                "unfilled_particulars",
                Message(
                    "The letter still shows “{shown}” where a particular belongs.", shown=shown
                ),
            )
        )
    # free text in another language than the reply (names, addresses, e-mails are exempt)
    checked: list[tuple[str, str]] = []
    if inp.kind == LetterKind.ACCESS_RESPONSE:
        used = set(prof.required_items(regimes)) | {k for k, v in inp.profile.items() if v}
        checked += [
            (lab.profile_items.get(k, k), inp.profile.get(k, ""))
            for k in prof.ITEMS
            if k in used and k not in prof.NAME_ITEMS
        ]
    checked += [(k, str(fields.get(k, ""))) for k in _FREE_FIELDS if fields.get(k)]
    enclosures = fields.get("enclosures") or ()
    if isinstance(enclosures, str):
        enclosures = (enclosures,)
    checked += [("enclosures", "\n".join(str(e) for e in enclosures))] if enclosures else []
    for name, value in checked:
        other = prof.foreign_fragments(value, lang)
        if other:
            out.append(
                LetterWarning(
                    "foreign_language",
                    Message(
                        "«{field}» reads as {found_language} in a letter in {letter_language}: "
                        "translate it, or acknowledge the warning.",
                        field=name,
                        found_language=tpl.labels(other).language_name,
                        letter_language=lab.language_name,
                    ),
                )
            )
    return out


# --- previewing and finalising ------------------------------------------------------------------


def preview(
    cf: CaseFile,
    case_id: int,
    kind: LetterKind | str,
    language: str | None,
    today: date,
    *,
    body_override: str | None = None,
    **extra: Any,
) -> Preview:
    """The engine's preview with this module's findings added to its warnings."""
    result = engine.preview(
        cf, case_id, kind, language, today, body_override=body_override, **extra
    )
    findings = rule_findings(result.input, result.text.text, extra)
    return replace(result, warnings=[*findings, *result.warnings])


def finalise(
    cf: CaseFile,
    case_id: int,
    kind: LetterKind | str,
    language: str | None,
    today: date,
    *,
    body_override: str | None = None,
    acknowledge_warnings: bool = False,
    letter_id: int | None = None,
    **extra: Any,
) -> Any:
    """Finalise a letter unless a rule refuses it; remember the signatory it was signed with.

    Raises :class:`LetterRefused` (no override) or :class:`LetterBlocked` (until acknowledged).
    """
    checked = preview(cf, case_id, kind, language, today, body_override=body_override, **extra)
    refused = [w for w in checked.warnings if w.code in REFUSING]
    if refused:
        raise LetterRefused(refused)
    to_ack = [w for w in checked.warnings if w.code in BLOCKING or w.code in ACKNOWLEDGE]
    if to_ack and not acknowledge_warnings:
        raise LetterBlocked(to_ack)
    record = engine.finalise(
        cf,
        case_id,
        kind,
        language,
        today,
        body_override=body_override,
        acknowledge_warnings=acknowledge_warnings,
        letter_id=letter_id,
        **extra,
    )
    language_acks = [w.message for w in to_ack if w.code in ACKNOWLEDGE]
    if language_acks:
        cf.log(
            "letter.language_warnings_acknowledged",
            case_id,
            {"letter_id": record.id, "count": len(language_acks)},
        )
    inp = checked.input
    form = str(extra.get("salutation") or "").strip().lower()
    if form in SALUTATION_FORMS:  # the form chosen for this letter is the case's from now on
        LetterSettingsRepo(cf).set_salutation(case_id, form)
    name, title = extra.get("signatory_name"), extra.get("signatory_title")
    if inp.controller.id is not None and (name or title):
        current = signatory(cf, inp.controller.id)
        if (name or current.name, title or current.title) != (current.name, current.title):
            set_signatory(cf, inp.controller.id, name or current.name, title or current.title)
    return record


def finalise_draft(
    cf: CaseFile,
    letter_id: int,
    today: date,
    *,
    acknowledge_warnings: bool = False,
    **changes: Any,
) -> Any:
    """Finalise a saved draft with the fields it was saved with (``changes`` replace some)."""
    draft, body, fields = engine.draft_to_finalise(cf, letter_id, changes)
    return finalise(
        cf,
        draft.case_id,
        draft.kind,
        draft.language,
        today,
        body_override=body,
        acknowledge_warnings=acknowledge_warnings,
        letter_id=letter_id,
        **fields,
    )


# --- settings: profiles, signatory, salutation ---------------------------------------------------


@dataclass(frozen=True)
class ProfileStatus:
    """One language's profile of a controller against the laws on it."""

    language: str
    items: Mapping[str, str]
    required: tuple[str, ...]
    missing: tuple[str, ...]
    foreign: tuple[str, ...]  # items that read as another language
    regimes: tuple[str, ...]
    needs_legal_review: bool  # a regime's list of items is itself unconfirmed (KG)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "items": dict(self.items),
            "required": list(self.required),
            "missing": list(self.missing),
            "foreign": list(self.foreign),
            "regimes": list(self.regimes),
            "needs_legal_review": self.needs_legal_review,
        }


def profile(cf: CaseFile, controller_id: int, language: str) -> dict[str, str]:
    cf.controllers.get(controller_id)
    return LetterSettingsRepo(cf).profile(controller_id, parse_language(language))


def set_profile(
    cf: CaseFile, controller_id: int, language: str, items: Mapping[str, str]
) -> ProfileStatus:
    """Store one language's profile (unknown item names are refused) and say what it lacks."""
    lang = parse_language(language)
    unknown = sorted(set(items) - set(prof.ITEMS))
    if unknown:
        raise InvalidInput(
            f"Unknown profile item(s): {', '.join(unknown)} (valid: {', '.join(prof.ITEMS)})."
        )
    LetterSettingsRepo(cf).set_profile(controller_id, lang, dict(items))
    return profile_status(cf, controller_id, lang)


def profile_status(cf: CaseFile, controller_id: int, language: str) -> ProfileStatus:
    lang = parse_language(language)
    controller = cf.controllers.get(controller_id)
    regimes = prof.regimes_of(controller.jurisdictions)
    items = LetterSettingsRepo(cf).profile(controller_id, lang)
    required = prof.required_items(regimes)
    foreign = tuple(
        k
        for k in prof.ITEMS
        if k not in prof.NAME_ITEMS and items.get(k) and prof.foreign_fragments(items[k], lang)
    )
    return ProfileStatus(
        language=lang,
        items=items,
        required=required,
        missing=prof.missing_items(items, regimes),
        foreign=foreign,
        regimes=regimes,
        needs_legal_review=any(r in prof.NEEDS_REVIEW for r in regimes),
    )


def signatory(cf: CaseFile, controller_id: int) -> Signatory:
    cf.controllers.get(controller_id)
    return LetterSettingsRepo(cf).signatory(controller_id)


def set_signatory(cf: CaseFile, controller_id: int, name: str, title: str) -> Signatory:
    LetterSettingsRepo(cf).set_signatory(controller_id, name, title)
    return signatory(cf, controller_id)


def salutation(cf: CaseFile, case_id: int) -> tuple[str, bool]:
    """The salutation form of a case and whether it was chosen (False: suggested)."""
    chosen = LetterSettingsRepo(cf).salutation(case_id)
    if chosen:
        return chosen, True
    return suggest_salutation(cf.cases.get(case_id).subject.name) or "neutral", False


def set_salutation(cf: CaseFile, case_id: int, form: str) -> str:
    LetterSettingsRepo(cf).set_salutation(case_id, form.strip().lower())
    return form.strip().lower()
