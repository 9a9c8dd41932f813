"""Issue 15: identity you can rely on (everything except GOST and trust lists).

Each scenario of the issue's "What is wrong today" list 1-4 and 6 is a test here (7, warnings, is
in tests/identity/test_quiet_cli.py). Keys, certificates, signed PDFs (pyHanko) and S/MIME
messages (openssl) are made in the tests; case files are real SQLCipher files in tmp_path.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID, ObjectIdentifier

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.health import PROBLEM, WARNING, run_checks
from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import (
    AttachmentRole,
    Case,
    CaseStatus,
    Channel,
    DataSubject,
    RequestKind,
)
from dpo_desk.demo import CONTROLLERS
from dpo_desk.identity.checklist import IdChecklist
from dpo_desk.identity.service import (
    destroy_id_copies,
    identity_overview,
    import_certificates,
    record_checklist,
)
from dpo_desk.identity.signatures import SignatureCheck, verify_pdf, verify_smime
from dpo_desk.services.identity import (
    mark_id_copy,
    normalise_identifier,
    override_signature_check,
    set_subject_identifiers,
    subject_match,
    verify_signature,
)

from .conftest import NOW, Identity, Pki

RAW_KEY = bytes(range(32))
TODAY = date(2026, 3, 10)
ALICE = "Alice Example"  # the name on pki.alice's certificate
SNILS = "11223344595"  # check digits 95 (9*1+8*1+7*2+6*2+5*3+4*3+3*4+2*4+1*5)
OTHER_SNILS = "11223344696"


@pytest.fixture
def cf(tmp_path: Path) -> Iterator[CaseFile]:
    casefile = CaseFile.create(tmp_path / "binding.dpodesk", Key(raw=RAW_KEY)).casefile
    for controller in CONTROLLERS:
        casefile.controllers.add(controller)
    yield casefile
    casefile.close()


@pytest.fixture
def trusted(cf: CaseFile, pki: Pki) -> CaseFile:
    import_certificates(cf, pki.root.cert_pem, today=datetime.now(UTC).date())
    return cf


def new_case(cf: CaseFile, name: str, *, slug: str = "infinity", **subject: str) -> int:
    controller = cf.controllers.by_slug(slug)
    assert controller is not None and controller.id is not None
    case = cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=controller.id,
            subject=DataSubject(name, **subject),
            kinds=(RequestKind.ACCESS,),
            channel=Channel.EMAIL,
            received=date(2026, 3, 2),
        )
    )
    return int(case.id or 0)


def person(pki: Pki, folder: Path, slug: str, attributes: list[x509.NameAttribute]) -> Identity:
    """A signer issued by the test PKI's intermediate with exactly these subject attributes."""
    key = ec.generate_private_key(ec.SECP256R1())
    issuer = pki.intermediate
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
        .sign(issuer.key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{slug}.pem", folder / f"{slug}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Identity(slug, cert, key, cert_path, key_path)


def numeric(oid: str, value: str) -> x509.NameAttribute:
    return x509.NameAttribute(ObjectIdentifier(oid), value, _type=_ASN1Type.NumericString)


@pytest.fixture(scope="module")
def russian(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Identity:
    """A Russian-style qualified certificate: Cyrillic CN, SN + GN (name and patronymic), SNILS."""
    return person(
        pki,
        tmp_path_factory.mktemp("ru"),
        "ru",
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "RU"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Фёдорова Юлия Ивановна"),
            x509.NameAttribute(NameOID.SURNAME, "Фёдорова"),
            x509.NameAttribute(NameOID.GIVEN_NAME, "Юлия Ивановна"),
            numeric("1.2.643.100.3", SNILS),
            numeric("1.2.643.3.131.1.1", "500100732259"),
        ],
    )


@pytest.fixture(scope="module")
def kazakh(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Identity:
    """A Kazakh NCA-style certificate: Latin CN, the IIN in serialNumber."""
    return person(
        pki,
        tmp_path_factory.mktemp("kz"),
        "kz",
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.COMMON_NAME, "TOLEUOVA AIZHAN"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "IIN880101300123"),
        ],
    )


def store(cf: CaseFile, case_id: int, name: str, data: bytes, media: str) -> int:
    role = AttachmentRole.EMAIL if media == "message/rfc822" else AttachmentRole.LETTER_SCAN
    return int(cf.attachments.add(case_id, role, name, media, data).id)


def add_copy(cf: CaseFile, case_id: int) -> int:
    scan = b"\x89PNG\r\n\x1a\n" + os.urandom(2000)
    return int(
        cf.attachments.add(case_id, AttachmentRole.ID_DOCUMENT, "id.png", "image/png", scan).id
    )


# --- 1. any trusted signer verified any data subject -----------------------------------------


def test_a_trusted_stranger_does_not_verify_the_subject(trusted: CaseFile, pki: Pki) -> None:
    cf = trusted
    mallory = person(
        pki, pki.folder, "mallory-evil", [x509.NameAttribute(NameOID.COMMON_NAME, "Mallory Evil")]
    )
    case_id = new_case(cf, "Alice Subject")  # INFINITY: ID copies go once identity is verified
    copy_id = add_copy(cf, case_id)
    pdf = pki.sign_pdf(pki.make_pdf(), mallory)
    result = verify_signature(cf, case_id, store(cf, case_id, "r.pdf", pdf, "application/pdf"))

    assert result.report.verdict == "valid"  # the signature is fine ...
    assert result.outcome == "more_information_needed"  # ... but it is not Alice's
    assert result.reason == "The signer Mallory Evil is not the data subject Alice Subject."
    assert result.report_dict()["signatures"][0]["subject_match"] == "mismatch"
    assert result.record.outcome == "more_information_needed"
    assert cf.attachments.get(copy_id).destroyed_at is None  # Alice's copy stays
    assert cf.cases.get(case_id).status != CaseStatus.IN_PROGRESS


def test_smime_from_another_signer_is_not_verified(trusted: CaseFile, pki: Pki) -> None:
    cf = trusted
    case_id = new_case(cf, "Alice Subject", email="alice@example.org")
    message = pki.openssl_smime(b"Send me my data.\n", pki.alice, sender="alice@example.org")
    result = verify_signature(cf, case_id, store(cf, case_id, "m.eml", message, "message/rfc822"))
    assert result.report.sender_email_matches is True  # the address matches ...
    assert result.matches[0].result == "mismatch"  # ... the person does not
    assert result.outcome == "more_information_needed"


def test_the_subjects_own_signature_verifies(trusted: CaseFile, pki: Pki) -> None:
    cf = trusted
    case_id = new_case(cf, "EXAMPLE, Alice")
    pdf = pki.sign_pdf(pki.make_pdf(), pki.alice)
    result = verify_signature(cf, case_id, store(cf, case_id, "r.pdf", pdf, "application/pdf"))
    assert (result.outcome, result.matches[0].result) == ("verified", "match")


def test_identifiers_decide_before_names(trusted: CaseFile, pki: Pki, russian: Identity) -> None:
    cf = trusted
    pdf = pki.sign_pdf(pki.make_pdf(), russian)
    # Latin spelling of the Cyrillic name, the same SNILS: match by identifier
    same = new_case(cf, "Yulia Fedorova", snils=SNILS)
    result = verify_signature(cf, same, store(cf, same, "r.pdf", pdf, "application/pdf"))
    assert (result.outcome, result.matches[0].basis) == ("verified", "identifier")
    signature = result.report_dict()["signatures"][0]
    assert signature["signer_identifiers"] == {"snils": SNILS, "inn": "500100732259"}
    # the same name but another SNILS: not the subject
    other = new_case(cf, "Юлия Фёдорова", snils=OTHER_SNILS)
    result = verify_signature(cf, other, store(cf, other, "r.pdf", pdf, "application/pdf"))
    assert result.outcome == "more_information_needed"
    assert (
        result.reason == "The signer's certificate carries another SNILS than the data subject's."
    )


def test_kazakh_iin_in_the_serial_number(kazakh: Identity) -> None:
    from asn1crypto import x509 as asn1_x509

    from dpo_desk.identity.signatures import certificate_subject

    names, identifiers = certificate_subject(asn1_x509.Certificate.load(kazakh.cert_der))
    assert names == ("TOLEUOVA AIZHAN",)
    assert identifiers == (("iin", "880101300123"),)
    check = SignatureCheck(signer=names[0], signer_names=names, signer_identifiers=identifiers)
    assert subject_match(DataSubject("Айжан Төлеуова"), check).result == "match"
    wrong = DataSubject("Айжан Төлеуова", iin="900101400017")
    assert subject_match(wrong, check).result == "mismatch"
    nameless = SignatureCheck(signer_names=("alice@example.org",))
    assert subject_match(DataSubject("Alice"), nameless).result == "unknown"


def test_identifiers_are_checked_when_stored(cf: CaseFile) -> None:
    assert normalise_identifier("snils", "112-233-445 95") == SNILS
    assert normalise_identifier("inn", "500100732259") == "500100732259"
    assert normalise_identifier("iin", "880101300123") == "880101300123"
    with pytest.raises(InvalidInput, match="check digits"):
        normalise_identifier("snils", "11223344596")
    with pytest.raises(InvalidInput, match="A INN has 12 digits|An? INN has 12 digits"):
        normalise_identifier("inn", "12345")
    case_id = new_case(cf, "Юлия Фёдорова")
    case = set_subject_identifiers(cf, case_id, snils="112-233-445 95", iin="")
    assert (case.subject.snils, case.subject.iin, case.subject.name) == (SNILS, "", "Юлия Фёдорова")
    assert cf.cases.get(case_id).subject.snils == SNILS


# --- 2. an old signed part wrapped in new unsigned text ----------------------------------------


def wrapped(pki: Pki) -> bytes:
    """multipart/mixed: new unsigned instructions first, then Alice's old genuine S/MIME part."""
    old = pki.openssl_smime(
        b"I ask for a copy of my data.\n", pki.alice, sender="alice@example.org"
    )
    head, _, body = old.replace(b"\r\n", b"\n").partition(b"\n\n")
    inner = b"\n".join(
        line for line in head.split(b"\n") if line.lower().startswith((b"content-", b" ", b"\t"))
    )
    return (
        b"From: alice@example.org\nTo: dpo@controller.example\nSubject: new address\n"
        b"Message-ID: <wrapped@example.org>\nDate: Mon, 02 Mar 2026 10:00:00 +0000\n"
        b'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="WRAP"\n\n'
        b"--WRAP\nContent-Type: text/plain\n\nSend my data to my new address: 1 Evil Road.\n"
        b"--WRAP\n" + inner + b"\n\n" + body + b"\n--WRAP--\n"
    )


def test_a_wrapped_old_signature_is_never_valid(trusted: CaseFile, pki: Pki, roots) -> None:
    message = wrapped(pki)
    report = verify_smime(message, roots)
    assert report.verdict == "partial"
    assert report.signatures[0].status == "valid"
    assert report.unsigned_parts == (
        "Part 1 of the multipart/mixed message (text/plain) is outside the signature, which "
        "covers only part 2 of the multipart/mixed message.",
    )
    assert report.to_dict()["unsigned_parts"] == list(report.unsigned_parts)

    cf = trusted
    case_id = new_case(cf, ALICE, email="alice@example.org")
    result = verify_signature(cf, case_id, store(cf, case_id, "m.eml", message, "message/rfc822"))
    assert result.matches[0].result == "match"  # Alice did sign the old part ...
    assert result.outcome == "more_information_needed"  # ... not the new instructions
    assert result.reason.startswith("Only part of the file or message is signed")


def test_intake_does_not_file_a_wrapped_message_as_valid(trusted: CaseFile, pki: Pki) -> None:
    from dpo_desk.intake.email_parse import parse_bytes
    from dpo_desk.intake.service import import_email

    cf = trusted
    (parsed,) = parse_bytes(wrapped(pki), "request.eml")
    outcome = import_email(cf, parsed, TODAY, controller=cf.controllers.by_slug("infini"))
    assert outcome.smime == "partial"
    assert cf.identity.for_case(int(outcome.case_id or 0)) == []  # no identity from import


# --- 3. a form filled in after signing -------------------------------------------------------


def test_form_filled_after_signing_is_listed_and_settles_nothing(
    trusted: CaseFile, pki: Pki, roots
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Send my data to:")
    page.acroForm.textfield(name="address", x=180, y=710, width=250, height=20, value="")
    page.showPage()
    page.save()
    signed = pki.sign_pdf(buffer.getvalue(), pki.alice)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") == "address":
            field["/V"] = generic.TextStringObject("mallory@evil.example")
            writer.update_container(field)
    filled = io.BytesIO()
    writer.write(filled)

    report = verify_pdf(filled.getvalue(), roots)
    assert report.verdict == "partial"
    (check,) = report.signatures
    assert (check.modification, check.later_changes) == ("permitted", "form_filling")
    assert any(
        p.startswith("The document was changed after this signature") for p in check.problems
    )
    assert "form filling the signer permitted" in report.unsigned_parts[0]

    cf = trusted
    case_id = new_case(cf, ALICE)
    result = verify_signature(
        cf, case_id, store(cf, case_id, "f.pdf", filled.getvalue(), "application/pdf")
    )
    assert result.outcome == "more_information_needed"


# --- 4. a scan saved as PDF by Pillow --------------------------------------------------------


def test_a_pillow_pdf_is_unsigned_and_records_nothing_on_import(cf: CaseFile) -> None:
    from PIL import Image

    from dpo_desk.intake.service import Scan, add_scans

    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buffer, "PDF")
    scan = buffer.getvalue()
    report = verify_pdf(scan)
    assert (report.verdict, report.reason) == ("unsigned", "The PDF has no signatures.")

    case_id = new_case(cf, ALICE, slug="astrum-oyun")
    add_scans(cf, case_id, [Scan("letter.pdf", scan)])
    assert cf.identity.for_case(case_id) == []  # identity comes only from an identity action
    result = verify_signature(cf, case_id, cf.attachments.for_case(case_id)[0].id)
    assert (result.report.verdict, result.outcome) == ("unsigned", "more_information_needed")


# --- the DPO's override ----------------------------------------------------------------------


def test_the_dpo_may_override_with_a_written_reason(trusted: CaseFile, pki: Pki) -> None:
    cf = trusted
    case_id = new_case(cf, "Alisa Primerova")  # the DPO knows she signs as "Alice Example"
    pdf = pki.sign_pdf(pki.make_pdf(), pki.alice)
    open_check = verify_signature(cf, case_id, store(cf, case_id, "r.pdf", pdf, "application/pdf"))
    assert open_check.outcome == "more_information_needed"
    with pytest.raises(InvalidInput, match="Write why"):
        override_signature_check(cf, case_id, open_check.record.id, "ok")
    record, _destroyed = override_signature_check(
        cf, case_id, open_check.record.id, "Phoned her: Alice Example is her married name."
    )
    assert (record.method, record.outcome) == ("dpo_override", "verified")
    assert record.checklist["overrides_check"] == open_check.record.id
    assert cf.cases.get(case_id).status == CaseStatus.IN_PROGRESS
    actions = [(e.action, e.data) for e in cf.audit.events()]
    assert (
        "identity.override",
        {"check_id": record.id, "overrides_check": open_check.record.id, "verdict": "valid"},
    ) in actions
    with pytest.raises(InvalidInput, match="Only a signature check"):
        override_signature_check(cf, case_id, record.id, "a second time for no reason")
    with pytest.raises(InvalidInput, match="already accepted"):
        override_signature_check(cf, case_id, open_check.record.id, "twice for the same check")


def test_a_broken_signature_cannot_be_overridden(trusted: CaseFile, pki: Pki) -> None:
    cf = trusted
    case_id = new_case(cf, "Alice Subject")
    stranger = pki.sign_pdf(pki.make_pdf(), pki.stranger)  # untrusted: chain not trusted
    check = verify_signature(cf, case_id, store(cf, case_id, "r.pdf", stranger, "application/pdf"))
    record, _ = override_signature_check(
        cf, case_id, check.record.id, "I know this signer personally."
    )
    assert record.outcome == "verified"  # intact and valid, only its chain is unknown
    tampered = pki.sign_pdf(pki.make_pdf(), pki.alice).replace(
        b"I ask for access", b"I ask for erasur"
    )
    other = new_case(cf, ALICE)
    bad = verify_signature(cf, other, store(cf, other, "t.pdf", tampered, "application/pdf"))
    assert bad.outcome == "failed"
    with pytest.raises(InvalidInput):
        override_signature_check(cf, other, bad.record.id, "I trust it anyway, said nobody.")


# --- 6. every ID copy destroyed --------------------------------------------------------------


def emailed_copy() -> tuple[bytes, bytes]:
    scan = b"\x89PNG\r\n\x1a\n" + os.urandom(6000)
    message = EmailMessage()
    message["From"] = "Alice Example <alice@example.org>"
    message["To"] = "dpo@controller.example"
    message["Subject"] = "my passport"
    message["Message-ID"] = "<passport@example.org>"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message.set_content("Here is my passport.")
    message.add_attachment(scan, maintype="image", subtype="png", filename="passport.png")
    return message.as_bytes(), scan


def _exported(cf: CaseFile, target: Path) -> bytes:
    cf.db.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    cf.db.execute("SELECT sqlcipher_export('plain')")
    cf.db.execute("DETACH DATABASE plain")
    return target.read_bytes()


def test_an_emailed_id_copy_is_destroyed_with_its_messages_copy(
    cf: CaseFile, tmp_path: Path
) -> None:
    from dpo_desk.intake.email_parse import parse_bytes
    from dpo_desk.intake.service import import_email

    raw, scan = emailed_copy()
    (parsed,) = parse_bytes(raw, "passport.eml")
    outcome = import_email(cf, parsed, TODAY, controller=cf.controllers.by_slug("astrum-oyun"))
    case_id = int(outcome.case_id or 0)
    parts = [a for a in cf.attachments.for_case(case_id) if a.role == AttachmentRole.EMAIL_PART]
    (part,) = [a for a in parts if a.filename == "passport.png"]
    (message,) = [a for a in cf.attachments.for_case(case_id) if a.role == AttachmentRole.EMAIL]
    probe = base64.encodebytes(scan).split(b"\n")[20]  # one base64 line of the raw message
    assert probe in cf.attachments.data(message.id)
    # a pre-migration backup made before the destruction holds the copy too
    backup = cf.path.with_name(f"{cf.path.name}.pre-v9-20260301-000000.bak")
    cf.backup(backup)
    partial = cf.path.with_name(f".{backup.name}.0a1b2c3d.partial")  # an interrupted one
    partial.write_bytes(backup.read_bytes())

    marked = mark_id_copy(cf, case_id, part.id, "the passport")
    assert marked.mark.email_attachment_id == message.id
    with pytest.raises(InvalidInput, match="already an ID copy"):
        mark_id_copy(cf, case_id, part.id)
    shown = identity_overview(cf, case_id).to_dict()
    (copy,) = shown["id_copies"]
    assert (copy["attachment_id"], copy["state"]) == (part.id, "stored (also inside its email)")

    record_checklist(cf, case_id, IdChecklist(name_matches=True), "verified", TODAY)
    (gone,) = destroy_id_copies(cf, case_id, reason="identity settled")
    assert gone.attachment_id == part.id
    rewritten = cf.attachments.data(message.id)
    assert probe not in rewritten and b"[An ID copy (passport.png, SHA-256" in rewritten
    assert b"Here is my passport." in rewritten  # the rest of the evidence stays
    assert cf.attachments.get(message.id).sha256 != message.sha256
    (mark,) = identity_overview(cf, case_id).copy_marks
    assert mark.message_sha256 == message.sha256  # the original hash is on record
    (copy,) = identity_overview(cf, case_id).to_dict()["id_copies"]
    assert copy["state"] == "destroyed, also cut out of its email"
    assert not backup.exists() and not partial.exists()  # automatic copies holding it: purged
    export = _exported(cf, tmp_path / "plain.db")
    assert scan[100:400] not in export and probe not in export
    actions = [(e.action, e.data) for e in cf.audit.events()]
    assert any(
        a == "email.id_copy_removed" and d["original_sha256"] == message.sha256 for a, d in actions
    )
    assert any(a == "backup.purged" for a, _ in actions)


def test_check_reports_backups_that_still_hold_destroyed_copies(
    cf: CaseFile, tmp_path: Path
) -> None:
    case_id = new_case(cf, ALICE, slug="astrum-oyun")
    add_copy(cf, case_id)
    manual = cf.backup(tmp_path / "before.dpodesk").path
    record_checklist(cf, case_id, IdChecklist(name_matches=True), "verified", TODAY)
    # an automatic backup that could not be purged (made earlier, put back by hand)
    stale = cf.path.with_name(f"{cf.path.name}.pre-v2-20200101-000000.bak")
    stale.write_bytes(manual.read_bytes())
    os.utime(stale, (0, 0))
    destroy_id_copies(cf, case_id, reason="identity settled")
    assert not stale.exists()
    stale.write_bytes(manual.read_bytes())
    os.utime(stale, (0, 0))
    report = run_checks(cf)
    found = [(f.severity, f.message) for f in report.findings if f.code == "id_copies_in_backups"]
    assert [level for level, _ in found] == [PROBLEM, WARNING]
    assert stale.name in found[0][1] and str(manual) in found[1][1]
    assert sorted(report.facts["backups_with_destroyed_copies"]) == sorted(
        [str(stale), str(manual)]
    )


def test_only_email_attachments_can_be_marked(cf: CaseFile) -> None:
    case_id = new_case(cf, ALICE, slug="astrum-oyun")
    scan = cf.attachments.add(case_id, AttachmentRole.LETTER_SCAN, "l.png", "image/png", b"x").id
    with pytest.raises(InvalidInput, match="not a file attached to an email"):
        mark_id_copy(cf, case_id, scan)
    other = new_case(cf, "Someone Else", slug="astrum-oyun")
    with pytest.raises(InvalidInput, match="does not belong"):
        mark_id_copy(cf, other, scan)


def test_json_contract_of_identity_verify(trusted: CaseFile, pki: Pki) -> None:
    cf = trusted
    case_id = new_case(cf, ALICE)
    pdf = pki.sign_pdf(pki.make_pdf(), pki.alice)
    data = verify_signature(
        cf, case_id, store(cf, case_id, "r.pdf", pdf, "application/pdf")
    ).to_dict()
    json.dumps(data)
    assert {"report", "record", "outcome", "outcome_reason", "destroyed"} <= set(data)
    assert data["outcome"] == data["record"]["outcome"] == "verified"
    (signature,) = data["report"]["signatures"]
    assert signature["subject_match"] == "match"
    assert data["report"]["unsigned_parts"] == []
    assert hashlib.sha256(pdf).hexdigest() == data["record"]["checklist"]["attachment_sha256"]


def test_pseudonymisation_redacts_the_identifiers() -> None:
    from dpo_desk.reports.common import subject_terms

    terms = subject_terms(DataSubject("Юлия Фёдорова", snils=SNILS, iin="880101300123"))
    assert SNILS in terms and "880101300123" in terms
