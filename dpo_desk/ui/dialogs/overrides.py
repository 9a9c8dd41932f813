"""Calendar overrides: holidays and working days the ``holidays`` package does not know yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.casefile.repositories import OverrideRepo, OverrideRow
from dpo_desk.core.errors import KnownError

from ..app import AppContext
from ..errors import describe_error
from ..labels import format_date, override_kind_label
from ..operations import list_overrides, remove_override, set_override

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def calendar_codes() -> list[str]:
    """Calendar codes of the bundled jurisdictions (RU, KZ, KG, FR, GB-ENG, …)."""
    from dpo_desk.core.rules import default_rulebook

    try:
        book = default_rulebook()
    except KnownError:
        return []
    return sorted({j.calendar_code for j in book.jurisdictions})


class OverridesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overridesDialog")
        self.setWindowTitle(self.tr("Calendar overrides"))
        self._ctx = ctx
        self._rows: list[OverrideRow] = []

        explain = QLabel(
            self.tr(
                "Correct the national calendars where a government decree moved a day off or "
                "set a religious holiday the calendar data does not know yet. Open cases' due "
                "dates are recomputed at once."
            ),
            self,
        )
        explain.setWordWrap(True)
        self._table = QTableWidget(0, 4, self)
        self._table.setObjectName("overridesTable")
        self._table.setHorizontalHeaderLabels(
            [self.tr("Calendar"), self.tr("Date"), self.tr("Kind"), self.tr("Note")]
        )
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._table.horizontalHeader().setStretchLastSection(True)

        self._calendar = QComboBox(self)
        self._calendar.setObjectName("overrideCalendar")
        self._calendar.setEditable(True)
        self._calendar.addItems(calendar_codes())
        self._day = QDateEdit(self)
        self._day.setObjectName("overrideDate")
        self._day.setCalendarPopup(True)
        self._day.setDisplayFormat("yyyy-MM-dd")
        today = ctx.today()
        self._day.setDate(QDate(today.year, today.month, today.day))
        self._kind = QComboBox(self)
        self._kind.setObjectName("overrideKind")
        for kind in OverrideRepo.KINDS:
            self._kind.addItem(override_kind_label(kind), kind)
        self._note = QLineEdit(self)
        self._note.setObjectName("overrideNote")
        self._note.setPlaceholderText(self.tr("Decree or reason"))
        self._note.setMinimumWidth(200)
        add = QPushButton(self.tr("&Add"), self)
        add.setObjectName("addOverrideButton")
        add.clicked.connect(self._on_add)
        self._remove = QPushButton(self.tr("&Remove selected"), self)
        self._remove.setObjectName("removeOverrideButton")
        self._remove.clicked.connect(self._on_remove)
        self._message = QLabel(self)
        self._message.setObjectName("overrideMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)

        row = QHBoxLayout()
        for text, field in (
            (self.tr("&Calendar:"), self._calendar),
            (self.tr("&Date:"), self._day),
            (self.tr("&Kind:"), self._kind),
            (self.tr("&Note:"), self._note),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field, 1 if field is self._note else 0)
        row.addWidget(add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self._remove)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self._table, 1)
        layout.addLayout(row)
        layout.addWidget(self._message)
        layout.addLayout(bottom)
        self.resize(880, 420)
        ctx.db.run(list_overrides, on_result=self._show, owner=self)

    def _show(self, rows: list[OverrideRow]) -> None:
        self._rows = list(rows)
        self._table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (row.calendar, format_date(row.day), override_kind_label(row.kind), row.note)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_ROLE, i)
                self._table.setItem(i, column, item)
        self._remove.setEnabled(bool(rows))

    def _on_add(self) -> None:
        code = self._calendar.currentText().strip().upper()
        if not code:
            self._message.setText(self.tr("Choose or type a calendar code (e.g. RU, KZ, GB-ENG)."))
            return
        qdate = self._day.date()
        row = OverrideRow(
            code,
            date(qdate.year(), qdate.month(), qdate.day()),
            str(self._kind.currentData()),
            self._note.text().strip(),
        )
        self._ctx.db.run(
            set_override, row, on_result=self._changed, on_error=self._failed, owner=self
        )

    def _on_remove(self) -> None:
        selected = self._table.currentRow()
        if not 0 <= selected < len(self._rows):
            self._message.setText(self.tr("Select the override to remove."))
            return
        row = self._rows[selected]
        self._ctx.db.run(
            remove_override,
            row.calendar,
            row.day,
            on_result=self._changed,
            on_error=self._failed,
            owner=self,
        )

    def _changed(self, rows: list[OverrideRow]) -> None:
        self._show(rows)
        self._note.clear()
        self._message.setText(self.tr("Saved; due dates of open cases were recomputed."))
        self._ctx.changes.overrides_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)
