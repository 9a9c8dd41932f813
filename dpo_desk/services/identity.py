"""Identity by signature: when does a signature settle who the requester is? Decided here, once.

A signature settles identity only when **its signer is the case's data subject** (issue 15):

- :func:`subject_match` compares a signer's certificate with what the case knows: the personal
  identifiers of Russian and Kazakh qualified certificates (SNILS, INN, IIN) when the case has
  them, and the names (CN, GN+SN) through :func:`dpo_desk.core.names.match_names` (Cyrillic and
  Latin spellings, word order, patronymics, initials). ``match``, ``mismatch`` or ``unknown``.
- :func:`verify_signature` checks a stored attachment and records the outcome: ``verified`` only
  for a report that is ``valid`` *as a whole* (no unsigned part, no later PDF change) with a
  valid signature whose signer matches the subject (and, for S/MIME, whose certificate does not
  name another address than the sender's); ``failed`` for an ``invalid`` signature; otherwise
  ``more_information_needed`` with the reason in one sentence.
- :func:`override_signature_check` lets the DPO settle a signature check the rules left open
  (e.g. a name written in a way the matcher does not know) with a written reason; the override
  is its own record and is audited.
- :func:`mark_id_copy` marks an emailed attachment as an ID copy: destruction then covers it and
  the raw message's copy of it.
- :func:`set_subject_identifiers` checks and stores SNILS/INN/IIN (check digits verified).

Qt-free; the window and the command line call these functions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.messages import Message
from dpo_desk.core.model import AttachmentRole, Case, DataSubject
from dpo_desk.core.names import match_names

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile
    from dpo_desk.casefile.idcopies import IdCopyMark
    from dpo_desk.casefile.records import IdentityRecord
    from dpo_desk.identity.service import DestroyedCopy
    from dpo_desk.identity.signatures import SignatureCheck, SignatureReport

__all__ = [
    "SUBJECT_MATCHES",
    "MarkedCopy",
    "SignatureVerification",
    "SubjectMatch",
    "decide_outcome",
    "mark_id_copy",
    "normalise_identifier",
    "override_signature_check",
    "set_subject_identifiers",
    "subject_match",
    "verify_signature",
]

SUBJECT_MATCHES: Final = ("match", "mismatch", "unknown")
_IDENTIFIER_LABELS: Final = {"snils": "SNILS", "inn": "INN", "iin": "IIN"}
_MIN_OVERRIDE_REASON: Final = 15
_SIGNATURE_METHODS: Final = ("pdf_signature", "cms_signature", "smime")


# --- personal identifiers --------------------------------------------------------------------


def _snils_ok(digits: str) -> bool:
    number, control = digits[:9], int(digits[9:])
    if int(number) <= 1001998:  # numbers up to 001-001-998 carry no check digits
        return True
    total = sum(int(d) * (9 - i) for i, d in enumerate(number))
    if total > 101:
        total %= 101
    return (0 if total in (100, 101) else total) == control


def _inn_ok(digits: str) -> bool:
    def check(weights: tuple[int, ...]) -> int:
        return sum(w * int(d) for w, d in zip(weights, digits, strict=False)) % 11 % 10

    first = check((7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
    second = check((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
    return first == int(digits[10]) and second == int(digits[11])


def _iin_ok(digits: str) -> bool:
    values = [int(d) for d in digits]
    control = sum(w * v for w, v in zip(range(1, 12), values, strict=False)) % 11
    if control == 10:
        weights = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
        control = sum(w * v for w, v in zip(weights, values, strict=False)) % 11
        if control == 10:
            return False
    return control == values[11]


_RULES: Final = {"snils": (11, _snils_ok), "inn": (12, _inn_ok), "iin": (12, _iin_ok)}


def normalise_identifier(kind: str, value: str) -> str:
    """Digits of a SNILS, a person's INN or an IIN, check digits verified; ``""`` stays ``""``."""
    if kind not in _RULES:
        raise InvalidInput(f"Unknown identifier {kind!r}: one of snils, inn, iin.")
    text = (value or "").strip()
    if not text:
        return ""
    digits = re.sub(r"[\s\-]", "", text)
    label = _IDENTIFIER_LABELS[kind]
    length, valid = _RULES[kind]
    if not digits.isdigit() or len(digits) != length:
        raise InvalidInput(
            Message("A {identifier} has {length} digits.", identifier=label, length=length)
        )
    if not valid(digits):
        raise InvalidInput(
            Message(
                "This {identifier} is mistyped: its check digits do not agree.", identifier=label
            )
        )
    return digits


def set_subject_identifiers(
    cf: CaseFile,
    case_id: int,
    *,
    snils: str | None = None,
    inn: str | None = None,
    iin: str | None = None,
) -> Case:
    """Store the data subject's SNILS/INN/IIN (``None`` keeps a value, ``""`` clears it)."""
    case = cf.cases.get(case_id)
    subject = case.subject
    changes = {"snils": snils, "inn": inn, "iin": iin}
    values = {k: normalise_identifier(k, v) for k, v in changes.items() if v is not None}
    if not values:
        return case
    return cf.cases.update(case_id, subject=replace(subject, **values))


# --- binding: is the signer the data subject? ------------------------------------------------


@dataclass(frozen=True)
class SubjectMatch:
    result: str  # match | mismatch | unknown
    reason: str  # one sentence
    basis: str = ""  # "identifier" | "name" | ""

    def to_dict(self) -> dict[str, Any]:
        return {"result": self.result, "reason": self.reason, "basis": self.basis}


def subject_match(subject: DataSubject, check: SignatureCheck) -> SubjectMatch:
    """Is the signer of ``check`` the data subject? Identifiers first, then names."""
    carried = dict(check.signer_identifiers)
    known = {"snils": subject.snils, "inn": subject.inn, "iin": subject.iin}
    agreed: list[str] = []
    for kind, mine in known.items():
        theirs = carried.get(kind)
        if not mine or not theirs:
            continue
        if theirs.lstrip("0") != mine.lstrip("0"):
            label = _IDENTIFIER_LABELS[kind]
            return SubjectMatch(
                "mismatch",
                f"The signer's certificate carries another {label} than the data subject's.",
                "identifier",
            )
        agreed.append(_IDENTIFIER_LABELS[kind])
    names = [n for n in check.signer_names if "@" not in n]
    signer = check.signer or "the signer"
    if not names:
        if agreed:
            return SubjectMatch(
                "match", f"The certificate carries the data subject's {agreed[0]}.", "identifier"
            )
        return SubjectMatch(
            "unknown",
            "The signer's certificate names no person, so it cannot show who signed.",
        )
    results = [match_names(subject.name, name) for name in names]
    best = next((r for r in results if r.result == "match"), None)
    if best is None:
        best = next((r for r in results if r.result == "partial"), results[0])
    if agreed and best.result == "mismatch":
        return SubjectMatch(
            "mismatch",
            f"The certificate carries the data subject's {agreed[0]} but names {signer}, not "
            f"{subject.name}: ask the subject to explain.",
            "identifier",
        )
    if agreed:
        return SubjectMatch(
            "match",
            f"The certificate carries the data subject's {agreed[0]} and names {signer}.",
            "identifier",
        )
    if best.result == "match":
        return SubjectMatch("match", f"The signer {signer} is the data subject.", "name")
    if best.result == "partial":
        return SubjectMatch(
            "unknown",
            f"The signer {signer} shares only part of the data subject's name {subject.name}.",
            "name",
        )
    return SubjectMatch(
        "mismatch", f"The signer {signer} is not the data subject {subject.name}.", "name"
    )


def decide_outcome(report: SignatureReport, matches: list[SubjectMatch]) -> tuple[str, str]:
    """The identity outcome of a signature report and why, in one sentence."""
    if report.verdict == "invalid":
        return "failed", report.reason
    if report.verdict == "partial":
        return (
            "more_information_needed",
            "Only part of the file or message is signed, so the signature cannot settle "
            "identity: " + report.unsigned_parts[0][:1].lower() + report.unsigned_parts[0][1:],
        )
    if report.verdict != "valid":
        return "more_information_needed", report.reason or f"The signature is {report.verdict}."
    if report.kind == "smime" and report.sender_email_matches is False:
        return (
            "more_information_needed",
            "The signer's certificate names another address than the sender's.",
        )
    valid = [
        (check, match)
        for check, match in zip(report.signatures, matches, strict=True)
        if check.status == "valid" and not _is_timestamp(check)
    ]
    if any(match.result == "match" for _check, match in valid):
        return "verified", "A valid signature of the data subject."
    for _check, match in valid:
        if match.result == "mismatch":
            return "more_information_needed", match.reason
    if valid:
        return "more_information_needed", valid[0][1].reason
    return "more_information_needed", "No signature identifies a person."


def _is_timestamp(check: SignatureCheck) -> bool:
    return any("proves when, not who" in p for p in check.problems)


@dataclass(frozen=True)
class SignatureVerification:
    """A signature check on a case: the report, who signed, and the recorded outcome."""

    report: SignatureReport
    matches: tuple[SubjectMatch, ...]
    outcome: str
    reason: str
    record: IdentityRecord
    destroyed: tuple[DestroyedCopy, ...] = ()

    def report_dict(self) -> dict[str, Any]:
        data = self.report.to_dict()
        for entry, match in zip(data["signatures"], self.matches, strict=True):
            entry["subject_match"] = match.result
            entry["subject_match_reason"] = match.reason
        return data

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report_dict(),
            "record": self.record.to_dict(),
            "outcome": self.outcome,
            "outcome_reason": self.reason,
            "destroyed": [d.to_dict() for d in self.destroyed],
        }


def verify_signature(
    cf: CaseFile,
    case_id: int,
    attachment_id: int,
    *,
    detached_attachment_id: int | None = None,
    today: date | None = None,
) -> SignatureVerification:
    """Check a stored signed attachment, bind it to the data subject and record the outcome."""
    from dpo_desk.identity.service import check_attachment, method_for, record_signature_check

    case = cf.cases.get(case_id)
    report, facts = check_attachment(
        cf, case_id, attachment_id, detached_attachment_id=detached_attachment_id
    )
    matches = [subject_match(case.subject, check) for check in report.signatures]
    outcome, reason = decide_outcome(report, matches)
    facts = {
        **facts,
        "subject_match": [m.to_dict() for m in matches],
        "outcome_reason": reason,
    }
    stored = report.to_dict()
    for entry, match in zip(stored["signatures"], matches, strict=True):
        entry["subject_match"] = match.result
    record, destroyed = record_signature_check(
        cf,
        case_id,
        method=method_for(report.kind),
        outcome=outcome,
        facts=facts,
        signature_report=stored,
        today=today,
    )
    return SignatureVerification(report, tuple(matches), outcome, reason, record, destroyed)


def override_signature_check(
    cf: CaseFile, case_id: int, check_id: int, reason: str, *, today: date | None = None
) -> tuple[IdentityRecord, tuple[DestroyedCopy, ...]]:
    """The DPO settles a signature check the rules left open, with a written reason (audited).

    Only a signature check of this case whose outcome is *more information needed* and whose
    signatures are all intact and valid can be overridden; the override is a new ``verified``
    record pointing at it.
    """
    from dpo_desk.identity.service import record_signature_check

    reason = " ".join((reason or "").split())
    if len(reason) < _MIN_OVERRIDE_REASON:
        raise InvalidInput(
            Message("Write why you accept this signature (a sentence, for the record).")
        )
    record = cf.identity.get(check_id)
    if record.case_id != case_id:
        raise InvalidInput(
            Message("Identity check {check} belongs to another case.", check=check_id)
        )
    if record.method not in _SIGNATURE_METHODS or not record.signature_report:
        raise InvalidInput(Message("Only a signature check can be overridden."))
    if record.outcome != "more_information_needed":
        raise InvalidInput(
            f"Identity check {check_id} is already {record.outcome.replace('_', ' ')}."
        )
    for other in cf.identity.for_case(case_id):
        if other.method == "dpo_override" and other.checklist.get("overrides_check") == check_id:
            raise InvalidInput(
                Message(
                    "Identity check {check} was already accepted (check {other}).",
                    check=check_id,
                    other=other.id,
                )
            )
    signatures = record.signature_report.get("signatures") or []
    if not signatures or any(
        s.get("intact") is not True or s.get("valid") is not True for s in signatures
    ):
        raise InvalidInput(
            Message(
                "A signature that is broken, unreadable or not checked cannot be accepted by "
                "override."
            )
        )
    facts = {
        "overrides_check": check_id,
        "reason": reason,
        "verdict": record.signature_report.get("verdict"),
        "subject_match": record.checklist.get("subject_match"),
    }
    new, destroyed = record_signature_check(
        cf,
        case_id,
        method="dpo_override",
        outcome="verified",
        facts=facts,
        signature_report=None,
        today=today,
    )
    cf.log(
        "identity.override",
        case_id,
        {"check_id": new.id, "overrides_check": check_id, "verdict": facts["verdict"]},
    )
    return new, destroyed


# --- ID copies that arrived by email ---------------------------------------------------------


@dataclass(frozen=True)
class MarkedCopy:
    mark: IdCopyMark
    filename: str
    case_reference: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.mark.to_dict(), "filename": self.filename, "case": self.case_reference}


def mark_id_copy(cf: CaseFile, case_id: int, attachment_id: int, reason: str = "") -> MarkedCopy:
    """Mark an emailed attachment of a case as an ID copy (destroyed with its message's copy)."""
    from dpo_desk.casefile import idcopies as marks
    from dpo_desk.identity.idcopies import contains_part

    case = cf.cases.get(case_id)
    meta = cf.attachments.get(attachment_id)
    if meta.case_id != case.id:
        raise InvalidInput(f"Attachment {attachment_id} does not belong to case {case.reference}.")
    if meta.destroyed_at is not None:
        raise InvalidInput(
            Message("Attachment {attachment} is already destroyed.", attachment=attachment_id)
        )
    if meta.role == AttachmentRole.ID_DOCUMENT:
        raise InvalidInput(f"Attachment {attachment_id} is already an ID copy.")
    if meta.role != AttachmentRole.EMAIL_PART:
        raise InvalidInput(
            f"Attachment {attachment_id} is not a file attached to an email; scans are marked "
            "as ID copies when they are added."
        )
    holder: int | None = None
    for email in cf.emails.for_case(case_id):
        if email.attachment_id is None:
            continue
        try:
            raw = cf.attachments.data(email.attachment_id)
        except Exception:
            continue
        if contains_part(raw, meta.sha256):
            holder = email.attachment_id
            break
    mark = marks.mark(
        cf, attachment_id, email_attachment_id=holder, reason=" ".join(reason.split())
    )
    return MarkedCopy(mark, meta.filename, case.reference)
