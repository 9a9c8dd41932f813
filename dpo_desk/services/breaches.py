"""The breach desk: log personal-data breaches, run their legal clocks, write their notices.

The one place the breach rules are decided: which regimes govern a breach (the controller's
jurisdictions), which duties each sets and by when (``core.breaches``), whether a duty is
lifted by the risk assessment, which notice goes to whom in which language, when a clock counts
as met (a finalised notice recorded as sent), and whether a breach may close. The window and
the command line only call these functions and show their answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk.casefile.breaches import NOTICE_CHANNELS, BreachRepo, NoticeRecord
from dpo_desk.core.breaches import (
    RISKS,
    STATUSES,
    Breach,
    BreachDeadline,
    Clock,
    default_breach_rules,
    next_clock,
    parse_instant,
)
from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.model import Controller
from dpo_desk.letters.breach_notices import (
    NOTICE_LANGUAGES,
    ComposedNotice,
    NoticeInput,
    render_notice,
)
from dpo_desk.letters.service import page_count
from dpo_desk.letters.templates import authority_table
from dpo_desk.reports.breaches import clocks_of

if TYPE_CHECKING:
    from dpo_desk.casefile.store import CaseFile
    from dpo_desk.reports.common import ExportResult

__all__ = [
    "NOTICE_CHANNELS",
    "NOTICE_LANGUAGES",
    "RISKS",
    "STATUSES",
    "BreachClosingBlocked",
    "BreachView",
    "NoticeResult",
    "authority_name",
    "breach_clocks",
    "close_breach",
    "export_breaches",
    "link_case",
    "list_breaches",
    "log_breach",
    "make_notice",
    "record_notice_sent",
    "show_breach",
    "update_breach",
]


class BreachClosingBlocked(KnownError):
    """A breach cannot close while a statutory notice is still owed."""


def authority_name(code: str, language: str = "en") -> str:
    """The authority's name in a language ("" for the data subjects; the code if unknown)."""
    if not code:
        return ""
    found = authority_table().authorities.get(code)
    return found.name(language) if found else code


@dataclass(frozen=True)
class BreachView:
    """A breach with everything the DPO sees about it: controller, clocks, notices, cases."""

    breach: Breach
    controller: Controller
    clocks: tuple[Clock, ...]
    notices: tuple[NoticeRecord, ...] = ()
    cases: tuple[str, ...] = ()  # linked case references
    warnings: tuple[str, ...] = field(default=())

    @property
    def deadlines(self) -> tuple[BreachDeadline, ...]:
        return tuple(c.deadline for c in self.clocks)

    @property
    def next(self) -> Clock | None:
        return next_clock(self.clocks)

    @property
    def urgency(self) -> str:
        """The most urgent pending state (overdue, due_soon, upcoming) or "none"."""
        if self.breach.status == "closed":
            return "none"
        states = {c.state for c in self.clocks}
        for state in ("overdue", "due_soon", "upcoming"):
            if state in states:
                return state
        return "none"

    def to_dict(self) -> dict[str, Any]:
        nxt = self.next
        return {
            **self.breach.to_dict(),
            "controller": self.controller.slug,
            "controller_name": self.controller.name,
            "jurisdictions": list(self.controller.jurisdictions),
            "deadlines": [
                {**c.to_dict(), "authority_name": authority_name(c.deadline.authority)}
                for c in self.clocks
            ],
            "next_due": nxt.deadline.due.isoformat() if nxt and nxt.deadline.due else None,
            "urgency": self.urgency,
            "notices": [n.to_dict() for n in self.notices],
            "cases": list(self.cases),
            "warnings": list(self.warnings),
        }

    def contract(self) -> dict[str, Any]:
        """The headless contract of ``breach add``: ``{id, reference, deadlines: [...]}``."""
        return {
            "id": self.breach.id,
            "reference": self.breach.reference,
            "deadlines": [
                {
                    "step": c.deadline.step,
                    "to": c.deadline.to,
                    "authority": c.deadline.authority or None,
                    "due": c.deadline.due.isoformat() if c.deadline.due else None,
                    "citation": c.deadline.citation,
                    "note": c.deadline.note,
                    "regime": c.deadline.regime,
                    "confidence": c.deadline.confidence,
                    "needs_legal_review": c.deadline.needs_legal_review,
                }
                for c in self.clocks
            ],
        }


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise InvalidInput("'now' needs a time zone.")
    return now


def _repo(cf: CaseFile) -> BreachRepo:
    return BreachRepo(cf)


def _view(
    cf: CaseFile, breach: Breach, now: datetime, repo: BreachRepo | None = None
) -> BreachView:
    repo = repo or _repo(cf)
    assert breach.id is not None
    controller = cf.controllers.get(breach.controller_id)
    notices = tuple(repo.notices(breach.id))
    clocks = clocks_of(cf, breach, now, notices)
    cases = tuple(cf.cases.get(cid).reference for cid in repo.linked_case_ids(breach.id))
    warnings: list[str] = []
    if not controller.jurisdictions:
        warnings.append(
            f"{controller.name} has no jurisdiction recorded, so no breach clock can run: "
            "add its jurisdictions to the controller."
        )
    if any(c.deadline.needs_legal_review for c in clocks):
        warnings.append("Some of these duties are marked for legal review: see their notes.")
    return BreachView(breach, controller, clocks, notices, cases, tuple(warnings))


def _count(value: int | str | None, what: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"The number of {what} must be a whole number.") from None
    if n < 0:
        raise InvalidInput(f"The number of {what} cannot be negative.")
    return n


def _zone_label(moment: datetime, zone_name: str | None) -> str:
    if zone_name:
        return zone_name.strip()
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def _instant(value: datetime | str, zone_name: str | None, what: str) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise InvalidInput(f"The {what} needs a time zone.")
        return value
    return parse_instant(value, zone_name)


def log_breach(
    cf: CaseFile,
    *,
    controller: str | int,
    discovered: datetime | str,
    description: str,
    timezone: str | None = None,
    now: datetime | None = None,
    subjects: int | str | None = None,
    records: int | str | None = None,
    occurred: datetime | str | None = None,
    data_categories: Sequence[str] = (),
    subject_categories: Sequence[str] = (),
    consequences: str = "",
    measures: str = "",
    causes: str = "",
    processors: Sequence[str] = (),
    contact: str = "",
    risk: str = "unassessed",
    cases: Sequence[str] = (),
) -> BreachView:
    """Log a breach for a controller (slug or id) and return it with its clocks."""
    now = _now(now)
    ctrl = _controller(cf, controller)
    moment = _instant(discovered, timezone, "moment of discovery")
    if moment > now:
        raise InvalidInput("A breach cannot be discovered in the future.")
    began = _instant(occurred, timezone, "start of the breach") if occurred else None
    assert ctrl.id is not None
    repo = _repo(cf)
    breach = repo.add(
        Breach(
            id=None,
            reference="",
            controller_id=ctrl.id,
            discovered_at=moment,
            discovered_tz=_zone_label(moment, timezone),
            description=description,
            occurred_at=began,
            data_categories=_clean_list(data_categories),
            subject_categories=_clean_list(subject_categories),
            subjects_count=_count(subjects, "subjects"),
            records_count=_count(records, "records"),
            consequences=consequences,
            measures=measures,
            causes=causes,
            processors=_clean_list(processors),
            contact=contact,
            risk=risk,
        )
    )
    assert breach.id is not None
    for ref in cases:
        repo.link_case(breach.id, cf.cases.resolve(ref).id or 0)
    return _view(cf, breach, now, repo)


def _clean_list(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x.strip() for x in items if x and x.strip()))


def _controller(cf: CaseFile, ident: str | int) -> Controller:
    if isinstance(ident, int):
        return cf.controllers.get(ident)
    found = cf.controllers.by_slug(ident.strip(), missing_ok=True)
    if found is None:
        raise InvalidInput(f"There is no controller '{ident}' ('dpo-desk controller list').")
    return found


def show_breach(cf: CaseFile, ref: str | int, now: datetime | None = None) -> BreachView:
    repo = _repo(cf)
    return _view(cf, repo.resolve(ref), _now(now), repo)


def list_breaches(
    cf: CaseFile,
    now: datetime | None = None,
    *,
    status: str | None = None,
    controller: str | None = None,
) -> list[BreachView]:
    """Breaches with their clocks, the most urgent first (``status``: a status or "active")."""
    now = _now(now)
    if status not in (None, "", "active", "all", *STATUSES):
        raise InvalidInput(f"Breach status is one of: active, all, {', '.join(STATUSES)}.")
    repo = _repo(cf)
    cid = _controller(cf, controller).id if controller else None
    rows = repo.list(status=None if status in (None, "", "all") else status, controller_id=cid)
    views = [_view(cf, b, now, repo) for b in rows]
    order = {"overdue": 0, "due_soon": 1, "upcoming": 2, "none": 3}

    def key(v: BreachView) -> tuple[int, float, str]:
        nxt = v.next
        due = nxt.deadline.due.timestamp() if nxt and nxt.deadline.due else float("inf")
        return (order[v.urgency], due, v.breach.reference)

    return sorted(views, key=key)


_UPDATABLE = {
    "description",
    "outcome",
    "occurred",
    "discovered",
    "timezone",
    "subjects",
    "records",
    "data_categories",
    "subject_categories",
    "consequences",
    "measures",
    "causes",
    "investigation",
    "responsible",
    "processors",
    "contact",
    "risk",
    "status",
}


def update_breach(
    cf: CaseFile, ref: str | int, now: datetime | None = None, **changes: Any
) -> BreachView:
    """Change a breach's facts. ``status="closed"`` goes through :func:`close_breach`'s rule."""
    now = _now(now)
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise InvalidInput(f"A breach has no field '{sorted(unknown)[0]}'.")
    repo = _repo(cf)
    current = repo.resolve(ref)
    assert current.id is not None
    fields: dict[str, Any] = {}
    zone_name = changes.pop("timezone", None)
    if "discovered" in changes:
        moment = _instant(changes.pop("discovered"), zone_name, "moment of discovery")
        if moment > now:
            raise InvalidInput("A breach cannot be discovered in the future.")
        fields["discovered_at"] = moment
        fields["discovered_tz"] = _zone_label(moment, zone_name)
    if "occurred" in changes:
        value = changes.pop("occurred")
        fields["occurred_at"] = _instant(value, zone_name, "start of the breach") if value else None
    if "subjects" in changes:
        fields["subjects_count"] = _count(changes.pop("subjects"), "subjects")
    if "records" in changes:
        fields["records_count"] = _count(changes.pop("records"), "records")
    for name in ("data_categories", "subject_categories", "processors"):
        if name in changes:
            fields[name] = _clean_list(changes.pop(name))
    fields.update(changes)
    if fields.get("status") == "closed" and current.status != "closed":
        # decided on the breach as it would be (e.g. with its new risk), before anything is saved
        candidate = replace(current, **{k: v for k, v in fields.items() if k != "status"})
        _check_may_close(_view(cf, candidate, now, repo))
    updated = repo.update(current.id, **fields) if fields else current
    return _view(cf, updated, now, repo)


def _check_may_close(view: BreachView) -> None:
    owed = [
        c
        for c in view.clocks
        if c.deadline.to == "authority" and c.deadline.due is not None and c.pending
    ]
    if owed:
        first = owed[0].deadline
        raise BreachClosingBlocked(
            f"Breach {view.breach.reference} cannot close while the {first.step.replace('_', ' ')} "
            f"to {first.authority or 'the authority'} ({first.citation}) is still owed; "
            + (
                "record the notice as sent, or assess the risk as none."
                if first.condition == "risk"
                else "record the notice as sent."
            )
        )


def close_breach(
    cf: CaseFile, ref: str | int, now: datetime | None = None, *, outcome: str = ""
) -> BreachView:
    """Close a breach: refused while a dated notice to an authority is still owed."""
    changes: dict[str, Any] = {"status": "closed"}
    if outcome.strip():
        changes["outcome"] = outcome.strip()
    return update_breach(cf, ref, now, **changes)


def link_case(
    cf: CaseFile, ref: str | int, case_ref: str, now: datetime | None = None
) -> BreachView:
    repo = _repo(cf)
    breach = repo.resolve(ref)
    case = cf.cases.resolve(case_ref)
    assert breach.id is not None and case.id is not None
    repo.link_case(breach.id, case.id)
    return _view(cf, breach, _now(now), repo)


# --- notices --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeResult:
    notice: NoticeRecord
    pdf: bytes
    composed: ComposedNotice
    deadline: BreachDeadline
    authority_name: str

    def to_dict(self) -> dict[str, Any]:
        d = self.deadline
        return {
            **self.notice.to_dict(),
            "authority_name": self.authority_name or None,
            "due": d.due.isoformat() if d.due else None,
            "citation": d.citation,
            "needs_legal_review": self.composed.needs_legal_review or d.needs_legal_review,
            "pages": page_count(self.pdf),
            "size": len(self.pdf),
        }


def _pick_deadline(
    view: BreachView, to: str, authority: str | None, step: str | None
) -> BreachDeadline:
    if to not in ("authority", "subjects"):
        raise InvalidInput("A notice goes to 'authority' or 'subjects'.")
    candidates = [c for c in view.clocks if c.deadline.to == to and c.deadline.citation]
    if authority:
        want = authority.strip().upper()
        candidates = [
            c
            for c in candidates
            if want in (c.deadline.regime.upper(), c.deadline.authority.upper())
            or (to == "subjects" and want == _regime_authority(c.deadline.regime))
        ]
        if not candidates:
            choices = sorted(
                {
                    c.deadline.authority or c.deadline.regime
                    for c in view.clocks
                    if c.deadline.to == to
                }
            )
            raise InvalidInput(
                f"Breach {view.breach.reference} has no {to} notice under '{authority}'; "
                f"choose among: {', '.join(choices) or 'none'}."
            )
    regimes = list(dict.fromkeys(c.deadline.regime for c in candidates))
    if not regimes:
        raise InvalidInput(
            f"No regime of {view.controller.name} has a notice to the {to} with DPO Desk's rules."
        )
    if len(regimes) > 1:
        codes = [
            _regime_authority(r)
            if to == "subjects"
            else next(c.deadline.authority for c in candidates if c.deadline.regime == r)
            for r in regimes
        ]
        raise InvalidInput(
            f"Breach {view.breach.reference} falls under {' and '.join(regimes)}: choose with "
            f"--authority {' or '.join(codes)}."
        )
    own = [c for c in candidates if c.deadline.regime == regimes[0]]
    if step:
        chosen = [c for c in own if c.deadline.step == step]
        if not chosen:
            raise InvalidInput(
                f"Under {regimes[0]} there is no '{step}' notice to the {to}; "
                f"steps: {', '.join(c.deadline.step for c in own)}."
            )
        return chosen[0].deadline
    for c in own:  # the first duty not yet met
        if c.state != "done":
            return c.deadline
    return own[-1].deadline


def _regime_authority(regime: str) -> str:
    book = default_breach_rules()
    try:
        return book.regime(regime).authority
    except KnownError:
        return regime


def make_notice(
    cf: CaseFile,
    ref: str | int,
    *,
    to: str,
    language: str,
    today: date,
    authority: str | None = None,
    step: str | None = None,
    finalise: bool = False,
    signatory: str = "",
    now: datetime | None = None,
    output: Path | None = None,
) -> NoticeResult:
    """Compose and render a notice; store it as a draft, or finalise it (immutable, hashed);
    with ``output``, also write the PDF there (atomically)."""
    lang = language.strip().lower()
    if lang not in NOTICE_LANGUAGES:
        raise InvalidInput(
            f"Breach notices are written in {', '.join(NOTICE_LANGUAGES)}; not in '{language}'."
        )
    repo = _repo(cf)
    view = _view(cf, repo.resolve(ref), _now(now), repo)
    deadline = _pick_deadline(view, to, authority, step)
    rule = next(r for r in default_breach_rules().rules if r.id == deadline.rule_id)
    auth_code = deadline.authority
    auth = authority_table().authorities.get(auth_code) if auth_code else None
    inp = NoticeInput(
        breach=view.breach,
        controller=view.controller,
        step=deadline.step,
        to=to,
        language=lang,
        date=today,
        citation=rule.citation_in(lang),
        content=rule.content,
        authority_name=auth.name(lang) if auth else "",
        authority_address=auth.address if auth else "",
        signatory_name=signatory,
    )
    pdf, composed = render_notice(inp)
    assert view.breach.id is not None
    record = repo.save_notice_draft(
        view.breach.id,
        regime=deadline.regime,
        step=deadline.step,
        recipient=to,
        authority=auth_code,
        language=lang,
        text=composed.text,
    )
    if finalise:
        record = repo.finalise_notice(record.id, pdf, composed.text)
    if output is not None:
        from dpo_desk.reports.atomic import write_atomic

        write_atomic(Path(output).expanduser(), pdf)
    return NoticeResult(record, pdf, composed, deadline, inp.authority_name)


def record_notice_sent(
    cf: CaseFile,
    notice_id: int,
    *,
    at: datetime | str,
    channel: str,
    sent_ref: str = "",
    timezone: str | None = None,
    now: datetime | None = None,
) -> NoticeRecord:
    """Record when a finalised notice went out (this meets its clock)."""
    moment = _instant(at, timezone, "time the notice went out")
    if moment > _now(now):
        raise InvalidInput("A notice cannot be recorded as sent in the future.")
    return _repo(cf).record_notice_sent(
        notice_id, sent_at=moment, channel=channel, sent_ref=sent_ref
    )


def notice_pdf(cf: CaseFile, notice_id: int) -> bytes:
    return _repo(cf).notice_pdf(notice_id)


# --- clocks for check, the window and the statistics ----------------------------------------------


def breach_clocks(cf: CaseFile, now: datetime | None = None) -> list[tuple[BreachView, Clock]]:
    """Every running clock of every open breach, the soonest first."""
    out: list[tuple[BreachView, Clock]] = []
    for view in list_breaches(cf, now, status="active"):
        out += [(view, c) for c in view.clocks if c.pending]
    return sorted(out, key=lambda vc: vc[1].deadline.due or datetime.max.replace(tzinfo=UTC))


def export_breaches(
    cf: CaseFile, path: Path | str, now: datetime | None = None, *, fmt: str | None = None
) -> ExportResult:
    from dpo_desk.reports.breaches import export_breach_register

    return export_breach_register(cf, path, _now(now), fmt=fmt)


def breach_health(cf: CaseFile, now: datetime | None = None) -> tuple[Any, dict[str, Any]]:
    """The ``breaches`` finding of ``dpo-desk check``: overdue or soon-due notices are warnings."""
    from dpo_desk.casefile.health import OK, WARNING, Finding

    running = breach_clocks(cf, now)
    facts = {
        "breaches": {
            "clocks": [
                {
                    "reference": v.breach.reference,
                    "controller": v.controller.slug,
                    **c.to_dict(),
                }
                for v, c in running
            ]
        }
    }
    overdue = [(v, c) for v, c in running if c.state == "overdue"]
    soon = [(v, c) for v, c in running if c.state == "due_soon"]

    def say(v: BreachView, c: Clock) -> str:
        d = c.deadline
        due = d.due.strftime("%Y-%m-%d %H:%M %z") if d.due else ""
        return f"{v.breach.reference} {d.step.replace('_', ' ')} to {d.authority} by {due} ({d.citation})"

    if overdue:
        v, c = overdue[0]
        more = f" and {len(overdue) - 1} more" if len(overdue) > 1 else ""
        return Finding(
            "breaches", WARNING, f"A breach notice is overdue: {say(v, c)}{more}."
        ), facts
    if soon:
        v, c = soon[0]
        more = f" and {len(soon) - 1} more" if len(soon) > 1 else ""
        return Finding(
            "breaches", WARNING, f"A breach notice falls due soon: {say(v, c)}{more}."
        ), facts
    if running:
        v, c = running[0]
        return Finding("breaches", OK, f"Breach clocks are running; the next: {say(v, c)}."), facts
    return Finding("breaches", OK, "No breach clock is running."), facts


# --- the demo ------------------------------------------------------------------------------------

_DEMO_BREACHES: tuple[dict[str, Any], ...] = (
    {
        "controller": "infinity",
        "days_ago": 1,
        "at": "14:00",
        "zone": "Europe/Paris",
        "description": "A misconfigured storage bucket of the royalty-statement service was "
        "readable from the internet for about six hours.",
        "subjects": 1200,
        "records": 4800,
        "data_categories": ("name", "email address", "bank account details (IBAN)"),
        "subject_categories": ("artists",),
        "consequences": "Risk of phishing and of fraudulent payment requests to the artists.",
        "measures": "Access closed, access logs secured, the keys rotated.",
        "processors": ("Cloud hosting provider (EU)",),
        "risk": "high",
    },
    {
        "controller": "infini",
        "days_ago": 1,
        "at": "16:30",
        "zone": "Asia/Almaty",
        "description": "Order confirmations for 85 customers were e-mailed to the wrong "
        "recipients by a faulty mail-merge.",
        "subjects": 85,
        "records": 85,
        "data_categories": ("name", "delivery address", "order contents"),
        "subject_categories": ("customers",),
        "consequences": "Disclosure of addresses and purchases to other customers.",
        "measures": "Mail-merge stopped; recipients asked to delete the messages.",
        "risk": "risk",
    },
    {
        "controller": "backgroundmusic",
        "days_ago": 1,
        "at": "08:00",
        "zone": "Europe/Moscow",
        "description": "Unauthorised access to the newsletter database through a leaked "
        "administrator password.",
        "subjects": 3400,
        "records": 3400,
        "data_categories": ("email address", "login"),
        "subject_categories": ("subscribers",),
        "consequences": "Spam and phishing aimed at the subscribers.",
        "measures": "Password reset, two-factor authentication enforced.",
        "causes": "An administrator's password reused on a breached third-party site.",
        "risk": "risk",
        "sent_after_hours": 20,
    },
    {
        "controller": "astrum-oyun",
        "days_ago": 2,
        "at": "10:15",
        "zone": "Asia/Bishkek",
        "description": "A laptop with an unencrypted export of player support tickets was "
        "stolen from a car.",
        "subjects": 40,
        "records": 120,
        "data_categories": ("name", "email address", "support correspondence"),
        "subject_categories": ("players",),
        "consequences": "Possible disclosure of support correspondence.",
        "measures": "Police report filed; remote wipe requested.",
        "risk": "risk",
    },
)


def seed_demo_breaches(cf: CaseFile, today: date) -> int:
    """Log one invented breach per demo controller (relative to ``today``); returns the count.

    BACKGROUND MUSIC's first notice to Roskomnadzor is finalised and recorded as sent, so the
    demo shows a met clock beside running ones.
    """
    from datetime import time, timedelta

    from dpo_desk.core.breaches import localize

    now = datetime.combine(today, time(23, 59), tzinfo=UTC)
    count = 0
    for spec in _DEMO_BREACHES:
        if cf.controllers.by_slug(spec["controller"], missing_ok=True) is None:
            continue
        hour, minute = (int(x) for x in spec["at"].split(":"))
        wall = datetime.combine(today - timedelta(days=spec["days_ago"]), time(hour, minute))
        moment = localize(wall, spec["zone"])
        view = log_breach(
            cf,
            controller=spec["controller"],
            discovered=moment,
            timezone=spec["zone"],
            description=spec["description"],
            now=now,
            subjects=spec["subjects"],
            records=spec["records"],
            data_categories=spec["data_categories"],
            subject_categories=spec["subject_categories"],
            consequences=spec["consequences"],
            measures=spec["measures"],
            causes=spec.get("causes", ""),
            processors=spec.get("processors", ()),
            risk=spec["risk"],
        )
        count += 1
        if "sent_after_hours" in spec:
            result = make_notice(
                cf,
                view.breach.reference,
                to="authority",
                language="ru",
                today=today,
                finalise=True,
                now=now,
            )
            record_notice_sent(
                cf,
                result.notice.id,
                at=moment + timedelta(hours=spec["sent_after_hours"]),
                channel="online_form",
                sent_ref="demo",
                now=now,
            )
    return count
