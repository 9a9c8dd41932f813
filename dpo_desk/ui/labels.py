"""Translated names for the domain's enums (request kinds, statuses, channels, clock events)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from dpo_desk.core.model import (
    AttachmentRole,
    CaseStatus,
    Channel,
    ClockEventKind,
    LetterKind,
    RequestKind,
)

_CTX = "Labels"

KIND_NAMES: dict[str, str] = {
    RequestKind.ACCESS: QT_TRANSLATE_NOOP("Labels", "Access"),
    RequestKind.RECTIFICATION: QT_TRANSLATE_NOOP("Labels", "Rectification"),
    RequestKind.ERASURE: QT_TRANSLATE_NOOP("Labels", "Erasure"),
    RequestKind.RESTRICTION: QT_TRANSLATE_NOOP("Labels", "Restriction (blocking)"),
    RequestKind.OBJECTION: QT_TRANSLATE_NOOP("Labels", "Objection"),
    RequestKind.OBJECTION_AUTOMATED: QT_TRANSLATE_NOOP(
        "Labels", "Objection to automated decisions"
    ),
    RequestKind.STOP_PROCESSING: QT_TRANSLATE_NOOP("Labels", "Stop processing"),
    RequestKind.CONSENT_WITHDRAWAL: QT_TRANSLATE_NOOP("Labels", "Consent withdrawal"),
    RequestKind.MARKETING_OPT_OUT: QT_TRANSLATE_NOOP("Labels", "Marketing opt-out"),
    RequestKind.RECIPIENTS_INFO: QT_TRANSLATE_NOOP("Labels", "Recipients"),
    RequestKind.PORTABILITY: QT_TRANSLATE_NOOP("Labels", "Portability"),
    RequestKind.TRANSFER_NOTIFICATION: QT_TRANSLATE_NOOP("Labels", "Transfer notification"),
    RequestKind.UNLAWFUL_PROCESSING_STOP: QT_TRANSLATE_NOOP("Labels", "Stop unlawful processing"),
    RequestKind.CONSENT_WITHDRAWAL_DESTROY: QT_TRANSLATE_NOOP(
        "Labels", "Destruction after consent withdrawal"
    ),
}

STATUS_NAMES: dict[str, str] = {
    CaseStatus.RECEIVED: QT_TRANSLATE_NOOP("Labels", "Received"),
    CaseStatus.AWAITING_IDENTITY: QT_TRANSLATE_NOOP("Labels", "Awaiting identity"),
    CaseStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    CaseStatus.RESPONDED: QT_TRANSLATE_NOOP("Labels", "Responded"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    CaseStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "Rejected"),
    CaseStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
}

#: What the button that moves a case to a status says.
STATUS_ACTIONS: dict[str, str] = {
    CaseStatus.AWAITING_IDENTITY: QT_TRANSLATE_NOOP("Labels", "Await identity"),
    CaseStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "Start work"),
    CaseStatus.RESPONDED: QT_TRANSLATE_NOOP("Labels", "Mark responded"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Close"),
    CaseStatus.REJECTED: QT_TRANSLATE_NOOP("Labels", "Reject"),
    CaseStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn by requester"),
}

CHANNEL_NAMES: dict[str, str] = {
    Channel.POST: QT_TRANSLATE_NOOP("Labels", "Post"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    Channel.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}

CLOCK_EVENT_NAMES: dict[str, str] = {
    ClockEventKind.IDENTITY_REQUESTED: QT_TRANSLATE_NOOP("Labels", "Identity proof requested"),
    ClockEventKind.IDENTITY_RECEIVED: QT_TRANSLATE_NOOP("Labels", "Identity proof received"),
    ClockEventKind.CLARIFICATION_REQUESTED: QT_TRANSLATE_NOOP("Labels", "Clarification requested"),
    ClockEventKind.CLARIFICATION_RECEIVED: QT_TRANSLATE_NOOP("Labels", "Clarification received"),
    ClockEventKind.FEE_REQUESTED: QT_TRANSLATE_NOOP("Labels", "Fee requested"),
    ClockEventKind.FEE_PAID: QT_TRANSLATE_NOOP("Labels", "Fee paid"),
    ClockEventKind.EXTENSION_NOTICE_SENT: QT_TRANSLATE_NOOP("Labels", "Extension notice sent"),
}

#: Languages offered for requests and replies (ISO 639-1), with their names.
LANGUAGE_NAMES: dict[str, str] = {
    "ru": QT_TRANSLATE_NOOP("Labels", "Russian"),
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
    "ky": QT_TRANSLATE_NOOP("Labels", "Kyrgyz"),
    "kk": QT_TRANSLATE_NOOP("Labels", "Kazakh"),
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "de": QT_TRANSLATE_NOOP("Labels", "German"),
    "uz": QT_TRANSLATE_NOOP("Labels", "Uzbek"),
}

OVERRIDE_KIND_NAMES: dict[str, str] = {
    "holiday": QT_TRANSLATE_NOOP("Labels", "Extra holiday"),
    "working": QT_TRANSLATE_NOOP("Labels", "Working day (transfer)"),
    "not_holiday": QT_TRANSLATE_NOOP("Labels", "Not a holiday"),
}

LETTER_KIND_NAMES: dict[str, str] = {
    LetterKind.ACKNOWLEDGEMENT: QT_TRANSLATE_NOOP("Labels", "Acknowledgement"),
    LetterKind.IDENTITY_REQUEST: QT_TRANSLATE_NOOP("Labels", "Identity request"),
    LetterKind.EXTENSION_NOTICE: QT_TRANSLATE_NOOP("Labels", "Extension notice"),
    LetterKind.ACCESS_RESPONSE: QT_TRANSLATE_NOOP("Labels", "Access response"),
    LetterKind.ACTION_CONFIRMATION: QT_TRANSLATE_NOOP("Labels", "Action confirmation"),
    LetterKind.REFUSAL: QT_TRANSLATE_NOOP("Labels", "Refusal"),
}

#: How a letter went out (the letter register's channels).
SEND_CHANNEL_NAMES: dict[str, str] = {
    "post": QT_TRANSLATE_NOOP("Labels", "Post"),
    "registered_post": QT_TRANSLATE_NOOP("Labels", "Registered post"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
}

ATTACHMENT_ROLE_NAMES: dict[str, str] = {
    AttachmentRole.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    AttachmentRole.EMAIL_PART: QT_TRANSLATE_NOOP("Labels", "Email attachment"),
    AttachmentRole.LETTER_SCAN: QT_TRANSLATE_NOOP("Labels", "Letter scan"),
    AttachmentRole.ID_DOCUMENT: QT_TRANSLATE_NOOP("Labels", "ID copy"),
    AttachmentRole.SIGNATURE: QT_TRANSLATE_NOOP("Labels", "Signature file"),
    AttachmentRole.OTHER: QT_TRANSLATE_NOOP("Labels", "Other file"),
}

DOCUMENT_TYPE_NAMES: dict[str, str] = {
    "passport": QT_TRANSLATE_NOOP("Labels", "Passport"),
    "national_id": QT_TRANSLATE_NOOP("Labels", "National identity card"),
    "driving_licence": QT_TRANSLATE_NOOP("Labels", "Driving licence"),
    "residence_permit": QT_TRANSLATE_NOOP("Labels", "Residence permit"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other identity document"),
}

IDENTITY_OUTCOME_NAMES: dict[str, str] = {
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "more_information_needed": QT_TRANSLATE_NOOP("Labels", "More information needed"),
    "failed": QT_TRANSLATE_NOOP("Labels", "Failed"),
}

#: How identity was checked (a verification record's method).
IDENTITY_METHOD_NAMES: dict[str, str] = {
    "paper_checklist": QT_TRANSLATE_NOOP("Labels", "ID document checklist"),
    "pdf_signature": QT_TRANSLATE_NOOP("Labels", "Signed PDF"),
    "cms_signature": QT_TRANSLATE_NOOP("Labels", "CMS signature"),
    "smime": QT_TRANSLATE_NOOP("Labels", "S/MIME email"),
    "account_match": QT_TRANSLATE_NOOP("Labels", "Account match"),
    "registered_email": QT_TRANSLATE_NOOP("Labels", "Registered email"),
    "dpo_override": QT_TRANSLATE_NOOP("Labels", "Signature accepted by the DPO"),
}

#: The proofs of identity a controller may accept (``VerificationPolicy.accepted``).
PROOF_NAMES: dict[str, str] = {
    "account_match": QT_TRANSLATE_NOOP("Labels", "A match on data the controller holds"),
    "registered_email": QT_TRANSLATE_NOOP("Labels", "A message from the registered email"),
    "signed_id_copy": QT_TRANSLATE_NOOP("Labels", "A signed copy of an ID document"),
    "id_copy": QT_TRANSLATE_NOOP("Labels", "A copy of an ID document"),
    "electronic_signature": QT_TRANSLATE_NOOP("Labels", "An electronic signature"),
}

RETENTION_NAMES: dict[str, str] = {
    "on_close": QT_TRANSLATE_NOOP("Labels", "Destroy ID copies when the case closes"),
    "on_verified": QT_TRANSLATE_NOOP("Labels", "Destroy ID copies once identity is settled"),
}

#: A signature check's verdict (``SignatureReport.verdict``) and a signature's own status.
VERDICT_NAMES: dict[str, str] = {
    "valid": QT_TRANSLATE_NOOP("Labels", "Valid"),
    "partial": QT_TRANSLATE_NOOP("Labels", "Only partly signed"),
    "invalid": QT_TRANSLATE_NOOP("Labels", "Invalid"),
    "untrusted": QT_TRANSLATE_NOOP("Labels", "Valid but not trusted"),
    "unsigned": QT_TRANSLATE_NOOP("Labels", "Not signed"),
    "unsupported": QT_TRANSLATE_NOOP("Labels", "Cannot be checked"),
    "malformed": QT_TRANSLATE_NOOP("Labels", "Damaged"),
}

#: Whether a signer's certificate was checked for revocation (``SignatureCheck.revocation``).
REVOCATION_NAMES: dict[str, str] = {
    "not checked": QT_TRANSLATE_NOOP("Labels", "Not checked (offline)"),
    "good (embedded revocation data)": QT_TRANSLATE_NOOP("Labels", "Good (embedded data)"),
    "revoked": QT_TRANSLATE_NOOP("Labels", "Revoked"),
}


def _t(table: dict[str, str], key: str) -> str:
    source = table.get(str(key))
    if source is None:
        return str(key).replace("_", " ")
    return QCoreApplication.translate(_CTX, source)


def kind_label(kind: str) -> str:
    return _t(KIND_NAMES, kind)


def kinds_label(kinds: tuple[str, ...] | list[str]) -> str:
    return ", ".join(kind_label(k) for k in kinds)


def status_label(status: str) -> str:
    return _t(STATUS_NAMES, status)


def status_action_label(status: str) -> str:
    return _t(STATUS_ACTIONS, status)


def channel_label(channel: str) -> str:
    return _t(CHANNEL_NAMES, channel)


def clock_event_label(kind: str) -> str:
    return _t(CLOCK_EVENT_NAMES, kind)


def language_label(code: str) -> str:
    if not code:
        return QCoreApplication.translate("Labels", "Unknown")
    name = LANGUAGE_NAMES.get(code)
    return QCoreApplication.translate(_CTX, name) if name else code


def override_kind_label(kind: str) -> str:
    return _t(OVERRIDE_KIND_NAMES, kind)


def letter_kind_label(kind: str) -> str:
    return _t(LETTER_KIND_NAMES, kind)


def send_channel_label(channel: str) -> str:
    return _t(SEND_CHANNEL_NAMES, channel)


def attachment_role_label(role: str) -> str:
    return _t(ATTACHMENT_ROLE_NAMES, role)


def document_type_label(kind: str) -> str:
    return _t(DOCUMENT_TYPE_NAMES, kind)


def identity_outcome_label(outcome: str) -> str:
    return _t(IDENTITY_OUTCOME_NAMES, outcome)


def identity_method_label(method: str) -> str:
    return _t(IDENTITY_METHOD_NAMES, method)


def proof_label(method: str) -> str:
    return _t(PROOF_NAMES, method)


def retention_label(retention: str) -> str:
    return _t(RETENTION_NAMES, retention)


def verdict_label(verdict: str) -> str:
    return _t(VERDICT_NAMES, verdict)


def revocation_label(revocation: str) -> str:
    return _t(REVOCATION_NAMES, revocation) if revocation else "—"


def format_size(size: int) -> str:
    """``"812 B"``, ``"34 KB"``, ``"2.5 MB"`` in the locale's digits."""
    locale = QLocale()
    if size < 1024:
        return QCoreApplication.translate("Labels", "{n} B").format(n=size)
    if size < 1024 * 1024:
        return QCoreApplication.translate("Labels", "{n} KB").format(n=round(size / 1024))
    return QCoreApplication.translate("Labels", "{n} MB").format(
        n=locale.toString(size / 1048576, "f", 1)
    )


def format_moment(moment: datetime | None) -> str:
    """A date and time in the DPO's time zone, written the locale's short way."""
    if moment is None:
        return "—"
    local = moment.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def format_date(day: date | None) -> str:
    """A date the way the DPO's locale writes it briefly (``02.03.2026``, ``3/2/26``)."""
    if day is None:
        return "—"
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return day.isoformat()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(day, pattern)


def days_left_text(days: int) -> str:
    """``"today"``, ``"3 days"``, ``"2 days overdue"`` (calendar days)."""
    if days == 0:
        return QCoreApplication.translate("Labels", "today")
    if days > 0:
        return QCoreApplication.translate("Labels", "%n day(s)", "", days)
    return QCoreApplication.translate("Labels", "%n day(s) overdue", "", -days)


def deadline_left_text(state: str, days: int, unit: str) -> str:
    """What is left of a deadline, counted the rule's way: ``"3 working days left"``,
    ``"overdue by 2 days"``, ``"due today"`` (the list and the deadlines tab say the same)."""
    if state == "due_today":
        return QCoreApplication.translate("Labels", "due today")
    working = unit == "working_days"
    if state == "overdue":
        if working:
            return QCoreApplication.translate("Labels", "overdue by %n working day(s)", "", -days)
        return QCoreApplication.translate("Labels", "overdue by %n day(s)", "", -days)
    if working:
        return QCoreApplication.translate("Labels", "%n working day(s) left", "", days)
    return QCoreApplication.translate("Labels", "%n day(s) left", "", days)


COUNTRY_NAMES: dict[str, str] = {
    "RU": QT_TRANSLATE_NOOP("Labels", "Russia"),
    "KZ": QT_TRANSLATE_NOOP("Labels", "Kazakhstan"),
    "KG": QT_TRANSLATE_NOOP("Labels", "Kyrgyzstan"),
    "FR": QT_TRANSLATE_NOOP("Labels", "France"),
    "BR": QT_TRANSLATE_NOOP("Labels", "Brazil"),
    "GB": QT_TRANSLATE_NOOP("Labels", "United Kingdom"),
    "US": QT_TRANSLATE_NOOP("Labels", "United States"),
    "DE": QT_TRANSLATE_NOOP("Labels", "Germany"),
}

SUBDIVISION_NAMES: dict[str, str] = {
    "GB-ENG": QT_TRANSLATE_NOOP("Labels", "England"),
    "GB-SCT": QT_TRANSLATE_NOOP("Labels", "Scotland"),
    "GB-WLS": QT_TRANSLATE_NOOP("Labels", "Wales"),
    "GB-NIR": QT_TRANSLATE_NOOP("Labels", "Northern Ireland"),
    "US-CA": QT_TRANSLATE_NOOP("Labels", "California"),
    "FR-57": QT_TRANSLATE_NOOP("Labels", "Moselle"),
    "FR-67": QT_TRANSLATE_NOOP("Labels", "Bas-Rhin"),
    "FR-68": QT_TRANSLATE_NOOP("Labels", "Haut-Rhin"),
}


def calendar_label(code: str, overrides: int = 0) -> str:
    """``"national calendar (Russia)"``, ``"regional calendar (Scotland, United Kingdom)"``,
    plus the number of the case file's own corrections; never a library's name and version."""
    country, _, subdiv = code.upper().partition("-")
    country_name = COUNTRY_NAMES.get(country)
    country_text = QCoreApplication.translate("Labels", country_name) if country_name else country
    if subdiv:
        sub_name = SUBDIVISION_NAMES.get(f"{country}-{subdiv}")
        sub_text = QCoreApplication.translate("Labels", sub_name) if sub_name else subdiv
        text = QCoreApplication.translate(
            "Labels", "regional calendar ({region}, {country})"
        ).format(region=sub_text, country=country_text)
    else:
        text = QCoreApplication.translate("Labels", "national calendar ({country})").format(
            country=country_text
        )
    if overrides:
        text += " " + QCoreApplication.translate(
            "Labels", "with %n correction(s) from this case file", "", overrides
        )
    return text


def date_input_format() -> str:
    """The display format for date inputs: the same short, four-digit-year form as the tables."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern
