"""Letters on the case file: inputs from a demo case, preview checks, finalise, effects, sending,
the register and per-controller template overrides."""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring
from pypdf import PdfReader

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.deadlines import case_deadlines
from dpo_desk.core.errors import (
    ExtensionNotAllowed,
    InvalidInput,
    InvalidTransition,
    KnownError,
    NotFound,
    TemplateError,
)
from dpo_desk.core.model import (
    Case,
    CaseStatus,
    Channel,
    ClockEventKind,
    Controller,
    ControllerId,
    ControllerProfile,
    DataSubject,
    LetterKind,
    RequestKind,
)
from dpo_desk.demo import seed_demo
from dpo_desk.letters import service
from dpo_desk.letters.render import compose_text
from dpo_desk.letters.templates import bundled_template, format_date, law_citation

KEY = Key(raw=bytes(range(32, 64)))
TODAY = date(2026, 3, 2)
CLOCK = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
FR_NAME = "Élodie Lefèvre"


def _build_demo(path: Path) -> None:
    """The demo file, plus a French controller with an access request received ten days ago."""
    cf = CaseFile.create(path, KEY, clock=lambda: CLOCK).casefile
    try:
        seed_demo(cf, TODAY)
        paris = cf.controllers.add(
            Controller(
                id=None,
                slug="paris",
                name="Société Lumière",
                legal_entity="Lumière SAS",
                registration_no="RCS Paris 123 456 789",
                address="10 rue de Rivoli\n75004 Paris\nFrance",
                dpo_contact="dpo@lumiere.example",
                jurisdictions=("FR",),
                languages=("fr", "en"),
                profile=ControllerProfile(
                    purposes=("gestion de votre compte",),
                    categories=("identité", "coordonnées"),
                    recipients=("nos hébergeurs",),
                    retention="pendant la durée du contrat",
                    sources=("vous",),
                ),
            )
        )
        cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(paris.id or 0),
                subject=DataSubject(name=FR_NAME, address="12 rue des Lilas\n75011 Paris\nFrance"),
                kinds=(RequestKind.ACCESS,),
                channel=Channel.POST,
                received=TODAY - timedelta(days=10),
                language="fr",
                reply_language="fr",
            )
        )
    finally:
        cf.close()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("letters-demo") / "demo.dpodesk"
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())  # module scope: the per-test memory keyring is not up yet
    try:
        _build_demo(path)
    finally:
        keyring.set_keyring(previous)
    return path


@pytest.fixture
def cf(demo_file: Path, tmp_path: Path) -> Iterator[CaseFile]:
    copy = tmp_path / "case.dpodesk"
    shutil.copyfile(demo_file, copy)
    casefile = CaseFile.open(copy, KEY, clock=lambda: CLOCK)
    yield casefile
    casefile.close()


def find(cf: CaseFile, slug: str, *, kinds: tuple[str, ...], status: str | None = None) -> Case:
    for row in cf.cases.list():
        same = row.controller_slug == slug and row.kinds == kinds
        if same and (status is None or row.status == status):
            return cf.cases.get(row.id)
    raise LookupError(f"no {slug} case {kinds} {status}")


def infinity_case(cf: CaseFile) -> Case:
    """INFINITY (KG + FR), post, erasure and consent withdrawal, request in Kyrgyz, reply in en."""
    return find(cf, "infinity", kinds=("erasure", "consent_withdrawal"), status="received")


def fr_case(cf: CaseFile) -> Case:
    return find(cf, "paris", kinds=("access",))


def codes(warnings: list[service.LetterWarning]) -> set[str]:
    return {w.code for w in warnings}


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


# --- build_input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(LetterKind), ids=lambda k: k.value)
def test_build_input_fills_every_kind_from_the_demo_case(cf: CaseFile, kind: LetterKind) -> None:
    case = infinity_case(cf)
    controller = cf.controllers.get(case.controller_id)
    governing = case_deadlines(cf, case.id or 0).governing
    assert governing is not None
    inp = service.build_input(
        cf,
        case.id or 0,
        kind,
        None,
        TODAY,
        refusal_reasons="We hold no data about you.",
        legal_ground="Article 15 of Law No. 58",
        extension_reasons="Three systems to search.",
        enclosures=["Copy of your data"],
    )
    assert inp.kind == kind and inp.date == TODAY
    assert inp.language == case.reply_language == "en"
    assert inp.controller == controller and inp.controller.profile.purposes
    assert inp.recipient_name == case.subject.name
    assert inp.recipient_address == case.subject.address and "\n" in inp.recipient_address
    assert inp.deadline_due == governing.due
    assert inp.deadline_statutory is governing.statutory
    # the letter cites the law in its own language, never the engine's English note
    assert inp.deadline_citation == law_citation("KG", "en") != governing.citation
    assert inp.deadline_citation.startswith("Law of the Kyrgyz Republic No. 58")
    assert inp.jurisdiction == governing.jurisdiction == "KG"
    assert inp.enclosures == ("Copy of your data",)
    assert inp.refusal_reasons == "We hold no data about you."
    expected_actions = ("erasure", "consent_withdrawal")
    assert inp.actions == (expected_actions if kind == LetterKind.ACTION_CONFIRMATION else ())
    text = compose_text(inp).text
    assert case.reference in text and case.subject.name in text
    assert "{" not in text and "}" not in text


def test_an_email_case_is_addressed_to_the_email_line(cf: CaseFile) -> None:
    case = find(cf, "infini", kinds=("erasure",), status="in_progress")
    assert case.channel == Channel.EMAIL and case.subject.email
    inp = service.build_input(cf, case.id or 0, "acknowledgement", None, TODAY)
    assert inp.recipient_address == case.subject.email
    assert inp.language == case.reply_language
    assert inp.jurisdiction == "KZ"
    override = service.build_input(
        cf, case.id or 0, "acknowledgement", "kk", TODAY, recipient_address="Абай даңғылы 1"
    )
    assert override.recipient_address == "Абай даңғылы 1" and override.language == "kk"


def test_unknown_kind_language_and_field_name_the_valid_ones(cf: CaseFile) -> None:
    case_id = infinity_case(cf).id or 0
    with pytest.raises(InvalidInput, match="valid: acknowledgement, identity_request"):
        service.build_input(cf, case_id, "apology", None, TODAY)
    with pytest.raises(InvalidInput, match=r"'de' \(valid: en, ru, fr, kk, ky\)"):
        service.build_input(cf, case_id, "refusal", "de", TODAY)
    with pytest.raises(InvalidInput, match="Unknown letter field.*mood"):
        service.build_input(cf, case_id, "refusal", "en", TODAY, mood="sorry")
    with pytest.raises(InvalidInput, match="must be text"):
        service.build_input(cf, case_id, "refusal", "en", TODAY, legal_ground=15)


# --- preview and its warnings --------------------------------------------------------------------


def test_preview_renders_in_memory_and_stores_nothing(cf: CaseFile) -> None:
    case = fr_case(cf)
    before = len(cf.audit.events())
    shown = service.preview(
        cf, case.id or 0, "access_response", "fr", TODAY, enclosures=["Copie de vos données"]
    )
    assert shown.pdf.startswith(b"%PDF") and shown.pages == len(
        PdfReader(io.BytesIO(shown.pdf)).pages
    )
    assert shown.warnings == [] and shown.blocking == []
    assert shown.flags.source == "bundled" and shown.flags.needs_legal_review is False
    assert "CNIL" in shown.text.text or "Commission nationale" in shown.text.text
    assert cf.letters.for_case(case.id or 0) == [] and len(cf.audit.events()) == before


def test_a_reply_in_another_language_only_warns(cf: CaseFile) -> None:
    case = fr_case(cf)
    shown = service.preview(
        cf, case.id or 0, "access_response", "en", TODAY, enclosures=["Copy of your data"]
    )
    assert codes(shown.warnings) == {"language_mismatch"} and shown.blocking == []
    record = service.finalise(
        cf, case.id or 0, "access_response", "en", TODAY, enclosures=["Copy of your data"]
    )
    assert record.status == "final"
    assert [w.code for w in service.stored_letter(record).warnings] == ["language_mismatch"]


def test_a_refusal_without_reasons_blocks_until_acknowledged(cf: CaseFile) -> None:
    case = fr_case(cf)
    shown = service.preview(cf, case.id or 0, "refusal", "fr", TODAY)
    blocking = {"refusal_without_reasons", "refusal_without_legal_ground"}
    assert codes(shown.blocking) == blocking
    audit_before = len(cf.audit.events())
    with pytest.raises(service.LetterBlocked, match="not finalised: 2 blocking warnings") as exc:
        service.finalise(cf, case.id or 0, "refusal", "fr", TODAY)
    assert codes(list(exc.value.warnings)) == blocking
    assert cf.letters.for_case(case.id or 0) == []
    assert len(cf.audit.events()) == audit_before

    record = service.finalise(cf, case.id or 0, "refusal", "fr", TODAY, acknowledge_warnings=True)
    assert set(service.stored_letter(record).acknowledged) == blocking
    acknowledged = [
        e for e in cf.audit.events(case.id) if e.action == "letter.warnings_acknowledged"
    ]
    assert acknowledged and set(acknowledged[0].data["codes"]) == blocking


def test_an_edited_refusal_without_the_complaint_paragraph_blocks(cf: CaseFile) -> None:
    case = fr_case(cf)
    body = (
        "Madame,\n\nNous refusons votre demande, faute de données vous concernant.\n\nCordialement,"
    )
    shown = service.preview(
        cf,
        case.id or 0,
        "refusal",
        "fr",
        TODAY,
        body_override=body,
        refusal_reasons="Aucune donnée.",
        legal_ground="l'article 15 du RGPD",
    )
    assert codes(shown.blocking) == {"missing_complaint_paragraph"}
    assert "faute de données" in shown.text.body
    with pytest.raises(service.LetterBlocked, match="missing_complaint_paragraph"):
        service.finalise(
            cf,
            case.id or 0,
            "refusal",
            "fr",
            TODAY,
            body_override=body,
            refusal_reasons="Aucune donnée.",
            legal_ground="l'article 15 du RGPD",
        )
    with pytest.raises(InvalidInput, match="empty"):
        service.preview(cf, case.id or 0, "refusal", "fr", TODAY, body_override="  \n")


def test_a_passed_deadline_without_extension_warns(cf: CaseFile) -> None:
    late = infinity_case(cf)
    assert case_deadlines(cf, late.id or 0).governing.due < TODAY  # type: ignore[union-attr]
    shown = service.preview(cf, late.id or 0, "acknowledgement", "ky", TODAY)
    assert "deadline_passed" in codes(shown.warnings)
    assert "deadline_passed" not in codes(shown.blocking)
    on_time = service.preview(cf, fr_case(cf).id or 0, "acknowledgement", "fr", TODAY)
    assert "deadline_passed" not in codes(on_time.warnings)


def test_a_paper_id_copy_asked_of_a_kazakh_controllers_subject_blocks(cf: CaseFile) -> None:
    case = find(cf, "infini", kinds=("erasure",), status="in_progress")
    default = service.preview(cf, case.id or 0, "identity_request", "en", TODAY)
    assert "paper_id_copy_kz" not in codes(default.warnings)
    shown = service.preview(
        cf, case.id or 0, "identity_request", "en", TODAY, identity_means=["id_copy"]
    )
    assert "paper_id_copy_kz" in codes(shown.blocking)
    with pytest.raises(service.LetterBlocked, match="paper_id_copy_kz"):
        service.finalise(
            cf, case.id or 0, "identity_request", "en", TODAY, identity_means=["id_copy"]
        )


def test_the_legal_review_flag_of_a_kazakh_template_is_shown(cf: CaseFile) -> None:
    case = find(cf, "infini", kinds=("erasure",), status="in_progress")
    shown = service.preview(cf, case.id or 0, "acknowledgement", "kk", TODAY)
    assert shown.flags.needs_legal_review is True
    assert "needs_legal_review" in codes(shown.warnings)
    assert "needs_legal_review" not in codes(shown.blocking)


# --- finalise ------------------------------------------------------------------------------------


def test_finalise_stores_an_immutable_pdf_whose_hash_matches(cf: CaseFile) -> None:
    case = infinity_case(cf)
    record = service.finalise(
        cf,
        case.id or 0,
        "action_confirmation",
        None,
        TODAY,
        signatory_name="Aigerim Sadykova",
    )
    pdf = cf.letters.pdf(record.id)
    assert record.status == "final" and record.finalised_at == CLOCK
    assert hashlib.sha256(pdf).hexdigest() == record.sha256
    text = pdf_text(pdf)
    assert case.subject.name in text and case.reference in text and "Aigerim Sadykova" in text
    stored = service.stored_letter(record)
    assert stored.letter_date == TODAY and stored.subject in text
    assert stored.fields == {"signatory_name": "Aigerim Sadykova"}
    finalised = [e for e in cf.audit.events(case.id) if e.action == "letter.finalised"]
    assert finalised[-1].data["sha256"] == record.sha256

    with pytest.raises(Exception, match="a finalised letter cannot be changed"):
        cf.db["letters"].update(record.id, {"text": "forged", "sha256": "0" * 64})
    with pytest.raises(Exception, match="a finalised letter cannot be deleted"):
        cf.db["letters"].delete(record.id)
    with pytest.raises(KnownError, match="cannot be changed"):
        cf.letters.save_draft(case.id or 0, "refusal", "en", "forged", letter_id=record.id)
    with pytest.raises(KnownError, match="kept as evidence"):
        cf.letters.delete_draft(record.id)
    assert cf.letters.pdf(record.id) == pdf and cf.letters.get(record.id).sha256 == record.sha256


def test_a_draft_is_finalised_once(cf: CaseFile) -> None:
    case = fr_case(cf)
    draft = service.save_draft(
        cf,
        case.id or 0,
        "refusal",
        "fr",
        TODAY,
        refusal_reasons="Nous ne détenons aucune donnée vous concernant.",
        legal_ground="l'article 15 du RGPD",
    )
    assert draft.status == "draft" and draft.sha256 is None
    with pytest.raises(NotFound):
        cf.letters.pdf(draft.id)
    final = service.finalise_draft(cf, draft.id, TODAY)
    assert final.id == draft.id and final.status == "final"
    assert "aucune donnée vous concernant" in pdf_text(cf.letters.pdf(final.id))
    with pytest.raises(KnownError, match="already final"):
        service.finalise_draft(cf, draft.id, TODAY)
    with pytest.raises(KnownError, match="already final"):
        service.finalise(cf, case.id or 0, "refusal", "fr", TODAY, letter_id=draft.id)
    with pytest.raises(KnownError, match="already final"):
        cf.letters.finalise(draft.id, b"%PDF-1.4", "{}")
    assert len(cf.letters.for_case(case.id or 0)) == 1


def test_a_draft_of_another_case_is_refused(cf: CaseFile) -> None:
    draft = service.save_draft(cf, fr_case(cf).id or 0, "acknowledgement", "fr", TODAY)
    other = infinity_case(cf).id or 0
    with pytest.raises(InvalidInput, match="another case"):
        service.finalise(cf, other, "acknowledgement", "en", TODAY, letter_id=draft.id)


# --- effects on the case -------------------------------------------------------------------------


def test_an_extension_notice_on_a_kyrgyz_case_is_refused_and_nothing_stored(cf: CaseFile) -> None:
    case = find(cf, "astrum-oyun", kinds=("access",), status="in_progress")
    shown = service.preview(cf, case.id or 0, "extension_notice", "ru", TODAY)
    assert "extension_not_in_law" in codes(shown.blocking)
    assert "не позднее ________" in shown.text.body  # a blank to fill, not a silent gap
    events = cf.cases.clock_events(case.id or 0)
    audit = len(cf.audit.events())
    with pytest.raises(ExtensionNotAllowed, match=r"KG \(KG/access\) allows no extension"):
        service.finalise(
            cf,
            case.id or 0,
            "extension_notice",
            "ru",
            TODAY,
            extension_reasons="Запрос сложный.",
            acknowledge_warnings=True,
        )
    assert cf.letters.for_case(case.id or 0) == []
    assert cf.cases.clock_events(case.id or 0) == events
    assert len(cf.audit.events()) == audit


def test_an_extension_notice_on_a_french_case_moves_the_due_date(cf: CaseFile) -> None:
    case = fr_case(cf)
    before = case_deadlines(cf, case.id or 0).governing
    assert before is not None and before.extended_due is not None and not before.extended
    inp = service.build_input(cf, case.id or 0, "extension_notice", None, TODAY)
    assert inp.deadline_due == before.due and inp.extended_due == before.extended_due
    record = service.finalise(
        cf,
        case.id or 0,
        "extension_notice",
        None,
        TODAY,
        extension_reasons="Votre demande porte sur dix ans d'archives.",
    )
    after = case_deadlines(cf, case.id or 0).governing
    assert after is not None and after.extended
    assert after.due == before.extended_due > before.due
    assert cf.cases.get(case.id or 0).status == CaseStatus.RECEIVED
    events = cf.cases.clock_events(case.id or 0)
    assert [(e.kind, e.on) for e in events] == [(ClockEventKind.EXTENSION_NOTICE_SENT, TODAY)]
    assert f"letter {record.id}" in events[0].note
    assert format_date(after.due, "fr") in service.stored_letter(record).body
    with pytest.raises(KnownError, match="extended only once"):
        service.finalise(cf, case.id or 0, "extension_notice", None, TODAY, extension_reasons="x")


def test_an_identity_request_pauses_the_clock_and_awaits_identity(cf: CaseFile) -> None:
    case = fr_case(cf)
    cf.identity.record(
        case.id or 0,
        method="paper_checklist",
        outcome="more_information_needed",
        checklist={"request_more": "La signature diffère de celle de votre contrat."},
    )
    due = service.build_input(cf, case.id or 0, "acknowledgement", None, TODAY).deadline_due
    inp = service.build_input(cf, case.id or 0, "identity_request", None, TODAY)
    assert inp.identity_doubt == "La signature diffère de celle de votre contrat."
    record = service.finalise(
        cf,
        case.id or 0,
        "identity_request",
        None,
        TODAY,
        identity_means=["account_match"],
        clarification="Précisez le compte concerné.",
    )
    assert "La signature diffère" in service.stored_letter(record).body
    after = cf.cases.get(case.id or 0)
    assert after.status == CaseStatus.AWAITING_IDENTITY
    kinds = [(e.kind, e.on) for e in cf.cases.clock_events(case.id or 0)]
    assert kinds == [
        (ClockEventKind.IDENTITY_REQUESTED, TODAY),
        (ClockEventKind.CLARIFICATION_REQUESTED, TODAY),
    ]
    # French law suspends the period while the information is awaited: ten days later the
    # due date has moved by ten days.
    later = TODAY + timedelta(days=10)
    moved = service.build_input(cf, case.id or 0, "acknowledgement", None, later).deadline_due
    assert due is not None and moved == due + timedelta(days=10)
    status_events = [e for e in cf.audit.events(case.id) if e.action == "case.status"]
    assert status_events[-1].data["to"] == "awaiting_identity"
    assert f"letter {record.id}" in status_events[-1].data["reason"]
    # A second request continues the open pause.
    service.finalise(cf, case.id or 0, "identity_request", None, TODAY, identity_means=["eds"])
    requested = [
        e
        for e in cf.cases.clock_events(case.id or 0)
        if e.kind == ClockEventKind.IDENTITY_REQUESTED
    ]
    assert len(requested) == 1


def test_an_identity_request_on_a_closed_case_is_refused(cf: CaseFile) -> None:
    case = find(cf, "backgroundmusic", kinds=("rectification",), status="closed")
    before = cf.letters.for_case(case.id or 0)  # the demo's acknowledgement and confirmation
    with pytest.raises(InvalidTransition, match="closed cannot become awaiting identity"):
        service.finalise(
            cf, case.id or 0, "identity_request", None, TODAY, identity_means=["account_match"]
        )
    assert cf.letters.for_case(case.id or 0) == before


# --- sending and the register --------------------------------------------------------------------


def test_record_sent_moves_the_status_and_fills_the_register(cf: CaseFile) -> None:
    case = fr_case(cf)
    record = service.finalise(
        cf, case.id or 0, "access_response", "fr", TODAY, enclosures=["Copie de vos données"]
    )
    with pytest.raises(InvalidInput, match="registered-mail number"):
        service.record_sent(cf, record.id, TODAY, "registered_post")
    with pytest.raises(InvalidInput, match="post, registered_post, email"):
        service.record_sent(cf, record.id, TODAY, "pigeon")
    with pytest.raises(InvalidInput, match="dated 2026-03-02"):
        service.record_sent(cf, record.id, TODAY - timedelta(days=1), "post")
    with pytest.raises(InvalidInput, match="future"):
        service.record_sent(cf, record.id, TODAY + timedelta(days=1), "post", today=TODAY)
    assert cf.cases.get(case.id or 0).status == CaseStatus.RECEIVED

    sent_on = TODAY + timedelta(days=1)
    result = service.record_sent(cf, record.id, sent_on, "registered_post", "RR123456785FR")
    assert result.status_changed and result.case_status == "responded"
    after = cf.cases.get(case.id or 0)
    assert after.status == CaseStatus.RESPONDED and after.responded_on == sent_on
    with pytest.raises(KnownError, match="already recorded as sent on 2026-03-03"):
        service.record_sent(cf, record.id, sent_on, "post")

    rows = [r for r in service.letter_register(cf) if r.case_id == case.id]
    assert [r.to_dict() for r in rows] == [
        {
            "letter_id": record.id,
            "case_id": case.id,
            "reference": case.reference,
            "kind": "access_response",
            "language": "fr",
            "dated": "2026-03-02",
            "finalised": "2026-03-02",
            "sent": "2026-03-03",
            "channel": "registered_post",
            "registered_no": "RR123456785FR",
            "sha256": record.sha256,
        }
    ]
    assert service.letter_register(cf, TODAY + timedelta(days=1)) == []
    assert record.id in [r.letter_id for r in service.letter_register(cf, TODAY, TODAY)]


def test_a_sent_refusal_rejects_the_case_and_other_letters_leave_it(cf: CaseFile) -> None:
    case = infinity_case(cf)
    ack = service.finalise(cf, case.id or 0, "acknowledgement", None, TODAY)
    result = service.record_sent(cf, ack.id, TODAY, "post")
    assert not result.status_changed and result.case_status == "received"
    refusal = service.finalise(
        cf,
        case.id or 0,
        "refusal",
        None,
        TODAY,
        refusal_reasons="We could not find any account in your name.",
        legal_ground="Article 15 of Law No. 58",
    )
    result = service.record_sent(cf, refusal.id, TODAY, "email")
    assert result.status_changed and cf.cases.get(case.id or 0).status == CaseStatus.REJECTED
    draft = service.save_draft(cf, case.id or 0, "acknowledgement", None, TODAY)
    with pytest.raises(KnownError, match="Finalise the letter"):
        service.record_sent(cf, draft.id, TODAY, "post")


def test_a_letter_sent_on_a_closed_case_keeps_its_status(cf: CaseFile) -> None:
    case = find(cf, "backgroundmusic", kinds=("rectification",), status="closed")
    record = service.finalise(cf, case.id or 0, "action_confirmation", "en", TODAY)
    result = service.record_sent(cf, record.id, TODAY, "email")
    assert not result.status_changed and result.case_status == "closed"
    assert "left unchanged" in result.note


# --- template overrides --------------------------------------------------------------------------


def _override_body(extra: str) -> str:
    body = bundled_template(LetterKind.REFUSAL, "fr").body
    return (
        f'needs_legal_review = true\nreview_note = "Wording of our lawyer, to be checked."\n'
        f'body = """\n{body}\n\n{extra}\n"""\n'
    )


def test_an_override_is_checked_before_it_is_stored(cf: CaseFile) -> None:
    paris = cf.controllers.by_slug("paris")
    assert paris is not None and paris.id is not None
    with pytest.raises(TemplateError, match=r"'\{case\.__class__\}'.*not allowed"):
        service.set_override(cf, paris.id, "refusal", "fr", _override_body("{case.__class__}"))
    with pytest.raises(TemplateError, match=r"Unknown placeholder \{password\}"):
        service.set_override(cf, paris.id, "refusal", "fr", _override_body("{password}"))
    dropped = 'body = """\nNous refusons. {complaint_paragraph}\n"""\n'
    with pytest.raises(TemplateError, match=r"leaves out .*\{refusal_reasons\}"):
        service.set_override(cf, paris.id, "refusal", "fr", dropped)
    with pytest.raises(TemplateError, match="Unknown part"):
        service.set_override(cf, paris.id, "refusal", "fr", '[parts]\nbonus = "Merci."\n')
    with pytest.raises(TemplateError, match="empty"):
        service.set_override(cf, paris.id, "refusal", "fr", "  ")
    assert cf.templates.list(paris.id) == []


def test_a_stored_override_is_used_and_its_review_flag_shown(cf: CaseFile) -> None:
    paris = cf.controllers.by_slug("paris")
    assert paris is not None and paris.id is not None
    case = fr_case(cf)
    extra = "Notre service client reste à votre disposition ({reference})."
    flags = service.set_override(cf, paris.id, "refusal", "fr", _override_body(extra))
    assert flags.needs_legal_review and flags.source == "override"
    assert cf.templates.list(paris.id) == [("refusal", "fr")]
    fields = {"refusal_reasons": "Aucune donnée.", "legal_ground": "l'article 15 du RGPD"}
    shown = service.preview(cf, case.id or 0, "refusal", "fr", TODAY, **fields)
    assert f"Notre service client reste à votre disposition ({case.reference})." in shown.text.body
    assert shown.flags.source == "override" and shown.flags.needs_legal_review
    assert "needs_legal_review" in codes(shown.warnings)
    assert "Wording of our lawyer" in next(
        w.message for w in shown.warnings if w.code == "needs_legal_review"
    )
    text = service.template_text(cf, paris.id, "refusal", "fr")
    assert text.source == "override" and "Notre service client" in text.text
    other = find(cf, "infinity", kinds=("erasure", "consent_withdrawal"), status="received")
    plain = service.preview(cf, other.id or 0, "refusal", "fr", TODAY, **fields)
    assert plain.flags.source == "bundled"

    service.clear_override(cf, paris.id, "refusal", "fr")
    back = service.preview(cf, case.id or 0, "refusal", "fr", TODAY, **fields)
    assert back.flags.source == "bundled" and "Notre service client" not in back.text.body
    assert service.template_text(cf, paris.id, "refusal", "fr").source == "bundled"
    with pytest.raises(NotFound, match="no override"):
        service.clear_override(cf, paris.id, "refusal", "fr")
    actions = [e.action for e in cf.audit.events() if e.action.startswith("template.")]
    assert actions == ["template.overridden", "template.override_removed"]
