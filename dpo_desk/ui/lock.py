"""Locking: idle time, the desktop's screen lock and suspend, and the lock screen.

``IdleLock`` watches the application's input events (an event filter on the application) and
asks for a lock after N idle minutes. It also listens, where the platform offers them, to the
application being suspended and — on Linux, over D-Bus when a bus is there — to the screen saver
turning on (``org.freedesktop.ScreenSaver`` / ``org.gnome.ScreenSaver``) and to the system
preparing to sleep (``org.freedesktop.login1``). Without a bus it simply does without.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("dpo_desk.ui.lock")

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)

#: (object path, interface) of the screen savers' ActiveChanged(bool) signal.
_SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class IdleLock(QObject):
    """Emits ``lock_requested`` after ``timeout_ms`` without input, or when the desktop locks."""

    lock_requested = Signal(str)  # why: "idle" | "suspend" | "screensaver" | "sleep"

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.lock_requested.emit("idle"))
        self._timeout_ms = 0
        self._armed = False
        self._bus_connected: list[str] = []
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)
        self.set_timeout_ms(timeout_ms)

    # --- idle ------------------------------------------------------------------------------
    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, ms: int) -> None:
        """0 turns the idle lock off."""
        self._timeout_ms = max(0, int(ms))
        if self._timeout_ms:
            self._timer.setInterval(self._timeout_ms)
        if self._armed:
            self.arm()

    def arm(self) -> None:
        """Start counting idle time (after unlocking)."""
        self._armed = True
        if self._timeout_ms:
            self._timer.start()
        else:
            self._timer.stop()

    def disarm(self) -> None:
        """Stop counting (while locked)."""
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and self._timeout_ms and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False

    def detach(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.disarm()

    # --- the desktop -----------------------------------------------------------------------
    @Slot(Qt.ApplicationState)
    def _on_state(self, state: Qt.ApplicationState) -> None:
        if self._armed and state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_requested.emit("suspend")

    def listen_to_desktop(self) -> list[str]:
        """Connect to the screen saver and sleep signals where a D-Bus is there (Linux)."""
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return []
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for path, interface in _SCREEN_SAVERS:
                # any sender: the screen saver is whoever owns the name on this desktop
                if session.connect(
                    "", path, interface, "ActiveChanged", self, SLOT("_on_screensaver(bool)")
                ):
                    self._bus_connected.append(interface)
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("_on_sleep(bool)"),
        ):
            self._bus_connected.append("org.freedesktop.login1.Manager")
        if self._bus_connected:
            log.info("listening to desktop lock signals: %s", ", ".join(self._bus_connected))
        return list(self._bus_connected)

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        if active and self._armed:
            self.lock_requested.emit("screensaver")

    @Slot(bool)
    def _on_sleep(self, going: bool) -> None:
        if going and self._armed:
            self.lock_requested.emit("sleep")


class LockScreen(QWidget):
    """Replaces the window's content while locked: no case data, a field to unlock."""

    unlock_requested = Signal(str)  # what the DPO typed ("" = use the keyring)

    def __init__(self, file_name: str, uses_keyring: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._uses_keyring = uses_keyring
        title = QLabel(self.tr("DPO Desk is locked"), self)
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        file_label = QLabel(self.tr("Case file: {name}").format(name=file_name), self)
        file_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        file_label.setTextFormat(Qt.TextFormat.PlainText)
        if uses_keyring:
            hint = self.tr(
                "Press Unlock to use the key in the system keyring, or type the recovery key."
            )
        else:
            hint = self.tr("Type the passphrase (or the recovery key) to unlock.")
        hint_label = QLabel(hint, self)
        hint_label.setWordWrap(True)
        hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._secret = QLineEdit(self)
        self._secret.setObjectName("unlockSecret")
        self._secret.setEchoMode(QLineEdit.EchoMode.Password)
        self._secret.setPlaceholderText(
            self.tr("Recovery key (optional)") if uses_keyring else self.tr("Passphrase")
        )
        self._secret.setAccessibleName(self.tr("Passphrase or recovery key"))
        self._secret.setMinimumWidth(320)
        self._secret.returnPressed.connect(self._submit)
        self._button = QPushButton(self.tr("&Unlock"), self)
        self._button.setObjectName("unlockButton")
        self._button.setDefault(True)
        self._button.clicked.connect(self._submit)
        self._message = QLabel(self)
        self._message.setObjectName("lockMessage")
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setTextFormat(Qt.TextFormat.PlainText)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._secret)
        row.addWidget(self._button)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addStretch(2)
        box.addWidget(title)
        box.addWidget(file_label)
        box.addSpacing(12)
        box.addWidget(hint_label)
        box.addLayout(row)
        box.addWidget(self._message)
        box.addStretch(3)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def secret_edit(self) -> QLineEdit:
        return self._secret

    def reset(self, message: str = "") -> None:
        self._secret.clear()
        self._message.setText(message)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self._button.setEnabled(not busy)
        self._secret.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self._message.setText(text)
        self.set_busy(False)
        self._secret.selectAll()
        self._secret.setFocus()

    def focus(self) -> None:
        self._secret.setFocus()

    def _submit(self) -> None:
        secret = self._secret.text()
        if not secret.strip() and not self._uses_keyring:
            self.show_message(self.tr("Type the passphrase first."))
            return
        self.set_busy(True)
        self.unlock_requested.emit(secret)
