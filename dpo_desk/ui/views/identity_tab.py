"""Identity tab: the paper checklist beside the ID scans, signature checks, the copies' fate.

- The controller's verification policy, with where it is stricter than its law allows and the
  Kazakh warning about ID copies (``identity.policy``).
- The checklist of what the DPO saw on the ID copy (document type, issuing country, the last
  four characters of the number only, expiry, name, signatures, address) next to the scans in a
  :class:`DocumentViewer` with zoom, in a splitter. ``identity.checklist.assess`` suggests an
  outcome as the DPO fills it in; the DPO decides: *verified*, *more information needed* (the
  service pauses the deadline; the tab offers the letter asking for it) or *failed* (it offers
  the refusal letter). Letters are written in the letters tab: :attr:`write_letter_requested`.
- "Verify signature" on a signed PDF, a ``.p7s`` with the file it signs, or an S/MIME email:
  a long job with a busy indicator; the results per signature with a verdict in plain words.
- "Destroy ID copies" once identity is settled, after a confirmation that says what remains.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import AttachmentMeta, AttachmentRole
from dpo_desk.services.records import IdentityRecord

from ..app import AppContext
from ..errors import describe_error
from ..i18n import tr_message  # issue 14: service messages in the UI language
from ..labels import (
    attachment_role_label,
    format_date,
    format_moment,
    format_size,
    identity_method_label,
    identity_outcome_label,
    proof_label,
    retention_label,
)
from ..models.verifications import RECORD_ROLE, VerificationsModel
from ..operations import (
    CaseDetails,
    Changed,
    IdentityState,
    attachment_bytes,
    destroy_copies,
    is_signature_file,
    load_identity,
    override_signature,
    record_identity_check,
)
from ..style import Urgency, accent
from .case_view import CaseView
from .correspondence_tab import destroyed_text
from .id_checklist import ChecklistForm, wrapped_label
from .lazy import LazyLoader
from .signature_results import SignatureChecker, SignatureResults, make_progress
from .viewer import DocumentViewer

if TYPE_CHECKING:
    from dpo_desk.identity.service import CheckResult

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class DestroyCopiesDialog(QDialog):
    """Asks before the ID copies go, and says what remains of them."""

    def __init__(self, count: int, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destroyCopiesDialog")
        self.setWindowTitle(self.tr("Destroy the ID copies?"))
        what = QLabel(
            self.tr(
                "The ID copies of case {reference} (%n file(s)) will be destroyed for good: "
                "their content is erased from the case file and cannot be recovered.",
                "",
                count,
            ).format(reference=reference),
            self,
        )
        what.setWordWrap(True)
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        remains = QLabel(
            self.tr(
                "What remains: the verification record (how identity was checked, the outcome, "
                "the document type and the last four characters of its number) and each copy's "
                "SHA-256 hash, so you can still show which copy was checked. The audit log "
                "records the destruction and its reason."
            ),
            self,
        )
        remains.setObjectName("destroyRemains")
        remains.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("destroyReason")
        self.reason.setText(self.tr("Identity settled; the copy is no longer needed."))
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        self._message = QLabel(self)
        self._message.setObjectName("destroyMessage")
        self._message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.destroy_button = buttons.addButton(
            self.tr("&Destroy for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.destroy_button.setObjectName("confirmDestroy")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.destroy_button.clicked.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(remains)
        layout.addLayout(row)
        layout.addWidget(self._message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _confirm(self) -> None:
        if not self.reason.text().strip():
            self._message.setText(self.tr("Say why the copies are destroyed."))
            return
        self.accept()


class OverrideSignatureDialog(QDialog):
    """Accept a signature check the rules left open (its signer did not match the subject, or
    only part of the file is signed): the DPO's reason is recorded and audited."""

    def __init__(self, check_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideSignatureDialog")
        self.setWindowTitle(self.tr("Accept this signature as proof of identity?"))
        what = QLabel(
            self.tr(
                "Signature check {check} did not settle identity by itself. Accept it only if "
                "you are sure the data subject signed (for example, the name is written in a "
                "way DPO Desk does not recognise). Your reason is kept in the record and the "
                "audit log."
            ).format(check=check_id),
            self,
        )
        what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("overrideReason")
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        self._message = QLabel(self)
        self._message.setObjectName("overrideMessage")
        self._message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(
            self.tr("&Accept as verified"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setObjectName("confirmOverride")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.accept_button.clicked.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(row)
        layout.addWidget(self._message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _confirm(self) -> None:
        if len(self.reason.text().strip()) < 15:
            self._message.setText(self.tr("Write why you accept this signature (a sentence)."))
            return
        self.accept()


class IdentityTab(QWidget):
    #: The DPO wants to write a letter of this kind ("identity_request", "refusal").
    write_letter_requested = Signal(str)

    def __init__(self, ctx: AppContext, view: CaseView) -> None:
        super().__init__(view)
        self.setObjectName("identityTab")
        self._ctx = ctx
        self._view = view
        self._case_id: int | None = None
        self._state: IdentityState | None = None
        self._generation = 0  # a newer load of the tab's state wins
        self._scan_generation = 0  # a newer choice of scan wins
        self._shown_scan: int | None = None
        self._filled_for: int | None = None  # the case whose last checklist filled the form
        self._proposal: str = ""
        self._loader = LazyLoader(self, self._load)

        form_scroll = QScrollArea(self)
        form_scroll.setObjectName("identityForm")
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(form_scroll)
        form_scroll.setWidget(body)

        self._status = wrapped_label(body, "identityStatus")
        font = self._status.font()
        font.setBold(True)
        self._status.setFont(font)

        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self._status)
        body_layout.addWidget(self._build_policy(body))
        body_layout.addWidget(self._build_checklist(body))
        body_layout.addWidget(self._build_signatures(body))
        body_layout.addWidget(self._build_records(body))
        body_layout.addStretch(1)

        scans = self._build_scans(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("identitySplitter")
        self.splitter.addWidget(form_scroll)
        self.splitter.addWidget(scans)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._set_enabled(False)

    # --- building --------------------------------------------------------------------------
    def _build_policy(self, parent: QWidget) -> QGroupBox:
        self._policy_box = QGroupBox(self.tr("Verification policy"), parent)
        self._policy_box.setObjectName("identityPolicy")
        self._policy = wrapped_label(self._policy_box, "policyText")
        self._policy_warnings = wrapped_label(self._policy_box, "policyWarnings")
        self._id_copy_warning = wrapped_label(self._policy_box, "idCopyWarning")
        layout = QVBoxLayout(self._policy_box)
        layout.addWidget(self._policy)
        layout.addWidget(self._policy_warnings)
        layout.addWidget(self._id_copy_warning)
        return self._policy_box

    def _build_checklist(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("ID document checklist"), parent)
        box.setObjectName("identityChecklist")
        self.checklist_form = ChecklistForm(self._ctx.today, box)
        self.checklist_form.enable_mrz(self._ctx, self._scan_on_screen)  # issue 18
        self.request_more = QLineEdit(box)
        self.request_more.setObjectName("requestMore")
        self.request_more.setPlaceholderText(
            self.tr("What to ask for, if more information is needed (optional)")
        )
        self._outcome_buttons: dict[str, QPushButton] = {}
        outcome_row = QHBoxLayout()
        outcome_row.setContentsMargins(0, 0, 0, 0)
        for outcome, text in (
            ("verified", self.tr("&Verified")),
            ("more_information_needed", self.tr("&More information needed")),
            ("failed", self.tr("F&ailed")),
        ):
            button = QPushButton(text, box)
            button.setObjectName(f"outcome_{outcome}")
            button.clicked.connect(lambda _=False, o=outcome: self.record_outcome(o))
            self._outcome_buttons[outcome] = button
            outcome_row.addWidget(button)
        outcome_row.addStretch(1)
        self._message = wrapped_label(box, "identityMessage")
        self._proposal_text = wrapped_label(box, "proposalText")
        self.write_letter = QPushButton(box)
        self.write_letter.setObjectName("writeLetterButton")
        self.write_letter.clicked.connect(self._on_write_letter)
        proposal_row = QHBoxLayout()
        proposal_row.setContentsMargins(0, 0, 0, 0)
        proposal_row.addWidget(self._proposal_text, 1)
        proposal_row.addWidget(self.write_letter, 0, Qt.AlignmentFlag.AlignTop)
        self._hide_proposal()

        layout = QVBoxLayout(box)
        layout.addWidget(self.checklist_form)
        layout.addWidget(self.request_more)
        layout.addLayout(outcome_row)
        layout.addWidget(self._message)
        layout.addLayout(proposal_row)
        return box

    def _build_signatures(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Electronic signature"), parent)
        box.setObjectName("identitySignatures")
        self.signature_file = QComboBox(box)
        self.signature_file.setObjectName("signatureFile")
        self.signature_file.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.signature_file.setMinimumContentsLength(20)
        self.signature_file.currentIndexChanged.connect(self._signature_file_changed)
        self.signed_file = QComboBox(box)
        self.signed_file.setObjectName("signedFile")
        self.signed_file.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.signed_file.setMinimumContentsLength(20)
        self._signed_label = QLabel(self.tr("Signed &file:"), box)
        self._signed_label.setBuddy(self.signed_file)
        self.verify_button = QPushButton(self.tr("Verify &signature"), box)
        self.verify_button.setObjectName("verifySignatureButton")
        self.verify_button.setToolTip(
            self.tr(
                "Check the signature against your trust store (offline); the result is recorded "
                "as a verification of identity"
            )
        )
        self.verify_button.clicked.connect(self.verify_signature)
        self._progress = make_progress(box, "identityProgress")
        self._checker = SignatureChecker(self._ctx, self._view, self._progress)
        self._checker.finished.connect(self._update_verify)
        self._signature_message = wrapped_label(box, "signatureMessage")
        self._no_signable = wrapped_label(box, "noSignable")
        self._no_signable.setText(
            self.tr("No signed PDF, signature file or S/MIME email is attached to this case.")
        )
        self._no_signable.hide()
        self.results = SignatureResults(box, "identitySignature")

        file_label = QLabel(self.tr("Si&gned file or email:"), box)
        file_label.setBuddy(self.signature_file)
        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        grid.addRow(file_label, self.signature_file)
        grid.addRow(self._signed_label, self.signed_file)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.verify_button)
        row.addWidget(self._progress)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addLayout(row)
        layout.addWidget(self._no_signable)
        layout.addWidget(self._signature_message)
        layout.addWidget(self.results)
        self._signed_label.hide()
        self.signed_file.hide()
        return box

    def _build_records(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Verification records"), parent)
        box.setObjectName("identityRecords")
        self.records_model = VerificationsModel(self)
        self.records = QTableView(box)
        self.records.setObjectName("verificationsTable")
        self.records.setModel(self.records_model)
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.verticalHeader().hide()
        self.records.setWordWrap(False)
        header = self.records.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.records.selectionModel().selectionChanged.connect(self._record_selected)
        hint = QLabel(self.tr("Select a signature check to see its results above."), box)
        hint.setWordWrap(True)
        self.override_button = QPushButton(self.tr("A&ccept this signature…"), box)
        self.override_button.setObjectName("overrideSignature")
        self.override_button.setToolTip(
            self.tr(
                "Settle identity with the selected signature check although DPO Desk could not "
                "tie its signer to the data subject (your written reason is recorded)"
            )
        )
        self.override_button.setEnabled(False)
        self.override_button.clicked.connect(self.override_signature)
        self._override_message = wrapped_label(box, "overrideResult")
        layout = QVBoxLayout(box)
        layout.addWidget(self.records)
        layout.addWidget(hint)
        layout.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._override_message)
        return box

    def _build_scans(self, parent: QWidget) -> QWidget:
        pane = QWidget(parent)
        pane.setObjectName("identityScansPane")
        title = QLabel(self.tr("ID copies and letter scans"), pane)
        self.scans = QListWidget(pane)
        self.scans.setObjectName("identityScans")
        self.scans.setAccessibleName(self.tr("ID copies and letter scans"))
        line = self.scans.fontMetrics().lineSpacing()
        self.scans.setMinimumHeight(line * 2 + 8)
        self.scans.setMaximumHeight(line * 4 + 12)
        self.scans.currentItemChanged.connect(self._scan_selected)
        self.viewer = DocumentViewer(pane, "identityViewer")
        self.viewer.setMinimumWidth(280)
        self.viewer.saved.connect(
            lambda path: self._destroy_hint.setText(
                self.tr("Saved a copy to {path}.").format(path=path)
            )
        )
        self.viewer.save_failed.connect(lambda text: self._destroy_hint.setText(text))
        self.destroy_button = QPushButton(self.tr("Destroy ID co&pies…"), pane)
        self.destroy_button.setObjectName("destroyIdCopies")
        self.destroy_button.clicked.connect(self.destroy_copies)
        self._destroy_hint = wrapped_label(pane, "destroyHint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.destroy_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._destroy_hint, 1)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.scans)
        layout.addWidget(self.viewer, 1)
        layout.addLayout(row)
        return pane

    def tab_title(self) -> str:
        return self.tr("&Identity")

    # --- loading ---------------------------------------------------------------------------
    @property
    def state(self) -> IdentityState | None:
        return self._state

    def show_details(self, details: CaseDetails) -> None:
        if details.case_id != self._case_id:
            self._forget()
            self._case_id = details.case_id
        self._loader.request()

    def clear(self) -> None:
        self._loader.cancel()
        self._case_id = None
        self._forget()
        self._checker.reset()
        self.checklist_form.reset()
        self.request_more.clear()
        self._filled_for = None
        self._set_enabled(False)

    def _forget(self) -> None:
        self._generation += 1
        self._scan_generation += 1
        self._state = None
        self.checklist_form.set_policy(None)
        self._shown_scan = None
        self._status.clear()
        self._policy.clear()
        self._policy_warnings.clear()
        self._id_copy_warning.clear()
        self._message.clear()
        self._signature_message.clear()
        self._no_signable.hide()
        self._hide_proposal()
        self.results.clear()
        self.records_model.clear()
        self.scans.clear()
        self.viewer.clear()
        self.signature_file.clear()
        self.signed_file.clear()
        self._destroy_hint.clear()

    def reload(self) -> None:
        self._load()

    def _load(self) -> None:
        if self._case_id is None:
            return
        self._generation += 1
        generation = self._generation
        self._ctx.db.run(
            load_identity,
            self._case_id,
            on_result=lambda state: self._loaded(generation, state),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    def _loaded(self, generation: int, state: IdentityState) -> None:
        if generation != self._generation:
            return
        self._state = state
        self._set_enabled(True)
        self._show_status(state)
        self._show_policy(state)
        if self._filled_for != state.overview.case_id:
            self.checklist_form.fill_from(state.overview.records)
            self.request_more.clear()
            self._filled_for = state.overview.case_id
        self.checklist_form.set_policy(state.controller.verification.requires_signed_id_copy)
        self.records_model.set_records(state.overview.records)
        self.records.resizeColumnsToContents()
        self._fit_records()
        self._show_signables(state)
        self._show_scans(state)
        self._update_destroy(state)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.checklist_form, self.request_more, *self._outcome_buttons.values()):
            widget.setEnabled(enabled)
        if not enabled:
            self.verify_button.setEnabled(False)
            self.destroy_button.setEnabled(False)

    # --- status and policy -----------------------------------------------------------------
    def _show_status(self, state: IdentityState) -> None:
        overview = state.overview
        settled = next(
            (r for r in reversed(overview.records) if r.outcome in ("verified", "failed")), None
        )
        if settled is not None:
            text = self.tr("Identity {outcome} on {date} ({method}).").format(
                outcome=identity_outcome_label(settled.outcome).lower(),
                date=format_date(settled.checked_at.astimezone().date()),
                method=identity_method_label(settled.method),
            )
        elif overview.pause_open_since is not None:
            text = self.tr(
                "More information was asked for on {date}: the deadline is paused until it arrives."
            ).format(date=format_date(overview.pause_open_since))
        elif overview.records:
            text = self.tr("Identity not settled yet: more information is needed.")
        else:
            text = self.tr("Identity not checked yet.")
        self._status.setText(text)

    def _show_policy(self, state: IdentityState) -> None:
        controller = state.controller
        policy = controller.verification
        self._policy_box.setTitle(
            self.tr("Verification policy of {controller}").format(controller=controller.name)
        )
        accepted = " · ".join(proof_label(m) for m in policy.accepted) or "—"
        lines = [self.tr("Accepts: {proofs}").format(proofs=accepted)]
        if policy.requires_signed_id_copy:
            lines.append(self.tr("Requires a signed copy of an ID document for every request."))
        lines.append(retention_label(state.overview.retention))
        self._policy.setText("\n".join(lines))
        warnings = []
        for warning in state.policy_warnings:
            where = f" [{warning.citation}]" if warning.citation else ""
            prefix = f"{warning.jurisdiction}: " if warning.jurisdiction else ""
            warnings.append(f"⚠ {prefix}{tr_message(warning.message)}{where}")
        if warnings:
            warnings.insert(0, self.tr("Stricter than the law allows, or inconsistent:"))
        self._policy_warnings.setText("\n".join(warnings))
        self._policy_warnings.setVisible(bool(warnings))
        warning_text = state.overview.id_copy_warning
        if warning_text:
            self._id_copy_warning.setText(
                self.tr("⚠ ID copies: {warning}").format(warning=tr_message(warning_text))
            )
            self._paint(self._id_copy_warning, True)
        else:
            self._id_copy_warning.clear()
        self._id_copy_warning.setVisible(bool(warning_text))

    def _paint(self, label: QLabel, alert: bool) -> None:
        palette = label.palette()
        palette.setColor(
            label.foregroundRole(),
            accent(Urgency.OVERDUE) if alert else self.palette().color(self.foregroundRole()),
        )
        label.setPalette(palette)

    # --- checklist -------------------------------------------------------------------------
    def record_outcome(self, outcome: str) -> None:
        """Record the checklist with the DPO's outcome (the buttons call this)."""
        if self._state is None:
            return
        self._message.clear()
        self._hide_proposal()
        try:
            checklist = self.checklist_form.checklist()
        except KnownError as exc:
            self._message.setText(describe_error(exc))
            return
        request_more = self.request_more.text().strip()

        def done(result: Changed[CheckResult]) -> None:
            self.request_more.clear()
            self._show_result(result.value)

        self._view.apply(
            record_identity_check,
            checklist,
            outcome,
            request_more,
            on_known_error=self._message.setText,
            on_done=done,
        )

    def _show_result(self, result: CheckResult) -> None:
        lines = [
            self.tr("Recorded: {outcome}.").format(
                outcome=identity_outcome_label(result.record.outcome)
            )
        ]
        if result.pause == "started":
            lines.append(
                self.tr(
                    "The deadline is paused from today until the requested information arrives."
                )
            )
        elif result.pause == "continued":
            lines.append(self.tr("An identity request was already open: its pause continues."))
        elif result.pause == "ended":
            lines.append(self.tr("The identity pause ended today."))
        if result.destroyed:
            lines.append(
                self.tr(
                    "ID copies destroyed as the controller's policy requires: %n file(s); "
                    "their hashes are kept in the record.",
                    "",
                    len(result.destroyed),
                )
            )
        lines += [f"• {note}" for note in result.notes]
        self._message.setText("\n".join(lines))
        proposal = result.proposal
        if proposal is None:
            return
        self._proposal = proposal.letter_kind
        if proposal.letter_kind == "refusal":
            intro = self.tr("A refusal letter should explain:")
            self.write_letter.setText(self.tr("Write the &refusal letter…"))
        else:
            intro = self.tr("A letter should ask the requester for:")
            self.write_letter.setText(self.tr("Write the letter as&king for it…"))
        text = [intro, *(f"• {reason}" for reason in proposal.reasons)]
        text += [f"ⓘ {note}" for note in proposal.notes]
        self._proposal_text.setText("\n".join(text))
        self._proposal_text.show()
        self.write_letter.show()

    def _hide_proposal(self) -> None:
        self._proposal = ""
        self._proposal_text.clear()
        self._proposal_text.hide()
        self.write_letter.hide()

    def _on_write_letter(self) -> None:
        if self._proposal:
            self.write_letter_requested.emit(self._proposal)

    @property
    def proposal(self) -> str:
        """The letter kind the last outcome calls for ("" when none)."""
        return self._proposal

    # --- verification records --------------------------------------------------------------
    def _fit_records(self) -> None:
        rows = max(2, min(6, self.records_model.rowCount()))
        height = self.records.horizontalHeader().sizeHint().height()
        height += rows * self.records.verticalHeader().defaultSectionSize()
        height += self.records.horizontalScrollBar().sizeHint().height()
        self.records.setFixedHeight(height + 2 * self.records.frameWidth() + 2)

    def _selected_record(self) -> IdentityRecord | None:
        rows = self.records.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.records_model.data(rows[0], RECORD_ROLE)
        return record if isinstance(record, IdentityRecord) else None

    def _record_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        record = self._selected_record()
        self.override_button.setEnabled(
            record is not None
            and record.signature_report is not None
            and record.outcome == "more_information_needed"
        )
        if record is None or record.signature_report is None:
            return
        heading = self.tr("{method} checked {moment}:").format(
            method=identity_method_label(record.method), moment=format_moment(record.checked_at)
        )
        self.results.show_report(record.signature_report, heading)

    def override_signature(self) -> OverrideSignatureDialog | None:
        """Ask for the reason, then accept the selected signature check (the button calls this)."""
        record = self._selected_record()
        if record is None or record.signature_report is None:
            return None
        dialog = OverrideSignatureDialog(record.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        check_id = record.id
        dialog.accepted.connect(lambda: self._override(check_id, dialog.reason.text().strip()))
        dialog.open()
        return dialog

    def _override(self, check_id: int, reason: str) -> None:
        def done(result: Changed[int]) -> None:
            self._override_message.setText(
                self.tr("Identity verified by your decision (record {record}).").format(
                    record=result.value
                )
            )

        self._view.apply(
            override_signature,
            check_id,
            reason,
            on_known_error=self._override_message.setText,
            on_done=done,
        )

    # --- signatures ------------------------------------------------------------------------
    def _file_text(self, meta: AttachmentMeta) -> str:
        if meta.role == AttachmentRole.EMAIL:
            return self.tr("Email: {name}").format(name=meta.filename)
        return f"{attachment_role_label(str(meta.role))}: {meta.filename}"

    def _show_signables(self, state: IdentityState) -> None:
        current = self.signature_file.currentData()
        self.signature_file.blockSignals(True)
        self.signature_file.clear()
        for meta in state.signable:
            self.signature_file.addItem(self._file_text(meta), meta.id)
        index = self.signature_file.findData(current) if current is not None else -1
        self.signature_file.setCurrentIndex(max(0, index) if state.signable else -1)
        self.signature_file.blockSignals(False)
        self._no_signable.setVisible(not state.signable)
        self._signature_file_changed()

    def _meta(self, attachment_id: Any) -> AttachmentMeta | None:
        if self._state is None or attachment_id is None:
            return None
        known = (*self._state.signable, *self._state.files)
        return next((a for a in known if a.id == attachment_id), None)

    def _signature_file_changed(self, _index: int = -1) -> None:
        meta = self._meta(self.signature_file.currentData())
        detached = meta is not None and is_signature_file(meta)
        self._signed_label.setVisible(detached)
        self.signed_file.setVisible(detached)
        self.signed_file.clear()
        if detached and meta is not None and self._state is not None:
            self.signed_file.addItem(self.tr("— none: the signature holds its content —"), None)
            stem = PurePath(meta.filename).stem.lower()
            best = 0
            for other in self._state.files:
                if other.id == meta.id or is_signature_file(other):
                    continue
                self.signed_file.addItem(self._file_text(other), other.id)
                name = other.filename.lower()
                if best == 0 and (name == stem or PurePath(name).stem == stem):
                    best = self.signed_file.count() - 1
            self.signed_file.setCurrentIndex(best)
        self._update_verify()

    def _update_verify(self) -> None:
        meta = self._meta(self.signature_file.currentData())
        self.verify_button.setEnabled(meta is not None and not self._checker.busy)

    def verify_signature(self) -> None:
        attachment_id = self.signature_file.currentData()
        if attachment_id is None:
            self._signature_message.setText(self.tr("Choose a signed file or email first."))
            return
        detached = self.signed_file.currentData() if self.signed_file.isVisible() else None
        meta = self._meta(attachment_id)
        self._signature_message.clear()
        self.results.clear()

        def done(report: dict[str, Any]) -> None:
            name = meta.filename if meta is not None else ""
            self.results.show_report(report, self.tr("{name}:").format(name=name))
            self._signature_message.setText(self.tr("The check was recorded below."))

        started = self._checker.start(
            int(attachment_id),
            int(detached) if detached is not None else None,
            on_done=done,
            on_message=self._signature_message.setText,
        )
        if not started:
            self._signature_message.setText(self.tr("A signature check is still running."))
        self._update_verify()

    @property
    def checking(self) -> bool:
        return self._checker.busy

    # --- scans -----------------------------------------------------------------------------
    def _show_scans(self, state: IdentityState) -> None:
        keep = self._shown_scan
        self.scans.blockSignals(True)
        self.scans.clear()
        for meta in state.scans:
            role = attachment_role_label(str(meta.role))
            if meta.destroyed_at is not None:
                text = self.tr("{role} — {name}: destroyed on {date} (hash kept)").format(
                    role=role,
                    name=meta.filename,
                    date=format_date(meta.destroyed_at.astimezone().date()),
                )
            else:
                text = f"{role} — {meta.filename} ({format_size(meta.size)})"
            item = QListWidgetItem(text, self.scans)
            item.setData(ATTACHMENT_ROLE, meta.id)
            item.setToolTip(f"SHA-256 {meta.sha256}")
        if not state.scans:
            self.scans.blockSignals(False)
            self._shown_scan = None
            self.viewer.show_message(self.tr("No ID copy or letter scan is stored on this case."))
            return
        ids = [m.id for m in state.scans]
        if keep in ids:
            row = ids.index(keep)
        else:  # the first live ID copy, else the first scan
            row = next(
                (
                    i
                    for i, m in enumerate(state.scans)
                    if m.role == AttachmentRole.ID_DOCUMENT and m.destroyed_at is None
                ),
                0,
            )
        self.scans.setCurrentRow(row)
        self.scans.blockSignals(False)
        self._scan_selected(self.scans.currentItem(), None)

    def _scan_on_screen(self) -> AttachmentMeta | None:
        if self._state is None:
            return None
        return next((m for m in self._state.scans if m.id == self._shown_scan), None)

    def _scan_selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or self._state is None:
            return
        attachment_id = current.data(ATTACHMENT_ROLE)
        meta = next((m for m in self._state.scans if m.id == attachment_id), None)
        if meta is None:
            return
        same = self._shown_scan == meta.id and meta.destroyed_at is None and self.viewer.kind
        self._shown_scan = meta.id
        if same:
            return  # the same scan is on screen: keep its zoom and page
        self._scan_generation += 1
        generation = self._scan_generation
        if meta.destroyed_at is not None:
            self.viewer.show_message(destroyed_text(meta))
            return
        self.viewer.show_message(self.tr("Reading {name}…").format(name=meta.filename))
        self._ctx.db.run(
            attachment_bytes,
            meta.id,
            on_result=lambda data: self._show_scan_bytes(generation, meta, data),
            on_error=lambda exc: self._scan_failed(generation, exc),
            owner=self,
        )

    def _show_scan_bytes(self, generation: int, meta: AttachmentMeta, data: bytes) -> None:
        if generation == self._scan_generation:
            self.viewer.show_document(data, meta.media_type, meta.filename)

    def _scan_failed(self, generation: int, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            self._ctx.errors.report(exc)
        elif generation == self._scan_generation:
            self.viewer.show_message(describe_error(exc, self._ctx.session.path))

    # --- destroying ------------------------------------------------------------------------
    def _live_copies(self) -> list[AttachmentMeta]:
        if self._state is None:
            return []
        return [a for a in self._state.overview.id_copies if a.destroyed_at is None]

    def _update_destroy(self, state: IdentityState) -> None:
        live = self._live_copies()
        overview = state.overview
        allowed = overview.destroy_allowed and bool(live)
        self.destroy_button.setEnabled(allowed)
        if not live:
            gone = [a for a in overview.id_copies if a.destroyed_at is not None]
            text = (
                self.tr("The ID copies were destroyed; their hashes are kept.")
                if gone
                else self.tr("No ID copy is stored on this case.")
            )
        elif not overview.destroy_allowed:
            text = self.tr(
                "ID copies can be destroyed once identity is settled (verified or failed) or "
                "the case is closed."
            )
        elif overview.retention == "on_verified":
            text = self.tr("This controller destroys ID copies as soon as identity is settled.")
        else:
            text = self.tr(
                "Identity is settled. This controller keeps ID copies until the case closes; "
                "you may destroy them now."
            )
        self._destroy_hint.setText(text)
        self.destroy_button.setToolTip(text)

    def destroy_copies(self) -> DestroyCopiesDialog | None:
        """Ask, then destroy the case's ID copies (the button calls this)."""
        live = self._live_copies()
        if not live or self._state is None:
            return None
        dialog = DestroyCopiesDialog(len(live), self._state.overview.reference, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._destroy(dialog.reason.text().strip()))
        dialog.open()
        return dialog

    def _destroy(self, reason: str) -> None:
        def done(result: Changed[list[Any]]) -> None:
            self._destroy_hint.setText(
                self.tr(
                    "ID copies destroyed: %n file(s); the verification record keeps their hashes.",
                    "",
                    len(result.value),
                )
            )

        self._view.apply(
            destroy_copies, reason, on_known_error=self._destroy_hint.setText, on_done=done
        )
