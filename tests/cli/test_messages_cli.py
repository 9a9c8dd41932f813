"""Issue 14: the command line says a service's refusal in English, or in DPO_DESK_LANG."""

from __future__ import annotations

from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin


def test_cli_errors_are_english_by_default_and_russian_under_dpo_desk_lang(
    capsys, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", "cli test passphrase")
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-02")
    monkeypatch.delenv("DPO_DESK_LANG", raising=False)
    path = tmp_path / "cli.dpodesk"

    def run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init")[0] == 0
    code, out, err = run("case", "show", "2026-9999", "--json")
    assert (code, out, err) == (2, "", "dpo-desk: There is no case 2026-9999.\n")
    monkeypatch.setenv("DPO_DESK_LANG", "ru")
    code, out, err = run("case", "show", "2026-9999", "--json")
    assert (code, out, err) == (2, "", "dpo-desk: Дела 2026-9999 нет.\n")
    # a wrong passphrase: the case file's own refusal, in Russian too
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", "not the passphrase")
    code, _, err = run("case", "list")
    assert code == 2 and "cli.dpodesk" in err and "парольная фраза" in err.lower()
    # a language with no catalogue falls back to English
    monkeypatch.setenv("DPO_DESK_LANG", "kk")
    code, _, err = run("case", "list")
    assert code == 2 and "passphrase" in err and "cli.dpodesk" in err
