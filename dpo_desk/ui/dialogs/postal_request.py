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
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.model import Case, Controller, RequestKind

from ..app import AppContext
from ..errors import describe_error
from ..labels import LANGUAGE_NAMES, kind_label, language_label
from ..operations import PostalRequest, list_controllers, log_postal_request
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
        QVBoxLayout(scans).addWidget(self.scan_list)

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
        if postmark is not None and postmark > received:
            raise ValueError(self.tr("The postmark cannot be later than the date of receipt."))
        return PostalRequest(
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

    def _controller_of(self, request: PostalRequest) -> Controller | None:
        return next((c for c in self._controllers if c.id == request.controller_id), None)

    def _on_log(self) -> None:
        try:
            request = self.request()
        except ValueError as exc:
            self._message.setText(str(exc))
            return
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

    def _done(self, case: Case) -> None:
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
