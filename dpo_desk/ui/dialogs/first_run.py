"""First run: create the case file and choose where its key lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.casefile import Key
from dpo_desk.casefile.keys import KeyringStatus, is_recovery_key
from dpo_desk.core.errors import KnownError
from dpo_desk.services.passphrase import MIN_LENGTH as MIN_PASSPHRASE  # issue 20
from dpo_desk.services.passphrase import weaknesses

from ..errors import describe_error
from ..opening import Opened, create_casefile, keyring_status
from ..tasks import Executor


class FirstRunDialog(QDialog):
    created = Signal(object)  # Opened

    def __init__(
        self,
        executor: Executor,
        path: Path,
        parent: QWidget | None = None,
        report_bug=None,  # noqa: ANN001 - Callable[[BaseException], None]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to DPO Desk"))
        self._executor = executor
        self._path = path
        self._report_bug = report_bug
        self._keyring_usable = False
        self.opened: Opened | None = None

        intro = QLabel(
            self.tr(
                "DPO Desk keeps every case — requests, identity documents, letters, the audit "
                "log — in one encrypted file on this computer:"
            ),
            self,
        )
        intro.setWordWrap(True)
        where = QLabel(str(path), self)
        where.setObjectName("casefilePath")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        question = QLabel(self.tr("Where should the key to that file live?"), self)
        question.setWordWrap(True)

        self._use_keyring = QRadioButton(self.tr("In the system &keyring (recommended)"), self)
        self._use_keyring.setObjectName("useKeyring")
        self._keyring_info = QLabel(self.tr("Looking for a keyring…"), self)
        self._keyring_info.setObjectName("keyringInfo")
        self._keyring_info.setWordWrap(True)
        self._keyring_info.setIndent(24)
        self._use_passphrase = QRadioButton(self.tr("In my head: a &passphrase"), self)
        self._use_passphrase.setObjectName("usePassphrase")
        group = QButtonGroup(self)
        group.addButton(self._use_keyring)
        group.addButton(self._use_passphrase)
        self._use_passphrase.setChecked(True)
        self._use_keyring.setEnabled(False)

        self._passphrase = QLineEdit(self)
        self._passphrase.setObjectName("newPassphrase")
        self._passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._repeat = QLineEdit(self)
        self._repeat.setObjectName("repeatPassphrase")
        self._repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        passphrase_label = QLabel(self.tr("Pa&ssphrase:"), self)
        passphrase_label.setBuddy(self._passphrase)
        repeat_label = QLabel(self.tr("&Repeat:"), self)
        repeat_label.setBuddy(self._repeat)
        form.addRow(passphrase_label, self._passphrase)
        form.addRow(repeat_label, self._repeat)
        warning = QLabel(
            self.tr(
                "At least 8 characters. Nobody can recover a forgotten passphrase: without it "
                "the cases cannot be read."
            ),
            self,
        )
        warning.setWordWrap(True)
        warning.setIndent(24)

        self._message = QLabel(self)
        self._message.setObjectName("firstRunMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)

        self._buttons = QDialogButtonBox(self)
        self._create = self._buttons.addButton(
            self.tr("&Create case file"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._create.setObjectName("createButton")
        self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self._on_create)
        self._buttons.rejected.connect(self.reject)
        self._use_keyring.toggled.connect(self._sync)
        self._use_passphrase.toggled.connect(self._sync)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(question)
        layout.addWidget(self._use_keyring)
        layout.addWidget(self._keyring_info)
        layout.addWidget(self._use_passphrase)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self._message)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(520)
        self._sync()
        executor.call(
            keyring_status, on_result=self._show_keyring, on_error=self._keyring_failed, owner=self
        )

    # --- keyring ---------------------------------------------------------------------------
    def _show_keyring(self, status: KeyringStatus) -> None:
        self._keyring_usable = status.usable
        backend = status.backend.rsplit(".", 2)
        name = ".".join(backend[-2:]) if len(backend) >= 2 else status.backend
        if status.usable:
            self._keyring_info.setText(
                self.tr("Found: {backend}. You will get a recovery key to write down.").format(
                    backend=name
                )
            )
            self._use_keyring.setEnabled(True)
            self._use_keyring.setChecked(True)
        else:
            self._keyring_info.setText(
                self.tr("No usable keyring here ({reason}).").format(reason=status.reason)
            )
            self._use_keyring.setEnabled(False)
            self._use_passphrase.setChecked(True)
        self._sync()

    def _keyring_failed(self, exc: BaseException) -> None:
        self._show_keyring(KeyringStatus(False, "none", type(exc).__name__))

    def _sync(self) -> None:
        passphrase = self._use_passphrase.isChecked()
        self._passphrase.setEnabled(passphrase)
        self._repeat.setEnabled(passphrase)

    # --- creating --------------------------------------------------------------------------
    def _chosen_key(self) -> Key | None:
        """The passphrase key, or None for the keyring; raises ValueError with a message."""
        if self._use_keyring.isChecked():
            return None
        text = self._passphrase.text()
        if len(text) < MIN_PASSPHRASE:
            raise ValueError(self.tr("Choose a passphrase of at least 8 characters."))
        if text != self._repeat.text():
            raise ValueError(self.tr("The two passphrases differ."))
        if is_recovery_key(text):
            raise ValueError(self.tr("That looks like a recovery key; choose a passphrase."))
        return Key(passphrase=text)

    def _on_create(self) -> None:
        try:
            key = self._chosen_key()
        except ValueError as exc:
            self._message.setText(str(exc))
            return
        message = self.tr("Creating the case file…")
        if key is not None and key.passphrase and weaknesses(key.passphrase):  # issue 20
            message += " " + self.tr(
                "This passphrase is easy to guess; a few words with spaces are harder to guess "
                "and easy to remember."
            )
        self._message.setText(message)
        self._create.setEnabled(False)
        self._executor.call(
            create_casefile,
            self._path,
            key,
            on_result=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, opened: Opened) -> None:
        self.opened = opened
        self._passphrase.clear()
        self._repeat.clear()
        self.created.emit(opened)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._create.setEnabled(True)
        self._message.setText(describe_error(exc, self._path))
        if not isinstance(exc, KnownError) and self._report_bug is not None:
            self._report_bug(exc)
