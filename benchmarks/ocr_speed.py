"""OCR speed and accuracy (issue 18): one A4 page at 300 dpi must be read in under 3 s.

Prints, per language, the time to read a rendered A4 page at 300 dpi (clean-up + recognition,
single-threaded Tesseract), the classifier's verdict, and the share of the page's words found;
then the same for a held-out font the pipeline was not tuned on, and the MRZ of rendered ID
copies (OCR-B, plus a held-out face). Run: ``.venv/bin/python benchmarks/ocr_speed.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dpo_desk.services.ocr import read_mrz, read_scan  # noqa: E402
from tests.identity.test_mrz import DOCUMENTS  # noqa: E402
from tests.intake.test_ocr_builders import (  # noqa: E402
    DEJAVU,
    LETTERS,
    encode,
    held_out_font,
    id_copy,
    page,
)

EXPECTED = {"ru": "erasure", "kk": "access", "ky": "erasure", "fr": "access"}
TODAY = date(2026, 12, 8)


def words_found(lines: list[str], text: str) -> float:
    wanted = [w.strip(".,:;«»!") for line in lines for w in line.split() if len(w) > 2]
    return sum(w in text for w in wanted) / max(len(wanted), 1)


def letters(font: Path, label: str) -> None:
    print(f"\nLetters, A4 at 300 dpi, font {font.name} ({label}):")
    times = []
    for language, lines in LETTERS.items():
        scan = encode(page(lines * 3, font=font, dpi=300, rotate=0.7, seed=5))
        start = time.perf_counter()
        reading = read_scan(scan, "page.png")
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        kind = reading.kinds[0] if reading.kinds else "-"
        print(
            f"  {language}: {elapsed:5.2f} s  language={reading.language or '-'}  "
            f"kind={kind} ({'ok' if kind == EXPECTED[language] else 'WRONG'})  "
            f"words found {words_found(lines, reading.text):.0%}  OCR confidence "
            f"{reading.confidence:.0f}"
        )
    print(f"  median {statistics.median(times):.2f} s, max {max(times):.2f} s (target < 3 s)")


def mrz(font: Path | None, label: str) -> None:
    print(f"\nMRZ of rendered ID copies at 300 dpi ({label}):")
    for name, (lines, expected) in sorted(DOCUMENTS.items()):
        image = id_copy(lines) if font is None else id_copy(lines, font=font)
        start = time.perf_counter()
        try:
            result = read_mrz(encode(image), "id.png", today=TODAY)
            fields = (
                result.document_type,
                result.country,
                result.surname,
                result.number,
                result.birth_date,
                result.expiry_date,
            )
            verdict = "all fields right" if fields == expected else f"differs: {fields}"
            checks = "check digits valid" if result.check_digits_valid else "check digits FAILED"
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
            verdict, checks = f"not read ({exc})", ""
        print(f"  {name:18s} {time.perf_counter() - start:5.2f} s  {verdict}  {checks}")


if __name__ == "__main__":
    letters(DEJAVU, "tuned on")
    letters(held_out_font(), "held out")
    mrz(None, "OCR-B, tuned on")
    mrz(Path(DEJAVU).with_name("DejaVuSans-Bold.ttf"), "held out: DejaVu Sans Bold")
