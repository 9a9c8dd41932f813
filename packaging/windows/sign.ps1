# Sign the Windows executables and the installer with Authenticode, then verify them.
# Run by build-windows.ps1 when $env:DPO_DESK_SIGN_CERT_SHA1 is set (the certificate's thumbprint
# in the current user's certificate store, e.g. on a hardware token), or by hand:
#
#   powershell -File packaging\windows\sign.ps1 dist\dpo-desk\dpo-desk.exe dist\dpo-desk\dpo-desk-cli.exe
#
# Needs signtool.exe (Windows SDK). $env:DPO_DESK_TIMESTAMP_URL chooses the RFC 3161 timestamp
# server (default: DigiCert's). Scripted, not run by the project's CI (it has no Windows).
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = "Stop"

$Thumbprint = $env:DPO_DESK_SIGN_CERT_SHA1
if (-not $Thumbprint) { throw "Set DPO_DESK_SIGN_CERT_SHA1 to the code-signing certificate's thumbprint" }
$Timestamp = if ($env:DPO_DESK_TIMESTAMP_URL) { $env:DPO_DESK_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
$Signtool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source
if (-not $Signtool) {
    $Signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
}
if (-not $Signtool) { throw "signtool.exe not found: install the Windows SDK" }

foreach ($File in $Files) {
    & $Signtool sign /sha1 $Thumbprint /fd SHA256 /tr $Timestamp /td SHA256 /d "DPO Desk" $File
    if ($LASTEXITCODE -ne 0) { throw "signing $File failed" }
    & $Signtool verify /pa /v $File
    if ($LASTEXITCODE -ne 0) { throw "the signature of $File does not verify" }
}
