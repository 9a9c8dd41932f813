"""Issue 20 in the window: "Check case file" also checks the data under the audit chain."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from .conftest import make_window


def _check_box(qtbot, window) -> QMessageBox:  # noqa: ANN001
    window.check_casefile()
    return next(d for d in window.open_dialogs() if d.objectName() == "checkResult")


def test_check_names_records_changed_outside_dpo_desk(qtbot, open_copy, tmp_path) -> None:  # noqa: ANN001
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    box = _check_box(qtbot, window)
    assert "Every record matches what the audit log last recorded" in box.text()
    assert "No copy of the chain's end is kept outside the file" in box.text()  # a fresh copy
    box.close()
    opened.cf.cases.add_note(1, "a change through DPO Desk: the keyring now holds the head")
    box = _check_box(qtbot, window)
    assert "kept in the system keyring" in box.text()
    assert "does not stand against someone who holds the key here" in box.text()
    box.close()
    # what the red team did, with the key, behind DPO Desk's back
    opened.cf.db.execute("UPDATE cases SET received = '2025-01-01' WHERE reference = '2026-0003'")
    box = _check_box(qtbot, window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "Records changed outside DPO Desk: cases #3 (2026-0003)" in box.text()
    if os.environ.get("DPO_DESK_SCREENSHOTS"):
        box.grab().save(str(tmp_path / "check-tampered.png"))
