"""Help → User guide: the DPO's first hour, in the window's language (Markdown from resources)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from dpo_desk.resources import path as resource_path

from ..i18n import ui_language

#: The guide's file for each UI language (English is the fallback).
GUIDES = {"en": "user-guide.md", "ru": "user-guide.ru.md"}


def guide_text(language: str) -> str:
    """The guide's Markdown for ``language`` (English when there is none in that language)."""
    name = GUIDES.get(language, GUIDES["en"])
    return resource_path("guide", name).read_text(encoding="utf-8")


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setMarkdown(guide_text(language or ui_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 600)
