"""Service messages: str() is English, the catalogue is complete, translations keep placeholders."""

from __future__ import annotations

import ast
import copy
import json
import pickle
import string
import tomllib
from pathlib import Path

import pytest

from dpo_desk.core.errors import KnownError, NotFound, WrongKey
from dpo_desk.core.messages import CATALOG_LANGUAGES, Message, catalog, placeholders, translate

PACKAGE = Path(__file__).resolve().parents[2] / "dpo_desk"
CATALOGUES = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def _templates() -> dict[str, list[str]]:
    """Every literal ``Message("...")`` template in the package, with where it is written."""
    found: dict[str, list[str]] = {}
    mechanism = {PACKAGE / "core" / "messages.py", PACKAGE / "core" / "errors.py"}
    for source in sorted(set(PACKAGE.rglob("*.py")) - mechanism):
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message"):
                continue
            where = f"{source.relative_to(PACKAGE.parent)}:{node.lineno}"
            first = node.args[0] if node.args else None
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{where}: a Message template must be a literal string (it is extracted)"
            )
            found.setdefault(first.value, []).append(where)
    return found


def _data_templates() -> dict[str, list[str]]:
    """Templates that live in bundled data (``Message.from_data``): identity-rule limit texts."""
    from dpo_desk.identity.policy import _rules

    return {
        limit.message: [f"identity_rules.toml [{entry.code}] {code}"]
        for entry in _rules().jurisdictions
        for code, limit in entry.limits
    }


TEMPLATES = {**_templates(), **_data_templates()}


def test_the_package_has_translatable_messages() -> None:
    # the conversion of issue 14: the messages a DPO meets most carry a template
    files = {where.split(":")[0] for places in TEMPLATES.values() for where in places}
    for expected in (
        "dpo_desk/casefile/store.py",
        "dpo_desk/casefile/connection.py",
        "dpo_desk/letters/checks.py",
        "dpo_desk/identity/policy.py",
        "dpo_desk/identity/signatures.py",
        "dpo_desk/core/workflow.py",
    ):
        assert expected in files


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_every_template_has_a_translation_with_the_same_placeholders(language: str) -> None:
    with (CATALOGUES / f"messages_{language}.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    entries = catalog(language)
    missing = sorted(t for t in TEMPLATES if t not in entries)
    assert not missing, f"no {language} entry for: {missing}"
    stale = sorted(t for t in entries if t not in TEMPLATES)
    assert not stale, f"{language} entries no code uses any more: {stale}"
    for template, translation in entries.items():
        assert isinstance(raw[template], str)
        assert translation.strip(), template
        words = "".join(lit for lit, *_ in string.Formatter().parse(template))
        if any(ch.isalpha() for ch in words):  # "{warning} [{citation}]" stays as it is
            assert translation != template, f"not translated: {template}"
        assert placeholders(translation) == placeholders(template), template
        # the translation formats with the same parameters (no stray braces)
        translation.format(**{name: "x" for name in placeholders(template)})


def test_message_is_the_english_sentence_and_keeps_its_template() -> None:
    msg = Message("Case {reference} has no finalised reply letter.", reference="DSR-2026-0001")
    assert msg == "Case DSR-2026-0001 has no finalised reply letter."
    assert str(msg) == msg and type(str(msg)) is str
    assert msg.template == "Case {reference} has no finalised reply letter."
    assert msg.params == {"reference": "DSR-2026-0001"}
    assert json.dumps({"m": msg}) == '{"m": "Case DSR-2026-0001 has no finalised reply letter."}'
    for twin in (copy.deepcopy(msg), pickle.loads(pickle.dumps(msg))):
        assert isinstance(twin, Message) and twin.template == msg.template and twin == msg


def test_known_error_str_stays_english_and_carries_template_and_params() -> None:
    exc = WrongKey(
        Message(
            "The passphrase or recovery key does not open {file} "
            "(or it is not a DPO Desk case file).",
            file="office.dpodesk",
        )
    )
    assert str(exc) == (
        "The passphrase or recovery key does not open office.dpodesk "
        "(or it is not a DPO Desk case file)."
    )
    assert exc.template is not None and "{file}" in exc.template
    assert exc.params == {"file": "office.dpodesk"}
    assert translate(exc, "en") == str(exc)
    russian = translate(exc, "ru")
    assert "office.dpodesk" in russian and "парол" in russian.lower()
    # template= and params= build the same error
    same = WrongKey(template=exc.template, params={"file": "office.dpodesk"})
    assert str(same) == str(exc) and translate(same, "ru") == russian
    # a plain sentence still works and is shown as it is
    plain = NotFound("Something plain.")
    assert plain.template is None and translate(plain, "ru") == "Something plain."
    with pytest.raises(TypeError):
        KnownError()


def test_nested_messages_are_translated_and_unknown_languages_fall_back_to_english() -> None:
    inner = Message("The case file cannot be opened{where}.", where="")
    outer = Message("The case file reported an error{where}: {error}.", where="", error=inner)
    assert outer == "The case file reported an error: The case file cannot be opened.."
    russian = translate(outer, "ru")
    assert russian == catalog("ru")[outer.template].format(
        where="", error=catalog("ru")[inner.template].format(where="")
    )
    assert translate(outer, "kk") == str(outer)
    assert translate(outer, "ru_RU") == russian


def test_a_fixed_sentence_that_lost_its_template_is_still_translated() -> None:
    # signature reports reach the window as JSON: the verdict sentence is a plain str there
    stored = json.loads(json.dumps({"reason": Message("The PDF has no signatures.")}))["reason"]
    assert type(stored) is str
    assert translate(stored, "ru") == "В PDF нет подписей."
    # a sentence with parameters cannot be matched back, and unknown text is left alone
    assert translate("There is no case 2026-0001.", "ru") == "There is no case 2026-0001."
    assert translate("{warning} [{citation}]", "ru") == "{warning} [{citation}]"
    assert translate("Anything else.", "ru") == "Anything else."
