"""Refresh the translation catalogues after UI strings changed (a developer's command).

    python -m dpo_desk.ui.i18n_tools

Runs ``pyside6-lupdate`` over ``dpo_desk/ui`` into ``resources/i18n/dpo_desk_ru.ts`` (existing
Russian translations are kept; new strings arrive "unfinished" for Qt Linguist) and into
``dpo_desk_en.ts`` (plural forms only, filled here by rule: "%n case(s)" -> "%n case" /
"%n cases"), then compiles both to ``.qm`` with ``pyside6-lrelease``. Reports unfinished strings.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
SKIP = {"selftest_qt.py", "i18n_tools.py"}


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "dpo_desk" / "ui").rglob("*.py") if p.name not in SKIP)


def english_plurals(path: Path) -> None:
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = form
    ET.indent(tree, "    ")
    text = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8"
    )


def unfinished(path: Path) -> list[str]:
    tree = ET.parse(path)
    return [
        message.findtext("source") or ""
        for message in tree.getroot().iter("message")
        if (
            message.find("translation") is not None
            and message.find("translation").get("type") == "unfinished"
        )  # type: ignore[union-attr]
    ]


def main() -> int:
    files = sources()
    lupdate, lrelease = _tool("pyside6-lupdate"), _tool("pyside6-lrelease")
    ru, en = I18N / "dpo_desk_ru.ts", I18N / "dpo_desk_en.ts"
    subprocess.run(
        [lupdate, *files, "-no-obsolete", "-target-language", "ru_RU", "-ts", str(ru)], check=True
    )
    subprocess.run(
        [
            lupdate,
            *files,
            "-no-obsolete",
            "-pluralonly",
            "-target-language",
            "en_GB",
            "-ts",
            str(en),
        ],
        check=True,
    )
    english_plurals(en)
    for ts in (ru, en):
        subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    missing = unfinished(ru)
    for source in missing:
        print(f"unfinished (ru): {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
