"""UI test helpers. Nothing here is autouse: each test builds the window or model it needs.

Case files are built once per session (seeding costs a second or two) and copied for each test,
so every test works on its own file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import Case, Channel, Controller, ControllerId, DataSubject, RequestKind
from dpo_desk.demo import CONTROLLERS, seed_demo
from dpo_desk.ui.app import AppContext, ErrorSink, build_context, open_session
from dpo_desk.ui.settings import SettingsStore
from dpo_desk.ui.tasks import Executor, SyncExecutor

TODAY = date(2026, 3, 2)
PASSPHRASE = "correct horse battery staple"


def _build(folder: Path, name: str, fill: Callable[[CaseFile], object]) -> Path:
    path = folder / name
    cf = CaseFile.create(path, Key(passphrase=PASSPHRASE)).casefile
    try:
        fill(cf)
    finally:
        cf.close()
    return path


def _fill_many(cf: CaseFile) -> None:
    controller = cf.controllers.add(CONTROLLERS[3])
    with cf.transaction():
        for i in range(500):
            cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ControllerId(controller.id or 0),
                    subject=DataSubject(name=f"Requester {i:03d}"),
                    kinds=(RequestKind.ACCESS,),
                    channel=Channel.POST,
                    received=TODAY - timedelta(days=i % 90),
                )
            )


@pytest.fixture(scope="session")
def built_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ui-files")
    return {
        "demo": _build(folder, "demo.dpodesk", lambda cf: seed_demo(cf, TODAY)),
        "many": _build(folder, "many.dpodesk", _fill_many),
        "empty": _build(folder, "empty.dpodesk", lambda cf: None),
    }


def copy_file(source: Path, target_dir: Path) -> Path:
    target = target_dir / source.name
    shutil.copyfile(source, target)
    shutil.copyfile(source.with_name(source.name + ".id"), target.with_name(target.name + ".id"))
    return target


class Opened:
    """An open case file with a context built on it (closed at the end of the test)."""

    def __init__(
        self, cf: CaseFile, ctx: AppContext, bugs: list[BaseException], known: list[str]
    ) -> None:
        self.cf = cf
        self.ctx = ctx
        self.bugs = bugs
        self.known = known


@pytest.fixture
def open_copy(built_files: dict[str, Path], tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    """``open_copy("demo")``: a private copy of a built file, opened, with an AppContext."""
    opened: list[Opened] = []

    def make(name: str = "demo", executor: Executor | None = None) -> Opened:
        path = copy_file(built_files[name], tmp_path)
        key = Key(passphrase=PASSPHRASE)
        cf = CaseFile.open(path, key)
        errors = ErrorSink(path)
        bugs: list[BaseException] = []
        known: list[str] = []
        errors.bug.connect(bugs.append)
        errors.known.connect(known.append)
        ex = executor if executor is not None else SyncExecutor(errors.report)
        ctx = build_context(
            cf,
            ex,
            open_session(cf, key),
            today=lambda: TODAY,
            settings_store=SettingsStore(tmp_path / "settings.json"),
            errors=errors,
            listen_to_desktop=False,
        )
        result = Opened(cf, ctx, bugs, known)
        opened.append(result)
        return result

    yield make
    for item in opened:
        item.ctx.db.close()
        assert not item.bugs, f"bugs reached the crash dialog: {item.bugs!r}"


def make_window(qtbot, ctx: AppContext):  # noqa: ANN001, ANN201 - pytest-qt's qtbot
    from dpo_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Cyrillic included (qtbot.keyClicks aborts on non-ASCII text)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def add_controller(cf: CaseFile, slug: str, jurisdictions: tuple[str, ...]) -> Controller:
    return cf.controllers.add(
        Controller(
            id=None, slug=slug, name=slug.upper(), jurisdictions=jurisdictions, languages=("en",)
        )
    )


def add_case(
    cf: CaseFile,
    controller: Controller,
    name: str,
    received: date,
    kinds: tuple[RequestKind, ...] = (RequestKind.ACCESS,),
) -> Case:
    return cf.cases.add(
        Case(
            id=None,
            reference="",
            controller_id=ControllerId(controller.id or 0),
            subject=DataSubject(name=name),
            kinds=kinds,
            channel=Channel.POST,
            received=received,
        )
    )
