"""Target 6: a second DPO Desk is refused at once, told who holds the file, and breaks nothing.

This process holds the case file open and keeps writing; a child process tries to open it N times
(20 in the normal run, 100 with ``-m slow``) through ``CaseFile.open`` and once through the CLI.
Every try must fail with ``CaseFileLocked`` naming this process and host. The child reports how
long each refusal took; the lock is taken without waiting (``LOCK_NB``), and the slowest try is
printed for the docs rather than asserted. Afterwards the file passes both integrity checks and
the audit chain verifies. From the CLI (issue 21), a writing command is refused naming the holder,
while ``check`` reads the file read-only beside it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile
from dpo_desk.core.model import Case, Channel, ControllerId, DataSubject, RequestKind

from .support import CLI, add_controller, new_raw_key

CHILD = r"""
import json, sys, time
from pathlib import Path
from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import CaseFileLocked
path, hexkey, tries = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
results = []
for _ in range(tries):
    start = time.perf_counter()
    try:
        CaseFile.open(path, Key(raw=bytes.fromhex(hexkey))).close()
        results.append({"opened": True})
    except CaseFileLocked as exc:
        results.append({"opened": False, "message": str(exc),
                        "seconds": time.perf_counter() - start})
    print("TRY", flush=True)
print(json.dumps(results))
"""


def _write_some(cf: CaseFile, n: int) -> None:
    controller = cf.controllers.by_slug("astrum-oyun")
    assert controller is not None and controller.id is not None
    for i in range(n):
        cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(controller.id),
                subject=DataSubject(name=f"Person {i}"),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.POST,
                received=date(2026, 3, 2),
            )
        )


def second_instance(tmp_path: Path, tries: int) -> float:
    key = new_raw_key()
    assert key.raw is not None
    path = tmp_path / "held.dpodesk"
    cf = CaseFile.create(path, key).casefile
    add_controller(cf)
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), key.raw.hex(), str(tries)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    written = 0
    try:
        # keep writing while the other instance knocks
        for line in proc.stdout:
            if line.startswith("TRY"):
                _write_some(cf, 1)
                written += 1
                continue
            results = json.loads(line)
            break
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert len(results) == tries
    holder = f"process {os.getpid()} on {socket.gethostname()}"
    for result in results:
        assert result["opened"] is False
        assert holder in result["message"], result["message"]
        assert "close it there first" in result["message"]
    problems = cf.integrity_check()
    chain = cf.verify_audit()
    assert cf.cases.count() == written
    cf.close()
    assert problems == [] and chain.ok
    with CaseFile.open(path, key) as again:  # the lock is free again once this one closed
        assert again.integrity_check() == [] and again.cases.count() == written
    return max(r["seconds"] for r in results)


def test_second_instance_is_refused_naming_the_holder(tmp_path: Path) -> None:
    slowest = second_instance(tmp_path, tries=20)
    print(f"\nRELIABILITY second-instance tries=20 slowest={slowest:.4f}s")


def test_second_instance_from_the_cli(tmp_path: Path) -> None:
    """Issue 21: a writing command is refused naming the holder; ``check`` reads beside it."""
    key = new_raw_key()
    assert key.raw is not None
    path = tmp_path / "held.dpodesk"
    cf = CaseFile.create(path, key).casefile
    add_controller(cf)
    try:
        from dpo_desk.casefile.keys import recovery_key_text

        env = {**os.environ, "DPO_DESK_PASSPHRASE": recovery_key_text(key)}

        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*CLI, "--file", str(path), *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )

        _write_some(cf, 2)
        refused = cli("controller", "add", "--slug", "other", "--name", "Other", "--json")
        assert refused.returncode == 2, refused.stderr
        assert f"process {os.getpid()}" in refused.stderr and "Traceback" not in refused.stderr
        assert "close it there first" in refused.stderr
        checked = cli("check", "--json")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        report = json.loads(checked.stdout)
        assert report["lock"]["read_only"] is True
        assert report["lock"]["holder"]["pid"] == os.getpid()
        assert report["counts"]["cases"] == 2  # the holder's committed cases
        assert cf.integrity_check() == [] and cf.cases.count() == 2
        assert [c.slug for c in cf.controllers.list()] == ["astrum-oyun"]
    finally:
        cf.close()


@pytest.mark.slow
def test_second_instance_a_hundred_times(tmp_path: Path) -> None:
    slowest = second_instance(tmp_path, tries=100)
    print(f"\nRELIABILITY second-instance tries=100 refused=100 slowest={slowest:.4f}s")
