"""The calendar-overrides dialog offers Kyrgyz Cabinet resolutions per controller (issue 16).

Worked example: a KG access request received Fri 2 Jan 2026 is due Fri 9 Jan (one week, Law 58
Art. 17(e)); once resolution No. 835 (8-9 Jan off) is applied to its controller, 9 Jan is a day
off and 10-11 Jan a weekend -> Mon 12 Jan. A second KG controller keeps 9 Jan.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidget

from .conftest import add_case, add_controller, make_window


def _due(cf, case_id: int) -> date:
    return {c.id: c.due_on for c in cf.cases.list()}[case_id]


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_apply_and_withdraw_a_resolution_for_one_controller(qtbot, open_copy) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    follows = add_controller(cf, "bishkek-games", ("KG",))
    other = add_controller(cf, "osh-market", ("KG",))
    add_controller(cf, "moscow-shop", ("RU",))
    mine = add_case(cf, follows, "Айбек", date(2026, 1, 2))
    theirs = add_case(cf, other, "Нурлан", date(2026, 1, 2))
    window = make_window(qtbot, opened.ctx)
    dialog = window.open_overrides()

    combo = dialog.findChild(QComboBox, "suggestionController")
    table = dialog.findChild(QTableWidget, "suggestionsTable")
    details = dialog.findChild(QLabel, "suggestionDetails")
    assert combo.count() == 3
    combo.setCurrentIndex(combo.findData("moscow-shop"))
    assert table.rowCount() == 0
    assert "No suggestions" in details.text()

    combo.setCurrentIndex(combo.findData("bishkek-games"))
    assert table.rowCount() == 1
    assert "No. 835" in table.item(0, 0).text()
    assert "recommended" in table.item(0, 3).text()
    assert table.item(0, 4).text() == "Not applied"
    assert "Needs legal review" in details.text()
    assert not dialog.findChild(QPushButton, "withdrawSuggestionButton").isEnabled()

    _click(qtbot, dialog.findChild(QPushButton, "applySuggestionButton"))
    assert _due(cf, mine.id) == date(2026, 1, 12)
    assert _due(cf, theirs.id) == date(2026, 1, 9)
    assert table.item(0, 4).text() == "Applied"
    assert (
        "Due dates of its open cases were recomputed"
        in dialog.findChild(QLabel, "suggestionMessage").text()
    )
    row = window.case_model.row_of(mine.id)
    assert window.case_model.data(window.case_model.index(row, 6)) == "2026-01-12"

    _click(qtbot, dialog.findChild(QPushButton, "withdrawSuggestionButton"))
    assert _due(cf, mine.id) == date(2026, 1, 9)
    assert table.item(0, 4).text() == "Not applied"
    assert not opened.known
