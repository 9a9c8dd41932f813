"""Locking: now and on idle; nothing of a case stays visible; unlocking needs the key."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.ui.main_window import visible_texts
from dpo_desk.ui.tasks import DbExecutor

from .conftest import PASSPHRASE, make_window, type_text


def _names(opened) -> set[str]:  # noqa: ANN001
    return {r.subject_name for r in opened.cf.cases.list(CaseQuery())}


def _assert_no_case_data(window, names: set[str]) -> None:  # noqa: ANN001
    texts = "\n".join(visible_texts(window))
    for name in names:
        assert name not in texts
    for ref in ("2026-00", "2025-0"):
        assert ref not in texts
    assert window.case_model.rowCount() == 0
    assert window.case_view.details is None
    assert window.sidebar_model.rowCount(window.sidebar_model.index(1, 0)) == 0


def test_lock_now_hides_every_case(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.case_table.selectRow(0)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    names = _names(opened)
    assert any(name in "\n".join(visible_texts(window)) for name in names)
    postal = window.new_postal_request()
    name_field = postal.findChild(QLineEdit, "senderName")
    type_text(name_field, "Тайное Имя")
    postal.activateWindow()
    qtbot.waitUntil(lambda: postal.isActiveWindow(), timeout=1000)

    qtbot.keyClick(name_field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert not postal.isVisible()
    _assert_no_case_data(window, names | {"Тайное Имя"})
    assert window.windowTitle() == "demo.dpodesk (locked) — DPO Desk"
    assert window.lock_screen.isVisible()
    assert window.focusWidget() is window.lock_screen.secret_edit
    assert not window.new_request_action.isEnabled()
    image = window.grab()
    assert not image.isNull()


def test_results_on_their_way_are_dropped_when_locking(qtbot, open_copy) -> None:
    executor = DbExecutor(lambda exc: None)
    opened = open_copy("demo", executor=executor)
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_model.rowCount() > 0, timeout=3000)
    gate = threading.Event()
    executor.call(gate.wait, 5)  # the database thread is busy ...
    window.case_model.reload()  # ... while a page and a case are asked for
    window.case_view.show_case(1)
    window.lock()
    gate.set()
    executor.wait(3000)
    qtbot.wait(50)  # let the queued results arrive
    _assert_no_case_data(window, _names(opened))


def test_auto_lock_after_two_idle_seconds(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    names = _names(opened)
    window.idle_lock.set_timeout_ms(2000)
    start = time.monotonic()
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert time.monotonic() - start < 3.0
    _assert_no_case_data(window, names)


def test_input_keeps_the_window_unlocked(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.idle_lock.set_timeout_ms(400)
    for _ in range(4):
        qtbot.wait(200)
        qtbot.keyClick(window.case_table, Qt.Key.Key_Down)
        assert not window.is_locked
    qtbot.waitUntil(lambda: window.is_locked, timeout=1000)


def test_wrong_passphrase_keeps_it_locked_and_the_right_one_unlocks(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    type_text(window.search, "Петров")
    qtbot.waitUntil(lambda: window.case_model.query.text == "Петров", timeout=1000)
    window.lock()
    screen = window.lock_screen
    qtbot.keyClicks(screen.secret_edit, "not the passphrase")
    qtbot.mouseClick(screen.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    assert window.is_locked
    assert "not right" in screen.findChild(QLabel, "lockMessage").text()
    _assert_no_case_data(window, _names(opened))

    screen.secret_edit.clear()
    qtbot.keyClicks(screen.secret_edit, PASSPHRASE)
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.windowTitle() == "demo.dpodesk — DPO Desk"
    assert window.search.text() == "" and window.case_model.query.text == ""
    assert window.case_model.rowCount() == opened.cf.cases.count(
        CaseQuery(view="open", today=window._ctx.today())
    )  # noqa: SLF001
    assert window.sidebar_model.rowCount(window.sidebar_model.index(1, 0)) == 4
    assert window.new_request_action.isEnabled()
    assert screen.secret_edit.text() == ""


def test_an_empty_field_is_not_tried_for_a_passphrase_file(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.lock()
    qtbot.mouseClick(
        window.lock_screen.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    assert window.is_locked
    assert window.lock_screen.findChild(QLabel, "lockMessage").text()


def test_the_desktop_locking_or_sleeping_locks_the_window(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    idle = window.idle_lock
    idle._on_screensaver(False)  # noqa: SLF001 - the D-Bus slots, called as the bus would
    assert not window.is_locked
    idle._on_screensaver(True)  # noqa: SLF001
    assert window.is_locked
    window.unlock()
    idle._on_sleep(True)  # noqa: SLF001
    assert window.is_locked
    window.unlock()
    idle._on_state(Qt.ApplicationState.ApplicationSuspended)  # noqa: SLF001
    assert window.is_locked
