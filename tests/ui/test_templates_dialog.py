"""The letter-template settings on a real (copied) demo file: own wordings, sandbox, review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPlainTextEdit, QPushButton

from dpo_desk import resources
from dpo_desk.ui.dialogs.templates import TemplatesDialog, exact_text, open_templates
from dpo_desk.ui.operations import LetterDraft
from dpo_desk.ui.operations_letters import preview_letter

from .conftest import TODAY
from .test_letters_tab import answer, box_named, click, find_case, pdf_text


def _dialog(qtbot, opened, slug: str) -> TemplatesDialog:  # noqa: ANN001
    controller = opened.cf.controllers.by_slug(slug)
    dialog = open_templates(opened.ctx, None, controller.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=2000)
    assert dialog.controller_id == controller.id
    return dialog


def _choose(qtbot, dialog: TemplatesDialog, kind: str, language: str) -> None:  # noqa: ANN001
    for name, value in (("templateKind", kind), ("templateLanguage", language)):
        combo = dialog.findChild(QComboBox, name)
        combo.setCurrentIndex(combo.findData(value))
    qtbot.waitUntil(
        lambda: (
            dialog.state is not None
            and (dialog.state.template.kind, dialog.state.template.language) == (kind, language)
        ),
        timeout=2000,
    )


def _set_text(dialog: TemplatesDialog, text: str) -> None:
    editor = dialog.findChild(QPlainTextEdit, "templateText")
    editor.selectAll()
    editor.insertPlainText(text)  # as a paste would


def test_the_bundled_template_is_shown_with_its_placeholders(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    dialog = _dialog(qtbot, opened, "infinity")
    _choose(qtbot, dialog, "refusal", "fr")
    bundled = resources.path("letters", "fr", "refusal.toml").read_text(encoding="utf-8")
    editor = dialog.findChild(QPlainTextEdit, "templateText")
    assert "\u00a0" in bundled and exact_text(editor) == bundled  # no-break spaces kept
    assert not dialog.dirty
    assert "bundled" in dialog.findChild(QLabel, "templateSource").text()
    assert "{refusal_reasons}" in dialog.findChild(QLabel, "templatePlaceholders").text()
    assert not dialog.findChild(QPushButton, "saveTemplateButton").isEnabled()
    assert not dialog.findChild(QPushButton, "resetTemplateButton").isEnabled()
    assert not dialog.findChild(QPushButton, "markReviewedButton").isVisible()


def test_an_own_wording_is_saved_used_in_letters_and_reset(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    dialog = _dialog(qtbot, opened, "infini")
    _choose(qtbot, dialog, "acknowledgement", "en")
    editor = dialog.findChild(QPlainTextEdit, "templateText")
    text = exact_text(editor).replace("We confirm that on", "We hereby confirm that on")
    _set_text(dialog, text)
    changed: list[int] = []
    dialog.template_changed.connect(changed.append)
    click(qtbot, dialog.findChild(QPushButton, "saveTemplateButton"))
    controller = cf.controllers.by_slug("infini")
    assert cf.templates.get(controller.id, "acknowledgement", "en") == text
    assert changed == [controller.id]
    assert "own wording" in dialog.findChild(QLabel, "templateSource").text()
    assert "Acknowledgement (en)" in dialog.findChild(QLabel, "templateOverrides").text()

    case = find_case(cf, lambda c: c.controller_id == controller.id)
    letter = preview_letter(cf, case.id, TODAY, LetterDraft("acknowledgement", "en", {}))
    assert "We hereby confirm that on" in pdf_text(letter.preview.pdf)

    click(qtbot, dialog.findChild(QPushButton, "resetTemplateButton"))
    answer(qtbot, box_named(qtbot, dialog, "resetTemplateConfirmation"), ok=True)
    assert cf.templates.get(controller.id, "acknowledgement", "en") is None
    assert "bundled" in dialog.findChild(QLabel, "templateSource").text()
    letter = preview_letter(cf, case.id, TODAY, LetterDraft("acknowledgement", "en", {}))
    assert "We hereby confirm" not in pdf_text(letter.preview.pdf)


def test_a_placeholder_outside_the_sandbox_is_refused(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    controller = cf.controllers.by_slug("infinity")
    dialog = _dialog(qtbot, opened, "infinity")
    _choose(qtbot, dialog, "acknowledgement", "en")
    original = exact_text(dialog.findChild(QPlainTextEdit, "templateText"))
    message = dialog.findChild(QLabel, "templateMessage")

    _set_text(dialog, original.replace("{reference}", "{case.__class__}", 1))
    click(qtbot, dialog.findChild(QPushButton, "saveTemplateButton"))
    assert message.text().startswith("The template was not saved:")
    assert "{case.__class__}" in message.text()
    assert cf.templates.get(controller.id, "acknowledgement", "en") is None

    _set_text(dialog, original.replace("{reference}", "{password}"))
    click(qtbot, dialog.findChild(QPushButton, "saveTemplateButton"))
    assert message.text().startswith("The template was not saved:")
    assert "password" in message.text()
    assert cf.templates.get(controller.id, "acknowledgement", "en") is None
    assert "bundled" in dialog.findChild(QLabel, "templateSource").text()


def test_a_kyrgyz_wording_marked_reviewed_stops_the_letters_warning(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    case = find_case(cf, lambda c: c.subject.name == "Мээрим Абдыкадырова")
    draft = LetterDraft("acknowledgement", "ky", {})
    assert "needs_legal_review" in [
        w.code for w in preview_letter(cf, case.id, TODAY, draft).warnings
    ]

    dialog = _dialog(qtbot, opened, "astrum-oyun")
    _choose(qtbot, dialog, "acknowledgement", "ky")
    review = dialog.findChild(QLabel, "templateReview")
    assert "Needs legal review" in review.text()
    mark = dialog.findChild(QPushButton, "markReviewedButton")
    assert mark.isVisible()
    click(qtbot, mark)
    controller_id = case.controller_id
    assert cf.templates.is_reviewed(controller_id, "acknowledgement", "ky")
    bundled = resources.path("letters", "ky", "acknowledgement.toml").read_text(encoding="utf-8")
    assert cf.templates.get(controller_id, "acknowledgement", "ky") == bundled  # the reviewed text
    assert "Reviewed by a lawyer" in review.text() and not mark.isVisible()
    assert [w.code for w in preview_letter(cf, case.id, TODAY, draft).warnings].count(
        "needs_legal_review"
    ) == 0
    other = LetterDraft("extension_notice", "ky", {"extension_reasons": "x"})
    assert "needs_legal_review" in [
        w.code for w in preview_letter(cf, case.id, TODAY, other).warnings
    ]

    # A changed wording needs a new review.
    editor = dialog.findChild(QPlainTextEdit, "templateText")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\n# changed\n")
    assert not mark.isEnabled() or not mark.isVisible()
    click(qtbot, dialog.findChild(QPushButton, "saveTemplateButton"))
    assert not cf.templates.is_reviewed(controller_id, "acknowledgement", "ky")
    assert "Needs legal review" in review.text() and mark.isVisible()
    assert "needs_legal_review" in [
        w.code for w in preview_letter(cf, case.id, TODAY, draft).warnings
    ]


def test_unsaved_changes_are_not_dropped_without_asking(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    dialog = _dialog(qtbot, opened, "infinity")
    _choose(qtbot, dialog, "acknowledgement", "en")
    editor = dialog.findChild(QPlainTextEdit, "templateText")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "# a note")
    assert dialog.dirty
    language = dialog.findChild(QComboBox, "templateLanguage")
    language.setCurrentIndex(language.findData("ru"))
    box = box_named(qtbot, dialog, "discardTemplateConfirmation")
    assert isinstance(box, QMessageBox)
    answer(qtbot, box, ok=False)
    assert dialog.language == "en" and exact_text(editor).endswith("# a note")
    language.setCurrentIndex(language.findData("ru"))
    answer(qtbot, box_named(qtbot, dialog, "discardTemplateConfirmation"), ok=True)
    qtbot.waitUntil(lambda: dialog.state.template.language == "ru", timeout=2000)
    assert not dialog.dirty and "# a note" not in exact_text(editor)
    assert dialog.findChild(QComboBox, "templateLanguage").currentData() == "ru"
    assert Qt.WindowModality.WindowModal == dialog.windowModality()
