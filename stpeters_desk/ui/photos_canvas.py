"""The photo editor's canvas: the widget that shows an edit and lets a person change it.

What an edit is (``EditState``, ``EditHistory``, ``Region``, ``ViewGeometry``) is plain
data below the UI, in ``core.photo_edit``; how it becomes a prepared photo is
``core.photo_pipeline``, shared with ``photos prepare``. Both are named here too.

``PhotoCanvas`` draws the photo, its crop frame and the regions, and turns mouse drags and
key presses into signals; the Photos tab (``photos_tab``) owns the photos and the history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from stpeters_desk.core.images import CoverStyle, Rect
from stpeters_desk.core.photo_edit import (
    TEXT_MAYBE,
    TEXT_NAME,
    TEXT_OTHER,
    Box,
    EditHistory,
    EditState,
    Region,
    TextMark,
    ViewGeometry,
    crop_for,
    region_from_face,
    with_detected,
)
from stpeters_desk.core.photo_pipeline import render_photo
from stpeters_desk.ui.styling import theme_colour

__all__ = [  # the edit's model lives in core.photo_edit; named here for older imports
    "TEXT_MAYBE", "TEXT_NAME", "TEXT_OTHER", "EditHistory", "EditState", "PhotoCanvas", "Region",
    "TextMark", "ViewGeometry", "crop_for", "moved_box", "rect_of", "region_from_face",
    "render_photo", "resized_box", "with_detected",
]

MIN_CROP = 16  # pixels of the photo
MIN_REGION = 6
HANDLE = 7  # screen pixels around a corner or edge that grab it


# ---------------------------------------------------------------------------------------
# Dragging a box: the crop frame or a region, in pixels of the view


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
        self.setAccessibleName(self.tr("Photo editor"))
        self.setAccessibleDescription(self.tr(
            "The selected photo with its crop frame and the regions that will be covered. "
            "Arrow keys move the crop frame, or the chosen region (Ctrl with an arrow resizes "
            "the region); Shift moves ten times as far. In add-region mode Enter adds a "
            "region in the middle. Delete removes the chosen region, Esc lets go of it."))
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
        self._text_marks: tuple[TextMark, ...] = ()

    # -- what it shows -------------------------------------------------------------------
    def show_photo(self, image: QImage, geometry: ViewGeometry, state: EditState) -> None:
        if image is not self._image:
            self._scaled = None
        self._image, self._geometry, self._state = image, geometry, state
        if self.selected >= len(state.regions):
            self.selected = -1
        self._drag, self._live = None, None
        self.update()

    def show_text_marks(self, marks: Sequence[TextMark]) -> None:
        """Outline text read in the photo: names to cover stand out, other text is faint."""
        self._text_marks = tuple(marks)
        self.update()

    @property
    def text_marks(self) -> tuple[TextMark, ...]:
        return self._text_marks

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
        painter.fillRect(self.rect(), _canvas_colour("canvas_backdrop"))
        if self._image is None or self._geometry is None or self._state is None:
            self._paint_empty(painter)
            painter.end()
            return
        target = self.target()
        self._paint_photo(painter, target, self._image, self._geometry)
        painter.save()
        painter.setClipRect(target.adjusted(-1, -1, 1, 1))
        self._paint_regions(painter, self._state)
        self._paint_text_marks(painter)
        painter.restore()
        self._paint_crop(painter, target)
        if self.hasFocus():
            painter.setPen(QPen(_canvas_colour("canvas_image_edge"), 1, Qt.PenStyle.DotLine))
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
        painter.setPen(_canvas_colour("canvas_text"))
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
        painter.setPen(QPen(_canvas_colour("canvas_outline"), 3))
        painter.drawRect(frame)
        painter.setPen(QPen(_canvas_colour("canvas_handle"), 1.5))
        painter.drawRect(frame)
        self._paint_handles(painter, frame, _canvas_colour("canvas_handle"))
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
            painter.setPen(QPen(_canvas_colour("canvas_region"), 2, Qt.PenStyle.DashDotLine))
            painter.drawRect(self.widget_rect(self._live))

    def _paint_region(self, painter: QPainter, polygon: QPolygonF, index: int,
                      region: Region, style: CoverStyle) -> None:
        chosen = index == self.selected
        if region.needs_decision:  # left uncovered on screen so staff can see what it is
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(_canvas_colour("canvas_uncertain"), 3 if chosen else 2,
                                Qt.PenStyle.DashLine))
        else:
            alpha = 70 if chosen else 200
            brush = QBrush(QColor(40, 40, 48, alpha))
            if style is CoverStyle.MOSAIC:
                brush = QBrush(QColor(90, 90, 100, alpha), Qt.BrushStyle.Dense3Pattern)
            painter.setBrush(brush)
            painter.setPen(QPen(_canvas_colour("canvas_region"), 3 if chosen else 2))
        painter.drawPolygon(polygon)
        corner = polygon.boundingRect().topLeft()
        marker = f"{index + 1} ?" if region.needs_decision else str(index + 1)
        self._paint_tag(painter, corner + QPointF(2, -2), marker)
        if chosen:
            self._paint_handles(painter, polygon.boundingRect(), _canvas_colour("canvas_region"))

    def _paint_text_marks(self, painter: QPainter) -> None:
        """Names to cover in a thick dashed outline tagged "Name"; other text in a faint one."""
        assert self._geometry is not None
        for mark in self._text_marks:
            polygon = QPolygonF([self.to_widget(x, y) for x, y in self._geometry.quad(mark.rect)])
            painter.setBrush(Qt.BrushStyle.NoBrush)  # a tag leaves its own brush set
            if mark.kind == TEXT_OTHER:
                painter.setPen(QPen(_canvas_colour("canvas_handle"), 1, Qt.PenStyle.DotLine))
                painter.drawPolygon(polygon)
                continue
            width = 3 if mark.kind == TEXT_NAME else 2
            painter.setPen(QPen(_canvas_colour("canvas_uncertain"), width,
                                Qt.PenStyle.DashDotLine))
            painter.drawPolygon(polygon)
            tag = self.tr("Name") if mark.kind == TEXT_NAME else self.tr("Name?")
            self._paint_tag(painter, polygon.boundingRect().bottomLeft() + QPointF(2, 16), tag)

    @staticmethod
    def _paint_handles(painter: QPainter, frame: QRectF, colour: QColor) -> None:
        painter.setPen(QPen(_canvas_colour("canvas_outline"), 1))
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
        painter.setPen(_canvas_colour("canvas_handle"))
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


def _canvas_colour(token: str) -> QColor:
    """A colour of the photo canvas from the theme files (the same in light and dark: they
    are drawn over photos); plain white if no theme could be read, never invisible."""
    return QColor(theme_colour(token) or "white")
