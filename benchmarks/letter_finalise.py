"""How long previewing and finalising a letter takes on a demo case file.

Run: ``python benchmarks/letter_finalise.py [--runs N]``. Builds a throwaway demo case file in a
temporary folder (a raw key, no keyring), then times, on one open case: building the letter
input from the case file, the in-memory preview (input + checks + PDF), and finalising (the
same, plus storing the PDF with its SHA-256 and the audit events) for a one-page letter, and a
preview of the longer access response. Target (issue 6): a one-page letter in well under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

TODAY = date(2026, 3, 2)


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

    with tempfile.TemporaryDirectory(prefix="dpo-letters-") as folder:
        # keep the throwaway file's anchors out of the developer's keyring
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        os.environ["DPO_DESK_HOME"] = folder

        from dpo_desk.casefile import CaseFile, Key
        from dpo_desk.demo import seed_demo
        from dpo_desk.services import letters as service  # the rules of issue 16 included

        start = time.perf_counter()
        cf = CaseFile.create(Path(folder) / "bench.dpodesk", Key(raw=os.urandom(32))).casefile
        seed_demo(cf, TODAY)
        print(f"demo case file built: {(time.perf_counter() - start) * 1000:.0f} ms")
        try:
            row = next(r for r in cf.cases.list() if r.kinds == ("erasure", "consent_withdrawal"))
            case_id = row.id
            fields = {"signatory_name": "Aigerim Sadykova"}
            start = time.perf_counter()
            service.preview(cf, case_id, "action_confirmation", "ru", TODAY, **fields)
            print(
                "first preview (font registration, imports): "
                f"{(time.perf_counter() - start) * 1000:.0f} ms"
            )
            shown = service.preview(cf, case_id, "access_response", "ru", TODAY)
            for label, fn in (
                (
                    "build input from the case file",
                    lambda: service.build_input(
                        cf, case_id, "action_confirmation", "ru", TODAY, **fields
                    ),
                ),
                (
                    "preview, one-page action confirmation (ru)",
                    lambda: service.preview(
                        cf, case_id, "action_confirmation", "ru", TODAY, **fields
                    ),
                ),
                (
                    f"preview, access response (ru, {shown.pages} pages)",
                    lambda: service.preview(cf, case_id, "access_response", "ru", TODAY),
                ),
                (
                    "finalise, one-page action confirmation (ru), stored",
                    lambda: service.finalise(
                        cf, case_id, "action_confirmation", "ru", TODAY, **fields
                    ),
                ),
            ):
                median, worst = _time(fn, args.runs)
                print(f"{label}: {median:.1f} ms median, {worst:.1f} ms worst of {args.runs}")
        finally:
            cf.close()


if __name__ == "__main__":
    main()
