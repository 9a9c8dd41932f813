"""Breach notices: to a supervisory authority or to the data subjects, composed and rendered.

The texts are data (``resources/breaches/notices/<lang>.toml``); which items a notice carries
comes from the breach rule (``content``): Roskomnadzor's items of 152-FZ Art. 21(3.1), the
GDPR Art. 33(3) content for the CNIL or the ICO, the Art. 34(2) content for the data subjects.
The page is the letters' page (DIN 5008 geometry, bundled DejaVu fonts, page furniture of the
controller, "page x of y"), rendered in memory by :mod:`dpo_desk.letters.render`'s building
blocks; nothing is written to disk.
"""

from __future__ import annotations

import functools
import io
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer

from dpo_desk import resources
from dpo_desk.core.breaches import Breach
from dpo_desk.core.errors import InvalidInput, TemplateError
from dpo_desk.core.model import Controller
from dpo_desk.letters.fonts import register_fonts
from dpo_desk.letters.render import (
    _GREY,
    _MARK,
    _block_flowables,
    _draw_box,
    _inline,
    _lines,
    _NumberedCanvas,
    _one_line,
    _p,
    _styles,
    geometry,
)
from dpo_desk.letters.templates import format_date, substitute

NOTICE_LANGUAGES = ("ru", "fr", "en")
NOTICE_STEPS = ("first_notice", "investigation_results", "subjects_notice")
ITEMS = (
    "incident",
    "causes",
    "harm",
    "measures",
    "contact",
    "investigation",
    "responsible",
    "nature",
    "categories",
    "consequences",
)
LABELS = (
    "our_reference",
    "date",
    "discovered",
    "page_of",
    "dpo",
    "registration_no",
    "not_known",
    "legal_basis",
    "subjects",
    "records",
    "data_categories",
    "subject_categories",
    "processors",
    "occurred",
)
STEP_KEYS = ("subject", "intro", "closing", "recipient")
PLACEHOLDERS = frozenset({"reference", "controller", "discovered", "citation", "authority"})


@dataclass(frozen=True)
class NoticeTexts:
    language: str
    needs_legal_review: bool
    labels: Mapping[str, str]
    steps: Mapping[str, Mapping[str, str]]
    items: Mapping[str, str]


@functools.cache
def notice_texts(language: str) -> NoticeTexts:
    lang = language.strip().lower()
    if lang not in NOTICE_LANGUAGES:
        raise InvalidInput(
            f"Breach notices are written in {', '.join(NOTICE_LANGUAGES)}; not in '{language}'."
        )
    where = f"resources/breaches/notices/{lang}.toml"
    try:
        data = tomllib.loads(
            resources.path("breaches", "notices", f"{lang}.toml").read_text(encoding="utf-8")
        )
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"The breach notice texts {where} cannot be read ({exc}).") from None
    labels = data.get("labels", {})
    steps = data.get("steps", {})
    items = data.get("items", {})
    missing = [f"labels.{k}" for k in LABELS if k not in labels]
    missing += [f"items.{k}" for k in ITEMS if k not in items]
    for step in NOTICE_STEPS:
        missing += [f"steps.{step}.{k}" for k in STEP_KEYS if k not in steps.get(step, {})]
    if missing:
        raise TemplateError(f"The breach notice texts {where} lack {', '.join(missing)}.")
    return NoticeTexts(
        lang, bool(data.get("needs_legal_review", True)), dict(labels), dict(steps), dict(items)
    )


@dataclass(frozen=True)
class NoticeInput:
    breach: Breach
    controller: Controller
    step: str
    to: str  # authority | subjects
    language: str
    date: date
    citation: str
    content: tuple[str, ...]  # item keys, from the rule
    authority_name: str = ""  # in the notice's language
    authority_address: str = ""
    signatory_name: str = ""


@dataclass(frozen=True)
class ComposedNotice:
    subject: str
    intro: str
    items: tuple[tuple[str, str], ...]  # (heading, text)
    closing: str
    recipient: tuple[str, ...]  # address lines
    needs_legal_review: bool

    @property
    def text(self) -> str:
        parts = [self.subject, "", self.intro, ""]
        for heading, body in self.items:
            parts += [heading, body, ""]
        parts.append(self.closing)
        return "\n".join(parts).strip() + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "intro": self.intro,
            "items": [{"heading": h, "text": t} for h, t in self.items],
            "closing": self.closing,
            "needs_legal_review": self.needs_legal_review,
        }


def format_moment(moment: datetime, language: str) -> str:
    """``2 марта 2026 г., 10:00 (UTC+03:00)``: a local date, hour and offset."""
    offset = moment.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{format_date(moment.date(), language)}, {moment:%H:%M} (UTC{offset})"


def _item_text(key: str, inp: NoticeInput, t: NoticeTexts) -> str:
    b = inp.breach
    unknown = t.labels["not_known"]

    def value(text: str) -> str:
        return text.strip() or unknown

    def count(n: int | None) -> str:
        return f"{n:,}".replace(",", "\u202f") if n is not None else unknown

    if key in ("incident", "nature"):
        lines = [b.description.strip()]
        if b.occurred_at:
            lines.append(
                f"{t.labels['occurred']}: "
                f"{format_moment(b.occurred_at.astimezone(b.discovered_local.tzinfo), inp.language)}"
            )
        if b.processors:
            lines.append(f"{t.labels['processors']}: {', '.join(b.processors)}")
        return "\n".join(lines)
    if key == "categories":
        return "\n".join(
            [
                f"- {t.labels['data_categories']}: {', '.join(b.data_categories) or unknown}",
                f"- {t.labels['subject_categories']}: {', '.join(b.subject_categories) or unknown}",
                f"- {t.labels['subjects']}: {count(b.subjects_count)}",
                f"- {t.labels['records']}: {count(b.records_count)}",
            ]
        )
    if key == "contact":
        return value(b.contact or inp.controller.dpo_contact)
    field = {
        "causes": b.causes,
        "harm": b.consequences,
        "consequences": b.consequences,
        "measures": b.measures,
        "investigation": b.investigation,
        "responsible": b.responsible,
    }.get(key)
    if field is None:
        raise TemplateError(f"A breach notice has no item '{key}'.")
    return value(field)


def compose_notice(inp: NoticeInput) -> ComposedNotice:
    """The notice's text (subject, introduction, the items the rule asks for, closing)."""
    t = notice_texts(inp.language)
    if inp.step not in NOTICE_STEPS:
        raise InvalidInput(f"There is no breach notice step '{inp.step}'.")
    step = t.steps[inp.step]
    values = {
        "reference": inp.breach.reference,
        "controller": _inline(inp.controller.name),
        "discovered": format_moment(inp.breach.discovered_local, inp.language),
        "citation": inp.citation,
        "authority": inp.authority_name,
    }
    where = f"the {inp.language} breach notice"
    items = tuple((t.items[k], _item_text(k, inp, t)) for k in inp.content)
    if inp.to == "subjects":
        recipient: tuple[str, ...] = (step["recipient"],)
    else:
        recipient = (inp.authority_name, *_lines(inp.authority_address))
    return ComposedNotice(
        subject=substitute(step["subject"], values, where=where),
        intro=substitute(step["intro"], values, where=where),
        items=items,
        closing=substitute(step["closing"], values, where=where),
        recipient=tuple(x for x in recipient if x),
        needs_legal_review=t.needs_legal_review,
    )


def render_notice(inp: NoticeInput) -> tuple[bytes, ComposedNotice]:
    """The notice as PDF bytes on the letters' page, and the text it carries."""
    composed = compose_notice(inp)
    t = notice_texts(inp.language)
    fonts = register_fonts()
    st = _styles(fonts)
    g = geometry("A4", "DIN5008B")
    c = inp.controller

    def first_page(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setStrokeColor(_MARK)
        canv.setLineWidth(0.4)
        for y in g.fold_marks:
            canv.line(4 * mm, (g.height - y) * mm, 9 * mm, (g.height - y) * mm)
        head: list[Flowable] = [_p(_inline(c.name), st.head_name)]
        if c.legal_entity.strip() and _inline(c.legal_entity) != _inline(c.name):
            head.append(_p(_inline(c.legal_entity), st.head))
        if c.registration_no.strip():
            head.append(_p(f"{t.labels['registration_no']} {_inline(c.registration_no)}", st.head))
        if c.address.strip():
            head.append(_p(" · ".join(_lines(c.address)), st.head))
        _draw_box(canv, head, g, g.text_left, 10.0, g.info_left - g.text_left - 5.0, 33.0)
        contact = _lines(c.dpo_contact)
        if contact:
            right = g.width - g.text_right - g.info_left
            box = [_p(t.labels["dpo"], st.head_bold), _p("\n".join(contact), st.head)]
            _draw_box(canv, box, g, g.info_left, 10.0, right, g.info_top - 12.0)
        ret = " · ".join(x for x in (_inline(c.name), _one_line(c.address)) if x)
        if ret:
            _draw_box(canv, [_p(ret, st.small)], g, g.text_left, g.address_top + 11.0, 80.0, 5.7)
        _draw_box(
            canv,
            [_p("\n".join(composed.recipient), st.address)],
            g,
            g.text_left,
            g.address_top + g.return_zone + 0.5,
            g.address_width - (g.text_left - g.address_left) - 1.0,
            g.address_height - g.return_zone - 1.0,
        )
        info: list[Flowable] = []
        for label, value in (
            (t.labels["our_reference"], inp.breach.reference),
            (t.labels["discovered"], format_moment(inp.breach.discovered_local, inp.language)),
            (t.labels["date"], format_date(inp.date, inp.language)),
        ):
            info += [_p(label, st.info_label), _p(value, st.info_value)]
        right = g.width - g.text_right - g.info_left
        _draw_box(canv, info, g, g.info_left, g.info_top, right, g.body_top - 3.0 - g.info_top)
        canv.restoreState()

    def later_page(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        line = f"{_inline(c.name)} · {t.labels['our_reference']} {inp.breach.reference}"
        _draw_box(canv, [_p(line, st.small)], g, g.text_left, 12.0, 120.0, 6.0)
        canv.restoreState()

    def footer(canv: Canvas, page: int, pages: int) -> None:
        canv.saveState()
        canv.setFillColor(_GREY)
        canv.setFont(fonts.regular, 6.5)
        canv.drawString(g.text_left * mm, 12 * mm, _inline(c.legal_entity) or _inline(c.name))
        canv.setFont(fonts.regular, 8)
        label = substitute(t.labels["page_of"], {"page": str(page), "pages": str(pages)})
        canv.drawRightString((g.width - g.text_right) * mm, 12 * mm, label)
        canv.restoreState()

    story: list[Flowable] = [_p(composed.subject, st.subject)]
    story += _block_flowables(composed.intro, st)
    for heading, body in composed.items:
        flow = [Spacer(1, 3), _p(heading, st.heading), *_block_flowables(body, st)]
        story.append(KeepTogether(flow))
    story += [Spacer(1, 6), *_block_flowables(composed.closing, st)]
    signer = [x for x in (_inline(inp.signatory_name), t.labels["dpo"], _inline(c.name)) if x]
    story.append(KeepTogether([Spacer(1, 14 * mm), _p("\n".join(signer), st.signature)]))

    buf = io.BytesIO()
    width = (g.width - g.text_left - g.text_right) * mm

    def frame(top: float, fid: str) -> Frame:
        return Frame(
            g.text_left * mm,
            g.bottom * mm,
            width,
            (g.height - top - g.bottom) * mm,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=fid,
        )

    doc = BaseDocTemplate(
        buf,
        pagesize=(g.width * mm, g.height * mm),
        title=f"{composed.subject}",
        author=_inline(c.name),  # the controller, never a data subject
        subject=composed.subject,
        creator="DPO Desk",
        keywords="",
        lang=inp.language,
        initialFontName=fonts.regular,
        initialFontSize=10,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first",
                frames=[frame(g.body_top, "first")],
                onPage=first_page,
                autoNextPageTemplate="later",
            ),
            PageTemplate(id="later", frames=[frame(g.later_top, "later")], onPage=later_page),
        ]
    )
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer=footer))
    return buf.getvalue(), composed
