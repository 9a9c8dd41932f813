"""A writer process for the kill tests: commits realistic transactions and reports each one.

Usage: python writer.py CASEFILE HEXKEY MODE
MODE: cases (case + note + attachment + status), backup, rekey, purge.
After each acknowledged commit it prints ``OK <marker>`` and flushes, so the parent knows
exactly what must survive a SIGKILL.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import (
    AttachmentRole,
    Case,
    CaseStatus,
    Channel,
    ControllerId,
    DataSubject,
    RequestKind,
)


def main() -> None:
    path, hexkey, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    key = Key(raw=bytes.fromhex(hexkey))
    cf = CaseFile.open(path, key)
    ctl = cf.controllers.by_slug("astrum-oyun")
    assert ctl is not None and ctl.id is not None
    i = 0
    while True:
        i += 1
        if mode == "backup" and i % 3 == 0:
            cf.backup(path.with_name(f"bk-{os.getpid()}-{i}.dpodesk"))
            print(f"BACKUP {i}", flush=True)
            continue
        if mode == "rekey" and i % 4 == 0:
            new = Key(raw=os.urandom(32))
            # tell the parent the candidate key before and after: one of them must open the file
            print(f"REKEY-START {new.raw.hex()}", flush=True)
            cf.rekey(new)
            print(f"REKEY-DONE {new.raw.hex()}", flush=True)
            continue
        with cf.transaction():
            case = cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ControllerId(ctl.id),
                    subject=DataSubject(
                        name=f"Subject {os.getpid()}-{i}", email=f"s{i}@example.org"
                    ),
                    kinds=(RequestKind.ACCESS, RequestKind.ERASURE),
                    channel=Channel.POST,
                    received=date(2026, 2, 2),
                )
            )
            assert case.id is not None
            cf.cases.add_note(case.id, "note " * 20)
            cf.attachments.add(
                case.id,
                AttachmentRole.ID_DOCUMENT,
                "scan.bin",
                "application/octet-stream",
                os.urandom(20_000),
            )
            cf.cases.set_status(case.id, CaseStatus.IN_PROGRESS, on=date(2026, 2, 3))
        if mode == "purge":
            att = cf.attachments.for_case(case.id)[0]
            cf.attachments.destroy(att.id, reason="kill test", force_open_case=True)
        print(f"OK {case.reference}", flush=True)


if __name__ == "__main__":
    main()
