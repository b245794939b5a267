"""The real reply-picture checks on harmless generated pictures only.

No explicit material exists in the repository, so the models are tried here only for false
alarms: 50 generated school-style pictures (benchmarks/reply_image_scenes.py) must not be
flagged. That they flag what they should is the models' own published work; the app's
wiring is tested with stubbed scores in test_reply_images.py.

open_nsfw ships with the app and is always tried. NudeNet is the optional ``image-check``
extra (AGPL-3.0, never in the bundle): its tests run where it is installed (the README's
test command installs it) and are skipped elsewhere.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.reply_image_scenes import school_pictures
from stpeters_desk.core.reply_images import (
    FLAG_AT,
    NSFW,
    NSFW_FLAG_AT,
    OPEN_NSFW_SHA256,
    UNSUITABLE_CLASSES,
    NudeNetDetector,
    OpenNsfwDetector,
    installed_detectors,
    nudenet_installed,
    open_nsfw_path,
)

needs_nudenet = pytest.mark.skipif(not nudenet_installed(),
                                   reason="the optional image-check extra is not installed")


def test_open_nsfw_ships_with_the_app_unchanged() -> None:
    data = open_nsfw_path().read_bytes()
    assert hashlib.sha256(data).hexdigest() == OPEN_NSFW_SHA256
    assert any(isinstance(d, OpenNsfwDetector) for d in installed_detectors())


def test_open_nsfw_no_false_alarm_on_fifty_school_style_pictures() -> None:
    detector = OpenNsfwDetector()
    scores = [(detector.scores(picture)[NSFW], name) for name, picture in school_pictures(50)]
    assert [entry for entry in scores if entry[0] >= NSFW_FLAG_AT] == []
    assert max(scores)[0] < 0.3  # a wide margin below the line
    assert len({round(score, 4) for score, _ in scores}) > 25  # it is really looking


def test_a_missing_model_file_is_detector_missing(tmp_path: Path) -> None:
    from stpeters_desk.core.reply_images import DetectorMissing

    with pytest.raises(DetectorMissing):
        OpenNsfwDetector(tmp_path / "gone.onnx").load()


@needs_nudenet
def test_nudenet_no_false_alarm_on_fifty_school_style_pictures() -> None:
    detector = NudeNetDetector()
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


@needs_nudenet
def test_nudenet_when_installed_joins_the_checks() -> None:
    import importlib.util

    spec = importlib.util.find_spec("nudenet")
    assert spec is not None and spec.submodule_search_locations
    model = Path(next(iter(spec.submodule_search_locations))) / "320n.onnx"
    assert model.is_file() and model.stat().st_size > 10_000_000
    assert any(isinstance(d, NudeNetDetector) for d in installed_detectors())


def test_no_model_loads_until_a_picture_needs_checking() -> None:
    # the moderation service and the pictures module import neither nudenet nor onnxruntime
    code = ("import sys, stpeters_desk.core.moderation_service, stpeters_desk.core.reply_images;"
            "stpeters_desk.core.reply_images.shared_detector();"
            "print(sorted(m for m in ('nudenet', 'onnxruntime', 'cv2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
