"""Invented photos with children's names written in them, and school photos with none.

No real child may appear in a test, so the name-in-photo set is drawn here: a wall, a
floor and camera grain (benchmarks/face_scenes.background), then the places a child's
name turns up in a classroom photo: a name badge, an exercise book's cover, a whiteboard,
a coat-peg label and a certificate. Each name is drawn in one of the DejaVu fonts (Sans,
Serif, Mono, condensed, bold, oblique, light: Debian's fonts-dejavu-core, which .ci/run
installs), 20–140 px tall, turned by up to 20°, in its own colours, and its box is
recorded. The "ordinary" scenes carry the text a school photo usually has (displays,
signs, dates) and no pupil's name, for counting false blocks.

Every roster name is invented. Everything comes from a seed, so every run of the
benchmark and the tests sees the same pixels. Used by benchmarks/photo_text.py and
tests/unit/test_photo_text.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from benchmarks.face_scenes import background

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
         "DejaVuSansMono.ttf", "DejaVuSansCondensed-Oblique.ttf", "DejaVuSerifCondensed.ttf",
         "DejaVuSans-ExtraLight.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono-Bold.ttf")

# Invented pupils: first name and surname, as a roster gives them.
ROSTER = (
    "Olivia Smith", "Isabella Hughes", "Alfie Brennan", "William Fairley", "Harriet Quinlan",
    "Amelia Okafor", "Theodore Walsh", "Freya Lindqvist", "Jasper Pemberton", "Niamh Connolly",
    "Zara Kaurwell", "Oscar Whitfield", "Evie Thornton", "Reuben Castell", "Poppy Marsh",
    "Arthur Dunmore", "Sienna Patel", "Leo Hartigan", "Maisie Corbett", "Tobias Renshaw",
)
FIRST_NAMES = tuple(name.split()[0] for name in ROSTER)

# What a classroom photo shows besides names: none of it is a pupil's name.
SCHOOL_TEXT = (
    "Year 4 Science Week", "Reading Corner", "Please wash your hands", "Fire Exit",
    "Tuesday 14 May", "Class 3 Rainforest", "Well done everyone!", "Our Times Tables",
    "Maths Challenge", "Sports Day 2026", "Healthy Eating", "The Water Cycle",
    "Golden Rules", "Be kind", "Library", "Harvest Festival", "World Book Day",
    "Spelling Bee", "Number Bonds to 20", "Keep Calm and Read On", "Eco Council",
    "Lost Property", "Nature Table", "Our Class Charter", "Art Gallery",
)

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class WrittenName:
    name: str
    box: Box  # x, y, w, h in the photo's pixels, around the turned text
    height: int  # the letters' height in pixels before turning
    angle: float
    carrier: str  # badge, book, whiteboard, peg or certificate

    def box_overlaps(self, box: Box) -> bool:
        """A box read in the photo is on this name's card: its centre lies on the card."""
        centre_x, centre_y = box[0] + box[2] / 2, box[1] + box[3] / 2
        x, y, w, h = self.box
        return x <= centre_x <= x + w and y <= centre_y <= y + h


@dataclass(frozen=True)
class TextPhoto:
    label: str
    image: Image.Image
    names: tuple[WrittenName, ...]
    other_text: tuple[str, ...]


@cache
def font(file: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / file), size)


def fonts_available() -> bool:
    return all((FONT_DIR / file).exists() for file in FONTS)


def _colour(rng: np.random.Generator, low: int, high: int) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in rng.integers(low, high, 3))
    return (r, g, b)


def _card(text: str, face: ImageFont.FreeTypeFont, ink: tuple[int, int, int],
          paper: tuple[int, int, int], margin: float, prefix: str = "") -> Image.Image:
    """The text on its card (badge, label, book cover), upright, with an outline."""
    shown = prefix + text
    left, top, right, bottom = face.getbbox(shown)
    pad = max(6, int((bottom - top) * margin))
    card = Image.new("RGBA", (right - left + 2 * pad, bottom - top + 2 * pad), (*paper, 255))
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, card.width - 1, card.height - 1), outline=(*ink, 255),
                   width=max(2, pad // 6))
    draw.text((pad - left, pad - top), shown, font=face, fill=(*ink, 255))
    return card


def _place(image: Image.Image, card: Image.Image, angle: float, rng: np.random.Generator,
           taken: list[Box]) -> Box | None:
    """Turn the card and paste it where nothing else is; its box in the photo, or None."""
    turned = card.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    if turned.width >= image.width or turned.height >= image.height:
        return None
    for _attempt in range(60):
        x = int(rng.integers(0, image.width - turned.width))
        y = int(rng.integers(0, image.height - turned.height))
        box = (x, y, turned.width, turned.height)
        if not any(_overlaps(box, other) for other in taken):
            image.paste(turned, (x, y), turned)
            taken.append(box)
            return box
    return None


def _overlaps(a: Box, b: Box) -> bool:
    gap = 20
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap
            and a[1] < b[1] + b[3] + gap and b[1] < a[1] + a[3] + gap)


CARRIERS = ("badge", "book", "whiteboard", "peg", "certificate")


def _carrier_card(carrier: str, name: str, face: ImageFont.FreeTypeFont,
                  rng: np.random.Generator) -> Image.Image:
    if carrier == "badge":  # a white or pale badge, dark letters
        return _card(name, face, _colour(rng, 0, 90), _colour(rng, 215, 256), 0.35)
    if carrier == "book":  # a coloured exercise-book cover with a white name panel
        return _card(name, face, _colour(rng, 0, 70), (250, 250, 245), 0.6, prefix="Name: ")
    if carrier == "whiteboard":  # marker on a white board
        marker = ((20, 40, 160), (10, 10, 10), (170, 20, 30), (20, 110, 40))
        return _card(name, face, marker[int(rng.integers(len(marker)))], (244, 246, 248), 0.9)
    if carrier == "peg":  # a small coloured label, light or dark letters
        paper = _colour(rng, 60, 256)
        ink = (255, 255, 255) if sum(paper) < 400 else (20, 20, 20)
        return _card(name, face, ink, paper, 0.25)
    return _card(name, face, (120, 80, 10), (255, 248, 225), 0.5, prefix="Awarded to ")


def name_scene(seed: int, names: int = 1, size: tuple[int, int] = (3200, 2400),
               small: bool = False) -> TextPhoto:
    """A classroom-like photo with `names` roster first names written in it.

    Letters are 20–140 px tall (20–40 with small=True), turned by up to 20°.
    """
    rng = np.random.default_rng(seed)
    image = background(size, rng).convert("RGBA")
    taken: list[Box] = []
    written = []
    for index in range(names):
        name = FIRST_NAMES[int(rng.integers(len(FIRST_NAMES)))]
        height = int(rng.integers(20, 41) if small else rng.integers(20, 141))
        carrier = CARRIERS[(seed + index) % len(CARRIERS)]
        face = font(FONTS[int(rng.integers(len(FONTS)))], _point_size(height))
        angle = float(rng.uniform(-20, 20))
        box = _place(image, _carrier_card(carrier, name, face, rng), angle, rng, taken)
        if box is not None:
            written.append(WrittenName(name, box, height, angle, carrier))
    shown = _school_text(image, rng, taken, count=2)
    return TextPhoto(f"names-{seed}", image.convert("RGB"), tuple(written), shown)


def ordinary_scene(seed: int, size: tuple[int, int] = (3200, 2400)) -> TextPhoto:
    """A classroom-like photo with displays and signs and no pupil's name."""
    rng = np.random.default_rng(10_000 + seed)
    image = background(size, rng).convert("RGBA")
    shown = _school_text(image, rng, [], count=4)
    return TextPhoto(f"ordinary-{seed}", image.convert("RGB"), (), shown)


def _school_text(image: Image.Image, rng: np.random.Generator, taken: list[Box],
                 count: int) -> tuple[str, ...]:
    shown = []
    for _ in range(count):
        text = SCHOOL_TEXT[int(rng.integers(len(SCHOOL_TEXT)))]
        height = int(rng.integers(30, 121))
        face = font(FONTS[int(rng.integers(len(FONTS)))], _point_size(height))
        card = _card(text, face, _colour(rng, 0, 100), _colour(rng, 200, 256), 0.5)
        if _place(image, card, float(rng.uniform(-8, 8)), rng, taken) is not None:
            shown.append(text)
    return tuple(shown)


def _point_size(letter_height: int) -> int:
    """DejaVu's capitals are about 0.73 of the point size tall."""
    return max(8, math.ceil(letter_height / 0.73))


def name_set(count: int = 40) -> list[TextPhoto]:
    """The benchmark's photos with names: one name each, every carrier, font and angle."""
    return [name_scene(seed) for seed in range(count)]


def ordinary_set(count: int = 20) -> list[TextPhoto]:
    return [ordinary_scene(seed) for seed in range(count)]
