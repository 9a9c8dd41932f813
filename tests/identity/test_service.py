"""Identity verification on a real case file: outcomes, signatures, trust store, destruction."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.errors import EvidenceStillNeeded, InvalidInput, NotFound
from dpo_desk.core.model import (
    AttachmentRole,
    Case,
    CaseStatus,
    Channel,
    ClockEventKind,
    DataSubject,
    RequestKind,
)
from dpo_desk.demo import CONTROLLERS
from dpo_desk.identity.checklist import IdChecklist
from dpo_desk.identity.service import (
    destroy_id_copies,
    identity_overview,
    identity_received,
    import_certificates,
    list_trusted,
    record_checklist,
    remove_trusted,
    retention_due,
)
from dpo_desk.identity.signatures import SignatureReport
from dpo_desk.services.identity import verify_signature

PASSPHRASE = "identity service test"
RECEIVED = date(2026, 3, 2)
TODAY = date(2026, 3, 10)
CLOCK = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
NAME = "Aigerim Testova"
MARKER = secrets.token_bytes(16)
# A scan whose distinctive bytes (MARKER) recur all over it, across several overflow pages.
SCAN = b"\x89PNG\r\n\x1a\n" + b"".join(MARKER + secrets.token_bytes(48) for _ in range(320))
SCAN_SHA = hashlib.sha256(SCAN).hexdigest()

GOOD = IdChecklist(
    document_type="passport",
    issuing_country="KG",
    last4="4711",
    expiry=date(2031, 5, 1),
    name_matches=True,
    id_signed=True,
    signature_consistent=True,
    address_matches=True,
)


@pytest.fixture
def cf(tmp_path: Path) -> Iterator[CaseFile]:
    casefile = CaseFile.create(
        tmp_path / "identity.dpodesk", Key(passphrase=PASSPHRASE), clock=lambda: CLOCK
    ).casefile
    for controller in CONTROLLERS:
        casefile.controllers.add(controller)
    yield casefile
    casefile.close()


def verify_attachment(cf: CaseFile, case_id: int, attachment_id: int, **kwargs) -> SignatureReport:
    """The window's and the CLI's way: check, bind to the data subject, record."""
    return verify_signature(cf, case_id, attachment_id, **kwargs).report


def new_case(cf: CaseFile, slug: str, *, email: str = "", name: str = NAME) -> int:
    controller = cf.controllers.by_slug(slug)
    assert controller is not None and controller.id is not None
    case = cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=controller.id,
            subject=DataSubject(name, email=email),
            kinds=(RequestKind.ACCESS,),
            channel=Channel.POST,
            received=RECEIVED,
        )
    )
    assert case.id is not None
    return int(case.id)


def add_copy(cf: CaseFile, case_id: int, data: bytes = SCAN) -> int:
    return int(
        cf.attachments.add(case_id, AttachmentRole.ID_DOCUMENT, "id.png", "image/png", data).id
    )


def status(cf: CaseFile, case_id: int) -> CaseStatus:
    return cf.cases.get(case_id).status


# --- outcomes ----------------------------------------------------------------------------------


def test_more_information_needed_pauses_and_proposes_the_identity_request(cf: CaseFile) -> None:
    case_id = new_case(cf, "infinity")
    result = record_checklist(
        cf,
        case_id,
        IdChecklist(document_type="passport", last4="4711"),
        "more_information_needed",
        TODAY,
        request_more="a copy of the passport page bearing your signature",
    )
    assert result.record.method == "paper_checklist"
    assert result.record.outcome == "more_information_needed"
    assert result.record.document_last4 == "4711"
    assert result.record.checklist["request_more"].startswith("a copy of the passport")
    assert "last4" not in result.record.checklist  # kept once, in document_last4
    assert result.status == "awaiting_identity" == status(cf, case_id)
    assert result.pause == "started"
    events = cf.cases.clock_events(case_id)
    assert [(e.kind, e.on) for e in events] == [(ClockEventKind.IDENTITY_REQUESTED, TODAY)]
    assert result.proposal is not None
    assert result.proposal.letter_kind == "identity_request"
    assert result.proposal.reasons == ("a copy of the passport page bearing your signature",)
    assert any("suspended" in note for note in result.proposal.notes)  # France
    assert identity_overview(cf, case_id).pause_open_since == TODAY

    # asking again while the first request is open continues the same pause
    again = record_checklist(
        cf, case_id, IdChecklist(document_type="passport"), "more_information_needed", TODAY
    )
    assert again.pause == "continued"
    assert len(cf.cases.clock_events(case_id)) == 1
    assert again.proposal is not None
    assert "Not established: the issuing country." in again.proposal.reasons


def test_asking_for_more_needs_a_reason_and_records_nothing_without_one(cf: CaseFile) -> None:
    case_id = new_case(cf, "astrum-oyun")
    with pytest.raises(InvalidInput, match="say what identity information is needed"):
        record_checklist(cf, case_id, GOOD, "more_information_needed", TODAY)
    assert cf.identity.for_case(case_id) == []
    assert cf.cases.clock_events(case_id) == []
    assert status(cf, case_id) == CaseStatus.RECEIVED


def test_kazakh_and_russian_requests_carry_their_law_in_the_notes(cf: CaseFile) -> None:
    kz = record_checklist(
        cf, new_case(cf, "infini"), IdChecklist(), "more_information_needed", TODAY
    )
    assert kz.proposal is not None
    notes = " ".join(kz.proposal.notes)
    assert "not a paper ID copy" in notes and "94-V Art. 7(10)" in notes
    ru = record_checklist(
        cf, new_case(cf, "backgroundmusic"), IdChecklist(), "more_information_needed", TODAY
    )
    assert ru.proposal is not None
    assert "reasoned refusal" in " ".join(ru.proposal.notes)


def test_failed_proposes_a_refusal_and_settles_identity(cf: CaseFile) -> None:
    case_id = new_case(cf, "astrum-oyun")
    copy_id = add_copy(cf, case_id)
    mismatch = IdChecklist(document_type="national_id", last4="0042", name_matches=False)
    result = record_checklist(cf, case_id, mismatch, "failed", TODAY)
    assert result.proposal is not None
    assert result.proposal.letter_kind == "refusal"
    assert result.proposal.reasons == (
        "The name on the identity document is not the requester's name.",
    )
    assert result.status == "received"  # the refusal letter moves it on, not the check
    assert identity_overview(cf, case_id).destroy_allowed
    (gone,) = destroy_id_copies(cf, case_id, reason="identity check failed; refusal sent")
    assert gone.attachment_id == copy_id and gone.check_id == result.record.id


def test_verified_resumes_the_case_ends_the_pause_and_keeps_copies_until_close(
    cf: CaseFile,
) -> None:
    case_id = new_case(cf, "astrum-oyun")  # retention on_close
    copy_id = add_copy(cf, case_id)
    record_checklist(cf, case_id, IdChecklist(), "more_information_needed", TODAY, request_more="x")
    result = record_checklist(cf, case_id, GOOD, "verified", date(2026, 3, 12))
    assert result.assessment is not None and result.assessment.outcome == "verified"
    assert result.status == "in_progress" == status(cf, case_id)
    assert result.pause == "ended"
    assert [e.kind for e in cf.cases.clock_events(case_id)] == [
        ClockEventKind.IDENTITY_REQUESTED,
        ClockEventKind.IDENTITY_RECEIVED,
    ]
    assert cf.cases.clock_events(case_id)[1].on == date(2026, 3, 12)
    assert result.destroyed == ()
    assert cf.attachments.data(copy_id) == SCAN
    assert retention_due(cf, TODAY) == []


def test_verified_cannot_contradict_a_name_mismatch(cf: CaseFile) -> None:
    case_id = new_case(cf, "astrum-oyun")
    with pytest.raises(InvalidInput, match="does not match the requester"):
        record_checklist(cf, case_id, IdChecklist(name_matches=False), "verified", TODAY)
    with pytest.raises(InvalidInput, match="identity outcome"):
        record_checklist(cf, case_id, GOOD, "probably", TODAY)


def test_verified_under_on_verified_destroys_the_copies_at_once(cf: CaseFile) -> None:
    case_id = new_case(cf, "infinity")  # retention on_verified
    copy_id = add_copy(cf, case_id)
    letter_id = cf.attachments.add(
        case_id, AttachmentRole.LETTER_SCAN, "letter.png", "image/png", b"letter"
    ).id
    result = record_checklist(cf, case_id, GOOD, "verified", TODAY)
    assert [(d.attachment_id, d.sha256) for d in result.destroyed] == [(copy_id, SCAN_SHA)]
    record = result.record
    # what remains: method, outcome, who, when, document type, last four, SHA-256
    assert (record.method, record.outcome) == ("paper_checklist", "verified")
    assert record.checked_by == cf.actor and record.checked_at == CLOCK
    assert (record.document_type, record.document_last4) == ("passport", "4711")
    assert [(d["attachment_id"], d["sha256"]) for d in record.destroyed] == [(copy_id, SCAN_SHA)]
    with pytest.raises(NotFound, match="destroyed"):
        cf.attachments.data(copy_id)
    assert cf.attachments.data(letter_id) == b"letter"  # only ID copies go


def test_identity_received_ends_the_pause(cf: CaseFile) -> None:
    case_id = new_case(cf, "infinity")
    with pytest.raises(InvalidInput, match="No identity information is awaited"):
        identity_received(cf, case_id, TODAY)
    record_checklist(cf, case_id, IdChecklist(), "more_information_needed", TODAY, request_more="x")
    with pytest.raises(InvalidInput, match="before it was requested"):
        identity_received(cf, case_id, date(2026, 3, 9))
    with pytest.raises(InvalidInput, match="in the future"):
        identity_received(cf, case_id, date(2026, 3, 20), today=date(2026, 3, 14))
    event = identity_received(cf, case_id, date(2026, 3, 14), today=date(2026, 3, 14))
    assert (event.kind, event.on) == (ClockEventKind.IDENTITY_RECEIVED, date(2026, 3, 14))
    assert identity_overview(cf, case_id).pause_open_since is None
    assert status(cf, case_id) == CaseStatus.AWAITING_IDENTITY  # until the proof is checked
    result = record_checklist(cf, case_id, GOOD, "verified", date(2026, 3, 15))
    assert result.pause == ""  # already ended
    assert len(cf.cases.clock_events(case_id)) == 2


# --- destruction -----------------------------------------------------------------------------


def test_destruction_is_refused_while_an_open_case_needs_the_copy(cf: CaseFile) -> None:
    case_id = new_case(cf, "astrum-oyun")
    copy_id = add_copy(cf, case_id)
    with pytest.raises(EvidenceStillNeeded, match="not settled"):
        destroy_id_copies(cf, case_id, reason="tidy up")
    record_checklist(cf, case_id, IdChecklist(), "more_information_needed", TODAY, request_more="x")
    with pytest.raises(EvidenceStillNeeded):
        destroy_id_copies(cf, case_id, reason="tidy up")
    assert cf.attachments.data(copy_id) == SCAN
    with pytest.raises(InvalidInput, match="why"):
        destroy_id_copies(cf, case_id, reason="  ")


def test_destruction_after_verification_keeps_the_hash_and_audits(cf: CaseFile) -> None:
    case_id = new_case(cf, "astrum-oyun")
    copy_id = add_copy(cf, case_id)
    check = record_checklist(cf, case_id, GOOD, "verified", TODAY).record
    (gone,) = destroy_id_copies(cf, case_id, reason="identity settled")
    assert (gone.attachment_id, gone.sha256, gone.size, gone.check_id) == (
        copy_id,
        SCAN_SHA,
        len(SCAN),
        check.id,
    )
    kept = cf.identity.get(check.id)
    assert kept.destroyed == (
        {"attachment_id": copy_id, "sha256": SCAN_SHA, "destroyed_at": CLOCK.isoformat()},
    )
    meta = cf.attachments.get(copy_id)
    assert meta.destroyed_at == CLOCK and meta.sha256 == SCAN_SHA
    actions = [(e.action, e.data) for e in cf.audit.events(case_id)]
    assert (
        "attachment.destroyed",
        {
            "attachment_id": copy_id,
            "role": "id_document",
            "sha256": SCAN_SHA,
            "size": len(SCAN),
            "reason": "identity settled",
        },
    ) in actions
    assert any(a == "identity.copy_destroyed" and d["sha256"] == SCAN_SHA for a, d in actions)
    assert destroy_id_copies(cf, case_id, reason="again") == []  # nothing left, no error
    assert cf.verify_audit().ok
    # personal data stays out of the audit trail
    audit_text = json.dumps([e.data for e in cf.audit.events()], ensure_ascii=False)
    assert NAME not in audit_text and "4711" not in audit_text


def _page_plaintexts(path: Path) -> list[bytes]:
    """Decrypt every page of the case file and its WAL with the passphrase (SQLCipher 4
    defaults: PBKDF2-HMAC-SHA512 x 256,000, AES-256-CBC, 4096-byte pages, 80 reserved bytes).
    Unlike an export, this sees freelist pages and unused space too."""
    page, reserve = 4096, 80
    raw = path.read_bytes()
    key = hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), raw[:16], 256_000, 32)

    def decrypt(block: bytes, first: bool) -> bytes:
        iv = block[page - reserve : page - reserve + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return decryptor.update(block[16 if first else 0 : page - reserve]) + decryptor.finalize()

    pages = [decrypt(raw[i : i + page], i == 0) for i in range(0, len(raw), page)]
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        frames = wal.read_bytes()
        for offset in range(32, len(frames) - 24 - page + 1, 24 + page):
            number = int.from_bytes(frames[offset : offset + 4], "big")
            pages.append(decrypt(frames[offset + 24 : offset + 24 + page], number == 1))
    return pages


def _hits(cf: CaseFile) -> int:
    pages = _page_plaintexts(cf.path)
    assert pages[0][:2] == (4096).to_bytes(2, "big")  # the decrypted header: decryption works
    return sum(p.count(MARKER) for p in pages)


def _exported(cf: CaseFile, target: Path) -> bytes:
    """The decrypted database as SQLCipher exports it (test-only, in tmp_path)."""
    cf.db.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    cf.db.execute("SELECT sqlcipher_export('plain')")
    cf.db.execute("DETACH DATABASE plain")
    return target.read_bytes()


def test_destroyed_bytes_cannot_be_found_in_the_decrypted_file(
    cf: CaseFile, tmp_path: Path
) -> None:
    case_id = new_case(cf, "astrum-oyun")
    add_copy(cf, case_id)
    # positive controls: the scan is findable before it is destroyed
    assert _hits(cf) > 100
    assert _exported(cf, tmp_path / "before.db").count(MARKER) > 100
    record_checklist(cf, case_id, GOOD, "verified", TODAY)
    destroy_id_copies(cf, case_id, reason="identity settled")
    # before VACUUM: secure_delete zeroed the freed pages (they are still in the file)
    assert cf.db.execute("PRAGMA freelist_count").fetchone()[0] > 0
    assert _hits(cf) == 0
    assert _exported(cf, tmp_path / "after-destroy.db").count(MARKER) == 0
    cf.db.execute("VACUUM")
    assert _hits(cf) == 0
    assert _exported(cf, tmp_path / "after-vacuum.db").count(MARKER) == 0
    path = cf.path
    cf.close()
    reopened = CaseFile.open(path, Key(passphrase=PASSPHRASE))
    try:
        assert _hits(reopened) == 0
        (record,) = reopened.identity.for_case(case_id)  # the verification record remains
        assert record.destroyed[0]["sha256"] == SCAN_SHA
    finally:
        reopened.close()


def test_closing_purges_copies_and_the_record_is_completed(cf: CaseFile) -> None:
    case_id = new_case(cf, "astrum-oyun")
    copy_id = add_copy(cf, case_id)
    check = record_checklist(cf, case_id, GOOD, "verified", TODAY).record
    cf.cases.set_status(case_id, CaseStatus.RESPONDED, on=TODAY)
    cf.cases.set_status(case_id, CaseStatus.CLOSED, on=TODAY)  # the case file purges ID copies
    assert cf.attachments.get(copy_id).destroyed_at is not None
    # closing noted the purged copy in the verification record in the same transaction
    assert [d["attachment_id"] for d in cf.identity.get(check.id).destroyed] == [copy_id]
    late_id = add_copy(cf, case_id, b"a copy that arrived after closing")
    (due,) = retention_due(cf, date(2026, 3, 20))
    assert (due.attachment_id, due.reason, due.since, due.waiting_days) == (
        late_id,
        "case closed",
        TODAY,
        10,
    )
    (gone,) = destroy_id_copies(cf, case_id, reason="case closed")
    assert gone.attachment_id == late_id
    noted = [d["attachment_id"] for d in cf.identity.get(check.id).destroyed]
    assert sorted(noted) == sorted([copy_id, late_id])  # the purged copy is noted too
    assert retention_due(cf, TODAY) == []


def test_retention_due_lists_verified_copies_under_on_verified(cf: CaseFile) -> None:
    verified = new_case(cf, "infinity")
    record_checklist(cf, verified, GOOD, "verified", TODAY)
    second_copy = add_copy(cf, verified)  # sent again after the check
    pending = new_case(cf, "infinity")
    add_copy(cf, pending)
    kept = new_case(cf, "astrum-oyun")
    add_copy(cf, kept)
    record_checklist(cf, kept, GOOD, "verified", TODAY)
    due = retention_due(cf, date(2026, 3, 11))
    assert [(d.case_id, d.attachment_id, d.reason, d.waiting_days) for d in due] == [
        (verified, second_copy, "identity verified (retention: on_verified)", 1)
    ]
    assert due[0].to_dict()["since"] == "2026-03-10"


# --- signatures on stored attachments --------------------------------------------------------


def test_signed_pdf_attachment_verifies_identity(cf: CaseFile, pki, signed_pdf: bytes) -> None:
    case_id = new_case(cf, "infinity", name="Alice Example")
    copy_id = add_copy(cf, case_id)
    pdf_id = cf.attachments.add(
        case_id, AttachmentRole.LETTER_SCAN, "request.pdf", "application/pdf", signed_pdf
    ).id
    untrusted = verify_attachment(cf, case_id, pdf_id, today=TODAY)
    assert untrusted.verdict == "untrusted"  # nothing is trusted by default
    first = cf.identity.latest(case_id)
    assert first is not None and first.outcome == "more_information_needed"
    assert cf.attachments.data(copy_id) == SCAN

    import_certificates(cf, pki.root.cert_pem, today=datetime.now(UTC).date())
    report = verify_attachment(cf, case_id, pdf_id, today=TODAY)
    assert (report.kind, report.verdict) == ("pdf", "valid")
    record = cf.identity.latest(case_id)
    assert record is not None
    assert (record.method, record.outcome) == ("pdf_signature", "verified")
    assert record.signature_report is not None
    assert record.signature_report["signatures"][0]["signer"] == "Alice Example"
    assert record.checklist["attachment_sha256"] == hashlib.sha256(signed_pdf).hexdigest()
    # INFINITY destroys ID copies as soon as identity is verified
    assert [d["attachment_id"] for d in record.destroyed] == [copy_id]
    assert cf.attachments.data(pdf_id) == signed_pdf


def test_tampered_pdf_fails(cf: CaseFile, pki, signed_pdf: bytes) -> None:
    import_certificates(cf, pki.root.cert_pem, today=datetime.now(UTC).date())
    case_id = new_case(cf, "astrum-oyun")
    tampered = signed_pdf.replace(b"I ask for access", b"I ask for erasur")
    pdf_id = cf.attachments.add(
        case_id, AttachmentRole.LETTER_SCAN, "request.pdf", "application/pdf", tampered
    ).id
    assert verify_attachment(cf, case_id, pdf_id, today=TODAY).verdict == "invalid"
    record = cf.identity.latest(case_id)
    assert record is not None and record.outcome == "failed"


def test_detached_cms_signature(cf: CaseFile, pki) -> None:
    import_certificates(cf, pki.root.cert_pem, today=datetime.now(UTC).date())
    case_id = new_case(cf, "astrum-oyun", name="Alice Example")
    document = b"I, the undersigned, ask for a copy of my personal data.\n"
    doc_id = cf.attachments.add(
        case_id, AttachmentRole.OTHER, "request.txt", "text/plain", document
    ).id
    sig_id = cf.attachments.add(
        case_id,
        AttachmentRole.SIGNATURE,
        "request.txt.p7s",
        "application/pkcs7-signature",
        pki.openssl_cms(document, pki.alice),
    ).id
    report = verify_attachment(cf, case_id, doc_id, detached_attachment_id=sig_id, today=TODAY)
    assert (report.kind, report.verdict) == ("cms", "valid")
    record = cf.identity.latest(case_id)
    assert record is not None
    assert (record.method, record.outcome) == ("cms_signature", "verified")
    assert record.checklist["detached_attachment_id"] == sig_id
    assert status(cf, case_id) == CaseStatus.IN_PROGRESS  # identity settled: work starts
    with pytest.raises(InvalidInput, match="different attachment"):
        verify_attachment(cf, case_id, doc_id, detached_attachment_id=doc_id)


def test_smime_signer_must_match_the_sender(cf: CaseFile, pki) -> None:
    import_certificates(cf, pki.root.cert_pem, today=datetime.now(UTC).date())
    case_id = new_case(cf, "backgroundmusic", email="bob@example.org")
    body = b"Please tell me what personal data you hold about me.\n"
    message = pki.openssl_smime(body, pki.alice, sender="Bob <bob@example.org>")
    mail_id = cf.attachments.add(
        case_id, AttachmentRole.EMAIL, "request.eml", "message/rfc822", message
    ).id
    report = verify_attachment(cf, case_id, mail_id, today=TODAY)
    assert (report.kind, report.verdict, report.sender_email_matches) == ("smime", "valid", False)
    record = cf.identity.latest(case_id)
    assert record is not None
    assert (record.method, record.outcome) == ("smime", "more_information_needed")
    assert record.checklist["sender_is_requester"] is True

    other_case = new_case(cf, "backgroundmusic")
    with pytest.raises(InvalidInput, match="does not belong"):
        verify_attachment(cf, other_case, mail_id)


# --- trust store -----------------------------------------------------------------------------


def test_trust_import_pem_bundle_der_and_garbage(cf: CaseFile, pki) -> None:
    today = datetime.now(UTC).date()
    assert list_trusted(cf) == []  # nothing is trusted by default
    bundle = pki.root.cert_pem + pki.intermediate.cert_pem
    imported = import_certificates(cf, bundle, today=today)
    assert [c.subject for c in imported] == [
        "Common Name: DPO Test Root CA, Country: KZ",
        "Common Name: DPO Test Issuing CA, Country: KZ",
    ]
    assert all(c.warnings == () and not c.already_trusted for c in imported)
    assert imported[1].issuer == imported[0].subject
    assert imported[0].not_after == pki.root.cert.not_valid_after_utc.isoformat()

    (leaf,) = import_certificates(cf, pki.alice.cert_der, today=today)
    assert "not a certification authority" in leaf.warnings[0]
    (expired,) = import_certificates(cf, pki.expired.cert_der, today=today)
    assert any("expired on" in w for w in expired.warnings)
    (again,) = import_certificates(cf, pki.root.cert_pem, today=today)
    assert again.already_trusted and again.id == imported[0].id
    assert cf.trust.ders()[0] == pki.root.cert_der

    for garbage in (b"", b"not a certificate at all", b"\x30\x03\x02\x01"):
        with pytest.raises(InvalidInput, match="certificate"):
            import_certificates(cf, garbage, today=today)
    assert len(list_trusted(cf)) == 4

    removed = remove_trusted(cf, imported[0].id)
    assert removed.subject == imported[0].subject
    assert imported[0].id not in {c.id for c in list_trusted(cf)}
    with pytest.raises(NotFound):
        remove_trusted(cf, imported[0].id)
    assert imported[1].to_dict()["warnings"] == []
