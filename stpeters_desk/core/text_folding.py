"""Folding text to what a reader sees, so a name cannot hide behind how it is encoded.

A child's name can be typed, pasted or deliberately written so that it looks
right on X while its characters differ from the roster's: a zero-width space or
soft hyphen inside it, letters from another script that look the same (a
Cyrillic "О" in "Оlivia"), mathematical or full-width letters, or the name
typed backwards inside a right-to-left override so that it *displays* forwards.
The name guard therefore checks the folded text this module builds, and maps
every finding back to the characters the person typed:

- characters that are invisible by definition (Unicode's default-ignorable
  code points: zero-width spaces and joiners, soft hyphens, direction marks,
  variation selectors, fillers) are dropped, and so are combining marks (the
  guard ignores accents anyway, and stacked marks can split a word);
- each remaining character is folded with NFKC (𝐎, Ｏ and Ⓞ become O);
- letters from other scripts that look like a Latin letter are replaced by it,
  using Unicode's confusables data (Unicode Technical Standard #39) as shipped
  by the maintained ``confusable_homoglyphs`` package;
- a run inside a right-to-left override is put in the order it is displayed.

Direction controls have no place in a school's post at all: the pre-flight
refuses them (``direction_controls``), and the guard still reads the name they
were hiding.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "DIRECTION_CONTROLS",
    "FoldedText",
    "direction_controls",
    "fold_text",
    "is_invisible",
    "latin_base_letter",
]

# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt): characters that
# render as nothing. U+2800 (a blank braille cell) is not in the list but shows as a space.
_INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)

DIRECTION_CONTROLS = frozenset(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""Embeddings, overrides and isolates: they reorder what is displayed, so can hide words."""

_RIGHT_TO_LEFT_OVERRIDE = "\u202e"
_LEFT_TO_RIGHT_OVERRIDE = "\u202d"
_OVERRIDE_ENDS = frozenset({"\u202c", "\u2069", "\n", "\r", "\u2029"})
_BLANKS = {"\u2800": " "}


def is_invisible(char: str) -> bool:
    """True for a character that displays as nothing (and so can split a name unseen)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _INVISIBLE_RANGES)


def direction_controls(text: str) -> list[int]:
    """Where ``text`` has characters that change the direction it is displayed in."""
    return [index for index, char in enumerate(text) if char in DIRECTION_CONTROLS]


@dataclass(frozen=True)
class FoldedText:
    """The folded text and, for each of its characters, where it came from in the original."""

    text: str
    origin: tuple[int, ...]
    source: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind ``text[start:end]`` (reordered runs included).

        Accents typed as separate marks after the last letter belong to the span.
        """
        if start >= end:
            return self.origin[start] if start < len(self.origin) else 0, 0
        covered = self.origin[start:end]
        first, last = min(covered), max(covered) + 1
        while last < len(self.source) and _is_mark(self.source[last]):
            last += 1
        return first, last


def fold_text(text: str) -> FoldedText:
    """``text`` as a reader sees it: invisible characters gone, look-alikes made Latin."""
    if text.isascii():
        return FoldedText(text, tuple(range(len(text))), text)
    chars: list[str] = []
    origin: list[int] = []
    for index in _display_order(text):
        for char in _fold_char(text[index]):
            chars.append(char)
            origin.append(index)
    kept = _without_symbols_inside_words(chars)
    return FoldedText("".join(chars[i] for i in kept), tuple(origin[i] for i in kept), text)


def _without_symbols_inside_words(chars: list[str]) -> list[int]:
    """Indexes to keep: emoji and other symbols between two letters ("P🎉riya",
    "O🌟l🌟i🌟v🌟i🌟a") are decoration inside a word, so the word is read without them."""
    kept: list[int] = []
    index = 0
    while index < len(chars):
        end = index
        while end < len(chars) and unicodedata.category(chars[end]) in ("So", "Sk"):
            end += 1
        if end > index and index > 0 and end < len(chars) \
                and chars[index - 1].isalpha() and chars[end].isalpha():
            index = end
            continue
        kept.append(index)
        index += 1
    return kept


def _display_order(text: str) -> list[int]:
    """Indexes of ``text`` in the order they are displayed inside right-to-left overrides.

    Only an override reverses Latin letters on screen (an embedding or isolate
    keeps each word's letters in order), so only its runs are reversed; the run
    ends at its pop character, an isolate's end or the end of the line.
    """
    order: list[int] = []
    run: list[int] | None = None
    for index, char in enumerate(text):
        if char == _RIGHT_TO_LEFT_OVERRIDE:
            if run is not None:
                order.extend(reversed(run))
            run = []
            continue
        if run is not None and (char in _OVERRIDE_ENDS or char == _LEFT_TO_RIGHT_OVERRIDE):
            order.extend(reversed(run))
            run = None
        if run is None:
            order.append(index)
        else:
            run.append(index)
    if run is not None:
        order.extend(reversed(run))
    return order


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char.isascii():
        return char
    if is_invisible(char) or _is_mark(char):
        return ""
    if char in _BLANKS:
        return _BLANKS[char]
    enclosed = _ENCLOSED_LETTER.fullmatch(unicodedata.name(char, ""))
    if enclosed:  # 🅞, 🄾 with a dark ground, ⒪ (NFKC would add brackets), 🇴
        return enclosed.group(2) if enclosed.group(1) != "SMALL" else enclosed.group(2).lower()
    folded = unicodedata.normalize("NFKC", char)
    return "".join(_latin_look_alike(c) for c in folded)


def _latin_look_alike(char: str) -> str:
    """The Latin letter ``char`` is made to look like, or ``char`` itself.

    Accented Latin letters (é, ŵ) are left alone: the guard's own folding drops
    their accents. For the one ambiguous case in the confusables data (a
    capital I and a small l look alike), the case of the character decides.
    """
    if char.isascii() or unicodedata.decomposition(char):
        return char
    candidates = _confusables().get(char, "")
    if not candidates:
        return latin_base_letter(char)
    if candidates == "l" and char.isupper():
        return "I"
    same_case = [c for c in candidates if c.isupper() == char.isupper()]
    return (same_case or list(candidates))[0]


_ENCLOSED_LETTER = re.compile(
    r"(?:NEGATIVE (?:CIRCLED|SQUARED) |PARENTHESIZED |REGIONAL INDICATOR SYMBOL )"
    r"(?:LATIN )?(?:(SMALL|CAPITAL) )?LETTER ([A-Z])")
_LATIN_LETTER_NAME = re.compile(
    r"LATIN (SMALL |CAPITAL )?LETTER (SMALL CAPITAL )?([A-Z])( WITH .*)?")


@functools.lru_cache(maxsize=2048)
def latin_base_letter(char: str) -> str:
    """The plain letter of a Latin letter that Unicode does not decompose: ł, ø, ᴏ, ʟ.

    Polish, Danish and Norwegian names keep their stroked letters in a roster but
    are often typed without them ("Lukasz" for "Łukasz"); small capitals are a
    way of writing a name that NFKC leaves alone.
    """
    if char.isascii() or not char.isalpha():
        return char
    match = _LATIN_LETTER_NAME.fullmatch(unicodedata.name(char, ""))
    if match is None:
        return char
    letter = match.group(3)
    return letter if match.group(1) == "CAPITAL " else letter.lower()


@functools.cache
def _confusables() -> dict[str, str]:
    """Each non-ASCII character that looks like an ASCII letter, with the letters it looks like.

    Read once from the TS #39 data inside ``confusable_homoglyphs`` (MIT
    licence; the data is Unicode's, under the Unicode licence).
    """
    data = json.loads(resources.files("confusable_homoglyphs")
                      .joinpath("confusables.json").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for char, homoglyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        letters = "".join(h["c"] for h in homoglyphs
                          if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isalpha())
        if letters:
            table[char] = letters
    return table
