"""Calendar export (.ics): open cases' governing due dates and extension-notice dates.

Calendars sync to cloud services, so an event names the case reference and the controller only
— never the data subject — and its description says so. Events are all-day; a UID is stable per
case file, case and kind of date, and ``SEQUENCE`` is the audit chain's head, so importing a
newer export updates the events in place. Cases closed since, whose due date is still ahead,
come as cancelled events so their entries disappear on re-import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from dpo_desk.casefile.audit import Anchor
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.core.deadlines import kind_label
from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import Case

from .common import (
    Cancel,
    DeadlineSource,
    ExportResult,
    Progress,
    Ticker,
    finish_export,
    format_for,
)

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

PRODID = "-//DPO Desk//Request deadlines//EN"
PRIVACY_NOTE = (
    "No names or contact details are in this calendar, because calendars sync to cloud "
    "services: open the case in DPO Desk for the details."
)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    kind: str  # "due" | "extension-notice"
    case_id: int
    reference: str
    controller: str  # the controller's name
    day: date
    summary: str
    description: str
    cancelled: bool = False


@dataclass(frozen=True)
class CalendarFeed:
    events: tuple[CalendarEvent, ...]
    open_cases: int
    generated_at: str
    anchor: Anchor | None


def event_uid(file_id: str, case_id: int, kind: str) -> str:
    return f"{file_id}-case{case_id}-{kind}@dpo-desk"


def calendar_events(
    cf: CaseFile,
    today: date,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> CalendarFeed:
    """The events of every open case (and cancellations for cases closed before their due date)."""
    open_rows = cf.cases.list(CaseQuery(view="open", order_by="received", descending=False))
    closed_rows = [
        r
        for r in cf.cases.list(CaseQuery(view="closed"))
        if r.due_on is not None and r.due_on >= today
    ]
    anchor = cf.head()
    source = DeadlineSource(cf, today)
    ticker = Ticker(len(open_rows), progress, cancel)
    events: list[CalendarEvent] = []
    for done, row in enumerate(open_rows, 1):
        events.extend(_case_events(cf.file_id, cf.cases.get(row.id), row.due_on, source))
        ticker.step(done)
    for row in closed_rows:
        for kind in ("due", "extension-notice"):
            events.append(
                CalendarEvent(
                    uid=event_uid(cf.file_id, row.id, kind),
                    kind=kind,
                    case_id=row.id,
                    reference=row.reference,
                    controller=row.controller_name,
                    day=row.due_on or today,
                    summary=f"Closed: DSR {row.reference} · {row.controller_name}",
                    description=f"Case {row.reference} is closed; this date no longer applies. "
                    + PRIVACY_NOTE,
                    cancelled=True,
                )
            )
    return CalendarFeed(tuple(events), len(open_rows), cf.clock().isoformat(), anchor)


def _case_events(
    file_id: str, case: Case, stored_due: date | None, source: DeadlineSource
) -> list[CalendarEvent]:
    assert case.id is not None
    controller = source.controller(case).name
    kinds = ", ".join(kind_label(k) for k in case.kinds)
    head = f"DSR {case.reference} · {controller}"
    try:
        governing = source.for_case(case).governing
    except KnownError:
        governing = None
        if stored_due is None:
            return []
    if governing is None and stored_due is None:
        return []
    if governing is None:
        assert stored_due is not None
        due, rule = stored_due, "the due date stored in the case file"
    else:
        due = governing.due
        rule = (
            f"{governing.jurisdiction}, {kind_label(governing.kind)}: {governing.target} "
            f"({governing.period_text}; {governing.citation})"
        )
        if governing.extended:
            rule += ", extended"
    events = [
        CalendarEvent(
            uid=event_uid(file_id, case.id, "due"),
            kind="due",
            case_id=case.id,
            reference=case.reference,
            controller=controller,
            day=due,
            summary=f"Due: {head}",
            description=f"Governing deadline of case {case.reference} at {controller} "
            f"(requests: {kinds}) — {rule}. {PRIVACY_NOTE}",
        )
    ]
    notice_by = governing.extension_notice_by if governing else None
    if governing is not None and notice_by is not None and not governing.extended:
        events.append(
            CalendarEvent(
                uid=event_uid(file_id, case.id, "extension-notice"),
                kind="extension-notice",
                case_id=case.id,
                reference=case.reference,
                controller=controller,
                day=notice_by,
                summary=f"Extension notice by: {head}",
                description=f"Last day to send the reasoned extension notice for case "
                f"{case.reference} at {controller}; without it the case is due on "
                f"{due.isoformat()} ({governing.citation}). {PRIVACY_NOTE}",
            )
        )
    return events


def calendar_ics(feed: CalendarFeed) -> bytes:
    """The feed as an iCalendar file (all-day events, ``METHOD:PUBLISH``)."""
    from icalendar import Calendar, Event

    dtstamp = datetime.fromisoformat(feed.generated_at).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "DPO Desk deadlines")
    cal.add(
        "x-wr-caldesc",
        "Due dates and extension-notice dates of open data-subject requests. " + PRIVACY_NOTE,
    )
    sequence = feed.anchor.seq if feed.anchor else 0
    for e in feed.events:
        event = Event()
        event.add("uid", e.uid)
        event.add("dtstamp", dtstamp)
        event.add("dtstart", e.day)
        event.add("dtend", e.day + timedelta(days=1))
        event.add("summary", e.summary)
        event.add("description", e.description)
        event.add("categories", ["DPO Desk"])
        event.add("class", "PRIVATE")
        event.add("transp", "TRANSPARENT")
        event.add("sequence", sequence)
        event.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()


def export_calendar(
    cf: CaseFile,
    path: Path | str,
    today: date,
    *,
    fmt: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write the .ics calendar of open deadlines."""
    chosen = format_for(path, "ics", fmt)
    feed = calendar_events(cf, today, progress=progress, cancel=cancel)
    return finish_export(
        cf,
        kind="ics",
        fmt=chosen,
        path=Path(path),
        data=calendar_ics(feed),
        case_id=None,
        cases=feed.open_cases,
        pseudonymised=True,
        anchor=feed.anchor,
        cancel=cancel,
    )
