"""Accessible names: what a screen reader says for each control.

Qt names a button by its text and a field by its buddy label (``QLabel.setBuddy``, which
``QFormLayout.addRow(text, field)`` sets). :func:`unnamed_widgets` lists the interactive widgets
that still have no name (the accessibility test walks the window and every dialog with it);
:func:`name_from_hints` gives such widgets the words the DPO already sees for them (their
tooltip or placeholder text), so a control added without a label is never silent.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
)


def effective_name(widget: QWidget) -> str:
    """The name assistive technology gets: the accessible name, the text, or the buddy's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def _interactive(widget: QWidget) -> bool:
    if not isinstance(widget, INTERACTIVE):
        return False
    if isinstance(widget, QLineEdit) and isinstance(
        widget.parentWidget(), QComboBox | QAbstractSpinBox
    ):
        return False  # the editor inside a combo or spin box: the box carries the name
    if isinstance(widget, QHeaderView):
        return False  # a table's header is announced as part of its table
    if widget.objectName().startswith("qt_"):
        return False  # Qt's own parts (scroll-area corners, calendar popups, tab scrollers)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QLineEdit | QAbstractSpinBox):
            return False  # a combo's popup list, a line edit's clear button: the box is named
        parent = parent.parentWidget()
    return True


def interactive_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in (root, *root.findChildren(QWidget)) if _interactive(w)]


def unnamed_widgets(root: QWidget) -> list[str]:
    """Each interactive widget under ``root`` without a name, described for a test failure."""
    out: list[str] = []
    for widget in interactive_widgets(root):
        if effective_name(widget):
            continue
        parent = widget.parentWidget()
        where = parent.objectName() if parent is not None else ""
        out.append(f"{type(widget).__name__} '{widget.objectName()}' in '{where}'")
    return out


#: Controls whose label is not their buddy (a check box beside a date, a list under a group
#: title), by object name. Their owners may set the name where they build them instead.
KNOWN_NAMES: dict[str, str] = {
    "postmarkDate": QT_TRANSLATE_NOOP("Accessibility", "Postmark date"),
    "registerFrom": QT_TRANSLATE_NOOP("Accessibility", "Register from"),
    "registerTo": QT_TRANSLATE_NOOP("Accessibility", "Register to"),
    "documentExpiry": QT_TRANSLATE_NOOP("Accessibility", "Document expiry date"),
    "controllerList": QT_TRANSLATE_NOOP("Accessibility", "Controllers"),
    "overridesTable": QT_TRANSLATE_NOOP("Accessibility", "Calendar corrections"),
}


def name_from_hints(root: QWidget) -> int:
    """Name each unnamed control by its known name, tooltip or placeholder; how many."""
    named = 0
    for widget in interactive_widgets(root):
        if effective_name(widget):
            continue
        known = KNOWN_NAMES.get(widget.objectName())
        hint = QCoreApplication.translate("Accessibility", known) if known else ""
        hint = hint or widget.toolTip().strip()
        if not hint and isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            hint = widget.placeholderText().strip()
        if not hint and isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            hint = widget.lineEdit().placeholderText().strip()  # type: ignore[union-attr]
        if hint:
            widget.setAccessibleName(hint.splitlines()[0])
            named += 1
    return named
