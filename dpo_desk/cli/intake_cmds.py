"""Intake commands: ``classify`` (no case file needed), ``import``, ``inbox``, ``scan``.

``dpo-desk classify PATH [--json]`` reads an .eml, .msg or plain .txt letter and prints the
suggested request kinds (main first), the language, a confidence and the phrases found; mail
that is not confidently a request gives ``kinds: []`` and ``not_a_request: true``.
``dpo-desk inbox list|accept|dismiss`` works the triage inbox (services.intake decides).

The module is laid out for more intake commands: ``register`` adds one parser per command and
each handler is ``(args, ctx) -> int``; ``load_letter`` is shared by them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dpo_desk.core.errors import ImportRejected
from dpo_desk.intake.classify import Classification, classify
from dpo_desk.intake.email_parse import ParsedEmail, parse_path

from .context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_classify(subparsers)
    _register_import(subparsers)
    _register_inbox(subparsers)
    _register_scan(subparsers)


# --- shared ----------------------------------------------------------------------------------


def load_letter(path: Path) -> ParsedEmail:
    """The one message in an .eml, .msg or .txt file; ``ImportRejected`` says why not."""
    if path.is_dir():
        raise ImportRejected(f"{path.name} is a folder, not a letter.")
    items = parse_path(path)
    if not items:
        raise ImportRejected(f"{path.name} contains no message.")
    first = items[0]
    if isinstance(first, ImportRejected):
        raise ImportRejected(f"{path.name}: {first}")
    if len(items) > 1:
        raise ImportRejected(
            f"{path.name} holds {len(items)} messages; classify reads one letter at a time."
        )
    return first


# --- classify --------------------------------------------------------------------------------


def _register_classify(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "classify",
        help="suggest the request kind(s) and language of a letter (.eml, .msg, .txt or a scan)",
        description=(
            "Suggest the request kinds (main request first), the language, a confidence "
            "and the phrases that led to it. Needs no case file."
        ),
    )
    p.add_argument(
        "path",
        metavar="PATH",
        type=Path,
        help="an .eml, .msg or plain .txt letter, or a scan (PNG, JPEG, TIFF, PDF)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_classify)


def _classify(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.intake.scans import sniff_media_type

    if args.path.is_file():  # issue 18: scans are read by OCR, in memory
        with args.path.open("rb") as handle:
            head = handle.read(1024)
        if sniff_media_type(head) is not None:
            from dpo_desk.services.ocr import read_scan

            reading = read_scan(args.path.read_bytes(), args.path.name)
            ctx.emit(reading.to_dict(), _scan_text(reading))
            return 0
    letter = load_letter(args.path)
    result = classify(letter.body_text, letter.subject)
    ctx.emit(result.to_dict(), _classification_text(result))
    return 0


def _classification_text(result: Classification) -> str:
    if not result.kinds:
        language = result.language or "unknown"
        lines = [f"Not a request, or not confidently one (language: {language})."]
        if result.suggested:
            lines.append(f"Perhaps:      {', '.join(result.suggested)}")
        lines.extend(f"Sign:         {sign}" for sign in result.signs)
        return "\n".join(lines) + "\n"
    lines = [
        f"Main request: {result.kinds[0]}",
        f"Also:         {', '.join(result.kinds[1:]) or '-'}",
        f"Language:     {result.language or 'unknown'}",
        f"Confidence:   {result.confidence:.2f}",
        "Evidence:",
    ]
    lines.extend(f"  - {phrase}" for phrase in result.evidence)
    lines.extend(f"Review:       {note}" for note in result.review_notes)
    return "\n".join(lines) + "\n"


def _scan_text(reading: object) -> str:
    from dpo_desk.services.ocr import ScanReading

    assert isinstance(reading, ScanReading)
    lines = [
        f"Main request: {reading.kinds[0] if reading.kinds else 'none recognised'}",
        f"Also:         {', '.join(reading.kinds[1:]) or '-'}",
        f"Language:     {reading.language or 'unknown'}",
        f"Confidence:   {reading.kind_confidence:.2f} (OCR {reading.confidence:.0f}/100, "
        f"{reading.pages} page(s))",
        f"Sender:       {reading.name or '-'}",
        f"Address:      {reading.address or '-'}",
        "Evidence:",
    ]
    lines.extend(f"  - {phrase}" for phrase in reading.evidence)
    lines.extend(f"warning: {problem}" for problem in reading.problems)
    return "\n".join(lines) + "\n"


# --- import ----------------------------------------------------------------------------------


def _register_import(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "import",
        help="import emails (.eml, .msg, .mbox) as cases",
        description=(
            "Import emails into the case file: each message becomes a case, a follow-up on the "
            "sender's open case, or is reported as a duplicate or an error. A bad message never "
            "stops the batch and never leaves a half-created case."
        ),
    )
    p.add_argument("paths", metavar="PATH", type=Path, nargs="+")
    p.add_argument(
        "--controller",
        metavar="SLUG",
        help="the controller the messages were sent to (default: from the recipients)",
    )
    p.add_argument(
        "--new-cases",
        action="store_true",
        help="never attach a message to the sender's open case; always open a new one",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="go on when the import would open more than 200 new cases (scripted runs)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_import)


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    import sys

    from dpo_desk.services.intake import import_mail

    cf = ctx.casefile()
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise ImportRejected(f"No such file: {', '.join(missing)}.")
    show_progress = not ctx.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress and total > 20:
            ctx.stderr.write(f"\r{done}/{total} messages")
            ctx.stderr.flush()

    outcomes = import_mail(
        cf,
        list(args.paths),
        ctx.today(),
        controller_slug=args.controller,
        follow_ups=not args.new_cases,
        confirmed=args.yes,
        progress=progress,
    )
    if show_progress and len(outcomes) > 20:
        ctx.stderr.write("\n")
    lines = []
    for o in outcomes:
        if o.status in ("created", "follow_up"):
            what = "new case" if o.status == "created" else "follow-up on"
            lines.append(
                f"{o.source}: {what} {o.reference} [{', '.join(o.kinds)}]"
                + (f" (S/MIME: {o.smime})" if o.smime else "")
            )
            lines.extend(f"    warning: {w}" for w in o.warnings)
            lines.extend(f"    note: {n}" for n in o.notes)
        elif o.status == "inbox":
            lines.append(f"{o.source}: waits in the inbox as message {o.inbox_id} — {o.reason}")
            lines.extend(f"    note: {n}" for n in o.notes)
        else:
            lines.append(f"{o.source}: {o.status.replace('_', ' ')} — {o.reason}")
    ctx.emit([o.to_dict() for o in outcomes], "\n".join(lines) or "Nothing to import.")
    failed = [o for o in outcomes if o.status in ("error", "needs_controller")]
    return 1 if failed and len(failed) == len(outcomes) else 0


# --- the triage inbox ------------------------------------------------------------------------


def _register_inbox(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "inbox",
        help="imported mail that is not confidently a request: list, accept or dismiss it",
        description=(
            "Mail that is not confidently a data-subject request waits in the inbox instead of "
            "becoming a case with a deadline. Accept it with the kinds you confirm, or dismiss "
            "it (the message is deleted and the dismissal audited)."
        ),
    )
    sub = p.add_subparsers(dest="inbox_command", metavar="COMMAND", required=True)
    ls = sub.add_parser("list", help="the messages waiting, newest first")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=_inbox_list)
    ok = sub.add_parser("accept", help="make a case of a message, with the kinds you confirm")
    ok.add_argument("id", metavar="ID", type=_inbox_id, help="the message's inbox id")
    ok.add_argument(
        "--kind",
        dest="kinds",
        metavar="KIND",
        action="append",
        default=[],
        help="a request kind you confirm (repeat for several; main first)",
    )
    ok.add_argument("--controller", metavar="SLUG", help="the controller (default: as imported)")
    ok.add_argument("--json", action="store_true", help="print JSON")
    ok.set_defaults(handler=_inbox_accept)
    no = sub.add_parser("dismiss", help="delete a message that is not a request")
    no.add_argument("id", metavar="ID", type=_inbox_id, help="the message's inbox id")
    no.add_argument("--reason", metavar="TEXT", required=True, help="why it is not a request")
    no.add_argument("--json", action="store_true", help="print JSON")
    no.set_defaults(handler=_inbox_dismiss)


def _inbox_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not an inbox id (a whole number).")
    return int(text)


def _inbox_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.intake import inbox

    items = inbox(ctx.casefile())
    lines = [
        f"{i.id:>5}  {i.received.isoformat()}  {i.sender or '-':<30}  "
        f"{', '.join(i.kinds) or '-':<20}  {i.subject[:50]}"
        for i in items
    ]
    ctx.emit([i.to_dict() for i in items], "\n".join(lines) or "The inbox is empty.")
    return 0


def _inbox_accept(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.intake import accept

    done = accept(ctx.casefile(), args.id, args.kinds, ctx.today(), controller_slug=args.controller)
    ctx.emit(done.to_dict(), f"Inbox message {done.id} is now case {done.reference}.")
    return 0


def _inbox_dismiss(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.intake import dismiss

    dismiss(ctx.casefile(), args.id, args.reason)
    ctx.emit({"id": args.id, "dismissed": True}, f"Inbox message {args.id} was deleted.")
    return 0


# --- scans on a case ---------------------------------------------------------------------------


def _register_scan(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "scan",
        help="add scans (letter pages, an ID copy) to a case",
        description="Add PDF, JPEG, PNG or TIFF scans to a case; all are checked first.",
    )
    p.add_argument("case", metavar="CASE", help="case id or reference")
    p.add_argument(
        "--letter",
        metavar="FILE",
        type=Path,
        action="append",
        default=[],
        help="a scan of the request letter or envelope (repeat)",
    )
    p.add_argument(
        "--id",
        dest="id_copy",
        metavar="FILE",
        type=Path,
        action="append",
        default=[],
        help="a copy of an identity document (repeat)",
    )
    p.add_argument(
        "--confirm-id-copy",
        action="store_true",
        help="confirm that storing an ID copy is allowed (asked for Kazakh controllers)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_scan)


def read_scans(letters: list[Path], ids: list[Path]) -> list:
    from dpo_desk.core.model import AttachmentRole
    from dpo_desk.intake.service import Scan

    scans = []
    for path, role in [(p, AttachmentRole.LETTER_SCAN) for p in letters] + [
        (p, AttachmentRole.ID_DOCUMENT) for p in ids
    ]:
        if not path.is_file():
            raise ImportRejected(f"No such file: {path}.")
        scans.append(Scan(path.name, path.read_bytes(), role))
    return scans


def _scan(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.intake.service import add_scans

    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    scans = read_scans(args.letter, args.id_copy)
    if not scans:
        raise ImportRejected("Name at least one scan with --letter FILE or --id FILE.")
    ids = add_scans(cf, case.id or 0, scans, confirm_id_copy=args.confirm_id_copy)
    from dpo_desk.services.ocr import recognise_case_scans  # issue 18: read the letters

    read = [
        o
        for o in recognise_case_scans(cf, case.id or 0, attachment_ids=ids)
        if o.status != "skipped"
    ]
    text = f"Added {len(ids)} scan(s) to {case.reference}."
    text += "".join(f"\n  {o.filename}: {o.status} {o.message}".rstrip() for o in read)
    ctx.emit({"case": case.reference, "attachments": ids, "ocr": [o.to_dict() for o in read]}, text)
    return 0
