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
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
)

from dpo_desk.casefile.repositories import CaseQuery
from dpo_desk.services import letters
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
    # Issue 16: one form per reply language, items headed in that language, required ones
    # marked for the ticked laws (KG + FR), and the default signatory.
    languages = dialog.findChild(QTabWidget, "profileLanguages")
    names = [languages.tabText(i) for i in range(languages.count())]
    assert names == ["en", "ru", "fr", "kk", "ky"]
    languages.setCurrentIndex(names.index("en"))
    purposes = dialog.findChild(QPlainTextEdit, "profile_en_purposes")
    assert purposes.toPlainText().startswith("paying you and distributing your music")
    purposes.moveCursor(purposes.textCursor().MoveOperation.End)
    qtbot.keyClick(purposes, Qt.Key.Key_Return)
    type_text(purposes, "royalty statements for co-authors")
    dialog.findChild(QPlainTextEdit, "profile_en_recipients").setPlainText(
        "payment providers\n\n  auditors  \n"
    )
    # an English purpose typed into the Russian form is pointed out at once
    dialog.findChild(QPlainTextEdit, "profile_ru_purposes").setPlainText(
        "paying artists and distributing their music"
    )
    ru_status = dialog.findChild(QLabel, "profileStatus_ru").text()
    assert "Not written in this language: Цели обработки" in ru_status
    # emptying a required item of a reply language marks its tab and says what is missing
    dialog.findChild(QPlainTextEdit, "profile_fr_retention").setPlainText("")
    assert languages.tabText(names.index("fr")) == "fr !"
    assert "Durée de conservation" in dialog.findChild(QLabel, "profileStatus_fr").text()
    dialog.findChild(QLineEdit, "signatoryName").setText("Aida Asanova")
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "saveControllerButton"), Qt.MouseButton.LeftButton
    )
    assert dialog.findChild(QLabel, "controllerMessage").text() == "Saved."

    saved = cf.controllers.by_slug("infinity")
    policy = saved.verification
    assert policy.requires_signed_id_copy is False
    assert policy.accepted == ("account_match", "registered_email", "signed_id_copy")
    assert policy.id_copy_retention == "on_verified"
    assert saved.jurisdictions == ("KG", "FR") and saved.languages == ("en", "ru", "fr")
    english = letters.profile(cf, saved.id, "en")
    assert english["purposes"].splitlines()[-1] == "royalty statements for co-authors"
    assert letters.profile_status(cf, saved.id, "ru").foreign == ("purposes",)
    assert letters.profile_status(cf, saved.id, "fr").missing == ("retention",)
    assert letters.signatory(cf, saved.id).name == "Aida Asanova"

    # The access response of one of INFINITY's cases now tells the new purpose and recipient,
    # and is signed by the new default signatory.
    case = cf.cases.list(CaseQuery(controller_id=saved.id, view="all", today=TODAY))[0]
    shown = letters.preview(cf, case.id, "access_response", "en", TODAY)
    text = _pdf_text(shown.pdf)
    assert "royalty statements for co-authors" in text
    assert "auditors" in text
    assert "Aida Asanova" in text


def test_kazakh_law_warns_against_collecting_id_copies(qtbot, open_copy) -> None:
    opened = open_copy("demo")
    dialog = _open_on(qtbot, opened, "Infini")
    assert _warnings(dialog) == "No conflict with the laws of the ticked jurisdictions."
    dialog.findChild(QCheckBox, "proof_id_copy").setChecked(True)
    assert "KZ: Infini is under Kazakh law" in _warnings(dialog)
    dialog.findChild(QCheckBox, "proof_id_copy").setChecked(False)
    assert "Kazakh law" not in _warnings(dialog)
