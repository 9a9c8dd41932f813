"""Case-file APIs the services and the window build on."""

from __future__ import annotations

from datetime import date

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import ExtensionNotAllowed, NotFound
from dpo_desk.core.model import AttachmentRole, CaseStatus, ClockEventKind, RequestKind

from .conftest import PASSPHRASE, add_case, add_controller


def test_extension_refused_where_no_rule_allows_it(casefile: CaseFile) -> None:
    kg = add_controller(casefile, "astrum-oyun", ("KG",))
    case = add_case(casefile, kg, received=date(2026, 2, 2))
    with pytest.raises(ExtensionNotAllowed):
        casefile.cases.add_clock_event(
            case.id, ClockEventKind.EXTENSION_NOTICE_SENT, date(2026, 2, 3)
        )
    assert casefile.cases.clock_events(case.id) == []


def test_extension_allowed_once_under_gdpr(casefile: CaseFile) -> None:
    fr = add_controller(casefile, "infinity-fr", ("FR",))
    case = add_case(casefile, fr, received=date(2026, 1, 30))
    before = casefile.cases.list()[0].due_on
    casefile.cases.add_clock_event(case.id, ClockEventKind.EXTENSION_NOTICE_SENT, date(2026, 2, 10))
    after = casefile.cases.list()[0].due_on
    assert before == date(2026, 3, 2) and after is not None and after > date(2026, 4, 1)
    with pytest.raises(ExtensionNotAllowed, match="already extended"):
        casefile.cases.add_clock_event(
            case.id, ClockEventKind.EXTENSION_NOTICE_SENT, date(2026, 2, 11)
        )


def test_destroy_notes_the_copy_in_the_verification_record(casefile: CaseFile) -> None:
    case = add_case(casefile, add_controller(casefile))
    scan = casefile.attachments.add(
        case.id, AttachmentRole.ID_DOCUMENT, "id.png", "image/png", b"scan"
    )
    check = casefile.identity.record(
        case.id,
        method="paper_checklist",
        outcome="verified",
        document_type="passport",
        document_last4="1234",
    )
    casefile.attachments.destroy(scan.id, reason="identity settled", note_check_id=check.id)
    record = casefile.identity.get(check.id)
    assert record.destroyed[0]["sha256"] == scan.sha256
    assert record.document_last4 == "1234"
    assert casefile.attachments.live_by_role(AttachmentRole.ID_DOCUMENT) == []


def test_closing_notes_purged_copies_in_the_settled_record(casefile: CaseFile) -> None:
    case = add_case(casefile, add_controller(casefile))
    scan = casefile.attachments.add(
        case.id, AttachmentRole.ID_DOCUMENT, "id.png", "image/png", b"scan bytes"
    )
    check = casefile.identity.record(case.id, method="account_match", outcome="verified")
    assert [a.id for a in casefile.attachments.live_by_role("id_document")] == [scan.id]
    for status in (CaseStatus.IN_PROGRESS, CaseStatus.RESPONDED, CaseStatus.CLOSED):
        casefile.cases.set_status(case.id, status, on=date(2026, 2, 25))
    assert casefile.identity.get(check.id).destroyed[0]["attachment_id"] == scan.id


def test_get_many_and_clock_events_for(casefile: CaseFile) -> None:
    ctl = add_controller(casefile, jurisdictions=("FR",))
    cases = [add_case(casefile, ctl, name=f"P{i}") for i in range(3)]
    casefile.cases.add_clock_event(
        cases[1].id, ClockEventKind.IDENTITY_REQUESTED, date(2026, 2, 21)
    )
    many = casefile.cases.get_many([c.id for c in cases] + [999])
    assert sorted(many) == sorted(c.id for c in cases)
    events = casefile.cases.clock_events_for([c.id for c in cases])
    assert list(events) == [cases[1].id]


def test_reference_counter_survives_reopen_and_needs_no_scan(cf_path) -> None:
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE)).casefile
    ctl = add_controller(cf)
    add_case(cf, ctl)
    cf.close()
    with CaseFile.open(cf_path, Key(passphrase=PASSPHRASE)) as again:
        assert add_case(again, again.controllers.list()[0]).reference == "2026-0002"
        assert again.meta("reference_counter:2026") == "2"


def test_matches_key_and_versions(casefile: CaseFile) -> None:
    assert casefile.matches_key(Key(passphrase=PASSPHRASE))
    assert not casefile.matches_key(Key(passphrase=PASSPHRASE + "x"))
    assert not casefile.matches_key(Key(raw=b"\0" * 32))
    assert casefile.cipher_version.startswith("4.")


def test_template_review_flag(casefile: CaseFile) -> None:
    ctl = add_controller(casefile)
    with pytest.raises(NotFound):
        casefile.templates.set_reviewed(ctl.id, "refusal", "kk", True)
    casefile.templates.set(ctl.id, "refusal", "kk", "body = 'x'")
    assert not casefile.templates.is_reviewed(ctl.id, "refusal", "kk")
    casefile.templates.set_reviewed(ctl.id, "refusal", "kk", True)
    assert casefile.templates.is_reviewed(ctl.id, "refusal", "kk")
    casefile.templates.set(ctl.id, "refusal", "kk", "body = 'y'")  # a change needs a new review
    assert not casefile.templates.is_reviewed(ctl.id, "refusal", "kk")


def test_vacuum_is_audited(casefile: CaseFile) -> None:
    add_case(casefile, add_controller(casefile), kinds=(RequestKind.ERASURE,))
    casefile.vacuum()
    assert casefile.audit.events()[-1].action == "casefile.vacuumed"
    assert casefile.integrity_check() == []
