"""The audit chain: every change is an event whose hash covers the previous hash.

``hash = sha256(prev_hash + canonical JSON of {seq, at, actor, action, case_id, data})``.
The first event's ``prev_hash`` is 64 zeros. Rows are written in the same transaction as the
change they record; triggers forbid UPDATE and DELETE. Because someone with the key could
still rebuild a consistent chain or cut its tail, the head (seq and hash) is also kept outside
the file — in the keyring, in every backup's record and in exported summaries — and
``verify_chain`` checks the chain against such an anchor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    case_id: int | None,
    data: Mapping[str, Any],
) -> str:
    body = canonical_json(
        {"seq": seq, "at": at, "actor": actor, "action": action, "case_id": case_id, "data": data}
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor | None:
        try:
            seq, digest = text.strip().split(":", 1)
            if len(digest) != 64:
                return None
            return cls(int(seq), digest)
        except (ValueError, AttributeError):
            return None


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    head: Anchor | None
    first_broken: int | None = None  # seq of the first bad link (or position where one is missing)
    problem: str = ""
    anchor_checked: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "head_seq": self.head.seq if self.head else 0,
            "head_hash": self.head.hash if self.head else GENESIS,
            "first_broken": self.first_broken,
            "problem": self.problem,
            "anchor_checked": self.anchor_checked,
        }


def verify_rows(rows: Iterable[Mapping[str, Any]], anchor: Anchor | None = None) -> ChainReport:
    """Walk the chain in storage order; report the first broken link.

    Detects an edited row (its hash no longer matches), a deleted or inserted row (the next
    link's ``prev_hash`` or the sequence breaks), reordering, and — against an anchor — a cut
    tail or a rebuilt chain.
    """
    prev = GENESIS
    expected_seq = 1
    count = 0
    hashes_at_anchor: str | None = None
    for row in rows:
        count += 1
        seq = int(row["seq"])
        if seq != expected_seq:
            return ChainReport(
                False,
                count,
                None,
                expected_seq,
                f"event {expected_seq} is missing or out of order (found {seq})",
            )
        if row["prev_hash"] != prev:
            return ChainReport(
                False, count, None, seq, f"event {seq} does not link to the event before it"
            )
        try:
            data = json.loads(row["data"]) if isinstance(row["data"], str) else row["data"]
        except ValueError:
            return ChainReport(False, count, None, seq, f"event {seq} has unreadable data")
        digest = event_hash(prev, seq, row["at"], row["actor"], row["action"], row["case_id"], data)
        if digest != row["hash"]:
            return ChainReport(
                False, count, None, seq, f"event {seq} was changed after it was written"
            )
        if anchor is not None and seq == anchor.seq:
            hashes_at_anchor = digest
        prev = digest
        expected_seq += 1
    head = Anchor(expected_seq - 1, prev) if count else None
    if anchor is not None and anchor.seq > 0:
        if count < anchor.seq:
            return ChainReport(
                False,
                count,
                head,
                count + 1,
                f"the log ends at event {count} but was known to reach event {anchor.seq}: "
                "events were cut off",
                anchor_checked=True,
            )
        if hashes_at_anchor != anchor.hash:
            return ChainReport(
                False,
                count,
                head,
                anchor.seq,
                f"event {anchor.seq} differs from the copy kept outside the file: "
                "the log was rebuilt",
                anchor_checked=True,
            )
    return ChainReport(True, count, head, anchor_checked=anchor is not None and anchor.seq > 0)
