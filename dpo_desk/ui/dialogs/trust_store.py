"""The trust store: the root and intermediate certificates that anchor signature checks.

Nothing is trusted by default (``docs/adr/0004-signature-verdicts.md``): a signature is "valid"
only when its signer's certificate chains to a certificate the DPO imported here. The dialog
lists them (subject, issuer, valid until, SHA-256 fingerprint, when and from where each came,
whether it issues qualified certificates), imports PEM/DER/.p7b files and national trust lists
(the Russian list of accredited certification centres, Kazakhstan's NCA certificates;
``dpo_desk/services/trust.py`` decides) and removes a certificate after a confirmation.
:func:`open_trust_store` is what the Settings menu calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.casefile import CaseFile
from dpo_desk.core.errors import KnownError
from dpo_desk.services.records import TrustedCert
from dpo_desk.services.trust import ListImport, import_list_path, list_anchors

from ..app import AppContext
from ..errors import describe_error
from ..labels import format_date
from ..models.trust import CERT_ROLE, TrustModel, fingerprint
from ..operations import (
    TrustImport,
    import_trusted_files,
    list_trusted_certs,
    remove_trusted_cert,
)

CERT_SUFFIXES = ("*.pem", "*.crt", "*.cer", "*.der", "*.p7b", "*.p7c")
LIST_SUFFIXES = ("*.xml", "*.zip", "*.cer", "*.crt", "*.pem", "*.der")


class ProvenanceTrustModel(TrustModel):
    """The trust store's rows with where each certificate came from and whether it is qualified."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (*self._headers, self.tr("Source"), self.tr("Qualified"))

    def source_label(self, cert: TrustedCert) -> str:
        labels = {
            "manual": self.tr("imported by hand"),
            "ru-tsl": self.tr("Russian list of accredited CAs"),
            "kz-nca": self.tr("Kazakhstan NCA"),
        }
        return labels.get(cert.source, cert.source)

    def cell(self, cert: TrustedCert, column: int, role: int) -> Any:
        base = len(self._headers) - 2
        if column == base:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.source_label(cert)
            if role == Qt.ItemDataRole.ToolTipRole:
                return cert.source_detail or self.source_label(cert)
            return None
        if column == base + 1:
            if role == Qt.ItemDataRole.DisplayRole:
                if not cert.qualified:
                    return "—"
                return self.tr("qualified") + (" ⚖" if cert.review_note else "")
            if role == Qt.ItemDataRole.ToolTipRole and cert.review_note:
                return self.tr("Needs legal review: {note}").format(note=cert.review_note)
            return None
        return super().cell(cert, column, role)


def import_list_and_list(
    cf: CaseFile, path: Path, today: Any
) -> tuple[ListImport, list[TrustedCert]]:
    """On the database thread: import one trust list, then the whole store afterwards."""
    result = import_list_path(cf, path, today)
    return result, list_anchors(cf)


class TrustStoreDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustStoreDialog")
        self.setWindowTitle(self.tr("Trusted certificates"))
        self._ctx = ctx

        explain = QLabel(
            self.tr(
                "A signature is shown as valid only when its signer's certificate chains to one "
                "of these certificates. Nothing is trusted by default, not even the operating "
                "system's certificates: import the root (and, if needed, intermediate) "
                "certificates of the authorities whose signatures you accept, as published by "
                "them. Checks are offline."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.model: TrustModel = ProvenanceTrustModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("trustTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Trusted certificates"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self._details = QLabel(self)
        self._details.setObjectName("trustDetails")
        self._details.setWordWrap(True)
        self._details.setTextFormat(Qt.TextFormat.PlainText)
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message = QLabel(self)
        self._message.setObjectName("trustMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._import = QPushButton(self.tr("&Import certificates…"), self)
        self._import.setObjectName("importCertsButton")
        self._import.clicked.connect(self.choose_files)
        self._import_list = QPushButton(self.tr("Import trust &list…"), self)
        self._import_list.setObjectName("importTrustListButton")
        self._import_list.setToolTip(
            self.tr(
                "The Russian list of accredited certification centres (the ministry's XML file) "
                "or the Kazakh NCA root and intermediate certificates (a zip or certificate file), "
                "as you downloaded them. Nothing is downloaded by DPO Desk."
            )
        )
        self._import_list.clicked.connect(self.choose_list)
        self._remove = QPushButton(self.tr("&Remove…"), self)
        self._remove.setObjectName("removeCertButton")
        self._remove.setEnabled(False)
        self._remove.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self._import)
        row.addWidget(self._import_list)
        row.addWidget(self._remove)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._details)
        layout.addWidget(self._message)
        layout.addLayout(row)
        self.resize(1100, 460)
        ctx.db.run(list_trusted_certs, on_result=self._show, on_error=self._failed, owner=self)

    # --- showing ---------------------------------------------------------------------------
    def _show(self, certs: list[TrustedCert] | tuple[TrustedCert, ...]) -> None:
        self.model.set_certs(certs)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = self.table.columnWidth(column) + 12
            if column in (0, 1):  # long names: a readable width, the whole name in the tip
                width = min(width, 280)
            self.table.setColumnWidth(column, width)
        self._details.setText(
            ""
            if certs
            else self.tr("No certificate is trusted yet: every signature will show as not trusted.")
        )
        self._remove.setEnabled(False)

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        cert = self.selected_cert()
        self._remove.setEnabled(cert is not None)
        if cert is None:
            return
        text = self.tr("{subject}\nIssued by: {issuer}\nSHA-256 fingerprint: {fingerprint}").format(
            subject=cert.subject, issuer=cert.issuer, fingerprint=fingerprint(cert.sha256)
        )
        source = (
            self.model.source_label(cert)
            if isinstance(self.model, ProvenanceTrustModel)
            else cert.source
        )
        text += "\n" + self.tr("Source: {source}, imported {date}").format(
            source=cert.source_detail or source, date=format_date(cert.added_at.astimezone().date())
        )
        if cert.qualified:
            text += "\n" + self.tr("Issues qualified certificates.")
        if cert.review_note:
            text += "\n⚖ " + self.tr("Needs legal review: {note}").format(note=cert.review_note)
        self._details.setText(text)

    def selected_cert(self) -> TrustedCert | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        cert = self.model.data(rows[0], CERT_ROLE)
        return cert if isinstance(cert, TrustedCert) else None

    # --- importing -------------------------------------------------------------------------
    def choose_files(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import trusted certificates"))
        dialog.setObjectName("certFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                self.tr("Certificates ({patterns})").format(patterns=" ".join(CERT_SUFFIXES)),
                self.tr("All files (*)"),
            ]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.import_files([Path(n) for n in names]))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def import_files(self, paths: list[Path]) -> None:
        """Import every certificate of each file (a file is imported whole or not at all)."""
        if not paths:
            return
        self._message.clear()
        self._ctx.db.run(
            import_trusted_files,
            paths,
            self._ctx.today(),
            on_result=self._imported,
            on_error=self._failed,
            owner=self,
        )

    def _imported(self, result: TrustImport) -> None:
        self._show(result.trusted)
        fresh = [c for c in result.imported if not c.already_trusted]
        known = [c for c in result.imported if c.already_trusted]
        lines = [self.tr("Imported %n certificate(s).", "", len(fresh))]
        if known:
            lines.append(
                self.tr("Already trusted, not added again: %n certificate(s).", "", len(known))
            )
        for cert in result.imported:
            lines += [f"⚠ {warning}" for warning in cert.warnings]
        self._message.setText("\n".join(lines))
        if result.imported:
            row = next(
                (
                    r
                    for r in range(self.model.rowCount())
                    if (c := self.model.cert_at(r)) is not None
                    and c.sha256 == result.imported[-1].sha256
                ),
                -1,
            )
            if row >= 0:
                self.table.selectRow(row)

    # --- trust lists -----------------------------------------------------------------------
    def choose_list(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import a trust list"))
        dialog.setObjectName("trustListFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                self.tr("Trust lists ({patterns})").format(patterns=" ".join(LIST_SUFFIXES)),
                self.tr("All files (*)"),
            ]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.import_list(Path(name)))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def import_list(self, path: Path) -> None:
        """Import a national trust list (all of it or nothing) on the database thread."""
        self._message.clear()
        self._ctx.db.run(
            import_list_and_list,
            path,
            self._ctx.today(),
            on_result=self._list_imported,
            on_error=self._failed,
            owner=self,
        )

    def _list_imported(self, outcome: tuple[ListImport, list[TrustedCert]]) -> None:
        result, certs = outcome
        self._show(certs)
        lines = [
            self.tr("{source}: %n certificate(s) added", "", len(result.added)).format(
                source=result.title
            ),
        ]
        if result.updated:
            lines.append(
                self.tr("now recorded as coming from this list: %n", "", len(result.updated))
            )
        if result.unchanged:
            lines.append(self.tr("already trusted: %n", "", result.unchanged))
        if result.skipped:
            lines.append(self.tr("left out: %n", "", len(result.skipped)))
            lines += [f"  – {reason}" for reason in result.skipped[:5]]
        self._message.setText("\n".join(lines))

    # --- removing --------------------------------------------------------------------------
    def remove_selected(self) -> QMessageBox | None:
        cert = self.selected_cert()
        if cert is None:
            self._message.setText(self.tr("Select the certificate to remove."))
            return None
        box = QMessageBox(self)
        box.setObjectName("removeCertConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove a trusted certificate?"))
        box.setText(self.tr("Stop trusting “{subject}”?").format(subject=cert.subject))
        box.setInformativeText(
            self.tr(
                "Signatures that chain only to this certificate will show as not trusted from "
                "now on. Checks already recorded keep their results. You can import the "
                "certificate again later."
            )
        )
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("confirmRemoveCert")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if box.clickedButton() is remove:
                self._remove_cert(cert)

        box.finished.connect(finished)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def _remove_cert(self, cert: TrustedCert) -> None:
        def removed(certs: list[TrustedCert]) -> None:
            self._show(certs)
            self._message.setText(
                self.tr("“{subject}” is no longer trusted.").format(subject=cert.subject)
            )

        self._ctx.db.run(
            remove_trusted_cert, cert.id, on_result=removed, on_error=self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)


def open_trust_store(ctx: AppContext, parent: QWidget | None = None) -> TrustStoreDialog:
    """Open the trust store (non-blocking, modal to its window; deleted when closed)."""
    dialog = TrustStoreDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
