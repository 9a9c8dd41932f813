"""Letter commands: write a letter to PDF (preview or final), record sending, the register,
per-controller template overrides.

    dpo-desk --file F letter CASE_ID --kind KIND --lang LANG -o OUT.pdf [--finalise]
    dpo-desk --file F letter sent LETTER_ID --on D --channel post|registered_post|email
    dpo-desk --file F letter list CASE_ID
    dpo-desk --file F letter register [--from D] [--to D]
    dpo-desk --file F letter pdf LETTER_ID -o OUT.pdf
    dpo-desk --file F letter template set|clear|show|list --controller SLUG ...
    dpo-desk --file F letter profile show|set --controller SLUG --lang LANG [FILE.toml]
    dpo-desk --file F letter signatory --controller SLUG [--name N] [--title T]

``letter`` takes a case id (or reference) where the other forms take an action word, so its
arguments are parsed here rather than by the top-level parser; a mistake in them is one
sentence with exit code 2, like every other error. PDFs are written atomically: a hidden temp
file in the target folder, fsync, ``os.replace``.
"""

from __future__ import annotations

import argparse
import hashlib
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.model import Controller, LetterKind
from dpo_desk.letters.checks import LetterWarning
from dpo_desk.reports.atomic import write_atomic
from dpo_desk.services import letters as service

from .casefile_cmds import parse_date
from .context import CliContext, CliExit

ACTIONS = ("sent", "list", "register", "pdf", "template", "profile", "signatory")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes become one-sentence errors (exit 2)."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(message.split()).rstrip(".")
        raise InvalidInput(f"{text[:1].upper()}{text[1:]} (see 'dpo-desk letter --help').")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "letter",
        help="write a letter to PDF (letter CASE_ID --kind K --lang L -o OUT.pdf [--finalise]); "
        "also: letter sent, list, register, pdf, template",
        add_help=False,
        prefix_chars="\x01",  # every argument goes to the letter parsers below
    )
    p.add_argument("words", nargs="*", metavar="ARGS")
    p.set_defaults(handler=cmd_letter)


# --- parsers -------------------------------------------------------------------------------------


def write_parser() -> _Parser:
    p = _Parser(
        prog="dpo-desk letter",
        description="Write a letter on a case to PDF: a preview, or with --finalise the final "
        "letter, stored in the case file with its SHA-256 and immutable from then on.",
    )
    p.add_argument("case", metavar="CASE_ID", help="case id or reference (2026-0042)")
    p.add_argument("--kind", required=True, metavar="KIND", help=", ".join(service.KINDS))
    p.add_argument(
        "--lang", default=None, metavar="LANG", help="en, ru, fr, kk, ky (default: reply language)"
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--finalise", "--finalize", action="store_true", dest="finalise")
    p.add_argument("--reason", default=None, help="refusal or extension reasons")
    p.add_argument("--legal-ground", default=None, help="the legal ground of a refusal")
    p.add_argument("--body", default=None, metavar="FILE", help="the edited letter text (UTF-8)")
    p.add_argument(
        "--acknowledge-warnings", action="store_true", help="finalise despite blocking warnings"
    )
    p.add_argument("--enclosure", action="append", default=[], help="an enclosure (repeat)")
    p.add_argument("--action", action="append", default=[], help="an action confirmed (repeat)")
    p.add_argument("--doubt", default=None, help="identity request: why identity is in doubt")
    p.add_argument("--means", action="append", default=[], help="identity means asked (repeat)")
    p.add_argument("--clarification", default=None, help="identity request: what to clarify")
    p.add_argument("--signatory", default=None, help="name under the signature")
    p.add_argument("--signatory-title", default=None)
    p.add_argument("--paper", default=None, help="A4 (default) or LETTER")
    p.add_argument(
        "--salutation",
        default=None,
        choices=("m", "f", "neutral"),
        help="salutation form (default: the case's choice, else suggested from the name)",
    )
    p.add_argument("--json", action="store_true")
    return p


def profile_parser() -> _Parser:
    p = _Parser(
        prog="dpo-desk letter profile",
        description="A controller's processing profile in one reply language: the items an "
        "access response must give under the laws on the controller (TOML: item = text).",
    )
    p.add_argument("profile_action", choices=("show", "set"), metavar="show|set")
    p.add_argument("--controller", required=True, metavar="SLUG")
    p.add_argument("--lang", required=True, metavar="LANG")
    p.add_argument("profile_file", nargs="?", metavar="FILE.toml")
    p.add_argument("--json", action="store_true")
    return p


def signatory_parser() -> _Parser:
    p = _Parser(
        prog="dpo-desk letter signatory",
        description="Show or set the default signatory and title of a controller's letters.",
    )
    p.add_argument("--controller", required=True, metavar="SLUG")
    p.add_argument("--name", default=None)
    p.add_argument("--title", default=None)
    p.add_argument("--json", action="store_true")
    return p


def sent_parser() -> _Parser:
    p = _Parser(prog="dpo-desk letter sent", description="Record that a final letter was sent.")
    p.add_argument("letter_id", metavar="LETTER_ID", type=_letter_id)
    p.add_argument("--on", metavar="YYYY-MM-DD", help="date sent (default today)")
    p.add_argument("--channel", required=True, help="post, registered_post or email")
    p.add_argument("--registered-no", default="", metavar="N", help="registered-mail number")
    p.add_argument("--json", action="store_true")
    return p


def list_parser() -> _Parser:
    p = _Parser(prog="dpo-desk letter list", description="List the letters of a case.")
    p.add_argument("case", metavar="CASE_ID")
    p.add_argument("--json", action="store_true")
    return p


def register_parser() -> _Parser:
    p = _Parser(prog="dpo-desk letter register", description="The register of final letters.")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    return p


def pdf_parser() -> _Parser:
    p = _Parser(prog="dpo-desk letter pdf", description="Write a final letter's stored PDF.")
    p.add_argument("letter_id", metavar="LETTER_ID", type=_letter_id)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--json", action="store_true")
    return p


def template_parser() -> _Parser:
    p = _Parser(
        prog="dpo-desk letter template",
        description="A controller's own wording of a letter template (TOML, see "
        "resources/letters/README.md).",
    )
    tsub = p.add_subparsers(dest="template_action", metavar="ACTION", required=True)
    for name, text in (
        ("set", "store an override from a TOML file (checked first)"),
        ("clear", "go back to the bundled template"),
        ("show", "print the template in use (the override, or the bundled one)"),
        ("list", "list a controller's overrides"),
    ):
        q = tsub.add_parser(name, help=text, description=text)
        q.add_argument("--controller", required=True, metavar="SLUG")
        if name != "list":
            q.add_argument("--kind", required=True, metavar="KIND")
            q.add_argument("--lang", required=True, metavar="LANG")
        if name == "set":
            q.add_argument("template_file", metavar="FILE", help="the override (UTF-8 TOML)")
        q.add_argument("--json", action="store_true")
    return p


_PARSERS = {
    "sent": sent_parser,
    "list": list_parser,
    "register": register_parser,
    "pdf": pdf_parser,
    "template": template_parser,
    "profile": profile_parser,
    "signatory": signatory_parser,
}


def _letter_id(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"a letter id is a number, not '{text}'")
    return int(text)


def _help_text() -> str:
    parts = [
        "Letters on the case file.",
        "",
        write_parser().format_usage().rstrip(),
        *(make().format_usage().rstrip() for make in _PARSERS.values()),
        "",
        "Kinds: " + ", ".join(service.KINDS) + ".",
        "Run 'dpo-desk letter ACTION --help' for the options of an action, "
        "'dpo-desk letter CASE_ID --help' for writing a letter.",
    ]
    return "\n".join(parts)


# --- dispatch ------------------------------------------------------------------------------------


def cmd_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    words: list[str] = list(args.words)
    if not words or words[0] in ("-h", "--help"):
        if not words:
            raise InvalidInput(
                "Give a case id and --kind, --lang and -o, or one of: "
                f"{', '.join(ACTIONS)} (see 'dpo-desk letter --help')."
            )
        ctx.stdout.write(_help_text() + "\n")
        return 0
    action = words[0] if words[0] in _PARSERS else None
    parser = _PARSERS[action]() if action else write_parser()
    try:
        parser.parse_args(words[1:] if action else words, namespace=args)
    except SystemExit as exc:  # --help
        raise CliExit(int(exc.code or 0)) from None
    if action is None:
        return _cmd_write(args, ctx)
    return {
        "sent": _cmd_sent,
        "list": _cmd_list,
        "register": _cmd_register,
        "pdf": _cmd_pdf,
        "template": _cmd_template,
        "profile": _cmd_profile,
        "signatory": _cmd_signatory,
    }[action](args, ctx)


# --- writing a letter ----------------------------------------------------------------------------


def _output_path(text: str) -> Path:
    target = Path(text).expanduser().absolute()
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name for the letter.")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist; nothing was written.")
    return target


def _read_body(path_text: str) -> str:
    path = Path(path_text).expanduser()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"The letter text in {path} is not UTF-8 text.") from None
    if not text.strip():
        raise InvalidInput(f"The letter text in {path} is empty.")
    return text


def _fields(args: argparse.Namespace, kind: LetterKind) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if args.reason is not None:
        if kind == LetterKind.REFUSAL:
            fields["refusal_reasons"] = args.reason
        elif kind == LetterKind.EXTENSION_NOTICE:
            fields["extension_reasons"] = args.reason
        else:
            raise InvalidInput("--reason goes with a refusal or an extension notice.")
    if args.legal_ground is not None:
        if kind != LetterKind.REFUSAL:
            raise InvalidInput("--legal-ground goes with a refusal.")
        fields["legal_ground"] = args.legal_ground
    identity = {"identity_doubt": args.doubt, "clarification": args.clarification}
    if args.means:
        identity["identity_means"] = args.means
    given = [k for k, v in identity.items() if v is not None]
    if given and kind != LetterKind.IDENTITY_REQUEST:
        raise InvalidInput("--doubt, --means and --clarification go with an identity request.")
    fields.update({k: identity[k] for k in given})
    if args.action:
        if kind != LetterKind.ACTION_CONFIRMATION:
            raise InvalidInput("--action goes with an action confirmation.")
        fields["actions"] = args.action
    if args.enclosure:
        fields["enclosures"] = args.enclosure
    for key, value in (
        ("signatory_name", args.signatory),
        ("signatory_title", args.signatory_title),
        ("paper", args.paper),
        ("salutation", args.salutation),
    ):
        if value is not None:
            fields[key] = value
    return fields


def _warn(ctx: CliContext, warnings: list[LetterWarning] | tuple[LetterWarning, ...]) -> None:
    if ctx.json:
        return
    for w in warnings:
        blocking = " [blocking]" if service.is_blocking(w) else ""
        ctx.error(f"warning{blocking}: {w.message}")


def _cmd_write(args: argparse.Namespace, ctx: CliContext) -> int:
    kind = service.parse_kind(args.kind)
    language = service.parse_language(args.lang) if args.lang else None
    fields = _fields(args, kind)
    body = _read_body(args.body) if args.body is not None else None
    target = _output_path(args.output)
    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    case_id = case.id or 0
    today = ctx.today()
    letter_id: int | None = None
    if args.finalise:
        try:
            record = service.finalise(
                cf,
                case_id,
                kind,
                language,
                today,
                body_override=body,
                acknowledge_warnings=args.acknowledge_warnings,
                **fields,
            )
        except (service.LetterBlocked, service.LetterRefused) as exc:
            _warn(ctx, exc.warnings)
            raise
        letter_id = record.id
        pdf = cf.letters.pdf(record.id)
        warnings = list(service.stored_letter(record).warnings)
        try:
            write_atomic(target, pdf)
        except KnownError as exc:
            raise KnownError(
                f"Letter {record.id} was finalised and kept in the case file, but it could not "
                f"be written to {target} ({str(exc).rstrip('.')}); write it with "
                f"'dpo-desk letter pdf {record.id} -o FILE'."
            ) from None
    else:
        shown = service.preview(cf, case_id, kind, language, today, body_override=body, **fields)
        pdf = shown.pdf
        warnings = shown.warnings
        write_atomic(target, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    pages = service.page_count(pdf)
    data = {
        "path": str(target),
        "sha256": digest,
        "letter_id": letter_id,
        "final": letter_id is not None,
        "warnings": [{"code": w.code, "message": w.message} for w in warnings],
        "pages": pages,
    }
    _warn(ctx, warnings)
    what = f"final letter {letter_id}" if letter_id is not None else "preview, not finalised"
    ctx.emit(
        data,
        f"Wrote the {kind.value.replace('_', ' ')} for case {case.reference} to {target} "
        f"({pages} page{'s' if pages != 1 else ''}; {what}; SHA-256 {digest}).",
    )
    return 0


# --- sending, listing, the register --------------------------------------------------------------


def _cmd_sent(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    today = ctx.today()
    on = parse_date(args.on, "--on") or today
    result = service.record_sent(
        cf, args.letter_id, on, args.channel.strip(), args.registered_no, today=today
    )
    letter = result.letter
    reference = cf.cases.get(letter.case_id).reference
    text = (
        f"Letter {letter.id} ({letter.kind.value.replace('_', ' ')}) recorded as sent on "
        f"{on.isoformat()} by {args.channel.strip().replace('_', ' ')}"
        + (f" no. {letter.registered_no}" if letter.registered_no else "")
        + f"; case {reference} is {result.case_status.replace('_', ' ')}."
    )
    if result.note:
        text += f"\n{result.note}"
    ctx.emit(result.to_dict(), text)
    return 0


def _cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    letters = cf.letters.for_case(case.id or 0)
    lines = [
        f"{x.id:>5}  {x.kind.value:<19} {x.language}  {x.status:<5}  "
        f"{x.finalised_at.date().isoformat() if x.finalised_at else '—':<10}  "
        f"sent {x.sent_on.isoformat() if x.sent_on else '—':<10} "
        f"{(x.channel or '').replace('_', ' ')} {x.registered_no}".rstrip()
        for x in letters
    ]
    ctx.emit([x.to_dict() for x in letters], "\n".join(lines) or f"No letters on {case.reference}.")
    return 0


def _cmd_register(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    date_from = parse_date(args.date_from, "--from")
    date_to = parse_date(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("--from is after --to.")
    rows = service.letter_register(cf, date_from, date_to)
    lines = [
        f"{r.reference}  {r.kind:<19} {r.language}  dated {r.dated or '—'}  "
        f"sent {r.sent.isoformat() if r.sent else '—':<10} "
        f"{(r.channel or '').replace('_', ' '):<15} {r.registered_no:<14} {r.sha256}"
        for r in rows
    ]
    ctx.emit([r.to_dict() for r in rows], "\n".join(lines) or "No final letters.")
    return 0


def _cmd_pdf(args: argparse.Namespace, ctx: CliContext) -> int:
    target = _output_path(args.output)
    cf = ctx.casefile()
    letter = cf.letters.get(args.letter_id)
    pdf = cf.letters.pdf(letter.id)
    digest = hashlib.sha256(pdf).hexdigest()
    if digest != letter.sha256:
        raise KnownError(
            f"The stored PDF of letter {letter.id} does not match its recorded SHA-256; "
            "nothing was written."
        )
    write_atomic(target, pdf)
    ctx.emit(
        {"path": str(target), "sha256": digest, "letter_id": letter.id},
        f"Wrote letter {letter.id} to {target} (SHA-256 {digest}).",
    )
    return 0


# --- template overrides --------------------------------------------------------------------------


def _controller(ctx: CliContext, text: str) -> Controller:
    cf = ctx.casefile()
    if text.strip().isdigit():
        return cf.controllers.get(int(text))
    controller = cf.controllers.by_slug(text.strip())
    assert controller is not None  # by_slug raises NotFound
    return controller


def _cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    controller = _controller(ctx, args.controller)
    cid = controller.id or 0
    action = args.template_action
    if action == "list":
        pairs = cf.templates.list(cid)
        ctx.emit(
            [{"kind": k, "language": lang} for k, lang in pairs],
            "\n".join(f"{k} {lang}" for k, lang in pairs)
            or f"{controller.name} uses the bundled templates.",
        )
        return 0
    kind = service.parse_kind(args.kind)
    language = service.parse_language(args.lang)
    if action == "set":
        path = Path(args.template_file).expanduser()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(f"The template in {path} is not UTF-8 text.") from None
        flags = service.set_override(cf, cid, kind, language, text)
        review = " (marked as needing legal review)" if flags.needs_legal_review else ""
        ctx.emit(
            {
                "controller": controller.slug,
                "kind": kind.value,
                "language": language,
                "needs_legal_review": flags.needs_legal_review,
            },
            f"{controller.name} now uses its own {language} {kind.value} template{review}.",
        )
        return 0
    if action == "clear":
        service.clear_override(cf, cid, kind, language)
        ctx.emit(
            {"controller": controller.slug, "kind": kind.value, "language": language},
            f"{controller.name} uses the bundled {language} {kind.value} template again.",
        )
        return 0
    shown = service.template_text(cf, cid, kind, language)
    header = f"# {shown.source} {language} {kind.value} template of {controller.slug}"
    if shown.needs_legal_review:
        header += " — needs legal review"
    ctx.emit(shown.to_dict(), f"{header}\n{shown.text}")
    return 0


# --- processing profiles and the signatory ------------------------------------------------------


def _cmd_profile(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    controller = _controller(ctx, args.controller)
    cid = controller.id or 0
    language = service.parse_language(args.lang)
    if args.profile_action == "set":
        if not args.profile_file:
            raise InvalidInput('Give the profile as a TOML file (item = "text").')
        path = Path(args.profile_file).expanduser()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InvalidInput(f"The profile in {path} is not readable TOML ({exc}).") from None
        if not all(isinstance(v, str) for v in data.values()):
            raise InvalidInput(f'Every item in {path} must be text (item = "text").')
        status = service.set_profile(cf, cid, language, data)
    else:
        status = service.profile_status(cf, cid, language)
    lines = [f"{k} = {v!r}" for k, v in status.items.items()]
    if status.missing:
        lines.append("# missing (letters are refused): " + ", ".join(status.missing))
    if status.foreign:
        lines.append("# not in the reply language: " + ", ".join(status.foreign))
    if status.needs_legal_review:
        lines.append("# the list of required items for KG needs legal review")
    ctx.emit(status.to_dict(), "\n".join(lines) or f"No {language} profile for {controller.name}.")
    return 0


def _cmd_signatory(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    controller = _controller(ctx, args.controller)
    cid = controller.id or 0
    current = service.signatory(cf, cid)
    if args.name is not None or args.title is not None:
        current = service.set_signatory(
            cf,
            cid,
            args.name if args.name is not None else current.name,
            args.title if args.title is not None else current.title,
        )
    ctx.emit(
        {"controller": controller.slug, "name": current.name, "title": current.title},
        f"{controller.name}: {current.name or '(no name)'}, {current.title or '(no title)'}",
    )
    return 0
