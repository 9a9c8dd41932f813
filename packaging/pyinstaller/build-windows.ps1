# Build the Windows one-folder bundle (dist\dpo-desk\) and the installer (dist\DPO-Desk-<version>-setup.exe).
#
#   powershell -ExecutionPolicy Bypass -File packaging\pyinstaller\build-windows.ps1
#
# Needs: Python 3.11+ with DPO Desk and PyInstaller installed
#   py -3.11 -m pip install -e . "pyinstaller>=6.10,<7"
# and Inno Setup 6 (iscc.exe on PATH or in its default folder) for the installer.
# Set $env:PYTHON to choose the interpreter (default: python), $env:DPO_DESK_SIGN_CERT_SHA1 to sign
# the executables and the installer (packaging\windows\sign.ps1). Scripted, not run by the CI.
param(
    [string]$Dist = "",
    [string]$Work = ""
)
$ErrorActionPreference = "Stop"

$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
if (-not $Dist) { $Dist = Join-Path $Repo "dist" }
if (-not $Work) { $Work = Join-Path $Repo "build\pyinstaller" }

& $Python -c "import PyInstaller, dpo_desk"
if ($LASTEXITCODE -ne 0) {
    throw "$Python needs DPO Desk and PyInstaller: $Python -m pip install -e `"$Repo`" `"pyinstaller>=6.10,<7`""
}

& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath $Dist --workpath $Work (Join-Path $Repo "packaging\pyinstaller\dpo-desk.spec")
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The console twin prints the self-test; the windowed dpo-desk.exe is the one users start.
& (Join-Path $Dist "dpo-desk\dpo-desk-cli.exe") --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }

$Sign = Join-Path $Repo "packaging\windows\sign.ps1"
if ($env:DPO_DESK_SIGN_CERT_SHA1) {
    & $Sign (Join-Path $Dist "dpo-desk\dpo-desk.exe") (Join-Path $Dist "dpo-desk\dpo-desk-cli.exe")
}

$Version = & $Python -c "import tomllib; print(tomllib.load(open(r'$Repo\pyproject.toml', 'rb'))['project']['version'])"
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 (ISCC.exe) not found" }

& $Iscc "/DAppVersion=$Version" "/DBundleDir=$(Join-Path $Dist 'dpo-desk')" "/O$Dist" `
    (Join-Path $Repo "packaging\windows\dpo-desk.iss")
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
$Setup = Join-Path $Dist "DPO-Desk-$Version-setup.exe"
if ($env:DPO_DESK_SIGN_CERT_SHA1) { & $Sign $Setup }
# Checksums a DPO can check the download against (and sign with minisign, as on Linux).
$Hash = (Get-FileHash -Algorithm SHA256 $Setup).Hash.ToLower()
"$Hash  DPO-Desk-$Version-setup.exe" | Out-File -Encoding ascii (Join-Path $Dist "SHA256SUMS")
Write-Host "Built $Setup"
