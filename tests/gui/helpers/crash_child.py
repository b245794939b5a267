"""The real app with a driver standing in for the person, for kill -9 trials.

Run as ``python -m tests.gui.helpers.crash_child MODE TRIAL`` with
``STPETERS_DESK_DATA_DIR`` and ``STPETERS_DESK_CONFIG_DIR`` set to a folder made
by ``prepare``. It starts the app as ``stpeters-desk`` does (``run_window``:
the single-instance lock, the window, the Compose tab, the outbox) on the
practice account, offscreen, with the head teacher signed in, and reports on
stdout what it did, one line at a time, so the parent knows when to kill it:

* ``type``: prints ``restored <json>`` (the draft the composer opened with,
  restored by the real composer), clears it, then types ``TYPED_TEXT`` one key
  at a time into the real editor (so every key goes through the composer's own
  save path) at 15-60 ms a key, printing ``typed N`` once Qt has handled key N.
* ``send``: lets the outbox finish whatever a killed run left (the window's own
  retry, every 0.3 s instead of every 30 s), prints ``recovered``, then writes a
  tweet, prints ``posting <json>`` and presses Post (the pre-flight panel answered
  "post"). The practice account is slowed down like a network and has no duplicate
  filter, so only the outbox can stop a double post: it prints ``x-called`` when
  the post request arrives and ``x-has-it`` once the post is on the account,
  ``STEP_AFTER_X`` before the answer gets back.

The outbox gives a post two minutes to show in X's timeline before sending it
again; the practice account's timeline is immediate, so the child waits 2 s.
"""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stpeters_desk.core.services import DeskServices
    from stpeters_desk.core.storage.db import Database
    from stpeters_desk.ui.main_window import MainWindow
    from stpeters_desk.x.sandbox import SandboxGateway

HEAD_PIN = "480516"
TYPED_TEXT = ("Year 5 built a weather station this week and measured 12 mm of rain on "
              "Tuesday; thank you to the PTA for the kit. Next: a rain gauge for Year 2! ")
STEP_BEFORE_X = 0.25  # seconds before the practice account takes the post
STEP_AFTER_X = 0.25  # seconds before its answer comes back
_OWN_TWEET_SENT = threading.Event()  # the trial's own tweet is on its way (not a retry)


def prepare(data_dir: Path, config_dir: Path) -> None:
    """A set-up school: the database, the practice account, a head, this PC registered."""
    os.environ["STPETERS_DESK_CONFIG_DIR"] = str(config_dir)
    from stpeters_desk.core.services import DeskServices
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    db = open_database(data_dir)
    services = DeskServices.for_school(db, SandboxGateway(db), data_dir)
    assert services.staff is not None and services.devices is not None
    assert services.device is not None
    head = services.staff.create_head("Trial Head", HEAD_PIN).member
    services.devices.register(services.device, by=head, head_pin=HEAD_PIN)
    db.close()


def trial_tweet(trial: int) -> str:
    return f"Crash trial {trial}: the choir sings at the care home on Friday at 2pm."


def posts_with_text(data_dir: Path, text: str) -> int:
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    db = open_database(data_dir)
    try:
        return sum(1 for post in SandboxGateway(db).own_posts(10_000) if post.text == text)
    finally:
        db.close()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode, trial = sys.argv[1], int(sys.argv[2])
    from datetime import timedelta

    from PySide6.QtCore import QTimer

    import stpeters_desk.core.outbox as outbox_module
    from stpeters_desk.core.paths import resolve_data_dir, resources_dir
    from stpeters_desk.core.services import DeskServices
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.ui.application import run_window

    outbox_module.TIMELINE_DELAY = timedelta(seconds=2)  # the practice timeline is immediate
    data_dir = resolve_data_dir(None)
    db = open_database(data_dir)
    services = DeskServices.for_school(db, _slow_practice_account(db), data_dir)
    assert services.staff is not None
    services.sign_in(services.staff.members()[0])
    driver = _Driver(services, mode, trial)
    QTimer.singleShot(0, driver.start)
    code = run_window(services, resources_dir())
    if code:
        print(f"exit {code}", flush=True)


def _slow_practice_account(db: Database) -> SandboxGateway:
    from datetime import UTC, datetime

    from stpeters_desk.x.ids import snowflake_id
    from stpeters_desk.x.models import PhotoUpload, Post
    from stpeters_desk.x.sandbox import SandboxGateway

    class SlowPracticeAccount(SandboxGateway):
        """The practice account over a slow network, without a duplicate filter."""

        def post(self, text: str, photos: Sequence[PhotoUpload] = (),
                 reply_to: str | None = None, reply_settings: str | None = None) -> Post:
            own = _OWN_TWEET_SENT.is_set()
            if own:
                print("x-called", flush=True)
            time.sleep(STEP_BEFORE_X)
            now = datetime.now(UTC)
            post = Post(snowflake_id(now, os.getpid()), text, now, len(photos), reply_to)
            self._store.add_post(post, photos)
            if own:
                print("x-has-it", flush=True)
            time.sleep(STEP_AFTER_X)
            return post

    return SlowPracticeAccount(db)


class _Driver:
    """Stands in for the person at the keyboard, through the real window's widgets."""

    def __init__(self, services: DeskServices, mode: str, trial: int) -> None:
        self.services = services
        self.mode = mode
        self.trial = trial
        self.rng = random.Random(trial)
        self.window: MainWindow | None = None
        self.typed = 0

    def start(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from stpeters_desk.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(20, self.start)
            return
        self.window = windows[0]
        if self.mode == "type":
            self._start_typing()
        else:
            self._finish_outbox()

    # -- typing --
    def _start_typing(self) -> None:
        assert self.window is not None
        composer = self.window.composer
        print("restored " + json.dumps(composer.editor.toPlainText()), flush=True)
        composer.editor.clear()
        composer.editor.setFocus()
        self._type_next()

    def _type_next(self) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        assert self.window is not None
        if self.typed >= len(TYPED_TEXT):
            return
        char = TYPED_TEXT[self.typed]
        editor = self.window.composer.editor
        if char == " ":
            QTest.keyClick(editor, Qt.Key.Key_Space)
        else:
            QTest.keyClicks(editor, char)
        self.typed += 1
        print(f"typed {self.typed}", flush=True)
        QTimer.singleShot(self.rng.randint(15, 60), self._type_next)

    # -- sending --
    def _finish_outbox(self) -> None:
        from PySide6.QtCore import QTimer

        assert self.window is not None
        if [i for i in self.services.outbox.open_items() if i.status != "needs_attention"]:
            self.window.send_due()  # what the window's 30-second timer does
            QTimer.singleShot(300, self._finish_outbox)
            return
        print("recovered", flush=True)
        self._post_new_tweet()

    def _post_new_tweet(self) -> None:
        from PySide6.QtCore import QTimer

        from stpeters_desk.ui.preflight_dialog import PreflightDecision

        assert self.window is not None
        composer = self.window.composer
        text = trial_tweet(self.trial)
        composer.editor.setPlainText(text)
        if not composer.post_button.isEnabled():  # the last retry's answer is still coming
            QTimer.singleShot(100, self._post_new_tweet)
            return
        composer.confirm_preflight = (  # type: ignore[method-assign]
            lambda _report: PreflightDecision(post=True))
        print("posting " + json.dumps(text), flush=True)
        _OWN_TWEET_SENT.set()
        composer.post()


if __name__ == "__main__":
    main()
