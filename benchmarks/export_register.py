"""Time a register export of N cases (and, for comparison, statistics and the calendar).

    python benchmarks/export_register.py [--cases 5000] [--open-share 0.3] [--keep DIR] [--memory]

Builds a case file of N invented cases over the demo controllers (about a third of them open),
then times: selecting and building the register rows, rendering CSV, XLSX and JSON, a complete
audited atomic export of each format, a pseudonymised export, the statistics PDF and the .ics
calendar. Prints milliseconds and cases per second (``--memory``: also the peak of Python
allocations, measured in a second, slower run under tracemalloc). ``--keep DIR`` keeps the case
file, and reuses it on the next run (building 5,000 cases takes about a minute). No keyring is
touched.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
from keyring.backends.null import Keyring as NullKeyring

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import Case, CaseStatus, ControllerId, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS, KINDS_BY_CONTROLLER, NAMES
from dpo_desk.reports import (
    build_register,
    export_calendar,
    export_register,
    export_statistics,
    register_csv,
    register_json,
    register_xlsx,
)

TODAY = date(2026, 3, 2)
KEY = Key(raw=bytes(range(32)))


def clock() -> datetime:
    return datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def build(path: Path, n: int, open_share: float, seed: int = 7) -> CaseFile:
    rng = random.Random(seed)
    cf = CaseFile.create(path, KEY, clock=clock).casefile
    controllers = [cf.controllers.add(c) for c in CONTROLLERS]
    names = [name for group in NAMES.values() for name in group]
    started = time.perf_counter()
    for start in range(0, n, 500):
        with cf.transaction():
            for i in range(start, min(n, start + 500)):
                ctl = controllers[i % len(controllers)]
                kinds = rng.choice(KINDS_BY_CONTROLLER[ctl.slug])
                is_open = rng.random() < open_share
                received = TODAY - timedelta(
                    days=rng.randint(1, 60) if is_open else rng.randint(20, 420)
                )
                case = cf.cases.add(
                    Case(
                        id=None,
                        reference="",
                        controller_id=ControllerId(ctl.id or 0),
                        subject=DataSubject(
                            name=rng.choice(names), email=f"subject{i}@example.org"
                        ),
                        kinds=tuple(RequestKind(k) for k in kinds),
                        channel=ctl.channels[0],
                        received=received,
                        summary="Invented request for the benchmark.",
                    )
                )
                assert case.id is not None
                if is_open:
                    cf.cases.set_status(case.id, CaseStatus.IN_PROGRESS, on=received)
                elif rng.random() < 0.9:
                    on = received + timedelta(days=rng.randint(1, 25))
                    cf.cases.set_status(case.id, CaseStatus.RESPONDED, on=on)
                    cf.cases.set_status(case.id, CaseStatus.CLOSED, on=on)
                else:
                    cf.cases.set_status(
                        case.id, CaseStatus.WITHDRAWN, on=received + timedelta(days=2)
                    )
    print(
        f"built {n} cases in {time.perf_counter() - started:.1f} s "
        f"({path.stat().st_size / 1e6:.1f} MB)"
    )
    return cf


def timed(label: str, n: int, fn: Callable[[], Any], memory: bool) -> Any:
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    size = (
        result.size if hasattr(result, "size") else len(result) if isinstance(result, bytes) else 0
    )
    line = f"{label:<36} {elapsed * 1000:7.0f} ms {n / elapsed:8.0f} cases/s {size / 1e6:6.2f} MB"
    if memory:
        tracemalloc.start()
        fn()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        line += f"   peak {peak / 1e6:5.1f} MB"
    print(line)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--open-share", type=float, default=0.3)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the case file in this folder")
    parser.add_argument("--memory", action="store_true", help="also measure peak allocations")
    args = parser.parse_args()
    keyring.set_keyring(NullKeyring())
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dpo-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.dpodesk"
    if path.exists():
        cf = CaseFile.open(path, KEY, clock=clock)
        print(f"reusing {path} ({path.stat().st_size / 1e6:.1f} MB)")
    else:
        cf = build(path, args.cases, args.open_share)
    n = cf.cases.count()
    m = args.memory
    try:
        register = timed("build register rows", n, lambda: build_register(cf, TODAY), m)
        timed("render CSV", n, lambda: register_csv(register), m)
        timed("render XLSX", n, lambda: register_xlsx(register), m)
        timed("render JSON", n, lambda: register_json(register), m)
        for fmt in ("csv", "xlsx", "json"):
            out = folder / f"register.{fmt}"
            timed(
                f"export register .{fmt} (complete)",
                n,
                lambda out=out: export_register(cf, out, TODAY),
                m,
            )
        timed(
            "export register .csv pseudonymised",
            n,
            lambda: export_register(cf, folder / "register-p.csv", TODAY, pseudonymise=True),
            m,
        )
        timed(
            "export statistics .pdf",
            n,
            lambda: export_statistics(cf, folder / "stats.pdf", TODAY),
            m,
        )
        timed(
            "export calendar .ics (open cases)",
            n,
            lambda: export_calendar(cf, folder / "deadlines.ics", TODAY),
            m,
        )
    finally:
        cf.close()
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
