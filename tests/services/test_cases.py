"""The case rules of services/cases.py, on real case files (raw keys, no KDF) in tmp_path."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.deadlines import case_deadlines
from dpo_desk.core.errors import ExtensionNotAllowed, InvalidInput, InvalidTransition
from dpo_desk.core.model import (
    Case,
    CaseStatus,
    Channel,
    ClockEventKind,
    ControllerId,
    DataSubject,
    RequestKind,
)
from dpo_desk.letters import service as letters
from dpo_desk.services import cases as service
from dpo_desk.services.cases import (
    DateInFuture,
    NoReplyLetter,
    PostalContactMissing,
)
from tests.casefile.conftest import add_case, add_controller, fixed_clock

TODAY = date(2026, 3, 2)
KEY = Key(raw=bytes(range(32)))


@pytest.fixture
def cf(tmp_path: Path):
    casefile = CaseFile.create(tmp_path / "cases.dpodesk", KEY, clock=fixed_clock).casefile
    yield casefile
    casefile.close()


def in_progress(cf: CaseFile, jurisdictions=("FR",), received=date(2026, 2, 20)) -> Case:
    controller = add_controller(cf, "-".join(jurisdictions).lower(), jurisdictions)
    case = add_case(cf, controller, received=received)
    assert case.id is not None
    cf.cases.set_status(case.id, CaseStatus.IN_PROGRESS, on=received)
    return cf.cases.get(case.id)


def snapshot(cf: CaseFile, case: Case) -> tuple[object, ...]:
    assert case.id is not None
    return (
        cf.cases.get(case.id).status,
        len(cf.audit.events()),
        len(cf.cases.notes(case.id)),
        cf.cases.clock_events(case.id),
    )


# --- closing needs a reply -----------------------------------------------------------------------


def test_no_reply_letter_refuses_responded_and_closed_and_reason_does_not_bypass(cf) -> None:
    case = in_progress(cf)
    before = snapshot(cf, case)
    with pytest.raises(NoReplyLetter, match=rf"Case {case.reference} has no finalised reply"):
        service.change_status(cf, case.id, "responded", on=TODAY, reason="done by phone")
    assert snapshot(cf, case) == before  # nothing stored, nothing logged
    # an acknowledgement (final) and a reply still in draft do not answer the request
    letters.finalise(cf, case.id, "acknowledgement", "en", TODAY, acknowledge_warnings=True)
    letters.save_draft(cf, case.id, "access_response", "en", TODAY)
    with pytest.raises(NoReplyLetter):
        service.change_status(cf, case.id, CaseStatus.RESPONDED, on=TODAY)
    assert cf.cases.get(case.id).status == CaseStatus.IN_PROGRESS
    assert not service.reply_state(cf, case.id).answered


def test_a_finalised_reply_letter_lets_the_case_be_responded_and_closed(cf) -> None:
    case = in_progress(cf)
    letter = letters.finalise(
        cf, case.id, "access_response", "en", TODAY, acknowledge_warnings=True
    )
    pdf = cf.letters.pdf(letter.id)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1  # a real letter, rendered and stored
    change = service.change_status(cf, case.id, "responded", on=TODAY, reason="sent by post")
    assert change.case.status == CaseStatus.RESPONDED and change.previous == CaseStatus.IN_PROGRESS
    assert change.reply_letter_id == letter.id and change.without_reply == ""
    closed = service.change_status(cf, case.id, "closed", on=TODAY)
    assert closed.case.status == CaseStatus.CLOSED and closed.case.closed_on == TODAY
    actions = [e.action for e in cf.audit.events(case.id)]
    assert service.WITHOUT_REPLY_ACTION not in actions
    status_events = [e.data for e in cf.audit.events(case.id) if e.action == "case.status"]
    assert status_events[-2]["reason"] == "sent by post"  # --reason keeps its meaning


def test_without_reply_records_why_in_the_audit_trail_and_a_note(cf) -> None:
    case = in_progress(cf)
    change = service.change_status(
        cf,
        case.id,
        "responded",
        on=TODAY,
        reason="",
        without_reply="  answered in person\nat the office ",
    )
    assert change.case.status == CaseStatus.RESPONDED and change.case.responded_on == TODAY
    assert change.without_reply == "answered in person at the office"
    recorded = [e for e in cf.audit.events(case.id) if e.action == service.WITHOUT_REPLY_ACTION]
    assert [e.data for e in recorded] == [
        {"to": "responded", "on": "2026-03-02", "reason": "answered in person at the office"}
    ]
    notes = [n.text for n in cf.cases.notes(case.id)]
    assert notes == ["Marked responded without a reply letter: answered in person at the office"]
    assert service.reply_state(cf, case.id).without_reply == "answered in person at the office"
    # the reason on record answers for closing too
    assert service.change_status(cf, case.id, "closed", on=TODAY).case.status == CaseStatus.CLOSED
    assert cf.verify_audit().ok


def test_closing_a_withdrawn_case_needs_no_reply_and_workflow_errors_come_first(cf) -> None:
    case = in_progress(cf)
    service.change_status(cf, case.id, "withdrawn", on=TODAY, reason="the requester withdrew")
    assert service.change_status(cf, case.id, "closed", on=TODAY).case.status == CaseStatus.CLOSED
    with pytest.raises(InvalidTransition, match="already closed"):
        service.change_status(cf, case.id, "closed", on=TODAY, without_reply="x")
    with pytest.raises(InvalidInput, match="Unknown status 'done'"):
        service.change_status(cf, case.id, "done", on=TODAY)
    assert service.needs_reply(CaseStatus.REJECTED, CaseStatus.CLOSED)
    assert not service.needs_reply(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS)


# --- logging a case ------------------------------------------------------------------------------


def new_case(cf: CaseFile, channel: Channel, subject: DataSubject, **fields: object) -> Case:
    controller = cf.controllers.by_slug("kg", missing_ok=True) or add_controller(cf, "kg", ("KG",))
    return Case(
        id=None,
        reference="",
        controller_id=ControllerId(controller.id or 0),
        subject=subject,
        kinds=(RequestKind.ACCESS,),
        channel=channel,
        received=fields.pop("received", date(2026, 2, 25)),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def test_a_postal_case_needs_an_address_or_an_email(cf) -> None:
    name_only = DataSubject(name="Айбек Токтогулов")
    with pytest.raises(PostalContactMissing, match="postal address or e-mail address"):
        service.add_case(cf, new_case(cf, Channel.POST, name_only), TODAY)
    assert cf.cases.count() == 0
    blank = DataSubject(name="Айбек", address="  \n ", email=" ")
    with pytest.raises(PostalContactMissing):
        service.add_case(cf, new_case(cf, Channel.POST, blank), TODAY)
    by_mail = service.add_case(
        cf, new_case(cf, Channel.POST, DataSubject(name="Айбек", address="ул. Токтогула 5")), TODAY
    )
    by_email = service.add_case(
        cf, new_case(cf, Channel.POST, DataSubject(name="Айбек", email="a@example.kg")), TODAY
    )
    assert by_mail.warnings == () and by_email.warnings == ()
    # an e-mail request is answered by e-mail: the postal rule is not its rule
    email_case = service.add_case(cf, new_case(cf, Channel.EMAIL, name_only), TODAY)
    assert email_case.case.channel == Channel.EMAIL
    assert cf.cases.count() == 3


def test_a_postmark_after_receipt_is_a_warning_and_future_dates_are_refused(cf) -> None:
    subject = DataSubject(name="Айбек", address="ул. Токтогула 5")
    added = service.add_case(
        cf, new_case(cf, Channel.POST, subject, postmark=date(2026, 2, 27)), TODAY
    )
    assert [w.code for w in added.warnings] == ["postmark_after_received"]
    assert "2026-02-27" in added.warnings[0].message and "2026-02-25" in added.warnings[0].message
    assert added.case.postmark == date(2026, 2, 27)  # stored as given: a warning, not a refusal
    fine = service.check_postal(subject, date(2026, 2, 25), date(2026, 2, 20), TODAY)
    assert fine == ()
    with pytest.raises(DateInFuture, match="received date 2026-03-03 is in the future"):
        service.add_case(cf, new_case(cf, Channel.EMAIL, subject, received=date(2026, 3, 3)), TODAY)
    with pytest.raises(DateInFuture, match="postmark 2026-03-05"):
        service.check_postal(subject, date(2026, 2, 25), date(2026, 3, 5), TODAY)
    assert cf.cases.count() == 1


def test_an_event_in_the_future_is_refused(cf) -> None:
    case = in_progress(cf, ("KG",))
    before = snapshot(cf, case)
    with pytest.raises(DateInFuture, match="2026-03-03 is in the future"):
        service.record_clock_event(
            cf, case.id, "identity_requested", date(2026, 3, 3), TODAY, "asked"
        )
    with pytest.raises(InvalidInput, match="Unknown event 'paused'"):
        service.record_clock_event(cf, case.id, "paused", TODAY, TODAY)
    assert snapshot(cf, case) == before
    event = service.record_clock_event(cf, case.id, "identity_requested", TODAY, TODAY, "asked")
    assert cf.cases.clock_events(case.id) == [event]


# --- the extension rule (ADR 0006) ---------------------------------------------------------------


def test_extension_rule_moves_the_governing_date_or_refuses(cf) -> None:
    received = date(2026, 2, 2)
    # GDPR alone: Art. 12(3) allows two further months, the notice goes out within the month
    fr = in_progress(cf, ("FR",), received)
    decision = service.extension_decision(cf, fr.id, date(2026, 2, 10))
    assert decision.allowed and decision.extends == ("FR access",) and decision.stays == ()
    assert (decision.governing_before, decision.governing_after) == (
        date(2026, 3, 2),
        date(2026, 5, 4),
    )
    # Kyrgyz law alone allows none: refused with the engine's reason
    kg = in_progress(cf, ("KG",), received)
    with pytest.raises(ExtensionNotAllowed, match=r"KG \(KG/access\) allows no extension"):
        service.check_extension(cf, kg.id, date(2026, 2, 3))
    # FR and KG: the Kyrgyz date (9 Feb) governs and cannot move, so extending FR is refused
    both = in_progress(cf, ("FR", "KG"), received)
    refused = service.extension_decision(cf, both.id, date(2026, 2, 3))
    assert not refused.allowed and refused.extends == ("FR access",)
    assert "would not move the governing deadline" in refused.reason
    assert "KG access (2026-02-09) stays binding" in refused.reason
    # RU and BR: the Russian date governs and may be extended; the Brazilian one may not, so the
    # governing date moves only to Brazil's - never later than a governing law allows
    ru_br = in_progress(cf, ("RU", "BR"), received)
    moved = service.extension_decision(cf, ru_br.id, date(2026, 2, 5))
    assert moved.allowed and moved.extends == ("RU access",)
    assert [label for label, _ in moved.stays] == ["BR access"]
    assert (moved.governing_before, moved.governing_after) == (date(2026, 2, 16), date(2026, 2, 17))
    event = service.record_clock_event(
        cf, ru_br.id, ClockEventKind.EXTENSION_NOTICE_SENT, date(2026, 2, 5), TODAY
    )
    assert event.kind == ClockEventKind.EXTENSION_NOTICE_SENT
    deadlines = case_deadlines(cf, ru_br.id)
    assert deadlines.governing is not None and deadlines.governing.due == date(2026, 2, 17)
    for d in deadlines.deadlines:
        if not d.extended:
            assert deadlines.governing.due <= d.due
    # once only; and a notice after the unextended due date is too late
    with pytest.raises(ExtensionNotAllowed, match="already extended.*only once"):
        service.check_extension(cf, ru_br.id, date(2026, 2, 6))
    late = service.extension_decision(cf, fr.id, date(2026, 3, 3))
    assert not late.allowed and "too late" in late.reason


def test_the_repository_and_the_letters_engine_apply_the_same_extension_rule(cf) -> None:
    """The one rule is enforced below the services too (a case file write, a finalised notice)."""
    both = in_progress(cf, ("FR", "KG"), date(2026, 2, 25))
    reason = service.extension_decision(cf, both.id, TODAY).reason
    with pytest.raises(ExtensionNotAllowed) as by_repository:
        cf.cases.add_clock_event(both.id, ClockEventKind.EXTENSION_NOTICE_SENT, TODAY)
    with pytest.raises(ExtensionNotAllowed) as by_letters:
        letters.finalise(
            cf,
            both.id,
            "extension_notice",
            "en",
            TODAY,
            extension_reasons="Ten years of archives.",
            acknowledge_warnings=True,
        )
    assert str(by_repository.value) == str(by_letters.value) == reason
    assert cf.cases.clock_events(both.id) == [] and cf.letters.for_case(both.id) == []
