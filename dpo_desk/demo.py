"""The demo case file: the four controllers of ``docs/legal-notes.md`` §15 and ~40 cases.

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
from dpo_desk.casefile.letter_profiles import LetterSettingsRepo
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
        legal_entity="Infinity",  # a company under the laws of Kyrgyzstan (letters name it only)
        registration_no="182246 3301 ООО",
        address="128 Dzerjinsky st.\n720011 Bishkek\nKyrgyzstan",
        dpo_contact="128 Dzerjinsky st., 720011 Bishkek",
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
        legal_entity="BACKGROUND MUSIC",
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


# Processing profiles per reply language (issue 16), written from the controllers' privacy
# policies (docs/legal-notes.md §15): every item the laws on each controller require.
DEMO_PROFILES: dict[str, dict[str, dict[str, str]]] = {
    "infinity": {
        "en": {
            "legal_grounds": "performance of your contract with us\nyour consent (marketing)",
            "purposes": "paying you and distributing your music\nanswering your questions\n"
            "keeping track of your account and collecting fees\n"
            "keeping our services secure and improving our website\nmarketing, where you agreed",
            "methods": "collection from you and from the social media platforms you connected\n"
            "recording, storage, use and erasure, by automated means",
            "categories": "name\npostal address and geographical position\n"
            "e-mail addresses and phone numbers\nlanguage spoken\ncookies and IP address\n"
            "card, bank and PayPal account details\nsocial security or tax number\n"
            "access tokens of connected social media pages",
            "sources": "you, directly\nsocial media platforms you connected to our services",
            "recipients": "payment service providers\nmusic distribution platforms and stores\n"
            "hosting providers in the European Union",
            "retention": "for as long as your account is open, then until the statutory "
            "limitation periods expire",
            "transfers": "your data are stored mainly in the European Union; payments and "
            "distribution platforms outside it receive only what they need, under the "
            "European Commission's standard contractual clauses",
            "automated_decisions": "we take no decision about you based solely on automated "
            "processing, including profiling",
        },
        "ru": {
            "legal_grounds": "исполнение договора с Вами\nВаше согласие (рекламные рассылки)",
            "purposes": "выплата Вам вознаграждения и распространение Вашей музыки\n"
            "ответы на Ваши вопросы\nведение Вашей учётной записи и взимание платы\n"
            "безопасность и улучшение наших сервисов\n"
            "рекламные рассылки, если Вы на них согласились",
            "methods": "сбор у Вас и на подключённых Вами платформах социальных сетей\n"
            "запись, хранение, использование и удаление с использованием средств автоматизации",
            "categories": "имя\nпочтовый адрес и местоположение\n"
            "адреса электронной почты и номера телефонов\nязык общения\n"
            "файлы cookie и IP-адрес\nданные банковской карты, банковского счёта и счёта PayPal\n"
            "номер социального страхования или идентификационный номер налогоплательщика\n"
            "токены доступа подключённых страниц социальных сетей",
            "sources": "Вы сами\nподключённые Вами платформы социальных сетей",
            "recipients": "платёжные сервисы\nплатформы и магазины цифровой музыки\n"
            "хостинг-провайдеры в Европейском союзе",
            "retention": "пока открыта Ваша учётная запись, а затем до истечения сроков "
            "исковой давности",
            "transfers": "данные хранятся преимущественно в Европейском союзе; платёжные сервисы "
            "и платформы за его пределами получают только необходимые им данные на условиях "
            "стандартных договорных положений Европейской комиссии",
            "automated_decisions": "мы не принимаем в отношении Вас решений, основанных "
            "исключительно на автоматизированной обработке, в том числе профилировании",
        },
        "fr": {
            "legal_grounds": "exécution du contrat conclu avec vous\n"
            "votre consentement (prospection commerciale)",
            "purposes": "vous payer et distribuer votre musique\nrépondre à vos questions\n"
            "gérer votre compte et percevoir les frais\n"
            "sécuriser nos services et améliorer notre site\n"
            "prospection commerciale, si vous l'avez acceptée",
            "methods": "collecte auprès de vous et des réseaux sociaux que vous avez connectés\n"
            "enregistrement, conservation, utilisation et effacement par des moyens automatisés",
            "categories": "nom\nadresse postale et position géographique\n"
            "adresses électroniques et numéros de téléphone\nlangue parlée\n"
            "cookies et adresse IP\ncoordonnées de carte, de compte bancaire et de compte PayPal\n"
            "numéro de sécurité sociale ou d'identification fiscale\n"
            "jetons d'accès des pages de réseaux sociaux connectées",
            "sources": "vous-même\nles réseaux sociaux que vous avez connectés à nos services",
            "recipients": "prestataires de paiement\nplateformes et boutiques de musique\n"
            "hébergeurs situés dans l'Union européenne",
            "retention": "tant que votre compte est ouvert, puis jusqu'à l'expiration des délais "
            "de prescription",
            "transfers": "vos données sont conservées principalement dans l'Union européenne ; "
            "les prestataires de paiement et les plateformes situés hors de l'Union ne reçoivent "
            "que les données nécessaires, encadrées par les clauses contractuelles types de la "
            "Commission européenne",
            "automated_decisions": "nous ne prenons aucune décision vous concernant fondée "
            "exclusivement sur un traitement automatisé, y compris le profilage",
        },
    },
    "infini": {
        "ru": {
            "legal_grounds": "Ваше согласие\nисполнение заказа\nтребования законодательства "
            "Республики Казахстан (бухгалтерский и налоговый учёт, защита прав потребителей)",
            "purposes": "создание и ведение учётной записи\nобработка заказов и доставка\n"
            "поддержка покупателей и возвраты\nпредотвращение мошенничества\n"
            "публикация отзывов о товарах\nисполнение требований законодательства",
            "methods": "сбор при регистрации, оформлении заказа и обращении в поддержку\n"
            "запись, хранение, использование, передача службам доставки и оплаты, удаление; "
            "с использованием средств автоматизации",
            "categories": "данные учётной записи (имя, адрес электронной почты, телефон, фото)\n"
            "данные заказов и доставки (адрес, получатель, контакт WhatsApp)\n"
            "способ и статус оплаты\nотзывы и оценки\n"
            "технические данные (IP-адрес, сведения об устройстве и браузере)",
            "sources": "Вы сами\nплатёжные сервисы (статус оплаты)",
            "recipients": "службы доставки\nплатёжные сервисы\nхостинг-провайдер",
            "retention": "пока существует Ваша учётная запись, а затем в течение сроков, "
            "установленных законодательством о бухгалтерском учёте и защите прав потребителей",
            "transfers": "данные хранятся в Республике Казахстан; трансграничная передача "
            "осуществляется только в случаях, допускаемых законодательством Республики Казахстан",
        },
        "kk": {
            "legal_grounds": "Сіздің келісіміңіз\nтапсырысты орындау\nҚазақстан Республикасы "
            "заңнамасының талаптары (бухгалтерлік және салықтық есеп, тұтынушылардың құқықтарын "
            "қорғау)",
            "purposes": "есептік жазбаны жасау және жүргізу\nтапсырыстарды өңдеу және жеткізу\n"
            "сатып алушыларды қолдау және тауарды қайтару\nалаяқтықтың алдын алу\n"
            "тауарлар туралы пікірлерді жариялау\nзаңнама талаптарын орындау",
            "methods": "тіркелу, тапсырыс беру және қолдау қызметіне жүгіну кезінде жинау\n"
            "жазу, сақтау, пайдалану, жеткізу және төлем қызметтеріне беру, жою; "
            "автоматтандыру құралдарын пайдалана отырып",
            "categories": "есептік жазба деректері (аты, электрондық пошта мекенжайы, телефон, "
            "фото)\nтапсырыс және жеткізу деректері (мекенжай, алушы, WhatsApp байланысы)\n"
            "төлем тәсілі мен мәртебесі\nпікірлер мен бағалар\n"
            "техникалық деректер (IP-мекенжай, құрылғы және браузер туралы мәліметтер)",
            "sources": "Сіздің өзіңіз\nтөлем қызметтері (төлем мәртебесі)",
            "recipients": "жеткізу қызметтері\nтөлем қызметтері\nхостинг-провайдер",
            "retention": "есептік жазбаңыз бар болғанша, содан кейін бухгалтерлік есеп және "
            "тұтынушылардың құқықтарын қорғау туралы заңнамада белгіленген мерзімдер ішінде",
            "transfers": "деректер Қазақстан Республикасында сақталады; трансшекаралық беру тек "
            "Қазақстан Республикасының заңнамасы рұқсат ететін жағдайларда жүзеге асырылады",
        },
        "en": {
            "legal_grounds": "your consent\nperformance of your order\nthe law of the Republic of "
            "Kazakhstan (accounting, tax and consumer protection)",
            "purposes": "creating and maintaining your account\nprocessing orders and delivery\n"
            "customer support and returns\npreventing fraud\npublishing product reviews\n"
            "complying with the law",
            "methods": "collection at registration, checkout and when you contact support\n"
            "recording, storage, use, transfer to delivery and payment services, erasure; "
            "by automated means",
            "categories": "account data (name, e-mail address, phone number, photo)\n"
            "order and delivery data (address, recipient, WhatsApp contact)\n"
            "payment method and status\nreviews and ratings\n"
            "technical data (IP address, device and browser information)",
            "sources": "you, directly\npayment services (payment status)",
            "recipients": "delivery services\npayment services\nour hosting provider",
            "retention": "while your account exists, then for the periods set by the accounting "
            "and consumer-protection laws",
            "transfers": "the data are stored in the Republic of Kazakhstan; they are transferred "
            "abroad only where the law of the Republic of Kazakhstan allows it",
        },
    },
    "backgroundmusic": {
        "ru": {
            "legal_grounds": "Ваше согласие на обработку персональных данных (пункт 1 части 1 "
            "статьи 6 Федерального закона № 152-ФЗ)\nисполнение лицензионного и "
            "пользовательского соглашений (пункт 5 части 1 статьи 6 Федерального закона № 152-ФЗ)",
            "purposes": "исполнение лицензионного и пользовательского соглашений\n"
            "связь с Вами\nинформационные и рекламные рассылки\n"
            "регистрация, идентификация и ведение учётной записи\n"
            "улучшение качества сервиса\nисполнение требований законодательства",
            "methods": "смешанная обработка (с использованием средств автоматизации и без них) "
            "с использованием баз данных\nзапись, систематизация, накопление, хранение, "
            "уточнение, извлечение, использование, передача, обезличивание, блокирование, "
            "удаление, уничтожение",
            "categories": "фамилия, имя, отчество\nлогин\nадрес электронной почты\n"
            "почтовый адрес\nссылки на профили в социальных сетях\nфайлы cookie",
            "sources": "Вы сами (при регистрации и использовании сайта)",
            "recipients": "третьи лица не получают доступа к данным, за исключением "
            "правопреемника при реорганизации сервиса и органов власти по их законному запросу",
            "retention": "в течение срока действия соглашений между Вами и сервисом",
            "transfers": "трансграничная передача осуществляется только во исполнение соглашений "
            "с Вами и с Вашего согласия, в соответствии со статьёй 12 Федерального закона "
            "№ 152-ФЗ",
            "processor": "Обработка персональных данных другим лицам не поручается.",
            "measures": "назначен ответственный за организацию обработки персональных данных\n"
            "издана политика в отношении обработки персональных данных\n"
            "применяются правовые, организационные и технические меры защиты "
            "(статья 19 Федерального закона № 152-ФЗ)\nосуществляется внутренний контроль "
            "соответствия обработки закону\nработники ознакомлены с требованиями "
            "законодательства о персональных данных",
        },
        "en": {
            "legal_grounds": "your consent to the processing of personal data (Article 6(1)(1) "
            "of Federal Law No. 152-FZ)\nperformance of the licence and user agreements "
            "(Article 6(1)(5) of Federal Law No. 152-FZ)",
            "purposes": "performing the licence and user agreements\nkeeping in touch with you\n"
            "newsletters and promotional messages\n"
            "registration, identification and management of your account\n"
            "improving the service\ncomplying with the law",
            "methods": "processing both by automated means and without them, using databases\n"
            "recording, systematisation, accumulation, storage, updating, retrieval, use, "
            "transfer, depersonalisation, blocking, deletion, destruction",
            "categories": "full name\nlogin\ne-mail address\npostal address\n"
            "links to social network profiles\ncookies",
            "sources": "you, directly (when registering and using the website)",
            "recipients": "no third party has access to the data, except a successor on "
            "reorganisation of the service and public authorities on a lawful request",
            "retention": "for the term of the agreements between you and the service",
            "transfers": "data are transferred abroad only to perform the agreements with you "
            "and with your consent, under Article 12 of Federal Law No. 152-FZ",
            "processor": "No processing is entrusted to another person.",
            "measures": "a person responsible for the organisation of personal data processing "
            "is appointed\na policy on personal data processing is published\n"
            "legal, organisational and technical protection measures are applied (Article 19 "
            "of Federal Law No. 152-FZ)\ninternal control of compliance is carried out\n"
            "staff are trained in the personal data legislation",
        },
    },
    "astrum-oyun": {
        "ru": {
            "legal_grounds": "Ваше согласие\nисполнение соглашений об использовании сервисов",
            "purposes": "предоставление игр и сервисов\nреклама\nаналитика и улучшение сервисов",
            "methods": "сбор при регистрации и использовании сервисов, в том числе с помощью "
            "файлов cookie и SDK\nзапись, хранение, использование, передача, удаление "
            "с использованием средств автоматизации",
            "categories": "данные учётной записи (имя, фамилия, дата рождения, пол, номер "
            "телефона)\nданные об устройстве и IP-адрес\nфайлы cookie\n"
            "данные, полученные через SDK\nвнутриигровые ценности",
            "sources": "Вы сами\nпартнёры, предоставляющие SDK",
            "recipients": "ООО «АСТРУМ», 125315, Москва, Ленинградский проспект, 70\n"
            "операторы мобильной связи",
            "retention": "пока существует Ваша учётная запись",
            "transfers": "данные хранятся в Кыргызской Республике; аффилированному лицу в "
            "Российской Федерации они передаются только в объёме, необходимом для "
            "предоставления сервисов",
        },
        "ky": {
            "legal_grounds": "сиздин макулдугуңуз\nкызматтарды колдонуу жөнүндө келишимдерди "
            "аткаруу",
            "purposes": "оюндарды жана кызматтарды көрсөтүү\nжарнама\n"
            "талдоо жана кызматтарды жакшыртуу",
            "methods": "каттоодо жана кызматтарды колдонууда, анын ичинде cookie файлдары жана "
            "SDK аркылуу чогултуу\nавтоматташтыруу каражаттары менен жазуу, сактоо, колдонуу, "
            "берүү, өчүрүү",
            "categories": "эсептик жазуунун маалыматтары (аты, фамилиясы, туулган күнү, жынысы, "
            "телефон номери)\nтүзмөк жөнүндө маалыматтар жана IP-дарек\ncookie файлдары\n"
            "SDK аркылуу алынган маалыматтар\nоюн ичиндеги баалуулуктар",
            "sources": "сиз өзүңүз\nSDK берүүчү өнөктөштөр",
            "recipients": "«АСТРУМ» ЖЧК, 125315, Москва, Ленинградский проспект, 70\n"
            "мобилдик байланыш операторлору",
            "retention": "эсептик жазууңуз бар болгонго чейин",
            "transfers": "маалыматтар Кыргыз Республикасында сакталат; Россия Федерациясындагы "
            "аффилирленген жакка кызматтарды көрсөтүү үчүн зарыл болгон көлөмдө гана берилет",
        },
        "en": {
            "legal_grounds": "your consent\nperformance of the agreements on the use of the "
            "services",
            "purposes": "providing games and services\nadvertising\n"
            "analytics and improving the services",
            "methods": "collection at registration and while you use the services, including "
            "through cookies and SDKs\nrecording, storage, use, transfer and erasure by "
            "automated means",
            "categories": "account data (name, surname, date of birth, sex, phone number)\n"
            "device data and IP address\ncookies\ndata received through SDKs\nin-game assets",
            "sources": "you, directly\nSDK partners",
            "recipients": "ASTRUM LLC, 125315, Moscow, Leningradsky prospekt, 70\n"
            "mobile network operators",
            "retention": "for as long as your account exists",
            "transfers": "the data are stored in the Kyrgyz Republic; the affiliate in the "
            "Russian Federation receives only what it needs to provide the services",
        },
    },
}

#: The enclosure of a demo answer, in the reply's language.
ENCLOSURE: dict[str, str] = {
    "en": "Copy of your personal data (PDF)",
    "ru": "Копия Ваших персональных данных (PDF)",
    "fr": "Copie de vos données personnelles (PDF)",
    "kk": "Дербес деректеріңіздің көшірмесі (PDF)",
    "ky": "Жеке маалыматтарыңыздын көчүрмөсү (PDF)",
}

#: The default signatory of each demo controller's letters (invented people).
DEMO_SIGNATORIES: dict[str, tuple[str, str]] = {
    "infinity": ("Aidai Sydykova", "Data Protection Officer"),
    "infini": ("Асель Жумабаева", "Ответственный за защиту персональных данных"),
    "backgroundmusic": (
        "Павел Орлов",
        "Ответственный за организацию обработки персональных данных",
    ),
    "astrum-oyun": ("Бермет Осмонова", "Ответственный за обработку персональных данных"),
}


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
    settings = LetterSettingsRepo(cf)
    for slug, by_language in DEMO_PROFILES.items():
        for language, items in by_language.items():
            settings.set_profile(controllers[slug].id or 0, language, items)
        settings.set_signatory(controllers[slug].id or 0, *DEMO_SIGNATORIES[slug])
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
    # --- issue 22: one invented breach per demo controller, with its clocks
    from dpo_desk.services.breaches import seed_demo_breaches

    seed_demo_breaches(cf, today)
    # --- end issue 22
    return count


def _answer_by_letter(
    cf: CaseFile, case_id: int, received: date, answered: date, today: date
) -> None:
    """The letters of an answered case: the acknowledgement the day after receipt, then the
    response (the access response, or the confirmation of what was done), each finalised and
    recorded as sent — which moves the case to "responded"."""
    from dpo_desk.core.errors import KnownError
    from dpo_desk.services import letters

    case = cf.cases.get(case_id)
    controller = cf.controllers.get(case.controller_id)
    language = next(
        (c for c in (case.reply_language, *controller.languages) if c in ENCLOSURE), "en"
    )
    channel = "email" if case.channel == Channel.EMAIL else "post"
    acknowledged = min(received + timedelta(days=1), answered)
    response = "access_response" if "access" in case.kinds else "action_confirmation"
    steps: list[tuple[str, date, dict[str, object]]] = [
        ("acknowledgement", acknowledged, {}),
        (response, answered, {"enclosures": [ENCLOSURE.get(language, ENCLOSURE["en"])]}),
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
