"""The case rules the window and the command line share (issues 14 and 21).

Each rule is decided here once; ``cli/casefile_cmds.py`` and the window (``ui/operations.py``,
the postal-request dialog, the case overview) only call these functions and show the answer.

* **Closing needs a reply.** A case becomes *responded* or *closed* only when a finalised reply
  letter (access response, action confirmation or refusal) is in its letters register, or when
  the DPO records why there is none (``without_reply``: answered in person, withdrawn, ...).
  The reason goes into the audit trail (``case.without_reply``) and a case note. Closing a case
  that was marked responded without a letter reuses that recorded reason; closing a *withdrawn*
  case needs none (the withdrawal is the reason). ``reason`` keeps its old meaning (the status
  change's comment) and does not bypass the check.
* **A postal case needs somewhere to send the reply**: a postal address or an e-mail address.
  A postmark later than the received date is a warning (the dates are probably swapped or
  mistyped), not a refusal; a received date or a postmark in the future is refused.
* **Events are not in the future**: a clock event (pause, resume, extension notice) dated after
  today is refused.
* **Extensions**: :func:`extension_decision` (ADR 0006). Its body lives in
  ``casefile/deadlines.py`` because the case-file repository and the letters engine, which sit
  below this layer, must enforce the same rule; the window and the command line ask here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dpo_desk.casefile import deadlines as _deadlines
from dpo_desk.casefile.deadlines import ExtensionDecision
from dpo_desk.core.errors import ExtensionNotAllowed, InvalidInput, KnownError
from dpo_desk.core.messages import Message
from dpo_desk.core.model import (
    Case,
    CaseStatus,
    Channel,
    ClockEvent,
    ClockEventKind,
    DataSubject,
    LetterKind,
)
from dpo_desk.core.workflow import check_move

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile
    from dpo_desk.casefile.records import LetterRecord

__all__ = [
    "REPLY_LETTER_KINDS",
    "WITHOUT_REPLY_ACTION",
    "AddedCase",
    "CaseWarning",
    "DateInFuture",
    "ExtensionDecision",
    "NoReplyLetter",
    "PostalContactMissing",
    "ReplyState",
    "StatusChange",
    "add_case",
    "change_status",
    "check_event_date",
    "check_extension",
    "check_postal",
    "extension_decision",
    "needs_reply",
    "record_clock_event",
    "reply_state",
]

#: Letters that answer the request: one of them, finalised, lets a case be responded or closed.
REPLY_LETTER_KINDS = frozenset(
    {LetterKind.ACCESS_RESPONSE, LetterKind.ACTION_CONFIRMATION, LetterKind.REFUSAL}
)
#: The audit action that records why a case was answered without a reply letter.
WITHOUT_REPLY_ACTION = "case.without_reply"
_ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.CLOSED})


class NoReplyLetter(KnownError):
    """A case would be responded or closed with no finalised reply letter and no reason."""


class PostalContactMissing(InvalidInput):
    """A postal case has neither a postal address nor an e-mail address for the reply."""


class DateInFuture(InvalidInput):
    """A date that has to be in the past (received, postmark, event) is after today."""


@dataclass(frozen=True)
class CaseWarning:
    """Something the DPO should look at; it does not stop the step."""

    code: str  # postmark_after_received
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class AddedCase:
    case: Case
    warnings: tuple[CaseWarning, ...] = ()


@dataclass(frozen=True)
class ReplyState:
    """How a case was answered: its finalised reply letter, or the recorded reason for none."""

    letter: LetterRecord | None  # the latest finalised reply letter
    without_reply: str  # the latest recorded reason for answering without one ("" if none)

    @property
    def answered(self) -> bool:
        return self.letter is not None or bool(self.without_reply)


@dataclass(frozen=True)
class StatusChange:
    case: Case
    previous: CaseStatus
    reply_letter_id: int | None
    without_reply: str  # the reason recorded with this change ("" when a letter answered)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.case.id,
            "reference": self.case.reference,
            "status": str(self.case.status),
            "previous": str(self.previous),
            "reply_letter": self.reply_letter_id,
            "without_reply": self.without_reply or None,
        }


# --- closing needs a reply -----------------------------------------------------------------------


def reply_state(cf: CaseFile, case_id: int) -> ReplyState:
    """The case's latest finalised reply letter and any recorded reason for answering without."""
    letters = [
        r
        for r in cf.letters.for_case(case_id)
        if r.status == "final" and r.kind in REPLY_LETTER_KINDS
    ]
    letters.sort(key=lambda r: (r.finalised_at is not None, r.finalised_at, r.id))
    reasons = [
        str(e.data.get("reason", ""))
        for e in cf.audit.events(case_id)
        if e.action == WITHOUT_REPLY_ACTION
    ]
    return ReplyState(letters[-1] if letters else None, reasons[-1] if reasons else "")


def needs_reply(current: CaseStatus, target: CaseStatus) -> bool:
    """Whether moving ``current`` -> ``target`` needs a reply letter or a reason for none."""
    if target == CaseStatus.RESPONDED:
        return True
    return target == CaseStatus.CLOSED and current != CaseStatus.WITHDRAWN


def change_status(
    cf: CaseFile,
    case_id: int,
    status: CaseStatus | str,
    *,
    on: date,
    reason: str = "",
    without_reply: str = "",
) -> StatusChange:
    """Move a case to ``status`` on ``on``; refuse an answered status with nothing to show for it.

    Raises :class:`NoReplyLetter` when the case would become responded or closed with no
    finalised reply letter, no reason recorded earlier and no ``without_reply`` now.
    """
    try:
        target = CaseStatus(str(status).strip())
    except ValueError:
        valid = ", ".join(s.value for s in CaseStatus)
        raise InvalidInput(f"Unknown status '{status}' (valid: {valid}).") from None
    case = cf.cases.get(case_id)
    check_move(case.status, target)
    without_reply = " ".join(without_reply.split())
    state = reply_state(cf, case_id) if target in _ANSWERED else ReplyState(None, "")
    if needs_reply(case.status, target) and not state.answered and not without_reply:
        raise NoReplyLetter(
            Message(
                "Case {reference} has no finalised reply letter (access response, action "
                "confirmation or refusal), so it cannot be marked {status}: finalise the reply "
                "first, or give the reason there is none (answered in person, withdrawn, ...).",
                reference=case.reference,
                status=target.value,
            )
        )
    with cf.transaction():
        if without_reply:
            cf.log(
                WITHOUT_REPLY_ACTION,
                case_id,
                {"to": str(target), "on": on.isoformat(), "reason": without_reply},
            )
            cf.cases.add_note(
                case_id, f"Marked {target.value} without a reply letter: {without_reply}"
            )
        updated = cf.cases.set_status(case_id, target, on=on, reason=reason)
    if target == CaseStatus.CLOSED:
        cf.checkpoint()
    letter_id = int(state.letter.id) if state.letter is not None else None
    return StatusChange(updated, case.status, letter_id, without_reply)


# --- logging a case --------------------------------------------------------------------------


def check_received(received: date, today: date) -> None:
    if received > today:
        raise DateInFuture(
            Message("The received date {date} is in the future.", date=received.isoformat())
        )


def check_postal(
    subject: DataSubject, received: date, postmark: date | None, today: date
) -> tuple[CaseWarning, ...]:
    """The postal-intake rule: refuse what cannot be answered, warn about odd dates."""
    check_received(received, today)
    if not subject.address.strip() and not subject.email.strip():
        raise PostalContactMissing(
            Message(
                "A postal request needs the sender's postal address or e-mail address, or there "
                "is nowhere to send the reply."
            )
        )
    if postmark is None:
        return ()
    if postmark > today:
        raise DateInFuture(
            Message("The postmark {date} is in the future.", date=postmark.isoformat())
        )
    if postmark > received:
        return (
            CaseWarning(
                "postmark_after_received",
                Message(
                    "The postmark ({postmark}) is later than the date the letter was received "
                    "({received}): check both dates.",
                    postmark=postmark.isoformat(),
                    received=received.isoformat(),
                ),
            ),
        )
    return ()


def add_case(cf: CaseFile, case: Case, today: date) -> AddedCase:
    """Log a request typed in by hand (postal requests follow :func:`check_postal`)."""
    warnings: tuple[CaseWarning, ...] = ()
    if case.channel == Channel.POST:
        warnings = check_postal(case.subject, case.received, case.postmark, today)
    else:
        check_received(case.received, today)
        if case.postmark is not None and case.postmark > today:
            raise DateInFuture(
                Message("The postmark {date} is in the future.", date=case.postmark.isoformat())
            )
    return AddedCase(cf.cases.add(case), warnings)


# --- deadlines -------------------------------------------------------------------------------


def check_event_date(on: date, today: date) -> None:
    if on > today:
        raise DateInFuture(
            Message("The event's date {date} is in the future.", date=on.isoformat())
        )


def extension_decision(
    cf: CaseFile, case_id: int, on: date, today: date | None = None
) -> ExtensionDecision:
    """May an extension notice sent on ``on`` extend this case, and what would it do? (ADR 0006)"""
    return _deadlines.extension_decision(cf, case_id, on, today)


def check_extension(
    cf: CaseFile, case_id: int, on: date, today: date | None = None
) -> ExtensionDecision:
    """The decision when the extension is allowed; ``ExtensionNotAllowed`` when it is not."""
    decision = extension_decision(cf, case_id, on, today)
    if not decision.allowed:
        raise ExtensionNotAllowed(decision.reason)
    return decision


def record_clock_event(
    cf: CaseFile,
    case_id: int,
    kind: ClockEventKind | str,
    on: date,
    today: date,
    note: str = "",
) -> ClockEvent:
    """Record a pause, a resume or an extension notice: not in the future, extensions by rule."""
    try:
        event_kind = ClockEventKind(str(kind).strip())
    except ValueError:
        valid = ", ".join(k.value for k in ClockEventKind)
        raise InvalidInput(f"Unknown event '{kind}' (valid: {valid}).") from None
    check_event_date(on, today)
    if event_kind == ClockEventKind.EXTENSION_NOTICE_SENT:
        check_extension(cf, case_id, on)
    return cf.cases.add_clock_event(case_id, event_kind, on, note)
