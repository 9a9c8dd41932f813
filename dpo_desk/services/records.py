"""The case-file records the window and the command line show, seen from the service layer.

``ui/`` and ``cli/`` may not import ``dpo_desk.casefile.repositories`` or
``dpo_desk.casefile.records`` (an import-linter contract, issue 14): the frozen dataclasses and
the constants they need to name are re-exported here, unchanged, so a view can type its rows and a
command can list its choices without reaching past the services.
"""

from __future__ import annotations

from typing import Final

from dpo_desk.casefile.records import (
    SEND_CHANNELS,
    EmailRecord,
    IdentityRecord,
    LetterRecord,
    TrustedCert,
)
from dpo_desk.casefile.repositories import (
    VIEWS,
    CasePage,
    CaseQuery,
    CaseRow,
    OverrideRepo,
    OverrideRow,
)

#: The kinds a calendar override may have (holiday, working day, "not a holiday").
OVERRIDE_KINDS: Final[tuple[str, ...]] = OverrideRepo.KINDS

__all__ = [
    "OVERRIDE_KINDS",
    "SEND_CHANNELS",
    "VIEWS",
    "CasePage",
    "CaseQuery",
    "CaseRow",
    "EmailRecord",
    "IdentityRecord",
    "LetterRecord",
    "OverrideRow",
    "TrustedCert",
]
