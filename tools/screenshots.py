"""Render each main screen of the demo case file to PNG, offscreen (``make screenshots``).

    python tools/screenshots.py [--out docs/screenshots] [--lang en|ru] [--pseudo]

Builds the demo case file in a temporary folder with a fixed "today" (2026-03-02), so the
pictures are the same on every run, and grabs each screen with ``QWidget.grab()``. ``--lang ru``
renders the Russian UI (files get a ``-ru`` suffix); ``--pseudo`` replaces every string with a
longer, accented one (files get ``-pseudo``) to find layouts that break with long translations.
Nothing is written outside the temporary folder and ``--out``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 3, 2)
PASSPHRASE = "screenshot passphrase"
SIZE = (1280, 820)

_ACCENTS = str.maketrans("aeiouyAEIOUYcnsz", "àéîöûýÀÉÎÖÛÝçñšž")
_KEEP = re.compile(r"(\{[a-z_]+\}|%n|&(?=\w)|<[^>]+>)")


def pseudo(text: str) -> str:
    """Accented and ~40 % longer, keeping placeholders, mnemonics and markup intact."""
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    pad = "·" * max(2, len(text) * 2 // 5)
    return f"[{out} {pad}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    parser.add_argument("--lang", default="en", choices=["en", "ru"])
    parser.add_argument("--pseudo", action="store_true", help="long pseudo-translated strings")
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dpo-desk-screens-") as home:
        os.environ["DPO_DESK_HOME"] = home
        return _render(Path(home), out, args.lang, args.pseudo, args.dark)


def _render(home: Path, out: Path, lang: str, use_pseudo: bool, dark: bool) -> int:
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QEventLoop, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    class MemoryKeyring(KeyringBackend):
        """So the first-run dialog shows a keyring, and nothing touches the real one."""

        priority = -1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())

    from dpo_desk.casefile import CaseFile, Key
    from dpo_desk.casefile.repositories import CaseQuery
    from dpo_desk.demo import seed_demo
    from dpo_desk.ui.app import ErrorSink, build_context, configure_application, open_session
    from dpo_desk.ui.dialogs.first_run import FirstRunDialog
    from dpo_desk.ui.dialogs.unlock import UnlockDialog
    from dpo_desk.ui.i18n import Translation
    from dpo_desk.ui.main_window import MainWindow
    from dpo_desk.ui.settings import SettingsStore
    from dpo_desk.ui.tasks import SyncExecutor

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    if dark:
        _dark_palette(app)
    translation = Translation(lang)
    if not translation.install(app):
        print(f"the {lang} translation is missing; build it first", file=sys.stderr)
        return 1

    class Pseudo(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
            return pseudo(source)

    pseudo_translator = Pseudo()
    if use_pseudo:
        app.installTranslator(pseudo_translator)
    suffix = ("-ru" if lang == "ru" else "") + ("-pseudo" if use_pseudo else "")
    suffix += "-dark" if dark else ""

    def save(widget: QWidget, name: str) -> None:
        loop = QEventLoop()  # let layouts and queued updates settle before grabbing
        QTimer.singleShot(60, loop.quit)
        loop.exec()
        target = out / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        print(target)

    key = Key(passphrase=PASSPHRASE)
    path = home / "demo.dpodesk"
    cf = CaseFile.create(path, key, clock=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC)).casefile
    seed_demo(cf, TODAY)
    errors = ErrorSink(path)
    executor = SyncExecutor(errors.report)
    ctx = build_context(
        cf,
        executor,
        open_session(cf, key),
        today=lambda: TODAY,
        settings_store=SettingsStore(home / "settings.json"),
        errors=errors,
        listen_to_desktop=False,
    )
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    save(window, "main-window")

    infinity = cf.controllers.by_slug("infinity")
    assert infinity is not None
    rows = cf.cases.list(CaseQuery(controller_id=infinity.id, view="open", today=TODAY))
    chosen = next((r for r in rows if r.status == "in_progress"), rows[0])
    row = window.case_model.row_of(chosen.id)
    window.case_table.selectRow(row)
    save(window, "case-overview")
    tabs = window.case_view.tab_widget
    tabs.setCurrentIndex(1)
    save(window, "case-deadlines")
    tabs.setCurrentIndex(2)
    save(window, "case-audit")
    tabs.setCurrentIndex(0)

    for opener, name in (
        (window.new_postal_request, "new-postal-request"),
        (window.open_controllers, "settings-controllers"),
        (window.open_overrides, "settings-calendar-overrides"),
        (window.open_preferences, "settings-preferences"),
        (window.open_about, "about"),
    ):
        dialog = opener()
        save(dialog, name)
        dialog.reject()

    window.lock()
    save(window, "lock-screen")
    window.close()
    ctx.db.close()

    first_run = FirstRunDialog(SyncExecutor(), home / "new.dpodesk")
    first_run.show()
    save(first_run, "first-run")
    first_run.close()
    unlock = UnlockDialog(SyncExecutor(), path)
    unlock.show()
    save(unlock, "unlock")
    unlock.close()
    app.removeTranslator(pseudo_translator)
    translation.remove(app)
    return 0


def _dark_palette(app: object) -> None:
    """What a dark desktop theme hands the application: the window must follow it."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")  # type: ignore[attr-defined]
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#2f65ca"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#8a8a8a"),
    ):
        palette.setColor(r, QColor(colour))
    app.setPalette(palette)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
