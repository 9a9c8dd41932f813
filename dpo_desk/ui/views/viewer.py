"""A scan, an ID copy or a PDF letter shown from memory, with zoom and "Save as…".

The bytes never touch the disk unless the DPO saves them: images are decoded with
``QImageReader`` over a ``QBuffer`` (every page of a multi-page TIFF), PDFs are loaded into a
``QPdfDocument`` from a ``QBuffer`` and shown by a ``QPdfView``. No temporary file, no external
viewer. ``clear()`` drops the bytes and the decoded pages (the window locks, the case changes).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEPS = (0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0)

#: What the "Save as…" dialog offers per media type.
_SUFFIXES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/tiff": "tif",
    "message/rfc822": "eml",
}


def _next_step(current: float, up: bool) -> float:
    if up:
        return next((s for s in ZOOM_STEPS if s > current + 1e-6), ZOOM_STEPS[-1])
    return next((s for s in reversed(ZOOM_STEPS) if s < current - 1e-6), ZOOM_STEPS[0])


class DocumentViewer(QWidget):
    """Shows one document from memory: an image (every page) or a PDF, zoomable."""

    saved = Signal(str)  # the path the DPO saved the bytes to
    save_failed = Signal(str)  # why the bytes could not be saved there

    def __init__(self, parent: QWidget | None = None, name: str = "documentViewer") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._data = b""
        self._media_type = ""
        self._filename = ""
        self._zoom = 1.0
        self._fit = True
        self._pages: list[QImage] = []
        self._buffer: QBuffer | None = None

        self._title = QLabel(self)
        self._title.setObjectName(f"{name}Title")
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._page = QSpinBox(self)
        self._page.setObjectName(f"{name}Page")
        self._page.setAccessibleName(self.tr("Page"))
        self._page.setPrefix(self.tr("Page "))
        self._page.valueChanged.connect(self._go_to_page)
        self._zoom_out = self._tool("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out, "ZoomOut")
        self._zoom_label = QLabel(self)
        self._zoom_label.setObjectName(f"{name}Zoom")
        self._zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 %"))
        self._zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._zoom_in = self._tool("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in, "ZoomIn")
        self._fit_button = self._tool(
            self.tr("Fit"), self.tr("Fit to the width (Ctrl+0)"), self.fit_width, "Fit"
        )
        self._save = self._tool(
            self.tr("Save as…"), self.tr("Save a copy where you choose"), self.save_as, "SaveAs"
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._title, 1)
        bar.addWidget(self._page)
        bar.addWidget(self._zoom_out)
        bar.addWidget(self._zoom_label)
        bar.addWidget(self._zoom_in)
        bar.addWidget(self._fit_button)
        bar.addWidget(self._save)

        self._stack = QStackedWidget(self)
        self._message = QLabel(self._stack)
        self._message.setObjectName(f"{name}Message")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._image = QLabel()
        self._image.setObjectName(f"{name}Image")
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scroll = QScrollArea(self._stack)
        self._scroll.setWidget(self._image)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scroll.setWidgetResizable(False)
        self._document = QPdfDocument(self)
        self._pdf = QPdfView(self._stack)
        self._pdf.setObjectName(f"{name}Pdf")
        self._pdf.setDocument(self._document)
        self._pdf.setPageMode(QPdfView.PageMode.MultiPage)
        self._pdf.pageNavigator().currentPageChanged.connect(self._pdf_page_changed)
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._scroll)
        self._stack.addWidget(self._pdf)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_width),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.clear()

    def _tool(self, text: str, tip: str, slot: object, suffix: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{self.objectName()}{suffix}")
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # --- what is shown ---------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``"image"``, ``"pdf"`` or ``""`` (a message, or nothing)."""
        current = self._stack.currentWidget()
        if current is self._scroll:
            return "image"
        if current is self._pdf:
            return "pdf"
        return ""

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def page_count(self) -> int:
        if self.kind == "pdf":
            return self._document.pageCount()
        return len(self._pages)

    @property
    def document(self) -> QPdfDocument:
        return self._document

    def current_image(self) -> QImage | None:
        if self.kind != "image" or not self._pages:
            return None
        return self._pages[self._page.value() - 1]

    def show_document(self, data: bytes, media_type: str, filename: str) -> bool:
        """Show ``data``; False (with a message) when it cannot be decoded."""
        self._drop()
        self._data = bytes(data)
        self._media_type = media_type
        self._filename = filename
        self._title.setText(filename)
        self._title.setToolTip(filename)
        self._save.setEnabled(True)
        if media_type == "application/pdf":
            return self._show_pdf()
        if media_type.startswith("image/"):
            return self._show_image()
        self._set_message(self.tr("This kind of file cannot be shown here; save it to open it."))
        return False

    def show_message(self, text: str) -> None:
        """Show a sentence instead of a document (a destroyed copy, nothing chosen)."""
        self._drop()
        self._set_message(text)

    def clear(self) -> None:
        self.show_message(self.tr("Choose a document to see it here."))

    def _drop(self) -> None:
        self._document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._pages = []
        self._image.clear()
        self._data = b""
        self._media_type = ""
        self._filename = ""
        self._title.clear()
        self._title.setToolTip("")

    def _set_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)
        self._save.setEnabled(bool(self._data))
        self._update_controls()

    def _show_image(self) -> bool:
        buffer = QBuffer()
        buffer.setData(QByteArray(self._data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        pages: list[QImage] = []
        while True:
            image = reader.read()
            if image.isNull():
                break
            pages.append(image)
            if not reader.jumpToNextImage():
                break
        buffer.close()
        if not pages:
            image = QImage.fromData(self._data)
            if not image.isNull():
                pages.append(image)
        if not pages:
            self._set_message(self.tr("The image cannot be decoded."))
            return False
        self._pages = pages
        self._fit = True
        self._stack.setCurrentWidget(self._scroll)
        self._page.blockSignals(True)
        self._page.setRange(1, len(pages))
        self._page.setValue(1)
        self._page.setSuffix(self.tr(" of {count}").format(count=len(pages)))
        self._page.blockSignals(False)
        self._render_image()
        return True

    def _show_pdf(self) -> bool:
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self._data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._document.load(buffer)
        if self._document.status() != QPdfDocument.Status.Ready:
            self._set_message(self.tr("The PDF cannot be read."))
            return False
        self._stack.setCurrentWidget(self._pdf)
        self._fit = True
        self._pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._page.blockSignals(True)
        self._page.setRange(1, max(1, self._document.pageCount()))
        self._page.setValue(1)
        self._page.setSuffix(self.tr(" of {count}").format(count=self._document.pageCount()))
        self._page.blockSignals(False)
        self._update_controls()
        return True

    # --- zoom and pages --------------------------------------------------------------------
    def _fit_factor(self) -> float:
        if self.kind == "image" and self._pages:
            image = self._pages[self._page.value() - 1]
            width = max(50, self._scroll.viewport().width() - 8)
            return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], width / max(1, image.width())))
        return self._pdf.zoomFactor()

    def set_zoom(self, factor: float) -> None:
        self._fit = False
        self._zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        if self.kind == "pdf":
            self._pdf.setZoomMode(QPdfView.ZoomMode.Custom)
            self._pdf.setZoomFactor(self._zoom)
            self._update_controls()
        elif self.kind == "image":
            self._render_image()

    def zoom_in(self) -> None:
        if self.kind:
            self.set_zoom(_next_step(self._current_zoom(), True))

    def zoom_out(self) -> None:
        if self.kind:
            self.set_zoom(_next_step(self._current_zoom(), False))

    def fit_width(self) -> None:
        self._fit = True
        if self.kind == "pdf":
            self._pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._update_controls()
        elif self.kind == "image":
            self._render_image()

    def _current_zoom(self) -> float:
        if self.kind == "pdf" and self._pdf.zoomMode() != QPdfView.ZoomMode.Custom:
            return self._pdf.zoomFactor()
        return self._fit_factor() if self._fit else self._zoom

    def _render_image(self) -> None:
        if not self._pages:
            return
        image = self._pages[self._page.value() - 1]
        if self._fit:
            self._zoom = self._fit_factor()
        size = image.size() * self._zoom
        scaled = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self._image.setPixmap(QPixmap.fromImage(scaled))
        self._image.resize(scaled.size())
        self._update_controls()

    def _go_to_page(self, page: int) -> None:
        if self.kind == "image":
            self._render_image()
        elif self.kind == "pdf":
            navigator = self._pdf.pageNavigator()
            navigator.jump(page - 1, navigator.currentLocation(), navigator.currentZoom())

    def _pdf_page_changed(self, page: int) -> None:
        self._page.blockSignals(True)
        self._page.setValue(page + 1)
        self._page.blockSignals(False)

    def _update_controls(self) -> None:
        shown = bool(self.kind)
        for widget in (self._zoom_out, self._zoom_in, self._fit_button):
            widget.setEnabled(shown)
        self._page.setVisible(shown and self.page_count > 1)
        if self.kind == "pdf" and self._pdf.zoomMode() != QPdfView.ZoomMode.Custom:
            self._zoom_label.setText(self.tr("Fit"))
        elif shown:
            self._zoom_label.setText(f"{round(self._zoom * 100)} %")
        else:
            self._zoom_label.clear()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.kind == "image" and self._fit:
            self._render_image()

    # --- saving ----------------------------------------------------------------------------
    def save_as(self) -> QFileDialog | None:
        """Ask where to save the bytes (a non-blocking dialog); nothing is written before."""
        if not self._data:
            return None
        suffix = _SUFFIXES.get(self._media_type, "")
        dialog = QFileDialog(self, self.tr("Save a copy"), str(Path.home() / self._filename))
        dialog.setObjectName("saveCopyDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if suffix:
            dialog.setDefaultSuffix(suffix)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def save_to(self, path: Path) -> bool:
        """Write the bytes where the DPO chose (the only place this viewer writes a file)."""
        try:
            path.write_bytes(self._data)
        except OSError as exc:
            self.save_failed.emit(
                self.tr("The copy could not be saved: {reason}").format(
                    reason=exc.strerror or type(exc).__name__
                )
            )
            return False
        self.saved.emit(str(path))
        return True
