"""The identity tab on a real case file: the checklist beside the scans, outcomes and what they
do to the case, signature checks made with a test PKI, and the destruction of ID copies."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from dpo_desk.casefile import CaseFile
from dpo_desk.core.model import (
    AttachmentRole,
    CaseStatus,
    ClockEventKind,
    Controller,
    VerificationPolicy,
)
from dpo_desk.identity.service import import_certificates
from dpo_desk.ui.models.verifications import SignatureChecksModel, VerificationsModel
from dpo_desk.ui.tasks import DbExecutor
from dpo_desk.ui.views.identity_tab import DestroyCopiesDialog, IdentityTab
from tests.identity.conftest import Pki

from .casework import casework_window, open_tab, png_scan, select_case
from .conftest import TODAY, add_case, type_text

PASSPORT = "PASSPORT · AB123456 · TOKTOGULOV AIBEK"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("identity-pki"))


@dataclass
class Seeded:
    case_id: int
    ids: dict[str, int]
    passport: bytes
    letter: bytes


def seed(
    cf: CaseFile,
    pki: Pki,
    *,
    slug: str = "bishkek-shop",
    jurisdictions: tuple[str, ...] = ("KG",),
    policy: VerificationPolicy | None = None,
    signatures: bool = False,
) -> Seeded:
    controller = cf.controllers.add(
        Controller(
            id=None,
            slug=slug,
            name=slug.replace("-", " ").title(),
            jurisdictions=jurisdictions,
            verification=policy
            or VerificationPolicy(
                accepted=("account_match", "signed_id_copy"), requires_signed_id_copy=True
            ),
        )
    )
    case = add_case(cf, controller, "Айбек Токтогулов", TODAY - timedelta(days=5))
    case_id = int(case.id or 0)
    passport = png_scan(PASSPORT, 900, 560)
    letter = Pki.make_pdf("I ask for access to my personal data. Aibek Toktogulov")
    files = [
        ("passport.png", AttachmentRole.ID_DOCUMENT, "image/png", passport),
        ("letter.pdf", AttachmentRole.LETTER_SCAN, "application/pdf", letter),
    ]
    if signatures:
        signed = pki.sign_pdf(Pki.make_pdf("I ask for access to my personal data."), pki.alice)
        tampered = signed.replace(b"I ask for access", b"I ask for ACCESS", 1)
        assert tampered != signed
        stranger = pki.sign_pdf(Pki.make_pdf("Please erase my data."), pki.stranger)
        consent = "Согласие отозвано. Consent withdrawn.".encode()
        p7s = pki.openssl_cms(consent, pki.bob_rsa)
        files += [
            ("signed-request.pdf", AttachmentRole.OTHER, "application/pdf", signed),
            ("tampered.pdf", AttachmentRole.OTHER, "application/pdf", tampered),
            ("stranger.pdf", AttachmentRole.OTHER, "application/pdf", stranger),
            ("consent.txt", AttachmentRole.OTHER, "text/plain", consent),
            ("consent.txt.p7s", AttachmentRole.SIGNATURE, "application/pkcs7-signature", p7s),
            ("broken.pdf", AttachmentRole.OTHER, "application/pdf", b"%PDF-1.7\n\x00garbage"),
        ]
        import_certificates(cf, pki.root.cert_pem, today=TODAY)
    ids = {}
    for name, role, media_type, data in files:
        ids[name] = int(cf.attachments.add(case_id, role, name, media_type, data).id)
    if signatures:  # an S/MIME email from the requester, stored as intake stores one
        raw = pki.openssl_smime(b"Please send me my data.\n", pki.alice, sender="alice@example.org")
        email = cf.emails.add(
            case_id,
            raw=raw,
            filename="request.eml",
            message_id="identity-smime@example.org",
            content_hash=hashlib.sha256(raw).hexdigest(),
            from_addr="alice@example.org",
            subject="Subject access request",
            body_text="Please send me my data.",
            sent_at=None,
            received_at=None,
            smime_signed=True,
        )
        ids["request.eml"] = int(email.attachment_id or 0)
    return Seeded(case_id, ids, passport, letter)


def identity_tab(qtbot, window, case_id: int) -> IdentityTab:  # noqa: ANN001
    select_case(qtbot, window, case_id)
    tab = open_tab(qtbot, window, "identityTab")
    assert isinstance(tab, IdentityTab)
    qtbot.waitUntil(
        lambda: tab.state is not None and tab.state.overview.case_id == case_id, timeout=3000
    )
    return tab


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def click(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def set_expiry(qtbot, tab: IdentityTab, day: date) -> None:  # noqa: ANN001
    if not tab.checklist_form.expiry_known.isChecked():
        click(qtbot, tab.checklist_form.expiry_known)
    assert tab.checklist_form.expiry.isEnabled()
    tab.checklist_form.expiry.setDate(QDate(day.year, day.month, day.day))


def scan_texts(tab: IdentityTab) -> list[str]:
    return [tab.scans.item(i).text() for i in range(tab.scans.count())]


def test_more_information_then_verified_then_copies_destroyed(qtbot, open_copy, pki) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    seeded = seed(cf, pki)
    window = casework_window(qtbot, opened.ctx)
    tab = identity_tab(qtbot, window, seeded.case_id)

    # side by side: the checklist left, the ID copy right, shown from memory
    assert tab.splitter.orientation() == Qt.Orientation.Horizontal
    form, scans = tab.splitter.widget(0), tab.splitter.widget(1)
    assert form.isVisible() and scans.isVisible()
    assert form.geometry().right() < scans.geometry().left()
    assert tab.viewer.kind == "image" and tab.viewer.data == seeded.passport
    assert scan_texts(tab)[0].startswith("ID copy — passport.png")
    zoom = tab.viewer.zoom
    click(qtbot, tab.viewer.findChild(QWidget, "identityViewerZoomIn"))
    assert tab.viewer.zoom > zoom
    tab.scans.setCurrentRow(1)
    assert tab.viewer.kind == "pdf" and tab.viewer.data == seeded.letter
    tab.scans.setCurrentRow(0)
    assert tab.viewer.data == seeded.passport

    assert "A signed copy of an ID document" in tab.findChild(QLabel, "policyText").text()
    assert tab.findChild(QLabel, "identityStatus").text() == "Identity not checked yet."
    assert not tab.destroy_button.isEnabled()
    assert "once identity is settled" in tab.findChild(QLabel, "destroyHint").text()

    # the DPO fills in what the copy shows; the number is cut to its last four characters
    choose(tab.checklist_form.document_type, "passport")
    type_text(tab.checklist_form.country, "kg")
    assert tab.checklist_form.country.text() == "KG"
    qtbot.keyClicks(tab.checklist_form.last4, "AB123456")
    assert tab.checklist_form.last4.text() == "3456"
    assert tab.findChild(QLabel, "last4Note").isVisible()
    set_expiry(qtbot, tab, date(2025, 12, 31))
    warning = tab.findChild(QLabel, "expiryWarning")
    assert warning.isVisible() and "Expired" in warning.text()
    choose(tab.checklist_form.observations["name_matches"], "yes")
    choose(tab.checklist_form.observations["id_signed"], "yes")
    choose(tab.checklist_form.observations["address_matches"], "yes")
    suggestion = tab.findChild(QLabel, "checklistSuggestion").text()
    assert suggestion.startswith("Suggested outcome: More information needed")
    assert "expired on 2025-12-31" in suggestion
    assert "signature is consistent" in suggestion  # not checked yet, and required here
    type_text(tab.request_more, "A copy of a valid passport")

    click(qtbot, tab.findChild(QPushButton, "outcome_more_information_needed"))
    record = cf.identity.latest(seeded.case_id)
    assert (record.method, record.outcome) == ("paper_checklist", "more_information_needed")
    assert record.document_last4 == "3456" and record.document_type == "passport"
    assert record.checklist["request_more"] == "A copy of a valid passport"
    assert "AB12" not in json.dumps(record.to_dict(), ensure_ascii=False)
    events = cf.cases.clock_events(seeded.case_id)
    assert [(e.kind, e.on) for e in events] == [(ClockEventKind.IDENTITY_REQUESTED, TODAY)]
    assert cf.cases.get(seeded.case_id).status == CaseStatus.AWAITING_IDENTITY
    assert "paused" in tab.findChild(QLabel, "identityMessage").text()
    assert "asked for" in tab.findChild(QLabel, "identityStatus").text()
    proposal = tab.findChild(QLabel, "proposalText")
    assert proposal.isVisible() and "A copy of a valid passport" in proposal.text()
    write = tab.findChild(QPushButton, "writeLetterButton")
    assert write.isVisible()
    with qtbot.waitSignal(tab.write_letter_requested, timeout=1000) as letter:
        click(qtbot, write)
    assert letter.args == ["identity_request"]
    # the window takes the DPO to the letters tab with that letter started
    letters = window.case_view.tab("lettersTab")
    assert window.case_view.tab_widget.currentWidget() is letters
    assert letters.findChild(QComboBox, "letterKind").currentData() == "identity_request"
    # back to the identity tab once the passport has arrived
    window.case_view.show_tab("identityTab")
    assert tab.records_model.rowCount() == 1
    assert not tab.destroy_button.isEnabled()

    # a valid passport arrived: the form still holds the last check, the DPO corrects it
    set_expiry(qtbot, tab, date(2031, 5, 1))
    assert not tab.findChild(QLabel, "expiryWarning").isVisible()
    choose(tab.checklist_form.observations["signature_consistent"], "yes")
    assert tab.findChild(QLabel, "checklistSuggestion").text() == "Suggested outcome: Verified"
    click(qtbot, tab.findChild(QPushButton, "outcome_verified"))
    record = cf.identity.latest(seeded.case_id)
    assert record.outcome == "verified" and record.checklist["expiry"] == "2031-05-01"
    kinds = [e.kind for e in cf.cases.clock_events(seeded.case_id)]
    assert kinds == [ClockEventKind.IDENTITY_REQUESTED, ClockEventKind.IDENTITY_RECEIVED]
    assert cf.cases.get(seeded.case_id).status == CaseStatus.IN_PROGRESS
    assert tab.findChild(QLabel, "identityStatus").text().startswith("Identity verified on")
    assert not tab.write_letter.isVisible()
    assert tab.records_model.rowCount() == 2
    assert tab.destroy_button.isEnabled()
    assert "until the case closes" in tab.findChild(QLabel, "destroyHint").text()

    # destroying asks first and says what remains; cancelling keeps the copy
    click(qtbot, tab.destroy_button)
    dialog = tab.findChild(DestroyCopiesDialog)
    assert dialog is not None and dialog.isVisible()
    remains = dialog.findChild(QLabel, "destroyRemains").text()
    assert "verification record" in remains and "SHA-256" in remains
    dialog.reject()
    assert cf.attachments.get(seeded.ids["passport.png"]).destroyed_at is None

    click(qtbot, tab.destroy_button)
    dialog = [d for d in tab.findChildren(DestroyCopiesDialog) if d.isVisible()][0]
    dialog.reason.setText("Identity verified; copy no longer needed")
    click(qtbot, dialog.findChild(QPushButton, "confirmDestroy"))
    gone = cf.attachments.get(seeded.ids["passport.png"])
    assert gone.destroyed_at is not None
    noted = cf.identity.latest(seeded.case_id).destroyed
    assert [d["sha256"] for d in noted] == [gone.sha256]
    destroyed = [e for e in cf.audit.events(seeded.case_id) if e.action == "attachment.destroyed"]
    assert destroyed[0].data["reason"] == "Identity verified; copy no longer needed"
    assert cf.attachments.get(seeded.ids["letter.pdf"]).destroyed_at is None  # not an ID copy

    texts = scan_texts(tab)
    assert "destroyed on" in texts[0] and texts[0].endswith("(hash kept)")
    tab.scans.setCurrentRow(0)
    assert tab.viewer.kind == "" and tab.viewer.data == b""
    message = tab.viewer.findChild(QLabel, "identityViewerMessage").text()
    assert gone.sha256 in message
    assert not tab.destroy_button.isEnabled()
    assert "destroyed" in tab.findChild(QLabel, "destroyHint").text()

    window.lock()  # nothing of the case stays on screen or in the viewer's memory
    assert tab.state is None and tab.viewer.data == b"" and tab.scans.count() == 0
    assert tab.checklist_form.last4.text() == ""


def test_failed_offers_the_refusal_and_a_wrong_name_is_never_verified(
    qtbot, open_copy, pki
) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    seeded = seed(cf, pki)
    window = casework_window(qtbot, opened.ctx)
    tab = identity_tab(qtbot, window, seeded.case_id)
    choose(tab.checklist_form.document_type, "national_id")
    tab.checklist_form.country.setText("KG")
    tab.checklist_form.last4.setText("0042")
    set_expiry(qtbot, tab, date(2030, 1, 1))
    choose(tab.checklist_form.observations["name_matches"], "no")
    assert (
        tab.findChild(QLabel, "checklistSuggestion").text().startswith("Suggested outcome: Failed")
    )

    click(qtbot, tab.findChild(QPushButton, "outcome_verified"))
    assert "does not match" in tab.findChild(QLabel, "identityMessage").text()
    assert cf.identity.for_case(seeded.case_id) == []

    tab.checklist_form.country.setText("K1")  # a malformed field is a message, never a crash
    click(qtbot, tab.findChild(QPushButton, "outcome_failed"))
    assert "two-letter" in tab.findChild(QLabel, "identityMessage").text()
    assert cf.identity.for_case(seeded.case_id) == []

    tab.checklist_form.country.setText("KG")
    click(qtbot, tab.findChild(QPushButton, "outcome_failed"))
    assert cf.identity.latest(seeded.case_id).outcome == "failed"
    assert "not the requester's name" in tab.findChild(QLabel, "proposalText").text()
    with qtbot.waitSignal(tab.write_letter_requested, timeout=1000) as letter:
        click(qtbot, tab.findChild(QPushButton, "writeLetterButton"))
    assert letter.args == ["refusal"]
    assert tab.destroy_button.isEnabled()  # a failed check settles identity too


def test_policy_warnings_follow_the_selected_case(qtbot, open_copy, pki) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    strict = seed(
        cf,
        pki,
        slug="infinity-like",
        jurisdictions=("KG", "FR"),
        policy=VerificationPolicy(
            accepted=("signed_id_copy", "account_match"), requires_signed_id_copy=True
        ),
    )
    kazakh = seed(
        cf,
        pki,
        slug="astana-shop",
        jurisdictions=("KZ",),
        policy=VerificationPolicy(accepted=("id_copy", "electronic_signature")),
    )
    window = casework_window(qtbot, opened.ctx)
    tab = identity_tab(qtbot, window, strict.case_id)
    warnings = tab.findChild(QLabel, "policyWarnings")
    assert warnings.isVisible()
    assert warnings.text().startswith("Stricter than the law allows")
    assert "FR:" in warnings.text() and "2019-536" in warnings.text()
    assert "Requires a signed copy" in tab.findChild(QLabel, "policyText").text()
    assert not tab.findChild(QLabel, "idCopyWarning").isVisible()
    tab.checklist_form.last4.setText("1234")

    tab = identity_tab(qtbot, window, kazakh.case_id)
    assert tab.checklist_form.last4.text() == ""  # another case: a fresh checklist
    copy_warning = tab.findChild(QLabel, "idCopyWarning")
    assert copy_warning.isVisible() and "94-V" in copy_warning.text()
    assert "Astana Shop" in tab.findChild(QWidget, "identityPolicy").title()


def _verify(qtbot, tab: IdentityTab, name: str, ids: dict[str, int]) -> None:  # noqa: ANN001
    choose(tab.signature_file, ids[name])
    click(qtbot, tab.verify_button)


def _cells(model: SignatureChecksModel, signature: int = 0) -> list[str]:
    """One signature's facts as the sheet shows them, top to bottom."""
    cells = [model.data(model.index(r, signature)) for r in range(model.rowCount())]
    assert cells == model.values(signature)
    return cells


def test_signature_checks_show_each_signature_and_are_recorded(qtbot, open_copy, pki) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    seeded = seed(cf, pki, signatures=True)
    ids = seeded.ids
    window = casework_window(qtbot, opened.ctx)
    tab = identity_tab(qtbot, window, seeded.case_id)
    offered = {tab.signature_file.itemData(i) for i in range(tab.signature_file.count())}
    assert offered == {
        ids[n]
        for n in (
            "letter.pdf",
            "signed-request.pdf",
            "tampered.pdf",
            "stranger.pdf",
            "consent.txt.p7s",
            "broken.pdf",
            "request.eml",
        )
    }
    assert tab.signature_file.itemText(tab.signature_file.findData(ids["request.eml"])).startswith(
        "Email: request.eml"
    )
    results = tab.results
    model = results.model

    _verify(qtbot, tab, "signed-request.pdf", ids)
    assert not tab.signed_file.isVisible()
    assert results.verdict.splitlines()[1].startswith("Valid:")
    assert "Revocation was not checked" in results.verdict
    cells = _cells(model)
    assert cells[0] == "Alice Example <alice@example.org>" and cells[2].startswith("ecdsa")
    assert model.columnCount() == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Signature 1 (Signature1)"
    assert model.headerData(5, Qt.Orientation.Vertical) == "Trusted chain"
    assert results.table.isVisible()
    assert cells[3:6] == ["Yes", "Yes", "Yes"]
    assert cells[6] == "Whole document, no changes after signing"
    assert cells[7] == "Not checked (offline)" and cells[8] == "Valid"
    # issue 15: Alice's valid signature does not prove who Айбек Токтогулов is
    assert "the signer Alice Example is NOT the data subject" in results.verdict
    assert "Recorded: More information needed." in results.verdict
    latest = cf.identity.latest(seeded.case_id)
    assert (latest.method, latest.outcome) == ("pdf_signature", "more_information_needed")

    _verify(qtbot, tab, "stranger.pdf", ids)
    assert results.verdict.splitlines()[1].startswith("Valid but not trusted")
    assert _cells(model)[3:6] == ["Yes", "Yes", "No"]

    _verify(qtbot, tab, "tampered.pdf", ids)
    assert results.verdict.splitlines()[1].startswith("Invalid:")
    assert _cells(model)[3] == "No"
    assert cf.identity.latest(seeded.case_id).outcome == "failed"

    _verify(qtbot, tab, "broken.pdf", ids)  # hostile bytes: a verdict, no crash
    assert results.verdict.splitlines()[1].startswith("Damaged")
    assert model.rowCount() == 0 and not results.table.isVisible()

    choose(tab.signature_file, ids["consent.txt.p7s"])
    assert tab.signed_file.isVisible()
    assert tab.signed_file.currentData() == ids["consent.txt"]  # found by its name
    tab.signed_file.setCurrentIndex(0)  # "none": a detached signature needs its file
    records = len(cf.identity.for_case(seeded.case_id))
    click(qtbot, tab.verify_button)
    assert "detached signature" in tab.findChild(QLabel, "signatureMessage").text()
    assert len(cf.identity.for_case(seeded.case_id)) == records
    choose(tab.signed_file, ids["consent.txt"])
    click(qtbot, tab.verify_button)
    assert results.verdict.splitlines()[1].startswith("Valid:")
    cells = _cells(model)
    assert cells[0] == "Bob Example <bob@example.org>" and "rsa" in cells[2].lower()
    assert cells[6] == "The signed content"
    latest = cf.identity.latest(seeded.case_id)
    assert latest.method == "cms_signature"
    assert latest.checklist["detached_attachment_id"] == ids["consent.txt"]

    _verify(qtbot, tab, "request.eml", ids)  # the S/MIME email
    assert not tab.signed_file.isVisible()
    assert results.verdict.splitlines()[1].startswith("Valid:")
    assert _cells(model)[6] == "The signed content"
    assert cf.identity.latest(seeded.case_id).method == "smime"

    # the records list every check; selecting one shows its results again
    assert tab.records_model.rowCount() == len(cf.identity.for_case(seeded.case_id)) == 6
    tab.records.selectRow(1)  # the stranger's PDF
    assert results.verdict.startswith("Signed PDF checked")
    assert "Valid but not trusted" in results.verdict
    assert _cells(model)[0] == "Mallory Stranger <mallory@example.net>"

    # the DPO accepts Alice's signature with a written reason (issue 15)
    tab.records.selectRow(0)
    assert tab.override_button.isEnabled()
    dialog = tab.override_signature()
    assert dialog is not None
    click(qtbot, dialog.accept_button)  # no reason yet: refused, said why
    assert dialog.isVisible()
    assert "Write why" in dialog.findChild(QLabel, "overrideMessage").text()
    dialog.reason.setText("Alice Example is the name he signs with; confirmed by phone.")
    click(qtbot, dialog.accept_button)
    qtbot.waitUntil(
        lambda: cf.identity.latest(seeded.case_id).method == "dpo_override", timeout=3000
    )
    latest = cf.identity.latest(seeded.case_id)
    assert latest.outcome == "verified" and latest.checklist["overrides_check"] == 1
    qtbot.waitUntil(
        lambda: "record" in tab.findChild(QLabel, "overrideResult").text(), timeout=3000
    )
    tab.records.selectRow(2)  # the tampered PDF: failed, nothing to accept
    assert not tab.override_button.isEnabled()


def test_a_signature_check_runs_on_the_database_thread(qtbot, open_copy, pki) -> None:
    executor = DbExecutor(lambda exc: None)
    opened = open_copy("empty", executor=executor)
    seeded = seed(opened.cf, pki, signatures=True)
    window = casework_window(qtbot, opened.ctx)
    tab = identity_tab(qtbot, window, seeded.case_id)
    qtbot.waitUntil(lambda: tab.viewer.data == seeded.passport, timeout=3000)
    choose(tab.signature_file, seeded.ids["signed-request.pdf"])
    click(qtbot, tab.verify_button)
    progress = tab.findChild(QWidget, "identityProgress")
    assert progress.isVisible() and tab.checking and not tab.verify_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.checking, timeout=15000)
    assert not progress.isVisible()
    assert tab.results.verdict.splitlines()[1].startswith("Valid:")
    qtbot.waitUntil(lambda: tab.records_model.rowCount() == 1, timeout=3000)
    assert tab.verify_button.isEnabled()
    # issue 15: Alice signed, the subject is Айбек: identity is not settled, copies stay
    assert tab.state is not None and not tab.state.overview.settled
    assert not tab.destroy_button.isEnabled()

    # locking while a check runs: nothing of it stays on screen, nothing breaks
    choose(tab.signature_file, seeded.ids["stranger.pdf"])
    click(qtbot, tab.verify_button)
    assert tab.checking
    window.lock()
    assert not tab.checking and not progress.isVisible() and not tab.results.isVisible()
    executor.wait()
    QCoreApplication.sendPostedEvents()  # the dropped result's delivery
    assert not tab.results.isVisible() and tab.state is None
    assert not opened.bugs


def test_verification_models_pass_modeltester(qtmodeltester, open_copy, pki) -> None:
    opened = open_copy("empty")
    cf = opened.cf
    seeded = seed(cf, pki, signatures=True)
    from dpo_desk.services.identity import verify_signature

    report = verify_signature(
        cf, seeded.case_id, seeded.ids["signed-request.pdf"], today=TODAY
    ).report
    checks = SignatureChecksModel()
    qtmodeltester.check(checks)
    checks.set_report(report.to_dict())
    assert (checks.rowCount(), checks.columnCount()) == (9, 1)
    qtmodeltester.check(checks)
    records = VerificationsModel()
    qtmodeltester.check(records)
    records.set_records(tuple(cf.identity.for_case(seeded.case_id)))
    assert records.data(records.index(0, 3)) == "Signature: Valid"
    qtmodeltester.check(records)


def test_partial_reports_list_what_is_unsigned_and_each_problem() -> None:
    """Issue 15: permitted changes after signing are shown, with the unsigned parts."""
    from dpo_desk.ui.views.signature_results import verdict_text

    text = verdict_text(
        {
            "kind": "pdf",
            "verdict": "partial",
            "reason": "The signature is valid, but not everything is signed.",
            "unsigned_parts": ["The PDF was changed after its last signature."],
            "signatures": [
                {
                    "signer": "Alice Example",
                    "problems": ["The document was changed after this signature."],
                    "subject_match": "match",
                    "revocation": "good (embedded revocation data)",
                }
            ],
            "outcome": "more_information_needed",
            "outcome_reason": "Only part of the file or message is signed.",
        }
    )
    lines = text.splitlines()
    assert lines[0].startswith("Only partly signed: The signature itself is valid, but")
    assert "Not signed: The PDF was changed after its last signature." in lines
    assert "Signature 1: The document was changed after this signature." in lines
    assert "Signature 1: the signer Alice Example is the data subject." in lines
    assert lines[-1].startswith("Recorded: More information needed. Only part")
