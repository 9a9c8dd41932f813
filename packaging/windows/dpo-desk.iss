; Inno Setup 6 script for DPO Desk: installs the PyInstaller one-folder bundle, adds a Start-menu
; entry (and optionally a desktop icon) and registers an uninstaller.
;
; Built by packaging\pyinstaller\build-windows.ps1, which passes the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\path\to\dist\dpo-desk /OC:\path\to\dist dpo-desk.iss
;
; The uninstaller removes the program only. Case files, backups and settings live in the user's
; data folder and are never deleted by it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build-windows.ps1 reads it from pyproject.toml)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\dpo-desk"
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find earlier installations by it.
AppId={{5D13A5D7-885E-4240-9717-6563548DA7A0}
AppName=DPO Desk
AppVersion={#AppVersion}
AppVerName=DPO Desk {#AppVersion}
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription=DPO Desk installer
AppPublisher=DPO Desk developers
AppCopyright=DPO Desk developers, GPL-3.0-or-later
DefaultDirName={autopf}\DPO Desk
DefaultGroupName=DPO Desk
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); an administrator may install for all.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=DPO-Desk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\dpo-desk.ico
UninstallDisplayIcon={app}\dpo-desk.exe
UninstallDisplayName=DPO Desk {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
; .dpodesk files open in DPO Desk; the command-line twin can be put on the user's PATH.
ChangesAssociations=yes
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add dpo-desk-cli to PATH (command line: dpo-desk-cli case list ...)"; Flags: unchecked

[Registry]
; The file type: a double-click on a case file starts DPO Desk on it (or hands it to the running window).
Root: HKA; Subkey: "Software\Classes\.dpodesk"; ValueType: string; ValueName: ""; ValueData: "DPODesk.CaseFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.dpodesk\OpenWithProgids"; ValueType: string; ValueName: "DPODesk.CaseFile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\DPODesk.CaseFile"; ValueType: string; ValueName: ""; ValueData: "DPO Desk case file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\DPODesk.CaseFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\dpo-desk.exe,0"
Root: HKA; Subkey: "Software\Classes\DPODesk.CaseFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dpo-desk.exe"" ""%1"""
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

[InstallDelete]
; An upgrade replaces the bundle whole, so no file of an older version lingers next to the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\DPO Desk"; Filename: "{app}\dpo-desk.exe"; Comment: "Log, verify, track and answer data-subject requests"
Name: "{group}\{cm:UninstallProgram,DPO Desk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\DPO Desk"; Filename: "{app}\dpo-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\dpo-desk.exe"; Description: "{cm:LaunchProgram,DPO Desk}"; Flags: nowait postinstall skipifsilent
