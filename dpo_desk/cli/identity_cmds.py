"""Identity verification commands.

dpo-desk verify-signature FILE [--detached SIGFILE] [--trust CERT ...] [--json]
    Check the signatures of a PDF, an S/MIME email or a CMS signature; no case file needed.
    Exit 0 whenever the check ran (whatever the verdict), 2 on a usage error.

On the case file (``--file``), each with ``--json``:

dpo-desk trust import CERT... | trust list | trust remove ID
    The case file's trust store: the only certificates signatures are checked against.
dpo-desk identity check CASE --outcome verified|more_information_needed|failed [checklist...]
    Record a paper/scanned ID check; more information pauses the deadline and proposes a letter.
dpo-desk identity verify CASE ATTACHMENT_ID [--detached ATTACHMENT_ID]
    Check a stored signed PDF, CMS file or S/MIME email against the trust store, compare its
    signer with the data subject (signatures[].subject_match) and record the outcome.
dpo-desk identity override CASE CHECK_ID --reason TEXT
    Accept a signature check the rules left open (the DPO's written reason is recorded).
dpo-desk identity mark-copy CASE ATTACHMENT_ID [--reason R]
    Mark an emailed attachment as an ID copy: destroyed with the message's copy of it.
dpo-desk identity received CASE [--on D]     the requested identity information arrived
dpo-desk identity destroy CASE [--reason R]  destroy the case's ID copies (identity settled)
dpo-desk identity show CASE                  records, ID copies, pause, retention
dpo-desk identity policy SLUG                a controller's policy against its law(s)

Each command is added by its own ``_register_*`` function and handled by a ``cmd_*`` function;
commands that work on the case file (e.g. a trust store) get the file from ``ctx.casefile()``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from dpo_desk.core.errors import InvalidInput

from .casefile_cmds import parse_date
from .context import CliContext, one_line

if TYPE_CHECKING:  # the checker pulls in pyHanko: imported when a command runs, not at --help
    from dpo_desk.identity.policy import PolicyView
    from dpo_desk.identity.service import CheckResult, IdentityOverview
    from dpo_desk.identity.signatures import SignatureCheck, SignatureReport
    from dpo_desk.services.records import IdentityRecord

#: Never read more than this from a trust certificate file.
_MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024

_KIND_LABELS = {"pdf": "PDF", "cms": "CMS signature", "smime": "S/MIME email"}


def register(sub: argparse._SubParsersAction) -> None:
    _register_verify_signature(sub)
    _register_trust(sub)
    _register_identity(sub)


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
        sender = one_line(report.sender)  # issue 20
        lines.append(f"Sender: {sender} (signer's certificate names the sender: {match})")
    lines.extend(f"Not signed: {one_line(part)}" for part in report.unsigned_parts)
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
            lines.append(f"  {label:<12} {one_line(value)}")  # issue 20: one line, no escapes

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


# --- trust store -----------------------------------------------------------------------------


def _register_trust(sub: argparse._SubParsersAction) -> None:
    trust = sub.add_parser(
        "trust",
        help="manage the certificates the case file trusts for signature checks",
        description=(
            "The case file's trust store. Nothing is trusted by default: signatures chain to a "
            "trusted certificate only after the DPO imports it (a national CA, an issuing CA)."
        ),
    )
    tsub = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    p = tsub.add_parser("import", help="trust the certificates in PEM, DER or .p7b files")
    p.add_argument("certs", metavar="CERT", nargs="+", help="certificate files")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trust_import)
    # --- trust lists and provenance (issue 15): cli/trust_cmds.py over services/trust.py ---
    from .trust_cmds import cmd_trust_list, register_import_list

    register_import_list(tsub)
    p = tsub.add_parser("list", help="list the trusted certificates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trust_list)
    p = tsub.add_parser("remove", help="stop trusting a certificate")
    p.add_argument("cert_id", metavar="ID", type=int, help="the id shown by 'trust list'")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trust_remove)


def cmd_trust_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.service import import_certificates
    from dpo_desk.identity.signatures import load_certificates

    blobs = []
    for name in args.certs:  # every file is read and checked before anything is imported
        data = _read_input(ctx, name, "certificate file", _MAX_CERTIFICATE_BYTES)
        try:
            load_certificates(data)
        except InvalidInput as exc:
            raise ctx.fail(f"{name}: {exc}") from None
        blobs.append(data)
    cf = ctx.casefile()
    imported = []
    for data in blobs:
        imported.extend(import_certificates(cf, data, today=ctx.today()))
    lines = []
    for cert in imported:
        state = "already trusted" if cert.already_trusted else "trusted"
        lines.append(f"{cert.id}\t{state}\t{cert.subject}")
        lines.extend(f"  warning: {w}" for w in cert.warnings)
    ctx.emit([c.to_dict() for c in imported], "\n".join(lines))
    return 0


def cmd_trust_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.service import remove_trusted, trusted_to_dict

    cert = remove_trusted(ctx.casefile(), args.cert_id)
    ctx.emit(
        {"removed": trusted_to_dict(cert)},
        f"No longer trusted: {cert.subject} (id {cert.id}).",
    )
    return 0


# --- identity on a case ----------------------------------------------------------------------


def _register_identity(sub: argparse._SubParsersAction) -> None:
    ident = sub.add_parser(
        "identity",
        help="verify a requester's identity on a case, and destroy ID copies",
        description=(
            "Record identity checks on a case (paper ID checklist or a signature check), end "
            "the identity pause, destroy ID copies once identity is settled, and compare a "
            "controller's verification policy with its law."
        ),
    )
    isub = ident.add_subparsers(dest="identity_command", metavar="ACTION", required=True)

    p = isub.add_parser("check", help="record a paper/scanned ID check and its outcome")
    p.add_argument("case", metavar="CASE", help="case id or reference (2026-0042)")
    p.add_argument(
        "--outcome", required=True, choices=("verified", "more_information_needed", "failed")
    )
    p.add_argument("--document-type", default="", metavar="T", help=_document_types_help())
    p.add_argument("--country", default="", metavar="C", help="issuing country (ISO code, KG)")
    p.add_argument(
        "--last4",
        default="",
        metavar="XXXX",
        help="ONLY the last four characters of the document number",
    )
    p.add_argument("--expiry", default=None, metavar="YYYY-MM-DD", help="the document's expiry")
    p.add_argument(
        "--name-matches",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the name on the document is the requester's",
    )
    p.add_argument(
        "--id-signed",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the ID copy bears the holder's signature",
    )
    p.add_argument(
        "--signature-consistent",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the request letter's signature is consistent with the ID's",
    )
    p.add_argument(
        "--address-matches",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the address matches the requester's",
    )
    p.add_argument(
        "--request-more",
        default=None,
        metavar="TEXT",
        help="with more_information_needed: what to ask the requester for",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_check)

    p = isub.add_parser("verify", help="check a stored signed PDF, CMS file or S/MIME email")
    p.add_argument("case", metavar="CASE")
    p.add_argument("attachment", metavar="ATTACHMENT_ID", type=int)
    p.add_argument(
        "--detached",
        metavar="ATTACHMENT_ID",
        type=int,
        default=None,
        help="the attachment holding a detached signature over ATTACHMENT_ID",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_verify)

    p = isub.add_parser(
        "override", help="accept a signature check the rules left open, with a written reason"
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("check", metavar="CHECK_ID", type=int, help="the signature check's id")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why you accept it")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_override)

    p = isub.add_parser(
        "mark-copy",
        help="mark an emailed attachment as an ID copy (destroyed with its email's copy)",
    )
    p.add_argument("case", metavar="CASE")
    p.add_argument("attachment", metavar="ATTACHMENT_ID", type=int)
    p.add_argument("--reason", default="", metavar="R")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_mark_copy)

    p = isub.add_parser("received", help="the requested identity information arrived")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--on", default=None, metavar="YYYY-MM-DD", help="the day it arrived (today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_received)

    p = isub.add_parser("destroy", help="destroy the case's ID copies (identity settled)")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--reason", default="identity settled", metavar="R")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_destroy)

    p = isub.add_parser("show", help="identity records, ID copies, pause and retention of a case")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_show)

    p = isub.add_parser("policy", help="a controller's verification policy against its law(s)")
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_identity_policy)


def _document_types_help() -> str:
    from dpo_desk.identity.checklist import DOCUMENT_TYPES

    return "document type: " + ", ".join(DOCUMENT_TYPES)


def _case_id(ctx: CliContext, ident: str) -> int:
    case = ctx.casefile().cases.resolve(ident)
    assert case.id is not None
    return int(case.id)


def cmd_identity_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.checklist import IdChecklist
    from dpo_desk.identity.service import record_checklist

    checklist = IdChecklist(
        document_type=args.document_type,
        issuing_country=args.country,
        last4=args.last4,
        expiry=parse_date(args.expiry, "--expiry"),
        name_matches=args.name_matches,
        id_signed=args.id_signed,
        signature_consistent=args.signature_consistent,
        address_matches=args.address_matches,
    )
    case = ctx.casefile().cases.resolve(args.case)
    result = record_checklist(
        ctx.casefile(),
        int(case.id or 0),
        checklist,
        args.outcome,
        ctx.today(),
        request_more=args.request_more,
    )
    ctx.emit(result.to_dict(), _check_text(result, case.reference))
    return 0


def _check_text(result: CheckResult, reference: str) -> str:
    record = result.record
    lines = [
        f"Identity check {record.id} on case {reference}: {record.outcome.replace('_', ' ')}"
        f" (case now {result.status.replace('_', ' ')})"
    ]
    if result.assessment and result.assessment.outcome != record.outcome:
        lines.append(f"  the checklist suggested: {result.assessment.outcome.replace('_', ' ')}")
    if result.assessment:
        lines.extend(f"  warning: {w}" for w in result.assessment.warnings)
        lines.extend(f"  not checked: {m}" for m in result.assessment.missing_labels)
    if result.pause:
        lines.append(f"  identity pause: {result.pause}")
    if result.proposal:
        kind = result.proposal.letter_kind.replace("_", " ")
        lines.append(f"  proposed letter: {kind}")
        lines.extend(f"    - {r}" for r in result.proposal.reasons)
        lines.extend(f"  note: {n}" for n in result.proposal.notes)
    lines.extend(
        f"  destroyed ID copy {d.attachment_id} (sha256 {d.sha256})" for d in result.destroyed
    )
    lines.extend(f"  note: {n}" for n in result.notes)
    return "\n".join(lines)


def cmd_identity_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.identity import verify_signature

    cf = ctx.casefile()
    case_id = _case_id(ctx, args.case)
    result = verify_signature(
        cf, case_id, args.attachment, detached_attachment_id=args.detached, today=ctx.today()
    )
    record = result.record
    lines = [format_report(result.report), ""]
    for number, match in enumerate(result.matches, start=1):
        lines.append(
            f"Signature {number}: signer is the data subject: {match.result} ({match.reason})"
        )
    lines.append(
        f"Recorded as identity check {record.id}: {result.outcome.replace('_', ' ')}. "
        f"{result.reason}"
    )
    if result.destroyed:
        lines.append(f"ID copies destroyed (retention on_verified): {len(result.destroyed)}.")
    ctx.emit(result.to_dict(), "\n".join(lines))
    return 0


def cmd_identity_override(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.identity import override_signature_check

    cf = ctx.casefile()
    case_id = _case_id(ctx, args.case)
    record, destroyed = override_signature_check(
        cf, case_id, args.check, args.reason, today=ctx.today()
    )
    ctx.emit(
        {"record": record.to_dict(), "destroyed": [d.to_dict() for d in destroyed]},
        f"Identity check {record.id}: verified by the DPO (overrides check {args.check}).",
    )
    return 0


def cmd_identity_mark_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.identity import mark_id_copy

    cf = ctx.casefile()
    marked = mark_id_copy(cf, _case_id(ctx, args.case), args.attachment, args.reason)
    where = (
        f"; its email (attachment {marked.mark.email_attachment_id}) will be re-stored without it"
        if marked.mark.email_attachment_id is not None
        else ""
    )
    ctx.emit(
        marked.to_dict(),
        f"Attachment {args.attachment} ({marked.filename}) is now an ID copy of case "
        f"{marked.case_reference}{where} when it is destroyed.",
    )
    return 0


def cmd_identity_received(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.service import identity_received

    today = ctx.today()
    on = parse_date(args.on, "--on") or today
    case_id = _case_id(ctx, args.case)
    event = identity_received(ctx.casefile(), case_id, on, today=today)
    ctx.emit(
        {"case_id": case_id, "kind": str(event.kind), "on": event.on.isoformat()},
        f"Identity information received on {event.on.isoformat()}: the pause has ended.",
    )
    return 0


def cmd_identity_destroy(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.service import destroy_id_copies

    case_id = _case_id(ctx, args.case)
    destroyed = destroy_id_copies(ctx.casefile(), case_id, reason=args.reason)
    lines = [
        f"Destroyed ID copy {d.attachment_id} (sha256 {d.sha256}); kept in identity check "
        f"{d.check_id if d.check_id is not None else '(none: no check recorded)'}"
        for d in destroyed
    ]
    ctx.emit([d.to_dict() for d in destroyed], "\n".join(lines) or "No ID copy left to destroy.")
    return 0


def cmd_identity_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.service import identity_overview

    overview = identity_overview(ctx.casefile(), _case_id(ctx, args.case))
    ctx.emit(overview.to_dict(), _overview_text(overview))
    return 0


def _overview_text(overview: IdentityOverview) -> str:
    settled = "settled" if overview.settled else "not settled"
    lines = [
        f"Case {overview.reference} ({overview.controller}), "
        f"{overview.status.replace('_', ' ')}; identity {settled}",
        f"  retention of ID copies: {overview.retention}",
    ]
    if overview.pause_open_since:
        lines.append(f"  identity information requested on {overview.pause_open_since}, awaited")
    for record in overview.records:
        lines.append(_record_line(record))
        lines.extend(
            f"      destroyed copy {d['attachment_id']} at {d['destroyed_at']} "
            f"(sha256 {d['sha256']})"
            for d in record.destroyed
        )
    for copy in overview.id_copies:
        state = overview.copy_state(copy)
        if copy.destroyed_at:
            state += f" ({copy.destroyed_at:%Y-%m-%d})"
        lines.append(f"  ID copy {copy.id}: {copy.filename}, {copy.size} bytes, {state}")
    if any(c.destroyed_at is None for c in overview.id_copies):
        lines.append(
            "  the copies may be destroyed now"
            if overview.destroy_allowed
            else "  the copies are kept until identity is settled"
        )
    if overview.id_copy_warning:
        lines.append(f"  warning: {overview.id_copy_warning}")
    return "\n".join(lines)


def _record_line(record: IdentityRecord) -> str:
    document = ""
    if record.document_type:
        document = f", {record.document_type}"
        if record.document_last4:
            document += f" ending {record.document_last4}"
    return (
        f"  check {record.id}: {record.method} -> {record.outcome.replace('_', ' ')}"
        f"{document} (by {record.checked_by}, {record.checked_at:%Y-%m-%d %H:%M} UTC)"
    )


def cmd_identity_policy(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.identity.policy import describe_policy

    controller = ctx.casefile().controllers.by_slug(args.slug)
    assert controller is not None  # by_slug raises NotFound
    view = describe_policy(controller)
    ctx.emit(view.to_dict(), _policy_text(view))
    return 0


def _policy_text(view: PolicyView) -> str:
    lines = [
        f"{view.name} ({view.controller}) — {', '.join(view.jurisdictions) or 'no jurisdiction'}",
        "Accepted proofs:",
        *(f"  - {method}: {description}" for method, description in view.accepted),
        f"Signed ID copy required for every request: {'yes' if view.requires_signed_id_copy else 'no'}",
        f"ID copies destroyed: {view.id_copy_retention}",
    ]
    for entry in view.guidance:
        lines += [
            "",
            f"{entry.name} [{entry.confidence}] {entry.citation}",
            f"  {entry.guidance}",
            f"  Asking for more: {entry.ask_for_more}",
            f"  Deadline: {entry.pause}",
        ]
        lines.extend(f"  The request must give: {d}" for d in entry.request_details)
    if view.warnings:
        lines.append("")
        lines.append(f"Warnings ({len(view.warnings)}):")
    for warning in view.warnings:
        where = f"[{warning.jurisdiction}] " if warning.jurisdiction else ""
        lines.append(f"  - {where}{warning.message}")
        if warning.citation:
            lines.append(f"    ({warning.citation})")
    return "\n".join(lines)
