"""Export commands: case summaries, the register, statistics and the calendar.

``dpo-desk --file F export summary CASE_ID -o OUT.pdf|OUT.json [--pseudonymise]``
``dpo-desk --file F export register -o OUT.csv|OUT.xlsx|OUT.json [--from D] [--to D]
[--controller SLUG] [--pseudonymise]``
``dpo-desk --file F export stats -o OUT.pdf|OUT.json [--year Y] [--controller SLUG]``
``dpo-desk --file F export ics -o OUT.ics``

The format comes from the output file's extension. ``--json`` prints
``{"path", "format", "kind", "cases", "pseudonymised", "anchor", "size"}``. The report services
are imported only when an export runs, so other commands do not pay for reportlab.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .casefile_cmds import parse_date
from .context import CliContext

#: Exports of more cases than this show progress on an interactive terminal.
PROGRESS_THRESHOLD = 200


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export", help="write case summaries, the register, statistics or a calendar"
    )
    esub = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)

    p = esub.add_parser("summary", help="a case summary for a regulator, court or successor")
    p.add_argument("case", metavar="CASE_ID", help="case id or reference")
    _output(p, ".pdf or .json")
    p.add_argument(
        "--pseudonymise",
        action="store_true",
        help="replace the subject's name and contacts by a pseudonym",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_summary)

    p = esub.add_parser("register", help="the register of requests for a period")
    _output(p, ".csv, .xlsx or .json")
    p.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="received on or after this date"
    )
    p.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="received on or before this date"
    )
    p.add_argument(
        "--controller",
        action="append",
        default=[],
        metavar="SLUG",
        help="only this controller (repeat for several)",
    )
    p.add_argument(
        "--pseudonymise",
        action="store_true",
        help="replace subjects' names and contacts by pseudonyms",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_register)

    p = esub.add_parser("stats", help="statistics for a year, with charts")
    _output(p, ".pdf or .json")
    p.add_argument("--year", type=int, help="the year (default: this year)")
    p.add_argument(
        "--controller",
        action="append",
        default=[],
        metavar="SLUG",
        help="only this controller (repeat for several)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_stats)

    # --- issue 22: the breach register (its own export, not columns of the request register)
    p = esub.add_parser("breaches", help="the breach register with its clocks and notices")
    _output(p, ".csv, .xlsx or .json")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_breaches)
    # --- end issue 22

    p = esub.add_parser("ics", help="open deadlines as an .ics calendar (no names)")
    _output(p, ".ics")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_ics)

    # --- issue 16 (letters): the Russian journal of requests ---
    p = esub.add_parser(
        "journal", help="the journal of requests (журнал учёта обращений), for print"
    )
    _output(p, ".pdf, .xlsx or .csv")
    p.add_argument("--controller", default=None, metavar="SLUG", help="only this controller")
    p.add_argument("--year", type=int, default=None, help="only requests received in this year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_journal)


def _output(p: argparse.ArgumentParser, formats: str) -> None:
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help=f"the file to write ({formats}; the format follows the extension)",
    )


class TerminalProgress:
    """A one-line progress counter on an interactive stderr, for large exports only."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.active = bool(getattr(stream, "isatty", lambda: False)())
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total <= PROGRESS_THRESHOLD:
            return
        self.stream.write(f"\r{self.label}: {done}/{total} cases")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _report(ctx: CliContext, result: Any, what: str) -> int:
    data = result.to_dict()
    text = (
        f"Wrote {what} ({data['cases']} case{'s' if data['cases'] != 1 else ''}) to {data['path']}"
    )
    if data["anchor"]:
        text += (
            f"\nAudit anchor in the export: {data['anchor']} "
            f"(check it later with: dpo-desk audit verify --anchor {data['anchor']})"
        )
    ctx.emit(data, text)
    return 0


def _target(args: argparse.Namespace, kind: str) -> tuple[Path, str]:
    from dpo_desk.reports import format_for

    path = Path(args.output).expanduser()
    return path, format_for(path, kind)


def cmd_export_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.reports import export_case_summary

    path, fmt = _target(args, "summary")
    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    result = export_case_summary(
        cf, case.id, path, ctx.today(), fmt=fmt, pseudonymise=args.pseudonymise
    )
    return _report(ctx, result, f"the {fmt.upper()} summary of case {case.reference}")


def cmd_export_register(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.reports import export_register

    path, fmt = _target(args, "register")
    date_from = parse_date(args.date_from, "--from")
    date_to = parse_date(args.date_to, "--to")
    cf = ctx.casefile()
    progress = TerminalProgress(ctx.stderr, "Register")
    try:
        result = export_register(
            cf,
            path,
            ctx.today(),
            fmt=fmt,
            received_from=date_from,
            received_to=date_to,
            controllers=args.controller,
            pseudonymise=args.pseudonymise,
            progress=progress,
        )
    finally:
        progress.finish()
    return _report(ctx, result, f"the {fmt.upper()} register")


def cmd_export_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.reports import export_statistics

    path, fmt = _target(args, "stats")
    cf = ctx.casefile()
    progress = TerminalProgress(ctx.stderr, "Statistics")
    try:
        result = export_statistics(
            cf,
            path,
            ctx.today(),
            fmt=fmt,
            year=args.year,
            controllers=args.controller,
            progress=progress,
        )
    finally:
        progress.finish()
    year = args.year or ctx.today().year
    return _report(ctx, result, f"the {year} statistics")


def cmd_export_ics(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.reports import export_calendar

    path, fmt = _target(args, "ics")
    cf = ctx.casefile()
    progress = TerminalProgress(ctx.stderr, "Calendar")
    try:
        result = export_calendar(cf, path, ctx.today(), fmt=fmt, progress=progress)
    finally:
        progress.finish()
    return _report(ctx, result, "the calendar of open deadlines")


# --- issue 22: the breach register ----------------------------------------------------------------
def cmd_export_breaches(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.breaches import export_breaches

    from .breach_cmds import now_of

    result = export_breaches(ctx.casefile(), Path(args.output).expanduser(), now_of(ctx))
    data = result.to_dict()
    data["breaches"] = data["cases"]
    ctx.emit(
        data, f"Wrote the {result.format.upper()} breach register ({result.cases}) to {result.path}"
    )
    return 0


def cmd_export_journal(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.reports.journal import export_journal

    cf = ctx.casefile()
    result = export_journal(
        cf, Path(args.output).expanduser(), controller=args.controller, year=args.year
    )
    return _report(ctx, result, f"the {result.format.upper()} journal of requests")
