"""One window per user: a second start (or a double-clicked .dpodesk file) goes to the running
window instead of asking for the passphrase again or opening a file twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dpo_desk.cli import file_argument_as_option
from dpo_desk.ui.instance import InstanceServer, hand_over, same_file

PASSPHRASE = "correct horse battery"


def test_a_path_alone_on_the_command_line_opens_that_case_file(tmp_path: Path) -> None:
    target = tmp_path / "office.dpodesk"
    assert file_argument_as_option([str(target)]) == ["--file", str(target)]
    assert file_argument_as_option(["--passphrase-stdin", "b.DPODESK"]) == [
        "--passphrase-stdin",
        "--file",
        "b.DPODESK",
    ]
    # commands and their arguments are left alone
    assert file_argument_as_option(["case", "list"]) == ["case", "list"]
    assert file_argument_as_option(["check"]) == ["check"]
    assert file_argument_as_option(["--file", str(target), "check"]) == [
        "--file",
        str(target),
        "check",
    ]


def test_one_file_whatever_path_names_it(tmp_path: Path) -> None:
    real = tmp_path / "case.dpodesk"
    real.write_bytes(b"x")
    (tmp_path / "link.dpodesk").symlink_to(real)
    os.link(real, tmp_path / "hard.dpodesk")
    assert same_file(tmp_path / "link.dpodesk", real)
    assert same_file(tmp_path / "hard.dpodesk", real)
    other = tmp_path / "other.dpodesk"
    other.write_bytes(b"x")
    assert not same_file(other, real)


def test_the_running_window_hears_a_second_start(qtbot, tmp_path: Path) -> None:
    name = str(tmp_path / "instance.sock")
    server = InstanceServer(name)
    assert server.listen()
    target = tmp_path / "another.dpodesk"
    # the second start is another process (a thread would hold the GIL in Qt's blocking wait)
    script = (
        "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication; "
        "app = QCoreApplication([]); from dpo_desk.ui.instance import hand_over; "
        "sys.exit(0 if hand_over(Path(sys.argv[1]), sys.argv[2]) else 3)"
    )
    with qtbot.waitSignal(server.open_requested, timeout=10000) as blocker:
        second = subprocess.Popen([sys.executable, "-c", script, str(target), name])
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=10000)
    assert blocker.args == [str(target.resolve())]
    assert second.returncode == 0  # the window answered
    server.close()
    # nobody listening: the second start opens the window itself
    assert hand_over(target, name) is False


def test_garbage_on_the_socket_is_dropped(qtbot, tmp_path: Path) -> None:
    import socket

    name = str(tmp_path / "instance.sock")
    server = InstanceServer(name)
    assert server.listen()
    heard: list[str] = []
    server.open_requested.connect(heard.append)
    client = socket.socket(socket.AF_UNIX)
    client.connect(name)
    client.sendall(b"\xff\xfe not json\n")
    qtbot.wait(200)
    client.close()
    assert heard == []
    server.close()


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        DPO_DESK_PASSPHRASE=PASSPHRASE,
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
    )
    (tmp_path / "runtime").mkdir(exist_ok=True, mode=0o700)
    return env


def _dpo_desk() -> list[str]:
    return [sys.executable, "-c", "import sys; from dpo_desk.cli import main; sys.exit(main())"]


def _wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.dpodesk"
    env = _env(tmp_path)
    done = subprocess.run(
        [*_dpo_desk(), "--file", str(path), "init", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return path


def test_a_second_start_on_the_same_file_goes_to_the_running_window(
    tmp_path: Path, case_file: Path
) -> None:
    env = _env(tmp_path)
    lock = Path(f"{case_file}.lock")
    first = subprocess.Popen(
        [*_dpo_desk(), str(case_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # the window holds the file: its lock names the first process
        _wait_for(lambda: lock.exists() and str(first.pid) in lock.read_text())
        _wait_for(lambda: any(Path(env["XDG_RUNTIME_DIR"]).glob("dpo-desk-*.sock")))
        second = subprocess.run(
            [*_dpo_desk(), str(case_file)], env=env, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        assert second.stderr == ""  # no passphrase asked, no "file is locked"
        assert first.poll() is None  # the first window still runs and still holds the file
        assert str(first.pid) in lock.read_text()
    finally:
        first.terminate()
        first.wait(30)


def test_the_running_window_raises_itself_or_asks_before_switching_files(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from dpo_desk.casefile import CaseFile
    from dpo_desk.ui.app import OpenRequests
    from dpo_desk.ui.settings import SettingsStore

    first, second = tmp_path / "first.dpodesk", tmp_path / "second.dpodesk"
    for path in (first, second):
        CaseFile.create(path).casefile.close()  # keyring files: no passphrase asked
    (tmp_path / "alias.dpodesk").symlink_to(first)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

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
        requests.handle("")  # a plain second start: show the window
        requests.handle(str(tmp_path / "alias.dpodesk"))  # the same file by another name
        assert asked == [] and requests.startup.window is window
        requests.handle(str(second))  # another file: asked, and "No" keeps the first
        assert len(asked) == 1 and "first.dpodesk" in asked[0] and "second.dpodesk" in asked[0]
        assert requests.current_path() == first
        answer[0] = QMessageBox.StandardButton.Yes
        requests.handle(str(second))
        qtbot.waitUntil(lambda: requests.startup.window is not None, timeout=10000)
        assert requests.current_path() == second
        qtbot.addWidget(requests.startup.window)
        assert requests.startup.window.isVisible()
        CaseFile.open(first).close()  # the first file was closed and its lock let go
    finally:
        requests.close()
