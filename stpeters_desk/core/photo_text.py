"""Reading the text written in a photo, so a child's name on a badge or a book is caught.

A name badge, an exercise book, a certificate, a whiteboard of the class's names or a
coat-peg label puts a child's name *in* the picture, where the checks on the tweet's words
never look. Before a photo can be prepared, the app reads every piece of text in it on this
computer, offline, and runs each through the name guard with a tolerance for reading
errors; a pupil's name blocks the photo until it is covered.

The reader is RapidOCR with the PP-OCRv6 small detection and recognition models that ship
inside its wheel (Apache-2.0, from PaddleOCR), run on onnxruntime, which the face detector
uses too. The models are always named by path: if they are missing the reader refuses
(``TextReaderUnavailable``) rather than let the library fetch anything. To keep the time
per photo low, text is *found* on a copy at most ``DETECT_SIDE`` pixels long and *read*
from the full photo: each line found is cut from the full-size pixels, so small text
that the small copy only locates is still read at its real size. Upside-down and vertical
text are not read (photos are turned upright first; classroom text is horizontal), and
handwriting is read less well than print: the README says what is and is not checked.

A photo whose text could not be read (the reader failed or was stopped) has not been
checked, and the callers treat it so: it cannot be prepared.

The library and its models load on first use (OpenCV and the models take a second), so
opening the app does not pay for them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from stpeters_desk.core.images import Rect, fit_within
from stpeters_desk.core.names import NameFinding, NameGuard
from stpeters_desk.i18n import translate

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "DETECT_SIDE",
    "PhotoText",
    "TextItem",
    "TextReaderUnavailable",
    "WrittenName",
    "check_photo_text",
    "find_text",
    "model_files",
    "uncovered",
    "uncovered_names",
]

# Text is looked for on a copy this long (the detector then enlarges it so its short side
# is 736 px: about 981 x 736 for a 4:3 photo). On benchmarks/photo_text.py this finds as
# many names as 1280 px, 20 px letters included, for about 40 % less time.
DETECT_SIDE = 960
MIN_SCORE = 0.5  # the recogniser's own confidence below which a reading is noise
MIN_CHARACTERS = 2  # letters or digits; the shortest first names have two
BOX_PADDING = 0.12  # added on each side of a line found, as a share of its height
COVERED_SHARE = 0.9  # a name counts as covered when this much of its box is covered

# The model files inside the rapidocr wheel (its MODEL_LICENSES.md: Apache-2.0, PaddleOCR).
DETECT_MODEL = "PP-OCRv6_det_small.onnx"
READ_MODEL = "PP-OCRv6_rec_small.onnx"
TURN_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"  # named so nothing is ever fetched


class TextReaderUnavailable(Exception):
    """The reader or its models are missing or broken: no photo may go out unchecked."""


@dataclass(frozen=True)
class TextItem:
    """One line of text read in a photo, with where it is in the image's pixels."""

    text: str
    box: tuple[int, int, int, int]  # x, y, w, h, padded a little so covering hides it all
    score: float = 1.0

    @property
    def rect(self) -> Rect:
        return Rect(*self.box)


@dataclass(frozen=True)
class WrittenName:
    """A line of text in the photo that holds what may be a pupil's name."""

    item: TextItem
    findings: tuple[NameFinding, ...]

    @property
    def blocks(self) -> bool:
        """A name to cover; otherwise a name that is also an everyday word, to look at."""
        return any(finding.level == "block" for finding in self.findings)


@dataclass(frozen=True)
class PhotoText:
    """What the photo's text check found: names to cover and the other text to look at."""

    items: tuple[TextItem, ...]
    names: tuple[WrittenName, ...]

    @property
    def to_cover(self) -> tuple[WrittenName, ...]:
        return tuple(name for name in self.names if name.blocks)

    @property
    def to_look_at(self) -> tuple[TextItem, ...]:
        """Every line that is not a name to cover: staff read it before posting."""
        covered = {name.item for name in self.to_cover}
        return tuple(item for item in self.items if item not in covered)


# ---------------------------------------------------------------------------------------
# Reading


def find_text(image: Image.Image) -> list[TextItem]:
    """Every line of text read in the image, top to bottom, boxes in the image's pixels.

    Raises TextReaderUnavailable when the reader cannot run; an empty list means the
    reader looked and found no text.
    """
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    small = fit_within(rgb, DETECT_SIDE)
    scale = rgb.width / small.width
    with _reader_lock:
        reader = _reader()
        quads = _find_lines(reader, small)
        items = [_read_line(reader, rgb, quad * scale) for quad in quads]
    found = [item for item in items if item is not None]
    return sorted(found, key=lambda item: (item.box[1], item.box[0]))


_engine: Any = None
_reader_lock = threading.Lock()  # the library keeps per-call settings on the engine


def model_files() -> list[Path]:
    """The three model files the reader needs; all must be there."""
    try:
        import rapidocr
    except ImportError as exc:
        raise TextReaderUnavailable(_unavailable()) from exc
    folder = Path(rapidocr.__file__).resolve().parent / "models"
    return [folder / DETECT_MODEL, folder / READ_MODEL, folder / TURN_MODEL]


def _reader() -> Any:
    """Made once, on first use, from the model files by path (never fetched)."""
    global _engine
    if _engine is not None:
        return _engine
    files = model_files()
    if not all(path.is_file() for path in files):
        raise TextReaderUnavailable(_unavailable())
    detect, read, turn = (str(path) for path in files)
    try:
        from rapidocr import RapidOCR

        _engine = RapidOCR(params={
            "Global.log_level": "error", "Global.use_cls": False,
            "Global.max_side_len": DETECT_SIDE, "Global.text_score": MIN_SCORE,
            "Det.model_path": detect, "Rec.model_path": read, "Cls.model_path": turn})
    except Exception as exc:
        raise TextReaderUnavailable(_unavailable()) from exc
    return _engine


def _unavailable() -> str:
    return translate("PhotoText",
                     "The text reader is missing or damaged, so text written in photos cannot "
                     "be checked for children's names. Reinstall St Peter's Desk.")


def _bgr(image: Image.Image) -> NDArray[np.uint8]:
    return np.ascontiguousarray(np.asarray(image)[:, :, ::-1])


def _find_lines(reader: Any, image: Image.Image) -> list[NDArray[np.float32]]:
    """The lines of text found, each as four corners in the image's pixels."""
    found = reader(_bgr(image), use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(found, "boxes", None)
    if boxes is None:
        return []
    return [np.asarray(quad, dtype=np.float32).reshape(4, 2) for quad in boxes]


def _read_line(reader: Any, image: Image.Image, quad: NDArray[np.float32]) -> TextItem | None:
    """Read one line from the full-size pixels; None when nothing readable is there."""
    from rapidocr.utils.process_img import get_rotate_crop_image

    line = get_rotate_crop_image(_bgr_region(image, quad), _local(quad))
    result = reader(line, use_det=False, use_cls=False, use_rec=True)
    texts, scores = getattr(result, "txts", None), getattr(result, "scores", None)
    if not texts or not scores or scores[0] < MIN_SCORE:
        return None
    text = str(texts[0]).strip()
    if sum(character.isalnum() for character in text) < MIN_CHARACTERS:
        return None  # a stray mark: a colour edge read as "1" or "_"
    return TextItem(text, _padded_box(quad, image.size), float(scores[0]))


def _bounds(quad: NDArray[np.float32], size: tuple[int, int]) -> tuple[int, int, int, int]:
    left = max(0, int(np.floor(quad[:, 0].min())))
    top = max(0, int(np.floor(quad[:, 1].min())))
    right = min(size[0], int(np.ceil(quad[:, 0].max())))
    bottom = min(size[1], int(np.ceil(quad[:, 1].max())))
    return (left, top, max(left + 1, right), max(top + 1, bottom))


def _bgr_region(image: Image.Image, quad: NDArray[np.float32]) -> NDArray[np.uint8]:
    """Only the part of the photo around the line: the crop never copies the whole photo."""
    return _bgr(image.crop(_bounds(quad, image.size)))


def _local(quad: NDArray[np.float32]) -> NDArray[np.float32]:
    """The corners relative to the region cut out by _bgr_region."""
    origin = np.array([max(0.0, float(np.floor(quad[:, 0].min()))),
                       max(0.0, float(np.floor(quad[:, 1].min())))], dtype=np.float32)
    return np.ascontiguousarray(quad - origin, dtype=np.float32)


def _padded_box(quad: NDArray[np.float32], size: tuple[int, int]) -> tuple[int, int, int, int]:
    left, top, right, bottom = _bounds(quad, size)
    height = float(np.linalg.norm(quad[0] - quad[3]))
    pad = max(2, round(height * BOX_PADDING))
    left, top = max(0, left - pad), max(0, top - pad)
    right, bottom = min(size[0], right + pad), min(size[1], bottom + pad)
    return (left, top, right - left, bottom - top)


# ---------------------------------------------------------------------------------------
# Checking what was read


def names_in_read_text(guard: NameGuard, text: str) -> list[NameFinding]:
    """The name guard on one line read from a photo: the one place this module asks it.

    check_read_text allows one misread letter in names of five letters or more
    ("Olivla" for Olivia), as a reader misreads print now and then.
    """
    return guard.check_read_text(text)


def check_photo_text(items: Iterable[TextItem], guard: NameGuard) -> PhotoText:
    """Each line read, run through the name guard: which hold a pupil's name.

    A word the reader found in two pieces side by side ("The" and "eodore" for a
    handwritten-looking "Theodore") is checked joined up too, as one box over both.
    """
    lines = tuple(items)
    names = []
    for item in lines:
        findings = tuple(names_in_read_text(guard, item.text))
        if findings:
            names.append(WrittenName(item, findings))
    named = {name.item for name in names}
    for joined in _split_words(lines):
        findings = tuple(names_in_read_text(guard, joined.text))
        parts = _parts_of(joined, lines)
        if findings and not named & set(parts):
            names.append(WrittenName(joined, findings))
            named.update(parts)
            lines = tuple(sorted((*(item for item in lines if item not in parts), joined),
                                 key=lambda item: (item.box[1], item.box[0])))
    names.sort(key=lambda name: lines.index(name.item))
    return PhotoText(lines, tuple(names))


def _split_words(lines: Sequence[TextItem]) -> list[TextItem]:
    """Single words read side by side on one line, joined: one word found in two boxes."""
    words = [item for item in lines if len(item.text.split()) == 1]
    joined = []
    for left in words:
        for right in words:
            if right is not left and _next_on_the_line(left.rect, right.rect):
                joined.append(TextItem(left.text + right.text, _union(left.rect, right.rect),
                                       min(left.score, right.score)))
    return joined


def _next_on_the_line(left: Rect, right: Rect) -> bool:
    """right starts where left ends (a gap under half a letter's height), on the same line."""
    overlap = min(left.y + left.h, right.y + right.h) - max(left.y, right.y)
    height = min(left.h, right.h)
    gap = right.x - (left.x + left.w)
    return overlap > 0.6 * height and -0.5 * left.w < gap < 0.5 * height and left.x < right.x


def _union(a: Rect, b: Rect) -> tuple[int, int, int, int]:
    left, top = min(a.x, b.x), min(a.y, b.y)
    right, bottom = max(a.x + a.w, b.x + b.w), max(a.y + a.h, b.y + b.h)
    return (left, top, right - left, bottom - top)


def _parts_of(joined: TextItem, lines: Sequence[TextItem]) -> list[TextItem]:
    box = joined.rect
    return [item for item in lines if _covered_share(item.rect, [box]) >= COVERED_SHARE]


def uncovered_names(names: Sequence[WrittenName], regions: Iterable[Rect]) -> list[WrittenName]:
    """The names to cover that the regions do not yet hide (COVERED_SHARE of each box)."""
    showing = set(uncovered([name.item for name in names if name.blocks], regions))
    return [name for name in names if name.item in showing]


def uncovered(items: Sequence[TextItem], regions: Iterable[Rect]) -> list[TextItem]:
    """The lines of text the regions do not yet hide (COVERED_SHARE of each box)."""
    rects = list(regions)
    return [item for item in items if _covered_share(item.rect, rects) < COVERED_SHARE]


def _covered_share(box: Rect, regions: Sequence[Rect]) -> float:
    """How much of the box the regions cover together (they may overlap each other)."""
    if box.w <= 0 or box.h <= 0:
        return 1.0
    covered = np.zeros((box.h, box.w), dtype=bool)
    for region in regions:
        left, top = max(box.x, region.x), max(box.y, region.y)
        right = min(box.x + box.w, region.x + region.w)
        bottom = min(box.y + box.h, region.y + region.h)
        if right > left and bottom > top:
            covered[top - box.y:bottom - box.y, left - box.x:right - box.x] = True
    return float(covered.mean())
