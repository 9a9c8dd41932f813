"""Case adds through the case-file layer: SQLCipher against the same code on stdlib sqlite3.

    python benchmarks/writes.py [--cases 2000] [--memory-security]

Each variant runs in its own process (``cipher_memory_security`` is process-wide in SQLCipher
and cannot be turned off again once on). ``--memory-security`` sets it ON first, as the open
sequence did before issue 19. Prints seconds of wall and CPU time and the ratio to sqlite3.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

KEY = bytes(range(32))


def _plain_connect(path: Path, key: object, *, create: bool = False):  # noqa: ANN202
    """The open sequence's pragmas on a stdlib sqlite3 connection (the floor's file)."""
    import sqlite_utils

    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in (
        "PRAGMA temp_store = MEMORY",
        "PRAGMA secure_delete = ON",
        "PRAGMA foreign_keys = ON",
        "PRAGMA locking_mode = EXCLUSIVE",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA cache_size = -65536",
    ):
        conn.execute(pragma)
    return sqlite_utils.Database(conn)


def run_adds(n: int, engine: str, memory_security: bool = False) -> dict[str, float]:
    """Add ``n`` cases one by one through ``CaseRepo.add`` (each its own transaction)."""
    import keyring
    from keyring.backends.null import Keyring as NullKeyring

    keyring.set_keyring(NullKeyring())
    from dpo_desk.casefile import CaseFile, Key, store
    from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject

    if engine == "sqlite3":
        store.connect = _plain_connect  # type: ignore[assignment]
    if memory_security:
        import sqlcipher3.dbapi2

        probe = sqlcipher3.dbapi2.connect(":memory:")
        probe.execute("PRAGMA cipher_memory_security = ON")
        probe.close()

    def clock() -> datetime:
        return datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

    with tempfile.TemporaryDirectory() as folder:
        cf = CaseFile.create(Path(folder) / "w.dpodesk", Key(raw=KEY), clock=clock).casefile
        ctl = cf.controllers.add(
            Controller(id=None, slug="infini", name="Infini", jurisdictions=("KZ", "RU"))
        )
        start, cpu = time.perf_counter(), time.process_time()
        for i in range(n):
            cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ControllerId(ctl.id or 0),
                    subject=DataSubject(name=f"Subject {i}", email=f"s{i}@example.org"),
                    kinds=("access",),  # type: ignore[arg-type]
                    channel=Channel.EMAIL,
                    received=date(2026, 1, 5) + timedelta(days=i % 300),
                )
            )
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        cf.close()
    return {"wall": wall, "cpu": cpu}


def measure(n: int, engine: str, memory_security: bool = False) -> dict[str, float]:
    """``run_adds`` in a fresh process."""
    here = str(Path(__file__).parent)
    code = (
        f"import json, sys; sys.path.insert(0, {here!r}); import writes; "
        f"print(json.dumps(writes.run_adds({n}, {engine!r}, {memory_security!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=os.environ
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--memory-security", action="store_true")
    args = parser.parse_args()
    floor = measure(args.cases, "sqlite3")
    cipher = measure(args.cases, "sqlcipher", args.memory_security)
    print(f"sqlite3:   {floor['wall']:.2f} s wall, {floor['cpu']:.2f} s CPU")
    ms = " (cipher_memory_security ON)" if args.memory_security else ""
    print(f"sqlcipher{ms}: {cipher['wall']:.2f} s wall, {cipher['cpu']:.2f} s CPU")
    print(
        f"ratio: {cipher['wall'] / floor['wall']:.2f}x wall, {cipher['cpu'] / floor['cpu']:.2f}x CPU"
    )


if __name__ == "__main__":
    main()
