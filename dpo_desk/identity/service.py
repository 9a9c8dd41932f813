"""Identity verification on the case file: checklists, signature checks, the trust store and the
destruction of ID copies.

- :func:`record_checklist` records a paper/scanned ID check and applies its outcome: *more
  information needed* pauses the deadline (``identity_requested``), sets the case to awaiting
  identity and proposes the letter asking for it; *failed* proposes a refusal; *verified* moves
  an awaiting case back to in progress and, under an ``on_verified`` retention, destroys the
  case's ID copies at once.
- :func:`check_attachment` checks a stored PDF, CMS or S/MIME attachment against the case
  file's trust store; :func:`record_signature_check` records what
  :mod:`dpo_desk.services.identity` decided about it (the signer must be the data subject).
- :func:`destroy_id_copies` destroys ID copies once identity is settled (or the case is closed);
  the verification record keeps each copy's SHA-256. :func:`retention_due` lists the copies the
  controller's policy says should already be gone.

No Qt, no clock of its own: ``today`` is a parameter (the case file's clock stamps records).
Nothing here logs personal data. See ``docs/adr/0005-identity-copies.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final

from asn1crypto import x509 as asn1_x509

from dpo_desk.casefile.records import IdentityRecord, TrustedCert
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.core.errors import EvidenceStillNeeded, InvalidInput, NotFound
from dpo_desk.core.messages import Message
from dpo_desk.core.model import (
    AttachmentMeta,
    AttachmentRole,
    Case,
    CaseStatus,
    ClockEvent,
    ClockEventKind,
    Controller,
)

from . import policy
from .checklist import OUTCOMES, Assessment, IdChecklist, assess

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile
    from dpo_desk.casefile.idcopies import IdCopyMark
    from dpo_desk.identity.signatures import SignatureReport

__all__ = [
    "CheckResult",
    "DestroyedCopy",
    "IdentityOverview",
    "ImportedCert",
    "Proposal",
    "RetentionDue",
    "destroy_id_copies",
    "identity_overview",
    "identity_received",
    "import_certificates",
    "list_trusted",
    "record_checklist",
    "remove_trusted",
    "retention_due",
    "settled_record",
    "trusted_to_dict",
    "check_attachment",
    "method_for",
    "record_signature_check",
]

SETTLED: Final = ("verified", "failed")
_METHOD_BY_KIND: Final = {"pdf": "pdf_signature", "cms": "cms_signature", "smime": "smime"}


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """The letter an outcome calls for; the letters service writes it."""

    letter_kind: str  # "identity_request" | "refusal"
    reasons: tuple[str, ...]
    notes: tuple[str, ...] = ()  # for the DPO: what each law says about asking / refusing

    def to_dict(self) -> dict[str, Any]:
        return {
            "letter_kind": self.letter_kind,
            "reasons": list(self.reasons),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class DestroyedCopy:
    """An ID copy whose bytes are gone; what the verification record keeps of it."""

    attachment_id: int
    sha256: str
    size: int
    destroyed_at: datetime
    check_id: int | None  # the verification record it was noted in

    def to_dict(self) -> dict[str, Any]:
        return {
            "attachment_id": self.attachment_id,
            "sha256": self.sha256,
            "size": self.size,
            "destroyed_at": self.destroyed_at.isoformat(),
            "check_id": self.check_id,
        }


@dataclass(frozen=True)
class CheckResult:
    """A recorded identity check and what followed from it."""

    record: IdentityRecord
    assessment: Assessment | None
    proposal: Proposal | None
    status: str  # the case's status afterwards
    pause: str  # "started" | "continued" | "ended" | ""
    destroyed: tuple[DestroyedCopy, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "record": self.record.to_dict(),
            "assessment": self.assessment.to_dict() if self.assessment else None,
            "proposal": self.proposal.to_dict() if self.proposal else None,
            "status": self.status,
            "pause": self.pause or None,
            "destroyed": [d.to_dict() for d in self.destroyed],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class RetentionDue:
    """An ID copy the controller's retention policy says should be destroyed now."""

    case_id: int
    reference: str
    attachment_id: int
    filename: str
    reason: str
    since: date | None
    waiting_days: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "attachment_id": self.attachment_id,
            "filename": self.filename,
            "reason": self.reason,
            "since": self.since.isoformat() if self.since else None,
            "waiting_days": self.waiting_days,
        }


@dataclass(frozen=True)
class IdentityOverview:
    """Everything about a case's identity verification, for ``identity show`` and the window."""

    case_id: int
    reference: str
    status: str
    controller: str
    records: tuple[IdentityRecord, ...]
    id_copies: tuple[AttachmentMeta, ...]
    pause_open_since: date | None
    settled: bool
    destroy_allowed: bool
    retention: str
    id_copy_warning: str | None
    copy_marks: tuple[IdCopyMark, ...] = ()  # ID copies marked among emailed attachments

    def copy_state(self, copy: AttachmentMeta) -> str:
        """``stored`` | ``destroyed`` | ``destroyed; message rewritten`` | ... (for show)."""
        mark = next((m for m in self.copy_marks if m.attachment_id == copy.id), None)
        if copy.destroyed_at is None:
            return (
                "stored (also inside its email)" if mark and mark.email_attachment_id else "stored"
            )
        if mark is None or mark.email_attachment_id is None:
            return "destroyed"
        if mark.message_rewritten_at is not None:
            return "destroyed, also cut out of its email"
        return "destroyed, but its email still holds it"

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "reference": self.reference,
            "status": self.status,
            "controller": self.controller,
            "records": [r.to_dict() for r in self.records],
            "id_copies": [
                {
                    "attachment_id": a.id,
                    "filename": a.filename,
                    "media_type": a.media_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "destroyed_at": a.destroyed_at.isoformat() if a.destroyed_at else None,
                    "state": self.copy_state(a),
                    "from_email": next(
                        (m.to_dict() for m in self.copy_marks if m.attachment_id == a.id), None
                    ),
                }
                for a in self.id_copies
            ],
            "pause_open_since": self.pause_open_since.isoformat()
            if self.pause_open_since
            else None,
            "settled": self.settled,
            "destroy_allowed": self.destroy_allowed,
            "retention": self.retention,
            "id_copy_warning": self.id_copy_warning,
        }


@dataclass(frozen=True)
class ImportedCert(TrustedCert):
    """A trust-store entry as imported, with what the DPO should know about it."""

    warnings: tuple[str, ...] = ()
    already_trusted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            **trusted_to_dict(self),
            "warnings": list(self.warnings),
            "already_trusted": self.already_trusted,
        }


def trusted_to_dict(cert: TrustedCert) -> dict[str, Any]:
    return {
        "id": cert.id,
        "subject": cert.subject,
        "issuer": cert.issuer,
        "sha256": cert.sha256,
        "not_after": cert.not_after,
        "added_at": cert.added_at.isoformat(),
        # provenance (issue 15; services/trust.py decides and lists it)
        "imported_at": cert.added_at.isoformat(),
        "source": cert.source,
        "source_detail": cert.source_detail,
        "qualified": cert.qualified,
    }


# --- paper checklist -------------------------------------------------------------------------


def record_checklist(
    cf: CaseFile,
    case_id: int,
    checklist: IdChecklist,
    outcome: str,
    today: date,
    *,
    request_more: str | None = None,
) -> CheckResult:
    """Record a paper/scanned ID check with the DPO's ``outcome`` and apply it.

    ``request_more`` says what to ask for when the outcome is ``more_information_needed``
    (otherwise the checklist's gaps and doubts are the reasons); for ``failed`` it is the
    refusal's reason when the checklist shows none.
    """
    if outcome not in OUTCOMES:
        raise InvalidInput(f"An identity outcome is one of: {', '.join(OUTCOMES)}.")
    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    assessment = assess(
        checklist, today, signed_copy_required=controller.verification.requires_signed_id_copy
    )
    if outcome == "verified" and checklist.name_matches is False:
        raise InvalidInput(
            Message(
                "The name on the identity document does not match the requester: the identity "
                "cannot be recorded as verified."
            )
        )
    ask = (request_more or "").strip()
    if outcome == "more_information_needed" and not case.status.is_open:
        raise InvalidInput(
            f"Case {case.reference} is {case.status.value.replace('_', ' ')}; reopen it before "
            "asking for identity information."
        )
    stored = checklist.to_dict()
    del stored["last4"]  # kept once, in document_last4
    stored.update(
        {
            "suggested_outcome": assessment.outcome,
            "warnings": list(assessment.warnings),
            "missing": list(assessment.missing),
        }
    )
    if ask:
        stored["request_more"] = ask
    proposal: Proposal | None = None
    pause = ""
    notes: list[str] = []
    with cf.transaction():
        record = cf.identity.record(
            case.id or case_id,
            method="paper_checklist",
            outcome=outcome,
            checklist=stored,
            document_type=checklist.document_type,
            document_last4=checklist.last4,
        )
        if outcome == "more_information_needed":
            reasons = (ask,) if ask else _doubts(assessment)
            if not reasons:
                raise InvalidInput(
                    Message(
                        "The checklist raises no doubt: say what identity information is needed."
                    )
                )
            pause = _ask_for_more(cf, case, record.id, today)
            proposal = Proposal(
                "identity_request", reasons, tuple(_asking_notes(controller, pause))
            )
        else:
            pause = _end_pause(cf, case, record.id, today)
            if pause:
                notes.append(
                    f"The identity pause was ended on {today.isoformat()}; if the information "
                    "arrived earlier, record its date with 'identity received' before checking."
                )
            warning = policy.id_copy_warning(controller)
            if warning:
                notes.append(warning)
            if outcome == "verified":
                _resume(cf, case)
            else:
                proposal = Proposal(
                    "refusal",
                    assessment.failures
                    or ((ask,) if ask else ("The requester's identity could not be confirmed.",)),
                    (
                        "Refuse only when the subject cannot be identified; say why and how to "
                        "complain to the supervisory authority.",
                    ),
                )
    destroyed: tuple[DestroyedCopy, ...] = ()
    if outcome == "verified" and _retention(controller) == "on_verified":
        destroyed = tuple(
            destroy_id_copies(cf, case_id, reason="identity verified (retention: on_verified)")
        )
    return CheckResult(
        cf.identity.get(record.id),
        assessment,
        proposal,
        str(cf.cases.get(case_id).status),
        pause,
        destroyed,
        tuple(notes),
    )


def _doubts(assessment: Assessment) -> tuple[str, ...]:
    missing = [f"Not established: {label}." for label in assessment.missing_labels]
    return (*assessment.warnings, *missing)


def _asking_notes(controller: Controller, pause: str) -> list[str]:
    notes = [
        f"{entry.name}: {entry.ask_for_more}" for entry in policy.controller_guidance(controller)
    ]
    warning = policy.id_copy_warning(controller)
    if warning:
        notes.append(warning)
    if pause == "continued":
        notes.append("An identity request is already open: the existing pause continues.")
    return notes


def _ask_for_more(cf: CaseFile, case: Case, check_id: int, today: date) -> str:
    """Pause the clock (unless a request is open) and mark the case awaiting identity."""
    case_id = case.id or 0
    pause = "continued"
    if _open_request(cf.cases.clock_events(case_id)) is None:
        cf.cases.add_clock_event(
            case_id,
            ClockEventKind.IDENTITY_REQUESTED,
            today,
            note=f"identity check {check_id}: more information needed",
        )
        pause = "started"
    if case.status != CaseStatus.AWAITING_IDENTITY:
        cf.cases.set_status(
            case_id, CaseStatus.AWAITING_IDENTITY, reason="identity information requested"
        )
    return pause


def _end_pause(cf: CaseFile, case: Case, check_id: int, today: date) -> str:
    """A settled check means the requested information arrived: end an open pause."""
    case_id = case.id or 0
    since = _open_request(cf.cases.clock_events(case_id))
    if since is None:
        return ""
    cf.cases.add_clock_event(
        case_id,
        ClockEventKind.IDENTITY_RECEIVED,
        max(today, since),
        note=f"identity check {check_id}: identity settled",
    )
    return "ended"


def _resume(cf: CaseFile, case: Case) -> None:
    current = cf.cases.get(case.id or 0)
    # identity is settled: the request is being worked on (from "received" too, when the proof
    # came with the request and nothing had to be asked for)
    if current.status in (CaseStatus.AWAITING_IDENTITY, CaseStatus.RECEIVED):
        cf.cases.set_status(current.id or 0, CaseStatus.IN_PROGRESS, reason="identity verified")


def _open_request(events: list[ClockEvent]) -> date | None:
    """The date of the identity request still awaiting its answer (the deadline engine's pairing:
    by date, a request before an answer on the same day)."""
    opened: date | None = None
    ordered = sorted(events, key=lambda e: (e.on, e.kind == ClockEventKind.IDENTITY_RECEIVED))
    for event in ordered:
        if event.kind == ClockEventKind.IDENTITY_REQUESTED and opened is None:
            opened = event.on
        elif event.kind == ClockEventKind.IDENTITY_RECEIVED:
            opened = None
    return opened


def identity_received(
    cf: CaseFile, case_id: int, on: date, *, today: date | None = None
) -> ClockEvent:
    """Record that the requested identity information arrived on ``on`` (ends the pause)."""
    case = cf.cases.get(case_id)
    since = _open_request(cf.cases.clock_events(case_id))
    if since is None:
        raise InvalidInput(
            Message(
                "No identity information is awaited on case {reference}: nothing was "
                "requested, or its arrival is already recorded.",
                reference=case.reference,
            )
        )
    if on < since:
        raise InvalidInput(
            Message(
                "The information cannot arrive on {date}, before it was requested ({since}).",
                date=on.isoformat(),
                since=since.isoformat(),
            )
        )
    if today is not None and on > today:
        raise InvalidInput(Message("The date {date} is in the future.", date=on.isoformat()))
    return cf.cases.add_clock_event(
        case_id, ClockEventKind.IDENTITY_RECEIVED, on, note="identity information received"
    )


# --- signatures ------------------------------------------------------------------------------


def check_attachment(
    cf: CaseFile,
    case_id: int,
    attachment_id: int,
    *,
    detached_attachment_id: int | None = None,
) -> tuple[SignatureReport, dict[str, Any]]:
    """Check a stored PDF, CMS or S/MIME attachment against the trust store; record nothing.

    Returns the report and the facts a verification record keeps about the check. Whether the
    signature settles identity (its signer must be the data subject) is decided by
    :mod:`dpo_desk.services.identity`, which then calls :func:`record_signature_check`.
    """
    from dpo_desk.identity.signatures import verify_file

    case = cf.cases.get(case_id)
    meta = _case_attachment(cf, case, attachment_id)
    data = cf.attachments.data(attachment_id)
    signature: bytes | None = None
    if detached_attachment_id is not None:
        if detached_attachment_id == attachment_id:
            raise InvalidInput(
                Message("A detached signature is a different attachment from its file.")
            )
        _case_attachment(cf, case, detached_attachment_id)
        signature = cf.attachments.data(detached_attachment_id)
    roots = cf.trust.ders()
    report = verify_file(data, detached=signature, filename=meta.filename, trust_roots=roots)
    facts: dict[str, Any] = {
        "attachment_id": attachment_id,
        "attachment_sha256": meta.sha256,
        "detached_attachment_id": detached_attachment_id,
        "verdict": report.verdict,
        "reason": report.reason,
        "sender_email_matches": report.sender_email_matches,
        "trusted_certificates": len(roots),
        "unsigned_parts": list(report.unsigned_parts),
    }
    if report.kind == "smime" and report.sender and case.subject.email:
        facts["sender_is_requester"] = report.sender.lower() == case.subject.email.strip().lower()
    return report, facts


def record_signature_check(
    cf: CaseFile,
    case_id: int,
    *,
    method: str,
    outcome: str,
    facts: dict[str, Any],
    signature_report: dict[str, Any] | None,
    today: date | None = None,
) -> tuple[IdentityRecord, tuple[DestroyedCopy, ...]]:
    """Record a decided signature check (or the DPO's override) and apply its outcome.

    A verified or failed outcome settles identity as a checklist would (the pause ends, an
    awaiting case resumes, ``on_verified`` copies go); ``more_information_needed`` changes
    nothing else.
    """
    if outcome not in OUTCOMES:
        raise InvalidInput(f"An identity outcome is one of: {', '.join(OUTCOMES)}.")
    case = cf.cases.get(case_id)
    day = today or cf.clock().astimezone(UTC).date()
    with cf.transaction():
        record = cf.identity.record(
            case_id,
            method=method,
            outcome=outcome,
            checklist=facts,
            signature_report=signature_report,
        )
        if outcome in SETTLED:
            _end_pause(cf, case, record.id, day)
        if outcome == "verified":
            _resume(cf, case)
    controller = cf.controllers.get(case.controller_id)
    destroyed: tuple[DestroyedCopy, ...] = ()
    if outcome == "verified" and _retention(controller) == "on_verified":
        destroyed = tuple(
            destroy_id_copies(cf, case_id, reason="identity verified (retention: on_verified)")
        )
    return cf.identity.get(record.id), destroyed


def method_for(kind: str) -> str:
    """The verification method recorded for a signature report's kind."""
    return _METHOD_BY_KIND.get(kind, kind)


def _case_attachment(cf: CaseFile, case: Case, attachment_id: int) -> AttachmentMeta:
    meta = cf.attachments.get(attachment_id)
    if meta.case_id != case.id:
        raise InvalidInput(f"Attachment {attachment_id} does not belong to case {case.reference}.")
    return meta


# --- trust store -----------------------------------------------------------------------------


def import_certificates(
    cf: CaseFile, data: bytes, *, today: date | None = None
) -> list[ImportedCert]:
    """Add every certificate in ``data`` (PEM, several PEM, DER or a .p7b bundle) to the trust
    store, all or none. A certificate that is not a CA, has expired, is not yet valid or uses a
    GOST key is added with a warning. Garbage raises :class:`InvalidInput`.
    """
    from dpo_desk.identity.signatures import load_certificates

    certs = load_certificates(data)
    day = today or cf.clock().astimezone(UTC).date()
    known = {c.sha256 for c in cf.trust.list()}
    imported: list[ImportedCert] = []
    with cf.transaction():
        for cert in certs:
            der = cert.dump()
            subject = _dn(cert.subject)
            not_after = _validity(cert, "not_after")
            added = cf.trust.add(
                der,
                subject=subject,
                issuer=_dn(cert.issuer),
                not_after=not_after.isoformat() if not_after else None,
            )
            values = {f.name: getattr(added, f.name) for f in fields(TrustedCert)}
            imported.append(
                ImportedCert(
                    **values,
                    warnings=tuple(_certificate_warnings(cert, day)),
                    already_trusted=added.sha256 in known,
                )
            )
            known.add(added.sha256)
    return imported


def list_trusted(cf: CaseFile) -> list[TrustedCert]:
    return cf.trust.list()


def remove_trusted(cf: CaseFile, cert_id: int) -> TrustedCert:
    """Remove a certificate from the trust store; returns what was removed."""
    cert = cf.trust.get(cert_id)
    cf.trust.remove(cert_id)
    return cert


def _dn(name: asn1_x509.Name) -> str:
    try:
        return str(name.human_friendly)
    except Exception:  # a hostile or unusual name must not stop the import
        return "(unreadable name)"


def _validity(cert: asn1_x509.Certificate, which: str) -> datetime | None:
    try:
        value = cert["tbs_certificate"]["validity"][which].native
    except Exception:
        return None
    return value if isinstance(value, datetime) else None


def _certificate_warnings(cert: asn1_x509.Certificate, today: date) -> list[str]:
    warnings = []
    name = _dn(cert.subject)
    try:
        is_ca = bool(cert.ca)
    except Exception:
        is_ca = False
    if not is_ca:
        warnings.append(
            f"{name} is not a certification authority: only signatures made with this very "
            "certificate will be trusted."
        )
    not_after = _validity(cert, "not_after")
    not_before = _validity(cert, "not_before")
    if not_after is not None and not_after.date() < today:
        warnings.append(
            f"{name} expired on {not_after.date().isoformat()}: signatures that depend on it "
            "will show as untrusted."
        )
    if not_before is not None and not_before.date() > today:
        warnings.append(f"{name} is not valid before {not_before.date().isoformat()}.")
    try:
        key_oid = cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"]
        oid = key_oid.dotted
    except Exception:
        oid = ""
    if oid.startswith("1.2.398."):  # Russian GOST keys are verified (identity/gost.py)
        warnings.append(
            f"{name} uses a Kazakh GOST key ({oid}): DPO Desk cannot verify Kazakh GOST "
            "signatures, which stay 'unsupported' whatever the trust store holds."
        )
    return warnings


# --- destruction and retention ---------------------------------------------------------------


def settled_record(cf: CaseFile, case_id: int) -> IdentityRecord | None:
    """The latest verified or failed check of a case (identity is then settled)."""
    for record in reversed(cf.identity.for_case(case_id)):
        if record.outcome in SETTLED:
            return record
    return None


def _id_copies(cf: CaseFile, case_id: int) -> list[AttachmentMeta]:
    return [a for a in cf.attachments.for_case(case_id) if a.role == AttachmentRole.ID_DOCUMENT]


def destroy_id_copies(cf: CaseFile, case_id: int, *, reason: str) -> list[DestroyedCopy]:
    """Destroy the case's ID copies once identity is settled or the case is no longer open.

    Each copy's id, SHA-256 and destruction time are appended to the verification record (the
    latest settled check, or the latest check of a closed case); the attachment row keeps its
    hash and the audit log the destruction. Copies destroyed earlier without a note in a record
    (e.g. when the case was closed) are noted too. Raises :class:`EvidenceStillNeeded` for an
    open case whose identity is not settled.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("Say why the ID copies are destroyed.")
    case = cf.cases.get(case_id)
    copies = _id_copies(cf, case_id)
    live = [a for a in copies if a.destroyed_at is None]
    settled = settled_record(cf, case_id)
    if live and case.status.is_open and settled is None:
        raise EvidenceStillNeeded(
            f"Case {case.reference} is open and its identity is not settled: record the "
            "verification (verified or failed) before destroying the ID copies."
        )
    target = settled or cf.identity.latest(case_id)
    destroyed = []
    for meta in live:
        # destruction and its note in the verification record commit together
        gone = cf.attachments.destroy(
            meta.id, reason=reason, note_check_id=target.id if target else None
        )
        destroyed.append(
            DestroyedCopy(
                gone.id,
                gone.sha256,
                gone.size,
                gone.destroyed_at or cf.clock(),
                target.id if target else None,
            )
        )
    noted = {
        int(entry["attachment_id"])
        for record in cf.identity.for_case(case_id)
        for entry in record.destroyed
    }
    fresh = {d.attachment_id for d in destroyed}
    for meta in copies:
        if meta.destroyed_at is not None and meta.id not in noted and meta.id not in fresh:
            _note(cf, case_id, target, meta)
    _cut_from_messages(cf, case_id)
    if destroyed:
        purge_automatic_backups(cf)
    return destroyed


def _cut_from_messages(cf: CaseFile, case_id: int) -> None:
    """Re-store each raw message that still holds a destroyed ID copy, without it."""
    from dpo_desk.casefile import idcopies as marks

    from .idcopies import without_part

    changed = False
    for mark in marks.marks_for_case(cf, case_id):
        copy = cf.attachments.get(mark.attachment_id)
        if copy.destroyed_at is None or mark.email_attachment_id is None:
            continue
        if mark.message_rewritten_at is not None:
            continue
        try:
            raw = cf.attachments.data(mark.email_attachment_id)
        except NotFound:
            continue  # the message itself is gone
        note = (
            f"[An ID copy ({copy.filename}, SHA-256 {copy.sha256}) was removed from this "
            f"message by DPO Desk on {cf.clock():%Y-%m-%d}.]"
        )
        rewritten = without_part(raw, copy.sha256, note)
        if rewritten is None:  # unreadable or an Outlook .msg: the message's bytes go too
            cf.attachments.destroy(
                mark.email_attachment_id,
                reason=f"it holds the destroyed ID copy {copy.id} and cannot be rewritten",
                force_open_case=True,
            )
        else:
            marks.replace_message(
                cf, mark.email_attachment_id, rewritten, copy_attachment_id=copy.id
            )
        changed = True
    if changed:
        cf.checkpoint()


def purge_automatic_backups(cf: CaseFile) -> list[str]:
    """Delete the copies DPO Desk made by itself (before migrations): they predate a
    destruction and still hold the destroyed ID copies. The DPO's own backups are reported by
    ``check`` instead (see :func:`dpo_desk.casefile.health.run_checks`)."""
    from dpo_desk.casefile.idcopies import automatic_backups

    purged = []
    for path in automatic_backups(cf.path):
        try:
            path.unlink()
        except OSError:
            continue  # ``check`` reports what remains
        purged.append(path.name)
    if purged:
        cf.log("backup.purged", None, {"files": purged, "why": "ID copies destroyed"})
    return purged


def _note(
    cf: CaseFile, case_id: int, target: IdentityRecord | None, meta: AttachmentMeta
) -> DestroyedCopy:
    at = meta.destroyed_at or cf.clock()
    if target is not None:
        with cf.transaction():
            cf.identity.note_destroyed(target.id, meta.id, meta.sha256, at.isoformat())
            cf.log(
                "identity.copy_destroyed",
                case_id,
                {"check_id": target.id, "attachment_id": meta.id, "sha256": meta.sha256},
            )
    return DestroyedCopy(meta.id, meta.sha256, meta.size, at, target.id if target else None)


def _retention(controller: Controller) -> str:
    value = controller.verification.id_copy_retention
    return value if value in policy.RETENTIONS else "on_close"


def retention_due(cf: CaseFile, today: date) -> list[RetentionDue]:
    """ID copies that should be destroyed now: the case is closed, or identity was verified
    and the controller destroys copies "on_verified". For a reminder in the window."""
    due: list[RetentionDue] = []
    controllers: dict[str, Controller] = {}
    for row in cf.cases.list(CaseQuery(order_by="reference", descending=False)):
        live = [a for a in _id_copies(cf, row.id) if a.destroyed_at is None]
        if not live:
            continue
        reason = ""
        since: date | None = None
        if row.status == CaseStatus.CLOSED:
            reason = "case closed"
            since = cf.cases.get(row.id).closed_on
        else:
            if row.controller_slug not in controllers:
                found = cf.controllers.by_slug(row.controller_slug)
                assert found is not None  # by_slug raises when missing
                controllers[row.controller_slug] = found
            latest = cf.identity.latest(row.id)
            if (
                _retention(controllers[row.controller_slug]) == "on_verified"
                and latest is not None
                and latest.outcome == "verified"
            ):
                reason = "identity verified (retention: on_verified)"
                since = latest.checked_at.astimezone(UTC).date()
        if not reason:
            continue
        waiting = (today - since).days if since else None
        due.extend(
            RetentionDue(row.id, row.reference, a.id, a.filename, reason, since, waiting)
            for a in live
        )
    return due


def identity_overview(cf: CaseFile, case_id: int) -> IdentityOverview:
    from dpo_desk.casefile.idcopies import marks_for_case

    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    copies = _id_copies(cf, case_id)
    settled = settled_record(cf, case_id) is not None
    return IdentityOverview(
        case_id=case_id,
        reference=case.reference,
        status=str(case.status),
        controller=controller.slug,
        records=tuple(cf.identity.for_case(case_id)),
        id_copies=tuple(copies),
        pause_open_since=_open_request(cf.cases.clock_events(case_id)),
        settled=settled,
        destroy_allowed=settled or not case.status.is_open,
        retention=_retention(controller),
        id_copy_warning=policy.id_copy_warning(controller),
        copy_marks=tuple(marks_for_case(cf, case_id)),
    )
