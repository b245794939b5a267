"""Offline assessment of replies and mentions: ok, needs review, or hide suggested.

The school's policy treats offensive language, remarks that undermine the
school or its staff, threats and spam as inappropriate, but a person always
decides: the app only suggests. Everything runs on this computer from plain
word lists under ``resources/wordlists`` that the school can read and edit, so
no reply text ever leaves the building and every suggestion can be explained
("Strong swearing: "s**t" (read as "shit")").

Why word lists and not a trained model: the packaged models (alt-profanity-check
pulls in scikit-learn, about 270 MB, and takes seconds to import) cannot be
corrected by the school, and the general word lists shipped by profanity
packages flag half a primary school's vocabulary (nappy, pasty, organ, virgin,
strip, willy). Lists written for a school, with an allow-list applied first,
are smaller, faster and explainable.

How a reply is read: letters are folded (capitals, accents, look-alike Cyrillic
letters), links and @handles are set aside, words are split off, l33t spelling
is undone (sh1t, $hit, tw@t), and masked or spaced swearing is put back
together (s**t, f***ing, F#%k, f u c k, s.h.i.t). Then the allow-list removes
innocent phrases (Dick Whittington, blue tits, Scunthorpe) and what is left is
matched against the lists.

Next to the lists sits a trained model (``core.reply_model``): when the lists find
nothing to ask about, it reads the reply as a whole and asks for a person when it
reads as hostile or insulting (naming the words that weighed most), or marks it
"maybe" when it scores just below that line. It never lowers what the lists decided
and never suggests hiding on its own. The figures on public tweets it never trained
on are printed by ``benchmarks/moderation.py``.

Reasons are data (``core.moderation_reasons``: the rule, its kind, the words found), stored
as such and put into words only when shown, in the language chosen in Settings, or in
English for incident packs. The rule names come from the word lists, so a school's own
sections are shown as the lists write them.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, KeysView, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from stpeters_desk.core.moderation_reasons import (
    BuiltIn,
    ChildNamesNote,
    FoundWords,
    Reason,
    shown_section_name,
)
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.reply_model import ReplyModel, keep_new, load_reply_model, sigmoid
from stpeters_desk.i18n import Translator, english, translate

__all__ = ["shown_section_name"]  # also for follower_risk, which names list sections too

OK = "ok"
REVIEW = "review"
HIDE = "hide"
LEVELS = (OK, REVIEW, HIDE)

HIDE_AT = 0.75     # combined weight of hide and hint matches that suggests hiding
REVIEW_AT = 0.3    # combined weight of all matches that asks for a person
REVIEW_CEILING = 0.74  # review-only matches never reach HIDE_AT

DEFAULT_WORD_LISTS = ("offensive.txt", "allowlist.txt", "school_lexicon.txt")
MODERATION_KINDS = ("hide", "review", "hint", "group", "allow")
_DEFAULT_WEIGHTS = {"hide": 0.9, "review": 0.5, "hint": 0.5}
_GAP_WORDS = 3
_MASK = frozenset("*#%")


class WordListError(ValueError):
    """A word list cannot be read; the message names the file and line to fix."""


# --- Words kept in English, shown translated -----------------------------------------------


class StoredWording:
    """A sentence the database keeps in English and the tabs show in the chosen language.

    ``words`` gives the sentence, with named placeholders, from whichever translate function
    it is handed: so the English that is stored and the translation that is shown come from
    the one literal that lupdate finds, and a stored sentence is recognised by its English.
    """

    def __init__(self, words: Callable[[Translator], str]) -> None:
        self._words = words

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        """Made on first use, so that importing the module stays quick."""
        parts = re.split(r"\{(\w+)\}", self._words(english))
        return re.compile("".join(f"(?P<{part}>.*?)" if index % 2 else re.escape(part)
                                  for index, part in enumerate(parts)), re.DOTALL)

    def english(self, **values: object) -> str:
        return self._words(english).format(**values)

    def shown(self, stored: str, **convert: Callable[[str], str]) -> str | None:
        """The stored English sentence in the chosen language; None when it is not this one.

        ``convert`` turns the values of named placeholders into the chosen language too
        (a word list's section name, say).
        """
        match = self._pattern.fullmatch(stored)
        if match is None:
            return None
        values = match.groupdict()
        for name, turn in convert.items():
            if name in values:
                values[name] = turn(values[name])
        try:
            return self._words(translate).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a mistyped placeholder
            return stored


# --- Word list files ---------------------------------------------------------------------


@dataclass(frozen=True)
class WordListSection:
    """One ``[name: kind weight]`` section of a word list file."""

    name: str
    kind: str
    weight: float | None
    entries: tuple[str, ...]
    source: str


_HEADER = re.compile(
    r"\[\s*(?P<name>[^:\]]+?)\s*:\s*(?P<kind>[a-z]+)(?:\s+(?P<weight>-?\d+(?:\.\d+)?))?\s*\]")


def parse_word_list(text: str, source: str, kinds: Sequence[str]) -> list[WordListSection]:
    """Sections of a word list; ``kinds`` are the section kinds the caller understands."""
    sections: list[WordListSection] = []
    header: re.Match[str] | None = None
    entries: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            if header is not None:
                sections.append(_section(header, entries, source))
            header = _header(line, kinds, translate("Moderation", "{file}, line {number}")
                             .format(file=source, number=number))
            entries = []
            continue
        if header is None:
            raise WordListError(translate("Moderation", "{file}, line {number}: {line} comes "
                                                        "before any [section: kind] heading.")
                                .format(file=source, number=number, line=repr(line)))
        entries.append(" ".join(line.split()))
    if header is not None:
        sections.append(_section(header, entries, source))
    return sections


def _header(line: str, kinds: Sequence[str], where: str) -> re.Match[str]:
    match = _HEADER.fullmatch(line)
    if match is None:
        raise WordListError(translate("Moderation",
                                      "{where}: a heading looks like [rule name: kind], not "
                                      "{line}.").format(where=where, line=repr(line)))
    if match["kind"] not in kinds:
        raise WordListError(translate("Moderation", "{where}: the kind {kind} is not one of "
                                                    "{kinds}.")
                            .format(where=where, kind=repr(match["kind"]), kinds=", ".join(kinds)))
    return match


def _section(header: re.Match[str], entries: list[str], source: str) -> WordListSection:
    weight = float(header["weight"]) if header["weight"] is not None else None
    return WordListSection(header["name"], header["kind"], weight, tuple(entries), source)


def read_word_list(path: Path, kinds: Sequence[str]) -> list[WordListSection]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WordListError(translate("Moderation", "The word list {file} cannot be read: "
                                                    "{error}").format(file=path, error=exc)
                            ) from exc
    return parse_word_list(text, path.name, kinds)


def word_lists_dir() -> Path:
    return resources_dir() / "wordlists"


# --- Reading a text ----------------------------------------------------------------------

_INVISIBLE = {ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f\u00ad"}
_INVISIBLE.update({code: None for code in range(0x1F3FB, 0x1F400)})  # skin tones
_LOOKALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ѕ": "s", "ј": "j", "ԁ": "d", "ɑ": "a", "’": "'", "‘": "'", "ʼ": "'", "`": "'",
    "´": "'", "–": "-", "—": "-",
})


def _character_class(codes: Iterable[int]) -> re.Pattern[str]:
    """One pattern for a set of characters, written as runs of neighbouring code points."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(f"\\U{low:08x}" if low == high else
                                    f"\\U{low:08x}-\\U{high:08x}" for low, high in runs) + "]")


_INVISIBLE_CHARACTERS = _character_class(_INVISIBLE)
_LOOKALIKE_CHARACTERS = _character_class(_LOOKALIKES)
_TLDS = "com|net|org|info|io|co|uk|me|ly|xyz|shop|site|online|top|link|gg|tv|ru|biz|click"
_LINK = re.compile(
    r"https?://\S+|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:" + _TLDS + r")(?:/\S*)?")
# What every link and every email address holds, found far faster than the patterns above
# (which try at every word); most replies hold neither, and skip the patterns.
_LINK_MARK = re.compile(r"://|www\.|\.(?:" + _TLDS + ")")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_MARK = re.compile(r"@[\w-]+\.")
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d\s?){9,10}(?!\d)")
# "(?<![\w@])@\w+", written to start with its "@" so that it is found as quickly as a letter
_HANDLE = re.compile(r"@(?<![\w@]@)\w+")
_THREE_LETTERS = re.compile(r"(?<!\S)[^\W\d_] [^\W\d_] [^\W\d_](?!\S)")  # "f u c k"
_TOKEN = re.compile(r"[\w*#%@$!|'.\-]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
# every ASCII character no token holds (``_TOKEN``), as a space
_NOT_IN_TOKENS = {code: " " for code in range(128)
                  if not (chr(code).isalnum() or chr(code) in "_*#%@$!|'.-")}
_NUMBER = re.compile(r"\d[\d.,]*(?:k|m|x|%|st|nd|rd|th|am|pm|p)?")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_THEN_DIGIT = re.compile(r"[^\W\d_]\d")
_RUN3 = re.compile(r"(.)\1{2,}")
_MASK_THEN_LETTER = re.compile(r"[*#%][^\W\d_]")
_SEPARATORS = re.compile(r"[._-]+")
# Contractions that, without their apostrophe, spell another word a list or the model
# reads as something else: "I'll" is not "ill", "he'll" is not "hell", "we'll fit" is not
# "well fit". They are read as the words they stand for; written without the apostrophe
# they stay as typed ("ill" may still mean ill). Other contractions ("you'll" = "youll",
# "we're" = "were") keep the lists' rule: apostrophes can be left in or out.
_CONTRACTIONS = {
    "i'll": ("i", "will"), "he'll": ("he", "will"), "she'll": ("she", "will"),
    "we'll": ("we", "will"),
}
_LEET_SYMBOLS = str.maketrans("@$!|", "asii")
_LEET_DIGITS = str.maketrans("013457", "oieast")


@dataclass(frozen=True)
class Reading:
    """A text as the matcher sees it: folded words, plus what was set aside."""

    words: tuple[str, ...]
    links: int = 0
    personal_details: int = 0


def fold(text: str) -> str:
    """Lower case without accents, invisible characters or look-alike letters.

    The characters dropped or replaced are found by patterns of them rather than by
    ``str.translate``, which looks every character of a text that is not plain ASCII up
    one at a time: the same text, several times as fast.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", _INVISIBLE_CHARACTERS.sub("", text))
        first_plane, beyond = _combining_patterns()
        text = first_plane.sub("", text)
        if text and max(text) > "\uffff":
            text = beyond.sub("", text)
    text = text.casefold()
    if text.isascii():  # the only plain ASCII look-alike is "`"
        return text.replace("`", "'") if "`" in text else text
    return _LOOKALIKE_CHARACTERS.sub(_looks_like, text)


def _looks_like(match: re.Match[str]) -> str:
    return str(_LOOKALIKES[ord(match[0])])


@functools.cache
def _combining_marks() -> dict[int, None]:
    """Every character with a combining class (accents and other marks) mapped to nothing.
    Unicode has none beyond the first two planes (a test checks the whole range against
    this Python's Unicode data)."""
    return dict.fromkeys(map(ord, filter(unicodedata.combining, map(chr, range(0x20000)))))


@functools.cache
def _combining_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The characters of ``_combining_marks``, found by patterns (which drop them all at
    once, far faster than ``str.translate``): those of the first plane (a class the regular
    expression engine checks as one table), and those beyond it, looked for only in a text
    that has a character beyond it."""
    marks = _combining_marks()
    return (_character_class(code for code in marks if code <= 0xFFFF),
            _character_class(code for code in marks if code > 0xFFFF))


@functools.lru_cache(maxsize=256)
def read_text(text: str) -> Reading:
    """Kept for the last few texts: the lists and the trained model both read each reply."""
    folded = fold(text)
    # Each pattern only runs when the character it cannot match without is there: the
    # same readings, without scanning most replies four times.
    links = personal = 0
    if _LINK_MARK.search(folded):
        found = _LINK.findall(folded)
        if found:
            links = len(found)
            folded = _LINK.sub(" ", folded)
    if _EMAIL_MARK.search(folded):
        found = _EMAIL.findall(folded)
        if found:
            personal = len(found)
            folded = _EMAIL.sub(" ", folded)
    # before the handles go: as it always was; a number starts "0" or "+44"
    if "0" in folded or "+44" in folded:
        personal += len(_PHONE.findall(folded))
    if "@" in folded:
        folded = _HANDLE.sub(" ", folded)
    # a text of plain ASCII (most): its tokens are the runs of the characters tokens are
    # made of, the others made spaces, found by ``split`` many times as fast as the pattern
    raws = folded.translate(_NOT_IN_TOKENS).split() if folded.isascii() else \
        _TOKEN.findall(folded)
    keep_new(_CLEANED, raws, _CLEANED_LIMIT, _cleaned)
    return Reading(tuple(itertools.chain.from_iterable(map(_CLEANED.__getitem__, raws))),
                   links, personal)


def _clean(raw: str) -> list[str]:
    """One raw token as words: hashtags, emphasis, dotted and dashed spelling undone."""
    if raw.isalpha():  # most tokens: letters only, nothing below would change them
        return [raw]
    contraction = _CONTRACTIONS.get(raw.strip(".-_!|"))
    if contraction is not None:
        return list(contraction)
    if len(raw) == 1 and not raw.isalnum():
        return [raw] if raw not in "*#%@$!|'.-" else []
    word = raw.replace("'", "").strip(".-_!|")
    if word.isalpha():  # "don't", "well.", "yes!": nothing below would change it
        return [word]
    if len(word) >= 3 and set(word) <= _MASK:
        return [word]  # "****": a whole word masked
    word = word.lstrip("#")
    if word.isalpha():  # "#maga": as above
        return [word]
    if word.startswith("*") and word.endswith("*"):
        word = word.strip("*")  # *emphasis*
    if not word:
        return []
    if _NUMBER.fullmatch(word):
        return [word]
    pieces = [piece for piece in _SEPARATORS.split(word) if piece]
    if len(pieces) >= 3 and all(len(piece) == 1 for piece in pieces):
        return [_unleet("".join(pieces))]  # f.u.c.k, s-h-i-t
    return [_unleet(piece) for piece in pieces]


def _cleaned(raw: str) -> tuple[str, ...]:
    """``_clean`` as kept in ``_CLEANED`` (a token of letters alone is its own word)."""
    return (raw,) if raw.isalpha() else tuple(_clean(raw))


# ``_clean`` of each token met, kept for the tokens replies use again and again ("the",
# "well", "done"): ``read_text`` finds them all at once
_CLEANED: dict[str, tuple[str, ...]] = {}
_CLEANED_LIMIT = 100_000


def _unleet(word: str) -> str:
    """sh1t -> shit, $hit -> shit, tw@t -> twat; leaves 10k, y6 and 4pm alone."""
    letters = len(_LETTER.findall(word))
    if not letters:
        return word
    word = word.translate(_LEET_SYMBOLS)
    if letters >= 2 and _LETTER_THEN_DIGIT.search(word):
        word = word.translate(_LEET_DIGITS)
    return word


def is_masked(word: str) -> bool:
    """s**t, f***ing, b*****: letters with some replaced by symbols (not a footnote*)."""
    if "*" not in word and "#" not in word and "%" not in word:  # _MASK
        return False
    if not _LETTER.match(word[0]):
        return set(word) <= _MASK
    if _MASK_THEN_LETTER.search(word):
        return True
    visible = len(word.rstrip("*#%"))
    return len(word) - visible >= visible


# --- Compiled entries --------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A section of a word list, as the reasons name it."""

    name: str
    kind: str
    weight: float
    source: str


@dataclass(frozen=True)
class Finding:
    """One match: which rule, the words as written, and the list entry they read as."""

    rule: Rule
    found: str
    reads_as: str
    built_in: BuiltIn | None = None  # what the app found itself (a link), not a listed word

    def words(self) -> FoundWords:
        """As a reason keeps it: the words as written and the listed word they read as."""
        if self.built_in is not None:
            return FoundWords(built_in=self.built_in)
        reads_as = self.reads_as if self.reads_as != self.found else ""
        return FoundWords(self.found, reads_as)


@dataclass(frozen=True, eq=False)  # each phrase is itself: hashed and compared by identity
class _Phrase:
    rule: Rule
    entry: str
    pattern: re.Pattern[str]
    anchors: frozenset[str]  # the pattern can only match a text containing one of these
    needs: tuple[_Need, ...] = ()
    """What every match holds (``_EntryCompiler.needs``): a text that lacks any of them
    cannot match, so is not searched. Most replies try a few phrases and search none."""
    need_set: frozenset[_Need] = frozenset()  # the needs, as a set (``_NeedIndex``)

    def could_match(self, words: dict[str, None], spaced: str) -> bool:
        """False when the ``words`` (``spaced``: joined by spaces, after a space) cannot
        hold a match; True when they might."""
        present = words.keys()
        return all(need.met(present, spaced) for need in self.needs)


@dataclass(frozen=True)
class _Need:
    """One of these words, or a word starting with one of these beginnings (each written
    after a space, so that they are looked for at the start of a word)."""

    words: frozenset[str]
    beginnings: tuple[str, ...]

    def met(self, present: KeysView[str], spaced: str) -> bool:
        """Whether the words ``present`` (``spaced``: joined by spaces, after a space) hold
        one of the words (each of the need's few words is checked, not each of the reply's)
        or one of the beginnings."""
        return not present.isdisjoint(self.words) or any(map(spaced.__contains__,
                                                             self.beginnings))


_NO_NEEDS: frozenset[_Need] = frozenset()
# the phrases a word anchors (``_anchor_index``), and the needs it meets
_ForPhrases = tuple["list[_Phrase] | None", frozenset[_Need]]
# a word as ``Lexicon._read_word`` reads it
_WordInfo = tuple[str, "Finding | None", "_ForPhrases | None", bool]
_ALLOWED = operator.itemgetter(3)


class _NeedIndex:
    """Which phrases' needs (``_Need``) a reply's words meet, worked out word by word: a need
    is met by a word that is one of its words or starts with one of its beginnings, so what
    a word meets is kept per word (replies use the same words again and again), and a
    reply meets what its words meet. ``possible`` keeps the phrases ``_Phrase.could_match``
    allows."""

    def __init__(self, phrases: Iterable[_Phrase],
                 anchored: dict[str, list[_Phrase]] | None = None) -> None:
        """``anchored``: the phrases by a word they must contain (``_anchor_index``)."""
        self.anchored = anchored or {}
        self.by_word: dict[str, list[_Need]] = {}
        self.by_beginning: dict[str, list[_Need]] = {}
        needs = {id(need): need for phrase in phrases for need in phrase.needs}
        for need in needs.values():
            for word in need.words:
                self.by_word.setdefault(word, []).append(need)
            for beginning in need.beginnings:  # written after a space: the start of a word
                self.by_beginning.setdefault(beginning[1:], []).append(need)
        self.lengths = sorted({len(beginning) for beginning in self.by_beginning})
        shortest = self.lengths[0] if self.lengths else 0
        # every beginning starts with one of these: most words start with none
        self.heads = frozenset(beginning[:shortest] for beginning in self.by_beginning)
        self.kept: dict[str, frozenset[_Need]] = {}
        self.readings: dict[str, _ForPhrases | None] = {}

    def of_reading(self, word: str) -> _ForPhrases | None:
        """What a word (as the phrases read it) means for the phrases: the phrases it
        anchors and the needs it meets; None when neither (most words). Kept per word."""
        found = self.readings.get(word, _NOT_LOOKED_UP)
        if found is _NOT_LOOKED_UP:
            phrases, needs = self.anchored.get(word), self.of_word(word)
            found = (phrases, needs) if phrases or needs else None
            if len(self.readings) >= _KEPT_WORDS:
                self.readings.clear()
            self.readings[word] = found
        return found  # type: ignore[return-value]

    def of_word(self, word: str) -> frozenset[_Need]:
        """The needs one word meets."""
        found = list(self.by_word.get(word, ()))
        lengths = self.lengths
        if lengths and word[:lengths[0]] in self.heads:
            for length in lengths:
                if length > len(word):
                    break
                found += self.by_beginning.get(word[:length], ())
        return frozenset(found) if found else _NO_NEEDS

    def met(self, words: dict[str, None]) -> frozenset[_Need]:
        """The needs the ``words`` meet (the words not met before worked out and kept)."""
        kept = self.kept
        keep_new(kept, words.keys(), _KEPT_WORDS, self.of_word)
        return _NO_NEEDS.union(*map(kept.__getitem__, words))

    def possible(self, phrases: list[_Phrase], words: dict[str, None]) -> list[_Phrase]:
        """The ``phrases`` that could match the ``words`` (``_Phrase.could_match``), in their
        order."""
        if not phrases:
            return phrases
        met = self.met(words)
        return [phrase for phrase in phrases if phrase.need_set <= met]


_NUMBER_PATTERN = r"\d[\d.,]*[a-z%]*"
_ENTRY_PIECE = re.compile(r"\{[^}]*\}|\S+")


class _EntryCompiler:
    """Turns list entries into word look-ups and phrase patterns."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self._groups = groups
        self._expanding: set[str] = set()
        self._equal_needs: dict[_Need, _Need] = {}

    def words_of(self, piece: str) -> list[str]:
        words = read_text(piece).words
        if not words:
            raise WordListError(translate("Moderation",
                                          "{entry} has no letters or numbers to match.")
                                .format(entry=repr(piece)))
        return list(words)

    def fragment(self, entry: str) -> tuple[str, set[str]]:
        """A regex over space-joined words, and words of which any match contains one.

        Of the pieces that give such a set, the most selective is kept, so that a
        reply only tries the few phrases it could possibly match.
        """
        parts: list[str] = []
        anchor_sets: list[set[str]] = []
        gap_before = False
        for piece in _ENTRY_PIECE.findall(entry):
            if piece == "...":
                gap_before = True
                continue
            part, piece_anchors = self._piece(piece)
            if piece_anchors:
                anchor_sets.append(piece_anchors)
            if parts:
                parts.append(f" (?:\\S+ ){{0,{_GAP_WORDS}}}" if gap_before else " ")
            parts.append(part)
            gap_before = False
        best = min(anchor_sets, key=lambda words: (len(words), -max(map(len, words))),
                   default=set())
        return "".join(parts), best

    def needs(self, entry: str) -> list[_Need]:
        """For each piece of an entry that gives one, what every match of it holds: one of
        some words (as a whole word) or a word starting with one of some beginnings.

        A piece's words are in the regex between spaces or the text's ends, and a prefix
        (``idiot*``) starts right after one, so a match holds them as space-joined words.
        """
        found = []
        for piece in _ENTRY_PIECE.findall(entry):
            need = None if piece == "..." else self._piece_need(piece)
            if need is not None:
                found.append(self._equal_needs.setdefault(need, need))  # equal needs: one
        return found

    def _piece_need(self, piece: str) -> _Need | None:
        if piece == "*" or piece == "{number}":
            return None
        if piece.startswith("{") and piece.endswith("}"):
            words: set[str] = set()
            beginnings: set[str] = set()
            for alternative in self._groups[piece[1:-1].strip()]:
                needs = self.needs(alternative)
                if not needs:
                    return None  # this alternative could match anything
                words |= needs[0].words
                beginnings.update(needs[0].beginnings)
            return _Need(frozenset(words), tuple(sorted(beginnings)))
        written = self.words_of(piece.strip("*"))
        if not piece.endswith("*"):
            return _Need(frozenset({max(written, key=len)}), ())
        if len(written) > 1:
            return _Need(frozenset({max(written[:-1], key=len)}), ())
        return _Need(frozenset(), (" " + written[0],))

    def _piece(self, piece: str) -> tuple[str, set[str]]:
        if piece == "*":
            return r"\S+", set()
        if piece.startswith("{") and piece.endswith("}"):
            return self._group(piece[1:-1].strip())
        prefix = piece.endswith("*")
        words = self.words_of(piece.strip("*"))
        regex = " ".join(re.escape(word) for word in words) + (r"\S*" if prefix else "")
        literal = words if not prefix else words[:-1]
        return regex, ({max(literal, key=len)} if literal else set())

    def _group(self, name: str) -> tuple[str, set[str]]:
        if name == "number":
            return _NUMBER_PATTERN, set()
        written = f"{{{name}}}"  # as the list writes it: {houses}
        if name not in self._groups:
            raise WordListError(translate("Moderation", "{written} is used but no [{group}: "
                                                        "group] section exists.")
                                .format(written=written, group=name))
        if name in self._expanding:
            raise WordListError(translate("Moderation", "the group {written} contains itself.")
                                .format(written=written))
        self._expanding.add(name)
        fragments: list[str] = []
        anchors: set[str] = set()
        complete = True
        for alternative in self._groups[name]:
            fragment, alternative_anchors = self.fragment(alternative)
            fragments.append(fragment)
            complete = complete and bool(alternative_anchors)
            anchors |= alternative_anchors
        self._expanding.discard(name)
        return "(?:" + "|".join(fragments) + ")", anchors if complete else set()


_NOT_LOOKED_UP = object()
_KEPT_WORDS = 100_000  # words whose reading is kept; then the store starts again


@dataclass
class _WordIndex:
    """Single-word entries: exact words, word* prefixes and *word* stems."""

    exact: dict[str, tuple[Rule, str]] = field(default_factory=dict)
    prefixes: dict[str, tuple[Rule, str]] = field(default_factory=dict)
    stems: list[tuple[str, Rule, str]] = field(default_factory=list)
    prefix_lengths: list[int] = field(default_factory=list)
    _heads: frozenset[str] = frozenset()
    _initials: frozenset[str] | None = None
    in_file_order: list[tuple[str, bool, Rule, str]] = field(default_factory=list)
    looked_up: dict[str, tuple[Rule, str, str] | None] = field(default_factory=dict)

    def add(self, rule: Rule, entry: str, word: str) -> None:
        self.looked_up.clear()
        self._initials = None  # until ``finish`` works them out again
        open_ended = entry.endswith("*")
        self.in_file_order.append((word, open_ended, rule, entry))
        if entry.startswith("*") and open_ended and len(entry) > 2:
            self.stems.append((word, rule, entry))
        elif open_ended:
            self.prefixes.setdefault(word, (rule, entry))
        else:
            self.exact.setdefault(word, (rule, entry))

    def finish(self) -> None:
        self.prefix_lengths = sorted({len(stem) for stem in self.prefixes})
        shortest = self.prefix_lengths[0] if self.prefix_lengths else 0
        self._heads = frozenset(stem[:shortest] for stem in self.prefixes)
        # without *stem* entries, a word can only be found if it starts as an entry does
        # (squeezing stretched letters keeps the first): the allow-list's few entries
        self._initials = (None if self.stems else
                          frozenset(word[:1] for word in [*self.exact, *self.prefixes]))
        self.looked_up.clear()

    def direct(self, word: str) -> tuple[Rule, str] | None:
        hit = self.exact.get(word)
        if hit is not None:
            return hit
        lengths = self.prefix_lengths
        # every listed prefix starts with one of the heads (their first letters, as many as
        # the shortest prefix has): most words start with none, and try no prefix at all
        if lengths and word[:lengths[0]] in self._heads:
            for length in lengths:
                if length > len(word):
                    break
                hit = self.prefixes.get(word[:length])
                if hit is not None:
                    return hit
        for stem, rule, entry in self.stems:
            if stem in word:
                return rule, entry
        return None

    def look_up(self, word: str) -> tuple[Rule, str, str] | None:
        """The rule, entry and reading for a word, also when its letters are stretched.

        Kept per word once the lists are complete: replies use the same words again and again.
        """
        found = self.looked_up.get(word, _NOT_LOOKED_UP)
        if found is not _NOT_LOOKED_UP:
            return found  # type: ignore[return-value]
        found = self._look_up(word)
        if len(self.looked_up) >= _KEPT_WORDS:
            self.looked_up.clear()
        self.looked_up[word] = found
        return found

    def look_up_all(self, words: Sequence[str]) -> list[tuple[Rule, str, str] | None]:
        """``look_up`` for each word: the words not met before looked up (found by one set
        difference), then all of them straight from what is kept."""
        kept = self.looked_up
        keep_new(kept, words, _KEPT_WORDS, self._look_up)
        return list(map(kept.__getitem__, words))

    def _look_up(self, word: str) -> tuple[Rule, str, str] | None:
        if self._initials is not None and word[:1] not in self._initials:
            return None  # most words, in the allow-list
        hit = self.direct(word)
        if hit is not None:
            return hit[0], hit[1], word
        if not _RUN3.search(word):
            return None
        for squeezed in (_RUN3.sub(r"\1", word), _RUN3.sub(r"\1\1", word)):
            hit = self.direct(squeezed)
            if hit is not None:
                return hit[0], hit[1], squeezed
        return None

    def candidates(self) -> list[tuple[str, bool, Rule, str]]:
        """(word, open-ended, rule, entry) for unmasking: strongest rules, then file order.

        s**t could be several words; the list puts the likeliest reading first.
        """
        return sorted(self.in_file_order, key=lambda row: -row[2].weight)


# --- The lexicon -------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    """What the app suggests for one reply, and why."""

    level: str
    score: float
    reasons: list[Reason]
    findings: tuple[Finding, ...] = ()
    notes: list[ChildNamesNote] = field(default_factory=list)
    maybe: bool = False
    """An ok reply the trained model scored just below the line: kept in sight a while."""

    @property
    def needs_person(self) -> bool:
        return self.level != OK


class Lexicon:
    """Compiled word lists; build once (``load_lexicon`` caches it) and share."""

    def __init__(self, sections: Sequence[WordListSection]) -> None:
        groups: dict[str, list[str]] = {}
        for section in sections:
            if section.kind == "group":
                groups.setdefault(section.name.casefold(), []).extend(section.entries)
        self._compiler = _EntryCompiler(groups)
        self._words = _WordIndex()
        self._allowed_words = _WordIndex()
        self._phrases: list[_Phrase] = []
        self._allowed_phrases: list[_Phrase] = []
        ordered = sorted((s for s in sections if s.kind != "group"),
                         key=lambda s: -(s.weight if s.weight is not None else
                                         _DEFAULT_WEIGHTS.get(s.kind, 1.0)))
        for section in ordered:
            self._add_section(section)
        self._words.finish()
        self._allowed_words.finish()
        self._unmask_candidates = [row for row in self._words.candidates()
                                   if row[2].kind in ("hide", "review")]
        self._anchored = _anchor_index(self._phrases)
        self._allowed_anchored = _anchor_index(self._allowed_phrases)
        self._needs = _NeedIndex(self._phrases + self._allowed_phrases, self._anchored[0])
        self.fingerprint = _sections_fingerprint(sections)
        self._word_readings: dict[str, _WordInfo] = {}  # see ``_read_word``
        _combining_patterns()  # now, not when the first reply with an accent comes

    @classmethod
    def from_files(cls, paths: Iterable[Path], kinds: Sequence[str] = MODERATION_KINDS
                   ) -> Lexicon:
        sections: list[WordListSection] = []
        for path in paths:
            sections.extend(read_word_list(path, kinds))
        return cls(sections)

    @classmethod
    def from_text(cls, text: str, kinds: Sequence[str] = MODERATION_KINDS,
                  source: str = "custom list") -> Lexicon:
        return cls(parse_word_list(text, source, kinds))

    def _add_section(self, section: WordListSection) -> None:
        weight = section.weight if section.weight is not None else \
            _DEFAULT_WEIGHTS.get(section.kind, 1.0)
        rule = Rule(section.name, section.kind, weight, section.source)
        allowed = section.kind == "allow"
        for entry in section.entries:
            try:
                self._add_entry(rule, entry, allowed)
            except WordListError as exc:
                raise WordListError(translate("Moderation", "{file}, [{section}]: {error}")
                                    .format(file=section.source, section=section.name,
                                            error=exc)) from None

    def _add_entry(self, rule: Rule, entry: str, allowed: bool) -> None:
        index = self._allowed_words if allowed else self._words
        if " " not in entry and not entry.startswith("{") and entry != "*":
            words = self._compiler.words_of(entry.strip("*"))
            if len(words) == 1:
                index.add(rule, entry, words[0])
                return
        if all(piece in ("...", "*") for piece in _ENTRY_PIECE.findall(entry)):
            raise WordListError(translate("Moderation",
                                          "{entry} would match every reply; add a word to it.")
                                .format(entry=repr(entry)))
        fragment, anchors = self._compiler.fragment(entry)
        pattern = re.compile(r"(?<!\S)" + fragment + r"(?!\S)")
        needs = tuple(self._compiler.needs(entry))
        phrase = _Phrase(rule, entry, pattern, frozenset(anchors), needs, frozenset(needs))
        (self._allowed_phrases if allowed else self._phrases).append(phrase)

    # -- matching ---------------------------------------------------------------------------

    def findings(self, text: str) -> list[Finding]:
        """Every list entry the text matches, after the allow-list has had its say."""
        return self._findings(read_text(text))

    def _findings(self, reading: Reading) -> list[Finding]:
        return self._findings_in(self._prepared(reading))

    def _prepared(self, reading: Reading) -> list[str]:
        """The words as the lists and the model read them: spaced letters joined where they
        make a listed word, the allow-list's words and phrases as "~"."""
        return self._prepared_read(reading)[0]

    def _prepared_read(self, reading: Reading) -> tuple[list[str], list[_WordInfo] | None]:
        """``_prepared``, and what each of the words was read as (``_infos``) when the
        allow-list left them as they were (most replies), else None."""
        words = self._join_spaced_letters(list(reading.words))
        infos = self._infos(words)
        if self._allowed_anchored[1] or any(map(_ALLOWED, infos)):
            return self._remove_allowed(words), None
        # no word is allowed or starts an allowed phrase: ``_remove_allowed`` would find no
        # phrase (none is tried without such a word) and no word to take out
        return words, infos

    def _infos(self, words: list[str]) -> list[_WordInfo]:
        """What each word was read as (``_read_word``): worked out for the words not met
        before and kept, since it depends on the word alone."""
        kept = self._word_readings
        keep_new(kept, words, _KEPT_WORDS, self._read_word)
        return list(map(kept.__getitem__, words))

    def _read_word(self, word: str) -> _WordInfo:
        """How the phrases read a word, what it was found to be (``_match_word``), what its
        reading means for the phrases (``_NeedIndex.of_reading``), and whether the
        allow-list knows it (as a word, or as one that starts an allowed phrase)."""
        matched: list[Finding] = []
        reading = self._match_word(word, matched)
        # (``_look_up``: what this gives is kept already, as the word's reading)
        allowed = (word in self._allowed_anchored[0]
                   or self._allowed_words._look_up(word) is not None)
        return reading, matched[0] if matched else None, self._needs.of_reading(reading), allowed

    def _findings_in(self, words: list[str], infos: list[_WordInfo] | None = None
                     ) -> list[Finding]:
        """``infos``: ``_infos(words)``, if at hand."""
        readings = self._infos(words) if infos is None else infos
        if not readings:
            return self._match_phrases([])
        reads, findings, for_phrases, _allowed = zip(*readings, strict=True)
        found: list[Finding] = list(filter(None, findings))  # a finding is never false
        found.extend(self._phrases_in(reads, for_phrases))
        return found

    def model_words(self, text: str) -> list[str]:
        """The words the trained model reads: as the lists read them, with the allow-list's
        innocent phrases ("Dick Whittington", "blue tits") taken out."""
        return [word for word in self._prepared(read_text(text)) if word != "~"]

    def _join_spaced_letters(self, words: list[str]) -> list[str]:
        """f u c k -> fuck, but only when the joined letters are a listed word."""
        if list(map(len, words)).count(1) < 3 or not _THREE_LETTERS.search(" ".join(words)):
            return words  # most replies: no three single letters in a row
        joined: list[str] = []
        index = 0
        while index < len(words):
            end = index
            while end < len(words) and len(words[end]) == 1 and words[end].isalpha():
                end += 1
            if end - index >= 3:
                word = "".join(words[index:end])
                if self._words.look_up(word) is not None:
                    joined.append(word)
                    index = end
                    continue
            joined.append(words[index])
            index += 1
        return joined

    def _remove_allowed(self, words: list[str]) -> list[str]:
        if self._allowed_phrases:
            present = dict.fromkeys(words)
            # a phrase taken out leaves "~" and fewer words: a phrase that could not match
            # the words as written cannot match what is left either
            phrases = self._needs.possible(_candidates(self._allowed_anchored, present), present)
            if phrases:
                text = " ".join(words)
                for phrase in phrases:
                    text = phrase.pattern.sub("~", text)
                words = text.split()
        hits = self._allowed_words.look_up_all(words)
        if not any(hits):
            return words  # most replies: no allowed word
        return ["~" if hit else word for word, hit in zip(words, hits, strict=True)]

    def _match_word(self, word: str, found: list[Finding]) -> str:
        """Record a finding for one word; returns how the phrase patterns should read it."""
        if word == "~":
            return word
        if is_masked(word):
            return self._match_masked(word, found)
        hit = self._words._look_up(word)  # (what this gives is kept, as the word's reading)
        if hit is not None:
            rule, _entry, reading = hit
            found.append(Finding(rule, word, reading))
            return reading
        return word

    def _match_masked(self, word: str, found: list[Finding]) -> str:
        for listed, open_ended, rule, _entry in self._unmask_candidates:
            reading = _unmask(word, listed, open_ended)
            if reading is not None:
                found.append(Finding(rule, word, reading))
                return reading
        found.append(Finding(_MASKED_RULE, word, ""))
        return word

    def _match_phrases(self, words: list[str]) -> list[Finding]:
        return self._phrases_in(words, list(map(self._needs.of_reading, words)))

    def _phrases_in(self, words: Sequence[str], for_phrases: Sequence[_ForPhrases | None]
                    ) -> list[Finding]:
        """The phrases found in the words, from what each word means for the phrases
        (``_NeedIndex.of_reading``): the phrases ``_candidates`` gives, in its order, that
        could match (``_Phrase.could_match``) are searched."""
        found: list[Finding] = []
        relevant = list(filter(None, for_phrases))  # most words start no phrase, meet no need
        always = self._anchored[1]
        if relevant:
            anchored = [phrases for phrases, _needs in relevant if phrases]
            candidates = list(dict.fromkeys(itertools.chain(always, *anchored))) if anchored \
                else always
            met = _NO_NEEDS.union(*[needs for _phrases, needs in relevant])
        else:
            candidates, met = always, _NO_NEEDS
        # in the reply's order, so the reasons name its words in the order written
        # most candidates: a word every match holds is not there, and they are not searched
        phrases = [phrase for phrase in candidates if phrase.need_set <= met]
        if not phrases:
            return found  # most replies
        text = " ".join(words)
        for phrase in phrases:
            match = phrase.pattern.search(text)
            if match is not None:
                found.append(Finding(phrase.rule, match.group(0), ""))
        return found

    # -- judging ----------------------------------------------------------------------------

    def assess(self, text: str) -> Assessment:
        reading = read_text(text)
        return self._assess_words(text, reading, *self._prepared_read(reading))

    def _assess_words(self, text: str, reading: Reading, words: list[str],
                      infos: list[_WordInfo] | None = None) -> Assessment:
        found = _distinct(self._findings_in(words, infos))
        if reading.links:
            found.append(Finding(_LINK_RULE, "a link", "", BuiltIn.LINK))
        if reading.personal_details:
            found.append(Finding(_PERSONAL_RULE, "contact details", "", BuiltIn.CONTACT_DETAILS))
        return _judge(found, _child_name_notes(text))


_MASKED_RULE = Rule(BuiltIn.MASKED_WORD, "review", 0.3, "built in")
_LINK_RULE = Rule("spam sign", "hint", 0.25, "built in")  # the name the spam list uses too
_PERSONAL_RULE = Rule(BuiltIn.PERSONAL_DETAILS, "review", 0.5, "built in")


def _anchor_index(phrases: list[_Phrase]) -> tuple[dict[str, list[_Phrase]], list[_Phrase]]:
    """Phrases by a word they must contain, so a reply only tries the phrases it could match."""
    by_word: dict[str, list[_Phrase]] = {}
    always: list[_Phrase] = []
    for phrase in phrases:
        if not phrase.anchors:
            always.append(phrase)
        for word in phrase.anchors:
            by_word.setdefault(word, []).append(phrase)
    return by_word, always


def _candidates(index: tuple[dict[str, list[_Phrase]], list[_Phrase]],
                present: Iterable[str]) -> list[_Phrase]:
    by_word, always = index
    found = list(filter(None, map(by_word.get, present)))
    if not found:
        return always  # most replies: none of their words starts a phrase
    return list(dict.fromkeys(itertools.chain(always, *found)))  # each once, first place kept


def _unmask(word: str, listed: str, open_ended: bool) -> str | None:
    """The listed word a masked word stands for (f***ing -> fucking), if it fits."""
    if word[0] in _MASK or word[0] != listed[0]:
        return None
    if open_ended:
        if len(word) < len(listed) or not _fits(word[:len(listed)], listed):
            return None
        return listed + word[len(listed):]
    if len(word) != len(listed) or not _fits(word, listed):
        return None
    return listed


def _fits(masked: str, listed: str) -> bool:
    return all(m == c or m in _MASK for m, c in zip(masked, listed, strict=True))


def _distinct(found: list[Finding]) -> list[Finding]:
    """One finding per rule and entry, so a word repeated ten times counts once."""
    seen: dict[tuple[str, str], Finding] = {}
    for finding in found:
        seen.setdefault((finding.rule.name, finding.reads_as or finding.found), finding)
    return list(seen.values())


def _combine(weights: Iterable[float]) -> float:
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - min(max(weight, 0.0), 1.0)
    return 1.0 - remaining


def _judge(found: list[Finding], notes: list[ChildNamesNote]) -> Assessment:
    if not found:  # most replies: what the lines below give for nothing found
        return Assessment(OK, 0.0, [], (), notes)
    hide_evidence = _combine(f.rule.weight for f in found if f.rule.kind in ("hide", "hint"))
    everything = _combine(f.rule.weight for f in found)
    if any(f.rule.kind == "hide" for f in found) or hide_evidence >= HIDE_AT:
        level, score = HIDE, max(everything, HIDE_AT)
    elif everything >= REVIEW_AT:
        level, score = REVIEW, min(everything, REVIEW_CEILING)
    else:
        return Assessment(OK, round(everything, 3), _weak_signs(found), tuple(found), notes)
    return Assessment(level, round(score, 3), _reasons(found), tuple(found), notes)


def _weak_signs(found: list[Finding]) -> list[Reason]:
    """An ok reply can still show a weak sign; say so rather than leave its score unexplained."""
    return [replace(reason, weak=True) for reason in _reasons(found)]


def _reasons(found: list[Finding]) -> list[Reason]:
    """One reason per rule, strongest first, with the words that matched it."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(found, key=lambda f: -f.rule.weight):
        by_rule.setdefault(finding.rule.name, []).append(finding)
    reasons = []
    for name, findings in by_rule.items():
        kept = [f for f in findings
                if not any(f.found != o.found and f.found in o.found for o in findings)]
        words = tuple(dict.fromkeys(f.words() for f in kept))
        reasons.append(Reason(name, findings[0].rule.kind, words))
    return reasons


_CHILD_NAME_CORE = (r"(?:[Oo]ur|[Mm]y (?:son|daughter|grandson|granddaughter|boy|girl|"
                    r"little one|youngest|eldest|niece|nephew))\s+([A-Z][a-z]+)")
_CHILD_NAME = re.compile(r"\b" + _CHILD_NAME_CORE + r"\b")
# what every match of ``_CHILD_NAME`` holds: found far faster (it starts with one of four
# letters, which the pattern engine skips to), and most replies hold none
_CHILD_NAME_HINT = re.compile(_CHILD_NAME_CORE)
_NOT_NAMES = frozenset({
    "Class", "Year", "School", "Eco", "Reception", "Forest", "Nursery", "Village", "Lady",
    "Lord", "Christmas", "Easter", "Sports", "Head", "Church", "Choir", "Team", "PTA",
})


def _child_name_notes(text: str) -> list[ChildNamesNote]:
    """A parent naming their own child is their choice, but the head teacher should know."""
    if "our" not in text and "Our" not in text and "my " not in text and "My " not in text:
        return []  # most replies: the pattern needs one of these
    if not _CHILD_NAME_HINT.search(text):
        return []
    names = [m.group(1) for m in _CHILD_NAME.finditer(text) if m.group(1) not in _NOT_NAMES]
    if not names:
        return []
    return [ChildNamesNote(tuple(dict.fromkeys(names)))]


# --- Loading and the public function -------------------------------------------------------


def default_word_lists() -> tuple[Path, ...]:
    folder = word_lists_dir()
    return tuple(folder / name for name in DEFAULT_WORD_LISTS)


def _sections_fingerprint(sections: Sequence[WordListSection]) -> str:
    """What the lists say, as a short hash: scores kept from an earlier reading of the
    same lists need not be worked out again (the follower review's rescoring)."""
    import hashlib

    text = repr([(s.name, s.kind, s.weight, s.entries) for s in sections])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def load_lexicon(paths: Sequence[Path] | None = None, extra: Sequence[Path] = (),
                 kinds: Sequence[str] = MODERATION_KINDS) -> Lexicon:
    """The compiled lists, cached until a file changes (the school's edits apply at once).

    ``paths`` replaces the shipped lists; ``extra`` adds the school's own files to them.
    """
    files = tuple(paths if paths is not None else default_word_lists()) + tuple(extra)
    return _compiled(tuple(_fingerprint(path) for path in files), tuple(kinds))


def _fingerprint(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise WordListError(f"The word list {path} cannot be read: {exc.strerror}") from exc
    return str(path), stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=16)
def _compiled(fingerprints: tuple[tuple[str, int, int], ...], kinds: tuple[str, ...]
              ) -> Lexicon:
    return Lexicon.from_files((Path(path) for path, _mtime, _size in fingerprints), kinds)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lists, compiled on first use (off the UI thread) and kept."""
    return load_lexicon()


def assess(text: str, lexicon: Lexicon | None = None,
           model: ReplyModel | None = None) -> Assessment:
    """Suggest ok, review or hide for one reply; nothing leaves this computer.

    The school's word lists judge first and say which words they found; the trained
    model (``core.reply_model``) then reads the reply as a whole and can only add:
    ok becomes review when the reply reads as hostile, and an ok reply just below
    that line is marked ``maybe``. It never lowers what the lists decided.
    """
    lexicon = lexicon or default_lexicon()
    reading = read_text(text)
    # read once for the lists and the model alike
    words, infos = lexicon._prepared_read(reading)
    rules = lexicon._assess_words(text, reading, words, infos)
    if rules.level != OK:
        return rules
    return with_reply_model(rules, [word for word in words if word != "~"] if "~" in words
                            else words, model or load_reply_model())


# --- The trained model beside the lists ---------------------------------------------------

def with_reply_model(rules: Assessment, words: Sequence[str], model: ReplyModel) -> Assessment:
    """The lists' assessment, raised by the model: never lowered, never to hide.

    Hiding stays with the lists, which can say which words were found; the model only
    asks a person to look, and says how sure it is and which words weighed most.
    """
    if rules.level != OK:
        return rules  # the lists have asked for a person already, and say why
    decision, terms = model.decided(words)
    score = sigmoid(decision)
    # Assessment(...) with every field rather than dataclasses.replace: the same assessment,
    # made several times as fast
    if score < model.review_at:
        if score < model.maybe_at:
            return rules
        return Assessment(rules.level, rules.score, rules.reasons, rules.findings, rules.notes,
                          maybe=True)
    reason = Reason(BuiltIn.READS_HOSTILE.value, REVIEW,
                    tuple(FoundWords(word) for word in model.strongest_words(words, terms=terms)),
                    score=round(score, 2))
    return Assessment(REVIEW, min(max(rules.score, REVIEW_AT), REVIEW_CEILING),
                      [reason, *rules.reasons], rules.findings, rules.notes, rules.maybe)


