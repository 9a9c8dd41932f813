"""First run, recovery key, unlock, start-up, the crash dialog, settings dialogs."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableWidget,
)

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import NewerSchema
from dpo_desk.ui.app import ErrorSink
from dpo_desk.ui.dialogs.crash import CrashDialog
from dpo_desk.ui.dialogs.first_run import FirstRunDialog
from dpo_desk.ui.dialogs.recovery_key import RecoveryKeyDialog
from dpo_desk.ui.dialogs.unlock import UnlockDialog
from dpo_desk.ui.errors import ExceptHook, describe_error, setup_logging
from dpo_desk.ui.settings import SettingsStore
from dpo_desk.ui.startup import Startup
from dpo_desk.ui.tasks import SyncExecutor

from .conftest import PASSPHRASE, TODAY, make_window, type_text


def _click(qtbot, widget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# --- first run -----------------------------------------------------------------------------


def test_first_run_creates_a_passphrase_file(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cases.dpodesk"
    dialog = FirstRunDialog(SyncExecutor(), path)
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "usePassphrase").setChecked(True)
    dialog.findChild(QLineEdit, "newPassphrase").setText("short")
    dialog.findChild(QLineEdit, "repeatPassphrase").setText("short")
    _click(qtbot, dialog.findChild(QPushButton, "createButton"))
    assert "8 characters" in dialog.findChild(QLabel, "firstRunMessage").text()
    dialog.findChild(QLineEdit, "newPassphrase").setText(PASSPHRASE)
    dialog.findChild(QLineEdit, "repeatPassphrase").setText(PASSPHRASE + "x")
    _click(qtbot, dialog.findChild(QPushButton, "createButton"))
    assert "differ" in dialog.findChild(QLabel, "firstRunMessage").text()
    assert not path.exists()
    dialog.findChild(QLineEdit, "repeatPassphrase").setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.created):
        _click(qtbot, dialog.findChild(QPushButton, "createButton"))
    opened = dialog.opened
    assert opened is not None and opened.recovery_key is None
    assert opened.session.key_source == "passphrase"
    assert opened.session.verifier.matches(Key(passphrase=PASSPHRASE))
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    opened.casefile.close()
    CaseFile.open(path, Key(passphrase=PASSPHRASE)).close()


def test_first_run_with_the_keyring_shows_the_recovery_key_once(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cases.dpodesk"
    dialog = FirstRunDialog(SyncExecutor(), path)
    qtbot.addWidget(dialog)
    keyring_button = dialog.findChild(QRadioButton, "useKeyring")
    assert keyring_button.isEnabled() and keyring_button.isChecked()
    assert "MemoryKeyring" in dialog.findChild(QLabel, "keyringInfo").text()
    _click(qtbot, dialog.findChild(QPushButton, "createButton"))
    opened = dialog.opened
    assert opened is not None and opened.session.key_source == "keyring"
    assert opened.recovery_key and opened.recovery_key.startswith("DPO1-")
    opened.casefile.close()
    CaseFile.open(path).close()  # the keyring's key opens it

    shown = RecoveryKeyDialog(opened.recovery_key, path.name)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.findChild(QLineEdit, "recoveryKeyText").text() == opened.recovery_key
    ok = shown.findChild(QPushButton, "continueButton")
    assert not ok.isEnabled()
    shown.reject()  # Escape does not dismiss it before the confirmation
    assert shown.isVisible()
    assert opened.recovery_key in shown.document().toPlainText()
    shown.findChild(QCheckBox, "confirmWrittenDown").setChecked(True)
    assert ok.isEnabled()
    _click(qtbot, ok)
    assert not shown.isVisible()
    assert shown.findChild(QLineEdit, "recoveryKeyText").text() == ""


def test_first_run_without_a_keyring_offers_only_a_passphrase(qtbot, tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        dialog = FirstRunDialog(SyncExecutor(), tmp_path / "cases.dpodesk")
        qtbot.addWidget(dialog)
        assert not dialog.findChild(QRadioButton, "useKeyring").isEnabled()
        assert dialog.findChild(QRadioButton, "usePassphrase").isChecked()
        assert "No usable keyring" in dialog.findChild(QLabel, "keyringInfo").text()
    finally:
        keyring.set_keyring(previous)


# --- unlock ----------------------------------------------------------------------------------


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "cases.dpodesk"
    CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile.close()
    return path


def test_unlock_dialog_says_when_the_passphrase_is_wrong(qtbot, passphrase_file: Path) -> None:
    dialog = UnlockDialog(SyncExecutor(), passphrase_file)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "unlockSecret"), "wrong passphrase")
    _click(qtbot, dialog.findChild(QPushButton, "unlockButton"))
    assert "does not open" in dialog.message
    assert dialog.isVisible() and dialog.result_opened is None
    field = dialog.findChild(QLineEdit, "unlockSecret")
    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    with qtbot.waitSignal(dialog.opened):
        _click(qtbot, dialog.findChild(QPushButton, "unlockButton"))
    assert dialog.result_opened.session.key_source == "passphrase"
    dialog.result_opened.casefile.close()


def test_unlock_dialog_names_the_process_that_holds_the_file(qtbot, passphrase_file: Path) -> None:
    holder = CaseFile.open(passphrase_file, Key(passphrase=PASSPHRASE))
    try:
        dialog = UnlockDialog(SyncExecutor(), passphrase_file)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "unlockSecret"), PASSPHRASE)
        _click(qtbot, dialog.findChild(QPushButton, "unlockButton"))
        assert f"process {os.getpid()}" in dialog.message
        assert "another DPO Desk" in dialog.message
        assert dialog.result_opened is None
    finally:
        holder.close()


def test_a_newer_file_gets_a_clear_sentence() -> None:
    text = describe_error(NewerSchema("schema 9"))
    assert "newer DPO Desk" in text and "not changed" in text


# --- start-up --------------------------------------------------------------------------------


def _startup(path: Path, tmp_path: Path) -> Startup:
    errors = ErrorSink(path)
    return Startup(
        executor=SyncExecutor(errors.report),  # type: ignore[arg-type]
        errors=errors,
        settings_store=SettingsStore(tmp_path / "settings.json"),
        today=lambda: TODAY,
        path=path,
        listen_to_desktop=False,
    )


def test_start_up_on_a_new_computer_goes_through_the_first_run(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cases.dpodesk"
    startup = _startup(path, tmp_path)
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, FirstRunDialog) and dialog.isVisible()
    _click(qtbot, dialog.findChild(QPushButton, "createButton"))  # keyring: recovery key next
    recovery = startup.dialog
    assert isinstance(recovery, RecoveryKeyDialog) and recovery.isVisible()
    assert startup.window is None
    recovery.findChild(QCheckBox, "confirmWrittenDown").setChecked(True)
    _click(qtbot, recovery.findChild(QPushButton, "continueButton"))
    window = startup.window
    qtbot.addWidget(window)
    assert window.isVisible()
    assert startup.ctx.settings_store.load().last_file == str(path)
    startup.close()


def test_start_up_asks_for_the_passphrase_of_an_existing_file(
    qtbot, tmp_path: Path, passphrase_file: Path
) -> None:
    startup = _startup(passphrase_file, tmp_path)
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, UnlockDialog)
    assert dialog.message == ""  # no keyring key: simply asked, no error
    qtbot.keyClicks(dialog.findChild(QLineEdit, "unlockSecret"), PASSPHRASE)
    _click(qtbot, dialog.findChild(QPushButton, "unlockButton"))
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible() and not dialog.isVisible()
    startup.close()
    CaseFile.open(passphrase_file, Key(passphrase=PASSPHRASE)).close()  # closed and unlocked


def test_start_up_opens_a_keyring_file_without_asking(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "cases.dpodesk"
    CaseFile.create(path).casefile.close()
    startup = _startup(path, tmp_path)
    startup.start()
    assert startup.dialog is None
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible()
    window = startup.window
    window.lock()
    _click(qtbot, window.lock_screen.findChild(QPushButton, "unlockButton"))  # re-checks keyring
    assert not window.is_locked
    startup.close()


# --- the crash dialog ------------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_crash_dialog(qtbot, open_copy, dpo_home: Path) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    handler = setup_logging()
    hook = ExceptHook(opened.ctx.errors.report, opened.ctx.errors.report)
    hook.install()
    secret = " ".join(["Иван", "Петров", "4509", "123456"])  # case data in the message

    def broken_slot() -> None:
        raise RuntimeError(secret)

    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(
            lambda: any(isinstance(d, CrashDialog) for d in window.open_dialogs()), timeout=2000
        )
    finally:
        hook.uninstall()
        logging.getLogger("dpo_desk").removeHandler(handler)
        handler.close()
    crash = next(d for d in window.open_dialogs() if isinstance(d, CrashDialog))
    assert crash.windowTitle() == "DPO Desk hit a bug"
    assert "dpo-desk.log" in crash.findChild(QLabel, "crashLogPath").text()
    assert window.isVisible()
    log = (dpo_home / "logs" / "dpo-desk.log").read_text(encoding="utf-8")
    assert log.count("unhandled builtins.RuntimeError") == 1 and "broken_slot" in log
    assert "Иван" not in log and "4509" not in log
    opened.bugs.clear()
    crash.reject()
    views = window.sidebar_model.index(0, 0)
    overdue = next(
        entry
        for row in range(window.sidebar_model.rowCount(views))
        if (entry := window.sidebar_model.entry(window.sidebar_model.index(row, 0, views)))
        and entry.view == "overdue"
    )
    window.select_scope(overdue)  # the window goes on working
    assert window.case_model.rowCount() == 10


# --- settings dialogs ------------------------------------------------------------------------


def test_controller_settings_add_a_controller(qtbot, open_copy) -> None:
    opened = open_copy("empty")
    window = make_window(qtbot, opened.ctx)
    assert window.first_steps.isVisible()
    _click(qtbot, window.findChild(QPushButton, "addFirstController"))
    dialog = window.open_dialogs()[-1]
    assert dialog.objectName() == "controllersDialog"
    dialog.findChild(QLineEdit, "controllerSlug").setText("bishkek-games")
    type_text(dialog.findChild(QLineEdit, "controllerName"), "Бишкек Геймс")
    jurisdictions = dialog.findChild(QListWidget, "controllerJurisdictions")
    _click(qtbot, dialog.findChild(QPushButton, "saveControllerButton"))
    assert "jurisdiction" in dialog.findChild(QLabel, "controllerMessage").text()
    for row in range(jurisdictions.count()):
        item = jurisdictions.item(row)
        if item.text().startswith("KG"):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.findChild(QLineEdit, "controllerLanguages").setText("ky, ru")
    _click(qtbot, dialog.findChild(QPushButton, "saveControllerButton"))
    assert dialog.findChild(QLabel, "controllerMessage").text() == "Saved."
    saved = opened.cf.controllers.by_slug("bishkek-games")
    assert saved.name == "Бишкек Геймс" and saved.jurisdictions == ("KG",)
    assert saved.languages == ("ky", "ru")
    assert window.sidebar_model.rowCount(window.sidebar_model.index(1, 0)) == 1
    assert not window.first_steps.isVisible()


def test_calendar_overrides_move_due_dates(qtbot, open_copy) -> None:
    from .conftest import add_case, add_controller

    opened = open_copy("empty")
    cf = opened.cf
    controller = add_controller(cf, "moscow-shop", ("RU",))
    case = add_case(cf, controller, "Иван", date(2026, 2, 25))
    before = cf.cases.list()[0].due_on
    window = make_window(qtbot, opened.ctx)
    dialog = window.open_overrides()
    dialog.findChild(type(dialog._calendar), "overrideCalendar").setCurrentText("RU")  # noqa: SLF001
    dialog._day.setDate(QDate(2026, 3, 3))  # noqa: SLF001
    dialog.findChild(QLineEdit, "overrideNote").setText("decree")
    _click(qtbot, dialog.findChild(QPushButton, "addOverrideButton"))
    assert dialog.findChild(QTableWidget, "overridesTable").rowCount() == 1
    after = cf.cases.list()[0].due_on
    assert after > before
    row = window.case_model.row_of(case.id)
    assert window.case_model.data(window.case_model.index(row, 6)) == after.isoformat()
    dialog.findChild(QTableWidget, "overridesTable").selectRow(0)
    _click(qtbot, dialog.findChild(QPushButton, "removeOverrideButton"))
    assert cf.overrides.list() == []
    assert cf.cases.list()[0].due_on == before


def test_preferences_change_the_auto_lock(qtbot, open_copy) -> None:
    opened = open_copy("empty")
    window = make_window(qtbot, opened.ctx)
    dialog = window.open_preferences()
    dialog._minutes.setValue(3)  # noqa: SLF001
    dialog.accept()
    assert window.idle_lock.timeout_ms == 180_000
    assert opened.ctx.settings_store.load().auto_lock_minutes == 3
