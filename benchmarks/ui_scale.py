"""The window at scale: 100,000 cases. Prints figures; not run by the test suite.

    python benchmarks/ui_scale.py [--cases 100000] [--file PATH] [--rebuild]

Builds (once; later runs reuse it) a case file with N cases through the repositories —
``CaseRepo.add`` in transactions of 1,000, the only way in that exists today — and reports how
long that took. Then it opens the file and shows the real main window offscreen, with the real
single-thread database executor, and measures:

* open: ``CaseFile.open`` with the passphrase (the KDF is most of it);
* first page: from building the window to the first page of the list on screen;
* search: latency per keystroke of a full-text search typed letter by letter (the model's own
  query, without the 150 ms debounce) until its first page is in the model;
* sort: re-sorting the list by each sortable column;
* scroll: fetching the next page (``fetchMore``);
* sidebar counts (the six saved views and one count per controller);
* memory: resident set size after all of it.

Each window figure is compared with the same query run directly on the file
(``CaseRepo.count`` + ``CaseRepo.list(limit=200)``) and the ratio is printed: the window's
overhead is the thread hop, the queued signal and the model reset.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 3, 2)
PASSPHRASE = "benchmark passphrase"
BATCH = 1000

FIRST = [
    "Айбек",
    "Айгерим",
    "Нурлан",
    "Жыпар",
    "Әлібек",
    "Гүлнәр",
    "Дәулет",
    "Иван",
    "Ольга",
    "Сергей",
    "Анна",
    "Camille",
    "Julien",
    "Léa",
    "Sarah",
    "James",
    "Priya",
    "Tom",
]
LAST = [
    "Токтогулов",
    "Садыкова",
    "Асанов",
    "Өмүрбекова",
    "Нұрланұлы",
    "Сейітқызы",
    "Қасымов",
    "Петров",
    "Смирнова",
    "Кузнецов",
    "Волкова",
    "Martin",
    "Dubois",
    "Moreau",
    "Collins",
    "O'Neill",
    "Natarajan",
    "Becker",
]


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, count: int) -> None:
    from dpo_desk.casefile import CaseFile, Key
    from dpo_desk.core.model import (
        Case,
        CaseStatus,
        Channel,
        ControllerId,
        DataSubject,
        RequestKind,
    )
    from dpo_desk.demo import CONTROLLERS

    rng = random.Random(7)
    cf = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    controllers = [cf.controllers.add(c) for c in CONTROLLERS]
    kinds = list(RequestKind)
    closed = [CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN, CaseStatus.RESPONDED]
    start = time.perf_counter()
    made = 0
    try:
        while made < count:
            with cf.transaction():
                for _ in range(min(BATCH, count - made)):
                    controller = rng.choice(controllers)
                    age = rng.randint(0, 720)
                    status = (
                        rng.choice(
                            [
                                CaseStatus.RECEIVED,
                                CaseStatus.IN_PROGRESS,
                                CaseStatus.AWAITING_IDENTITY,
                            ]
                        )
                        if age < 45
                        else rng.choice(closed)
                    )
                    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {made}"
                    try:
                        cf.cases.add(
                            Case(
                                id=None,
                                reference="",
                                controller_id=ControllerId(controller.id or 0),
                                subject=DataSubject(name=name, email=f"s{made}@example.org"),
                                kinds=(rng.choice(kinds[:10]),),
                                channel=rng.choice(list(Channel)),
                                received=TODAY - timedelta(days=age),
                                status=status,
                                summary="Asks for a copy of the personal data.",
                            )
                        )
                    except Exception as exc:  # a kind a regime lacks is fine; others are not
                        raise SystemExit(f"building failed at case {made}: {exc}") from exc
                    made += 1
            elapsed = time.perf_counter() - start
            if made % 10_000 == 0 or made == count:
                print(
                    f"  built {made:>7} cases in {elapsed:7.1f} s "
                    f"({elapsed / made * 1000:.2f} ms per case)",
                    flush=True,
                )
    finally:
        cf.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="DPO Desk window at scale")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    folder = Path(
        os.environ.get("DPO_DESK_BENCH_DIR", Path(tempfile.gettempdir()) / "dpo-desk-bench")
    )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ["DPO_DESK_HOME"] = str(folder)
    path = args.file or folder / f"scale-{args.cases}.dpodesk"
    if args.rebuild and path.exists():
        for extra in (path, path.with_name(path.name + ".id")):
            extra.unlink(missing_ok=True)
    if not path.exists():
        print(f"Building {args.cases:,} cases in {path} (through CaseRepo.add) …")
        build(path, args.cases)
    print(f"File: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    return measure(path)


def measure(path: Path) -> int:
    from PySide6.QtCore import QEventLoop, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from dpo_desk.casefile import CaseFile, Key
    from dpo_desk.casefile.repositories import CaseQuery
    from dpo_desk.ui.app import ErrorSink, build_context, open_session
    from dpo_desk.ui.main_window import MainWindow
    from dpo_desk.ui.models.case_table import COLUMNS, PAGE_SIZE
    from dpo_desk.ui.operations import sidebar_counts
    from dpo_desk.ui.settings import SettingsStore
    from dpo_desk.ui.tasks import DbExecutor

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - kept alive
    rss_start = rss_mb()

    def spin_until(done: Callable[[], bool], timeout_ms: int = 60_000) -> None:
        deadline = time.perf_counter() + timeout_ms / 1000
        while not done():
            if time.perf_counter() > deadline:
                raise SystemExit("timed out waiting for the window")
            loop = QEventLoop()
            QTimer.singleShot(1, loop.quit)
            loop.exec()

    t = time.perf_counter()
    key = Key(passphrase=PASSPHRASE)
    cf = CaseFile.open(path, key)
    open_s = time.perf_counter() - t
    total = cf.cases.count()

    def direct(query: CaseQuery) -> float:
        start = time.perf_counter()
        cf.cases.count(query)
        cf.cases.list(query, limit=PAGE_SIZE, offset=0)
        return time.perf_counter() - start

    q_open = CaseQuery(view="open", today=TODAY)
    direct_first = min(direct(q_open) for _ in range(3))
    searches = ["А", "Ай", "Айб", "Айбе", "Айбек", "Айбек Т", "Айбек То", "Айбек Ток"]
    direct_search = [
        min(direct(replace(q_open, view="all", text=s)) for _ in range(2)) for s in searches
    ]
    direct_sort = {
        c: direct(CaseQuery(view="all", today=TODAY, order_by=c, descending=False))
        for c in ("reference", "subject", "controller", "received", "due", "status")
    }
    t = time.perf_counter()
    sidebar_counts(cf, TODAY)
    direct_counts = time.perf_counter() - t

    errors = ErrorSink(path)
    errors.bug.connect(lambda exc: print("BUG:", repr(exc), file=sys.stderr))
    executor = DbExecutor(errors.report)
    ctx = build_context(
        cf,
        executor,
        open_session(cf, key),
        today=lambda: TODAY,
        settings_store=SettingsStore(path.with_name("bench-settings.json")),
        errors=errors,
        listen_to_desktop=False,
    )
    t = time.perf_counter()
    window = MainWindow(ctx)
    window.show()
    model = window.case_model
    spin_until(lambda: model.rowCount() > 0 and not model.loading)
    first_page_s = time.perf_counter() - t
    spin_until(
        lambda: (
            window.sidebar_model.data(
                window.sidebar_model.index(0, 0, window.sidebar_model.index(0, 0))
            )
            not in (None, "Overdue")
        )
    )

    def timed(action: Callable[[], None]) -> float:
        start = time.perf_counter()
        action()
        spin_until(lambda: not model.loading)
        return time.perf_counter() - start

    window.select_scope(
        window.sidebar_model.entry(
            window.sidebar_model.index(4, 0, window.sidebar_model.index(0, 0))
        )
    )  # "All"
    spin_until(lambda: not model.loading)
    search_s = [timed(lambda s=s: model.set_text(s)) for s in searches]
    hits = model.total
    model.set_text("")
    spin_until(lambda: not model.loading)
    sort_s = {}
    for name in ("reference", "subject", "controller", "received", "due", "status"):
        sort_s[name] = timed(
            lambda n=name: model.sort(COLUMNS.index(n), Qt.SortOrder.AscendingOrder)
        )
    rows = model.rowCount()
    t = time.perf_counter()
    model.fetchMore(QModelIndex())
    spin_until(lambda: model.rowCount() > rows)
    fetch_s = time.perf_counter() - t
    arrived: list[int] = []
    window.sidebar_model.dataChanged.connect(lambda *_: arrived.append(1))
    t = time.perf_counter()
    window._refresh_sidebar()  # noqa: SLF001 - measuring it
    spin_until(lambda: bool(arrived))
    counts_s = time.perf_counter() - t
    rss_end = rss_mb()
    window.close()
    ctx.db.close()

    def ms(x: float) -> str:
        return f"{x * 1000:8.1f} ms"

    def ratio(a: float, b: float) -> str:
        return f"{a / b:5.2f}×" if b > 0 else "  n/a"

    print(f"\nCases in the file: {total:,}")
    print(f"{'':34}{'window':>11}{'direct':>11}{'ratio':>8}")
    print(f"{'open (passphrase KDF)':34}{ms(open_s)}")
    print(
        f"{'first page of the list':34}{ms(first_page_s)}{ms(direct_first)} "
        f"{ratio(first_page_s, direct_first)}"
    )
    for text, w, d in zip(searches, search_s, direct_search, strict=True):
        print(f"{'search ' + repr(text):34}{ms(w)}{ms(d)} {ratio(w, d)}")
    print(f"{'  (last search: hits)':34}{hits:>11,}")
    print(
        f"{'search per keystroke, median':34}{ms(statistics.median(search_s))}"
        f"{ms(statistics.median(direct_search))} "
        f"{ratio(statistics.median(search_s), statistics.median(direct_search))}"
    )
    for name, w in sort_s.items():
        print(f"{'sort by ' + name:34}{ms(w)}{ms(direct_sort[name])} {ratio(w, direct_sort[name])}")
    print(f"{'next page (fetchMore)':34}{ms(fetch_s)}")
    print(
        f"{'sidebar counts':34}{ms(counts_s)}{ms(direct_counts)} {ratio(counts_s, direct_counts)}"
    )
    print(f"{'memory (RSS)':34}{rss_end:8.0f} MB (at start {rss_start:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
