#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller and run its self-test the way a user's
# machine would: empty environment, no Python on PATH, started from another folder.
# Exits non-zero if the build fails or any required part of the bundle is missing.
#
#   packaging/ci-bundle-check.sh              # build with $PYTHON (default: python3)
#   packaging/ci-bundle-check.sh --fresh-venv # build in a throwaway venv (pip install . pyinstaller)
#   packaging/ci-bundle-check.sh --bundle DIR # check a bundle built before (no build)
#
# $PYTHON must have DPO Desk installed (pip install -e .); PyInstaller is installed into it when
# missing. DPO_DESK_DIST=DIR keeps the bundle in DIR (default: a temporary folder, removed).
# Needs the Qt offscreen libraries (Debian: libgl1 libegl1 libxkbcommon0 libglib2.0-0
# libfreetype6 libfontconfig1 libdbus-1-3).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
PYINSTALLER_REQ="pyinstaller>=6.10,<7"

FRESH_VENV=0
GIVEN_BUNDLE=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --fresh-venv) FRESH_VENV=1 ;;
        --bundle) GIVEN_BUNDLE="$(realpath "$2")"; shift ;;
        -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "ci-bundle-check.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/dpo-desk-bundle.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
DIST="${DPO_DESK_DIST:-$SCRATCH/dist}"

if [[ -n "$GIVEN_BUNDLE" ]]; then
    : # nothing to build
elif [[ $FRESH_VENV == 1 ]]; then
    "$PYTHON" -m venv "$SCRATCH/venv"
    PYTHON="$SCRATCH/venv/bin/python"
    had_build_dir=0
    [[ -e "$REPO/build" ]] && had_build_dir=1
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "$REPO" "$PYINSTALLER_REQ"
    # setuptools builds the wheel in the source tree; leave the tree as it was.
    [[ $had_build_dir == 1 ]] || rm -rf "$REPO/build"
elif ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "$PYINSTALLER_REQ"
fi

start=$(date +%s)
if [[ -n "$GIVEN_BUNDLE" ]]; then
    BUNDLE="$GIVEN_BUNDLE"
else
    echo "== building the Linux bundle with $("$PYTHON" -m PyInstaller --version 2>/dev/null \
        | sed 's/^/PyInstaller /') on $(nproc) cores"
    PYTHON="$PYTHON" "$REPO/packaging/pyinstaller/build-linux.sh" "$DIST" "$SCRATCH/work"
    BUNDLE="$(realpath "$DIST/dpo-desk")"
fi
elapsed=$(($(date +%s) - start))
[[ -x "$BUNDLE/dpo-desk" ]] || { echo "ci-bundle-check.sh: no dpo-desk program in $BUNDLE" >&2; exit 1; }
echo "== build took ${elapsed}s; bundle size $(du -sh "$BUNDLE" | cut -f1)" \
    "($(find "$BUNDLE" -type f | wc -l) files)"

# A user's machine: no Python on PATH, no PYTHONPATH or PYTHONHOME, no source tree in the
# current folder, a fresh home, no display, no keyring service.
mkdir -p "$SCRATCH/elsewhere" "$SCRATCH/home" "$SCRATCH/no-bin" "$SCRATCH/runtime"
chmod 700 "$SCRATCH/runtime"
run_bundle() {
    (cd "$SCRATCH/elsewhere" && env -i \
        HOME="$SCRATCH/home" \
        PATH="$SCRATCH/no-bin" \
        LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$SCRATCH/runtime" \
        QT_QPA_PLATFORM=offscreen \
        "$BUNDLE/dpo-desk" "$@")
}

echo "== dpo-desk --version"
run_bundle --version

echo "== dpo-desk --self-test"
status=0
output="$(run_bundle --self-test 2>&1)" || status=$?
printf '%s\n' "$output"

fail() {
    echo "ci-bundle-check.sh: $*" >&2
    exit 1
}
[[ $status == 0 ]] || fail "the bundle's self-test failed (exit $status)"
grep -q "(frozen bundle)" <<<"$output" || fail "the self-test did not run frozen"
components="$(grep -E "^ +(ok|FAIL) +components " <<<"$output" || true)"
[[ -n "$components" ]] || fail "the self-test listed no component versions"
if grep -q "?" <<<"$components"; then
    fail "a bundled part has no version metadata (About would show '?'): $components"
fi
# the bundle carries the OCR engine and its language models (issue 18)
grep -Eq "^ +ok +ocr " <<<"$output" || fail "the bundle cannot read scans (OCR engine or models missing)"
grep -q "resources in $BUNDLE/" <<<"$output" \
    || fail "the bundle read its resources from outside the bundle"
if grep -q "$REPO/" <<<"${output//$BUNDLE/}"; then
    fail "the bundle used files of the source tree"
fi

# With a real Secret Service (Debian: gnome-keyring, dbus) the bundled keyring backend must work.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    echo "== dpo-desk --self-test under a session bus with an unlocked gnome-keyring"
    mkdir -p "$SCRATCH/keyring-home"
    keyring_output="$(cd "$SCRATCH/elsewhere" && env -i \
        HOME="$SCRATCH/keyring-home" \
        PATH="$(dirname "$(command -v dbus-run-session)"):$(dirname "$(command -v gnome-keyring-daemon)")" \
        LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$SCRATCH/runtime" \
        QT_QPA_PLATFORM=offscreen \
        BUNDLE="$BUNDLE" \
        dbus-run-session -- sh -c \
        'printf ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
         "$BUNDLE/dpo-desk" --self-test' 2>&1)" || true
    grep -E "keyring" <<<"$keyring_output" || true
    grep -Eq "^ +ok +keyring_usable " <<<"$keyring_output" \
        || fail "the bundled keyring backend cannot use the Secret Service"
fi
echo "== bundle check passed (build ${elapsed}s, $(du -sh "$BUNDLE" | cut -f1))"
