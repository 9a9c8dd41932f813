"""Versions of the parts that matter for a bug report: the About dialog and the self-test.

Read from the installed (or bundled) distribution metadata; a part whose metadata is missing
shows "?", which the self-test reports as a fault (a bundle that forgot to collect it).
"""

from __future__ import annotations

from importlib import metadata

#: Distributions named in About and checked by ``--self-test``, in that order.
COMPONENTS: tuple[str, ...] = (
    "sqlcipher3",
    "sqlite-utils",
    "keyring",
    "holidays",
    "reportlab",
    "pyhanko",
    "pyhanko-certvalidator",
    "cryptography",
    "extract-msg",
    "PySide6-Essentials",
)

UNKNOWN = "?"


def distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return UNKNOWN


def component_versions() -> list[tuple[str, str]]:
    """``[(distribution, version)]`` for :data:`COMPONENTS`; "?" where metadata is missing."""
    return [(name, distribution_version(name)) for name in COMPONENTS]
