"""Issue 17 in the window: the Inbox entry with its count, the view with the evidence
highlighted, accept (kinds confirmed) and dismiss (a reason)."""

from __future__ import annotations

from pathlib import Path

from dpo_desk.services import intake as service
from dpo_desk.ui.models.sidebar import COUNT_ROLE, SidebarEntry
from tests.intake.intake_builders import eml

from .conftest import TODAY, make_window, type_text

QUESTION = eml(
    b"Hello, I saw your advert. Could you tell me what data you keep about me? Maybe.\r\n"
    b"Book a free call with our partner agency this week and get 20% off.",
    headers={"To": "support@infini.com", "Message-ID": "<ui-1@example.org>"},
)


def test_inbox_view_accepts_and_dismisses(qtbot, open_copy, tmp_path: Path) -> None:
    opened = open_copy("demo")
    path = tmp_path / "q.eml"
    path.write_bytes(QUESTION)
    (outcome,) = service.import_mail(opened.cf, [path], TODAY)
    assert outcome.status == "inbox"
    second = tmp_path / "q2.eml"
    second.write_bytes(QUESTION.replace(b"ui-1", b"ui-2").replace(b"Hello", b"Hi"))
    service.import_mail(opened.cf, [second], TODAY)

    window = make_window(qtbot, opened.ctx)
    model = window.sidebar_model
    index = model.index_of(SidebarEntry("inbox"))
    assert model.data(index, COUNT_ROLE) == 2
    window.sidebar.setCurrentIndex(index)
    view = window.inbox_view
    assert window.pages.currentWidget() is view
    assert view.table.rowCount() == 2
    assert "advert" in view.text.toPlainText()
    assert view.highlighted >= 1  # the evidence is marked in the text
    assert not view.dismiss_button.isEnabled()  # a reason first

    view.kind_boxes["access"].setChecked(True)
    assert view.accept_button.isEnabled()
    cases_before = opened.cf.cases.count()
    view.accept_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=3000)
    assert opened.cf.cases.count() == cases_before + 1

    type_text(view.dismiss_reason, "реклама")
    assert view.dismiss_button.isEnabled()
    view.dismiss_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=3000)
    assert service.inbox_count(opened.cf) == 0
    qtbot.waitUntil(lambda: model.data(model.index_of(SidebarEntry("inbox")), COUNT_ROLE) == 0)
    window.sidebar.setCurrentIndex(model.index_of(SidebarEntry("open")))
    assert window.pages.currentWidget() is not view


def test_window_asks_before_many_new_cases(qtbot, open_copy, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from dpo_desk.ui.dialogs.import_result import ImportResultDialog

    monkeypatch.setattr(service, "MAX_NEW_CASES", 1)
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    paths = []
    for i in range(2):
        path = tmp_path / f"r{i}.eml"
        body = b"Please delete my account and all my personal data. Regards, Jane %d" % i
        path.write_bytes(eml(body, headers={"Message-ID": f"<many-{i}@example.org>"}))
        paths.append(path)
    before = opened.cf.cases.count()
    window.start_import(paths)
    box = window.findChild(QMessageBox, "confirmManyCases")
    assert box is not None and "2" in box.text()
    assert opened.cf.cases.count() == before  # nothing stored before the answer
    box.findChild(QPushButton, "confirmManyCasesOk").click()
    qtbot.waitUntil(
        lambda: any(isinstance(d, ImportResultDialog) for d in window.open_dialogs()), timeout=3000
    )
    result = next(d for d in window.open_dialogs() if isinstance(d, ImportResultDialog))
    assert [o.status for o in result.outcomes] == ["created", "follow_up"]  # same sender
