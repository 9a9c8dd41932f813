"""Intake into the case file: emails become cases, follow-ups or duplicates; postal scans."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.errors import ImportRejected
from dpo_desk.core.model import AttachmentRole, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS
from dpo_desk.intake.service import (
    IdCopyNeedsConfirmation,
    ImportOptions,
    Scan,
    add_scans,
    import_files,
    log_postal,
)

from .intake_builders import b64_part, eml, image_bytes, multipart, part, pdf_bytes

TODAY = date(2026, 3, 10)
PASSPHRASE = "intake service tests"


@pytest.fixture
def cf(tmp_path: Path):
    casefile = CaseFile.create(tmp_path / "intake.dpodesk", Key(passphrase=PASSPHRASE)).casefile
    for controller in CONTROLLERS:
        casefile.controllers.add(controller)
    yield casefile
    casefile.close()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


RU_ERASURE = (
    "Здравствуйте! Прошу удалить мои персональные данные и отзываю согласие на рассылку. "
    "С уважением, Дәулет Қасымов"
).encode()


def test_email_becomes_a_case_routed_by_recipient(cf: CaseFile, tmp_path: Path) -> None:
    msg = eml(
        RU_ERASURE, headers={"From": "Дәулет <daulet@example.kz>", "Subject": "Удаление данных"}
    )
    (outcome,) = import_files(cf, [write(tmp_path, "a.eml", msg)], TODAY)
    assert outcome.status == "created", outcome.reason
    case = cf.cases.get(outcome.case_id)
    assert cf.controllers.get(case.controller_id).slug == "infini"
    assert case.kinds[0] == RequestKind.ERASURE and case.language == "ru"
    assert case.received == date(2026, 3, 3) and case.subject.email == "daulet@example.kz"
    (stored,) = cf.emails.for_case(case.id)
    assert cf.attachments.data(stored.attachment_id) == msg  # the original bytes as evidence
    assert cf.cases.count() == 1


def test_duplicates_and_follow_ups(cf: CaseFile, tmp_path: Path) -> None:
    first = write(tmp_path, "a.eml", eml(RU_ERASURE))
    import_files(cf, [first], TODAY)
    (again,) = import_files(cf, [first], TODAY)
    assert again.status == "duplicate" and "Message-ID" in again.reason
    follow = eml(
        b"Also, please tell me who received my data.",
        headers={"Message-ID": "<m2@example.org>", "Subject": "Re: Request"},
    )
    (outcome,) = import_files(cf, [write(tmp_path, "b.eml", follow)], TODAY)
    assert outcome.status == "follow_up" and outcome.reference == "2026-0001"
    assert len(cf.emails.for_case(outcome.case_id)) == 2
    (new,) = import_files(
        cf,
        [
            write(
                tmp_path,
                "c.eml",
                eml(b"Delete my account", headers={"Message-ID": "<m3@example.org>"}),
            )
        ],
        TODAY,
        ImportOptions(follow_ups=False),
    )
    assert new.status == "created" and new.reference == "2026-0002"


def test_unknown_recipient_asks_for_the_controller(cf: CaseFile, tmp_path: Path) -> None:
    path = write(tmp_path, "x.eml", eml(b"Give me my data", headers={"To": "x@nowhere.example"}))
    (outcome,) = import_files(cf, [path], TODAY)
    assert outcome.status == "needs_controller" and "--controller" in outcome.reason
    assert cf.cases.count() == 0
    (outcome,) = import_files(cf, [path], TODAY, ImportOptions(controller_slug="backgroundmusic"))
    assert outcome.status == "created"


def test_a_bad_message_does_not_stop_the_batch_or_leave_half_a_case(
    cf: CaseFile, tmp_path: Path
) -> None:
    cf.set_meta("attachment_limit", "2000")
    big = multipart(
        [
            part(b"Please delete my data."),
            b64_part(b"x" * 5000, "application/pdf", 'attachment; filename="big.pdf"'),
        ],
    )
    good = eml(b"Please give me a copy of my data.", headers={"Message-ID": "<ok@example.org>"})
    outcomes = import_files(
        cf,
        [
            write(tmp_path, "big.eml", big),
            write(tmp_path, "junk.eml", b"\x00\x01garbage"),
            write(tmp_path, "good.eml", good),
        ],
        TODAY,
    )
    assert [o.status for o in outcomes] == ["error", "error", "created"]
    assert "limit" in outcomes[0].reason
    assert cf.cases.count() == 1  # the rejected message left nothing behind


def test_attachments_with_hostile_names_are_stored_safely(cf: CaseFile, tmp_path: Path) -> None:
    msg = multipart(
        [
            part(b"Please delete my data."),
            b64_part(
                b"%PDF-1.4 id", "application/pdf", 'attachment; filename="../../etc/passwd.pdf"'
            ),
        ]
    )
    (outcome,) = import_files(cf, [write(tmp_path, "m.eml", msg)], TODAY)
    parts = [
        a for a in cf.attachments.for_case(outcome.case_id) if a.role == AttachmentRole.EMAIL_PART
    ]
    assert parts and "/" not in parts[0].filename and ".." not in parts[0].filename


def test_future_date_is_replaced_by_today_with_a_warning(cf: CaseFile, tmp_path: Path) -> None:
    msg = eml(b"Delete my data", headers={"Date": "Tue, 03 Mar 2099 09:00:00 +0000"})
    (outcome,) = import_files(cf, [write(tmp_path, "f.eml", msg)], TODAY)
    assert outcome.status == "created"
    assert cf.cases.get(outcome.case_id).received <= TODAY
    assert outcome.warnings


def test_cancel_stops_before_the_next_message(cf: CaseFile, tmp_path: Path) -> None:
    paths = [
        write(
            tmp_path,
            f"{i}.eml",
            eml(
                b"Delete my data",
                headers={"Message-ID": f"<c{i}@example.org>", "From": f"p{i}@example.org"},
            ),
        )
        for i in range(3)
    ]
    seen = []
    outcomes = import_files(
        cf, paths, TODAY, progress=lambda d, t: seen.append((d, t)), cancel=lambda: len(seen) >= 2
    )
    assert [o.status for o in outcomes] == ["created", "created", "cancelled"]


def test_postal_request_with_scans(cf: CaseFile) -> None:
    astrum = cf.controllers.by_slug("astrum-oyun")
    case = log_postal(
        cf,
        controller=astrum,
        subject=DataSubject("Айбек Токтогулов", address="Бишкек"),
        kinds=["access"],
        received=date(2026, 3, 2),
        today=TODAY,
        postmark=date(2026, 2, 27),
        registered_no="RR123456789KG",
        language="ky",
        scans=[
            Scan("letter.pdf", pdf_bytes(2)),
            Scan("passport.jpg", image_bytes("JPEG"), AttachmentRole.ID_DOCUMENT),
        ],
    )
    roles = sorted(str(a.role) for a in cf.attachments.for_case(case.id))
    assert roles == ["id_document", "letter_scan"]
    assert case.postmark == date(2026, 2, 27) and case.reply_language == "ky"


def test_postal_scans_are_all_checked_before_anything_is_stored(cf: CaseFile) -> None:
    astrum = cf.controllers.by_slug("astrum-oyun")
    with pytest.raises(ImportRejected):
        log_postal(
            cf,
            controller=astrum,
            subject=DataSubject("X"),
            kinds=["access"],
            received=date(2026, 3, 2),
            today=TODAY,
            scans=[Scan("ok.png", image_bytes("PNG")), Scan("bad.png", b"\x89PNG\r\n")],
        )
    assert cf.cases.count() == 0


def test_kazakh_id_copy_needs_confirmation(cf: CaseFile) -> None:
    infini = cf.controllers.by_slug("infini")
    scans = [Scan("id.png", image_bytes("PNG"), AttachmentRole.ID_DOCUMENT)]
    with pytest.raises(IdCopyNeedsConfirmation, match="7"):
        log_postal(
            cf,
            controller=infini,
            subject=DataSubject("Айжан"),
            kinds=["access"],
            received=date(2026, 3, 2),
            today=TODAY,
            scans=scans,
        )
    case = log_postal(
        cf,
        controller=infini,
        subject=DataSubject("Айжан"),
        kinds=["access"],
        received=date(2026, 3, 2),
        today=TODAY,
        scans=[],
    )
    with pytest.raises(IdCopyNeedsConfirmation):
        add_scans(cf, case.id, scans)
    assert len(add_scans(cf, case.id, scans, confirm_id_copy=True)) == 1


def test_import_and_scan_commands(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DPO_DESK_TODAY", TODAY.isoformat())
    path = tmp_path / "cli.dpodesk"
    cf = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    for controller in CONTROLLERS:
        cf.controllers.add(controller)
    cf.close()

    def run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    mbox = (
        b"From a@example.org Tue Mar  3 09:00:00 2026\n"
        + eml(RU_ERASURE).replace(b"\r\n", b"\n")
        + b"\nFrom b@example.org Tue Mar  3 10:00:00 2026\n"
        + b"not an email at all\n"
    )
    code, out, err = run("import", str(write(tmp_path, "box.mbox", mbox)), "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["status"] for r in rows][0] == "created"
    assert set(rows[0]) >= {"source", "status", "case_id", "reference", "reason", "kinds"}
    code, out, err = run("import", str(tmp_path / "missing.eml"))
    assert code == 2 and "No such file" in err
    code, out, err = run(
        "scan",
        rows[0]["reference"],
        "--letter",
        str(write(tmp_path, "p.png", image_bytes("PNG"))),
        "--json",
    )
    assert code == 0, err
    assert len(json.loads(out)["attachments"]) == 1
