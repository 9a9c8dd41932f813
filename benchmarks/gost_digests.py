"""How fast the pure-Python GOST digests and a GOST signature check run (identity/gost.py).

Run: ``python benchmarks/gost_digests.py [--megabytes N]``. Streebog comes from gostcrypto, GOST R
34.11-94 is DPO Desk's own; both are pure Python, so a large signed PDF takes seconds. The
34.11-94 digest refuses content over 10 MB (``MAX_GOST94_BYTES``) for that reason.
"""

from __future__ import annotations

import argparse
import os
import time

from dpo_desk.identity import gost


def _time(label: str, oid: str, data: bytes) -> None:
    start = time.perf_counter()
    gost.digest(oid, data)
    seconds = time.perf_counter() - start
    megabytes = len(data) / 1024 / 1024
    print(f"{label:<34} {megabytes:6.2f} MB  {seconds:7.2f} s  {seconds / megabytes:6.2f} s/MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=0.25)
    args = parser.parse_args()
    data = os.urandom(int(args.megabytes * 1024 * 1024))
    _time("GOST R 34.11-2012 Streebog-256", "1.2.643.7.1.1.2.2", data)
    _time("GOST R 34.11-2012 Streebog-512", "1.2.643.7.1.1.2.3", data)
    _time("GOST R 34.11-94 (CryptoPro)", gost.GOST94, data)


if __name__ == "__main__":
    main()
