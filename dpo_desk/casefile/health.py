"""The health check behind ``dpo-desk check`` (and the window's "Check the case file" item).

One pass over an open case file, in plain words:

- ``integrity_check`` and ``cipher_integrity_check`` (every page read and its HMAC checked);
- the security settings of the open connection (SQLCipher 4, ``cipher_memory_security``,
  ``secure_delete``, ``temp_store=MEMORY``, WAL, ``synchronous=FULL``, NORMAL locking: issue 21, the OS lock file keeps the one writer and WAL
  readers may read beside it);
- the audit chain, verified against the anchor kept outside the file (the keyring's, or one
  given from a backup or an exported summary);
- the data under the chain: every audited row's hash against its last audited state (issue 20);
- how the file is unlocked (keyring, passphrase or recovery key) and which keyring is in use;
- who holds the lock (this process; or, for a read-only check beside the window, the other one);
- the last backup (when, where, whether it is still there; a warning when there is none or it is
  older than a week);
- where the file lives (network file systems and sync folders) and its permissions;
- its size and what it holds.

Each finding is ``ok``, ``warning`` or ``problem``. A problem means the file cannot be trusted as
it is (damage, a broken or cut audit chain, weakened settings); a warning means something to do
(take a backup, move the file). ``HealthReport.to_dict()`` has stable keys for ``--json``.
"""

from __future__ import annotations

import json
import os
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import keys as keystore
from .audit import Anchor, ChainReport, read_anchor_file, verify_data
from .lock import FileLock, _filesystem_type, location_warnings

if TYPE_CHECKING:
    from .store import CaseFile

SCHEMA = 1
BACKUP_MAX_AGE = timedelta(days=7)

OK = "ok"
WARNING = "warning"
PROBLEM = "problem"

#: The connection settings the open sequence must have left in force (docs/reliability.md).
REQUIRED_SETTINGS: dict[str, tuple[str, ...]] = {
    "cipher_memory_security": ("0", "off"),  # issue 19: left at SQLCipher's default (ADR 0001)
    "secure_delete": ("1",),
    "temp_store": ("2", "memory"),
    "journal_mode": ("wal",),
    "synchronous": ("2", "3", "full", "extra"),
    "foreign_keys": ("1",),
    # issue 21: NORMAL, so WAL readers can read beside the window; the OS lock file (lock.py)
    # keeps the one writer. EXCLUSIVE would shut every reader out.
    "locking_mode": ("normal",),
}

_COUNTED_TABLES = (
    "controllers",
    "cases",
    "notes",
    "attachments",
    "emails",
    "letters",
    "identity_checks",
    "audit",
)


@dataclass(frozen=True)
class Finding:
    code: str  # stable, e.g. "integrity", "audit", "backup"
    severity: str  # ok | warning | problem
    message: str  # one or two plain sentences for the DPO

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class HealthReport:
    path: str
    checked_at: str
    findings: tuple[Finding, ...]
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == PROBLEM)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    @property
    def ok(self) -> bool:
        return not self.problems

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when all is well, 1 when a problem was found (or, with ``strict``, a warning)."""
        if self.problems or (strict and self.warnings):
            return 1
        return 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "ok": self.ok,
            "path": self.path,
            "checked_at": self.checked_at,
            "problems": len(self.problems),
            "warnings": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
            **self.facts,
        }

    def text(self) -> str:
        """The report in plain words, one finding per line."""
        marks = {OK: "ok     ", WARNING: "WARNING", PROBLEM: "PROBLEM"}
        lines = [f"Case file {self.path}"]
        lines.extend(f"  {marks[f.severity]}  {f.message}" for f in self.findings)
        if self.problems:
            lines.append(
                f"{_n(len(self.problems), 'problem')} found: do not keep working in this file; "
                "restore the latest good backup (dpo-desk restore) and check again."
            )
        elif self.warnings:
            lines.append(f"No problem found; {_n(len(self.warnings), 'warning')} to look at.")
        else:
            lines.append("All is well.")
        return "\n".join(lines)


def run_checks(
    cf: CaseFile,
    *,
    anchor: Anchor | None = None,
    now: Callable[[], datetime] | None = None,
) -> HealthReport:
    """Check ``cf``; ``anchor`` (from a backup or a summary) replaces the keyring's anchor."""
    moment = (now or (lambda: datetime.now(UTC)))()
    findings: list[Finding] = []
    facts: dict[str, Any] = {}
    for check in (
        _integrity,
        _settings,
        _audit,
        _data,
        _key,
        _lock,
        _backup,
        _location,
        _contents,
        _destroyed_copies_in_backups,  # issue 15
    ):
        found, data = check(cf, anchor, moment)
        findings.extend(found)
        facts.update(data)
    return HealthReport(str(cf.path), moment.isoformat(timespec="seconds"), tuple(findings), facts)


Check = tuple[list[Finding], dict[str, Any]]


def _integrity(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    problems = cf.integrity_check()
    if problems:
        shown = "; ".join(problems[:3])
        finding = Finding(
            "integrity",
            PROBLEM,
            f"The integrity check found damage ({_n(len(problems), 'problem')}: {shown}).",
        )
    else:
        finding = Finding(
            "integrity",
            OK,
            "Every page of the file was read and its encryption tag checked: no damage.",
        )
    return [finding], {"integrity": {"ok": not problems, "problems": problems}}


def _pragma(cf: CaseFile, name: str) -> str:
    row = cf.db.execute(f"PRAGMA {name}").fetchone()
    return str(row[0]).lower() if row else ""


def _settings(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    values = {name: _pragma(cf, name) for name in REQUIRED_SETTINGS}
    version = _pragma(cf, "cipher_version")
    wrong = sorted(name for name, good in REQUIRED_SETTINGS.items() if values[name] not in good)
    try:
        major = int(version.split(".")[0])
    except ValueError:
        major = 0
    if major < 4:
        wrong.append("cipher_version")
    if wrong:
        finding = Finding(
            "settings",
            PROBLEM,
            "The file is open without the protections DPO Desk requires "
            f"({', '.join(wrong)}); update or reinstall DPO Desk.",
        )
    else:
        finding = Finding(
            "settings",
            OK,
            f"Encrypted with SQLCipher {version.split()[0]}; memory wiping, secure delete and "
            "crash-safe writes are on.",
        )
    return [finding], {"settings": {"cipher_version": version, **values, "ok": not wrong}}


def _audit(cf: CaseFile, given: Anchor | None, _now: datetime) -> Check:
    stored = cf.stored_anchor()
    anchor = given or stored
    source = "given" if given else (_stored_source(cf) if stored else None)
    report: ChainReport = cf.verify_audit(anchor)
    data = report.to_dict()
    data["anchor"] = anchor.text() if anchor else None
    data["anchor_source"] = source
    findings = []
    if not report.ok:
        findings.append(
            Finding(
                "audit",
                PROBLEM,
                f"The audit trail was altered: {report.problem} (at event {report.first_broken}).",
            )
        )
    elif anchor is None:
        findings.append(
            Finding(
                "audit",
                WARNING,
                f"The audit trail's {_n(report.events, 'event')} link up, but no anchor is kept "
                "outside the file, so a cut-off tail could not be ruled out; check against the "
                "anchor of a backup or a summary (--anchor SEQ:HASH).",
            )
        )
    else:
        where = {
            "keyring": "the keyring",
            "anchor file": "the anchor file in the settings folder",
        }.get(source or "", "the anchor given")
        local = (
            " That anchor is on this computer: whoever holds the key here could rewrite both; "
            "only an anchor kept elsewhere (dpo-desk audit anchor) rules that out."
            if source in ("keyring", "anchor file")
            else ""
        )
        findings.append(
            Finding(
                "audit",
                OK,
                f"The audit trail is intact: {_n(report.events, 'event')}, checked against {where} "
                f"(event {anchor.seq}).{local}",
            )
        )
    return findings, {"audit": data}


def _stored_source(cf: CaseFile) -> str | None:
    if keystore.get_anchor(cf.file_id):
        return "keyring"
    return "anchor file" if read_anchor_file(cf.file_id) else None


def _data(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    """Every audited row against its last audited state (``audit verify --deep``)."""
    report = verify_data(cf.db)
    if not report.covered:
        finding = Finding(
            "data", WARNING, "This case file's audit trail does not record row hashes yet."
        )
    elif report.ok:
        finding = Finding(
            "data",
            OK,
            f"The data under the audit trail is as recorded: {_n(report.rows_checked, 'row')} "
            "checked against their last audit event.",
        )
    else:
        shown = "; ".join(f.describe() for f in report.findings[:5])
        more = len(report.findings) - 5
        finding = Finding(
            "data",
            PROBLEM,
            f"{_n(len(report.findings), 'row')} differ from the audit trail: {shown}"
            + (f"; and {more} more (dpo-desk audit verify --deep --json)" if more > 0 else "")
            + ".",
        )
    return [finding], {"data": report.to_dict()}


def _key(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    status = keystore.keyring_status()
    in_keyring = bool(keystore.stored_keys(cf.file_id)) if status.usable else False
    source = cf.key_source
    data = {
        "source": source,
        "mode": cf.key_mode,
        "keyring_backend": status.backend,
        "keyring_usable": status.usable,
        "keyring_reason": status.reason,
        "keyring_has_key": in_keyring,
    }
    if source == "keyring":
        finding = Finding(
            "key",
            OK,
            f"Unlocked with the key kept in the OS keyring ({status.backend}); the recovery "
            "key written down at creation opens it too.",
        )
    elif source == "passphrase":
        finding = Finding(
            "key",
            OK,
            "Unlocked with its passphrase (no key is kept in the keyring): without the "
            "passphrase nobody can open it, you included.",
        )
    elif cf.key_mode == "raw" and not in_keyring:
        finding = Finding(
            "key",
            WARNING,
            "Unlocked with the recovery key because the keyring does not hold this file's key; "
            "run 'dpo-desk rekey --to keyring' to put a new key there (and write down the new "
            "recovery key).",
        )
    else:
        finding = Finding("key", OK, "Unlocked with the recovery key.")
    return [finding], {"key": data}


def _lock(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    holder = FileLock(cf.path).holder()
    ours = holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname()
    data = {
        "held_by_us": ours,
        "holder": (
            {"host": holder.host, "pid": holder.pid, "since": holder.since} if holder else None
        ),
    }
    data["read_only"] = bool(getattr(cf, "read_only", False))
    if data["read_only"]:
        # issue 21: checked beside the writer, through a read-only (query_only) connection
        finding = Finding(
            "lock",
            OK,
            (
                f"Another DPO Desk holds the file's lock ({holder.describe()}); "
                if holder is not None
                else "No DPO Desk holds the file's lock; "
            )
            + "this check read the last committed state without writing anything.",
        )
    elif ours and holder is not None:
        finding = Finding(
            "lock",
            OK,
            f"This DPO Desk holds the file's lock ({holder.describe()}); no other copy can write.",
        )
    elif holder is None:
        finding = Finding(
            "lock",
            PROBLEM,
            "The lock file names no holder although the file is open here; close every DPO "
            "Desk and open the file again.",
        )
    else:
        finding = Finding(
            "lock",
            PROBLEM,
            f"The lock is recorded for another process ({holder.describe()}); two copies may be "
            "writing. Close the other one.",
        )
    return [finding], {"lock": data}


def _backup(cf: CaseFile, _anchor: Anchor | None, now: datetime) -> Check:
    raw = cf.meta("last_backup")
    info: dict[str, Any] = {}
    if raw:
        try:
            info = json.loads(raw)
        except ValueError:
            info = {}
    at_text = info.get("at") if isinstance(info, dict) else None
    where = info.get("path") if isinstance(info, dict) else None
    at: datetime | None = None
    if isinstance(at_text, str):
        try:
            at = datetime.fromisoformat(at_text)
        except ValueError:
            at = None
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
    age = (now - at) if at else None
    exists = Path(where).is_file() if isinstance(where, str) else None
    data = {
        "last_at": at.isoformat(timespec="seconds") if at else None,
        "path": where,
        "age_days": round(age.total_seconds() / 86400, 2) if age is not None else None,
        "exists": exists,
        "max_age_days": BACKUP_MAX_AGE.days,
    }
    if at is None:
        finding = Finding(
            "backup",
            WARNING,
            "No backup was ever taken of this file; take one now (dpo-desk backup FOLDER) and "
            "keep it on another disk.",
        )
    elif age is not None and age > BACKUP_MAX_AGE:
        finding = Finding(
            "backup",
            WARNING,
            f"The last backup is {age.days} days old ({at:%Y-%m-%d}, {where}); take a new one.",
        )
    elif exists is False:
        finding = Finding(
            "backup",
            WARNING,
            f"The last backup ({at:%Y-%m-%d %H:%M}) is no longer at {where}; take a new one.",
        )
    else:
        finding = Finding("backup", OK, f"Last backup {at:%Y-%m-%d %H:%M} UTC, at {where}.")
    return [finding], {"backup": data}


def _location(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    warnings = location_warnings(cf.path)
    findings = [Finding("location", WARNING, w) for w in warnings]
    mode = stat.S_IMODE(cf.path.stat().st_mode)
    folder_mode = stat.S_IMODE(cf.path.parent.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        findings.append(
            Finding(
                "permissions",
                WARNING,
                f"Other users of this computer may read the file (mode {mode:04o}); it should "
                f"be 0600 (chmod 600 '{cf.path}').",
            )
        )
    if not findings:
        findings.append(
            Finding("location", OK, "The file is on a local disk, outside any sync folder.")
        )
    data = {
        "location": {
            "warnings": warnings,
            "filesystem": _filesystem_type(cf.path.resolve()),
            "mode": f"{mode:04o}",
            "folder_mode": f"{folder_mode:04o}",
        }
    }
    return findings, data


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _contents(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    tables = set(cf.db.table_names())
    counts = {
        name: int(cf.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
        for name in _COUNTED_TABLES
        if name in tables
    }
    if "attachments" in tables:
        counts["attachments_destroyed"] = int(
            cf.db.execute(
                "SELECT count(*) FROM attachments WHERE destroyed_at IS NOT NULL"
            ).fetchone()[0]
        )
    size = _size(cf.path)
    wal = _size(cf.path.with_name(cf.path.name + "-wal"))
    data = {
        "file": {
            "size": size,
            "wal_size": wal,
            "schema": cf.schema_version,
            "file_id": cf.file_id,
        },
        "counts": counts,
    }
    finding = Finding(
        "contents",
        OK,
        f"{_human(size + wal)}: {_n(counts.get('cases', 0), 'case')}, "
        f"{_n(counts.get('controllers', 0), 'controller')}, "
        f"{_n(counts.get('attachments', 0), 'attachment')}, "
        f"{_n(counts.get('audit', 0), 'audit event')} (schema {cf.schema_version}).",
    )
    return [finding], data


def _destroyed_copies_in_backups(cf: CaseFile, _anchor: Anchor | None, _now: datetime) -> Check:
    """Backups taken before the last destruction of an ID copy still hold that copy."""
    from .idcopies import automatic_backups

    row = cf.db.execute(
        "SELECT max(destroyed_at) FROM attachments WHERE role = 'id_document' "
        "AND destroyed_at IS NOT NULL"
    ).fetchone()
    if not row or not row[0]:
        return [], {"backups_with_destroyed_copies": []}
    last = datetime.fromisoformat(row[0])
    if last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    findings: list[Finding] = []
    stale: list[str] = []
    for path in automatic_backups(cf.path):
        made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        if made < last:
            stale.append(str(path))
            findings.append(
                Finding(
                    "id_copies_in_backups",
                    PROBLEM,
                    f"The automatic backup {path.name} was made before ID copies were destroyed "
                    f"({last:%Y-%m-%d}) and still holds them: delete it.",
                )
            )
    try:
        info = json.loads(cf.meta("last_backup") or "{}")
    except ValueError:
        info = {}
    at_text, where = info.get("at"), info.get("path")
    if isinstance(at_text, str) and isinstance(where, str) and Path(where).is_file():
        at = datetime.fromisoformat(at_text)
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        if at < last:
            stale.append(where)
            findings.append(
                Finding(
                    "id_copies_in_backups",
                    WARNING,
                    f"Your last backup ({where}, {at:%Y-%m-%d}) was taken before ID copies were "
                    f"destroyed on {last:%Y-%m-%d} and still holds them: take a new backup and "
                    "delete the old one.",
                )
            )
    return findings, {"backups_with_destroyed_copies": stale}


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"
