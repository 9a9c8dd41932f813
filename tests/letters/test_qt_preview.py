"""The rendered PDF as the window's preview shows it: QtPdf, loaded from memory.

The only letters test that imports PySide6 (the service itself never does).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from dpo_desk.core.model import LetterKind
from dpo_desk.letters.render import LetterInput, render_letter

DPI = 100
PX_PER_MM = DPI / 25.4


def _dark_pixels(
    image: QImage, left_mm: float, top_mm: float, right_mm: float, bottom_mm: float
) -> int:
    count = 0
    for y in range(int(top_mm * PX_PER_MM), int(bottom_mm * PX_PER_MM)):
        for x in range(int(left_mm * PX_PER_MM), int(right_mm * PX_PER_MM), 2):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 128 and colour.lightness() < 128:  # ink on a transparent page
                count += 1
    return count


def test_first_page_preview_shows_the_address_in_the_window(
    qapp, qtbot, make_input: Callable[..., LetterInput]
) -> None:
    pdf = render_letter(make_input(LetterKind.ACKNOWLEDGEMENT, "kk"))
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    assert buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready, timeout=3000)
    assert document.pageCount() == 1
    points = document.pagePointSize(0)
    size = QSize(round(points.width() / 72 * DPI), round(points.height() / 72 * DPI))
    image = document.render(0, size)
    assert image.width() == size.width() and not image.isNull()
    # Recipient lines sit in the address zone of the DIN 5008 form B window...
    assert _dark_pixels(image, 20, 62.7, 105, 90) > 200
    # ...and the strip between letterhead and window stays blank.
    assert _dark_pixels(image, 20, 32, 105, 44) == 0
    document.close()
    buffer.close()
