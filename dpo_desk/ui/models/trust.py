"""The trust store: the certificates the DPO imported to anchor signature checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from dpo_desk.services.records import TrustedCert

from ..labels import format_date
from .rows import RecordsModel

CERT_ROLE = Qt.ItemDataRole.UserRole + 1


def fingerprint(sha256: str) -> str:
    """``AB:CD:…`` — how certificate viewers and authorities print a fingerprint."""
    digest = sha256.upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _valid_until(not_after: str | None) -> str:
    try:
        return format_date(date.fromisoformat((not_after or "")[:10]))
    except ValueError:
        return not_after or "—"


def common_name(name: str) -> str:
    """The common name of a distinguished name as the trust store keeps it
    (``"Common Name: Root CA, Country: KZ"`` -> ``"Root CA"``); else the whole name."""
    for part in name.split(", "):
        key, _, value = part.partition(": ")
        if key == "Common Name" and value:
            return value
    return name


class TrustModel(RecordsModel):
    record_role = CERT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Subject"),
            self.tr("Issuer"),
            self.tr("Valid until"),
            self.tr("Fingerprint (SHA-256)"),
            self.tr("Added"),
        )

    def set_certs(self, certs: list[TrustedCert] | tuple[TrustedCert, ...]) -> None:
        self.set_rows(certs)

    def cert_at(self, row: int) -> TrustedCert | None:
        return self.row_item(row)

    def cell(self, cert: TrustedCert, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return common_name(cert.subject)
            if column == 1:
                if cert.issuer == cert.subject:
                    return self.tr("itself (a root)")
                return common_name(cert.issuer)
            if column == 2:
                return _valid_until(cert.not_after)
            if column == 3:
                return fingerprint(cert.sha256)[:23] + "…"
            if column == 4:
                return format_date(cert.added_at.astimezone().date())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return cert.subject
            if column == 1:
                return cert.issuer
            if column == 3:
                return fingerprint(cert.sha256)
        return None
