"""Target 4: letter preview, printing and exports write no file outside an allow-list.

Each scenario runs in a child process under
``strace -f -y -e trace=open,openat,openat2,creat,rename,renameat,renameat2,link,linkat,symlink,
symlinkat,mkdir,mkdirat`` (``-y`` prints the path behind every descriptor, so ``openat(dirfd,
name)`` resolves). The log is parsed, and every file the process or any of its threads opened for
writing (``O_WRONLY``, ``O_RDWR``, ``O_CREAT``, ``O_TRUNC``, ``O_APPEND``, ``O_TMPFILE``), created,
renamed (both names), linked or made a folder of must be on the allow-list below — attempts that
failed count too, except ``mkdir`` of a folder that already exists (``EEXIST``: nothing made).

The child marks where each step starts by opening a path that cannot exist
(``/nonexistent-dpo-desk-trace-mark/<step>``), so each step is held to its own list:

- **preview**: the letter rendered to bytes (``letters.service.preview``) and shown by the
  window's ``DocumentViewer`` (``QPdfDocument`` from a ``QBuffer``) in an offscreen
  ``QApplication``, with the window's log configured;
- **print**: the letters tab's ``print_pdf`` paints the viewer's pages on a ``QPrinter`` set to
  PDF output into the one file the test chose (what the print dialog's "print to file" gives);
- **exports**: ``dpo-desk export summary`` (PDF, JSON), ``export register`` (CSV, XLSX, JSON),
  ``export stats`` (PDF) and ``export ics``, each through the CLI's ``main()``.

Every scenario also has a positive control — the files it *must* have touched (the case file, the
chosen destination) are in the trace — so an empty or broken trace cannot pass. The child runs with
``HOME``, ``TMPDIR`` and the XDG folders pointed at fresh temporary folders: whatever slipped
through would land there rather than in the developer's home, and would still be reported.

Skips nothing: without ``strace`` or without the right to ``ptrace`` its own child, the test fails
and says why.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.core.model import Case, Channel, ControllerId, DataSubject, RequestKind

from .support import add_controller, new_raw_key

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux")

STRACE = "/usr/bin/strace" if Path("/usr/bin/strace").exists() else shutil.which("strace")
TRACED = (
    "open,openat,openat2,creat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,"
    "mkdir,mkdirat"
)
MARK = "/nonexistent-dpo-desk-trace-mark/"
TODAY = date(2026, 3, 2)
KEY = new_raw_key()

#: Flags that make an open a write (or a creation).
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", "O_TMPFILE")

#: The child for preview and print: the window's pieces, offscreen, from the case file's bytes.
PREVIEW_AND_PRINT = r"""
import json, os, sys
from datetime import date
from pathlib import Path
from dpo_desk.hardening import harden_process, log_session
harden_process()

def mark(step):
    try:
        os.close(os.open("/nonexistent-dpo-desk-trace-mark/" + step, os.O_RDONLY))
    except OSError:
        pass

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.keys import parse_secret
from dpo_desk.letters import service
from dpo_desk.ui.errors import log_path
from dpo_desk.ui.views.letters_tab import print_pdf
from dpo_desk.ui.views.viewer import DocumentViewer

casefile, case_id, target = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
with log_session(log_path()):
    app = QApplication(["dpo-desk"])
    mark("preview")
    with CaseFile.open(casefile, parse_secret(os.environ["DPO_DESK_PASSPHRASE"])) as cf:
        shown = service.preview(cf, case_id, "acknowledgement", None, date(2026, 3, 2))
    viewer = DocumentViewer()
    viewer.resize(700, 900)
    viewer.show()
    assert viewer.show_document(shown.pdf, "application/pdf", "letter.pdf")
    for _ in range(20):
        app.processEvents()
    document = viewer.document
    assert document.pageCount() >= 1
    mark("print")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    pages = print_pdf(document, printer)  # the letters tab's own printing, from memory
    mark("end")
    viewer.close()
    app.processEvents()
print(json.dumps({"pages": pages, "printed": target.stat().st_size}))
"""

#: The child for exports: ``dpo-desk`` commands through ``main()``, one step each.
EXPORTS = r"""
import json, os, sys
from dpo_desk.cli import main

def mark(step):
    try:
        os.close(os.open("/nonexistent-dpo-desk-trace-mark/" + step, os.O_RDONLY))
    except OSError:
        pass

codes = {}
for step, argv in json.loads(sys.argv[1]):
    mark(step)
    codes[step] = main(argv)
mark("end")
print(json.dumps(codes))
"""


# --- parsing strace ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    """One traced call: the step it happened in, the call, the paths it wrote, its result."""

    step: str
    call: str
    paths: tuple[str, ...]
    flags: str
    result: str

    def __str__(self) -> str:
        return f"[{self.step}] {self.call}({', '.join(self.paths)}) {self.flags} = {self.result}"


_LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<rest>.*)$")
_CALL = re.compile(r"^(?P<call>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>.*)$")
_UNFINISHED = re.compile(r"^(?P<call>\w+)\((?P<args>.*?)\s*<unfinished \.\.\.>$")
_RESUMED = re.compile(r"^<\.\.\. (?P<call>\w+) resumed>(?P<args>.*)\)\s+=\s+(?P<result>.*)$")


def split_args(text: str) -> list[str]:
    """Split strace's argument list on top-level commas (quotes, <fd paths> and {} kept whole)."""
    args: list[str] = []
    depth = 0
    quoted = False
    escaped = False
    current: list[str] = []
    for ch in text:
        if quoted:
            current.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            continue
        if ch == '"':
            quoted = True
        elif ch in "<{[(":
            depth += 1
        elif ch in ">}])":
            depth -= 1
        elif ch == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    if current and "".join(current).strip():
        args.append("".join(current).strip())
    return args


def _unescape(text: str) -> str:
    """strace's C escapes (``\\"``, ``\\303\\251`` for UTF-8 bytes) back to the path."""
    raw = codecs.decode(text.encode("ascii", "backslashreplace"), "unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "surrogateescape")


def _unquote(arg: str) -> str:
    if not (arg.startswith('"') and arg.endswith('"')):
        return arg
    return _unescape(arg[1:-1])


def _fd_path(arg: str, cwd: Path) -> Path:
    """The folder a ``dirfd`` argument stands for (``AT_FDCWD</x>`` or ``3</x>``)."""
    match = re.search(r"<(.*)>$", arg)
    if match:
        return Path(_unescape(match.group(1)))
    return cwd


def _resolve(dirfd: str | None, name_arg: str, cwd: Path) -> str:
    name = _unquote(name_arg)
    if name.startswith("/"):
        return os.path.normpath(name)
    base = _fd_path(dirfd, cwd) if dirfd is not None else cwd
    return os.path.normpath(str(base / name))


def _written_paths(call: str, args: list[str], cwd: Path) -> tuple[tuple[str, ...], str] | None:
    """The paths a call writes (and the flags shown), or None when it only reads."""
    if call in ("open", "openat", "openat2"):
        if call == "open":
            name, flags = args[0], args[1]
            path = _resolve(None, name, cwd)
        else:
            name, flags = args[1], args[2]
            path = _resolve(args[0], name, cwd)
        if not any(flag in flags for flag in WRITE_FLAGS):
            return None
        return (path,), flags
    if call == "creat":
        return (_resolve(None, args[0], cwd),), "creat"
    if call in ("rename", "link"):
        return (_resolve(None, args[0], cwd), _resolve(None, args[1], cwd)), ""
    if call in ("renameat", "renameat2", "linkat"):
        return (_resolve(args[0], args[1], cwd), _resolve(args[2], args[3], cwd)), ""
    if call == "symlink":
        return (_resolve(None, args[1], cwd),), ""
    if call == "symlinkat":
        return (_resolve(args[1], args[2], cwd),), ""
    if call == "mkdir":
        return (_resolve(None, args[0], cwd),), ""
    if call == "mkdirat":
        return (_resolve(args[0], args[1], cwd),), ""
    return None


@dataclass
class Trace:
    calls: int  # every traced call
    opened: set[str]  # every path opened (successfully), for reading or writing
    writes: list[Access]  # the calls that wrote, created, renamed, linked or made a folder
    steps: list[str]


def parse_trace(text: str, cwd: Path) -> Trace:
    pending: dict[str, tuple[str, str]] = {}
    step = "start"
    steps = [step]
    calls = 0
    opened: set[str] = set()
    writes: list[Access] = []
    for line in text.splitlines():
        outer = _LINE.match(line)
        if not outer:
            continue
        pid, rest = outer.group("pid"), outer.group("rest")
        if rest.startswith(("---", "+++")):
            continue
        unfinished = _UNFINISHED.match(rest)
        if unfinished:
            pending[pid] = (unfinished.group("call"), unfinished.group("args"))
            continue
        resumed = _RESUMED.match(rest)
        if resumed:
            call, head = pending.pop(pid, (resumed.group("call"), ""))
            tail = resumed.group("args").lstrip(", ")
            args_text = ", ".join(part for part in (head, tail) if part)
            result = resumed.group("result")
        else:
            match = _CALL.match(rest)
            if not match:
                continue
            call, args_text, result = match.group("call"), match.group("args"), match["result"]
        calls += 1
        args = split_args(args_text)
        if call in ("open", "openat", "openat2") and args:
            name_arg = args[0] if call == "open" else args[1]
            name = _unquote(name_arg)
            if name.startswith(MARK):
                step = name.removeprefix(MARK)
                steps.append(step)
                continue
            if not result.startswith("-1"):
                opened.add(_resolve(None if call == "open" else args[0], name_arg, cwd))
        written = _written_paths(call, args, cwd)
        if written is None:
            continue
        paths, flags = written
        if call in ("mkdir", "mkdirat") and "EEXIST" in result:
            continue  # the folder was there: nothing made
        writes.append(Access(step, call, paths, flags, result.split(" (")[0]))
    return Trace(calls, opened, writes, steps)


# --- running under strace ------------------------------------------------------------------------


def traced(command: list[str], log: Path, *, env: dict[str, str], cwd: Path) -> str:
    """Run ``command`` under strace; its stdout. Fails (never skips) when tracing is impossible."""
    assert STRACE, "strace is not installed: apt-get install strace (the CI script does)"
    proc = subprocess.run(
        [STRACE, "-f", "-y", "-qq", "-e", f"trace={TRACED}", "-o", str(log), *command],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if "ptrace" in proc.stderr and ("Operation not permitted" in proc.stderr or proc.returncode):
        pytest.fail(
            "strace cannot trace its own child here (ptrace refused: a seccomp profile, "
            "kernel.yama.ptrace_scope=3, or a container without CAP_SYS_PTRACE):\n" + proc.stderr
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


# --- the scene and its allow-list ----------------------------------------------------------------


@dataclass
class Scene:
    root: Path
    casefile: Path
    case_id: int
    home: Path  # DPO_DESK_HOME
    out: Path  # where the test chooses export and print destinations
    cache: Path  # XDG_CACHE_HOME (fresh): Qt's and fontconfig's caches may be written there

    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("XDG_", "DPO_DESK_", "QT_", "DISPLAY", "WAYLAND"))
        }
        env.update(
            DPO_DESK_HOME=str(self.home),
            DPO_DESK_PASSPHRASE=recovery_key_text(KEY),
            DPO_DESK_TODAY=TODAY.isoformat(),
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
            # Bytecode caches are the interpreter's, not DPO Desk's: an installed package is
            # precompiled by pip and the bundle has none, but a development tree whose sources
            # just changed would have them written into it during the trace.
            PYTHONDONTWRITEBYTECODE="1",
            QT_QPA_PLATFORM="offscreen",
            HOME=str(self.root / "user-home"),
            TMPDIR=str(self.root / "tmp"),
            XDG_CACHE_HOME=str(self.cache),
            XDG_CONFIG_HOME=str(self.root / "xdg-config"),
            XDG_DATA_HOME=str(self.root / "xdg-data"),
            XDG_STATE_HOME=str(self.root / "xdg-state"),
            XDG_RUNTIME_DIR=str(self.root / "xdg-runtime"),
        )
        return env

    def case_files(self) -> set[str]:
        """The case file and what SQLite and DPO Desk keep beside it."""
        base = str(self.casefile)
        return {
            base,  # the encrypted file itself (opened read-write)
            base + "-wal",  # SQLite's write-ahead log (WAL mode)
            base + "-shm",  # the WAL index (SQLite creates it at the first read)
            base + "-journal",  # a rollback journal (not used in WAL mode; SQLite may probe)
            base + ".lock",  # the one-writer lock naming its holder
            base + ".id",  # the file-id sidecar (rewritten only when missing or wrong)
            base + ".id.tmp",  # ...through this temp file, renamed over it
            *self.anchor_files(),
        }

    def anchor_files(self) -> set[str]:
        """Issue 20: in passphrase mode the audit chain's head is kept in the settings folder
        (``DPO_DESK_HOME/anchors/<file id>.anchor``, written through ``.tmp``)."""
        sidecar = Path(str(self.casefile) + ".id")
        if not sidecar.exists():
            return set()
        anchor = self.home / "anchors" / f"{sidecar.read_text().strip()}.anchor"
        return {str(anchor), f"{anchor}.tmp"}

    def log_files(self) -> set[str]:
        """The window's and the CLI's log (rotation renames it to .1 … .3)."""
        log = self.home / "logs" / "dpo-desk.log"
        return {str(log), *(f"{log}.{n}" for n in range(1, 4))}

    def folders(self) -> set[str]:
        """Folders DPO Desk may make for itself (both exist already; mkdir then says EEXIST)."""
        return {str(self.home), str(self.home / "logs"), str(self.home / "anchors")}


def export_temp(target: Path) -> re.Pattern[str]:
    """The atomic temp sibling of an export: ``.<name>.<8 hex>.partial`` in the same folder."""
    return re.compile(re.escape(str(target.parent / f".{target.name}.")) + r"[0-9a-f]{8}\.partial")


# fontconfig run as root refreshes a stale system cache (font metadata, nothing of a case) in
# place; a machine whose fonts changed since its cache was built does so once, on first use.
SYSTEM_FONT_CACHES = (Path("/var/cache/fontconfig"),)


def outside(
    writes: Iterable[Access],
    allowed: set[str],
    patterns: Iterable[re.Pattern[str]] = (),
    prefixes: Iterable[Path] = (),
) -> list[str]:
    """Every write to a path that is neither allowed, nor matches a pattern, nor lies under a
    prefix folder."""
    patterns = list(patterns)
    roots = [str(p) for p in prefixes]
    bad = []
    for access in writes:
        for path in access.paths:
            if path in allowed or any(p.fullmatch(path) for p in patterns):
                continue
            if any(path == r or path.startswith(r + os.sep) for r in roots):
                continue
            bad.append(f"{path}  <- {access}")
    return bad


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    for name in ("case", "home", "out", "cache", "tmp", "user-home", "xdg-config", "xdg-data",
                 "xdg-state", "xdg-runtime"):  # fmt: skip
        (tmp_path / name).mkdir(mode=0o700)
    (tmp_path / "home" / "logs").mkdir(mode=0o700)
    path = tmp_path / "case" / "case.dpodesk"
    cf = CaseFile.create(path, KEY).casefile
    try:
        controller = add_controller(cf)
        assert controller.id is not None
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(controller.id),
                subject=DataSubject(
                    name="Aigerim Traceova",
                    email="aigerim@example.kg",
                    address="Chui Ave 1\n720000 Bishkek\nKyrgyzstan",
                ),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.EMAIL,
                received=date(2026, 2, 27),
                language="ru",
            )
        )
        cf.cases.add_note(case.id or 0, "identity confirmed by phone")
    finally:
        cf.close()
    yield Scene(
        tmp_path, path, case.id or 0, tmp_path / "home", tmp_path / "out", tmp_path / "cache"
    )


def report(name: str, trace: Trace) -> None:
    print(
        f"{name}: {trace.calls} traced calls, {len(trace.opened)} distinct files opened, "
        f"{len(trace.writes)} writes: "
        + ", ".join(sorted({Path(p).name for a in trace.writes for p in a.paths}))
    )


# --- the tests -----------------------------------------------------------------------------------


def test_preview_and_print_write_only_the_chosen_file(scene: Scene) -> None:
    printed = scene.out / "printed letter.pdf"
    log = scene.root / "preview-print.strace"
    out = traced(
        [
            sys.executable,
            "-c",
            PREVIEW_AND_PRINT,
            str(scene.casefile),
            str(scene.case_id),
            str(printed),
        ],  # fmt: skip
        log,
        env=scene.env(),
        cwd=scene.root,
    )
    result = json.loads(out.strip().splitlines()[-1])
    assert result["pages"] >= 1 and printed.read_bytes().startswith(b"%PDF")
    trace = parse_trace(log.read_text(errors="replace"), scene.root)
    report("preview+print", trace)
    assert trace.steps == ["start", "preview", "print", "end"]

    by_step = {step: [a for a in trace.writes if a.step == step] for step in trace.steps}
    # Start-up (imports, QApplication): no writes but Qt's/fontconfig's caches in the fresh cache.
    assert outside(by_step["start"], set(), prefixes=[scene.cache, *SYSTEM_FONT_CACHES]) == []
    # Preview: the case file (open, read, close) and the log; the PDF itself stays in memory.
    preview_allowed = scene.case_files() | scene.log_files() | scene.folders()
    assert (
        outside(by_step["preview"], preview_allowed, prefixes=[scene.cache, *SYSTEM_FONT_CACHES])
        == []
    )
    assert str(scene.casefile) in {p for a in by_step["preview"] for p in a.paths}  # control
    # Print: exactly the file the DPO chose in the print dialog (and nothing else).
    assert (
        outside(by_step["print"], {str(printed)}, prefixes=[scene.cache, *SYSTEM_FONT_CACHES]) == []
    )
    assert str(printed) in {p for a in by_step["print"] for p in a.paths}  # control
    assert (
        outside(by_step["end"], scene.log_files(), prefixes=[scene.cache, *SYSTEM_FONT_CACHES])
        == []
    )
    # Nothing in temp folders, home or the XDG folders other than the cache (all fresh).
    for folder in ("tmp", "user-home", "xdg-config", "xdg-data", "xdg-state", "xdg-runtime"):
        assert list((scene.root / folder).iterdir()) == [], folder


EXPORT_STEPS = (
    ("summary-pdf", "summary.pdf", ["export", "summary", "{case}", "-o", "{out}"]),
    ("summary-json", "summary.json", ["export", "summary", "{case}", "-o", "{out}"]),
    ("register-csv", "register.csv", ["export", "register", "-o", "{out}"]),
    ("register-json", "register.json", ["export", "register", "-o", "{out}", "--pseudonymise"]),
    ("stats-pdf", "stats.pdf", ["export", "stats", "--year", "2026", "-o", "{out}"]),
    ("ics", "deadlines.ics", ["export", "ics", "-o", "{out}"]),
)
XLSX_STEP = ("register-xlsx", "register.xlsx", ["export", "register", "-o", "{out}"])


def check_exports(scene: Scene, export_steps: tuple[tuple[str, str, list[str]], ...]) -> None:
    """Run ``export_steps`` in one traced child and hold each to its own allow-list."""
    steps = []
    for step, name, args in export_steps:
        target = scene.out / name
        argv = ["--file", str(scene.casefile)] + [
            a.format(case=scene.case_id, out=target) for a in args
        ]
        steps.append((step, argv))
    log = scene.root / "exports.strace"
    out = traced(
        [sys.executable, "-c", EXPORTS, json.dumps(steps)], log, env=scene.env(), cwd=scene.root
    )
    codes = json.loads(out.strip().splitlines()[-1])
    assert codes == {step: 0 for step, _name, _args in export_steps}
    trace = parse_trace(log.read_text(errors="replace"), scene.root)
    report("exports", trace)
    assert trace.steps == ["start", *(step for step, _n, _a in export_steps), "end"]
    assert outside([a for a in trace.writes if a.step in ("start", "end")], set()) == []
    common = scene.case_files() | scene.log_files() | scene.folders()
    for step, name, _args in export_steps:
        target = scene.out / name
        writes = [a for a in trace.writes if a.step == step]
        # The case file, the log, the destination and its atomic temp sibling; nothing else.
        assert outside(writes, common | {str(target)}, [export_temp(target)]) == [], step
        touched = {p for a in writes for p in a.paths}
        assert str(target) in touched and str(scene.casefile) in touched, step  # control
        assert any(export_temp(target).fullmatch(p) for p in touched), step  # atomic, via temp
        assert target.stat().st_size > 0
    assert sorted(p.name for p in scene.out.iterdir()) == sorted(n for _s, n, _a in export_steps)
    for folder in ("tmp", "user-home", "xdg-config", "xdg-data", "xdg-state", "xdg-runtime"):
        assert list((scene.root / folder).iterdir()) == [], folder


def test_exports_write_only_their_destination(scene: Scene) -> None:
    check_exports(scene, EXPORT_STEPS)


def test_xlsx_register_export_writes_only_its_destination(scene: Scene) -> None:
    """The workbook is assembled in memory (XlsxWriter ``in_memory``; openpyxl, used before,
    spooled every worksheet to a temporary file in $TMPDIR, which this test caught)."""
    check_exports(scene, (XLSX_STEP,))


# --- the parser itself ---------------------------------------------------------------------------


def test_the_parser_sees_what_strace_writes(tmp_path: Path) -> None:
    """Resolved dirfds, relative names, split calls, renames, mkdir, and what counts as a write."""
    text = "\n".join(
        [
            '10 openat(AT_FDCWD</w>, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 3</etc/hosts>',
            '10 openat(AT_FDCWD</w>, "rel/a.txt", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4</w/rel/a.txt>',
            '10 openat(5</data/dir>, "b", O_RDWR|O_CLOEXEC <unfinished ...>',
            '11 mkdir("/data/new", 0700) = 0',
            "10 <... openat resumed>) = 6</data/dir/b>",
            '11 mkdir("/data/old", 0700) = -1 EEXIST (File exists)',
            '12 openat(AT_FDCWD</w>, "/nonexistent-dpo-desk-trace-mark/next", O_RDONLY) = -1 ENOENT',
            '12 renameat2(AT_FDCWD</w>, "x.partial", AT_FDCWD</w>, "x", RENAME_NOREPLACE) = 0',
            '12 rename("/q/\\"odd\\".tmp", "/q/odd") = 0',
            '12 open("/q/c", O_WRONLY|O_APPEND) = -1 EACCES (Permission denied)',
            "12 +++ exited with 0 +++",
        ]
    )
    trace = parse_trace(text, Path("/w"))
    assert trace.steps == ["start", "next"]
    assert [(a.step, a.paths) for a in trace.writes] == [
        ("start", ("/w/rel/a.txt",)),
        ("start", ("/data/new",)),
        ("start", ("/data/dir/b",)),
        ("next", ("/w/x.partial", "/w/x")),
        ("next", ('/q/"odd".tmp', "/q/odd")),
        ("next", ("/q/c",)),
    ]
    assert "/etc/hosts" in trace.opened and trace.calls == 9
