"""``dpo-desk --self-test``: is every part of this installation there and working?

Prints a few lines (or, with ``--json``, ``{"ok": ..., "checks": {name: {ok, detail, required}},
"process": {umask, core_limit, dumpable, core_dumps_off, notes}}``) and exits 1 when a required
part is missing. The self-test hardens its own process first (umask 077, no core dumps) and the
``python`` check reports it: on Linux and macOS it fails when either is not in force. Nothing touches the disk except the print check's
private temporary folder (see :mod:`dpo_desk.ui.selftest_qt`); no case file is opened.

Required: the version metadata, Python, Qt, SQLCipher 4 with FTS5, keyring's backends for this
platform, a bundled font that covers Kazakh, QtPdf, printing to PDF and the app icon.
Information only: whether a keyring is *usable* right now (without one the DPO uses a
passphrase) and which printers are installed.
"""

from __future__ import annotations

import io
import platform
import secrets
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from dpo_desk import __version__
from dpo_desk.hardening import HardeningReport, harden_process

from .context import CliContext

#: The application id used by the .desktop file, the AppStream metainfo and the icon names.
APP_ID = "io.github.dpodesk.DPODesk"

#: Letters a letter font must have: Kazakh's own Cyrillic letters, both cases.
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

#: The keyring backend (entry-point name in keyring's metadata) each platform needs.
NATIVE_KEYRING = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}

MIN_SQLCIPHER_MAJOR = 4

QT_CHECKS = ("qt", "qtpdf", "printing", "icons")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True


def run_self_test(ctx: CliContext) -> int:
    """Run every check, print the result, return 0 when all required parts work, else 1."""
    process = harden_process()
    checks = [
        _guarded("version", check_version),
        _guarded("components", check_components),
        _guarded("python", lambda: check_python(process)),
        _guarded("sqlcipher", check_sqlcipher),
        *_guarded_many("keyring", check_keyring),
        _guarded("fonts", lambda: check_fonts(_resource("fonts"))),
        _guarded("language", check_language),
        _guarded("ocr", check_ocr),  # issue 17: the bundled language model
        *run_qt_checks(),
    ]
    order = {name: i for i, name in enumerate(("version", "python", "qt", "sqlcipher"))}
    checks.sort(key=lambda c: order.get(c.name, len(order)))
    ok = all(c.ok for c in checks if c.required)
    ctx.emit(
        {
            "ok": ok,
            "version": __version__,
            "checks": {c.name: {k: v for k, v in asdict(c).items() if k != "name"} for c in checks},
            "process": process.to_dict(),
        },
        text=render_text(checks, ok),
    )
    return 0 if ok else 1


def render_text(checks: Iterable[Check], ok: bool) -> str:
    checks = list(checks)
    width = max(len(c.name) for c in checks)
    lines = [f"DPO Desk {__version__} self-test"]
    for c in checks:
        status = "ok" if c.ok else ("FAIL" if c.required else "info")
        lines.append(f"  {status:<4}  {c.name:<{width}}  {c.detail}")
    failed = [c.name for c in checks if c.required and not c.ok]
    if ok:
        lines.append("All required parts work.")
    else:
        lines.append(f"Missing or broken: {', '.join(failed)}.")
    return "\n".join(lines)


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as exc:  # a self-test reports every failure instead of stopping at it
        return Check(name, False, f"{type(exc).__name__}: {exc}")


def _guarded_many(name: str, check: Callable[[], list[Check]]) -> list[Check]:
    try:
        return check()
    except Exception as exc:  # a self-test reports every failure instead of stopping at it
        return [Check(name, False, f"{type(exc).__name__}: {exc}")]


def _resource(*parts: str) -> Path:
    from dpo_desk import resources

    return resources.path(*parts)


def app_icon_path() -> Path:
    return _resource("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")


# --- checks without Qt ----------------------------------------------------------------------
def check_components() -> Check:
    """Every bundled part carries its version metadata (About shows it; "?" is a packaging bug)."""
    from dpo_desk.versions import UNKNOWN, component_versions

    versions = component_versions()
    detail = ", ".join(f"{name} {version}" for name, version in versions)
    missing = [name for name, version in versions if version == UNKNOWN]
    if missing:
        return Check("components", False, f"{detail}; no version metadata for {', '.join(missing)}")
    return Check("components", True, detail)


def check_ocr() -> Check:
    """OCR of scans (issue 18): the engine and the five language models. Not required: without
    them scans are still logged and the DPO is told the text could not be read."""
    from dpo_desk.intake.ocr import engine_status

    ok, detail = engine_status()
    return Check("ocr", ok, detail or "the OCR engine and its language models work", required=False)


def check_language() -> Check:
    """The language model ships inside py3langid (nothing downloaded): it loads and answers."""
    from dpo_desk.intake.classify import detect_language

    code, confidence = detect_language("Bonjour, je souhaite la suppression de mes données.")
    if code != "fr":
        return Check("language", False, f"the language model answered {code or 'nothing'}")
    return Check("language", True, f"language identification works (fr, {confidence:.2f})")


def check_version() -> Check:
    """The version comes from the installed (or bundled) distribution metadata."""
    try:
        version = metadata.version("dpo-desk")
    except metadata.PackageNotFoundError:
        return Check("version", False, "the dpo-desk distribution metadata is missing")
    return Check("version", True, f"DPO Desk {version}, resources in {_resource()}")


def check_python(process: HardeningReport | None = None) -> Check:
    """The interpreter, and the process hardening it allows (umask 077, core dumps off)."""
    how = "frozen bundle" if getattr(sys, "frozen", False) else sys.prefix
    detail = f"{platform.python_implementation()} {platform.python_version()} ({how})"
    if process is None:
        return Check("python", True, detail)
    return Check("python", process.ok, f"{detail}; {process.describe()}")


def check_sqlcipher() -> Check:
    """Key an in-memory SQLCipher database; require SQLCipher 4 and FTS5."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            return Check("sqlcipher", False, "sqlcipher3 is linked against plain SQLite")
        version = str(row[0])
        provider = conn.execute("PRAGMA cipher_provider_version").fetchone()
        major = int(version.split(".", 1)[0])
        if major < MIN_SQLCIPHER_MAJOR:
            return Check(
                "sqlcipher",
                False,
                f"SQLCipher {version} is too old: version {MIN_SQLCIPHER_MAJOR} or newer needed",
            )
        conn.execute(
            "CREATE VIRTUAL TABLE probe USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
        )
        conn.execute("INSERT INTO probe VALUES ('ӘЛІБЕК')")
        (hits,) = conn.execute("SELECT count(*) FROM probe WHERE probe MATCH 'әлібек'").fetchone()
        if hits != 1:
            return Check("sqlcipher", False, f"SQLCipher {version}: FTS5 does not fold Cyrillic")
    finally:
        conn.close()
    crypto = f", {provider[0]}" if provider and provider[0] else ""
    return Check(
        "sqlcipher", True, f"SQLCipher {version} (SQLite {sqlcipher3.sqlite_version}{crypto}), FTS5"
    )


def check_keyring() -> list[Check]:
    """Required: keyring's backend for this platform is bundled. Information: is one usable now."""
    import keyring
    from keyring.backends import chainer, fail
    from keyring.errors import KeyringError

    platform_key = "linux" if sys.platform.startswith("linux") else sys.platform
    native = NATIVE_KEYRING.get(platform_key)
    known = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    if isinstance(backend, chainer.ChainerBackend):
        chained = [_backend_name(b) for b in backend.backends]
        name = f"{name} [{', '.join(chained) or 'nothing to chain'}]"
    if native is not None and native not in known:
        bundled = Check(
            "keyring",
            False,
            f"keyring's {native} backend is missing (found: {', '.join(known) or 'none'})",
        )
    else:
        bundled = Check("keyring", True, f"{name} (backends: {', '.join(known)})")
    usable = not isinstance(backend, fail.Keyring) and not (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    )
    reason = "no keyring service found"
    if usable:
        try:
            backend.get_password("dpo-desk self-test", "probe")
        except KeyringError as exc:
            usable, reason = False, f"{type(exc).__name__}: {exc}"
    if usable:
        use = Check("keyring_usable", True, "usable: case file keys can live in the keyring", False)
    else:
        use = Check(
            "keyring_usable",
            False,
            f"not usable here ({reason}); case files need a passphrase",
            False,
        )
    return [bundled, use]


def _backend_name(backend: object) -> str:
    cls = type(backend)
    module = cls.__module__.removeprefix("keyring.backends.")
    return f"{module}.{cls.__qualname__}"


def check_fonts(folder: Path, letters: str = KAZAKH_LETTERS) -> Check:
    """At least one bundled TTF loads in reportlab and has a glyph for every letter."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    fonts = sorted(folder.glob("*.ttf")) if folder.is_dir() else []
    if not fonts:
        return Check("fonts", False, f"no TrueType font in {folder}")
    covering: list[str] = []
    problems: list[str] = []
    for font_file in fonts:
        try:
            font = TTFont(f"selftest-{font_file.stem}", str(font_file))
        except (TTFError, OSError) as exc:
            problems.append(f"{font_file.name}: {exc}")
            continue
        missing = [ch for ch in letters if ord(ch) not in font.face.charToGlyph]
        if missing:
            problems.append(f"{font_file.name} lacks {''.join(missing)}")
        else:
            covering.append(font_file.name)
    if not covering:
        return Check("fonts", False, f"no font covers {letters}: " + "; ".join(problems))
    detail = f"{len(covering)} of {len(fonts)} fonts load and cover Kazakh ({', '.join(covering)})"
    if problems:
        detail += "; " + "; ".join(problems)
    return Check("fonts", True, detail)


def sample_pdf() -> bytes:
    """A one-page PDF with a black block and a line of text, made in memory."""
    from reportlab.lib.pagesizes import A6
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A6, invariant=True)
    width, height = A6
    page.rect(width * 0.15, height * 0.4, width * 0.7, height * 0.3, stroke=0, fill=1)
    page.setFont("Helvetica", 14)
    page.drawString(width * 0.15, height * 0.25, "DPO Desk self-test")
    page.showPage()
    page.save()
    return out.getvalue()


# --- checks with Qt -------------------------------------------------------------------------
def run_qt_checks() -> list[Check]:
    try:
        from dpo_desk.ui.selftest_qt import run_qt_checks as qt_checks
    except ImportError as exc:
        return [Check(name, False, f"Qt is not available: {exc}") for name in QT_CHECKS]
    try:
        results = qt_checks(sample_pdf(), app_icon_path())
    except Exception as exc:  # Qt could not start at all (no platform plugin, no display)
        return [Check(name, False, f"{type(exc).__name__}: {exc}") for name in QT_CHECKS]
    return [Check(r.name, r.ok, r.detail, r.required) for r in results]
