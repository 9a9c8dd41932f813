"""One writer per case file: an OS lock on ``<file>.lock`` that names its holder.

The lock is ``fcntl.flock`` (``msvcrt.locking`` on Windows) on a small file beside the case file.

**One identity whatever path opens it** (issue 20). The lock file sits beside the case file's
*real* path (symlinks resolved), so ``link.dpodesk -> cases.dpodesk`` and ``cases.dpodesk``
share ``cases.dpodesk.lock``. A hard link is another name for the same inode, with no path in
common: on Linux the lock also takes ``flock`` on the case file itself (an open file
description of the inode, which Linux keeps apart from SQLite's own POSIX ``fcntl`` locks on
local file systems), so a second opener through any name is refused at once instead of meeting
SQLite's "database is locked" later. Not done on network file systems (there ``flock`` is
emulated with ``fcntl`` locks and would collide with SQLite's) nor on Windows and macOS (where
it would interfere with SQLite's locks): there a hard link still has its own lock file and only
SQLite's lock stops the second writer. :func:`identity` gives the key the window's single-
instance guard and file associations use for the same file.
The OS drops it when the holder dies, so a lock left by a crashed process is recovered by the
next open without guesswork. While held, the file records who holds it (host, process id, since
when) — nothing personal — so a refused second opener can say who is in the way.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dpo_desk.core.errors import CaseFileError, CaseFileLocked, DiskFull, ReadOnlyLocation
from dpo_desk.core.messages import Message

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt
else:
    import fcntl


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: str
    app: str = "DPO Desk"

    def describe(self) -> str:
        return f"process {self.pid} on {self.host} since {self.since}"


def real_path(casefile: Path) -> Path:
    """The case file's path with every symlink resolved (also when it does not exist yet)."""
    return Path(os.path.realpath(os.path.abspath(casefile)))


def lock_path(casefile: Path) -> Path:
    real = real_path(casefile)
    return real.with_name(real.name + ".lock")


@dataclass(frozen=True)
class CaseFileIdentity:
    """Which case file a path names: the same for a symlink, a hard link and the file itself
    (while it exists). ``key`` is short, stable and holds nothing personal: use it for a
    single-instance server name or to match a file association against the open window."""

    real_path: Path
    device: int | None
    inode: int | None

    @property
    def key(self) -> str:
        import hashlib

        basis = (
            f"inode:{self.device}:{self.inode}"
            if self.inode is not None
            else f"path:{self.real_path}"
        )
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]

    def same_file(self, other: CaseFileIdentity) -> bool:
        if self.inode is not None and other.inode is not None:
            return (self.device, self.inode) == (other.device, other.inode)
        return self.real_path == other.real_path


def identity(casefile: Path) -> CaseFileIdentity:
    real = real_path(casefile)
    try:
        st = os.stat(real)
    except OSError:
        return CaseFileIdentity(real, None, None)
    return CaseFileIdentity(real, st.st_dev, st.st_ino)


#: (device, inode) of the case files this process holds the inode lock of.
_INODES_HELD: set[tuple[int, int]] = set()


def _inode_lock_applies(casefile: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    return _filesystem_type(real_path(casefile)) not in _NETWORK_FS


class FileLock:
    def __init__(self, casefile: Path) -> None:
        self.casefile = real_path(casefile)
        self.path = lock_path(casefile)
        self._fd: int | None = None
        self._inode_fd: int | None = None  # issue 20: flock on the case file itself (Linux)
        self._inode: tuple[int, int] = (0, 0)
        self._spare_fds: list[int] = []

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise _lock_file_error(exc, self.path) from None
        try:
            _lock(fd)
        except OSError:
            holder = _read_holder(fd)
            os.close(fd)
            who = holder.describe() if holder else "another process"
            raise CaseFileLocked(
                Message(
                    "The case file is open in another DPO Desk ({holder}); close it there first.",
                    holder=who,
                )
            ) from None
        record = LockHolder(
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        data = json.dumps(record.__dict__).encode("utf-8")
        try:
            self._lock_inode()
        except CaseFileLocked:
            _unlock(fd)
            os.close(fd)
            raise
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, data)
            os.fsync(fd)
        except OSError as exc:
            self._unlock_inode()
            _unlock(fd)
            os.close(fd)
            raise _lock_file_error(exc, self.path) from None
        self._fd = fd

    def _lock_inode(self, *, sqlite_may_be_open: bool = False) -> None:
        """Issue 20: the same file under another name (a hard link) is refused too."""
        if self._inode_fd is not None or not _inode_lock_applies(self.casefile):
            return
        refused = CaseFileLocked(
            "The case file is open in another DPO Desk under another name (a link to the "
            "same file); close it there first."
        )
        try:
            st = os.stat(self.casefile)
        except OSError:
            return  # not there yet (create): the path's lock file is the lock
        inode = (st.st_dev, st.st_ino)
        if inode in _INODES_HELD:
            # held in this process: refuse before opening anything, because closing a second
            # descriptor of the file would drop the POSIX locks SQLite holds on it here
            raise refused
        try:
            fd = os.open(self.casefile, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if sqlite_may_be_open:
                self._spare_fds.append(fd)  # closed at release, after SQLite closed the file
            else:
                os.close(fd)  # no connection of this process has the file open
            raise refused from None
        self._inode_fd = fd
        self._inode = inode
        _INODES_HELD.add(inode)

    def pin(self) -> None:
        """Take the inode lock once the file exists (after ``create``), or anew after the file
        was replaced (``restore``). Never raises for a file nobody else can have open yet."""
        if self._fd is None:
            return
        self._unlock_inode()
        with contextlib.suppress(CaseFileLocked):
            self._lock_inode(sqlite_may_be_open=True)

    def _unlock_inode(self) -> None:
        # closing this descriptor drops only the flock: called after SQLite closed the file,
        # because closing any descriptor of a file drops the process's POSIX locks on it
        fd, self._inode_fd = self._inode_fd, None
        if fd is not None:
            _INODES_HELD.discard(self._inode)
            os.close(fd)

    def _close_spares(self) -> None:
        while self._spare_fds:
            os.close(self._spare_fds.pop())

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        self._unlock_inode()
        self._close_spares()
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
        except OSError:
            pass
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def holder(self) -> LockHolder | None:
        """Who holds the lock now (read without taking it)."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return None
        try:
            return _read_holder(fd)
        finally:
            os.close(fd)


def _lock_file_error(exc: OSError, path: Path) -> CaseFileError:
    """One sentence for a lock file that cannot be made or written (not: held by another)."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            Message(
                "The disk holding the case file is full ({folder}); DPO Desk cannot even write "
                "its lock file — free some space and try again.",
                folder=str(path.parent),
            )
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyLocation(
            Message(
                "DPO Desk cannot write its lock file {file} beside the case file in "
                "{folder} (read-only, or no permission); move the case file to a folder you "
                "can write to.",
                file=path.name,
                folder=str(path.parent),
            )
        )
    return CaseFileError(
        Message(
            "The case file's lock file {path} cannot be written ({reason}).",
            path=str(path),
            reason=exc.strerror,
        )
    )


def _read_holder(fd: int) -> LockHolder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        data = json.loads(raw.decode("utf-8"))
        return LockHolder(host=str(data["host"]), pid=int(data["pid"]), since=str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1 << 20)
    else:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1 << 20)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


# --- where the file lives ------------------------------------------------------------------

_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "afs",
    "9p",
    "davfs",
    "fuse.rclone",
}
_SYNC_MARKERS = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "icloud",
    "nextcloud",
    "owncloud",
    "syncthing",
    "mega",
)


def location_warnings(casefile: Path) -> list[str]:
    """Warnings for folders where SQLite's locking or atomic commit cannot be trusted."""
    warnings: list[str] = []
    resolved = casefile.resolve()
    lowered = [part.lower() for part in resolved.parts]
    for marker in _SYNC_MARKERS:
        if any(marker in part for part in lowered):
            warnings.append(
                "The case file is in a folder that a sync service may copy while it is open; "
                "keep it in a local folder and use DPO Desk's backups instead."
            )
            break
    fstype = _filesystem_type(resolved)
    if fstype in _NETWORK_FS:
        warnings.append(
            f"The case file is on a network file system ({fstype}); locking and crash safety "
            "are not reliable there. Keep it on a local disk."
        )
    return warnings


def _filesystem_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    text = str(path)
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if (text == mount_point or text.startswith(mount_point.rstrip("/") + "/")) and (
            best is None or len(mount_point) > best[0]
        ):
            best = (len(mount_point), fields[2])
    return best[1] if best else None
