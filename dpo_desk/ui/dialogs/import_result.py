"""What an email import did with each message: a new case, a follow-up, a duplicate, a refusal."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.intake.service import ImportOutcome

from ..labels import kinds_label

STATUS_NAMES = {
    "created": QT_TRANSLATE_NOOP("ImportResultDialog", "New case"),
    "follow_up": QT_TRANSLATE_NOOP("ImportResultDialog", "Added to an open case"),
    "inbox": QT_TRANSLATE_NOOP("ImportResultDialog", "Waits in the inbox"),
    "duplicate": QT_TRANSLATE_NOOP("ImportResultDialog", "Already in the file"),
    "error": QT_TRANSLATE_NOOP("ImportResultDialog", "Refused"),
    "needs_controller": QT_TRANSLATE_NOOP("ImportResultDialog", "Controller unknown"),
    "cancelled": QT_TRANSLATE_NOOP("ImportResultDialog", "Cancelled"),
}

CASE_ROLE = Qt.ItemDataRole.UserRole + 1


def status_text(status: str) -> str:
    name = STATUS_NAMES.get(status)
    return QCoreApplication.translate("ImportResultDialog", name) if name else status


class ImportResultDialog(QDialog):
    open_case = Signal(int)  # double-click on a row with a case

    def __init__(self, outcomes: Sequence[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultDialog")
        self.setWindowTitle(self.tr("Email import"))
        self.outcomes = list(outcomes)
        created = sum(1 for o in outcomes if o.status in ("created", "follow_up"))
        waiting = sum(1 for o in outcomes if o.status == "inbox")
        summary = QLabel(
            self.tr("%n message(s) imported.", "", created)
            + (
                " " + self.tr("%n wait(s) in the inbox: not confidently a request.", "", waiting)
                if waiting
                else ""
            )
            + " "
            + self.tr("%n refused or skipped.", "", len(outcomes) - created - waiting),
            self,
        )
        summary.setObjectName("importSummary")
        self.table = QTableWidget(len(outcomes), 4, self)
        self.table.setObjectName("importTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Case"), self.tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, outcome in enumerate(outcomes):
            details = [outcome.reason] if outcome.reason else []
            if outcome.kinds:
                details.append(kinds_label(list(outcome.kinds)))
            details.extend(outcome.warnings)
            details.extend(outcome.notes)
            cells = (
                outcome.source,
                status_text(outcome.status),
                outcome.reference or "",
                "\n".join(d for d in details if d),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CASE_ROLE, outcome.case_id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.itemDoubleClicked.connect(self._open)
        hint = QLabel(self.tr("Double-click a row to open its case."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def _open(self, item: QTableWidgetItem) -> None:
        case_id = item.data(CASE_ROLE)
        if case_id:
            self.open_case.emit(int(case_id))
