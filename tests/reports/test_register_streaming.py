"""Issue 19: the CSV register streams (batched fetching, rows written as they come) and says
exactly what the whole-register rendering says, in the same order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dpo_desk.reports.register as register_module
from dpo_desk.reports import build_register, export_register
from dpo_desk.reports.register import register_csv

from .conftest import TODAY, add_case, add_controller


def test_streamed_csv_equals_the_whole_register(cf, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(register_module, "BATCH", 3)  # many batches, day groups across them
    kg = add_controller(cf, "kg-co", "ОсОО «Тест»", ("KG",))
    fr = add_controller(cf, "fr-co", "Société Test", ("FR",))
    for i in range(17):
        add_case(cf, fr if i % 3 else kg, name=f"Person {i}", received=date(2026, 1, 5 + i % 4))
    for controllers in ((), ("kg-co", "fr-co"), ("fr-co",)):
        out = tmp_path / f"r{len(controllers)}.csv"
        result = export_register(cf, out, TODAY, controllers=controllers)
        whole = register_csv(build_register(cf, TODAY, controllers=controllers))
        assert out.read_bytes() == whole
        assert result.cases == whole.count(b"\r\n") - 1 and result.size == len(whole)
    event = cf.audit.events()[-1]
    assert event.action == "export.register" and event.data["format"] == "csv"
    assert event.data["cases"] == 11  # fr-co's cases
    assert not list(tmp_path.glob(".*.partial"))
