"""Letter templates: loading, placeholders, sandboxed substitution, dates, authorities.

Templates are TOML data under ``resources/letters/<lang>/<kind>.toml`` (see the README there); a
controller may override one with TOML text stored in its case file. Substitution is a small
explicit regex pass: a placeholder is ``{name}`` where ``name`` is a plain identifier from a fixed
whitelist for the letter kind. Attribute access (``{case.__class__}``), indexes (``{0}``,
``{x[0]}``), conversions (``{x!r}``) and format specs (``{x:>10}``) are refused with a
``TemplateError`` that names the offending text; ``str.format`` is never called on a template.
Inserted values are not scanned again, so a value cannot smuggle in a placeholder.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from dpo_desk import resources
from dpo_desk.core.errors import TemplateError
from dpo_desk.core.model import LetterKind, RequestKind

LANGUAGES: tuple[str, ...] = ("en", "ru", "fr", "kk", "ky")
MAX_OVERRIDE_CHARS = 100_000

# --- which placeholders a kind may use -----------------------------------------------------------

COMMON_PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "recipient_name",
        "subject_name",
        "reference",
        "letter_date",
        "received_date",
        "request_kinds",
        "controller_name",
        "controller_legal_entity",
        "controller_address",
        "dpo_contact",
        "account_ref",
        "signatory_name",
        "signatory_title",
    }
)

#: Values the composer fills directly from the letter input, per kind.
KIND_VALUES: Mapping[LetterKind, frozenset[str]] = MappingProxyType(
    {
        LetterKind.ACKNOWLEDGEMENT: frozenset({"due_date", "deadline_citation"}),
        LetterKind.IDENTITY_REQUEST: frozenset(
            {"identity_doubt", "clarification", "identity_means"}
        ),
        LetterKind.EXTENSION_NOTICE: frozenset(
            {"due_date", "extended_due", "extension_reasons", "deadline_citation"}
        ),
        LetterKind.ACCESS_RESPONSE: frozenset(
            {
                "purposes",
                "categories",
                "recipients",
                "retention",
                "sources",
                "transfers",
                "authority_name",
                "authority_contact",
            }
        ),
        LetterKind.ACTION_CONFIRMATION: frozenset(),
        LetterKind.REFUSAL: frozenset(
            {"refusal_reasons", "legal_ground", "authority_name", "authority_contact"}
        ),
    }
)

#: Paragraphs the composer builds from the template's ``[parts]``, per kind.
KIND_DERIVED: Mapping[LetterKind, frozenset[str]] = MappingProxyType(
    {
        LetterKind.ACKNOWLEDGEMENT: frozenset({"deadline_paragraph"}),
        LetterKind.IDENTITY_REQUEST: frozenset(
            {
                "doubt_paragraph",
                "means_paragraph",
                "clarification_paragraph",
                "clock_paragraph",
                "channels_paragraph",
            }
        ),
        LetterKind.EXTENSION_NOTICE: frozenset(),
        # transfers_paragraph: kept for overrides written before the per-language profile
        LetterKind.ACCESS_RESPONSE: frozenset(
            {
                "transfers_paragraph",
                "complaint_paragraph",
                "profile_paragraphs",
                "rights_paragraph",
                "basis_paragraph",
            }
        ),
        LetterKind.ACTION_CONFIRMATION: frozenset({"action_paragraphs"}),
        LetterKind.REFUSAL: frozenset({"complaint_paragraph", "refusal_law_paragraph"}),
    }
)

#: Request kinds an action confirmation can confirm (one ``action_<kind>`` part each).
ACTION_KINDS: tuple[RequestKind, ...] = (
    RequestKind.RECTIFICATION,
    RequestKind.ERASURE,
    RequestKind.RESTRICTION,
    RequestKind.OBJECTION,
    RequestKind.OBJECTION_AUTOMATED,
    RequestKind.STOP_PROCESSING,
    RequestKind.CONSENT_WITHDRAWAL,
    RequestKind.CONSENT_WITHDRAWAL_DESTROY,
    RequestKind.MARKETING_OPT_OUT,
    RequestKind.UNLAWFUL_PROCESSING_STOP,
    RequestKind.PORTABILITY,
)

REQUIRED_PARTS: Mapping[LetterKind, frozenset[str]] = MappingProxyType(
    {
        LetterKind.ACKNOWLEDGEMENT: frozenset(
            {"deadline_statutory", "deadline_internal", "deadline_unknown"}
        ),
        LetterKind.IDENTITY_REQUEST: frozenset(
            {
                "doubt",
                "means",
                "clarification",
                "clock_suspended",
                "clock_suspended_fr",
                "clock_restart",
                "clock_none",
                "channels_post",
                "channels_email",
                "channels_any",
            }
        ),
        LetterKind.EXTENSION_NOTICE: frozenset(),
        LetterKind.ACCESS_RESPONSE: frozenset({"complaint", "complaint_generic"}),
        LetterKind.ACTION_CONFIRMATION: frozenset(f"action_{k.value}" for k in ACTION_KINDS),
        LetterKind.REFUSAL: frozenset({"complaint", "complaint_generic"}),
    }
)

#: Parts where a placeholder must never appear (an internal target is never cited as law).
FORBIDDEN_IN_PART: Mapping[tuple[LetterKind, str], frozenset[str]] = MappingProxyType(
    {
        (LetterKind.ACKNOWLEDGEMENT, "deadline_internal"): frozenset({"deadline_citation"}),
        (LetterKind.ACKNOWLEDGEMENT, "deadline_unknown"): frozenset({"deadline_citation"}),
    }
)


def part_placeholders(kind: LetterKind) -> frozenset[str]:
    """Names a ``[parts]`` paragraph of this kind may use (no derived paragraphs)."""
    return COMMON_PLACEHOLDERS | KIND_VALUES[kind]


def allowed_placeholders(kind: LetterKind) -> frozenset[str]:
    """Names the subject and body of this kind may use."""
    return part_placeholders(kind) | KIND_DERIVED[kind]


# --- the sandboxed renderer ---------------------------------------------------------------------

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


def _tokens(text: str, where: str) -> Iterable[tuple[re.Match[str], str | None]]:
    """Yield each brace token with its placeholder name (None for an escaped brace)."""
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok in ("{{", "}}"):
            yield m, None
            continue
        inner = m.group(1)
        if inner is None:
            raise TemplateError(
                f"Unbalanced brace '{tok}' in {where}: write '{{{{' or '}}}}' for a literal brace."
            )
        if not _NAME.fullmatch(inner):
            raise TemplateError(
                f"Placeholder '{tok}' in {where} is not allowed: only plain names such as "
                "{reference} may be used (no attributes, indexes, conversions or formats)."
            )
        yield m, inner


def scan_placeholders(text: str, where: str = "the template") -> tuple[str, ...]:
    """The placeholder names in ``text``, in order of first use; refuses anything but ``{name}``."""
    seen: dict[str, None] = {}
    for _, name in _tokens(text, where):
        if name is not None:
            seen.setdefault(name)
    return tuple(seen)


def substitute(
    text: str,
    values: Mapping[str, str],
    allowed: frozenset[str] | None = None,
    where: str = "the template",
) -> str:
    """Replace ``{name}`` placeholders with ``values[name]``; nothing else is interpreted.

    ``allowed`` (default: the keys of ``values``) is the whitelist; a name outside it raises
    ``TemplateError`` naming it. Values are inserted verbatim and never scanned again, except
    that a value ending in a full stop right before the template's own full stop gives one.
    """
    permitted = frozenset(values) if allowed is None else allowed
    out: list[str] = []
    pos = 0
    for m, name in _tokens(text, where):
        out.append(text[pos : m.start()])
        pos = m.end()
        if name is None:
            out.append(m.group(0)[0])
            continue
        if name not in permitted:
            raise TemplateError(f"Unknown placeholder {{{name}}} in {where}.")
        if name not in values:
            raise TemplateError(f"No value for placeholder {{{name}}} in {where}.")
        value = values[name]
        if value.endswith(".") and not value.endswith("..") and text.startswith(".", pos):
            # an abbreviation's full stop ("16 марта 2026 г.", "Ltd.") also ends the sentence
            value = value[:-1]
        out.append(value)
    out.append(text[pos:])
    return "".join(out)


# --- templates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterTemplate:
    kind: LetterKind
    language: str
    subject: str
    body: str
    parts: Mapping[str, str]
    needs_legal_review: bool
    review_note: str = ""
    salutation: str | None = None  # None: the language's labels.toml provides it
    closing: str | None = None
    source: str = "bundled"  # or "override"

    def sections(self) -> dict[str, str]:
        """Every text of the template by section name (``subject``, ``body``, ``parts.x``)."""
        out = {"subject": self.subject, "body": self.body}
        for key, text in self.parts.items():
            out[f"parts.{key}"] = text
        if self.salutation is not None:
            out["salutation"] = self.salutation
        if self.closing is not None:
            out["closing"] = self.closing
        return out


@dataclass(frozen=True)
class TemplateFlags:
    needs_legal_review: bool
    review_note: str
    source: str


_TEMPLATE_KEYS = frozenset(
    {"needs_legal_review", "review_note", "subject", "body", "parts", "salutation", "closing"}
)


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise TemplateError(
            f"No letter templates in language '{language}' (available: {', '.join(LANGUAGES)})."
        )
    return language


def _parse_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{where} is not valid TOML: {exc}.") from None


def _check_fields(data: Mapping[str, Any], where: str) -> None:
    unknown = sorted(set(data) - _TEMPLATE_KEYS)
    if unknown:
        raise TemplateError(f"Unknown key(s) in {where}: {', '.join(unknown)}.")
    for key in ("review_note", "subject", "body", "salutation", "closing"):
        if key in data and not isinstance(data[key], str):
            raise TemplateError(f"'{key}' in {where} must be text.")
    if "needs_legal_review" in data and not isinstance(data["needs_legal_review"], bool):
        raise TemplateError(f"'needs_legal_review' in {where} must be true or false.")
    parts = data.get("parts", {})
    if not isinstance(parts, dict) or not all(isinstance(v, str) for v in parts.values()):
        raise TemplateError(f"'[parts]' in {where} must map names to text.")


@functools.cache
def bundled_template(kind: LetterKind, language: str) -> LetterTemplate:
    """The template shipped with DPO Desk for this kind and language."""
    kind = LetterKind(kind)
    _check_language(language)
    path = resources.path("letters", language, f"{kind.value}.toml")
    where = f"the bundled {language} {kind.value} template"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(f"Missing {where} ({path.name}).") from None
    data = _parse_toml(text, where)
    _check_fields(data, where)
    for key in ("subject", "body"):
        if key not in data:
            raise TemplateError(f"'{key}' is missing from {where}.")
    tpl = LetterTemplate(
        kind=kind,
        language=language,
        subject=data["subject"].strip(),
        body=data["body"].strip(),
        parts=MappingProxyType({k: v.strip() for k, v in data.get("parts", {}).items()}),
        needs_legal_review=bool(data.get("needs_legal_review", False)),
        review_note=data.get("review_note", ""),
        salutation=data.get("salutation"),
        closing=data.get("closing"),
    )
    validate_template(tpl)
    return tpl


def load_template(kind: LetterKind, language: str, override: str | None = None) -> LetterTemplate:
    """The bundled template, with a controller's override (TOML text) laid over it.

    Keys present in the override replace the bundled ones; ``[parts]`` entries replace single
    parts. An override that says nothing about ``needs_legal_review`` keeps the bundled flag.
    """
    base = bundled_template(LetterKind(kind), language)
    if override is None:
        return base
    if len(override) > MAX_OVERRIDE_CHARS:
        raise TemplateError(
            f"The template override is too long ({len(override)} characters; "
            f"at most {MAX_OVERRIDE_CHARS})."
        )
    where = f"the {language} {base.kind.value} template override"
    data = _parse_toml(override, where)
    _check_fields(data, where)
    parts = dict(base.parts)
    parts.update({k: v.strip() for k, v in data.get("parts", {}).items()})
    tpl = LetterTemplate(
        kind=base.kind,
        language=language,
        subject=data.get("subject", base.subject).strip(),
        body=data.get("body", base.body).strip(),
        parts=MappingProxyType(parts),
        needs_legal_review=bool(data.get("needs_legal_review", base.needs_legal_review)),
        review_note=data.get("review_note", base.review_note),
        salutation=data.get("salutation", base.salutation),
        closing=data.get("closing", base.closing),
        source="override",
    )
    validate_template(tpl)
    return tpl


def template_placeholders(tpl: LetterTemplate) -> dict[str, frozenset[str]]:
    """Placeholder names per section of a template (what the same-placeholders test compares)."""
    return {
        section: frozenset(scan_placeholders(text, f"{section} of the {tpl.language} template"))
        for section, text in tpl.sections().items()
    }


def list_placeholders(
    kind: LetterKind, language: str, override: str | None = None
) -> tuple[str, ...]:
    """Every placeholder a template uses, sorted (for the editor's help panel)."""
    found: set[str] = set()
    for names in template_placeholders(load_template(kind, language, override)).values():
        found |= names
    return tuple(sorted(found))


def validate_template(tpl: LetterTemplate) -> None:
    """Raise ``TemplateError`` unless every section uses only the names allowed for its kind."""
    kind = tpl.kind
    missing = sorted(REQUIRED_PARTS[kind] - set(tpl.parts))
    if missing:
        raise TemplateError(
            f"The {tpl.language} {kind.value} template lacks the part(s): {', '.join(missing)}."
        )
    for section, text in tpl.sections().items():
        where = f"{section} of the {tpl.language} {kind.value} template"
        if section.startswith("parts."):
            allowed = part_placeholders(kind)
            forbidden = FORBIDDEN_IN_PART.get((kind, section[len("parts.") :]), frozenset())
        else:
            allowed = allowed_placeholders(kind)
            forbidden = frozenset()
        for name in scan_placeholders(text, where):
            if name in forbidden:
                raise TemplateError(
                    f"{{{name}}} may not appear in {where}: an internal target is never cited "
                    "as law."
                )
            if name not in allowed:
                raise TemplateError(f"Unknown placeholder {{{name}}} in {where}.")


def template_flags(kind: LetterKind, language: str, override: str | None = None) -> TemplateFlags:
    """Whether the template still needs a legal review (shown to the DPO until cleared)."""
    tpl = load_template(kind, language, override)
    return TemplateFlags(tpl.needs_legal_review, tpl.review_note, tpl.source)


# --- labels -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Labels:
    """Per-language page furniture and phrases (``resources/letters/<lang>/labels.toml``)."""

    language: str
    needs_legal_review: bool
    language_name: str
    page_of: str
    and_word: str
    our_reference: str
    your_request_of: str
    date: str
    enclosures: str
    dpo: str
    registration_no: str
    none_recorded: str
    applicable_law: str
    authority_contact: str
    salutation: str
    closing: str
    kind_titles: Mapping[str, str]
    request_kinds: Mapping[str, str]
    identity_means: Mapping[str, str]
    salutation_m: str = ""
    salutation_f: str = ""
    closing_m: str = ""
    closing_f: str = ""
    profile_items: Mapping[str, str] = field(default_factory=dict)

    def salutation_for(self, form: str) -> str:
        """The salutation for a form ("m", "f"; anything else: the neutral one)."""
        chosen = {"m": self.salutation_m, "f": self.salutation_f}.get(form, "")
        return chosen or self.salutation

    def closing_for(self, form: str) -> str:
        chosen = {"m": self.closing_m, "f": self.closing_f}.get(form, "")
        return chosen or self.closing

    def page_label(self, page: int, pages: int) -> str:
        return substitute(
            self.page_of, {"page": str(page), "pages": str(pages)}, where="page_of label"
        )

    def kind_title(self, kind: LetterKind) -> str:
        return self.kind_titles[LetterKind(kind).value]

    def request_kind(self, kind: RequestKind | str) -> str:
        return self.request_kinds.get(str(kind), str(kind).replace("_", " "))

    def identity_mean(self, key: str) -> str:
        """A known identity means in this language, or the DPO's own wording as given."""
        return self.identity_means.get(key, key)

    def join(self, items: Iterable[str]) -> str:
        """``a``, ``a and b``, ``a, b and c`` in this language."""
        seq = [i for i in items if i]
        if len(seq) <= 1:
            return "".join(seq)
        return f"{', '.join(seq[:-1])} {self.and_word} {seq[-1]}"


_LABEL_TABLES = ("kind_titles", "request_kinds", "identity_means")
_LABEL_TEXTS = (
    "language_name",
    "page_of",
    "and",
    "our_reference",
    "your_request_of",
    "date",
    "enclosures",
    "dpo",
    "registration_no",
    "none_recorded",
    "applicable_law",
    "authority_contact",
    "salutation",
    "closing",
)


@functools.cache
def labels(language: str) -> Labels:
    _check_language(language)
    where = f"the {language} labels"
    data = _parse_toml(
        resources.path("letters", language, "labels.toml").read_text(encoding="utf-8"), where
    )
    for key in _LABEL_TEXTS:
        if not isinstance(data.get(key), str):
            raise TemplateError(f"'{key}' is missing from {where}.")
    for key in _LABEL_TABLES:
        if not isinstance(data.get(key), dict):
            raise TemplateError(f"'[{key}]' is missing from {where}.")
    substitute(data["page_of"], {"page": "1", "pages": "1"}, where=f"page_of in {where}")
    substitute(data["authority_contact"], {"contact": ""}, where=f"authority_contact in {where}")
    substitute(data["salutation"], {"recipient_name": ""}, where=f"salutation in {where}")
    return Labels(
        language=language,
        needs_legal_review=bool(data.get("needs_legal_review", False)),
        language_name=data["language_name"],
        page_of=data["page_of"],
        and_word=data["and"],
        our_reference=data["our_reference"],
        your_request_of=data["your_request_of"],
        date=data["date"],
        enclosures=data["enclosures"],
        dpo=data["dpo"],
        registration_no=data["registration_no"],
        none_recorded=data["none_recorded"],
        applicable_law=data["applicable_law"],
        authority_contact=data["authority_contact"],
        salutation=data["salutation"],
        closing=data["closing"],
        kind_titles=MappingProxyType(dict(data["kind_titles"])),
        request_kinds=MappingProxyType(dict(data["request_kinds"])),
        identity_means=MappingProxyType(dict(data["identity_means"])),
        salutation_m=str(data.get("salutation_m", "")),
        salutation_f=str(data.get("salutation_f", "")),
        closing_m=str(data.get("closing_m", "")),
        closing_f=str(data.get("closing_f", "")),
        profile_items=MappingProxyType(dict(data.get("profile_items", {}))),
    )


@functools.cache
def regime_texts(language: str) -> Mapping[str, Mapping[str, str]]:
    """What each regime adds to a letter in ``language`` (``resources/letters/<lang>/regimes.toml``)."""
    _check_language(language)
    where = f"the {language} regime texts"
    data = _parse_toml(
        resources.path("letters", language, "regimes.toml").read_text(encoding="utf-8"), where
    )
    out: dict[str, Mapping[str, str]] = {}
    for regime, entry in data.items():
        if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
            raise TemplateError(f"[{regime}] in {where} must map names to text.")
        for key in ("rights", "basis", "refusal_law"):
            if key not in entry:
                raise TemplateError(f"'{key}' is missing from [{regime}] in {where}.")
        out[regime] = MappingProxyType({k: v.strip() for k, v in entry.items()})
    return MappingProxyType(out)


# --- dates --------------------------------------------------------------------------------------

_MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": tuple(
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]
        ),
        "fr": tuple(
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ]
        ),
        # Russian: genitive, as after a day number.
        "ru": tuple(
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ]
        ),
        "kk": tuple(
            [
                "қаңтар",
                "ақпан",
                "наурыз",
                "сәуір",
                "мамыр",
                "маусым",
                "шілде",
                "тамыз",
                "қыркүйек",
                "қазан",
                "қараша",
                "желтоқсан",
            ]
        ),
        # Kyrgyz: the possessive form used in dates ("2026-жылдын 23-ноябры").
        "ky": tuple(
            [
                "январы",
                "февралы",
                "марты",
                "апрели",
                "майы",
                "июну",
                "июлу",
                "августу",
                "сентябры",
                "октябры",
                "ноябры",
                "декабры",
            ]
        ),
    }
)


def format_date(d: date, language: str) -> str:
    """A date as written in a letter in ``language`` ("23 ноября 2026 г.", "1er mai 2026")."""
    _check_language(language)
    month = _MONTHS[language][d.month - 1]
    if language == "en":
        return f"{d.day} {month} {d.year}"
    if language == "fr":
        day = "1er" if d.day == 1 else str(d.day)
        return f"{day} {month} {d.year}"
    if language == "ru":
        return f"{d.day} {month} {d.year} г."
    if language == "kk":
        return f"{d.year} жылғы {d.day} {month}"
    return f"{d.year}-жылдын {d.day}-{month}"


# --- the law a letter cites for its deadline -----------------------------------------------------


@functools.cache
def _law_table() -> Mapping[str, Mapping[str, str]]:
    where = "resources/letters/laws.toml"
    data = _parse_toml(resources.path("letters", "laws.toml").read_text(encoding="utf-8"), where)
    table: dict[str, Mapping[str, str]] = {}
    for code, names in data.items():
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            raise TemplateError(f"{where}: [{code}] must map letter languages to text.")
        table[code.upper()] = MappingProxyType(dict(names))
    return MappingProxyType(table)


def law_citation(jurisdiction: str, language: str) -> str:
    """How a letter in ``language`` cites the law behind a deadline of ``jurisdiction``.

    "" when none is written down (the template then says "the applicable law"): the deadline
    engine's citations are English notes for the DPO, never letter text.
    """
    code = jurisdiction.strip().upper()
    table = _law_table()
    names = table.get(code) or (table.get("UK") if code.startswith("UK-") else None) or {}
    return names.get(language, "")


# --- supervisory authorities --------------------------------------------------------------------


@dataclass(frozen=True)
class Authority:
    id: str
    names: Mapping[str, str]
    address: str
    website: str
    confirmed: bool
    note: str

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]

    def contact(self) -> str:
        """Address and website on one line ("" when neither is known)."""
        return ", ".join(x for x in (self.address, self.website) if x)


@dataclass(frozen=True)
class AuthorityTable:
    authorities: Mapping[str, Authority]
    jurisdictions: Mapping[str, str]
    eu_member_states: Mapping[str, str]


@functools.cache
def authority_table() -> AuthorityTable:
    where = "resources/authorities.toml"
    data = _parse_toml(resources.path("authorities.toml").read_text(encoding="utf-8"), where)
    found: dict[str, Authority] = {}
    for key, entry in data.get("authorities", {}).items():
        names = entry.get("name", {})
        if "en" not in names:
            raise TemplateError(f"Authority {key} in {where} has no English name.")
        found[key] = Authority(
            id=key,
            names=MappingProxyType(dict(names)),
            address=entry.get("address", ""),
            website=entry.get("website", ""),
            confirmed=bool(entry.get("confirmed", False)),
            note=entry.get("note", ""),
        )
    jurisdictions = dict(data.get("jurisdictions", {}))
    members = dict(data.get("eu_member_states", {}))
    for code, key in {**jurisdictions, **members}.items():
        if key not in found:
            raise TemplateError(f"{where}: jurisdiction {code} points to unknown authority {key}.")
    return AuthorityTable(
        MappingProxyType(found), MappingProxyType(jurisdictions), MappingProxyType(members)
    )


def authority_for(
    jurisdiction: str, controller_jurisdictions: Iterable[str] = ()
) -> Authority | None:
    """The supervisory authority for a jurisdiction code, or None when none is known.

    ``EU`` goes to the authority of a member state among the controller's jurisdictions
    (``FR`` → CNIL), else to CNIL.
    """
    table = authority_table()
    code = jurisdiction.strip().upper()
    if code == "EU":
        for other in controller_jurisdictions:
            member = table.eu_member_states.get(other.strip().upper())
            if member:
                return table.authorities[member]
    key = table.jurisdictions.get(code)
    return table.authorities[key] if key else None
