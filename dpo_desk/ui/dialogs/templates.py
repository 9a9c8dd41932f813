"""Letter templates: each controller's wording of each kind of letter, in each language.

For a controller, a kind and a language the dialog shows the template its letters use — the
bundled one, or the controller's own wording stored in the case file — with the placeholders
it may use. The DPO edits and saves an own wording (the service's sandbox checks it first and
refuses, with its reason, a placeholder it does not know or one that would run code), or goes
back to the bundled wording. Kazakh and Kyrgyz templates carry a "needs legal review" marker
until a lawyer's review is recorded for that wording ("Mark as reviewed"); saving the wording
again clears the review.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError, TemplateError
from dpo_desk.core.model import Controller, LetterKind

from ..app import AppContext
from ..errors import describe_error
from ..labels import language_label, letter_kind_label
from ..operations import list_controllers
from ..operations_letters import (
    TemplateState,
    mark_template_reviewed,
    reset_template_text,
    save_template_text,
    template_state,
)
from ..style import Urgency, accent
from ..widgets import ask

LANGUAGES = ("en", "ru", "fr", "kk", "ky")


def exact_text(editor: QPlainTextEdit) -> str:
    """The editor's text as typed: ``toPlainText()`` would turn no-break spaces (French
    typography: « décision : ») into plain ones."""
    return editor.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


class TemplatesDialog(QDialog):
    """Per controller, kind and language: the wording letters use (see the module docstring)."""

    template_changed = Signal(int)  # a controller's wording changed (its id)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        controller_id: int | None = None,
        kind: str = "",
        language: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("Letter templates"))
        self._ctx = ctx
        self._state: TemplateState | None = None
        self._loaded_text = ""
        self._generation = 0
        self._wanted_controller = controller_id
        self._shown: tuple[int, str, str] | None = None  # (controller, kind, language) on screen
        self._loading = False

        self._controller = QComboBox(self)
        self._controller.setObjectName("templateController")
        self._kind = QComboBox(self)
        self._kind.setObjectName("templateKind")
        for letter_kind in LetterKind:
            self._kind.addItem(letter_kind_label(letter_kind.value), letter_kind.value)
        self._language = QComboBox(self)
        self._language.setObjectName("templateLanguage")
        for code in LANGUAGES:
            self._language.addItem(language_label(code), code)
        if kind:
            self._kind.setCurrentIndex(max(0, self._kind.findData(kind)))
        if language:
            self._language.setCurrentIndex(max(0, self._language.findData(language)))
        for combo in (self._controller, self._kind, self._language):
            combo.currentIndexChanged.connect(lambda _i: self._selection_changed())
        choose = QGridLayout()
        for column, (text, combo) in enumerate(
            (
                (self.tr("&Controller:"), self._controller),
                (self.tr("&Kind:"), self._kind),
                (self.tr("&Language:"), self._language),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            choose.addWidget(label, 0, column)
            choose.addWidget(combo, 1, column)
            choose.setColumnStretch(column, 1)

        self._source = QLabel(self)
        self._source.setObjectName("templateSource")
        self._source.setWordWrap(True)
        self._source.setTextFormat(Qt.TextFormat.PlainText)
        self._review = QLabel(self)
        self._review.setObjectName("templateReview")
        self._review.setWordWrap(True)
        self._review.setTextFormat(Qt.TextFormat.PlainText)
        self._mark_reviewed = QPushButton(self.tr("&Mark as reviewed"), self)
        self._mark_reviewed.setObjectName("markReviewedButton")
        self._mark_reviewed.setToolTip(
            self.tr("Record that a lawyer reviewed this wording for this controller")
        )
        self._mark_reviewed.clicked.connect(lambda: self.set_reviewed(True))
        self._withdraw_review = QPushButton(self.tr("&Withdraw the review"), self)
        self._withdraw_review.setObjectName("withdrawReviewButton")
        self._withdraw_review.clicked.connect(lambda: self.set_reviewed(False))
        review_row = QHBoxLayout()
        review_row.addWidget(self._review, 1)
        review_row.addWidget(self._mark_reviewed)
        review_row.addWidget(self._withdraw_review)

        self._placeholders = QLabel(self)
        self._placeholders.setObjectName("templatePlaceholders")
        self._placeholders.setWordWrap(True)
        self._placeholders.setTextFormat(Qt.TextFormat.PlainText)
        self._placeholders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._editor = QPlainTextEdit(self)
        self._editor.setObjectName("templateText")
        self._editor.setAccessibleName(self.tr("Template text"))
        self._editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._editor.setTabChangesFocus(True)
        self._editor.textChanged.connect(self._text_changed)
        self._overrides = QLabel(self)
        self._overrides.setObjectName("templateOverrides")
        self._overrides.setWordWrap(True)
        self._overrides.setTextFormat(Qt.TextFormat.PlainText)
        self._message = QLabel(self)
        self._message.setObjectName("templateMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._save = QPushButton(self.tr("&Save as this controller's wording"), self)
        self._save.setObjectName("saveTemplateButton")
        self._save.clicked.connect(self.save)
        self._reset = QPushButton(self.tr("&Back to the bundled wording"), self)
        self._reset.setObjectName("resetTemplateButton")
        self._reset.clicked.connect(self.reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self._save)
        bottom.addWidget(self._reset)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        explain = QLabel(
            self.tr(
                "Placeholders in braces, like {reference}, are filled in for each letter; "
                "nothing else in a template is run. Parts in [parts] are the paragraphs used "
                "when they apply."
            ),
            self,
        )
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self._source)
        layout.addLayout(review_row)
        layout.addWidget(explain)
        layout.addWidget(self._placeholders)
        layout.addWidget(self._editor, 1)
        layout.addWidget(self._overrides)
        layout.addWidget(self._message)
        layout.addLayout(bottom)
        self.resize(900, 640)
        self._update_actions()
        ctx.db.run(
            list_controllers, on_result=self._show_controllers, on_error=self._failed, owner=self
        )

    # --- what is chosen --------------------------------------------------------------------
    @property
    def controller_id(self) -> int | None:
        data = self._controller.currentData()
        return int(data) if data is not None else None

    @property
    def kind(self) -> str:
        return str(self._kind.currentData())

    @property
    def language(self) -> str:
        return str(self._language.currentData())

    @property
    def state(self) -> TemplateState | None:
        return self._state

    @property
    def dirty(self) -> bool:
        return self._state is not None and exact_text(self._editor) != self._loaded_text

    def select(self, controller_id: int, kind: str, language: str) -> None:
        """Show this controller's template of ``kind`` in ``language`` (no questions asked)."""
        self._loading = True
        try:
            self._controller.setCurrentIndex(max(0, self._controller.findData(controller_id)))
            self._kind.setCurrentIndex(max(0, self._kind.findData(kind)))
            self._language.setCurrentIndex(max(0, self._language.findData(language)))
        finally:
            self._loading = False
        self._load()

    def _show_controllers(self, controllers: list[Controller]) -> None:
        self._loading = True
        try:
            self._controller.clear()
            for controller in controllers:
                self._controller.addItem(controller.name, controller.id)
            if self._wanted_controller is not None:
                index = self._controller.findData(self._wanted_controller)
                self._controller.setCurrentIndex(max(0, index))
        finally:
            self._loading = False
        if not controllers:
            self._message.setText(self.tr("Add a controller first: templates belong to one."))
        self._load()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        if not self.dirty:
            self._load()
            return
        previous = self._shown

        def revert() -> None:
            if previous is None:
                return
            self._loading = True
            try:
                self._controller.setCurrentIndex(max(0, self._controller.findData(previous[0])))
                self._kind.setCurrentIndex(max(0, self._kind.findData(previous[1])))
                self._language.setCurrentIndex(max(0, self._language.findData(previous[2])))
            finally:
                self._loading = False

        self._ask(
            "discardTemplateConfirmation",
            self.tr("Drop the changes?"),
            self.tr("The template being edited has changes that are not saved."),
            self.tr("&Drop the changes"),
            self._load,
            revert,
        )

    def _load(self) -> None:
        controller_id = self.controller_id
        if controller_id is None:
            return
        self._generation += 1
        generation = self._generation
        self._ctx.db.run(
            template_state,
            controller_id,
            self.kind,
            self.language,
            on_result=lambda state: self._show_state(generation, state),
            on_error=self._failed,
            owner=self,
        )

    def _show_state(self, generation: int, state: TemplateState) -> None:
        if generation != self._generation:
            return
        self._state = state
        template = state.template
        self._shown = (state.controller_id, template.kind, template.language)
        self._loaded_text = template.text
        self._loading = True
        try:
            self._editor.setPlainText(template.text)
        finally:
            self._loading = False
        if template.source == "override":
            self._source.setText(
                self.tr("This controller's own wording (stored in the case file).")
            )
        else:
            self._source.setText(self.tr("The bundled wording (no own wording saved)."))
        palette = self._review.palette()
        colour = None
        if state.needs_review:
            note = f" {template.review_note}" if template.review_note else ""
            self._review.setText(self.tr("⚠ Needs legal review.") + note)
            colour = accent(Urgency.DUE_SOON)
        elif template.needs_legal_review:
            self._review.setText(self.tr("✓ Reviewed by a lawyer for this controller."))
        else:
            self._review.setText(self.tr("No legal review needed for this language."))
        palette.setColor(
            self._review.foregroundRole(),
            colour if colour is not None else self.palette().color(self.foregroundRole()),
        )
        self._review.setPalette(palette)
        self._placeholders.setText(
            self.tr("Placeholders: {names}").format(
                names=", ".join(f"{{{name}}}" for name in template.placeholders) or "—"
            )
        )
        if state.overrides:
            items = ", ".join(
                f"{letter_kind_label(kind)} ({language})" for kind, language in state.overrides
            )
            self._overrides.setText(
                self.tr("Own wordings of this controller: {items}.").format(items=items)
            )
        else:
            self._overrides.setText(self.tr("This controller uses the bundled wordings only."))
        self._update_actions()

    def _text_changed(self) -> None:
        if self._loading:
            return
        self._message.clear()
        self._update_actions()

    def _update_actions(self) -> None:
        state = self._state
        has = state is not None
        override = has and state.template.source == "override"  # type: ignore[union-attr]
        self._save.setEnabled(has and self.dirty)
        self._reset.setEnabled(bool(override))
        self._mark_reviewed.setVisible(bool(state and state.needs_review))
        self._withdraw_review.setVisible(bool(state and state.reviewed))
        self._mark_reviewed.setEnabled(has and not self.dirty)

    # --- acting ----------------------------------------------------------------------------
    def save(self) -> None:
        """Check and store the edited text as this controller's own wording."""
        state = self._state
        if state is None:
            return
        text = exact_text(self._editor)
        template = state.template
        self._ctx.db.run(
            save_template_text,
            state.controller_id,
            template.kind,
            template.language,
            text,
            on_result=lambda new: self._changed(
                new, self.tr("Saved as this controller's wording.")
            ),
            on_error=self._save_failed,
            owner=self,
        )

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TemplateError):
            self._message.setText(
                self.tr("The template was not saved: {reason}").format(reason=str(exc))
            )
        else:
            self._failed(exc)

    def reset(self) -> QMessageBox | None:
        """Ask, then drop the controller's own wording (back to the bundled template)."""
        state = self._state
        if state is None or state.template.source != "override":
            return None
        template = state.template

        def reset() -> None:
            self._ctx.db.run(
                reset_template_text,
                state.controller_id,
                template.kind,
                template.language,
                on_result=lambda new: self._changed(new, self.tr("Back to the bundled wording.")),
                on_error=self._failed,
                owner=self,
            )

        return self._ask(
            "resetTemplateConfirmation",
            self.tr("Back to the bundled wording?"),
            self.tr(
                "This controller's own wording of the letter is removed; its letters use the "
                "bundled template again."
            ),
            self.tr("&Remove the own wording"),
            reset,
            None,
        )

    def set_reviewed(self, reviewed: bool) -> None:
        """Record (or withdraw) that a lawyer reviewed the wording on screen."""
        state = self._state
        if state is None:
            return
        if self.dirty:
            self._message.setText(
                self.tr("Save the changes first: a review covers a saved wording.")
            )
            return
        template = state.template
        done = (
            self.tr("Recorded: a lawyer reviewed this wording for this controller.")
            if reviewed
            else self.tr("The review was withdrawn; the letters show the marker again.")
        )
        self._ctx.db.run(
            mark_template_reviewed,
            state.controller_id,
            template.kind,
            template.language,
            reviewed,
            on_result=lambda new: self._changed(new, done),
            on_error=self._failed,
            owner=self,
        )

    def _changed(self, state: TemplateState, text: str) -> None:
        self._generation += 1
        self._show_state(self._generation, state)
        self._message.setText(text)
        self.template_changed.emit(state.controller_id)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)

    def _ask(
        self,
        name: str,
        title: str,
        text: str,
        ok_text: str,
        on_ok: Callable[[], None],
        on_cancel: Callable[[], None] | None,
    ) -> QMessageBox:
        return ask(self, name, title, text, ok_text, on_ok, on_cancel)


def open_templates(
    ctx: AppContext, parent: QWidget | None, controller_id: int | None = None
) -> TemplatesDialog:
    """Show the letter templates (non-blocking, window-modal), on a controller if given."""
    dialog = TemplatesDialog(ctx, parent, controller_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
