"""Issue 21 item 9: File → Open / New / Open recent / Restore, the registered-mail number when a
letter is recorded as sent, and Help → User guide."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dpo_desk.resources import path as resource_path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QTextBrowser

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import KeyUnavailable, WrongKey
from dpo_desk.services.backups import RestoreOverOpenFile, restore_backup

from .conftest import PASSPHRASE, make_window

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _menu_names(menu) -> list[str]:  # noqa: ANN001
    return [a.objectName() for a in menu.actions()]


def test_file_menu_offers_open_new_recent_and_restore(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("demo")
    other = tmp_path / "other.dpodesk"
    other.write_bytes(b"not opened here")
    gone = str(tmp_path / "gone.dpodesk")
    settings = opened.ctx.settings
    opened.ctx.save_settings(
        settings.with_changes(extra={**settings.extra, "recent_files": [str(other), gone]})
    )
    window = make_window(qtbot, opened.ctx)
    names = _menu_names(window.menuBar().findChild(type(window.recent_menu), "fileMenu"))
    for name in ("openCaseFile", "newCaseFile", "restoreBackup"):
        assert name in names
    # the open file is remembered first, the others follow; a vanished file is not offered
    current = str(opened.ctx.session.path.absolute())
    assert window.recent_files() == [current, str(other)]
    assert opened.ctx.settings_store.load().extra["recent_files"][:2] == [current, str(other)]
    window._fill_recent()
    entries = [a for a in window.recent_menu.actions() if a.objectName().startswith("recentFile")]
    assert [a.toolTip() for a in entries] == [str(other)]  # never the open file itself
    with qtbot.waitSignal(window.open_file_requested) as blocker:
        entries[0].trigger()
    assert blocker.args == [str(other)]


def test_recent_list_keeps_five(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("demo")
    files = []
    for i in range(7):
        path = tmp_path / f"f{i}.dpodesk"
        path.write_bytes(b"x")
        files.append(str(path))
    settings = opened.ctx.settings
    opened.ctx.save_settings(settings.with_changes(extra={"recent_files": files}))
    window = make_window(qtbot, opened.ctx)
    assert window.recent_files() == [str(opened.ctx.session.path.absolute()), *files[:4]]


def test_open_and_new_ask_for_a_path_and_new_never_overwrites(
    qtbot, open_copy, tmp_path: Path
) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    dialog = window.open_case_file()
    assert isinstance(dialog, QFileDialog) and "*.dpodesk" in dialog.nameFilters()[0]
    with qtbot.waitSignal(window.open_file_requested) as blocker:
        dialog.fileSelected.emit(str(tmp_path / "elsewhere.dpodesk"))
    assert blocker.args == [str(tmp_path / "elsewhere.dpodesk")]
    dialog.reject()

    new = window.new_case_file()
    with qtbot.assertNotEmitted(window.open_file_requested):
        new.fileSelected.emit(str(opened.ctx.session.path))  # exists: refused in one sentence
    box = window.findChild(QMessageBox, "knownErrorBox")
    assert box is not None and "already exists" in box.text()
    box.close()
    with qtbot.waitSignal(window.open_file_requested) as blocker:
        new.fileSelected.emit(str(tmp_path / "fresh.dpodesk"))
    assert blocker.args == [str(tmp_path / "fresh.dpodesk")]


def test_menu_requests_switch_files_through_open_requests(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpo_desk.ui.app import OpenRequests
    from dpo_desk.ui.dialogs.first_run import FirstRunDialog
    from dpo_desk.ui.settings import SettingsStore

    first, second = tmp_path / "first.dpodesk", tmp_path / "second.dpodesk"
    for path in (first, second):
        CaseFile.create(path).casefile.close()  # keyring files: no passphrase asked
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Yes]

    def question(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    requests = OpenRequests(
        store=SettingsStore(), today=lambda: date(2026, 12, 8), listen_to_desktop=False
    )
    requests.start(first)
    try:
        qtbot.waitUntil(lambda: requests.startup.window is not None, timeout=10000)
        window = requests.startup.window
        qtbot.addWidget(window)
        window.open_file_requested.emit(str(first))  # the open file: nothing asked or reopened
        assert asked == [] and requests.startup.window is window
        window.open_file_requested.emit(str(second))
        qtbot.waitUntil(lambda: requests.startup.window is not None, timeout=10000)
        assert len(asked) == 1 and requests.current_path() == second
        window = requests.startup.window
        qtbot.addWidget(window)
        # the first file is now in Open recent; choosing it switches back (asked again)
        window._fill_recent()
        entry = window.recent_menu.findChild(type(window.open_file_action), "recentFile1")
        assert entry is not None and entry.toolTip() == str(first.absolute())
        entry.trigger()
        qtbot.waitUntil(lambda: requests.startup.window is not None, timeout=10000)
        assert len(asked) == 2 and requests.current_path() == first
        qtbot.addWidget(requests.startup.window)
        # New case file: the first-run dialog for the new path
        fresh = tmp_path / "fresh.dpodesk"
        requests.startup.window.open_file_requested.emit(str(fresh))
        qtbot.waitUntil(lambda: isinstance(requests.startup.dialog, FirstRunDialog), timeout=10000)
        assert requests.current_path() == fresh and not fresh.exists()
        CaseFile.open(first).close()  # the first file was closed and its lock let go
    finally:
        requests.close()


def test_restore_refuses_the_open_file_and_restores_elsewhere(
    qtbot, open_copy, tmp_path: Path
) -> None:
    from dpo_desk.ui.dialogs.restore import RestoreDialog

    opened = open_copy("demo")
    backup = tmp_path / "demo-backup.dpodesk"
    opened.cf.backup(backup)
    cases = len(opened.cf.cases.list())
    window = make_window(qtbot, opened.ctx)
    dialog = window.restore_backup()
    assert isinstance(dialog, RestoreDialog)
    dialog.source.setText(str(backup))
    dialog.target.setText(str(opened.ctx.session.path))
    before = opened.ctx.session.path.stat().st_mtime_ns
    qtbot.mouseClick(dialog.findChild(QPushButton, "restoreOk"), Qt.MouseButton.LeftButton)
    message = dialog.findChild(QLabel, "restoreMessage").text()
    assert "open in this window" in message
    assert opened.ctx.session.path.stat().st_mtime_ns == before
    assert len(opened.cf.cases.list()) == cases  # the open file still works

    target = tmp_path / "restored" / "demo.dpodesk"
    dialog.target.setText(str(target))
    dialog.secret.setText("not the passphrase at all")
    qtbot.mouseClick(dialog.findChild(QPushButton, "restoreOk"), Qt.MouseButton.LeftButton)
    assert "does not open" in dialog.findChild(QLabel, "restoreMessage").text()
    assert not target.exists()

    dialog.findChild(QLineEdit, "restoreSecret").setText(PASSPHRASE)
    with qtbot.waitSignal(window.open_file_requested) as blocker:
        qtbot.mouseClick(dialog.findChild(QPushButton, "restoreOk"), Qt.MouseButton.LeftButton)
    assert blocker.args == [str(target.absolute())]
    restored = CaseFile.open(target, Key(passphrase=PASSPHRASE))
    try:
        assert len(restored.cases.list()) == cases
    finally:
        restored.close()


def test_restore_service_rules(open_copy, tmp_path: Path) -> None:
    opened = open_copy("empty")
    backup = tmp_path / "b.dpodesk"
    opened.cf.backup(backup)
    with pytest.raises(RestoreOverOpenFile):
        restore_backup(backup, opened.cf.path, open_file=opened.cf.path)
    with pytest.raises(KeyUnavailable):  # passphrase file: the keyring has nothing
        restore_backup(backup, tmp_path / "t.dpodesk", file_ids=(opened.cf.file_id,))
    with pytest.raises(WrongKey):
        restore_backup(backup, tmp_path / "t.dpodesk", key=Key(passphrase="wrong one here"))
    done = restore_backup(backup, tmp_path / "t.dpodesk", key=Key(passphrase=PASSPHRASE))
    assert done.path == (tmp_path / "t.dpodesk").absolute()


def test_record_as_sent_asks_for_the_registered_number_only_for_registered_post(qtbot) -> None:
    from PySide6.QtWidgets import QComboBox

    from dpo_desk.ui.views.letters_tab import RecordSentDialog

    today = date(2026, 3, 2)
    dialog = RecordSentDialog(today, today, "post")
    qtbot.addWidget(dialog)
    dialog.show()
    channel = dialog.findChild(QComboBox, "sentChannel")
    number = dialog.findChild(QLineEdit, "registeredNumber")
    assert not number.isVisible()
    channel.setCurrentIndex(channel.findData("registered_post"))
    assert number.isVisible()
    recorded: list[tuple] = []
    dialog.recorded.connect(lambda *args: recorded.append(args))
    qtbot.mouseClick(dialog.findChild(QPushButton, "recordSentOk"), Qt.MouseButton.LeftButton)
    assert recorded == [] and "number" in dialog.findChild(QLabel, "recordSentMessage").text()
    number.setText("RR123456789KG")
    qtbot.mouseClick(dialog.findChild(QPushButton, "recordSentOk"), Qt.MouseButton.LeftButton)
    assert recorded == [(today, "registered_post", "RR123456789KG")]


def test_help_shows_the_user_guide_in_the_window_language(qtbot, open_copy) -> None:
    from dpo_desk.ui.dialogs.user_guide import UserGuideDialog

    for name in ("user-guide.md", "user-guide.ru.md"):  # the bundle ships the docs' text
        assert resource_path("guide", name).read_bytes() == (DOCS / name).read_bytes()
    opened = open_copy("empty")
    window = make_window(qtbot, opened.ctx)
    help_menu = window.menuBar().findChild(type(window.recent_menu), "helpMenu")
    assert "userGuide" in _menu_names(help_menu)
    dialog = window.open_user_guide()
    text = dialog.findChild(QTextBrowser, "userGuideText").toPlainText()
    assert "recovery key" in text and "registered post" in text and "Restore from backup" in text
    assert "#" not in text.splitlines()[0]  # rendered as Markdown, not shown raw
    russian = UserGuideDialog(language="ru")
    qtbot.addWidget(russian)
    ru_text = russian.findChild(QTextBrowser, "userGuideText").toPlainText()
    assert "ключ восстановления" in ru_text and "заказного письма" in ru_text
