"""MRZ (issue 18): ICAO 9303 layouts and check digits, OCR repairs, the Russian internal passport,
names compared with the data subject, and reading rendered ID copies (OCR-B) in memory."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dpo_desk.cli import main
from dpo_desk.identity.mrz import (
    MrzNotFound,
    check_digit,
    compare_names,
    fillers_from_symbols,
    find_mrz_lines,
    icao_transliterate,
    parse_mrz,
)
from dpo_desk.services.ocr import mrz_prefill, read_mrz
from tests.intake.test_ocr_builders import encode, id_copy, letter_scan, ru_internal, td1, td3

TODAY = date(2026, 12, 8)

# ICAO Doc 9303 specimens (Part 4 TD3, Part 5 TD1, Part 6 TD2)
SPECIMEN_TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
SPECIMEN_TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
SPECIMEN_TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]


def test_check_digits_of_the_icao_specimen():
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("D23145890") == "7"


@pytest.mark.parametrize(
    ("lines", "fmt", "kind", "number"),
    [
        (SPECIMEN_TD3, "TD3", "passport", "L898902C3"),
        (SPECIMEN_TD1, "TD1", "id_card", "D23145890"),
        (SPECIMEN_TD2, "TD2", "id_card", "D23145890"),
    ],
)
def test_icao_specimens(lines, fmt, kind, number):
    result = parse_mrz(lines, today=TODAY)
    assert (result.format, result.document_type, result.number) == (fmt, kind, number)
    assert (result.surname, result.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert result.birth_date == date(1974, 8, 12)
    assert result.expiry_date == date(2012, 4, 15)
    assert result.sex == "F"
    assert result.check_digits_valid
    assert "The document expired on 2012-04-15." in result.problems


def test_ocr_confusion_in_the_number_is_corrected_by_the_check_digits():
    misread = [SPECIMEN_TD3[0], "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"]
    result = parse_mrz(misread, today=TODAY)
    assert result.number == "L898902C3"
    assert result.check_digits_valid
    assert any("corrected" in c for c in result.corrections)


def test_letters_read_for_digits_in_dates_and_digits_for_letters_in_countries():
    misread = [SPECIMEN_TD3[0], "L898902C36UT074O8122F12O4159ZE184226B<<<<<10"]
    result = parse_mrz(misread, today=TODAY)
    assert result.nationality == "UTO"
    assert result.birth_date == date(1974, 8, 12)
    assert result.check_digits_valid


def test_a_failed_check_digit_is_said_plainly():
    altered = [SPECIMEN_TD3[0], "L898902C36UTO7408132F1204159ZE184226B<<<<<10"]
    result = parse_mrz(altered, today=TODAY)
    assert not result.check_digits_valid
    assert any("check digit of the date of birth does not match" in p for p in result.problems)


def test_filler_read_as_k_is_repaired():
    lines = find_mrz_lines(
        "P<UTOERIKSSON<<ANNA<MARIA<K<<<<<<<<KKKKKK<K<\n"
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
    )
    assert lines is not None
    result = parse_mrz(lines, today=TODAY)
    assert result.given_names == "ANNA MARIA"
    assert result.check_digits_valid


def test_fillers_read_as_letters_are_put_back_from_the_engines_doubt():
    sure, doubt = 99.0, 85.0
    line = [
        ("K", sure, ()),  # a name's K, read with confidence: stays
        ("A", sure, ()),
        ("K", doubt, (("K", 80.0), ("<", 60.0))),  # '<' among the alternatives
        ("<", sure, ()),
        ("K", doubt, (("K", 70.0),)),  # doubtful, next to a filler
        ("K", doubt, (("K", 70.0),)),  # ... and so on along the run
        ("S", sure, ()),
    ]
    assert fillers_from_symbols([line]) == "KA<<<<S"


def test_no_mrz_in_plain_text():
    assert find_mrz_lines("Уважаемые господа!\nПрошу удалить мои данные.") is None
    with pytest.raises(MrzNotFound):
        parse_mrz(["P<UTO", "123"], today=TODAY)


def test_russian_internal_passport_names_and_series():
    lines = ru_internal(
        "Щукин", "Фёдор", "Петрович", "4509", "123456", date(1985, 2, 3), date(2015, 6, 7)
    )
    assert lines[0].startswith("PNRUSWUKIN<<F2DOR<PETROVI3")
    result = parse_mrz(lines, today=TODAY)
    assert result.document_type == "ru_internal_passport"
    assert (result.surname, result.given_names) == ("ЩУКИН", "ФЁДОР ПЕТРОВИЧ")
    assert result.number == "4509123456"
    assert result.issue_date == date(2015, 6, 7)
    assert result.expiry_date is None
    assert result.check_digits_valid
    assert any("needs review" in p for p in result.problems)  # the table's source is flagged


def test_icao_transliteration_and_name_comparison():
    assert icao_transliterate("Щукин Фёдор") == ("SHCHUKIN FEDOR", False)
    assert icao_transliterate("Әлібек Сейітқали")[1] is True  # national letters, flagged
    kz = parse_mrz(
        td1("SEYITKALI", "ALIBEK", "N12345678", "KAZ", date(1990, 3, 1), date(2031, 3, 1)),
        today=TODAY,
    )
    # ICAO gives SEIITKALI for Сейітқали, the card says SEYITKALI: the product's one name
    # matcher (core/names.py, as for signatures) knows both spellings; the note says how
    cyrillic = compare_names("Әлібек Сейітқали", kz)
    assert cyrillic.verdict == "match" and "national practice" in cyrillic.detail
    assert compare_names("Alibek Seyitkali", kz).verdict == "match"
    assert compare_names("Alibek Seitkali", kz).verdict == "match"  # i/y: one name, two spellings
    assert compare_names("Alibek Nurlanov", kz).verdict == "partial"  # only the given name
    assert compare_names("Иван Петров", kz).verdict == "mismatch"
    ru = parse_mrz(
        ru_internal("Щукин", "Фёдор", "Петрович", "4509", "123456", date(1985, 2, 3), TODAY),
        today=TODAY,
    )
    assert compare_names("Фёдор Петрович Щукин", ru).verdict == "match"


def test_prefill_keeps_only_the_last_four_characters():
    result = parse_mrz(
        td1("LEFEVRE", "ELODIE", "X4RTBPFW4", "FRA", date(1988, 5, 17), date(2031, 6, 1), "F"),
        today=TODAY,
    )
    prefill = mrz_prefill(result, "Élodie Lefèvre")
    assert prefill.last4 == "BPFW4"[-4:]
    assert "X4RT" not in repr(prefill)
    assert (prefill.document_type, prefill.issuing_country) == ("national_id", "FR")
    assert prefill.name_matches is True
    assert prefill.expiry == date(2031, 6, 1)


# --- rendered ID copies, read by OCR ------------------------------------------------------------

DOCUMENTS = {
    "passport-td3": (
        td3("ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", date(1974, 8, 12), date(2030, 4, 15)),
        ("passport", "UTO", "ERIKSSON", "L898902C3", date(1974, 8, 12), date(2030, 4, 15)),
    ),
    "kazakh-td1": (
        td1("SEYITKALI", "ALIBEK", "N12345678", "KAZ", date(1990, 3, 1), date(2031, 3, 1)),
        ("id_card", "KAZ", "SEYITKALI", "N12345678", date(1990, 3, 1), date(2031, 3, 1)),
    ),
    "kyrgyz-td1": (
        td1("OMURBEKOVA", "UMUT", "ID0123456", "KGZ", date(1995, 7, 9), date(2032, 1, 20), "F"),
        ("id_card", "KGZ", "OMURBEKOVA", "ID0123456", date(1995, 7, 9), date(2032, 1, 20)),
    ),
    "french-td1": (
        td1("LEFEVRE", "ELODIE", "X4RTBPFW4", "FRA", date(1988, 5, 17), date(2031, 6, 1), "F"),
        ("id_card", "FRA", "LEFEVRE", "X4RTBPFW4", date(1988, 5, 17), date(2031, 6, 1)),
    ),
    "russian-internal": (
        ru_internal("Щукин", "Фёдор", "Петрович", "4509", "123456", date(1985, 2, 3), TODAY),
        ("ru_internal_passport", "RUS", "ЩУКИН", "4509123456", date(1985, 2, 3), None),
    ),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_mrz_read_from_a_rendered_scan(name):
    lines, expected = DOCUMENTS[name]
    result = read_mrz(encode(id_copy(lines)), "id.png", today=TODAY)
    got = (
        result.document_type,
        result.country,
        result.surname,
        result.number,
        result.birth_date,
        result.expiry_date,
    )
    assert got == expected
    assert result.check_digits_valid, result.problems
    given = {"passport-td3": "ANNA MARIA", "kazakh-td1": "ALIBEK", "kyrgyz-td1": "UMUT",
             "french-td1": "ELODIE", "russian-internal": "ФЁДОР ПЕТРОВИЧ"}[name]  # fmt: skip
    assert result.given_names.startswith(given)


def test_mrz_command(tmp_path: Path, capsys):
    lines, _ = DOCUMENTS["french-td1"]
    scan = tmp_path / "id.jpg"
    scan.write_bytes(encode(id_copy(lines).convert("RGB"), "JPEG", quality=90))
    assert main(["mrz", str(scan), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in (
        "document_type",
        "country",
        "surname",
        "given_names",
        "number",
        "birth_date",
        "expiry_date",
        "sex",
        "check_digits_valid",
        "problems",
    ):
        assert key in out
    assert (out["surname"], out["birth_date"], out["sex"]) == ("LEFEVRE", "1988-05-17", "F")


def test_mrz_command_without_an_mrz_exits_2_with_one_sentence(tmp_path: Path, capsys):
    letter = tmp_path / "letter.png"
    letter.write_bytes(letter_scan("fr"))
    assert main(["mrz", str(letter), "--json"]) == 2
    err = capsys.readouterr().err
    assert "No machine-readable zone" in err and "Traceback" not in err
    garbage = tmp_path / "id.png"
    garbage.write_bytes(b"not an image at all")
    assert main(["mrz", str(garbage)]) == 2
    assert "Traceback" not in capsys.readouterr().err
