"""The packaging recipes under installers/: desktop files, icons, the spec, install.sh.

The bundle itself is built and started by installers/build-linux.sh (CI runs it); these
tests keep the recipes honest without a build: the Linux desktop files pass Debian's
validators, the spec carries every resource folder the app reads, the icons exist in
every size, and install.sh installs and removes the program without touching the
school's data.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from PIL import Image

import stpeters_desk
from stpeters_desk.app import parse_args

ROOT = Path(__file__).resolve().parents[1]
INSTALLERS = ROOT / "installers"
RESOURCES = ROOT / "stpeters_desk" / "resources"
APP_ID = "uk.sch.stpeters.Desk"
DESKTOP_FILE = INSTALLERS / "linux" / f"{APP_ID}.desktop"
METAINFO_FILE = INSTALLERS / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = INSTALLERS / "stpeters-desk.spec"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NOT_BUNDLED = {"screenshots"}  # for the README only


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed here (Debian package: "
                    f"{'desktop-file-utils' if 'desktop' in command[0] else 'appstream'}); "
                    "CI installs it")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


# --- Linux desktop integration ------------------------------------------------------------


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = run_validator("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO_FILE))
    assert result.returncode == 0, result.stdout + result.stderr


def desktop_entry() -> dict[str, str]:
    entry: dict[str, str] = {}
    for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("[Desktop Action"):
            break
        key, sep, value = line.partition("=")
        if sep:
            entry[key] = value
    return entry


def test_desktop_entry_starts_the_app_with_its_own_icon() -> None:
    entry = desktop_entry()
    assert entry["Name"] == "St Peter's Desk"
    assert entry["Exec"] == "stpeters-desk"  # install.sh rewrites it to the installed path
    assert entry["Icon"] == APP_ID
    assert "Exec=stpeters-desk --kiosk" in DESKTOP_FILE.read_text(encoding="utf-8")
    assert parse_args(["--kiosk"]).kiosk, "the kiosk action uses an option the app has"


def test_metainfo_names_the_desktop_entry_and_the_packages_version() -> None:
    component = ElementTree.parse(METAINFO_FILE).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("name") == "St Peter's Desk"
    releases = component.findall("releases/release")
    assert releases, "at least one release"
    assert releases[0].get("version") == stpeters_desk.__version__, (
        "add a <release> for the new version to the metainfo file")


# --- icons ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_exists_in_each_size(size: int) -> None:
    with Image.open(RESOURCES / "icons" / f"app-{size}.png") as icon:
        assert icon.size == (size, size)
        assert icon.mode == "RGBA"
        assert icon.getpixel((0, 0))[3] == 0, "transparent corners (the icon is rounded)"
        middle = icon.getpixel((size // 2, size // 8 + 1))
        assert middle[3] == 255


def test_windows_ico_holds_the_sizes_windows_uses() -> None:
    with Image.open(RESOURCES / "icons" / "app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_macos_icns_holds_retina_sizes() -> None:
    with Image.open(RESOURCES / "icons" / "app.icns") as icns:
        sizes = {(w, h, scale) for w, h, scale in icns.info["sizes"]}
    assert {(512, 512, 2), (256, 256, 1), (128, 128, 1), (16, 16, 2)} <= sizes


# --- the PyInstaller spec ----------------------------------------------------------------


def test_spec_bundles_every_resource_folder_the_app_reads() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    folders = {path.name for path in RESOURCES.iterdir() if path.is_dir()} - NOT_BUNDLED
    for folder in folders:
        bundled = re.search(rf'RESOURCES / "{folder}"[^\n]*"resources/{folder}"', spec)
        assert bundled, f"resources/{folder}/ is not listed in the spec"
    assert '(str(RESOURCES / "style.qss"), "resources")' in spec


def test_spec_bundles_what_imports_alone_do_not_find() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "centerface.onnx" in spec
    assert 'collect_data_files("rapidocr", includes=["*.yaml", "models/*.onnx"' in spec, \
        "the text reader's PP-OCR models and settings are package data"
    assert '"rapidocr", filter=' in spec, "rapidocr imports its onnxruntime engine by name"
    assert '"yaml"' not in spec, "rapidocr reads its settings with PyYAML"
    assert 'collect_data_files("nicknames")' in spec
    assert 'copy_metadata("keyring")' in spec, "keyring finds its backends via metadata"
    assert '"PySide6.QtSvg"' in spec, "the app icon is an SVG"
    for backend in ("SecretService", "Windows", "macOS"):
        assert f"keyring.backends.{backend}" in spec
    assert "installers\" / \"launcher.py" in spec


def test_spec_resource_sources_exist() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    for relative in re.findall(r'RESOURCES / ("[^)]+?")\)', spec):
        parts = [part.strip().strip('"') for part in relative.split("/")]
        assert RESOURCES.joinpath(*parts).exists(), relative


# --- the bundle check -------------------------------------------------------------------


def load_bundle_check(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """installers/bundle_check.py is not in a package; load it as the frozen app does."""
    spec = importlib.util.spec_from_file_location("bundle_check", INSTALLERS / "bundle_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bundle_check", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_bundle_check_passes_on_the_checkout(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    bundle_check = load_bundle_check(monkeypatch)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(INSTALLERS / "bundle_check.py")],
                            capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"all {len(bundle_check.CHECKS)} checks passed" in result.stdout
    assert "ok   face model: centerface.onnx runs on onnxruntime" in result.stdout
    assert "in the checkout" in result.stdout


def test_bundle_check_names_a_missing_face_model(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy, ignore=shutil.ignore_patterns("*.onnx", "screenshots"))
    monkeypatch.setattr("stpeters_desk.core.paths.resources_dir", lambda: copy)
    bundle_check = load_bundle_check(monkeypatch)
    # Only the cheap checks: the Qt one would create a QGuiApplication inside pytest.
    monkeypatch.setattr(bundle_check, "CHECKS", tuple(
        check for check in bundle_check.CHECKS if check[0] in ("resources", "nicknames")))

    results = {result.name: result for result in bundle_check.run_checks()}

    assert not results["resources"].ok
    assert "models/centerface.onnx" in results["resources"].detail
    assert results["nicknames"].ok, "one failure does not stop the other checks"


# --- install.sh ---------------------------------------------------------------------------


def fake_unpacked_tarball(folder: Path) -> Path:
    """What build-linux.sh puts in the tarball, with a tiny stand-in for the frozen app."""
    bundle = folder / "stpeters-desk"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for size in ICON_SIZES:
        shutil.copy(RESOURCES / "icons" / f"app-{size}.png", icons)
    app = bundle / "stpeters-desk"
    app.write_text(f"#!/bin/sh\necho \"St Peter's Desk {stpeters_desk.__version__}\"\n")
    app.chmod(app.stat().st_mode | stat.S_IXUSR)
    for source in (INSTALLERS / "linux" / "install.sh", DESKTOP_FILE, METAINFO_FILE):
        shutil.copy(source, folder)
    return folder / "install.sh"


def run_install(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    return subprocess.run(["bash", str(script), "--user", *args], capture_output=True,
                          text=True, timeout=60, env=env, check=False)


def test_install_sh_installs_for_one_user_and_uninstall_keeps_the_data(tmp_path: Path) -> None:
    script = fake_unpacked_tarball(tmp_path / "unpacked")
    home = tmp_path / "home"
    school_data = home / ".local" / "share" / "StPetersDesk"
    school_data.mkdir(parents=True)
    (school_data / "stpeters-desk.sqlite3").write_bytes(b"the school's drafts")

    installed = run_install(script, home)

    assert installed.returncode == 0, installed.stdout + installed.stderr
    program = home / ".local" / "lib" / "stpeters-desk" / "stpeters-desk"
    assert program.is_file()
    assert (home / ".local" / "bin" / "stpeters-desk").resolve() == program.resolve()
    entry = home / ".local" / "share" / "applications" / DESKTOP_FILE.name
    assert f"Exec={program}\n" in entry.read_text(encoding="utf-8")
    for size in ICON_SIZES:
        assert (home / ".local/share/icons/hicolor" / f"{size}x{size}" / "apps"
                / f"{APP_ID}.png").is_file()
    assert f"St Peter's Desk {stpeters_desk.__version__} is installed" in installed.stdout

    removed = run_install(script, home, "--uninstall")

    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not program.exists()
    assert not entry.exists()
    assert (school_data / "stpeters-desk.sqlite3").read_bytes() == b"the school's drafts"


def test_install_sh_refuses_unknown_options(tmp_path: Path) -> None:
    script = fake_unpacked_tarball(tmp_path / "unpacked")
    result = run_install(script, tmp_path / "home", "--everything")
    assert result.returncode == 2
    assert "Unknown option --everything" in result.stderr


# --- build script and the Windows and macOS recipes -----------------------------------------


def test_build_script_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n", str(INSTALLERS / "build-linux.sh")],
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr


def test_workflow_builds_windows_and_macos_from_the_same_spec() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "installers.yml").read_text(
        encoding="utf-8"))
    jobs = workflow["jobs"]
    assert jobs["windows"]["runs-on"] == "windows-latest"
    assert jobs["macos"]["runs-on"] == "macos-latest"
    windows = " ".join(step.get("run", "") for step in jobs["windows"]["steps"])
    macos = " ".join(step.get("run", "") for step in jobs["macos"]["steps"])
    assert "installers/stpeters-desk.spec" in windows
    assert "installers/stpeters-desk.spec" in macos
    assert "ISCC.exe" in windows and "/DAppVersion=$version" in windows
    assert "installers\\windows\\stpeters-desk.iss" in windows
    assert (INSTALLERS / "windows" / "stpeters-desk.iss").is_file()
    assert "hdiutil create" in macos


def test_inno_setup_recipe_is_per_machine_and_keeps_data_unless_ticked() -> None:
    recipe = (INSTALLERS / "windows" / "stpeters-desk.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=admin" in recipe
    assert "{autoprograms}" in recipe, "a Start menu entry"
    assert re.search(r'Name: "desktopicon";.*Flags: unchecked', recipe), "desktop icon optional"
    assert "RemoveBox.Checked := False" in recipe
    assert "if (CurUninstallStep = usPostUninstall) and RemoveSchoolData then" in recipe
    assert "SetupIconFile=..\\..\\resources\\icons\\app.ico" in recipe
