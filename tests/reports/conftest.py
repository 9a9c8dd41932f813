"""Case files for report tests: a seeded demo file (built once, copied per test) and hand-made
cases with letters, identity records, notes and pause/extension events.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import (
    AttachmentRole,
    Case,
    CaseStatus,
    Channel,
    ClockEventKind,
    Controller,
    ControllerId,
    DataSubject,
    LetterKind,
    RequestKind,
)
from dpo_desk.demo import seed_demo

TODAY = date(2026, 3, 2)
# A raw key opens in ~0.2 ms; a passphrase costs SQLCipher's KDF (~150 ms) per open.
KEY = Key(raw=bytes(range(32)))
ID_SCAN = b"%PDF-1.4 FAKE PASSPORT SCAN 77AB-UNIQUE-ID-COPY-BYTES"
LETTER_PDF = b"%PDF-1.4 letter to the subject, any bytes will do\n%%EOF\n"


def fixed_clock() -> datetime:
    return datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo case file, seeded once per session (no keyring is touched while seeding)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())
    try:
        path = tmp_path_factory.mktemp("demo-template") / "demo.dpodesk"
        cf = CaseFile.create(path, KEY, clock=fixed_clock).casefile
        try:
            seed_demo(cf, TODAY)
        finally:
            cf.close()
    finally:
        keyring.set_keyring(previous)
    return path


@pytest.fixture
def demo_cf(demo_template: Path, tmp_path: Path) -> Iterator[CaseFile]:
    target = tmp_path / "demo.dpodesk"
    shutil.copyfile(demo_template, target)
    sidecar = demo_template.with_name(demo_template.name + ".id")
    if sidecar.exists():
        shutil.copyfile(sidecar, target.with_name(target.name + ".id"))
    cf = CaseFile.open(target, KEY, clock=fixed_clock)
    yield cf
    cf.close()


@pytest.fixture
def cf(tmp_path: Path) -> Iterator[CaseFile]:
    casefile = CaseFile.create(tmp_path / "x.dpodesk", KEY, clock=fixed_clock).casefile
    yield casefile
    casefile.close()


def add_controller(
    cf: CaseFile, slug: str, name: str, jurisdictions: tuple[str, ...]
) -> Controller:
    return cf.controllers.add(
        Controller(
            id=None,
            slug=slug,
            name=name,
            legal_entity=f"{name} LLC",
            jurisdictions=jurisdictions,
            address="ул. Абая 10\nАлматы",
            languages=("ru", "en"),
        )
    )


def add_case(
    cf: CaseFile,
    controller: Controller,
    *,
    name: str,
    received: date,
    kinds: tuple[RequestKind, ...] = (RequestKind.ACCESS,),
    email: str = "",
    channel: Channel = Channel.EMAIL,
    phone: str = "",
    address: str = "",
    account: str = "",
) -> Case:
    return cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller.id or 0),
            subject=DataSubject(
                name=name, email=email, phone=phone, address=address, account_ref=account
            ),
            kinds=kinds,
            channel=channel,
            received=received,
            summary="Wants a copy of the data.",
        )
    )


def answer(cf: CaseFile, case_id: int, on: date) -> None:
    cf.cases.set_status(case_id, CaseStatus.IN_PROGRESS, on=on)
    cf.cases.set_status(case_id, CaseStatus.RESPONDED, on=on)


@dataclass(frozen=True)
class RichCase:
    """A fully documented case: letters, identity check, destroyed ID copy, notes, pauses."""

    case: Case
    controller: Controller
    name: str
    email: str
    phone: str
    account: str
    letter_sha256: str
    id_copy_sha256: str


def make_rich_case(cf: CaseFile) -> RichCase:
    ctl = add_controller(cf, "backgroundmusic", "ООО «Фоновая музыка»", ("RU",))
    name, email, phone, account = (
        "Гүлнәр Сейітқызы",
        "gulnar.seiitkyzy@example.kz",
        "+7 701 555 0199",
        "U48213",
    )
    received = date(2026, 2, 2)
    case = add_case(
        cf,
        ctl,
        name=name,
        email=email,
        phone=phone,
        account=account,
        address="пр. Абая 10, кв. 5\n050000 Алматы",
        received=received,
        kinds=(RequestKind.ACCESS, RequestKind.CONSENT_WITHDRAWAL),
        channel=Channel.POST,
    )
    assert case.id is not None
    cf.cases.add_clock_event(
        case.id,
        ClockEventKind.IDENTITY_REQUESTED,
        received + timedelta(days=1),
        "asked for a signed copy",
    )
    cf.cases.add_clock_event(
        case.id,
        ClockEventKind.IDENTITY_RECEIVED,
        received + timedelta(days=4),
        "copy received by post",
    )
    scan = cf.attachments.add(
        case.id, AttachmentRole.ID_DOCUMENT, "passport.pdf", "application/pdf", ID_SCAN
    )
    check = cf.identity.record(
        case.id,
        method="paper_checklist",
        outcome="verified",
        checklist={"name matches": True, "signature present": True},
        document_type="passport",
        document_last4="4821",
    )
    cf.attachments.destroy(scan.id, reason="identity verified")
    cf.identity.note_destroyed(check.id, scan.id, scan.sha256, fixed_clock().isoformat())
    draft = cf.letters.save_draft(case.id, LetterKind.ACCESS_RESPONSE, "ru", '{"subject": "x"}')
    final = cf.letters.finalise(draft.id, LETTER_PDF, '{"subject": "x"}')
    cf.letters.record_sent(
        final.id,
        sent_on=received + timedelta(days=9),
        channel="registered_post",
        registered_no="RR123456789KZ",
    )
    cf.cases.add_note(case.id, f"Phoned {name} to confirm the account {account}.")
    cf.cases.set_status(case.id, CaseStatus.IN_PROGRESS, on=received + timedelta(days=4))
    return RichCase(
        cf.cases.get(case.id), ctl, name, email, phone, account, final.sha256 or "", scan.sha256
    )
