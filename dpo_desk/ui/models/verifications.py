"""A case's identity verification records: how, with what outcome, and the destroyed copies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from dpo_desk.casefile.records import IdentityRecord

from ..labels import (
    document_type_label,
    format_moment,
    identity_method_label,
    identity_outcome_label,
)

AnyIndex = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


class VerificationsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: tuple[IdentityRecord, ...] = ()
        self._headers = (
            self.tr("Checked"),
            self.tr("How"),
            self.tr("Outcome"),
            self.tr("Document"),
            self.tr("Copies destroyed"),
        )

    def set_records(self, records: tuple[IdentityRecord, ...]) -> None:
        self.beginResetModel()
        self._records = tuple(records)
        self.endResetModel()

    def clear(self) -> None:
        self.set_records(())

    def record_at(self, row: int) -> IdentityRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

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
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RECORD_ROLE:
            return record
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_moment(record.checked_at)
            if column == 1:
                return identity_method_label(record.method)
            if column == 2:
                return identity_outcome_label(record.outcome)
            if column == 3:
                if not record.document_type:
                    return "—"
                text = document_type_label(record.document_type)
                if record.document_last4:
                    text += f" ···{record.document_last4}"
                return text
            if column == 4:
                return str(len(record.destroyed)) if record.destroyed else "—"
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and record.destroyed:
            return "\n".join(f"SHA-256 {d.get('sha256', '')}" for d in record.destroyed)
        return None
