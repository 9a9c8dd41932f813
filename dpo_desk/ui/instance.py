"""One window per user: a second start hands its request to the running window and exits.

A double-click on a ``.dpodesk`` file, ``dpo-desk PATH`` or a plain second ``dpo-desk`` while
the window runs must not ask for the passphrase again nor open a file twice. The first window
listens on a local socket (``QLocalServer``; a private folder on Unix, a named pipe per user on
Windows); a later start sends ``{"open": PATH}`` and exits when the window answered. The window
then raises itself, or asks before it closes its file for another one (:class:`OpenRequests`).
On macOS the system sends the same request as a ``QFileOpenEvent``.

The message carries a path, never anything of a case; the socket is readable by its user only.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

#: How long a second start waits for the running window to answer (ms).
ANSWER_TIMEOUT_MS = 3000
MAX_MESSAGE = 64 * 1024


def server_name() -> str:
    """The socket's name: one per user (and per ``DPO_DESK_HOME``, so tests stay apart)."""
    home = os.environ.get("DPO_DESK_HOME", "")
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (containers): the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{home}".encode()).hexdigest()[:16]
    if sys.platform == "win32":
        return f"dpo-desk-{digest}"  # a named pipe; Windows scopes it to the session
    folder = _private_runtime_folder()
    return str(folder / f"dpo-desk-{digest}.sock")


def _private_runtime_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"dpo-desk-{uid}"
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def same_file(a: Path, b: Path) -> bool:
    """One case file, whatever path (symlink, hard link, relative) names it."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def hand_over(path: Path | None, name: str | None = None) -> bool:
    """Give ``path`` (or a plain "show yourself") to a running window. False when none runs."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(500):
        return False
    message = {"open": str(path.expanduser().resolve()) if path is not None else ""}
    socket.write(QByteArray(json.dumps(message).encode("utf-8") + b"\n"))
    socket.flush()
    socket.waitForBytesWritten(ANSWER_TIMEOUT_MS)
    answered = socket.waitForReadyRead(ANSWER_TIMEOUT_MS)
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """The running window's ear: emits :attr:`open_requested` with a path ('' = just show)."""

    open_requested = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket left by a window that died: nobody answers on it, so take it over.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                socket.abort()
                self._forget(socket)
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
            path = message.get("open", "") if isinstance(message, dict) else None
        except (UnicodeDecodeError, ValueError):
            path = None
        if isinstance(path, str):
            socket.write(QByteArray(b"ok\n"))
            socket.flush()
            self.open_requested.emit(path)
        else:
            socket.abort()
            self._forget(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


class FileOpenFilter(QObject):
    """macOS sends a double-clicked document as a ``QFileOpenEvent`` to the application."""

    open_requested = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open_requested.emit(event.file())
            return True
        return super().eventFilter(watched, event)
