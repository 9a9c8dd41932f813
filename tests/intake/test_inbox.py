"""Issue 17, the triage inbox: not-requests wait instead of becoming cases; accept, dismiss,
the flood guard, forwards filed under the original sender; the CLI contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.inbox import InboxRepo
from dpo_desk.casefile.migrations import LATEST
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.errors import InvalidInput, NotFound
from dpo_desk.core.model import RequestKind
from dpo_desk.demo import CONTROLLERS
from dpo_desk.intake.email_parse import parse_bytes
from dpo_desk.services import intake as service

from .intake_builders import eml

TODAY = date(2026, 3, 10)
RAW_KEY = Key(raw=bytes(range(32)))
PASSPHRASE = "inbox cli tests"

ADVERT = eml(
    b"Dear DPO,\r\n\r\nIs your company GDPR compliant? Our consultancy offers audits and "
    b"templates for access requests. Book a free call this week and get 20% off.\r\n",
    headers={
        "From": "Compliance Partners <sales@compliance.example>",
        "Subject": "GDPR audit offer",
        "Message-ID": "<advert-1@compliance.example>",
    },
)
REQUEST = eml(
    b"Hello, please delete my account and all my personal data. Regards, Jane",
    headers={"Message-ID": "<request-1@example.org>"},
)
FORWARD = eml(
    b"Please handle.\r\n\r\n---------- Forwarded message ---------\r\n"
    b"From: Aigerim Sadykova <aigerim@example.kz>\r\nDate: Mon, 2 Mar 2026 at 10:14\r\n"
    b"Subject: my data\r\nTo: <support@infini.com>\r\n\r\n"
    b"Hello, please delete my account and all my personal data.\r\n",
    headers={
        "From": "Support Agent <agent@infini.com>",
        "Date": "Fri, 06 Mar 2026 09:00:00 +0000",
        "Subject": "Fwd: my data",
        "Message-ID": "<fwd-1@infini.com>",
    },
)


@pytest.fixture
def cf(tmp_path: Path):
    casefile = CaseFile.create(tmp_path / "inbox.dpodesk", RAW_KEY).casefile
    for controller in CONTROLLERS:
        casefile.controllers.add(controller)
    yield casefile
    casefile.close()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def events(cf: CaseFile, action: str) -> list[dict]:
    return [
        json.loads(r["data"])
        for r in cf.db.query("SELECT data FROM audit WHERE action = ?", (action,))
    ]


def test_the_inbox_table_is_in_the_latest_schema(cf: CaseFile) -> None:
    assert cf.schema_version == LATEST
    assert "intake_inbox" in cf.db.table_names()


def test_a_not_request_waits_in_the_inbox_and_a_request_becomes_a_case(cf, tmp_path) -> None:
    advert, request = service.import_mail(
        cf, [write(tmp_path, "a.eml", ADVERT), write(tmp_path, "r.eml", REQUEST)], TODAY
    )
    assert advert.status == "inbox" and advert.inbox_id is not None and advert.case_id is None
    assert advert.kinds == () and "marketing" in advert.reason
    assert request.status == "created" and request.kinds[0] == "erasure"
    (item,) = service.inbox(cf)
    assert item.id == advert.inbox_id
    assert item.to_dict().keys() == {
        "id", "received", "sender", "subject", "kinds", "language", "confidence",
    }  # fmt: skip
    assert item.sender == "sales@compliance.example" and item.received == date(2026, 3, 3)
    assert InboxRepo(cf).raw(item.id) == ADVERT  # the original bytes, inside the encrypted file
    assert cf.cases.get(request.case_id).reference == request.reference
    assert service.inbox_count(cf) == 1
    # the audit event names the message by its hash only
    (added,) = events(cf, "inbox.added")
    assert "compliance" not in json.dumps(added) and added["inbox_id"] == item.id


def test_importing_the_same_message_again_is_a_duplicate(cf, tmp_path) -> None:
    service.import_mail(cf, [write(tmp_path, "a.eml", ADVERT)], TODAY)
    (again,) = service.import_mail(cf, [write(tmp_path, "b.eml", ADVERT)], TODAY)
    assert again.status == "duplicate" and "inbox" in again.reason
    assert service.inbox_count(cf) == 1


def test_accepting_makes_a_case_with_the_confirmed_kinds(cf, tmp_path) -> None:
    (outcome,) = service.import_mail(cf, [write(tmp_path, "a.eml", ADVERT)], TODAY)
    done = service.accept(cf, outcome.inbox_id, ["access", "erasure"], TODAY)
    assert done.to_dict() == {"id": outcome.inbox_id, "reference": done.reference}
    case = cf.cases.get(done.case_id)
    assert case.kinds == (RequestKind.ACCESS, RequestKind.ERASURE)
    assert case.received == date(2026, 3, 3)
    assert case.subject.email == "sales@compliance.example"
    (stored,) = cf.emails.for_case(done.case_id)
    assert stored.message_id == "advert-1@compliance.example"
    assert service.inbox_count(cf) == 0
    assert events(cf, "inbox.accepted")[0]["inbox_id"] == outcome.inbox_id
    with pytest.raises(NotFound):
        service.accept(cf, outcome.inbox_id, ["access"], TODAY)


@pytest.mark.parametrize(
    ("kinds", "words"), [([], "at least one"), (["bogus"], "not a request kind")]
)
def test_accepting_needs_valid_kinds(cf, tmp_path, kinds, words) -> None:
    (outcome,) = service.import_mail(cf, [write(tmp_path, "a.eml", ADVERT)], TODAY)
    with pytest.raises(InvalidInput, match=words):
        service.accept(cf, outcome.inbox_id, kinds, TODAY)
    assert service.inbox_count(cf) == 1  # nothing changed


def test_dismissing_deletes_the_message_and_audits_it(cf, tmp_path) -> None:
    (outcome,) = service.import_mail(cf, [write(tmp_path, "a.eml", ADVERT)], TODAY)
    with pytest.raises(InvalidInput):
        service.dismiss(cf, outcome.inbox_id, "   ")
    service.dismiss(cf, outcome.inbox_id, "consultancy advert")
    assert service.inbox(cf) == []
    assert cf.db.execute("SELECT count(*) FROM intake_inbox").fetchone()[0] == 0
    (event,) = events(cf, "inbox.dismissed")
    assert event["reason"] == "consultancy advert" and event["inbox_id"] == outcome.inbox_id
    assert cf.verify_audit().ok


def test_a_forward_is_filed_under_the_original_sender_and_date(cf, tmp_path) -> None:
    (outcome,) = service.import_mail(cf, [write(tmp_path, "f.eml", FORWARD)], TODAY)
    assert outcome.status == "created", outcome.reason
    case = cf.cases.get(outcome.case_id)
    assert case.subject.email == "aigerim@example.kz"
    assert case.subject.name == "Aigerim Sadykova"
    assert case.received == date(2026, 3, 2)
    assert outcome.notes and "agent@infini.com" in outcome.notes[0]
    assert any("original sender" in n.text for n in cf.cases.notes(case.id))


def test_more_new_cases_than_allowed_are_asked_for(cf, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(service, "MAX_NEW_CASES", 2)
    paths = [
        write(
            tmp_path,
            f"{i}.eml",
            REQUEST.replace(b"request-1", b"request-%d" % i).replace(b"Jane", b"Jane %d" % i),
        )
        for i in range(3)
    ]
    with pytest.raises(service.TooManyNewCases, match="3 messages"):
        service.import_mail(cf, paths, TODAY)
    assert cf.cases.count() == 0  # nothing stored before the question
    outcomes = service.import_mail(cf, paths, TODAY, confirmed=True, follow_ups=False)
    assert [o.status for o in outcomes] == ["created"] * 3


def test_a_text_email_with_many_dash_lines_is_not_refused() -> None:
    body = b"\r\n".join(b"-- point %d of my complaint" % i for i in range(1200))
    (parsed,) = parse_bytes(eml(body), "dashes.eml")
    assert not isinstance(parsed, Exception), parsed
    assert "point 1199" in parsed.body_text


def test_evidence_spans_mark_the_phrases() -> None:
    text = "Please  DELETE my data.\nAnd delete\nmy account."
    spans = service.evidence_spans(text, ["delete my", "my data"])
    assert [text[a:b] for a, b in spans] == ["DELETE my data", "delete\nmy"]


# --- the command line --------------------------------------------------------------------------


def test_inbox_commands(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DPO_DESK_TODAY", TODAY.isoformat())
    path = tmp_path / "cli.dpodesk"
    made = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    for controller in CONTROLLERS:
        made.controllers.add(controller)
    made.close()

    def run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    advert = write(tmp_path, "advert.eml", ADVERT)
    code, out, _ = run("classify", str(advert), "--json")
    data = json.loads(out)
    assert code == 0 and data["kinds"] == [] and data["not_a_request"] is True

    monkeypatch.setattr(service, "MAX_NEW_CASES", 1)
    request = write(tmp_path, "request.eml", REQUEST)
    code, out, err = run("import", str(advert), str(request), "--json")
    assert code == 2 and "--yes" in err and err.count("\n") == 1
    code, out, err = run("import", str(advert), str(request), "--yes", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows[0]["status"] == "inbox" and isinstance(rows[0]["inbox_id"], int)
    assert rows[1]["status"] == "created"

    code, out, _ = run("inbox", "list", "--json")
    (item,) = json.loads(out)
    assert set(item) == {"id", "received", "sender", "subject", "kinds", "language", "confidence"}
    code, out, err = run("inbox", "accept", str(item["id"]), "--kind", "nonsense", "--json")
    assert code == 2 and "not a request kind" in err and err.count("\n") == 1
    code, out, err = run(
        "inbox", "accept", str(item["id"]), "--kind", "access", "--controller", "infini", "--json"
    )
    assert code == 0, err
    assert json.loads(out) == {"id": item["id"], "reference": json.loads(out)["reference"]}
    code, out, err = run("inbox", "dismiss", str(item["id"]), "--reason", "gone")
    assert code == 2 and "no message" in err
