"""Issue 20: pseudonymised output does not leak through free text.

The notes below were written for these tests (not taken from real cases), one set per language
the product serves: Russian, Kazakh, Kyrgyz, French, English. Each names the subject in other
grammatical cases, gives phone numbers in several national formats, an e-mail, an address and
national identifiers; none of those may survive, while dates and case references must.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.core.model import DataSubject
from dpo_desk.reports import export_register
from dpo_desk.reports.pseudonymise import FreeTextRedactor, name_forms
from dpo_desk.reports.summary import export_case_summary

from .conftest import TODAY, add_case, add_controller

P = "Subject 7F3A9C21"

CASES = {
    "ru": (
        DataSubject(
            name="Иван Петров",
            email="ivan.petrov@example.ru",
            phone="+7 912 345-67-89",
            address="г. Москва, ул. Ленина, д. 5, кв. 12",
        ),
        "2026-03-02 звонили Петрову Ивану по номеру 89123456789, затем +7 (912) 345 67 89. "
        "Письмо от Петрова получено 01.03.2026 по делу 2026-0001; копию отдали Ивану Петрову. "
        "Он же И. Петров, пишет с i.petrov@mail.ru. СНИЛС 112-233-445 95, ИНН 500100732259, "
        "паспорт 45 06 123456. Живёт: ул. Ленина, д. 5, кв. 12. Жена — Петрова, звонила с "
        "8 (495) 123-45-67.",
        ["Петров", "Иван", "89123456789", "912", "i.petrov", "112-233-445", "500100732259",
         "123456", "Ленина", "495"],
    ),
    "kk": (
        DataSubject(name="Айжан Төлеуова", phone="8 701 123 45 67", address="Алматы, Абай көшесі 15"),
        "2026-03-02 Айжанға жауап жіберілді. Төлеуованың ЖСН 850101400123, телефоны "
        "+7 701 123-45-67 және 87011234567. Мекенжайы: Абай көшесі 15, пәтер 3. "
        "Айжанның өтініші 2026-0002 істе тіркелді; Төлеуовамен сөйлестік. "
        "Жеке куәлік N12345678, e-mail aizhan.t@mail.kz.",
        ["Айжан", "Төлеуова", "850101400123", "701", "Абай", "N12345678", "aizhan"],
    ),
    "ky": (
        DataSubject(name="Айбек Токтогулов", phone="+996 555 123 456"),
        "2026-03-02 Айбекке жооп жөнөтүлдү. Токтогуловдун ПИН 21234199001234, тел. "
        "0555 123 456 жана +996 (555) 12-34-56. Паспорт AN1234567, дареги: Чүй проспектиси "
        "100, батир 4. Токтогуловго кат 2026-0003 иш боюнча жазылды; Айбектин аялы да келди.",
        ["Айбек", "Токтогулов", "21234199001234", "555", "AN1234567", "Чүй"],
    ),
    "fr": (
        DataSubject(name="Léa Moreau", email="lea.moreau@example.fr", address="12 rue de la Paix, 75002 Paris"),
        "Le 2026-03-02, Mme Moreau a appelé du 06 12 34 56 78 (ou +33 6 12 34 56 78). "
        "Le dossier de Léa, réf. 2026-0004 : passeport 12AB34567, n° de sécurité sociale "
        "2 85 05 75 112 233 44. Elle habite 12 rue de la Paix ; écrire à moreau.l@orange.fr. "
        "La fille de Mme MOREAU a signé d'Léa? Non.",
        ["Moreau", "MOREAU", "Léa", "06 12", "12AB34567", "2 85 05", "rue de la Paix", "orange"],
    ),
    "en": (
        DataSubject(name="Sarah Collins", email="sarah@example.org", phone="+44 20 7946 0958"),
        "On 2026-03-02 Sarah Collins' solicitor phoned from 020 7946 0958, then (020) 7946-0959. "
        "Ms Collins's passport 123456789 and NI number QQ123456C; she lives at 221B Baker "
        "Street, London. Case 2026-0005. Mail sarah.c@gmail.com or call +1 (415) 555-0134.",
        ["Sarah", "Collins", "7946", "123456789", "QQ123456C", "Baker", "gmail", "555-0134"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("lang", list(CASES))
def test_notes_in_each_language_leak_nothing(lang: str) -> None:
    subject, note, secrets = CASES[lang]
    out = FreeTextRedactor.for_subject(subject, P).text(note)
    for secret in secrets:
        assert secret.casefold() not in out.casefold(), (secret, out)
    assert P in out and "2026-03-02" in out  # the subject is still there, as a pseudonym
    reference = next(
        w for w in ("2026-0001", "2026-0002", "2026-0003", "2026-0004", "2026-0005") if w in note
    )
    assert reference in out, out


def test_russian_name_forms_cover_every_case_and_gender() -> None:
    forms = set(name_forms("Иван Петров"))
    assert {"петрова", "петрову", "петровым", "петрове", "петровой", "ивану", "иваном"} <= forms
    assert {"petrov", "ivan"} <= forms  # a Latin spelling of a Cyrillic name
    assert {"токтогулова", "токтогулову", "токтогуловым"} <= set(name_forms("Токтогулов"))


def test_other_people_and_plain_words_are_left_alone() -> None:
    red = FreeTextRedactor.for_subject(DataSubject(name="Иван Петров"), P)
    text = "Ответ отправлен 2026-03-05 заказным письмом; Сидоров из отдела кадров согласовал."
    assert red.text(text) == text


def test_json_values_are_redacted_keys_included() -> None:
    red = FreeTextRedactor.for_subject(DataSubject(name="Анна Петрова"), P)
    assert red.value({"Петровой": ["звонила Анне, 8 912 345 67 89"]}) == {
        P: [f"звонила {P}, [phone]"]
    }


def test_pseudonymised_exports_leak_nothing_from_free_text(cf, tmp_path: Path) -> None:
    ctl = add_controller(cf, "astrum", "Astrum", ("RU",))
    subject, note, secrets = CASES["ru"]
    case = add_case(
        cf, ctl, name=subject.name, received=date(2026, 2, 20), email=subject.email,
        phone=subject.phone, address=subject.address,
    )  # fmt: skip
    cf.cases.add_note(case.id, note)
    cf.cases.update(case.id, outcome="Копия данных выдана Ивану Петрову, тел. 89123456789.")
    register, summary = tmp_path / "register.csv", tmp_path / "summary.json"
    export_register(cf, register, TODAY, pseudonymise=True)
    export_case_summary(cf, case.id, summary, TODAY, pseudonymise=True)
    for path in (register, summary):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        # hashes (audit chain, SHA-256 of files) are random hex: a short number can occur in
        # one by chance, and a hash leaks nothing; look at the rest of the text
        text = re.sub(r"\b[0-9a-f]{32,}\b", "<hash>", text)
        for secret in [*secrets, "ivan.petrov"]:
            assert secret not in text, (path.name, secret)
        assert "Subject " in text
    outcome = json.loads(summary.read_text())["case"]["outcome"]
    assert outcome.startswith("Копия данных выдана Subject ") and "[phone]" in outcome


def test_the_analyser_is_loaded_lazily_and_once() -> None:
    # importing the reports (every export, the window) does not load pymorphy3 or phonenumbers
    code = (
        "import sys, dpo_desk.reports, dpo_desk.reports.pseudonymise; "
        "print('pymorphy3' in sys.modules, 'phonenumbers' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
    from dpo_desk.reports import pseudonymise

    for _ in range(3):
        name_forms("Мария Иванова")
    assert pseudonymise._morph.cache_info().currsize == 1
