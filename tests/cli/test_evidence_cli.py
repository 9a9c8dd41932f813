"""Issue 20 through the command line: data under the chain, anchors a DPO can keep.

What each anchor proves, stated as the tests state it: the keyring's anchor and the anchor file
sit on this computer, so the OS user who holds the key can delete an event, rebuild the chain
*and* rewrite both; that is NOT detected by ``audit verify`` alone. Only an anchor held
elsewhere (the line ``audit anchor`` printed, kept on paper or mailed away) detects it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.audit import Anchor, anchor_file, event_hash, write_anchor_file
from dpo_desk.casefile.connection import connect
from dpo_desk.casefile.keys import read_file_id, set_anchor
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin

PASSPHRASE = "cli test passphrase"


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-02")
    path = tmp_path / "cli.dpodesk"

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    _run.path = path  # type: ignore[attr-defined]
    return _run


@pytest.fixture
def filled(run) -> Path:
    assert run("init")[0] == 0
    run("controller", "add", "--slug", "infini", "--name", "Infini", "--jurisdiction", "KZ")
    for name, day in (("Дәулет Қасымов", "2026-02-27"), ("Анна Петрова", "2026-02-28")):
        code, _, err = run(
            "case", "add", "--controller", "infini", "--kind", "access", "--channel", "post",
            "--received", day, "--subject-name", name, "--subject-address", "Almaty",
        )  # fmt: skip
        assert code == 0, err
    with CaseFile.open(run.path, Key(passphrase=PASSPHRASE)) as cf:
        cf.attachments.add(1, "id_document", "passport.jpg", "image/jpeg", b"\xff\xd8scan" * 40)
    return run.path


def rebuild_without(path: Path, seq_to_drop: int) -> Anchor:
    """What the OS user with the key can do: delete an event and rebuild a consistent chain."""
    db = connect(path, Key(passphrase=PASSPHRASE))
    rows = db.execute(
        "SELECT seq, at, actor, action, case_id, data, row_hashes FROM audit ORDER BY seq"
    ).fetchall()
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    db.execute("DELETE FROM audit")
    prev, seq = "0" * 64, 0
    for old_seq, at, actor, action, case_id, data, rows_json in rows:
        if old_seq == seq_to_drop:
            continue
        seq += 1
        rows_map = json.loads(rows_json) if rows_json else None
        digest = event_hash(prev, seq, at, actor, action, case_id, json.loads(data), rows_map)
        db.execute(
            "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash, "
            "row_hashes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, actor, action, case_id, data, prev, digest, rows_json),
        )
        prev = digest
    db.close()
    return Anchor(seq, prev)


def test_deep_verify_and_check_catch_rows_changed_in_the_decrypted_file(run, filled) -> None:
    code, out, err = run("audit", "verify", "--deep", "--json")
    assert code == 0, err
    assert json.loads(out)["data"]["ok"] is True
    db = connect(filled, Key(passphrase=PASSPHRASE))
    db.execute("UPDATE cases SET received = '2026-01-05' WHERE reference = '2026-0002'")
    db.execute("UPDATE attachments SET data = NULL")
    db.close()
    code, out, err = run("audit", "verify")  # the log alone is intact
    assert code == 0, err
    code, out, err = run("audit", "verify", "--deep")
    assert code == 1
    assert "cases row 2 (case 2026-0002)" in out and "attachments row 1 (case 2026-0001)" in out
    assert "Петрова" not in out and "2026-01-05" not in out
    code, out, _ = run("audit", "verify", "--deep", "--json")
    data = json.loads(out)["data"]
    assert code == 1 and {(f["table"], f["case_reference"]) for f in data["findings"]} == {
        ("cases", "2026-0002"),
        ("attachments", "2026-0001"),
    }
    code, out, _ = run("check", "--json")
    assert code == 1
    [finding] = [f for f in json.loads(out)["findings"] if f["code"] == "data"]
    assert finding["severity"] == "problem" and "2026-0002" in finding["message"]


def test_anchor_line_and_anchor_file(run, filled) -> None:
    code, out, err = run("audit", "anchor", "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["line"].startswith("DPO Desk audit anchor: file ")
    assert Anchor.find(info["line"]) == Anchor.parse(info["short"])
    code, out, err = run("audit", "anchor")  # one line on stdout, the advice on stderr
    assert code == 0 and out.count("\n") == 1 and Anchor.find(out) == Anchor.find(info["line"])
    assert "away from this computer" in err
    # passphrase mode: an anchor file in the settings folder (DPO_DESK_HOME), not beside the file
    file_id = read_file_id(filled)
    kept = anchor_file(file_id)
    assert kept.parent != filled.parent and kept.stat().st_mode & 0o077 == 0
    assert Anchor.find(kept.read_text()).seq == info["seq"]
    # the line and a file holding it both verify
    code, out, _ = run("audit", "verify", "--anchor", info["line"])
    assert code == 0 and "checked against the anchor given" in out
    paper = filled.parent / "written-down.txt"
    paper.write_text(f"my anchor, 2 March\n{info['short']}\n")
    assert run("audit", "verify", "--anchor", str(paper))[0] == 0
    code, _, err = run("audit", "verify", "--anchor", "yesterday")
    assert code == 2 and "SEQ:HASH" in err and "Traceback" not in err


def test_deleted_event_and_rebuilt_chain(run, filled, memory_keyring) -> None:
    code, out, _ = run("audit", "anchor", "--json")
    held_elsewhere = json.loads(out)["line"]  # written on paper before the tampering
    file_id = read_file_id(filled)

    new_head = rebuild_without(filled, 1)  # "casefile.created": an event that recorded no row
    # detected against the anchors on this computer while they are left as they were
    code, out, _ = run("audit", "verify")
    assert code == 1 and "cut off" in out

    # NOT detected: the same OS user also rewrites the keyring's anchor and the anchor file
    set_anchor(file_id, new_head.text())
    write_anchor_file(file_id, new_head)
    code, out, _ = run("audit", "verify", "--deep")
    assert code == 0 and "on this computer" in out
    assert run("check")[0] == 0

    # detected: against the anchor held elsewhere
    code, out, _ = run("audit", "verify", "--anchor", held_elsewhere, "--json")
    report = json.loads(out)
    assert code == 1 and report["anchor_held_elsewhere"] is True
    assert report["ok"] is False and "cut off" in report["problem"]
    assert run("check", "--anchor", held_elsewhere)[0] == 1


def test_deleting_the_event_that_recorded_a_row_shows_in_the_data(run, filled) -> None:
    # even with every anchor on this computer rewritten, a row whose only record was in the
    # deleted event is no longer under the chain, and --deep says so
    file_id = read_file_id(filled)
    new_head = rebuild_without(filled, 3)  # case 2026-0001's "case.created"
    set_anchor(file_id, new_head.text())
    write_anchor_file(file_id, new_head)
    assert run("audit", "verify")[0] == 0
    code, out, _ = run("audit", "verify", "--deep")
    assert code == 1 and "cases row 1 (case 2026-0001) is in no audit event" in out


def test_letters_and_exports_carry_an_anchor_that_verifies(run, filled, tmp_path) -> None:
    from pypdf import PdfReader

    letter = tmp_path / "ack.pdf"
    code, _, err = run("letter", "2026-0001", "--kind", "acknowledgement", "--lang", "ru",
                       "-o", str(letter))  # fmt: skip
    assert code == 0, err
    footer = PdfReader(str(letter)).pages[0].extract_text()
    found = Anchor.find(footer[footer.index("Audit ") :])
    assert found is not None and len(found.hash) == 20
    register = tmp_path / "register.csv"
    code, out, err = run("export", "register", "-o", str(register), "--json")
    assert code == 0, err
    exported = json.loads(out)["anchor"]
    for kept in (f"Audit {found.text()}", exported):
        code, out, _ = run("audit", "verify", "--anchor", kept)
        assert code == 0 and "checked against the anchor given" in out
