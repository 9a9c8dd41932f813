"""Case summaries: every section, the audit anchor, PDF text and fonts, pseudonymisation."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpo_desk.casefile.audit import Anchor
from dpo_desk.core.errors import InvalidInput, NotFound
from dpo_desk.core.model import ClockEventKind
from dpo_desk.reports import build_case_summary, export_case_summary

from .conftest import ID_SCAN, TODAY, make_rich_case

SECTIONS = {
    "document",
    "schema",
    "generated_at",
    "as_of",
    "case_file",
    "audit_anchor",
    "pseudonymised",
    "case",
    "controller",
    "subject",
    "deadlines",
    "pauses_and_extensions",
    "identity_checks",
    "identity_note",
    "letters",
    "correspondence",
    "attachments",
    "notes",
    "audit_events",
}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_json_summary_has_every_section_and_a_verifiable_anchor(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    out = tmp_path / "summary.json"
    result = export_case_summary(cf, rich.case.reference, out, TODAY)
    data = json.loads(out.read_text(encoding="utf-8"))

    assert set(data) == SECTIONS
    assert result.format == "json" and result.cases == 1
    # the anchor in the summary is the head before the export's own event, and it verifies
    anchor = Anchor.parse(data["audit_anchor"]["anchor"])
    assert anchor is not None and anchor == result.anchor
    report = cf.verify_audit(anchor)
    assert report.ok and report.anchor_checked
    assert cf.head().seq == anchor.seq + 1
    assert data["audit_anchor"]["verify"].endswith(f"audit verify --anchor {anchor.text()}")
    # a rebuilt chain is caught against the anchor the summary carries
    forged = Anchor(anchor.seq, "0" * 64)
    assert not cf.verify_audit(forged).ok

    assert data["case"]["reference"] == rich.case.reference
    assert data["case"]["kinds"] == ["access", "consent_withdrawal"]
    assert data["case"]["channel"] == "post" and data["case"]["received"] == "2026-02-02"
    assert data["controller"]["name"] == "ООО «Фоновая музыка»"
    assert data["subject"]["name"] == rich.name and data["subject"]["email"] == rich.email

    deadlines = data["deadlines"]["deadlines"]
    assert {(d["jurisdiction"], d["kind"]) for d in deadlines} == {
        ("RU", "access"),
        ("RU", "consent_withdrawal"),
    }
    for d in deadlines:
        assert d["citation"].startswith("152-FZ")
        assert isinstance(d["statutory"], bool) and d["target"] in ("statutory", "internal target")
    assert data["deadlines"]["governing"]["due"] == min(d["due"] for d in deadlines)
    assert data["deadlines"]["status"]["state"] in ("upcoming", "due_today", "overdue")

    assert [e["kind"] for e in data["pauses_and_extensions"]] == [
        "identity_requested",
        "identity_received",
    ]
    [check] = data["identity_checks"]
    assert check["outcome"] == "verified" and check["method"] == "paper_checklist"
    assert check["document_last4"] == "4821"
    assert check["destroyed"][0]["sha256"] == rich.id_copy_sha256
    [letter] = data["letters"]
    assert letter["sha256"] == rich.letter_sha256
    assert letter["sent_on"] == "2026-02-11" and letter["channel"] == "registered_post"
    assert letter["registered_no"] == "RR123456789KZ"
    assert "text" not in letter
    [note] = data["notes"]
    assert rich.name in note["text"]
    actions = [e["action"] for e in data["audit_events"]]
    assert actions[0] == "case.created"
    assert {
        "identity.checked",
        "letter.finalised",
        "letter.sent",
        "attachment.destroyed",
        "note.added",
        "deadline.event",
    } <= set(actions)
    assert all(e["seq"] <= anchor.seq for e in data["audit_events"])


def test_summary_never_contains_the_id_copy(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    for name in ("s.json", "s.pdf"):
        export_case_summary(cf, rich.case.id, tmp_path / name, TODAY)
        raw = (tmp_path / name).read_bytes()
        assert ID_SCAN not in raw and b"UNIQUE-ID-COPY" not in raw
    data = json.loads((tmp_path / "s.json").read_bytes())
    [attachment] = data["attachments"]
    assert attachment["role"] == "id_document" and attachment["destroyed_at"]
    assert set(attachment) == {
        "id",
        "role",
        "filename",
        "media_type",
        "size",
        "sha256",
        "added_at",
        "destroyed_at",
    }


def test_pdf_summary_extracts_cyrillic_citations_and_pages(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    result = export_case_summary(cf, rich.case.id, tmp_path / "summary.pdf", TODAY)
    raw = (tmp_path / "summary.pdf").read_bytes()
    assert raw.startswith(b"%PDF") and result.size == len(raw)
    text = flat(pdf_text(raw))
    assert f"Case summary {rich.case.reference}" in text
    assert rich.name in text
    assert "ООО «Фоновая музыка»" in text
    assert "152-FZ Art. 20(1)" in text
    assert "тридцати" in text  # the RU consent-withdrawal citation quotes the law in Russian
    assert "statutory deadline" in text
    assert rich.letter_sha256 in text.replace(" ", "")
    assert result.anchor is not None and result.anchor.text() in text.replace(" ", "")
    pages = len(PdfReader(io.BytesIO(raw)).pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_pdf_fonts_are_embedded_and_no_helvetica_is_referenced(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    export_case_summary(cf, rich.case.id, tmp_path / "summary.pdf", TODAY)
    reader = PdfReader(tmp_path / "summary.pdf")
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert names and all("DejaVuSans" in n for n in names)
    assert b"Helvetica" not in (tmp_path / "summary.pdf").read_bytes()


@pytest.mark.parametrize("suffix", ["json", "pdf"])
def test_pseudonymised_summary_holds_no_identifier(cf, tmp_path: Path, suffix: str) -> None:
    rich = make_rich_case(cf)
    out = tmp_path / f"p.{suffix}"
    result = export_case_summary(cf, rich.case.id, out, TODAY, pseudonymise=True)
    raw = out.read_bytes()
    text = raw.decode("utf-8") if suffix == "json" else flat(pdf_text(raw))
    assert result.pseudonymised
    identifiers = [
        rich.name,
        *rich.name.split(),
        rich.email,
        "gulnar",
        rich.phone,
        rich.account,
        "050000 Алматы",
        "4821",
    ]
    for identifier in identifiers:
        assert identifier.encode("utf-8") not in raw
        assert identifier.lower() not in text.lower()
    assert "Subject " in text
    if suffix == "json":
        data = json.loads(raw)
        assert set(data["subject"]) == {"pseudonym", "note"}
        assert data["notes"][0]["text"].startswith(f"Phoned {data['subject']['pseudonym']}")


def test_unknown_case_and_extension_are_clear_errors(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    with pytest.raises(NotFound, match="2031-0001"):
        export_case_summary(cf, "2031-0001", tmp_path / "s.pdf", TODAY)
    with pytest.raises(InvalidInput, match=r"\.pdf, \.json"):
        export_case_summary(cf, rich.case.id, tmp_path / "s.docx", TODAY)
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".partial")]


def test_summary_of_a_demo_case_renders_every_case(demo_cf) -> None:
    rows = demo_cf.cases.list()
    for row in rows:
        summary = build_case_summary(demo_cf, row.id, TODAY)
        assert summary.data["case"]["reference"] == row.reference
        assert summary.data["deadlines"]["error"] is None


def test_a_pasted_email_in_a_note_breaks_across_pages_whole(cf, tmp_path: Path) -> None:
    """A note longer than a page (a pasted e-mail) is printed whole over several pages; a clock
    event note that long is cut in its table cell with a pointer to the JSON summary."""
    rich = make_rich_case(cf)
    lines = [
        f"Line {i:03d} of the pasted message: the subject asks again for the data."
        for i in range(400)
    ]
    pasted = "\n".join(lines[:200]) + "\n\n" + "\n".join(lines[200:])
    cf.cases.add_note(rich.case.id, pasted)
    cf.cases.add_clock_event(
        rich.case.id, ClockEventKind.CLARIFICATION_REQUESTED, TODAY, "x" * 5000
    )
    export_case_summary(cf, rich.case.id, tmp_path / "summary.pdf", TODAY)
    raw = (tmp_path / "summary.pdf").read_bytes()
    text = flat(pdf_text(raw))
    assert "Line 000 of the pasted message" in text and "Line 399 of the pasted message" in text
    assert "3500 more characters in the JSON summary" in text
    assert len(PdfReader(io.BytesIO(raw)).pages) >= 4
    summary = json.loads(
        export_case_summary(cf, rich.case.id, tmp_path / "summary.json", TODAY).path.read_text()
    )
    assert pasted in [n["text"] for n in summary["notes"]]
