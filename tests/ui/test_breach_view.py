"""The breaches view beside the cases: the demo's breaches with their clocks, colours, dialogs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableView, QTabWidget

from dpo_desk.services.breaches import show_breach
from dpo_desk.ui.dialogs.breach import BreachDialog, NoticeDialog
from dpo_desk.ui.i18n import Translation
from dpo_desk.ui.models.rows import RecordsModel
from dpo_desk.ui.style import Urgency, urgency_background

from .conftest import make_window, type_text


def _breaches_tab(qtbot, window):  # noqa: ANN001, ANN202
    tabs = window.findChild(QTabWidget, "contentTabs")
    window.findChild(type(window.breaches_action), "showBreaches").trigger()
    assert tabs.currentWidget() is window.breaches_view
    view = window.breaches_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    return view


def test_each_demo_controller_shows_its_breach_clocks_citations_and_authorities(
    qtbot, open_copy, qtmodeltester
) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    view = _breaches_tab(qtbot, window)
    qtmodeltester.check(view.model)
    controllers = {view.model.row_item(r).controller.slug for r in range(4)}
    assert controllers == {"infinity", "infini", "backgroundmusic", "astrum-oyun"}
    # most urgent first: Infini's one working day (due end of 2 March) is due within 12 hours
    first = view.model.row_item(0)
    assert first.controller.slug == "infini" and first.urgency == "due_soon"
    index = view.model.index(0, 0)
    assert view.model.data(index, Qt.ItemDataRole.BackgroundRole) == urgency_background(
        Urgency.DUE_SOON
    )
    # every clock of every breach has its citation and authority on screen
    seen_authorities = set()
    for row in range(4):
        view.table.selectRow(row)
        clocks = view.findChild(QTableView, "breachClocks").model()
        qtmodeltester.check(clocks)
        assert clocks.rowCount() >= 2
        for r in range(clocks.rowCount()):
            citation = clocks.index(r, 5).data()
            assert citation, (row, r)
            seen_authorities.add(clocks.index(r, 2).data())
    assert any("Roskomnadzor" in a for a in seen_authorities)
    assert any("CNIL" in a for a in seen_authorities)
    assert any("Kyrgyz" in a for a in seen_authorities)
    assert "the data subjects" in seen_authorities
    # Background Music's first notice went out: shown as sent
    row = next(r for r in range(4) if view.model.row_item(r).controller.slug == "backgroundmusic")
    view.table.selectRow(row)
    clocks = view.clock_model
    states = [clocks.index(r, 4).data() for r in range(clocks.rowCount())]
    assert "sent" in states
    assert "#1 RU" in view.findChild(QLabel, "breachNotices").text()


def test_log_a_breach_through_the_dialog_and_a_refusal_stays_in_it(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    view = _breaches_tab(qtbot, window)
    dialog = view.log_breach()
    assert isinstance(dialog, BreachDialog)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "breachControllerCombo")
    combo.setCurrentIndex(combo.findData("backgroundmusic"))
    # 02:30 on 29 March 2026 does not exist in Paris: one sentence, the dialog stays open
    dialog.set_wall_time(datetime(2026, 3, 29, 2, 30))
    dialog.zone.setCurrentText("Europe/Paris")
    type_text(dialog.findChild(QPlainTextEdit, "breachDescription"), "Утечка логов")
    dialog._on_save()
    message = dialog.findChild(QLabel, "breachDialogMessage")
    assert "does not exist" in message.text() and dialog.isVisible()
    dialog.set_wall_time(datetime(2026, 3, 2, 8, 0))
    dialog.zone.setCurrentText("Europe/Moscow")
    dialog.findChild(QLineEdit, "breachSubjects").setText("many")
    dialog._on_save()
    assert "whole number" in message.text()
    dialog.findChild(QLineEdit, "breachSubjects").setText("250")
    with qtbot.waitSignal(dialog.saved):
        dialog._on_save()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    new = view.current()
    assert new is not None and new.breach.reference == "B-2026-0005"
    assert new.breach.subjects_count == 250
    due = {c.deadline.step: c.deadline.due for c in new.clocks}
    assert due["first_notice"].isoformat() == "2026-03-03T08:00:00+03:00"


def test_write_a_notice_from_the_view(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    view = _breaches_tab(qtbot, window)
    row = next(r for r in range(4) if view.model.row_item(r).controller.slug == "infinity")
    view.table.selectRow(row)
    dialog = view.write_notice()
    assert isinstance(dialog, NoticeDialog)
    qtbot.addWidget(dialog)
    regime = dialog.findChild(QComboBox, "noticeRegime")
    regime.setCurrentIndex(regime.findData("CNIL"))
    language = dialog.findChild(QComboBox, "noticeLanguage")
    language.setCurrentIndex(language.findData("fr"))
    dialog.target = tmp_path / "cnil.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=2000, raising=False) as blocker:
        dialog._on_save()
    assert blocker.signal_triggered, dialog.findChild(QLabel, "noticeMessage").text()
    assert (tmp_path / "cnil.pdf").read_bytes().startswith(b"%PDF")
    assert dialog.result_value is not None and dialog.result_value.deadline.authority == "CNIL"
    qtbot.waitUntil(lambda: "fr" in view.findChild(QLabel, "breachNotices").text())


def test_locking_clears_the_breaches(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    view = _breaches_tab(qtbot, window)
    window.lock()
    assert view.model.rowCount() == 0
    assert isinstance(view.model, RecordsModel)


def test_edit_a_breach_and_closing_with_a_notice_owed_is_refused(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    view = _breaches_tab(qtbot, window)
    row = next(r for r in range(4) if view.model.row_item(r).controller.slug == "infini")
    view.table.selectRow(row)
    dialog = view.edit_breach()
    assert isinstance(dialog, BreachDialog)
    qtbot.addWidget(dialog)
    assert "mail-merge" in dialog.findChild(QPlainTextEdit, "breachDescription").toPlainText()
    dialog.findChild(QLineEdit, "breachMeasures").setText("Recipients asked to delete")
    status = dialog.findChild(QComboBox, "breachStatus")
    status.setCurrentIndex(status.findData("closed"))
    dialog._on_save()
    message = dialog.findChild(QLabel, "breachDialogMessage")
    assert "cannot close while the first notice to KZ-MAIDD" in message.text()
    stored = show_breach(opened.cf, view.current().breach.reference)
    assert stored.breach.measures != "Recipients asked to delete"  # nothing half-saved
    status.setCurrentIndex(status.findData("contained"))
    with qtbot.waitSignal(dialog.saved):
        dialog._on_save()
    qtbot.waitUntil(
        lambda: view.current() is not None and view.current().breach.status == "contained"
    )
    assert view.current().breach.measures == "Recipients asked to delete"


def test_the_breaches_tab_reminds_of_notices_due(qtbot, open_copy, qapp) -> None:  # noqa: ANN001
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    tabs = window.findChild(QTabWidget, "contentTabs")
    index = tabs.indexOf(window.breaches_view)
    # at noon UTC on 2 March, Infini's Kazakh working day ends within 12 hours
    qtbot.waitUntil(lambda: tabs.tabText(index) == "Breaches (1 due soon)")
    window.lock()
    assert tabs.tabText(index) == "Breaches"
    translation = Translation("ru")
    assert translation.install(qapp)
    try:
        assert window.breaches_view.tab_title(2, 5) == (
            "Инциденты (2 срока просрочены, 5 сроков скоро истекают)"
        )
    finally:
        translation.remove(qapp)
