"""Time from process start to the first picture of a window: the app against bare PySide6.

Both are measured in the same run, as fresh processes, so the ratio holds on
any machine. Target: the app at most 1.5x the bare window. Prints medians, by
the clock and by the processor time each process had used when its window was
shown: on a machine busy with other work the clock swings, processor time less.

The app is started exactly as the README starts it (the ``stpeters-desk``
command, no arguments), on a throw-away data folder given through the
environment, already set up (a head teacher exists), so each start opens on
the sign-in screen as it does in school. Byte-code caching is allowed, as in
an installed app; a first, unmeasured run writes the caches.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QPlainTextEdit,
                               QTabWidget, QVBoxLayout, QWidget)
app = QApplication([])
window = QMainWindow()
tabs = QTabWidget()
page = QWidget()
layout = QVBoxLayout(page)
layout.addWidget(QPlainTextEdit())
layout.addWidget(QLabel("0 / 280"))
tabs.addTab(page, "Compose")
window.setCentralWidget(tabs)
window.resize(1180, 760)
window.show()


class FirstPaint(QObject):
    # As the app does (ui.first_frame): a zero timer after show() runs before Qt paints,
    # so "shown" is printed once the window's first paint is done.

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print(f"shown {time.process_time():.4f}",
                                                flush=True), app.quit()))
        return False


first_paint = FirstPaint()
window.installEventFilter(first_paint)
app.exec()
"""


@dataclass(frozen=True)
class Start:
    """One fresh process: seconds by the clock until its first frame, and seconds of
    processor time it had used by then (steady on a machine busy with other work)."""

    wall: float
    cpu: float


def time_to_shown(command: list[str], env: dict[str, str]) -> Start:
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                          cwd=ROOT) as child:
        assert child.stdout is not None
        line = child.stdout.readline().decode().strip()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
    word, _, cpu = line.partition(" ")
    if word != "shown":
        raise SystemExit(f"{command[:3]} did not report a shown window (got {line!r})")
    return Start(elapsed, float(cpu))


def medians(starts: list[Start]) -> Start:
    return Start(statistics.median(s.wall for s in starts),
                 statistics.median(s.cpu for s in starts))


def fastest(starts: list[Start]) -> float:
    """The quickest start by the clock: what the machine allows when nothing else gets in
    the way (other work only ever adds time), as ``timeit`` reports its best run."""
    return min(s.wall for s in starts)


def paired_ratio(starts: list[Start], bare: list[Start]) -> float:
    """The median of each run's own ratio by processor time. Each start is measured just
    after a bare window, so the two share the machine's state: a slow spell lasting
    several runs (which moves both medians, but not always alike) cancels out."""
    return statistics.median(start.cpu / base.cpu for start, base in zip(starts, bare,
                                                                        strict=True))


def prepare_data_dir(data_dir: str, config_dir: str) -> None:
    """A set-up school: the database, the seeded sandbox and a head teacher."""
    os.environ["STPETERS_DESK_CONFIG_DIR"] = config_dir
    sys.path.insert(0, str(ROOT))
    from stpeters_desk.core.services import DeskServices
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.x.sandbox import SandboxGateway

    db = open_database(Path(data_dir))
    services = DeskServices.for_school(db, SandboxGateway(db), Path(data_dir))
    assert services.staff is not None
    services.staff.create_head("Benchmark Head", "480516")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["STPETERS_DESK_EXIT_WHEN_SHOWN"] = "1"
    script = Path(sys.executable).parent / "stpeters-desk"
    app_cmd = [str(script)] if script.exists() else [sys.executable, "-m", "stpeters_desk"]
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as config:
        prepare_data_dir(tmp, config)
        env["STPETERS_DESK_DATA_DIR"] = tmp
        env["STPETERS_DESK_CONFIG_DIR"] = config
        first_run = time_to_shown(app_cmd, env)  # writes byte-code caches
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(time_to_shown([sys.executable, "-c", BARE_WINDOW], env))
            app.append(time_to_shown(app_cmd, env))
    bare_median, app_median = medians(bare), medians(app)
    print(f"bare PySide6 window, median of {args.runs}: {bare_median.wall:.3f} s "
          f"({bare_median.cpu:.3f} s of processor time)")
    print(f"St Peter's Desk window ({Path(app_cmd[-1]).name}), median of {args.runs}: "
          f"{app_median.wall:.3f} s ({app_median.cpu:.3f} s of processor time)")
    print(f"first start (writes byte-code caches): {first_run.wall:.3f} s")
    print(f"ratio app/bare: {app_median.wall / bare_median.wall:.2f}x by the clock "
          f"(target at most 1.50x); {app_median.cpu / bare_median.cpu:.2f}x by processor "
          "time, which other work on the machine sways less")
    print(f"fastest of {args.runs}: app {fastest(app):.3f} s, bare {fastest(bare):.3f} s, "
          f"ratio {fastest(app) / fastest(bare):.2f}x")
    print(f"run by run (each start against the bare window started just before it): median "
          f"ratio {paired_ratio(app, bare):.2f}x by processor time")

if __name__ == "__main__":
    main()
