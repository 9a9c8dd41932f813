"""The headless contract of the case rules (issue 21): the real command line on a real case file.

`case status REF responded|closed` exits 2 with one sentence for a case without a finalised reply
letter unless `--without-reply REASON`; `--reason` does not bypass it. `case add --channel post`
exits 2 with neither an address nor an e-mail. `case event` refuses a date in the future and an
extension the rule refuses.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpo_desk.casefile import Key
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin

# a raw key written as a recovery key: the command line opens the file without the KDF
RAW = recovery_key_text(Key(raw=bytes(range(32))))


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", RAW)
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-02")
    path = tmp_path / "rules.dpodesk"

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = _run("init", "--json")
    assert code == 0, err
    for slug, regimes in (("infinity", ("FR",)), ("astrum", ("FR", "KG"))):
        args = ["controller", "add", "--slug", slug, "--name", slug.title(), "--language", "en"]
        for j in regimes:
            args += ["--jurisdiction", j]
        code, _, err = _run(*args)
        assert code == 0, err
    return _run


def add(run, *extra: str, controller: str = "infinity", channel: str = "email") -> dict:
    code, out, err = run(
        "case",
        "add",
        "--controller",
        controller,
        "--kind",
        "access",
        "--channel",
        channel,
        "--received",
        "2026-02-20",
        "--subject-name",
        "Айбек Токтогулов",
        *extra,
        "--json",
    )
    assert code == 0, err
    return json.loads(out)


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dpo-desk: ") and "Traceback" not in err
    return lines[0]


def test_status_without_reply_letter_exits_2_unless_the_reason_is_given(run) -> None:
    ref = add(run, "--subject-email", "aibek@example.kg")["reference"]
    assert run("case", "status", ref, "in_progress")[0] == 0
    for target in ("responded", "closed"):
        code, out, err = run("case", "status", ref, target, "--reason", "done", "--json")
        assert code == 2 and out == ""
        if target == "responded":
            assert f"Case {ref} has no finalised reply letter" in one_sentence(err)
        else:  # the workflow's own refusal comes first: in progress cannot close
            assert "cannot become closed" in one_sentence(err)
    code, out, err = run(
        "case", "status", ref, "responded", "--without-reply", "answered in person", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["status"] == "responded" and data["without_reply"] == "answered in person"
    assert data["reply_letter"] is None
    code, out, err = run("case", "status", ref, "closed", "--json")
    assert code == 0, err  # the reason on record answers for closing too
    code, out, _ = run("audit", "list", "--case", ref, "--json")
    recorded = [e["data"] for e in json.loads(out) if e["action"] == "case.without_reply"]
    assert recorded == [{"to": "responded", "on": "2026-03-02", "reason": "answered in person"}]
    code, out, _ = run("case", "show", ref, "--json")
    notes = [n["text"] for n in json.loads(out)["notes"]]
    assert notes == ["Marked responded without a reply letter: answered in person"]


PROFILE_EN = """\
legal_grounds = "Performance of the contract (GDPR Art. 6(1)(b))"
purposes = "Providing the games and services you signed up for"
methods = "Automated processing in our account systems"
categories = "Account data: name, e-mail address, purchase history"
sources = "You, when you registered"
recipients = "Our hosting provider"
retention = "For as long as the account exists, then three years."
transfers = "No transfer outside the European Union."
processor = "Example Hosting SAS, 1 rue de la Paix, 75002 Paris"
measures = "Encryption of stored data\\nAccess control"
automated_decisions = "No decision is based solely on automated processing."
"""


def test_a_finalised_reply_letter_answers_the_case(run, tmp_path: Path) -> None:
    ref = add(run, "--subject-email", "aibek@example.kg")["reference"]
    profile = tmp_path / "profile-en.toml"
    profile.write_text(PROFILE_EN, encoding="utf-8")  # an access response needs every item
    code, _, err = run(
        "letter", "profile", "set", str(profile), "--controller", "infinity", "--lang", "en"
    )
    assert code == 0, err
    pdf_path = tmp_path / "reply.pdf"
    code, out, err = run(
        "letter",
        ref,
        "--kind",
        "access_response",
        "--lang",
        "en",
        "-o",
        str(pdf_path),
        "--finalise",
        "--acknowledge-warnings",
        "--json",
    )
    assert code == 0, err
    assert len(PdfReader(io.BytesIO(pdf_path.read_bytes())).pages) >= 1
    code, out, err = run("case", "status", ref, "responded", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["status"] == "responded" and data["reply_letter"] is not None
    assert data["without_reply"] is None
    code, out, err = run("case", "status", ref, "closed")
    assert code == 0 and out.strip() == f"{ref}: closed", err


def test_case_add_post_needs_an_address_or_email_and_warns_on_a_late_postmark(run) -> None:
    code, out, err = run(
        "case",
        "add",
        "--controller",
        "infinity",
        "--kind",
        "access",
        "--channel",
        "post",
        "--received",
        "2026-02-20",
        "--subject-name",
        "Айбек Токтогулов",
        "--json",
    )
    assert code == 2 and out == ""
    assert "postal address or e-mail address" in one_sentence(err)
    code, out, _ = run("case", "list", "--json")
    assert json.loads(out) == []
    added = add(
        run,
        "--subject-address",
        "ул. Токтогула 5\\nБишкек",
        "--postmark",
        "2026-02-24",
        channel="post",
    )
    assert [w["code"] for w in added["warnings"]] == ["postmark_after_received"]
    assert add(run, "--subject-email", "a@example.kg", channel="post")["warnings"] == []
    code, out, err = run(
        "case",
        "add",
        "--controller",
        "infinity",
        "--kind",
        "access",
        "--channel",
        "post",
        "--received",
        "2026-02-20",
        "--subject-name",
        "Айбек",
        "--subject-address",
        "Бишкек",
        "--postmark",
        "2026-02-24",
    )
    assert code == 0 and "warning: The postmark (2026-02-24) is later" in err


def test_case_event_refuses_the_future_and_an_extension_the_rule_refuses(run) -> None:
    ref = add(run, "--subject-email", "a@example.kg", controller="astrum")["reference"]
    code, out, err = run("case", "event", ref, "identity_requested", "--on", "2026-03-03")
    assert code == 2 and "2026-03-03 is in the future" in one_sentence(err)
    code, out, err = run("case", "event", ref, "extension_notice_sent", "--on", "2026-02-21")
    assert code == 2 and "would not move the governing deadline" in one_sentence(err)
    code, out, _ = run("case", "show", ref, "--json")
    assert json.loads(out)["events"] == []
    fr = add(run, "--subject-email", "b@example.fr")["reference"]
    code, out, err = run(
        "case", "event", fr, "extension_notice_sent", "--on", "2026-02-21", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["due"] == "2026-05-20"
