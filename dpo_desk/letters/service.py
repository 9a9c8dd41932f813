"""Letters on the case file: build, preview, draft, finalise, send, register; template overrides.

- :func:`build_input` fills a :class:`~dpo_desk.letters.render.LetterInput` from the case file:
  the controller (letterhead, profile), the recipient, the governing deadline of the case, the
  regime whose authority a refusal names, the actions a confirmation confirms, and whatever the
  DPO adds (reasons, legal ground, enclosures, identity doubt...) as keyword arguments.
- :func:`preview` renders the PDF in memory with the controller's template override (if any) and
  runs the pre-send checks; nothing is stored.
- :func:`save_draft` keeps the composed text and the DPO's fields; :func:`finalise` stores the PDF
  with its SHA-256 (immutable from then on: a trigger in the file guards it) and applies the
  letter's effect on the case: an extension notice records ``extension_notice_sent`` (refused,
  with the deadline engine's message, when a rule allows no extension), an identity request
  pauses the clock and sets the case to awaiting identity.
- :func:`record_sent` writes the letter register (date, channel, registered number) and moves the
  case: an access response or action confirmation to responded, a refusal to rejected.
- :func:`set_override` / :func:`clear_override`: a controller's own wording of a template, checked
  by the sandboxed template loader before it is stored.

Blocking warnings (:data:`BLOCKING`) stop :func:`finalise` unless the DPO acknowledges them; the
acknowledgement is audited. No Qt, no clock: the case file and ``today`` are arguments.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from dpo_desk import resources
from dpo_desk.casefile.deadlines import calendar_overrides, check_extension
from dpo_desk.casefile.letter_profiles import LetterSettingsRepo, Signatory
from dpo_desk.casefile.records import SEND_CHANNELS, LetterRecord
from dpo_desk.core.deadlines import DeadlineSet, compute_case_deadlines
from dpo_desk.core.errors import InvalidInput, KnownError, NotFound, TemplateError
from dpo_desk.core.messages import Message
from dpo_desk.core.model import (
    Case,
    CaseStatus,
    Channel,
    ClockEvent,
    ClockEventKind,
    Controller,
    LetterKind,
)
from dpo_desk.core.workflow import can_move, check_move
from dpo_desk.letters import templates as tpl
from dpo_desk.letters.checks import LetterWarning, check_letter
from dpo_desk.letters.profile import foreign_fragments, suggest_salutation
from dpo_desk.letters.render import ComposedLetter, LetterInput, compose_text, render_letter
from dpo_desk.letters.templates import TemplateFlags

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile

__all__ = [
    "BLOCKING",
    "EXTRA_FIELDS",
    "KINDS",
    "LetterBlocked",
    "Preview",
    "RegisterRow",
    "SentResult",
    "StoredLetter",
    "TemplateText",
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
    "record_sent",
    "save_draft",
    "set_override",
    "stored_letter",
    "template_text",
    "validate_override",
]

E = ClockEventKind
KINDS: Final[tuple[str, ...]] = tuple(k.value for k in LetterKind)

#: Warnings that stop finalising until the DPO acknowledges them: the letter as written would
#: breach the law or mislead the data subject. Everything else (language mismatch, lateness,
#: legal review, heuristic channel/signature findings, an incomplete profile) only warns.
BLOCKING: Final[frozenset[str]] = frozenset(
    {
        "refusal_without_reasons",
        "refusal_without_legal_ground",
        "missing_complaint_paragraph",
        "paper_id_copy_kz",
        "id_copy_without_doubt",
        "signed_id_copy_without_doubt",
        "internal_target_cited",
        "extension_too_late",
        "extension_not_in_law",
    }
)

_TEXT_FIELDS: Final = (
    "recipient_name",
    "recipient_address",
    "refusal_reasons",
    "legal_ground",
    "extension_reasons",
    "identity_doubt",
    "clarification",
    "signatory_name",
    "signatory_title",
    "paper",
    "window",
    "salutation",
)
_LIST_FIELDS: Final = ("actions", "enclosures", "identity_means")
_BYTES_FIELDS: Final = ("signature_image",)
#: What :func:`build_input` accepts as keyword arguments (besides ``body_override``).
EXTRA_FIELDS: Final[frozenset[str]] = frozenset(_TEXT_FIELDS + _LIST_FIELDS + _BYTES_FIELDS)

#: The status a case moves to when a letter of this kind is recorded as sent.
_SENT_STATUS: Final[Mapping[LetterKind, CaseStatus]] = {
    LetterKind.ACCESS_RESPONSE: CaseStatus.RESPONDED,
    LetterKind.ACTION_CONFIRMATION: CaseStatus.RESPONDED,
    LetterKind.REFUSAL: CaseStatus.REJECTED,
}
_FORMAT = 1  # version of the JSON kept in a letter's ``text``
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


class LetterBlocked(KnownError):
    """Finalising was refused: blocking warnings stand and were not acknowledged."""

    def __init__(self, warnings: Sequence[LetterWarning]) -> None:
        self.warnings = tuple(warnings)
        codes = ", ".join(w.code for w in self.warnings)
        count = len(self.warnings)
        if count == 1:
            message = Message(
                "The letter was not finalised: 1 blocking warning ({codes}) must be resolved "
                "or acknowledged first.",
                codes=codes,
            )
        else:
            message = Message(
                "The letter was not finalised: {count} blocking warnings ({codes}) must be "
                "resolved or acknowledged first.",
                count=count,
                codes=codes,
            )
        super().__init__(message)


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    """A letter rendered in memory, with what the DPO should see before it goes out."""

    pdf: bytes
    text: ComposedLetter
    warnings: list[LetterWarning]
    flags: TemplateFlags  # needs_legal_review, review_note, source ("bundled" | "override")
    input: LetterInput
    pages: int

    @property
    def blocking(self) -> list[LetterWarning]:
        return [w for w in self.warnings if is_blocking(w)]


@dataclass(frozen=True)
class StoredLetter:
    """What a letter record's ``text`` holds: the composed text and the fields it came from."""

    subject: str
    body: str
    paragraphs: tuple[str, ...]
    letter_date: date | None
    warnings: tuple[LetterWarning, ...]
    acknowledged: tuple[str, ...]  # codes of blocking warnings the DPO acknowledged
    template_source: str
    needs_legal_review: bool
    body_override: str | None
    fields: Mapping[str, Any] = field(default_factory=dict)  # the keyword arguments given


@dataclass(frozen=True)
class SentResult:
    letter: LetterRecord
    case_status: str
    status_changed: bool
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "letter": self.letter.to_dict(),
            "case_status": self.case_status,
            "status_changed": self.status_changed,
            "note": self.note or None,
        }


@dataclass(frozen=True)
class RegisterRow:
    """One line of the letter register."""

    letter_id: int
    case_id: int
    reference: str
    kind: str
    language: str
    dated: date | None  # the letter's date
    finalised: date | None  # when it was finalised (the case file's clock)
    sent: date | None
    channel: str | None
    registered_no: str
    sha256: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "letter_id": self.letter_id,
            "case_id": self.case_id,
            "reference": self.reference,
            "kind": self.kind,
            "language": self.language,
            "dated": self.dated.isoformat() if self.dated else None,
            "finalised": self.finalised.isoformat() if self.finalised else None,
            "sent": self.sent.isoformat() if self.sent else None,
            "channel": self.channel,
            "registered_no": self.registered_no,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class TemplateText:
    """The template a controller's letters of one kind and language use, as TOML text."""

    kind: str
    language: str
    source: str  # "bundled" | "override"
    text: str
    needs_legal_review: bool
    review_note: str
    placeholders: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "language": self.language,
            "source": self.source,
            "text": self.text,
            "needs_legal_review": self.needs_legal_review,
            "review_note": self.review_note,
            "placeholders": list(self.placeholders),
        }


# --- small helpers ------------------------------------------------------------------------------


def parse_kind(value: LetterKind | str) -> LetterKind:
    """A letter kind by name; an unknown name raises ``InvalidInput`` listing the valid ones."""
    try:
        return LetterKind(str(value).strip())
    except ValueError:
        raise InvalidInput(f"Unknown letter kind '{value}' (valid: {', '.join(KINDS)}).") from None


def parse_language(value: str) -> str:
    """A letter language code; one without templates raises ``InvalidInput`` listing the valid."""
    code = str(value).strip().lower()
    if code not in tpl.LANGUAGES:
        raise InvalidInput(f"No letters in language '{value}' (valid: {', '.join(tpl.LANGUAGES)}).")
    return code


def is_blocking(warning: LetterWarning) -> bool:
    return warning.code in BLOCKING


def page_count(pdf: bytes) -> int:
    """Pages of a PDF written by the renderer (page objects are not compressed there)."""
    return len(_PAGE.findall(pdf))


def _default_language(case: Case, controller: Controller) -> str:
    for code in (case.reply_language, *controller.languages):
        if code and code.strip().lower() in tpl.LANGUAGES:
            return code.strip().lower()
    return "en"


def _clean_fields(extra: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(extra) - EXTRA_FIELDS)
    if unknown:
        raise InvalidInput(
            f"Unknown letter field(s): {', '.join(unknown)} "
            f"(valid: {', '.join(sorted(EXTRA_FIELDS))})."
        )
    out: dict[str, Any] = {}
    for key, value in extra.items():
        if value is None:
            continue
        if key in _TEXT_FIELDS:
            if not isinstance(value, str):
                raise InvalidInput(f"The letter field '{key}' must be text.")
            out[key] = value
        elif key in _LIST_FIELDS:
            items = (value,) if isinstance(value, str) else tuple(value)
            if not all(isinstance(i, str) for i in items):
                raise InvalidInput(f"The letter field '{key}' must be a list of texts.")
            out[key] = tuple(i for i in items if i.strip())
        else:
            if not isinstance(value, bytes | bytearray):
                raise InvalidInput(f"The letter field '{key}' must be image bytes.")
            out[key] = bytes(value)
    return out


def _case_and_controller(cf: CaseFile, case_id: int) -> tuple[Case, Controller]:
    case = cf.cases.get(case_id)
    return case, cf.controllers.get(case.controller_id)


def _deadlines(
    cf: CaseFile,
    case: Case,
    controller: Controller,
    today: date,
    extra_events: Sequence[ClockEvent] = (),
) -> DeadlineSet:
    """The case's deadlines as of ``today`` (an open pause counts up to today)."""
    return compute_case_deadlines(
        controller.jurisdictions,
        [str(k) for k in case.kinds],
        case.received,
        [*cf.cases.clock_events(case.id or 0), *extra_events],
        overrides=calendar_overrides(cf, case.controller_id),
        today=today,
    )


def _extended_due(
    cf: CaseFile, case: Case, controller: Controller, today: date, current: DeadlineSet
) -> date | None:
    """The governing due date once an extension notice goes out today (None: no extension)."""
    governing = current.governing
    if governing is None:
        return None
    if today >= case.received:
        notice = ClockEvent(E.EXTENSION_NOTICE_SENT, today, "")
        after = _deadlines(cf, case, controller, today, [notice]).governing
        if after is not None and after.due > governing.due:
            return after.due
    return governing.extended_due


def _original_due(cf: CaseFile, case: Case, controller: Controller, today: date) -> date | None:
    """The governing due date as it was before a recorded extension (None: none recorded)."""
    events = cf.cases.clock_events(case.id or 0)
    if not any(e.kind == E.EXTENSION_NOTICE_SENT for e in events):
        return None
    kept = [e for e in events if e.kind != E.EXTENSION_NOTICE_SENT]
    before = compute_case_deadlines(
        controller.jurisdictions,
        [str(k) for k in case.kinds],
        case.received,
        kept,
        overrides=calendar_overrides(cf),
        today=today,
    ).governing
    return before.due if before is not None else None


def _title_in(signatory: Signatory | None, language: str) -> str:
    """The controller's remembered title, unless it is written in another language than the
    letter (then the letter's own DPO title is used)."""
    if signatory is None or not signatory.title.strip():
        return ""
    return "" if foreign_fragments(signatory.title, language) else signatory.title


def _recipient_address(case: Case) -> str:
    """Postal address for the window envelope; for an email case, the email address line."""
    subject = case.subject
    if case.channel == Channel.EMAIL and subject.email.strip():
        return subject.email.strip()
    return subject.address.strip() or subject.email.strip()


def _identity_doubt(cf: CaseFile, case_id: int) -> str:
    """What the DPO wrote when the last identity check asked for more information."""
    latest = cf.identity.latest(case_id)
    if latest is None or latest.outcome != "more_information_needed":
        return ""
    return str(latest.checklist.get("request_more", "")).strip()


def _open_since(events: Iterable[ClockEvent], asked: E, answered: E) -> date | None:
    """The date of a request still awaiting its answer (the engine's pairing)."""
    opened: date | None = None
    for event in sorted(events, key=lambda e: (e.on, e.kind == answered)):
        if event.kind == asked and opened is None:
            opened = event.on
        elif event.kind == answered:
            opened = None
    return opened


# --- building and previewing --------------------------------------------------------------------


def build_input(
    cf: CaseFile,
    case_id: int,
    kind: LetterKind | str,
    language: str | None,
    today: date,
    **extra: Any,
) -> LetterInput:
    """Everything a letter needs, from the case file and the DPO's fields (``EXTRA_FIELDS``).

    ``language`` None: the case's reply language (else the controller's first letter language).
    ``body_override`` may be given too: the DPO's edited text.
    """
    body_override = extra.pop("body_override", None)
    letter_kind = parse_kind(kind)
    fields = _clean_fields(extra)
    case, controller = _case_and_controller(cf, case_id)
    lang = parse_language(language) if language else _default_language(case, controller)
    deadlines = _deadlines(cf, case, controller, today)
    governing = deadlines.governing
    extended_due: date | None = None
    original_due: date | None = None
    if letter_kind == LetterKind.EXTENSION_NOTICE and governing is not None and governing.extended:
        # an extension is already recorded: the notice states the period before it and after
        original_due = _original_due(cf, case, controller, today)
        extended_due = governing.due
    elif letter_kind == LetterKind.EXTENSION_NOTICE:
        extended_due = _extended_due(cf, case, controller, today, deadlines)
    elif governing is not None and governing.extended:
        extended_due = governing.extended_due
    if governing is not None:
        jurisdiction = governing.jurisdiction
    else:
        jurisdiction = controller.jurisdictions[0] if controller.jurisdictions else ""
    actions: tuple[str, ...] = fields.get("actions", ())
    if not actions and letter_kind == LetterKind.ACTION_CONFIRMATION:
        actions = tuple(str(k) for k in case.kinds if k in tpl.ACTION_KINDS)
    settings = LetterSettingsRepo(cf)
    profile = settings.profile(controller.id, lang) if controller.id is not None else {}
    signatory = settings.signatory(controller.id) if controller.id is not None else None
    salutation = (
        fields.get("salutation", "").strip().lower()
        or settings.salutation(case.id or case_id)
        or suggest_salutation(case.subject.name)
    )
    doubt = fields.get("identity_doubt", "")
    if not doubt.strip() and letter_kind == LetterKind.IDENTITY_REQUEST:
        doubt = _identity_doubt(cf, case.id or case_id)
    return LetterInput(
        kind=letter_kind,
        language=lang,
        controller=controller,
        case=case,
        date=today,
        recipient_name=fields.get("recipient_name", "").strip() or case.subject.name,
        recipient_address=fields.get("recipient_address", "").strip() or _recipient_address(case),
        deadline_due=governing.due if governing else None,
        deadline_statutory=governing.statutory if governing else True,
        deadline_citation=tpl.law_citation(governing.jurisdiction, lang) if governing else "",
        extended_due=extended_due,
        extension_reasons=fields.get("extension_reasons", ""),
        jurisdiction=jurisdiction,
        refusal_reasons=fields.get("refusal_reasons", ""),
        legal_ground=fields.get("legal_ground", ""),
        actions=actions,
        enclosures=fields.get("enclosures", ()),
        signatory_name=fields.get("signatory_name", "")
        or (signatory.name if signatory is not None else ""),
        signatory_title=fields.get("signatory_title", "") or _title_in(signatory, lang),
        signature_image=fields.get("signature_image"),
        body_override=body_override,
        paper=fields.get("paper", "").strip() or "A4",
        window=fields.get("window", "").strip() or "DIN5008B",
        identity_doubt=doubt,
        identity_means=fields.get("identity_means", ()),
        clarification=fields.get("clarification", ""),
        profile=profile,
        salutation=salutation,
        original_due=original_due,
        audit_reference=_audit_reference(cf),  # issue 20
    )


def _audit_reference(cf: CaseFile) -> str:
    """Issue 20: the audit chain's head, short, for the letter's footer."""
    head = cf.head()
    return f"Audit {head.short()}" if head else ""


@dataclass(frozen=True)
class _Prepared:
    input: LetterInput
    override: str | None
    composed: ComposedLetter
    warnings: list[LetterWarning]
    flags: TemplateFlags
    fields: dict[str, Any]


def _prepare(
    cf: CaseFile,
    case_id: int,
    kind: LetterKind | str,
    language: str | None,
    today: date,
    body_override: str | None,
    extra: Mapping[str, Any],
) -> _Prepared:
    if body_override is not None and not body_override.strip():
        raise InvalidInput(Message("The edited letter text is empty."))
    inp = build_input(cf, case_id, kind, language, today, body_override=body_override, **extra)
    controller = inp.controller
    override = (
        cf.templates.get(controller.id, inp.kind.value, inp.language)
        if controller.id is not None
        else None
    )
    composed = compose_text(inp, override)
    events = cf.cases.clock_events(inp.case.id or case_id)
    governing_due = inp.deadline_due
    extended = any(e.kind == E.EXTENSION_NOTICE_SENT for e in events)
    passed = governing_due is not None and today > governing_due and not extended
    # A lawyer cleared this controller's own wording (``TemplateRepo.set_reviewed``); saving
    # the wording again clears the mark.
    reviewed = (
        override is not None
        and controller.id is not None
        and cf.templates.is_reviewed(controller.id, inp.kind.value, inp.language)
    )
    warnings = check_letter(
        inp,
        inp.case.language,
        controller.jurisdictions,
        today,
        passed,
        composed.text,
        legal_review_cleared=reviewed,
        template_override=override,
    )
    flags = tpl.template_flags(inp.kind, inp.language, override)
    return _Prepared(inp, override, composed, warnings, flags, _clean_fields(extra))


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
    """The letter rendered in memory, with the checks' warnings and the template's review flag."""
    prepared = _prepare(cf, case_id, kind, language, today, body_override, extra)
    pdf = render_letter(prepared.input, prepared.override)
    return Preview(
        pdf=pdf,
        text=prepared.composed,
        warnings=list(prepared.warnings),
        flags=prepared.flags,
        input=prepared.input,
        pages=page_count(pdf),
    )


# --- storing ------------------------------------------------------------------------------------


def _encode_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, bytes):
            out[key] = {"base64": base64.b64encode(value).decode("ascii")}
        elif isinstance(value, tuple):
            out[key] = list(value)
        else:
            out[key] = value
    return out


def _decode_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in EXTRA_FIELDS:
            continue
        if isinstance(value, dict) and "base64" in value:
            try:
                out[key] = base64.b64decode(value["base64"], validate=True)
            except (binascii.Error, TypeError):
                raise KnownError(f"The stored letter field '{key}' is damaged.") from None
        elif isinstance(value, list):
            out[key] = tuple(value)
        else:
            out[key] = value
    return out


def _letter_json(prepared: _Prepared, acknowledged: Sequence[str] = ()) -> str:
    composed = prepared.composed
    return json.dumps(
        {
            "format": _FORMAT,
            "subject": composed.subject,
            "paragraphs": list(composed.paragraphs),
            "body": composed.body,
            "letter_date": prepared.input.date.isoformat(),
            "template": {
                "source": prepared.flags.source,
                "needs_legal_review": prepared.flags.needs_legal_review,
                "review_note": prepared.flags.review_note,
            },
            "warnings": [{"code": w.code, "message": w.message} for w in prepared.warnings],
            "acknowledged": list(acknowledged),
            "body_override": prepared.input.body_override,
            "fields": _encode_fields(prepared.fields),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def stored_letter(record: LetterRecord) -> StoredLetter:
    """Read back what :func:`save_draft` / :func:`finalise` kept in a letter's ``text``."""
    try:
        data = json.loads(record.text)
    except (TypeError, ValueError):
        data = None
    if not isinstance(data, dict) or "body" not in data:
        # text written by other means: plain text, kept as the body
        return StoredLetter("", record.text, (record.text,), None, (), (), "", False, None, {})
    template = data.get("template") or {}
    letter_date = data.get("letter_date")
    return StoredLetter(
        subject=str(data.get("subject", "")),
        body=str(data["body"]),
        paragraphs=tuple(str(p) for p in data.get("paragraphs", ())),
        letter_date=date.fromisoformat(letter_date) if letter_date else None,
        warnings=tuple(
            LetterWarning(str(w.get("code", "")), str(w.get("message", "")))
            for w in data.get("warnings", ())
        ),
        acknowledged=tuple(str(c) for c in data.get("acknowledged", ())),
        template_source=str(template.get("source", "")),
        needs_legal_review=bool(template.get("needs_legal_review", False)),
        body_override=data.get("body_override"),
        fields=_decode_fields(data.get("fields") or {}),
    )


def _check_draft(cf: CaseFile, case_id: int, letter_id: int) -> LetterRecord:
    draft = cf.letters.get(letter_id)
    if draft.case_id != case_id:
        raise InvalidInput(Message("Letter {letter} belongs to another case.", letter=letter_id))
    if draft.status == "final":
        raise KnownError(
            Message(
                "Letter {letter} is already final; write a new letter instead.", letter=letter_id
            )
        )
    return draft


def save_draft(
    cf: CaseFile,
    case_id: int,
    kind: LetterKind | str,
    language: str | None,
    today: date,
    *,
    body_override: str | None = None,
    letter_id: int | None = None,
    **extra: Any,
) -> LetterRecord:
    """Keep (or update, with ``letter_id``) a draft: its composed text and the DPO's fields."""
    if letter_id is not None:
        _check_draft(cf, case_id, letter_id)
    prepared = _prepare(cf, case_id, kind, language, today, body_override, extra)
    return cf.letters.save_draft(
        case_id,
        prepared.input.kind,
        prepared.input.language,
        _letter_json(prepared),
        letter_id=letter_id,
    )


def _check_extension(cf: CaseFile, case: Case, controller: Controller, today: date) -> None:
    """Refuse an extension notice the case's extension rule does not allow (one rule, ADR 0006)."""
    check_extension(cf, case.id or 0, today, today)


def _apply_effects(cf: CaseFile, record: LetterRecord, inp: LetterInput) -> None:
    """What a finalised letter does to its case (inside the finalising transaction)."""
    case_id = record.case_id
    on = inp.date
    label = f"{inp.kind.value.replace('_', ' ')}, letter {record.id}"
    if inp.kind == LetterKind.EXTENSION_NOTICE:
        cf.cases.add_clock_event(case_id, E.EXTENSION_NOTICE_SENT, on, label)
    elif inp.kind == LetterKind.IDENTITY_REQUEST:
        events = cf.cases.clock_events(case_id)
        if _open_since(events, E.IDENTITY_REQUESTED, E.IDENTITY_RECEIVED) is None:
            cf.cases.add_clock_event(case_id, E.IDENTITY_REQUESTED, on, label)
        asked = _open_since(events, E.CLARIFICATION_REQUESTED, E.CLARIFICATION_RECEIVED)
        if inp.clarification.strip() and asked is None:
            cf.cases.add_clock_event(case_id, E.CLARIFICATION_REQUESTED, on, label)
        if cf.cases.get(case_id).status != CaseStatus.AWAITING_IDENTITY:
            cf.cases.set_status(case_id, CaseStatus.AWAITING_IDENTITY, on=on, reason=label)


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
) -> LetterRecord:
    """Render, store the PDF with its SHA-256 and make the letter immutable; apply its effect.

    ``letter_id`` finalises that draft (it is refused when already final). Blocking warnings
    raise :class:`LetterBlocked` unless ``acknowledge_warnings``. An extension notice that a
    rule does not allow raises the engine's ``ExtensionNotAllowed``; an identity request on a
    case that cannot await identity raises ``InvalidTransition``. Nothing is stored then.
    """
    if letter_id is not None:
        _check_draft(cf, case_id, letter_id)
    prepared = _prepare(cf, case_id, kind, language, today, body_override, extra)
    inp = prepared.input
    if inp.kind == LetterKind.EXTENSION_NOTICE:
        _check_extension(cf, inp.case, inp.controller, today)
    elif (
        inp.kind == LetterKind.IDENTITY_REQUEST and inp.case.status != CaseStatus.AWAITING_IDENTITY
    ):
        check_move(inp.case.status, CaseStatus.AWAITING_IDENTITY)
    blocking = [w for w in prepared.warnings if is_blocking(w)]
    if blocking and not acknowledge_warnings:
        raise LetterBlocked(blocking)
    acknowledged = [w.code for w in blocking]
    pdf = render_letter(inp, prepared.override)
    text = _letter_json(prepared, acknowledged)
    with cf.transaction():
        draft = cf.letters.save_draft(case_id, inp.kind, inp.language, text, letter_id=letter_id)
        record = cf.letters.finalise(draft.id, pdf, text)
        if acknowledged:
            cf.log(
                "letter.warnings_acknowledged",
                case_id,
                {"letter_id": record.id, "codes": acknowledged},
            )
        _apply_effects(cf, record, inp)
    return cf.letters.get(record.id)


def draft_to_finalise(
    cf: CaseFile, letter_id: int, changes: dict[str, Any]
) -> tuple[LetterRecord, str | None, dict[str, Any]]:
    """A saved draft, its body and its fields (``changes`` replace some), ready to finalise;
    refused when the letter is already final. Both finalising paths (this engine's and the
    letters service's, which also remembers the signatory) start here."""
    draft = cf.letters.get(letter_id)
    if draft.status == "final":
        raise KnownError(
            Message(
                "Letter {letter} is already final; write a new letter instead.", letter=letter_id
            )
        )
    stored = stored_letter(draft)
    fields: dict[str, Any] = {**stored.fields}
    body = changes.pop("body_override", stored.body_override)
    fields.update(changes)
    return draft, body, fields


def finalise_draft(
    cf: CaseFile,
    letter_id: int,
    today: date,
    *,
    acknowledge_warnings: bool = False,
    **changes: Any,
) -> LetterRecord:
    """Finalise a saved draft with the fields it was saved with (``changes`` replace some)."""
    draft, body, fields = draft_to_finalise(cf, letter_id, changes)
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


# --- sending and the register -------------------------------------------------------------------


def record_sent(
    cf: CaseFile,
    letter_id: int,
    sent_on: date,
    channel: str,
    registered_no: str = "",
    *,
    today: date | None = None,
) -> SentResult:
    """Record how and when a final letter went out, and move the case's status.

    An access response or action confirmation moves an open case to responded (responded on
    ``sent_on``); a refusal to rejected. A case that cannot make that move keeps its status and
    the result says so. A letter is recorded as sent once.
    """
    if channel not in SEND_CHANNELS:
        raise InvalidInput(f"A letter goes by one of: {', '.join(SEND_CHANNELS)}.")
    letter = cf.letters.get(letter_id)
    if letter.status != "final":
        raise KnownError(Message("Finalise the letter before recording that it was sent."))
    if letter.sent_on is not None:
        raise KnownError(
            f"Letter {letter_id} was already recorded as sent on {letter.sent_on.isoformat()} "
            f"({(letter.channel or '').replace('_', ' ')})."
        )
    letter_date = stored_letter(letter).letter_date or (
        letter.finalised_at.date() if letter.finalised_at else None
    )
    if letter_date is not None and sent_on < letter_date:
        raise InvalidInput(
            f"The letter is dated {letter_date.isoformat()}; it cannot have been sent on "
            f"{sent_on.isoformat()}."
        )
    if today is not None and sent_on > today:
        raise InvalidInput(Message("The date {date} is in the future.", date=sent_on.isoformat()))
    target = _SENT_STATUS.get(letter.kind)
    note = ""
    changed = False
    with cf.transaction():
        record = cf.letters.record_sent(
            letter_id, sent_on=sent_on, channel=channel, registered_no=registered_no
        )
        case = cf.cases.get(letter.case_id)
        if target is not None and case.status != target:
            if can_move(case.status, target):
                reason = f"{letter.kind.value.replace('_', ' ')} sent, letter {letter_id}"
                case = cf.cases.set_status(case.id or 0, target, on=sent_on, reason=reason)
                changed = True
            else:
                note = (
                    f"Case {case.reference} is {case.status.value.replace('_', ' ')}; its "
                    "status was left unchanged."
                )
    return SentResult(record, str(case.status), changed, note)


def letter_register(
    cf: CaseFile, date_from: date | None = None, date_to: date | None = None
) -> list[RegisterRow]:
    """Final letters by finalisation date (inclusive bounds), with their sending record."""
    references: dict[int, str] = {}
    rows: list[RegisterRow] = []
    for letter in cf.letters.register(date_from, date_to):
        if letter.case_id not in references:
            references[letter.case_id] = cf.cases.get(letter.case_id).reference
        rows.append(
            RegisterRow(
                letter_id=letter.id,
                case_id=letter.case_id,
                reference=references[letter.case_id],
                kind=letter.kind.value,
                language=letter.language,
                dated=stored_letter(letter).letter_date,
                finalised=letter.finalised_at.date() if letter.finalised_at else None,
                sent=letter.sent_on,
                channel=letter.channel,
                registered_no=letter.registered_no,
                sha256=letter.sha256,
            )
        )
    return rows


# --- template overrides -------------------------------------------------------------------------


def validate_override(kind: LetterKind | str, language: str, text: str) -> tpl.LetterTemplate:
    """The template an override gives, or ``TemplateError`` saying what is wrong with it.

    The sandbox rules of the templates module apply (``{name}`` only, names allowed for the
    kind, required parts); an overridden body or part must keep every placeholder the bundled
    one uses (it may add allowed ones), and only known parts may be overridden.
    """
    letter_kind = parse_kind(kind)
    lang = parse_language(language)
    if not text.strip():
        raise TemplateError("The template override is empty.")
    merged = tpl.load_template(letter_kind, lang, text)
    data = tomllib.loads(text)  # valid: load_template parsed it
    base = tpl.bundled_template(letter_kind, lang)
    unknown = sorted(set(data.get("parts", {})) - set(base.parts))
    if unknown:
        raise TemplateError(
            f"Unknown part(s) in the override: {', '.join(unknown)} "
            f"(the {letter_kind.value} template has: {', '.join(sorted(base.parts)) or 'none'})."
        )
    sections: list[tuple[str, str, str]] = []
    if "body" in data:
        sections.append(("body", base.body, merged.body))
    for key in data.get("parts", {}):
        sections.append((f"parts.{key}", base.parts[key], merged.parts[key]))
    for section, bundled, given in sections:
        missing = [
            name
            for name in tpl.scan_placeholders(bundled)
            if name not in tpl.scan_placeholders(given, f"{section} of the override")
        ]
        if missing:
            names = ", ".join(f"{{{n}}}" for n in missing)
            raise TemplateError(
                f"The override's {section} leaves out {names}, which the bundled "
                f"{lang} {letter_kind.value} template uses there; keep every placeholder."
            )
    return merged


def set_override(
    cf: CaseFile, controller_id: int, kind: LetterKind | str, language: str, text: str
) -> TemplateFlags:
    """Store a controller's own wording of a template after checking it (audited)."""
    letter_kind = parse_kind(kind)
    lang = parse_language(language)
    cf.controllers.get(controller_id)
    validate_override(letter_kind, lang, text)
    cf.templates.set(controller_id, letter_kind.value, lang, text)
    return tpl.template_flags(letter_kind, lang, text)


def clear_override(cf: CaseFile, controller_id: int, kind: LetterKind | str, language: str) -> None:
    """Go back to the bundled template (audited); ``NotFound`` when there is no override."""
    letter_kind = parse_kind(kind)
    lang = parse_language(language)
    controller = cf.controllers.get(controller_id)
    if cf.templates.get(controller_id, letter_kind.value, lang) is None:
        raise NotFound(
            f"{controller.name} has no override of the {lang} {letter_kind.value} template."
        )
    cf.templates.remove(controller_id, letter_kind.value, lang)


def template_text(
    cf: CaseFile, controller_id: int, kind: LetterKind | str, language: str
) -> TemplateText:
    """The template this controller's letters use: its override, or the bundled file."""
    letter_kind = parse_kind(kind)
    lang = parse_language(language)
    cf.controllers.get(controller_id)
    override = cf.templates.get(controller_id, letter_kind.value, lang)
    if override is None:
        path = resources.path("letters", lang, f"{letter_kind.value}.toml")
        text = path.read_text(encoding="utf-8")
    else:
        text = override
    flags = tpl.template_flags(letter_kind, lang, override)
    return TemplateText(
        kind=letter_kind.value,
        language=lang,
        source=flags.source,
        text=text,
        needs_legal_review=flags.needs_legal_review,
        review_note=flags.review_note,
        placeholders=tpl.list_placeholders(letter_kind, lang, override),
    )
