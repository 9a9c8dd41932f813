"""Correspondence tab: incoming emails (with their attachments) and scans, outgoing letters.

The list (``CorrespondenceModel``) holds facts only; the bytes of an item are read from the case
file when the DPO selects it and shown from memory: an email's headers and text (plain text,
never rendered HTML), a scan or a PDF in a :class:`DocumentViewer`. A destroyed ID copy shows
when it was destroyed and the hash that was kept, never content. "Add scans…" stores more scans
on the case; an S/MIME-signed email offers "Verify signature" (recorded as a verification).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import AttachmentMeta, AttachmentRole
from dpo_desk.services.records import EmailRecord

from ..app import AppContext
from ..dialogs.scans import AddScansDialog
from ..errors import describe_error
from ..labels import attachment_role_label, format_date, format_moment, letter_kind_label
from ..models.correspondence import CorrespondenceItem, CorrespondenceModel
from ..operations import (
    CaseDetails,
    Correspondence,
    attachment_bytes,
    letter_pdf,
    load_correspondence,
    mark_id_copy,
)
from .case_view import CaseView
from .lazy import LazyLoader
from .scan_text import ScanTextPane
from .signature_results import SignatureChecker, SignatureResults, make_progress
from .viewer import DocumentViewer


def destroyed_text(meta: AttachmentMeta) -> str:
    """What is left of a destroyed copy: when it went, and its hash."""
    assert meta.destroyed_at is not None
    return QCoreApplication.translate(
        "CorrespondenceTab",
        "{role} “{name}” was destroyed on {date} (hash kept).\n"
        "Its content is gone for good; the verification record keeps its SHA-256:\n{sha256}",
    ).format(
        role=attachment_role_label(str(meta.role)),
        name=meta.filename,
        date=format_date(meta.destroyed_at.astimezone().date()),
        sha256=meta.sha256,
    )


class EmailPane(QScrollArea):
    """An email's headers and text body, read-only; a signature check's results below.

    It scrolls as a whole when the pane is short (the window's default height), so that the
    headers, the text and the verdict never overlap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, title in (
            ("from", self.tr("From")),
            ("subject", self.tr("Subject")),
            ("date", self.tr("Date")),
            ("message_id", self.tr("Message-ID")),
            ("signature", self.tr("Signature")),
            ("attachments", self.tr("Attachments")),
        ):
            label = QLabel(body)
            label.setObjectName(f"email_{key}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.fields[key] = label
            form.addRow(title, label)
        self.body = QPlainTextEdit(body)
        self.body.setObjectName("emailBody")
        self.body.setReadOnly(True)
        self.body.setAccessibleName(self.tr("Message text"))
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 6 + 12)
        self.results = SignatureResults(body, "emailSignature", compact=True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.results)

    def show_email(self, email: EmailRecord, parts: tuple[AttachmentMeta, ...]) -> None:
        when = format_moment(email.sent_at or email.received_at)
        if email.received_at and email.sent_at and email.received_at != email.sent_at:
            when = self.tr("{sent} (received {received})").format(
                sent=when, received=format_moment(email.received_at)
            )
        values = {
            "from": email.from_addr or self.tr("unknown sender"),
            "subject": email.subject or self.tr("(no subject)"),
            "date": when,
            "message_id": email.message_id or "—",
            "signature": self.tr("S/MIME signed: use “Verify signature” to check it")
            if email.smime_signed
            else self.tr("Not signed"),
            "attachments": ", ".join(p.filename for p in parts) or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.body.setPlainText(email.body_text or self.tr("(The message has no text part.)"))
        self.results.clear()

    def show_results(self, report: dict[str, Any], heading: str) -> None:
        """Show a check's results and bring them into view (once laid out)."""
        self.results.show_report(report, heading)
        QTimer.singleShot(0, self, lambda: self.ensureWidgetVisible(self.results, 0, 0))

    def clear(self) -> None:
        for label in self.fields.values():
            label.clear()
        self.body.clear()
        self.results.clear()


class CorrespondenceTab(QWidget):
    def __init__(self, ctx: AppContext, view: CaseView) -> None:
        super().__init__(view)
        self.setObjectName("correspondenceTab")
        self._ctx = ctx
        self._view = view
        self._case_id: int | None = None
        self._data: Correspondence | None = None
        self._generation = 0  # a newer load wins
        self._item_generation = 0  # a newer selection wins
        self._shown_key: tuple[str, int] | None = None
        self._loader = LazyLoader(self, self._load)

        self.model = CorrespondenceModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("correspondenceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Correspondence"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # issue 15: an emailed attachment can be marked as an ID copy from its context menu
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self._add_scans = QPushButton(self.tr("Add &scans…"), self)
        self._add_scans.setObjectName("addScansButton")
        self._add_scans.setToolTip(self.tr("Store letter pages or an ID copy on this case"))
        self._add_scans.clicked.connect(self.add_scans)
        self._verify = QPushButton(self.tr("&Verify signature"), self)
        self._verify.setObjectName("verifySignatureButton")
        self._verify.setToolTip(
            self.tr("Check the S/MIME signature of the selected email (recorded as a verification)")
        )
        self._verify.clicked.connect(self.verify_selected)
        self._progress = make_progress(self, "correspondenceProgress")
        self._checker = SignatureChecker(ctx, view, self._progress)
        self._checker.finished.connect(self._update_actions)
        self._message = QLabel(self)
        self._message.setObjectName("correspondenceMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._empty = QLabel(self.tr("No emails, scans or letters on this case yet."), self)
        self._empty.setObjectName("correspondenceEmpty")
        self._empty.setWordWrap(True)
        self._empty.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self._add_scans)
        buttons.addWidget(self._verify)
        buttons.addStretch(1)
        buttons.addWidget(self._progress)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self._empty)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self._message)

        self.email_pane = EmailPane(self)
        self.viewer = DocumentViewer(self, "correspondenceViewer")
        self.viewer.saved.connect(
            lambda path: self._message.setText(self.tr("Saved a copy to {path}.").format(path=path))
        )
        self.viewer.save_failed.connect(self._message.setText)
        self._pane = QStackedWidget(self)
        self._pane.addWidget(self.viewer)
        self._pane.addWidget(self.email_pane)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("correspondenceSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._pane)
        self.scan_text = ScanTextPane(ctx, self)  # issue 18: a letter scan's text beside it
        self.splitter.addWidget(self.scan_text)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_actions()

    def tab_title(self) -> str:
        return self.tr("&Correspondence")

    # --- loading ---------------------------------------------------------------------------
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
        self._message.clear()
        self._update_actions()

    def _forget(self) -> None:
        self._generation += 1
        self._item_generation += 1
        self._data = None
        self._shown_key = None
        self.model.clear()
        self.viewer.clear()
        self.email_pane.clear()
        self.scan_text.clear()
        self._pane.setCurrentWidget(self.viewer)
        self._empty.hide()

    def reload(self) -> None:
        self._load()

    def _load(self) -> None:
        if self._case_id is None:
            return
        self._generation += 1
        generation = self._generation
        case_id = self._case_id
        self._ctx.db.run(
            load_correspondence,
            case_id,
            on_result=lambda data: self._loaded(generation, data),
            on_error=self._failed,
            owner=self,
        )

    def _loaded(self, generation: int, data: Correspondence) -> None:
        if generation != self._generation:
            return
        keep = self._shown_key
        self._data = data
        self.model.set_correspondence(data)
        self.table.resizeColumnsToContents()
        self._empty.setVisible(self.model.rowCount() == 0)
        row = self._row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = self.model.rowCount() - 1  # the latest item
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.viewer.clear()
            self._pane.setCurrentWidget(self.viewer)
        self._update_actions()

    def _row_of(self, key: tuple[str, int]) -> int:
        for row, item in enumerate(self.model.items()):
            if _key(item) == key:
                return row
        return -1

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    # --- showing one item ------------------------------------------------------------------
    def selected_item(self) -> CorrespondenceItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        item = self.selected_item()
        self._update_actions()
        if item is None:
            return
        key = _key(item)
        if key == self._shown_key:
            return
        if self._shown_key is not None:
            self._message.clear()  # it spoke of the item shown before
        self._shown_key = key
        self._show_item(item)

    def _show_item(self, item: CorrespondenceItem) -> None:
        self._item_generation += 1
        generation = self._item_generation
        if item.file is not None:
            self.scan_text.show_for(item.file)
        else:
            self.scan_text.clear()
        if item.email is not None:
            parts = self._data.parts_of(item.email) if self._data is not None else ()
            self.viewer.clear()
            self.email_pane.show_email(item.email, parts)
            self._pane.setCurrentWidget(self.email_pane)
            return
        self.email_pane.clear()
        self._pane.setCurrentWidget(self.viewer)
        if item.file is not None:
            meta = item.file
            if meta.destroyed_at is not None:
                self.viewer.show_message(destroyed_text(meta))
                return
            self.viewer.show_message(self.tr("Reading {name}…").format(name=meta.filename))
            self._ctx.db.run(
                attachment_bytes,
                meta.id,
                on_result=lambda data: self._show_bytes(
                    generation, data, meta.media_type, meta.filename
                ),
                on_error=lambda exc: self._show_error(generation, exc),
                owner=self,
            )
            return
        letter = item.letter
        assert letter is not None
        kind = letter_kind_label(str(letter.kind))
        if letter.status != "final":
            self.viewer.show_message(
                self.tr(
                    "{kind}: a draft, not finalised yet. Open it in the Letters tab to edit and "
                    "finalise it."
                ).format(kind=kind)
            )
            return
        name = f"{kind} {format_date(item.day)}.pdf".replace("/", "-")
        self.viewer.show_message(self.tr("Reading the letter…"))
        self._ctx.db.run(
            letter_pdf,
            letter.id,
            on_result=lambda data: self._show_bytes(generation, data, "application/pdf", name),
            on_error=lambda exc: self._show_error(generation, exc),
            owner=self,
        )

    def _show_bytes(self, generation: int, data: bytes, media_type: str, name: str) -> None:
        if generation == self._item_generation:
            self.viewer.show_document(data, media_type, name)

    def _show_error(self, generation: int, exc: BaseException) -> None:
        if generation != self._item_generation:
            return
        if isinstance(exc, KnownError):
            self.viewer.show_message(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    # --- acting ----------------------------------------------------------------------------
    def _update_actions(self) -> None:
        has_case = self._case_id is not None
        self._add_scans.setEnabled(has_case)
        item = self.selected_item() if has_case else None
        signed = (
            item is not None
            and item.email is not None
            and item.email.smime_signed
            and item.email.attachment_id is not None
        )
        self._verify.setEnabled(bool(signed) and not self._checker.busy)

    def add_scans(self) -> QDialog | None:
        if self._view.details is None:
            return None
        dialog = AddScansDialog(self._ctx, self._view, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(
            lambda: self._message.setText(self.tr("The scans were stored on the case."))
        )
        dialog.open()
        return dialog

    def verify_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.email is None or item.email.attachment_id is None:
            return
        if not item.email.smime_signed:
            self._message.setText(self.tr("This email carries no S/MIME signature."))
            return
        email = item.email
        self._message.clear()

        def done(report: dict[str, Any]) -> None:
            heading = self.tr("Signature of the email from {sender}:").format(
                sender=email.from_addr or self.tr("unknown sender")
            )
            if self._shown_key == ("email", email.id):
                self.email_pane.show_results(report, heading)
            self._message.setText(self.tr("The check was recorded; the Identity tab lists it."))

        started = self._checker.start(
            email.attachment_id or 0, None, on_done=done, on_message=self._message.setText
        )
        if not started:
            self._message.setText(self.tr("A signature check is still running."))
        self._update_actions()

    # --- ID copies that came by email (issue 15) --------------------------------------------
    def _markable(self, item: CorrespondenceItem | None) -> AttachmentMeta | None:
        meta = item.file if item is not None else None
        if meta is None or meta.destroyed_at is not None:
            return None
        return meta if meta.role == AttachmentRole.EMAIL_PART else None

    def context_menu(self) -> QMenu:
        """The selected row's menu (built for tests too; shown by a right click)."""
        menu = QMenu(self)
        menu.setObjectName("correspondenceMenu")
        action = menu.addAction(self.tr("Mark as an &ID copy"))
        action.setObjectName("markIdCopyAction")
        meta = self._markable(self.selected_item())
        action.setEnabled(meta is not None)
        action.setToolTip(
            self.tr(
                "This attachment is a copy of an identity document: it will be destroyed with "
                "the other ID copies, and cut out of its email"
            )
        )
        action.triggered.connect(self.mark_selected_as_id_copy)
        return menu

    def _context_menu(self, position: Any) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def mark_selected_as_id_copy(self) -> None:
        meta = self._markable(self.selected_item())
        if meta is None:
            return

        def done(_result: Any) -> None:
            self._message.setText(
                self.tr(
                    "{name} is now an ID copy: it is destroyed with the others, and cut out of "
                    "its email."
                ).format(name=meta.filename)
            )

        self._view.apply(mark_id_copy, meta.id, on_known_error=self._message.setText, on_done=done)


def _key(item: CorrespondenceItem) -> tuple[str, int]:
    if item.email is not None:
        return ("email", item.email.id)
    if item.file is not None:
        return ("file", item.file.id)
    assert item.letter is not None
    return ("letter", int(item.letter.id))
