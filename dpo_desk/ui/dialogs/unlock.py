"""Unlock an existing case file with its passphrase or recovery key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError

from ..errors import describe_error
from ..opening import Opened, open_casefile, parse_secret
from ..tasks import Executor


class UnlockDialog(QDialog):
    """Empty field + Unlock tries the keyring again (after the other process closed the file)."""

    opened = Signal(object)  # Opened

    def __init__(
        self,
        executor: Executor,
        path: Path,
        message: str = "",
        parent: QWidget | None = None,
        report_bug: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock the case file"))
        self._executor = executor
        self._path = path
        self._report_bug = report_bug
        self.result_opened: Opened | None = None

        intro = QLabel(
            self.tr("Type the passphrase or the recovery key of {name}.").format(name=path.name),
            self,
        )
        intro.setWordWrap(True)
        where = QLabel(str(path), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self._secret = QLineEdit(self)
        self._secret.setObjectName("unlockSecret")
        self._secret.setEchoMode(QLineEdit.EchoMode.Password)
        self._secret.setPlaceholderText(self.tr("Passphrase or recovery key"))
        self._secret.setAccessibleName(self.tr("Passphrase or recovery key"))
        self._message = QLabel(message, self)
        self._message.setObjectName("unlockMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._buttons = QDialogButtonBox(self)
        self._unlock = self._buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._unlock.setObjectName("unlockButton")
        self._unlock.setDefault(True)
        quit_button = self._buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setObjectName("quitButton")
        self._buttons.accepted.connect(self._on_unlock)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self._secret)
        layout.addWidget(self._message)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(460)
        self._secret.setFocus()

    @property
    def message(self) -> str:
        return self._message.text()

    def _on_unlock(self) -> None:
        text = self._secret.text()
        key = None
        if text.strip():
            try:
                key = parse_secret(text)
            except KnownError as exc:
                self._message.setText(describe_error(exc, self._path))
                return
        self._message.setText(self.tr("Opening…"))
        self._unlock.setEnabled(False)
        self._secret.setEnabled(False)
        self._executor.call(
            open_casefile, self._path, key, on_result=self._done, on_error=self._failed, owner=self
        )

    def _done(self, opened: Opened) -> None:
        self.result_opened = opened
        self._secret.clear()
        self.opened.emit(opened)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._unlock.setEnabled(True)
        self._secret.setEnabled(True)
        self._secret.selectAll()
        self._secret.setFocus()
        self._message.setText(describe_error(exc, self._path))
        if not isinstance(exc, KnownError) and self._report_bug is not None:
            self._report_bug(exc)
