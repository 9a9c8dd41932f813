"""The breaches view, beside the cases: the register of personal-data breaches and their clocks.

The list is the most urgent first, tinted with the case list's urgency colours (red: a notice
is overdue; amber: due within 12 hours). Below it, the selected breach: what happened, each
regime's duties with their due (in the regime's time zone), citation, authority and state, and
the notices written. Everything comes from :mod:`dpo_desk.services.breaches` on the database
thread; the clocks are re-read every minute.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.breaches import Clock
from dpo_desk.services.breaches import BreachView, authority_name, breach_clocks, list_breaches

from ..app import AppContext
from ..errors import describe_error
from ..models.rows import RecordsModel
from ..style import Urgency, accent, urgency_background

REFRESH_MS = 60_000

_URGENCY = {"overdue": Urgency.OVERDUE, "due_soon": Urgency.DUE_SOON}


def clock_now(today: Callable[[], date]) -> Callable[[], datetime]:
    """The clock of the window: the real instant, or noon UTC of a fixed ``today`` (tests, demos)."""

    def now() -> datetime:
        day = today()
        real = datetime.now(UTC)
        return real if day == real.date() else datetime.combine(day, time(12, 0), tzinfo=UTC)

    return now


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M} UTC{offset[:3]}:{offset[3:]}"


class BreachTableModel(RecordsModel):
    """One row per breach: reference, controller, discovered, status, next duty, due, time left."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Reference"),
            self.tr("Controller"),
            self.tr("Discovered"),
            self.tr("Status"),
            self.tr("Next duty"),
            self.tr("Due"),
            self.tr("Time left"),
        )

    def status_text(self, status: str) -> str:
        return {
            "open": self.tr("open"),
            "contained": self.tr("contained"),
            "closed": self.tr("closed"),
        }.get(status, status)

    def cell(self, item: Any, column: int, role: int) -> Any:
        view: BreachView = item
        nxt = view.next
        if role == Qt.ItemDataRole.DisplayRole:
            b = view.breach
            values = (
                b.reference,
                view.controller.name,
                _when(b.discovered_local),
                self.status_text(b.status),
                step_text(nxt.deadline.step, nxt.deadline.regime) if nxt else "",
                _when(nxt.deadline.due) if nxt else "",
                clock_text(nxt) if nxt else self.tr("no running clock"),
            )
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            kind = _URGENCY.get(view.urgency)
            return urgency_background(kind) if kind else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.breach.description
        return None


def ui_language() -> str:
    """The language authority names are shown in: the window's (Russian or English)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def step_text(step: str, regime: str = "") -> str:
    names = {
        "first_notice": QCoreApplication.translate("Breaches", "first notice to the authority"),
        "investigation_results": QCoreApplication.translate("Breaches", "investigation results"),
        "subjects_notice": QCoreApplication.translate("Breaches", "notice to the data subjects"),
    }
    text = names.get(step, step)
    return f"{regime}: {text}" if regime else text


def clock_text(clock: Clock) -> str:
    if clock.state == "done":
        if clock.late:
            return QCoreApplication.translate("Breaches", "sent (late)")
        return QCoreApplication.translate("Breaches", "sent")
    if clock.state == "not_required":
        return QCoreApplication.translate("Breaches", "not required (risk)")
    if clock.hours_left is None:
        return QCoreApplication.translate("Breaches", "no fixed period")
    hours = abs(clock.hours_left)
    if hours < 48:
        span = QCoreApplication.translate("Breaches", "{n} h").format(n=round(hours))
    else:
        span = QCoreApplication.translate("Breaches", "{n} days").format(n=f"{hours / 24:.1f}")
    if clock.state == "overdue":
        return QCoreApplication.translate("Breaches", "overdue by {span}").format(span=span)
    return QCoreApplication.translate("Breaches", "{span} left").format(span=span)


class ClockTableModel(RecordsModel):
    """The duties of the selected breach: regime, duty, to whom, due, state, citation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Regime"),
            self.tr("Duty"),
            self.tr("To"),
            self.tr("Due"),
            self.tr("State"),
            self.tr("Citation"),
        )

    def cell(self, item: Any, column: int, role: int) -> Any:
        clock: Clock = item
        d = clock.deadline
        if role == Qt.ItemDataRole.DisplayRole:
            review = self.tr(" (needs legal review)") if d.needs_legal_review else ""
            values = (
                d.regime,
                step_text(d.step),
                authority_name(d.authority, ui_language())
                if d.authority
                else self.tr("the data subjects"),
                _when(d.due) if d.due else self.tr("no fixed period"),
                clock_text(clock),
                d.citation + review,
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return d.note
        if role == Qt.ItemDataRole.BackgroundRole:
            kind = _URGENCY.get(clock.state)
            return urgency_background(kind) if kind else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and clock.state == "overdue":
            return accent(Urgency.OVERDUE)
        return None


class BreachesView(QWidget):
    """The breach register with its clocks; buttons to log, edit and write notices."""

    selection_changed = Signal(object)  # BreachView | None
    urgent_changed = Signal(int, int)  # clocks overdue, clocks due within 12 hours

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breachesView")
        self._ctx = ctx
        self.now = clock_now(ctx.today)
        self._views: list[BreachView] = []
        self._selected: str | None = None

        self.new_button = QPushButton(self.tr("&Log a breach…"), self)
        self.new_button.setObjectName("logBreach")
        self.new_button.clicked.connect(self.log_breach)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editBreach")
        self.edit_button.clicked.connect(self.edit_breach)
        self.notice_button = QPushButton(self.tr("Write &notice…"), self)
        self.notice_button.setObjectName("breachNotice")
        self.notice_button.clicked.connect(self.write_notice)
        self.show_closed = QCheckBox(self.tr("Show closed"), self)
        self.show_closed.setObjectName("showClosedBreaches")
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.controller_filter = QComboBox(self)
        self.controller_filter.setObjectName("breachController")
        self.controller_filter.addItem(self.tr("All controllers"), None)
        self.controller_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        bar = QHBoxLayout()
        for w in (self.new_button, self.edit_button, self.notice_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.controller_filter)
        bar.addWidget(self.show_closed)

        self.model = BreachTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("breachTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Breaches"))
        for column, width in enumerate((95, 140, 180, 75, 235, 180)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_selected)

        self.summary = QLabel(self)
        self.summary.setObjectName("breachSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock_model = ClockTableModel(self)
        self.clocks = QTableView(self)
        self.clocks.setObjectName("breachClocks")
        self.clocks.setModel(self.clock_model)
        self.clocks.verticalHeader().hide()
        self.clocks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.clocks.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clocks.setWordWrap(True)
        self.clocks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clocks.setAccessibleName(self.tr("Clocks of the breach"))
        header = self.clocks.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 190, 230, 150, 110)):
            self.clocks.setColumnWidth(column, width)
        self.clock_note = QLabel(self)
        self.clock_note.setObjectName("breachClockNote")
        self.clock_note.setWordWrap(True)
        self.clock_note.setTextFormat(Qt.TextFormat.PlainText)
        self.clocks.selectionModel().currentRowChanged.connect(self._on_clock)
        self.notices = QLabel(self)
        self.notices.setObjectName("breachNotices")
        self.notices.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("breachMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        detail = QWidget(self)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.summary)
        dl.addWidget(self.clocks, 1)
        dl.addWidget(self.clock_note)
        dl.addWidget(self.notices)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()

    def clear(self) -> None:
        """Forget what is shown (the window locks)."""
        self._views = []
        self.model.clear()
        self._show(None)
        self.urgent_changed.emit(0, 0)

    def check_urgent(self) -> None:
        """Count the running clocks that are overdue or due soon (also while not shown)."""
        job = functools.partial(breach_clocks, now=self.now())
        self._ctx.db.run(job, on_result=self._count_urgent, on_error=self._failed, owner=self)

    def _count_urgent(self, pairs: list[tuple[BreachView, Clock]]) -> None:
        states = [clock.state for _view, clock in pairs]
        self.urgent_changed.emit(states.count("overdue"), states.count("due_soon"))

    def tab_title(self, overdue: int, soon: int) -> str:
        """ "Breaches", or "Breaches (1 overdue, 2 due soon)": the reminder on the tab."""
        parts = []
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue))
        if soon:
            parts.append(self.tr("%n due soon", "", soon))
        base = self.tr("Breaches")
        return f"{base} ({', '.join(parts)})" if parts else base

    def refresh(self) -> None:
        """Re-read the register and its clocks (only while the view is on screen)."""
        if not self.isVisible():
            return
        status = "all" if self.show_closed.isChecked() else "active"
        controller = self.controller_filter.currentData()
        job = functools.partial(list_breaches, now=self.now(), status=status, controller=controller)
        self._ctx.db.run(job, on_result=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, views: list[BreachView]) -> None:
        self.message.hide()
        self.check_urgent()  # over every breach, whatever the filter
        self._views = views
        self._sync_controllers(views)
        self.model.set_rows(views)
        row = next(
            (i for i, v in enumerate(views) if v.breach.reference == self._selected),
            0 if views else -1,
        )
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show(None)

    def _sync_controllers(self, views: list[BreachView]) -> None:
        known = {self.controller_filter.itemData(i) for i in range(self.controller_filter.count())}
        for v in views:
            if v.controller.slug not in known:
                self.controller_filter.blockSignals(True)
                self.controller_filter.addItem(v.controller.name, v.controller.slug)
                self.controller_filter.blockSignals(False)
                known.add(v.controller.slug)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe_error(exc, self._ctx.session.path))
        self.message.show()

    # --- selection -------------------------------------------------------------------------
    def current(self) -> BreachView | None:
        index = self.table.currentIndex()
        return self.model.row_item(index.row()) if index.isValid() else None

    def _on_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self.model.row_item(current.row()) if current.isValid() else None
        self._show(view)

    def _show(self, view: BreachView | None) -> None:
        self._selected = view.breach.reference if view else None
        self._update_buttons()
        self.selection_changed.emit(view)
        if view is None:
            self.summary.setText(self.tr("No breach selected."))
            self.clock_model.clear()
            self.clock_note.clear()
            self.notices.clear()
            return
        b = view.breach
        lines = [
            f"{b.reference} · {view.controller.name} · {_when(b.discovered_local)}",
            b.description,
        ]
        facts = []
        if b.subjects_count is not None:
            facts.append(self.tr("about {n} people").format(n=b.subjects_count))
        if b.records_count is not None:
            facts.append(self.tr("about {n} records").format(n=b.records_count))
        if b.data_categories:
            facts.append(", ".join(b.data_categories))
        if facts:
            lines.append(" · ".join(facts))
        if view.cases:
            lines.append(self.tr("Linked cases: {refs}").format(refs=", ".join(view.cases)))
        self.summary.setText("\n".join(lines))
        self.clock_model.set_rows(view.clocks)
        self.clocks.resizeRowsToContents()
        if view.clocks:
            self.clocks.selectRow(0)
        if view.notices:
            rows = []
            for n in view.notices:
                sent = (
                    self.tr("sent {when}").format(when=_when(n.sent_at))
                    if n.sent_at
                    else self.tr("not sent")
                )
                rows.append(
                    f"#{n.id} {n.regime} · {step_text(n.step)} · {n.language} · {n.status} · {sent}"
                )
            self.notices.setText(self.tr("Notices:") + "\n" + "\n".join(rows))
        else:
            self.notices.setText(self.tr("No notice written yet."))

    def _on_clock(self, current: QModelIndex, _previous: QModelIndex) -> None:
        clock = self.clock_model.row_item(current.row()) if current.isValid() else None
        if clock is None:
            self.clock_note.clear()
            return
        d = clock.deadline
        text = d.note
        if d.needs_legal_review:
            text += " " + self.tr("Confidence: {level}; needs legal review.").format(
                level=d.confidence
            )
        self.clock_note.setText(text)

    def _update_buttons(self) -> None:
        has = self._selected is not None
        self.edit_button.setEnabled(has)
        self.notice_button.setEnabled(has)

    # --- actions ---------------------------------------------------------------------------
    def log_breach(self) -> QWidget:
        from ..dialogs.breach import BreachDialog

        dialog = BreachDialog(self._ctx, now=self.now, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def edit_breach(self) -> QWidget | None:
        from ..dialogs.breach import BreachDialog

        view = self.current()
        if view is None:
            return None
        dialog = BreachDialog(self._ctx, now=self.now, breach=view, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def write_notice(self) -> QWidget | None:
        from ..dialogs.breach import NoticeDialog

        view = self.current()
        if view is None:
            return None
        dialog = NoticeDialog(self._ctx, view, now=self.now, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, view: BreachView) -> None:
        self._selected = view.breach.reference
        self.refresh()
