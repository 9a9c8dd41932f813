"""What the window does to the case file: each function runs on the database thread.

Every function takes the open ``CaseFile`` first (``ctx.db.run(fn, *args)`` passes it) and
returns plain dataclasses; none touches Qt. They compose the repositories' calls — the SQL stays
in ``dpo_desk.casefile``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dpo_desk.casefile import BackupInfo, CaseFile
from dpo_desk.casefile.audit import ChainReport
from dpo_desk.casefile.deadlines import calendar_overrides, case_deadlines
from dpo_desk.core.deadlines import DeadlineSet, DeadlineStatus, deadline_status
from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import (
    AttachmentMeta,
    AttachmentRole,
    AuditEvent,
    Case,
    CaseStatus,
    ClockEvent,
    ClockEventKind,
    Controller,
    DataSubject,
    Note,
    RequestKind,
)
from dpo_desk.services.records import (
    CaseQuery,
    EmailRecord,
    LetterRecord,
    OverrideRow,
    TrustedCert,
)

from .tasks import TaskControl

if TYPE_CHECKING:
    from dpo_desk.casefile.deadlines import ExtensionDecision
    from dpo_desk.identity.checklist import IdChecklist
    from dpo_desk.identity.policy import PolicyWarning
    from dpo_desk.identity.service import (
        CheckResult,
        DestroyedCopy,
        IdentityOverview,
        ImportedCert,
        RetentionDue,
    )
    from dpo_desk.intake.scans import ScanInfo
    from dpo_desk.intake.service import ImportOutcome, Scan
    from dpo_desk.letters.service import Preview, SentResult, StoredLetter, TemplateText
    from dpo_desk.reports import ExportResult


@dataclass(frozen=True)
class CaseDetails:
    """Everything the case view shows about one case, read in one go."""

    case: Case
    controller: Controller
    notes: tuple[Note, ...]
    clock_events: tuple[ClockEvent, ...]
    deadlines: DeadlineSet | None
    deadline_status: DeadlineStatus | None  # of the governing deadline, on ``today``
    deadline_error: str  # why no deadline could be computed ("" when fine)
    audit: tuple[AuditEvent, ...]
    today: date
    # the case service's extension rule for the earliest possible notice (None: closed case or
    # no deadline); the date the DPO picks is checked again when the notice is recorded
    extension: ExtensionDecision | None = None

    @property
    def case_id(self) -> int:
        assert self.case.id is not None
        return int(self.case.id)


def load_case(cf: CaseFile, case_id: int, today: date) -> CaseDetails:
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    deadlines: DeadlineSet | None = None
    status: DeadlineStatus | None = None
    error = ""
    try:
        deadlines = case_deadlines(cf, case_id)
    except InvalidInput as exc:  # an unknown jurisdiction in an old controller record
        error = str(exc)
    if deadlines is not None and deadlines.governing is not None:
        status = deadline_status(
            deadlines.governing, today, calendar_overrides(cf, case.controller_id)
        )
    extension = None
    if deadlines is not None and deadlines.governing is not None and case.status.is_open:
        from dpo_desk.services.cases import extension_decision

        extension = extension_decision(cf, case_id, case.received)
    return CaseDetails(
        case=case,
        controller=controller,
        notes=tuple(cf.cases.notes(case_id)),
        clock_events=tuple(cf.cases.clock_events(case_id)),
        deadlines=deadlines,
        deadline_status=status,
        deadline_error=error,
        audit=tuple(cf.audit.events(case_id)),
        today=today,
        extension=extension,
    )


def add_note(cf: CaseFile, case_id: int, today: date, text: str) -> CaseDetails:
    cf.cases.add_note(case_id, text)
    return load_case(cf, case_id, today)


def move_status(
    cf: CaseFile,
    case_id: int,
    today: date,
    status: CaseStatus,
    reason: str = "",
    without_reply: str = "",
) -> CaseDetails:
    """The case service's rule: responded/closed needs a reply letter or a reason for none."""
    from dpo_desk.services.cases import change_status

    change_status(cf, case_id, status, on=today, reason=reason, without_reply=without_reply)
    return load_case(cf, case_id, today)


def record_clock_event(
    cf: CaseFile, case_id: int, today: date, kind: ClockEventKind, on: date, note: str = ""
) -> CaseDetails:
    """Record a pause, a resume or an extension notice (the case service's rules)."""
    from dpo_desk.services.cases import record_clock_event as record

    record(cf, case_id, kind, on, today, note)
    return load_case(cf, case_id, today)


@dataclass(frozen=True)
class PostalRequest:
    """What the new-postal-request dialog collects."""

    controller_id: int
    kinds: tuple[RequestKind, ...]  # main request first
    received: date  # the controller's date stamp
    postmark: date | None
    registered_no: str
    name: str
    address: str
    email: str
    language: str
    summary: str
    scans: tuple[Scan, ...] = ()  # letter pages and ID copies, each with its role
    confirm_id_copy: bool = False  # the DPO confirmed storing an ID copy under Kazakh law


def log_postal_request(cf: CaseFile, request: PostalRequest, today: date) -> Case:
    """The intake service logs it with its scans (it checks the dates and every scan first);
    the case service's postal rule (somewhere to send the reply) is checked before."""
    from dpo_desk.intake.service import log_postal
    from dpo_desk.services.cases import check_postal

    subject = DataSubject(name=request.name, email=request.email, address=request.address)
    check_postal(subject, request.received, request.postmark, today)

    return log_postal(
        cf,
        controller=cf.controllers.get(request.controller_id),
        subject=subject,
        kinds=request.kinds,
        received=request.received,
        today=today,
        postmark=request.postmark,
        registered_no=request.registered_no,
        language=request.language,
        summary=request.summary,
        scans=request.scans,
        confirm_id_copy=request.confirm_id_copy,
    )


def import_email_files(
    control: TaskControl, cf: CaseFile, paths: list[Path], today: date, confirmed: bool = False
) -> list[ImportOutcome] | Exception:
    """Import .eml/.msg/.mbox/.txt files through the intake service, with progress and cancel.
    Not-requests go to the triage inbox; an import that would open more than
    ``services.intake.MAX_NEW_CASES`` cases returns the ``TooManyNewCases`` question instead
    (nothing stored) unless ``confirmed``."""
    from dpo_desk.services.intake import TooManyNewCases, import_mail

    try:
        return import_mail(
            cf,
            paths,
            today,
            confirmed=confirmed,
            progress=lambda done, total: control.progress(done, total),
            cancel=lambda: control.cancelled,
        )
    except TooManyNewCases as exc:
        return exc


# --- lists and counts ------------------------------------------------------------------------


@dataclass(frozen=True)
class ControllerCount:
    id: int
    name: str
    count: int


@dataclass(frozen=True)
class SidebarCounts:
    views: dict[str, int]
    controllers: tuple[ControllerCount, ...]


def sidebar_counts(cf: CaseFile, today: date) -> SidebarCounts:
    from dpo_desk.services.intake import inbox_count

    views = {**cf.cases.counts_by_view(today), "inbox": inbox_count(cf)}  # issue 17: triage
    controllers = tuple(
        ControllerCount(int(c.id or 0), c.name, cf.cases.count(CaseQuery(controller_id=c.id)))
        for c in cf.controllers.list()
    )
    return SidebarCounts(views, controllers)


@dataclass(frozen=True)
class Reminder:
    overdue: int
    due_today: int

    @property
    def any(self) -> bool:
        return bool(self.overdue or self.due_today)


def reminder(cf: CaseFile, today: date) -> Reminder:
    overdue = cf.cases.count(CaseQuery(view="overdue", today=today))
    due_today = cf.cases.count(CaseQuery(view="due_soon", today=today, due_soon_days=0))
    return Reminder(overdue, due_today)


def list_controllers(cf: CaseFile) -> list[Controller]:
    return cf.controllers.list()


def save_controller(cf: CaseFile, controller: Controller) -> Controller:
    if controller.id is None:
        return cf.controllers.add(controller)
    return cf.controllers.update(controller)


def list_overrides(cf: CaseFile) -> list[OverrideRow]:
    return cf.overrides.list()


def set_override(cf: CaseFile, row: OverrideRow) -> list[OverrideRow]:
    cf.overrides.set(row.calendar.strip().upper(), row.day, row.kind, row.note)
    return cf.overrides.list()


def remove_override(cf: CaseFile, calendar: str, day: date) -> list[OverrideRow]:
    cf.overrides.remove(calendar, day)
    return cf.overrides.list()


# --- long jobs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]  # integrity_check / cipher_integrity_check findings
    chain: ChainReport
    # issue 20: rows that differ from their last audited state ("cases #2 (2026-0002)"), and
    # where the anchor came from ("keyring", "anchor file", "none")
    changed_rows: tuple[str, ...] = ()
    anchor_source: str = "none"

    @property
    def ok(self) -> bool:
        return not self.problems and self.chain.ok and not self.changed_rows


def check_casefile(control: TaskControl, cf: CaseFile) -> CheckReport:
    from dpo_desk.services import evidence  # issue 20: the chain and the data under it

    control.progress(0, 2)
    problems = tuple(cf.integrity_check())
    control.check()
    control.progress(1, 2)
    report = evidence.verify(cf, deep=True)
    control.progress(2, 2)
    rows = tuple(
        f"{f.table} #{f.row_id}" + (f" ({f.case_reference})" if f.case_reference else "")
        for f in (report.data.findings if report.data else ())
    )
    return CheckReport(problems, report.chain, rows, report.anchor_source)


def backup(control: TaskControl, cf: CaseFile, dest: Path) -> BackupInfo:
    control.progress(0, 0)
    return cf.backup(dest)


# --- casework of the second wave: correspondence, identity, letters, exports ------------------

T = TypeVar("T")


@dataclass(frozen=True)
class Changed(Generic[T]):
    """What an operation on a case did, with the case's fresh details (the case view shows them
    in every tab; ``CaseView.apply`` hands the whole value to its ``on_done``)."""

    value: T
    details: CaseDetails


# --- correspondence --------------------------------------------------------------------------


@dataclass(frozen=True)
class Correspondence:
    """A case's incoming emails and scans and its outgoing letters (facts, never bytes)."""

    emails: tuple[EmailRecord, ...]
    attachments: tuple[AttachmentMeta, ...]
    letters: tuple[LetterRecord, ...]

    def parts_of(self, email: EmailRecord) -> tuple[AttachmentMeta, ...]:
        """The files attached to an email: stored right after its original message, in the
        same transaction (attachment ids follow the message's own attachment id)."""
        if email.attachment_id is None:
            return ()
        later = sorted(
            e.attachment_id
            for e in self.emails
            if e.attachment_id is not None and e.attachment_id > email.attachment_id
        )
        end = later[0] if later else None
        return tuple(
            a
            for a in self.attachments
            if a.role == AttachmentRole.EMAIL_PART
            and a.id > email.attachment_id
            and (end is None or a.id < end)
        )


def load_correspondence(cf: CaseFile, case_id: int) -> Correspondence:
    return Correspondence(
        emails=tuple(cf.emails.for_case(case_id)),
        attachments=tuple(cf.attachments.for_case(case_id)),
        letters=tuple(cf.letters.for_case(case_id)),
    )


def attachment_bytes(cf: CaseFile, attachment_id: int) -> bytes:
    """An attachment's bytes, for viewing in memory or saving where the DPO chooses."""
    return cf.attachments.data(attachment_id)


def letter_pdf(cf: CaseFile, letter_id: int) -> bytes:
    return cf.letters.pdf(letter_id)


# --- scans -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedScan:
    """A scan read from disk and checked (``check_scan``) before anything is stored."""

    scan: Scan
    info: ScanInfo
    source: str  # the file's name, for the list


def read_scan(path: Path, role: AttachmentRole) -> CheckedScan:
    """Read and check a scan file; ``ImportRejected`` says why it is refused."""
    from dpo_desk.core.errors import ImportRejected
    from dpo_desk.intake.scans import check_scan
    from dpo_desk.intake.service import Scan

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{path.name} cannot be read: {exc.strerror}.") from None
    info = check_scan(data, path.name)
    return CheckedScan(Scan(path.name, data, role), info, path.name)


def add_case_scans(
    cf: CaseFile, case_id: int, today: date, scans: list[Scan], confirm_id_copy: bool = False
) -> Changed[list[int]]:
    from dpo_desk.intake.service import add_scans

    ids = add_scans(cf, case_id, scans, confirm_id_copy=confirm_id_copy)
    return Changed(ids, load_case(cf, case_id, today))


# --- identity --------------------------------------------------------------------------------

#: Media types a signature check can read (a PDF may or may not be signed: the check says).
SIGNABLE_TYPES = frozenset(
    {
        "application/pdf",
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
        "application/pkcs7-mime",
        "application/x-pkcs7-mime",
    }
)
SIGNATURE_SUFFIXES = (".p7s", ".p7m", ".sig", ".cms", ".p7")


@dataclass(frozen=True)
class IdentityState:
    """What the identity tab shows: the checks, the copies, the policy and what can be verified."""

    overview: IdentityOverview
    controller: Controller
    policy_warnings: tuple[PolicyWarning, ...]
    scans: tuple[AttachmentMeta, ...]  # ID copies and letter scans, live or destroyed
    signable: tuple[AttachmentMeta, ...]  # live attachments that may carry a signature
    files: tuple[AttachmentMeta, ...] = ()  # every live file (what a detached signature signs)


def is_signature_file(meta: AttachmentMeta) -> bool:
    """A CMS/PKCS #7 file (``.p7s``, ``.sig``…): detached ones need the file they sign."""
    cms = meta.media_type != "application/pdf" and meta.media_type in SIGNABLE_TYPES
    return cms or meta.filename.lower().endswith(SIGNATURE_SUFFIXES)


def load_identity(cf: CaseFile, case_id: int) -> IdentityState:
    from dpo_desk.identity.policy import evaluate_policy
    from dpo_desk.identity.service import identity_overview

    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    attachments = cf.attachments.for_case(case_id)
    signed_emails = {
        e.attachment_id for e in cf.emails.for_case(case_id) if e.smime_signed and e.attachment_id
    }
    scans = tuple(
        a for a in attachments if a.role in (AttachmentRole.ID_DOCUMENT, AttachmentRole.LETTER_SCAN)
    )
    signable = tuple(
        a
        for a in attachments
        if a.destroyed_at is None
        and (
            a.media_type in SIGNABLE_TYPES
            or a.filename.lower().endswith(SIGNATURE_SUFFIXES)
            or a.id in signed_emails
        )
    )
    files = tuple(
        a for a in attachments if a.destroyed_at is None and a.role != AttachmentRole.EMAIL
    )
    return IdentityState(
        overview=identity_overview(cf, case_id),
        controller=controller,
        policy_warnings=tuple(evaluate_policy(controller)),
        scans=scans,
        signable=signable,
        files=files,
    )


def record_identity_check(
    cf: CaseFile,
    case_id: int,
    today: date,
    checklist: IdChecklist,
    outcome: str,
    request_more: str = "",
) -> Changed[CheckResult]:
    from dpo_desk.identity.service import record_checklist

    result = record_checklist(
        cf, case_id, checklist, outcome, today, request_more=request_more or None
    )
    return Changed(result, load_case(cf, case_id, today))


class SignedFileNeeded(InvalidInput):
    """A detached signature was checked without the file it signs."""


def verify_signature(
    cf: CaseFile,
    case_id: int,
    today: date,
    attachment_id: int,
    detached_id: int | None = None,
) -> Changed[dict[str, Any]]:
    """Check an attachment's signature (recorded as a verification); the report as a dict.

    ``detached_id`` is the other half of a detached signature (the signature file when
    ``attachment_id`` is the signed file, or the other way round).
    """
    from dpo_desk.services.identity import verify_signature as verify_and_bind

    try:
        result = verify_and_bind(
            cf, case_id, attachment_id, detached_attachment_id=detached_id, today=today
        )
    except InvalidInput:
        if detached_id is None and is_signature_file(cf.attachments.get(attachment_id)):
            raise SignedFileNeeded(
                "This is a detached signature: choose the file it signs, then verify again."
            ) from None
        raise
    report = {
        **result.report_dict(),
        "outcome": result.outcome,
        "outcome_reason": result.reason,
        "check_id": result.record.id,
    }
    return Changed(report, load_case(cf, case_id, today))


def override_signature(
    cf: CaseFile, case_id: int, today: date, check_id: int, reason: str
) -> Changed[int]:
    """The DPO accepts a signature check the rules left open (issue 15); the new record's id."""
    from dpo_desk.services.identity import override_signature_check

    record, _destroyed = override_signature_check(cf, case_id, check_id, reason, today=today)
    return Changed(record.id, load_case(cf, case_id, today))


def mark_id_copy(cf: CaseFile, case_id: int, today: date, attachment_id: int) -> Changed[int]:
    """Mark an emailed attachment as an ID copy (issue 15); the attachment's id."""
    from dpo_desk.services.identity import mark_id_copy as mark

    mark(cf, case_id, attachment_id, "marked in the correspondence tab")
    return Changed(attachment_id, load_case(cf, case_id, today))


def check_signature(
    control: TaskControl,
    cf: CaseFile,
    case_id: int,
    today: date,
    attachment_id: int,
    detached_id: int | None = None,
) -> Changed[dict[str, Any]]:
    """:func:`verify_signature` as a long job (``ctx.db.task``): a busy indicator meanwhile.

    Not cancellable once started: the check is recorded as soon as it is done.
    """
    control.progress(0, 0)
    result = verify_signature(cf, case_id, today, attachment_id, detached_id)
    control.progress(1, 1)
    return result


def destroy_copies(
    cf: CaseFile, case_id: int, today: date, reason: str
) -> Changed[list[DestroyedCopy]]:
    from dpo_desk.identity.service import destroy_id_copies

    destroyed = destroy_id_copies(cf, case_id, reason=reason)
    return Changed(destroyed, load_case(cf, case_id, today))


def retention_reminder(cf: CaseFile, today: date) -> list[RetentionDue]:
    """ID copies due for destruction (none to look for when no live copy exists at all)."""
    from dpo_desk.identity.service import retention_due

    if not cf.attachments.live_by_role(AttachmentRole.ID_DOCUMENT):
        return []
    return retention_due(cf, today)


# --- trust store -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustImport:
    imported: tuple[ImportedCert, ...]
    trusted: tuple[TrustedCert, ...]  # the whole store afterwards


def list_trusted_certs(cf: CaseFile) -> list[TrustedCert]:
    return cf.trust.list()


def import_trusted_files(cf: CaseFile, paths: list[Path], today: date) -> TrustImport:
    """Import every certificate of every file (each file all or none)."""
    from dpo_desk.identity.service import import_certificates

    imported: list[ImportedCert] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"{path.name} cannot be read: {exc.strerror}.") from None
        imported.extend(import_certificates(cf, data, today=today))
    return TrustImport(tuple(imported), tuple(cf.trust.list()))


def remove_trusted_cert(cf: CaseFile, cert_id: int) -> list[TrustedCert]:
    from dpo_desk.identity.service import remove_trusted

    remove_trusted(cf, cert_id)
    return cf.trust.list()


# --- letters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterDraft:
    """What the letters tab composes: passed to the letters service as it is."""

    kind: str
    language: str
    fields: dict[str, Any]
    body_override: str | None = None
    letter_id: int | None = None  # the draft being edited
    acknowledge: bool = False


@dataclass(frozen=True)
class LettersState:
    letters: tuple[LetterRecord, ...]
    default_language: str  # the case's reply language (else the controller's first)


def default_letter_language(case: Case, controller: Controller) -> str:
    from dpo_desk.letters.templates import LANGUAGES

    for code in (case.reply_language, *controller.languages):
        if code and code.strip().lower() in LANGUAGES:
            return code.strip().lower()
    return "en"


def load_letters(cf: CaseFile, case_id: int) -> LettersState:
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    return LettersState(
        tuple(cf.letters.for_case(case_id)), default_letter_language(case, controller)
    )


def letter_preview(cf: CaseFile, case_id: int, today: date, draft: LetterDraft) -> Preview:
    from dpo_desk.services.letters import preview  # issue 16: the rules decided there

    return preview(
        cf,
        case_id,
        draft.kind,
        draft.language,
        today,
        body_override=draft.body_override,
        **draft.fields,
    )


@dataclass(frozen=True)
class OpenedLetter:
    record: LetterRecord
    stored: StoredLetter
    pdf: bytes | None  # final letters only


def open_letter(cf: CaseFile, letter_id: int) -> OpenedLetter:
    from dpo_desk.letters.service import stored_letter

    record = cf.letters.get(letter_id)
    pdf = cf.letters.pdf(letter_id) if record.status == "final" else None
    return OpenedLetter(record, stored_letter(record), pdf)


def save_letter_draft(
    cf: CaseFile, case_id: int, today: date, draft: LetterDraft
) -> Changed[OpenedLetter]:
    from dpo_desk.letters.service import save_draft

    record = save_draft(
        cf,
        case_id,
        draft.kind,
        draft.language,
        today,
        body_override=draft.body_override,
        letter_id=draft.letter_id,
        **draft.fields,
    )
    return Changed(open_letter(cf, record.id), load_case(cf, case_id, today))


def finalise_letter(
    cf: CaseFile, case_id: int, today: date, draft: LetterDraft
) -> Changed[OpenedLetter]:
    """Store the immutable PDF and apply the letter's effect on the case."""
    from dpo_desk.services.letters import finalise  # issue 16: refusals decided there

    record = finalise(
        cf,
        case_id,
        draft.kind,
        draft.language,
        today,
        body_override=draft.body_override,
        acknowledge_warnings=draft.acknowledge,
        letter_id=draft.letter_id,
        **draft.fields,
    )
    return Changed(open_letter(cf, record.id), load_case(cf, case_id, today))


def record_letter_sent(
    cf: CaseFile,
    case_id: int,
    today: date,
    letter_id: int,
    sent_on: date,
    channel: str,
    registered_no: str = "",
) -> Changed[SentResult]:
    from dpo_desk.letters.service import record_sent

    result = record_sent(cf, letter_id, sent_on, channel, registered_no, today=today)
    return Changed(result, load_case(cf, case_id, today))


# --- letter templates (controller settings) --------------------------------------------------


def load_template(cf: CaseFile, controller_id: int, kind: str, language: str) -> TemplateText:
    from dpo_desk.letters.service import template_text

    return template_text(cf, controller_id, kind, language)


# --- exports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    """What the export dialog asks for; ``run_export`` hands it to the reports service."""

    kind: str  # summary | register | stats | ics
    path: Path
    case_id: int | None = None
    pseudonymise: bool = False
    received_from: date | None = None
    received_to: date | None = None
    controllers: tuple[str, ...] = ()  # slugs
    year: int | None = None


def run_export(
    control: TaskControl, cf: CaseFile, request: ExportRequest, today: date
) -> ExportResult:
    """Write one export (atomically, audited) with progress and cancel."""
    from dpo_desk import reports

    def progress(done: int, total: int) -> None:
        control.progress(done, total)

    def cancel() -> bool:
        return control.cancelled

    control.progress(0, 0)
    if request.kind == "summary":
        if request.case_id is None:
            raise InvalidInput("Choose a case first.")
        return reports.export_case_summary(
            cf, request.case_id, request.path, today, pseudonymise=request.pseudonymise
        )
    if request.kind == "register":
        return reports.export_register(
            cf,
            request.path,
            today,
            received_from=request.received_from,
            received_to=request.received_to,
            controllers=request.controllers,
            pseudonymise=request.pseudonymise,
            progress=progress,
            cancel=cancel,
        )
    if request.kind == "stats":
        return reports.export_statistics(
            cf,
            request.path,
            today,
            year=request.year,
            controllers=request.controllers,
            progress=progress,
            cancel=cancel,
        )
    if request.kind == "ics":
        return reports.export_calendar(cf, request.path, today, progress=progress, cancel=cancel)
    raise InvalidInput(f"Unknown export {request.kind!r}.")
