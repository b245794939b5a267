"""How likely a follower is not school-focused, from what their public profile shows.

The policy asks the head teacher and the e-safety leader to block followers
who "appear to not be school focused". With hundreds or thousands of
followers they need the likely ones first and a reason they can check at a
glance, so the score is a plain sum of points, each with its reason
("Account is 4 days old (+25)"). Nothing is learned or guessed: the same
profile on the same day always gets the same score.

Signals are the public ones X gives: account age, default picture, follower
and following counts, tweets, name and bio words, location, protected
account. The school's own judgement counts most: a trusted account (known
parents, local clubs) drops well down the list and the watchlist raises it,
and replies the moderation check suggested hiding count against their author.

Reasons are stored in English; the Followers tab shows them through
``shown_risk_reason`` in the language chosen in Settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from stpeters_desk.core.moderation import (
    Lexicon,
    StoredWording,
    load_lexicon,
    shown_section_name,
    word_lists_dir,
)
from stpeters_desk.x.models import UserProfile

FOLLOWER_KEYWORDS_FILE = "follower_keywords.txt"
LOCAL_PLACES_FILE = "local_places.txt"
KEYWORD_KINDS = ("risk", "group", "allow")
PLACE_KINDS = ("place", "group", "allow")
NEAR_SCHOOL_SECTION = "near the school"

LOW = "low"        # below CHECK_FROM: probably part of the school community
CHECK = "check"    # worth a look
HIGH = "high"      # from HIGH_FROM: likely not school-focused
CHECK_FROM = 30
HIGH_FROM = 60
WATCHLIST_POINTS = 40
WATCHLIST_FLOOR = 50  # a watched account never sinks into the "low" band

DEFAULT_AVATAR_MARK = "default_profile"
_GENERATED_HANDLE = re.compile(r"[A-Za-z]+_?\d{6,}")
_BRISTOL_POSTCODE = re.compile(r"\bbs\s?\d{1,2}\b", re.IGNORECASE)
_WITH_POINTS = re.compile(r"(?P<reason>.*) (?P<points>\([+-]\d+\))", re.DOTALL)

# Every reason, as stored (English) and as shown (the chosen language).
_WATCHLIST = StoredWording(lambda translate: translate("FollowerRisk", "On the school's watchlist"))
_TRUSTED = StoredWording(lambda translate: translate("FollowerRisk",
                                                     "On the school's trusted list"))
_AGE_UNKNOWN = StoredWording(lambda translate: translate("FollowerRisk", "Account age unknown"))
_ONE_DAY_OLD = StoredWording(lambda translate: translate("FollowerRisk",
                                                         "Account is {days} day old"))
_DAYS_OLD = StoredWording(lambda translate: translate("FollowerRisk",
                                                      "Account is {days} days old"))
_DEFAULT_PICTURE = StoredWording(lambda translate: translate("FollowerRisk",
                                                             "Has X's default picture"))
_NEVER_POSTED = StoredWording(lambda translate: translate("FollowerRisk", "Has never posted"))
_MACHINE_HANDLE = StoredWording(lambda translate: translate(
    "FollowerRisk", "Handle @{handle} looks made up by a machine"))
_NO_BIO = StoredWording(lambda translate: translate("FollowerRisk", "No bio"))
_PROTECTED = StoredWording(lambda translate: translate(
    "FollowerRisk", "Protected account: its posts cannot be checked"))
_FOLLOW_BACK_ONE = StoredWording(lambda translate: translate(
    "FollowerRisk", "Follows {following} accounts but has only {followers} follower (typical of "
                    "follow-back bots)"))
_FOLLOW_BACK = StoredWording(lambda translate: translate(
    "FollowerRisk", "Follows {following} accounts but has only {followers} followers (typical "
                    "of follow-back bots)"))
_FOLLOWS_MANY = StoredWording(lambda translate: translate(
    "FollowerRisk", "Follows {following} accounts, over 20 times its {followers} followers"))
_WORDS = StoredWording(lambda translate: translate("FollowerRisk",
                                                   "{section} in name or bio: {words}"))
_NO_LOCATION = StoredWording(lambda translate: translate("FollowerRisk", "No location given"))
_NEAR = StoredWording(lambda translate: translate("FollowerRisk",
                                                  "Location near the school ({location})"))
_UK = StoredWording(lambda translate: translate(
    "FollowerRisk", "Location in the UK but not near Pilning ({location})"))
_FAR = StoredWording(lambda translate: translate("FollowerRisk",
                                                 "Location far from the school ({location})"))
_ONE_FLAGGED = StoredWording(lambda translate: translate(
    "FollowerRisk", "Wrote {count} reply the moderation check suggested hiding"))
_FLAGGED = StoredWording(lambda translate: translate(
    "FollowerRisk", "Wrote {count} replies the moderation check suggested hiding"))
_REASONS = (_WATCHLIST, _TRUSTED, _AGE_UNKNOWN, _ONE_DAY_OLD, _DAYS_OLD, _DEFAULT_PICTURE,
            _NEVER_POSTED, _MACHINE_HANDLE, _NO_BIO, _PROTECTED, _FOLLOW_BACK_ONE, _FOLLOW_BACK,
            _FOLLOWS_MANY, _NO_LOCATION, _NEAR, _UK, _FAR, _ONE_FLAGGED, _FLAGGED,
            _WORDS)  # last: its section name could be anything


@dataclass(frozen=True)
class FollowerRisk:
    """A 0-100 "not school-focused" score and the reasons that add up to it."""

    score: int
    reasons: list[str]

    @property
    def band(self) -> str:
        if self.score >= HIGH_FROM:
            return HIGH
        return CHECK if self.score >= CHECK_FROM else LOW


@dataclass(frozen=True, eq=False)
class FollowerContext:
    """What the score needs besides the profile: today, the school's lists, the word lists.

    ``trusted`` and ``watchlist`` hold user ids or handles (any case).
    ``flagged_replies`` counts, per user id, replies the moderation check
    suggested hiding. ``keywords`` and ``places`` default to the shipped lists.
    """

    now: datetime
    trusted: frozenset[str] = frozenset()
    watchlist: frozenset[str] = frozenset()
    flagged_replies: Mapping[str, int] = field(default_factory=dict)
    keywords: Lexicon | None = None
    places: Lexicon | None = None


def load_follower_lists(keywords: Path | None = None, places: Path | None = None
                        ) -> tuple[Lexicon, Lexicon]:
    """The keyword and place lists, compiled once and again only when a file changes."""
    folder = word_lists_dir()
    return (load_lexicon([keywords or folder / FOLLOWER_KEYWORDS_FILE], kinds=KEYWORD_KINDS),
            load_lexicon([places or folder / LOCAL_PLACES_FILE], kinds=PLACE_KINDS))


SCORING_VERSION = "1"  # raise when score_follower changes, so stored scores are redone


def context_stamp(context: FollowerContext) -> str:
    """Everything besides the profile that a score depends on, as one short text.

    Two syncs with the same stamp would give every stored follower the same score, so
    the quick sync rescores the stored followers only when this changes: a list edited,
    a reply flagged, new word lists, or a new day (account ages are counted in days).
    """
    import hashlib

    keywords, places = _lists(context)
    parts = [SCORING_VERSION, context.now.date().isoformat(),
             ",".join(sorted(item.casefold() for item in context.trusted)),
             ",".join(sorted(item.casefold() for item in context.watchlist)),
             ",".join(f"{user}={count}" for user, count in sorted(
                 context.flagged_replies.items()) if count),
             keywords.fingerprint, places.fingerprint]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _lists(context: FollowerContext) -> tuple[Lexicon, Lexicon]:
    keywords, places = context.keywords, context.places
    if keywords is None or places is None:
        default_keywords, default_places = load_follower_lists()
        keywords = keywords or default_keywords
        places = places or default_places
    return keywords, places


def score_follower(profile: UserProfile, context: FollowerContext) -> FollowerRisk:
    keywords, places = _lists(context)
    signals: list[tuple[int, str]] = []
    signals += _school_lists(profile, context)
    signals += _account_age(profile, context.now)
    signals += _picture_and_activity(profile)
    signals += _follow_counts(profile)
    signals += _words(profile, keywords)
    signals += _location(profile.location, places)
    signals += _flagged_replies(context.flagged_replies.get(profile.user_id, 0))
    if _on_list(profile, context.watchlist):
        base = sum(points for points, _reason in signals)
        signals.append((max(WATCHLIST_POINTS, WATCHLIST_FLOOR - base), _WATCHLIST.english()))
    score = max(0, min(100, sum(points for points, _reason in signals)))
    ordered = sorted(signals, key=lambda signal: -signal[0])
    return FollowerRisk(score, [f"{reason} ({points:+d})" for points, reason in ordered])


def shown_risk_reason(stored: str) -> str:
    """A stored reason ("Account is 4 days old (+25)") in the language chosen in Settings.

    Names, handles, places and words quoted from the profile stay as they are; a reason
    from an older version of the app that is not recognised is shown as stored.
    """
    match = _WITH_POINTS.fullmatch(stored)
    reason, points = (match["reason"], " " + match["points"]) if match else (stored, "")
    for wording in _REASONS:
        shown = wording.shown(reason, section=shown_section_name)
        if shown is not None:
            return shown + points
    return stored


def _on_list(profile: UserProfile, listed: frozenset[str]) -> bool:
    """Lists hold user ids or handles; handles are matched in any case."""
    keys = {profile.user_id, profile.handle.casefold()}
    return bool(keys & {key.casefold() for key in listed})


def _school_lists(profile: UserProfile, context: FollowerContext) -> list[tuple[int, str]]:
    if _on_list(profile, context.trusted):
        return [(-50, _TRUSTED.english())]
    return []


def _account_age(profile: UserProfile, now: datetime) -> list[tuple[int, str]]:
    if profile.created_at is None:
        return [(5, _AGE_UNKNOWN.english())]
    days = (now - profile.created_at).days
    age = (_ONE_DAY_OLD if days == 1 else _DAYS_OLD).english(days=days)
    if days < 30:
        return [(25, age)]
    if days < 90:
        return [(15, age)]
    if days < 365:
        return [(5, age)]
    return []


def _picture_and_activity(profile: UserProfile) -> list[tuple[int, str]]:
    signals = []
    if not profile.profile_image_url or DEFAULT_AVATAR_MARK in profile.profile_image_url:
        signals.append((15, _DEFAULT_PICTURE.english()))
    if profile.tweet_count == 0:
        signals.append((5, _NEVER_POSTED.english()))
    if _GENERATED_HANDLE.fullmatch(profile.handle):
        signals.append((10, _MACHINE_HANDLE.english(handle=profile.handle)))
    if not profile.bio.strip():
        signals.append((5, _NO_BIO.english()))
    if profile.protected:
        signals.append((10, _PROTECTED.english()))
    return signals


def _follow_counts(profile: UserProfile) -> list[tuple[int, str]]:
    following, followers = profile.following_count, profile.followers_count
    if following >= 1000 and followers < 50:
        wording = _FOLLOW_BACK_ONE if followers == 1 else _FOLLOW_BACK
        return [(25, wording.english(following=f"{following:,}", followers=f"{followers:,}"))]
    if following >= 200 and following > 20 * max(followers, 1):
        return [(15, _FOLLOWS_MANY.english(following=f"{following:,}",
                                           followers=f"{followers:,}"))]
    return []


def _words(profile: UserProfile, keywords: Lexicon) -> list[tuple[int, str]]:
    """Each keyword section counts once, however many of its words appear."""
    by_section: dict[str, tuple[int, list[str]]] = {}
    for finding in keywords.findings(f"{profile.name}\n{profile.bio}"):
        if finding.rule.kind != "risk":
            continue
        _points, words = by_section.setdefault(finding.rule.name,
                                               (int(finding.rule.weight), []))
        if finding.found not in words:
            words.append(finding.found)
    return [(points, _WORDS.english(section=f"{name[0].upper()}{name[1:]}",
                                    words=", ".join(f'"{word}"' for word in words)))
            for name, (points, words) in by_section.items()]


def _location(location: str, places: Lexicon) -> list[tuple[int, str]]:
    if not location.strip():
        return [(5, _NO_LOCATION.english())]
    sections = {finding.rule.name for finding in places.findings(location)
                if finding.rule.kind == "place"}
    if NEAR_SCHOOL_SECTION in sections or _BRISTOL_POSTCODE.search(location):
        return [(-10, _NEAR.english(location=location))]
    if sections:
        return [(5, _UK.english(location=location))]
    return [(15, _FAR.english(location=location))]


def _flagged_replies(count: int) -> list[tuple[int, str]]:
    if count <= 0:
        return []
    wording = _ONE_FLAGGED if count == 1 else _FLAGGED
    return [(min(20 + 10 * (count - 1), 40), wording.english(count=count))]


def risk_band_counts(risks: Sequence[FollowerRisk]) -> dict[str, int]:
    """How many followers fall in each band, for the Followers tab's summary line."""
    counts = {LOW: 0, CHECK: 0, HIGH: 0}
    for risk in risks:
        counts[risk.band] += 1
    return counts
