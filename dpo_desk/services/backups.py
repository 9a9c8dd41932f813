"""Restoring a backup from the window (issue 21 item 9): one rule for what may be restored where.

The window never overwrites the case file it has open: the DPO restores to another path and
opens that file afterwards. The backup's key is the typed passphrase or recovery key, or else
the keys the OS keyring holds for the given file ids (a backup keeps its file's key).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dpo_desk.casefile import Key, restore
from dpo_desk.casefile.keys import read_file_id, stored_keys
from dpo_desk.core.errors import InvalidInput, KeyUnavailable, WrongKey
from dpo_desk.core.messages import Message


class RestoreOverOpenFile(InvalidInput):
    """The restore target is the case file the window has open."""


@dataclass(frozen=True)
class Restored:
    path: Path
    source: Path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def restore_backup(
    source: Path,
    target: Path,
    *,
    open_file: Path | None = None,
    key: Key | None = None,
    file_ids: Iterable[str] = (),
) -> Restored:
    """Restore ``source`` to ``target``; refuses the open file and the backup itself."""
    source = Path(source).expanduser()
    target = Path(target).expanduser()
    if open_file is not None and _same_file(target, Path(open_file)):
        raise RestoreOverOpenFile(
            Message(
                "{file} is the case file open in this window; restore to another path and "
                "open that file.",
                file=target.name,
            )
        )
    if _same_file(source, target):
        raise InvalidInput(Message("Choose a target path other than the backup itself."))
    candidates: list[Key] = [key] if key is not None else []
    if not candidates:
        ids = [i for i in file_ids if i]
        found = read_file_id(target) if target.exists() else None
        if found:
            ids.append(found)
        for file_id in dict.fromkeys(ids):
            candidates.extend(stored_keys(file_id))
    if not candidates:
        raise KeyUnavailable(
            Message("Type the backup's passphrase or recovery key: the keyring has no key for it.")
        )
    last: WrongKey | None = None
    for candidate in candidates:
        try:
            restore(source, candidate, target)
            return Restored(path=target.absolute(), source=source.absolute())
        except WrongKey as exc:
            last = exc
    assert last is not None
    raise last
