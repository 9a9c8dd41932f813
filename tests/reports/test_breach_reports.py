"""The demo's breaches (one per controller) with their clocks, and breaches in the statistics."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from dpo_desk.casefile import CaseFile
from dpo_desk.reports.stats import compute_statistics, export_statistics
from dpo_desk.services.breaches import list_breaches, show_breach

from .conftest import TODAY

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_each_demo_controller_has_a_breach_with_clocks_citations_and_authorities(
    demo_cf: CaseFile,
) -> None:
    views = {v.controller.slug: v for v in list_breaches(demo_cf, NOW)}
    assert set(views) == {"infinity", "infini", "backgroundmusic", "astrum-oyun"}
    for view in views.values():
        assert view.clocks, view.controller.slug
        for clock in view.clocks:
            d = clock.deadline
            assert d.citation and d.note, (view.controller.slug, d.step)
            if d.to == "authority":
                assert d.authority
    expect = {
        "infinity": {("GDPR-FR", "first_notice", "CNIL"), ("KG", "first_notice", "KG-DPA")},
        "infini": {("KZ", "first_notice", "KZ-MAIDD")},
        "backgroundmusic": {("RU", "first_notice", "RKN"), ("RU", "investigation_results", "RKN")},
        "astrum-oyun": {("KG", "first_notice", "KG-DPA")},
    }
    for slug, duties in expect.items():
        got = {
            (c.deadline.regime, c.deadline.step, c.deadline.authority) for c in views[slug].clocks
        }
        assert duties <= got, slug
    # Background Music's first notice went out 20 hours after discovery: met, on time
    rkn = {c.deadline.step: c for c in views["backgroundmusic"].clocks}
    assert rkn["first_notice"].state == "done" and not rkn["first_notice"].late
    assert rkn["investigation_results"].state == "upcoming"
    # the Kazakh working day ends on 2 March in Almaty: due within 12 hours at noon UTC
    kz = next(c for c in views["infini"].clocks if c.deadline.step == "first_notice")
    assert kz.deadline.due is not None
    assert kz.deadline.due.isoformat() == "2026-03-02T23:59:00+05:00"
    assert kz.state == "due_soon"
    # Kyrgyz law: no clock, and it says so
    kg = views["astrum-oyun"]
    assert kg.next is None and all(c.state == "no_clock" for c in kg.clocks)
    assert show_breach(demo_cf, kg.breach.reference, NOW).breach.subjects_count == 40


def test_statistics_count_the_breaches_of_the_year(demo_cf: CaseFile, tmp_path: Path) -> None:
    stats = compute_statistics(demo_cf, TODAY, year=2026)
    assert stats.breaches is not None
    assert stats.breaches["logged"] == 4 and stats.breaches["open"] == 4
    assert stats.breaches["subjects_affected"] == 1200 + 85 + 3400 + 40
    assert stats.breaches["notices_on_time"] == 1
    assert stats.breaches["per_controller"]["infini"] == 1
    only = compute_statistics(demo_cf, TODAY, year=2026, controllers=["infini"])
    assert only.breaches is not None and only.breaches["logged"] == 1
    assert compute_statistics(demo_cf, TODAY, year=2025).breaches == {
        "logged": 0,
        "open": 0,
        "subjects_affected": 0,
        "per_controller": {},
        "notices_on_time": 0,
        "notices_late": 0,
        "clocks_overdue": 0,
    }
    export_statistics(demo_cf, tmp_path / "s.json", TODAY, year=2026)
    assert json.loads((tmp_path / "s.json").read_text())["breaches"]["logged"] == 4
    export_statistics(demo_cf, tmp_path / "s.pdf", TODAY, year=2026)
    reader = PdfReader(io.BytesIO((tmp_path / "s.pdf").read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Personal-data breaches discovered in 2026" in text
    assert "4 logged" in text
