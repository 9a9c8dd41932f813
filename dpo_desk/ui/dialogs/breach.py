"""Log or edit a personal-data breach; write a notice about it to an authority or the subjects.

The dialogs collect what the DPO types and hand it to :mod:`dpo_desk.services.breaches` on the
database thread; a refusal (a time the clocks skipped, a number that is not one, a notice still
owed when closing) comes back as one sentence shown in the dialog, which stays open.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.breaches import default_breach_rules
from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import Controller
from dpo_desk.services.breaches import (
    NOTICE_LANGUAGES,
    BreachView,
    NoticeResult,
    authority_name,
    log_breach,
    make_notice,
    update_breach,
)

from ..app import AppContext
from ..errors import describe_error
from ..labels import language_label
from ..operations import list_controllers

#: Zones offered first (the regimes' own); any IANA name can be typed.
ZONES = (
    "Asia/Bishkek",
    "Asia/Almaty",
    "Europe/Moscow",
    "Europe/Paris",
    "Europe/London",
    "UTC",
)


JURISDICTIONS_ROLE = Qt.ItemDataRole.UserRole + 2


def _split(text: str) -> list[str]:
    return [x.strip() for x in text.replace(";", ",").split(",") if x.strip()]


class BreachDialog(QDialog):
    """Log a new breach, or edit one (``breach`` given)."""

    saved = Signal(object)  # BreachView

    def __init__(
        self,
        ctx: AppContext,
        *,
        now: Callable[[], datetime],
        breach: BreachView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breachDialog")
        self._ctx = ctx
        self._now = now
        self._editing = breach
        self.setWindowTitle(
            self.tr("Edit breach {ref}").format(ref=breach.breach.reference)
            if breach
            else self.tr("Log a personal-data breach")
        )
        self.controller = QComboBox(self)
        self.controller.setObjectName("breachControllerCombo")
        self.discovered = QDateTimeEdit(self)
        self.discovered.setObjectName("breachDiscovered")
        self.discovered.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.discovered.setCalendarPopup(True)
        self.discovered.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.zone = QComboBox(self)
        self.zone.setObjectName("breachZone")
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("breachDescription")
        self.description.setTabChangesFocus(True)
        self.subjects = QLineEdit(self)
        self.subjects.setObjectName("breachSubjects")
        self.records = QLineEdit(self)
        self.records.setObjectName("breachRecords")
        self.data_categories = QLineEdit(self)
        self.data_categories.setObjectName("breachDataCategories")
        self.subject_categories = QLineEdit(self)
        self.subject_categories.setObjectName("breachSubjectCategories")
        self.consequences = QLineEdit(self)
        self.consequences.setObjectName("breachConsequences")
        self.measures = QLineEdit(self)
        self.measures.setObjectName("breachMeasures")
        self.causes = QLineEdit(self)
        self.causes.setObjectName("breachCauses")
        self.investigation = QLineEdit(self)
        self.investigation.setObjectName("breachInvestigation")
        self.responsible = QLineEdit(self)
        self.responsible.setObjectName("breachResponsible")
        self.processors = QLineEdit(self)
        self.processors.setObjectName("breachProcessors")
        self.contact = QLineEdit(self)
        self.contact.setObjectName("breachContact")
        self.risk = QComboBox(self)
        self.risk.setObjectName("breachRisk")
        for code, text in (
            ("unassessed", self.tr("not yet assessed")),
            ("none", self.tr("unlikely to result in a risk")),
            ("risk", self.tr("a risk to people's rights")),
            ("high", self.tr("a high risk to people's rights")),
        ):
            self.risk.addItem(text, code)
        self.status = QComboBox(self)
        self.status.setObjectName("breachStatus")
        for code, text in (
            ("open", self.tr("open")),
            ("contained", self.tr("contained")),
            ("closed", self.tr("closed")),
        ):
            self.status.addItem(text, code)
        self.message = QLabel(self)
        self.message.setObjectName("breachDialogMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("Controller:"), self.controller)
        when = QHBoxLayout()
        when.addWidget(self.discovered, 1)
        when.addWidget(self.zone, 1)
        form.addRow(self.tr("Discovered at:"), when)
        form.addRow(self.tr("What happened:"), self.description)
        form.addRow(self.tr("People concerned (approx.):"), self.subjects)
        form.addRow(self.tr("Records concerned (approx.):"), self.records)
        form.addRow(self.tr("Data categories (comma-separated):"), self.data_categories)
        form.addRow(self.tr("Categories of people:"), self.subject_categories)
        form.addRow(self.tr("Likely consequences:"), self.consequences)
        form.addRow(self.tr("Measures taken or proposed:"), self.measures)
        form.addRow(self.tr("Presumed causes:"), self.causes)
        form.addRow(self.tr("Investigation results:"), self.investigation)
        form.addRow(self.tr("Persons responsible:"), self.responsible)
        form.addRow(self.tr("Processors involved:"), self.processors)
        form.addRow(self.tr("Contact for the authority:"), self.contact)
        form.addRow(self.tr("Risk:"), self.risk)
        if breach:
            form.addRow(self.tr("Status:"), self.status)
        else:
            self.status.hide()
            self.controller.currentIndexChanged.connect(self._default_zone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("breachButtons")
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 640)

        moment = now()
        self._set_moment(moment.replace(second=0, microsecond=0))
        if breach:
            self._fill(breach)
        ctx.db.run(list_controllers, on_result=self._set_controllers, owner=self)

    def set_wall_time(self, moment: datetime) -> None:
        """Show a wall-clock time as typed (held as UTC in Qt, so no DST of this computer
        moves it; the zone beside it says where it was read)."""
        self.discovered.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day),
                QTime(moment.hour, moment.minute),
                QTimeZone(QTimeZone.Initialization.UTC),
            )
        )

    def _set_moment(self, moment: datetime) -> None:
        self.set_wall_time(moment)

    def _fill(self, view: BreachView) -> None:
        b = view.breach
        self._set_moment(b.discovered_local)
        zone = b.discovered_tz
        if self.zone.findText(zone) < 0:
            self.zone.addItem(zone)
        self.zone.setCurrentText(zone)
        self.description.setPlainText(b.description)
        self.subjects.setText("" if b.subjects_count is None else str(b.subjects_count))
        self.records.setText("" if b.records_count is None else str(b.records_count))
        self.data_categories.setText(", ".join(b.data_categories))
        self.subject_categories.setText(", ".join(b.subject_categories))
        self.processors.setText(", ".join(b.processors))
        for field, value in (
            (self.consequences, b.consequences),
            (self.measures, b.measures),
            (self.causes, b.causes),
            (self.investigation, b.investigation),
            (self.responsible, b.responsible),
            (self.contact, b.contact),
        ):
            field.setText(value)
        self.risk.setCurrentIndex(max(0, self.risk.findData(b.risk)))
        self.status.setCurrentIndex(max(0, self.status.findData(b.status)))

    def _default_zone(self, index: int) -> None:
        """A new breach: the controller's first regime's zone, and now as read there."""
        jurisdictions = self.controller.itemData(index, JURISDICTIONS_ROLE) or ()
        book = default_breach_rules()
        regimes = [r for r in (book.regime_for(j) for j in jurisdictions) if r is not None]
        zone = regimes[0].timezone if regimes else "UTC"
        self.zone.setCurrentText(zone)
        self.set_wall_time(self._now().astimezone(ZoneInfo(zone)))

    def _set_controllers(self, controllers: list[Controller]) -> None:
        self.controller.clear()
        for c in controllers:
            self.controller.addItem(c.name, c.slug)
            self.controller.setItemData(
                self.controller.count() - 1, tuple(c.jurisdictions), JURISDICTIONS_ROLE
            )
        if self._editing is None and controllers:
            self._default_zone(self.controller.currentIndex())
        if self._editing:
            self.controller.setCurrentIndex(
                max(0, self.controller.findData(self._editing.controller.slug))
            )
            self.controller.setEnabled(False)

    def values(self) -> dict[str, Any]:
        """What the DPO typed, as the service's keywords."""
        wall = self.discovered.dateTime().toString("yyyy-MM-ddTHH:mm")
        return {
            "discovered": wall,
            "timezone": self.zone.currentText().strip(),
            "description": self.description.toPlainText().strip(),
            "subjects": self.subjects.text().strip() or None,
            "records": self.records.text().strip() or None,
            "data_categories": _split(self.data_categories.text()),
            "subject_categories": _split(self.subject_categories.text()),
            "processors": _split(self.processors.text()),
            "consequences": self.consequences.text().strip(),
            "measures": self.measures.text().strip(),
            "causes": self.causes.text().strip(),
            "contact": self.contact.text().strip(),
            "risk": self.risk.currentData(),
        }

    def _on_save(self) -> None:
        values = self.values()
        self._buttons.setEnabled(False)
        if self._editing is None:
            job = functools.partial(
                log_breach,
                controller=self.controller.currentData() or "",
                now=self._now(),
                **values,
            )
        else:
            values["investigation"] = self.investigation.text().strip()
            values["responsible"] = self.responsible.text().strip()
            values["status"] = self.status.currentData()
            if values["subjects"] is None:
                values["subjects"] = ""
            if values["records"] is None:
                values["records"] = ""
            ref, now = self._editing.breach.reference, self._now()

            def job(cf: Any) -> BreachView:
                return update_breach(cf, ref, now, **values)

        self._ctx.db.run(job, on_result=self._done, on_error=self._failed, owner=self)

    def _done(self, view: BreachView) -> None:
        self.saved.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._buttons.setEnabled(True)
        self.message.setText(describe_error(exc, self._ctx.session.path))
        self.message.show()


class NoticeDialog(QDialog):
    """Choose whom a notice goes to, under which regime, in which language; render and save it."""

    saved = Signal(object)  # BreachView (refreshed by the view)

    def __init__(
        self,
        ctx: AppContext,
        view: BreachView,
        *,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breachNoticeDialog")
        self.setWindowTitle(self.tr("Notice about breach {ref}").format(ref=view.breach.reference))
        self._ctx = ctx
        self._view = view
        self._now = now
        self.result_value: NoticeResult | None = None
        self.to = QComboBox(self)
        self.to.setObjectName("noticeTo")
        self.to.addItem(self.tr("the supervisory authority"), "authority")
        self.to.addItem(self.tr("the data subjects"), "subjects")
        self.regime = QComboBox(self)
        self.regime.setObjectName("noticeRegime")
        book = default_breach_rules()
        for code in dict.fromkeys(c.deadline.regime for c in view.clocks if c.deadline.citation):
            try:
                regime = book.regime(code)
            except KnownError:  # a regime DPO Desk has no rules for
                continue
            self.regime.addItem(f"{code} · {authority_name(regime.authority)}", regime.authority)
        self.language = QComboBox(self)
        self.language.setObjectName("noticeLanguage")
        for lang in NOTICE_LANGUAGES:
            self.language.addItem(language_label(lang), lang)
        self.finalise = QCheckBox(
            self.tr("Finalise (immutable, with its SHA-256, in the register)"), self
        )
        self.finalise.setObjectName("noticeFinalise")
        self.message = QLabel(self)
        self.message.setObjectName("noticeMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("To:"), self.to)
        form.addRow(self.tr("Regime:"), self.regime)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.finalise)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("noticeButtons")
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.target: Path | None = None

    def choose_target(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the notice"),
            f"{self._view.breach.reference}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        return Path(name) if name else None

    def _on_save(self) -> None:
        target = self.target or self.choose_target()
        if target is None:
            return
        self.target = target
        self._buttons.setEnabled(False)
        now = self._now()
        options: dict[str, Any] = {
            "to": self.to.currentData(),
            "authority": self.regime.currentData(),
            "language": self.language.currentData(),
            "today": now.date(),
            "finalise": self.finalise.isChecked(),
            "now": now,
            "output": self.target,
        }
        ref = self._view.breach.reference

        def job(cf: Any) -> NoticeResult:
            return make_notice(cf, ref, **options)

        self._ctx.db.run(job, on_result=self._done, on_error=self._failed, owner=self)

    def _done(self, result: NoticeResult) -> None:
        self.result_value = result
        self.saved.emit(self._view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._buttons.setEnabled(True)
        self.message.setText(describe_error(exc, self._ctx.session.path))
        self.message.show()
