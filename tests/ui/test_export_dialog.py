"""The export dialog on real (copied) case files: what is written, where, and what is not."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
)

from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.ui.dialogs.export import ExportDialog, open_export
from dpo_desk.ui.tasks import DbExecutor

from .test_letters_tab import click, find_case, pdf_text


def _dialog(qtbot, opened, case_id: int | None = None) -> ExportDialog:  # noqa: ANN001
    dialog = open_export(opened.ctx, None, case_id)
    qtbot.addWidget(dialog)
    return dialog


def _message(dialog: ExportDialog) -> str:
    return dialog.findChild(QLabel, "exportMessage").text()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_register_for_a_period_and_a_controller_pseudonymised(
    qtbot, open_copy, tmp_path: Path
) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    dialog = _dialog(qtbot, opened)
    assert not dialog.findChild(QRadioButton, "exportSummary").isEnabled()  # no case chosen
    assert dialog.findChild(QRadioButton, "exportRegister").isChecked()
    dialog.findChild(QComboBox, "registerFormat").setCurrentIndex(0)  # CSV
    click(qtbot, dialog.findChild(QCheckBox, "registerUseFrom"))
    dialog.findChild(QDateEdit, "registerFrom").setDate(QDate(2026, 1, 1))
    click(qtbot, dialog.findChild(QCheckBox, "registerPseudonymise"))
    controllers = dialog.findChild(QListWidget, "exportControllers")
    infinity = cf.controllers.by_slug("infinity")
    for row in range(controllers.count()):
        if controllers.item(row).text() == infinity.name:
            controllers.item(row).setCheckState(Qt.CheckState.Checked)

    # Where: the file dialog.
    folder = tmp_path / "exports"
    folder.mkdir()
    click(qtbot, dialog.findChild(QPushButton, "exportChooseButton"))
    chooser = dialog.findChild(QFileDialog, "exportFileDialog")
    assert chooser is not None and chooser.isVisible()
    chooser.selectFile(str(folder / "register-2026.csv"))
    chooser.accept()
    assert dialog.path == folder / "register-2026.csv"

    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    target = folder / "register-2026.csv"
    assert _message(dialog).startswith(f"Written to {target}")
    expected = cf.cases.list(CaseQuery(controller_id=infinity.id, received_from=date(2026, 1, 1)))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(expected) > 0
    assert sorted(r["Reference"] for r in rows) == sorted(c.reference for c in expected)
    names = {cf.cases.get(c.id).subject.name for c in expected}
    text = target.read_text(encoding="utf-8-sig")
    assert not any(name in text for name in names)  # pseudonymised
    assert _leftovers(folder) == ["register-2026.csv"]
    assert cf.audit.events()[-1].action == "export.register"


def test_case_summary_as_pdf_and_pseudonymised_json(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("demo")
    case = find_case(opened.cf, lambda c: c.subject.name == "Мээрим Абдыкадырова")
    dialog = _dialog(qtbot, opened, case.id)
    assert dialog.findChild(QRadioButton, "exportSummary").isChecked()
    assert dialog.findChild(QLabel, "exportCase").text() == case.reference
    assert dialog.path.name == f"{case.reference}-summary.pdf"
    dialog.set_path(tmp_path / "summary.pdf")
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    text = pdf_text((tmp_path / "summary.pdf").read_bytes())
    assert case.reference in text and "Мээрим Абдыкадырова" in text

    dialog.findChild(QComboBox, "summaryFormat").setCurrentIndex(1)  # JSON
    assert dialog.path == tmp_path / "summary.json"  # the name follows the format
    click(qtbot, dialog.findChild(QCheckBox, "summaryPseudonymise"))
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    data = (tmp_path / "summary.json").read_text(encoding="utf-8")
    assert case.reference in json.dumps(json.loads(data), ensure_ascii=False)
    assert "Мээрим" not in data and "Абдыкадырова" not in data
    assert "pseudonymised" in _message(dialog)


def test_statistics_and_calendar(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("demo")
    dialog = _dialog(qtbot, opened)
    click(qtbot, dialog.findChild(QRadioButton, "exportStats"))
    assert dialog.findChild(QSpinBox, "statsYear").value() == 2026
    assert dialog.path.name == "statistics-2026.pdf"
    dialog.set_path(tmp_path / "stats")  # the extension is added
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    reader = pypdf.PdfReader(tmp_path / "stats.pdf")
    assert "2026" in pdf_text((tmp_path / "stats.pdf").read_bytes()) and len(reader.pages) >= 1

    click(qtbot, dialog.findChild(QRadioButton, "exportCalendar"))
    assert not dialog.findChild(QListWidget, "exportControllers").isVisible()
    dialog.set_path(tmp_path / "deadlines.ics")
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    ics = (tmp_path / "deadlines.ics").read_text(encoding="utf-8")
    open_cases = opened.cf.cases.count(CaseQuery(view="open", today=date(2026, 3, 2)))
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("BEGIN:VEVENT") >= open_cases
    assert f"{open_cases} case" in _message(dialog)


def test_cancel_leaves_no_file(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("many")  # 500 cases: the register reports progress as it goes
    dialog = _dialog(qtbot, opened)
    dialog.findChild(QComboBox, "registerFormat").setCurrentIndex(1)  # XLSX
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.set_path(folder / "register.xlsx")
    seen: list[tuple[int, int]] = []
    cancel = dialog.findChild(QPushButton, "exportCancelButton")

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done and cancel.isVisible() and cancel.isEnabled():
            click(qtbot, cancel)  # the DPO presses Cancel while it runs

    dialog.progressed.connect(on_progress)
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert any(done for done, _total in seen) and seen[-1][0] < 500
    assert _message(dialog) == "Export cancelled; no file was written."
    assert _leftovers(folder) == []  # neither the export nor a temporary file
    assert dialog.findChild(QPushButton, "exportButton").isEnabled()
    assert not cancel.isVisible()


def test_through_the_database_thread(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("many", executor=DbExecutor(lambda exc: None))
    dialog = _dialog(qtbot, opened)
    dialog.findChild(QComboBox, "registerFormat").setCurrentIndex(1)  # XLSX
    dialog.set_path(tmp_path / "register.xlsx")
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        click(qtbot, dialog.findChild(QPushButton, "exportButton"))
        assert dialog.running and dialog.findChild(QPushButton, "exportCancelButton").isVisible()
    sheet = openpyxl.load_workbook(tmp_path / "register.xlsx").worksheets[0]
    assert sheet.max_row == 501  # a header and 500 cases
    assert "500 case" in _message(dialog)


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder nobody may write to (as root, a permission bit does not stop us: use /sys)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return folder
    probe.unlink()
    return Path("/sys")


def test_a_read_only_folder_and_a_full_disk_are_clear_messages(
    qtbot, open_copy, tmp_path: Path, monkeypatch
) -> None:
    opened = open_copy("demo")
    dialog = _dialog(qtbot, opened)
    folder = _read_only_folder(tmp_path)
    before = _leftovers(folder)
    dialog.set_path(folder / "register.csv")
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    assert _message(dialog) == (
        f"Cannot write to {folder}: the folder is read-only or you may not write there. "
        "Choose another folder; nothing was written."
    )
    assert _leftovers(folder) == before
    (tmp_path / "read-only").chmod(0o700)

    class FullDisk:
        """The disk fills up while the export is written."""

        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(os, name)

        @staticmethod
        def write(_fd: int, _data: object) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("dpo_desk.reports.atomic.os", FullDisk())
    target = tmp_path / "full" / "register.csv"
    target.parent.mkdir()
    dialog.set_path(target)
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    assert _message(dialog).startswith("The disk is full; register.csv was not written.")
    assert _leftovers(target.parent) == []

    dialog.set_path("")
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    assert _message(dialog) == "Choose the file to write."


def test_closing_the_dialog_stops_a_running_export(qtbot, open_copy, tmp_path: Path) -> None:
    import threading

    executor = DbExecutor(lambda exc: None)
    opened = open_copy("many", executor=executor)
    dialog = ExportDialog(opened.ctx)  # kept after closing, so the test can look at it
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.findChild(QListWidget, "exportControllers").count() == 1)
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.set_path(folder / "register.csv")
    gate = threading.Event()
    opened.ctx.db.run(lambda _cf: gate.wait(10))  # the database thread is busy for a moment
    click(qtbot, dialog.findChild(QPushButton, "exportButton"))
    assert dialog.running
    dialog.reject()  # closed before the export even started
    gate.set()
    assert executor.wait(20000)
    assert _leftovers(folder) == []
    assert opened.cf.audit.events()[-1].action != "export.register"
