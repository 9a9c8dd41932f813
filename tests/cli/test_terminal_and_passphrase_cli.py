"""Issue 20: what the command line prints is terminal-safe, and one passphrase policy holds.

Escape sequences in a certificate's name or a case's subject name would otherwise reach the
terminal: OSC 52 writes the clipboard, CR or cursor movement fakes a "Signer:" line, bidi
overrides reorder text. Text output drops them; JSON keeps the data exact but escaped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.services import passphrase
from tests.identity.conftest import Pki

HOSTILE = (
    "Evil\x1b]52;c;cm0gLXJmIH4=\x07 Corp\x1b[2K\r\nSigner:      Trusted Government CA"
    "\x9b31m \u202egpj.exe\x7f"
)
# a certificate's common name holds at most 64 characters
CERT_NAME = "Evil\x1b]52;c;eA==\x07\x1b[2K\r\nSigner: Trusted CA\x9b1m\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x7f", "\r")


def _raw_controls(text: str) -> list[str]:
    return [c for c in RAW if c in text]


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", "terminal test passphrase")
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-02")
    path = tmp_path / "t.dpodesk"

    def _run(*args: str, file: bool = True) -> tuple[int, str, str]:
        reset_stdin()
        code = main([*(["--file", str(path)] if file else []), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_case_list_prints_no_escape_sequences(run) -> None:
    assert run("init")[0] == 0
    run("controller", "add", "--slug", "acme", "--name", "Acme", "--jurisdiction", "RU")
    code, _, err = run(
        "case", "add", "--controller", "acme", "--kind", "access", "--channel", "post",
        "--received", "2026-02-27", "--subject-name", HOSTILE, "--subject-address", "Almaty",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run("case", "list")
    assert code == 0 and _raw_controls(out) == []
    # the name is one line: it cannot start a "Signer:" line of its own
    assert [line for line in out.splitlines() if line.startswith("Signer:")] == []
    assert "Evil" in out and "Trusted Government CA" in out  # the text itself is still shown
    code, out, _ = run("case", "list", "--json")
    assert _raw_controls(out) == [] and "\\u001b" in out and "\\u202e" in out
    assert json.loads(out)[0]["subject_name"] == HOSTILE  # exact data, safely escaped


def test_verify_signature_of_a_hostile_certificate_name(run, tmp_path: Path) -> None:
    (tmp_path / "pki").mkdir()
    pki = Pki(tmp_path / "pki")
    evil = pki._issue("evil", CERT_NAME, pki.intermediate, email="evil@example.net")
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(pki.sign_pdf(Pki.make_pdf(), evil))
    code, out, err = run("verify-signature", str(signed), file=False)
    assert code == 0, err
    assert _raw_controls(out) == []
    signer_lines = [line for line in out.splitlines() if line.strip().startswith("Signer:")]
    assert len(signer_lines) == 1 and "Evil" in signer_lines[0]  # no faked second line
    code, out, _ = run("verify-signature", str(signed), "--json", file=False)
    assert _raw_controls(out) == [] and json.loads(out)["signatures"]


def test_errors_are_terminal_safe_too(run) -> None:
    code, _, err = run("case", "show", "2026-\x1b]52;c;eA==\x07\u202e0001")
    assert code == 2 and _raw_controls(err) == [] and err.count("\n") == 1


@pytest.mark.parametrize(
    ("command", "env"),
    [
        (("init",), "DPO_DESK_PASSPHRASE"),
        (("backup", "BACKUP", "--new-passphrase"), "DPO_DESK_BACKUP_PASSPHRASE"),
        (("rekey", "--to", "passphrase"), "DPO_DESK_NEW_PASSPHRASE"),
    ],
)
def test_one_passphrase_policy_for_every_new_passphrase(
    run, monkeypatch, tmp_path, command, env
) -> None:
    if command[0] != "init":
        assert run("init")[0] == 0
    argv = [str(tmp_path / "b.dpodesk") if a == "BACKUP" else a for a in command]
    monkeypatch.setenv(env, "x")
    code, _, err = run(*argv)
    assert code == 2 and "at least 8 characters" in err and "Traceback" not in err
    monkeypatch.setenv(env, "12345678")  # long enough, but tried first: accepted with a warning
    code, _, err = run(*argv)
    assert code == 0 and "warning: weak passphrase" in err
    if command[0] == "rekey":  # the file now opens with the new passphrase
        monkeypatch.setenv("DPO_DESK_PASSPHRASE", "12345678")
    monkeypatch.setenv(env, "correct horse battery staple")
    if command[0] == "init":
        (tmp_path / "t.dpodesk").unlink()
    code, _, err = run(*argv)
    assert code == 0 and "weak" not in err


def test_the_policy_itself() -> None:
    assert passphrase.MIN_LENGTH == 8
    with pytest.raises(passphrase.PassphraseTooShort):
        passphrase.check_new("short")
    for weak in ("aaaaaaaa", "password", "qwertyuiop", "abcdefghij", "абвгдеёжз"):
        assert passphrase.check_new(weak).warnings, weak
    for fine in ("correct horse battery staple", "Tr0ub4dor&3x", "жёлтый слон пьёт чай"):
        assert passphrase.check_new(fine).warnings == (), fine
    with pytest.raises(Exception, match="recovery key"):
        passphrase.check_new("DPO1-" + "A" * 52)


def test_argparse_error_text_has_no_escapes(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["case", "list", "\x1b]52;c;eA==\x07\u202eX"])
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and _raw_controls(err) == []
