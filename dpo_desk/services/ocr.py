"""Paper intake (issue 18): read letter scans and the MRZ of ID copies; the one place it is decided.

- A **letter scan** is read (OCR, :mod:`dpo_desk.intake.ocr`), classified like an email
  (:func:`dpo_desk.intake.classify.classify`), and its text is stored encrypted beside the scan
  and indexed by the case search. Sender name and address are suggested for the DPO to confirm.
- An **ID copy** is never OCR-indexed or stored as text: only its MRZ is read, in memory, to fill
  the checklist (:mod:`dpo_desk.identity.mrz`); of the number only the last four characters leave.

Both faces (window, command line) call these functions. Nothing is written to disk but the case
file, nothing personal is logged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from dpo_desk.core.errors import ImportRejected, InvalidInput
from dpo_desk.core.model import AttachmentRole
from dpo_desk.identity.mrz import (
    MrzNotFound,
    MrzResult,
    compare_names,
    fillers_from_symbols,
    find_mrz_lines,
    parse_mrz,
)
from dpo_desk.intake.classify import classify
from dpo_desk.intake.ocr import (
    MRZ_CHARSET,
    OcrCancelled,
    OcrUnavailable,
    page_images,
    prepare,
    recognise,
    recognise_symbols,
)
from dpo_desk.intake.scans import check_scan

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile

__all__ = [
    "MrzPrefill",
    "MrzNotFound",
    "OcrCancelled",
    "OcrUnavailable",
    "ScanReading",
    "ScanTextOutcome",
    "mrz_prefill",
    "read_case_id_mrz",
    "recognise_one_scan",
    "scan_text",
    "read_mrz",
    "read_scan",
    "recognise_case_scans",
    "store_readings",
    "suggest_sender",
]

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
ENGINE = "tesseract"

_COUNTRY2 = {
    "KGZ": "KG", "KAZ": "KZ", "RUS": "RU", "FRA": "FR", "GBR": "GB", "UZB": "UZ", "TJK": "TJ",
    "DEU": "DE", "D": "DE", "USA": "US", "BRA": "BR", "UKR": "UA", "BLR": "BY", "ARM": "AM",
    "AZE": "AZ", "GEO": "GE", "TKM": "TM", "MDA": "MD", "CHN": "CN", "TUR": "TR", "ITA": "IT",
    "ESP": "ES", "NLD": "NL", "BEL": "BE", "POL": "PL", "CZE": "CZ", "PRT": "PT", "CHE": "CH",
    "AUT": "AT", "IRL": "IE", "CAN": "CA", "MNG": "MN", "IND": "IN",
}  # fmt: skip


# --- letter scans ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanReading:
    """What a letter scan says: its text, the classifier's suggestion, a suggested sender."""

    text: str
    pages: int
    confidence: float  # OCR, 0..100
    kinds: tuple[str, ...]
    language: str
    kind_confidence: float
    evidence: tuple[str, ...]
    name: str  # suggested sender, "" when none was found
    address: str
    problems: tuple[str, ...] = ()
    boxes: tuple[tuple[tuple[int, int, int, int], ...], ...] = ()
    sha256: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": list(self.kinds),
            "language": self.language,
            "confidence": round(self.kind_confidence, 3),
            "evidence": list(self.evidence),
            "source": "scan",
            "pages": self.pages,
            "ocr_confidence": round(self.confidence, 1),
            "suggested_name": self.name,
            "suggested_address": self.address,
            "problems": list(self.problems),
        }


def read_scan(
    data: bytes,
    filename: str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ScanReading:
    """Read a letter scan in memory. Raises ``ImportRejected``, ``OcrUnavailable``, ``OcrCancelled``."""
    info = check_scan(data, filename)
    result = recognise(data, info.media_type, progress=progress, cancel=cancel)
    text = result.text
    problems = list(result.problems)
    if not text.strip():
        problems.append("No text could be read from the scan; fill in the request by hand.")
    elif result.confidence < 60:
        problems.append(
            f"The scan reads poorly (confidence {result.confidence:.0f} of 100); check the text."
        )
    verdict = classify(text, "")
    name, address = suggest_sender(text)
    return ScanReading(
        text=text,
        pages=len(result.pages),
        confidence=result.confidence,
        kinds=tuple(verdict.kinds),
        language=verdict.language,
        kind_confidence=verdict.confidence,
        evidence=tuple(verdict.evidence),
        name=name,
        address=address,
        problems=tuple(problems),
        boxes=tuple(p.boxes for p in result.pages),
        sha256=hashlib.sha256(data).hexdigest(),
    )


_NAME_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІÀ-Ý][a-zа-яёәғқңөұүһіà-ÿ'\-]+"
_NAME = re.compile(rf"^\s*({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\s*[,.]?\s*$")
_NAME_AFTER = re.compile(
    rf"(?:^|\b)(?:от|from|de la part de|кимден|кимден:|жиберүүчү|отправитель|expéditeur)\s*:?\s*"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})",
    re.IGNORECASE | re.MULTILINE,
)
_ADDRESS = re.compile(
    r"(\b\d{5,6}\b|\bул\.|\bулица\b|\bпр\.|\bпроспект|\bг\.\s|\bгор\.|\bкв\.|\bд\.\s*\d|"
    r"\bкөшесі\b|\bкөш\.|\bкочосу\b|\bмикрорайон|\bмкр\.|\brue\b|\bavenue\b|\bboulevard\b|"
    r"\bbd\b|\bplace\b|\bchemin\b|\bstreet\b|\broad\b)",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"(уважаем|господ|мырза|урматтуу|құрметті|madame|monsieur|dear|прошу|сұрайм|с уважением|"
    r"құрметпен|урматтоо|cordialement|salutations|директор|director|компани|société|llc|тоо|ооо|"
    r"ао\b|жшс|заявлени|өтініш|арыз)",
    re.IGNORECASE,
)


def suggest_sender(text: str) -> tuple[str, str]:
    """A likely sender name and address in a letter's text (a suggestion the DPO confirms)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    name = ""
    match = _NAME_AFTER.search(text)
    if match:
        name = match.group(1)
    if not name:
        # a signature: the last line that looks like two or three capitalised words
        for line in reversed(lines):
            m = _NAME.match(line)
            if m and not _NOT_A_NAME.search(line):
                name = m.group(1)
                break
    address = ""
    for line in lines:
        if _ADDRESS.search(line) and not _NOT_A_NAME.search(line) and len(line) <= 160:
            address = line
            break
    return " ".join(name.split()), " ".join(address.split())


@dataclass(frozen=True)
class ScanTextOutcome:
    attachment_id: int
    filename: str
    status: str  # stored | unavailable | unreadable | skipped
    message: str = ""
    kinds: tuple[str, ...] = ()
    language: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "attachment_id": self.attachment_id,
            "filename": self.filename,
            "status": self.status,
            "message": self.message,
            "kinds": list(self.kinds),
            "language": self.language,
        }


def store_readings(cf: CaseFile, case_id: int, readings: list[ScanReading]) -> int:
    """Keep texts already read (the postal dialog read them before the case existed): each goes
    to the case's letter scan with the same bytes. Returns how many were stored."""
    by_hash = {r.sha256: r for r in readings if r.sha256 and r.text.strip()}
    stored = 0
    with cf.transaction():
        for meta in cf.attachments.for_case(case_id):
            reading = by_hash.get(meta.sha256)
            if reading is None or meta.role != AttachmentRole.LETTER_SCAN:
                continue
            _put(cf, meta.id, reading)
            stored += 1
    return stored


def _put(cf: CaseFile, attachment_id: int, reading: ScanReading) -> None:
    cf.scan_texts.put(
        attachment_id,
        reading.text,
        language=reading.language,
        confidence=reading.confidence,
        pages=reading.pages,
        boxes=[list(page) for page in reading.boxes],
        engine=ENGINE,
    )


def recognise_case_scans(
    cf: CaseFile,
    case_id: int,
    *,
    attachment_ids: list[int] | None = None,
    force: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[ScanTextOutcome]:
    """Read the case's letter scans that have no text yet (or the ones named) and store it.

    ID copies are skipped, always. An engine that is missing is an outcome, not an error: the
    case and its scans stay as they are."""
    metas = [
        m
        for m in cf.attachments.for_case(case_id)
        if m.destroyed_at is None and (attachment_ids is None or m.id in attachment_ids)
    ]
    outcomes: list[ScanTextOutcome] = []
    letters = [m for m in metas if m.role == AttachmentRole.LETTER_SCAN]
    for meta in metas:
        if meta.role != AttachmentRole.LETTER_SCAN:
            outcomes.append(
                ScanTextOutcome(
                    meta.id, meta.filename, "skipped", "ID copies are never read into text."
                )
            )
    for index, meta in enumerate(letters):
        if cancel is not None and cancel():
            raise OcrCancelled("The recognition was cancelled.")
        if not force and cf.scan_texts.find(meta.id) is not None:
            continue
        data = cf.attachments.data(meta.id)

        def page_progress(done: int, total: int, _i: int = index) -> None:
            if progress is not None:
                progress(_i * 100 + (done * 100 // max(total, 1)), len(letters) * 100)

        try:
            reading = read_scan(data, meta.filename, progress=page_progress, cancel=cancel)
        except OcrUnavailable as exc:
            outcomes.append(ScanTextOutcome(meta.id, meta.filename, "unavailable", str(exc)))
            continue
        except ImportRejected as exc:
            outcomes.append(ScanTextOutcome(meta.id, meta.filename, "unreadable", str(exc)))
            continue
        if reading.text.strip():
            _put(cf, meta.id, reading)
            status, message = "stored", " ".join(reading.problems)
        else:
            status, message = "unreadable", " ".join(reading.problems)
        outcomes.append(
            ScanTextOutcome(
                meta.id, meta.filename, status, message, reading.kinds, reading.language
            )
        )
    if progress is not None:
        progress(len(letters) * 100, len(letters) * 100)
    return outcomes


# --- MRZ of ID copies --------------------------------------------------------------------------


def read_mrz(data: bytes, filename: str, *, today: date, cancel: Cancel | None = None) -> MrzResult:
    """The MRZ of an ID copy, read in memory. Raises ``MrzNotFound``, ``OcrUnavailable``."""
    info = check_scan(data, filename)
    for image, _text in page_images(data, info.media_type):
        if cancel is not None and cancel():
            raise OcrCancelled("The reading was cancelled.")
        if image is None:
            continue
        result = _mrz_from_image(image, today)
        if result is not None:
            return result
    raise MrzNotFound(
        "No machine-readable zone was found on the scan; fill in the checklist by hand."
    )


def _mrz_from_image(image: Any, today: date) -> MrzResult | None:
    """Try a few crops and page layouts; the first reading whose check digits all agree wins,
    else the reading with the fewest failed checks."""
    prepared, _angle = prepare(image)
    width, height = prepared.size
    # the MRZ is at the bottom of the data page: the lower part first, then the whole page, then
    # the page upside down (a copy scanned the wrong way round)
    crops = [
        prepared.crop((0, int(height * 0.55), width, height)),
        prepared,
        prepared.rotate(180),
    ]
    best: MrzResult | None = None
    for crop in crops:
        for psm in (6, 11):
            try:
                symbols = recognise_symbols(crop, ("eng",), charset=MRZ_CHARSET, psm=psm)
            except RuntimeError:  # the engine gave up on this crop: try the next one
                continue
            lines = find_mrz_lines(fillers_from_symbols(symbols))
            if lines is None:
                continue
            try:
                result = parse_mrz(lines, today=today)
            except MrzNotFound:
                continue
            if result.check_digits_valid:
                return result
            if best is None or len(result.problems) < len(best.problems):
                best = result
    return best


@dataclass(frozen=True)
class MrzPrefill:
    """What the checklist takes from an MRZ: never the whole number."""

    document_type: str  # a checklist document type (passport, national_id, other)
    issuing_country: str  # two letters where known, else the ICAO code
    surname: str
    given_names: str
    birth_date: date | None
    expiry: date | None
    last4: str
    check_digits_valid: bool
    problems: tuple[str, ...]
    name_verdict: str  # match | partial | mismatch
    name_detail: str
    name_matches: bool | None  # the checklist's "name matches": True, False or None (by eye)
    notes: tuple[str, ...] = field(default_factory=tuple)


def mrz_prefill(mrz: MrzResult, subject_name: str) -> MrzPrefill:
    """The checklist's fields from an MRZ, with the names compared to the data subject."""
    kinds = {"passport": "passport", "ru_internal_passport": "passport", "id_card": "national_id"}
    comparison = compare_names(subject_name, mrz)
    notes: list[str] = []
    if not mrz.check_digits_valid:
        notes.append(
            "A check digit of the MRZ failed: the scan may be misread or the document altered; "
            "compare the fields with the document by eye."
        )
    if mrz.corrections:
        notes.extend(mrz.corrections)
    return MrzPrefill(
        document_type=kinds.get(mrz.document_type, "other"),
        issuing_country=_COUNTRY2.get(mrz.country, mrz.country),
        surname=mrz.surname,
        given_names=mrz.given_names,
        birth_date=mrz.birth_date,
        expiry=mrz.expiry_date,
        last4=mrz.last4,
        check_digits_valid=mrz.check_digits_valid,
        problems=mrz.problems,
        name_verdict=comparison.verdict,
        name_detail=comparison.detail,
        name_matches=(
            True
            if comparison.verdict == "match"
            else False
            if comparison.verdict == "mismatch"
            else None
        ),
        notes=tuple(notes),
    )


def read_case_id_mrz(
    cf: CaseFile, attachment_id: int, *, today: date, cancel: Cancel | None = None
) -> MrzPrefill:
    """Read the MRZ of a case's ID copy for its checklist; nothing of it is stored."""
    meta = cf.attachments.get(attachment_id)
    if meta.role != AttachmentRole.ID_DOCUMENT:
        raise InvalidInput("Only an ID copy has a machine-readable zone to read.")
    if meta.case_id is None:
        raise InvalidInput("The ID copy belongs to no case.")
    case = cf.cases.get(meta.case_id)
    data = cf.attachments.data(attachment_id)
    mrz = read_mrz(data, meta.filename, today=today, cancel=cancel)
    return mrz_prefill(mrz, case.subject.name)


def scan_text(cf: CaseFile, attachment_id: int) -> Any:
    """The stored recognised text of a letter scan (a ``ScanText``), or ``None``."""
    return cf.scan_texts.find(attachment_id)


def recognise_one_scan(
    cf: CaseFile,
    attachment_id: int,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Any:
    """Read one letter scan of a case now (again) and return its stored ``ScanText``.

    Raises ``OcrUnavailable``, ``OcrCancelled``, or ``InvalidInput`` for an ID copy."""
    meta = cf.attachments.get(attachment_id)
    if meta.role != AttachmentRole.LETTER_SCAN or meta.case_id is None:
        raise InvalidInput("Only letter scans are read into text; ID copies never are.")
    [outcome] = recognise_case_scans(
        cf,
        int(meta.case_id),
        attachment_ids=[attachment_id],
        force=True,
        progress=progress,
        cancel=cancel,
    )
    if outcome.status == "unavailable":
        raise OcrUnavailable(outcome.message)
    if outcome.status != "stored":
        raise InvalidInput(outcome.message or "No text could be read from the scan.")
    return cf.scan_texts.get(attachment_id)
