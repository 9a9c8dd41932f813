"""packaging/release.sh refuses to release a bundle whose self-test fails: nothing is packed,
no checksum is written. (CI runs the whole release on the real bundle, signed with a throwaway
minisign key, and checks it as a DPO would.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_bundle_that_fails_its_self_test_is_not_released(tmp_path: Path) -> None:
    # A developer's dpo-desk is no frozen bundle: the bundle check must refuse it.
    not_frozen = tmp_path / "bundle"
    (not_frozen / "_internal").mkdir(parents=True)
    (not_frozen / "dpo-desk").symlink_to(Path(sys.executable).with_name("dpo-desk"))
    out = tmp_path / "release"
    env = dict(os.environ, RELEASE_OUT=str(out), PYTHON=sys.executable)
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "release.sh"), "--bundle", str(not_frozen)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "the self-test did not run frozen" in done.stderr
    assert "nothing was released" in done.stderr
    assert not out.exists() or list(out.iterdir()) == []
