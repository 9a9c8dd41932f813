#!/usr/bin/env bash
# Build the Linux one-folder bundle: dist/dpo-desk/dpo-desk (+ _internal/).
#
#   packaging/pyinstaller/build-linux.sh [DIST_DIR] [WORK_DIR]
#
# Uses $PYTHON (default: python3 on PATH), which must have DPO Desk and PyInstaller installed:
#   python3 -m pip install -e . "pyinstaller>=6.10,<7"
# Build on the oldest distribution you support: the bundle needs a glibc at least as new as the
# build machine's (and >= 2.34 for the PySide6 6.12 wheels).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="${1:-$REPO/dist}"
WORK="${2:-$REPO/build/pyinstaller}"

if ! "$PYTHON" -c "import PyInstaller, dpo_desk" 2>/dev/null; then
    echo "build-linux.sh: $PYTHON needs DPO Desk and PyInstaller:" >&2
    echo "  $PYTHON -m pip install -e '$REPO' 'pyinstaller>=6.10,<7'" >&2
    exit 2
fi

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$REPO/packaging/pyinstaller/dpo-desk.spec"

# Strip Qt's libraries and the interpreter's own (most of the size; none patched by auditwheel).
# A wheel's auditwheel-patched library (numpy's OpenBLAS) breaks when stripped: left alone.
if [[ "${DPO_DESK_BUNDLE_STRIP:-1}" == 1 ]] && command -v strip >/dev/null; then
    internal="$DIST/dpo-desk/_internal"
    find "$internal/PySide6" "$internal/python3.11" -type f \( -name '*.so' -o -name '*.so.*' \) \
        -exec strip --strip-unneeded {} + 2>/dev/null || true
    find "$internal" -maxdepth 1 -name 'libpython3*.so*' -type f \
        -exec strip --strip-unneeded {} + 2>/dev/null || true
fi
echo "Built $DIST/dpo-desk ($(du -sh "$DIST/dpo-desk" | cut -f1))"
