"""The sidebar: saved views and controllers, each with its count.

Two groups (not selectable) with their entries as children. The counts come from
``operations.sidebar_counts`` (``CaseRepo.counts_by_view`` and one count per controller).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ..operations import ControllerCount, SidebarCounts
from ..style import Urgency, accent

AnyIndex = QModelIndex | QPersistentModelIndex

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2

#: Saved views in the order shown, with their names.
VIEWS: tuple[tuple[str, str], ...] = (
    ("inbox", QT_TRANSLATE_NOOP("SidebarModel", "Inbox")),  # triage (issue 17): not cases
    ("overdue", QT_TRANSLATE_NOOP("SidebarModel", "Overdue")),
    ("due_soon", QT_TRANSLATE_NOOP("SidebarModel", "Due in 3 days")),
    ("awaiting_identity", QT_TRANSLATE_NOOP("SidebarModel", "Awaiting identity")),
    ("open", QT_TRANSLATE_NOOP("SidebarModel", "Open")),
    ("all", QT_TRANSLATE_NOOP("SidebarModel", "All")),
    ("closed", QT_TRANSLATE_NOOP("SidebarModel", "Closed")),
)

VIEWS_GROUP = 0
CONTROLLERS_GROUP = 1


@dataclass(frozen=True)
class SidebarEntry:
    """What selecting an entry shows: a saved view, optionally of one controller."""

    view: str
    controller_id: int | None = None


class SidebarModel(QAbstractItemModel):
    """Groups have internal id 0; an entry's internal id is its group's row + 1."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view_counts: dict[str, int] = {}
        self._controllers: tuple[ControllerCount, ...] = ()
        self._groups = (self.tr("Views"), self.tr("Controllers"))

    # --- content ---------------------------------------------------------------------------
    def set_counts(self, counts: SidebarCounts) -> None:
        same_controllers = [c.id for c in counts.controllers] == [c.id for c in self._controllers]
        self._view_counts = dict(counts.views)
        if same_controllers:
            self._controllers = counts.controllers
            self._changed(VIEWS_GROUP, len(VIEWS))
            self._changed(CONTROLLERS_GROUP, len(self._controllers))
            return
        parent = self.index(CONTROLLERS_GROUP, 0)
        if self._controllers:
            self.beginRemoveRows(parent, 0, len(self._controllers) - 1)
            self._controllers = ()
            self.endRemoveRows()
        self._changed(VIEWS_GROUP, len(VIEWS))
        if counts.controllers:
            self.beginInsertRows(parent, 0, len(counts.controllers) - 1)
            self._controllers = counts.controllers
            self.endInsertRows()

    def clear(self) -> None:
        """Forget counts and controllers (the window locks)."""
        self.set_counts(SidebarCounts({}, ()))

    def _changed(self, group: int, rows: int) -> None:
        if rows:
            parent = self.index(group, 0)
            self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent))

    def entry(self, index: AnyIndex) -> SidebarEntry | None:
        value = self.data(index, ENTRY_ROLE)
        return value if isinstance(value, SidebarEntry) else None

    def index_of(self, entry: SidebarEntry) -> QModelIndex:
        if entry.controller_id is None:
            for row, (view, _name) in enumerate(VIEWS):
                if view == entry.view:
                    return self.index(row, 0, self.index(VIEWS_GROUP, 0))
            return QModelIndex()
        for row, controller in enumerate(self._controllers):
            if controller.id == entry.controller_id:
                return self.index(row, 0, self.index(CONTROLLERS_GROUP, 0))
        return QModelIndex()

    # --- the model -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < 2 else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if row >= self._group_size(group):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        group_id = index.internalId()
        if group_id == 0:
            return QModelIndex()
        return self.createIndex(group_id - 1, 0, 0)

    def _group_size(self, group: int) -> int:
        return len(VIEWS) if group == VIEWS_GROUP else len(self._controllers)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 2
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return self._group_size(parent.row())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group_id = index.internalId()
        if group_id == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._groups[index.row()]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        group = group_id - 1
        if group == VIEWS_GROUP:
            if index.row() >= len(VIEWS):
                return None
            view, name = VIEWS[index.row()]
            count = self._view_counts.get(view)
            label = QCoreApplication.translate("SidebarModel", name)
            entry = SidebarEntry(view)
        else:
            if index.row() >= len(self._controllers):
                return None
            controller = self._controllers[index.row()]
            count, label, entry = (
                controller.count,
                controller.name,
                SidebarEntry("all", controller.id),
            )
            view = "all"
        if role == Qt.ItemDataRole.DisplayRole:
            return label if count is None else f"{label} ({count})"
        if role == ENTRY_ROLE:
            return entry
        if role == COUNT_ROLE:
            return count
        if role == Qt.ItemDataRole.ForegroundRole and view == "overdue" and count:
            return accent(Urgency.OVERDUE)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if count is None:
                return label
            cases = self.tr("%n case(s)", "", count)
            return f"{label}, {cases}"
        return None
