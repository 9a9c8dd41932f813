"""Suggest the request kind(s) and the language of a data-subject request letter.

Rules, not a model: phrase patterns per language and request kind, and the laws' article
numbers, live in ``resources/classifier/*.toml``. The main request is ranked first by where
the evidence stands (subject line, opening sentences, the sentence that asks for something,
conditional asides demoted) and by specificity (an objection to *direct marketing* is a
marketing opt-out, an objection to an *automated decision* is ``objection_automated``).
Language detection uses character sets (Kazakh ә ғ қ ұ һ і; Kyrgyz ң ө ү without them;
Russian) and stopword lists for Latin-script languages.

The DPO confirms or changes the suggestion: the result carries the phrases that led to it.
No Qt, no SQL; nothing is logged (the text is personal data).
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "KINDS",
    "LANGUAGES",
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
    "en", "ru", "kk", "ky", "fr", "de", "es", "it", "nl", "pt", "pl", "cs",
)  # fmt: skip

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
_MAX_TEXT = 200_000  # characters looked at; request letters are far shorter


@dataclass(frozen=True)
class Classification:
    kinds: tuple[str, ...]  # ranked, main request first; empty when nothing was recognised
    language: str  # ISO 639-1, "" when unknown
    confidence: float  # 0..1, for the main kind
    evidence: tuple[str, ...]  # phrases found, strongest first
    scores: dict[str, float] = field(default_factory=dict)
    language_confidence: float = 0.0
    evidence_by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The headless contract of ``dpo-desk classify --json``."""
        return {
            "kinds": list(self.kinds),
            "language": self.language,
            "confidence": self.confidence,
            "evidence": list(self.evidence),
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
    lines = text.split("\n")
    unquoted = [line for line in lines if not line.lstrip().startswith(">")]
    if any(line.strip() for line in unquoted):
        lines = unquoted  # a reply: classify what the sender wrote, not what they quote
    return "\n".join(" ".join(line.split()) for line in lines)


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
_KAZAKH_ONLY = set("әғқұһі")
_KAZAKH_KYRGYZ = set("ңөү")


def detect_language(text: str) -> tuple[str, float]:
    """The letter's language as (ISO 639-1 code, confidence 0..1); ("", 0.0) if unknown."""
    languages, _ = _rules()
    sample = _prepare(text)[:50_000].casefold()
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 3:
        return "", 0.0
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in letters if ch < "\u0250")
    if cyrillic + latin < 0.5 * len(letters):  # another script (Greek, CJK, Arabic ...)
        return "", 0.0
    words = _WORD.findall(sample)
    if not words:
        return "", 0.0
    hits = {code: 0 for code in languages}
    for w in words:
        for code, lang in languages.items():
            if w in lang.stopwords:
                hits[code] += 1
    n = len(words)
    size = 1.0 - math.exp(-n / 12.0)  # a few words say little
    if cyrillic >= latin:
        common = "".join(w for w in _WORD.findall(_prepare(text)[:50_000]) if w[:1].islower())
        kk_chars = sum(1 for ch in common if ch in _KAZAKH_ONLY)  # names are capitalised
        ky_chars = sum(1 for ch in common if ch in _KAZAKH_KYRGYZ)
        kk_rate, ky_rate = kk_chars / cyrillic, ky_chars / cyrillic
        score = {
            "ru": hits["ru"] / n,
            "kk": hits["kk"] / n + (12 * kk_rate if kk_chars >= 2 else 0.0),
            "ky": hits["ky"] / n
            + (12 * ky_rate if ky_chars >= 2 and kk_rate < 0.25 * ky_rate else 0.0),
        }
        if kk_rate < 0.004 and ky_rate < 0.004:  # a Kazakh or Kyrgyz name in a Russian letter
            score["kk"] *= 0.5
            score["ky"] *= 0.5
        best = max(score, key=lambda c: score[c])
        ranked = sorted(score.values(), reverse=True)
        margin = (ranked[0] - ranked[1]) / ranked[0] if ranked[0] > 0 else 0.0
        if ranked[0] <= 0:
            return "ru", round(0.4 * size, 2)
        return best, round(min(1.0, (0.5 + 0.5 * margin) * size), 2)
    scored = {c: hits[c] / n for c in LANGUAGES if c not in ("ru", "kk", "ky")}
    for code, lang in languages.items():
        if code in scored and lang.letters:
            special = sum(1 for ch in letters if ch in lang.letters)
            scored[code] += 2.0 * special / len(letters)
    best = max(scored, key=lambda c: scored[c])
    ranked = sorted(scored.values(), reverse=True)
    if ranked[0] <= 0.02:
        return "", 0.0
    margin = (ranked[0] - ranked[1]) / ranked[0]
    return best, round(min(1.0, (0.35 + 0.65 * margin) * size + 0.1 * size), 2)


# --- citations -------------------------------------------------------------------------------

_ART = (
    r"(?:\bart(?:icles?|ikel[sn]?|[íi]culos?|icolo|igos?|ykuł[a-ząęóśłżźćń]*|ykul[a-z]*|t?\.|s?\b)"
    r"|\bčl(?:\.|án(?:ek|ku|kem|ky|cích)|(?=\s*\d))|\bстать(?:я|и|е|ей|ю)\b|\bст\.?(?=\s*\d))"
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
    + r"|\b(\d{1,2})(?:-(\d))?\s*-?\s*(?:бап|бабы|бабын|бабына|бабының|берене|беренеси\w*)",
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
        else:
            article = g[6] + (f"-{g[7]}" if g[7] else "")
            sub = None
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


def classify(text: str, subject: str = "") -> Classification:
    """Suggest ranked request kinds, the language, a confidence and the evidence."""
    languages, _ = _rules()
    body = _prepare(text or "")
    subj = _prepare(subject or "").replace("\n", " ")
    language, language_confidence = detect_language(f"{subj}\n{body}")
    order = [language] if language in languages else []
    scores, hits = _score(body, subj, [languages[c] for c in order], language)
    if not scores:  # nothing in the detected language: try every language's phrases
        scores, hits = _score(body, subj, list(languages.values()), language)
    return _result(scores, hits, language, language_confidence)


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
    found: list[_Hit] = []
    for lang in langs:
        for p in lang.patterns:
            m = p.regex.search(sentence)
            if m:
                found.append(_Hit(p.kind, p.weight, p.qualifies, _phrase(sentence, m), 1.0))
    for _, _, phrase, kind, weight, qualifies in _citations(sentence, language):
        found.append(_Hit(kind, weight, qualifies, phrase, 1.0))
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
    for kind, group in by_kind.items():
        group.sort(key=lambda h: -h.weight)
        contribution = group[0].weight + 0.25 * sum(h.weight for h in group[1:])
        scores[kind] = scores.get(kind, 0.0) + contribution * factor
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
    return Classification(
        kinds=tuple(kinds),
        language=language,
        confidence=confidence,
        evidence=tuple(seen)[:12],
        scores=rounded,
        language_confidence=language_confidence,
        evidence_by_kind=evidence_by_kind,
    )
