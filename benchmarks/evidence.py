"""Issue 20's costs: row hashes under the audit chain, deep verification, pseudonymisation.

    python benchmarks/evidence.py [--cases 500] [--scan-kb 64]

1. Audited writes with and without row hashes: N cases, each with a note, a scan of
   ``--scan-kb`` kB and a status change, in a fresh case file each way (the "without" run drops
   the connection's TEMP triggers, as on a file that predates row hashes).
2. ``audit verify --deep`` (every row rehashed) and ``check`` on the first file.
3. Pseudonymisation: loading pymorphy3's Russian dictionaries, building one subject's name forms,
   and redacting a note with names, phone numbers and identifiers in it.

Prints milliseconds. Raw keys; no keyring is touched. The case file lives in a temp folder.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import keyring
from keyring.backends.null import Keyring as NullKeyring

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.health import run_checks
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind
from dpo_desk.services import evidence

KEY = Key(raw=bytes(range(32)))


def clock() -> datetime:
    return datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def fill(path: Path, n: int, scan: bytes, *, row_hashes: bool) -> tuple[CaseFile, float]:
    cf = CaseFile.create(path, KEY, clock=clock).casefile
    if not row_hashes:
        for (name,) in cf.db.execute(
            "SELECT name FROM sqlite_temp_master WHERE type = 'trigger'"
        ).fetchall():
            cf.db.execute(f"DROP TRIGGER temp.{name}")
        cf._row_tracking = False
    ctl = cf.controllers.add(
        Controller(id=None, slug="acme", name="Acme", jurisdictions=("RU",), languages=("ru",))
    )
    start = time.perf_counter()
    for i in range(n):
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(ctl.id or 0),
                subject=DataSubject(name=f"Иван Петров {i}", email=f"p{i}@example.ru"),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.POST,
                received=date(2026, 2, 1 + i % 27),
            )
        )
        cf.cases.add_note(case.id, f"Звонили Петрову {i}")
        cf.attachments.add(case.id, "id_document", "scan.png", "image/png", scan)
        cf.cases.set_status(case.id, "in_progress")
    return cf, time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.2f} ms" if seconds < 0.1 else f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--scan-kb", type=int, default=64)
    args = parser.parse_args()
    keyring.set_keyring(NullKeyring())
    scan = bytes(range(256)) * (args.scan_kb * 4)
    writes = args.cases * 4
    with tempfile.TemporaryDirectory() as tmp:
        without, t_without = fill(Path(tmp) / "a.dpodesk", args.cases, scan, row_hashes=False)
        without.close()
        cf, t_with = fill(Path(tmp) / "b.dpodesk", args.cases, scan, row_hashes=True)
        print(f"{writes:,} audited writes ({args.cases:,} cases, {args.scan_kb} kB scans)")
        print(f"  without row hashes: {ms(t_without)} ({t_without / writes * 1e3:.2f} ms each)")
        print(f"  with row hashes:    {ms(t_with)} ({t_with / writes * 1e3:.2f} ms each)")
        print(f"  overhead:           {(t_with / t_without - 1) * 100:+.1f} %")
        start = time.perf_counter()
        report = evidence.verify(cf, deep=True)
        t_deep = time.perf_counter() - start
        assert report.ok and report.data is not None
        print(f"audit verify --deep: {report.data.rows_checked:,} rows in {ms(t_deep)}")
        start = time.perf_counter()
        run_checks(cf)
        print(f"check (all findings): {ms(time.perf_counter() - start)}")
        cf.close()

    from dpo_desk.reports import pseudonymise

    start = time.perf_counter()
    pseudonymise._morph()
    print(f"pymorphy3 Russian dictionaries loaded in {ms(time.perf_counter() - start)}")
    subject = DataSubject(name="Айжан Төлеуова", phone="+7 701 123 45 67", address="Абай көшесі 15")
    start = time.perf_counter()
    for _ in range(100):
        red = pseudonymise.FreeTextRedactor.for_subject(subject, "Subject X")
    print(f"one subject's redactor: {ms((time.perf_counter() - start) / 100)}")
    note = (
        "Айжанға жауап жіберілді. Төлеуованың ЖСН 850101400123, телефоны 8 701 123 45 67. "
        "Паспорт N12345678, e-mail aizhan@mail.kz, Абай көшесі 15."
    )
    start = time.perf_counter()
    for _ in range(100):
        red.text(note)
    print(f"one note redacted: {ms((time.perf_counter() - start) / 100)}")


if __name__ == "__main__":
    main()
