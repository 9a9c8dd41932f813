"""Read the text of postal scans (PNG, JPEG, TIFF, PDF; several pages) locally, in memory.

The engine is Tesseract through ``tesserocr`` (its wheels bundle libtesseract and leptonica; the
language models come from the system: Debian ``tesseract-ocr-{rus,kaz,kir,fra,eng}``, or a
``tessdata`` folder shipped with a packaged build). Images go to the engine as in-memory
buffers: no image, intermediate or recognised text is ever written to disk. PDFs are rasterised
in memory with ``pypdfium2``; a page that already carries a text layer gives that text instead.

Light scanner defects are corrected first: a median filter takes out speckle, and the page is
deskewed (projection profiles of a small copy, Pillow only). Tesseract runs single-threaded
(``OMP_THREAD_LIMIT=1``): faster on a shared machine than its default threading.

No Qt, no SQL; nothing is logged (the text is personal data).
"""

from __future__ import annotations

import io
import os
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dpo_desk.core.errors import ImportRejected, KnownError

from .scans import DEFAULT_SCAN_LIMITS, ScanLimits, sniff_media_type

__all__ = [
    "DEFAULT_LANGUAGES",
    "MRZ_CHARSET",
    "OcrCancelled",
    "OcrPage",
    "OcrResult",
    "OcrUnavailable",
    "engine_status",
    "page_images",
    "prepare",
    "recognise",
    "recognise_image",
]

# Russian first: Tesseract tries the languages in order and falls back word by word; measured on
# rendered Russian, Kazakh, Kyrgyz and French letters this order reads all four letter for letter.
DEFAULT_LANGUAGES: tuple[str, ...] = ("rus", "kaz", "kir", "fra", "eng")
MRZ_CHARSET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
RENDER_DPI = 300
_MAX_RENDER_PIXELS = 40_000_000  # a huge PDF page is rendered at a lower resolution
_DEBIAN_PACKAGES = "tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-kir tesseract-ocr-fra"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read when libtesseract loads: before the import


class OcrUnavailable(KnownError):
    """The OCR engine or one of its language models is not installed."""


class OcrCancelled(KnownError):
    """The DPO cancelled the recognition."""


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # 0..100, Tesseract's mean word confidence (100 for a PDF text layer)
    source: str  # "ocr" or "pdf-text"
    skew: float = 0.0  # degrees corrected before recognition
    # recognised lines as (x, y, width, height) on the page image, for highlighting
    boxes: tuple[tuple[int, int, int, int], ...] = ()
    size: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class OcrResult:
    pages: tuple[OcrPage, ...]
    languages: tuple[str, ...]
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text.strip() for p in self.pages if p.text.strip())

    @property
    def confidence(self) -> float:
        scored = [p.confidence for p in self.pages if p.text.strip()]
        return sum(scored) / len(scored) if scored else 0.0


# --- the engine --------------------------------------------------------------------------------


def _candidate_dirs() -> Iterator[Path]:
    for name in ("DPO_DESK_TESSDATA", "TESSDATA_PREFIX"):
        value = os.environ.get(name)
        if value:
            yield Path(value)
            yield Path(value) / "tessdata"
    try:
        bundled = resources.files("dpo_desk.resources") / "tessdata"
        yield Path(str(bundled))
    except (ModuleNotFoundError, TypeError):
        pass
    yield from (
        Path("/usr/share/tesseract-ocr/5/tessdata"),
        Path("/usr/share/tesseract-ocr/4.00/tessdata"),
        Path("/usr/share/tessdata"),
        Path("/usr/local/share/tessdata"),
        Path("/opt/homebrew/share/tessdata"),
        Path("/opt/local/share/tessdata"),
        Path(r"C:\Program Files\Tesseract-OCR\tessdata"),
    )


@lru_cache(maxsize=1)
def _tessdata() -> tuple[str, frozenset[str]]:
    """The first tessdata folder that has models, and the models it has."""
    for folder in _candidate_dirs():
        try:
            found = frozenset(p.stem for p in folder.glob("*.traineddata"))
        except OSError:
            continue
        if found:
            return str(folder) + os.sep, found
    return "", frozenset()


def _tesserocr() -> Any:
    try:
        import tesserocr
    except ImportError as exc:
        raise OcrUnavailable(
            "The OCR engine (tesserocr) is not installed, so the scan's text cannot be read."
        ) from exc
    return tesserocr


def engine_status(languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> tuple[bool, str]:
    """Whether recognition works here, and one sentence saying what is missing if not."""
    try:
        _check_engine(languages)
    except OcrUnavailable as exc:
        return False, str(exc)
    return True, "OCR engine ready (" + "+".join(languages) + ")."


def _check_engine(languages: tuple[str, ...]) -> str:
    _tesserocr()
    folder, found = _tessdata()
    if not folder:
        raise OcrUnavailable(
            "No OCR language models were found; install them (on Debian: "
            f"apt-get install {_DEBIAN_PACKAGES}) or set DPO_DESK_TESSDATA."
        )
    missing = [lang for lang in languages if lang not in found]
    if missing:
        raise OcrUnavailable(
            f"The OCR language model(s) {', '.join(missing)} are missing from {folder}; "
            "install them (on Debian: tesseract-ocr-" + " tesseract-ocr-".join(missing) + ")."
        )
    return folder


_API_LOCAL = threading.local()


def _api(languages: tuple[str, ...], charset: str | None, psm: int | None) -> Any:
    """A Tesseract instance per thread and configuration (loading the models costs ~0.2 s)."""
    folder = _check_engine(languages)
    tesserocr = _tesserocr()
    cache: dict[tuple[Any, ...], Any] = getattr(_API_LOCAL, "apis", None) or {}
    _API_LOCAL.apis = cache
    key = (languages, charset, psm)
    api = cache.get(key)
    if api is None:
        variables = {"debug_file": os.devnull}
        if charset:
            variables["tessedit_char_whitelist"] = charset
            variables["load_system_dawg"] = "0"
            variables["load_freq_dawg"] = "0"
        try:
            api = tesserocr.PyTessBaseAPI(
                path=folder,
                lang="+".join(languages),
                psm=psm if psm is not None else tesserocr.PSM.AUTO,
                variables=variables,
            )
        except RuntimeError as exc:
            raise OcrUnavailable(
                f"The OCR engine could not load its language models from {folder}."
            ) from exc
        cache[key] = api
    return api


# --- pages -------------------------------------------------------------------------------------


def page_images(
    data: bytes, media_type: str | None = None, *, limits: ScanLimits = DEFAULT_SCAN_LIMITS
) -> Iterator[tuple[Any, str]]:
    """Each page of a scan as ``(PIL image, pdf_text)``; ``pdf_text`` is a PDF's text layer."""
    media_type = media_type or sniff_media_type(data)
    if media_type == "application/pdf":
        yield from _pdf_pages(data, limits)
    elif media_type in ("image/png", "image/jpeg", "image/tiff"):
        yield from ((image, "") for image in _image_pages(data, limits))
    else:
        raise ImportRejected("The file is not a PDF, JPEG, PNG or TIFF scan.")


def _image_pages(data: bytes, limits: ScanLimits) -> Iterator[Any]:
    from PIL import Image, ImageOps, ImageSequence

    try:
        image = Image.open(io.BytesIO(data))
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= limits.max_pages:
                break
            page = ImageOps.exif_transpose(frame.copy()) if index == 0 else frame.copy()
            yield page
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise ImportRejected("The image is damaged and cannot be read.") from exc


def _pdf_pages(data: bytes, limits: ScanLimits) -> Iterator[tuple[Any, str]]:
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise OcrUnavailable("The PDF renderer (pypdfium2) is not installed.") from exc
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ImportRejected(
            "The PDF is damaged or password-protected and cannot be read."
        ) from exc
    try:
        for index in range(min(len(document), limits.max_pages)):
            page = document[index]
            try:
                text = ""
                try:
                    textpage = page.get_textpage()
                    text = textpage.get_text_bounded() or ""
                    textpage.close()
                except pdfium.PdfiumError:
                    text = ""
                if len(text.strip()) >= 40:  # a real text layer: no need to read pixels
                    yield None, text
                    continue
                width, height = page.get_size()
                scale = RENDER_DPI / 72
                pixels = width * height * scale * scale
                if pixels > _MAX_RENDER_PIXELS:
                    scale *= (_MAX_RENDER_PIXELS / pixels) ** 0.5
                bitmap = page.render(scale=scale, grayscale=True)
                yield bitmap.to_pil(), ""
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise ImportRejected("A page of the PDF is damaged and cannot be rendered.") from exc
    finally:
        document.close()


# --- light clean-up ----------------------------------------------------------------------------


def prepare(image: Any, *, deskew: bool = True, denoise: bool = True) -> tuple[Any, float]:
    """A greyscale page with speckle removed and small skew (up to ±6°) corrected."""
    from PIL import Image, ImageFilter

    if image.mode not in ("L", "1"):
        if image.mode in ("RGBA", "LA", "P"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        image = image.convert("L")
    elif image.mode == "1":
        image = image.convert("L")
    if denoise:
        image = image.filter(ImageFilter.MedianFilter(3))
    angle = _skew_angle(image) if deskew else 0.0
    if abs(angle) >= 0.2:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return image, angle


def _skew_angle(image: Any) -> float:
    """The rotation that makes text lines horizontal: the sharpest row profile of a small copy."""
    from PIL import Image

    small = image.copy()
    small.thumbnail((700, 700))
    ink = small.point(lambda v: 255 if v < 150 else 0)  # text white on black

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
        profile = list(turned.resize((1, turned.height), Image.Resampling.BOX).tobytes())
        mean = sum(profile) / len(profile)
        return sum((v - mean) ** 2 for v in profile)

    best = max((float(a) for a in range(-6, 7)), key=sharpness)
    fine = max((best + a / 10 for a in range(-7, 8)), key=sharpness)
    return round(fine, 1)


# --- recognition -------------------------------------------------------------------------------


def recognise_image(
    image: Any,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    *,
    charset: str | None = None,
    psm: int | None = None,
) -> tuple[str, float, tuple[tuple[int, int, int, int], ...]]:
    """Text, mean confidence and line boxes of one prepared page image."""
    api = _api(tuple(languages), charset, psm)
    api.SetImage(image)
    text = api.GetUTF8Text() or ""
    confidence = float(api.MeanTextConf())
    boxes: list[tuple[int, int, int, int]] = []
    if charset is None:  # the recognised lines, for highlighting them on the image
        tesserocr = _tesserocr()
        level = tesserocr.RIL.TEXTLINE
        iterator = api.GetIterator()
        while iterator is not None:
            box = iterator.BoundingBox(level)
            if box is not None:
                x1, y1, x2, y2 = box
                boxes.append((x1, y1, x2 - x1, y2 - y1))
            if not iterator.Next(level):
                break
    api.Clear()
    return unicodedata.normalize("NFC", text), confidence, tuple(boxes)


Symbol = tuple[str, float, tuple[tuple[str, float], ...]]  # text, confidence, alternatives


def recognise_symbols(
    image: Any,
    languages: tuple[str, ...] = ("eng",),
    *,
    charset: str | None = None,
    psm: int | None = None,
) -> list[list[Symbol]]:
    """Per text line, each recognised character with its confidence and the engine's
    alternatives (the MRZ reader repairs fillers read as letters with them)."""
    tesserocr = _tesserocr()
    api = _api(tuple(languages), charset, psm)
    api.SetVariable("lstm_choice_mode", "2")
    api.SetImage(image)
    api.Recognize()
    lines: list[list[Symbol]] = []
    current: list[Symbol] = []
    level = tesserocr.RIL.SYMBOL
    iterator = api.GetIterator()
    for item in tesserocr.iterate_level(iterator, level) if iterator is not None else ():
        try:
            text = item.GetUTF8Text(level) or ""
        except RuntimeError:  # "No text returned": an empty element
            continue
        if not text.strip():
            continue
        try:
            alternatives = tuple(
                (choice.GetUTF8Text() or "", float(choice.Confidence()))
                for choice in item.GetChoiceIterator()
            )
        except RuntimeError:
            alternatives = ()
        current.append((text, float(item.Confidence(level)), alternatives))
        if item.IsAtFinalElement(tesserocr.RIL.TEXTLINE, level):
            lines.append(current)
            current = []
    if current:
        lines.append(current)
    api.SetVariable("lstm_choice_mode", "0")
    api.Clear()
    return lines


def recognise(
    data: bytes,
    media_type: str | None = None,
    *,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    limits: ScanLimits = DEFAULT_SCAN_LIMITS,
) -> OcrResult:
    """Read every page of a scan. Raises ``OcrUnavailable``, ``OcrCancelled``, ``ImportRejected``."""
    media_type = media_type or sniff_media_type(data)
    total = _page_count(data, media_type)
    pages: list[OcrPage] = []
    problems: list[str] = []
    engine_checked = False
    for index, (image, pdf_text) in enumerate(page_images(data, media_type, limits=limits)):
        if cancel is not None and cancel():
            raise OcrCancelled("The recognition was cancelled.")
        if progress is not None:
            progress(index, total)
        if image is None:
            pages.append(OcrPage(text=pdf_text, confidence=100.0, source="pdf-text"))
            continue
        if not engine_checked:
            _check_engine(tuple(languages))
            engine_checked = True
        prepared, angle = prepare(image)
        try:
            text, confidence, boxes = recognise_image(prepared, tuple(languages))
        except RuntimeError:  # the engine gave up on this page: say so, read the others
            text, confidence, boxes = "", 0.0, ()
        if not text.strip():
            problems.append(f"Page {index + 1}: no text was recognised.")
        pages.append(
            OcrPage(
                text=text,
                confidence=confidence,
                source="ocr",
                skew=angle,
                boxes=boxes,
                size=prepared.size,
            )
        )
    if progress is not None:
        progress(total, total)
    return OcrResult(pages=tuple(pages), languages=tuple(languages), problems=tuple(problems))


def _page_count(data: bytes, media_type: str | None) -> int:
    """Pages of the scan, after the intake's checks (size caps, bombs, damage) pass."""
    from .scans import check_scan

    suffix = {
        "application/pdf": ".pdf",
        "image/png": ".png",
        "image/jpeg": ".jpg",
        "image/tiff": ".tif",
    }.get(media_type or "", "")
    return check_scan(data, "scan" + suffix).pages
