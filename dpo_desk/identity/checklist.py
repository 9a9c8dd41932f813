"""The paper/scanned identity document checklist the DPO fills in beside the scans.

Only what the verification record needs is kept: the document's type and issuing country, the
**last four characters** of its number (never more: the number itself is not needed to prove
that a check was done, and a full number is a valuable identifier to leak), its expiry date and
the yes/no observations. :func:`assess` suggests an outcome; the DPO decides.

Pure: ``today`` is a parameter; no case file, no clock. See ``docs/adr/0005-identity-copies.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from dpo_desk.core.errors import InvalidInput

__all__ = [
    "DOCUMENT_TYPES",
    "ITEM_LABELS",
    "OUTCOMES",
    "Assessment",
    "IdChecklist",
    "assess",
]

OUTCOMES: Final = ("verified", "more_information_needed", "failed")

DOCUMENT_TYPES: Final = {
    "passport": "passport",
    "national_id": "national identity card",
    "driving_licence": "driving licence",
    "residence_permit": "residence permit",
    "other": "other identity document",
}

ITEM_LABELS: Final = {
    "document_type": "the document type",
    "issuing_country": "the issuing country",
    "last4": "the last four characters of the document number",
    "expiry": "the expiry date",
    "name_matches": "whether the name matches the requester",
    "id_signed": "whether the ID copy bears the holder's signature",
    "signature_consistent": "whether the request letter's signature is consistent with the ID's",
    "address_matches": "whether the address matches",
}

#: Items the checklist cannot be "verified" without (the signature items when a signed copy is
#: required by the controller's policy).
_ALWAYS_NEEDED: Final = ("document_type", "issuing_country", "last4", "expiry", "name_matches")
_SIGNATURE_ITEMS: Final = ("id_signed", "signature_consistent")


@dataclass(frozen=True)
class IdChecklist:
    """What the DPO saw on an identity document copy. ``None`` means "not checked"."""

    document_type: str = ""
    issuing_country: str = ""  # ISO 3166-1 alpha-2, e.g. "KG"
    last4: str = ""  # the LAST FOUR characters of the document number, never more
    expiry: date | None = None
    name_matches: bool | None = None
    id_signed: bool | None = None
    signature_consistent: bool | None = None
    address_matches: bool | None = None

    def __post_init__(self) -> None:
        document_type = self.document_type.strip().lower()
        if document_type and document_type not in DOCUMENT_TYPES:
            raise InvalidInput(
                f"Unknown document type {self.document_type!r} (valid: {', '.join(DOCUMENT_TYPES)})."
            )
        country = self.issuing_country.strip().upper()
        if country and (len(country) != 2 or not country.isascii() or not country.isalpha()):
            raise InvalidInput(
                "The issuing country is a two-letter ISO code (e.g. KG, KZ, FR, RU)."
            )
        last4 = self.last4.strip().upper()
        if len(last4) > 4:
            raise InvalidInput(
                "Keep only the last four characters of the document number, not the whole number."
            )
        if last4 and not last4.isalnum():
            raise InvalidInput(
                "The last four characters of a document number are letters or digits."
            )
        object.__setattr__(self, "document_type", document_type)
        object.__setattr__(self, "issuing_country", country)
        object.__setattr__(self, "last4", last4)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_type": self.document_type,
            "issuing_country": self.issuing_country,
            "last4": self.last4,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "name_matches": self.name_matches,
            "id_signed": self.id_signed,
            "signature_consistent": self.signature_consistent,
            "address_matches": self.address_matches,
        }


@dataclass(frozen=True)
class Assessment:
    """The suggested outcome, with what speaks against it and what was not checked."""

    outcome: str  # verified | more_information_needed | failed
    warnings: tuple[str, ...]
    missing: tuple[str, ...]  # keys of ITEM_LABELS
    failures: tuple[str, ...] = ()  # the reasons for "failed", fit for a refusal letter

    @property
    def missing_labels(self) -> tuple[str, ...]:
        return tuple(ITEM_LABELS[item] for item in self.missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "warnings": list(self.warnings),
            "missing": list(self.missing),
            "failures": list(self.failures),
        }


def assess(
    checklist: IdChecklist, today: date, *, signed_copy_required: bool = False
) -> Assessment:
    """Suggest an outcome for a filled-in checklist, judged on ``today``.

    - **failed**: the name on the document is not the requester's. Nothing else suggests a
      refusal: a controller may refuse only when it cannot identify the subject (GDPR Art.
      11(2), 12(2)), so doubts lead to asking for more.
    - **more information needed**: an item is not checked, the document has expired, the copy
      is unsigned or its signature differs from the letter's (when a signed copy is required,
      or whenever the two were found inconsistent), or the address differs.
    - **verified**: everything needed was checked and nothing speaks against it.
    """
    warnings: list[str] = []
    failures: list[str] = []
    needed = _ALWAYS_NEEDED + (_SIGNATURE_ITEMS if signed_copy_required else ())
    values = checklist.to_dict()
    missing = tuple(item for item in needed if values[item] in (None, ""))
    doubts = bool(missing)
    if checklist.name_matches is False:
        failures.append("The name on the identity document is not the requester's name.")
    if checklist.expiry is not None and checklist.expiry < today:
        warnings.append(
            f"The identity document expired on {checklist.expiry.isoformat()}; ask for a valid one."
        )
        doubts = True
    if checklist.id_signed is False:
        warnings.append("The identity document copy bears no signature of its holder.")
        doubts = doubts or signed_copy_required
    if checklist.signature_consistent is False:
        warnings.append(
            "The request letter's signature is not consistent with the one on the identity "
            "document; ask for another proof."
        )
        doubts = True
    if checklist.address_matches is False:
        warnings.append("The address does not match the requester's address.")
        doubts = True
    if failures:
        outcome = "failed"
    elif doubts:
        outcome = "more_information_needed"
    else:
        outcome = "verified"
    return Assessment(outcome, tuple(warnings), missing, tuple(failures))
