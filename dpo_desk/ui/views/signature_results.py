"""A signature check's results: a verdict in plain words and a table, one row per signature.

Shared by the identity tab (signed PDFs, ``.p7s`` with their file, S/MIME emails) and the
correspondence tab (S/MIME emails). :class:`SignatureChecker` runs the check as a long job on
the database thread (``check_signature``): a busy indicator meanwhile, the fresh case details
shown in every tab afterwards, errors as sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError

from ..app import AppContext
from ..errors import describe_error
from ..i18n import tr_message  # issue 14: service messages in the UI language
from ..labels import identity_outcome_label, verdict_label
from ..models.verifications import SIGNATURE_FIELDS, SignatureChecksModel
from ..operations import Changed, SignedFileNeeded, check_signature
from ..style import Urgency, accent
from ..tasks import Progress
from ..widgets import TaskProgress

if TYPE_CHECKING:
    from .case_view import CaseView

_CTX = "SignatureResults"

#: What each verdict means, for a lawyer rather than a cryptographer.
_MEANINGS = {
    "valid": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "The signed content is unchanged since it was signed, and the signer's certificate "
        "chains to a certificate in your trust store.",
    ),
    "partial": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "The signature itself is valid, but it does not cover everything: part of the message "
        "or later changes to the document are unsigned and prove nothing.",
    ),
    "untrusted": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "The signed content is unchanged, but who signed is not established: the signer's "
        "certificate does not lead to a certificate you trust (or is no longer valid).",
    ),
    "invalid": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "The content was changed after signing, or the signature does not match the signer's "
        "certificate. Do not rely on it.",
    ),
    "unsigned": QT_TRANSLATE_NOOP("SignatureResults", "The file carries no electronic signature."),
    "unsupported": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "DPO Desk cannot check this kind of signature (for example GOST algorithms or a weak "
        "hash); ask for another proof or check it with the issuer's own tool.",
    ),
    "malformed": QT_TRANSLATE_NOOP(
        "SignatureResults", "The file or its signature is damaged and cannot be read."
    ),
}


#: Whether a signer is the case's data subject (``signatures[].subject_match``, issue 15).
_MATCHES = {
    "match": QT_TRANSLATE_NOOP(
        "SignatureResults", "Signature {number}: the signer {signer} is the data subject."
    ),
    "mismatch": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "Signature {number}: the signer {signer} is NOT the data subject; it does not prove "
        "the requester's identity.",
    ),
    "unknown": QT_TRANSLATE_NOOP(
        "SignatureResults",
        "Signature {number}: whether the signer {signer} is the data subject cannot be told.",
    ),
}


def verdict_text(report: dict[str, Any]) -> str:
    """The verdict of a check in plain words, with the checker's own reason."""
    verdict = str(report.get("verdict") or "")
    meaning = _MEANINGS.get(verdict)
    lines = [
        verdict_label(verdict)
        + (": " + QCoreApplication.translate("SignatureResults", meaning) if meaning else "")
    ]
    reason = tr_message(report.get("reason") or "").strip()
    if reason:
        lines.append(
            QCoreApplication.translate("SignatureResults", "Details: {reason}").format(
                reason=reason
            )
        )
    if report.get("kind") == "smime" and report.get("sender_email_matches") is False:
        lines.append(
            QCoreApplication.translate(
                "SignatureResults",
                "The signer's certificate does not name the sender's address ({sender}).",
            ).format(sender=report.get("sender") or "?")
        )
    for part in report.get("unsigned_parts") or ():
        lines.append(
            QCoreApplication.translate("SignatureResults", "Not signed: {part}").format(part=part)
        )
    checks = [c for c in report.get("signatures") or () if isinstance(c, dict)]
    for number, check in enumerate(checks, start=1):
        for problem in check.get("problems") or ():
            lines.append(
                QCoreApplication.translate(
                    "SignatureResults", "Signature {number}: {problem}"
                ).format(number=number, problem=tr_message(problem))
            )
        match = check.get("subject_match")
        if match in _MATCHES:
            lines.append(
                QCoreApplication.translate("SignatureResults", _MATCHES[match]).format(
                    number=number, signer=check.get("signer") or "?"
                )
            )
    outcome = report.get("outcome")
    if outcome:
        lines.append(
            QCoreApplication.translate("SignatureResults", "Recorded: {outcome}. {reason}").format(
                outcome=identity_outcome_label(str(outcome)),
                reason=str(report.get("outcome_reason") or ""),
            )
        )
    if any(c.get("revocation") == "not checked" for c in checks):
        lines.append(
            QCoreApplication.translate(
                "SignatureResults",
                "Revocation was not checked: DPO Desk works offline and the file embeds no "
                "revocation data.",
            )
        )
    return "\n".join(lines)


class SignatureResults(QWidget):
    """The verdict of one check and its signatures: a sheet with a column per signature, or
    (``compact``, for a narrow pane) a line per signature."""

    def __init__(
        self, parent: QWidget | None = None, name: str = "signatureResults", compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._report: dict[str, Any] | None = None
        self._compact = compact
        self._verdict = QLabel(self)
        self._verdict.setObjectName(f"{name}Verdict")
        self._verdict.setWordWrap(True)
        self._verdict.setTextFormat(Qt.TextFormat.PlainText)
        self._verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._summary = QLabel(self)
        self._summary.setObjectName(f"{name}Summary")
        self._summary.setWordWrap(True)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = SignatureChecksModel(self)
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Signatures"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._verdict)
        layout.addWidget(self._summary)
        layout.addWidget(self.table)
        self.clear()

    @property
    def report(self) -> dict[str, Any] | None:
        return self._report

    @property
    def verdict(self) -> str:
        return self._verdict.text()

    @property
    def summary(self) -> str:
        return self._summary.text()

    def show_report(self, report: dict[str, Any], heading: str = "") -> None:
        self._report = dict(report)
        text = verdict_text(report)
        self._verdict.setText(f"{heading}\n{text}" if heading else text)
        palette = self._verdict.palette()
        bad = report.get("verdict") in ("invalid", "malformed")
        palette.setColor(
            self._verdict.foregroundRole(),
            accent(Urgency.OVERDUE) if bad else self.palette().color(self.foregroundRole()),
        )
        self._verdict.setPalette(palette)
        self.model.set_report(report)
        signatures = self.model.columnCount()
        if self._compact:
            self._summary.setText("\n".join(self._line(column) for column in range(signatures)))
        self._summary.setVisible(self._compact and signatures > 0)
        self.table.setVisible(not self._compact and signatures > 0)
        if self.table.isVisibleTo(self):
            self.table.resizeColumnsToContents()
            self._fit()
        self.show()

    def _line(self, column: int) -> str:
        values = dict(zip(SIGNATURE_FIELDS, self.model.values(column), strict=True))
        return self.tr(
            "Signature {number}: {signer}, signed {time} ({algorithm}) — intact: {intact}, "
            "valid: {valid}, trusted chain: {trusted}; revocation: {revocation}."
        ).format(number=column + 1, time=values["signing_time"], **values)

    def clear(self) -> None:
        self._report = None
        self._verdict.clear()
        self._summary.clear()
        self.model.clear()
        self.hide()

    def _fit(self) -> None:
        """As tall as its rows: the sheet lives in a scrolling pane."""
        rows = self.model.rowCount()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        if self.table.horizontalScrollBar().isVisible():
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + 2)


class SignatureChecker(QObject):
    """Runs signature checks for a tab, one at a time, with a busy indicator.

    A result is shown only if the case view still shows the case it was asked for (the DPO may
    have moved on, or locked the window: :meth:`reset`); the case's fresh details reach every
    tab and the change is announced either way.
    """

    finished = Signal()  # the check on screen ended (done, failed or forgotten)

    def __init__(self, ctx: AppContext, view: CaseView, progress: TaskProgress) -> None:
        super().__init__(progress)
        self._ctx = ctx
        self._view = view
        self._progress = progress
        self._running: object | None = None  # the check whose progress is on screen

    @property
    def busy(self) -> bool:
        return self._running is not None

    def reset(self) -> None:
        """Forget the running check (its result, if it comes, is not shown here)."""
        running = self._running is not None
        self._running = None
        self._progress.finish()
        if running:
            self.finished.emit()

    def start(
        self,
        attachment_id: int,
        detached_id: int | None,
        *,
        on_done: Callable[[dict[str, Any]], None],
        on_message: Callable[[str], None],
    ) -> bool:
        """Check ``attachment_id`` (with its detached half); False when a check still runs."""
        case_id = self._view.case_id
        if case_id is None or self.busy:
            return False
        token = object()
        self._running = token

        def finish() -> bool:
            """End the progress; True when the result is still wanted on screen."""
            mine = self._running is token
            if mine:
                self._running = None
                self._progress.finish()
                self.finished.emit()
            return mine and self._view.case_id == case_id

        def done(result: Changed[dict[str, Any]]) -> None:
            wanted = finish()
            if self._view.case_id == case_id:
                self._view.present(result.details)
            self._ctx.changes.case_changed.emit(case_id)
            if wanted:
                on_done(result.value)

        def failed(exc: BaseException) -> None:
            wanted = finish()
            if not isinstance(exc, KnownError):
                self._ctx.errors.report(exc)
            elif not wanted:
                return
            elif isinstance(exc, SignedFileNeeded):
                on_message(
                    self.tr(
                        "This is a detached signature: choose the file it signs, then verify again."
                    )
                )
            else:
                on_message(describe_error(exc, self._ctx.session.path))

        def progress(value: Progress) -> None:
            if self._running is token:
                self._progress.update_progress(value)

        ticket = self._ctx.db.task(
            check_signature,
            case_id,
            self._ctx.today(),
            attachment_id,
            detached_id,
            on_result=done,
            on_error=failed,
            on_progress=progress,
            owner=self._progress,
        )
        if self._running is token:
            self._progress.start(self.tr("Checking the signature…"), ticket, cancellable=False)
        return True


def make_progress(parent: QWidget, name: str) -> TaskProgress:
    """A busy indicator for a tab (its own name: the window's status bar has "taskProgress")."""
    progress = TaskProgress(parent)
    progress.setObjectName(name)
    return progress
