"""The child-name guard: no pupil's name may appear in a tweet or a photo's alt text.

The policy's first rule for anyone tweeting is that a child's name is never
displayed. The guard knows the roster only as keyed hashes (HMAC-SHA256) of
normalised name forms, so neither the database nor the guard itself holds a
child's name in plain text: it hashes each word of the tweet (and each pair of
neighbouring words, for full names) and looks the hashes up.

Whether a hit blocks or only warns depends on the words around it, because
many children are called Hope, Summer or Will and many tweets say "we hope",
"the summer fair" or "we will". The rules, in order:

- a name right after a staff title ("Mrs Grace Smith") or an honorific ("St
  Peter's", "Sir David") is a staff member, a saint or a famous person: allowed;
- a name inside a well-known phrase ("Florence Nightingale", "Paddington Bear")
  is allowed, and warns only when a pupil has that exact full name;
- a full name (first name and surname of the same pupil, side by side) blocks;
- a name that is not an everyday word blocks, in any case and inside hashtags
  and @handles ("#WellDoneOliviaB", "@OliviaSmith2");
- a name that is also a word (kept in ``resources/wordlists``) warns when it is
  written in lower case, at the start of a sentence or in a capitalised phrase
  ("Summer Fair"), and blocks when the words around it show it names a child
  ("Well done Summer!", "Hope scored twice", "Grace and Olivia").

Names are also found in the disguises a hurried phone user, a paste from a
document or someone getting round the guard produce: the text is first folded
to what a reader sees (``core.text_folding``: invisible characters, look-alike
letters from other scripts, reversed runs); letters spelled out one by one
("O l i v i a", "O.l.i.v.i.a") are joined; a name split in two ("Oli via"),
written with digits for letters ("0livia"), as a plural ("both Olivias"), run
together ("RubyMae", "#welldoneolivia") or spelled another way that sounds the
same ("Mohammed" for "Muhammad") is still the name. Text read from a photo is
checked with room for one misread letter (``check_read_text``).
"""

from __future__ import annotations

import functools
import gzip
import hmac
import itertools
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.text_folding import (
    FoldedText,
    fold_text,
    is_invisible,
    latin_base_letter,
)
from stpeters_desk.i18n import translate

__all__ = [
    "FORM_RULES_VERSION",
    "FormKind",
    "GuardSource",
    "GuardWords",
    "HashedForm",
    "Level",
    "NameFinding",
    "NameGuard",
    "NameHasher",
    "PupilName",
    "hash_pupil_forms",
    "load_guard_words",
    "normalise_name",
    "pupil_name_forms",
    "text_for_the_record",
    "usable_guard",
]

FORM_RULES_VERSION = 2
"""Which set of name forms an import stores. A roster imported under older rules lacks
the forms newer checks look up (joined names, sound-alikes, one-letter misreads),
so the guard says it must be imported again rather than quietly checking less."""

Level = Literal["block", "warn"]
BLOCK: Level = "block"
WARN: Level = "warn"


class FormKind(StrEnum):
    """Which part of a pupil's name a stored hash stands for."""

    FORENAME = "forename"
    PREFERRED = "preferred"
    SURNAME = "surname"
    FULL = "full"
    NICKNAME = "nickname"
    SOUNDS_LIKE = "sounds_like"
    """A spelling that sounds like a pupil's name: only a sound key is hashed."""
    NEAR = "near"
    """A name with one letter left out, to find misread text in photos."""
    RULES = "rules"
    """Not a name: marks which FORM_RULES_VERSION made the stored forms."""


# Most specific first: the reason given for a hit names the first kind that applies.
_KIND_ORDER = (FormKind.FULL, FormKind.FORENAME, FormKind.PREFERRED, FormKind.SURNAME,
               FormKind.NICKNAME, FormKind.SOUNDS_LIKE, FormKind.NEAR)
_WEAK_KINDS = frozenset({FormKind.NICKNAME, FormKind.SOUNDS_LIKE})


def _reason(kind: FormKind) -> str:
    """Why a word was underlined, in the language chosen in Settings."""
    if kind is FormKind.FULL:
        return translate("NameGuard", "matches a pupil's full name on the roster")
    if kind is FormKind.FORENAME:
        return translate("NameGuard", "matches a pupil's first name on the roster")
    if kind is FormKind.PREFERRED:
        return translate("NameGuard", "matches the name a pupil is known by on the roster")
    if kind is FormKind.SURNAME:
        return translate("NameGuard", "matches a pupil's surname on the roster")
    if kind is FormKind.SOUNDS_LIKE:
        return translate("NameGuard",
                         "sounds like a pupil's name on the roster, spelled another way")
    if kind is FormKind.NEAR:
        return translate("NameGuard",
                         "is one letter away from a pupil's name on the roster (text read "
                         "from a photo is often misread by a letter)")
    return translate("NameGuard", "is a usual short form of a pupil's name on the roster")


@dataclass(frozen=True)
class NameFinding:
    """One word (or pair of words) of the text that may name a child.

    ``start`` and ``end`` index the Python string given to ``check``, so the
    composer can highlight exactly the words that triggered the guard.
    """

    start: int
    end: int
    level: Level
    word: str
    reason: str


@dataclass(frozen=True)
class HashedForm:
    """What the database keeps for one name form: never the name itself."""

    digest: bytes
    kind: FormKind
    common_word: bool


@dataclass(frozen=True)
class PupilName:
    """A pupil's names as the school's MIS export gives them (held in memory only)."""

    forename: str
    surname: str
    preferred: str = ""
    legal_forename: str = ""
    preferred_surname: str = ""


# --- Normalising ---------------------------------------------------------------


def normalise_name(text: str) -> str:
    """Fold a word to the form that is hashed: no accents, no case, letters only.

    "Zoë" and "ZOE" both become "zoe"; "O'Brien" becomes "obrien", so the
    apostrophe a teacher types or leaves out does not matter. Roster and tweet go
    through the same folding, so look-alike letters and stroked letters ("Łucja")
    compare equal to the plain ones on either side.
    """
    decomposed = unicodedata.normalize("NFKD", fold_text(text).text)
    letters = (latin_base_letter(c) for c in decomposed
               if c.isalpha() and not unicodedata.combining(c))
    return "".join(letters).casefold()


def _name_parts(text: str) -> list[str]:
    """The normalised words of a name field: "Mary-Jane" gives ["mary", "jane"]."""
    words = re.split(r"[\s\-_‐‑–—.,/]+", text)
    return [part for part in (normalise_name(w) for w in words) if part]


# --- Word lists ----------------------------------------------------------------


@dataclass(frozen=True)
class GuardWords:
    """The school-editable word lists the guard reasons with (none of them pupils' names)."""

    common_words: frozenset[str] = frozenset()
    calendar_words: frozenset[str] = frozenset()
    aliases: tuple[frozenset[str], ...] = ()
    famous_phrases: frozenset[tuple[str, ...]] = frozenset()
    places: frozenset[str] = frozenset()
    english: frozenset[str] = frozenset()
    """Ordinary English words, so "Roman" is not taken for a way of spelling "Rahman"."""
    capitalised: frozenset[str] = frozenset()
    """Days, festivals, subjects and places: "Friday" is not a way of spelling "Freddie"."""

    def is_ordinary(self, form: str) -> bool:
        """A word that is not taken for another spelling (or a misreading) of a name."""
        return (form in self.english or form in self.capitalised
                or form in self.calendar_words or form in self.common_words)

    def is_common(self, form: str) -> bool:
        """Short forms count as words too: "Jo", "Al" and "Ed" turn up as initials and words."""
        return form in self.common_words or len(form) <= 2


def _read_list(path: Path) -> list[str]:
    if path.suffix == ".gz":
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A famous phrase as the tokens the guard sees: "St Peter's" gives ("st", "peter")."""
    return tuple(_token_norm(raw) for raw, _, _ in _words_with_offsets(phrase))


@functools.cache
def load_guard_words(folder: Path | None = None) -> GuardWords:
    """Read the word lists from ``resources/wordlists`` (cached: they change with a release)."""
    base = folder or resources_dir() / "wordlists"
    aliases = tuple(
        frozenset(part for part in (normalise_name(n) for n in line.split(",")) if part)
        for line in _read_list(base / "name_aliases.txt"))
    phrases = {_phrase_words(line) for line in _read_list(base / "famous_names.txt")}
    return GuardWords(
        common_words=frozenset(
            normalise_name(w) for w in _read_list(base / "common_word_names.txt")),
        calendar_words=frozenset(
            normalise_name(w) for w in _read_list(base / "school_calendar_words.txt")),
        aliases=aliases,
        famous_phrases=frozenset(p for p in phrases if len(p) > 1),
        places=frozenset(p[0] for p in phrases if len(p) == 1),
        english=frozenset(_read_list(base / "english_words.txt.gz")),
        capitalised=frozenset(
            normalise_name(w) for w in _read_list(base / "capitalised_words.txt")),
    )


# --- Name forms and hashing ------------------------------------------------------


_SURNAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le",
                                "al", "el", "bin", "binti", "ap", "ter", "te", "dos", "das"})


@functools.cache
def _nicknamer_lookup() -> tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]]:
    """The `nicknames` package's tables, loaded on first use (it reads a CSV of ~2,700 rows)."""
    from nicknames import NickNamer

    namer = NickNamer()
    return ({k: frozenset(v) for k, v in namer.nickname_lookup.items()},
            {k: frozenset(v) for k, v in namer.canonical_lookup.items()})


def _nicknames_of(given: str, words: GuardWords) -> set[str]:
    """Short forms and full forms of a first name, both ways (Oliver/Ollie, Bella/Isabella).

    Forms of one or two letters from the package are left out ("Ib" for
    Isabella) because they match initials and words far more often than
    children; the school's own alias list is trusted as it is.
    """
    nicknames, canonicals = _nicknamer_lookup()
    found = {n for n in nicknames.get(given, frozenset()) | canonicals.get(given, frozenset())
             if len(normalise_name(n)) > 2}
    for group in words.aliases:
        if given in group:
            found |= group
    found = {normalise_name(n) for n in found}
    found.discard(given)
    return found


def pupil_name_forms(pupil: PupilName, words: GuardWords) -> set[tuple[str, FormKind]]:
    """Every normalised form of one pupil's names that a tweet might use.

    Single words ("olivia", "smith"), multi-word names ("mary jane") and full
    names both ways round ("olivia smith", "smith olivia"), plus nicknames of
    each first name. These plain forms exist in memory only, to be hashed.
    """
    forms: set[tuple[str, FormKind]] = set()
    givens: list[list[str]] = []
    for text, kind in ((pupil.forename, FormKind.FORENAME),
                       (pupil.legal_forename, FormKind.FORENAME),
                       (pupil.preferred, FormKind.PREFERRED)):
        parts = _name_parts(text)
        if parts:
            givens.append(parts)
            forms |= _word_forms(parts, kind)
    surnames = [parts for parts in (_name_parts(pupil.surname),
                                    _name_parts(pupil.preferred_surname)) if parts]
    for surname in surnames:
        forms |= _word_forms([p for p in surname if p not in _SURNAME_PARTICLES],
                             FormKind.SURNAME)
        if len(surname) > 1:
            forms.add((" ".join(surname), FormKind.SURNAME))
    nicknames = {nick for parts in givens for part in parts for nick in _nicknames_of(part, words)}
    forms |= {(nick, FormKind.NICKNAME) for nick in nicknames}
    for surname in surnames:
        for given in [parts[-1] for parts in givens] + sorted(nicknames):
            forms.add((f"{given} {surname[0]}", FormKind.FULL))
            forms.add((f"{surname[-1]} {given}", FormKind.FULL))
    forms |= {(form.replace(" ", ""), kind) for form, kind in forms if " " in form}
    return forms | _other_spellings(forms, words)


def _other_spellings(forms: set[tuple[str, FormKind]],
                     words: GuardWords) -> set[tuple[str, FormKind]]:
    """Keys for names spelled another way, and (for names no everyday word) misread by a letter.

    Keys of names that are also words carry a mark, so a spelling of "Daisy"
    ("Daisie") follows the same careful rules as "Daisy" itself.
    """
    derived: set[tuple[str, FormKind]] = set()
    for form, kind in forms:
        if kind not in _SINGLE_NAME_KINDS or " " in form:
            continue
        common = words.is_common(form)
        mark = _COMMON_MARK if common else ""
        keys = sound_keys(form) if kind is not FormKind.NICKNAME else \
            [key for key in sound_keys(form) if key.startswith(_SPELLING_PREFIX)]
        derived |= {(mark + key, FormKind.SOUNDS_LIKE) for key in keys}
        if not common and len(form) >= MIN_MISREAD_LENGTH:
            derived |= {(_NEAR_PREFIX + near, FormKind.NEAR) for near in _one_left_out(form)}
    return derived


_SINGLE_NAME_KINDS = frozenset({FormKind.FORENAME, FormKind.PREFERRED, FormKind.SURNAME,
                                FormKind.NICKNAME})
# Prefixes no normalised word can have (they hold only letters and spaces), so a derived
# form can never be mistaken for a name written out.
_COMMON_MARK = "~"
_SOUND_PREFIX = "sounds:"
_SPELLING_PREFIX = "spelt:"
_NEAR_PREFIX = "near:"
_RULES_FORM = f"rules:{FORM_RULES_VERSION}"
MIN_MISREAD_LENGTH = 5
_LOOK_UP_MEMORY = 20_000
"""Names shorter than this are not matched with a letter's tolerance: too many words are
one letter from "Ava" or "Leo"."""
_VOWELS = frozenset("aeiouy")


def _one_left_out(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@functools.cache
def _metaphone() -> Callable[[str], str]:
    """jellyfish's Metaphone, imported on first use (start-up never needs it)."""
    import jellyfish

    return jellyfish.metaphone


def sound_keys(form: str) -> list[str]:
    """The keys under which spellings of the same name meet (see the two functions below).

    Nicknames get only the spelling key: the package's many short forms would
    otherwise give a sound-alike for half the names in the news.
    """
    keys = []
    sound = sound_key(form)
    if sound:
        keys.append(_SOUND_PREFIX + sound)
    spelling = spelling_key(form)
    if spelling:
        keys.append(_SPELLING_PREFIX + spelling)
    return keys


_SPELLING_RULES = (
    (re.compile(r"ph"), "f"),                   # Sophie/Sofie
    (re.compile(r"ck"), "k"),
    (re.compile(r"(?<=[aeiou])gh$"), ""),       # Kayleigh/Kaylee
    (re.compile(r"(?<=[aeiouy])h$"), ""),       # Hannah/Hanna, Zarah/Zara
    (re.compile(r"(?:ie|ee|ey|ei|y|i)$"), "i"),  # Ellie/Elly, Evie/Evey, Maisie/Maisy
    (re.compile(r"(?<=[^aeiouy])h"), ""),       # Matthew/Mathew, Rhian/Rian, Theo/Teo
    (re.compile(r"(.)\1+"), r"\1"),             # Phillip/Philip, Leonn/Leon
    (re.compile(r"c(?=[eiy])"), "s"),           # Lacey/Lasey
    (re.compile(r"c"), "k"),                    # Oscar/Oskar, Lucas/Lukas
    (re.compile(r"ay"), "ai"),                  # Layla/Laila
)


def spelling_key(form: str) -> str | None:
    """A name with the spelling choices that do not change it taken out.

    Short names, where Metaphone says too little, vary by doubled letters, a
    silent h, ph for f, c for k and how the last vowel is written ("Hannah",
    "Hanna"; "Ellie", "Elly"; "Sophie", "Sofie"). Each of those choices is
    folded to one; the vowels that make "Leila" and "Layla" different names
    are kept. None for keys under three letters.
    """
    if len(form) < 3 or not form.isalpha():
        return None
    key = form
    for pattern, replacement in _SPELLING_RULES:
        key = pattern.sub(replacement, key)
    return key if len(key) >= 3 else None


def sound_key(form: str) -> str | None:
    """What a name sounds like, so "Mohammed", "Muhammad" and "Muhammed" share one key.

    Metaphone alone is too coarse for short names (Zoe, Sue and Sea share "S";
    Olive and Olivia share "OLF"), so the key adds how the name ends (a vowel
    sound, or a consonant or silent e) and is only made for names whose
    Metaphone has at least three sounds. Names it cannot tell apart this way
    (Niamh and Neve, Aoife and Eefa) belong in the alias list instead.
    """
    if len(form) < 4 or not form.isalpha():
        return None
    sounds = _metaphone()(form)
    if len(sounds) < 3:
        return None
    return f"{_first_sound(form)}{sounds}-{_ending(form)}"


def _first_sound(form: str) -> str:
    """How a name starts, which Metaphone blurs: "Cruz" and "Grace" both give KRS."""
    first = form[0]
    if first in "aeiouy":
        return "a"
    if first == "c":
        return "s" if form[1:2] in ("e", "i", "y") else "k"
    return {"q": "k", "z": "s", "j": "g"}.get(first, first)


def _ending(form: str) -> str:
    """The sound a name ends on: a (Olivia), i (Harley, Harleigh), o (Chloe), u or c."""
    word = form
    if word.endswith("gh") and len(word) > 3 and word[-3] in _VOWELS:
        word = word[:-2]
    elif word.endswith("h") and len(word) > 2 and word[-2] in _VOWELS:
        word = word[:-1]
    run = len(word) - len(word.rstrip("aeiouy"))
    vowels = word[len(word) - run:]
    if not vowels or vowels == "e":
        return "c"
    if vowels.endswith(("o", "oe")):
        return "o"
    if vowels.endswith(("u", "ue", "oo")):
        return "u"
    if vowels.endswith("a"):
        return "a"
    return "i"


def _word_forms(parts: list[str], kind: FormKind) -> set[tuple[str, FormKind]]:
    forms = {(part, kind) for part in parts if len(part) > 1}
    if len(parts) > 1:
        forms.add((" ".join(parts), kind))
        forms |= {(f"{a} {b}", kind) for a, b in itertools.pairwise(parts)}
    return forms


class NameHasher:
    """Keyed hashing of normalised name forms.

    A plain SHA-256 of "olivia" could be reversed by hashing a list of names;
    with a secret key (kept in the OS keyring) a stolen database reveals nothing.
    """

    _LABEL = b"st-peters-desk name form\x00"

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the name guard's key must be at least 16 bytes")
        self._key = key

    def digest(self, form: str) -> bytes:
        return hmac.digest(self._key, self._LABEL + form.encode("utf-8"), "sha256")

    def key_check(self) -> bytes:
        """A hash of a fixed label, stored with the roster, to notice a lost or changed key."""
        return hmac.digest(self._key, b"st-peters-desk key check", "sha256")


def hash_pupil_forms(pupils: Iterable[PupilName], hasher: NameHasher,
                     words: GuardWords) -> set[HashedForm]:
    """The hashed forms of a whole roster, ready to store (one entry per form and kind)."""
    hashed = {HashedForm(hasher.digest(_RULES_FORM), FormKind.RULES, False)}
    for pupil in pupils:
        for form, kind in pupil_name_forms(pupil, words):
            common = (kind in _SINGLE_NAME_KINDS and words.is_common(form)) \
                or form.startswith(_COMMON_MARK)
            hashed.add(HashedForm(hasher.digest(form), kind, common))
    return hashed


# --- Tokens ------------------------------------------------------------------------


_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD = re.compile(rf"{_LETTER}+(?:['’ʼ]{_LETTER}+)*['’ʼ]?")
_TAG = re.compile(r"(?<![\w&/])[#＃@＠](\w+)")
_POSSESSIVE = re.compile(r"['’ʼ][sS]?$")
_SENTENCE_END = re.compile(r"[.!?…\n\r]")


def _words_with_offsets(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _token_norm(raw: str) -> str:
    return normalise_name(_POSSESSIVE.sub("", raw))


def _camel_parts(run: str) -> list[tuple[int, int]]:
    """Split "WellDoneOliviaB" into Well/Done/Olivia/B (offsets within the run)."""
    cuts = [0]
    for i in range(1, len(run)):
        before, here = run[i - 1], run[i]
        after = run[i + 1] if i + 1 < len(run) else ""
        if here.isupper() and (before.islower() or (before.isupper() and after.islower())):
            cuts.append(i)
    cuts.append(len(run))
    return list(itertools.pairwise(cuts))


@dataclass
class _Token:
    raw: str
    start: int
    end: int
    norm: str
    tag: int  # 0 for running text, else a number shared by the parts of one #tag or @handle
    sentence_start: bool = False
    gap_before: str = ""
    kinds: frozenset[FormKind] = frozenset()
    common: bool = False
    pair_kind: FormKind | None = None  # set when this word and a neighbour form one name
    possessive: bool = False
    plural: bool = False
    allowed: bool = False
    famous: tuple[str, ...] = ()

    @property
    def lower(self) -> bool:
        return self.raw == self.raw.lower()

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()

    @property
    def shouted(self) -> bool:
        return len(self.raw) > 1 and self.raw.isupper()

    @property
    def hit(self) -> bool:
        return bool(self.kinds) or self.pair_kind is not None

    @property
    def initial(self) -> bool:
        """A surname initial after a first name: "Grace B." or the B of "#WellDoneGraceB"."""
        return len(self.norm) == 1 and self.raw.isupper() and self.raw not in ("I", "A")


def _capitalised_name_like(raw: str) -> bool:
    return len(raw) > 2 and raw[0].isupper() and raw[1:].islower()


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    tag_spans: list[tuple[int, int]] = []
    for number, match in enumerate(_TAG.finditer(text), start=1):
        tag_spans.append((match.start(), match.end()))
        for run in re.finditer(_LETTER + "+", match.group(1)):
            base = match.start(1) + run.start()
            for a, b in _camel_parts(run.group()):
                raw = text[base + a:base + b]
                tokens.append(_Token(raw, base + a, base + b, normalise_name(raw), number))
    for raw, start, _end in _words_with_offsets(text):
        if any(a <= start < b for a, b in tag_spans):
            continue
        if start > 0 and text[start - 1].isdigit() and not _capitalised_name_like(raw):
            continue  # "12th", "3kg", "100m": units and ordinals, never names ("Y6Olivia" is)
        word = _POSSESSIVE.sub("", raw) or raw
        tokens.append(_Token(word, start, start + len(word), _token_norm(raw), 0,
                             possessive=word != raw))
    tokens.sort(key=lambda t: t.start)
    previous_end = 0
    for index, token in enumerate(tokens):
        token.gap_before = text[previous_end:token.start]
        token.sentence_start = index == 0 or bool(_SENTENCE_END.search(token.gap_before))
        previous_end = token.end
    return _join_spelled_out(tokens)


# Between the letters of a name spelled out: "O l i v i a", "O.l.i.v.i.a", "O-l-i-v-i-a".
_SPELLING_GAP = re.compile(r"[ \t\u00a0.\-_·•*/|+~]{0,3}")
_MIN_SPELLED_LETTERS = 3


def _spelled_letter(token: _Token) -> bool:
    return len(token.raw) == 1 and not token.tag


def _join_spelled_out(tokens: list[_Token]) -> list[_Token]:
    """Runs of three or more single letters become one word: the name they spell."""
    joined: list[_Token] = []
    index = 0
    while index < len(tokens):
        end = index + 1
        while (end < len(tokens) and _spelled_letter(tokens[end - 1])
               and not tokens[end - 1].possessive and _spelled_letter(tokens[end])
               and _SPELLING_GAP.fullmatch(tokens[end].gap_before)):
            end += 1
        run = tokens[index:end]
        if len(run) >= _MIN_SPELLED_LETTERS:
            first, last = run[0], run[-1]
            raw = "".join(t.raw for t in run)
            joined.append(_Token(raw, first.start, last.end, normalise_name(raw), 0,
                                 first.sentence_start, first.gap_before,
                                 possessive=last.possessive))
            index = end
            continue
        joined.append(tokens[index])
        index += 1
    return joined


def _split_camel_words(tokens: list[_Token]) -> list[_Token]:
    """A word with capitals inside ("WellDoneOlivia", "RubyMae") read like a hashtag.

    Only words the roster does not know as a whole are split, so "McAllister"
    stays one surname.
    """
    result: list[_Token] = []
    number = max((t.tag for t in tokens), default=0)
    for token in tokens:
        parts = _camel_parts(token.raw)
        if token.tag or token.hit or len(parts) < 2:
            result.append(token)
            continue
        number += 1
        for position, (a, b) in enumerate(parts):
            raw = token.raw[a:b]
            result.append(_Token(raw, token.start + a, token.start + b, normalise_name(raw),
                                 number, token.sentence_start and position == 0,
                                 token.gap_before if position == 0 else "",
                                 possessive=token.possessive and b == len(token.raw)))
    return result


_DIGITS_FOR_LETTERS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t",
                       "$": "s", "!": "i", "|": "l", "@": "a"}
# A word with digits or symbols standing for letters: "0livia", "$mith", "Ol!via", "Olivi@",
# also inside hashtags and handles ("#m0hammed", "@0l1v1a_sm1th"), but not a handle's "@".
_LETTERS_AND_DIGITS = re.compile(
    r"(?<![^\W_])(?<![$!|])(?:[^\W_]|[$!|])*[\d$!|](?:[^\W_]|[\d$!|@])*"
    r"|(?<![^\W_])(?<![$!|@])[^\W_]+@(?:[^\W_]|[\d$!|@])*")


# --- Context words ---------------------------------------------------------------


_STAFF_TITLES = frozenset({"mr", "mrs", "miss", "ms", "mx", "dr"})
_HONORIFICS = frozenset({"st", "saint", "sir", "dame", "lady", "lord", "king", "queen", "prince",
                         "princess", "captain", "professor", "prof", "rev", "revd", "reverend",
                         "pope", "archbishop", "father", "fr", "canon", "sister", "brother",
                         "vicar", "pastor", "bishop", "imam", "rabbi", "prophet", "coach", "pc",
                         "sergeant", "sgt", "officer", "nurse", "chef", "mayor", "councillor",
                         "cllr", "headteacher", "president", "general", "admiral"})
_BUSINESS_NOUNS = frozenset({"bakery", "bakers", "cafe", "café", "farm", "shop", "store",
                             "crisps", "garage", "pharmacy", "salon", "butchers", "kitchen",
                             "restaurant", "pub", "inn", "bar", "deli", "centre", "center",
                             "gallery", "bank", "surgery", "opticians", "florist", "florists",
                             "bookshop", "market", "hall", "academy", "foundation", "trust",
                             "motors", "builders", "dental", "solicitors", "estate", "estates",
                             "bookshops", "building", "court", "house", "field", "park",
                             "road", "street", "lane", "close", "avenue"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "their", "this", "that", "these",
                          "those", "next", "last", "every", "each", "my", "his", "her", "its",
                          "some", "any", "no"})
_GROUP_NOUNS = frozenset({"class", "classes", "group", "groups", "table", "team", "house",
                          "houses", "term", "fair", "fete", "week", "day", "days", "garden",
                          "assembly", "club", "concert", "holiday", "holidays", "festival",
                          "service", "lunch", "show", "sun", "sunshine", "weather", "break",
                          "trip", "camp", "sale", "disco", "party", "lesson", "lessons",
                          "homework", "project", "display", "room", "hall", "farm", "jar"})
_PRAISE = frozenset({"done", "congratulations", "congrats", "thanks", "bravo", "birthday",
                     "welcome", "goodbye", "hello", "hi", "proud", "dear", "love", "go",
                     "cheers", "shoutout", "luck"})
_PERSON_VERBS = frozenset({"won", "wins", "scored", "scores", "wrote", "writes", "painted", "drew",
                           "earned", "received", "achieved", "completed", "finished", "sang",
                           "performed", "danced", "swam", "built", "designed", "created",
                           "presented", "helped", "baked", "brought", "told", "shared",
                           "raised", "collected", "represented", "competed", "beat", "reached",
                           "played", "sings", "reads", "made", "makes", "led", "leads",
                           "planted", "cooked", "organised", "invented", "solved", "spotted",
                           "perform", "performs", "sing", "read", "dance", "play", "win",
                           # how photo descriptions start: "Holly wearing a crown"
                           "wearing", "holding", "smiling", "receiving", "showing", "standing",
                           "sitting", "waving", "hugging", "celebrating", "accepting", "posing",
                           "winning", "scoring", "pictured", "dressed", "laughing"})
_CONTRACTION_FOLLOWERS = frozenset({"here", "there", "over", "coming", "nearly", "almost",
                                    "finally", "been", "gone", "a", "an", "the", "just", "so",
                                    "really", "very", "back", "arrived", "on", "off", "in", "out",
                                    "not", "still", "always", "never", "going", "got", "all",
                                    "about", "only", "due", "definitely", "officially", "upon",
                                    "underway", "begun", "started", "ended", "now", "too"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"})
_BEFORE_A_MONTH = frozenset({"in", "during", "until", "till", "since", "by", "from", "this",
                             "next", "last", "early", "late", "mid", "of", "before", "after",
                             "end", "throughout", "every", "each"})
_COORDINATORS = frozenset({"and", "or", "&"})
_PLACE_BEFORE = frozenset({"in", "at", "from", "near", "around", "towards", "across", "through",
                           "via", "visit", "visited", "visiting", "of", "outside"})
_TRAVEL = frozenset({"trip", "visit", "journey", "went", "go", "going", "travelled", "traveled",
                     "flew", "drove", "walked", "headed", "heading", "welcome", "way", "back"})
_PLACE_AFTER = frozenset({"zoo", "cathedral", "museum", "city", "airport", "harbour", "aquarium",
                          "university", "castle", "bridge", "station", "council", "rovers",
                          "county", "park", "docks", "beach", "abbey", "bay", "valley", "river",
                          "road", "street", "library", "theatre", "arena", "stadium"})


def _joinable(gap: str) -> bool:
    """Words form one name only with nothing but spaces, a hyphen or an underscore between."""
    return gap.strip(" \t\u00a0-_‐#@") == "" and "\n" not in gap


# --- The guard ---------------------------------------------------------------------


@dataclass(frozen=True)
class _FormInfo:
    kinds: frozenset[FormKind]
    common: bool


@dataclass
class _Context:
    tokens: list[_Token]
    shouting: bool
    famous_later: dict[str, str] = field(default_factory=dict)


class NameGuard:
    """Checks a tweet or a photo's alt text for pupils' names, knowing them only as hashes."""

    def __init__(self, hasher: NameHasher, forms: Iterable[HashedForm],
                 words: GuardWords | None = None) -> None:
        self._hasher = hasher
        self._words = words if words is not None else load_guard_words()
        kinds: dict[bytes, set[FormKind]] = {}
        common: dict[bytes, bool] = {}
        for form in forms:
            kinds.setdefault(form.digest, set()).add(form.kind)
            common[form.digest] = common.get(form.digest, False) or form.common_word
        rules = {d for d, k in kinds.items() if FormKind.RULES in k}
        self._rules_current = hasher.digest(_RULES_FORM) in rules
        self._forms = {d: _FormInfo(frozenset(k), common[d]) for d, k in kinds.items()
                       if d not in rules}
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self._words.famous_phrases, key=len, reverse=True):
            self._phrases.setdefault(phrase[0], []).append(phrase)
        self._joined_phrases = sorted({"".join(p) for p in self._words.famous_phrases})
        self._looked_up: dict[str, _FormInfo | None] = {}

    @classmethod
    def from_names(cls, names: Iterable[str], words: GuardWords | None = None) -> NameGuard:
        """A guard over full names such as "Olivia Smith" (first name, then surname).

        For tests and benchmarks: the key is random and lives only in this object.
        """
        words = words if words is not None else load_guard_words()
        hasher = NameHasher(secrets.token_bytes(32))
        pupils = [_pupil_from_full_name(name) for name in names]
        return cls(hasher, hash_pupil_forms(pupils, hasher, words), words)

    @classmethod
    def from_hashed(cls, key: bytes, forms: Iterable[HashedForm],
                    words: GuardWords | None = None) -> NameGuard:
        """The guard over a stored roster: its hashes and the key they were made with."""
        return cls(NameHasher(key), forms, words)

    @classmethod
    def empty(cls) -> NameGuard:
        """A guard with no roster yet: it finds nothing, and says so through ``is_empty``."""
        return cls(NameHasher(secrets.token_bytes(32)), ())

    @property
    def form_count(self) -> int:
        return len(self._forms)

    @property
    def is_empty(self) -> bool:
        """True before any roster is imported: the guard then cannot protect anyone."""
        return not self._forms

    @property
    def needs_reimport(self) -> bool:
        """True for a roster imported under older rules: it lacks forms the checks look up."""
        return bool(self._forms) and not self._rules_current

    def check(self, text: str) -> list[NameFinding]:
        """Every word of ``text`` that may name a pupil, with how sure the guard is.

        Spans index ``text`` as given; the word reported is what a reader sees
        there (look-alike letters made plain, invisible characters left out).
        """
        if not self._forms or not text:
            return []
        folded = fold_text(text)
        _, findings = self._analyse(folded.text)
        return _unfolded(text, folded, findings)

    def check_read_text(self, text: str) -> list[NameFinding]:
        """Text read from a photo (a name badge, a book, a whiteboard), allowing a misread letter.

        Everything ``check`` finds, and any word within one letter of a pupil's
        name of at least five letters ("Olivla", "Olvia", "Oliviia"), which blocks:
        a photo that may show a child's name is looked at before it goes out.
        """
        if not self._forms or not text:
            return []
        folded = fold_text(text)
        tokens, findings = self._analyse(folded.text)
        for token in tokens:
            if token.hit or any(f.start < token.end and token.start < f.end for f in findings):
                continue
            if self._misread_name(token.norm):
                findings.append(NameFinding(token.start, token.end, BLOCK, token.raw,
                                            _reason(FormKind.NEAR)))
        if _a_label(tokens):
            findings = [_as_a_label(f) for f in findings]
        return _unfolded(text, folded, findings)

    def _analyse(self, text: str) -> tuple[list[_Token], list[NameFinding]]:
        """The words of folded ``text`` and what was found, with spans into ``text``."""
        tokens = _tokenise(text)
        self._look_up_words(tokens)
        tokens = _split_camel_words(tokens)
        self._look_up_words(tokens)
        tokens = self._join_split_names(tokens)
        self._look_up_pairs(tokens)
        context = _Context(tokens, _is_shouting(tokens))
        self._allow_titles(tokens)
        self._allow_famous(context)
        findings = self._decide(context, text)
        findings += self._inside_run_together_tags(tokens, text)
        findings += self._digits_for_letters(text, findings)
        return tokens, findings

    # --- looking up hashes

    def _info(self, form: str) -> _FormInfo | None:
        """The stored form ``form`` hashes to; remembered, as typing re-checks the same words."""
        if form in self._looked_up:
            return self._looked_up[form]
        if len(self._looked_up) >= _LOOK_UP_MEMORY:
            self._looked_up.clear()
        info = self._looked_up[form] = self._forms.get(self._hasher.digest(form))
        return info

    def _look_up_words(self, tokens: list[_Token]) -> None:
        """Each word as written, then as a plural ("Olivias"), then by its sound."""
        for token in tokens:
            if token.hit or len(token.norm) < 2:
                continue
            info = self._info(token.norm)
            if info is None:
                info = self._plural_of_name(token)
            if info is None and (token.tag or not token.lower) \
                    and not self._words.is_ordinary(token.norm):
                info = self._other_spelling(token.norm)
            if info is None and ("I" in token.raw[1:] or token.raw[:1] == "l"):
                info = self._i_for_l(token)
            if info is not None:
                token.kinds, token.common = info.kinds, info.common

    def _other_spelling(self, norm: str) -> _FormInfo | None:
        """A pupil's name spelled another way: by sound, by spelling, or as a word-name's."""
        for key in sound_keys(norm):
            info = self._info(key) or self._info(_COMMON_MARK + key)
            if info is not None:
                return info
        return None

    def _i_for_l(self, token: _Token) -> _FormInfo | None:
        """A capital I standing for a small l, or the other way round ("OIivia", "lsla").

        The two look the same in most fonts, and every look-alike of one is a
        look-alike of the other, so both readings are tried (at most eight).
        """
        options = [("I", "l") if c in "Il" and i > 0 else ("l", "I") if c == "l" and i == 0
                   else (c,) for i, c in enumerate(token.raw)]
        for letters in itertools.islice(itertools.product(*options), 1, 9):
            info = self._info(normalise_name("".join(letters)))
            if info is not None and info.kinds & _SINGLE_NAME_KINDS:
                return info
        return None

    def _plural_of_name(self, token: _Token) -> _FormInfo | None:
        norm = token.norm
        if len(norm) < 4 or not norm.endswith("s") or self._words.is_ordinary(norm):
            return None  # "lives" is not two Livs, nor "bells" two Bells
        for base in (norm[:-1], norm[:-2] if norm.endswith("es") else ""):
            info = self._info(base) if len(base) > 2 else None
            if info is not None and info.kinds & _SINGLE_NAME_KINDS:
                token.plural = True
                return info
        return None

    def _join_split_names(self, tokens: list[_Token]) -> list[_Token]:
        """Two pieces that make a pupil's name when joined ("Oli via", "Ol-ivia") become one.

        Only names that are no everyday word are joined this way, and only pieces
        that are no name themselves (a nickname at most: "Oli"), so "Will Power"
        stays two words.
        """
        joined: list[_Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            info = None
            if (after is not None and _weak(token) and _weak(after) and after.tag == token.tag
                    and _split_gap(after.gap_before) and _split_pieces(token, after)):
                info = self._info(token.norm + after.norm)
            if info is None or info.common or not info.kinds & _SINGLE_NAME_KINDS:
                joined.append(token)
                index += 1
                continue
            assert after is not None
            merged = _Token(token.raw + after.raw, token.start, after.end,
                            token.norm + after.norm, token.tag, token.sentence_start,
                            token.gap_before, info.kinds, info.common,
                            possessive=after.possessive)
            joined.append(merged)
            index += 2
        return joined

    def _misread_name(self, norm: str) -> bool:
        """Within one letter of a name of five letters or more (left out, added or changed),
        after undoing the misreadings OCR makes of one letter as two ("rn" for m)."""
        if self._words.is_ordinary(norm):
            return False
        for reading in _ocr_readings(norm):
            info = self._info(reading) if reading != norm else None
            if info is not None and not info.common and info.kinds & _SINGLE_NAME_KINDS:
                return True
            if self._one_letter_from_a_name(reading):
                return True
        return False

    def _one_letter_from_a_name(self, norm: str) -> bool:
        if len(norm) < MIN_MISREAD_LENGTH - 1:
            return False
        if self._info(_NEAR_PREFIX + norm) is not None:
            return True
        for shorter in _one_left_out(norm):
            info = self._info(shorter) if len(shorter) >= MIN_MISREAD_LENGTH else None
            if info is not None and not info.common and info.kinds & _SINGLE_NAME_KINDS:
                return True
            if self._info(_NEAR_PREFIX + shorter) is not None:
                return True
        return False

    def _digits_for_letters(self, text: str, found: list[NameFinding]) -> list[NameFinding]:
        """Names written with digits for letters: "0livia", "Ol1via", "J4mes"."""
        findings: list[NameFinding] = []
        for match in _LETTERS_AND_DIGITS.finditer(text):
            word = match.group().rstrip("!|")
            letters = sum(c.isalpha() for c in word)
            if letters < 2 or word.startswith("@") or word.isalpha() \
                    or any(f.start < match.end() and match.start() < f.end for f in found):
                continue
            for spelling in _spellings(word):
                info = self._info(normalise_name(spelling))
                if info is not None and not info.common and info.kinds & _SINGLE_NAME_KINDS:
                    findings.append(NameFinding(match.start(), match.start() + len(word),
                                                BLOCK, word,
                                                _reason(_most_specific(info.kinds))))
                    break
        return findings

    def _look_up_pairs(self, tokens: list[_Token]) -> None:
        for left, right in itertools.pairwise(tokens):
            if len(left.norm) < 2 or len(right.norm) < 2 or not _joinable(right.gap_before):
                continue
            info = self._info(f"{left.norm} {right.norm}")
            if info is None:
                continue
            kind = _most_specific(info.kinds)
            for token in (left, right):
                if token.pair_kind is not FormKind.FULL:
                    token.pair_kind = kind

    # --- allowances

    def _allow_titles(self, tokens: list[_Token]) -> None:
        """Names after a staff title or an honorific belong to staff, saints or the famous."""
        for index, token in enumerate(tokens):
            if not _is_title(token):
                continue
            for follower in tokens[index + 1:index + 4]:
                if not _joinable(follower.gap_before.replace(".", "")):
                    break
                if not (follower.capitalised or follower.hit):
                    break
                if follower.pair_kind is FormKind.FULL:
                    break  # "Miss Olivia Smith", "Mrs Smith Olivia": a pupil's full name
                follower.allowed = True

    def _allow_famous(self, context: _Context) -> None:
        tokens = context.tokens
        norms = [t.norm for t in tokens]
        for index, first in enumerate(norms):
            for phrase in self._phrases.get(first, ()):
                if tuple(norms[index:index + len(phrase)]) != phrase:
                    continue
                for token in tokens[index:index + len(phrase)]:
                    token.famous = token.famous or phrase
                    context.famous_later.setdefault(token.norm, _display(phrase))
                break

    # --- deciding

    def _decide(self, context: _Context, text: str) -> list[NameFinding]:
        findings: list[NameFinding] = []
        tokens = context.tokens
        strong = {i for i, t in enumerate(tokens) if t.hit and not t.allowed and not t.famous
                  and (t.pair_kind is not None or not t.common)}
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not token.hit or token.allowed:
                index += 1
                continue
            if token.pair_kind is not None and index + 1 < len(tokens) \
                    and tokens[index + 1].pair_kind is not None \
                    and _joinable(tokens[index + 1].gap_before):
                findings.append(self._pair_finding(context, index, text))
                index += 2
                continue
            finding = self._word_finding(context, index, strong)
            if finding is not None:
                findings.append(finding)
            index += 1
        return findings

    def _pair_finding(self, context: _Context, index: int, text: str) -> NameFinding:
        left, right = context.tokens[index], context.tokens[index + 1]
        kind = left.pair_kind or FormKind.FULL
        word = text[left.start:right.end]
        if left.famous:
            return NameFinding(left.start, right.end, WARN, word, translate(
                "NameGuard", "a pupil on the roster has the same name as {famous}: check it "
                "means the famous one").format(famous=_display(left.famous)))
        return NameFinding(left.start, right.end, BLOCK, word, _reason(kind))

    def _word_finding(self, context: _Context, index: int,
                      strong: set[int]) -> NameFinding | None:
        token = context.tokens[index]
        if token.famous:
            return None
        kind = _most_specific(token.kinds | ({token.pair_kind} if token.pair_kind else set()))
        reason = _reason(kind)
        level, note = self._level(context, index, strong)
        if level is None:
            return None
        return NameFinding(token.start, token.end, level, token.raw, reason + note)

    def _level(self, context: _Context, index: int,
               strong: set[int]) -> tuple[Level | None, str]:
        token = context.tokens[index]
        nickname_only = token.kinds <= _WEAK_KINDS and token.pair_kind is None
        if token.plural and token.lower and not token.tag:
            return None, ""  # "roses", "hopes": a plural in lower case is the word
        later = context.famous_later.get(token.norm)
        if later:
            return WARN, translate("NameGuard", "; probably {famous}, named earlier: check"
                                   ).format(famous=later)
        if token.norm in self._words.places and _place_context(context.tokens, index):
            return WARN, translate("NameGuard", "; probably the place: check")
        if _names_a_business(context.tokens, index):
            return WARN, translate("NameGuard", "; probably a business or a place named after "
                                                "someone: check")
        if not token.common:
            if nickname_only and token.lower and not token.tag:
                return WARN, translate("NameGuard", " (written in lower case: check)")
            return BLOCK, ""
        return self._common_word_level(context, index, strong, nickname_only)

    def _common_word_level(self, context: _Context, index: int, strong: set[int],
                           nickname_only: bool) -> tuple[Level | None, str]:
        """A name that is also a word: block only where the words around it say "a child"."""
        tokens = context.tokens
        token = tokens[index]
        word_note = translate("NameGuard", "; also the word \"{word}\": check which is meant"
                              ).format(word=token.raw.lower())
        if _names_a_group(tokens, index):
            return WARN, translate("NameGuard",
                                   "; looks like the name of a class, house or event: check")
        if _clearly_a_name(tokens, index, strong, token.lower or token.tag > 0):
            return BLOCK, ""
        if token.tag:
            return WARN, word_note
        if _is_a_date(tokens, index):
            return None, ""
        if token.lower:
            return (None, "") if nickname_only else (WARN, word_note)
        if token.sentence_start or context.shouting:
            return (None, "") if nickname_only else (WARN, word_note)
        if token.norm in self._words.calendar_words or _in_a_phrase(tokens, index):
            return WARN, word_note
        return BLOCK, ""

    # --- hashtags and handles written as one lower-case run

    def _inside_run_together_tags(self, tokens: list[_Token], text: str) -> list[NameFinding]:
        """Names hidden inside "#welldoneolivia" or "@oliviasmith2".

        A name that is no everyday word blocks here as it would capitalised; a
        word-name ("#summerfair") only warns, as the words around it cannot be
        read. Names are looked for at either end of the run, and, from five
        letters on, anywhere inside it ("#welldoneoliviaandteam").
        """
        findings: list[NameFinding] = []
        for token in tokens:
            if not token.tag or token.hit or len(token.norm) < 6:
                continue
            if len(token.norm) != len(token.raw) or not (token.lower or token.shouted):
                continue  # offsets must line up; CamelCase parts were already checked
            findings.extend(self._names_inside(token, text))
        return findings

    def _names_inside(self, token: _Token, text: str) -> list[NameFinding]:
        size = len(token.norm)
        famous = self._famous_inside(token.norm)
        for length in range(size - 3, 2, -1):
            starts = range(size - length + 1) if length >= MIN_MISREAD_LENGTH \
                else (0, size - length)
            found = [finding for start in dict.fromkeys(starts)
                     if not any(a < start + length and start < b for a, b in famous)
                     and (finding := self._run_together_name(token, text, start, length))]
            if found:
                return found
        return []

    def _famous_inside(self, norm: str) -> list[tuple[int, int]]:
        """Where a famous name run together sits in a tag: "#stpeterspilning" is the school."""
        spans = []
        for joined in self._joined_phrases:
            start = norm.find(joined)
            while start >= 0:
                spans.append((start, start + len(joined)))
                start = norm.find(joined, start + 1)
        return spans

    def _run_together_name(self, token: _Token, text: str, start: int,
                           length: int) -> NameFinding | None:
        info = self._info(token.norm[start:start + length])
        if info is None or (info.common and info.kinds == {FormKind.NICKNAME}):
            return None
        a, b = token.start + start, token.start + start + length
        reason = _reason(_most_specific(info.kinds))
        if info.common:
            return NameFinding(a, b, WARN, text[a:b], reason + translate(
                "NameGuard", ", run together with other words: check"))
        return NameFinding(a, b, BLOCK, text[a:b], reason + translate(
            "NameGuard", ", run together with other words"))


def _split_gap(gap: str) -> bool:
    """What can fall inside a name by accident: a space, a hyphen, a pasted line break."""
    return len(gap) <= 2 and gap.strip(" \t\u00a0-_\r\n") == "" and gap.count("\n") <= 1


def _split_pieces(left: _Token, right: _Token) -> bool:
    """Two pieces long enough to be a split name; one capital letter may lead ("O Connor",
    "D Andre" for O'Connor and D'Andre), but never "a" or "I" ("a dam" is not Adam)."""
    if len(left.norm + right.norm) < MIN_MISREAD_LENGTH or len(right.norm) < 2:
        return False
    if len(left.norm) >= 2:
        return True
    return left.raw.isupper() and left.raw not in ("A", "I") and len(right.norm) >= 3


_OCR_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("ii", "u"))


def _ocr_readings(norm: str) -> list[str]:
    """``norm`` and what it reads as with OCR's two-for-one letters put back (at most four)."""
    readings = [norm]
    for pair, letter in _OCR_PAIRS:
        if pair in norm:
            readings.append(norm.replace(pair, letter))
    return readings[:4]


def _a_label(tokens: Sequence[_Token]) -> bool:
    """A line that is only a name, perhaps with an initial: a badge, a peg, a book's owner.

    In a sentence, "Poppy" or "Leo" may be the flower or the star sign; written on
    its own in a photo it is someone's name.
    """
    words = [t for t in tokens if not t.initial]
    return 0 < len(words) <= 2 and all(t.hit for t in words)


def _as_a_label(finding: NameFinding) -> NameFinding:
    if finding.level == BLOCK:
        return finding
    return NameFinding(finding.start, finding.end, BLOCK, finding.word, finding.reason
                       + translate("NameGuard", "; written on its own, as on a name label"))


def _weak(token: _Token) -> bool:
    """Not a name, or only a nickname or sound-alike (which a longer reading beats)."""
    return token.pair_kind is None and token.kinds <= _WEAK_KINDS


def _spellings(word: str) -> list[str]:
    """``word`` with its digits read as the letters they stand for (1 as i and as l)."""
    spellings = [""]
    for char in word:
        options = _DIGITS_FOR_LETTERS.get(char, char)
        if char.isdigit() and char not in _DIGITS_FOR_LETTERS:
            return []
        spellings = [s + o for s in spellings for o in options][:8]
    return spellings


def _unfolded(text: str, folded: FoldedText,
              findings: list[NameFinding]) -> list[NameFinding]:
    """Findings on the folded text, with spans moved back onto the text as typed.

    The word reported is the one typed, less its invisible characters; a word
    typed backwards inside a direction override is reported as it displays.
    """
    mapped = []
    for finding in findings:
        start, end = folded.span(finding.start, finding.end)
        origin = folded.origin[finding.start:finding.end]
        if all(a <= b for a, b in itertools.pairwise(origin)):
            word = "".join(c for c in text[start:end] if not is_invisible(c))
        else:
            word = folded.text[finding.start:finding.end]
        mapped.append(NameFinding(start, end, finding.level, word, finding.reason))
    return sorted(mapped, key=lambda f: (f.start, f.end))


# --- Context rules ------------------------------------------------------------------


def _most_specific(kinds: Iterable[FormKind]) -> FormKind:
    present = set(kinds)
    return next(kind for kind in _KIND_ORDER if kind in present)


def _display(phrase: tuple[str, ...]) -> str:
    return " ".join(word.capitalize() for word in phrase)


def _is_title(token: _Token) -> bool:
    if token.norm in _HONORIFICS:
        return token.capitalised
    if token.norm in _STAFF_TITLES:
        return token.capitalised or token.norm != "miss"
    return False


def _is_shouting(tokens: Sequence[_Token]) -> bool:
    """All-capitals text tells nothing about names, so word-names only warn in it."""
    words = [t for t in tokens if len(t.raw) > 1 and not t.tag]
    return len(words) >= 3 and sum(t.shouted for t in words) / len(words) > 0.6


def _neighbour(tokens: Sequence[_Token], index: int, step: int) -> _Token | None:
    """The next word in the same sentence (and the same tag), if any."""
    other = index + step
    if not 0 <= other < len(tokens):
        return None
    here, there = tokens[index], tokens[other]
    if here.tag != there.tag:
        return None
    later = there if step > 0 else here
    return None if later.sentence_start else there


def _clearly_a_name(tokens: Sequence[_Token], index: int, strong: set[int],
                    weak_evidence: bool) -> bool:
    """Words around a word-name that show it names a child.

    "Well done Summer", "Hope and Olivia", "Grace B."; and, for a capitalised
    word in running text, a verb of achievement after it ("Hope scored", "Jack
    and Will built") or a possessive before a noun ("Poppy's painting").
    """
    token = tokens[index]
    before = _neighbour(tokens, index, -1)
    after = _neighbour(tokens, index, 1)
    if after is not None and after.initial:
        return True
    if before is not None and _is_praise(tokens, index):
        return True
    if _coordinated_with_strong(tokens, index, strong):
        return True
    if token.tag and (_hits(before) or _hits(after)):
        return True
    if weak_evidence:
        return False
    if before is not None and before.norm in _DETERMINERS:
        return False
    if _verb_after(tokens, index):
        return True
    return (token.possessive and after is not None and after.lower
            and after.norm not in _CONTRACTION_FOLLOWERS)


def _verb_after(tokens: Sequence[_Token], index: int) -> bool:
    """An achievement verb after the name or after a list of names: "Jack and Will built"."""
    position = index
    while True:
        following = _neighbour(tokens, position, 1)
        if following is None:
            return False
        if following.norm in _PERSON_VERBS and following.lower:
            return True
        if following.norm not in _COORDINATORS and not (following.hit and following.capitalised):
            return False
        position += 1


def _names_a_group(tokens: Sequence[_Token], index: int) -> bool:
    """"Rose Class", "Ruby House", "Summer Fair": a word-name naming a thing, not a child."""
    after = _neighbour(tokens, index, 1)
    return (after is not None and after.norm in _GROUP_NOUNS
            and after.gap_before.strip() == "")


def _names_a_business(tokens: Sequence[_Token], index: int) -> bool:
    """"Hannah's Bakery", "Lloyds Bank", "the Sharma Centre", "Williams Art Gallery"."""
    position = index
    for _ in range(2):
        after = _neighbour(tokens, position, 1)
        gap = re.sub(r"^['’ʼ][sS]?", "", after.gap_before) if after is not None else ""
        if after is None or not after.capitalised or not _joinable(gap):
            return False
        if after.norm in _BUSINESS_NOUNS:
            return True
        position += 1
    return False


def _is_a_date(tokens: Sequence[_Token], index: int) -> bool:
    """A month named as a month: "12th May", "in June", "May 2025"."""
    token = tokens[index]
    if token.norm not in _MONTHS:
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if any(c.isdigit() for c in token.gap_before) or (after and any(
            c.isdigit() for c in after.gap_before)):
        return True
    before = _neighbour(tokens, index, -1)
    return before is not None and before.norm in _BEFORE_A_MONTH


def _hits(token: _Token | None) -> bool:
    return token is not None and token.hit and not token.allowed and not token.common


def _is_praise(tokens: Sequence[_Token], index: int) -> bool:
    step = index - 1
    if step >= 0 and tokens[step].norm in ("to", "of"):
        step -= 1
    if step < 0:
        return False
    word = tokens[step].norm
    if word == "you":
        return step > 0 and tokens[step - 1].norm in ("thank", "love")
    return word in _PRAISE


def _coordinated_with_strong(tokens: Sequence[_Token], index: int, strong: set[int]) -> bool:
    """In a list of names ("Grace, Olivia and Tom") with a name that is no word."""
    for step in (-1, 1):
        other = index + step
        if other in strong and "," in (tokens[max(index, other)].gap_before):
            return True
        link = index + step
        beyond = index + 2 * step
        if 0 <= link < len(tokens) and tokens[link].norm in _COORDINATORS and beyond in strong:
            return True
    return False


def _in_a_phrase(tokens: Sequence[_Token], index: int) -> bool:
    """A capitalised word-name in a title or after a determiner: "the Summer Fair", "Holly Farm"."""
    before = _neighbour(tokens, index, -1)
    after = _neighbour(tokens, index, 1)
    if before is not None and before.norm in _DETERMINERS:
        return True
    if after is not None and _plain_capitalised(after) and _joinable(after.gap_before):
        return True
    if before is not None and _plain_capitalised(before) and not before.sentence_start \
            and before.norm not in _PRAISE and _joinable(tokens[index].gap_before):
        return True
    return any(_plain_capitalised(member) for member in _listed_with(tokens, index))


def _plain_capitalised(token: _Token) -> bool:
    """A capitalised word that is not a pupil's name (so part of a title or a list of ideas)."""
    return token.capitalised and not token.hit and len(token.raw) > 1


def _listed_with(tokens: Sequence[_Token], index: int) -> list[_Token]:
    """The other items of a list the word is in: "Faith, Hope and Love"."""
    members: list[_Token] = []
    for step in (-1, 1):
        position = index
        while True:
            link = _neighbour(tokens, position, step)
            if link is None:
                break
            later = link if step > 0 else tokens[position]
            if link.norm in _COORDINATORS:
                member = _neighbour(tokens, position + step, step)
                if member is None:
                    break
                members.append(member)
                position += 2 * step
            elif "," in later.gap_before:
                members.append(link)
                position += step
            else:
                break
    return members


def _place_context(tokens: Sequence[_Token], index: int) -> bool:
    before = _neighbour(tokens, index, -1)
    after = _neighbour(tokens, index, 1)
    if after is not None and after.norm in _PLACE_AFTER:
        return True
    if before is None:
        return False
    if before.norm in _PLACE_BEFORE:
        return True
    earlier = _neighbour(tokens, index - 1, -1)
    return before.norm == "to" and earlier is not None and earlier.norm in _TRAVEL


def _pupil_from_full_name(name: str) -> PupilName:
    words = name.split()
    if len(words) < 2:
        return PupilName(forename=name.strip(), surname="")
    return PupilName(forename=" ".join(words[:-1]), surname=words[-1])


# --- What the audit log may keep --------------------------------------------------------

GuardSource = Callable[[], NameGuard]
"""How a store reaches the guard over the roster (loading it may fail: a lost key)."""


def usable_guard(source: GuardSource | None) -> NameGuard | None:
    """The guard, if it can check names now: a roster, imported under the current rules,
    whose key this computer still has. None otherwise, and callers then assume the worst."""
    if source is None:
        return None
    try:
        guard = source()
    except Exception:  # RosterKeyError or a keyring failure: nothing can be checked
        return None
    return None if guard.is_empty or guard.needs_reimport else guard


def text_for_the_record(text: str, source: GuardSource | None) -> str:
    """A tweet or description as the audit log keeps it: its words, unless they may name a
    child (or cannot be checked), in which case only its length.

    The audit log is exported and read by governors and inspectors; a name the guard
    blocked must not live on there after the tweet itself was corrected.
    """
    guard = usable_guard(source)
    if guard is not None and not any(f.level == BLOCK for f in guard.check(text)):
        return text
    return (f"[{len(text)} characters, not copied here: the name guard flagged a possible "
            "pupil's name, or could not check]")
