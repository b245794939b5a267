"""Pictures on replies, checked on this computer: may a picture be unsuitable?

The school's policy removes "unsuitable images". A reply's pictures (a photo, or the
still X gives for a video or GIF) are downloaded only for replies being assessed, kept
under the data folder (``reply-media/<account>/<post id>/``) and deleted with the reply;
nothing leaves the computer to be checked.

The detector is NudeNet's 320n model (a YOLOv8n detector of 18 body-part classes, shipped
inside the ``nudenet`` 3.4.2 wheel as ``nudenet/320n.onnx``, run by onnxruntime; see
``resources/models/README.md`` for its licence). It is loaded on first use, off the UI
thread, never at start-up, and sits behind ``ImageDetector`` so tests give it scores
instead of pictures: no explicit material is ever needed to test the wiring.

A picture "may be unsuitable" when the detector finds an *exposed* intimate part
(``UNSUITABLE_CLASSES``) with a score of at least ``FLAG_AT``. Covered parts, bellies,
feet, armpits, faces and a bare male chest (a swimming gala, a beach trip) are not
counted. The line is 0.4, below the 0.5 often used with this model, because here a false
alarm costs a click ("hide suggested" is only a suggestion, and the picture stays
blurred until a person chooses to see it) while a miss leaves the picture on the
school's account; it is not lower because the model itself only reports candidates from
0.2 and a score of 0.2-0.4 is a weak, often wrong guess. On 50 generated school-style
pictures (benchmarks/reply_images.py) the highest exposed score is printed beside the
line, to show the margin.

Anything that stops a picture being checked (download refused, not an image, the model
failing to load or run) is recorded as "unchecked": the reply goes to review with the
reason "image could not be checked". It is never taken as fine.
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
FLAG_AT = 0.4
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
    score: float  # the highest score among UNSUITABLE_CLASSES, 0 when none was found
    classes: tuple[str, ...] = ()  # the unsuitable classes at or above FLAG_AT


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
    unsuitable = {name: float(score) for name, score in scores.items()
                  if name in UNSUITABLE_CLASSES}
    top = max(unsuitable.values(), default=0.0)
    found = tuple(sorted(name for name, score in unsuitable.items() if score >= FLAG_AT))
    return PictureCheck(flagged=bool(found), score=round(top, 3), classes=found)


class NudeNetDetector:
    """NudeNet's 320n model, loaded on first use (off the UI thread) and kept."""

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
            # The model file is inside the nudenet wheel; nothing is downloaded.
            from nudenet import NudeDetector

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


_SHARED: NudeNetDetector | None = None
_SHARED_LOCK = threading.Lock()


def shared_detector() -> NudeNetDetector:
    """One detector for the whole app (not loaded until a picture needs checking)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = NudeNetDetector()
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
