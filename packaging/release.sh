#!/usr/bin/env bash
# Build a verifiable Linux release of DPO Desk:
#
#   packaging/release.sh [--bundle DIR]
#
# 1. builds the one-folder bundle at dist/dpo-desk/ (or takes DIR) and runs its self-test as a
#    user's machine would (packaging/ci-bundle-check.sh); a failed self-test fails the release;
# 2. packs it with the installer and the desktop files as dpo-desk-<version>-linux-<arch>.tar.xz;
# 3. writes SHA256SUMS and, when RELEASE_MINISIGN_KEY names a minisign secret key, signs it
#    (SHA256SUMS.minisig) and checks the signature with the matching public key (minisign.pub,
#    written beside it).
#
# Output folder: $RELEASE_OUT (default dist/release). $PYTHON (default .venv/bin/python, then
# python3) must have DPO Desk installed. A key made with `minisign -G -W` has no password; for a
# key with one, minisign reads the password from standard input.
#
# A DPO checks a download with:   sha256sum -c SHA256SUMS
#                                 minisign -Vm SHA256SUMS -p minisign.pub
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_ID="io.github.dpodesk.DPODesk"
OUT="${RELEASE_OUT:-$REPO/dist/release}"
BUNDLE=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bundle) BUNDLE="$(realpath "$2")"; shift ;;
        -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "release.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x "$REPO/.venv/bin/python" ]]; then PYTHON="$REPO/.venv/bin/python"; else PYTHON=python3; fi
fi
fail() {
    echo "release.sh: $*" >&2
    exit 1
}

VERSION="$("$PYTHON" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' \
    "$REPO/pyproject.toml")"
ARCH="$(uname -m)"
NAME="dpo-desk-$VERSION-linux-$ARCH"

# 1. build (or take) the bundle and run its self-test the way a user's machine would
if [[ -z "$BUNDLE" ]]; then
    PYTHON="$PYTHON" DPO_DESK_DIST="$REPO/dist" bash "$REPO/packaging/ci-bundle-check.sh" \
        || fail "the bundle's build or self-test failed; nothing was released"
    BUNDLE="$REPO/dist/dpo-desk"
else
    PYTHON="$PYTHON" bash "$REPO/packaging/ci-bundle-check.sh" --bundle "$BUNDLE" \
        || fail "the bundle's self-test failed; nothing was released"
fi

# 2. pack: the bundle, the per-user installer, the desktop entry, file type, metainfo and icons
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/dpo-desk-release.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
ROOT="$STAGE/$NAME"
mkdir -p "$ROOT/share/icons"
cp -a "$BUNDLE/." "$ROOT/"
cp "$REPO/packaging/linux/install.sh" "$ROOT/install.sh"
cp "$REPO/packaging/linux/$APP_ID.desktop" "$REPO/packaging/linux/$APP_ID.mime.xml" \
    "$REPO/packaging/linux/$APP_ID.metainfo.xml" "$ROOT/share/"
cp -a "$REPO/resources/icons/hicolor" "$ROOT/share/icons/"
cat >"$ROOT/INSTALL.txt" <<TXT
DPO Desk $VERSION for Linux ($ARCH, glibc $(ldd --version 2>/dev/null | head -n 1 | awk '{print $NF}') or newer)

Install for your user (menu entry, .dpodesk file type):   ./install.sh
Or run it in place:                                        ./dpo-desk
Remove:                                                    ./install.sh --uninstall
Your case files, backups and settings are never touched by installing or removing.
System libraries it needs (Debian/Ubuntu package names): libgl1 libegl1 libxkbcommon0
libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxcb-cursor0
libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libcups2 (for printing).
TXT
mkdir -p "$OUT"
rm -f "$OUT/$NAME.tar.xz" "$OUT/SHA256SUMS" "$OUT/SHA256SUMS.minisig" "$OUT/minisign.pub"
epoch="${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || date +%s)}"
tar -C "$STAGE" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -cf - "$NAME" | xz -T0 -6 >"$OUT/$NAME.tar.xz.part"
mv "$OUT/$NAME.tar.xz.part" "$OUT/$NAME.tar.xz"

# 3. checksums, and the signature when a key is given
(cd "$OUT" && sha256sum "$NAME.tar.xz" >SHA256SUMS && sha256sum -c --quiet SHA256SUMS)
if [[ -n "${RELEASE_MINISIGN_KEY:-}" ]]; then
    command -v minisign >/dev/null || fail "RELEASE_MINISIGN_KEY is set but minisign is missing (apt-get install minisign)"
    [[ -f "$RELEASE_MINISIGN_KEY" ]] || fail "no minisign secret key at $RELEASE_MINISIGN_KEY"
    minisign -S -s "$RELEASE_MINISIGN_KEY" -m "$OUT/SHA256SUMS" \
        -t "DPO Desk $VERSION $NAME.tar.xz" >/dev/null || fail "minisign could not sign SHA256SUMS"
    minisign -R -s "$RELEASE_MINISIGN_KEY" -p "$OUT/minisign.pub" >/dev/null \
        || fail "minisign could not write the public key"
    minisign -V -q -p "$OUT/minisign.pub" -m "$OUT/SHA256SUMS" \
        || fail "the signature of SHA256SUMS does not verify"
    echo "== signed: $OUT/SHA256SUMS.minisig (public key: $OUT/minisign.pub)"
else
    echo "== not signed (set RELEASE_MINISIGN_KEY to sign SHA256SUMS)"
fi
echo "== release: $OUT/$NAME.tar.xz ($(du -h "$OUT/$NAME.tar.xz" | cut -f1);" \
    "bundle $(du -sh "$BUNDLE" | cut -f1))"
