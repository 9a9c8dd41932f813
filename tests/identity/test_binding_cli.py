"""Issue 15 on the command line: case identifiers, identity verify/override/mark-copy/show, check."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin

from .conftest import Pki

PASSPHRASE = "binding cli test"
SNILS = "11223344595"


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-10")
    path = tmp_path / "binding.dpodesk"

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_identity_binding_from_the_command_line(run, pki: Pki, tmp_path: Path) -> None:
    assert run("init")[0] == 0
    code, _, err = run(
        "controller", "add", "--slug", "shop", "--name", "Shop", "--jurisdiction", "RU",
        "--email", "dpo@shop.example",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        "case", "add", "--controller", "shop", "--kind", "access", "--channel", "email",
        "--received", "2026-03-02", "--subject-name", "Alice Subject", "--subject-snils", "123",
    )  # fmt: skip
    assert (code, err.strip()) == (2, "dpo-desk: A SNILS has 11 digits.")
    code, out, err = run(
        "case", "add", "--controller", "shop", "--kind", "access", "--channel", "email",
        "--received", "2026-03-02", "--subject-name", "Alice Subject",
        "--subject-email", "alice@example.org", "--json",
    )  # fmt: skip
    assert code == 0, err
    reference = json.loads(out)["reference"]
    code, _, err = run("case", "update", reference, "--subject-snils", "112-233-445 96")
    assert (code, err.strip()) == (
        2,
        "dpo-desk: This SNILS is mistyped: its check digits do not agree.",
    )
    code, out, err = run("case", "update", reference, "--subject-snils", "112-233-445 95", "--json")
    assert code == 0, err
    assert json.loads(out)["subject_snils"] == SNILS
    code, out, _ = run("case", "show", reference)
    assert f"SNILS: {SNILS}" in out

    # an emailed passport and a PDF signed by someone else, as intake stores them
    mail = EmailMessage()
    mail["From"] = "Alice Subject <alice@example.org>"
    mail["To"] = "dpo@shop.example"
    mail["Subject"] = "my passport"
    mail["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    mail["Message-ID"] = "<cli-passport@example.org>"
    mail.set_content("Here is my passport and my signed request.")
    mail.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(3000), maintype="image", subtype="png",
                        filename="passport.png")  # fmt: skip
    mail.add_attachment(pki.sign_pdf(pki.make_pdf(), pki.alice), maintype="application",
                        subtype="pdf", filename="request.pdf")  # fmt: skip
    eml = tmp_path / "passport.eml"
    eml.write_bytes(mail.as_bytes())
    code, out, err = run("import", str(eml), "--controller", "shop", "--json")
    assert code == 0, err
    code, out, _ = run("case", "show", reference, "--json")
    files = {a["filename"]: a["id"] for a in json.loads(out)["attachments"]}
    code, _, err = run("trust", "import", str(pki.root.cert_path))
    assert code == 0, err

    code, out, err = run("identity", "verify", reference, str(files["request.pdf"]), "--json")
    assert code == 0, err
    verified = json.loads(out)
    assert verified["report"]["signatures"][0]["subject_match"] == "mismatch"
    assert verified["outcome"] == "more_information_needed"
    assert verified["outcome_reason"] == (
        "The signer Alice Example is not the data subject Alice Subject."
    )
    check_id = verified["record"]["id"]

    code, out, err = run("identity", "mark-copy", reference, str(files["passport.png"]))
    assert code == 0, err
    assert "will be re-stored without it" in out
    code, out, _ = run("identity", "show", reference)
    assert "passport.png" in out and "stored (also inside its email)" in out

    code, _, err = run("identity", "override", reference, str(check_id), "--reason", "short")
    assert (code, err.strip()) == (
        2,
        "dpo-desk: Write why you accept this signature (a sentence, for the record).",
    )
    code, out, err = run(
        "identity", "override", reference, str(check_id), "--reason",
        "She signs with her maiden name; confirmed by phone.", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["record"]["outcome"] == "verified"

    code, out, err = run("identity", "destroy", reference, "--json")
    assert code == 0, err
    assert [d["attachment_id"] for d in json.loads(out)] == [files["passport.png"]]
    code, out, _ = run("identity", "show", reference, "--json")
    (copy,) = json.loads(out)["id_copies"]
    assert copy["state"] == "destroyed, also cut out of its email"
    assert copy["from_email"]["message_sha256"]
    code, out, _ = run("check", "--json")
    assert json.loads(out)["backups_with_destroyed_copies"] == []
