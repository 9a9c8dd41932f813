"""A case's correspondence in date order: incoming emails (with their attachments) and scans,
outgoing letters. Facts only: the bytes are read when the DPO opens an item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from dpo_desk.core.model import AttachmentMeta, AttachmentRole
from dpo_desk.services.records import EmailRecord, LetterRecord

from ..labels import (
    attachment_role_label,
    format_date,
    format_size,
    language_label,
    letter_kind_label,
    send_channel_label,
)
from ..operations import Correspondence

AnyIndex = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

#: Roles listed on their own (an email's original message is the email row itself).
_LISTED_ROLES = frozenset(
    {
        AttachmentRole.LETTER_SCAN,
        AttachmentRole.ID_DOCUMENT,
        AttachmentRole.SIGNATURE,
        AttachmentRole.OTHER,
    }
)


@dataclass(frozen=True)
class CorrespondenceItem:
    """One row: an email, a file (scan, ID copy, email attachment) or a letter."""

    kind: str  # "email" | "file" | "letter"
    when: datetime
    incoming: bool
    email: EmailRecord | None = None
    file: AttachmentMeta | None = None
    letter: LetterRecord | None = None
    parts: tuple[AttachmentMeta, ...] = ()  # an email's attachments

    @property
    def day(self) -> date:
        return self.when.astimezone().date()


def _at(moment: datetime | None, fallback: datetime) -> datetime:
    value = moment or fallback
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def correspondence_items(data: Correspondence) -> list[CorrespondenceItem]:
    """Every item of a case in date order; an email's attachments follow their email."""
    keyed: list[tuple[datetime, int, int, CorrespondenceItem]] = []
    for email in data.emails:
        when = _at(email.received_at or email.sent_at, email.created_at)
        parts = data.parts_of(email)
        keyed.append((when, email.id, 0, CorrespondenceItem("email", when, True, email=email)))
        for number, part in enumerate(parts, 1):
            keyed.append(
                (when, email.id, number, CorrespondenceItem("file", when, True, file=part))
            )
    for meta in data.attachments:
        if meta.role in _LISTED_ROLES:
            when = _at(meta.created_at, meta.created_at)
            keyed.append(
                (when, 1_000_000 + meta.id, 0, CorrespondenceItem("file", when, True, file=meta))
            )
    for letter in data.letters:
        when = _at(letter.finalised_at, letter.created_at)
        if letter.sent_on is not None:
            when = max(when, datetime.combine(letter.sent_on, time(12), tzinfo=UTC))
        keyed.append(
            (
                when,
                2_000_000 + letter.id,
                0,
                CorrespondenceItem("letter", when, False, letter=letter),
            )
        )
    keyed.sort(key=lambda k: (k[0], k[1], k[2]))
    return [k[3] for k in keyed]


class CorrespondenceModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CorrespondenceItem] = []
        self._headers = (self.tr("Date"), self.tr("Direction"), self.tr("What"), self.tr("Details"))

    def set_correspondence(self, data: Correspondence | None) -> None:
        self.beginResetModel()
        self._items = correspondence_items(data) if data is not None else []
        self.endResetModel()

    def clear(self) -> None:
        self.set_correspondence(None)

    def item_at(self, row: int) -> CorrespondenceItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def items(self) -> list[CorrespondenceItem]:
        return list(self._items)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

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
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ITEM_ROLE:
            return item
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(item.day)
            if column == 1:
                return self.tr("In") if item.incoming else self.tr("Out")
            if column == 2:
                return self._what(item)
            if column == 3:
                return self._details(item)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return self._details(item)
        return None

    def _what(self, item: CorrespondenceItem) -> str:
        if item.email is not None:
            return self.tr("Email (signed)") if item.email.smime_signed else self.tr("Email")
        if item.file is not None:
            return attachment_role_label(str(item.file.role))
        assert item.letter is not None
        return self.tr("Letter: {kind}").format(kind=letter_kind_label(str(item.letter.kind)))

    def _details(self, item: CorrespondenceItem) -> str:
        if item.email is not None:
            sender = item.email.from_addr or self.tr("unknown sender")
            subject = item.email.subject or self.tr("(no subject)")
            return f"{sender} — {subject}"
        if item.file is not None:
            meta = item.file
            if meta.destroyed_at is not None:
                return self.tr("{name} — destroyed on {date} (hash kept)").format(
                    name=meta.filename, date=format_date(meta.destroyed_at.astimezone().date())
                )
            return f"{meta.filename} ({format_size(meta.size)})"
        letter = item.letter
        assert letter is not None
        state = self.tr("final") if letter.status == "final" else self.tr("draft")
        text = f"{language_label(letter.language)}, {state}"
        if letter.sent_on is not None:
            text += ", " + self.tr("sent {date} by {channel}").format(
                date=format_date(letter.sent_on),
                channel=send_channel_label(letter.channel or ""),
            )
            if letter.registered_no:
                text += f" ({letter.registered_no})"
        return text
