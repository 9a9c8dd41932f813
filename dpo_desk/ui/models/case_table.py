"""The case list: a table model that loads pages lazily and sorts and filters in the file.

Rows come from ``CaseRepo.list(query, limit, offset)`` on the database thread; the model keeps
only the pages loaded so far. Every new query (filter, search text, sort) bumps a generation
number, so a page that arrives for an older query is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont

from dpo_desk.casefile import CaseFile
from dpo_desk.services.records import CaseQuery, CaseRow

from ..app import CaseFileAccess
from ..labels import channel_label, days_left_text, format_date, kinds_label, status_label
from ..style import Urgency, urgency, urgency_background

PAGE_SIZE = 200

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    "reference",
    "subject",
    "controller",
    "kinds",
    "channel",
    "received",
    "due",
    "days_left",
    "status",
)

#: Column -> ``CaseQuery.order_by`` (days left sorts like the due date).
SORT_KEYS = {
    "reference": "reference",
    "subject": "subject",
    "controller": "controller",
    "kinds": "kinds",
    "channel": "channel",
    "received": "received",
    "due": "due",
    "days_left": "due",
    "status": "status",
}

AnyIndex = QModelIndex | QPersistentModelIndex


def load_first_page(cf: CaseFile, query: CaseQuery, limit: int) -> tuple[int, list[CaseRow]]:
    """The total count and the first ``limit`` rows (runs on the database thread)."""
    return cf.cases.count(query), cf.cases.list(query, limit=limit, offset=0)


def load_page(cf: CaseFile, query: CaseQuery, offset: int, limit: int) -> list[CaseRow]:
    return cf.cases.list(query, limit=limit, offset=offset)


class CaseTableModel(QAbstractTableModel):
    """Cases of the current view, search and sort, a page at a time."""

    loaded = Signal()  # the first page of a new query (or a refresh) arrived
    page_loaded = Signal(int)  # more rows arrived (the new row count)

    def __init__(
        self,
        db: CaseFileAccess,
        today: Any,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._page_size = page_size
        self._query = CaseQuery(order_by="received", descending=True)
        self._rows: list[CaseRow] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._headers = (
            self.tr("Reference"),
            self.tr("Subject"),
            self.tr("Controller"),
            self.tr("Request"),
            self.tr("Channel"),
            self.tr("Received"),
            self.tr("Due"),
            self.tr("Days left"),
            self.tr("Status"),
        )

    # --- what to show ----------------------------------------------------------------------
    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._fetching

    def set_scope(self, view: str, controller_id: int | None = None) -> None:
        """Show a saved view (``CaseQuery.view``), optionally of one controller only."""
        self._query = replace(self._query, view=view, controller_id=controller_id)
        self.reload()

    def set_text(self, text: str) -> None:
        """Search subjects, references, notes and email text (FTS5 in the file)."""
        self._query = replace(self._query, text=text)
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Load the first page of the current query (``keep_loaded``: as many rows as now)."""
        self._generation += 1
        generation = self._generation
        limit = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        query = replace(self._query, today=self._today())
        self._fetching = True
        self._db.run(
            load_first_page,
            query,
            limit,
            on_result=lambda result: self._first_page(generation, result),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def refresh(self) -> None:
        """Reload after a change, keeping as many rows as are loaded now (and the scroll)."""
        self.reload(keep_loaded=True)

    def clear(self) -> None:
        """Drop every row and the search text (the window locks); late results are dropped."""
        self._generation += 1
        self._fetching = False
        self._query = replace(self._query, text="")
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()

    def _first_page(self, generation: int, result: tuple[int, list[CaseRow]]) -> None:
        if generation != self._generation:
            return
        total, rows = result
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(rows))
        self._fetching = False
        self.endResetModel()
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
        self._db.report(exc)

    # --- lazy loading ----------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        """Ask for the next page. Views call this from inside their own reset and insert
        handlers, so the request starts from the event loop, never in the middle of them."""
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        QTimer.singleShot(0, self, lambda: self._fetch_page(generation))

    def _fetch_page(self, generation: int) -> None:
        if generation != self._generation:
            return
        offset = len(self._rows)
        query = replace(self._query, today=self._today())
        self._db.run(
            load_page,
            query,
            offset,
            self._page_size,
            on_result=lambda rows: self._more(generation, offset, rows),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _more(self, generation: int, offset: int, rows: list[CaseRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:
            self._total = len(self._rows)  # the file shrank since the count
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    # --- sorting in the file ---------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = SORT_KEYS[COLUMNS[column]]
        descending = order == Qt.SortOrder.DescendingOrder
        if (
            key == self._query.order_by
            and descending == self._query.descending
            and (self._rows or self._fetching)
        ):
            return
        self._query = replace(self._query, order_by=key, descending=descending)
        self.reload()

    # --- the model -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self._headers[section]
        return None

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == case_id:
                return i
        return -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CASE_ID_ROLE:
            return int(row.id)
        today = self._today()
        if role == URGENCY_ROLE:
            return str(urgency(row.status, row.due_on, today))
        if role == Qt.ItemDataRole.BackgroundRole:
            return urgency_background(urgency(row.status, row.due_on, today))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, today)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == "days_left"
            and urgency(row.status, row.due_on, today) == Urgency.OVERDUE
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("received", "due", "days_left"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: CaseRow, column: str) -> str:
        if column == "reference":
            return row.reference
        if column == "subject":
            return row.subject_name
        if column == "controller":
            return row.controller_name
        if column == "kinds":
            return kinds_label(row.kinds)
        if column == "channel":
            return channel_label(row.channel)
        if column == "received":
            return format_date(row.received)
        if column == "due":
            return format_date(row.due_on) if row.due_on else "—"
        if column == "days_left":
            if row.due_on is None or not _is_open(row.status):
                return ""
            return days_left_text(_days_left(row.due_on, self._today()))
        return status_label(row.status)

    def _tooltip(self, row: CaseRow, column: str, today: date) -> str | None:
        if column in ("due", "days_left") and row.due_on is not None and row.due_jurisdiction:
            return self.tr("Governing deadline: {regime}").format(regime=row.due_jurisdiction)
        if column == "kinds":
            return kinds_label(row.kinds)
        kind = urgency(row.status, row.due_on, today)
        if kind == Urgency.OVERDUE:
            return self.tr("Overdue")
        if kind == Urgency.DUE_SOON:
            return self.tr("Due within three days")
        if kind == Urgency.IDENTITY:
            return self.tr("Waiting for proof of identity")
        return None


def _is_open(status: str) -> bool:
    from dpo_desk.core.model import CaseStatus

    try:
        return CaseStatus(status).is_open
    except ValueError:
        return False


def _days_left(due: date, today: date) -> int:
    return (due - today).days
