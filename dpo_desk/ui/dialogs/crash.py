"""The crash dialog: DPO Desk hit a bug. The window goes on; the log has the details."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, exc: BaseException, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("DPO Desk hit a bug"))
        title = QLabel(self.tr("DPO Desk hit a bug"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        explain = QLabel(
            self.tr(
                "Something went wrong inside DPO Desk. The case file is safe: every change is "
                "saved when it is made, and the last action was either saved whole or not at "
                "all. You can go on working. What happened is in the log:"
            ),
            self,
        )
        explain.setWordWrap(True)
        path = QLabel(str(log_file), self)
        path.setObjectName("crashLogPath")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        text = QPlainTextEdit(self.details, self)
        text.setObjectName("crashDetails")
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        text.setMinimumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("&Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(path)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
