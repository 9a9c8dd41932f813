"""Issue 14: a service's message reaches the Russian window in Russian (not in English)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from dpo_desk.core.errors import NotFound
from dpo_desk.identity.signatures import verify_file
from dpo_desk.ui.errors import describe_error
from dpo_desk.ui.i18n import Translation, tr_message, ui_language
from dpo_desk.ui.views.signature_results import verdict_text

from .conftest import make_window


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[Translation]:
    translation = Translation("ru")
    assert translation.install(qapp)
    yield translation
    translation.remove(qapp)


def test_the_russian_window_shows_a_service_error_in_russian(qtbot, open_copy, russian) -> None:
    assert ui_language() == "ru"
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    # a real refusal from the case file, raised on the window's database executor
    opened.ctx.db.run(lambda cf: cf.cases.by_reference("2026-9999"))
    assert opened.known == ["Дела 2026-9999 нет."]
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "knownErrorBox") is not None)
    box = window.findChild(QMessageBox, "knownErrorBox")
    assert box.text() == "Дела 2026-9999 нет."
    box.close()
    # the same error is English on the command line's default and in str()
    with pytest.raises(NotFound) as caught:
        opened.cf.cases.by_reference("2026-9999")
    assert str(caught.value) == "There is no case 2026-9999."
    assert describe_error(caught.value) == "Дела 2026-9999 нет."


def _unsigned_pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "A request with no signature.")
    canvas.save()
    return out.getvalue()


def test_a_signature_verdict_is_russian_in_a_russian_ui(russian) -> None:
    report = verify_file(_unsigned_pdf())
    assert report.verdict == "unsigned"
    assert report.reason == "The PDF has no signatures."  # the service's words stay English
    text = verdict_text(report.to_dict())
    assert "В PDF нет подписей." in text and report.reason not in text
    # through JSON (as stored in the case file) the fixed sentence is still found
    import json

    stored = json.loads(json.dumps(report.to_dict()))
    assert "В PDF нет подписей." in verdict_text(stored)
    assert tr_message(report.reason) == "В PDF нет подписей."
