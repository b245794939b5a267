"""Harmless school-style pictures, generated, for trying the reply-picture detector.

No photo of anyone is added to the repository and nothing explicit is ever made: every
picture is drawn here from a seed (Pillow and numpy), so every run sees the same pixels.
Fifty pictures of the kinds a school's replies carry:

* 15 drawings: a gradient sky, grass, a sun, a house, balls, bunting (a child's picture);
* 10 posters and signs: coloured boards with the words a school writes ("Sports Day",
  "Class 4", "Well done!"), on the classroom backgrounds of benchmarks/text_scenes.py
  when its fonts are there, else on plain boards with Pillow's own font;
* 10 drawn people in skin tones from pale to dark: round faces, arms and legs as
  rounded bars, in T-shirts and shorts (what a sports day drawing looks like, and the
  skin-coloured shapes a nudity detector could mistake);
* 15 class and team photos: rows of people built from the public-domain portraits in
  tests/data/faces by benchmarks/face_scenes.group_photo (downscaled, a phone's noise,
  a middling JPEG).

Used by benchmarks/reply_images.py and tests/unit/test_reply_images_model.py.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = (960, 720)
SKIN_TONES = [(255, 224, 196), (241, 194, 160), (224, 172, 140), (198, 134, 98),
              (160, 104, 70), (120, 78, 50), (86, 56, 38)]
WORDS = ["Sports Day", "Class 4", "Well done!", "Summer Fair", "Reading Week",
         "Harvest Festival", "Star of the Week", "Welcome back", "Book Fair", "Eco Club"]


def _colour(rng: np.random.Generator, low: int = 0, high: int = 256) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in rng.integers(low, high, 3))
    return r, g, b


def _gradient(size: tuple[int, int], top: tuple[int, int, int],
              bottom: tuple[int, int, int]) -> Image.Image:
    width, height = size
    t = np.linspace(0.0, 1.0, height)[:, None, None]
    rows = (1 - t) * np.array(top)[None, None, :] + t * np.array(bottom)[None, None, :]
    return Image.fromarray(np.repeat(rows, width, axis=1).astype(np.uint8), "RGB")


def drawing(seed: int) -> Image.Image:
    rng = np.random.default_rng(20_000 + seed)
    width, height = SIZE
    image = _gradient(SIZE, (90, 160, 235), (200, 230, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(height * 0.65), width, height), fill=(70, 160, 60))
    sun = int(rng.integers(60, 110))
    draw.ellipse((width - 2 * sun - 30, 30, width - 30, 30 + 2 * sun), fill=(255, 210, 40))
    x = int(rng.integers(80, width // 2))
    base = int(height * 0.65)
    draw.rectangle((x, base - 180, x + 220, base), fill=_colour(rng, 120, 240))
    draw.polygon([(x - 20, base - 180), (x + 110, base - 290), (x + 240, base - 180)],
                 fill=(170, 40, 40))
    draw.rectangle((x + 90, base - 90, x + 130, base), fill=(90, 60, 30))
    for _ball in range(int(rng.integers(2, 6))):
        r = int(rng.integers(15, 40))
        bx, by = int(rng.integers(r, width - r)), int(rng.integers(base + r, height - r))
        draw.ellipse((bx - r, by - r, bx + r, by + r), fill=_colour(rng))
    for i in range(12):  # bunting
        left = 40 + i * 70
        draw.polygon([(left, 20), (left + 60, 20), (left + 30, 70)], fill=_colour(rng, 60))
    return image


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        from benchmarks.text_scenes import FONTS, font, fonts_available

        if fonts_available():
            return font(FONTS[0], size)
    except (ImportError, OSError, IndexError):
        pass
    return ImageFont.load_default(size)


def poster(seed: int) -> Image.Image:
    rng = np.random.default_rng(30_000 + seed)
    image = _gradient(SIZE, _colour(rng, 150), _colour(rng, 100))
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rounded_rectangle((60, 80, width - 60, height - 80), radius=30,
                           fill=_colour(rng, 200), outline=_colour(rng, 0, 120), width=8)
    words = WORDS[seed % len(WORDS)]
    draw.text((width // 2, height // 2 - 60), words, fill=_colour(rng, 0, 100),
              font=_font(84), anchor="mm")
    draw.text((width // 2, height // 2 + 60), "St Peter's Primary", fill=(30, 30, 30),
              font=_font(48), anchor="mm")
    for _star in range(int(rng.integers(3, 8))):
        cx, cy = int(rng.integers(100, width - 100)), int(rng.integers(110, height - 110))
        r = int(rng.integers(12, 30))
        points = [(cx + (r if k % 2 == 0 else r // 2) * math.cos(k * math.pi / 5),
                   cy + (r if k % 2 == 0 else r // 2) * math.sin(k * math.pi / 5))
                  for k in range(10)]
        draw.polygon(points, fill=(250, 200, 30))
    return image


def drawn_people(seed: int) -> Image.Image:
    rng = np.random.default_rng(40_000 + seed)
    width, height = SIZE
    image = _gradient(SIZE, (150, 200, 250), (110, 180, 90))
    draw = ImageDraw.Draw(image)
    people = int(rng.integers(2, 5))
    for n in range(people):
        skin = SKIN_TONES[int(rng.integers(0, len(SKIN_TONES)))]
        shirt, shorts = _colour(rng, 40), _colour(rng, 20, 160)
        cx = int((n + 0.5) * width / people)
        scale = float(rng.uniform(0.8, 1.2))

        def s(value: float, scale: float = scale) -> int:
            return int(value * scale)

        top = int(height * 0.15)
        draw.ellipse((cx - s(55), top, cx + s(55), top + s(120)), fill=skin)  # head
        draw.ellipse((cx - s(20), top + s(45), cx - s(10), top + s(55)), fill=(30, 30, 30))
        draw.ellipse((cx + s(10), top + s(45), cx + s(20), top + s(55)), fill=(30, 30, 30))
        draw.arc((cx - s(25), top + s(60), cx + s(25), top + s(95)), 20, 160,
                 fill=(120, 30, 30), width=4)
        body = top + s(120)
        draw.rounded_rectangle((cx - s(70), body, cx + s(70), body + s(200)), s(30),
                               fill=shirt)  # T-shirt
        draw.rounded_rectangle((cx - s(120), body + s(10), cx - s(70), body + s(170)), s(22),
                               fill=skin)  # arms
        draw.rounded_rectangle((cx + s(70), body + s(10), cx + s(120), body + s(170)), s(22),
                               fill=skin)
        draw.rectangle((cx - s(70), body + s(200), cx + s(70), body + s(270)), fill=shorts)
        draw.rounded_rectangle((cx - s(60), body + s(270), cx - s(15), body + s(420)), s(18),
                               fill=skin)  # legs
        draw.rounded_rectangle((cx + s(15), body + s(270), cx + s(60), body + s(420)), s(18),
                               fill=skin)
    return image


def class_photo(seed: int) -> Image.Image:
    from benchmarks.face_scenes import group_photo

    return group_photo(5_000 + seed, SIZE, smallest=24, largest=110).image.convert("RGB")


def school_pictures(count: int = 50) -> list[tuple[str, Image.Image]]:
    """The 50 pictures (name, image), in the mix the docstring gives."""
    makers = ([("drawing", drawing)] * 15 + [("poster", poster)] * 10
              + [("people", drawn_people)] * 10 + [("class photo", class_photo)] * 15)
    return [(f"{name} {n}", make(n)) for n, (name, make) in enumerate(makers[:count])]
