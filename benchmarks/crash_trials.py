"""Kill -9 trials: characters lost while typing, tweets doubled or lost while sending.

Each trial is a fresh process running the real app (``run_window``: the
single-instance lock, the window, the Compose tab, the outbox) on the practice
account, offscreen, in a throw-away data folder with a head teacher signed in
and this computer registered. A small driver inside the child stands in for
the person:

* typing: it restores nothing by hand, reports the draft the composer opened
  with (the previous trial's, as the real composer restored it), clears it, then
  types a known text one key at a time into the real editor (``QTest.keyClick``,
  so every key goes through the composer's own save path) at 15-60 ms a key,
  reporting each key once Qt has handled it. The parent kills the child with
  SIGKILL at a random moment; the next start reports what survived.
  Characters lost = keys reported typed - characters restored.
* sending: it first lets the outbox finish whatever the previous, killed run was
  sending (the window's own retry, called every 0.3 s instead of every 30 s),
  then types a new tweet and presses Post (the pre-flight panel is answered
  "post"). The practice account is slowed down like a network (0.25 s before X
  takes the post, 0.25 s before the answer arrives) and has no duplicate filter,
  so only the outbox can stop a double post. The parent kills the child at a
  random moment of that call. At the end each tweet is counted on the account:
  0 is lost, 2 or more doubled.

The outbox gives a post two minutes to show in X's timeline before sending
again; the practice account's timeline is immediate, so the children wait 2 s.

Run: ``python benchmarks/crash_trials.py [--trials 30]`` (about 2-3 minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAD_PIN = "480516"
TYPED_TEXT = ("Year 5 built a weather station this week and measured 12 mm of rain on "
              "Tuesday; thank you to the PTA for the kit. Next: a rain gauge for Year 2! ")
STEP_BEFORE_X = 0.25  # seconds before the practice account takes the post
STEP_AFTER_X = 0.25  # seconds before its answer comes back
_NEW_TWEET_POSTING = threading.Event()  # in the child: the trial's own tweet is on its way


# -- the parent ------------------------------------------------------------------------------

def child_env(data_dir: Path, config_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    env["STPETERS_DESK_DATA_DIR"] = str(data_dir)
    env["STPETERS_DESK_CONFIG_DIR"] = str(config_dir)
    return env


def prepare(data_dir: Path, config_dir: Path) -> None:
    """A set-up school: the database, the practice account, a head, this PC registered."""
    os.environ["STPETERS_DESK_CONFIG_DIR"] = str(config_dir)
    sys.path.insert(0, str(ROOT))
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


class Child:
    """One run of the app with the driver; its report lines are read on a thread."""

    def __init__(self, mode: str, env: dict[str, str], trial: int) -> None:
        self.lines: list[str] = []
        self.seen = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--child", mode, str(trial)], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.seen:
                self.lines.append(line.strip())
                self.seen.notify_all()

    def wait_for(self, prefix: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        with self.seen:
            while True:
                found = [line for line in self.lines if line.startswith(prefix)]
                if found:
                    return found[0]
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise SystemExit(f"the app did not report {prefix!r}; got {self.lines[-3:]}")
                self.seen.wait(min(left, 0.2))

    def last(self, prefix: str) -> str | None:
        with self.seen:
            found = [line for line in self.lines if line.startswith(prefix)]
            return found[-1] if found else None

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def typing_trials(trials: int, env: dict[str, str], rng: random.Random) -> list[int]:
    """Characters lost per trial."""
    lost: list[int] = []
    typed_before: int | None = None
    for trial in range(trials + 1):
        child = Child("type", env, trial)
        restored = json.loads(child.wait_for("restored ").removeprefix("restored "))
        if typed_before is not None:
            if not TYPED_TEXT.startswith(restored):
                raise SystemExit(f"trial {trial - 1}: the draft came back changed: {restored!r}")
            lost.append(max(0, typed_before - len(restored)))
        if trial == trials:
            child.stop()
            break
        child.wait_for("typed 1")
        time.sleep(rng.uniform(0.2, 2.5))
        child.kill()
        last = child.last("typed ")
        typed_before = int(last.split()[1]) if last else 0
    return lost


def sending_trials(trials: int, env: dict[str, str], rng: random.Random) -> list[str]:
    """The text of every tweet sent; the last run only finishes the outbox."""
    texts: list[str] = []
    for trial in range(trials + 1):
        child = Child("send", env, trial)
        child.wait_for("recovered")
        if trial == trials:
            child.stop()
            break
        texts.append(json.loads(child.wait_for("posting ").removeprefix("posting ")))
        child.wait_for("x-called")
        time.sleep(rng.uniform(0.0, STEP_BEFORE_X + STEP_AFTER_X + 0.1))
        child.kill()
    return texts


def count_on_account(data_dir: Path, texts: list[str]) -> tuple[int, int, int]:
    """(doubled, lost, left for a person) over the tweets sent."""
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    db = open_database(data_dir)
    try:
        posted = [post.text for post in SandboxGateway(db).own_posts(10_000)]
        waiting = db.query("SELECT text FROM outbox WHERE status <> 'posted'")
    finally:
        db.close()
    counts = [posted.count(text) for text in texts]
    return (sum(1 for c in counts if c > 1), sum(1 for c in counts if c == 0), len(waiting))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "TRIAL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child[0], int(args.child[1]))
        return
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, config_dir = Path(tmp) / "data", Path(tmp) / "config"
        prepare(data_dir, config_dir)
        env = child_env(data_dir, config_dir)
        lost = typing_trials(args.trials, env, rng)
        texts = sending_trials(args.trials, env, rng)
        doubled, missing, left = count_on_account(data_dir, texts)
    print(f"typing, kill -9 at a random moment, {len(lost)} trials: characters lost "
          f"median {statistics.median(lost):g}, worst {max(lost)}, "
          f"trials losing any {sum(1 for n in lost if n)}")
    print(f"sending, kill -9 during the call to X, {len(texts)} trials: posts doubled "
          f"{doubled}, posts lost {missing}, left in the outbox for a person {left}")
    print(f"({time.monotonic() - started:.0f} s)")


# -- the child: the real app and a driver standing in for the person --------------------------

def run_child(mode: str, trial: int) -> None:
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
    services = DeskServices.for_school(db, _slow_practice_account(db, mode == "send"),
                                       data_dir)
    assert services.staff is not None
    services.sign_in(services.staff.members()[0])
    driver = _Driver(services, mode, trial)
    QTimer.singleShot(0, driver.start)
    code = run_window(services, resources_dir())
    if code:
        print(f"exit {code}", flush=True)


def _slow_practice_account(db: object, slow: bool) -> object:
    from collections.abc import Sequence

    from stpeters_desk.core.storage.db import Database
    from stpeters_desk.x.models import PhotoUpload, Post
    from stpeters_desk.x.sandbox import SandboxGateway

    class SlowPracticeAccount(SandboxGateway):
        """The practice account over a slow network, without a duplicate filter."""

        def post(self, text: str, photos: Sequence[PhotoUpload] = (),
                 reply_to: str | None = None, reply_settings: str | None = None) -> Post:
            if _NEW_TWEET_POSTING.is_set():
                print("x-called", flush=True)
            if slow:
                time.sleep(STEP_BEFORE_X)
            from datetime import UTC, datetime

            from stpeters_desk.x.ids import snowflake_id

            now = datetime.now(UTC)
            post = Post(snowflake_id(now, os.getpid()), text, now, len(photos), reply_to)
            self._store.add_post(post, photos)
            if slow:
                time.sleep(STEP_AFTER_X)
            return post

    assert isinstance(db, Database)
    return SlowPracticeAccount(db)


class _Driver:
    """Stands in for the person at the keyboard, through the real window's widgets."""

    def __init__(self, services: object, mode: str, trial: int) -> None:
        self.services = services
        self.mode = mode
        self.trial = trial
        self.rng = random.Random(trial)
        self.window: object | None = None
        self.typed = 0

    def start(self) -> None:
        from PySide6.QtWidgets import QApplication

        from stpeters_desk.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, self.start)
            return
        self.window = windows[0]
        if self.mode == "type":
            self._start_typing()
        else:
            self._finish_outbox()

    # typing
    def _start_typing(self) -> None:
        from stpeters_desk.ui.main_window import MainWindow

        assert isinstance(self.window, MainWindow)
        composer = self.window.composer
        print("restored " + json.dumps(composer.editor.toPlainText()), flush=True)
        composer.editor.clear()
        composer.editor.setFocus()
        self._type_next()

    def _type_next(self) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        from stpeters_desk.ui.main_window import MainWindow

        assert isinstance(self.window, MainWindow)
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

    # sending
    def _finish_outbox(self) -> None:
        from PySide6.QtCore import QTimer

        from stpeters_desk.ui.main_window import MainWindow

        assert isinstance(self.window, MainWindow)
        outbox = self.window.composer._services.outbox
        if [i for i in outbox.open_items() if i.status != "needs_attention"]:
            self.window.send_due()  # what the window's 30-second timer does
            QTimer.singleShot(300, self._finish_outbox)
            return
        print("recovered", flush=True)
        self._post_new_tweet()

    def _post_new_tweet(self) -> None:
        from stpeters_desk.ui.main_window import MainWindow
        from stpeters_desk.ui.preflight_dialog import PreflightDecision

        assert isinstance(self.window, MainWindow)
        composer = self.window.composer
        text = f"Crash trial {self.trial}: the choir sings at the care home on Friday at 2pm."
        composer.editor.setPlainText(text)
        if not composer.post_button.isEnabled():  # the last retry's answer is still coming
            from PySide6.QtCore import QTimer

            QTimer.singleShot(100, self._post_new_tweet)
            return
        composer.confirm_preflight = (  # type: ignore[method-assign]
            lambda _report: PreflightDecision(post=True))
        print("posting " + json.dumps(text), flush=True)
        _NEW_TWEET_POSTING.set()
        composer.post()


if __name__ == "__main__":
    main()
