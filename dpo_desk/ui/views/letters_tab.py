"""Letters tab: the case's letters, and composing one → live preview → edit → finalise → print.

- The list shows the case's drafts and final letters (the letter register: date, SHA-256, how
  and when each went out). Choosing a draft opens it for editing; choosing a final letter shows
  the PDF kept in the case file, which nobody can change any more.
- Composing: the kind and the language (the case's reply language by default), the fields the
  kind needs (reasons, legal ground, enclosures…), and the letter's text, which the DPO may
  edit. The preview is rendered on the database thread a moment after the last keystroke; only
  the newest rendering is shown. The checks' warnings are listed under the text.
- Finalise stores the PDF with its SHA-256 (after a confirmation: it is immutable afterwards),
  Print sends the stored PDF's pages to a printer from memory, "Save as…" writes a copy where
  the DPO chooses, "Record as sent" writes the letter register and moves the case.

Printing and saving are offered for final letters only: what leaves the desk is exactly what
the case file keeps, with its hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import CaseStatus, Channel, LetterKind, RequestKind
from dpo_desk.services.records import SEND_CHANNELS, LetterRecord

from ..app import AppContext
from ..dialogs.templates import exact_text
from ..errors import describe_error
from ..i18n import tr_message  # issue 14: service messages in the UI language
from ..labels import format_date, format_moment, language_label, send_channel_label, status_label
from ..models.letters import LettersModel
from ..operations import (
    CaseDetails,
    Changed,
    LetterDraft,
    LettersState,
    OpenedLetter,
    default_letter_language,
    finalise_letter,
    load_letters,
    open_letter,
    record_letter_sent,
    save_letter_draft,
)
from ..operations_letters import CheckedPreview, delete_letter_draft, preview_letter
from ..tasks import Ticket
from ..widgets import ask
from .case_view import CaseView
from .viewer import DocumentViewer

#: How long the preview waits after the last change before it is rendered again.
PREVIEW_DELAY_MS = 400
#: Pages are rasterised for the printer at this resolution at most (a 1200 dpi page would
#: take half a gigabyte of memory; 300 dpi is what office printers print text at).
PRINT_DPI = 300

LANGUAGES = ("en", "ru", "fr", "kk", "ky")
#: The fields each kind of letter asks for (besides recipient, signatory and page).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    LetterKind.ACKNOWLEDGEMENT: (),
    LetterKind.IDENTITY_REQUEST: ("identity_doubt", "clarification"),
    LetterKind.EXTENSION_NOTICE: ("extension_reasons",),
    LetterKind.ACCESS_RESPONSE: ("enclosures",),
    LetterKind.ACTION_CONFIRMATION: ("enclosures",),
    LetterKind.REFUSAL: ("refusal_reasons", "legal_ground", "enclosures"),
}
_ALWAYS = ("recipient_name", "recipient_address", "signatory_name", "signatory_title")


@dataclass(frozen=True)
class _Code:
    """A warning reduced to its code (what ``is_blocking`` reads)."""

    code: str


def suggested_kind(status: CaseStatus, kinds: tuple[str, ...]) -> str:
    """The letter a case most likely needs next."""
    if status == CaseStatus.RECEIVED:
        return LetterKind.ACKNOWLEDGEMENT.value
    if status == CaseStatus.AWAITING_IDENTITY:
        return LetterKind.IDENTITY_REQUEST.value
    if status == CaseStatus.REJECTED:
        return LetterKind.REFUSAL.value
    if RequestKind.ACCESS in kinds or RequestKind.RECIPIENTS_INFO in kinds:
        return LetterKind.ACCESS_RESPONSE.value
    return LetterKind.ACTION_CONFIRMATION.value


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages of a loaded PDF onto ``printer`` from memory; the pages printed.

    Each page is rasterised at up to :data:`PRINT_DPI` on white and placed at its true size
    from the paper's corner (the printer is set to full page), so the address lands in the
    envelope's window; a page larger than the paper is scaled down to fit.
    """
    count = document.pageCount()
    if count <= 0:
        return 0
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
    pages = list(range(first - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = min(PRINT_DPI, printer.resolution())
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        scale = printer.resolution() / 72.0  # device pixels per point
        for copy in range(copies):
            for index, page in enumerate(pages):
                if copy or index:
                    printer.newPage()
                points = document.pagePointSize(page)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                canvas = QImage(size, QImage.Format.Format_RGB32)
                canvas.fill(QColor("white"))
                rendered = document.render(page, size)
                inner = QPainter(canvas)
                inner.drawImage(0, 0, rendered)
                inner.end()
                width, height = points.width() * scale, points.height() * scale
                fit = min(1.0, paper.width() / width, paper.height() / height)
                painter.drawImage(QRectF(0, 0, width * fit, height * fit), canvas)
                printed += 1
    finally:
        painter.end()
    return printed


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RecordSentDialog(QDialog):
    """When and how a final letter went out (registered post needs its number)."""

    recorded = Signal(object, str, str)  # sent on (date), channel, registered number

    def __init__(
        self,
        earliest: date,
        today: date,
        channel: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordSentDialog")
        self.setWindowTitle(self.tr("Record as sent"))
        self._date = QDateEdit(self)
        self._date.setObjectName("sentDate")
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("yyyy-MM-dd")
        self._date.setMinimumDate(_qdate(min(earliest, today)))
        self._date.setMaximumDate(_qdate(today))
        self._date.setDate(_qdate(today))
        self._channel = QComboBox(self)
        self._channel.setObjectName("sentChannel")
        for code in SEND_CHANNELS:
            self._channel.addItem(send_channel_label(code), code)
        self._channel.setCurrentIndex(max(0, self._channel.findData(channel)))
        self._number = QLineEdit(self)
        self._number.setObjectName("registeredNumber")
        self._number.setPlaceholderText(self.tr("e.g. RR123456789KG"))
        self._message = QLabel(self)
        self._message.setObjectName("recordSentMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        explain = QLabel(
            self.tr(
                "The letter register keeps the date and the channel; a response or a refusal "
                "moves the case on."
            ),
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Sent &on:"), self._date)
        form.addRow(self.tr("&Channel:"), self._channel)
        form.addRow(self.tr("Registered &number:"), self._number)
        self._form = form
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record"))
        ok.setObjectName("recordSentOk")
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self._message)
        layout.addWidget(buttons)
        self._channel.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    @property
    def channel(self) -> str:
        return str(self._channel.currentData())

    def _update(self) -> None:
        self._form.setRowVisible(self._number, self.channel == "registered_post")

    def _on_ok(self) -> None:
        number = self._number.text().strip()
        if self.channel == "registered_post" and not number:
            self._message.setText(self.tr("Type the registered-mail number from the receipt."))
            self._number.setFocus()
            return
        registered = self.channel == "registered_post"  # not isVisible(): true only when shown
        self.recorded.emit(_pydate(self._date.date()), self.channel, number if registered else "")
        self.accept()


class LettersTab(QWidget):
    """The case's letters and the composer (see the module docstring)."""

    preview_shown = Signal()  # a new rendering is on screen (tests, screenshots)
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, ctx: AppContext, view: CaseView) -> None:
        super().__init__(view)
        self.setObjectName("lettersTab")
        self._ctx = ctx
        self._view = view
        self._details: CaseDetails | None = None
        self._letter_id: int | None = None  # the draft being edited, or the final letter shown
        self._final: OpenedLetter | None = None  # a final letter on screen (read only)
        self._edited = False  # the DPO edited the letter's text
        self._dirty = False  # something changed since the draft was saved or opened
        self._loading = False  # filling widgets from code: no "changed" reactions
        self._generation = 0  # of preview renderings: only the newest one is shown
        self._letters_generation = 0
        self._ticket: Ticket | None = None
        self._preview: CheckedPreview | None = None
        self._refused = False  # the preview's findings refuse finalising (no override)
        self._to_acknowledge: set[str] = set()  # blocking codes the tick acknowledges
        self._preview_pending = False
        self._in_flight: int | None = None  # the rendering on its way (its generation)
        self._select_after_load: int | None = None
        self._open_token = 0  # the letter asked for last; a new letter drops older answers
        self._printer: QPrinter | None = None
        self._kind_shown = LetterKind.ACKNOWLEDGEMENT.value
        self._language_shown = "en"

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._render_preview)

        letters = self._build_letters()  # first: the focus chain follows the order of creation
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("lettersSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_middle())
        self._viewer = DocumentViewer(self, "letterPreview")
        self._viewer.saved.connect(
            lambda path: self._say(self.tr("Saved a copy to {path}.").format(path=path))
        )
        self._viewer.save_failed.connect(self._say)
        own_save = self._viewer.findChild(QToolButton, "letterPreviewSaveAs")
        if own_save is not None:
            own_save.hide()  # "Save as…" sits with the letter's actions (final letters only)
        splitter.addWidget(self._viewer)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([300, 400, 400])
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.setObjectName("lettersOuterSplitter")
        outer.setChildrenCollapsible(False)
        outer.addWidget(letters)
        outer.addWidget(splitter)
        outer.setStretchFactor(1, 1)
        outer.setSizes([110, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(outer)
        self.clear()

    # --- building --------------------------------------------------------------------------
    def _build_letters(self) -> QWidget:
        letters = QGroupBox(self.tr("Letters of this case"), self)
        self._model = LettersModel(self)
        self._table = QTableView(letters)
        self._table.setObjectName("lettersTable")
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        self._table.setWordWrap(False)
        self._table.setAccessibleName(self.tr("Letters of this case"))
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = self._table.verticalHeader().defaultSectionSize()
        self._table.setMinimumHeight(header.sizeHint().height() + 2 * rows + 4)
        self._table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_letter_chosen(current.row())
        )
        self._new = QPushButton(self.tr("&New letter"), letters)
        self._new.setObjectName("newLetterButton")
        self._new.setToolTip(self.tr("Write a new letter for this case"))
        self._new.clicked.connect(lambda: self.compose(""))
        self._delete = QPushButton(self.tr("Delete draft"), letters)
        self._delete.setObjectName("deleteDraftButton")
        self._delete.clicked.connect(self._on_delete_draft)
        self._info = QLabel(letters)
        self._info.setObjectName("letterInfo")
        self._info.setWordWrap(True)
        self._info.setTextFormat(Qt.TextFormat.PlainText)
        self._info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.addWidget(self._new)
        buttons.addWidget(self._delete)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(buttons)
        side.addWidget(self._info, 1)
        layout = QHBoxLayout(letters)
        layout.addWidget(self._table, 3)
        layout.addLayout(side, 2)
        return letters

    def _build_left(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("letterFieldsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        scroll.setWidget(body)

        compose = QGroupBox(self.tr("Compose"), body)
        form = QFormLayout(compose)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form = form
        self._kind = QComboBox(compose)
        self._kind.setObjectName("letterKind")
        for kind, text in (
            (LetterKind.ACKNOWLEDGEMENT, self.tr("Acknowledgement of receipt")),
            (LetterKind.IDENTITY_REQUEST, self.tr("Request for identity proof or clarification")),
            (LetterKind.EXTENSION_NOTICE, self.tr("Extension notice")),
            (LetterKind.ACCESS_RESPONSE, self.tr("Response to an access request")),
            (LetterKind.ACTION_CONFIRMATION, self.tr("Confirmation of the action taken")),
            (LetterKind.REFUSAL, self.tr("Refusal")),
        ):
            self._kind.addItem(text, kind.value)
        self._kind.currentIndexChanged.connect(lambda _i: self._on_kind_or_language())
        self._language = QComboBox(compose)
        self._language.setObjectName("letterLanguage")
        for code in LANGUAGES:
            self._language.addItem(language_label(code), code)
        self._language.currentIndexChanged.connect(lambda _i: self._on_kind_or_language())
        form.addRow(self.tr("&Kind:"), self._kind)
        form.addRow(self.tr("&Language:"), self._language)
        self._salutation = QComboBox(compose)
        self._salutation.setObjectName("letterSalutation")
        for form_code, label in (
            ("", self.tr("Suggested from the name")),
            ("m", self.tr("To a man (Уважаемый…, Monsieur)")),
            ("f", self.tr("To a woman (Уважаемая…, Madame)")),
            ("neutral", self.tr("Neutral")),
        ):
            self._salutation.addItem(label, form_code)
        self._salutation.currentIndexChanged.connect(lambda _i: self._on_field_changed())
        form.addRow(self.tr("Sa&lutation:"), self._salutation)

        self._fields: dict[str, QLineEdit | QPlainTextEdit] = {}

        def line(key: str, label: str, placeholder: str = "") -> None:
            widget = QLineEdit(compose)
            widget.setObjectName(key)
            widget.setPlaceholderText(placeholder)
            widget.textChanged.connect(lambda _t: self._on_field_changed())
            self._fields[key] = widget
            form.addRow(label, widget)

        def text(key: str, label: str, placeholder: str = "", lines: int = 3) -> None:
            widget = QPlainTextEdit(compose)
            widget.setObjectName(key)
            widget.setPlaceholderText(placeholder)
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 12)
            widget.textChanged.connect(self._on_field_changed)
            self._fields[key] = widget
            form.addRow(label, widget)

        line("recipient_name", self.tr("&Recipient:"))
        text("recipient_address", self.tr("&Address:"), lines=3)
        text(
            "extension_reasons",
            self.tr("Reasons for the &extension:"),
            self.tr("Why the request needs more time (the law asks for the reasons)"),
        )
        text(
            "identity_doubt",
            self.tr("&Doubt about identity:"),
            self.tr("Why the identity is in doubt (the law asks for a reason)"),
        )
        text("clarification", self.tr("&What to clarify:"), self.tr("What is unclear"))
        text("refusal_reasons", self.tr("Reasons for the &refusal:"))
        line(
            "legal_ground",
            self.tr("Legal &ground:"),
            self.tr("e.g. the article of the law the refusal relies on"),
        )
        text("enclosures", self.tr("En&closures:"), self.tr("One per line"))
        line("signatory_name", self.tr("&Signed by:"))
        line("signatory_title", self.tr("&Title:"), self.tr("e.g. Data Protection Officer"))
        self._paper = QComboBox(compose)
        self._paper.setObjectName("letterPaper")
        self._paper.addItem(self.tr("A4"), "A4")
        self._paper.addItem(self.tr("US Letter"), "LETTER")
        self._window = QComboBox(compose)
        self._window.setObjectName("letterWindow")
        self._window.addItem(self.tr("DIN 5008 form B (C5/6, DL)"), "DIN5008B")
        self._window.addItem(self.tr("DIN 5008 form A"), "DIN5008A")
        for combo in (self._paper, self._window):
            combo.currentIndexChanged.connect(lambda _i: self._on_field_changed())
        for combo in (self._kind, self._language, self._salutation, self._paper, self._window):
            # long names (and translations) elide instead of widening the column
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        form.addRow(self.tr("&Paper:"), self._paper)
        form.addRow(self.tr("&Envelope window:"), self._window)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(compose)
        layout.addStretch(1)
        return scroll

    def _build_middle(self) -> QWidget:
        middle = QWidget(self)
        self._subject = QLabel(middle)
        self._subject.setObjectName("letterSubject")
        self._subject.setWordWrap(True)
        self._subject.setTextFormat(Qt.TextFormat.PlainText)
        self._subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._subject.font()
        font.setBold(True)
        self._subject.setFont(font)
        self._subject.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._editor = QPlainTextEdit(middle)
        self._editor.setObjectName("letterText")
        self._editor.setAccessibleName(self.tr("The letter's text"))
        self._editor.setTabChangesFocus(True)
        self._editor.textChanged.connect(self._on_text_changed)
        self._edited_hint = QLabel(
            self.tr("You edited the text: the fields no longer change it."), middle
        )
        self._edited_hint.setObjectName("editedHint")
        self._edited_hint.setWordWrap(True)
        self._reset_text = QPushButton(self.tr("Use the &template's text"), middle)
        self._reset_text.setObjectName("resetTextButton")
        self._reset_text.clicked.connect(self._on_reset_text)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self._edited_hint, 1)
        hint_row.addWidget(self._reset_text)

        self._warnings = QListWidget(middle)
        self._warnings.setObjectName("letterWarnings")
        self._warnings.setWordWrap(True)
        self._warnings.setAccessibleName(self.tr("Warnings before the letter goes out"))
        self._warnings.setMinimumHeight(48)
        self._acknowledge = QCheckBox(
            self.tr("I have read the blocking warnings and the letter is right as it is"), middle
        )
        self._acknowledge.setObjectName("acknowledgeWarnings")
        self._acknowledge.setVisible(False)
        self._acknowledge.toggled.connect(lambda _on: self._update_actions())
        self._message = QLabel(middle)
        self._message.setObjectName("letterMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        def button(name: str, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
            widget = QPushButton(text, middle)
            widget.setObjectName(name)
            widget.setToolTip(tip)
            widget.clicked.connect(lambda _checked=False: slot())
            return widget

        self._save_draft = button(
            "saveDraftButton",
            self.tr("Save &draft"),
            self.tr("Keep the letter as a draft to finish later"),
            self.save_draft,
        )
        self._finalise = button(
            "finaliseButton",
            self.tr("&Finalise…"),
            self.tr("Store the PDF in the case file; it cannot be changed afterwards"),
            self.finalise,
        )
        self._print = button(
            "printButton", self.tr("&Print…"), self.tr("Print the final letter"), self.print_letter
        )
        self._save_as = button(
            "saveLetterAsButton",
            self.tr("Save &as…"),
            self.tr("Save a copy of the final letter's PDF"),
            self.save_as,
        )
        self._record_sent = button(
            "recordSentButton",
            self.tr("Record as &sent…"),
            self.tr("Write the date and channel into the letter register"),
            self.record_sent,
        )
        buttons = QGridLayout()
        buttons.addWidget(self._save_draft, 0, 0)
        buttons.addWidget(self._finalise, 0, 1)
        buttons.addWidget(self._record_sent, 0, 2)
        buttons.addWidget(self._print, 1, 0)
        buttons.addWidget(self._save_as, 1, 1)

        text_label = QLabel(self.tr("&Text of the letter:"), middle)
        text_label.setBuddy(self._editor)
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._subject)
        layout.addWidget(text_label)
        text_and_checks = QSplitter(Qt.Orientation.Vertical, middle)
        text_and_checks.setObjectName("letterTextSplitter")
        text_and_checks.setChildrenCollapsible(False)
        text_and_checks.addWidget(self._editor)
        text_and_checks.addWidget(self._warnings)
        text_and_checks.setStretchFactor(0, 3)
        text_and_checks.setStretchFactor(1, 1)
        text_and_checks.setSizes([260, 110])
        layout.addWidget(text_and_checks, 1)
        layout.addWidget(self._acknowledge)
        layout.addLayout(hint_row)
        layout.addWidget(self._message)
        layout.addLayout(buttons)
        return middle

    def tab_title(self) -> str:
        return self.tr("&Letters")

    # --- what is shown ---------------------------------------------------------------------
    @property
    def viewer(self) -> DocumentViewer:
        return self._viewer

    @property
    def letter_id(self) -> int | None:
        """The draft being edited or the final letter shown (None: a new letter)."""
        return self._letter_id

    @property
    def is_final(self) -> bool:
        return self._final is not None

    @property
    def current_preview(self) -> CheckedPreview | None:
        return self._preview

    @property
    def printer(self) -> QPrinter:
        """The printer the print dialog sets up; its settings stay for the next letter."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setFullPage(True)
        return self._printer

    def show_details(self, details: CaseDetails) -> None:
        same = self._details is not None and self._details.case_id == details.case_id
        kept = ""
        if not same and self._details is not None and self._dirty and self._final is None:
            kept = self._keep_as_draft(self._details)
        self._details = details
        self.setEnabled(True)
        self._load_letters()
        if same:
            if self._final is None:
                self._schedule_preview()  # the deadline or the status may have moved
            return
        self._offer_kinds(details)
        self._start_new(suggested_kind(details.case.status, tuple(details.case.kinds)))
        if kept:
            self._say(kept)

    def _offer_kinds(self, details: CaseDetails) -> None:
        """No extension notice where a law on the case has none (Kazakhstan, Kyrgyzstan)."""
        from dpo_desk.services.letters import extension_offered

        offered = extension_offered(details.controller.jurisdictions)
        index = self._kind.findData(LetterKind.EXTENSION_NOTICE.value)
        model = self._kind.model()
        item = model.item(index) if hasattr(model, "item") else None
        if item is not None:
            item.setEnabled(offered)
            item.setToolTip(
                ""
                if offered
                else self.tr("The law of this case provides no extension of the reply period.")
            )

    def _keep_as_draft(self, details: CaseDetails) -> str:
        """The DPO moved to another case with an unsaved letter: keep it as a draft of its case
        (a draft can be deleted; typed text that vanished could not be brought back)."""
        draft = self._draft()
        case_id = details.case_id
        self._ctx.db.run(
            save_letter_draft,
            case_id,
            self._ctx.today(),
            draft,
            on_result=lambda _changed: self._ctx.changes.case_changed.emit(case_id),
            on_error=self._failed,
            owner=self,
        )
        return self.tr("The unsaved letter on {reference} was kept as a draft there.").format(
            reference=details.case.reference
        )

    def clear(self) -> None:
        """No case: drop the letters, the text and the preview (the window locks)."""
        self._timer.stop()
        self._generation += 1
        self._letters_generation += 1
        if self._ticket is not None:
            self._ticket.cancel()
            self._ticket = None
        self._in_flight = None
        self._details = None
        self._final = None
        self._letter_id = None
        self._preview = None
        self._preview_pending = False
        self._select_after_load = None
        self._edited = False
        self._dirty = False
        self._model.clear()
        self._loading = True
        try:
            self._editor.clear()
            for widget in self._fields.values():
                widget.clear()
        finally:
            self._loading = False
        self._subject.clear()
        self._warnings.clear()
        self._message.clear()
        self._info.clear()
        self._viewer.clear()
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._preview_pending:
            self.refresh_preview()

    # --- the list --------------------------------------------------------------------------
    def _load_letters(self) -> None:
        if self._details is None:
            return
        self._letters_generation += 1
        generation = self._letters_generation
        self._ctx.db.run(
            load_letters,
            self._details.case_id,
            on_result=lambda state: self._letters_loaded(generation, state),
            owner=self,
        )

    def _letters_loaded(self, generation: int, state: LettersState) -> None:
        if generation != self._letters_generation:
            return
        self._table.selectionModel().blockSignals(True)
        try:
            self._model.set_letters(state.letters)
            wanted = self._select_after_load or self._letter_id
            self._select_after_load = None
            row = self._model.row_of(wanted) if wanted is not None else -1
            if row >= 0:
                self._table.selectRow(row)
        finally:
            self._table.selectionModel().blockSignals(False)
        self._update_actions()

    def _on_letter_chosen(self, row: int) -> None:
        letter = self._model.letter_at(row)
        if letter is None or letter.id == self._letter_id:
            return
        self._confirm_discard(
            lambda: self._open(letter.id),
            lambda: self._select_row_of(self._letter_id),
        )

    def _select_row_of(self, letter_id: int | None) -> None:
        selection = self._table.selectionModel()
        selection.blockSignals(True)
        try:
            row = self._model.row_of(letter_id) if letter_id is not None else -1
            if row >= 0:
                self._table.selectRow(row)
            else:
                self._table.clearSelection()
                selection.clearCurrentIndex()
        finally:
            selection.blockSignals(False)

    def _open(self, letter_id: int) -> None:
        case_id = self._details.case_id if self._details else None
        self._open_token += 1
        token = self._open_token
        self._ctx.db.run(
            open_letter,
            letter_id,
            on_result=lambda opened: self._opened(case_id, token, opened),
            on_error=self._failed,
            owner=self,
        )

    def _opened(self, case_id: int | None, token: int, opened: OpenedLetter) -> None:
        if self._details is None or self._details.case_id != case_id:
            return
        if token != self._open_token:  # the DPO started another letter (or opened one) since
            return
        if opened.record.status == "final":
            self._show_final(opened)
        else:
            self._show_draft(opened)
        self._select_row_of(opened.record.id)

    # --- composing -------------------------------------------------------------------------
    def compose(self, kind: str) -> None:
        """Start a new letter of ``kind`` (a ``LetterKind`` value; "" = the likely one).

        The identity tab's "write the letter asking for information" and the toolbar's
        "Write letter" come here. Unsaved changes are only dropped after the DPO agrees.
        """
        if self._details is None:
            return
        case = self._details.case
        chosen = kind or suggested_kind(case.status, tuple(case.kinds))
        self._confirm_discard(lambda: self._start_new(chosen), None)

    def _start_new(self, kind: str) -> None:
        details = self._details
        if details is None:
            return
        self._open_token += 1
        self._final = None
        self._letter_id = None
        self._edited = False
        self._preview = None
        self._select_row_of(None)
        language = default_letter_language(details.case, details.controller)
        self._fill(kind, language, {}, None)
        self._info.setText(self.tr("New letter (not saved yet)."))
        self._message.clear()
        self._dirty = False
        self._schedule_preview(at_once=True)

    def _show_draft(self, opened: OpenedLetter) -> None:
        stored = opened.stored
        self._final = None
        self._preview = None
        self._letter_id = opened.record.id
        self._fill(
            str(opened.record.kind), opened.record.language, dict(stored.fields), stored.body
        )
        self._edited = stored.body_override is not None
        self._update_actions()
        self._info.setText(
            self.tr("Draft of {date}, not final: it can still be changed.").format(
                date=format_moment(opened.record.created_at)
            )
        )
        self._message.clear()
        self._dirty = False
        self._schedule_preview(at_once=True)

    def _show_final(self, opened: OpenedLetter) -> None:
        record = opened.record
        stored = opened.stored
        self._timer.stop()
        self._generation += 1  # a rendering on its way is of no use any more
        self._in_flight = None
        self._preview_pending = False
        self._preview = None
        self._final = opened
        self._letter_id = record.id
        self._edited = False
        self._fill(str(record.kind), record.language, dict(stored.fields), stored.body)
        self._subject.setText(stored.subject)
        self._show_warnings(stored.warnings, stored.acknowledged)
        lines = [
            self.tr("Final letter, finalised {moment}; it can no longer be changed.").format(
                moment=format_moment(record.finalised_at)
            ),
            self.tr("SHA-256: {hash}").format(hash=record.sha256 or "—"),
        ]
        if record.sent_on is not None:
            channel = send_channel_label(record.channel or "")
            if record.registered_no:
                channel += f" {record.registered_no}"
            lines.append(
                self.tr("Sent on {date} by {channel}.").format(
                    date=format_date(record.sent_on), channel=channel
                )
            )
        else:
            lines.append(self.tr("Not recorded as sent yet."))
        self._info.setText("\n".join(lines))
        if opened.pdf is not None:
            self._viewer.show_document(opened.pdf, "application/pdf", self._file_name(record))
        else:
            self._viewer.show_message(self.tr("The letter's PDF is missing from the case file."))
        self._dirty = False
        self._update_actions()

    def _file_name(self, record: LetterRecord | None = None) -> str:
        details = self._details
        reference = details.case.reference if details else "letter"
        kind = str(record.kind) if record else self.kind
        language = record.language if record else self.language
        name = f"{reference}-{kind}-{language}"
        if record is None or record.status != "final":
            name += "-" + self.tr("preview")
        return f"{name}.pdf"

    @property
    def kind(self) -> str:
        return str(self._kind.currentData())

    @property
    def language(self) -> str:
        return str(self._language.currentData())

    def _fill(self, kind: str, language: str, fields: dict[str, object], body: str | None) -> None:
        """Put a letter's kind, language, fields and text into the widgets (no reactions)."""
        self._loading = True
        try:
            self._kind.setCurrentIndex(max(0, self._kind.findData(kind)))
            self._language.setCurrentIndex(max(0, self._language.findData(language)))
            self._kind_shown, self._language_shown = self.kind, self.language
            for key, widget in self._fields.items():
                value = fields.get(key, "")
                if isinstance(value, tuple | list):
                    value = "\n".join(str(v) for v in value)
                if isinstance(widget, QLineEdit):
                    widget.setText(str(value))
                else:
                    widget.setPlainText(str(value))
            self._salutation.setCurrentIndex(
                max(0, self._salutation.findData(str(fields.get("salutation", ""))))
            )
            self._paper.setCurrentIndex(max(0, self._paper.findData(fields.get("paper", "A4"))))
            self._window.setCurrentIndex(
                max(0, self._window.findData(fields.get("window", "DIN5008B")))
            )
            self._editor.setPlainText(body or "")
        finally:
            self._loading = False
        self._set_defaults()
        self._show_kind_fields()
        self._update_actions()

    def _set_defaults(self) -> None:
        """The case's own values, shown where the DPO leaves a field empty."""
        if self._details is None:
            return
        subject = self._details.case.subject
        self._fields["recipient_name"].setPlaceholderText(subject.name)
        address = subject.address.strip()
        if not address and self._details.case.channel == Channel.EMAIL:
            address = subject.email.strip()
        self._fields["recipient_address"].setPlaceholderText(
            address or self.tr("No address in the case: type the postal address")
        )

    def _show_kind_fields(self) -> None:
        wanted = set(_ALWAYS) | set(KIND_FIELDS.get(self.kind, ()))
        for key, widget in self._fields.items():
            self._form.setRowVisible(widget, key in wanted)

    def _draft(self, acknowledge: bool = False) -> LetterDraft:
        wanted = set(_ALWAYS) | set(KIND_FIELDS.get(self.kind, ()))
        fields: dict[str, object] = {}
        for key, widget in self._fields.items():
            if key not in wanted:
                continue
            value = widget.text() if isinstance(widget, QLineEdit) else exact_text(widget)
            if key == "enclosures":
                items = tuple(line.strip() for line in value.splitlines() if line.strip())
                if items:
                    fields[key] = items
            elif value.strip():
                fields[key] = value.strip()
        fields["paper"] = str(self._paper.currentData())
        fields["window"] = str(self._window.currentData())
        if self._salutation.currentData():
            fields["salutation"] = str(self._salutation.currentData())
        return LetterDraft(
            kind=self.kind,
            language=self.language,
            fields=fields,
            body_override=exact_text(self._editor) if self._edited else None,
            letter_id=self._letter_id,
            acknowledge=acknowledge,
        )

    def _on_field_changed(self) -> None:
        if self._loading or self._final is not None:
            return
        self._dirty = True
        self._schedule_preview()

    def _on_text_changed(self) -> None:
        if self._loading or self._final is not None:
            return
        self._dirty = True
        self._edited = True
        self._update_actions()
        self._schedule_preview()

    def _on_kind_or_language(self) -> None:
        if self._loading or self._final is not None:
            return

        def apply() -> None:
            self._kind_shown, self._language_shown = self.kind, self.language
            self._edited = False
            self._dirty = True
            self._show_kind_fields()
            self._update_actions()
            self._schedule_preview(at_once=True)

        def revert() -> None:
            self._loading = True
            try:
                self._kind.setCurrentIndex(max(0, self._kind.findData(self._kind_shown)))
                self._language.setCurrentIndex(
                    max(0, self._language.findData(self._language_shown))
                )
            finally:
                self._loading = False

        if not self._edited:
            apply()
            return
        self._ask(
            "replaceTextConfirmation",
            self.tr("Replace the edited text?"),
            self.tr(
                "You edited the letter's text. A letter of another kind or language starts "
                "from its own template; your edits would be lost."
            ),
            self.tr("&Replace the text"),
            apply,
            revert,
        )

    def _on_reset_text(self) -> None:
        if self._final is not None or not self._edited:
            return

        def reset() -> None:
            self._edited = False
            self._dirty = True
            self._update_actions()
            self._schedule_preview(at_once=True)

        self._ask(
            "resetTextConfirmation",
            self.tr("Go back to the template's text?"),
            self.tr("Your edits of the letter's text will be lost."),
            self.tr("&Use the template's text"),
            reset,
            None,
        )

    # --- the preview -----------------------------------------------------------------------
    def _schedule_preview(self, at_once: bool = False) -> None:
        if self._details is None or self._final is not None:
            return
        self._preview_pending = True
        # Finalise waits for the preview of what is typed now: its warnings are the ones asked
        # about before the letter becomes final.
        self._finalise.setEnabled(False)
        if not self.isVisible():
            return  # rendered when the tab is shown
        if at_once:
            self.refresh_preview()
        else:
            self._timer.start()

    def refresh_preview(self) -> None:
        """Render the letter now (not after the pause in typing); the newest rendering wins."""
        self._timer.stop()
        self._render_preview()

    def _render_preview(self) -> None:
        details = self._details
        if details is None or self._final is not None:
            return
        self._preview_pending = False
        if self._edited and not self._editor.toPlainText().strip():
            self._preview = None
            self._say(self.tr("The letter's text is empty."))
            self._update_actions()
            return
        if self._ticket is not None:
            self._ticket.cancel()  # not started yet: skipped; already done: its result dropped
        self._generation += 1
        generation = self._generation
        self._in_flight = generation
        ticket = self._ctx.db.run(
            preview_letter,
            details.case_id,
            self._ctx.today(),
            self._draft(),
            on_result=lambda result: self._previewed(generation, result),
            on_error=lambda exc: self._preview_failed(generation, exc),
            owner=self,
        )
        self._ticket = ticket if self._in_flight == generation else None  # None: already back

    def _previewed(self, generation: int, result: CheckedPreview) -> None:
        if generation != self._generation or self._final is not None:
            return
        self._ticket = None
        self._in_flight = None
        self._preview = result
        shown = result.preview
        if not self._edited:
            self._loading = True
            try:
                self._editor.setPlainText(shown.text.body)
            finally:
                self._loading = False
        self._subject.setText(shown.text.subject)
        self._show_warnings(result.warnings, ())
        if self._message.property("fromPreview"):
            self._message.clear()
            self._message.setProperty("fromPreview", False)
        self._viewer.show_document(shown.pdf, "application/pdf", self._file_name())
        self._update_actions()
        self.preview_shown.emit()

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._ticket = None
        self._in_flight = None
        self._preview = None
        if isinstance(exc, KnownError):
            self._say(describe_error(exc, self._ctx.session.path))
            self._message.setProperty("fromPreview", True)
            self._viewer.show_message(self.tr("No preview: see the message under the text."))
            self._update_actions()
        else:
            self._ctx.errors.report(exc)

    def _warning_title(self, code: str) -> str:
        titles = {
            "needs_legal_review": self.tr("Needs legal review"),
            "missing_address": self.tr("No address for the envelope's window"),
            "address_is_email": self.tr("Not a postal address"),
            "language_mismatch": self.tr("Another language than the request's"),
            "deadline_passed": self.tr("Deadline passed"),
            "extension_too_late": self.tr("Extension too late"),
            "extension_not_in_law": self.tr("No extension in this law"),
            "no_deadline_stated": self.tr("No reply date"),
            "internal_target_cited": self.tr("Internal target cited as law"),
            "refusal_without_reasons": self.tr("Refusal without reasons"),
            "refusal_without_legal_ground": self.tr("Refusal without a legal ground"),
            "missing_complaint_paragraph": self.tr("Right to complain missing"),
            "no_supervisory_authority": self.tr("No supervisory authority known"),
            "access_profile_incomplete": self.tr("Controller's profile incomplete"),
            "access_without_enclosures": self.tr("No enclosure"),
            "paper_id_copy_kz": self.tr("Paper ID copy asked for (Kazakhstan)"),
            "id_copy_without_doubt": self.tr("ID document asked for without a doubt"),
            "signed_id_copy_without_doubt": self.tr("Signed ID copy asked for without a doubt"),
            "channel_insisted": self.tr("Insists on one channel"),
            "signature_demanded": self.tr("Demands a signature"),
            "profile_item_missing": self.tr("Required particulars missing"),
            "unfilled_particulars": self.tr("Blank particulars in the letter"),
            "extension_not_available": self.tr("No extension for this case"),
            "foreign_language": self.tr("Text in another language"),
            "legal_review_points": self.tr("Points of law to check"),
        }
        return titles.get(code, code.replace("_", " "))

    def _show_warnings(self, warnings: tuple[object, ...], acknowledged: tuple[str, ...]) -> None:
        from dpo_desk.services.letters import REFUSING, is_blocking

        codes = {str(getattr(w, "code", "")) for w in warnings}
        self._refused = bool(codes & REFUSING)
        to_ack = {
            c
            for c in codes
            if c not in REFUSING and is_blocking(_Code(c))  # type: ignore[arg-type]
        }
        if to_ack != self._to_acknowledge:
            self._acknowledge.setChecked(False)  # new warnings: read them again
        self._to_acknowledge = to_ack
        self._acknowledge.setVisible(bool(to_ack) and self._final is None)
        self._warnings.clear()
        for warning in warnings:
            code = str(getattr(warning, "code", ""))
            message = tr_message(getattr(warning, "message", ""))
            blocking = is_blocking(warning)  # type: ignore[arg-type]
            mark = "⛔" if blocking else "⚠"
            text = f"{mark} {self._warning_title(code)}: {message}"
            if code in acknowledged:
                text += " " + self.tr("(acknowledged when finalised)")
            item = QListWidgetItem(text, self._warnings)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(message)
        if not warnings:
            item = QListWidgetItem(self.tr("✓ The checks found nothing to warn about."))
            item.setData(Qt.ItemDataRole.UserRole, "")
            self._warnings.addItem(item)

    def warning_codes(self) -> list[str]:
        """The codes of the warnings listed (tests, and the lead's status bar)."""
        codes = []
        for row in range(self._warnings.count()):
            code = self._warnings.item(row).data(Qt.ItemDataRole.UserRole)
            if code:
                codes.append(str(code))
        return codes

    # --- acting ----------------------------------------------------------------------------
    def _update_actions(self) -> None:
        has_case = self._details is not None
        final = self._final
        composing = has_case and final is None
        for widget in (*self._fields.values(), self._editor):
            widget.setReadOnly(not composing)  # type: ignore[union-attr]
        for combo in (self._kind, self._language, self._paper, self._window):
            combo.setEnabled(composing)
        self._edited_hint.setVisible(composing and self._edited)
        self._reset_text.setVisible(composing and self._edited)
        self._save_draft.setEnabled(composing)
        self._finalise.setEnabled(
            composing
            and self._preview is not None
            and not self._preview_pending
            and self._in_flight is None
            and not self._refused  # a required particular is missing: no override
            and (not self._to_acknowledge or self._acknowledge.isChecked())
        )
        self._new.setEnabled(has_case)
        self._delete.setEnabled(composing and self._letter_id is not None)
        printable = final is not None and final.pdf is not None and self._viewer.kind == "pdf"
        self._print.setEnabled(printable)
        self._save_as.setEnabled(printable)
        first = self.tr(
            "Finalise the letter first: what leaves the desk is what the case file keeps."
        )
        self._print.setToolTip(self.tr("Print the final letter") if printable else first)
        self._save_as.setToolTip(
            self.tr("Save a copy of the final letter's PDF") if printable else first
        )
        self._record_sent.setEnabled(final is not None and final.record.sent_on is None)

    def _say(self, text: str) -> None:
        self._message.setProperty("fromPreview", False)
        self._message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._say(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    def _ask(
        self,
        name: str,
        title: str,
        text: str,
        ok_text: str,
        on_ok: Callable[[], None],
        on_cancel: Callable[[], None] | None,
        informative: str = "",
    ) -> QMessageBox:
        """A non-blocking question; ``on_ok`` runs on the first button, ``on_cancel`` else."""
        return ask(self, name, title, text, ok_text, on_ok, on_cancel, informative)

    def _confirm_discard(
        self, then: Callable[[], None], otherwise: Callable[[], None] | None
    ) -> None:
        if not self._dirty or self._final is not None:
            then()
            return
        self._ask(
            "discardLetterConfirmation",
            self.tr("Drop the unsaved letter?"),
            self.tr("The letter being written has changes that are not saved."),
            self.tr("&Drop the changes"),
            then,
            otherwise,
        )

    def save_draft(self) -> None:
        if self._details is None or self._final is not None:
            return
        draft = self._draft()

        def done(changed: Changed[OpenedLetter]) -> None:
            opened = changed.value
            self._letter_id = opened.record.id
            self._select_after_load = opened.record.id
            self._dirty = False
            self._info.setText(
                self.tr("Draft of {date}, not final: it can still be changed.").format(
                    date=format_moment(opened.record.created_at)
                )
            )
            self._select_row_of(opened.record.id)
            self._say(self.tr("Draft saved."))
            self._update_actions()

        self._view.apply(save_letter_draft, draft, on_known_error=self._say, on_done=done)

    def _on_delete_draft(self) -> None:
        letter_id = self._letter_id
        if self._details is None or self._final is not None or letter_id is None:
            return

        def delete() -> None:
            def done(_changed: Changed[int]) -> None:
                if self._letter_id == letter_id:
                    self._dirty = False
                    details = self._details
                    if details is not None:
                        self._start_new(self.kind)
                self._say(self.tr("The draft was deleted."))

            self._view.apply(delete_letter_draft, letter_id, on_known_error=self._say, on_done=done)

        self._ask(
            "deleteDraftConfirmation",
            self.tr("Delete this draft?"),
            self.tr("The draft and its text are removed from the case file."),
            self.tr("&Delete"),
            delete,
            None,
        )

    def finalise(self) -> QMessageBox | None:
        """Ask, then store the PDF with its SHA-256: the letter is immutable afterwards."""
        if self._details is None or self._final is not None or self._preview is None:
            return None
        blocking = self._preview.blocking
        text = self.tr(
            "The letter's PDF will be stored in the case file with its SHA-256 fingerprint. "
            "A final letter can never be changed afterwards; a correction is a new letter."
        )
        effect = {
            LetterKind.EXTENSION_NOTICE.value: self.tr(
                "Finalising records the extension notice on the case's clock."
            ),
            LetterKind.IDENTITY_REQUEST.value: self.tr(
                "Finalising pauses the clock and sets the case to awaiting identity."
            ),
        }.get(self.kind, "")
        informative = effect
        ok_text = self.tr("&Finalise")
        if blocking:
            lines = [self.tr("These warnings stand:")]
            lines += [
                f"⛔ {self._warning_title(w.code)}: {tr_message(w.message)}" for w in blocking
            ]
            lines.append(self.tr("Finalise anyway only if you are sure the letter is right."))
            informative = "\n".join([*lines, effect]).strip()
            ok_text = self.tr("&Finalise with the warnings acknowledged")
        return self._ask(
            "finaliseConfirmation",
            self.tr("Finalise the letter?"),
            text,
            ok_text,
            lambda: self._do_finalise(bool(blocking) and self._acknowledge.isChecked()),
            None,
            informative,
        )

    def _do_finalise(self, acknowledge: bool) -> None:
        if self._details is None or self._final is not None:
            return
        draft = self._draft(acknowledge=acknowledge)
        token = self._open_token

        def done(changed: Changed[OpenedLetter]) -> None:
            opened = changed.value
            if token != self._open_token:  # the DPO has started another letter meanwhile
                return
            self._select_after_load = opened.record.id
            self._show_final(opened)
            self._select_row_of(opened.record.id)
            self._say(
                self.tr("Finalised. The PDF is stored with SHA-256 {hash}.").format(
                    hash=opened.record.sha256 or "—"
                )
            )

        self._view.apply(finalise_letter, draft, on_known_error=self._say, on_done=done)

    def record_sent(self) -> RecordSentDialog | None:
        final = self._final
        details = self._details
        if final is None or details is None or final.record.sent_on is not None:
            return None
        record = final.record
        earliest = final.stored.letter_date or (
            record.finalised_at.astimezone().date() if record.finalised_at else details.today
        )
        channel = "email" if details.case.channel == Channel.EMAIL else "post"
        dialog = RecordSentDialog(earliest, self._ctx.today(), channel, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(
            lambda on, how, number: self._do_record_sent(record.id, on, how, number)
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _do_record_sent(self, letter_id: int, on: date, channel: str, number: str) -> None:
        token = self._open_token

        def done(changed: Changed[object]) -> None:
            if token != self._open_token:  # the DPO has started another letter meanwhile
                return
            result = changed.value
            if getattr(result, "status_changed", False):
                text = self.tr("Recorded as sent. The case is now: {status}.").format(
                    status=status_label(str(getattr(result, "case_status", "")))
                )
            else:
                text = self.tr("Recorded as sent.")
                note = str(getattr(result, "note", "") or "")
                if note:
                    text += " " + note
            self._say(text)
            self._open(letter_id)

        self._view.apply(
            record_letter_sent,
            letter_id,
            on,
            channel,
            number,
            on_known_error=self._say,
            on_done=done,
        )

    def save_as(self) -> object:
        """Save a copy of the final letter's PDF where the DPO chooses (a file dialog)."""
        if self._final is None or self._viewer.kind != "pdf":
            return None
        return self._viewer.save_as()

    def print_letter(self) -> QPrintDialog | None:
        """Ask for a printer (QPrintDialog), then print the final letter's pages from memory."""
        if self._final is None or self._viewer.kind != "pdf":
            return None
        printer = self.printer
        document = self._viewer.document
        points = document.pagePointSize(0)
        printer.setPageSize(
            QPageSize(
                QSizeF(points.width(), points.height()),
                QPageSize.Unit.Point,
                "",
                QPageSize.SizeMatchPolicy.FuzzyMatch,
            )
        )
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(Path(self._file_name(self._final.record)).stem)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print the letter"))
        dialog.setMinMax(1, max(1, document.pageCount()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._print_to(printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        QDialog.open(dialog)  # QPrintDialog.open() wants a receiver in PySide6
        return dialog

    def _print_to(self, printer: QPrinter) -> None:
        if self._final is None or self._viewer.kind != "pdf":
            return
        pages = print_pdf(self._viewer.document, printer)
        if pages:
            where = printer.outputFileName() or printer.printerName()
            self._say(self.tr("%n page(s) sent to {printer}.", "", pages).format(printer=where))
        else:
            self._say(self.tr("The printer could not be started; nothing was printed."))
        self.printed.emit(pages)
