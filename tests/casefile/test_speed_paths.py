"""Issue 19: the fast paths of the case file keep their behaviour."""

from __future__ import annotations

from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.deadlines import governing_for_case
from dpo_desk.casefile.health import REQUIRED_SETTINGS


def test_memory_security_is_left_at_sqlcipher_default(casefile: CaseFile) -> None:
    # process-wide and irreversible in SQLCipher; off by default since 4.5 (ADR 0001, issue 19)
    value = str(casefile.db.execute("PRAGMA cipher_memory_security").fetchone()[0])
    assert value == "0"
    assert value in REQUIRED_SETTINGS["cipher_memory_security"]


import pytest  # noqa: E402

from dpo_desk.casefile.repositories import SORT_COLUMNS, CaseQuery  # noqa: E402
from dpo_desk.core.errors import InvalidInput  # noqa: E402
from dpo_desk.core.model import ClockEventKind, RequestKind  # noqa: E402

from .conftest import add_case, add_controller  # noqa: E402

NAMES = ["Әлібек", "айбек", "Айбек", "Zoé", "zoe", "Иван", "Ольга", "Anna", "anna", "Бакыт"]


@pytest.fixture
def listed(casefile: CaseFile) -> CaseFile:
    """Cases with repeated names, dates and due dates (ties are where a keyset breaks)."""
    kg = add_controller(casefile, "astrum-oyun", ("KG",))
    nowhere = add_controller(casefile, "nowhere", ())  # no law named: no due date
    from datetime import date, timedelta

    with casefile.transaction():
        for i, name in enumerate(NAMES * 3):
            add_case(
                casefile,
                nowhere if i % 4 == 0 else kg,
                name=name,
                received=date(2026, 1, 5) + timedelta(days=i % 5),
                kinds=(RequestKind.ACCESS,) if i % 2 else (RequestKind.ERASURE,),
            )
    return casefile


@pytest.mark.parametrize("order_by", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_walk_the_same_order_as_one_query(
    listed: CaseFile, order_by: str, descending: bool
) -> None:
    q = CaseQuery(order_by=order_by, descending=descending)
    whole = [r.id for r in listed.cases.list(q)]
    walked, cursor, pages = [], None, 0
    while True:
        page = listed.cases.page(q, limit=4, after=cursor)
        walked.extend(r.id for r in page.rows)
        pages += 1
        if page.next is None:
            break
        cursor = page.next
    assert walked == whole
    assert pages == -(-len(whole) // 4)


def test_a_cursor_stays_valid_when_cases_are_added(listed: CaseFile) -> None:
    q = CaseQuery(order_by="received", descending=True)
    first = listed.cases.page(q, limit=10)
    rest_before = [r.id for r in listed.cases.list(q, after=first.next)]
    kg = listed.controllers.by_slug("astrum-oyun")
    from datetime import date

    add_case(listed, kg, name="Newcomer", received=date(2026, 3, 1))  # sorts first
    assert [r.id for r in listed.cases.list(q, after=first.next)] == rest_before


def test_bad_cursors_are_one_sentence(listed: CaseFile) -> None:
    q = CaseQuery(order_by="received")
    cursor = listed.cases.page(q, limit=2).next
    with pytest.raises(InvalidInput, match="another sort order"):
        listed.cases.page(CaseQuery(order_by="subject"), limit=2, after=cursor)
    for junk in ("", "c1.!!!", "abc", "c1." + "e30"):
        with pytest.raises(InvalidInput, match="cursor"):
            listed.cases.page(q, limit=2, after=junk)


def _executed(statements: list[str]) -> list[str]:
    """Statements as run: SQLite's trace repeats a statement once per trigger it fires (the
    audit's row tracking, issue 20), so consecutive repeats are one execution."""
    return [s for i, s in enumerate(statements) if i == 0 or statements[i - 1] != s]


def test_derived_columns_are_recomputed_once_per_transaction(listed: CaseFile) -> None:
    from datetime import date

    kg = listed.controllers.by_slug("astrum-oyun")
    case = add_case(listed, kg, name="Once", received=date(2026, 2, 2))
    due_before = listed.db.execute("SELECT due_on FROM cases WHERE id = ?", (case.id,)).fetchone()
    statements: list[str] = []
    listed.db.conn.set_trace_callback(statements.append)
    with listed.transaction():
        listed.cases.add_note(case.id, "first note")
        listed.cases.add_note(case.id, "second note")
        listed.cases.update(case.id, summary="changed summary")
    listed.db.conn.set_trace_callback(None)
    statements = _executed(statements)
    # notes and a summary move no deadline: no recompute; one reindex for the three changes
    assert sum(s.startswith("UPDATE cases SET due_on") for s in statements) == 0
    assert sum(s.startswith("INSERT INTO case_search") for s in statements) == 1
    found = listed.cases.list(CaseQuery(text="second"))
    assert [r.id for r in found] == [case.id]
    assert listed.cases.list(CaseQuery(text="changed summary"))[0].id == case.id
    assert due_before[0] is not None
    # clock events feed the due date: recomputed once, as the engine computes it from scratch
    statements.clear()
    listed.db.conn.set_trace_callback(statements.append)
    listed.cases.add_clock_event(case.id, ClockEventKind.IDENTITY_REQUESTED, date(2026, 2, 3))
    listed.cases.add_clock_event(case.id, ClockEventKind.IDENTITY_RECEIVED, date(2026, 2, 20))
    listed.db.conn.set_trace_callback(None)
    statements[:] = _executed(statements)
    assert sum(s.startswith("UPDATE cases SET due_on") for s in statements) == 2
    assert sum(s.startswith("INSERT INTO case_search") for s in statements) == 0
    row = listed.db.execute("SELECT due_on FROM cases WHERE id = ?", (case.id,)).fetchone()
    due, _ = governing_for_case(listed, case.id)
    assert row[0] == due.isoformat()


def test_an_override_change_reaches_the_cached_calendar(listed: CaseFile) -> None:
    from datetime import date

    kg = listed.controllers.by_slug("astrum-oyun")
    case = add_case(listed, kg, name="Override", received=date(2026, 2, 2))
    due = listed.cases.list(CaseQuery(text="Override"))[0].due_on
    assert due is not None
    listed.overrides.set("KG", due, "holiday", "test")
    moved = listed.cases.list(CaseQuery(text="Override"))[0].due_on
    assert moved is not None and moved > due
    listed.overrides.remove("KG", due)
    assert listed.cases.list(CaseQuery(text="Override"))[0].due_on == due
    assert case.id is not None


def test_add_many_stores_what_add_stores(casefile: CaseFile) -> None:
    from dataclasses import replace as dc_replace
    from datetime import date

    from dpo_desk.core.model import Case, Channel, ControllerId, DataSubject

    kg = add_controller(casefile, "astrum-oyun", ("KG", "RU"))
    one = add_case(casefile, kg, name="Single Case", received=date(2026, 2, 2))
    template = Case(
        id=None,
        reference="",
        controller_id=ControllerId(kg.id or 0),
        subject=DataSubject(name=" Bulk Person ", email="bulk@example.org"),
        kinds=(RequestKind.ACCESS, RequestKind.ERASURE),
        channel=Channel.EMAIL,
        received=date(2026, 2, 2),
        summary="asks for a copy",
    )
    assert casefile.cases.add_many(dc_replace(template, received=date(2026, 2, d)) for d in (2, 3))
    rows = casefile.cases.list(CaseQuery(order_by="reference", descending=False))
    assert [r.reference for r in rows] == ["2026-0001", "2026-0002", "2026-0003"]
    bulk = casefile.cases.get(rows[1].id)
    assert bulk.subject.name == "Bulk Person" and bulk.kinds == template.kinds
    for row in rows:  # the same due date as the engine computes, from scratch
        due, jurisdiction = governing_for_case(casefile, row.id)
        assert (row.due_on, row.due_jurisdiction) == (due, jurisdiction)
    found = {r.id for r in casefile.cases.list(CaseQuery(text="bulk copy"))}
    assert found == {rows[1].id, rows[2].id}
    assert add_case(casefile, kg, received=date(2026, 2, 5)).reference == "2026-0004"
    assert casefile.verify_audit().ok
    created = [e for e in casefile.audit.events() if e.action == "case.created"]
    assert len(created) == 4 and one.id is not None
    with pytest.raises(InvalidInput):
        casefile.cases.add_many([template, dc_replace(template, kinds=())])
    assert len(casefile.cases.list()) == 4  # the whole batch was rolled back


def test_a_batch_commits_whole_units_and_keeps_the_anchor_true(casefile: CaseFile) -> None:
    from datetime import date

    kg = add_controller(casefile, "astrum-oyun", ("KG",))
    commits: list[str] = []

    def count(sql: str) -> None:
        if sql.strip().upper() == "COMMIT":
            commits.append(sql)

    casefile.db.conn.set_trace_callback(count)
    with pytest.raises(RuntimeError, match="stop"), casefile.batch(every=2):
        for i in range(5):
            try:
                with casefile.transaction():
                    add_case(casefile, kg, name=f"Batch {i}", received=date(2026, 2, 2))
                    casefile.cases.add_note(casefile.cases.list()[0].id, f"note {i}")
                    if i == 2:
                        raise InvalidInput("this unit fails alone")
            except InvalidInput:
                pass
        raise RuntimeError("stop")
    casefile.db.conn.set_trace_callback(None)
    names = sorted(r.subject_name for r in casefile.cases.list())
    assert names == ["Batch 0", "Batch 1", "Batch 3", "Batch 4"]  # unit 2 rolled back alone
    assert len(commits) == 2 + 1  # every two units, then the rest when the block ended
    assert not casefile.db.conn.in_transaction
    report = casefile.verify_audit()  # against the anchor kept outside the file
    assert report.ok
    assert casefile.stored_anchor() == casefile.head()
    for row in casefile.cases.list():  # derived columns were flushed per unit
        assert row.due_on == governing_for_case(casefile, row.id)[0]
    assert [r.subject_name for r in casefile.cases.list(CaseQuery(text="Batch 4"))] == ["Batch 4"]


def test_no_sqlite_utils_plugin_sees_the_keyed_connection(casefile: CaseFile) -> None:
    import sqlite_utils.plugins

    # plugins are neither looked up (slow) nor given the open case file
    assert casefile.db is not None
    assert not sqlite_utils.plugins._plugins_loaded  # noqa: SLF001
