"""What a fresh process loads before the head teacher's first tab is on screen.

``benchmarks/first_tab.py`` times this path; this test keeps off it what the first tab
does not need, so a later change cannot quietly slow the head's wait again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The benchmark's child (the set-up wizard's way in: the head signed in before the window
# is built), which prints what is loaded when the first frame is due.
CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from stpeters_desk.core.roles import Role
from stpeters_desk.ui import application
from stpeters_desk.ui.main_window import MainWindow

_first_run_done = application._first_run_done
_shown = MainWindow.show

def head_signed_in(services, tasks):
    head = next(m for m in services.staff.members() if m.role == Role.HEAD)
    services.sign_in(head)
    return _first_run_done(services, tasks)

def show(window):
    _shown(window)
    QTimer.singleShot(0, lambda: report(window))

def report(window):
    print(json.dumps({"modules": sorted(sys.modules),
                      "tab": window.tab_names()[window.tabs.currentIndex()],
                      "sign_in_built": window._sign_in_panel is not None,
                      "badge": window.account_bar.mode_label.property("sandbox")}), flush=True)
    window.lock()  # the sign-in screen is built when first needed
    print(json.dumps({"locked_on": type(window.pages.currentWidget()).__name__}), flush=True)
    from PySide6.QtWidgets import QApplication
    QApplication.instance().quit()

application._first_run_done = head_signed_in
MainWindow.show = show
from stpeters_desk.app import main
sys.exit(main([]))
"""


@pytest.mark.slow
def test_the_heads_first_tab_loads_only_what_it_shows(tmp_path: Path) -> None:
    from stpeters_desk.core.audit import AuditTrail
    from stpeters_desk.core.staff import StaffDirectory
    from stpeters_desk.core.storage.db import open_database

    db = open_database(tmp_path / "data")
    StaffDirectory(db, AuditTrail(db), "Office PC").create_head("Mrs Invented Head", "482915")
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               STPETERS_DESK_DATA_DIR=str(tmp_path / "data"),
               STPETERS_DESK_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("STPETERS_DESK_EXIT_WHEN_SHOWN", None)
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, env=env,
                            timeout=120, cwd=ROOT)
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2, result.stderr.decode()
    first, after_lock = json.loads(lines[0]), json.loads(lines[1])
    assert first["tab"] == "Compose"
    assert first["badge"] is True  # the practice account's colour from the start
    loaded = set(first["modules"])
    # The sign-in screen, the other tabs, photos with none attached, the keyring and
    # the network are not needed for the first tab.
    not_needed = {"stpeters_desk.ui.sign_in", "stpeters_desk.ui.pin_pad",
                  "stpeters_desk.ui.moderation_tab", "stpeters_desk.ui.followers_tab",
                  "stpeters_desk.ui.settings_tab", "stpeters_desk.ui.staff_tab",
                  "stpeters_desk.ui.photos_tab", "stpeters_desk.core.photo_library",
                  "keyring", "tweepy", "numpy", "psycopg", "socket", "html", "calendar"}
    assert loaded & not_needed == set()
    assert not first["sign_in_built"]
    assert after_lock["locked_on"] == "SignInPanel"


SIGN_IN_CHILD = """
import dataclasses, json, sys
made = []  # the app's dataclasses, in the order Python generates their methods
_process_class = dataclasses._process_class

def recording(cls, *args, **kwargs):
    made.append(f"{cls.__module__}.{cls.__qualname__}")
    return _process_class(cls, *args, **kwargs)

dataclasses._process_class = recording
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from stpeters_desk.ui.main_window import MainWindow

_shown = MainWindow.show

def show(window):
    _shown(window)
    QTimer.singleShot(0, lambda: (print(json.dumps(sorted(sys.modules)), flush=True),
                                  print(json.dumps(made), flush=True),
                                  QApplication.instance().quit()))

MainWindow.show = show
from stpeters_desk.app import main
sys.exit(main([]))
"""


@pytest.mark.slow
def test_the_sign_in_screen_loads_no_operations_it_does_not_run(tmp_path: Path) -> None:
    """The sign-in screen, shown at every start: the gate, the tabs and the keyring load
    after the PIN, not before the first frame. (The practice account is seeded already,
    as at every start but the first.)"""
    from stpeters_desk.core.audit import AuditTrail
    from stpeters_desk.core.staff import StaffDirectory
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    db = open_database(tmp_path / "data")
    SandboxGateway(db)
    StaffDirectory(db, AuditTrail(db), "Office PC").create_head("Mrs Invented Head", "482915")
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               STPETERS_DESK_DATA_DIR=str(tmp_path / "data"),
               STPETERS_DESK_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("STPETERS_DESK_EXIT_WHEN_SHOWN", None)
    result = subprocess.run([sys.executable, "-c", SIGN_IN_CHILD], capture_output=True,
                            env=env, timeout=120, cwd=ROOT)
    lines = result.stdout.decode().splitlines()
    assert lines, result.stderr.decode()
    loaded = set(json.loads(lines[0]))
    assert "stpeters_desk.ui.sign_in" in loaded  # what is shown
    not_needed = {"stpeters_desk.ops.gate", "stpeters_desk.ops.school",
                  "stpeters_desk.ops.staff", "stpeters_desk.ui.composer_tab",
                  "keyring", "tweepy", "numpy", "psycopg", "socket", "html"}
    assert loaded & not_needed == set()
    # Python 3.11 generates a dataclass's methods from source as its class is made,
    # about a millisecond each: none is made before the sign-in screen is on screen
    # (the records on the way are named tuples or plain classes)
    made = [name for name in json.loads(lines[1]) if name.startswith("stpeters_desk")]
    assert made == []
