"""Overview tab: who asks what, by which channel, the status and its allowed moves, the notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.model import CaseStatus
from dpo_desk.core.workflow import TRANSITIONS

from ..app import AppContext
from ..labels import (
    channel_label,
    deadline_left_text,
    format_date,
    kinds_label,
    language_label,
    status_action_label,
    status_label,
)
from ..operations import CaseDetails, add_note, move_status
from .case_view import CaseView

#: The order status buttons appear in (the usual path first).
_MOVE_ORDER = (
    CaseStatus.AWAITING_IDENTITY,
    CaseStatus.IN_PROGRESS,
    CaseStatus.RESPONDED,
    CaseStatus.CLOSED,
    CaseStatus.REJECTED,
    CaseStatus.WITHDRAWN,
)


def _value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    # a long unbroken value (a name, an address) wraps or is cut; it never widens the window
    # and pushes "Move the case" off the screen (the whole value is in the tooltip)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(40)
    return label


class OverviewTab(QScrollArea):
    def __init__(self, ctx: AppContext, view: CaseView) -> None:
        super().__init__(view)
        self.setObjectName("overviewTab")
        self._ctx = ctx
        self._view = view
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)

        facts = QGroupBox(self.tr("Request"), body)
        form = QFormLayout(facts)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, QLabel] = {}
        for key, title in (
            ("reference", self.tr("Reference")),
            ("controller", self.tr("Controller")),
            ("subject", self.tr("Data subject")),
            ("email", self.tr("Email")),
            ("address", self.tr("Address")),
            ("identifiers", self.tr("Personal identifiers")),  # issue 15
            ("kinds", self.tr("Asks for")),
            ("channel", self.tr("Channel")),
            ("received", self.tr("Received")),
            ("due", self.tr("Due")),
            ("postmark", self.tr("Postmark")),
            ("registered", self.tr("Registered mail no.")),
            ("language", self.tr("Language")),
            ("status", self.tr("Status")),
            ("summary", self.tr("Summary")),
        ):
            self._fields[key] = _value_label(facts, f"overview_{key}")
            form.addRow(title, self._fields[key])

        moves = QGroupBox(self.tr("Move the case"), body)
        moves_layout = QVBoxLayout(moves)
        self._buttons_grid = QGridLayout()  # three a row: long labels (Russian) still fit
        moves_layout.addLayout(self._buttons_grid)
        reason_row = QHBoxLayout()
        self._reason = QLineEdit(moves)
        self._reason.setObjectName("statusReason")
        self._reason.setPlaceholderText(self.tr("Reason (for a rejection or withdrawal)"))
        reason_label = QLabel(self.tr("&Reason:"), moves)
        reason_label.setBuddy(self._reason)
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self._reason, 1)
        moves_layout.addLayout(reason_row)
        self._move_message = QLabel(moves)
        self._move_message.setObjectName("statusMessage")
        self._move_message.setWordWrap(True)
        moves_layout.addWidget(self._move_message)
        self._move_buttons: list[QPushButton] = []

        notes = QGroupBox(self.tr("Notes"), body)
        notes_layout = QVBoxLayout(notes)
        self._notes = QListWidget(notes)
        self._notes.setObjectName("notesList")
        self._notes.setWordWrap(True)
        self._notes.setMinimumHeight(80)
        self._note_edit = QPlainTextEdit(notes)
        self._note_edit.setObjectName("noteEdit")
        self._note_edit.setPlaceholderText(
            self.tr("A note for the file (who called, what was checked…)")
        )
        self._note_edit.setMaximumHeight(80)
        self._note_edit.setTabChangesFocus(True)
        self._add_note = QPushButton(self.tr("&Add note"), notes)
        self._add_note.setObjectName("addNoteButton")
        self._add_note.clicked.connect(self._on_add_note)
        self._note_message = QLabel(notes)
        self._note_message.setObjectName("noteMessage")
        self._note_message.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self._note_message, 1)
        add_row.addWidget(self._add_note)
        notes_layout.addWidget(self._notes)
        notes_layout.addWidget(self._note_edit)
        notes_layout.addLayout(add_row)

        side = QVBoxLayout()
        side.addWidget(moves)
        side.addWidget(notes, 1)
        layout = QHBoxLayout(body)
        layout.addWidget(facts, 1)
        layout.addLayout(side, 1)

    def tab_title(self) -> str:
        return self.tr("&Overview")

    # --- showing ---------------------------------------------------------------------------
    def show_details(self, details: CaseDetails) -> None:
        case = details.case
        subject = case.subject
        values = {
            "reference": case.reference,
            "controller": details.controller.name,
            "subject": subject.name,
            "email": subject.email or "—",
            "address": subject.address or "—",
            "identifiers": ", ".join(
                f"{label} {value}"
                for label, value in (
                    ("SNILS", subject.snils),
                    ("INN", subject.inn),
                    ("IIN", subject.iin),
                )
                if value
            )
            or "—",
            "kinds": kinds_label([str(k) for k in case.kinds]),
            "channel": channel_label(str(case.channel)),
            "received": format_date(case.received),
            "due": self._due_text(details),
            "postmark": format_date(case.postmark) if case.postmark else "—",
            "registered": case.registered_no or "—",
            "language": language_label(case.language),
            "status": status_label(str(case.status)),
            "summary": case.summary or "—",
        }
        for key, value in values.items():
            self._fields[key].setText(value)
            self._fields[key].setToolTip(value if len(value) > 40 else "")
        self._rebuild_moves(case.status)
        self._notes.clear()
        for note in details.notes:
            stamp = format_date(note.created_at.astimezone().date())
            QListWidgetItem(f"{stamp}  {note.text}", self._notes)
        self._move_message.clear()

    def _due_text(self, details: CaseDetails) -> str:
        """The governing due date and what is left, counted as the deadlines tab counts."""
        governing = details.deadlines.governing if details.deadlines else None
        if governing is None:
            return "—"
        text = self.tr("{date} ({regime})").format(
            date=format_date(governing.due), regime=governing.jurisdiction
        )
        status = details.deadline_status
        if status is not None and details.case.status.is_open:
            text += " · " + deadline_left_text(status.state, status.days_left, status.unit)
        return text

    def clear(self) -> None:
        for label in self._fields.values():
            label.clear()
        self._notes.clear()
        self._note_edit.clear()
        self._reason.clear()
        self._note_message.clear()
        self._move_message.clear()
        self._rebuild_moves(None)

    def _rebuild_moves(self, status: CaseStatus | None) -> None:
        for button in self._move_buttons:
            # it may be the button being clicked: take it out now, delete it later
            self._buttons_grid.removeWidget(button)
            button.hide()
            button.setObjectName("")
            button.deleteLater()
        self._move_buttons = []
        if status is None:
            return
        allowed = TRANSITIONS[status]
        for target in _MOVE_ORDER:
            if target not in allowed:
                continue
            button = QPushButton(status_action_label(str(target)), self)
            button.setObjectName(f"status_{target.value}")
            button.clicked.connect(lambda _=False, t=target: self._move(t))
            count = len(self._move_buttons)
            self._buttons_grid.addWidget(button, count // 3, count % 3)
            self._move_buttons.append(button)

    # --- acting ----------------------------------------------------------------------------
    def move_buttons(self) -> list[QPushButton]:
        return list(self._move_buttons)

    def _move(self, target: CaseStatus, without_reply: str = "") -> None:
        reason = self._reason.text().strip()
        self._move_message.clear()

        def done(_details: CaseDetails) -> None:
            self._reason.clear()

        def failed(exc: BaseException) -> bool:
            # the case service's rule: no reply letter -> ask why, stating the consequence
            from dpo_desk.services.cases import NoReplyLetter

            if not isinstance(exc, NoReplyLetter) or without_reply:
                return False
            self._ask_without_reply(target)
            return True

        self._view.apply(
            move_status,
            target,
            reason,
            without_reply,
            on_known_error=self._move_message.setText,
            on_done=done,
            on_error=failed,
        )

    def _ask_without_reply(self, target: CaseStatus) -> None:
        from ..dialogs.without_reply import WithoutReplyDialog

        details = self._view.details
        dialog = WithoutReplyDialog(
            self,
            reference=details.case.reference if details is not None else "",
            status=status_label(str(target)),
            on=format_date(self._ctx.today()),
            closing=target == CaseStatus.CLOSED,
            on_reason=lambda why: self._move(target, why),
        )
        dialog.open()

    def _on_add_note(self) -> None:
        text = self._note_edit.toPlainText().strip()
        if not text:
            self._note_message.setText(self.tr("Write the note first."))
            return
        self._note_message.clear()

        def done(_details: CaseDetails) -> None:
            self._note_edit.clear()

        self._view.apply(add_note, text, on_known_error=self._note_message.setText, on_done=done)
