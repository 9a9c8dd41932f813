"""Packaging metadata: one version everywhere, a valid .desktop file and AppStream metainfo, and
the app icon in every size each platform asks for.

``desktop-file-validate`` and ``appstreamcli`` (Debian: desktop-file-utils, appstream) validate
the files when they are installed; without them the tests check the structure themselves.
"""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

import dpo_desk
from dpo_desk.cli.selftest import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
CHANGELOG_RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})\s*$", re.M)


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _releases() -> list[tuple[str, str]]:
    return [(r.get("version", ""), r.get("date", "")) for r in _metainfo().iter("release")]


def _changelog_releases() -> list[tuple[str, str]]:
    changelog = ROOT / "CHANGELOG.md"
    assert changelog.is_file(), "CHANGELOG.md is missing (Keep a Changelog format)"
    return CHANGELOG_RELEASE.findall(changelog.read_text(encoding="utf-8"))


# --- one version -----------------------------------------------------------------------------
def test_one_version_in_pyproject_package_metainfo_and_changelog() -> None:
    version = _pyproject()["project"]["version"]

    assert dpo_desk.__version__ == version
    assert _releases()[0][0] == version, "the newest metainfo <release> is not pyproject's version"
    assert _changelog_releases()[0][0] == version, "CHANGELOG.md's newest release is not it"


def test_metainfo_releases_match_the_changelog() -> None:
    releases = _releases()

    assert releases == _changelog_releases()
    dates = [date.fromisoformat(d) for _, d in releases]
    assert dates == sorted(dates, reverse=True), "releases must be listed newest first"


# --- .desktop --------------------------------------------------------------------------------
def test_desktop_entry_keys() -> None:
    entry = _desktop_entry()

    assert entry["Type"] == "Application"
    assert entry["Name"] == "DPO Desk"
    assert entry["Exec"].split()[0] == "dpo-desk"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Comment"] and entry["GenericName"]
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";"), f"{key} must end with ';'"
    assert "Office" in entry["Categories"].split(";")


def _structure_problems_desktop() -> list[str]:
    """What desktop-file-validate would reject, for machines without it."""
    problems = []
    text = DESKTOP.read_text(encoding="utf-8")
    if not text.startswith("[Desktop Entry]\n"):
        problems.append("the file must start with [Desktop Entry]")
    entry = _desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon"):
        if not entry.get(key):
            problems.append(f"required key {key} is missing")
    if entry.get("Version") not in {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"}:
        problems.append("unknown Version")
    for key, value in entry.items():
        if not re.fullmatch(r"[A-Za-z0-9-]+", key):
            problems.append(f"bad key {key!r}")
        if value != value.strip():
            problems.append(f"{key} has surrounding spaces")
    for key in ("Terminal", "StartupNotify"):
        if key in entry and entry[key] not in {"true", "false"}:
            problems.append(f"{key} must be true or false")
    return problems


def test_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool:
        result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    assert _structure_problems_desktop() == []


# --- AppStream metainfo ----------------------------------------------------------------------
def test_metainfo_content() -> None:
    root = _metainfo()

    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == _pyproject()["project"]["license"]
    assert root.findtext("name") == _desktop_entry()["Name"]
    summary = root.findtext("summary") or ""
    assert summary and not summary.endswith(".") and len(summary) < 80
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    assert root.findtext("provides/binary") == "dpo-desk"
    for release in root.iter("release"):
        assert release.find("description/p") is not None, release.get("version")


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool:
        result = subprocess.run(
            [tool, "validate", "--no-net", "--no-color", str(METAINFO)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        errors = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
        assert errors == []
    root = _metainfo()
    for tag in ("id", "name", "summary", "description", "metadata_license", "project_license"):
        assert len(root.findall(tag)) == 1, f"exactly one <{tag}> required"
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z0-9_-]+){2,}", root.findtext("id") or "")


# --- icons -----------------------------------------------------------------------------------
@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_in_every_size(size: int) -> None:
    icon = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(icon) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        alpha = image.getchannel("A").getextrema()
    assert alpha == (0, 255), "the icon should have transparent corners and an opaque body"


def test_scalable_icon_is_a_square_svg() -> None:
    svg = ET.parse(ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").getroot()

    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert width == height > 0


def test_windows_and_macos_icons() -> None:
    with Image.open(ICONS / "dpo-desk.ico") as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "dpo-desk.icns") as icns:
        assert icns.format == "ICNS"
        assert (512, 512, 2) in icns.info["sizes"]


# --- platform installers ---------------------------------------------------------------------
def test_macos_info_plist_template() -> None:
    template = (PACKAGING / "macos" / "Info.plist").read_text(encoding="utf-8")
    assert "@VERSION@" in template

    plist = plistlib.loads(template.replace("@VERSION@", "9.8.7").encode())

    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleShortVersionString"] == "9.8.7"
    assert plist["CFBundleExecutable"] == "dpo-desk"
    assert plist["CFBundleIconFile"] == "dpo-desk.icns"
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"]
    # .dpodesk files open in DPO Desk (the app handles the QFileOpenEvent the system sends)
    (document,) = plist["CFBundleDocumentTypes"]
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["dpodesk"]


def test_every_platform_registers_the_case_file_type() -> None:
    entry = _desktop_entry()
    assert entry["MimeType"] == "application/x-dpodesk;" and entry["Exec"].endswith(" %f")
    mime = ET.parse(PACKAGING / "linux" / f"{APP_ID}.mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (kind,) = mime.findall("m:mime-type", ns)
    assert kind.get("type") == "application/x-dpodesk"
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.dpodesk"]
    script = (PACKAGING / "windows" / "dpo-desk.iss").read_text(encoding="utf-8")
    assert 'Subkey: "Software\\Classes\\.dpodesk"' in script
    assert '""{app}\\dpo-desk.exe"" ""%1""' in script
    assert re.search(r"^VersionInfoVersion=\{#AppVersion\}\s*$", script, re.M)
    # the installer speaks the languages the program speaks
    assert re.findall(r'^Name: "(\w+)"; MessagesFile', script, re.M) == ["english", "russian"]


def test_inno_setup_script_takes_the_version_from_a_define() -> None:
    script = (PACKAGING / "windows" / "dpo-desk.iss").read_text(encoding="utf-8")

    assert re.search(r"^#ifndef AppVersion\s*$", script, re.M)
    assert re.search(r"^AppVersion=\{#AppVersion\}\s*$", script, re.M)
    assert re.search(r"^Name: \"\{group\}\\DPO Desk\"", script, re.M), "Start-menu entry"
    assert re.search(r"^UninstallDisplayIcon=", script, re.M)
    assert re.search(r"^SetupIconFile=.*dpo-desk\.ico\s*$", script, re.M)
    app_id = re.search(r"^AppId=\{\{([0-9A-F-]{36})\}\s*$", script, re.M)
    assert app_id, "a fixed AppId GUID keeps upgrades and the uninstaller working"


def test_pyinstaller_spec_is_python_and_names_the_bundle() -> None:
    spec = PACKAGING / "pyinstaller" / "dpo-desk.spec"

    code = compile(spec.read_text(encoding="utf-8"), str(spec), "exec")

    assert "COLLECT" in code.co_names and "copy_metadata" in code.co_names
