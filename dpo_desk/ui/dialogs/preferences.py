"""General settings: auto-lock, the UI language, the colour scheme and the font size (kept
outside the case file, never secrets)."""

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

from ..settings import MAX_AUTO_LOCK_MINUTES, MAX_FONT_POINTS, MIN_FONT_POINTS, Settings


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
        self._scheme = QComboBox(self)
        self._scheme.setObjectName("colourScheme")
        self._scheme.addItem(self.tr("As the system (light or dark)"), "system")
        self._scheme.addItem(self.tr("Light"), "light")
        self._scheme.addItem(self.tr("Dark"), "dark")
        self._scheme.setCurrentIndex(max(0, self._scheme.findData(settings.colour_scheme)))
        self._font = QSpinBox(self)
        self._font.setObjectName("fontPoints")
        self._font.setRange(MIN_FONT_POINTS - 1, MAX_FONT_POINTS)
        self._font.setSpecialValueText(self.tr("as the system"))
        self._font.setSuffix(self.tr(" pt"))
        self._font.setValue(settings.font_points or MIN_FONT_POINTS - 1)
        note = QLabel(self.tr("A new language applies when DPO Desk starts again."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        lock_label = QLabel(self.tr("&Lock after idle:"), self)
        lock_label.setBuddy(self._minutes)
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self._language)
        form.addRow(lock_label, self._minutes)
        form.addRow(language_label, self._language)
        scheme_label = QLabel(self.tr("&Colours:"), self)
        scheme_label.setBuddy(self._scheme)
        font_label = QLabel(self.tr("&Text size:"), self)
        font_label.setBuddy(self._font)
        form.addRow(scheme_label, self._scheme)
        form.addRow(font_label, self._font)
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
            colour_scheme=str(self._scheme.currentData() or "system"),
            font_points=0 if self._font.value() < MIN_FONT_POINTS else self._font.value(),
        )

    def accept(self) -> None:
        self.saved.emit(self.chosen())
        super().accept()
