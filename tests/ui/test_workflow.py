"""A postal request from the letterbox to a closed case, the way the DPO works it in the window.

Log the letter with its scans → acknowledge it → verify identity on the checklist beside the ID
copy → destroy the copy → send an extension notice → answer the access request → close. Every
step goes through the window's own widgets and the database thread; what the case file holds is
checked after each step, and the audit chain at the end.
"""

from __future__ import annotations

import io
import time
from datetime import date, timedelta
from pathlib import Path

import pypdf
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from dpo_desk.casefile.deadlines import case_deadlines
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.core.model import AttachmentRole, CaseStatus, ClockEventKind, RequestKind
from dpo_desk.ui.tasks import DbExecutor
from dpo_desk.ui.views.identity_tab import DestroyCopiesDialog, IdentityTab
from dpo_desk.ui.views.letters_tab import LettersTab

from .casework import casework_window, png_scan, select_case
from .conftest import TODAY, type_text


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def click(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    assert widget is not None and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def confirm(qtbot, parent: QWidget, name: str) -> None:  # noqa: ANN001
    def shown() -> list[QMessageBox]:
        return [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=3000)
    click(qtbot, shown()[-1].findChild(QPushButton, f"{name}Ok"))


def finalise(qtbot, tab: LettersTab) -> None:  # noqa: ANN001
    """Wait for the preview of what is typed, then finalise (the DPO agrees)."""
    finalise_button = tab.findChild(QPushButton, "finaliseButton")
    qtbot.waitUntil(finalise_button.isEnabled, timeout=8000)
    click(qtbot, finalise_button)
    confirm(qtbot, tab, "finaliseConfirmation")
    qtbot.waitUntil(lambda: tab.is_final, timeout=5000)


class Db:
    """Reads the case file the way the window does: on the database thread (or at once with
    the synchronous executor). A test must not use the connection from the GUI thread while the
    database thread works on it."""

    def __init__(self, qtbot, ctx) -> None:  # noqa: ANN001
        self.qtbot, self.ctx = qtbot, ctx

    def __call__(self, fn):  # noqa: ANN001, ANN204
        results: list = []
        errors: list = []
        self.ctx.db.run(fn, on_result=results.append, on_error=errors.append)
        self.qtbot.waitUntil(lambda: bool(results or errors), timeout=5000)
        if errors:
            raise errors[0]
        return results[0]

    def wait(self, predicate, timeout: float = 5.0) -> None:  # noqa: ANN001
        deadline = time.monotonic() + timeout
        while not self(predicate):
            assert time.monotonic() < deadline, "the case file never reached the expected state"
            self.qtbot.wait(50)


def sent_count(cf, case_id: int) -> int:  # noqa: ANN001
    return sum(1 for x in cf.letters.for_case(case_id) if x.sent_on is not None)


def record_sent(qtbot, tab: LettersTab, channel: str, db: Db, case_id: int) -> None:  # noqa: ANN001
    sent_before = db(lambda cf: sent_count(cf, case_id))
    click(qtbot, tab.findChild(QPushButton, "recordSentButton"))
    dialog = [d for d in tab.findChildren(QDialog, "recordSentDialog") if d.isVisible()][-1]
    choose(dialog.findChild(QComboBox, "sentChannel"), channel)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        click(qtbot, dialog.findChild(QPushButton, "recordSentOk"))
    db.wait(lambda cf: sent_count(cf, case_id) == sent_before + 1)


def write(qtbot, window, kind: str = "") -> LettersTab:  # noqa: ANN001
    """Case → Write letter… (the likely kind), or the letter a step of the case calls for."""
    tab = window.case_view.tab("lettersTab")
    with qtbot.waitSignal(tab.preview_shown, timeout=8000):
        if kind:
            window.write_letter(kind)
        else:
            window.write_letter_action.trigger()
    assert window.case_view.tab_widget.currentWidget() is tab
    qtbot.waitUntil(lambda: not tab.is_final and tab.viewer.kind == "pdf", timeout=8000)
    return tab


def run_the_whole_case(qtbot, opened, tmp_path: Path) -> None:  # noqa: ANN001
    db = Db(qtbot, opened.ctx)
    window = casework_window(qtbot, opened.ctx)
    controller = db(
        lambda cf: cf.controllers.by_slug("backgroundmusic")
    )  # Russian law: 10 working days + 5
    received = TODAY - timedelta(days=2)

    # 1. The letter arrives by registered post with a copy of a passport.
    letter_scan = tmp_path / "letter.png"
    letter_scan.write_bytes(png_scan("Запрос на доступ к персональным данным"))
    passport = tmp_path / "passport.png"
    passport.write_bytes(png_scan("PASSPORT 4512 345678"))
    dialog = window.new_postal_request()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "logButton").isEnabled(), timeout=3000)
    dialog.select_controller(controller.id)
    dialog.set_kinds([RequestKind.ACCESS])
    type_text(dialog.findChild(QLineEdit, "senderName"), "Пётр Иванов")
    type_text(
        dialog.findChild(QPlainTextEdit, "senderAddress"),
        "ул. Ленина, д. 5, кв. 12\n620014 Екатеринбург\nРоссия",
    )
    dialog.findChild(QLineEdit, "registeredNo").setText("RA644000012RU")
    dialog.findChild(QWidget, "receivedDate").setDate(
        QDate(received.year, received.month, received.day)
    )
    dialog.scan_list.add_files([letter_scan], AttachmentRole.LETTER_SCAN)
    dialog.scan_list.add_files([passport], AttachmentRole.ID_DOCUMENT)
    qtbot.waitUntil(lambda: len(dialog.scan_list.scans()) == 2, timeout=5000)
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        click(qtbot, dialog.findChild(QPushButton, "logButton"))
    (row,) = db(lambda cf: cf.cases.list(CaseQuery(text="Иванов")))
    case_id = row.id
    qtbot.waitUntil(
        lambda: (
            window.case_view.details is not None and window.case_view.details.case_id == case_id
        ),
        timeout=5000,
    )
    case = db(lambda cf: cf.cases.get(case_id))
    assert (case.received, case.kinds, case.status) == (
        received,
        ("access",),
        CaseStatus.RECEIVED,
    )
    stored = db(lambda cf: cf.attachments.for_case(case_id))
    assert sorted(a.role for a in stored) == sorted(
        [AttachmentRole.LETTER_SCAN, AttachmentRole.ID_DOCUMENT]
    )
    first_due = db(lambda cf: case_deadlines(cf, case_id).governing.due)

    # 2. The acknowledgement, in the reply's language, sent by post.
    tab = write(qtbot, window)  # a new request: the likely letter is the acknowledgement
    assert tab.kind == "acknowledgement"
    assert "Пётр Иванов" in pdf_text(tab.viewer.data)
    finalise(qtbot, tab)
    record_sent(qtbot, tab, "post", db, case_id)
    (ack,) = db(lambda cf: cf.letters.for_case(case_id))
    assert (ack.kind, ack.status, ack.channel, ack.sent_on) == (
        "acknowledgement",
        "final",
        "post",
        TODAY,
    )
    acknowledged = pdf_text(db(lambda cf: cf.letters.pdf(ack.id)))
    assert "16 марта 2026 г. По возможности" in acknowledged  # the deadline, one full stop
    assert first_due == date(2026, 3, 16)  # 10 working days after 28 February
    assert "Федеральным законом от 27.07.2006 № 152-ФЗ" in acknowledged  # cited in Russian

    # 3. Verify identity on the checklist beside the ID copy, then destroy the copy.
    window.verify_identity_action.trigger()
    identity = window.case_view.tab("identityTab")
    assert isinstance(identity, IdentityTab)
    assert window.case_view.tab_widget.currentWidget() is identity
    qtbot.waitUntil(
        lambda: identity.state is not None and identity.state.overview.case_id == case_id,
        timeout=5000,
    )
    qtbot.waitUntil(lambda: identity.viewer.data == passport.read_bytes(), timeout=5000)
    form = identity.checklist_form
    choose(form.document_type, "passport")
    type_text(form.country, "ru")
    qtbot.keyClicks(form.last4, "4512345678")
    if not form.expiry_known.isChecked():
        click(qtbot, form.expiry_known)
    form.expiry.setDate(QDate(2031, 5, 1))
    for observation in form.observations.values():
        choose(observation, "yes")
    click(qtbot, identity.findChild(QPushButton, "outcome_verified"))
    db.wait(lambda cf: cf.cases.get(case_id).status == CaseStatus.IN_PROGRESS)
    record = db(lambda cf: cf.identity.latest(case_id))
    assert (record.outcome, record.document_last4) == ("verified", "5678")
    qtbot.waitUntil(identity.destroy_button.isEnabled, timeout=3000)
    click(qtbot, identity.destroy_button)
    destroy = [d for d in identity.findChildren(DestroyCopiesDialog) if d.isVisible()][-1]
    destroy.reason.setText("Identity verified")
    click(qtbot, destroy.findChild(QPushButton, "confirmDestroy"))
    db.wait(lambda cf: bool(cf.identity.latest(case_id).destroyed))
    attachments = db(lambda cf: cf.attachments.for_case(case_id))
    copies = [a for a in attachments if a.role == AttachmentRole.ID_DOCUMENT]
    assert len(copies) == 1 and copies[0].destroyed_at is not None
    assert db(lambda cf: cf.identity.latest(case_id).destroyed)  # the record keeps the hash

    # 4. The answer needs more time: an extension notice with its reasons.
    tab = write(qtbot, window, "extension_notice")
    type_text(
        tab.findChild(QPlainTextEdit, "extension_reasons"),
        "Данные хранятся в архиве партнёра.",
    )
    qtbot.waitUntil(lambda: "архиве партнёра" in pdf_text(tab.viewer.data), timeout=8000)
    finalise(qtbot, tab)
    record_sent(qtbot, tab, "email", db, case_id)
    events = [e.kind for e in db(lambda cf: cf.cases.clock_events(case_id))]
    assert ClockEventKind.EXTENSION_NOTICE_SENT in events
    governing = db(lambda cf: case_deadlines(cf, case_id).governing)
    assert governing.extended and governing.due > first_due
    qtbot.waitUntil(
        lambda: (
            window.case_model.row_of(case_id) >= 0
            and window.case_model.row_at(window.case_model.row_of(case_id)).due_on == governing.due
        ),
        timeout=5000,
    )

    # 5. The response to the access request, with its enclosure; the case is answered.
    tab = write(qtbot, window, "access_response")
    qtbot.keyClicks(tab.findChild(QPlainTextEdit, "enclosures"), "data-export.pdf")
    qtbot.waitUntil(lambda: "data-export.pdf" in pdf_text(tab.viewer.data), timeout=8000)
    finalise(qtbot, tab)
    record_sent(qtbot, tab, "post", db, case_id)
    assert db(lambda cf: cf.cases.get(case_id).status) == CaseStatus.RESPONDED
    kinds = [letter.kind for letter in db(lambda cf: cf.letters.for_case(case_id))]
    assert sorted(kinds) == ["access_response", "acknowledgement", "extension_notice"]

    # 6. Close the case on the overview. Answered, it left the Open view (and the pane, which
    # never shows a case of another view): find it under All.
    select_case(qtbot, window, case_id)
    overview = window.case_view.show_tab("overviewTab")
    qtbot.waitUntil(
        lambda: overview.findChild(QPushButton, "status_closed") is not None, timeout=3000
    )
    click(qtbot, overview.findChild(QPushButton, "status_closed"))
    db.wait(lambda cf: cf.cases.get(case_id).status == CaseStatus.CLOSED)

    # Everything is on the record, and the record is whole.
    actions = [e.action for e in db(lambda cf: cf.audit.events(case_id))]
    for expected in ("case.created", "attachment.destroyed", "case.status"):
        assert expected in actions, (expected, actions)
    assert db(lambda cf: cf.verify_audit().ok)
    assert not opened.bugs and not opened.known


def test_postal_request_to_closed_case(qtbot, open_copy, tmp_path: Path) -> None:
    run_the_whole_case(qtbot, open_copy("demo"), tmp_path)


def test_postal_request_to_closed_case_on_the_database_thread(
    qtbot, open_copy, tmp_path: Path
) -> None:
    """The same, with every operation on the real database thread (results come by signal)."""
    executor = DbExecutor(lambda exc: None)
    run_the_whole_case(qtbot, open_copy("demo", executor=executor), tmp_path)
