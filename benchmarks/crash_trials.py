"""Kill -9 trials: characters lost while typing, tweets doubled or lost while sending.

Each trial is a fresh process running the real app on the practice account,
offscreen, in a throw-away data folder, with a driver standing in for the
person (tests/gui/helpers/crash_child.py says exactly what it does):

* typing: the child types a known text key by key into the real editor at
  15-60 ms a key and reports each key once Qt has handled it; the parent kills it
  with SIGKILL at a random moment (0.2-2.5 s in); the next start reports the
  draft the real composer restored. Characters lost = keys typed - restored.
* sending: the child finishes what the killed run left in the outbox, then posts
  a new tweet through the Compose tab; the practice account answers like a slow
  network (0.25 s before it takes the post, 0.25 s before the answer) with no
  duplicate filter, so only the outbox can stop a double post. The parent kills
  the child at a random moment of that call. At the end each tweet is counted on
  the account: 0 is lost, 2 or more doubled.

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
sys.path.insert(0, str(ROOT))
from tests.gui.helpers.crash_child import (  # noqa: E402 - after the path is set
    STEP_AFTER_X,
    STEP_BEFORE_X,
    TYPED_TEXT,
    prepare,
)

# -- the parent ------------------------------------------------------------------------------

def child_env(data_dir: Path, config_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    env["STPETERS_DESK_DATA_DIR"] = str(data_dir)
    env["STPETERS_DESK_CONFIG_DIR"] = str(config_dir)
    return env


class Child:
    """One run of the app with the driver; its report lines are read on a thread."""

    def __init__(self, mode: str, env: dict[str, str], trial: int) -> None:
        self.lines: list[str] = []
        self.seen = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.helpers.crash_child", mode, str(trial)], env=env,
            cwd=ROOT,
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
    parser.add_argument("--part", choices=("typing", "sending", "both"), default="both")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, config_dir = Path(tmp) / "data", Path(tmp) / "config"
        prepare(data_dir, config_dir)
        env = child_env(data_dir, config_dir)
        if args.part in ("typing", "both"):
            lost = typing_trials(args.trials, env, rng)
            print(f"typing, kill -9 at a random moment, {len(lost)} trials: characters lost "
                  f"median {statistics.median(lost):g}, worst {max(lost)}, "
                  f"trials losing any {sum(1 for n in lost if n)}", flush=True)
        if args.part in ("sending", "both"):
            texts = sending_trials(args.trials, env, rng)
            doubled, missing, left = count_on_account(data_dir, texts)
            print(f"sending, kill -9 during the call to X, {len(texts)} trials: posts doubled "
                  f"{doubled}, posts lost {missing}, left in the outbox for a person {left}")
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
