"""UI language: English (the source strings) or Russian (``resources/i18n/dpo_desk_ru.qm``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dpo_desk.resources import path as resource_path

#: Languages the window is translated to (English is the source language).
TRANSLATED = ("ru",)


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The setting when set, otherwise the system locale's language if translated, else English."""
    if setting:
        return setting
    name = (system or QLocale.system()).name()  # "ru_RU", "en_GB", "C"
    code = name.split("_", 1)[0].lower()
    return code if code in TRANSLATED else "en"


def qm_path(language: str) -> str:
    return str(resource_path("i18n", f"dpo_desk_{language}.qm"))


class Translation:
    """Translators installed on the application; ``remove()`` takes them out again."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._translators: list[QTranslator] = []

    def install(self, app: QCoreApplication) -> bool:
        """Install DPO Desk's and Qt's own catalogues; False when DPO Desk's is missing.

        English is the source language, but it has a small catalogue too: the plural forms
        ("1 case", "2 cases") of the messages that count something.
        """
        QLocale.setDefault(locale_for(self.language))
        ours = QTranslator(app)
        if not ours.load(qm_path(self.language)):
            return self.language not in TRANSLATED
        if self.language in TRANSLATED:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(app)
            if qtbase.load(f"qtbase_{self.language}", qt_dir):
                app.installTranslator(qtbase)
                self._translators.append(qtbase)
        app.installTranslator(ours)
        self._translators.append(ours)
        return True

    def remove(self, app: QCoreApplication) -> None:
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        QLocale.setDefault(QLocale.system())


def locale_for(language: str) -> QLocale:
    """The locale dates and numbers follow: the system's when it speaks the UI language."""
    system = QLocale.system()
    if (
        system.language() != QLocale.Language.C
        and system.name().split("_", 1)[0].lower() == language
    ):
        return system
    return QLocale("ru_RU") if language == "ru" else QLocale("en_GB")
