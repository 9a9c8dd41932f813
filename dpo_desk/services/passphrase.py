"""One passphrase policy for every new passphrase (issue 20): ``init``, ``backup
--new-passphrase``, ``rekey`` and the window's first start all ask :func:`check_new`.

- Refused: fewer than :data:`MIN_LENGTH` characters (8), or text that reads as a recovery key
  (a recovery key is a key, not a passphrase: it would be stored under the KDF and confuse).
- Accepted with a warning: a passphrase an attacker tries first — one repeated character, a
  keyboard or digit run, a well-known password, or only one kind of character and under
  :data:`COMFORTABLE_LENGTH` (16). SQLCipher's 256,000 PBKDF2 rounds slow guessing; they do not
  make ``12345678`` safe.

The existing passphrase of a file is never judged (it opens the file or it does not).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from dpo_desk.casefile import Key
from dpo_desk.casefile.keys import is_recovery_key
from dpo_desk.core.errors import InvalidInput

MIN_LENGTH = 8
COMFORTABLE_LENGTH = 16

_COMMON = frozenset(
    (
        "password", "passw0rd", "password1", "12345678", "123456789", "1234567890", "qwertyui",
        "qwerty123", "iloveyou", "11111111", "00000000", "abcdefgh", "abcd1234", "1q2w3e4r",
        "qwertyuiop", "asdfghjk", "zxcvbnm1", "letmein1", "пароль123", "йцукенгш", "qwerty12",
        "administrator", "admin123", "welcome1", "sunshine", "princess", "dpodesk1", "dpo-desk",
        "casefile",
    )
)  # fmt: skip
_RUNS = ("0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
         "йцукенгшщзхъ", "фывапролджэ", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя")  # fmt: skip


class PassphraseTooShort(InvalidInput):
    """A new passphrase is shorter than the policy allows."""


@dataclass(frozen=True)
class PassphraseVerdict:
    key: Key
    warnings: tuple[str, ...] = ()


def _classes(text: str) -> int:
    kinds = set()
    for ch in text:
        cat = unicodedata.category(ch)
        kinds.add("lower" if cat == "Ll" else "upper" if cat == "Lu" else "digit" if cat == "Nd"
                  else "space" if ch.isspace() else "other")  # fmt: skip
    return len(kinds)


def weaknesses(text: str) -> tuple[str, ...]:
    """Why ``text`` is a weak passphrase (empty when it is not), in plain sentences."""
    folded = text.casefold()
    out: list[str] = []
    if len(set(folded)) <= 2:
        out.append("It repeats one or two characters.")
    elif folded in _COMMON or folded.rstrip("!1") in _COMMON:
        out.append("It is a well-known password that is tried first.")
    elif any(folded in run or folded in run[::-1] for run in _RUNS):
        out.append("It is a run of keys or digits.")
    elif len(text) < COMFORTABLE_LENGTH and _classes(text) == 1:
        out.append(
            f"It has only one kind of character and fewer than {COMFORTABLE_LENGTH}; "
            "a few words with spaces are easier to remember and harder to guess."
        )
    return tuple(out)


def check_new(text: str) -> PassphraseVerdict:
    """Judge a new passphrase: refuse it (``InvalidInput``) or accept it, with warnings."""
    text = (text or "").rstrip("\r\n")
    if is_recovery_key(text):
        raise InvalidInput("That is a recovery key, not a passphrase; choose a passphrase.")
    if len(text) < MIN_LENGTH:
        raise PassphraseTooShort(f"Choose a passphrase of at least {MIN_LENGTH} characters.")
    return PassphraseVerdict(Key(passphrase=text), weaknesses(text))


def check_new_key(key: Key) -> PassphraseVerdict:
    """The policy for a key given on the command line: a recovery key (random 256 bits) passes;
    a passphrase is judged by :func:`check_new`."""
    if key.passphrase is None:
        return PassphraseVerdict(key)
    return check_new(key.passphrase)
