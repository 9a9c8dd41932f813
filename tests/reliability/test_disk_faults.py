"""Target 5: a full disk, a read-only place or an I/O error during import, edit and export.

Each test runs one real ``dpo-desk`` command in a child process while a fault is in force, then
checks, in this process, that

- the command failed with exactly one clear sentence on stderr, a non-zero exit code and no
  traceback (its wording names the condition: full, read-only, disk/input-output error);
- the committed data is intact: ``integrity_check`` and ``cipher_integrity_check`` pass, the audit
  chain verifies, and every count (cases, notes, e-mails, attachments, audit events, …) equals the
  count before the command;
- no truncated or partial export is left: the destination folder holds exactly the previous
  export, byte for byte, and no ``.partial`` temp file remains anywhere.

How the faults are made, real ones first:

- **disk full**: the case file (and the logs) live on a tmpfs of a few MiB, filled up to the last
  48 KiB — room to open the file, not for the change (each change carries 100 KiB or more). An
  export's destination is a full tmpfs of its own. Mounting needs root; without it the same
  ``ENOSPC`` is injected by ``strace`` into the writes to the case file's WAL (and, for exports,
  into the writes of the export's temp file by a patched ``os.write`` in the child).
  *Case file full while exporting*: the export's bytes fit (another disk), the audit event does
  not (``ENOSPC`` injected by ``strace`` into the WAL, so it fails at the commit every time).
- **read-only**: the case file made immutable (``chattr +i``; ``chmod 0400`` when not root), so
  SQLite opens it read-only and the change fails when written; the whole disk remounted read-only
  (the command fails at the lock file); an export folder on a read-only tmpfs (or immutable, or
  ``chmod 0500``).
- **I/O error**: ``EIO`` injected by ``strace`` into every ``pwrite64`` on the case file's WAL (a
  fault of the kernel call itself, as a failing disk would return); for exports, ``EIO`` from the
  export temp file's ``os.write`` (patched in the child: the temp file's name is random, so
  ``strace -P`` cannot select it).

Not covered: an ``fsync`` that fails *after* SQLite wrote a commit frame (fsyncgate) — the kernel
may then have the frame in its cache, and SQLite's answer depends on the OS; see the docs.

The fast run covers import, a note and the register export under each fault, and the case file
filling up during an export; ``-m slow`` adds a new case, a status change and the case summary.
"""

from __future__ import annotations

import email.message
import errno
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.health import run_checks
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.core.model import Case, Channel, ControllerId, DataSubject, RequestKind

from .support import CLI, CONTROLLER_SLUG, add_controller, can_mount, new_raw_key, remount, tmpfs

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="faults are made with Linux tools"
)

TODAY = "2026-03-02"
KEY = new_raw_key()
SECRET = recovery_key_text(KEY)
STRACE = shutil.which("strace") or "/usr/bin/strace"
PREVIOUS_EXPORT = b"the previous export, complete\n"
#: Free space left on a "full" case-file disk: enough to open the file, not for a change.
LEFT_FREE = 48 * 1024
#: Size of the payload each change carries (an attachment, a note, a reason, a summary).
PAYLOAD = 100 * 1024

#: A ``dpo-desk`` whose ``os.write`` fails with errno ``argv[1]`` on export temp files only.
FAILING_EXPORT_WRITES = r"""
import os, sys
code = int(sys.argv[1])
real_write = os.write
def write(fd, data):
    try:
        name = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        name = ""
    if name.endswith(".partial"):
        raise OSError(code, os.strerror(code))
    return real_write(fd, data)
os.write = write
from dpo_desk.cli import main
sys.exit(main(sys.argv[2:]))
"""

#: One clear sentence per fault: what the message must say.
WORDING = {
    "disk_full": re.compile(r"\bfull\b|too large", re.I),
    "read_only": re.compile(r"read-only", re.I),
    "io_error": re.compile(r"disk reported an error|input/output error", re.I),
}


# --- the scene -----------------------------------------------------------------------------------


@dataclass
class Scene:
    root: Path
    disk: Path  # holds the case file and DPO_DESK_HOME (a tmpfs when this machine can mount)
    exports: Path  # the export destination folder (a tmpfs of its own when it can mount)
    inbox: Path
    mounted: bool
    exports_mounted: bool
    ref: str = ""
    eml: Path = field(default_factory=Path)

    @property
    def casefile(self) -> Path:
        return self.disk / "case.dpodesk"

    @property
    def wal(self) -> Path:
        return self.disk / "case.dpodesk-wal"

    @property
    def home(self) -> Path:
        return self.disk / "home"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DPO_DESK_HOME=str(self.home),
            DPO_DESK_PASSPHRASE=SECRET,
            DPO_DESK_TODAY=TODAY,
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
            TMPDIR=str(self.root / "tmp"),
        )
        env.pop("DPO_DESK_DEBUG", None)
        return env


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    disk, exports, inbox = tmp_path / "disk", tmp_path / "exports", tmp_path / "inbox"
    (tmp_path / "tmp").mkdir()
    inbox.mkdir()
    with tmpfs(disk, "4m") as mounted, tmpfs(exports, "1m") as exports_mounted:
        disk.mkdir(exist_ok=True)
        exports.mkdir(exist_ok=True)
        s = Scene(tmp_path, disk, exports, inbox, mounted, exports_mounted)
        (exports / "register.csv").write_bytes(PREVIOUS_EXPORT)
        (exports / "summary.pdf").write_bytes(PREVIOUS_EXPORT)
        s.ref = _build_case_file(s.casefile)
        s.eml = _request_eml(inbox / "request.eml")
        try:
            yield s
        finally:
            _undo_read_only(s)


def _build_case_file(path: Path) -> str:
    cf = CaseFile.create(path, KEY).casefile
    try:
        controller = add_controller(cf)
        assert controller.id is not None
        case = None
        for name in ("Aigerim Test", "Bakyt Test"):
            case = cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ControllerId(controller.id),
                    subject=DataSubject(name=name, email="subject@example.kg"),
                    kinds=(RequestKind.ACCESS,),
                    channel=Channel.EMAIL,
                    received=date(2026, 2, 27),
                )
            )
            cf.cases.add_note(case.id or 0, "first reply sent")
        assert case is not None
        return case.reference
    finally:
        cf.close()


def _request_eml(path: Path) -> Path:
    message = email.message.EmailMessage()
    message["From"] = "Petr Test <petr@example.org>"
    message["To"] = "dpo@astrum.example"
    message["Subject"] = "Access request"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Message-ID"] = "<disk-fault-1@example.org>"
    message.set_content("I ask for a copy of my personal data. Please answer within the law.")
    message.add_attachment(
        os.urandom(3 * PAYLOAD), maintype="application", subtype="pdf", filename="passport.pdf"
    )
    path.write_bytes(bytes(message))
    return path


# --- what must not change ------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    counts: dict[str, int]
    problems: tuple[str, ...]
    audit_ok: bool
    exports: dict[str, bytes]
    partials: tuple[str, ...]


def state(s: Scene) -> State:
    with CaseFile.open(s.casefile, KEY) as cf:
        counts = dict(run_checks(cf).facts["counts"])
        problems = tuple(cf.integrity_check())
        audit_ok = cf.verify_audit().ok
    partials = tuple(
        str(p) for p in s.root.rglob("*") if p.name.endswith(".partial") or ".partial-" in p.name
    )
    exports = {p.name: p.read_bytes() for p in sorted(s.exports.iterdir())}
    return State(counts, problems, audit_ok, exports, partials)


# --- running a command under a fault -------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(s: Scene, command: list[str]) -> Run:
    proc = subprocess.run(
        command, env=s.env(), capture_output=True, text=True, timeout=120, check=False
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def cli(s: Scene, args: list[str]) -> Run:
    return run_cli(s, [*CLI, "--file", str(s.casefile), *args])


def under_strace(s: Scene, args: list[str], code: str) -> Run:
    """The command with ``code`` (EIO, ENOSPC) injected into every write of the case file's WAL."""
    assert Path(STRACE).exists(), (
        "strace is needed for the injected faults (apt-get install strace)"
    )
    inject = [
        STRACE,
        "-f",
        "-qq",
        "-o",
        os.devnull,
        "-e",
        "trace=pwrite64,write",
        "-e",
        f"inject=pwrite64,write:error={code}",
        "-P",
        str(s.wal),
    ]
    return run_cli(s, [*inject, *CLI, "--file", str(s.casefile), *args])


def with_failing_export_writes(s: Scene, args: list[str], code: int) -> Run:
    child = [sys.executable, "-c", FAILING_EXPORT_WRITES, str(code)]
    return run_cli(s, [*child, "--file", str(s.casefile), *args])


# --- making the faults real ----------------------------------------------------------------------


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` to the last ``leave`` bytes (a tmpfs: exactly)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for chunk in (1 << 20, 1 << 16, 4096):
            block = b"\0" * chunk
            while True:
                try:
                    if os.write(fd, block) < chunk:
                        break
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC, exc
                    break
    finally:
        os.close(fd)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    free = shutil.disk_usage(folder).free
    assert free <= leave + 8192, f"{free} bytes still free on {folder}"


def unfill(folder: Path) -> None:
    (folder / "filler").unlink(missing_ok=True)


def _chattr(path: Path, flag: str) -> bool:
    if shutil.which("chattr") is None:
        return False
    result = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return result.returncode == 0


def make_immutable(path: Path, fallback_mode: int) -> str:
    """Make ``path`` read-only even for root: ``chattr +i``; ``chmod`` when not root."""
    if os.geteuid() != 0:
        path.chmod(fallback_mode)
        return "chmod"
    assert _chattr(path, "+i"), (
        f"as root, only chattr +i makes {path} read-only, and it failed here (is e2fsprogs "
        "installed, and does this file system support the immutable flag?)"
    )
    return "chattr"


def _undo_read_only(s: Scene) -> None:
    for path in (s.casefile, s.exports):
        if os.geteuid() == 0:
            _chattr(path, "-i")
    if os.geteuid() != 0:
        s.casefile.chmod(0o600)
        s.exports.chmod(0o700)
    for folder, mounted in ((s.disk, s.mounted), (s.exports, s.exports_mounted)):
        if mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True)
        unfill(folder)


# --- the operations ------------------------------------------------------------------------------


def big_text(size: int = PAYLOAD) -> str:
    words = "".join(chr(0x61 + b % 26) for b in os.urandom(size))
    return " ".join(words[i : i + 9] for i in range(0, len(words), 9))


def op_args(s: Scene, op: str) -> list[str]:
    if op == "import":
        return ["import", str(s.eml)]
    if op == "case add":
        return [
            "case",
            "add",
            "--controller",
            CONTROLLER_SLUG,
            "--kind",
            "access",
            "--channel",
            "post",
            "--received",
            "2026-03-01",
            "--subject-name",
            "Dana Test",
            "--summary",
            big_text(),
        ]
    if op == "note":
        return ["case", "note", s.ref, big_text()]
    if op == "status":
        return ["case", "status", s.ref, "in_progress", "--reason", big_text()]
    if op == "register":
        return ["export", "register", "-o", str(s.exports / "register.csv")]
    if op == "summary":
        return ["export", "summary", s.ref, "-o", str(s.exports / "summary.pdf")]
    raise AssertionError(op)


EDITS = ("import", "case add", "note", "status")
EXPORTS = ("register", "summary")
FAST = {"import", "note", "register"}


def ops(kinds: tuple[str, ...]) -> list[object]:
    return [
        pytest.param(op, id=op.replace(" ", "-"), marks=() if op in FAST else pytest.mark.slow)
        for op in kinds
    ]


def run_with_fault(s: Scene, fault: str, op: str) -> Run:
    args = op_args(s, op)
    is_export = op in EXPORTS
    if fault == "disk_full":
        if is_export:
            if s.exports_mounted:
                fill(s.exports, 0)
                return cli(s, args)
            return with_failing_export_writes(s, args, errno.ENOSPC)
        if s.mounted:
            fill(s.disk, LEFT_FREE)
            return cli(s, args)
        return under_strace(s, args, "ENOSPC")
    if fault == "read_only":
        if is_export:
            if s.exports_mounted:
                remount(s.exports, "ro")
            else:
                make_immutable(s.exports, 0o500)
            return cli(s, args)
        make_immutable(s.casefile, 0o400)
        return cli(s, args)
    if fault == "io_error":
        if is_export:
            return with_failing_export_writes(s, args, errno.EIO)
        return under_strace(s, args, "EIO")
    raise AssertionError(fault)


def assert_clear_failure(run: Run, fault: str) -> str:
    assert run.code != 0, f"the command succeeded under the fault: {run.out}"
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {run.err!r}"
    message = lines[0].removeprefix("dpo-desk: ")
    assert lines[0].startswith("dpo-desk: "), lines[0]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", message)
    assert len(sentences) == 1 and message.endswith("."), f"not one sentence: {message!r}"
    assert WORDING[fault].search(message), f"{fault}: {message!r}"
    assert "bug" not in message.lower(), message
    return message


def assert_intact(before: State, after: State) -> None:
    assert after.problems == (), after.problems
    assert after.audit_ok
    assert after.counts == before.counts
    assert after.exports == before.exports  # the previous exports, byte for byte, and nothing else
    assert after.partials == ()


# --- the tests -----------------------------------------------------------------------------------


FAULTS = ("disk_full", "read_only", "io_error")


@pytest.mark.parametrize("op", ops(EDITS + EXPORTS))
@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_fails_cleanly_and_keeps_the_data(scene: Scene, fault: str, op: str) -> None:
    before = state(scene)
    run = run_with_fault(scene, fault, op)
    message = assert_clear_failure(run, fault)
    _undo_read_only(scene)
    assert_intact(before, state(scene))
    if op in EDITS and fault != "read_only":
        assert str(scene.casefile) in message  # names the file that could not be written


def test_case_file_full_during_an_export_leaves_neither_file_nor_event(scene: Scene) -> None:
    """The export's bytes fit, its audit event does not: no export may exist without its event."""
    before = state(scene)
    run = under_strace(scene, op_args(scene, "register"), "ENOSPC")
    assert_clear_failure(run, "disk_full")
    assert_intact(before, state(scene))


def test_a_read_only_disk_refuses_at_the_lock(scene: Scene) -> None:
    """The whole disk remounted read-only: refused before anything is read or written."""
    before = state(scene)
    if scene.mounted:
        remount(scene.disk, "ro")
        run = cli(scene, op_args(scene, "import"))
    else:  # no mount rights: the kernel's answer for that disk, EROFS, injected at the lock file
        lock = scene.casefile.with_name(scene.casefile.name + ".lock")
        inject = [STRACE, "-f", "-qq", "-o", os.devnull, "-e", "trace=openat"]
        inject += ["-e", "inject=openat:error=EROFS", "-P", str(lock)]
        run = run_cli(
            scene, [*inject, *CLI, "--file", str(scene.casefile), *op_args(scene, "import")]
        )
    message = assert_clear_failure(run, "read_only")
    assert "case.dpodesk.lock" in message
    _undo_read_only(scene)
    assert_intact(before, state(scene))


@pytest.mark.parametrize(
    "kinds",
    [
        pytest.param(("register", "import", "note"), id="fast"),
        pytest.param(("summary", "case add", "status"), id="slow", marks=pytest.mark.slow),
    ],
)
def test_the_same_commands_succeed_without_a_fault(scene: Scene, kinds: tuple[str, ...]) -> None:
    """The control: the operations above work on this scene when nothing is wrong.

    (Exports run first: a PDF summary of a case with a 100 KiB note hits reportlab's LayoutError.)
    """
    before = state(scene)
    for op in kinds:
        run = cli(scene, op_args(scene, op))
        assert run.code == 0, (op, run.err)
        assert run.err == "", (op, run.err)
    after = state(scene)
    assert after.problems == () and after.audit_ok and after.partials == ()
    added = sum(op in ("import", "case add") for op in kinds)
    assert after.counts["cases"] == before.counts["cases"] + added
    assert after.counts["audit"] > before.counts["audit"]
    changed = {name for name in after.exports if after.exports[name] != before.exports[name]}
    expected = {"register": "register.csv", "summary": "summary.pdf"}
    assert changed == {expected[op] for op in kinds if op in expected}


def test_strace_is_here_for_the_injected_faults() -> None:
    """strace is required; print which faults are real here (the fallbacks are listed above)."""
    print(f"can mount tmpfs: {can_mount()}; euid {os.geteuid()}; strace: {Path(STRACE).exists()}")
    assert Path(STRACE).exists(), "strace is needed (apt-get install strace)"
