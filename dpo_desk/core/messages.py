"""Service messages that are translated at the edge (Picard's ``N_()`` markers are the model).

A :class:`Message` is the English sentence a service raises or returns, *and* the template and
parameters it was made from. It is a ``str``: ``str(msg)``, ``msg == "..."``, JSON output and the
command line's default output are the English sentence, so nothing that reads service messages
as text changes. The window (and the command line under ``DPO_DESK_LANG=ru``) calls
:func:`translate`, which looks the *template* up in ``resources/i18n/messages_<lang>.toml`` and
formats the translation with the same parameters.

Write a message where it is raised::

    raise NotFound(Message("Case {reference} does not exist.", reference=ref))

The template must be a literal string (a test collects every ``Message("...")`` of the package
and checks the Russian catalogue has it with the same placeholders). Parameters are data (names,
dates, numbers); a parameter that is itself a :class:`Message` is translated too.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

__all__ = [
    "CATALOG_LANGUAGES",
    "Clauses",
    "Message",
    "catalog",
    "placeholders",
    "translate",
]

#: Languages with a catalogue (English is the source language and needs none).
CATALOG_LANGUAGES: tuple[str, ...] = ("ru",)


class Message(str):
    """An English sentence that remembers its ``template`` and ``params``."""

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = dict(params)
        return self

    @classmethod
    def from_data(cls, template: str, /, **params: Any) -> Message:
        """A message whose template comes from bundled data (e.g. ``identity_rules.toml``),
        not from a literal in the code; the catalogue test collects those templates itself."""
        return cls(template, **params)

    def __reduce__(self) -> tuple[Any, ...]:  # copy/pickle keep the template
        return (_rebuild, (self.template, dict(self.params)))

    def translated(self, language: str) -> str:
        return translate(self, language)


class Clauses(tuple[str, ...]):
    """Sentences shown as the clauses of one sentence ("a; b"), each translated on its own."""

    def __str__(self) -> str:
        return "; ".join(_clause(str(m)) for m in self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def translated(self, language: str) -> str:
        return "; ".join(_clause(translate(m, language)) for m in self)


def _clause(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:].rstrip(".")


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def placeholders(template: str) -> frozenset[str]:
    """The named fields of a ``str.format`` template (``{reference}``, ``{due:%d}`` -> names)."""
    names: set[str] = set()
    for _literal, field, _spec, _conv in string.Formatter().parse(template):
        if field is not None:
            names.add(field.split(".", 1)[0].split("[", 1)[0])
    return frozenset(names)


@cache
def catalog(language: str) -> Mapping[str, str]:
    """English template -> translation for ``language`` (empty for English or an unknown one)."""
    if language not in CATALOG_LANGUAGES:
        return {}
    from dpo_desk.resources import path

    with path("i18n", f"messages_{language}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def translate(text: object, language: str) -> str:
    """``text`` in ``language``: a :class:`Message` (or a ``KnownError`` carrying one) is
    looked up in the catalogue by its template; plain text only when it is a catalogued sentence
    without placeholders; English and a missing entry give the English."""
    message = getattr(text, "message", text) if isinstance(text, BaseException) else text
    language = (language or "en").split("_", 1)[0].lower()
    if not isinstance(message, Message):
        # a sentence that lost its template on the way (stored as JSON, say): a fixed sentence
        # is still found by its English text; one with parameters stays English
        plain = str(text)
        found = catalog(language).get(plain)
        return found if found is not None and not placeholders(plain) else plain
    params = {
        k: translate(v, language)
        if isinstance(v, Message)
        else v.translated(language)
        if isinstance(v, Clauses)
        else v
        for k, v in message.params.items()
    }
    target = catalog(language).get(message.template)
    if target is None:
        return str.__str__(message)
    try:
        return target.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken catalogue entry: say it in English
        return str.__str__(message)
