"""What an edit of a photo is, and where each photo of a batch stands: plain data, no Qt.

An edit is frozen data (``EditState``), so undo and redo are a list of snapshots
(``EditHistory``). Regions are kept in pixels of the photo as opened (upright, before any
turn), because covering happens first and turning, straightening and cropping after it
(``photo_pipeline.render_photo``): what the editor shows as covered is exactly what is
covered, whatever crop is chosen later. The crop is kept in pixels of the turned and
straightened photo, because it is the last step. ``ViewGeometry`` maps between the two.

``BatchPhoto`` is one photo of the Photos tab's batch: whether it is open, whether its
faces were looked for and its text read, and its edit history. The rules about it live
here, below the UI, so the tab only shows them: ``face_check`` (were faces looked for?),
``blocker`` (why it cannot be prepared yet) and ``names_showing`` (pupils' names no region
hides). The Photos tab and ``photos prepare`` both prepare through ``photo_pipeline``.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stpeters_desk.core.images import CoverStyle, CropPreset, Rect, centred_crop, straightened_size
from stpeters_desk.core.photo_rules import FaceCheck

if TYPE_CHECKING:
    from PIL import Image

    from stpeters_desk.core.faces import FaceBox
    from stpeters_desk.core.images import OpenedPhoto
    from stpeters_desk.core.photo_text import PhotoText, WrittenName

HISTORY_LIMIT = 200
Box = tuple[float, float, float, float]  # left, top, width, height in pixels of the view

# ---------------------------------------------------------------------------------------
# The edit: plain data, so undo is a list of snapshots


@dataclass(frozen=True)
class Region:
    """A part of the photo to cover, in pixels of the photo as opened."""

    rect: Rect
    detected: bool = False  # found by the detector rather than drawn by someone
    low_confidence: bool = False
    accepted: bool = False  # someone looked at an uncertain one and kept it
    text: bool = False  # covers text written in the photo ("Cover names")

    @property
    def needs_decision(self) -> bool:
        return self.low_confidence and not self.accepted


@dataclass(frozen=True)
class EditState:
    quarter_turns: int = 0  # clockwise
    straighten: float = 0.0  # degrees, counter-clockwise positive
    preset: CropPreset = CropPreset.FREE
    crop: Rect | None = None  # in pixels of the turned, straightened photo; None: all of it
    regions: tuple[Region, ...] = ()
    style: CoverStyle = CoverStyle.SOLID
    detection_on: bool = True

    @property
    def undecided(self) -> int:
        return sum(region.needs_decision for region in self.regions)


class EditHistory:
    """Undo and redo for one photo: every change is a new snapshot."""

    def __init__(self, initial: EditState) -> None:
        self._states = [initial]
        self._index = 0

    @property
    def current(self) -> EditState:
        return self._states[self._index]

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._states) - 1

    def push(self, state: EditState) -> bool:
        if state == self.current:
            return False
        del self._states[self._index + 1:]
        self._states.append(state)
        if len(self._states) > HISTORY_LIMIT:
            del self._states[0]
        self._index = len(self._states) - 1
        return True

    def undo(self) -> bool:
        if not self.can_undo:
            return False
        self._index -= 1
        return True

    def redo(self) -> bool:
        if not self.can_redo:
            return False
        self._index += 1
        return True

    def apply_to_all(self, change: Callable[[EditState], EditState]) -> None:
        """For what belongs to the photo itself (faces found later), not to one edit."""
        self._states = [change(state) for state in self._states]


@dataclass(frozen=True)
class ViewGeometry:
    """Maps points between the photo as opened and the photo turned and straightened."""

    width: int
    height: int
    quarter_turns: int = 0
    degrees: float = 0.0

    @property
    def turned_size(self) -> tuple[int, int]:
        odd = self.quarter_turns % 2 == 1
        return (self.height, self.width) if odd else (self.width, self.height)

    @property
    def size(self) -> tuple[int, int]:
        return straightened_size(*self.turned_size, self.degrees)

    def _offset(self) -> tuple[int, int]:
        (turned_w, turned_h), (view_w, view_h) = self.turned_size, self.size
        return ((turned_w - view_w) // 2, (turned_h - view_h) // 2)

    def to_view(self, x: float, y: float) -> tuple[float, float]:
        width, height = self.width, self.height
        for _ in range(self.quarter_turns % 4):
            x, y = height - y, x
            width, height = height, width
        x, y = _turned(x, y, width / 2, height / 2, self.degrees)
        left, top = self._offset()
        return (x - left, y - top)

    def to_base(self, x: float, y: float) -> tuple[float, float]:
        left, top = self._offset()
        width, height = self.turned_size
        x, y = _turned(x + left, y + top, width / 2, height / 2, -self.degrees)
        for _ in range(self.quarter_turns % 4):
            x, y = y, width - x
            width, height = height, width
        return (x, y)

    def quad(self, rect: Rect) -> list[tuple[float, float]]:
        """The region's corners in the view: a rectangle turned by the straightening."""
        return [self.to_view(x, y) for x, y in ((rect.x, rect.y), (rect.x + rect.w, rect.y),
                                                 (rect.x + rect.w, rect.y + rect.h),
                                                 (rect.x, rect.y + rect.h))]

    def box(self, rect: Rect) -> Box:
        """The region as an upright box in the view, for grabbing it with the mouse."""
        centre_x, centre_y = self.to_view(rect.x + rect.w / 2, rect.y + rect.h / 2)
        width, height = (rect.h, rect.w) if self.quarter_turns % 2 else (rect.w, rect.h)
        return (centre_x - width / 2, centre_y - height / 2, width, height)

    def rect_from_box(self, box: Box) -> Rect | None:
        """The inverse of ``box``: a region in pixels of the photo, kept inside it."""
        left, top, width, height = box
        centre_x, centre_y = self.to_base(left + width / 2, top + height / 2)
        width, height = (height, width) if self.quarter_turns % 2 else (width, height)
        rect = Rect(round(centre_x - width / 2), round(centre_y - height / 2),
                    max(1, round(width)), max(1, round(height)))
        return rect.clamped(self.width, self.height)


def _turned(x: float, y: float, centre_x: float, centre_y: float,
            degrees: float) -> tuple[float, float]:
    """A point turned counter-clockwise about a centre, as Pillow turns an image."""
    if degrees == 0:
        return (x, y)
    angle = math.radians(degrees)
    dx, dy = x - centre_x, y - centre_y
    return (centre_x + dx * math.cos(angle) + dy * math.sin(angle),
            centre_y - dx * math.sin(angle) + dy * math.cos(angle))


def crop_for(geometry: ViewGeometry, preset: CropPreset) -> Rect | None:
    """The largest crop of the preset's shape, centred; None (all of it) for free."""
    if preset.ratio is None:
        return None
    return centred_crop(*geometry.size, preset.ratio)


def region_from_face(face: FaceBox) -> Region:
    return Region(Rect(face.x, face.y, face.w, face.h), detected=True,
                  low_confidence=face.low_confidence)


def with_detected(state: EditState, detected: Sequence[Region]) -> EditState:
    """The state with the detector's regions in place of any it had from before."""
    if not state.detection_on:
        return state
    drawn = tuple(region for region in state.regions if not region.detected)
    return replace(state, regions=(*detected, *drawn))


# What an outline of text read in the photo means: a name to cover, a word that may be a
# name (also an everyday word), or other text for staff to read.
TEXT_NAME, TEXT_MAYBE, TEXT_OTHER = "name", "maybe", "other"


@dataclass(frozen=True)
class TextMark:
    """Text read in the photo, outlined on the canvas (in pixels of the photo as opened)."""

    rect: Rect
    kind: str

# ---------------------------------------------------------------------------------------
# A photo of the batch

# Where a photo of the batch is.
WAITING, OPENING, OPEN, FAILED = "waiting", "opening", "open", "failed"
# Where face detection (and reading the text) for a photo is. CANCELLED: someone stopped the
# batch before this photo was looked at, so nothing is known about its faces.
NOT_LOOKED, LOOKING, LOOKED, DETECTION_FAILED = "not looked", "looking", "looked", "failed"
CANCELLED = "cancelled"


@dataclass(eq=False)
class BatchPhoto:
    path: Path
    status: str = WAITING
    error: str = ""
    base_size: tuple[int, int] | None = None
    opened: OpenedPhoto | None = None  # only while selected or being looked at
    preview: Image.Image | None = None
    history: EditHistory = field(default_factory=lambda: EditHistory(EditState()))
    detection: str = NOT_LOOKED
    detected: tuple[Region, ...] | None = None
    detection_error: str = ""
    prepared_id: int | None = None
    prepared_state: EditState | None = None
    view_key: int | None = None
    view_image: Any = None  # the UI's drawing of the preview, kept with it
    closed: bool = False
    text_state: str = NOT_LOOKED  # reading the text: the same states as face detection
    text: PhotoText | None = None  # what was read, checked with the name guard
    text_error: str = ""
    text_without_roster: bool = False  # read, but no pupil list to check it against

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def state(self) -> EditState:
        return self.history.current

    def geometry(self) -> ViewGeometry | None:
        if self.base_size is None:
            return None
        state = self.state
        return ViewGeometry(*self.base_size, state.quarter_turns, state.straighten)

    def drop_pixels(self) -> None:
        self.opened, self.preview = None, None
        self.view_key, self.view_image = None, None


@dataclass(frozen=True)
class BatchJob:
    """One photo taken from the queue, with what is still to be looked for in it."""

    photo: BatchPhoto
    faces: bool
    text: bool

    @property
    def wanted(self) -> bool:
        return self.faces or self.text


class BatchQueue:
    """The photos of a batch still to be opened and looked at, in order.

    Shared between the window (which adds photos, moves the one someone chose to the
    front, takes out a closed one, or stops the batch) and the worker that takes them one
    at a time, so every change holds a lock. Once stopped, ``take`` gives nothing more.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._photos: deque[BatchPhoto] = deque()

    def add(self, photos: Iterable[BatchPhoto]) -> None:
        with self._lock:
            self._photos.extend(photos)

    def to_front(self, photo: BatchPhoto) -> None:
        """The photo someone is looking at comes next."""
        with self._lock:
            if photo in self._photos:
                self._photos.remove(photo)
                self._photos.appendleft(photo)

    def remove(self, photo: BatchPhoto) -> bool:
        with self._lock:
            if photo not in self._photos:
                return False
            self._photos.remove(photo)
            return True

    def stop(self) -> list[BatchPhoto]:
        """Empty the queue; the photos that were waiting (not closed) are returned."""
        with self._lock:
            waiting = [photo for photo in self._photos if not photo.closed]
            self._photos.clear()
            return waiting

    def take(self, stopped: Callable[[], bool]) -> BatchJob | None:
        """The next photo (on the worker), or None when none is left or the batch stopped."""
        with self._lock:
            while self._photos and self._photos[0].closed:
                self._photos.popleft()
            if stopped() or not self._photos:
                return None
            photo = self._photos.popleft()
            return BatchJob(photo, photo.state.detection_on and photo.detected is None,
                            photo.text is None)

    def __contains__(self, photo: object) -> bool:
        with self._lock:
            return photo in self._photos

    def __len__(self) -> int:
        with self._lock:
            return len(self._photos)


def face_check(photo: BatchPhoto) -> FaceCheck:
    """Were this photo's faces looked for? The detector looked at it, or a person turned the
    search off for it (and covers faces by hand); anything else is not looked for."""
    if not photo.state.detection_on:
        return FaceCheck.TURNED_OFF
    if photo.detection == LOOKED and photo.detected is not None:
        return FaceCheck.LOOKED
    return FaceCheck.NOT_LOOKED


def text_checked(photo: BatchPhoto) -> bool:
    """The text was read, checked with the name guard, and no pupil's name shows."""
    return photo.text_state == LOOKED and photo.text is not None and not names_showing(photo)


class Blocker(Enum):
    """Why a photo of the batch cannot be prepared yet; the tab says each in words."""

    NO_PHOTO = "no photo"
    NOT_OPENED = "not opened"
    OPENING = "opening"
    FACES_STOPPED = "faces stopped"
    FACES_FAILED = "faces failed"
    STILL_LOOKING = "still looking"
    UNDECIDED = "undecided"
    TEXT_STOPPED = "text stopped"
    TEXT_FAILED = "text failed"
    STILL_READING = "still reading"
    NAMES_SHOWING = "names showing"


def blocker(photo: BatchPhoto | None) -> Blocker | None:
    """Why the photo cannot be prepared yet, or None when it can. Fails closed: faces not
    looked for, an uncertain region, text not read or a name showing all block it."""
    if photo is None:
        return Blocker.NO_PHOTO
    if photo.status == FAILED:
        return Blocker.NOT_OPENED
    if photo.status != OPEN or photo.opened is None:
        return Blocker.OPENING
    state = photo.state
    if state.detection_on:
        if photo.detection == CANCELLED:
            return Blocker.FACES_STOPPED
        if photo.detection == DETECTION_FAILED:
            return Blocker.FACES_FAILED
        if face_check(photo) is not FaceCheck.LOOKED:
            return Blocker.STILL_LOOKING
    if state.undecided:
        return Blocker.UNDECIDED
    return _text_blocker(photo)


def _text_blocker(photo: BatchPhoto) -> Blocker | None:
    if photo.text_state == CANCELLED:
        return Blocker.TEXT_STOPPED
    if photo.text_state == DETECTION_FAILED or (photo.text_state == LOOKED
                                                and photo.text is None):
        return Blocker.TEXT_FAILED
    if photo.text_state != LOOKED or photo.text is None:
        return Blocker.STILL_READING
    if names_showing(photo):
        return Blocker.NAMES_SHOWING
    return None


def names_showing(photo: BatchPhoto) -> list[WrittenName]:
    """Pupils' names read in the photo that no region hides and the crop keeps."""
    from stpeters_desk.core.photo_text import uncovered_names

    if photo.text is None:
        return []
    state = photo.state
    showing = uncovered_names(photo.text.to_cover, [region.rect for region in state.regions])
    geometry = photo.geometry()
    if geometry is None or state.crop is None:
        return showing
    return [name for name in showing if _inside_crop(geometry, state.crop, name.item.rect)]


def _inside_crop(geometry: ViewGeometry, crop: Rect, rect: Rect) -> bool:
    """Any part of the rectangle (in pixels of the photo as opened) inside the crop."""
    xs, ys = zip(*geometry.quad(rect), strict=True)
    return not (max(xs) <= crop.x or min(xs) >= crop.x + crop.w
                or max(ys) <= crop.y or min(ys) >= crop.y + crop.h)


def text_marks(photo: BatchPhoto) -> list[TextMark]:
    """The outlines for text not covered yet: names to cover, maybe-names, other text."""
    from stpeters_desk.core.photo_text import uncovered

    if photo.text is None:
        return []
    names = {name.item: name for name in photo.text.names}
    showing = uncovered(photo.text.items, [region.rect for region in photo.state.regions])
    marks = []
    for item in showing:
        name = names.get(item)
        kind = TEXT_OTHER if name is None else TEXT_NAME if name.blocks else TEXT_MAYBE
        marks.append(TextMark(item.rect, kind))
    return marks
