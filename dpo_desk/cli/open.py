"""How the CLI finds the case file and its key."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.keys import parse_secret
from dpo_desk.casefile.lock import FileLock
from dpo_desk.casefile.paths import default_casefile
from dpo_desk.core.errors import CaseFileLocked, CaseFileNotFound
from dpo_desk.core.messages import Message

if TYPE_CHECKING:
    from .context import CliContext

_stdin_lines: list[str] | None = None


def stdin_line(index: int) -> str | None:
    """Line ``index`` of standard input (read once, kept for later questions)."""
    global _stdin_lines
    if _stdin_lines is None:
        _stdin_lines = (
            [] if sys.stdin is None or sys.stdin.closed else sys.stdin.read().splitlines()
        )
    return _stdin_lines[index] if index < len(_stdin_lines) else None


def reset_stdin() -> None:
    global _stdin_lines
    _stdin_lines = None


def casefile_path(ctx: CliContext) -> Path:
    return Path(ctx.args.file).expanduser() if ctx.args.file else default_casefile()


def given_key(ctx: CliContext) -> Key | None:
    """The passphrase or recovery key from ``--passphrase-stdin`` or ``DPO_DESK_PASSPHRASE``."""
    if ctx.args.passphrase_stdin:
        line = stdin_line(0)
        if line is None:
            raise ctx.fail("--passphrase-stdin was given but standard input is empty.")
        return parse_secret(line)
    env = os.environ.get("DPO_DESK_PASSPHRASE")
    if env:
        return parse_secret(env)
    return None


def open_for_cli(ctx: CliContext) -> CaseFile:
    path = casefile_path(ctx)
    if not path.exists():
        raise CaseFileNotFound(
            f"There is no case file at {path}; create one with 'dpo-desk init' "
            "(or try 'dpo-desk demo')."
        )
    key = given_key(ctx)
    try:
        cf = CaseFile.open(path, key)
    except CaseFileLocked:
        if not ctx.reads_only:
            raise  # a write while the window holds the file: the refusal names the holder
        # issue 21: a command that only reads opens the file beside the holder, read-only
        cf = CaseFile.open(path, key, read_only=True)
        holder = FileLock(path).holder()
        ctx.error(
            Message(
                "Note: the case file is open in another DPO Desk ({holder}); this command read "
                "its last saved state without writing.",
                holder=holder.describe() if holder else "another process",
            )
        )
    for warning in cf.warnings:
        ctx.error(f"warning: {warning}")
    return cf
