"""Suggest the request kind(s) and the language of a data-subject request letter.

Rules, not a model: phrase patterns per language and request kind, and the laws' article
numbers, live in ``resources/classifier/*.toml``. The main request is ranked first by where
the evidence stands (subject line, opening sentences, the sentence that asks for something,
conditional asides demoted) and by specificity (an objection to *direct marketing* is a
marketing opt-out, an objection to an *automated decision* is ``objection_automated``).
Language identification is py3langid's naive-Bayes model (shipped inside the package, nothing
downloaded), restricted to the 24 official EU languages, Russian, Ukrainian, Kazakh and Kyrgyz,
with letter rules first for languages it lacks or confuses (Tajik ӣ ҷ ӯ, Uzbek ў, Kazakh
ә ғ қ ұ һ і, Kyrgyz ң ө ү without the Kazakh ones). Below its confidence the language is
unknown (``""``, ``null`` in JSON), never a guess. GDPR letters are recognised in every
official EU language by the titles of Arts 15-22 (``gdpr_titles.toml``) and by article
citations, whose numbering is the law's named near them (``citations.toml``). Mail that is not
a request (automated, marketing, confirmations, complaints, questions) is ``not_a_request``.

The DPO confirms or changes the suggestion: the result carries the phrases that led to it.
No Qt, no SQL; nothing is logged (the text is personal data).
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "KINDS",
    "LANGUAGES",
    "IDENTIFIED_LANGUAGES",
    "Classification",
    "classify",
    "detect_language",
]

# Kind names are the deadline engine's (dpo_desk.core.model.RequestKind values).
KINDS: tuple[str, ...] = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "objection_automated",
    "stop_processing",
    "consent_withdrawal",
    "marketing_opt_out",
    "recipients_info",
    "portability",
    "unlawful_processing_stop",
    "transfer_notification",
)
LANGUAGES: tuple[str, ...] = (
    "en",
    "ru",
    "kk",
    "ky",
    "fr",
    "de",
    "es",
    "it",
    "nl",
    "pt",
    "pl",
    "cs",
)  # fmt: skip  (languages with a phrase list)
EU_LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip
# what detect_language can answer: the model's languages plus those from letter rules
IDENTIFIED_LANGUAGES: tuple[str, ...] = (*EU_LANGUAGES, "ru", "uk", "kk", "ky", "tg", "uz")

# A more specific kind found in the same sentence as a general one takes its evidence.
_SPECIFIC_OVER_GENERAL: tuple[tuple[str, str], ...] = (
    ("marketing_opt_out", "objection"),
    ("objection_automated", "objection"),
    ("unlawful_processing_stop", "stop_processing"),
)

_STRONG, _WEAK = 3.0, 1.0
_SUBJECT_FACTOR = 4.0
_REQUEST_FACTOR = 1.4
_CONDITIONAL_FACTOR = 0.45
_POSITION_BOOST, _POSITION_SCALE = 1.6, 600.0
_MIN_SECONDARY = 1.2  # a strong phrase in a conditional aside still counts
_MAX_TEXT = 60_000  # characters looked at; request letters are far shorter
_MAX_FALLBACK_TEXT = 15_000  # ... when every language's phrases are tried (12x the work)
_MIN_LANGUAGE_CONFIDENCE = 0.6  # below it the language is unknown, never a guess
_MIN_LANGUAGE_LETTERS = 12
_CONFIDENT_REQUEST = 0.3  # below it (or with signs of automated/marketing mail): not a request
_SIGN_OVERRIDE = 10.0  # a request scoring this much stays a request despite such signs
_TITLE_WEIGHT = 3.0
# when both are asked, the first one ranks above the second (an opt-out letter that also asks
# for deletion is a deletion request: erasure ends all processing, marketing included)
_PRECEDENCE: tuple[tuple[str, str], ...] = (("erasure", "marketing_opt_out"),)
_PRECEDENCE_SHARE = 0.5
_SEQUENCE_FACTOR = 1.6


@dataclass(frozen=True)
class Classification:
    kinds: tuple[str, ...]  # ranked, main request first; empty when nothing was recognised
    language: str  # ISO 639-1, "" when unknown
    confidence: float  # 0..1, for the main kind
    evidence: tuple[str, ...]  # phrases found, strongest first
    scores: dict[str, float] = field(default_factory=dict)
    language_confidence: float = 0.0
    evidence_by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # not confidently a request (automated or marketing mail, a complaint, a question, or too
    # little evidence): ``kinds`` is then empty and ``suggested`` holds what was seen
    not_a_request: bool = False
    suggested: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()  # phrases that mark automated / marketing mail
    review_notes: tuple[str, ...] = ()  # points of law to check (unverified wording ...)

    def to_dict(self) -> dict[str, Any]:
        """The headless contract of ``dpo-desk classify --json``."""
        return {
            "kinds": list(self.kinds),
            "language": self.language or None,
            "confidence": self.confidence,
            "evidence": list(self.evidence),
            "not_a_request": self.not_a_request,
            "suggested": list(self.suggested),
            "signs": list(self.signs),
            "review_notes": list(self.review_notes),
        }


# --- rules -----------------------------------------------------------------------------------

_FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True)
class _Pattern:
    kind: str
    weight: float
    qualifies: bool  # enough on its own to list the kind
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _Language:
    code: str
    stopwords: frozenset[str]
    letters: str
    patterns: tuple[_Pattern, ...]
    request: tuple[re.Pattern[str], ...]
    conditional: tuple[re.Pattern[str], ...]
    subject_prefix: re.Pattern[str] | None


@dataclass(frozen=True)
class _Law:
    name: str
    names: re.Pattern[str]
    articles: dict[str, tuple[str, float, bool]]  # "21(2)" -> (kind, weight, qualifies)
    default_for: frozenset[str]  # languages that cite this law without naming it


def _resource_dir() -> Any:
    return resources.files("dpo_desk.resources").joinpath("classifier")


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, _FLAGS) for p in patterns)


@dataclass(frozen=True)
class _Title:
    """The GDPR's own title of a right, in one official language."""

    kind: str
    language: str
    checked: bool  # compared with the published text (else: needs legal review)
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def _titles() -> tuple[_Title, ...]:
    data = tomllib.loads(_resource_dir().joinpath("gdpr_titles.toml").read_text(encoding="utf-8"))
    out: list[_Title] = []
    for code, spec in data["lang"].items():
        checked = set(spec.get("checked", []))
        for kind, patterns in spec.items():
            if kind == "checked":
                continue
            if kind not in KINDS:
                raise ValueError(f"gdpr_titles.toml: unknown kind {kind!r}")
            for p in patterns:
                out.append(_Title(kind, code, kind in checked, re.compile(p, _FLAGS)))
    return tuple(out)


@lru_cache(maxsize=1)
def _any_title() -> re.Pattern[str]:
    """All titles in one pattern: most sentences match none, and one search says so."""
    return re.compile("|".join(f"(?:{t.regex.pattern})" for t in _titles()), _FLAGS)


@lru_cache(maxsize=1)
def _not_requests() -> dict[str, Any]:
    return tomllib.loads(_resource_dir().joinpath("not_requests.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _signs() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (category, re.compile(p, _FLAGS))
        for category, patterns in _not_requests()["signs"].items()
        for p in patterns
    )


@lru_cache(maxsize=1)
def _sequence() -> re.Pattern[str]:
    patterns = _not_requests()["cues"]["sequence"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


@lru_cache(maxsize=1)
def _list_removal() -> re.Pattern[str]:
    patterns = _not_requests()["cues"]["list_removal"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, _Language], tuple[_Law, ...]]:
    base = _resource_dir()
    languages: dict[str, _Language] = {}
    for code in LANGUAGES:
        data = tomllib.loads(base.joinpath(f"{code}.toml").read_text(encoding="utf-8"))
        patterns: list[_Pattern] = []
        for kind, spec in data.get("kinds", {}).items():
            if kind not in KINDS:
                raise ValueError(f"{code}.toml: unknown kind {kind!r}")
            for p in spec.get("strong", []):
                patterns.append(_Pattern(kind, _STRONG, True, re.compile(p, _FLAGS)))
            for p in spec.get("weak", []):
                patterns.append(_Pattern(kind, _WEAK, False, re.compile(p, _FLAGS)))
        markers = data.get("markers", {})
        cues = data.get("cues", {})
        prefix = cues.get("subject_prefix")
        languages[code] = _Language(
            code=code,
            stopwords=frozenset(w.casefold() for w in markers.get("stopwords", [])),
            letters=markers.get("letters", ""),
            patterns=tuple(patterns),
            request=_compile(cues.get("request", [])),
            conditional=_compile(cues.get("conditional", [])),
            subject_prefix=re.compile(prefix, _FLAGS) if prefix else None,
        )
    data = tomllib.loads(base.joinpath("citations.toml").read_text(encoding="utf-8"))
    laws: list[_Law] = []
    for law in data["law"]:
        articles: dict[str, tuple[str, float, bool]] = {}
        for key, spec in law["articles"].items():
            kind, weight = spec["kind"], float(spec.get("weight", 2.5))
            if kind not in KINDS:
                raise ValueError(f"citations.toml: unknown kind {kind!r}")
            articles[key] = (kind, weight, bool(spec.get("qualifies", True)))
        laws.append(
            _Law(
                name=law["name"],
                names=re.compile(law["names"], _FLAGS),
                articles=articles,
                default_for=frozenset(law.get("default_for", [])),
            )
        )
    return languages, tuple(laws)


# --- text preparation ------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00ad": "", "\u00a0": " ",
        "\u202f": " ", "\u2009": " ",
    }
)  # fmt: skip


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFC", text[:_MAX_TEXT]).translate(_QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\*\*|__|\\\*|</?italic>|</?b>|</?i>", "", text)
    text = re.sub(r"&#39;|&apos;", "'", text)
    text = re.sub(r"-\n(?=[a-zà-žа-яё])", "", text)  # words hyphenated across lines
    text = _cut_reply_history(text)
    lines = text.split("\n")
    unquoted = [line for line in lines if not line.lstrip().startswith(">")]
    if any(line.strip() for line in unquoted):
        lines = unquoted  # a reply: classify what the sender wrote, not what they quote
    return "\n".join(" ".join(line.split()) for line in lines)


# The line that introduces quoted earlier mail in a reply; what follows it is not the sender's.
_REPLY_HEADER = re.compile(
    r"^\s*(?:on\b.{5,200}\bwrote:|am\b.{5,200}\bschrieb\b.{0,120}:|le\b.{5,200}\ba écrit\s?:"
    r"|el\b.{5,200}\bescribió:|.{5,200}\bнаписал\(?а?\)?:|-{2,}\s*original message\s*-{2,}"
    r"|-{2,}\s*исходное сообщение\s*-{2,}|-{2,}\s*ursprüngliche nachricht\s*-{2,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _cut_reply_history(text: str) -> str:
    """Drop quoted history below a reply header, if the sender wrote something above it."""
    m = _REPLY_HEADER.search(text)
    if m and text[: m.start()].strip():
        return text[: m.start()]
    return text


_BREAK = re.compile(
    r"[.!?;]+[\"')»]*\s+|\n\s*\n+|\n(?=\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*·]|[ivx]+\.)\s)"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:art|arts|abs|nr|no|lit|bspw|vgl|bzw|ggf|usw|ca|etc|resp|cf|al|par|para|ust|"
    r"odst|čl|pkt|ust|ст|ч|п|пп|г|гг|ул|д|кв|тел|им|ср|см|т|e\.g|i\.e|z\.b|p\.ej|p\.ex|"
    r"ad|sr|sra|dr|mr|mrs|ms|st|n|s|pp)|\b\w)\.\s*$",
    re.IGNORECASE,
)
_LOWER_NEXT = r"[\s)\]]*[^\W_A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ]"
_INNER_DOT = re.compile(
    r"(?<!\d)\.(?=" + _LOWER_NEXT + r")|(?<=\d)\.(?=[\s)\]]+[^\W_A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ])"
)


def _sentences(text: str) -> list[tuple[int, str]]:
    """Split into sentences; a period after an abbreviation or before a lowercase word or a
    number does not end one ("Art. 6 Abs. 1 lit. a", "bspw. nach", "ч. 2 ст. 9")."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BREAK.finditer(text):
        piece = text[start : m.end()]
        if "." in m.group(0) and "\n" not in m.group(0):
            following = text[m.end() : m.end() + 1]
            abbreviated = _ABBREVIATION.search(piece) or (following and not following.isupper())
            if abbreviated and following not in ('"', "«", "„", "("):
                continue
        if piece.strip():
            out.append((start, _inner(piece)))
        start = m.end()
    tail = text[start:]
    if tail.strip():
        out.append((start, _inner(tail)))
    return out


def _inner(sentence: str) -> str:
    """One line, and periods inside the sentence (abbreviations, "4(1)." ...) made neutral so
    that patterns can span them."""
    flat = sentence.replace("\n", " ")
    return _INNER_DOT.sub(lambda m: "" if flat[m.end() : m.end() + 1] == " " else " ", flat).strip()


# --- language detection ----------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class _LetterRule:
    """A language told by its letters (in lower-case words, so names do not count)."""

    code: str
    letters: frozenset[str]  # letters of this language (count towards it)
    excluded: frozenset[str]  # letters that rule it out
    min_count: int = 2


# Checked in order. py3langid has no Tajik or Uzbek and mixes Kazakh and Kyrgyz up.
_LETTER_RULES: tuple[_LetterRule, ...] = (
    _LetterRule("tg", frozenset("ӣҷӯ"), frozenset("әңөүұіїєґ"), min_count=1),
    _LetterRule("uz", frozenset("ў"), frozenset("әңөүұіыщїєґ")),
    # і is Ukrainian and Belarusian too: Kazakh is told by ә ғ қ ұ һ
    _LetterRule("kk", frozenset("әғқұһ"), frozenset("ӣҷїєґў")),
    _LetterRule("ky", frozenset("ңөү"), frozenset("әғқұһіӣҷїєґ")),
)
_MODEL_LANGUAGES: tuple[str, ...] = (*EU_LANGUAGES, "ru", "uk", "kk", "ky")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(_MODEL_LANGUAGES))
    return identifier


def _by_letters(sample: str) -> str | None:
    common = "".join(w for w in _WORD.findall(sample) if w[:1].islower())
    present = set(common)
    for rule in _LETTER_RULES:
        if present & rule.excluded:
            continue
        if sum(1 for ch in common if ch in rule.letters) >= rule.min_count:
            return rule.code
    return None


def detect_language(text: str) -> tuple[str, float]:
    """The letter's language as (ISO 639-1 code, confidence 0..1); ("", p) when unknown."""
    sample = _prepare(text)[:20_000]
    if sum(1 for ch in sample if ch.isalpha()) < _MIN_LANGUAGE_LETTERS:
        return "", 0.0
    by_letters = _by_letters(sample)
    if by_letters is not None:
        return by_letters, 0.95
    ranked = _identifier().rank(sample)
    code, probability = str(ranked[0][0]), float(ranked[0][1])
    for group in _CLOSE_LANGUAGES:
        if code in group and probability < _MIN_LANGUAGE_CONFIDENCE:  # hesitating: letters
            together = sum(float(p) for c, p in ranked if c in group)
            told = _by_group_letters(sample, group)
            if told is not None and together >= _MIN_LANGUAGE_CONFIDENCE:
                return told, round(together, 2)
    probability = round(probability, 2)
    if probability < _MIN_LANGUAGE_CONFIDENCE:
        return "", probability
    return code, probability


# Close neighbours the model confuses on short texts, told apart by letters of their own
# (checked in order; a letter in "excluded" rules the language out).
_CLOSE_LANGUAGES: tuple[tuple[str, ...], ...] = (("ru", "uk", "bg"),)
_GROUP_LETTERS: tuple[_LetterRule, ...] = (
    _LetterRule("uk", frozenset("іїєґ"), frozenset("ыэё"), min_count=1),
    _LetterRule("ru", frozenset("ыэё"), frozenset("іїєґ"), min_count=1),
    _LetterRule("bg", frozenset("ъ"), frozenset("ыэёіїєґ"), min_count=2),
)


def _by_group_letters(sample: str, group: tuple[str, ...]) -> str | None:
    letters = set(sample.casefold())
    for rule in _GROUP_LETTERS:
        if rule.code not in group or letters & rule.excluded:
            continue
        if sum(1 for ch in sample.casefold() if ch in rule.letters) >= rule.min_count:
            return rule.code
    # і (Ukrainian) and ъ (Bulgarian) are among their most frequent letters: a Cyrillic text of
    # some length with neither is Russian
    cyrillic = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    if "ru" in group and cyrillic >= 30 and not letters & frozenset("іїєґъ"):
        return "ru"
    return None


# --- citations -------------------------------------------------------------------------------

_ART = (
    r"(?:\bart(?:icles?|ikel[sn]?|[íi]culos?|icolo|igos?|ykuł[a-ząęóśłżźćń]*|ykul[a-z]*|t?\.|s?\b)"
    r"|\bčl(?:\.|án(?:ek|ku|kem|ky|cích)|(?=\s*\d))|\bстать(?:я|и|е|ей|ю)\b|\bст\.?(?=\s*\d)"
    r"|\bάρθρ\w*|\bчлен\w*|\bчл\.|\bčl[aá]n\w*|\bartikl\w*|\bartikkel\w*|\bartikolu\b"
    r"|\bairteagal\b)"
)
_SUB = (
    r"(?:\s*\(\s*(\d{1,2}(?:\.\d)?)\s*\)"
    r"|\s*,?\s*(?:abs\.?|absatz|para(?:graph)?\.?|§|ust\.?|odst\.?|alinéa|al\.|lid|comma|"
    r"paragraphe|apartado|p[áa]rrafo|par[áa]grafo|ч\.?|част[ьи])\s*(\d{1,2}(?:\.\d)?))?"
)
_CITATION = re.compile(
    _ART + r"\s*(\d{1,2})(?:\s*[-–]\s*(\d))?" + _SUB
    + r"|(?:\bч\.?|\bчаст[ьи]|\bcomma|\bparagrafo|\babs\.?)\s*(\d{1,2}(?:\.\d)?)\s+"
    + r"(?:ст\.?|стать[иея]|dell'art\.?|art\.?)\s*(\d{1,2})"
    + r"|\b(\d{1,2})(?:-(\d))?\s*-?\s*(?:бап|бабы|бабын|бабына|бабының|берене|беренеси\w*)"
    + r"|\b(\d{1,2})\.?\s*(?:pant[sau]?|cikk\w*|straipsn\w*|artikl\w*|člen\w*)\b",
    _FLAGS,
)  # fmt: skip


def _citations(text: str, language: str) -> list[tuple[int, int, str, str, float, bool]]:
    """(start, end, phrase, kind, weight, qualifies) for each cited article of a known law."""
    _, laws = _rules()
    name_hits = [(law, m.start(), m.end()) for law in laws for m in law.names.finditer(text)]
    named = {law.name for law, _, _ in name_hits}
    out: list[tuple[int, int, str, str, float, bool]] = []
    for m in _CITATION.finditer(text):
        g = m.groups()
        if g[0] is not None:
            article = g[0] + (f"-{g[1]}" if g[1] else "")
            sub = g[2] or g[3]
        elif g[4] is not None:
            article, sub = g[5], g[4]
        elif g[6] is not None:
            article = g[6] + (f"-{g[7]}" if g[7] else "")
            sub = None
        else:
            article, sub = g[8], None
        inciso = _INCISO.match(text, m.end())
        if inciso:  # LGPD style: "art. 18, VI" / "art. 18, inciso II" / "art. 18, § 2º"
            sub = sub or (inciso.group(1) or f"§{inciso.group(2)}")
        law = _law_for(m.start(), m.end(), name_hits, named, laws, language)
        if law is None:
            continue
        spec = None
        if sub:
            spec = law.articles.get(f"{article}({sub})")
        spec = spec or law.articles.get(article)
        if spec is None:
            continue
        kind, weight, qualifies = spec
        out.append((m.start(), m.end(), m.group(0).strip(), kind, weight, qualifies))
    return out


_INCISO = re.compile(r"\s*,?\s*(?:inciso\s+)?(?:([IVX]{1,4})\b|§\s*(\d)º?)")


def _law_for(
    start: int,
    end: int,
    name_hits: list[tuple[_Law, int, int]],
    named: set[str],
    laws: tuple[_Law, ...],
    language: str,
) -> _Law | None:
    best: tuple[int, _Law] | None = None
    for law, s, e in name_hits:
        if end <= s <= end + 160:
            distance = s - end
        elif start - 60 <= e <= start:
            distance = start - e + 40  # a name before the number binds less
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, law)
    if best is not None:
        return best[1]
    if len(named) == 1:
        return next(law for law in laws if law.name in named)
    if not named:
        for law in laws:
            if language in law.default_for:
                return law
    return None


# --- classification --------------------------------------------------------------------------


@dataclass
class _Hit:
    kind: str
    weight: float
    qualifies: bool
    phrase: str
    factor: float
    unchecked: str = ""  # an unverified GDPR title in this language was the evidence
    start: int = 0  # where in the sentence the evidence stands


def classify(text: str, subject: str = "") -> Classification:
    """Suggest ranked request kinds, the language, a confidence and the evidence."""
    languages, _ = _rules()
    body = _prepare(text or "")
    subj = _prepare(subject or "").replace("\n", " ")
    language, language_confidence = detect_language(f"{subj}\n{body}")
    order = [language] if language in languages else []
    scores, hits = _score(body, subj, [languages[c] for c in order], language)
    if not any(h.qualifies for h in hits):  # nothing in the detected language: try them all
        head = body[:_MAX_FALLBACK_TEXT]
        scores, hits = _score(head, subj, list(languages.values()), language)
    result = _result(scores, hits, language, language_confidence)
    return _triage(result, f"{subj}\n{body}")


def _triage(result: Classification, text: str) -> Classification:
    """Mark mail that is not confidently a request: no request found, too little evidence, or
    signs of automated / marketing mail without a strong request of the sender's own."""
    found = [(category, m) for category, regex in _signs() for m in [regex.search(text)] if m]
    signs = tuple(dict.fromkeys(m.group(0).strip()[:80] for _, m in found))
    categories = {category for category, _ in found}
    scores = dict(result.scores)
    if "unsubscribe" in categories:  # "you have been unsubscribed" asks nothing
        scores.pop("marketing_opt_out", None)
    top = max(scores.values(), default=0.0)
    doubtful = (
        not result.kinds
        or result.confidence < _CONFIDENT_REQUEST
        or (bool(signs) and top < _SIGN_OVERRIDE)
    )
    if not doubtful:
        return replace(result, signs=signs)
    return replace(result, kinds=(), not_a_request=True, suggested=result.kinds, signs=signs)


def _score(
    body: str, subject: str, langs: list[_Language], language: str
) -> tuple[dict[str, float], list[_Hit]]:
    hits: list[_Hit] = []
    scores: dict[str, float] = {}
    if subject:
        _score_sentence(subject, 0, _SUBJECT_FACTOR, langs, language, scores, hits, True)
    body, headline = _extract_subject_lines(body, langs)
    if headline:
        _score_sentence(headline, 0, _SUBJECT_FACTOR * 0.75, langs, language, scores, hits, True)
    opening = _opening_offset(body)
    for offset, sentence in _sentences(body):
        position = max(0, offset - opening)
        factor = 1.0 + _POSITION_BOOST * math.exp(-position / _POSITION_SCALE)
        _score_sentence(sentence, offset, factor, langs, language, scores, hits, False)
    return scores, hits


def _extract_subject_lines(body: str, langs: list[_Language]) -> tuple[str, str]:
    """Lines such as 'Betreff: ...' or 'Тема: ...' in the letter act like a subject."""
    found: list[str] = []
    kept: list[str] = []
    for line in body.split("\n"):
        for lang in langs:
            if lang.subject_prefix is not None and lang.subject_prefix.match(line):
                found.append(lang.subject_prefix.sub("", line, count=1))
                break
        else:
            kept.append(line)
    return "\n".join(kept), " ".join(found)


_GREETING_END = re.compile(r"[,:!]\s*$")


def _opening_offset(body: str) -> int:
    """Where the letter proper starts: after the salutation line, if there is one early."""
    offset = 0
    for line in body.split("\n")[:40]:
        offset += len(line) + 1
        stripped = line.strip()
        if stripped and len(stripped) < 60 and _GREETING_END.search(stripped):
            return offset
    return 0


def _phrase_hits(sentence: str, langs: list[_Language]) -> list[_Hit]:
    return [
        _Hit(p.kind, p.weight, p.qualifies, _phrase(sentence, m), 1.0, start=m.start())
        for lang in langs
        for p in lang.patterns
        if (m := p.regex.search(sentence))
    ]


def _citation_hits(sentence: str, language: str) -> list[_Hit]:
    return [
        _Hit(kind, weight, qualifies, phrase, 1.0, start=start)
        for start, _, phrase, kind, weight, qualifies in _citations(sentence, language)
    ]


def _title_hits(sentence: str) -> list[_Hit]:
    """The GDPR's own title of a right, in any official language."""
    if not _any_title().search(sentence):
        return []
    found: list[_Hit] = []
    for title in _titles():
        m = title.regex.search(sentence)
        if m:
            weak = title.kind == "objection_automated"  # access letters name it in passing
            weight = _WEAK if weak else _TITLE_WEIGHT
            hit = _Hit(title.kind, weight, not weak, _phrase(sentence, m), 1.0, start=m.start())
            hit.unchecked = "" if title.checked else title.language
            found.append(hit)
    return found


def _score_sentence(
    sentence: str,
    offset: int,
    factor: float,
    langs: list[_Language],
    language: str,
    scores: dict[str, float],
    hits: list[_Hit],
    is_subject: bool,
) -> None:
    found = _phrase_hits(sentence, langs) + _citation_hits(sentence, language)
    found += _title_hits(sentence)
    removal = _list_removal().search(sentence)
    if removal:  # "remove me from your mailing list": an opt-out, not an erasure
        for h in found:
            if h.kind == "erasure":
                h.kind = "marketing_opt_out"
        found.append(_Hit("marketing_opt_out", _STRONG, True, _phrase(sentence, removal), 1.0))
    if not found:
        return
    kinds_here = {h.kind for h in found}
    for specific, general in _SPECIFIC_OVER_GENERAL:
        if specific in kinds_here and general in kinds_here:
            strong_specific = any(h.kind == specific and h.qualifies for h in found)
            if strong_specific:
                found = [h for h in found if h.kind != general]
    if not is_subject:
        if any(r.search(sentence) for lang in langs for r in lang.request):
            factor *= _REQUEST_FACTOR
        if any(c.search(sentence) for lang in langs for c in lang.conditional):
            factor *= _CONDITIONAL_FACTOR
    by_kind: dict[str, list[_Hit]] = {}
    for h in found:
        h.factor = factor
        by_kind.setdefault(h.kind, []).append(h)
    sequence = _sequence().search(sentence) if len(by_kind) > 1 else None
    for kind, group in by_kind.items():
        group.sort(key=lambda h: -h.weight)
        contribution = group[0].weight + 0.25 * sum(h.weight for h in group[1:])
        first = sequence is not None and min(h.start for h in group) < sequence.start()
        boost = _SEQUENCE_FACTOR if first else 1.0  # asked first: "a copy, then deletion"
        scores[kind] = scores.get(kind, 0.0) + contribution * factor * boost
        hits.extend(group)


def _phrase(sentence: str, m: re.Match[str]) -> str:
    phrase = m.group(0).strip(" ,.;:")
    if len(phrase) < 4:  # too short to show alone: give a little context
        a = max(0, m.start() - 20)
        b = min(len(sentence), m.end() + 20)
        phrase = sentence[a:b].strip()
    return phrase[:100]


def _result(
    scores: dict[str, float], hits: list[_Hit], language: str, language_confidence: float
) -> Classification:
    rounded = {k: round(v, 2) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])}
    if not scores:
        return Classification((), language, 0.0, (), {}, language_confidence, {})
    qualified = {h.kind for h in hits if h.qualifies}
    ranked = sorted(scores, key=lambda k: -scores[k])
    main = next((k for k in ranked if k in qualified), None)
    if main is None:
        return Classification((), language, 0.0, (), rounded, language_confidence, {})
    top = scores[main]
    kinds = [main] + [
        k
        for k in ranked
        if k != main and k in qualified and scores[k] >= max(_MIN_SECONDARY, 0.05 * top)
    ]
    for first, second in _PRECEDENCE:
        if (
            first in kinds
            and second in kinds
            and kinds.index(first) > kinds.index(second)
            and scores[first] >= _PRECEDENCE_SHARE * scores[second]  # asked, not mentioned
        ):
            kinds.remove(first)
            kinds.insert(kinds.index(second), first)
    main = kinds[0]
    second = max((scores[k] for k in kinds[1:]), default=0.0)
    strength = 1.0 - math.exp(-top / 6.0)
    margin = (top - second) / top
    confidence = round(max(0.0, min(1.0, strength * (0.55 + 0.45 * margin))), 2)
    evidence_by_kind: dict[str, tuple[str, ...]] = {}
    ordered: list[tuple[float, str]] = []
    for kind in kinds:
        group = sorted((h for h in hits if h.kind == kind), key=lambda h: -(h.weight * h.factor))
        phrases = tuple(dict.fromkeys(h.phrase for h in group))[:6]
        evidence_by_kind[kind] = phrases
        ordered.extend((h.weight * h.factor, h.phrase) for h in group[:3])
    seen: dict[str, None] = {}
    for _, phrase in sorted(ordered, key=lambda t: -t[0]):
        if phrase.casefold() not in {p.casefold() for p in seen}:
            seen[phrase] = None
    unchecked = sorted({h.unchecked for h in hits if h.unchecked and h.kind in kinds})
    notes = tuple(
        f"The GDPR wording found in this letter ({code}) is not yet checked against the "
        "regulation's published text in that language: needs legal review."
        for code in unchecked
    )
    return Classification(
        kinds=tuple(kinds),
        language=language,
        confidence=confidence,
        evidence=tuple(seen)[:12],
        scores=rounded,
        language_confidence=language_confidence,
        evidence_by_kind=evidence_by_kind,
        review_notes=notes,
    )
