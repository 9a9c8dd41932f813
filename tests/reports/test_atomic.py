"""Atomic writes and audit events: a failed or cancelled export leaves no file and no event."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from dpo_desk.core.errors import DiskFull, KnownError, ReadOnlyLocation
from dpo_desk.reports import (
    ExportError,
    export_calendar,
    export_case_summary,
    export_register,
    export_statistics,
    write_atomic,
)
from dpo_desk.reports import atomic as atomic_module

from .conftest import TODAY, make_rich_case


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".partial")]


def test_write_atomic_replaces_with_0600_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    written = write_atomic(target, b"new contents")
    assert written == target and target.read_bytes() == b"new contents"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_disk_full_keeps_the_previous_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"previous export")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "fsync", full)
    with pytest.raises(DiskFull, match="register.xlsx was not written"):
        write_atomic(target, b"x" * 100_000)
    assert target.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == []


def test_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    real_open = os.open

    def refuse(path, flags, mode=0o777, **kwargs):  # what a read-only mount answers
        if Path(path).parent == folder and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, mode, **kwargs)

    monkeypatch.setattr(atomic_module.os, "open", refuse)
    with pytest.raises(ReadOnlyLocation, match="read-only"):
        write_atomic(folder / "summary.pdf", b"%PDF")
    assert list(folder.iterdir()) == []


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.csv", b"x")
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, b"x")


def test_a_failed_export_writes_no_audit_event(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    head = cf.head()
    with pytest.raises(KnownError):
        export_case_summary(cf, rich.case.id, tmp_path / "missing" / "s.pdf", TODAY)
    assert cf.head() == head
    assert not [e for e in cf.audit.events() if e.action.startswith("export.")]


def test_every_export_is_an_audit_event_without_personal_data(cf, tmp_path: Path) -> None:
    rich = make_rich_case(cf)
    results = [
        export_case_summary(cf, rich.case.id, tmp_path / "s.pdf", TODAY),
        export_case_summary(cf, rich.case.id, tmp_path / "p.json", TODAY, pseudonymise=True),
        export_register(cf, tmp_path / "r.xlsx", TODAY, controllers=["backgroundmusic"]),
        export_statistics(cf, tmp_path / "st.pdf", TODAY),
        export_calendar(cf, tmp_path / "c.ics", TODAY),
    ]
    events = [e for e in cf.audit.events() if e.action.startswith("export.")]
    assert [e.action for e in events] == [
        "export.summary",
        "export.summary",
        "export.register",
        "export.stats",
        "export.ics",
    ]
    for event, result in zip(events, results, strict=True):
        assert event.data == {
            "format": result.format,
            "file": result.path.name,
            "cases": result.cases,
            "pseudonymised": result.pseudonymised,
            "anchor": result.anchor.text(),
        }
        assert event.seq == result.anchor.seq + 1
        assert str(tmp_path) not in str(event.data)
        assert rich.name not in str(event.data) and rich.email not in str(event.data)
    assert events[0].case_id == rich.case.id and events[2].case_id is None
    assert [r.pseudonymised for r in results] == [False, True, False, True, True]
    assert cf.verify_audit().ok
