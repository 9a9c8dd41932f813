"""Translated names for the domain's enums (request kinds, statuses, channels, clock events)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from dpo_desk.core.model import CaseStatus, Channel, ClockEventKind, RequestKind

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
