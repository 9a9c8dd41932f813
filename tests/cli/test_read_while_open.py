"""Issue 21: the command line reads the case file while another DPO Desk (a real second process,
standing in for the window) holds it open for writing.

The holder opens the file through ``CaseFile.open`` (taking the OS lock), writes cases on request
and stays open. Reading commands (``case list``, ``case show``, ``check``, ``audit verify``) open
the file read-only beside it and see its last committed state; a writing command is refused,
naming the holder; and a read-only open changes no byte of the file, its WAL or its lock file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind

HOLDER = r"""
import json, os, sys
from datetime import date
from pathlib import Path
from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import Case, Channel, ControllerId, DataSubject, RequestKind
cf = CaseFile.open(Path(sys.argv[1]), Key(raw=bytes.fromhex(sys.argv[2])))
controller = cf.controllers.by_slug("astrum-oyun")
print(json.dumps({"pid": os.getpid()}), flush=True)
for line in sys.stdin:
    name = line.strip()
    cf.cases.add(Case(id=None, reference="", controller_id=ControllerId(controller.id),
                      subject=DataSubject(name=name), kinds=(RequestKind.ACCESS,),
                      channel=Channel.POST, received=date(2026, 3, 2)))
    print("added", flush=True)
cf.close()
"""


@dataclass
class Held:
    path: Path
    key: Key
    proc: subprocess.Popen[str]
    pid: int

    def add_case(self, name: str) -> None:
        """The holder commits one more case (and says so once it is committed)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(name + "\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "added"


def _case(controller_id: int, name: str) -> Case:
    return Case(
        id=None,
        reference="",
        controller_id=ControllerId(controller_id),
        subject=DataSubject(name=name),
        kinds=(RequestKind.ACCESS,),
        channel=Channel.POST,
        received=date(2026, 3, 2),
    )


@pytest.fixture
def held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    key = Key(raw=os.urandom(32))
    assert key.raw is not None
    path = tmp_path / "held.dpodesk"
    with CaseFile.create(path, key).casefile as cf:
        controller = cf.controllers.add(
            Controller(
                id=None,
                slug="astrum-oyun",
                name="ASTRUM OYUN",
                address="Matrosova str. 1\n720000 Bishkek\nKyrgyzstan",
                emails=("dpo@astrum.example",),
                jurisdictions=("KG",),
                channels=(Channel.POST, Channel.EMAIL),
                languages=("en", "ru"),
            )
        )
        assert controller.id is not None
        cf.cases.add(_case(controller.id, "Aigerim First"))
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), key.raw.hex()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready, proc.stderr.read() if proc.stderr else ""
        monkeypatch.setenv("DPO_DESK_PASSPHRASE", recovery_key_text(key))
        monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-10")
        yield Held(path, key, proc, json.loads(ready)["pid"])
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def _run(path: Path, *args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _names(out: str) -> list[str]:
    return sorted(row["subject_name"] for row in json.loads(out))


def test_case_list_and_show_read_beside_the_holder(held: Held, cli) -> None:
    code, out, err = cli(held.path, "case", "list", "--json")
    assert code == 0, err
    assert _names(out) == ["Aigerim First"]
    assert f"process {held.pid}" in err and "without writing" in err

    held.add_case("Bolot Second")  # committed by the holder while it stays open
    code, out, err = cli(held.path, "case", "list", "--json")
    assert code == 0, err
    assert _names(out) == ["Aigerim First", "Bolot Second"]
    reference = next(r["reference"] for r in json.loads(out) if r["subject_name"] == "Bolot Second")

    code, out, err = cli(held.path, "case", "show", reference, "--json")
    assert code == 0, err
    assert json.loads(out)["subject_name"] == "Bolot Second"


def test_check_and_audit_verify_read_beside_the_holder(held: Held, cli) -> None:
    held.add_case("Bolot Second")
    code, out, err = cli(held.path, "check", "--json")
    assert code == 0, (out, err)
    report = json.loads(out)
    findings = {f["code"]: f for f in report["findings"]}
    assert findings["settings"]["severity"] == "ok", findings["settings"]
    assert findings["integrity"]["severity"] == "ok"
    assert findings["audit"]["severity"] == "ok", findings["audit"]
    assert findings["lock"]["severity"] == "ok"
    assert report["lock"]["read_only"] is True
    assert report["lock"]["holder"]["pid"] == held.pid
    assert report["settings"]["locking_mode"] == "normal"

    code, out, err = cli(held.path, "audit", "verify", "--json")
    assert code == 0, (out, err)
    assert json.loads(out)["ok"] is True


def test_a_write_is_refused_naming_the_holder(held: Held, cli) -> None:
    code, out, err = cli(
        held.path,
        "case",
        "add",
        "--controller",
        "astrum-oyun",
        "--subject-name",
        "Chyngyz Third",
        "--kind",
        "access",
        "--channel",
        "email",
        "--subject-email",
        "c@example.org",
        "--received",
        "2026-03-09",
        "--json",
    )
    assert code == 2
    assert out == ""
    assert f"process {held.pid}" in err and "close it there first" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, out, err = cli(held.path, "case", "list", "--json")
    assert code == 0 and _names(out) == ["Aigerim First"]


def _state(path: Path) -> dict[str, tuple[bytes, int] | None]:
    state: dict[str, tuple[bytes, int] | None] = {}
    for suffix in ("", "-wal", ".lock"):
        f = Path(f"{path}{suffix}")
        state[suffix] = (f.read_bytes(), f.stat().st_mtime_ns) if f.exists() else None
    return state


def test_a_read_only_open_writes_nothing(held: Held, cli) -> None:
    held.add_case("Bolot Second")  # so the holder's WAL has frames a reader must see
    before = _state(held.path)
    assert before["-wal"] is not None and before["-wal"][0]  # the WAL is there and not empty
    for args in (
        ("case", "list", "--json"),
        ("check", "--json"),
        ("audit", "verify", "--json"),
    ):
        code, out, err = cli(held.path, *args)
        assert code == 0, (args, err)
    with CaseFile.open(held.path, held.key, read_only=True) as cf:
        assert cf.read_only and cf.cases.count() == 2
        with pytest.raises(KnownError):  # query_only: any write is refused by SQLite
            cf.set_meta("probe", "x")
        with pytest.raises(KnownError):
            cf.cases.add(_case(1, "Never Written"))
    assert _state(held.path) == before


def test_a_read_only_open_does_not_migrate(tmp_path: Path) -> None:
    """A file on an older schema is refused read-only with one sentence, and left as it was."""
    from dpo_desk.casefile.migrations import LATEST

    key = Key(raw=os.urandom(32))
    path = tmp_path / "old.dpodesk"
    CaseFile.create(path, key, upto=LATEST - 1).casefile.close()
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(KnownError, match="has not been updated to this DPO Desk's schema"):
        CaseFile.open(path, key, read_only=True)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    with CaseFile.open(path, key) as cf:  # a writer still migrates it
        assert cf.schema_version == LATEST
