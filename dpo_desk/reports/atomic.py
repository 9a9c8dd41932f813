"""Atomic export writes: a temp file in the target folder, 0600, fsync, ``os.replace``, fsync dir.

A reader (or a crash) sees either the previous file or the complete new one, never a truncated
export; on any failure the temp file is removed and the error becomes a one-sentence
:class:`~dpo_desk.core.errors.KnownError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from dpo_desk.core.errors import DiskFull, KnownError, ReadOnlyLocation


class ExportError(KnownError):
    """An export could not be written (the folder is missing, the name is a folder, …)."""


def temp_name(target: Path) -> Path:
    """The temp file an export of ``target`` goes through (hidden, in the same folder)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically with mode 0600; returns the absolute path.

    Raises :class:`DiskFull`, :class:`ReadOnlyLocation` or :class:`ExportError`; the previous
    file at ``path`` (if any) is left untouched and no temp file remains.
    """
    target = Path(path).expanduser().absolute()
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist; nothing was written.")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name for the export.")
    tmp = temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        raise _known(exc, target) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    # The export is complete and in place; a folder that cannot be synced does not undo that.
    with contextlib.suppress(OSError):
        _fsync_dir(folder)
    return target


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _known(exc: OSError, target: Path) -> KnownError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk is full; the export {target.name} was not written.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyLocation(
            f"Cannot write to {target.parent} (permission denied or read-only); "
            f"the export {target.name} was not written."
        )
    reason = exc.strerror or exc.__class__.__name__
    return ExportError(f"The export {target.name} was not written: {reason}.")
