"""Issue 17, the classifier: not-a-request, languages (null below confidence), GDPR wording in
the 24 official languages, the law named decides the numbering, replies and forwards."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from dpo_desk.intake.classify import EU_LANGUAGES, classify, detect_language
from dpo_desk.intake.forwards import find_forward

# --- not a request ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Automatic reply: meeting",
            "I am out of the office until Monday. This is an automatic reply.",
        ),
        (
            "Webinar",
            "Join our webinar on data protection! Book a free consultation today and get 25% off "
            "our audit package for access and erasure request handling.",
        ),
        (
            "",
            "You have been unsubscribed from our mailing list. Unsubscribed by mistake? Resubscribe.",
        ),
        ("", "The delivery van blocked my driveway for an hour this morning. Very rude driver."),
        ("", "Do you have this jacket in size M? Thanks."),
        ("Ваш заказ", "Это автоматическое уведомление, не отвечайте на это письмо."),
        ("", "Закажите аудит по 152-ФЗ со скидкой 40% — только до пятницы!"),
    ],
)
def test_mail_that_is_not_a_request(subject, text):
    result = classify(text, subject)
    assert result.not_a_request
    assert result.kinds == ()
    data = result.to_dict()
    assert data["kinds"] == [] and data["not_a_request"] is True


def test_a_request_with_a_mail_footer_stays_a_request():
    text = (
        "Dear Sir or Madam, I hereby request access to my personal data under Article 15 GDPR "
        "and a copy of all data you hold about me. Please confirm whether you process my data.\n\n"
        "Sent from my phone. This e-mail may contain confidential information."
    )
    result = classify(text, "Subject access request")
    assert not result.not_a_request
    assert result.kinds[0] == "access"


def test_a_weak_hint_is_kept_as_a_suggestion():
    result = classify("The advert mentioned my data; no idea why.")
    assert result.not_a_request
    assert result.kinds == ()


# --- the law named decides the numbering --------------------------------------------------------


def test_lgpd_article_18_is_not_gdpr_restriction():
    text = "Nos termos do art. 18, VI, da LGPD, solicito a eliminação dos meus dados pessoais."
    result = classify(text)
    assert result.kinds[0] == "erasure"
    assert "restriction" not in result.kinds


def test_lgpd_incisos_map_to_their_rights():
    result = classify("Com base no art. 18, inciso II, da Lei 13.709/2018, solicito os meus dados.")
    assert result.kinds[0] == "access"
    assert "restriction" not in result.kinds


def test_bare_lgpd_article_18_names_no_right():
    result = classify("Invoco o art. 18 da LGPD.")
    assert "restriction" not in result.kinds and "restriction" not in result.suggested


def test_gdpr_article_18_is_still_restriction():
    result = classify("Ich verlange die Einschränkung der Verarbeitung nach Art. 18 DSGVO.")
    assert "restriction" in result.kinds


# --- the GDPR's own wording in all 24 official languages ----------------------------------------


def _literal(pattern: str) -> str:
    """A text the pattern matches: first alternatives, optional suffixes left out."""
    text = re.sub(r"\(\?:([^|()]*)(?:\|[^()]*)?\)", r"\1", pattern)
    return text.replace(r"\w*", "").replace("\\", "")


def _titles() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("dpo_desk.resources").joinpath("classifier/gdpr_titles.toml")
    return tomllib.loads(raw.read_text(encoding="utf-8"))["lang"]


def test_titles_cover_every_official_language():
    assert set(_titles()) == set(EU_LANGUAGES)
    for code, spec in _titles().items():
        for kind in (
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "objection",
        ):
            assert spec.get(kind), (code, kind)


@pytest.mark.parametrize("code", EU_LANGUAGES)
@pytest.mark.parametrize("kind", ["access", "erasure", "rectification", "portability"])
def test_gdpr_title_is_recognised(code, kind):
    title = _literal(_titles()[code][kind][0])
    result = classify(f"{title}.", "")
    assert kind in (result.kinds or result.suggested), (code, title, result)


def test_unchecked_wording_asks_for_legal_review():
    result = classify("Wnoszę o realizację prawa do przenoszenia danych.")
    assert "portability" in (result.kinds or result.suggested)
    checked = classify("I exercise my right to data portability under the GDPR.")
    assert checked.review_notes == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Saskaņā ar VDAR 17. pantu lūdzu dzēst manus datus.", "erasure"),
        ("A GDPR 15. cikke alapján kérem az adataimat.", "access"),
        ("Prašau pagal BDAR 15 straipsnį pateikti mano duomenis.", "access"),
        ("Σύμφωνα με το άρθρο 17 του ΓΚΠΔ ζητώ τη διαγραφή.", "erasure"),
        ("Съгласно член 16 от ОРЗД моля за корекция.", "rectification"),
        ("Pyydän tietoja tietosuoja-asetuksen 15 artiklan mukaisesti.", "access"),
        ("V skladu s 17. členom Splošne uredbe o varstvu podatkov zahtevam izbris.", "erasure"),
    ],
)
def test_article_citations_in_other_languages(text, kind):
    result = classify(text)
    assert kind in (result.kinds or result.suggested), result


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Αξιότιμοι κύριοι, παρακαλώ να διαγράψετε όλα τα προσωπικά μου δεδομένα.", "el"),
        ("Poštovani, molim vas da izbrišete sve moje osobne podatke iz vaše baze.", "hr"),
        ("Bună ziua, vă rog să ștergeți toate datele mele personale din baza dumneavoastră.", "ro"),
        ("Hej, jag vill att ni raderar alla mina personuppgifter ur ert register.", "sv"),
        ("Добрий день! Прошу видалити всі мої персональні дані з вашої бази.", "uk"),
        ("Салом! Лутфан маълумоти шахсии маро нест кунед, ташаккур. Ман ҷавоб интизорам.", "tg"),
        ("Саламатсызбы! Менин жеке маалыматтарымды өчүрүп салыңыздар.", "ky"),
        ("Сәлеметсіз бе! Менің жеке деректерімді жойыңыз, өтінемін.", "kk"),
        ("Здравствуйте! Курьер опоздал на три часа. Верните деньги за доставку.", "ru"),
        ("Здравейте, моля да изтриете всички мои лични данни от вашата база. Благодаря ви.", "bg"),
    ],
)
def test_languages_beyond_the_phrase_lists(text, code):
    assert detect_language(text)[0] == code


@pytest.mark.parametrize(
    "text",
    [
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
        "ok thx",
        "これは日本語の文章です。個人データを削除してください。",
    ],
)
def test_unknown_language_is_null_never_a_guess(text):
    code, _ = detect_language(text)
    assert code == ""
    assert classify(text).to_dict()["language"] is None


# --- how people write ------------------------------------------------------------------------


def test_quoted_history_below_a_reply_header_is_ignored():
    text = (
        "Yes, please go ahead and remove my account and delete my data.\n\n"
        "On Tue, 3 Mar 2026 at 09:00, Support <support@example.com> wrote:\n"
        "We can also send you a copy of all personal data we hold about you."
    )
    result = classify(text)
    assert result.kinds[0] == "erasure"
    assert "access" not in result.kinds


def test_deletion_outranks_an_opt_out_asked_with_it():
    text = (
        "Please delete my account and erase all my personal data. "
        "Also stop sending me your newsletter."
    )
    result = classify(text)
    assert result.kinds[0] == "erasure"


# --- forwards ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "block",
    [
        "---------- Forwarded message ---------\nFrom: Aigerim Sadykova <aigerim@example.kz>\n"
        "Date: Mon, 2 Mar 2026 at 10:14\nSubject: data\nTo: <support@infini.kz>\n\n",
        "-------- Forwarded Message --------\nSubject: \tdata\nDate: \tMon, 2 Mar 2026 10:14:00 "
        "+0000\nFrom: \tAigerim Sadykova <aigerim@example.kz>\nTo: \tsupport@infini.kz\n\n",
        "Begin forwarded message:\n\nFrom: Aigerim Sadykova <aigerim@example.kz>\nSubject: data\n"
        "Date: 2 March 2026 at 10:14:00 CET\nTo: support@infini.kz\n\n",
        "-----Original Message-----\nFrom: Aigerim Sadykova [mailto:aigerim@example.kz]\n"
        "Sent: Monday, March 2, 2026 10:14 AM\nTo: Support\nSubject: data\n\n",
        '-------- Пересылаемое сообщение --------\n02.03.2026, 10:14, "Aigerim Sadykova" '
        "<aigerim@example.kz>:\n\n",
        "Переслано\n\nОт: Aigerim Sadykova <aigerim@example.kz>\nДата: 2 марта 2026 г., 10:14\n"
        "Тема: data\n\n",
    ],
    ids=["gmail", "thunderbird", "apple-mail", "outlook", "mail-ru", "yandex"],
)
def test_forwarded_blocks_give_the_original_sender_and_date(block):
    fwd = find_forward(f"Please handle this one.\n\n{block}Delete all my data please.\n")
    assert fwd is not None
    assert fwd.from_addr == "aigerim@example.kz"
    assert fwd.sent_at is not None and fwd.sent_at.date().isoformat() == "2026-03-02"
    assert fwd.body.startswith("Delete all my data")
    assert fwd.forwarder_note == "Please handle this one."


def test_no_forward_in_ordinary_mail():
    assert find_forward("Hello,\n-- \nlines with -- dashes\n---\nregards") is None


@pytest.mark.parametrize(
    "text",
    [
        "Please send me a copy of my data. After that, delete everything you have about me.",
        "Пришлите копию моих данных, а затем удалите мой аккаунт.",
        "I want to know what data you hold on me and then I want it erased.",
    ],
)
def test_two_requests_in_sequence_keep_both_in_order(text):
    assert classify(text).kinds[:2] == ("access", "erasure")


def test_removal_from_a_mailing_list_is_an_opt_out_not_an_erasure():
    assert classify("Please remove me from your mailing list.").kinds == ("marketing_opt_out",)
    assert classify("Stop sending me marketing emails and delete my account.").kinds[0] == "erasure"
