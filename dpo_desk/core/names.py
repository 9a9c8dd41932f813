"""Is this the same person's name? One matcher for signatures, the MRZ check and pseudonymisation.

Pure and fast: no I/O, no clock. Names of data subjects in Kyrgyzstan, Kazakhstan and Russia are
written in Cyrillic on one document and in Latin letters on another, by different systems
(ICAO 9303 in passports, GOST 7.79 system B, BGN/PCGN, the Kazakh Latin alphabet, French or
German habits), in either order, with or without the patronymic, sometimes as initials. The
matcher folds every spelling of a word to a *skeleton* and compares words as sets:

- :func:`skeleton` - Cyrillic (Russian, Kazakh, Kyrgyz, Ukrainian letters) and Latin (with its
  diacritics) to one lower-case Latin form in which the usual transliteration differences
  vanish: ``kh/x/h`` (х), ``zh/dzh/j`` (ж), ``ts/tc/tz/c`` (ц), ``shch/shh/sch`` (щ),
  ``iy/ii/y/j`` (й, ий), ``yu/iu/ju`` (ю), ``ya/ia/ja`` (я), ``q/k``, doubled letters.
- :func:`match_names` - word order is free; a patronymic (or Kazakh ``uly``/``kyzy``) present on
  one side only is ignored; an initial (``A.`` or ``A.Zh.``) matches a word starting with it.
  At least one full word (the surname) must match for ``match``; a name given as a single word
  gives ``partial`` at best.

The matcher errs on the side of ``mismatch``: what it cannot reconcile is reported, never
guessed. ``j`` alone is ambiguous (``ж`` in Kazakh Latin, ``й`` in GOST): both readings are tried.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import product
from typing import Final

__all__ = [
    "NameMatch",
    "match_names",
    "name_words",
    "normalise",
    "skeleton",
    "skeletons",
    "transliterate",
]

# Cyrillic -> Latin (ICAO 9303 flavoured); Kazakh, Kyrgyz and Ukrainian letters included.
_CYRILLIC: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
    # Kazakh
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    # Ukrainian / Belarusian
    "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}  # fmt: skip

# Latin letters whose diacritic changes the sound (Kazakh/Turkic Latin, Czech-style GOST/ISO 9).
_LATIN_SPECIAL: Final = {
    "ş": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh", "ŝ": "shch", "ñ": "n", "ı": "i",
    "ğ": "g", "ä": "a", "ö": "o", "ü": "u", "ū": "u", "ə": "a", "ß": "ss", "ø": "o", "đ": "d",
}  # fmt: skip

# Applied in order to the transliterated word; placeholders in upper case keep digraphs apart.
_RULES: Final = (
    ("shch", "S"),
    ("shh", "S"),
    ("sch", "S"),
    ("dzh", "Z"),
    ("zh", "Z"),
    ("sh", "S"),
    ("tch", "C"),
    ("ch", "C"),
    ("kh", "h"),
    ("x", "ks"),
    ("tz", "c"),
    ("ts", "c"),
    ("tc", "c"),
    ("cz", "c"),
    ("q", "k"),
    ("ng", "n"),  # ң written "ng" (Kazakh, Kyrgyz)
    ("w", "v"),
    ("yo", "e"),
    ("y", "i"),
)
_PATRONYMIC_ENDINGS: Final = ("oviC", "eviC", "iC", "ovna", "evna", "iCna", "uli", "kizi")
_PATRONYMIC_WORDS: Final = frozenset({"uli", "kizi", "ogli", "ugli", "uulu", "ulu"})
_MAX_J_VARIANTS: Final = 3


def normalise(text: str) -> str:
    """NFKC, case-folded, one space between words, punctuation other than ``.``/``-`` removed."""
    text = unicodedata.normalize("NFKC", text or "").casefold().replace("i\u0307", "i")
    text = re.sub(r"[^\w\s.\-']", " ", text)
    return " ".join(text.split())


def transliterate(text: str) -> str:
    """Cyrillic and special Latin letters to plain lower-case Latin (other characters kept)."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in _CYRILLIC:
            out.append(_CYRILLIC[char])
        elif char in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL[char])
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def skeletons(word: str) -> frozenset[str]:
    """Every skeleton of one word (``j`` has two readings, so a word may have several)."""
    latin = re.sub(r"[^a-z]", "", transliterate(word))
    if not latin:
        return frozenset()
    pieces = latin.split("j")
    if len(pieces) - 1 > _MAX_J_VARIANTS:
        choices: list[tuple[str, ...]] = [("i",)] * (len(pieces) - 1)
    else:
        choices = [("Z", "i")] * (len(pieces) - 1)
    results = set()
    for picked in product(*choices):
        joined = pieces[0] + "".join(p + rest for p, rest in zip(picked, pieces[1:], strict=True))
        results.add(_fold(joined))
    return frozenset(results)


def skeleton(word: str) -> str:
    """One canonical skeleton of a word (the first of :func:`skeletons`, for indexing)."""
    found = sorted(skeletons(word))
    return found[0] if found else ""


def _fold(latin: str) -> str:
    for old, new in _RULES:
        latin = latin.replace(old, new)
    if latin.startswith("ie"):
        latin = "e" + latin[2:]
    return re.sub(r"(.)\1+", r"\1", latin)  # doubled letters (ii, ss, ll ...)


def name_words(name: str) -> list[str]:
    """The words of a name: ``"Тулегенова А.Ж."`` gives ``["тулегенова", "а.", "ж."]``."""
    words: list[str] = []
    for raw in normalise(name).replace("-", " ").split():
        raw = raw.strip("'")
        if "." in raw:
            parts = [p for p in raw.split(".") if p]
            for index, part in enumerate(parts):
                is_initial = len(part) <= 2 or index < len(parts) - 1 or raw.endswith(".")
                words.append(part + "." if is_initial and len(part) <= 2 else part)
        elif raw:
            words.append(raw)
    return words


@dataclass(frozen=True)
class _Word:
    text: str
    forms: frozenset[str]
    initial: bool

    @property
    def patronymic(self) -> bool:
        return any(form.endswith(_PATRONYMIC_ENDINGS) for form in self.forms)


def _words(name: str) -> list[_Word]:
    result: list[_Word] = []
    for word in name_words(name):
        initial = word.endswith(".") or len(word) == 1
        forms = skeletons(word.rstrip("."))
        if not forms:
            continue
        if not initial and forms & _PATRONYMIC_WORDS and result:
            # "Serik uly": the marker makes the previous word a patronymic
            previous = result.pop()
            result.append(_Word(previous.text, frozenset(f + "uli" for f in previous.forms), False))
            continue
        result.append(_Word(word, forms, initial))
    return result


def _same(a: _Word, b: _Word) -> str:
    """'full' when two words are the same, 'initial' when one is the other's initial, ''."""
    if not a.initial and not b.initial:
        return "full" if a.forms & b.forms else ""
    short, long = (a, b) if a.initial else (b, a)
    if long.initial:
        return "initial" if short.forms & long.forms else ""
    return "initial" if any(f.startswith(s) for s in short.forms for f in long.forms) else ""


@dataclass(frozen=True)
class NameMatch:
    """How two names compare: ``match``, ``partial`` (some words agree) or ``mismatch``."""

    result: str
    explanation: str
    matched: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.result == "match"


def match_names(known: str, other: str) -> NameMatch:
    """Compare the name a case knows (``known``) with a name from a document (``other``)."""
    a, b = _words(known), _words(other)
    if not a or not b:
        return NameMatch("mismatch", "One of the names is empty or has no letters.")
    best = _best_pairing(a, b)
    if best is None:
        return NameMatch("mismatch", f"“{other}” is not the name “{known}”.")
    pairs, left_a, left_b = best
    full = [p for p in pairs if p[2] == "full"]
    extra = [w for w in (*left_a, *left_b) if not w.patronymic]
    matched = tuple(x.text for x, _y, _kind in pairs)
    if not full:
        return NameMatch("mismatch", f"No word of “{other}” is a word of “{known}”.", matched)
    if extra:
        names = ", ".join(w.text for w in extra)
        return NameMatch(
            "mismatch",
            f"“{other}” and “{known}” share {len(pairs)} word(s) but not {names}.",
            matched,
        )
    if len(pairs) < 2:
        return NameMatch(
            "partial",
            f"Only one word of “{known}” is found in “{other}”: that is not enough to tell.",
            matched,
        )
    return NameMatch("match", f"“{other}” is a spelling of “{known}”.", matched)


def _best_pairing(
    a: list[_Word], b: list[_Word]
) -> tuple[list[tuple[_Word, _Word, str]], list[_Word], list[_Word]] | None:
    """Pair words greedily, full matches first; every shorter-side word must find a partner."""
    pairs: list[tuple[_Word, _Word, str]] = []
    left_a, left_b = list(a), list(b)
    for wanted in ("full", "initial"):
        for x in list(left_a):
            for y in left_b:
                if _same(x, y) == wanted:
                    pairs.append((x, y, wanted))
                    left_a.remove(x)
                    left_b.remove(y)
                    break
    if not pairs:
        return None
    return pairs, left_a, left_b
