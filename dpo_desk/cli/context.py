"""What every CLI command gets: parsed global options, output helpers, the case file, the clock."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any


class CliExit(Exception):
    """Leave the CLI with this exit code (the message, if any, was already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._casefile: Any = None
        # a windowed Windows build has no console: sys.stdout/stderr are None there
        self.stdout = sys.stdout if sys.stdout is not None else open(os.devnull, "w")  # noqa: SIM115
        self.stderr = sys.stderr if sys.stderr is not None else open(os.devnull, "w")  # noqa: SIM115

    # --- clock ---------------------------------------------------------------------------
    def today(self) -> date:
        """Today's date; ``DPO_DESK_TODAY=YYYY-MM-DD`` fixes it (tests, demos, what-if runs)."""
        fixed = os.environ.get("DPO_DESK_TODAY")
        if fixed:
            return date.fromisoformat(fixed)
        return date.today()

    # --- output --------------------------------------------------------------------------
    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def emit(self, data: Any, text: str | None = None) -> None:
        """Print ``data`` as JSON under ``--json``, otherwise ``text`` (or a plain rendering)."""
        if self.json:
            json.dump(data, self.stdout, ensure_ascii=False, indent=2, default=_json_default)
            self.stdout.write("\n")
        else:
            self.stdout.write((text if text is not None else str(data)).rstrip("\n") + "\n")
        self.stdout.flush()

    def error(self, message: str) -> None:
        message = " ".join(str(message).split())
        self.stderr.write(f"dpo-desk: {message}\n")
        self.stderr.flush()

    def fail(self, message: str, code: int = 2) -> CliExit:
        """Print ``message`` and return an exception to raise: ``raise ctx.fail("...")``."""
        self.error(message)
        return CliExit(code)

    # --- case file -----------------------------------------------------------------------
    def casefile(self) -> Any:
        """Open (once) the case file named by ``--file`` or the default one, for writing."""
        if self._casefile is None:
            from .open import open_for_cli

            self._casefile = open_for_cli(self)
        return self._casefile

    def close(self) -> None:
        if self._casefile is not None:
            self._casefile.close()
            self._casefile = None


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
