"""The headless contract of the export commands (names, options, JSON keys, errors)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.model import (
    Case,
    CaseStatus,
    Channel,
    Controller,
    ControllerId,
    DataSubject,
    RequestKind,
)

KEY = Key(raw=bytes(range(32, 64)))
RESULT_KEYS = {"path", "format", "kind", "cases", "pseudonymised", "anchor", "size"}


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """A case file with two controllers and three cases; ``run(*args)`` calls the CLI on it."""
    path = tmp_path / "cli.dpodesk"
    cf = CaseFile.create(path, KEY).casefile
    try:
        ids = {}
        for slug, name, regime in (("kg-co", "ОсОО «Тест»", "KG"), ("fr-co", "Société", "FR")):
            ids[slug] = cf.controllers.add(
                Controller(id=None, slug=slug, name=name, jurisdictions=(regime,))
            ).id
        for slug, who, email, received in (
            ("kg-co", "Айгерим Садыкова", "aigerim@example.kg", date(2026, 1, 12)),
            ("kg-co", "Бакыт Жумабеков", "", date(2026, 2, 27)),
            ("fr-co", "Camille Martin", "camille@example.fr", date(2026, 2, 10)),
        ):
            case = cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ControllerId(ids[slug]),
                    subject=DataSubject(name=who, email=email),
                    kinds=(RequestKind.ACCESS,),
                    channel=Channel.EMAIL,
                    received=received,
                )
            )
            if received.month == 1:
                cf.cases.set_status(case.id, CaseStatus.RESPONDED, on=date(2026, 1, 20))
    finally:
        cf.close()
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", recovery_key_text(KEY))
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-02")

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    _run.path = path  # type: ignore[attr-defined]
    return _run


def test_summary_by_reference_pdf_and_json_with_a_checkable_anchor(run, tmp_path: Path) -> None:
    code, out, err = run("export", "summary", "2026-0001", "-o", str(tmp_path / "s.json"), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == RESULT_KEYS
    assert result["format"] == "json" and result["kind"] == "summary" and result["cases"] == 1
    data = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert data["case"]["reference"] == "2026-0001"
    assert data["subject"]["name"] == "Айгерим Садыкова"
    assert data["audit_anchor"]["anchor"] == result["anchor"]
    code, out, err = run("audit", "verify", "--anchor", result["anchor"], "--json")
    assert code == 0, err
    assert json.loads(out)["anchor_checked"] is True

    code, out, err = run("export", "summary", "1", "-o", str(tmp_path / "s.pdf"))
    assert code == 0, err
    assert "Wrote the PDF summary of case 2026-0001" in out and "Audit anchor" in out
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


def test_pseudonymised_summary(run, tmp_path: Path) -> None:
    code, out, err = run(
        "export", "summary", "2026-0001", "-o", str(tmp_path / "p.json"), "--pseudonymise", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["pseudonymised"] is True
    raw = (tmp_path / "p.json").read_bytes()
    assert "Айгерим".encode() not in raw and b"aigerim@" not in raw


def test_register_formats_and_filters(run, tmp_path: Path) -> None:
    code, out, err = run("export", "register", "-o", str(tmp_path / "r.csv"), "--json")
    assert code == 0, err
    assert json.loads(out)["cases"] == 3
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    assert [r["Reference"] for r in rows] == ["2026-0001", "2026-0003", "2026-0002"]
    assert rows[0]["On time"] == "late"  # KG access due 2026-01-19, answered 01-20

    code, out, err = run(
        "export",
        "register",
        "-o",
        str(tmp_path / "r.xlsx"),
        "--from",
        "2026-02-01",
        "--to",
        "2026-02-28",
        "--controller",
        "kg-co",
        "--pseudonymise",
        "--json",
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["cases"] == 1 and result["pseudonymised"] is True
    ws = load_workbook(tmp_path / "r.xlsx")["Register"]
    assert ws.cell(row=2, column=1).value == "2026-0002"
    assert ws.cell(row=2, column=4).value.startswith("Subject ")

    code, out, err = run(
        "export",
        "register",
        "-o",
        str(tmp_path / "r.json"),
        "--controller",
        "fr-co",
        "--controller",
        "kg-co",
        "--json",
    )
    assert code == 0, err
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert data["filters"]["controllers"] == ["fr-co", "kg-co"] and data["cases"] == 3


def test_stats_and_ics(run, tmp_path: Path) -> None:
    code, out, err = run("export", "stats", "-o", str(tmp_path / "st.pdf"), "--json")
    assert code == 0, err
    assert json.loads(out)["cases"] == 3
    assert (tmp_path / "st.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = run("export", "stats", "-o", str(tmp_path / "st.json"), "--year", "2025")
    assert code == 0, err
    assert json.loads((tmp_path / "st.json").read_text("utf-8"))["received"] == 0

    code, out, err = run("export", "ics", "-o", str(tmp_path / "c.ics"), "--json")
    assert code == 0, err
    assert json.loads(out)["cases"] == 2
    cal = Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    starts = sorted(ev.decoded("DTSTART") for ev in cal.walk("VEVENT"))
    assert date(2026, 3, 6) in starts and date(2026, 3, 10) in starts


def test_errors_are_one_sentence_and_write_nothing(run, tmp_path: Path) -> None:
    code, out, err = run("export", "register", "-o", str(tmp_path / "r.ods"))
    assert code == 2 and ".csv, .xlsx, .json" in err and not (tmp_path / "r.ods").exists()
    code, out, err = run("export", "summary", "2026-0001", "-o", str(tmp_path / "s.txt"))
    assert code == 2 and ".pdf, .json" in err
    code, out, err = run("export", "stats", "-o", str(tmp_path / "s.xlsx"))
    assert code == 2 and ".pdf, .json" in err
    code, out, err = run("export", "ics", "-o", str(tmp_path / "c.csv"))
    assert code == 2 and ".ics" in err
    code, out, err = run("export", "summary", "2031-0009", "-o", str(tmp_path / "s.pdf"))
    assert code == 2 and "2031-0009" in err
    code, out, err = run("export", "register", "-o", str(tmp_path / "r.csv"), "--from", "March")
    assert code == 2 and "--from must be a date" in err
    code, out, err = run(
        "export", "register", "-o", str(tmp_path / "r.csv"), "--controller", "nope"
    )
    assert code == 2 and "known: fr-co, kg-co" in err
    code, out, err = run("export", "register", "-o", str(tmp_path / "none" / "r.csv"))
    assert code == 2 and "does not exist" in err
    for text in (err,):
        assert "Traceback" not in text and len(text.strip().splitlines()) == 1
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".csv", ".pdf", ".partial")]
    code, out, err = run("audit", "list", "--json")
    assert code == 0
    assert not [e for e in json.loads(out) if e["action"].startswith("export.")]


def test_terminal_progress_only_for_large_exports_on_a_terminal() -> None:
    from dpo_desk.cli.report_cmds import PROGRESS_THRESHOLD, TerminalProgress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        progress = TerminalProgress(stream, "Register")
        progress(10, 10)
        progress(0, PROGRESS_THRESHOLD + 1)
        progress(PROGRESS_THRESHOLD + 1, PROGRESS_THRESHOLD + 1)
        progress.finish()
    total = PROGRESS_THRESHOLD + 1
    assert tty.getvalue() == f"\rRegister: 0/{total} cases\rRegister: {total}/{total} cases\n"
    assert pipe.getvalue() == ""
