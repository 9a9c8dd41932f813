"""DPO Desk: a desk for a data protection officer's data-subject requests."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # issue 19: importlib.metadata costs ~0.1 s at start; read the version only when asked
    if name != "__version__":
        raise AttributeError(f"module 'dpo_desk' has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("dpo-desk")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        version = "0.0.0+unknown"
    globals()["__version__"] = version
    return version
