"""Process hardening for every entry point (window, CLI, self-test).

``harden_process()`` is the first thing an entry point calls:

- ``os.umask(0o077)``: SQLite, Qt and Python create files 0644 by default; with this umask every
  file DPO Desk makes (case file, WAL, backups, exports, logs, settings) is 0600 and every
  folder 0700, even where the code forgets to ask;
- core dumps off (``RLIMIT_CORE`` = 0, soft and hard), so a crash never writes the process's
  memory — decrypted pages, keys, passphrases — to disk;
- on Linux ``prctl(PR_SET_DUMPABLE, 0)``: no core dump even through a ``core_pattern`` pipe,
  and other processes of the same user cannot ``ptrace`` it or read ``/proc/<pid>/mem``.

``configure_logging(path)`` installs the log handler (``log_session()`` installs it for the
length of a ``with`` block and removes it after): a rotating file under the logs folder, 0600,
created on the first record, never breaking or printing a traceback when the disk is full, with
a filter that keeps ids and event names but never personal data — e-mail addresses
and long digit runs (document, phone, account numbers) are masked in every message, text passed
as a record argument is withheld unless it looks like code (a module path, an exception type, a
snake_case id) or is wrapped in :func:`safe`, and exception messages are dropped from
tracebacks (their frames are kept).

No Qt and no case-file code here: the module is imported by the CLI and the window alike.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import logging
import os
import re
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = [
    "HardeningReport",
    "RedactingFilter",
    "SafeText",
    "configure_logging",
    "core_dumps_disabled",
    "current_report",
    "default_log_path",
    "harden_process",
    "log_session",
    "redact_text",
    "safe",
]

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
LOG_NAME = "dpo-desk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


# --- the process -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HardeningReport:
    """What :func:`harden_process` could apply here (for the self-test and ``dpo-desk check``)."""

    umask: int | None  # the umask now in force (None where the platform has none)
    core_limit: tuple[int, int] | None  # (soft, hard) RLIMIT_CORE; None without ``resource``
    dumpable: bool | None  # Linux PR_GET_DUMPABLE; None elsewhere
    notes: tuple[str, ...] = ()

    @property
    def core_dumps_off(self) -> bool:
        return self.core_limit == (0, 0) or self.dumpable is False

    @property
    def private_umask(self) -> bool:
        """Whether new files are private to the user (always true where there is no umask)."""
        return self.umask is None or self.umask & 0o077 == 0o077

    @property
    def ok(self) -> bool:
        """Whether the process is hardened as far as this platform allows."""
        if os.name != "posix":
            return True
        return self.private_umask and self.core_dumps_off

    def describe(self) -> str:
        """One line for the self-test and ``dpo-desk check``."""
        if self.umask is None:
            mask = "no umask on this platform"
        else:
            mask = f"umask {self.umask:04o}" + ("" if self.private_umask else " (should be 0077)")
        if self.core_limit is None and self.dumpable is None:
            dumps = "core dumps left to the OS"
        elif self.core_dumps_off:
            dumps = "core dumps off"
        else:
            dumps = "core dumps ON"
        return f"{mask}, {dumps}" + (f" ({'; '.join(self.notes)})" if self.notes else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "umask": f"{self.umask:04o}" if self.umask is not None else None,
            "core_limit": list(self.core_limit) if self.core_limit is not None else None,
            "dumpable": self.dumpable,
            "core_dumps_off": self.core_dumps_off,
            "notes": list(self.notes),
            "ok": self.ok,
        }


def harden_process() -> HardeningReport:
    """Set umask 077 and switch core dumps off; safe to call more than once."""
    notes: list[str] = []
    os.umask(0o077)
    core = _disable_core_dumps(notes)
    dumpable = _set_not_dumpable(notes)
    return HardeningReport(
        umask=_current_umask(), core_limit=core, dumpable=dumpable, notes=tuple(notes)
    )


def current_report() -> HardeningReport:
    """What is in force now, without changing anything."""
    return HardeningReport(
        umask=_current_umask(), core_limit=_core_limit(), dumpable=_get_dumpable()
    )


def core_dumps_disabled() -> bool:
    """Whether this process can no longer write a core dump."""
    limit = _core_limit()
    return limit == (0, 0) or _get_dumpable() is False


def _current_umask() -> int | None:
    if os.name != "posix":
        return None
    # Linux shows it without changing it; elsewhere set-and-restore (077 meanwhile, never looser)
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as fh,
    ):
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o077)
    os.umask(current)
    return current


def _core_limit() -> tuple[int, int] | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    return int(soft), int(hard)


def _disable_core_dumps(notes: list[str]) -> tuple[int, int] | None:
    try:
        import resource
    except ImportError:  # Windows: no core files; Windows Error Reporting is the OS's setting
        notes.append("core dumps: no RLIMIT_CORE on this platform")
        return None
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as exc:
        notes.append(f"core dumps: setrlimit failed ({type(exc).__name__})")
    return _core_limit()


@functools.cache
def _libc() -> Any:
    """The C library, for ``prctl`` (Linux only).

    The process's own symbols first (``dlopen(NULL)``: the interpreter is linked against libc);
    ``ctypes.util.find_library`` would run ``ldconfig`` in a subprocess at every start.
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    for name in (None, "libc.so.6"):
        try:
            libc = ctypes.CDLL(name, use_errno=True)
            libc.prctl  # noqa: B018 (the lookup is the check)
        except (OSError, AttributeError):
            continue
        return libc
    return None


def _set_not_dumpable(notes: list[str]) -> bool | None:
    libc = _libc()
    if libc is None:
        return None
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        notes.append("prctl(PR_SET_DUMPABLE, 0) failed")
    return _get_dumpable()


def _get_dumpable() -> bool | None:
    libc = _libc()
    if libc is None:
        return None
    value = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    return None if value < 0 else bool(value)


# --- logs without personal data ------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
# six or more digits, possibly split by spaces, dashes, dots or slashes (passport, ID, phone,
# account and card numbers); four-digit years and short ids stay readable
_DIGITS = re.compile(r"(?<!\w)\+?\d(?:[ \-./]?\d){5,}(?!\w)")
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
_EXC_NAME = re.compile(r"[A-Za-z_]\w*(?:Error|Exception|Warning|Exit|Interrupt)")
# snake_case or colon-separated ids (``in_progress``, ``case:42``); a plain word is withheld, since
# a name typed in lower case is one — wrap such a value in ``safe()`` when it is a code
_TOKEN = re.compile(r"[a-z0-9]+(?:[_:][a-z0-9]+)+")
WITHHELD = "[withheld]"


class SafeText(str):
    """Text the caller vouches for (an id, a setting name): logged as it is."""

    __slots__ = ()


def safe(value: object) -> SafeText:
    """Mark a log argument as free of personal data: ``log.info("x %s", safe(name))``."""
    return SafeText(str(value))


def redact_text(text: str) -> str:
    """Mask e-mail addresses and long digit runs in ``text``."""
    text = _EMAIL.sub("[email]", text)
    return _DIGITS.sub("[number]", text)


def _codeish(text: str) -> bool:
    parts = [p.strip() for p in text.split(",")] if "," in text else [text]
    return all(
        p
        and (_DOTTED.fullmatch(p) or _EXC_NAME.fullmatch(p) or _TOKEN.fullmatch(p))
        and not _EMAIL.search(p)
        and not _DIGITS.search(p)
        for p in parts
    )


def _safe_arg(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | SafeText):
        return value
    if isinstance(value, enum.Enum):
        return value.value if isinstance(value.value, int | str) else value.name
    if isinstance(value, str):
        return value if _codeish(value) else WITHHELD
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return WITHHELD


def _exception_text(exc_info: tuple[Any, Any, TracebackType | None]) -> str:
    """A traceback with its frames but without any exception message (it may hold case data)."""
    exc_type, _value, tb = exc_info
    frames = "".join(traceback.format_tb(tb)) if tb is not None else ""
    name = f"{exc_type.__module__}.{exc_type.__qualname__}" if exc_type else "exception"
    return redact_text(f"Traceback (most recent call last):\n{frames}{name} (message withheld)")


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no personal data reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, dict):
            cleaned: Any = {k: _safe_arg(v) for k, v in args.items()}
        elif isinstance(args, tuple):
            cleaned = tuple(_safe_arg(a) for a in args)
        else:
            cleaned = args
        template = str(record.msg)
        try:
            message = template % cleaned if cleaned else template
        except (TypeError, ValueError, KeyError):
            message = template + (" " + " ".join(map(str, cleaned)) if cleaned else "")
        record.msg = redact_text(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = _exception_text(record.exc_info)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created (and kept) 0600.

    A record that cannot be written (disk full, read-only folder) is dropped: the log must never
    turn a full disk into a crash, nor print a traceback (which would carry the record) to stderr.
    """

    dropped = 0

    def _open(self) -> Any:
        folder = Path(self.baseFilename).parent
        if not folder.is_dir():  # made with the first record, not before (a stateless command
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # leaves nothing behind)
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        fd = os.open(self.baseFilename, flags, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        self.dropped += 1

    def flush(self) -> None:
        try:
            super().flush()
        except (OSError, ValueError):  # the disk is full: what is buffered is dropped
            self.dropped += 1

    def close(self) -> None:
        try:
            super().close()
        except (OSError, ValueError):  # closing flushes too; the descriptor is closed regardless
            self.dropped += 1


def default_log_path() -> Path:
    """``<logs>/dpo-desk.log``, where :func:`dpo_desk.casefile.paths.logs_dir` puts it (the
    platform's log folder, or ``DPO_DESK_HOME/logs``), without creating the folder yet."""
    override = os.environ.get("DPO_DESK_HOME")
    if override:
        return Path(override) / "logs" / LOG_NAME
    import platformdirs

    from dpo_desk.casefile.paths import APP_NAME

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / LOG_NAME


def configure_logging(
    path: Path | None = None, *, level: int = logging.INFO, logger: str = "dpo_desk"
) -> logging.Handler:
    """Log ``logger`` to ``path`` (default ``<logs>/dpo-desk.log``) through the redacting filter.

    The file (and its folder, 0700) is made when the first record arrives. Idempotent: a second
    call for the same file returns the handler already installed.
    """
    path = Path(path if path is not None else default_log_path()).absolute()
    target = logging.getLogger(logger)
    for existing in target.handlers:
        if getattr(existing, "baseFilename", None) == str(path):
            return existing
    handler = PrivateRotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    target.addHandler(handler)
    target.setLevel(level)
    return handler


@contextlib.contextmanager
def log_session(path: Path | None = None, *, logger: str = "dpo_desk") -> Iterator[Path | None]:
    """Log to ``path`` (default ``<logs>/dpo-desk.log``) for the length of the block.

    Yields the log file, or ``None`` when the logs folder cannot be made (a read-only home): the
    command then runs without a log, and a ``NullHandler`` keeps Python's last-resort handler from
    printing records (and their tracebacks) to stderr. A handler installed before the block
    (by the window, or a test) is left in place.
    """
    target = logging.getLogger(logger)
    before = list(target.handlers)
    added: logging.Handler | None = None
    where: Path | None = None
    try:
        added = configure_logging(path, logger=logger)
        where = Path(added.baseFilename) if isinstance(added, logging.FileHandler) else None
    except OSError:
        added = logging.NullHandler()
        target.addHandler(added)
    if added in before:
        added = None
    try:
        yield where
    finally:
        if added is not None:
            target.removeHandler(added)
            added.close()
