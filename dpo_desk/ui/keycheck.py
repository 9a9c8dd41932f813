"""Unlocking a locked window without closing the case file.

The file stays open (and locked by this process) while the window is locked, so the key cannot
be proven by opening the file again. Instead, when the file is opened the window keeps salted
PBKDF2 digests of the key(s) that may have opened it — never the keys — and the lock screen
checks what the DPO types against them. For a file keyed from the OS keyring, the lock screen
re-reads the keyring and checks that key the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

from dpo_desk.casefile import Key
from dpo_desk.casefile import keys as keystore

_ITERATIONS = 120_000


def _material(key: Key) -> bytes:
    if key.raw is not None:
        return b"raw:" + key.raw
    assert key.passphrase is not None
    return b"passphrase:" + key.passphrase.encode("utf-8")


class KeyVerifier:
    """Checks a key against the ones the file was opened with (slow hash, constant-time)."""

    def __init__(self, keys: Iterable[Key]) -> None:
        self._salt = secrets.token_bytes(16)
        self._digests = tuple(self._digest(k) for k in keys)

    def _digest(self, key: Key) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", _material(key), self._salt, _ITERATIONS)

    @property
    def empty(self) -> bool:
        return not self._digests

    def matches(self, key: Key) -> bool:
        digest = self._digest(key)
        found = False
        for known in self._digests:
            found |= hmac.compare_digest(digest, known)
        return found

    def matches_keyring(self, file_id: str) -> bool:
        """Whether the OS keyring (still) holds a key this file was opened with."""
        return any(self.matches(k) for k in keystore.stored_keys(file_id))


def verifier_for(key: Key | None, key_source: str, file_id: str) -> KeyVerifier:
    """The verifier for a file just opened with ``key`` (``None``: the keyring's key)."""
    keys: list[Key] = []
    if key is not None:
        keys.append(key)
    if key_source == "keyring":
        keys.extend(keystore.stored_keys(file_id))
    return KeyVerifier(keys)
