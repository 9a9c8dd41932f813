"""The headless contract of the breach desk: breach add|list|show|update|close|notice|sent,
export breaches, and the breach clocks in ``check``."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind

KEY = Key(raw=bytes(range(64, 96)))
CONTRACT_KEYS = {"step", "to", "authority", "due", "citation", "note"}


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Four controllers like the demo's and one case; ``run(*args)`` calls the CLI on them."""
    path = tmp_path / "cli.dpodesk"
    cf = CaseFile.create(path, KEY).casefile
    try:
        ids = {}
        for slug, regimes in (
            ("infinity", ("KG", "FR")),
            ("infini", ("KZ",)),
            ("backgroundmusic", ("RU",)),
            ("astrum-oyun", ("KG",)),
        ):
            ids[slug] = cf.controllers.add(
                Controller(
                    id=None,
                    slug=slug,
                    name=slug.upper(),
                    jurisdictions=regimes,
                    dpo_contact="dpo@example.org",
                )
            ).id
        cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(ids["backgroundmusic"]),
                subject=DataSubject(name="Иван Петров", email="ivan@example.ru"),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.EMAIL,
                received=date(2026, 3, 2),
            )
        )
    finally:
        cf.close()
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", recovery_key_text(KEY))
    monkeypatch.setenv("DPO_DESK_NOW", "2026-03-02T18:00+03:00")

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def add(run, *args: str) -> dict:  # noqa: ANN001
    code, out, err = run("breach", "add", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_add_returns_the_contract_for_each_regime(run) -> None:  # noqa: ANN001
    result = add(
        run,
        "--controller",
        "backgroundmusic",
        "--discovered",
        "2026-03-02T09:30+03:00",
        "--description",
        "Утечка базы подписчиков",
        "--subjects",
        "3400",
    )
    assert set(result) == {"id", "reference", "deadlines"}
    assert result["reference"] == "B-2026-0001"
    for d in result["deadlines"]:
        assert set(d) >= CONTRACT_KEYS
    steps = {d["step"]: d for d in result["deadlines"]}
    assert steps["first_notice"]["due"] == "2026-03-03T09:30:00+03:00"
    assert steps["first_notice"]["authority"] == "RKN"
    assert steps["investigation_results"]["due"] == "2026-03-05T09:30:00+03:00"
    assert steps["subjects_notice"]["due"] is None and steps["subjects_notice"]["note"]

    infinity = add(
        run,
        "--controller",
        "infinity",
        "--discovered",
        "2026-03-02T09:30",
        "--tz",
        "Asia/Bishkek",
        "--description",
        "Bucket exposed",
    )
    by = {(d["regime"], d["step"]): d for d in infinity["deadlines"]}
    assert by[("GDPR-FR", "first_notice")]["due"] == "2026-03-05T04:30:00+01:00"
    assert by[("GDPR-FR", "first_notice")]["authority"] == "CNIL"
    assert by[("KG", "first_notice")]["due"] is None
    assert "Law 58" in by[("KG", "first_notice")]["note"]

    kz = add(
        run,
        "--controller",
        "infini",
        "--discovered",
        "2026-03-02T12:00+05:00",
        "--description",
        "x",
    )
    first = next(d for d in kz["deadlines"] if d["step"] == "first_notice")
    assert first["due"] == "2026-03-03T23:59:00+05:00" and first["authority"] == "KZ-MAIDD"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--controller", "nope", "--discovered", "2026-03-02T09:30+03:00"),
            "no controller 'nope'",
        ),
        (("--controller", "infini", "--discovered", "2026-03-02T09:30"), "has no time zone"),
        (("--controller", "infini", "--discovered", "2026-03-08T09:30+05:00"), "in the future"),
        (
            ("--controller", "infini", "--discovered", "2026-03-29T02:30", "--tz", "Europe/Paris"),
            "does not exist",
        ),
        (
            (
                "--controller",
                "infini",
                "--discovered",
                "2026-03-02T09:30+05:00",
                "--subjects",
                "many",
            ),
            "whole number",
        ),
    ],
)
def test_bad_input_is_one_sentence_exit_2(run, args: tuple[str, ...], message: str) -> None:  # noqa: ANN001
    code, out, err = run("breach", "add", *args, "--description", "x", "--json")
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_list_show_update_link_close(run) -> None:  # noqa: ANN001
    ref = add(
        run,
        "--controller",
        "backgroundmusic",
        "--discovered",
        "2026-03-02T09:30+03:00",
        "--description",
        "Утечка",
    )["reference"]
    code, out, err = run("breach", "list", "--json")
    assert code == 0, err
    listed = json.loads(out)["breaches"]
    assert listed[0]["reference"] == ref and listed[0]["urgency"] == "upcoming"
    code, out, err = run(
        "breach",
        "update",
        ref,
        "--measures",
        "Пароли сброшены",
        "--risk",
        "high",
        "--data-category",
        "email",
        "--json",
    )
    assert code == 0, err
    shown = json.loads(out)
    assert shown["measures"] == "Пароли сброшены" and shown["data_categories"] == ["email"]
    code, out, err = run("breach", "link", ref, "2026-0001", "--json")
    assert code == 0, err
    assert json.loads(out)["cases"] == ["2026-0001"]
    # Roskomnadzor's 24 hours are still owed: closing is refused, in one sentence
    code, out, err = run("breach", "close", ref)
    assert code == 2 and "cannot close while the first notice to RKN" in err
    code, out, err = run("breach", "show", ref)
    assert code == 0 and "152-FZ Art. 21(3.1)(1)" in out and "2026-0001" in out
    code, out, err = run("breach", "update", ref)
    assert code == 2 and "Nothing to change" in err


def test_notices_render_in_russian_and_french_finalise_and_meet_the_clock(
    run, tmp_path: Path
) -> None:  # noqa: ANN001
    ru = add(
        run,
        "--controller",
        "backgroundmusic",
        "--discovered",
        "2026-03-02T09:30+03:00",
        "--description",
        "Утечка базы подписчиков",
    )["reference"]
    out_pdf = tmp_path / "rkn.pdf"
    code, out, err = run(
        "breach",
        "notice",
        ru,
        "--to",
        "authority",
        "--lang",
        "ru",
        "-o",
        str(out_pdf),
        "--finalise",
        "--json",
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["status"] == "final" and result["step"] == "first_notice"
    data = out_pdf.read_bytes()
    assert result["sha256"] == hashlib.sha256(data).hexdigest()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "Уведомление об инциденте с персональными данными" in text
    assert "Роскомнадзор" in text and "Утечка базы подписчиков" in text

    code, out, err = run(
        "breach",
        "sent",
        str(result["id"]),
        "--at",
        "2026-03-02T17:00+03:00",
        "--channel",
        "online_form",
        "--json",
    )
    assert code == 0, err
    code, out, err = run("breach", "show", ru, "--json")
    clocks = {d["step"]: d for d in json.loads(out)["deadlines"]}
    assert clocks["first_notice"]["state"] == "done" and not clocks["first_notice"]["late"]
    # the next authority notice is the investigation results
    code, out, err = run(
        "breach",
        "notice",
        ru,
        "--to",
        "authority",
        "--lang",
        "ru",
        "-o",
        str(tmp_path / "r2.pdf"),
        "--json",
    )
    assert code == 0 and json.loads(out)["step"] == "investigation_results"

    fr = add(
        run,
        "--controller",
        "infinity",
        "--discovered",
        "2026-03-02T09:30+06:00",
        "--description",
        "Base exposée",
    )["reference"]
    code, out, err = run(
        "breach", "notice", fr, "--to", "authority", "--lang", "fr", "-o", str(tmp_path / "x.pdf")
    )
    assert code == 2 and "--authority CNIL or KG-DPA" in err
    code, out, err = run(
        "breach",
        "notice",
        fr,
        "--to",
        "authority",
        "--authority",
        "CNIL",
        "--lang",
        "fr",
        "-o",
        str(tmp_path / "cnil.pdf"),
        "--json",
    )
    assert code == 0, err
    cnil = json.loads(out)
    assert cnil["status"] == "draft" and cnil["needs_legal_review"] is True
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(tmp_path / "cnil.pdf").pages).split()
    )
    assert "Notification d'une violation de données à caractère personnel" in text
    assert "Commission nationale de l'informatique et des libertés" in text
    code, out, err = run(
        "breach",
        "notice",
        fr,
        "--to",
        "subjects",
        "--authority",
        "CNIL",
        "--lang",
        "fr",
        "-o",
        str(tmp_path / "s.pdf"),
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["step"] == "subjects_notice"
    code, out, err = run(
        "breach",
        "notice",
        fr,
        "--to",
        "authority",
        "--authority",
        "CNIL",
        "--lang",
        "kk",
        "-o",
        str(tmp_path / "k.pdf"),
    )
    assert code == 2 and "written in ru, fr, en" in err


def test_export_breaches_csv_xlsx_json_and_check(run, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    add(
        run,
        "--controller",
        "backgroundmusic",
        "--discovered",
        "2026-03-02T09:30+03:00",
        "--description",
        '=HYPERLINK("x")',
    )
    add(
        run,
        "--controller",
        "astrum-oyun",
        "--discovered",
        "2026-03-01T10:00+06:00",
        "--description",
        "Ноутбук украден",
    )
    for ext in ("csv", "xlsx", "json"):
        target = tmp_path / f"breaches.{ext}"
        code, out, err = run("export", "breaches", "-o", str(target), "--json")
        assert code == 0, err
        assert json.loads(out)["breaches"] == 2
    rows = list(csv.DictReader(io.StringIO((tmp_path / "breaches.csv").read_text("utf-8-sig"))))
    assert [r["Reference"] for r in rows] == ["B-2026-0002", "B-2026-0001"]
    assert rows[1]["Description"].startswith("'=")  # never a live formula
    assert rows[1]["Next due"] == "2026-03-03T09:30:00+03:00"
    wb = load_workbook(tmp_path / "breaches.xlsx")
    assert wb.sheetnames == ["Breaches", "Clocks", "About"]
    doc = json.loads((tmp_path / "breaches.json").read_text())
    assert doc["document"] == "DPO Desk breach register" and len(doc["breaches"]) == 2
    code, out, err = run("export", "breaches", "-o", str(tmp_path / "b.pdf"))
    assert code == 2 and "use one of: .csv, .xlsx, .json" in err

    code, out, err = run("check", "--json")
    report = json.loads(out)
    finding = next(f for f in report["findings"] if f["code"] == "breaches")
    assert finding["severity"] == "ok" and "B-2026-0001" in finding["message"]
    assert report["breaches"]["clocks"][0]["step"] == "first_notice"
    # the next morning Roskomnadzor's 24 hours have passed: a warning
    monkeypatch.setenv("DPO_DESK_NOW", "2026-03-03T10:00+03:00")
    code, out, err = run("check", "--json")
    finding = next(f for f in json.loads(out)["findings"] if f["code"] == "breaches")
    assert finding["severity"] == "warning" and "overdue" in finding["message"]


def test_a_controller_without_jurisdiction_has_no_clock_and_is_told_so(run) -> None:  # noqa: ANN001
    code, out, err = run("controller", "add", "--slug", "bare", "--name", "Bare", "--json")
    assert code == 0, err
    result = add(
        run, "--controller", "bare", "--discovered", "2026-03-02T09:30+03:00", "--description", "x"
    )
    assert result["deadlines"] == []
    code, out, err = run("breach", "show", result["reference"])
    assert code == 0 and "has no jurisdiction recorded" in out
    code, out, err = run(
        "breach", "notice", result["reference"], "--to", "authority", "--lang", "en", "-o", "x.pdf"
    )
    assert code == 2 and "has a notice to the authority" in err
