"""The audit chain: every change is an event whose hash covers the previous hash.

``hash = sha256(prev_hash + canonical JSON of {seq, at, actor, action, case_id, data})``.
The first event's ``prev_hash`` is 64 zeros. Rows are written in the same transaction as the
change they record; triggers forbid UPDATE and DELETE. Because someone with the key could
still rebuild a consistent chain or cut its tail, the head (seq and hash) is also kept outside
the file — in the keyring, in every backup's record and in exported summaries — and
``verify_chain`` checks the chain against such an anchor.

**Data under the chain** (issue 20). The chain alone shows that the *log* was not edited; it
says nothing about the rows it describes. So each event also records ``row_hashes``: for every
row of an audited table written in its transaction, ``"table:rowid"`` and the sha256 of the row's
content after the change (``None`` when the row was deleted). Which rows were written is
collected by TEMP triggers (on this connection only, never in the file) into an in-memory table
of ``(table, rowid)`` pairs; one hash per written row is computed when the event is appended.
``verify_data`` recomputes the hash of every current row and compares it with its last audited
state, so a received date changed or an ID blob nulled directly in the decrypted file is found.
The hash covers every column; a BLOB counts as its length and sha256.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    case_id: int | None,
    data: Mapping[str, Any],
    rows: Mapping[str, str | None] | None = None,
) -> str:
    fields: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "case_id": case_id,
        "data": data,
    }
    if rows is not None:  # events written before issue 20 have none and hash as before
        fields["rows"] = rows
    body = canonical_json(fields)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"

    def short(self) -> str:
        """What a DPO writes down: the sequence number and the first 20 hex digits (80 bits)."""
        return f"{self.seq}:{self.hash[:SHORT_DIGITS]}"

    def matches(self, digest: str) -> bool:
        return digest.startswith(self.hash)

    @classmethod
    def parse(cls, text: str) -> Anchor | None:
        """``SEQ:HASH`` (the whole hash, or at least its first 16 hex digits)."""
        try:
            seq, digest = text.strip().split(":", 1)
            digest = digest.strip().lower()
            if not (MIN_DIGITS <= len(digest) <= 64) or not _HEX.fullmatch(digest):
                return None
            return cls(int(seq), digest)
        except (ValueError, AttributeError):
            return None

    @classmethod
    def find(cls, text: str) -> Anchor | None:
        """The anchor inside a longer line (``dpo-desk audit anchor``'s output, a summary's
        footer, an anchor file): the last ``SEQ:HASH`` in it."""
        found = _ANCHOR_IN_TEXT.findall(text or "")
        return cls.parse(f"{found[-1][0]}:{found[-1][1]}") if found else None


SHORT_DIGITS = 20
MIN_DIGITS = 16
_HEX = re.compile(r"[0-9a-f]+")
_ANCHOR_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d+):([0-9a-fA-F]{16,64})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    head: Anchor | None
    first_broken: int | None = None  # seq of the first bad link (or position where one is missing)
    problem: str = ""
    anchor_checked: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "head_seq": self.head.seq if self.head else 0,
            "head_hash": self.head.hash if self.head else GENESIS,
            "first_broken": self.first_broken,
            "problem": self.problem,
            "anchor_checked": self.anchor_checked,
        }


def verify_rows(rows: Iterable[Mapping[str, Any]], anchor: Anchor | None = None) -> ChainReport:
    """Walk the chain in storage order; report the first broken link.

    Detects an edited row (its hash no longer matches), a deleted or inserted row (the next
    link's ``prev_hash`` or the sequence breaks), reordering, and — against an anchor — a cut
    tail or a rebuilt chain.
    """
    prev = GENESIS
    expected_seq = 1
    count = 0
    hashes_at_anchor: str | None = None
    for row in rows:
        count += 1
        seq = int(row["seq"])
        if seq != expected_seq:
            return ChainReport(
                False,
                count,
                None,
                expected_seq,
                f"event {expected_seq} is missing or out of order (found {seq})",
            )
        if row["prev_hash"] != prev:
            return ChainReport(
                False, count, None, seq, f"event {seq} does not link to the event before it"
            )
        try:
            data = json.loads(row["data"]) if isinstance(row["data"], str) else row["data"]
        except ValueError:
            return ChainReport(False, count, None, seq, f"event {seq} has unreadable data")
        try:
            raw_rows = row.get("row_hashes")
            row_hashes = json.loads(raw_rows) if isinstance(raw_rows, str) else None
        except ValueError:
            return ChainReport(False, count, None, seq, f"event {seq} has unreadable row hashes")
        digest = event_hash(
            prev, seq, row["at"], row["actor"], row["action"], row["case_id"], data, row_hashes
        )
        if digest != row["hash"]:
            return ChainReport(
                False, count, None, seq, f"event {seq} was changed after it was written"
            )
        if anchor is not None and seq == anchor.seq:
            hashes_at_anchor = digest
        prev = digest
        expected_seq += 1
    head = Anchor(expected_seq - 1, prev) if count else None
    if anchor is not None and anchor.seq > 0:
        if count < anchor.seq:
            return ChainReport(
                False,
                count,
                head,
                count + 1,
                f"the log ends at event {count} but was known to reach event {anchor.seq}: "
                "events were cut off",
                anchor_checked=True,
            )
        if hashes_at_anchor is None or not anchor.matches(hashes_at_anchor):
            return ChainReport(
                False,
                count,
                head,
                anchor.seq,
                f"event {anchor.seq} differs from the copy kept outside the file: "
                "the log was rebuilt",
                anchor_checked=True,
            )
    return ChainReport(True, count, head, anchor_checked=anchor is not None and anchor.seq > 0)


# --- data under the chain (issue 20) ---------------------------------------------------------

#: Every audited table and the column that names its case (``None``: not a case's row).
#: A table added later joins by being listed here (its rows are then back-filled by nothing:
#: add a migration step that records them, as ``migrations._v_row_hashes`` does).
AUDITED_TABLES: dict[str, str | None] = {
    "controllers": None,
    "cases": "id",
    "notes": "case_id",
    "attachments": "case_id",
    "clock_events": "case_id",
    "emails": "case_id",
    "letters": "case_id",
    "identity_checks": "case_id",
    "trust_store": None,
    "template_overrides": None,
    "calendar_overrides": None,
}

#: Derived columns, recomputed from audited data (received date, events, calendars) by
#: ``CaseRepo.refresh``; left out of the row hash so a recomputation is not a change.
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "cases": frozenset({"due_on", "due_jurisdiction"}),
}

DIRTY_TABLE = "temp.audit_dirty"
ROW_HASHES_COLUMN = "row_hashes"


def _cell(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        blob = bytes(value)
        return {"blob_len": len(blob), "blob_sha256": hashlib.sha256(blob).hexdigest()}
    return value


def row_digest(columns: Iterable[str], values: Iterable[Any], table: str = "") -> str:
    """sha256 of a row: canonical JSON of ``{column: value}``, a BLOB as its length and sha256
    (the table's derived columns left out)."""
    skip = DERIVED_COLUMNS.get(table, frozenset())
    body = canonical_json(
        {c: _cell(v) for c, v in zip(columns, values, strict=True) if c not in skip}
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _existing(db: Any) -> list[str]:
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in AUDITED_TABLES if t in names]


def has_row_hashes(db: Any) -> bool:
    return any(r[1] == ROW_HASHES_COLUMN for r in db.execute("PRAGMA table_info(audit)"))


def install_row_tracking(db: Any) -> bool:
    """Create this connection's TEMP triggers that note which audited rows a transaction wrote.

    Returns False (and installs nothing) on a file whose audit table has no ``row_hashes``
    column yet (an old schema opened without migrating, in tests). Nothing goes to the file:
    TEMP objects live in the connection, and ``temp_store=MEMORY`` keeps them in memory.
    """
    if not has_row_hashes(db):
        return False
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {DIRTY_TABLE} "
        "(tbl TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (tbl, rid)) WITHOUT ROWID"
    )
    for table in _existing(db):
        derived = DERIVED_COLUMNS.get(table)
        update = "UPDATE"
        if derived:  # recomputing a derived column alone is not a change
            kept = [r[1] for r in db.execute(f"PRAGMA main.table_info({table})")]
            update = "UPDATE OF " + ", ".join(f'"{c}"' for c in kept if c not in derived)
        for when, ref in (("INSERT", "NEW"), (update, "NEW"), ("DELETE", "OLD")):
            name = when.split()[0].lower()
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS audit_dirty_{table}_{name} "
                f"AFTER {when} ON main.{table} BEGIN "
                f"INSERT OR IGNORE INTO audit_dirty(tbl, rid) VALUES ('{table}', {ref}.rowid); "
                "END"
            )
        # an UPDATE that changes the rowid leaves the old one behind
        db.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS audit_dirty_{table}_rowid "
            f"AFTER UPDATE ON main.{table} WHEN OLD.rowid IS NOT NEW.rowid BEGIN "
            f"INSERT OR IGNORE INTO audit_dirty(tbl, rid) VALUES ('{table}', OLD.rowid); END"
        )
    return True


def current_row_hash(db: Any, table: str, rowid: int) -> str | None:
    cursor = db.execute(f"SELECT * FROM main.{table} WHERE rowid = ?", (rowid,))
    row = cursor.fetchone()
    if row is None:
        return None
    return row_digest([d[0] for d in cursor.description], row, table)


def take_dirty(db: Any) -> dict[str, str | None] | None:
    """The hashes of the rows written since the last event (and forget them); ``None`` if none."""
    pairs = db.execute(f"SELECT tbl, rid FROM {DIRTY_TABLE} ORDER BY tbl, rid").fetchall()
    if not pairs:
        return None
    db.execute(f"DELETE FROM {DIRTY_TABLE}")
    return {f"{t}:{r}": current_row_hash(db, t, r) for t, r in pairs}


def unrecorded(db: Any, recorded: Mapping[str, str | None]) -> dict[str, str | None] | None:
    """At commit: rows written after the transaction's last event whose hash differs from what
    an event of this transaction recorded (a recomputed due date does not count); ``None`` if
    there are none. Forgets the written rows either way."""
    if db.execute(f"SELECT 1 FROM {DIRTY_TABLE} LIMIT 1").fetchone() is None:
        return None
    missing = object()
    pending = take_dirty(db) or {}
    changed = {k: h for k, h in pending.items() if recorded.get(k, missing) != h}
    return changed or None


def all_row_hashes(db: Any) -> dict[str, str | None]:
    """The hash of every row of every audited table (the migration's back-fill)."""
    out: dict[str, str | None] = {}
    for table in _existing(db):
        cursor = db.execute(f"SELECT rowid AS audit_rowid, * FROM main.{table} ORDER BY rowid")
        columns = [d[0] for d in cursor.description][1:]
        for row in cursor:
            out[f"{table}:{row[0]}"] = row_digest(columns, row[1:], table)
    return out


@dataclass(frozen=True)
class RowFinding:
    """A row that differs from its last audited state: where it is, never what it holds."""

    table: str
    row_id: int
    case_reference: str | None
    problem: str  # "changed" | "deleted" | "unaudited" | "reappeared"
    last_event: int | None  # seq of the event that last recorded it

    def describe(self) -> str:
        where = f"{self.table} row {self.row_id}"
        if self.case_reference:
            where += f" (case {self.case_reference})"
        if self.problem == "changed":
            return (
                f"{where} differs from its state recorded by audit event {self.last_event}: "
                "it was changed outside DPO Desk"
            )
        if self.problem == "deleted":
            return (
                f"{where} was recorded by audit event {self.last_event} but is gone: "
                "it was deleted outside DPO Desk"
            )
        if self.problem == "reappeared":
            return (
                f"{where} was deleted in audit event {self.last_event} but is there again: "
                "it was put back outside DPO Desk"
            )
        return f"{where} is in no audit event: it was added outside DPO Desk"

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row_id": self.row_id,
            "case_reference": self.case_reference,
            "problem": self.problem,
            "last_event": self.last_event,
            "text": self.describe(),
        }


@dataclass(frozen=True)
class DataReport:
    ok: bool
    rows_checked: int
    findings: tuple[RowFinding, ...] = field(default_factory=tuple)
    covered: bool = True  # False: the file predates row hashes (nothing to compare with)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "rows_checked": self.rows_checked,
            "covered": self.covered,
            "findings": [f.to_dict() for f in self.findings],
        }


def verify_data(db: Any, *, limit: int = 200) -> DataReport:
    """Recompute every audited row's hash and compare it with its last audited state.

    Reads the ``row_hashes`` of every event in chain order (the chain itself is checked by
    ``verify_rows``; this trusts only what the chain covers), then every current row.
    Findings name the table, the row id and the case's reference, never the row's content;
    at most ``limit`` are listed (``rows_checked`` counts all).
    """
    if not has_row_hashes(db):
        return DataReport(True, 0, (), covered=False)
    recorded: dict[str, tuple[str | None, int]] = {}
    for seq, raw in db.execute(
        "SELECT seq, row_hashes FROM audit WHERE row_hashes IS NOT NULL ORDER BY seq"
    ):
        try:
            rows = json.loads(raw)
        except ValueError:
            continue  # the chain check reports an unreadable event
        if isinstance(rows, dict):
            for key, digest in rows.items():
                recorded[key] = (digest, int(seq))
    references: dict[int, str] = {
        int(r[0]): str(r[1]) for r in db.execute("SELECT id, reference FROM main.cases")
    }
    findings: list[RowFinding] = []
    seen: set[str] = set()
    checked = 0
    tables = _existing(db)
    for table in tables:
        case_col = AUDITED_TABLES[table]
        cursor = db.execute(f"SELECT rowid AS audit_rowid, * FROM main.{table} ORDER BY rowid")
        columns = [d[0] for d in cursor.description][1:]
        case_index = columns.index(case_col) + 1 if case_col in columns else None
        for row in cursor:
            checked += 1
            key = f"{table}:{row[0]}"
            seen.add(key)
            digest = row_digest(columns, row[1:], table)
            last = recorded.get(key)
            problem = None
            if last is None:
                problem = "unaudited"
            elif last[0] is None:
                problem = "reappeared"
            elif last[0] != digest:
                problem = "changed"
            if problem:
                case_id = row[case_index] if case_index is not None else None
                findings.append(
                    RowFinding(
                        table,
                        int(row[0]),
                        references.get(case_id) if isinstance(case_id, int) else None,
                        problem,
                        last[1] if last else None,
                    )
                )
    for key, (digest, seq) in recorded.items():
        if digest is None or key in seen:
            continue
        table, _, rid = key.partition(":")
        if table in tables:
            findings.append(RowFinding(table, int(rid), None, "deleted", seq))
    return DataReport(not findings, checked, tuple(findings[:limit]))


# --- the anchor file (passphrase mode) ---------------------------------------------------------


def anchor_file(file_id: str) -> Path:
    from .paths import anchors_dir

    return anchors_dir() / f"{file_id}.anchor"


def anchor_line(file_id: str, anchor: Anchor, at: str = "") -> str:
    """The one line a DPO can keep: which file, which event, its hash (nothing personal)."""
    when = f" at {at}" if at else ""
    return f"DPO Desk audit anchor: file {file_id[:8]} event {anchor.text()}{when}"


def write_anchor_file(file_id: str, anchor: Anchor) -> None:
    """Replace the anchor file (temp + rename, 0600). No fsync: a lost write leaves an older
    anchor, which still verifies (it is a prefix of the chain); it can never be ahead of it."""
    import contextlib
    import os
    from datetime import UTC, datetime

    with contextlib.suppress(OSError):
        target = anchor_file(file_id)
        tmp = target.with_name(target.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            at = datetime.now(UTC).isoformat(timespec="seconds")
            fh.write(anchor_line(file_id, anchor, at) + "\n")
        os.replace(tmp, target)


def read_anchor_file(file_id: str) -> Anchor | None:
    try:
        return Anchor.find(anchor_file(file_id).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None
