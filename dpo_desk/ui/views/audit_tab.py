"""Audit tab: the case's events from the hash-chained log, read-only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..app import AppContext
from ..models.audit import AuditModel
from ..operations import CaseDetails
from .case_view import CaseView


class AuditTab(QWidget):
    def __init__(self, ctx: AppContext, view: CaseView) -> None:
        super().__init__(view)
        self.setObjectName("auditTab")
        self._model = AuditModel(self)
        self._table = QTableView(self)
        self._table.setObjectName("auditTable")
        self._table.setAccessibleName(self.tr("Audit events of the case"))
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        self._table.setWordWrap(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Every change of the case, in order. The log is append-only and hash-chained; "
                "“Check case file” in the File menu verifies the whole chain."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._table, 1)
        layout.addWidget(note)

    @property
    def model(self) -> AuditModel:
        return self._model

    def tab_title(self) -> str:
        return self.tr("A&udit")

    def show_details(self, details: CaseDetails) -> None:
        self._model.set_events(details.audit)
        self._table.resizeColumnsToContents()

    def clear(self) -> None:
        self._model.clear()
