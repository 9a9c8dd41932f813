"""Helpers for the casework tabs' tests (correspondence, identity): real scans built here, a
window with the tabs, and selecting a case the way the DPO does."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from dpo_desk.ui.models.sidebar import SidebarEntry


def png_scan(text: str, width: int = 640, height: int = 400) -> bytes:
    """A real PNG (what a scanner gives): a card with a line of text on it."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe1"))
    painter = QPainter(image)
    painter.setPen(QColor("#203040"))
    painter.drawRect(QRect(10, 10, width - 21, height - 21))
    font = QFont()
    font.setPixelSize(max(12, height // 12))
    painter.setFont(font)
    painter.drawText(QRect(20, 20, width - 40, height - 40), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def casework_window(qtbot, ctx):  # noqa: ANN001, ANN201 - pytest-qt's qtbot
    """The main window with every tab (correspondence and identity among them)."""
    from dpo_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    return window


def select_case(qtbot, window, case_id: int) -> None:  # noqa: ANN001
    window.select_scope(SidebarEntry("all"))
    qtbot.waitUntil(lambda: window.case_model.row_of(case_id) >= 0, timeout=3000)
    window.case_table.selectRow(window.case_model.row_of(case_id))
    qtbot.waitUntil(
        lambda: (
            window.case_view.details is not None and window.case_view.details.case_id == case_id
        ),
        timeout=3000,
    )


def open_tab(qtbot, window, name: str):  # noqa: ANN001, ANN201
    """Click the tab's title, as the DPO would."""
    view = window.case_view
    tab = view.tab(name)
    assert tab is not None
    bar = view.tab_widget.tabBar()
    index = view.tab_widget.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: view.tab_widget.currentWidget() is tab, timeout=2000)
    return tab
