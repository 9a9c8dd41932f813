"""The case list: a table model that loads pages lazily and sorts and filters in the file.

Pages come from ``CaseRepo.page(query, limit, after)`` on the database thread: keyset paging,
so a page costs the same at any depth (issue 19). The model remembers each page's start cursor
(a few bytes per page) but keeps the rows of only the ``MAX_PAGES`` pages used last; a page
scrolled back into view is fetched again from its cursor. Every new query (filter, search
text, sort) bumps a generation number, so a page that arrives for an older query is dropped.

Urgency comes first: the list sorts by the governing due date, most urgent first, and counts
what is left the way the governing rule counts (working days for working-day rules, from
:func:`dpo_desk.services.urgency.list_statuses`, asked for each page once it is in). Colour is
never alone: the days-left column carries a shape per urgency and its words.
"""

from __future__ import annotations

from collections import OrderedDict
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
from dpo_desk.core.deadlines import DeadlineStatus
from dpo_desk.services.records import CasePage, CaseQuery, CaseRow
from dpo_desk.services.urgency import list_statuses

from ..app import CaseFileAccess
from ..labels import (
    channel_label,
    deadline_left_text,
    format_date,
    kinds_label,
    status_label,
)
from ..style import DUE_SOON_DAYS, Urgency, urgency, urgency_background, urgency_icon

PAGE_SIZE = 200
#: Pages whose rows the model keeps (the rest are cursors only): 8 x 200 rows.
MAX_PAGES = 8

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

#: The default order: the governing due date, most urgent first (cases without one last).
DEFAULT_SORT = "due"

AnyIndex = QModelIndex | QPersistentModelIndex


def load_first_page(cf: CaseFile, query: CaseQuery, limit: int) -> tuple[int, CasePage]:
    """The total count and the first page (runs on the database thread)."""
    return cf.cases.count(query), cf.cases.page(query, limit=limit)


def load_page(cf: CaseFile, query: CaseQuery, after: str | None, limit: int) -> CasePage:
    """The page after the cursor ``after`` (keyset: the same cost at any depth)."""
    return cf.cases.page(query, limit=limit, after=after)


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
        self._query = CaseQuery(order_by=DEFAULT_SORT, descending=False)
        self._statuses: dict[int, DeadlineStatus] = {}  # case id -> what is left, by its rule
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()  # page -> rows (LRU)
        self._starts: list[str | None] = []  # page -> the cursor it starts after
        self._next: str | None = None  # the cursor of the page after the last one counted
        self._count = 0  # rows counted so far (the view's row count)
        self._wanted: set[int] = set()  # pages asked for again (queued or on their way)
        self._queued: list[int] = []  # pages to ask the database thread for
        self._refetch_timer = QTimer(self)  # one timer: views ask for rows while painting
        self._refetch_timer.setSingleShot(True)
        self._refetch_timer.setInterval(0)
        self._refetch_timer.timeout.connect(self._refetch_queued)
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
        """Load the first page of the current query (``keep_loaded``: keep the rows counted so
        far and their page cursors, so the scroll stays; their pages load again as they show)."""
        self._generation += 1
        generation = self._generation
        query = replace(self._query, today=self._today())
        self._fetching = True
        self._db.run(
            load_first_page,
            query,
            self._page_size,
            on_result=lambda result: self._first_page(generation, result, keep_loaded),
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
        self._forget()
        self._statuses = {}
        self._total = 0
        self.endResetModel()

    def _forget(self) -> None:
        self._pages = OrderedDict()
        self._starts = []
        self._next = None
        self._count = 0
        self._wanted = set()
        self._queued = []

    def _first_page(
        self, generation: int, result: tuple[int, CasePage], keep_loaded: bool = False
    ) -> None:
        if generation != self._generation:
            return
        total, page = result
        kept_starts, kept_next, kept_count = self._starts, self._next, self._count
        self.beginResetModel()
        self._forget()
        self._statuses = {}
        self._starts = [None]
        self._pages[0] = list(page.rows)
        self._count = len(page.rows)
        self._next = page.next
        if (
            keep_loaded
            and kept_count > self._count
            and page.next is not None
            and len(kept_starts) > 1
            and kept_starts[1] == page.next
        ):
            # the first page still ends where it did: the later pages' cursors still hold
            self._starts = kept_starts
            self._next = kept_next
            self._count = min(kept_count, max(total, len(page.rows)))
        self._total = max(total, self._count)
        self._fetching = False
        self.endResetModel()
        self._ask_statuses(generation, 0, list(page.rows))
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
        self._db.report(exc)

    # --- lazy loading ----------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._fetching and self._next is not None

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
        after, number = self._next, len(self._starts)
        query = replace(self._query, today=self._today())
        self._db.run(
            load_page,
            query,
            after,
            self._page_size,
            on_result=lambda page: self._more(generation, number, after, page),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _more(self, generation: int, number: int, after: str | None, page: CasePage) -> None:
        if generation != self._generation or number != len(self._starts):
            return
        self._fetching = False
        self._next = page.next
        if not page.rows:
            self._total = self._count  # the file shrank since the count
            return
        first = self._count
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._starts.append(after)
        self._keep(number, list(page.rows))
        self._count += len(page.rows)
        self._total = max(self._total, self._count)
        self.endInsertRows()
        self._ask_statuses(generation, first, list(page.rows))
        self.page_loaded.emit(self._count)

    def _keep(self, number: int, rows: list[CaseRow]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def _page_rows(self, number: int) -> list[CaseRow] | None:
        """A page's rows if kept; otherwise ask for it again (from the event loop)."""
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        if number < len(self._starts) and number not in self._wanted:
            self._wanted.add(number)
            self._queued.append(number)
            self._refetch_timer.start()
        return None

    def _refetch_queued(self) -> None:
        queued, self._queued = self._queued, []
        generation = self._generation
        query = replace(self._query, today=self._today())
        for number in queued:
            if number >= len(self._starts):
                continue
            self._db.run(
                load_page,
                query,
                self._starts[number],
                self._page_size,
                on_result=lambda page, n=number: self._refetched(generation, n, page),
                on_error=lambda exc: self._failed(generation, exc),
                owner=self,
            )

    def _refetched(self, generation: int, number: int, page: CasePage) -> None:
        if generation != self._generation:
            return
        self._wanted.discard(number)
        first = number * self._page_size
        rows = list(page.rows)[: max(0, self._count - first)]
        self._keep(number, rows)
        if rows:
            last = first + len(rows) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # --- days left, counted the governing rule's way -----------------------------------------
    def _ask_statuses(self, generation: int, first: int, rows: list[CaseRow]) -> None:
        if not any(r.due_on is not None and _is_open(r.status) for r in rows):
            return
        self._db.run(
            list_statuses,
            rows,
            self._today(),
            on_result=lambda found: self._got_statuses(generation, first, len(rows), found),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _got_statuses(
        self, generation: int, first: int, count: int, found: dict[int, DeadlineStatus]
    ) -> None:
        if generation != self._generation or not found:
            return
        self._statuses.update(found)
        last = min(first + count, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1), [])

    def status_of(self, row: CaseRow) -> DeadlineStatus | None:
        """What is left of an open case's governing deadline, counted the rule's way."""
        if row.due_on is None or not _is_open(row.status):
            return None
        found = self._statuses.get(int(row.id))
        if found is not None:
            return found
        left = _days_left(row.due_on, self._today())  # until the rule's count arrives
        state = "upcoming" if left > 0 else "overdue" if left < 0 else "due_today"
        return DeadlineStatus(state, left, "calendar_days")

    def urgency_of(self, row: CaseRow, today: date) -> Urgency:
        status = self.status_of(row)
        if status is None:
            return urgency(row.status, None, today)
        if status.state == "overdue":
            return Urgency.OVERDUE
        if status.days_left <= DUE_SOON_DAYS:
            return Urgency.DUE_SOON
        return urgency(row.status, None, today)

    # --- sorting in the file ---------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = SORT_KEYS[COLUMNS[column]]
        descending = order == Qt.SortOrder.DescendingOrder
        if (
            key == self._query.order_by
            and descending == self._query.descending
            and (self._count or self._fetching)
        ):
            return
        self._query = replace(self._query, order_by=key, descending=descending)
        self.reload()

    # --- the model -------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

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
        """The row, if its page is kept (otherwise ``None``, and the page is asked for)."""
        if not 0 <= row < self._count:
            return None
        rows = self._page_rows(row // self._page_size)
        offset = row % self._page_size
        return rows[offset] if rows is not None and offset < len(rows) else None

    def row_of(self, case_id: int) -> int:
        """The row of a case among the kept pages (-1 if not there)."""
        for number, rows in self._pages.items():
            for i, row in enumerate(rows):
                if row.id == case_id:
                    return number * self._page_size + i
        return -1

    @property
    def kept_rows(self) -> int:
        """How many rows the model holds in memory now (at most ``MAX_PAGES`` pages)."""
        return sum(len(rows) for rows in self._pages.values())

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
            return str(self.urgency_of(row, today))
        if role == Qt.ItemDataRole.BackgroundRole:
            return urgency_background(self.urgency_of(row, today))
        if role == Qt.ItemDataRole.DecorationRole and column == "days_left":
            kind = self.urgency_of(row, today)
            return None if kind == Urgency.NONE else urgency_icon(kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, today)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == "days_left"
            and self.urgency_of(row, today) == Urgency.OVERDUE
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("received", "due"):
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
            status = self.status_of(row)
            if status is None:
                return ""
            return deadline_left_text(status.state, status.days_left, status.unit)
        return status_label(row.status)

    def _tooltip(self, row: CaseRow, column: str, today: date) -> str | None:
        if column in ("due", "days_left") and row.due_on is not None and row.due_jurisdiction:
            return self.tr("Governing deadline: {regime}").format(regime=row.due_jurisdiction)
        if column == "kinds":
            return kinds_label(row.kinds)
        return urgency_text(self.urgency_of(row, today)) or None


def urgency_text(kind: Urgency) -> str:
    """The words for a row's colour and mark (the legend says the same)."""
    from PySide6.QtCore import QCoreApplication

    if kind == Urgency.OVERDUE:
        return QCoreApplication.translate("CaseTableModel", "Overdue")
    if kind == Urgency.DUE_SOON:
        return QCoreApplication.translate("CaseTableModel", "Due within three (working) days")
    if kind == Urgency.IDENTITY:
        return QCoreApplication.translate("CaseTableModel", "Waiting for proof of identity")
    return ""


def _is_open(status: str) -> bool:
    from dpo_desk.core.model import CaseStatus

    try:
        return CaseStatus(status).is_open
    except ValueError:
        return False


def _days_left(due: date, today: date) -> int:
    return (due - today).days
