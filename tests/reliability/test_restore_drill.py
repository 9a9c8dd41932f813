"""Target 12: the restore drill — a backup brings back exactly what it held, with its own key.

Back up a demo case file (same key, and once under a separate backup passphrase), keep writing,
then restore each backup to a new path: it opens with the backup's key, passes
``integrity_check`` and ``cipher_integrity_check``, its audit chain verifies against the backup's
anchor, and every count equals the count at backup time (the audit log has one event more: the
restore itself). Restoring over a case file that is open elsewhere is refused.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key, restore
from dpo_desk.casefile.health import run_checks
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.core.errors import CaseFileLocked, WrongKey
from dpo_desk.core.model import AttachmentRole
from dpo_desk.demo import seed_demo

from .support import CLI, new_raw_key, noise_png

TODAY = date(2026, 3, 2)
BACKUP_PASSPHRASE = "a separate backup passphrase"


def _counts(cf: CaseFile) -> dict[str, int]:
    return dict(run_checks(cf).facts["counts"])


def _more_writes(cf: CaseFile) -> None:
    case_id = cf.cases.list()[0].id
    for i in range(5):
        cf.cases.add_note(case_id, f"after the backup {i}")
    cf.attachments.add(case_id, AttachmentRole.LETTER_SCAN, "late.png", "image/png", noise_png(32))


def _drill(tmp_path: Path, backup_key: Key | None) -> dict[str, int]:
    key = new_raw_key()
    cf = CaseFile.create(tmp_path / "live" / "case.dpodesk", key).casefile
    seed_demo(cf, TODAY)
    case_id = cf.cases.list()[0].id
    cf.attachments.add(case_id, AttachmentRole.LETTER_SCAN, "scan.png", "image/png", noise_png())
    expected = _counts(cf)
    (tmp_path / "backups").mkdir()
    info = cf.backup(tmp_path / "backups" / "drill.dpodesk", backup_key)
    _more_writes(cf)
    assert _counts(cf)["notes"] == expected["notes"] + 5
    cf.close()

    opener = backup_key or key
    if backup_key is not None:  # the live key does not open a backup made under its own key
        with pytest.raises(WrongKey):
            restore(info.path, key, tmp_path / "wrong" / "case.dpodesk")
    target = restore(info.path, opener, tmp_path / "restored" / "case.dpodesk")
    with CaseFile.open(target, opener) as back:
        assert back.integrity_check() == []
        assert info.anchor is not None
        chain = back.verify_audit(info.anchor)
        assert chain.ok and chain.anchor_checked
        got = _counts(back)
        assert back.verify_audit().ok  # and against the anchor the restore moved to the keyring
        restored_events = [e.action for e in back.audit.events()][-1]
    assert restored_events == "casefile.restored"
    assert got["audit"] == expected["audit"] + 1  # the restore event
    assert {k: v for k, v in got.items() if k != "audit"} == {
        k: v for k, v in expected.items() if k != "audit"
    }
    return got


def test_restore_drill_with_the_same_key(tmp_path: Path) -> None:
    got = _drill(tmp_path, None)
    assert got["cases"] > 30 and got["attachments"] >= 1


def test_restore_drill_with_a_backup_passphrase(tmp_path: Path) -> None:
    got = _drill(tmp_path, Key(passphrase=BACKUP_PASSPHRASE))
    assert got["cases"] > 30


def test_restore_over_an_open_case_file_is_refused(tmp_path: Path) -> None:
    key = new_raw_key()
    live = tmp_path / "case.dpodesk"
    cf = CaseFile.create(live, key).casefile
    info = cf.backup(tmp_path / "b.dpodesk")
    try:
        with pytest.raises(CaseFileLocked):
            restore(info.path, key, live)
        assert cf.integrity_check() == []
    finally:
        cf.close()


def test_restore_drill_through_the_cli(tmp_path: Path) -> None:
    key = new_raw_key()
    live = tmp_path / "case.dpodesk"
    cf = CaseFile.create(live, key).casefile
    seed_demo(cf, TODAY)
    expected = _counts(cf)
    cf.backup(tmp_path / "b.dpodesk")
    _more_writes(cf)
    cf.close()
    env = {**os.environ, "DPO_DESK_PASSPHRASE": recovery_key_text(key)}
    result = subprocess.run(
        [*CLI, "--file", str(live), "restore", str(tmp_path / "b.dpodesk")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [*CLI, "--file", str(live), "check", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(check.stdout)
    assert report["integrity"]["ok"] and report["audit"]["ok"]
    assert report["counts"]["cases"] == expected["cases"]
    assert report["counts"]["notes"] == expected["notes"]
