"""Statistics: figures on a hand-computed set, and the PDF report."""

from __future__ import annotations

import io
import json
import statistics as pystats
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import CaseStatus, Channel, RequestKind
from dpo_desk.reports import (
    RegisterRow,
    compute_statistics,
    export_statistics,
    percentile,
    statistics_from_rows,
)

from .conftest import TODAY, add_case, add_controller, answer


def row(
    received: date,
    timeliness: str,
    days: int | None,
    *,
    kinds=("access",),
    controller: str = "A",
    channel: str = "email",
) -> RegisterRow:
    return RegisterRow(
        case_id=0,
        reference="x",
        received=received,
        controller=controller.lower(),
        controller_name=controller,
        subject="s",
        contact="",
        kinds=tuple(kinds),
        channel=channel,
        jurisdiction="KG",
        due=None,
        responded_on=None,
        closed_on=None,
        status="responded",
        timeliness=timeliness,
        days_to_answer=days,
        outcome="",
    )


def test_percentile_matches_linear_interpolation() -> None:
    values = [2, 4, 6, 8, 10]
    assert percentile(values, 0.5) == 6
    assert percentile(values, 0.9) == pytest.approx(9.2)  # rank 3.6: 8 + 0.6 * (10 - 8)
    assert percentile([10, 2, 8, 4], 0.5) == 6  # unsorted input, even count
    assert percentile([5], 0.9) == 5 and percentile([], 0.5) is None
    sample = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    assert percentile(sample, 0.9) == pytest.approx(
        pystats.quantiles(sample, n=10, method="inclusive")[8]
    )


def test_figures_on_a_hand_computed_set() -> None:
    rows = [
        row(date(2026, 1, 5), "on_time", 2, kinds=("access", "erasure")),
        row(date(2026, 1, 20), "on_time", 4, controller="B", channel="post"),
        row(date(2026, 2, 3), "late", 10, kinds=("erasure",)),
        row(date(2026, 2, 14), "on_time", 6, controller="B"),
        row(date(2026, 3, 1), "late", 8, channel="post"),
        row(date(2026, 3, 1), "open", None),
        row(date(2026, 3, 2), "overdue", None, controller="B"),
        row(date(2025, 12, 30), "overdue", None),  # last year: only in "now" figures
        row(date(2025, 11, 2), "on_time", 1),
    ]
    s = statistics_from_rows(rows, 2026, TODAY)
    assert s.received == 7
    assert s.per_month == (2, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    assert dict(s.per_kind) == {"access": 6, "erasure": 2}
    assert dict(s.per_controller) == {"A": 4, "B": 3}
    assert dict(s.per_channel) == {"email": 5, "post": 2}
    assert (s.answered, s.on_time, s.late) == (5, 3, 2)
    assert s.on_time_share == pytest.approx(0.6)
    assert s.median_days == 6  # days 2, 4, 6, 8, 10
    assert s.p90_days == pytest.approx(9.2)
    assert (s.open_now, s.overdue_now) == (3, 2)
    assert dict(s.outcomes) == {"on_time": 3, "late": 2, "open": 1, "overdue": 1}
    empty = statistics_from_rows([], 2026, TODAY)
    assert empty.on_time_share is None and empty.median_days is None and empty.received == 0


def test_statistics_of_a_case_file(cf) -> None:
    kg = add_controller(cf, "kg-co", "ОсОО «Тест»", ("KG",))
    a = add_case(cf, kg, name="A", received=date(2026, 1, 12))  # due 01-19
    b = add_case(
        cf,
        kg,
        name="B",
        received=date(2026, 1, 12),
        channel=Channel.POST,
        kinds=(RequestKind.ACCESS, RequestKind.ERASURE),
    )
    c = add_case(cf, kg, name="C", received=date(2026, 2, 2))  # due 02-09
    d = add_case(cf, kg, name="D", received=date(2026, 2, 16))  # open, overdue since 02-24
    e = add_case(cf, kg, name="E", received=date(2025, 12, 1))  # last year, answered
    answer(cf, a.id, date(2026, 1, 14))  # 2 days, on time
    answer(cf, b.id, date(2026, 1, 22))  # 10 days, late
    answer(cf, c.id, date(2026, 2, 8))  # 6 days, on time
    answer(cf, e.id, date(2025, 12, 3))
    cf.cases.set_status(d.id, CaseStatus.IN_PROGRESS, on=date(2026, 2, 17))

    s = compute_statistics(cf, TODAY)
    assert s.year == 2026 and s.received == 4
    assert s.per_month[:3] == (2, 2, 0)
    assert dict(s.per_kind) == {"access": 4, "erasure": 1}
    assert dict(s.per_channel) == {"email": 3, "post": 1}
    assert (s.on_time, s.late, s.answered) == (2, 1, 3)
    assert s.on_time_share == pytest.approx(2 / 3)
    assert s.median_days == 6 and s.p90_days == pytest.approx(9.2)  # 2, 6, 10
    assert (s.open_now, s.overdue_now) == (1, 1)
    assert compute_statistics(cf, TODAY, year=2025).received == 1
    with pytest.raises(InvalidInput, match="year"):
        compute_statistics(cf, TODAY, year=12)


def test_statistics_pdf_and_json(demo_cf, tmp_path: Path) -> None:
    result = export_statistics(demo_cf, tmp_path / "stats.pdf", TODAY)
    raw = (tmp_path / "stats.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(raw))
    text = " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())
    assert "Request statistics 2026" in text and "Share on time" in text
    assert "Requests received per month" in text and "Per controller" in text
    assert "ASTRUM OYUN" in text and "Page 1 of" in text
    assert b"Helvetica" not in raw
    assert result.kind == "stats" and result.format == "pdf"

    export_statistics(demo_cf, tmp_path / "stats.json", TODAY, year=2025)
    data = json.loads((tmp_path / "stats.json").read_text("utf-8"))
    assert data["year"] == 2025
    assert sum(data["per_month"].values()) == data["received"]
    assert data["received"] == sum(data["per_controller"].values())
    assert data["audit_anchor"]
    with pytest.raises(InvalidInput, match=r"\.pdf, \.json"):
        export_statistics(demo_cf, tmp_path / "stats.png", TODAY)


def test_a_year_without_requests_says_so(cf, tmp_path: Path) -> None:
    result = export_statistics(cf, tmp_path / "empty.pdf", TODAY)
    text = " ".join(PdfReader(tmp_path / "empty.pdf").pages[0].extract_text().split())
    assert result.cases == 0
    assert "No request was received in 2026." in text and "Share on time —" in text
