"""``dpo-desk check``: is the case file sound, its audit trail whole, its backup recent?

Runs the checks of :mod:`dpo_desk.casefile.health` on the case file (``--file`` or the default)
and prints them in plain words, or as JSON with stable keys under ``--json``. Exit code 0 when
all is well, 1 when a problem is found (with ``--strict``: also when a warning is), 2 when the
file cannot be opened at all (wrong key, locked by another DPO Desk, missing).
"""

from __future__ import annotations

import argparse
import dataclasses

from dpo_desk.casefile.audit import Anchor
from dpo_desk.casefile.health import OK, WARNING, Finding, HealthReport, run_checks
from dpo_desk.core.errors import InvalidInput
from dpo_desk.hardening import current_report

from .context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check the case file: integrity, audit trail and its anchor, key, lock, backup",
    )
    p.add_argument(
        "--anchor",
        metavar="SEQ:HASH",
        help="check the audit trail against this anchor (from a backup or an exported summary) "
        "instead of the one kept in the keyring",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too (no recent backup, …)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    anchor = None
    if args.anchor:
        anchor = Anchor.parse(args.anchor)
        if anchor is None:
            raise InvalidInput("--anchor takes SEQ:HASH, e.g. 42:3f9a… (64 hex digits).")
    report = with_process(run_checks(ctx.casefile(), anchor=anchor))
    report = with_breaches(report, ctx)  # issue 22
    ctx.emit(report.to_dict(), report.text())
    return report.exit_code(strict=args.strict)


def with_process(report: HealthReport) -> HealthReport:
    """Add this process's hardening: a ``process`` finding and the ``process`` key of --json."""
    process = current_report()
    if process.ok:
        finding = Finding(
            "process",
            OK,
            f"This DPO Desk runs hardened ({process.describe()}): new files are private and a "
            "crash writes no memory to disk.",
        )
    else:
        finding = Finding(
            "process",
            WARNING,
            f"This DPO Desk is not fully hardened ({process.describe()}); a crash could write "
            "decrypted data to a core file, or new files could be readable by others.",
        )
    facts = {**report.facts, "process": process.to_dict()}
    return dataclasses.replace(report, findings=(*report.findings, finding), facts=facts)


# --- issue 22: the breach clocks in check ---------------------------------------------------------
def with_breaches(report: HealthReport, ctx: CliContext) -> HealthReport:
    """Add the ``breaches`` finding (running breach clocks) and its facts."""
    from dpo_desk.services.breaches import breach_health

    from .breach_cmds import now_of

    finding, facts = breach_health(ctx.casefile(), now_of(ctx))
    return dataclasses.replace(
        report, findings=(*report.findings, finding), facts={**report.facts, **facts}
    )
