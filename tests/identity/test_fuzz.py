"""Target 8: fuzzing the identity importers (hypothesis).

Targets: signed PDFs (``verify_pdf``), enveloping CMS (``verify_cms``), detached CMS over a file
(``verify_detached``), S/MIME emails (``verify_smime``), whatever a DPO drops on the window
(``verify_file``) and certificates for the trust store (``load_certificates``).

Inputs are random bytes and, mostly, mutations of real samples signed by the test PKI: bit
flips, truncation, byte insertion and deletion, numbers swapped for absurd ones, splices of two
samples, and for PDFs a mutated CMS written into a signed PDF's ``/Contents``.

The property: a ``SignatureReport`` whose verdict is one of the known ones and whose dictionary
form can be stored as JSON (it goes into the verification record), or a ``KnownError`` — nothing
else escapes. The normal run tries a few dozen inputs per target; ``pytest -m slow`` thousands,
and it measures the slowest input (must be under 5 s) and the process's peak RSS (must stay
under 1 GiB), printed as ``RELIABILITY fuzz ...`` lines for docs/reliability.md. The memory is
the kernel's peak-RSS mark reset at the start of each target (``/proc/self/clear_refs``), since
``ru_maxrss`` — printed too — keeps the peak of every test the process ran before.

A crashing input is kept under ``tests/data/fuzz_regressions/<target>/`` (set
``DPO_DESK_FUZZ_KEEP=1`` to have the run write it there) and replayed by ``test_regression_corpus``.
Detached inputs are stored as 4 bytes of content length, the content, then the signature.
"""

from __future__ import annotations

import json
import os
import re
import resource
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpo_desk.core.errors import KnownError
from dpo_desk.identity.signatures import (
    VERDICTS,
    SignatureReport,
    load_certificates,
    verify_cms,
    verify_detached,
    verify_file,
    verify_pdf,
    verify_smime,
)

REGRESSIONS = Path(__file__).resolve().parents[1] / "data" / "fuzz_regressions"
_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
FAST = settings(max_examples=25, deadline=None, suppress_health_check=_CHECKS)
SLOW_EXAMPLES = {"pdf": 2000, "verify_file": 1500}  # the others: 3000
MAX_SECONDS = 5.0
MAX_RSS_BYTES = 1 << 30
DOCUMENT = b"Passport copy, page 2. Requester: Aigerim S.\n" * 20
MAIL_BODY = b"Dear data protection officer,\nplease send me a copy of my personal data.\n"


# --- targets ---------------------------------------------------------------------------------


def _check_report(report: object) -> None:
    assert isinstance(report, SignatureReport), type(report)
    assert report.verdict in VERDICTS, report.verdict
    assert report.verdict == "valid" or report.reason or report.signatures
    json.dumps(report.to_dict())  # stored in the verification record as JSON


def _guarded(call: Callable[[], object]) -> None:
    try:
        result = call()
    except KnownError as exc:
        assert str(exc).strip(), "a KnownError needs a sentence for the DPO"
        return
    _check_report(result)


def split_detached(blob: bytes) -> tuple[bytes, bytes]:
    size = int.from_bytes(blob[:4].ljust(4, b"\0"), "big")
    return blob[4 : 4 + size], blob[4 + size :]


def join_detached(content: bytes, signature: bytes) -> bytes:
    return len(content).to_bytes(4, "big") + content + signature


def run_pdf(data: bytes, roots: Sequence[bytes]) -> None:
    _guarded(lambda: verify_pdf(data, roots))


def run_cms(data: bytes, roots: Sequence[bytes]) -> None:
    _guarded(lambda: verify_cms(data, roots))


def run_detached(blob: bytes, roots: Sequence[bytes]) -> None:
    content, signature = split_detached(blob)
    _guarded(lambda: verify_detached(content, signature, roots))


def run_smime(data: bytes, roots: Sequence[bytes]) -> None:
    _guarded(lambda: verify_smime(data, roots))


def run_file(data: bytes, roots: Sequence[bytes]) -> None:
    _guarded(lambda: verify_file(data, filename="upload.bin", trust_roots=roots))


def run_certs(data: bytes, roots: Sequence[bytes]) -> None:
    try:
        certs = load_certificates(data)
    except KnownError as exc:
        assert str(exc).strip()
        return
    assert certs
    for cert in certs:  # what the trust store does with each one
        cert.dump()
        str(cert.subject.human_friendly)


TARGETS: dict[str, Callable[[bytes, Sequence[bytes]], None]] = {
    "pdf": run_pdf,
    "cms": run_cms,
    "detached": run_detached,
    "smime": run_smime,
    "verify_file": run_file,
    "certs": run_certs,
}


# --- seeds: real signed samples --------------------------------------------------------------


@pytest.fixture(scope="session")
def seeds(pki, signed_pdf: bytes, unsigned_pdf: bytes) -> dict[str, list[bytes]]:
    nodetach = ("-nodetach",)
    enveloping = [
        pki.openssl_cms(DOCUMENT, pki.alice, extra=nodetach),
        pki.openssl_cms(DOCUMENT, pki.bob_rsa, extra=nodetach, outform="PEM"),
        pki.pyhanko_cms(DOCUMENT, pki.alice, detached=False),
    ]
    detached = [
        join_detached(DOCUMENT, pki.openssl_cms(DOCUMENT, pki.alice)),
        join_detached(DOCUMENT, pki.openssl_cms(DOCUMENT, pki.alice, co_signers=(pki.bob_rsa,))),
        join_detached(DOCUMENT, pki.pyhanko_cms(DOCUMENT, pki.stranger)),
    ]
    smime = [
        pki.openssl_smime(MAIL_BODY, pki.alice, sender="Alice Example <alice@example.org>"),
        pki.openssl_smime(MAIL_BODY, pki.bob_rsa, sender="bob@example.org", opaque=True),
    ]
    pdfs = [
        signed_pdf,
        pki.sign_pdf(signed_pdf, pki.bob_rsa, field="Signature2"),
        pki.timestamp_pdf(signed_pdf),
        unsigned_pdf,
    ]
    certs = [
        pki.root.cert_pem,
        pki.alice.cert_der,
        pki.intermediate.cert_pem + pki.root.cert_pem,
        pki.openssl("crl2pkcs7", "-nocrl", "-certfile", pki.chain_path, "-outform", "DER"),
    ]
    return {
        "pdf": pdfs,
        "cms": enveloping,
        "detached": detached,
        "smime": smime,
        "verify_file": pdfs[:2] + enveloping[:1] + smime,
        "certs": certs,
    }


# --- mutations -------------------------------------------------------------------------------

_ABSURD = [b"0", b"-1", b"2147483648", b"9223372036854775808", b"1" * 40, b"1e308", b"-0.0"]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed changed a few times: flips, cuts, inserts, deletes, absurd numbers, splices."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "flip", "cut", "insert", "delete", "number", "splice"]))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        elif op == "number":
            numbers = list(re.finditer(rb"\d+", bytes(data)))
            if numbers:
                match = numbers[draw(st.integers(0, len(numbers) - 1))]
                data[match.start() : match.end()] = draw(st.sampled_from(_ABSURD))
        else:  # splice: this sample's head, another sample's tail
            other = draw(st.sampled_from(seeds))
            cut = draw(st.integers(0, len(other)))
            data[pos:] = other[cut:]
    return bytes(data)


def _with_contents(pdf: bytes, cms_der: bytes) -> bytes:
    """``pdf`` with its first signature's /Contents replaced (same length, so /ByteRange holds)."""
    match = re.search(rb"/Contents\s*<([0-9A-Fa-f]+)>", pdf)
    if match is None:
        return pdf
    room = len(match.group(1))
    value = cms_der.hex().encode()[:room].ljust(room, b"0")
    return pdf[: match.start(1)] + value + pdf[match.end(1) :]


def inputs(target: str, seeds: dict[str, list[bytes]]) -> st.SearchStrategy[bytes]:
    own = mutated(seeds[target])
    if target == "pdf":
        signed = seeds["pdf"][:3]
        contents = st.tuples(st.sampled_from(signed), mutated(seeds["cms"] + seeds["detached"]))
        return st.one_of(
            own,
            own,
            contents.map(lambda pair: _with_contents(*pair)),
            st.binary(max_size=2048).map(lambda b: b"%PDF-1.7\n" + b),
        )
    if target == "detached":
        signatures = [split_detached(s)[1] for s in seeds["detached"]]
        pairs = st.tuples(
            st.sampled_from([DOCUMENT]) | mutated([DOCUMENT]) | st.binary(max_size=256),
            mutated(signatures),
        )
        return st.one_of(own, pairs.map(lambda p: join_detached(*p)), st.binary(max_size=2048))
    if target == "smime":
        garbage = st.binary(max_size=1024).map(
            lambda b: b'Content-Type: multipart/signed; boundary="B"\r\n\r\n--B\r\n' + b
        )
        return st.one_of(own, own, garbage, st.binary(max_size=2048))
    return st.one_of(own, own, st.binary(max_size=2048))


# --- running, timing, keeping crashers -------------------------------------------------------


@dataclass
class Stats:
    target: str
    executions: int = 0
    slowest: float = 0.0
    crashers: list[Path] = field(default_factory=list)

    def run(self, data: bytes, roots: Sequence[bytes]) -> None:
        started = time.perf_counter()
        try:
            TARGETS[self.target](data, roots)
        except Exception as exc:
            self.keep(data, exc)
            raise
        finally:
            self.executions += 1
            self.slowest = max(self.slowest, time.perf_counter() - started)

    def keep(self, data: bytes, exc: Exception) -> None:
        """One file per distinct failure (exception type and the product line that raised it),
        holding the smallest input seen — hypothesis shrinks towards it."""
        if not os.environ.get("DPO_DESK_FUZZ_KEEP"):
            return
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "dpo_desk" in f.filename]
        where = f"{Path(frames[-1].filename).stem}_{frames[-1].lineno}" if frames else "test"
        folder = REGRESSIONS / self.target
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{type(exc).__name__}-{where}.bin"
        if path.exists() and path.stat().st_size <= len(data):
            return
        path.write_bytes(data)
        self.crashers.append(path)


def process_maxrss_bytes() -> int:
    """``ru_maxrss``: the peak of the whole pytest process so far (earlier tests included)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (``VmHWM``) so the next reading covers one target only."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        return False
    return True


def peak_rss_bytes(since_reset: bool) -> int:
    """``VmHWM`` since :func:`reset_peak_rss` when that worked, else ``ru_maxrss``."""
    if since_reset:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    return process_maxrss_bytes()


# --- properties ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz(target: str, seeds: dict[str, list[bytes]], roots: tuple[bytes, ...]) -> None:
    stats = Stats(target)

    @FAST
    @given(data=inputs(target, seeds))
    def run(data: bytes) -> None:
        stats.run(data, roots)

    run()
    assert stats.executions > 0


@pytest.mark.slow
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz_long(target: str, seeds: dict[str, list[bytes]], roots: tuple[bytes, ...]) -> None:
    stats = Stats(target)
    examples = SLOW_EXAMPLES.get(target, 3000)
    since_reset = reset_peak_rss()
    started = time.monotonic()

    @settings(max_examples=examples, deadline=None, suppress_health_check=_CHECKS)
    @given(data=inputs(target, seeds))
    def run(data: bytes) -> None:
        stats.run(data, roots)

    run()
    rss = peak_rss_bytes(since_reset)
    print(
        f"\nRELIABILITY fuzz target=identity/{target} executions={stats.executions} crashes=0 "
        f"max_input_s={stats.slowest:.3f} peak_rss_mb={rss / 1048576:.0f} "
        f"(since_reset={since_reset}) process_maxrss_mb={process_maxrss_bytes() / 1048576:.0f} "
        f"seconds={time.monotonic() - started:.0f}"
    )
    assert stats.slowest < MAX_SECONDS, f"an input took {stats.slowest:.1f} s"
    assert rss < MAX_RSS_BYTES, f"peak RSS {rss / 1048576:.0f} MiB"


# --- regression corpus -----------------------------------------------------------------------


def _regression_files() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*/*") if p.is_file() and p.parent.name in TARGETS)


@pytest.mark.parametrize("path", _regression_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_regression_corpus(path: Path, roots: tuple[bytes, ...]) -> None:
    TARGETS[path.parent.name](path.read_bytes(), roots)
