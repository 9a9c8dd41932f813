"""Every Qt model passes qtmodeltester; the case list loads lazily, sorts and searches in the file."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt

from dpo_desk.casefile.deadlines import case_deadlines
from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.ui.models.audit import AuditModel
from dpo_desk.ui.models.case_table import COLUMNS, PAGE_SIZE, CaseTableModel
from dpo_desk.ui.models.deadlines import GOVERNING_ROLE, DeadlineTableModel
from dpo_desk.ui.models.letters import LettersModel
from dpo_desk.ui.models.sidebar import COUNT_ROLE, SidebarEntry, SidebarModel
from dpo_desk.ui.operations import SidebarCounts, sidebar_counts
from dpo_desk.ui.style import Urgency

from .conftest import TODAY


@pytest.fixture
def parent():
    """Models live under a QObject deleted at the end of the test, not at interpreter exit."""
    owner = QObject()
    yield owner
    shiboken6.delete(owner)


def test_case_table_model_passes_modeltester(parent, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    model = CaseTableModel(opened.ctx.db, lambda: TODAY, parent)
    model.set_scope("all")
    assert model.rowCount() == 41
    qtmodeltester.check(model)  # stays attached: later changes are checked too
    model.set_scope("overdue")
    assert 0 < model.rowCount() < 41
    model.clear()
    assert model.rowCount() == 0


def test_case_list_loads_lazily_in_pages(parent, qtbot, qtmodeltester, open_copy) -> None:
    opened = open_copy("many")
    model = CaseTableModel(opened.ctx.db, lambda: TODAY, parent)
    model.set_scope("all")
    assert model.total == 500
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=2000)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 500, timeout=2000)
    names = {model.row_at(r).subject_name for r in range(500)}
    assert len(names) == 500
    qtmodeltester.check(model)
    assert not model.canFetchMore(QModelIndex())


def test_sort_by_due_date_is_done_in_the_file(parent, open_copy) -> None:
    opened = open_copy("demo")
    model = CaseTableModel(opened.ctx.db, lambda: TODAY, parent)
    model.set_scope("open")
    model.sort(COLUMNS.index("due"), Qt.SortOrder.AscendingOrder)
    assert model.query.order_by == "due" and not model.query.descending
    dues = [model.row_at(r).due_on for r in range(model.rowCount())]
    assert dues == sorted(dues)
    expected = opened.cf.cases.list(
        CaseQuery(view="open", today=TODAY, order_by="due", descending=False)
    )
    assert [model.row_at(r).id for r in range(model.rowCount())] == [r.id for r in expected]
    model.sort(COLUMNS.index("days_left"), Qt.SortOrder.DescendingOrder)
    dues = [model.row_at(r).due_on for r in range(model.rowCount())]
    assert dues == sorted(dues, reverse=True)


def test_rows_are_coloured_by_urgency(parent, open_copy) -> None:
    opened = open_copy("demo")
    model = CaseTableModel(opened.ctx.db, lambda: TODAY, parent)
    model.set_scope("overdue")
    assert model.rowCount() > 0
    index = model.index(0, 0)
    assert model.data(index, Qt.ItemDataRole.UserRole + 2) == Urgency.OVERDUE
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    model.set_scope("closed")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_a_page_for_an_older_query_is_dropped(parent, open_copy) -> None:
    """Results that arrive after the query changed (a stale search) never reach the model."""
    opened = open_copy("demo")
    model = CaseTableModel(opened.ctx.db, lambda: TODAY, parent)
    model.set_scope("all")
    stale_generation = model._generation  # noqa: SLF001 - the point of the test
    model.set_text("Токтогулов")
    found = model.rowCount()
    model._first_page(stale_generation, (41, []))  # noqa: SLF001
    assert model.rowCount() == found > 0


def test_sidebar_model_counts_and_modeltester(parent, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    model = SidebarModel(parent)
    qtmodeltester.check(model)
    counts = sidebar_counts(opened.cf, TODAY)
    model.set_counts(counts)
    expected = opened.cf.cases.counts_by_view(TODAY)
    for view in ("overdue", "due_soon", "awaiting_identity", "open", "all", "closed"):
        index = model.index_of(SidebarEntry(view))
        assert index.isValid()
        assert model.data(index, COUNT_ROLE) == expected[view]
        assert f"({expected[view]})" in model.data(index)
    controllers = opened.cf.controllers.list()
    assert model.rowCount(model.index(1, 0)) == len(controllers)
    first = controllers[0]
    index = model.index_of(SidebarEntry("all", first.id))
    assert model.data(index, COUNT_ROLE) == opened.cf.cases.count(CaseQuery(controller_id=first.id))
    model.clear()
    assert model.rowCount(model.index(1, 0)) == 0
    model.set_counts(counts)
    model.set_counts(SidebarCounts(expected, counts.controllers))
    assert model.rowCount(model.index(1, 0)) == len(controllers)


def test_audit_model_passes_modeltester(parent, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    model = AuditModel(parent)
    qtmodeltester.check(model)
    events = tuple(opened.cf.audit.events(1))
    model.set_events(events)
    assert model.rowCount() == len(events) > 0
    assert model.data(model.index(0, 3)) == "Case logged"
    model.clear()
    assert model.rowCount() == 0


def test_deadline_model_marks_the_governing_deadline(parent, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    infinity = opened.cf.controllers.by_slug("infinity")
    case = opened.cf.cases.list(CaseQuery(controller_id=infinity.id))[0]
    deadlines = case_deadlines(opened.cf, case.id)
    model = DeadlineTableModel(parent)
    qtmodeltester.check(model)
    model.set_deadlines(deadlines)
    regimes = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert {"KG", "FR"} <= regimes
    governing = [
        r for r in range(model.rowCount()) if model.data(model.index(r, 0), GOVERNING_ROLE)
    ]
    assert len(governing) == 1
    assert model.deadline_at(governing[0]) == deadlines.governing


def test_letters_model_passes_modeltester(parent, qtmodeltester, open_copy) -> None:
    opened = open_copy("demo")
    with_letters = [row.id for row in opened.cf.cases.list() if opened.cf.letters.for_case(row.id)]
    assert with_letters, "the demo file has letters"
    letters = tuple(opened.cf.letters.for_case(with_letters[0]))
    model = LettersModel(parent)
    qtmodeltester.check(model)
    model.set_letters(letters)
    assert model.rowCount() == len(letters) and model.columnCount() == 5
    assert model.letter_at(0) == letters[0] and model.letter_at(len(letters)) is None
    final = [r for r in range(model.rowCount()) if letters[r].status == "final"]
    assert final and model.data(model.index(final[0], 2))  # its state is shown
    model.clear()
    assert model.rowCount() == 0


def test_case_list_keeps_only_recent_pages_and_fetches_old_ones_again(
    parent, qtbot, qtmodeltester, open_copy
) -> None:
    """Issue 19: keyset pages; rows of at most MAX_PAGES pages are kept, the rest refetched."""
    from dpo_desk.ui.models.case_table import MAX_PAGES

    opened = open_copy("many")
    model = CaseTableModel(opened.ctx.db, lambda: TODAY, parent, page_size=20)
    expected = [r.id for r in opened.cf.cases.list(model.query)]  # before the thread is busy
    model.set_scope("all")
    first_page = [model.row_at(r).id for r in range(20)]
    while model.canFetchMore(QModelIndex()):
        count = model.rowCount()
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda count=count: model.rowCount() > count, timeout=3000)
    assert model.rowCount() == 500 and model.total == 500
    assert model.kept_rows <= MAX_PAGES * 20
    assert model.row_at(0) is None  # page 0 was let go; asking for it fetches it again
    qtbot.waitUntil(lambda: model.row_at(0) is not None, timeout=3000)
    assert [model.row_at(r).id for r in range(20)] == first_page
    seen = []
    for start in range(0, 500, 20):
        if model.row_at(start) is None:
            qtbot.waitUntil(lambda s=start: model.row_at(s) is not None, timeout=3000)
        seen += [model.row_at(r).id for r in range(start, start + 20)]
    assert seen == expected
    qtmodeltester.check(model)
