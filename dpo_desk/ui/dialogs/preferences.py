"""General settings: auto-lock and the UI language (kept outside the case file, never secrets)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..settings import MAX_AUTO_LOCK_MINUTES, Settings


class PreferencesDialog(QDialog):
    saved = Signal(object)  # Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._minutes = QSpinBox(self)
        self._minutes.setObjectName("autoLockMinutes")
        self._minutes.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self._minutes.setSpecialValueText(self.tr("never"))
        self._minutes.setSuffix(self.tr(" min"))
        self._minutes.setValue(settings.auto_lock_minutes)
        self._language = QComboBox(self)
        self._language.setObjectName("uiLanguage")
        self._language.addItem(self.tr("As the system"), "")
        self._language.addItem("English", "en")
        self._language.addItem("Русский", "ru")
        index = self._language.findData(settings.ui_language)
        self._language.setCurrentIndex(max(0, index))
        note = QLabel(self.tr("A new language applies when DPO Desk starts again."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        lock_label = QLabel(self.tr("&Lock after idle:"), self)
        lock_label.setBuddy(self._minutes)
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self._language)
        form.addRow(lock_label, self._minutes)
        form.addRow(language_label, self._language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> Settings:
        return self._settings.with_changes(
            auto_lock_minutes=self._minutes.value(),
            ui_language=str(self._language.currentData() or ""),
        )

    def accept(self) -> None:
        self.saved.emit(self.chosen())
        super().accept()
