"""``CaseFile``: open, create, lock, migrate, back up, restore and rekey the encrypted file.

The repositories (controllers, cases, attachments, …) hang off a ``CaseFile`` and share its
connection and its audit log; each change and its audit event commit in one transaction.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import hashlib
import json
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from dpo_desk.core.errors import (
    CaseFileError,
    CaseFileExists,
    CaseFileNotFound,
    KeyUnavailable,
    NewerSchema,
    WrongKey,
)
from dpo_desk.core.messages import Message

from . import audit as audit_rows  # issue 20: row hashes under the chain
from . import keys as keystore
from .audit import GENESIS, Anchor, ChainReport, event_hash, verify_rows
from .connection import DatabaseError, Key, connect, translate_error
from .lock import FileLock, location_warnings, real_path
from .migrations import LATEST, MIGRATIONS

Clock = Callable[[], datetime]

DEFAULT_ATTACHMENT_LIMIT = 50 * 1024 * 1024


def utc_now() -> datetime:
    return datetime.now(UTC)


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "dpo"


@dataclass(frozen=True)
class Created:
    casefile: CaseFile
    recovery_key: str | None  # shown once to the DPO when the key lives in the keyring


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    anchor: Anchor | None
    at: str
    key_mode: str


def _secret_bytes(key: Key) -> bytes:
    """The raw key, or the passphrase's bytes (a ``Key`` holds exactly one of them)."""
    if key.raw is not None:
        return key.raw
    if key.passphrase is None:
        raise ValueError("a Key is either raw or a passphrase")
    return key.passphrase.encode()


class CaseFile:
    """An open, locked, migrated case file."""

    def __init__(
        self,
        path: Path,
        db: sqlite_utils.Database,
        key: Key,
        lock: FileLock,
        file_id: str,
        *,
        key_source: str,
        clock: Clock = utc_now,
        warnings: tuple[str, ...] = (),
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only  # issue 21: a WAL reader beside the window; writes nothing
        self.db = db
        self._key = key
        self._lock = lock
        self.file_id = file_id
        self.key_source = key_source  # "keyring" | "passphrase" | "recovery key"
        self.clock = clock
        self.warnings = warnings
        self.actor = _actor()
        # issue 20; a read-only file writes nothing, and its TEMP triggers would be refused
        self._row_tracking = False if read_only else audit_rows.install_row_tracking(db)
        self._tx_rows: dict[str, str | None] = {}
        self._derived = {}
        self._overrides_cache = {}
        from .records import EmailRepo, IdentityRepo, LetterRepo, TemplateRepo, TrustRepo
        from .repositories import (
            AttachmentRepo,
            AuditRepo,
            CaseRepo,
            ControllerRepo,
            OverrideRepo,
        )

        self.controllers = ControllerRepo(self)
        self.cases = CaseRepo(self)
        self.attachments = AttachmentRepo(self)
        self.audit = AuditRepo(self)
        self.overrides = OverrideRepo(self)
        self.emails = EmailRepo(self)
        self.letters = LetterRepo(self)
        self.identity = IdentityRepo(self)
        self.trust = TrustRepo(self)
        self.templates = TemplateRepo(self)
        from .scan_texts import ScanTextRepo  # issue 18 (OCR of letter scans)

        self.scan_texts = ScanTextRepo(self)

    # --- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        key: Key | None = None,
        *,
        clock: Clock = utc_now,
        upto: int = LATEST,
    ) -> Created:
        """Create a new case file. ``key=None`` keeps a random key in the OS keyring."""
        path = Path(path).absolute()
        if path.exists() and path.stat().st_size > 0:
            raise CaseFileExists(
                Message("A file already exists at {path}; choose another name.", path=str(path))
            )
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        recovery = None
        key_source = "passphrase"
        if key is None:
            status = keystore.keyring_status()
            if not status.usable:
                raise KeyUnavailable(
                    Message(
                        "No usable keyring ({reason}); create the case file with a passphrase.",
                        reason=status.reason,
                    )
                )
            key = keystore.new_raw_key()
            recovery = keystore.recovery_key_text(key)
            key_source = "keyring"
        elif key.raw is not None:
            key_source = "recovery key"
        file_id = str(uuid.uuid4())
        lock = FileLock(path)
        lock.acquire()
        try:
            if key_source == "keyring":
                keystore.store_key(file_id, key)
            db = connect(path, key, create=True)
            try:
                _migrate(db, path, key, upto=upto, backup=False)
                with db.atomic():
                    now = clock().isoformat()
                    for k, v in (
                        ("file_id", file_id),
                        ("created_at", now),
                        ("attachment_limit", str(DEFAULT_ATTACHMENT_LIMIT)),
                    ):
                        db.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (k, v))
            except BaseException:
                db.close()
                raise
            keystore.write_file_id(path, file_id)
            os.chmod(path, 0o600)
            lock.pin()  # issue 20: the file exists now; other names of it are refused too
        except BaseException:
            lock.release()
            raise
        cf = cls(
            path,
            db,
            key,
            lock,
            file_id,
            key_source=key_source,
            clock=clock,
            warnings=tuple(location_warnings(path)),
        )
        cf.log("casefile.created", None, {"key_mode": key.mode, "schema": upto})
        return Created(cf, recovery)

    @classmethod
    def open(
        cls,
        path: Path,
        key: Key | None = None,
        *,
        clock: Clock = utc_now,
        read_only: bool = False,
    ) -> CaseFile:
        """Open and lock ``path``. ``key=None`` looks for the key in the keyring.

        ``read_only`` (issue 21): open beside the writer without taking the lock — ``mode=ro``,
        ``query_only``, no migration, no sidecar, keyring or anchor writes; a WAL reader that
        sees the last committed state. Any write through it fails."""
        # issue 20: one identity whatever path opens it: a symlink opens the real file, with
        # its lock and its ``.id`` sidecar (so the keyring finds the key through a link too)
        path = real_path(Path(path))
        if not path.is_file():
            raise CaseFileNotFound(Message("There is no case file at {path}.", path=str(path)))
        lock = FileLock(path)
        if read_only:  # never acquired: close() releases nothing
            return cls._open_locked(path, key, lock, clock, read_only=True)
        lock.acquire()
        try:
            return cls._open_locked(path, key, lock, clock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(
        cls,
        path: Path,
        key: Key | None,
        lock: FileLock,
        clock: Clock,
        *,
        read_only: bool = False,
    ) -> CaseFile:
        sidecar_id = keystore.read_file_id(path)
        candidates: list[tuple[Key, str]] = []
        if key is not None:
            candidates.append((key, "passphrase" if key.passphrase else "recovery key"))
        elif sidecar_id:
            stored = keystore.stored_keys(sidecar_id)
            candidates.extend((k, "keyring") for k in stored)
        if not candidates:
            raise KeyUnavailable(
                Message(
                    "{file} needs its passphrase or recovery key (none is in the keyring).",
                    file=path.name,
                )
            )
        db = None
        used: Key | None = None
        source = ""
        for candidate, candidate_source in candidates:
            try:
                db = connect(path, candidate, read_only=read_only)
            except WrongKey:
                continue
            used, source = candidate, candidate_source
            break
        if db is None or used is None:
            if key is None:
                raise WrongKey(
                    Message(
                        "The key in the keyring does not open {file}; "
                        "enter its passphrase or recovery key.",
                        file=path.name,
                    )
                )
            raise WrongKey(
                Message(
                    "The passphrase or recovery key does not open {file} "
                    "(or it is not a DPO Desk case file).",
                    file=path.name,
                )
            )
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise NewerSchema(
                    Message(
                        "{file} was written by a newer DPO Desk (schema {version}; this one "
                        "reads up to {latest}). Update DPO Desk to open it.",
                        file=path.name,
                        version=version,
                        latest=LATEST,
                    )
                )
            migrated = version < LATEST
            if migrated and read_only:
                raise CaseFileError(
                    Message(
                        "{file} has not been updated to this DPO Desk's schema yet (schema "
                        "{version}, expected {latest}); close the other DPO Desk and run the "
                        "command again so it can update the file first.",
                        file=path.name,
                        version=version,
                        latest=LATEST,
                    )
                )
            if migrated:
                _migrate(db, path, used, upto=LATEST, backup=version > 0)
            file_id = _meta(db, "file_id") or sidecar_id or str(uuid.uuid4())
            if read_only:
                pass  # issue 21: nothing written beside the file nor in the keyring
            elif sidecar_id != file_id:
                keystore.write_file_id(path, file_id)
            if source == "keyring" and used.raw is not None and not read_only:
                keystore.promote_pending_key(file_id, used)
        except BaseException:
            db.close()
            raise
        cf = cls(
            path,
            db,
            used,
            lock,
            file_id,
            key_source=source,
            clock=clock,
            warnings=tuple(location_warnings(path)),
            read_only=read_only,
        )
        if read_only:
            return cf  # issue 21: no clean-up, no re-derivation: the writer does those
        remove_stale_partials(path.parent, f"{path.name}.pre-v")  # killed pre-migration copies
        pending = _meta(db, REDERIVE_KEY)
        if pending is not None:
            # after a migration (now, or one a crash cut short before this step committed): the
            # derived columns (due dates, search index) are recomputed and the migration is
            # audited in one transaction that also clears the marker
            try:
                with cf.transaction():
                    for (case_id,) in db.execute("SELECT id FROM cases").fetchall():
                        cf.cases.refresh(case_id)
                    cf._append_audit(
                        "casefile.migrated", None, {"from": int(pending), "to": LATEST}
                    )
                    db.execute("DELETE FROM meta WHERE key = ?", (REDERIVE_KEY,))
            except BaseException:
                cf.close()
                raise
        return cf

    def close(self) -> None:
        if self.db is None:
            return
        try:
            if not self.read_only:  # issue 21: a reader leaves the WAL to its writer
                with contextlib.suppress(DatabaseError):
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
        finally:
            # A closed CaseFile has no database; typing ``db`` as Optional would put a None check
            # at every use of an open file, so only this one assignment steps outside the type.
            self.db = None  # type: ignore[assignment]
            self._lock.release()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def key_mode(self) -> str:
        return self._key.mode

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # --- transactions and the audit log ------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        outermost = not self.db.conn.in_transaction
        if outermost:
            self._tx_rows = {}  # issue 20
        unit = self._batch is not None and self._depth == 0  # one unit of a batch
        self._depth += 1
        try:
            with self.db.atomic():
                yield self.db
                if outermost or unit:
                    self._flush_derived()
                # issue 20: rows changed after the transaction's last event get one of their own
                if outermost and self._row_tracking:
                    late = audit_rows.unrecorded(self.db, self._tx_rows)
                    if late:
                        self._append_audit("audit.rows_recorded", None, {}, late)
        except DatabaseError as exc:
            self._after_rollback(outermost)
            raise translate_error(exc, self.path) from None
        except BaseException:
            self._after_rollback(outermost)
            raise
        finally:
            self._depth -= 1
        if outermost:
            self._after_commit()
        elif unit and self._batch is not None:
            self._batch[0] += 1
            if self._batch[0] >= self._batch[1]:
                self._commit_batch(begin_again=True)

    # --- batches (issue 19): many units, one commit ------------------------------------------
    _batch: list[int] | None = None  # [units since the last commit, units per commit]
    _depth = 0

    @contextlib.contextmanager
    def batch(self, every: int = 100) -> Iterator[None]:
        """Group the transactions in the block into one commit per ``every`` of them (an mbox
        import: one fsync per batch instead of one per message). Each transaction in the block
        stays whole: a failing one is rolled back alone and the block goes on or stops as its
        caller decides; what completed commits at the end of the block, also when the block
        ends with an exception. A disk error at a commit loses the units of that batch only
        (they are reported by the error). Inside an open transaction this does nothing."""
        if self.db.conn.in_transaction or self._batch is not None:
            yield
            return
        self._batch = [0, max(1, every)]
        try:
            self.db.conn.execute("BEGIN")
        except DatabaseError as exc:
            self._batch = None
            raise translate_error(exc, self.path) from None
        try:
            yield
        finally:
            self._batch = None
            self._commit_batch(begin_again=False)

    def _commit_batch(self, *, begin_again: bool) -> None:
        try:
            self._flush_derived()
            self.db.conn.execute("COMMIT")
        except DatabaseError as exc:
            self._batch = None
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            self._after_rollback(True)
            raise translate_error(exc, self.path) from None
        self._after_commit()
        if begin_again and self._batch is not None:
            self._batch[0] = 0
            self.db.conn.execute("BEGIN")

    # --- derived data, once per case and transaction (issue 19) ----------------------------
    #: case id -> (reindex the search entry, recompute the due date), done before the outermost
    #: commit: an import that adds a case, its email and a note recomputes the case once
    _derived: dict[int, list[bool]]
    _overrides_cache: dict[int | None, Any]

    def defer_derived(self, case_id: int, *, index: bool, due: bool) -> None:
        """Recompute a case's derived columns before the outermost transaction commits."""
        if not self.db.conn.in_transaction:
            with self.transaction():
                self.defer_derived(case_id, index=index, due=due)
            return
        flags = self._derived.setdefault(int(case_id), [False, False])
        flags[0] = flags[0] or index
        flags[1] = flags[1] or due

    def _flush_derived(self) -> None:
        while self._derived:
            pending, self._derived = self._derived, {}
            for case_id, (index, due) in pending.items():
                if index:
                    self.cases._reindex(case_id)
                if due:
                    self.cases._recompute_due(case_id)

    @functools.cached_property
    def tables(self) -> frozenset[str]:
        """The file's tables (read once: the schema is at ``LATEST`` once the file is open)."""
        return frozenset(
            r[0]
            for r in self.db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )

    def calendar_overrides_for(self, controller_id: int | None) -> Any:
        """The file's (and the controller's) calendar corrections, cached until an audited
        ``calendar.*`` change or a rollback (every override change logs such an event)."""
        cached = self._overrides_cache.get(controller_id)
        if cached is None:
            from .deadlines import calendar_overrides

            cached = self._overrides_cache[controller_id] = calendar_overrides(self, controller_id)
        return cached

    def _after_rollback(self, outermost: bool) -> None:
        self._overrides_cache = {}  # a rolled-back savepoint may have changed an override
        self._head_in_transaction = None
        if outermost:
            self._pending_anchor = None
            self._derived = {}
        elif self._pending_anchor is not None and self.db.conn.in_transaction:
            # a savepoint took its events with it: anchor what the transaction still holds
            self._pending_anchor = self.head()

    def rows(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts straight from the connection (no sqlite-utils savepoint per query)."""
        cursor = self.db.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def log(self, action: str, case_id: int | None, data: dict[str, Any]) -> None:
        """Append an audit event (in the caller's transaction, or in its own)."""
        if self.db.conn.in_transaction:
            self._append_audit(action, case_id, data)
            return
        with self.transaction():
            self._append_audit(action, case_id, data)

    def _append_audit(
        self,
        action: str,
        case_id: int | None,
        data: dict[str, Any],
        rows: dict[str, str | None] | None = None,
    ) -> None:
        row = self._head_in_transaction  # issue 19: the head this transaction just wrote
        if row is None:
            row = self.db.execute(
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        prev_seq, prev_hash = (row[0], row[1]) if row else (0, GENESIS)
        seq = prev_seq + 1
        at = self.clock().isoformat()
        if rows is None and self._row_tracking:  # issue 20: the rows this event wrote
            rows = audit_rows.take_dirty(self.db)
            if rows:
                self._tx_rows.update(rows)
        digest = event_hash(prev_hash, seq, at, self.actor, action, case_id, data, rows)
        self.db.execute(
            "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash"
            + (", row_hashes" if self._row_tracking else "")
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?"
            + (", ?" if self._row_tracking else "")
            + ")",
            (
                seq,
                at,
                self.actor,
                action,
                case_id,
                json.dumps(data, ensure_ascii=False),
                prev_hash,
                digest,
                *((json.dumps(rows) if rows is not None else None,) if self._row_tracking else ()),
            ),
        )
        self._pending_anchor = Anchor(seq, digest)
        self._head_in_transaction = (seq, digest) if self.db.conn.in_transaction else None
        if action.startswith("calendar."):
            self._overrides_cache = {}

    _pending_anchor: Anchor | None = None
    #: (seq, hash) of the event last appended in the open transaction; forgotten at its end
    #: and at any rollback (a savepoint rolled back may have taken the event with it)
    _head_in_transaction: tuple[int, str] | None = None

    def _after_commit(self) -> None:
        self._head_in_transaction = None
        anchor, self._pending_anchor = self._pending_anchor, None
        if anchor is not None:
            keystore.set_anchor(self.file_id, anchor.text())
            if self.key_source != "keyring":  # issue 20: passphrase mode keeps an anchor file
                audit_rows.write_anchor_file(self.file_id, anchor)

    def head(self) -> Anchor | None:
        row = self.db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return Anchor(row[0], row[1]) if row else None

    def stored_anchor(self) -> Anchor | None:
        text = keystore.get_anchor(self.file_id)
        if not text:  # issue 20: passphrase mode's anchor file in the settings folder
            return audit_rows.read_anchor_file(self.file_id)
        return Anchor.parse(text)

    def verify_audit(self, anchor: Anchor | None = None) -> ChainReport:
        if anchor is None:
            anchor = self.stored_anchor()
        rows = self.db.query(
            "SELECT seq, at, actor, action, case_id, data, prev_hash, hash"
            + (", row_hashes" if audit_rows.has_row_hashes(self.db) else "")  # issue 20
            + " FROM audit ORDER BY rowid"
        )
        return verify_rows(rows, anchor)

    def checkpoint(self) -> None:
        """Move committed pages from the WAL into the file and empty the WAL (outside a
        transaction only; inside one it waits for the outermost commit's caller)."""
        if self.db.conn.in_transaction:
            return
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except DatabaseError as exc:
            raise translate_error(exc, self.path) from None

    def vacuum(self) -> None:
        """Rebuild the file without free pages (after destroying copies), then checkpoint."""
        try:
            self.db.execute("VACUUM")
        except DatabaseError as exc:
            raise translate_error(exc, self.path) from None
        self.checkpoint()
        self.log("casefile.vacuumed", None, {})

    def matches_key(self, key: Key) -> bool:
        """Whether ``key`` is the key in use (constant-time; no I/O) — for unlocking the window."""
        import hmac

        if key.mode != self._key.mode:
            return False
        return hmac.compare_digest(_secret_bytes(self._key), _secret_bytes(key))

    @property
    def cipher_version(self) -> str:
        return str(self.db.execute("PRAGMA cipher_version").fetchone()[0])

    # --- settings kept in the file ---------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        value = _meta(self.db, key)
        return default if value is None else value

    def set_meta(self, key: str, value: str, *, audit: bool = True) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            if audit:
                self._append_audit("setting.changed", None, {"key": key, "value": value})

    @property
    def attachment_limit(self) -> int:
        return int(self.meta("attachment_limit", str(DEFAULT_ATTACHMENT_LIMIT)) or 0)

    # --- integrity ---------------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """``integrity_check`` and ``cipher_integrity_check``; an empty list means all is well."""
        problems: list[str] = []
        rows = self.db.execute("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            problems.extend(str(r[0]) for r in rows)
        rows = self.db.execute("PRAGMA cipher_integrity_check").fetchall()
        problems.extend(str(r[0]) for r in rows)
        return problems

    # --- backup, restore, rekey --------------------------------------------------------------
    def backup(self, dest: Path, key: Key | None = None) -> BackupInfo:
        """Write an encrypted copy to ``dest`` (same key by default), atomically."""
        dest = Path(dest).absolute()
        if dest == self.path:
            raise CaseFileError(Message("A backup cannot overwrite the case file itself."))
        if dest.is_dir():
            stamp = self.clock().strftime("%Y%m%d-%H%M%S")
            dest = dest / f"{self.path.stem}-{stamp}.dpodesk"
        problems = self.integrity_check()
        if problems:
            raise CaseFileError(
                "The case file failed its integrity check; no backup was written: "
                + "; ".join(problems[:3])
            )
        use_key = key or self._key
        anchor = self.head()
        at = self.clock().isoformat()
        _atomic_copy(self.db, dest, use_key)
        self.set_meta("last_backup", json.dumps({"at": at, "path": str(dest)}), audit=False)
        self.log(
            "casefile.backup",
            None,
            {
                "to": dest.name,
                "key_mode": use_key.mode,
                "anchor": anchor.text() if anchor else None,
            },
        )
        return BackupInfo(dest, dest.stat().st_size, anchor, at, use_key.mode)

    def rekey(self, new_key: Key | None = None) -> str | None:
        """Change the key. ``None``: a new random key kept in the keyring (returns its recovery key).

        The new raw key is stored as *pending* before the rekey and promoted after it, so a crash
        at any point leaves a key that opens the file.
        """
        recovery = None
        if new_key is None:
            status = keystore.keyring_status()
            if not status.usable:
                raise KeyUnavailable(
                    Message(
                        "No usable keyring ({reason}); rekey with a passphrase instead.",
                        reason=status.reason,
                    )
                )
            new_key = keystore.new_raw_key()
            recovery = keystore.recovery_key_text(new_key)
            keystore.store_pending_key(self.file_id, new_key)
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            # sqlite-utils types .conn as sqlite3's Connection; this one is sqlcipher3's (untyped).
            self.db.conn.reset_key(new_key.rekey_sql_value())  # type: ignore[attr-defined]
        except DatabaseError as exc:
            raise translate_error(exc, self.path) from None
        if recovery is not None:
            keystore.promote_pending_key(self.file_id, new_key)
            self.key_source = "keyring"
        else:
            keystore.forget_keys(self.file_id)
            self.key_source = "passphrase" if new_key.passphrase else "recovery key"
        self._key = new_key
        self.log("casefile.rekeyed", None, {"key_mode": new_key.mode})
        return recovery


def restore(src: Path, src_key: Key, target: Path, target_key: Key | None = None) -> Path:
    """Restore the backup ``src`` to ``target`` (replacing it atomically when it exists).

    The target is locked while it is replaced, so an open case file is never overwritten.
    ``target_key=None`` keeps the backup's key.
    """
    src = Path(src).absolute()
    target = Path(target).absolute()
    if not src.is_file():
        raise CaseFileNotFound(Message("There is no backup at {path}.", path=str(src)))
    db = connect_readonly(src, src_key)
    try:
        problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise CaseFileError(
                Message(
                    "The backup {file} is damaged: {problem}.", file=src.name, problem=problems[0]
                )
            )
        file_id = _meta(db, "file_id")
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        head = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        lock = FileLock(target)
        lock.acquire()
        try:
            _atomic_copy(db, target, target_key or src_key)
            lock.pin()  # issue 20: a new file (inode) under the same name
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    target.with_name(target.name + suffix).unlink()
            if file_id:
                keystore.write_file_id(target, file_id)
                # a deliberate restore moves the outside anchor back to the backup's head;
                # the restore itself is the next event in the chain
                if head:
                    keystore.set_anchor(file_id, Anchor(head[0], head[1]).text())
            cf = CaseFile._open_locked(target, target_key or src_key, lock, utc_now)
        except BaseException:
            lock.release()
            raise
    finally:
        db.close()
    try:
        cf.log(
            "casefile.restored",
            None,
            {"from": src.name, "anchor": f"{head[0]}:{head[1]}" if head else None},
        )
    finally:
        cf.close()
    return target


def connect_readonly(path: Path, key: Key) -> sqlite_utils.Database:
    """Open a backup without changing a byte of it."""
    import sqlcipher3.dbapi2

    uri = f"file:{path.as_posix()}?mode=ro"
    conn = sqlcipher3.dbapi2.connect(uri, uri=True, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    key.apply(conn)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError:
        conn.close()
        raise WrongKey(
            Message("The key does not open {file}, or it is not a case file.", file=path.name)
        ) from None
    conn.execute("PRAGMA temp_store = MEMORY")
    return sqlite_utils.Database(conn, execute_plugins=False)


def remove_stale_partials(folder: Path, prefix: str) -> int:
    """Remove the half-written copies a killed backup left in ``folder`` (``.<prefix>…partial``
    and their journals): they are encrypted, but like any old backup they still hold scans
    destroyed since. Returns how many files went. Called only while this process holds the
    case file's lock, so no backup of this file is being written at the same time."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if name.startswith(f".{prefix}") and name.endswith((".partial", ".partial-journal")):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    return removed


def _atomic_copy(db: sqlite_utils.Database, dest: Path, key: Key) -> None:
    import sqlcipher3.dbapi2

    remove_stale_partials(dest.parent, f"{dest.name}.")  # a killed backup to the same name
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.partial")
    try:
        out = sqlcipher3.dbapi2.connect(str(tmp), isolation_level=None)
        try:
            out.execute("PRAGMA cipher_log_level = NONE")
            key.apply(out)
            out.execute("PRAGMA temp_store = MEMORY")
            db.conn.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        os.chmod(tmp, 0o600)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except DatabaseError as exc:
        raise translate_error(exc, dest) from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _meta(db: sqlite_utils.Database, key: str) -> str | None:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except DatabaseError:
        return None
    return row[0] if row else None


#: Set in the transaction of each migration step of an existing file (with the version it came
#: from), cleared in the transaction that recomputes derived data and audits the migration:
#: a crash between the two leaves the marker, and the next open finishes the work.
REDERIVE_KEY = "rederive_after_migration_from"


def _migrate(db: sqlite_utils.Database, path: Path, key: Key, *, upto: int, backup: bool) -> None:
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    if current >= upto:
        return
    if backup:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        _atomic_copy(db, path.with_name(f"{path.name}.pre-v{upto}-{stamp}.bak"), key)
    # Every pending step in one transaction: a crash leaves the file at the old version or the
    # newest, never between two steps (each step bumps user_version inside it).
    try:
        with db.atomic():
            for version in range(current + 1, upto + 1):
                MIGRATIONS[version - 1](db)
                db.execute(f"PRAGMA user_version = {version}")
            if current > 0:  # an existing file: derived data is recomputed on opening
                db.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                    (REDERIVE_KEY, str(current)),
                )
    except DatabaseError as exc:
        raise translate_error(exc, path) from None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
