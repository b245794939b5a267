"""The reply-picture detector (NudeNet 320n via core/reply_images.py): load time, speed,
and false alarms on 50 harmless generated school-style pictures.

Prints one line per figure:

* load: importing nudenet (with onnxruntime and OpenCV) and opening the model, in a
  fresh process (median of ``--runs``), which is what the first refresh with a picture
  pays, off the UI thread;
* per picture: the check (decode, scale, model) on this computer, warm;
* false alarms: pictures flagged among the 50 (benchmarks/reply_image_scenes.py), and
  the highest exposed-part score any of them got, beside the line (``FLAG_AT``).

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
    UNSUITABLE_CLASSES,
    check_picture,
    shared_detector,
)

LOAD = """
import json, time
start = time.perf_counter()
from stpeters_desk.core.reply_images import NudeNetDetector
detector = NudeNetDetector()
detector.load()
print(json.dumps({"load": time.perf_counter() - start}))
"""


def load_seconds(runs: int) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return statistics.median(
        json.loads(subprocess.run([sys.executable, "-c", LOAD], env=env, cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout)["load"]
        for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes for the load")
    args = parser.parse_args()

    print(f"reply pictures: model load {load_seconds(args.runs):.2f} s "
          f"(fresh process, median of {args.runs})")
    pictures = school_pictures(50)
    detector = shared_detector()
    detector.load()
    encoded = []
    for _name, picture in pictures:
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=85)  # as X serves a photo
        encoded.append(buffer.getvalue())
    start = time.perf_counter()
    checks = [check_picture(data, detector) for data in encoded]
    per_picture = (time.perf_counter() - start) / len(checks)
    top = max(check.score for check in checks)
    worst = pictures[max(range(len(checks)), key=lambda i: checks[i].score)][0]
    flagged = sum(check.flagged for check in checks)
    print(f"reply pictures: {per_picture * 1000:.0f} ms a picture (decode, scale, model; warm)")
    print(f"reply pictures: false alarms {flagged} of {len(checks)} harmless pictures; "
          f"highest exposed-part score {top:.2f} ({worst if top else 'none found'}), "
          f"line {FLAG_AT} ({', '.join(sorted(UNSUITABLE_CLASSES))})")


if __name__ == "__main__":
    main()
