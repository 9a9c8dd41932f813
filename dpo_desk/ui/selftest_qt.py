"""The Qt half of ``dpo-desk --self-test``: Qt itself, QtPdf, printing and the app icon.

Everything happens in memory except the print check, which must give ``QPrinter`` a file name
for PDF output: it prints a test pattern (no case data) into a private temporary folder that is
removed at once. Each check returns a :class:`QtCheck`; none raises.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, qVersion
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication

#: Size in pixels that test pages are rendered at.
_RENDER_SIZE = QSize(120, 120)


@dataclass(frozen=True)
class QtCheck:
    name: str
    ok: bool
    detail: str
    required: bool = True


def ensure_application() -> QGuiApplication:
    """The running Qt application, or a new ``QApplication`` (offscreen when there is no display)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else "dpo-desk"])


def run_qt_checks(sample_pdf: bytes, icon_file: Path) -> list[QtCheck]:
    """Run every Qt check. ``sample_pdf`` is a one-page PDF with dark marks on a white page."""
    app = ensure_application()
    checks: list[QtCheck] = [
        QtCheck(
            "qt",
            True,
            f"Qt {qVersion()}, PySide6 {pyside_version}, platform {app.platformName()}",
        )
    ]
    checks.append(_guarded("qtpdf", lambda: _check_qtpdf(sample_pdf)))
    checks.append(_guarded("printing", lambda: _check_printing(sample_pdf)))
    checks.append(_guarded("icons", lambda: _check_icon(icon_file)))
    return checks


def _guarded(name: str, check: Callable[[], QtCheck]) -> QtCheck:
    try:
        return check()
    except Exception as exc:  # a self-test reports every failure instead of stopping at it
        return QtCheck(name, False, f"{type(exc).__name__}: {exc}")


def _load_pdf(data: bytes) -> QPdfDocument:
    """Load a PDF from memory; the document keeps its buffer alive."""
    document = QPdfDocument(None)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def _render_first_page(document: QPdfDocument) -> QImage:
    """Page 1 (QtPdf leaves the background transparent: see :func:`_on_white`)."""
    return _on_white(document.render(0, _RENDER_SIZE))


def _on_white(image: QImage) -> QImage:
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def _gray_pixels(image: QImage) -> bytes:
    """The grey levels of an opaque image, row by row, without the rows' padding."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    raw = bytes(gray.constBits())
    stride, width = gray.bytesPerLine(), gray.width()
    return b"".join(raw[row * stride : row * stride + width] for row in range(gray.height()))


def _dark_and_light(image: QImage) -> tuple[bool, bool]:
    """Whether an opaque image has near-black and near-white pixels."""
    pixels = _gray_pixels(image)
    return bool(pixels) and min(pixels) < 64, bool(pixels) and max(pixels) > 192


def _check_qtpdf(sample_pdf: bytes) -> QtCheck:
    document = _load_pdf(sample_pdf)
    if document.status() != QPdfDocument.Status.Ready:
        return QtCheck("qtpdf", False, f"QPdfDocument could not load a PDF: {document.error()}")
    image = _render_first_page(document)
    dark, light = _dark_and_light(image)
    if image.isNull() or not (dark and light):
        return QtCheck("qtpdf", False, "QPdfDocument rendered a blank page")
    return QtCheck(
        "qtpdf",
        True,
        f"loaded a {document.pageCount()}-page PDF from memory and rendered page 1",
    )


def _check_printing(sample_pdf: bytes) -> QtCheck:
    page = _render_first_page(_load_pdf(sample_pdf))
    with tempfile.TemporaryDirectory(prefix="dpo-desk-selftest-") as folder:
        target = Path(folder, "print-test.pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        painter = QPainter()
        if not painter.begin(printer):
            return QtCheck("printing", False, "QPrinter refused to start a PDF print job")
        painter.drawImage(printer.pageRect(QPrinter.Unit.DevicePixel).toRect(), page)
        painter.end()
        printed = target.read_bytes()
    if not printed.startswith(b"%PDF"):
        return QtCheck("printing", False, "QPrinter produced no PDF")
    reread = _load_pdf(printed)
    if reread.status() != QPdfDocument.Status.Ready or reread.pageCount() != 1:
        return QtCheck("printing", False, "the PDF printed by QPrinter does not load back")
    if not all(_dark_and_light(_render_first_page(reread))):
        return QtCheck("printing", False, "QPrinter printed a blank page")
    return QtCheck("printing", True, f"QPrinter prints to PDF; {_describe_printers()}")


def _describe_printers() -> str:
    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    if not names:
        return "no printer installed (printing to PDF still works)"
    default = QPrinterInfo.defaultPrinterName()
    shown = [f"{name} (default)" if name == default else name for name in sorted(names)]
    return "printers: " + ", ".join(shown)


def _check_icon(icon_file: Path) -> QtCheck:
    if not icon_file.is_file():
        return QtCheck("icons", False, f"the app icon is missing: {icon_file}")
    icon = QIcon(str(icon_file))
    pixmap = icon.pixmap(QSize(64, 64))
    if pixmap.isNull():
        return QtCheck("icons", False, f"Qt cannot draw the app icon (SVG support?): {icon_file}")
    pixels = _gray_pixels(_on_white(pixmap.toImage()))
    if not pixels or min(pixels) > 200:
        return QtCheck("icons", False, "the app icon renders as an empty square")
    return QtCheck("icons", True, f"app icon drawn from {icon_file.name}")
