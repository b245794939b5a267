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
from stpeters_desk.core.storage.settings import REPLY_SETTINGS, SettingsStore
from stpeters_desk.core.tweet_text import MAX_WEIGHTED_LENGTH, parse_tweet

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

SCHOOL_HANDLE = "StPetersPilning"

# Keys in the settings table (values are plain text; lists are comma-separated).
REPLY_SETTINGS_KEY = REPLY_SETTINGS
SCHOOL_HANDLES_KEY = "preflight.school_handles"
TRUSTED_ACCOUNTS_KEY = "preflight.trusted_accounts"
OWN_POSTCODES_KEY = "preflight.own_postcodes"


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
        reply = store.get(REPLY_SETTINGS_KEY) or ReplySetting.MENTIONED_USERS.value
        return cls(
            reply_settings=ReplySetting(reply) if reply in {r.value for r in ReplySetting}
            else ReplySetting.MENTIONED_USERS,
            following_count=following_count,
            school_handles=_handle_set(store.get(SCHOOL_HANDLES_KEY) or SCHOOL_HANDLE),
            trusted_accounts=_handle_set(store.get(TRUSTED_ACCOUNTS_KEY) or ""),
            own_postcodes=frozenset(_postcode_key(p) for p in
                                    (store.get(OWN_POSTCODES_KEY) or "").split(",") if p.strip()),
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
        _photo_names_check(photos, photo_findings, guard),
        _photo_safety_check(photos),
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
    title = "Children's names"
    if guard.is_empty:
        return PreflightCheck("names", title, "warn",
                              "No pupil list has been imported, so names cannot be checked. "
                              "Read the post again for any child's name.")
    return _names_result("names", title, findings, "the post",
                         spans=tuple((f.start, f.end) for f in findings))


def _photo_names_check(photos: Sequence[PhotoCheckInput],
                       findings: Sequence[Sequence[NameFinding]],
                       guard: NameGuard) -> PreflightCheck:
    title = "Names in photo descriptions"
    if not photos:
        return PreflightCheck("photo_names", title, "pass", "No photos attached.")
    if guard.is_empty:
        return PreflightCheck("photo_names", title, "warn",
                              "No pupil list has been imported, so photo descriptions cannot "
                              "be checked for names.")
    everything = [f for per_photo in findings for f in per_photo]
    details = tuple(
        f"{_photo_label(photos[i], i)}: " + ", ".join(f"\"{f.word}\"" for f in per_photo)
        for i, per_photo in enumerate(findings) if per_photo)
    result = _names_result("photo_names", title, everything, "the photo descriptions")
    return PreflightCheck(result.key, result.title, result.status, result.message,
                          details=details)


def _names_result(key: str, title: str, findings: Sequence[NameFinding], where: str,
                  spans: tuple[tuple[int, int], ...] = ()) -> PreflightCheck:
    blocks = list(dict.fromkeys(f.word for f in findings if f.level == "block"))
    warns = list(dict.fromkeys(f.word for f in findings if f.level == "warn"))
    if blocks:
        names = "may be a pupil's name" if len(blocks) == 1 else "may be pupils' names"
        return PreflightCheck(key, title, "block",
                              f"{_quoted(blocks)} in {where} {names}. The policy says a "
                              "child's name is never shown: describe the achievement instead "
                              "(\"Year 4 wrote brilliant poems\").", spans)
    if warns:
        names = "is also a pupil's name" if len(warns) == 1 else "are also pupils' names"
        return PreflightCheck(key, title, "warn",
                              f"{_quoted(warns)} in {where} {names}. Fine if the words mean "
                              "something else; check before posting.", spans)
    return PreflightCheck(key, title, "pass", f"No pupils' names found in {where}.")


# --- Photos ------------------------------------------------------------------------------


def _photo_label(photo: PhotoCheckInput, index: int) -> str:
    return photo.label or f"Photo {index + 1}"


def _photo_safety_check(photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    title = "Faces and consent"
    if not photos:
        return PreflightCheck("photo_safety", title, "pass", "No photos attached.")
    details = []
    for index, photo in enumerate(photos):
        missing = [what for what, done in (("faces not reviewed", photo.faces_reviewed),
                                           ("photo consent not confirmed",
                                            photo.consent_confirmed)) if not done]
        if missing:
            details.append(f"{_photo_label(photo, index)}: {' and '.join(missing)}")
    if details:
        return PreflightCheck("photo_safety", title, "block",
                              "Every photo needs its faces reviewed and every child in it "
                              "confirmed as having photo consent before it is posted.",
                              details=tuple(details))
    return PreflightCheck("photo_safety", title, "pass",
                          "Every photo's faces are reviewed and consent is confirmed.")


def _alt_text_check(photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    title = "Photo descriptions"
    if not photos:
        return PreflightCheck("alt_text", title, "pass", "No photos attached.")
    too_long = [f"{_photo_label(p, i)}: {len(p.alt_text)} characters (X allows {MAX_ALT_TEXT})"
                for i, p in enumerate(photos) if len(p.alt_text) > MAX_ALT_TEXT]
    if too_long:
        return PreflightCheck("alt_text", title, "block",
                              "A photo description is longer than X accepts; shorten it.",
                              details=tuple(too_long))
    missing = [_photo_label(p, i) for i, p in enumerate(photos) if not p.alt_text.strip()]
    if missing:
        return PreflightCheck("alt_text", title, "warn",
                              "Add a short description to every photo, so families who use "
                              "screen readers know what it shows.", details=tuple(missing))
    return PreflightCheck("alt_text", title, "pass", "Every photo has a description.")


# --- Text ----------------------------------------------------------------------------------


def _length_check(text: str, photos: Sequence[PhotoCheckInput]) -> PreflightCheck:
    title = "Length"
    if not text.strip() and not photos:
        return PreflightCheck("length", title, "block", "The post is empty.")
    measured = parse_tweet(text)
    if measured.weighted_length > MAX_WEIGHTED_LENGTH:
        over = measured.weighted_length - MAX_WEIGHTED_LENGTH
        characters = "character" if over == 1 else "characters"
        span = ((measured.over_limit_from, len(text)),) \
            if measured.over_limit_from is not None else ()
        return PreflightCheck("length", title, "block",
                              f"The post is {over} {characters} too long for X "
                              f"({measured.weighted_length} of {MAX_WEIGHTED_LENGTH}).", span)
    if text.strip() and not measured.valid:
        return PreflightCheck("length", title, "block",
                              "The post contains a character X does not accept; retype it.")
    return PreflightCheck("length", title, "pass",
                          f"{measured.weighted_length} of {MAX_WEIGHTED_LENGTH} characters.")


def _links_check(text: str) -> PreflightCheck:
    title = "Links"
    urls = tuple(parse_tweet(text).urls) if text else ()
    if not urls:
        return PreflightCheck("links", title, "pass", "No links.")
    count = "a link" if len(urls) == 1 else f"{len(urls)} links"
    return PreflightCheck("links", title, "warn",
                          f"The post has {count}. On X's pay-per-use plan a post with a link "
                          f"costs about {LINK_COST_FACTOR} times as much as one without; "
                          "leave it out unless it is needed (the newsletter can carry it).",
                          urls)


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
    title = "Mentions"
    if not mentions:
        return PreflightCheck("mentions", title, "pass", "No other accounts mentioned.")
    unknown = [m for m in mentions if m.handle.lower() not in settings.trusted_accounts]
    if not unknown:
        return PreflightCheck("mentions", title, "pass",
                              "Only accounts the school has approved are mentioned.")
    handles = _quoted(f"@{m.handle}" for m in unknown)
    return PreflightCheck("mentions", title, "warn",
                          f"The post mentions {handles}. They will be told and can reply "
                          "publicly. The school does not enter private conversations: mention "
                          "organisations (a museum, the council), and look twice before "
                          "mentioning an individual.",
                          tuple((m.start, m.end) for m in unknown))


def _location_check(text: str, settings: PreflightSettings) -> PreflightCheck:
    title = "Places and times"
    spans = [(m.start(), m.end()) for m in _location_phrases().finditer(text)]
    spans += [(m.start(), m.end()) for m in _POSTCODE.finditer(text)
              if _postcode_key(m.group()) not in settings.own_postcodes]
    spans += [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    spans += [(m.start(), m.end()) for m in _WHAT3WORDS.finditer(text)]
    if not spans:
        return PreflightCheck("location", title, "pass",
                              "Nothing says where children are or will be.")
    words = _quoted(text[a:b] for a, b in sorted(set(spans)))
    return PreflightCheck("location", title, "warn",
                          f"{words} may tell strangers where children are, or will be. Consider "
                          "posting once the class is back, or leaving the place out.",
                          tuple(sorted(set(spans))))


def _replies_check(mentions: Sequence[_Mention], settings: PreflightSettings) -> PreflightCheck:
    title = "Who can reply"
    setting = settings.reply_settings
    if setting is ReplySetting.EVERYONE:
        return PreflightCheck("replies", title, "warn",
                              "Anyone on X will be able to reply. The head teacher or e-safety "
                              "leader should watch the replies to this post.")
    if setting is ReplySetting.FOLLOWING:
        if settings.following_count == 0:
            return PreflightCheck("replies", title, "pass",
                                  "Replies are off: only accounts the school follows can reply, "
                                  "and it follows none.")
        return PreflightCheck("replies", title, "warn",
                              f"The {settings.following_count} accounts the school follows can "
                              "reply. The policy says the school follows no one.")
    if not mentions:
        return PreflightCheck("replies", title, "pass",
                              "Replies are off: only accounts mentioned can reply, and the post "
                              "mentions none.")
    handles = _quoted(f"@{m.handle}" for m in mentions)
    return PreflightCheck("replies", title, "warn",
                          f"Only the accounts mentioned can reply: {handles}.")


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
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
