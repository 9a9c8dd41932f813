"""A case's identity verification records (how, with what outcome, the destroyed copies) and
the signatures of one signature check."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from dpo_desk.services.records import IdentityRecord

from ..i18n import tr_message  # issue 14: service messages in the UI language
from ..labels import (
    document_type_label,
    format_moment,
    identity_method_label,
    identity_outcome_label,
    revocation_label,
    verdict_label,
)
from .rows import RecordsModel

AnyIndex = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


class VerificationsModel(RecordsModel):
    record_role = RECORD_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Checked"),
            self.tr("How"),
            self.tr("Outcome"),
            self.tr("Document"),
            self.tr("Copies destroyed"),
        )

    def set_records(self, records: tuple[IdentityRecord, ...]) -> None:
        self.set_rows(records)

    def record_at(self, row: int) -> IdentityRecord | None:
        return self.row_item(row)

    def cell(self, record: IdentityRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_moment(record.checked_at)
            if column == 1:
                return identity_method_label(record.method)
            if column == 2:
                return identity_outcome_label(record.outcome)
            if column == 3:
                report = record.signature_report
                if report is not None:
                    return self.tr("Signature: {verdict}").format(
                        verdict=verdict_label(str(report.get("verdict") or ""))
                    )
                if not record.document_type:
                    return "—"
                text = document_type_label(record.document_type)
                if record.document_last4:
                    text += f" ···{record.document_last4}"
                return text
            if column == 4:
                return str(len(record.destroyed)) if record.destroyed else "—"
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and record.destroyed:
            return "\n".join(f"SHA-256 {d.get('sha256', '')}" for d in record.destroyed)
        return None


#: What each signature's column shows, top to bottom.
SIGNATURE_FIELDS = (
    "signer",
    "signing_time",
    "algorithm",
    "intact",
    "valid",
    "trusted",
    "coverage",
    "revocation",
    "status",
)

CHECK_ROLE = Qt.ItemDataRole.UserRole + 2


class SignatureChecksModel(QAbstractTableModel):
    """The signatures of one check (a ``SignatureReport.to_dict()``): a column per signature,
    a row per fact (signer, signing time, algorithm, intact, valid, trusted chain, coverage,
    revocation, result), so that it reads as a sheet and fits a narrow pane."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checks: tuple[dict[str, Any], ...] = ()
        self._kind = ""
        self._titles = (
            self.tr("Signer"),
            self.tr("Signed at"),
            self.tr("Algorithm"),
            self.tr("Intact"),
            self.tr("Valid"),
            self.tr("Trusted chain"),
            self.tr("Coverage"),
            self.tr("Revocation"),
            self.tr("Result"),
        )

    def set_report(self, report: dict[str, Any] | None) -> None:
        self.beginResetModel()
        report = report or {}
        self._kind = str(report.get("kind") or "")
        self._checks = tuple(c for c in report.get("signatures") or () if isinstance(c, dict))
        self.endResetModel()

    def clear(self) -> None:
        self.set_report(None)

    def check_at(self, column: int) -> dict[str, Any] | None:
        return self._checks[column] if 0 <= column < len(self._checks) else None

    def values(self, column: int) -> list[str]:
        """Every fact of one signature, as shown (top to bottom)."""
        check = self.check_at(column)
        return [self.text(check, field) for field in SIGNATURE_FIELDS] if check else []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._checks else len(SIGNATURE_FIELDS)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._checks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        check = self.check_at(section)
        if check is None:
            return None
        title = self.tr("Signature {number}").format(number=section + 1)
        return f"{title} ({check['field']})" if check.get("field") else title

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self.check_at(index.column())
        if check is None or not 0 <= index.row() < len(SIGNATURE_FIELDS):
            return None
        if role == CHECK_ROLE:
            return check
        field = SIGNATURE_FIELDS[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(check, field)
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "signer":
                lines = [str(check.get("signer") or "")]
                if check.get("signer_email"):
                    lines.append(str(check["signer_email"]))
                if check.get("issuer"):
                    lines.append(self.tr("Issued by: {issuer}").format(issuer=check["issuer"]))
                if check.get("certificate_sha256"):
                    lines.append(f"SHA-256 {check['certificate_sha256']}")
                return "\n".join(line for line in lines if line) or None
            return "\n".join(tr_message(p) for p in check.get("problems") or ()) or None
        return None

    def text(self, check: dict[str, Any], field: str) -> str:
        if field == "signer":
            name = str(check.get("signer") or self.tr("unknown"))
            email = str(check.get("signer_email") or "")
            return f"{name} <{email}>" if email and email not in name else name
        if field == "signing_time":
            raw = check.get("signing_time")
            if not raw:
                return "—"
            try:
                return format_moment(datetime.fromisoformat(str(raw)))
            except ValueError:
                return str(raw)
        if field == "algorithm":
            return str(check.get("algorithm") or "—")
        if field in ("intact", "valid", "trusted"):
            return self._yes_no(check.get(field))
        if field == "coverage":
            return self._coverage(check)
        if field == "revocation":
            return revocation_label(str(check.get("revocation") or ""))
        if field == "status":
            return verdict_label(str(check.get("status") or ""))
        return ""

    def _yes_no(self, value: object) -> str:
        if value is True:
            return self.tr("Yes")
        if value is False:
            return self.tr("No")
        return "—"

    def _coverage(self, check: dict[str, Any]) -> str:
        whole = check.get("covers_whole_document")
        modification = check.get("modification")
        if whole is None and modification is None:
            return self.tr("The signed content") if self._kind != "pdf" else "—"
        parts = []
        if whole is True:
            parts.append(self.tr("Whole document"))
        elif whole is False:
            parts.append(self.tr("Part of the document"))
        if modification == "none":
            parts.append(self.tr("no changes after signing"))
        elif modification == "permitted":
            parts.append(self.tr("permitted changes after signing"))
        elif modification == "disallowed":
            parts.append(self.tr("disallowed changes made after signing"))
        return ", ".join(parts)
