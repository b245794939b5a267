"""The command line as a newcomer meets it: --help, no display, --data-dir, --screenshot."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.app import TAB_NAMES, no_display_message
from stpeters_desk.core.paths import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[2]


def child_env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stpeters_desk", *args], capture_output=True,
                          text=True, env=env or child_env(), timeout=120)


def test_help_lists_the_tabs_and_the_commands() -> None:
    from stpeters_desk.ui.help_dialog import TAB_TITLES

    assert set(TAB_NAMES) == set(TAB_TITLES)  # the window's tabs, as --tab takes them
    result = run_app("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert ", ".join(TAB_NAMES) in text
    assert "stpeters-desk photos ... prepare photos" in text
    assert "stpeters-desk audit ... check or export the audit log" in text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are a Linux matter")
def test_no_display_is_said_plainly_before_qt_starts(tmp_path: Path) -> None:
    env = child_env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None)
    result = run_app("--data-dir", str(tmp_path / "d"), env=env)
    assert result.returncode == 2
    assert "there is no display" in result.stderr
    assert "DISPLAY" in result.stderr
    assert "xcb" not in result.stderr  # Qt's own message never appears
    assert not (tmp_path / "d").exists()  # refused before anything was made


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are a Linux matter")
def test_no_display_message_only_when_it_is_true(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert "no display" in no_display_message()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert "no display" in no_display_message()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert no_display_message() == ""
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert no_display_message() == ""
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("DISPLAY", ":0")
    assert no_display_message() == ""


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_data_dir_holds_everything(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                    XDG_DATA_HOME=str(home / "data"), STPETERS_DESK_CONFIG_DIR=None,
                    STPETERS_DESK_DATA_DIR=None)
    data_dir = tmp_path / "school"
    result = run_app("--data-dir", str(data_dir), "--screenshot", str(tmp_path / "s.png"),
                     env=env)
    assert result.returncode == 0, result.stderr
    assert (data_dir / DATABASE_NAME).is_file()
    assert (data_dir / "device.json").is_file()  # this computer's identity, in the folder
    assert _files_under(home / "config") == []
    assert _files_under(home / "data") == []


def test_data_dir_names_the_folder_for_the_computers_own_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stpeters_desk.app import keep_computer_files_in
    from stpeters_desk.core.devices import config_dir
    from stpeters_desk.core.integrity import SET_UP_FILE, _set_up_file

    monkeypatch.delenv("STPETERS_DESK_CONFIG_DIR")
    keep_computer_files_in(str(tmp_path / "school"))
    assert config_dir() == (tmp_path / "school").resolve()
    assert _set_up_file() == (tmp_path / "school").resolve() / SET_UP_FILE


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.mark.slow
def test_a_screenshot_writes_nothing_into_the_data_it_draws(tmp_path: Path) -> None:
    from stpeters_desk.core.audit import AuditTrail
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    data_dir = tmp_path / "practice"
    db = open_database(data_dir)  # no integrity guard: this process's keyring is not the child's
    SandboxGateway(db).post("A practice tweet already on the account")  # the account, seeded
    AuditTrail(db).record("IT technician", "test entry", "", "before the screenshots")
    db.close()
    before = _dump(data_dir / DATABASE_NAME)
    for tab in ("Moderation", "Followers", "Compose"):
        out = tmp_path / f"{tab}.png"
        result = run_app("--data-dir", str(data_dir), "--screenshot", str(out), "--tab", tab)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 10_000
    after = _dump(data_dir / DATABASE_NAME)
    assert [line for line in after if line not in before] == []
    assert after == before  # the audit log, the replies and the followers as they were


def test_a_screenshot_draws_tabs_as_a_head_the_operations_know(
        tmp_path: Path, qtbot: QtBot) -> None:
    """The Followers tab syncs when first opened; in a practice folder's screenshot that is
    done by a head set up in the private copy, not refused as "no longer active"."""
    from stpeters_desk.app import Options, build_services
    from stpeters_desk.ui.application import _practice_folder, _sign_in_preview
    from stpeters_desk.ui.followers_tab import FollowersTab
    from stpeters_desk.ui.main_window import MainWindow
    from stpeters_desk.ui.tasks import SyncTaskRunner

    data_dir = tmp_path / "practice"
    services = build_services(Options(data_dir=str(data_dir),
                                      screenshot=str(tmp_path / "followers.png")))
    try:
        practice = _practice_folder(services)
        assert practice
        _sign_in_preview(services, practice=practice)
        window = MainWindow(services, SyncTaskRunner(), preview=True)
        qtbot.addWidget(window)
        assert window.select_tab("Followers")
        followers = window.current_page()
        assert isinstance(followers, FollowersTab)
        assert followers.model.rowCount() == 68
        assert "no longer active" not in followers.message.text()
        assert followers.message.text().startswith("✔ Followers read: 68.")
    finally:
        assert services.db is not None
        services.db.close()
    assert not _has_staff(data_dir)  # the head was set up in the copy only


def test_a_screenshot_of_a_keyed_log_sets_up_its_head_in_the_copy_with_the_key(
        tmp_path: Path, qtbot: QtBot, memory_keyring: Any) -> None:
    """With a keyring the practice folder's audit log is keyed: the head set up in the
    screenshot's copy chains its entries with the checked key (found by CI with the real
    Secret Service keyring: "the audit log is sealed with a key ... not able to read it")."""
    from stpeters_desk.app import Options, build_services
    from stpeters_desk.core.storage.audit import read_head
    from stpeters_desk.ui.application import _practice_folder, _sign_in_preview

    data_dir = tmp_path / "practice"
    services = build_services(Options(data_dir=str(data_dir), reset_sandbox=True,
                                      screenshot=str(tmp_path / "after-reset.png")))
    try:
        assert services.db is not None
        head = read_head(services.db.reader())
        assert head is not None and head.keyed_from_id is not None  # keyed by the check
        _sign_in_preview(services, practice=_practice_folder(services))
        after = read_head(services.db.reader())
        assert after is not None and after.last_id > head.last_id  # the head's entries
        assert services.staff is not None and services.staff.members()  # set up in the copy
    finally:
        assert services.db is not None
        services.db.close()
    assert not _has_staff(data_dir)


def _has_staff(data_dir: Path) -> bool:
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        return bool(connection.execute("SELECT COUNT(*) FROM staff").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_a_screenshot_at_the_schools_screen_size_and_in_kiosk_mode(tmp_path: Path) -> None:
    """--size draws the window at a given size; --kiosk with --screenshot draws the kiosk's
    touch sizes in a window (never full screen)."""
    from PIL import Image

    for extra, name in ((["--size", "1366x768"], "window"),
                        (["--size", "1366x768", "--kiosk"], "kiosk")):
        out = tmp_path / f"{name}.png"
        result = run_app("--data-dir", str(tmp_path / name), "--screenshot", str(out),
                         "--tab", "Compose", *extra)
        assert result.returncode == 0, result.stderr
        with Image.open(out) as picture:
            assert picture.size == (1366, 768)
    refused = run_app("--data-dir", str(tmp_path / "bad"), "--screenshot",
                      str(tmp_path / "bad.png"), "--size", "huge")
    assert refused.returncode == 2 and "1366x768" in refused.stderr
