"""Issue 19: ``dpo-desk --help`` imports no engine; the lazy parser lists what the full one does."""

from __future__ import annotations

import json
import subprocess
import sys

from dpo_desk.cli import build_parser, command_index

PROBE = """
import contextlib, io, json, sys
from dpo_desk.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(*argv: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_imports_no_engine_and_no_case_file() -> None:
    loaded = loaded_by("--help")
    heavy = ("reportlab", "dpo_desk.letters", "dpo_desk.reports", "dpo_desk.intake")
    assert not [m for m in loaded if m.startswith(heavy)]
    assert "dpo_desk.casefile" not in loaded and "sqlite_utils" not in loaded
    assert "importlib.metadata" not in loaded  # the version is read only for --version


def test_a_command_loads_only_its_own_module() -> None:
    loaded = loaded_by("deadline", "--help")
    assert "dpo_desk.cli.deadline_cmds" in loaded
    assert "dpo_desk.cli.letter_cmds" not in loaded and "reportlab" not in loaded


def test_the_lazy_help_lists_every_command_as_the_full_parser_does() -> None:
    assert build_parser(["--help"]).format_help() == build_parser().format_help()
    full = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    assert set(command_index()) == set(full)
