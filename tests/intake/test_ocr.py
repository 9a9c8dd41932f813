"""OCR of letter scans (issue 18): languages, pages and formats, the case flow (stored with the
scan, found by the search, classified), ID copies never read into text, a missing engine, cancel.
Every scan is rendered by the test (tests/intake/test_ocr_builders.py)."""

from __future__ import annotations

import json
import secrets
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.cli import main
from dpo_desk.core.errors import ImportRejected, InvalidInput
from dpo_desk.core.model import AttachmentRole, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS
from dpo_desk.intake import ocr
from dpo_desk.intake.service import Scan, log_postal
from dpo_desk.services.ocr import (
    OcrCancelled,
    OcrUnavailable,
    read_scan,
    recognise_case_scans,
    store_readings,
)

from .test_ocr_builders import LETTERS, encode, held_out_font, letter_scan, page, pdf_scan

TODAY = date(2026, 12, 8)

EXPECTED = {  # language -> (main kind, a phrase the text must hold)
    "ru": ("erasure", "персональные данные"),
    "kk": ("access", "дербес деректеріме"),
    "ky": ("erasure", "маалыматтарымды"),
    "fr": ("access", "données personnelles"),
}


@pytest.fixture
def cf(tmp_path: Path):
    casefile = CaseFile.create(tmp_path / "ocr.dpodesk", Key(raw=secrets.token_bytes(32))).casefile
    for controller in CONTROLLERS:
        casefile.controllers.add(controller)
    yield casefile
    casefile.close()


@pytest.fixture(scope="module")
def readings():
    """Each language's letter read once for the tests that look at it."""
    return {lang: read_scan(letter_scan(lang), f"letter-{lang}.png") for lang in EXPECTED}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_letter_scan_is_read_and_classified(language, readings):
    reading = readings[language]
    kind, phrase = EXPECTED[language]
    assert phrase in reading.text
    assert reading.language == language
    assert reading.kinds[0] == kind
    assert reading.confidence > 80
    assert reading.pages == 1


def test_sender_is_suggested_for_the_dpo_to_confirm(readings):
    reading = readings["fr"]
    assert reading.name == "Élodie Lefèvre"
    assert reading.address == "12 rue de la Paix, 75002 Paris"
    kk = readings["kk"]
    assert kk.name == "Әлібек Сейітқали"
    assert "Абай даңғылы 12" in kk.address


def test_held_out_font_is_read_too():
    scan = encode(page(LETTERS["ru"], font=held_out_font(), rotate=-0.6, seed=11))
    reading = read_scan(scan, "held-out.png")
    assert reading.language == "ru"
    assert reading.kinds[0] == "erasure"
    assert "Баумана" in reading.text


def test_image_only_pdf_of_two_pages_and_multipage_tiff():
    first = page(LETTERS["fr"][:5])
    second = page(LETTERS["fr"][5:], seed=9)
    reading = read_scan(pdf_scan([first, second]), "scan.pdf")
    assert reading.pages == 2
    assert "Paris" in reading.text and "RGPD" in reading.text
    tiff = encode(first, "TIFF", save_all=True, append_images=[second], compression="tiff_lzw")
    assert read_scan(tiff, "scan.tiff").pages == 2


def test_jpeg_scan():
    image = page(LETTERS["ky"]).convert("RGB")
    reading = read_scan(encode(image, "JPEG", quality=85), "scan.jpg")
    assert reading.language == "ky"


def test_skew_is_measured_and_corrected():
    _image, angle = ocr.prepare(page(LETTERS["ru"], rotate=3.0, noise=0))
    assert -3.5 <= angle <= -2.5


def test_a_damaged_scan_is_one_sentence():
    with pytest.raises(ImportRejected):
        read_scan(b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "broken.png")


def test_cancel_stops_the_recognition():
    with pytest.raises(OcrCancelled):
        read_scan(letter_scan("ru"), "letter.png", cancel=lambda: True)


def _log(cf: CaseFile, scans: list[Scan], name: str = "Фёдор Щукин"):
    controller = cf.controllers.by_slug(CONTROLLERS[0].slug)
    return log_postal(
        cf,
        controller=controller,
        subject=DataSubject(name=name),
        kinds=[RequestKind.ERASURE],
        received=TODAY,
        today=TODAY,
        scans=scans,
        confirm_id_copy=True,
    )


def test_letter_scan_text_is_stored_indexed_and_classified(cf: CaseFile):
    from tests.identity.test_mrz import DOCUMENTS
    from tests.intake.test_ocr_builders import id_copy

    lines, _ = DOCUMENTS["russian-internal"]
    case = _log(
        cf,
        [
            Scan("letter.png", letter_scan("ru")),
            Scan("passport.png", encode(id_copy(lines)), AttachmentRole.ID_DOCUMENT),
        ],
    )
    assert case.id not in [c.id for c in _found(cf, "Баумана")]  # not before the OCR
    outcomes = recognise_case_scans(cf, case.id)
    by_status = {o.status: o for o in outcomes}
    assert by_status["stored"].kinds[0] == "erasure"
    assert by_status["stored"].language == "ru"
    assert by_status["skipped"].message == "ID copies are never read into text."
    assert [c.id for c in _found(cf, "Баумана")] == [case.id]  # the search finds the scan's text
    texts = cf.scan_texts.for_case(case.id)
    assert len(texts) == 1 and "Баумана" in texts[0].text
    id_meta = next(
        m for m in cf.attachments.for_case(case.id) if m.role == AttachmentRole.ID_DOCUMENT
    )
    assert cf.scan_texts.find(id_meta.id) is None
    with pytest.raises(InvalidInput):
        cf.scan_texts.put(id_meta.id, "whatever")
    assert recognise_case_scans(cf, case.id) == [by_status["skipped"]]  # read once


def _found(cf: CaseFile, text: str):
    return [row for row in cf.cases.list(CaseQuery(text=text))]


def test_readings_made_before_the_case_are_kept_with_their_scans(cf: CaseFile):
    data = letter_scan("kk")
    reading = read_scan(data, "өтініш.png")  # what the postal dialog does before logging
    case = _log(cf, [Scan("өтініш.png", data)], name=reading.name)
    assert store_readings(cf, case.id, [reading]) == 1
    assert [c.id for c in _found(cf, "даңғылы")] == [case.id]


def test_missing_engine_is_a_clear_message_and_the_case_stays(cf: CaseFile, monkeypatch):
    monkeypatch.setattr(ocr, "_tessdata", lambda: ("", frozenset()))
    ok, message = ocr.engine_status()
    assert not ok and "No OCR language models were found" in message
    with pytest.raises(OcrUnavailable):
        read_scan(letter_scan("fr"), "lettre.png")
    case = _log(cf, [Scan("lettre.png", letter_scan("fr"))])
    [outcome] = recognise_case_scans(cf, case.id)
    assert outcome.status == "unavailable" and "install them" in outcome.message
    assert cf.cases.get(case.id).reference == case.reference


def test_classify_command_reads_scans(tmp_path: Path, capsys):
    scan = tmp_path / "lettre.pdf"
    scan.write_bytes(pdf_scan([page(LETTERS["fr"])]))
    assert main(["classify", str(scan), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kinds"][0] == "access" and out["language"] == "fr"
    assert out["source"] == "scan" and out["suggested_name"] == "Élodie Lefèvre"
    fake = tmp_path / "scan.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"junk" * 10)
    assert main(["classify", str(fake), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
