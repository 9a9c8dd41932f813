"""Request classification: languages, kinds, ranking of multi-right letters, corpus accuracy."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dpo_desk.core.model import RequestKind
from dpo_desk.intake.classify import KINDS, LANGUAGES, Classification, classify, detect_language

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "classifier_accuracy.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("classifier_accuracy", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_kind_names_are_the_deadline_engines():
    assert set(KINDS) <= {k.value for k in RequestKind}


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        (
            "I am writing to make a subject access request. Please send me a copy of my personal data.",
            "en",
            "access",
        ),
        (
            "Прошу предоставить сведения об обработке моих персональных данных в соответствии со статьей 14 152-ФЗ.",
            "ru",
            "access",
        ),
        (
            "Менің дербес деректерімді жоюды талап етемін. Бұл деректер маған қажет емес.",
            "kk",
            "erasure",
        ),
        (
            "Менин жеке маалыматтарымды жок кылууну талап кылам жана бул боюнча жооп күтөм.",
            "ky",
            "erasure",
        ),
        (
            "Je vous demande la suppression de toutes mes données personnelles conformément à l'article 17 du RGPD.",
            "fr",
            "erasure",
        ),
        (
            "Ich bitte um Auskunft nach Art. 15 DSGVO über die zu meiner Person gespeicherten Daten.",
            "de",
            "access",
        ),
        (
            "Solicito la rectificación de mis datos personales, ya que mi dirección es incorrecta.",
            "es",
            "rectification",
        ),
        (
            "Con la presente mi oppongo al trattamento dei miei dati per finalità di marketing diretto.",
            "it",
            "marketing_opt_out",
        ),
        (
            "Hierbij verzoek ik om inzage in de persoonsgegevens die u over mij verwerkt.",
            "nl",
            "access",
        ),
        (
            "Solicito a portabilidade dos meus dados num formato estruturado e legível por máquina.",
            "pt",
            "portability",
        ),
        (
            "Niniejszym wycofuję zgodę na przetwarzanie moich danych osobowych przez Państwa firmę.",
            "pl",
            "consent_withdrawal",
        ),
        (
            "Tímto žádám o omezení zpracování mých osobních údajů podle článku 18 GDPR.",
            "cs",
            "restriction",
        ),
    ],
)
def test_one_letter_per_language(text, language, kind):
    result = classify(text)
    assert result.language == language
    assert result.kinds[0] == kind
    assert 0.0 < result.confidence <= 1.0
    assert result.evidence


def test_erasure_that_also_withdraws_consent_and_objects_ranks_erasure_first():
    text = (
        "Dear Sir or Madam,\n\nI hereby request the erasure of all my personal data under "
        "Article 17 GDPR.\n\nIf I have given consent to the processing, I withdraw it. In addition, "
        "I object to the processing of my personal data under Article 21 GDPR.\n\nRegards"
    )
    result = classify(text)
    assert result.kinds[0] == "erasure"
    assert {"consent_withdrawal", "objection"} <= set(result.kinds)


def test_consent_withdrawal_that_asks_for_destruction_ranks_the_withdrawal_first():
    text = (
        "ОТЗЫВ СОГЛАСИЯ\n\nОтзываю согласие на обработку моих персональных данных. "
        "Прошу прекратить их обработку и уничтожить их."
    )
    result = classify(text)
    assert result.kinds[0] == "consent_withdrawal"
    assert {"stop_processing", "erasure"} <= set(result.kinds)


def test_subject_line_decides_between_equals():
    body = "Please delete my data. Please also send me a copy of the data you hold about me."
    assert classify(body, "Subject access request").kinds[0] == "access"
    assert classify(body, "Erasure request").kinds[0] == "erasure"


def test_objection_to_direct_marketing_is_a_marketing_opt_out():
    result = classify("I object to the processing of my data for direct marketing purposes.")
    assert result.kinds[0] == "marketing_opt_out"
    assert "objection" not in result.kinds


def test_objection_to_an_automated_decision_is_objection_automated():
    result = classify(
        "I contest the automated decision to refuse my loan and ask for human intervention."
    )
    assert result.kinds[0] == "objection_automated"


def test_cited_article_counts_even_without_phrases():
    assert classify("Request under Art. 20 GDPR.").kinds[0] == "portability"
    assert classify("Запрос по ч. 5.1 ст. 21 152-ФЗ.").kinds[0] == "stop_processing"
    assert classify("Antrag nach Art. 21 Abs. 2 DSGVO.").kinds[0] == "marketing_opt_out"


def test_quoted_reply_text_is_not_classified():
    text = "Yes, please go ahead and delete everything.\n\n> Do you want a copy of your data first?"
    assert classify(text).kinds == ("erasure",)


def test_conditional_aside_does_not_outrank_the_request():
    text = (
        "Please correct my postal address, it is wrong. "
        "If you cannot do that, delete my account instead."
    )
    assert classify(text).kinds[0] == "rectification"


@pytest.mark.parametrize(
    "text", ["", "   ", "Hello, how are you?", "12345 !!!", "Lorem ipsum dolor sit amet."]
)
def test_no_request_gives_no_kind_and_zero_confidence(text):
    result = classify(text)
    assert result.kinds == ()
    assert result.confidence == 0.0


def test_to_dict_is_the_headless_contract():
    data = classify("Please delete my account.").to_dict()
    assert set(data) >= {"kinds", "language", "confidence", "evidence", "not_a_request"}
    assert data["not_a_request"] is False
    assert data["kinds"] == ["erasure"]
    assert isinstance(data["evidence"], list)


# --- language detection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сәлеметсіз бе! Менің деректерімді жойыңыз, өтінемін.", "kk"),
        ("Саламатсызбы! Менин маалыматтарымды өчүрүп бериңиз, суранам.", "ky"),
        ("Здравствуйте! Прошу удалить мои данные.", "ru"),
        (
            "Здравствуйте, меня зовут Әлібек Нұрланұлы. Прошу удалить все мои данные из вашей базы.",
            "ru",
        ),
        (
            "Здравствуйте, меня зовут Айгүл Өмүрбекова. Прошу удалить все мои данные из вашей базы.",
            "ru",
        ),
        ("Dzień dobry, proszę o usunięcie moich danych osobowych.", "pl"),
        ("Dobrý den, žádám o výmaz mých osobních údajů.", "cs"),
        ("Goedendag, ik wil graag dat u mijn gegevens verwijdert.", "nl"),
        ("Buongiorno, vorrei che cancellaste i miei dati personali.", "it"),
        ("Bom dia, solicito a eliminação dos meus dados pessoais.", "pt"),
        ("Buenos días, solicito la supresión de mis datos personales.", "es"),
        ("Bonjour, je souhaite la suppression de mes données personnelles.", "fr"),
        ("Guten Tag, ich möchte, dass Sie meine Daten löschen.", "de"),
        ("Hello, I would like you to delete my personal data.", "en"),
    ],
)
def test_detect_language(text, expected):
    code, confidence = detect_language(text)
    assert code == expected
    assert 0.0 < confidence <= 1.0


def test_detect_language_unknown_for_empty_or_symbols():
    assert detect_language("") == ("", 0.0)
    assert detect_language("1234 !!! ???") == ("", 0.0)


def test_every_language_has_a_rule_file_with_every_common_kind():
    from dpo_desk.intake.classify import _rules

    languages, laws = _rules()
    assert set(languages) == set(LANGUAGES)
    common = set(KINDS) - {"transfer_notification"}
    for code, lang in languages.items():
        kinds = {p.kind for p in lang.patterns if p.qualifies}
        assert common <= kinds, code
    assert {law.name for law in laws} == {
        "GDPR",
        "RU-152-FZ",
        "KZ-94-V",
        "KG-58",
        "BR-LGPD",
        "US-CA-CCPA",
    }


# --- accuracy on letters written by others ---------------------------------------------------

# Floors, not the measured values (which are higher, see benchmarks/classifier_accuracy.py):
# the corpus is small (45 public letters, 4-9 per language), so one miss moves a language by
# 11-25 points. Overall floors leave room for two or three misses; the per-language floor
# allows one miss in the smallest groups. A rule change that breaks more fails the suite.
OVERALL_TOP1_FLOOR = 0.90
OVERALL_RECALL_FLOOR = 0.85
LANGUAGE_TOP1_FLOOR = 0.75
LANGUAGE_ID_FLOOR = 0.95


@pytest.fixture(scope="module")
def outcomes():
    bench = _benchmark()
    return bench, bench.evaluate(bench.load(bench.SETS["dev"]))


def test_corpus_covers_the_required_languages(outcomes):
    _, results = outcomes
    assert {o.letter.language for o in results} == set(LANGUAGES)
    public = {o.letter.language for o in results if o.letter.origin == "public"}
    assert public >= {"en", "fr", "de", "es", "it", "nl", "pt", "pl", "cs"}


@pytest.mark.parametrize("origin", ["public", "own"])
def test_accuracy_floor(outcomes, origin):
    bench, results = outcomes
    subset = [o for o in results if o.letter.origin == origin and o.letter.main != "not_a_request"]
    summary = bench.summarise(subset)
    assert summary.top1 >= OVERALL_TOP1_FLOOR, bench.report(subset, details=True)
    assert summary.recall >= OVERALL_RECALL_FLOOR, bench.report(subset, details=True)
    assert summary.language >= LANGUAGE_ID_FLOOR, bench.report(subset, details=True)


def test_accuracy_floor_per_language(outcomes):
    bench, results = outcomes
    for lang in LANGUAGES:
        subset = [o for o in results if o.letter.language == lang]
        assert bench.summarise(subset).top1 >= LANGUAGE_TOP1_FLOOR, bench.report(subset, True)


def test_result_types(outcomes):
    _, results = outcomes
    for o in results:
        assert set(o.kinds) <= set(KINDS)


def test_classification_is_frozen():
    result = classify("delete my data")
    assert isinstance(result, Classification)
    with pytest.raises(AttributeError):
        result.language = "xx"  # type: ignore[misc]
