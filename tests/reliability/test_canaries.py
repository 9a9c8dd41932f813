"""Targets 3 and 11: case data never reaches the disk in the clear; a destroyed ID scan is gone.

Target 3 plants canaries — random strings no file can hold by chance — through the real services:
a case added by hand (name, e-mail, address), a note, a postal request with an ID scan (a PNG of
random pixels), an e-mail import (sender, body text, an attachment of random bytes), a finalised
letter, two encrypted backups (same key; a backup passphrase) and pseudonymised exports (register
as CSV/XLSX/JSON, case summary as JSON/PDF). Then every byte of every file is searched (UTF-8,
UTF-16 LE/BE, lower case; members of ZIP containers such as XLSX and the text of PDFs too):

- the case-file folder (file, WAL, lock, id sidecar), the backups, the exports (for the subject's
  identity: a pseudonymised export may carry a note's text, never a name or an address),
  DPO_DESK_HOME (settings, logs — through the project's redacting log handler), a fresh
  ``$TMPDIR`` and fresh XDG cache/config/data folders and ``$HOME`` set for the test,
- and the system temp folder (``tempfile.gettempdir()`` before ``$TMPDIR`` was moved): every file
  created or changed while the test ran (the slow variant searches all of it).

Pass: 0 hits, while the file is open and after it is closed. Positive controls show that the
search finds the canaries in the .eml the DPO imported (their own input, excluded from the
search) and in the decrypted pages of the case file.

Target 11 destroys a verified ID copy, takes a backup afterwards and searches: the decrypted
pages of the case file, its WAL and the later backup (free pages and old WAL frames included),
and every byte of every folder above. Pass: 0 hits, and the verification record keeps the copy's
hash. A backup taken *before* the destruction still holds the scan (a positive control, and a
fact for the docs: old backups must be rotated).
"""

from __future__ import annotations

import email.message
import io
import logging
import os
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import (
    AttachmentRole,
    Case,
    Channel,
    ControllerId,
    DataSubject,
    RequestKind,
)
from dpo_desk.hardening import configure_logging
from dpo_desk.identity.service import destroy_id_copies
from dpo_desk.intake.service import ImportOptions, Scan, import_files, log_postal
from dpo_desk.letters import service as letters
from dpo_desk.reports import export_case_summary, export_register

from .support import (
    CONTROLLER_SLUG,
    Hit,
    add_controller,
    canary,
    files_under,
    middle,
    new_raw_key,
    noise_png,
    scan_files,
    search_plaintext,
)

TODAY = date(2026, 3, 2)
CONTROLLER_MAIL = "dpo@astrum.example"


@dataclass
class Scene:
    """Where a test may write, and the folders searched afterwards."""

    root: Path
    casefile: Path
    backups: Path
    exports: Path
    inbox: Path  # the DPO's own input files: excluded from the search
    home: Path
    temp: Path
    system_temp: Path
    started: float

    @property
    def searched(self) -> list[Path]:
        return [
            self.casefile.parent,
            self.backups,
            self.home,
            self.temp,
            *(self.root / name for name in ("xdg-cache", "xdg-config", "xdg-data", "user-home")),
        ]


@pytest.fixture
def scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dpo_home: Path) -> Iterator[Scene]:
    system_temp = Path(tempfile.gettempdir())
    temp = tmp_path / "tmpdir"
    folders = {}
    for name in ("case", "backups", "exports", "inbox", "tmpdir", "xdg-cache", "xdg-config",
                 "xdg-data", "user-home"):  # fmt: skip
        folders[name] = tmp_path / name
        folders[name].mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read $TMPDIR
    monkeypatch.setenv("XDG_CACHE_HOME", str(folders["xdg-cache"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folders["xdg-config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(folders["xdg-data"]))
    monkeypatch.setenv("HOME", str(folders["user-home"]))
    handler = configure_logging(dpo_home / "logs" / "dpo-desk.log")
    yield Scene(
        root=tmp_path,
        casefile=folders["case"] / "case.dpodesk",
        backups=folders["backups"],
        exports=folders["exports"],
        inbox=folders["inbox"],
        home=dpo_home,
        temp=temp,
        system_temp=system_temp,
        started=time.time() - 1,
    )
    logging.getLogger("dpo_desk").removeHandler(handler)
    handler.close()


def search(
    scene: Scene, canaries: dict[str, str | bytes], *, whole_temp: bool = False
) -> tuple[list[Hit], int, int]:
    paths = list(files_under(scene.searched, exclude=[scene.inbox]))
    paths.extend(
        files_under(
            [scene.system_temp],
            since=None if whole_temp else scene.started,
            exclude=[scene.root, scene.inbox],
        )
    )
    return scan_files(paths, canaries)


def search_exports(scene: Scene, canaries: dict[str, str | bytes]) -> list[Hit]:
    """Exports: the raw bytes, every member of a ZIP (XLSX) and the extracted text of a PDF."""
    hits: list[Hit] = []
    for path in files_under([scene.exports]):
        found, _files, _size = scan_files([path], canaries)
        hits.extend(found)
        data = path.read_bytes()
        inner: list[tuple[str, bytes]] = []
        if data.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                inner = [(n, archive.read(n)) for n in archive.namelist()]
        elif data.startswith(b"%PDF"):
            from pypdf import PdfReader

            text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
            inner = [("text", text.encode("utf-8"))]
        for name, blob in inner:
            member = scene.root / "unpacked" / f"{path.name}.{name.replace('/', '_')}"
            member.parent.mkdir(exist_ok=True)
            member.write_bytes(blob)
            found, _f, _s = scan_files([member], canaries)
            hits.extend(Hit(path, h.canary, f"{h.form} in {name}") for h in found)
            member.unlink()
    return hits


def _eml(sender_name: str, sender: str, body: str, attachment: bytes) -> bytes:
    msg = email.message.EmailMessage()
    msg["From"] = f"{sender_name} <{sender}>"
    msg["To"] = CONTROLLER_MAIL
    msg["Subject"] = "Data access request"
    msg["Date"] = "Mon, 02 Mar 2026 09:00:00 +0000"
    msg["Message-ID"] = f"<{os.urandom(6).hex()}@example.org>"
    msg.set_content(f"Hello,\n\nI ask for a copy of my personal data. {body}\n\nRegards")
    msg.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="x.bin")
    return bytes(msg)


# --- target 3 --------------------------------------------------------------------------------


def plant(scene: Scene, key: Key) -> tuple[CaseFile, dict[str, str | bytes], dict[str, str]]:
    """Plant canaries through the services; returns the open file, all canaries, identity ones."""
    identity = {
        "name": f"{canary('Nom')} {canary('Fam')}",
        "email": f"{canary('u').lower()}@{canary('d').lower()}.example",
        "address": f"{canary('Street')} 12\n720000 Bishkek",
        "postal name": f"{canary('Post')} {canary('Person')}",
        "sender name": f"{canary('Sender')} {canary('Mail')}",
        "sender": f"{canary('s').lower()}@example.org",
    }
    scan = noise_png()
    attachment = os.urandom(4096)
    canaries: dict[str, str | bytes] = {
        **identity,
        "note": f"Phoned the subject: {canary('Note')}",
        "mail body": canary("Body"),
        "scan": middle(scan),
        "mail attachment": middle(attachment),
    }
    cf = CaseFile.create(scene.casefile, key).casefile
    controller = add_controller(cf, emails=(CONTROLLER_MAIL,))
    assert controller.id is not None
    by_hand = cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller.id),
            subject=DataSubject(
                name=identity["name"], email=identity["email"], address=identity["address"]
            ),
            kinds=(RequestKind.ACCESS,),
            channel=Channel.POST,
            received=TODAY,
            language="en",
            reply_language="en",
        )
    )
    assert by_hand.id is not None
    cf.cases.add_note(by_hand.id, str(canaries["note"]))
    log_postal(
        cf,
        controller=controller,
        subject=DataSubject(name=identity["postal name"], address=identity["address"]),
        kinds=[RequestKind.ERASURE],
        received=TODAY,
        today=TODAY,
        scans=[Scan("id-card.png", scan, AttachmentRole.ID_DOCUMENT)],
    )
    eml = scene.inbox / "request.eml"
    eml.write_bytes(
        _eml(identity["sender name"], identity["sender"], str(canaries["mail body"]), attachment)
    )
    (outcome,) = import_files(cf, [eml], TODAY, ImportOptions(controller_slug=CONTROLLER_SLUG))
    assert outcome.status == "created", outcome
    letters.finalise(cf, by_hand.id, "acknowledgement", "en", TODAY, acknowledge_warnings=True)
    cf.backup(scene.backups / "same-key.dpodesk")
    cf.backup(scene.backups / "own-passphrase.dpodesk", Key(passphrase="backup passphrase 1"))
    for fmt in ("csv", "xlsx", "json"):
        export_register(cf, scene.exports / f"register.{fmt}", TODAY, pseudonymise=True)
    for fmt in ("json", "pdf"):
        for case in cf.cases.list():
            export_case_summary(
                cf, case.id, scene.exports / f"summary-{case.id}.{fmt}", TODAY, pseudonymise=True
            )
    return cf, canaries, identity


def test_canaries_never_reach_the_disk(scene: Scene) -> None:
    key = new_raw_key()
    cf, canaries, identity = plant(scene, key)
    try:
        # positive controls: the search finds them where they are in the clear
        found, _files, _size = scan_files([scene.inbox / "request.eml"], canaries)
        assert {h.canary for h in found} >= {"sender", "mail body"}
        assert search_plaintext(cf.path, key, str(canaries["note"]).encode()) > 0
        hits, files, size = search(scene, canaries)
        assert not hits, "\n".join(map(str, hits))
        assert files >= 8 and size > 100_000
    finally:
        cf.close()
    hits, files, size = search(scene, canaries)
    assert not hits, "\n".join(map(str, hits))
    export_hits = search_exports(scene, identity)
    assert not export_hits, "\n".join(map(str, export_hits))
    # positive control: the export search reads JSON and PDF text (a note may be exported)
    notes = {h.form for h in search_exports(scene, {"note": canaries["note"]})}
    assert "utf-8" in notes and "utf-8 in text" in notes
    assert len(list(scene.exports.iterdir())) == 3 + 2 * 3


@pytest.mark.slow
def test_canaries_never_reach_the_disk_whole_temp(scene: Scene) -> None:
    key = new_raw_key()
    cf, canaries, identity = plant(scene, key)
    cf.close()
    hits, files, size = search(scene, canaries, whole_temp=True)
    assert not hits, "\n".join(map(str, hits))
    assert not search_exports(scene, identity)
    print(f"\nRELIABILITY canaries planted={len(canaries)} files={files} bytes={size} hits=0")


# --- target 11 -------------------------------------------------------------------------------


def test_a_destroyed_id_scan_leaves_no_bytes_anywhere(scene: Scene) -> None:
    key = new_raw_key()
    scan = noise_png(128)
    marker = middle(scan, 64)
    cf = CaseFile.create(scene.casefile, key).casefile
    controller = add_controller(cf)
    case = log_postal(
        cf,
        controller=controller,
        subject=DataSubject(name="Ayana Example", address="Bishkek"),
        kinds=[RequestKind.ACCESS],
        received=TODAY,
        today=TODAY,
        scans=[Scan("passport.png", scan, AttachmentRole.ID_DOCUMENT)],
    )
    assert case.id is not None
    assert search_plaintext(cf.path, key, marker) > 0  # the scan is there, readable with the key
    before = cf.backup(scene.backups / "before.dpodesk")
    record = cf.identity.record(case.id, method="id_copy", outcome="verified")
    (gone,) = destroy_id_copies(cf, case.id, reason="identity verified")
    # while open: the file and whatever its WAL still holds
    assert search_plaintext(cf.path, key, marker) == 0
    after = cf.backup(scene.backups / "after.dpodesk")
    export_case_summary(cf, case.id, scene.exports / "summary.json", TODAY)
    kept = cf.identity.get(record.id)
    cf.close()

    assert search_plaintext(scene.casefile, key, marker) == 0
    assert search_plaintext(after.path, key, marker) == 0
    assert search_plaintext(before.path, key, marker) > 0  # an older backup still holds it
    hits, _files, _size = search(scene, {"scan": marker})
    hits = [h for h in hits if h.path != before.path]
    assert not hits, "\n".join(map(str, hits))
    assert not search_exports(scene, {"scan": marker})
    assert [d["attachment_id"] for d in kept.destroyed] == [gone.attachment_id]
    assert kept.destroyed[0]["sha256"] == gone.sha256
    with CaseFile.open(scene.casefile, key) as again:
        meta = again.attachments.get(gone.attachment_id)
        assert meta.destroyed_at is not None and meta.sha256 == gone.sha256
        assert again.integrity_check() == []
