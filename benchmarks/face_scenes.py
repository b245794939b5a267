"""The labelled face set: two public-domain portraits and invented crowd scenes built from them.

Missing a small face at the back of a class photo is the failure that matters, and no
licensed crowd photo with face labels can be fetched here. So the crowd scenes paste
scaled-down copies of the labelled faces in tests/data/faces (see its README) onto
invented backgrounds: a wall, a floor, window and poster shapes and camera-like grain.
Each paste is feathered so its edge does not draw a box around the face, and the face's
label moves and scales with it. Everything is made from a seed, so every run of the
benchmark and the tests sees the same pixels. Used by benchmarks/faces.py,
benchmarks/photos.py and tests/unit/test_faces.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

FACES_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "faces"
TWELVE_MP = (4032, 3024)  # an iPad or phone camera's 12 MP photo

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class LabelledPhoto:
    name: str
    image: Image.Image
    faces: list[Box]


@dataclass(frozen=True)
class _Head:
    patch: Image.Image
    face: Box  # inside the patch


def _labels() -> dict[str, dict[str, list[list[int]] | list[int]]]:
    data = json.loads((FACES_DIR / "faces.json").read_text(encoding="utf-8"))
    photos: dict[str, dict[str, list[list[int]] | list[int]]] = data["photos"]
    return photos


def source_photos() -> list[LabelledPhoto]:
    """The committed photos with their hand-labelled boxes, as they are."""
    result = []
    for name, label in _labels().items():
        image = Image.open(FACES_DIR / name).convert("RGB")
        faces = [_box(face) for face in label["faces"]]  # type: ignore[union-attr]
        result.append(LabelledPhoto(name, image, faces))
    return result


def _box(values: object) -> Box:
    x, y, w, h = (int(v) for v in values)  # type: ignore[attr-defined]
    return (x, y, w, h)


def _heads() -> list[_Head]:
    heads = []
    for name, label in _labels().items():
        if "head" not in label:
            continue
        hx, hy, hw, hh = _box(label["head"])
        fx, fy, fw, fh = _box(label["faces"][0])
        patch = Image.open(FACES_DIR / name).convert("RGB").crop((hx, hy, hx + hw, hy + hh))
        heads.append(_Head(patch, (fx - hx, fy - hy, fw, fh)))
    return heads


def background(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    """An invented room: wall over floor, a few windows and posters, soft light, grain."""
    width, height = size
    horizon = int(height * rng.uniform(0.45, 0.6))
    wall = tuple(int(v) for v in rng.integers(120, 220, 3))
    floor = tuple(int(v) for v in rng.integers(60, 150, 3))
    image = Image.new("RGB", size, wall)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, horizon, width, height), fill=floor)
    for _ in range(12):
        w = int(rng.uniform(0.04, 0.2) * width)
        h = int(rng.uniform(0.05, 0.25) * height)
        x = int(rng.uniform(0, width - w))
        y = int(rng.uniform(0, max(1, horizon - h)))
        colour = tuple(int(v) for v in rng.integers(30, 255, 3))
        draw.rectangle((x, y, x + w, y + h), fill=colour)
        if rng.random() < 0.5:  # a window's bars
            draw.line((x + w // 2, y, x + w // 2, y + h), fill=(240, 240, 240), width=6)
    light = Image.fromarray(rng.integers(0, 255, (12, 16), dtype=np.uint8)).resize(
        size, Image.Resampling.BICUBIC)
    image = Image.composite(image, ImageOps.autocontrast(image, cutoff=2),
                            light.point(lambda v: 96 + v // 3))
    grain = rng.integers(-9, 10, (height, width, 1), dtype=np.int16)
    pixels = np.asarray(image, dtype=np.int16) + grain
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _clutter(image: Image.Image, count: int, rng: np.random.Generator) -> None:
    """Pieces of the photos away from any head (flag, suit, shuttle, tripod, coffee cup).

    They give the detector real textures and shapes to be wrong about, so precision means
    something; they are pasted before the faces, which go on top.
    """
    sources = []
    for name, label in _labels().items():
        photo = Image.open(FACES_DIR / name).convert("RGB")
        head = _box(label["head"]) if "head" in label else None
        sources.append((photo, head))
    for _ in range(count):
        photo, head = sources[int(rng.integers(len(sources)))]
        for _attempt in range(20):
            w, h = (int(v) for v in rng.integers(60, 220, 2))
            x = int(rng.integers(0, photo.width - w))
            y = int(rng.integers(0, photo.height - h))
            if head is None or not _overlaps((x, y, w, h), head):
                break
        else:
            continue
        scale = rng.uniform(0.5, 3.0)
        piece = photo.crop((x, y, x + w, y + h)).resize(
            (max(8, int(w * scale)), max(8, int(h * scale))), Image.Resampling.BILINEAR)
        image.paste(piece, (int(rng.integers(0, image.width - piece.width)),
                            int(rng.integers(0, image.height - piece.height))))


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _feathered_mask(size: tuple[int, int]) -> Image.Image:
    """An ellipse with a soft edge, so a pasted head has no rectangular outline."""
    w, h = size
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).ellipse((w * 0.06, h * 0.03, w * 0.94, h * 0.99), fill=255)
    return mask.filter(ImageFilter.GaussianBlur(max(1.0, min(w, h) / 14)))


def _variant(head: _Head, face_height: int, rng: np.random.Generator) -> _Head:
    """The head scaled so its face is face_height tall, maybe mirrored, lit a little differently."""
    scale = face_height / head.face[3]
    width = max(4, round(head.patch.width * scale))
    height = max(4, round(head.patch.height * scale))
    patch = head.patch.resize((width, height), Image.Resampling.LANCZOS)
    fx, fy, fw, fh = head.face
    face = (round(fx * scale), round(fy * scale), round(fw * scale), round(fh * scale))
    if rng.random() < 0.5:
        patch = ImageOps.mirror(patch)
        face = (width - face[0] - face[2], face[1], face[2], face[3])
    brightness = rng.uniform(0.8, 1.15)
    patch = patch.point(lambda v: min(255, int(v * brightness)))
    return _Head(patch, face)


def _paste(image: Image.Image, head: _Head, x: int, y: int) -> Box:
    image.paste(head.patch, (x, y), _feathered_mask(head.patch.size))
    fx, fy, fw, fh = head.face
    return (x + fx, y + fy, fw, fh)


def crowd_scene(seed: int, size: tuple[int, int] = TWELVE_MP, small_faces: int = 36,
                larger_faces: int = 4, clutter: int = 40) -> LabelledPhoto:
    """A class-photo-like scene: rows of faces 16–32 px tall at the back, a few larger in front.

    Heads are placed in a grid of cells, one head per cell, so no two overlap.
    """
    rng = np.random.default_rng(seed)
    image = background(size, rng)
    _clutter(image, clutter * size[0] * size[1] // (TWELVE_MP[0] * TWELVE_MP[1]), rng)
    heads = _heads()
    faces: list[Box] = []
    width, height = size
    columns = 12
    cell_w = width // columns
    back_rows = -(-small_faces // columns)
    cell_h = int(height * 0.55) // max(1, back_rows)
    for index in range(small_faces):
        head = _variant(heads[index % len(heads)], int(rng.integers(16, 33)), rng)
        column, row = index % columns, index // columns
        x = column * cell_w + int(rng.integers(0, max(1, cell_w - head.patch.width)))
        y = row * cell_h + int(rng.integers(0, max(1, cell_h - head.patch.height)))
        faces.append(_paste(image, head, x, y))
    front_top = int(height * 0.6)
    front_w = width // max(1, larger_faces)
    for index in range(larger_faces):
        face_height = int(rng.integers(48, min(360, height // 6)))
        head = _variant(heads[index % len(heads)], face_height, rng)
        x = index * front_w + int(rng.integers(0, max(1, front_w - head.patch.width)))
        y = front_top + int(rng.integers(0, max(1, height - front_top - head.patch.height)))
        faces.append(_paste(image, head, x, y))
    return LabelledPhoto(f"crowd-{seed}", image, faces)


def labelled_set(crowds: int = 3, size: tuple[int, int] = TWELVE_MP) -> list[LabelledPhoto]:
    """The source photos and `crowds` crowd scenes: what the benchmark scores."""
    return source_photos() + [crowd_scene(seed, size) for seed in range(crowds)]
