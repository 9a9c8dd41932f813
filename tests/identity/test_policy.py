"""Verification policies judged against the controllers' laws (identity_rules.toml)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dpo_desk import resources
from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import Controller, VerificationPolicy
from dpo_desk.core.rules import default_rulebook
from dpo_desk.demo import CONTROLLERS
from dpo_desk.identity.policy import (
    IdentityRulesError,
    describe_policy,
    evaluate_policy,
    guidance,
    id_copy_warning,
    methods,
    parse_identity_rules,
)

DEMO = {c.slug: c for c in CONTROLLERS}


def codes(controller: Controller) -> list[tuple[str, str]]:
    return [(w.code, w.jurisdiction) for w in evaluate_policy(controller)]


def test_infinity_systematic_signed_id_copy_is_stricter_than_french_law() -> None:
    warnings = evaluate_policy(DEMO["infinity"])
    assert [(w.code, w.jurisdiction) for w in warnings] == [("systematic_id_copy", "FR")]
    (warning,) = warnings
    assert "INFINITY" in warning.message
    assert "lorsque la situation l'exige" in warning.message
    assert "décret n° 2019-536 art. 77" in warning.citation
    assert "SAN-2020-008" in warning.citation
    assert warning.confidence


def test_the_other_demo_controllers() -> None:
    # Infini (KZ) accepts EDS, account match and registered email, destroys copies on_verified.
    assert codes(DEMO["infini"]) == []
    # BACKGROUND MUSIC (RU) refuses electronically signed requests that 152-FZ Art. 14(3) allows.
    [(code, where)] = codes(DEMO["backgroundmusic"])
    assert (code, where) == ("electronic_signature_not_accepted", "RU")
    assert "152-FZ Art. 14(3)" in evaluate_policy(DEMO["backgroundmusic"])[0].citation
    # ASTRUM OYUN (KG): the law sets no identity rule; company policy governs.
    assert codes(DEMO["astrum-oyun"]) == []


def test_kazakh_controller_gets_the_id_copy_warning_and_no_one_else() -> None:
    text = id_copy_warning(DEMO["infini"])
    assert text is not None
    assert "Infini" in text and "94-V Art. 7(10)" in text
    assert "EDS" in text
    for slug in ("infinity", "backgroundmusic", "astrum-oyun"):
        assert id_copy_warning(DEMO[slug]) is None


def test_kazakh_controller_that_collects_id_copies_is_warned() -> None:
    collecting = replace(
        DEMO["infini"],
        verification=VerificationPolicy(accepted=("account_match", "signed_id_copy")),
    )
    assert ("no_paper_id_copy", "KZ") in codes(collecting)
    assert ("electronic_signature_not_accepted", "KZ") in codes(collecting)


def test_french_retention_until_close_is_flagged_and_an_only_copy_policy_is_systematic() -> None:
    french = Controller(
        id=None,
        slug="shop-fr",
        name="Shop FR",
        jurisdictions=("FR",),
        verification=VerificationPolicy(accepted=("id_copy",), id_copy_retention="on_close"),
    )
    assert codes(french) == [("systematic_id_copy", "FR"), ("id_copy_retention", "FR")]


def test_uk_nations_use_the_uk_rules() -> None:
    uk = Controller(
        id=None,
        slug="uk",
        name="UK Ltd",
        jurisdictions=("UK-ENG", "UK-SCT"),
        verification=VerificationPolicy(accepted=("signed_id_copy",), requires_signed_id_copy=True),
    )
    assert codes(uk) == [("systematic_id_copy", "UK"), ("systematic_id_copy", "UK")]
    assert guidance("uk-eng").code == "UK"
    assert "restart" in guidance("UK-NIR").pause
    assert len(describe_policy(uk).guidance) == 1


def test_inconsistent_policies_are_reported() -> None:
    broken = Controller(
        id=None,
        slug="odd",
        name="Odd",
        jurisdictions=("DE",),
        verification=VerificationPolicy(
            accepted=("telepathy",), id_copy_retention="forever", requires_signed_id_copy=True
        ),
    )
    assert codes(broken) == [
        ("unknown_method", ""),
        ("signed_copy_not_accepted", ""),
        ("unknown_retention", ""),
        ("no_identity_rules", "DE"),
    ]
    empty = Controller(
        id=None, slug="none", name="None", verification=VerificationPolicy(accepted=())
    )
    assert codes(empty) == [("no_accepted_method", ""), ("no_jurisdiction", "")]


def test_guidance_per_jurisdiction() -> None:
    russian = guidance("RU")
    assert len(russian.request_details) == 4
    assert any("date of issue" in d for d in russian.request_details)
    assert "reasoned refusal" in russian.ask_for_more
    assert "EDS" in guidance("KZ").guidance
    assert "policy governs" in guidance("KG").guidance
    assert "restart" in guidance("UK").pause
    assert "suspended" in guidance("FR").pause
    with pytest.raises(InvalidInput, match="No identity rules"):
        guidance("XX")


def test_every_deadline_jurisdiction_has_identity_rules() -> None:
    for code in default_rulebook().codes:
        assert guidance(code).citation, code


def test_describe_policy_lists_accepted_proofs_guidance_and_warnings() -> None:
    view = describe_policy(DEMO["infinity"])
    assert [m for m, _ in view.accepted] == ["signed_id_copy", "account_match"]
    assert [g.code for g in view.guidance] == ["KG", "FR"]
    data = view.to_dict()
    assert data["warnings"][0]["code"] == "systematic_id_copy"
    assert data["id_copy_retention"] == "on_verified"
    assert set(methods()) >= {"account_match", "registered_email", "electronic_signature"}


def test_rules_file_is_checked() -> None:
    text = resources.path("identity_rules.toml").read_text(encoding="utf-8")
    assert parse_identity_rules(text).find("FR") is not None
    bad = text + '\n[jurisdiction.XX]\nname = "X"\nguidance = "g"\nask_for_more = "a"\n'
    bad += 'pause = "p"\ncitation = "c"\nconfidence = "L"\n[jurisdiction.XX.limit.made_up]\n'
    bad += 'message = "m"\ncitation = "c"\nconfidence = "L"\n'
    with pytest.raises(IdentityRulesError, match="unknown limit 'made_up'"):
        parse_identity_rules(bad)
    with pytest.raises(IdentityRulesError, match="not valid TOML"):
        parse_identity_rules("[methods")
    with pytest.raises(IdentityRulesError, match="needs a text 'guidance'"):
        parse_identity_rules('[methods]\na = "b"\n[jurisdiction.XX]\nname = "X"\n')
