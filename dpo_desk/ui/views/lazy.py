"""Load a tab's data when the DPO looks at it: at once if the tab is visible, else when shown.

Every change of a case reaches every tab (``CaseView.present``); tabs whose data is more than
the case's details (correspondence, identity, letters) read it from the file only when they are
on screen, so selecting cases in the list costs one read, not four.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class LazyLoader(QObject):
    def __init__(self, widget: QWidget, load: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._load = load
        self._stale = False
        widget.installEventFilter(self)

    def request(self) -> None:
        """The data changed: load now if the tab is visible, otherwise when it is shown."""
        if self._widget.isVisible():
            self._stale = False
            self._load()
        else:
            self._stale = True

    def cancel(self) -> None:
        self._stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._load()
        return False
