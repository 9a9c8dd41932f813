"""The letters tab on a real (copied) demo file: compose → live preview → edit → finalise → print.

Outcomes are read back from the case file and from the files written: the final PDF's text
(pypdf) and SHA-256, the letter register, the case's status and clock, the printed PDF.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Callable
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from dpo_desk.core.model import Case, CaseStatus, Channel, ClockEventKind, RequestKind
from dpo_desk.ui.main_window import MainWindow
from dpo_desk.ui.models.sidebar import SidebarEntry
from dpo_desk.ui.tasks import DbExecutor
from dpo_desk.ui.views.letters_tab import LettersTab

from .conftest import TODAY, type_text


def pdf_text(data: bytes) -> str:
    """The text of a PDF, whitespace folded (lines wrap anywhere in a letter)."""
    if not data:
        return ""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def find_case(cf, predicate: Callable[[Case], bool]) -> Case:  # noqa: ANN001
    for row in cf.cases.list():
        case = cf.cases.get(row.id)
        if predicate(case):
            return case
    raise AssertionError("no such case in the demo file")


def letters_window(qtbot, ctx, case_id: int) -> tuple[MainWindow, LettersTab]:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.select_scope(SidebarEntry("all"))
    qtbot.waitUntil(lambda: window.case_model.row_of(case_id) >= 0, timeout=3000)
    window.case_table.selectRow(window.case_model.row_of(case_id))
    qtbot.waitUntil(lambda: window.case_view.case_id == case_id, timeout=3000)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=3000)
    tab = window.case_view.show_tab("lettersTab")
    assert isinstance(tab, LettersTab)
    qtbot.waitUntil(lambda: tab.viewer.kind == "pdf", timeout=5000)
    return window, tab


def click(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    assert widget is not None and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def box_named(qtbot, parent: QWidget, name: str) -> QMessageBox:  # noqa: ANN001
    """The question on screen (a closed one may linger until its deferred deletion)."""

    def shown() -> list[QMessageBox]:
        return [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=2000)
    return shown()[-1]


def answer(qtbot, box: QMessageBox, ok: bool) -> None:  # noqa: ANN001
    if ok:
        click(qtbot, box.findChild(QPushButton, f"{box.objectName()}Ok"))
    else:
        click(qtbot, box.button(QMessageBox.StandardButton.Cancel))


def test_access_response_composed_previewed_edited_finalised_printed_and_sent(
    qtbot, open_copy, tmp_path: Path
) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(cf, lambda c: c.subject.name == "Мээрим Абдыкадырова")
    window, tab = letters_window(qtbot, opened.ctx, case.id)

    # The likely letter, in the case's reply language, with the checks' warnings.
    assert tab.kind == "access_response" and tab.language == "ky"
    assert {"needs_legal_review", "access_without_enclosures"} <= set(tab.warning_codes())
    assert "ASTRUM OYUN" in pdf_text(tab.viewer.data)
    editor = tab.findChild(QPlainTextEdit, "letterText")
    assert editor.toPlainText().startswith("Урматтуу Мээрим Абдыкадырова")

    # A field typed in: the preview follows after a pause in typing.
    qtbot.keyClicks(tab.findChild(QPlainTextEdit, "enclosures"), "account-export.csv")
    qtbot.waitUntil(lambda: "account-export.csv" in pdf_text(tab.viewer.data), timeout=5000)
    assert "access_without_enclosures" not in tab.warning_codes()
    assert "needs_legal_review" in tab.warning_codes()

    # The DPO edits the text itself.
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "PS: Answered by the DPO in person.")
    qtbot.waitUntil(lambda: "Answered by the DPO" in pdf_text(tab.viewer.data), timeout=5000)
    assert tab.findChild(QLabel, "editedHint").isVisible()

    # Finalise: asked first, then the PDF is in the case file with its SHA-256, immutable.
    assert not tab.findChild(QPushButton, "printButton").isEnabled()
    click(qtbot, tab.findChild(QPushButton, "finaliseButton"))
    answer(qtbot, box_named(qtbot, tab, "finaliseConfirmation"), ok=True)
    qtbot.waitUntil(lambda: tab.is_final, timeout=3000)
    (letter,) = cf.letters.for_case(case.id)
    assert letter.status == "final" and letter.kind == "access_response"
    stored = cf.letters.pdf(letter.id)
    assert hashlib.sha256(stored).hexdigest() == letter.sha256
    text = pdf_text(stored)
    assert "Answered by the DPO in person." in text and "account-export.csv" in text
    assert tab.viewer.data == stored
    assert letter.sha256 in tab.findChild(QLabel, "letterInfo").text()
    assert editor.isReadOnly()
    assert not tab.findChild(QPushButton, "finaliseButton").isEnabled()
    assert tab.findChild(QWidget, "lettersTable").model().rowCount() == 1

    # Print: the print dialog, then the pages from memory onto the printer (a PDF file here).
    printed = tmp_path / "printed.pdf"
    tab.printer.setOutputFileName(str(printed))
    click(qtbot, tab.findChild(QPushButton, "printButton"))
    dialog = tab.findChild(QDialog, "printDialog")
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(tab.printed, timeout=10000) as pages:
        dialog.accept()
    assert pages.args == [len(pypdf.PdfReader(io.BytesIO(stored)).pages)]
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == pages.args[0]
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4
    ink = reader.pages[0].images[0].image.convert("L")
    assert ink.getextrema()[0] < 80  # text is printed, not a blank page
    assert str(printed) in tab.findChild(QLabel, "letterMessage").text()

    # Record as sent: registered post needs its number; the case moves to responded.
    click(qtbot, tab.findChild(QPushButton, "recordSentButton"))
    sent = tab.findChild(QDialog, "recordSentDialog")
    channel = sent.findChild(QComboBox, "sentChannel")
    channel.setCurrentIndex(channel.findData("registered_post"))
    click(qtbot, sent.findChild(QPushButton, "recordSentOk"))
    assert "number" in sent.findChild(QLabel, "recordSentMessage").text()
    assert cf.letters.get(letter.id).sent_on is None
    qtbot.keyClicks(sent.findChild(QLineEdit, "registeredNumber"), "RR123456789KG")
    click(qtbot, sent.findChild(QPushButton, "recordSentOk"))
    after = cf.letters.get(letter.id)
    assert (after.sent_on, after.channel, after.registered_no) == (
        TODAY,
        "registered_post",
        "RR123456789KG",
    )
    assert cf.cases.get(case.id).status == CaseStatus.RESPONDED
    assert "Responded" in tab.findChild(QLabel, "letterMessage").text()
    qtbot.waitUntil(lambda: "RR123456789KG" in tab.findChild(QLabel, "letterInfo").text())
    assert not tab.findChild(QPushButton, "recordSentButton").isEnabled()
    assert window.case_view.details.case.status == CaseStatus.RESPONDED


def test_save_as_writes_the_final_pdf_where_the_dpo_chooses(
    qtbot, open_copy, tmp_path: Path
) -> None:
    opened = open_copy("demo")
    case = find_case(
        opened.cf,
        lambda c: (
            c.status == CaseStatus.RECEIVED
            and c.channel == Channel.POST
            and "Ленина" in c.subject.address
        ),
    )
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    assert tab.kind == "acknowledgement" and tab.language == "ru"
    assert not tab.findChild(QPushButton, "saveLetterAsButton").isEnabled()
    click(qtbot, tab.findChild(QPushButton, "finaliseButton"))
    answer(qtbot, box_named(qtbot, tab, "finaliseConfirmation"), ok=True)
    qtbot.waitUntil(lambda: tab.is_final, timeout=3000)
    click(qtbot, tab.findChild(QPushButton, "saveLetterAsButton"))
    dialog = tab.findChild(QFileDialog, "saveCopyDialog")
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "out" / "acknowledgement.pdf"
    target.parent.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()
    (letter,) = opened.cf.letters.for_case(case.id)
    assert target.read_bytes() == opened.cf.letters.pdf(letter.id)
    assert case.subject.name in pdf_text(target.read_bytes())


def test_identity_request_from_compose_pauses_the_clock(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(
        cf,
        lambda c: (
            c.status == CaseStatus.RECEIVED
            and c.channel == Channel.POST
            and "Ленина" in c.subject.address
        ),
    )
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    tab.compose("identity_request")  # what the identity tab and the toolbar call
    qtbot.waitUntil(lambda: tab.kind == "identity_request", timeout=2000)
    doubt = tab.findChild(QPlainTextEdit, "identity_doubt")
    assert doubt.isVisible() and not tab.findChild(QPlainTextEdit, "refusal_reasons").isVisible()
    type_text(doubt, "Подпись в запросе не совпадает с подписью в договоре.")
    qtbot.waitUntil(lambda: "не совпадает" in pdf_text(tab.viewer.data), timeout=5000)
    click(qtbot, tab.findChild(QPushButton, "finaliseButton"))
    box = box_named(qtbot, tab, "finaliseConfirmation")
    assert "awaiting identity" in box.informativeText()
    answer(qtbot, box, ok=True)
    qtbot.waitUntil(lambda: tab.is_final, timeout=3000)
    assert cf.cases.get(case.id).status == CaseStatus.AWAITING_IDENTITY
    assert ClockEventKind.IDENTITY_REQUESTED in [e.kind for e in cf.cases.clock_events(case.id)]
    (letter,) = cf.letters.for_case(case.id)
    assert "не совпадает" in pdf_text(cf.letters.pdf(letter.id))


def test_a_refusal_without_reasons_must_be_acknowledged(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(cf, lambda c: c.status == CaseStatus.IN_PROGRESS and c.language == "en")
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    kind = tab.findChild(QComboBox, "letterKind")
    kind.setCurrentIndex(kind.findData("refusal"))
    qtbot.waitUntil(lambda: "refusal_without_reasons" in tab.warning_codes(), timeout=5000)
    assert "refusal_without_legal_ground" in tab.warning_codes()
    # Issue 16: blocking warnings are acknowledged with a tick before Finalise is offered.
    finalise = tab.findChild(QPushButton, "finaliseButton")
    tick = tab.findChild(QCheckBox, "acknowledgeWarnings")
    assert tick.isVisible() and not tick.isChecked() and not finalise.isEnabled()
    tick.setChecked(True)
    click(qtbot, finalise)
    box = box_named(qtbot, tab, "finaliseConfirmation")
    assert "The refusal gives no reasons." in box.informativeText()
    assert (
        box.findChild(QPushButton, "finaliseConfirmationOk").text()
        == "&Finalise with the warnings acknowledged"
    )
    answer(qtbot, box, ok=False)
    assert cf.letters.for_case(case.id) == [] and not tab.is_final

    qtbot.keyClicks(
        tab.findChild(QPlainTextEdit, "refusal_reasons"), "The request is manifestly excessive."
    )
    qtbot.keyClicks(tab.findChild(QLineEdit, "legal_ground"), "GDPR Art. 12(5)(b)")
    qtbot.waitUntil(lambda: "refusal_without_reasons" not in tab.warning_codes(), timeout=5000)
    assert "refusal_without_legal_ground" not in tab.warning_codes()
    assert not tick.isVisible()
    click(qtbot, tab.findChild(QPushButton, "finaliseButton"))
    box = box_named(qtbot, tab, "finaliseConfirmation")
    assert box.findChild(QPushButton, "finaliseConfirmationOk").text() == "&Finalise"
    answer(qtbot, box, ok=True)
    qtbot.waitUntil(lambda: tab.is_final, timeout=3000)
    (letter,) = cf.letters.for_case(case.id)
    text = pdf_text(cf.letters.pdf(letter.id))
    assert "manifestly excessive" in text and "GDPR Art. 12(5)(b)" in text

    click(qtbot, tab.findChild(QPushButton, "recordSentButton"))
    sent = tab.findChild(QDialog, "recordSentDialog")
    channel = sent.findChild(QComboBox, "sentChannel")
    channel.setCurrentIndex(channel.findData("email"))
    assert not sent.findChild(QLineEdit, "registeredNumber").isVisible()
    click(qtbot, sent.findChild(QPushButton, "recordSentOk"))
    assert cf.letters.get(letter.id).channel == "email"
    assert cf.cases.get(case.id).status == CaseStatus.REJECTED


def test_missing_address_warns_until_one_is_typed(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    case = find_case(
        opened.cf,
        lambda c: c.status.is_open and not c.subject.address.strip() and not c.subject.email,
    )
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    assert "missing_address" in tab.warning_codes()
    type_text(tab.findChild(QPlainTextEdit, "recipient_address"), "ул. Токтогула 5\nБишкек")
    qtbot.waitUntil(lambda: "missing_address" not in tab.warning_codes(), timeout=5000)
    assert "Токтогула" in pdf_text(tab.viewer.data)


def test_a_draft_is_saved_reopened_and_finalised(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(
        cf,
        lambda c: (
            c.status == CaseStatus.IN_PROGRESS
            and c.language == "en"
            and RequestKind.ERASURE in c.kinds
        ),
    )
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    kind = tab.findChild(QComboBox, "letterKind")
    kind.setCurrentIndex(kind.findData("action_confirmation"))
    enclosures = tab.findChild(QPlainTextEdit, "enclosures")
    qtbot.waitUntil(enclosures.isVisible, timeout=2000)
    assert not tab.findChild(QPlainTextEdit, "refusal_reasons").isVisible()
    qtbot.keyClicks(enclosures, "Deletion log of the CRM")
    qtbot.keyClicks(tab.findChild(QLineEdit, "signatory_name"), "Aliya Dzhaksybekova")
    click(qtbot, tab.findChild(QPushButton, "saveDraftButton"))
    (draft,) = cf.letters.for_case(case.id)
    assert draft.status == "draft" and tab.letter_id == draft.id
    assert "saved" in tab.findChild(QLabel, "letterMessage").text()

    # A new letter starts afresh; the draft comes back from the list with its fields.
    click(qtbot, tab.findChild(QPushButton, "newLetterButton"))
    assert tab.letter_id is None and enclosures.toPlainText() == ""
    table = tab.findChild(QWidget, "lettersTable")
    table.selectRow(table.model().row_of(draft.id))
    qtbot.waitUntil(lambda: tab.letter_id == draft.id, timeout=2000)
    assert tab.kind == "action_confirmation"
    assert enclosures.toPlainText() == "Deletion log of the CRM"
    qtbot.waitUntil(lambda: "Aliya Dzhaksybekova" in pdf_text(tab.viewer.data), timeout=5000)

    # Unsaved changes are not dropped without asking.
    enclosures.moveCursor(enclosures.textCursor().MoveOperation.End)
    qtbot.keyClicks(enclosures, " and of the archives")
    click(qtbot, tab.findChild(QPushButton, "newLetterButton"))
    answer(qtbot, box_named(qtbot, tab, "discardLetterConfirmation"), ok=False)
    assert tab.letter_id == draft.id and enclosures.toPlainText().endswith("of the archives")
    qtbot.waitUntil(lambda: "of the archives" in pdf_text(tab.viewer.data), timeout=5000)

    click(qtbot, tab.findChild(QPushButton, "finaliseButton"))
    answer(qtbot, box_named(qtbot, tab, "finaliseConfirmation"), ok=True)
    qtbot.waitUntil(lambda: tab.is_final, timeout=3000)
    (final,) = cf.letters.for_case(case.id)
    assert final.id == draft.id and final.status == "final"
    assert "Deletion log of the CRM and of the archives" in pdf_text(cf.letters.pdf(final.id))


def test_edited_text_is_kept_until_the_dpo_agrees_and_a_draft_can_be_deleted(
    qtbot, open_copy
) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(cf, lambda c: c.status == CaseStatus.IN_PROGRESS and c.language == "en")
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    editor = tab.findChild(QPlainTextEdit, "letterText")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Kind regards from the DPO.")
    qtbot.waitUntil(lambda: "Kind regards from the DPO." in pdf_text(tab.viewer.data), timeout=5000)
    before = tab.kind
    kind = tab.findChild(QComboBox, "letterKind")
    kind.setCurrentIndex(kind.findData("refusal"))
    answer(qtbot, box_named(qtbot, tab, "replaceTextConfirmation"), ok=False)
    assert tab.kind == before and "Kind regards from the DPO." in editor.toPlainText()

    click(qtbot, tab.findChild(QPushButton, "saveDraftButton"))
    (draft,) = cf.letters.for_case(case.id)
    assert "Kind regards from the DPO." in draft.text  # the edited text is kept with the draft
    click(qtbot, tab.findChild(QPushButton, "resetTextButton"))
    answer(qtbot, box_named(qtbot, tab, "resetTextConfirmation"), ok=True)
    qtbot.waitUntil(lambda: "Kind regards from the DPO." not in editor.toPlainText(), timeout=5000)
    assert not tab.findChild(QPushButton, "resetTextButton").isVisible()

    click(qtbot, tab.findChild(QPushButton, "deleteDraftButton"))
    answer(qtbot, box_named(qtbot, tab, "deleteDraftConfirmation"), ok=True)
    assert cf.letters.for_case(case.id) == []
    assert tab.letter_id is None and tab.findChild(QWidget, "lettersTable").model().rowCount() == 0


def test_an_unsaved_letter_is_kept_as_a_draft_when_the_dpo_moves_to_another_case(
    qtbot, open_copy
) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    first = find_case(cf, lambda c: c.status == CaseStatus.IN_PROGRESS and c.language == "en")
    other = find_case(cf, lambda c: c.id != first.id and c.status == CaseStatus.RECEIVED)
    window, tab = letters_window(qtbot, opened.ctx, first.id)
    editor = tab.findChild(QPlainTextEdit, "letterText")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Typed before lunch.")
    assert cf.letters.for_case(first.id) == []

    window.case_table.selectRow(window.case_model.row_of(other.id))
    qtbot.waitUntil(lambda: window.case_view.case_id == other.id, timeout=3000)
    qtbot.waitUntil(lambda: len(cf.letters.for_case(first.id)) == 1, timeout=3000)
    (draft,) = cf.letters.for_case(first.id)
    assert draft.status == "draft" and "Typed before lunch." in draft.text
    assert first.reference in tab.findChild(QLabel, "letterMessage").text()
    assert "Typed before lunch." not in editor.toPlainText()  # the new case starts afresh


def test_the_newest_preview_wins_on_the_database_thread(qtbot, open_copy) -> None:
    executor = DbExecutor(lambda exc: None)
    opened = open_copy("demo", executor=executor)
    case = find_case(opened.cf, lambda c: c.subject.name == "Мээрим Абдыкадырова")
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    shown: list[bytes] = []
    tab.preview_shown.connect(lambda: shown.append(tab.viewer.data))
    name = tab.findChild(QLineEdit, "recipient_name")

    finalise = tab.findChild(QPushButton, "finaliseButton")
    assert finalise.isEnabled()

    gate = threading.Event()
    opened.ctx.db.run(lambda _cf: gate.wait(10))  # the database thread is busy for a moment
    name.setText("First Recipient")
    tab.refresh_preview()
    name.setText("Second Recipient")
    tab.refresh_preview()
    assert not finalise.isEnabled()  # not before the checks of what is typed now are back
    gate.set()
    qtbot.waitUntil(lambda: "Second Recipient" in pdf_text(tab.viewer.data), timeout=5000)
    flushed: list[bool] = []
    opened.ctx.db.run(lambda _cf: True, on_result=flushed.append)  # after every earlier result
    qtbot.waitUntil(lambda: bool(flushed), timeout=5000)
    assert len(shown) == 1 and "First Recipient" not in pdf_text(shown[0])
    assert finalise.isEnabled()
    assert threading.get_ident() not in executor.thread_ids


def test_locking_drops_the_letter_and_its_preview(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    case = find_case(opened.cf, lambda c: c.subject.name == "Мээрим Абдыкадырова")
    window, tab = letters_window(qtbot, opened.ctx, case.id)
    assert tab.viewer.data
    window.lock()
    assert tab.viewer.data == b"" and tab.viewer.kind == ""
    assert tab.findChild(QPlainTextEdit, "letterText").toPlainText() == ""
    assert tab.findChild(QWidget, "lettersTable").model().rowCount() == 0


def test_missing_particulars_refuse_finalising_and_the_salutation_is_chosen(
    qtbot, open_copy
) -> None:
    """Issue 16: no tick lifts a refusal; the salutation follows the choice; no extension
    notice is offered under Kyrgyz law."""
    from dpo_desk.services import letters

    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(
        cf,
        lambda c: (
            c.status == CaseStatus.IN_PROGRESS
            and cf.controllers.get(c.controller_id).slug == "astrum-oyun"
        ),
    )
    items = letters.profile(cf, case.controller_id, "ru")
    del items["retention"]
    letters.set_profile(cf, case.controller_id, "ru", items)
    _window, tab = letters_window(qtbot, opened.ctx, case.id)
    kinds = tab.findChild(QComboBox, "letterKind")
    extension = kinds.model().item(kinds.findData("extension_notice"))
    assert not extension.isEnabled()
    kinds.setCurrentIndex(kinds.findData("access_response"))
    language = tab.findChild(QComboBox, "letterLanguage")
    language.setCurrentIndex(language.findData("ru"))
    qtbot.waitUntil(lambda: "profile_item_missing" in tab.warning_codes(), timeout=5000)
    tick = tab.findChild(QCheckBox, "acknowledgeWarnings")
    tick.setChecked(True)
    assert not tab.findChild(QPushButton, "finaliseButton").isEnabled()

    salutation = tab.findChild(QComboBox, "letterSalutation")
    salutation.setCurrentIndex(salutation.findData("f"))
    qtbot.waitUntil(
        lambda: f"Уважаемая {case.subject.name}!" in pdf_text(tab.viewer.data), timeout=5000
    )
