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
"""

from __future__ import annotations

import functools
import hmac
import itertools
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from stpeters_desk.core.i18n import translate
from stpeters_desk.core.paths import resources_dir

__all__ = [
    "FormKind",
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
]

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


# Most specific first: the reason given for a hit names the first kind that applies.
_KIND_ORDER = (FormKind.FULL, FormKind.FORENAME, FormKind.PREFERRED, FormKind.SURNAME,
               FormKind.NICKNAME)


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
    apostrophe a teacher types or leaves out does not matter.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    letters = (c for c in decomposed if c.isalpha() and not unicodedata.combining(c))
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

    def is_common(self, form: str) -> bool:
        """Short forms count as words too: "Jo", "Al" and "Ed" turn up as initials and words."""
        return form in self.common_words or len(form) <= 2


def _read_list(path: Path) -> list[str]:
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
    return forms


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
    hashed: set[HashedForm] = set()
    for pupil in pupils:
        for form, kind in pupil_name_forms(pupil, words):
            common = kind is not FormKind.FULL and words.is_common(form)
            hashed.add(HashedForm(hasher.digest(form), kind, common))
    return hashed


# --- Tokens ------------------------------------------------------------------------


_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD = re.compile(rf"{_LETTER}+(?:['’]{_LETTER}+)*['’]?")
_TAG = re.compile(r"(?<![\w&/])[#＃@＠](\w+)")
_POSSESSIVE = re.compile(r"['’][sS]?$")
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
        if start > 0 and text[start - 1].isdigit():
            continue  # "12th", "3kg", "100m": units and ordinals, never names
        word = _POSSESSIVE.sub("", raw) or raw
        tokens.append(_Token(word, start, start + len(word), _token_norm(raw), 0,
                             possessive=word != raw))
    tokens.sort(key=lambda t: t.start)
    previous_end = 0
    for index, token in enumerate(tokens):
        token.gap_before = text[previous_end:token.start]
        token.sentence_start = index == 0 or bool(_SENTENCE_END.search(token.gap_before))
        previous_end = token.end
    return tokens


# --- Context words ---------------------------------------------------------------


_STAFF_TITLES = frozenset({"mr", "mrs", "miss", "ms", "mx", "dr"})
_HONORIFICS = frozenset({"st", "saint", "sir", "dame", "lady", "lord", "king", "queen", "prince",
                         "princess", "captain", "professor", "prof", "rev", "revd", "reverend",
                         "pope", "archbishop"})
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
        self._forms = {d: _FormInfo(frozenset(k), common[d]) for d, k in kinds.items()}
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self._words.famous_phrases, key=len, reverse=True):
            self._phrases.setdefault(phrase[0], []).append(phrase)

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

    def check(self, text: str) -> list[NameFinding]:
        """Every word of ``text`` that may name a pupil, with how sure the guard is."""
        if not self._forms or not text:
            return []
        tokens = _tokenise(text)
        self._look_up(tokens)
        context = _Context(tokens, _is_shouting(tokens))
        self._allow_titles(tokens)
        self._allow_famous(context)
        findings = self._decide(context, text)
        findings += self._inside_run_together_tags(tokens, text)
        return sorted(findings, key=lambda f: (f.start, f.end))

    # --- looking up hashes

    def _info(self, form: str) -> _FormInfo | None:
        return self._forms.get(self._hasher.digest(form))

    def _look_up(self, tokens: list[_Token]) -> None:
        for token in tokens:
            if len(token.norm) < 2:
                continue
            info = self._info(token.norm)
            if info is not None:
                token.kinds, token.common = info.kinds, info.common
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
        nickname_only = token.kinds == {FormKind.NICKNAME} and token.pair_kind is None
        later = context.famous_later.get(token.norm)
        if later:
            return WARN, translate("NameGuard", "; probably {famous}, named earlier: check"
                                   ).format(famous=later)
        if token.norm in self._words.places and _place_context(context.tokens, index):
            return WARN, translate("NameGuard", "; probably the place: check")
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
        """Names hidden at either end of "#welldoneolivia" or "@oliviasmith" (warn only)."""
        findings: list[NameFinding] = []
        for token in tokens:
            if not token.tag or token.hit or len(token.norm) < 6:
                continue
            if len(token.norm) != len(token.raw) or not (token.lower or token.shouted):
                continue  # offsets must line up; CamelCase parts were already checked
            findings.extend(self._ends_of(token, text))
        return findings

    def _ends_of(self, token: _Token, text: str) -> list[NameFinding]:
        found: list[NameFinding] = []
        size = len(token.norm)
        for length in range(size - 3, 2, -1):
            for start in (0, size - length):
                info = self._info(token.norm[start:start + length])
                if info is None or (info.common and info.kinds == {FormKind.NICKNAME}):
                    continue
                a, b = token.start + start, token.start + start + length
                found.append(NameFinding(a, b, WARN, text[a:b],
                                         _reason(_most_specific(info.kinds))
                                         + translate("NameGuard",
                                                     ", run together with other words: check")))
            if found:
                return found
        return found


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

