"""Issue 20: one identity for a case file, whatever path opens it.

A symlink and a hard link name the same file: the second opener is refused by DPO Desk's own
lock with one clear sentence, not by SQLite's "database is locked" later. Checked across two
processes (a child holds the file) and within one process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.lock import identity, lock_path
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.errors import CaseFileLocked

KEY = Key(raw=bytes(range(32)))
HOLDER = """
import sys
from dpo_desk.casefile import CaseFile, Key
cf = CaseFile.open(sys.argv[1], Key(raw=bytes(range(32))))
print("HOLDING", flush=True)
sys.stdin.read()
cf.close()
"""


@pytest.fixture
def casefile(tmp_path: Path) -> Path:
    path = tmp_path / "real" / "cases.dpodesk"
    CaseFile.create(path, KEY).casefile.close()
    return path


@pytest.fixture
def other_names(casefile: Path, tmp_path: Path) -> dict[str, Path]:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    symlink = elsewhere / "link.dpodesk"
    symlink.symlink_to(casefile)
    hardlink = elsewhere / "hard.dpodesk"
    os.link(casefile, hardlink)
    return {"symlink": symlink, "hard link": hardlink}


def test_every_name_has_the_same_identity(casefile: Path, other_names) -> None:
    me = identity(casefile)
    for name in other_names.values():
        assert identity(name).same_file(me) and identity(name).key == me.key
    assert lock_path(other_names["symlink"]) == lock_path(casefile)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the inode lock is Linux-only")
@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_a_second_process_through_another_name_is_refused(
    casefile: Path, other_names, kind: str, capsys, monkeypatch
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(casefile)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HOLDING"
        with pytest.raises(CaseFileLocked) as refused:
            CaseFile.open(other_names[kind], KEY)
        assert "open in another DPO Desk" in str(refused.value)
        # the command line says the same, in one sentence, exit 2
        monkeypatch.setenv("DPO_DESK_PASSPHRASE", "DPO1-" + "A" * 52)  # any key: refused first
        reset_stdin()
        # issue 21: a write (a read would open read-only beside the holder)
        code = main(
            ["--file", str(other_names[kind]), "controller", "add", "--slug", "x", "--name", "X"]
        )
        err = capsys.readouterr().err
        assert code == 2 and "open in another DPO Desk" in err and "locked" not in err.lower()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # once the holder is gone, the other name opens (the lock is not left behind)
    with CaseFile.open(other_names[kind], KEY) as cf:
        assert cf.verify_audit().ok


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the inode lock is Linux-only")
def test_within_one_process_a_hard_link_is_refused_and_the_first_keeps_working(
    casefile: Path, other_names
) -> None:
    with CaseFile.open(casefile, KEY) as first:
        with pytest.raises(CaseFileLocked):
            CaseFile.open(other_names["hard link"], KEY)
        # the refusal opened no second descriptor of the file: the first keeps its locks
        first.log("test.after_refusal", None, {})
        assert first.verify_audit().ok
    with CaseFile.open(other_names["hard link"], KEY) as again:
        assert again.head() is not None


def test_a_symlink_opens_the_real_file_with_its_keyring_key(tmp_path: Path) -> None:
    created = CaseFile.create(tmp_path / "real.dpodesk")  # the key lives in the keyring
    created.casefile.close()
    link = tmp_path / "shortcut.dpodesk"
    link.symlink_to(tmp_path / "real.dpodesk")
    with CaseFile.open(link) as cf:  # found through the real file's .id sidecar
        assert cf.path == (tmp_path / "real.dpodesk").resolve()
        assert cf.key_source == "keyring"
    assert not (tmp_path / "shortcut.dpodesk.id").exists()
    assert not (tmp_path / "shortcut.dpodesk.lock").exists()
