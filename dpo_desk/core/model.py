"""The domain model: controllers, data subjects, cases, notes, attachments, events.

Frozen dataclasses; dates are ``date``, instants are UTC-aware ``datetime``. Ids are
``NewType``s over ``int``: the case file assigns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NewType

CaseId = NewType("CaseId", int)
ControllerId = NewType("ControllerId", int)
AttachmentId = NewType("AttachmentId", int)
LetterId = NewType("LetterId", int)
NoteId = NewType("NoteId", int)


class Channel(StrEnum):
    POST = "post"
    EMAIL = "email"
    OTHER = "other"


class CaseStatus(StrEnum):
    RECEIVED = "received"
    AWAITING_IDENTITY = "awaiting_identity"
    IN_PROGRESS = "in_progress"
    RESPONDED = "responded"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset(
    {CaseStatus.RECEIVED, CaseStatus.AWAITING_IDENTITY, CaseStatus.IN_PROGRESS}
)


class RequestKind(StrEnum):
    """What the data subject asks for. Names are part of the headless contract."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION = "objection"
    OBJECTION_AUTOMATED = "objection_automated"
    STOP_PROCESSING = "stop_processing"
    CONSENT_WITHDRAWAL = "consent_withdrawal"
    MARKETING_OPT_OUT = "marketing_opt_out"
    RECIPIENTS_INFO = "recipients_info"
    PORTABILITY = "portability"
    TRANSFER_NOTIFICATION = "transfer_notification"
    UNLAWFUL_PROCESSING_STOP = "unlawful_processing_stop"
    CONSENT_WITHDRAWAL_DESTROY = "consent_withdrawal_destroy"


class AttachmentRole(StrEnum):
    EMAIL = "email"  # original message bytes (evidence)
    EMAIL_PART = "email_part"  # a file attached to an email
    LETTER_SCAN = "letter_scan"  # a scan of a postal request
    ID_DOCUMENT = "id_document"  # a copy of an identity document (destroyable)
    SIGNATURE = "signature"  # a detached signature file
    OTHER = "other"


class LetterKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    IDENTITY_REQUEST = "identity_request"
    EXTENSION_NOTICE = "extension_notice"
    ACCESS_RESPONSE = "access_response"
    ACTION_CONFIRMATION = "action_confirmation"
    REFUSAL = "refusal"


class ClockEventKind(StrEnum):
    """Case events that move a deadline (pauses, restarts, extensions)."""

    IDENTITY_REQUESTED = "identity_requested"
    IDENTITY_RECEIVED = "identity_received"
    CLARIFICATION_REQUESTED = "clarification_requested"
    CLARIFICATION_RECEIVED = "clarification_received"
    FEE_REQUESTED = "fee_requested"
    FEE_PAID = "fee_paid"
    EXTENSION_NOTICE_SENT = "extension_notice_sent"


@dataclass(frozen=True)
class ControllerProfile:
    """What an access response tells about the processing (filled from the privacy policy)."""

    purposes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    retention: str = ""
    sources: tuple[str, ...] = ()
    transfers: str = ""


@dataclass(frozen=True)
class VerificationPolicy:
    """Which identity proof the controller accepts, and how long ID copies are kept."""

    accepted: tuple[str, ...] = ("account_match", "registered_email")
    # "on_close": ID copies destroyed when the case closes; "on_verified": as soon as settled.
    id_copy_retention: str = "on_close"
    requires_signed_id_copy: bool = False


@dataclass(frozen=True)
class Controller:
    id: ControllerId | None
    slug: str
    name: str
    legal_entity: str = ""
    registration_no: str = ""
    address: str = ""  # postal address, one line per row
    dpo_contact: str = ""  # name and postal address or email of the DPO
    emails: tuple[str, ...] = ()  # addresses where requests arrive (intake routing)
    jurisdictions: tuple[str, ...] = ()  # e.g. ("KG", "FR"); several regimes may apply
    channels: tuple[Channel, ...] = (Channel.POST, Channel.EMAIL)
    languages: tuple[str, ...] = ("en",)  # ISO 639-1, first is the default reply language
    profile: ControllerProfile = field(default_factory=ControllerProfile)
    verification: VerificationPolicy = field(default_factory=VerificationPolicy)
    logo: bytes | None = None


@dataclass(frozen=True)
class DataSubject:
    name: str
    email: str = ""
    address: str = ""
    phone: str = ""
    account_ref: str = ""  # customer number or login at the controller
    # personal identifiers a qualified signature certificate may carry (digits only; optional)
    snils: str = ""  # Russia: insurance account number (11 digits)
    inn: str = ""  # Russia: taxpayer number of a person (12 digits)
    iin: str = ""  # Kazakhstan: individual identification number (12 digits)


@dataclass(frozen=True)
class Case:
    id: CaseId | None
    reference: str  # "2026-0042"
    controller_id: ControllerId
    subject: DataSubject
    kinds: tuple[RequestKind, ...]  # main request first
    channel: Channel
    received: date
    status: CaseStatus = CaseStatus.RECEIVED
    language: str = ""  # language of the request (ISO 639-1), "" if unknown
    reply_language: str = ""  # language the replies are written in
    summary: str = ""  # the request in a sentence or two
    postmark: date | None = None  # postal: the envelope's postmark date
    registered_no: str = ""  # postal: registered-mail number
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_on: date | None = None
    responded_on: date | None = None
    outcome: str = ""  # free text: what was done in the end


@dataclass(frozen=True)
class Note:
    id: NoteId | None
    case_id: CaseId
    text: str
    created_at: datetime


@dataclass(frozen=True)
class AttachmentMeta:
    """An attachment's facts; the bytes stay in the case file until asked for."""

    id: AttachmentId
    case_id: CaseId | None
    role: AttachmentRole
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime
    destroyed_at: datetime | None = None


@dataclass(frozen=True)
class ClockEvent:
    """A dated event on a case that the deadline engine reads."""

    kind: ClockEventKind
    on: date
    note: str = ""


@dataclass(frozen=True)
class AuditEvent:
    """One link of the hash-chained audit log."""

    seq: int
    at: datetime
    actor: str
    action: str
    case_id: CaseId | None
    data: dict[str, Any]
    prev_hash: str
    hash: str
