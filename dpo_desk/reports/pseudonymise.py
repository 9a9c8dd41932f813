"""Pseudonymised output that does not leak through free text (issue 20).

A pseudonymised register or summary replaces the subject's name by a pseudonym. Free text (notes,
outcomes, audit details) still names people in other ways, so :class:`FreeTextRedactor` finds:

- the subject's **names in every grammatical form**: Russian through the morphological analyser
  pymorphy3 (with its Russian dictionaries; imported lazily, once: about 16 MB on disk, ~0.1 s to
  load) plus the surname paradigms it may not know (``-ов/-ев/-ин``, ``-ский``); Kazakh and Kyrgyz
  by their case and possessive suffixes on the name's stem (``Айжанға``, ``Төлеуованың``,
  ``Айбекке``, ``Асанга``); French and English as written (an elided ``d'`` or a possessive
  ``'s`` stays outside the match); and a Latin transliteration of a Cyrillic name
  (``Petrov``, ``Toleuova``);
- **phone numbers** in any national or international format (``phonenumbers``, every region the
  product serves, then any run of 10 or more digits as a fallback);
- **e-mail addresses**;
- **national identifiers**: IIN/BIN (KZ, 12 digits), SNILS (RU, ``123-456-789 01``), INN (RU,
  10 or 12 digits; KG PIN, 14 digits), passport and ID-card numbers (RU ``45 06 123456``,
  KZ ``N12345678``, KG ``AN1234567``/``ID1234567``, FR ``12AB34567``): any run of 9 or more
  digits, and letter-digit patterns of passports;
- **addresses**: the subject's own address lines and their parts, and street fragments with a
  house number (``ул. Абая, 10``, ``Абай көшесі 15``, ``12 rue de la Paix``, ``221B Baker
  Street``).

Over-redaction is the chosen error: a number that only looks like an identifier is removed too.
Case references (``2026-0001``) and dates are kept. The work is in memory only.

What it is, in law: pseudonymisation as GDPR Art. 4(5) defines it (Regulation (EU) 2016/679 of
27 April 2016): the case reference, kept with the case file, is the additional information that
attributes a row to its subject. Pseudonymised data is still personal data (Recital 26), so an
export made with ``--pseudonymise`` is shared under the same rules as any other. Detection is
automatic: a misspelt name, a nickname or a relative's name is not found, and
:data:`REVIEW_NOTE` says so in every pseudonymised output (checked 2026-12-08 against the
Regulation's text; no national law was relied on).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from dpo_desk.core.model import DataSubject

#: Printed in every pseudonymised output: what was done and what a person must still check.
REVIEW_NOTE = (
    "Pseudonymised (GDPR Art. 4(5)): the subject's names in every grammatical form, phone "
    "numbers, e-mail addresses, national identifiers and address fragments were replaced "
    "automatically. This is still personal data (Recital 26). Misspelt names, nicknames and "
    "other people's names are not found: review free text before sharing."
)

PHONE = "[phone]"
EMAIL = "[e-mail]"
ID_NUMBER = "[ID number]"
ADDRESS = "[address]"

#: Regions whose national phone formats are recognised (the product's jurisdictions).
PHONE_REGIONS = ("KG", "KZ", "RU", "FR", "GB", "US", "BR")

# --- name forms -----------------------------------------------------------------------------------

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһіӊ]", re.IGNORECASE)

#: Kazakh case and possessive endings (both vowel harmonies), then Kyrgyz ones; applied to every
#: name stem whatever the text's language (an extra match costs nothing; a miss leaks).
_TURKIC_SUFFIXES = tuple(
    sorted(
        {
            # Kazakh: genitive, dative, accusative, locative, ablative, instrumental
            *["ның", "нің", "дың", "дің", "тың", "тің"],
            *["ға", "ге", "қа", "ке", "на", "не", "а", "е"],
            *["ны", "ні", "ды", "ді", "ты", "ті", "н"],
            *["да", "де", "та", "те", "нда", "нде"],
            *["дан", "ден", "тан", "тен", "нан", "нен"],
            *["мен", "бен", "пен", "менен"],
            # possessive 3rd person (+ case): Айжанның ... ұлы, -сы/-сі/-ы/-і
            *["сы", "сі", "ы", "і", "сына", "сіне", "ына", "іне", "сын", "сін", "ын", "ін"],
            # Kyrgyz: genitive, dative, accusative, locative, ablative
            *["нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн"],
            *["га", "го", "гө", "ка", "ко", "кө"],
            *["ни", "ну", "нү", "ди", "ду", "дү", "ти", "ту", "тү"],
            *["до", "дө", "то", "тө"],
            *["дон", "дөн", "тон", "төн", "нон", "нөн"],
            # plural / "and family": -лар/-лер/-дар/-дер/-тар/-тер (KK), -лор/-лөр (KY)
            *["лар", "лер", "дар", "дер", "тар", "тер", "лор", "лөр", "дор", "дөр", "тор", "төр"],
        },
        key=len,
        reverse=True,
    )
)
_VOICED = {"к": "г", "қ": "ғ", "п": "б"}

#: Russian surname paradigms pymorphy3 may not know (foreign stems): masculine -ов/-ев/-ин/-ын
#: and the feminine -ова/-ева/-ина/-ына share these endings after the stem.
_OV_ENDINGS = ("", "а", "у", "ым", "е", "ой", "ы", "ых", "ыми", "ою")
_SKIY_ENDINGS = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их", "ими")

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a",
    "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}  # fmt: skip
_TRANSLIT_ALT = {
    "й": ("i", "j"), "х": ("h", "kh"), "ы": ("i",), "қ": ("k",), "ү": ("y", "ue"), "ю": ("iu", "ju"),
    "я": ("ia", "ja"), "ж": ("j", "zh"), "ш": ("ch",), "ч": ("tch",), "у": ("ou",), "ц": ("c",),
    "е": ("ye",), "ё": ("yo",), "ң": ("ng",), "ө": ("oe",), "ғ": ("gh",), "ұ": ("ou",),
}  # fmt: skip
_MAX_SPELLINGS = 32


@functools.cache
def _morph() -> Any:
    """pymorphy3's Russian analyser, loaded on first use only (most exports never need it)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _russian_forms(word: str) -> set[str]:
    lower = word.lower()
    forms = {lower}
    for parse in _morph().parse(lower):
        tag = parse.tag
        if "NOUN" in tag or "ADJF" in tag or {"Name", "Surn", "Patr"} & set(tag.grammemes):
            forms.update(f.word for f in parse.lexeme)
    for masc, fem in (("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына")):
        if lower.endswith(fem):
            stem = lower[: -len(fem) + len(masc)]
        elif lower.endswith(masc):
            stem = lower
        else:
            continue
        forms.update(stem + e for e in _OV_ENDINGS)
        break
    for ending in ("ский", "цкий", "ская", "цкая"):
        if lower.endswith(ending):
            stem = lower[:-2]
            forms.update(stem + e for e in _SKIY_ENDINGS)
    return {f.replace("ё", "е") for f in forms} | forms


def _translit(word: str) -> set[str]:
    """Latin spellings of a Cyrillic word (GOST-like, French-like, passport-like), bounded."""
    spellings = {""}
    for ch in word.lower():
        options = {_TRANSLIT.get(ch, ch), *_TRANSLIT_ALT.get(ch, ())}
        spellings = {s + o for s in spellings for o in options}
        if len(spellings) > _MAX_SPELLINGS:
            spellings = set(sorted(spellings)[:_MAX_SPELLINGS])
    return spellings


def name_forms(name: str) -> tuple[str, ...]:
    """Every form of each word of ``name`` a text may use (lower case, longest first)."""
    forms: set[str] = set()
    for word in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name):
        if len(word) < 2:
            continue
        forms.add(word.lower())
        if _CYRILLIC.search(word):
            forms |= _russian_forms(word)
            forms |= _translit(word)
    return tuple(sorted((f for f in forms if len(f) >= 2), key=len, reverse=True))


def _turkic_stems(name: str) -> tuple[str, ...]:
    stems: set[str] = set()
    for word in re.findall(r"[^\W\d_]+", name):
        if len(word) < 3 or not _CYRILLIC.search(word):
            continue
        lower = word.lower()
        stems.add(lower)
        if lower[-1] in _VOICED:
            stems.add(lower[:-1] + _VOICED[lower[-1]])
    return tuple(sorted(stems, key=len, reverse=True))


# --- numbers, e-mails, addresses ----------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# SNILS written with its separators, and runs of digits with single separators between them
_SNILS = re.compile(r"(?<!\d)\d{3}[- ]\d{3}[- ]\d{3}[- ]\d{2}(?!\d)")
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\(?\d(?:[\d()]|[ .\-\u00a0](?=[\d(])){8,}\d?(?!\w)")
# passports and ID cards: letters then digits (KZ N12345678, KG AN1234567 / ID1234567),
# FR 12AB34567, UK National Insurance QQ123456C, RU series-number "45 06 123456" (caught by the digit run)
_PASSPORT = re.compile(
    r"(?<!\w)(?:[A-ZА-Я]{1,2}[ №]?\d{7,8}|\d{2}[A-Z]{2}\d{5}|[A-Z]{2} ?(?:\d{2} ?){3}[A-D])(?!\w)",
    re.IGNORECASE,
)
_ID_WORDS = re.compile(
    r"(?i)(?:ИИН|ЖСН|БИН|СНИЛС|ИНН|ПИН|паспорт\w*|passport|passeport|удостоверени\w*|"
    r"куәлі\w*|NIR|n°\s*de\s*sécurité\s*sociale)\s*[:№#]?\s*(?:N|№|no\.?)?\s*([\w -]{5,20}\d)"
)
_STREET_WORDS = (
    r"ул\.|улица|пр\.|просп\.|проспект|пер\.|переулок|б-р|бульвар|мкр\.?|микрорайон|ш\.|шоссе|"
    r"наб\.|набережная|пл\.|площадь|д\.|дом|кв\.|квартира|"
    r"көшесі|к-сі|даңғылы|шағынаудан|үй|пәтер|"
    r"көчөсү|проспектиси|кичи\s+району|үй|батир|"
    r"rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|quai|"
    r"street|st\.|road|rd\.|lane|ln\.|drive|dr\.|avenue|ave\.|flat|apt\.?"
)
_ADDRESS = re.compile(
    r"(?i)(?<!\w)(?:\d+[a-zа-я]?,?\s+)?(?:" + _STREET_WORDS + r")"
    r"(?:\s*[\w.'’-]+){0,4}?\s*,?\s*\d+[a-zа-я]?(?:\s*[,/-]\s*(?:кв\.|apt\.?|flat)?\s*\d+)*"
    r"|(?<!\w)\d+[a-z]?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Street|Road|Lane|Avenue|Drive)(?!\w)"
    r"|(?<!\w)(?:[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+\s+){1,2}(?:көшесі|даңғылы|көчөсү|проспектиси|"
    r"кичи\s+району|шағынауданы)\s*,?\s*\d+[a-zа-я]?(?:\s*[,/-]\s*\d+)*"
    r"|(?<!\w)\d+,?\s+(?:rue|avenue|boulevard|chemin|allée|impasse|place|quai)(?:\s+[\w'’-]+){1,4}"
)


#: Dates, times and case references look like numbers but identify no one: set aside first.
_KEEP = re.compile(
    r"(?<!\d)(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)?)?"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}:\d{2})?"
    r"|(?:19|20)\d{2}-\d{4})(?!\d)"
)
_KEPT = re.compile("\ue000(\\d+)\ue001")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    if not any(ch.isdigit() for ch in text):
        return []
    import phonenumbers

    spans = []
    for region in PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            digits = sum(ch.isdigit() for ch in match.raw_string)
            if digits >= 9:  # not a date or a case reference
                spans.append((match.start, match.end))
    return spans


# --- the redactor ---------------------------------------------------------------------------------


class FreeTextRedactor:
    """Replaces a subject's names (every form) by ``pseudonym`` and every phone number, e-mail,
    national identifier and address fragment by a label. Same interface as
    ``reports.common.Redactor`` (``text`` and ``value``)."""

    def __init__(
        self,
        names: Iterable[str],
        pseudonym: str,
        *,
        extra_terms: Iterable[str] = (),
        phones: Iterable[str] = (),
    ) -> None:
        self.replacement = pseudonym
        forms: set[str] = set()
        stems: set[str] = set()
        for name in names:
            if name and name.strip():
                forms.update(name_forms(name))
                stems.update(_turkic_stems(name))
        word = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        suffix = "|".join(_TURKIC_SUFFIXES)
        turkic = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
        parts = [p for p in (f"(?:{turkic})(?:['’-]?(?:{suffix}))" if turkic else "", word) if p]
        one = "(?:" + "|".join(parts) + ")" if parts else None
        self._names = (
            re.compile(rf"(?<!\w)(?:{one})(?:\s+(?:{one}))*(?!\w)", re.IGNORECASE) if one else None
        )
        self._phones = re.compile(
            "|".join(
                r"(?<![\d+])(?:\+?\d{1,3}[\s().-]*)?(?:\(?0?\)?[\s().-]*)?"
                + r"[\s().-]*".join(re.escape(d) for d in digits[-10:])
                + r"(?!\d)"
                for digits in ("".join(ch for ch in p if ch.isdigit()) for p in phones)
                if len(digits) >= 6
            )
            or r"(?!)"
        )
        terms = [t.strip() for t in extra_terms if t and len(t.strip()) >= 4]
        self._terms = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if terms
            else None
        )

    @classmethod
    def for_subject(cls, subject: DataSubject, pseudonym: str) -> FreeTextRedactor:
        extra: list[str] = [subject.account_ref]
        for line in re.split(r"[\n;]+", subject.address or ""):
            extra.append(line)
            extra.extend(part for part in line.split(",") if len(part.strip()) >= 4)
        return cls([subject.name], pseudonym, extra_terms=extra, phones=[subject.phone])

    def text(self, value: str) -> str:
        if not value:
            return value
        kept: list[str] = []

        def keep(match: re.Match[str]) -> str:
            kept.append(match.group(0))
            return f"\ue000{len(kept) - 1}\ue001"

        out = _KEEP.sub(keep, value.replace("\ue000", "").replace("\ue001", ""))
        out = _EMAIL.sub(EMAIL, out)
        out = self._phones.sub(PHONE, out)  # the subject's own number, in any spacing
        if self._terms is not None:
            out = self._terms.sub(ADDRESS, out)
        out = _ID_WORDS.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + ID_NUMBER, out)
        out = _SNILS.sub(ID_NUMBER, out)
        spans = _phone_spans(out)
        if spans:
            out = _replace_spans(out, spans, PHONE)
        out = _PASSPORT.sub(ID_NUMBER, out)
        out = _DIGIT_RUN.sub(_number_label, out)
        out = _ADDRESS.sub(ADDRESS, out)
        if self._names is not None:
            out = self._names.sub(lambda _m: self.replacement, out)
        return _KEPT.sub(lambda m: kept[int(m.group(1))], out) if kept else out

    def value(self, value: Any) -> Any:
        """Redact every string in a JSON-like value (keys included)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return {self.text(str(k)): self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value


def _number_label(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return match.group(0) if digits < 9 else ID_NUMBER


def _replace_spans(text: str, spans: list[tuple[int, int]], label: str) -> str:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out.append(text[last:start])
        out.append(label)
        last = end
    out.append(text[last:])
    return "".join(out)
