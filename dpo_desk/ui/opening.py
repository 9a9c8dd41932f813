"""Opening and creating the case file: jobs for the database thread (the file's connection is
born on the thread that will use it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile import keys as keystore

from .app import Session, open_session


@dataclass(frozen=True)
class Opened:
    casefile: CaseFile
    session: Session
    recovery_key: str | None = None  # a new keyring-keyed file: shown once, then forgotten


def open_casefile(path: Path, key: Key | None) -> Opened:
    """Open ``path`` with ``key`` (``None``: the keyring's key)."""
    cf = CaseFile.open(path, key)
    return Opened(cf, open_session(cf, key))


def create_casefile(path: Path, key: Key | None) -> Opened:
    """Create ``path``: ``key=None`` keeps a random key in the keyring (with a recovery key)."""
    created = CaseFile.create(path, key)
    cf = created.casefile
    return Opened(cf, open_session(cf, key), created.recovery_key)


def keyring_status() -> keystore.KeyringStatus:
    return keystore.keyring_status()


def parse_secret(text: str) -> Key:
    return keystore.parse_secret(text)
