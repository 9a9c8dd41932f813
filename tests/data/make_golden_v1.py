"""Make ``golden_v1.dpodesk``: a case file exactly as schema 1 wrote it (passphrase ``golden-v1``).

Run once when schema 1 was the latest; the result is committed and never regenerated, so the
upgrade tests always start from the bytes an old DPO Desk left on a DPO's disk.
It writes rows with SQL of that schema, not with today's repositories.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dpo_desk.casefile.audit import GENESIS, event_hash
from dpo_desk.casefile.connection import Key, connect
from dpo_desk.casefile.migrations import MIGRATIONS

PASSPHRASE = "golden-v1"
FILE_ID = "5b7c6a1e-0d2f-4c39-9a57-3d1f2e8b9c01"


def main(out: Path) -> None:
    if out.exists():
        sys.exit(f"{out} exists; golden files are never regenerated")
    db = connect(out, Key(passphrase=PASSPHRASE), create=True)
    with db.atomic():
        MIGRATIONS[0](db)
        db.execute("PRAGMA user_version = 1")
    now = "2026-01-15T09:00:00+00:00"
    with db.atomic():
        for k, v in (("file_id", FILE_ID), ("created_at", now), ("attachment_limit", "52428800")):
            db.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (k, v))
        db.execute(
            "INSERT INTO controllers(id, slug, name, legal_entity, registration_no, address, "
            "dpo_contact, emails, jurisdictions, channels, languages, profile, verification, "
            "created_at, updated_at) VALUES (1, 'astrum-oyun', 'ASTRUM OYUN', "
            "'LLC \"ASTRUM OYUN\"', '304849-3301-ООО', 'Matrosova str. 1/1b, 3\nBishkek', "
            "'Matrosova str. 1/1b, 3, Bishkek', '[]', '[\"KG\"]', '[\"post\"]', '[\"ru\", \"ky\"]', "
            "'{}', '{}', ?, ?)",
            (now, now),
        )
        cases = [
            (1, "2026-0001", "Айбек Токтогулов", '["access"]', "post", "2026-01-12", "in_progress"),
            (
                2,
                "2026-0002",
                "Чолпон Үсөнова",
                '["erasure", "consent_withdrawal"]',
                "post",
                "2026-01-13",
                "received",
            ),
            (3, "2026-0003", "Sarah Collins", '["rectification"]', "other", "2026-01-14", "closed"),
        ]
        for cid, ref, name, kinds, channel, received, status in cases:
            db.execute(
                "INSERT INTO cases(id, reference, controller_id, subject_name, kinds, channel, "
                "received, status, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                (cid, ref, name, kinds, channel, received, status, now, now),
            )
            db.execute(
                "INSERT INTO case_search(rowid, reference, subject, notes, correspondence) "
                "VALUES (?, ?, ?, '', '')",
                (cid, ref, name),
            )
        db.execute(
            "INSERT INTO notes(case_id, text, created_at) VALUES (1, ?, ?)",
            ("Called to confirm the login.", now),
        )
        db.execute(
            "INSERT INTO attachments(case_id, role, filename, media_type, size, sha256, data, "
            "created_at) VALUES (2, 'letter_scan', 'letter.txt', 'text/plain', 11, "
            "'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9', "
            "?, ?)",
            (b"hello world", now),
        )
        db.execute(
            "INSERT INTO clock_events(case_id, kind, on_date, note, created_at) "
            "VALUES (1, 'identity_requested', '2026-01-13', '', ?)",
            (now,),
        )
        prev = GENESIS
        events = [
            ("casefile.created", None, {"key_mode": "passphrase", "schema": 1}),
            ("controller.added", None, {"controller": "astrum-oyun", "id": 1}),
        ]
        events += [("case.created", c[0], {"reference": c[1]}) for c in cases]
        for seq, (action, case_id, data) in enumerate(events, start=1):
            digest = event_hash(prev, seq, now, "golden", action, case_id, data)
            db.execute(
                "INSERT INTO audit(seq, at, actor, action, case_id, data, prev_hash, hash) "
                "VALUES (?, ?, 'golden', ?, ?, ?, ?, ?)",
                (seq, now, action, case_id, json.dumps(data), prev, digest),
            )
            prev = digest
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    (out.with_name(out.name + ".id")).write_text(FILE_ID + "\n", encoding="ascii")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("golden_v1.dpodesk"))
