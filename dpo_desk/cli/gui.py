"""``dpo-desk`` with no command (and ``dpo-desk demo``): start the window.

PySide6 is imported only inside :func:`start_gui` (through ``dpo_desk.ui``): the CLI itself
never imports Qt, so headless commands work where Qt is not installed or cannot start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dpo_desk.hardening import harden_process

from .context import CliContext
from .open import given_key


def start_gui(ctx: CliContext, demo: bool, casefile: Any = None) -> int:
    """Run the window until it is closed; returns the exit code. Closes the case file."""
    harden_process()  # main() did already; a caller that starts the window directly gets it too
    key = given_key(ctx)
    if demo and casefile is not None and key is None and casefile.key_source == "passphrase":
        from dpo_desk.casefile import Key
        from dpo_desk.demo import DEMO_PASSPHRASE

        key = Key(passphrase=DEMO_PASSPHRASE)
    path = Path(ctx.args.file).expanduser() if getattr(ctx.args, "file", None) else None
    from dpo_desk.ui.app import run

    return run(today=ctx.today, path=path, key=key, casefile=casefile, demo=demo)
