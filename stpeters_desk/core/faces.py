"""Finding faces in a photo before it can be posted, on this computer and offline.

Missing a child's face is the worst failure this app can make, so detection leans towards
finding too much: staff remove a wrong box in a second, but a missed face goes to X.
The detector is CenterFace (resources/models/README.md says where it comes from), run
with onnxruntime in 8 bits, which the CPU's integer instructions run about 1.8 times as
fast as the 32-bit original. One pass over a whole 12 MP photo would need about 3 GB and
still miss faces 16–32 px tall at the back of a class photo, so detection runs in four
steps:

1. a coarse pass over the whole photo made small, for faces close to the camera;
2. a fine pass in overlapping tiles of about 2 MP over a working copy of about 6 MP:
   a 12 MP photo made smaller (memory stays about 450 MB at the peak), a small or
   downscaled photo made up to twice as big, so that its 16 px faces reach the 24 px
   or so the model finds reliably; its weak maybes go on to step 4, and in a copy not
   enlarged 1.5 times the small ones also become candidates for step 3;
3. each small candidate is cut from the full photo, enlarged 1–3 times and checked
   again, which is what finds the 16–24 px faces that a reduced working copy shrinks
   below what the model sees (an enlarged copy does not need it: there it found no
   more faces and added false alarms);
4. every maybe the steps above scored too low to show gets a second opinion: a square
   four times its size, centred on it, enlarged, looked at as it is and mirrored. A
   real face centred like that scores higher and a button or a knuckle lower, so a
   maybe whose combined score passes is shown "to check" (low_confidence).

benchmarks/faces.py scores this on hard group photos (faces turned, tilted, in every
skin tone, shaded, blurred, partly covered, through a phone's noise and a middling
JPEG), on scenes and a portrait that no setting was chosen on. Without step 2's
enlargement and step 4 the detector found 81.5 % of their faces 16–32 px tall, 94.8 %
of those 32–64 px and 98.4 % of larger ones (much as CenterFace does on public crowd
benchmarks); now 96.3 %, 99.0 % and 99.2 %, with 18 false alarms per photo of some
300 faces (6.6 before), all shown to check. This costs 1.6 times the CPU time on those
crowded 12 MP scenes, 1.3 times on the photos under 1,500 px, and about the same on
benchmarks/photos.py's 12 MP class photo (2.00 s of CPU against 2.01 s on a busy
machine). On the easy set (upright, clean faces) it still finds 97 % of faces 16–32 px
(140 of 144), with 14 false alarms in 160 faces (11 before). A mirrored fine pass was
tried too: once maybes get a second look it found no more faces, for 0.7 s more CPU
time per crowded small photo.

The model loads on first use (onnxruntime is a heavy import) and stays loaded.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from stpeters_desk.core.paths import resources_dir

if TYPE_CHECKING:
    import onnxruntime  # type: ignore[import-untyped, unused-ignore]

MODEL_FILE = "centerface.onnx"  # 8-bit, derived by scripts/quantize_face_model.py
MODEL_INPUT = "pixels"  # N x 3 x H x W uint8 RGB
STRIDE = 4  # CenterFace's heatmap has one cell per 4 x 4 input pixels
MULTIPLE = 32  # its input sides must be multiples of this


class FaceDetectorUnavailable(Exception):
    """The model file is missing or damaged: no photo may go out unchecked, so say so."""


@dataclass(frozen=True)
class FaceBox:
    """A face (padded to cover hair and chin) in pixels of the image it was found in.

    low_confidence marks a box the detector is unsure of: the Photos tab shows it
    differently and staff must keep or remove it; the batch command covers it anyway.
    """

    x: int
    y: int
    w: int
    h: int
    score: float
    low_confidence: bool = False

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Pillow's (left, top, right, bottom)."""
        return (self.x, self.y, self.x + self.w, self.y + self.h)


@dataclass(frozen=True)
class DetectionSettings:
    """The app's defaults, chosen with benchmarks/faces.py (see its figures)."""

    sure_threshold: float = 0.5  # at or above: a face
    review_threshold: float = 0.3  # from here up to sure: shown for staff to check
    maybe_threshold: float = 0.1  # from here up to review: gets a second opinion
    second_opinion_threshold: float = 0.15  # a maybe scoring this on its second look: shown
    second_look_size: int = 128  # each maybe is looked at again on a square this big
    smallest_maybe: float = 12.0  # a weak maybe shorter than this (unpadded) is dropped
    max_second_looks: int = 512  # a bound on step 4's time (about 0.6 s of CPU at most)
    # weak maybes worth a closer look (step 3); below 0.01 for the 8-bit model's rounding
    candidate_threshold: float = 0.007
    working_pixels: int = 6_000_000  # the fine pass's working copy (0.7 of a 12 MP side)
    max_enlargement: float = 2.0  # a photo under 6 MP is enlarged towards it, up to this
    # a working copy enlarged this much shows small faces big enough: no step 3 for it
    no_closer_look_from: float = 1.5
    tile_pixels: int = 2_000_000  # one piece of the fine pass: bounds the model's memory
    tile_overlap: int = 128  # wider than the largest face the fine pass is relied on for
    coarse_side: int = 1024  # the coarse pass's long side is at most this
    small_face: int = 48  # candidates shorter than this (full-size pixels) get step 3
    closer_look_size: int = 120  # each candidate is checked on a square this big
    max_candidates: int = 256  # a bound on step 3's time for very busy photos
    padding: float = 0.25  # added on each side, as a share of the face's width and height
    overlap_iou: float = 0.3  # boxes overlapping more than this are the same face


DEFAULT_SETTINGS = DetectionSettings()


@dataclass(frozen=True)
class _Detection:
    """A raw face box in pixels of the full image, before padding: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float
    score: float


def detect_faces(image: Image.Image,
                 settings: DetectionSettings = DEFAULT_SETTINGS) -> list[FaceBox]:
    """Every face found, sure ones and ones to check, padded, in pixels of `image`."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    working, scale = _working_copy(rgb, settings)
    found = _coarse_pass(working, scale, settings)
    fine, candidates = _fine_pass(working, scale, settings)
    found += fine
    found += _not_inside_a_face_found(_closer_look(rgb, candidates, settings), found, settings)
    maybes = _same_face_once([d for d in found if d.score >= settings.maybe_threshold],
                             settings.overlap_iou)
    shown = [d for d in maybes if d.score >= settings.review_threshold]
    weak = sorted((d for d in maybes
                   if d.score < settings.review_threshold and d.h >= settings.smallest_maybe),
                  key=lambda d: -d.score)[:settings.max_second_looks]
    rescued = [d for d in _second_opinion(rgb, weak, settings)
               if d.score >= settings.second_opinion_threshold]
    boxes = [_padded(d, rgb.size, settings) for d in shown]
    boxes += [_padded(d, rgb.size, settings, unsure=True) for d in rescued]
    return sorted(boxes, key=lambda box: (box.y, box.x))


# ---------------------------------------------------------------------------------------
# The model


_session: onnxruntime.InferenceSession | None = None
_session_lock = threading.Lock()


def model_path() -> Path:
    return resources_dir() / "models" / MODEL_FILE


def _model() -> onnxruntime.InferenceSession:
    """Loaded once, on first use, and shared by every thread (a session's run is thread-safe)."""
    global _session
    with _session_lock:
        if _session is None:
            import onnxruntime  # type: ignore[import-untyped, unused-ignore]

            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3  # errors only: no chatter on the console
            # Tile and batch shapes vary from photo to photo; planning memory per shape
            # costs more than it saves here, and skipping it lowers the peak.
            options.enable_mem_pattern = False
            # Threads that spin while waiting for work keep a core busy between runs; on a
            # two-core PC that core is the one the window and the photo's decoding need.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            try:
                _session = onnxruntime.InferenceSession(
                    str(model_path()), options, providers=["CPUExecutionProvider"])
            except Exception as exc:  # onnxruntime raises its own types for a bad file
                raise FaceDetectorUnavailable(
                    f"The face detector cannot start: its model {model_path()} is missing "
                    "or damaged. Reinstall St Peter's Desk; until then cover faces by hand."
                ) from exc
        return _session


def _run(batch: np.ndarray) -> list[np.ndarray]:
    """The model's heatmap, box sizes and offsets for a batch of N x 3 x H x W RGB pixels."""
    outputs: list[np.ndarray] = _model().run(["537", "538", "539"], {MODEL_INPUT: batch})
    return outputs


def _to_input(pixels: np.ndarray) -> np.ndarray:
    """H x W x 3 to 3 x H' x W', still uint8, padded with black to multiples of 32."""
    height, width = pixels.shape[:2]
    padded = np.zeros((3, _round_up(height), _round_up(width)), dtype=np.uint8)
    padded[:, :height, :width] = pixels.transpose(2, 0, 1)
    return padded


def _round_up(value: int) -> int:
    return max(MULTIPLE, math.ceil(value / MULTIPLE) * MULTIPLE)


# ---------------------------------------------------------------------------------------
# Reading the heatmap


def _peaks(heatmap: np.ndarray, sizes: np.ndarray, offsets: np.ndarray,
           threshold: float) -> list[_Detection]:
    """Local maxima of one heatmap above threshold, as boxes in the model input's pixels."""
    padded = np.pad(heatmap, 1, constant_values=-1.0)
    neighbourhood = np.max(np.stack([
        padded[1 + dy:1 + dy + heatmap.shape[0], 1 + dx:1 + dx + heatmap.shape[1]]
        for dy in (-1, 0, 1) for dx in (-1, 0, 1)]), axis=0)
    rows, cols = np.nonzero((heatmap >= neighbourhood) & (heatmap > threshold))
    heights = np.exp(sizes[0, rows, cols]) * STRIDE
    widths = np.exp(sizes[1, rows, cols]) * STRIDE
    centre_y = (rows + offsets[0, rows, cols] + 0.5) * STRIDE
    centre_x = (cols + offsets[1, rows, cols] + 0.5) * STRIDE
    return [_Detection(float(cx - w / 2), float(cy - h / 2), float(w), float(h), float(s))
            for cx, cy, w, h, s in zip(centre_x, centre_y, widths, heights,
                                       heatmap[rows, cols], strict=True)]


def _moved(detection: _Detection, left: float, top: float, scale: float) -> _Detection:
    """From a model input's pixels (a piece at left, top, enlarged by scale) to the image's."""
    return _Detection(left + detection.x / scale, top + detection.y / scale,
                      detection.w / scale, detection.h / scale, detection.score)


# ---------------------------------------------------------------------------------------
# The three steps


def _coarse_pass(working: Image.Image, scale: float,
                 settings: DetectionSettings) -> list[_Detection]:
    """The whole photo small, for faces too big to fit in one tile of the fine pass."""
    factor = math.ceil(max(working.size) / settings.coarse_side)
    if factor <= 1:
        return []  # the fine pass sees the whole working copy in one piece anyway
    small = working.reduce(factor)  # averages factor x factor blocks: fast, and no aliasing
    heatmap, sizes, offsets = _run(_to_input(np.asarray(small))[None])
    return [_moved(d, 0, 0, scale * small.width / working.width)
            for d in _peaks(heatmap[0, 0], sizes[0], offsets[0], settings.maybe_threshold)]


def _working_copy(image: Image.Image, settings: DetectionSettings
                  ) -> tuple[Image.Image, float]:
    """The photo at about working_pixels, and its scale from the full size.

    A 12 MP photo is made smaller (its 16 px faces are left to the closer look); a small
    or downscaled one is made up to max_enlargement times as big, so that faces 16 px
    tall in it reach the size the model finds reliably.
    """
    scale = min(settings.max_enlargement,
                math.sqrt(settings.working_pixels / (image.width * image.height)))
    if abs(scale - 1.0) < 0.05:
        return image, 1.0
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return _resized(image, size), scale


def _resized(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Bilinear, in horizontal strips on every core: a 12 MP photo takes 60 ms on one.

    Each strip is resized from its own box of the photo, so the result is the same as
    one resize of the whole (at most one level apart where rounding differs).
    """
    width, height = size
    strips = max(1, min(os.cpu_count() or 1, 4, height))
    bounds = [round(index * height / strips) for index in range(strips + 1)]
    ratio = image.height / height

    def strip(top: int, bottom: int) -> Image.Image:
        return image.resize((width, bottom - top), Image.Resampling.BILINEAR,
                            box=(0, top * ratio, image.width, bottom * ratio),
                            reducing_gap=2.0)

    if strips == 1:
        return strip(0, height)
    with ThreadPoolExecutor(strips) as pool:  # Pillow lets go of the GIL while resizing
        pieces = list(pool.map(strip, bounds[:-1], bounds[1:]))
    resized = Image.new(image.mode, size)
    for top, piece in zip(bounds, pieces, strict=False):
        resized.paste(piece, (0, top))
    return resized


def _fine_pass(working: Image.Image, scale: float, settings: DetectionSettings
               ) -> tuple[list[_Detection], list[_Detection]]:
    """Tiles over the working copy: (faces worth keeping, small maybes for a closer look)."""
    pixels = np.asarray(working)
    found: list[_Detection] = []
    candidates: list[_Detection] = []
    for left, top, right, bottom in _tiles(working.size, settings.tile_pixels,
                                           settings.tile_overlap):
        heatmap, sizes, offsets = _run(_to_input(pixels[top:bottom, left:right])[None])
        for peak in _peaks(heatmap[0, 0], sizes[0], offsets[0], settings.candidate_threshold):
            detection = _moved(peak, left / scale, top / scale, scale)
            if detection.score >= settings.sure_threshold:
                found.append(detection)
                continue
            if detection.h < settings.small_face and scale < settings.no_closer_look_from:
                candidates.append(detection)
            if detection.score >= settings.maybe_threshold:
                found.append(detection)  # step 4 gives it a second look
    return found, _worth_a_closer_look(candidates, found, settings)


def _worth_a_closer_look(candidates: list[_Detection], found: list[_Detection],
                         settings: DetectionSettings) -> list[_Detection]:
    """The strongest candidates, skipping any inside a sure face or near a stronger one.

    A closer look cuts a square around its candidate, so a weaker candidate near the
    middle of a stronger one's square is checked by that square already.
    """
    chosen: list[_Detection] = []
    sure = [d for d in found if d.score >= settings.sure_threshold]
    for candidate in sorted(candidates, key=lambda d: -d.score):
        x, y = candidate.x + candidate.w / 2, candidate.y + candidate.h / 2
        if any(_contains(face, x, y) for face in sure):
            continue
        if any(_near(other, x, y) for other in chosen):
            continue
        chosen.append(candidate)
        if len(chosen) == settings.max_candidates:
            break
    return chosen


def _not_inside_a_face_found(closer: list[_Detection], found: list[_Detection],
                             settings: DetectionSettings) -> list[_Detection]:
    """A closer look's find centred inside a bigger face found already is that face again.

    A square cut next to a big face can hold part of it, which the model may take for a
    small face of its own; no real face has its centre inside another, much bigger one.
    A find about as big as the face around it is that face seen better (the first pass's
    weak guess at a small face is often a little too big): it is kept, and merging
    keeps the surer of the two.
    """
    shown = [d for d in found if d.score >= settings.review_threshold]
    return [d for d in closer
            if not any(face.h > 1.4 * d.h and _contains(face, d.x + d.w / 2, d.y + d.h / 2)
                       for face in shown)]


def _contains(d: _Detection, x: float, y: float) -> bool:
    return d.x <= x <= d.x + d.w and d.y <= y <= d.y + d.h


def _near(d: _Detection, x: float, y: float) -> bool:
    """Within a quarter of the closer look's square around d's centre."""
    reach = _cut_size(d) / 4
    return abs(d.x + d.w / 2 - x) <= reach and abs(d.y + d.h / 2 - y) <= reach


def _tiles(size: tuple[int, int], max_pixels: int, overlap: int
           ) -> list[tuple[int, int, int, int]]:
    """Overlapping pieces covering the image: left, top, right, bottom.

    The model's time grows with the pixels it is given, padding included, so of the
    grids whose pieces stay under max_pixels (which bounds memory) the one with the
    fewest pixels in all is chosen, with piece sides that are multiples of 32.
    """
    width, height = size
    best: tuple[int, int, int, int, int] | None = None  # total, columns, rows, width, height
    for columns in range(1, 1 + math.ceil(width / MULTIPLE)):
        piece_w = _piece(width, columns, overlap)
        rows = 1
        while piece_w * _piece(height, rows, overlap) > max_pixels and rows * MULTIPLE < height:
            rows += 1
        piece_h = _piece(height, rows, overlap)
        total = columns * rows * piece_w * piece_h
        if piece_w * piece_h <= max_pixels and (best is None or total < best[0]):
            best = (total, columns, rows, piece_w, piece_h)
        if piece_w <= MULTIPLE:
            break
    if best is None:  # only for absurd settings: one piece per 32-pixel square
        best = (0, math.ceil(width / MULTIPLE), math.ceil(height / MULTIPLE), MULTIPLE, MULTIPLE)
    _, columns, rows, piece_w, piece_h = best
    piece_w, piece_h = min(piece_w, width), min(piece_h, height)
    return [(left, top, left + piece_w, top + piece_h)
            for top in _starts(height, piece_h, rows) for left in _starts(width, piece_w, columns)]


def _piece(length: int, count: int, overlap: int) -> int:
    """The side of `count` pieces that cover `length` with `overlap` between neighbours."""
    return _round_up(math.ceil((length + (count - 1) * overlap) / count))


def _starts(length: int, piece: int, count: int) -> list[int]:
    """`count` evenly spaced starts of pieces that together cover `length`."""
    if count <= 1 or length <= piece:
        return [0]
    step = (length - piece) / (count - 1)
    return [round(index * step) for index in range(count)]


def _closer_look(image: Image.Image, candidates: Sequence[_Detection],
                 settings: DetectionSettings, batch_size: int = 16) -> list[_Detection]:
    """Each small maybe cut from the full photo and enlarged to about 40 px tall, then checked.

    The square cut is three times the candidate's face, so a face whose first estimate
    was a little off still falls inside it.
    """
    found: list[_Detection] = []
    side = settings.closer_look_size
    for start in range(0, len(candidates), batch_size):
        chunk = candidates[start:start + batch_size]
        cuts = [_cut(candidate, settings) for candidate in chunk]
        batch = np.stack([_to_input(np.asarray(image.crop(cut).resize(
            (side, side), Image.Resampling.BILINEAR))) for cut in cuts])
        heatmaps, sizes, offsets = _run(batch)
        for index, cut in enumerate(cuts):
            scale = side / (cut[2] - cut[0])
            peaks = _peaks(heatmaps[index, 0], sizes[index], offsets[index],
                           settings.maybe_threshold)
            found += [_moved(peak, cut[0], cut[1], scale) for peak in peaks]
    return found


def _cut_size(candidate: _Detection, small_face: int = DEFAULT_SETTINGS.small_face) -> int:
    """Three times the candidate's face, within limits: room for a first estimate that is off.

    Four times found fewer faces (less of the square is face, more is clutter) and
    costs 1.8 times the model's work per candidate.
    """
    face = min(max(candidate.w, candidate.h), 0.75 * small_face)
    return round(3 * max(12.0, face))


def _cut(candidate: _Detection, settings: DetectionSettings) -> tuple[int, int, int, int]:
    """A square around a candidate, sized so its face would be about a third of it."""
    size = _cut_size(candidate, settings.small_face)
    centre_x = candidate.x + candidate.w / 2
    centre_y = candidate.y + candidate.h / 2
    left, top = round(centre_x - size / 2), round(centre_y - size / 2)
    return (left, top, left + size, top + size)


def _second_opinion(image: Image.Image, maybes: Sequence[_Detection],
                    settings: DetectionSettings, batch_size: int = 16) -> list[_Detection]:
    """Each maybe looked at again, centred and enlarged, as it is and mirrored: its new score.

    The first passes see a small face off-centre in a big tile, where a knuckle or a
    button can score like a blurred face. Centred in a square four times its size, a
    real face scores higher and the rest lower, and mirroring evens out the model's
    left-right quirks. The new score averages the two looks and the first score (counted
    twice) as log-odds: on benchmarks/faces.py's hard tuning scenes this tells faces from
    clutter much better than the first score alone or the looks alone.
    """
    checked: list[_Detection] = []
    side = settings.second_look_size
    centre = side // (2 * STRIDE)
    reach = max(1, round(side / 4 / 2 / STRIDE * 0.6))  # within 60 % of the face's half
    for start in range(0, len(maybes), batch_size):
        chunk = maybes[start:start + batch_size]
        looks = np.stack([_to_input(np.asarray(image.crop(_look(d)).resize(
            (side, side), Image.Resampling.BILINEAR))) for d in chunk])
        heatmaps = _run(np.concatenate([looks, looks[:, :, :, ::-1]]))[0][:, 0]
        middles = heatmaps[:, centre - reach:centre + reach, centre - reach:centre + reach]
        scores = middles.reshape(len(heatmaps), -1).max(axis=1)
        for index, detection in enumerate(chunk):
            odds = (_log_odds(float(scores[index])) + _log_odds(float(scores[index + len(chunk)]))
                    + 2 * _log_odds(detection.score)) / 4
            checked.append(_Detection(detection.x, detection.y, detection.w, detection.h,
                                      1 / (1 + math.exp(-odds))))
    return checked


def _log_odds(probability: float) -> float:
    probability = min(max(probability, 1e-4), 1 - 1e-4)
    return math.log(probability / (1 - probability))


def _look(detection: _Detection) -> tuple[int, int, int, int]:
    """A square four times the face's height around its centre."""
    size = round(4 * max(12.0, detection.h))
    left = round(detection.x + detection.w / 2 - size / 2)
    top = round(detection.y + detection.h / 2 - size / 2)
    return (left, top, left + size, top + size)


# ---------------------------------------------------------------------------------------
# Merging and padding


def _same_face_once(detections: list[_Detection], iou_limit: float) -> list[_Detection]:
    """Greedy non-maximum suppression: of boxes that overlap a lot, the surest stays."""
    if not detections:
        return []
    boxes = np.array([(d.x, d.y, d.x + d.w, d.y + d.h) for d in detections], dtype=np.float64)
    scores = np.array([d.score for d in detections])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    order = list(np.argsort(-scores))
    kept = []
    while order:
        best = order.pop(0)
        kept.append(detections[best])
        if not order:
            break
        rest = np.array(order)
        width = np.clip(np.minimum(boxes[best, 2], boxes[rest, 2])
                        - np.maximum(boxes[best, 0], boxes[rest, 0]), 0, None)
        height = np.clip(np.minimum(boxes[best, 3], boxes[rest, 3])
                         - np.maximum(boxes[best, 1], boxes[rest, 1]), 0, None)
        overlap = width * height
        union = areas[best] + areas[rest] - overlap
        smaller = np.minimum(areas[best], areas[rest])
        # A box mostly inside another of a similar size is the same face seen twice; a
        # much smaller box inside a bigger one may be a child's face behind someone, kept.
        similar = smaller / np.maximum(areas[best], areas[rest]) >= 0.25
        same = (overlap / union > iou_limit) | ((overlap / smaller > 0.8) & similar)
        order = [int(index) for index, drop in zip(rest, same, strict=True) if not drop]
    return kept


def _padded(detection: _Detection, size: tuple[int, int], settings: DetectionSettings,
            unsure: bool = False) -> FaceBox:
    """Grown on every side to take in hair, ears and chin, then kept inside the image."""
    pad_x, pad_y = detection.w * settings.padding, detection.h * settings.padding
    left = max(0, math.floor(detection.x - pad_x))
    top = max(0, math.floor(detection.y - pad_y))
    right = min(size[0], math.ceil(detection.x + detection.w + pad_x))
    bottom = min(size[1], math.ceil(detection.y + detection.h + pad_y))
    return FaceBox(left, top, max(1, right - left), max(1, bottom - top),
                   round(detection.score, 3),
                   low_confidence=unsure or detection.score < settings.sure_threshold)
