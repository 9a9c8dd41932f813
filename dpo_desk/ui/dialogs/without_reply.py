"""Ask why a case is answered without a reply letter, stating what that means (issue 21).

The case service refuses "responded"/"closed" for a case with no finalised reply letter
(:class:`dpo_desk.services.cases.NoReplyLetter`) unless a reason is given; this dialog asks for
it. It opens window-modal without blocking (``open()``); ``on_reason`` runs with the reason when
the DPO confirms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class WithoutReplyDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        *,
        reference: str,
        status: str,
        on: str,
        closing: bool,
        on_reason: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("withoutReplyDialog")
        self.setWindowTitle(self.tr("Answer without a reply letter?"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._on_reason = on_reason

        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr(
                "Case {reference} has no finalised reply letter (access response, action "
                "confirmation or refusal)."
            ).format(reference=reference),
            self,
        )
        head.setObjectName("withoutReplyHead")
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: bold")
        layout.addWidget(head)
        consequence = self.tr(
            "If you go on, the case counts as {status} on {on} with no letter on file: the "
            "register and the statistics show it as answered, and only the reason you give "
            "here shows why. The reason is kept in the audit trail and as a case note."
        ).format(status=status, on=on)
        if closing:
            consequence += " " + self.tr(
                "Closing the case also destroys the copies of identity documents kept for it."
            )
        text = QLabel(consequence, self)
        text.setObjectName("withoutReplyConsequence")
        text.setWordWrap(True)
        layout.addWidget(text)

        prompt = QLabel(self.tr("&Why is there no reply letter?"), self)
        layout.addWidget(prompt)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("withoutReplyReason")
        self.reason.setPlaceholderText(self.tr("e.g. answered in person, request withdrawn"))
        self.reason.setAccessibleName(self.tr("Reason for answering without a reply letter"))
        prompt.setBuddy(self.reason)
        layout.addWidget(self.reason)

        self.buttons = QDialogButtonBox(self)
        self.confirm = self.buttons.addButton(
            self.tr("&Record the reason and go on"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("withoutReplyConfirm")
        self.confirm.setEnabled(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        self.setMinimumWidth(460)

    def _accept(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            return
        self.accept()
        self._on_reason(reason)
