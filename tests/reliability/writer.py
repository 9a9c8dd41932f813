"""A writer process for the kill tests: commits realistic transactions and reports each one.

Usage: python writer.py CASEFILE HEXKEY MODE
MODE: cases (case + note + attachment + status), backup, rekey, purge, import (an .eml or a
small mbox through the intake service, as the DPO's import does), migration (open a schema-1
file, which migrates it, then carry on as ``cases``).
After each acknowledged commit it prints ``OK <reference>`` and flushes, so the parent knows
exactly what must survive a SIGKILL. ``migration`` prints ``START`` just before the open and
``MIGRATED <version>`` once the open (migration included) has returned.
"""

from __future__ import annotations

import base64
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

TODAY = date(2026, 11, 23)
BODY = (
    "Dear data protection officer,\r\n\r\nunder Article 15 GDPR I ask for access to the personal "
    "data you hold about me, and under Article 17 for its erasure once you have answered.\r\n\r\n"
    "Kind regards\r\n"
)


def _message(tag: str) -> bytes:
    """A request email with two attachments (a PDF-like letter and a scan); unique per ``tag``."""
    boundary = f"b-{tag}"
    letter = b"%PDF-1.4\n" + os.urandom(30_000) + b"\n%%EOF\n"
    scan = os.urandom(40_000)
    parts = [
        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{BODY}{tag}\r\n",
        f"--{boundary}\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="letter-{tag}.pdf"\r\n\r\n'
        + base64.encodebytes(letter).decode("ascii"),
        f"--{boundary}\r\nContent-Type: application/octet-stream\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="scan-{tag}.bin"\r\n\r\n'
        + base64.encodebytes(scan).decode("ascii"),
        f"--{boundary}--\r\n",
    ]
    head = (
        f"From: Requester {tag} <r{tag}@example.org>\r\n"
        "To: dpo@astrum.example\r\n"
        f"Subject: Subject access request {tag}\r\n"
        "Date: Fri, 20 Nov 2026 09:00:00 +0000\r\n"
        f"Message-ID: <{tag}@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
    )
    return head.encode("ascii") + "".join(parts).encode("utf-8")


def _import(cf: CaseFile, inbox: Path, i: int) -> list[str]:
    """Import one .eml, or (every third round) an mbox of three messages; return the references."""
    from dpo_desk.intake.service import ImportOptions, import_files

    tag = f"{os.getpid()}-{i}"
    if i % 3 == 0:
        path = inbox / f"box-{tag}.mbox"
        path.write_bytes(
            b"".join(
                b"From r@example.org Fri Nov 20 09:00:00 2026\n"
                + _message(f"{tag}-{n}").replace(b"\r\n", b"\n")
                + b"\n"
                for n in range(3)
            )
        )
    else:
        path = inbox / f"mail-{tag}.eml"
        path.write_bytes(_message(tag))
    outcomes = import_files(cf, [path], TODAY, ImportOptions(controller_slug="astrum-oyun"))
    bad = [o for o in outcomes if o.status != "created"]
    assert not bad, [o.to_dict() for o in bad]
    return [o.reference for o in outcomes if o.reference]


def main() -> None:
    path, hexkey, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    key = Key(raw=bytes.fromhex(hexkey))
    if mode == "migration":
        print("START", flush=True)
    cf = CaseFile.open(path, key)
    if mode == "migration":
        print(f"MIGRATED {cf.schema_version}", flush=True)
    ctl = cf.controllers.by_slug("astrum-oyun")
    assert ctl is not None and ctl.id is not None
    inbox = path.with_name("inbox")
    inbox.mkdir(exist_ok=True)
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
        if mode == "import":
            for reference in _import(cf, inbox, i):
                print(f"OK {reference}", flush=True)
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
