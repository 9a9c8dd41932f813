"""Controller settings: the companies the DPO serves, their addresses, laws and languages."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import Channel, Controller

from ..app import AppContext
from ..errors import describe_error
from ..labels import channel_label
from ..operations import list_controllers, save_controller

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def jurisdiction_choices() -> list[tuple[str, str]]:
    """(code, name) of every jurisdiction in the bundled rule book."""
    from dpo_desk.core.rules import default_rulebook

    try:
        book = default_rulebook()
    except KnownError:
        return []
    return [(j.code, j.name) for j in sorted(book.jurisdictions, key=lambda j: j.code)]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class ControllersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controllersDialog")
        self.setWindowTitle(self.tr("Controllers"))
        self._ctx = ctx
        self._controllers: list[Controller] = []
        self._current: Controller | None = None

        self._list = QListWidget(self)
        self._list.setObjectName("controllerList")
        self._list.currentRowChanged.connect(self._select)
        new_button = QPushButton(self.tr("&New controller"), self)
        new_button.setObjectName("newControllerButton")
        new_button.clicked.connect(self._new)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._list, 1)
        left_layout.addWidget(new_button)

        right = QWidget(self)
        form = QFormLayout(right)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._slug = QLineEdit(right)
        self._slug.setObjectName("controllerSlug")
        self._slug.setPlaceholderText(self.tr("short name: letters, digits, dashes"))
        self._name = QLineEdit(right)
        self._name.setObjectName("controllerName")
        self._legal = QLineEdit(right)
        self._legal.setObjectName("controllerLegalEntity")
        self._reg_no = QLineEdit(right)
        self._reg_no.setObjectName("controllerRegNo")
        self._address = QPlainTextEdit(right)
        self._address.setObjectName("controllerAddress")
        self._address.setTabChangesFocus(True)
        self._address.setFixedHeight(self._address.fontMetrics().lineSpacing() * 4 + 12)
        self._dpo = QLineEdit(right)
        self._dpo.setObjectName("controllerDpoContact")
        self._emails = QPlainTextEdit(right)
        self._emails.setObjectName("controllerEmails")
        self._emails.setTabChangesFocus(True)
        self._emails.setFixedHeight(self._emails.fontMetrics().lineSpacing() * 3 + 12)
        self._emails.setPlaceholderText(self.tr("one address per line"))
        self._jurisdictions = QListWidget(right)
        self._jurisdictions.setObjectName("controllerJurisdictions")
        for code, name in jurisdiction_choices():
            item = QListWidgetItem(f"{code} — {name}", self._jurisdictions)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._jurisdictions.setFixedHeight(self._jurisdictions.sizeHintForRow(0) * 5 + 8)
        channel_row = QHBoxLayout()
        self._channels: dict[Channel, QCheckBox] = {}
        for channel in Channel:
            box = QCheckBox(channel_label(channel.value), right)
            box.setObjectName(f"channel_{channel.value}")
            channel_row.addWidget(box)
            self._channels[channel] = box
        channel_row.addStretch(1)
        self._languages = QLineEdit(right)
        self._languages.setObjectName("controllerLanguages")
        self._languages.setPlaceholderText(self.tr("e.g. ru, en (the first is the default)"))

        for text, field in (
            (self.tr("S&hort name:"), self._slug),
            (self.tr("&Name:"), self._name),
            (self.tr("&Legal entity:"), self._legal),
            (self.tr("Re&gistration no.:"), self._reg_no),
            (self.tr("&Address:"), self._address),
            (self.tr("&DPO contact:"), self._dpo),
            (self.tr("&Intake emails:"), self._emails),
            (self.tr("&Jurisdictions:"), self._jurisdictions),
        ):
            label = QLabel(text, right)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.tr("Channels:"), channel_row)
        languages_label = QLabel(self.tr("&Reply languages:"), right)
        languages_label.setBuddy(self._languages)
        form.addRow(languages_label, self._languages)
        self._message = QLabel(right)
        self._message.setObjectName("controllerMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self._message)
        self._save = QPushButton(self.tr("&Save controller"), right)
        self._save.setObjectName("saveControllerButton")
        self._save.clicked.connect(self._on_save)
        form.addRow(self._save)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(820, 620)
        self._new()
        ctx.db.run(list_controllers, on_result=self._show, owner=self)

    # --- list ------------------------------------------------------------------------------
    def _show(self, controllers: list[Controller], select_id: int | None = None) -> None:
        self._controllers = list(controllers)
        self._list.blockSignals(True)
        self._list.clear()
        for controller in self._controllers:
            QListWidgetItem(controller.name, self._list)
        self._list.blockSignals(False)
        if select_id is not None:
            for row, controller in enumerate(self._controllers):
                if controller.id == select_id:
                    self._list.setCurrentRow(row)
                    return
        if self._controllers and self._current is None:
            self._list.setCurrentRow(0)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self._controllers):
            self._fill(self._controllers[row])

    def _new(self) -> None:
        self._list.blockSignals(True)
        self._list.clearSelection()
        self._list.setCurrentRow(-1)
        self._list.blockSignals(False)
        self._fill(None)
        self._slug.setFocus()

    def _fill(self, controller: Controller | None) -> None:
        self._current = controller
        c = controller or Controller(id=None, slug="", name="")
        self._slug.setText(c.slug)
        self._slug.setReadOnly(controller is not None)
        self._name.setText(c.name)
        self._legal.setText(c.legal_entity)
        self._reg_no.setText(c.registration_no)
        self._address.setPlainText(c.address)
        self._dpo.setText(c.dpo_contact)
        self._emails.setPlainText("\n".join(c.emails))
        codes = set(c.jurisdictions)
        for row in range(self._jurisdictions.count()):
            item = self._jurisdictions.item(row)
            checked = item.data(CODE_ROLE) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for channel, box in self._channels.items():
            box.setChecked(channel in c.channels)
        self._languages.setText(", ".join(c.languages))
        self._message.clear()

    # --- saving ----------------------------------------------------------------------------
    def edited(self) -> Controller:
        jurisdictions = tuple(
            str(self._jurisdictions.item(row).data(CODE_ROLE))
            for row in range(self._jurisdictions.count())
            if self._jurisdictions.item(row).checkState() == Qt.CheckState.Checked
        )
        channels = tuple(ch for ch, box in self._channels.items() if box.isChecked())
        languages = tuple(
            part.strip().lower()
            for part in self._languages.text().replace(";", ",").split(",")
            if part.strip()
        )
        base = self._current or Controller(id=None, slug="", name="")
        return replace(
            base,
            slug=self._slug.text().strip(),
            name=self._name.text().strip(),
            legal_entity=self._legal.text().strip(),
            registration_no=self._reg_no.text().strip(),
            address=self._address.toPlainText().strip(),
            dpo_contact=self._dpo.text().strip(),
            emails=_lines(self._emails.toPlainText()),
            jurisdictions=jurisdictions,
            channels=channels or (Channel.POST, Channel.EMAIL),
            languages=languages or ("en",),
        )

    def _on_save(self) -> None:
        controller = self.edited()
        if not controller.jurisdictions:
            self._message.setText(self.tr("Tick at least one jurisdiction whose law applies."))
            return
        self._save.setEnabled(False)
        self._ctx.db.run(
            save_controller, controller, on_result=self._saved, on_error=self._failed, owner=self
        )

    def _saved(self, controller: Controller) -> None:
        self._save.setEnabled(True)
        self._current = controller
        self._ctx.changes.controllers_changed.emit()
        saved = self.tr("Saved.")

        def show(items: list[Controller]) -> None:
            self._show(items, int(controller.id or 0))
            self._message.setText(saved)

        self._ctx.db.run(list_controllers, on_result=show, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._save.setEnabled(True)
        if isinstance(exc, KnownError):
            self._message.setText(describe_error(exc, self._ctx.session.path))
        else:
            self._ctx.errors.report(exc)
