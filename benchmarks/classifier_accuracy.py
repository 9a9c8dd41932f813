"""Accuracy of the request classifier: the development corpus and the held-out set, apart.

    python benchmarks/classifier_accuracy.py [--set dev|heldout|both] [--details]

- development: tests/data/classifier_corpus (the rules were written against it);
- held-out: tests/data/classifier_heldout (never tuned on; see its SOURCES.md).

Figures per set, per language and overall: top-1 (the main kind, or "not a request", as
expected), kind recall (share of the expected main + secondary kinds suggested, over request
letters), language (right code; ``null`` counts as not right) and wrong-language guesses (a code
given that is not the letter's: worse than ``null``), and not-a-request precision and recall.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from dpo_desk.intake.classify import classify

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = {"dev": DATA / "classifier_corpus", "heldout": DATA / "classifier_heldout"}
NOT_A_REQUEST = "not_a_request"


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
    not_a_request: bool

    @property
    def predicted_main(self) -> str:
        return NOT_A_REQUEST if self.not_a_request or not self.kinds else self.kinds[0]

    @property
    def top1(self) -> bool:
        return self.predicted_main == self.letter.main

    @property
    def expected(self) -> set[str]:
        return {self.letter.main, *self.letter.secondary} - {NOT_A_REQUEST}

    @property
    def found(self) -> int:
        return 0 if self.not_a_request else len(self.expected & set(self.kinds))


def load(folder: Path) -> list[Letter]:
    letters = []
    with open(folder / "INDEX.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            secondary = tuple(k for k in row["secondary"].split(";") if k)
            letters.append(
                Letter(folder / row["file"], row["language"], row["main"], secondary, row["origin"])
            )
    return letters


def split_subject(text: str) -> tuple[str, str]:
    """A letter file may start with 'Subject:' (or a translation) and a blank line."""
    first, _, rest = text.partition("\n")
    for label in ("Subject:", "Тема:", "Asunto:"):
        if first.startswith(label):
            return first[len(label) :].strip(), rest.lstrip("\n")
    return "", text


def evaluate(letters: list[Letter]) -> list[Outcome]:
    outcomes = []
    for letter in letters:
        subject, body = split_subject(letter.path.read_text(encoding="utf-8"))
        result = classify(body, subject)
        nar = bool(getattr(result, "not_a_request", not result.kinds))
        outcomes.append(
            Outcome(letter, tuple(result.kinds), result.language or "", result.confidence, nar)
        )
    return outcomes


@dataclass(frozen=True)
class Summary:
    n: int
    top1: float
    recall: float
    language: float
    wrong_language: int
    nar_precision: float | None
    nar_recall: float | None


def summarise(outcomes: list[Outcome]) -> Summary:
    n = len(outcomes)
    requests = [o for o in outcomes if o.letter.main != NOT_A_REQUEST]
    expected = sum(len(o.expected) for o in requests)
    said_nar = [o for o in outcomes if o.predicted_main == NOT_A_REQUEST]
    are_nar = [o for o in outcomes if o.letter.main == NOT_A_REQUEST]
    hits = sum(1 for o in said_nar if o.letter.main == NOT_A_REQUEST)
    return Summary(
        n=n,
        top1=sum(o.top1 for o in outcomes) / n if n else 0.0,
        recall=sum(o.found for o in requests) / expected if expected else 0.0,
        language=sum(o.language == o.letter.language for o in outcomes) / n if n else 0.0,
        wrong_language=sum(1 for o in outcomes if o.language and o.language != o.letter.language),
        nar_precision=hits / len(said_nar) if said_nar else None,
        nar_recall=hits / len(are_nar) if are_nar else None,
    )


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def report(outcomes: list[Outcome], details: bool = False) -> str:
    head = f"{'language':<9}{'n':>4}{'top-1':>7}{'recall':>8}{'lang':>6}{'wrong':>7}{'NaR P':>7}{'NaR R':>7}"
    lines = [head]

    def row(label: str, s: Summary) -> str:
        return (
            f"{label:<9}{s.n:>4}{s.top1:>7.0%}{s.recall:>8.0%}{s.language:>6.0%}"
            f"{s.wrong_language:>7}{_pct(s.nar_precision):>7}{_pct(s.nar_recall):>7}"
        )

    for lang in sorted({o.letter.language for o in outcomes}):
        lines.append(row(lang, summarise([o for o in outcomes if o.letter.language == lang])))
    lines.append(row("overall", summarise(outcomes)))
    if details:
        lines.append("")
        for o in outcomes:
            mark = "ok  " if o.top1 else "MISS"
            lines.append(
                f"{mark} {o.letter.path.parent.name}/{o.letter.path.name}: expected "
                f"{o.letter.main} {sorted(o.letter.secondary)} ({o.letter.language}), got "
                f"{o.predicted_main} {list(o.kinds)} ({o.language or 'null'}, {o.confidence})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--details", action="store_true", help="one line per letter")
    args = parser.parse_args(argv)
    names = ("dev", "heldout") if args.set == "both" else (args.set,)
    for name in names:
        print(f"== {'development' if name == 'dev' else 'held-out'} set ({SETS[name].name}) ==")
        print(report(evaluate(load(SETS[name])), details=args.details))
        print()
    print("top-1: main kind or not-a-request as expected; recall: expected kinds suggested")
    print("(request letters); lang: right code (null is not right); wrong: a wrong code given;")
    print("NaR P/R: not-a-request precision / recall.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
