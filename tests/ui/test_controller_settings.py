"""Settings → Controllers: the verification policy with its live warnings, and the profile the
access-response letter is filled from."""

from __future__ import annotations

import io

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
)

from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.letters import service
from dpo_desk.ui.dialogs.controllers import ControllersDialog

from .conftest import TODAY, type_text


def _open_on(qtbot, opened, name: str) -> ControllersDialog:  # noqa: ANN001
    dialog = ControllersDialog(opened.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    names = dialog.findChild(QListWidget, "controllerList")
    rows = [names.item(row).text() for row in range(names.count())]
    names.setCurrentRow(rows.index(name))
    return dialog


def _warnings(dialog: ControllersDialog) -> str:
    return dialog.findChild(QLabel, "policyWarnings").text()


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_policy_and_profile_are_edited_warned_about_and_saved(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    cf = opened.cf
    dialog = _open_on(qtbot, opened, "INFINITY")
    tabs = dialog.findChild(QTabWidget, "controllerTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Details",
        "Identity proof",
        "Profile",
    ]
    tabs.setCurrentIndex(1)

    # The demo's INFINITY demands a signed ID copy for every request, under French law.
    requires = dialog.findChild(QCheckBox, "requiresSignedIdCopy")
    assert requires.isChecked()
    assert dialog.findChild(QCheckBox, "proof_signed_id_copy").isChecked()
    assert "FR: INFINITY demands a signed identity document copy" in _warnings(dialog)
    assert "2019-536" in _warnings(dialog)

    # Unticking it clears the warning at once, before anything is saved.
    qtbot.mouseClick(requires, Qt.MouseButton.LeftButton)
    assert not requires.isChecked()
    assert "demands a signed identity document copy" not in _warnings(dialog)
    assert cf.controllers.by_slug("infinity").verification.requires_signed_id_copy

    # Accepting only ID copies is systematic too: the warning comes back.
    dialog.findChild(QCheckBox, "proof_account_match").setChecked(False)
    assert "FR: INFINITY demands a signed identity document copy" in _warnings(dialog)
    dialog.findChild(QCheckBox, "proof_account_match").setChecked(True)
    dialog.findChild(QCheckBox, "proof_registered_email").setChecked(True)
    assert "demands a signed identity document copy" not in _warnings(dialog)
    retention = dialog.findChild(QComboBox, "idCopyRetention")
    retention.setCurrentIndex(retention.findData("on_close"))
    assert "FR: INFINITY keeps identity document copies until the case closes" in _warnings(dialog)
    retention.setCurrentIndex(retention.findData("on_verified"))

    tabs.setCurrentIndex(2)
    purposes = dialog.findChild(QPlainTextEdit, "profilePurposes")
    purposes.moveCursor(purposes.textCursor().MoveOperation.End)
    qtbot.keyClick(purposes, Qt.Key.Key_Return)
    type_text(purposes, "royalty statements for co-authors")
    dialog.findChild(QPlainTextEdit, "profileRecipients").setPlainText(
        "payment providers\n\n  auditors  \n"
    )
    dialog.findChild(QPlainTextEdit, "profileTransfers").setPlainText("none outside the EU")
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "saveControllerButton"), Qt.MouseButton.LeftButton
    )
    assert dialog.findChild(QLabel, "controllerMessage").text() == "Saved."

    saved = cf.controllers.by_slug("infinity")
    policy = saved.verification
    assert policy.requires_signed_id_copy is False
    assert policy.accepted == ("account_match", "registered_email", "signed_id_copy")
    assert policy.id_copy_retention == "on_verified"
    assert saved.profile.purposes[-1] == "royalty statements for co-authors"
    assert saved.profile.purposes[0] == "paying artists and distributing their music"
    assert saved.profile.recipients == ("payment providers", "auditors")
    assert saved.profile.transfers == "none outside the EU"
    assert saved.profile.sources == ("you", "music platforms reporting sales")
    assert saved.jurisdictions == ("KG", "FR") and saved.languages == ("en", "ru", "fr")

    # The access response of one of INFINITY's cases now tells the new purpose.
    case = cf.cases.list(CaseQuery(controller_id=saved.id, view="all", today=TODAY))[0]
    shown = service.preview(cf, case.id, "access_response", "en", TODAY)
    text = _pdf_text(shown.pdf)
    assert "royalty statements for co-authors" in text
    assert "auditors" in text


def test_kazakh_law_warns_against_collecting_id_copies(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    dialog = _open_on(qtbot, opened, "Infini")
    assert _warnings(dialog) == "No conflict with the laws of the ticked jurisdictions."
    dialog.findChild(QCheckBox, "proof_id_copy").setChecked(True)
    assert "KZ: Infini is under Kazakh law" in _warnings(dialog)
    dialog.findChild(QCheckBox, "proof_id_copy").setChecked(False)
    assert "Kazakh law" not in _warnings(dialog)
