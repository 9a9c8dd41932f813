"""Schema versions. Append-only: a released step is never edited, only followed by a new one.

Each step runs in one transaction together with its ``PRAGMA user_version`` bump, so a crash
leaves the file at the old or the new version, never between. ``CaseFile.open`` takes a backup
before the first step it runs and refuses files newer than ``LATEST``.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Step = Callable[[sqlite_utils.Database], None]


def _v1(db: sqlite_utils.Database) -> None:
    db.executescript(
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
        """
    )


def _v2(db: sqlite_utils.Database) -> None:
    """Correspondence, letters, identity verification, trust store, template overrides."""
    db.executescript(
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
        """
    )


def _scan_texts(db: sqlite_utils.Database) -> None:
    """OCR text of letter scans (issue 18), kept beside the scan; ID copies never get a row."""
    db.executescript(
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
        """
    )


MIGRATIONS: tuple[Step, ...] = (_v1, _v2, _scan_texts)
LATEST = len(MIGRATIONS)
