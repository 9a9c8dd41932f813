#!/usr/bin/env bash
# Build "DPO Desk.app" (and the one-folder dist/dpo-desk/) on macOS, optionally signed.
#
#   packaging/pyinstaller/build-macos.sh [DIST_DIR] [WORK_DIR]
#
# Uses $PYTHON (default: python3), which must have DPO Desk and PyInstaller installed:
#   python3 -m pip install -e . "pyinstaller>=6.10,<7"
# Set DPO_DESK_CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" to sign with the
# hardened runtime and a secure timestamp; then notarise it as packaging/macos/NOTARISATION.md says.
# Build on Apple silicon for arm64 and on Intel (or under Rosetta) for x86_64.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="${1:-$REPO/dist}"
WORK="${2:-$REPO/build/pyinstaller}"

if ! "$PYTHON" -c "import PyInstaller, dpo_desk" 2>/dev/null; then
    echo "build-macos.sh: $PYTHON needs DPO Desk and PyInstaller:" >&2
    echo "  $PYTHON -m pip install -e '$REPO' 'pyinstaller>=6.10,<7'" >&2
    exit 2
fi

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$REPO/packaging/pyinstaller/dpo-desk.spec"

APP="$DIST/DPO Desk.app"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/dpo-desk" --self-test

if [[ -n "${DPO_DESK_CODESIGN_IDENTITY:-}" ]]; then
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

echo "Built $APP. To sign, notarise and wrap it in a disk image: packaging/macos/NOTARISATION.md"
