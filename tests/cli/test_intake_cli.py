"""`dpo-desk classify PATH [--json]`: no case file, .eml/.msg/.txt, one sentence on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpo_desk.cli import main
from tests.intake.intake_builders import build_msg, eml

SAMPLE_MSG = Path(__file__).resolve().parents[1] / "data" / "intake" / "request.msg"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_txt_json(tmp_path, capsys, dpo_home):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Sehr geehrte Damen und Herren,\n\nich beantrage die Löschung meiner Daten nach "
        "Art. 17 DSGVO. Meine Einwilligung widerrufe ich.\n",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "classify", str(letter), "--json")
    assert code == 0, err
    data = json.loads(out)
    # the contract's keys are kept; triage (issue 17) extends it
    assert {"kinds", "language", "confidence", "evidence", "not_a_request"} <= set(data)
    assert data["not_a_request"] is False
    assert data["kinds"][0] == "erasure"
    assert "consent_withdrawal" in data["kinds"]
    assert data["language"] == "de"
    assert 0.0 < data["confidence"] <= 1.0
    assert data["evidence"] and all(isinstance(e, str) for e in data["evidence"])
    assert not list(dpo_home.iterdir()), "classify must not create a case file"


def test_classify_eml_text_output(tmp_path, capsys):
    path = tmp_path / "request.eml"
    path.write_bytes(
        eml(
            b"I would like a copy of all personal data you hold about me.",
            headers={"Subject": "Subject access request"},
        )
    )
    code, out, err = _run(capsys, "classify", str(path))
    assert code == 0, err
    assert "Main request: access" in out
    assert "Language:     en" in out


def test_classify_msg(tmp_path, capsys):
    code, out, _ = _run(capsys, "classify", str(SAMPLE_MSG), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["kinds"][0] == "erasure"
    assert data["language"] == "ru"


def test_classify_msg_with_another_name(tmp_path, capsys):
    path = tmp_path / "outlook-export"
    path.write_bytes(
        build_msg(subject="Auskunft", body="Ich bitte um Auskunft nach Art. 15 DSGVO.")
    )
    code, out, _ = _run(capsys, "classify", str(path), "--json")
    assert code == 0
    assert json.loads(out)["kinds"][0] == "access"


def test_nothing_recognised_is_not_an_error(tmp_path, capsys):
    path = tmp_path / "note.txt"
    path.write_text("Thank you for the lovely concert last night.", encoding="utf-8")
    code, out, _ = _run(capsys, "classify", str(path), "--json")
    assert code == 0
    assert json.loads(out)["kinds"] == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("binary.txt", b"\x00\x01\x02\x03\x04"),
        ("empty.eml", b""),
        ("photo.jpg", b"\xff\xd8\xff\xe0 not a letter"),
    ],
)
def test_malformed_file_is_one_sentence_and_exit_2(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = _run(capsys, "classify", str(path), "--json")
    assert code == 2
    assert out == ""
    assert err.startswith("dpo-desk: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_file_exit_2(tmp_path, capsys):
    code, _, err = _run(capsys, "classify", str(tmp_path / "nope.eml"))
    assert code == 2
    assert "No such file" in err


def test_mailbox_is_refused_for_classify(tmp_path, capsys):
    path = tmp_path / "box.mbox"
    path.write_bytes(
        b"From a@b Tue Mar  3 09:00:00 2026\n" + eml(b"one") + b"\n\n"
        b"From a@b Tue Mar  3 09:00:00 2026\n" + eml(b"two") + b"\n"
    )
    code, _, err = _run(capsys, "classify", str(path))
    assert code == 2
    assert "2 messages" in err
