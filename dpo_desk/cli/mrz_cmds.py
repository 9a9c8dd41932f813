"""``dpo-desk mrz FILE [--json]``: what the MRZ of the ID document in the DPO's hands says.

Needs no case file. Exit 0 when an MRZ was read (even with failed check digits, which are said
plainly), 2 when none was found. Nothing is stored or logged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dpo_desk.core.errors import ImportRejected

from .context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "mrz",
        help="read the machine-readable zone of an ID document scan (no case file)",
        description=(
            "Read the MRZ of a passport (TD3), an ID card (TD1, TD2) or a Russian internal "
            "passport from a scan (PNG, JPEG, TIFF or PDF) and check its ICAO 9303 check digits. "
            "Needs no case file; nothing is stored."
        ),
    )
    p.add_argument("path", metavar="FILE", type=Path, help="a scan of the ID document")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_mrz)


def _mrz(args: argparse.Namespace, ctx: CliContext) -> int:
    from dpo_desk.services.ocr import read_mrz

    path: Path = args.path
    if not path.is_file():
        raise ImportRejected(f"No such file: {path}.")
    result = read_mrz(path.read_bytes(), path.name, today=ctx.today())
    lines = [
        f"Document:      {result.document_type} ({result.format}, {result.country})",
        f"Surname:       {result.surname}",
        f"Given names:   {result.given_names}",
        f"Number:        {result.number}",
        f"Date of birth: {result.birth_date.isoformat() if result.birth_date else '-'}",
        f"Expiry date:   {result.expiry_date.isoformat() if result.expiry_date else '-'}",
        f"Sex:           {result.sex or '-'}",
        "Check digits:  "
        + ("all valid" if result.check_digits_valid else "FAILED — see the problems below"),
    ]
    lines.extend(f"  - {p}" for p in (*result.corrections, *result.problems))
    ctx.emit(result.to_dict(), "\n".join(lines))
    return 0
