"""Postal scans: allow-list by content, sizes, bombs, truncation, pages."""

from __future__ import annotations

import time

import pytest

from dpo_desk.core.errors import ImportRejected
from dpo_desk.intake.scans import ScanInfo, ScanLimits, check_scan, sniff_media_type
from tests.intake.intake_builders import image_bytes, pdf_bytes, png_header_only


@pytest.mark.parametrize(
    ("fmt", "name", "media_type"),
    [
        ("PNG", "scan.png", "image/png"),
        ("JPEG", "scan.JPG", "image/jpeg"),
        ("TIFF", "scan.tif", "image/tiff"),
    ],
)
def test_images_are_accepted_and_described(fmt, name, media_type):
    info = check_scan(image_bytes(fmt, (64, 48)), name)
    assert info == ScanInfo(media_type=media_type, pages=1, width=64, height=48)


def test_multi_page_tiff_counts_pages():
    info = check_scan(image_bytes("TIFF", (40, 30), pages=4), "letter.tiff")
    assert info.pages == 4 and info.media_type == "image/tiff"


def test_pdf_pages_and_size_in_points():
    info = check_scan(pdf_bytes(3), "letter.pdf")
    assert info == ScanInfo(media_type="application/pdf", pages=3, width=595, height=842)


def test_name_without_extension_is_judged_by_content():
    assert check_scan(pdf_bytes(1), "scan").media_type == "application/pdf"


def test_100_megapixel_png_is_refused_before_decoding():
    data = png_header_only(10_000, 10_000)
    assert len(data) < 200
    started = time.perf_counter()
    with pytest.raises(ImportRejected, match="enormous|megapixels"):
        check_scan(data, "huge.png")
    assert time.perf_counter() - started < 1.0


def test_70_megapixel_image_is_over_our_own_cap():
    with pytest.raises(ImportRejected, match="70 megapixels"):
        check_scan(png_header_only(10_000, 7_000), "big.png")


def test_decompression_bomb_is_refused():
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (12_000, 12_000), 0).save(buf, "PNG")  # ~18 KB, 144 Mpx
    with pytest.raises(ImportRejected, match="enormous"):
        check_scan(buf.getvalue(), "bomb.png")


def test_lower_pixel_limit_is_respected():
    with pytest.raises(ImportRejected, match="megapixels"):
        check_scan(image_bytes("PNG", (100, 100)), "a.png", limits=ScanLimits(max_pixels=5_000))


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "a.jpg"), ("PNG", "a.png"), ("TIFF", "a.tif")])
def test_truncated_images_are_refused(fmt, name):
    data = image_bytes(fmt, (300, 200))
    with pytest.raises(ImportRejected, match="truncated|damaged"):
        check_scan(data[: len(data) // 2], name)


def test_truncated_pdf_is_refused():
    data = pdf_bytes(2)
    with pytest.raises(ImportRejected, match="truncated|damaged"):
        check_scan(data[: len(data) // 2], "a.pdf")


@pytest.mark.parametrize(
    ("data_fn", "name", "fragment"),
    [
        (lambda: image_bytes("JPEG"), "scan.png", "says '.png' but the content is a JPEG"),
        (lambda: image_bytes("PNG"), "scan.pdf", "content is a PNG"),
        (lambda: pdf_bytes(1), "scan.exe", "content is a PDF"),
    ],
)
def test_wrong_extension_is_refused(data_fn, name, fragment):
    with pytest.raises(ImportRejected, match=fragment):
        check_scan(data_fn(), name)


@pytest.mark.parametrize(
    "data",
    [b"", b"GIF89a....", b"PK\x03\x04 a zip", b"<html>scan</html>", b"II+\x00bigtiff"],
)
def test_other_formats_are_refused(data):
    with pytest.raises(ImportRejected):
        check_scan(data, "scan")


def test_gif_is_not_on_the_allow_list():
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (10, 10)).save(buf, "GIF")
    assert sniff_media_type(buf.getvalue()) is None
    with pytest.raises(ImportRejected, match="not a PDF, JPEG, PNG or TIFF"):
        check_scan(buf.getvalue(), "scan.gif")


def test_pdf_page_tree_loop_is_refused():
    data = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    started = time.perf_counter()
    with pytest.raises(ImportRejected):
        check_scan(data, "loop.pdf")
    assert time.perf_counter() - started < 5.0


def test_too_many_pages_are_refused():
    with pytest.raises(ImportRejected, match="more than 2 pages"):
        check_scan(pdf_bytes(3), "a.pdf", limits=ScanLimits(max_pages=2))


def test_too_large_file_is_refused():
    with pytest.raises(ImportRejected, match="limit"):
        check_scan(pdf_bytes(1), "a.pdf", limits=ScanLimits(max_bytes=100))
