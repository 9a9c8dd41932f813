"""The Russian journal of requests (журнал учёта обращений субъектов персональных данных).

The book Russian DPOs keep of data subjects' requests and the replies to them: one line per
request with its running number, the date received, the subject, what was asked, the date of
the reply and its outgoing number, and a column for the signature of the person who made the
entry (left blank for print). Written as PDF (for print and signature), XLSX or CSV, built in
memory; the export is audited like every other export.

The reply is the case's final answering letter (access response, action confirmation or
refusal): its date is the date sent (else the date it was finalised), its outgoing number the
case reference and the letter's number in the case file ("2026-0007/12").
"""

from __future__ import annotations

import csv
import functools
import io
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk import resources
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.core.errors import InvalidInput, NotFound
from dpo_desk.core.model import LetterKind

from .common import ExportResult, finish_export
from .register import csv_safe, is_formula_like

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

FORMATS = ("pdf", "xlsx", "csv")
ANSWERS = (LetterKind.ACCESS_RESPONSE, LetterKind.ACTION_CONFIRMATION, LetterKind.REFUSAL)

COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", "№ п/п"),
    ("received", "Дата поступления обращения"),
    ("subject", "Субъект персональных данных (ФИО)"),
    ("request", "Содержание обращения"),
    ("reply_date", "Дата ответа"),
    ("outgoing_no", "Исходящий номер ответа"),
    ("signature", "Подпись ответственного лица"),
)
_WIDTHS = {
    "number": 5,
    "received": 15,
    "subject": 24,
    "request": 34,
    "reply_date": 15,
    "outgoing_no": 17,
    "signature": 20,
}


@dataclass(frozen=True)
class JournalRow:
    number: int
    reference: str
    received: date
    subject: str
    request: str
    reply_date: date | None
    outgoing_no: str

    def cells(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "received": self.received,
            "subject": self.subject,
            "request": self.request,
            "reply_date": self.reply_date,
            "outgoing_no": self.outgoing_no,
            "signature": "",
        }


@dataclass(frozen=True)
class Journal:
    rows: tuple[JournalRow, ...]
    controller: str  # the controller's name, "" for all
    year: int | None


@functools.cache
def _request_phrases() -> Mapping[str, str]:
    """Request kinds in Russian (the letters' own phrases, in the genitive after «запрос …»)."""
    data = tomllib.loads(resources.path("letters", "ru", "labels.toml").read_text(encoding="utf-8"))
    return dict(data.get("request_kinds", {}))


def _third_person(phrase: str) -> str:
    """The letters address the subject («Ваших данных»); the journal speaks of them («своих»)."""
    for second, third in (("Вашим", "своим"), ("Ваших", "своих"), ("Ваши", "свои")):
        phrase = phrase.replace(second, third)
    return phrase


def _fmt(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def build_journal(
    cf: CaseFile, *, controller: str | None = None, year: int | None = None
) -> Journal:
    """Every request (optionally one controller's, received in one year), oldest first."""
    controller_id: int | None = None
    name = ""
    if controller:
        found = cf.controllers.by_slug(controller.strip(), missing_ok=True)
        if found is None:
            raise NotFound(f"No controller with the slug '{controller}'.")
        controller_id, name = found.id, found.name
    query = CaseQuery(
        controller_id=controller_id,
        received_from=date(year, 1, 1) if year else None,
        received_to=date(year, 12, 31) if year else None,
        order_by="received",
        descending=False,
    )
    phrases = _request_phrases()
    rows: list[JournalRow] = []
    for number, row in enumerate(cf.cases.list(query), start=1):
        request = "; ".join(
            "запрос " + _third_person(phrases.get(kind, kind.replace("_", " ")))
            for kind in row.kinds
        )
        answers = [
            letter
            for letter in cf.letters.for_case(row.id)
            if letter.status == "final" and letter.kind in ANSWERS
        ]
        reply = answers[-1] if answers else None
        reply_date = None
        if reply is not None:
            reply_date = reply.sent_on or (
                reply.finalised_at.date() if reply.finalised_at else None
            )
        rows.append(
            JournalRow(
                number=number,
                reference=row.reference,
                received=row.received,
                subject=row.subject_name,
                request=request[:1].upper() + request[1:],
                reply_date=reply_date,
                outgoing_no=f"{row.reference}/{reply.id}" if reply is not None else "",
            )
        )
    return Journal(tuple(rows), name, year)


def journal_csv(journal: Journal) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for _key, header in COLUMNS])
    for row in journal.rows:
        cells = row.cells()
        writer.writerow(
            [
                csv_safe(_fmt(cells[k]) if isinstance(cells[k], date) else cells[k])
                for k, _h in COLUMNS
            ]
        )
    return out.getvalue().encode("utf-8-sig")  # BOM: Excel opens Cyrillic CSV correctly


def journal_xlsx(journal: Journal) -> bytes:
    """In memory (XlsxWriter ``in_memory``): no temp file ever holds the names."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    wb.set_properties({"creator": "DPO Desk", "title": _title(journal)})
    head = wb.add_format({"bold": True, "bg_color": "#EEF2F6", "text_wrap": True})
    day = wb.add_format({"num_format": "dd.mm.yyyy"})
    quoted = wb.add_format({"quote_prefix": True})
    ws = wb.add_worksheet("Журнал")
    for index, (key, header) in enumerate(COLUMNS):
        ws.set_column(index, index, _WIDTHS[key])
        ws.write_string(0, index, header, head)
    ws.freeze_panes(1, 0)
    for r, row in enumerate(journal.rows, 1):
        for c, (key, _header) in enumerate(COLUMNS):
            value = row.cells()[key]
            if isinstance(value, date):
                ws.write_datetime(r, c, _as_datetime(value), day)
            elif isinstance(value, int):
                ws.write_number(r, c, value)
            elif value:
                ws.write_string(r, c, value, quoted if is_formula_like(value) else None)
    wb.close()
    return buffer.getvalue()


def _as_datetime(day: date) -> Any:
    from datetime import datetime

    return datetime.combine(day, datetime.min.time())


def _title(journal: Journal) -> str:
    title = "Журнал учёта обращений субъектов персональных данных"
    if journal.controller:
        title += f" — {journal.controller}"
    if journal.year:
        title += f", {journal.year} г."
    return title


def journal_pdf(journal: Journal) -> bytes:
    """An A4 table for print: the signature column is left blank, to sign in ink."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from .pdfkit import build_pdf, data_table, styles

    st = styles()
    story = [Paragraph(_title(journal), st.title), Spacer(1, 4)]
    rows: list[Sequence[Any]] = [
        [
            str(r.number),
            _fmt(r.received),
            r.subject,
            r.request,
            _fmt(r.reply_date),
            r.outgoing_no,
            Spacer(1, 9 * mm),  # room to sign
        ]
        for r in journal.rows
    ]
    widths = [_WIDTHS[k] for k, _h in COLUMNS]
    story.append(data_table([h for _k, h in COLUMNS], rows, widths, st))
    return build_pdf(
        story, title=_title(journal), footer="DPO Desk", subject="Журнал учёта обращений"
    )


_RENDER = {"csv": journal_csv, "xlsx": journal_xlsx, "pdf": journal_pdf}


def export_journal(
    cf: CaseFile,
    path: Path | str,
    *,
    controller: str | None = None,
    year: int | None = None,
) -> ExportResult:
    """Write the journal as PDF, XLSX or CSV (from the extension) and audit the export."""
    chosen = Path(path).suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "The journal is written as .pdf, .xlsx or .csv; "
            f"'{Path(path).name}' has {'.' + chosen if chosen else 'no extension'}."
        )
    if year is not None and not 1900 <= year <= 9999:
        raise InvalidInput(f"The year {year} is not a calendar year.")
    journal = build_journal(cf, controller=controller, year=year)
    return finish_export(
        cf,
        kind="journal",
        fmt=chosen,
        path=Path(path),
        data=_RENDER[chosen](journal),
        case_id=None,
        cases=len(journal.rows),
        pseudonymised=False,
        anchor=None,
    )
