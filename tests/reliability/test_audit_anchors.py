"""Target 7: every kind of audit tampering is caught — also against a backup's and a summary's anchor.

The lead's ``tests/casefile/test_audit.py`` shows each kind once against the keyring anchor. Here a
seeded loop draws random tamperings (edit a field, delete, insert a forged event with a correct
hash, reorder, cut the tail, rebuild the whole chain after an edit) on copies of one case file and
checks each copy against three anchors kept outside it: the keyring's (the head when the file was
closed), the head of an encrypted backup, and the ``audit_anchor`` of an exported case summary
(JSON). The backup and the summary were made before the last events, so cuts and rebuilds are
drawn inside the part they cover; an event after an anchor cannot be vouched for by that anchor.
Pass: 100 % detected (60 tamperings × 3 anchors in the normal run, 1,000 × 3 with ``-m slow``).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.audit import GENESIS, Anchor, event_hash
from dpo_desk.casefile.connection import connect
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.casefile.store import connect_readonly
from dpo_desk.demo import seed_demo
from dpo_desk.reports import export_case_summary

from .support import CLI, new_raw_key

TODAY = date(2026, 3, 2)
KINDS = ("edit", "delete", "insert", "reorder", "truncate", "rebuild")
FIELDS = ("at", "actor", "action", "case_id", "data", "prev_hash", "hash")


@dataclass(frozen=True)
class Pristine:
    path: Path
    key: Key
    anchors: dict[str, Anchor]  # keyring, backup, summary
    events: int


def _backup_head(path: Path, key: Key) -> Anchor:
    db = connect_readonly(path, key)
    try:
        seq, digest = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        db.close()
    return Anchor(int(seq), str(digest))


@pytest.fixture
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Pristine:
    """A demo case file with a summary, a backup and later events (the keyring is per test)."""
    folder = tmp_path_factory.mktemp("anchors")
    key = new_raw_key()
    path = folder / "pristine.dpodesk"
    cf = CaseFile.create(path, key).casefile
    seed_demo(cf, TODAY)
    case_id = cf.cases.list()[0].id
    summary = export_case_summary(cf, case_id, folder / "summary.json", TODAY)
    info = cf.backup(folder / "backup.dpodesk")
    for i in range(5):  # events after both: only the keyring's anchor covers them
        cf.cases.add_note(case_id, f"later note {i}")
    head = cf.head()
    stored = cf.stored_anchor()
    events = cf.verify_audit().events
    cf.close()
    assert head is not None and stored == head and summary.anchor is not None
    doc = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    from_summary = Anchor.parse(doc["audit_anchor"]["anchor"])
    assert from_summary == summary.anchor
    from_backup = _backup_head(info.path, key)
    assert from_backup == info.anchor  # the backup holds the chain up to its own anchor
    return Pristine(
        path, key, {"keyring": stored, "backup": from_backup, "summary": from_summary}, events
    )


# --- tampering -------------------------------------------------------------------------------

Row = tuple[int, str, str, str, int | None, str, str, str]


def _rows(db) -> list[Row]:  # noqa: ANN001
    return db.execute(
        "SELECT seq, at, actor, action, case_id, data, prev_hash, hash FROM audit ORDER BY seq"
    ).fetchall()


def _rewrite(db, rows: list[Row]) -> None:  # noqa: ANN001
    db.execute("DELETE FROM audit")
    db.conn.executemany(  # the columns named: audit.row_hashes (issue 20) stays NULL
        "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _rehash(rows: list[Row], start: int) -> list[Row]:
    """Recompute every hash from ``start`` on: the chain is consistent again (a rebuild)."""
    out = list(rows[:start])
    prev = out[-1][7] if out else GENESIS
    for seq, at, actor, action, case_id, data, _prev, _hash in rows[start:]:
        digest = event_hash(prev, seq, at, actor, action, case_id, json.loads(data))
        out.append((seq, at, actor, action, case_id, data, prev, digest))
        prev = digest
    return out


def _edit_value(field: str, row: Row, rng: random.Random) -> object:
    index = FIELDS.index(field) + 1
    old = row[index]
    if field == "case_id":
        return (old or 0) + rng.randint(1, 5)
    if field == "data":
        data = json.loads(str(old))
        data["tampered"] = rng.randint(0, 10**6)
        return json.dumps(data, ensure_ascii=False)
    if field in ("prev_hash", "hash"):
        text = str(old)
        pos = rng.randrange(len(text))
        return text[:pos] + ("0" if text[pos] != "0" else "1") + text[pos + 1 :]
    return f"{old}x"


def tamper(path: Path, key: Key, kind: str, rng: random.Random, limit: int) -> str:
    """Apply one tampering; returns a description. ``limit``: cuts/rebuilds stay at or below it."""
    db = connect(path, key)
    try:
        db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        rows = _rows(db)
        n = len(rows)
        with db.atomic():
            if kind == "edit":
                i = rng.randrange(n)
                field = rng.choice(FIELDS)
                value = _edit_value(field, rows[i], rng)
                db.execute(f"UPDATE audit SET {field} = ? WHERE seq = ?", (value, rows[i][0]))
                what = f"edit {field} of event {rows[i][0]}"
            elif kind == "delete":
                i = rng.randrange(n - 1)  # the last one is a cut tail
                db.execute("DELETE FROM audit WHERE seq = ?", (rows[i][0],))
                what = f"delete event {rows[i][0]}"
            elif kind == "insert":
                i = rng.randrange(1, n)
                prev = rows[i - 1]
                forged_seq = prev[0] + 1
                data = {"forged": rng.randint(0, 10**6)}
                digest = event_hash(prev[7], forged_seq, prev[1], prev[2], "case.note", None, data)
                forged: Row = (
                    forged_seq, prev[1], prev[2], "case.note", None, json.dumps(data), prev[7],
                    digest,
                )  # fmt: skip
                shifted = [(r[0] + 1, *r[1:]) for r in rows[i:]]
                _rewrite(db, [*rows[:i], forged, *shifted])  # type: ignore[list-item]
                what = f"insert a forged event at {forged_seq}"
            elif kind == "reorder":
                i = rng.randrange(n - 1)
                j = rng.randrange(i + 1, min(n, i + 4))
                a, b = rows[i], rows[j]
                swapped = list(rows)
                swapped[i] = (a[0], *b[1:])
                swapped[j] = (b[0], *a[1:])
                _rewrite(db, swapped)
                what = f"swap events {a[0]} and {b[0]}"
            elif kind == "truncate":
                keep = rng.randrange(1, limit)
                db.execute("DELETE FROM audit WHERE seq > ?", (keep,))
                what = f"cut the tail after event {keep}"
            else:  # rebuild: change one event and recompute every hash after it
                i = rng.randrange(limit)
                row = rows[i]
                data = json.loads(row[5])
                data["rebuilt"] = True
                changed = list(rows)
                changed[i] = (*row[:5], json.dumps(data), *row[6:])  # type: ignore[assignment]
                if rng.random() < 0.5:  # and drop the tail as well
                    changed = changed[: rng.randrange(i + 1, n + 1)]
                _rewrite(db, _rehash(changed, i))
                what = f"rebuild the chain from event {row[0]}"
    finally:
        db.close()
    return what


def _copy(p: Pristine, folder: Path) -> Path:
    folder.mkdir()
    target = folder / p.path.name
    shutil.copy2(p.path, target)
    shutil.copy2(p.path.with_name(p.path.name + ".id"), target.with_name(target.name + ".id"))
    return target


def tamper_loop(
    p: Pristine, folder: Path, count: int, seed: int, check: Callable[[Path, str], None] | None
) -> dict[str, int]:
    rng = random.Random(seed)
    limit = min(a.seq for a in p.anchors.values())
    detected = {name: 0 for name in p.anchors}
    kinds = {kind: 0 for kind in KINDS}
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        copy = _copy(p, folder / f"t{i}")
        what = tamper(copy, p.key, kind, rng, limit)
        kinds[kind] += 1
        with CaseFile.open(copy, p.key) as cf:
            for name, anchor in p.anchors.items():
                report = cf.verify_audit(anchor)
                assert not report.ok, f"not detected against the {name} anchor: {what}"
                assert report.problem
                detected[name] += 1
        if check is not None:
            check(copy, what)
        shutil.rmtree(copy.parent)
    assert all(v == count for v in detected.values())
    return {"tamperings": count, **kinds, **{f"detected_{k}": v for k, v in detected.items()}}


def test_the_pristine_copy_verifies_against_every_anchor(
    pristine: Pristine, tmp_path: Path
) -> None:
    copy = _copy(pristine, tmp_path / "clean")
    with CaseFile.open(copy, pristine.key) as cf:
        for anchor in pristine.anchors.values():
            report = cf.verify_audit(anchor)
            assert report.ok and report.anchor_checked and report.events == pristine.events


def test_random_tampering_is_always_detected(pristine: Pristine, tmp_path: Path) -> None:
    figures = tamper_loop(pristine, tmp_path, count=60, seed=9, check=None)
    assert figures["tamperings"] == 60 and figures["truncate"] == 10


def test_dpo_desk_check_reports_a_cut_tail_against_a_summary_anchor(
    pristine: Pristine, tmp_path: Path
) -> None:
    copy = _copy(pristine, tmp_path / "cut")
    limit = pristine.anchors["summary"].seq
    db = connect(copy, pristine.key)
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    db.execute("DELETE FROM audit WHERE seq > ?", (limit - 3,))
    db.close()
    env = {**os.environ, "DPO_DESK_PASSPHRASE": recovery_key_text(pristine.key)}
    anchor = pristine.anchors["summary"].text()
    result = subprocess.run(
        [*CLI, "--file", str(copy), "check", "--anchor", anchor, "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["audit"]["ok"] is False
    assert report["audit"]["anchor_source"] == "given"
    assert "cut off" in report["audit"]["problem"]


@pytest.mark.slow
def test_random_tampering_long(pristine: Pristine, tmp_path: Path) -> None:
    figures = tamper_loop(pristine, tmp_path, count=1000, seed=2026, check=None)
    print("\nRELIABILITY audit-tampering " + " ".join(f"{k}={v}" for k, v in figures.items()))
