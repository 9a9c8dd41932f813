"""How much time an open case has left, counted the way its governing rule counts.

The case list and the deadlines tab must say the same thing: a Russian request under a
working-day rule has "3 working days left", not "5 days". :func:`list_statuses` gives the
governing deadline's :class:`~dpo_desk.core.deadlines.DeadlineStatus` for a page of list rows,
computed exactly as the case's deadlines tab computes it (the controller's calendar overrides
included). Closed cases and cases without a deadline get none.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from dpo_desk.casefile.deadlines import calendar_overrides, case_deadlines
from dpo_desk.core.deadlines import DeadlineStatus, deadline_status
from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import CaseStatus

if TYPE_CHECKING:
    from dpo_desk.casefile.repositories import CaseRow
    from dpo_desk.casefile.store import CaseFile


def _is_open(status: str) -> bool:
    try:
        return CaseStatus(status).is_open
    except ValueError:
        return False


def list_statuses(cf: CaseFile, rows: Iterable[CaseRow], today: date) -> dict[int, DeadlineStatus]:
    """The governing deadline's status of each open row with a due date, by case id.

    A case whose deadlines cannot be computed (an unknown jurisdiction in an old controller
    record) is left out: the list then shows its stored due date in calendar days.
    """
    out: dict[int, DeadlineStatus] = {}
    for row in rows:
        if row.due_on is None or not _is_open(row.status):
            continue
        try:
            deadlines = case_deadlines(cf, int(row.id))
        except KnownError:
            continue
        governing = deadlines.governing
        if governing is None:
            continue
        case = cf.cases.get(int(row.id))
        overrides = calendar_overrides(cf, case.controller_id)
        out[int(row.id)] = deadline_status(governing, today, overrides)
    return out
