"""The audit chain: intact files verify; every kind of tampering is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.audit import GENESIS, Anchor, event_hash
from dpo_desk.casefile.connection import IntegrityError, connect

from .conftest import PASSPHRASE, add_case, add_controller


@pytest.fixture
def filled(cf_path: Path) -> Path:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    ctl = add_controller(cf)
    for i in range(4):
        case = add_case(cf, ctl, name=f"Person {i}")
        cf.cases.add_note(case.id, f"note {i}")
    assert cf.verify_audit().ok
    cf.close()
    return cf_path


def tamper(path: Path, *statements: str) -> None:
    """Change the audit table behind the application's back (with the key, triggers dropped)."""
    db = connect(path, Key(passphrase=PASSPHRASE))
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    for sql in statements:
        db.execute(sql)
    db.close()


def verify(path: Path, anchor: Anchor | None = None):
    with CaseFile.open(path, Key(passphrase=PASSPHRASE)) as cf:
        return cf.verify_audit(anchor)


def test_untouched_file_verifies_against_its_keyring_anchor(filled: Path) -> None:
    report = verify(filled)
    assert report.ok and report.events == 10 and report.anchor_checked


def test_triggers_forbid_update_and_delete(casefile: CaseFile) -> None:
    add_controller(casefile)
    with pytest.raises(IntegrityError, match="append-only"):
        casefile.db.execute("UPDATE audit SET actor = 'x' WHERE seq = 1")
    with pytest.raises(IntegrityError, match="append-only"):
        casefile.db.execute("DELETE FROM audit WHERE seq = 1")


@pytest.mark.parametrize(
    ("statements", "broken"),
    [
        (['UPDATE audit SET data = \'{"reference": "2026-9999"}\' WHERE seq = 4'], 4),
        (["UPDATE audit SET actor = 'someone else' WHERE seq = 2"], 2),
        (["DELETE FROM audit WHERE seq = 5"], 5),
        (
            [
                "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash) "
                "SELECT 100, at, actor, action, case_id, data, prev_hash, hash FROM audit WHERE seq = 3",
                "DELETE FROM audit WHERE seq = 3",
            ],
            3,
        ),
        (
            [
                "UPDATE audit SET seq = seq + 1000 WHERE seq = 6",
                "UPDATE audit SET seq = 6 WHERE seq = 7",
                "UPDATE audit SET seq = 7 WHERE seq = 1006",
            ],
            6,
        ),
    ],
    ids=["edit-data", "edit-actor", "delete", "move-to-end", "swap"],
)
def test_tampering_is_detected(filled: Path, statements: list[str], broken: int) -> None:
    tamper(filled, *statements)
    report = verify(filled)
    assert not report.ok and report.first_broken == broken, report


def test_inserted_forged_event_is_detected(filled: Path) -> None:
    # a forger who computes a correct hash for the inserted row still breaks the next link
    db = connect(filled, Key(passphrase=PASSPHRASE))
    row = db.execute("SELECT hash FROM audit WHERE seq = 2").fetchone()
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    db.execute("UPDATE audit SET seq = seq + 100 WHERE seq > 2")
    data = {"forged": True}
    digest = event_hash(row[0], 3, "2026-03-02T10:00:00+00:00", "x", "case.created", None, data)
    db.execute(
        "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash) "
        "VALUES (3, '2026-03-02T10:00:00+00:00', 'x', 'case.created', "
        "NULL, '{\"forged\": true}', ?, ?)",
        (row[0], digest),
    )
    db.execute("UPDATE audit SET seq = seq - 99 WHERE seq > 100")
    db.close()
    report = verify(filled)
    assert not report.ok and report.first_broken == 4


def test_cut_tail_is_caught_only_with_the_anchor(filled: Path, memory_keyring) -> None:
    from dpo_desk.casefile.audit import anchor_file
    from dpo_desk.casefile.keys import read_file_id

    tamper(filled, "DELETE FROM audit WHERE seq > 8")
    anchors = {k: v for k, v in memory_keyring.store.items() if k[1].startswith("anchor:")}
    # the OS user who holds the key can also clear the keyring entry and the anchor file:
    # then the chain alone looks fine
    memory_keyring.store.clear()
    anchor_file(read_file_id(filled) or "").unlink()
    with CaseFile.open(filled, Key(passphrase=PASSPHRASE)) as cf:
        assert cf.verify_audit().ok
        anchor = Anchor.parse(next(iter(anchors.values())))
        report = cf.verify_audit(anchor)
    assert not report.ok and "cut off" in report.problem


def test_rebuilt_chain_is_caught_with_the_anchor(filled: Path) -> None:
    db = connect(filled, Key(passphrase=PASSPHRASE))
    rows = db.execute(
        "SELECT seq, at, actor, action, case_id, data FROM audit ORDER BY seq"
    ).fetchall()
    db.executescript(
        "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DELETE FROM audit;"
    )
    prev = GENESIS
    import json

    for seq, at, actor, action, case_id, data in rows:
        if seq == 4:
            data = json.dumps({"rewritten": True})
        digest = event_hash(prev, seq, at, actor, action, case_id, json.loads(data))
        db.execute(
            "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, actor, action, case_id, data, prev, digest),
        )
        prev = digest
    db.close()
    report = verify(filled)  # the keyring anchor still holds the true head
    assert not report.ok and "rebuilt" in report.problem
