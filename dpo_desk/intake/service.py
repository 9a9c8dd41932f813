"""Intake into the case file: emails and postal requests become cases.

Each message or postal request is stored in one transaction — a case with its evidence, an
entry of the triage inbox (mail that is not confidently a request, when the caller's ``triage``
rule says so), or nothing. A bad file is an ``ImportOutcome`` with a reason; the rest of a batch
goes on. A forwarded message is filed under its original sender and date.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk.core.errors import CaseFileError, ImportRejected, InvalidInput, KnownError
from dpo_desk.core.messages import Message
from dpo_desk.core.model import (
    AttachmentRole,
    Case,
    Channel,
    Controller,
    ControllerId,
    DataSubject,
    RequestKind,
)
from dpo_desk.hardening import safe

from .classify import Classification, classify
from .email_parse import Limits, ParsedEmail, parse_path, safe_filename
from .forwards import Forwarded, find_forward
from .scans import check_scan

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ControllerUnknown(KnownError):
    """No controller could be told from the message's recipients."""


class IdCopyNeedsConfirmation(KnownError):
    """Kazakh law forbids collecting paper ID copies except in narrow cases (94-V Art. 7(10))."""


@dataclass(frozen=True)
class ImportOutcome:
    source: str  # file name, with the message number for mailboxes
    status: str  # created | follow_up | inbox | duplicate | error | needs_controller | cancelled
    case_id: int | None = None
    reference: str | None = None
    reason: str = ""
    kinds: tuple[str, ...] = ()
    language: str = ""
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    smime: str | None = None  # the signature verdict of a signed message
    inbox_id: int | None = None  # status "inbox": the message waits for the DPO's triage
    notes: tuple[str, ...] = ()  # what the DPO should know (a forward's original sender ...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "inbox_id": self.inbox_id,
            "notes": list(self.notes),
            "source": self.source,
            "status": self.status,
            "case_id": self.case_id,
            "reference": self.reference,
            "reason": self.reason,
            "kinds": list(self.kinds),
            "language": self.language or None,
            "confidence": round(self.confidence, 3),
            "evidence": list(self.evidence),
            "warnings": list(self.warnings),
            "smime": self.smime,
        }


Triage = Callable[[Classification], str | None]  # why a message waits in the inbox, or None
BeforeImport = Callable[[int], None]  # told how many messages will be stored; may refuse


@dataclass
class ImportOptions:
    controller_slug: str | None = None
    follow_ups: bool = True  # attach a message from a known subject to their open case
    limits: Limits = field(default_factory=Limits)
    triage: Triage | None = None  # None: every message becomes a case (old behaviour)
    before_import: BeforeImport | None = None  # e.g. ask before hundreds of new cases


def import_files(
    cf: CaseFile,
    paths: Sequence[Path],
    today: date,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[ImportOutcome]:
    """Import .eml, .msg, .mbox and .txt files; one outcome per message.

    Raises :class:`~dpo_desk.core.errors.CaseFileError` (disk full, read-only, I/O error) when the
    case file cannot take a change; the messages imported before it stay.
    """
    options = options or ImportOptions()
    forced = cf.controllers.by_slug(options.controller_slug) if options.controller_slug else None
    now = datetime.combine(today, datetime.max.time(), tzinfo=UTC)
    items: list[tuple[str, ParsedEmail | ImportRejected]] = []
    for path in paths:
        path = Path(path)
        try:
            parsed = parse_path(path, limits=options.limits, now=now)
        except OSError as exc:
            items.append(
                (path.name, ImportRejected(f"{path.name} cannot be read: {exc.strerror}."))
            )
            continue
        for index, item in enumerate(parsed):
            label = path.name if len(parsed) == 1 else f"{path.name} #{index + 1}"
            items.append((label, item))
    if options.before_import is not None:
        options.before_import(sum(1 for _, item in items if not isinstance(item, ImportRejected)))
    outcomes: list[ImportOutcome] = []
    total = len(items)
    for done, (label, item) in enumerate(items):
        if cancel is not None and cancel():
            outcomes.extend(
                ImportOutcome(lbl, "cancelled", reason="The import was cancelled.")
                for lbl, _ in items[done:]
            )
            break
        if progress is not None:
            progress(done, total)
        outcomes.append(_import_one(cf, label, item, forced, today, options))
    if progress is not None:
        progress(total, total)
    return outcomes


def _import_one(
    cf: CaseFile,
    label: str,
    item: ParsedEmail | ImportRejected,
    forced: Controller | None,
    today: date,
    options: ImportOptions,
) -> ImportOutcome:
    if isinstance(item, ImportRejected):
        return ImportOutcome(label, "error", reason=str(item))
    try:
        return import_email(
            cf,
            item,
            today,
            controller=forced,
            follow_ups=options.follow_ups,
            source=label,
            triage=options.triage,
        )
    except ControllerUnknown as exc:
        return ImportOutcome(label, "needs_controller", reason=str(exc))
    except CaseFileError:
        # the case file itself cannot take a change (disk full, read-only, I/O error): every
        # further message would fail the same way, so the batch stops with one clear error;
        # messages imported before stay (each committed whole), and a re-run skips them
        raise
    except KnownError as exc:
        return ImportOutcome(label, "error", reason=str(exc))
    except (
        Exception
    ) as exc:  # a bug: the item is refused, the batch goes on, nothing is half-stored
        log.error(  # the frames, never the exception's message (it may quote the message)
            "unexpected error while importing a message (%s)",
            safe(type(exc).__name__),
            exc_info=(type(exc), None, exc.__traceback__),
        )
        return ImportOutcome(
            label, "error", reason=f"Unexpected error ({type(exc).__name__}); nothing was stored."
        )


def _received_date(
    parsed: ParsedEmail, today: date, forwarded: Forwarded | None = None
) -> tuple[date, list[str]]:
    warnings: list[str] = []
    moment = (forwarded.sent_at if forwarded else None) or parsed.received_at or parsed.sent_at
    if moment is None:
        warnings.append("The message has no usable date; today's date was used — check it.")
        return today, warnings
    day = moment.astimezone(UTC).date()
    if day > today:
        warnings.append(f"The message is dated in the future ({day}); today's date was used.")
        return today, warnings
    return day, warnings


def find_controller(cf: CaseFile, parsed: ParsedEmail) -> Controller | None:
    for address in (*parsed.to_addrs, *parsed.cc_addrs):
        controller = cf.controllers.by_email(address)
        if controller is not None:
            return controller
    return None


@dataclass(frozen=True)
class _Sender:
    name: str
    email: str
    forwarded: Forwarded | None
    notes: tuple[str, ...]


def _sender(parsed: ParsedEmail) -> _Sender:
    """Who the data subject is: the sender, or the original sender of a forwarded message."""
    fwd = find_forward(parsed.body_text)
    if fwd is None or fwd.from_addr == parsed.from_addr.lower():
        return _Sender(parsed.from_name or parsed.from_addr, parsed.from_addr, None, ())
    when = fwd.sent_at.date().isoformat() if fwd.sent_at else "an unreadable date"
    note = (
        f"Forwarded by {parsed.from_addr or 'an unknown sender'}: the original sender "
        f"{fwd.from_addr} is taken as the data subject and the original date ({when}) as the "
        "received date — check both."
    )
    return _Sender(fwd.from_name or fwd.from_addr, fwd.from_addr, fwd, (note,))


def import_email(
    cf: CaseFile,
    parsed: ParsedEmail,
    today: date,
    *,
    controller: Controller | None = None,
    follow_ups: bool = True,
    source: str = "",
    triage: Triage | None = None,
    kinds: Sequence[RequestKind] | None = None,
) -> ImportOutcome:
    """Store one parsed message: a new case, a follow-up on an open case, an entry of the
    triage inbox (when ``triage`` gives a reason), or a duplicate. ``kinds`` (the DPO's
    confirmation when accepting from the inbox) replaces the classifier's suggestion."""
    source = source or (parsed.subject[:60] or "message")
    duplicate = _duplicate(cf, parsed, source)
    if duplicate is not None:
        return duplicate
    sender = _sender(parsed)
    received, warnings = _received_date(parsed, today, sender.forwarded)
    warnings = [*parsed.all_warnings, *warnings]
    body = sender.forwarded.body if sender.forwarded else parsed.body_text
    result: Classification = classify(body, parsed.subject)
    controller = controller or find_controller(cf, parsed)
    # a message from a data subject with an open case is a follow-up (their ID copy, a reply),
    # whatever it asks: it never waits in the triage inbox
    open_cases = (
        cf.cases.open_cases_of_subject(controller.id or 0, email=sender.email)
        if follow_ups and sender.email and controller is not None
        else []
    )
    reason = triage(result) if triage is not None and kinds is None and not open_cases else None
    if reason is not None:
        return _to_inbox(cf, parsed, source, result, reason, received, sender, controller)
    if controller is None:
        recipients = ", ".join((*parsed.to_addrs, *parsed.cc_addrs)) or "none"
        raise ControllerUnknown(
            f"No controller receives mail at {recipients}; choose the controller "
            "(--controller SLUG) or add the address to a controller."
        )
    if kinds is not None:
        chosen = [RequestKind(k) for k in kinds]
    else:
        chosen = [RequestKind(k) for k in result.kinds if k in RequestKind.__members__.values()]
    if not chosen:
        chosen = [RequestKind.ACCESS]
        warnings.append("No request kind was recognised; 'access' was assumed — check it.")
    # the verdict is shown; identity is recorded only by an explicit identity check (issue 15)
    smime_verdict, _report = _check_smime(cf, parsed)
    with cf.transaction():
        if open_cases:
            case = open_cases[0]
            status = "follow_up"
        else:
            case = cf.cases.add(
                _new_case(controller, parsed, sender, tuple(chosen), received, result.language)
            )
            status = "created"
        assert case.id is not None
        _store_message(cf, case.id, parsed)
        if status == "follow_up":
            cf.cases.add_note(case.id, f"Follow-up email received ({received.isoformat()}).")
        for note in sender.notes:
            cf.cases.add_note(case.id, note)
    return ImportOutcome(
        source,
        status,
        case.id,
        case.reference,
        kinds=tuple(str(k) for k in chosen),
        language=result.language,
        confidence=result.confidence,
        evidence=tuple(result.evidence),
        warnings=tuple(warnings),
        smime=smime_verdict,
        notes=sender.notes,
    )


def _duplicate(cf: CaseFile, parsed: ParsedEmail, source: str) -> ImportOutcome | None:
    duplicate = cf.emails.find_duplicate(parsed.message_id, parsed.content_hash)
    if duplicate is not None:
        case = cf.cases.get(duplicate.case_id)
        same = (
            "Message-ID"
            if parsed.message_id and duplicate.message_id == parsed.message_id
            else "content"
        )
        return ImportOutcome(
            source,
            "duplicate",
            case.id,
            case.reference,
            reason=f"Already imported (same {same}) in case {case.reference}.",
        )
    from dpo_desk.casefile.inbox import InboxRepo

    waiting = InboxRepo(cf).find_duplicate(parsed.message_id, parsed.content_hash)
    if waiting is not None:
        return ImportOutcome(
            source,
            "duplicate",
            inbox_id=waiting.id,
            reason=f"Already waiting in the inbox (message {waiting.id}).",
        )
    return None


def _filename(parsed: ParsedEmail) -> str:
    return safe_filename(
        f"{parsed.subject or 'message'}.eml"
        if parsed.source_format != "msg"
        else f"{parsed.subject}.msg"
    )


def _new_case(
    controller: Controller,
    parsed: ParsedEmail,
    sender: _Sender,
    kinds: tuple[RequestKind, ...],
    received: date,
    language: str,
) -> Case:
    language = language or ""
    reply = (
        language
        if language in controller.languages
        else (controller.languages[0] if controller.languages else "en")
    )
    body = sender.forwarded.body if sender.forwarded else parsed.body_text
    return Case(
        id=None,
        reference="",
        controller_id=ControllerId(controller.id or 0),
        subject=DataSubject(name=sender.name or "Unknown sender", email=sender.email),
        kinds=kinds,
        channel=Channel.EMAIL,
        received=received,
        language=language,
        reply_language=reply,
        summary=_summary(parsed.subject, body),
    )


def _store_message(cf: CaseFile, case_id: int, parsed: ParsedEmail) -> None:
    cf.emails.add(
        case_id,
        raw=parsed.raw,
        filename=_filename(parsed),
        message_id=parsed.message_id,
        content_hash=parsed.content_hash,
        from_addr=parsed.from_addr,
        subject=parsed.subject,
        body_text=parsed.body_text,
        sent_at=parsed.sent_at,
        received_at=parsed.received_at,
        smime_signed=parsed.is_smime_signed,
    )
    for attachment in parsed.attachments:
        cf.attachments.add(
            case_id,
            AttachmentRole.EMAIL_PART,
            attachment.filename,
            attachment.media_type,
            attachment.data,
        )


def _to_inbox(
    cf: CaseFile,
    parsed: ParsedEmail,
    source: str,
    result: Classification,
    reason: str,
    received: date,
    sender: _Sender,
    controller: Controller | None,
) -> ImportOutcome:
    from dpo_desk.casefile.inbox import InboxRepo

    item = InboxRepo(cf).add(
        raw=parsed.raw,
        filename=_filename(parsed),
        source_format=parsed.source_format,
        message_id=parsed.message_id,
        content_hash=parsed.content_hash,
        sha256=parsed.sha256,
        received=received,
        sender=sender.email,
        sender_name=sender.name,
        subject=parsed.subject,
        body_text=parsed.body_text,
        kinds=result.suggested or result.kinds,
        evidence=result.evidence_by_kind,
        language=result.language,
        confidence=result.confidence,
        reason=reason,
        notes=sender.notes,
        controller_id=controller.id if controller is not None else None,
    )
    return ImportOutcome(
        source,
        "inbox",
        reason=reason,
        kinds=(),
        language=result.language,
        confidence=result.confidence,
        evidence=tuple(result.evidence),
        inbox_id=item.id,
        notes=sender.notes,
    )


def _summary(subject: str, body: str) -> str:
    first = " ".join(body.split())[:200]
    return f"{subject.strip()} — {first}" if subject.strip() else first


def _check_smime(cf: CaseFile, parsed: ParsedEmail) -> tuple[str | None, Any]:
    if not parsed.is_smime_signed:
        return None, None
    from dpo_desk.identity.signatures import verify_smime

    report = verify_smime(parsed.raw, trust_roots=cf.trust.ders())
    return report.verdict, report


def _confirm_id_copy(controller: Controller, scans: Sequence[Scan], confirmed: bool) -> None:
    """Kazakh law forbids paper ID copies but in narrow cases: the DPO confirms first."""
    from dpo_desk.identity.policy import id_copy_warning

    if confirmed or not any(s.role == AttachmentRole.ID_DOCUMENT for s in scans):
        return
    warning = id_copy_warning(controller)
    if warning:
        raise IdCopyNeedsConfirmation(
            Message("{warning} Confirm that an exception applies first.", warning=warning)
        )


# --- post ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scan:
    filename: str
    data: bytes
    role: AttachmentRole = AttachmentRole.LETTER_SCAN  # or ID_DOCUMENT


def log_postal(
    cf: CaseFile,
    *,
    controller: Controller,
    subject: DataSubject,
    kinds: Iterable[RequestKind | str],
    received: date,
    today: date,
    postmark: date | None = None,
    registered_no: str = "",
    language: str = "",
    summary: str = "",
    scans: Sequence[Scan] = (),
    confirm_id_copy: bool = False,
) -> Case:
    """Log a postal request with its scans: all scans are checked before anything is stored."""
    kinds = [RequestKind(k) for k in kinds]
    if received > today:
        raise InvalidInput(f"The received date {received} is in the future.")
    # a postmark after the received date is a warning of the case service (services/cases.py
    # check_postal), which the window shows before it calls this
    _confirm_id_copy(controller, scans, confirm_id_copy)
    checked = []
    for scan in scans:
        info = check_scan(scan.data, scan.filename)
        checked.append((scan, info))
    reply = (
        language
        if language in controller.languages
        else (controller.languages[0] if controller.languages else "en")
    )
    with cf.transaction():
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(controller.id or 0),
                subject=subject,
                kinds=tuple(kinds),
                channel=Channel.POST,
                received=received,
                language=language,
                reply_language=reply,
                summary=summary,
                postmark=postmark,
                registered_no=registered_no,
            )
        )
        assert case.id is not None
        for scan, info in checked:
            cf.attachments.add(
                case.id,
                scan.role,
                safe_filename(scan.filename, info.media_type),
                info.media_type,
                scan.data,
            )
    return case


def add_scans(
    cf: CaseFile, case_id: int, scans: Sequence[Scan], *, confirm_id_copy: bool = False
) -> list[int]:
    """Add scans (letter pages, an ID copy) to an existing case, all or none."""
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    _confirm_id_copy(controller, scans, confirm_id_copy)
    checked = [(scan, check_scan(scan.data, scan.filename)) for scan in scans]
    ids = []
    with cf.transaction():
        for scan, info in checked:
            meta = cf.attachments.add(
                case_id,
                scan.role,
                safe_filename(scan.filename, info.media_type),
                info.media_type,
                scan.data,
            )
            ids.append(meta.id)
    return ids
