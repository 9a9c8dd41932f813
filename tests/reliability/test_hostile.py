"""Target 9: the hostile set, each input through the entry point the DPO uses.

- Emails and mailboxes go through ``intake.service.import_files`` into a real case file;
- postal scans through ``intake.service.log_postal`` (the scan checks run before anything is
  stored);
- signed files through ``services.identity.verify_signature`` on an attachment stored in a case
  (the signature check the DPO starts from a case; its report is recorded).

Every input runs in a child process that opens the case file with its key, then calls the entry
point under ``signal.alarm(10)`` — a hang guard, not a performance assertion — with its address
space capped at 1 GiB (``RLIMIT_AS``) so a bomb cannot take the machine down with it. The child's
working directory and ``TMPDIR`` are empty folders of their own.

Pass, for every input: the entry point returns or raises a ``KnownError`` (nothing else escapes,
no hang, no ``MemoryError``); what is refused carries one sentence a DPO can read (no traceback,
no "Unexpected error"); what is accepted is accepted safely (attachment names that are never a
path, bombs stored as bytes and never inflated); the case file passes ``integrity_check`` and
``cipher_integrity_check`` and its audit chain verifies; and no file appears anywhere but the
case file, its WAL/SHM, lock and id sidecar. The slow variant adds the inputs that are costly to
build (a 600 MB one-line mailbox, 16-bit and multi-page images at the pixel cap). Each input
prints a ``RELIABILITY hostile ...`` line (time, peak RSS, the DPO's reason) for the docs.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import AttachmentRole, Case, Channel, ControllerId, DataSubject
from dpo_desk.core.model import RequestKind as Kind

from .support import add_controller, new_raw_key

HANG_BOUND = 10  # seconds, per input (signal.alarm in the child)
MEMORY_CAP = 1 << 30  # RLIMIT_AS of the child
CASE_FILES = [f"case.dpodesk{suffix}" for suffix in ("", "-wal", "-shm", ".lock", ".id")]
MiB = 1 << 20


# --- building hostile bytes ------------------------------------------------------------------


def deflate_bomb(total: int, fill: bytes = b"\0") -> bytes:
    """A zlib stream inflating to ``total`` bytes of ``fill``: ~1 kB per MiB, built in a blink
    (one fully flushed block repeated; the Adler-32 is computed over the real output)."""
    chunk = fill * MiB
    comp = zlib.compressobj(9)
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == block  # a full flush forgets the history: every block is the same
    adler = 1
    for _ in range(total // MiB):
        adler = zlib.adler32(chunk, adler)
    return first[:2] + block * (total // MiB) + b"\x03\x00" + adler.to_bytes(4, "big")


def png(width: int, height: int, idat: bytes, *, bit_depth: int = 8, color: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, bit_depth, color, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def png_pixels(width: int, height: int, bytes_per_pixel: int) -> bytes:
    """IDAT data for a real ``width`` × ``height`` image of black pixels (filter byte per row)."""
    comp = zlib.compressobj(9)
    row = b"\0" * (1 + width * bytes_per_pixel)
    return b"".join(comp.compress(row) for _ in range(height)) + comp.flush()


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header claims ``width`` × ``height``."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (16, 16)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def classic_pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF with a classic cross-reference table; object n is ``objects[n - 1]``."""
    body = b"%PDF-1.7\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref_at = len(body)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return (
        body
        + xref
        + b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n"
        % (
            len(objects) + 1,
            trailer,
            xref_at,
        )
    )


def stream(entries: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (entries, len(data)) + data + b"\nendstream"


def objstm_pdf(inner: list[bytes], *, padding: int = 0, length_inside: bool = False) -> bytes:
    """Objects 1..n live in a compressed object stream (n + 1), indexed by an xref stream.

    ``padding``: that many MiB-blocks of spaces follow the objects inside the stream (a bomb).
    ``length_inside``: the stream's own /Length is an object stored in that same stream.
    """
    n = len(inner)
    header, payload = b"", b""
    for number, content in enumerate(inner, start=1):
        header += b"%d %d " % (number, len(payload))
        payload += content + b"\n"
    extra = [b"99"] if length_inside else []
    if length_inside:
        header += b"%d %d " % (n + 2, len(payload))
        payload += b"99\n"
    raw = header + payload
    comp = zlib.compressobj(9)
    data = comp.compress(raw)
    if padding:
        data += comp.flush(zlib.Z_FULL_FLUSH)
        block = comp.compress(b" " * MiB) + comp.flush(zlib.Z_FULL_FLUSH)
        data += block * padding
    data += comp.flush()
    stm = n + 1
    entries = b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (
        n + len(extra),
        len(header),
    )
    body = b"%PDF-1.7\n"
    stm_at = len(body)
    if length_inside:
        body += b"%d 0 obj\n<< %s /Length %d 0 R >>\nstream\n" % (stm, entries, n + 2)
        body += data + b"\nendstream\nendobj\n"
    else:
        body += b"%d 0 obj\n" % stm + stream(entries, data) + b"\nendobj\n"
    xref_num = n + 2 + len(extra)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 2, stm, index) for index in range(n)]
    rows.append(struct.pack(">BIH", 1, stm_at, 0))
    rows += [struct.pack(">BIH", 2, stm, n) for _ in extra]
    xref_at = len(body)
    rows.append(struct.pack(">BIH", 1, xref_at, 0))
    entries = b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (xref_num + 1)
    body += b"%d 0 obj\n" % xref_num + stream(entries, b"".join(rows)) + b"\nendobj\n"
    return body + b"startxref\n%d\n%%%%EOF\n" % xref_at


def xref_loop_pdf(objects: list[bytes]) -> bytes:
    """Two cross-reference sections whose /Prev point at each other."""
    body = b"%PDF-1.7\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    table = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    table += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    size = len(objects) + 1
    first_at = len(body)
    section = table + b"trailer\n<< /Size %d /Root 1 0 R /Prev %010d >>\n"
    second_at = first_at + len(section % (size, 0))
    return (
        body
        + section % (size, second_at)
        + section % (size, first_at)
        + b"startxref\n%d\n%%%%EOF\n" % first_at
    )


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
CATALOG_SIGNED = b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
SIG_FIELD = (
    b"<< /FT /Sig /T (Signature1) /V << /Type /Sig /Filter /Adobe.PPKLite"
    b" /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <3080> >> >>"
)
DEEP = 100_000


def _deep_arrays() -> bytes:
    return b"[" * DEEP + b"]" * DEEP


def _sig_field_with(byte_range: bytes) -> bytes:
    return SIG_FIELD.replace(b"[0 10 20 30]", byte_range)


HOSTILE_PDFS: dict[str, Callable[[bool], bytes]] = {
    # name -> build(signed): a scan for the postal entry, or with a signature field for identity
    "deflate bomb in a content stream (1 GiB)": lambda signed: classic_pdf(
        [
            CATALOG_SIGNED if signed else CATALOG,
            PAGES,
            PAGE.replace(b" >>", b" /Contents 5 0 R >>"),
            SIG_FIELD,
            stream(b"/Filter /FlateDecode", deflate_bomb(1024 * MiB)),
        ]
    ),
    "object stream bomb (1 GiB)": lambda signed: objstm_pdf(
        [CATALOG_SIGNED if signed else CATALOG, PAGES, PAGE, SIG_FIELD], padding=1024
    ),
    "object stream holding its own /Length": lambda signed: objstm_pdf(
        [CATALOG_SIGNED if signed else CATALOG, PAGES, PAGE, SIG_FIELD], length_inside=True
    ),
    "cross-reference loop (/Prev)": lambda signed: xref_loop_pdf(
        [CATALOG_SIGNED if signed else CATALOG, PAGES, PAGE, SIG_FIELD]
    ),
    "reference loop": lambda signed: classic_pdf(
        [
            CATALOG_SIGNED if signed else CATALOG,
            PAGES,
            PAGE.replace(b"[0 0 595 842]", b"5 0 R"),
            _sig_field_with(b"5 0 R"),
            b"6 0 R",
            b"5 0 R",
        ]
    ),
    "page tree loop": lambda signed: classic_pdf(
        [
            CATALOG_SIGNED if signed else CATALOG,
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            PAGE,
            SIG_FIELD.replace(b"/FT /Sig", b"/FT /Sig /Kids [4 0 R] /Parent 4 0 R"),
        ]
    ),
    "arrays nested 100,000 deep": lambda signed: classic_pdf(
        [
            CATALOG_SIGNED if signed else CATALOG,
            PAGES,
            PAGE.replace(b"[0 0 595 842]", _deep_arrays()),
            _sig_field_with(_deep_arrays()),
        ]
    ),
}


# --- emails ----------------------------------------------------------------------------------


def email_bytes(
    body: str | bytes,
    *,
    content_type: str = "text/plain; charset=utf-8",
    headers: str = "",
    tag: str = "1",
) -> bytes:
    head = (
        f"From: Requester {tag} <r{tag}@example.org>\r\nTo: dpo@astrum.example\r\n"
        f"Subject: Data access request {tag}\r\nDate: Fri, 20 Nov 2026 09:00:00 +0000\r\n"
        f"Message-ID: <hostile-{tag}@example.org>\r\nMIME-Version: 1.0\r\n{headers}"
        f"Content-Type: {content_type}\r\n\r\n"
    ).encode()
    return head + (body.encode("utf-8") if isinstance(body, str) else body)


REQUEST = "Please give me a copy of the personal data you hold about me (Article 15 GDPR).\r\n"


def deep_mime(depth: int) -> bytes:
    """Multiparts nested ``depth`` deep, an S/MIME signed part at the bottom."""
    body = (
        'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; '
        'boundary="sig"\r\n\r\n--sig\r\nContent-Type: text/plain\r\n\r\n'
        + REQUEST
        + "--sig\r\nContent-Type: application/pkcs7-signature\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQE=\r\n--sig--\r\n"
    )
    for level in range(depth):
        body = (
            f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n'
            f"--b{level}\r\n{body}\r\n--b{level}--\r\n"
        )
    head, _, rest = body.partition("\r\n\r\n")
    return email_bytes(rest, content_type=head.removeprefix("Content-Type: "))


def many_parts(count: int) -> bytes:
    parts = "".join(f"--B\r\nContent-Type: text/plain\r\n\r\npart {n}\r\n" for n in range(count))
    return email_bytes(REQUEST + parts + "--B--\r\n", content_type='multipart/mixed; boundary="B"')


TRAVERSAL_NAMES = [
    'filename="../../etc/passwd"',
    'filename="C:\\\\..\\\\..\\\\Windows\\\\win.ini"',
    "filename*=utf-8''..%2F..%2F..%2Fhome%2Fdpo%2F.bashrc",
    "filename*=utf-8''evil%00.pdf",
    "filename*=utf-8''%E2%80%AEfdp.exe",
    'filename="CON.pdf"',
    'filename="nul"',
    'filename="LPT1.txt"',
    'filename="...."',
    'filename="/absolute/path.pdf"',
]


def traversal_email() -> bytes:
    parts = [f"--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{REQUEST}"]
    for n, name in enumerate(TRAVERSAL_NAMES):
        parts.append(
            "--B\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Disposition: attachment; {name}\r\n\r\n"
            + base64.b64encode(f"payload {n}".encode()).decode()
            + "\r\n"
        )
    return email_bytes("".join(parts) + "--B--\r\n", content_type='multipart/mixed; boundary="B"')


def big_email(tag: str, attachment_bytes: int, *, one_line: bool = False) -> Iterator[bytes]:
    """A request with an attachment of ``attachment_bytes`` zero bytes, base64 in 76-character
    lines or as one line; yielded in pieces so a test never holds hundreds of MB at once."""
    head = (
        f"--B\r\nContent-Type: text/plain\r\n\r\n{REQUEST}--B\r\n"
        "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        'Content-Disposition: attachment; filename="scan.pdf"\r\n\r\n'
    ).encode()
    yield email_bytes(head, content_type='multipart/mixed; boundary="B"', tag=tag)
    encoded = attachment_bytes // 3 * 4  # base64 of zero bytes is all "A"
    line = b"A" * 76 + b"\r\n"
    piece = b"A" * MiB if one_line else line * (MiB // len(line))
    step = MiB if one_line else (MiB // len(line)) * 76
    for _ in range(encoded // step):
        yield piece
    rest = encoded % step
    yield b"A" * rest if one_line else line * (rest // 76) + b"A" * (rest % 76)
    yield b"\r\n--B--\r\n"


def write_mbox(path: Path, *messages: bytes | Iterable[bytes]) -> Path:
    """An mbox of ``messages`` (bytes, or pieces of one message), written as it is built."""
    with open(path, "wb") as fh:
        for message in messages:
            fh.write(b"From r@example.org Fri Nov 20 09:00:00 2026\n")
            for piece in [message] if isinstance(message, bytes) else message:
                fh.write(piece.replace(b"\r\n", b"\n"))
            fh.write(b"\n")
    return path


# --- the child -------------------------------------------------------------------------------

CHILD = r"""
import json, os, resource, signal, sys, time
spec = json.loads(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (spec["memory"], spec["memory"]))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
from datetime import date
from pathlib import Path
from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import KnownError

TODAY = date(2026, 11, 23)

class Hang(BaseException):
    pass

def _alarm(signum, frame):
    raise Hang()

def run_import(cf):
    from dpo_desk.intake.service import ImportOptions, import_files
    options = ImportOptions(controller_slug="astrum-oyun")
    outcomes = import_files(cf, [Path(spec["input"])], TODAY, options)
    return {"outcomes": [o.to_dict() for o in outcomes]}

def run_postal(cf):
    from dpo_desk.core.model import DataSubject, RequestKind
    from dpo_desk.intake.service import Scan, log_postal
    scan = Scan(spec["name"], Path(spec["input"]).read_bytes())
    case = log_postal(
        cf, controller=cf.controllers.by_slug("astrum-oyun"),
        subject=DataSubject(name="Postal Requester"), kinds=[RequestKind.ACCESS],
        received=TODAY, today=TODAY, scans=[scan],
    )
    return {"case_id": case.id}

def run_verify(cf):
    from dpo_desk.services.identity import verify_signature
    report = verify_signature(cf, spec["case_id"], spec["attachment_id"], today=TODAY).report
    problems = [p for check in report.signatures for p in check.problems]
    return {"verdict": report.verdict, "reason": report.reason, "problems": problems}

if spec["entry"] == "verify":
    from dpo_desk.identity.signatures import verify_pdf
    verify_pdf(b"%PDF-1.7\n")  # load pyHanko outside the hang bound
cf = CaseFile.open(Path(spec["casefile"]), Key(raw=bytes.fromhex(spec["key"])))
signal.signal(signal.SIGALRM, _alarm)
started = time.perf_counter()
signal.alarm(spec["hang_bound"])
try:
    out = {"status": "returned", **globals()["run_" + spec["entry"]](cf)}
except Hang:
    out = {"status": "hang"}
except KnownError as exc:
    out = {"status": "refused", "type": type(exc).__name__, "reason": str(exc)}
except BaseException as exc:
    out = {"status": "escaped", "type": type(exc).__name__, "reason": str(exc)[:300]}
finally:
    signal.alarm(0)
out["seconds"] = time.perf_counter() - started
with open("/proc/self/status") as status:  # VmHWM: this process image's peak (ru_maxrss
    # would count the forked copy of pytest from before exec)
    hwm = [line for line in status if line.startswith("VmHWM:")]
out["peak_rss"] = int(hwm[0].split()[1]) * 1024 if hwm else 0
cf.close()
print("RESULT " + json.dumps(out), flush=True)
"""


@dataclass
class Scene:
    root: Path
    folder: Path  # the case file's folder
    casefile: Path
    key: Key
    inbox: Path  # the DPO's own files (input, not the app's output)
    cwd: Path
    tmp: Path
    home: Path
    extra: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def scene(tmp_path: Path, dpo_home: Path) -> Scene:
    folder = tmp_path / "cases"
    folder.mkdir(mode=0o700)
    key = new_raw_key()
    casefile = folder / "case.dpodesk"
    cf = CaseFile.create(casefile, key).casefile
    add_controller(cf)
    cf.close()
    dirs = [tmp_path / name for name in ("inbox", "cwd", "tmp")]
    for folder_ in dirs:
        folder_.mkdir()
    return Scene(tmp_path, folder, casefile, key, *dirs, home=dpo_home)


def _listing(scene: Scene) -> set[str]:
    found = set()
    for root in (scene.root, scene.home):
        for folder, _dirs, names in os.walk(root):
            for name in names:
                found.add(str(Path(folder, name)))
    return found


def _app_files(scene: Scene) -> set[str]:
    return {str(scene.folder / name) for name in CASE_FILES}


def run_child(scene: Scene, entry: str, **spec: Any) -> dict[str, Any]:
    before = _listing(scene)
    spec = {
        "entry": entry,
        "casefile": str(scene.casefile),
        "key": scene.key.raw.hex(),  # type: ignore[union-attr]
        "memory": MEMORY_CAP,
        "hang_bound": HANG_BOUND,
        **spec,
    }
    env = {**os.environ, "TMPDIR": str(scene.tmp), "TEMP": str(scene.tmp), "TMP": str(scene.tmp)}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(spec)],
        cwd=scene.cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_BOUND * 6,  # the backstop if the alarm cannot fire (stuck in C code)
        check=False,
    )
    lines = [x for x in child.stdout.splitlines() if x.startswith("RESULT ")]
    assert child.returncode == 0 and lines, (
        f"child died ({child.returncode}): {child.stderr[-2000:]}"
    )
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["status"] != "hang", f"{entry}: no answer within {HANG_BOUND} s"
    assert result["status"] != "escaped", f"{entry}: {result['type']} escaped: {result['reason']}"
    assert "Traceback" not in child.stderr, child.stderr[-2000:]

    new = _listing(scene) - before - _app_files(scene)
    assert not new, f"files written outside the case file: {sorted(new)}"
    assert not list(scene.tmp.iterdir()) and not list(scene.cwd.iterdir())
    with CaseFile.open(scene.casefile, scene.key) as cf:
        assert cf.integrity_check() == []
        assert cf.verify_audit().ok
    return result


def params(names: Any, fast: set[str]) -> list[Any]:
    """Every name; those not in ``fast`` run only with ``-m slow``."""
    assert fast <= set(names)
    return [
        pytest.param(name, id=name, marks=() if name in fast else pytest.mark.slow)
        for name in sorted(names)
    ]


def readable(reason: str) -> bool:
    """One or two sentences for a person: no traceback, no bug boundary, not empty, not huge."""
    text = reason.strip()
    return (
        bool(text)
        and len(text) <= 400
        and text[0].isupper()
        and text.endswith(".")
        and "Traceback" not in text
        and 'File "' not in text
        and "Unexpected error" not in text
    )


def report(name: str, result: dict[str, Any], reason: str) -> None:
    print(
        f"\nRELIABILITY hostile input={name!r} outcome={result['status']} "
        f"seconds={result['seconds']:.2f} peak_rss_mb={result['peak_rss'] / MiB:.0f} "
        f"reason={reason!r}"
    )


# --- emails through import_files ------------------------------------------------------------

REFUSED_EMAILS: dict[str, tuple[Callable[[], bytes], str]] = {
    "MIME nested 2,000 deep (S/MIME at the bottom)": (lambda: deep_mime(2000), "nested|parts"),
    "MIME nested 100 deep": (lambda: deep_mime(100), "nested"),
    "10,000 MIME parts": (lambda: many_parts(10_000), "parts"),
    "a 2 MB header field": (
        lambda: email_bytes(REQUEST, headers=f"X-Huge: {'a' * 2_000_000}\r\n"),
        "header",
    ),
    "a header block of 40,000 Received lines": (
        lambda: email_bytes(REQUEST, headers="Received: from x by y; 1 Jan 2026\r\n" * 40_000),
        "header",
    ),
}


@pytest.mark.parametrize(
    "name", params(REFUSED_EMAILS, {"MIME nested 100 deep", "a 2 MB header field"})
)
def test_hostile_email_is_refused_with_a_reason(scene: Scene, name: str) -> None:
    build, word = REFUSED_EMAILS[name]
    path = scene.inbox / "hostile.eml"
    path.write_bytes(build())

    result = run_child(scene, "import", input=str(path))

    (outcome,) = result["outcomes"]
    assert outcome["status"] == "error", outcome
    assert readable(outcome["reason"]), outcome["reason"]
    assert re.search(word, outcome["reason"].lower()), outcome["reason"]
    report(name, result, outcome["reason"])
    with CaseFile.open(scene.casefile, scene.key) as cf:
        assert cf.cases.list() == []  # nothing half-stored


def _is_safe_name(name: str) -> bool:
    stem = name.split(".")[0].upper()
    return (
        bool(name)
        and "/" not in name
        and "\\" not in name
        and not name.startswith(".")
        and ".." not in name
        and all(unicodedata.category(ch)[0] != "C" for ch in name)
        and stem not in {"CON", "PRN", "AUX", "NUL"}
        and not (stem[:3] in ("COM", "LPT") and stem[3:].isdigit())
    )


def test_traversal_attachment_names_are_made_safe(scene: Scene) -> None:
    path = scene.inbox / "names.eml"
    path.write_bytes(traversal_email())

    result = run_child(scene, "import", input=str(path))

    (outcome,) = result["outcomes"]
    assert outcome["status"] == "created", outcome
    with CaseFile.open(scene.casefile, scene.key) as cf:
        names = [
            a.filename
            for a in cf.attachments.for_case(outcome["case_id"])
            if a.role == AttachmentRole.EMAIL_PART
        ]
    assert len(names) == len(TRAVERSAL_NAMES), names
    unsafe = [n for n in names if not _is_safe_name(n)]
    assert not unsafe, unsafe
    report("path-traversal, NUL, RTL and device names", result, f"stored as {names}")
    assert not any(p.name in ("passwd", "win.ini", ".bashrc") for p in scene.root.rglob("*"))


@pytest.mark.slow
def test_mailbox_with_a_message_of_many_megabytes(scene: Scene) -> None:
    """60 MB (over the 50 MB limit) is refused alone; 30 MB is imported; the rest goes on."""
    path = write_mbox(
        scene.inbox / "big.mbox",
        email_bytes(REQUEST, tag="a"),
        big_email("b", 45 * MiB),
        big_email("c", 22 * MiB),
        email_bytes(REQUEST, tag="d"),
    )

    result = run_child(scene, "import", input=str(path))

    statuses = [o["status"] for o in result["outcomes"]]
    assert statuses == ["created", "error", "created", "created"], result["outcomes"]
    refused = result["outcomes"][1]["reason"]
    assert readable(refused) and "limit" in refused, refused
    report("mbox with a 60 MB message and a 30 MB one", result, refused)
    with CaseFile.open(scene.casefile, scene.key) as cf:
        sizes = [a.size for a in cf.attachments.for_case(result["outcomes"][2]["case_id"])]
    assert 22 * MiB // 3 * 3 in sizes  # the attachment, decoded


def _one_line_mailbox(scene: Scene, megabytes: int) -> dict[str, Any]:
    path = write_mbox(
        scene.inbox / "one-line.mbox",
        big_email("a", megabytes * MiB * 3 // 4, one_line=True),
        email_bytes(REQUEST, tag="b"),
    )
    result = run_child(scene, "import", input=str(path))
    statuses = [o["status"] for o in result["outcomes"]]
    assert statuses == ["error", "created"], result["outcomes"]
    assert readable(result["outcomes"][0]["reason"])
    report(
        f"mbox whose message is one {megabytes} MB line", result, result["outcomes"][0]["reason"]
    )
    return result


def test_mailbox_whose_message_is_one_huge_line(scene: Scene) -> None:
    _one_line_mailbox(scene, 55)


@pytest.mark.slow
def test_mailbox_whose_message_is_one_600_mb_line(scene: Scene) -> None:
    """Read in pieces: a line longer than memory allows is never held whole (the 1 GiB cap)."""
    result = _one_line_mailbox(scene, 600)
    assert result["peak_rss"] < 400 * MiB


# --- postal scans through log_postal ---------------------------------------------------------


@cache
def _png_bomb() -> bytes:
    return png(100_000, 100_000, deflate_bomb(64 * MiB))


@cache
def _png_100_mpx() -> bytes:
    return png(10_000, 10_000, png_pixels(10_000, 10_000, 1))


REFUSED_IMAGES: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "PNG bomb (100,000 × 100,000 declared)": (_png_bomb, "bomb.png", "enormous"),
    "100-megapixel PNG (real pixels)": (_png_100_mpx, "page.png", "megapixels|enormous"),
    "JPEG claiming 65,500 × 65,500": (lambda: jpeg_claiming(65_500, 65_500), "page.jpg", "size"),
}


def _postal(scene: Scene, name: str, data: bytes) -> dict[str, Any]:
    path = scene.inbox / name
    path.write_bytes(data)
    return run_child(scene, "postal", input=str(path), name=name)


@pytest.mark.parametrize(
    "name",
    params(
        REFUSED_IMAGES,
        {"PNG bomb (100,000 × 100,000 declared)", "100-megapixel PNG (real pixels)"},
    ),
)
def test_image_bomb_is_refused_with_a_reason(scene: Scene, name: str) -> None:
    build, filename, word = REFUSED_IMAGES[name]

    result = _postal(scene, filename, build())

    assert result["status"] == "refused", result
    assert readable(result["reason"]), result["reason"]
    assert re.search(word, result["reason"]), result["reason"]
    report(name, result, result["reason"])
    with CaseFile.open(scene.casefile, scene.key) as cf:
        assert cf.cases.list() == []


@pytest.mark.parametrize(
    "name", params(HOSTILE_PDFS, {"object stream bomb (1 GiB)", "reference loop"})
)
def test_hostile_pdf_scan_is_refused_or_kept_unread(scene: Scene, name: str) -> None:
    data = HOSTILE_PDFS[name](False)

    result = _postal(scene, "scan.pdf", data)

    if result["status"] == "refused":
        assert readable(result["reason"]), result["reason"]
        reason = result["reason"]
        with CaseFile.open(scene.casefile, scene.key) as cf:
            assert cf.cases.list() == []
    else:  # accepted: stored as the very bytes received, nothing inflated on the way
        with CaseFile.open(scene.casefile, scene.key) as cf:
            (attachment,) = cf.attachments.for_case(result["case_id"])
            assert cf.attachments.data(attachment.id) == data
        reason = "accepted; stored as received, never inflated"
    report(f"scan: {name}", result, reason)


def _slow_images() -> dict[str, tuple[Callable[[], bytes], str]]:
    def tiff_pages() -> bytes:
        from PIL import Image

        page = Image.new("L", (7680, 7680))
        out = io.BytesIO()
        page.save(
            out, "TIFF", compression="tiff_adobe_deflate", save_all=True, append_images=[page] * 9
        )
        return out.getvalue()

    return {
        "16-bit RGBA PNG at the pixel cap (59 Mpx)": (
            lambda: png(7680, 7680, png_pixels(7680, 7680, 8), bit_depth=16, color=6),
            "page.png",
        ),
        "10-page TIFF, every page at the pixel cap": (tiff_pages, "pages.tiff"),
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(_slow_images()))
def test_images_at_the_caps_are_handled_within_bounds(scene: Scene, name: str) -> None:
    build, filename = _slow_images()[name]

    result = _postal(scene, filename, build())

    reason = result.get("reason", "accepted")
    assert result["status"] == "returned" or readable(reason), result
    report(name, result, reason)


# --- identity: signature checks on stored attachments ----------------------------------------


def _store(scene: Scene, filename: str, media_type: str, data: bytes) -> tuple[int, int]:
    with CaseFile.open(scene.casefile, scene.key) as cf:
        ctl = cf.controllers.by_slug("astrum-oyun")
        assert ctl is not None and ctl.id is not None
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(ctl.id),
                subject=DataSubject(name="Signed Requester", email="r@example.org"),
                kinds=(Kind.ACCESS,),
                channel=Channel.EMAIL,
                received=date(2026, 11, 20),
            )
        )
        assert case.id is not None
        meta = cf.attachments.add(case.id, AttachmentRole.EMAIL_PART, filename, media_type, data)
    return case.id, meta.id


def _verify(scene: Scene, name: str, filename: str, media_type: str, data: bytes) -> None:
    case_id, attachment_id = _store(scene, filename, media_type, data)

    result = run_child(scene, "verify", case_id=case_id, attachment_id=attachment_id)

    assert result["status"] == "returned", result
    assert result["verdict"] != "valid", result
    reason = result["reason"] or (result["problems"] or [""])[0]
    assert readable(reason), result
    with CaseFile.open(scene.casefile, scene.key) as cf:
        (record,) = cf.identity.for_case(case_id)
        assert record.signature_report is not None  # the DPO sees the reason in the case
    report(f"signature check: {name}", result, f"{result['verdict']}: {reason}")


@pytest.mark.parametrize(
    "name", params(HOSTILE_PDFS, {"object stream bomb (1 GiB)", "cross-reference loop (/Prev)"})
)
def test_hostile_signed_pdf_gets_a_verdict_with_a_reason(scene: Scene, name: str) -> None:
    _verify(scene, name, "signed.pdf", "application/pdf", HOSTILE_PDFS[name](True))


HOSTILE_SIGNATURES: dict[str, tuple[str, str, Callable[[], bytes]]] = {
    "CMS nested 50,000 deep": (
        "request.p7m",
        "application/pkcs7-mime",
        lambda: b"\x30\x80" * 50_000 + b"\x00\x00" * 50_000,
    ),
    "CMS claiming a 2 GB length": (
        "request.p7m",
        "application/pkcs7-mime",
        lambda: b"\x30\x84\x7f\xff\xff\xff\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02",
    ),
    "S/MIME nested 2,000 deep": ("request.eml", "message/rfc822", lambda: deep_mime(2000)),
}


@pytest.mark.parametrize("name", params(HOSTILE_SIGNATURES, {"CMS nested 50,000 deep"}))
def test_hostile_signature_file_gets_a_verdict_with_a_reason(scene: Scene, name: str) -> None:
    filename, media_type, build = HOSTILE_SIGNATURES[name]
    _verify(scene, name, filename, media_type, build())
