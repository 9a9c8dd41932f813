"""A case's clock on one line: receipt, pauses, extension notice, today, and each due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dpo_desk.core.model import ClockEvent, ClockEventKind

from ..labels import format_date
from ..style import Urgency, accent, mix

_PAUSES = (
    (ClockEventKind.IDENTITY_REQUESTED, ClockEventKind.IDENTITY_RECEIVED),
    (ClockEventKind.CLARIFICATION_REQUESTED, ClockEventKind.CLARIFICATION_RECEIVED),
    (ClockEventKind.FEE_REQUESTED, ClockEventKind.FEE_PAID),
)


@dataclass(frozen=True)
class Pause:
    start: date
    end: date | None  # None: still waiting
    kind: ClockEventKind  # the "requested" event


@dataclass(frozen=True)
class DueMark:
    day: date
    label: str  # "KG", "FR"
    governing: bool


def pauses(events: tuple[ClockEvent, ...] | list[ClockEvent]) -> list[Pause]:
    """Pair each "requested" event with the next "received" one of its kind."""
    found: list[Pause] = []
    ordered = sorted(events, key=lambda e: e.on)
    for asked, answered in _PAUSES:
        start: date | None = None
        for event in ordered:
            if event.kind == asked and start is None:
                start = event.on
            elif event.kind == answered and start is not None:
                found.append(Pause(start, event.on, asked))
                start = None
        if start is not None:
            found.append(Pause(start, None, asked))
    return sorted(found, key=lambda p: p.start)


def open_pause(events: tuple[ClockEvent, ...] | list[ClockEvent], asked: ClockEventKind) -> bool:
    return any(p.kind == asked and p.end is None for p in pauses(events))


class TimelineWidget(QWidget):
    """Painted with QPainter in the palette's colours (light and dark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineTimeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._received: date | None = None
        self._today: date | None = None
        self._pauses: list[Pause] = []
        self._extensions: list[date] = []
        self._due: list[DueMark] = []
        self.setAccessibleName(self.tr("Deadline timeline"))

    def set_case(
        self,
        received: date,
        today: date,
        events: tuple[ClockEvent, ...] | list[ClockEvent],
        due: list[DueMark],
    ) -> None:
        self._received = received
        self._today = today
        self._pauses = pauses(events)
        self._extensions = [e.on for e in events if e.kind == ClockEventKind.EXTENSION_NOTICE_SENT]
        self._due = sorted(due, key=lambda d: d.day)
        self.setToolTip(self._describe())
        self.update()

    def clear(self) -> None:
        self._received = self._today = None
        self._pauses, self._extensions, self._due = [], [], []
        self.setToolTip("")
        self.update()

    def _describe(self) -> str:
        lines = []
        if self._received:
            lines.append(self.tr("Received {date}").format(date=format_date(self._received)))
        for pause in self._pauses:
            end = format_date(pause.end) if pause.end else self.tr("still waiting")
            lines.append(
                self.tr("Paused {start} – {end}").format(start=format_date(pause.start), end=end)
            )
        for day in self._extensions:
            lines.append(self.tr("Extension notice {date}").format(date=format_date(day)))
        for mark in self._due:
            lines.append(
                self.tr("Due {date} ({regime})").format(
                    date=format_date(mark.day), regime=mark.label
                )
            )
        return "\n".join(lines)

    def sizeHint(self) -> QSize:
        height = QFontMetrics(self.font()).height()
        return QSize(480, height * 5 + 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _span(self) -> tuple[date, date]:
        assert self._received is not None and self._today is not None
        days = [self._received, self._today, *(d.day for d in self._due)]
        days += [p.end or self._today for p in self._pauses] + self._extensions
        start, end = min(days), max(days)
        if end <= start:
            end = start + timedelta(days=1)
        return start, end

    def paintEvent(self, event: object) -> None:  # noqa: ARG002 - Qt's signature
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), base)
        if self._received is None or self._today is None:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        line_h = metrics.height()
        margin = max(12, metrics.horizontalAdvance("00.00.0000") // 2 + 4)
        left, right = margin, self.width() - margin
        axis_y = line_h * 2 + 6
        start, end = self._span()
        total = (end - start).days

        def x_of(day: date) -> float:
            return left + (right - left) * (day - start).days / total

        # pauses: a band on the axis
        band = mix(base, accent(Urgency.IDENTITY, palette), 0.45)
        for pause in self._pauses:
            x1, x2 = x_of(pause.start), x_of(pause.end or self._today)
            painter.fillRect(QRectF(x1, axis_y - 5, max(2.0, x2 - x1), 10), band)
        # the axis
        painter.setPen(QPen(text, 2))
        painter.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))
        # receipt
        painter.setBrush(text)
        painter.drawEllipse(QPointF(x_of(self._received), axis_y), 4, 4)
        self._label(
            painter,
            x_of(self._received),
            axis_y + 8 + line_h,
            self.tr("received"),
            text,
            left,
            right,
        )
        # extension notices
        ext = accent(Urgency.DUE_SOON, palette)
        for day in self._extensions:
            painter.setPen(QPen(ext, 2))
            x = x_of(day)
            painter.drawLine(QPointF(x, axis_y - 8), QPointF(x, axis_y + 8))
        # due dates: diamonds, the governing one larger and in the strong colour
        for i, mark in enumerate(self._due):
            x = x_of(mark.day)
            size = 8 if mark.governing else 5
            colour = accent(Urgency.OVERDUE, palette) if mark.governing else text
            path = QPainterPath()
            path.moveTo(x, axis_y - size)
            path.lineTo(x + size, axis_y)
            path.lineTo(x, axis_y + size)
            path.lineTo(x - size, axis_y)
            path.closeSubpath()
            painter.setPen(QPen(colour, 1))
            painter.fillPath(path, colour)
            label = f"{mark.label} {format_date(mark.day)}"
            row = axis_y - 10 - (i % 2) * line_h
            self._label(painter, x, row, label, colour, left, right, bold=mark.governing)
        # today
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
        x = x_of(self._today)
        painter.drawLine(QPointF(x, axis_y - 12), QPointF(x, axis_y + 12))
        self._label(
            painter,
            x,
            axis_y + 8 + line_h * 2,
            self.tr("today"),
            palette.color(QPalette.ColorRole.Highlight),
            left,
            right,
        )
        painter.end()

    def _label(
        self,
        painter: QPainter,
        x: float,
        baseline: float,
        text: str,
        colour: QColor,
        left: float,
        right: float,
        *,
        bold: bool = False,
    ) -> None:
        font = self.font()
        font.setBold(bold)
        painter.setFont(font)
        width = QFontMetrics(font).horizontalAdvance(text)
        x0 = min(max(x - width / 2, left - 8), right + 8 - width)
        painter.setPen(colour)
        painter.drawText(QPointF(x0, baseline), text)
