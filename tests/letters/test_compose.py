"""Composing a letter's text: parts chosen per case, values inserted literally."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from dpo_desk.core.errors import TemplateError, UnknownRequestKind
from dpo_desk.core.model import LetterKind, RequestKind, VerificationPolicy
from dpo_desk.letters import templates as t
from dpo_desk.letters.profile import required_items
from dpo_desk.letters.render import LetterInput, compose_text, pause_model, template_flags

MakeInput = Callable[..., LetterInput]


@pytest.mark.parametrize("language", t.LANGUAGES)
@pytest.mark.parametrize("kind", list(LetterKind), ids=lambda k: k.value)
def test_every_kind_composes_without_leftover_placeholders(
    make_input: MakeInput, kind: LetterKind, language: str
) -> None:
    letter = compose_text(make_input(kind, language))
    assert "{" not in letter.text and "}" not in letter.text
    assert "2026-0042" in letter.text
    assert letter.subject
    assert letter.paragraphs[0] == t.substitute(
        t.labels(language).salutation, {"recipient_name": "Әлия Шаһанқызы Ғабитова"}
    )
    assert letter.paragraphs[-1] == t.labels(language).closing
    assert letter.needs_legal_review is (language in ("kk", "ky"))


def test_acknowledgement_cites_a_statutory_deadline(make_input: MakeInput) -> None:
    text = compose_text(make_input(LetterKind.ACKNOWLEDGEMENT, "en")).text
    assert "Under Law No. 58, Art. 17(e), we must reply to your request by 23 November 2026" in text


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_acknowledgement_never_cites_an_internal_target(
    make_input: MakeInput, language: str
) -> None:
    inp = make_input(
        LetterKind.ACKNOWLEDGEMENT,
        language,
        deadline_statutory=False,
        deadline_citation="Internal target (KG, 7 days)",
    )
    text = compose_text(inp).text
    assert "Internal target" not in text
    assert t.format_date(date(2026, 11, 23), language) in text


def test_acknowledgement_without_a_deadline(make_input: MakeInput) -> None:
    text = compose_text(make_input(LetterKind.ACKNOWLEDGEMENT, "en", deadline_due=None)).text
    assert "without undue delay" in text
    assert "Law No. 58" not in text


def test_statutory_deadline_without_citation_names_the_applicable_law(
    make_input: MakeInput,
) -> None:
    inp = make_input(LetterKind.ACKNOWLEDGEMENT, "ru", deadline_citation="")
    assert "В соответствии с применимым законодательством" in compose_text(inp).text


@pytest.mark.parametrize(
    ("jurisdiction", "model", "phrase"),
    [
        ("FR", "suspended", "is suspended"),
        ("EU", "suspended", "is suspended"),
        ("UK-ENG", "restart", "will run from the date"),
        ("RU", "none", "as soon as possible"),
        ("KZ", "none", "as soon as possible"),
    ],
)
def test_identity_request_states_the_clock_rule_of_the_regime(
    make_input: MakeInput, controller, jurisdiction: str, model: str, phrase: str
) -> None:
    assert pause_model(jurisdiction) == model
    alone = replace(controller, jurisdictions=(jurisdiction,))
    inp = make_input(LetterKind.IDENTITY_REQUEST, jurisdiction=jurisdiction, controller=alone)
    text = compose_text(inp).text
    assert phrase in text
    # under French law the letter cites the decree that suspends the period
    assert ("Article 77 of French Decree No. 2019-536" in text) == (jurisdiction == "FR")


def test_identity_request_lists_the_means_and_the_doubt(make_input: MakeInput) -> None:
    inp = make_input(
        LetterKind.IDENTITY_REQUEST,
        "en",
        jurisdiction="FR",
        identity_doubt="the request came from an address not linked to any account",
        clarification="which of your two accounts the request concerns",
    )
    letter = compose_text(inp)
    assert "for the following reason: the request came from an address not linked" in letter.text
    assert letter.text.count("\n- ") == 2  # the controller's two accepted means
    assert "- a message sent from the e-mail address registered with your account" in letter.body
    assert "which of your two accounts the request concerns." in letter.text


def test_identity_request_without_doubt_or_clarification_omits_those_paragraphs(
    make_input: MakeInput,
) -> None:
    letter = compose_text(make_input(LetterKind.IDENTITY_REQUEST, "en"))
    assert "following reason" not in letter.text
    assert "clarification" not in letter.text
    assert "" not in letter.paragraphs


def test_identity_means_may_be_the_dpos_own_words(make_input: MakeInput, controller) -> None:
    ctrl = replace(controller, verification=VerificationPolicy(accepted=("eds",)))
    inp = make_input(LetterKind.IDENTITY_REQUEST, "kk", controller=ctrl)
    assert (
        "- электрондық цифрлық қолтаңбаңызбен (ЭЦҚ) қол қойылған өтініш" in compose_text(inp).body
    )
    own = make_input(
        LetterKind.IDENTITY_REQUEST, "en", identity_means=("your loyalty card number",)
    )
    assert "- your loyalty card number" in compose_text(own).body


@pytest.mark.parametrize("language", t.LANGUAGES)
@pytest.mark.parametrize("action", t.ACTION_KINDS, ids=lambda k: k.value)
def test_action_confirmation_has_a_paragraph_per_action(
    make_input: MakeInput, language: str, action: RequestKind
) -> None:
    letter = compose_text(
        make_input(LetterKind.ACTION_CONFIRMATION, language, actions=(action.value,))
    )
    key = f"action_{action.value}"
    # a regime on the case that words the action its own way wins (152-FZ "разумные меры",
    # GDPR Art. 19 "disproportionate effort"); else the template's neutral wording
    texts = t.regime_texts(language)
    worded = [texts[r][key] for r in ("GDPR", "KG") if key in texts[r]]
    part = (
        worded[0]
        if worded
        else t.bundled_template(LetterKind.ACTION_CONFIRMATION, language).parts[key]
    )
    assert part in letter.paragraphs


def test_action_confirmation_covers_several_actions_in_order(make_input: MakeInput) -> None:
    actions = ("rectification", "restriction", "objection", "consent_withdrawal")
    letter = compose_text(make_input(LetterKind.ACTION_CONFIRMATION, "fr", actions=actions))
    starts = [p.split("\u00a0:")[0] for p in letter.paragraphs if "\u00a0: nous" in p]
    assert starts == [
        "Rectification",
        "Limitation du traitement",
        "Opposition",
        "Retrait du consentement",
    ]


def test_action_confirmation_defaults_to_the_case_kinds(make_input: MakeInput, case) -> None:
    inp = make_input(LetterKind.ACTION_CONFIRMATION, "en", actions=())
    assert any(p.startswith("Erasure:") for p in compose_text(inp).paragraphs)
    only_access = replace(case, kinds=(RequestKind.ACCESS,))
    with pytest.raises(TemplateError, match="at least one action"):
        compose_text(make_input(LetterKind.ACTION_CONFIRMATION, case=only_access, actions=()))


def test_action_confirmation_refuses_kinds_it_cannot_confirm(make_input: MakeInput) -> None:
    with pytest.raises(TemplateError, match="access response"):
        compose_text(make_input(LetterKind.ACTION_CONFIRMATION, actions=("access",)))
    with pytest.raises(UnknownRequestKind, match="teleport"):
        compose_text(make_input(LetterKind.ACTION_CONFIRMATION, actions=("teleport",)))


@pytest.mark.parametrize(
    ("jurisdiction", "language", "authority"),
    [
        ("KG", "ky", "Жеке маалыматтарды коргоо боюнча мамлекеттик агенттик"),
        ("KZ", "kk", "Жасанды интеллект және цифрлық даму министрлігі"),
        ("RU", "ru", "Роскомнадзор"),
        ("FR", "fr", "la Commission nationale de l'informatique et des libertés (CNIL)"),
        ("UK-SCT", "en", "Information Commissioner's Office (ICO)"),
        ("US-CA", "en", "California Privacy Protection Agency"),
        ("BR", "en", "ANPD"),
    ],
)
def test_refusal_names_the_supervisory_authority(
    make_input: MakeInput, jurisdiction: str, language: str, authority: str
) -> None:
    letter = compose_text(make_input(LetterKind.REFUSAL, language, jurisdiction=jurisdiction))
    assert authority in letter.text
    found = t.authority_for(jurisdiction)
    assert found is not None and found.website in letter.text


def test_refusal_gives_reasons_and_legal_ground(make_input: MakeInput) -> None:
    text = compose_text(make_input(LetterKind.REFUSAL, "en")).text
    assert "Our reasons are as follows: We hold no personal data concerning you." in text
    assert "This decision is based on Article 15 of Law No. 58." in text


def test_refusal_without_known_authority_uses_the_general_complaint_paragraph(
    make_input: MakeInput, controller
) -> None:
    ctrl = replace(controller, jurisdictions=())
    letter = compose_text(make_input(LetterKind.REFUSAL, "en", controller=ctrl, jurisdiction=""))
    generic = t.bundled_template(LetterKind.REFUSAL, "en").parts["complaint_generic"]
    assert generic in letter.paragraphs


def test_jurisdiction_defaults_to_the_controllers_first(make_input: MakeInput) -> None:
    text = compose_text(make_input(LetterKind.REFUSAL, "en", jurisdiction="")).text
    assert "State Agency for Personal Data Protection" in text


def test_access_response_lists_the_profile(make_input: MakeInput) -> None:
    body = compose_text(make_input(LetterKind.ACCESS_RESPONSE, "en")).body
    for item in ("Managing your account", "Bank or PayPal account details", "Hosting providers"):
        assert f"\n- {item}" in body
    assert "As long as your account is open" in body
    assert "Transfers to other countries and the safeguards that apply" in body
    assert "State Agency for Personal Data Protection" in body
    assert "Commission nationale de l'informatique et des libertés (CNIL)" in body


def test_access_response_marks_gaps_in_the_profile(make_input: MakeInput) -> None:
    body = compose_text(make_input(LetterKind.ACCESS_RESPONSE, "ru", profile={})).body
    # KG + FR: every item Law 58 (draft list) and GDPR Art. 15(1)-(2) require is shown, empty
    assert body.count("(сведения не внесены)") == len(required_items(("KG", "GDPR")))
    assert "Трансграничная передача данных и применяемые гарантии" in body


def test_body_override_is_taken_literally(make_input: MakeInput) -> None:
    edited = "Dear Ms Roe,\n\nWe kept {reference} as typed.   \n\n\n\nBest regards,"
    letter = compose_text(make_input(LetterKind.REFUSAL, "en", body_override=edited))
    assert letter.body == "Dear Ms Roe,\n\nWe kept {reference} as typed.\n\nBest regards,"
    assert letter.subject.startswith("Your request of 16 November 2026")


def test_values_with_markup_or_braces_are_inserted_verbatim(make_input: MakeInput) -> None:
    inp = make_input(
        LetterKind.REFUSAL,
        "en",
        recipient_name="<b>Jane</b> & {reference}",
        refusal_reasons="Reason {0.__class__} <i>x</i>",
    )
    text = compose_text(inp).text
    assert "Dear <b>Jane</b> & {reference}," in text
    assert "Reason {0.__class__} <i>x</i>." in text


def test_template_override_is_used(make_input: MakeInput) -> None:
    override = 'body = "Custom text for {subject_name}, ref. {reference}."'
    letter = compose_text(make_input(LetterKind.REFUSAL, "en"), template_override=override)
    assert "Custom text for Әлия Шаһанқызы Ғабитова, ref. 2026-0042." in letter.paragraphs
    assert not template_flags(LetterKind.REFUSAL, "en", override).needs_legal_review


def test_override_with_a_forbidden_placeholder_is_refused(make_input: MakeInput) -> None:
    with pytest.raises(TemplateError, match=r"\{case.__class__\}"):
        compose_text(make_input(LetterKind.REFUSAL), 'body = "{case.__class__}"')


def test_language_code_case_is_normalised(make_input: MakeInput) -> None:
    letter = compose_text(make_input(LetterKind.ACKNOWLEDGEMENT, " RU "))
    assert letter.language == "ru"
    assert letter.subject == "О получении Вашего запроса от 16 ноября 2026 г."
