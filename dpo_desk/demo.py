"""The demo case file: the four controllers of ``reference/controllers.md`` and ~40 cases.

Cases are spread over every status, request kind, channel and jurisdiction, dated relative to
``today`` so that some are overdue, some due today and some awaiting identity proof whenever
the demo is built. Everything in it is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile import keys as keystore
from dpo_desk.casefile.deadlines import case_deadlines
from dpo_desk.casefile.paths import demo_casefile
from dpo_desk.core.model import (
    Case,
    CaseStatus,
    Channel,
    ClockEventKind,
    Controller,
    ControllerId,
    ControllerProfile,
    DataSubject,
    RequestKind,
    VerificationPolicy,
)
from dpo_desk.services.cases import change_status, reply_state

DEMO_PASSPHRASE = "demo-passphrase"  # only where no keyring works; the demo holds no real data

K = RequestKind
_ANSWERED_BY_PHONE = "answered by telephone; the requester confirmed no letter was needed"

CONTROLLERS: tuple[Controller, ...] = (
    Controller(
        id=None,
        slug="infinity",
        name="INFINITY",
        legal_entity="Infinity, a company incorporated under the laws of Kyrgyzstan",
        registration_no="182246 3301 ООО",
        address="128 Dzerjinsky st.\n720011 Bishkek\nKyrgyzstan",
        dpo_contact="To the attention of the Data Protection Officer, 128 Dzerjinsky st., "
        "720011 Bishkek",
        emails=(),
        jurisdictions=("KG", "FR"),
        channels=(Channel.POST,),
        languages=("en", "ru", "fr"),
        profile=ControllerProfile(
            purposes=(
                "paying artists and distributing their music",
                "answering questions",
                "keeping the services secure",
                "marketing, where you agreed",
            ),
            categories=(
                "name",
                "postal address",
                "geolocation",
                "email",
                "phone",
                "language",
                "cookies and IP address",
                "card, bank and PayPal details",
                "social security or tax number",
                "social-media tokens",
            ),
            recipients=(
                "payment providers",
                "music distribution platforms",
                "hosting providers in the EU",
            ),
            retention="for the duration of the contract and the statutory limitation periods",
            sources=("you", "music platforms reporting sales"),
            transfers="data stored mainly in the European Union",
        ),
        verification=VerificationPolicy(
            accepted=("signed_id_copy", "account_match"),
            id_copy_retention="on_verified",
            requires_signed_id_copy=True,
        ),
    ),
    Controller(
        id=None,
        slug="infini",
        name="Infini",
        legal_entity="LLP “Shahishifa KZ”",
        registration_no="BIN 180140023215",
        address="Almaty\nKazakhstan",
        dpo_contact="support@infini.com",
        emails=("support@infini.com",),
        jurisdictions=("KZ",),
        channels=(Channel.EMAIL,),
        languages=("ru", "kk", "en"),
        profile=ControllerProfile(
            purposes=(
                "processing orders and delivery",
                "customer support",
                "reviews",
                "security of the website",
            ),
            categories=(
                "account data",
                "orders and delivery address",
                "WhatsApp contact",
                "payment status",
                "reviews",
                "IP address and device data",
            ),
            recipients=("delivery services", "payment providers"),
            retention="while the account exists and as accounting law requires",
            sources=("you",),
        ),
        verification=VerificationPolicy(
            accepted=("account_match", "registered_email", "electronic_signature"),
            id_copy_retention="on_verified",
        ),
    ),
    Controller(
        id=None,
        slug="backgroundmusic",
        name="BACKGROUND MUSIC",
        legal_entity="Digital service BACKGROUND MUSIC",
        registration_no="",
        address="backgroundmusic.net",
        dpo_contact="info@backgroundmusic.net",
        emails=("info@backgroundmusic.net",),
        jurisdictions=("RU",),
        channels=(Channel.EMAIL,),
        languages=("ru", "en"),
        profile=ControllerProfile(
            purposes=(
                "licences for background music",
                "newsletters",
                "targeted advertising research on depersonalised data",
            ),
            categories=(
                "full name",
                "login",
                "email",
                "postal address",
                "social-network links",
                "cookies",
            ),
            recipients=("none, except on reorganisation of the service",),
            retention="for the term of the agreements with the user",
            sources=("you",),
        ),
        verification=VerificationPolicy(accepted=("registered_email", "account_match")),
    ),
    Controller(
        id=None,
        slug="astrum-oyun",
        name="ASTRUM OYUN",
        legal_entity="LLC “ASTRUM OYUN”",
        registration_no="304849-3301-ООО",
        address="Matrosova str. 1/1b, 3\nOktyabrsky district\nBishkek\nKyrgyz Republic",
        dpo_contact="Matrosova str. 1/1b, 3, Bishkek",
        emails=(),
        jurisdictions=("KG",),
        channels=(Channel.POST, Channel.OTHER),
        languages=("ru", "ky", "en"),
        profile=ControllerProfile(
            purposes=("providing games and services", "advertising", "analytics"),
            categories=(
                "account data",
                "device and IP data",
                "cookies",
                "SDK data",
                "in-game assets",
            ),
            recipients=("ASTRUM LLC, 125315, Moscow, Leningradsky pr-kt, 70", "mobile operators"),
            retention="while the account exists",
            sources=("you", "SDK partners"),
            transfers="storage in the Kyrgyz Republic",
        ),
        verification=VerificationPolicy(accepted=("account_match", "signed_id_copy")),
    ),
)

NAMES = {
    "ky": [
        "Айбек Токтогулов",
        "Айгерим Садыкова",
        "Нурлан Асанов",
        "Жыпар Өмүрбекова",
        "Бакыт Жумабеков",
        "Чолпон Үсөнова",
    ],
    "kk": [
        "Әлібек Нұрланұлы",
        "Гүлнәр Сейітқызы",
        "Дәулет Қасымов",
        "Айжан Төлеуова",
        "Ерлан Құдайбергенов",
    ],
    "ru": [
        "Иван Петров",
        "Ольга Смирнова",
        "Сергей Кузнецов",
        "Анна Волкова",
        "Дмитрий Соколов",
        "Елена Попова",
    ],
    "fr": ["Camille Martin", "Julien Dubois", "Léa Moreau", "Thomas Lefèvre"],
    "en": ["Sarah Collins", "James O'Neill", "Priya Natarajan", "Tom Becker"],
}

KINDS_BY_CONTROLLER = {
    "infinity": [
        [K.ACCESS],
        [K.ERASURE, K.CONSENT_WITHDRAWAL],
        [K.RECTIFICATION],
        [K.OBJECTION],
        [K.MARKETING_OPT_OUT],
        [K.ACCESS, K.RECIPIENTS_INFO],
    ],
    "infini": [
        [K.ACCESS],
        [K.RECTIFICATION],
        [K.ERASURE],
        [K.CONSENT_WITHDRAWAL],
        [K.OBJECTION_AUTOMATED],
        [K.RESTRICTION],
    ],
    "backgroundmusic": [
        [K.ACCESS],
        [K.ERASURE, K.CONSENT_WITHDRAWAL],
        [K.MARKETING_OPT_OUT],
        [K.STOP_PROCESSING],
        [K.RECTIFICATION],
        [K.CONSENT_WITHDRAWAL],
    ],
    "astrum-oyun": [
        [K.ACCESS],
        [K.ERASURE],
        [K.RECTIFICATION],
        [K.RESTRICTION],
        [K.CONSENT_WITHDRAWAL],
    ],
}

LANGS_BY_CONTROLLER = {
    "infinity": ["en", "fr", "ru", "ky"],
    "infini": ["ru", "kk", "en"],
    "backgroundmusic": ["ru", "en"],
    "astrum-oyun": ["ru", "ky", "en"],
}

SUMMARIES = {
    K.ACCESS: "Asks for a copy of all personal data held and how it is used.",
    K.ERASURE: "Asks that the account and all personal data be deleted.",
    K.RECTIFICATION: "Asks to correct the postal address and the spelling of the name.",
    K.OBJECTION: "Objects to processing for analytics.",
    K.MARKETING_OPT_OUT: "No more newsletters or promotional messages.",
    K.CONSENT_WITHDRAWAL: "Withdraws consent to newsletters and advertising research.",
    K.RESTRICTION: "Asks to block the data while a dispute about an order is settled.",
    K.OBJECTION_AUTOMATED: "Objects to an automated decision that blocked the account.",
    K.STOP_PROCESSING: "Demands that processing of personal data stop.",
    K.RECIPIENTS_INFO: "Wants to know to whom the data was passed.",
}


@dataclass(frozen=True)
class _Plan:
    controller: str
    kinds: list[RequestKind]
    status: CaseStatus
    age: int  # days before today the request was received
    language: str
    identity_requested: bool = False
    extension: bool = False


def _plans(rng: random.Random) -> list[_Plan]:
    plans: list[_Plan] = []
    statuses = [
        CaseStatus.RECEIVED,
        CaseStatus.AWAITING_IDENTITY,
        CaseStatus.IN_PROGRESS,
        CaseStatus.RESPONDED,
        CaseStatus.CLOSED,
        CaseStatus.REJECTED,
        CaseStatus.WITHDRAWN,
    ]
    slugs = [c.slug for c in CONTROLLERS]
    for i in range(40):
        slug = slugs[i % len(slugs)]
        kinds = KINDS_BY_CONTROLLER[slug][(i // len(slugs)) % len(KINDS_BY_CONTROLLER[slug])]
        status = statuses[i % len(statuses)]
        if status in (CaseStatus.RECEIVED, CaseStatus.AWAITING_IDENTITY, CaseStatus.IN_PROGRESS):
            age = rng.choice([1, 2, 4, 6, 9, 12, 16, 25, 40])
        else:
            age = rng.randint(20, 300)
        plans.append(
            _Plan(
                controller=slug,
                kinds=list(kinds),
                status=status,
                age=age,
                language=rng.choice(LANGS_BY_CONTROLLER[slug]),
                identity_requested=status == CaseStatus.AWAITING_IDENTITY,
                # extensions only where the law has one: RU access and stop-processing (+5 WD)
                extension=(
                    slug == "backgroundmusic"
                    and status == CaseStatus.IN_PROGRESS
                    and kinds in ([K.ACCESS], [K.STOP_PROCESSING])
                ),
            )
        )
    return plans


def seed_demo(cf: CaseFile, today: date, *, seed: int = 2026) -> int:
    """Fill an empty case file with the demo controllers and cases; returns the case count."""
    rng = random.Random(seed)
    controllers = {c.slug: cf.controllers.add(c) for c in CONTROLLERS}
    count = 0
    for plan in _plans(rng):
        controller = controllers[plan.controller]
        name = rng.choice(NAMES.get(plan.language, NAMES["en"]))
        received = today - timedelta(days=plan.age)
        channel = controller.channels[count % len(controller.channels)]
        email = ""
        if channel == Channel.EMAIL or rng.random() < 0.4:
            email = f"subject{count + 1:02d}@example.org"
        address = ""
        if channel == Channel.POST:
            address = rng.choice(
                [
                    "ул. Киевская 96\n720040 Бишкек",
                    "пр. Абая 10, кв. 5\n050000 Алматы",
                    "12 rue des Lilas\n75011 Paris\nFrance",
                    "ул. Ленина 1\n123456 Москва",
                    "14 Baker Road\nLondon N1 2AB\nUnited Kingdom",
                ]
            )
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(controller.id or 0),
                subject=DataSubject(
                    name=name,
                    email=email,
                    address=address,
                    account_ref=f"U{rng.randint(10000, 99999)}",
                ),
                kinds=tuple(plan.kinds),
                channel=channel,
                received=received,
                language=plan.language,
                reply_language=plan.language
                if plan.language in controller.languages
                else controller.languages[0],
                summary=SUMMARIES.get(plan.kinds[0], ""),
                postmark=received - timedelta(days=rng.randint(2, 6))
                if channel == Channel.POST
                else None,
                registered_no=f"RR{rng.randint(100000000, 999999999)}KG"
                if channel == Channel.POST and rng.random() < 0.5
                else "",
            )
        )
        assert case.id is not None
        if plan.identity_requested:
            cf.cases.add_clock_event(
                case.id,
                ClockEventKind.IDENTITY_REQUESTED,
                min(today, received + timedelta(days=1)),
                "asked for proof of identity",
            )
            cf.cases.set_status(case.id, CaseStatus.AWAITING_IDENTITY, on=received)
        elif plan.status != CaseStatus.RECEIVED:
            cf.cases.set_status(case.id, CaseStatus.IN_PROGRESS, on=received)
            if plan.extension:
                deadlines = case_deadlines(cf, case.id)
                notice_by = [
                    d.extension_notice_by for d in deadlines.deadlines if d.extension_notice_by
                ]
                on = min(today, received + timedelta(days=3))
                if len(notice_by) == len(deadlines.deadlines) and on <= min(notice_by):
                    cf.cases.add_clock_event(
                        case.id,
                        ClockEventKind.EXTENSION_NOTICE_SENT,
                        on,
                        "complex request: several systems to search",
                    )
            if plan.status in (CaseStatus.RESPONDED, CaseStatus.CLOSED):
                answered = min(received + timedelta(days=rng.randint(2, 12)), today)
                _answer_by_letter(cf, case.id, received, answered, today)
                # a case the letters could not answer was answered by telephone: the case
                # service records that reason instead of a reply letter
                without = "" if reply_state(cf, case.id).answered else _ANSWERED_BY_PHONE
                if cf.cases.get(case.id).status != CaseStatus.RESPONDED:
                    change_status(
                        cf, case.id, CaseStatus.RESPONDED, on=answered, without_reply=without
                    )
                if plan.status == CaseStatus.CLOSED:
                    change_status(cf, case.id, CaseStatus.CLOSED, on=min(answered, today))
            elif plan.status == CaseStatus.REJECTED:
                cf.cases.set_status(
                    case.id,
                    CaseStatus.REJECTED,
                    on=min(today, received + timedelta(days=5)),
                    reason="identity could not be established",
                )
            elif plan.status == CaseStatus.WITHDRAWN:
                cf.cases.set_status(
                    case.id,
                    CaseStatus.WITHDRAWN,
                    on=min(today, received + timedelta(days=3)),
                    reason="the requester withdrew the request",
                )
        if rng.random() < 0.35:
            cf.cases.add_note(
                case.id,
                rng.choice(
                    [
                        "Called the requester to confirm the account login.",
                        "Checked the CRM and the newsletter tool; two records found.",
                        "The requester also wrote to support; merged here.",
                        "Waiting for the IT team's export of order history.",
                    ]
                ),
            )
        count += 1
    count += _add_due_today_case(cf, controllers["astrum-oyun"], today)
    return count


def _answer_by_letter(
    cf: CaseFile, case_id: int, received: date, answered: date, today: date
) -> None:
    """The letters of an answered case: the acknowledgement the day after receipt, then the
    response (the access response, or the confirmation of what was done), each finalised and
    recorded as sent — which moves the case to "responded"."""
    from dpo_desk.core.errors import KnownError
    from dpo_desk.letters import service as letters

    case = cf.cases.get(case_id)
    channel = "email" if case.channel == Channel.EMAIL else "post"
    acknowledged = min(received + timedelta(days=1), answered)
    response = "access_response" if "access" in case.kinds else "action_confirmation"
    steps: list[tuple[str, date, dict[str, object]]] = [
        ("acknowledgement", acknowledged, {}),
        (response, answered, {"enclosures": ["Copy of your personal data (PDF)"]}),
    ]
    for kind, on, fields in steps:
        try:
            letter = letters.finalise(
                cf, case_id, kind, None, on, acknowledge_warnings=True, **fields
            )
            letters.record_sent(cf, letter.id or 0, on, channel, today=today)
        except KnownError:  # a kind this case cannot take: its status is set by hand instead
            continue


def _add_due_today_case(cf: CaseFile, controller: Controller, today: date) -> int:
    """One open case whose governing deadline is exactly today (when the calendar allows one)."""
    from dpo_desk.casefile.deadlines import calendar_overrides
    from dpo_desk.core.deadlines import compute_case_deadlines

    overrides = calendar_overrides(cf, controller.id)
    for back in range(1, 30):
        received = today - timedelta(days=back)
        governing = compute_case_deadlines(
            controller.jurisdictions, [K.ACCESS.value], received, overrides=overrides
        ).governing
        if governing is None or governing.due != today:
            continue
        case = cf.cases.add(
            Case(
                id=None,
                reference="",
                controller_id=ControllerId(controller.id or 0),
                subject=DataSubject(name="Мээрим Абдыкадырова", address="ул. Токтогула 5\nБишкек"),
                kinds=(K.ACCESS,),
                channel=Channel.POST,
                received=received,
                language="ky",
                reply_language="ky",
                summary=SUMMARIES[K.ACCESS],
            )
        )
        assert case.id is not None
        cf.cases.set_status(case.id, CaseStatus.IN_PROGRESS, on=received)
        return 1
    return 0


def open_or_create_demo(path: Path | None, key: Key | None, today: date) -> tuple[CaseFile, bool]:
    """Open the demo file, or create and seed it. Returns (case file, created)."""
    path = path or demo_casefile()
    if path.exists():
        if key is None and not keystore.stored_keys(keystore.read_file_id(path) or ""):
            key = Key(passphrase=DEMO_PASSPHRASE)
        return CaseFile.open(path, key), False
    if key is None and not keystore.keyring_status().usable:
        key = Key(passphrase=DEMO_PASSPHRASE)
    created = CaseFile.create(path, key)
    cf = created.casefile
    try:
        seed_demo(cf, today)
    except BaseException:
        cf.close()
        for leftover in (path, path.with_name(path.name + ".id")):
            leftover.unlink(missing_ok=True)
        raise
    return cf, True
