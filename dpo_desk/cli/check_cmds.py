"""``dpo-desk check``: is the case file sound, its audit trail whole, its backup recent?

Runs the checks of :mod:`dpo_desk.casefile.health` on the case file (``--file`` or the default)
and prints them in plain words, or as JSON with stable keys under ``--json``. Exit code 0 when
all is well, 1 when a problem is found (with ``--strict``: also when a warning is), 2 when the
file cannot be opened at all (wrong key, locked by another DPO Desk, missing).
"""

from __future__ import annotations

import argparse
import dataclasses

from dpo_desk.casefile.health import OK, WARNING, Finding, HealthReport, run_checks
from dpo_desk.hardening import current_report
from dpo_desk.services import evidence

from .context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check the case file: integrity, audit trail and its anchor, key, lock, backup",
    )
    p.add_argument(
        "--anchor",
        metavar="ANCHOR",
        help="check the audit trail against this anchor (SEQ:HASH, a line from `audit anchor`, a "
        "backup or a summary, or a file holding one) instead of the one kept on this computer",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too (no recent backup, …)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    anchor = evidence.parse_anchor(args.anchor) if args.anchor else None
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


# --- audit verify / audit anchor (registered under `audit` in casefile_cmds) -----------------


def cmd_audit_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    """Exit 0 when the chain (and, with --deep, the data) is intact; 1 when not."""
    anchor = evidence.parse_anchor(args.anchor) if args.anchor else None
    report = evidence.verify(ctx.casefile(), anchor=anchor, deep=bool(getattr(args, "deep", False)))
    ctx.emit(report.to_dict(), "\n".join(report.lines()))
    return 0 if report.ok else 1


def cmd_audit_anchor(args: argparse.Namespace, ctx: CliContext) -> int:
    """Standard output gets exactly one line (or the JSON); the advice goes to standard error."""
    info = evidence.anchor(ctx.casefile())
    ctx.emit(info.to_dict(), info.line)
    if info.anchor is not None and not ctx.json:
        ctx.error(
            "keep this line away from this computer (on paper, or mailed to yourself); check it "
            f"later with: dpo-desk audit verify --anchor {info.anchor.short()}"
        )
    return 0
