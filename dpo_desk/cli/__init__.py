"""The headless command line: the same services as the window.

``dpo-desk`` with no command starts the window. Every command takes ``--json``; errors go to
stderr as one clear sentence with a non-zero exit, never a traceback.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its parsers and sets ``handler`` (a callable ``(args, ctx) -> int``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from dpo_desk import __version__
from dpo_desk.core.errors import KnownError

from .context import CliContext, CliExit

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES: tuple[str, ...] = (
    "dpo_desk.cli.casefile_cmds",
    "dpo_desk.cli.deadline_cmds",
    "dpo_desk.cli.intake_cmds",
    "dpo_desk.cli.identity_cmds",
    "dpo_desk.cli.letter_cmds",
    "dpo_desk.cli.report_cmds",
    "dpo_desk.cli.check_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dpo-desk",
        description="DPO Desk: log, verify, track and answer data-subject requests.",
    )
    parser.add_argument("--version", action="version", version=f"DPO Desk {__version__}")
    parser.add_argument(
        "--file",
        metavar="PATH",
        help="the case file (default: the platform data folder; DPO_DESK_HOME relocates it)",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the case file's passphrase from standard input",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that every part of the installation works, then exit",
    )
    parser.add_argument(
        "--json", action="store_true", help="with --self-test: print the result as JSON"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CliContext(args)
    try:
        if args.self_test:
            from .selftest import run_self_test

            return run_self_test(ctx)
        if args.command is None:
            from .gui import start_gui

            return start_gui(ctx, demo=False)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.parse_args([*(argv or sys.argv[1:]), "--help"])
            return 2
        return int(handler(args, ctx) or 0)
    except CliExit as exc:
        return exc.code
    except KnownError as exc:
        ctx.error(str(exc))
        return 2
    except KeyboardInterrupt:
        ctx.error("Interrupted.")
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:
        ctx.error(_os_error_sentence(exc))
        return 2
    finally:
        ctx.close()


def _os_error_sentence(exc: OSError) -> str:
    import errno

    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    if exc.errno == errno.ENOSPC:
        return f"The disk is full{where}; nothing was changed."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Permission denied or read-only location{where}."
    if exc.errno == errno.ENOENT:
        return f"No such file or folder{where}."
    return f"{exc.strerror or exc}{where}."


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
