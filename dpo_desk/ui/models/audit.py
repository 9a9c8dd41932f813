"""A case's audit events, read-only: when, who, what, and the event's details."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from dpo_desk.core.model import AuditEvent

from ..labels import (
    attachment_role_label,
    channel_label,
    clock_event_label,
    format_date,
    format_moment,
    format_size,
    identity_method_label,
    identity_outcome_label,
    kinds_label,
    language_label,
    letter_kind_label,
    send_channel_label,
    status_label,
)

AnyIndex = QModelIndex | QPersistentModelIndex

ACTION_NAMES: dict[str, str] = {
    "case.created": QT_TRANSLATE_NOOP("AuditModel", "Case logged"),
    "case.updated": QT_TRANSLATE_NOOP("AuditModel", "Case changed"),
    "case.status": QT_TRANSLATE_NOOP("AuditModel", "Status changed"),
    "note.added": QT_TRANSLATE_NOOP("AuditModel", "Note added"),
    "deadline.event": QT_TRANSLATE_NOOP("AuditModel", "Deadline event"),
    "attachment.added": QT_TRANSLATE_NOOP("AuditModel", "Attachment added"),
    "attachment.destroyed": QT_TRANSLATE_NOOP("AuditModel", "Attachment destroyed"),
    "email.added": QT_TRANSLATE_NOOP("AuditModel", "Email added"),
    "identity.checked": QT_TRANSLATE_NOOP("AuditModel", "Identity checked"),
    "letter.drafted": QT_TRANSLATE_NOOP("AuditModel", "Letter drafted"),
    "letter.edited": QT_TRANSLATE_NOOP("AuditModel", "Letter edited"),
    "letter.finalised": QT_TRANSLATE_NOOP("AuditModel", "Letter finalised"),
    "letter.sent": QT_TRANSLATE_NOOP("AuditModel", "Letter sent"),
    "letter.draft_deleted": QT_TRANSLATE_NOOP("AuditModel", "Letter draft deleted"),
    "letter.warnings_acknowledged": QT_TRANSLATE_NOOP("AuditModel", "Letter warnings accepted"),
    "identity.copy_destroyed": QT_TRANSLATE_NOOP("AuditModel", "Identity copy destroyed"),
    "breach.case_linked": QT_TRANSLATE_NOOP("AuditModel", "Linked to a breach"),
    "breach.case_unlinked": QT_TRANSLATE_NOOP("AuditModel", "Unlinked from a breach"),
}


def action_label(action: str) -> str:
    name = ACTION_NAMES.get(action)
    return (
        QCoreApplication.translate("AuditModel", name)
        if name
        else QCoreApplication.translate("AuditModel", "Other event")
    )


_FIELD_NAMES: dict[str, str] = {
    "subject_name": QT_TRANSLATE_NOOP("AuditModel", "name"),
    "subject_email": QT_TRANSLATE_NOOP("AuditModel", "email"),
    "subject_address": QT_TRANSLATE_NOOP("AuditModel", "address"),
    "kinds": QT_TRANSLATE_NOOP("AuditModel", "what is asked"),
    "channel": QT_TRANSLATE_NOOP("AuditModel", "channel"),
    "received": QT_TRANSLATE_NOOP("AuditModel", "received date"),
    "postmark": QT_TRANSLATE_NOOP("AuditModel", "postmark"),
    "registered_no": QT_TRANSLATE_NOOP("AuditModel", "registered mail no."),
    "language": QT_TRANSLATE_NOOP("AuditModel", "language"),
    "reply_language": QT_TRANSLATE_NOOP("AuditModel", "reply language"),
    "summary": QT_TRANSLATE_NOOP("AuditModel", "summary"),
    "controller_id": QT_TRANSLATE_NOOP("AuditModel", "controller"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


def _day(value: Any) -> str:
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def details_text(event: AuditEvent) -> str:
    """The event as a sentence in the DPO's language: never raw data, codes or hashes (the
    hash and the event's name stay in the tooltip for whoever checks the chain)."""
    data = dict(event.data)
    action = event.action
    if action == "case.status":
        text = QCoreApplication.translate("AuditModel", "From “{old}” to “{new}”").format(
            old=status_label(str(data.get("from", ""))), new=status_label(str(data.get("to", "")))
        )
        if data.get("reason"):
            text += " — " + QCoreApplication.translate("AuditModel", "reason: {reason}").format(
                reason=data["reason"]
            )
        return text + "."
    if action == "case.created":
        kinds = [str(k) for k in data.get("kinds") or []]
        return QCoreApplication.translate(
            "AuditModel", "Logged {reference}: {kinds}, by {channel}, received {date}."
        ).format(
            reference=data.get("reference", ""),
            kinds=kinds_label(kinds) if kinds else "—",
            channel=channel_label(str(data.get("channel", ""))).lower(),
            date=_day(data.get("received", "")),
        )
    if action == "case.updated":
        names = [_tr(_FIELD_NAMES[k]) for k in data if k in _FIELD_NAMES]
        if not names:
            return QCoreApplication.translate("AuditModel", "The case's details were changed.")
        return QCoreApplication.translate("AuditModel", "Changed: {fields}.").format(
            fields=", ".join(names)
        )
    if action == "note.added":
        return QCoreApplication.translate(
            "AuditModel", "A note was added (it is in the Overview tab)."
        )
    if action == "deadline.event":
        text = QCoreApplication.translate("AuditModel", "{event} on {date}").format(
            event=clock_event_label(str(data.get("kind", ""))), date=_day(data.get("on", ""))
        )
        if data.get("note"):
            text += ": " + str(data["note"])
        return text + "."
    if action == "attachment.added":
        return QCoreApplication.translate("AuditModel", "A file was added: {role}, {size}.").format(
            role=attachment_role_label(str(data.get("role", ""))).lower(),
            size=format_size(int(data.get("size", 0) or 0)),
        )
    if action in ("attachment.destroyed", "identity.copy_destroyed"):
        role = str(data.get("role", "identity_copy" if "check_id" in data else ""))
        text = QCoreApplication.translate("AuditModel", "A file was destroyed: {role}").format(
            role=attachment_role_label(role).lower() if role else "—"
        )
        if data.get("reason"):
            text += " — " + QCoreApplication.translate("AuditModel", "reason: {reason}").format(
                reason=data["reason"]
            )
        return text + "."
    if action == "email.added":
        if data.get("smime_signed"):
            return QCoreApplication.translate(
                "AuditModel", "An email was added (signed with S/MIME)."
            )
        return QCoreApplication.translate("AuditModel", "An email was added.")
    if action == "identity.checked":
        return QCoreApplication.translate(
            "AuditModel", "Identity checked by {method}: {outcome}."
        ).format(
            method=identity_method_label(str(data.get("method", ""))).lower(),
            outcome=identity_outcome_label(str(data.get("outcome", ""))).lower(),
        )
    if action == "letter.drafted":
        return QCoreApplication.translate(
            "AuditModel", "A draft of the {kind} was started ({language})."
        ).format(
            kind=letter_kind_label(str(data.get("kind", ""))).lower(),
            language=language_label(str(data.get("language", ""))),
        )
    if action == "letter.edited":
        return QCoreApplication.translate("AuditModel", "A letter draft was edited.")
    if action == "letter.finalised":
        return QCoreApplication.translate(
            "AuditModel", "The {kind} was finalised (the PDF can no longer change)."
        ).format(kind=letter_kind_label(str(data.get("kind", ""))).lower())
    if action == "letter.sent":
        text = QCoreApplication.translate(
            "AuditModel", "A letter was sent on {date} by {channel}"
        ).format(
            date=_day(data.get("on", "")),
            channel=send_channel_label(str(data.get("channel", ""))).lower(),
        )
        if data.get("registered_no"):
            text += ", " + QCoreApplication.translate(
                "AuditModel", "registered mail no. {number}"
            ).format(number=data["registered_no"])
        return text + "."
    if action == "letter.draft_deleted":
        return QCoreApplication.translate("AuditModel", "A letter draft was deleted.")
    if action == "letter.warnings_acknowledged":
        return QCoreApplication.translate(
            "AuditModel", "The letter's warnings were read and accepted before finalising."
        )
    if action == "breach.case_linked":
        return QCoreApplication.translate("AuditModel", "Linked to a personal-data breach.")
    if action == "breach.case_unlinked":
        return QCoreApplication.translate(
            "AuditModel", "No longer linked to a personal-data breach."
        )
    return QCoreApplication.translate("AuditModel", "Recorded.") if data else ""


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: tuple[AuditEvent, ...] = ()
        self._headers = (
            self.tr("#"),
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Details"),
        )

    def set_events(self, events: tuple[AuditEvent, ...]) -> None:
        self.beginResetModel()
        self._events = tuple(events)
        self.endResetModel()

    def clear(self) -> None:
        self.set_events(())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(event.seq)
            if column == 1:
                return format_moment(event.at)
            if column == 2:
                return event.actor
            if column == 3:
                return action_label(event.action)
            if column == 4:
                return details_text(event)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            hash_label = self.tr("Hash")
            return f"{details_text(event)}\n{hash_label}: {event.hash}"
        return None
