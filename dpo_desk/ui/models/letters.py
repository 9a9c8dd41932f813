"""A case's letters: drafts and final letters, with how and when they went out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from dpo_desk.casefile.records import LetterRecord

from ..labels import format_date, language_label, letter_kind_label, send_channel_label

AnyIndex = QModelIndex | QPersistentModelIndex

LETTER_ROLE = Qt.ItemDataRole.UserRole + 1


class LettersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._letters: tuple[LetterRecord, ...] = ()
        self._headers = (
            self.tr("Letter"),
            self.tr("Language"),
            self.tr("State"),
            self.tr("Date"),
            self.tr("Sent"),
        )

    def set_letters(self, letters: tuple[LetterRecord, ...]) -> None:
        self.beginResetModel()
        self._letters = tuple(letters)
        self.endResetModel()

    def clear(self) -> None:
        self.set_letters(())

    def letter_at(self, row: int) -> LetterRecord | None:
        return self._letters[row] if 0 <= row < len(self._letters) else None

    def row_of(self, letter_id: int) -> int:
        return next((r for r, letter in enumerate(self._letters) if letter.id == letter_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._letters)

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
        if not index.isValid() or not 0 <= index.row() < len(self._letters):
            return None
        letter = self._letters[index.row()]
        if role == LETTER_ROLE:
            return letter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return letter_kind_label(str(letter.kind))
        if column == 1:
            return language_label(letter.language)
        if column == 2:
            return self.tr("Final") if letter.status == "final" else self.tr("Draft")
        if column == 3:
            moment = letter.finalised_at or letter.created_at
            return format_date(moment.astimezone().date())
        if column == 4:
            if letter.sent_on is None:
                return "—"
            return f"{format_date(letter.sent_on)}, {send_channel_label(letter.channel or '')}"
        return None
