"""Real processes: the draft survives a kill, and --screenshot works on a fresh data dir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.app import build_services, parse_args
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner

HELPER = Path(__file__).parent / "helpers" / "type_then_hang.py"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_draft_survives_a_killed_process(tmp_path: Path, qtbot: QtBot) -> None:
    data_dir = tmp_path / "crash"
    text = "Class 5 visited the parish church and wrote pray"  # mid-sentence
    with subprocess.Popen([sys.executable, str(HELPER), str(data_dir), text],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          env=child_env()) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline().decode().strip()
            assert line == "SAVED"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    services = build_services(parse_args(["--data-dir", str(data_dir)]))
    window = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(window)
    assert window.composer.editor.toPlainText() == text


@pytest.mark.slow
def test_screenshot_on_a_fresh_data_dir(tmp_path: Path) -> None:
    out = tmp_path / "shots" / "compose.png"
    result = subprocess.run(
        [sys.executable, "-m", "stpeters_desk", "--data-dir", str(tmp_path / "fresh"),
         "--screenshot", str(out), "--tab", "Compose"],
        capture_output=True, env=child_env(), timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_bytes()[:8] == PNG_MAGIC
    assert out.stat().st_size > 10_000
    unexpected = [line for line in result.stderr.decode().splitlines()
                  if "propagateSizeHints" not in line and line.strip()]
    assert unexpected == []


@pytest.mark.slow
def test_screenshots_of_guarded_tabs_only_from_a_practice_folder(tmp_path: Path) -> None:
    from stpeters_desk.core.audit import AuditTrail
    from stpeters_desk.core.staff import StaffDirectory
    from stpeters_desk.core.storage.db import open_database

    school_dir = tmp_path / "school"
    db = open_database(school_dir)
    StaffDirectory(db, AuditTrail(db), "Office PC").create_head("Mrs Invented Head", "482915")
    db.close()
    for tab in ("Audit", "Staff", "Settings"):
        out = tmp_path / f"{tab}.png"
        refused = subprocess.run(
            [sys.executable, "-m", "stpeters_desk", "--data-dir", str(school_dir),
             "--screenshot", str(out), "--tab", tab],
            capture_output=True, env=child_env(), timeout=120)
        assert refused.returncode == 2 and not out.exists()
        assert "practice data folder" in refused.stderr.decode()
    out = tmp_path / "practice-audit.png"
    practice = subprocess.run(
        [sys.executable, "-m", "stpeters_desk", "--data-dir", str(tmp_path / "practice"),
         "--screenshot", str(out), "--tab", "Audit"],
        capture_output=True, env=child_env(), timeout=120)
    assert practice.returncode == 0, practice.stderr.decode()
    assert out.read_bytes()[:8] == PNG_MAGIC


def test_version_and_unknown_tab(tmp_path: Path) -> None:
    version = subprocess.run([sys.executable, "-m", "stpeters_desk", "--version"],
                             capture_output=True, env=child_env(), timeout=60)
    assert version.returncode == 0
    assert version.stdout.decode().startswith("St Peter's Desk ")
    bad = subprocess.run(
        [sys.executable, "-m", "stpeters_desk", "--data-dir", str(tmp_path / "d"),
         "--screenshot", str(tmp_path / "x.png"), "--tab", "Nope"],
        capture_output=True, env=child_env(), timeout=120)
    assert bad.returncode == 2
    assert "No tab called 'Nope'" in bad.stderr.decode()


@pytest.mark.slow
def test_reset_sandbox_from_the_command_line(tmp_path: Path) -> None:
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    data_dir = tmp_path / "reset"
    db = open_database(data_dir)
    practice = SandboxGateway(db).post("A trainee's practice tweet")
    db.close()
    result = subprocess.run(
        [sys.executable, "-m", "stpeters_desk", "--data-dir", str(data_dir), "--reset-sandbox",
         "--screenshot", str(tmp_path / "after-reset.png")],
        capture_output=True, env=child_env(), timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    db = open_database(data_dir)
    posts = SandboxGateway(db).own_posts(200)
    db.close()
    assert practice.post_id not in [p.post_id for p in posts]
    assert len(posts) >= 25


@pytest.mark.slow
def test_audit_verify_detects_a_tampered_database(tmp_path: Path) -> None:
    import sqlite3

    from stpeters_desk.core.audit import AuditTrail
    from stpeters_desk.core.paths import DATABASE_NAME
    from stpeters_desk.core.storage.db import open_database

    data_dir = tmp_path / "audited"
    db = open_database(data_dir)
    trail = AuditTrail(db, device="test computer")
    for action in ("post tweet", "delete tweet", "hide reply"):
        trail.record("Mrs Invented Head", action, "123", "")
    db.close()
    command = [sys.executable, "-m", "stpeters_desk", "--data-dir", str(data_dir), "audit",
               "verify"]
    intact = subprocess.run(command, capture_output=True, env=child_env(), timeout=120)
    assert intact.returncode == 0, intact.stderr.decode()
    assert "intact" in intact.stdout.decode()

    with sqlite3.connect(data_dir / DATABASE_NAME) as conn:
        conn.execute("UPDATE audit_log SET actor = 'Someone else' WHERE action = 'delete tweet'")
    conn.close()
    tampered = subprocess.run(command, capture_output=True, env=child_env(), timeout=120)
    assert tampered.returncode == 1
    assert "#" in tampered.stdout.decode() + tampered.stderr.decode()
