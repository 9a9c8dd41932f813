"""Breach commands: log personal-data breaches, see their legal clocks, write their notices.

``dpo-desk breach add --controller SLUG --discovered ISO_DATETIME --description TEXT
[--subjects N] --json`` prints ``{id, reference, deadlines: [{step, to, authority, due,
citation, note, ...}]}``; ``breach list|show|update|close|link|notice|sent`` (each with
``--json``). ``--discovered`` takes an offset (``2026-03-02T14:30+03:00``) or a wall-clock time
with ``--tz Europe/Moscow``. The clock is the system's; ``DPO_DESK_NOW`` (ISO with offset) fixes
it, and ``DPO_DESK_TODAY`` fixes it to the end of that day (UTC) for tests and what-if runs.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from dpo_desk.core.errors import InvalidInput

from .context import CliContext

RISKS = ("unassessed", "none", "risk", "high")
STATUSES = ("open", "contained", "closed")
CHANNELS = ("online_form", "email", "registered_post", "post", "hand_delivery", "other")


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("breach", help="personal-data breaches: the register, clocks and notices")
    bsub = b.add_subparsers(dest="breach_command", metavar="ACTION", required=True)

    p = bsub.add_parser("add", help="log a breach and show its clocks")
    p.add_argument("--controller", required=True, metavar="SLUG")
    p.add_argument(
        "--discovered",
        required=True,
        metavar="ISO_DATETIME",
        help="when it was discovered, e.g. 2026-03-02T14:30+03:00 (or without offset, with --tz)",
    )
    p.add_argument("--tz", metavar="ZONE", help="time zone of --discovered, e.g. Europe/Paris")
    p.add_argument("--description", required=True, metavar="TEXT")
    _facts(p)
    p.add_argument("--case", action="append", default=[], metavar="CASE", help="link a case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_add)

    p = bsub.add_parser("list", help="list breaches, the most urgent first")
    p.add_argument("--status", choices=("active", "all", *STATUSES), default="all")
    p.add_argument("--controller", metavar="SLUG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = bsub.add_parser("show", help="show a breach, its clocks and notices")
    p.add_argument("breach", metavar="REF", help="reference (B-2026-0001) or id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = bsub.add_parser("update", help="change a breach's facts")
    p.add_argument("breach", metavar="REF")
    p.add_argument("--description", metavar="TEXT")
    p.add_argument("--discovered", metavar="ISO_DATETIME")
    p.add_argument("--tz", metavar="ZONE")
    _facts(p, update=True)
    p.add_argument("--investigation", metavar="TEXT", help="results of the internal investigation")
    p.add_argument("--responsible", metavar="TEXT", help="persons whose actions caused it")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_update)

    p = bsub.add_parser("close", help="close a breach (refused while a notice is owed)")
    p.add_argument("breach", metavar="REF")
    p.add_argument("--outcome", default="", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_close)

    p = bsub.add_parser("link", help="link a case (a request the breach produced)")
    p.add_argument("breach", metavar="REF")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_link)

    p = bsub.add_parser("notice", help="write a notice to the authority or the data subjects")
    p.add_argument("breach", metavar="REF")
    p.add_argument("--to", required=True, choices=("authority", "subjects"))
    p.add_argument(
        "--authority",
        metavar="CODE",
        help="which regime's authority, e.g. RKN, CNIL, ICO, KZ-MAIDD, KG-DPA",
    )
    p.add_argument(
        "--step",
        choices=("first_notice", "investigation_results", "subjects_notice"),
        help="which duty (default: the first one not yet met)",
    )
    p.add_argument("--lang", required=True, metavar="L", help="ru, fr or en")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--signatory", default="", metavar="NAME")
    p.add_argument(
        "--finalise", action="store_true", help="make it final: immutable, hashed, in the register"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_notice)

    p = bsub.add_parser("sent", help="record when a finalised notice went out")
    p.add_argument("notice", type=int, metavar="NOTICE_ID")
    p.add_argument("--at", required=True, metavar="ISO_DATETIME")
    p.add_argument("--tz", metavar="ZONE")
    p.add_argument("--channel", required=True, choices=CHANNELS)
    p.add_argument("--ref", default="", help="the authority's acknowledgement or post number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sent)


def _facts(p: argparse.ArgumentParser, update: bool = False) -> None:
    p.add_argument("--subjects", metavar="N", help="approximate number of data subjects")
    p.add_argument("--records", metavar="N", help="approximate number of records")
    p.add_argument("--occurred", metavar="ISO_DATETIME", help="when the breach began")
    rep = "(repeat)" if not update else "(repeat; replaces the list)"
    p.add_argument("--data-category", action="append", metavar="TEXT", help=f"data category {rep}")
    p.add_argument(
        "--subject-category", action="append", metavar="TEXT", help=f"category of people {rep}"
    )
    p.add_argument("--processor", action="append", metavar="NAME", help=f"processor involved {rep}")
    p.add_argument("--consequences", metavar="TEXT", help="likely consequences")
    p.add_argument("--measures", metavar="TEXT", help="measures taken or proposed")
    p.add_argument("--causes", metavar="TEXT", help="presumed causes")
    p.add_argument("--contact", metavar="TEXT", help="who deals with the authority about it")
    p.add_argument("--risk", choices=RISKS, help="risk to people's rights and freedoms")


def now_of(ctx: CliContext) -> datetime:
    fixed = os.environ.get("DPO_DESK_NOW")
    if fixed:
        try:
            value = datetime.fromisoformat(fixed)
        except ValueError:
            raise InvalidInput("DPO_DESK_NOW must be an ISO date-time with offset.") from None
        if value.tzinfo is None:
            raise InvalidInput("DPO_DESK_NOW needs a UTC offset.")
        return value
    if os.environ.get("DPO_DESK_TODAY"):
        return datetime.combine(ctx.today(), time(23, 59), tzinfo=UTC)
    return datetime.now(UTC)


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    pairs = {
        "subjects": args.subjects,
        "records": args.records,
        "occurred": args.occurred,
        "data_categories": args.data_category,
        "subject_categories": args.subject_category,
        "processors": args.processor,
        "consequences": args.consequences,
        "measures": args.measures,
        "causes": args.causes,
        "contact": args.contact,
        "risk": args.risk,
    }
    return {k: v for k, v in pairs.items() if v is not None}


def _clock_lines(view: Any) -> list[str]:
    from dpo_desk.services.breaches import authority_name

    lines = []
    for c in view.clocks:
        d = c.deadline
        who = authority_name(d.authority) if d.authority else "the data subjects"
        due = d.due.strftime("%Y-%m-%d %H:%M %z") if d.due else "no fixed period"
        flag = " [needs legal review]" if d.needs_legal_review else ""
        lines.append(f"  {d.regime:8} {d.step:22} {due:24} {c.text:16} to {who}{flag}")
        lines.append(f"           {d.citation}")
        if d.due is None or d.needs_legal_review:
            lines.append(f"           {d.note}")
    return lines


def _text(view: Any) -> str:
    b = view.breach
    head = (
        f"{b.reference}  {view.controller.slug}  discovered "
        f"{b.discovered_local.strftime('%Y-%m-%d %H:%M %z')}  {b.status}  risk {b.risk}"
    )
    lines = [head, f"  {b.description}"]
    if view.cases:
        lines.append(f"  linked cases: {', '.join(view.cases)}")
    lines.append("Clocks:")
    lines += _clock_lines(view)
    if view.notices:
        lines.append("Notices:")
        for n in view.notices:
            sent = f"sent {n.sent_at.isoformat()} by {n.channel}" if n.sent_at else "not sent"
            lines.append(
                f"  #{n.id} {n.regime} {n.step} to {n.recipient} ({n.language}) {n.status}, {sent}"
            )
    lines += [f"Note: {w}" for w in view.warnings]
    return "\n".join(lines)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import log_breach

    view = log_breach(
        ctx.casefile(),
        controller=args.controller,
        discovered=args.discovered,
        timezone=args.tz,
        description=args.description,
        now=now_of(ctx),
        cases=args.case,
        **_changes(args),
    )
    ctx.emit(view.contract(), _text(view))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import list_breaches

    views = list_breaches(
        ctx.casefile(), now_of(ctx), status=args.status, controller=args.controller
    )
    lines = []
    for v in views:
        nxt = v.next
        when = nxt.deadline.due.strftime("%Y-%m-%d %H:%M %z") if nxt and nxt.deadline.due else "-"
        what = (
            f"{nxt.deadline.regime} {nxt.deadline.step} ({nxt.text})" if nxt else "no running clock"
        )
        lines.append(
            f"{v.breach.reference}  {v.controller.slug:14} {v.breach.status:9} {when:24} {what}"
        )
    ctx.emit(
        {"breaches": [v.to_dict() for v in views]},
        "\n".join(lines) if lines else "No breach is logged.",
    )
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import show_breach

    view = show_breach(ctx.casefile(), args.breach, now_of(ctx))
    ctx.emit(view.to_dict(), _text(view))
    return 0


def cmd_update(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import update_breach

    changes = _changes(args)
    for name in ("description", "discovered", "investigation", "responsible", "status"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    if args.tz:
        changes["timezone"] = args.tz
    if not changes:
        raise InvalidInput("Nothing to change: give at least one option, e.g. --measures TEXT.")
    view = update_breach(ctx.casefile(), args.breach, now_of(ctx), **changes)
    ctx.emit(view.to_dict(), _text(view))
    return 0


def cmd_close(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import close_breach

    view = close_breach(ctx.casefile(), args.breach, now_of(ctx), outcome=args.outcome)
    ctx.emit(view.to_dict(), f"Breach {view.breach.reference} is closed.")
    return 0


def cmd_link(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import link_case

    view = link_case(ctx.casefile(), args.breach, args.case, now_of(ctx))
    ctx.emit(view.to_dict(), f"Breach {view.breach.reference} linked to {', '.join(view.cases)}.")
    return 0


def cmd_notice(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import make_notice

    now = now_of(ctx)
    result = make_notice(
        ctx.casefile(),
        args.breach,
        to=args.to,
        authority=args.authority,
        step=args.step,
        language=args.lang,
        today=now.date() if os.environ.get("DPO_DESK_NOW") else ctx.today(),
        finalise=args.finalise,
        signatory=args.signatory,
        now=now,
        output=Path(args.output),
    )
    path = Path(args.output).expanduser()
    data = {**result.to_dict(), "path": str(path)}
    state = "final" if result.notice.status == "final" else "draft"
    what = {
        "first_notice": "first notice to the authority",
        "investigation_results": "investigation results notice",
        "subjects_notice": "notice to the data subjects",
    }.get(result.deadline.step, result.deadline.step)
    text = f"Wrote the {state} {what} #{result.notice.id} to {path}"
    if data["needs_legal_review"]:
        text += "\nThis text is marked for legal review: have it read before it goes out."
    ctx.emit(data, text)
    return 0


def cmd_sent(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import record_notice_sent

    record = record_notice_sent(
        ctx.casefile(),
        args.notice,
        at=args.at,
        channel=args.channel,
        sent_ref=args.ref,
        timezone=args.tz,
        now=now_of(ctx),
    )
    ctx.emit(record.to_dict(), f"Notice #{record.id} recorded as sent {record.sent_at}.")
    return 0
