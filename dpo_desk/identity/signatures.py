"""Cryptographic signature checks: signed PDFs, detached or enveloping CMS, S/MIME emails.

A pure service on bytes: no Qt, no case file, no network. pyHanko does the cryptography; this
module decides what to ask it, shields the caller from its exceptions and turns its statuses into
the facts a data protection officer needs (see ``docs/adr/0004-signature-verdicts.md``):

- **Nothing is trusted by default.** Only the certificates passed as ``trust_roots`` (imported by
  the DPO) anchor a chain; the operating system's store is never consulted.
- **Offline.** Revocation is "not checked" unless the file embeds CRLs/OCSP responses that
  answer for the signer's certificate.
- **GOST and other national algorithms** (OID arcs ``1.2.643`` Russia and ``1.2.398``
  Kazakhstan) are detected *before* pyHanko sees them and reported as ``unsupported`` with the
  algorithm named; pyHanko would crash or call them invalid.
- **Weak algorithms** (SHA-1, MD5) are rejected by policy: verdict ``unsupported`` with the reason.
- **Hostile input** never escapes as an exception: every signature is checked inside its own
  ``except Exception`` boundary and anything unexpected becomes ``malformed`` with a reason.

The verdict of a report is the worst status of its signatures, in this order:
``invalid`` > ``malformed`` > ``unsupported`` > ``untrusted`` > ``valid``; a report whose
signatures are all valid but whose file or message holds content no signature covers (an unsigned
part of an email, changes to a PDF after its last signature, even "permitted" ones) is
``partial``, never ``valid``: ``unsigned_parts`` says what is outside.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import concurrent.futures
import logging
import re
import warnings
from collections.abc import Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.message import Message as EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from email.policy import default as default_policy
from email.utils import getaddresses
from io import BytesIO
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Final, TypeVar

# asn1crypto caches each OID name map the first time a name is used; modules that extend the
# maps must be imported before that happens anywhere, or their names stop resolving
# (``tst_info`` breaks timestamp tokens). Import them with this module.
import asn1crypto.pdf  # noqa: F401  (the Adobe revocation-archival attribute)
import asn1crypto.tsp  # noqa: F401  (the timestamp-token content type)
from asn1crypto import cms, pem
from asn1crypto import crl as asn1_crl
from asn1crypto import ocsp as asn1_ocsp
from asn1crypto import x509 as asn1_x509

from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.messages import Message
from dpo_desk.identity import gost  # GOST hook: gost.py checks GOST signers, reads GOST keys

# pyHanko imports cryptography's deprecated DSA classes: the warning is for pyHanko's authors, not
# for the DPO. Silenced for pyHanko's modules only, here where pyHanko is brought in.
warnings.filterwarnings(
    "ignore", message=r".*(DSA|deprecated).*", module=r"pyhanko(_certvalidator)?(\..*)?$"
)

if TYPE_CHECKING:  # pyHanko costs ~0.6 s to import: it is loaded on the first check only.
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko.sign.validation.status import SignatureStatus
    from pyhanko_certvalidator import ValidationContext

__all__ = [
    "MAX_INPUT_BYTES",
    "SignatureCheck",
    "SignatureReport",
    "certificate_subject",
    "is_smime",
    "load_certificates",
    "verify_cms",
    "verify_detached",
    "verify_file",
    "verify_pdf",
    "verify_smime",
]

MAX_INPUT_BYTES: Final = 50 * 1024 * 1024
"""Larger inputs are refused with verdict ``malformed`` before any parsing."""

KINDS: Final = ("pdf", "cms", "smime")
VERDICTS: Final = (
    "valid",
    "partial",
    "invalid",
    "untrusted",
    "unsigned",
    "unsupported",
    "malformed",
)

# Worst first: the verdict of a report is the first of these that any signature has.
_SEVERITY: Final = ("invalid", "malformed", "unsupported", "untrusted", "valid")

NOT_CHECKED: Final = "not checked"
GOOD_EMBEDDED: Final = "good (embedded revocation data)"
REVOKED: Final = "revoked"

_UNSUPPORTED_ARCS: Final = ("1.2.643.", "1.2.398.")
_PERMITTED_PREFIX: Final = "The document was changed after this signature"
# Personal and company identifiers in Russian qualified certificates (order 795 of the FSB,
# "requirements for the form of a qualified certificate") and Kazakh NCA certificates.
_IDENTIFIER_OIDS: Final = {
    "1.2.643.100.3": "snils",
    "1.2.643.3.131.1.1": "inn",
    "1.2.643.100.4": "innle",
    "1.2.643.100.1": "ogrn",
    "1.2.643.100.5": "ogrnip",
}
_WEAK_DIGESTS: Final = frozenset({"md2", "md4", "md5", "sha1"})
_MAX_MIME_DEPTH: Final = 8
_MAX_SIGNERS: Final = 64
_MAX_PDF_SIGNATURES: Final = 200

_GOST_NAMES: Final = {
    # Russia (GOST R; CryptoPro / TC 26 arcs)
    "1.2.643.2.2.3": "GOST R 34.11-94 with GOST R 34.10-2001",
    "1.2.643.2.2.9": "GOST R 34.11-94",
    "1.2.643.2.2.19": "GOST R 34.10-2001",
    "1.2.643.7.1.1.1.1": "GOST R 34.10-2012",
    "1.2.643.7.1.1.1.2": "GOST R 34.10-2012 (512-bit)",
    "1.2.643.7.1.1.2.2": "GOST R 34.11-2012 (Streebog-256)",
    "1.2.643.7.1.1.2.3": "GOST R 34.11-2012 (Streebog-512)",
    "1.2.643.7.1.1.3.2": "GOST R 34.10-2012 with GOST R 34.11-2012 (256-bit)",
    "1.2.643.7.1.1.3.3": "GOST R 34.10-2012 with GOST R 34.11-2012 (512-bit)",
    # Kazakhstan (national certification authority arcs)
    "1.2.398.3.10.1.1.1.1": "GOST 34.310-2004",
    "1.2.398.3.10.1.1.1.2": "GOST 34.311-95 with GOST 34.310-2004",
    "1.2.398.3.10.1.1.2.1": "GOST R 34.10-2015 (256-bit, Kazakhstan)",
    "1.2.398.3.10.1.1.2.2": "GOST R 34.10-2015 (512-bit, Kazakhstan)",
    "1.2.398.3.10.1.1.2.3.1": "GOST R 34.10-2015 with GOST R 34.11-2015 (256-bit, Kazakhstan)",
    "1.2.398.3.10.1.1.2.3.2": "GOST R 34.10-2015 with GOST R 34.11-2015 (512-bit, Kazakhstan)",
    "1.2.398.3.10.1.3.1": "GOST 34.311-95",
    "1.2.398.3.10.1.3.2": "GOST R 34.11-2015 (256-bit, Kazakhstan)",
    "1.2.398.3.10.1.3.3": "GOST R 34.11-2015 (512-bit, Kazakhstan)",
}

_PKCS7_SIGNATURE_TYPES: Final = frozenset(
    {"application/pkcs7-signature", "application/x-pkcs7-signature"}
)
_PKCS7_MIME_TYPES: Final = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
_CMS_SUFFIXES: Final = frozenset({".p7s", ".p7m", ".sig", ".cms", ".p7", ".sgn"})
_EMAIL_SUFFIXES: Final = frozenset({".eml", ".mime", ".mbox"})
_EMAIL_HEADERS: Final = frozenset(
    {
        "from",
        "to",
        "subject",
        "date",
        "mime-version",
        "content-type",
        "received",
        "message-id",
        "return-path",
        "reply-to",
    }
)
_SMIME_HEADER = re.compile(
    rb"(?im)^content-type:[ \t]*(?:multipart/signed|application/(?:x-)?pkcs7-mime)\b"
)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")

T = TypeVar("T")


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureCheck:
    """The facts about one signature. ``None`` means "could not be determined"."""

    signer: str | None = None
    signer_email: str | None = None
    signing_time: datetime | None = None
    """UTC; the signer's own claim (or, for a PDF document timestamp, the timestamp's time)."""
    algorithm: str | None = None
    intact: bool | None = None
    """The signed bytes are unchanged (their digest matches the signed one)."""
    valid: bool | None = None
    """The signature value is correct for the signer's certificate."""
    trusted: bool | None = None
    """The signer's certificate chains to a trust root given by the DPO and is usable now."""
    covers_whole_document: bool | None = None
    """PDF only: the signature covers every byte of the file."""
    modification: str | None = None
    """PDF only: ``none`` | ``permitted`` | ``disallowed`` (changes made after signing)."""
    revocation: str = NOT_CHECKED
    expired: bool | None = None
    problems: tuple[str, ...] = ()
    status: str = "malformed"
    """This signature's own verdict: valid, invalid, untrusted, unsupported or malformed."""
    field: str | None = None
    """PDF only: the signature field's name."""
    issuer: str | None = None
    certificate_sha256: str | None = None
    signer_emails: tuple[str, ...] = ()
    later_changes: str | None = None
    """PDF only: what came after this signature: ``validation_data`` (revocation data, document
    timestamps), ``form_filling`` (incl. later signatures), ``annotations`` or ``other``."""
    signer_names: tuple[str, ...] = ()
    """The names the certificate gives its subject: CN, then "GN SN" (for the name matcher)."""
    signer_identifiers: tuple[tuple[str, str], ...] = ()
    """Identifiers the certificate carries: ("snils"|"inn"|"innle"|"ogrn"|"ogrnip"|"iin"|"bin",
    digits)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "signer": self.signer,
            "signer_email": self.signer_email,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "algorithm": self.algorithm,
            "intact": self.intact,
            "valid": self.valid,
            "trusted": self.trusted,
            "covers_whole_document": self.covers_whole_document,
            "modification": self.modification,
            "revocation": self.revocation,
            "expired": self.expired,
            "status": self.status,
            "field": self.field,
            "issuer": self.issuer,
            "certificate_sha256": self.certificate_sha256,
            "problems": list(self.problems),
            "later_changes": self.later_changes,
            "signer_names": list(self.signer_names),
            "signer_identifiers": dict(self.signer_identifiers),
        }


@dataclass(frozen=True)
class SignatureReport:
    """The outcome of checking one file or message."""

    kind: str
    verdict: str
    signatures: tuple[SignatureCheck, ...] = ()
    reason: str = ""
    sender_email_matches: bool | None = None
    """S/MIME only: a signer's certificate names the message's From address."""
    sender: str | None = None
    """S/MIME only: the message's From address."""
    unsigned_parts: tuple[str, ...] = ()
    """What no signature covers: parts of an email beside the signed one, changes to a PDF after
    its signatures. Not empty means the report is never ``valid`` as a whole."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "signatures": [check.to_dict() for check in self.signatures],
            "reason": self.reason,
            "sender_email_matches": self.sender_email_matches,
            "sender": self.sender,
            "unsigned_parts": list(self.unsigned_parts),
        }


# --- public entry points ---------------------------------------------------------------------


def verify_file(
    data: bytes,
    *,
    detached: bytes | None = None,
    filename: str = "",
    trust_roots: Sequence[bytes] = (),
) -> SignatureReport:
    """Check whatever ``data`` is: a PDF, an S/MIME email, or a CMS signature.

    With ``detached``, ``data`` is the signed file and ``detached`` its signature (the two are
    swapped when given the other way round). ``filename`` only helps when sniffing fails.
    Raises :class:`InvalidInput` for unreadable trust roots and for a detached signature
    given without its file.
    """
    if detached is not None:
        if _looks_like_cms(data) and not _looks_like_cms(detached):
            data, detached = detached, data
        return verify_detached(data, detached, trust_roots)
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if _is_pdf(data):
        return verify_pdf(data, trust_roots)
    if is_smime(data) or _looks_like_email(data):
        return verify_smime(data, trust_roots)
    if _looks_like_cms(data) or suffix in _CMS_SUFFIXES:
        return verify_cms(data, trust_roots)
    if suffix == ".pdf":
        return verify_pdf(data, trust_roots)
    if suffix in _EMAIL_SUFFIXES:
        return verify_smime(data, trust_roots)
    kind = "cms"
    if too_big := _size_problem(data, "file"):
        return _malformed(kind, too_big)
    return _malformed(
        kind, Message("The file is neither a PDF, an S/MIME email nor a CMS signature.")
    )


def verify_pdf(data: bytes, trust_roots: Sequence[bytes] = ()) -> SignatureReport:
    """Check every signature embedded in a PDF (PAdES, adbe.pkcs7.detached, document timestamps)."""
    roots = _load_trust_roots(trust_roots)
    if too_big := _size_problem(data, "PDF"):
        return _malformed("pdf", too_big)
    if not _is_pdf(data):
        return _malformed("pdf", Message("The file is not a PDF (no %PDF header)."))
    _ensure_pyhanko()
    try:
        return _run_async(lambda: _verify_pdf(data, roots))
    except Exception as exc:  # a library bug or hostile structure outside any one signature
        return _malformed("pdf", f"The PDF could not be read: {_describe(exc)}.")


def verify_detached(
    data: bytes, signature: bytes, trust_roots: Sequence[bytes] = ()
) -> SignatureReport:
    """Check a detached CMS/PKCS #7 signature (``.p7s``, ``.sig``; DER, PEM or base64)."""
    roots = _load_trust_roots(trust_roots)
    if too_big := _size_problem(data, "signed file") or _size_problem(signature, "signature"):
        return _malformed("cms", too_big)
    try:
        signed_data = _load_signed_data(signature)
    except Exception as exc:
        return _malformed("cms", f"The signature file is not a CMS signature: {_describe(exc)}.")
    _ensure_pyhanko()
    checks = _run_checks(lambda: _verify_signed_data(signed_data, data, roots))
    return _report("cms", checks, empty_reason=Message("The signature file holds no signature."))


def verify_cms(data: bytes, trust_roots: Sequence[bytes] = ()) -> SignatureReport:
    """Check a CMS signature that carries its own content (an enveloping ``.p7m``/``.p7s``).

    Raises :class:`InvalidInput` when the signature is detached: its file is needed too.
    """
    roots = _load_trust_roots(trust_roots)
    if too_big := _size_problem(data, "signature"):
        return _malformed("cms", too_big)
    try:
        signed_data = _load_signed_data(data)
        # asn1crypto parses lazily: a damaged encapsulated content only fails when read
        detached = signed_data["encap_content_info"]["content"].native is None
    except Exception as exc:
        return _malformed("cms", f"The file is not a CMS signature: {_describe(exc)}.")
    if detached:
        raise InvalidInput(
            "This is a detached signature: give the signed file with it (--detached)."
        )
    _ensure_pyhanko()
    checks = _run_checks(lambda: _verify_signed_data(signed_data, None, roots))
    return _report("cms", checks, empty_reason=Message("The signature file holds no signature."))


def verify_smime(message: bytes, trust_roots: Sequence[bytes] = ()) -> SignatureReport:
    """Check an S/MIME-signed email: ``multipart/signed`` or opaque ``application/pkcs7-mime``.

    The signed part is verified on its raw bytes, canonicalised to CRLF (never re-serialised).
    ``sender_email_matches`` tells whether a signer's certificate names the From address.
    """
    roots = _load_trust_roots(trust_roots)
    if too_big := _size_problem(message, "message"):
        return _malformed("smime", too_big)
    try:
        sender_addresses = _from_addresses(message)
        found = _find_smime_entity(_to_crlf(message), 0)
    except Exception as exc:
        return _malformed("smime", f"The message could not be read: {_describe(exc)}.")
    sender = sender_addresses[0] if sender_addresses else None
    if found is None:
        return SignatureReport(
            "smime", "unsigned", (), "The message carries no S/MIME signature.", None, sender
        )
    if found.unsupported:
        return SignatureReport("smime", "unsupported", (), found.unsupported, None, sender)
    try:
        signed_data = _load_signed_data(found.signature)
    except Exception as exc:
        return SignatureReport(
            "smime",
            "malformed",
            (),
            f"The message's signature part is not a CMS signature: {_describe(exc)}.",
            None,
            sender,
        )
    _ensure_pyhanko()
    if found.content_variants:
        variants = found.content_variants
        checks = _run_checks(lambda: _verify_signed_data_variants(signed_data, variants, roots))
    else:
        checks = _run_checks(lambda: _verify_signed_data(signed_data, None, roots))
    matches: bool | None = None
    if sender_addresses and checks:
        signer_addresses = {email.lower() for check in checks for email in check.signer_emails}
        matches = any(address.lower() in signer_addresses for address in sender_addresses)
        if not matches:
            named = ", ".join(sorted(signer_addresses)) or "no email address"
            note = f"The signer's certificate names {named}, not the sender {sender}."
            checks = tuple(_with_problem(check, note) for check in checks)
    return _report(
        "smime",
        checks,
        empty_reason=Message("The message's signature holds no signer."),
        sender_email_matches=matches,
        sender=sender,
        unsigned_parts=found.outside,
    )


def is_smime(message: bytes) -> bool:
    """Cheap test for intake: does this email carry an S/MIME signature (or encryption)?"""
    head = message[:262_144]
    try:
        headers = _parse_headers(head)
    except Exception:
        return False
    content_type = headers.get_content_type()
    if content_type == "multipart/signed":
        protocol = str(headers.get_param("protocol", "") or "").lower()
        return protocol in _PKCS7_SIGNATURE_TYPES or not protocol
    if content_type in _PKCS7_MIME_TYPES:
        return True
    return content_type.startswith("multipart/") and bool(_SMIME_HEADER.search(head))


def load_certificates(data: bytes) -> list[asn1_x509.Certificate]:
    """Read X.509 certificates: PEM (one or several), DER, or a PKCS #7 bundle (.p7b/.p7c).

    Raises :class:`InvalidInput` with a clear sentence when nothing usable is found.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidInput("The certificate file is larger than 50 MB.")
    der_input = data[:1] == b"\x30"  # DER is never stripped: it may end in a whitespace byte
    stripped = data if der_input else data.strip()
    if not stripped:
        raise InvalidInput("The certificate file is empty.")
    try:
        if not der_input and pem.detect(stripped):
            certs = []
            for type_name, _headers, der in pem.unarmor(stripped, multiple=True):
                if type_name in ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"):
                    certs.append(_parse_certificate(der, strict=type_name != "TRUSTED CERTIFICATE"))
                elif type_name in ("PKCS7", "CMS"):
                    certs.extend(_certificates_from_bundle(der))
        else:
            try:
                certs = [_parse_certificate(stripped, strict=True)]
            except (ValueError, TypeError):
                certs = _certificates_from_bundle(stripped)
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError) as exc:
        raise InvalidInput(
            "The certificate could not be read: expected an X.509 certificate in PEM or DER."
        ) from exc
    if not certs:
        raise InvalidInput("No certificate found: expected an X.509 certificate in PEM or DER.")
    return certs


# --- PDF -------------------------------------------------------------------------------------


async def _verify_pdf(data: bytes, roots: list[asn1_x509.Certificate]) -> SignatureReport:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import SigSeedSubFilter, enumerate_sig_fields
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    lenient = False
    try:
        reader = PdfFileReader(BytesIO(data))
    except Exception as exc:
        # Some writers (Pillow's "save as PDF", old scanners) produce small flaws every viewer
        # forgives; read those leniently, but never trust a signature found that way.
        try:
            reader = PdfFileReader(BytesIO(data), strict=False)
            reader.root  # noqa: B018 (force the catalogue to be read)
            lenient = True
        except Exception:
            return _malformed("pdf", f"The PDF could not be read: {_describe(exc)}.")
    if reader.encrypted:
        unlocked = False
        try:
            from pyhanko.pdf_utils.crypt import AuthStatus

            unlocked = reader.decrypt(b"").status != AuthStatus.FAILED
        except Exception:
            unlocked = False
        if not unlocked:
            return SignatureReport(
                "pdf",
                "unsupported",
                (),
                "The PDF is password-protected; DPO Desk cannot read its signatures.",
            )
    try:
        dss_certs, dss_crls, dss_ocsps = _read_dss(reader)
    except Exception:
        dss_certs, dss_crls, dss_ocsps = [], [], []

    known_subfilters = {member.value for member in SigSeedSubFilter}
    entries: list[tuple[int, SignatureCheck | EmbeddedPdfSignature]] = []
    try:
        fields = enumerate_sig_fields(reader, filled_status=True)
        for index, (name, sig_obj, sig_field) in enumerate(fields):
            if index >= _MAX_PDF_SIGNATURES:
                return _malformed("pdf", "The PDF holds an implausible number of signatures.")
            field_name = str(name)
            try:
                subfilter = sig_obj.get_object().get("/SubFilter")
                if subfilter not in known_subfilters:
                    entries.append((-1, _unsupported_subfilter(field_name, subfilter)))
                    continue
                embedded = EmbeddedPdfSignature(reader, sig_field, field_name)
                entries.append((embedded.signed_revision, embedded))
            except Exception as exc:
                problem = f"The signature could not be read: {_describe(exc)}."
                entries.append((-1, _failed_check("malformed", problem, field=field_name)))
    except Exception as exc:
        return _malformed("pdf", f"The PDF's form fields could not be read: {_describe(exc)}.")
    if lenient:
        if entries:
            return _malformed(
                "pdf",
                Message(
                    "The PDF's structure is damaged, so its signatures cannot be checked reliably."
                ),
            )
        return SignatureReport("pdf", "unsigned", (), Message("The PDF has no signatures."))

    checks: list[SignatureCheck] = []
    for _revision, entry in sorted(entries, key=lambda item: item[0]):
        if isinstance(entry, SignatureCheck):
            checks.append(entry)
            continue
        try:
            checks.append(await _check_pdf_signature(entry, roots, dss_certs, dss_crls, dss_ocsps))
        except Exception as exc:
            checks.append(_exception_check(exc, field=entry.field_name))
    return _report(
        "pdf",
        tuple(checks),
        empty_reason=Message("The PDF has no signatures."),
        unsigned_parts=_pdf_unsigned_parts(checks, reader.xrefs.total_revisions),
    )


def _pdf_unsigned_parts(checks: list[SignatureCheck], revisions: int) -> tuple[str, ...]:
    """The changes after the last signature or timestamp (none when one covers the whole file)."""
    checked = [c for c in checks if c.covers_whole_document is not None]
    if not checked or any(c.covers_whole_document for c in checked):
        return ()
    last = checked[-1]
    if last.later_changes == "validation_data":
        return ()  # only revocation data and timestamps follow: no content
    kind = {
        "form_filling": "form filling the signer permitted",
        "annotations": "annotations the signer permitted",
    }.get(last.later_changes or "", "changes the signer did not permit")
    field = f" (field {last.field})" if last.field else ""
    return (
        f"The PDF was changed after its last signature{field} ({revisions} revisions in all): "
        f"the changes ({kind}) are covered by no signature.",
    )


async def _check_pdf_signature(
    embedded: EmbeddedPdfSignature,
    roots: list[asn1_x509.Certificate],
    dss_certs: list[asn1_x509.Certificate],
    dss_crls: list[asn1_crl.CertificateList],
    dss_ocsps: list[asn1_ocsp.OCSPResponse],
) -> SignatureCheck:
    from pyhanko.sign.validation import async_validate_pdf_signature, async_validate_pdf_timestamp
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    signed_data = embedded.signed_data
    signer_info = embedded.signer_info
    field_name = embedded.field_name
    # --- GOST hook: Russian GOST signers are checked by identity/gost.py ---
    if gost.handles(signer_info) and embedded.sig_object_type != "/DocTimeStamp":
        return gost.check_pdf_signature(embedded, roots, dss_certs)
    # --- end GOST hook ---
    if unsupported := _unsupported_algorithm(signed_data, signer_info):
        return _unsupported_check(unsupported, signed_data, signer_info, field=field_name)

    crls, ocsps = _embedded_revinfo(signed_data, signer_info)
    crls += dss_crls
    ocsps += dss_ocsps
    timestamp = embedded.sig_object_type == "/DocTimeStamp"

    async def run(context: ValidationContext) -> Any:
        if timestamp:
            return await async_validate_pdf_timestamp(embedded, context)
        return await async_validate_pdf_signature(
            embedded, context, key_usage_settings=_key_usage()
        )

    status, context, crls, ocsps, note = await _validate(run, roots, dss_certs, crls, ocsps)
    signed_at = "timestamp" if timestamp else "signer_reported_dt"
    signing_time = getattr(status, signed_at, None)
    coverage = status.coverage
    covers_whole = coverage == SignatureCoverageLevel.ENTIRE_FILE
    modification = _modification(status, covers_whole)
    check = _check_from_status(
        status,
        signer_info,
        signing_time=signing_time,
        context=context,
        crls=crls,
        ocsps=ocsps,
        covers_whole_document=covers_whole,
        modification=modification,
        field=field_name,
    )
    if not covers_whole and status.modification_level is not None:
        later = str(status.modification_level.name).lower()
        check = replace(check, later_changes="validation_data" if later == "lta_updates" else later)
    if check.later_changes == "validation_data" and modification == "permitted":
        check = replace(
            check,
            problems=tuple(p for p in check.problems if not p.startswith(_PERMITTED_PREFIX)),
        )
    if note:
        check = _with_problem(check, note, prepend=False)
    if timestamp:
        check = _with_problem(
            check, "This is a document timestamp: it proves when, not who.", prepend=False
        )
    return check


def _modification(status: Any, covers_whole: bool) -> str:
    """What happened after this signature: none, permitted changes, or disallowed ones."""
    from pyhanko.sign.diff_analysis import ModificationLevel

    if covers_whole:
        return "none"
    level = status.modification_level
    if level == ModificationLevel.NONE:
        return "none"
    if level is None or level == ModificationLevel.OTHER or status.docmdp_ok is False:
        return "disallowed"
    # Document timestamps carry no DocMDP verdict (None): the level alone decides.
    return "permitted"


def _read_dss(
    reader: Any,
) -> tuple[list[asn1_x509.Certificate], list[asn1_crl.CertificateList], list[Any]]:
    from pyhanko.sign.validation.dss import DocumentSecurityStore
    from pyhanko.sign.validation.errors import NoDSSFoundError

    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return [], [], []
    certs = list(dss.load_certs())
    context = dss.as_validation_context({"trust_roots": []})
    return certs, list(context.crls), list(context.ocsps)


def _unsupported_subfilter(field_name: str, subfilter: object) -> SignatureCheck:
    name = str(subfilter) if subfilter is not None else "none"
    return SignatureCheck(
        algorithm=f"PDF signature format {name}",
        problems=(
            f"The signature format {name} is not supported (legacy or unknown); "
            "it cannot be verified here.",
        ),
        status="unsupported",
        field=field_name,
    )


# --- CMS (detached, enveloping, S/MIME) ------------------------------------------------------


async def _verify_signed_data_variants(
    signed_data: cms.SignedData,
    variants: tuple[bytes, ...],
    roots: list[asn1_x509.Certificate],
) -> tuple[SignatureCheck, ...]:
    """Verify against the first content variant; when a signature fails, try the others."""
    first = await _verify_signed_data(signed_data, variants[0], roots)
    if all(check.intact is not False for check in first) or len(variants) == 1:
        return first
    for variant in variants[1:]:
        other = await _verify_signed_data(signed_data, variant, roots)
        if all(check.intact is not False for check in other):
            return other
    return first


async def _verify_signed_data(
    signed_data: cms.SignedData,
    content: bytes | None,
    roots: list[asn1_x509.Certificate],
) -> tuple[SignatureCheck, ...]:
    try:
        signer_infos = list(signed_data["signer_infos"])
    except Exception as exc:
        return (_failed_check("malformed", f"The signer list is unreadable: {_describe(exc)}."),)
    if len(signer_infos) > _MAX_SIGNERS:
        return (
            _failed_check("malformed", "The signature holds an implausible number of signers."),
        )
    checks = []
    for signer_info in signer_infos:
        try:
            checks.append(await _check_cms_signer(signed_data, signer_info, content, roots))
        except Exception as exc:
            checks.append(_exception_check(exc))
    return tuple(checks)


async def _check_cms_signer(
    signed_data: cms.SignedData,
    signer_info: cms.SignerInfo,
    content: bytes | None,
    roots: list[asn1_x509.Certificate],
) -> SignatureCheck:
    from pyhanko.sign.validation import async_validate_cms_signature, async_validate_detached_cms
    from pyhanko.sign.validation.status import StandardCMSSignatureStatus

    # --- GOST hook: Russian GOST signers are checked by identity/gost.py ---
    if gost.handles(signer_info):
        return gost.check_cms_signer(signed_data, signer_info, content, roots)
    # --- end GOST hook ---
    if unsupported := _unsupported_algorithm(signed_data, signer_info):
        return _unsupported_check(unsupported, signed_data, signer_info)

    single = signed_data.copy()
    single["signer_infos"] = cms.SignerInfos([signer_info])
    crls, ocsps = _embedded_revinfo(signed_data, signer_info)
    encapsulated = single["encap_content_info"]["content"]
    detached = encapsulated.native is None
    if detached and content is None:
        return _failed_check(
            "malformed", "The signature is detached and the signed file was not given."
        )

    async def run(context: ValidationContext) -> Any:
        if detached:
            return await async_validate_detached_cms(
                content, single, signer_validation_context=context, key_usage_settings=_key_usage()
            )
        return await async_validate_cms_signature(
            single,
            status_cls=StandardCMSSignatureStatus,
            validation_context=context,
            key_usage_settings=_key_usage(),
        )

    status, context, crls, ocsps, note = await _validate(run, roots, (), crls, ocsps)
    problems: list[str] = []
    if not detached and content is not None and bytes(encapsulated.native) != content:
        problems.append(
            "The signature carries its own copy of the signed content, "
            "which differs from the file given."
        )
    check = _check_from_status(
        status,
        signer_info,
        signing_time=_signing_time_attribute(signer_info),
        context=context,
        crls=crls,
        ocsps=ocsps,
    )
    if note:
        check = _with_problem(check, note, prepend=False)
    if problems:
        check = _with_problem(check, problems[0], status="invalid")
    return check


async def _validate(
    run: Callable[[ValidationContext], Coroutine[Any, Any, Any]],
    roots: list[asn1_x509.Certificate],
    other_certs: Iterable[asn1_x509.Certificate],
    crls: list[Any],
    ocsps: list[Any],
) -> tuple[Any, ValidationContext, list[Any], list[Any], str | None]:
    """Validate with the embedded revocation data; if it is out of date, validate without it.

    pyHanko turns stale revocation data into a "try later" failure. Offline, old data is no
    better than none: the signature is then judged as if none were embedded.
    """
    from pyhanko.sign.ades.report import AdESIndeterminate

    other_certs = list(other_certs)
    context = _validation_context(roots, other_certs, crls, ocsps)
    status = await run(context)
    if (crls or ocsps) and status.trust_problem_indic == AdESIndeterminate.TRY_LATER:
        context = _validation_context(roots, other_certs, [], [])
        status = await run(context)
        note = "The embedded revocation data is out of date and was not used."
        return status, context, [], [], note
    return status, context, crls, ocsps, None


def _load_signed_data(data: bytes) -> cms.SignedData:
    der = _unarmor(data)
    info = cms.ContentInfo.load(der)
    content_type = info["content_type"].native
    if content_type != "signed_data":
        raise ValueError(f"it holds {content_type or 'an unknown type'}, not signed data")
    signed_data = info["content"]
    if not isinstance(signed_data, cms.SignedData):
        raise ValueError("the signed data is unreadable")
    signed_data["encap_content_info"]["content_type"].native  # noqa: B018 (force parsing)
    len(signed_data["signer_infos"])
    return signed_data


def _unarmor(data: bytes) -> bytes:
    if data[:1] == b"\x30":  # DER: never strip, its last byte may well be whitespace
        return data
    stripped = data.strip()
    if pem.detect(stripped):
        _type, _headers, der = pem.unarmor(stripped)
        return bytes(der)
    try:
        decoded = base64.b64decode(b"".join(stripped.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("neither DER, PEM nor base64") from None
    if decoded[:1] != b"\x30":
        raise ValueError("neither DER, PEM nor base64")
    return decoded


def _looks_like_cms(data: bytes) -> bool:
    if len(data) > MAX_INPUT_BYTES:
        return False
    try:
        _load_signed_data(data)
    except Exception:
        return False
    return True


# --- status -> facts -------------------------------------------------------------------------


def _check_from_status(
    status: SignatureStatus,
    signer_info: cms.SignerInfo,
    *,
    signing_time: datetime | None,
    context: ValidationContext,
    crls: list[Any],
    ocsps: list[Any],
    covers_whole_document: bool | None = None,
    modification: str | None = None,
    field: str | None = None,
) -> SignatureCheck:
    from pyhanko.sign.ades.report import AdESIndeterminate

    cert = status.signing_cert
    intact, valid = bool(status.intact), bool(status.valid)
    indication = status.trust_problem_indic
    problems: list[str] = []
    weak = _weak_algorithm(signer_info) or indication in (
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
    )
    trusted: bool | None = bool(status.trusted) if intact and valid else None
    now = datetime.now(UTC)
    expired = _expired(cert, now)

    if not intact:
        problems.append(
            Message("The signed content was changed after signing (its digest differs).")
        )
    elif not valid:
        problems.append(Message("The signature value does not match the signer's certificate."))
    if modification == "disallowed":
        problems.append(
            Message("The document was changed after this signature in a way that is not permitted.")
        )
    elif modification == "permitted":
        problems.append(  # starts with _PERMITTED_PREFIX
            Message(
                "The document was changed after this signature (changes the signer permitted, "
                "such as form filling, annotations or a later signature): this signature does "
                "not cover them."
            )
        )
    if weak:
        name = _weak_name(signer_info) or "a weak algorithm"
        problems.append(
            Message(
                "The signature or its certificate chain uses {algorithm}, which is rejected as "
                "insecure; the signature cannot prove who signed.",
                algorithm=name,
            )
        )
    if expired:
        not_after = cert["tbs_certificate"]["validity"]["not_after"].native
        problems.append(
            Message("The signer's certificate expired on {date}.", date=f"{not_after:%Y-%m-%d}")
        )
    elif _not_yet_valid(cert, now):
        not_before = cert["tbs_certificate"]["validity"]["not_before"].native
        problems.append(
            Message(
                "The signer's certificate is not valid before {date}.",
                date=f"{not_before:%Y-%m-%d}",
            )
        )
    if status.revoked:
        problems.append(Message("The signer's certificate (or its issuer) has been revoked."))
    if trusted is False and not weak and not expired and not status.revoked:
        problems.append(_trust_problem(indication, have_roots=bool(_context_roots(context))))
    timestamp_status = getattr(status, "timestamp_validity", None)
    if timestamp_status is not None and not (timestamp_status.intact and timestamp_status.valid):
        problems.append(Message("The signature's timestamp token is broken."))

    if not intact or not valid or modification == "disallowed":
        verdict = "invalid"
    elif weak:
        verdict = "unsupported"
    elif trusted and not expired and not status.revoked:
        verdict = "valid"
    else:
        verdict = "untrusted"
        trusted = False

    revocation = NOT_CHECKED
    if status.revoked:
        revocation = REVOKED
    elif trusted and not context.soft_fail_exceptions and _revinfo_covers(cert, crls, ocsps):
        revocation = GOOD_EMBEDDED

    emails = _certificate_emails(cert)
    names, identifiers = certificate_subject(cert)
    return SignatureCheck(
        signer_names=names,
        signer_identifiers=identifiers,
        signer=_certificate_name(cert),
        signer_email=emails[0] if emails else None,
        signing_time=_as_utc(signing_time),
        algorithm=_algorithm_name(signer_info),
        intact=intact,
        valid=valid,
        trusted=trusted,
        covers_whole_document=covers_whole_document,
        modification=modification,
        revocation=revocation,
        expired=expired,
        problems=tuple(problems),
        status=verdict,
        field=field,
        issuer=_name_text(cert.issuer),
        certificate_sha256=cert.sha256.hex(),
        signer_emails=tuple(emails),
    )


def _context_roots(context: ValidationContext) -> list[Any]:
    """The trust anchors of a validation context (empty when nothing is trusted)."""
    manager = context.path_builder.trust_manager
    iter_certs = getattr(manager, "iter_certs", None)
    return list(iter_certs()) if iter_certs is not None else []


def _trust_problem(indication: Any, *, have_roots: bool) -> str:
    from pyhanko.sign.ades.report import AdESIndeterminate

    if indication == AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND or indication is None:
        if not have_roots:
            return Message(
                "No trusted certificates were given and nothing is trusted by default: "
                "import the issuing authority's certificate to trust this signer."
            )
        return Message("The signer's certificate does not chain to a certificate you trust.")
    if indication == AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE:
        return Message(
            "The signer's certificate chain breaks a constraint "
            "(key usage, path length or name constraints)."
        )
    if indication == AdESIndeterminate.OUT_OF_BOUNDS_NO_POE:
        return Message("The signer's certificate was not valid at the time of checking.")
    readable = str(getattr(indication, "name", indication)).lower().replace("_", " ")
    return Message(
        "The signer's certificate chain could not be validated ({indication}).",
        indication=readable,
    )


def _unsupported_check(
    algorithm: str,
    signed_data: cms.SignedData,
    signer_info: cms.SignerInfo,
    *,
    field: str | None = None,
) -> SignatureCheck:
    cert = _find_signer_certificate(signed_data, signer_info)
    emails = _certificate_emails(cert) if cert is not None else []
    names, identifiers = certificate_subject(cert) if cert is not None else ((), ())
    return SignatureCheck(
        signer_names=names,
        signer_identifiers=identifiers,
        signer=_certificate_name(cert) if cert is not None else None,
        signer_email=emails[0] if emails else None,
        signing_time=_as_utc(_signing_time_attribute(signer_info)),
        algorithm=algorithm,
        problems=(
            Message(
                "The algorithm {algorithm} cannot be verified by DPO Desk; check this signature "
                "with a tool of the issuing country, or ask for another proof.",
                algorithm=algorithm,
            ),
        ),
        status="unsupported",
        field=field,
        issuer=_name_text(cert.issuer) if cert is not None else None,
        certificate_sha256=cert.sha256.hex() if cert is not None else None,
        signer_emails=tuple(emails),
    )


def _failed_check(status: str, problem: str, *, field: str | None = None) -> SignatureCheck:
    return SignatureCheck(problems=(problem,), status=status, field=field)


def _exception_check(exc: BaseException, *, field: str | None = None) -> SignatureCheck:
    """A library exception for one signature: structural -> malformed, a failed check -> invalid."""
    from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
    from pyhanko.sign.validation.errors import SignatureValidationError

    if isinstance(exc, SignatureValidationError):
        message = _sentence(getattr(exc, "failure_message", "") or str(exc))
        structural = exc.ades_subindication in (
            AdESFailure.FORMAT_FAILURE,
            AdESIndeterminate.NO_SIGNING_CERTIFICATE_FOUND,
        )
        if structural:
            return _failed_check("malformed", f"The signature is malformed: {message}", field=field)
        return _failed_check("invalid", f"The signature failed a check: {message}", field=field)
    return _failed_check(
        "malformed", f"The signature could not be processed: {_describe(exc)}.", field=field
    )


def _with_problem(
    check: SignatureCheck, problem: str, *, status: str | None = None, prepend: bool = True
) -> SignatureCheck:
    problems = (problem, *check.problems) if prepend else (*check.problems, problem)
    return replace(check, problems=problems, status=status or check.status)


def _report(
    kind: str,
    checks: tuple[SignatureCheck, ...],
    *,
    empty_reason: str,
    sender_email_matches: bool | None = None,
    sender: str | None = None,
    unsigned_parts: tuple[str, ...] = (),
) -> SignatureReport:
    if not checks:
        return SignatureReport(
            kind, "unsigned", (), empty_reason, sender_email_matches, sender, unsigned_parts
        )
    statuses = {check.status for check in checks}
    verdict = next(level for level in _SEVERITY if level in statuses)
    if verdict == "valid" and unsigned_parts:
        first = unsigned_parts[0]
        reason = Message(
            "The signature is valid, but not everything is signed: {part}",
            part=first[:1].lower() + first[1:],
        )
        return SignatureReport(
            kind, "partial", checks, reason, sender_email_matches, sender, unsigned_parts
        )
    if verdict == "valid":
        if sender_email_matches is False:
            reason = (
                Message(
                    "The signature is intact, valid and chains to a certificate you trust, "
                    "but the signer is not the sender."
                )
                if len(checks) == 1
                else Message(
                    "Every signature is intact, valid and chains to a certificate you trust, "
                    "but the signer is not the sender."
                )
            )
        else:
            reason = (
                Message("The signature is intact, valid and chains to a certificate you trust.")
                if len(checks) == 1
                else Message(
                    "Every signature is intact, valid and chains to a certificate you trust."
                )
            )
    else:
        worst = next(check for check in checks if check.status == verdict)
        reason = (
            worst.problems[0]
            if worst.problems
            else Message("A signature is {verdict}.", verdict=verdict)
        )
        if len(checks) > 1:
            position = checks.index(worst) + 1
            reason = Message(
                "Signature {position} of {count}: {reason}",
                position=position,
                count=len(checks),
                reason=reason,
            )
    return SignatureReport(
        kind, verdict, checks, reason, sender_email_matches, sender, unsigned_parts
    )


def _malformed(kind: str, reason: str) -> SignatureReport:
    return SignatureReport(kind, "malformed", (), reason)


# --- algorithms ------------------------------------------------------------------------------


def _unsupported_algorithm(signed_data: cms.SignedData, signer_info: cms.SignerInfo) -> str | None:
    """Name the national (GOST) algorithm in the signature or its certificates, if any.

    The signature's own algorithms come first, then the certificates'; a name we know beats
    a bare OID.
    """
    oids = [
        signer_info["signature_algorithm"]["algorithm"].dotted,
        signer_info["digest_algorithm"]["algorithm"].dotted,
    ]
    for cert in _embedded_certificates(signed_data):
        oids.append(
            cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"].dotted
        )
        oids.append(cert["signature_algorithm"]["algorithm"].dotted)
    national = [oid for oid in oids if oid.startswith(_UNSUPPORTED_ARCS)]
    if not national:
        return None
    named = [oid for oid in national if oid in _GOST_NAMES]
    if named:
        return f"{_GOST_NAMES[named[0]]} ({named[0]})"
    oid = national[0]
    family = "a GOST algorithm" if oid.startswith("1.2.643.") else "a Kazakh national algorithm"
    return f"{family} ({oid})"


def _algorithm_name(signer_info: cms.SignerInfo) -> str:
    algorithm = signer_info["signature_algorithm"]
    digest = str(signer_info["digest_algorithm"]["algorithm"].native)
    digest_upper = digest.upper().replace("_", "-")
    try:
        family = algorithm.signature_algo
    except (ValueError, KeyError):
        family = None
    if family == "rsassa_pkcs1v15":
        return f"{digest}WithRSA"
    if family == "rsassa_pss":
        return f"RSASSA-PSS with {digest_upper}"
    if family == "ecdsa":
        return f"ecdsa-with-{digest_upper}"
    if family == "dsa":
        return f"dsa-with-{digest_upper}"
    if family == "ed25519":
        return "Ed25519"
    if family == "ed448":
        return "Ed448"
    oid = algorithm["algorithm"]
    return f"{oid.native} ({oid.dotted})" if oid.native != oid.dotted else oid.dotted


def _weak_algorithm(signer_info: cms.SignerInfo) -> bool:
    return _weak_name(signer_info) is not None


def _weak_name(signer_info: cms.SignerInfo) -> str | None:
    digest = str(signer_info["digest_algorithm"]["algorithm"].native).lower()
    if digest in _WEAK_DIGESTS:
        return digest.upper().replace("SHA1", "SHA-1")
    signature = str(signer_info["signature_algorithm"]["algorithm"].native).lower()
    for weak in ("sha1", "md5", "md2"):
        if signature.startswith(weak):
            return weak.upper().replace("SHA1", "SHA-1")
    return None


# --- certificates ----------------------------------------------------------------------------


def _parse_certificate(der: bytes, *, strict: bool) -> asn1_x509.Certificate:
    cert = asn1_x509.Certificate.load(bytes(der), strict=strict)
    cert.native  # noqa: B018 (asn1crypto parses lazily: force it so garbage fails here)
    return cert


def _certificates_from_bundle(der: bytes) -> list[asn1_x509.Certificate]:
    info = cms.ContentInfo.load(bytes(der))
    if info["content_type"].native != "signed_data":
        raise ValueError("not a certificate bundle")
    return [cert for cert in _embedded_certificates(info["content"]) if cert.native]


def _load_trust_roots(trust_roots: Iterable[bytes]) -> list[asn1_x509.Certificate]:
    roots: list[asn1_x509.Certificate] = []
    for data in trust_roots:
        roots.extend(load_certificates(data))
    return roots


def _embedded_certificates(signed_data: cms.SignedData) -> list[asn1_x509.Certificate]:
    certificates = signed_data["certificates"]
    if certificates.native is None:
        return []
    return [choice.chosen for choice in certificates if choice.name == "certificate"]


def _find_signer_certificate(
    signed_data: cms.SignedData, signer_info: cms.SignerInfo
) -> asn1_x509.Certificate | None:
    sid = signer_info["sid"]
    for cert in _embedded_certificates(signed_data):
        try:
            if sid.name == "issuer_and_serial_number":
                if cert.issuer_serial == _issuer_serial(sid.chosen):
                    return cert
            elif cert.key_identifier == sid.native:
                return cert
        except Exception:
            continue
    return None


def _issuer_serial(value: cms.IssuerAndSerialNumber) -> bytes:
    serial = str(value["serial_number"].native).encode("ascii")
    return bytes(value["issuer"].sha256) + b":" + serial


def _certificate_name(cert: asn1_x509.Certificate) -> str:
    return _name_text(cert.subject)


def _name_text(name: asn1_x509.Name) -> str:
    """The common name, or the whole distinguished name when there is none."""
    try:
        common_name = name.native.get("common_name")
        if isinstance(common_name, str) and common_name:
            return common_name
        return str(name.human_friendly)
    except Exception:
        return "(unreadable name)"


def _certificate_emails(cert: asn1_x509.Certificate | None) -> list[str]:
    if cert is None:
        return []
    emails: list[str] = []
    try:
        san = cert.subject_alt_name_value
        if san is not None:
            emails.extend(str(name.native) for name in san if name.name == "rfc822_name")
    except Exception:
        pass
    subject_email = cert.subject.native.get("email_address")
    if isinstance(subject_email, str):
        emails.append(subject_email)
    elif isinstance(subject_email, list):
        emails.extend(str(item) for item in subject_email)
    unique: list[str] = []
    for address in emails:
        if address and address.lower() not in (known.lower() for known in unique):
            unique.append(address)
    return unique


def certificate_subject(
    cert: asn1_x509.Certificate,
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The names a certificate gives its subject and the identifiers it carries.

    Names: the CN, then "given name + surname" (Russian qualified certificates put the given name
    and patronymic in GN). Identifiers: SNILS, INN, INNLE, OGRN, OGRNIP by their OIDs; Kazakh NCA
    certificates' ``serialNumber`` "IIN..." and ``OU`` "BIN...". Digits only; unreadable values
    are skipped, never guessed.
    """
    names: list[str] = []
    identifiers: list[tuple[str, str]] = []
    values: dict[str, list[str]] = {}
    try:
        for rdn in cert.subject.chosen:
            for attribute in rdn:
                try:
                    value = attribute["value"].native
                except Exception:
                    continue
                if isinstance(value, bytes):
                    continue
                values.setdefault(attribute["type"].dotted, []).append(str(value).strip())
    except Exception:
        return (), ()
    names.extend(values.get("2.5.4.3", []))
    given, surname = values.get("2.5.4.42", []), values.get("2.5.4.4", [])
    if given or surname:
        names.append(" ".join([*given, *surname]))
    for oid, label in _IDENTIFIER_OIDS.items():
        for value in values.get(oid, []):
            digits = re.sub(r"\D", "", value)
            if digits:
                identifiers.append((label, digits))
    for value in values.get("2.5.4.5", []):  # serialNumber
        match = re.fullmatch(r"(?i)\s*(IIN|BIN)\s*(\d{12})\s*", value)
        if match:
            identifiers.append((match.group(1).lower(), match.group(2)))
    for value in values.get("2.5.4.11", []):  # organizationalUnitName
        match = re.fullmatch(r"(?i)\s*BIN\s*(\d{12})\s*", value)
        if match:
            identifiers.append(("bin", match.group(1)))
    unique_names = tuple(dict.fromkeys(n for n in names if n))
    return unique_names, tuple(dict.fromkeys(identifiers))


def _expired(cert: asn1_x509.Certificate, now: datetime) -> bool:
    not_after = cert["tbs_certificate"]["validity"]["not_after"].native
    return bool(not_after < now)


def _not_yet_valid(cert: asn1_x509.Certificate, now: datetime) -> bool:
    not_before = cert["tbs_certificate"]["validity"]["not_before"].native
    return bool(not_before > now)


# --- validation context, revocation ----------------------------------------------------------


def _key_usage() -> Any:
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    # Signing certificates assert either usage; pyHanko's default demands non-repudiation only.
    return KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
    )


def _validation_context(
    roots: list[asn1_x509.Certificate],
    other_certs: Iterable[asn1_x509.Certificate],
    crls: list[Any],
    ocsps: list[Any],
) -> ValidationContext:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=list(roots),  # a list, even empty: None would mean the system store
        other_certs=list(other_certs),
        crls=list(crls),
        ocsps=list(ocsps),
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


def _embedded_revinfo(
    signed_data: cms.SignedData, signer_info: cms.SignerInfo
) -> tuple[list[asn1_crl.CertificateList], list[asn1_ocsp.OCSPResponse]]:
    """CRLs and OCSP responses carried by the signature (SignedData and Adobe's attribute)."""
    crls: list[asn1_crl.CertificateList] = []
    ocsps: list[asn1_ocsp.OCSPResponse] = []
    try:
        revocation_choices = signed_data["crls"]
        if revocation_choices.native is not None:
            for choice in revocation_choices:
                if choice.name == "crl":
                    crls.append(choice.chosen)
                elif choice.chosen["other_rev_info_format"].native == "ocsp_response":
                    ocsps.append(choice.chosen["other_rev_info"])
    except Exception:
        pass
    try:
        signed_attrs = signer_info["signed_attrs"]
        if signed_attrs.native is not None:
            for attribute in signed_attrs:
                if attribute["type"].native != "adobe_revocation_info_archival":
                    continue
                for archival in attribute["values"]:
                    if archival["crl"].native is not None:
                        crls.extend(archival["crl"])
                    if archival["ocsp"].native is not None:
                        ocsps.extend(archival["ocsp"])
    except Exception:
        pass
    return crls, ocsps


def _revinfo_covers(cert: asn1_x509.Certificate, crls: list[Any], ocsps: list[Any]) -> bool:
    """Do the embedded CRLs/OCSP responses speak about the signer's certificate?"""
    for crl in crls:
        try:
            if crl["tbs_cert_list"]["issuer"] == cert.issuer:
                return True
        except Exception:
            continue
    for response in ocsps:
        try:
            basic = response["response_bytes"]["response"].parsed
            for single in basic["tbs_response_data"]["responses"]:
                if single["cert_id"]["serial_number"].native == cert.serial_number:
                    return True
        except Exception:
            continue
    return False


def _signing_time_attribute(signer_info: cms.SignerInfo) -> datetime | None:
    try:
        signed_attrs = signer_info["signed_attrs"]
        if signed_attrs.native is None:
            return None
        for attribute in signed_attrs:
            if attribute["type"].native == "signing_time":
                value = attribute["values"][0].native
                return value if isinstance(value, datetime) else None
    except Exception:
        return None
    return None


def _as_utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# --- S/MIME structure ------------------------------------------------------------------------


@dataclass(frozen=True)
class _SmimeEntity:
    signature: bytes = b""
    content_variants: tuple[bytes, ...] = ()
    """The signed part's raw bytes, then fallbacks tried only if it does not verify."""
    unsupported: str = ""
    """Why the message cannot be checked (encrypted, OpenPGP), or empty."""
    outside: tuple[str, ...] = ()
    """The parts of the message beside the signed entity (no signature covers them)."""


_ENCRYPTED = _SmimeEntity(
    unsupported="The message is encrypted (S/MIME enveloped data); DPO Desk cannot open it."
)
_OPENPGP = _SmimeEntity(
    unsupported="The message is signed with OpenPGP, which DPO Desk does not verify."
)


def _to_crlf(data: bytes) -> bytes:
    return re.sub(rb"\r?\n", b"\r\n", data)


def _split_entity(raw: bytes) -> tuple[bytes, bytes]:
    if raw.startswith(b"\r\n"):
        return b"", raw[2:]
    end = raw.find(b"\r\n\r\n")
    if end < 0:
        return raw, b""
    return raw[: end + 2], raw[end + 4 :]


def _parse_headers(head: bytes) -> EmailMessage:
    header_block = _to_crlf(head)
    end = header_block.find(b"\r\n\r\n")
    if end >= 0:
        header_block = header_block[: end + 2]
    return BytesHeaderParser(policy=compat32).parsebytes(header_block + b"\r\n")


def _split_multipart(body: bytes, boundary: str) -> list[bytes]:
    """The raw bytes of each body part, exactly as on the wire (RFC 2046 delimiters)."""
    marker = re.escape(boundary.encode("latin-1"))
    delimiter = re.compile(rb"(?:^|\r\n)--" + marker + rb"(--)?[ \t]*(?=\r\n|$)")
    parts: list[bytes] = []
    start: int | None = None
    for match in delimiter.finditer(body):
        if start is not None:
            parts.append(body[start : match.start()])
        if match.group(1):
            return parts
        start = match.end() + 2
    if start is not None and start <= len(body):
        parts.append(body[start:])
    return parts


def _find_smime_entity(raw: bytes, depth: int) -> _SmimeEntity | None:
    """Find the signed entity in a CRLF-canonical MIME entity (top level or nested multipart)."""
    if depth > _MAX_MIME_DEPTH:
        return None
    head, body = _split_entity(raw)
    headers = BytesHeaderParser(policy=compat32).parsebytes(head + b"\r\n")
    content_type = headers.get_content_type()
    if content_type == "multipart/signed":
        protocol = str(headers.get_param("protocol", "") or "").lower()
        if protocol == "application/pgp-signature":
            return _OPENPGP
        boundary = headers.get_boundary()
        if not boundary:
            raise ValueError("a multipart/signed part without a boundary")
        parts = _split_multipart(body, boundary)
        if len(parts) < 2:
            raise ValueError("a multipart/signed part without its two parts")
        signature_part = BytesParser(policy=default_policy).parsebytes(parts[1])
        if signature_part.get_content_type() not in _PKCS7_SIGNATURE_TYPES:
            raise ValueError("the second part of multipart/signed is not a PKCS #7 signature")
        signature = signature_part.get_payload(decode=True)
        if not isinstance(signature, bytes) or not signature:
            raise ValueError("the signature part is empty")
        content = parts[0]
        variants = [content]
        unquoted = re.sub(rb"(?m)^>From ", b"From ", content)  # undo mbox "From " quoting
        if unquoted != content:
            variants.append(unquoted)
        return _SmimeEntity(signature=signature, content_variants=tuple(variants))
    if content_type in _PKCS7_MIME_TYPES:
        smime_type = str(headers.get_param("smime-type", "") or "").lower()
        if smime_type in ("enveloped-data", "authenveloped-data"):
            return _ENCRYPTED
        entity = BytesParser(policy=default_policy).parsebytes(raw)
        payload = entity.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload:
            raise ValueError("the pkcs7-mime part is empty")
        inner_type = _cms_content_type(payload)
        if inner_type in ("enveloped_data", "authenticated_enveloped_data"):
            return _ENCRYPTED
        if inner_type != "signed_data":
            raise ValueError("the pkcs7-mime part holds no signed data")
        return _SmimeEntity(signature=payload)
    if content_type.startswith("multipart/"):
        boundary = headers.get_boundary()
        if not boundary:
            return None
        parts = _split_multipart(body, boundary)
        for index, part in enumerate(parts):
            found = _find_smime_entity(part, depth + 1)
            if found is not None:
                others = [
                    _describe_part(other, number + 1, content_type)
                    for number, other in enumerate(parts)
                    if number != index
                ]
                signed_at = f"part {index + 1} of the {content_type} message"
                outside = tuple(o.replace("{signed}", signed_at) for o in others if o)
                return replace(found, outside=(*outside, *found.outside))
    return None


def _describe_part(raw: bytes, number: int, container: str) -> str:
    """One sentence naming a MIME part no signature covers (empty for a blank preamble part)."""
    head, body = _split_entity(raw)
    if not head.strip() and not body.strip():
        return ""
    try:
        headers = BytesHeaderParser(policy=default_policy).parsebytes(head + b"\r\n")
        content_type = headers.get_content_type()
        filename = headers.get_filename()
    except Exception:
        content_type, filename = "unknown", None
    what = f"part {number} of the {container} message ({content_type}"
    what += f', file "{filename}")' if filename else ")"
    return f"{what[0].upper()}{what[1:]} is outside the signature, which covers only {{signed}}."


def _cms_content_type(payload: bytes) -> str | None:
    try:
        return str(cms.ContentInfo.load(payload)["content_type"].native)
    except Exception:
        return None


def _from_addresses(message: bytes) -> list[str]:
    headers = _parse_headers(message[:262_144])
    values = headers.get_all("From") or []
    return [address for _name, address in getaddresses([str(v) for v in values]) if address]


def _looks_like_email(data: bytes) -> bool:
    head = _to_crlf(data[:65_536])
    first_line = head.split(b"\r\n", 1)[0]
    if first_line.startswith(b"From "):  # an mbox envelope line
        head = head.split(b"\r\n", 1)[1] if b"\r\n" in head else b""
        first_line = head.split(b"\r\n", 1)[0]
    if not _HEADER_LINE.match(first_line):
        return False
    try:
        headers = _parse_headers(head)
    except Exception:
        return False
    return any(key.lower() in _EMAIL_HEADERS for key in headers)


# --- plumbing --------------------------------------------------------------------------------


def _is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def _size_problem(data: bytes, what: str) -> str:
    if len(data) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        return f"The {what} is larger than {limit} MB and was not checked."
    return ""


def _describe(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "its structure is nested too deeply or loops"
    if isinstance(exc, MemoryError):
        return "it is too large to process"
    text = " ".join(str(exc).split()).rstrip(".")
    if len(text) > 160:
        text = text[:157] + "..."
    return text or f"unexpected {type(exc).__name__}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s*\[[A-Za-z_.]+\]$", "", text)  # pyHanko's "[AdESFailure.X]" suffix
    if len(text) > 200:
        text = text[:197] + "..."
    return text if text.endswith(".") else text + "."


_pyhanko_ready = False


def _ensure_pyhanko() -> None:
    """Import pyHanko and keep its logger quiet (it logs full tracebacks for routine failures)."""
    global _pyhanko_ready
    if _pyhanko_ready:
        return
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    import pyhanko.sign.validation  # noqa: F401

    _pyhanko_ready = True


def _run_checks(
    factory: Callable[[], Coroutine[Any, Any, tuple[SignatureCheck, ...]]],
) -> tuple[SignatureCheck, ...]:
    """Run the per-signature checks; a failure outside them still becomes a ``malformed`` check."""
    try:
        return _run_async(factory)
    except Exception as exc:
        return (
            _failed_check("malformed", f"The signature could not be checked: {_describe(exc)}."),
        )


def _run_async(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run pyHanko's coroutines from synchronous code, even when a loop is already running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="dpo-signature") as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()
