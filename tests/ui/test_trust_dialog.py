"""The trust store dialog on a real case file: import PEM/DER files, see them, remove one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from dpo_desk.ui.dialogs.trust_store import TrustStoreDialog, open_trust_store
from dpo_desk.ui.labels import format_date
from dpo_desk.ui.models.trust import TrustModel, common_name, fingerprint
from tests.identity.conftest import Pki

ROOT = "Common Name: DPO Test Root CA, Country: KZ"
ISSUING = "Common Name: DPO Test Issuing CA, Country: KZ"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("trust-pki"))


@pytest.fixture
def parent(qtbot) -> QWidget:  # noqa: ANN001
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _cells(dialog: TrustStoreDialog, row: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def _subjects(dialog: TrustStoreDialog) -> list[str]:
    return [_cells(dialog, r)[0] for r in range(dialog.model.rowCount())]


def test_import_pem_and_der_then_remove_after_confirmation(
    qtbot, open_copy, pki, parent, tmp_path: Path
) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    dialog = open_trust_store(opened.ctx, parent)
    assert isinstance(dialog, TrustStoreDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.model.rowCount() == 0
    assert "No certificate is trusted yet" in dialog.findChild(QLabel, "trustDetails").text()

    root = tmp_path / "root.pem"
    root.write_bytes(pki.root.cert_pem)
    intermediate = tmp_path / "issuing-ca.cer"
    intermediate.write_bytes(pki.intermediate.cert_der)  # DER
    file_dialog = dialog.choose_files()
    assert isinstance(file_dialog, QFileDialog) and file_dialog.isVisible()
    file_dialog.filesSelected.emit([str(root), str(intermediate)])
    file_dialog.reject()

    assert _subjects(dialog) == ["DPO Test Issuing CA", "DPO Test Root CA"]
    assert len(cf.trust.list()) == 2
    message = dialog.findChild(QLabel, "trustMessage").text()
    assert message.startswith("Imported 2 certificate")
    row = 1
    cells = _cells(dialog, row)
    assert cells[1] == "itself (a root)"
    assert _cells(dialog, 0)[1] == "DPO Test Root CA"  # the intermediate's issuer
    expected = format_date(pki.root.cert.not_valid_after_utc.date())
    assert cells[2] == expected  # valid until
    root_sha = next(c.sha256 for c in cf.trust.list() if c.subject == ROOT)
    assert cells[3] == fingerprint(root_sha)[:23] + "…"
    assert dialog.model.data(dialog.model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == ROOT
    dialog.table.selectRow(row)
    details = dialog.findChild(QLabel, "trustDetails").text()
    assert fingerprint(root_sha) in details and fingerprint(root_sha).count(":") == 31

    # the same file again: recognised, not a second entry
    dialog.import_files([root])
    assert "Already trusted" in dialog.findChild(QLabel, "trustMessage").text()
    assert len(cf.trust.list()) == 2

    # removing asks first; Cancel keeps it
    dialog.table.selectRow(row)
    remove = dialog.findChild(QPushButton, "removeCertButton")
    assert remove.isEnabled()
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "removeCertConfirmation")
    assert box is not None and box.isVisible()
    assert "not trusted" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(cf.trust.list()) == 2

    dialog.table.selectRow(row)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    box = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()][0]
    qtbot.mouseClick(box.findChild(QPushButton, "confirmRemoveCert"), Qt.MouseButton.LeftButton)
    assert [c.subject for c in cf.trust.list()] == [ISSUING]
    assert dialog.model.rowCount() == 1
    assert "no longer trusted" in dialog.findChild(QLabel, "trustMessage").text()
    assert "trust.removed" in [e.action for e in cf.audit.events()]


def test_warnings_and_bad_files_are_messages(qtbot, open_copy, pki, parent, tmp_path) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    dialog = open_trust_store(opened.ctx, parent)
    leaf = tmp_path / "alice.pem"
    leaf.write_bytes(pki.alice.cert_pem)
    dialog.import_files([leaf])  # not a CA: imported, with a warning
    message = dialog.findChild(QLabel, "trustMessage").text()
    assert "not a certification authority" in message
    assert len(cf.trust.list()) == 1

    junk = tmp_path / "photo.pem"
    junk.write_bytes(b"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
    dialog.import_files([junk])
    assert dialog.findChild(QLabel, "trustMessage").text()
    assert len(cf.trust.list()) == 1 and dialog.model.rowCount() == 1

    dialog.import_files([tmp_path / "missing.pem"])
    assert "cannot be read" in dialog.findChild(QLabel, "trustMessage").text()
    assert not opened.bugs


def test_a_check_turns_valid_once_the_root_is_trusted(qtbot, open_copy, pki, parent) -> None:
    """What the dialog is for: the same signature, untrusted before and valid after."""
    from datetime import timedelta

    from dpo_desk.core.model import AttachmentRole
    from dpo_desk.ui.operations import verify_signature

    from .conftest import TODAY, add_case, add_controller

    opened = open_copy("empty")
    cf = opened.cf
    case = add_case(cf, add_controller(cf, "kg-shop", ("KG",)), "Nurlan", TODAY - timedelta(1))
    signed = pki.sign_pdf(Pki.make_pdf(), pki.alice)
    meta = cf.attachments.add(case.id, AttachmentRole.OTHER, "s.pdf", "application/pdf", signed)
    assert verify_signature(cf, case.id, TODAY, meta.id).value["verdict"] == "untrusted"
    dialog = open_trust_store(opened.ctx, parent)
    root = Path(pki.root.cert_path)
    dialog.import_files([root])
    assert verify_signature(cf, case.id, TODAY, meta.id).value["verdict"] == "valid"


def test_trust_model_passes_modeltester(qtmodeltester, open_copy, pki) -> None:
    from dpo_desk.identity.service import import_certificates

    opened = open_copy("empty")
    model = TrustModel()
    qtmodeltester.check(model)
    import_certificates(opened.cf, pki.root.cert_pem + pki.intermediate.cert_pem)
    model.set_certs(opened.cf.trust.list())
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert common_name("Country: KZ, Common Name: X") == "X"
    assert common_name("Organization: Odd") == "Organization: Odd"
