"""The main window on a real (copied) case file: list, search, sidebar, case view, actions."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from dpo_desk.casefile.deadlines import case_deadlines
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.core.model import CaseStatus, RequestKind
from dpo_desk.core.workflow import TRANSITIONS
from dpo_desk.ui.models.case_table import CASE_ID_ROLE
from dpo_desk.ui.models.sidebar import COUNT_ROLE, SidebarEntry
from dpo_desk.ui.tasks import DbExecutor

from .conftest import TODAY, add_case, add_controller, make_window, type_text


def _subjects(window) -> list[str]:  # noqa: ANN001
    model = window.case_model
    return [model.row_at(r).subject_name for r in range(model.rowCount())]


def _select_case(qtbot, window, case_id: int) -> None:  # noqa: ANN001
    window.select_scope(SidebarEntry("all"))
    qtbot.waitUntil(lambda: window.case_model.row_of(case_id) >= 0, timeout=2000)
    window.case_table.selectRow(window.case_model.row_of(case_id))
    qtbot.waitUntil(
        lambda: window.case_view.case_id == case_id and window.case_view.details is not None,
        timeout=2000,
    )


def test_window_shows_open_cases_counts_and_focus(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    counts = opened.cf.cases.counts_by_view(TODAY)
    assert window.case_model.rowCount() == counts["open"]
    model = window.sidebar_model
    for view in ("overdue", "due_soon", "awaiting_identity", "open", "all", "closed"):
        assert model.data(model.index_of(SidebarEntry(view)), COUNT_ROLE) == counts[view]
    assert window.windowTitle() == "demo.dpodesk — DPO Desk"
    assert window.banner.isVisible()
    assert "overdue" in window.banner.text
    qtbot.waitUntil(lambda: window.focusWidget() is window.case_table, timeout=1000)
    window.sidebar.setCurrentIndex(model.index_of(SidebarEntry("closed")))
    assert window.case_model.rowCount() == counts["closed"]
    controller = opened.cf.controllers.by_slug("infini")
    window.sidebar.setCurrentIndex(model.index_of(SidebarEntry("all", controller.id)))
    assert window.case_model.rowCount() == opened.cf.cases.count(
        CaseQuery(controller_id=controller.id)
    )
    assert {
        window.case_model.row_at(r).controller_slug for r in range(window.case_model.rowCount())
    } == {"infini"}


def test_search_as_you_type_finds_a_cyrillic_name(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.select_scope(SidebarEntry("all"))
    type_text(window.search, "токтогул")  # lower case: FTS5 folds Cyrillic
    qtbot.waitUntil(lambda: window.case_model.query.text == "токтогул", timeout=1000)
    names = _subjects(window)
    assert "Айбек Токтогулов" in names
    assert "Иван Петров" not in names
    expected = opened.cf.cases.list(CaseQuery(text="ТОКТОГУЛ"))  # the address "ул. Токтогула" too
    assert sorted(names) == sorted(r.subject_name for r in expected)
    window.search.clear()
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 41, timeout=1000)


def test_search_runs_once_after_typing_stops(qtbot, open_copy, monkeypatch) -> None:
    from dpo_desk.ui.models import case_table

    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    queries: list[str] = []
    real = case_table.load_first_page

    def counted(cf, query, limit):  # noqa: ANN001, ANN202
        queries.append(query.text)
        return real(cf, query, limit)

    monkeypatch.setattr(case_table, "load_first_page", counted)
    type_text(window.search, "Сергей")
    qtbot.waitUntil(lambda: window.case_model.query.text == "Сергей", timeout=1000)
    assert queries == ["Сергей"]  # one search for six keystrokes (debounced)


def test_clicking_the_due_header_sorts_by_due_date(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    header = window.case_table.horizontalHeader()
    header.setSortIndicator(6, Qt.SortOrder.AscendingOrder)
    assert window.case_model.query.order_by == "due"
    dues = [window.case_model.row_at(r).due_on for r in range(window.case_model.rowCount())]
    assert dues == sorted(dues)


def test_log_a_postal_request_through_the_dialog(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.select_scope(SidebarEntry("all"))
    dialog = window.new_postal_request()
    controller = opened.cf.controllers.by_slug("astrum-oyun")
    dialog.select_controller(controller.id)
    dialog.set_kinds([RequestKind.ERASURE, RequestKind.CONSENT_WITHDRAWAL])
    dialog.findChild(type(dialog.findChild(QLineEdit, "senderName")), "senderName")
    type_text(dialog.findChild(QLineEdit, "senderName"), "Гүлнара Асанова")
    dialog.findChild(QLineEdit, "registeredNo").setText("RR123456785KG")
    received = TODAY - timedelta(days=2)
    dialog.findChild(type(dialog._received), "receivedDate").setDate(  # noqa: SLF001
        QDate(received.year, received.month, received.day)
    )
    log = dialog.findChild(QPushButton, "logButton")
    # a name alone gives nowhere to send the reply: the case service's postal rule refuses it
    qtbot.mouseClick(log, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "address or e-mail" in dialog.findChild(QLabel, "postalMessage").text()
    type_text(dialog.findChild(QPlainTextEdit, "senderAddress"), "ул. Токтогула 5, Бишкек")
    # the postmark defaults to today, after the received date: a warning the DPO confirms
    dialog.findChild(QCheckBox, "hasPostmark").setChecked(True)
    qtbot.mouseClick(log, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "postalWarnings")
    assert box is not None and box.isVisible() and dialog.isVisible()
    assert "postmark is later than the date the letter was received" in box.text()
    qtbot.mouseClick(box.findChild(QPushButton, "postalWarningsConfirm"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "Гүлнара Асанова" in _subjects(window), timeout=2000)
    case = opened.cf.cases.list(CaseQuery(text="Гүлнара"))[0]
    assert case.kinds == ("erasure", "consent_withdrawal")
    assert opened.cf.cases.get(case.id).postmark == TODAY
    expected_due = case_deadlines(opened.cf, case.id).governing.due
    assert case.due_on == expected_due
    row = window.case_model.row_of(case.id)
    assert window.case_model.data(window.case_model.index(row, 6)) == expected_due.isoformat()
    qtbot.waitUntil(lambda: window.case_view.case_id == case.id, timeout=2000)
    assert window.case_table.currentIndex().row() == row


def test_postal_dialog_refuses_a_request_without_a_name(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    dialog = window.new_postal_request()
    qtbot.mouseClick(dialog.findChild(QPushButton, "logButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "name" in dialog.findChild(QLabel, "postalMessage").text()


def test_status_moves_follow_the_workflow(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    case = opened.cf.cases.list(CaseQuery(statuses=("received",)))[0]
    _select_case(qtbot, window, case.id)
    overview = window.case_view.tab("overviewTab")
    names = {b.objectName() for b in overview.move_buttons()}
    assert names == {f"status_{s.value}" for s in TRANSITIONS[CaseStatus.RECEIVED]}
    button = overview.findChild(QPushButton, "status_in_progress")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.cf.cases.get(case.id).status == CaseStatus.IN_PROGRESS
    assert overview.findChild(QLabel, "overview_status").text() == "In progress"
    names = {b.objectName() for b in overview.move_buttons()}
    assert names == {f"status_{s.value}" for s in TRANSITIONS[CaseStatus.IN_PROGRESS]}
    qtbot.mouseClick(overview.findChild(QPushButton, "status_responded"), Qt.MouseButton.LeftButton)
    # no reply letter: the case service refuses, the window asks why and states the consequence
    assert opened.cf.cases.get(case.id).status == CaseStatus.IN_PROGRESS
    dialog = overview.findChild(QWidget, "withoutReplyDialog")
    assert dialog is not None and dialog.isVisible()
    assert case.reference in dialog.findChild(QLabel, "withoutReplyHead").text()
    assert "audit trail" in dialog.findChild(QLabel, "withoutReplyConsequence").text()
    confirm = dialog.findChild(QPushButton, "withoutReplyConfirm")
    assert not confirm.isEnabled()  # no reason, no answer
    type_text(dialog.findChild(QLineEdit, "withoutReplyReason"), "answered in person")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert opened.cf.cases.get(case.id).status == CaseStatus.RESPONDED
    # the reason is on record, so closing asks nothing more
    qtbot.mouseClick(overview.findChild(QPushButton, "status_closed"), Qt.MouseButton.LeftButton)
    assert opened.cf.cases.get(case.id).status == CaseStatus.CLOSED
    assert [b.objectName() for b in overview.move_buttons()] == ["status_in_progress"]
    events = [e.action for e in opened.cf.audit.events(case.id)]
    assert events.count("case.status") == 3 and events.count("case.without_reply") == 1
    audit = window.case_view.tab("auditTab")
    assert audit.model.rowCount() == len(events)


def test_add_a_note(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    case = opened.cf.cases.list(CaseQuery(view="open", today=TODAY))[0]
    _select_case(qtbot, window, case.id)
    overview = window.case_view.tab("overviewTab")
    qtbot.mouseClick(overview.findChild(QPushButton, "addNoteButton"), Qt.MouseButton.LeftButton)
    assert overview.findChild(QLabel, "noteMessage").text()
    type_text(overview._note_edit, "Позвонил заявителю")  # noqa: SLF001
    qtbot.mouseClick(overview.findChild(QPushButton, "addNoteButton"), Qt.MouseButton.LeftButton)
    assert [n.text for n in opened.cf.cases.notes(case.id)][-1] == "Позвонил заявителю"
    assert (
        overview._notes.item(overview._notes.count() - 1)
        .text()
        .endswith(  # noqa: SLF001
            "Позвонил заявителю"
        )
    )
    assert overview._note_edit.toPlainText() == ""  # noqa: SLF001
    window.select_scope(SidebarEntry("all"))
    type_text(window.search, "заявителю")
    qtbot.waitUntil(lambda: window.case_model.query.text == "заявителю", timeout=1000)
    assert case.id in [window.case_model.row_at(r).id for r in range(window.case_model.rowCount())]


def test_extend_and_pause_change_the_due_date(qtbot, open_copy) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    controller = add_controller(cf, "paris-shop", ("FR",))
    received = TODAY - timedelta(days=10)
    case = add_case(cf, controller, "Camille Martin", received)
    first_due = case_deadlines(cf, case.id).governing.due
    window = make_window(qtbot, opened.ctx)
    _select_case(qtbot, window, case.id)
    tab = window.case_view.tab("deadlinesTab")
    window.case_view.tab_widget.setCurrentWidget(tab)
    assert first_due.isoformat() in tab.findChild(QLabel, "governingLabel").text()

    date_edit = tab._event_date  # noqa: SLF001
    asked = received + timedelta(days=1)
    date_edit.setDate(QDate(asked.year, asked.month, asked.day))
    qtbot.mouseClick(tab.findChild(QPushButton, "pauseIdentityButton"), Qt.MouseButton.LeftButton)
    assert tab.findChild(QPushButton, "resumeIdentityButton").isVisible()
    date_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    qtbot.mouseClick(tab.findChild(QPushButton, "resumeIdentityButton"), Qt.MouseButton.LeftButton)
    paused = case_deadlines(cf, case.id).governing.due
    assert paused > first_due
    assert paused.isoformat() in tab.findChild(QLabel, "governingLabel").text()
    assert tab.findChild(QPushButton, "pauseIdentityButton").isVisible()

    qtbot.mouseClick(tab.findChild(QPushButton, "extendButton"), Qt.MouseButton.LeftButton)
    extended = case_deadlines(cf, case.id).governing
    assert extended.extended and extended.due > paused
    assert extended.due.isoformat() in tab.findChild(QLabel, "governingLabel").text()
    assert not tab.findChild(QPushButton, "extendButton").isEnabled()
    assert cf.cases.list(CaseQuery(text="Camille"))[0].due_on == extended.due
    row = window.case_model.row_of(case.id)
    assert window.case_model.data(window.case_model.index(row, 6)) == extended.due.isoformat()


def test_a_late_extension_is_refused_with_the_engines_message(qtbot, open_copy) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    controller = add_controller(cf, "paris-shop", ("FR",))
    case = add_case(cf, controller, "Julien Dubois", TODAY - timedelta(days=70))
    due = case_deadlines(cf, case.id).governing.due
    window = make_window(qtbot, opened.ctx)
    _select_case(qtbot, window, case.id)
    tab = window.case_view.tab("deadlinesTab")
    qtbot.mouseClick(tab.findChild(QPushButton, "extendButton"), Qt.MouseButton.LeftButton)
    message = tab.findChild(QLabel, "deadlineMessage").text()
    assert message and "Recorded" not in message
    assert cf.cases.clock_events(case.id) == []
    assert case_deadlines(cf, case.id).governing.due == due


def test_extend_is_not_offered_where_no_rule_allows_it(qtbot, open_copy) -> None:
    opened = open_copy("empty")
    controller = add_controller(opened.cf, "bishkek-shop", ("KG",))
    case = add_case(opened.cf, controller, "Айбек", TODAY - timedelta(days=2))
    window = make_window(qtbot, opened.ctx)
    _select_case(qtbot, window, case.id)
    tab = window.case_view.tab("deadlinesTab")
    assert not tab.findChild(QPushButton, "extendButton").isEnabled()


def test_through_the_real_database_thread(qtbot, open_copy) -> None:
    """The same window with the single-thread executor: results arrive by queued signal."""
    executor = DbExecutor(lambda exc: None)
    opened = open_copy("demo", executor=executor)
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 19, timeout=3000)
    window.case_table.selectRow(0)
    case_id = window.case_model.data(window.case_model.index(0, 0), CASE_ID_ROLE)
    qtbot.waitUntil(
        lambda: (
            window.case_view.details is not None and window.case_view.details.case_id == case_id
        ),
        timeout=3000,
    )
    type_text(window.search, "Петров")
    qtbot.waitUntil(
        lambda: window.case_model.query.text == "Петров" and not window.case_model.loading,
        timeout=3000,
    )
    assert _subjects(window) and all("Петров" in n for n in _subjects(window))
    import threading

    assert len(executor.thread_ids) == 1
    assert threading.get_ident() not in executor.thread_ids


def test_backup_now_and_check_case_file(qtbot, open_copy, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from dpo_desk.casefile import CaseFile, Key

    from .conftest import PASSPHRASE

    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    dialog = window.backup_now()
    assert dialog.objectName() == "backupFileDialog" and dialog.isVisible()
    dialog.reject()
    target = tmp_path / "backups" / "copy.dpodesk"
    target.parent.mkdir()
    window.start_backup(target)
    assert target.is_file()
    assert "Backup written" in window.statusBar().currentMessage()
    with CaseFile.open(target, Key(passphrase=PASSPHRASE)) as copy:
        assert copy.cases.count() == 41

    window.check_casefile()
    box = next(d for d in window.open_dialogs() if d.objectName() == "checkResult")
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("The case file is sound")
    assert not window.findChild(QWidget, "taskProgress").isVisible()


def test_keyboard_alone_reaches_the_list_search_and_tabs(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=1000)
    qtbot.waitUntil(lambda: window.focusWidget() is window.case_table, timeout=1000)
    qtbot.keyClick(window.case_table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=1000)
    qtbot.keyClick(window.case_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.new_request_action.shortcut().toString() == "Ctrl+N"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    qtbot.keyClick(window.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert any(d.objectName() == "postalRequestDialog" for d in window.open_dialogs())


EMAIL = """From: =?utf-8?b?0JPSr9C70L3QsNGA?= <gulnar@example.org>
To: support@infini.com
Subject: =?utf-8?b?0JfQsNC/0YDQvtGBINC90LAg0YPQtNCw0LvQtdC90LjQtQ==?=
Date: Sun, 01 Mar 2026 10:00:00 +0600
Message-ID: <drop-test@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Прошу удалить все мои персональные данные и аккаунт. Гүлнар Сейітқызы
"""


def test_import_email_by_drag_and_drop(qtbot, open_copy, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from dpo_desk.ui.dialogs.import_result import ImportResultDialog

    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    message = tmp_path / "request.eml"
    message.write_bytes(EMAIL.encode("utf-8"))
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"not an email")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(message)), QUrl.fromLocalFile(str(other))])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPointF(window.rect().center()),
        action,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        action,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    result = next(d for d in window.open_dialogs() if isinstance(d, ImportResultDialog))
    assert [o.status for o in result.outcomes] == ["created"]
    assert result.table.item(0, 1).text() == "New case"
    case_id = result.outcomes[0].case_id
    case = opened.cf.cases.get(case_id)
    assert case.kinds == (RequestKind.ERASURE,) and case.channel == "email"
    qtbot.waitUntil(lambda: window.case_view.case_id == case_id, timeout=2000)
    window.select_scope(SidebarEntry("all"))
    assert window.case_model.row_of(case_id) >= 0

    window.start_import([message])  # the same message again: recognised, not a second case
    again = [d for d in window.open_dialogs() if isinstance(d, ImportResultDialog)][-1]
    assert again.outcomes[0].status == "duplicate"
    assert opened.cf.cases.count() == 42

    window.lock()
    enter = QDragEnterEvent(
        QPointF(window.rect().center()),
        action,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()  # nothing is imported into a locked window
