"""One writer per case file: an OS lock on ``<file>.lock`` that names its holder.

The lock is ``fcntl.flock`` (``msvcrt.locking`` on Windows) on a small file beside the case file.
The OS drops it when the holder dies, so a lock left by a crashed process is recovered by the
next open without guesswork. While held, the file records who holds it (host, process id, since
when) — nothing personal — so a refused second opener can say who is in the way.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dpo_desk.core.errors import CaseFileError, CaseFileLocked, DiskFull, ReadOnlyLocation

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


def lock_path(casefile: Path) -> Path:
    return casefile.with_name(casefile.name + ".lock")


class FileLock:
    def __init__(self, casefile: Path) -> None:
        self.path = lock_path(casefile)
        self._fd: int | None = None

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
                f"The case file is open in another DPO Desk ({who}); close it there first."
            ) from None
        record = LockHolder(
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        data = json.dumps(record.__dict__).encode("utf-8")
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, data)
            os.fsync(fd)
        except OSError as exc:
            _unlock(fd)
            os.close(fd)
            raise _lock_file_error(exc, self.path) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
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
            f"The disk holding the case file is full ({path.parent}); DPO Desk cannot even write "
            "its lock file — free some space and try again."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyLocation(
            f"DPO Desk cannot write its lock file {path.name} beside the case file in "
            f"{path.parent} (read-only, or no permission); move the case file to a folder you "
            "can write to."
        )
    return CaseFileError(f"The case file's lock file {path} cannot be written ({exc.strerror}).")


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
