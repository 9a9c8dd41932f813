"""Accuracy and speed of the name matcher (dpo_desk/core/names.py) on pairs written for DPO Desk.

    python benchmarks/name_matching.py

The pairs below were written by the engineer who wrote the matcher (not held-out material):
spellings of one person's name across ICAO 9303, GOST 7.79 B, BGN/PCGN, Kazakh Latin, word order,
patronymics and initials (should match), and different people with shared words (should not).
Prints the share of each group answered right and the time per comparison.
"""

from __future__ import annotations

import time

from dpo_desk.core.names import match_names

SAME = [
    ("Айжан Төлеуова", "TOLEUOVA AIZHAN"),
    ("Айжан Төлеуова", "Aizhan Toleuova"),
    ("Юлия Цой", "Iuliia Tsoi"),
    ("Юлия Цой", "Yuliya Tsoy"),
    ("Юлия Цой", "Julija Coj"),
    ("Елена Ёлкина", "Yelena Yolkina"),
    ("Елена Ёлкина", "Elena Elkina"),
    ("Дмитрий Фёдоров", "Dmitrij Fedorov"),
    ("Дмитрий Фёдоров", "Dmitriy Fyodorov"),
    ("Дмитрий Иванович Фёдоров", "Fedorov Dmitrii"),
    ("Әлібек Қасымов", "ÄLİBEK QASYMOV"),
    ("Әлібек Қасымов", "Alibek Kasymov"),
    ("Ілияс Ғаббасов", "Ilyas Gabbasov"),
    ("Жанна Хасанова", "Janna Hasanova"),
    ("Жанна Хасанова", "Zhanna Khasanova"),
    ("Алиса Щукина", "Alisa Shchukina"),
    ("Алиса Щукина", "Alisa Shhukina"),
    ("Максим Горький", "Maxim Gorky"),
    ("Серик Болатұлы Ахметов", "Akhmetov Serik"),
    ("Nurlan Serik uly Akhmetov", "Нурлан Ахметов"),
    ("Тулегенова Айжан Жумабековна", "Тулегенова А.Ж."),
    ("Бактыгуль Жумабаева", "Baktygul Dzhumabaeva"),
    ("Бактыгуль Жумабаева", "Baktygul Jumabaeva"),
    ("Чынгыз Айтматов", "Chyngyz Aitmatov"),
    ("Чынгыз Айтматов", "Čyngyz Ajtmatov"),
    ("Ольга Васильевна Кузнецова", "KUZNETSOVA OLGA"),
    ("Alice Subject", "Subject A."),
    ("Сергей Щербаков", "Sergei Shcherbakov"),
    ("Сергей Щербаков", "Sergey Scherbakov"),
    ("Наталья Ильина", "Natalia Ilina"),
    ("Наталья Ильина", "Natal'ya Il'ina"),
]
DIFFERENT = [
    ("Alice Subject", "Mallory Evil"),
    ("Айжан Төлеуова", "Aizhan Akhmetova"),
    ("Айжан Төлеуова", "Toleuova B."),
    ("Alice Subject", "Alice Subject Mallory"),
    ("Дмитрий Фёдоров", "Dmitrij Petrov"),
    ("Юлия Цой", "Yuliya Kim"),
    ("Серик Ахметов", "Berik Akhmetov"),
    ("Жанна Хасанова", "Zhanna Hasanov Ruslan"),
    ("Ольга Кузнецова", "Oleg Kuznetsov"),
    ("Наталья Ильина", "Natalia Ilyin"),
]


def main() -> None:
    same_ok = [a for a, b in SAME if match_names(a, b).result == "match"]
    different_ok = [a for a, b in DIFFERENT if match_names(a, b).result != "match"]
    for a, b in SAME:
        if match_names(a, b).result != "match":
            print(f"  missed: {a!r} vs {b!r}: {match_names(a, b).explanation}")
    for a, b in DIFFERENT:
        if match_names(a, b).result == "match":
            print(f"  FALSE MATCH: {a!r} vs {b!r}")
    pairs = SAME + DIFFERENT
    rounds = 200
    start = time.perf_counter()
    for _ in range(rounds):
        for a, b in pairs:
            match_names(a, b)
    per_call = (time.perf_counter() - start) / (rounds * len(pairs))
    print(f"same person:      {len(same_ok)}/{len(SAME)} matched")
    print(f"different people: {len(different_ok)}/{len(DIFFERENT)} not matched")
    print(f"time per comparison: {per_call * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
