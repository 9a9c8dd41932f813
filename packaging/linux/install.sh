#!/usr/bin/env bash
# Install DPO Desk from the unpacked Linux archive for the current user (no root needed):
# the program under ~/.local/lib/dpo-desk, `dpo-desk` in ~/.local/bin, the menu entry, the icon,
# and the .dpodesk file type, so that a double-click on a case file opens it in DPO Desk.
#
#   ./install.sh                 # install or upgrade (case files and settings are never touched)
#   ./install.sh --uninstall     # remove the program, the menu entry and the file type
#   ./install.sh --exec CMD      # register CMD instead of copying a bundle (developers: a venv's
#                                # dpo-desk), e.g. ./packaging/linux/install.sh --exec .venv/bin/dpo-desk
#
# PREFIX (default ~/.local) and XDG_DATA_HOME (default $PREFIX/share) choose where things go.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ID="io.github.dpodesk.DPODesk"
MIME_TYPE="application/x-dpodesk"
PREFIX="${PREFIX:-$HOME/.local}"
DATA="${XDG_DATA_HOME:-$PREFIX/share}"
MODE=install
EXEC=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --uninstall) MODE=uninstall ;;
        --exec) EXEC="$(realpath "$2")"; shift ;;
        -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

# Files beside this script: in the archive they sit in share/; in the source tree, in
# packaging/linux and resources/icons.
if [[ -f "$HERE/share/$APP_ID.desktop" ]]; then
    SHARE="$HERE/share"
    ICONS="$HERE/share/icons/hicolor"
else
    SHARE="$HERE"
    ICONS="$HERE/../../resources/icons/hicolor"
fi

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
    command -v update-desktop-database >/dev/null \
        && update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null \
        && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [[ $MODE == uninstall ]]; then
    rm -rf "$PREFIX/lib/dpo-desk"
    [[ -L "$PREFIX/bin/dpo-desk" ]] && rm -f "$PREFIX/bin/dpo-desk"
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/mime/packages/$APP_ID.xml" \
        "$DATA/metainfo/$APP_ID.metainfo.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    refresh
    echo "DPO Desk removed. Case files, backups and settings were left where they are."
    exit 0
fi

if [[ -z "$EXEC" ]]; then
    [[ -x "$HERE/dpo-desk" && -d "$HERE/_internal" ]] || {
        echo "install.sh: run me from the unpacked archive (dpo-desk and _internal/ beside me)," \
            "or name a program with --exec." >&2
        exit 2
    }
    mkdir -p "$PREFIX/lib" "$PREFIX/bin"
    rm -rf "$PREFIX/lib/dpo-desk.new"
    mkdir "$PREFIX/lib/dpo-desk.new"
    cp -a "$HERE/dpo-desk" "$HERE/_internal" "$PREFIX/lib/dpo-desk.new/"
    rm -rf "$PREFIX/lib/dpo-desk"
    mv "$PREFIX/lib/dpo-desk.new" "$PREFIX/lib/dpo-desk"
    ln -sfn "$PREFIX/lib/dpo-desk/dpo-desk" "$PREFIX/bin/dpo-desk"
    EXEC="$PREFIX/lib/dpo-desk/dpo-desk"
fi

mkdir -p "$DATA/applications" "$DATA/mime/packages" "$DATA/metainfo"
# The menu entry runs this very program (an absolute path: ~/.local/bin is not always on PATH),
# quoted only where the desktop entry spec requires it (some xdg-open versions cannot read quotes).
quoted="$EXEC"
if [[ "$EXEC" =~ [[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\(\)\`] ]]; then
    quoted="\"${EXEC//\"/\\\"}\""
fi
sed -e "s|^Exec=dpo-desk|Exec=$quoted|" "$SHARE/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
cp "$SHARE/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"
[[ -f "$SHARE/$APP_ID.metainfo.xml" ]] && cp "$SHARE/$APP_ID.metainfo.xml" "$DATA/metainfo/"
if [[ -d "$ICONS" ]]; then
    (cd "$ICONS" && find . -name "$APP_ID.*" -print0 | while IFS= read -r -d '' icon; do
        mkdir -p "$DATA/icons/hicolor/$(dirname "$icon")"
        cp "$icon" "$DATA/icons/hicolor/$icon"
    done)
fi
refresh
command -v xdg-mime >/dev/null && xdg-mime default "$APP_ID.desktop" "$MIME_TYPE" || true
echo "DPO Desk installed: $EXEC"
echo "Start it from the menu or with: $EXEC (a double-click opens .dpodesk files)."
