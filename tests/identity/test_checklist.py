"""The paper/scanned ID checklist: validation and the suggested outcome."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import date

import pytest

from dpo_desk.core.errors import InvalidInput
from dpo_desk.identity.checklist import IdChecklist, assess

TODAY = date(2026, 3, 10)

COMPLETE = IdChecklist(
    document_type="passport",
    issuing_country="kg",
    last4="a12b",
    expiry=date(2030, 1, 31),
    name_matches=True,
    id_signed=True,
    signature_consistent=True,
    address_matches=True,
)


@pytest.mark.parametrize("number", ["12345", "AN1234567", " 123456 "])
def test_more_than_four_characters_of_the_number_are_refused(number: str) -> None:
    with pytest.raises(InvalidInput, match="last four characters"):
        IdChecklist(last4=number)


def test_values_are_normalised() -> None:
    assert COMPLETE.last4 == "A12B"
    assert COMPLETE.issuing_country == "KG"
    assert IdChecklist(document_type=" Passport ", last4=" 12 ").to_dict()["last4"] == "12"
    assert IdChecklist(document_type=" Passport ").document_type == "passport"
    with pytest.raises(FrozenInstanceError):
        COMPLETE.last4 = "9999"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("last4", "12-4", "letters or digits"),
        ("document_type", "library card", "Unknown document type"),
        ("issuing_country", "KGZ", "two-letter"),
        ("issuing_country", "K1", "two-letter"),
    ],
)
def test_invalid_entries(field: str, value: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        IdChecklist(**{field: value})


def test_a_complete_checklist_suggests_verified() -> None:
    result = assess(COMPLETE, TODAY, signed_copy_required=True)
    assert (result.outcome, result.warnings, result.missing) == ("verified", (), ())


def test_expired_document_warns_and_asks_for_more() -> None:
    result = assess(replace(COMPLETE, expiry=date(2026, 3, 9)), TODAY)
    assert result.outcome == "more_information_needed"
    assert result.warnings == ("The identity document expired on 2026-03-09; ask for a valid one.",)
    # the expiry day itself is still valid
    assert assess(replace(COMPLETE, expiry=TODAY), TODAY).outcome == "verified"


def test_name_mismatch_suggests_failed_with_a_reason_for_the_refusal() -> None:
    result = assess(replace(COMPLETE, name_matches=False), TODAY)
    assert result.outcome == "failed"
    assert result.failures == ("The name on the identity document is not the requester's name.",)


def test_missing_items_are_listed_and_signature_items_only_when_required() -> None:
    result = assess(IdChecklist(document_type="national_id", last4="0042"), TODAY)
    assert result.outcome == "more_information_needed"
    assert result.missing == ("issuing_country", "expiry", "name_matches")
    assert "the expiry date" in result.missing_labels
    required = assess(IdChecklist(document_type="national_id"), TODAY, signed_copy_required=True)
    assert required.missing[-2:] == ("id_signed", "signature_consistent")


def test_signature_and_address_doubts() -> None:
    inconsistent = assess(replace(COMPLETE, signature_consistent=False), TODAY)
    assert inconsistent.outcome == "more_information_needed"
    assert "not consistent" in inconsistent.warnings[0]
    unsigned = replace(COMPLETE, id_signed=False)
    assert assess(unsigned, TODAY).outcome == "verified"  # only a warning by default
    assert assess(unsigned, TODAY).warnings
    assert assess(unsigned, TODAY, signed_copy_required=True).outcome == "more_information_needed"
    moved = assess(replace(COMPLETE, address_matches=False), TODAY)
    assert moved.outcome == "more_information_needed"
    assert moved.to_dict()["warnings"] == ["The address does not match the requester's address."]
