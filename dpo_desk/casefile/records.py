"""Repositories of schema 2: emails, letters, identity checks, the trust store, template overrides.

Same rules as ``repositories.py``: rows <-> dataclasses, every change audited in its transaction.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dpo_desk.core.errors import InvalidInput, KnownError, NotFound
from dpo_desk.core.messages import Message
from dpo_desk.core.model import AttachmentRole, CaseId, LetterId, LetterKind

from .repositories import _d, _dt, _inserted_id, _last_rowid, _Repo

# --- emails ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmailRecord:
    id: int
    case_id: CaseId
    attachment_id: int | None  # the original message bytes (evidence)
    message_id: str | None
    content_hash: str
    from_addr: str
    subject: str
    body_text: str
    sent_at: datetime | None
    received_at: datetime | None
    smime_signed: bool
    created_at: datetime


def _email_from_row(r: dict[str, Any]) -> EmailRecord:
    return EmailRecord(
        r["id"],
        CaseId(r["case_id"]),
        r["attachment_id"],
        r["message_id"],
        r["content_hash"],
        r["from_addr"],
        r["subject"],
        r["body_text"],
        _dt(r["sent_at"]),
        _dt(r["received_at"]),
        bool(r["smime_signed"]),
        datetime.fromisoformat(r["created_at"]),
    )


class EmailRepo(_Repo):
    def add(
        self,
        case_id: int,
        *,
        raw: bytes,
        filename: str,
        message_id: str | None,
        content_hash: str,
        from_addr: str,
        subject: str,
        body_text: str,
        sent_at: datetime | None,
        received_at: datetime | None,
        smime_signed: bool,
    ) -> EmailRecord:
        """Store an email on a case: its original bytes as an attachment, and its facts."""
        with self.cf.transaction():
            att = self.cf.attachments.add(
                case_id, AttachmentRole.EMAIL, filename, "message/rfc822", raw
            )
            # issue 19: plain parameterised SQL (sqlite-utils' insert reads the schema each time)
            eid = _last_rowid(
                self.db.conn.execute(
                    "INSERT INTO emails(case_id, attachment_id, message_id, content_hash, from_addr, "
                    "subject, body_text, sent_at, received_at, smime_signed, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        case_id,
                        att.id,
                        message_id,
                        content_hash,
                        from_addr,
                        subject,
                        body_text,
                        sent_at.isoformat() if sent_at else None,
                        received_at.isoformat() if received_at else None,
                        int(smime_signed),
                        self._now(),
                    ),
                )
            )
            self.cf.log(
                "email.added",
                case_id,
                {
                    "email_id": eid,
                    "attachment_id": att.id,
                    "sha256": att.sha256,
                    "smime_signed": smime_signed,
                },
            )
            self.cf.cases.reindex(case_id)  # issue 19: an email never moves the deadline
        return self.get(eid)

    def get(self, email_id: int) -> EmailRecord:
        rows = list(self.cf.rows("SELECT * FROM emails WHERE id = ?", (email_id,)))
        if not rows:
            raise NotFound(f"There is no email with id {email_id}.")
        return _email_from_row(rows[0])

    def for_case(self, case_id: int) -> list[EmailRecord]:
        return [
            _email_from_row(r)
            for r in self.db.query(
                "SELECT * FROM emails WHERE case_id = ? ORDER BY coalesce(received_at, created_at), id",
                (case_id,),
            )
        ]

    def find_duplicate(self, message_id: str | None, content_hash: str) -> EmailRecord | None:
        """An email already stored with the same Message-ID or the same content."""
        if message_id:
            rows = list(
                self.cf.rows("SELECT * FROM emails WHERE message_id = ? LIMIT 1", (message_id,))
            )
            if rows:
                return _email_from_row(rows[0])
        rows = list(
            self.cf.rows("SELECT * FROM emails WHERE content_hash = ? LIMIT 1", (content_hash,))
        )
        return _email_from_row(rows[0]) if rows else None


# --- letters ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterRecord:
    id: LetterId
    case_id: CaseId
    kind: LetterKind
    language: str
    status: str  # draft | final
    text: str  # the composed text (JSON of subject + paragraphs) the PDF was made from
    sha256: str | None
    created_at: datetime
    finalised_at: datetime | None
    sent_on: date | None
    channel: str | None  # post | registered_post | email
    registered_no: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_id,
            "kind": str(self.kind),
            "language": self.language,
            "status": self.status,
            "sha256": self.sha256,
            "created_at": self.created_at.isoformat(),
            "finalised_at": self.finalised_at.isoformat() if self.finalised_at else None,
            "sent_on": self.sent_on.isoformat() if self.sent_on else None,
            "channel": self.channel,
            "registered_no": self.registered_no,
        }


_LETTER_COLUMNS = (
    "id, case_id, kind, language, status, text, sha256, created_at, finalised_at, "
    "sent_on, channel, registered_no"
)
SEND_CHANNELS = ("post", "registered_post", "email")


def _letter_from_row(r: dict[str, Any]) -> LetterRecord:
    return LetterRecord(
        LetterId(r["id"]),
        CaseId(r["case_id"]),
        LetterKind(r["kind"]),
        r["language"],
        r["status"],
        r["text"],
        r["sha256"],
        datetime.fromisoformat(r["created_at"]),
        _dt(r["finalised_at"]),
        _d(r["sent_on"]),
        r["channel"],
        r["registered_no"],
    )


class LetterRepo(_Repo):
    def save_draft(
        self,
        case_id: int,
        kind: LetterKind | str,
        language: str,
        text: str,
        letter_id: int | None = None,
    ) -> LetterRecord:
        self.cf.cases.get(case_id)
        kind = LetterKind(kind)
        with self.cf.transaction():
            if letter_id is None:
                letter_id = _inserted_id(
                    self._table("letters").insert(
                        {
                            "case_id": case_id,
                            "kind": str(kind),
                            "language": language,
                            "status": "draft",
                            "text": text,
                            "created_at": self._now(),
                        }
                    )
                )
                self.cf.log(
                    "letter.drafted",
                    case_id,
                    {"letter_id": letter_id, "kind": str(kind), "language": language},
                )
            else:
                current = self.get(letter_id)
                if current.status == "final":
                    raise KnownError(
                        Message("A finalised letter cannot be changed; write a new one.")
                    )
                self.db.execute(
                    "UPDATE letters SET text = ?, kind = ?, language = ? WHERE id = ?",
                    (text, str(kind), language, letter_id),
                )
                self.cf.log("letter.edited", case_id, {"letter_id": letter_id})
        return self.get(letter_id)

    def finalise(self, letter_id: int, pdf: bytes, text: str) -> LetterRecord:
        """Store the PDF with its hash; from now on the letter is immutable (a trigger guards it)."""
        current = self.get(letter_id)
        if current.status == "final":
            raise KnownError(Message("This letter is already final."))
        digest = hashlib.sha256(pdf).hexdigest()
        with self.cf.transaction():
            self.db.execute(
                "UPDATE letters SET text = ?, pdf = ?, sha256 = ?, status = 'final', "
                "finalised_at = ? WHERE id = ?",
                (text, pdf, digest, self._now(), letter_id),
            )
            self.cf.log(
                "letter.finalised",
                current.case_id,
                {
                    "letter_id": letter_id,
                    "kind": str(current.kind),
                    "sha256": digest,
                    "size": len(pdf),
                },
            )
        return self.get(letter_id)

    def record_sent(
        self, letter_id: int, *, sent_on: date, channel: str, registered_no: str = ""
    ) -> LetterRecord:
        current = self.get(letter_id)
        if current.status != "final":
            raise KnownError(Message("Finalise the letter before recording that it was sent."))
        if channel not in SEND_CHANNELS:
            raise InvalidInput(f"A letter goes by one of: {', '.join(SEND_CHANNELS)}.")
        if channel == "registered_post" and not registered_no.strip():
            raise InvalidInput(Message("Registered post needs the registered-mail number."))
        with self.cf.transaction():
            self.db.execute(
                "UPDATE letters SET sent_on = ?, channel = ?, registered_no = ? WHERE id = ?",
                (sent_on.isoformat(), channel, registered_no.strip(), letter_id),
            )
            self.cf.log(
                "letter.sent",
                current.case_id,
                {
                    "letter_id": letter_id,
                    "on": sent_on.isoformat(),
                    "channel": channel,
                    "registered_no": registered_no.strip(),
                },
            )
        return self.get(letter_id)

    def delete_draft(self, letter_id: int) -> None:
        current = self.get(letter_id)
        if current.status == "final":
            raise KnownError(
                Message("A finalised letter is kept as evidence and cannot be deleted.")
            )
        with self.cf.transaction():
            self.db.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
            self.cf.log("letter.draft_deleted", current.case_id, {"letter_id": letter_id})

    def get(self, letter_id: int) -> LetterRecord:
        rows = list(
            self.db.query(f"SELECT {_LETTER_COLUMNS} FROM letters WHERE id = ?", (letter_id,))
        )
        if not rows:
            raise NotFound(f"There is no letter with id {letter_id}.")
        return _letter_from_row(rows[0])

    def pdf(self, letter_id: int) -> bytes:
        row = self.db.execute("SELECT pdf FROM letters WHERE id = ?", (letter_id,)).fetchone()
        if row is None or row[0] is None:
            raise NotFound(f"Letter {letter_id} has no stored PDF (it is a draft).")
        return bytes(row[0])

    def for_case(self, case_id: int) -> list[LetterRecord]:
        return [
            _letter_from_row(r)
            for r in self.db.query(
                f"SELECT {_LETTER_COLUMNS} FROM letters WHERE case_id = ? ORDER BY id", (case_id,)
            )
        ]

    def register(
        self, date_from: date | None = None, date_to: date | None = None
    ) -> list[LetterRecord]:
        """The letter register: final letters, by finalisation time."""
        sql = f"SELECT {_LETTER_COLUMNS} FROM letters WHERE status = 'final'"
        params: list[Any] = []
        if date_from:
            sql += " AND substr(finalised_at, 1, 10) >= ?"
            params.append(date_from.isoformat())
        if date_to:
            sql += " AND substr(finalised_at, 1, 10) <= ?"
            params.append(date_to.isoformat())
        return [_letter_from_row(r) for r in self.db.query(sql + " ORDER BY finalised_at", params)]


# --- identity checks -------------------------------------------------------------------------------

IDENTITY_OUTCOMES = ("verified", "more_information_needed", "failed")


@dataclass(frozen=True)
class IdentityRecord:
    """What remains of an identity check once the copy is gone."""

    id: int
    case_id: CaseId
    method: str  # paper_checklist | pdf_signature | cms_signature | smime | account_match | ...
    outcome: str
    checklist: dict[str, Any]
    document_type: str
    document_last4: str
    signature_report: dict[str, Any] | None
    checked_by: str
    checked_at: datetime
    destroyed: tuple[dict[str, Any], ...]  # [{attachment_id, sha256, destroyed_at}]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_id,
            "method": self.method,
            "outcome": self.outcome,
            "checklist": self.checklist,
            "document_type": self.document_type,
            "document_last4": self.document_last4,
            "signature_report": self.signature_report,
            "checked_by": self.checked_by,
            "checked_at": self.checked_at.isoformat(),
            "destroyed": list(self.destroyed),
        }


def _identity_from_row(r: dict[str, Any]) -> IdentityRecord:
    return IdentityRecord(
        r["id"],
        CaseId(r["case_id"]),
        r["method"],
        r["outcome"],
        json.loads(r["checklist"]),
        r["document_type"],
        r["document_last4"],
        json.loads(r["signature_report"]) if r["signature_report"] else None,
        r["checked_by"],
        datetime.fromisoformat(r["checked_at"]),
        tuple(json.loads(r["destroyed"])),
    )


class IdentityRepo(_Repo):
    def record(
        self,
        case_id: int,
        *,
        method: str,
        outcome: str,
        checklist: dict[str, Any] | None = None,
        document_type: str = "",
        document_last4: str = "",
        signature_report: dict[str, Any] | None = None,
    ) -> IdentityRecord:
        if outcome not in IDENTITY_OUTCOMES:
            raise InvalidInput(f"An identity outcome is one of: {', '.join(IDENTITY_OUTCOMES)}.")
        last4 = document_last4.strip()
        if len(last4) > 4:
            raise InvalidInput(
                Message("Keep only the last four characters of the document number.")
            )
        self.cf.cases.get(case_id)
        with self.cf.transaction():
            rid = _inserted_id(
                self._table("identity_checks").insert(
                    {
                        "case_id": case_id,
                        "method": method,
                        "outcome": outcome,
                        "checklist": json.dumps(
                            checklist or {}, ensure_ascii=False, sort_keys=True
                        ),
                        "document_type": document_type,
                        "document_last4": last4,
                        "signature_report": json.dumps(signature_report, ensure_ascii=False)
                        if signature_report is not None
                        else None,
                        "checked_by": self.cf.actor,
                        "checked_at": self._now(),
                        "destroyed": "[]",
                    }
                )
            )
            self.cf.log(
                "identity.checked", case_id, {"check_id": rid, "method": method, "outcome": outcome}
            )
        return self.get(rid)

    def note_destroyed(self, check_id: int, attachment_id: int, sha256: str, at: str) -> None:
        """Append a destroyed copy to a verification record (inside the caller's transaction)."""
        row = self.db.execute(
            "SELECT destroyed FROM identity_checks WHERE id = ?", (check_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no identity check with id {check_id}.")
        destroyed = json.loads(row[0])
        destroyed.append({"attachment_id": attachment_id, "sha256": sha256, "destroyed_at": at})
        self.db.execute(
            "UPDATE identity_checks SET destroyed = ? WHERE id = ?",
            (json.dumps(destroyed), check_id),
        )

    def get(self, check_id: int) -> IdentityRecord:
        rows = list(self.db.query("SELECT * FROM identity_checks WHERE id = ?", (check_id,)))
        if not rows:
            raise NotFound(f"There is no identity check with id {check_id}.")
        return _identity_from_row(rows[0])

    def for_case(self, case_id: int) -> list[IdentityRecord]:
        return [
            _identity_from_row(r)
            for r in self.db.query(
                "SELECT * FROM identity_checks WHERE case_id = ? ORDER BY id", (case_id,)
            )
        ]

    def latest(self, case_id: int) -> IdentityRecord | None:
        checks = self.for_case(case_id)
        return checks[-1] if checks else None


# --- trust store -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedCert:
    id: int
    subject: str
    issuer: str
    sha256: str
    not_after: str | None
    added_at: datetime
    # provenance (issue 15): "manual", "ru-tsl" or "kz-nca"; what list, which version
    source: str = "manual"
    source_detail: str = ""
    qualified: bool = False
    review_note: str = ""


class TrustRepo(_Repo):
    def add(
        self,
        der: bytes,
        *,
        subject: str,
        issuer: str,
        not_after: str | None,
        source: str = "manual",
        source_detail: str = "",
        qualified: bool = False,
        review_note: str = "",
    ) -> TrustedCert:
        digest = hashlib.sha256(der).hexdigest()
        existing = list(self.db.query("SELECT id FROM trust_store WHERE sha256 = ?", (digest,)))
        if existing:
            return self.get(existing[0]["id"])
        with self.cf.transaction():
            tid = _inserted_id(
                self._table("trust_store").insert(
                    {
                        "subject": subject,
                        "issuer": issuer,
                        "sha256": digest,
                        "der": der,
                        "not_after": not_after,
                        "added_at": self._now(),
                        "source": source,
                        "source_detail": source_detail,
                        "qualified": int(qualified),
                        "review_note": review_note,
                    }
                )
            )
            self.cf.log(
                "trust.added", None, {"subject": subject, "sha256": digest, "source": source}
            )
        return self.get(tid)

    def set_source(
        self, cert_id: int, *, source: str, source_detail: str, qualified: bool, review_note: str
    ) -> TrustedCert:
        """Record that a trusted certificate (also) comes from a trust list."""
        cert = self.get(cert_id)
        with self.cf.transaction():
            self.db.execute(
                "UPDATE trust_store SET source = ?, source_detail = ?, qualified = ?, "
                "review_note = ? WHERE id = ?",
                (source, source_detail, int(qualified), review_note, cert_id),
            )
            self.cf.log(
                "trust.source",
                None,
                {"subject": cert.subject, "sha256": cert.sha256, "source": source},
            )
        return self.get(cert_id)

    def remove(self, cert_id: int) -> None:
        cert = self.get(cert_id)
        with self.cf.transaction():
            self.db.execute("DELETE FROM trust_store WHERE id = ?", (cert_id,))
            self.cf.log("trust.removed", None, {"subject": cert.subject, "sha256": cert.sha256})

    def get(self, cert_id: int) -> TrustedCert:
        rows = list(
            self.db.query(
                "SELECT id, subject, issuer, sha256, not_after, added_at, source, source_detail, "
                "qualified, review_note FROM trust_store WHERE id = ?",
                (cert_id,),
            )
        )
        if not rows:
            raise NotFound(f"There is no trusted certificate with id {cert_id}.")
        r = rows[0]
        return TrustedCert(
            r["id"],
            r["subject"],
            r["issuer"],
            r["sha256"],
            r["not_after"],
            datetime.fromisoformat(r["added_at"]),
            source=r["source"],
            source_detail=r["source_detail"],
            qualified=bool(r["qualified"]),
            review_note=r["review_note"],
        )

    def list(self) -> list[TrustedCert]:
        return [
            self.get(r["id"]) for r in self.db.query("SELECT id FROM trust_store ORDER BY subject")
        ]

    def ders(self) -> builtins.list[bytes]:
        return [bytes(r[0]) for r in self.db.execute("SELECT der FROM trust_store ORDER BY id")]


# --- template overrides ----------------------------------------------------------------------------


class TemplateRepo(_Repo):
    def set(self, controller_id: int, kind: str, language: str, text: str) -> None:
        self.cf.controllers.get(controller_id)
        with self.cf.transaction():
            self.db.execute(
                "INSERT INTO template_overrides(controller_id, kind, language, text, reviewed, "
                "updated_at) VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT(controller_id, kind, language) "
                "DO UPDATE SET text = excluded.text, reviewed = 0, updated_at = excluded.updated_at",
                (controller_id, kind, language, text, self._now()),
            )
            self.cf.log(
                "template.overridden",
                None,
                {"controller_id": controller_id, "kind": kind, "language": language},
            )

    def remove(self, controller_id: int, kind: str, language: str) -> None:
        with self.cf.transaction():
            self.db.execute(
                "DELETE FROM template_overrides WHERE controller_id = ? AND kind = ? "
                "AND language = ?",
                (controller_id, kind, language),
            )
            self.cf.log(
                "template.override_removed",
                None,
                {"controller_id": controller_id, "kind": kind, "language": language},
            )

    def get(self, controller_id: int, kind: str, language: str) -> str | None:
        row = self.db.execute(
            "SELECT text FROM template_overrides WHERE controller_id = ? AND "
            "kind = ? AND language = ?",
            (controller_id, kind, language),
        ).fetchone()
        return row[0] if row else None

    def set_reviewed(self, controller_id: int, kind: str, language: str, reviewed: bool) -> None:
        """Record that a lawyer reviewed (or un-reviewed) a controller's template override."""
        if self.get(controller_id, kind, language) is None:
            raise NotFound(f"There is no template override for {kind} in {language}.")
        with self.cf.transaction():
            self.db.execute(
                "UPDATE template_overrides SET reviewed = ?, updated_at = ? WHERE controller_id = ? "
                "AND kind = ? AND language = ?",
                (int(reviewed), self._now(), controller_id, kind, language),
            )
            self.cf.log(
                "template.reviewed",
                None,
                {
                    "controller_id": controller_id,
                    "kind": kind,
                    "language": language,
                    "reviewed": reviewed,
                },
            )

    def is_reviewed(self, controller_id: int, kind: str, language: str) -> bool:
        row = self.db.execute(
            "SELECT reviewed FROM template_overrides WHERE controller_id = ? AND kind = ? AND "
            "language = ?",
            (controller_id, kind, language),
        ).fetchone()
        return bool(row and row[0])

    def list(self, controller_id: int) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT kind, language FROM template_overrides WHERE controller_id = ? "
                "ORDER BY kind, language",
                (controller_id,),
            )
        ]
