"""The Photos tab: the only way a photo reaches the school's account.

Staff open one photo or a batch (from the Open dialog or by dropping files), the app looks
for faces in each on a worker, and the selected photo appears in an editor: crop it to a
shape that suits X, turn or straighten it, and check every covered region. A region the
detector is unsure of is drawn dashed with a "?" and must be kept or removed before the
photo can be prepared, and a photo in which nothing was found says so, because a missed
child's face is the worst mistake this app can make. Every crop and region change can be
undone.

In the same background step the text written in the photo is read (a name badge, an
exercise book, a whiteboard) and run through the name guard: a pupil's name is outlined
and blocks preparing until it is covered ("Cover names" does it in one click) or cropped
out, and the other text is listed for whoever prepares the photo to read. A photo whose
text was not read (stopped, or the reader failed) cannot be prepared either.

A batch is one task of the task runner (``work_through``): it takes the photos from a
queue shared with the tab (``photo_edit.BatchQueue``) and hands each over as it is opened
and looked at; the bar counts them and Cancel sets the task's token. A photo whose face
search was cancelled or failed is never treated as checked: it says so in the list and
cannot be prepared until its faces are looked for ("Look for faces now") or someone turns
the search off for it and covers every face by hand.

"Prepare" covers the regions for good, crops, removes everything the camera recorded and
re-encodes within X's limits, on a worker, then shows what was removed. The prepared photo
waits in "Ready to attach" until it has a description and both confirmations ("I have
checked every face", "every child shown has photo consent"), each recorded with the name
of whoever gave it; only then can the composer attach it.

The tab only shows and collects: the edit's model and the rules about a photo of the batch
(may it be prepared? were its faces looked for?) are in ``core.photo_edit``, the one
pipeline shared with ``photos prepare`` is ``core.photo_pipeline``, and preparing,
describing, confirming and removing go through ``ops.photos``. The canvas is in
``photos_canvas``. Only the selected photo keeps its pixels in memory; the rest of a batch
keeps a thumbnail and what was found in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.dates import shown_moment
from stpeters_desk.core.images import (
    MAX_STRAIGHTEN_DEGREES,
    PHOTO_SUFFIXES,
    CoverStyle,
    CropPreset,
    OpenedPhoto,
    PhotoError,
    Rect,
    fit_within,
    open_photo,
    rotate_quarter,
)
from stpeters_desk.core.photo_edit import (
    CANCELLED,
    DETECTION_FAILED,
    FAILED,
    LOOKED,
    LOOKING,
    NOT_LOOKED,
    OPEN,
    OPENING,
    WAITING,
    BatchJob,
    BatchPhoto,
    BatchQueue,
    Blocker,
    blocker,
    face_check,
    names_showing,
    text_checked,
    text_marks,
)
from stpeters_desk.core.photo_library import (
    MAX_ALT_TEXT,
    PhotoLibrary,
    PhotoLibraryError,
    StoredPhoto,
    missing_checks,
)
from stpeters_desk.core.photo_pipeline import expand_photo_inputs
from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.photos import PhotoOperations
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.messages import marked_message, name_findings_text, worst_name_level
from stpeters_desk.ui.panels import FlowLayout, StatusLine, WrappingCheck, up_and_down
from stpeters_desk.ui.photos_canvas import (
    EditHistory,
    EditState,
    PhotoCanvas,
    Region,
    ViewGeometry,
    crop_for,
    region_from_face,
    resized_box,
    with_detected,
)
from stpeters_desk.ui.status_marks import BLOCK, OK, WARN, status_icon
from stpeters_desk.ui.styling import may_narrow, scrolls_when_short, set_style_state
from stpeters_desk.ui.tasks import TaskRunner, TaskToken

if TYPE_CHECKING:
    from stpeters_desk.core.faces import FaceBox
    from stpeters_desk.core.names import NameFinding, NameGuard
    from stpeters_desk.core.photo_text import PhotoText, TextItem, WrittenName
    from stpeters_desk.ops.session import Session

__all__ = [
    "CANCELLED", "DETECTION_FAILED", "LOOKED", "LOOKING", "NOT_LOOKED", "BatchPhoto",
    "EditHistory", "EditState", "PhotoCanvas", "PhotosTab", "Region", "ViewGeometry",
    "names_showing", "resized_box",
]

Detector = Callable[[Image.Image], "Sequence[FaceBox]"]
TextReader = Callable[[Image.Image], "Sequence[TextItem]"]

PREVIEW_SIDE = 1600  # the editor draws from a copy this size, never the full photo
THUMBNAIL_SIDE = 96
RESULT_PREVIEW_SIDE = 360
RESULT_SHOWN = (280, 200)  # px: the prepared photo fits the steps panel's width
STRAIGHTEN_STEPS = 10  # the slider counts tenths of a degree
CHECK_STEP, DESCRIBE_STEP = 0, 1  # the pages of the steps panel
STEPS_WIDTH = 360  # px: the steps panel at the default 1180 px window
MIN_STEPS_WIDTH = 280

# Marked for lupdate only: no translator is installed at import, so the tab translates
# them where it shows them, with QCoreApplication.translate("PhotosTab", label).
PRESETS = (CropPreset.WIDE, CropPreset.SQUARE, CropPreset.PORTRAIT, CropPreset.TALL,
           CropPreset.FREE)
PRESET_LABELS = {
    CropPreset.WIDE: QT_TRANSLATE_NOOP("PhotosTab", "16:9 wide (best in X's timeline)"),
    CropPreset.SQUARE: QT_TRANSLATE_NOOP("PhotosTab", "1:1 square"),
    CropPreset.PORTRAIT: QT_TRANSLATE_NOOP("PhotosTab", "4:5 portrait"),
    CropPreset.TALL: QT_TRANSLATE_NOOP("PhotosTab", "3:4 tall"),
    CropPreset.FREE: QT_TRANSLATE_NOOP("PhotosTab", "Free (any shape)"),
}
STYLE_LABELS = {CoverStyle.SOLID: QT_TRANSLATE_NOOP("PhotosTab", "Solid block (recommended)"),
                CoverStyle.MOSAIC: QT_TRANSLATE_NOOP("PhotosTab", "Coarse mosaic with noise")}

def region_text(number: int, region: Region) -> str:
    """One line of the region list: whole sentences, so each can be translated as one."""
    translate = QCoreApplication.translate
    if region.detected:
        if region.needs_decision:
            text = translate("PhotosTab",
                             "{number}. Face? Not sure: cover it or leave it uncovered")
        elif region.low_confidence:
            text = translate("PhotosTab", "{number}. Face (not sure, covered)")
        else:
            text = translate("PhotosTab", "{number}. Face")
    elif region.text:
        text = translate("PhotosTab", "{number}. Text written in the photo")
    elif region.needs_decision:
        text = translate("PhotosTab", "{number}. Region you added? Not sure: cover it or "
                                      "leave it uncovered")
    elif region.low_confidence:
        text = translate("PhotosTab", "{number}. Region you added (not sure, covered)")
    else:
        text = translate("PhotosTab", "{number}. Region you added")
    return text.format(number=number)


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


def read_text(image: Image.Image) -> list[TextItem]:
    """The app's text reader; imported here so opening the tab does not load OpenCV."""
    from stpeters_desk.core.photo_text import find_text

    return find_text(image)


@dataclass(frozen=True)
class LookResult:
    """What one background step found; None for what it was not asked to look for."""

    faces: list[FaceBox] | None
    text: PhotoText | None  # what was read, checked with the name guard
    faces_error: Exception | None = None
    text_error: str = ""
    without_roster: bool = False  # read, but there is no pupil list to check it against


def look_at(image: Image.Image, detector: Detector | None, reader: TextReader | None,
            guard: Callable[[], NameGuard] | None = None) -> LookResult:
    """Faces and text in one step on a worker. Each failure is kept apart, so what the
    other found is still used; either one leaves its check undone, never passed. The
    guard is loaded here too: it may wait for the keyring."""
    faces, faces_error = None, None
    if detector is not None:
        try:
            faces = list(detector(image))
        except Exception as exc:  # shown to staff, who then cover faces by hand
            faces_error = exc
    if reader is None:
        return LookResult(faces, None, faces_error)
    try:
        text, without_roster = _read_and_check(image, reader, guard)
    except Exception as exc:  # the reader failed, or the roster's key is gone: unchecked
        return LookResult(faces, None, faces_error, str(exc) or type(exc).__name__)
    return LookResult(faces, text, faces_error, without_roster=without_roster)


def _read_and_check(image: Image.Image, reader: TextReader,
                    guard: Callable[[], NameGuard] | None) -> tuple[PhotoText, bool]:
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.photo_text import check_photo_text

    items = list(reader(image))
    names = guard() if guard is not None else NameGuard.empty()
    return check_photo_text(items, names), names.is_empty


# What the batch's worker hands over for each photo, in this order: it is opening; it
# could not be opened, or it is opened; then it was looked at, or not (Cancel was pressed).
OPENING_STEP, OPEN_FAILED, OPENED, LOOKED_AT, NOT_LOOKED_AT = (
    "opening", "open failed", "opened", "looked at", "not looked at")


@dataclass(frozen=True)
class BatchStep:
    """One step of one photo of the batch, handed from the worker to the tab."""

    kind: str
    job: BatchJob
    opened: OpenResult | None = None
    looked: LookResult | None = None
    error: Exception | None = None


def work_through(queue: BatchQueue, token: TaskToken, detector: Detector,
                 reader: TextReader, guard: Callable[[], NameGuard] | None) -> None:
    """On a worker: open and look at each photo of the queue in turn, handing each step
    over to the window. Cancel (the token) stops it between photos, or after opening the
    photo in hand without looking at it; a photo being looked at is finished, since faces
    found are worth having. Nothing is written anywhere: stopping leaves nothing half-done."""
    while (job := queue.take(lambda: token.cancelled)) is not None:
        token.hand_over(BatchStep(OPENING_STEP, job))
        try:
            opened = open_for_editing(job.photo.path)
        except Exception as exc:  # shown to staff; the rest of the batch goes on
            token.hand_over(BatchStep(OPEN_FAILED, job, error=exc))
            continue
        token.hand_over(BatchStep(OPENED, job, opened))
        if not job.wanted:
            continue
        if token.cancelled:
            token.hand_over(BatchStep(NOT_LOOKED_AT, job))
            break
        looked = look_at(opened.photo.image, detector if job.faces else None,
                         reader if job.text else None, guard)
        token.hand_over(BatchStep(LOOKED_AT, job, looked=looked))
    token.check()


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


def _size_text(size: int) -> str:
    if size >= 100_000:
        megabytes = f"{size / 1_000_000:.1f}"
        return QCoreApplication.translate("PhotosTab", "{size} MB").format(size=megabytes)
    return QCoreApplication.translate("PhotosTab", "{size} KB").format(size=max(1, size // 1000))


# ---------------------------------------------------------------------------------------
# The tab



class PhotosTab(QWidget):
    """Signals ``status`` with short messages for the status bar, ``ready_changed`` when the
    list of prepared photos changes (the composer's picker reads it afresh)."""

    status = Signal(str)
    ready_changed = Signal()

    def __init__(self, services: DeskServices, tasks: TaskRunner, library: PhotoLibrary,
                 parent: QWidget | None = None, detector: Detector | None = None,
                 text_reader: TextReader | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotosTab")
        self._services = services
        self._tasks = tasks
        self._library = library
        self._operations = PhotoOperations.of(services, library)
        self._detector: Detector = detector or find_faces
        self._text_reader: TextReader = text_reader or read_text
        self._photos: list[BatchPhoto] = []
        self._thumbnails: dict[int, QPixmap] = {}  # by id() of the photo, kept while it is open
        self._queue = BatchQueue()  # shared with the batch's worker
        self._batch: TaskToken | None = None  # the running batch: Cancel sets it
        self._loading: BatchPhoto | None = None
        self._batch_total = 0
        self._batch_done = 0
        self._batch_failed = 0
        self._batch_stopped = 0  # photos whose face search the batch's Cancel stopped
        self._stop_after: BatchPhoto | None = None  # the photo in hand when Cancel was pressed
        self._preparing = False
        self._ready_id: int | None = None
        self.setAcceptDrops(True)
        self._build()
        self._show_selected()
        self._show_ready()

    # -- layout ------------------------------------------------------------------------------
    # Three columns that fit a 1180x760 window (issue 17): the photos (to prepare, and
    # prepared), the photo being edited, and the steps for the one chosen. The steps column
    # scrolls only up and down, everything in it wraps, and its main button is pinned below
    # it, with the tab's message just above that button, so the next step is always on
    # screen and no button moves when a message comes or goes.
    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(scrolls_when_short(self._photos_pane()))
        splitter.addWidget(scrolls_when_short(self._editor_pane()))
        splitter.addWidget(self._steps_panel())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([210, 600, STEPS_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

    def _photos_pane(self) -> QWidget:
        """The photos opened, and below them the photos prepared and waiting to be attached."""
        pane = QWidget()
        layout = QVBoxLayout(pane)
        self._batch_pane(layout)
        self._ready_pane(layout)
        pane.setMinimumHeight(0)
        return pane

    def _batch_pane(self, layout: QVBoxLayout) -> None:
        title = QLabel(self.tr("Photos to prepare"))
        title.setObjectName("SectionTitle")
        self.open_button = QPushButton(self.tr("&Open photos…"))
        self.open_button.setToolTip(self.tr("Choose one or more photos (JPEG, PNG or HEIC from "
                                            "an iPad). You can also drag photos onto this tab. "
                                            "(Ctrl+O)"))
        self.open_button.clicked.connect(self.choose_photos)
        open_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self,
                             self.choose_photos)
        # Set apart: PySide6 ignores a context= argument given with a slot.
        open_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.batch_list = QListWidget()
        self.batch_list.setObjectName("PhotoBatch")
        self.batch_list.setAccessibleName(self.tr("Opened photos"))
        self.batch_list.setToolTip(self.tr("The photos you opened, each with what the face "
                                           "check found. Choose one to edit it."))
        self.batch_list.setIconSize(QPixmap(64, 64).size())
        self.batch_list.setWordWrap(True)
        self.batch_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.batch_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long file name
        self.batch_list.setMinimumWidth(180)
        self.batch_list.currentRowChanged.connect(self._photo_chosen)
        self.batch_empty = QLabel(self.tr("No photos open yet. Press “Open photos…” or drag "
                                          "photos from a folder onto this tab."))
        self.batch_empty.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("FaceProgress")
        self.progress.setAccessibleName(self.tr("Progress opening photos and looking for faces"))
        self.progress.hide()
        self.cancel_batch_button = QPushButton(self.tr("Cancel"))
        self.cancel_batch_button.setObjectName("CancelFaceSearch")
        self.cancel_batch_button.setAccessibleName(self.tr("Stop finding faces"))
        self.cancel_batch_button.setToolTip(self.tr(
            "Stop finding faces in the photos not looked at yet. They stay in the list, marked "
            "as not checked: look for their faces later or cover every face by hand."))
        self.cancel_batch_button.clicked.connect(self.cancel_batch)
        self.cancel_batch_button.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_batch_button)
        self.close_button = QPushButton(self.tr("Close photo"))
        self.close_button.setToolTip(self.tr("Take the selected photo out of this list (the file "
                                             "on the computer is not touched)"))
        self.close_button.clicked.connect(self.close_selected)
        layout.addWidget(title)
        layout.addWidget(self.open_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.batch_empty)
        layout.addWidget(self.batch_list, 1)
        layout.addWidget(self.close_button)

    def _editor_pane(self) -> QWidget:
        self.canvas = PhotoCanvas()
        self.canvas.crop_edited.connect(self._crop_edited)
        self.canvas.region_edited.connect(self._region_edited)
        self.canvas.region_added.connect(self._region_added)
        self.canvas.region_removed.connect(self.remove_region)
        self.canvas.region_selected.connect(self._region_chosen_on_canvas)
        self.canvas.add_mode_left.connect(lambda: self.add_region_button.setChecked(False))
        self.size_label = QLabel()
        self.size_label.setObjectName("OutputSize")
        self.size_label.setAccessibleName(self.tr("Size of the prepared photo"))
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.addLayout(self._crop_row())
        layout.addLayout(self._turn_row())
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.size_label)
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
        may_narrow(self.preset_box)
        self.preset_box.setAccessibleName(self.tr("Crop shape"))
        self.preset_box.setToolTip(self.tr("The shape of the crop frame. 16:9 shows whole in "
                                           "X's timeline; other shapes may be cut short there."))
        for preset in PRESETS:
            label = QCoreApplication.translate("PhotosTab", str(PRESET_LABELS[preset]))
            self.preset_box.addItem(label, preset.value)
        self.preset_box.setCurrentIndex(PRESETS.index(CropPreset.FREE))
        self.preset_box.activated.connect(self._preset_chosen)
        shape = QLabel(self.tr("&Shape:"))
        shape.setBuddy(self.preset_box)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last crop or region change (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setToolTip(self.tr("Redo the change you undid (Ctrl+Shift+Z)"))
        self.redo_button.clicked.connect(self.redo)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the whole photo, upright: no crop, turn or "
                                             "straightening (regions stay)"))
        self.reset_button.clicked.connect(self.reset_view)
        row = QHBoxLayout()
        row.addWidget(shape)
        row.addWidget(self.preset_box, 1)
        row.addStretch(1)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        row.addWidget(self.reset_button)
        return row

    def _turn_row(self) -> QHBoxLayout:
        self.turn_left_button = QPushButton(self.tr("Turn left"))
        self.turn_left_button.setToolTip(self.tr("Turn the photo a quarter turn anticlockwise"))
        self.turn_left_button.clicked.connect(lambda: self.turn(clockwise=False))
        self.turn_right_button = QPushButton(self.tr("Turn right"))
        self.turn_right_button.setToolTip(self.tr("Turn the photo a quarter turn clockwise"))
        self.turn_right_button.clicked.connect(lambda: self.turn(clockwise=True))
        limit = round(MAX_STRAIGHTEN_DEGREES * STRAIGHTEN_STEPS)
        self.straighten_slider = QSlider(Qt.Orientation.Horizontal)
        self.straighten_slider.setAccessibleName(self.tr("Straighten, in degrees"))
        self.straighten_slider.setToolTip(self.tr("Tilt the photo a little to level a wonky "
                                                  "horizon; the edges are cropped to fit. "
                                                  "Arrow keys move it in small steps."))
        self.straighten_slider.setRange(-limit, limit)
        self.straighten_slider.setSingleStep(5)
        self.straighten_slider.setPageStep(50)
        self.straighten_slider.setTracking(False)
        self.straighten_slider.setMinimumWidth(80)
        self.straighten_slider.valueChanged.connect(self._straighten_chosen)
        self.straighten_slider.sliderMoved.connect(self._show_straighten_value)
        self.straighten_label = QLabel()
        self.straighten_label.setMinimumWidth(48)
        straighten_title = QLabel(self.tr("S&traighten:"))
        straighten_title.setBuddy(self.straighten_slider)
        row = QHBoxLayout()
        row.addWidget(self.turn_left_button)
        row.addWidget(self.turn_right_button)
        row.addWidget(straighten_title)
        row.addWidget(self.straighten_slider, 1)
        row.addWidget(self.straighten_label)
        return row

    def _steps_panel(self) -> QWidget:
        """Step 1, check and prepare; step 2, describe and confirm. Each page scrolls only
        up and down; the step's button and the tab's message sit below it, never scrolled."""
        check_page = QWidget()
        check = QVBoxLayout(check_page)
        check.setContentsMargins(0, 0, 0, 0)
        check.addWidget(self._faces_box())
        check.addWidget(self._text_box())
        check.addStretch(1)
        describe_page = QWidget()
        describe = QVBoxLayout(describe_page)
        describe.setContentsMargins(0, 0, 0, 0)
        describe.addWidget(self._prepared_box())
        describe.addStretch(1)
        self.steps = QTabWidget()
        self.steps.setObjectName("PhotoSteps")
        self.steps.setDocumentMode(True)
        self.steps.setAccessibleName(self.tr("Steps for the chosen photo"))
        self.steps.tabBar().setExpanding(True)
        self.steps.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.steps.addTab(up_and_down(check_page), self.tr("1. Check, prepare"))
        self.steps.addTab(up_and_down(describe_page), self.tr("2. Describe, confirm"))
        self.steps.setTabToolTip(CHECK_STEP, self.tr(
            "Check every face and every piece of writing in the photo, then prepare it"))
        self.steps.setTabToolTip(DESCRIBE_STEP, self.tr(
            "Describe the prepared photo and confirm the face and consent checks"))
        self.steps.currentChanged.connect(self._step_shown)
        self.message_label = QLabel()
        self.message_label.setObjectName("PhotosMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.hide()
        panel = QWidget()
        panel.setMinimumWidth(MIN_STEPS_WIDTH)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.message_label)
        self._prepare_footer(layout)
        self._describe_footer(layout)
        self._step_shown(CHECK_STEP)
        return panel

    def _step_shown(self, step: int) -> None:
        """Below the pages, the shown step's words and button; the bottom one stays put."""
        checking = step == CHECK_STEP
        self.prepare_hint.setVisible(checking and bool(self.prepare_hint.text()))
        self.prepare_button.setVisible(checking)
        self.checks_label.setVisible(not checking)

    def show_step(self, step: int) -> None:
        """Bring a step forward: checking when a photo is chosen or changed, describing
        when one is prepared or a prepared one is chosen."""
        self.steps.setCurrentIndex(step)


    def _faces_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Faces and other regions to cover"))
        self.faces_status = StatusLine()
        self.faces_label = self.faces_status.label
        self.faces_label.setObjectName("FaceStatus")
        self.faces_label.setAccessibleName(self.tr("What the face check found"))
        self.region_list = QListWidget()
        self.region_list.setObjectName("RegionList")
        self.region_list.setAccessibleName(self.tr("Regions that will be covered"))
        self.region_list.setToolTip(self.tr("Every part of the photo that will be covered. "
                                            "Choose one to move it, cover it or leave it "
                                            "uncovered (Delete)."))
        self.region_list.setWordWrap(True)
        self.region_list.setMaximumHeight(96)
        self.region_list.currentRowChanged.connect(self._region_chosen_in_list)
        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.region_list,
                               self._remove_chosen_region)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.add_region_button = QPushButton(self.tr("&Add region"))
        self.add_region_button.setCheckable(True)
        self.add_region_button.setToolTip(self.tr("Then drag over a face (or a name badge) in "
                                                  "the photo to cover it. Esc stops adding."))
        self.add_region_button.toggled.connect(self.canvas.set_add_mode)
        self.keep_button = QPushButton(self.tr("Cover &it"))
        self.keep_button.setToolTip(self.tr("The chosen uncertain region (dashed, marked “?”) "
                                            "may be a face: cover it in the prepared photo"))
        self.keep_button.clicked.connect(self.keep_region)
        self.remove_region_button = QPushButton(self.tr("Leave &uncovered"))
        self.remove_region_button.setToolTip(self.tr("Take away the chosen region: that part "
                                                     "of the photo is not covered (Delete)"))
        self.remove_region_button.clicked.connect(self._remove_chosen_region)
        self.find_faces_button = QPushButton(self.tr("Look for faces now"))
        self.find_faces_button.setObjectName("FindFacesNow")
        self.find_faces_button.setToolTip(self.tr("Faces were not looked for in this photo "
                                                  "(stopped, or the search failed): look for "
                                                  "faces in it now"))
        self.find_faces_button.clicked.connect(self.look_for_faces_now)
        self.find_faces_button.hide()
        self.detect_row = WrappingCheck(self.tr("&Look for faces in this photo"))
        self.detect_row.setToolTip(self.tr("Turn off for a photo with no people in it; cover "
                                           "any face by hand with “Add region”."))
        self.detect_box = self.detect_row.box
        self.detect_box.clicked.connect(self.set_detection)
        self.style_box = QComboBox()
        may_narrow(self.style_box)
        self.style_box.setAccessibleName(self.tr("How regions are covered"))
        self.style_box.setToolTip(self.tr("A solid block hides a face completely. A mosaic "
                                          "looks softer but still cannot be undone."))
        for style in CoverStyle:
            label = QCoreApplication.translate("PhotosTab", str(STYLE_LABELS[style]))
            self.style_box.addItem(label, style.value)
        self.style_box.activated.connect(self._style_chosen)
        buttons = FlowLayout()
        for button in (self.add_region_button, self.keep_button, self.remove_region_button):
            buttons.add_widget(button)
        cover_with = QLabel(self.tr("Co&ver with:"))
        cover_with.setBuddy(self.style_box)
        options = QHBoxLayout()
        options.addWidget(cover_with)
        options.addWidget(self.style_box, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.faces_status)
        layout.addWidget(self.find_faces_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.region_list)
        layout.addLayout(buttons)
        layout.addWidget(self.detect_row)
        layout.addLayout(options)
        return box

    def _text_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Text written in the photo"))
        self.text_status = StatusLine()
        self.text_label = self.text_status.label
        self.text_label.setObjectName("TextStatus")
        self.text_label.setAccessibleName(self.tr("What the text check found"))
        self.text_list = QListWidget()
        self.text_list.setObjectName("TextList")
        self.text_list.setAccessibleName(self.tr("Text read in the photo"))
        self.text_list.setToolTip(self.tr("Every piece of text the app read in the photo. "
                                          "Read each one: choose it and press “Cover the "
                                          "chosen text” to hide it."))
        self.text_list.setWordWrap(True)
        self.text_list.setMaximumHeight(96)
        self.text_list.currentRowChanged.connect(lambda _row: self._show_text_buttons())
        self.cover_names_button = QPushButton(self.tr("Cover &names"))
        self.cover_names_button.setObjectName("CoverNames")
        self.cover_names_button.setToolTip(self.tr("Cover every pupil's name found written in "
                                                   "the photo (outlined and marked “Name”)"))
        self.cover_names_button.clicked.connect(self.cover_names)
        self.cover_text_button = QPushButton(self.tr("Cover the chosen te&xt"))
        self.cover_text_button.setToolTip(self.tr("Cover the piece of text chosen in the list"))
        self.cover_text_button.clicked.connect(self.cover_chosen_text)
        self.read_text_button = QPushButton(self.tr("Read the text now"))
        self.read_text_button.setObjectName("ReadTextNow")
        self.read_text_button.setToolTip(self.tr("The text in this photo was not read: read "
                                                 "it now"))
        self.read_text_button.clicked.connect(self.read_text_now)
        self.read_text_button.hide()
        buttons = FlowLayout()
        for button in (self.cover_names_button, self.cover_text_button):
            buttons.add_widget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.text_status)
        layout.addWidget(self.read_text_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text_list)
        layout.addLayout(buttons)
        return box

    def _prepare_footer(self, layout: QVBoxLayout) -> None:
        self.prepare_hint = QLabel()
        self.prepare_hint.setObjectName("PrepareHint")
        self.prepare_hint.setWordWrap(True)
        self.prepare_button = QPushButton(self.tr("&Prepare photo"))
        self.prepare_button.setObjectName("PrepareButton")
        self.prepare_button.setProperty("primary", True)
        self.prepare_button.setToolTip(self.tr("Cover the regions for good, crop, remove the "
                                               "camera's hidden information and make it the "
                                               "right size for X"))
        self.prepare_button.clicked.connect(self.prepare)
        layout.addWidget(self.prepare_hint)
        layout.addWidget(self.prepare_button)  # the whole width: it stays put as it changes

    def _describe_footer(self, layout: QVBoxLayout) -> None:
        self.checks_label = QLabel()
        self.checks_label.setObjectName("ChecksStatus")
        self.checks_label.setWordWrap(True)
        self.checks_label.setAccessibleName(self.tr("Whether the prepared photo can be "
                                                    "attached"))
        layout.addWidget(self.checks_label)

    def _ready_pane(self, layout: QVBoxLayout) -> None:
        title = QLabel(self.tr("Ready to attach"))
        title.setObjectName("SectionTitle")
        self.ready_list = QListWidget()
        self.ready_list.setObjectName("ReadyPhotos")
        self.ready_list.setAccessibleName(self.tr("Prepared photos, ready to attach once "
                                                  "checked"))
        self.ready_list.setToolTip(self.tr("Prepared photos. Choose one to describe it and "
                                           "confirm its checks; the composer can then attach "
                                           "it."))
        self.ready_list.setIconSize(QPixmap(48, 48).size())
        self.ready_list.setWordWrap(True)
        self.ready_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ready_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long file name
        self.ready_list.currentRowChanged.connect(self._ready_chosen)
        self.ready_empty = QLabel(self.tr("Nothing prepared yet. Prepared photos wait here "
                                          "until they are described and checked; then the "
                                          "composer can attach them."))
        self.ready_empty.setWordWrap(True)
        self.remove_ready_button = QPushButton(self.tr("Remove from list…"))
        self.remove_ready_button.setProperty("destructive", True)
        self.remove_ready_button.setToolTip(self.tr("Delete the prepared copy (the original "
                                                    "file is not touched)"))
        self.remove_ready_button.clicked.connect(self.remove_ready)
        layout.addWidget(title)
        layout.addWidget(self.ready_empty)
        layout.addWidget(self.ready_list, 1)
        layout.addWidget(self.remove_ready_button)

    def _prepared_box(self) -> QGroupBox:
        """The description first, with its Save button, then the two confirmations, then
        the prepared photo itself: the steps come before the picture, so they stay in view."""
        box = QGroupBox(self.tr("Prepared photo"))
        self.result_image = QLabel()
        self.result_image.setAccessibleName(self.tr("The prepared photo, as it will be "
                                                    "posted"))
        self.result_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_image.setMinimumHeight(120)
        self.result_image.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        self.result_label = QLabel()
        self.result_label.setObjectName("PrepareResult")
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("What was removed and the prepared "
                                                    "size"))
        self.alt_text = QPlainTextEdit()
        self.alt_text.setObjectName("AltText")
        self.alt_text.setAccessibleName(self.tr("Photo description (alt text)"))
        self.alt_text.setPlaceholderText(self.tr("Describe the photo for families who use "
                                                 "screen readers, e.g. “Year 3 planting bulbs "
                                                 "in the school garden”. Never a child's "
                                                 "name."))
        self.alt_text.setToolTip(self.tr("Required: X reads this out to people who cannot see "
                                         "the photo. At most {limit} characters; never a "
                                         "child's name.").format(limit=MAX_ALT_TEXT))
        self.alt_text.setTabChangesFocus(True)
        self.alt_text.setFixedHeight(84)
        self.alt_text.textChanged.connect(self._alt_text_changed)
        self.alt_text.installEventFilter(self)  # saves the description when focus leaves it
        self.alt_count = QLabel()
        self.alt_count.setObjectName("AltTextCount")
        self.alt_count.setAccessibleName(self.tr("Characters in the description"))
        self.save_alt_button = QPushButton(self.tr("Save &description"))
        self.save_alt_button.setToolTip(self.tr("Keep this description with the prepared "
                                                "photo; it goes out with the tweet"))
        self.save_alt_button.clicked.connect(self.save_alt_text)
        count_row = QHBoxLayout()
        count_row.addWidget(self.alt_count)
        count_row.addStretch(1)
        count_row.addWidget(self.save_alt_button)
        self.faces_confirm_row = WrappingCheck(self._faces_text())
        self.faces_confirm = self.faces_confirm_row.box
        self.faces_confirm.setAccessibleDescription(self.tr(
            "Confirm that you looked at the prepared photo and every face is covered, or "
            "may be shown. Your name is recorded."))
        self.faces_confirm_row.setToolTip(self.faces_confirm.accessibleDescription())
        self.faces_confirm.clicked.connect(self._faces_confirm_clicked)
        self.consent_confirm_row = WrappingCheck(self._consent_text())
        self.consent_confirm = self.consent_confirm_row.box
        self.consent_confirm.setAccessibleDescription(self.tr(
            "Confirm against the school's consent list that every child who can be seen may "
            "appear on the school's account. Your name is recorded."))
        self.consent_confirm_row.setToolTip(self.consent_confirm.accessibleDescription())
        self.consent_confirm.clicked.connect(self._consent_confirm_clicked)
        self.confirmed_label = QLabel()  # below both boxes: a record never moves a box
        self.confirmed_label.setObjectName("ConfirmedBy")
        self.confirmed_label.setWordWrap(True)
        self.confirmed_label.setAccessibleName(self.tr("Who confirmed the checks, and when"))
        self.alt_names_label = QLabel()
        self.alt_names_label.setObjectName("NameFindings")
        self.alt_names_label.setWordWrap(True)
        self.alt_names_label.setAccessibleName(self.tr("Possible children's names in the "
                                                       "description"))
        self.alt_names_label.hide()
        description = QLabel(self.tr("D&escription (alt text), required:"))
        description.setWordWrap(True)
        description.setBuddy(self.alt_text)
        layout = QVBoxLayout(box)
        layout.addWidget(description)
        layout.addWidget(self.alt_text)
        layout.addLayout(count_row)
        layout.addWidget(self.alt_names_label)
        layout.addWidget(self.faces_confirm_row)
        layout.addWidget(self.consent_confirm_row)
        layout.addWidget(self.confirmed_label)
        layout.addWidget(self.result_image)
        layout.addWidget(self.result_label)
        self.prepared_box = box
        return box

    # -- opening photos ----------------------------------------------------------------------
    def ask_for_photos(self) -> list[Path]:
        """The Open dialog; tests replace this method to choose files for the user."""
        patterns = " ".join(f"*{suffix}" for suffix in PHOTO_SUFFIXES)
        filters = self.tr("Photos ({patterns});;All files (*)").format(patterns=patterns)
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Open photos"), str(Path.home()),
                                                filters)
        return [Path(name) for name in names]

    def choose_photos(self) -> None:
        paths = self.ask_for_photos()
        if paths:
            self.open_photos(paths)

    def open_photos(self, paths: Iterable[Path]) -> None:
        """Add photos to the batch; each is opened and looked at on a worker, one at a time."""
        known = {photo.path.resolve() for photo in self._photos}
        added = []
        for path in expand_photo_inputs(paths):
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            photo = BatchPhoto(path)
            self._photos.append(photo)
            self.batch_list.addItem(self._batch_item(photo))
            added.append(photo)
        if not added:
            return
        self._queue.add(added)
        self._batch_total += len(added)
        self.show_step(CHECK_STEP)
        self.show_message("")
        self._show_progress()
        if self.batch_list.currentRow() < 0:
            self.batch_list.setCurrentRow(self._photos.index(added[0]))
        if self._batch is None:
            self._start_batch()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.open_photos(paths)

    def _start_batch(self) -> None:
        """One task works through the queue (``work_through``), handing each photo over as
        it is opened and looked at; Cancel sets its token. Closing the tab stops it."""
        self._batch = token = TaskToken()
        queue, detector, reader = self._queue, self._detector, self._text_reader
        guard = self._services.name_guard
        self._tasks.run(lambda: work_through(queue, token, detector, reader, guard),
                        lambda _none: self._batch_ended(), self._batch_broke, cancel=token,
                        owner=self, on_cancelled=self._batch_ended, on_item=self._batch_part)

    def _batch_part(self, step: BatchStep) -> None:
        """A photo of the batch, opening, opened, looked at, or not looked at (stopped)."""
        photo = step.job.photo
        if step.kind == OPENING_STEP:
            self._loading, photo.status = photo, OPENING
            self._update_batch_item(photo)
        elif step.kind == OPEN_FAILED and step.error is not None:
            self._open_failed(photo, step.error)
        elif step.kind == OPENED and step.opened is not None:
            self._opened(step.job, step.opened)
        elif step.kind == LOOKED_AT and step.looked is not None:
            self._looked(photo, step.looked, self._loaded)
        elif step.kind == NOT_LOOKED_AT:  # Cancel was pressed while it opened
            self._set_looking(photo, faces=False, text=False)
            self._mark_stopped([photo])
            self._loaded(photo)

    def _batch_ended(self) -> None:
        """The batch's task ended (done or cancelled): photos added since start another."""
        self._batch = None
        if self._queue:
            self._start_batch()
        else:
            self._batch_finished()

    def _batch_broke(self, error: Exception) -> None:
        photo = self._loading
        if photo is not None and LOOKING in (photo.detection, photo.text_state):
            self._faces_failed(photo, error, self._loaded)
        self._batch_ended()

    def _opened(self, job: BatchJob, result: OpenResult) -> None:
        photo = job.photo
        if photo.closed:
            if not job.wanted:
                self._loaded(photo)
            return
        self._take_pixels(photo, result)
        if job.wanted:  # the worker looks at it next: faces and text, as asked
            self._set_looking(photo, faces=job.faces, text=job.text)
            return
        self._loaded(photo)

    def _set_looking(self, photo: BatchPhoto, *, faces: bool, text: bool) -> None:
        if faces:
            photo.detection = LOOKING
        elif photo.detection == LOOKING:
            photo.detection = NOT_LOOKED
        if text:
            photo.text_state = LOOKING
        elif photo.text_state == LOOKING:
            photo.text_state = NOT_LOOKED
        self._update_batch_item(photo)
        if photo is self.selected_photo():
            self._show_selected()

    def _take_pixels(self, photo: BatchPhoto, result: OpenResult) -> None:
        photo.status = OPEN
        photo.opened, photo.preview = result.photo, result.preview
        photo.base_size = result.photo.image.size
        item = self._item_of(photo)
        if item is not None:
            self._thumbnails[id(photo)] = QPixmap.fromImage(qimage_of(result.thumbnail))
        self._update_batch_item(photo)
        if photo is self.selected_photo():
            self._show_selected()

    def _open_failed(self, photo: BatchPhoto, error: Exception) -> None:
        self._batch_failed += 1
        photo.status = FAILED
        photo.error = _photo_error_text(photo.path, error)
        self._update_batch_item(photo)
        self.show_message(photo.error, ok=False)
        self.status.emit(self.tr("{name} could not be opened.").format(name=photo.name))
        self._loaded(photo)

    def _loaded(self, photo: BatchPhoto) -> None:
        """One photo of the batch is done: keep its pixels only if it is the one shown."""
        if photo is not self.selected_photo():
            photo.drop_pixels()
        self._loading = None
        if photo is self._stop_after:
            self._stop_after = None
        self._batch_done += 1
        self._show_progress()
        if photo is self.selected_photo():
            self._show_selected()

    def _batch_finished(self) -> None:
        if not self._batch_total and not self._batch_stopped:
            return
        failed, stopped = self._batch_failed, self._batch_stopped
        opened = self._batch_done - failed
        self._batch_total = self._batch_done = self._batch_failed = self._batch_stopped = 0
        self._show_progress()
        if failed:
            summary = self.tr("Photos opened: {opened}. Could not be opened: {failed}.")
        else:
            summary = self.tr("Photos opened: {opened}.")
        self.status.emit(summary.format(opened=opened, failed=failed))
        if stopped:
            self.show_message(self.tr(
                "⚠ Finding faces was stopped. Photos not checked for faces: {count}. Choose "
                "each one and press “Look for faces now”, or untick “Look for faces in this "
                "photo” and cover every face by hand."
            ).format(count=stopped))

    def _show_progress(self) -> None:
        """“Finding faces: 3 of 12” with Cancel beside it, for a batch of two or more."""
        stopping = self._stop_after is not None and not self._queue
        batch = self._batch_total > 1 or stopping
        self.progress.setVisible(batch)
        self.cancel_batch_button.setVisible(batch)
        self.cancel_batch_button.setEnabled(not stopping)
        self.progress.setRange(0, max(1, self._batch_total))
        self.progress.setValue(self._batch_done)
        if stopping:
            text = self.tr("Stopping after the photo in hand…")
        else:
            text = self.tr("Finding faces and text: {done} of {total}").format(
                done=self._batch_done, total=self._batch_total)
        self.progress.setFormat(text)

    def cancel_batch(self) -> None:
        """Stop opening and looking at the rest of the batch.

        The photo in hand finishes (a worker cannot be interrupted, and faces found are worth
        having) unless it is still opening, when it is not looked at either. Every photo left
        is marked as not checked for faces and stays in the list, to open when chosen: a
        stopped search must never look like one that found nothing.
        """
        if self._batch is not None:
            self._batch.cancel()  # the worker takes no other photo, and stops at its check
        stopped = self._queue.stop()
        self._batch_total -= len(stopped)
        self._mark_stopped(stopped)
        self._stop_after = self._loading
        self._show_progress()
        if self._batch is None:
            self._batch_finished()
        self._show_selected()

    def _mark_stopped(self, photos: Sequence[BatchPhoto]) -> None:
        self._batch_stopped += len(photos)
        for photo in photos:
            photo.detection = CANCELLED
            if photo.text is None:
                photo.text_state = CANCELLED
            self._update_batch_item(photo)

    # -- face detection ----------------------------------------------------------------------
    def _examine(self, photo: BatchPhoto, then: Callable[[BatchPhoto], None] | None = None,
                 faces: bool = True) -> None:
        """One background step: look for faces (if asked) and read the text (if not read)."""
        assert photo.opened is not None
        image = photo.opened.image
        detector = self._detector if faces else None
        reader = self._text_reader if photo.text is None else None
        if detector is not None:
            photo.detection = LOOKING
        if reader is not None:
            photo.text_state = LOOKING
        self._update_batch_item(photo)
        if photo is self.selected_photo():
            self._show_selected()
        guard = self._services.name_guard
        self._tasks.run(lambda: look_at(image, detector, reader, guard),
                        lambda result: self._looked(photo, result, then),
                        lambda error: self._faces_failed(photo, error, then), owner=self)

    def _looked(self, photo: BatchPhoto, result: LookResult,
                then: Callable[[BatchPhoto], None] | None) -> None:
        if photo.text_state == LOOKING:
            self._text_read(photo, result)
        if result.faces_error is not None:
            self._faces_failed(photo, result.faces_error, then)
            return
        if result.faces is not None:
            detected = tuple(region_from_face(face) for face in result.faces)
            photo.detected, photo.detection = detected, LOOKED
            photo.history.apply_to_all(lambda state: with_detected(state, detected))
        self._update_batch_item(photo)
        if then is not None:
            then(photo)
        elif photo is self.selected_photo():
            self._show_selected()

    def _text_read(self, photo: BatchPhoto, result: LookResult) -> None:
        """What was read and checked; a failure leaves the photo unchecked."""
        if result.text is None:
            self._text_failed(photo, result.text_error)
            return
        photo.text, photo.text_state, photo.text_error = result.text, LOOKED, ""
        photo.text_without_roster = result.without_roster

    def _text_failed(self, photo: BatchPhoto, error: str) -> None:
        photo.text, photo.text_state, photo.text_error = None, DETECTION_FAILED, error
        self.show_message(self.tr("{name}: the text in the photo could not be read. "
                                  "{error}").format(name=photo.name, error=error), ok=False)

    def _faces_failed(self, photo: BatchPhoto, error: Exception,
                      then: Callable[[BatchPhoto], None] | None) -> None:
        photo.detection = DETECTION_FAILED
        photo.detection_error = str(error)
        if photo.text_state == LOOKING:  # the step stopped before the text was read
            photo.text_state, photo.text_error = DETECTION_FAILED, str(error)
        self._update_batch_item(photo)
        self.show_message(self.tr("{name}: faces could not be looked for. {error}").format(
            name=photo.name, error=error), ok=False)
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
            self._examine(photo)

    def look_for_faces_now(self) -> None:
        """For a photo whose search a cancelled batch stopped: look at this one now."""
        photo = self._editable()
        if photo is None or photo.opened is None or photo.detection == LOOKING:
            return
        self._examine(photo)

    def read_text_now(self) -> None:
        """For a photo whose reading was stopped or failed: read its text now."""
        photo = self._editable()
        if photo is None or photo.opened is None or LOOKING in (photo.detection,
                                                                photo.text_state):
            return
        photo.text = None
        self._examine(photo, faces=False)

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
        words, level = _batch_state(photo)
        item.setText(f"{photo.name}\n{words}")
        item.setIcon(marked_thumbnail(self._thumbnails.get(id(photo)), level))
        item.setToolTip(photo.error or str(photo.path))

    def selected_photo(self) -> BatchPhoto | None:
        row = self.batch_list.currentRow()
        return self._photos[row] if 0 <= row < len(self._photos) else None

    @property
    def photos(self) -> list[BatchPhoto]:
        return list(self._photos)

    def _photo_chosen(self, row: int) -> None:
        photo = self.selected_photo()
        self.show_step(CHECK_STEP)
        for other in self._photos:
            if other is not photo and other is not self._loading:
                other.drop_pixels()
        self.add_region_button.setChecked(False)
        self.canvas.select(-1)
        if photo is not None and photo.status == WAITING:
            self._queue.to_front(photo)  # the one someone is looking at comes next
        if photo is not None and photo.status == WAITING and photo.detection == CANCELLED:
            self._reopen(photo)  # its batch was stopped before it was opened
        if photo is not None and photo.status == OPEN and photo.opened is None:
            self._reopen(photo)
        self._show_selected()

    def _reopen(self, photo: BatchPhoto) -> None:
        """Decode for the editor alone, without looking for faces: the pixels were let go
        while another photo was shown, or a stopped batch never opened it."""
        photo.status = OPENING
        self._tasks.run(lambda: open_for_editing(photo.path),
                        lambda result: self._reopened(photo, result),
                        lambda error: self._reopen_failed(photo, error), owner=self)

    def _reopened(self, photo: BatchPhoto, result: OpenResult) -> None:
        if photo is self.selected_photo():
            self._take_pixels(photo, result)
        else:  # someone moved on while it opened: opened again when chosen again
            photo.status = OPEN if photo.base_size is not None else WAITING

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
        self._thumbnails.pop(id(photo), None)
        photo.drop_pixels()
        self._photos.pop(row)
        self.batch_list.takeItem(row)
        if self._queue.remove(photo):
            self._batch_total -= 1
            self._show_progress()
        self._photo_chosen(self.batch_list.currentRow())

    # -- showing the selected photo --------------------------------------------------------
    def _show_selected(self) -> None:
        photo = self.selected_photo()
        self.batch_empty.setVisible(not self._photos)
        self.batch_list.setVisible(bool(self._photos))  # the sentence takes its place
        self.close_button.setEnabled(photo is not None)
        editable = photo is not None and photo.preview is not None and photo.status == OPEN
        for widget in (self.preset_box, self.turn_left_button, self.turn_right_button,
                       self.straighten_slider, self.reset_button, self.add_region_button,
                       self.detect_box, self.style_box):
            widget.setEnabled(editable)
        self.find_faces_button.setVisible(editable and photo is not None
                                          and photo.state.detection_on
                                          and photo.detection in (CANCELLED, DETECTION_FAILED))
        self.read_text_button.setVisible(editable and photo is not None and photo.text_state
                                         in (CANCELLED, DETECTION_FAILED))
        self._show_text(photo if editable else None)
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
        image: QImage = photo.view_image
        return image

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
        self.size_label.setText(self.tr("Prepared size: {width} × {height} px").format(
            width=crop_rect.w, height=crop_rect.h))
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
        self.faces_status.show_status(text, level)
        set_style_state(self.faces_label, "level", level)

    def _show_text(self, photo: BatchPhoto | None) -> None:
        """The text panel and the outlines on the canvas for the photo shown."""
        from stpeters_desk.core.photo_text import uncovered

        text = photo.text if photo is not None else None
        self.canvas.show_text_marks(text_marks(photo) if photo is not None else [])
        self.text_list.blockSignals(True)
        self.text_list.clear()
        if photo is not None and text is not None:
            regions = [region.rect for region in photo.state.regions]
            showing = set(uncovered(text.items, regions))
            names = {name.item: name for name in text.names}
            for item in text.items:
                line, level = text_line(item, names.get(item), item not in showing)
                row = QListWidgetItem(status_icon(level), line)
                self.text_list.addItem(row)
        self.text_list.blockSignals(False)
        self.text_list.setVisible(bool(text and text.items))  # no room taken for nothing
        status, level = _text_status(photo)
        self.text_status.show_status(status, level)
        set_style_state(self.text_label, "level", level)
        self._show_text_buttons()

    def _show_text_buttons(self) -> None:
        photo = self._editable()
        to_cover = self._names_to_cover(photo) if photo is not None else []
        self.cover_names_button.setEnabled(bool(to_cover))
        self.cover_text_button.setEnabled(self._chosen_text() is not None)

    @staticmethod
    def _names_to_cover(photo: BatchPhoto) -> list[TextItem]:
        """Names (and words that may be names) no region hides yet."""
        from stpeters_desk.core.photo_text import uncovered

        if photo.text is None:
            return []
        regions = [region.rect for region in photo.state.regions]
        return uncovered([name.item for name in photo.text.names], regions)

    def _chosen_text(self) -> TextItem | None:
        photo = self._editable()
        row = self.text_list.currentRow()
        if photo is None or photo.text is None or not 0 <= row < len(photo.text.items):
            return None
        return photo.text.items[row]

    def cover_names(self) -> None:
        """One click: a region over every name found in the text, as one undoable change."""
        photo = self._editable()
        if photo is None:
            return
        added = tuple(Region(item.rect, text=True) for item in self._names_to_cover(photo))
        if added:
            self._change(replace(photo.state, regions=(*photo.state.regions, *added)))

    def cover_chosen_text(self) -> None:
        photo, item = self._editable(), self._chosen_text()
        if photo is None or item is None:
            return
        self._change(replace(photo.state,
                             regions=(*photo.state.regions, Region(item.rect, text=True))))

    def choose_text(self, row: int) -> None:
        self.text_list.setCurrentRow(row)

    def _show_region_buttons(self) -> None:
        region = self._chosen_region()
        self.keep_button.setEnabled(region is not None and region.needs_decision)
        self.remove_region_button.setEnabled(region is not None)

    def _show_prepare_state(self, photo: BatchPhoto | None) -> None:
        hint = self._prepare_blocker(photo)
        self.prepare_button.setEnabled(not hint)
        again = photo is not None and photo.prepared_id is not None
        self.prepare_button.setText(self.tr("&Prepare again") if again
                                    else self.tr("&Prepare photo"))
        if not hint and photo is not None and again and photo.prepared_state != photo.state:
            hint = self.tr("Changed since it was prepared: press “Prepare again”. The face "
                           "and consent checks will need confirming again.")
        self.prepare_hint.setText(hint)
        # above the button, which stays put; only on the step it belongs to
        self.prepare_hint.setVisible(bool(hint) and self.steps.currentIndex() == CHECK_STEP)

    def _prepare_blocker(self, photo: BatchPhoto | None) -> str:
        """Why the photo cannot be prepared yet (the rule is ``photo_edit.blocker``), or ""."""
        reason = blocker(photo)
        if reason is None and self._preparing:
            return self.tr("Preparing…")
        if reason is None or photo is None:
            return "" if reason is None else self.tr("Open a photo to start.")
        return self._blocker_text(reason, photo)

    def _blocker_text(self, reason: Blocker, photo: BatchPhoto) -> str:
        """The words for each reason a photo cannot be prepared yet."""
        if reason is Blocker.NOT_OPENED:
            return self.tr("This photo could not be opened: choose another.")
        if reason is Blocker.OPENING:
            return self.tr("Opening the photo…")
        if reason is Blocker.FACES_STOPPED:
            return self.tr("Faces have not been looked for: press “Look for faces now”, or "
                           "untick “Look for faces in this photo” and cover every face by hand.")
        if reason is Blocker.FACES_FAILED:
            return self.tr("Faces could not be looked for: press “Look for faces now” to try "
                           "again, or untick “Look for faces in this photo” and cover every "
                           "face by hand.")
        if reason is Blocker.STILL_LOOKING:
            return self.tr("Still looking for faces…")
        if reason is Blocker.UNDECIDED:
            return self.tr("For each uncertain region (dashed, marked “?”), choose “Cover "
                           "it” or “Leave uncovered” first. Uncertain regions: {count}."
                           ).format(count=photo.state.undecided)
        if reason is Blocker.TEXT_STOPPED:
            return self.tr("The text in this photo has not been read: press “Read the text "
                           "now”.")
        if reason is Blocker.TEXT_FAILED:
            return self.tr("The text in this photo could not be read, so it cannot be checked "
                           "for pupils' names: press “Read the text now” to try again.")
        if reason is Blocker.STILL_READING:
            return self.tr("Still reading the text in the photo…")
        if reason is Blocker.NAMES_SHOWING:
            return self.tr("A pupil's name is written in the photo (outlined, marked “Name”): "
                           "press “Cover names”, or crop it out. Names to cover: {count}."
                           ).format(count=len(names_showing(photo)))
        return self.tr("Open a photo to start.")

    def show_message(self, text: str, ok: bool | None = None) -> None:
        """Green or red is never the only sign: a tick or a warning sign goes with it."""
        self.message_label.setText(marked_message(text, ok))
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
            self.show_step(CHECK_STEP)  # a changed photo is checked and prepared again
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
        self.show_step(CHECK_STEP)
        self.region_list.blockSignals(True)
        self.region_list.setCurrentRow(index)
        self.region_list.blockSignals(False)
        self._show_region_buttons()

    def _region_chosen_in_list(self, index: int) -> None:
        self.show_step(CHECK_STEP)
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
        hint = self._prepare_blocker(photo)
        if hint or photo is None or photo.opened is None:
            self.show_message(hint, ok=False)
            return
        self._preparing = True
        self._show_prepare_state(photo)
        self.show_message(self.tr("Preparing the photo…"))
        state = photo.state
        work = self._prepare_work(photo, photo.opened, state)
        self._tasks.run(work, lambda stored: self._prepared(photo, state, stored),
                        self._prepare_failed, owner=self)

    def _prepare_work(self, photo: BatchPhoto, opened: OpenedPhoto,
                      state: EditState) -> Callable[[], StoredPhoto]:
        """The operation, on a worker: the shared pipeline's export, kept in the library.
        Whether faces were looked for and the text checked is decided by ``photo_edit``."""
        operations, session, label = self._operations, self._session(), photo.name
        faces, checked, replace_id = face_check(photo), text_checked(photo), photo.prepared_id

        def work() -> StoredPhoto:
            return operations.prepare_edit(session, opened, state, label=label, faces=faces,
                                           text_checked=checked, replace_id=replace_id)
        return work

    def _session(self) -> Session:
        """Who acts now: read at the moment of the action (a sign-in changes it)."""
        return session_of(self._services)

    def _prepared(self, photo: BatchPhoto, state: EditState, stored: StoredPhoto) -> None:
        self._preparing = False
        photo.prepared_id, photo.prepared_state = stored.photo_id, state
        self._show_ready(select=stored.photo_id, new_pixels=True)
        self._show_prepare_state(self.selected_photo())
        self.show_step(DESCRIBE_STEP)  # the next step: describe it and confirm the checks
        self.show_message(self.tr("{name} is prepared. Describe it, then confirm the two "
                                  "checks so it can be attached.").format(name=photo.name),
                          ok=True)
        self.status.emit(self.tr("{name} prepared.").format(name=photo.name))
        self.ready_changed.emit()

    def _prepare_failed(self, error: Exception) -> None:
        self._preparing = False
        self._show_prepare_state(self.selected_photo())
        reason = error.message if isinstance(error, Refused) else str(error)
        self.show_message(self.tr("The photo could not be prepared: {error}").format(
            error=reason), ok=False)

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
        self.ready_list.setVisible(bool(photos))
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
        if item is not None:
            self.show_step(DESCRIBE_STEP)
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
            self.result_image.setText(self.tr("Prepare a photo to see it here."))
            self.result_label.setText("")
            self._set_alt_text("")
            self._show_confirmation(self.faces_confirm_row, None, None)
            self._show_confirmation(self.consent_confirm_row, None, None)
            self.confirmed_label.setText("")
            self.checks_label.setText(self.tr("Prepare a photo first (step 1), then describe "
                                              "it and confirm the checks here."))
            set_style_state(self.checks_label, "state", "")
            return
        self.result_label.setText(_result_text(stored))
        self._set_alt_text(stored.alt_text)
        self._show_confirmation(self.faces_confirm_row, stored, stored.faces_checked_at)
        self._show_confirmation(self.consent_confirm_row, stored, stored.consent_confirmed_at)
        self.confirmed_label.setText(self._confirmed_text(stored))
        self._show_missing(stored)
        if reload_preview:
            self._load_result_preview(stored.photo_id)

    def _confirmed_text(self, stored: StoredPhoto) -> str:
        """Who gave each confirmation and when, one line each, below both boxes."""
        lines = []
        if stored.faces_checked_at is not None:
            lines.append(self.tr("Faces: confirmed by {name}, {when}.").format(
                name=stored.faces_checked_by,
                when=shown_moment(stored.faces_checked_at, weekday=False)))
        if stored.consent_confirmed_at is not None:
            lines.append(self.tr("Consent: confirmed by {name}, {when}.").format(
                name=stored.consent_confirmed_by,
                when=shown_moment(stored.consent_confirmed_at, weekday=False)))
        return "\n".join(lines)

    def _faces_text(self) -> str:
        return self.tr("I have checked every &face in this photo")

    def _consent_text(self) -> str:
        return self.tr("Every child shown has photo &consent")

    def _show_missing(self, stored: StoredPhoto) -> None:
        missing = missing_checks(stored)
        if missing:
            text = self.tr("⚠ Not ready to attach yet: still needs {missing}.").format(
                missing=", ".join(missing))
        else:
            text = self.tr("✔ Ready to attach: the composer can add it to a tweet.")
        self.checks_label.setText(text)
        set_style_state(self.checks_label, "state", "warn" if missing else "ok")

    @staticmethod
    def _show_confirmation(row: WrappingCheck, stored: StoredPhoto | None,
                           at: datetime | None) -> None:
        """Ticked and greyed once given: a confirmation is recorded, never taken back here."""
        done = stored is not None and at is not None
        row.box.blockSignals(True)
        row.box.setChecked(done)
        row.box.blockSignals(False)
        row.setEnabled(stored is not None and not done)

    def _load_result_preview(self, photo_id: int) -> None:
        library = self._library
        self.result_image.setText(self.tr("Loading…"))
        unavailable = self.tr("(preview unavailable)")
        self._tasks.run(lambda: result_preview(library, photo_id),
                        lambda image: self._show_result_preview(photo_id, image),
                        lambda _error: self.result_image.setText(unavailable), owner=self)

    def _show_result_preview(self, photo_id: int, image: Image.Image) -> None:
        if photo_id != self._ready_id:
            return
        pixmap = QPixmap.fromImage(qimage_of(image))
        if pixmap.width() > RESULT_SHOWN[0] or pixmap.height() > RESULT_SHOWN[1]:
            pixmap = pixmap.scaled(*RESULT_SHOWN, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.result_image.setPixmap(pixmap)

    def _set_alt_text(self, text: str) -> None:
        self.alt_text.blockSignals(True)
        self.alt_text.setPlainText(text)
        self.alt_text.blockSignals(False)
        self._alt_text_changed()

    def _alt_text_changed(self) -> None:
        text = self.alt_text.toPlainText().strip()
        stored = self.selected_ready()
        over = len(text) > MAX_ALT_TEXT
        count = self.tr("{count} / {limit} · too long") if over else self.tr("{count} / {limit}")
        self.alt_count.setText(count.format(count=len(text), limit=MAX_ALT_TEXT))
        set_style_state(self.alt_count, "over", over)
        unsaved = stored is not None and text != stored.alt_text
        self.save_alt_button.setEnabled(unsaved and bool(text) and not over)
        self._show_alt_names(text)

    def _alt_names(self, text: str) -> list[NameFinding] | None:
        """The description's possible names, or None while the guard is not loaded yet."""
        guard = self._services.loaded_name_guard()
        return None if guard is None else guard.check(text)

    def _show_alt_names(self, text: str) -> None:
        """Names in the description are underlined in words as they are typed, as in the
        tweet box: a description is posted as it is written."""
        findings = self._alt_names(text)
        if findings is None:
            if text:
                self._tasks.run(self._services.name_guard,
                                lambda _guard: self._show_alt_names(
                                    self.alt_text.toPlainText().strip()),
                                lambda _error: None,  # the pre-flight says why it cannot check
                                owner=self)
            return
        self.alt_names_label.setText(name_findings_text(findings))
        set_style_state(self.alt_names_label, "level", worst_name_level(findings))
        self.alt_names_label.setVisible(bool(findings))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A description typed and left is kept, as the tweet box keeps its text.

        Newcomers type a description and go straight to the confirmations or another
        photo; asking them to press Save first lost their words.
        """
        if watched is self.alt_text and event.type() == QEvent.Type.FocusOut:
            self.save_pending_alt_text()
        return super().eventFilter(watched, event)

    def save_pending_alt_text(self) -> None:
        if self.save_alt_button.isEnabled():
            self.save_alt_text()

    def save_alt_text(self) -> None:
        stored = self.selected_ready()
        if stored is None:
            return
        text = self.alt_text.toPlainText()
        try:
            self._operations.describe(self._session(), stored.photo_id, text)
        except (Refused, PhotoLibraryError) as exc:
            self.show_message(_refusal_text(exc), ok=False)
            return
        blocked = [f.word for f in self._alt_names(text) or [] if f.level == "block"]
        if blocked:
            self.show_message(self.tr(
                "Description saved, but {names} may be a pupil's name: describe what is "
                "happening instead (\"Year 4 dressed as astronauts\"). It cannot be posted "
                "as it is.").format(names=", ".join(f"“{word}”" for word in blocked)), ok=False)
        else:
            self.show_message(self.tr("Description saved."), ok=True)
        self._refresh_ready()

    def _faces_confirm_clicked(self, checked: bool) -> None:
        if checked:
            self._confirm(self._operations.confirm_faces,
                          self.tr("Recorded: every face checked, by {name}."),
                          lambda stored: stored.faces_checked_by)

    def _consent_confirm_clicked(self, checked: bool) -> None:
        if checked:
            self._confirm(self._operations.confirm_consent,
                          self.tr("Recorded: photo consent confirmed, by {name}."),
                          lambda stored: stored.consent_confirmed_by)

    def confirm_faces(self) -> None:
        """As if "I have checked every face" were ticked."""
        self.faces_confirm.click()

    def confirm_consent(self) -> None:
        self.consent_confirm.click()

    def _confirm(self, confirm: Callable[[Session, int], StoredPhoto], recorded: str,
                 by: Callable[[StoredPhoto], str]) -> None:
        stored = self.selected_ready()
        if stored is None:
            return
        self.save_pending_alt_text()
        try:
            confirmed = confirm(self._session(), stored.photo_id)
        except (Refused, PhotoLibraryError) as exc:
            self.show_message(_refusal_text(exc), ok=False)
            self._show_checks()
            return
        self.show_message(recorded.format(name=by(confirmed)), ok=True)
        self._refresh_ready()

    def _refresh_ready(self) -> None:
        self._show_ready()
        self._show_checks()
        self.ready_changed.emit()

    def confirm_remove(self, label: str) -> bool:
        """Asks before removing; tests replace this method to answer for the user."""
        answer = QMessageBox.question(
            self, self.tr("Remove prepared photo?"),
            self.tr("Remove the prepared copy of {label} from the list? The original photo on "
                    "the computer is not touched.").format(label=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def remove_ready(self) -> None:
        stored = self.selected_ready()
        if stored is None or not self.confirm_remove(stored.label):
            return
        try:
            self._operations.remove(self._session(), stored.photo_id)
        except (Refused, PhotoLibraryError) as exc:
            self.show_message(_refusal_text(exc), ok=False)
        self._ready_id = None
        self._show_ready()
        self._show_prepare_state(self.selected_photo())
        self.ready_changed.emit()

    def refresh(self) -> None:
        """After the composer used a photo: it leaves the ready list."""
        self._show_ready()


# ---------------------------------------------------------------------------------------
# Words for the user



def _refusal_text(error: Exception) -> str:
    return error.message if isinstance(error, Refused) else str(error)


def _local_files(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


def _photo_error_text(path: Path, error: Exception) -> str:
    if isinstance(error, PhotoError):
        return str(error)
    return QCoreApplication.translate(
        "PhotosTab", "{name} could not be opened ({error}). Choose another photo."
    ).format(name=path.name, error=error)


def _batch_state(photo: BatchPhoto) -> tuple[str, str]:
    """What the batch list says about a photo, and the status mark drawn on its thumbnail
    (``ui.status_marks``: the app's own icons, never an emoji)."""
    translate = QCoreApplication.translate
    if photo.status == FAILED:
        return translate("PhotosTab", "Could not be opened"), BLOCK
    state = photo.state
    if state.detection_on and photo.detection == CANCELLED:
        return translate("PhotosTab", "Not checked for faces: finding faces was stopped"), WARN
    if photo.status == WAITING and photo.base_size is None:
        return translate("PhotosTab", "Waiting…"), ""
    if photo.status == OPENING and photo.base_size is None:
        return translate("PhotosTab", "Opening…"), ""
    if photo.detection == LOOKING:
        return translate("PhotosTab", "Looking for faces…"), ""
    if photo.text_state == CANCELLED:
        return translate("PhotosTab", "Text not read: reading was stopped"), WARN
    if photo.text_state == LOOKING:
        return translate("PhotosTab", "Reading the text…"), ""
    if names_showing(photo):
        return translate("PhotosTab", "A pupil's name is written in it: cover it"), BLOCK
    if photo.prepared_id is not None:
        if photo.prepared_state == state:
            return translate("PhotosTab", "Prepared"), OK
        return translate("PhotosTab", "Changed since prepared"), ""
    if state.undecided:
        return translate("PhotosTab", "{count} uncertain: cover or leave uncovered").format(
            count=state.undecided), WARN
    if state.detection_on and photo.detection == LOOKED and not photo.detected:
        return translate("PhotosTab", "No faces found: look yourself"), WARN
    return translate("PhotosTab", "Regions covered: {count}").format(
        count=len(state.regions)), ""


def marked_thumbnail(thumbnail: QPixmap | None, level: str) -> QIcon:
    """The photo's thumbnail with its status mark in the corner, as the list's icon."""
    mark = status_icon(level)
    if thumbnail is None:
        return mark
    if mark.isNull():
        return QIcon(thumbnail)
    from PySide6.QtGui import QPainter

    badge = max(16, min(thumbnail.width(), thumbnail.height()) // 3)
    marked = QPixmap(thumbnail)
    painter = QPainter(marked)
    painter.drawPixmap(marked.width() - badge, marked.height() - badge,
                       mark.pixmap(badge, badge))
    painter.end()
    return QIcon(marked)


def _empty_text(photo: BatchPhoto | None) -> str:
    if photo is None:
        return QCoreApplication.translate(
            "PhotosTab", "Open photos to start: press “Open photos…” or drag them here from a "
            "folder. Each photo is checked for faces before you prepare it.")
    if photo.status == FAILED:
        return photo.error
    return QCoreApplication.translate("PhotosTab", "Opening {name}…").format(name=photo.name)


def _faces_status(photo: BatchPhoto | None) -> tuple[str, str]:
    """What the face check found, in plain words, and how urgent it is."""
    if photo is None or photo.status != OPEN:
        return ("", "")
    translate = QCoreApplication.translate
    state = photo.state
    if not state.detection_on:
        return (translate("PhotosTab", "Face detection is off for this photo. Look at it "
                          "yourself and cover any face with “Add region”."), "warn")
    if photo.detection == CANCELLED:
        return (translate("PhotosTab", "Faces have not been looked for in this photo: finding "
                          "faces was stopped. Press “Look for faces now”, or cover every face "
                          "by hand with “Add region” and untick “Look for faces in this "
                          "photo”."), "block")
    if photo.detection in (NOT_LOOKED, LOOKING):
        return (translate("PhotosTab", "Looking for faces…"), "")
    if photo.detection == DETECTION_FAILED:
        return (translate("PhotosTab", "Faces could not be looked for: {error} Press “Look "
                          "for faces now” to try again, or cover every face by hand with “Add "
                          "region” and untick “Look for faces in this photo”.").format(
                              error=photo.detection_error), "block")
    found = len(photo.detected or ())
    if not found:
        return (translate("PhotosTab", "No faces were found in this photo. Please look at the "
                          "whole photo yourself: if you see a face, press “Add region” and "
                          "drag over it."), "warn")
    text = translate("PhotosTab", "Faces found and covered: {count}.").format(count=found)
    if state.undecided:
        uncertain = translate("PhotosTab", "Not sure if a face (dashed outline marked “?”): "
                              "{count}. Choose each, then “Cover it” or “Leave uncovered”.")
        return (f"{text} {uncertain.format(count=state.undecided)}", "warn")
    check = translate("PhotosTab", "Check that every face in the photo is covered.")
    return (f"{text} {check}", "")


def text_line(item: TextItem, name: WrittenName | None, covered: bool) -> tuple[str, str]:
    """One line of the text list: what was read, and what it is for the school; and the
    status mark drawn before it (``ui.status_marks``), so colour is never the only sign."""
    translate = QCoreApplication.translate
    if covered:
        text, level = translate("PhotosTab", "Covered: “{text}”"), OK
    elif name is not None and name.blocks:
        text, level = translate("PhotosTab", "Name: “{text}”"), BLOCK
    elif name is not None:
        text, level = translate("PhotosTab", "May be a name: “{text}”"), WARN
    else:
        text, level = translate("PhotosTab", "“{text}”"), ""
    return text.format(text=item.text), level


def _text_status(photo: BatchPhoto | None) -> tuple[str, str]:
    """What the text check found, in plain words, and how urgent it is."""
    if photo is None or photo.status != OPEN:
        return ("", "")
    translate = QCoreApplication.translate
    if photo.text_state == CANCELLED:
        return (translate("PhotosTab", "The text in this photo has not been read: reading "
                          "was stopped. Press “Read the text now”."), "block")
    if photo.text_state == DETECTION_FAILED:
        return (translate("PhotosTab", "The text in this photo could not be read, so it cannot "
                          "be checked for pupils' names. {error}").format(
                              error=photo.text_error), "block")
    if photo.text is None:
        return (translate("PhotosTab", "Reading the text in the photo…"), "")
    showing = names_showing(photo)
    if showing:
        return (translate("PhotosTab", "A pupil's name is written in this photo. Press “Cover "
                          "names”, or crop it out. Names to cover: {count}.").format(
                              count=len(showing)), "block")
    if not photo.text.items:
        return (translate("PhotosTab", "No text was found in the photo. Small, handwritten or "
                          "sideways writing can be missed: look yourself."), "")
    if photo.text_without_roster:
        return (translate("PhotosTab", "No pupil list has been imported, so the text cannot "
                          "be checked for names. Read every line below."), "warn")
    return (translate("PhotosTab", "Read every line below before posting: a surname on its "
                      "own or handwriting may still name a child."), "")


def _ready_item(stored: StoredPhoto) -> QListWidgetItem:
    translate = QCoreApplication.translate
    missing = missing_checks(stored)
    if missing:
        state = translate("PhotosTab", "Still needs {missing}").format(
            missing=", ".join(missing))
    else:
        state = translate("PhotosTab", "✔ Ready to attach")
    item = QListWidgetItem(f"{stored.label}\n{state}")
    item.setData(id_role(), stored.photo_id)
    item.setToolTip(stored.alt_text or translate("PhotosTab", "No description yet"))
    pixmap = QPixmap()
    if pixmap.loadFromData(stored.thumbnail):
        item.setIcon(QIcon(pixmap))
    return item


def _result_text(stored: StoredPhoto) -> str:
    translate = QCoreApplication.translate
    kind = "PNG" if stored.mime_type == "image/png" else "JPEG"
    summary = translate("PhotosTab", "{width} × {height} px {kind}, {size}. Regions covered: "
                        "{count}. Prepared by {name}.")
    lines = [summary.format(width=stored.width, height=stored.height, kind=kind,
                            size=_size_text(stored.size_bytes), count=stored.faces_covered,
                            name=stored.prepared_by)]
    if stored.removed:
        lines.append(translate("PhotosTab", "Removed from the file:"))
        lines.extend(f"• {line}" for line in stored.removed)
    else:
        lines.append(translate("PhotosTab", "The file carried no hidden information (camera, "
                               "date, place) to remove."))
    return "\n".join(lines)
