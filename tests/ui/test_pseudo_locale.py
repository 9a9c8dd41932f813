"""The pseudo-locale (Vorta's TRANS_SCALE): every translated string 40 % longer, in [ ].

Rendered at 1366×768, the main window and the main dialogs must not clip a label or a button:
a widget whose text needs more room than it has (its size hint wider than its width, or a
word-wrapped label taller than its height) is reported by name and text. Long Russian or Kazakh
labels break the same places first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from dpo_desk.ui.i18n import PSEUDO_ENV, Translation, stretch

from .conftest import make_window

SCREEN = (1366, 768)
TOLERANCE = 2  # px: rounding between the hint and the layout


@pytest.fixture
def pseudo(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[Translation]:
    monkeypatch.setenv(PSEUDO_ENV, "1")
    translation = Translation("en")
    assert translation.install(qapp)
    yield translation
    translation.remove(qapp)


def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""


def clipped(root: QWidget) -> list[str]:
    """Labels and buttons shown inside ``root`` whose text does not fit the room they have."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QPushButton, QCheckBox, QRadioButton)):
            continue
        if not widget.isVisibleTo(root) or not _text(widget).strip():
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + TOLERANCE:
                found.append(_describe(widget, f"needs {need}px height, has {widget.height()}"))
            continue
        if hint.width() > widget.width() + TOLERANCE:
            found.append(_describe(widget, f"needs {hint.width()}px, has {widget.width()}"))
    return found


def _describe(widget: QWidget, why: str) -> str:
    name = widget.objectName() or type(widget).__name__
    return f"{name} {_text(widget)[:60]!r}: {why}"


#: Clipping found when this test was written, left to the window's layout work (issue 21);
#: reported on every run, never a failure. A NEW clipped widget fails the test.
KNOWN_CLIPPING = {
    ("PostalRequestDialog", "addLetterPages"),  # the scan buttons' row squeezes its buttons
    ("PostalRequestDialog", "addIdCopy"),
}


def test_stretch_pads_and_keeps_placeholders() -> None:
    source = "Open the case {reference} (%1)"
    text = stretch(source)
    assert text.startswith("[Open the case {reference} (%1) ") and text.endswith("]")
    assert len(text) >= len(source) * 1.4
    assert text.format(reference="2026-0001").count("2026-0001") == 1
    assert stretch("First line\nSecond").count("[") == 2
    assert stretch("") == ""
    assert stretch("<b>rich</b>") == "<b>rich</b>"  # markup is left alone


def test_the_detector_finds_a_squeezed_button(qtbot) -> None:
    # the check itself must work, or the layout test below would pass on anything
    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton(stretch("Add letter pages…"), host)
    button.setObjectName("squeezed")
    button.setGeometry(0, 0, button.sizeHint().width() // 2, button.sizeHint().height())
    roomy = QLabel("fits", host)
    roomy.setGeometry(0, 40, roomy.sizeHint().width() + 20, roomy.sizeHint().height())
    host.resize(400, 100)
    host.show()
    qtbot.waitExposed(host)
    found = clipped(host)
    assert len(found) == 1 and found[0].startswith("squeezed ")


def _dialogs(ctx, window) -> list[tuple[str, Callable[[], QDialog]]]:  # noqa: ANN001
    from dpo_desk.ui.dialogs.about import AboutDialog
    from dpo_desk.ui.dialogs.controllers import ControllersDialog
    from dpo_desk.ui.dialogs.export import ExportDialog
    from dpo_desk.ui.dialogs.overrides import OverridesDialog
    from dpo_desk.ui.dialogs.postal_request import PostalRequestDialog
    from dpo_desk.ui.dialogs.preferences import PreferencesDialog
    from dpo_desk.ui.dialogs.templates import TemplatesDialog
    from dpo_desk.ui.dialogs.trust_store import TrustStoreDialog

    return [
        ("PostalRequestDialog", lambda: PostalRequestDialog(ctx, window)),
        ("ControllersDialog", lambda: ControllersDialog(ctx, window)),
        ("OverridesDialog", lambda: OverridesDialog(ctx, window)),
        ("PreferencesDialog", lambda: PreferencesDialog(ctx.settings, window)),
        ("TrustStoreDialog", lambda: TrustStoreDialog(ctx, window)),
        ("ExportDialog", lambda: ExportDialog(ctx, window.case_view.case_id, window)),
        ("TemplatesDialog", lambda: TemplatesDialog(ctx, window, None)),
        ("AboutDialog", lambda: AboutDialog("", window)),
    ]


def test_no_label_or_button_is_clipped_at_1366x768_in_the_pseudo_locale(
    qtbot, open_copy, pseudo, record_property
) -> None:  # noqa: ANN001
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    window.resize(*SCREEN)
    qtbot.waitUntil(lambda: window.width() <= SCREEN[0])
    QApplication.processEvents()
    assert window.menuBar().actions()[0].text().startswith("[")  # the pseudo-locale is on
    found = {("MainWindow", line) for line in clipped(window)}
    for name, make in _dialogs(opened.ctx, window):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()  # at the size the dialog asks for, as the window opens it
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1], name
        found |= {(name, line) for line in clipped(dialog)}
        dialog.close()
    known = {item for item in found if (item[0], item[1].split(" ", 1)[0]) in KNOWN_CLIPPING}
    record_property("known_clipping", sorted(known))
    for where, line in sorted(known):
        print(f"known clipping (issue 21): {where}: {line}")
    new = sorted(found - known)
    assert not new, "clipped in the pseudo-locale at 1366x768:\n" + "\n".join(
        f"{where}: {line}" for where, line in new
    )
