"""Photos: safe opening, orientation, crop maths, irreversible covering, metadata-free export."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageCms, ImageDraw

from stpeters_desk.core import images
from stpeters_desk.core.images import (
    CoverStyle,
    CropPreset,
    DamagedPhoto,
    PhotoError,
    PhotoTooLarge,
    Rect,
    UnsupportedPhoto,
    centred_crop,
    cover_regions,
    export_photo,
    open_photo,
    straighten,
    straightened_size,
)

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"
EXIFTOOL = shutil.which("exiftool")

# Corner colours of the test card: far apart, so JPEG's loss cannot confuse them.
RED, GREEN, BLUE, YELLOW = (220, 30, 30), (30, 200, 40), (30, 40, 220), (230, 220, 30)


# ---------------------------------------------------------------------------------------
# Helpers shared with test_photo_batch.py


def colour_card(width: int = 120, height: int = 80) -> Image.Image:
    """Four coloured quarters: red top-left, green top-right, blue bottom-left, yellow."""
    card = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(card)
    half_w, half_h = width // 2, height // 2
    draw.rectangle((0, 0, half_w - 1, half_h - 1), fill=RED)
    draw.rectangle((half_w, 0, width, half_h - 1), fill=GREEN)
    draw.rectangle((0, half_h, half_w - 1, height), fill=BLUE)
    draw.rectangle((half_w, half_h, width, height), fill=YELLOW)
    return card


def camera_exif(orientation: int = 1) -> Image.Exif:
    """What an invented school camera records: make, model, date, software, owner, GPS."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Invented Optics"
    exif[ExifTags.Base.Model] = "Classroom Cam 7"
    exif[ExifTags.Base.Software] = "Invented Camera OS 4.2"
    exif[ExifTags.Base.Artist] = "Ms Example Teacher"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = "2024:05:03 10:15:42"
    exif[ExifTags.IFD.Exif] = {ExifTags.Base.DateTimeOriginal: "2024:05:03 10:15:42",
                               ExifTags.Base.LensModel: "Invented 4mm"}
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (52.0, 12.0, 36.0), 3: "W", 4: (1.0, 30.0, 0.0)}
    return exif


def swapped_profile() -> bytes:
    """A colour profile that is not sRGB: sRGB with red and green swapped, named "Swap".

    Pillow cannot make a Display P3 profile, but any non-sRGB profile shows whether the
    app converts the pixels (a red patch must come out green) rather than dropping it.
    """
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    tags = {bytes(data[132 + 12 * i:136 + 12 * i]): 132 + 12 * i
            for i in range(struct.unpack(">I", data[128:132])[0])}
    red, green = tags[b"rXYZ"], tags[b"gXYZ"]
    data[red + 4:red + 12], data[green + 4:green + 12] = (data[green + 4:green + 12],
                                                          data[red + 4:red + 12])
    return bytes(data).replace("sRGB".encode("utf-16-be"), "Swap".encode("utf-16-be"))


def with_iptc(jpeg: bytes, caption: bytes) -> bytes:
    """The JPEG with an APP13 Photoshop block holding an IPTC caption, as photo tools add."""
    record = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    if len(record) % 2:
        resource += b"\x00"
    body = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(body) + 2) + body
    return jpeg[:2] + segment + jpeg[2:]


XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
       b'02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
       b"<dc:description>Sports day, Invented Primary</dc:description></rdf:Description>"
       b"</rdf:RDF></x:xmpmeta>")


def loaded_jpeg(path: Path, image: Image.Image | None = None, orientation: int = 1) -> Path:
    """A JPEG carrying everything a camera or editor might leave in it."""
    buffer = io.BytesIO()
    (image or colour_card()).save(buffer, "JPEG", quality=95, exif=camera_exif(orientation),
                                icc_profile=swapped_profile(), xmp=XMP,
                                comment=b"Year 4 trip to the farm")
    path.write_bytes(with_iptc(buffer.getvalue(), b"Invented caption about Class 4"))
    return path


def exiftool_tags(data: bytes, suffix: str, tmp_path: Path) -> dict[str, object]:
    """Every tag exiftool finds, keyed "Group:Tag" (family 1 groups, duplicates kept)."""
    assert EXIFTOOL is not None
    target = tmp_path / f"readback{suffix}"
    target.write_bytes(data)
    output = subprocess.run([EXIFTOOL, "-j", "-a", "-u", "-G1", "-b", str(target)],
                            capture_output=True, text=True, check=True).stdout
    tags: dict[str, object] = json.loads(output)[0]
    return tags


# exiftool's groups for what any file has (its name, size, type, dimensions); nothing else.
HARMLESS_GROUPS = {"ExifTool", "System", "File", "Composite", "JFIF"}
PNG_IMAGE_HEADER = {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression",
                    "Filter", "Interlace"}


def assert_exiftool_finds_no_metadata(data: bytes, suffix: str, tmp_path: Path) -> None:
    if EXIFTOOL is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl); "
                    "CI installs it, so the check runs there")
    tags = exiftool_tags(data, suffix, tmp_path)
    leftovers = {key: value for key, value in tags.items()
                 if key != "SourceFile" and key.split(":")[0] not in HARMLESS_GROUPS
                 and not (key.startswith("PNG:") and key[4:] in PNG_IMAGE_HEADER)}
    assert leftovers == {}
    assert not any("Warning" in key for key in tags), tags


def assert_pillow_finds_no_metadata(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
        assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
        assert image.format in ("JPEG", "PNG")
    for marker in (b"Exif", b"ICC_PROFILE", b"http://ns.adobe.com", b"Photoshop", b"8BIM",
                   b"Invented", b"Year 4", b"Ms Example", b"iCCP", b"tEXt", b"iTXt", b"eXIf"):
        assert marker not in data


def png_chunks(data: bytes) -> list[bytes]:
    chunks, offset = [], 8
    while offset < len(data):
        length = struct.unpack(">I", data[offset:offset + 4])[0]
        chunks.append(data[offset + 4:offset + 8])
        offset += 12 + length
    return chunks


def single_colour_png(path: Path, width: int, height: int) -> Path:
    """A valid PNG of any claimed size, written row by row: a 20,000 x 20,000 one is 40 KB
    and costs no memory to make, which is exactly what makes it a decompression bomb."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # 1 bit per pixel, filter byte first
    parts = [compressor.compress(row) for _ in range(height)]
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))
    return path


def close(pixel: object, colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(int(a) - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


# ---------------------------------------------------------------------------------------
# Opening and orientation


@pytest.mark.parametrize(("orientation", "top_left", "top_right", "bottom_left"), [
    (1, RED, GREEN, BLUE),
    (3, YELLOW, BLUE, GREEN),  # upside down
    (6, BLUE, RED, YELLOW),  # the camera was turned clockwise: turn the picture back
    (8, GREEN, YELLOW, RED),  # turned anticlockwise
    (2, GREEN, RED, YELLOW),  # mirrored (a front camera)
])
def test_exif_orientation_is_applied_first(tmp_path: Path, orientation: int,
                                          top_left: tuple[int, int, int],
                                          top_right: tuple[int, int, int],
                                          bottom_left: tuple[int, int, int]) -> None:
    path = tmp_path / "sideways.jpg"
    colour_card(120, 80).save(path, quality=95, exif=camera_exif(orientation))
    photo = open_photo(path)
    width, height = photo.image.size
    assert (width, height) == ((80, 120) if orientation in (6, 8) else (120, 80))
    assert photo.original_size == (width, height)
    assert close(photo.image.getpixel((5, 5)), top_left)
    assert close(photo.image.getpixel((width - 5, 5)), top_right)
    assert close(photo.image.getpixel((5, height - 5)), bottom_left)


def test_heic_from_an_ipad_opens_upright_with_its_metadata_read(tmp_path: Path) -> None:
    images._load_formats()
    path = tmp_path / "IMG_0042.HEIC"
    colour_card(120, 80).save(path, format="HEIF", quality=90, exif=camera_exif(6).tobytes())
    photo = open_photo(path)
    assert photo.source_format == "HEIF"
    assert photo.image.size == (80, 120)
    assert close(photo.image.getpixel((5, 5)), BLUE)
    assert close(photo.image.getpixel((75, 5)), RED)
    assert photo.metadata.camera == "Invented Optics Classroom Cam 7"
    assert photo.metadata.location is not None


def test_large_jpeg_is_decoded_at_reduced_scale_for_the_working_copy(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    colour_card(4000, 3000).save(path, quality=80)
    small = open_photo(path, max_long_side=500)
    assert max(small.image.size) == 500
    assert small.original_size == (4000, 3000)
    full = open_photo(path, max_long_side=None)
    assert full.image.size == (4000, 3000)
    assert images.open_thumbnail(path, 128).size == (128, 96)


def test_metadata_is_read_and_summarised_in_plain_words(tmp_path: Path) -> None:
    photo = open_photo(loaded_jpeg(tmp_path / "trip.jpg"))
    meta = photo.metadata
    assert meta.camera == "Invented Optics Classroom Cam 7"
    assert meta.taken == "3 May 2024, 10:15"
    assert meta.location is not None
    assert meta.location == pytest.approx((52.21, -1.5), abs=0.001)
    assert meta.software == "Invented Camera OS 4.2"
    assert meta.has_xmp and meta.has_iptc
    assert meta.colour_profile == "Swap built-in" and not meta.colour_profile_is_srgb
    assert "Year 4 trip to the farm" in meta.comments
    lines = "\n".join(meta.removal_lines())
    for expected in ("Camera: Invented Optics Classroom Cam 7", "Date taken: 3 May 2024",
                     "Location (GPS): 52.210° N, 1.500° W", "Software: Invented Camera OS",
                     "Ms Example Teacher", "XMP", "IPTC", "Colour profile: Swap",
                     "other camera settings"):
        assert expected in lines
    assert meta.short_summary().startswith("camera, date taken, GPS location")
    assert dict(photo.image.getexif()) == {} and photo.image.info == {}


def test_a_photo_with_nothing_to_remove_says_so(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    colour_card().save(path)
    assert open_photo(path).metadata.is_empty
    assert open_photo(path).metadata.short_summary() == "nothing to remove"


def test_unusual_colour_modes_open_as_rgb_with_their_colours(tmp_path: Path) -> None:
    grey16 = np.linspace(0, 65535, 256 * 10).reshape(10, 256).astype(np.uint16)
    Image.fromarray(grey16).save(tmp_path / "scan-16-bit.png")
    Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(tmp_path / "print.jpg")
    Image.new("LA", (40, 30), (128, 100)).save(tmp_path / "grey-alpha.png")
    Image.new("1", (40, 30), 1).save(tmp_path / "line-art.png")
    expected = {"scan-16-bit.png": ("RGB", (128, 128, 128)), "print.jpg": ("RGB", RED),
                "grey-alpha.png": ("RGBA", (128, 128, 128)),
                "line-art.png": ("RGB", (255, 255, 255))}
    for name, (mode, colour) in expected.items():
        image = open_photo(tmp_path / name).image
        assert image.mode == mode
        assert close(image.getpixel((image.width // 2, image.height // 2)), colour)


def test_a_wide_gamut_photo_is_converted_to_srgb_not_just_untagged(tmp_path: Path) -> None:
    photo = open_photo(loaded_jpeg(tmp_path / "p3.jpg"))
    # red in the "Swap" profile is green in sRGB
    assert close(photo.image.getpixel((5, 5)), GREEN, tolerance=60)


@pytest.mark.parametrize(("name", "content", "error", "words"), [
    ("notes.jpg", b"these are not the photos you are looking for" * 10, DamagedPhoto,
     "not a photo"),
    ("empty.png", b"", DamagedPhoto, "not a photo"),
])
def test_files_that_are_not_photos_are_refused_by_name(tmp_path: Path, name: str,
                                                       content: bytes, error: type[PhotoError],
                                                       words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as refused:
        open_photo(path)
    assert name in str(refused.value) and words in str(refused.value)
    assert refused.value.path == path


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "HEIF"])
def test_truncated_photos_are_refused_as_damaged(tmp_path: Path, kind: str) -> None:
    images._load_formats()
    rng = np.random.default_rng(4)
    noise = Image.fromarray(rng.integers(0, 255, (300, 400, 3), dtype=np.uint8))
    buffer = io.BytesIO()
    noise.save(buffer, kind)
    path = tmp_path / f"cut-short.{kind.lower()}"
    path.write_bytes(buffer.getvalue()[:len(buffer.getvalue()) // 2])
    with pytest.raises(DamagedPhoto, match=r"cut-short.*(damaged or incomplete|not a photo)"):
        open_photo(path)


@pytest.mark.parametrize("kind", ["GIF", "BMP", "TIFF", "WEBP"])
def test_other_image_formats_are_refused_with_what_to_do(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"poster.{kind.lower()}"
    colour_card().save(path, kind)
    with pytest.raises(UnsupportedPhoto) as refused:
        open_photo(path)
    assert f"poster.{kind.lower()} is a {kind} image" in str(refused.value)
    assert "JPEG or PNG" in str(refused.value)


@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (9_000, 8_000)])
def test_decompression_bombs_are_refused_before_decoding(tmp_path: Path, width: int,
                                                         height: int) -> None:
    """Above twice the limit Pillow refuses; between the limit and twice it only warns,
    which the app treats as a refusal too."""
    path = single_colour_png(tmp_path / "huge.png", width, height)
    assert path.stat().st_size < 200_000
    with pytest.raises(PhotoTooLarge, match=r"huge\.png is too large to open safely"):
        open_photo(path)


def test_a_missing_file_is_reported_not_raised_raw(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match=r"gone\.jpg: the file is not there"):
        open_photo(tmp_path / "gone.jpg")


def test_importing_images_stays_light_for_the_app_start_up() -> None:
    """HEIC support, numpy and the face model load when a photo needs them, not before."""
    code = ("import sys\nimport stpeters_desk.core.images\n"
            "print(*(name in sys.modules for name in ('pillow_heif', 'numpy', 'onnxruntime')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False", "False"], result.stderr


# ---------------------------------------------------------------------------------------
# Cropping, rotating, straightening


@pytest.mark.parametrize(("size", "preset", "expected"), [
    ((4032, 3024), "16:9", Rect(0, 378, 4032, 2268)),
    ((4032, 3024), "1:1", Rect(504, 0, 3024, 3024)),
    ((4032, 3024), "4:5", Rect(806, 0, 2419, 3024)),
    ((4032, 3024), "3:4", Rect(882, 0, 2268, 3024)),
    ((4032, 3024), "free", Rect(0, 0, 4032, 3024)),
    ((3024, 4032), "16:9", Rect(0, 1165, 3024, 1701)),
    ((3024, 4032), "4:5", Rect(0, 126, 3024, 3780)),
    ((1920, 1080), "16:9", Rect(0, 0, 1920, 1080)),
])
def test_centred_crop_presets(size: tuple[int, int], preset: str, expected: Rect) -> None:
    assert centred_crop(*size, CropPreset.from_text(preset).ratio) == expected


def test_centred_crop_is_the_largest_of_its_shape_for_any_photo() -> None:
    rng = np.random.default_rng(7)
    for _ in range(500):
        width, height = (int(v) for v in rng.integers(1, 6000, 2))
        ratio = (int(rng.integers(1, 21)), int(rng.integers(1, 21)))
        rect = centred_crop(width, height, ratio)
        assert rect.x >= 0 and rect.y >= 0
        assert rect.x + rect.w <= width and rect.y + rect.h <= height
        assert rect.w == width or rect.h == height  # largest: touches two sides
        # centred, to the pixel
        assert abs(rect.x - (width - rect.x - rect.w)) <= 1
        assert abs(rect.y - (height - rect.y - rect.h)) <= 1
        # the shape, to within rounding of one pixel
        assert abs(rect.w * ratio[1] - rect.h * ratio[0]) <= max(ratio)


def test_unknown_crop_names_are_refused() -> None:
    with pytest.raises(ValueError, match="choose one of 16:9, 1:1, 4:5, 3:4, free"):
        CropPreset.from_text("2:1")


def test_rotating_a_quarter_turn_keeps_every_pixel() -> None:
    card = colour_card(120, 80)
    turned = images.rotate_quarter(card)
    assert turned.size == (80, 120)
    assert close(turned.getpixel((75, 5)), RED)  # top-left went to top-right
    assert images.rotate_quarter(images.rotate_quarter(
        images.rotate_quarter(turned)), clockwise=True).tobytes() == card.tobytes()
    assert images.rotate_quarter(turned, clockwise=False).tobytes() == card.tobytes()


@pytest.mark.parametrize("degrees", [-12.5, -3.0, 1.0, 7.0, 30.0, 45.0])
def test_straightening_leaves_no_blank_corners(degrees: float) -> None:
    photo = Image.new("RGB", (900, 600), (200, 120, 40))
    straight = straighten(photo, degrees)
    assert straight.size == straightened_size(900, 600, degrees)
    assert abs(straight.width / straight.height - 1.5) < 0.02  # the photo keeps its shape
    pixels = np.asarray(straight).reshape(-1, 3)
    assert pixels.min(axis=0).tolist() == pytest.approx([200, 120, 40], abs=3)


def test_straightened_size_is_the_largest_rectangle_inside_the_turned_photo() -> None:
    width, height, degrees = 900, 600, 10.0
    w, h = straightened_size(width, height, degrees)
    angle = np.radians(degrees)
    # the crop's corners, turned back, must fall inside the original; 1% more must not
    for grow, inside in ((1.0, True), (1.01, False)):
        corners = np.array([[sx * w * grow / 2, sy * h * grow / 2]
                            for sx in (-1, 1) for sy in (-1, 1)])
        rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        back = corners @ rotation.T
        fits = bool(np.all(np.abs(back[:, 0]) <= width / 2 + 0.5)
                    and np.all(np.abs(back[:, 1]) <= height / 2 + 0.5))
        assert fits is inside
    with pytest.raises(ValueError, match="90° turn"):
        straighten(Image.new("RGB", (10, 10)), 60)


# ---------------------------------------------------------------------------------------
# Covering


def astronaut() -> Image.Image:
    return Image.open(FACES / "astronaut.jpg").convert("RGB")


FACE = Rect(178, 60, 96, 118)  # tests/data/faces/faces.json


def test_solid_cover_leaves_one_colour_and_no_trace() -> None:
    original = astronaut()
    before = original.tobytes()
    covered = cover_regions(original, [FACE])
    region = np.asarray(covered.crop(FACE.box)).reshape(-1, 3)
    assert (region == region[0]).all()  # every pixel the same: nothing of the face is left
    assert tuple(region[0]) == images.SOLID_COLOUR
    outside = np.asarray(covered).copy()
    outside[FACE.y:FACE.y + FACE.h, FACE.x:FACE.x + FACE.w] = 0
    expected = np.asarray(original).copy()
    expected[FACE.y:FACE.y + FACE.h, FACE.x:FACE.x + FACE.w] = 0
    assert (outside == expected).all()  # nothing else touched
    assert original.tobytes() == before  # the input photo is not changed


def test_mosaic_is_coarse_noisy_and_does_not_give_back_the_face() -> None:
    original = astronaut()
    covered = cover_regions(original, [FACE], CoverStyle.MOSAIC)
    face = np.asarray(original.crop(FACE.box), dtype=np.float64)
    result = np.asarray(covered.crop(FACE.box), dtype=np.float64)
    block = images.mosaic_block_size(FACE.w, FACE.h)
    assert block >= max(FACE.w, FACE.h) / 5  # at most 5 blocks across the face
    differences = []
    for top in range(0, FACE.h, block):
        for left in range(0, FACE.w, block):
            piece = result[top:top + block, left:left + block]
            # each block is one flat colour plus grain: no detail of the face inside it
            assert piece.reshape(-1, 3).std(axis=0).max() < images.MOSAIC_PIXEL_NOISE
            true_mean = face[top:top + block, left:left + block].reshape(-1, 3).mean(axis=0)
            differences.append(np.abs(piece.reshape(-1, 3).mean(axis=0) - true_mean))
    # the block colours are not the face's own averages: noise moved them
    assert float(np.mean(differences)) > images.MOSAIC_BLOCK_NOISE / 4
    # and at the level of pixels almost nothing of the face is left
    assert float(np.mean(np.abs(result - face))) > 15
    again = np.asarray(cover_regions(original, [FACE], CoverStyle.MOSAIC).crop(FACE.box))
    assert (again != result).any()  # fresh noise each time: no fixed pattern to undo


def test_covering_clips_regions_to_the_photo_and_keeps_transparency() -> None:
    screenshot = Image.new("RGBA", (50, 40), (10, 20, 30, 0))
    covered = cover_regions(screenshot, [Rect(40, 30, 100, 100), Rect(-5, -5, 2, 2)])
    assert covered.getpixel((45, 35)) == (*images.SOLID_COLOUR, 255)
    assert covered.getpixel((0, 0)) == (10, 20, 30, 0)
    mosaic = cover_regions(screenshot, [Rect(0, 0, 30, 30)], CoverStyle.MOSAIC)
    assert mosaic.mode == "RGBA" and mosaic.getpixel((10, 10))[3] == 255  # type: ignore[index]


# ---------------------------------------------------------------------------------------
# Export


def test_export_keeps_nothing_but_pixels_pillow_and_exiftool_agree(tmp_path: Path) -> None:
    source = loaded_jpeg(tmp_path / "sports-day.jpg", orientation=6)
    if EXIFTOOL:  # the test file really does carry what we say it does
        carried = exiftool_tags(source.read_bytes(), ".jpg", tmp_path)
        groups = {key.split(":")[0] for key in carried}
        assert {"IFD0", "ExifIFD", "GPS", "XMP-dc", "IPTC", "ICC-header"} <= groups
    photo = open_photo(source)
    exported = export_photo(photo.image, photo.metadata)
    assert exported.mime_type == "image/jpeg"
    assert exported.removed == photo.metadata
    assert (exported.width, exported.height) == (80, 120)  # upright, as shown
    assert_pillow_finds_no_metadata(exported.data)
    assert_exiftool_finds_no_metadata(exported.data, ".jpg", tmp_path)


def test_an_embedded_preview_is_found_and_not_exported(tmp_path: Path) -> None:
    """Editors often leave the original, uncropped picture in the EXIF thumbnail."""
    if EXIFTOOL is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl); "
                    "it is needed here to add the thumbnail; CI installs it")
    preview = tmp_path / "preview.jpg"
    colour_card(160, 120).save(preview)
    photo_path = tmp_path / "cropped-by-an-editor.jpg"
    colour_card(400, 300).save(photo_path, exif=camera_exif())
    subprocess.run([EXIFTOOL, "-q", "-overwrite_original", f"-ThumbnailImage<={preview}",
                    str(photo_path)], check=True)
    photo = open_photo(photo_path)
    assert photo.metadata.has_thumbnail
    assert "A small preview copy of the original photo" in photo.metadata.removal_lines()
    exported = export_photo(photo.image, photo.metadata)
    assert_exiftool_finds_no_metadata(exported.data, ".jpg", tmp_path)


def test_extra_images_in_a_phone_jpeg_are_counted_and_dropped(tmp_path: Path) -> None:
    """iPhones and iPads add depth maps and HDR gain maps as extra JPEGs (MPO)."""
    path = tmp_path / "IMG_0100.jpg"
    colour_card(400, 300).save(path, format="MPO", save_all=True, exif=camera_exif(),
                               append_images=[colour_card(200, 150)])
    photo = open_photo(path)
    assert photo.source_format == "JPEG" and photo.metadata.extra_images == 1
    exported = export_photo(photo.image, photo.metadata)
    with Image.open(io.BytesIO(exported.data)) as image:
        assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
    assert_pillow_finds_no_metadata(exported.data)
    assert_exiftool_finds_no_metadata(exported.data, ".jpg", tmp_path)


def test_png_screenshot_stays_png_with_only_pixel_chunks(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Invented Teacher")
    text.add_itxt("Description", "Year 4 spelling results", zip=True)
    path = tmp_path / "screenshot.png"
    exif = camera_exif()
    colour_card(300, 200).save(path, pnginfo=text, exif=exif, icc_profile=swapped_profile())
    photo = open_photo(path)
    assert "Author: Invented Teacher" in photo.metadata.comments
    exported = export_photo(photo.image, photo.metadata, keep_png=photo.looks_like_screenshot)
    assert exported.mime_type == "image/png" and exported.extension == ".png"
    assert png_chunks(exported.data) == [b"IHDR", b"IDAT", b"IEND"]
    assert_pillow_finds_no_metadata(exported.data)
    assert_exiftool_finds_no_metadata(exported.data, ".png", tmp_path)


def test_heic_exports_as_a_clean_jpeg(tmp_path: Path) -> None:
    images._load_formats()
    path = tmp_path / "IMG_0007.heic"
    colour_card(400, 300).save(path, format="HEIF", exif=camera_exif(1).tobytes(),
                             xmp=XMP)
    photo = open_photo(path)
    assert photo.metadata.camera and photo.metadata.location
    exported = export_photo(photo.image, photo.metadata)
    assert exported.mime_type == "image/jpeg"
    assert_pillow_finds_no_metadata(exported.data)
    assert_exiftool_finds_no_metadata(exported.data, ".jpg", tmp_path)


def noise(width: int, height: int, seed: int = 1) -> Image.Image:
    """Random pixels: the hardest thing to compress, so sizes are worst cases."""
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 256, (height, width, 3), dtype=np.uint8))


def test_export_limits_the_long_side_to_4096() -> None:
    exported = export_photo(Image.new("RGB", (6000, 1000), (90, 160, 220)))
    assert (exported.width, exported.height) == (4096, 683)
    with Image.open(io.BytesIO(exported.data)) as image:
        assert image.size == (4096, 683)
    tall = export_photo(Image.new("RGB", (3000, 9000)))
    assert (tall.width, tall.height) == (1365, 4096)


def test_export_steps_quality_down_then_size_until_it_fits() -> None:
    photo = noise(600, 400)
    roomy = export_photo(photo, max_bytes=10_000_000)
    assert roomy.jpeg_quality == images.JPEG_QUALITIES[0] and roomy.width == 600
    lower = export_photo(photo, max_bytes=roomy.size_bytes - 1)
    assert lower.jpeg_quality is not None and lower.jpeg_quality < roomy.jpeg_quality
    assert lower.width == 600 and lower.size_bytes < roomy.size_bytes
    squeezed = export_photo(photo, max_bytes=60_000)
    assert squeezed.size_bytes <= 60_000
    assert squeezed.width < 600 and squeezed.jpeg_quality == images.JPEG_QUALITIES[-1]
    assert abs(squeezed.width / squeezed.height - 1.5) < 0.02


def test_a_12_mp_photo_of_noise_still_fits_x_5_mb_limit() -> None:
    exported = export_photo(noise(4032, 3024))
    assert exported.size_bytes <= images.EXPORT_MAX_BYTES
    assert max(exported.width, exported.height) <= images.EXPORT_LONG_SIDE


def test_a_png_too_big_for_x_falls_back_to_jpeg() -> None:
    exported = export_photo(noise(1500, 1200), keep_png=True, max_bytes=2_000_000)
    assert exported.mime_type == "image/jpeg" and exported.size_bytes <= 2_000_000
    flat = export_photo(colour_card(1500, 1200), keep_png=True, max_bytes=2_000_000)
    assert flat.mime_type == "image/png"


def test_transparent_screenshot_becomes_white_in_a_jpeg() -> None:
    clear = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    exported = export_photo(clear)
    with Image.open(io.BytesIO(exported.data)) as image:
        assert close(image.convert("RGB").getpixel((50, 50)), (255, 255, 255), tolerance=3)
