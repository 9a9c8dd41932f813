"""Identity verification commands.

dpo-desk verify-signature FILE [--detached SIGFILE] [--trust CERT ...] [--json]
    Check the signatures of a PDF, an S/MIME email or a CMS signature; no case file needed.
    Exit 0 whenever the check ran (whatever the verdict), 2 on a usage error.

Each command is added by its own ``_register_*`` function and handled by a ``cmd_*`` function;
commands that work on the case file (e.g. a trust store) get the file from ``ctx.casefile()``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from dpo_desk.core.errors import InvalidInput

from .context import CliContext

if TYPE_CHECKING:  # the checker pulls in pyHanko: imported when a command runs, not at --help
    from dpo_desk.identity.signatures import SignatureCheck, SignatureReport

#: Never read more than this from a trust certificate file.
_MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024

_KIND_LABELS = {"pdf": "PDF", "cms": "CMS signature", "smime": "S/MIME email"}


def register(sub: argparse._SubParsersAction) -> None:
    _register_verify_signature(sub)


# --- verify-signature ------------------------------------------------------------------------


def _register_verify_signature(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify-signature",
        help="check the signatures of a PDF, an S/MIME email or a CMS file (no case file needed)",
        description=(
            "Check the electronic signatures of a signed PDF, an S/MIME-signed email (.eml), "
            "an enveloping CMS file (.p7m) or a detached signature (.p7s/.sig with --detached). "
            "Nothing is trusted unless given with --trust; revocation is checked only against "
            "data embedded in the file. The exit code is 0 whenever the check ran."
        ),
    )
    p.add_argument("file", metavar="FILE", help="the signed file (PDF, email or CMS)")
    p.add_argument(
        "--detached",
        metavar="SIGFILE",
        help="a detached signature (.p7s, .sig; DER, PEM or base64) over FILE",
    )
    p.add_argument(
        "--trust",
        metavar="CERT",
        nargs="+",
        action="extend",
        default=[],
        help="certificates to trust (PEM, DER or a .p7b bundle); may be repeated",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_verify_signature)


def cmd_verify_signature(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.signatures import MAX_INPUT_BYTES, load_certificates, verify_file

    data = _read_input(ctx, args.file, "file", MAX_INPUT_BYTES)
    detached = None
    if args.detached:
        detached = _read_input(ctx, args.detached, "signature file", MAX_INPUT_BYTES)
    roots: list[bytes] = []
    for path in args.trust:
        certificate = _read_input(ctx, path, "certificate file", _MAX_CERTIFICATE_BYTES)
        try:
            load_certificates(certificate)
        except InvalidInput as exc:
            raise ctx.fail(f"{path}: {exc}") from None
        roots.append(certificate)
    try:
        report = verify_file(
            data, detached=detached, filename=Path(args.file).name, trust_roots=roots
        )
    except InvalidInput as exc:
        raise ctx.fail(str(exc)) from None
    ctx.emit(report.to_dict(), format_report(report))
    return 0


def format_report(report: SignatureReport) -> str:
    """The report as text for a person: the verdict first, then each signature."""
    kind = _KIND_LABELS.get(report.kind, report.kind)
    lines = [f"{kind}: {report.verdict.upper()}"]
    if report.reason:
        lines.append(report.reason)
    if report.kind == "smime" and report.sender:
        match = {True: "yes", False: "NO", None: "unknown"}[report.sender_email_matches]
        lines.append(f"Sender: {report.sender} (signer's certificate names the sender: {match})")
    for number, check in enumerate(report.signatures, start=1):
        lines.append("")
        lines.extend(_format_check(number, check))
    return "\n".join(lines)


def _format_check(number: int, check: SignatureCheck) -> list[str]:
    title = f"Signature {number}"
    if check.field:
        title += f" (field {check.field})"
    lines = [f"{title}: {check.status}"]

    def row(label: str, value: str | None) -> None:
        if value:
            lines.append(f"  {label:<12} {value}")

    signer = check.signer or "unknown"
    if check.signer_email:
        signer += f" <{check.signer_email}>"
    row("Signer:", signer)
    row("Issued by:", check.issuer)
    if check.signing_time is not None:
        row("Signed at:", f"{check.signing_time:%Y-%m-%d %H:%M:%S} UTC (the signer's own claim)")
    row("Algorithm:", check.algorithm)
    row(
        "Checks:",
        f"intact {_yes_no(check.intact)}, valid {_yes_no(check.valid)}, "
        f"trusted {_yes_no(check.trusted)}",
    )
    if check.covers_whole_document is not None:
        coverage = "whole document" if check.covers_whole_document else "an earlier revision"
        row("Covers:", f"{coverage}; changes after signing: {check.modification or 'unknown'}")
    if check.expired:
        row("Certificate:", "expired")
    row("Revocation:", check.revocation)
    for index, problem in enumerate(check.problems):
        row("Problems:" if index == 0 else "", f"- {problem}")
    return lines


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: "not checked"}[value]


# --- helpers ---------------------------------------------------------------------------------


def _read_input(ctx: CliContext, name: str, what: str, limit: int) -> bytes:
    """Read a file the user named; a missing file is a usage error (exit 2).

    At most ``limit + 1`` bytes are read: the checker refuses larger inputs with a reason,
    and a huge file is never loaded whole.
    """
    path = Path(name)
    if not path.exists():
        raise ctx.fail(f"The {what} {name} does not exist.")
    if not path.is_file():
        raise ctx.fail(f"The {what} {name} is not a file.")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if what == "certificate file" and len(data) > limit:
        raise ctx.fail(f"The {what} {name} is too large to be a certificate.")
    return data
