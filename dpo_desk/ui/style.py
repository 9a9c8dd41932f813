"""Colours that follow the system palette (light or dark): tints mixed into the base colour.

Also the application's look: a palette that follows the desktop's light/dark scheme (or the
DPO's choice), the font size from the preferences, a clearly visible keyboard focus, and the
urgency marks (a shape as well as a colour, so colour never carries the meaning alone).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

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
    palette = palette if palette is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def urgency_background(kind: Urgency, palette: QPalette | None = None) -> QColor | None:
    """A row tint readable with the palette's own text colour, in light and dark mode."""
    accent = _ACCENTS.get(kind)
    if accent is None:
        return None
    palette = palette if palette is not None else QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, accent, 0.38 if is_dark(palette) else 0.22)


def accent(kind: Urgency, palette: QPalette | None = None) -> QColor:
    """A strong colour for marks and text on the base colour (lighter in dark mode)."""
    colour = QColor(_ACCENTS.get(kind, QColor(128, 128, 128)))
    return colour.lighter(140) if is_dark(palette) else colour


def lock_icon(palette: QPalette | None = None) -> QIcon:
    """A padlock drawn in the palette's text colour (no theme icon for it is portable)."""
    palette = palette if palette is not None else QApplication.palette()
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


# --- urgency marks: a shape per kind, so the meaning does not rest on colour alone ----------


def urgency_icon(kind: Urgency, palette: QPalette | None = None) -> QIcon:
    """Overdue: a filled circle with "!"; due soon: a triangle; identity: an outlined "ID" card."""
    if kind == Urgency.NONE:
        return QIcon()
    colour = accent(kind, palette)
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        if kind == Urgency.OVERDUE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(1 * s, 1 * s, 14 * s, 14 * s))
            painter.setPen(QPen(QColor("white"), 2.2 * s, c=Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(8 * s, 4 * s), QPointF(8 * s, 9 * s))
            painter.drawPoint(QPointF(8 * s, 12 * s))
        elif kind == Urgency.DUE_SOON:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(
                [QPointF(8 * s, 1 * s), QPointF(15 * s, 14.5 * s), QPointF(1 * s, 14.5 * s)]
            )
        else:
            painter.setPen(QPen(colour, 1.6 * s))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(1.5 * s, 3.5 * s, 13 * s, 9 * s), 1.5 * s, 1.5 * s)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(3.5 * s, 5.5 * s, 3.5 * s, 3.5 * s))
            painter.drawLine(QPointF(9 * s, 6.5 * s), QPointF(13 * s, 6.5 * s))
            painter.drawLine(QPointF(9 * s, 9.5 * s), QPointF(12 * s, 9.5 * s))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def identity_icon(palette: QPalette | None = None) -> QIcon:
    """An identity card (a photo and two lines) in the palette's text colour: "Verify identity"
    needs a picture of what is checked, not a generic dot."""
    palette = palette if palette is not None else QApplication.palette()
    colour = palette.color(QPalette.ColorRole.WindowText)
    icon = QIcon()
    for size in (16, 22, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        painter.setPen(QPen(colour, 1.3 * s))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(1 * s, 3 * s, 14 * s, 10 * s), 1.5 * s, 1.5 * s)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(3 * s, 5 * s, 3.2 * s, 3.2 * s))
        painter.drawRoundedRect(QRectF(2.6 * s, 8.6 * s, 4 * s, 2.6 * s), 1 * s, 1 * s)
        painter.drawLine(QPointF(8.5 * s, 6.5 * s), QPointF(13 * s, 6.5 * s))
        painter.drawLine(QPointF(8.5 * s, 9.5 * s), QPointF(12 * s, 9.5 * s))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


# --- the application's look ---------------------------------------------------------------


class FocusStyle(QProxyStyle):
    """The platform style with a keyboard focus frame that can be seen: 2 px of highlight."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            colour = option.palette.color(QPalette.ColorRole.Highlight)  # type: ignore[attr-defined]
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            rect = QRectF(option.rect).adjusted(1, 1, -1, -1)  # type: ignore[attr-defined]
            painter.drawRoundedRect(rect, 2, 2)
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.BrightText, "#ff6b6b"),
        (role.Highlight, "#2f65ca"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#7fb2ff"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#8a8a8a"),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7a7a7a"))
    return palette


def system_is_dark() -> bool:
    """The desktop's colour scheme (Qt 6.5+), or the palette's lightness where it is unknown."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return is_dark(QGuiApplication.palette())


_SYSTEM: dict[str, Any] = {}  # the palette and font the application started with


def _set_style(app: QApplication, base: str) -> None:
    style = FocusStyle(base)
    _SYSTEM["style"] = style  # the application does not own a style set from Python: keep it
    _SYSTEM["style_name"] = base
    app.setStyle(style)


def apply_look(app: QApplication, colour_scheme: str = "system", font_points: int = 0) -> bool:
    """Style, palette and font for the whole application; True when the palette is dark.

    ``colour_scheme``: "system" follows the desktop (and keeps following it: the window calls
    this again on ``colorSchemeChanged``), "light" or "dark" force one. ``font_points``: 0 keeps
    the system's size.
    """
    if "palette" not in _SYSTEM:
        _SYSTEM["palette"] = QPalette(app.palette())
        _SYSTEM["font"] = QGuiApplication.font()
    current = app.style()
    if not isinstance(current, FocusStyle):
        base = current.name() if current is not None else "Fusion"
        _set_style(app, base)
    dark = system_is_dark() if colour_scheme == "system" else colour_scheme == "dark"
    if dark:
        if str(_SYSTEM.get("style_name", "")).lower() != "fusion":
            _set_style(app, "Fusion")  # the dark palette is drawn right by Fusion
        app.setPalette(dark_palette())
    elif not is_dark(_SYSTEM["palette"]):
        app.setPalette(_SYSTEM["palette"])  # the desktop's own light palette
    else:
        app.setPalette(app.style().standardPalette())
    font = QGuiApplication.font() if font_points else _SYSTEM["font"]
    font.setPointSize(font_points or _SYSTEM["font"].pointSize())
    app.setFont(font)
    return dark
