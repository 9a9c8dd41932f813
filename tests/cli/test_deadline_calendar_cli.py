"""``dpo-desk calendar``: Kyrgyz Cabinet resolutions as one-click overrides per controller (issue 16).

Worked example (resources/calendars/KG.toml, Cabinet resolution No. 835 of 25.12.2025): a KG
access request received Fri 2 Jan 2026 is due one week later, Fri 9 Jan (Law 58 Art. 17(e); 8-9
Jan are working days in holidays 0.109). A controller that gave its staff the resolution's days
off (8-9 Jan) counts them as non-working: 9 Jan is off, 10-11 Jan a weekend -> Mon 12 Jan. A
controller that did not apply it keeps 9 Jan.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind

PASSPHRASE = "calendar cli passphrase"
SUGGESTION = "KG-2026-01-835"


def _controller(cf: CaseFile, slug: str, jurisdictions: tuple[str, ...]) -> Controller:
    return cf.controllers.add(
        Controller(
            id=None,
            slug=slug,
            name=slug.title(),
            jurisdictions=jurisdictions,
            emails=(f"dpo@{slug}.example",),
            languages=("ru",),
        )
    )


def _case(cf: CaseFile, controller: Controller, received: date) -> Case:
    return cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller.id or 0),
            subject=DataSubject(name="Айбек Токтогулов"),
            kinds=(RequestKind.ACCESS,),
            channel=Channel.POST,
            received=received,
        )
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two KG controllers with one case each, and a Russian one; built once per module."""
    path = tmp_path_factory.mktemp("calendar-cli") / "kg.dpodesk"
    cf = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    try:
        for slug in ("astrum", "bulut"):
            _case(cf, _controller(cf, slug, ("KG",)), date(2026, 1, 2))
        _controller(cf, "rumus", ("RU",))
    finally:
        cf.close()
    return path


@pytest.fixture
def run(built: Path, tmp_path: Path, capsys, monkeypatch):
    path = tmp_path / built.name
    shutil.copyfile(built, path)
    shutil.copyfile(built.with_name(built.name + ".id"), path.with_name(path.name + ".id"))
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-01-05")

    def _run(*args: str, file: bool = True) -> tuple[int, str, str]:
        reset_stdin()
        code = main((["--file", str(path)] if file else []) + list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _due(run, reference: str) -> str:
    code, out, err = run("case", "show", reference, "--json")
    assert code == 0, err
    return json.loads(out)["deadlines"]["governing"]["due"]


def test_suggestions_need_no_case_file_and_flag_the_private_employer(run) -> None:
    code, out, err = run("calendar", "suggestions", "--jurisdiction", "KG", "--json", file=False)
    assert (code, err) == (0, "")
    [item] = json.loads(out)
    assert item["id"] == SUGGESTION
    assert [d["day"] for d in item["days"]] == ["2026-01-08", "2026-01-09"]
    assert {d["kind"] for d in item["days"]} == {"holiday"}
    assert "No. 835 of 25 December 2025" in item["act"]
    assert item["adopted"] == "2025-12-25" and item["in_force"] == "2026-01-01"
    # The resolution binds state bodies and only recommends the days to private employers.
    assert item["needs_legal_review"] is True
    assert "recommended" in item["private_employers"]
    assert item["applied"] is False and item["controller"] is None
    # Another year, another jurisdiction: nothing.
    for args in (("-j", "KG", "--year", "2027"), ("-j", "RU")):
        code, out, _ = run("calendar", "suggestions", *args, "--json", file=False)
        assert (code, json.loads(out)) == (0, [])


def test_apply_moves_only_that_controllers_deadline_and_withdraw_restores_it(run) -> None:
    assert _due(run, "2026-0001") == "2026-01-09"
    code, out, err = run("calendar", "apply", SUGGESTION, "--controller", "astrum", "--json")
    assert code == 0, err
    assert json.loads(out) | {"private_employers": ""} == {
        "suggestion": SUGGESTION,
        "controller": "astrum",
        "applied": True,
        "changed": True,
        "days": ["2026-01-08", "2026-01-09"],
        "needs_legal_review": True,
        "private_employers": "",
    }
    assert _due(run, "2026-0001") == "2026-01-12"  # astrum follows the resolution
    assert _due(run, "2026-0002") == "2026-01-09"  # bulut does not
    code, out, _ = run("case", "list", "--json")
    stored = {c["reference"]: c["due"] for c in json.loads(out)}
    assert stored == {"2026-0001": "2026-01-12", "2026-0002": "2026-01-09"}

    # Applying twice changes nothing; the listing shows the state per controller.
    code, out, _ = run("calendar", "apply", SUGGESTION.lower(), "--controller", "astrum", "--json")
    assert json.loads(out)["changed"] is False
    code, out, _ = run("calendar", "suggestions", "-j", "KG", "--controller", "astrum", "--json")
    assert json.loads(out)[0]["applied"] is True
    code, out, _ = run("calendar", "suggestions", "-j", "KG", "--controller", "bulut", "--json")
    assert json.loads(out)[0]["applied"] is False

    code, out, err = run("calendar", "withdraw", SUGGESTION, "--controller", "astrum", "--json")
    assert code == 0, err
    assert json.loads(out)["applied"] is False and json.loads(out)["changed"] is True
    assert _due(run, "2026-0001") == "2026-01-09"
    code, out, _ = run("audit", "verify", "--json")
    assert code == 0


def test_text_output_names_the_act_and_the_review_flag(run) -> None:
    code, out, _ = run("calendar", "apply", SUGGESTION, "--controller", "bulut")
    assert code == 0
    assert "2026-01-08, 2026-01-09" in out and "needs legal review" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("apply", SUGGESTION, "--controller", "rumus"),
            "Controller rumus counts no deadline on the KG calendar (its regimes: RU)",
        ),
        (("apply", "KG-1999", "--controller", "astrum"), "There is no calendar suggestion"),
        (("apply", SUGGESTION, "--controller", "nobody"), "There is no controller 'nobody'"),
        (("suggestions", "-j", "XX"), "Unknown jurisdiction 'XX'"),
        (("suggestions", "-j", "KG", "--year", "20x"), "--year: '20x' is not a year"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(run, args, message) -> None:
    code, out, err = run("calendar", *args, "--json")
    assert code == 2 and out == ""
    assert err.startswith("dpo-desk: " + message) and err.count("\n") == 1
    assert "Traceback" not in err


def test_controller_overrides_win_over_file_wide_ones(built: Path, tmp_path: Path) -> None:
    from dpo_desk.casefile.deadlines import calendar_overrides, controller_overrides
    from dpo_desk.services.calendars import apply_suggestion

    path = tmp_path / built.name
    shutil.copyfile(built, path)
    shutil.copyfile(built.with_name(built.name + ".id"), path.with_name(path.name + ".id"))
    cf = CaseFile.open(path, Key(passphrase=PASSPHRASE))
    try:
        astrum = cf.controllers.by_slug("astrum")
        bulut = cf.controllers.by_slug("bulut")
        # File-wide: the DPO marked 9 Jan as worked in KG (say, from a misread decree).
        cf.overrides.set("KG", date(2026, 1, 9), "working", "file-wide")
        apply_suggestion(cf, "astrum", SUGGESTION)
        rows = controller_overrides(cf, astrum.id)
        assert [(r.day, r.kind, r.source) for r in rows] == [
            (date(2026, 1, 8), "holiday", SUGGESTION),
            (date(2026, 1, 9), "holiday", SUGGESTION),
        ]
        mine = calendar_overrides(cf, astrum.id)
        theirs = calendar_overrides(cf, bulut.id)
        assert date(2026, 1, 9) in mine.extra_holidays["KG"]
        assert date(2026, 1, 9) not in mine.extra_working_days.get("KG", ())
        assert date(2026, 1, 9) in theirs.extra_working_days["KG"]
        assert calendar_overrides(cf).extra_holidays == {}  # no controller: file-wide only
        actions = [r[0] for r in cf.db.execute("SELECT action FROM audit ORDER BY seq")]
        assert "calendar.controller_override" in actions
    finally:
        cf.close()


def test_every_view_of_the_deadline_follows_the_controllers_days(run, tmp_path: Path) -> None:
    """A controller's own calendar days reach the status line, the register export and the
    letters, not only the stored due date (one calendar per controller everywhere)."""
    code, _, err = run("calendar", "apply", SUGGESTION, "--controller", "astrum")
    assert code == 0, err
    code, out, err = run("case", "show", "2026-0001", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["deadlines"]["governing"]["due"] == "2026-01-12"
    # today is Mon 5 Jan: the status counts to Mon 12 Jan, not to the national Fri 9 Jan
    status = shown["deadline_status"]
    assert status["state"] == "upcoming"
    assert status["days_left"] == (7 if status["unit"] == "calendar_days" else 3)
    export = tmp_path / "register.json"
    code, _, err = run("export", "register", "-o", str(export))
    assert code == 0, err
    rows = {r["reference"]: r for r in json.loads(export.read_text())["rows"]}
    assert rows["2026-0001"]["due"] == "2026-01-12" and rows["2026-0002"]["due"] == "2026-01-09"
