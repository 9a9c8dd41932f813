"""A double-click on a .dpodesk file opens it in DPO Desk: the Linux installer registers the file
type and the menu entry, and xdg-open (what file managers run) starts the window on that file,
on a real X display (Xvfb). A second double-click goes to the running window.

Needs Debian's xvfb, xauth, xdg-utils and shared-mime-info (the README's apt line; .ci/run
installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dpo_desk.cli.selftest import APP_ID

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
PASSPHRASE = "correct horse battery"
DPO_DESK = Path(sys.executable).with_name("dpo-desk")


def _wait_for(condition, timeout: float = 40.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.1)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is missing: apt-get install xvfb xauth (see the README)"
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    try:
        yield f":{number.decode().strip()}"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def desktop(tmp_path: Path, display: str) -> dict[str, str]:
    for tool in ("xdg-open", "xdg-mime", "update-mime-database"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install xdg-utils shared-mime-info"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    for name in (
        "XDG_CURRENT_DESKTOP",
        "DESKTOP_SESSION",
        "KDE_FULL_SESSION",
        "GNOME_DESKTOP_SESSION_ID",
    ):
        env.pop(name, None)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",  # a real X display, as a user's desktop
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(runtime),
        PREFIX=str(tmp_path / "prefix"),
        DPO_DESK_PASSPHRASE=PASSPHRASE,
    )
    done = subprocess.run(
        [str(INSTALL), "--exec", str(DPO_DESK)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return env


def _holder(lock: Path) -> int | None:
    import json

    try:
        return int(json.loads(lock.read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def test_installer_registers_the_case_file_type(desktop: dict[str, str], tmp_path: Path) -> None:
    data = Path(desktop["XDG_DATA_HOME"])
    entry = (data / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={DPO_DESK} %f" in entry and "MimeType=application/x-dpodesk;" in entry
    case = tmp_path / "office.dpodesk"
    case.write_bytes(os.urandom(4096))  # a case file is encrypted from its first byte
    kind = subprocess.run(
        ["xdg-mime", "query", "filetype", str(case)], env=desktop, capture_output=True, text=True
    )
    assert kind.stdout.strip() == "application/x-dpodesk"
    default = subprocess.run(
        ["xdg-mime", "query", "default", "application/x-dpodesk"],
        env=desktop,
        capture_output=True,
        text=True,
    )
    assert default.stdout.strip() == f"{APP_ID}.desktop"


def test_double_click_opens_the_case_file_and_a_second_goes_to_the_same_window(
    desktop: dict[str, str], tmp_path: Path
) -> None:
    case = tmp_path / "office.dpodesk"
    made = subprocess.run(
        [str(DPO_DESK), "--file", str(case), "init"], env=desktop, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    lock = Path(f"{case}.lock")
    opener = subprocess.Popen(
        ["xdg-open", str(case)], env=desktop, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    window = None
    try:
        _wait_for(lambda: _holder(lock) is not None)
        window = _holder(lock)
        cmdline = Path(f"/proc/{window}/cmdline").read_bytes().split(b"\0")
        assert str(case).encode() in cmdline  # the window was started on the double-clicked file
        # a second double-click: handed to the running window, which keeps the file
        again = subprocess.run(
            ["xdg-open", str(case)], env=desktop, capture_output=True, timeout=60
        )
        assert again.returncode == 0
        assert _holder(lock) == window
        assert Path(f"/proc/{window}").exists()
    finally:
        if window is not None:
            os.kill(window, 15)
            _wait_for(lambda: not Path(f"/proc/{window}").exists() or _zombie(window), 30)
        opener.kill()
        opener.wait(10)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True
