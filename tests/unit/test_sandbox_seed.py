"""The sandbox seed: deterministic, self-consistent and safe to show trainees."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from stpeters_desk.x.models import SANDBOX, Mention, UserProfile
from stpeters_desk.x.sandbox_seed import (
    CHILD_NAMES_IN_MENTIONS,
    HOSTILE_HANDLES,
    SCHOOL_HANDLE,
    SPAM_HANDLES,
    SandboxSeed,
    build_seed,
    snowflake_id,
)

NOW = datetime(2025, 3, 12, 9, 41, 27, 123456, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed() -> SandboxSeed:
    return build_seed(NOW)


def _all_ids(seed: SandboxSeed) -> list[str]:
    return (
        [seed.account.user_id]
        + [p.post_id for p in seed.posts]
        + [m.post_id for m in seed.mentions]
        + [u.user_id for u in seed.followers]
        + [u.user_id for u in seed.blocked]
        + [m.author.user_id for m in seed.mentions]
    )


def test_same_now_gives_identical_seed(seed: SandboxSeed) -> None:
    assert build_seed(NOW) == seed
    assert build_seed(NOW.astimezone(timezone(timedelta(hours=1)))) == seed


def test_different_now_shifts_the_seed() -> None:
    later = build_seed(NOW + timedelta(days=3))
    assert later != build_seed(NOW)
    assert len(later.posts) == len(build_seed(NOW).posts)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        build_seed(datetime(2025, 3, 12, 9, 0))


@pytest.mark.parametrize("hour", [0, 6, 12, 23])
def test_everything_is_in_the_past_whatever_the_time_of_day(hour: int) -> None:
    now = datetime(2025, 3, 12, hour, 0, 1, tzinfo=UTC)
    seed = build_seed(now)
    stamps = [p.created_at for p in seed.posts] + [m.created_at for m in seed.mentions]
    stamps += [u.created_at for u in seed.followers + seed.blocked if u.created_at]
    assert all(s.tzinfo is not None and s < now for s in stamps)
    assert min(p.created_at for p in seed.posts) > now - timedelta(days=70)


def test_counts(seed: SandboxSeed) -> None:
    assert len(seed.posts) >= 25
    assert len(seed.followers) >= 60
    assert len(seed.mentions) >= 35
    assert len(seed.blocked) <= 1


def test_account(seed: SandboxSeed) -> None:
    account = seed.account
    assert account.kind == SANDBOX
    assert account.handle == SCHOOL_HANDLE == "StPetersPilning"
    assert account.name == "St Peter's Primary (practice)"
    assert account.following_count == 0
    assert not account.follows_anyone
    assert not account.can_send_dms
    assert account.followers_count == len(seed.followers)


def test_ids_are_digit_strings_and_unique(seed: SandboxSeed) -> None:
    ids = _all_ids(seed)
    assert all(i.isdigit() for i in ids)
    content_ids = [p.post_id for p in seed.posts] + [m.post_id for m in seed.mentions]
    assert len(set(content_ids)) == len(content_ids)
    people = {u.user_id: u.handle for u in seed.followers + seed.blocked}
    people.update({m.author.user_id: m.author.handle for m in seed.mentions})
    assert len(set(people.values())) == len(people)
    assert seed.account.user_id not in people
    assert not set(people) & set(content_ids)


def test_ids_increase_with_time(seed: SandboxSeed) -> None:
    items = [(p.created_at, int(p.post_id)) for p in seed.posts]
    items += [(m.created_at, int(m.post_id)) for m in seed.mentions]
    items.sort()
    assert [i for _, i in items] == sorted(i for _, i in items)
    assert int(snowflake_id(NOW, 0)) > max(i for _, i in items)


def test_posts_and_mentions_are_newest_first(seed: SandboxSeed) -> None:
    post_times = [p.created_at for p in seed.posts]
    mention_times = [m.created_at for m in seed.mentions]
    assert post_times == sorted(post_times, reverse=True)
    assert mention_times == sorted(mention_times, reverse=True)


def test_replies_point_at_existing_earlier_posts(seed: SandboxSeed) -> None:
    posts = {p.post_id: p for p in seed.posts}
    replies = 0
    for mention in seed.mentions:
        assert mention.hidden is False
        assert isinstance(mention.author, UserProfile)
        if mention.in_reply_to_post_id is None:
            assert mention.conversation_id == mention.post_id
            assert f"@{SCHOOL_HANDLE}" in mention.text
            continue
        replies += 1
        target = posts[mention.in_reply_to_post_id]
        assert mention.created_at > target.created_at
        assert mention.conversation_id == target.post_id
        assert mention.text.startswith(f"@{SCHOOL_HANDLE} ")
    assert replies >= 30


def test_reply_counts_cover_seeded_replies(seed: SandboxSeed) -> None:
    for post in seed.posts:
        seeded = sum(m.in_reply_to_post_id == post.post_id for m in seed.mentions)
        assert post.reply_count >= seeded


def test_school_replies_answer_earlier_mentions(seed: SandboxSeed) -> None:
    mentions = {m.post_id: m for m in seed.mentions}
    school_replies = [p for p in seed.posts if p.reply_to is not None]
    assert school_replies
    for post in school_replies:
        question = mentions[post.reply_to or ""]
        assert post.created_at > question.created_at
        assert post.text.startswith(f"@{question.author.handle} ")


def test_authors_existed_before_they_wrote(seed: SandboxSeed) -> None:
    for mention in seed.mentions:
        assert mention.author.created_at is not None
        assert mention.author.created_at < mention.created_at


def test_school_posts_have_media_and_plausible_counts(seed: SandboxSeed) -> None:
    assert sum(p.media_count > 0 for p in seed.posts) >= 10
    assert all(0 <= p.media_count <= 4 for p in seed.posts)
    assert all(0 <= p.like_count < 500 for p in seed.posts)
    assert all(len(p.text) <= 280 for p in seed.posts)


def _names_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(CHILD_NAMES_IN_MENTIONS) + r")\b", re.IGNORECASE)


def test_parents_name_children_in_mentions(seed: SandboxSeed) -> None:
    text = " ".join(m.text for m in seed.mentions)
    for name in CHILD_NAMES_IN_MENTIONS:
        assert re.search(rf"\b{name}\b", text), name


def test_no_school_post_names_a_child(seed: SandboxSeed) -> None:
    pattern = _names_pattern()
    for post in seed.posts:
        assert not pattern.search(post.text), post.text


def _looks_like_a_bot(user: UserProfile) -> bool:
    recent = user.created_at is not None and user.created_at > NOW - timedelta(days=60)
    return recent and user.followers_count <= 20 and user.following_count >= 3000


def test_bot_followers(seed: SandboxSeed) -> None:
    handles = {u.handle for u in seed.followers}
    assert 5 <= len(SPAM_HANDLES) <= 7
    assert handles >= SPAM_HANDLES
    bots = [u for u in seed.followers if u.handle in SPAM_HANDLES]
    assert all(_looks_like_a_bot(u) for u in bots)
    assert sum("default_profile" in u.profile_image_url for u in bots) >= 2
    assert sum(any(c.isdigit() for c in u.handle) for u in bots) >= 3
    genuine = [u for u in seed.followers if u.handle not in SPAM_HANDLES]
    assert not any(_looks_like_a_bot(u) for u in genuine)


def test_hostile_followers(seed: SandboxSeed) -> None:
    handles = {u.handle for u in seed.followers}
    assert len(HOSTILE_HANDLES) >= 2
    assert handles >= HOSTILE_HANDLES
    hostile_mentions = [m for m in seed.mentions if m.author.handle in HOSTILE_HANDLES]
    assert {m.author.handle for m in hostile_mentions} == HOSTILE_HANDLES


def test_profiles_are_filled_in(seed: SandboxSeed) -> None:
    image = re.compile(r"https://pbs\.twimg\.com/profile_images/\d+/(\w+)_normal\.jpg")
    for user in seed.followers:
        assert user.created_at is not None
        assert user.name
        assert user.profile_image_url.startswith("https://")
        match = image.fullmatch(user.profile_image_url)
        if match:
            assert match.group(1) == user.handle
        if user.handle not in SPAM_HANDLES:
            assert user.bio and user.location
    assert any(u.verified for u in seed.followers)
    assert any(u.protected for u in seed.followers)


def test_mentions_cover_the_hard_cases(seed: SandboxSeed) -> None:
    texts = [m.text for m in seed.mentions]

    def has(fragment: str) -> bool:
        return any(fragment.lower() in t.lower() for t in texts)

    for fragment in ("bloody", "crap", "s**t", "f***ing", "waiting at the gate",
                     "this school is a joke", "10k followers", "dick whittington",
                     "scunthorpe", "more notice", "what time"):
        assert has(fragment), fragment


def test_mention_authors_are_followers_or_known_outsiders(seed: SandboxSeed) -> None:
    followers = {u.user_id: u for u in seed.followers}
    outsiders: list[Mention] = [m for m in seed.mentions if m.author.user_id not in followers]
    assert outsiders  # some replies come from accounts that don't follow the school
    for mention in seed.mentions:
        if mention.author.user_id in followers:
            assert followers[mention.author.user_id] is mention.author


def test_blocked_is_a_spammer_not_following(seed: SandboxSeed) -> None:
    follower_ids = {u.user_id for u in seed.followers}
    for user in seed.blocked:
        assert user.user_id not in follower_ids
        assert user.followers_count <= 5 and user.following_count >= 3000
