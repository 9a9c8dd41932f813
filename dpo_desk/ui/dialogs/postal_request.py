"""Log a request that came by post: who sent it, what it asks, when it arrived."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.model import AttachmentRole, Case, Controller, RequestKind
from dpo_desk.intake.service import Scan
from dpo_desk.services.ocr import ScanReading, read_scan, store_readings

from ..app import AppContext
from ..errors import describe_error
from ..labels import LANGUAGE_NAMES, kind_label, language_label
from ..operations import PostalRequest, list_controllers, log_postal_request
from ..tasks import Progress, TaskCancelled, TaskControl, Ticket
from .scans import ScanList, ask_id_copy_confirmation, id_copy_warning

KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PostalRequestDialog(QDialog):
    logged = Signal(object)  # the new Case

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postalRequestDialog")
        self.setWindowTitle(self.tr("New postal request"))
        self._ctx = ctx
        self._controllers: list[Controller] = []
        today = ctx.today()

        self._controller = QComboBox(self)
        self._controller.setObjectName("controllerCombo")
        self._main_kind = QComboBox(self)
        self._main_kind.setObjectName("mainKind")
        for kind in RequestKind:
            self._main_kind.addItem(kind_label(kind), kind.value)
        self._other_kinds = QListWidget(self)
        self._other_kinds.setObjectName("otherKinds")
        for kind in RequestKind:
            item = QListWidgetItem(kind_label(kind), self._other_kinds)
            item.setData(KIND_ROLE, kind.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._other_kinds.setMaximumHeight(120)

        self._received = QDateEdit(self)
        self._received.setObjectName("receivedDate")
        self._received.setCalendarPopup(True)
        self._received.setDisplayFormat("yyyy-MM-dd")
        self._received.setMaximumDate(_qdate(today))
        self._received.setDate(_qdate(today))
        self._has_postmark = QCheckBox(self.tr("&Known:"), self)
        self._has_postmark.setObjectName("hasPostmark")
        self._postmark = QDateEdit(self)
        self._postmark.setObjectName("postmarkDate")
        self._postmark.setCalendarPopup(True)
        self._postmark.setDisplayFormat("yyyy-MM-dd")
        self._postmark.setMaximumDate(_qdate(today))
        self._postmark.setDate(_qdate(today))
        self._postmark.setEnabled(False)
        self._has_postmark.toggled.connect(self._postmark.setEnabled)
        self._registered = QLineEdit(self)
        self._registered.setObjectName("registeredNo")
        self._registered.setPlaceholderText("RR123456789KG")

        self._name = QLineEdit(self)
        self._name.setObjectName("senderName")
        self._address = QPlainTextEdit(self)
        self._address.setObjectName("senderAddress")
        self._address.setTabChangesFocus(True)
        self._address.setFixedHeight(self._address.fontMetrics().lineSpacing() * 4 + 12)
        self._email = QLineEdit(self)
        self._email.setObjectName("senderEmail")
        self._language = QComboBox(self)
        self._language.setObjectName("languageCombo")
        for code in LANGUAGE_NAMES:
            self._language.addItem(language_label(code), code)
        self._summary = QPlainTextEdit(self)
        self._summary.setObjectName("summaryEdit")
        self._summary.setTabChangesFocus(True)
        self._summary.setFixedHeight(self._summary.fontMetrics().lineSpacing() * 3 + 12)
        self._summary.setPlaceholderText(self.tr("The request in a sentence or two"))

        postmark_row = QHBoxLayout()
        postmark_row.addWidget(self._has_postmark)
        postmark_row.addWidget(self._postmark, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(form, self.tr("C&ontroller:"), self._controller)
        self._add_row(form, self.tr("&Main request:"), self._main_kind)
        self._add_row(form, self.tr("Also &asks for:"), self._other_kinds)
        self._add_row(form, self.tr("&Received (date stamp):"), self._received)
        form.addRow(self.tr("Postmark:"), postmark_row)
        self._add_row(form, self.tr("Re&gistered mail no.:"), self._registered)
        self._add_row(form, self.tr("Sender's &name:"), self._name)
        self._add_row(form, self.tr("Sender's a&ddress:"), self._address)
        self._add_row(form, self.tr("&Email (if given):"), self._email)
        self._add_row(form, self.tr("&Language of the letter:"), self._language)
        self._add_row(form, self.tr("S&ummary:"), self._summary)
        scans = QGroupBox(self.tr("Scans of the letter and any enclosed ID copy"), self)
        self.scan_list = ScanList(ctx, scans)
        scans_layout = QVBoxLayout(scans)
        scans_layout.addWidget(self.scan_list)
        # issue 18: read the letter (OCR) and suggest kinds, language, name and address
        self._readings: list[ScanReading] = []
        self._ocr_ticket: Ticket | None = None
        self.read_button = QPushButton(self.tr("&Read the letter (OCR)"), scans)
        self.read_button.setObjectName("readScanButton")
        self.read_button.clicked.connect(self.read_scans)
        self.cancel_read = QPushButton(self.tr("Stop reading"), scans)
        self.cancel_read.setObjectName("cancelReadButton")
        self.cancel_read.hide()
        self.cancel_read.clicked.connect(self._cancel_reading)
        self.ocr_status = QLabel(scans)
        self.ocr_status.setObjectName("ocrStatus")
        self.ocr_status.setWordWrap(True)
        self.ocr_status.setTextFormat(Qt.TextFormat.PlainText)
        read_row = QHBoxLayout()
        read_row.addWidget(self.read_button)
        read_row.addWidget(self.cancel_read)
        read_row.addWidget(self.ocr_status, 1)
        scans_layout.addLayout(read_row)

        self._message = QLabel(self)
        self._message.setObjectName("postalMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._buttons = QDialogButtonBox(self)
        self._log = self._buttons.addButton(
            self.tr("&Log request"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._log.setObjectName("logButton")
        self._log.setDefault(True)
        self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self._on_log)
        self._buttons.rejected.connect(self.reject)
        self._controller.currentIndexChanged.connect(self._controller_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scans)
        layout.addWidget(self._message)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(520)
        self._log.setEnabled(False)
        ctx.db.run(list_controllers, on_result=self._set_controllers, owner=self)
        self._name.setFocus()

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, field)

    def _set_controllers(self, controllers: list[Controller]) -> None:
        self._controllers = list(controllers)
        self._controller.clear()
        for controller in self._controllers:
            self._controller.addItem(controller.name, controller.id)
        self._log.setEnabled(bool(self._controllers))
        if not self._controllers:
            self._message.setText(self.tr("Add a controller first (Settings → Controllers…)."))

    def _controller_changed(self, index: int) -> None:
        if 0 <= index < len(self._controllers):
            languages = self._controllers[index].languages
            if languages:
                found = self._language.findData(languages[0])
                if found >= 0:
                    self._language.setCurrentIndex(found)

    # --- for tests and keyboard users: fill in programmatically ------------------------------
    def select_controller(self, controller_id: int) -> None:
        index = self._controller.findData(controller_id)
        if index >= 0:
            self._controller.setCurrentIndex(index)

    def set_kinds(self, kinds: list[RequestKind]) -> None:
        self._main_kind.setCurrentIndex(self._main_kind.findData(kinds[0].value))
        others = {k.value for k in kinds[1:]}
        for row in range(self._other_kinds.count()):
            item = self._other_kinds.item(row)
            checked = item.data(KIND_ROLE) in others
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def kinds(self) -> tuple[RequestKind, ...]:
        main = RequestKind(self._main_kind.currentData())
        others = [
            RequestKind(self._other_kinds.item(row).data(KIND_ROLE))
            for row in range(self._other_kinds.count())
            if self._other_kinds.item(row).checkState() == Qt.CheckState.Checked
        ]
        return (main, *(k for k in others if k != main))

    def request(self) -> PostalRequest:
        """What the form says; raises ValueError with a message for the DPO."""
        if self._controller.currentIndex() < 0:
            raise ValueError(self.tr("Choose the controller the letter was addressed to."))
        name = self._name.text().strip()
        if not name:
            raise ValueError(self.tr("Type the sender's name."))
        received = _pydate(self._received.date())
        postmark = _pydate(self._postmark.date()) if self._has_postmark.isChecked() else None
        request = PostalRequest(
            controller_id=int(self._controller.currentData()),
            kinds=self.kinds(),
            received=received,
            postmark=postmark,
            registered_no=self._registered.text().strip(),
            name=name,
            address=self._address.toPlainText().strip(),
            email=self._email.text().strip(),
            language=str(self._language.currentData() or ""),
            summary=self._summary.toPlainText().strip(),
            scans=self.scan_list.scans(),
        )
        self.postal_warnings(request)  # the case service's postal rule (raises ValueError)
        return request

    def postal_warnings(self, request: PostalRequest) -> list[str]:
        """The case service's postal rule, in the window's language: refusals raise ValueError,
        warnings (a postmark after the received date) come back for the DPO to confirm."""
        from dpo_desk.core.errors import KnownError
        from dpo_desk.core.model import DataSubject
        from dpo_desk.services.cases import DateInFuture, PostalContactMissing, check_postal

        subject = DataSubject(name=request.name, email=request.email, address=request.address)
        try:
            found = check_postal(subject, request.received, request.postmark, self._ctx.today())
        except PostalContactMissing:
            raise ValueError(
                self.tr("Type the sender's address or e-mail, or the reply has nowhere to go.")
            ) from None
        except DateInFuture:
            raise ValueError(
                self.tr("The received date and the postmark cannot be in the future.")
            ) from None
        except KnownError as exc:
            raise ValueError(describe_error(exc, self._ctx.session.path)) from None
        texts = {
            "postmark_after_received": self.tr(
                "The postmark is later than the date the letter was received: check both dates."
            )
        }
        return [texts.get(w.code, w.message) for w in found]

    def _controller_of(self, request: PostalRequest) -> Controller | None:
        return next((c for c in self._controllers if c.id == request.controller_id), None)

    def _on_log(self) -> None:
        try:
            request = self.request()
            warnings = self.postal_warnings(request)
        except ValueError as exc:
            self._message.setText(str(exc))
            return
        if warnings:  # the case service's warnings: the DPO confirms before logging
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(self)
            box.setObjectName("postalWarnings")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Log the request anyway?"))
            box.setText("\n".join(warnings))
            go = box.addButton(self.tr("&Log anyway"), QMessageBox.ButtonRole.AcceptRole)
            go.setObjectName("postalWarningsConfirm")
            box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(
                lambda _r: self._on_log_checked(request) if box.clickedButton() is go else None
            )
            box.open()
            return
        self._on_log_checked(request)

    def _on_log_checked(self, request: PostalRequest) -> None:
        if self.scan_list.busy:
            self._message.setText(self.tr("The scans are still being checked; try again."))
            return
        controller = self._controller_of(request)
        warning = (
            id_copy_warning(controller)
            if controller is not None and self.scan_list.has_id_copy()
            else None
        )
        if warning:  # Kazakh law: the DPO confirms that an exception applies
            ask_id_copy_confirmation(
                self, warning, lambda: self._submit(replace(request, confirm_id_copy=True))
            )
            return
        self._submit(request)

    def _submit(self, request: PostalRequest) -> None:
        self._log.setEnabled(False)
        self._message.setText(self.tr("Logging…"))
        self._ctx.db.run(
            log_postal_request,
            request,
            self._ctx.today(),
            on_result=self._done,
            on_error=self._failed,
            owner=self,
        )

    # --- OCR of the letter (issue 18) -------------------------------------------------------
    def read_scans(self) -> None:
        letters = [s for s in self.scan_list.scans() if s.role == AttachmentRole.LETTER_SCAN]
        if not letters:
            self.ocr_status.setText(self.tr("Add a scan of the letter first."))
            return
        self.read_button.setEnabled(False)
        self.cancel_read.show()
        self.ocr_status.setText(self.tr("Reading the letter…"))
        self._ocr_ticket = self._ctx.db.task(
            read_letter_scans,
            letters,
            on_result=self._read,
            on_error=self._read_failed,
            on_progress=self._read_progress,
            owner=self,
        )

    def _cancel_reading(self) -> None:
        if self._ocr_ticket is not None:
            self._ocr_ticket.cancel()
        self._reading_over(self.tr("Reading stopped; fill in the request by hand."))

    def _read_progress(self, progress: Progress) -> None:
        if progress.total:
            self.ocr_status.setText(
                self.tr("Reading the letter… {percent}%").format(
                    percent=progress.done * 100 // progress.total
                )
            )

    def _reading_over(self, message: str) -> None:
        self._ocr_ticket = None
        self.read_button.setEnabled(True)
        self.cancel_read.hide()
        self.ocr_status.setText(message)

    def _read_failed(self, exc: BaseException) -> None:
        from dpo_desk.core.errors import KnownError

        if isinstance(exc, TaskCancelled):
            self._reading_over(self.tr("Reading stopped; fill in the request by hand."))
        elif isinstance(exc, KnownError):  # engine missing, damaged scan: the case can be logged
            self._reading_over(describe_error(exc, self._ctx.session.path))
        else:
            self._reading_over("")
            self._ctx.errors.report(exc)

    def _read(self, readings: list[ScanReading]) -> None:
        self._readings = list(readings)
        self.apply_reading(readings)

    def apply_reading(self, readings: list[ScanReading]) -> None:
        """Pre-fill what the scan suggests; the DPO confirms or changes it before logging."""
        text = "\n".join(r.text for r in readings)
        first = readings[0] if readings else None
        if first is None or not text.strip():
            self._reading_over(self.tr("No text could be read; fill in the request by hand."))
            return
        kinds = [RequestKind(k) for k in first.kinds if k in RequestKind.__members__.values()]
        if kinds:
            self.set_kinds(kinds)
        if first.language:
            index = self._language.findData(first.language)
            if index >= 0:
                self._language.setCurrentIndex(index)
        if first.name and not self._name.text().strip():
            self._name.setText(first.name)
        if first.address and not self._address.toPlainText().strip():
            self._address.setPlainText(first.address)
        if not self._summary.toPlainText().strip():
            self._summary.setPlainText(" ".join(text.split())[:200])
        found = ", ".join(kind_label(k) for k in kinds) or self.tr("no request kind")
        message = self.tr(
            "Suggested from the scan: {kinds}; {language}. Check and confirm."
        ).format(kinds=found, language=language_label(first.language) if first.language else "?")
        problems = [p for r in readings for p in r.problems]
        if problems:
            message += "\n" + "\n".join(problems)
        self._reading_over(message)

    def _done(self, case: Case) -> None:
        if self._readings and case.id is not None:  # the text goes with its scan, encrypted
            self._ctx.db.run(store_readings, int(case.id), list(self._readings))
        self.logged.emit(case)
        if case.id is not None:
            self._ctx.changes.case_added.emit(int(case.id))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from dpo_desk.core.errors import KnownError
        from dpo_desk.intake.service import IdCopyNeedsConfirmation

        self._log.setEnabled(True)
        if isinstance(exc, IdCopyNeedsConfirmation):
            self._message.clear()
            try:
                request = replace(self.request(), confirm_id_copy=True)
            except ValueError as err:
                self._message.setText(str(err))
                return
            ask_id_copy_confirmation(self, describe_error(exc), lambda: self._submit(request))
            return
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._message.clear()
            self._ctx.errors.report(exc)


def read_letter_scans(control: TaskControl, _cf: object, scans: list[Scan]) -> list[ScanReading]:
    """OCR of the letter scans (issue 18), on the task executor: progress and cancel."""
    readings = []
    for index, scan in enumerate(scans):

        def progress(done: int, total: int, _i: int = index) -> None:
            control.progress(_i * 100 + done * 100 // max(total, 1), len(scans) * 100)

        readings.append(
            read_scan(scan.data, scan.filename, progress=progress, cancel=lambda: control.cancelled)
        )
    control.check()
    return readings
