"""Reports and exports: case summaries, registers, statistics and calendar (.ics) export.

Services take the open ``CaseFile`` and ``today``; long ones take ``progress(done, total)`` and
``cancel() -> bool``. Every export is built in memory, written atomically (a cancelled or failed
export leaves no file) and recorded as an ``export.<kind>`` audit event. No Qt here.
"""

from .atomic import ExportError, write_atomic
from .common import (
    FORMATS,
    TIMELINESS_LABELS,
    ExportCancelled,
    ExportResult,
    Pseudonymiser,
    format_for,
    timeliness,
)
from .ics import CalendarEvent, CalendarFeed, calendar_events, calendar_ics, export_calendar
from .register import (
    Register,
    RegisterRow,
    build_register,
    export_register,
    register_csv,
    register_json,
    register_xlsx,
)
from .stats import (
    Statistics,
    compute_statistics,
    export_statistics,
    percentile,
    statistics_from_rows,
    statistics_json,
    statistics_pdf,
)
from .summary import (
    CaseSummary,
    build_case_summary,
    export_case_summary,
    summary_json,
    summary_pdf,
)

__all__ = [
    "FORMATS",
    "TIMELINESS_LABELS",
    "CalendarEvent",
    "CalendarFeed",
    "CaseSummary",
    "ExportCancelled",
    "ExportError",
    "ExportResult",
    "Pseudonymiser",
    "Register",
    "RegisterRow",
    "Statistics",
    "build_case_summary",
    "build_register",
    "calendar_events",
    "calendar_ics",
    "compute_statistics",
    "export_calendar",
    "export_case_summary",
    "export_register",
    "export_statistics",
    "format_for",
    "percentile",
    "register_csv",
    "register_json",
    "register_xlsx",
    "statistics_from_rows",
    "statistics_json",
    "statistics_pdf",
    "summary_json",
    "summary_pdf",
    "timeliness",
    "write_atomic",
]
