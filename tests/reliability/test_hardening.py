"""Design rules 1 and 9: a hardened process, private files, and logs without personal data.

- A ``dpo-desk`` started through the real entry point (``dpo_desk.cli.main``) from a parent whose
  umask is 000 and whose core limit is unlimited runs with umask 077 and a core limit of 0, seen
  from outside in ``/proc/<pid>/status`` and ``/proc/<pid>/limits`` while it waits for its
  passphrase, and says so itself in ``dpo-desk check --json`` (``process``: umask, core limit,
  not dumpable).
- Everything a run of real commands makes under that umask 000 is private: the case file, its
  WAL, WAL index, lock and id sidecar (caught while the file is open), a backup, exports, the log
  (0600) and every folder DPO Desk made (the case file's new folders, DPO_DESK_HOME, logs: 0700).
- The redacting filter masks e-mail addresses and long digit runs, withholds free-text
  arguments, keeps ids, codes and ``safe()`` values, and drops exception messages but keeps
  their frames; the log handler writes 0600 files (rotated too) and swallows a failing disk.
- A run of real CLI commands with canary names — successes, refusals that quote the canary in
  their message, a bug whose message carries case data, an importer bug — leaves no canary in
  the log (any byte form), while the log does record each command, each refusal and the bugs'
  frames.
"""

from __future__ import annotations

import email.message
import errno
import json
import logging
import os
import resource
import secrets
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.cli import selftest
from dpo_desk.hardening import (
    WITHHELD,
    PrivateRotatingFileHandler,
    RedactingFilter,
    configure_logging,
    current_report,
    harden_process,
    log_session,
    safe,
)

from .support import CLI, canary, files_under, new_raw_key, scan_files

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

KEY = new_raw_key()
SECRET = recovery_key_text(KEY)


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DPO_DESK_PASSPHRASE", "DPO_DESK_DEBUG")
    }
    env.update(
        DPO_DESK_HOME=str(home),
        DPO_DESK_TODAY="2026-03-02",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        **extra,
    )
    return env


def _permissive() -> None:
    """In the child before exec: the loosest start a parent could give (the umask is set by
    ``Popen(umask=0)``)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _proc_status(pid: int) -> tuple[int | None, str | None]:
    """(umask, "soft hard" core limit) of a running process, from /proc."""
    umask = None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Umask:"):
                umask = int(line.split()[1], 8)
        for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
            if line.startswith("Max core file size"):
                fields = line.split()
                return umask, f"{fields[4]} {fields[5]}"
    except OSError:
        pass
    return umask, None


# --- the process ---------------------------------------------------------------------------------


@linux_only
def test_a_cli_child_is_hardened_seen_from_outside(tmp_path: Path) -> None:
    path = tmp_path / "case" / "case.dpodesk"
    CaseFile.create(path, KEY).casefile.close()
    proc = subprocess.Popen(
        [*CLI, "--file", str(path), "--passphrase-stdin", "check", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path / "home"),
        umask=0,
        preexec_fn=_permissive,
    )
    try:
        # before main() runs: what the parent gave it
        start_umask, start_core = _proc_status(proc.pid)
        deadline = time.monotonic() + 30
        seen: tuple[int | None, str | None] = (None, None)
        while time.monotonic() < deadline:  # main() hardens first, then waits for stdin
            seen = _proc_status(proc.pid)
            if seen == (0o077, "0 0"):
                break
            time.sleep(0.02)
        out, err = proc.communicate(SECRET + "\n", timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert seen == (0o077, "0 0"), f"seen from outside: umask/core {seen}"
    assert start_umask in (0, 0o077)  # 0 when caught before main() (usual), else already done
    assert start_core is not None
    assert proc.returncode in (0, 1), err
    report = json.loads(out)
    assert report["process"] == {
        "umask": "0077",
        "core_limit": [0, 0],
        "dumpable": False,
        "core_dumps_off": True,
        "notes": [],
        "ok": True,
    }
    process = [f for f in report["findings"] if f["code"] == "process"]
    assert process and process[0]["severity"] == "ok"
    assert "umask 0077, core dumps off" in process[0]["message"]


#: ``dpo-desk`` commands through ``main()`` in one child; file modes are read just before each
#: ``CaseFile.close`` (while the WAL, WAL index and lock exist).
MODES_CHILD = r"""
import json, os, stat, sys
from dpo_desk.casefile import store
seen = {}
real_close = store.CaseFile.close
def close(self):
    if self.db is not None:
        for p in self.path.parent.iterdir():
            seen[p.name] = stat.S_IMODE(p.lstat().st_mode)
    real_close(self)
store.CaseFile.close = close
from dpo_desk.cli import main
codes = [main(argv) for argv in json.loads(sys.argv[1])]
print(json.dumps({"codes": codes, "open": seen}))
"""


@linux_only
def test_everything_the_cli_makes_is_private_under_umask_000(tmp_path: Path) -> None:
    # the control: under this parent's umask 000, an unhardened child makes world-writable files
    subprocess.run(
        [sys.executable, "-c", f"open({str(tmp_path / 'control')!r}, 'w').close()"],
        umask=0,
        check=True,
    )
    assert stat.S_IMODE((tmp_path / "control").stat().st_mode) == 0o666

    path = tmp_path / "new" / "deeper" / "case.dpodesk"  # folders DPO Desk must make itself
    home = tmp_path / "dpo-home"  # does not exist yet either
    exports = tmp_path / "exports"
    exports.mkdir()
    exports.chmod(0o777)  # a permissive folder chosen by the DPO: the files stay private
    file = ["--file", str(path)]
    runs = [
        [*file, "init"],
        [*file, "controller", "add", "--slug", "acme", "--name", "Acme", "--jurisdiction", "KG"],
        [
            *file,
            "case",
            "add",
            "--controller",
            "acme",
            "--kind",
            "access",
            "--channel",
            "post",
            "--received",
            "2026-03-01",
            "--subject-name",
            "Dana Test",
            "--subject-address",
            "1 Main Street",
        ],  # fmt: skip
        [*file, "case", "note", "1", "called back"],
        [*file, "backup", str(exports / "backup.dpodesk")],
        [*file, "export", "register", "-o", str(exports / "register.csv")],
        [*file, "export", "summary", "1", "-o", str(exports / "summary.pdf")],
        [*file, "export", "ics", "-o", str(exports / "deadlines.ics")],
    ]
    proc = subprocess.run(
        [sys.executable, "-c", MODES_CHILD, json.dumps(runs)],
        env=_env(home, DPO_DESK_PASSPHRASE=SECRET),
        capture_output=True,
        text=True,
        umask=0,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["codes"] == [0] * len(runs), proc.stderr

    while_open = result["open"]
    for name in ("case.dpodesk", "case.dpodesk-wal", "case.dpodesk.lock", "case.dpodesk.id"):
        assert name in while_open, sorted(while_open)
    assert {name: oct(mode) for name, mode in while_open.items() if mode != 0o600} == {}

    made = list(files_under([tmp_path / "new", home, exports]))
    names = {p.name for p in made}
    assert {"case.dpodesk", "case.dpodesk.lock", "case.dpodesk.id", "dpo-desk.log"} <= names
    assert {"backup.dpodesk", "register.csv", "summary.pdf", "deadlines.ics"} <= names
    loose = {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in made}
    assert {p: m for p, m in loose.items() if m != oct(0o600)} == {}
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper", home, home / "logs"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_harden_process_reports_what_it_set() -> None:
    report = harden_process()
    assert report == current_report()
    if os.name == "posix":
        assert report.umask == 0o077 and report.private_umask
        assert report.core_limit == (0, 0) and report.core_dumps_off and report.ok
        assert os.umask(0o077) == 0o077
    if sys.platform.startswith("linux"):
        assert report.dumpable is False
    assert report.to_dict()["ok"] is report.ok
    assert "umask 0077, core dumps off" in report.describe()


def test_the_self_test_reports_the_hardening(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse
    import io

    from dpo_desk.cli.context import CliContext

    monkeypatch.setattr(selftest, "run_qt_checks", lambda: [])  # Qt has its own tests
    ctx = CliContext(argparse.Namespace(json=True, self_test=True, command=None))
    ctx.stdout = io.StringIO()
    selftest.run_self_test(ctx)
    report = json.loads(ctx.stdout.getvalue())
    assert report["process"]["umask"] == "0077" and report["process"]["core_dumps_off"] is True
    assert report["checks"]["python"]["ok"] is True
    assert "umask 0077, core dumps off" in report["checks"]["python"]["detail"]


# --- the redacting filter ------------------------------------------------------------------------


def _format(msg: str, *args: object, exc: bool = False) -> str:
    """The line a record becomes after the filter (through a normal formatter)."""
    record = logging.LogRecord("dpo_desk.test", logging.INFO, __file__, 1, msg, args, None)
    if exc:
        try:
            _raise_with_personal_data()
        except ValueError:
            record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record) is True
    return logging.Formatter("%(message)s").format(record)


#: Case data an exception may carry at run time (the frames show source lines, not values).
PERSONAL = ("Иван Петров", "ivan.petrov@example.kg", "passport AN 4509123")


def _raise_with_personal_data() -> None:
    raise ValueError(", ".join(PERSONAL))


def test_the_filter_masks_emails_and_long_digit_runs_everywhere() -> None:
    line = _format("mail from ivan.petrov@example.kg about passport AN 4509123")
    assert line == "mail from [email] about passport AN [number]"
    assert "[number]" in _format("phone +7 701 123 45 67")
    assert "[number]" in _format("card 4509-1234-5678-9012")
    assert _format("case 42 of 2026, step 7") == "case 42 of 2026, step 7"  # short ids stay
    assert _format("sender %s", safe("a@b.example")) == "sender [email]"  # even when safe()


def test_the_filter_withholds_free_text_arguments_and_keeps_codes() -> None:
    assert _format("subject %s", "Иван Петров") == f"subject {WITHHELD}"
    assert _format("subject %s", "aigerim") == f"subject {WITHHELD}"  # a name typed lower-case
    assert _format("file %s", "Petrov passport.pdf") == f"file {WITHHELD}"
    assert _format("address %s", "Chui Ave 1, Bishkek") == f"address {WITHHELD}"
    assert _format("%(who)s wrote", {"who": "Dana"}) == f"{WITHHELD} wrote"
    kept = _format("%s %s %s %d %s", "export.register", "KeyError", "in_progress", 42, None)
    assert kept == "export.register KeyError in_progress 42 None"
    assert _format("refused: %s", "DiskFull") == f"refused: {WITHHELD}"  # CamelCase: a name?
    assert _format("refused: %s", safe("DiskFull")) == "refused: DiskFull"
    assert _format("locking (%s)", safe("idle")) == "locking (idle)"
    assert _format("bus %s", "org.freedesktop.login1.Manager, org.gnome.ScreenSaver") == (
        "bus org.freedesktop.login1.Manager, org.gnome.ScreenSaver"
    )
    assert _format("object %s", object()) == f"object {WITHHELD}"


def test_the_filter_drops_exception_messages_but_keeps_frames() -> None:
    line = _format("import failed", exc=True)
    assert "_raise_with_personal_data" in line and "test_hardening.py" in line
    assert "builtins.ValueError (message withheld)" in line
    assert "Иван" not in line and "example.kg" not in line and "4509123" not in line


def test_the_log_file_is_private_rotates_private_and_survives_a_full_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "logs" / "dpo-desk.log"
    with log_session(path) as where:
        assert where == path
        assert not path.exists()  # created on the first record, not before
        logging.getLogger("dpo_desk.test").warning("one %s", safe("event"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        handler = next(
            h
            for h in logging.getLogger("dpo_desk").handlers
            if isinstance(h, PrivateRotatingFileHandler) and h.baseFilename == str(path)
        )
        handler.doRollover()
        logging.getLogger("dpo_desk.test").warning("two")
        for rotated in (path, path.with_name("dpo-desk.log.1")):
            assert stat.S_IMODE(rotated.stat().st_mode) == 0o600

        class FullDisk:
            def write(self, _text: str) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            def flush(self) -> None:
                pass

        real, handler.stream = handler.stream, FullDisk()
        try:
            logging.getLogger("dpo_desk.test").error("three")  # neither raises nor prints
            assert handler.dropped == 1
        finally:
            handler.stream = real
        real_flush = real.flush

        def full_flush() -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        real.write("buffered, never to reach the disk\n")
        real.flush = full_flush  # what is left in the buffer meets a full disk at close
    # the session closed the handler: no exception, no traceback on stderr
    real.flush = real_flush
    assert handler.dropped >= 2
    assert capsys.readouterr().err == ""
    assert not [h for h in logging.getLogger("dpo_desk").handlers if h is handler]
    assert (
        "one event" in path.read_text()
        or "one event" in path.with_name("dpo-desk.log.1").read_text()
    )


def test_configure_logging_is_idempotent_and_a_session_leaves_an_existing_handler(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dpo-desk.log"
    first = configure_logging(path)
    try:
        assert configure_logging(path) is first
        with log_session(path):
            pass
        assert first in logging.getLogger("dpo_desk").handlers  # not the session's to remove
    finally:
        logging.getLogger("dpo_desk").removeHandler(first)
        first.close()


# --- canaries through the real CLI ---------------------------------------------------------------

#: ``dpo-desk`` commands through ``main()`` in one child, with two bugs planted: ``case list``
#: raises with case data in its message, and the importer fails on one message the same way.
CANARY_CHILD = r"""
import contextlib, io, json, sys
from dpo_desk.cli import casefile_cmds
from dpo_desk.intake import service
spec = json.loads(sys.argv[1])

def boom_in_case_list(args, ctx):
    raise RuntimeError(spec["bug_message"])

casefile_cmds.cmd_case_list = boom_in_case_list
real_import_email = service.import_email

def import_email(cf, parsed, *args, **kwargs):
    if spec["bug_subject"] in parsed.subject:
        raise KeyError(spec["bug_message"])
    return real_import_email(cf, parsed, *args, **kwargs)

service.import_email = import_email
from dpo_desk.cli import main
results = []
for argv in spec["runs"]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    results.append({"code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""


def _eml(path: Path, sender: str, address: str, subject: str, body: str, msg_id: str) -> Path:
    message = email.message.EmailMessage()
    message["From"] = f"{sender} <{address}>"
    message["To"] = "dpo@acme.example"
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Message-ID"] = f"<{msg_id}@example.org>"
    message.set_content(body)
    path.write_bytes(bytes(message))
    return path


def test_real_cli_commands_leave_no_canary_in_the_log(tmp_path: Path) -> None:
    c = {
        "name": canary("Aigerim"),
        "sender": canary("Bakyt"),
        "controller": canary("Astrum"),
        "address": canary("Chui"),
        "note": canary("Note"),
        "subject": canary("Subject"),
        "reason": canary("Reason"),
        "file": canary("Scan"),
        "bug": canary("Bug"),
    }
    c["email"] = f"{c['name'].lower()}@example.kg"
    c["sender_email"] = f"{c['sender'].lower()}@example.org"
    c["phone"] = f"+996 555 {secrets.randbelow(900) + 100} {secrets.randbelow(900) + 100}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = _eml(
        inbox / f"{c['file']}.eml",
        c["sender"],
        c["sender_email"],
        f"Access request {c['subject']}",
        "Please give me a copy of my personal data.",
        "good",
    )
    buggy = _eml(
        inbox / "second.eml",
        c["sender"],
        c["sender_email"],
        f"Erasure {c['bug']}",
        "Please erase my data.",
        "buggy",
    )
    home = tmp_path / "home"
    exports = tmp_path / f"exports-{c['file']}"
    exports.mkdir()
    file = ["--file", str(tmp_path / "case" / "case.dpodesk")]
    runs = [
        [*file, "init"],
        [
            *file,
            "controller",
            "add",
            "--slug",
            "acme",
            "--name",
            c["controller"],
            "--email",
            "dpo@acme.example",
            "--jurisdiction",
            "KG",
            "--address",
            c["address"],
        ],  # fmt: skip
        [
            *file,
            "case",
            "add",
            "--controller",
            "acme",
            "--kind",
            "access",
            "--channel",
            "email",
            "--received",
            "2026-03-01",
            "--subject-name",
            c["name"],
            "--subject-email",
            c["email"],
            "--subject-address",
            c["address"],
            "--subject-phone",
            c["phone"],
        ],  # fmt: skip
        [*file, "case", "note", "1", f"{c['note']} called {c['phone']}"],
        [*file, "case", "status", "1", c["reason"]],  # refused: unknown status, quoted back
        [*file, "case", "show", c["name"]],  # refused: not found, quoted back
        [*file, "import", str(inbox / f"{c['name']}.eml")],  # refused: no such file
        [*file, "import", str(good), str(buggy)],  # one case, one importer bug
        [*file, "case", "list"],  # the planted bug, with case data in its message
        [*file, "export", "register", "-o", str(exports / f"{c['name']}.csv")],
    ]
    spec = {"runs": runs, "bug_message": f"{c['name']} {c['email']} {c['phone']} {c['bug']}",
            "bug_subject": c["bug"]}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", CANARY_CHILD, json.dumps(spec)],
        env=_env(home, DPO_DESK_PASSPHRASE=SECRET),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    codes = [r["code"] for r in results]
    assert codes == [0, 0, 0, 0, 2, 2, 2, 0, 70, 0], [r["err"] for r in results]
    assert "Traceback" not in results[8]["err"] and "bug in DPO Desk" in results[8]["err"]
    assert "error" in results[7]["out"] and "Unexpected error (KeyError)" in results[7]["out"]
    # The refusals did quote the canaries to the DPO (their own terminal), so the log could have.
    assert c["reason"] in results[4]["err"] and c["name"] in results[5]["err"]

    logs = list(files_under([home / "logs"]))
    assert [p.name for p in logs] == ["dpo-desk.log"]
    text = logs[0].read_text(encoding="utf-8")
    # What the log must say: each command, each refusal by type, the bugs with their frames.
    assert "command case add: exit 0" in text
    assert "command case status refused: InvalidInput" in text
    assert "command case show refused: NotFound" in text
    assert "command case list stopped by a bug: builtins.RuntimeError" in text
    assert "boom_in_case_list" in text and "builtins.RuntimeError (message withheld)" in text
    assert "unexpected error while importing a message (KeyError)" in text
    assert "import_email" in text and "builtins.KeyError (message withheld)" in text
    canaries = {**c, "phone digits": c["phone"].replace(" ", "")}
    hits, files, size = scan_files(logs, canaries)
    assert files == 1 and size > 0
    assert hits == [], [str(h) for h in hits]
