"""Controller settings: the companies the DPO serves, their addresses, laws and languages,
the identity proof each accepts (with live warnings where a law forbids the policy) and the
processing profile its access-response letters are filled from: one form per reply language,
with the items each law on the controller requires marked, and the default signatory."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.core.errors import KnownError
from dpo_desk.core.model import Channel, Controller, VerificationPolicy
from dpo_desk.identity.policy import RETENTIONS, evaluate_policy, methods

from ..app import AppContext
from ..errors import describe_error
from ..i18n import tr_message  # issue 14: service messages in the UI language
from ..labels import channel_label, proof_label, retention_label
from ..operations import list_controllers, save_controller
from ..operations_letters import LetterSettings, load_letter_settings, save_letter_settings
from ..style import Urgency, accent

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def jurisdiction_choices() -> list[tuple[str, str]]:
    """(code, name) of every jurisdiction in the bundled rule book."""
    from dpo_desk.core.rules import default_rulebook

    try:
        book = default_rulebook()
    except KnownError:
        return []
    return [(j.code, j.name) for j in sorted(book.jurisdictions, key=lambda j: j.code)]


def proof_choices() -> list[tuple[str, str]]:
    """(method, description) of every identity proof the identity rules know."""
    try:
        return list(methods().items())
    except KnownError:
        return []


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _text_box(parent: QWidget, name: str, lines: int, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    box.setPlaceholderText(placeholder)
    return box


def _scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    """A tab page that scrolls rather than grow the dialog past a small screen, its rows kept
    together at the top."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    holder = QWidget(area)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(page)
    column.addStretch(1)
    area.setWidget(holder)
    return area


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

        tabs = QTabWidget(self)
        tabs.setObjectName("controllerTabs")
        self._tabs = tabs
        right = QWidget(tabs)
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
        tabs.addTab(_scrolled(right, tabs), self.tr("Details"))
        tabs.addTab(_scrolled(self._build_identity_page(tabs), tabs), self.tr("Identity proof"))
        tabs.addTab(self._build_profile_page(tabs), self.tr("Profile"))

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(tabs, 1)
        self._message = QLabel(editor)
        self._message.setObjectName("controllerMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        editor_layout.addWidget(self._message)
        self._save = QPushButton(self.tr("&Save controller"), editor)
        self._save.setObjectName("saveControllerButton")
        self._save.clicked.connect(self._on_save)
        editor_layout.addWidget(self._save)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        for box in (self._name, self._slug):
            box.textChanged.connect(self._update_policy_warnings)
        self._jurisdictions.itemChanged.connect(self._update_policy_warnings)
        self._jurisdictions.itemChanged.connect(self._update_profile_status)
        self._languages.textChanged.connect(self._update_profile_status)
        self.resize(900, 680)
        self._new()
        ctx.db.run(list_controllers, on_result=self._show, owner=self)

    # --- pages -----------------------------------------------------------------------------
    def _build_identity_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        intro = QLabel(
            self.tr(
                "What a requester may send to prove who they are. Ask for more only where the"
                " law allows it; the warnings below compare this policy with the laws of the"
                " jurisdictions ticked on the Details tab."
            ),
            page,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        proofs = QVBoxLayout()
        self._proofs: dict[str, QCheckBox] = {}
        for method, description in proof_choices():
            box = QCheckBox(proof_label(method), page)
            box.setObjectName(f"proof_{method}")
            box.setToolTip(description)
            box.toggled.connect(self._update_policy_warnings)
            proofs.addWidget(box)
            self._proofs[method] = box
        form.addRow(self.tr("Accepted proofs:"), proofs)
        self._requires_signed = QCheckBox(
            self.tr("Require a signed copy of an ID document for every request"), page
        )
        self._requires_signed.setObjectName("requiresSignedIdCopy")
        self._requires_signed.toggled.connect(self._update_policy_warnings)
        form.addRow(self._requires_signed)
        self._retention = QComboBox(page)
        self._retention.setObjectName("idCopyRetention")
        # Long (translated) choices must not widen the page past the dialog.
        self._retention.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._retention.setMinimumContentsLength(24)
        for retention in RETENTIONS:
            self._retention.addItem(retention_label(retention), retention)
        self._retention.currentIndexChanged.connect(self._update_policy_warnings)
        retention_text = QLabel(self.tr("ID &copies:"), page)
        retention_text.setBuddy(self._retention)
        form.addRow(retention_text, self._retention)
        self._policy_warnings = QLabel(page)
        self._policy_warnings.setObjectName("policyWarnings")
        self._policy_warnings.setWordWrap(True)
        self._policy_warnings.setTextFormat(Qt.TextFormat.PlainText)
        self._policy_warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._policy_warnings.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        form.addRow(self._policy_warnings)
        return page

    def _build_profile_page(self, parent: QWidget) -> QWidget:
        """One tab per reply language, each a form of the items the laws require an access
        response to give, headed in that language; the default signatory above them."""
        from dpo_desk.letters import profile as prof
        from dpo_desk.letters.templates import LANGUAGES, labels

        page = QWidget(parent)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "What an access response tells the requester about the processing, written in"
                " each reply language (one entry per line for lists). Items marked * are"
                " required by the law of the ticked jurisdictions: a letter is not finalised"
                " while one is empty."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        signer = QFormLayout()
        self._signatory_name = QLineEdit(page)
        self._signatory_name.setObjectName("signatoryName")
        self._signatory_title = QLineEdit(page)
        self._signatory_title.setObjectName("signatoryTitle")
        signer.addRow(self.tr("Default si&gnatory:"), self._signatory_name)
        signer.addRow(self.tr("Signatory's t&itle:"), self._signatory_title)
        layout.addLayout(signer)
        self._profile_tabs = QTabWidget(page)
        self._profile_tabs.setObjectName("profileLanguages")
        self._profile_boxes: dict[str, dict[str, QPlainTextEdit]] = {}
        self._profile_labels: dict[str, dict[str, QLabel]] = {}
        self._profile_status: dict[str, QLabel] = {}
        for language in LANGUAGES:
            tab = QWidget(self._profile_tabs)
            form = QFormLayout(tab)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            heads = labels(language).profile_items
            boxes: dict[str, QPlainTextEdit] = {}
            names: dict[str, QLabel] = {}
            for item in prof.ITEMS:
                lines = 3 if item in prof.LIST_ITEMS else 2
                box = _text_box(tab, f"profile_{language}_{item}", lines)
                box.textChanged.connect(self._update_profile_status)
                label = QLabel(heads.get(item, item), tab)
                label.setWordWrap(True)
                label.setBuddy(box)
                form.addRow(label, box)
                boxes[item] = box
                names[item] = label
            status = QLabel(tab)
            status.setObjectName(f"profileStatus_{language}")
            status.setWordWrap(True)
            status.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(status)
            self._profile_boxes[language] = boxes
            self._profile_labels[language] = names
            self._profile_status[language] = status
            self._profile_tabs.addTab(_scrolled(tab, self._profile_tabs), language)
        layout.addWidget(self._profile_tabs, 1)
        return page

    def profile_items(self, language: str) -> dict[str, str]:
        """The items typed in one language's tab (empty ones left out)."""
        return {
            item: box.toPlainText().strip()
            for item, box in self._profile_boxes[language].items()
            if box.toPlainText().strip()
        }

    def _ticked(self) -> list[str]:
        return [
            str(self._jurisdictions.item(row).data(CODE_ROLE))
            for row in range(self._jurisdictions.count())
            if self._jurisdictions.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _update_profile_status(self) -> None:
        """Mark the items the ticked laws require and say, per tab, what is still missing or
        reads as another language."""
        from dpo_desk.letters import profile as prof
        from dpo_desk.letters.templates import labels

        regimes = prof.regimes_of(self._ticked())
        required = set(prof.required_items(regimes))
        replying = set(self._reply_languages())
        for language in self._profile_boxes:
            heads = labels(language).profile_items
            for item, label in self._profile_labels[language].items():
                mark = " *" if item in required else ""
                label.setText(heads.get(item, item) + mark)
            items = self.profile_items(language)
            missing = [heads.get(i, i) for i in prof.ITEMS if i in required and i not in items]
            foreign = [
                heads.get(i, i)
                for i, text in items.items()
                if i not in prof.NAME_ITEMS and prof.foreign_fragments(text, language)
            ]
            lines: list[str] = []
            if language in replying and missing:
                lines.append(
                    self.tr("Missing (letters are refused): %1").replace("%1", "; ".join(missing))
                )
            if foreign:
                lines.append(
                    self.tr("Not written in this language: %1").replace("%1", "; ".join(foreign))
                )
            if any(r in prof.NEEDS_REVIEW for r in regimes):
                lines.append(
                    self.tr("The list of items required by Kyrgyz Law 58 needs legal review.")
                )
            self._profile_status[language].setText("\n".join(lines))
            index = list(self._profile_boxes).index(language)
            complete = not (language in replying and missing)
            self._profile_tabs.setTabText(index, language if complete else f"{language} !")

    def _reply_languages(self) -> list[str]:
        return [
            part.strip().lower()
            for part in self._languages.text().replace(";", ",").split(",")
            if part.strip()
        ]

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
        policy = c.verification
        for method, box in self._proofs.items():
            box.blockSignals(True)
            box.setChecked(method in policy.accepted)
            box.blockSignals(False)
        self._requires_signed.blockSignals(True)
        self._requires_signed.setChecked(policy.requires_signed_id_copy)
        self._requires_signed.blockSignals(False)
        self._retention.blockSignals(True)
        index = self._retention.findData(policy.id_copy_retention)
        if index < 0:  # a value this version does not know: keep it, the warnings name it
            self._retention.addItem(policy.id_copy_retention, policy.id_copy_retention)
            index = self._retention.count() - 1
        self._retention.setCurrentIndex(index)
        self._retention.blockSignals(False)
        self._show_letter_settings(None)
        if controller is not None and controller.id is not None:
            self._ctx.db.run(
                load_letter_settings,
                int(controller.id),
                on_result=self._show_letter_settings,
                owner=self,
            )
        self._message.clear()
        self._update_policy_warnings()

    def _show_letter_settings(self, settings: LetterSettings | None) -> None:
        for language, boxes in self._profile_boxes.items():
            items = settings.profiles.get(language, {}) if settings is not None else {}
            for item, box in boxes.items():
                box.blockSignals(True)
                box.setPlainText(items.get(item, ""))
                box.blockSignals(False)
        self._signatory_name.setText(settings.signatory_name if settings is not None else "")
        self._signatory_title.setText(settings.signatory_title if settings is not None else "")
        self._update_profile_status()

    # --- saving ----------------------------------------------------------------------------
    def edited(self) -> Controller:
        ticked = [
            str(self._jurisdictions.item(row).data(CODE_ROLE))
            for row in range(self._jurisdictions.count())
            if self._jurisdictions.item(row).checkState() == Qt.CheckState.Checked
        ]
        # The stored order stays (the first law is the letters' fallback); new ones go last.
        stored = self._current.jurisdictions if self._current else ()
        jurisdictions = tuple(c for c in stored if c in ticked) + tuple(
            c for c in ticked if c not in stored
        )
        channels = tuple(ch for ch, box in self._channels.items() if box.isChecked())
        languages = tuple(
            part.strip().lower()
            for part in self._languages.text().replace(";", ",").split(",")
            if part.strip()
        )
        base = self._current or Controller(id=None, slug="", name="")
        # Proofs this version does not know stay as they were (the warnings point them out).
        unknown = tuple(m for m in base.verification.accepted if m not in self._proofs)
        accepted = tuple(m for m, box in self._proofs.items() if box.isChecked()) + unknown
        verification = VerificationPolicy(
            accepted=accepted,
            id_copy_retention=str(self._retention.currentData() or RETENTIONS[0]),
            requires_signed_id_copy=self._requires_signed.isChecked(),
        )
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
            verification=verification,
        )

    def _update_policy_warnings(self) -> None:
        """Judge the policy as edited against the ticked laws, before anything is saved."""
        try:
            warnings = evaluate_policy(self.edited())
        except KnownError as exc:
            self._show_policy_warnings([describe_error(exc, self._ctx.session.path)])
            return
        lines = []
        for warning in warnings:
            where = f" [{warning.citation}]" if warning.citation else ""
            prefix = f"{warning.jurisdiction}: " if warning.jurisdiction else ""
            lines.append(f"⚠ {prefix}{tr_message(warning.message)}{where}")
        self._show_policy_warnings(lines)

    def _show_policy_warnings(self, lines: list[str]) -> None:
        label = self._policy_warnings
        palette = label.palette()
        if lines:
            heading = self.tr("Stricter than the law allows, or inconsistent:")
            text = heading + "\n" + "\n\n".join(lines)
            palette.setColor(label.foregroundRole(), accent(Urgency.OVERDUE))
        else:
            text = self.tr("No conflict with the laws of the ticked jurisdictions.")
            palette.setColor(label.foregroundRole(), self.palette().color(self.foregroundRole()))
        label.setPalette(palette)
        label.setText(text)

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
        from dpo_desk.letters.templates import LANGUAGES

        settings = LetterSettings(
            profiles={language: self.profile_items(language) for language in LANGUAGES},
            signatory_name=self._signatory_name.text().strip(),
            signatory_title=self._signatory_title.text().strip(),
        )
        self._ctx.db.run(
            save_letter_settings,
            int(controller.id or 0),
            settings,
            on_result=lambda _saved: self._controller_saved(controller),
            on_error=self._failed,
            owner=self,
        )

    def _controller_saved(self, controller: Controller) -> None:
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
