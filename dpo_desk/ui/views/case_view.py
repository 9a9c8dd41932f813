"""The case view: a header and a tab per aspect of the selected case.

Tabs are registered with :meth:`CaseView.add_tab` — a factory ``(ctx, view) -> CaseTab`` — so
the next waves add correspondence, identity and letters without touching this file. A tab gets
the :class:`~dpo_desk.ui.operations.CaseDetails` read for the case in ``show_details``, forgets
everything in ``clear`` (the window locks, or no case is selected), and changes the case through
:meth:`CaseView.apply`, which runs an operation on the database thread, shows the fresh details
in every tab and announces the change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from dpo_desk.core.errors import KnownError

from ..app import AppContext
from ..errors import describe_error
from ..operations import CaseDetails, Changed, load_case


class CaseTab(Protocol):
    def tab_title(self) -> str: ...

    def show_details(self, details: CaseDetails) -> None: ...

    def clear(self) -> None: ...


TabFactory = Callable[[AppContext, "CaseView"], QWidget]


class ElidedLabel(QLabel):
    """One line of plain text cut with "…" to the width it gets: a long name never widens the
    window. The whole text is in the tooltip and the accessible name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    @property
    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        width = max(0, self.contentsRect().width())
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class CaseView(QWidget):
    details_shown = Signal(int)  # a case's details are on screen (its id)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self._ctx = ctx
        self._tabs: list[QWidget] = []
        self._case_id: int | None = None
        self._generation = 0
        self._details: CaseDetails | None = None

        self._header = ElidedLabel(self)
        self._header.setObjectName("caseHeader")
        font = self._header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self._header.setFont(font)
        self._tab_widget = QTabWidget(self)
        self._tab_widget.setObjectName("caseTabs")
        self._tab_widget.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._header)
        layout.addWidget(self._tab_widget, 1)
        self.clear()

    # --- tabs ------------------------------------------------------------------------------
    def add_tab(self, factory: TabFactory) -> QWidget:
        tab = factory(self._ctx, self)
        self._tabs.append(tab)
        self._tab_widget.addTab(tab, tab.tab_title())  # type: ignore[attr-defined]
        if self._details is not None:
            tab.show_details(self._details)  # type: ignore[attr-defined]
        else:
            tab.clear()  # type: ignore[attr-defined]
        self._tab_widget.setEnabled(self._details is not None)
        return tab

    @property
    def header_text(self) -> str:
        """The header's whole text (on screen it may be cut with "…")."""
        return self._header.full_text

    def next_tab(self, step: int = 1) -> None:
        """Ctrl+Tab / Ctrl+Shift+Tab: the next or previous tab, round."""
        count = self._tab_widget.count()
        if count and self._tab_widget.isEnabled():
            self._tab_widget.setCurrentIndex((self._tab_widget.currentIndex() + step) % count)

    @property
    def tab_widget(self) -> QTabWidget:
        return self._tab_widget

    def tabs(self) -> list[QWidget]:
        return list(self._tabs)

    def tab(self, name: str) -> QWidget | None:
        """The tab with this object name (``"lettersTab"``), if the window has it."""
        return next((t for t in self._tabs if t.objectName() == name), None)

    def show_tab(self, name: str) -> QWidget | None:
        """Bring a tab to the front (and give it the focus); the tab, if the window has it."""
        tab = self.tab(name)
        if tab is not None and self._tab_widget.isEnabled():
            self._tab_widget.setCurrentWidget(tab)
            tab.setFocus()
        return tab

    # --- which case ------------------------------------------------------------------------
    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def details(self) -> CaseDetails | None:
        return self._details

    def show_case(self, case_id: int) -> None:
        """Read the case on the database thread and show it (a newer request wins)."""
        self._case_id = case_id
        self._generation += 1
        generation = self._generation
        self._ctx.db.run(
            load_case,
            case_id,
            self._ctx.today(),
            on_result=lambda details: self._loaded(generation, details),
            owner=self,
        )

    def reload(self) -> None:
        if self._case_id is not None:
            self.show_case(self._case_id)

    def _loaded(self, generation: int, details: CaseDetails) -> None:
        if generation == self._generation:
            self.present(details)

    def present(self, details: CaseDetails) -> None:
        self._details = details
        self._case_id = details.case_id
        case = details.case
        self._header.set_full_text(f"{case.reference} · {case.subject.name}")
        self._tab_widget.setEnabled(True)
        for tab in self._tabs:
            tab.show_details(details)  # type: ignore[attr-defined]
        self.details_shown.emit(details.case_id)

    def clear(self) -> None:
        """Show no case; drop every detail (also what is on its way from the file)."""
        self._generation += 1
        self._case_id = None
        self._details = None
        self._header.set_full_text(self.tr("No case selected"))
        for tab in self._tabs:
            tab.clear()  # type: ignore[attr-defined]
        self._tab_widget.setEnabled(False)

    # --- changing the case -----------------------------------------------------------------
    def apply(
        self,
        operation: Callable[..., CaseDetails | Changed[Any]],
        *args: Any,
        on_known_error: Callable[[str], None] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool] | None = None,
    ) -> None:
        """Run ``operation(cf, case_id, today, *args)``; show and announce the result.

        The operation returns the fresh :class:`CaseDetails`, or a :class:`Changed` that carries
        them with what it did; ``on_done`` gets what the operation returned. ``on_error`` sees a
        failure first and returns True when it dealt with it.
        """
        if self._case_id is None:
            return
        case_id = self._case_id
        generation = self._generation

        def done(result: CaseDetails | Changed[Any]) -> None:
            details = result.details if isinstance(result, Changed) else result
            if generation == self._generation:
                self.present(details)
            if on_done is not None:
                on_done(result)
            self._ctx.changes.case_changed.emit(case_id)

        def failed(exc: BaseException) -> None:
            if on_error is not None and on_error(exc):
                return
            if isinstance(exc, KnownError) and on_known_error is not None:
                on_known_error(describe_error(exc, self._ctx.session.path))
            else:
                self._ctx.errors.report(exc)

        self._ctx.db.run(
            operation,
            case_id,
            self._ctx.today(),
            *args,
            on_result=done,
            on_error=failed,
            owner=self,
        )
