"""The correspondence tab on a real case file: an S/MIME email imported through intake, scans,
a destroyed ID copy and a finalised letter; viewing, adding scans and verifying the signature."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from dpo_desk.casefile import CaseFile
from dpo_desk.core.model import AttachmentRole
from dpo_desk.identity.checklist import IdChecklist
from dpo_desk.identity.service import destroy_id_copies, import_certificates, record_checklist
from dpo_desk.intake.service import ImportOptions, import_files
from dpo_desk.letters.service import finalise
from dpo_desk.ui.dialogs.scans import AddScansDialog
from dpo_desk.ui.models.correspondence import CorrespondenceModel
from dpo_desk.ui.tasks import DbExecutor
from dpo_desk.ui.views.correspondence_tab import CorrespondenceTab
from tests.identity.conftest import Pki

from .casework import casework_window, open_tab, png_scan, select_case
from .conftest import TODAY, add_controller

BODY = b"I ask for a copy of my personal data.\n"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("correspondence-pki"))


@dataclass
class Seeded:
    case_id: int
    email_id: int
    letter_png: bytes
    letter_pdf: bytes
    destroyed_sha: str
    letter_id: int


def seed(cf: CaseFile, pki: Pki, folder: Path, *, settle: bool = True) -> Seeded:
    """An S/MIME request imported by intake, two letter scans, an ID copy destroyed after a
    verified check, and a finalised acknowledgement."""
    add_controller(cf, "astana-shop", ("KZ",))
    raw = pki.openssl_smime(BODY, pki.alice, sender="Alice Example <alice@example.org>")
    message = folder / "request.eml"
    message.write_bytes(
        b"Date: Sun, 01 Mar 2026 10:00:00 +0600\r\nMessage-ID: <smime-ui@example.org>\r\n" + raw
    )
    outcome = import_files(cf, [message], TODAY, ImportOptions(controller_slug="astana-shop"))[0]
    assert outcome.status == "created" and outcome.smime == "untrusted"
    case_id = int(outcome.case_id or 0)
    letter_png = png_scan("Letter page 1")
    letter_pdf = Pki.make_pdf("Signed request letter, page 2")
    cf.attachments.add(case_id, AttachmentRole.LETTER_SCAN, "page1.png", "image/png", letter_png)
    cf.attachments.add(
        case_id, AttachmentRole.LETTER_SCAN, "page2.pdf", "application/pdf", letter_pdf
    )
    copy = cf.attachments.add(
        case_id, AttachmentRole.ID_DOCUMENT, "passport.png", "image/png", png_scan("PASSPORT")
    )
    if settle:
        record_checklist(
            cf,
            case_id,
            IdChecklist("passport", "KZ", "4711", TODAY.replace(year=2031), True, True, True, True),
            "verified",
            TODAY,
        )
        destroy_id_copies(cf, case_id, reason="identity verified")
    letter = finalise(cf, case_id, "acknowledgement", "en", TODAY, acknowledge_warnings=True)
    return Seeded(
        case_id,
        cf.emails.for_case(case_id)[0].id,
        letter_png,
        letter_pdf,
        copy.sha256,
        int(letter.id),
    )


def _row(tab: CorrespondenceTab, predicate) -> int:  # noqa: ANN001
    items = tab.model.items()
    return next(i for i, item in enumerate(items) if predicate(item))


def _click_row(qtbot, tab: CorrespondenceTab, row: int) -> None:  # noqa: ANN001
    table = tab.table
    rect = table.visualRect(tab.model.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selectionModel().selectedRows()[0].row() == row


def test_items_in_date_order_each_shown_from_memory(qtbot, open_copy, pki, tmp_path) -> None:
    opened = open_copy("empty")
    seeded = seed(opened.cf, pki, tmp_path)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, seeded.case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    assert isinstance(tab, CorrespondenceTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6, timeout=3000)

    items = tab.model.items()
    kinds = [(i.kind, i.file.filename if i.file else "") for i in items]
    assert kinds == [
        ("email", ""),
        ("file", "smime.p7s"),  # the email's attachment follows its email
        ("file", "page1.png"),
        ("file", "page2.pdf"),
        ("file", "passport.png"),
        ("letter", ""),
    ]
    assert [i.when for i in items] == sorted(i.when for i in items)
    model = tab.model
    assert model.data(model.index(0, 2)) == "Email (signed)"
    assert model.data(model.index(5, 1)) == "Out"
    assert model.data(model.index(5, 2)) == "Letter: Acknowledgement"
    destroyed = model.data(model.index(4, 3))
    assert "destroyed on" in destroyed and destroyed.endswith("(hash kept)")

    # the latest item (the letter) is shown at first: its PDF, from memory
    assert tab.viewer.kind == "pdf"
    assert tab.viewer.data == opened.cf.letters.pdf(seeded.letter_id)

    _click_row(qtbot, tab, 0)
    pane = tab.email_pane
    assert pane.isVisible() and not tab.viewer.isVisible()
    assert pane.fields["from"].text() == "alice@example.org"
    assert pane.fields["subject"].text() == "Subject access request"
    assert pane.fields["attachments"].text() == "smime.p7s"
    assert "S/MIME signed" in pane.fields["signature"].text()
    assert pane.body.isReadOnly()
    assert pane.body.toPlainText() == BODY.decode().strip()
    assert tab.findChild(QPushButton, "verifySignatureButton").isEnabled()

    _click_row(qtbot, tab, 2)
    assert tab.viewer.isVisible() and tab.viewer.kind == "image"
    assert tab.viewer.data == seeded.letter_png
    assert not tab.findChild(QPushButton, "verifySignatureButton").isEnabled()
    before = tab.viewer.zoom
    qtbot.mouseClick(tab.viewer.findChild(QWidget, "correspondenceViewerZoomIn"), Qt.LeftButton)
    assert tab.viewer.zoom > before

    _click_row(qtbot, tab, 3)
    assert tab.viewer.kind == "pdf" and tab.viewer.data == seeded.letter_pdf
    assert tab.viewer.page_count == 1

    _click_row(qtbot, tab, 4)  # the destroyed ID copy: when and its hash, never content
    assert tab.viewer.kind == "" and tab.viewer.data == b""
    message = tab.viewer.findChild(QLabel, "correspondenceViewerMessage").text()
    assert "destroyed on" in message and "(hash kept)" in message
    assert seeded.destroyed_sha in message
    assert not tab.viewer.findChild(QWidget, "correspondenceViewerSaveAs").isEnabled()


def test_save_a_copy_writes_only_where_the_dpo_chose(qtbot, open_copy, pki, tmp_path) -> None:
    opened = open_copy("empty")
    seeded = seed(opened.cf, pki, tmp_path)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, seeded.case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6, timeout=3000)
    _click_row(qtbot, tab, _row(tab, lambda i: i.file and i.file.filename == "page1.png"))
    dialog = tab.viewer.save_as()
    assert dialog is not None and dialog.objectName() == "saveCopyDialog"
    target = tmp_path / "out" / "copy.png"
    target.parent.mkdir()
    dialog.fileSelected.emit(str(target))
    assert target.read_bytes() == seeded.letter_png
    assert str(target) in tab.findChild(QLabel, "correspondenceMessage").text()


def test_verify_the_smime_signature_after_trusting_the_root(
    qtbot, open_copy, pki, tmp_path
) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    seeded = seed(cf, pki, tmp_path)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, seeded.case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6, timeout=3000)
    _click_row(qtbot, tab, 0)
    verify = tab.findChild(QPushButton, "verifySignatureButton")

    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)  # nothing trusted yet
    results = tab.email_pane.results
    assert results.isVisible()
    assert results.verdict.splitlines()[1].startswith("Valid but not trusted")
    assert "Revocation was not checked" in results.verdict
    checks = [r for r in cf.identity.for_case(seeded.case_id) if r.method == "smime"]
    assert [r.outcome for r in checks] == ["more_information_needed"]  # import records none

    import_certificates(cf, pki.root.cert_pem, today=TODAY)
    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)
    assert results.verdict.splitlines()[1].startswith("Valid:")
    facts = results.model.values(0)
    assert results.model.columnCount() == 1
    assert facts[0] == "Alice Example <alice@example.org>"
    assert facts[3:6] == ["Yes", "Yes", "Yes"]  # intact, valid, trusted chain
    assert facts[7] == "Not checked (offline)" and facts[8] == "Valid"
    assert results.summary.startswith("Signature 1: Alice Example <alice@example.org>, signed")
    assert "intact: Yes, valid: Yes, trusted chain: Yes" in results.summary
    latest = cf.identity.latest(seeded.case_id)
    assert latest.method == "smime" and latest.outcome == "verified"
    assert latest.signature_report["verdict"] == "valid"
    assert "recorded" in tab.findChild(QLabel, "correspondenceMessage").text()
    identity = window.case_view.tab("identityTab")
    open_tab(qtbot, window, "identityTab")
    qtbot.waitUntil(
        lambda: identity.records_model.rowCount() == len(cf.identity.for_case(seeded.case_id)),
        timeout=3000,
    )


def test_an_emailed_attachment_is_marked_as_an_id_copy_from_its_menu(
    qtbot, open_copy, tmp_path
) -> None:
    from email.message import EmailMessage

    opened = open_copy("empty")
    cf = opened.cf
    add_controller(cf, "astana-shop", ("KZ",))
    mail = EmailMessage()
    mail["From"] = "Alice Example <alice@example.org>"
    mail["To"] = "dpo@astana-shop.example"
    mail["Subject"] = "my passport"
    mail["Date"] = "Sun, 01 Mar 2026 10:00:00 +0600"
    mail["Message-ID"] = "<passport-ui@example.org>"
    mail.set_content("Here is my passport.")
    mail.add_attachment(png_scan("PASSPORT"), maintype="image", subtype="png", filename="pp.png")
    message = tmp_path / "passport.eml"
    message.write_bytes(mail.as_bytes())
    outcome = import_files(cf, [message], TODAY, ImportOptions(controller_slug="astana-shop"))[0]
    case_id = int(outcome.case_id or 0)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 2, timeout=3000)
    email_row = _row(tab, lambda item: item.email is not None)
    _click_row(qtbot, tab, email_row)
    menu = tab.context_menu()
    assert not menu.findChild(QAction, "markIdCopyAction").isEnabled()  # the email itself
    row = _row(tab, lambda item: item.file is not None and item.file.filename == "pp.png")
    _click_row(qtbot, tab, row)
    action = tab.context_menu().findChild(QAction, "markIdCopyAction")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(
        lambda: "is now an ID copy" in tab.findChild(QLabel, "correspondenceMessage").text(),
        timeout=3000,
    )
    (part,) = [a for a in cf.attachments.for_case(case_id) if a.filename == "pp.png"]
    assert part.role == AttachmentRole.ID_DOCUMENT
    assert not opened.bugs


def test_add_scans_asks_before_storing_an_id_copy_under_kazakh_law(
    qtbot, open_copy, pki, tmp_path
) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    seeded = seed(cf, pki, tmp_path, settle=False)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, seeded.case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6, timeout=3000)
    before = len(cf.attachments.for_case(seeded.case_id))

    qtbot.mouseClick(tab.findChild(QPushButton, "addScansButton"), Qt.MouseButton.LeftButton)
    dialog = tab.findChild(AddScansDialog)
    assert dialog is not None and dialog.isVisible()
    back = tmp_path / "id-back.png"
    back.write_bytes(png_scan("ID card, back"))
    junk = tmp_path / "not-a-scan.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\nnothing more")
    dialog.scan_list.add_files([back, junk], AttachmentRole.ID_DOCUMENT)
    assert "not-a-scan.png was not added" in dialog.findChild(QLabel, "scanMessage").text()
    store = dialog.findChild(QPushButton, "storeScansButton")
    qtbot.mouseClick(store, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "idCopyConfirmation")
    assert box is not None and box.isVisible()
    assert "Kazakh" in box.informativeText() or "94-V" in box.informativeText()
    qtbot.mouseClick(box.findChild(QPushButton, "confirmIdCopy"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)

    stored = cf.attachments.for_case(seeded.case_id)
    assert len(stored) == before + 1
    assert stored[-1].role == AttachmentRole.ID_DOCUMENT and stored[-1].filename == "id-back.png"
    qtbot.waitUntil(lambda: tab.model.rowCount() == 7, timeout=3000)
    assert tab.findChild(QLabel, "correspondenceMessage").text().startswith("The scans were")
    assert "attachment.added" in [e.action for e in cf.audit.events(seeded.case_id)]


def test_through_the_database_thread(qtbot, open_copy, pki, tmp_path) -> None:
    """Loads, item bytes and the signature check come back by queued signal."""
    executor = DbExecutor(lambda exc: None)
    opened = open_copy("empty", executor=executor)
    seeded = seed(opened.cf, pki, tmp_path)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, seeded.case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6 and tab.viewer.kind == "pdf", timeout=5000)
    _click_row(qtbot, tab, 3)
    qtbot.waitUntil(lambda: tab.viewer.data == seeded.letter_pdf, timeout=3000)
    _click_row(qtbot, tab, 0)
    qtbot.mouseClick(tab.findChild(QPushButton, "verifySignatureButton"), Qt.LeftButton)
    progress = tab.findChild(QWidget, "correspondenceProgress")
    assert progress.isVisible()  # the check runs on the database thread meanwhile
    assert not tab.findChild(QPushButton, "verifySignatureButton").isEnabled()
    qtbot.waitUntil(lambda: tab.email_pane.results.isVisible(), timeout=15000)
    assert not progress.isVisible()
    assert "Valid but not trusted" in tab.email_pane.results.verdict
    executor.wait()  # the reloads the check set off are done: the file is ours to read
    assert opened.cf.identity.latest(seeded.case_id).signature_report["verdict"] == "untrusted"


def test_correspondence_model_passes_modeltester(qtmodeltester, open_copy, pki, tmp_path) -> None:
    from dpo_desk.ui.operations import load_correspondence

    opened = open_copy("empty")
    seeded = seed(opened.cf, pki, tmp_path)
    model = CorrespondenceModel()
    qtmodeltester.check(model)
    model.set_correspondence(load_correspondence(opened.cf, seeded.case_id))
    assert model.rowCount() == 6
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
