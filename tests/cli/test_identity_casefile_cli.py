"""``dpo-desk trust ...`` and ``dpo-desk identity ...`` on a case file, run in-process."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.model import AttachmentRole, Case, Channel, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS
from tests.identity.conftest import Pki

PASSPHRASE = "identity cli passphrase"
SCAN = b"\x89PNG\r\n\x1a\n" + b"scanned identity card " * 200


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("cli-pki"))


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-10")
    path = tmp_path / "identity.dpodesk"

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    _run.path = path  # type: ignore[attr-defined]
    return _run


def seed(path: Path, pki: Pki) -> dict[str, int]:
    """Controllers, one INFINITY case with an ID copy and a signed PDF, one Infini case."""
    cf = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    try:
        ids = {c.slug: cf.controllers.add(c).id for c in CONTROLLERS}
        cases = {}
        for slug in ("infinity", "infini"):
            case = cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ids[slug],  # type: ignore[arg-type]
                    # the signed PDF's signer (issue 15: the signer must be the data subject)
                    subject=DataSubject("Alice Example"),
                    kinds=(RequestKind.ACCESS,),
                    channel=Channel.POST,
                    received=date(2026, 3, 2),
                )
            )
            cases[slug] = int(case.id or 0)
        copy = cf.attachments.add(
            cases["infinity"], AttachmentRole.ID_DOCUMENT, "id.png", "image/png", SCAN
        )
        signed = pki.sign_pdf(pki.make_pdf(), pki.alice)
        pdf = cf.attachments.add(
            cases["infinity"], AttachmentRole.LETTER_SCAN, "request.pdf", "application/pdf", signed
        )
        return {**cases, "copy": int(copy.id), "pdf": int(pdf.id)}
    finally:
        cf.close()


def test_identity_round_trip(run, pki: Pki, tmp_path: Path, monkeypatch) -> None:
    ids = seed(run.path, pki)
    case = str(ids["infinity"])

    code, out, err = run("identity", "policy", "infinity", "--json")
    assert code == 0, err
    policy = json.loads(out)
    assert [(w["code"], w["jurisdiction"]) for w in policy["warnings"]] == [
        ("systematic_id_copy", "FR")
    ]
    code, out, _ = run("identity", "policy", "infini")
    assert code == 0 and "94-V Art. 7(10)" in out and "Accepted proofs:" in out

    code, out, err = run("identity", "destroy", case)
    assert (code, out) == (2, "")
    assert "not settled" in err and err.count("\n") == 1

    code, out, err = run("identity", "check", case, "--outcome", "verified", "--last4", "AB123456")
    assert code == 2 and "last four characters" in err

    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-05")
    code, out, err = run(
        "identity",
        "check",
        case,
        "--outcome",
        "more_information_needed",
        "--document-type",
        "passport",
        "--country",
        "FR",
        "--last4",
        "1234",
        "--expiry",
        "2030-01-31",
        "--name-matches",
        "--no-id-signed",
        "--request-more",
        "a copy of your passport bearing your signature",
        "--json",
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["status"] == "awaiting_identity"
    assert result["pause"] == "started"
    assert result["proposal"]["letter_kind"] == "identity_request"
    assert result["record"]["document_last4"] == "1234"
    assert result["record"]["checklist"]["id_signed"] is False

    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-10")
    code, _, err = run("identity", "received", case, "--on", "2026-03-11")
    assert code == 2 and "in the future" in err
    code, out, err = run("identity", "received", case, "--on", "2026-03-09", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "case_id": ids["infinity"],
        "kind": "identity_received",
        "on": "2026-03-09",
    }
    code, _, err = run("identity", "received", case)
    assert code == 2 and "No identity information is awaited" in err

    root = tmp_path / "root.pem"
    root.write_bytes(pki.root.cert_pem)
    garbage = tmp_path / "garbage.pem"
    garbage.write_bytes(b"-----BEGIN NOTHING-----\n")
    code, _, err = run("trust", "import", str(root), str(garbage))
    assert code == 2 and "garbage.pem" in err
    code, out, _ = run("trust", "list", "--json")
    assert json.loads(out) == []  # all or none
    code, out, err = run("trust", "import", str(root), "--json")
    assert code == 0, err
    (trusted,) = json.loads(out)
    assert trusted["subject"].startswith("Common Name: DPO Test Root CA")
    code, out, _ = run("trust", "list", "--json")
    assert [c["id"] for c in json.loads(out)] == [trusted["id"]]

    code, out, err = run("identity", "verify", case, str(ids["pdf"]), "--json")
    assert code == 0, err
    verified = json.loads(out)
    assert verified["report"]["verdict"] == "valid"
    assert verified["record"]["outcome"] == "verified"
    assert verified["record"]["method"] == "pdf_signature"
    # INFINITY destroys ID copies once identity is verified: the record keeps the hash
    assert [d["sha256"] for d in verified["record"]["destroyed"]] == [
        hashlib.sha256(SCAN).hexdigest()
    ]

    code, out, err = run("identity", "show", case, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["settled"] is True and shown["status"] == "in_progress"
    assert [c["destroyed_at"] is not None for c in shown["id_copies"]] == [True]
    assert [r["outcome"] for r in shown["records"]] == ["more_information_needed", "verified"]
    code, out, _ = run("identity", "show", case)
    assert "identity settled" in out and "ending 1234" in out

    code, out, err = run("identity", "destroy", case, "--json")
    assert (code, json.loads(out)) == (0, [])

    code, out, err = run("trust", "remove", str(trusted["id"]), "--json")
    assert code == 0, err
    assert json.loads(out)["removed"]["id"] == trusted["id"]
    code, out, _ = run("trust", "list")
    assert "Nothing is trusted yet" in out


def test_check_failed_proposes_a_refusal_in_text(run, pki: Pki) -> None:
    ids = seed(run.path, pki)
    code, out, err = run(
        "identity", "check", str(ids["infini"]), "--outcome", "failed", "--no-name-matches"
    )
    assert code == 0, err
    assert "failed" in out and "proposed letter: refusal" in out
    assert "not the requester's name" in out
    code, out, err = run("identity", "destroy", str(ids["infini"]), "--reason", "refused")
    assert code == 0 and out.strip() == "No ID copy left to destroy."
    code, _, err = run("identity", "policy", "nobody")
    assert code == 2 and "no controller 'nobody'" in err
