"""Scans of a postal request: letter pages and an ID copy, each with its role.

``ScanList`` collects them from a file dialog or by drag and drop; every file is read and checked
(``intake.scans.check_scan``) on the database thread before it is listed, so what the DPO sees in
the list is what will be stored. ``AddScansDialog`` adds scans to a case already logged.
Storing an ID copy for a controller under Kazakh law asks the DPO first
(:func:`ask_id_copy_confirmation`, the text of ``identity.policy.id_copy_warning``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import AttachmentRole, Controller
from dpo_desk.intake.service import IdCopyNeedsConfirmation, Scan

from ..app import AppContext
from ..errors import describe_error
from ..i18n import tr_message
from ..labels import attachment_role_label, format_size
from ..operations import CaseDetails, Changed, CheckedScan, add_case_scans, read_scan

SCAN_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".tif", ".tiff"})
SCAN_ROLES = (AttachmentRole.LETTER_SCAN, AttachmentRole.ID_DOCUMENT)

_TYPE_NAMES = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
}


def id_copy_warning(controller: Controller) -> str | None:
    from dpo_desk.identity.policy import id_copy_warning as policy_warning

    warning = policy_warning(controller)
    return tr_message(warning) if warning is not None else None  # issue 14


def ask_id_copy_confirmation(
    parent: QWidget, warning: str, on_confirmed: Callable[[], None]
) -> QMessageBox:
    """Ask before an ID copy is stored under Kazakh law; ``on_confirmed`` runs on "Store"."""
    box = QMessageBox(parent)
    box.setObjectName("idCopyConfirmation")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("ScanList", "Store a copy of an identity document?")
    )
    box.setText(
        QCoreApplication.translate(
            "ScanList",
            "The law of this controller restricts paper copies of identity documents. Store "
            "the copy only if an exception applies.",
        )
    )
    box.setInformativeText(warning)
    store = box.addButton(
        QCoreApplication.translate("ScanList", "&Store the copy"), QMessageBox.ButtonRole.AcceptRole
    )
    store.setObjectName("confirmIdCopy")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if box.clickedButton() is store:
            on_confirmed()

    box.finished.connect(finished)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


class ScanList(QWidget):
    """The scans to store, each checked, with its role; files come by dialog or drop."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanList")
        self._ctx = ctx
        self._scans: list[CheckedScan] = []
        self._pending = 0
        self._problems: list[str] = []

        self._list = QListWidget(self)
        self._list.setObjectName("scanItems")
        self._list.setAccessibleName(self.tr("Scans to store"))
        self._list.setMinimumHeight(self._list.fontMetrics().lineSpacing() * 4 + 8)
        self._list.setMaximumHeight(self._list.fontMetrics().lineSpacing() * 7 + 8)
        self._list.currentRowChanged.connect(self._selected)
        self._list.setAcceptDrops(False)  # the whole widget takes drops
        self.setAcceptDrops(True)
        self._add_pages = QPushButton(self.tr("Add &letter pages…"), self)
        self._add_pages.setObjectName("addLetterPages")
        self._add_pages.clicked.connect(lambda: self.choose_files(AttachmentRole.LETTER_SCAN))
        self._add_id = QPushButton(self.tr("Add an I&D copy…"), self)
        self._add_id.setObjectName("addIdCopy")
        self._add_id.clicked.connect(lambda: self.choose_files(AttachmentRole.ID_DOCUMENT))
        self._role = QComboBox(self)
        self._role.setObjectName("scanRole")
        self._role.setAccessibleName(self.tr("Role of the selected scan"))
        for role in SCAN_ROLES:
            self._role.addItem(attachment_role_label(role), role.value)
        self._role.setEnabled(False)
        self._role.currentIndexChanged.connect(self._role_changed)
        self._remove = QPushButton(self.tr("Remo&ve"), self)
        self._remove.setObjectName("removeScan")
        self._remove.setEnabled(False)
        self._remove.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self._list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self._message = QLabel(self)
        self._message.setObjectName("scanMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(
            self.tr("PDF, JPEG, PNG or TIFF; drop files here. Each file is checked first."), self
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self._add_pages)
        buttons.addWidget(self._add_id)
        buttons.addStretch(1)
        buttons.addWidget(self._role)
        buttons.addWidget(self._remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._list)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self._message)

    # --- what was collected ----------------------------------------------------------------
    def scans(self) -> tuple[Scan, ...]:
        return tuple(c.scan for c in self._scans)

    def has_id_copy(self) -> bool:
        return any(c.scan.role == AttachmentRole.ID_DOCUMENT for c in self._scans)

    @property
    def busy(self) -> bool:
        """Files are still being read and checked."""
        return self._pending > 0

    def clear(self) -> None:
        self._scans.clear()
        self._list.clear()
        self._message.clear()
        self.changed.emit()

    # --- adding ----------------------------------------------------------------------------
    def choose_files(self, role: AttachmentRole) -> QFileDialog:
        title = (
            self.tr("Add an ID copy")
            if role == AttachmentRole.ID_DOCUMENT
            else self.tr("Add letter pages")
        )
        dialog = QFileDialog(self, title)
        dialog.setObjectName("scanFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names], role))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def add_files(self, paths: list[Path], role: AttachmentRole) -> None:
        """Read and check each file on the database thread, then list it (or say why not)."""
        self._message.clear()
        self._problems = []
        for path in paths:
            self._pending += 1
            self._ctx.db.executor.call(
                read_scan,
                path,
                role,
                on_result=self._checked,
                on_error=lambda exc, name=path.name: self._refused(name, exc),
                owner=self,
            )

    def _checked(self, checked: CheckedScan) -> None:
        self._pending -= 1
        self._scans.append(checked)
        item = QListWidgetItem(self._item_text(checked), self._list)
        item.setToolTip(checked.source)
        self._list.setCurrentItem(item)
        self.changed.emit()

    def _refused(self, name: str, exc: BaseException) -> None:
        self._pending -= 1
        if not isinstance(exc, KnownError):
            self._ctx.errors.report(exc)
            return
        self._problems.append(
            self.tr("{name} was not added: {reason}").format(
                name=name, reason=describe_error(exc, self._ctx.session.path)
            )
        )
        self._message.setText("\n".join(self._problems))
        self.changed.emit()

    def _item_text(self, checked: CheckedScan) -> str:
        info = checked.info
        pages = self.tr("%n page(s)", "", info.pages)
        kind = _TYPE_NAMES.get(info.media_type, info.media_type)
        return (
            f"{attachment_role_label(checked.scan.role)} — {checked.source} "
            f"({kind}, {pages}, {format_size(len(checked.scan.data))})"
        )

    # --- editing ---------------------------------------------------------------------------
    def _selected(self, row: int) -> None:
        valid = 0 <= row < len(self._scans)
        self._role.setEnabled(valid)
        self._remove.setEnabled(valid)
        if valid:
            self._role.blockSignals(True)
            self._role.setCurrentIndex(self._role.findData(self._scans[row].scan.role.value))
            self._role.blockSignals(False)

    def set_role(self, row: int, role: AttachmentRole) -> None:
        if not 0 <= row < len(self._scans):
            return
        old = self._scans[row]
        checked = CheckedScan(Scan(old.scan.filename, old.scan.data, role), old.info, old.source)
        self._scans[row] = checked
        self._list.item(row).setText(self._item_text(checked))
        self.changed.emit()

    def _role_changed(self, index: int) -> None:
        if index >= 0:
            self.set_role(self._list.currentRow(), AttachmentRole(self._role.itemData(index)))

    def remove_selected(self) -> None:
        row = self._list.currentRow()
        if 0 <= row < len(self._scans):
            del self._scans[row]
            self._list.takeItem(row)
            self._selected(self._list.currentRow())
            self.changed.emit()

    # --- drag and drop ---------------------------------------------------------------------
    @staticmethod
    def _droppable(urls: list[Any]) -> list[Path]:
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in SCAN_SUFFIXES and p.is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._droppable(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._droppable(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths, AttachmentRole.LETTER_SCAN)


class AddScansDialog(QDialog):
    """Add scans (letter pages, an ID copy) to a case already logged."""

    def __init__(self, ctx: AppContext, view: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addScansDialog")
        self._ctx = ctx
        self._view = view  # the CaseView: it stores the scans and shows the changed case
        details: CaseDetails | None = view.details
        self._controller = details.controller if details is not None else None
        reference = details.case.reference if details is not None else ""
        self.setWindowTitle(self.tr("Add scans to {reference}").format(reference=reference))
        self.scan_list = ScanList(ctx, self)
        self.scan_list.changed.connect(self._update)
        self._message = QLabel(self)
        self._message.setObjectName("addScansMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(self)
        self._store = buttons.addButton(
            self.tr("&Store scans"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._store.setObjectName("storeScansButton")
        self._store.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.store)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_list, 1)
        layout.addWidget(self._message)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self._update()

    def _update(self) -> None:
        self._store.setEnabled(bool(self.scan_list.scans()) and not self.scan_list.busy)

    def store(self) -> None:
        scans = list(self.scan_list.scans())
        if not scans:
            self._message.setText(self.tr("Add at least one scan."))
            return
        warning = (
            id_copy_warning(self._controller)
            if self._controller is not None and self.scan_list.has_id_copy()
            else None
        )
        if warning:
            ask_id_copy_confirmation(self, warning, lambda: self._store_scans(scans, True))
        else:
            self._store_scans(scans, False)

    def _store_scans(self, scans: list[Scan], confirmed: bool) -> None:
        self._store.setEnabled(False)

        def done(_result: Changed[list[int]]) -> None:
            self.accept()

        def failed(exc: BaseException) -> bool:
            self._update()
            if isinstance(exc, IdCopyNeedsConfirmation) and not confirmed:
                ask_id_copy_confirmation(
                    self, describe_error(exc), lambda: self._store_scans(scans, True)
                )
                return True
            return False

        self._view.apply(
            add_case_scans,
            scans,
            confirmed,
            on_done=done,
            on_error=failed,
            on_known_error=self._message.setText,
        )
