"""The composition root: the context every view gets, and the start of the window.

Views never hold the case file. They get an :class:`AppContext` in their constructor and reach
the file through ``ctx.db.run(fn, ...)``: ``fn(cf)`` runs on the one database thread and its
result comes back to the GUI thread by queued signal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.paths import default_casefile
from dpo_desk.core.errors import KnownError
from dpo_desk.hardening import harden_process, log_session

from .errors import ExceptHook, describe_error, log_bug, log_path
from .i18n import Translation, choose_language
from .keycheck import KeyVerifier, verifier_for
from .settings import Settings, SettingsStore
from .tasks import DbExecutor, ErrorCallback, Executor, ProgressCallback, ResultCallback, Ticket

APP_ID = "io.github.dpodesk.DPODesk"
APP_NAME = "DPO Desk"


class ChangeHub(QObject):
    """What changed in the file (Anki's lesson): views refresh what concerns them."""

    case_changed = Signal(int)  # one case (fields, status, notes, deadlines)
    case_added = Signal(int)
    controllers_changed = Signal()
    overrides_changed = Signal()  # calendar overrides: every open case's due date may move


class ErrorSink(QObject):
    """Where errors from jobs and slots go: a sentence for known ones, the crash dialog for bugs."""

    known = Signal(str)
    bug = Signal(object)

    def __init__(self, casefile: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.casefile = casefile

    def report(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.known.emit(describe_error(exc, self.casefile))
            return
        log_bug(type(exc), exc.__traceback__)
        self.bug.emit(exc)


@dataclass(frozen=True)
class Session:
    """Facts about the open file the window may show (no secrets: the verifier holds digests)."""

    path: Path
    file_id: str
    key_source: str  # "keyring" | "passphrase" | "recovery key"
    verifier: KeyVerifier
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.name


class CaseFileAccess:
    """The only way views reach the case file: jobs on the database thread."""

    def __init__(self, executor: Executor, casefile: CaseFile, report: ErrorCallback) -> None:
        self.executor = executor
        self._casefile = casefile
        self.report = report  # where a job's error goes when the caller has no better place

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket:
        """Run ``fn(cf, *args)`` on the database thread."""
        return self.executor.call(
            fn, self._casefile, *args, on_result=on_result, on_error=on_error, owner=owner
        )

    def task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket:
        """Run the long job ``fn(control, cf, *args)`` on the database thread."""
        return self.executor.task(
            lambda control: fn(control, self._casefile, *args),
            on_result=on_result,
            on_error=on_error,
            on_progress=on_progress,
            owner=owner,
        )

    def close(self) -> None:
        """Close the case file on the database thread and stop the thread."""
        self.executor.call(self._casefile.close)
        self.executor.shutdown()


@dataclass
class AppContext:
    db: CaseFileAccess
    session: Session
    today: Callable[[], date]
    settings_store: SettingsStore
    settings: Settings
    changes: ChangeHub
    errors: ErrorSink
    listen_to_desktop: bool = True  # screen-lock and suspend signals over D-Bus

    def save_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.settings_store.save(settings)


def open_session(cf: CaseFile, key: Key | None) -> Session:
    """Facts about a file just opened (runs where the file was opened: the database thread)."""
    return Session(
        path=cf.path,
        file_id=cf.file_id,
        key_source=cf.key_source,
        verifier=verifier_for(key, cf.key_source, cf.file_id),
        warnings=tuple(cf.warnings),
    )


def build_context(
    cf: CaseFile,
    executor: Executor,
    session: Session,
    *,
    today: Callable[[], date],
    settings_store: SettingsStore | None = None,
    errors: ErrorSink | None = None,
    listen_to_desktop: bool = True,
) -> AppContext:
    store = settings_store or SettingsStore()
    sink = errors or ErrorSink(session.path)
    return AppContext(
        db=CaseFileAccess(executor, cf, sink.report),
        session=session,
        today=today,
        settings_store=store,
        settings=store.load(),
        changes=ChangeHub(),
        errors=sink,
        listen_to_desktop=listen_to_desktop,
    )


def app_icon() -> QIcon:
    from dpo_desk.resources import path as resource_path

    icon = QIcon()
    base = resource_path("icons", "hicolor")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = base / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            icon.addFile(str(png))
    svg = base / "scalable" / "apps" / f"{APP_ID}.svg"
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def ensure_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else [sys.argv[0] if sys.argv else "dpo-desk"])
    return app


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    from dpo_desk import __version__

    app.setApplicationVersion(__version__)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)


def run(
    *,
    today: Callable[[], date],
    path: Path | None = None,
    key: Key | None = None,
    casefile: CaseFile | None = None,
    demo: bool = False,
) -> int:
    """Start the window: first-run or unlock dialog, then the main window; returns the exit code."""
    harden_process()  # umask 077, no core dumps: before Qt or SQLite create a file
    # the redacting 0600 log (ids and events, never personal data) for the window's whole life
    with log_session(log_path()):
        return _run(today=today, path=path, key=key, casefile=casefile, demo=demo)


def _run(
    *,
    today: Callable[[], date],
    path: Path | None,
    key: Key | None,
    casefile: CaseFile | None,
    demo: bool,
) -> int:
    app = ensure_application()
    configure_application(app)
    store = SettingsStore()
    settings = store.load()
    translation = Translation(choose_language(settings.ui_language))
    translation.install(app)

    target = path or (casefile.path if casefile is not None else _default_path(settings))
    from .instance import FileOpenFilter, InstanceServer, hand_over

    if casefile is None and not demo and hand_over(target if path is not None else None):
        translation.remove(app)
        return 0  # the running window took the request (raised itself, or asks to switch)

    requests = OpenRequests(store=store, today=today)
    server = InstanceServer()
    server.listen()
    server.open_requested.connect(requests.handle)
    file_events = FileOpenFilter()
    file_events.open_requested.connect(requests.handle)
    app.installEventFilter(file_events)
    try:
        requests.start(target, key=key, casefile=casefile, demo=demo)
        code = app.exec()
    finally:
        app.removeEventFilter(file_events)
        server.close()
        requests.close()
        translation.remove(app)
    return int(code)


class OpenRequests(QObject):
    """The running window's answer to "open this file" (a second start, a macOS open event):
    raise the window for the file it has; ask before closing it for another; never two at once."""

    def __init__(
        self,
        *,
        store: SettingsStore,
        today: Callable[[], date],
        listen_to_desktop: bool = True,
    ) -> None:
        super().__init__()
        self._store = store
        self._today = today
        self._listen = listen_to_desktop
        self.startup: Any = None
        self._hook: ExceptHook | None = None

    def start(
        self,
        target: Path,
        *,
        key: Key | None = None,
        casefile: CaseFile | None = None,
        demo: bool = False,
    ) -> None:
        from .startup import Startup

        errors = ErrorSink(target)
        executor = DbExecutor(errors.report)
        self.startup = Startup(
            executor=executor,
            errors=errors,
            settings_store=self._store,
            today=self._today,
            path=target,
            key=key,
            casefile=casefile,
            demo=demo,
            listen_to_desktop=self._listen,
        )
        if self._hook is not None:
            self._hook.uninstall()
        self._hook = ExceptHook(errors.report, errors.report)
        self._hook.install()
        # issue 21 item 9: File → Open / New / Open recent / Restore switch files through handle()
        self.startup.window_opened.connect(
            lambda window: window.open_file_requested.connect(self.handle)
        )
        self.startup.start()

    def current_path(self) -> Path | None:
        startup = self.startup
        if startup is None:
            return None
        if startup.ctx is not None:
            return Path(startup.ctx.session.path)
        return Path(startup._path)

    def handle(self, requested: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .instance import same_file

        startup = self.startup
        front = startup.window if startup is not None and startup.window is not None else None
        front = front or (startup.dialog if startup is not None else None)
        current = self.current_path()
        if not requested or current is None or same_file(Path(requested), current):
            _bring_forward(front)
            return
        new = Path(requested)
        if startup is None or startup.window is None:
            _bring_forward(front)  # still unlocking: finish or cancel that first
            return
        _bring_forward(front)
        answer = QMessageBox.question(
            front,
            self.tr("Open another case file"),
            self.tr(
                "{current} is open. Close it and open {new}? Nothing is lost: every change is "
                "already saved."
            )
            .replace("{current}", current.name)
            .replace("{new}", new.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed() if isinstance(app, QApplication) else True
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # the switch closes the only window
        try:
            startup.close()
            self.start(new)
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quit_on_close)

    def close(self) -> None:
        if self.startup is not None:
            self.startup.close()
        if self._hook is not None:
            self._hook.uninstall()
            self._hook = None


def _bring_forward(widget: Any) -> None:
    if widget is None:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if widget.isMinimized():
        widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
    widget.show()
    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
    widget.activateWindow()


def _default_path(settings: Settings) -> Path:
    if settings.last_file:
        last = Path(settings.last_file)
        if last.is_file():
            return last
    return default_casefile()
