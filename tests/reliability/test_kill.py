"""Target 1: SIGKILL a writer at random moments; no acknowledged commit is lost.

The fast variant runs a few kills per mode in the normal suite; ``pytest -m slow`` runs 200.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import Controller

WRITER = Path(__file__).with_name("writer.py")


def _make(path: Path) -> Key:
    key = Key(raw=os.urandom(32))
    cf = CaseFile.create(path, key).casefile
    cf.controllers.add(
        Controller(id=None, slug="astrum-oyun", name="ASTRUM OYUN", jurisdictions=("KG",))
    )
    cf.close()
    return key


def _run_and_kill(
    path: Path, key: Key, mode: str, rng: random.Random
) -> tuple[list[str], list[str]]:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), key.raw.hex(), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    wanted = rng.randint(1, 6)
    deadline = time.monotonic() + 60
    while len([x for x in lines if x.startswith("OK")]) < wanted and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    time.sleep(rng.uniform(0, 0.05))  # kill somewhere inside the next transaction
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    lines.extend(x.strip() for x in rest.splitlines() if x.strip())
    assert "Traceback" not in err, err
    return lines, [x.split()[1] for x in lines if x.startswith("OK")]


def _open_with_candidates(path: Path, keys: list[Key]) -> tuple[CaseFile, int]:
    opened = []
    for k in keys:
        try:
            cf = CaseFile.open(path, k)
        except Exception:
            continue
        opened.append(k)
        cf.close()
    assert len(opened) == 1, f"{len(opened)} keys open the file"
    return CaseFile.open(path, opened[0]), keys.index(opened[0])


def kill_loop(tmp_path: Path, mode: str, kills: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    path = tmp_path / f"{mode}.dpodesk"
    key = _make(path)
    keys = [key]
    acknowledged: set[str] = set()
    for _ in range(kills):
        lines, committed = _run_and_kill(path, keys[-1], mode, rng)
        acknowledged.update(committed)
        for line in lines:
            if line.startswith("REKEY-START"):
                keys.append(Key(raw=bytes.fromhex(line.split()[1])))
        candidates = keys[-2:]
        cf, index = _open_with_candidates(path, candidates)
        keys = [candidates[index]]
        try:
            assert cf.integrity_check() == []
            assert cf.verify_audit().ok
            present = {r.reference for r in cf.cases.list()}
            missing = acknowledged - present
            assert not missing, f"lost acknowledged commits: {sorted(missing)}"
        finally:
            cf.close()
    return {"kills": kills, "acknowledged": len(acknowledged)}


@pytest.mark.parametrize("mode", ["cases", "backup", "rekey", "purge"])
def test_kill_loop_fast(tmp_path: Path, mode: str) -> None:
    result = kill_loop(
        tmp_path, mode, kills=4, seed={"cases": 1, "backup": 2, "rekey": 3, "purge": 4}[mode]
    )
    assert result["acknowledged"] >= 4


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["cases", "backup", "rekey", "purge"])
def test_kill_loop_long(tmp_path: Path, mode: str) -> None:
    result = kill_loop(tmp_path, mode, kills=50, seed=7)
    assert result["kills"] == 50 and result["acknowledged"] >= 50
