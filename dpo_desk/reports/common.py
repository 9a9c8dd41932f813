"""What every export shares: results, formats, progress and cancel, pseudonyms, deadlines as of
today, and the audited atomic write.

Nothing here logs personal data: audit events of exports carry the format, the file's name, the
number of cases and whether the export was pseudonymised.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk.casefile.audit import Anchor
from dpo_desk.casefile.deadlines import calendar_overrides
from dpo_desk.core.calendars import CalendarOverrides
from dpo_desk.core.deadlines import DeadlineSet, compute_case_deadlines
from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.model import Case, CaseStatus, Controller, DataSubject

from .atomic import staged_write

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: Valid output formats (file extensions) of each export kind.
FORMATS: Mapping[str, tuple[str, ...]] = {
    "summary": ("pdf", "json"),
    "register": ("csv", "xlsx", "json"),
    "stats": ("pdf", "json"),
    "ics": ("ics",),
}


class ExportCancelled(KnownError):
    """The DPO cancelled an export; no file was written."""


@dataclass(frozen=True)
class ExportResult:
    kind: str  # summary | register | stats | ics
    format: str  # the file extension: pdf, json, csv, xlsx, ics
    path: Path
    cases: int
    pseudonymised: bool
    anchor: Anchor | None  # the audit chain's head written into the export (before its own event)
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "kind": self.kind,
            "cases": self.cases,
            "pseudonymised": self.pseudonymised,
            "anchor": self.anchor.text() if self.anchor else None,
            "size": self.size,
        }


def format_for(path: Path | str, kind: str, fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else the file's extension; checked against ``kind``."""
    valid = FORMATS[kind]
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in valid:
        shown = ", ".join(f".{v}" for v in valid)
        what = f"'.{chosen}'" if chosen else "no extension"
        raise InvalidInput(f"The {kind} export cannot be written as {what}; use one of: {shown}.")
    return chosen


# --- progress and cancel -------------------------------------------------------------------------


class Ticker:
    """Reports progress every ``every`` items and raises :class:`ExportCancelled` when asked to."""

    def __init__(
        self, total: int, progress: Progress | None, cancel: Cancel | None, every: int = 25
    ) -> None:
        self.total = total
        self.progress = progress
        self.cancel = cancel
        self.every = max(1, every)
        if progress:
            progress(0, total)

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ExportCancelled("The export was cancelled; no file was written.")

    def step(self, done: int) -> None:
        self.check()
        if self.progress and (done % self.every == 0 or done == self.total):
            self.progress(done, self.total)


# --- pseudonyms ----------------------------------------------------------------------------------


class Pseudonymiser:
    """Pseudonyms for data subjects, stable within one export and unlinkable across exports.

    A pseudonym is ``"Subject "`` and the first 8 hex digits of HMAC-SHA256(case id) under a
    random key made for this export (longer if two cases would collide); the key is never
    stored, so only the case file (through the case reference) can tell who a subject is.
    """

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)
        self._given: dict[int, str] = {}
        self._taken: set[str] = set()

    def subject(self, case_id: int) -> str:
        known = self._given.get(case_id)
        if known is not None:
            return known
        digest = hmac.new(self._key, str(case_id).encode(), hashlib.sha256).hexdigest().upper()
        length = 8
        while digest[:length] in self._taken and length < len(digest):
            length += 2
        self._taken.add(digest[:length])
        name = f"Subject {digest[:length]}"
        self._given[case_id] = name
        return name


_MIN_TERM = 3


def subject_terms(subject: DataSubject) -> tuple[str, ...]:
    """The strings that identify a subject: name (whole and its words), contacts, address lines."""
    terms: list[str] = []
    for value in (
        subject.name,
        subject.email,
        subject.phone,
        subject.account_ref,
        subject.snils,  # issue 15: personal identifiers are redacted too
        subject.inn,
        subject.iin,
    ):
        if value.strip():
            terms.append(value.strip())
    terms.extend(w for w in re.split(r"[\s,]+", subject.name) if len(w) >= _MIN_TERM)
    if "@" in subject.email:
        local = subject.email.split("@", 1)[0]
        terms.extend(w for w in re.split(r"[._+\-]+", local) if len(w) >= _MIN_TERM)
    terms.extend(line.strip() for line in subject.address.splitlines() if len(line.strip()) >= 4)
    return tuple(dict.fromkeys(t for t in terms if len(t) >= _MIN_TERM))


class Redactor:
    """Replaces a subject's identifying strings in free text (notes, outcomes, audit details).

    Matching ignores case and respects word boundaries. A cheap case-folded ``in`` test picks the
    terms present before a (small) pattern is compiled, so texts without them cost no regex.
    """

    def __init__(self, terms: Iterable[str], replacement: str) -> None:
        self.replacement = replacement
        self._terms = tuple(sorted(set(terms), key=len, reverse=True))
        self._folded = tuple(t.casefold() for t in self._terms)

    @classmethod
    def for_subject(cls, subject: DataSubject, replacement: str) -> Redactor:
        return cls(subject_terms(subject), replacement)

    def text(self, value: str) -> str:
        if not value or not self._terms:
            return value
        folded = value.casefold()
        present = [t for t, f in zip(self._terms, self._folded, strict=True) if f in folded]
        if not present:
            return value
        pattern = r"(?<!\w)(?:" + "|".join(re.escape(t) for t in present) + r")(?!\w)"
        return re.sub(pattern, lambda _match: self.replacement, value, flags=re.IGNORECASE)

    def value(self, value: Any) -> Any:
        """Redact every string in a JSON-like value (keys included)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return {self.text(str(k)): self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value


class NoRedaction:
    """No redaction (a summary that names the subject)."""

    def text(self, value: str) -> str:
        return value

    def value(self, value: Any) -> Any:
        return value


# --- deadlines as of today -----------------------------------------------------------------------


class DeadlineSource:
    """Deadlines of stored cases for one export: controllers and calendar overrides read once.

    Open cases are computed as of ``today`` (an open pause counts up to today); closed cases
    without it, like the case file's own stored due date.
    """

    def __init__(self, cf: CaseFile, today: date) -> None:
        self.cf = cf
        self.today = today
        self._overrides: dict[int, CalendarOverrides] = {}  # per controller: its own days too
        self.controllers: dict[int, Controller] = {
            c.id: c for c in cf.controllers.list() if c.id is not None
        }

    def overrides(self, controller_id: int) -> CalendarOverrides:
        found = self._overrides.get(controller_id)
        if found is None:
            found = self._overrides[controller_id] = calendar_overrides(self.cf, controller_id)
        return found

    def controller(self, case: Case) -> Controller:
        found = self.controllers.get(case.controller_id)
        if found is None:
            found = self.cf.controllers.get(case.controller_id)
            self.controllers[case.controller_id] = found
        return found

    def for_case(self, case: Case) -> DeadlineSet:
        assert case.id is not None
        return compute_case_deadlines(
            self.controller(case).jurisdictions,
            [str(k) for k in case.kinds],
            case.received,
            self.cf.cases.clock_events(case.id),
            overrides=self.overrides(case.controller_id),
            today=self.today if case.status.is_open else None,
        )


# --- writing -------------------------------------------------------------------------------------


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def finish_export(
    cf: CaseFile,
    *,
    kind: str,
    fmt: str,
    path: Path,
    data: bytes,
    case_id: int | None,
    cases: int,
    pseudonymised: bool,
    anchor: Anchor | None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write the export atomically and record it in the audit log, both or neither.

    The bytes are staged first (a complete, fsynced temp file beside the target); the audit event
    commits next; only then does the staged file take the target's name. A failed write leaves no
    file and no event; a failed commit (the case file's disk is full) removes the staged file, so
    no export exists without its event.
    """
    if cancel is not None and cancel():
        raise ExportCancelled("The export was cancelled; no file was written.")
    target = Path(path).expanduser().absolute()
    with staged_write(target, data) as staged:
        cf.log(
            f"export.{kind}",
            case_id,
            {
                "format": fmt,
                "file": target.name,
                "cases": cases,
                "pseudonymised": pseudonymised,
                "anchor": anchor.text() if anchor else None,
            },
        )
        written = staged.commit()
    return ExportResult(kind, fmt, written, cases, pseudonymised, anchor, len(data))


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- timeliness ----------------------------------------------------------------------------------

#: Whether a case was answered in time, in words for CSV/XLSX/PDF (JSON keeps the codes).
TIMELINESS_LABELS: Mapping[str, str] = {
    "on_time": "on time",
    "late": "late",
    "answered": "answered (no deadline applies)",
    "open": "open",
    "overdue": "overdue",
    "withdrawn": "withdrawn",
    "no_answer": "closed without answer",
}


def timeliness(
    status: CaseStatus | str, due: date | None, responded_on: date | None, today: date
) -> str:
    """On time or late once answered; open or overdue (as of ``today``) while open.

    An answer on the due date is on time; an open case is overdue from the day after its due
    date. A case closed without a recorded answer is ``withdrawn`` or ``no_answer``.
    """
    if responded_on is not None:
        if due is None:
            return "answered"
        return "on_time" if responded_on <= due else "late"
    state = CaseStatus(status)
    if state.is_open:
        return "overdue" if due is not None and today > due else "open"
    if state == CaseStatus.WITHDRAWN:
        return "withdrawn"
    return "no_answer"
