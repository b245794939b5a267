"""Real processes: the draft survives a kill, and --screenshot works on a fresh data dir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner
from tests.tamper import edit_sqlite_file

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

    from tests.gui.helpers.type_then_hang import signed_in_services

    window = MainWindow(signed_in_services(str(data_dir)), SyncTaskRunner())
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
    for tab in ("Audit", "Staff", "Settings", "Moderation", "Followers", "Approvals"):
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

    edit_sqlite_file(data_dir / DATABASE_NAME,
                     "UPDATE audit_log SET actor = 'Someone else' WHERE action = 'delete tweet'")
    tampered = subprocess.run(command, capture_output=True, env=child_env(), timeout=120)
    assert tampered.returncode == 1
    assert "#" in tampered.stdout.decode() + tampered.stderr.decode()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_sigterm_saves_the_draft_and_quits_cleanly(tmp_path: Path) -> None:
    """A log-out or shutdown sends SIGTERM: the app saves and ends normally."""
    data_dir = tmp_path / "term"
    text = "Reception's nativity is at 2pm on"
    with subprocess.Popen([sys.executable, str(HELPER), str(data_dir), text, "--no-wait"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=child_env()) as child:
        assert child.stdout is not None
        assert child.stdout.readline().decode().strip() == "TYPED"
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err.decode()
    from tests.gui.helpers.type_then_hang import saved_draft, signed_in_services

    assert saved_draft(signed_in_services(str(data_dir))) == text


@pytest.mark.slow
def test_a_second_start_on_the_same_data_folder_hands_over_to_the_first(tmp_path: Path) -> None:
    """Two windows on one data folder would both send the outbox: the second start stops
    and brings the first forward, in every mode, not only the kiosk."""
    import time

    data_dir = tmp_path / "once"
    command = [sys.executable, "-m", "stpeters_desk", "--data-dir", str(data_dir)]
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=child_env()) as first:
        try:
            deadline = time.monotonic() + 30
            while not (data_dir / "instance.lock").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.0)
            second = subprocess.run(command, capture_output=True, env=child_env(), timeout=60)
            assert second.returncode == 0, second.stderr.decode()
            assert "already open" in second.stdout.decode() + second.stderr.decode()
            assert first.poll() is None  # the first one carries on
        finally:
            first.kill()
            first.wait(timeout=30)


def _run_until(command: list[str], env: dict[str, str], wanted: str,
               then: signal.Signals) -> list[str]:
    """Start the child, read its report lines until ``wanted``, then send it ``then``."""
    import threading

    seen: list[str] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                          text=True, cwd=Path(__file__).resolve().parents[2]) as child:
        watchdog = threading.Timer(90, child.kill)  # a hung child fails the test, not CI
        watchdog.start()
        try:
            assert child.stdout is not None
            for line in child.stdout:
                seen.append(line.strip())
                if line.startswith(wanted):
                    child.send_signal(then)
                    break
            child.wait(timeout=60)
        finally:
            watchdog.cancel()
    assert wanted in " ".join(seen), seen
    return seen


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("killed_when", ["x-called", "x-has-it"])
def test_a_kill_while_sending_neither_loses_nor_doubles_the_tweet(
        tmp_path: Path, killed_when: str) -> None:
    """Killed before X took the post, or after X took it but before the answer came back:
    the next start finishes the job, and the tweet is on the account exactly once."""
    from tests.gui.helpers.crash_child import posts_with_text, prepare, trial_tweet

    data_dir = tmp_path / "data"
    prepare(data_dir, Path(os.environ["STPETERS_DESK_CONFIG_DIR"]))
    env = child_env()
    env["STPETERS_DESK_DATA_DIR"] = str(data_dir)
    child = [sys.executable, "-m", "tests.gui.helpers.crash_child", "send"]
    _run_until([*child, "1"], env, killed_when, signal.SIGKILL)
    assert posts_with_text(data_dir, trial_tweet(1)) == (killed_when == "x-has-it")
    _run_until([*child, "2"], env, "recovered", signal.SIGTERM)
    assert posts_with_text(data_dir, trial_tweet(1)) == 1
