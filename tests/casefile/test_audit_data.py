"""Issue 20: the audit chain covers the data, not only the log.

Each audited write records its row's hash in the chain; ``verify_data`` (``audit verify
--deep``, ``check``) recomputes every row and names what differs — table, row id, case
reference, never the content. The tampering is done the way the red team did it: raw SQL on the
real decrypted SQLCipher file, with the key, behind the application's back.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.audit import verify_data
from dpo_desk.casefile.connection import connect
from dpo_desk.casefile.health import run_checks
from dpo_desk.casefile.migrations import LATEST, MIGRATIONS, _v_row_hashes
from dpo_desk.services import evidence

from .conftest import add_case, add_controller, fixed_clock

KEY = Key(raw=bytes(range(32)))


@pytest.fixture
def filled(cf_path: Path) -> Path:
    cf = CaseFile.create(cf_path, KEY, clock=fixed_clock).casefile
    ctl = add_controller(cf)
    for i in range(3):
        case = add_case(cf, ctl, name=f"Person {i}")
        cf.cases.add_note(case.id, f"note {i}")
    cf.attachments.add(case.id, "id_document", "passport.png", "image/png", b"\x89PNG scan" * 50)
    cf.cases.set_status(case.id, "in_progress")
    assert verify_data(cf.db).ok
    cf.close()
    return cf_path


def raw_sql(path: Path, *statements: str) -> None:
    db = connect(path, KEY)
    for sql in statements:
        db.execute(sql)
    db.close()


def deep(path: Path):
    with CaseFile.open(path, KEY) as cf:
        return evidence.verify(cf, deep=True), run_checks(cf)


def test_untouched_file_passes_deep_verify_and_check(filled: Path) -> None:
    report, health = deep(filled)
    assert report.ok and report.data is not None and report.data.rows_checked >= 8
    assert health.ok and any(f.code == "data" and f.severity == "ok" for f in health.findings)


def test_received_date_changed_and_id_blob_nulled_directly_are_detected(filled: Path) -> None:
    raw_sql(
        filled,
        "UPDATE cases SET received = '2026-01-01'",
        "UPDATE attachments SET data = NULL WHERE role = 'id_document'",
    )
    report, health = deep(filled)
    assert report.chain.ok  # the log itself was not touched ...
    assert not report.ok and report.data is not None  # ... but the data under it was
    found = {(f.table, f.problem, f.case_reference) for f in report.data.findings}
    assert found == {
        ("cases", "changed", "2026-0001"),
        ("cases", "changed", "2026-0002"),
        ("cases", "changed", "2026-0003"),
        ("attachments", "changed", "2026-0003"),
    }
    # named by table, row and reference, never by content
    text = "\n".join(report.lines())
    assert "Person" not in text and "2026-01-01" not in text and "PNG" not in text
    assert "attachments row 1 (case 2026-0003)" in text
    assert not health.ok
    [data] = [f for f in health.findings if f.code == "data"]
    assert data.severity == "problem" and "4 rows differ" in data.message


def test_rows_deleted_or_added_directly_are_detected(filled: Path) -> None:
    raw_sql(
        filled,
        "DELETE FROM notes WHERE id = 2",
        "INSERT INTO notes(case_id, text, created_at) VALUES (1, 'forged', '2026-03-02')",
    )
    report, _ = deep(filled)
    problems = sorted((f.table, f.row_id, f.problem) for f in report.data.findings)
    assert problems == [("notes", 2, "deleted"), ("notes", 4, "unaudited")]


def test_changes_through_the_application_stay_verified(filled: Path) -> None:
    with CaseFile.open(filled, KEY) as cf:
        cf.cases.update(1, received=date(2026, 2, 21))
        cf.attachments.destroy(1, reason="identity settled", force_open_case=True)
        report = evidence.verify(cf, deep=True)
        assert report.ok, report.lines()
        # one hash per written row, inside the event that wrote it
        event = cf.db.execute(
            "SELECT row_hashes FROM audit WHERE action = 'case.updated'"
        ).fetchone()
        assert list(json.loads(event[0])) == ["cases:1"]


def test_migration_backfills_existing_rows_with_an_event_saying_so(cf_path: Path) -> None:
    before = MIGRATIONS.index(_v_row_hashes)  # the schema just before row hashes
    cf = CaseFile.create(cf_path, KEY, clock=fixed_clock, upto=before).casefile
    # an older file: no row hashes yet (written directly, as the old release did)
    cf.db.execute(
        "INSERT INTO controllers(slug, name, created_at, updated_at) VALUES ('a', 'A', 'x', 'x')"
    )
    cf.close()
    with CaseFile.open(cf_path, KEY) as cf:
        assert cf.schema_version == LATEST
        actions = [e.action for e in cf.audit.events()]
        assert "audit.rows_backfilled" in actions
        report = evidence.verify(cf, deep=True)
        assert report.ok and report.data.rows_checked == 1
