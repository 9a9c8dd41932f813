"""The trust store: the root and intermediate certificates that anchor signature checks.

Nothing is trusted by default (``docs/adr/0004-signature-verdicts.md``): a signature is "valid"
only when its signer's certificate chains to a certificate the DPO imported here. The dialog
lists them (subject, issuer, valid until, SHA-256 fingerprint), imports PEM/DER/.p7b files and
removes a certificate after a confirmation. :func:`open_trust_store` is what the Settings menu
calls.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
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

from dpo_desk.casefile.records import TrustedCert
from dpo_desk.core.errors import KnownError

from ..app import AppContext
from ..errors import describe_error
from ..models.trust import CERT_ROLE, TrustModel, fingerprint
from ..operations import (
    TrustImport,
    import_trusted_files,
    list_trusted_certs,
    remove_trusted_cert,
)

CERT_SUFFIXES = ("*.pem", "*.crt", "*.cer", "*.der", "*.p7b", "*.p7c")


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
        self.model = TrustModel(self)
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
        self._remove = QPushButton(self.tr("&Remove…"), self)
        self._remove.setObjectName("removeCertButton")
        self._remove.setEnabled(False)
        self._remove.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self._import)
        row.addWidget(self._remove)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._details)
        layout.addWidget(self._message)
        layout.addLayout(row)
        self.resize(900, 440)
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
        self._details.setText(
            self.tr("{subject}\nIssued by: {issuer}\nSHA-256 fingerprint: {fingerprint}").format(
                subject=cert.subject, issuer=cert.issuer, fingerprint=fingerprint(cert.sha256)
            )
        )

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
