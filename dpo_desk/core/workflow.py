"""Case status workflow: which moves are allowed.

received → awaiting identity → in progress → responded → closed, with rejected and withdrawn
reachable from any open status. A closed, rejected or withdrawn case may be reopened (to
in progress) — a regulator's question or a follow-up can revive it — and every move is audited.
"""

from __future__ import annotations

from .errors import InvalidTransition
from .messages import Message
from .model import CaseStatus

S = CaseStatus

#: Status words inside sentences (translated with the sentence; issue 14).
_WORDS: dict[CaseStatus, Message] = {
    S.RECEIVED: Message("received"),
    S.AWAITING_IDENTITY: Message("awaiting identity"),
    S.IN_PROGRESS: Message("in progress"),
    S.RESPONDED: Message("responded"),
    S.CLOSED: Message("closed"),
    S.REJECTED: Message("rejected"),
    S.WITHDRAWN: Message("withdrawn"),
}

TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.RECEIVED: frozenset(
        {S.AWAITING_IDENTITY, S.IN_PROGRESS, S.RESPONDED, S.REJECTED, S.WITHDRAWN}
    ),
    S.AWAITING_IDENTITY: frozenset({S.IN_PROGRESS, S.RESPONDED, S.REJECTED, S.WITHDRAWN}),
    S.IN_PROGRESS: frozenset({S.AWAITING_IDENTITY, S.RESPONDED, S.REJECTED, S.WITHDRAWN}),
    S.RESPONDED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset({S.IN_PROGRESS}),
    S.REJECTED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.WITHDRAWN: frozenset({S.CLOSED, S.IN_PROGRESS}),
}


def can_move(current: CaseStatus, new: CaseStatus) -> bool:
    return new in TRANSITIONS[current]


def check_move(current: CaseStatus, new: CaseStatus) -> None:
    if current == new:
        raise InvalidTransition(Message("The case is already {status}.", status=_WORDS[current]))
    if not can_move(current, new):
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[current]))
        raise InvalidTransition(
            Message(
                "A case that is {current} cannot become {new} (allowed: {allowed}).",
                current=_WORDS[current],
                new=_WORDS[new],
                allowed=allowed,
            )
        )


def format_reference(year: int, number: int) -> str:
    """Case reference like ``2026-0042``: year of receipt and a running number in that year."""
    return f"{year}-{number:04d}"
