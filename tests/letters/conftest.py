"""Fixtures for the letter tests: a controller and a case drawn from the seed policies."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from dpo_desk.core.model import (
    Case,
    CaseId,
    Channel,
    Controller,
    ControllerId,
    ControllerProfile,
    DataSubject,
    LetterKind,
    RequestKind,
)
from dpo_desk.letters.render import LetterInput

MM = 72 / 25.4

# Name and address carry every Kazakh/Kyrgyz letter (ә ғ қ ң ө ұ ү һ і), so every letter shows them.
SUBJECT_NAME = "Әлия Шаһанқызы Ғабитова"
SUBJECT_ADDRESS = "Сәтбаев көшесі 22, 14-пәтер\nҮшқоңыр ауылы, 040000 Ұлытау\nҚазақстан"

PROFILE = ControllerProfile(
    purposes=(
        "Managing your account",
        "Paying you and distributing your music",
        "Complying with legal obligations",
    ),
    categories=(
        "Name",
        "Postal address and geographical position",
        "E-mail address and phone number",
        "Bank or PayPal account details",
    ),
    recipients=("Hosting providers", "Payment service providers"),
    retention="As long as your account is open, then until the limitation period expires.",
    sources=("You, directly", "Social media platforms you connected"),
    transfers="Data are stored mainly in the European Union.",
)


#: The same profile as the controller's English processing profile (one item per line).
PROFILE_EN = {
    "purposes": "\n".join(PROFILE.purposes),
    "categories": "\n".join(PROFILE.categories),
    "recipients": "\n".join(PROFILE.recipients),
    "retention": PROFILE.retention,
    "sources": "\n".join(PROFILE.sources),
    "transfers": PROFILE.transfers,
    "automated_decisions": "We take no decision about you based solely on automated processing.",
}


@pytest.fixture
def controller() -> Controller:
    return Controller(
        id=ControllerId(1),
        slug="infinity",
        name="INFINITY",
        legal_entity="Infinity LLC",
        registration_no="182246 3301 ООО",
        address="128 Dzerjinsky st.\n720011 Bishkek\nKyrgyz Republic",
        dpo_contact="128 Dzerjinsky st., 720011 Bishkek\ndpo@infinity.example",
        jurisdictions=("KG", "FR"),
        languages=("en", "ru", "fr"),
        profile=PROFILE,
    )


@pytest.fixture
def case() -> Case:
    return Case(
        id=CaseId(42),
        reference="2026-0042",
        controller_id=ControllerId(1),
        subject=DataSubject(name=SUBJECT_NAME, address=SUBJECT_ADDRESS, account_ref="C-991"),
        kinds=(RequestKind.ACCESS, RequestKind.ERASURE),
        channel=Channel.POST,
        received=date(2026, 11, 16),
        language="ru",
    )


@pytest.fixture
def make_input(controller: Controller, case: Case) -> Callable[..., LetterInput]:
    """A complete letter input for any kind and language; keywords override fields."""

    def make(kind: LetterKind, language: str = "en", **changes: Any) -> LetterInput:
        fields: dict[str, Any] = dict(
            kind=kind,
            language=language,
            controller=controller,
            case=case,
            date=date(2026, 11, 20),
            recipient_name=SUBJECT_NAME,
            recipient_address=SUBJECT_ADDRESS,
            deadline_due=date(2026, 11, 23),
            deadline_statutory=True,
            deadline_citation="Law No. 58, Art. 17(e)",
            extended_due=date(2027, 1, 16),
            extension_reasons="The request covers ten years of records held in three systems.",
            jurisdiction="KG",
            refusal_reasons="We hold no personal data concerning you.",
            legal_ground="Article 15 of Law No. 58",
            actions=("erasure", "marketing_opt_out"),
            enclosures=("Copy of your personal data (3 pages)",),
            signatory_name="Aigerim Sadykova",
            profile=PROFILE_EN,
        )
        fields.update(changes)
        return LetterInput(**fields)

    return make


@dataclass(frozen=True)
class Run:
    """A piece of text on a PDF page and where its baseline starts, in mm from the top-left."""

    text: str
    x: float
    y: float


def text_runs(pdf: bytes, page: int = 0) -> list[Run]:
    reader = PdfReader(io.BytesIO(pdf))
    p = reader.pages[page]
    height = float(p.mediabox.height)
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append(Run(text.strip(), x / MM, (height - y) / MM))

    p.extract_text(visitor_text=visit)
    return runs


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def runs_of() -> Callable[..., list[Run]]:
    return text_runs


@pytest.fixture
def text_of() -> Callable[[bytes], str]:
    return pdf_text
