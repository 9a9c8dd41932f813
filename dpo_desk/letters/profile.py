"""What each law requires an access response to tell, and the regimes a case falls under.

A controller keeps one processing profile per reply language (ru, kk, ky, fr, en): a mapping of
the item names below to text written in that language (one entry per line for list items).
Which items are required depends on the regimes on the case (the controller's jurisdictions):

- RU, Federal Law No. 152-FZ of 27.07.2006, Art. 14(7) items 1-10 (item 10, the measures under
  Art. 18.1, added by Federal Law No. 266-FZ of 14.07.2022); item 1 (confirmation) and item 7
  (how to exercise the rights) are written by the template, the rest come from the profile;
- GDPR (FR, EU; UK GDPR alike), Regulation (EU) 2016/679, Art. 15(1)(a)-(h) and 15(2); (e) and
  (f) (rights, complaint) are written by the template;
- KZ, Law No. 94-V of 21.05.2013, Art. 24(1)(1): confirmation, purpose, sources and methods of
  collection and processing, the list of data, periods of processing and storage;
- KG, Law No. 58 of 14.04.2008: access to the data and to information about their processing
  (Art. 17(e)-(f): within a week; refusal only on Art. 15). The law's list of what the subject
  is told was not opened in its own text: the KG list below is a draft that needs legal review.

Language detection is a small heuristic (scripts, letters proper to Kazakh or Kyrgyz, function
words of English and French); proper names, addresses, e-mails and web addresses are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

ITEMS: Final[tuple[str, ...]] = (
    "legal_grounds",
    "purposes",
    "methods",
    "categories",
    "sources",
    "recipients",
    "retention",
    "transfers",
    "processor",
    "measures",
    "automated_decisions",
)

#: Items written as a list (one entry per line); the others are running text.
LIST_ITEMS: Final[frozenset[str]] = frozenset(
    {"legal_grounds", "purposes", "methods", "categories", "sources", "recipients", "measures"}
)

#: Items that are proper names and addresses: exempt from the language check.
NAME_ITEMS: Final[frozenset[str]] = frozenset({"processor"})

REGIMES: Final[tuple[str, ...]] = ("RU", "KZ", "KG", "GDPR", "OTHER")

#: Items each regime requires, in the order its law lists them.
REQUIRED: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "RU": (
            "legal_grounds",  # 14(7)(2)
            "purposes",  # 14(7)(2), (3)
            "methods",  # 14(7)(3)
            "recipients",  # 14(7)(4)
            "categories",  # 14(7)(5)
            "sources",  # 14(7)(5)
            "retention",  # 14(7)(6)
            "transfers",  # 14(7)(8)
            "processor",  # 14(7)(9)
            "measures",  # 14(7)(10)
        ),
        "GDPR": (
            "purposes",  # 15(1)(a)
            "categories",  # 15(1)(b)
            "recipients",  # 15(1)(c)
            "retention",  # 15(1)(d)
            "sources",  # 15(1)(g)
            "automated_decisions",  # 15(1)(h)
            "transfers",  # 15(2)
        ),
        "KZ": ("purposes", "sources", "methods", "categories", "retention"),  # 24(1)(1)
        "KG": ("purposes", "categories", "sources", "retention"),  # needs legal review
        "OTHER": ("purposes", "categories", "recipients", "retention", "sources"),
    }
)

#: Where each regime's list comes from (shown to the DPO; the KG entry is unconfirmed).
CITATIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "RU": "Federal Law No. 152-FZ of 27.07.2006, Art. 14(7) items 1-10",
        "GDPR": "Regulation (EU) 2016/679, Art. 15(1)(a)-(h), 15(2)",
        "KZ": "Law No. 94-V of 21.05.2013, Art. 24(1)(1)",
        "KG": "Law No. 58 of 14.04.2008, Art. 17(e)-(f) (list of items: needs legal review)",
        "OTHER": "",
    }
)
NEEDS_REVIEW: Final[frozenset[str]] = frozenset({"KG"})

#: Regimes whose law provides an extension of the reply period.
EXTENSION_REGIMES: Final[frozenset[str]] = frozenset({"RU", "GDPR", "OTHER"})


def regime_of(jurisdiction: str) -> str:
    code = jurisdiction.strip().upper()
    if code in ("RU", "KZ", "KG"):
        return code
    if code in ("EU", "FR") or code.startswith("UK"):
        return "GDPR"
    return "OTHER"


def regimes_of(jurisdictions: Iterable[str]) -> tuple[str, ...]:
    """The regimes of a controller's jurisdictions, in its order, each once."""
    out: list[str] = []
    for j in jurisdictions:
        if j.strip():
            r = regime_of(j)
            if r not in out:
                out.append(r)
    return tuple(out) or ("OTHER",)


def required_items(regimes: Iterable[str]) -> tuple[str, ...]:
    """Every item any of the regimes requires, in the profile's order."""
    wanted = {i for r in regimes for i in REQUIRED.get(r, ())}
    return tuple(i for i in ITEMS if i in wanted)


def missing_items(profile: Mapping[str, str], regimes: Iterable[str]) -> tuple[str, ...]:
    return tuple(i for i in required_items(regimes) if not profile.get(i, "").strip())


# --- language of a free text ----------------------------------------------------------------

_EMAIL = re.compile(r"\S+@\S+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|kg|kz|ru|fr|eu|io)\b", re.I)
_FILE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[A-Za-z][A-Za-z0-9]{1,4}\b")  # data-export.pdf
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_KK_ONLY = set("әғқһіұ")  # letters Kazakh has and Kyrgyz and Russian have not
_KY_KK = set("ңөү")  # letters Kazakh and Kyrgyz share
_EN = frozenset(
    [
        "the",
        "and",
        "of",
        "for",
        "to",
        "with",
        "in",
        "on",
        "by",
        "your",
        "you",
        "we",
        "our",
        "is",
        "are",
        "be",
        "or",
        "from",
        "as",
        "which",
        "this",
        "that",
    ]
)
_FR = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "et",
        "pour",
        "avec",
        "dans",
        "sur",
        "par",
        "vos",
        "votre",
        "nous",
        "notre",
        "est",
        "sont",
        "ou",
        "au",
        "aux",
        "une",
        "un",
        "qui",
        "que",
        "ces",
    ]
)
_RU = frozenset(
    [
        "и",
        "в",
        "на",
        "для",
        "с",
        "по",
        "от",
        "о",
        "об",
        "или",
        "к",
        "не",
        "при",
        "до",
        "из",
        "как",
        "их",
        "ваших",
        "ваши",
    ]
)
_KY_WORDS = frozenset(["жана", "үчүн", "менен", "боюнча", "же", "болуп", "саналат"])


def _words(text: str) -> list[str]:
    text = _EMAIL.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _FILE.sub(" ", text)  # file names are names
    text = _QUOTED.sub(" ", text)
    return _WORD.findall(text)


def _is_latin(word: str) -> bool:
    return all("a" <= ch.lower() <= "z" or ch.lower() in "éèêëàâäîïôöùûüçœæÿ" for ch in word)


def _is_cyrillic(word: str) -> bool:
    return all("\u0400" <= ch <= "\u04ff" for ch in word)


def detect_language(text: str) -> str:
    """The language a free text looks written in ("" when it cannot tell: too short or names).

    Capitalised words in another script than the text's are treated as names (PayPal, WhatsApp).
    """
    words = _words(text)
    if not words:
        return ""
    cyr = [w for w in words if _is_cyrillic(w)]
    lat = [w for w in words if _is_latin(w)]
    # Latin words that are not names (lower-case) in a mostly Latin text
    if len(lat) > len(cyr):
        lower = {w.lower() for w in lat}
        en, fr = len(lower & _EN), len(lower & _FR)
        accents = any(ch in "éèêàâçùûôî" for w in lat for ch in w.lower())
        if fr > en or (accents and fr >= en):
            return "fr"
        if en:
            return "en"
        return "fr" if accents else ("en" if len(lat) >= 3 else "")
    if not cyr:
        return ""
    letters = {ch for w in cyr for ch in w.lower()}
    lower = {w.lower() for w in cyr}
    if letters & _KK_ONLY:
        return "kk"
    if letters & _KY_KK or lower & _KY_WORDS:
        return "ky"
    if len(cyr) >= 2 or lower & _RU:
        return "ru"
    return ""


def foreign_fragments(text: str, language: str) -> str:
    """The language a text is written in when it is not ``language`` ("" when it fits).

    Lower-case Latin words inside a Cyrillic text count (``account data``); capitalised ones
    are taken for names. Kazakh and Kyrgyz texts may share Russian loanwords, so a Kazakh or
    Kyrgyz text is foreign only when it shows the other's letters or reads as Russian.
    """
    language = language.strip().lower()
    if language in ("ru", "kk", "ky"):
        # distinct words: a loanword used twice ("файлы cookie") is still one loanword
        lat_lower = sorted({w for w in _words(text) if _is_latin(w) and not w[:1].isupper()})
        if len(lat_lower) >= 2:
            found = detect_language(" ".join(lat_lower))
            return found or "en"
    found = detect_language(text)
    if not found or found == language:
        return ""
    if language in ("kk", "ky") and found == "ru":
        # Kazakh and Kyrgyz text need not show their own letters (and quote Russian names and
        # addresses): it reads as Russian only with Russian function words
        lower = {w.lower() for w in _words(text)}
        return "ru" if lower & _RU else ""
    if language == "kk" and found == "ky":
        return ""  # ң ө ү are Kazakh letters too
    return found


# --- salutation -----------------------------------------------------------------------------

_MALE_WORDS = frozenset({"ұлы", "улы", "уулу", "оглы", "оғлы"})
_FEMALE_WORDS = frozenset({"қызы", "кызы", "гызы"})


def suggest_salutation(name: str) -> str:
    """ "m", "f" or "" from a patronymic (-вич/-вна, Kazakh -ұлы/-қызы, Kyrgyz уулу/кызы) or,
    failing that, a Russian-style surname ending (-ов/-ова, -ин/-ина, -ский/-ская)."""
    words = [w.strip(".,").lower() for w in name.split() if w.strip(".,")]
    for w in words:
        if w in _MALE_WORDS or w.endswith(("вич", "ьич", "ұлы", "уулу")):
            return "m"
        if w in _FEMALE_WORDS or w.endswith(("вна", "чна", "қызы", "кызы")):
            return "f"
    for w in words:
        if w.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")):
            return "f"
        if w.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
            return "m"
    return ""
