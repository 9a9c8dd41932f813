"""``dpo-desk --self-test``: every check reports, failures are caught and set the exit code."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import types
from pathlib import Path

import keyring
import pytest
import reportlab
from keyring.backends import fail
from keyring.errors import KeyringLocked

import dpo_desk
from dpo_desk.cli import main, selftest
from dpo_desk.cli.context import CliContext

ALL_CHECKS = {
    "version",
    "components",
    "ocr",
    "python",
    "qt",
    "sqlcipher",
    "keyring",
    "keyring_usable",
    "fonts",
    "language",
    "qtpdf",
    "printing",
    "icons",
}


def _context(json_output: bool) -> tuple[CliContext, io.StringIO]:
    ctx = CliContext(argparse.Namespace(json=json_output, self_test=True, command=None))
    out = io.StringIO()
    ctx.stdout = out
    return ctx, out


def test_json_reports_every_check_and_all_pass_here(qapp) -> None:
    ctx, out = _context(json_output=True)

    code = selftest.run_self_test(ctx)

    report = json.loads(out.getvalue())
    assert set(report["checks"]) == ALL_CHECKS
    for name, check in report["checks"].items():
        assert set(check) == {"ok", "detail", "required"}, name
        assert isinstance(check["ok"], bool) and isinstance(check["required"], bool)
        assert check["detail"].strip(), name
    failed = {n: c["detail"] for n, c in report["checks"].items() if not c["ok"]}
    assert failed == {}
    assert report["ok"] is True and code == 0
    assert report["version"] == dpo_desk.__version__
    assert report["checks"]["keyring_usable"]["required"] is False
    assert "SQLCipher 4." in report["checks"]["sqlcipher"]["detail"]


def test_text_output_through_the_cli(qapp, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--self-test"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == f"DPO Desk {dpo_desk.__version__} self-test"
    assert lines[-1] == "All required parts work."
    assert {line.split()[1] for line in lines[1:-1]} == ALL_CHECKS
    assert all(line.split()[0] == "ok" for line in lines[1:-1])


def test_a_part_without_version_metadata_fails_the_self_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import metadata

    real = metadata.version

    def version(name: str) -> str:
        if name == "sqlcipher3":  # what a bundle that forgot copy_metadata("sqlcipher3") sees
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(metadata, "version", version)
    check = selftest.check_components()
    assert not check.ok
    assert "sqlcipher3 ?" in check.detail and "no version metadata for sqlcipher3" in check.detail
    monkeypatch.setattr(metadata, "version", real)
    assert selftest.check_components().ok


def test_missing_resources_fail_the_self_test(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "_resource", lambda *parts: tmp_path.joinpath(*parts))
    ctx, out = _context(json_output=False)

    code = selftest.run_self_test(ctx)

    text = out.getvalue()
    assert code == 1
    assert "FAIL  fonts" in text and "FAIL  icons" in text
    assert text.rstrip().endswith("Missing or broken: fonts, icons.")


def test_a_font_without_kazakh_letters_is_refused(tmp_path: Path) -> None:
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    shutil.copy(vera, tmp_path / "Vera.ttf")

    check = selftest.check_fonts(tmp_path)

    assert not check.ok
    assert "Vera.ttf lacks" in check.detail


def test_a_broken_font_file_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "Broken.ttf").write_bytes(b"not a font at all")

    check = selftest.check_fonts(tmp_path)

    assert not check.ok
    assert "Broken.ttf" in check.detail


def test_bundled_fonts_cover_kazakh() -> None:
    from dpo_desk import resources

    check = selftest.check_fonts(resources.path("fonts"))

    assert check.ok, check.detail


def test_an_unusable_keyring_is_information_not_failure() -> None:
    keyring.set_keyring(fail.Keyring())

    bundled, usable = selftest.check_keyring()

    assert bundled.ok and bundled.required
    assert "fail.Keyring" in bundled.detail and "SecretService" in bundled.detail
    assert not usable.ok and not usable.required
    assert "passphrase" in usable.detail


def test_a_locked_keyring_is_not_usable() -> None:
    class LockedKeyring(keyring.backend.KeyringBackend):
        priority = -1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("the login keyring is locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringLocked("the login keyring is locked")

        def delete_password(self, service: str, username: str) -> None:
            raise KeyringLocked("the login keyring is locked")

    keyring.set_keyring(LockedKeyring())

    _, usable = selftest.check_keyring()

    assert not usable.ok
    assert "KeyringLocked" in usable.detail


def test_the_memory_keyring_of_the_tests_is_usable() -> None:
    bundled, usable = selftest.check_keyring()

    assert bundled.ok
    assert "MemoryKeyring" in bundled.detail
    assert usable.ok


def test_sqlcipher_older_than_4_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class OldConnection:
        def execute(self, sql: str) -> OldConnection:
            self.sql = sql
            return self

        def fetchone(self) -> tuple[str]:
            return ("3.4.2",) if "cipher_version" in self.sql else ("OpenSSL",)

        def close(self) -> None:
            pass

    fake = types.ModuleType("sqlcipher3")
    fake.connect = lambda _name: OldConnection()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sqlcipher3", fake)

    check = selftest.check_sqlcipher()

    assert not check.ok
    assert "3.4.2 is too old" in check.detail


def test_without_qt_every_qt_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dpo_desk.ui.selftest_qt", None)

    checks = selftest.run_qt_checks()

    assert [c.name for c in checks] == list(selftest.QT_CHECKS)
    assert all(not c.ok and "Qt is not available" in c.detail for c in checks)


def test_a_crashing_check_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> selftest.Check:
        raise RuntimeError("boom")

    check = selftest._guarded("python", broken)

    assert check == selftest.Check("python", False, "RuntimeError: boom")


def test_qtpdf_check_sees_a_blank_page(qapp) -> None:
    from reportlab.pdfgen import canvas

    from dpo_desk.ui import selftest_qt

    blank = io.BytesIO()
    page = canvas.Canvas(blank)
    page.showPage()
    page.save()

    assert selftest_qt._check_qtpdf(selftest.sample_pdf()).ok
    check = selftest_qt._check_qtpdf(blank.getvalue())
    assert not check.ok and "blank" in check.detail


def test_qtpdf_check_refuses_garbage(qapp) -> None:
    from dpo_desk.ui import selftest_qt

    check = selftest_qt._check_qtpdf(b"%PDF-1.4 this is not really a PDF")

    assert not check.ok and "could not load" in check.detail


def test_printing_check_leaves_no_file_behind(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpo_desk.ui import selftest_qt

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(selftest_qt.tempfile, "tempdir", None)

    check = selftest_qt._check_printing(selftest.sample_pdf())

    assert check.ok, check.detail
    assert "QPrinter prints to PDF" in check.detail
    assert list(tmp_path.iterdir()) == []


def test_self_test_json_through_the_real_parser(qapp, capsys) -> None:
    code = main(["--self-test", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["ok"] is True and set(report["checks"]) == ALL_CHECKS
