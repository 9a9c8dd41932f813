"""GOST test material made by OpenSSL's GOST engine (Debian ``libengine-gost-openssl``).

Keys, CA and user certificates (256 and 512 bits), CMS (detached, attached), S/MIME and signed
PDFs, all made once per test session in a temporary folder with an ``OPENSSL_CONF`` of its own.
The GOST engine is a separate program from the code under test: what it signs, DPO Desk must
verify. Nothing here is personal data.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

OPENSSL = shutil.which("openssl") or "openssl"

_CONF = """\
openssl_conf = openssl_def
[openssl_def]
engines = engine_section
[engine_section]
gost = gost_section
[gost_section]
engine_id = gost
default_algorithms = ALL
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
1.2.643.100.111 = ASN1:UTF8String:CryptoPro CSP 5.0
[v3_user]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = email:ivanov@example.ru
certificatePolicies = 1.2.643.100.113.1
1.2.643.100.111 = ASN1:UTF8String:CryptoPro CSP 5.0
1.2.643.100.112 = ASN1:SEQUENCE:issuer_tool
[issuer_tool]
tool = UTF8String:CryptoPro CSP 5.0
ca_tool = UTF8String:CryptoPro UC 2.0
cert_tool = UTF8String:No 149/3/2/2/1
ca_cert = UTF8String:No 149/3/2/1
[v3_plain]
basicConstraints = CA:false
keyUsage = critical,keyEncipherment
subjectKeyIdentifier = hash
"""


@dataclass(frozen=True)
class GostIdentity:
    name: str
    key_path: Path
    cert_path: Path

    @property
    def cert_pem(self) -> bytes:
        return self.cert_path.read_bytes()

    @property
    def cert_der(self) -> bytes:
        from asn1crypto import pem

        return bytes(pem.unarmor(self.cert_pem)[2])


class GostPki:
    """Two trusted-looking roots (256 and 512), their users, and a stranger's CA and user."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.conf = folder / "openssl.cnf"
        self.conf.write_text(_CONF, encoding="utf-8")
        self.env = {**os.environ, "OPENSSL_CONF": str(self.conf)}
        self.ca256 = self._root("ca256", "gost2012_256", "Test GOST CA 256", "md_gost12_256")
        self.ca512 = self._root("ca512", "gost2012_512", "Test GOST CA 512", "md_gost12_512")
        self.stranger_ca = self._root(
            "stranger", "gost2012_256", "Unknown GOST CA", "md_gost12_256"
        )
        self.user256 = self._user("user256", "gost2012_256", self.ca256, "md_gost12_256")
        # a 256-bit CA signs a 512-bit user's certificate with the 256-bit digest
        self.user512 = self._user("user512", "gost2012_512", self.ca256, "md_gost12_256")
        self.user512b = self._user("user512b", "gost2012_512", self.ca512, "md_gost12_512")
        self.stranger = self._user(
            "stranger_user", "gost2012_256", self.stranger_ca, "md_gost12_256"
        )
        # GOST R 34.10-2001 with GOST R 34.11-94: CryptoPro-A CA, CryptoPro-B user
        self.ca2001 = self._root("ca2001", "gost2001", "Test GOST 2001 CA", "md_gost94")
        self.user2001 = self._user("user2001", "gost2001", self.ca2001, "md_gost94", paramset="B")
        self.not_a_signer = self._user(
            "plain", "gost2012_256", self.ca256, "md_gost12_256", extensions="v3_plain"
        )

    # --- openssl ---------------------------------------------------------------------------
    def openssl(self, *args: str | Path, stdin: bytes | None = None) -> bytes:
        result = subprocess.run(
            [OPENSSL, *map(str, args)],
            input=stdin,
            capture_output=True,
            check=False,
            env=self.env,
            cwd=self.folder,
        )
        if result.returncode != 0:
            raise AssertionError(f"openssl failed: {result.stderr.decode(errors='replace')}")
        return result.stdout

    def _key(self, name: str, algorithm: str, paramset: str = "A") -> Path:
        path = self.folder / f"{name}.key"
        self.openssl(
            "genpkey", "-algorithm", algorithm, "-pkeyopt", f"paramset:{paramset}", "-out", path
        )  # fmt: skip
        return path

    def _root(self, name: str, algorithm: str, cn: str, md: str) -> GostIdentity:
        key = self._key(name, algorithm)
        cert = self.folder / f"{name}.pem"
        self.openssl(
            "req", "-new", "-x509", "-key", key, f"-{md}", "-days", "3650", "-utf8",
            "-subj", f"/CN={cn}/O=Test/C=RU", "-extensions", "v3_ca", "-out", cert,
        )  # fmt: skip
        return GostIdentity(cn, key, cert)

    def _user(
        self,
        name: str,
        algorithm: str,
        ca: GostIdentity,
        md: str,
        extensions: str = "v3_user",
        paramset: str = "A",
    ) -> GostIdentity:
        key = self._key(name, algorithm, paramset)
        csr = self.folder / f"{name}.csr"
        cert = self.folder / f"{name}.pem"
        subject = (
            "/CN=Иванов Иван Иванович/SN=Иванов/GN=Иван Иванович"
            "/emailAddress=ivanov@example.ru/C=RU"
        )
        self.openssl("req", "-new", "-key", key, "-utf8", "-subj", subject, "-out", csr)
        self.openssl(
            "x509", "-req", "-in", csr, "-CA", ca.cert_path, "-CAkey", ca.key_path,
            "-CAcreateserial", f"-{md}", "-days", "365", "-extfile", self.conf,
            "-extensions", extensions, "-out", cert,
        )  # fmt: skip
        return GostIdentity("Иванов Иван Иванович", key, cert)

    # --- signatures ------------------------------------------------------------------------
    def cms(
        self, data: bytes, signer: GostIdentity, *, detached: bool = True, md: str | None = None
    ) -> bytes:
        if md is None:
            stem = signer.cert_path.stem
            md = "md_gost94" if "2001" in stem else "md_gost12_512" if "512" in stem else None
            md = md or "md_gost12_256"
        args: list[str | Path] = [
            "cms", "-sign", "-binary", "-md", md, "-signer", signer.cert_path,
            "-inkey", signer.key_path, "-outform", "DER",
        ]  # fmt: skip
        if not detached:
            args.append("-nodetach")
        return self.openssl(*args, stdin=data)

    def smime(self, body: bytes, signer: GostIdentity, *, opaque: bool = False) -> bytes:
        args: list[str | Path] = [
            "smime", "-sign", "-text", "-md", "md_gost12_256", "-signer", signer.cert_path,
            "-inkey", signer.key_path, "-from", "ivanov@example.ru",
            "-to", "dpo@controller.example", "-subject", "Запрос на доступ",
        ]  # fmt: skip
        if opaque:
            args.append("-nodetach")
        return self.openssl(*args, stdin=body)

    def sign_pdf(self, pdf: bytes, signer: GostIdentity, field: str = "Signature1") -> bytes:
        """A PDF signed the way CryptoPro PDF does it: a detached CMS (CAdES-BES) made by
        OpenSSL's GOST engine over the /ByteRange, embedded with pyHanko's CMS embedder."""
        from asn1crypto import cms
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign.fields import SigFieldSpec
        from pyhanko.sign.signers.cms_embedder import PdfCMSEmbedder, SigIOSetup, SigObjSetup
        from pyhanko.sign.signers.pdf_byterange import SignatureObject

        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        embedder = PdfCMSEmbedder(SigFieldSpec(sig_field_name=field)).write_cms(field, writer)
        next(embedder)
        embedder.send(SigObjSetup(sig_placeholder=SignatureObject(bytes_reserved=16384)))
        # pyHanko hashes with SHA-256 (it knows no Streebog); that digest is simply not used.
        prepared, output = embedder.send(SigIOSetup(md_algorithm="sha256", in_place=False))
        buffer = output.getbuffer()
        start, end = prepared.reserved_region_start, prepared.reserved_region_end
        signed = bytes(buffer[:start]) + bytes(buffer[end:])
        del buffer
        signature = self.cms(signed, signer)
        embedder.send(cms.ContentInfo.load(signature))
        return output.getvalue()


@cache
def _material(folder: str) -> GostPki:
    return GostPki(Path(folder))


def gost_pki(tmp_path_factory: pytest.TempPathFactory) -> GostPki:
    """One GostPki per session (keys and certificates are made once)."""
    if shutil.which(OPENSSL) is None:
        raise AssertionError("openssl is missing: install openssl and libengine-gost-openssl")
    base = tmp_path_factory.getbasetemp() / "gost-pki"
    base.mkdir(exist_ok=True)
    return _material(str(base))


def make_pdf(text: str = "Please send me a copy of my personal data.") -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0, invariant=1)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()
