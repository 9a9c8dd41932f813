"""Data that ships with DPO Desk: jurisdiction rules, letter templates, fonts, icons, translations.

In a source checkout this is the top-level ``resources/`` folder; installed, it is the
``dpo_desk.resources`` package (setuptools maps the folder); frozen by PyInstaller it is
``_internal/dpo_desk/resources`` (inside the ``.app`` on macOS). Code reads it only through :func:`path`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``path("fonts", "DejaVuSans.ttf")``."""
    return ROOT.joinpath(*parts)


def read_texts(folder: str, suffix: str) -> dict[str, str]:
    """Every ``*suffix`` file of a resource folder, by file name, as UTF-8 text."""
    base = ROOT / folder
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(base.iterdir())
        if p.is_file() and p.name.endswith(suffix)
    }
