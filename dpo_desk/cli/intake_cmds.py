"""Intake commands: ``classify`` (no case file needed).

``dpo-desk classify PATH [--json]`` reads an .eml, .msg or plain .txt letter and prints the
suggested request kinds (main first), the language, a confidence and the phrases found.

The module is laid out for more intake commands: ``register`` adds one parser per command and
each handler is ``(args, ctx) -> int``; ``load_letter`` is shared by them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dpo_desk.core.errors import ImportRejected
from dpo_desk.intake.classify import Classification, classify
from dpo_desk.intake.email_parse import ParsedEmail, parse_path

from .context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_classify(subparsers)


# --- shared ----------------------------------------------------------------------------------


def load_letter(path: Path) -> ParsedEmail:
    """The one message in an .eml, .msg or .txt file; ``ImportRejected`` says why not."""
    if path.is_dir():
        raise ImportRejected(f"{path.name} is a folder, not a letter.")
    items = parse_path(path)
    if not items:
        raise ImportRejected(f"{path.name} contains no message.")
    first = items[0]
    if isinstance(first, ImportRejected):
        raise ImportRejected(f"{path.name}: {first}")
    if len(items) > 1:
        raise ImportRejected(
            f"{path.name} holds {len(items)} messages; classify reads one letter at a time."
        )
    return first


# --- classify --------------------------------------------------------------------------------


def _register_classify(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "classify",
        help="suggest the request kind(s) and language of a letter (.eml, .msg or .txt)",
        description=(
            "Suggest the request kinds (main request first), the language, a confidence "
            "and the phrases that led to it. Needs no case file."
        ),
    )
    p.add_argument("path", metavar="PATH", type=Path, help="an .eml, .msg or plain .txt letter")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_classify)


def _classify(args: argparse.Namespace, ctx: CliContext) -> int:
    letter = load_letter(args.path)
    result = classify(letter.body_text, letter.subject)
    ctx.emit(result.to_dict(), _classification_text(result))
    return 0


def _classification_text(result: Classification) -> str:
    if not result.kinds:
        language = result.language or "unknown"
        return f"No request kind recognised (language: {language}).\n"
    lines = [
        f"Main request: {result.kinds[0]}",
        f"Also:         {', '.join(result.kinds[1:]) or '-'}",
        f"Language:     {result.language or 'unknown'}",
        f"Confidence:   {result.confidence:.2f}",
        "Evidence:",
    ]
    lines.extend(f"  - {phrase}" for phrase in result.evidence)
    return "\n".join(lines) + "\n"
