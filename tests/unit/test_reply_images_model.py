"""The real reply-picture detector (NudeNet 320n) on harmless generated pictures only.

No explicit material exists in the repository, so the model is tried here only for false
alarms: 50 generated school-style pictures (benchmarks/reply_image_scenes.py) must not be
flagged. That it flags what it should is NudeNet's own published work; the app's wiring is
tested with stubbed scores in test_reply_images.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.reply_image_scenes import school_pictures
from stpeters_desk.core.reply_images import FLAG_AT, UNSUITABLE_CLASSES, shared_detector


def test_no_false_alarm_on_fifty_school_style_pictures() -> None:
    detector = shared_detector()
    flagged = []
    faces = 0
    for name, picture in school_pictures(50):
        scores = detector.scores(picture)
        faces += any(label.startswith("FACE_") for label in scores)
        top = max((s for label, s in scores.items() if label in UNSUITABLE_CLASSES), default=0)
        if top >= FLAG_AT:
            flagged.append((name, top))
    assert flagged == []
    assert faces >= 10  # the model does see the class photos' faces: it is really running


def test_the_model_ships_inside_the_wheel_and_loads_only_when_asked() -> None:
    import importlib.util

    spec = importlib.util.find_spec("nudenet")
    assert spec is not None and spec.submodule_search_locations
    model = Path(next(iter(spec.submodule_search_locations))) / "320n.onnx"
    assert model.is_file() and model.stat().st_size > 10_000_000
    # the moderation service and the pictures module import neither nudenet nor onnxruntime
    code = ("import sys, stpeters_desk.core.moderation_service, stpeters_desk.core.reply_images;"
            "print(sorted(m for m in ('nudenet', 'onnxruntime', 'cv2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
