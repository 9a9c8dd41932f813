"""National trust lists, read from a file the DPO downloads (never fetched over the network).

- **Russia**: the list of accredited certification centres that the Ministry of Digital
  Development publishes as XML (root ``АккредитованныеУдостоверяющиеЦентры``, with ``Версия``,
  ``Дата`` and one ``УдостоверяющийЦентр`` per centre: ``Название``, ``КраткоеНазвание``, ``ИНН``,
  ``ОГРН``, ``СтатусАккредитации/Статус``, and under ``ПрограммноАппаратныеКомплексы/
  ПрограммноАппаратныйКомплекс/КлючиУполномоченныхЛиц/Ключ/Сертификаты/ДанныеСертификата`` the
  CA certificates: ``Отпечаток`` (SHA-1), ``КемВыдан``, ``КомуВыдан``, ``СерийныйНомер``,
  ``ПериодДействияС``, ``ПериодДействияДо``, ``Данные`` (base64 DER)). Only centres whose
  accreditation is in force (``Действует``) and certificates valid today are taken; the list's own
  XML signature is **not** verified (the DPO vouches for where the file came from).
  Accredited centres issue qualified certificates (Federal Law No. 63-FZ of 6 April 2011
  "On electronic signature", Art. 16 on accreditation; Art. 17 on the qualified certificate), so
  their certificates are marked ``qualified``.
- **Kazakhstan**: the National Certification Authority's root and intermediate certificates
  (RSA and GOST), as a certificate file, a folder or a zip of PEM/DER/CER files. Kazakh law
  (Law No. 370-II of 7 January 2003 "On electronic document and electronic digital signature")
  has no "qualified" category like Russia's or the EU's, so these are not marked qualified; the
  point is flagged for legal review.

Pure functions on bytes: no case file, no Qt, no temporary files.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Final
from xml.etree import ElementTree

from asn1crypto import x509 as asn1_x509

from dpo_desk.core.errors import InvalidInput

__all__ = [
    "KZ_REVIEW_NOTE",
    "RU_REVIEW_NOTE",
    "ListedCertificate",
    "TrustList",
    "read_kazakh_certificates",
    "read_russian_tsl",
    "read_trust_list",
]

MAX_LIST_BYTES: Final = 100 * 1024 * 1024
MAX_ZIP_MEMBERS: Final = 500
MAX_MEMBER_BYTES: Final = 1024 * 1024

RU_ROOT: Final = "АккредитованныеУдостоверяющиеЦентры"
RU_ACTIVE: Final = "Действует"
CERT_SUFFIXES: Final = (".cer", ".crt", ".pem", ".der")

RU_REVIEW_NOTE: Final = (
    "Marked qualified because the centre is accredited in the ministry's list (63-FZ Art. 16-17); "
    "the list's own XML signature is not verified."
)
KZ_REVIEW_NOTE: Final = (
    "Kazakh law (Law No. 370-II of 7 January 2003) has no 'qualified' category, so an NCA RK "
    "certificate is not marked qualified."
)


@dataclass(frozen=True)
class ListedCertificate:
    """One trust anchor from a list."""

    der: bytes
    certificate: asn1_x509.Certificate
    authority: str
    """The certification centre that the list names for it (or the certificate's subject)."""
    qualified: bool
    review_note: str


@dataclass(frozen=True)
class TrustList:
    kind: str
    """``ru-tsl`` (the Russian list of accredited centres) or ``kz-nca`` (Kazakh NCA certificates)."""
    title: str
    """What the DPO sees as the source, e.g. "Russian list of accredited CAs, version 812"."""
    version: str | None
    issued: str | None
    certificates: tuple[ListedCertificate, ...]
    skipped: tuple[str, ...] = field(default=())
    """One sentence per certificate or centre left out, and why."""


def read_trust_list(data: bytes, filename: str = "", today: date | None = None) -> TrustList:
    """Read a Russian TSL (XML) or Kazakh NCA certificates (certificate file or zip)."""
    day = today or datetime.now(UTC).date()
    if len(data) > MAX_LIST_BYTES:
        raise InvalidInput("The trust list is larger than 100 MB.")
    if not data.strip():
        raise InvalidInput("The trust list file is empty.")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or RU_ROOT.encode() in data[:65536]:
        return read_russian_tsl(data, day)
    if data[:4] == b"PK\x03\x04":
        return read_kazakh_certificates(_zip_members(data), day)
    return read_kazakh_certificates([(filename or "certificate", data)], day)


# --- Russia --------------------------------------------------------------------------------------


def read_russian_tsl(data: bytes, today: date) -> TrustList:
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise InvalidInput("The trust list declares a DTD or entities, which is not accepted.")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InvalidInput(f"The trust list is not well-formed XML ({exc}).") from None
    if _local(root.tag) != RU_ROOT:
        raise InvalidInput(
            "The XML file is not the list of accredited certification centres "
            f"(its root element is {_local(root.tag)!r}, not {RU_ROOT!r})."
        )
    version = _text(root, "Версия")
    issued = _text(root, "Дата")
    certificates: list[ListedCertificate] = []
    skipped: list[str] = []
    seen: set[bytes] = set()
    for centre in _children(root, "УдостоверяющийЦентр"):
        name = _text(centre, "КраткоеНазвание") or _text(centre, "Название") or "(no name)"
        status_element = _child(centre, "СтатусАккредитации")
        status = _text(status_element, "Статус") if status_element is not None else None
        entries = _descendants(centre, "ДанныеСертификата")
        if status != RU_ACTIVE:
            if entries:
                skipped.append(
                    f"{name}: accreditation is {status or 'not stated'}, "
                    f"{len(entries)} certificate(s) left out."
                )
            continue
        for entry in entries:
            listed, problem = _ru_certificate(entry, name, today)
            if problem:
                skipped.append(f"{name}: {problem}")
            elif listed is not None and listed.der not in seen:
                seen.add(listed.der)
                certificates.append(listed)
    if not certificates and not skipped:
        raise InvalidInput("The list of accredited certification centres holds no certificate.")
    title = "Russian list of accredited certification centres"
    if version:
        title += f", version {version}"
    if issued:
        title += f" of {issued[:10]}"
    return TrustList("ru-tsl", title, version, issued, tuple(certificates), tuple(skipped))


def _ru_certificate(
    entry: ElementTree.Element, centre: str, today: date
) -> tuple[ListedCertificate | None, str | None]:
    from .signatures import load_certificates

    encoded = _text(entry, "Данные") or ""
    try:
        der = base64.b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        return None, "a certificate's data is not base64."
    try:
        (cert,) = load_certificates(der)
    except (InvalidInput, ValueError):
        return None, "a certificate in the list is unreadable."
    thumbprint = (_text(entry, "Отпечаток") or "").replace(" ", "").lower()
    if thumbprint and thumbprint != hashlib.sha1(der).hexdigest():  # noqa: S324 (the list's id)
        return None, "a certificate does not match its thumbprint in the list."
    if problem := _dates_problem(cert, today):
        return None, problem
    return ListedCertificate(der, cert, centre, True, RU_REVIEW_NOTE), None


# --- Kazakhstan ----------------------------------------------------------------------------------


def read_kazakh_certificates(files: list[tuple[str, bytes]], today: date) -> TrustList:
    """The NCA RK root and intermediate certificates from certificate files (one or several)."""
    from .signatures import load_certificates

    certificates: list[ListedCertificate] = []
    skipped: list[str] = []
    seen: set[bytes] = set()
    for name, data in files:
        try:
            certs = load_certificates(data)
        except InvalidInput:
            skipped.append(f"{name}: not a certificate.")
            continue
        for cert in certs:
            der = cert.dump()
            if der in seen:
                continue
            seen.add(der)
            if _country(cert) != "KZ":
                skipped.append(
                    f"{name}: {_subject(cert)} is not a Kazakh certificate "
                    "(use 'trust import' for other certificates)."
                )
                continue
            if problem := _dates_problem(cert, today):
                skipped.append(f"{name}: {problem}")
                continue
            certificates.append(ListedCertificate(der, cert, _subject(cert), False, KZ_REVIEW_NOTE))
    if not certificates:
        detail = f" ({skipped[0]})" if skipped else ""
        raise InvalidInput(
            "The file is neither the Russian list of accredited certification centres nor "
            f"Kazakh NCA certificates{detail}."
        )
    title = "Kazakhstan NCA root and intermediate certificates"
    return TrustList("kz-nca", title, None, None, tuple(certificates), tuple(skipped))


def _zip_members(data: bytes) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and info.filename.lower().endswith(CERT_SUFFIXES)
        ]
        if len(members) > MAX_ZIP_MEMBERS:
            raise InvalidInput("The zip file holds an implausible number of certificates.")
        files = []
        for info in members:
            if info.file_size > MAX_MEMBER_BYTES:
                raise InvalidInput(
                    f"{info.filename} in the zip file is too large for a certificate."
                )
            with archive.open(info) as member:
                files.append((info.filename, member.read(MAX_MEMBER_BYTES + 1)[:MAX_MEMBER_BYTES]))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise InvalidInput(f"The zip file cannot be read ({exc}).") from None
    if not files:
        raise InvalidInput("The zip file holds no certificate (.cer, .crt, .pem or .der).")
    return files


# --- helpers -------------------------------------------------------------------------------------


def _dates_problem(cert: asn1_x509.Certificate, today: date) -> str | None:
    validity = cert["tbs_certificate"]["validity"]
    not_after = validity["not_after"].native
    not_before = validity["not_before"].native
    if not_after.date() < today:
        return f"{_subject(cert)} expired on {not_after.date().isoformat()}; left out."
    if not_before.date() > today:
        return f"{_subject(cert)} is not valid before {not_before.date().isoformat()}; left out."
    return None


def _subject(cert: asn1_x509.Certificate) -> str:
    try:
        return str(cert.subject.human_friendly)
    except Exception:
        return "(unreadable name)"


def _country(cert: asn1_x509.Certificate) -> str | None:
    try:
        value = cert.subject.native.get("country_name")
    except Exception:
        return None
    return str(value).upper() if value else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if _local(child.tag) == name]


def _child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    return next(iter(_children(element, name)), None)


def _descendants(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [node for node in element.iter() if _local(node.tag) == name]


def _text(element: ElementTree.Element | None, name: str) -> str | None:
    if element is None:
        return None
    child = _child(element, name)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None
