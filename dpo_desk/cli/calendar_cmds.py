"""``dpo-desk calendar``: acts that give some employers extra days off, applied per controller.

dpo-desk calendar suggestions --jurisdiction KG [--year Y] [--controller SLUG] [--json]
dpo-desk calendar apply SUGGESTION_ID --controller SLUG [--json]
dpo-desk calendar withdraw SUGGESTION_ID --controller SLUG [--json]

``suggestions`` needs no case file unless ``--controller`` asks whether that controller took
each one. The rules (which controller may take which suggestion, what applying stores) are in
:mod:`dpo_desk.services.calendars`.
"""

from __future__ import annotations

import argparse

from dpo_desk.core.errors import InvalidInput
from dpo_desk.services import calendars as service

from .context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "calendar",
        help="suggested calendar overrides (e.g. Kyrgyz Cabinet resolutions), per controller",
        description=(
            "Acts that give state bodies extra days off and only recommend them to private "
            "employers: list them, and apply one to a controller that followed it."
        ),
    )
    csub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)

    q = csub.add_parser("suggestions", help="list the suggestions for a jurisdiction")
    q.add_argument("--jurisdiction", "-j", required=True, metavar="J", help="e.g. KG")
    q.add_argument("--year", metavar="Y", help="only suggestions touching this year")
    q.add_argument(
        "--controller", metavar="SLUG", help="also say whether this controller applied each one"
    )
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(handler=cmd_suggestions)

    for name, text, handler in (
        ("apply", "apply a suggestion to one controller's calendar", cmd_apply),
        ("withdraw", "remove what a suggestion gave one controller", cmd_withdraw),
    ):
        a = csub.add_parser(name, help=text)
        a.add_argument("suggestion", metavar="SUGGESTION_ID", help="e.g. KG-2026-01-835")
        a.add_argument("--controller", required=True, metavar="SLUG", help="the controller")
        a.add_argument("--json", action="store_true", help="print JSON")
        a.set_defaults(handler=handler)


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    raise InvalidInput(f"--year: {value!r} is not a year; write it as YYYY.")


def _describe(view: service.SuggestionView) -> str:
    s = view.suggestion
    days = ", ".join(f"{d.day.isoformat()} ({d.kind})" for d in s.days)
    state = ""
    if view.controller:
        state = f" [{'applied' if view.applied else 'not applied'} for {view.controller}]"
    review = "; needs legal review" if s.needs_legal_review else ""
    return (
        f"{s.id}: {s.title}{state}\n"
        f"  Act:        {s.act}\n"
        f"  Days:       {days}\n"
        f"  Binds:      {s.applies_to}\n"
        f"  Private:    {s.private_employers} (confidence {s.confidence}{review})\n"
        f"  Source:     {s.source}"
    )


def cmd_suggestions(args: argparse.Namespace, ctx: CliContext) -> int:
    year = _year(args.year)
    cf = ctx.casefile() if args.controller else None
    views = service.list_suggestions(args.jurisdiction, year, cf, args.controller)
    text = "\n".join(_describe(v) for v in views) or "No calendar suggestions."
    ctx.emit([v.to_dict() for v in views], text)
    return 0


def _result_text(result: service.ApplyResult, verb: str) -> str:
    s = result.suggestion
    if not result.changed:
        state = "already applied to" if result.applied else "was not applied to"
        return f"{s.id} {state} {result.controller}; nothing changed."
    line = f"{s.id} {verb} {result.controller}: {', '.join(d.day.isoformat() for d in s.days)}."
    if result.applied and s.needs_legal_review:
        line += (
            f"\nNote: for a private employer the act is {s.private_employers} (needs legal review)."
        )
    return line + "\nDue dates of the controller's open cases were recomputed."


def cmd_apply(args: argparse.Namespace, ctx: CliContext) -> int:
    result = service.apply_suggestion(ctx.casefile(), args.controller, args.suggestion)
    ctx.emit(result.to_dict(), _result_text(result, "applied to"))
    return 0


def cmd_withdraw(args: argparse.Namespace, ctx: CliContext) -> int:
    result = service.withdraw_suggestion(ctx.casefile(), args.controller, args.suggestion)
    ctx.emit(result.to_dict(), _result_text(result, "withdrawn from"))
    return 0
