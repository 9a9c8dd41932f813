"""Issue 19: the fast paths of the case file keep their behaviour."""

from __future__ import annotations

from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.health import REQUIRED_SETTINGS


def test_memory_security_is_left_at_sqlcipher_default(casefile: CaseFile) -> None:
    # process-wide and irreversible in SQLCipher; off by default since 4.5 (ADR 0001, issue 19)
    value = str(casefile.db.execute("PRAGMA cipher_memory_security").fetchone()[0])
    assert value == "0"
    assert value in REQUIRED_SETTINGS["cipher_memory_security"]
