"""Issue 15, scenario 7: no Python warning reaches the user of a signature command.

The commands run as the user runs them: the installed ``dpo-desk`` in a fresh process (warnings
filters are process-wide, so only a subprocess shows what a user sees), with Python's default
warning settings. stderr must be empty.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import AttachmentRole, Case, Channel, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS

from .conftest import Pki

PASSPHRASE = "quiet cli test"
DPO_DESK = str(Path(sys.executable).with_name("dpo-desk"))


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [DPO_DESK, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_signature_commands_print_no_python_warnings(pki: Pki, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONWARNINGS")}
    env["DPO_DESK_PASSPHRASE"] = PASSPHRASE
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(pki.sign_pdf(pki.make_pdf(), pki.alice))

    checked = run(
        "verify-signature", str(pdf), "--trust", str(pki.root.cert_path), "--json", env=env
    )
    assert checked.returncode == 0
    assert checked.stderr == ""
    report = json.loads(checked.stdout)
    assert report["verdict"] == "valid" and report["unsigned_parts"] == []

    path = tmp_path / "quiet.dpodesk"
    cf = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    try:
        for controller in CONTROLLERS:
            cf.controllers.add(controller)
        controller = cf.controllers.by_slug("astrum-oyun")
        assert controller is not None and controller.id is not None
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=controller.id,
                subject=DataSubject("Mallory Evil"),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.POST,
                received=date(2026, 3, 2),
            )
        )
        attachment = cf.attachments.add(
            case.id or 0, AttachmentRole.LETTER_SCAN, "r.pdf", "application/pdf", pdf.read_bytes()
        )
    finally:
        cf.close()

    imported = run("--file", str(path), "trust", "import", str(pki.root.cert_path), env=env)
    assert (imported.returncode, imported.stderr) == (0, "")
    verified = run(
        "--file", str(path), "identity", "verify", case.reference, str(attachment.id), "--json",
        env=env,
    )  # fmt: skip
    assert verified.returncode == 0
    assert verified.stderr == ""
    data = json.loads(verified.stdout)
    assert data["report"]["signatures"][0]["subject_match"] == "mismatch"
    assert data["outcome"] == data["record"]["outcome"] == "more_information_needed"

    # errors: one sentence on stderr, exit 2, nothing else
    wrong = run("--file", str(path), "identity", "mark-copy", case.reference, "999", env=env)
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "dpo-desk: There is no attachment with id 999."
