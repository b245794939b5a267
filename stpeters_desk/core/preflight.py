"""The pre-flight check: every safeguarding and cost check a post must pass, in one report.

The composer shows this report just before posting, one line per check, so
whoever is tweeting sees at once what the school's policy asks of this post:
no child's name (in the text or in a photo's description), photos whose faces
and consent have been checked, descriptions for every photo, no surprise
costs (a link is billed far higher than plain text on X's pay-per-use API),
no private conversations with individuals, nothing that tells strangers where
children are, a length X will accept, and replies limited as the school
decided. Any "block" means the post cannot go out as it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from stpeters_desk.core.names import NameFinding, NameGuard
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.settings_registry import (
    OWN_POSTCODES,
    REPLY_SETTING,
    SCHOOL_HANDLES,
    TRUSTED_ACCOUNTS,
    read,
)
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.core.text_folding import direction_controls
from stpeters_desk.core.tweet_text import MAX_WEIGHTED_LENGTH, parse_tweet
from stpeters_desk.i18n import translate

__all__ = [
    "CheckStatus",
    "PhotoCheckInput",
    "PreflightCheck",
    "PreflightReport",
    "PreflightSettings",
    "ReplySetting",
    "run_preflight",
]

CheckStatus = Literal["pass", "warn", "block"]
_SEVERITY: dict[CheckStatus, int] = {"pass": 0, "warn": 1, "block": 2}

LINK_COST_FACTOR = 13
"""Roughly how many times more a post with a link costs on X's pay-per-use credits."""

MAX_ALT_TEXT = 1000
"""X refuses a photo description longer than this."""

SCHOOL_HANDLE = SCHOOL_HANDLES.default


class ReplySetting(StrEnum):
    """Who may reply to a post: X's ``reply_settings`` values."""

    EVERYONE = "everyone"
    MENTIONED_USERS = "mentionedUsers"
    FOLLOWING = "following"


@dataclass(frozen=True)
class PhotoCheckInput:
    """What the photo feature knows about one attached photo."""

    alt_text: str
    faces_reviewed: bool
    consent_confirmed: bool
    label: str = ""  # how messages name it, e.g. "sports-day.jpg"; "Photo 2" when empty
    text_checked: bool = False  # its written text read and every pupil's name covered


@dataclass(frozen=True)
class PreflightSettings:
    """The school's choices the checks depend on (kept in the settings table)."""

    reply_settings: ReplySetting = ReplySetting.MENTIONED_USERS
    following_count: int = 0
    school_handles: frozenset[str] = frozenset({SCHOOL_HANDLE.lower()})
    trusted_accounts: frozenset[str] = frozenset()
    own_postcodes: frozenset[str] = frozenset()

    @classmethod
    def from_store(cls, store: SettingsStore, following_count: int = 0) -> PreflightSettings:
        """Read the school's choices; anything unset keeps the safe default."""
        return cls(
            reply_settings=ReplySetting(read(store, REPLY_SETTING)),
            following_count=following_count,
            school_handles=_handle_set(read(store, SCHOOL_HANDLES)),
            trusted_accounts=_handle_set(read(store, TRUSTED_ACCOUNTS)),
            own_postcodes=frozenset(_postcode_key(p) for p in
                                    read(store, OWN_POSTCODES).split(",") if p.strip()),
        )


@dataclass(frozen=True)
class PreflightCheck:
    """One line of the pre-flight panel.

    ``spans`` are offsets into the post's text to highlight; ``details`` are
    extra lines (one per photo, say) the panel can show under the message.
    """

    key: str
    title: str
    status: CheckStatus
    message: str
    spans: tuple[tuple[int, int], ...] = ()
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreflightReport:
    checks: tuple[PreflightCheck, ...]
    name_findings: tuple[NameFinding, ...]
    photo_name_findings: tuple[tuple[NameFinding, ...], ...]
    reply_settings: ReplySetting

    @property
    def can_post(self) -> bool:
        return all(check.status != "block" for check in self.checks)

    @property
    def status(self) -> CheckStatus:
        return max((c.status for c in self.checks), key=_SEVERITY.__getitem__, default="pass")

    def check(self, key: str) -> PreflightCheck:
        return next(c for c in self.checks if c.key == key)

    @property
    def blocking(self) -> tuple[PreflightCheck, ...]:
        return tuple(c for c in self.checks if c.status == "block")

    @property
    def warnings(self) -> tuple[PreflightCheck, ...]:
        return tuple(c for c in self.checks if c.status == "warn")


def run_preflight(text: str, photos: Sequence[PhotoCheckInput], guard: NameGuard,
                  settings: PreflightSettings | None = None) -> PreflightReport:
    """Run every check on a post about to go out; nothing here talks to X or the database."""
    settings = settings or PreflightSettings()
    name_findings = tuple(guard.check(text))
    photo_findings = tuple(tuple(guard.check(p.alt_text)) for p in photos)
    mentions = _mentions(text, settings)
    checks = (
        _names_check(name_findings, guard),
        _hidden_text_check(text, photos),
        _photo_names_check(photos, photo_findings, guard),
        _photo_safety_check(photos),
        _photo_text_check(photos),
        _alt_text_check(photos),
        _length_check(text, photos),
        _links_check(text),
        _mentions_check(mentions, settings),
        _location_check(text, settings),
        _replies_check(mentions, settings),
    )
    return PreflightReport(checks, name_findings, photo_findings, settings.reply_settings)


# --- Names ---------------------------------------------------------------------------


def _names_check(findings: Sequence[NameFinding], guard: NameGuard) -> PreflightCheck:
    title = translate("Preflight", "Children's names")
    if guard.is_empty:
        return PreflightCheck("names", title, "warn",
                              translate("Preflight",
                                        "No pupil list has been imported, so names cannot be "
                                        "checked. Read the post again for any child's name."))
    if guard.needs_reimport:
        return PreflightCheck("names", title, "block", _reimport_roster())
    return _names_result("names", title, findings, in_photos=False,
                         spans=tuple((f.start, f.end) for f in findings))


def _photo_names_check(photos: Sequence[PhotoCheckInput],
                       findings: Sequence[Sequence[NameFinding]],
                       guard: NameGuard) -> PreflightCheck:
    title = translate("Preflight", "Names in photo descriptions")
    if not photos:
        return PreflightCheck("photo_names", title, "pass", _no_photos())
    if guard.is_empty:
        return PreflightCheck("photo_names", title, "warn",
                              translate("Preflight",
                                        "No pupil list has been imported, so photo descriptions "
                                        "cannot be checked for names."))
    if guard.needs_reimport:
        return PreflightCheck("photo_names", title, "block", _reimport_roster())
    everything = [f for per_photo in findings for f in per_photo]
    details = tuple(
        _photo_line(photos[i], i, ", ".join(f"\"{f.word}\"" for f in per_photo))
        for i, per_photo in enumerate(findings) if per_photo)
    result = _names_result("photo_names", title, everything, in_photos=True)
    return PreflightCheck(result.key, result.title, result.status, result.message,
                          details=details)


def _reimport_roster() -> str:
    return translate("Preflight",
                     "The pupil list was imported by an older version of St Peter's Desk, "
                     "which cannot recognise names written in disguise (look-alike letters, "
                     "other spellings, names run together). Import the pupil list again in "
                     "Settings before posting.")


def _hidden_text_check(text: str, photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    """Direction controls reorder what is displayed, so a name can be typed backwards and
    show forwards: nothing a school posts needs them."""
    title = translate("Preflight", "Hidden characters")
    places = []
    if direction_controls(text):
        places.append(translate("Preflight", "the post"))
    places += [_photo_label(photo, index) for index, photo in enumerate(photos)
               if direction_controls(photo.alt_text)]
    if not places:
        return PreflightCheck("hidden_text", title, "pass", translate(
            "Preflight", "No characters that change the order text is displayed in."))
    spans = tuple((i, i + 1) for i in direction_controls(text))
    return PreflightCheck("hidden_text", title, "block", translate(
        "Preflight", "Characters that change the order text is displayed in were found in: "
        "{places}. Words can then show differently from how they were typed. Delete them "
        "(retype the text, or paste it as plain text).").format(places=", ".join(places)),
        spans)


def _names_result(key: str, title: str, findings: Sequence[NameFinding], *, in_photos: bool,
                  spans: tuple[tuple[int, int], ...] = ()) -> PreflightCheck:
    blocks = list(dict.fromkeys(f.word for f in findings if f.level == "block"))
    warns = list(dict.fromkeys(f.word for f in findings if f.level == "warn"))
    if blocks:
        message = _blocked_names(len(blocks) > 1, in_photos)
        return PreflightCheck(key, title, "block",
                              message.format(names=_quoted(blocks)), spans)
    if warns:
        message = _word_names(len(warns) > 1, in_photos)
        return PreflightCheck(key, title, "warn", message.format(names=_quoted(warns)), spans)
    if in_photos:
        return PreflightCheck(key, title, "pass",
                              translate("Preflight",
                                        "No pupils' names found in the photo descriptions."))
    return PreflightCheck(key, title, "pass",
                          translate("Preflight", "No pupils' names found in the post."))


def _blocked_names(many: bool, in_photos: bool) -> str:
    """Whole sentences, one per case, so a translation can agree in number and place."""
    if in_photos and many:
        return translate("Preflight",
                         "{names} in the photo descriptions may be pupils' names. The policy "
                         "says a child's name is never shown: describe the achievement "
                         "instead (\"Year 4 wrote brilliant poems\").")
    if in_photos:
        return translate("Preflight",
                         "{names} in the photo descriptions may be a pupil's name. The policy "
                         "says a child's name is never shown: describe the achievement "
                         "instead (\"Year 4 wrote brilliant poems\").")
    if many:
        return translate("Preflight",
                         "{names} in the post may be pupils' names. The policy says a child's "
                         "name is never shown: describe the achievement instead (\"Year 4 "
                         "wrote brilliant poems\").")
    return translate("Preflight",
                     "{names} in the post may be a pupil's name. The policy says a child's "
                     "name is never shown: describe the achievement instead (\"Year 4 wrote "
                     "brilliant poems\").")


def _word_names(many: bool, in_photos: bool) -> str:
    """Names that are also everyday words: a warning, in a whole sentence per case."""
    if in_photos and many:
        return translate("Preflight",
                         "{names} in the photo descriptions are also pupils' names. Fine if "
                         "the words mean something else; check before posting.")
    if in_photos:
        return translate("Preflight",
                         "{names} in the photo descriptions is also a pupil's name. Fine if "
                         "the words mean something else; check before posting.")
    if many:
        return translate("Preflight",
                         "{names} in the post are also pupils' names. Fine if the words mean "
                         "something else; check before posting.")
    return translate("Preflight",
                     "{names} in the post is also a pupil's name. Fine if the words mean "
                     "something else; check before posting.")


# --- Photos ------------------------------------------------------------------------------


def _photo_label(photo: PhotoCheckInput, index: int) -> str:
    return photo.label or translate("Preflight", "Photo {number}").format(number=index + 1)


def _photo_line(photo: PhotoCheckInput, index: int, problem: str) -> str:
    """One detail line under a check: which photo, then what is wrong with it."""
    return translate("Preflight", "{photo}: {problem}").format(
        photo=_photo_label(photo, index), problem=problem)


def _no_photos() -> str:
    return translate("Preflight", "No photos attached.")


def _photo_safety_check(photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    title = translate("Preflight", "Faces and consent")
    if not photos:
        return PreflightCheck("photo_safety", title, "pass", _no_photos())
    details = [_photo_line(photo, index, missing) for index, photo in enumerate(photos)
               if (missing := _safety_missing(photo))]
    if details:
        return PreflightCheck("photo_safety", title, "block",
                              translate("Preflight",
                                        "Every photo needs its faces reviewed and every child in "
                                        "it confirmed as having photo consent before it is "
                                        "posted."),
                              details=tuple(details))
    return PreflightCheck("photo_safety", title, "pass",
                          translate("Preflight",
                                    "Every photo's faces are reviewed and consent is confirmed."))


def _photo_text_check(photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    """A name on a badge or a book is in the pixels: only the Photos tab's reading of the
    text, with every pupil's name covered, lets a photo through; an unread photo blocks."""
    title = translate("Preflight", "Names written in photos")
    if not photos:
        return PreflightCheck("photo_text", title, "pass", _no_photos())
    unread = [_photo_label(photo, index) for index, photo in enumerate(photos)
              if not photo.text_checked]
    if unread:
        return PreflightCheck("photo_text", title, "block",
                              translate("Preflight",
                                        "The text written in a photo has not been checked for "
                                        "pupils' names. Prepare the photo again on the Photos "
                                        "tab."),
                              details=tuple(unread))
    return PreflightCheck("photo_text", title, "pass",
                          translate("Preflight",
                                    "The text in every photo was read and any pupil's name "
                                    "in it covered."))


def _safety_missing(photo: PhotoCheckInput) -> str:
    """What this photo still lacks before it may be posted; empty when nothing."""
    if not photo.faces_reviewed and not photo.consent_confirmed:
        return translate("Preflight", "faces not reviewed and photo consent not confirmed")
    if not photo.faces_reviewed:
        return translate("Preflight", "faces not reviewed")
    if not photo.consent_confirmed:
        return translate("Preflight", "photo consent not confirmed")
    return ""


def _alt_text_check(photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    title = translate("Preflight", "Photo descriptions")
    if not photos:
        return PreflightCheck("alt_text", title, "pass", _no_photos())
    too_long = [_photo_line(p, i, translate("Preflight", "{count} characters (X allows {limit})")
                            .format(count=len(p.alt_text), limit=MAX_ALT_TEXT))
                for i, p in enumerate(photos) if len(p.alt_text) > MAX_ALT_TEXT]
    if too_long:
        return PreflightCheck("alt_text", title, "block",
                              translate("Preflight",
                                        "A photo description is longer than X accepts; "
                                        "shorten it."),
                              details=tuple(too_long))
    missing = [_photo_label(p, i) for i, p in enumerate(photos) if not p.alt_text.strip()]
    if missing:
        return PreflightCheck("alt_text", title, "warn",
                              translate("Preflight",
                                        "Add a short description to every photo, so families "
                                        "who use screen readers know what it shows."),
                              details=tuple(missing))
    return PreflightCheck("alt_text", title, "pass",
                          translate("Preflight", "Every photo has a description."))


# --- Text ----------------------------------------------------------------------------------


def _length_check(text: str, photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    title = translate("Preflight", "Length")
    if not text.strip() and not photos:
        return PreflightCheck("length", title, "block",
                              translate("Preflight", "The post is empty."))
    measured = parse_tweet(text)
    if measured.weighted_length > MAX_WEIGHTED_LENGTH:
        over = measured.weighted_length - MAX_WEIGHTED_LENGTH
        span = ((measured.over_limit_from, len(text)),) \
            if measured.over_limit_from is not None else ()
        return PreflightCheck("length", title, "block",
                              _too_long(over).format(over=over, length=measured.weighted_length,
                                                     limit=MAX_WEIGHTED_LENGTH), span)
    if text.strip() and not measured.valid:
        return PreflightCheck("length", title, "block",
                              translate("Preflight",
                                        "The post contains a character X does not accept; "
                                        "retype it."))
    return PreflightCheck("length", title, "pass",
                          translate("Preflight", "{length} of {limit} characters.").format(
                              length=measured.weighted_length, limit=MAX_WEIGHTED_LENGTH))


def _too_long(over: int) -> str:
    if over == 1:
        return translate("Preflight",
                         "The post is {over} character too long for X ({length} of {limit}).")
    return translate("Preflight",
                     "The post is {over} characters too long for X ({length} of {limit}).")


def _links_check(text: str) -> PreflightCheck:
    title = translate("Preflight", "Links")
    urls = tuple(parse_tweet(text).urls) if text else ()
    if not urls:
        return PreflightCheck("links", title, "pass", translate("Preflight", "No links."))
    return PreflightCheck("links", title, "warn",
                          _links_cost(len(urls)).format(count=len(urls), factor=LINK_COST_FACTOR),
                          urls)


def _links_cost(count: int) -> str:
    if count == 1:
        return translate("Preflight",
                         "The post has a link. On X's pay-per-use plan a post with a link costs "
                         "about {factor} times as much as one without; leave it out unless it "
                         "is needed (the newsletter can carry it).")
    return translate("Preflight",
                     "The post has {count} links. On X's pay-per-use plan a post with a link "
                     "costs about {factor} times as much as one without; leave it out unless it "
                     "is needed (the newsletter can carry it).")


_MENTION = re.compile(r"(?<![\w@＠!#$%&*])[@＠]([A-Za-z0-9_]{1,15})(?![\w@＠])")


@dataclass(frozen=True)
class _Mention:
    handle: str
    start: int
    end: int


def _mentions(text: str, settings: PreflightSettings) -> list[_Mention]:
    """Accounts the post mentions, other than the school's own."""
    found = [_Mention(m.group(1), m.start(), m.end()) for m in _MENTION.finditer(text)]
    return [m for m in found if m.handle.lower() not in settings.school_handles]


def _mentions_check(mentions: Sequence[_Mention], settings: PreflightSettings) -> PreflightCheck:
    title = translate("Preflight", "Mentions")
    if not mentions:
        return PreflightCheck("mentions", title, "pass",
                              translate("Preflight", "No other accounts mentioned."))
    unknown = [m for m in mentions if m.handle.lower() not in settings.trusted_accounts]
    if not unknown:
        return PreflightCheck("mentions", title, "pass",
                              translate("Preflight",
                                        "Only accounts the school has approved are mentioned."))
    handles = _quoted(f"@{m.handle}" for m in unknown)
    message = translate("Preflight",
                        "The post mentions {handles}. They will be told and can reply publicly. "
                        "The school does not enter private conversations: mention organisations "
                        "(a museum, the council), and look twice before mentioning an "
                        "individual.")
    return PreflightCheck("mentions", title, "warn", message.format(handles=handles),
                          tuple((m.start, m.end) for m in unknown))


def _location_check(text: str, settings: PreflightSettings) -> PreflightCheck:
    title = translate("Preflight", "Places and times")
    spans = [(m.start(), m.end()) for m in _location_phrases().finditer(text)]
    spans += [(m.start(), m.end()) for m in _POSTCODE.finditer(text)
              if _postcode_key(m.group()) not in settings.own_postcodes]
    spans += [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    spans += [(m.start(), m.end()) for m in _WHAT3WORDS.finditer(text)]
    if not spans:
        return PreflightCheck("location", title, "pass",
                              translate("Preflight",
                                        "Nothing says where children are or will be."))
    words = _quoted(text[a:b] for a, b in sorted(set(spans)))
    message = translate("Preflight",
                        "{words} may tell strangers where children are, or will be. Consider "
                        "posting once the class is back, or leaving the place out.")
    return PreflightCheck("location", title, "warn", message.format(words=words),
                          tuple(sorted(set(spans))))


def _replies_check(mentions: Sequence[_Mention], settings: PreflightSettings) -> PreflightCheck:
    title = translate("Preflight", "Who can reply")
    setting = settings.reply_settings
    if setting is ReplySetting.EVERYONE:
        return PreflightCheck("replies", title, "warn",
                              translate("Preflight",
                                        "Anyone on X will be able to reply. The head teacher or "
                                        "e-safety leader should watch the replies to this post."))
    if setting is ReplySetting.FOLLOWING:
        if settings.following_count == 0:
            return PreflightCheck("replies", title, "pass",
                                  translate("Preflight",
                                            "Replies are off: only accounts the school follows "
                                            "can reply, and it follows none."))
        return PreflightCheck("replies", title, "warn",
                              translate("Preflight",
                                        "The {count} accounts the school follows can reply. The "
                                        "policy says the school follows no one.")
                              .format(count=settings.following_count))
    if not mentions:
        return PreflightCheck("replies", title, "pass",
                              translate("Preflight",
                                        "Replies are off: only accounts mentioned can reply, and "
                                        "the post mentions none."))
    handles = _quoted(f"@{m.handle}" for m in mentions)
    message = translate("Preflight", "Only the accounts mentioned can reply: {handles}.")
    return PreflightCheck("replies", title, "warn", message.format(handles=handles))


# --- Patterns ---------------------------------------------------------------------------------


_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y])"
    r" ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
_STREET_TYPES = (r"Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Grove|"
                 r"Place|Gardens|Terrace|Court|Mews|Row|Walk|View|Rise")
_ADDRESS = re.compile(rf"\b\d{{1,4}}[A-Za-z]?,? (?:[A-Z][a-z]+ ){{1,3}}(?:{_STREET_TYPES})\b")
_WHAT3WORDS = re.compile(r"///[a-z]+\.[a-z]+\.[a-z]+", re.IGNORECASE)


@functools.cache
def _location_phrases() -> re.Pattern[str]:
    path = resources_dir() / "wordlists" / "location_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    phrases = sorted({line.strip() for line in lines
                      if line.strip() and not line.lstrip().startswith("#")}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _postcode_key(postcode: str) -> str:
    return "".join(postcode.split()).upper()


def _handle_set(text: str) -> frozenset[str]:
    return frozenset(h.strip().lstrip("@").lower() for h in text.split(",") if h.strip())


def _quoted(words: Iterable[str]) -> str:
    """"Olivia", "Grace" and "Smith": the words a message is about, each once."""
    quoted = [f"\"{w}\"" for w in dict.fromkeys(words)]
    if len(quoted) <= 1:
        return "".join(quoted)
    return translate("Preflight", "{items} and {last}").format(items=", ".join(quoted[:-1]),
                                                               last=quoted[-1])
