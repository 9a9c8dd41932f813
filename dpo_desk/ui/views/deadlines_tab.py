"""Deadlines tab: every applicable regime, the governing date, the clock's pauses and extension.

Actions record clock events (``CaseRepo.add_clock_event``): "Extend" records the extension
notice (refused with the engine's message where no rule allows it), "Pause"/"Resume" record that
proof of identity or a clarification was requested / received.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.model import ClockEventKind

from ..app import AppContext
from ..labels import (
    calendar_label,
    clock_event_label,
    date_input_format,
    deadline_left_text,
    format_date,
    kind_label,
)
from ..models.deadlines import DeadlineTableModel
from ..operations import CaseDetails, record_clock_event
from ..style import Urgency, accent
from .case_view import CaseView
from .timeline import DueMark, TimelineWidget, open_pause

K = ClockEventKind

_OVERRIDES = re.compile(r"\+ (\d+) case-file override")
#: The engine names its calendar by library and version ("holidays 0.109 KZ"); the DPO reads
#: "national calendar (Kazakhstan)".
_LIBRARY_CALENDAR = re.compile(r"holidays \d+(?:\.\d+)* ([A-Z]{2}(?:-[A-Z0-9]+)?)")


def _plain_calendar(text: str) -> str:
    return _LIBRARY_CALENDAR.sub(lambda m: calendar_label(m.group(1)), text)


def _override_count(calendar_name: str) -> int:
    """How many of the case file's corrections a deadline's calendar used (from its name)."""
    found = _OVERRIDES.search(calendar_name)
    return int(found.group(1)) if found else 0


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DeadlinesTab(QScrollArea):
    def __init__(self, ctx: AppContext, view: CaseView) -> None:
        super().__init__(view)
        self.setObjectName("deadlinesTab")
        self._ctx = ctx
        self._view = view
        self._details: CaseDetails | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)

        self._governing = QLabel(body)
        self._governing.setObjectName("governingLabel")
        self._governing.setWordWrap(True)
        self._governing.setTextFormat(Qt.TextFormat.PlainText)
        font = self._governing.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self._governing.setFont(font)

        self._timeline = TimelineWidget(body)

        self._model = DeadlineTableModel(self)
        self._table = QTableView(body)
        self._table.setObjectName("deadlinesTable")
        self._table.setAccessibleName(self.tr("Deadlines under each law"))
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        self._table.setWordWrap(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self._not_applicable = QLabel(body)
        self._not_applicable.setObjectName("notApplicableLabel")
        self._not_applicable.setWordWrap(True)
        self._not_applicable.setTextFormat(Qt.TextFormat.PlainText)
        self._warnings = QLabel(body)
        self._warnings.setObjectName("deadlineWarnings")
        self._warnings.setWordWrap(True)
        self._warnings.setTextFormat(Qt.TextFormat.PlainText)
        self._warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = QGroupBox(self.tr("Clock events"), body)
        grid = QGridLayout(actions)
        self._event_date = QDateEdit(actions)
        self._event_date.setObjectName("eventDate")
        self._event_date.setCalendarPopup(True)
        self._event_date.setDisplayFormat(date_input_format())
        date_label = QLabel(self.tr("&Date:"), actions)
        date_label.setBuddy(self._event_date)
        self._event_note = QLineEdit(actions)
        self._event_note.setObjectName("eventNote")
        self._event_note.setPlaceholderText(self.tr("Note (e.g. the reason for the extension)"))
        note_label = QLabel(self.tr("N&ote:"), actions)
        note_label.setBuddy(self._event_note)
        self._extend = QPushButton(self.tr("&Extend (notice sent)"), actions)
        self._extend.setObjectName("extendButton")
        self._extend.setToolTip(self.tr("Record that the extension notice went out on this date"))
        self._pause_identity = QPushButton(self.tr("&Pause: identity proof requested"), actions)
        self._pause_identity.setObjectName("pauseIdentityButton")
        self._resume_identity = QPushButton(self.tr("&Resume: identity proof received"), actions)
        self._resume_identity.setObjectName("resumeIdentityButton")
        self._pause_clarification = QPushButton(self.tr("Pause: &clarification requested"), actions)
        self._pause_clarification.setObjectName("pauseClarificationButton")
        self._resume_clarification = QPushButton(
            self.tr("Resume: clarification rece&ived"), actions
        )
        self._resume_clarification.setObjectName("resumeClarificationButton")
        self._message = QLabel(actions)
        self._message.setObjectName("deadlineMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(date_label, 0, 0)
        grid.addWidget(self._event_date, 0, 1)
        grid.addWidget(note_label, 0, 2)
        grid.addWidget(self._event_note, 0, 3)
        grid.addWidget(self._extend, 1, 0, 1, 2)
        grid.addWidget(self._pause_identity, 1, 2)
        grid.addWidget(self._resume_identity, 1, 3)
        grid.addWidget(self._pause_clarification, 2, 2)
        grid.addWidget(self._resume_clarification, 2, 3)
        grid.addWidget(self._message, 3, 0, 1, 4)
        grid.setColumnStretch(3, 1)

        for button, kind in (
            (self._extend, K.EXTENSION_NOTICE_SENT),
            (self._pause_identity, K.IDENTITY_REQUESTED),
            (self._resume_identity, K.IDENTITY_RECEIVED),
            (self._pause_clarification, K.CLARIFICATION_REQUESTED),
            (self._resume_clarification, K.CLARIFICATION_RECEIVED),
        ):
            button.clicked.connect(lambda _=False, k=kind: self._record(k))

        layout = QVBoxLayout(body)
        layout.addWidget(self._governing)
        layout.addWidget(self._timeline)
        layout.addWidget(self._table)
        layout.addWidget(self._not_applicable)
        layout.addWidget(self._warnings)
        layout.addWidget(actions)
        layout.addStretch(1)

    def tab_title(self) -> str:
        return self.tr("&Deadlines")

    # --- showing ---------------------------------------------------------------------------
    def show_details(self, details: CaseDetails) -> None:
        self._details = details
        case = details.case
        deadlines = details.deadlines
        self._model.set_deadlines(deadlines)
        self._table.resizeColumnsToContents()
        self._fit_table()
        governing = deadlines.governing if deadlines else None
        if governing is None:
            self._governing.setText(details.deadline_error or self.tr("No deadline applies."))
        else:
            text = self.tr("Due {date} — {regime}, {request} ({target})").format(
                date=format_date(governing.due),
                regime=governing.jurisdiction,
                request=kind_label(governing.kind),
                target=self.tr("statutory") if governing.statutory else self.tr("internal target"),
            )
            status = details.deadline_status
            if status is not None and case.status.is_open:
                text += " · " + self._status_text(status.state, status.days_left, status.unit)
            self._governing.setText(text)
        palette = self._governing.palette()
        overdue = details.deadline_status is not None and details.deadline_status.state == "overdue"
        colour = accent(Urgency.OVERDUE) if overdue and case.status.is_open else None
        palette.setColor(
            self._governing.foregroundRole(),
            colour if colour is not None else self.palette().color(self.foregroundRole()),
        )
        self._governing.setPalette(palette)

        marks = [
            DueMark(d.due, d.jurisdiction, governing is not None and d == governing)
            for d in (deadlines.deadlines if deadlines else ())
        ]
        self._timeline.set_case(case.received, details.today, details.clock_events, marks)

        missing = deadlines.not_applicable if deadlines else ()
        if missing:
            lines = [self.tr("Not applicable:")]
            lines += [f"• {j} · {kind_label(k)}: {reason}" for j, k, reason in missing]
            self._not_applicable.setText("\n".join(lines))
            self._not_applicable.show()
        else:
            self._not_applicable.clear()
            self._not_applicable.hide()
        self._warnings.setText(self._warnings_text(details))

        today = details.today
        self._event_date.setMinimumDate(_qdate(case.received))
        self._event_date.setMaximumDate(_qdate(max(today, case.received)))
        self._event_date.setDate(_qdate(max(today, case.received)))
        self._update_actions(details)

    def _fit_table(self) -> None:
        """As tall as its rows (at least two), so the actions stay in sight."""
        rows = max(2, self._model.rowCount())
        height = self._table.horizontalHeader().height() + 2 * self._table.frameWidth()
        height += sum(self._table.rowHeight(r) for r in range(self._model.rowCount()))
        height += (
            max(0, rows - self._model.rowCount())
            * self._table.verticalHeader().defaultSectionSize()
        )
        if self._table.horizontalScrollBar().isVisible():
            height += self._table.horizontalScrollBar().height()
        self._table.setFixedHeight(height + 2)

    def _status_text(self, state: str, days: int, unit: str) -> str:
        return deadline_left_text(state, days, unit)

    def _warnings_text(self, details: CaseDetails) -> str:
        deadlines = details.deadlines
        if deadlines is None:
            return ""
        calendars = sorted(
            {
                calendar_label(d.calendar_code, _override_count(d.calendar))
                for d in deadlines.deadlines
            }
        )
        lines: list[str] = []
        if calendars:
            lines.append(self.tr("Working days by: {names}").format(names="; ".join(calendars)))
        seen: set[str] = set()
        for d in deadlines.deadlines:
            for warning in d.warnings:
                if warning not in seen:
                    seen.add(warning)
                    lines.append(f"⚠ {d.jurisdiction}: {_plain_calendar(warning)}")
        return "\n".join(lines)

    def _update_actions(self, details: CaseDetails) -> None:
        events = details.clock_events
        is_open = details.case.status.is_open
        # the case service's extension rule (ADR 0006), decided on the database thread
        can_extend = details.extension is not None and details.extension.allowed
        identity_open = open_pause(events, K.IDENTITY_REQUESTED)
        clarification_open = open_pause(events, K.CLARIFICATION_REQUESTED)
        self._extend.setEnabled(is_open and can_extend)
        self._extend.setToolTip(
            self.tr("Record that the extension notice went out on this date")
            if can_extend
            else self.tr(
                "No extension is possible: no regime of this case allows (another) one, or the "
                "regime that binds first allows none"
            )
        )
        self._pause_identity.setVisible(not identity_open)
        self._resume_identity.setVisible(identity_open)
        self._pause_clarification.setVisible(not clarification_open)
        self._resume_clarification.setVisible(clarification_open)
        for button in (
            self._pause_identity,
            self._resume_identity,
            self._pause_clarification,
            self._resume_clarification,
        ):
            button.setEnabled(is_open)
        self._event_date.setEnabled(is_open)
        self._event_note.setEnabled(is_open)

    def clear(self) -> None:
        self._details = None
        self._model.clear()
        self._timeline.clear()
        self._governing.clear()
        self._not_applicable.clear()
        self._warnings.clear()
        self._message.clear()
        self._event_note.clear()

    # --- acting ----------------------------------------------------------------------------
    def _record(self, kind: ClockEventKind) -> None:
        if self._details is None:
            return
        qdate = self._event_date.date()
        on = date(qdate.year(), qdate.month(), qdate.day())
        note = self._event_note.text().strip()
        self._message.clear()

        def done(details: CaseDetails) -> None:
            self._event_note.clear()
            self._message.setText(
                self.tr("Recorded: {event} on {date}.").format(
                    event=clock_event_label(str(kind)), date=format_date(on)
                )
            )

        self._view.apply(
            record_clock_event, kind, on, note, on_known_error=self._message.setText, on_done=done
        )
