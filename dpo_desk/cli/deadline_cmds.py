"""``dpo-desk deadline``: compute one statutory deadline, headless, without a case file.

dpo-desk deadline --jurisdiction J --kind K --received YYYY-MM-DD [--extended]
    [--id-requested D --id-received D] [--clarification-requested D
    --clarification-received D] [--fee-requested D --fee-paid D]
    [--extension-notice-sent D] [--calendar CODE] [--today D|today] [--json]
"""

from __future__ import annotations

import argparse
import re
from datetime import date

from dpo_desk.core.calendars import split_calendar_code
from dpo_desk.core.deadlines import (
    Deadline,
    DeadlineStatus,
    compute_deadline,
    deadline_status,
    kind_label,
)
from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import ClockEvent, ClockEventKind
from dpo_desk.core.rules import default_rulebook, describe_period

from .context import CliContext

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: (option, argparse dest, event kind, help)
_EVENT_OPTIONS: tuple[tuple[str, str, ClockEventKind, str], ...] = (
    (
        "--id-requested",
        "id_requested",
        ClockEventKind.IDENTITY_REQUESTED,
        "identity information was requested on this date",
    ),
    (
        "--id-received",
        "id_received",
        ClockEventKind.IDENTITY_RECEIVED,
        "the requested identity information arrived on this date",
    ),
    (
        "--clarification-requested",
        "clarification_requested",
        ClockEventKind.CLARIFICATION_REQUESTED,
        "clarification of the request was asked for",
    ),
    (
        "--clarification-received",
        "clarification_received",
        ClockEventKind.CLARIFICATION_RECEIVED,
        "the clarification arrived",
    ),
    ("--fee-requested", "fee_requested", ClockEventKind.FEE_REQUESTED, "a fee was asked for"),
    ("--fee-paid", "fee_paid", ClockEventKind.FEE_PAID, "the fee was paid"),
    (
        "--extension-notice-sent",
        "extension_notice_sent",
        ClockEventKind.EXTENSION_NOTICE_SENT,
        "the extension notice with reasons went out (checked against its deadline)",
    ),
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "deadline",
        help="compute the deadline for one request (no case file needed)",
        description=(
            "Compute the due date of a data-subject request under one jurisdiction's rule, "
            "with pauses and extension. Dates are YYYY-MM-DD."
        ),
    )
    p.add_argument(
        "--jurisdiction",
        "-j",
        required=True,
        metavar="J",
        help="EU, FR, UK-ENG, UK-SCT, UK-WLS, UK-NIR, RU, KZ, KG, US-CA or BR",
    )
    p.add_argument(
        "--kind",
        "-k",
        required=True,
        metavar="K",
        help="request kind, e.g. access, erasure, consent_withdrawal",
    )
    p.add_argument(
        "--received", required=True, metavar="YYYY-MM-DD", help="the day the request was received"
    )
    p.add_argument(
        "--extended",
        action="store_true",
        help="report the extended due date (refused where the rule allows none)",
    )
    for option, dest, _kind, text in _EVENT_OPTIONS:
        p.add_argument(option, dest=dest, metavar="YYYY-MM-DD", help=text)
    p.add_argument(
        "--calendar",
        metavar="CODE",
        help="another holidays calendar for the jurisdiction, e.g. DE for an EU member "
        "state or FR-57 for Alsace-Moselle",
    )
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="show the status and days left on this day ('today' for the current "
        "date); an open pause is counted up to it",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_deadline)


def _date(value: str, option: str) -> date:
    text = value.strip()
    if _ISO.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidInput(f"{option}: {value!r} is not a valid date; write it as YYYY-MM-DD.")


def cmd_deadline(args: argparse.Namespace, ctx: CliContext) -> int:
    received = _date(args.received, "--received")
    events = [
        ClockEvent(kind, _date(getattr(args, dest), option))
        for option, dest, kind, _text in _EVENT_OPTIONS
        if getattr(args, dest)
    ]
    today = None
    if args.today:
        today = (
            ctx.today() if args.today.strip().lower() == "today" else _date(args.today, "--today")
        )
    book = default_rulebook()
    if args.calendar:
        country, subdiv = split_calendar_code(args.calendar)
        book = book.with_calendar(args.jurisdiction, country, subdiv)
    deadline = compute_deadline(
        args.jurisdiction,
        args.kind,
        received,
        events,
        extended=True if args.extended else None,
        rulebook=book,
        today=today,
    )
    data = deadline.to_dict()
    status = None
    if today is not None:
        status = deadline_status(deadline, today)
        data["today"] = today.isoformat()
        data["status"] = status.to_dict()
    ctx.emit(data, render_text(deadline, status, today))
    return 0


def _day(d: date) -> str:
    return f"{d.isoformat()} ({d.strftime('%a')})"


def render_text(deadline: Deadline, status: DeadlineStatus | None, today: date | None) -> str:
    """The plain-text answer for a human at a terminal."""
    d = deadline
    rows: list[tuple[str, str]] = [
        ("Rule", f"{d.rule_id}: {d.period_text}"),
        ("Citation", d.citation),
        ("Received", _day(d.received)),
        ("Clock starts", d.clock_start),
    ]
    if d.clock_started != d.received:
        rows.append(("Clock started", _day(d.clock_started)))
    rows.append(("Due (extended)" if d.extended else "Due", _day(d.due)))
    if d.safe_date != d.due:
        rows.append(("Safe date", f"{_day(d.safe_date)}, before the holiday roll-forward"))
        if d.roll_forward_citation:
            rows.append(("Roll-forward", d.roll_forward_citation))
    if d.extended_due is not None and d.extension_notice_by is not None:
        extra = describe_period(d.extension, d.unit)
        if not d.extended:
            rows.append(("If extended", f"{_day(d.extended_due)} (+{extra})"))
        rows.append(("Extension notice", f"by {_day(d.extension_notice_by)}"))
    else:
        rows.append(("Extension", "none allowed"))
    if d.acknowledge_by is not None:
        rows.append(("Acknowledge by", _day(d.acknowledge_by)))
    rows.append(("Pauses", f"{d.pause_model}; {d.paused_days} day(s) paused"))
    rows.append(("Calendar", d.calendar))
    if d.in_force_from is not None or d.in_force_until is not None:
        span = f"from {d.in_force_from.isoformat()}" if d.in_force_from else ""
        if d.in_force_until:
            span = f"{span} to {d.in_force_until.isoformat()}".strip()
        rows.append(
            ("Rule in force", f"{span} ({d.in_force_citation})" if d.in_force_citation else span)
        )
    rows.append(("Confidence", d.confidence))
    if status is not None and today is not None:
        rows.append(("Status", f"on {today.isoformat()}: {status.text}"))
    width = max(len(label) for label, _ in rows)
    title = f"{d.jurisdiction}: right to {kind_label(d.kind)} - {d.target} deadline"
    lines = [title, *(f"  {label.ljust(width)}  {value}" for label, value in rows)]
    if d.warnings:
        lines.append("Warnings:")
        lines.extend(f"  - {w}" for w in d.warnings)
    return "\n".join(lines)
