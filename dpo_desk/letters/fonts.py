"""The bundled fonts, registered with reportlab once per process.

DejaVu Sans (Bitstream Vera licence, ``resources/fonts/LICENSE-DejaVu.txt``) covers Latin,
Cyrillic and the Kazakh/Kyrgyz letters ә ғ қ ң ө ұ ү һ і, plus «», № and ₸. Every PDF producer
(letters, reports) calls :func:`register_fonts` and uses the names it returns, and passes
``initialFontName=fonts.regular`` to its doc template so no unembedded Helvetica is referenced.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dpo_desk import resources


@dataclass(frozen=True)
class FontSet:
    """reportlab font names of one registered family."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


FAMILY = "DejaVuSans"
FILES: dict[str, str] = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
LICENCE_FILE = "LICENSE-DejaVu.txt"

FONTS = FontSet(
    family=FAMILY,
    regular="DejaVuSans",
    bold="DejaVuSans-Bold",
    italic="DejaVuSans-Oblique",
    bold_italic="DejaVuSans-BoldOblique",
)

_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    """Path of a bundled font file, by reportlab font name (``"DejaVuSans-Bold"``)."""
    return resources.path("fonts", FILES[name])


def register_fonts() -> FontSet:
    """Register the bundled family with reportlab (idempotent, thread-safe) and return its names.

    The family name is the regular face's name, and ``registerFontFamily`` maps it, so ``<b>``
    and ``<i>`` in paragraphs pick the right faces.
    """
    global _registered
    if _registered:
        return FONTS
    with _lock:
        if _registered:
            return FONTS
        known = set(pdfmetrics.getRegisteredFontNames())
        for name in FILES:
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
        pdfmetrics.registerFontFamily(
            FONTS.family,
            normal=FONTS.regular,
            bold=FONTS.bold,
            italic=FONTS.italic,
            boldItalic=FONTS.bold_italic,
        )
        _registered = True
    return FONTS
