"""From start to the main window: first-run or unlock dialog, then the window; no nested loops.

Each step is a callback of the one before (the dialogs are shown with ``open()``), so the
application's single event loop runs all along and the case file is opened on the database
thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import KeyUnavailable, KnownError

from .app import AppContext, ErrorSink, build_context, open_session
from .dialogs.first_run import FirstRunDialog
from .dialogs.recovery_key import RecoveryKeyDialog
from .dialogs.unlock import UnlockDialog
from .errors import describe_error
from .opening import Opened, open_casefile
from .settings import SettingsStore
from .tasks import DbExecutor


class Startup(QObject):
    window_opened = Signal(object)  # issue 21 item 9: the main window, for OpenRequests

    def __init__(
        self,
        *,
        executor: DbExecutor,
        errors: ErrorSink,
        settings_store: SettingsStore,
        today: Callable[[], date],
        path: Path,
        key: Key | None = None,
        casefile: CaseFile | None = None,
        demo: bool = False,
        listen_to_desktop: bool = True,
    ) -> None:
        super().__init__()
        self._executor = executor
        self._errors = errors
        self._store = settings_store
        self._today = today
        self._path = path
        self._key = key
        self._casefile = casefile
        self._demo = demo
        self._listen = listen_to_desktop
        self.dialog: FirstRunDialog | UnlockDialog | RecoveryKeyDialog | None = None
        self.window = None
        self.ctx: AppContext | None = None
        self._closed = False

    def start(self) -> None:
        if self._casefile is not None:
            cf = self._casefile
            self._executor.call(
                open_session,
                cf,
                self._key,
                on_result=lambda session: self._opened(Opened(cf, session)),
            )
        elif not self._path.exists():
            dialog = FirstRunDialog(self._executor, self._path, report_bug=self._errors.report)
            dialog.created.connect(self._created)
            dialog.rejected.connect(self._give_up)
            self._show(dialog)
        else:
            self._executor.call(
                open_casefile,
                self._path,
                self._key,
                on_result=self._opened,
                on_error=self._ask_for_key,
            )

    def _show(self, dialog: FirstRunDialog | UnlockDialog | RecoveryKeyDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _ask_for_key(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            self._errors.report(exc)
        message = "" if isinstance(exc, KeyUnavailable) else describe_error(exc, self._path)
        dialog = UnlockDialog(self._executor, self._path, message, report_bug=self._errors.report)
        dialog.opened.connect(self._opened)
        dialog.rejected.connect(self._give_up)
        self._show(dialog)

    def _created(self, opened: Opened) -> None:
        if opened.recovery_key is None:
            self._opened(opened)
            return
        dialog = RecoveryKeyDialog(opened.recovery_key, opened.session.name)
        dialog.accepted.connect(lambda: self._opened(opened))
        self._show(dialog)

    def _opened(self, opened: Opened) -> None:
        from .main_window import MainWindow

        self.ctx = build_context(
            opened.casefile,
            self._executor,
            opened.session,
            today=self._today,
            settings_store=self._store,
            errors=self._errors,
            listen_to_desktop=self._listen,
        )
        if not self._demo:
            self.ctx.save_settings(
                self.ctx.settings.with_changes(last_file=str(opened.session.path))
            )
        window = MainWindow(self.ctx)
        self.window = window
        self.window_opened.emit(window)  # issue 21 item 9
        window.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen cannot raise windows
            window.raise_()
        window.activateWindow()

    def _give_up(self) -> None:
        QTimer.singleShot(0, QCoreApplication.quit)

    def close(self) -> None:
        """Close the window and the case file (on the database thread), then stop the thread."""
        if self._closed:
            return
        self._closed = True
        if self.window is not None:
            self.window.close()
        if self.ctx is not None:
            self.ctx.db.close()
        else:
            if self._casefile is not None:
                self._executor.call(self._casefile.close)
            self._executor.shutdown()
