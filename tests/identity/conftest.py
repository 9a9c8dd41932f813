"""A test PKI made in the tests, and helpers that sign PDFs, CMS and S/MIME with it.

Everything is session-scoped and uses EC keys except the one RSA signer, so the whole PKI costs
well under a second. ``openssl`` (the command) signs the CMS and S/MIME samples.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = dt.datetime.now(dt.UTC)

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


@dataclass(frozen=True)
class Identity:
    """A certificate with its key, and the same as PEM files for ``openssl``."""

    name: str
    cert: x509.Certificate
    key: PrivateKey
    cert_path: Path
    key_path: Path

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def cert_der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    @property
    def asn1(self) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(self.cert_der)

    @property
    def asn1_key(self) -> asn1_keys.PrivateKeyInfo:
        der = self.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return asn1_keys.PrivateKeyInfo.load(der)


def _name(common_name: str, email: str | None = None) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(attributes)


class Pki:
    """Root -> intermediate -> leaves; another root nobody trusts; helpers to sign with them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = self._issue("root", "DPO Test Root CA", None, ca=True, days=(-30, 3650))
        self.intermediate = self._issue(
            "intermediate", "DPO Test Issuing CA", self.root, ca=True, days=(-30, 3000)
        )
        self.alice = self._issue(
            "alice", "Alice Example", self.intermediate, email="alice@example.org"
        )
        self.bob_rsa = self._issue(
            "bob", "Bob Example", self.intermediate, email="bob@example.org", rsa_bits=2048
        )
        self.expired = self._issue(
            "expired", "Erik Expired", self.intermediate, days=(-400, -35), email="erik@example.org"
        )
        self.no_email = self._issue("carol", "Carol Noemail", self.intermediate)
        # pyHanko's test timestamper signs with RSA only: reuse Bob's key (keys are the slow part).
        self.tsa = self._issue(
            "tsa", "DPO Test TSA", self.intermediate, tsa=True, key=self.bob_rsa.key
        )
        self.stranger_root = self._issue(
            "stranger-root", "Unknown Root CA", None, ca=True, days=(-30, 3650)
        )
        self.stranger = self._issue(
            "stranger", "Mallory Stranger", self.stranger_root, email="mallory@example.net"
        )
        self.chain_path = folder / "chain.pem"
        self.chain_path.write_bytes(self.intermediate.cert_pem)

    # --- certificates ----------------------------------------------------------------------
    def _issue(
        self,
        slug: str,
        common_name: str,
        issuer: Identity | None,
        *,
        ca: bool = False,
        days: tuple[int, int] = (-1, 365),
        email: str | None = None,
        rsa_bits: int = 0,
        tsa: bool = False,
        key: PrivateKey | None = None,
    ) -> Identity:
        if key is not None:
            pass
        elif rsa_bits:
            key = rsa.generate_private_key(public_exponent=65537, key_size=rsa_bits)
        else:
            key = ec.generate_private_key(ec.SECP256R1())
        subject = _name(common_name, email)
        issuer_name = issuer.cert.subject if issuer else subject
        issuer_key = issuer.key if issuer else key
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW + dt.timedelta(days=days[0]))
            .not_valid_after(NOW + dt.timedelta(days=days[1]))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                critical=False,
            )
            .add_extension(
                x509.KeyUsage(
                    digital_signature=not ca,
                    content_commitment=not ca and not tsa,
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
        )
        if not ca:  # where revocation is published (never fetched: the checks are offline)
            builder = builder.add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            [x509.UniformResourceIdentifier("http://crl.example.invalid/ca.crl")],
                            None,
                            None,
                            None,
                        )
                    ]
                ),
                critical=False,
            )
        if email:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
            )
        if tsa:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
        cert = builder.sign(issuer_key, hashes.SHA256())
        cert_path = self.folder / f"{slug}.pem"
        key_path = self.folder / f"{slug}.key"
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return Identity(common_name, cert, key, cert_path, key_path)

    def crl(
        self, revoked: list[Identity], *, issuer: Identity | None = None, stale: bool = False
    ) -> bytes:
        """A DER CRL from the intermediate (or ``issuer``) listing ``revoked``; fresh or stale."""
        issuer = issuer or self.intermediate
        this_update = NOW - dt.timedelta(days=30 if stale else 0, hours=1)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(issuer.cert.subject)
            .last_update(this_update)
            .next_update(this_update + dt.timedelta(days=7))
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
                critical=False,
            )
            .add_extension(x509.CRLNumber(1), critical=False)
        )
        for identity in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(identity.cert.serial_number)
                .revocation_date(NOW - dt.timedelta(minutes=30))
                .build()
            )
        return builder.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    # --- PDF -------------------------------------------------------------------------------
    @staticmethod
    def make_pdf(text: str = "I ask for access to my personal data.") -> bytes:
        from reportlab.pdfgen import canvas

        buffer = io.BytesIO()
        page = canvas.Canvas(buffer, pageCompression=0, invariant=1)
        page.drawString(72, 720, text)
        page.showPage()
        page.save()
        return buffer.getvalue()

    def signer(self, identity: Identity):
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        return signers.SimpleSigner(
            signing_cert=identity.asn1,
            signing_key=identity.asn1_key,
            cert_registry=SimpleCertificateStore.from_certs([self.intermediate.asn1]),
        )

    def sign_pdf(self, pdf: bytes, identity: Identity, field: str = "Signature1") -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers

        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        output = signers.sign_pdf(
            writer,
            signers.PdfSignatureMetadata(field_name=field),
            signer=self.signer(identity),
        )
        return output.getvalue()

    def timestamp_pdf(self, pdf: bytes) -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
        from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
        from pyhanko_certvalidator import ValidationContext

        stamper = DummyTimeStamper(
            tsa_cert=self.tsa.asn1,
            tsa_key=self.tsa.asn1_key,
            certs_to_embed=[self.intermediate.asn1],
        )
        output = io.BytesIO()
        signers.PdfTimeStamper(stamper).timestamp_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)),
            "sha256",
            validation_context=ValidationContext(trust_roots=[self.root.asn1]),
            output=output,
        )
        return output.getvalue()

    # --- CMS -------------------------------------------------------------------------------
    def pyhanko_cms(self, data: bytes, identity: Identity, *, detached: bool = True) -> bytes:
        """A CMS signature made by pyHanko (DER ContentInfo)."""
        signing = self.signer(identity).async_sign_general_data(data, "sha256", detached=detached)
        return asyncio.run(signing).dump()

    def openssl(self, *args: str | Path, stdin: bytes | None = None) -> bytes:
        result = subprocess.run(
            [OPENSSL, *map(str, args)], input=stdin, capture_output=True, check=False
        )
        if result.returncode != 0:
            raise AssertionError(f"openssl failed: {result.stderr.decode(errors='replace')}")
        return result.stdout

    def openssl_cms(
        self,
        data: bytes,
        identity: Identity,
        *,
        outform: str = "DER",
        md: str = "sha256",
        extra: tuple[str, ...] = (),
        co_signers: tuple[Identity, ...] = (),
    ) -> bytes:
        """``openssl cms -sign -binary`` (detached unless ``-nodetach`` is in ``extra``)."""
        signer_args: list[str | Path] = ["-signer", identity.cert_path, "-inkey", identity.key_path]
        for other in co_signers:
            signer_args += ["-signer", other.cert_path, "-inkey", other.key_path]
        return self.openssl(
            "cms",
            "-sign",
            "-binary",
            "-md",
            md,
            *signer_args,
            "-certfile",
            self.chain_path,
            "-outform",
            outform,
            *extra,
            stdin=data,
        )

    def openssl_smime(
        self,
        body: bytes,
        identity: Identity,
        *,
        sender: str,
        opaque: bool = False,
        subject: str = "Subject access request",
    ) -> bytes:
        """An S/MIME signed email from ``openssl smime -sign -text`` (multipart/signed or opaque)."""
        args: list[str | Path] = [
            "smime",
            "-sign",
            "-text",
            "-signer",
            identity.cert_path,
            "-inkey",
            identity.key_path,
            "-certfile",
            self.chain_path,
            "-from",
            sender,
            "-to",
            "dpo@controller.example",
            "-subject",
            subject,
        ]
        if opaque:
            args.append("-nodetach")
        return self.openssl(*args, stdin=body)


OPENSSL = shutil.which("openssl") or "openssl"


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return Pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def unsigned_pdf(pki: Pki) -> bytes:
    return pki.make_pdf()


@pytest.fixture(scope="session")
def signed_pdf(pki: Pki, unsigned_pdf: bytes) -> bytes:
    """A PDF signed by Alice (ECDSA, chain: intermediate -> root)."""
    return pki.sign_pdf(unsigned_pdf, pki.alice)


@pytest.fixture(scope="session")
def roots(pki: Pki) -> tuple[bytes, ...]:
    """The trust store: the test root only, as PEM."""
    return (pki.root.cert_pem,)
