"""Opening, keys, locking: wrong keys change nothing, the keyring is never the only way in."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile import keys as keystore
from dpo_desk.casefile.connection import connect
from dpo_desk.core.errors import (
    CaseFileExists,
    CaseFileLocked,
    CaseFileNotFound,
    DiskFull,
    KeyUnavailable,
    NewerSchema,
    ReadOnlyLocation,
    WrongKey,
)

from .conftest import PASSPHRASE, add_case, add_controller


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_passphrase_file_reopens_with_its_passphrase(cf_path: Path) -> None:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    ctl = add_controller(cf)
    add_case(cf, ctl)
    cf.close()
    with CaseFile.open(cf_path, Key(passphrase=PASSPHRASE)) as again:
        assert again.cases.count() == 1
        assert again.key_source == "passphrase"


def test_wrong_passphrase_changes_no_byte_and_no_file(cf_path: Path) -> None:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    add_case(cf, add_controller(cf))
    cf.close()
    before = snapshot(cf_path.parent)
    for attempt in range(20):
        with pytest.raises(WrongKey, match="does not open"):
            CaseFile.open(cf_path, Key(passphrase=f"wrong {attempt}"))
    assert snapshot(cf_path.parent) == before


def test_not_a_case_file_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.dpodesk"
    junk.write_bytes(os.urandom(8192))
    before = junk.read_bytes()
    with pytest.raises(WrongKey):
        CaseFile.open(junk, Key(passphrase="x"))
    assert junk.read_bytes() == before


def test_missing_file_and_existing_file(tmp_path: Path) -> None:
    with pytest.raises(CaseFileNotFound):
        CaseFile.open(tmp_path / "nope.dpodesk", Key(passphrase="x"))
    existing = tmp_path / "there.dpodesk"
    existing.write_bytes(b"something")
    with pytest.raises(CaseFileExists):
        CaseFile.create(existing, Key(passphrase="x"))


def test_keyring_mode_opens_without_a_passphrase_and_recovery_key_works(
    cf_path: Path, memory_keyring
) -> None:
    created = CaseFile.create(cf_path)
    assert created.recovery_key is not None and created.recovery_key.startswith("DPO1-")
    add_case(created.casefile, add_controller(created.casefile))
    created.casefile.close()
    with CaseFile.open(cf_path) as cf:
        assert cf.key_source == "keyring" and cf.cases.count() == 1
    # the keyring entry is lost (new machine, keyring reset): the recovery key still opens it
    memory_keyring.store.clear()
    with pytest.raises(KeyUnavailable, match="passphrase or recovery key"):
        CaseFile.open(cf_path)
    typed = created.recovery_key.lower().replace("-", " ")
    with CaseFile.open(cf_path, keystore.parse_secret(typed)) as cf:
        assert cf.cases.count() == 1


def test_wrong_key_in_keyring_asks_for_the_recovery_key(cf_path: Path, memory_keyring) -> None:
    created = CaseFile.create(cf_path)
    created.casefile.close()
    file_id = keystore.read_file_id(cf_path)
    assert file_id
    keystore.store_key(file_id, Key(raw=b"\x01" * 32))
    with pytest.raises(WrongKey, match="recovery key"):
        CaseFile.open(cf_path)


def test_no_keyring_means_passphrase(cf_path: Path) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keystore.keyring_status().usable
        with pytest.raises(KeyUnavailable, match="passphrase"):
            CaseFile.create(cf_path)
        assert not cf_path.exists()
    finally:
        keyring.set_keyring(previous)


def test_file_and_folder_modes(cf_path: Path) -> None:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    cf.close()
    assert cf_path.stat().st_mode & 0o077 == 0
    assert (cf_path.parent / (cf_path.name + ".lock")).stat().st_mode & 0o077 == 0


def test_second_open_in_the_same_process_is_refused(casefile: CaseFile) -> None:
    with pytest.raises(CaseFileLocked, match=rf"process {os.getpid()}"):
        CaseFile.open(casefile.path, Key(passphrase=PASSPHRASE))


SECOND_PROCESS = """
import sys
from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import CaseFileLocked
try:
    CaseFile.open(sys.argv[1], Key(passphrase=sys.argv[2])).close()
    print("OPENED")
except CaseFileLocked as exc:
    print("LOCKED", exc)
"""


def test_second_process_is_refused_naming_the_holder_then_recovers_a_dead_lock(
    cf_path: Path,
) -> None:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    out = subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, str(cf_path), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.startswith("LOCKED"), out.stderr
    assert f"process {os.getpid()}" in out.stdout
    cf.close()
    # a holder that dies without closing: the OS drops its lock, the next opener recovers
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time\nfrom dpo_desk.casefile import CaseFile, Key\n"
            "cf = CaseFile.open(sys.argv[1], Key(passphrase=sys.argv[2]))\nprint('HELD', flush=True)\n"
            "time.sleep(60)",
            str(cf_path),
            PASSPHRASE,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
    with pytest.raises(CaseFileLocked, match=f"process {holder.pid}"):
        CaseFile.open(cf_path, Key(passphrase=PASSPHRASE))
    holder.kill()
    holder.wait()
    with CaseFile.open(cf_path, Key(passphrase=PASSPHRASE)) as cf2:
        assert cf2.integrity_check() == []


def test_newer_schema_is_refused_unchanged(cf_path: Path) -> None:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    cf.db.execute("PRAGMA user_version = 99")
    cf.close()
    before = cf_path.read_bytes()
    with pytest.raises(NewerSchema, match="newer DPO Desk"):
        CaseFile.open(cf_path, Key(passphrase=PASSPHRASE))
    assert cf_path.read_bytes() == before


def test_open_pragmas_are_set(casefile: CaseFile) -> None:
    pragma = lambda name: casefile.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("secure_delete") == 1
    assert pragma("foreign_keys") == 1
    assert pragma("temp_store") == 2  # MEMORY
    assert pragma("locking_mode") == "normal"  # issue 21: the OS lock file keeps the writer
    assert str(pragma("cipher_version")).startswith("4.")


def test_raw_connect_with_wrong_key_is_wrongkey(cf_path: Path) -> None:
    CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile.close()
    with pytest.raises(WrongKey):
        connect(cf_path, Key(raw=b"\x00" * 32))


@pytest.mark.parametrize(
    ("where", "code", "error", "words"),
    [
        ("open", errno.EROFS, ReadOnlyLocation, "cannot write its lock file"),
        ("open", errno.EACCES, ReadOnlyLocation, "folder you can write to"),
        ("write", errno.ENOSPC, DiskFull, "disk holding the case file is full"),
    ],
)
def test_a_lock_file_that_cannot_be_written_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, error: type, words: str
) -> None:
    """The window shows these as sentences, not as a crash (an injected OS error: as root, a
    folder's permission bits do not stop the write)."""
    from dpo_desk.casefile import lock as lock_module

    path = tmp_path / "case.dpodesk"
    CaseFile.create(path, Key(passphrase="pw")).casefile.close()
    real_open, real_write = os.open, os.write

    def failing_open(name, flags, *args):  # noqa: ANN001, ANN202
        if where == "open" and str(name).endswith(".lock"):
            raise OSError(code, os.strerror(code), str(name))
        return real_open(name, flags, *args)

    def failing_write(fd, data):  # noqa: ANN001, ANN202
        if where == "write" and data.startswith(b'{"host"'):
            raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    monkeypatch.setattr(lock_module.os, "open", failing_open)
    monkeypatch.setattr(lock_module.os, "write", failing_write)
    with pytest.raises(error, match=words):
        CaseFile.open(path, Key(passphrase="pw"))
    monkeypatch.undo()
    CaseFile.open(path, Key(passphrase="pw")).close()  # nothing was left locked


def test_copies_a_killed_backup_left_behind_are_removed(tmp_path: Path) -> None:
    """A backup killed mid-copy leaves an encrypted ``.partial``; it still holds scans destroyed
    since, so the next open (pre-migration copies) or backup to that name removes it."""
    path = tmp_path / "case.dpodesk"
    CaseFile.create(path, Key(passphrase="pw")).casefile.close()
    dest = tmp_path / "backups" / "weekly.dpodesk"
    dest.parent.mkdir()
    stale_migration = tmp_path / ".case.dpodesk.pre-v2-20261101-101010.bak.1a2b3c4d.partial"
    stale_backup = dest.parent / ".weekly.dpodesk.5e6f7a8b.partial"
    stale_journal = dest.parent / ".weekly.dpodesk.5e6f7a8b.partial-journal"
    other_backup = dest.parent / ".monthly.dpodesk.0a0b0c0d.partial"  # another target: kept
    unrelated = tmp_path / "notes.partial"
    for stale in (stale_migration, stale_backup, stale_journal, other_backup, unrelated):
        stale.write_bytes(b"encrypted pages of an earlier copy")
    with CaseFile.open(path, Key(passphrase="pw")) as cf:
        assert not stale_migration.exists() and unrelated.exists()
        assert stale_backup.exists()  # not this file's migration copy: left until its target
        cf.backup(dest)
    assert not stale_backup.exists() and not stale_journal.exists()
    assert other_backup.exists() and unrelated.exists() and dest.exists()
