"""A case's audit events, read-only: when, who, what, and the event's details."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from dpo_desk.core.model import AuditEvent

from ..labels import channel_label, clock_event_label, kinds_label, status_label

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
}


def action_label(action: str) -> str:
    name = ACTION_NAMES.get(action)
    return QCoreApplication.translate("AuditModel", name) if name else action


def details_text(event: AuditEvent) -> str:
    """The event's data in a line: statuses and clock events by name, the rest as JSON."""
    data = dict(event.data)
    if event.action == "case.status":
        text = (
            f"{status_label(str(data.get('from', '')))} → {status_label(str(data.get('to', '')))}"
        )
        if data.get("reason"):
            text += f" ({data['reason']})"
        return text
    if event.action == "case.created":
        kinds = data.get("kinds") or []
        parts = [kinds_label([str(k) for k in kinds]) if kinds else ""]
        if data.get("channel"):
            parts.append(channel_label(str(data["channel"])))
        if data.get("received"):
            parts.append(str(data["received"]))
        return ", ".join(p for p in parts if p)
    if event.action == "note.added":
        return ""
    if event.action == "deadline.event":
        text = clock_event_label(str(data.get("kind", "")))
        if data.get("on"):
            text += f", {data['on']}"
        if data.get("note"):
            text += f": {data['note']}"
        return text
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else ""


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
                local = event.at.astimezone()
                return QLocale().toString(local, QLocale.FormatType.ShortFormat)
            if column == 2:
                return event.actor
            if column == 3:
                return action_label(event.action)
            if column == 4:
                return details_text(event)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            hash_label = self.tr("Hash")
            return f"{event.action}\n{hash_label}: {event.hash}"
        return None
