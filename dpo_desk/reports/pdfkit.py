"""Shared PDF layout for reports: A4, embedded DejaVu fonts, styles, tables, "page x of y".

Every PDF is built in memory; :func:`build_pdf` returns its bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from dpo_desk.letters.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#c9d1da")
SHADE = colors.HexColor("#eef2f6")
ACCENT = colors.HexColor("#2f5d8a")
WARN = colors.HexColor("#9a3412")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    hash: ParagraphStyle
    warning: ParagraphStyle


def styles() -> Styles:
    f = register_fonts()
    body = ParagraphStyle("body", fontName=f.regular, fontSize=9, leading=12, textColor=INK)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=f.bold, fontSize=17, leading=21, spaceAfter=2
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=8),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=f.bold,
            fontSize=11.5,
            leading=14,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=f.bold,
            fontSize=9.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        label=ParagraphStyle(
            "label", parent=body, fontName=f.bold, fontSize=8.5, leading=11, textColor=MUTED
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=f.bold, fontSize=8, leading=10),
        hash=ParagraphStyle("hash", parent=body, fontSize=7, leading=9, splitLongWords=True),
        warning=ParagraphStyle("warning", parent=body, fontSize=8, leading=10, textColor=WARN),
    )


def text(value: Any) -> str:
    """Paragraph markup for a plain value: escaped, line breaks kept, empty as a dash."""
    if value is None or value == "":
        return "—"
    return escape(str(value)).replace("\n", "<br/>")


def para(value: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text(value), style)


def base_table_style() -> list[tuple[Any, ...]]:
    """Table cell font: reportlab's default is an unembedded Helvetica, even for empty cells."""
    fonts = register_fonts()
    return [("FONTNAME", (0, 0), (-1, -1), fonts.regular), ("FONTSIZE", (0, 0), (-1, -1), 8)]


#: The most text a table cell shows: a table row cannot break across pages, and a cell this long
#: already fills half a page in the cell font. Longer values are cut with a note saying so.
CELL_LIMIT = 1500


def cell_para(value: Any, style: ParagraphStyle) -> Flowable:
    """A table cell: a ready flowable as it is, text cut at :data:`CELL_LIMIT` with a note."""
    if isinstance(value, Flowable):
        return value
    shown = "" if value is None else str(value)
    if len(shown) > CELL_LIMIT:
        rest = len(shown) - CELL_LIMIT
        shown = f"{shown[:CELL_LIMIT]}… ({rest} more characters in the JSON summary)"
    return para(shown, style)


def kv_table(rows: Sequence[tuple[str, Any]], st: Styles, label_width: float = 42 * mm) -> Table:
    """Label/value pairs, two columns; values are plain text or ready flowables."""
    data = [
        [
            Paragraph(escape(label), st.label),
            cell_para(value, st.body),
        ]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *base_table_style(),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    st: Styles,
    *,
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> Table:
    """A ruled table with a repeated header row; cells are plain text or ready flowables."""

    data = [[Paragraph(escape(h), st.cell_head) for h in header]]
    data.extend([cell_para(v, st.cell) for v in row] for row in rows)
    scale = CONTENT_WIDTH / sum(widths)
    table = Table(data, colWidths=[w * scale for w in widths], repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        *base_table_style(),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    commands.extend(("SPAN", start, end) for start, end in spans)
    table.setStyle(TableStyle(commands))
    return table


def _numbered_canvas(footer: str) -> type[Canvas]:
    """A canvas that learns the page count before drawing each page's footer."""
    fonts = register_fonts()

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 12 * mm, PAGE_WIDTH - MARGIN, 12 * mm)
            self.setFont(fonts.regular, 7)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 8.5 * mm, footer)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, 8.5 * mm, f"Page {self._pageNumber} of {total}"
            )
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    footer: str,
    subject: str = "",
) -> bytes:
    """Lay out ``story`` on A4 with the fonts embedded and "page x of y" in the footer."""
    fonts = register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="DPO Desk",
        creator="DPO Desk",
        subject=subject,
        initialFontName=fonts.regular,
        initialFontSize=9,
    )
    doc.build(story, canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()
