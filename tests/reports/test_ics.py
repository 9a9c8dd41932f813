"""Calendar export: parses back, right dates, stable UIDs, no names."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from dpo_desk.core.model import CaseStatus, ClockEventKind, RequestKind
from dpo_desk.reports import calendar_events, export_calendar

from .conftest import TODAY, add_case, add_controller, answer


def events_of(path: Path) -> dict[str, dict]:
    cal = Calendar.from_ical(path.read_bytes())
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["UID"])] = {
            "start": ev.decoded("DTSTART"),
            "end": ev.decoded("DTEND"),
            "summary": str(ev["SUMMARY"]),
            "description": str(ev["DESCRIPTION"]),
            "status": str(ev["STATUS"]),
            "sequence": int(ev["SEQUENCE"]),
        }
    return out


def test_open_deadlines_and_notice_dates_parse_back(cf, tmp_path: Path) -> None:
    kg = add_controller(cf, "kg-co", "ОсОО «Тест»", ("KG",))
    fr = add_controller(cf, "fr-co", "Société Test", ("FR",))
    kg_case = add_case(
        cf, kg, name="Айбек Токтогулов", email="aibek@example.kg", received=date(2026, 2, 27)
    )  # KG access: one week -> 2026-03-06
    fr_case = add_case(
        cf,
        fr,
        name="Léa Moreau",
        email="lea@example.fr",
        phone="+33 6 12",
        received=date(2026, 2, 10),
        kinds=(RequestKind.ERASURE,),
    )  # a month -> 03-10, +2 months if extended
    extended = add_case(cf, fr, name="Julien Dubois", received=date(2026, 2, 2))
    cf.cases.add_clock_event(extended.id, ClockEventKind.EXTENSION_NOTICE_SENT, date(2026, 2, 20))
    done = add_case(cf, kg, name="Closed Person", received=date(2026, 2, 26))
    answer(cf, done.id, date(2026, 2, 27))
    cf.cases.set_status(done.id, CaseStatus.CLOSED, on=date(2026, 2, 28))

    out = tmp_path / "deadlines.ics"
    result = export_calendar(cf, out, TODAY)
    assert result.cases == 3 and result.format == "ics"
    events = events_of(out)
    fid = cf.file_id
    due = events[f"{fid}-case{kg_case.id}-due@dpo-desk"]
    assert due["start"] == date(2026, 3, 6) and due["end"] == date(2026, 3, 7)
    assert due["summary"] == f"Due: DSR {kg_case.reference} · ОсОО «Тест»"
    assert "No names or contact details" in due["description"]
    assert f"{fid}-case{kg_case.id}-extension-notice@dpo-desk" not in events  # KG: no extension
    fr_due = events[f"{fid}-case{fr_case.id}-due@dpo-desk"]
    notice = events[f"{fid}-case{fr_case.id}-extension-notice@dpo-desk"]
    assert fr_due["start"] == date(2026, 3, 10) and notice["start"] == date(2026, 3, 10)
    assert notice["summary"].startswith("Extension notice by: DSR")
    ext = events[f"{fid}-case{extended.id}-due@dpo-desk"]
    assert ext["start"] == date(2026, 5, 4)  # 2 Feb + 3 months, rolled past the weekend
    assert "extended" in ext["description"]
    assert f"{fid}-case{extended.id}-extension-notice@dpo-desk" not in events
    # a case closed before its due date is cancelled, so a re-import removes its entry
    assert events[f"{fid}-case{done.id}-due@dpo-desk"]["status"] == "CANCELLED"
    assert all(e["end"] - e["start"] == timedelta(days=1) for e in events.values())

    raw = out.read_bytes()
    for secret in (
        "Айбек",
        "Токтогулов",
        "aibek",
        "Léa",
        "Moreau",
        "lea@example.fr",
        "Julien",
        "Dubois",
        "Closed Person",
        "+33",
    ):
        assert secret.encode("utf-8") not in raw, secret


def test_uids_are_stable_and_sequence_grows(demo_cf, tmp_path: Path) -> None:
    first = export_calendar(demo_cf, tmp_path / "a.ics", TODAY)
    second = export_calendar(demo_cf, tmp_path / "b.ics", TODAY)
    a, b = events_of(tmp_path / "a.ics"), events_of(tmp_path / "b.ics")
    assert a.keys() == b.keys() and len(a) >= first.cases
    assert all(a[uid]["start"] == b[uid]["start"] for uid in a)
    assert all(b[uid]["sequence"] > a[uid]["sequence"] for uid in a)
    assert second.anchor.seq > first.anchor.seq
    feed = calendar_events(demo_cf, TODAY)
    names = {row.subject_name for row in demo_cf.cases.list()}
    raw = (tmp_path / "b.ics").read_bytes()
    assert not [n for n in names if n.encode("utf-8") in raw]
    assert {e.case_id for e in feed.events if not e.cancelled} <= {
        r.id
        for r in demo_cf.cases.list()
        if r.status in ("received", "awaiting_identity", "in_progress")
    }
