"""The one door to the encrypted file: SQLCipher first, then sqlite-utils on that connection.

Open sequence (``docs/reliability.md``, "Design rules"): key first; prove the key with a read; refuse
SQLCipher < 4; then ``temp_store=MEMORY``, ``secure_delete``, ``foreign_keys``,
``journal_mode=WAL``, ``synchronous=FULL``. SQLite's locking stays NORMAL (issue 21): the one
writer is kept by the OS lock file alone (:mod:`.lock`), so WAL readers (``read_only=True``: the
file opened ``mode=ro`` with ``query_only``, e.g. ``dpo-desk case list`` while the window is open)
see the last committed state.
``cipher_memory_security`` is deliberately left at SQLCipher's default (off since 4.5): it is
process-wide, cannot be turned off again, and made every case add cost several times more
(ADR 0001, issue 19); SQLCipher still wipes and locks its own key and page buffers.
Nothing is written to the file before the key is proven, so a wrong key leaves it untouched.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
import sqlcipher3.dbapi2

# sqlite-utils catches the stdlib's (or pysqlite3's) OperationalError; point its pysqlite3 probe
# at sqlcipher3 before it is first imported, so its error handling sees our exceptions.
sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)

import sqlite_utils  # noqa: E402

from dpo_desk.core.errors import (  # noqa: E402
    CaseFileDamaged,
    CaseFileError,
    DiskError,
    DiskFull,
    ReadOnlyLocation,
    UnsupportedSQLCipher,
    WrongKey,
)
from dpo_desk.core.messages import Message  # noqa: E402

DatabaseError = sqlcipher3.dbapi2.DatabaseError
OperationalError = sqlcipher3.dbapi2.OperationalError
IntegrityError = sqlcipher3.dbapi2.IntegrityError


@dataclass(frozen=True)
class Key:
    """How to unlock a case file: a raw 256-bit key, or a passphrase for SQLCipher's KDF."""

    raw: bytes | None = None
    passphrase: str | None = None

    def __post_init__(self) -> None:
        if (self.raw is None) == (self.passphrase is None):
            raise ValueError("a Key is either raw or a passphrase")
        if self.raw is not None and len(self.raw) != 32:
            raise ValueError("a raw key is 32 bytes")
        if self.passphrase is not None and not self.passphrase:
            raise ValueError("an empty passphrase is not a key")

    @property
    def mode(self) -> str:
        return "raw" if self.raw is not None else "passphrase"

    def apply(self, conn: sqlcipher3.dbapi2.Connection) -> None:
        if self.raw is not None:
            conn.execute(f"PRAGMA key = \"x'{self.raw.hex()}'\"")
        else:
            assert self.passphrase is not None
            conn.set_key(self.passphrase.encode("utf-8"))

    def rekey_sql_value(self) -> str | bytes:
        if self.raw is not None:
            return f"x'{self.raw.hex()}'"
        assert self.passphrase is not None
        return self.passphrase.encode("utf-8")

    def __repr__(self) -> str:  # never print key material
        return f"Key(mode={self.mode!r})"


def connect(
    path: Path, key: Key, *, create: bool = False, read_only: bool = False
) -> sqlite_utils.Database:
    """Open ``path`` with ``key`` and return a sqlite-utils Database on the keyed connection.

    ``read_only`` (issue 21) opens the file ``mode=ro`` with ``PRAGMA query_only = ON`` and does
    not touch the journal mode: a WAL reader beside the writer that holds the lock. It writes
    nothing to the file or its WAL (the shared-memory index ``-shm`` is where every WAL reader
    marks what it reads; SQLite needs that).

    Raises ``WrongKey`` when the key does not open the file (or it is not a case file).
    """
    if create and read_only:
        raise ValueError("a case file cannot be created read-only")
    mode = "ro" if read_only else ("rwc" if create else "rw")
    uri = f"file:{path.as_posix()}?mode={mode}"
    try:
        conn = sqlcipher3.dbapi2.connect(
            uri, uri=True, isolation_level=None, check_same_thread=False
        )
    except OperationalError as exc:
        raise translate_error(exc, path) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        key.apply(conn)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            if not _not_a_database(exc):
                # the first read also sets up the WAL index: a full disk or an I/O error here
                # is not a wrong key, and saying so would send the DPO looking for another one
                raise translate_error(exc, path) from None
            raise WrongKey(
                Message(
                    "The key or passphrase does not open {file}, or it is not a DPO Desk "
                    "case file.",
                    file=path.name,
                )
            ) from None
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or int(str(version[0]).split(".")[0]) < 4:
            raise UnsupportedSQLCipher(
                f"DPO Desk needs SQLCipher 4 or newer; this installation has {version}."
            )
        pragmas = [
            "PRAGMA temp_store = MEMORY",
            "PRAGMA secure_delete = ON",
            "PRAGMA foreign_keys = ON",
        ]
        if read_only:
            pragmas.append("PRAGMA query_only = ON")
        else:
            pragmas.append("PRAGMA journal_mode = WAL")
        pragmas += ["PRAGMA synchronous = FULL", f"PRAGMA cache_size = -{cache_kib(path)}"]
        for pragma in pragmas:
            conn.execute(pragma)
    except CaseFileError:
        conn.close()
        raise
    except DatabaseError as exc:
        conn.close()
        raise translate_error(exc, path) from None
    # no sqlite-utils plugins: none is needed, none should see the keyed connection, and
    # finding them scans every installed package's entry points (~0.1 s at each open)
    return sqlite_utils.Database(conn, execute_plugins=False)


#: The page cache: half the file, at least 64 MiB, at most 192 MiB (issue 19: a fixed 64 MiB
#: thrashed searches beyond ~250k cases; the cache fills only as pages are read).
CACHE_MIN_KIB = 64 * 1024
CACHE_MAX_KIB = 192 * 1024


def cache_kib(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return max(CACHE_MIN_KIB, min(CACHE_MAX_KIB, size // 2048))


def _not_a_database(exc: Exception) -> bool:
    """SQLCipher's answer to a wrong key (and to a file that is not a database)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name == "SQLITE_NOTADB" or "not a database" in str(exc).lower()


#: Below this much free space (two 32 KiB WAL-index chunks), a disk I/O error is taken for a full
#: disk: SQLite reports an ENOSPC while growing the WAL index (``-shm``) as a plain SQLITE_IOERR.
NEARLY_FULL = 64 * 1024


def _free_space(path: Path | None) -> int | None:
    if path is None:
        return None
    import shutil

    for folder in (path.parent, *path.parents):
        try:
            return shutil.disk_usage(folder).free
        except OSError:
            continue
    return None


def translate_error(exc: Exception, path: Path | None = None) -> CaseFileError:
    """Turn a SQLite error into a known condition with one sentence for the DPO."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    where = f" ({path})" if path else ""
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return _disk_full(where)
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return ReadOnlyLocation(
            Message(
                "The case file is in a read-only place{where}; nothing can be saved there.",
                where=where,
            )
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o" in text:
        free = _free_space(path)
        if free is not None and free < NEARLY_FULL:
            return _disk_full(where)
        return DiskError(
            Message(
                "The disk reported an error{where} and the last change was not saved; run "
                "'dpo-desk check', and restore a backup only if it finds damage.",
                where=where,
            )
        )
    if name == "SQLITE_CANTOPEN" or "unable to open" in text:
        return CaseFileError(Message("The case file cannot be opened{where}.", where=where))
    if name == "SQLITE_NOTADB" or "not a database" in text:
        return WrongKey(
            Message("The file{where} is not a DPO Desk case file or the key is wrong.", where=where)
        )
    if name == "SQLITE_CORRUPT" or "malformed" in text:
        return CaseFileDamaged(
            Message("The case file is damaged{where}; restore the latest backup.", where=where)
        )
    return CaseFileError(
        Message("The case file reported an error{where}: {error}.", where=where, error=str(exc))
    )


def _disk_full(where: str) -> DiskFull:
    return DiskFull(
        Message(
            "The disk holding the case file is full{where}; the last change was not saved — "
            "free some space and try again.",
            where=where,
        )
    )
