"""The window a DPO lives in all day (issue 21): a layout that fits and is kept, urgency first,
no stale case pane, no developer text, and accessibility (names, focus, shortcuts, look)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QSpinBox, QTabWidget, QWidget

from dpo_desk.core.model import CaseStatus, RequestKind
from dpo_desk.ui.accessibility import unnamed_widgets
from dpo_desk.ui.models.audit import details_text
from dpo_desk.ui.models.case_table import COLUMNS, URGENCY_ROLE
from dpo_desk.ui.models.sidebar import SidebarEntry
from dpo_desk.ui.settings import SettingsStore
from dpo_desk.ui.style import is_dark
from dpo_desk.ui.views.deadlines_tab import DeadlinesTab

from .conftest import TODAY, add_case, add_controller, make_window


def _select(qtbot, window, case_id: int) -> None:  # noqa: ANN001
    window.select_scope(SidebarEntry("all"))
    qtbot.waitUntil(lambda: window.case_model.row_of(case_id) >= 0, timeout=2000)
    window.case_table.selectRow(window.case_model.row_of(case_id))
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    assert window.case_view.case_id == case_id


# --- 1. a layout that fits ----------------------------------------------------------------


def test_a_long_name_is_elided_and_never_widens_the_window(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    controller = opened.cf.controllers.by_slug("infinity")
    long_name = "Maximilian-Alexander " * 40 + "von Unendlich-Langername"
    case = add_case(opened.cf, controller, long_name.strip(), TODAY)
    window = make_window(qtbot, opened.ctx)
    window.resize(1300, 720)
    _select(qtbot, window, case.id)
    qtbot.wait(10)
    assert window.width() <= 1300
    header = window.case_view.findChild(QLabel, "caseHeader")
    assert header.text().endswith("…")
    assert window.case_view.header_text.endswith("von Unendlich-Langername")
    assert header.toolTip() == window.case_view.header_text
    moves = next(
        b for b in window.case_view.findChildren(QWidget) if b.objectName() == "status_in_progress"
    )
    right_edge = moves.mapTo(window, moves.rect().topRight()).x()
    assert moves.isVisible() and 0 < right_edge <= window.width()  # "Move the case" on screen


def test_the_window_fits_a_1366x768_screen_with_a_useful_list(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    hint = window.minimumSizeHint()
    assert hint.height() <= 768 / 1.5 - 40  # even at 150 % (and a title bar)
    assert hint.width() <= 1366 / 1.5
    window.resize(1366, 738)
    qtbot.wait(10)
    table = window.case_table
    assert table.viewport().height() // table.rowHeight(0) >= 8  # rows of the list in sight


def test_the_banner_does_not_shift_the_list(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=2000)  # the demo has overdue cases
    shown = window.case_table.geometry()
    window.banner.hide()
    qtbot.wait(10)
    assert window.case_table.geometry() == shown


def test_window_geometry_and_splitters_are_saved_and_restored(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.resize(760, 600)  # the offscreen screen is 800x800
    qtbot.wait(10)
    window.list_splitter.setSizes([150, 350])
    window.main_splitter.setSizes([150, 600])
    list_sizes = window.list_splitter.sizes()
    main_sizes = window.main_splitter.sizes()
    window.close()
    saved = SettingsStore(opened.ctx.settings_store.path).load()
    assert set(saved.layout) >= {"window", "mainSplitter", "listSplitter"}

    opened.ctx.settings = saved
    again = make_window(qtbot, opened.ctx)
    qtbot.wait(10)
    assert (again.size().width(), again.size().height()) == (760, 600)
    assert again.list_splitter.sizes() == list_sizes
    assert again.main_splitter.sizes() == main_sizes


# --- 2. urgency first ---------------------------------------------------------------------


def test_default_and_overdue_views_sort_by_due_date_most_urgent_first(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    model = window.case_model
    assert model.query.order_by == "due" and not model.query.descending
    header = window.case_table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMNS.index("due")
    for view in ("open", "overdue"):
        window.select_scope(SidebarEntry(view))
        qtbot.waitUntil(lambda v=view: model.query.view == v and not model.loading, timeout=2000)
        dues = [model.row_at(r).due_on for r in range(model.rowCount())]
        assert dues and None not in dues
        assert dues == sorted(dues)
    assert model.row_at(0).due_on < TODAY  # the most overdue case heads the Overdue view


def test_the_list_counts_working_days_like_the_deadlines_tab(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    controller = add_controller(opened.cf, "ru-only", ("RU",))
    case = add_case(opened.cf, controller, "Рабочие Дни", TODAY - timedelta(days=2))
    window = make_window(qtbot, opened.ctx)
    _select(qtbot, window, case.id)
    model = window.case_model
    row = model.row_of(case.id)
    days_left = model.index(row, COLUMNS.index("days_left"))
    qtbot.waitUntil(lambda: "working" in model.data(days_left), timeout=2000)
    tab = window.case_view.tab("deadlinesTab")
    assert isinstance(tab, DeadlinesTab)
    governing = tab.findChild(QLabel, "governingLabel").text()
    assert model.data(days_left) in governing  # "8 working days left" in both
    overview_due = window.case_view.findChild(QLabel, "overview_due").text()
    assert model.data(days_left) in overview_due  # the overview shows the due date too


def test_colour_never_carries_urgency_alone(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    model = window.case_model
    column = COLUMNS.index("days_left")
    urgent = [
        r
        for r in range(model.rowCount())
        if model.data(model.index(r, column), URGENCY_ROLE) in ("overdue", "due_soon")
    ]
    assert urgent
    for r in urgent:
        index = model.index(r, column)
        assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()  # a shape
        assert model.data(index)  # and words
        assert model.data(index, Qt.ItemDataRole.ToolTipRole)
    legend = window.legend
    texts = [label.text() for label in legend.findChildren(QLabel) if label.text()]
    assert len(texts) == 3 and legend.isVisible()


def test_case_table_model_passes_the_model_tester(qtbot, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtmodeltester.check(window.case_model)


# --- 3. no stale detail pane ----------------------------------------------------------------


def test_a_view_switch_never_leaves_a_case_of_another_view(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    model = window.case_model
    qtbot.waitUntil(lambda: window.case_view.case_id is not None, timeout=2000)
    window.select_scope(SidebarEntry("closed"))
    qtbot.waitUntil(lambda: model.query.view == "closed" and not model.loading, timeout=2000)
    shown = window.case_view.case_id
    assert shown is not None and model.row_of(shown) >= 0  # a case of the Closed view


def test_a_case_that_leaves_the_view_leaves_the_pane(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    model = window.case_model
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    case_id = window.case_view.case_id
    window.case_view.apply(
        lambda cf, cid, today: __import__("dpo_desk.ui.operations", fromlist=["x"]).move_status(
            cf, cid, today, CaseStatus.WITHDRAWN, "withdrawn by phone"
        )
    )
    qtbot.waitUntil(lambda: model.row_of(case_id) < 0 and not model.loading, timeout=2000)
    assert window.case_view.case_id != case_id
    assert window.case_view.case_id is None or model.row_of(window.case_view.case_id) >= 0


def test_an_empty_view_shows_no_case(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    window.search.setText("no such name anywhere")
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 0, timeout=2000)
    assert window.case_view.case_id is None
    assert window.case_view.details is None


def test_after_unlocking_the_letters_tab_shows_the_current_case(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    controller = opened.cf.controllers.by_slug("infinity")
    case = add_case(opened.cf, controller, "Zeta Unlocked", TODAY, (RequestKind.ERASURE,))
    window = make_window(qtbot, opened.ctx)
    _select(qtbot, window, case.id)
    window.lock()
    window.unlock()
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    shown = window.case_view.details.case
    letters = window.case_view.tab("lettersTab")
    recipient = letters._fields["recipient_name"]  # noqa: SLF001
    assert recipient.placeholderText() == shown.subject.name


# --- 4. no developer text -----------------------------------------------------------------


def test_the_audit_tab_reads_as_sentences(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    events = [e for row in opened.cf.cases.list() for e in opened.cf.audit.events(row.id)]
    assert len({e.action for e in events}) >= 3
    for event in events:
        text = details_text(event)
        assert "{" not in text and "_" not in text and "sha256" not in text
    audit = window.case_view.tab("auditTab")
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=2000)


def test_the_deadlines_tab_names_the_calendar_not_the_library(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    text = window.case_view.findChild(QLabel, "deadlineWarnings").text()
    assert "calendar (" in text and "holidays" not in text


def test_date_inputs_use_the_tables_date_form(qtbot, open_copy) -> None:
    from PySide6.QtWidgets import QDateEdit

    from dpo_desk.ui.labels import date_input_format

    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    dialog = window.new_postal_request()
    edits = [*window.findChildren(QDateEdit), *dialog.findChildren(QDateEdit)]
    assert edits
    for edit in edits:
        if "H" not in edit.displayFormat():
            assert edit.displayFormat() == date_input_format()


# --- 5. accessibility ---------------------------------------------------------------------


def test_every_control_of_the_window_and_its_dialogs_has_a_name(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    roots: list[QWidget] = [window]
    for opener in (
        window.new_postal_request,
        window.open_controllers,
        window.open_overrides,
        window.open_preferences,
        window.open_about,
        window.open_export,
        window.open_templates,
        window.open_trust_store,
    ):
        roots.append(opener())
    missing = [f"{root.objectName()}: {line}" for root in roots for line in unnamed_widgets(root)]
    assert not missing, "\n".join(missing)


def test_ctrl_tab_switches_the_case_tabs(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    tabs: QTabWidget = window.case_view.tab_widget
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.case_table.setFocus()
    tabs.setCurrentIndex(0)
    qtbot.keyClick(window.case_table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(
        window.case_table,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert tabs.currentIndex() == 0
    qtbot.keyClick(
        window.case_table,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert tabs.currentIndex() == tabs.count() - 1  # round


def test_preferences_set_the_colours_and_the_text_size(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    app = QApplication.instance()
    before = app.font().pointSize()
    dialog = window.open_preferences()
    dialog.findChild(QComboBox, "colourScheme").setCurrentIndex(2)  # dark
    dialog.findChild(QSpinBox, "fontPoints").setValue(before + 3)
    try:
        dialog.accept()
        assert opened.ctx.settings.colour_scheme == "dark"
        assert opened.ctx.settings.font_points == before + 3
        assert is_dark(app.palette())
        assert app.font().pointSize() == before + 3
        stored = SettingsStore(opened.ctx.settings_store.path).load()
        assert (stored.colour_scheme, stored.font_points) == ("dark", before + 3)
    finally:
        again = window.open_preferences()
        again.findChild(QComboBox, "colourScheme").setCurrentIndex(1)  # back to light
        again.findChild(QSpinBox, "fontPoints").setValue(
            again.findChild(QSpinBox, "fontPoints").minimum()
        )
        again.accept()
    assert not is_dark(app.palette())
    assert app.font().pointSize() == before
    assert app.palette().color(QPalette.ColorRole.Base).lightness() >= 128


def test_the_focus_frame_is_drawn_in_the_highlight_colour(qtbot, open_copy) -> None:
    from dpo_desk.ui.style import FocusStyle

    opened = open_copy("demo")
    make_window(qtbot, opened.ctx)
    assert isinstance(QApplication.instance().style(), FocusStyle)


def test_audit_model_passes_the_model_tester(qtbot, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    qtbot.waitUntil(lambda: window.case_view.details is not None, timeout=2000)
    audit = window.case_view.tab("auditTab")
    qtmodeltester.check(audit.model)
    assert audit.model.rowCount(QModelIndex()) > 0


def test_list_statuses_count_as_the_case_view_does(open_copy) -> None:
    """The service behind the list's days-left column gives, for every open case of the demo,
    what the case's deadlines tab gives (working days for working-day rules)."""
    from dpo_desk.casefile.repositories import CaseQuery
    from dpo_desk.services.urgency import list_statuses
    from dpo_desk.ui.operations import load_case

    opened = open_copy("demo")
    rows = opened.cf.cases.list(CaseQuery(view="all", today=TODAY))
    found = list_statuses(opened.cf, rows, TODAY)
    open_rows = [r for r in rows if CaseStatus(r.status).is_open and r.due_on is not None]
    assert open_rows and set(found) == {int(r.id) for r in open_rows}
    assert {s.unit for s in found.values()} == {"working_days", "calendar_days"}
    for row in open_rows:
        assert found[int(row.id)] == load_case(opened.cf, int(row.id), TODAY).deadline_status
    closed = [r for r in rows if not CaseStatus(r.status).is_open]
    assert closed and not set(found) & {int(r.id) for r in closed}
