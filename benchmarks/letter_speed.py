"""How long a letter takes to render to PDF bytes in memory.

Run: ``python benchmarks/letter_speed.py [--runs N]``. Target (issue 6): a one-page letter in well
under 100 ms. Font registration happens once per process and is reported separately.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from datetime import date

from dpo_desk.core.model import (
    Case,
    CaseId,
    Channel,
    Controller,
    ControllerId,
    ControllerProfile,
    DataSubject,
    LetterKind,
    RequestKind,
)
from dpo_desk.letters.fonts import register_fonts
from dpo_desk.letters.render import LetterInput, compose_text, render_letter


def _input(kind: LetterKind, language: str, categories: int) -> LetterInput:
    profile = ControllerProfile(
        purposes=("Managing your account", "Processing orders", "Complying with the law"),
        categories=tuple(f"Category of personal data no. {i}" for i in range(1, categories + 1)),
        recipients=("Hosting providers", "Payment service providers", "Delivery services"),
        retention="As long as the account is open, then until the limitation period expires.",
        sources=("You, directly",),
        transfers="",
    )
    controller = Controller(
        id=ControllerId(1),
        slug="infini",
        name="Infini",
        legal_entity='LLP "Shahishifa KZ"',
        registration_no="BIN 180140023215",
        address="Abay Ave. 1\n050000 Almaty\nKazakhstan",
        dpo_contact="support@infini.example",
        jurisdictions=("KZ",),
        languages=("ru", "kk", "en"),
        profile=profile,
    )
    subject = DataSubject(name="Әлия Шаһанқызы Ғабитова", address="Сәтбаев көшесі 22\nАлматы")
    case = Case(
        id=CaseId(7),
        reference="2026-0007",
        controller_id=ControllerId(1),
        subject=subject,
        kinds=(RequestKind.ACCESS,),
        channel=Channel.EMAIL,
        received=date(2026, 11, 16),
    )
    return LetterInput(
        kind=kind,
        language=language,
        controller=controller,
        case=case,
        date=date(2026, 11, 20),
        recipient_name=subject.name,
        recipient_address=subject.address,
        deadline_due=date(2026, 11, 30),
        deadline_statutory=False,
        jurisdiction="KZ",
        enclosures=("Copy of your personal data",),
        signatory_name="DPO",
    )


def _time(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    start = time.perf_counter()
    register_fonts()
    print(f"font registration (once per process): {(time.perf_counter() - start) * 1000:.1f} ms")

    short = _input(LetterKind.ACKNOWLEDGEMENT, "kk", categories=3)
    long = _input(LetterKind.ACCESS_RESPONSE, "ru", categories=150)
    render_letter(short)  # warm-up: first subsetting of each face, imports
    pages = len(re.findall(rb"/Type /Page\b(?!s)", render_letter(long)))

    for label, fn in (
        ("compose text only (acknowledgement, kk)", lambda: compose_text(short)),
        ("one-page letter (acknowledgement, kk)", lambda: render_letter(short)),
        (f"long letter (access response, ru, {pages} pages)", lambda: render_letter(long)),
    ):
        median, worst = _time(fn, args.runs)
        print(f"{label}: {median:.1f} ms median, {worst:.1f} ms worst of {args.runs}")


if __name__ == "__main__":
    main()
