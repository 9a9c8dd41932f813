"""The bundled DejaVu Sans family, registered with reportlab for reports.

``dpo_desk.letters.fonts`` does the same for letters, but the layer contract keeps ``letters``
and ``reports`` independent of each other, so reports register the same TTFs here under the same
reportlab names (registration is idempotent across both modules). DejaVu Sans covers Latin,
Cyrillic and the Kazakh/Kyrgyz letters; the faces are embedded (subset) in every PDF.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dpo_desk import resources


@dataclass(frozen=True)
class ReportFonts:
    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


FONTS = ReportFonts(
    family="DejaVuSans",
    regular="DejaVuSans",
    bold="DejaVuSans-Bold",
    italic="DejaVuSans-Oblique",
    bold_italic="DejaVuSans-BoldOblique",
)
_FILES = {
    FONTS.regular: "DejaVuSans.ttf",
    FONTS.bold: "DejaVuSans-Bold.ttf",
    FONTS.italic: "DejaVuSans-Oblique.ttf",
    FONTS.bold_italic: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_done = False


def register_fonts() -> ReportFonts:
    """Register the family once per process (thread-safe) and return its reportlab names."""
    global _done
    if _done:
        return FONTS
    with _lock:
        if not _done:
            known = set(pdfmetrics.getRegisteredFontNames())
            for name, filename in _FILES.items():
                if name not in known:
                    pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts", filename))))
            pdfmetrics.registerFontFamily(
                FONTS.family,
                normal=FONTS.regular,
                bold=FONTS.bold,
                italic=FONTS.italic,
                boldItalic=FONTS.bold_italic,
            )
            _done = True
    return FONTS
