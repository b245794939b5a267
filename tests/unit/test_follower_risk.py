"""The "not school-focused" follower score, checked against the sandbox's invented community."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from stpeters_desk.core.follower_risk import (
    CHECK,
    CHECK_FROM,
    HIGH,
    HIGH_FROM,
    KEYWORD_KINDS,
    LOW,
    PLACE_KINDS,
    FollowerContext,
    FollowerRisk,
    risk_band_counts,
    score_follower,
)
from stpeters_desk.core.moderation import HIDE, Lexicon, assess
from stpeters_desk.x.models import UserProfile
from stpeters_desk.x.sandbox_seed import (
    DEFAULT_AVATAR_URL,
    HOSTILE_HANDLES,
    SPAM_HANDLES,
    SandboxSeed,
    build_seed,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LOCAL_PARENT = UserProfile(
    user_id="1001", handle="jo_marsh_mum", name="Jo Marsh", bio="Mum of two, PTA helper.",
    location="Pilning", created_at=NOW - timedelta(days=2000), followers_count=180,
    following_count=300, tweet_count=900,
    profile_image_url="https://pbs.twimg.com/profile_images/1/jo_normal.jpg")


@pytest.fixture(scope="module")
def seed() -> SandboxSeed:
    return build_seed(NOW)


def _score(profile: UserProfile, *, trusted: frozenset[str] = frozenset(),
           watchlist: frozenset[str] = frozenset(), flagged_replies: dict[str, int] | None = None,
           keywords: Lexicon | None = None, places: Lexicon | None = None) -> FollowerRisk:
    context = FollowerContext(now=NOW, trusted=trusted, watchlist=watchlist,
                              flagged_replies=flagged_replies or {}, keywords=keywords,
                              places=places)
    return score_follower(profile, context)


def _points(risk: FollowerRisk) -> int:
    """The points each reason states, added up."""
    total = 0
    for reason in risk.reasons:
        match = re.search(r"\(([+-]\d+)\)$", reason)
        assert match is not None, reason
        total += int(match.group(1))
    return total


def test_every_spam_bot_in_the_sandbox_scores_high(seed: SandboxSeed) -> None:
    bots = [user for user in seed.followers if user.handle in SPAM_HANDLES]
    assert len(bots) == len(SPAM_HANDLES)
    for bot in bots:
        risk = _score(bot)
        assert risk.score >= HIGH_FROM and risk.band == HIGH, (bot.handle, risk)


def test_parents_clubs_and_local_organisations_score_low(seed: SandboxSeed) -> None:
    community = [user for user in seed.followers
                 if user.handle not in SPAM_HANDLES | HOSTILE_HANDLES]
    assert len(community) >= 50
    for user in community:
        risk = _score(user)
        assert risk.band == LOW, (user.handle, risk)


def test_the_already_blocked_seller_scores_high(seed: SandboxSeed) -> None:
    assert all(_score(user).band == HIGH for user in seed.blocked)


def test_hostile_accounts_rise_through_the_replies_they_wrote(seed: SandboxSeed) -> None:
    """Their profiles look local and ordinary; what gives them away is what they post."""
    flagged: dict[str, int] = {}
    for mention in seed.mentions:
        if assess(mention.text).level == HIDE:
            flagged[mention.author.user_id] = flagged.get(mention.author.user_id, 0) + 1
    for user in (u for u in seed.followers if u.handle in HOSTILE_HANDLES):
        assert _score(user).score < CHECK_FROM
        risk = _score(user, flagged_replies=flagged)
        assert risk.score >= CHECK_FROM, (user.handle, risk)
        assert any("moderation check suggested hiding" in reason for reason in risk.reasons)


def test_the_reasons_add_up_to_the_score() -> None:
    bot = UserProfile(user_id="9", handle="kelly55510299", name="Kelly",
                      created_at=NOW - timedelta(days=40), following_count=600,
                      followers_count=10, tweet_count=3, location="Leeds",
                      profile_image_url=DEFAULT_AVATAR_URL)
    risk = _score(bot)
    assert 0 < risk.score < 100
    assert _points(risk) == risk.score
    assert risk.reasons == sorted(risk.reasons, key=lambda r: -int(r.rsplit("(", 1)[1][:-1]))


def test_score_is_deterministic_and_ages_with_the_account() -> None:
    young = replace(LOCAL_PARENT, created_at=NOW - timedelta(days=10))
    assert _score(young) == _score(young)
    older = score_follower(young, FollowerContext(now=NOW + timedelta(days=400)))
    assert older.score < _score(young).score


def test_the_schools_lists_come_first() -> None:
    bot_like = replace(LOCAL_PARENT, created_at=NOW - timedelta(days=5), bio="",
                       following_count=2500, followers_count=3)
    plain = _score(bot_like)
    trusted = _score(bot_like, trusted=frozenset({"JO_MARSH_MUM"}))
    assert trusted.score < plain.score
    assert trusted.reasons[-1].startswith("On the school's trusted list")
    watched = _score(LOCAL_PARENT, watchlist=frozenset({LOCAL_PARENT.user_id}))
    assert watched.score >= _score(LOCAL_PARENT).score + 40
    assert watched.score >= 50 and watched.band == CHECK
    assert _points(watched) == watched.score
    watched_bot = _score(bot_like, watchlist=frozenset({"jo_marsh_mum"}))
    assert watched_bot.score >= plain.score


@pytest.mark.parametrize(("bio", "section"), [
    ("Exclusive content 🔞 link in bio", "Adult content"),
    ("Daily betting tips and free spins", "Gambling"),
    ("Bitcoin signals | passive income | not financial advice", "Crypto"),
    ("Real followers delivered fast", "Selling followers"),
    ("Message me on WhatsApp", "Asks for private messages"),
])
def test_bio_keywords_raise_the_score_and_are_named(bio: str, section: str) -> None:
    risk = _score(replace(LOCAL_PARENT, bio=bio))
    assert risk.score > _score(replace(LOCAL_PARENT, bio="Tea and netball.")).score
    assert any(reason.startswith(section) for reason in risk.reasons), risk.reasons


def test_a_keyword_section_counts_once() -> None:
    one = _score(replace(LOCAL_PARENT, bio="crypto"))
    many = _score(replace(LOCAL_PARENT, bio="crypto bitcoin forex web3 airdrops"))
    assert one.score == many.score


@pytest.mark.parametrize(("location", "points"), [
    ("Pilning, South Glos", -10),
    ("Bristol BS35", -10),
    ("bs10", -10),
    ("Severn Beach", -10),
    ("London", 5),
    ("Gloucestershire, England", 5),
    ("Lagos, Nigeria", 15),
    ("Worldwide 🌍", 15),
    ("", 5),
])
def test_location_near_or_far_from_the_school(location: str, points: int) -> None:
    risk = _score(replace(LOCAL_PARENT, location=location))
    location_reasons = [r for r in risk.reasons if "ocation" in r]
    assert len(location_reasons) == 1
    assert location_reasons[0].endswith(f"({points:+d})"), location_reasons


def test_picture_protection_and_counts() -> None:
    egg = _score(replace(LOCAL_PARENT, profile_image_url=DEFAULT_AVATAR_URL))
    assert any("default picture" in r for r in egg.reasons)
    assert any("default picture" in r for r in _score(replace(LOCAL_PARENT,
                                                              profile_image_url="")).reasons)
    locked = _score(replace(LOCAL_PARENT, protected=True))
    assert any(r.startswith("Protected account") for r in locked.reasons)
    follow_bot = _score(replace(LOCAL_PARENT, following_count=4000, followers_count=2))
    assert any("follow-back bots" in r for r in follow_bot.reasons)
    assert not any("follow" in r.casefold() for r in _score(LOCAL_PARENT).reasons)


def test_score_stays_between_0_and_100() -> None:
    saint = replace(LOCAL_PARENT, bio="Mum, governor, PTA, church warden")
    assert _score(saint, trusted=frozenset({saint.user_id})).score == 0
    sinner = UserProfile(user_id="666", handle="user12345678", name="Hot singles 💋",
                         bio="onlyfans crypto casino followers DM me", location="Mars",
                         created_at=NOW - timedelta(days=1), following_count=5000,
                         protected=True)
    assert _score(sinner, watchlist=frozenset({"666"})).score == 100


def test_the_school_can_pass_its_own_lists() -> None:
    keywords = Lexicon.from_text("[selling cars: risk 40]\nused cars\n", kinds=KEYWORD_KINDS)
    places = Lexicon.from_text("[near the school: place]\nhogsmeade\n", kinds=PLACE_KINDS)
    profile = replace(LOCAL_PARENT, bio="Cheap used cars", location="Hogsmeade")
    risk = _score(profile, keywords=keywords, places=places)
    assert any(r.startswith('Selling cars in name or bio: "used cars"') for r in risk.reasons)
    assert any(r.startswith("Location near the school") for r in risk.reasons)


def test_band_counts_for_the_summary_line(seed: SandboxSeed) -> None:
    counts = risk_band_counts([_score(user) for user in seed.followers])
    assert counts[HIGH] == len(SPAM_HANDLES)
    assert counts[LOW] + counts[CHECK] + counts[HIGH] == len(seed.followers)
