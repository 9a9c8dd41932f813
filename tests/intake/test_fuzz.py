"""Fuzzing the importers and the classifier (hypothesis).

The property for every importer: it returns a result or raises ``ImportRejected`` — nothing
else escapes. The normal run uses a few dozen examples per target; ``pytest -m slow`` runs
thousands. Every crashing input found is kept under tests/data/fuzz_regressions/<target>/ and
replayed by ``test_regression_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpo_desk.core.errors import ImportRejected
from dpo_desk.intake.classify import KINDS, classify
from dpo_desk.intake.email_parse import Limits, ParsedEmail, iter_mbox, parse_eml, parse_msg
from dpo_desk.intake.scans import ScanInfo, check_scan
from tests.intake.intake_builders import build_msg, eml, image_bytes, pdf_bytes

REGRESSIONS = Path(__file__).resolve().parents[1] / "data" / "fuzz_regressions"
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = Limits(max_parts=50, max_depth=8)


# --- targets ---------------------------------------------------------------------------------


def run_eml(data: bytes) -> None:
    try:
        result = parse_eml(data, limits=SMALL)
    except ImportRejected:
        return
    assert isinstance(result, ParsedEmail)
    assert all(
        a.filename and "/" not in a.filename and "\\" not in a.filename for a in result.attachments
    )


def run_mbox(data: bytes) -> None:
    for item in iter_mbox(data, limits=SMALL):
        assert isinstance(item, ParsedEmail | ImportRejected)


def run_msg(data: bytes) -> None:
    try:
        assert isinstance(parse_msg(data), ParsedEmail)
    except ImportRejected:
        return


def run_scan(data: bytes) -> None:
    try:
        assert isinstance(check_scan(data, "scan"), ScanInfo)
    except ImportRejected:
        return


def run_classify(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    result = classify(text, text[:80])
    assert set(result.kinds) <= set(KINDS)
    assert 0.0 <= result.confidence <= 1.0


TARGETS = {
    "eml": run_eml,
    "mbox": run_mbox,
    "msg": run_msg,
    "scan": run_scan,
    "classify": run_classify,
}


# --- strategies ------------------------------------------------------------------------------

_HEADER_NAMES = st.sampled_from(
    ["From", "To", "Cc", "Subject", "Date", "Message-ID", "Received", "Content-Type",
     "Content-Transfer-Encoding", "Content-Disposition", "MIME-Version", "Reply-To"]
)  # fmt: skip
_TOKENS = st.sampled_from(
    ["multipart/mixed", "multipart/signed", "multipart/alternative", "text/plain", "text/html",
     "application/pkcs7-mime", "message/rfc822", "boundary=B", 'boundary="B"', "charset=koi8-r",
     "charset=x-bogus", "=?utf-8?B?0JA=?=", "=?x?Q?=ZZ?=", "base64", "quoted-printable",
     "filename=../../x", "filename*=utf-8''%FF", "<a@b>", ";", ",", "\r\n\t", "--B", "--B--",
     "Tue, 03 Mar 2026 09:00:00 +0000", "31 Feb 9999 99:99", "\x00", "\xff", "é", "Ж", " "]
)  # fmt: skip


@st.composite
def mime_like(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        name = draw(_HEADER_NAMES)
        value = "".join(draw(st.lists(_TOKENS | st.text(max_size=8), max_size=6)))
        lines.append(f"{name}: {value}")
    body_parts = draw(st.lists(_TOKENS | st.text(max_size=20), max_size=20))
    text = "\r\n".join(lines) + "\r\n\r\n" + "\r\n".join(body_parts)
    return text.encode("utf-8", "surrogateescape")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 8))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[pos : pos + draw(st.integers(1, 32))]
    return bytes(data)


_SEED_EML = eml(b"Bitte l\xc3\xb6schen Sie meine Daten.")
_SEED_MSG = build_msg()
_SEEDS_SCAN = [image_bytes("PNG", (20, 10)), image_bytes("JPEG", (20, 10)),
               image_bytes("TIFF", (8, 8), pages=2), pdf_bytes(1)]  # fmt: skip


def _scan_seed() -> st.SearchStrategy[bytes]:
    return st.sampled_from(range(len(_SEEDS_SCAN))).flatmap(lambda i: mutated(_SEEDS_SCAN[i]))


def _mbox_of(parts: list[bytes]) -> bytes:
    return b"".join(b"From x@y Tue Mar  3 09:00:00 2026\n" + p + b"\n\n" for p in parts)


# --- properties ------------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=2048) | mime_like() | mutated(_SEED_EML))
def test_fuzz_parse_eml(data):
    run_eml(data)


@FAST
@given(
    st.lists(st.binary(max_size=300) | mime_like(), max_size=5).map(_mbox_of)
    | st.binary(max_size=1024)
)
def test_fuzz_iter_mbox(data):
    run_mbox(data)


@FAST
@given(mutated(_SEED_MSG))
def test_fuzz_parse_msg(data):
    run_msg(data)


@FAST
@given(_scan_seed() | st.binary(max_size=512))
def test_fuzz_check_scan(data):
    run_scan(data)


@FAST
@given(st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzz_classify(data):
    run_classify(data)


@pytest.mark.slow
@SLOW
@given(st.binary(max_size=4096) | mime_like() | mutated(_SEED_EML))
def test_fuzz_parse_eml_long(data):
    run_eml(data)


@pytest.mark.slow
@SLOW
@given(st.lists(st.binary(max_size=600) | mime_like(), max_size=8).map(_mbox_of))
def test_fuzz_iter_mbox_long(data):
    run_mbox(data)


@pytest.mark.slow
@SLOW
@given(mutated(_SEED_MSG))
def test_fuzz_parse_msg_long(data):
    run_msg(data)


@pytest.mark.slow
@SLOW
@given(_scan_seed() | st.binary(max_size=2048))
def test_fuzz_check_scan_long(data):
    run_scan(data)


@pytest.mark.slow
@SLOW
@given(st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzz_classify_long(data):
    run_classify(data)


# --- regression corpus -----------------------------------------------------------------------


def _regression_files() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*/*") if p.is_file() and p.parent.name in TARGETS)


@pytest.mark.parametrize("path", _regression_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_regression_corpus(path):
    TARGETS[path.parent.name](path.read_bytes())


def test_regression_corpus_is_not_empty():
    assert _regression_files(), "the crashers found while fuzzing must be kept"
