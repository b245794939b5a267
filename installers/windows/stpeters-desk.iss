; Inno Setup recipe for St Peter's Desk on Windows (64-bit, Windows 10 or newer).
;
; Build the one-folder bundle first, from the repository's root:
;   python -m PyInstaller --noconfirm --clean --distpath dist --workpath build installers\stpeters-desk.spec
; then, with the version from the package (stpeters_desk.__version__):
;   ISCC.exe /DAppVersion=0.1.0 installers\windows\stpeters-desk.iss
; which writes dist\stpeters-desk-<version>-windows-x64-setup.exe.
; .github/workflows/installers.yml does both.
;
; The installer is per machine (C:\Program Files\St Peter's Desk, needs an administrator),
; so one copy serves the office account and a dedicated kiosk account alike. Each Windows
; user keeps their own data in %LOCALAPPDATA%\StPetersDesk (and this computer's id in
; %APPDATA%\StPetersDesk). Uninstalling keeps that data unless the person uninstalling
; ticks the box to remove it; a silent uninstall always keeps it.

#ifndef AppVersion
  #error Pass the version from stpeters_desk/__init__.py: ISCC /DAppVersion=x.y.z stpeters-desk.iss
#endif

#define AppName "St Peter's Desk"
#define AppExe "stpeters-desk.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{2DD17C45-F740-408D-ABE0-73DBE5F26507}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=St Peter's Desk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Offer to close a running copy before replacing its files (a kiosk asks for the head's PIN).
CloseApplications=yes
Compression=lzma2
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=stpeters-desk-{#AppVersion}-windows-x64-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\stpeters-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Run the school's X account safely"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  ProfileListKey = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList';
  DataFolderName = 'StPetersDesk';

var
  RemoveSchoolData: Boolean;

{ The only question the uninstaller asks. The box starts unticked: removing the program
  must never remove the school's drafts, audit log and staff accounts by accident. }
function ConfirmUninstall: Boolean;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  RemoveBox: TNewCheckBox;
  UninstallButton, CancelButton: TNewButton;
begin
  Form := CreateCustomForm;
  try
    Form.Caption := 'Uninstall {#AppName}';
    Form.ClientWidth := ScaleX(440);
    Form.ClientHeight := ScaleY(190);
    Form.Position := poScreenCenter;

    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.AutoSize := False;
    Note.WordWrap := True;
    Note.Left := ScaleX(16);
    Note.Top := ScaleY(16);
    Note.Width := Form.ClientWidth - ScaleX(32);
    Note.Height := ScaleY(80);
    Note.Caption := '{#AppName} will be removed from this computer. The school''s data ' +
      '(drafts, the audit log, staff accounts and the practice account) stays in each ' +
      'user''s StPetersDesk folder, so reinstalling carries on where you left off. ' +
      'The X account''s keys stay in Windows Credential Manager.';

    RemoveBox := TNewCheckBox.Create(Form);
    RemoveBox.Parent := Form;
    RemoveBox.Left := ScaleX(16);
    RemoveBox.Top := Note.Top + Note.Height + ScaleY(8);
    RemoveBox.Width := Form.ClientWidth - ScaleX(32);
    RemoveBox.Height := ScaleY(20);
    RemoveBox.Caption := 'Also delete the school''s data for every user of this computer';
    RemoveBox.Checked := False;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(26);
    CancelButton.Left := Form.ClientWidth - CancelButton.Width - ScaleX(16);
    CancelButton.Top := Form.ClientHeight - CancelButton.Height - ScaleY(16);
    CancelButton.Caption := 'Cancel';
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    UninstallButton := TNewButton.Create(Form);
    UninstallButton.Parent := Form;
    UninstallButton.Width := ScaleX(90);
    UninstallButton.Height := ScaleY(26);
    UninstallButton.Left := CancelButton.Left - UninstallButton.Width - ScaleX(8);
    UninstallButton.Top := CancelButton.Top;
    UninstallButton.Caption := 'Uninstall';
    UninstallButton.ModalResult := mrOk;
    UninstallButton.Default := True;

    Result := Form.ShowModal = mrOk;
    RemoveSchoolData := Result and RemoveBox.Checked;
  finally
    Form.Free;
  end;
end;

function InitializeUninstall: Boolean;
begin
  RemoveSchoolData := False;
  if UninstallSilent then
    Result := True
  else
    Result := ConfirmUninstall;
end;

{ Every Windows user (the office account, the kiosk account) has their own data folder. }
procedure DeleteSchoolDataOfEveryUser;
var
  Profiles: TArrayOfString;
  ProfileDir: String;
  I: Integer;
begin
  if not RegGetSubkeyNames(HKLM64, ProfileListKey, Profiles) then
    Exit;
  for I := 0 to GetArrayLength(Profiles) - 1 do
  begin
    if RegQueryStringValue(HKLM64, ProfileListKey + '\' + Profiles[I], 'ProfileImagePath',
                           ProfileDir) then
    begin
      StringChangeEx(ProfileDir, '%SystemDrive%', GetEnv('SystemDrive'), True);
      DelTree(ProfileDir + '\AppData\Local\' + DataFolderName, True, True, True);
      DelTree(ProfileDir + '\AppData\Roaming\' + DataFolderName, True, True, True);
    end;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveSchoolData then
    DeleteSchoolDataOfEveryUser;
end;
