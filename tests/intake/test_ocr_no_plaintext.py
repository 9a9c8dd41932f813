"""Nothing in plaintext (issue 18): reading a letter scan and an ID copy's MRZ writes no file but
the case file, and the recognised text is nowhere on disk in the clear.

A child process logs a postal request with a rendered letter (holding a canary word) and an ID
copy, reads the letter into the case file and the ID copy's MRZ for the checklist, all under
``strace`` (the tracing and parsing of tests/reliability/test_file_access.py). Every file opened
for writing must be the case file or its companions; then every byte left in the folders the
child could write (its HOME, TMPDIR, the case file's folder, DPO_DESK_HOME) is searched for the
canary and the MRZ surname. Positive control: the canary is in the case file, through SQL.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.repositories import CaseQuery
from tests.identity.test_mrz import DOCUMENTS
from tests.reliability.test_file_access import parse_trace, traced

from .test_ocr_builders import LETTERS, encode, id_copy, page

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux")

CANARY = "Канарейкин"

CHILD = r"""
import sys
from datetime import date
from pathlib import Path
from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import AttachmentRole, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS
from dpo_desk.intake.service import Scan, log_postal
from dpo_desk.services.ocr import read_case_id_mrz, recognise_case_scans

folder, key = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
cf = CaseFile.open(folder / "case.dpodesk", Key(raw=key))
controller = cf.controllers.by_slug(CONTROLLERS[0].slug)
today = date(2026, 12, 8)
case = log_postal(
    cf, controller=controller, subject=DataSubject(name="Фёдор Щукин"),
    kinds=[RequestKind.ERASURE], received=today, today=today, confirm_id_copy=True,
    scans=[Scan("letter.png", (folder / "in" / "letter.png").read_bytes()),
           Scan("id.png", (folder / "in" / "id.png").read_bytes(), AttachmentRole.ID_DOCUMENT)],
)
outcomes = recognise_case_scans(cf, case.id)
assert any(o.status == "stored" for o in outcomes), outcomes
id_meta = next(m for m in cf.attachments.for_case(case.id) if m.role == AttachmentRole.ID_DOCUMENT)
prefill = read_case_id_mrz(cf, id_meta.id, today=today)
assert prefill.check_digits_valid and prefill.last4 == "3456", prefill
cf.close()
print("done")
"""


def _plain_hits(root: Path, needles: list[bytes], skip: set[Path]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and path not in skip:
            data = path.read_bytes()
            hits.extend(f"{path}: {n.decode()}" for n in needles if n in data)
    return hits


def test_ocr_and_mrz_leave_nothing_in_plaintext(tmp_path: Path) -> None:
    from dpo_desk.demo import CONTROLLERS

    folder = tmp_path / "work"
    (folder / "in").mkdir(parents=True)
    lines = [*LETTERS["ru"][:-1], f"Фёдор {CANARY}"]
    (folder / "in" / "letter.png").write_bytes(encode(page(lines)))
    mrz_lines, _ = DOCUMENTS["russian-internal"]
    (folder / "in" / "id.png").write_bytes(encode(id_copy(mrz_lines)))
    key = secrets.token_bytes(32)
    created = CaseFile.create(folder / "case.dpodesk", Key(raw=key)).casefile
    for controller in CONTROLLERS:
        created.controllers.add(controller)
    created.close()

    home, tmp, dpo_home = tmp_path / "home", tmp_path / "tmp", tmp_path / "dpo-home"
    for d in (home, tmp, dpo_home):
        d.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "DPO_DESK_HOME": str(dpo_home),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    log = tmp_path / "strace.log"
    out = traced([sys.executable, "-c", CHILD, str(folder), key.hex()], log, env=env, cwd=tmp_path)
    assert "done" in out
    trace = parse_trace(log.read_text(errors="replace"), tmp_path)
    case_file = str(folder / "case.dpodesk")
    # the audit anchor (a chain head, nothing of a case: issue 20) lives in the settings folder
    allowed = ("/dev/null", "/dev/tty", "/dev/shm/", str(dpo_home / "anchors"))

    def harmless(path: str) -> bool:
        # libffi's trampolines for ctypes callbacks: an unnamed (O_TMPFILE) or at once deleted
        # file in TMPDIR holding machine code only; the canary search below covers TMPDIR too
        if path == str(tmp):  # O_TMPFILE names the folder: the file itself has no name
            return True
        return path.startswith(str(tmp)) and not Path(path.split(" ")[0]).exists()

    stray = [
        str(a)
        for a in trace.writes
        if not all(p.startswith(case_file) or p.startswith(allowed) or harmless(p) for p in a.paths)
    ]
    assert stray == [], "files written outside the case file:\n" + "\n".join(stray)
    assert any(case_file in p for a in trace.writes for p in a.paths)  # positive control

    needles = [CANARY.encode(), "Баумана".encode(), b"WUKIN", "ЩУКИН".encode()]
    skip = {folder / "in" / "letter.png", folder / "in" / "id.png", log}
    hits = []
    for root in (folder, home, tmp, dpo_home):
        hits += _plain_hits(root, needles, skip)
    assert hits == [], "plaintext found on disk:\n" + "\n".join(hits)

    cf = CaseFile.open(folder / "case.dpodesk", Key(raw=key))
    try:  # the text is there, encrypted: the search finds it
        assert len(cf.cases.list(CaseQuery(text=CANARY))) == 1
    finally:
        cf.close()


def test_the_child_really_runs_ocr(tmp_path: Path) -> None:
    """The canary scan is readable: a control for the test above (without strace)."""
    from dpo_desk.services.ocr import read_scan

    lines = [*LETTERS["ru"][:-1], f"Фёдор {CANARY}"]
    assert CANARY in read_scan(encode(page(lines)), "letter.png").text
    assert subprocess.run([sys.executable, "-c", "import tesserocr"], check=False).returncode == 0
