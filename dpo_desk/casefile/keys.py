"""Key policy: a random 256-bit key in the OS keyring, or a passphrase in the DPO's head.

The keyring is a convenience, never the only way in: a file keyed from the keyring also has a
*recovery key* (the same 256 bits, written for a human: ``DPO1-XXXX-…``), shown once when the
file is created or re-keyed. The recovery key opens the file wherever a passphrase is asked for.

Keyring entries (service ``DPO Desk``):
- ``key:<file id>``: the hex key of that case file;
- ``key-pending:<file id>``: a new key being installed by ``rekey`` (promoted after the rekey
  commits, so a crash between the two never leaves the file without a stored key);
- ``anchor:<file id>``: the audit chain's head, kept outside the file.
The file id is a random UUID kept in the file and in a small, non-secret sidecar
(``<file>.id``) so the entry is found before the file is open.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.messages import Message

from .connection import Key

SERVICE = "DPO Desk"
RECOVERY_PREFIX = "DPO1"
_RECOVERY_RE = re.compile(r"^\s*DPO1(?:[-\s]*[A-Z2-7]){52}\s*$", re.IGNORECASE)


def new_raw_key() -> Key:
    return Key(raw=secrets.token_bytes(32))


def recovery_key_text(key: Key) -> str:
    """The human form of a raw key: ``DPO1-`` and 52 base32 letters in groups of four."""
    assert key.raw is not None
    letters = base64.b32encode(key.raw).decode("ascii").rstrip("=")
    groups = [letters[i : i + 4] for i in range(0, len(letters), 4)]
    return "-".join([RECOVERY_PREFIX, *groups])


def is_recovery_key(text: str) -> bool:
    return bool(_RECOVERY_RE.match(text))


def parse_secret(text: str) -> Key:
    """A passphrase, or a recovery key typed by the DPO (spaces, dashes and case don't matter)."""
    if is_recovery_key(text):
        letters = re.sub(r"[^A-Z2-7]", "", text.strip().upper()[len(RECOVERY_PREFIX) :])
        try:
            raw = base64.b32decode(letters + "====")
        except ValueError:
            raise InvalidInput(
                "The recovery key is not valid; check it letter by letter."
            ) from None
        return Key(raw=raw[:32])
    text = text.rstrip("\r\n")
    if not text:
        raise InvalidInput(Message("The passphrase is empty."))
    return Key(passphrase=text)


# --- the file id sidecar -------------------------------------------------------------------


def id_path(casefile: Path) -> Path:
    return casefile.with_name(casefile.name + ".id")


def read_file_id(casefile: Path) -> str | None:
    try:
        text = id_path(casefile).read_text(encoding="ascii").strip()
        return str(uuid.UUID(text))
    except (OSError, ValueError):
        return None


def write_file_id(casefile: Path, file_id: str) -> None:
    target = id_path(casefile)
    tmp = target.with_name(target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(file_id + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)


# --- keyring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str = ""


def keyring_status() -> KeyringStatus:
    """Whether a keyring backend works here: not the fail backend, and a probe read succeeds."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration
        return KeyringStatus(False, "none", f"keyring failed to load: {exc}")
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyring.backends.fail") or name.startswith("keyring.backends.null"):
        return KeyringStatus(False, name, "no keyring service is available")
    if name.startswith("keyring.backends.chainer") and not getattr(backend, "backends", None):
        return KeyringStatus(False, name, "no keyring service is available")
    try:
        backend.get_password(SERVICE, "probe")
    except keyring.errors.KeyringError as exc:
        return KeyringStatus(False, name, f"the keyring is not usable ({type(exc).__name__})")
    except Exception as exc:
        return KeyringStatus(False, name, f"the keyring is not usable ({type(exc).__name__})")
    return KeyringStatus(True, name)


def _get(entry: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, entry)
    except Exception:
        return None


def _set(entry: str, value: str) -> None:
    keyring.set_password(SERVICE, entry, value)


def _delete(entry: str) -> None:
    with contextlib.suppress(Exception):
        keyring.delete_password(SERVICE, entry)


def stored_keys(file_id: str) -> list[Key]:
    """The keys the keyring holds for this file: the current one, then a pending one."""
    keys = []
    for entry in (f"key:{file_id}", f"key-pending:{file_id}"):
        value = _get(entry)
        if value:
            try:
                keys.append(Key(raw=bytes.fromhex(value)))
            except ValueError:
                continue
    return keys


def store_key(file_id: str, key: Key) -> None:
    assert key.raw is not None
    _set(f"key:{file_id}", key.raw.hex())


def store_pending_key(file_id: str, key: Key) -> None:
    assert key.raw is not None
    _set(f"key-pending:{file_id}", key.raw.hex())


def promote_pending_key(file_id: str, key: Key) -> None:
    store_key(file_id, key)
    _delete(f"key-pending:{file_id}")


def forget_keys(file_id: str) -> None:
    _delete(f"key:{file_id}")
    _delete(f"key-pending:{file_id}")


def get_anchor(file_id: str) -> str | None:
    return _get(f"anchor:{file_id}")


def set_anchor(file_id: str, value: str) -> None:
    # the keyring is one anchor among others (backups and summaries carry it too)
    with contextlib.suppress(Exception):
        _set(f"anchor:{file_id}", value)
