"""``dpo-desk trust import-list FILE`` and the trust store's listing with provenance (issue 15).

Hooked under the ``trust`` command by ``identity_cmds._register_trust``; the rules live in
``dpo_desk.services.trust``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .context import CliContext


def register_import_list(tsub: argparse._SubParsersAction) -> None:
    p = tsub.add_parser(
        "import-list",
        help="trust the anchors of a national trust list (Russian TSL XML, Kazakh NCA certificates)",
        description=(
            "Import, from a file you downloaded, the Russian list of accredited certification "
            "centres (the ministry's XML) or the Kazakh NCA root and intermediate certificates "
            "(a certificate file, a folder or a zip). All or nothing; nothing is downloaded."
        ),
    )
    p.add_argument(
        "list_file", metavar="FILE", help="the list (XML), a zip, a certificate or a folder"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trust_import_list)


def cmd_trust_import_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.trust import import_list_path

    path = Path(args.list_file)
    if not path.exists():
        raise ctx.fail(f"The trust list {args.list_file} does not exist.")
    result = import_list_path(ctx.casefile(), path, ctx.today())
    lines = [result.summary()]
    lines += [f"{c.id}\tadded\t{c.subject}" for c in result.added]
    lines += [f"{c.id}\tnow from this list\t{c.subject}" for c in result.updated]
    lines += [f"  left out: {reason}" for reason in result.skipped]
    ctx.emit(result.to_dict(), "\n".join(lines))
    return 0


def cmd_trust_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.trust import SOURCE_LABELS, anchor_to_dict, list_anchors

    certs = list_anchors(ctx.casefile())
    lines = []
    for c in certs:
        source = SOURCE_LABELS.get(c.source, c.source)
        if c.source_detail:
            source = c.source_detail
        qualified = "; qualified" if c.qualified else ""
        lines.append(
            f"{c.id}\t{c.subject}\t(issuer {c.issuer}; until {c.not_after or 'unknown'}; "
            f"from {source} on {c.added_at:%Y-%m-%d}{qualified})"
        )
    ctx.emit(
        [anchor_to_dict(c) for c in certs],
        "\n".join(lines) or "Nothing is trusted yet: import a CA certificate with 'trust import'.",
    )
    return 0
