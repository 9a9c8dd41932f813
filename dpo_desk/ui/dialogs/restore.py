"""File → Restore from backup…: choose a backup and a target path (never the open file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.services.backups import Restored, restore_backup

from ..app import AppContext
from ..errors import describe_error
from ..opening import parse_secret


def _restore_job(
    _cf: object, source: Path, target: Path, open_file: Path, secret: str, file_id: str
) -> Restored:
    key = parse_secret(secret) if secret else None
    return restore_backup(source, target, open_file=open_file, key=key, file_ids=(file_id,))


class RestoreDialog(QDialog):
    restored = Signal(str)  # the restored file's path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.source = QLineEdit(self)
        self.source.setObjectName("restoreSource")
        self.target = QLineEdit(self)
        self.target.setObjectName("restoreTarget")
        self.secret = QLineEdit(self)
        self.secret.setObjectName("restoreSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Leave empty if the keyring holds the key"))
        for edit in (self.source, self.target, self.secret):
            edit.setMinimumWidth(360)  # whole paths and the placeholder stay readable
        self.message = QLabel(self)
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        explain = QLabel(
            self.tr(
                "The backup is checked and copied to the target path. The open case file is "
                "never overwritten: restore to another path, then open that file."
            ),
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Backup:"), self._with_browse(self.source, self._choose_source))
        form.addRow(self.tr("Restore &to:"), self._with_browse(self.target, self._choose_target))
        form.addRow(self.tr("&Passphrase or recovery key:"), self.secret)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Restore"))
        self.ok.setObjectName("restoreOk")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _with_browse(self, edit: QLineEdit, slot: object) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"), box)
        browse.setObjectName(edit.objectName() + "Browse")
        browse.clicked.connect(lambda _c=False: slot())  # type: ignore[operator]
        row.addWidget(browse)
        return box

    def _file_dialog(self, title: str, save: bool) -> QFileDialog:
        dialog = QFileDialog(self, title, str(Path.home()))
        dialog.setNameFilter(self.tr("DPO Desk case files (*.dpodesk)"))
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("dpodesk")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _choose_source(self) -> QFileDialog:
        dialog = self._file_dialog(self.tr("Choose the backup"), save=False)
        dialog.fileSelected.connect(self.source.setText)
        return dialog

    def _choose_target(self) -> QFileDialog:
        dialog = self._file_dialog(self.tr("Restore to"), save=True)
        dialog.fileSelected.connect(self.target.setText)
        return dialog

    def start(self) -> None:
        source = self.source.text().strip()
        target = self.target.text().strip()
        if not source or not target:
            self.message.setText(self.tr("Choose the backup and the path to restore it to."))
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Restoring…"))
        session = self._ctx.session
        self._ctx.db.run(
            _restore_job,
            Path(source),
            Path(target),
            Path(session.path),
            self.secret.text(),
            session.file_id,
            on_result=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, result: Restored) -> None:
        self.secret.clear()
        self.restored.emit(str(result.path))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, KnownError):
            self.message.setText(describe_error(exc, Path(self.target.text().strip())))
        else:
            self.message.clear()
            self._ctx.errors.report(exc)
