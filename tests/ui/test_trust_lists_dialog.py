"""The trust store dialog imports a national trust list and shows source, date and qualified."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from dpo_desk.ui.dialogs.trust_store import open_trust_store
from dpo_desk.ui.labels import format_date
from tests.identity.test_trust_lists import _centre, _entry, make_tsl


def _ca(common_name: str) -> bytes:
    """An RSA CA certificate valid around the UI tests' fixed day (2026-03-02)."""
    from datetime import UTC, datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "RU"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime(2020, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2040, 1, 1, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture(scope="module")
def tsl() -> bytes:
    return make_tsl(
        [
            _centre("УЦ Тест", "Действует", [_entry(_ca("Test Accredited CA"))]),
            _centre("УЦ Закрытый", "Аннулирована", [_entry(_ca("Closed CA"))]),
        ]
    )


@pytest.fixture
def parent(qtbot) -> QWidget:  # noqa: ANN001
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_import_a_russian_list_and_see_its_provenance(
    qtbot, qtmodeltester, open_copy, parent, tmp_path: Path, tsl: bytes
) -> None:
    opened = open_copy("empty")
    dialog = open_trust_store(opened.ctx, parent)
    button = dialog.findChild(QPushButton, "importTrustListButton")
    assert button is not None and button.isEnabled()
    path = tmp_path / "TSL.xml"
    path.write_bytes(tsl)

    file_dialog = dialog.choose_list()
    assert isinstance(file_dialog, QFileDialog)
    file_dialog.fileSelected.emit(str(path))
    file_dialog.reject()

    model = dialog.model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-3:] == ["Added", "Source", "Qualified"]
    assert model.rowCount() == 1, dialog.findChild(QLabel, "trustMessage").text()
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    (anchor,) = opened.cf.trust.list()
    assert cells[0] == "Test Accredited CA"
    assert cells[-3] == format_date(anchor.added_at.astimezone().date())
    assert cells[-2:] == ["Russian list of accredited CAs", "qualified ⚖"]
    tip = model.data(model.index(0, model.columnCount() - 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Russian list of accredited certification centres, version 812 of 2026-03-01"
    message = dialog.findChild(QLabel, "trustMessage").text()
    assert message.startswith(
        "Russian list of accredited certification centres, version 812 of 2026-03-01: "
        "1 certificate(s) added"
    )
    assert "left out: 1" in message and "Аннулирована" in message

    dialog.table.selectRow(0)
    details = dialog.findChild(QLabel, "trustDetails").text()
    assert "Source: Russian list of accredited certification centres, version 812" in details
    assert "Issues qualified certificates." in details
    assert "Needs legal review" in details
    assert not opened.bugs


def test_a_bad_list_is_a_message(qtbot, open_copy, parent, tmp_path: Path) -> None:
    opened = open_copy("empty")
    dialog = open_trust_store(opened.ctx, parent)
    bad = tmp_path / "TSL.xml"
    bad.write_bytes(b"<broken")

    dialog.import_list(bad)

    assert "not well-formed XML" in dialog.findChild(QLabel, "trustMessage").text()
    assert dialog.model.rowCount() == 0
    assert not opened.bugs
