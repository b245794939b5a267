"""Photos on their way to X: open safely, crop, rotate, cover regions, export without metadata.

A photo of children is the school account's biggest risk, so this module is deliberately
strict. It opens only JPEG, PNG and HEIC/HEIF (iPads), applies the camera's orientation
first so everything after works on the picture as people see it, and refuses corrupt,
truncated, unsupported and oversized files with a message that names the file and says
what to do. Covering is irreversible (a solid fill, or a coarse mosaic with noise), and
an export is re-encoded from pixels alone, so nothing the camera recorded (the place, the
time, the device) can reach X. Pure Python and Pillow: no Qt, so the batch command and
the Photos tab share it.
"""

from __future__ import annotations

import io
import math
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import ExifTags, Image, ImageDraw, ImageOps, UnidentifiedImageError

from stpeters_desk.i18n import translate

if TYPE_CHECKING:
    import numpy as np

# A decompression bomb (a small file that claims billions of pixels) must never be decoded.
# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that; the app turns the
# warning into a refusal too, so its one rule is: nothing above MAX_PHOTO_PIXELS is decoded.
# 64 MP is above every iPad and phone camera's normal photo (12–48 MP) and keeps the decoded
# pixels under 256 MB, so opening the largest accepted PNG stays well inside 1 GB.
MAX_PHOTO_PIXELS = 64_000_000
Image.MAX_IMAGE_PIXELS = MAX_PHOTO_PIXELS
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

EXPORT_LONG_SIDE = 4096  # X's largest photo side
EXPORT_MAX_BYTES = 5_000_000  # X's photo limit is 5 MB; 5,000,000 fits either reading of it
JPEG_QUALITIES = (90, 85, 80, 75, 70)
SHRINK_STEP = 0.85  # when the lowest quality is still too big, shrink by this and try again

# Pillow's names for the formats the app accepts. An iPhone or iPad JPEG with a depth map
# or an HDR gain map is read by the JPEG opener too and reports itself as "MPO".
ACCEPTED_FORMATS = ("JPEG", "PNG", "HEIF")
# For an Open dialog's filter; opening goes by the file's content, never by its name.
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".hif")


class PhotoError(Exception):
    """A photo the app will not use; the message names the file and says what to do."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(message)


class UnsupportedPhoto(PhotoError):
    """Not a JPEG, PNG or HEIC, or not a picture at all."""


class DamagedPhoto(PhotoError):
    """Corrupt or cut short (for example a copy that stopped half way)."""


class PhotoTooLarge(PhotoError):
    """More pixels than the app will decode: possibly a decompression bomb."""


# ---------------------------------------------------------------------------------------
# Opening


_formats_ready = False


def _load_formats() -> None:
    """pillow-heif loads when a photo is first opened, not when the app starts."""
    global _formats_ready
    if _formats_ready:
        return
    import pillow_heif

    pillow_heif.register_heif_opener()
    _formats_ready = True


@dataclass
class OpenedPhoto:
    """A photo as people see it (orientation applied, sRGB) with no metadata attached."""

    path: Path
    image: Image.Image
    source_format: str  # "JPEG", "PNG" or "HEIF"
    original_size: tuple[int, int]  # as displayed, before any reduction for working
    metadata: PhotoMetadata

    @property
    def looks_like_screenshot(self) -> bool:
        """A PNG is usually a screenshot: kept as PNG on export so text stays crisp."""
        return self.source_format == "PNG"


def open_photo(path: Path | str, max_long_side: int | None = EXPORT_LONG_SIDE) -> OpenedPhoto:
    """Open, orient and convert to sRGB, no larger than max_long_side (None: full size).

    The default is X's largest side, so the result is also the working copy that is
    checked, covered and exported: a JPEG much larger than that is decoded at a reduced
    scale (Image.draft) instead of in full, which is both faster and lighter.
    """
    path = Path(path)
    _load_formats()
    try:
        source = Image.open(path, formats=ACCEPTED_FORMATS)
    except FileNotFoundError as exc:
        raise PhotoError(path, translate("Photos",
                                         "{file}: the file is not there any more. Check the "
                                         "folder and choose it again.").format(file=path.name)
                         ) from exc
    except PermissionError as exc:
        raise PhotoError(path, translate("Photos",
                                         "{file}: this computer will not let the app read it. "
                                         "Copy it to your Pictures folder and try again.")
                         .format(file=path.name)) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_large(path, _claimed_pixels(exc)) from exc
    except UnidentifiedImageError as exc:
        raise _unidentified(path) from exc
    except Exception as exc:  # Pillow's plugins raise many types on malformed headers
        raise _damaged(path) from exc
    with source:
        return _decode(path, source, max_long_side)


def _decode(path: Path, source: Image.Image, max_long_side: int | None) -> OpenedPhoto:
    if source.width * source.height > MAX_PHOTO_PIXELS:
        raise _too_large(path, source.size)
    source_format = "JPEG" if source.format == "MPO" else str(source.format)
    original_size = _displayed_size(source)
    try:
        if max_long_side is not None and source_format == "JPEG":
            source.draft("RGB", _draft_request(source.size, max_long_side))
        source.load()
        metadata = read_metadata(source)  # after load: a PNG may keep text after its pixels
        ImageOps.exif_transpose(source, in_place=True)  # first, before anything else
        image = _to_srgb(source, metadata)
    except MemoryError as exc:
        raise _too_large(path, source.size) from exc
    except Exception as exc:  # truncated data, broken chunks, bad HEIC boxes
        raise _damaged(path) from exc
    image = fit_within(image, max_long_side) if max_long_side else image
    return OpenedPhoto(path, _pixels_only(image), source_format, original_size, metadata)


def _draft_request(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """The size draft must not go below: the photo scaled so its long side is long_side."""
    scale = min(1.0, long_side / max(size))
    return (math.ceil(size[0] * scale), math.ceil(size[1] * scale))


def _displayed_size(image: Image.Image) -> tuple[int, int]:
    """The full size as people see it: width and height swap for a sideways camera."""
    orientation = _safe_exif(image).get(ExifTags.Base.Orientation, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def open_thumbnail(path: Path | str, long_side: int = 256) -> Image.Image:
    """A small oriented preview for a batch list: a JPEG decodes at 1/8 scale for this."""
    photo = open_photo(path, max_long_side=long_side)
    return photo.image


def _unidentified(path: Path) -> PhotoError:
    """Tell a picture in another format apart from a file that is not a picture at all."""
    try:
        with Image.open(path) as other:
            kind = other.format or "this"
    except Exception:
        return DamagedPhoto(path, translate("Photos",
                                            "{file} is not a photo the app can read: it may be "
                                            "damaged or not a picture at all. Copy it from the "
                                            "iPad or camera again, or choose another photo.")
                            .format(file=path.name))
    return UnsupportedPhoto(path, translate("Photos",
                                            "{file} is a {kind} image, which the app does not "
                                            "take. Save it as JPEG or PNG (or use the iPad's HEIC "
                                            "photo) and open that instead.")
                            .format(file=path.name, kind=kind))


def _damaged(path: Path) -> DamagedPhoto:
    return DamagedPhoto(path, translate("Photos",
                                        "{file} is damaged or incomplete (perhaps a copy that "
                                        "stopped half way). Copy it from the iPad or camera "
                                        "again.").format(file=path.name))


def _too_large(path: Path, size: tuple[int, int] | int | None) -> PhotoTooLarge:
    limit = translate("Photos", "{count} megapixels").format(count=MAX_PHOTO_PIXELS // 1_000_000)
    if size is None:
        claimed = translate("Photos", "far more pixels than any camera photo")
    elif isinstance(size, int):
        claimed = translate("Photos", "{count} megapixels").format(
            count=f"{size / 1_000_000:,.0f}")
    else:
        claimed = translate("Photos", "{width} x {height} pixels").format(
            width=f"{size[0]:,}", height=f"{size[1]:,}")
    return PhotoTooLarge(path, translate("Photos",
                                         "{file} is too large to open safely ({claimed}; the app "
                                         "takes up to {limit}). Resize it on the computer that "
                                         "made it, or set the camera to a smaller photo size.")
                         .format(file=path.name, claimed=claimed, limit=limit))


def _claimed_pixels(error: Exception) -> int | None:
    """Pillow's refusal says how many pixels the file claims, e.g. "(400000000 pixels)"."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    return int(found.group(1)) if found else None


def _to_srgb(image: Image.Image, metadata: PhotoMetadata) -> Image.Image:
    """Pixels in sRGB, RGB or RGBA: an iPad's Display P3 photo is converted, not just untagged.

    Dropping a wide-gamut profile without converting would make the posted photo look
    washed out, and keeping it would carry metadata; converting keeps the colours.
    """
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info) else "RGB"
    icc = image.info.get("icc_profile")
    if image.mode.startswith("I"):  # 16-bit grey PNG: Pillow would clip, not scale, to 8 bits
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    converted = image if image.mode == mode else image.convert(mode)
    if not icc or metadata.colour_profile_is_srgb:
        return converted
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        result = ImageCms.profileToProfile(converted, source, target, outputMode=mode)
    except Exception:  # an unreadable profile: keep the pixels as they are
        return converted
    return result if result is not None else converted


def _pixels_only(image: Image.Image) -> Image.Image:
    """The same pixels with no info, EXIF or profile attached, so nothing can leak on save."""
    image.info = {}
    image._exif = None
    return image


def fit_within(image: Image.Image, long_side: int) -> Image.Image:
    """Scaled down (never up) so the long side is at most long_side."""
    if max(image.size) <= long_side:
        return image
    scale = long_side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


# ---------------------------------------------------------------------------------------
# Metadata: what a photo carries and what export removes


@dataclass(frozen=True)
class PhotoMetadata:
    """What a photo carries besides its pixels, summarised for staff in plain words."""

    camera: str | None = None
    taken: str | None = None
    location: tuple[float, float] | None = None  # latitude, longitude in degrees
    software: str | None = None
    people_and_copyright: str | None = None  # artist, owner, copyright notices
    description: str | None = None
    has_xmp: bool = False
    has_iptc: bool = False
    colour_profile: str | None = None
    colour_profile_is_srgb: bool = False
    comments: tuple[str, ...] = ()
    has_thumbnail: bool = False
    extra_images: int = 0  # depth maps, HDR gain maps, HEIC auxiliary images
    other_exif_tags: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.removal_lines()

    def removal_lines(self) -> list[str]:
        """One plain line per kind of information that export removes."""
        lines = []
        if self.camera:
            lines.append(f"Camera: {self.camera}")
        if self.taken:
            lines.append(f"Date taken: {self.taken}")
        if self.location:
            lines.append(f"Location (GPS): {format_location(*self.location)}")
        if self.software:
            lines.append(f"Software: {self.software}")
        if self.people_and_copyright:
            lines.append(f"Names and copyright: {self.people_and_copyright}")
        if self.description:
            lines.append(f"Description: {self.description}")
        lines.extend(f"Comment: {comment}" for comment in self.comments)
        if self.has_xmp:
            lines.append("XMP data (editing history, captions, keywords)")
        if self.has_iptc:
            lines.append("IPTC data (captions, keywords, credits)")
        if self.colour_profile:
            lines.append(self._profile_line())
        if self.has_thumbnail:
            lines.append("A small preview copy of the original photo")
        if self.extra_images:
            lines.append(f"{self.extra_images} hidden extra image(s) (depth map, HDR or previews)")
        if self.other_exif_tags:
            lines.append(f"{self.other_exif_tags} other camera settings (exposure, lens, ...)")
        return lines

    def removal_kinds(self) -> list[str]:
        """What kinds of information were removed, without their values, for keeping.

        The values (a photographer's or child's name, where the photo was taken)
        are shown to the person preparing the photo and then forgotten: the
        database and the audit log only learn that such a thing was removed.
        """
        kinds = [
            (self.camera, "Camera"), (self.taken, "Date taken"),
            (self.location, "Location (GPS)"), (self.software, "Software"),
            (self.people_and_copyright, "Names and copyright"),
            (self.description, "Description"),
            (self.comments, f"{len(self.comments)} comment(s)"),
            (self.has_xmp, "XMP data (editing history, captions, keywords)"),
            (self.has_iptc, "IPTC data (captions, keywords, credits)"),
            (self.colour_profile, "Colour profile"),
            (self.has_thumbnail, "A small preview copy of the original photo"),
            (self.extra_images,
             f"{self.extra_images} hidden extra image(s) (depth map, HDR or previews)"),
            (self.other_exif_tags,
             f"{self.other_exif_tags} other camera settings (exposure, lens, ...)"),
        ]
        return [kind for present, kind in kinds if present]

    def _profile_line(self) -> str:
        if self.colour_profile_is_srgb:
            return f"Colour profile: {self.colour_profile} (standard colours kept)"
        return f"Colour profile: {self.colour_profile} (colours converted to standard sRGB)"

    def short_summary(self) -> str:
        """A few words for one line of the batch command's report."""
        words = []
        if self.camera:
            words.append("camera")
        if self.taken:
            words.append("date taken")
        if self.location:
            words.append("GPS location")
        if self.software:
            words.append("software")
        if self.people_and_copyright or self.description or self.comments:
            words.append("names/comments")
        if self.has_xmp or self.has_iptc:
            words.append("XMP/IPTC")
        if self.colour_profile and not self.colour_profile_is_srgb:
            words.append("colour profile")
        if self.has_thumbnail or self.extra_images:
            words.append("hidden previews")
        if self.other_exif_tags:
            words.append("camera settings")
        return ", ".join(words) if words else "nothing to remove"


def format_location(latitude: float, longitude: float) -> str:
    """Roughly where (about 100 m), in the way a map search box accepts it."""
    north_south = "N" if latitude >= 0 else "S"
    east_west = "E" if longitude >= 0 else "W"
    return f"{abs(latitude):.3f}° {north_south}, {abs(longitude):.3f}° {east_west}"


_CAMERA_TAGS = (ExifTags.Base.Make, ExifTags.Base.Model)
_DATE_TAGS = (ExifTags.Base.DateTimeOriginal, ExifTags.Base.DateTimeDigitized,
              ExifTags.Base.DateTime)
_NAME_TAGS = (ExifTags.Base.Artist, ExifTags.Base.Copyright, ExifTags.Base.CameraOwnerName,
              ExifTags.Base.BodySerialNumber)
_HANDLED_TAGS = {
    *_CAMERA_TAGS, *_DATE_TAGS, *_NAME_TAGS, ExifTags.Base.Software,
    ExifTags.Base.ImageDescription, ExifTags.Base.UserComment, ExifTags.Base.XPComment,
    ExifTags.Base.Orientation, ExifTags.Base.ExifOffset, ExifTags.Base.GPSInfo,
    ExifTags.Base.ResolutionUnit, ExifTags.Base.XResolution, ExifTags.Base.YResolution,
}


def read_metadata(image: Image.Image) -> PhotoMetadata:
    """What the opened (not yet decoded) photo carries: EXIF, GPS, XMP, IPTC, ICC, comments."""
    exif = _safe_exif(image)
    main = dict(exif.items())
    details = _safe_ifd(exif, ExifTags.IFD.Exif)
    everything = {**main, **details}
    icc = image.info.get("icc_profile")
    profile_name, is_srgb = _profile_name(icc) if icc else (None, False)
    return PhotoMetadata(
        camera=_camera(everything),
        taken=_taken(everything),
        location=_location(_safe_ifd(exif, ExifTags.IFD.GPSInfo)),
        software=_text(everything.get(ExifTags.Base.Software)),
        people_and_copyright=_joined(everything.get(tag) for tag in _NAME_TAGS),
        description=_text(everything.get(ExifTags.Base.ImageDescription)),
        has_xmp=bool(image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")),
        has_iptc=_has_iptc(image),
        colour_profile=profile_name,
        colour_profile_is_srgb=is_srgb,
        comments=_comments(image, everything),
        has_thumbnail=_has_thumbnail(image, exif),
        extra_images=_extra_images(image),
        other_exif_tags=sum(1 for tag in everything if tag not in _HANDLED_TAGS),
    )


def _safe_exif(image: Image.Image) -> Image.Exif:
    """A damaged EXIF block must not stop a photo opening; it is removed on export anyway."""
    try:
        return image.getexif()
    except Exception:
        return Image.Exif()


def _safe_ifd(exif: Image.Exif, ifd: int) -> dict[int, Any]:
    try:
        return exif.get_ifd(ifd)
    except Exception:
        return {}


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.replace("\x00", " ").split())
    return cleaned[:120] or None


def _joined(values: Iterable[object]) -> str | None:
    texts = [text for text in (_text(value) for value in values) if text]
    return "; ".join(texts) if texts else None


def _camera(tags: dict[int, Any]) -> str | None:
    make = _text(tags.get(ExifTags.Base.Make)) or ""
    model = _text(tags.get(ExifTags.Base.Model)) or ""
    if model.lower().startswith(make.lower()):
        make = ""
    return " ".join(part for part in (make, model) if part) or None


def _taken(tags: dict[int, Any]) -> str | None:
    """EXIF's "2024:05:03 10:15:42" as "3 May 2024, 10:15"."""
    for tag in _DATE_TAGS:
        raw = _text(tags.get(tag))
        if not raw:
            continue
        try:
            from datetime import datetime

            when = datetime.strptime(raw[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            return raw
        return f"{when.day} {when:%B %Y, %H:%M}"
    return None


def _location(gps: dict[int, Any]) -> tuple[float, float] | None:
    try:
        latitude = _degrees(gps[2], gps.get(1, "N"))
        longitude = _degrees(gps[4], gps.get(3, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    return (latitude, longitude)


def _degrees(value: Sequence[Any], reference: object) -> float:
    degrees, minutes, seconds = (float(part) for part in value)
    signed = degrees + minutes / 60 + seconds / 3600
    ref = reference.decode() if isinstance(reference, bytes) else str(reference)
    if math.isnan(signed):
        raise ValueError("no position")
    return -signed if ref.strip().upper() in ("S", "W") else signed


def _profile_name(icc: bytes) -> tuple[str, bool]:
    try:
        from PIL import ImageCms

        name = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except Exception:
        return ("unreadable colour profile", False)
    name = " ".join(name.split()) or "unnamed"
    return (name, "srgb" in name.lower())


def _has_iptc(image: Image.Image) -> bool:
    photoshop = image.info.get("photoshop")
    return (isinstance(photoshop, dict) and 0x0404 in photoshop) or "iptc" in image.info


def _comments(image: Image.Image, tags: dict[int, Any]) -> tuple[str, ...]:
    found: list[tuple[str, object]] = [
        ("", image.info.get("comment")),
        ("", _exif_comment(tags.get(ExifTags.Base.UserComment))),
        ("", tags.get(ExifTags.Base.XPComment)),
    ]
    if image.format == "PNG":  # text chunks (tEXt, zTXt, iTXt) arrive under their keywords
        found.extend((f"{key}: ", value) for key, value in image.info.items()
                     if isinstance(key, str) and isinstance(value, str)
                     and key != "XML:com.adobe.xmp")
    texts = []
    for label, value in found:
        if isinstance(value, bytes) and image.format != "PNG" and value[:2] == b"\xff\xfe":
            value = value.decode("utf-16", "replace")  # XPComment is UTF-16
        text = _text(value)
        if text:
            texts.append(label + text)
    return tuple(texts)


def _exif_comment(value: object) -> object:
    """EXIF's UserComment starts with an 8-byte character code before the text."""
    if not isinstance(value, bytes):
        return value
    code, text = value[:8], value[8:]
    if code.startswith(b"UNICODE"):
        return text.decode("utf-16", "replace")
    return text.decode("utf-8", "replace") if code.startswith(b"ASCII") or not code.strip(
        b"\x00") else value.decode("utf-8", "replace")


def _has_thumbnail(image: Image.Image, exif: Image.Exif) -> bool:
    if image.info.get("thumbnails"):  # HEIC
        return True
    first = _safe_ifd(exif, ExifTags.IFD.IFD1)
    return bool(first.get(0x0201) or first.get(0x0111))


def _extra_images(image: Image.Image) -> int:
    count = max(0, int(getattr(image, "n_frames", 1)) - 1) if image.format == "MPO" else 0
    count += len(image.info.get("depth_images") or ())
    aux = image.info.get("aux") or {}
    return count + (sum(len(ids) for ids in aux.values()) if isinstance(aux, dict) else 0)


# ---------------------------------------------------------------------------------------
# Cropping, rotating, straightening


class CropPreset(Enum):
    """X's good shapes for a photo in the timeline, and free."""

    WIDE = "16:9"
    SQUARE = "1:1"
    PORTRAIT = "4:5"
    TALL = "3:4"
    FREE = "free"

    @property
    def ratio(self) -> tuple[int, int] | None:
        if self is CropPreset.FREE:
            return None
        width, height = self.value.split(":")
        return (int(width), int(height))

    @classmethod
    def from_text(cls, text: str) -> CropPreset:
        for preset in cls:
            if preset.value == text.strip().lower():
                return preset
        choices = ", ".join(preset.value for preset in cls)
        raise ValueError(f"Unknown crop {text!r}: choose one of {choices}.")


@dataclass(frozen=True)
class Rect:
    """A rectangle in pixels of one image: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Pillow's (left, top, right, bottom)."""
        return (self.x, self.y, self.x + self.w, self.y + self.h)

    def clamped(self, width: int, height: int) -> Rect | None:
        """Inside an image of that size, or None when nothing of it is."""
        left, top = max(0, self.x), max(0, self.y)
        right, bottom = min(width, self.x + self.w), min(height, self.y + self.h)
        if right <= left or bottom <= top:
            return None
        return Rect(left, top, right - left, bottom - top)


def centred_crop(width: int, height: int, ratio: tuple[int, int] | None) -> Rect:
    """The largest rectangle of the given aspect ratio centred in a width x height image."""
    if ratio is None:
        return Rect(0, 0, width, height)
    ratio_w, ratio_h = ratio
    if width * ratio_h >= height * ratio_w:  # the image is wider than the ratio: trim sides
        crop_h = height
        crop_w = min(width, max(1, round(height * ratio_w / ratio_h)))
    else:
        crop_w = width
        crop_h = min(height, max(1, round(width * ratio_h / ratio_w)))
    return Rect((width - crop_w) // 2, (height - crop_h) // 2, crop_w, crop_h)


def crop(image: Image.Image, rect: Rect) -> Image.Image:
    inside = rect.clamped(image.width, image.height)
    if inside is None:
        raise ValueError(translate("Photos", "The crop lies outside the photo."))
    return _pixels_only(image.crop(inside.box))


def crop_to_preset(image: Image.Image, preset: CropPreset) -> Image.Image:
    if preset is CropPreset.FREE:
        return image
    return crop(image, centred_crop(image.width, image.height, preset.ratio))


def rotate_quarter(image: Image.Image, clockwise: bool = True) -> Image.Image:
    """A 90° turn without loss, for a photo the camera recorded the wrong way up."""
    method = Image.Transpose.ROTATE_270 if clockwise else Image.Transpose.ROTATE_90
    return _pixels_only(image.transpose(method))


MAX_STRAIGHTEN_DEGREES = 45.0


def straightened_size(width: int, height: int, degrees: float) -> tuple[int, int]:
    """The largest rectangle of the photo's own shape that fits inside it turned by degrees.

    Straightening must not add blank corners, so the photo is cropped to this.
    """
    angle = math.radians(abs(degrees))
    if angle == 0:
        return (width, height)
    cos, sin = math.cos(angle), math.sin(angle)
    # A w x h rectangle with w/h = width/height fits inside the turned photo while its
    # turned corners stay inside the original; the tighter side decides the scale.
    scale = min(width / (width * cos + height * sin), height / (width * sin + height * cos))
    return (max(1, math.floor(width * scale)), max(1, math.floor(height * scale)))


def straighten(image: Image.Image, degrees: float) -> Image.Image:
    """Turn by a small angle (counter-clockwise positive) and crop away the blank corners."""
    if abs(degrees) > MAX_STRAIGHTEN_DEGREES:
        raise ValueError(translate("Photos",
                                   "Straighten by at most {degrees}°; use the 90° turn for more.")
                         .format(degrees=f"{MAX_STRAIGHTEN_DEGREES:.0f}"))
    if degrees == 0:
        return image
    turned = image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False)
    width, height = straightened_size(image.width, image.height, degrees)
    return crop(turned, Rect((image.width - width) // 2, (image.height - height) // 2,
                             width, height))


# ---------------------------------------------------------------------------------------
# Covering faces and other regions


class CoverStyle(Enum):
    SOLID = "solid"
    MOSAIC = "mosaic"


SOLID_COLOUR = (40, 40, 48)
MOSAIC_BLOCKS_ACROSS = 5  # a face becomes about 5 x 5 blocks: far too few to recognise
MOSAIC_MIN_BLOCK = 12
MOSAIC_BLOCK_NOISE = 40  # each block's colour moves by up to this (of 255)
MOSAIC_PIXEL_NOISE = 16


def cover_regions(image: Image.Image, regions: Iterable[Rect],
                  style: CoverStyle = CoverStyle.SOLID) -> Image.Image:
    """A copy with every region covered for good; the input image is left as it was.

    Solid fill sets every pixel of a region to one colour. Mosaic replaces the region with
    a few large blocks whose colours are moved by random noise from a fresh, unseeded
    source, so the exact averages cannot be recovered; a light blur is never offered
    because it can be undone.
    """
    covered = image.copy()
    draw = ImageDraw.Draw(covered) if style is CoverStyle.SOLID else None
    rng = _fresh_noise() if style is CoverStyle.MOSAIC else None
    for region in regions:
        inside = region.clamped(covered.width, covered.height)
        if inside is None:
            continue
        if draw is not None:
            fill = SOLID_COLOUR + ((255,) if covered.mode == "RGBA" else ())
            draw.rectangle((inside.x, inside.y, inside.x + inside.w - 1,
                            inside.y + inside.h - 1), fill=fill)
        elif rng is not None:
            covered.paste(_mosaic(covered.crop(inside.box), rng), (inside.x, inside.y))
    return _pixels_only(covered)


def _fresh_noise() -> np.random.Generator:
    """Seeded from the operating system: no one can regenerate the noise to subtract it."""
    import numpy as np

    return np.random.default_rng(int.from_bytes(os.urandom(16), "little"))


def mosaic_block_size(width: int, height: int) -> int:
    return max(MOSAIC_MIN_BLOCK, math.ceil(max(width, height) / MOSAIC_BLOCKS_ACROSS))


def _mosaic(region: Image.Image, rng: np.random.Generator) -> Image.Image:
    import numpy as np

    block = mosaic_block_size(region.width, region.height)
    pixels = np.asarray(region, dtype=np.float32)
    rows, cols = math.ceil(region.height / block), math.ceil(region.width / block)
    means = np.zeros((rows, cols, pixels.shape[2]), dtype=np.float32)
    for row in range(rows):
        for col in range(cols):
            part = pixels[row * block:(row + 1) * block, col * block:(col + 1) * block]
            means[row, col] = part.reshape(-1, pixels.shape[2]).mean(axis=0)
    means += rng.uniform(-MOSAIC_BLOCK_NOISE, MOSAIC_BLOCK_NOISE, means.shape).astype(np.float32)
    blocks = np.repeat(np.repeat(means, block, axis=0), block, axis=1)
    blocks = blocks[:region.height, :region.width]
    blocks += rng.uniform(-MOSAIC_PIXEL_NOISE, MOSAIC_PIXEL_NOISE, blocks.shape).astype(
        np.float32)
    if region.mode == "RGBA":
        blocks[..., 3] = 255
    return Image.fromarray(np.clip(blocks, 0, 255).astype(np.uint8), region.mode)


# ---------------------------------------------------------------------------------------
# Export


@dataclass(frozen=True)
class ExportedPhoto:
    """A photo ready for X: the bytes to upload and what was removed on the way."""

    data: bytes
    mime_type: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    removed: PhotoMetadata = field(default_factory=PhotoMetadata)
    jpeg_quality: int | None = None

    @property
    def size_bytes(self) -> int:
        return len(self.data)

    @property
    def extension(self) -> str:
        return ".png" if self.mime_type == "image/png" else ".jpg"


def export_photo(image: Image.Image, removed: PhotoMetadata | None = None, *,
                 keep_png: bool = False, long_side: int = EXPORT_LONG_SIDE,
                 max_bytes: int = EXPORT_MAX_BYTES) -> ExportedPhoto:
    """Re-encode from pixels alone, within X's limits: long side and file size.

    keep_png (for screenshots) keeps PNG if it fits; otherwise JPEG, stepping the quality
    down and then the size until it fits. Nothing but the pixels is written: no EXIF, GPS,
    XMP, IPTC, colour profile (the pixels are already sRGB), comment or thumbnail.
    """
    removed = removed or PhotoMetadata()
    clean = _fresh_copy(fit_within(image, long_side))
    if keep_png:
        data = _encode_png(clean)
        if len(data) <= max_bytes:
            return ExportedPhoto(data, "image/png", clean.width, clean.height, removed)
    rgb = _flatten(clean)
    while True:
        for quality in JPEG_QUALITIES:
            data = _encode_jpeg(rgb, quality)
            if len(data) <= max_bytes:
                return ExportedPhoto(data, "image/jpeg", rgb.width, rgb.height, removed,
                                     quality)
        if max(rgb.size) <= 64:
            raise ValueError(translate("Photos", "The photo cannot be made small enough for X."))
        smaller = (max(1, int(rgb.width * SHRINK_STEP)), max(1, int(rgb.height * SHRINK_STEP)))
        rgb = _fresh_copy(rgb.resize(smaller, Image.Resampling.LANCZOS))


def _fresh_copy(image: Image.Image) -> Image.Image:
    """A new image holding only the pixels: nothing from the source's info can be saved."""
    mode = image.mode if image.mode in ("RGB", "RGBA") else "RGB"
    fresh = Image.new(mode, image.size)
    fresh.paste(image if image.mode == mode else image.convert(mode), (0, 0))
    return fresh


def _flatten(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: see-through parts become white, as X would show them."""
    if image.mode != "RGBA":
        return image
    white = Image.new("RGB", image.size, (255, 255, 255))
    white.paste(image, (0, 0), image)
    return white


def _encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def _encode_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()
