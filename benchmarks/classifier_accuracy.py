"""Accuracy of the request classifier on the letter corpus in tests/data/classifier_corpus.

    python benchmarks/classifier_accuracy.py [--origin public|own|all] [--details]

Prints per language and overall: main-kind top-1 accuracy, kind-set recall (share of the
expected main + secondary kinds that were suggested), and language accuracy. "public" letters
were written by others (see SOURCES.md); "own" letters were written for DPO Desk (Kazakh,
Kyrgyz, Russian and a few kinds no public template covers).
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from dpo_desk.intake.classify import classify

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "classifier_corpus"


@dataclass(frozen=True)
class Letter:
    path: Path
    language: str
    main: str
    secondary: tuple[str, ...]
    origin: str


@dataclass(frozen=True)
class Outcome:
    letter: Letter
    kinds: tuple[str, ...]
    language: str
    confidence: float

    @property
    def top1(self) -> bool:
        return bool(self.kinds) and self.kinds[0] == self.letter.main

    @property
    def expected(self) -> set[str]:
        return {self.letter.main, *self.letter.secondary}

    @property
    def found(self) -> int:
        return len(self.expected & set(self.kinds))


def load_corpus(origin: str = "all") -> list[Letter]:
    letters = []
    with open(CORPUS / "INDEX.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if origin != "all" and row["origin"] != origin:
                continue
            secondary = tuple(k for k in row["secondary"].split(";") if k)
            letters.append(
                Letter(CORPUS / row["file"], row["language"], row["main"], secondary, row["origin"])
            )
    return letters


def split_subject(text: str) -> tuple[str, str]:
    """A corpus file may start with 'Subject: ...' (the email subject), then a blank line."""
    if text.startswith("Subject:"):
        first, _, rest = text.partition("\n")
        return first[len("Subject:") :].strip(), rest.lstrip("\n")
    return "", text


def evaluate(letters: list[Letter]) -> list[Outcome]:
    outcomes = []
    for letter in letters:
        subject, body = split_subject(letter.path.read_text(encoding="utf-8"))
        result = classify(body, subject)
        outcomes.append(Outcome(letter, result.kinds, result.language, result.confidence))
    return outcomes


@dataclass(frozen=True)
class Summary:
    n: int
    top1: float
    recall: float
    language: float


def summarise(outcomes: list[Outcome]) -> Summary:
    n = len(outcomes)
    if n == 0:
        return Summary(0, 0.0, 0.0, 0.0)
    expected = sum(len(o.expected) for o in outcomes)
    return Summary(
        n=n,
        top1=sum(o.top1 for o in outcomes) / n,
        recall=sum(o.found for o in outcomes) / expected,
        language=sum(o.language == o.letter.language for o in outcomes) / n,
    )


def report(outcomes: list[Outcome], details: bool = False) -> str:
    lines = [f"{'language':<10}{'letters':>8}{'top-1':>8}{'set recall':>12}{'language':>10}"]
    languages = sorted({o.letter.language for o in outcomes})
    for lang in languages:
        s = summarise([o for o in outcomes if o.letter.language == lang])
        lines.append(f"{lang:<10}{s.n:>8}{s.top1:>8.0%}{s.recall:>12.0%}{s.language:>10.0%}")
    s = summarise(outcomes)
    lines.append(f"{'overall':<10}{s.n:>8}{s.top1:>8.0%}{s.recall:>12.0%}{s.language:>10.0%}")
    if details:
        lines.append("")
        for o in outcomes:
            mark = "ok " if o.top1 else "MISS"
            rel = o.letter.path.relative_to(CORPUS)
            lines.append(
                f"{mark} {rel}: expected {o.letter.main} {sorted(o.letter.secondary)}, "
                f"got {list(o.kinds)} ({o.language}, {o.confidence})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--origin", choices=("public", "holdout", "own", "all"), default="all")
    parser.add_argument("--details", action="store_true", help="one line per letter")
    args = parser.parse_args(argv)
    for origin in ("public", "holdout", "own", "all") if args.origin == "all" else (args.origin,):
        outcomes = evaluate(load_corpus(origin))
        print(f"== {origin} letters ==")
        print(report(outcomes, details=args.details and origin == args.origin))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
