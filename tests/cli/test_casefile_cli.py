"""The headless contract of the case-file commands (names, options, JSON keys, errors)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", "cli test passphrase")
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-02")
    path = tmp_path / "cli.dpodesk"

    def _run(*args: str, file: Path | None = path) -> tuple[int, str, str]:
        reset_stdin()
        argv = (["--file", str(file)] if file else []) + list(args)
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    _run.path = path  # type: ignore[attr-defined]
    return _run


def add_controller(run) -> None:
    code, out, err = run(
        "controller",
        "add",
        "--slug",
        "infini",
        "--name",
        "Infini",
        "--email",
        "support@infini.com",
        "--jurisdiction",
        "KZ",
        "--language",
        "ru",
        "--language",
        "kk",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["slug"] == "infini"


def test_init_controller_case_round_trip(run) -> None:
    code, out, err = run("init", "--json")
    assert code == 0, err
    assert json.loads(out)["key_mode"] == "passphrase"
    add_controller(run)
    code, out, _ = run("controller", "list", "--json")
    assert [c["slug"] for c in json.loads(out)] == ["infini"]
    code, out, err = run(
        "case",
        "add",
        "--controller",
        "infini",
        "--kind",
        "rectification",
        "--channel",
        "email",
        "--received",
        "2026-03-20",
        "--subject-name",
        "Дәулет Қасымов",
        "--subject-email",
        "d@example.kz",
        "--json",
    )
    assert code == 2 and "future" in err  # today is fixed at 2026-03-02
    code, out, err = run(
        "case",
        "add",
        "--controller",
        "infini",
        "--kind",
        "rectification",
        "--channel",
        "email",
        "--received",
        "2026-02-27",
        "--subject-name",
        "Дәулет Қасымов",
        "--subject-email",
        "d@example.kz",
        "--json",
    )
    assert code == 0, err
    created = json.loads(out)
    assert set(created) >= {"id", "reference"} and created["reference"] == "2026-0001"
    code, out, _ = run("case", "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 1
    assert set(rows[0]) >= {
        "id",
        "reference",
        "controller",
        "subject_name",
        "kinds",
        "channel",
        "status",
        "received",
    }
    assert rows[0]["controller"] == "infini" and rows[0]["kinds"] == ["rectification"]
    assert rows[0]["subject_name"] == "Дәулет Қасымов" and rows[0]["received"] == "2026-02-27"
    code, out, _ = run("case", "show", str(created["id"]), "--json")
    shown = json.loads(out)
    assert shown["reference"] == "2026-0001"
    # KZ rectification: 1 working day (Fri 27 Feb -> Mon 2 Mar)
    assert shown["deadlines"]["deadlines"][0]["due"] == "2026-03-02"
    code, out, _ = run("case", "show", "2026-0001")
    assert "Дәулет Қасымов" in out and "due 2026-03-02" in out
    code, out, _ = run("audit", "verify", "--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_errors_are_one_sentence_without_traceback(run, tmp_path) -> None:
    code, out, err = run("case", "list")
    assert code == 2 and "no case file" in err.lower() and "Traceback" not in err
    run("init")
    code, _, err = run(
        "case",
        "add",
        "--controller",
        "nobody",
        "--kind",
        "access",
        "--channel",
        "post",
        "--received",
        "2026-01-01",
        "--subject-name",
        "X",
    )
    assert code == 2 and "no controller 'nobody'" in err
    add_controller(run)
    code, _, err = run(
        "case",
        "add",
        "--controller",
        "infini",
        "--kind",
        "teleport",
        "--channel",
        "post",
        "--received",
        "2026-01-01",
        "--subject-name",
        "X",
    )
    assert code == 2 and "Unknown request kind 'teleport'" in err and "access" in err
    code, _, err = run(
        "case",
        "add",
        "--controller",
        "infini",
        "--kind",
        "access",
        "--channel",
        "post",
        "--received",
        "01/02/2026",
        "--subject-name",
        "X",
    )
    assert code == 2 and "must be a date" in err
    os.environ["DPO_DESK_PASSPHRASE"] = "not the passphrase"
    code, _, err = run("case", "list")
    assert code == 2 and "does not open" in err
    assert len(err.strip().splitlines()) == 1


def test_backup_restore_and_rekey(run, tmp_path, monkeypatch) -> None:
    run("init")
    add_controller(run)
    run(
        "case",
        "add",
        "--controller",
        "infini",
        "--kind",
        "access",
        "--channel",
        "email",
        "--received",
        "2026-02-02",
        "--subject-name",
        "Айжан Төлеуова",
    )
    backup = tmp_path / "b.dpodesk"
    code, out, err = run("backup", str(backup), "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["anchor"] and Path(info["path"]).exists()
    restored = tmp_path / "restored.dpodesk"
    code, _, err = run("restore", str(backup), file=restored)
    assert code == 0, err
    code, out, _ = run("case", "list", "--json", file=restored)
    assert [r["subject_name"] for r in json.loads(out)] == ["Айжан Төлеуова"]
    monkeypatch.setenv("DPO_DESK_NEW_PASSPHRASE", "the second passphrase")
    code, out, err = run("rekey", "--to", "passphrase", "--json")
    assert code == 0, err
    code, _, err = run("case", "list")
    assert code == 2
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", "the second passphrase")
    code, out, err = run("audit", "verify")
    assert code == 0 and "intact" in out


def test_keyring_init_prints_recovery_key(run, monkeypatch) -> None:
    monkeypatch.delenv("DPO_DESK_PASSPHRASE")
    code, out, err = run("init", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["key_mode"] == "keyring" and data["recovery_key"].startswith("DPO1-")
    code, out, err = run("case", "list")
    assert code == 0 and "No cases" in out


def test_demo_creates_a_rich_file(run, tmp_path, monkeypatch) -> None:
    demo = tmp_path / "demo.dpodesk"
    code, out, err = run("demo", "--no-gui", "--json", file=demo)
    assert code == 0, err
    info = json.loads(out)
    assert info["created"] is True and 38 <= info["cases"] <= 45
    code, out, _ = run("case", "list", "--json", file=demo)
    rows = json.loads(out)
    assert {r["controller"] for r in rows} == {
        "infinity",
        "infini",
        "backgroundmusic",
        "astrum-oyun",
    }
    assert {r["status"] for r in rows} >= {
        "received",
        "awaiting_identity",
        "in_progress",
        "responded",
        "closed",
        "rejected",
        "withdrawn",
    }
    assert {r["channel"] for r in rows} >= {"post", "email"}
    kinds = {k for r in rows for k in r["kinds"]}
    assert len(kinds) >= 9
    today = "2026-03-02"
    open_rows = [r for r in rows if r["status"] in ("received", "awaiting_identity", "in_progress")]
    assert any(r["due"] and r["due"] < today for r in open_rows), "no overdue case"
    assert any(r["due"] == today for r in open_rows), "no case due today"
    code, out, _ = run("demo", "--no-gui", "--json", file=demo)
    assert json.loads(out)["created"] is False


def test_real_entry_point_exits_cleanly(tmp_path) -> None:
    exe = shutil.which("dpo-desk", path=str(Path(sys.executable).parent))
    assert exe, "the dpo-desk console script is installed"
    env = {**os.environ, "DPO_DESK_HOME": str(tmp_path), "DPO_DESK_PASSPHRASE": "x y z w 1"}
    out = subprocess.run(
        [exe, "--file", str(tmp_path / "none.dpodesk"), "case", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 2
    assert out.stderr.startswith("dpo-desk: There is no case file")
    assert "Traceback" not in out.stderr
