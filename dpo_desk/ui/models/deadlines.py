"""Every applicable regime's deadline on one case; the governing one stands out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from dpo_desk.core.deadlines import Deadline, DeadlineSet

from ..labels import format_date, kind_label
from ..style import Urgency, urgency_background

AnyIndex = QModelIndex | QPersistentModelIndex

GOVERNING_ROLE = Qt.ItemDataRole.UserRole + 1


class DeadlineTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deadlines: tuple[Deadline, ...] = ()
        self._governing: Deadline | None = None
        self._headers = (
            self.tr("Regime"),
            self.tr("Request"),
            self.tr("Due"),
            self.tr("Kind of deadline"),
            self.tr("Period"),
            self.tr("Extension"),
            self.tr("Citation"),
        )

    def set_deadlines(self, deadlines: DeadlineSet | None) -> None:
        self.beginResetModel()
        if deadlines is None:
            self._deadlines, self._governing = (), None
        else:
            self._deadlines = tuple(
                sorted(deadlines.deadlines, key=lambda d: (d.due, d.jurisdiction))
            )
            self._governing = deadlines.governing
        self.endResetModel()

    def clear(self) -> None:
        self.set_deadlines(None)

    def deadline_at(self, row: int) -> Deadline | None:
        return self._deadlines[row] if 0 <= row < len(self._deadlines) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._deadlines)

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

    def period_text(self, deadline: Deadline) -> str:
        n = deadline.period
        if deadline.unit == "immediately":
            return self.tr("immediately")
        if deadline.unit == "working_days":
            return self.tr("%n working day(s)", "", n)
        if deadline.unit == "weeks":
            return self.tr("%n week(s)", "", n)
        if deadline.unit == "months":
            return self.tr("%n month(s)", "", n)
        return self.tr("%n calendar day(s)", "", n)

    def extension_text(self, deadline: Deadline) -> str:
        if deadline.extended:
            return self.tr("extended (was {date})").format(date=format_date(deadline.base_due))
        if deadline.extended_due is None:
            return self.tr("none allowed")
        text = self.tr("to {date}").format(date=format_date(deadline.extended_due))
        if deadline.extension_notice_by is not None:
            text += self.tr(", notice by {date}").format(
                date=format_date(deadline.extension_notice_by)
            )
        return text

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        deadline = self.deadline_at(index.row()) if index.isValid() else None
        if deadline is None:
            return None
        governing = deadline is self._governing or deadline == self._governing
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return deadline.jurisdiction
            if column == 1:
                return kind_label(deadline.kind)
            if column == 2:
                return format_date(deadline.due)
            if column == 3:
                return self.tr("statutory") if deadline.statutory else self.tr("internal target")
            if column == 4:
                return self.period_text(deadline)
            if column == 5:
                return self.extension_text(deadline)
            if column == 6:
                return deadline.citation
            return None
        if role == GOVERNING_ROLE:
            return governing
        if role == Qt.ItemDataRole.FontRole and governing:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and governing:
            return urgency_background(Urgency.DUE_SOON)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 6:
                return deadline.citation
            if governing:
                return self.tr("The governing (earliest) deadline")
            if not deadline.statutory:
                return self.tr("An internal target, not a deadline set by law")
        return None
