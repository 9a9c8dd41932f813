"""What every CLI command gets: parsed global options, output helpers, the case file, the clock."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import date
from typing import Any

from dpo_desk.core.messages import translate

# --- terminal safety (issue 20) ---------------------------------------------------------------
# Every string the command line prints may hold text from outside: a certificate's name, an
# e-mail subject, a case name typed by someone else. A terminal obeys escape sequences in it
# (ESC/CSI/OSC: move the cursor, rewrite a line, set the clipboard with OSC 52, fake a
# "Signer:" line with CR), and bidi controls reorder what is shown. So:
# - text output (``emit``'s text, ``error``) drops whole ESC sequences, C0 controls except
#   tab and newline, DEL, C1 controls (also the 8-bit CSI U+009B), and the bidi embeddings,
#   overrides, isolates and marks; a CR (which rewrites the line) and the other line
#   separators become spaces: only ``\n`` breaks a line;
# - JSON output keeps the data exact but writes those characters as ``\uXXXX`` escapes
#   (json.dumps escapes C0 itself, but not DEL, C1, bidi controls or U+2028/U+2029);
# - ``one_line`` is for a single untrusted field inside a line: newlines become spaces, so a
#   value cannot start a line of its own.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, DCS, SOS, PM, APC up to BEL or ST
    r"|[ -/]*[0-~])?"  # other two- or three-byte escapes; a lone ESC goes too
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC, DCS, SOS, PM, APC
)
_LINE_BREAKS = re.compile(r"[\r\x0b\x0c\x85\u2028\u2029]")
_UNSAFE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)
_JSON_UNSAFE = re.compile(
    r"[\x7f\x80-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def safe_text(text: str) -> str:
    """``text`` without anything a terminal would act on (see above); newlines and tabs stay."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LINE_BREAKS.sub(" ", text.replace("\r\n", "\n"))
    return _UNSAFE.sub("", text)


def one_line(value: object) -> str:
    """An untrusted field for the middle of a line: terminal-safe, and on one line."""
    return " ".join(safe_text(str(value)).split("\n")).replace("\t", " ")


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse's own messages (usage, "unrecognized arguments: …") quote the command line,
    which may be untrusted too: they go through :func:`safe_text` like everything else."""

    def _print_message(self, message: str, file: Any = None) -> None:
        super()._print_message(safe_text(message) if message else message, file)


def safe_json(text: str) -> str:
    """JSON text with the characters json.dumps leaves raw but terminals act on escaped."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class CliExit(Exception):
    """Leave the CLI with this exit code (the message, if any, was already printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


#: Issue 21: commands that only read the case file. While another DPO Desk (the window) holds
#: the file's lock, these open it read-only beside it (``query_only``, no lock, no migration, no
#: writes) and see its last committed state; every other command is refused, naming the holder.
#: ``export …`` is deliberately not here: an export records its audit event in the case file
#: ("no export exists without its event", reports/common.py), which is a write.
READ_ONLY_COMMANDS: frozenset[str] = frozenset({"case list", "case show", "check", "audit verify"})


def command_name(args: argparse.Namespace) -> str:
    """``"case list"``, ``"check"``: the command and its action, as typed."""
    command = str(getattr(args, "command", None) or "")
    action = getattr(args, f"{command}_command", None) if command else None
    return f"{command} {action}" if action else command


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
            dumped = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)
            self.stdout.write(safe_json(dumped) + "\n")
        else:
            shown = text if text is not None else str(data)
            self.stdout.write(safe_text(shown).rstrip("\n") + "\n")
        self.stdout.flush()

    def error(self, message: str) -> None:
        # issue 14: a service Message in DPO_DESK_LANG (English unless it names a catalogue)
        message = translate(message, cli_language())
        message = " ".join(safe_text(str(message)).split())
        self.stderr.write(f"dpo-desk: {message}\n")
        self.stderr.flush()

    def fail(self, message: str, code: int = 2) -> CliExit:
        """Print ``message`` and return an exception to raise: ``raise ctx.fail("...")``."""
        self.error(message)
        return CliExit(code)

    # --- case file -----------------------------------------------------------------------
    @property
    def reads_only(self) -> bool:
        """Whether this command only reads the case file (issue 21, :data:`READ_ONLY_COMMANDS`)."""
        return command_name(self.args) in READ_ONLY_COMMANDS

    def casefile(self) -> Any:
        """Open (once) the case file named by ``--file`` or the default one: for writing, or,
        for a command that only reads while another DPO Desk holds it, read-only (issue 21)."""
        if self._casefile is None:
            from .open import open_for_cli

            self._casefile = open_for_cli(self)
        return self._casefile

    def close(self) -> None:
        if self._casefile is not None:
            self._casefile.close()
            self._casefile = None


def cli_language() -> str:
    """The language of the command line's error sentences: ``DPO_DESK_LANG`` (default English)."""
    return os.environ.get("DPO_DESK_LANG", "").strip().split("_", 1)[0].lower() or "en"


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
