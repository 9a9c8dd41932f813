"""The recovery key, shown once: copy, print, and confirm it is written down."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: How long the recovery key may stay on the clipboard.
CLIPBOARD_SECONDS = 60


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Your recovery key"))
        self._key = recovery_key
        self._file_name = file_name
        explain = QLabel(
            self.tr(
                "The key to the case file is kept in the system keyring. If the keyring is lost "
                "or changed (a new computer, a reinstalled system), this recovery key is the only "
                "way into the file. Write it down or print it, and keep it somewhere safe. It is "
                "shown only now."
            ),
            self,
        )
        explain.setWordWrap(True)
        self._field = QLineEdit(recovery_key, self)
        self._field.setObjectName("recoveryKeyText")
        self._field.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.1)
        self._field.setFont(mono)
        self._field.setMinimumWidth(self._field.fontMetrics().horizontalAdvance(recovery_key) + 24)
        copy = QPushButton(self.tr("&Copy"), self)
        copy.setObjectName("copyRecoveryKey")
        copy.clicked.connect(self._copy)
        print_button = QPushButton(self.tr("&Print…"), self)
        print_button.setObjectName("printRecoveryKey")
        print_button.clicked.connect(self._print)
        self._copied = QLabel(self)
        self._copied.setWordWrap(True)
        self._confirm = QCheckBox(self.tr("I have &written it down"), self)
        self._confirm.setObjectName("confirmWrittenDown")
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("C&ontinue"))
        self._ok.setObjectName("continueButton")
        self._ok.setEnabled(False)
        self._confirm.toggled.connect(self._ok.setEnabled)
        self._buttons.accepted.connect(self.accept)

        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self._field)
        layout.addLayout(row)
        layout.addWidget(self._copied)
        layout.addWidget(self._confirm)
        layout.addWidget(self._buttons)

    def reject(self) -> None:
        """Escape and the close button do nothing until the key is confirmed."""
        if self._confirm.isChecked():
            self.accept()

    def accept(self) -> None:
        if not self._confirm.isChecked():
            return
        self._field.clear()
        super().accept()

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self._key)
        self._copied.setText(
            self.tr("Copied. The clipboard is cleared in %n second(s).", "", CLIPBOARD_SECONDS)
        )
        key = self._key

        def clear() -> None:
            if clipboard.text() == key:
                clipboard.clear()

        QTimer.singleShot(CLIPBOARD_SECONDS * 1000, clear)

    def document(self) -> QTextDocument:
        """The printed page, built in memory."""
        doc = QTextDocument(self)
        title = self.tr("DPO Desk recovery key")
        file_line = self.tr("Case file: {name}").format(name=self._file_name)
        keep = self.tr("Keep this page somewhere safe. It opens the case file without the keyring.")
        doc.setHtml(
            f"<h2>{_escape(title)}</h2><p>{_escape(file_line)}</p>"
            f"<p style='font-family: monospace; font-size: 14pt'>{_escape(self._key)}</p>"
            f"<p>{_escape(keep)}</p>"
        )
        return doc

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")

        def go() -> None:
            self.document().print_(printer)

        dialog.accepted.connect(go)
        dialog.open()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
