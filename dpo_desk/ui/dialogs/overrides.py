"""Calendar overrides: holidays and working days the ``holidays`` package does not know yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
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

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import Controller
from dpo_desk.services.calendars import (
    ApplyResult,
    SuggestionView,
    apply_suggestion,
    controller_suggestions,
    withdraw_suggestion,
)
from dpo_desk.services.records import OVERRIDE_KINDS, OverrideRow

from ..app import AppContext
from ..errors import describe_error
from ..labels import format_date, override_kind_label
from ..operations import list_controllers, list_overrides, remove_override, set_override

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
        for kind in OVERRIDE_KINDS:
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
        layout.addWidget(self._build_suggestions(), 1)
        layout.addLayout(bottom)
        self.resize(920, 640)
        ctx.db.run(list_overrides, on_result=self._show, owner=self)
        ctx.db.run(list_controllers, on_result=self._show_controllers, owner=self)

    # --- suggestions per controller (issue 16) --------------------------------------------------
    def _build_suggestions(self) -> QGroupBox:
        self._views: list[SuggestionView] = []
        box = QGroupBox(self.tr("Suggested by government acts, per controller"), self)
        box.setObjectName("suggestionsBox")
        explain = QLabel(
            self.tr(
                "Some acts give state bodies extra days off and only recommend them to private "
                "employers. Apply one to a controller that gave its staff those days off; its "
                "open cases are recomputed. Other controllers keep the national calendar."
            ),
            box,
        )
        explain.setWordWrap(True)
        self._controller = QComboBox(box)
        self._controller.setObjectName("suggestionController")
        self._controller.currentIndexChanged.connect(self._load_suggestions)
        self._suggestions = QTableWidget(0, 5, box)
        self._suggestions.setObjectName("suggestionsTable")
        self._suggestions.setHorizontalHeaderLabels(
            [
                self.tr("Act"),
                self.tr("Days off"),
                self.tr("Binds"),
                self.tr("Private employers"),
                self.tr("Status"),
            ]
        )
        self._suggestions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._suggestions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._suggestions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._suggestions.setWordWrap(True)
        self._suggestions.verticalHeader().hide()
        header = self._suggestions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self._suggestions.itemSelectionChanged.connect(self._show_details)
        self._details = QLabel(box)
        self._details.setObjectName("suggestionDetails")
        self._details.setWordWrap(True)
        self._details.setTextFormat(Qt.TextFormat.PlainText)
        self._apply = QPushButton(self.tr("A&pply to controller"), box)
        self._apply.setObjectName("applySuggestionButton")
        self._apply.clicked.connect(self._on_apply)
        self._withdraw = QPushButton(self.tr("&Withdraw"), box)
        self._withdraw.setObjectName("withdrawSuggestionButton")
        self._withdraw.clicked.connect(self._on_withdraw)
        self._suggestion_message = QLabel(box)
        self._suggestion_message.setObjectName("suggestionMessage")
        self._suggestion_message.setWordWrap(True)
        self._suggestion_message.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        label = QLabel(self.tr("C&ontroller:"), box)
        label.setBuddy(self._controller)
        top.addWidget(label)
        top.addWidget(self._controller, 1)
        top.addWidget(self._apply)
        top.addWidget(self._withdraw)
        inner = QVBoxLayout(box)
        inner.addWidget(explain)
        inner.addLayout(top)
        inner.addWidget(self._suggestions, 1)
        inner.addWidget(self._details)
        inner.addWidget(self._suggestion_message)
        self._set_suggestion_buttons()
        return box

    def _show_controllers(self, controllers: list[Controller]) -> None:
        self._controller.blockSignals(True)
        self._controller.clear()
        for c in controllers:
            self._controller.addItem(f"{c.name} ({', '.join(c.jurisdictions)})", c.slug)
        self._controller.blockSignals(False)
        self._load_suggestions()

    def _load_suggestions(self) -> None:
        slug = self._controller.currentData()
        if not slug:
            self._show_suggestions([])
            return
        self._ctx.db.run(
            controller_suggestions,
            str(slug),
            on_result=self._show_suggestions,
            on_error=self._suggestion_failed,
            owner=self,
        )

    def _show_suggestions(self, views: list[SuggestionView]) -> None:
        self._views = list(views)
        self._suggestions.setRowCount(len(views))
        language = QLocale().name().split("_", 1)[0]
        for i, view in enumerate(views):
            s = view.suggestion.localized(language)
            cells = (
                s.act,
                "\n".join(format_date(d.day) for d in s.days),
                s.applies_to,
                s.private_employers,
                self.tr("Applied") if view.applied else self.tr("Not applied"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_ROLE, i)
                item.setToolTip(text)
                self._suggestions.setItem(i, column, item)
        self._suggestions.resizeRowsToContents()
        if views and self._suggestions.currentRow() < 0:
            self._suggestions.selectRow(0)
        if not views:
            self._details.setText(
                self.tr("No suggestions for the calendars of this controller's regimes.")
                if self._controller.count()
                else self.tr("Add a controller first.")
            )
        self._show_details()

    def _selected_view(self) -> SuggestionView | None:
        row = self._suggestions.currentRow()
        return self._views[row] if 0 <= row < len(self._views) else None

    def _show_details(self) -> None:
        view = self._selected_view()
        if view is not None:
            s = view.suggestion.localized(QLocale().name().split("_", 1)[0])
            parts = [
                f"{s.title}. {s.note}".strip(),
                self.tr("Source: {source}").format(source=s.source),
            ]
            if s.needs_legal_review:
                parts.append(
                    self.tr(
                        "Needs legal review (confidence {confidence}): whether the act reaches a "
                        "private employer is uncertain; apply it only if the controller gave its "
                        "staff these days off."
                    ).format(confidence=s.confidence)
                )
            self._details.setText("\n".join(parts))
        self._set_suggestion_buttons()

    def _set_suggestion_buttons(self) -> None:
        view = self._selected_view()
        self._apply.setEnabled(view is not None and not view.applied)
        self._withdraw.setEnabled(view is not None and view.applied)

    def _on_apply(self) -> None:
        self._run_suggestion(apply_suggestion)

    def _on_withdraw(self) -> None:
        self._run_suggestion(withdraw_suggestion)

    def _run_suggestion(self, action: Callable[..., ApplyResult]) -> None:
        view = self._selected_view()
        slug = self._controller.currentData()
        if view is None or not slug:
            self._suggestion_message.setText(self.tr("Select a suggestion first."))
            return
        self._ctx.db.run(
            action,
            str(slug),
            view.suggestion.id,
            on_result=self._suggestion_done,
            on_error=self._suggestion_failed,
            owner=self,
        )

    def _suggestion_done(self, result: ApplyResult) -> None:
        days = ", ".join(format_date(d.day) for d in result.suggestion.days)
        if result.applied:
            text = self.tr("Applied to {controller}: {days} are days off for it.")
        else:
            text = self.tr("Withdrawn from {controller}: {days} follow the national calendar.")
        self._suggestion_message.setText(
            text.format(controller=result.controller, days=days)
            + " "
            + self.tr("Due dates of its open cases were recomputed.")
        )
        self._ctx.changes.overrides_changed.emit()
        self._load_suggestions()

    def _suggestion_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._suggestion_message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

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
