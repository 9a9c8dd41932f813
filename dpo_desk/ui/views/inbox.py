"""The triage inbox: imported mail that is not confidently a request (services.intake decides).

A list of the waiting messages; the selected one's text with the classifier's evidence
highlighted; the request kinds to confirm (the suggestions ticked); "Accept as a case" and
"Dismiss" with a reason. Every case-file call runs on the database thread; nothing is written
outside the case file (the text is shown from memory).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.model import RequestKind
from dpo_desk.services import intake as intake_service
from dpo_desk.services.intake import InboxItem

from ..app import AppContext
from ..labels import format_date, kind_label, kinds_label, language_label

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
HIGHLIGHT = QColor("#ffe08a")  # the evidence, as a marker pen would


def _load(cf: Any) -> tuple[list[InboxItem], list[tuple[int, str, str]]]:
    controllers = [(int(c.id or 0), c.slug, c.name) for c in cf.controllers.list()]
    return intake_service.inbox(cf), controllers


class InboxView(QWidget):
    case_created = Signal(int)  # accepted: the new case's id
    changed = Signal()  # the inbox changed (counts in the sidebar)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxView")
        self._ctx = ctx
        self._items: list[InboxItem] = []
        self._controller_ids: list[int] = []
        self.highlighted = 0  # evidence spans marked in the shown text

        self.explanation = QLabel(
            self.tr(
                "Mail that is not confidently a data-subject request waits here instead of "
                "becoming a case with a deadline. Accept it with the kinds you confirm, or "
                "dismiss it: the message is then deleted."
            ),
            self,
        )
        self.explanation.setWordWrap(True)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("inboxTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Received"),
                self.tr("From"),
                self.tr("Subject"),
                self.tr("Suggested"),
                self.tr("Language"),
            ]
        )
        self.table.setAccessibleName(self.tr("Messages waiting for triage"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)

        self.reason = QLabel(self)
        self.reason.setObjectName("inboxReason")
        self.reason.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("inboxText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The message, with the evidence highlighted"))

        kinds_box = QGroupBox(self.tr("Request kinds to confirm"), self)
        grid = QGridLayout(kinds_box)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for n, kind in enumerate(RequestKind):
            box = QCheckBox(kind_label(str(kind)), kinds_box)
            box.setObjectName(f"inboxKind_{kind}")
            box.toggled.connect(lambda _on: self._update_buttons())
            grid.addWidget(box, n // 3, n % 3)
            self.kind_boxes[str(kind)] = box
        self.controller = QComboBox(self)
        self.controller.setObjectName("inboxController")
        self.accept_button = QPushButton(self.tr("Accept as a case"), self)
        self.accept_button.setObjectName("inboxAccept")
        self.accept_button.clicked.connect(self._accept)
        self.dismiss_reason = QLineEdit(self)
        self.dismiss_reason.setObjectName("inboxDismissReason")
        self.dismiss_reason.setPlaceholderText(self.tr("Why it is not a request"))
        self.dismiss_reason.textChanged.connect(lambda _t: self._update_buttons())
        self.dismiss_button = QPushButton(self.tr("Dismiss and delete"), self)
        self.dismiss_button.setObjectName("inboxDismiss")
        self.dismiss_button.clicked.connect(self._dismiss)

        form = QFormLayout()
        form.addRow(self.tr("Controller:"), self.controller)
        accept_row = QHBoxLayout()
        accept_row.addStretch(1)
        accept_row.addWidget(self.accept_button)
        dismiss_row = QHBoxLayout()
        dismiss_row.addWidget(self.dismiss_reason, 1)
        dismiss_row.addWidget(self.dismiss_button)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.reason)
        detail_layout.addWidget(self.text, 1)
        detail_layout.addWidget(kinds_box)
        detail_layout.addLayout(form)
        detail_layout.addLayout(accept_row)
        detail_layout.addLayout(dismiss_row)

        # the message and its controls scroll in their pane on a small screen (1366x768 at 150 %)
        from PySide6.QtWidgets import QScrollArea

        detail_scroll = QScrollArea(self)
        detail_scroll.setObjectName("inboxDetailScroll")
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        detail.setMinimumHeight(320)  # the text stays readable; the pane scrolls instead
        detail_scroll.setWidget(detail)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(splitter, 1)
        self._show(None)

    # --- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._ctx.db.run(_load, on_result=self._loaded, owner=self)

    def _loaded(self, result: tuple[list[InboxItem], list[tuple[int, str, str]]]) -> None:
        items, controllers = result
        self.controller.clear()
        self._controller_ids = [cid for cid, _slug, _name in controllers]
        for _cid, slug, name in controllers:
            self.controller.addItem(name, slug)
        self._items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (
                format_date(item.received),
                item.sender_name or item.sender,
                item.subject,
                kinds_label(list(item.kinds)) or "—",
                language_label(item.language),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ITEM_ROLE, item.id)
                self.table.setItem(row, column, cell)
        if items:
            self.table.selectRow(0)
        else:
            self._show(None)

    def _selected(self) -> InboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._items):
            return None
        return self._items[rows[0].row()]

    def _show_selected(self) -> None:
        self._show(self._selected())

    def _show(self, item: InboxItem | None) -> None:
        self.text.setPlainText(item.body_text if item else "")
        for kind, box in self.kind_boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(item) and kind in item.kinds)  # type: ignore[operator]
            box.blockSignals(False)
        if item is None:
            self.reason.setText(self.tr("The inbox is empty.") if not self._items else "")
        else:
            notes = "\n".join(item.notes)
            self.reason.setText(self._reason_text(item) + ("\n" + notes if notes else ""))
            self._highlight(item)
            if item.controller_id in self._controller_ids:
                self.controller.setCurrentIndex(self._controller_ids.index(item.controller_id))
        self.dismiss_reason.clear()
        self._update_buttons()

    def _reason_text(self, item: InboxItem) -> str:
        """The service's reason (services.intake.triage_reason), in the window's language."""
        if item.reason.startswith("Looks like automated or marketing mail"):
            signs = item.reason.partition(": ")[2]
            return self.tr("Looks like automated or marketing mail, not a request: %1").replace(
                "%1", signs
            )
        if item.reason.startswith("Perhaps a request"):
            return self.tr("Perhaps a request (%1), but the evidence is weak.").replace(
                "%1", kinds_label(list(item.kinds))
            )
        if item.reason.startswith("No data-subject request"):
            return self.tr("No data-subject request was recognised (a complaint, a question …?).")
        return item.reason

    def _highlight(self, item: InboxItem) -> None:
        phrases = [p for group in item.evidence.values() for p in group]
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        selections = []
        for start, end in intake_service.evidence_spans(item.body_text, phrases):
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text.setExtraSelections(selections)
        self.highlighted = len(selections)

    def _checked_kinds(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def _update_buttons(self) -> None:
        item = self._selected()
        self.accept_button.setEnabled(item is not None and bool(self._checked_kinds()))
        self.dismiss_button.setEnabled(
            item is not None and bool(self.dismiss_reason.text().strip())
        )

    # --- actions -------------------------------------------------------------------------------
    def _accept(self) -> None:
        item = self._selected()
        if item is None:
            return
        kinds = self._checked_kinds()
        slug = self.controller.currentData()
        today = self._ctx.today()

        def work(cf: Any) -> intake_service.AcceptedMessage:
            return intake_service.accept(cf, item.id, kinds, today, controller_slug=slug)

        self._ctx.db.run(work, on_result=self._accepted, owner=self)

    def _accepted(self, done: intake_service.AcceptedMessage) -> None:
        self.changed.emit()
        self.case_created.emit(done.case_id)
        self.reload()

    def _dismiss(self) -> None:
        item = self._selected()
        reason = self.dismiss_reason.text().strip()
        if item is None or not reason:
            return
        self._ctx.db.run(
            intake_service.dismiss, item.id, reason, on_result=self._dismissed, owner=self
        )

    def _dismissed(self, _result: object) -> None:
        self.changed.emit()
        self.reload()
