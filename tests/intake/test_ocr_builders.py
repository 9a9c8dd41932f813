"""Scans the OCR tests render themselves (no real documents): letters in the bundled DejaVu
font, MRZ lines in OCR-B (tests/data/fonts/OCRB.otf from Debian fonts-ocr-b: public domain / permissive, see LICENCE-OCRB.txt),
with light scanner defects (a small rotation, speckle). Helpers only: no tests here."""

from __future__ import annotations

import io
import random
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from dpo_desk.identity.mrz import RU_INTERNAL_TABLE, check_digit

ROOT = Path(__file__).resolve().parents[2]
DEJAVU = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
OCRB = ROOT / "tests" / "data" / "fonts" / "OCRB.otf"
# held out: a face the pipeline was not tuned on (a serif from the system where there is one,
# else the bundled DejaVu Sans Oblique: slanted glyphs, never used while tuning)
HELD_OUT_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
    ROOT / "resources" / "fonts" / "DejaVuSans-Oblique.ttf",
)

LETTERS: dict[str, list[str]] = {
    "ru": [
        "Генеральному директору ООО «Астрам»",
        "от Щукина Фёдора Петровича",
        "г. Казань, ул. Баумана, д. 7, кв. 12, 420111",
        "",
        "Заявление",
        "Прошу удалить мои персональные данные в соответствии со статьёй 21",
        "Федерального закона № 152-ФЗ «О персональных данных» и сообщить мне",
        "о результатах в установленный срок.",
        "",
        "С уважением,",
        "Фёдор Щукин",
    ],
    "kk": [
        "«Инфинити» ЖШС директорына",
        "Алматы қаласы, Абай даңғылы 12, 050000",
        "",
        "Өтініш",
        "Менің дербес деректеріме қол жеткізуді сұраймын: қандай дербес деректерім",
        "өңделетінін және оларды кім алғанын хабарлауыңызды өтінемін.",
        "",
        "Құрметпен,",
        "Әлібек Сейітқали",
    ],
    "ky": [
        "«Оюн» ЖЧКнын директоруна",
        "Бишкек шаары, Чүй проспекти 100, 720001",
        "",
        "Арыз",
        "Менин жеке маалыматтарымды жок кылууну суранам. Мен макулдугумду кайтарып алам.",
        "",
        "Урматтоо менен,",
        "Үмүт Өмүрбекова",
    ],
    "fr": [
        "Élodie Lefèvre",
        "12 rue de la Paix, 75002 Paris",
        "",
        "Objet : demande d'accès à mes données personnelles",
        "Madame, Monsieur,",
        "Conformément à l'article 15 du RGPD, je vous prie de me communiquer une copie",
        "de l'ensemble des données personnelles me concernant que vous traitez.",
        "",
        "Veuillez agréer mes salutations distinguées.",
        "Élodie Lefèvre",
    ],
}


def held_out_font() -> Path:
    return next(p for p in HELD_OUT_FONTS if p.is_file())


def page(
    lines: list[str],
    *,
    font: Path = DEJAVU,
    dpi: int = 200,
    rotate: float = 0.8,
    noise: float = 0.002,
    seed: int = 7,
    size_pt: float = 12,
) -> Image.Image:
    """An A4 page with ``lines`` typed on it, slightly rotated and speckled."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(font), round(size_pt * dpi / 72))
    y = round(1.0 * dpi)
    step = round(size_pt * 1.6 * dpi / 72)
    for line in lines:
        draw.text((round(0.9 * dpi), y), line, font=face, fill=0)
        y += step
    if rotate:
        image = image.rotate(rotate, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if noise:
        rng = random.Random(seed)
        pixels = image.load()
        for _ in range(int(width * height * noise)):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 90, 200))
    return image


def encode(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def letter_scan(language: str, fmt: str = "PNG", **options: object) -> bytes:
    return encode(page(LETTERS[language], **options), fmt)  # type: ignore[arg-type]


def pdf_scan(images: list[Image.Image]) -> bytes:
    """An image-only PDF (no text layer), one page per image, made in memory."""
    out = io.BytesIO()
    first, *rest = [i.convert("RGB") for i in images]
    first.save(out, "PDF", resolution=200.0, save_all=True, append_images=rest)
    return out.getvalue()


# --- MRZ -------------------------------------------------------------------------------------


def _field(text: str, length: int) -> str:
    return (text + "<" * length)[:length]


def _d(day: date | None) -> str:
    return day.strftime("%y%m%d") if day else "<<<<<<"


def td3(
    surname: str,
    given: str,
    number: str,
    country: str,
    birth: date,
    expiry: date,
    sex: str = "F",
    code: str = "P<",
    optional: str = "",
) -> list[str]:
    names = _field(surname.replace(" ", "<") + "<<" + given.replace(" ", "<"), 39)
    top = code + country + names
    num = _field(number, 9)
    opt = _field(optional, 14)
    opt_cd = check_digit(opt) if optional else "<"
    body = num + check_digit(num) + country + _d(birth) + check_digit(_d(birth)) + sex + _d(expiry)
    body += (check_digit(_d(expiry)) if expiry else "<") + opt + opt_cd
    composite = body[0:10] + body[13:20] + body[21:43]
    return [top, body + check_digit(composite)]


def td1(
    surname: str,
    given: str,
    number: str,
    country: str,
    birth: date,
    expiry: date,
    sex: str = "M",
    optional: str = "",
) -> list[str]:
    num = _field(number, 9)
    first = "I<" + country + num + check_digit(num) + _field(optional, 15)
    second = _d(birth) + check_digit(_d(birth)) + sex + _d(expiry) + check_digit(_d(expiry))
    second += country + "<" * 11
    composite = first[5:30] + second[0:7] + second[8:15] + second[18:29]
    second += check_digit(composite)
    third = _field(surname.replace(" ", "<") + "<<" + given.replace(" ", "<"), 30)
    return [first, second, third]


def ru_internal(
    surname: str, given: str, patronymic: str, series: str, number: str, birth: date, issued: date
) -> list[str]:
    """The Russian internal passport's MRZ (names through the MVD substitution table)."""

    def sub(text: str) -> str:
        return "".join(RU_INTERNAL_TABLE.get(c, c) for c in text.upper())

    names = _field(sub(surname) + "<<" + sub(given) + "<" + sub(patronymic), 39)
    top = "PNRUS" + names
    num = series[:3] + number
    optional = _field(series[3] + issued.strftime("%y%m%d") + "770001", 14)
    body = num + check_digit(num) + "RUS" + _d(birth) + check_digit(_d(birth)) + "M"
    body += "<<<<<<" + "<" + optional + check_digit(optional)
    composite = body[0:10] + body[13:20] + body[21:43]
    return [top, body + check_digit(composite)]


def id_copy(
    lines: list[str],
    *,
    dpi: int = 300,
    rotate: float = 0.6,
    noise: float = 0.001,
    font: Path = OCRB,
) -> Image.Image:
    """A scanned data page: some printed fields above, the MRZ at the bottom in OCR-B."""
    mrz_font = ImageFont.truetype(str(font), 30 if len(lines[0]) == 44 else 36)
    width = round(max(mrz_font.getlength(line) for line in lines)) + 100
    height = 700
    card = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(card)
    label = ImageFont.truetype(str(DEJAVU), 26)
    draw.rectangle((20, 20, width - 20, height - 20), outline=120, width=3)
    draw.text((60, 60), "PASSPORT / ПАСПОРТ / ПАСПОРТ", font=label, fill=40)
    draw.rectangle((60, 120, 300, 420), outline=150, width=2)  # the photo's place
    draw.text((340, 140), "Surname / Фамилия", font=label, fill=80)
    y = height - 60 - 48 * len(lines)
    for line in lines:
        draw.text((50, y), line, font=mrz_font, fill=0)
        y += 48
    scale = dpi / 300
    sheet = Image.new("L", (round((width + 240) * scale), round((height + 300) * scale)), 255)
    card = card.resize((round(width * scale), round(height * scale)))
    sheet.paste(card, (round(120 * scale), round(150 * scale)))
    if rotate:
        sheet = sheet.rotate(rotate, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if noise:
        rng = random.Random(3)
        pixels = sheet.load()
        for _ in range(int(sheet.width * sheet.height * noise)):
            pixels[rng.randrange(sheet.width), rng.randrange(sheet.height)] = rng.choice((0, 128))
    return sheet
