"""Small widgets of the main window: the reminder banner and the progress of a long job."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from .operations import Reminder
from .style import Urgency, mix
from .style import accent as accent_colour
from .tasks import Progress, Ticket


def reminder_text(reminder: Reminder) -> str:
    parts = []
    if reminder.overdue:
        parts.append(
            QCoreApplication.translate("Reminder", "%n case(s) overdue", "", reminder.overdue)
        )
    if reminder.due_today:
        parts.append(
            QCoreApplication.translate("Reminder", "%n case(s) due today", "", reminder.due_today)
        )
    return "; ".join(parts)


class ReminderBanner(QFrame):
    """ "3 cases overdue; 1 case due today" with a button to show them."""

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._label = QLabel(self)
        self._label.setObjectName("reminderText")
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        font = self._label.font()
        font.setBold(True)
        self._label.setFont(font)
        self._show = QPushButton(self.tr("&Show them"), self)
        self._show.setObjectName("reminderShow")
        self._show.clicked.connect(self.show_requested)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide until tomorrow"))
        close.setAccessibleName(self.tr("Hide the reminder"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._show)
        layout.addWidget(close)
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_reminder(self, reminder: Reminder) -> None:
        if not reminder.any:
            self.hide()
            return
        self._label.setText(reminder_text(reminder))
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        kind = Urgency.OVERDUE if reminder.overdue else Urgency.DUE_SOON
        palette.setColor(QPalette.ColorRole.Window, mix(base, accent_colour(kind), 0.25))
        self.setPalette(palette)
        self.show()


class TaskProgress(QWidget):
    """In the status bar while a long job runs: what, how far, and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self._label = QLabel(self)
        self._bar = QProgressBar(self)
        self._bar.setMaximumWidth(160)
        self._bar.setTextVisible(False)
        self._cancel = QPushButton(self.tr("Cancel"), self)
        self._cancel.setObjectName("cancelTask")
        self._cancel.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(self._cancel)
        self._ticket: Ticket | None = None
        self.hide()

    @property
    def busy(self) -> bool:
        return self._ticket is not None

    def start(self, text: str, ticket: Ticket, cancellable: bool = True) -> None:
        self._ticket = ticket
        self._label.setText(text)
        self._bar.setRange(0, 0)
        self._cancel.setVisible(cancellable)
        self.show()

    def update_progress(self, progress: Progress) -> None:
        if progress.total:
            self._bar.setRange(0, progress.total)
            self._bar.setValue(progress.done)
        else:
            self._bar.setRange(0, 0)
        if progress.text:
            self._label.setText(progress.text)

    def finish(self) -> None:
        self._ticket = None
        self.hide()

    def _on_cancel(self) -> None:
        if self._ticket is not None:
            self._ticket.cancel()
        self.finish()


def ask(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    ok_text: str,
    on_ok: Callable[[], None],
    on_cancel: Callable[[], None] | None = None,
    informative: str = "",
) -> QMessageBox:
    """A non-blocking, window-modal question: ``on_ok`` runs on the first button (object name
    ``<name>Ok``), ``on_cancel`` otherwise; Cancel is the default."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    ok.setObjectName(f"{name}Ok")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        if box.clickedButton() is ok:
            on_ok()
        elif on_cancel is not None:
            on_cancel()

    box.finished.connect(finished)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
