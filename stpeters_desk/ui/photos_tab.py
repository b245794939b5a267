"""The Photos tab: the only way a photo reaches the school's account.

Staff open one photo or a batch (from the Open dialog or by dropping files), the app looks
for faces in each on a worker, and the selected photo appears in an editor: crop it to a
shape that suits X, turn or straighten it, and check every covered region. A region the
detector is unsure of is drawn dashed with a "?" and must be kept or removed before the
photo can be prepared, and a photo in which nothing was found says so, because a missed
child's face is the worst mistake this app can make. Every crop and region change can be
undone.

"Prepare" covers the regions for good, crops, removes everything the camera recorded and
re-encodes within X's limits, on a worker, then shows what was removed. The prepared photo
waits in "Ready to attach" until it has a description and both confirmations ("I have
checked every face", "every child shown has photo consent"), each recorded with the name
of whoever gave it; only then can the composer attach it.

Regions are kept in pixels of the photo as opened (upright, before any turn), because
covering happens first and turning, straightening and cropping after it: what the editor
shows as covered is exactly what is covered. The crop is kept in pixels of the turned and
straightened photo, because it is the last step. Only the selected photo keeps its pixels
in memory; the rest of a batch keeps a thumbnail and what was found in it.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.images import (
    MAX_STRAIGHTEN_DEGREES,
    PHOTO_SUFFIXES,
    CoverStyle,
    CropPreset,
    OpenedPhoto,
    PhotoError,
    Rect,
    centred_crop,
    cover_regions,
    crop,
    export_photo,
    fit_within,
    open_photo,
    rotate_quarter,
    straighten,
    straightened_size,
)
from stpeters_desk.core.photo_library import (
    MAX_ALT_TEXT,
    PhotoLibrary,
    PhotoLibraryError,
    StoredPhoto,
    missing_checks,
)
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.styling import scrolls_when_short, set_style_state
from stpeters_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from stpeters_desk.core.faces import FaceBox

Detector = Callable[[Image.Image], "Sequence[FaceBox]"]
Box = tuple[float, float, float, float]  # left, top, width, height in pixels of the view

PREVIEW_SIDE = 1600  # the editor draws from a copy this size, never the full photo
THUMBNAIL_SIDE = 96
RESULT_PREVIEW_SIDE = 360
MIN_CROP = 16  # pixels of the photo
MIN_REGION = 6
HANDLE = 7  # screen pixels around a corner or edge that grab it
STRAIGHTEN_STEPS = 10  # the slider counts tenths of a degree
HISTORY_LIMIT = 200

PRESETS = (CropPreset.WIDE, CropPreset.SQUARE, CropPreset.PORTRAIT, CropPreset.TALL,
           CropPreset.FREE)
PRESET_LABELS = {
    CropPreset.WIDE: "16:9 wide (best in X's timeline)",
    CropPreset.SQUARE: "1:1 square",
    CropPreset.PORTRAIT: "4:5 portrait",
    CropPreset.TALL: "3:4 tall",
    CropPreset.FREE: "Free (any shape)",
}
STYLE_LABELS = {CoverStyle.SOLID: "Solid block (recommended)",
                CoverStyle.MOSAIC: "Coarse mosaic with noise"}

# Where a photo of the batch is.
WAITING, OPENING, OPEN, FAILED = "waiting", "opening", "open", "failed"
# Where face detection for a photo is.
NOT_LOOKED, LOOKING, LOOKED, DETECTION_FAILED = "not looked", "looking", "looked", "failed"


# ---------------------------------------------------------------------------------------
# The edit: plain data, so undo is a list of snapshots


@dataclass(frozen=True)
class Region:
    """A part of the photo to cover, in pixels of the photo as opened."""

    rect: Rect
    detected: bool = False  # found by the detector rather than drawn by someone
    low_confidence: bool = False
    accepted: bool = False  # someone looked at an uncertain one and kept it

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


def moved_box(box: Box, dx: float, dy: float, bounds: tuple[int, int]) -> Box:
    """Moved, but kept inside the photo."""
    left, top, width, height = box
    left = min(max(0.0, left + dx), max(0.0, bounds[0] - width))
    top = min(max(0.0, top + dy), max(0.0, bounds[1] - height))
    return (left, top, width, height)


def resized_box(box: Box, handle: str, x: float, y: float, bounds: tuple[int, int],
                ratio: tuple[int, int] | None = None, minimum: float = MIN_CROP) -> Box:
    """A box with one corner or edge dragged to (x, y), inside bounds, keeping any ratio.

    ``handle`` names what is dragged: "l", "r", "t", "b" or a corner such as "tl".
    """
    if ratio is None:
        return _resized_free(box, handle, x, y, bounds, minimum)
    if len(handle) == 2:
        return _resized_corner(box, handle, x, y, bounds, ratio, minimum)
    return _resized_edge(box, handle, x, y, bounds, ratio, minimum)


def _resized_free(box: Box, handle: str, x: float, y: float, bounds: tuple[int, int],
                  minimum: float) -> Box:
    left, top, width, height = box
    right, bottom = left + width, top + height
    if "l" in handle:
        left = min(max(0.0, x), right - minimum)
    if "r" in handle:
        right = max(min(float(bounds[0]), x), left + minimum)
    if "t" in handle:
        top = min(max(0.0, y), bottom - minimum)
    if "b" in handle:
        bottom = max(min(float(bounds[1]), y), top + minimum)
    return (left, top, right - left, bottom - top)


def _resized_corner(box: Box, handle: str, x: float, y: float, bounds: tuple[int, int],
                    ratio: tuple[int, int], minimum: float) -> Box:
    left, top, width, height = box
    right_side, bottom_side = "r" in handle, "b" in handle
    anchor_x = left if right_side else left + width
    anchor_y = top if bottom_side else top + height
    room_w = bounds[0] - anchor_x if right_side else anchor_x
    room_h = bounds[1] - anchor_y if bottom_side else anchor_y
    want_w = abs(x - anchor_x)
    want_h = abs(y - anchor_y)
    new_w, new_h = _fitted(max(want_w, want_h * ratio[0] / ratio[1]), room_w, room_h, ratio,
                           minimum)
    new_left = anchor_x if right_side else anchor_x - new_w
    new_top = anchor_y if bottom_side else anchor_y - new_h
    return (new_left, new_top, new_w, new_h)


def _resized_edge(box: Box, handle: str, x: float, y: float, bounds: tuple[int, int],
                  ratio: tuple[int, int], minimum: float) -> Box:
    left, top, width, height = box
    if handle in ("l", "r"):
        anchor = left if handle == "r" else left + width
        room_w = bounds[0] - anchor if handle == "r" else anchor
        centre = top + height / 2
        room_h = 2 * min(centre, bounds[1] - centre)
        new_w, new_h = _fitted(abs(x - anchor), room_w, room_h, ratio, minimum)
        new_left = anchor if handle == "r" else anchor - new_w
        return (new_left, centre - new_h / 2, new_w, new_h)
    anchor = top if handle == "b" else top + height
    room_h = bounds[1] - anchor if handle == "b" else anchor
    centre = left + width / 2
    room_w = 2 * min(centre, bounds[0] - centre)
    new_w, new_h = _fitted(abs(y - anchor) * ratio[0] / ratio[1], room_w, room_h, ratio, minimum)
    new_top = anchor if handle == "b" else anchor - new_h
    return (centre - new_w / 2, new_top, new_w, new_h)


def _fitted(want_w: float, room_w: float, room_h: float, ratio: tuple[int, int],
            minimum: float) -> tuple[float, float]:
    """A width and height of the ratio, at least minimum, within the room there is."""
    per_w = ratio[1] / ratio[0]
    width = max(want_w, minimum, minimum / per_w)
    width = min(width, room_w, room_h / per_w)
    return (width, width * per_w)


def rect_of(box: Box, bounds: tuple[int, int]) -> Rect:
    left, top, width, height = box
    rect = Rect(round(left), round(top), max(1, round(width)), max(1, round(height)))
    return rect.clamped(*bounds) or Rect(0, 0, *bounds)


def render_photo(image: Image.Image, state: EditState) -> Image.Image:
    """Cover first, then turn, straighten and crop: the order the editor shows."""
    result = cover_regions(image, [region.rect for region in state.regions], state.style)
    for _ in range(state.quarter_turns % 4):
        result = rotate_quarter(result)
    result = straighten(result, state.straighten)
    return crop(result, state.crop) if state.crop is not None else result


def region_from_face(face: FaceBox) -> Region:
    return Region(Rect(face.x, face.y, face.w, face.h), detected=True,
                  low_confidence=face.low_confidence)


def with_detected(state: EditState, detected: Sequence[Region]) -> EditState:
    """The state with the detector's regions in place of any it had from before."""
    if not state.detection_on:
        return state
    drawn = tuple(region for region in state.regions if not region.detected)
    return replace(state, regions=(*detected, *drawn))


def region_text(number: int, region: Region) -> str:
    what = "Face" if region.detected else "Region you added"
    if region.needs_decision:
        return f"{number}. {what}? Uncertain: keep or remove it"
    if region.low_confidence:
        return f"{number}. {what} (uncertain, kept)"
    return f"{number}. {what}"


# ---------------------------------------------------------------------------------------
# Work done on a worker: nothing here touches a widget


@dataclass(frozen=True)
class OpenResult:
    photo: OpenedPhoto
    preview: Image.Image
    thumbnail: Image.Image


def open_for_editing(path: Path) -> OpenResult:
    """Decode, orient and make the editor's preview and the batch list's thumbnail."""
    photo = open_photo(path)
    preview = fit_within(photo.image, PREVIEW_SIDE)
    thumbnail = fit_within(preview, THUMBNAIL_SIDE)
    return OpenResult(photo, preview.copy() if preview is photo.image else preview,
                      thumbnail.copy())


def find_faces(image: Image.Image) -> list[FaceBox]:
    """The app's detector; imported here so opening the tab does not load onnxruntime."""
    from stpeters_desk.core.faces import detect_faces

    return detect_faces(image)


def result_preview(library: PhotoLibrary, photo_id: int) -> Image.Image:
    """The prepared photo itself, small enough to show: what will be posted."""
    import io

    with Image.open(io.BytesIO(library.data(photo_id))) as prepared:
        prepared.draft("RGB", (RESULT_PREVIEW_SIDE, RESULT_PREVIEW_SIDE))
        prepared.thumbnail((RESULT_PREVIEW_SIDE, RESULT_PREVIEW_SIDE))
        return prepared.convert("RGBA")


def qimage_of(image: Image.Image) -> QImage:
    rgba = image if image.mode == "RGBA" else image.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    return QImage(data, rgba.width, rgba.height, rgba.width * 4,
                  QImage.Format.Format_RGBA8888).copy()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a dropped folder's visible files, in name order."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        found.extend(child for child in sorted(path.iterdir(), key=lambda p: p.name.lower())
                     if child.is_file() and not child.name.startswith("."))
    return found


def _size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, size // 1000)} KB"


# ---------------------------------------------------------------------------------------
# The editor view


@dataclass
class _Drag:
    kind: str  # "crop", "region" or "new"
    handle: str  # "move", an edge ("l", "r", "t", "b") or a corner ("tl"...)
    start: tuple[float, float]
    box: Box
    index: int = -1


class PhotoCanvas(QWidget):
    """The photo scaled to fit, its crop frame and the regions to cover.

    Drag inside the frame to move it, its corners and edges to resize it; drag a region to
    move it and its corners to resize it; in "add region" mode, drag to draw a new one.
    Everything can be done from the keyboard too (see the accessible description).
    Changes are reported when the mouse is released, so one drag is one undo step.
    """

    crop_edited = Signal(object)
    region_edited = Signal(int, object)
    region_added = Signal(object)
    region_removed = Signal(int)
    region_selected = Signal(int)
    add_mode_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotoCanvas")
        self.setAccessibleName("Photo editor")
        self.setAccessibleDescription(
            "The selected photo with its crop frame and the regions that will be covered. "
            "Arrow keys move the crop frame, or the chosen region (Ctrl with an arrow resizes "
            "the region); Shift moves ten times as far. In add-region mode Enter adds a "
            "region in the middle. Delete removes the chosen region, Esc lets go of it.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self._image: QImage | None = None  # the preview, turned but not straightened
        self._scaled: QPixmap | None = None  # the same at the size it is drawn
        self._geometry: ViewGeometry | None = None
        self._state: EditState | None = None
        self._empty_text = ""
        self.selected = -1
        self.add_mode = False
        self._drag: _Drag | None = None
        self._live: Box | None = None

    # -- what it shows -------------------------------------------------------------------
    def show_photo(self, image: QImage, geometry: ViewGeometry, state: EditState) -> None:
        if image is not self._image:
            self._scaled = None
        self._image, self._geometry, self._state = image, geometry, state
        if self.selected >= len(state.regions):
            self.selected = -1
        self._drag, self._live = None, None
        self.update()

    def show_empty(self, text: str) -> None:
        self._image, self._geometry, self._state = None, None, None
        self._scaled = None
        self._empty_text = text
        self.selected = -1
        self._drag, self._live = None, None
        self.update()

    @property
    def empty_text(self) -> str:
        return "" if self._image is not None else self._empty_text

    def set_add_mode(self, on: bool) -> None:
        self.add_mode = on
        cursor = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor
        self.setCursor(cursor)

    def select(self, index: int) -> None:
        self.selected = index
        self.update()

    # -- mapping between the screen and the photo ------------------------------------------
    def target(self) -> QRectF:
        """Where the photo is drawn in the widget: as large as fits, centred."""
        if self._geometry is None:
            return QRectF()
        view_w, view_h = self._geometry.size
        room = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        scale = min(room.width() / view_w, room.height() / view_h)
        width, height = view_w * scale, view_h * scale
        return QRectF(room.center().x() - width / 2, room.center().y() - height / 2,
                      width, height)

    def _scale(self) -> float:
        if self._geometry is None:
            return 1.0
        return self.target().width() / self._geometry.size[0]

    def to_view(self, point: QPointF) -> tuple[float, float]:
        target, scale = self.target(), self._scale()
        return ((point.x() - target.x()) / scale, (point.y() - target.y()) / scale)

    def to_widget(self, x: float, y: float) -> QPointF:
        target, scale = self.target(), self._scale()
        return QPointF(target.x() + x * scale, target.y() + y * scale)

    def widget_rect(self, box: Box) -> QRectF:
        top_left = self.to_widget(box[0], box[1])
        scale = self._scale()
        return QRectF(top_left.x(), top_left.y(), box[2] * scale, box[3] * scale)

    def crop_box(self) -> Box:
        if self._geometry is None or self._state is None:
            return (0.0, 0.0, 0.0, 0.0)
        rect = self._state.crop or Rect(0, 0, *self._geometry.size)
        return (float(rect.x), float(rect.y), float(rect.w), float(rect.h))

    def region_box(self, index: int) -> Box:
        assert self._geometry is not None and self._state is not None
        return self._geometry.box(self._state.regions[index].rect)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#2b2b30"))
        if self._image is None or self._geometry is None or self._state is None:
            self._paint_empty(painter)
            painter.end()
            return
        target = self.target()
        self._paint_photo(painter, target, self._image, self._geometry)
        painter.save()
        painter.setClipRect(target.adjusted(-1, -1, 1, 1))
        self._paint_regions(painter, self._state)
        painter.restore()
        self._paint_crop(painter, target)
        if self.hasFocus():
            painter.setPen(QPen(QColor("#8ab4f8"), 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -2, -2))
        painter.end()

    def _paint_photo(self, painter: QPainter, target: QRectF, image: QImage,
                     geometry: ViewGeometry) -> None:
        """Straightening is drawn by turning the painter, which costs nothing per step:
        the turned photo, scaled once per size, drawn turned about the view's centre and
        clipped to the view (which is the turned photo's centre, cropped)."""
        scale = self._scale()
        turned_w, turned_h = geometry.turned_size
        width, height = max(1, round(turned_w * scale)), max(1, round(turned_h * scale))
        if self._scaled is None or (self._scaled.width(), self._scaled.height()) != (width,
                                                                                    height):
            self._scaled = QPixmap.fromImage(image.scaled(
                width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        painter.save()
        painter.setClipRect(target)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(target.center())
        painter.rotate(-geometry.degrees)  # Qt turns clockwise, Pillow anticlockwise
        painter.drawPixmap(QPointF(-width / 2, -height / 2), self._scaled)
        painter.restore()

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(QColor("#e8e8ea"))
        painter.drawText(QRectF(self.rect()).adjusted(24, 24, -24, -24),
                         int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                         self._empty_text)

    def _paint_crop(self, painter: QPainter, target: QRectF) -> None:
        box = self._live if self._drag is not None and self._drag.kind == "crop" else None
        frame = self.widget_rect(box or self.crop_box())
        shade = QColor(0, 0, 0, 140)
        painter.fillRect(QRectF(target.left(), target.top(), target.width(),
                                frame.top() - target.top()), shade)
        painter.fillRect(QRectF(target.left(), frame.bottom(), target.width(),
                                target.bottom() - frame.bottom()), shade)
        painter.fillRect(QRectF(target.left(), frame.top(), frame.left() - target.left(),
                                frame.height()), shade)
        painter.fillRect(QRectF(frame.right(), frame.top(), target.right() - frame.right(),
                                frame.height()), shade)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#000000"), 3))
        painter.drawRect(frame)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.drawRect(frame)
        self._paint_handles(painter, frame, QColor("#ffffff"))
        width, height = (box[2], box[3]) if box else self.crop_box()[2:]
        self._paint_tag(painter, frame.bottomRight() + QPointF(-4, -4),
                        f"{round(width)} × {round(height)}", align_right=True)

    def _paint_regions(self, painter: QPainter, state: EditState) -> None:
        assert self._geometry is not None
        for index, region in enumerate(state.regions):
            if self._drag is not None and self._drag.index == index and self._live:
                polygon = QPolygonF(self.widget_rect(self._live))
            else:
                polygon = QPolygonF([self.to_widget(x, y)
                                     for x, y in self._geometry.quad(region.rect)])
            self._paint_region(painter, polygon, index, region, state.style)
        if self._drag is not None and self._drag.kind == "new" and self._live:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffd23f"), 2, Qt.PenStyle.DashDotLine))
            painter.drawRect(self.widget_rect(self._live))

    def _paint_region(self, painter: QPainter, polygon: QPolygonF, index: int,
                      region: Region, style: CoverStyle) -> None:
        chosen = index == self.selected
        if region.needs_decision:  # left uncovered on screen so staff can see what it is
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ff9f1c"), 3 if chosen else 2, Qt.PenStyle.DashLine))
        else:
            alpha = 70 if chosen else 200
            brush = QBrush(QColor(40, 40, 48, alpha))
            if style is CoverStyle.MOSAIC:
                brush = QBrush(QColor(90, 90, 100, alpha), Qt.BrushStyle.Dense3Pattern)
            painter.setBrush(brush)
            painter.setPen(QPen(QColor("#ffd23f"), 3 if chosen else 2))
        painter.drawPolygon(polygon)
        corner = polygon.boundingRect().topLeft()
        marker = f"{index + 1} ?" if region.needs_decision else str(index + 1)
        self._paint_tag(painter, corner + QPointF(2, -2), marker)
        if chosen:
            self._paint_handles(painter, polygon.boundingRect(), QColor("#ffd23f"))

    @staticmethod
    def _paint_handles(painter: QPainter, frame: QRectF, colour: QColor) -> None:
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.setBrush(colour)
        size = HANDLE
        for corner in (frame.topLeft(), frame.topRight(), frame.bottomLeft(),
                       frame.bottomRight()):
            painter.drawRect(QRectF(corner.x() - size / 2, corner.y() - size / 2, size, size))

    @staticmethod
    def _paint_tag(painter: QPainter, anchor: QPointF, text: str,
                   align_right: bool = False) -> None:
        metrics = painter.fontMetrics()
        width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
        left = anchor.x() - width if align_right else anchor.x()
        box = QRectF(left, anchor.y() - height, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 190))
        painter.drawRect(box)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    # -- the mouse -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._state is None:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        view = self.to_view(point)
        if self.add_mode:
            self._drag = _Drag("new", "br", view, (view[0], view[1], 0.0, 0.0))
            self._live = self._drag.box
            return
        self._drag = self._grab(point, view)
        self._live = self._drag.box if self._drag else None
        self.update()

    def _grab(self, point: QPointF, view: tuple[float, float]) -> _Drag | None:
        """What a press at this point takes hold of: a region first, then the crop frame."""
        if self.selected >= 0:
            box = self.region_box(self.selected)
            handle = self._handle_at(point, box, corners_only=True)
            if handle:
                return _Drag("region", handle, view, box, self.selected)
        index = self._region_at(view)
        if index >= 0:
            self._choose(index)
            return _Drag("region", "move", view, self.region_box(index), index)
        box = self.crop_box()
        handle = self._handle_at(point, box) or ("move" if _inside(box, *view) else "")
        if handle:
            return _Drag("crop", handle, view, box)
        self._choose(-1)
        return None

    def _choose(self, index: int) -> None:
        if index != self.selected:
            self.selected = index
            self.region_selected.emit(index)

    def _region_at(self, view: tuple[float, float]) -> int:
        """The smallest region under the point: a face inside a larger one stays reachable."""
        assert self._state is not None
        hits = [(box[2] * box[3], index) for index in range(len(self._state.regions))
                if _inside(box := self.region_box(index), *view)]
        return min(hits)[1] if hits else -1

    def _handle_at(self, point: QPointF, box: Box, corners_only: bool = False) -> str:
        frame = self.widget_rect(box)
        near_left = abs(point.x() - frame.left()) <= HANDLE
        near_right = abs(point.x() - frame.right()) <= HANDLE
        near_top = abs(point.y() - frame.top()) <= HANDLE
        near_bottom = abs(point.y() - frame.bottom()) <= HANDLE
        vertical = "t" if near_top else "b" if near_bottom else ""
        horizontal = "l" if near_left else "r" if near_right else ""
        if vertical and horizontal:
            return vertical + horizontal
        if corners_only:
            return ""
        within_x = frame.left() - HANDLE <= point.x() <= frame.right() + HANDLE
        within_y = frame.top() - HANDLE <= point.y() <= frame.bottom() + HANDLE
        if horizontal and within_y:
            return horizontal
        if vertical and within_x:
            return vertical
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or self._geometry is None or self._state is None:
            return
        x, y = self.to_view(event.position())
        drag, bounds = self._drag, self._geometry.size
        if drag.kind == "new":
            left, top = min(x, drag.start[0]), min(y, drag.start[1])
            self._live = (left, top, abs(x - drag.start[0]), abs(y - drag.start[1]))
        elif drag.handle == "move":
            dx, dy = x - drag.start[0], y - drag.start[1]
            self._live = moved_box(drag.box, dx, dy, bounds) if drag.kind == "crop" else (
                drag.box[0] + dx, drag.box[1] + dy, drag.box[2], drag.box[3])
        elif drag.kind == "crop":
            self._live = resized_box(drag.box, drag.handle, x, y, bounds,
                                     self._state.preset.ratio)
        else:
            self._live = _resized_anywhere(drag.box, drag.handle, x, y)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, live = self._drag, self._live
        self._drag, self._live = None, None
        if drag is None or live is None or self._geometry is None:
            self.update()
            return
        if drag.kind == "crop":
            self.crop_edited.emit(rect_of(live, self._geometry.size))
        elif drag.kind == "region":
            rect = self._geometry.rect_from_box(live)
            if rect is not None:
                self.region_edited.emit(drag.index, rect)
        elif live[2] * self._scale() >= 4 and live[3] * self._scale() >= 4:
            rect = self._geometry.rect_from_box(_at_least(live, MIN_REGION))
            if rect is not None:
                self.region_added.emit(rect)
        self.update()

    # -- the keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._geometry is None or self._state is None:
            super().keyPressEvent(event)
            return
        if key in _ARROWS:
            self._arrow(Qt.Key(key), event.modifiers())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.add_mode:
            self._add_in_middle()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected >= 0:
            self.region_removed.emit(self.selected)
        elif key == Qt.Key.Key_Escape and self.add_mode:
            self.add_mode_left.emit()
        elif key == Qt.Key.Key_Escape and self.selected >= 0:
            self._choose(-1)
            self.update()
        else:
            super().keyPressEvent(event)

    def _arrow(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """Arrows move the chosen region (Ctrl: resize it), or else the crop frame."""
        assert self._geometry is not None
        step = max(1, round(max(self._geometry.size) / 100))
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            step *= 10
        dx, dy = (value * step for value in _ARROWS[key])
        if self.selected < 0:
            box = moved_box(self.crop_box(), dx, dy, self._geometry.size)
            self.crop_edited.emit(rect_of(box, self._geometry.size))
            return
        left, top, width, height = self.region_box(self.selected)
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            region = (left, top, max(MIN_REGION, width + dx), max(MIN_REGION, height + dy))
        else:
            region = (left + dx, top + dy, width, height)
        rect = self._geometry.rect_from_box(region)
        if rect is not None:
            self.region_edited.emit(self.selected, rect)

    def _add_in_middle(self) -> None:
        """Add mode without a mouse: a region in the middle of the frame, to move with keys."""
        assert self._geometry is not None
        left, top, width, height = self.crop_box()
        side = max(MIN_REGION, min(width, height) / 5)
        rect = self._geometry.rect_from_box((left + (width - side) / 2,
                                             top + (height - side) / 2, side, side))
        if rect is not None:
            self.region_added.emit(rect)


_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
           Qt.Key.Key_Down: (0, 1)}


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]


def _resized_anywhere(box: Box, handle: str, x: float, y: float) -> Box:
    """A region's corner dragged: regions may reach past the crop, so no bounds but size."""
    return _resized_free(box, handle, x, y, (10**9, 10**9), MIN_REGION)


def _at_least(box: Box, minimum: float) -> Box:
    return (box[0], box[1], max(box[2], minimum), max(box[3], minimum))


# ---------------------------------------------------------------------------------------
# A photo of the batch


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
    view_image: QImage | None = None
    closed: bool = False

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


# ---------------------------------------------------------------------------------------
# The tab


class PhotosTab(QWidget):
    """Signals ``status`` with short messages for the status bar, ``ready_changed`` when the
    list of prepared photos changes (the composer's picker reads it afresh)."""

    status = Signal(str)
    ready_changed = Signal()

    def __init__(self, services: DeskServices, tasks: TaskRunner, library: PhotoLibrary,
                 parent: QWidget | None = None, detector: Detector | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotosTab")
        self._services = services
        self._tasks = tasks
        self._library = library
        self._detector: Detector = detector or find_faces
        self._photos: list[BatchPhoto] = []
        self._queue: deque[BatchPhoto] = deque()
        self._loading: BatchPhoto | None = None
        self._batch_total = 0
        self._batch_done = 0
        self._batch_failed = 0
        self._preparing = False
        self._ready_id: int | None = None
        self.setAcceptDrops(True)
        self._build()
        self._show_selected()
        self._show_ready()

    @property
    def actor(self) -> str:
        """Whoever is signed in: their name goes with every confirmation."""
        member = self._services.member
        return member.name if member is not None else self._services.signed_in

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._batch_pane())
        splitter.addWidget(scrolls_when_short(self._editor_pane()))
        splitter.addWidget(scrolls_when_short(self._ready_pane()))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([230, 760, 380])
        self.message_label = QLabel()
        self.message_label.setObjectName("PhotosMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Message")
        self.message_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    def _batch_pane(self) -> QWidget:
        title = QLabel("Photos to prepare")
        title.setObjectName("SectionTitle")
        self.open_button = QPushButton("&Open photos…")
        self.open_button.setToolTip("Choose one or more photos (JPEG, PNG or HEIC from an iPad). "
                                    "You can also drag photos onto this tab. (Ctrl+O)")
        self.open_button.clicked.connect(self.choose_photos)
        open_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self,
                             self.choose_photos)
        # Set apart: PySide6 ignores a context= argument given with a slot.
        open_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.batch_list = QListWidget()
        self.batch_list.setObjectName("PhotoBatch")
        self.batch_list.setAccessibleName("Opened photos")
        self.batch_list.setIconSize(QPixmap(64, 64).size())
        self.batch_list.setWordWrap(True)
        self.batch_list.setMinimumWidth(200)
        self.batch_list.currentRowChanged.connect(self._photo_chosen)
        self.batch_empty = QLabel("No photos open yet. Press “Open photos…” or drag photos "
                                  "from a folder onto this tab.")
        self.batch_empty.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("FaceProgress")
        self.progress.setAccessibleName("Progress opening photos and looking for faces")
        self.progress.setFormat("Looking for faces: %v of %m photos")
        self.progress.hide()
        self.close_button = QPushButton("Close photo")
        self.close_button.setToolTip("Take the selected photo out of this list (the file on "
                                     "the computer is not touched)")
        self.close_button.clicked.connect(self.close_selected)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.addWidget(title)
        layout.addWidget(self.open_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.batch_empty)
        layout.addWidget(self.batch_list, 1)
        layout.addWidget(self.close_button)
        return pane

    def _editor_pane(self) -> QWidget:
        self.canvas = PhotoCanvas()
        self.canvas.crop_edited.connect(self._crop_edited)
        self.canvas.region_edited.connect(self._region_edited)
        self.canvas.region_added.connect(self._region_added)
        self.canvas.region_removed.connect(self.remove_region)
        self.canvas.region_selected.connect(self._region_chosen_on_canvas)
        self.canvas.add_mode_left.connect(lambda: self.add_region_button.setChecked(False))
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.addLayout(self._crop_row())
        layout.addLayout(self._turn_row())
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self._faces_box())
        layout.addLayout(self._prepare_row())
        # On the whole tab: the description box keeps Ctrl+Z for its own text, as Qt lets
        # a focused text editor take standard shortcuts first.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # Windows has it already: never twice
            redo_keys.append(QKeySequence("Ctrl+Y"))
        for keys, action in ((QKeySequence.keyBindings(QKeySequence.StandardKey.Undo),
                              self.undo), (redo_keys, self.redo)):
            shortcut = QShortcut(self)
            shortcut.setKeys(keys)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        return pane

    def _crop_row(self) -> QHBoxLayout:
        self.preset_box = QComboBox()
        self.preset_box.setAccessibleName("Crop shape")
        for preset in PRESETS:
            self.preset_box.addItem(PRESET_LABELS[preset], preset.value)
        self.preset_box.setCurrentIndex(PRESETS.index(CropPreset.FREE))
        self.preset_box.activated.connect(self._preset_chosen)
        shape = QLabel("&Shape:")
        shape.setBuddy(self.preset_box)
        self.size_label = QLabel()
        self.size_label.setObjectName("OutputSize")
        self.size_label.setAccessibleName("Size of the prepared photo")
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Undo the last crop or region change (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton("Redo")
        self.redo_button.setToolTip("Redo (Ctrl+Shift+Z)")
        self.redo_button.clicked.connect(self.redo)
        row = QHBoxLayout()
        row.addWidget(shape)
        row.addWidget(self.preset_box)
        row.addWidget(self.size_label)
        row.addStretch(1)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        return row

    def _turn_row(self) -> QHBoxLayout:
        self.turn_left_button = QPushButton("Turn left")
        self.turn_left_button.setToolTip("Turn the photo a quarter turn anticlockwise")
        self.turn_left_button.clicked.connect(lambda: self.turn(clockwise=False))
        self.turn_right_button = QPushButton("Turn right")
        self.turn_right_button.setToolTip("Turn the photo a quarter turn clockwise")
        self.turn_right_button.clicked.connect(lambda: self.turn(clockwise=True))
        limit = round(MAX_STRAIGHTEN_DEGREES * STRAIGHTEN_STEPS)
        self.straighten_slider = QSlider(Qt.Orientation.Horizontal)
        self.straighten_slider.setAccessibleName("Straighten, in degrees")
        self.straighten_slider.setRange(-limit, limit)
        self.straighten_slider.setSingleStep(5)
        self.straighten_slider.setPageStep(50)
        self.straighten_slider.setTracking(False)
        self.straighten_slider.valueChanged.connect(self._straighten_chosen)
        self.straighten_slider.sliderMoved.connect(self._show_straighten_value)
        self.straighten_label = QLabel()
        self.straighten_label.setMinimumWidth(48)
        straighten_title = QLabel("S&traighten:")
        straighten_title.setBuddy(self.straighten_slider)
        self.reset_button = QPushButton("Reset")
        self.reset_button.setToolTip("Back to the whole photo, upright: no crop, turn or "
                                     "straightening (regions stay)")
        self.reset_button.clicked.connect(self.reset_view)
        row = QHBoxLayout()
        row.addWidget(self.turn_left_button)
        row.addWidget(self.turn_right_button)
        row.addWidget(straighten_title)
        row.addWidget(self.straighten_slider, 1)
        row.addWidget(self.straighten_label)
        row.addWidget(self.reset_button)
        return row

    def _faces_box(self) -> QGroupBox:
        box = QGroupBox("Faces and other regions to cover")
        self.faces_label = QLabel()
        self.faces_label.setObjectName("FaceStatus")
        self.faces_label.setWordWrap(True)
        self.faces_label.setAccessibleName("What the face check found")
        self.region_list = QListWidget()
        self.region_list.setObjectName("RegionList")
        self.region_list.setAccessibleName("Regions that will be covered")
        self.region_list.setMaximumHeight(110)
        self.region_list.currentRowChanged.connect(self._region_chosen_in_list)
        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.region_list,
                               self._remove_chosen_region)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.add_region_button = QPushButton("&Add region")
        self.add_region_button.setCheckable(True)
        self.add_region_button.setToolTip("Then drag over a face (or a name badge) in the "
                                          "photo to cover it. Esc stops adding.")
        self.add_region_button.toggled.connect(self.canvas.set_add_mode)
        self.keep_button = QPushButton("&Keep (cover it)")
        self.keep_button.setToolTip("The uncertain region is a face, or may be: cover it")
        self.keep_button.clicked.connect(self.keep_region)
        self.remove_region_button = QPushButton("&Remove region")
        self.remove_region_button.setToolTip("Leave this part of the photo uncovered (Delete)")
        self.remove_region_button.clicked.connect(self._remove_chosen_region)
        self.detect_box = QCheckBox("&Look for faces in this photo")
        self.detect_box.setToolTip("Turn off for a photo with no people in it; cover any "
                                   "face by hand with “Add region”.")
        self.detect_box.clicked.connect(self.set_detection)
        self.style_box = QComboBox()
        self.style_box.setAccessibleName("How regions are covered")
        for style in CoverStyle:
            self.style_box.addItem(STYLE_LABELS[style], style.value)
        self.style_box.activated.connect(self._style_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_region_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.remove_region_button)
        buttons.addStretch(1)
        cover_with = QLabel("Co&ver with:")
        cover_with.setBuddy(self.style_box)
        options = QHBoxLayout()
        options.addWidget(self.detect_box)
        options.addStretch(1)
        options.addWidget(cover_with)
        options.addWidget(self.style_box)
        layout = QVBoxLayout(box)
        layout.addWidget(self.faces_label)
        layout.addWidget(self.region_list)
        layout.addLayout(buttons)
        layout.addLayout(options)
        return box

    def _prepare_row(self) -> QHBoxLayout:
        self.prepare_hint = QLabel()
        self.prepare_hint.setObjectName("PrepareHint")
        self.prepare_hint.setWordWrap(True)
        self.prepare_button = QPushButton("&Prepare photo")
        self.prepare_button.setObjectName("PrepareButton")
        self.prepare_button.setProperty("primary", True)
        self.prepare_button.setToolTip("Cover the regions for good, crop, remove the camera's "
                                       "hidden information and make it the right size for X")
        self.prepare_button.clicked.connect(self.prepare)
        row = QHBoxLayout()
        row.addWidget(self.prepare_hint, 1)
        row.addWidget(self.prepare_button)
        return row

    def _ready_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.addWidget(self._prepared_box(), 3)
        title = QLabel("Ready to attach")
        title.setObjectName("SectionTitle")
        self.ready_list = QListWidget()
        self.ready_list.setObjectName("ReadyPhotos")
        self.ready_list.setAccessibleName("Prepared photos, ready to attach once checked")
        self.ready_list.setIconSize(QPixmap(64, 64).size())
        self.ready_list.setWordWrap(True)
        self.ready_list.currentRowChanged.connect(self._ready_chosen)
        self.ready_empty = QLabel("Nothing prepared yet. Prepared photos wait here until "
                                  "they are described and checked; then the composer can "
                                  "attach them.")
        self.ready_empty.setWordWrap(True)
        self.remove_ready_button = QPushButton("Remove from list…")
        self.remove_ready_button.setProperty("destructive", True)
        self.remove_ready_button.setToolTip("Delete the prepared copy (the original file is "
                                            "not touched)")
        self.remove_ready_button.clicked.connect(self.remove_ready)
        layout.addWidget(title)
        layout.addWidget(self.ready_empty)
        layout.addWidget(self.ready_list, 2)
        layout.addWidget(self.remove_ready_button)
        return pane

    def _prepared_box(self) -> QGroupBox:
        box = QGroupBox("Prepared photo")
        self.result_image = QLabel()
        self.result_image.setAccessibleName("The prepared photo, as it will be posted")
        self.result_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_image.setMinimumHeight(120)
        self.result_label = QLabel()
        self.result_label.setObjectName("PrepareResult")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("What was removed and the prepared size")
        self.alt_text = QPlainTextEdit()
        self.alt_text.setObjectName("AltText")
        self.alt_text.setAccessibleName("Photo description (alt text)")
        self.alt_text.setPlaceholderText("Describe the photo for families who use screen "
                                         "readers, e.g. “Year 3 planting bulbs in the school "
                                         "garden”. Never a child's name.")
        self.alt_text.setTabChangesFocus(True)
        self.alt_text.setMaximumHeight(90)
        self.alt_text.textChanged.connect(self._alt_text_changed)
        self.alt_count = QLabel()
        self.alt_count.setObjectName("AltTextCount")
        self.alt_count.setAccessibleName("Characters in the description")
        self.save_alt_button = QPushButton("Save &description")
        self.save_alt_button.clicked.connect(self.save_alt_text)
        count_row = QHBoxLayout()
        count_row.addWidget(self.alt_count)
        count_row.addStretch(1)
        count_row.addWidget(self.save_alt_button)
        self.faces_confirm = QCheckBox("I have checked every &face in this photo")
        self.faces_confirm.setAccessibleDescription(
            "Confirm that you looked at the prepared photo and every face is covered, or "
            "may be shown. Your name is recorded.")
        self.faces_confirm.clicked.connect(self._faces_confirm_clicked)
        self.consent_confirm = QCheckBox("Every child shown has photo &consent")
        self.consent_confirm.setAccessibleDescription(
            "Confirm against the school's consent list that every child who can be seen may "
            "appear on the school's account. Your name is recorded.")
        self.consent_confirm.clicked.connect(self._consent_confirm_clicked)
        self.checks_label = QLabel()
        self.checks_label.setObjectName("ChecksStatus")
        self.checks_label.setWordWrap(True)
        description = QLabel("D&escription (alt text), required:")
        description.setBuddy(self.alt_text)
        layout = QVBoxLayout(box)
        layout.addWidget(self.result_image)
        layout.addWidget(self.result_label)
        layout.addWidget(description)
        layout.addWidget(self.alt_text)
        layout.addLayout(count_row)
        layout.addWidget(self.faces_confirm)
        layout.addWidget(self.consent_confirm)
        layout.addWidget(self.checks_label)
        self.prepared_box = box
        return box

    # -- opening photos ----------------------------------------------------------------------
    def ask_for_photos(self) -> list[Path]:
        """The Open dialog; tests replace this method to choose files for the user."""
        patterns = " ".join(f"*{suffix}" for suffix in PHOTO_SUFFIXES)
        names, _ = QFileDialog.getOpenFileNames(
            self, "Open photos", str(Path.home()),
            f"Photos ({patterns});;All files (*)")
        return [Path(name) for name in names]

    def choose_photos(self) -> None:
        paths = self.ask_for_photos()
        if paths:
            self.open_photos(paths)

    def open_photos(self, paths: Iterable[Path]) -> None:
        """Add photos to the batch; each is opened and looked at on a worker, one at a time."""
        known = {photo.path.resolve() for photo in self._photos}
        added = []
        for path in expand_paths(paths):
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            photo = BatchPhoto(path)
            self._photos.append(photo)
            self.batch_list.addItem(self._batch_item(photo))
            added.append(photo)
        if not added:
            return
        self._queue.extend(added)
        self._batch_total += len(added)
        self.show_message("")
        self._show_progress()
        if self.batch_list.currentRow() < 0:
            self.batch_list.setCurrentRow(self._photos.index(added[0]))
        self._open_next()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.open_photos(paths)

    def _open_next(self) -> None:
        if self._loading is not None:
            return
        while self._queue and self._queue[0].closed:
            self._queue.popleft()
        if not self._queue:
            self._batch_finished()
            return
        photo = self._queue.popleft()
        self._loading = photo
        photo.status = OPENING
        self._update_batch_item(photo)
        self._tasks.run(lambda: open_for_editing(photo.path),
                        lambda result: self._opened(photo, result),
                        lambda error: self._open_failed(photo, error))

    def _opened(self, photo: BatchPhoto, result: OpenResult) -> None:
        if photo.closed:
            self._loaded(photo)
            return
        self._take_pixels(photo, result)
        if photo.state.detection_on and photo.detected is None:
            self._look_for_faces(photo, then=self._loaded)
            return
        self._loaded(photo)

    def _take_pixels(self, photo: BatchPhoto, result: OpenResult) -> None:
        photo.status = OPEN
        photo.opened, photo.preview = result.photo, result.preview
        photo.base_size = result.photo.image.size
        item = self._item_of(photo)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(qimage_of(result.thumbnail))))
        self._update_batch_item(photo)
        if photo is self.selected_photo():
            self._show_selected()

    def _open_failed(self, photo: BatchPhoto, error: Exception) -> None:
        self._batch_failed += 1
        photo.status = FAILED
        photo.error = _photo_error_text(photo.path, error)
        self._update_batch_item(photo)
        self.show_message(photo.error, ok=False)
        self.status.emit(f"{photo.name} could not be opened.")
        self._loaded(photo)

    def _loaded(self, photo: BatchPhoto) -> None:
        """One photo of the batch is done: keep its pixels only if it is the one shown."""
        if photo is not self.selected_photo():
            photo.drop_pixels()
        self._loading = None
        self._batch_done += 1
        self._show_progress()
        if photo is self.selected_photo():
            self._show_selected()
        self._open_next()

    def _batch_finished(self) -> None:
        if not self._batch_total:
            return
        failed = self._batch_failed
        done = self._batch_done - failed
        self._batch_total = self._batch_done = self._batch_failed = 0
        self._show_progress()
        summary = f"{done} photo{'s' if done != 1 else ''} opened"
        if failed:
            summary += f", {failed} could not be opened"
        self.status.emit(summary + ".")

    def _show_progress(self) -> None:
        self.progress.setVisible(self._batch_total > 1)
        self.progress.setRange(0, max(1, self._batch_total))
        self.progress.setValue(self._batch_done)

    # -- face detection ----------------------------------------------------------------------
    def _look_for_faces(self, photo: BatchPhoto,
                        then: Callable[[BatchPhoto], None] | None = None) -> None:
        assert photo.opened is not None
        image, detector = photo.opened.image, self._detector
        photo.detection = LOOKING
        self._update_batch_item(photo)
        if photo is self.selected_photo():
            self._show_selected()
        self._tasks.run(lambda: list(detector(image)),
                        lambda faces: self._faces_found(photo, faces, then),
                        lambda error: self._faces_failed(photo, error, then))

    def _faces_found(self, photo: BatchPhoto, faces: list[FaceBox],
                     then: Callable[[BatchPhoto], None] | None) -> None:
        detected = tuple(region_from_face(face) for face in faces)
        photo.detected, photo.detection = detected, LOOKED
        photo.history.apply_to_all(lambda state: with_detected(state, detected))
        self._update_batch_item(photo)
        if then is not None:
            then(photo)
        elif photo is self.selected_photo():
            self._show_selected()

    def _faces_failed(self, photo: BatchPhoto, error: Exception,
                      then: Callable[[BatchPhoto], None] | None) -> None:
        photo.detection = DETECTION_FAILED
        photo.detection_error = str(error)
        self._update_batch_item(photo)
        self.show_message(f"{photo.name}: faces could not be looked for. {error}", ok=False)
        if then is not None:
            then(photo)
        elif photo is self.selected_photo():
            self._show_selected()

    def set_detection(self, on: bool) -> None:
        """Turn face detection on or off for the selected photo (an undoable change)."""
        photo = self.selected_photo()
        if photo is None or photo.status != OPEN:
            return
        state = photo.state
        if not on:
            drawn = tuple(region for region in state.regions if not region.detected)
            self._change(replace(state, detection_on=False, regions=drawn))
            return
        self._change(with_detected(replace(state, detection_on=True), photo.detected or ()))
        if photo.detected is None and photo.detection != LOOKING and photo.opened is not None:
            self._look_for_faces(photo)

    # -- the batch list ----------------------------------------------------------------------
    def _batch_item(self, photo: BatchPhoto) -> QListWidgetItem:
        item = QListWidgetItem(photo.name)
        item.setToolTip(str(photo.path))
        return item

    def _item_of(self, photo: BatchPhoto) -> QListWidgetItem | None:
        if photo.closed:
            return None
        return self.batch_list.item(self._photos.index(photo))

    def _update_batch_item(self, photo: BatchPhoto) -> None:
        item = self._item_of(photo)
        if item is None:
            return
        item.setText(f"{photo.name}\n{_batch_state(photo)}")
        item.setToolTip(photo.error or str(photo.path))

    def selected_photo(self) -> BatchPhoto | None:
        row = self.batch_list.currentRow()
        return self._photos[row] if 0 <= row < len(self._photos) else None

    @property
    def photos(self) -> list[BatchPhoto]:
        return list(self._photos)

    def _photo_chosen(self, row: int) -> None:
        photo = self.selected_photo()
        for other in self._photos:
            if other is not photo and other is not self._loading:
                other.drop_pixels()
        self.add_region_button.setChecked(False)
        self.canvas.select(-1)
        if photo is not None and photo.status == WAITING and photo in self._queue:
            self._queue.remove(photo)
            self._queue.appendleft(photo)  # the one someone is looking at comes next
        if photo is not None and photo.status == OPEN and photo.opened is None:
            self._reopen(photo)
        self._show_selected()

    def _reopen(self, photo: BatchPhoto) -> None:
        """The pixels were let go while another photo was shown: decode again."""
        photo.status = OPENING
        self._tasks.run(lambda: open_for_editing(photo.path),
                        lambda result: self._reopened(photo, result),
                        lambda error: self._reopen_failed(photo, error))

    def _reopened(self, photo: BatchPhoto, result: OpenResult) -> None:
        if photo is self.selected_photo():
            self._take_pixels(photo, result)
        else:  # someone moved on while it opened
            photo.status = OPEN

    def _reopen_failed(self, photo: BatchPhoto, error: Exception) -> None:
        photo.status = FAILED
        photo.error = _photo_error_text(photo.path, error)
        self._update_batch_item(photo)
        self.show_message(photo.error, ok=False)
        self._show_selected()

    def close_selected(self) -> None:
        photo = self.selected_photo()
        if photo is None:
            return
        row = self._photos.index(photo)
        photo.closed = True
        photo.drop_pixels()
        self._photos.pop(row)
        self.batch_list.takeItem(row)
        if photo in self._queue:
            self._queue.remove(photo)
            self._batch_total -= 1
            self._show_progress()
        self._photo_chosen(self.batch_list.currentRow())

    # -- showing the selected photo --------------------------------------------------------
    def _show_selected(self) -> None:
        photo = self.selected_photo()
        self.batch_empty.setVisible(not self._photos)
        self.close_button.setEnabled(photo is not None)
        editable = photo is not None and photo.preview is not None and photo.status == OPEN
        for widget in (self.preset_box, self.turn_left_button, self.turn_right_button,
                       self.straighten_slider, self.reset_button, self.add_region_button,
                       self.detect_box, self.style_box):
            widget.setEnabled(editable)
        if not editable or photo is None:
            self.canvas.show_empty(_empty_text(photo))
            self._show_regions(None)
            self.size_label.setText("")
            self.undo_button.setEnabled(False)
            self.redo_button.setEnabled(False)
            self._show_prepare_state(photo)
            return
        geometry = photo.geometry()
        assert geometry is not None
        state = photo.state
        self.canvas.show_photo(self._view_image(photo), geometry, state)
        self._update_batch_item(photo)
        self._show_controls(photo, state, geometry)
        self._show_regions(photo)
        self._show_prepare_state(photo)

    def _view_image(self, photo: BatchPhoto) -> QImage:
        """The preview turned as the photo will be (the canvas draws the straightening)."""
        turns = photo.state.quarter_turns % 4
        if photo.view_key != turns or photo.view_image is None:
            assert photo.preview is not None
            preview = photo.preview
            for _ in range(turns):
                preview = rotate_quarter(preview)
            photo.view_image = qimage_of(preview)
            photo.view_key = turns
        return photo.view_image

    def _show_controls(self, photo: BatchPhoto, state: EditState,
                       geometry: ViewGeometry) -> None:
        self.preset_box.setCurrentIndex(PRESETS.index(state.preset))
        self.style_box.setCurrentIndex(list(CoverStyle).index(state.style))
        self.detect_box.setChecked(state.detection_on)
        self.straighten_slider.blockSignals(True)
        self.straighten_slider.setValue(round(state.straighten * STRAIGHTEN_STEPS))
        self.straighten_slider.blockSignals(False)
        self._show_straighten_value(self.straighten_slider.value())
        crop_rect = state.crop or Rect(0, 0, *geometry.size)
        self.size_label.setText(f"Prepared size: {crop_rect.w} × {crop_rect.h} px")
        self.undo_button.setEnabled(photo.history.can_undo)
        self.redo_button.setEnabled(photo.history.can_redo)

    def _show_straighten_value(self, value: int) -> None:
        self.straighten_label.setText(f"{value / STRAIGHTEN_STEPS:+.1f}°")

    def _show_regions(self, photo: BatchPhoto | None) -> None:
        state = photo.state if photo is not None and photo.status == OPEN else None
        self.region_list.blockSignals(True)
        self.region_list.clear()
        for number, region in enumerate(state.regions if state else (), start=1):
            self.region_list.addItem(region_text(number, region))
        self.region_list.setCurrentRow(self.canvas.selected)
        self.region_list.blockSignals(False)
        self.region_list.setEnabled(bool(state and state.regions))
        self._show_region_buttons()
        text, level = _faces_status(photo)
        self.faces_label.setText(text)
        set_style_state(self.faces_label, "level", level)

    def _show_region_buttons(self) -> None:
        region = self._chosen_region()
        self.keep_button.setEnabled(region is not None and region.needs_decision)
        self.remove_region_button.setEnabled(region is not None)

    def _show_prepare_state(self, photo: BatchPhoto | None) -> None:
        blocker = self._prepare_blocker(photo)
        self.prepare_button.setEnabled(not blocker)
        again = photo is not None and photo.prepared_id is not None
        self.prepare_button.setText("&Prepare again" if again else "&Prepare photo")
        if not blocker and photo is not None and again and photo.prepared_state != photo.state:
            blocker = ("Changed since it was prepared: press “Prepare again”. The face and "
                       "consent checks will need confirming again.")
        self.prepare_hint.setText(blocker)

    def _prepare_blocker(self, photo: BatchPhoto | None) -> str:
        """Why the photo cannot be prepared yet, or "" when it can."""
        if photo is None:
            return "Open a photo to start."
        if photo.status == FAILED:
            return "This photo could not be opened: choose another."
        if photo.status != OPEN or photo.opened is None:
            return "Opening the photo…"
        if self._preparing:
            return "Preparing…"
        state = photo.state
        if state.detection_on and photo.detection in (NOT_LOOKED, LOOKING):
            return "Still looking for faces…"
        if state.undecided:
            count = state.undecided
            return (f"Keep or remove the {count} uncertain region{'s' if count > 1 else ''} "
                    "(dashed, marked “?”) first.")
        return ""

    def show_message(self, text: str, ok: bool | None = None) -> None:
        self.message_label.setText(text)
        set_style_state(self.message_label, "state",
                        "" if ok is None else ("ok" if ok else "error"))
        self.message_label.setVisible(bool(text))

    # -- editing -----------------------------------------------------------------------------
    def _editable(self) -> BatchPhoto | None:
        photo = self.selected_photo()
        if photo is None or photo.status != OPEN or photo.base_size is None:
            return None
        return photo

    def _change(self, state: EditState) -> None:
        photo = self._editable()
        if photo is not None and photo.history.push(state):
            self._show_selected()

    def _crop_edited(self, rect: Rect) -> None:
        photo = self._editable()
        if photo is not None:
            self._change(replace(photo.state, crop=rect))

    def _preset_chosen(self, index: int) -> None:
        photo = self._editable()
        if photo is None:
            return
        preset = PRESETS[index]
        geometry = photo.geometry()
        assert geometry is not None
        self._change(replace(photo.state, preset=preset, crop=crop_for(geometry, preset)))

    def choose_preset(self, preset: CropPreset) -> None:
        self.preset_box.setCurrentIndex(PRESETS.index(preset))
        self._preset_chosen(PRESETS.index(preset))

    def turn(self, clockwise: bool = True) -> None:
        photo = self._editable()
        if photo is None:
            return
        turns = (photo.state.quarter_turns + (1 if clockwise else -1)) % 4
        self._change(self._reframed(photo, replace(photo.state, quarter_turns=turns)))

    def _straighten_chosen(self, value: int) -> None:
        photo = self._editable()
        if photo is None:
            return
        degrees = value / STRAIGHTEN_STEPS
        self._change(self._reframed(photo, replace(photo.state, straighten=degrees)))

    def straighten_to(self, degrees: float) -> None:
        self.straighten_slider.setValue(round(degrees * STRAIGHTEN_STEPS))

    @staticmethod
    def _reframed(photo: BatchPhoto, state: EditState) -> EditState:
        """A new turn or angle changes the photo's shape: the crop starts again, centred."""
        assert photo.base_size is not None
        geometry = ViewGeometry(*photo.base_size, state.quarter_turns, state.straighten)
        return replace(state, crop=crop_for(geometry, state.preset))

    def reset_view(self) -> None:
        photo = self._editable()
        if photo is not None:
            self._change(replace(photo.state, quarter_turns=0, straighten=0.0,
                                 preset=CropPreset.FREE, crop=None))

    def _style_chosen(self, index: int) -> None:
        photo = self._editable()
        if photo is not None:
            self._change(replace(photo.state, style=list(CoverStyle)[index]))

    def undo(self) -> None:
        photo = self._editable()
        if photo is not None and photo.history.undo():
            self.canvas.select(-1)
            self._show_selected()

    def redo(self) -> None:
        photo = self._editable()
        if photo is not None and photo.history.redo():
            self.canvas.select(-1)
            self._show_selected()

    # -- regions -----------------------------------------------------------------------------
    def _chosen_region(self) -> Region | None:
        photo = self._editable()
        index = self.canvas.selected
        if photo is None or not 0 <= index < len(photo.state.regions):
            return None
        return photo.state.regions[index]

    def _region_chosen_on_canvas(self, index: int) -> None:
        self.region_list.blockSignals(True)
        self.region_list.setCurrentRow(index)
        self.region_list.blockSignals(False)
        self._show_region_buttons()

    def _region_chosen_in_list(self, index: int) -> None:
        self.canvas.select(index)
        self._show_region_buttons()

    def choose_region(self, index: int) -> None:
        self.region_list.setCurrentRow(index)

    def _region_added(self, rect: Rect) -> None:
        photo = self._editable()
        if photo is None:
            return
        regions = (*photo.state.regions, Region(rect))
        self._change(replace(photo.state, regions=regions))
        self.canvas.select(len(regions) - 1)
        self._region_chosen_on_canvas(len(regions) - 1)

    def add_region(self, rect: Rect) -> None:
        """As if dragged in "add region" mode; the rectangle is in pixels of the photo."""
        self._region_added(rect)

    def _region_edited(self, index: int, rect: Rect) -> None:
        photo = self._editable()
        if photo is None or not 0 <= index < len(photo.state.regions):
            return
        regions = list(photo.state.regions)
        regions[index] = replace(regions[index], rect=rect)
        self._change(replace(photo.state, regions=tuple(regions)))
        self.canvas.select(index)
        self._region_chosen_on_canvas(index)

    def keep_region(self) -> None:
        photo, index = self._editable(), self.canvas.selected
        if photo is None or not 0 <= index < len(photo.state.regions):
            return
        regions = list(photo.state.regions)
        regions[index] = replace(regions[index], accepted=True)
        self._change(replace(photo.state, regions=tuple(regions)))
        self.canvas.select(index)
        self._region_chosen_on_canvas(index)

    def _remove_chosen_region(self) -> None:
        self.remove_region(self.canvas.selected)

    def remove_region(self, index: int) -> None:
        photo = self._editable()
        if photo is None or not 0 <= index < len(photo.state.regions):
            return
        regions = photo.state.regions[:index] + photo.state.regions[index + 1:]
        self.canvas.select(-1)
        self._change(replace(photo.state, regions=regions))

    # -- preparing ---------------------------------------------------------------------------
    def prepare(self) -> None:
        """Export the selected photo on a worker and keep it in "Ready to attach"."""
        photo = self.selected_photo()
        blocker = self._prepare_blocker(photo)
        if blocker or photo is None or photo.opened is None:
            self.show_message(blocker, ok=False)
            return
        self._preparing = True
        self._show_prepare_state(photo)
        self.show_message("Preparing the photo…")
        state = photo.state
        work = self._prepare_work(photo, photo.opened, state)
        self._tasks.run(work, lambda stored: self._prepared(photo, state, stored),
                        self._prepare_failed)

    def _prepare_work(self, photo: BatchPhoto, opened: OpenedPhoto,
                      state: EditState) -> Callable[[], StoredPhoto]:
        library, actor, label = self._library, self.actor, photo.name
        replace_id = self._replaceable(photo.prepared_id)
        covered = len(state.regions)

        def work() -> StoredPhoto:
            exported = export_photo(render_photo(opened.image, state), opened.metadata,
                                    keep_png=opened.looks_like_screenshot)
            if replace_id is not None:
                return library.replace(replace_id, exported, label=label, prepared_by=actor,
                                       faces_covered=covered)
            return library.add(exported, label=label, prepared_by=actor,
                               faces_covered=covered)
        return work

    def _replaceable(self, photo_id: int | None) -> int | None:
        """A photo prepared before and not yet posted is replaced, not listed twice."""
        if photo_id is None:
            return None
        ready = {photo.photo_id for photo in self._library.list_ready()}
        return photo_id if photo_id in ready else None

    def _prepared(self, photo: BatchPhoto, state: EditState, stored: StoredPhoto) -> None:
        self._preparing = False
        photo.prepared_id, photo.prepared_state = stored.photo_id, state
        self._show_ready(select=stored.photo_id, new_pixels=True)
        self._show_prepare_state(self.selected_photo())
        self.show_message(f"{photo.name} is prepared. Describe it, then confirm the two "
                          "checks so it can be attached.", ok=True)
        self.status.emit(f"{photo.name} prepared.")
        self.ready_changed.emit()

    def _prepare_failed(self, error: Exception) -> None:
        self._preparing = False
        self._show_prepare_state(self.selected_photo())
        self.show_message(f"The photo could not be prepared: {error}", ok=False)

    # -- the ready list and the checks -------------------------------------------------------
    def _show_ready(self, select: int | None = None, new_pixels: bool = False) -> None:
        """List the prepared photos again, keeping the chosen one (or choosing ``select``)."""
        previous = self._ready_id
        keep = select if select is not None else previous
        photos = self._library.list_ready()
        rows = [stored.photo_id for stored in photos]
        row = rows.index(keep) if keep in rows else (0 if rows else -1)
        self.ready_list.blockSignals(True)
        self.ready_list.clear()
        for stored in photos:
            self.ready_list.addItem(_ready_item(stored))
        self.ready_list.setCurrentRow(row)
        self.ready_list.blockSignals(False)
        self.ready_empty.setVisible(not photos)
        self._forget_gone(set(rows))
        self._ready_id = rows[row] if row >= 0 else None
        self._show_checks(reload_preview=new_pixels or self._ready_id != previous)

    def _forget_gone(self, ready: set[int]) -> None:
        """A prepared copy removed or posted: preparing the photo again makes a new one."""
        for photo in self._photos:
            if photo.prepared_id is not None and photo.prepared_id not in ready:
                photo.prepared_id, photo.prepared_state = None, None
                self._update_batch_item(photo)

    def _ready_chosen(self, row: int) -> None:
        item = self.ready_list.item(row) if row >= 0 else None
        self._ready_id = int(item.data(id_role())) if item is not None else None
        self._show_checks(reload_preview=True)

    def selected_ready(self) -> StoredPhoto | None:
        if self._ready_id is None:
            return None
        try:
            return self._library.get(self._ready_id)
        except PhotoLibraryError:
            return None

    def _show_checks(self, reload_preview: bool = False) -> None:
        stored = self.selected_ready()
        self.prepared_box.setEnabled(stored is not None)
        self.remove_ready_button.setEnabled(stored is not None)
        if stored is None:
            self.result_image.clear()
            self.result_image.setText("Prepare a photo to see it here.")
            self.result_label.setText("")
            self._set_alt_text("")
            self._show_confirmation(self.faces_confirm, "I have checked every &face in this "
                                    "photo", None, "", None)
            self._show_confirmation(self.consent_confirm, "Every child shown has photo "
                                    "&consent", None, "", None)
            self.checks_label.setText("")
            return
        self.result_label.setText(_result_text(stored))
        self._set_alt_text(stored.alt_text)
        self._show_confirmation(self.faces_confirm, "I have checked every &face in this photo",
                                stored, stored.faces_checked_by, stored.faces_checked_at)
        self._show_confirmation(self.consent_confirm, "Every child shown has photo &consent",
                                stored, stored.consent_confirmed_by,
                                stored.consent_confirmed_at)
        self._show_missing(stored)
        if reload_preview:
            self._load_result_preview(stored.photo_id)

    def _show_missing(self, stored: StoredPhoto) -> None:
        missing = missing_checks(stored)
        if missing:
            text = "Not ready to attach yet: still needs " + ", ".join(missing) + "."
        else:
            text = "✔ Ready to attach: the composer can add it to a tweet."
        self.checks_label.setText(text)
        set_style_state(self.checks_label, "state", "warn" if missing else "ok")

    @staticmethod
    def _show_confirmation(box: QCheckBox, text: str, stored: StoredPhoto | None, by: str,
                           at: datetime | None) -> None:
        done = stored is not None and at is not None
        box.blockSignals(True)
        box.setChecked(done)
        box.blockSignals(False)
        box.setEnabled(stored is not None and not done)
        if done and at is not None:
            when = at.astimezone().strftime("%d %b %Y, %H:%M")
            box.setText(f"{text}  (confirmed by {by}, {when})")
        else:
            box.setText(text)

    def _load_result_preview(self, photo_id: int) -> None:
        library = self._library
        self.result_image.setText("Loading…")
        self._tasks.run(lambda: result_preview(library, photo_id),
                        lambda image: self._show_result_preview(photo_id, image),
                        lambda _error: self.result_image.setText("(preview unavailable)"))

    def _show_result_preview(self, photo_id: int, image: Image.Image) -> None:
        if photo_id != self._ready_id:
            return
        self.result_image.setPixmap(QPixmap.fromImage(qimage_of(image)))

    def _set_alt_text(self, text: str) -> None:
        self.alt_text.blockSignals(True)
        self.alt_text.setPlainText(text)
        self.alt_text.blockSignals(False)
        self._alt_text_changed()

    def _alt_text_changed(self) -> None:
        text = self.alt_text.toPlainText().strip()
        stored = self.selected_ready()
        over = len(text) > MAX_ALT_TEXT
        self.alt_count.setText(f"{len(text)} / {MAX_ALT_TEXT}" + (" · too long" if over else ""))
        set_style_state(self.alt_count, "over", over)
        unsaved = stored is not None and text != stored.alt_text
        self.save_alt_button.setEnabled(unsaved and bool(text) and not over)

    def save_alt_text(self) -> None:
        stored = self.selected_ready()
        if stored is None:
            return
        try:
            self._library.set_alt_text(stored.photo_id, self.alt_text.toPlainText(), self.actor)
        except PhotoLibraryError as exc:
            self.show_message(str(exc), ok=False)
            return
        self.show_message("Description saved.", ok=True)
        self._refresh_ready()

    def _faces_confirm_clicked(self, checked: bool) -> None:
        if checked:
            self._confirm(self._library.confirm_faces, "every face checked")

    def _consent_confirm_clicked(self, checked: bool) -> None:
        if checked:
            self._confirm(self._library.confirm_consent, "photo consent confirmed")

    def confirm_faces(self) -> None:
        """As if "I have checked every face" were ticked."""
        self.faces_confirm.click()

    def confirm_consent(self) -> None:
        self.consent_confirm.click()

    def _confirm(self, record: Callable[[int, str], StoredPhoto], what: str) -> None:
        stored = self.selected_ready()
        if stored is None:
            return
        try:
            record(stored.photo_id, self.actor)
        except PhotoLibraryError as exc:
            self.show_message(str(exc), ok=False)
            self._show_checks()
            return
        self.show_message(f"Recorded: {what}, by {self.actor}.", ok=True)
        self._refresh_ready()

    def _refresh_ready(self) -> None:
        self._show_ready()
        self._show_checks()
        self.ready_changed.emit()

    def confirm_remove(self, label: str) -> bool:
        """Asks before removing; tests replace this method to answer for the user."""
        answer = QMessageBox.question(
            self, "Remove prepared photo?",
            f"Remove the prepared copy of {label} from the list? The original photo on the "
            "computer is not touched.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def remove_ready(self) -> None:
        stored = self.selected_ready()
        if stored is None or not self.confirm_remove(stored.label):
            return
        try:
            self._library.remove(stored.photo_id, self.actor)
        except PhotoLibraryError as exc:
            self.show_message(str(exc), ok=False)
        self._ready_id = None
        self._show_ready()
        self._show_prepare_state(self.selected_photo())
        self.ready_changed.emit()

    def refresh(self) -> None:
        """After the composer used a photo: it leaves the ready list."""
        self._show_ready()


# ---------------------------------------------------------------------------------------
# Words for the user


def _local_files(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


def _photo_error_text(path: Path, error: Exception) -> str:
    if isinstance(error, PhotoError):
        return str(error)
    return f"{path.name} could not be opened ({error}). Choose another photo."


def _batch_state(photo: BatchPhoto) -> str:
    if photo.status == FAILED:
        return "⛔ Could not be opened"
    if photo.status in (WAITING, OPENING) and photo.base_size is None:
        return "Waiting…" if photo.status == WAITING else "Opening…"
    if photo.detection == LOOKING:
        return "Looking for faces…"
    state = photo.state
    if photo.prepared_id is not None:
        return "✔ Prepared" if photo.prepared_state == state else "Changed since prepared"
    if state.undecided:
        return f"⚠ {state.undecided} uncertain: keep or remove"
    if state.detection_on and photo.detection == LOOKED and not photo.detected:
        return "⚠ No faces found: look yourself"
    count = len(state.regions)
    return f"{count} region{'s' if count != 1 else ''} covered"


def _empty_text(photo: BatchPhoto | None) -> str:
    if photo is None:
        return ("Open photos to start: press “Open photos…” or drag them here from a folder. "
                "Each photo is checked for faces before you prepare it.")
    if photo.status == FAILED:
        return photo.error
    return f"Opening {photo.name}…"


def _faces_status(photo: BatchPhoto | None) -> tuple[str, str]:
    """What the face check found, in plain words, and how urgent it is."""
    if photo is None or photo.status != OPEN:
        return ("", "")
    state = photo.state
    if not state.detection_on:
        return ("Face detection is off for this photo. Look at it yourself and cover any face "
                "with “Add region”.", "warn")
    if photo.detection in (NOT_LOOKED, LOOKING):
        return ("Looking for faces…", "")
    if photo.detection == DETECTION_FAILED:
        return (f"Faces could not be looked for: {photo.detection_error} Cover every face by "
                "hand with “Add region”.", "block")
    found = len(photo.detected or ())
    if not found:
        return ("No faces were found in this photo. Please look at the whole photo yourself: "
                "if you see a face, press “Add region” and drag over it.", "warn")
    text = f"{found} face{'s' if found != 1 else ''} found and covered."
    if state.undecided:
        text += (f" {state.undecided} uncertain (dashed outline marked “?”): choose it, then "
                 "“Keep” or “Remove region”.")
        return (text, "warn")
    return (text + " Check that every face in the photo is covered.", "")


def _ready_item(stored: StoredPhoto) -> QListWidgetItem:
    missing = missing_checks(stored)
    state = "✔ Ready to attach" if not missing else "Still needs " + ", ".join(missing)
    item = QListWidgetItem(f"{stored.label}\n{state}")
    item.setData(id_role(), stored.photo_id)
    item.setToolTip(stored.alt_text or "No description yet")
    pixmap = QPixmap()
    if pixmap.loadFromData(stored.thumbnail):
        item.setIcon(QIcon(pixmap))
    return item


def _result_text(stored: StoredPhoto) -> str:
    kind = "PNG" if stored.mime_type == "image/png" else "JPEG"
    lines = [f"{stored.width} × {stored.height} px {kind}, {_size_text(stored.size_bytes)}; "
             f"{stored.faces_covered} region{'s' if stored.faces_covered != 1 else ''} covered. "
             f"Prepared by {stored.prepared_by}."]
    if stored.removed:
        lines.append("Removed from the file:")
        lines.extend(f"• {line}" for line in stored.removed)
    else:
        lines.append("The file carried no hidden information (camera, date, place) to remove.")
    return "\n".join(lines)
