"""Checks before a letter goes out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from dpo_desk.core.model import ControllerProfile, LetterKind, VerificationPolicy
from dpo_desk.letters import templates as t
from dpo_desk.letters.checks import LetterWarning, Warning, check_letter
from dpo_desk.letters.render import LetterInput, compose_text

MakeInput = Callable[..., LetterInput]
TODAY = date(2026, 11, 20)
# Warnings that depend on the template language or regime, not on what a test looks at.
BACKGROUND = {"needs_legal_review", "extension_not_in_law"}


def codes(
    inp: LetterInput,
    *,
    request_language: str | None = None,
    jurisdictions: tuple[str, ...] | None = None,
    today: date = TODAY,
    passed: bool = False,
    text: str | None = None,
    **kw: object,
) -> list[str]:
    found = check_letter(
        inp,
        inp.language if request_language is None else request_language,
        inp.controller.jurisdictions if jurisdictions is None else jurisdictions,
        today,
        passed,
        compose_text(inp).text if text is None else text,
        **kw,  # type: ignore[arg-type]
    )
    assert all(isinstance(w, LetterWarning) and w.message for w in found)
    return [w.code for w in found]


def test_warning_is_the_issue_name_for_the_dataclass() -> None:
    assert Warning is LetterWarning


@pytest.mark.parametrize("juris", [("KG", "FR"), ("KZ",), ("RU",), ("UK-ENG",), ("US-CA",)])
@pytest.mark.parametrize("language", t.LANGUAGES)
@pytest.mark.parametrize("kind", list(LetterKind), ids=lambda k: k.value)
def test_bundled_letters_raise_no_warnings(
    make_input: MakeInput, controller, kind: LetterKind, language: str, juris: tuple[str, ...]
) -> None:
    ctrl = replace(
        controller,
        jurisdictions=juris,
        verification=VerificationPolicy(
            accepted=("account_match", "registered_email", "eds", "egov", "id_document_details")
        ),
    )
    inp = make_input(kind, language, controller=ctrl, jurisdiction=juris[0])
    assert set(codes(inp)) <= BACKGROUND
    assert ("needs_legal_review" in codes(inp)) is (language in ("kk", "ky"))


def test_reply_language_differs_from_the_request(make_input: MakeInput) -> None:
    inp = make_input(LetterKind.ACKNOWLEDGEMENT, "en")
    assert "language_mismatch" in codes(inp, request_language="ru")
    assert "language_mismatch" not in codes(inp, request_language="EN")
    assert "language_mismatch" not in codes(inp, request_language="")


def test_refusal_without_reasons_or_legal_ground(make_input: MakeInput) -> None:
    inp = make_input(LetterKind.REFUSAL, refusal_reasons=" ", legal_ground="")
    found = codes(inp)
    assert "refusal_without_reasons" in found
    assert "refusal_without_legal_ground" in found


def test_refusal_without_complaint_paragraph(make_input: MakeInput) -> None:
    edited = "Dear Ms Roe,\n\nWe refuse your request.\n\nYours sincerely,"
    inp = make_input(LetterKind.REFUSAL, body_override=edited)
    assert "missing_complaint_paragraph" in codes(inp)
    assert "missing_complaint_paragraph" not in codes(make_input(LetterKind.REFUSAL))


def test_refusal_with_unknown_jurisdiction(make_input: MakeInput, controller) -> None:
    ctrl = replace(controller, jurisdictions=("XX",))
    inp = make_input(LetterKind.REFUSAL, controller=ctrl, jurisdiction="")
    found = codes(inp)
    assert "no_supervisory_authority" in found
    assert "missing_complaint_paragraph" not in found  # the general paragraph is there


def test_deadline_passed_without_extension(make_input: MakeInput) -> None:
    inp = make_input(LetterKind.ACCESS_RESPONSE, extended_due=None)
    assert "deadline_passed" in codes(inp, passed=True)
    assert "deadline_passed" in codes(inp, today=date(2026, 11, 24))
    extended = make_input(LetterKind.ACCESS_RESPONSE, extended_due=date(2027, 1, 16))
    assert "deadline_passed" not in codes(extended, today=date(2026, 11, 24))
    assert "deadline_passed" not in codes(inp)


def test_extension_notice_after_the_deadline_or_where_the_law_has_none(
    make_input: MakeInput,
) -> None:
    late = make_input(LetterKind.EXTENSION_NOTICE, jurisdiction="FR")
    assert codes(late, today=date(2026, 11, 24)) == ["extension_too_late"]
    assert "extension_not_in_law" in codes(
        make_input(LetterKind.EXTENSION_NOTICE, jurisdiction="KZ")
    )
    assert codes(make_input(LetterKind.EXTENSION_NOTICE, jurisdiction="RU")) == []


def test_acknowledgement_without_deadline(make_input: MakeInput) -> None:
    assert "no_deadline_stated" in codes(make_input(LetterKind.ACKNOWLEDGEMENT, deadline_due=None))


def test_internal_target_cited_as_law(make_input: MakeInput) -> None:
    inp = make_input(
        LetterKind.ACKNOWLEDGEMENT,
        deadline_statutory=False,
        deadline_citation="Internal target: 7 days",
    )
    assert "internal_target_cited" not in codes(inp)
    edited = "We must reply by 23 November 2026 under Internal target: 7 days."
    assert "internal_target_cited" in codes(inp, text=edited)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Please send us a copy of your passport."),
        ("ru", "Просим направить копию паспорта."),
        ("fr", "Merci de nous adresser une copie de votre pièce d'identité."),
        ("kk", "Жеке басты куәландыратын құжаттың көшірмесін жіберіңіз."),
        ("ky", "Инсандыкты ырастаган документтин көчүрмөсүн жөнөтүңүз."),
    ],
)
def test_kazakh_controller_asks_for_an_id_copy(
    make_input: MakeInput, controller, language: str, sentence: str
) -> None:
    ctrl = replace(controller, jurisdictions=("KZ",))
    inp = make_input(LetterKind.IDENTITY_REQUEST, language, controller=ctrl, jurisdiction="KZ")
    assert "paper_id_copy_kz" in codes(inp, text=sentence)
    assert "paper_id_copy_kz" not in codes(inp)


def test_bundled_identity_request_for_a_kazakh_controller_that_wants_id_copies(
    make_input: MakeInput, controller
) -> None:
    ctrl = replace(
        controller,
        jurisdictions=("KZ",),
        verification=VerificationPolicy(accepted=("id_copy",)),
    )
    inp = make_input(LetterKind.IDENTITY_REQUEST, "kk", controller=ctrl, jurisdiction="KZ")
    assert "paper_id_copy_kz" in codes(inp)


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_signed_id_copy_under_french_rules_without_doubt(
    make_input: MakeInput, controller, language: str
) -> None:
    ctrl = replace(controller, verification=VerificationPolicy(accepted=("signed_id_copy",)))
    inp = make_input(LetterKind.IDENTITY_REQUEST, language, controller=ctrl, jurisdiction="FR")
    assert "signed_id_copy_without_doubt" in codes(inp)
    with_doubt = replace(inp, identity_doubt="The signature on your letter differs from ours.")
    assert "signed_id_copy_without_doubt" not in codes(with_doubt)


def test_id_copy_without_doubt_under_gdpr(make_input: MakeInput, controller) -> None:
    ctrl = replace(controller, jurisdictions=("UK-ENG",))
    inp = make_input(LetterKind.IDENTITY_REQUEST, controller=ctrl, jurisdiction="UK-ENG")
    found = codes(inp, text="Please send a scan of your passport.")
    assert "id_copy_without_doubt" in found and "signed_id_copy_without_doubt" not in found
    kg_only = replace(controller, jurisdictions=("KG",))
    kg = make_input(LetterKind.IDENTITY_REQUEST, controller=kg_only, jurisdiction="KG")
    assert "id_copy_without_doubt" not in codes(kg, text="Please send a scan of your passport.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Requests are accepted only by registered post.",
        "Your reply must be sent by post to our office.",
        "We do not accept requests sent by e-mail.",
        "Запросы принимаются только почтой.",
        "Мы не принимаем запросы по электронной почте.",
        "Les demandes sont traitées uniquement par courrier recommandé.",
        "Өтініштер тек пошта арқылы қабылданады.",
        "Арыздар почта аркылуу гана кабыл алынат.",
    ],
)
def test_letter_insisting_on_a_channel(make_input: MakeInput, sentence: str) -> None:
    inp = make_input(LetterKind.IDENTITY_REQUEST)
    assert "channel_insisted" in codes(inp, text=sentence)


def test_in_writing_only_is_the_kyrgyz_rule(make_input: MakeInput, controller) -> None:
    sentence = "Requests must be made in writing."
    kg = replace(controller, jurisdictions=("KG",))
    assert "channel_insisted" not in codes(
        make_input(LetterKind.IDENTITY_REQUEST, controller=kg), text=sentence
    )
    assert "channel_insisted" in codes(make_input(LetterKind.IDENTITY_REQUEST), text=sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Please send us a signed request.",
        "The request must be signed by hand.",
        "Просим направить запрос с собственноручной подписью.",
        "Merci de nous adresser une demande signée.",
        "Нам нужна ваша signature manuscrite.",
    ],
)
def test_letter_demanding_a_signature(make_input: MakeInput, sentence: str) -> None:
    inp = make_input(LetterKind.IDENTITY_REQUEST, jurisdiction="FR")
    assert "signature_demanded" in codes(inp, text=sentence)


def test_russian_law_requires_a_signature(make_input: MakeInput, controller) -> None:
    ru = replace(controller, jurisdictions=("RU",))
    inp = make_input(LetterKind.IDENTITY_REQUEST, "ru", controller=ru, jurisdiction="RU")
    assert "signature_demanded" not in codes(inp, text="Запрос должен быть подписан.")


def test_template_needing_legal_review(make_input: MakeInput) -> None:
    inp = make_input(LetterKind.ACKNOWLEDGEMENT, "ky")
    assert "needs_legal_review" in codes(inp)
    assert "needs_legal_review" not in codes(inp, legal_review_cleared=True)
    assert "needs_legal_review" not in codes(make_input(LetterKind.ACKNOWLEDGEMENT, "en"))


def test_access_response_gaps(make_input: MakeInput, controller) -> None:
    ctrl = replace(controller, profile=ControllerProfile(purposes=("Billing",)))
    found = codes(make_input(LetterKind.ACCESS_RESPONSE, controller=ctrl, enclosures=()))
    # the profile's completeness is decided per language and law in services/letters.py
    assert "access_profile_incomplete" not in found
    assert "access_without_enclosures" in found
