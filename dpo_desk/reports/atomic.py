"""Atomic export writes: a temp file in the target folder, 0600, fsync, ``os.replace``, fsync dir.

A reader (or a crash) sees either the previous file or the complete new one, never a truncated
export; on any failure the temp file is removed and the error becomes a one-sentence
:class:`~dpo_desk.core.errors.KnownError`. :func:`staged_write` splits the write in two (bytes
staged and fsynced, then renamed) so that an export's audit event can commit in between.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
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
    with staged_write(path, data) as stage:
        return stage.commit()


@dataclass
class StagedFile:
    """Complete, fsynced bytes in a temp file beside ``target``, waiting for :meth:`commit`."""

    target: Path
    temp: Path
    committed: bool = False

    def commit(self) -> Path:
        """Give the staged file the target's name (atomically); returns the target."""
        try:
            os.replace(self.temp, self.target)
        except OSError as exc:
            raise _known(exc, self.target) from None
        self.committed = True
        # The export is complete and in place; a folder that cannot be synced does not undo that.
        with contextlib.suppress(OSError):
            _fsync_dir(self.target.parent)
        return self.target

    def discard(self) -> None:
        """Remove the temp file unless it was committed (safe to call more than once)."""
        if not self.committed:
            with contextlib.suppress(FileNotFoundError):
                self.temp.unlink()


def stage(path: Path, data: bytes) -> StagedFile:
    """Write ``data`` to a temp file (0600, fsynced) in ``path``'s folder; nothing is replaced yet.

    Raises as :func:`write_atomic` does, and then leaves no temp file.
    """
    target = Path(path).expanduser().absolute()
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist; nothing was written.")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name for the export.")
    staged = StagedFile(target, temp_name(target))
    try:
        fd = os.open(
            staged.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
        )
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        staged.discard()
        raise _known(exc, target) from None
    except BaseException:
        staged.discard()
        raise
    return staged


@contextlib.contextmanager
def staged_write(path: Path, data: bytes) -> Iterator[StagedFile]:
    """Stage ``data`` for ``path``; the block decides whether to :meth:`~StagedFile.commit`.

    Whatever happens in the block, an uncommitted temp file is removed when it ends. Exports use
    it to commit their audit event *between* writing the bytes and giving them the target's name,
    so a full disk (or an I/O error) at either step leaves neither the file nor the event.
    """
    staged = stage(path, data)
    try:
        yield staged
    finally:
        staged.discard()


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
    if exc.errno == errno.EFBIG:
        return DiskFull(f"The export {target.name} is too large for this disk; it was not written.")
    reason = exc.strerror or exc.__class__.__name__
    return ExportError(f"The export {target.name} was not written: {reason}.")
