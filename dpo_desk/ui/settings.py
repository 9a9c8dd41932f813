"""The window's own settings: UI language, auto-lock, last file, look and layout.

Never secrets, never case data.

Kept as a small JSON file under ``DPO_DESK_HOME`` (``paths.settings_file()``), written atomically
with mode 0600. Unknown keys written by a newer DPO Desk are kept as they are.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dpo_desk.casefile.paths import settings_file

#: UI languages the window ships in ("" = follow the system locale).
UI_LANGUAGES: tuple[str, ...] = ("", "en", "ru")

DEFAULT_AUTO_LOCK_MINUTES = 10
MAX_AUTO_LOCK_MINUTES = 24 * 60

#: Colour schemes: follow the desktop's light/dark setting, or force one.
COLOUR_SCHEMES: tuple[str, ...] = ("system", "light", "dark")
#: Font sizes in points the preferences offer (0 = the system's size).
MIN_FONT_POINTS = 7
MAX_FONT_POINTS = 24


@dataclass(frozen=True)
class Settings:
    ui_language: str = ""  # "", "en" or "ru"
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES  # 0 = never lock on idle
    last_file: str = ""
    font_points: int = 0  # 0 = the system's font size
    colour_scheme: str = "system"  # system | light | dark
    #: Window geometry and splitter states (base64 of Qt's saveGeometry/saveState), by name.
    layout: dict[str, str] = field(default_factory=dict, compare=False)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _clean(data: dict[str, Any]) -> Settings:
    language = data.get("ui_language", "")
    if language not in UI_LANGUAGES:
        language = ""
    try:
        minutes = int(data.get("auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES))
    except (TypeError, ValueError):
        minutes = DEFAULT_AUTO_LOCK_MINUTES
    minutes = max(0, min(MAX_AUTO_LOCK_MINUTES, minutes))
    last = data.get("last_file", "")
    try:
        points = int(data.get("font_points", 0))
    except (TypeError, ValueError):
        points = 0
    if points and not MIN_FONT_POINTS <= points <= MAX_FONT_POINTS:
        points = 0
    scheme = data.get("colour_scheme", "system")
    if scheme not in COLOUR_SCHEMES:
        scheme = "system"
    raw_layout = data.get("layout", {})
    layout = (
        {str(k): v for k, v in raw_layout.items() if isinstance(v, str)}
        if isinstance(raw_layout, dict)
        else {}
    )
    known = {f.name for f in fields(Settings)} - {"extra"}
    extra = {k: v for k, v in data.items() if k not in known}
    return Settings(
        ui_language=language,
        auto_lock_minutes=minutes,
        last_file=last if isinstance(last, str) else "",
        font_points=points,
        colour_scheme=scheme,
        layout=layout,
        extra=extra,
    )


class SettingsStore:
    """Loads and saves :class:`Settings` (a JSON file; a broken file falls back to defaults)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        if not isinstance(data, dict):
            return Settings()
        return _clean(data)

    def save(self, settings: Settings) -> None:
        data = dict(settings.extra)
        data.update(
            ui_language=settings.ui_language,
            auto_lock_minutes=settings.auto_lock_minutes,
            last_file=settings.last_file,
            font_points=settings.font_points,
            colour_scheme=settings.colour_scheme,
            layout=dict(settings.layout),
        )
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=True)
                fh.write("\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
