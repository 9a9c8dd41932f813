"""The breach register export (CSV, XLSX, JSON) and the breach figures of the statistics.

Also where a breach's clocks are assembled from the case file (its controller's regimes, the
calendar overrides, the notices recorded as sent), so the breach service, the export and the
statistics read them the same way. Breaches are their own register, never columns of the
register of requests. No Qt here.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk.casefile.breaches import BreachRepo, NoticeRecord
from dpo_desk.casefile.deadlines import calendar_overrides
from dpo_desk.core.breaches import (
    Breach,
    Clock,
    compute_breach_deadlines,
    default_breach_rules,
    evaluate_clocks,
)
from dpo_desk.core.errors import InvalidInput

from .common import ExportResult, finish_export, json_bytes
from .register import csv_safe, is_formula_like

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

FORMATS = ("csv", "xlsx", "json")
SCHEMA = 1


def clocks_of(
    cf: CaseFile, breach: Breach, now: datetime, notices: Sequence[NoticeRecord]
) -> tuple[Clock, ...]:
    """A breach's clocks at ``now``: a duty is met by a final notice recorded as sent."""
    controller = cf.controllers.get(breach.controller_id)
    deadlines = compute_breach_deadlines(
        controller.jurisdictions,
        breach.discovered_at,
        default_breach_rules(),
        calendar_overrides(cf),
    )
    done: dict[tuple[str, str], datetime] = {}
    for n in notices:
        if n.status == "final" and n.sent_at is not None:
            key = (n.regime, n.step)
            done[key] = min(done.get(key, n.sent_at), n.sent_at)
    return evaluate_clocks(deadlines, now, risk=breach.risk, done=done)


# --- rows ---------------------------------------------------------------------------------------

COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "Reference"),
    ("controller", "Controller"),
    ("discovered_at", "Discovered at"),
    ("status", "Status"),
    ("risk", "Risk"),
    ("description", "Description"),
    ("data_categories", "Data categories"),
    ("subject_categories", "Subject categories"),
    ("subjects_count", "Subjects (approx.)"),
    ("records_count", "Records (approx.)"),
    ("consequences", "Likely consequences"),
    ("measures", "Measures taken"),
    ("processors", "Processors involved"),
    ("regimes", "Regimes"),
    ("next_step", "Next duty"),
    ("next_due", "Next due"),
    ("clock_state", "Clock"),
    ("notices_sent", "Notices sent"),
    ("linked_cases", "Linked cases"),
    ("closed_at", "Closed at"),
)


@dataclass(frozen=True)
class BreachRow:
    breach: Breach
    controller: str
    clocks: tuple[Clock, ...]
    notices: tuple[NoticeRecord, ...]
    cases: tuple[str, ...]

    def next_clock(self) -> Clock | None:
        if self.breach.status == "closed":
            return None
        pending = [c for c in self.clocks if c.pending and c.deadline.due]
        return min(
            pending, key=lambda c: c.deadline.due or datetime.max.replace(tzinfo=UTC), default=None
        )

    def cells(self) -> dict[str, Any]:
        b = self.breach
        nxt = self.next_clock()
        sent = [f"{n.regime} {n.step} {n.sent_at.isoformat()}" for n in self.notices if n.sent_at]
        return {
            "reference": b.reference,
            "controller": self.controller,
            "discovered_at": b.discovered_local.isoformat(),
            "status": b.status,
            "risk": b.risk,
            "description": b.description,
            "data_categories": ", ".join(b.data_categories),
            "subject_categories": ", ".join(b.subject_categories),
            "subjects_count": b.subjects_count,
            "records_count": b.records_count,
            "consequences": b.consequences,
            "measures": b.measures,
            "processors": ", ".join(b.processors),
            "regimes": ", ".join(dict.fromkeys(c.deadline.regime for c in self.clocks)),
            "next_step": f"{nxt.deadline.regime} {nxt.deadline.step}" if nxt else "",
            "next_due": nxt.deadline.due.isoformat() if nxt and nxt.deadline.due else "",
            "clock_state": nxt.state if nxt else "",
            "notices_sent": "; ".join(sent),
            "linked_cases": ", ".join(self.cases),
            "closed_at": b.closed_at.isoformat() if b.closed_at else "",
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.breach.to_dict(),
            "controller": self.controller,
            "deadlines": [c.to_dict() for c in self.clocks],
            "notices": [n.to_dict() for n in self.notices],
            "cases": list(self.cases),
        }


def breach_rows(cf: CaseFile, now: datetime) -> list[BreachRow]:
    repo = BreachRepo(cf)
    rows: list[BreachRow] = []
    names = {c.id: c.slug for c in cf.controllers.list()}
    for b in repo.list():
        assert b.id is not None
        notices = tuple(repo.notices(b.id))
        cases = tuple(cf.cases.get(cid).reference for cid in repo.linked_case_ids(b.id))
        rows.append(
            BreachRow(
                b, names.get(b.controller_id, ""), clocks_of(cf, b, now, notices), notices, cases
            )
        )
    return rows


def breaches_csv(rows: Sequence[BreachRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([h for _k, h in COLUMNS])
    for row in rows:
        cells = row.cells()
        writer.writerow([csv_safe(cells[k]) for k, _h in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def breaches_json(rows: Sequence[BreachRow], now: datetime, anchor: str | None) -> bytes:
    return json_bytes(
        {
            "document": "DPO Desk breach register",
            "schema": SCHEMA,
            "as_of": now.isoformat(),
            "audit_anchor": anchor,
            "breaches": [r.to_dict() for r in rows],
        }
    )


def breaches_xlsx(rows: Sequence[BreachRow], now: datetime, anchor: str | None) -> bytes:
    """In memory (XlsxWriter ``in_memory``): no sheet passes through a temporary file."""
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
    wb.set_properties({"creator": "DPO Desk", "title": "Breach register"})
    head = wb.add_format({"bold": True, "bg_color": "#EEF2F6"})
    quoted = wb.add_format({"quote_prefix": True})

    def put(ws: Any, r: int, c: int, value: Any) -> None:
        if value is None or value == "":
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            ws.write_number(r, c, value)
        else:
            text = str(value)
            ws.write_string(r, c, text, quoted if is_formula_like(text) else None)

    ws = wb.add_worksheet("Breaches")
    for i, (_k, h) in enumerate(COLUMNS):
        ws.set_column(i, i, 18)
        ws.write_string(0, i, h, head)
    ws.freeze_panes(1, 0)
    for r, row in enumerate(rows, 1):
        cells = row.cells()
        for c, (k, _h) in enumerate(COLUMNS):
            put(ws, r, c, cells[k])
    clocks = wb.add_worksheet("Clocks")
    clock_cols = (
        "reference",
        "regime",
        "step",
        "to",
        "authority",
        "due",
        "state",
        "citation",
        "note",
    )
    for i, h in enumerate(clock_cols):
        clocks.write_string(0, i, h, head)
    n = 1
    for row in rows:
        for c in row.clocks:
            d = c.to_dict()
            values = [row.breach.reference, d["regime"], d["step"], d["to"], d["authority"] or ""]
            values += [d["due"] or "", d["state"], d["citation"], d["note"]]
            for i, v in enumerate(values):
                put(clocks, n, i, v)
            n += 1
    about = wb.add_worksheet("About")
    for r, (label, value) in enumerate(
        (
            ("Document", "DPO Desk breach register"),
            ("As of", now.isoformat()),
            ("Breaches", len(rows)),
            ("Audit anchor", anchor or ""),
            (
                "Clocks",
                "Dues are in each regime's time zone; a null due means the law fixes no period.",
            ),
        )
    ):
        about.write_string(r, 0, label, head)
        put(about, r, 1, value)
    wb.close()
    return buffer.getvalue()


def export_breach_register(
    cf: CaseFile, path: Path | str, now: datetime, *, fmt: str | None = None
) -> ExportResult:
    """Write the breach register (CSV, XLSX or JSON, from the extension unless ``fmt``)."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        what = f"'.{chosen}'" if chosen else "no extension"
        raise InvalidInput(
            f"The breach register cannot be written as {what}; use one of: .csv, .xlsx, .json."
        )
    rows = breach_rows(cf, now)
    anchor = cf.head()
    anchor_text = anchor.text() if anchor else None
    if chosen == "csv":
        data = breaches_csv(rows)
    elif chosen == "xlsx":
        data = breaches_xlsx(rows, now, anchor_text)
    else:
        data = breaches_json(rows, now, anchor_text)
    return finish_export(
        cf,
        kind="breaches",
        fmt=chosen,
        path=Path(path),
        data=data,
        case_id=None,
        cases=len(rows),
        pseudonymised=False,
        anchor=anchor,
    )


# --- statistics -----------------------------------------------------------------------------------


def breach_figures(
    cf: CaseFile, year: int, now: datetime, controllers: Sequence[str] = ()
) -> dict[str, Any]:
    """The breach figures of a year for the statistics (discovered in ``year``)."""
    rows = [
        r
        for r in breach_rows(cf, now)
        if r.breach.discovered_local.year == year
        and (not controllers or r.controller in controllers)
    ]
    per_controller: Counter[str] = Counter(r.controller for r in rows)
    states: Counter[str] = Counter()
    for r in rows:
        for c in r.clocks:
            if c.deadline.due is not None:
                states["late" if c.late else c.state] += 1
    return {
        "logged": len(rows),
        "open": sum(1 for r in rows if r.breach.status != "closed"),
        "subjects_affected": sum(r.breach.subjects_count or 0 for r in rows),
        "per_controller": dict(sorted(per_controller.items())),
        "notices_on_time": states["done"],
        "notices_late": states["late"],
        "clocks_overdue": states["overdue"],
    }
