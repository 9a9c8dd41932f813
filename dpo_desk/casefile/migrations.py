"""Schema versions. Append-only: a released step is never edited, only followed by a new one.

Each step runs in one transaction together with its ``PRAGMA user_version`` bump, so a crash
leaves the file at the old or the new version, never between. ``CaseFile.open`` takes a backup
before the first step it runs and refuses files newer than ``LATEST``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

Step = Callable[[sqlite_utils.Database], None]


def _script(db: sqlite_utils.Database, script: str) -> None:
    """Run a step's SQL one statement at a time inside the migration's transaction.

    ``executescript`` would COMMIT the open transaction first, so a crash in the middle of an
    upgrade could leave the file between two versions; statements run one by one stay in it.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                db.execute(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError("a migration script ends inside a statement")


def _v1(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE controllers (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            legal_entity TEXT NOT NULL DEFAULT '',
            registration_no TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            dpo_contact TEXT NOT NULL DEFAULT '',
            emails TEXT NOT NULL DEFAULT '[]',
            jurisdictions TEXT NOT NULL DEFAULT '[]',
            channels TEXT NOT NULL DEFAULT '[]',
            languages TEXT NOT NULL DEFAULT '[]',
            profile TEXT NOT NULL DEFAULT '{}',
            verification TEXT NOT NULL DEFAULT '{}',
            logo BLOB,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            controller_id INTEGER NOT NULL REFERENCES controllers(id),
            subject_name TEXT NOT NULL,
            subject_email TEXT NOT NULL DEFAULT '',
            subject_address TEXT NOT NULL DEFAULT '',
            subject_phone TEXT NOT NULL DEFAULT '',
            subject_account TEXT NOT NULL DEFAULT '',
            kinds TEXT NOT NULL,
            channel TEXT NOT NULL,
            received TEXT NOT NULL,
            status TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT '',
            reply_language TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            postmark TEXT,
            registered_no TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            closed_on TEXT,
            responded_on TEXT,
            outcome TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX cases_controller ON cases(controller_id);
        CREATE INDEX cases_status ON cases(status);
        CREATE INDEX cases_received ON cases(received);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX notes_case ON notes(case_id);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            case_id INTEGER REFERENCES cases(id),
            role TEXT NOT NULL,
            filename TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB,
            created_at TEXT NOT NULL,
            destroyed_at TEXT
        );
        CREATE INDEX attachments_case ON attachments(case_id);
        CREATE TABLE clock_events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            on_date TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX clock_events_case ON clock_events(case_id);
        CREATE TABLE calendar_overrides (
            id INTEGER PRIMARY KEY,
            calendar TEXT NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'working', 'not_holiday')),
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (calendar, day)
        );
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            case_id INTEGER,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_case ON audit(case_id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE VIRTUAL TABLE case_search USING fts5(
            reference, subject, notes, correspondence,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
        );
        """,
    )


def _v2(db: sqlite_utils.Database) -> None:
    """Correspondence, letters, identity verification, trust store, template overrides."""
    _script(
        db,
        """
        CREATE TABLE emails (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            attachment_id INTEGER REFERENCES attachments(id),
            message_id TEXT,
            content_hash TEXT NOT NULL,
            from_addr TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body_text TEXT NOT NULL DEFAULT '',
            sent_at TEXT,
            received_at TEXT,
            smime_signed INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX emails_case ON emails(case_id);
        CREATE INDEX emails_message_id ON emails(message_id);
        CREATE INDEX emails_content_hash ON emails(content_hash);
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
            text TEXT NOT NULL DEFAULT '',
            pdf BLOB,
            sha256 TEXT,
            created_at TEXT NOT NULL,
            finalised_at TEXT,
            sent_on TEXT,
            channel TEXT,
            registered_no TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX letters_case ON letters(case_id);
        CREATE TRIGGER letters_final_immutable BEFORE UPDATE OF text, pdf, sha256, kind, language
            ON letters WHEN OLD.status = 'final'
            BEGIN SELECT RAISE(ABORT, 'a finalised letter cannot be changed'); END;
        CREATE TRIGGER letters_final_kept BEFORE DELETE ON letters WHEN OLD.status = 'final'
            BEGIN SELECT RAISE(ABORT, 'a finalised letter cannot be deleted'); END;
        CREATE TABLE identity_checks (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            method TEXT NOT NULL,
            outcome TEXT NOT NULL,
            checklist TEXT NOT NULL DEFAULT '{}',
            document_type TEXT NOT NULL DEFAULT '',
            document_last4 TEXT NOT NULL DEFAULT '',
            signature_report TEXT,
            checked_by TEXT NOT NULL DEFAULT '',
            checked_at TEXT NOT NULL,
            destroyed TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX identity_checks_case ON identity_checks(case_id);
        CREATE TABLE trust_store (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            issuer TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL UNIQUE,
            der BLOB NOT NULL,
            not_after TEXT,
            added_at TEXT NOT NULL
        );
        ALTER TABLE cases ADD COLUMN due_on TEXT;
        ALTER TABLE cases ADD COLUMN due_jurisdiction TEXT NOT NULL DEFAULT '';
        CREATE INDEX cases_due ON cases(due_on);
        CREATE TABLE template_overrides (
            id INTEGER PRIMARY KEY,
            controller_id INTEGER NOT NULL REFERENCES controllers(id),
            kind TEXT NOT NULL,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            reviewed INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (controller_id, kind, language)
        );
        """,
    )


# --- issue 16 (deadlines): per-controller calendar overrides --------------------------------
def _controller_calendar_overrides(db: sqlite_utils.Database) -> None:
    """Calendar corrections that hold for one controller only (a Cabinet resolution that gives
    state bodies days off and only recommends them to private employers, applied by the DPO to
    the controllers that follow it). ``source`` names the suggestion applied ('' = by hand)."""
    _script(
        db,
        """
        CREATE TABLE controller_calendar_overrides (
            id INTEGER PRIMARY KEY,
            controller_id INTEGER NOT NULL REFERENCES controllers(id),
            calendar TEXT NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'working', 'not_holiday')),
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            UNIQUE (controller_id, calendar, day)
        );
        CREATE INDEX controller_calendar_overrides_source
            ON controller_calendar_overrides(controller_id, source);
        """,
    )


# --- trust-store provenance (issue 15, branch gost): independent of other steps ---
def _trust_sources(db: sqlite_utils.Database) -> None:
    """Where each trusted certificate came from, and whether it issues qualified certificates."""
    for column in (
        "source TEXT NOT NULL DEFAULT 'manual'",
        "source_detail TEXT NOT NULL DEFAULT ''",
        "qualified INTEGER NOT NULL DEFAULT 0",
        "review_note TEXT NOT NULL DEFAULT ''",
    ):
        db.execute(f"ALTER TABLE trust_store ADD COLUMN {column}")


# --- breach desk (issue 22) -------------------------------------------------------------------
def _breaches(db: sqlite_utils.Database) -> None:
    """The breach register: breaches, their links to cases, and the notices sent about them."""
    _script(
        db,
        """
        CREATE TABLE breaches (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            controller_id INTEGER NOT NULL REFERENCES controllers(id),
            discovered_at TEXT NOT NULL,
            discovered_tz TEXT NOT NULL,
            occurred_at TEXT,
            description TEXT NOT NULL,
            data_categories TEXT NOT NULL DEFAULT '[]',
            subject_categories TEXT NOT NULL DEFAULT '[]',
            subjects_count INTEGER,
            records_count INTEGER,
            consequences TEXT NOT NULL DEFAULT '',
            measures TEXT NOT NULL DEFAULT '',
            causes TEXT NOT NULL DEFAULT '',
            investigation TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            processors TEXT NOT NULL DEFAULT '[]',
            contact TEXT NOT NULL DEFAULT '',
            risk TEXT NOT NULL DEFAULT 'unassessed'
                CHECK (risk IN ('unassessed', 'none', 'risk', 'high')),
            status TEXT NOT NULL CHECK (status IN ('open', 'contained', 'closed')),
            outcome TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX breaches_controller ON breaches(controller_id);
        CREATE INDEX breaches_status ON breaches(status);
        CREATE TABLE breach_cases (
            breach_id INTEGER NOT NULL REFERENCES breaches(id),
            case_id INTEGER NOT NULL REFERENCES cases(id),
            linked_at TEXT NOT NULL,
            PRIMARY KEY (breach_id, case_id)
        );
        CREATE TABLE breach_notices (
            id INTEGER PRIMARY KEY,
            breach_id INTEGER NOT NULL REFERENCES breaches(id),
            regime TEXT NOT NULL,
            step TEXT NOT NULL,
            recipient TEXT NOT NULL CHECK (recipient IN ('authority', 'subjects')),
            authority TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
            text TEXT NOT NULL DEFAULT '',
            pdf BLOB,
            sha256 TEXT,
            created_at TEXT NOT NULL,
            finalised_at TEXT,
            sent_at TEXT,
            channel TEXT,
            sent_ref TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX breach_notices_breach ON breach_notices(breach_id);
        CREATE TRIGGER breach_notices_final_immutable
            BEFORE UPDATE OF text, pdf, sha256, step, recipient, authority, language
            ON breach_notices WHEN OLD.status = 'final'
            BEGIN SELECT RAISE(ABORT, 'a finalised notice cannot be changed'); END;
        CREATE TRIGGER breach_notices_final_kept BEFORE DELETE ON breach_notices
            WHEN OLD.status = 'final'
            BEGIN SELECT RAISE(ABORT, 'a finalised notice cannot be deleted'); END;
        """,
    )


def _subject_identifiers_and_id_copy_marks(db: sqlite_utils.Database) -> None:
    """Issue 15: a data subject's SNILS/INN/IIN (to bind a signature to the subject) and ID
    copies marked among emailed attachments (to destroy them with the message's copy)."""
    _script(
        db,
        """
        ALTER TABLE cases ADD COLUMN subject_snils TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN subject_inn TEXT NOT NULL DEFAULT '';
        ALTER TABLE cases ADD COLUMN subject_iin TEXT NOT NULL DEFAULT '';
        CREATE TABLE id_copy_marks (
            attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
            email_attachment_id INTEGER REFERENCES attachments(id),
            previous_role TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            marked_at TEXT NOT NULL,
            message_sha256 TEXT,
            message_rewritten_at TEXT
        );
        """,
    )


def _intake_inbox(db: sqlite_utils.Database) -> None:
    """Issue 17: the triage inbox. Imported mail that is not confidently a request waits here,
    its original bytes inside the encrypted file like any attachment, until the DPO accepts it
    (a case is made) or dismisses it (the row is deleted; secure_delete is on)."""
    _script(
        db,
        """
        CREATE TABLE intake_inbox (
            id INTEGER PRIMARY KEY,
            raw BLOB NOT NULL,
            filename TEXT NOT NULL DEFAULT '',
            source_format TEXT NOT NULL DEFAULT 'eml',
            message_id TEXT,
            content_hash TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            received TEXT NOT NULL,
            sender TEXT NOT NULL DEFAULT '',
            sender_name TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body_text TEXT NOT NULL DEFAULT '',
            kinds TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT '{}',
            language TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '[]',
            controller_id INTEGER REFERENCES controllers(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX intake_inbox_hash ON intake_inbox(content_hash);
        CREATE INDEX intake_inbox_message_id ON intake_inbox(message_id);
        """,
    )


def _letter_profiles(db: sqlite_utils.Database) -> None:
    """Letters (issue 16): a processing profile per controller and reply language, the default
    signatory per controller, the salutation chosen per case. The legacy profile (one, written
    in English) becomes the controller's English profile."""
    _script(
        db,
        """
        CREATE TABLE letter_profiles (
            controller_id INTEGER NOT NULL REFERENCES controllers(id),
            language TEXT NOT NULL,
            items TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (controller_id, language)
        );
        CREATE TABLE letter_signatories (
            controller_id INTEGER PRIMARY KEY REFERENCES controllers(id),
            name TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE letter_salutations (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id),
            form TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    )
    import json

    for cid, raw, updated in db.execute(
        "SELECT id, profile, updated_at FROM controllers"
    ).fetchall():
        try:
            old = json.loads(raw or "{}")
        except ValueError:
            continue
        items = {}
        for key in ("purposes", "categories", "recipients", "retention", "sources", "transfers"):
            value = old.get(key)
            text = "\n".join(value) if isinstance(value, list) else str(value or "")
            if text.strip():
                items[key] = text.strip()
        if items:
            db.execute(
                "INSERT INTO letter_profiles(controller_id, language, items, updated_at) "
                "VALUES (?, 'en', ?, ?)",
                (cid, json.dumps(items, ensure_ascii=False), updated),
            )


# --- issue 20 (evidence branch): data under the audit chain ---------------------------------
def _v_row_hashes(db: sqlite_utils.Database) -> None:
    """Audit events record the hashes of the rows they wrote; existing rows are back-filled.

    Adds ``audit.row_hashes`` (ADD COLUMN leaves the append-only triggers and every existing
    event's hash as they were). On a file that already has events, one event
    ``audit.rows_backfilled`` records the hash of every row of every audited table, so that
    ``audit verify --deep`` has a state to compare each row with from now on.
    """
    import json
    from datetime import UTC, datetime

    from .audit import ROW_HASHES_COLUMN, all_row_hashes, event_hash, has_row_hashes

    if not has_row_hashes(db):
        db.execute(f"ALTER TABLE audit ADD COLUMN {ROW_HASHES_COLUMN} TEXT")
    head = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    if head is None:
        return  # a new file: every row from now on is recorded by its own event
    rows = all_row_hashes(db)
    seq, prev = int(head[0]) + 1, str(head[1])
    at = datetime.now(UTC).isoformat()
    actor, action = "dpo-desk", "audit.rows_backfilled"
    data = {"rows": len(rows), "reason": "the audit trail now records the rows each change wrote"}
    digest = event_hash(prev, seq, at, actor, action, None, data, rows)
    db.execute(
        "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash, row_hashes) "
        "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)",
        (seq, at, actor, action, json.dumps(data), prev, digest, json.dumps(rows)),
    )


def _scan_texts(db: sqlite_utils.Database) -> None:
    """OCR text of letter scans (issue 18), kept beside the scan; ID copies never get a row."""
    _script(
        db,
        """
        CREATE TABLE scan_texts (
            attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
            case_id INTEGER NOT NULL REFERENCES cases(id),
            text TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 0,
            pages INTEGER NOT NULL DEFAULT 0,
            boxes TEXT NOT NULL DEFAULT '[]',
            engine TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX scan_texts_case ON scan_texts(case_id);
        """,
    )


MIGRATIONS: tuple[Step, ...] = (
    _v1,
    _v2,
    _controller_calendar_overrides,
    _trust_sources,
    _breaches,
    _subject_identifiers_and_id_copy_marks,
    _intake_inbox,
    _letter_profiles,
    _v_row_hashes,
    _scan_texts,
)
LATEST = len(MIGRATIONS)
