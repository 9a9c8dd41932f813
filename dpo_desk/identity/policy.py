"""Identity verification policy per controller, judged against the controller's law(s).

A controller's :class:`~dpo_desk.core.model.VerificationPolicy` says which proofs it accepts
(``accepted``), whether it demands a signed ID copy for every request and how long ID copies are
kept. The laws say what a controller may ask for and when (``resources/identity_rules.toml``;
``docs/legal-notes.md`` §5-§9). This module compares the two:

- :func:`evaluate_policy` lists where the policy is stricter than a law allows (e.g. INFINITY's
  systematic demand for a signed ID copy under French law: décret 2019-536 art. 77 allows it
  only «lorsque la situation l'exige»; CNIL SAN-2020-008), plus inconsistencies in the policy.
- :func:`id_copy_warning` is the warning shown before an ID copy is stored for a controller
  under Kazakh law (94-V Art. 7(10) prohibits paper ID copies except in narrow cases).
- :func:`guidance` and :func:`describe_policy` give the per-jurisdiction text the DPO reads
  before asking for more proof.

Pure: no case file, no Qt, no clock. See ``docs/adr/0005-identity-copies.md``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from dpo_desk.core.errors import InvalidInput, KnownError
from dpo_desk.core.messages import Message
from dpo_desk.core.model import Controller, VerificationPolicy

__all__ = [
    "ID_COPY_METHODS",
    "RETENTIONS",
    "IdentityRulesError",
    "JurisdictionGuidance",
    "LimitText",
    "PolicyView",
    "PolicyWarning",
    "controller_guidance",
    "describe_policy",
    "evaluate_policy",
    "guidance",
    "id_copy_warning",
    "methods",
    "parse_identity_rules",
]

RETENTIONS: Final = ("on_close", "on_verified")
"""``VerificationPolicy.id_copy_retention``: destroy ID copies when the case closes, or as soon
as identity is settled."""

ID_COPY_METHODS: Final = frozenset({"signed_id_copy", "id_copy"})
"""Accepted methods that make the controller collect a copy of an identity document."""


class IdentityRulesError(KnownError):
    """``identity_rules.toml`` is malformed (a bug in the bundled data or in a DPO's edit)."""


@dataclass(frozen=True)
class PolicyWarning:
    """One way a controller's policy is stricter than its law allows, or is inconsistent."""

    code: str
    message: str
    citation: str
    jurisdiction: str = ""  # "" for a problem of the policy itself
    confidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "citation": self.citation,
            "jurisdiction": self.jurisdiction,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class LimitText:
    """How a law states one limit: the warning's text (with ``{controller}``) and its source."""

    message: str
    citation: str
    confidence: str


@dataclass(frozen=True)
class JurisdictionGuidance:
    """What one law expects as identity proof and when more may be asked."""

    code: str
    name: str
    guidance: str
    ask_for_more: str
    pause: str
    citation: str
    confidence: str
    request_details: tuple[str, ...] = ()
    limits: tuple[tuple[str, LimitText], ...] = ()

    def limit(self, code: str) -> LimitText | None:
        return dict(self.limits).get(code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "guidance": self.guidance,
            "ask_for_more": self.ask_for_more,
            "pause": self.pause,
            "citation": self.citation,
            "confidence": self.confidence,
            "request_details": list(self.request_details),
        }


@dataclass(frozen=True)
class IdentityRules:
    methods: tuple[tuple[str, str], ...]
    jurisdictions: tuple[JurisdictionGuidance, ...]

    def find(self, code: str) -> JurisdictionGuidance | None:
        """The entry for ``code``; ``UK-ENG`` and the other UK nations use ``UK``."""
        wanted = code.strip().upper()
        by_code = {j.code: j for j in self.jurisdictions}
        if wanted in by_code:
            return by_code[wanted]
        return by_code.get(wanted.split("-", 1)[0])


@dataclass(frozen=True)
class PolicyView:
    """A controller's verification policy, its law's guidance and the warnings, for display."""

    controller: str
    name: str
    jurisdictions: tuple[str, ...]
    accepted: tuple[tuple[str, str], ...]  # (method, description)
    requires_signed_id_copy: bool
    id_copy_retention: str
    guidance: tuple[JurisdictionGuidance, ...]
    warnings: tuple[PolicyWarning, ...]
    id_copy_warning: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "controller": self.controller,
            "name": self.name,
            "jurisdictions": list(self.jurisdictions),
            "accepted": [{"method": m, "description": d} for m, d in self.accepted],
            "requires_signed_id_copy": self.requires_signed_id_copy,
            "id_copy_retention": self.id_copy_retention,
            "guidance": [g.to_dict() for g in self.guidance],
            "warnings": [w.to_dict() for w in self.warnings],
            "id_copy_warning": self.id_copy_warning,
        }


# --- when a limit is broken ------------------------------------------------------------------


def _collects_id_copies(policy: VerificationPolicy) -> bool:
    return policy.requires_signed_id_copy or bool(ID_COPY_METHODS & set(policy.accepted))


def _systematic_id_copy(policy: VerificationPolicy) -> bool:
    """A copy is demanded for every request: by the flag, or because it is the only proof."""
    accepted = set(policy.accepted)
    return policy.requires_signed_id_copy or (bool(accepted) and accepted <= ID_COPY_METHODS)


LIMITS: Final[Mapping[str, Callable[[VerificationPolicy], bool]]] = {
    "systematic_id_copy": _systematic_id_copy,
    "id_copy_retention": lambda p: _collects_id_copies(p) and p.id_copy_retention != "on_verified",
    "no_paper_id_copy": _collects_id_copies,
    "electronic_signature_not_accepted": lambda p: "electronic_signature" not in p.accepted,
}
"""Limit code -> "the policy breaks it". The texts and citations live in the TOML."""


# --- the rules file --------------------------------------------------------------------------


def _text(where: str, table: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise IdentityRulesError(f"identity_rules.toml: {where} needs a text '{key}'.")
    return " ".join(value.split())


def parse_identity_rules(text: str) -> IdentityRules:
    """Parse and check ``identity_rules.toml`` (every limit code must be one the code knows)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise IdentityRulesError(f"identity_rules.toml is not valid TOML: {exc}.") from None
    raw_methods = data.get("methods")
    if not isinstance(raw_methods, dict) or not raw_methods:
        raise IdentityRulesError("identity_rules.toml: [methods] is missing.")
    methods = tuple((str(k), _text(f"method {k}", raw_methods, k)) for k in raw_methods)
    entries = []
    raw_jurisdictions = data.get("jurisdiction")
    if not isinstance(raw_jurisdictions, dict) or not raw_jurisdictions:
        raise IdentityRulesError("identity_rules.toml: no [jurisdiction.*] entry.")
    for code, table in raw_jurisdictions.items():
        where = f"[jurisdiction.{code}]"
        if not isinstance(table, dict):
            raise IdentityRulesError(f"identity_rules.toml: {where} is not a table.")
        limits = []
        for limit_code, limit in (table.get("limit") or {}).items():
            if limit_code not in LIMITS:
                raise IdentityRulesError(
                    f"identity_rules.toml: {where} has an unknown limit '{limit_code}' "
                    f"(known: {', '.join(sorted(LIMITS))})."
                )
            lwhere = f"{where} limit {limit_code}"
            limits.append(
                (
                    str(limit_code),
                    LimitText(
                        _text(lwhere, limit, "message"),
                        _text(lwhere, limit, "citation"),
                        _text(lwhere, limit, "confidence"),
                    ),
                )
            )
        details = table.get("request_details", [])
        if not isinstance(details, list) or not all(isinstance(d, str) for d in details):
            raise IdentityRulesError(f"identity_rules.toml: {where} request_details is a list.")
        entries.append(
            JurisdictionGuidance(
                code=str(code).upper(),
                name=_text(where, table, "name"),
                guidance=_text(where, table, "guidance"),
                ask_for_more=_text(where, table, "ask_for_more"),
                pause=_text(where, table, "pause"),
                citation=_text(where, table, "citation"),
                confidence=_text(where, table, "confidence"),
                request_details=tuple(" ".join(d.split()) for d in details),
                limits=tuple(limits),
            )
        )
    return IdentityRules(methods, tuple(entries))


@cache
def _rules() -> IdentityRules:
    from dpo_desk import resources

    return parse_identity_rules(resources.path("identity_rules.toml").read_text(encoding="utf-8"))


# --- public API ------------------------------------------------------------------------------


def methods() -> dict[str, str]:
    """Identity proofs a policy may accept: method -> description."""
    return dict(_rules().methods)


def guidance(code: str) -> JurisdictionGuidance:
    """What the law of ``code`` (``FR``, ``KZ``, ``UK-ENG``, ...) says about identity proof."""
    found = _rules().find(code)
    if found is None:
        known = ", ".join(j.code for j in _rules().jurisdictions)
        raise InvalidInput(f"No identity rules for jurisdiction {code!r} (known: {known}).")
    return found


def evaluate_policy(controller: Controller) -> list[PolicyWarning]:
    """Where ``controller``'s verification policy is stricter than its laws allow, or broken.

    Each law the controller is under is checked on its own (INFINITY: Kyrgyz and French law);
    problems of the policy itself (an unknown method, no method at all) come first.
    """
    policy = controller.verification
    name = controller.name or controller.slug
    warnings: list[PolicyWarning] = []
    known = methods()
    if not policy.accepted:
        warnings.append(
            PolicyWarning(
                "no_accepted_method",
                Message(
                    "{controller} accepts no identity proof at all: add at least one "
                    "(e.g. account_match).",
                    controller=name,
                ),
                "",
            )
        )
    for method in policy.accepted:
        if method not in known:
            warnings.append(
                PolicyWarning(
                    "unknown_method",
                    Message(
                        "{controller} accepts an unknown identity proof {method} (known: {known}).",
                        controller=name,
                        method=repr(method),
                        known=", ".join(known),
                    ),
                    "",
                )
            )
    if policy.requires_signed_id_copy and "signed_id_copy" not in policy.accepted:
        warnings.append(
            PolicyWarning(
                "signed_copy_not_accepted",
                Message(
                    "{controller} requires a signed ID copy but does not list signed_id_copy "
                    "among the proofs it accepts.",
                    controller=name,
                ),
                "",
            )
        )
    if policy.id_copy_retention not in RETENTIONS:
        warnings.append(
            PolicyWarning(
                "unknown_retention",
                Message(
                    "{controller} keeps ID copies {retention}; the choices are {choices} "
                    "(treated as on_close).",
                    controller=name,
                    retention=repr(policy.id_copy_retention),
                    choices=" or ".join(RETENTIONS),
                ),
                "",
            )
        )
    if not controller.jurisdictions:
        warnings.append(
            PolicyWarning(
                "no_jurisdiction",
                Message(
                    "{controller} has no jurisdiction: its policy cannot be checked against a law.",
                    controller=name,
                ),
                "",
            )
        )
    for code in controller.jurisdictions:
        entry = _rules().find(code)
        if entry is None:
            warnings.append(
                PolicyWarning(
                    "no_identity_rules",
                    Message(
                        "DPO Desk has no identity rules for {jurisdiction}: check {controller}'s "
                        "policy by hand.",
                        jurisdiction=code,
                        controller=name,
                    ),
                    "",
                    code,
                )
            )
            continue
        for limit_code, limit in entry.limits:
            if LIMITS[limit_code](policy):
                warnings.append(
                    PolicyWarning(
                        limit_code,
                        Message.from_data(limit.message, controller=name),
                        limit.citation,
                        entry.code,
                        limit.confidence,
                    )
                )
    return warnings


def id_copy_warning(controller: Controller) -> str | None:
    """The warning to show (and have confirmed) before an ID copy is stored, or ``None``."""
    for code in controller.jurisdictions:
        entry = _rules().find(code)
        limit = entry.limit("no_paper_id_copy") if entry else None
        if limit is not None:
            name = controller.name or controller.slug
            return Message(
                "{warning} [{citation}]",
                warning=Message.from_data(limit.message, controller=name),
                citation=limit.citation,
            )
    return None


def controller_guidance(controller: Controller) -> list[JurisdictionGuidance]:
    """The guidance of each law the controller is under (once each; unknown codes skipped)."""
    entries: list[JurisdictionGuidance] = []
    for code in controller.jurisdictions:
        entry = _rules().find(code)
        if entry is not None and entry not in entries:
            entries.append(entry)
    return entries


def describe_policy(controller: Controller) -> PolicyView:
    """The controller's policy with the guidance of each of its laws and the warnings."""
    known = methods()
    policy = controller.verification
    entries = controller_guidance(controller)
    return PolicyView(
        controller=controller.slug,
        name=controller.name,
        jurisdictions=tuple(controller.jurisdictions),
        accepted=tuple((m, known.get(m, "unknown proof")) for m in policy.accepted),
        requires_signed_id_copy=policy.requires_signed_id_copy,
        id_copy_retention=policy.id_copy_retention,
        guidance=tuple(entries),
        warnings=tuple(evaluate_policy(controller)),
        id_copy_warning=id_copy_warning(controller),
    )
