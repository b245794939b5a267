"""The reply-picture checks (core/reply_images.py): load time, speed, and false alarms on
50 harmless generated school-style pictures, for each check installed here.

open_nsfw ships with the app; NudeNet only with the optional ``image-check`` extra. For
each, one line per figure:

* load: importing the runtime and opening the model in a fresh process (median of
  ``--runs``), which is what the first refresh with a picture pays, off the UI thread;
* per picture: the check (decode, scale, model) on this computer, warm;
* false alarms: pictures flagged among the 50 (benchmarks/reply_image_scenes.py), and
  the highest score any of them got, beside the line.

No explicit material exists here, so recall is not measured: the wiring is tested with
stubbed scores (tests/unit/test_reply_images.py).

    PYTHONPATH=. python benchmarks/reply_images.py
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.reply_image_scenes import school_pictures  # noqa: E402
from stpeters_desk.core.reply_images import (  # noqa: E402
    FLAG_AT,
    NSFW_FLAG_AT,
    NudeNetDetector,
    OpenNsfwDetector,
    check_picture,
    nudenet_installed,
)

LOAD = """
import json, time
start = time.perf_counter()
from stpeters_desk.core.reply_images import {name}
detector = {name}()
detector.load()
print(json.dumps({{"load": time.perf_counter() - start}}))
"""


def load_seconds(name: str, runs: int) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return statistics.median(
        json.loads(subprocess.run([sys.executable, "-c", LOAD.format(name=name)], env=env,
                                  cwd=ROOT, check=True, capture_output=True,
                                  text=True).stdout)["load"]
        for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes for the load")
    args = parser.parse_args()

    pictures = school_pictures(50)
    encoded = []
    for _name, picture in pictures:
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=85)  # as X serves a photo
        encoded.append(buffer.getvalue())
    checks: list[tuple[str, OpenNsfwDetector | NudeNetDetector, float]] = [
        ("open_nsfw", OpenNsfwDetector(), NSFW_FLAG_AT)]
    if nudenet_installed():
        checks.append(("NudeNet (optional extra)", NudeNetDetector(), FLAG_AT))
    else:
        print("NudeNet: not installed here (the optional image-check extra)")
    for label, detector, line in checks:
        print(f"{label}: model load {load_seconds(type(detector).__name__, args.runs):.2f} s "
              f"(fresh process, median of {args.runs})")
        detector.load()
        start = time.perf_counter()
        results = [check_picture(data, detector) for data in encoded]
        per_picture = (time.perf_counter() - start) / len(results)
        top = max(result.score for result in results)
        worst = pictures[max(range(len(results)), key=lambda i: results[i].score)][0]
        flagged = sum(result.flagged for result in results)
        print(f"{label}: {per_picture * 1000:.0f} ms a picture (decode, scale, model; warm)")
        print(f"{label}: false alarms {flagged} of {len(results)} harmless pictures; "
              f"highest score {top:.2f} ({worst if top else 'none found'}); "
              f"line {line}")


if __name__ == "__main__":
    main()
