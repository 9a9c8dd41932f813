"""Breach notices: texts complete in every language, items per rule, real PDFs read back."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from dpo_desk import resources
from dpo_desk.core.breaches import Breach, default_breach_rules
from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import Controller, ControllerId
from dpo_desk.letters.breach_notices import (
    ITEMS,
    LABELS,
    NOTICE_LANGUAGES,
    NOTICE_STEPS,
    PLACEHOLDERS,
    NoticeInput,
    compose_notice,
    format_moment,
    notice_texts,
    render_notice,
)

from .conftest import pdf_text

BISHKEK = ZoneInfo("Asia/Bishkek")


@pytest.fixture
def infinity() -> Controller:
    return Controller(
        id=ControllerId(1),
        slug="infinity",
        name="INFINITY",
        legal_entity="Infinity LLC",
        registration_no="182246 3301 ООО",
        address="128 Dzerjinsky st.\n720011 Bishkek",
        dpo_contact="128 Dzerjinsky st., 720011 Bishkek\ndpo@infinity.example",
        jurisdictions=("KG", "FR"),
        languages=("en", "ru", "fr"),
    )


@pytest.fixture
def leak() -> Breach:
    return Breach(
        id=7,
        reference="B-2026-0007",
        controller_id=1,
        discovered_at=datetime(2026, 3, 2, 9, 30, tzinfo=BISHKEK),
        discovered_tz="Asia/Bishkek",
        description="Un compartiment de stockage était lisible depuis Internet.",
        data_categories=("nom", "IBAN"),
        subject_categories=("artistes",),
        subjects_count=1200,
        records_count=4800,
        consequences="Risque d'hameçonnage.",
        measures="Accès fermé, clés renouvelées.",
        causes="Erreur de configuration.",
    )


def rule(rule_id: str):  # noqa: ANN201
    return next(r for r in default_breach_rules().rules if r.id == rule_id)


def make(
    controller: Controller, b: Breach, rule_id: str, language: str, **kw: object
) -> NoticeInput:
    r = rule(rule_id)
    fields: dict[str, object] = dict(
        breach=b,
        controller=controller,
        step=r.step,
        to=r.to,
        language=language,
        date=date(2026, 3, 3),
        citation=r.citation_in(language),
        content=r.content,
        authority_name="la Commission nationale de l'informatique et des libertés (CNIL)",
        authority_address="3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France",
        signatory_name="Aigerim Sadykova",
    )
    fields.update(kw)
    return NoticeInput(**fields)  # type: ignore[arg-type]


def test_every_language_has_every_step_item_and_label_with_the_same_placeholders() -> None:
    shapes = {}
    for lang in NOTICE_LANGUAGES:
        raw = tomllib.loads(
            resources.path("breaches", "notices", f"{lang}.toml").read_text(encoding="utf-8")
        )
        t = notice_texts(lang)
        assert set(t.items) == set(ITEMS)
        assert set(LABELS) <= set(t.labels)
        shape = {}
        for step in NOTICE_STEPS:
            for key, text in raw["steps"][step].items():
                names = set(re.findall(r"\{(\w+)\}", text))
                assert names <= PLACEHOLDERS, (lang, step, key, names)
                shape[(step, key)] = names
        shapes[lang] = shape
    assert shapes["ru"] == shapes["fr"] == shapes["en"]


def test_every_rule_content_item_has_a_heading() -> None:
    for r in default_breach_rules().rules:
        assert set(r.content) <= set(ITEMS), r.id


def test_cnil_notice_carries_the_article_33_3_content(infinity: Controller, leak: Breach) -> None:
    composed = compose_notice(make(infinity, leak, "GDPR-FR/first_notice-2018", "fr"))
    headings = [h for h, _ in composed.items]
    assert headings == [
        "Nature de la violation",
        "Catégories et nombre approximatif de personnes et d'enregistrements concernés",
        "Délégué à la protection des données ou autre point de contact",
        "Conséquences probables",
        "Mesures prises ou envisagées",
    ]
    body = dict(composed.items)
    assert "1\u202f200" in body[headings[1]] and "4\u202f800" in body[headings[1]]
    assert "dpo@infinity.example" in body[headings[2]]
    assert "l'article 33 du règlement (UE) 2016/679" in composed.intro
    assert "2 mars 2026, 09:30 (UTC+06:00)" in composed.intro
    assert composed.recipient[0].startswith("la Commission nationale")
    assert composed.needs_legal_review


def test_roskomnadzor_notice_carries_the_article_21_3_1_items(
    infinity: Controller, leak: Breach
) -> None:
    inp = make(
        infinity,
        leak,
        "RU/first_notice-2022",
        "ru",
        authority_name="Федеральная служба по надзору в сфере связи (Роскомнадзор)",
    )
    composed = compose_notice(inp)
    assert [h for h, _ in composed.items] == [
        "Описание инцидента",
        "Предполагаемые причины",
        "Предполагаемый вред правам субъектов персональных данных",
        "Принятые меры по устранению последствий",
        "Лицо, уполномоченное на взаимодействие по вопросам инцидента",
    ]
    assert "ч. 3.1 ст. 21" in composed.intro and "266-ФЗ" in composed.intro
    results = compose_notice(make(infinity, leak, "RU/investigation_results-2022", "ru"))
    headings = [h for h, _ in results.items]
    assert "Результаты внутреннего расследования" in headings
    assert "Лица, действия которых стали причиной инцидента" in headings
    # facts not yet known are said to be so, not left blank
    assert dict(results.items)["Результаты внутреннего расследования"] == "сведения уточняются"


def test_subjects_notice_addresses_the_people_concerned(infinity: Controller, leak: Breach) -> None:
    composed = compose_notice(
        make(infinity, leak, "GDPR-FR/subjects_notice-2018", "en", authority_name="")
    )
    assert composed.recipient == ("To the people affected by the breach",)
    assert [h for h, _ in composed.items] == [
        "Nature of the breach",
        "Data protection officer or other contact point",
        "Likely consequences",
        "Measures taken or proposed",
    ]


@pytest.mark.parametrize(
    ("rule_id", "lang", "expected"),
    [
        (
            "GDPR-FR/first_notice-2018",
            "fr",
            ["Notification d'une violation", "B-2026-0007", "CNIL"],
        ),
        (
            "RU/first_notice-2022",
            "ru",
            ["Уведомление об инциденте", "Роскомнадзор", "Описание инцидента"],
        ),
        ("GDPR-FR/subjects_notice-2018", "en", ["About a breach affecting your personal data"]),
    ],
)
def test_rendered_notice_is_a_real_pdf_with_its_text(
    infinity: Controller, leak: Breach, rule_id: str, lang: str, expected: list[str]
) -> None:
    kw = {"authority_name": "Роскомнадзор"} if lang == "ru" else {}
    pdf, composed = render_notice(make(infinity, leak, rule_id, lang, **kw))
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    for needle in expected:
        assert needle in text, needle
    assert "INFINITY" in text and "Aigerim Sadykova" in text
    assert composed.subject.split(" (")[0] in text


def test_unknown_language_is_one_sentence(infinity: Controller, leak: Breach) -> None:
    with pytest.raises(InvalidInput, match="Breach notices are written in ru, fr, en"):
        compose_notice(make(infinity, leak, "RU/first_notice-2022", "kk"))


def test_moments_are_written_with_their_offset() -> None:
    moment = datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Paris"), fold=1)
    assert format_moment(moment, "fr") == "25 octobre 2026, 02:30 (UTC+01:00)"
    assert format_moment(moment, "ru") == "25 октября 2026 г., 02:30 (UTC+01:00)"
