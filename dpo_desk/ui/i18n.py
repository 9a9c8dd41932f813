"""UI language: English (the source strings) or Russian (``resources/i18n/dpo_desk_ru.qm``).

Service messages (:class:`dpo_desk.core.messages.Message`) are translated with
:func:`tr_message` from ``resources/i18n/messages_<lang>.toml`` in the same UI language.

``DPO_DESK_PSEUDO_LOCALE=1`` installs a pseudo-translator over the real one (Vorta's
``TRANS_SCALE``): every translated string is wrapped in ``[ ]`` and padded by 40 % with accented
letters, so a layout test (tests/ui/test_pseudo_locale.py) finds labels that long Russian or
Kazakh text will clip.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dpo_desk.core.messages import translate
from dpo_desk.resources import path as resource_path

#: Environment switch for the pseudo-locale, and how much longer it makes every string.
PSEUDO_ENV = "DPO_DESK_PSEUDO_LOCALE"
PSEUDO_SCALE = 0.4
_PAD = "áéíóúàèçñöüåøœ"
# Leave what code parses alone: rich text, shortcuts-only strings, and ``%1``/``{name}`` holders.
_NOT_PROSE = re.compile(r"^\s*$|^<|^[%{][\w]*[}]?$|^[A-Za-z+]+\+[A-Za-z0-9]+$")


def pseudo_enabled() -> bool:
    return os.environ.get(PSEUDO_ENV, "").strip() not in ("", "0")


def stretch(text: str, scale: float = PSEUDO_SCALE) -> str:
    """``text`` wrapped in ``[ ]`` and padded with accented letters to ``1 + scale`` its length.

    Placeholders and accelerators are kept as they are, so ``.format()``/``.arg()`` still work.
    Multi-line text is stretched line by line (a line break stays where it was).
    """
    if _NOT_PROSE.match(text):
        return text
    lines = []
    for line in text.split("\n"):
        if not line.strip():
            lines.append(line)
            continue
        pad = max(1, round(len(line) * scale) - 2)
        lines.append("[" + line + " " + (_PAD * (pad // len(_PAD) + 1))[:pad] + "]")
    return "\n".join(lines)


class PseudoTranslator(QTranslator):
    """Answers every lookup with the real translation (or the source) stretched."""

    def __init__(self, parent: QCoreApplication, inner: QTranslator | None) -> None:
        super().__init__(parent)
        self._inner = inner

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(  # noqa: N802 - Qt's signature
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        found = ""
        if self._inner is not None:
            found = self._inner.translate(context, source, disambiguation, n)
        return stretch(found or source)


def ui_language() -> str:
    """The language the window speaks now (set by :meth:`Translation.install`)."""
    code = QLocale().name().split("_", 1)[0].lower()
    return code if code in TRANSLATED else "en"


def tr_message(text: object) -> str:
    """A service message (or a ``KnownError``) in the window's language; plain text unchanged."""
    out = translate(text, ui_language())
    return stretch(out) if pseudo_enabled() else out


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
        if pseudo_enabled():  # installed last, so Qt asks it first
            pseudo = PseudoTranslator(app, ours)
            app.installTranslator(pseudo)
            self._translators.append(pseudo)
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
