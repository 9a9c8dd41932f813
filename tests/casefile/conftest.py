from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind

PASSPHRASE = "correct horse battery staple"


def fixed_clock() -> datetime:
    return datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def cf_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.dpodesk"


@pytest.fixture
def casefile(cf_path: Path):
    cf = CaseFile.create(cf_path, Key(passphrase=PASSPHRASE), clock=fixed_clock).casefile
    yield cf
    cf.close()


def add_controller(cf: CaseFile, slug: str = "astrum-oyun", jurisdictions=("KG",)) -> Controller:
    return cf.controllers.add(
        Controller(
            id=None,
            slug=slug,
            name=slug.upper(),
            jurisdictions=tuple(jurisdictions),
            emails=(f"dpo@{slug}.example",),
            languages=("ru", "en"),
        )
    )


def add_case(
    cf: CaseFile,
    controller: Controller,
    name: str = "Айбек Токтогулов",
    received: date = date(2026, 2, 20),
    kinds=(RequestKind.ACCESS,),
    email: str = "aibek@example.org",
) -> Case:
    return cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller.id or 0),
            subject=DataSubject(name=name, email=email),
            kinds=tuple(kinds),
            channel=Channel.POST,
            received=received,
        )
    )
