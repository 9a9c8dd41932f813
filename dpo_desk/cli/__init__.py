"""The headless command line: the same services as the window.

``dpo-desk`` with no command starts the window. Every command takes ``--json``; errors go to
stderr as one clear sentence with a non-zero exit, never a traceback.

Every start goes through :func:`main`, whose first act is :func:`~dpo_desk.hardening.harden_process`
(umask 077, no core dumps). Commands log to ``<logs>/dpo-desk.log`` through the redacting
handler: which command ran on the case file (or failed) and how it ended, never its arguments. A bug (an exception that is not
a ``KnownError``) ends the command with one sentence naming the log, where its frames are kept;
``DPO_DESK_DEBUG=1`` lets it propagate instead.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its parsers and sets ``handler`` (a callable ``(args, ctx) -> int``).

Start-up is lazy (issue 19): only the module of the command given is imported. The other
commands appear in ``--help`` from an index read from the modules' source (the names and help
texts of their ``add_parser`` calls) without importing them, so ``dpo-desk --help`` and the
window's start never load the letters, reports or intake engines.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from dpo_desk.core.errors import KnownError
from dpo_desk.hardening import harden_process, log_session, safe

from .context import CliContext, CliExit, SafeArgumentParser

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES: tuple[str, ...] = (
    "dpo_desk.cli.casefile_cmds",
    "dpo_desk.cli.deadline_cmds",
    "dpo_desk.cli.calendar_cmds",  # issue 16 (deadlines)
    "dpo_desk.cli.intake_cmds",
    "dpo_desk.cli.mrz_cmds",
    "dpo_desk.cli.identity_cmds",
    "dpo_desk.cli.letter_cmds",
    "dpo_desk.cli.report_cmds",
    "dpo_desk.cli.check_cmds",
    "dpo_desk.cli.breach_cmds",  # issue 22: the breach desk
)


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from dpo_desk import __version__

        parser.exit(message=f"DPO Desk {__version__}\n")


def command_index() -> dict[str, tuple[str, str]]:
    """Command name -> (module, help), from the modules' source without importing them.

    Reads each ``register(sub)`` function's ``sub.add_parser("name", help="...")`` calls. A
    module whose source is not at hand (a frozen build) is imported instead."""
    import ast
    import importlib.util

    index: dict[str, tuple[str, str]] = {}
    for name in COMMAND_MODULES:
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:
            continue
        if spec is None:
            continue  # a command group not built yet
        found: list[tuple[str, str]] = []
        origin = spec.origin or ""
        try:
            tree = ast.parse(Path(origin).read_text(encoding="utf-8")) if origin else None
        except (OSError, SyntaxError, ValueError):
            tree = None
        if tree is not None:
            found = _registered_commands(tree)
        if not found:  # no source, or a registration this reader does not follow
            probe = argparse.ArgumentParser(add_help=False)
            module = importlib.import_module(name)
            module.register(probe.add_subparsers(dest="command"))
            sub = probe._subparsers._group_actions[0]  # type: ignore[union-attr]  # noqa: SLF001
            helps = {a.dest: a.help or "" for a in sub._choices_actions}  # noqa: SLF001
            found = [(cmd, helps.get(cmd, "")) for cmd in sub.choices]
        for command, text in found:
            index.setdefault(command, (name, text))
    return index


def _registered_commands(tree: object) -> list[tuple[str, str]]:
    """``param.add_parser("name", help=...)`` calls of ``register(param)``, following the
    module's own helpers that ``register`` hands ``param`` to."""
    import ast

    assert isinstance(tree, ast.Module)
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef) and n.args.args}
    found: list[tuple[str, str]] = []
    todo, seen = ["register"], set()
    while todo:
        node = functions.get(todo.pop(0))
        if node is None or node.name in seen:
            continue
        seen.add(node.name)
        param = node.args.args[0].arg
        for call in ast.walk(node):
            if not isinstance(call, ast.Call):
                continue
            if isinstance(call.func, ast.Name) and any(
                isinstance(a, ast.Name) and a.id == param for a in call.args
            ):
                todo.append(call.func.id)  # a helper given the subparsers
            if not (
                isinstance(call.func, ast.Attribute)
                and call.func.attr == "add_parser"
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == param
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
            ):
                continue
            text = ""
            for kw in call.keywords:
                if kw.arg == "help" and isinstance(kw.value, ast.Constant):
                    text = str(kw.value.value)
            found.append((call.args[0].value, text))
    return found


def _command_word(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not an option or its value)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--file":
            skip = True
            continue
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser. With ``argv``, only the module of the command it names is imported (the
    others are listed from :func:`command_index`); without, every command module is."""
    parser = SafeArgumentParser(  # issue 20: argparse's messages are terminal-safe too
        prog="dpo-desk",
        description="DPO Desk: log, verify, track and answer data-subject requests.",
    )
    parser.add_argument("--version", action=_VersionAction)
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
    if argv is None:
        modules = list(COMMAND_MODULES)
        index: dict[str, tuple[str, str]] = {}
    else:
        index = command_index()
        word = _command_word(argv)
        modules = [index[word][0]] if word in index else []
    registered: set[str] = set()
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command group not built yet
            if exc.name != name:
                raise
            continue
        module.register(sub)
        registered.update(sub.choices)
    for command, (_module, text) in index.items():  # listed in --help, loaded when named
        if command not in registered:
            sub.add_parser(command, help=text, add_help=False)
    if index:  # keep the modules' order in --help
        order = list(index)
        sub._choices_actions.sort(  # noqa: SLF001
            key=lambda a: order.index(a.dest) if a.dest in order else len(order)
        )
    return parser


log = logging.getLogger("dpo_desk.cli")

#: Exit code of a command stopped by a bug (BSD's EX_SOFTWARE).
EXIT_BUG = 70


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # before anything can create a file or hold a secret
    arguments = file_argument_as_option(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    ctx = CliContext(args)
    try:
        if args.self_test or args.command is None:
            # the self-test writes nothing; the window configures its own log
            return _dispatch(parser, args, ctx, argv, None, None)
        with log_session() as log_file:
            name = safe(command_name(args))
            code = _dispatch(parser, args, ctx, argv, log_file, name)
            if code != 0 or ctx._casefile is not None:  # a stateless success leaves no trace
                log.info("command %s: exit %d", name, code)
            return code
    finally:
        ctx.close()


#: The file type a desktop opens with DPO Desk (``dpo-desk PATH``, a double-click, macOS open).
CASE_FILE_SUFFIX = ".dpodesk"


def file_argument_as_option(argv: Sequence[str]) -> list[str]:
    """``dpo-desk PATH.dpodesk`` (what a file manager runs for a double-click) is
    ``dpo-desk --file PATH.dpodesk``: the window on that case file. Anything else is unchanged."""
    args = list(argv)
    positional = [i for i, a in enumerate(args) if not a.startswith("-")]
    if len(positional) != 1 or "--file" in args:
        return args
    index = positional[0]
    if index > 0 and args[index - 1] == "--file":
        return args
    candidate = args[index]
    if candidate.lower().endswith(CASE_FILE_SUFFIX) or (
        os.sep in candidate and Path(candidate).expanduser().is_file()
    ):
        return [*args[:index], "--file", candidate, *args[index + 1 :]]
    return args


def command_name(args: argparse.Namespace) -> str:
    """``case add``, ``export register``: the words of the command, never its arguments."""
    words = [args.command]
    for dest in sorted(vars(args)):
        if dest.endswith("_command") and dest != "command":
            value = getattr(args, dest)
            if isinstance(value, str):
                words.append(value)
    return " ".join(w for w in words if w)


def _dispatch(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    ctx: CliContext,
    argv: Sequence[str] | None,
    log_file: Path | None,
    name: str | None,
) -> int:
    what = name or ("self-test" if args.self_test else "window")
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
        log.info("command %s refused: %s", what, safe(type(exc).__name__))
        ctx.error(exc.message)  # a Message is translated under DPO_DESK_LANG
        return 2
    except KeyboardInterrupt:
        ctx.error("Interrupted.")
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:
        log.info("command %s failed: %s errno %s", what, safe(type(exc).__name__), exc.errno)
        ctx.error(_os_error_sentence(exc))
        return 2
    except Exception as exc:
        log.error(
            "command %s stopped by a bug: %s",
            what,
            safe(f"{type(exc).__module__}.{type(exc).__qualname__}"),
            exc_info=(type(exc), None, exc.__traceback__),  # frames, never the message
        )
        if os.environ.get("DPO_DESK_DEBUG"):
            raise
        where = f"; the details are in {log_file}" if log_file else ""
        ctx.error(
            f"The command stopped because of a bug in DPO Desk ({type(exc).__name__}){where}. "
            "Please report it."
        )
        return EXIT_BUG


def _os_error_sentence(exc: OSError) -> str:
    """One sentence for an operating-system error no service turned into a known one."""
    import errno

    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"The disk is full{where}; free some space and try again."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write here{where}: the place is read-only or permission is denied."
    if exc.errno == errno.ENOENT:
        return f"No such file or folder{where}."
    if exc.errno == errno.EIO:
        return f"The disk reported an input/output error{where}; run 'dpo-desk check'."
    return f"{exc.strerror or exc}{where}."


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
