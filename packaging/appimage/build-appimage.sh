#!/usr/bin/env bash
# Wrap the Linux one-folder bundle into an AppImage: DPO_Desk-<version>-<arch>.AppImage.
#
#   packaging/appimage/build-appimage.sh [--appdir-only] [BUNDLE_DIR]
#
# BUNDLE_DIR is a PyInstaller bundle (default: dist/dpo-desk; built with build-linux.sh when it
# does not exist). The script assembles dist/AppDir (AppRun, .desktop file, icons, AppStream
# metainfo), runs the AppDir's self-test, then packs it with appimagetool, taken from $APPIMAGETOOL
# or PATH (the AppImage project publishes it as an AppImage itself; put it on the build machine
# beforehand). --appdir-only stops after the self-test.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP_ID="io.github.dpodesk.DPODesk"
APPDIR_ONLY=0
BUNDLE=""
for arg in "$@"; do
    case "$arg" in
        --appdir-only) APPDIR_ONLY=1 ;;
        -*) echo "build-appimage.sh: unknown option $arg" >&2; exit 2 ;;
        *) BUNDLE="$arg" ;;
    esac
done
BUNDLE="${BUNDLE:-$REPO/dist/dpo-desk}"
if [[ ! -x "$BUNDLE/dpo-desk" ]]; then
    "$REPO/packaging/pyinstaller/build-linux.sh" "$(dirname "$BUNDLE")"
fi

VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$REPO/pyproject.toml" | head -n1)"
ARCH="$(uname -m)"
OUT="$(dirname "$BUNDLE")"
APPDIR="$OUT/AppDir"

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/bin" "$APPDIR/usr/share/applications" \
    "$APPDIR/usr/share/metainfo" "$APPDIR/usr/share/icons"
cp -a "$BUNDLE" "$APPDIR/usr/lib/dpo-desk"
ln -s ../lib/dpo-desk/dpo-desk "$APPDIR/usr/bin/dpo-desk"

cp "$REPO/packaging/linux/$APP_ID.desktop" "$APPDIR/usr/share/applications/"
cp "$REPO/packaging/linux/$APP_ID.metainfo.xml" "$APPDIR/usr/share/metainfo/"
cp -r "$REPO/resources/icons/hicolor" "$APPDIR/usr/share/icons/"
# appimagetool wants the desktop file and the icon at the top of the AppDir as well.
cp "$REPO/packaging/linux/$APP_ID.desktop" "$APPDIR/"
cp "$REPO/resources/icons/hicolor/256x256/apps/$APP_ID.png" "$APPDIR/"
ln -s "$APP_ID.png" "$APPDIR/.DirIcon"

cat >"$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
# Start DPO Desk from inside the AppImage (or an unpacked AppDir).
HERE="$(dirname "$(readlink -f "$0")")"
exec "$HERE/usr/lib/dpo-desk/dpo-desk" "$@"
APPRUN
chmod +x "$APPDIR/AppRun"

echo "== self-test of $APPDIR"
(cd / && QT_QPA_PLATFORM=offscreen "$APPDIR/AppRun" --self-test)

if [[ $APPDIR_ONLY == 1 ]]; then
    echo "AppDir ready: $APPDIR"
    exit 0
fi

TOOL="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
if [[ -z "$TOOL" ]]; then
    echo "build-appimage.sh: appimagetool not found; set APPIMAGETOOL or put it on PATH" >&2
    exit 3
fi
TARGET="$OUT/DPO_Desk-$VERSION-$ARCH.AppImage"
ARCH="$ARCH" "$TOOL" "$APPDIR" "$TARGET"
echo "Built $TARGET"
