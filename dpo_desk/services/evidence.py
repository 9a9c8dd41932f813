"""Evidence the DPO can stand behind (issue 20): the audit chain, the data under it, anchors.

One place decides what ``audit verify``, ``audit anchor``, ``check`` and the window say:

- :func:`verify` walks the chain (against an anchor) and, with ``deep``, recomputes every audited
  row's hash and compares it with its last audited state (``casefile.audit.verify_data``);
- :func:`anchor` gives the one line a DPO can write down or send to themselves;
- :func:`parse_anchor` reads an anchor from a line (``SEQ:HASH``, the whole ``audit anchor``
  line, a summary's footer) or from a file holding one.

What each anchor proves, and against whom, is in ``docs/reliability.md`` ("Audit anchors").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dpo_desk.casefile import keys as keystore
from dpo_desk.casefile.audit import (
    Anchor,
    ChainReport,
    DataReport,
    anchor_line,
    read_anchor_file,
    verify_data,
)
from dpo_desk.core.errors import InvalidInput

if TYPE_CHECKING:
    from dpo_desk.casefile import CaseFile

#: Where the anchor a check used came from. Only "given" can be held away from this computer.
SOURCES = ("given", "keyring", "anchor file", "none")


@dataclass(frozen=True)
class AnchorInfo:
    file_id: str
    anchor: Anchor | None
    line: str  # what the DPO writes down

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "seq": self.anchor.seq if self.anchor else 0,
            "hash": self.anchor.hash if self.anchor else None,
            "short": self.anchor.short() if self.anchor else None,
            "line": self.line,
        }


@dataclass(frozen=True)
class EvidenceReport:
    chain: ChainReport
    anchor: Anchor | None
    anchor_source: str  # one of SOURCES
    data: DataReport | None  # None unless deep

    @property
    def ok(self) -> bool:
        return self.chain.ok and (self.data is None or self.data.ok)

    @property
    def held_elsewhere(self) -> bool:
        """Whether the anchor could be out of reach of whoever holds the key on this computer."""
        return self.anchor_source == "given"

    def to_dict(self) -> dict[str, Any]:
        out = self.chain.to_dict()
        out.update(
            {
                "ok": self.ok,
                "chain_ok": self.chain.ok,
                "anchor": self.anchor.text() if self.anchor else None,
                "anchor_source": self.anchor_source,
                "anchor_held_elsewhere": self.held_elsewhere,
                "data": self.data.to_dict() if self.data is not None else None,
            }
        )
        return out

    def lines(self) -> list[str]:
        """The verdict in plain words (no row content, only tables, row ids and references)."""
        out: list[str] = []
        c = self.chain
        if c.ok:
            head = f"{c.head.seq}:{c.head.hash[:16]}…" if c.head else "0"
            text = f"Audit chain intact: {c.events} events, head {head}"
            if c.anchor_checked:
                text += {
                    "given": " (checked against the anchor given)",
                    "keyring": " (checked against the keyring's anchor, on this computer)",
                    "anchor file": " (checked against the anchor file, on this computer)",
                }.get(self.anchor_source, "")
            else:
                text += " (no anchor: a cut-off tail or a rebuilt chain would not show)"
            out.append(text + ".")
        else:
            out.append(f"Audit chain BROKEN at event {c.first_broken}: {c.problem}.")
        if self.data is not None:
            d = self.data
            if not d.covered:
                out.append("The audit trail of this file does not record row hashes yet.")
            elif d.ok:
                out.append(f"Data under the chain: {d.rows_checked} rows match their last event.")
            else:
                out.append(f"Data under the chain: {len(d.findings)} rows differ:")
                out.extend(f"  {f.describe()}" for f in d.findings)
        return out


def parse_anchor(text: str) -> Anchor:
    """An anchor from ``--anchor``: a line (``SEQ:HASH``, at least 16 hex digits, or a whole
    ``dpo-desk audit anchor`` line) or the path of a file holding one."""
    value = (text or "").strip()
    candidate = Path(value).expanduser() if value and len(value) < 4096 else None
    if candidate is not None and candidate.is_file():
        try:
            content = candidate.read_text(encoding="utf-8", errors="replace")[:100_000]
        except OSError as exc:
            raise InvalidInput(
                f"The anchor file {candidate.name} cannot be read ({exc.strerror})."
            ) from None
        found = Anchor.find(content)
        if found is None:
            raise InvalidInput(f"The file {candidate.name} holds no audit anchor (SEQ:HASH).")
        return found
    found = Anchor.find(value)
    if found is None:
        raise InvalidInput(
            "--anchor takes SEQ:HASH (at least 16 hex digits), a line printed by "
            "`dpo-desk audit anchor`, or a file holding one."
        )
    return found


def stored_anchor(cf: CaseFile) -> tuple[Anchor | None, str]:
    text = keystore.get_anchor(cf.file_id)
    parsed = Anchor.parse(text) if text else None
    if parsed is not None:
        return parsed, "keyring"
    from_file = read_anchor_file(cf.file_id)
    if from_file is not None:
        return from_file, "anchor file"
    return None, "none"


def verify(cf: CaseFile, *, anchor: Anchor | None = None, deep: bool = False) -> EvidenceReport:
    """The chain against ``anchor`` (or the one kept on this computer) and, if ``deep``, the
    data under it."""
    source = "given"
    if anchor is None:
        anchor, source = stored_anchor(cf)
    chain = cf.verify_audit(anchor)
    data = verify_data(cf.db) if deep else None
    return EvidenceReport(chain, anchor, source, data)


def anchor(cf: CaseFile) -> AnchorInfo:
    """The chain's head as one line to write down (it verifies with ``audit verify --anchor``)."""
    head = cf.head()
    at = cf.clock().date().isoformat()
    if head is None:
        return AnchorInfo(
            cf.file_id, None, f"DPO Desk audit anchor: file {cf.file_id[:8]} is empty"
        )
    short = Anchor(head.seq, head.hash[:20])
    return AnchorInfo(cf.file_id, head, anchor_line(cf.file_id, short, at))


def footer_reference(head: Anchor | None) -> str:
    """The short reference printed on letters and exports: the chain's head when written."""
    return f"Audit {head.short()}" if head else ""
