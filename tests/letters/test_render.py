"""Rendering: real PDFs read back with pypdf (text, fonts, positions, pages, metadata)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from dpo_desk.core.errors import InvalidInput
from dpo_desk.core.model import ControllerProfile, LetterKind
from dpo_desk.letters import templates as t
from dpo_desk.letters.render import LetterInput, compose_text, geometry, render_letter

from .conftest import SUBJECT_NAME, Run

MakeInput = Callable[..., LetterInput]
KAZAKH_LETTERS = "әғқңөұүһі"


def _png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buf, format="PNG")
    return buf.getvalue()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("language", t.LANGUAGES)
@pytest.mark.parametrize("kind", list(LetterKind), ids=lambda k: k.value)
def test_every_kind_and_language_renders_and_extracts(
    make_input: MakeInput, text_of: Callable[[bytes], str], kind: LetterKind, language: str
) -> None:
    inp = make_input(kind, language)
    pdf = render_letter(inp)
    assert pdf.startswith(b"%PDF-")
    text = _squash(text_of(pdf))
    letter = compose_text(inp)
    assert _squash(letter.subject) in text
    assert "2026-0042" in text
    assert SUBJECT_NAME in text
    # The first sentence of the body (after the salutation) is searchable as written.
    first_sentence = re.split(r"(?<=[.;])\s", letter.paragraphs[1])[0]
    assert _squash(first_sentence) in text
    lowered = text.lower()
    assert all(ch in lowered for ch in KAZAKH_LETTERS)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert t.labels(language).page_label(pages, pages) in text


def test_kazakh_and_kyrgyz_template_text_extracts(
    make_input: MakeInput, text_of: Callable[[bytes], str]
) -> None:
    kk = _squash(text_of(render_letter(make_input(LetterKind.REFUSAL, "kk", jurisdiction="KZ"))))
    assert "Құқықтық негіз: Article 15 of Law No. 58." in kk
    assert "Жасанды интеллект және цифрлық даму министрлігі" in kk
    ky = _squash(text_of(render_letter(make_input(LetterKind.REFUSAL, "ky"))))
    assert "Баш тартуунун себептери" in ky
    assert "Урматтуу Әлия Шаһанқызы Ғабитова!" in ky


def test_fonts_are_embedded_and_no_helvetica_is_referenced(make_input: MakeInput) -> None:
    pdf = render_letter(make_input(LetterKind.ACCESS_RESPONSE, "ru"))
    assert b"Helvetica" not in pdf
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            base = str(font["/BaseFont"])
            seen.add(base.split("+", 1)[-1])
            assert "/ToUnicode" in font
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert seen == {"DejaVuSans", "DejaVuSans-Bold"}


def _recipient_runs(runs: list[Run]) -> list[Run]:
    wanted = (SUBJECT_NAME, "Сәтбаев", "Үшқоңыр", "Қазақстан")
    return [r for r in runs if r.text.startswith(wanted)]


@pytest.mark.parametrize(
    ("paper", "window", "field_top"),
    [("A4", "DIN5008B", 45.0), ("A4", "DIN5008A", 27.0), ("LETTER", "DIN5008B", 45.0)],
)
def test_address_lies_in_the_window(
    make_input: MakeInput,
    runs_of: Callable[..., list[Run]],
    paper: str,
    window: str,
    field_top: float,
) -> None:
    pdf = render_letter(make_input(LetterKind.ACKNOWLEDGEMENT, paper=paper, window=window))
    runs = runs_of(pdf)
    recipient = _recipient_runs(runs)
    assert len(recipient) == 4
    for run in recipient:
        assert 20.0 <= run.x <= 105.0
        # Baselines in the address zone, below the 17.7 mm return-address zone.
        assert field_top + 17.7 + 2.0 <= run.y <= field_top + 45.0
    (ret,) = [r for r in runs if r.text.startswith("INFINITY · 128 Dzerjinsky")]
    assert ret.x >= 20.0 and field_top <= ret.y <= field_top + 17.7
    # Nothing is printed in the fold/punch-mark strip at the left edge.
    assert min(r.x for r in runs) >= 20.0


def test_long_recipient_address_is_shrunk_into_the_window(
    make_input: MakeInput, runs_of: Callable[..., list[Run]]
) -> None:
    address = "\n".join(f"Line {i} of a very long postal address" for i in range(1, 10))
    runs = runs_of(render_letter(make_input(LetterKind.ACKNOWLEDGEMENT, recipient_address=address)))
    lines = [r for r in runs if r.text.startswith("Line ")]
    assert len(lines) == 9
    assert all(62.7 <= r.y <= 90.0 for r in lines)


def test_body_starts_below_the_address_field(
    make_input: MakeInput, runs_of: Callable[..., list[Run]]
) -> None:
    inp = make_input(LetterKind.ACKNOWLEDGEMENT)
    runs = runs_of(render_letter(inp))
    (subject,) = [r for r in runs if r.text.startswith("Your request of 16 November 2026")]
    assert subject.y > geometry().body_top
    assert subject.x == pytest.approx(25.0, abs=0.1)


def test_long_access_response_pages_are_numbered(
    make_input: MakeInput, controller, text_of: Callable[[bytes], str]
) -> None:
    profile = {"categories": "\n".join(f"Category of data number {i}" for i in range(1, 121))}
    for language, label in (("en", "Page {} of {}"), ("ru", "Страница {} из {}")):
        pdf = render_letter(make_input(LetterKind.ACCESS_RESPONSE, language, profile=profile))
        reader = PdfReader(io.BytesIO(pdf))
        pages = len(reader.pages)
        assert pages >= 3
        for number, page in enumerate(reader.pages, start=1):
            assert label.format(number, pages) in page.extract_text()
        text = text_of(pdf)
        assert "Category of data number 120" in text
        # Continuation pages repeat the reference.
        assert "2026-0042" in reader.pages[-1].extract_text()


def test_metadata_has_a_title_and_no_personal_data(make_input: MakeInput) -> None:
    pdf = render_letter(make_input(LetterKind.REFUSAL, "fr"))
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Décision sur votre demande 2026-0042"
    assert meta.author == "INFINITY"
    assert meta.creator == "DPO Desk"
    for value in (meta.title, meta.author, meta.subject):
        assert "Әлия" not in (value or "")
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_us_letter_paper(make_input: MakeInput) -> None:
    pdf = render_letter(make_input(LetterKind.ACKNOWLEDGEMENT, paper="LETTER"))
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_geometry_of_the_windows() -> None:
    b = geometry("A4", "DIN5008B")
    assert (b.address_top, b.address_left, b.address_width) == (45.0, 20.0, 85.0)
    assert b.fold_marks == (105.0, 210.0) and b.punch_mark == pytest.approx(148.5)
    a = geometry("a4", "din5008a")
    assert a.address_top == 27.0 and a.fold_marks == (87.0, 192.0)
    letter = geometry("LETTER")
    assert letter.fold_marks[0] == pytest.approx(279.4 / 3, abs=0.05)


@pytest.mark.parametrize(("paper", "window"), [("A5", "DIN5008B"), ("A4", "C4")])
def test_unknown_paper_or_window_is_refused(make_input: MakeInput, paper: str, window: str) -> None:
    with pytest.raises(InvalidInput):
        render_letter(make_input(LetterKind.ACKNOWLEDGEMENT, paper=paper, window=window))


def test_signature_image_and_logo(
    make_input: MakeInput, controller, text_of: Callable[[bytes], str]
) -> None:
    ctrl = replace(controller, logo=_png(300, 100, (0, 70, 140)))
    inp = make_input(
        LetterKind.ACTION_CONFIRMATION,
        controller=ctrl,
        signature_image=_png(400, 120, (10, 10, 10)),
        signatory_title="Privacy Counsel",
    )
    pdf = render_letter(inp)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages[0].images) == 2
    text = text_of(pdf)
    assert "Aigerim Sadykova" in text and "Privacy Counsel" in text


@pytest.mark.parametrize("field", ["signature_image", "logo"])
def test_unreadable_images_are_refused(make_input: MakeInput, controller, field: str) -> None:
    if field == "logo":
        inp = make_input(LetterKind.REFUSAL, controller=replace(controller, logo=b"not an image"))
    else:
        inp = make_input(LetterKind.REFUSAL, signature_image=b"\x89PNG broken")
    with pytest.raises(InvalidInput, match="not a readable"):
        render_letter(inp)


def test_markup_in_values_is_printed_literally(
    make_input: MakeInput, text_of: Callable[[bytes], str]
) -> None:
    inp = make_input(
        LetterKind.REFUSAL,
        recipient_name="<b>Jane</b> & Co <font size=40>",
        refusal_reasons="A < B & C > D.",
    )
    text = _squash(text_of(render_letter(inp)))
    assert "<b>Jane</b> & Co <font size=40>" in text
    assert "A < B & C > D." in text


def test_body_override_and_enclosures_render(
    make_input: MakeInput, text_of: Callable[[bytes], str]
) -> None:
    inp = make_input(
        LetterKind.ACCESS_RESPONSE,
        body_override="Dear Ms Ғабитова,\n\nHere are your data:\n- first item\n- second item\n\nRegards,",
        enclosures=("Export of the account (CSV)", "Order history 2024-2026 (PDF)"),
    )
    text = _squash(text_of(render_letter(inp)))
    assert "Here are your data:" in text
    assert "first item" in text and "second item" in text
    assert "Enclosures" in text and "Order history 2024-2026 (PDF)" in text


def test_empty_profile_renders(make_input: MakeInput, controller) -> None:
    ctrl = replace(controller, profile=ControllerProfile(), address="", dpo_contact="")
    pdf = render_letter(make_input(LetterKind.ACCESS_RESPONSE, controller=ctrl, enclosures=()))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1


def test_form_a_with_logo_moves_the_dpo_contact_to_the_information_block(
    make_input: MakeInput, controller, runs_of: Callable[..., list[Run]]
) -> None:
    ctrl = replace(controller, logo=_png(300, 100, (0, 70, 140)))
    for window, low, high in (("DIN5008A", 32.0, 77.5), ("DIN5008B", 10.0, 48.0)):
        inp = make_input(LetterKind.ACKNOWLEDGEMENT, controller=ctrl, window=window)
        (dpo,) = [r for r in runs_of(render_letter(inp)) if r.text == "dpo@infinity.example"]
        assert dpo.x == pytest.approx(125.0, abs=0.1)
        assert low <= dpo.y <= high
