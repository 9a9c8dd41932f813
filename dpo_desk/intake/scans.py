"""Validate postal scans (PDF, JPEG, PNG, TIFF) before they are stored.

An allow-list by magic bytes, a file name whose extension must agree with the content, an
image-size cap checked from the header before any pixel is decoded (Pillow's decompression-bomb
warning is turned into an error too), full decoding to catch truncated files, and a page count
for multi-page TIFF and PDF (pypdf). Everything unexpected becomes ``ImportRejected``.
No Qt, no SQL, no files written.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from dpo_desk.core.errors import ImportRejected
from dpo_desk.core.messages import Message

__all__ = ["DEFAULT_SCAN_LIMITS", "ScanInfo", "ScanLimits", "check_scan", "sniff_media_type"]


@dataclass(frozen=True)
class ScanLimits:
    max_bytes: int = 50 * 1024 * 1024
    max_pixels: int = 60_000_000  # per page
    max_total_pixels: int = 600_000_000  # all pages of a multi-page TIFF
    max_pages: int = 500


DEFAULT_SCAN_LIMITS = ScanLimits()


@dataclass(frozen=True)
class ScanInfo:
    media_type: str
    pages: int
    width: int  # pixels for images; points (1/72 in) of the first page for PDF
    height: int


_EXTENSIONS: dict[str, frozenset[str]] = {
    "application/pdf": frozenset({".pdf"}),
    "image/jpeg": frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    "image/png": frozenset({".png"}),
    "image/tiff": frozenset({".tif", ".tiff"}),
}
_KNOWN_EXTENSIONS = frozenset().union(*_EXTENSIONS.values())
_NAMES = {
    "application/pdf": "a PDF",
    "image/jpeg": "a JPEG image",
    "image/png": "a PNG image",
    "image/tiff": "a TIFF image",
}


def sniff_media_type(data: bytes) -> str | None:
    """The media type by magic bytes, for the four allowed formats only."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    return None


def check_scan(data: bytes, filename: str, *, limits: ScanLimits = DEFAULT_SCAN_LIMITS) -> ScanInfo:
    """Check a scan and describe it; raise ``ImportRejected`` with a reason if it is refused."""
    try:
        return _check(data, filename, limits)
    except ImportRejected:
        raise
    except (MemoryError, KeyboardInterrupt):
        raise
    except RecursionError:
        raise ImportRejected(
            Message("The scan's structure is nested too deeply to be read.")
        ) from None
    except Exception as exc:  # the per-item boundary
        raise ImportRejected(
            f"The scan could not be read ({type(exc).__name__}); it may be damaged."
        ) from exc


def _check(data: bytes, filename: str, limits: ScanLimits) -> ScanInfo:
    if not data:
        raise ImportRejected(Message("The scan is empty."))
    if len(data) > limits.max_bytes:
        raise ImportRejected(
            Message(
                "The scan is {size} MB, more than the {limit} MB limit.",
                size=f"{len(data) / 1048576:.1f}",
                limit=f"{limits.max_bytes / 1048576:.0f}",
            )
        )
    media_type = sniff_media_type(data)
    suffix = Path(filename or "").suffix.lower()
    if media_type is None:
        if data.startswith((b"II+\x00", b"MM\x00+")):
            raise ImportRejected(
                Message("BigTIFF scans are not supported; save the scan as TIFF or PDF.")
            )
        raise ImportRejected(
            Message(
                "The file is not a PDF, JPEG, PNG or TIFF scan (its content does not match any)."
            )
        )
    if suffix and suffix not in _EXTENSIONS[media_type]:
        said = f"'{suffix}'" if suffix in _KNOWN_EXTENSIONS or len(suffix) <= 8 else "another type"
        raise ImportRejected(
            f"The file name says {said} but the content is {_NAMES[media_type]}; "
            "rename the file or check where it came from."
        )
    if media_type == "application/pdf":
        return _check_pdf(data, limits)
    return _check_image(data, media_type, limits)


def _check_image(data: bytes, media_type: str, limits: ScanLimits) -> ScanInfo:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Corrupt EXIF data" and the like
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombWarning as exc:
            raise ImportRejected(_bomb_sentence()) from exc
        except Image.DecompressionBombError as exc:
            raise ImportRejected(_bomb_sentence()) from exc
        except UnidentifiedImageError as exc:
            raise ImportRejected(Message("The image is damaged or not really an image.")) from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ImportRejected(
                Message("The image is truncated or damaged; scan the page again.")
            ) from exc
        with image:
            expected = {"image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF"}
            if image.format != expected[media_type]:
                raise ImportRejected(Message("The image's content does not match its type."))
            width, height = image.size
            pages = 0
            total = 0
            try:
                for frame in ImageSequence.Iterator(image):
                    pages += 1
                    if pages > limits.max_pages:
                        raise ImportRejected(
                            Message("The scan has more than {pages} pages.", pages=limits.max_pages)
                        )
                    fw, fh = frame.size
                    if fw <= 0 or fh <= 0:
                        raise ImportRejected(Message("The image has no pixels."))
                    if fw * fh > limits.max_pixels:
                        raise ImportRejected(_pixels_sentence(fw, fh, limits))
                    total += fw * fh
                    if total > limits.max_total_pixels:
                        raise ImportRejected(
                            "The scan's pages together are too large to be checked safely."
                        )
                    frame.load()
            except Image.DecompressionBombWarning as exc:
                raise ImportRejected(_bomb_sentence()) from exc
            except Image.DecompressionBombError as exc:
                raise ImportRejected(_bomb_sentence()) from exc
            except OSError as exc:
                raise ImportRejected(
                    "The image is truncated or damaged; scan the page again."
                ) from exc
            except (SyntaxError, ValueError, EOFError) as exc:
                raise ImportRejected(
                    Message("The image is damaged and cannot be decoded.")
                ) from exc
    return ScanInfo(media_type=media_type, pages=pages, width=width, height=height)


def _bomb_sentence() -> str:
    return "The image claims an enormous size (a decompression bomb?); it was refused."


def _pixels_sentence(width: int, height: int, limits: ScanLimits) -> str:
    return (
        f"The image is {width} × {height} pixels ({width * height / 1e6:.0f} megapixels), "
        f"more than the {limits.max_pixels / 1e6:.0f} megapixels allowed for a scan."
    )


def _check_pdf(data: bytes, limits: ScanLimits) -> ScanInfo:
    if b"%%EOF" not in data[-2048:]:
        raise ImportRejected(Message("The PDF is truncated (it has no end-of-file marker)."))
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise ImportRejected(
                    Message("The PDF is password-protected; save it unprotected.")
                ) from exc
            if not ok:
                raise ImportRejected(Message("The PDF is password-protected; save it unprotected."))
        pages = _count_pdf_pages(reader, limits)
        if pages == 0:
            raise ImportRejected(Message("The PDF has no pages."))
        try:
            box = reader.pages[0].mediabox
            width, height = round(float(box.width)), round(float(box.height))
        except (AttributeError, TypeError, ValueError, KeyError, IndexError) as exc:
            raise ImportRejected(
                "The PDF's page size cannot be read; it is damaged or loops on itself."
            ) from exc
    except LimitReachedError as exc:
        raise ImportRejected(_pdf_limit_sentence(str(exc))) from exc
    except (PdfReadError, FileNotDecryptedError) as exc:
        raise ImportRejected(Message("The PDF is damaged and cannot be read.")) from exc
    finally:
        quiet.setLevel(level)
    return ScanInfo(media_type="application/pdf", pages=pages, width=abs(width), height=abs(height))


def _pdf_limit_sentence(detail: str) -> str:
    """pypdf stopped at one of its safety limits: say which kind, for the DPO."""
    detail = detail.lower()
    if "decompress" in detail or "stream" in detail:
        return (
            "The PDF holds a compressed part that inflates far beyond any scan "
            "(a decompression bomb?); it was refused."
        )
    if "loop" in detail or "recursion" in detail or "reference" in detail:
        return "The PDF's structure loops back on itself; it was refused."
    return "The PDF is larger or deeper than DPO Desk reads safely; it was refused."


def _count_pdf_pages(reader: object, limits: ScanLimits) -> int:
    """Walk the page tree ourselves: bounded, and safe against loops."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    root = reader.trailer["/Root"].get_object()  # type: ignore[attr-defined]
    pages_root = root.get("/Pages")
    if pages_root is None:
        return 0
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [pages_root]
    count = 0
    visited = 0
    while stack:
        node_ref = stack.pop()
        if isinstance(node_ref, IndirectObject):
            key = (node_ref.idnum, node_ref.generation)
            if key in seen:
                raise ImportRejected(
                    Message("The PDF's page tree loops back on itself; it was refused.")
                )
            seen.add(key)
        node = node_ref.get_object() if hasattr(node_ref, "get_object") else node_ref
        visited += 1
        if visited > 4 * limits.max_pages + 100:
            raise ImportRejected(
                Message("The PDF has more than {pages} pages.", pages=limits.max_pages)
            )
        if not isinstance(node, DictionaryObject):
            continue
        kind = node.get("/Type")
        kids = node.get("/Kids")
        if kind == "/Page" or (kids is None and "/Contents" in node):
            count += 1
            if count > limits.max_pages:
                raise ImportRejected(
                    Message("The PDF has more than {pages} pages.", pages=limits.max_pages)
                )
            continue
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        if isinstance(kids, ArrayObject):
            stack.extend(reversed(list(kids)))
    return count
