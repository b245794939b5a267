"""From a fresh process to the head teacher's first working tab, against bare PySide6.

``benchmarks/startup.py`` measures the start to the sign-in screen. This one measures
what a head teacher waits for: a fresh process that opens straight on the head's
window (as it does after the set-up wizard, which signs the head in while the window
is built) until its first tab, Compose, has been drawn: the window's first paint, as
for the bare window (a zero timer after ``show()`` runs before Qt paints, and would
miss the drawing). The bare window is measured in the same run, as fresh processes,
so the ratio holds on any machine. Target: at most 2x the bare window. Prints
medians.

The head is signed in inside the child process, before the window is built, by the
same call the set-up wizard makes (``DeskServices.sign_in``); nothing in the app reads
an environment variable to skip the PIN. The head has had the guided tour, as on any
day but the first (``--with-tour`` measures the first day, with the tour's card).

``--pin`` measures the other way in: the sign-in screen is shown, then the child types
the head's PIN on the PIN pad and presses OK as a person would; the time printed is
from pressing OK to the first tab on screen (checking the PIN is deliberately slow).

    python benchmarks/first_tab.py [--runs 5] [--with-tour] [--pin]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.startup import (  # noqa: E402
    BARE_WINDOW,
    fastest,
    medians,
    paired_ratio,
    prepare_data_dir,
    time_to_shown,
)

HEAD_PIN = "480516"  # benchmarks/startup.py's head

# The child: the app's own ``main`` with the head signed in before the window is built.
STRAIGHT_TO_THE_HEAD = """
import sys
from stpeters_desk.app import main  # first, as the real entry point imports it
from stpeters_desk.core.roles import Role
from stpeters_desk.ui import application

_first_run_done = application._first_run_done

def head_signed_in(services, tasks):
    head = next(m for m in services.staff.members() if m.role == Role.HEAD)
    services.sign_in(head)
    return _first_run_done(services, tasks)

application._first_run_done = head_signed_in
sys.exit(main([]))
"""

# The child: the sign-in screen, then the PIN typed on the pad; prints the seconds from OK
# to the first tab on screen.
THROUGH_THE_PIN_PAD = """
import sys, time
from stpeters_desk.app import main  # first, as the real entry point imports it
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from stpeters_desk.ui import application
from stpeters_desk.ui.first_frame import after_next_paint
from stpeters_desk.ui.main_window import MainWindow

PIN = "HEAD_PIN"
_shown = MainWindow.show

def show(window):
    _shown(window)
    QTimer.singleShot(0, lambda: type_pin(window))

def type_pin(window):
    panel = window.sign_in_panel
    for row in range(panel.people.count()):
        if panel.people.item(row).text().startswith("Benchmark Head"):
            panel.people.setCurrentRow(row)
    for digit in PIN:
        panel.pin_pad.press(digit)
    started = time.perf_counter()

    def working():
        if window.pages.currentIndex() != 0:
            QTimer.singleShot(1, working)
            return
        after_next_paint(window.tabs.currentWidget() or window, lambda: (
            print(f"working {time.perf_counter() - started:.4f}", flush=True),
            QApplication.instance().quit()))

    panel.pin_pad.ok_button.click()
    working()

MainWindow.show = show
sys.exit(main([]))
""".replace("HEAD_PIN", HEAD_PIN)


def mark_tour_seen(data_dir: str) -> None:
    from stpeters_desk.core.settings_registry import tour_seen, write
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.core.storage.settings import SettingsStore
    from stpeters_desk.core.storage.staff_store import StaffStore

    db = open_database(Path(data_dir))
    try:
        for record in StaffStore(db).all():
            write(SettingsStore(db), tour_seen(record.staff_id), True)
    finally:
        db.close()


def pin_to_tab(env: dict[str, str]) -> float:
    """Seconds from pressing OK on the PIN pad to the first tab on screen."""
    with subprocess.Popen([sys.executable, "-c", THROUGH_THE_PIN_PAD], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=env, cwd=ROOT) as child:
        assert child.stdout is not None
        line = child.stdout.readline().decode().strip()
        child.wait(timeout=60)
    if not line.startswith("working "):
        raise SystemExit(f"the PIN pad run did not reach the first tab (got {line!r})")
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--with-tour", action="store_true",
                        help="the head's first day: the guided tour's card is offered too")
    parser.add_argument("--pin", action="store_true",
                        help="also time pressing OK on the PIN pad to the first tab")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    head_window = [sys.executable, "-c", STRAIGHT_TO_THE_HEAD]
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as config:
        prepare_data_dir(tmp, config)
        if not args.with_tour:
            mark_tour_seen(tmp)
        env["STPETERS_DESK_DATA_DIR"] = tmp
        env["STPETERS_DESK_CONFIG_DIR"] = config
        env["STPETERS_DESK_EXIT_WHEN_SHOWN"] = "1"
        time_to_shown(head_window, env)  # writes byte-code caches
        bare, head, sign_in = [], [], []
        sign_in_screen = [sys.executable, "-c", "import sys\nfrom stpeters_desk.app import main\n"
                          "sys.exit(main([]))"]
        for _ in range(args.runs):
            bare.append(time_to_shown([sys.executable, "-c", BARE_WINDOW], env))
            head.append(time_to_shown(head_window, env))
            sign_in.append(time_to_shown(sign_in_screen, env))
        pin = []
        if args.pin:
            del env["STPETERS_DESK_EXIT_WHEN_SHOWN"]
            pin = [pin_to_tab(env) for _ in range(args.runs)]
    bare_median, head_median, sign_in_median = medians(bare), medians(head), medians(sign_in)
    day = "first day, with the tour" if args.with_tour else "tour already seen"
    print(f"bare PySide6 window, median of {args.runs}: {bare_median.wall:.3f} s "
          f"({bare_median.cpu:.3f} s of processor time)")
    print(f"head teacher's first tab (Compose; {day}), median of {args.runs}: "
          f"{head_median.wall:.3f} s ({head_median.cpu:.3f} s of processor time)")
    print(f"ratio head's first tab/bare: {head_median.wall / bare_median.wall:.2f}x by the "
          f"clock (target at most 2.00x); {head_median.cpu / bare_median.cpu:.2f}x by "
          "processor time, which other work on the machine sways less")
    print(f"fastest of {args.runs}: head's first tab {fastest(head):.3f} s, bare "
          f"{fastest(bare):.3f} s, ratio {fastest(head) / fastest(bare):.2f}x")
    print(f"run by run (each start against the bare window started just before it): median "
          f"ratio {paired_ratio(head, bare):.2f}x by processor time")
    print(f"for comparison, the sign-in screen (benchmarks/startup.py), median of {args.runs}: "
          f"{sign_in_median.wall:.3f} s ({sign_in_median.wall / bare_median.wall:.2f}x the "
          f"bare window; {sign_in_median.cpu / bare_median.cpu:.2f}x by processor time)")
    if pin:
        pin_median = statistics.median(pin)
        print(f"PIN pad: OK pressed to the first tab on screen, median of {args.runs}: "
              f"{pin_median:.3f} s ({pin_median / bare_median.wall:.2f}x the bare window)")


if __name__ == "__main__":
    main()
