"""The one way a photo becomes a file fit for X, for the Photos tab and ``photos prepare``.

Both paths make an ``EditState`` (the tab from what a person chose, the batch command
from what the detector and the text reader found) and hand it here:

1. **cover** every region, in pixels of the photo as opened (upright, before any turn);
2. **turn**, **straighten** and **crop** what is left;
3. **export**: metadata gone, re-encoded within X's limits.

Why cover before cropping, in the photo's own coordinates: the detector and the text
reader look at the whole photo, so a face or a name badge cut by the crop's edge is still
found whole and covered (cropping first can leave half a face the detector no longer
recognises); the regions a person checked stay valid whatever crop, turn or straightening
is chosen afterwards, with no re-detection; and covering happens before straightening
resamples the pixels, so a region is a plain rectangle, never a tilted approximation.

A photo whose faces were not looked for is refused here (``require_faces_looked_for``),
and ``PhotoLibrary.add`` asks the same: the detector looked at it, or a person turned the
search off for it (a photo with no people, or the detector unavailable and every face
covered by hand). Stopped, failed or not yet started is never enough.

``expand_photo_inputs`` is the one way a dropped or named folder becomes its photos.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stpeters_desk.core.images import (
    CoverStyle,
    CropPreset,
    ExportedPhoto,
    OpenedPhoto,
    Rect,
    cover_regions,
    crop,
    export_photo,
    rotate_quarter,
    straighten,
)
from stpeters_desk.core.photo_rules import FaceCheck, FacesNotLookedFor, require_faces_looked_for

if TYPE_CHECKING:
    from PIL import Image

    from stpeters_desk.core.faces import FaceBox
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.photo_edit import EditState
    from stpeters_desk.core.photo_text import PhotoText, TextItem

Detector = Callable[["Image.Image"], "Sequence[FaceBox]"]
TextReader = Callable[["Image.Image"], "Sequence[TextItem]"]

SKIPPED_NAMES = {"thumbs.db", "desktop.ini"}  # what Windows leaves in photo folders
__all__ = ["FaceCheck", "FacesNotLookedFor", "automatic_edit", "expand_photo_inputs",
           "export_edit", "render_photo", "require_faces_looked_for"]


def expand_photo_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Files as given; a folder's visible files in name order (not its subfolders, hidden
    files or what Windows leaves there)."""
    found: list[Path] = []
    for path in inputs:
        if not path.is_dir():
            found.append(path)
            continue
        found.extend(child for child in sorted(path.iterdir(), key=lambda p: p.name.lower())
                     if child.is_file() and not child.name.startswith(".")
                     and child.name.lower() not in SKIPPED_NAMES)
    return found


def render_photo(image: Image.Image, state: EditState) -> Image.Image:
    """Cover first (in pixels of the photo as opened), then turn, straighten and crop."""
    result = cover_regions(image, [region.rect for region in state.regions], state.style)
    for _ in range(state.quarter_turns % 4):
        result = rotate_quarter(result)
    result = straighten(result, state.straighten)
    return crop(result, state.crop) if state.crop is not None else result


def export_edit(photo: OpenedPhoto, state: EditState, faces: FaceCheck) -> ExportedPhoto:
    """The prepared file: refused unless the faces were looked for; covered, turned,
    cropped, without metadata, within X's limits."""
    require_faces_looked_for(faces)
    return export_photo(render_photo(photo.image, state), photo.metadata,
                        keep_png=photo.looks_like_screenshot)


@dataclass(frozen=True)
class AutomaticEdit:
    """What ``photos prepare`` decides with no one there: the edit, and what it found."""

    state: EditState
    faces: FaceCheck
    faces_found: tuple[FaceBox, ...]
    text: PhotoText | None
    text_covered: tuple[TextItem, ...]


def automatic_edit(image: Image.Image, preset: CropPreset, *, detector: Detector | None,
                   style: CoverStyle = CoverStyle.SOLID, reader: TextReader | None = None,
                   guard: NameGuard | None = None) -> AutomaticEdit:
    """Faces and text found in the whole photo, covered; the crop centred to the preset.

    ``detector`` None: the person running the command chose not to look for faces. With a
    guard the text is read and every line that may hold a pupil's name is covered (every
    line read, when the guard has no roster); guard None reads no text.
    """
    from stpeters_desk.core.photo_edit import EditState, Region, ViewGeometry, crop_for
    from stpeters_desk.core.photo_text import check_photo_text

    faces = tuple(detector(image)) if detector is not None else ()
    text = None
    if guard is not None:
        read = reader if reader is not None else _find_text
        text = check_photo_text(list(read(image)), guard)
    hidden = tuple(_text_to_cover(text, guard))
    regions = tuple(Region(Rect(f.x, f.y, f.w, f.h), detected=True, accepted=True)
                    for f in faces) + tuple(Region(item.rect, text=True) for item in hidden)
    state = EditState(preset=preset, crop=crop_for(ViewGeometry(*image.size), preset),
                      regions=regions, style=style, detection_on=detector is not None)
    check = FaceCheck.LOOKED if detector is not None else FaceCheck.TURNED_OFF
    return AutomaticEdit(state, check, faces, text, hidden)


def _find_text(image: Image.Image) -> list[TextItem]:
    from stpeters_desk.core.photo_text import find_text

    return find_text(image)


def _text_to_cover(text: PhotoText | None, guard: NameGuard | None) -> list[TextItem]:
    """Every line that may hold a pupil's name, even one that is also an everyday word
    (no one is there to decide); every line read when there is no roster to check it with."""
    if text is None or guard is None:
        return []
    if guard.is_empty:
        return list(text.items)
    return [name.item for name in text.names]
