"""Colours that follow the system palette (light or dark): tints mixed into the base colour."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from dpo_desk.core.model import CaseStatus


class Urgency(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"  # due today or within three days
    IDENTITY = "identity"  # waiting for the requester's proof of identity
    NONE = "none"


_ACCENTS = {
    Urgency.OVERDUE: QColor(214, 48, 49),
    Urgency.DUE_SOON: QColor(232, 160, 0),
    Urgency.IDENTITY: QColor(45, 120, 220),
}

DUE_SOON_DAYS = 3


def urgency(status: str, due: date | None, today: date) -> Urgency:
    """How pressing a case is: only open cases are; overdue beats due soon beats identity."""
    try:
        state = CaseStatus(status)
    except ValueError:
        return Urgency.NONE
    if not state.is_open:
        return Urgency.NONE
    if due is not None:
        left = (due - today).days
        if left < 0:
            return Urgency.OVERDUE
        if left <= DUE_SOON_DAYS:
            return Urgency.DUE_SOON
    if state == CaseStatus.AWAITING_IDENTITY:
        return Urgency.IDENTITY
    return Urgency.NONE


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` over ``a``."""
    return QColor(
        round(a.red() * (1 - amount) + b.red() * amount),
        round(a.green() * (1 - amount) + b.green() * amount),
        round(a.blue() * (1 - amount) + b.blue() * amount),
    )


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def urgency_background(kind: Urgency, palette: QPalette | None = None) -> QColor | None:
    """A row tint readable with the palette's own text colour, in light and dark mode."""
    accent = _ACCENTS.get(kind)
    if accent is None:
        return None
    palette = palette or QGuiApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, accent, 0.38 if is_dark(palette) else 0.22)


def accent(kind: Urgency, palette: QPalette | None = None) -> QColor:
    """A strong colour for marks and text on the base colour (lighter in dark mode)."""
    colour = QColor(_ACCENTS.get(kind, QColor(128, 128, 128)))
    return colour.lighter(140) if is_dark(palette) else colour


def lock_icon(palette: QPalette | None = None) -> QIcon:
    """A padlock drawn in the palette's text colour (no theme icon for it is portable)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPainter, QPen, QPixmap

    palette = palette or QGuiApplication.palette()
    colour = palette.color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64, 128):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        pen = QPen(colour, 1.6 * s)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(4.5 * s, 1.5 * s, 7 * s, 9 * s), 0, 180 * 16)
        painter.drawLine(QPointF(4.5 * s, 6 * s), QPointF(4.5 * s, 7.5 * s))
        painter.drawLine(QPointF(11.5 * s, 6 * s), QPointF(11.5 * s, 7.5 * s))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(2.5 * s, 7 * s, 11 * s, 8 * s), 1.5 * s, 1.5 * s)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
