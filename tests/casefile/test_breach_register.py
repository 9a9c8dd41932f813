"""The breach register in the encrypted case file: schema, repository, audit, immutable notices."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.breaches import BreachRepo
from dpo_desk.casefile.migrations import LATEST
from dpo_desk.core.breaches import Breach
from dpo_desk.core.errors import InvalidInput, KnownError, NotFound

from .conftest import add_case, add_controller, fixed_clock

KEY = Key(raw=bytes(range(100, 132)))
MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def cf(tmp_path: Path) -> Iterator[CaseFile]:
    casefile = CaseFile.create(tmp_path / "b.dpodesk", KEY, clock=fixed_clock).casefile
    yield casefile
    casefile.close()


def breach(controller_id: int, **changes: object) -> Breach:
    fields: dict[str, object] = dict(
        id=None,
        reference="",
        controller_id=controller_id,
        discovered_at=datetime(2026, 3, 1, 22, 15, tzinfo=MOSCOW),
        discovered_tz="Europe/Moscow",
        description="Утечка базы подписчиков",
        subjects_count=3400,
        data_categories=("email", "логин"),
    )
    fields.update(changes)
    return Breach(**fields)  # type: ignore[arg-type]


def test_the_schema_has_the_breach_tables(cf: CaseFile) -> None:
    assert cf.schema_version == LATEST
    tables = set(cf.db.table_names())
    assert {"breaches", "breach_cases", "breach_notices"} <= tables


def test_add_get_update_keep_the_moment_and_zone(cf: CaseFile) -> None:
    ctl = add_controller(cf, "bgm", ("RU",))
    repo = BreachRepo(cf)
    b = repo.add(breach(ctl.id))
    assert b.reference == "B-2026-0001"
    assert b.discovered_local == datetime(2026, 3, 1, 22, 15, tzinfo=MOSCOW)
    assert b.discovered_local.utcoffset() == timedelta(hours=3)
    assert b.data_categories == ("email", "логин")
    # the file keeps UTC; the reported zone is kept beside it
    raw = cf.db.execute("SELECT discovered_at, discovered_tz FROM breaches").fetchone()
    assert raw == ("2026-03-01T19:15:00+00:00", "Europe/Moscow")

    b2 = repo.update(b.id, measures="Пароли сброшены", risk="high", processors=[" CRM ", ""])
    assert (b2.measures, b2.risk, b2.processors) == ("Пароли сброшены", "high", ("CRM",))
    closed = repo.update(b.id, status="closed")
    assert closed.closed_at == fixed_clock()
    reopened = repo.update(b.id, status="open")
    assert reopened.closed_at is None
    assert repo.resolve("b-2026-0001").id == b.id
    assert repo.resolve(str(b.id)).reference == b.reference
    assert repo.add(breach(ctl.id)).reference == "B-2026-0002"
    other_year = repo.add(breach(ctl.id, discovered_at=datetime(2027, 1, 1, 0, 30, tzinfo=MOSCOW)))
    assert other_year.reference == "B-2027-0001"


def test_bad_facts_are_one_sentence_and_store_nothing(cf: CaseFile) -> None:
    ctl = add_controller(cf, "bgm", ("RU",))
    repo = BreachRepo(cf)
    with pytest.raises(InvalidInput, match="description"):
        repo.add(breach(ctl.id, description="  "))
    with pytest.raises(InvalidInput, match="cannot be negative"):
        repo.add(breach(ctl.id, subjects_count=-1))
    with pytest.raises(InvalidInput, match="after it was discovered"):
        repo.add(breach(ctl.id, occurred_at=datetime(2026, 3, 2, tzinfo=UTC)))
    with pytest.raises(NotFound):
        repo.add(breach(999))
    assert repo.count() == 0
    b = repo.add(breach(ctl.id))
    with pytest.raises(InvalidInput, match="no field"):
        repo.update(b.id, reference="X")
    with pytest.raises(NotFound, match="B-2026-0042"):
        repo.resolve("B-2026-0042")


def test_cases_link_and_every_step_is_audited(cf: CaseFile) -> None:
    ctl = add_controller(cf, "bgm", ("RU",))
    case = add_case(cf, ctl)
    repo = BreachRepo(cf)
    b = repo.add(breach(ctl.id))
    repo.link_case(b.id, case.id)
    repo.link_case(b.id, case.id)  # twice is once
    assert repo.linked_case_ids(b.id) == [case.id]
    n = repo.save_notice_draft(
        b.id,
        regime="RU",
        step="first_notice",
        recipient="authority",
        authority="RKN",
        language="ru",
        text="текст",
    )
    repo.finalise_notice(n.id, b"%PDF-1.4 notice", "текст")
    sent = repo.record_notice_sent(
        n.id, sent_at=datetime(2026, 3, 2, 9, 0, tzinfo=MOSCOW), channel="online_form"
    )
    assert sent.sent_at == datetime(2026, 3, 2, 9, 0, tzinfo=MOSCOW)
    repo.update(b.id, status="contained")
    repo.unlink_case(b.id, case.id)
    actions = [e.action for e in cf.audit.events()]
    for action in (
        "breach.logged",
        "breach.case_linked",
        "breach.notice_drafted",
        "breach.notice_finalised",
        "breach.notice_sent",
        "breach.updated",
        "breach.case_unlinked",
    ):
        assert actions.count(action) == 1, action
    assert cf.verify_audit().ok
    logged = next(e for e in cf.audit.events() if e.action == "breach.logged")
    assert "Утечка" not in str(logged.data)  # the audit names the breach, not its story


def test_a_final_notice_is_immutable_and_kept(cf: CaseFile) -> None:
    ctl = add_controller(cf, "bgm", ("RU",))
    repo = BreachRepo(cf)
    b = repo.add(breach(ctl.id))
    n = repo.save_notice_draft(
        b.id,
        regime="RU",
        step="first_notice",
        recipient="authority",
        authority="RKN",
        language="ru",
        text="t",
    )
    with pytest.raises(KnownError, match="Finalise"):
        repo.record_notice_sent(n.id, sent_at=datetime.now(UTC), channel="email")
    final = repo.finalise_notice(n.id, b"%PDF-1.4 x", "t")
    assert final.sha256 == hashlib.sha256(b"%PDF-1.4 x").hexdigest()
    assert repo.notice_pdf(n.id) == b"%PDF-1.4 x"
    with pytest.raises(KnownError, match="already final"):
        repo.finalise_notice(n.id, b"%PDF other", "t")
    with pytest.raises(Exception, match="cannot be changed"), cf.transaction():
        cf.db.execute("UPDATE breach_notices SET text = 'forged' WHERE id = ?", (n.id,))
    with pytest.raises(Exception, match="cannot be deleted"), cf.transaction():
        cf.db.execute("DELETE FROM breach_notices WHERE id = ?", (n.id,))
    with pytest.raises(InvalidInput, match="goes by one of"):
        repo.record_notice_sent(n.id, sent_at=datetime.now(UTC), channel="pigeon")


def test_the_register_survives_closing_and_reopening(cf: CaseFile, tmp_path: Path) -> None:
    ctl = add_controller(cf, "bgm", ("RU",))
    BreachRepo(cf).add(breach(ctl.id))
    path = cf.path
    cf.close()
    again = CaseFile.open(path, KEY)
    try:
        rows = BreachRepo(again).list()
        assert [b.reference for b in rows] == ["B-2026-0001"]
        assert rows[0].description == "Утечка базы подписчиков"
    finally:
        again.close()
    # no plaintext of the breach anywhere in the file
    assert "Утечка".encode() not in path.read_bytes()
