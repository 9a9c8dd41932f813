"""DPO Desk: a desk for a data protection officer's data-subject requests."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("dpo-desk")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
