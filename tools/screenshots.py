"""Render each main screen of the demo case file to PNG, offscreen (``make screenshots``).

    python tools/screenshots.py [--out docs/screenshots] [--lang en|ru] [--pseudo] [--scale 1.5]

Builds the demo case file in a temporary folder with a fixed "today" (2026-03-02), so the
pictures are the same on every run, and grabs each screen with ``QWidget.grab()``. ``--lang ru``
renders the Russian UI (files get a ``-ru`` suffix); ``--pseudo`` replaces every string with a
longer, accented one (files get ``-pseudo``) to find layouts that break with long translations.
The window fills a 1366x768 screen (less a title bar); ``--scale 1.5`` renders it as a desktop
scaled to 150 % does (``QT_SCALE_FACTOR``; files get ``-150``), so the pictures are still
1366 px wide but every control is half as big again.
Nothing is written outside the temporary folder and ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 3, 2)
PASSPHRASE = "screenshot passphrase"
SCREEN = (1366, 768)
TITLE_BAR = 30  # what the window manager takes of the screen's height
SIZE = (SCREEN[0], SCREEN[1] - TITLE_BAR)  # in device pixels; divided by the scale below

_ACCENTS = str.maketrans("aeiouyAEIOUYcnsz", "àéîöûýÀÉÎÖÛÝçñšž")
_KEEP = re.compile(r"(\{[a-z_]+\}|%n|&(?=\w)|<[^>]+>)")


def pseudo(text: str) -> str:
    """Accented and ~40 % longer, keeping placeholders, mnemonics and markup intact."""
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    pad = "·" * max(2, len(text) * 2 // 5)
    return f"[{out} {pad}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    parser.add_argument("--lang", default="en", choices=["en", "ru"])
    parser.add_argument("--pseudo", action="store_true", help="long pseudo-translated strings")
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    parser.add_argument("--scale", type=float, default=1.0, help="desktop scaling (1.5 = 150 %%)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dpo-desk-screens-") as home:
        os.environ["DPO_DESK_HOME"] = home
        if args.scale != 1.0:
            os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
        screen = Path(home) / "screen.json"  # the offscreen platform's screen: 1366x768
        layout = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 0, "height": 0}]}
        layout["screens"][0].update(width=SCREEN[0], height=SCREEN[1])
        screen.write_text(json.dumps(layout), encoding="utf-8")
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        return _render(Path(home), out, args.lang, args.pseudo, args.dark, args.scale)


def _render(home: Path, out: Path, lang: str, use_pseudo: bool, dark: bool, scale: float) -> int:
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QEventLoop, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    class MemoryKeyring(KeyringBackend):
        """So the first-run dialog shows a keyring, and nothing touches the real one."""

        priority = -1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())

    from dpo_desk.casefile import CaseFile, Key
    from dpo_desk.casefile.repositories import CaseQuery
    from dpo_desk.demo import seed_demo
    from dpo_desk.ui.app import ErrorSink, build_context, configure_application, open_session
    from dpo_desk.ui.dialogs.first_run import FirstRunDialog
    from dpo_desk.ui.dialogs.unlock import UnlockDialog
    from dpo_desk.ui.i18n import Translation
    from dpo_desk.ui.main_window import MainWindow
    from dpo_desk.ui.models.sidebar import SidebarEntry
    from dpo_desk.ui.settings import SettingsStore
    from dpo_desk.ui.tasks import SyncExecutor

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    if dark:
        _dark_palette(app)
    translation = Translation(lang)
    if not translation.install(app):
        print(f"the {lang} translation is missing; build it first", file=sys.stderr)
        return 1

    class Pseudo(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
            return pseudo(source)

    pseudo_translator = Pseudo()
    if use_pseudo:
        app.installTranslator(pseudo_translator)
    suffix = ("-ru" if lang == "ru" else "") + ("-pseudo" if use_pseudo else "")
    suffix += "-dark" if dark else ""
    suffix += f"-{round(scale * 100)}" if scale != 1.0 else ""
    size = (round(SIZE[0] / scale), round(SIZE[1] / scale))

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(widget: QWidget, name: str) -> None:
        settle(60)  # let layouts and queued updates settle before grabbing
        target = out / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        print(target)

    key = Key(passphrase=PASSPHRASE)
    path = home / "demo.dpodesk"
    cf = CaseFile.create(path, key, clock=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC)).casefile
    seed_demo(cf, TODAY)
    errors = ErrorSink(path)
    executor = SyncExecutor(errors.report)
    ctx = build_context(
        cf,
        executor,
        open_session(cf, key),
        today=lambda: TODAY,
        settings_store=SettingsStore(home / "settings.json"),
        errors=errors,
        listen_to_desktop=False,
    )
    window = MainWindow(ctx)
    window.resize(*size)
    window.show()
    save(window, "main-window")
    print(f"main window: {window.width()}x{window.height()} (minimum {window.minimumSizeHint()})")

    infinity = cf.controllers.by_slug("infinity")
    assert infinity is not None
    rows = cf.cases.list(CaseQuery(controller_id=infinity.id, view="open", today=TODAY))
    chosen = next((r for r in rows if r.status == "in_progress"), rows[0])
    row = window.case_model.row_of(chosen.id)
    window.case_table.selectRow(row)
    save(window, "case-overview")
    tabs = window.case_view.tab_widget
    window.case_view.show_tab("deadlinesTab")
    save(window, "case-deadlines")
    window.case_view.show_tab("auditTab")
    save(window, "case-audit")
    tabs.setCurrentIndex(0)
    long_case = _long_name_case(cf, infinity.id)
    window.select_scope(SidebarEntry("all"))
    window.case_table.selectRow(window.case_model.row_of(long_case))
    save(window, "case-long-name")
    window.select_scope(SidebarEntry("open"))
    window.case_table.selectRow(window.case_model.row_of(chosen.id))

    _letters_screens(ctx, cf, window, save, settle)
    window.case_table.selectRow(window.case_model.row_of(chosen.id))

    for opener, name in (
        (window.new_postal_request, "new-postal-request"),
        (window.open_controllers, "settings-controllers"),
        (window.open_overrides, "settings-calendar-overrides"),
        (window.open_preferences, "settings-preferences"),
        (window.open_about, "about"),
    ):
        dialog = opener()
        save(dialog, name)
        dialog.reject()

    controllers = window.open_controllers()
    names = [controllers._list.item(row).text() for row in range(controllers._list.count())]  # noqa: SLF001
    controllers._list.setCurrentRow(names.index(infinity.name))  # noqa: SLF001
    for index, name in ((1, "settings-controllers-identity"), (2, "settings-controllers-profile")):
        controllers._tabs.setCurrentIndex(index)  # noqa: SLF001
        save(controllers, name)
    controllers.reject()

    _casework_screens(ctx, cf, save, size)

    window.lock()
    save(window, "lock-screen")
    window.close()
    ctx.db.close()

    first_run = FirstRunDialog(SyncExecutor(), home / "new.dpodesk")
    first_run.show()
    save(first_run, "first-run")
    first_run.close()
    unlock = UnlockDialog(SyncExecutor(), path)
    unlock.show()
    save(unlock, "unlock")
    unlock.close()
    app.removeTranslator(pseudo_translator)
    translation.remove(app)
    return 0


# --- letters, templates and exports ----------------------------------------------------------


def _letters_screens(
    ctx: Any,
    cf: Any,
    window: Any,
    save: Callable[[Any, str], None],
    settle: Callable[[int], None],
) -> None:
    """The letters tab on the Kyrgyz case due today (an access response: its live preview and
    the checks' warnings), the templates of a Kyrgyz refusal awaiting a lawyer's review, and
    the export dialog set up for a pseudonymised register."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QSplitter

    from dpo_desk.casefile.repositories import CaseQuery
    from dpo_desk.letters.service import finalise, record_sent
    from dpo_desk.ui.dialogs.export import open_export
    from dpo_desk.ui.dialogs.templates import open_templates

    astrum = cf.controllers.by_slug("astrum-oyun")
    assert astrum is not None
    rows = cf.cases.list(CaseQuery(controller_id=astrum.id, view="open", today=TODAY))
    due_today = next(r for r in rows if r.due_on == TODAY)
    acknowledged = finalise(cf, due_today.id, "acknowledgement", "ky", TODAY)
    record_sent(cf, acknowledged.id, TODAY, "registered_post", "RR204871335KG")
    window.refresh()
    window.case_table.selectRow(window.case_model.row_of(due_today.id))
    splitter = window.list_splitter
    sizes = splitter.sizes() if isinstance(splitter, QSplitter) else []
    if isinstance(splitter, QSplitter):  # the letter needs the room more than the list
        splitter.setSizes([120, sum(sizes) - 120])
    assert window.case_view.show_tab("lettersTab") is not None
    settle(400)  # the PDF view draws its pages in the background
    save(window, "case-letters")
    if isinstance(splitter, QSplitter):
        splitter.setSizes(sizes)
    window.case_view.tab_widget.setCurrentIndex(0)

    templates = open_templates(ctx, window, astrum.id)
    templates.select(int(astrum.id or 0), "refusal", "ky")
    save(templates, "settings-letter-templates")
    templates.reject()

    export = open_export(ctx, window, None)
    export.set_kind("register")
    export.findChild(QComboBox, "registerFormat").setCurrentIndex(1)  # XLSX
    export.findChild(QCheckBox, "registerPseudonymise").setChecked(True)
    export.findChild(QCheckBox, "registerUseFrom").setChecked(True)
    export.set_path(Path("~/Documents") / f"register-{TODAY.isoformat()}.xlsx")
    save(export, "export")
    export.reject()


# --- correspondence, identity and the trust store --------------------------------------------


def _casework_screens(
    ctx: Any, cf: Any, save: Callable[[Any, str], None], size: tuple[int, int]
) -> None:
    """A signed email request with its follow-up by post (ID copy, signed PDF), a finalised
    acknowledgement, then the correspondence tab, the identity tab (checklist beside the ID
    copy; a signature check's results) and the trust store."""
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget

    from dpo_desk.ui.dialogs.trust_store import open_trust_store
    from dpo_desk.ui.main_window import MainWindow
    from dpo_desk.ui.models.sidebar import SidebarEntry
    from dpo_desk.ui.views.correspondence_tab import CorrespondenceTab
    from dpo_desk.ui.views.identity_tab import IdentityTab

    case_id = _seed_casework(cf)
    window = MainWindow(ctx)
    window.resize(*size)
    window.show()
    window.select_scope(SidebarEntry("all"))
    window.case_table.selectRow(window.case_model.row_of(case_id))
    splitter = window.list_splitter
    if isinstance(splitter, QSplitter):  # more room for the case than for the list
        total = sum(splitter.sizes())
        splitter.setSizes([total // 4, total - total // 4])
    view = window.case_view

    correspondence = view.show_tab("correspondenceTab")
    assert isinstance(correspondence, CorrespondenceTab)
    correspondence.table.selectRow(0)  # the signed email
    correspondence.verify_selected()
    save(window, "case-correspondence")
    correspondence.table.selectRow(2)  # the ID copy, from memory
    save(window, "case-correspondence-scan")

    identity = view.show_tab("identityTab")
    assert isinstance(identity, IdentityTab)
    identity.splitter.setSizes([560, 480])
    form = identity.checklist_form
    form.document_type.setCurrentIndex(form.document_type.findData("national_id"))
    form.country.setText("FR")
    form.last4.setText("7421")
    form.expiry_known.setChecked(True)
    form.expiry.setDate(QDate(2029, 6, 30))  # as the specimen card says
    for key, value in (("name_matches", "yes"), ("id_signed", "yes"), ("address_matches", "yes")):
        combo = form.observations[key]
        combo.setCurrentIndex(combo.findData(value))
    scroll = identity.findChild(QScrollArea, "identityForm")
    checklist = identity.findChild(QWidget, "identityChecklist")
    assert scroll is not None and checklist is not None
    save(window, "case-identity")  # the status, the policy and the checklist beside the copy
    identity.signature_file.setCurrentIndex(
        identity.signature_file.findText("lettre-signee.pdf", Qt.MatchFlag.MatchEndsWith)
    )
    identity.verify_signature()
    signatures = identity.findChild(QWidget, "identitySignatures")
    assert signatures is not None
    _settle()  # the results' layout first, then scroll to them
    scroll.verticalScrollBar().setValue(signatures.y() + checklist.height() // 4)
    save(window, "case-identity-signature")

    dialog = open_trust_store(ctx, window)
    dialog.table.selectRow(0)
    save(dialog, "settings-trust-store")
    dialog.reject()
    window.close()


def _long_name_case(cf: Any, controller_id: int) -> int:
    """A requester with a very long name: the header is cut with "…", the window stays put."""
    from dpo_desk.core.model import Case, Channel, ControllerId, DataSubject, RequestKind

    name = "Maximilian Alexander Ferdinand " * 6 + "von Unendlich-Langername"
    case = cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller_id),
            subject=DataSubject(name=name.strip(), email="max@example.org"),
            kinds=(RequestKind.ACCESS,),
            channel=Channel.EMAIL,
            received=TODAY,
        )
    )
    return int(case.id)


def _settle() -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(30, loop.quit)
    loop.exec()


def _seed_casework(cf: Any) -> int:
    """The INFINITY request of Jean Dupont: S/MIME email, then by post an ID copy and a signed
    PDF. Their certificate chains to a demo root that is *not* trusted (the trust store holds
    two other authorities), so the checks say "valid but not trusted"."""
    from dpo_desk.core.model import AttachmentRole
    from dpo_desk.identity.service import import_certificates
    from dpo_desk.intake.email_parse import parse_eml
    from dpo_desk.intake.service import import_email
    from dpo_desk.letters.service import finalise

    pki = _DemoPki()
    controller = cf.controllers.by_slug("infinity")
    body = (
        "Bonjour,\n\nJe vous demande, en application de l'article 15 du RGPD, une copie de "
        "toutes les données personnelles que vous traitez à mon sujet, avec leurs finalités, "
        "leurs destinataires et leur durée de conservation.\n\nJe vous envoie par courrier "
        "une copie signée de ma carte d'identité.\n\nCordialement,\nJean Dupont\n"
    )
    raw = pki.smime(
        body,
        sender="Jean Dupont <jean.dupont@example.fr>",
        to=controller.emails[0] if controller.emails else "privacy@example.com",
        subject="Demande d'accès à mes données (article 15 RGPD)",
    )
    parsed = parse_eml(raw)
    outcome = import_email(cf, parsed, TODAY, controller=controller)
    case_id = int(outcome.case_id or 0)
    card = _id_card_png()
    cf.attachments.add(case_id, AttachmentRole.ID_DOCUMENT, "carte-identite.png", "image/png", card)
    letter = pki.signed_pdf(
        "Demande d'accès — Jean Dupont, 12 rue des Lilas, 75011 Paris. Je certifie sur "
        "l'honneur l'exactitude de la copie jointe."
    )
    meta = cf.attachments.add(
        case_id, AttachmentRole.LETTER_SCAN, "lettre-signee.pdf", "application/pdf", letter
    )
    from dpo_desk.services.identity import verify_signature

    verify_signature(cf, case_id, meta.id, today=TODAY)
    finalise(cf, case_id, "acknowledgement", None, TODAY, acknowledge_warnings=True)
    for root in _DemoPki.others():
        import_certificates(cf, root, today=TODAY)
    return case_id


def _id_card_png() -> bytes:
    """A specimen identity card, drawn (no real document in the screenshots)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(1000, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#6b7f99"), 4))
    painter.setBrush(QColor("#e8eef6"))
    painter.drawRoundedRect(QRectF(20, 20, 960, 600), 36, 36)
    painter.setBrush(QColor("#c9d3e0"))
    painter.drawRect(QRectF(60, 170, 240, 300))
    font = QFont()
    font.setPixelSize(34)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1d3557"))
    painter.drawText(QRectF(60, 50, 880, 50), "RÉPUBLIQUE FRANÇAISE")
    font.setPixelSize(26)
    painter.setFont(font)
    painter.drawText(QRectF(60, 100, 880, 40), "CARTE NATIONALE D'IDENTITÉ")
    font.setBold(False)
    font.setPixelSize(28)
    painter.setFont(font)
    for row, line in enumerate(
        (
            "Nom : DUPONT",
            "Prénom : Jean",
            "Né le : 14.05.1986 à Lyon",
            "N° : X4RT BPFW 7421",
            "Expire le : 30.06.2029",
            "Signature :  J. Dupont",
        )
    ):
        painter.drawText(QRectF(340, 180 + row * 52, 600, 40), line)
    font.setPixelSize(120)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(214, 48, 49, 90))
    painter.translate(500, 360)
    painter.rotate(-18)
    painter.drawText(QRectF(-420, -80, 840, 160), Qt.AlignmentFlag.AlignCenter, "SPECIMEN")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


class _DemoPki:
    """A demo root and a signer for the screenshots (EC keys; made afresh each run)."""

    def __init__(self) -> None:
        from cryptography.hazmat.primitives.asymmetric import ec

        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.root = _certificate("DPO Desk Demo Root CA", self.root_key, None, None, ca=True)
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.cert = _certificate(
            "Jean Dupont", self.key, self.root, self.root_key, email="jean.dupont@example.fr"
        )

    @staticmethod
    def others() -> list[bytes]:
        """Two authorities the DPO trusts (not the one that issued Jean Dupont's certificate)."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        out = []
        for name in ("Example Qualified Trust Service Root CA", "Demo National CA (KZ)"):
            key = ec.generate_private_key(ec.SECP256R1())
            cert = _certificate(name, key, None, None, ca=True)
            out.append(cert.public_bytes(serialization.Encoding.PEM))
        return out

    def smime(self, body: str, *, sender: str, to: str, subject: str) -> bytes:
        from email.header import Header

        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.serialization import pkcs7

        signed = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(
                b"Content-Type: text/plain; charset=utf-8\r\n"
                b"Content-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n").encode("utf-8")
            )
            .add_signer(self.cert, self.key, hashes.SHA256())
            .add_certificate(self.root)
            .sign(serialization.Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature])
        )
        head = (
            f"From: {sender}\r\nTo: {to}\r\n"
            f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
            "Date: Thu, 26 Feb 2026 18:42:00 +0100\r\n"
            "Message-ID: <demo-access-request@example.fr>\r\n"
        )
        return head.encode("ascii") + signed

    def signed_pdf(self, text: str) -> bytes:
        import io

        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives import serialization
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        from dpo_desk.letters.fonts import register_fonts

        buffer = io.BytesIO()
        page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
        page.setFont(register_fonts().regular, 12)
        y = 760
        for line in _wrap(text, 80):
            page.drawString(72, y, line)
            y -= 18
        page.showPage()
        page.save()
        der = serialization.Encoding.DER
        key = asn1_keys.PrivateKeyInfo.load(
            self.key.private_bytes(
                der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        signer = signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(self.cert.public_bytes(der)),
            signing_key=key,
            cert_registry=SimpleCertificateStore.from_certs(
                [asn1_x509.Certificate.load(self.root.public_bytes(der))]
            ),
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue()))
        out = signers.sign_pdf(
            writer, signers.PdfSignatureMetadata(field_name="Sig"), signer=signer
        )
        return out.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def _certificate(
    name: str, key: Any, issuer: Any, issuer_key: Any, *, ca: bool = False, email: str = ""
) -> Any:
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subject = x509.Name(attributes)
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer is not None else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30))
        .not_valid_after(now + timedelta(days=3650 if ca else 730))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    return builder.sign(issuer_key if issuer_key is not None else key, hashes.SHA256())


def _dark_palette(app: object) -> None:
    """What a dark desktop theme hands the application: the window must follow it."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")  # type: ignore[attr-defined]
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#2f65ca"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#8a8a8a"),
    ):
        palette.setColor(r, QColor(colour))
    app.setPalette(palette)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
