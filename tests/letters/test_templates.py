"""Templates: completeness across languages, the sandbox, overrides, dates, authorities."""

from __future__ import annotations

from datetime import date

import pytest

from dpo_desk import resources
from dpo_desk.core.errors import TemplateError
from dpo_desk.core.model import LetterKind
from dpo_desk.letters import templates as t

KINDS = list(LetterKind)


# --- every language has every kind with the same placeholders -----------------------------------


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_every_language_has_every_kind(language: str) -> None:
    files = {p.stem for p in resources.path("letters", language).glob("*.toml")}
    assert files == {k.value for k in KINDS} | {"labels", "regimes"}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
@pytest.mark.parametrize("language", [lang for lang in t.LANGUAGES if lang != "en"])
def test_same_placeholders_in_every_section(kind: LetterKind, language: str) -> None:
    english = t.template_placeholders(t.bundled_template(kind, "en"))
    other = t.template_placeholders(t.bundled_template(kind, language))
    assert other == english


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_labels_have_the_same_keys_in_every_language(language: str) -> None:
    en, other = t.labels("en"), t.labels(language)
    assert set(other.kind_titles) == set(en.kind_titles) == {k.value for k in KINDS}
    assert set(other.request_kinds) == set(en.request_kinds)
    assert set(other.identity_means) == set(en.identity_means)
    assert other.page_label(2, 3) != other.page_of
    assert "2" in other.page_label(2, 3) and "3" in other.page_label(2, 3)


def test_request_kind_phrases_cover_every_request_kind() -> None:
    from dpo_desk.core.model import RequestKind

    assert set(t.labels("en").request_kinds) == {k.value for k in RequestKind}


def test_action_confirmation_has_a_paragraph_per_action_in_every_language() -> None:
    for language in t.LANGUAGES:
        parts = t.bundled_template(LetterKind.ACTION_CONFIRMATION, language).parts
        for kind in t.ACTION_KINDS:
            assert parts[f"action_{kind.value}"].strip(), (language, kind)


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_kazakh_and_kyrgyz_carry_the_legal_review_marker(language: str) -> None:
    expected = language in ("kk", "ky")
    for kind in KINDS:
        flags = t.template_flags(kind, language)
        assert flags.needs_legal_review is expected
        assert bool(flags.review_note) is expected
    assert t.labels(language).needs_legal_review is expected


def test_internal_target_parts_never_cite_the_law() -> None:
    for language in t.LANGUAGES:
        tpl = t.bundled_template(LetterKind.ACKNOWLEDGEMENT, language)
        assert "deadline_citation" in t.scan_placeholders(tpl.parts["deadline_statutory"])
        assert "deadline_citation" not in t.scan_placeholders(tpl.parts["deadline_internal"])


def test_unknown_language_is_refused() -> None:
    with pytest.raises(TemplateError, match="'de'"):
        t.bundled_template(LetterKind.REFUSAL, "de")


# --- the sandbox ---------------------------------------------------------------------------------

VALUES = {"reference": "2026-0042", "subject_name": "Jane Roe"}


@pytest.mark.parametrize(
    "template",
    [
        "{case.__class__}",
        "{0}",
        "{x!r}",
        "{x:>10}",
        "{reference:>10}",
        "{reference!s}",
        "{}",
        "{x[0]}",
        "{ reference }",
        "{Reference}",
        "{reference.__init__.__globals__}",
        "{reference[0]}",
    ],
)
def test_sandbox_refuses_anything_but_plain_names(template: str) -> None:
    with pytest.raises(TemplateError) as info:
        t.substitute(f"Ref: {template}", VALUES)
    assert template in str(info.value)


@pytest.mark.parametrize("template", ["{ref", "ref}", "a { b", "}{"])
def test_sandbox_refuses_unbalanced_braces(template: str) -> None:
    with pytest.raises(TemplateError, match="Unbalanced brace"):
        t.substitute(template, VALUES)


def test_unknown_placeholder_is_named() -> None:
    with pytest.raises(TemplateError, match=r"\{password\}"):
        t.substitute("Your password is {password}.", VALUES)


def test_substitution_fills_whitelisted_names_and_keeps_escaped_braces() -> None:
    out = t.substitute("{{reference}} is {reference} for {subject_name}", VALUES)
    assert out == "{reference} is 2026-0042 for Jane Roe"


def test_values_are_not_scanned_again() -> None:
    out = t.substitute("{subject_name}", {"subject_name": "{reference} {0.__class__}"})
    assert out == "{reference} {0.__class__}"


def test_allowed_list_is_the_whitelist() -> None:
    with pytest.raises(TemplateError, match=r"\{subject_name\}"):
        t.substitute("{subject_name}", VALUES, allowed=frozenset({"reference"}))


def test_scan_lists_names_in_order() -> None:
    assert t.scan_placeholders("{b} {a} {b} {{c}}") == ("b", "a")


def test_list_placeholders_of_a_template() -> None:
    names = t.list_placeholders(LetterKind.REFUSAL, "fr")
    assert {"refusal_reasons", "legal_ground", "complaint_paragraph", "reference"} <= set(names)
    assert set(names) <= t.allowed_placeholders(LetterKind.REFUSAL) | set(
        t.part_placeholders(LetterKind.REFUSAL)
    )


# --- per-controller overrides ---------------------------------------------------------------------


def test_override_replaces_body_and_keeps_the_rest() -> None:
    override = 'body = "Our own text about {reference}."\n[parts]\ncomplaint = "Complain to {authority_name}."\n'
    tpl = t.load_template(LetterKind.REFUSAL, "en", override)
    assert tpl.body == "Our own text about {reference}."
    assert tpl.parts["complaint"] == "Complain to {authority_name}."
    base = t.bundled_template(LetterKind.REFUSAL, "en")
    assert tpl.subject == base.subject
    assert tpl.parts["complaint_generic"] == base.parts["complaint_generic"]
    assert tpl.source == "override"


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ('body = "Hello {case.__class__}"', r"\{case.__class__\}"),
        ('body = "Hello {0}"', r"\{0\}"),
        ('body = "Hello {secret_key}"', r"\{secret_key\}"),
        ('subject = "{x:>10}"', r"\{x:>10\}"),
        ('[parts]\ncomplaint = "{action_paragraphs}"', r"\{action_paragraphs\}"),
        ("body = ", "not valid TOML"),
        ('script = "import os"', "Unknown key"),
        ("needs_legal_review = 1", "true or false"),
        ("body = 3", "must be text"),
    ],
)
def test_bad_overrides_are_refused(override: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        t.load_template(LetterKind.REFUSAL, "en", override)


def test_override_may_not_cite_an_internal_target_as_law() -> None:
    override = '[parts]\ndeadline_internal = "Under {deadline_citation} we reply by {due_date}."'
    with pytest.raises(TemplateError, match="never cited as law"):
        t.load_template(LetterKind.ACKNOWLEDGEMENT, "en", override)


def test_override_size_is_limited() -> None:
    with pytest.raises(TemplateError, match="too long"):
        t.load_template(LetterKind.REFUSAL, "en", "#" * (t.MAX_OVERRIDE_CHARS + 1))


def test_override_keeps_the_review_flag_unless_it_sets_it() -> None:
    kept = t.template_flags(LetterKind.REFUSAL, "kk", 'body = "Мәтін {reference}"')
    assert kept.needs_legal_review and kept.source == "override"
    cleared = t.template_flags(LetterKind.REFUSAL, "kk", "needs_legal_review = false")
    assert not cleared.needs_legal_review


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "23 November 2026"),
        ("fr", "23 novembre 2026"),
        ("ru", "23 ноября 2026 г."),
        ("kk", "2026 жылғы 23 қараша"),
        ("ky", "2026-жылдын 23-ноябры"),
    ],
)
def test_format_date(language: str, expected: str) -> None:
    assert t.format_date(date(2026, 11, 23), language) == expected


def test_french_first_of_the_month() -> None:
    assert t.format_date(date(2026, 5, 1), "fr") == "1er mai 2026"
    assert t.format_date(date(2026, 8, 2), "fr") == "2 août 2026"


@pytest.mark.parametrize(
    ("month", "ru", "kk", "ky"),
    [
        (1, "января", "қаңтар", "январы"),
        (4, "апреля", "сәуір", "апрели"),
        (5, "мая", "мамыр", "майы"),
        (6, "июня", "маусым", "июну"),
        (7, "июля", "шілде", "июлу"),
        (9, "сентября", "қыркүйек", "сентябры"),
        (12, "декабря", "желтоқсан", "декабры"),
    ],
)
def test_month_names(month: int, ru: str, kk: str, ky: str) -> None:
    d = date(2008, month, 14)
    assert t.format_date(d, "ru") == f"14 {ru} 2008 г."
    assert t.format_date(d, "kk") == f"2008 жылғы 14 {kk}"
    assert t.format_date(d, "ky") == f"2008-жылдын 14-{ky}"


def test_list_joining_per_language() -> None:
    assert t.labels("en").join(["a"]) == "a"
    assert t.labels("en").join(["a", "b", "c"]) == "a, b and c"
    assert t.labels("ru").join(["а", "б"]) == "а и б"
    assert t.labels("kk").join(["а", "б"]) == "а және б"
    assert t.labels("ky").join(["а", "б"]) == "а жана б"


# --- supervisory authorities ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "authority"),
    [
        ("FR", "CNIL"),
        ("EU", "CNIL"),
        ("UK-ENG", "ICO"),
        ("UK-SCT", "ICO"),
        ("UK-WLS", "ICO"),
        ("UK-NIR", "ICO"),
        ("RU", "RKN"),
        ("KZ", "KZ-MAIDD"),
        ("KG", "KG-DPA"),
        ("US-CA", "CPPA"),
        ("BR", "ANPD"),
        ("kg", "KG-DPA"),
    ],
)
def test_authority_by_jurisdiction(code: str, authority: str) -> None:
    found = t.authority_for(code)
    assert found is not None and found.id == authority
    for language in t.LANGUAGES:
        assert found.name(language).strip()
    assert found.website.startswith("https://")


def test_eu_goes_to_the_member_state_authority() -> None:
    found = t.authority_for("EU", ["KG", "FR"])
    assert found is not None and found.id == "CNIL"


def test_unknown_jurisdiction_has_no_authority() -> None:
    assert t.authority_for("XX") is None
    assert t.authority_for("") is None


def test_authority_names_are_in_the_letter_language() -> None:
    kg = t.authority_for("KG")
    assert kg is not None
    assert "агентство" in kg.name("ru")
    assert "агенттик" in kg.name("ky")
    assert "Agency" in kg.name("en")
    rkn = t.authority_for("RU")
    assert rkn is not None and "Роскомнадзор" in rkn.name("ru")
    assert rkn.contact().startswith("Китайгородский")


# --- the law a letter cites ------------------------------------------------------------------------


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_every_jurisdiction_has_its_law_in_every_letter_language(language: str) -> None:
    from dpo_desk.core.rules import default_rulebook

    for code in default_rulebook().codes:
        cited = t.law_citation(code, language)
        assert cited, (code, language)
        assert "Art." not in cited and "as amended" not in cited  # not the engine's notes


def test_law_citations_read_as_the_templates_need() -> None:
    assert t.law_citation("RU", "ru").startswith("Федеральным законом")  # после «В соответствии с»
    assert t.law_citation("KZ", "ru").startswith("Законом Республики Казахстан")
    assert t.law_citation("FR", "fr").startswith("l'article 12")  # après « Conformément à »
    assert t.law_citation("UK-SCT", "en") == t.law_citation("UK-ENG", "en")
    assert t.law_citation("XX", "en") == "" and t.law_citation("RU", "de") == ""


def test_a_value_ending_in_a_full_stop_does_not_double_the_sentence_stop() -> None:
    text = "Reply by {due}. Signed: {org}, {who}"
    values = {"due": "16 марта 2026 г.", "org": "Acme Ltd.", "who": "J. Doe."}
    assert t.substitute(text, values) == "Reply by 16 марта 2026 г. Signed: Acme Ltd., J. Doe."
