"""Issue 16: letters a lawyer in each jurisdiction would sign.

Every letter kind the case may get, in every language each demo controller replies in, rendered
to PDF and read back: no blank particulars, no foreign fragment, each law's rights, authorities
and citations and nothing of a law that does not apply. Finalising is refused while a required
profile item is empty; a foreign-language item must be acknowledged. Plus salutations, the
default signatory, extension notices, identity requests and the journal of requests.
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring
from pypdf import PdfReader

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.letter_profiles import LetterSettingsRepo
from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.model import (
    Case,
    Channel,
    ClockEventKind,
    ControllerId,
    DataSubject,
    LetterKind,
    RequestKind,
)
from dpo_desk.demo import CONTROLLERS, DEMO_PROFILES, seed_demo
from dpo_desk.letters import profile as prof
from dpo_desk.letters.templates import authority_table, format_date, labels
from dpo_desk.reports.journal import export_journal
from dpo_desk.services import letters

KEY = Key(raw=bytes(range(96, 128)))
TODAY = date(2026, 3, 2)
CLOCK = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("regimes-demo") / "demo.dpodesk"
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())  # module scope: the per-test memory keyring is not up yet
    try:
        cf = CaseFile.create(path, KEY, clock=lambda: CLOCK).casefile
        try:
            seed_demo(cf, TODAY)
        finally:
            cf.close()
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


def open_case(cf: CaseFile, slug: str) -> Case:
    """The most recent open case of a controller."""
    for row in cf.cases.list():
        if row.controller_slug == slug and row.status in ("received", "in_progress"):
            return cf.cases.get(row.id)
    raise LookupError(slug)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fields_for(kind: str, language: str) -> dict[str, object]:
    reasons = {
        "en": "We hold no personal data concerning you",
        "ru": "Ваши персональные данные у нас отсутствуют",
        "fr": "Nous ne détenons aucune donnée vous concernant",
        "kk": "Сіздің дербес деректеріңіз бізде жоқ",
        "ky": "Сиздин жеке маалыматтарыңыз бизде жок",
    }[language]
    if kind == "refusal":
        return {"refusal_reasons": reasons, "legal_ground": "Art. 15"}
    if kind == "action_confirmation":
        return {"actions": ["erasure"]}
    if kind == "extension_notice":
        return {"extension_reasons": reasons}
    if kind == "access_response":
        return {"enclosures": ["PDF"]}
    return {}


#: What each controller's letters must cite (the rights' law, the complaint authority) and
#: must never contain (another law's words), per letter language.
MUST: dict[str, dict[str, tuple[str, ...]]] = {
    "infinity": {
        "en": ("No. 58", "2016/679", "CNIL", "3 Place de Fontenoy", "State Agency"),
        "ru": ("№ 58", "2016/679", "CNIL", "3 Place de Fontenoy", "агентство"),
        "fr": ("n° 58", "2016/679", "CNIL", "3 Place de Fontenoy", "Agence d'État"),
    },
    "infini": {
        "ru": ("№ 94-V", "Министерство искусственного интеллекта"),
        "kk": ("№ 94-V", "Жасанды интеллект және цифрлық даму министрлігі"),
        "en": ("No. 94-V", "Ministry of Artificial Intelligence"),
    },
    "backgroundmusic": {
        "ru": ("№ 152-ФЗ", "Роскомнадзор", "Китайгородский проезд"),
        "en": ("No. 152-FZ", "Roskomnadzor", "Китайгородский проезд"),
    },
    "astrum-oyun": {
        "ru": ("№ 58", "агентство"),
        "ky": ("№ 58", "агенттик"),
        "en": ("No. 58", "State Agency"),
    },
}
NEVER: dict[str, tuple[str, ...]] = {
    "infinity": ("152-ФЗ", "152-FZ", "94-V"),
    "infini": ("GDPR", "RGPD", "152-ФЗ", "152-FZ", "несоразмерн", "disproportionate"),
    "backgroundmusic": ("GDPR", "RGPD", "94-V", "несоразмерн", "disproportionate"),
    "astrum-oyun": ("GDPR", "RGPD", "152-ФЗ", "152-FZ", "94-V", "несоразмерн"),
}
ACCESS_KINDS = ("access_response", "refusal")


@pytest.mark.parametrize("slug", [c.slug for c in CONTROLLERS])
def test_every_kind_in_every_language_renders_complete_and_right_for_the_law(
    cf: CaseFile, slug: str
) -> None:
    case = open_case(cf, slug)
    controller = cf.controllers.get(case.controller_id)
    kinds = letters.available_kinds(cf, case.id or 0)
    assert set(kinds) >= {"acknowledgement", "access_response", "refusal", "identity_request"}
    for language in controller.languages:
        none = labels(language).none_recorded
        for kind in kinds:
            shown = letters.preview(
                cf, case.id or 0, kind, language, TODAY, **fields_for(kind, language)
            )
            text = pdf_text(shown.pdf)
            where = f"{slug} {language} {kind}"
            assert none not in text and "________" not in text, where
            found = {w.code for w in shown.warnings}
            assert not found & letters.REFUSING, (where, shown.warnings)
            assert "foreign_language" not in found, (where, shown.warnings)
            # the whole letter reads as the reply's language, once the controller's and the
            # subject's addresses (exempt: proper names and addresses) are set aside
            letter = shown.text.text
            addresses = [controller.address, controller.dpo_contact, case.subject.address]
            addresses += [a.address for a in authority_table().authorities.values()]
            for address in addresses:
                lines = [ln.strip() for ln in address.splitlines() if ln.strip()]
                for piece in (", ".join(lines), *lines):
                    if piece:
                        letter = letter.replace(piece, " ")
            assert prof.foreign_fragments(letter, language) == "", (where, letter)
            for banned in NEVER[slug]:
                assert banned not in text, (where, banned)
            if kind in ACCESS_KINDS:
                for needed in MUST[slug][language]:
                    assert needed in text, (where, needed)


def test_the_russian_access_response_gives_every_item_of_article_14_7(cf: CaseFile) -> None:
    case = open_case(cf, "backgroundmusic")
    text = pdf_text(letters.preview(cf, case.id or 0, "access_response", "ru", TODAY).pdf)
    heads = labels("ru").profile_items
    for item in prof.REQUIRED["RU"]:
        assert heads[item].split()[0] in text, item
    assert "Обработка персональных данных другим лицам не поручается" in text  # item 9
    assert "частью 7 статьи 14" in text
    assert "статьёй 18.1" in text  # item 10
    # 152-FZ rights only: no GDPR restriction, objection or withdrawal wording
    assert "ограничения их обработки" not in text and "возражать против" not in text
    assert "пункт 3 статьи 7" not in text


def test_infinity_letters_name_both_authorities_and_gdpr_article_15(cf: CaseFile) -> None:
    case = open_case(cf, "infinity")
    text = pdf_text(letters.preview(cf, case.id or 0, "access_response", "en", TODAY).pdf)
    for heading in (
        labels("en").profile_items["automated_decisions"],
        "Transfers to other countries and the safeguards that apply",
    ):
        assert heading in text
    assert "Article 15 of the General Data Protection Regulation" in text
    assert "Article 17(e) of Law of the Kyrgyz Republic No. 58" in text
    assert text.index("State Agency") < text.index("CNIL")  # the governing (KG) route first
    # what the desk could not confirm is shown to the DPO, not hidden
    shown = letters.preview(cf, case.id or 0, "access_response", "en", TODAY)
    review = next(w.message for w in shown.warnings if w.code == "legal_review_points")
    assert "Law 58" in review and "State Agency" in review
    assert "CNIL" not in review  # its address is confirmed
    assert "legal_review_points" not in letters.REFUSING | letters.BLOCKING


def test_russian_erasure_confirmation_says_reasonable_measures(cf: CaseFile) -> None:
    case = open_case(cf, "backgroundmusic")
    shown = letters.preview(
        cf, case.id or 0, "action_confirmation", "ru", TODAY, actions=["erasure"]
    )
    text = pdf_text(shown.pdf)
    assert "разумные меры" in text and "часть 3 статьи 20" in text
    assert "несоразмерн" not in text


@pytest.mark.parametrize(
    ("slug", "language", "provision"),
    [
        ("backgroundmusic", "ru", "частью 8 статьи 14 Федерального закона"),
        ("astrum-oyun", "ru", "статьёй 15 Закона Кыргызской Республики"),
        ("astrum-oyun", "ky", "15-беренесинде"),
        ("infini", "kk", "№ 94-V Заңында"),
        ("infinity", "fr", "article 15, paragraphe 4"),
    ],
)
def test_a_refusal_cites_the_provision_limiting_access(
    cf: CaseFile, slug: str, language: str, provision: str
) -> None:
    case = open_case(cf, slug)
    shown = letters.preview(
        cf, case.id or 0, "refusal", language, TODAY, **fields_for("refusal", language)
    )
    assert provision in pdf_text(shown.pdf)


# --- finalising: refused, acknowledged ----------------------------------------------------------


def test_a_missing_required_item_refuses_finalising_without_override(cf: CaseFile) -> None:
    case = open_case(cf, "backgroundmusic")
    controller_id = case.controller_id
    items = dict(DEMO_PROFILES["backgroundmusic"]["ru"])
    del items["processor"]
    letters.set_profile(cf, controller_id, "ru", items)
    before = len(cf.letters.for_case(case.id or 0))
    with pytest.raises(letters.LetterRefused) as refused:
        letters.finalise(
            cf,
            case.id or 0,
            "access_response",
            "ru",
            TODAY,
            acknowledge_warnings=True,
            enclosures=["PDF"],
        )
    message = str(refused.value)
    assert "«Лицо, осуществляющее обработку по поручению оператора" in message
    assert "(сведения не внесены)" in message  # and the blank shows in the letter itself
    assert message.count(".") >= 1 and "\n" not in message
    assert len(cf.letters.for_case(case.id or 0)) == before
    status = letters.profile_status(cf, controller_id, "ru")
    assert status.missing == ("processor",)


def test_an_edited_text_with_none_recorded_can_never_be_finalised(cf: CaseFile) -> None:
    case = open_case(cf, "infini")
    body = "Уважаемый клиент!\n\nЦели обработки: (сведения не внесены)\n\nС уважением,"
    with pytest.raises(letters.LetterRefused, match="сведения не внесены"):
        letters.finalise(
            cf,
            case.id or 0,
            "acknowledgement",
            "ru",
            TODAY,
            body_override=body,
            acknowledge_warnings=True,
        )


def test_a_foreign_language_item_must_be_acknowledged(cf: CaseFile) -> None:
    case = open_case(cf, "backgroundmusic")
    items = dict(DEMO_PROFILES["backgroundmusic"]["ru"])
    items["purposes"] = "providing the service and sending the newsletters"
    letters.set_profile(cf, case.controller_id, "ru", items)
    assert letters.profile_status(cf, case.controller_id, "ru").foreign == ("purposes",)
    with pytest.raises(letters.LetterBlocked) as blocked:
        letters.finalise(
            cf, case.id or 0, "access_response", "ru", TODAY, enclosures=["Копия данных"]
        )
    assert "foreign_language" in {w.code for w in blocked.value.warnings}
    english_enclosure = letters.preview(
        cf, case.id or 0, "acknowledgement", "ru", TODAY, enclosures=["a copy of your data"]
    )
    assert "foreign_language" in {w.code for w in english_enclosure.warnings}
    record = letters.finalise(
        cf,
        case.id or 0,
        "access_response",
        "ru",
        TODAY,
        acknowledge_warnings=True,
        enclosures=["Копия данных"],
    )
    assert record.status == "final"
    actions = [e.action for e in cf.audit.events(case.id or 0)]
    assert "letter.language_warnings_acknowledged" in actions


@pytest.mark.parametrize(
    ("text", "language", "foreign"),
    [
        ("account data\ndelivery address", "ru", "en"),
        ("данные учётной записи, WhatsApp и PayPal", "ru", ""),
        ("Ваши данные и адрес доставки", "kk", "ru"),
        ("есептік жазба деректері", "kk", ""),
        ("эсептик жазуунун маалыматтары", "ky", ""),
        ("les données de votre compte", "en", "fr"),
        ("the data of your account", "fr", "en"),
        ("ООО «АСТРУМ», 125315, Москва, info@astrum.example", "ky", ""),
        ("account-export.csv\ndata-export.pdf", "ky", ""),  # file names are names
        ("файлы cookie; cookie третьих лиц", "ru", ""),  # one loanword, used twice
    ],
)
def test_language_of_a_free_text(text: str, language: str, foreign: str) -> None:
    assert prof.foreign_fragments(text, language) == foreign


def test_unknown_profile_items_are_refused_in_one_sentence(cf: CaseFile) -> None:
    case = open_case(cf, "infini")
    with pytest.raises(InvalidInput, match="Unknown profile item"):
        letters.set_profile(cf, case.controller_id, "ru", {"favourite_colour": "blue"})


# --- extension notices, identity requests --------------------------------------------------------


def test_no_extension_notice_under_kazakh_or_kyrgyz_law(cf: CaseFile) -> None:
    for slug in ("infini", "astrum-oyun", "infinity"):
        case = open_case(cf, slug)
        assert "extension_notice" not in letters.available_kinds(cf, case.id or 0), slug
        with pytest.raises(letters.LetterRefused, match="no extension"):
            letters.finalise(
                cf,
                case.id or 0,
                "extension_notice",
                None,
                TODAY,
                acknowledge_warnings=True,
                extension_reasons="many records",
            )


def test_an_extension_notice_after_a_recorded_extension_states_both_dates(cf: CaseFile) -> None:
    bgm = next(c for c in cf.controllers.list() if c.slug == "backgroundmusic")
    case = cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(bgm.id or 0),
            subject=DataSubject(name="Ольга Ивановна Смирнова", email="olga@example.org"),
            kinds=(RequestKind.ACCESS,),
            channel=Channel.EMAIL,
            received=TODAY - timedelta(days=5),
            language="ru",
            reply_language="ru",
        )
    )
    case_id = case.id or 0
    assert "extension_notice" in letters.available_kinds(cf, case_id, TODAY)
    original = letters.build_input(cf, case_id, "acknowledgement", "ru", TODAY).deadline_due
    assert original is not None and original >= TODAY
    cf.cases.add_clock_event(case_id, ClockEventKind.EXTENSION_NOTICE_SENT, TODAY, "by hand")
    shown = letters.preview(
        cf, case_id, "extension_notice", "ru", TODAY, extension_reasons="большой объём данных"
    )
    extended = shown.input.extended_due
    assert extended is not None and extended > original
    text = pdf_text(shown.pdf)
    assert f"истекающий {format_date(original, 'ru')}" in text
    assert f"не позднее {format_date(extended, 'ru')}" in text


def test_the_french_identity_request_says_the_period_is_suspended_and_post_only(
    cf: CaseFile,
) -> None:
    case = open_case(cf, "infinity")
    shown = letters.preview(cf, case.id or 0, "identity_request", "fr", TODAY)
    text = pdf_text(shown.pdf)
    assert "article 77 du décret n° 2019-536 du 29 mai 2019" in text
    assert "par courrier postal" in text
    assert "courriel" not in text and "e-mail" not in text
    warned = {w.code: w.message for w in shown.warnings}
    # INFINITY's policy demands a signed ID copy; without a stated doubt the DPO is warned
    assert "SAN-2020-008" in warned["signed_id_copy_without_doubt"]
    english = pdf_text(letters.preview(cf, case.id or 0, "identity_request", "en", TODAY).pdf)
    assert "by post" in english and "e-mail" not in english


# --- salutation and signatory --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Иван Сергеевич Петров", "m"),
        ("Ольга Ивановна", "f"),
        ("Әлібек Нұрланұлы", "m"),
        ("Гүлнәр Сейітқызы", "f"),
        ("Айбек Токтогул уулу", "m"),
        ("Чолпон Асан кызы", "f"),
        ("Анна Волкова", "f"),
        ("Sarah Collins", ""),
    ],
)
def test_salutation_is_suggested_from_the_patronymic_or_ending(name: str, form: str) -> None:
    assert letters.suggest_salutation(name) == form


def test_the_salutation_chosen_for_a_case_is_used(cf: CaseFile) -> None:
    case = open_case(cf, "backgroundmusic")
    case_id = case.id or 0
    letters.set_salutation(cf, case_id, "f")
    assert letters.salutation(cf, case_id) == ("f", True)
    text = pdf_text(letters.preview(cf, case_id, "acknowledgement", "ru", TODAY).pdf)
    assert f"Уважаемая {case.subject.name}!" in text
    with pytest.raises(InvalidInput):
        letters.set_salutation(cf, case_id, "x")


def test_the_signatory_is_remembered_per_controller(cf: CaseFile) -> None:
    case = open_case(cf, "infini")
    letters.finalise(
        cf,
        case.id or 0,
        "acknowledgement",
        "ru",
        TODAY,
        acknowledge_warnings=True,
        signatory_name="Дина Омарова",
        signatory_title="Юрист",
    )
    assert letters.signatory(cf, case.controller_id).name == "Дина Омарова"
    later = letters.preview(cf, case.id or 0, "acknowledgement", "ru", TODAY)
    text = pdf_text(later.pdf)
    assert "Дина Омарова" in text and "Юрист" in text


def test_a_remembered_title_in_another_language_is_not_pasted(cf: CaseFile) -> None:
    case = open_case(cf, "infinity")  # demo title: "Data Protection Officer"
    text = pdf_text(letters.preview(cf, case.id or 0, "acknowledgement", "ru", TODAY).pdf)
    signature = text[text.index("С уважением") :]  # the letterhead keeps the DPO's address
    assert "Data Protection Officer" not in signature
    assert labels("ru").dpo in signature


def test_the_closing_never_stands_alone_on_a_page(cf: CaseFile) -> None:
    case = open_case(cf, "infinity")
    items = dict(DEMO_PROFILES["infinity"]["ru"])
    for lines in range(10, 40, 3):  # push the closing across page ends
        items["categories"] = "\n".join(f"категория данных номер {i}" for i in range(lines))
        letters.set_profile(cf, case.controller_id, "ru", items)
        pdf = letters.preview(cf, case.id or 0, "access_response", "ru", TODAY).pdf
        last = PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
        body = [ln for ln in last.splitlines()[1:] if ln.strip()]  # drop the running header
        assert any("Сведения предоставлены" in ln or "вправе" in ln for ln in body), lines


# --- the journal of requests ---------------------------------------------------------------------


def test_the_journal_of_requests_in_three_formats(cf: CaseFile, tmp_path: Path) -> None:
    answered = next(r for r in cf.cases.list() if r.status == "responded")
    reply = next(
        x
        for x in cf.letters.for_case(answered.id)
        if x.kind != LetterKind.ACKNOWLEDGEMENT and x.status == "final"
    )
    pdf = export_journal(cf, tmp_path / "j.pdf")
    text = pdf_text(pdf.path.read_bytes())
    assert "Журнал учёта обращений субъектов персональных данных" in text
    assert "Подпись" in text
    assert f"{answered.reference}/{reply.id}" in text
    rows = list(
        csv.reader(io.StringIO(export_journal(cf, tmp_path / "j.csv").path.read_text("utf-8-sig")))
    )
    assert rows[0][0] == "№ п/п" and rows[0][-1] == "Подпись ответственного лица"
    assert len(rows) - 1 == len(cf.cases.list())
    one = export_journal(cf, tmp_path / "one.xlsx", controller="infini", year=TODAY.year)
    with zipfile.ZipFile(one.path) as book:
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert "Исходящий номер ответа" in strings
    infini_2026 = [
        r
        for r in cf.cases.list()
        if r.controller_slug == "infini" and r.received.year == TODAY.year
    ]
    assert one.cases == len(infini_2026)
    assert "export.journal" in [e.action for e in cf.audit.events()]
    with pytest.raises(KnownError, match=r"\.pdf, \.xlsx or \.csv"):
        export_journal(cf, tmp_path / "j.docx")


def test_the_migration_step_keeps_the_legacy_profile_as_the_english_one(cf: CaseFile) -> None:
    """Before issue 16 a controller had one profile (written in English); the step that adds the
    per-language tables makes it the controller's English profile, and nothing else."""
    from dpo_desk.casefile.migrations import _letter_profiles

    controller = next(c for c in cf.controllers.list() if c.slug == "infini")
    with cf.transaction():
        cf.db.executescript(
            "DROP TABLE letter_profiles; DROP TABLE letter_signatories; "
            "DROP TABLE letter_salutations;"
        )
        cf.db.execute(
            "UPDATE controllers SET profile = ? WHERE id = ?",
            ('{"purposes": ["orders", "delivery"], "retention": "5 years"}', controller.id),
        )
        _letter_profiles(cf.db)
    repo = LetterSettingsRepo(cf)
    assert repo.profiles(controller.id or 0) == {
        "en": {"purposes": "orders\ndelivery", "retention": "5 years"}
    }
    assert repo.signatory(controller.id or 0).name == ""
