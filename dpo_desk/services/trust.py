"""The trust store's rules: what a trusted certificate is, where it came from, and importing
national trust lists (the Russian list of accredited certification centres, Kazakhstan's NCA
certificates). The window and the command line both call these.

- A list is imported all or none, in one transaction; each anchor records its source (``manual``,
  ``ru-tsl``, ``kz-nca``), which list and version (``source_detail``), when (``imported_at``),
  whether it issues qualified certificates, and a note where the law needs a lawyer's review.
- A certificate already trusted keeps its id and date; importing it from a list records the list
  as its source.
- Nothing is fetched over the network: the DPO downloads the list and gives the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from dpo_desk.casefile import CaseFile
from dpo_desk.casefile.records import TrustedCert
from dpo_desk.core.errors import InvalidInput
from dpo_desk.identity.service import trusted_to_dict
from dpo_desk.identity.trustlists import CERT_SUFFIXES, MAX_LIST_BYTES, TrustList, read_trust_list

__all__ = [
    "SOURCE_LABELS",
    "ListImport",
    "anchor_to_dict",
    "import_list",
    "import_list_path",
    "list_anchors",
]

SOURCE_LABELS: Final = {
    "manual": "imported by hand",
    "ru-tsl": "Russian list of accredited certification centres",
    "kz-nca": "Kazakhstan NCA",
}
MAX_FOLDER_FILES: Final = 500


@dataclass(frozen=True)
class ListImport:
    """What importing one trust list did."""

    kind: str
    title: str
    added: tuple[TrustedCert, ...]
    updated: tuple[TrustedCert, ...]
    """Already trusted; now recorded as coming from this list."""
    unchanged: int
    skipped: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source": self.title,
            "added": [anchor_to_dict(cert) for cert in self.added],
            "updated": [anchor_to_dict(cert) for cert in self.updated],
            "unchanged": self.unchanged,
            "skipped": list(self.skipped),
        }

    def summary(self) -> str:
        text = (
            f"{self.title}: {len(self.added)} certificate(s) added, {len(self.updated)} updated, "
            f"{self.unchanged} already trusted"
        )
        if self.skipped:
            text += f", {len(self.skipped)} left out"
        return text + "."


def anchor_to_dict(cert: TrustedCert) -> dict[str, Any]:
    """The trust-store entry as the command line's JSON and the window show it."""
    return {
        **trusted_to_dict(cert),
        "source_label": SOURCE_LABELS.get(cert.source, cert.source),
        "needs_legal_review": bool(cert.review_note),
        "review_note": cert.review_note,
    }


def list_anchors(cf: CaseFile) -> list[TrustedCert]:
    return cf.trust.list()


def import_list_path(cf: CaseFile, path: Path, today: date) -> ListImport:
    """Import a trust list from a file (XML, zip, certificate) or a folder of certificates."""
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CERT_SUFFIXES
        )
        if not files:
            raise InvalidInput(f"The folder {path.name} holds no certificate (.cer, .crt, .pem).")
        if len(files) > MAX_FOLDER_FILES:
            raise InvalidInput(f"The folder {path.name} holds an implausible number of files.")
        from dpo_desk.identity.trustlists import read_kazakh_certificates

        members = [(p.name, _read(p, 1024 * 1024)) for p in files]
        return _store(cf, read_kazakh_certificates(members, today))
    return import_list(cf, _read(path, MAX_LIST_BYTES), path.name, today)


def import_list(cf: CaseFile, data: bytes, filename: str, today: date) -> ListImport:
    """Import the anchors of one trust list (bytes of the file the DPO downloaded)."""
    return _store(cf, read_trust_list(data, filename, today))


def _store(cf: CaseFile, trust_list: TrustList) -> ListImport:
    from dpo_desk.identity.service import _dn, _validity

    known = {cert.sha256: cert for cert in cf.trust.list()}
    added: list[TrustedCert] = []
    updated: list[TrustedCert] = []
    unchanged = 0
    with cf.transaction():
        for listed in trust_list.certificates:
            cert = listed.certificate
            not_after = _validity(cert, "not_after")
            stored = cf.trust.add(
                listed.der,
                subject=_dn(cert.subject),
                issuer=_dn(cert.issuer),
                not_after=not_after.isoformat() if not_after else None,
                source=trust_list.kind,
                source_detail=trust_list.title,
                qualified=listed.qualified,
                review_note=listed.review_note,
            )
            before = known.get(stored.sha256)
            if before is None:
                added.append(stored)
            elif (before.source, before.source_detail, before.qualified) != (
                trust_list.kind,
                trust_list.title,
                listed.qualified,
            ):
                updated.append(
                    cf.trust.set_source(
                        stored.id,
                        source=trust_list.kind,
                        source_detail=trust_list.title,
                        qualified=listed.qualified,
                        review_note=listed.review_note,
                    )
                )
            else:
                unchanged += 1
            known[stored.sha256] = stored
    return ListImport(
        trust_list.kind,
        trust_list.title,
        tuple(added),
        tuple(updated),
        unchanged,
        trust_list.skipped,
    )


def _read(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InvalidInput(f"{path.name} cannot be read: {exc.strerror}.") from None
    if len(data) > limit:
        raise InvalidInput(f"{path.name} is too large for a trust list.")
    return data
