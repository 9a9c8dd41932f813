"""The statistics report (PDF with charts, or JSON) for one year.

Figures for the cases received in the year: requests per month, per request kind (a case with
two kinds counts once for each), per controller and per channel; answers on time and late; the
median and 90th percentile of calendar days from receipt to answer (linear interpolation between
ranks, as numpy's default and ``statistics.quantiles(method="inclusive")``). Open and overdue
cases are counted "now": as of ``today``, over every year.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from dpo_desk.casefile.audit import Anchor
from dpo_desk.core.deadlines import kind_label
from dpo_desk.core.errors import InvalidInput
from dpo_desk.letters.fonts import register_fonts

from . import pdfkit
from .common import (
    TIMELINESS_LABELS,
    Cancel,
    ExportResult,
    Progress,
    finish_export,
    format_for,
    json_bytes,
)
from .register import RegisterRow, build_register

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

SCHEMA = 1
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-quantile (0..1) by linear interpolation between closest ranks; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Statistics:
    year: int
    as_of: date
    generated_at: str
    controllers: tuple[str, ...]  # slugs asked for; () = all
    anchor: Anchor | None
    received: int  # cases received in the year
    per_month: tuple[int, ...]  # 12 counts, January first
    per_kind: tuple[tuple[str, int], ...]  # (kind, cases), most frequent first
    per_controller: tuple[tuple[str, int], ...]  # (controller name, cases)
    per_channel: tuple[tuple[str, int], ...]
    outcomes: tuple[tuple[str, int], ...]  # (timeliness code, cases) of the year's cases
    answered: int  # answered cases of the year (with or without a deadline)
    on_time: int
    late: int
    on_time_share: float | None  # on_time / (on_time + late)
    median_days: float | None
    p90_days: float | None
    open_now: int  # every year, as of ``as_of``
    overdue_now: int
    breaches: dict[str, Any] | None = None  # issue 22: breach figures of the year

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": "DPO Desk request statistics",
            "schema": SCHEMA,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "generated_at": self.generated_at,
            "controllers": list(self.controllers),
            "audit_anchor": self.anchor.text() if self.anchor else None,
            "received": self.received,
            "per_month": {f"{self.year}-{m:02d}": n for m, n in enumerate(self.per_month, 1)},
            "per_kind": dict(self.per_kind),
            "per_controller": dict(self.per_controller),
            "per_channel": dict(self.per_channel),
            "outcomes": dict(self.outcomes),
            "answered": self.answered,
            "on_time": self.on_time,
            "late": self.late,
            "on_time_share": self.on_time_share,
            "median_days_to_answer": self.median_days,
            "p90_days_to_answer": self.p90_days,
            "open_now": self.open_now,
            "overdue_now": self.overdue_now,
            "breaches": self.breaches,  # issue 22
        }


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def statistics_from_rows(
    rows: Iterable[RegisterRow],
    year: int,
    today: date,
    *,
    generated_at: str = "",
    controllers: Sequence[str] = (),
    anchor: Anchor | None = None,
) -> Statistics:
    """Aggregate register rows (of every year) into the figures of ``year``."""
    all_rows = list(rows)
    of_year = [r for r in all_rows if r.received.year == year]
    months = [0] * 12
    kinds: Counter[str] = Counter()
    per_controller: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    days: list[float] = []
    for r in of_year:
        months[r.received.month - 1] += 1
        kinds.update(dict.fromkeys(r.kinds, 1))
        per_controller[r.controller_name] += 1
        channels[r.channel] += 1
        outcomes[r.timeliness] += 1
        if r.days_to_answer is not None:
            days.append(r.days_to_answer)
    on_time, late = outcomes["on_time"], outcomes["late"]
    judged = on_time + late
    return Statistics(
        year=year,
        as_of=today,
        generated_at=generated_at,
        controllers=tuple(controllers),
        anchor=anchor,
        received=len(of_year),
        per_month=tuple(months),
        per_kind=_ranked(kinds),
        per_controller=_ranked(per_controller),
        per_channel=_ranked(channels),
        outcomes=tuple((code, outcomes[code]) for code in TIMELINESS_LABELS if outcomes[code]),
        answered=len(days),
        on_time=on_time,
        late=late,
        on_time_share=on_time / judged if judged else None,
        median_days=percentile(days, 0.5),
        p90_days=percentile(days, 0.9),
        open_now=sum(1 for r in all_rows if r.timeliness in ("open", "overdue")),
        overdue_now=sum(1 for r in all_rows if r.timeliness == "overdue"),
    )


def compute_statistics(
    cf: CaseFile,
    today: date,
    *,
    year: int | None = None,
    controllers: Sequence[str] = (),
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Statistics:
    """The figures of ``year`` (default: ``today``'s year) for the controllers (default: all)."""
    year = today.year if year is None else year
    if not 1900 <= year <= 9999:
        raise InvalidInput(f"The year must be between 1900 and 9999, not {year}.")
    register = build_register(cf, today, controllers=controllers, progress=progress, cancel=cancel)
    stats = statistics_from_rows(
        register.rows,
        year,
        today,
        generated_at=register.generated_at,
        controllers=register.controllers,
        anchor=register.anchor,
    )
    # --- issue 22: breaches discovered in the year
    from datetime import UTC, datetime, time

    from .breaches import breach_figures

    as_of = datetime.combine(today, time(23, 59), tzinfo=UTC)
    return replace(stats, breaches=breach_figures(cf, year, as_of, controllers))


# --- rendering -----------------------------------------------------------------------------------


def _step(maximum: int) -> int:
    """A tick step giving at most ~6 integer ticks."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if maximum / step <= 6:
            return step
    return 10 ** max(1, len(str(maximum)) - 1)


def _axis_max(values: Sequence[int]) -> tuple[int, int]:
    top = max([*values, 1])
    step = _step(top)
    return step * math.ceil(top / step), step


def month_chart(counts: Sequence[int], width: float) -> Drawing:
    fonts = register_fonts()
    height = 62 * mm
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=8)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 22
    chart.width, chart.height = width - 40, height - 34
    chart.data = [list(counts)]
    chart.categoryAxis.categoryNames = list(MONTHS)
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -2
    top, step = _axis_max(counts)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = pdfkit.RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = pdfkit.ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 6
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda v: f"{int(v)}" if v else ""
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def bar_chart(items: Sequence[tuple[str, int]], width: float) -> Drawing:
    """Horizontal bars, one per item, largest on top, with its count at the end."""
    fonts = register_fonts()
    shown = list(items) or [("—", 0)]
    label_width = 120
    bar = 13
    height = bar * len(shown) + 26
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=8)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - 24, bar * len(shown)
    chart.data = [[n for _label, n in reversed(shown)]]
    chart.categoryAxis.categoryNames = [_clip(label, 30) for label, _n in reversed(shown)]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    top, step = _axis_max([n for _label, n in shown])
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = pdfkit.RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = pdfkit.ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.barLabelFormat = lambda v: f"{int(v)}"
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _clip(label: str, length: int) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}".rstrip("0").rstrip(".") + " days"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def _figures(stats: Statistics, st: pdfkit.Styles) -> Table:
    pairs = [
        ("Requests received", str(stats.received)),
        ("Answered", str(stats.answered)),
        ("Answered on time", f"{stats.on_time} of {stats.on_time + stats.late}"),
        ("Share on time", _share(stats.on_time_share)),
        ("Answered late", str(stats.late)),
        ("Median days to answer", _days(stats.median_days)),
        ("90th percentile", _days(stats.p90_days)),
        (f"Open now ({stats.as_of.isoformat()})", str(stats.open_now)),
        ("Overdue now", str(stats.overdue_now)),
    ]
    if len(pairs) % 2:
        pairs.append(("", ""))
    half = len(pairs) // 2
    rows = []
    for (l1, v1), (l2, v2) in zip(pairs[:half], pairs[half:], strict=True):
        rows.append(
            [
                Paragraph(pdfkit.text(l1), st.label),
                Paragraph(f"<b>{v1}</b>", st.body),
                Paragraph(pdfkit.text(l2) if l2 else "", st.label),
                Paragraph(f"<b>{v2}</b>", st.body),
            ]
        )
    w = pdfkit.CONTENT_WIDTH
    table = Table(rows, colWidths=[w * 0.3, w * 0.18, w * 0.3, w * 0.22], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *pdfkit.base_table_style(),
                ("BACKGROUND", (0, 0), (-1, -1), pdfkit.SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def statistics_pdf(stats: Statistics) -> bytes:
    st = pdfkit.styles()
    scope = ", ".join(stats.controllers) if stats.controllers else "all controllers"
    story: list[Flowable] = [
        Paragraph(pdfkit.text(f"Request statistics {stats.year}"), st.title),
        Paragraph(
            pdfkit.text(
                f"{scope} · requests received 1 January – 31 December {stats.year} · "
                f"open and overdue as of {stats.as_of.isoformat()} · generated "
                f"{stats.generated_at[:16].replace('T', ' ')} UTC"
            ),
            st.subtitle,
        ),
        _figures(stats, st),
        Paragraph(
            pdfkit.text(
                "On time: answered on or before the governing (earliest) due date. Days to answer: "
                "calendar days from receipt to the answer; percentiles interpolate between ranks. "
                "Open and overdue count every year's cases."
            ),
            st.small,
        ),
    ]
    if stats.received:
        w = pdfkit.CONTENT_WIDTH
        story += [
            Paragraph("Requests received per month", st.h2),
            month_chart(stats.per_month, w),
            Paragraph("Per request kind", st.h2),
            Paragraph("A case with several requests counts once for each.", st.small),
            bar_chart([(kind_label(k), n) for k, n in stats.per_kind], w),
            Paragraph("Per controller", st.h2),
            bar_chart(stats.per_controller, w),
            Paragraph("Per channel", st.h2),
            bar_chart(stats.per_channel, w),
            Paragraph(pdfkit.text(f"Outcome of the {stats.year} requests"), st.h2),
            bar_chart([(TIMELINESS_LABELS[c], n) for c, n in stats.outcomes], w),
        ]
    else:
        story.append(Paragraph(pdfkit.text(f"No request was received in {stats.year}."), st.h2))
    if stats.breaches and stats.breaches.get("logged"):  # issue 22
        b = stats.breaches
        story += [
            Paragraph(pdfkit.text(f"Personal-data breaches discovered in {stats.year}"), st.h2),
            Paragraph(
                pdfkit.text(
                    f"{b['logged']} logged, {b['open']} still open; about "
                    f"{b['subjects_affected']} people affected. Notices to authorities and "
                    f"subjects sent on time: {b['notices_on_time']}, late: {b['notices_late']}; "
                    f"clocks overdue now: {b['clocks_overdue']}."
                ),
                st.body,
            ),
        ]
    story.append(Spacer(1, 4 * mm))
    if stats.anchor:
        story.append(
            Paragraph(
                pdfkit.text(
                    f"Audit anchor {stats.anchor.text()} — check it with "
                    f"dpo-desk audit verify --anchor {stats.anchor.text()}"
                ),
                st.hash,
            )
        )
    footer = f"DPO Desk · request statistics {stats.year}"
    if stats.anchor:
        footer += f" · audit anchor {stats.anchor.seq}:{stats.anchor.hash[:16]}…"
    return pdfkit.build_pdf(
        story,
        title=f"Request statistics {stats.year}",
        footer=footer,
        subject="Data-subject requests: statistics",
    )


def statistics_json(stats: Statistics) -> bytes:
    return json_bytes(stats.to_dict())


# --- export --------------------------------------------------------------------------------------


def export_statistics(
    cf: CaseFile,
    path: Path | str,
    today: date,
    *,
    fmt: str | None = None,
    year: int | None = None,
    controllers: Sequence[str] = (),
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write the statistics of ``year`` (PDF or JSON, from the extension)."""
    chosen = format_for(path, "stats", fmt)
    stats = compute_statistics(
        cf, today, year=year, controllers=controllers, progress=progress, cancel=cancel
    )
    data = statistics_pdf(stats) if chosen == "pdf" else statistics_json(stats)
    return finish_export(
        cf,
        kind="stats",
        fmt=chosen,
        path=Path(path),
        data=data,
        case_id=None,
        cases=stats.received,
        pseudonymised=True,
        anchor=stats.anchor,
        cancel=cancel,
    )
