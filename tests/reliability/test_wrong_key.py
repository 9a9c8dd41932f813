"""Target 2: wrong passphrases (and wrong keys) never change a byte of the case file.

A passphrase try costs SQLCipher's KDF (PBKDF2-HMAC-SHA512, 256,000 rounds, ~0.15 s), so the
fast variant makes 10 passphrase tries through ``CaseFile.open`` plus 50 wrong raw keys (no KDF,
same open path) and 10 through a keyring holding the wrong key; the slow variant makes 1,000
passphrase tries. After every try: a clear ``WrongKey``, the file's hash unchanged, and the folder
listing unchanged (names, sizes, modes, contents; the lock file is rewritten by each try and
must be empty again).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile import keys as keystore
from dpo_desk.core.errors import WrongKey
from dpo_desk.demo import seed_demo

from .support import CLI, new_raw_key

PASSPHRASE = "correct horse battery staple"


def _listing(folder: Path) -> dict[str, tuple[int, int, str]]:
    """name -> (size, mode, sha256) of every file; the lock file only by size and mode."""
    out = {}
    for path in sorted(folder.iterdir()):
        info = path.stat()
        digest = (
            "" if path.name.endswith(".lock") else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        out[path.name] = (info.st_size, stat.S_IMODE(info.st_mode), digest)
    return out


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if not p.name.endswith(".lock")}


def _make(folder: Path, key: Key) -> Path:
    path = folder / "case.dpodesk"
    cf = CaseFile.create(path, key).casefile
    seed_demo(cf, date(2026, 3, 2))
    cf.close()
    return path


def _wrong_tries(path: Path, keys: list[Key | None]) -> int:
    before, times = _listing(path.parent), _mtimes(path.parent)
    refused = 0
    for key in keys:
        with pytest.raises(WrongKey) as info:
            CaseFile.open(path, key)
        message = str(info.value)
        assert path.name in message and ("passphrase" in message or "key" in message)
        assert "Traceback" not in message
        refused += 1
        assert _listing(path.parent) == before, "a wrong key changed the folder"
    assert _mtimes(path.parent) == times, "a wrong key touched a file"
    return refused


def _wrong_passphrases(n: int) -> list[Key | None]:
    return [Key(passphrase=f"{PASSPHRASE} {secrets.token_hex(3)}") for _ in range(n)]


def test_wrong_passphrases_change_nothing(tmp_path: Path) -> None:
    path = _make(tmp_path, Key(passphrase=PASSPHRASE))
    assert _wrong_tries(path, _wrong_passphrases(10)) == 10
    with CaseFile.open(path, Key(passphrase=PASSPHRASE)) as cf:  # the right one still opens it
        assert cf.integrity_check() == [] and cf.verify_audit().ok


def test_wrong_raw_keys_and_a_wrong_keyring_entry_change_nothing(tmp_path: Path) -> None:
    good = new_raw_key()
    path = _make(tmp_path, good)
    assert _wrong_tries(path, [new_raw_key() for _ in range(50)]) == 50
    file_id = keystore.read_file_id(path)
    assert file_id is not None
    keystore.store_key(file_id, new_raw_key())  # the keyring holds a key that is not this file's
    assert _wrong_tries(path, [None] * 10) == 10
    with CaseFile.open(path, good) as cf:
        assert cf.integrity_check() == []


def test_the_cli_says_so_in_one_sentence(tmp_path: Path) -> None:
    path = _make(tmp_path, Key(passphrase=PASSPHRASE))
    before = _listing(tmp_path)
    result = subprocess.run(
        [*CLI, "--file", str(path), "case", "list"],
        env={**os.environ, "DPO_DESK_PASSPHRASE": "not the passphrase"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("dpo-desk: The passphrase or recovery key does not open")
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert _listing(tmp_path) == before


@pytest.mark.slow
def test_a_thousand_wrong_passphrases(tmp_path: Path) -> None:
    path = _make(tmp_path, Key(passphrase=PASSPHRASE))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert _wrong_tries(path, _wrong_passphrases(1000)) == 1000
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    print("\nRELIABILITY wrong-passphrase tries=1000 refused=1000 changed=0")
