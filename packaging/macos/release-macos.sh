#!/usr/bin/env bash
# One command for a maintainer on a Mac with the Developer ID certificate and a notarytool profile
# (packaging/macos/NOTARISATION.md, step 0): build, sign, wrap in a disk image with an
# Applications link, notarise, staple, check with Gatekeeper, and write SHA256SUMS.
#
#   DPO_DESK_CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" \
#   DPO_DESK_NOTARY_PROFILE=dpo-desk-notary  packaging/macos/release-macos.sh
#
# Output: $RELEASE_OUT (default dist/release): DPO-Desk-<version>-macos-<arch>.dmg, SHA256SUMS
# (+ SHA256SUMS.minisig when RELEASE_MINISIGN_KEY is set, as on Linux).
# Scripted, not run by the project's CI (it has no Mac): run it once by hand before relying on it.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
OUT="${RELEASE_OUT:-$REPO/dist/release}"
: "${DPO_DESK_CODESIGN_IDENTITY:?set DPO_DESK_CODESIGN_IDENTITY to the Developer ID Application identity}"
: "${DPO_DESK_NOTARY_PROFILE:?set DPO_DESK_NOTARY_PROFILE to the notarytool keychain profile}"

VERSION="$("$PYTHON" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' \
    "$REPO/pyproject.toml")"
ARCH="$(uname -m)"
DMG="$OUT/DPO-Desk-$VERSION-macos-$ARCH.dmg"

# 1. build and sign the app (the spec signs with the hardened runtime), then self-test it
PYTHON="$PYTHON" "$REPO/packaging/pyinstaller/build-macos.sh"
APP="$REPO/dist/DPO Desk.app"
codesign --verify --deep --strict --verbose=2 "$APP"

# 2. the disk image: the app and a link to /Applications to drag it onto
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
mkdir -p "$OUT"
rm -f "$DMG"
hdiutil create -volname "DPO Desk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO "$DMG"
codesign --sign "$DPO_DESK_CODESIGN_IDENTITY" --timestamp "$DMG"

# 3. notarise, staple, and ask Gatekeeper as a downloaded file would be asked
xcrun notarytool submit "$DMG" --keychain-profile "$DPO_DESK_NOTARY_PROFILE" --wait
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"

# 4. checksums (and a minisign signature, as on Linux)
(cd "$OUT" && shasum -a 256 "$(basename "$DMG")" >>SHA256SUMS)
if [[ -n "${RELEASE_MINISIGN_KEY:-}" ]]; then
    minisign -S -s "$RELEASE_MINISIGN_KEY" -m "$OUT/SHA256SUMS"
fi
echo "Released $DMG"
