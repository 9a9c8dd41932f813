"""Where DPO Desk keeps its files: the platform's data folder, or ``DPO_DESK_HOME``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "DPO Desk"
CASEFILE_NAME = "casefile.dpodesk"
DEMO_NAME = "demo.dpodesk"


def home() -> Path:
    """The folder for case files, settings and logs (created 0700 on first use)."""
    override = os.environ.get("DPO_DESK_HOME")
    base = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    return base


def default_casefile() -> Path:
    return home() / CASEFILE_NAME


def demo_casefile() -> Path:
    return home() / DEMO_NAME


def logs_dir() -> Path:
    override = os.environ.get("DPO_DESK_HOME")
    path = (
        Path(override) / "logs"
        if override
        else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def settings_file() -> Path:
    return home() / "settings.json"


def settings_dir() -> Path:
    """The settings folder: ``DPO_DESK_HOME`` when set, else the platform's config folder —
    not the data folder, so an anchor kept here is not beside the default case file."""
    override = os.environ.get("DPO_DESK_HOME")
    path = (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def anchors_dir() -> Path:
    """Where passphrase-mode case files keep their audit anchor file (one per file id)."""
    path = settings_dir() / "anchors"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
