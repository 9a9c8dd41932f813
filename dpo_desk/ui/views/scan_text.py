"""The recognised text of a letter scan, beside the scan (issue 18).

Selectable, read-only text with the language and OCR confidence; "Read the text" runs the OCR on
the task executor (progress, Stop). ID copies are never read into text: for them the pane says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import AttachmentMeta, AttachmentRole
from dpo_desk.services.ocr import recognise_one_scan, scan_text

from ..app import AppContext
from ..errors import describe_error
from ..labels import language_label
from ..tasks import Progress, TaskControl, Ticket


def _read(control: TaskControl, cf: Any, attachment_id: int) -> Any:
    return recognise_one_scan(
        cf,
        attachment_id,
        progress=lambda done, total: control.progress(done, total),
        cancel=lambda: control.cancelled,
    )


class ScanTextPane(QWidget):
    """Text of the selected letter scan; ``recognised`` fires when new text was stored."""

    recognised = Signal(int)  # the attachment id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanTextPane")
        self._ctx = ctx
        self._meta: AttachmentMeta | None = None
        self._generation = 0
        self._ticket: Ticket | None = None
        self.title = QLabel(self.tr("Recognised text"), self)
        self.title.setObjectName("scanTextTitle")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("scanText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setAccessibleName(self.tr("Recognised text of the scan"))
        self.status = QLabel(self)
        self.status.setObjectName("scanTextStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.read_button = QPushButton(self.tr("&Read the text (OCR)"), self)
        self.read_button.setObjectName("readTextButton")
        self.read_button.clicked.connect(self.read)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("stopReadingButton")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("scanTextProgress")
        self.progress.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.read_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.hide()

    # --- showing ---------------------------------------------------------------------------
    def clear(self) -> None:
        self._generation += 1
        self._meta = None
        self.stop()
        self.text.clear()
        self.status.clear()
        self.hide()

    def show_for(self, meta: AttachmentMeta) -> None:
        """Show the text of a letter scan (loaded from the case file); hide for anything else."""
        self.clear()
        if meta.role != AttachmentRole.LETTER_SCAN or meta.destroyed_at is not None:
            return
        self._meta = meta
        self.show()
        self._claim_room()
        self.status.setText(self.tr("Loading the recognised text…"))
        generation = self._generation
        self._ctx.db.run(
            scan_text,
            meta.id,
            on_result=lambda found: self._loaded(generation, found),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _claim_room(self) -> None:
        """In a splitter, a pane shown after it was laid out hidden has no width: take a
        quarter of the splitter."""
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter):
            return
        sizes = splitter.sizes()
        index = splitter.indexOf(self)
        total = sum(sizes)
        if index < 0 or total <= 0 or sizes[index] >= 120:
            return
        share = total // 4
        rest = total - sizes[index]
        sizes = [size * (total - share) // max(rest, 1) for size in sizes]
        sizes[index] = share
        splitter.setSizes(sizes)

    def _loaded(self, generation: int, found: Any) -> None:
        if generation != self._generation:
            return
        if found is None:
            self.text.clear()
            self.status.setText(
                self.tr("No text has been read from this scan yet: press “Read the text”.")
            )
            self.read_button.setText(self.tr("&Read the text (OCR)"))
            return
        self.text.setPlainText(found.text)
        language = language_label(found.language) if found.language else self.tr("unknown")
        self.status.setText(
            self.tr("Language: {language}; OCR confidence {confidence:.0f} of 100.").format(
                language=language, confidence=found.confidence
            )
        )
        self.read_button.setText(self.tr("&Read again"))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        if isinstance(exc, KnownError):  # engine missing, cancelled, unreadable: said plainly
            self.status.setText(describe_error(exc, self._ctx.session.path))
        else:
            self.status.clear()
            self._ctx.errors.report(exc)

    # --- reading ---------------------------------------------------------------------------
    def read(self) -> None:
        if self._meta is None:
            return
        self._busy(True)
        self.status.setText(self.tr("Reading the scan…"))
        generation = self._generation
        attachment_id = int(self._meta.id)
        self._ticket = self._ctx.db.task(
            _read,
            attachment_id,
            on_result=lambda found: self._read_done(generation, attachment_id, found),
            on_error=lambda exc: self._failed(generation, exc),
            on_progress=self._progress,
            owner=self,
        )

    def stop(self) -> None:
        if self._ticket is not None:
            self._ticket.cancel()
            self._ticket = None
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.read_button.setEnabled(not busy)
        self.stop_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)

    def _read_done(self, generation: int, attachment_id: int, found: Any) -> None:
        self._ticket = None
        self._busy(False)
        if generation != self._generation:
            return
        self._loaded(generation, found)
        self.recognised.emit(attachment_id)
