"""The paper checklist of an identity document: what the DPO saw on the copy.

Document type, issuing country, the **last four characters** of the number (whatever is typed,
only they stay), the expiry date (with a warning once it has passed) and four yes / no / not
checked observations. ``identity.checklist.assess`` suggests an outcome as the form is filled;
the DPO decides in the identity tab, which holds this form.

"Read the MRZ" (issue 18) reads the selected ID copy's machine-readable zone in memory and fills
the form (type, country, last four characters, expiry, whether the name matches the data
subject); what it read is shown for the DPO to confirm, a failed check digit plainly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import AttachmentMeta, AttachmentRole
from dpo_desk.identity.checklist import DOCUMENT_TYPES, IdChecklist, assess
from dpo_desk.services.ocr import MrzPrefill, read_case_id_mrz
from dpo_desk.services.records import IdentityRecord

from ..errors import describe_error
from ..labels import document_type_label, format_date, identity_outcome_label
from ..style import Urgency, accent

#: The yes/no observations of the checklist, in the order they are shown.
OBSERVATIONS = ("name_matches", "id_signed", "signature_consistent", "address_matches")


def wrapped_label(parent: QWidget, name: str) -> QLabel:
    """A selectable, word-wrapped plain-text label (messages, warnings, suggestions)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class ChecklistForm(QWidget):
    """The checklist's fields and the suggested outcome (``today`` judges the expiry)."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistForm")
        self._today = today
        self._required: bool | None = None  # a signed copy required; None: no case shown
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.document_type = QComboBox(self)
        self.document_type.setObjectName("documentType")
        self.document_type.addItem(self.tr("— not checked —"), "")
        for key in DOCUMENT_TYPES:
            self.document_type.addItem(document_type_label(key), key)
        self.country = QLineEdit(self)
        self.country.setObjectName("issuingCountry")
        self.country.setMaxLength(2)
        self.country.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), self.country)
        )
        self.country.setPlaceholderText(self.tr("Two letters: KG, KZ, FR, RU…"))
        self.country.textEdited.connect(self._upper_country)
        self.last4 = QLineEdit(self)
        self.last4.setObjectName("documentLast4")
        self.last4.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9]{0,40}"), self.last4)
        )
        self.last4.setPlaceholderText(self.tr("Last four characters only"))
        self.last4.textEdited.connect(self._keep_last4)
        self._last4_note = wrapped_label(self, "last4Note")
        self._last4_note.hide()
        self.last4.setToolTip(
            self.tr(
                "Only the last four characters of the document number are kept: the whole "
                "number is not needed to prove the check and would be a valuable leak."
            )
        )
        self.expiry_known = QCheckBox(self.tr("Checked:"), self)
        self.expiry_known.setObjectName("expiryChecked")
        self.expiry = QDateEdit(self)
        self.expiry.setObjectName("documentExpiry")
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.expiry.setEnabled(False)
        self.expiry_known.toggled.connect(self._expiry_toggled)
        self.expiry_known.clicked.connect(lambda checked: checked and self.expiry.setFocus())
        self._expiry_warning = wrapped_label(self, "expiryWarning")
        self._expiry_warning.hide()
        expiry_row = QHBoxLayout()
        expiry_row.setContentsMargins(0, 0, 0, 0)
        expiry_row.addWidget(self.expiry_known)
        expiry_row.addWidget(self.expiry, 1)

        self.observations: dict[str, QComboBox] = {}
        names = {  # (object name, label, what exactly is asked)
            "name_matches": (
                "nameMatches",
                self.tr("Name matches"),
                self.tr("The name on the document is the requester's name"),
            ),
            "id_signed": (
                "idSigned",
                self.tr("ID is signed"),
                self.tr("The copy of the document bears its holder's signature"),
            ),
            "signature_consistent": (
                "signatureConsistent",
                self.tr("Signatures agree"),
                self.tr("The request letter's signature is consistent with the one on the ID"),
            ),
            "address_matches": (
                "addressMatches",
                self.tr("Address matches"),
                self.tr("The address matches the requester's address"),
            ),
        }
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Document &type"), self.document_type),
            (self.tr("Issuing cou&ntry"), self.country),
            (self.tr("Num&ber (last 4)"), self.last4),
            ("", self._last4_note),
        ]
        for key in OBSERVATIONS:
            name, _title, question = names[key]
            combo = QComboBox(self)
            combo.setObjectName(name)
            combo.setToolTip(question)
            combo.setAccessibleDescription(question)
            combo.addItem(self.tr("— not checked —"), "")
            combo.addItem(self.tr("Yes"), "yes")
            combo.addItem(self.tr("No"), "no")
            combo.currentIndexChanged.connect(self._changed)
            self.observations[key] = combo
        for label, field in rows:
            if not label:
                form.addRow("", field)
                continue
            title = QLabel(label, self)
            title.setBuddy(field)
            form.addRow(title, field)
        expiry_title = QLabel(self.tr("&Expiry date"), self)
        expiry_title.setBuddy(self.expiry_known)
        form.addRow(expiry_title, expiry_row)
        form.addRow("", self._expiry_warning)
        for key in OBSERVATIONS:
            title = QLabel(names[key][1], self)
            title.setToolTip(names[key][2])
            title.setBuddy(self.observations[key])
            form.addRow(title, self.observations[key])

        self.document_type.currentIndexChanged.connect(self._changed)
        self.country.textChanged.connect(self._changed)
        self.last4.textChanged.connect(self._changed)
        self.expiry.dateChanged.connect(self._changed)

        self._suggestion = wrapped_label(self, "checklistSuggestion")
        # issue 18: fill the form from the ID copy's MRZ (read in memory, nothing kept)
        self._mrz_ctx: Any = None
        self._mrz_source: Callable[[], AttachmentMeta | None] | None = None
        self.read_mrz = QPushButton(self.tr("Read the &MRZ"), self)
        self.read_mrz.setObjectName("readMrzButton")
        self.read_mrz.setToolTip(
            self.tr(
                "Read the machine-readable zone of the selected ID copy and fill the checklist; "
                "nothing of it is stored but what the checklist keeps"
            )
        )
        self.read_mrz.clicked.connect(self.request_mrz)
        self.read_mrz.hide()
        self.mrz_status = wrapped_label(self, "mrzStatus")
        self.mrz_status.hide()
        mrz_row = QHBoxLayout()
        mrz_row.setContentsMargins(0, 0, 0, 0)
        mrz_row.addWidget(self.read_mrz)
        mrz_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(mrz_row)
        layout.addWidget(self.mrz_status)
        layout.addLayout(form)
        layout.addWidget(self._suggestion)

    @property
    def suggestion(self) -> str:
        return self._suggestion.text()

    def set_policy(self, signed_copy_required: bool | None) -> None:
        """Judge the checklist for a controller that does (not) require a signed copy;
        ``None`` when no case is shown (no suggestion then)."""
        self._required = signed_copy_required
        self.update_suggestion()

    def _changed(self) -> None:
        self.update_suggestion()
        self.changed.emit()

    def _upper_country(self, text: str) -> None:
        if text != text.upper():
            position = self.country.cursorPosition()
            self.country.setText(text.upper())
            self.country.setCursorPosition(position)

    def _keep_last4(self, text: str) -> None:
        """Whatever is typed, only the last four characters stay (a whole number is cut)."""
        kept = text[-4:].upper()
        if kept != text:
            self.last4.setText(kept)
        if len(text) > 4:
            self._last4_note.setText(
                self.tr("Only the last four characters are kept; the rest was discarded.")
            )
            self._last4_note.show()

    def _expiry_toggled(self, checked: bool) -> None:
        self.expiry.setEnabled(checked)  # and the form's own state (a disabled form disables it)
        self._changed()

    # --- the MRZ (issue 18) ------------------------------------------------------------------
    def enable_mrz(self, ctx: Any, source: Callable[[], AttachmentMeta | None]) -> None:
        """Offer "Read the MRZ" for the ID copy ``source()`` names (the one on screen)."""
        self._mrz_ctx = ctx
        self._mrz_source = source
        self.read_mrz.show()

    def request_mrz(self) -> None:
        meta = self._mrz_source() if self._mrz_source is not None else None
        if (
            self._mrz_ctx is None
            or meta is None
            or meta.role != AttachmentRole.ID_DOCUMENT
            or meta.destroyed_at is not None
        ):
            self._say_mrz(self.tr("Select a stored ID copy first."))
            return
        self.read_mrz.setEnabled(False)
        self._say_mrz(self.tr("Reading the machine-readable zone…"))
        self._mrz_ctx.db.task(
            _read_mrz_task,
            int(meta.id),
            self._today(),
            on_result=self.apply_mrz,
            on_error=self._mrz_failed,
            owner=self,
        )

    def _say_mrz(self, text: str) -> None:
        self.mrz_status.setText(text)
        self.mrz_status.setVisible(bool(text))

    def _mrz_failed(self, exc: BaseException) -> None:
        self.read_mrz.setEnabled(True)
        if isinstance(exc, KnownError):
            self._say_mrz(describe_error(exc))
        else:
            self._say_mrz("")
            self._mrz_ctx.errors.report(exc)

    def apply_mrz(self, prefill: MrzPrefill) -> None:
        """Fill the form from an MRZ; the DPO confirms or corrects it before recording."""
        self.read_mrz.setEnabled(True)
        index = self.document_type.findData(prefill.document_type)
        if index >= 0:
            self.document_type.setCurrentIndex(index)
        if len(prefill.issuing_country) == 2:
            self.country.setText(prefill.issuing_country)
        self.last4.setText(prefill.last4[-4:])
        if prefill.expiry is not None:
            self.expiry.setDate(_qdate(prefill.expiry))
            self.expiry_known.setChecked(True)
        combo = self.observations["name_matches"]
        value = {True: "yes", False: "no"}.get(prefill.name_matches, "")  # type: ignore[arg-type]
        combo.setCurrentIndex(combo.findData(value))
        lines = [
            self.tr("MRZ: {surname}, {given} — born {birth}; country {country}.").format(
                surname=prefill.surname or "?",
                given=prefill.given_names or "?",
                birth=format_date(prefill.birth_date) if prefill.birth_date else "?",
                country=prefill.issuing_country or "?",
            ),
            prefill.name_detail,
        ]
        if prefill.check_digits_valid:
            lines.append(self.tr("All check digits are valid."))
        else:
            lines.append(
                self.tr("⚠ A check digit FAILED: compare every field with the document by eye.")
            )
        lines += [f"• {p}" for p in (*prefill.notes, *prefill.problems) if p not in lines]
        self._say_mrz("\n".join(lines))

    def reset(self) -> None:
        self.document_type.setCurrentIndex(0)
        self.country.clear()
        self.last4.clear()
        self._last4_note.hide()
        self.expiry_known.setChecked(False)
        self.expiry.setDate(_qdate(self._today()))
        for combo in self.observations.values():
            combo.setCurrentIndex(0)

    def fill_from(self, records: tuple[IdentityRecord, ...]) -> None:
        """Start from the last paper check of the case (more information may have arrived)."""
        self.reset()
        last = next((r for r in reversed(records) if r.method == "paper_checklist"), None)
        if last is None:
            return
        values = last.checklist
        index = self.document_type.findData(str(values.get("document_type") or ""))
        self.document_type.setCurrentIndex(max(0, index))
        self.country.setText(str(values.get("issuing_country") or ""))
        self.last4.setText(last.document_last4)
        expiry = values.get("expiry")
        if expiry:
            try:
                self.expiry.setDate(_qdate(date.fromisoformat(str(expiry))))
                self.expiry_known.setChecked(True)
            except ValueError:
                pass
        for key, combo in self.observations.items():
            value = values.get(key)
            combo.setCurrentIndex(
                combo.findData("yes" if value is True else "no" if value is False else "")
            )

    def checklist(self) -> IdChecklist:
        """What the form says; ``InvalidInput`` when a field is malformed."""
        observed: dict[str, bool | None] = {}
        for key, combo in self.observations.items():
            value = combo.currentData()
            observed[key] = True if value == "yes" else False if value == "no" else None
        return IdChecklist(
            document_type=str(self.document_type.currentData() or ""),
            issuing_country=self.country.text(),
            last4=self.last4.text(),
            expiry=_pydate(self.expiry.date()) if self.expiry_known.isChecked() else None,
            **observed,
        )

    def update_suggestion(self) -> None:
        today = self._today()
        expired = self.expiry_known.isChecked() and _pydate(self.expiry.date()) < today
        if expired:
            self._expiry_warning.setText(
                self.tr("⚠ Expired on {date}: ask for a valid document.").format(
                    date=format_date(_pydate(self.expiry.date()))
                )
            )
            palette = self._expiry_warning.palette()
            palette.setColor(self._expiry_warning.foregroundRole(), accent(Urgency.OVERDUE))
            self._expiry_warning.setPalette(palette)
        self._expiry_warning.setVisible(expired)
        if self._required is None:
            self._suggestion.clear()
            return
        try:
            checklist = self.checklist()
        except KnownError as exc:
            self._suggestion.setText(describe_error(exc))
            return
        assessment = assess(checklist, today, signed_copy_required=self._required)
        lines = [
            self.tr("Suggested outcome: {outcome}").format(
                outcome=identity_outcome_label(assessment.outcome)
            )
        ]
        lines += [f"• {failure}" for failure in assessment.failures]
        lines += [f"• {warning}" for warning in assessment.warnings]
        if assessment.missing:
            lines.append(
                self.tr("Not checked yet: {items}").format(
                    items="; ".join(assessment.missing_labels)
                )
            )
        self._suggestion.setText("\n".join(lines))


def _read_mrz_task(control: Any, cf: Any, attachment_id: int, today: date) -> MrzPrefill:
    """On the task executor: read the MRZ (cancel with the ticket)."""
    return read_case_id_mrz(cf, attachment_id, today=today, cancel=lambda: control.cancelled)
