"""Read the machine-readable zone (MRZ) of identity documents, in memory.

Formats (ICAO Doc 9303, 8th edition 2021, Part 3 for the character set and check digits,
Parts 4-6 for the layouts):

- **TD3** (passports): 2 lines of 44 characters;
- **TD2**: 2 lines of 36;
- **TD1** (ID cards: Kazakh, Kyrgyz, French 2021 and others): 3 lines of 30;
- the **Russian internal passport** (document code ``PN``, state ``RUS``): a TD3 layout whose
  names use a Cyrillic->Latin substitution table (a letter for a letter, so it reverses exactly;
  Ё=2, Ч=3, Ш=4, Ь=9, Э=6, Ю=7, Я=8, Й=Q, Ж=J, Х=H, Ц=C, Щ=W, Ъ=X) and whose optional data holds
  the series' last digit, the issue date and the issuing division's code. Source of the layout:
  the MVD rules for the internal passport's machine-readable record (order of 13.11.2017 N 851,
  positions 1-44); the substitution table is taken from secondary sources and is flagged
  ``RU_TABLE_NEEDS_REVIEW`` until checked against the order's annex.

Check digits: weights 7-3-1, digits as themselves, A-Z as 10-35, ``<`` as 0, modulo 10.
OCR confusions (O/0, I/1, B/8, S/5, Z/2, G/6) are corrected by field type (a date is digits, a
country is letters), and in the document number by the check digit: the one reading whose check
digit agrees is taken and the correction is reported. A failed check digit is said plainly.

Nothing is stored or logged here; the caller keeps at most the last four characters of the number.
No Qt, no SQL.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dpo_desk.core.errors import KnownError

__all__ = [
    "ICAO_CYRILLIC",
    "RU_INTERNAL_TABLE",
    "RU_TABLE_NEEDS_REVIEW",
    "MrzNotFound",
    "MrzResult",
    "NameComparison",
    "check_digit",
    "compare_names",
    "fillers_from_symbols",
    "find_mrz_lines",
    "icao_transliterate",
    "parse_mrz",
]

RU_TABLE_NEEDS_REVIEW = True

_VALUES = {str(d): d for d in range(10)} | {chr(65 + i): 10 + i for i in range(26)} | {"<": 0}
_WEIGHTS = (7, 3, 1)

# letters OCR confuses with digits, and back
_TO_DIGIT = {"O": "0", "Q": "0", "D": "0", "U": "0", "I": "1", "L": "1", "T": "7", "Z": "2",
             "S": "5", "B": "8", "G": "6", "A": "4"}  # fmt: skip
_TO_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G", "4": "A", "7": "T"}
_AMBIGUOUS = {"0": "O", "O": "0", "1": "I", "I": "1", "8": "B", "B": "8", "5": "S", "S": "5",
              "2": "Z", "Z": "2", "6": "G", "G": "6"}  # fmt: skip

# Russian internal passport: the MVD table (one Latin character or digit per Cyrillic letter)
RU_INTERNAL_TABLE: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "2", "Ж": "J", "З": "Z",
    "И": "I", "Й": "Q", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R",
    "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "H", "Ц": "C", "Ч": "3", "Ш": "4", "Щ": "W",
    "Ъ": "X", "Ы": "Y", "Ь": "9", "Э": "6", "Ю": "7", "Я": "8",
}  # fmt: skip
_RU_BACK = {v: k for k, v in RU_INTERNAL_TABLE.items()}

# ICAO Doc 9303 Part 3, table of Cyrillic transliteration (Russian letters and the others it
# lists); Kazakh and Kyrgyz letters that the table does not list follow the Kazakh and Kyrgyz
# passport practice (flagged by ``compare_names`` as a weaker match when they are involved)
ICAO_CYRILLIC: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z",
    "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R",
    "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH",
    "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA", "І": "I",
    "Ї": "I", "Є": "IE", "Ґ": "G", "Ў": "U", "Ј": "J",
}  # fmt: skip
_NATIONAL_CYRILLIC: dict[str, str] = {
    "Ә": "A", "Ғ": "G", "Қ": "K", "Ң": "N", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H",
}  # fmt: skip

_DOC_TYPES = {"P": "passport", "I": "id_card", "A": "id_card", "C": "id_card", "V": "visa"}


class MrzNotFound(KnownError):
    """No machine-readable zone could be read from the image."""


@dataclass(frozen=True)
class MrzResult:
    format: str  # TD1 | TD2 | TD3
    document_code: str  # "P", "ID", "PN", ...
    document_type: str  # passport | id_card | ru_internal_passport | visa | other
    country: str  # issuing state, ICAO 3-letter code
    surname: str
    given_names: str
    number: str
    birth_date: date | None
    expiry_date: date | None
    sex: str  # M | F | X | ""
    nationality: str
    check_digits_valid: bool
    problems: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()
    names_latin: tuple[str, str] = ("", "")  # as printed in the MRZ
    issue_date: date | None = None  # Russian internal passport only
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def last4(self) -> str:
        return self.number[-4:]

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_type": self.document_type,
            "country": self.country,
            "surname": self.surname,
            "given_names": self.given_names,
            "number": self.number,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "sex": self.sex,
            "check_digits_valid": self.check_digits_valid,
            "problems": list(self.problems),
            "format": self.format,
            "nationality": self.nationality,
            "corrections": list(self.corrections),
        }


# --- check digits ------------------------------------------------------------------------------


def check_digit(text: str) -> str:
    total = 0
    for index, char in enumerate(text):
        total += _VALUES.get(char, 0) * _WEIGHTS[index % 3]
    return str(total % 10)


def _digits(text: str) -> str:
    return "".join(_TO_DIGIT.get(c, c) for c in text)


def _letters(text: str) -> str:
    return "".join(_TO_LETTER.get(c, c) for c in text)


def _check_char(char: str) -> str:
    return "0" if char in "<K" else _TO_DIGIT.get(char, char)


# Tesseract's generic models read OCR-B's filler '<' as K (also X, C, E): repair by structure
_FILLER_LIKE = frozenset("<KXCE")
_TRAILING_FILLER = re.compile(r"<[<KXCE]*$")
_LONE_IN_FILLER = re.compile(r"(?<=<)[KXCE]{1,2}(?=<)")


_SURE = 93.0  # a letter read with less confidence than this may be a filler


def fillers_from_symbols(
    lines: list[list[tuple[str, float, tuple[tuple[str, float], ...]]]],
) -> str:
    """OCR text of MRZ lines, with fillers read as K/X/C/E/S put back.

    A filler-like letter read with doubt (confidence under 93) becomes '<' when the engine's own
    alternatives include '<', or when it stands next to a '<' (repeatedly: runs of them).
    Letters read with confidence (a name's K) stay.
    """
    out_lines = []
    for line in lines:
        chars = [text for text, _conf, _alts in line]
        doubtful = [text in "KXCES" and conf < _SURE for text, conf, _alts in line]
        for i, (_text, _conf, alts) in enumerate(line):
            if doubtful[i] and any(a == "<" and c >= 30 for a, c in alts):
                chars[i] = "<"
        changed = True
        while changed:
            changed = False
            for i in range(len(chars)):
                if chars[i] != "<" and doubtful[i] and chars[i] in "KXCE":
                    left = i > 0 and chars[i - 1] == "<"
                    right = i + 1 < len(chars) and chars[i + 1] == "<"
                    if left or right:
                        chars[i] = "<"
                        changed = True
        out_lines.append("".join(chars))
    return "\n".join(out_lines)


def _filler(text: str) -> str:
    """An optional field that is mostly filler is all filler."""
    if set(text) <= _FILLER_LIKE and text.count("<") * 3 >= len(text):
        return "<" * len(text)
    return text


def _repair_names(text: str) -> str:
    text = _TRAILING_FILLER.sub(lambda m: "<" * len(m.group(0)), text)
    previous = None
    while previous != text:
        previous = text
        text = _LONE_IN_FILLER.sub(lambda m: "<" * len(m.group(0)), text)
    return text


class _Checks:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.corrections: list[str] = []
        self.ok = True

    def verify(self, label: str, data: str, digit: str, *, optional: bool = False) -> bool:
        digit = _check_char(digit)
        if optional and set(data) <= {"<"} and digit == "0":
            return True
        if check_digit(data) == digit:
            return True
        self.ok = False
        self.problems.append(
            f"The check digit of the {label} does not match: the {label} may be misread or altered."
        )
        return False


def _fix_number(
    number: str, digit: str, checks: _Checks, agrees: Callable[[str], bool] | None = None
) -> str:
    """The reading of the document number whose check digit agrees (at most 2 swaps).

    A mod-10 check digit alone lets one random swap in ten pass, so a candidate must also make
    the composite check digit agree (``agrees``); letter-to-digit swaps are tried first.
    """
    digit = _check_char(digit)
    if check_digit(number) == digit:
        return number
    places = sorted(
        (i for i, c in enumerate(number) if c in _AMBIGUOUS), key=lambda i: number[i].isdigit()
    )
    for count in (1, 2):
        for chosen in itertools.combinations(places, count):
            candidate = list(number)
            for i in chosen:
                candidate[i] = _AMBIGUOUS[candidate[i]]
            text = "".join(candidate)
            if check_digit(text) == digit and (agrees is None or agrees(text)):
                checks.corrections.append(
                    "The document number was corrected by its check digits "
                    f"({count} character{'s' if count > 1 else ''} read ambiguously)."
                )
                return text
    return number


# --- dates and names ---------------------------------------------------------------------------


def _date(text: str, *, past: bool, today: date) -> date | None:
    if not text.isdigit() or len(text) != 6:
        return None
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
    century = 2000 if (not past or yy <= today.year % 100) else 1900
    if not past and yy >= 70:
        century = 1900
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        return None


def _names(field_text: str) -> tuple[str, str]:
    field_text = field_text.rstrip("<")
    surname, _, given = field_text.partition("<<")
    surname = " ".join(p for p in surname.split("<") if p)
    given = " ".join(p for p in given.split("<") if p)
    return surname, given


def _ru_back(text: str) -> str:
    return "".join(_RU_BACK.get(c, c) for c in text)


# --- finding the lines -------------------------------------------------------------------------


_CLEAN = re.compile(r"[^A-Z0-9<]")


def find_mrz_lines(text: str) -> list[str] | None:
    """The MRZ lines in OCR output (2 x 44, 2 x 36 or 3 x 30), repaired to their fixed length."""
    candidates = []
    for raw in text.upper().splitlines():
        line = _CLEAN.sub("", raw.replace(" ", "").replace("«", "<").replace("‹", "<"))
        if len(line) >= 26 and (line.count("<") >= 2 or _looks_like_data_line(line)):
            candidates.append(line)
    for length, count in ((44, 2), (36, 2), (30, 3)):
        for start in range(len(candidates) - count + 1):
            group = candidates[start : start + count]
            if all(-2 <= len(line) - length <= 10 for line in group):
                return [_to_length(line, length) for line in group]
    return None


def _looks_like_data_line(line: str) -> bool:
    return sum(c.isdigit() for c in line) >= 12


def _to_length(line: str, length: int) -> str:
    """Repair a line read a character or two long or short: fillers are the usual culprits, so
    the longest filler run gains or loses them (check digits at the line's end stay in place)."""
    runs = list(re.finditer(r"<[<K]*<|<", line))
    if not runs:
        return (line + "<" * length)[:length]
    run = max(runs, key=lambda m: (m.end() - m.start(), m.start()))
    while len(line) > length:  # a '<' split in two ('<K') is the usual cause of a long line
        spots = [m.start() + 1 for m in re.finditer(r"<[KXCE](?=<|$)", line)]
        if not spots:
            break
        line = line[: spots[-1]] + line[spots[-1] + 1 :]
    runs = list(re.finditer(r"<[<K]*<|<", line))
    if not runs:
        return (line + "<" * length)[:length]
    run = max(runs, key=lambda m: (m.end() - m.start(), m.start()))
    if len(line) > length:
        cut = min(len(line) - length, run.end() - run.start() - 1)
        line = line[: run.start()] + line[run.start() + cut :]
        return line[:length]
    return line[: run.start()] + "<" * (length - len(line)) + line[run.start() :]


# --- parsing -----------------------------------------------------------------------------------


def parse_mrz(lines: list[str], *, today: date) -> MrzResult:
    """Decode MRZ lines; problems (failed check digits, unreadable dates) are reported, not raised."""
    lines = [_CLEAN.sub("", line.upper()) for line in lines]
    shape = tuple(len(line) for line in lines)
    if shape == (44, 44):
        return _parse_two_line(lines, "TD3", today)
    if shape == (36, 36):
        return _parse_two_line(lines, "TD2", today)
    if shape == (30, 30, 30):
        return _parse_td1(lines, today)
    raise MrzNotFound("The lines do not have the length of any MRZ format (TD1, TD2 or TD3).")


def _doc(code: str, country: str) -> str:
    if code == "PN" and country == "RUS":
        return "ru_internal_passport"
    return _DOC_TYPES.get(code[:1], "other")


def _parse_two_line(lines: list[str], fmt: str, today: date) -> MrzResult:
    top, bottom = lines
    checks = _Checks()
    code = _letters(top[0:2]).replace("<", "")  # a document code is letters
    country = _letters(top[2:5]).replace("<", "")
    ru = code == "PN" and country == "RUS"
    # names are letters; in a Russian internal passport some digits are table letters (Ё=2 ...)
    surname_l, given_l = _names(_repair_names(top[5:] if ru else _letters(top[5:])))
    if fmt == "TD3":
        bottom = bottom[:28] + _filler(bottom[28:42]) + bottom[42:]
    else:
        bottom = bottom[:28] + _filler(bottom[28:35]) + bottom[35:]
    end = 42 if fmt == "TD3" else 34  # the composite covers bottom[21:end + 1]
    birth = _digits(bottom[13:19])
    expiry = _digits(bottom[21:27])

    def composite_of(number: str) -> str:
        return number + bottom[9] + birth + bottom[19] + expiry + bottom[27] + bottom[28 : end + 1]

    def agrees(candidate: str) -> bool:
        return check_digit(composite_of(candidate)) == _check_char(bottom[end + 1])

    number = _fix_number(bottom[0:9], bottom[9], checks, agrees)
    nationality = _letters(bottom[10:13]).replace("<", "")
    sex = {"M": "M", "F": "F"}.get(bottom[20], "X" if bottom[20] in "<X" else "")
    optional = bottom[28:42] if fmt == "TD3" else bottom[28:35]
    if ru:
        optional = _digits(optional.replace("<", "_")).replace("_", "<")
    checks.verify("document number", number, bottom[9])
    checks.verify("date of birth", birth, _digits(bottom[19]))
    checks.verify("expiry date", expiry, bottom[27], optional=True)
    if fmt == "TD3":
        checks.verify("personal number", optional, bottom[42], optional=True)
    checks.verify("whole line", composite_of(number), bottom[end + 1])
    birth_date = _date(birth, past=True, today=today)
    expiry_date = None if set(expiry) <= {"<"} else _date(expiry, past=False, today=today)
    if birth_date is None:
        checks.problems.append("The date of birth cannot be read as a date.")
    if expiry_date is None and not set(expiry) <= {"<"}:
        checks.problems.append("The expiry date cannot be read as a date.")
    full_number = number.replace("<", "")
    extra: dict[str, str] = {}
    issue_date = None
    surname, given = surname_l, given_l
    if ru:
        # series = first three digits of the number field + the first optional digit
        surname, given = _ru_back(surname_l), _ru_back(given_l)
        full_number = number[:3] + optional[:1] + number[3:9]
        issue_date = _date(optional[1:7], past=True, today=today)
        extra["division"] = optional[7:13]
        if RU_TABLE_NEEDS_REVIEW:
            checks.problems.append(
                "Names decoded with the Russian internal passport's substitution table "
                "(needs review: the table is from secondary sources)."
            )
    if expiry_date is not None and expiry_date < today:
        checks.problems.append(f"The document expired on {expiry_date.isoformat()}.")
    return MrzResult(
        format=fmt,
        document_code=code,
        document_type=_doc(code, country),
        country=country,
        surname=surname,
        given_names=given,
        number=full_number,
        birth_date=birth_date,
        expiry_date=expiry_date,
        sex=sex,
        nationality=nationality,
        check_digits_valid=checks.ok,
        problems=tuple(checks.problems),
        corrections=tuple(checks.corrections),
        names_latin=(surname_l, given_l),
        issue_date=issue_date,
        extra=extra,
    )


def _parse_td1(lines: list[str], today: date) -> MrzResult:
    first, second, third = lines
    checks = _Checks()
    first = first[:15] + _filler(first[15:30]) if first[14] != "<" else first
    second = second[:18] + _filler(second[18:29]) + second[29:]
    code = _letters(first[0:2]).replace("<", "")
    country = _letters(first[2:5]).replace("<", "")
    number_field = first[5:14]
    number_digit = first[14]
    optional1 = first[15:30]
    if number_digit == "<":  # a number longer than 9: it continues in the optional field
        rest, _, _ = optional1.partition("<")
        number_field = number_field + rest[:-1]
        number_digit = rest[-1:] or "<"
    birth = _digits(second[0:6])
    expiry = _digits(second[8:14])

    def composite_of(number: str) -> str:
        head = number + first[14:30] if len(number) == 9 else first[5:30]
        return head + birth + second[6] + expiry + second[14] + second[18:29]

    def agrees(candidate: str) -> bool:
        return check_digit(composite_of(candidate)) == _check_char(second[29])

    number = _fix_number(number_field, number_digit, checks, agrees)
    checks.verify("document number", number, number_digit)
    sex = {"M": "M", "F": "F"}.get(second[7], "X" if second[7] in "<X" else "")
    nationality = _letters(second[15:18]).replace("<", "")
    checks.verify("date of birth", birth, _digits(second[6]))
    checks.verify("expiry date", expiry, second[14], optional=True)
    checks.verify("whole document", composite_of(number), second[29])
    surname, given = _names(_repair_names(_letters(third)))
    birth_date = _date(birth, past=True, today=today)
    expiry_date = None if set(expiry) <= {"<"} else _date(expiry, past=False, today=today)
    if birth_date is None:
        checks.problems.append("The date of birth cannot be read as a date.")
    if expiry_date is not None and expiry_date < today:
        checks.problems.append(f"The document expired on {expiry_date.isoformat()}.")
    return MrzResult(
        format="TD1",
        document_code=code,
        document_type=_doc(code, country),
        country=country,
        surname=surname,
        given_names=given,
        number=number.replace("<", ""),
        birth_date=birth_date,
        expiry_date=expiry_date,
        sex=sex,
        nationality=nationality,
        check_digits_valid=checks.ok,
        problems=tuple(checks.problems),
        corrections=tuple(checks.corrections),
        names_latin=(surname, given),
    )


# --- names -------------------------------------------------------------------------------------


def icao_transliterate(name: str) -> tuple[str, bool]:
    """A name in MRZ letters (A-Z, spaces); ``True`` when a letter outside ICAO's table was used."""
    national = False
    out = []
    for char in unicodedata.normalize("NFC", name.upper()):
        if char in ICAO_CYRILLIC:
            out.append(ICAO_CYRILLIC[char])
        elif char in _NATIONAL_CYRILLIC:
            out.append(_NATIONAL_CYRILLIC[char])
            national = True
        else:
            base = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in base if not unicodedata.combining(c))
            base = {"Æ": "AE", "Œ": "OE", "ß": "SS", "Ø": "OE"}.get(base, base)
            out.append(base if base.isascii() and base.isalpha() else " ")
    return " ".join("".join(out).split()), national


@dataclass(frozen=True)
class NameComparison:
    verdict: str  # match | partial | mismatch
    detail: str


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^A-Z]+", text.upper()) if t]


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    # one edit per six letters (I/Y, KS/X, a dropped soft sign): a small Levenshtein
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= max(1, len(max(a, b, key=len)) // 6)


def compare_names(subject_name: str, mrz: MrzResult) -> NameComparison:
    """Compare the case's data subject with the MRZ names (ICAO 9303 transliteration of Cyrillic).

    The general name matcher (:func:`dpo_desk.core.names.match_names`: transliteration, word
    order, patronymics, initials) decides first; where it finds no full match, the MRZ's own
    rules (ICAO transliteration, names cut to fit the zone) say how far the names agree.
    """
    from dpo_desk.core.names import match_names

    latin, national = icao_transliterate(subject_name)
    general = match_names(subject_name, f"{mrz.given_names} {mrz.surname}")
    if general.result == "match":
        note = (
            " Kazakh or Kyrgyz letters were transliterated by national practice, not ICAO's table."
            if national
            else ""
        )
        return NameComparison("match", "Surname and given name match the data subject." + note)
    wanted = _tokens(latin)
    surname = _tokens(icao_transliterate(mrz.surname)[0])
    given = _tokens(icao_transliterate(mrz.given_names)[0])
    if not wanted or not surname:
        return NameComparison("mismatch", "There is no name to compare.")

    def found(token: str) -> bool:
        return any(_similar(token, w) for w in wanted)

    surname_ok = all(found(t) for t in surname)
    given_ok = bool(given) and found(given[0])
    exact = all(t in wanted for t in surname + given[:1])
    note = (
        " Kazakh or Kyrgyz letters were transliterated by national practice, not ICAO's table."
        if national
        else ""
    )
    if surname_ok and given_ok:
        if exact:
            return NameComparison("match", "Surname and given name match the data subject." + note)
        return NameComparison(
            "partial", "Surname and given name match up to transliteration; compare by eye." + note
        )
    if surname_ok or given_ok:
        which = "surname" if surname_ok else "given name"
        return NameComparison(
            "partial", f"Only the {which} matches the data subject; compare by eye." + note
        )
    return NameComparison(
        "mismatch", "The names on the document differ from the data subject." + note
    )
