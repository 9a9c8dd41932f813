"""Letters' settings in the case file: processing profiles per language, signatories, salutations.

Tables of the ``_letter_profiles`` migration step. A profile is a mapping of item names
(``dpo_desk.letters.profile.ITEMS``) to the text the DPO wrote in that language; this module
stores it as it is given and checks nothing but types (the rules live in ``services/letters``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dpo_desk.core.errors import InvalidInput

if TYPE_CHECKING:
    import sqlite_utils

    from dpo_desk.casefile.store import CaseFile

SALUTATION_FORMS = ("m", "f", "neutral")


@dataclass(frozen=True)
class Signatory:
    name: str = ""
    title: str = ""


class LetterSettingsRepo:
    """Profiles, default signatory and salutation choice, with audit events."""

    def __init__(self, cf: CaseFile) -> None:
        self.cf = cf

    @property
    def db(self) -> sqlite_utils.Database:
        return self.cf.db

    def _now(self) -> str:
        return self.cf.clock().isoformat()

    # --- profiles ---------------------------------------------------------------------------
    def profile(self, controller_id: int, language: str) -> dict[str, str]:
        row = self.db.execute(
            "SELECT items FROM letter_profiles WHERE controller_id = ? AND language = ?",
            (controller_id, language),
        ).fetchone()
        if not row:
            return {}
        try:
            data = json.loads(row[0] or "{}")
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}

    def profiles(self, controller_id: int) -> dict[str, dict[str, str]]:
        rows = self.db.execute(
            "SELECT language FROM letter_profiles WHERE controller_id = ? ORDER BY language",
            (controller_id,),
        ).fetchall()
        return {r[0]: self.profile(controller_id, r[0]) for r in rows}

    def set_profile(self, controller_id: int, language: str, items: Mapping[str, str]) -> None:
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in items.items()):
            raise InvalidInput("A processing profile maps item names to text.")
        self.cf.controllers.get(controller_id)
        clean = {k: v.strip() for k, v in items.items() if v.strip()}
        with self.cf.transaction():
            self.db.execute(
                "INSERT INTO letter_profiles(controller_id, language, items, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(controller_id, language) DO UPDATE SET "
                "items = excluded.items, updated_at = excluded.updated_at",
                (controller_id, language, json.dumps(clean, ensure_ascii=False), self._now()),
            )
            self.cf.log(
                "letter_profile.saved",
                None,
                {"controller_id": controller_id, "language": language, "items": sorted(clean)},
            )

    # --- signatory --------------------------------------------------------------------------
    def signatory(self, controller_id: int) -> Signatory:
        row = self.db.execute(
            "SELECT name, title FROM letter_signatories WHERE controller_id = ?",
            (controller_id,),
        ).fetchone()
        return Signatory(row[0], row[1]) if row else Signatory()

    def set_signatory(self, controller_id: int, name: str, title: str) -> None:
        self.cf.controllers.get(controller_id)
        with self.cf.transaction():
            self.db.execute(
                "INSERT INTO letter_signatories(controller_id, name, title, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(controller_id) DO UPDATE SET "
                "name = excluded.name, title = excluded.title, updated_at = excluded.updated_at",
                (controller_id, name.strip(), title.strip(), self._now()),
            )
            self.cf.log("letter_signatory.saved", None, {"controller_id": controller_id})

    # --- salutation -------------------------------------------------------------------------
    def salutation(self, case_id: int) -> str:
        row = self.db.execute(
            "SELECT form FROM letter_salutations WHERE case_id = ?", (case_id,)
        ).fetchone()
        return row[0] if row else ""

    def set_salutation(self, case_id: int, form: str) -> None:
        if form not in SALUTATION_FORMS:
            raise InvalidInput(f"A salutation is one of: {', '.join(SALUTATION_FORMS)}.")
        self.cf.cases.get(case_id)
        with self.cf.transaction():
            self.db.execute(
                "INSERT INTO letter_salutations(case_id, form, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(case_id) DO UPDATE SET form = excluded.form, "
                "updated_at = excluded.updated_at",
                (case_id, form, self._now()),
            )
            self.cf.log("letter_salutation.chosen", case_id, {"form": form})
