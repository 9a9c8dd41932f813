"""Compose a letter's text from its template and render it to PDF bytes, in memory.

The page follows DIN 5008: the recipient address sits in the window of a C5/6 or DL envelope
(form B: field 20 mm from the left, 45-90 mm from the top, 85 mm wide, the return-address line
in its top 17.7 mm; form A: 27-72 mm), fold marks at 105/210 mm (form A: 87/192 mm; US Letter:
thirds) and a punch mark at mid-height. Text is set in the bundled DejaVu fonts, embedded as
subsets with a Unicode map, so copy-paste and search work in every language. Nothing is
written to disk.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepInFrame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from dpo_desk.core.errors import InvalidInput, TemplateError, UnknownRequestKind
from dpo_desk.core.model import Case, Controller, LetterKind, RequestKind
from dpo_desk.letters import profile as profile_mod
from dpo_desk.letters import templates as tpl_mod
from dpo_desk.letters.fonts import FontSet, register_fonts
from dpo_desk.letters.templates import (
    ACTION_KINDS,
    Labels,
    TemplateFlags,
    allowed_placeholders,
    authority_for,
    format_date,
    labels,
    load_template,
    part_placeholders,
    substitute,
)

__all__ = [
    "ComposedLetter",
    "LetterInput",
    "PageGeometry",
    "compose_text",
    "geometry",
    "pause_model",
    "render_letter",
    "template_flags",
]


@dataclass(frozen=True)
class LetterInput:
    kind: LetterKind
    language: str
    controller: Controller
    case: Case
    date: date  # letter date
    recipient_name: str
    recipient_address: str
    deadline_due: date | None = None
    deadline_statutory: bool = True
    deadline_citation: str = ""
    extended_due: date | None = None
    extension_reasons: str = ""
    jurisdiction: str = ""  # the governing regime (for authority + citations)
    refusal_reasons: str = ""
    legal_ground: str = ""
    actions: tuple[str, ...] = ()  # request kinds acted upon (action_confirmation)
    enclosures: tuple[str, ...] = ()
    signatory_name: str = ""
    signatory_title: str = ""
    signature_image: bytes | None = None
    body_override: str | None = None  # the DPO's edited text (replaces the template body)
    paper: str = "A4"  # or "LETTER"
    window: str = "DIN5008B"  # address placement: DIN 5008 form B, or "DIN5008A"
    # identity_request: why identity is in doubt (the law asks for a reason before an ID
    # demand), what is asked for (keys of labels' [identity_means] or the DPO's own wording;
    # default: the controller's accepted means), and what needs clarifying.
    identity_doubt: str = ""
    identity_means: tuple[str, ...] = ()
    clarification: str = ""
    # the controller's processing profile in the letter's language (item name -> text; see
    # letters/profile.py): an access response is filled from it, never from another language
    profile: Mapping[str, str] = field(default_factory=dict)
    salutation: str = ""  # "m", "f" or "neutral"/"": which salutation and closing
    original_due: date | None = None  # extension notice: the period before the extension
    # issue 20 (evidence): the case file's audit chain head when the letter was made, e.g.
    # "Audit 42:3f9a8b7c6d5e4f301a2b"; printed small in the footer ("" prints nothing)
    audit_reference: str = ""


@dataclass(frozen=True)
class ComposedLetter:
    """Subject line and body after substitution: what the DPO reviews and may edit.

    ``body`` runs from salutation to closing formula; blank lines separate paragraphs and a
    line starting with ``- `` is a list item. Pass an edited body back as
    ``LetterInput.body_override``.
    """

    kind: LetterKind
    language: str
    subject: str
    body: str
    needs_legal_review: bool
    review_note: str = ""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b for b in re.split(r"\n\s*\n", self.body) if b.strip())

    @property
    def text(self) -> str:
        """Subject and body as plain text (what ``checks.check_letter`` reads)."""
        return f"{self.subject}\n\n{self.body}"


def template_flags(
    kind: LetterKind, language: str, template_override: str | None = None
) -> TemplateFlags:
    """``needs_legal_review`` and the review note of the template a letter would use."""
    return tpl_mod.template_flags(kind, language, template_override)


# --- composing ----------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _inline(text: str) -> str:
    """One line: newlines and runs of spaces become single spaces."""
    return " ".join(_clean(text).split())


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in _clean(text).split("\n") if ln.strip()]


def _one_line(text: str) -> str:
    """A multi-line field (address, DPO contact) written on one line."""
    return ", ".join(_lines(text))


def _sentence(text: str) -> str:
    """Free text the DPO typed, ending with punctuation; inner line breaks are kept."""
    body = "\n".join(_lines(text))
    if body and body[-1] not in ".!?…":
        body += "."
    return body


def _phrase(text: str) -> str:
    """Text that a template follows with its own full stop."""
    return _inline(text).rstrip(" .")


def _bullets(items: Sequence[str], lab: Labels) -> str:
    cleaned = [_inline(i) for i in items if _inline(i)]
    if not cleaned:
        return lab.none_recorded
    return "\n".join(f"- {i}" for i in cleaned)


def _jurisdiction(inp: LetterInput) -> str:
    if inp.jurisdiction.strip():
        return inp.jurisdiction.strip().upper()
    return inp.controller.jurisdictions[0].upper() if inp.controller.jurisdictions else ""


def pause_model(jurisdiction: str) -> str:
    """How an identity request affects the clock: "suspended" (FR, EU), "restart" (UK), "none"."""
    code = jurisdiction.strip().upper()
    if code in ("EU", "FR"):
        return "suspended"
    if code.startswith("UK"):
        return "restart"
    return "none"


def _action_kinds(inp: LetterInput) -> list[RequestKind]:
    raw: Sequence[str] = inp.actions or [
        k for k in inp.case.kinds if RequestKind(k) in ACTION_KINDS
    ]
    if not raw:
        raise TemplateError(
            "An action confirmation needs at least one action (rectification, erasure, "
            "restriction, objection, consent withdrawal, marketing opt-out...)."
        )
    kinds: list[RequestKind] = []
    for value in raw:
        try:
            kind = RequestKind(value)
        except ValueError:
            raise UnknownRequestKind(f"Unknown request kind '{value}'.") from None
        if kind not in ACTION_KINDS:
            raise TemplateError(
                f"'{kind.value}' is answered with an access response, not an action confirmation."
            )
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def _values(inp: LetterInput, lab: Labels) -> dict[str, str]:
    lang = inp.language
    c = inp.controller
    case = inp.case
    kinds: list[str] = []
    for k in case.kinds:
        phrase = lab.request_kind(k)
        if phrase not in kinds:
            kinds.append(phrase)
    authority = authority_for(_jurisdiction(inp), c.jurisdictions)
    contact = authority.contact() if authority else ""
    means = inp.identity_means or c.verification.accepted
    profile = inp.profile

    def bullets(key: str) -> str:
        return _bullets(_lines(profile.get(key, "")), lab)

    return {
        "recipient_name": _inline(inp.recipient_name) or _inline(case.subject.name),
        "subject_name": _inline(case.subject.name),
        "reference": _inline(case.reference),
        "letter_date": format_date(inp.date, lang),
        "received_date": format_date(case.received, lang),
        "request_kinds": lab.join(kinds),
        "controller_name": _inline(c.name),
        "controller_legal_entity": _inline(c.legal_entity) or _inline(c.name),
        "controller_address": _one_line(c.address),
        "dpo_contact": _one_line(c.dpo_contact),
        "account_ref": _inline(case.subject.account_ref),
        "signatory_name": _inline(inp.signatory_name),
        "signatory_title": _inline(inp.signatory_title) or lab.dpo,
        "due_date": format_date(inp.original_due or inp.deadline_due, lang)
        if (inp.original_due or inp.deadline_due)
        else "",
        "deadline_citation": _phrase(inp.deadline_citation) or lab.applicable_law,
        # no extended date (the law allows none: a blocking warning says so) shows as a blank
        # to fill, never as a silent gap in the sentence
        "extended_due": format_date(inp.extended_due, lang) if inp.extended_due else "________",
        "extension_reasons": _sentence(inp.extension_reasons),
        "refusal_reasons": _sentence(inp.refusal_reasons),
        "legal_ground": _phrase(inp.legal_ground),
        "identity_doubt": _sentence(inp.identity_doubt),
        "clarification": _sentence(inp.clarification),
        "identity_means": _bullets([lab.identity_mean(m) for m in means], lab) if means else "",
        "purposes": bullets("purposes"),
        "categories": bullets("categories"),
        "recipients": bullets("recipients"),
        "retention": _sentence(profile.get("retention", "")) or lab.none_recorded,
        "sources": bullets("sources"),
        "transfers": _sentence(profile.get("transfers", "")),
        "authority_name": authority.name(lang) if authority else "",
        "authority_contact": substitute(lab.authority_contact, {"contact": contact})
        if contact
        else "",
    }


_ACTION_PREFERENCE = ("GDPR", "RU", "KZ", "KG", "OTHER")


def regimes_of_input(inp: LetterInput) -> tuple[str, ...]:
    """The regimes on the letter's case: the controller's jurisdictions, else the governing one."""
    return profile_mod.regimes_of(_case_jurisdictions(inp))


def _case_jurisdictions(inp: LetterInput) -> list[str]:
    """The governing jurisdiction first, then the controller's others (each once)."""
    codes = [inp.jurisdiction] if inp.jurisdiction.strip() else []
    for code in inp.controller.jurisdictions:
        if code.strip() and code.strip().upper() not in {c.strip().upper() for c in codes}:
            codes.append(code)
    return codes


def _authorities(inp: LetterInput) -> list[tpl_mod.Authority]:
    """One supervisory authority per jurisdiction of the case (each once), in its order."""
    seen: list[tpl_mod.Authority] = []
    for code in _case_jurisdictions(inp):
        if not code.strip():
            continue
        authority = authority_for(code, inp.controller.jurisdictions)
        if authority is not None and all(a.id != authority.id for a in seen):
            seen.append(authority)
    return seen


def _regime_text(inp: LetterInput, key: str) -> list[str]:
    table = tpl_mod.regime_texts(inp.language)
    out: list[str] = []
    for regime in regimes_of_input(inp):
        text = table.get(regime, table.get("OTHER", {})).get(key, "")
        if text and text not in out:
            out.append(text)
    return out


def profile_paragraphs(inp: LetterInput, lab: Labels) -> str:
    """The access response's items: every item a regime of the case requires, then any other
    item the profile fills, each under its heading in the letter's language."""
    required = profile_mod.required_items(regimes_of_input(inp))
    shown = [i for i in profile_mod.ITEMS if i in required or inp.profile.get(i, "").strip()]
    blocks = []
    for item in shown:
        heading = lab.profile_items.get(item, item)
        text = inp.profile.get(item, "").strip()
        if item in profile_mod.LIST_ITEMS:
            value = _bullets(_lines(text), lab)
        else:
            value = _sentence(text) or lab.none_recorded
        blocks.append(f"{heading}:\n{value}")
    return "\n\n".join(blocks)


def _complaints(inp: LetterInput, tpl: tpl_mod.LetterTemplate, values: dict[str, str]) -> str:
    lab = labels(inp.language)
    out = []
    names = part_placeholders(inp.kind)
    for authority in _authorities(inp):
        contact = authority.contact()
        v = {
            **values,
            "authority_name": authority.name(inp.language),
            "authority_contact": substitute(lab.authority_contact, {"contact": contact})
            if contact
            else "",
        }
        out.append(substitute(tpl.parts["complaint"], v, names, "part 'complaint'"))
    if not out:
        out.append(substitute(tpl.parts["complaint_generic"], values, names, "complaint_generic"))
    return "\n\n".join(out)


def _channels_part(inp: LetterInput) -> str:
    channels = {str(c) for c in inp.controller.channels}
    if channels == {"post"}:
        return "channels_post"
    if channels == {"email"}:
        return "channels_email"
    return "channels_any"


def _derived(
    inp: LetterInput,
    parts: dict[str, str],
    v: dict[str, str],
    tpl: tpl_mod.LetterTemplate | None = None,
) -> dict[str, str]:
    kind = inp.kind
    if kind == LetterKind.ACKNOWLEDGEMENT:
        if inp.deadline_due is None:
            key = "deadline_unknown"
        else:
            key = "deadline_statutory" if inp.deadline_statutory else "deadline_internal"
        return {"deadline_paragraph": parts[key]}
    if kind == LetterKind.IDENTITY_REQUEST:
        model = pause_model(_jurisdiction(inp))
        if "FR" in {j.strip().upper() for j in _case_jurisdictions(inp)}:
            # French law on the case: the GDPR period is suspended (décret 2019-536 art. 77),
            # whichever regime governs the earliest date (needs legal review for KG + FR)
            model = "suspended_fr"
        return {
            "doubt_paragraph": parts["doubt"] if v["identity_doubt"] else "",
            "means_paragraph": parts["means"] if v["identity_means"] else "",
            "clarification_paragraph": parts["clarification"] if v["clarification"] else "",
            "clock_paragraph": parts.get(f"clock_{model}", parts.get("clock_suspended", "")),
            "channels_paragraph": parts.get(_channels_part(inp), ""),
        }
    if kind in (LetterKind.ACCESS_RESPONSE, LetterKind.REFUSAL):
        if tpl is not None:
            complaint = _complaints(inp, tpl, v)
        else:
            complaint = parts["complaint"] if v["authority_name"] else parts["complaint_generic"]
        out = {"complaint_paragraph": complaint}
        if kind == LetterKind.ACCESS_RESPONSE:
            out["transfers_paragraph"] = (
                parts["transfers"] if v["transfers"] and "transfers" in parts else ""
            )
            out["profile_paragraphs"] = profile_paragraphs(inp, labels(inp.language))
            out["rights_paragraph"] = "\n\n".join(_regime_text(inp, "rights"))
            out["basis_paragraph"] = " ".join(_regime_text(inp, "basis"))
        else:
            out["refusal_law_paragraph"] = " ".join(_regime_text(inp, "refusal_law"))
        return out
    if kind == LetterKind.ACTION_CONFIRMATION:
        paragraphs = []
        # where several laws word a confirmation differently, the one that promises the
        # subject most is used: GDPR (Art. 19 notice to recipients), then 152-FZ, 94-V, Law 58
        table = tpl_mod.regime_texts(inp.language)
        order = sorted(regimes_of_input(inp), key=_ACTION_PREFERENCE.index)
        for k in _action_kinds(inp):
            key = f"action_{k.value}"
            worded = [table[r][key] for r in order if key in table.get(r, {})]
            paragraphs.append(worded[0] if worded else parts[key])
        return {"action_paragraphs": "\n\n".join(paragraphs)}
    return {}


def _tidy(text: str) -> str:
    """Trim lines, drop empty paragraphs, one blank line between paragraphs."""
    blocks = []
    for block in re.split(r"\n\s*\n", _clean(text)):
        lines = [ln.rstrip() for ln in block.strip("\n").split("\n")]
        lines = [ln.strip() for ln in lines if ln.strip()]
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _normalised(inp: LetterInput) -> LetterInput:
    language = inp.language.strip().lower()
    return inp if language == inp.language else replace(inp, language=language)


def compose_text(inp: LetterInput, template_override: str | None = None) -> ComposedLetter:
    """The letter's subject and body after substitution (what the DPO edits)."""
    inp = _normalised(inp)
    kind = LetterKind(inp.kind)
    tpl = load_template(kind, inp.language, template_override)
    lab = labels(inp.language)
    values = _values(inp, lab)
    where = f"the {inp.language} {kind.value} template"
    part_names = part_placeholders(kind)
    parts = {
        key: substitute(text, values, part_names, f"part '{key}' of {where}")
        for key, text in tpl.parts.items()
    }
    values.update(_derived(inp, parts, values, tpl))
    allowed = allowed_placeholders(kind)
    subject = _inline(substitute(tpl.subject, values, allowed, f"the subject of {where}"))
    if inp.body_override is not None:
        body = _tidy(inp.body_override)
    else:
        form = inp.salutation.strip().lower()
        salutation = tpl.salutation if tpl.salutation is not None else lab.salutation_for(form)
        closing = tpl.closing if tpl.closing is not None else lab.closing_for(form)
        text = "\n\n".join(
            (
                substitute(
                    salutation, values, tpl_mod.COMMON_PLACEHOLDERS, f"salutation ({where})"
                ),
                substitute(tpl.body, values, allowed, f"the body of {where}"),
                substitute(closing, values, tpl_mod.COMMON_PLACEHOLDERS, f"closing ({where})"),
            )
        )
        body = _tidy(text)
    return ComposedLetter(
        kind=kind,
        language=inp.language,
        subject=subject,
        body=body,
        needs_legal_review=tpl.needs_legal_review or lab.needs_legal_review,
        review_note=tpl.review_note,
    )


# --- page geometry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageGeometry:
    """Positions in mm from the top-left corner of the page."""

    width: float
    height: float
    address_left: float  # the address field (window)
    address_top: float
    address_width: float
    address_height: float
    return_zone: float  # return-address line and notes, top of the field
    text_left: float  # the left text margin (DIN 5008: 25 mm)
    text_right: float  # right margin
    info_left: float
    info_top: float
    body_top: float  # first page
    later_top: float  # continuation pages
    bottom: float  # text stops here (from the bottom edge)
    fold_marks: tuple[float, ...]
    punch_mark: float


_PAPERS = {"A4": A4, "LETTER": LETTER}
_WINDOWS = ("DIN5008B", "DIN5008A")


def geometry(paper: str = "A4", window: str = "DIN5008B") -> PageGeometry:
    paper_key = paper.strip().upper()
    window_key = window.strip().upper()
    if paper_key not in _PAPERS:
        raise InvalidInput(f"Unknown paper size '{paper}' (use A4 or LETTER).")
    if window_key not in _WINDOWS:
        raise InvalidInput(f"Unknown address window '{window}' (use DIN5008B or DIN5008A).")
    w_pt, h_pt = _PAPERS[paper_key]
    width, height = w_pt / mm, h_pt / mm
    form_b = window_key == "DIN5008B"
    address_top = 45.0 if form_b else 27.0
    if paper_key == "A4":
        folds = (105.0, 210.0) if form_b else (87.0, 192.0)
    else:
        folds = (height / 3, 2 * height / 3)
    return PageGeometry(
        width=width,
        height=height,
        address_left=20.0,
        address_top=address_top,
        address_width=85.0,
        address_height=45.0,
        return_zone=17.7,
        text_left=25.0,
        text_right=20.0,
        info_left=125.0,
        info_top=50.0 if form_b else 32.0,
        body_top=address_top + 45.0 + 8.46,
        later_top=25.0,
        bottom=22.0,
        fold_marks=folds,
        punch_mark=height / 2,
    )


# --- rendering ----------------------------------------------------------------------------------

_GREY = colors.Color(0.35, 0.35, 0.35)
_MIN_DPO_BOX = 15.0  # mm: below this the DPO's contact moves to the information block
_MARK = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    subject: ParagraphStyle
    bullet: ParagraphStyle
    head_name: ParagraphStyle
    head: ParagraphStyle
    head_bold: ParagraphStyle
    small: ParagraphStyle
    info_label: ParagraphStyle
    info_value: ParagraphStyle
    address: ParagraphStyle
    heading: ParagraphStyle
    signature: ParagraphStyle


@functools.cache
def _styles(fonts: FontSet) -> _Styles:
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=10,
        leading=13.5,
        spaceAfter=6.5,
        bulletFontName=fonts.regular,
    )
    return _Styles(
        body=base,
        subject=ParagraphStyle("subject", parent=base, fontName=fonts.bold, spaceAfter=12),
        bullet=ParagraphStyle(
            "bullet", parent=base, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=1.5
        ),
        head_name=ParagraphStyle(
            "head_name", parent=base, fontName=fonts.bold, fontSize=13, leading=16, spaceAfter=2
        ),
        head=ParagraphStyle("head", parent=base, fontSize=8, leading=10, spaceAfter=0),
        head_bold=ParagraphStyle(
            "head_bold", parent=base, fontName=fonts.bold, fontSize=8, leading=10, spaceAfter=0
        ),
        small=ParagraphStyle(
            "small", parent=base, fontSize=6.5, leading=8, spaceAfter=0, textColor=_GREY
        ),
        info_label=ParagraphStyle(
            "info_label", parent=base, fontSize=7, leading=8.5, spaceAfter=0, textColor=_GREY
        ),
        info_value=ParagraphStyle(
            "info_value", parent=base, fontSize=9, leading=11, spaceAfter=3.5
        ),
        address=ParagraphStyle("address", parent=base, fontSize=10, leading=12, spaceAfter=0),
        heading=ParagraphStyle("heading", parent=base, fontName=fonts.bold, spaceAfter=3),
        signature=ParagraphStyle("signature", parent=base, spaceAfter=0),
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters are escaped, newlines become breaks."""
    return Paragraph("<br/>".join(escape(line) for line in text.split("\n")), style)


def _image(data: bytes, what: str) -> ImageReader:
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # Pillow raises many types for bad data
        raise InvalidInput(f"The {what} is not a readable PNG or JPEG image.") from None
    return reader


def _fit(reader: ImageReader, max_w: float, max_h: float) -> tuple[float, float]:
    iw, ih = reader.getSize()
    scale = min(max_w / iw, max_h / ih)
    return iw * scale, ih * scale


def _draw_box(
    canv: Canvas,
    flowables: list[Flowable],
    g: PageGeometry,
    left: float,
    top: float,
    width: float,
    height: float,
) -> None:
    """Draw flowables into a box given in mm from the top-left; shrink them if they overflow."""
    box = KeepInFrame(width * mm, height * mm, flowables, mode="shrink")
    _, h = box.wrapOn(canv, width * mm, height * mm)
    box.drawOn(canv, left * mm, (g.height - top) * mm - h)


def _block_flowables(block: str, st: _Styles) -> list[Flowable]:
    """One paragraph block: text lines become a paragraph, ``- `` lines become list items."""
    flow: list[Flowable] = []
    text_lines: list[str] = []
    for line in block.split("\n"):
        if line.startswith(("- ", "• ")):
            if text_lines:
                flow.append(_p("\n".join(text_lines), st.body))
                text_lines = []
            flow.append(Paragraph(escape(line[2:].strip()), st.bullet, bulletText="\u2022"))
        else:
            text_lines.append(line)
    if text_lines:
        flow.append(_p("\n".join(text_lines), st.body))
    return flow


def _body_flowables(
    composed: ComposedLetter, inp: LetterInput, lab: Labels, st: _Styles
) -> list[Flowable]:
    story: list[Flowable] = [_p(composed.subject, st.subject)]
    blocks = composed.paragraphs
    # The closing formula never stands alone on a page: it is kept with the signature and with
    # the last lines of the paragraph before it (keep-with-next).
    tail: list[Flowable] = []
    for i, block in enumerate(blocks):
        flow = _block_flowables(block, st)
        if flow and isinstance(flow[-1], Paragraph) and flow[-1].style is st.bullet:
            flow.append(Spacer(1, 4))
        if len(flow) > 1 and isinstance(flow[0], Paragraph) and flow[0].style is st.body:
            flow[0].keepWithNext = True
        if i == len(blocks) - 1:
            story.append(KeepTogether(tail + flow + _signature(inp, lab, st)))
        elif i == len(blocks) - 2 and len(blocks) > 2:
            # the paragraph before the closing: its last element travels with the closing
            story.extend(flow[:-1])
            tail = flow[-1:]
        else:
            story.extend(flow)
    if not blocks:
        story.extend(_signature(inp, lab, st))
    if inp.enclosures:
        items = [_inline(e) for e in inp.enclosures if _inline(e)]
        if items:
            block_flow: list[Flowable] = [
                Spacer(1, 8),
                _p(lab.enclosures, st.heading),
            ]
            block_flow += [Paragraph(escape(e), st.bullet, bulletText="\u2022") for e in items]
            story.append(KeepTogether(block_flow))
    return story


def _signature(inp: LetterInput, lab: Labels, st: _Styles) -> list[Flowable]:
    out: list[Flowable] = []
    if inp.signature_image:
        reader = _image(inp.signature_image, "signature image")
        w, h = _fit(reader, 50 * mm, 18 * mm)
        img = Image(io.BytesIO(inp.signature_image), width=w, height=h)
        img.hAlign = "LEFT"
        out += [Spacer(1, 2), img, Spacer(1, 2)]
    else:
        out.append(Spacer(1, 14 * mm))  # room for a handwritten signature
    lines = [
        _inline(inp.signatory_name),
        _inline(inp.signatory_title) or lab.dpo,
        _inline(inp.controller.name),
    ]
    out.append(_p("\n".join(x for x in lines if x), st.signature))
    return out


class _PageFurniture:
    """Draws letterhead, address field, information block, marks and continuation headers."""

    def __init__(self, inp: LetterInput, lab: Labels, g: PageGeometry, st: _Styles) -> None:
        self.inp = inp
        self.lab = lab
        self.g = g
        self.st = st
        self.logo = _image(inp.controller.logo, "controller logo") if inp.controller.logo else None

    def marks(self, canv: Canvas) -> None:
        g = self.g
        canv.saveState()
        canv.setStrokeColor(_MARK)
        canv.setLineWidth(0.4)
        for y in g.fold_marks:
            canv.line(4 * mm, (g.height - y) * mm, 9 * mm, (g.height - y) * mm)
        canv.line(4 * mm, (g.height - g.punch_mark) * mm, 12 * mm, (g.height - g.punch_mark) * mm)
        canv.restoreState()

    def first_page(self, canv: Canvas, _doc: Any) -> None:
        inp, lab, g, st = self.inp, self.lab, self.g, self.st
        c = inp.controller
        canv.saveState()
        self.marks(canv)
        head_bottom = g.address_top - 2.0
        # Letterhead, left: who writes.
        left: list[Flowable] = [_p(_inline(c.name), st.head_name)]
        if (
            c.legal_entity.strip()
            and _inline(c.legal_entity).casefold() != _inline(c.name).casefold()
        ):
            left.append(_p(_inline(c.legal_entity), st.head))
        if c.registration_no.strip():
            left.append(_p(f"{lab.registration_no} {_inline(c.registration_no)}", st.head))
        if c.address.strip():
            left.append(_p(" · ".join(_lines(c.address)), st.head))
        _draw_box(
            canv, left, g, g.text_left, 10.0, g.info_left - g.text_left - 5.0, head_bottom - 10.0
        )
        # Letterhead, right: logo and the DPO's contact.
        right_width = g.width - g.text_right - g.info_left
        top = 10.0
        if self.logo is not None:
            w, h = _fit(self.logo, right_width * mm, 14 * mm)
            canv.drawImage(
                self.logo, g.info_left * mm, (g.height - top) * mm - h, w, h, mask="auto"
            )
            top += h / mm + 2.0
        # The DPO's contact goes under the logo, or atop the information block when the
        # letterhead is too short for it (form A with a logo).
        contact = _lines(c.dpo_contact)
        if contact and contact[0].casefold() == lab.dpo.casefold():
            contact = contact[1:]
        dpo: list[Flowable] = []
        if contact:
            dpo = [_p(lab.dpo, st.head_bold), _p("\n".join(contact), st.head)]
        dpo_in_info = g.info_top - 2.0 - top < _MIN_DPO_BOX
        if dpo and not dpo_in_info:
            _draw_box(canv, dpo, g, g.info_left, top, right_width, g.info_top - 2.0 - top)
        # Address field: return-address line, then the recipient.
        ret = " · ".join(x for x in (_inline(c.name), _one_line(c.address)) if x)
        if ret:
            _draw_box(
                canv,
                [_p(ret, st.small)],
                g,
                g.text_left,
                g.address_top + 11.0,
                g.address_width - 2 * (g.text_left - g.address_left),
                g.return_zone - 12.0,
            )
        recipient = [_inline(inp.recipient_name) or _inline(inp.case.subject.name)]
        recipient += _lines(inp.recipient_address)
        _draw_box(
            canv,
            [_p("\n".join(x for x in recipient if x), st.address)],
            g,
            g.text_left,
            g.address_top + g.return_zone + 0.5,
            g.address_width - (g.text_left - g.address_left) - 1.0,
            g.address_height - g.return_zone - 1.0,
        )
        # Information block.
        info: list[Flowable] = [*dpo, Spacer(1, 3 * mm)] if dpo and dpo_in_info else []
        for label, value in (
            (lab.our_reference, _inline(inp.case.reference)),
            (lab.your_request_of, format_date(inp.case.received, inp.language)),
            (lab.date, format_date(inp.date, inp.language)),
        ):
            info += [_p(label, st.info_label), _p(value, st.info_value)]
        _draw_box(
            canv, info, g, g.info_left, g.info_top, right_width, g.body_top - 3.0 - g.info_top
        )
        canv.restoreState()

    def later_page(self, canv: Canvas, _doc: Any) -> None:
        inp, lab, g, st = self.inp, self.lab, self.g, self.st
        canv.saveState()
        line = " · ".join(
            (
                _inline(inp.controller.name),
                f"{lab.our_reference} {_inline(inp.case.reference)}",
                format_date(inp.date, inp.language),
            )
        )
        _draw_box(
            canv,
            [_p(line, st.small)],
            g,
            g.text_left,
            12.0,
            g.width - g.text_left - g.text_right,
            6.0,
        )
        canv.setStrokeColor(_MARK)
        canv.setLineWidth(0.3)
        y = (g.height - 19.0) * mm
        canv.line(g.text_left * mm, y, (g.width - g.text_right) * mm, y)
        canv.restoreState()


class _NumberedCanvas(Canvas):
    """Defers each page until the end so the footer can say "page x of y"."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def _footer_painter(
    inp: LetterInput, lab: Labels, g: PageGeometry, fonts: FontSet
) -> Callable[[Canvas, int, int], None]:
    c = inp.controller
    legal = " · ".join(
        x
        for x in (
            _inline(c.legal_entity) or _inline(c.name),
            f"{lab.registration_no} {_inline(c.registration_no)}" if c.registration_no else "",
        )
        if x
    )

    def paint(canv: Canvas, page: int, pages: int) -> None:
        canv.saveState()
        y = 12 * mm
        canv.setFillColor(_GREY)
        canv.setFont(fonts.regular, 6.5)
        if legal:
            canv.drawString(g.text_left * mm, y, legal)
        canv.setFont(fonts.regular, 8)
        canv.drawRightString((g.width - g.text_right) * mm, y, lab.page_label(page, pages))
        if inp.audit_reference:  # issue 20: the audit anchor, under the legal line
            canv.setFont(fonts.regular, 6)
            canv.drawString(g.text_left * mm, y - 3 * mm, _inline(inp.audit_reference))
        canv.restoreState()

    return paint


def render_letter(inp: LetterInput, template_override: str | None = None) -> bytes:
    """The letter as PDF bytes (A4 or US Letter), rendered in memory."""
    inp = _normalised(inp)
    fonts = register_fonts()
    st = _styles(fonts)
    g = geometry(inp.paper, inp.window)
    lab = labels(inp.language)
    composed = compose_text(inp, template_override)
    furniture = _PageFurniture(inp, lab, g, st)
    buf = io.BytesIO()
    frame_width = (g.width - g.text_left - g.text_right) * mm
    first = Frame(
        g.text_left * mm,
        g.bottom * mm,
        frame_width,
        (g.height - g.body_top - g.bottom) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        g.text_left * mm,
        g.bottom * mm,
        frame_width,
        (g.height - g.later_top - g.bottom) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="later",
    )
    doc = BaseDocTemplate(
        buf,
        pagesize=(g.width * mm, g.height * mm),
        title=f"{lab.kind_title(composed.kind)} {_inline(inp.case.reference)}",
        author=_inline(inp.controller.name),  # the controller, never the data subject
        subject=lab.kind_title(composed.kind),
        creator="DPO Desk",
        keywords="",
        lang=inp.language,
        initialFontName=fonts.regular,
        initialFontSize=10,
        leftMargin=g.text_left * mm,
        rightMargin=g.text_right * mm,
        topMargin=g.later_top * mm,
        bottomMargin=g.bottom * mm,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first",
                frames=[first],
                onPage=furniture.first_page,
                autoNextPageTemplate="later",
            ),
            PageTemplate(id="later", frames=[later], onPage=furniture.later_page),
        ]
    )
    story = _body_flowables(composed, inp, lab, st)
    canvasmaker = functools.partial(_NumberedCanvas, footer=_footer_painter(inp, lab, g, fonts))
    doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue()
