"""A case's letters: drafts and final letters, with how and when they went out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from dpo_desk.services.records import LetterRecord

from ..labels import format_date, language_label, letter_kind_label, send_channel_label
from .rows import RecordsModel

LETTER_ROLE = Qt.ItemDataRole.UserRole + 1


class LettersModel(RecordsModel):
    record_role = LETTER_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Letter"),
            self.tr("Language"),
            self.tr("State"),
            self.tr("Date"),
            self.tr("Sent"),
        )

    def set_letters(self, letters: tuple[LetterRecord, ...]) -> None:
        self.set_rows(letters)

    def letter_at(self, row: int) -> LetterRecord | None:
        return self.row_item(row)

    def row_of(self, letter_id: int) -> int:
        return next((r for r, letter in enumerate(self._rows) if letter.id == letter_id), -1)

    def cell(self, letter: LetterRecord, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
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
