"""Case-file commands: init, demo, controller, case, audit, backup, restore, rekey."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from dpo_desk.casefile import CaseFile, Key, restore
from dpo_desk.casefile import keys as keystore
from dpo_desk.casefile.keys import parse_secret
from dpo_desk.core.errors import InvalidInput, KeyUnavailable
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind
from dpo_desk.services.records import VIEWS, CaseQuery

from .context import CliContext, one_line
from .open import casefile_path, given_key, stdin_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted case file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="create (or reopen) a case file with demo cases, then open it")
    p.add_argument("--no-gui", action="store_true", help="only create the file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_demo)

    ctl = sub.add_parser("controller", help="manage the controllers the DPO serves")
    csub = ctl.add_subparsers(dest="controller_command", metavar="ACTION", required=True)
    p = csub.add_parser("add", help="add a controller")
    p.add_argument("--slug", required=True, help="short name, e.g. infini")
    p.add_argument("--name", required=True)
    p.add_argument("--legal-entity", default="")
    p.add_argument("--registration-no", default="")
    p.add_argument("--address", default="", help="postal address; use \\n between lines")
    p.add_argument("--dpo-contact", default="")
    p.add_argument("--email", action="append", default=[], help="where requests arrive (repeat)")
    p.add_argument(
        "--jurisdiction",
        action="append",
        default=[],
        help="a regime that applies, e.g. KG, FR, RU (repeat)",
    )
    p.add_argument("--channel", action="append", default=[], choices=[c.value for c in Channel])
    p.add_argument("--language", action="append", default=[], help="reply language (repeat)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_controller_add)
    p = csub.add_parser("list", help="list controllers")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_controller_list)

    case = sub.add_parser("case", help="log and look at cases")
    ksub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    p = ksub.add_parser("add", help="log a request")
    p.add_argument("--controller", required=True, metavar="SLUG")
    p.add_argument(
        "--kind",
        required=True,
        action="append",
        metavar="KIND",
        help="request kind (repeat for several; main request first)",
    )
    p.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    p.add_argument("--received", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--subject-name", required=True, metavar="NAME")
    p.add_argument("--subject-email", default="", metavar="E")
    p.add_argument("--subject-address", default="", metavar="A")
    p.add_argument("--subject-phone", default="")
    p.add_argument("--account", default="", help="customer number or login at the controller")
    _subject_identifier_options(p)  # issue 15
    p.add_argument("--language", default="", help="language of the request (ISO 639-1)")
    p.add_argument("--reply-language", default="")
    p.add_argument("--summary", default="")
    p.add_argument("--postmark", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--registered-no", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_add)
    # issue 15: the subject's identifiers (binding signatures to the data subject)
    p = ksub.add_parser("update", help="change a case's data-subject identifiers")
    p.add_argument("case", metavar="CASE")
    _subject_identifier_options(p, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_update)
    p = ksub.add_parser("list", help="list cases")
    p.add_argument("--controller", metavar="SLUG")
    p.add_argument("--view", choices=VIEWS, default="all")
    p.add_argument("--search", default="", help="full-text search over subjects, notes, emails")
    p.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help='at most N cases; --json then prints {"cases": [...], "next": CURSOR or null}',
    )
    p.add_argument("--after", metavar="CURSOR", help="the next page: the 'next' of the last page")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_list)
    p = ksub.add_parser("show", help="show a case")
    p.add_argument("case", metavar="ID", help="case id or reference")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_show)
    p = ksub.add_parser("status", help="move a case to another status")
    p.add_argument("case", metavar="ID")
    p.add_argument("status")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="date (default today)")
    p.add_argument("--reason", default="", help="a comment kept with the status change")
    p.add_argument(
        "--without-reply",
        default="",
        metavar="REASON",
        help="responded/closed with no finalised reply letter: why (answered in person, "
        "withdrawn, ...)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_status)
    p = ksub.add_parser("note", help="add a note to a case")
    p.add_argument("case", metavar="ID")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_note)
    p = ksub.add_parser("event", help="record a pause or extension event on a case")
    p.add_argument("case", metavar="ID")
    p.add_argument(
        "kind",
        help="identity_requested, identity_received, clarification_requested, "
        "clarification_received, fee_requested, fee_paid, extension_notice_sent",
    )
    p.add_argument("--on", metavar="YYYY-MM-DD")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case_event)

    audit = sub.add_parser("audit", help="the audit trail")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    # issue 20 (evidence): verify --deep / --anchor LINE|FILE and `audit anchor` live in check_cmds
    from .check_cmds import cmd_audit_anchor, cmd_audit_verify

    p = asub.add_parser("verify", help="verify the hash chain, its anchor and (--deep) the data")
    p.add_argument(
        "--anchor",
        metavar="ANCHOR",
        help="SEQ:HASH, a line from `audit anchor`, a backup or a summary, or a file holding one",
    )
    p.add_argument(
        "--deep",
        action="store_true",
        help="also recompute every audited row's hash and compare it with its last audit event",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_audit_verify)
    p = asub.add_parser("anchor", help="print a one-line anchor of the audit chain to keep")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_audit_anchor)
    # end issue 20
    p = asub.add_parser("list", help="list audit events")
    p.add_argument("--case", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_audit_list)

    p = sub.add_parser("backup", help="write an encrypted backup")
    p.add_argument("dest", metavar="DEST", help="a file, or a folder for a dated file")
    p.add_argument(
        "--new-passphrase",
        action="store_true",
        help="encrypt the backup with another passphrase (DPO_DESK_BACKUP_PASSPHRASE "
        "or the next line of standard input)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup over the case file (--file)")
    p.add_argument("src", metavar="SRC")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("rekey", help="change the case file's key")
    p.add_argument(
        "--to",
        choices=["keyring", "passphrase"],
        default=None,
        help="keyring: a new random key kept in the OS keyring; passphrase: a new "
        "passphrase from DPO_DESK_NEW_PASSPHRASE or the next line of stdin",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rekey)


# --- helpers -------------------------------------------------------------------------------------


def parse_date(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what} must be a date like 2026-03-20, not '{text}'.") from None


def parse_kind(text: str) -> RequestKind:
    try:
        return RequestKind(text.strip())
    except ValueError:
        valid = ", ".join(k.value for k in RequestKind)
        raise InvalidInput(f"Unknown request kind '{text}' (valid: {valid}).") from None


def _secret_from(env: str, line: int, what: str) -> Key:
    value = os.environ.get(env)
    if not value:
        value = stdin_line(line)
    if not value:
        raise InvalidInput(f"Give the {what} in {env} or on standard input.")
    return parse_secret(value)


def _new_passphrase_policy(ctx: CliContext, key: Key) -> Key:
    """Issue 20: services.passphrase decides; weak passphrases are accepted with a warning."""
    from dpo_desk.services.passphrase import check_new_key

    verdict = check_new_key(key)
    for warning in verdict.warnings:
        ctx.error(f"warning: weak passphrase: {warning}")
    return verdict.key


def _stdin_offset(ctx: CliContext) -> int:
    return 1 if ctx.args.passphrase_stdin else 0


def controller_dict(c: Controller) -> dict[str, Any]:
    return {
        "id": c.id,
        "slug": c.slug,
        "name": c.name,
        "legal_entity": c.legal_entity,
        "registration_no": c.registration_no,
        "address": c.address,
        "dpo_contact": c.dpo_contact,
        "emails": list(c.emails),
        "jurisdictions": list(c.jurisdictions),
        "channels": [str(x) for x in c.channels],
        "languages": list(c.languages),
    }


def case_dict(case: Case, controller_slug: str) -> dict[str, Any]:
    return {
        "id": case.id,
        "reference": case.reference,
        "controller": controller_slug,
        "subject_name": case.subject.name,
        "subject_email": case.subject.email,
        "subject_address": case.subject.address,
        **_identifiers(case),
        "kinds": [str(k) for k in case.kinds],
        "channel": str(case.channel),
        "status": str(case.status),
        "received": case.received.isoformat(),
        "language": case.language,
        "reply_language": case.reply_language,
        "summary": case.summary,
        "postmark": case.postmark.isoformat() if case.postmark else None,
        "registered_no": case.registered_no,
        "responded_on": case.responded_on.isoformat() if case.responded_on else None,
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
    }


# --- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    path = casefile_path(ctx)
    key = given_key(ctx)
    if key is None and not keystore.keyring_status().usable:
        raise KeyUnavailable(
            "No usable OS keyring here; give a passphrase with --passphrase-stdin or "
            "DPO_DESK_PASSPHRASE."
        )
    if key is not None:
        key = _new_passphrase_policy(ctx, key)  # issue 20: one passphrase policy
    created = CaseFile.create(path, key)
    cf = created.casefile
    data = {
        "path": str(cf.path),
        "key_mode": "keyring" if created.recovery_key else "passphrase",
        "recovery_key": created.recovery_key,
        "schema": cf.schema_version,
    }
    cf.close()
    text = f"Created {path} ({data['key_mode']})."
    if created.recovery_key:
        text += (
            "\nRecovery key (write it down and keep it safe; it opens the file if the keyring "
            f"entry is lost — it is shown only now):\n  {created.recovery_key}"
        )
    ctx.emit(data, text)
    return 0


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.demo import open_or_create_demo

    cf, created = open_or_create_demo(
        Path(args_file) if (args_file := ctx.args.file) else None, given_key(ctx), ctx.today()
    )
    count = cf.cases.count()
    data = {"path": str(cf.path), "created": created, "cases": count, "key_mode": cf.key_source}
    if args.no_gui:
        cf.close()
        ctx.emit(
            data,
            f"{'Created' if created else 'Opened'} the demo case file {data['path']} "
            f"with {count} cases.",
        )
        return 0
    from .gui import start_gui

    return start_gui(ctx, demo=True, casefile=cf)


def cmd_controller_add(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    from dpo_desk.core.rules import default_rulebook

    valid = default_rulebook().codes
    for j in args.jurisdiction:
        if j not in valid:
            raise InvalidInput(f"Unknown jurisdiction '{j}' (valid: {', '.join(valid)}).")
    controller = cf.controllers.add(
        Controller(
            id=None,
            slug=args.slug,
            name=args.name,
            legal_entity=args.legal_entity,
            registration_no=args.registration_no,
            address=args.address.replace("\\n", "\n"),
            dpo_contact=args.dpo_contact,
            emails=tuple(args.email),
            jurisdictions=tuple(args.jurisdiction),
            channels=tuple(Channel(c) for c in args.channel) or (Channel.POST, Channel.EMAIL),
            languages=tuple(args.language) or ("en",),
        )
    )
    ctx.emit(
        {"id": controller.id, "slug": controller.slug},
        f"Added controller {controller.slug} (id {controller.id}).",
    )
    return 0


def cmd_controller_list(args: argparse.Namespace, ctx: CliContext) -> int:
    controllers = ctx.casefile().controllers.list()
    lines = [f"{c.slug:<16} {c.name}  [{', '.join(c.jurisdictions)}]" for c in controllers]
    ctx.emit([controller_dict(c) for c in controllers], "\n".join(lines) or "No controllers yet.")
    return 0


def _subject_identifier_options(p: argparse.ArgumentParser, default: str | None = "") -> None:
    p.add_argument("--subject-snils", default=default, metavar="SNILS", help="Russia: SNILS")
    p.add_argument("--subject-inn", default=default, metavar="INN", help="Russia: a person's INN")
    p.add_argument("--subject-iin", default=default, metavar="IIN", help="Kazakhstan: IIN")


def cmd_case_update(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.identity import set_subject_identifiers

    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    case = set_subject_identifiers(
        cf, int(case.id or 0), snils=args.subject_snils, inn=args.subject_inn, iin=args.subject_iin
    )
    ctx.emit(
        {"id": case.id, "reference": case.reference, **_identifiers(case)},
        f"{case.id}\t{case.reference}\tidentifiers updated",
    )
    return 0


def _identifiers(case: Case) -> dict[str, str]:
    s = case.subject
    return {"subject_snils": s.snils, "subject_inn": s.inn, "subject_iin": s.iin}


def cmd_case_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.cases import add_case
    from dpo_desk.services.identity import normalise_identifier

    cf = ctx.casefile()
    controller = cf.controllers.by_slug(args.controller)
    assert controller is not None
    received = parse_date(args.received, "--received")
    assert received is not None
    added = add_case(
        cf,
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller.id or 0),
            subject=DataSubject(
                name=args.subject_name,
                email=args.subject_email,
                address=args.subject_address.replace("\\n", "\n"),
                phone=args.subject_phone,
                account_ref=args.account,
                snils=normalise_identifier("snils", args.subject_snils),
                inn=normalise_identifier("inn", args.subject_inn),
                iin=normalise_identifier("iin", args.subject_iin),
            ),
            kinds=tuple(parse_kind(k) for k in args.kind),
            channel=Channel(args.channel),
            received=received,
            language=args.language,
            reply_language=args.reply_language or args.language,
            summary=args.summary,
            postmark=parse_date(args.postmark, "--postmark"),
            registered_no=args.registered_no,
        ),
        ctx.today(),
    )
    case = added.case
    for warning in added.warnings:  # to stderr, so that --json output stays clean
        ctx.stderr.write(f"dpo-desk: warning: {warning.message}\n")
    ctx.emit(
        {
            "id": case.id,
            "reference": case.reference,
            "warnings": [w.to_dict() for w in added.warnings],
        },
        f"{case.id}\t{case.reference}",
    )
    return 0


def cmd_case_list(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    controller_id = None
    if args.controller:
        controller = cf.controllers.by_slug(args.controller)
        controller_id = controller.id if controller else None
    query = CaseQuery(
        controller_id=controller_id, view=args.view, today=ctx.today(), text=args.search
    )
    if args.limit is None and args.after is None:
        rows = cf.cases.list(query)  # the whole list: a JSON list, as before issue 19
    else:
        if args.limit is not None and args.limit < 1:
            raise ctx.fail("--limit takes a number of cases of at least 1.")
        page = cf.cases.page(query, limit=args.limit or 100, after=args.after)
        rows = page.rows
    lines = [
        f"{r.reference}  {r.received}  due {r.due_on or '—':<10}  {r.status:<17} "
        f"{r.controller_slug:<14} {','.join(r.kinds):<24} {one_line(r.subject_name)}"
        for r in rows  # issue 20: a name cannot start a line of its own
    ]
    if args.limit is None and args.after is None:
        ctx.emit([r.to_dict() for r in rows], "\n".join(lines) or "No cases.")
        return 0
    more = f"\nMore: --after {page.next}" if page.next else ""
    ctx.emit(
        {"cases": [r.to_dict() for r in rows], "next": page.next},
        ("\n".join(lines) or "No cases.") + more,
    )
    return 0


def cmd_case_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.casefile.deadlines import calendar_overrides, case_deadlines
    from dpo_desk.core.deadlines import deadline_status

    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    assert case.id is not None
    controller = cf.controllers.get(case.controller_id)
    # an open pause counts up to today, so a paused case shows the date it would have if the
    # missing information arrived today (the deadline's warnings say so)
    today = ctx.today()
    deadlines = case_deadlines(cf, case.id, today=today if case.status.is_open else None)
    governing = deadlines.governing
    data = case_dict(case, controller.slug)
    data["deadlines"] = deadlines.to_dict()
    overrides = calendar_overrides(cf, case.controller_id)
    status = deadline_status(governing, today, overrides) if governing else None
    data["deadline_status"] = status.__dict__ if status else None
    data["notes"] = [
        {"at": n.created_at.isoformat(), "text": n.text} for n in cf.cases.notes(case.id)
    ]
    data["events"] = [
        {"kind": str(e.kind), "on": e.on.isoformat(), "note": e.note}
        for e in cf.cases.clock_events(case.id)
    ]
    data["attachments"] = [
        {
            "id": a.id,
            "role": str(a.role),
            "filename": a.filename,
            "size": a.size,
            "sha256": a.sha256,
            "destroyed_at": a.destroyed_at.isoformat() if a.destroyed_at else None,
        }
        for a in cf.attachments.for_case(case.id)
    ]
    lines = [
        f"Case {case.reference} (id {case.id}) — {controller.name}",
        f"  subject:  {case.subject.name} {case.subject.email}".rstrip(),
        *(
            f"  {label}: {value}"
            for label, value in (
                ("SNILS", case.subject.snils),
                ("INN", case.subject.inn),
                ("IIN", case.subject.iin),
            )
            if value
        ),
        f"  kinds:    {', '.join(k.value for k in case.kinds)}",
        f"  channel:  {case.channel.value}, received {case.received}",
        f"  status:   {case.status.value}",
    ]
    for d in deadlines.deadlines:
        mark = "*" if governing is not None and d == governing else " "
        label = "statutory" if d.statutory else "internal target"
        lines.append(f" {mark}due {d.due} [{d.jurisdiction} {d.kind}, {label}] {d.citation}")
    for j, k, reason in deadlines.not_applicable:
        lines.append(f"  no rule {j} {k}: {reason}")
    if status:
        lines.append(
            f"  today:    {status.state.replace('_', ' ')}, {status.days_left} "
            f"{status.unit.replace('_', ' ')} left"
        )
    for n in cf.cases.notes(case.id):
        lines.append(f"  note {n.created_at:%Y-%m-%d}: {n.text}")
    ctx.emit(data, "\n".join(lines))
    return 0


def cmd_case_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.cases import change_status

    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    on = parse_date(args.on, "--on") or ctx.today()
    change = change_status(
        cf,
        case.id or 0,
        args.status,
        on=on,
        reason=args.reason,
        without_reply=args.without_reply,
    )
    case = change.case
    text = f"{case.reference}: {case.status.value}"
    if change.without_reply:
        text += f" (without a reply letter: {change.without_reply})"
    ctx.emit(change.to_dict(), text)
    return 0


def cmd_case_note(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    note = cf.cases.add_note(case.id or 0, args.text)
    ctx.emit({"id": note.id}, f"Note added to {case.reference}.")
    return 0


def cmd_case_event(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.casefile.deadlines import case_deadlines
    from dpo_desk.services.cases import record_clock_event

    cf = ctx.casefile()
    case = cf.cases.resolve(args.case)
    today = ctx.today()
    on = parse_date(args.on, "--on") or today
    event = record_clock_event(cf, case.id or 0, args.kind, on, today, args.note)
    governing = case_deadlines(cf, case.id or 0).governing
    due = governing.due.isoformat() if governing else None
    ctx.emit(
        {"id": case.id, "event": event.kind.value, "on": on.isoformat(), "due": due},
        f"{case.reference}: {event.kind.value} on {on}; due {due or '—'}",
    )
    return 0


def cmd_audit_list(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    case_id = cf.cases.resolve(args.case).id if args.case else None
    events = cf.audit.events(case_id)
    ctx.emit(
        [
            {
                "seq": e.seq,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "case_id": e.case_id,
                "data": e.data,
                "hash": e.hash,
            }
            for e in events
        ],
        "\n".join(
            f"{e.seq:>5} {e.at:%Y-%m-%d %H:%M} {e.action:<24} {e.case_id or ''}" for e in events
        ),
    )
    return 0


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    key = None
    if args.new_passphrase:
        key = _secret_from("DPO_DESK_BACKUP_PASSPHRASE", _stdin_offset(ctx), "backup passphrase")
        key = _new_passphrase_policy(ctx, key)  # issue 20
    info = cf.backup(Path(args.dest).expanduser(), key)
    data = {
        "path": str(info.path),
        "size": info.size,
        "at": info.at,
        "key_mode": info.key_mode,
        "anchor": info.anchor.text() if info.anchor else None,
    }
    text = f"Backup written to {info.path} ({info.size:,} bytes)."
    if info.anchor:
        text += f"\nAudit anchor at backup time: {info.anchor.text()}"
    if cf.key_source == "keyring" and key is None:
        text += "\nThe backup uses the case file's key: keep the recovery key to open it elsewhere."
    ctx.emit(data, text)
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    target = casefile_path(ctx)
    src = Path(args.src).expanduser()
    key = given_key(ctx)
    candidates = [key] if key else []
    if not candidates:
        file_id = keystore.read_file_id(target)
        candidates = keystore.stored_keys(file_id) if file_id else []
    if not candidates:
        raise KeyUnavailable(
            "Give the backup's passphrase or recovery key (--passphrase-stdin "
            "or DPO_DESK_PASSPHRASE)."
        )
    from dpo_desk.core.errors import WrongKey

    last: Exception | None = None
    for candidate in candidates:
        try:
            restore(src, candidate, target)
            break
        except WrongKey as exc:
            last = exc
    else:
        assert last is not None
        raise last
    ctx.emit({"path": str(target), "from": str(src)}, f"Restored {src} to {target}.")
    return 0


def cmd_rekey(args: argparse.Namespace, ctx: CliContext) -> int:
    cf = ctx.casefile()
    to = args.to or ("keyring" if cf.key_source != "keyring" else "passphrase")
    if to == "keyring":
        recovery = cf.rekey(None)
        ctx.emit(
            {"key_mode": "keyring", "recovery_key": recovery},
            f"The case file now has a new random key in the OS keyring.\nNew recovery key "
            f"(shown only now; the old one no longer works):\n  {recovery}",
        )
        return 0
    new = _secret_from("DPO_DESK_NEW_PASSPHRASE", _stdin_offset(ctx), "new passphrase")
    if new.passphrase is None:
        raise InvalidInput("The new passphrase looks like a recovery key; choose a passphrase.")
    new = _new_passphrase_policy(ctx, new)  # issue 20
    cf.rekey(new)
    ctx.emit(
        {"key_mode": "passphrase", "recovery_key": None},
        "The case file now opens with the new passphrase only.",
    )
    return 0
