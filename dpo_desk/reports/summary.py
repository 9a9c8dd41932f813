"""Case summaries (PDF and JSON) for a regulator, a court or a successor DPO.

One JSON-shaped document is assembled from the case file and rendered both ways, so the PDF and
the JSON always say the same thing. It carries the audit chain's head (``seq:hash``) at the time
of export: ``dpo-desk audit verify --anchor SEQ:HASH`` later proves that the file's log still
contains, unchanged, every event the summary was made from. The copy of an identity document is
never part of a summary, only the record of its verification and of its destruction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from dpo_desk.casefile.audit import Anchor
from dpo_desk.core.deadlines import deadline_status, kind_label
from dpo_desk.core.errors import KnownError

from . import pdfkit
from .common import (
    TIMELINESS_LABELS,
    DeadlineSource,
    ExportResult,
    NoRedaction,
    Pseudonymiser,
    finish_export,
    format_for,
    iso,
    json_bytes,
    timeliness,
)
from .pseudonymise import REVIEW_NOTE, FreeTextRedactor  # issue 20

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

SCHEMA = 1
IDENTITY_NOTE = (
    "The copy of the identity document is never part of this summary; only the record of how "
    "identity was verified (and when any copy was destroyed) is."
)
AUDIT_NOTE = "Audit events of this case, in chain order."


@dataclass(frozen=True)
class CaseSummary:
    """A case summary as data; ``data`` is the JSON document (treat it as read-only)."""

    case_id: int
    reference: str
    pseudonymised: bool
    anchor: Anchor | None  # the audit chain's head the summary was made at
    data: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


def build_case_summary(
    cf: CaseFile,
    case_id: int | str,
    today: date,
    *,
    pseudonymise: bool = False,
    pseudonymiser: Pseudonymiser | None = None,
) -> CaseSummary:
    """Assemble the summary of one case (by id or reference), as of ``today``."""
    case = cf.cases.resolve(case_id)
    assert case.id is not None
    anchor = cf.head()
    source = DeadlineSource(cf, today)
    controller = source.controller(case)
    pseudonym = (pseudonymiser or Pseudonymiser()).subject(case.id) if pseudonymise else ""
    red: FreeTextRedactor | NoRedaction = (
        FreeTextRedactor.for_subject(case.subject, pseudonym) if pseudonymise else NoRedaction()
    )

    if pseudonymise:
        subject: dict[str, Any] = {
            "pseudonym": pseudonym,
            "note": "The data subject is pseudonymised in this summary; the case reference "
            "links it to the case file. " + REVIEW_NOTE,  # issue 20
        }
    else:
        s = case.subject
        subject = {
            "name": s.name,
            "email": s.email,
            "address": s.address,
            "phone": s.phone,
            "account_ref": s.account_ref,
        }

    deadlines = _deadlines(source, case, today)
    outcome = timeliness(case.status, _due(deadlines), case.responded_on, today)

    data: dict[str, Any] = {
        "document": "DPO Desk case summary",
        "schema": SCHEMA,
        "generated_at": cf.clock().isoformat(),
        "as_of": today.isoformat(),
        "case_file": {"name": cf.path.name, "file_id": cf.file_id},
        "audit_anchor": {
            "seq": anchor.seq if anchor else 0,
            "hash": anchor.hash if anchor else None,
            "anchor": anchor.text() if anchor else None,
            "verify": f"dpo-desk --file {cf.path.name} audit verify --anchor {anchor.text()}"
            if anchor
            else None,
            "note": "The head of the case file's audit chain when this summary was made. The "
            "command checks that the file's log still holds every event up to it, unchanged.",
        },
        "pseudonymised": pseudonymise,
        "case": {
            "id": case.id,
            "reference": case.reference,
            "status": str(case.status),
            "kinds": [str(k) for k in case.kinds],
            "kind_labels": [kind_label(k) for k in case.kinds],
            "channel": str(case.channel),
            "received": case.received.isoformat(),
            "postmark": iso(case.postmark),
            "registered_no": case.registered_no,
            "language": case.language,
            "reply_language": case.reply_language,
            "summary": red.text(case.summary),
            "responded_on": iso(case.responded_on),
            "closed_on": iso(case.closed_on),
            "outcome": red.text(case.outcome),
            "timeliness": outcome,
            "timeliness_label": TIMELINESS_LABELS[outcome],
        },
        "controller": {
            "slug": controller.slug,
            "name": controller.name,
            "legal_entity": controller.legal_entity,
            "registration_no": controller.registration_no,
            "address": controller.address,
            "dpo_contact": controller.dpo_contact,
            "jurisdictions": list(controller.jurisdictions),
        },
        "subject": subject,
        "deadlines": deadlines,
        "pauses_and_extensions": [
            {"kind": str(e.kind), "on": e.on.isoformat(), "note": red.text(e.note)}
            for e in cf.cases.clock_events(case.id)
        ],
        "identity_checks": [
            _identity(r.to_dict(), red, pseudonymise) for r in cf.identity.for_case(case.id)
        ],
        "identity_note": IDENTITY_NOTE,
        "letters": [_letter(letter.to_dict()) for letter in cf.letters.for_case(case.id)],
        "correspondence": [
            {
                "received_at": iso(e.received_at),
                "sent_at": iso(e.sent_at),
                "from": red.text(e.from_addr),
                "subject": red.text(e.subject),
                "content_hash": e.content_hash,
                "smime_signed": e.smime_signed,
            }
            for e in cf.emails.for_case(case.id)
        ],
        "attachments": [
            {
                "id": a.id,
                "role": str(a.role),
                "filename": red.text(a.filename),
                "media_type": a.media_type,
                "size": a.size,
                "sha256": a.sha256,
                "added_at": a.created_at.isoformat(),
                "destroyed_at": iso(a.destroyed_at),
            }
            for a in cf.attachments.for_case(case.id)
        ],
        "notes": [
            {"created_at": n.created_at.isoformat(), "text": red.text(n.text)}
            for n in cf.cases.notes(case.id)
        ],
        "audit_events": [
            {
                "seq": e.seq,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "data": red.value(e.data),
                "hash": e.hash,
            }
            for e in cf.audit.events(case.id)
            if anchor is None or e.seq <= anchor.seq
        ],
    }
    return CaseSummary(case.id, case.reference, pseudonymise, anchor, data)


def _deadlines(source: DeadlineSource, case: Any, today: date) -> dict[str, Any]:
    try:
        found = source.for_case(case)
    except KnownError as exc:
        return {
            "governing": None,
            "status": None,
            "deadlines": [],
            "not_applicable": [],
            "error": exc.message,
        }
    result = found.to_dict()
    governing = found.governing
    status = None
    if governing is not None and case.status.is_open:
        state = deadline_status(governing, today, source.overrides(case.controller_id))
        status = {**state.to_dict(), "text": state.text}
    result["status"] = status
    result["error"] = None
    return result


def _due(deadlines: Mapping[str, Any]) -> date | None:
    governing = deadlines.get("governing")
    return date.fromisoformat(governing["due"]) if governing else None


def _identity(
    record: dict[str, Any], red: FreeTextRedactor | NoRedaction, pseudonymise: bool
) -> dict[str, Any]:
    record = {k: v for k, v in record.items() if k != "case_id"}
    if pseudonymise:
        record["document_last4"] = ""
    record["checklist"] = red.value(record["checklist"])
    record["signature_report"] = red.value(record["signature_report"])
    return record


def _letter(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "case_id"}


# --- rendering -----------------------------------------------------------------------------------


def summary_json(summary: CaseSummary) -> bytes:
    return json_bytes(summary.to_dict())


def summary_pdf(summary: CaseSummary) -> bytes:
    d = summary.data
    st = pdfkit.styles()
    case, ctl, anchor = d["case"], d["controller"], d["audit_anchor"]
    story: list[Flowable] = [
        Paragraph(pdfkit.text(f"Case summary {case['reference']}"), st.title),
        Paragraph(
            pdfkit.text(
                f"{ctl['name']} · generated {d['generated_at'][:16].replace('T', ' ')} UTC · "
                f"deadlines as of {d['as_of']}" + (" · pseudonymised" if d["pseudonymised"] else "")
            ),
            st.subtitle,
        ),
    ]
    story += _anchor_block(anchor, st)

    story.append(Paragraph("Request", st.h2))
    story.append(
        pdfkit.kv_table(
            [
                ("Reference", case["reference"]),
                ("Status", case["status"].replace("_", " ")),
                ("Requests", "; ".join(case["kind_labels"])),
                ("Channel", case["channel"]),
                ("Received", case["received"]),
                ("Postmark", case["postmark"]),
                ("Registered mail no.", case["registered_no"]),
                (
                    "Language / reply in",
                    f"{case['language'] or '—'} / {case['reply_language'] or '—'}",
                ),
                ("Summary", case["summary"]),
                ("Answered on", case["responded_on"]),
                ("Closed on", case["closed_on"]),
                ("Timeliness", case["timeliness_label"]),
                ("Outcome", case["outcome"]),
            ],
            st,
        )
    )

    story.append(Paragraph("Controller", st.h2))
    story.append(
        pdfkit.kv_table(
            [
                ("Name", ctl["name"]),
                ("Legal entity", ctl["legal_entity"]),
                ("Registration no.", ctl["registration_no"]),
                ("Address", ctl["address"]),
                ("DPO contact", ctl["dpo_contact"]),
                ("Regimes", ", ".join(ctl["jurisdictions"])),
            ],
            st,
        )
    )

    story.append(Paragraph("Data subject", st.h2))
    subj = d["subject"]
    if d["pseudonymised"]:
        story.append(pdfkit.kv_table([("Pseudonym", subj["pseudonym"])], st))
        story.append(Paragraph(pdfkit.text(subj["note"]), st.small))
    else:
        story.append(
            pdfkit.kv_table(
                [
                    ("Name", subj["name"]),
                    ("Email", subj["email"]),
                    ("Address", subj["address"]),
                    ("Phone", subj["phone"]),
                    ("Account at controller", subj["account_ref"]),
                ],
                st,
            )
        )

    story += _deadline_blocks(d["deadlines"], st)
    story += _pauses(d["pauses_and_extensions"], st)
    story += _identity_blocks(d["identity_checks"], d["identity_note"], st)
    story += _letters(d["letters"], st)
    story += _correspondence(d["correspondence"], d["attachments"], st)

    story.append(Paragraph("Notes", st.h2))
    if d["notes"]:
        # each note as paragraphs, not a table row: a row cannot break across pages, and a
        # pasted e-mail in a note is longer than a page
        for n in d["notes"]:
            written = n["created_at"][:16].replace("T", " ")
            story.append(Paragraph(f"<b>{pdfkit.text(written)}</b>", st.small))
            for block in str(n["text"]).split("\n\n"):
                if block.strip():
                    story.append(pdfkit.para(block, st.body))
            story.append(Spacer(1, 4))
    else:
        story.append(Paragraph("No notes.", st.small))

    story.append(Paragraph("Audit events", st.h2))
    story.append(Paragraph(pdfkit.text(AUDIT_NOTE), st.small))
    story.append(Spacer(1, 2 * mm))
    story.append(
        pdfkit.data_table(
            ["Seq", "Time (UTC)", "Action", "Details", "By"],
            [
                [
                    e["seq"],
                    e["at"][:16].replace("T", " "),
                    e["action"],
                    _details(e["data"]),
                    e["actor"],
                ]
                for e in d["audit_events"]
            ],
            [7, 22, 28, 63, 11],
            st,
        )
    )

    footer = f"DPO Desk · case summary {case['reference']}"
    if anchor["anchor"]:
        footer += f" · audit anchor {anchor['seq']}:{anchor['hash'][:16]}…"
    return pdfkit.build_pdf(
        story,
        title=f"Case summary {case['reference']}",
        footer=footer,
        subject="Data-subject request: case summary",
    )


def _anchor_block(anchor: Mapping[str, Any], st: pdfkit.Styles) -> list[Flowable]:
    if not anchor["anchor"]:
        return [Paragraph("The case file's audit log is empty.", st.small)]
    return [
        KeepTogether(
            [
                pdfkit.kv_table(
                    [
                        ("Audit anchor", Paragraph(pdfkit.text(anchor["anchor"]), st.hash)),
                        ("Check it with", Paragraph(pdfkit.text(anchor["verify"]), st.hash)),
                    ],
                    st,
                ),
                Paragraph(pdfkit.text(anchor["note"]), st.small),
            ]
        )
    ]


def _deadline_blocks(deadlines: Mapping[str, Any], st: pdfkit.Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Deadlines", st.h2)]
    if deadlines.get("error"):
        out.append(
            Paragraph(
                pdfkit.text(f"The deadlines could not be computed: {deadlines['error']}"),
                st.warning,
            )
        )
        return out
    governing = deadlines["governing"]
    if governing is None:
        out.append(Paragraph("No deadline applies to this case.", st.body))
    else:
        line = (
            f"Governing: {governing['jurisdiction']} {kind_label(governing['kind'])}, due "
            f"{governing['due']} ({governing['target']})"
        )
        if deadlines.get("status"):
            line += f" — {deadlines['status']['text']}"
        out.append(Paragraph(f"<b>{pdfkit.text(line)}</b>", st.body))
    for dl in deadlines["deadlines"]:
        rows: list[tuple[str, Any]] = [
            ("Due", dl["due"] + (" (extended)" if dl["extended"] else "")),
            (
                "Target",
                "statutory deadline"
                if dl["statutory"]
                else "internal target (not a statutory deadline)",
            ),
            ("Rule", f"{dl['rule_id']}: {dl['period_text']} from {dl['clock_start']}"),
            ("Citation", dl["citation"]),
            ("Clock started", dl["clock_started"]),
            ("Without pauses/extension", dl["base_due"]),
            ("Pauses", f"{dl['pause_model']}; {dl['paused_days']} day(s) paused"),
        ]
        if dl["extended_due"]:
            rows.append(
                (
                    "Extension",
                    f"to {dl['extended_due']}; notice due by "
                    f"{dl['extension_notice_by']}"
                    + (" — extended" if dl["extended"] else " — not used"),
                )
            )
        else:
            rows.append(("Extension", "not allowed"))
        if dl["acknowledge_by"]:
            rows.append(("Acknowledge by", dl["acknowledge_by"]))
        rows.append(("Calendar", dl["calendar"]))
        block: list[Flowable] = [
            Paragraph(pdfkit.text(f"{dl['jurisdiction']} · {kind_label(dl['kind'])}"), st.h3),
            pdfkit.kv_table(rows, st),
        ]
        block += [Paragraph(pdfkit.text(w), st.warning) for w in dl["warnings"]]
        out.append(KeepTogether(block))
    for item in deadlines["not_applicable"]:
        out.append(
            Paragraph(
                pdfkit.text(
                    f"Not applicable — {item['jurisdiction']} {kind_label(item['kind'])}: "
                    f"{item['reason']}"
                ),
                st.small,
            )
        )
    return out


def _pauses(events: list[Mapping[str, Any]], st: pdfkit.Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Pauses and extensions", st.h2)]
    if not events:
        out.append(Paragraph("No pause or extension events.", st.small))
        return out
    out.append(
        pdfkit.data_table(
            ["Date", "Event", "Note"],
            [[e["on"], e["kind"].replace("_", " "), e["note"]] for e in events],
            [20, 40, 70],
            st,
        )
    )
    return out


def _identity_blocks(
    records: list[Mapping[str, Any]], note: str, st: pdfkit.Styles
) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph("Identity verification", st.h2),
        Paragraph(pdfkit.text(note), st.small),
        Spacer(1, 2 * mm),
    ]
    if not records:
        out.append(Paragraph("No identity check recorded.", st.body))
        return out
    for r in records:
        rows: list[tuple[str, Any]] = [
            ("Checked", f"{r['checked_at'][:16].replace('T', ' ')} UTC by {r['checked_by']}"),
            ("Method", r["method"].replace("_", " ")),
            ("Outcome", r["outcome"].replace("_", " ")),
            (
                "Document",
                " ".join(
                    x
                    for x in (
                        r["document_type"],
                        f"…{r['document_last4']}" if r["document_last4"] else "",
                    )
                    if x
                ),
            ),
        ]
        if r["checklist"]:
            rows.append(
                ("Checklist", "\n".join(f"{k}: {_plain(v)}" for k, v in r["checklist"].items()))
            )
        if r["signature_report"]:
            rows.append(("Signature check", _details(r["signature_report"])))
        for copy in r["destroyed"]:
            rows.append(
                (
                    "Copy destroyed",
                    Paragraph(
                        pdfkit.text(
                            f"{copy.get('destroyed_at', '')} — SHA-256 {copy.get('sha256', '')}"
                        ),
                        st.hash,
                    ),
                )
            )
        out.append(KeepTogether([pdfkit.kv_table(rows, st), Spacer(1, 2 * mm)]))
    return out


def _letters(letters: list[Mapping[str, Any]], st: pdfkit.Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Letters", st.h2)]
    if not letters:
        out.append(Paragraph("No letters.", st.small))
        return out
    rows: list[list[Any]] = []
    spans = []
    for letter in letters:
        rows.append(
            [
                letter["kind"].replace("_", " "),
                letter["language"],
                letter["status"],
                (letter["finalised_at"] or "")[:10],
                letter["sent_on"],
                (letter["channel"] or "").replace("_", " ")
                + (f" {letter['registered_no']}" if letter["registered_no"] else ""),
            ]
        )
        rows.append(
            [
                Paragraph(
                    pdfkit.text(
                        f"SHA-256 {letter['sha256']}"
                        if letter["sha256"]
                        else "draft: no PDF stored yet"
                    ),
                    st.hash,
                ),
                "",
                "",
                "",
                "",
                "",
            ]
        )
        spans.append(((0, len(rows)), (-1, len(rows))))
    out.append(
        pdfkit.data_table(
            ["Letter", "Lang.", "Status", "Finalised", "Sent on", "Channel"],
            rows,
            [34, 10, 12, 18, 18, 38],
            st,
            spans=spans,
        )
    )
    return out


def _correspondence(
    emails: list[Mapping[str, Any]], attachments: list[Mapping[str, Any]], st: pdfkit.Styles
) -> list[Flowable]:
    out: list[Flowable] = []
    if emails:
        out.append(Paragraph("Emails received", st.h2))
        out.append(
            pdfkit.data_table(
                ["Received", "From", "Subject line", "S/MIME"],
                [
                    [
                        (e["received_at"] or e["sent_at"] or "")[:16].replace("T", " "),
                        e["from"],
                        e["subject"],
                        "signed" if e["smime_signed"] else "",
                    ]
                    for e in emails
                ],
                [24, 40, 56, 12],
                st,
            )
        )
    if attachments:
        out.append(Paragraph("Attachments (evidence held in the case file)", st.h2))
        rows: list[list[Any]] = []
        for a in attachments:
            rows.append(
                [
                    a["added_at"][:10],
                    a["role"].replace("_", " "),
                    a["filename"],
                    f"{a['size']:,} B",
                    (a["destroyed_at"] or "")[:10] or "kept",
                ]
            )
        out.append(
            pdfkit.data_table(
                ["Added", "Role", "File", "Size", "Destroyed"], rows, [18, 22, 56, 16, 18], st
            )
        )
        out.append(
            Paragraph(
                pdfkit.text(
                    "SHA-256: " + "; ".join(f"#{a['id']} {a['sha256']}" for a in attachments)
                ),
                st.hash,
            )
        )
    return out


def _plain(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None:
        return "—"
    return str(value)


def _details(data: Any) -> str:
    """An audit event's data in one readable line."""
    if not isinstance(data, Mapping):
        return _plain(data)
    parts = []
    for key, value in data.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        if isinstance(value, Mapping):
            value = "{" + _details(value) + "}"
        elif isinstance(value, list | tuple):
            value = ", ".join(_plain(v) for v in value)
        else:
            value = _plain(value)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


# --- export --------------------------------------------------------------------------------------


def export_case_summary(
    cf: CaseFile,
    case_id: int | str,
    path: Path | str,
    today: date,
    *,
    fmt: str | None = None,
    pseudonymise: bool = False,
) -> ExportResult:
    """Write a case summary (PDF or JSON, from the extension unless ``fmt`` is given)."""
    chosen = format_for(path, "summary", fmt)
    summary = build_case_summary(cf, case_id, today, pseudonymise=pseudonymise)
    data = summary_pdf(summary) if chosen == "pdf" else summary_json(summary)
    return finish_export(
        cf,
        kind="summary",
        fmt=chosen,
        path=Path(path),
        data=data,
        case_id=summary.case_id,
        cases=1,
        pseudonymised=pseudonymise,
        anchor=summary.anchor,
    )
