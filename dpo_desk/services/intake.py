"""Intake use cases: importing mail, the triage inbox, its limits. The rules live here once.

- **Triage**: imported mail that is not confidently a request (the classifier says
  ``not_a_request``: automated or marketing mail, a complaint, a question, or too little
  evidence) waits in the inbox instead of becoming a case with a running deadline.
- **Accept**: the DPO confirms the kinds (the evidence is shown highlighted); the message
  becomes a case exactly as an import would have made it, and leaves the inbox.
- **Dismiss**: the message is deleted (it holds personal data; secure delete) with a reason,
  and an audit event records the dismissal without the message's content.
- **Flood guard**: an import that would store more than ``MAX_NEW_CASES`` messages asks first.

Qt-free; the window and ``dpo-desk import`` / ``dpo-desk inbox`` call these functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dpo_desk.casefile.inbox import InboxItem, InboxRepo
from dpo_desk.core.errors import ImportRejected, InvalidInput, KnownError
from dpo_desk.core.model import RequestKind
from dpo_desk.intake.classify import Classification
from dpo_desk.intake.email_parse import ParsedEmail, parse_bytes
from dpo_desk.intake.service import ImportOptions, ImportOutcome, import_email, import_files

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile

__all__ = [
    "MAX_NEW_CASES",
    "AcceptedMessage",
    "InboxItem",
    "TooManyNewCases",
    "accept",
    "dismiss",
    "evidence_spans",
    "import_mail",
    "inbox",
    "inbox_count",
    "triage_reason",
]

MAX_NEW_CASES = 200  # more new cases than this from one import: the DPO confirms first


class TooManyNewCases(KnownError):
    """One import would open more cases than the DPO is asked to allow without confirming."""

    def __init__(self, message: str, count: int = 0) -> None:
        super().__init__(message)
        self.count = count  # messages in the import


@dataclass(frozen=True)
class AcceptedMessage:
    id: int  # the inbox id the message had
    case_id: int
    reference: str

    def to_dict(self) -> dict[str, object]:
        """The headless contract of ``dpo-desk inbox accept --json``."""
        return {"id": self.id, "reference": self.reference}


# --- triage -----------------------------------------------------------------------------------


def triage_reason(result: Classification) -> str | None:
    """Why a classified message should wait in the inbox, or None if it is a request."""
    if not result.not_a_request:
        return None
    if result.signs:
        return "Looks like automated or marketing mail, not a request: " + "; ".join(
            result.signs[:3]
        )
    if result.suggested:
        return "Perhaps a request (" + ", ".join(result.suggested) + "), but the evidence is weak."
    return "No data-subject request was recognised (a complaint, a question ...?)."


def import_mail(
    cf: CaseFile,
    paths: Sequence[Path],
    today: date,
    *,
    controller_slug: str | None = None,
    follow_ups: bool = True,
    confirmed: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[ImportOutcome]:
    """Import mail files: requests become cases, the rest waits in the inbox.

    Raises :class:`TooManyNewCases` before storing anything when the files hold more than
    :data:`MAX_NEW_CASES` messages and ``confirmed`` is false.
    """

    def guard(count: int) -> None:
        if count > MAX_NEW_CASES and not confirmed:
            raise TooManyNewCases(
                f"The import holds {count} messages, which may open more than "
                f"{MAX_NEW_CASES} new cases; confirm to go on (--yes on the command line).",
                count,
            )

    options = ImportOptions(
        controller_slug=controller_slug,
        follow_ups=follow_ups,
        triage=triage_reason,
        before_import=guard,
    )
    return import_files(cf, list(paths), today, options, progress=progress, cancel=cancel)


# --- the inbox --------------------------------------------------------------------------------


def inbox(cf: CaseFile) -> list[InboxItem]:
    """The messages waiting for triage, newest first."""
    return InboxRepo(cf).list()


def inbox_count(cf: CaseFile) -> int:
    return InboxRepo(cf).count()


def _kinds(kinds: Iterable[str]) -> list[RequestKind]:
    chosen: list[RequestKind] = []
    valid = [str(k) for k in RequestKind]
    for kind in kinds:
        if kind not in valid:
            raise InvalidInput(f"'{kind}' is not a request kind; use one of: {', '.join(valid)}.")
        if RequestKind(kind) not in chosen:
            chosen.append(RequestKind(kind))
    if not chosen:
        raise InvalidInput("Confirm at least one request kind (--kind KIND) to accept a message.")
    return chosen


def accept(
    cf: CaseFile,
    item_id: int,
    kinds: Sequence[str],
    today: date,
    *,
    controller_slug: str | None = None,
) -> AcceptedMessage:
    """Make a case of an inbox message with the kinds the DPO confirmed; it leaves the inbox.

    The case is made as an import would make it (the original message and its attachments as
    evidence, a forward's original sender as the data subject); both happen in one transaction.
    """
    repo = InboxRepo(cf)
    item = repo.get(item_id)
    chosen = _kinds(kinds)
    if controller_slug:
        controller = cf.controllers.by_slug(controller_slug)
    elif item.controller_id is not None:
        controller = cf.controllers.get(item.controller_id)
    else:
        raise InvalidInput(
            f"No controller is known for inbox message {item_id}; name it with --controller SLUG."
        )
    parsed = _reparse(repo.raw(item_id), item)
    with cf.transaction():
        repo.remove(item_id, action="inbox.accepted", data={})
        outcome = import_email(
            cf,
            parsed,
            today,
            controller=controller,
            follow_ups=False,
            source=f"inbox {item_id}",
            kinds=chosen,
        )
        if outcome.case_id is None or outcome.reference is None:
            raise ImportRejected(f"Inbox message {item_id} could not be made a case.")
        cf.log("inbox.case_created", int(outcome.case_id), {"inbox_id": item_id})
    return AcceptedMessage(item_id, int(outcome.case_id), outcome.reference)


def _reparse(raw: bytes, item: InboxItem) -> ParsedEmail:
    suffix = {"msg": ".msg", "txt": ".txt", "mbox": ".eml"}.get(item.source_format, ".eml")
    parsed = parse_bytes(raw, f"message{suffix}")
    first = parsed[0] if parsed else ImportRejected("The stored message is empty.")
    if isinstance(first, ImportRejected):
        raise ImportRejected(f"Inbox message {item.id} can no longer be read: {first}")
    return first


def dismiss(cf: CaseFile, item_id: int, reason: str) -> None:
    """Delete an inbox message the DPO judged not to be a request, with the reason audited."""
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("Give a reason for dismissing the message (--reason TEXT).")
    InboxRepo(cf).dismiss(item_id, reason[:500])


# --- evidence in the text ---------------------------------------------------------------------


def evidence_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Where the evidence phrases stand in ``text`` (start, end), merged and sorted, for
    highlighting. Matching ignores case and runs of white space (the classifier normalised
    them)."""
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
