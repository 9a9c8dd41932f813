"""Known errors as sentences for the DPO; everything else is a bug for the crash dialog.

Services raise :class:`~dpo_desk.core.errors.KnownError` subclasses with an English sentence. The
conditions the window meets at every start (wrong key, file held elsewhere, newer file, full
disk) get a translated sentence here; the rest are the service's own sentence (which names the case,
the date or the rule that refused), translated from its template (``core.messages``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from dpo_desk.casefile.lock import FileLock
from dpo_desk.casefile.paths import logs_dir
from dpo_desk.core.errors import (
    CaseFileLocked,
    CaseFileNotFound,
    DiskFull,
    KeyUnavailable,
    KnownError,
    NewerSchema,
    ReadOnlyLocation,
    UnsupportedSQLCipher,
    WrongKey,
)
from dpo_desk.hardening import configure_logging, safe
from dpo_desk.ui.i18n import tr_message

log = logging.getLogger("dpo_desk.ui")

LOG_NAME = "dpo-desk.log"


def describe_error(exc: BaseException, casefile: Path | None = None) -> str:
    """One sentence for the DPO, in the UI language where the condition is a common one."""
    if isinstance(exc, WrongKey):
        return QCoreApplication.translate(
            "Errors",
            "The passphrase or recovery key does not open this case file "
            "(or the file is not a DPO Desk case file).",
        )
    if isinstance(exc, CaseFileLocked):
        holder = FileLock(casefile).holder() if casefile is not None else None
        if holder is not None:
            return QCoreApplication.translate(
                "Errors",
                "The case file is open in another DPO Desk (process {pid} on {host} since "
                "{since}); close it there first.",
            ).format(pid=holder.pid, host=holder.host, since=holder.since)
        return tr_message(exc)
    if isinstance(exc, NewerSchema):
        return QCoreApplication.translate(
            "Errors",
            "This case file was written by a newer DPO Desk. Update DPO Desk to open it; "
            "the file was not changed.",
        )
    if isinstance(exc, KeyUnavailable):
        return QCoreApplication.translate(
            "Errors", "This case file needs its passphrase or recovery key."
        )
    if isinstance(exc, CaseFileNotFound):
        return QCoreApplication.translate(
            "Errors", "The case file does not exist (any more) at this place."
        )
    if isinstance(exc, DiskFull):
        return QCoreApplication.translate(
            "Errors", "The disk is full; the last change was not saved."
        )
    if isinstance(exc, ReadOnlyLocation):
        return QCoreApplication.translate(
            "Errors", "The case file is in a read-only place; nothing can be saved there."
        )
    if isinstance(exc, UnsupportedSQLCipher):
        return QCoreApplication.translate(
            "Errors", "This installation's SQLCipher is too old for DPO Desk; reinstall DPO Desk."
        )
    if isinstance(exc, KnownError):
        return tr_message(exc)  # the service's sentence, from messages_<lang>.toml
    return QCoreApplication.translate("Errors", "DPO Desk hit a bug.")


def log_path() -> Path:
    return logs_dir() / LOG_NAME


def setup_logging() -> logging.Handler:
    """Log to ``<logs>/dpo-desk.log`` (ids and events, never names or document numbers).

    The project's one log handler: 0600, rotating, behind the redacting filter.
    """
    return configure_logging(log_path())


def log_bug(exc_type: type[BaseException], tb: TracebackType | None) -> None:
    """Log a bug: its type and where it happened. Not its message: that may carry case data."""
    log.error(
        "unhandled %s",
        safe(f"{exc_type.__module__}.{exc_type.__qualname__}"),
        exc_info=(exc_type, None, tb),  # frames only; the redacting filter drops any message
    )


BugHandler = Callable[[BaseException], None]


class ExceptHook:
    """``sys.excepthook`` for the window: known errors become a message, bugs the crash dialog.

    Exceptions raised in slots reach ``sys.excepthook`` (PySide prints them through it), so the
    event loop goes on and the window never dies on one.
    """

    def __init__(self, on_known: BugHandler, on_bug: BugHandler) -> None:
        self._on_known = on_known
        self._on_bug = on_bug
        self._previous: Callable[..., object] | None = None
        self._busy = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self._previous is not None:
                self._previous(exc_type, exc, tb)
            return
        if self._busy:  # a bug while showing a bug: log it, never recurse
            log_bug(exc_type, tb)
            return
        self._busy = True
        try:
            if isinstance(exc, KnownError):
                self._on_known(exc)
            else:
                self._on_bug(exc)  # the bug handler logs it
        except Exception as inner:
            log_bug(type(inner), inner.__traceback__)
        finally:
            self._busy = False
