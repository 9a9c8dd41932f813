"""What the letters tab, the templates dialog and the export dialog do to the case file.

Like :mod:`dpo_desk.ui.operations`, every function runs on the database thread (``ctx.db.run``
passes the open ``CaseFile`` first) and returns plain dataclasses; none touches Qt.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dpo_desk.casefile import CaseFile
from dpo_desk.core.messages import Message

from .operations import (
    Changed,
    ExportRequest,
    LetterDraft,
    letter_preview,
    load_case,
    load_template,
    run_export,
)
from .tasks import TaskControl, Ticket

if TYPE_CHECKING:
    from dpo_desk.letters.checks import LetterWarning
    from dpo_desk.letters.service import Preview, TemplateText
    from dpo_desk.reports import ExportResult


# --- a controller's letter settings (issue 16) ------------------------------------------------


@dataclass(frozen=True)
class LetterSettings:
    """A controller's processing profiles per language and its default signatory."""

    profiles: dict[str, dict[str, str]]
    signatory_name: str = ""
    signatory_title: str = ""


def load_letter_settings(cf: CaseFile, controller_id: int) -> LetterSettings:
    from dpo_desk.letters.templates import LANGUAGES
    from dpo_desk.services import letters

    signer = letters.signatory(cf, controller_id)
    return LetterSettings(
        profiles={lang: letters.profile(cf, controller_id, lang) for lang in LANGUAGES},
        signatory_name=signer.name,
        signatory_title=signer.title,
    )


def save_letter_settings(
    cf: CaseFile, controller_id: int, settings: LetterSettings
) -> LetterSettings:
    """Store every language's profile that has text or had some, and the signatory."""
    from dpo_desk.services import letters

    before = load_letter_settings(cf, controller_id)
    for language, items in settings.profiles.items():
        if items != before.profiles.get(language, {}):
            letters.set_profile(cf, controller_id, language, items)
    if (settings.signatory_name, settings.signatory_title) != (
        before.signatory_name,
        before.signatory_title,
    ):
        letters.set_signatory(cf, controller_id, settings.signatory_name, settings.signatory_title)
    return load_letter_settings(cf, controller_id)


# --- the letter's preview --------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedPreview:
    """A rendered letter with every warning the DPO should see before it goes out."""

    preview: Preview
    warnings: tuple[LetterWarning, ...]  # the service's checks, then the envelope's

    @property
    def blocking(self) -> tuple[LetterWarning, ...]:
        from dpo_desk.services.letters import is_blocking

        return tuple(w for w in self.warnings if is_blocking(w))


def envelope_warnings(address: str) -> list[LetterWarning]:
    """What is wrong with the address printed in the envelope's window (nothing blocks)."""
    from dpo_desk.letters.checks import LetterWarning

    lines = [line.strip() for line in address.splitlines() if line.strip()]
    if not lines:
        return [
            LetterWarning(
                "missing_address",
                Message(
                    "The letter has no postal address: the window of the envelope would show "
                    "none. Type the recipient's address."
                ),
            )
        ]
    if len(lines) == 1 and "@" in lines[0] and " " not in lines[0]:
        return [
            LetterWarning(
                "address_is_email",
                Message(
                    "The address is an email address. For a letter by post, type the postal "
                    "address of the recipient."
                ),
            )
        ]
    return []


def preview_letter(cf: CaseFile, case_id: int, today: date, draft: LetterDraft) -> CheckedPreview:
    """Render the draft in memory and check it (the service's checks and the envelope's)."""
    shown = letter_preview(cf, case_id, today, draft)
    warnings = [*shown.warnings, *envelope_warnings(shown.input.recipient_address)]
    return CheckedPreview(shown, tuple(warnings))


def delete_letter_draft(cf: CaseFile, case_id: int, today: date, letter_id: int) -> Changed[int]:
    """Delete a draft of this case (a final letter is evidence: the case file refuses)."""
    from dpo_desk.core.errors import InvalidInput

    if cf.letters.get(letter_id).case_id != case_id:
        raise InvalidInput(Message("Letter {letter} belongs to another case.", letter=letter_id))
    cf.letters.delete_draft(letter_id)
    return Changed(letter_id, load_case(cf, case_id, today))


# --- templates (settings) --------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateState:
    """What the templates dialog shows for one controller, kind and language."""

    controller_id: int
    template: TemplateText
    reviewed: bool  # a lawyer cleared this controller's wording (``TemplateRepo.set_reviewed``)
    overrides: tuple[tuple[str, str], ...]  # (kind, language) of every own wording

    @property
    def needs_review(self) -> bool:
        """The template carries the "needs legal review" marker and nobody cleared it yet."""
        return self.template.needs_legal_review and not self.reviewed


def _needs_legal_review(kind: str, language: str) -> bool:
    from dpo_desk.letters.service import parse_kind
    from dpo_desk.letters.templates import labels, template_flags

    return template_flags(parse_kind(kind), language).needs_legal_review or bool(
        labels(language).needs_legal_review
    )


def template_state(cf: CaseFile, controller_id: int, kind: str, language: str) -> TemplateState:
    from dataclasses import replace

    text = load_template(cf, controller_id, kind, language)
    # The letters' checks ask for a review of every Kazakh and Kyrgyz letter, whatever the
    # override says about itself: show the marker the letters will show.
    if not text.needs_legal_review and _needs_legal_review(kind, language):
        text = replace(text, needs_legal_review=True)
    return TemplateState(
        controller_id=controller_id,
        template=text,
        reviewed=cf.templates.is_reviewed(controller_id, kind, language),
        overrides=tuple(cf.templates.list(controller_id)),
    )


def save_template_text(
    cf: CaseFile, controller_id: int, kind: str, language: str, text: str
) -> TemplateState:
    """Store the controller's own wording (checked by the sandbox first; clears a review)."""
    from dpo_desk.letters.service import set_override

    set_override(cf, controller_id, kind, language, text)
    return template_state(cf, controller_id, kind, language)


def reset_template_text(
    cf: CaseFile, controller_id: int, kind: str, language: str
) -> TemplateState:
    """Go back to the bundled wording (its review, if any, goes with the own wording)."""
    from dpo_desk.letters.service import clear_override

    clear_override(cf, controller_id, kind, language)
    return template_state(cf, controller_id, kind, language)


def mark_template_reviewed(
    cf: CaseFile, controller_id: int, kind: str, language: str, reviewed: bool = True
) -> TemplateState:
    """Record that a lawyer reviewed the wording this controller's letters use (or withdraw it).

    A review belongs to a wording: a bundled template is first kept as the controller's own
    wording, so a later change of the bundled text is not covered by this review.
    """
    from dpo_desk.letters.service import set_override, template_text

    with cf.transaction():
        if reviewed and cf.templates.get(controller_id, kind, language) is None:
            bundled = template_text(cf, controller_id, kind, language)
            set_override(cf, controller_id, kind, language, bundled.text)
        cf.templates.set_reviewed(controller_id, kind, language, reviewed)
    return template_state(cf, controller_id, kind, language)


# --- exports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportChoices:
    """What the export dialog offers: the controllers, and the case a summary is of."""

    controllers: tuple[tuple[str, str], ...]  # (slug, name)
    case_reference: str  # "" when no case was chosen


def export_choices(cf: CaseFile, case_id: int | None) -> ExportChoices:
    reference = cf.cases.get(case_id).reference if case_id is not None else ""
    return ExportChoices(tuple((c.slug, c.name) for c in cf.controllers.list()), reference)


class StoppableControl(TaskControl):
    """A task's control that also stops when the dialog's own flag is set (its Cancel button).

    The job then ends with ``ExportCancelled`` delivered like any result, so the dialog learns
    for certain whether a file was written, whichever executor runs the job.
    """

    def __init__(self, inner: TaskControl, stop: threading.Event) -> None:
        super().__init__(Ticket(0), lambda _progress: None)
        self._inner = inner
        self._stop = stop

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set() or self._inner.cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._inner.progress(done, total, text)


def export_job(
    control: TaskControl,
    cf: CaseFile,
    request: ExportRequest,
    today: date,
    stop: threading.Event,
) -> ExportResult:
    """Write one export (atomically, audited) with progress; ``stop`` cancels it."""
    return run_export(StoppableControl(control, stop), cf, request, today)


__all__ = [
    "CheckedPreview",
    "StoppableControl",
    "TemplateState",
    "ExportChoices",
    "delete_letter_draft",
    "envelope_warnings",
    "export_choices",
    "export_job",
    "mark_template_reviewed",
    "preview_letter",
    "reset_template_text",
    "save_template_text",
    "template_state",
]
