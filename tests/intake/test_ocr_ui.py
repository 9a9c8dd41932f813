"""The window's side of paper intake (issue 18): the postal dialog pre-filled from a read letter,
the recognised text beside a letter scan in the correspondence tab, the checklist filled from an
ID copy's MRZ. Real case files (the UI suite's session-built demo file), real OCR."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.core.model import AttachmentRole, DataSubject, RequestKind
from dpo_desk.intake.service import Scan, log_postal
from dpo_desk.ui.views.correspondence_tab import CorrespondenceTab
from tests.identity.test_mrz import DOCUMENTS
from tests.ui.casework import casework_window, open_tab, select_case
from tests.ui.conftest import TODAY, built_files, open_copy  # noqa: F401 - fixtures
from tests.ui.test_identity_tab import identity_tab

from .test_ocr_builders import encode, id_copy, letter_scan


def _case_with_scans(cf, name: str = "Élodie Lefèvre") -> int:  # noqa: ANN001
    controller = cf.controllers.by_slug("astrum-oyun")
    lines, _ = DOCUMENTS["french-td1"]
    case = log_postal(
        cf,
        controller=controller,
        subject=DataSubject(name=name),
        kinds=[RequestKind.ACCESS],
        received=TODAY,
        today=TODAY,
        scans=[
            Scan("lettre.png", letter_scan("fr")),
            Scan("cni.png", encode(id_copy(lines)), AttachmentRole.ID_DOCUMENT),
        ],
        confirm_id_copy=True,
    )
    return int(case.id or 0)


def test_postal_dialog_is_prefilled_from_the_scan(qtbot, open_copy, tmp_path: Path) -> None:  # noqa: F811
    opened = open_copy("demo")
    window = casework_window(qtbot, opened.ctx)
    dialog = window.new_postal_request()
    controller = opened.cf.controllers.by_slug("astrum-oyun")
    dialog.select_controller(controller.id)
    scan = tmp_path / "өтініш.png"
    scan.write_bytes(letter_scan("kk"))
    dialog.scan_list.add_files([scan], AttachmentRole.LETTER_SCAN)
    qtbot.waitUntil(lambda: len(dialog.scan_list.scans()) == 1, timeout=3000)
    qtbot.mouseClick(dialog.findChild(QPushButton, "readScanButton"), Qt.MouseButton.LeftButton)
    status = dialog.findChild(QLabel, "ocrStatus")
    qtbot.waitUntil(lambda: "Check and confirm" in status.text(), timeout=20000)
    assert dialog.kinds()[0] == RequestKind.ACCESS
    assert dialog.findChild(QComboBox, "languageCombo").currentData() == "kk"
    assert dialog.findChild(QLineEdit, "senderName").text() == "Әлібек Сейітқали"
    address = dialog.findChild(QPlainTextEdit, "senderAddress").toPlainText()
    assert "Абай даңғылы 12" in address
    qtbot.mouseClick(dialog.findChild(QPushButton, "logButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    found = opened.cf.cases.list(CaseQuery(text="даңғылы"))
    assert [c.subject_name for c in found] == ["Әлібек Сейітқали"]
    assert len(opened.cf.scan_texts.for_case(found[0].id)) == 1


def test_engine_missing_in_the_dialog_is_said_and_the_case_still_logs(
    qtbot,
    open_copy,  # noqa: F811
    tmp_path: Path,
    monkeypatch,
) -> None:
    from dpo_desk.intake import ocr

    monkeypatch.setattr(ocr, "_tessdata", lambda: ("", frozenset()))
    opened = open_copy("demo")
    window = casework_window(qtbot, opened.ctx)
    dialog = window.new_postal_request()
    dialog.select_controller(opened.cf.controllers.by_slug("astrum-oyun").id)
    scan = tmp_path / "letter.png"
    scan.write_bytes(letter_scan("ru"))
    dialog.scan_list.add_files([scan], AttachmentRole.LETTER_SCAN)
    qtbot.waitUntil(lambda: len(dialog.scan_list.scans()) == 1, timeout=3000)
    dialog.read_scans()
    assert "No OCR language models were found" in dialog.findChild(QLabel, "ocrStatus").text()
    dialog.findChild(QLineEdit, "senderName").setText("Ivan Petrov")
    # the reply needs somewhere to go (issue 21): the DPO types the address OCR could not read
    dialog.findChild(QPlainTextEdit, "senderAddress").setPlainText("ул. Абая 1, Бишкек")
    qtbot.mouseClick(dialog.findChild(QPushButton, "logButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert opened.cf.cases.list(CaseQuery(text="Petrov"))


def test_recognised_text_beside_the_scan(qtbot, open_copy) -> None:  # noqa: F811
    opened = open_copy("demo")
    case_id = _case_with_scans(opened.cf)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    assert isinstance(tab, CorrespondenceTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 2, timeout=3000)
    rows = {tab.model.item_at(r).file.filename: r for r in range(tab.model.rowCount())
            if tab.model.item_at(r).file is not None}  # fmt: skip
    tab.table.selectRow(rows["lettre.png"])
    pane = tab.scan_text
    qtbot.waitUntil(lambda: "No text has been read" in pane.status.text(), timeout=3000)
    assert pane.isVisible()
    pane.read_button.click()
    qtbot.waitUntil(lambda: "RGPD" in pane.text.toPlainText(), timeout=30000)
    assert pane.text.isReadOnly()
    assert pane.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert "French" in pane.status.text() or "fr" in pane.status.text().lower()
    assert case_id in [c.id for c in opened.cf.cases.list(CaseQuery(text="RGPD"))]
    tab.table.selectRow(rows["cni.png"])  # an ID copy: never read into text
    qtbot.waitUntil(lambda: not pane.isVisible(), timeout=3000)


def test_checklist_filled_from_the_mrz(qtbot, open_copy) -> None:  # noqa: F811
    opened = open_copy("demo")
    case_id = _case_with_scans(opened.cf)
    window = casework_window(qtbot, opened.ctx)
    tab = identity_tab(qtbot, window, case_id)
    form = tab.checklist_form
    qtbot.mouseClick(form.read_mrz, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "check digits are valid" in form.mrz_status.text(), timeout=20000)
    assert form.document_type.currentData() == "national_id"
    assert form.country.text() == "FR"
    assert form.last4.text() == "BPFW4"[-4:]
    assert form.expiry_known.isChecked() and form.expiry.date().year() == 2031
    assert form.observations["name_matches"].currentData() == "yes"
    assert "LEFEVRE" in form.mrz_status.text()
    assert date(1988, 5, 17).year == 1988


def test_reading_runs_off_the_gui_thread_and_can_be_stopped(qtbot, open_copy) -> None:  # noqa: F811
    from dpo_desk.ui.tasks import DbExecutor

    executor = DbExecutor(lambda exc: None)
    opened = open_copy("demo", executor=executor)
    case_id = _case_with_scans(opened.cf)
    window = casework_window(qtbot, opened.ctx)
    select_case(qtbot, window, case_id)
    tab = open_tab(qtbot, window, "correspondenceTab")
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 2, timeout=5000)
    row = next(
        r
        for r in range(tab.model.rowCount())
        if tab.model.item_at(r).file is not None
        and tab.model.item_at(r).file.filename == "lettre.png"
    )
    tab.table.selectRow(row)
    pane = tab.scan_text
    qtbot.waitUntil(lambda: "No text has been read" in pane.status.text(), timeout=5000)
    pane.read()  # returns at once: the OCR runs on the database thread
    assert not pane.read_button.isEnabled() and pane.stop_button.isVisible()
    assert pane.text.toPlainText() == ""
    pane.stop()
    assert pane.read_button.isEnabled() and not pane.stop_button.isVisible()
    executor.wait()
    pane.read()
    qtbot.waitUntil(lambda: "RGPD" in pane.text.toPlainText(), timeout=60000)
    assert not pane.stop_button.isVisible()
    executor.wait()
