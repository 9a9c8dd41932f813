"""Export: a case summary, the register of requests, the statistics, the deadlines calendar.

The DPO picks what to export and where (a file dialog); the export runs as a long job on the
database thread with progress and Cancel, and the dialog says where the file was written — or,
in a sentence, why nothing was written (a read-only folder, a full disk, a cancelled job). The
reports service writes atomically, so a cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import DiskFull, KnownError, ReadOnlyLocation

from ..app import AppContext
from ..errors import describe_error
from ..labels import format_size
from ..operations import ExportRequest
from ..operations_letters import ExportChoices, export_choices, export_job
from ..tasks import Progress

KINDS = ("summary", "register", "stats", "ics")
FORMATS: dict[str, tuple[str, ...]] = {
    "summary": ("pdf", "json"),
    "register": ("csv", "xlsx", "json"),
    "stats": ("pdf",),
    "ics": ("ics",),
}
_ALL_SUFFIXES = {f".{f}" for formats in FORMATS.values() for f in formats}
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    """What to export, where to, with progress and Cancel (see the module docstring)."""

    exported = Signal(object)  # the ExportResult
    progressed = Signal(int, int)  # done, total (0: unknown)

    def __init__(
        self, ctx: AppContext, case_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._ctx = ctx
        self._case_id = case_id
        self._choices = ExportChoices((), "")
        self._stop: threading.Event | None = None
        self._running = False
        self._suggested = ""  # the file name last suggested (replaced when the kind changes)
        today = ctx.today()

        kinds = QGroupBox(self.tr("What to export"), self)
        self._kind_group = QButtonGroup(self)
        kinds_layout = QVBoxLayout(kinds)
        self._kind_buttons: dict[str, QRadioButton] = {}
        for index, (kind, text, name) in enumerate(
            (
                ("summary", self.tr("&Case summary (PDF or JSON)"), "exportSummary"),
                (
                    "register",
                    self.tr("&Register of requests (CSV, XLSX or JSON)"),
                    "exportRegister",
                ),
                ("stats", self.tr("S&tatistics (PDF with charts)"), "exportStats"),
                ("ics", self.tr("Ca&lendar of open deadlines (.ics)"), "exportCalendar"),
            )
        ):
            button = QRadioButton(text, kinds)
            button.setObjectName(name)
            self._kind_group.addButton(button, index)
            self._kind_buttons[kind] = button
            kinds_layout.addWidget(button)
        self._kind_group.idToggled.connect(lambda _id, checked: checked and self._kind_changed())

        self._pages = QStackedWidget(self)
        self._pages.setObjectName("exportOptions")
        # summary
        summary = QWidget(self._pages)
        form = QFormLayout(summary)
        self._case_label = QLabel(summary)
        self._case_label.setObjectName("exportCase")
        self._case_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Case:"), self._case_label)
        self._summary_format = self._format_combo("summaryFormat", "summary", summary)
        form.addRow(self.tr("&Format:"), self._summary_format)
        self._summary_pseudonymise = QCheckBox(
            self.tr("&Pseudonymise the data subject (name and contacts)"), summary
        )
        self._summary_pseudonymise.setObjectName("summaryPseudonymise")
        form.addRow("", self._summary_pseudonymise)
        explain = QLabel(
            self.tr(
                "For a regulator, a court or a successor: deadlines with their rules, letters with "
                "their SHA-256, the identity record (never the ID copy) and the audit events."
            ),
            summary,
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        # register
        register = QWidget(self._pages)
        form = QFormLayout(register)
        self._register_format = self._format_combo("registerFormat", "register", register)
        form.addRow(self.tr("F&ormat:"), self._register_format)
        self._use_from = QCheckBox(self.tr("Received &from:"), register)
        self._use_from.setObjectName("registerUseFrom")
        self._from = QDateEdit(register)
        self._from.setObjectName("registerFrom")
        self._use_to = QCheckBox(self.tr("Received t&o:"), register)
        self._use_to.setObjectName("registerUseTo")
        self._to = QDateEdit(register)
        self._to.setObjectName("registerTo")
        for check, edit, day in (
            (self._use_from, self._from, date(today.year, 1, 1)),
            (self._use_to, self._to, today),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(day))
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            form.addRow(check, edit)
        self._register_pseudonymise = QCheckBox(
            self.tr("Pseudonymise &subject names and contacts"), register
        )
        self._register_pseudonymise.setObjectName("registerPseudonymise")
        form.addRow("", self._register_pseudonymise)
        # statistics
        stats = QWidget(self._pages)
        form = QFormLayout(stats)
        self._year = QSpinBox(stats)
        self._year.setObjectName("statsYear")
        self._year.setRange(2000, 9999)
        self._year.setValue(today.year)
        form.addRow(self.tr("&Year:"), self._year)
        explain = QLabel(
            self.tr(
                "Requests per month, kind, controller and channel; the share answered on time; "
                "days to answer; open and overdue cases now. No names."
            ),
            stats,
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        # calendar
        calendar = QWidget(self._pages)
        calendar_layout = QVBoxLayout(calendar)
        explain = QLabel(
            self.tr(
                "Every open case's due date and the last day for an extension notice, for your "
                "calendar program. Events carry the case reference, never the subject's name."
            ),
            calendar,
        )
        explain.setWordWrap(True)
        calendar_layout.addWidget(explain)
        calendar_layout.addStretch(1)
        for page in (summary, register, stats, calendar):
            self._pages.addWidget(page)

        self._controllers_box = QGroupBox(self.tr("Controllers (none ticked: all)"), self)
        self._controllers = QListWidget(self._controllers_box)
        self._controllers.setObjectName("exportControllers")
        self._controllers.setMaximumHeight(110)
        box_layout = QVBoxLayout(self._controllers_box)
        box_layout.addWidget(self._controllers)

        self._path = QLineEdit(self)
        self._path.setObjectName("exportPath")
        self._path.setAccessibleName(self.tr("File to write"))
        self._path.textEdited.connect(lambda _t: self._message.clear())
        choose = QPushButton(self.tr("C&hoose…"), self)
        choose.setObjectName("exportChooseButton")
        choose.clicked.connect(self.choose_file)
        path_label = QLabel(self.tr("&Save to:"), self)
        path_label.setBuddy(self._path)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self._path, 1)
        path_row.addWidget(choose)

        self._progress = QProgressBar(self)
        self._progress.setObjectName("exportProgress")
        self._cancel = QPushButton(self.tr("&Cancel export"), self)
        self._cancel.setObjectName("exportCancelButton")
        self._cancel.clicked.connect(self.cancel_export)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self._progress, 1)
        progress_row.addWidget(self._cancel)
        self._message = QLabel(self)
        self._message.setObjectName("exportMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._export = buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self._export.setObjectName("exportButton")
        self._export.setDefault(True)
        self._export.clicked.connect(self.start_export)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(kinds)
        top.addWidget(self._pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._controllers_box)
        layout.addLayout(path_row)
        layout.addLayout(progress_row)
        layout.addWidget(self._message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._inputs: tuple[QWidget, ...] = (
            kinds,
            self._pages,
            self._controllers_box,
            self._path,
            choose,
            self._export,
        )

        self._summary_format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self._register_format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self._year.valueChanged.connect(lambda _v: self._format_changed())
        self._kind_buttons["summary"].setEnabled(case_id is not None)
        self._kind_buttons["summary" if case_id is not None else "register"].setChecked(True)
        self._show_running(False)
        self.resize(760, 420)
        ctx.db.run(
            export_choices, case_id, on_result=self._show_choices, on_error=self._failed, owner=self
        )

    def _format_combo(self, name: str, kind: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        for fmt in FORMATS[kind]:
            combo.addItem(fmt.upper(), fmt)
        return combo

    # --- choices ---------------------------------------------------------------------------
    def _show_choices(self, choices: ExportChoices) -> None:
        self._choices = choices
        self._case_label.setText(choices.case_reference or self.tr("No case chosen"))
        self._controllers.clear()
        for slug, name in choices.controllers:
            item = QListWidgetItem(name, self._controllers)
            item.setData(SLUG_ROLE, slug)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._format_changed()

    @property
    def kind(self) -> str:
        return KINDS[max(0, self._kind_group.checkedId())]

    def set_kind(self, kind: str) -> None:
        self._kind_buttons[kind].setChecked(True)

    @property
    def format(self) -> str:
        if self.kind == "summary":
            return str(self._summary_format.currentData())
        if self.kind == "register":
            return str(self._register_format.currentData())
        return FORMATS[self.kind][0]

    @property
    def path(self) -> Path | None:
        text = self._path.text().strip()
        if not text:
            return None
        return self._with_format(Path(text).expanduser()).absolute()

    def set_path(self, path: Path | str) -> None:
        self._path.setText(str(path))
        self._message.clear()

    def _kind_changed(self) -> None:
        self._pages.setCurrentIndex(KINDS.index(self.kind))
        self._controllers_box.setVisible(self.kind in ("register", "stats"))
        self._format_changed(kind_changed=True)

    def _default_name(self) -> str:
        today = self._ctx.today()
        if self.kind == "summary":
            reference = self._choices.case_reference or "case"
            return f"{reference}-summary.{self.format}"
        if self.kind == "register":
            return f"register-{today.isoformat()}.{self.format}"
        if self.kind == "stats":
            return f"statistics-{self._year.value()}.{self.format}"
        return "deadlines.ics"

    def _format_changed(self, kind_changed: bool = False) -> None:
        """The suggested file name follows the kind and format, in the same folder; a name
        the DPO chose keeps its stem and only changes its extension."""
        current = self._path.text().strip()
        default = self._default_name()
        if not current:
            self._path.setText(str(Path.home() / default))
        else:
            path = Path(current).expanduser()
            if kind_changed or path.name == self._suggested:
                path = path.parent / default
            else:
                path = self._with_format(path)
            self._path.setText(str(path))
        self._suggested = default

    def _with_format(self, path: Path) -> Path:
        suffix = f".{self.format}"
        if path.suffix.lower() == suffix:
            return path
        if path.suffix.lower() in _ALL_SUFFIXES:
            return path.with_suffix(suffix)
        return Path(f"{path}{suffix}")

    def choose_file(self) -> QFileDialog:
        """Where to write (a non-blocking save dialog that asks before replacing a file)."""
        filters = {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "json": self.tr("JSON files (*.json)"),
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "ics": self.tr("Calendar files (*.ics)"),
        }
        dialog = QFileDialog(self, self.tr("Export to"), self._path.text().strip())
        dialog.setObjectName("exportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(filters[self.format])
        dialog.setDefaultSuffix(self.format)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.set_path(name))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _request(self) -> ExportRequest | None:
        path = self.path
        if path is None:
            self._message.setText(self.tr("Choose the file to write."))
            return None
        kind = self.kind
        slugs = tuple(
            str(self._controllers.item(row).data(SLUG_ROLE))
            for row in range(self._controllers.count())
            if self._controllers.item(row).checkState() == Qt.CheckState.Checked
        )
        if kind == "summary":
            return ExportRequest(
                "summary",
                path,
                case_id=self._case_id,
                pseudonymise=self._summary_pseudonymise.isChecked(),
            )
        if kind == "register":
            return ExportRequest(
                "register",
                path,
                pseudonymise=self._register_pseudonymise.isChecked(),
                received_from=_pydate(self._from.date()) if self._use_from.isChecked() else None,
                received_to=_pydate(self._to.date()) if self._use_to.isChecked() else None,
                controllers=slugs,
            )
        if kind == "stats":
            return ExportRequest("stats", path, year=self._year.value(), controllers=slugs)
        return ExportRequest("ics", path)

    # --- running ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def start_export(self) -> None:
        if self._running:
            return
        request = self._request()
        if request is None:
            return
        self._path.setText(str(request.path))
        stop = threading.Event()
        self._stop = stop
        self._show_running(True)
        self._message.setText(self.tr("Exporting to {path}…").format(path=request.path))
        self._ctx.db.task(
            export_job,
            request,
            self._ctx.today(),
            stop,
            on_result=lambda result: self._done(stop, result),
            on_error=lambda exc: self._export_failed(stop, request.path, exc),
            on_progress=lambda progress: self._on_progress(stop, progress),
            owner=self,
        )

    def cancel_export(self) -> None:
        """Ask the running export to stop; the file is only written when it completes."""
        if self._stop is None or not self._running:
            return
        self._stop.set()
        self._cancel.setEnabled(False)
        self._message.setText(self.tr("Cancelling…"))

    def _on_progress(self, stop: threading.Event, progress: Progress) -> None:
        if stop is not self._stop:
            return
        if progress.total:
            self._progress.setRange(0, progress.total)
            self._progress.setValue(progress.done)
        else:
            self._progress.setRange(0, 0)
        self.progressed.emit(progress.done, progress.total)

    def _show_running(self, running: bool) -> None:
        self._running = running
        for widget in self._inputs:
            widget.setEnabled(not running)
        if not running and self._case_id is None:
            self._kind_buttons["summary"].setEnabled(False)
        self._progress.setVisible(running)
        self._cancel.setVisible(running)
        self._cancel.setEnabled(running)
        if running:
            self._progress.setRange(0, 0)

    def _done(self, stop: threading.Event, result: object) -> None:
        if stop is not self._stop:
            return
        self._stop = None
        self._show_running(False)
        path = getattr(result, "path", "")
        size = int(getattr(result, "size", 0))
        cases = int(getattr(result, "cases", 0))
        text = self.tr("Written to {path} ({size}, %n case(s)).", "", cases).format(
            path=path, size=format_size(size)
        )
        if stop.is_set():
            text = self.tr("The export was complete before it could be cancelled.") + " " + text
        if getattr(result, "pseudonymised", False) and self.kind in ("summary", "register"):
            text += " " + self.tr("Names and contacts are pseudonymised.")
        self._message.setText(text)
        self.exported.emit(result)

    def _export_failed(self, stop: threading.Event, path: Path, exc: BaseException) -> None:
        from dpo_desk.reports import ExportCancelled

        if stop is not self._stop:
            return
        self._stop = None
        self._show_running(False)
        if isinstance(exc, ExportCancelled):
            self._message.setText(self.tr("Export cancelled; no file was written."))
        elif isinstance(exc, ReadOnlyLocation):
            self._message.setText(
                self.tr(
                    "Cannot write to {folder}: the folder is read-only or you may not write "
                    "there. Choose another folder; nothing was written."
                ).format(folder=path.parent)
            )
        elif isinstance(exc, DiskFull):
            self._message.setText(
                self.tr(
                    "The disk is full; {name} was not written. Free some space or choose "
                    "another disk."
                ).format(name=path.name)
            )
        elif isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    def done(self, result: int) -> None:
        """Closing the dialog also stops a running export (nothing is written then)."""
        if self._stop is not None:
            self._stop.set()
        super().done(result)


def open_export(
    ctx: AppContext, parent: QWidget | None, case_id: int | None = None
) -> ExportDialog:
    """Show the export dialog (non-blocking, window-modal); ``case_id`` enables the summary."""
    dialog = ExportDialog(ctx, case_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
