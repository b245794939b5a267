"""The real gateway, end to end: tweepy, OAuth signing and requests against a fake X."""

from __future__ import annotations

import base64
import logging
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import requests

from stpeters_desk.core.moderation_service import FollowerReview
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import ModerationStore
from stpeters_desk.x.credentials import XCredentials
from stpeters_desk.x.errors import (
    CredentialsRejected,
    CreditsExhausted,
    NotAllowedOnAccessLevel,
    Offline,
    RateLimited,
    ReadCapReached,
    RejectedByX,
    XError,
)
from stpeters_desk.x.models import REAL, PhotoUpload, UserProfile
from stpeters_desk.x.tweepy_gateway import (
    F_FOLLOWERS,
    F_POST,
    TIMEOUT,
    UPLOAD_TIMEOUT,
    TweepyGateway,
    timeout_for,
)
from tests.integration.conftest import connect
from tests.integration.fake_x_api import FakeTweet, FakeUser, FakeXApi, route_to_fake

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(200)) * 3


def _secrets(credentials: XCredentials) -> list[str]:
    return [credentials.api_key, credentials.api_secret,
            credentials.access_token, credentials.access_token_secret]


def _parent_author(fake_x: FakeXApi) -> FakeUser:
    return fake_x.state.add_user(FakeUser(id="800001", username="parent_pat_fake",
                                          name="Pat Invented", description="Invented parent.",
                                          location="Testville", followers_count=12))


def _reply_to_school(fake_x: FakeXApi, text: str) -> FakeTweet:
    return fake_x.state.add_mention(_parent_author(fake_x), text, fake_x.state.timeline[0])


# -- posting ----------------------------------------------------------------

def test_text_post_shows_in_own_posts_and_delete_removes_it(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    post = gateway.post("Sports day moved to Thursday.")

    assert post.text == "Sports day moved to Thursday."
    assert post.media_count == 0 and post.reply_to is None
    newest = gateway.own_posts(limit=10)[0]
    assert newest.post_id == post.post_id
    assert newest.created_at.tzinfo is not None

    gateway.delete_post(post.post_id)

    assert post.post_id not in [p.post_id for p in gateway.own_posts(limit=10)]
    assert fake_x.auth_failures == []


def test_post_with_two_photos_uploads_base64_and_alt_text(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    photos = [PhotoUpload(PNG, "image/png", "Pupils planting bulbs in the school garden."),
              PhotoUpload(JPEG, "image/jpeg", "The finished bulb bed with a handmade sign.")]

    post = gateway.post("Our garden is ready for spring!", photos)

    uploads = fake_x.requests_to("POST", "/2/media/upload")
    assert [u.body["media"] for u in uploads] == [base64.b64encode(PNG).decode(),
                                                  base64.b64encode(JPEG).decode()]
    assert {u.body["media_category"] for u in uploads} == {"tweet_image"}
    metadata = fake_x.requests_to("POST", "/2/media/metadata")
    assert [m.body["metadata"]["alt_text"]["text"] for m in metadata] == [
        p.alt_text for p in photos]
    assert sorted(m.alt_text or "" for m in fake_x.state.media.values()) == sorted(
        p.alt_text for p in photos)
    sent = fake_x.requests_to("POST", "/2/tweets")[0].body
    assert sent["media"]["media_ids"] == [m.body["id"] for m in metadata]
    assert post.media_count == 2
    assert gateway.own_posts(limit=5)[0].media_count == 2


def test_photo_without_alt_text_skips_the_metadata_call(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    gateway.post("A photo of the hall.", [PhotoUpload(PNG, "image/png", "  ")])

    assert len(fake_x.requests_to("POST", "/2/media/upload")) == 1
    assert fake_x.requests_to("POST", "/2/media/metadata") == []


def test_reply_is_posted_in_the_conversation(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    question = _reply_to_school(fake_x, "What time does the fair start?")

    reply = gateway.post("It starts at 2pm, see you there!", reply_to=question.id)

    assert reply.reply_to == question.id
    sent = fake_x.requests_to("POST", "/2/tweets")[0].body
    assert sent["reply"] == {"in_reply_to_tweet_id": question.id}
    assert gateway.own_posts(limit=5)[0].reply_to == question.id


def test_too_many_photos_are_refused_before_anything_is_sent(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    photos = [PhotoUpload(PNG, "image/png", f"Photo {n}") for n in range(5)]

    with pytest.raises(RejectedByX) as caught:
        gateway.post("Too many photos", photos)

    assert caught.value.reason == "bad_media"
    assert fake_x.requests == []


def test_x_refusing_a_photo_is_bad_media(gateway: TweepyGateway) -> None:
    with pytest.raises(RejectedByX) as caught:
        gateway.post("Broken photo", [PhotoUpload(b"not an image", "image/png", "Broken")])

    assert caught.value.reason == "bad_media"


def test_posting_the_same_text_twice_is_a_duplicate(gateway: TweepyGateway) -> None:
    gateway.post("Reminder: non-uniform day tomorrow.")

    with pytest.raises(RejectedByX) as caught:
        gateway.post("Reminder: non-uniform day tomorrow.")

    assert caught.value.is_duplicate
    assert not caught.value.retryable


def test_overlong_post_is_too_long(gateway: TweepyGateway) -> None:
    with pytest.raises(RejectedByX) as caught:
        gateway.post("a" * 281)

    assert caught.value.reason == "too_long"


def test_deleting_a_missing_post_is_not_found(gateway: TweepyGateway) -> None:
    with pytest.raises(RejectedByX) as caught:
        gateway.delete_post("1234567890123")

    assert caught.value.reason == "not_found"


def test_replying_to_a_vanished_post_is_not_found(gateway: TweepyGateway) -> None:
    with pytest.raises(RejectedByX) as caught:
        gateway.post("Thanks!", reply_to="1234567890123")

    assert caught.value.reason == "not_found"


# -- reading ----------------------------------------------------------------

def test_mentions_expand_authors_and_honour_since_id(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    first = _reply_to_school(fake_x, "Lovely photos, thank you!")
    neighbour = fake_x.state.add_user(FakeUser(id="800002", username="neighbour_nia_fake",
                                               name="Nia Invented"))
    second = fake_x.state.add_mention(neighbour, "@StPetersDeskDemo is the fair on Saturday?")

    mentions = gateway.mentions()

    assert [m.post_id for m in mentions] == [second.id, first.id]
    reply = mentions[1]
    assert reply.author == UserProfile(
        user_id="800001", handle="parent_pat_fake", name="Pat Invented",
        bio="Invented parent.", location="Testville",
        created_at=datetime(2019, 9, 2, 8, 30, tzinfo=UTC), followers_count=12,
        profile_image_url="https://pbs.twimg.com/profile_images/0/default_normal.png")
    assert reply.in_reply_to_post_id == fake_x.state.timeline[0].id
    assert reply.conversation_id == fake_x.state.timeline[0].conversation_id
    assert mentions[0].in_reply_to_post_id is None
    assert mentions[0].author.handle == "neighbour_nia_fake"

    third = fake_x.state.add_mention(neighbour, "@StPetersDeskDemo thanks for the reply")
    newer = gateway.mentions(since_id=second.id)

    assert [m.post_id for m in newer] == [third.id]
    query = fake_x.requests_to("GET", "/2/users/1500000000000000001/mentions")[-1].query
    assert query["since_id"] == second.id
    assert query["expansions"] == "author_id,attachments.media_keys"


def test_every_read_is_counted_as_x_bills_it_and_the_monthly_limit_stops_reading(
        credentials: XCredentials, fake_x: FakeXApi, db: Database) -> None:
    from stpeters_desk.core.settings_registry import X_READ_CAP
    from stpeters_desk.core.storage.settings import SettingsStore
    from stpeters_desk.core.storage.usage_store import UsageStore
    from stpeters_desk.core.x_usage import ReadBudget

    budget = ReadBudget(UsageStore(db), SettingsStore(db), "real")
    gateway = connect(credentials, fake_x)
    gateway._meter = budget  # the app passes it to the constructor
    _reply_to_school(fake_x, "Lovely photos, thank you!")
    neighbour = fake_x.state.add_user(FakeUser(id="800002", username="neighbour_nia_fake",
                                               name="Nia Invented"))
    fake_x.state.add_mention(neighbour, "@StPetersDeskDemo is the fair on Saturday?")

    assert len(gateway.mentions()) == 2
    assert budget.figures().usage.resources == 4  # 2 posts and their 2 authors
    gateway.followers(page_size=3)
    assert budget.figures().usage.resources == 7

    SettingsStore(db).set(X_READ_CAP.key, "7")
    path = f"/2/users/{fake_x.state.me.id}/mentions"
    asked = len(fake_x.requests_to("GET", path))
    with pytest.raises(ReadCapReached):
        gateway.mentions()
    with pytest.raises(ReadCapReached):
        gateway.followers()
    assert len(fake_x.requests_to("GET", path)) == asked  # X was not asked: nothing billed
    assert gateway.own_posts(5)  # the outbox's check of its own posts still works


def test_mentions_respect_the_limit_within_xs_page_bounds(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    author = _parent_author(fake_x)
    for n in range(12):
        fake_x.state.add_mention(author, f"Question number {n}")

    assert len(gateway.mentions(limit=3)) == 3
    assert len(gateway.mentions(limit=7)) == 7
    sizes = [r.query["max_results"] for r in fake_x.requests if r.path.endswith("/mentions")]
    assert sizes == ["5", "7"]


def test_no_mentions_is_an_empty_list(gateway: TweepyGateway) -> None:
    assert gateway.mentions() == []


def test_own_posts_follow_pages_up_to_the_limit(gateway: TweepyGateway,
                                                fake_x: FakeXApi) -> None:
    for n in range(120):
        gateway.post(f"Notice number {n}")

    posts = gateway.own_posts(limit=110)

    assert len(posts) == 110
    assert posts[0].text == "Notice number 119"
    assert len({p.post_id for p in posts}) == 110


def test_hide_and_unhide_a_reply(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    rude = _reply_to_school(fake_x, "An unkind reply")

    gateway.hide_reply(rude.id)
    assert rude.id in fake_x.state.hidden

    gateway.hide_reply(rude.id, hidden=False)
    assert rude.id not in fake_x.state.hidden
    bodies = [r.body for r in fake_x.requests_to("PUT", f"/2/tweets/{rude.id}/hidden")]
    assert bodies == [{"hidden": True}, {"hidden": False}]


def test_mute_and_unmute(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    noisy = fake_x.state.followers[2]

    gateway.mute(noisy)
    assert [u.user_id for u in gateway.muted().items] == [noisy]

    gateway.mute(noisy, muted=False)
    assert gateway.muted().items == []


def test_followers_page_through_to_the_end(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    pages = [gateway.followers(page_size=3)]
    while pages[-1].next_token:
        pages.append(gateway.followers(page_token=pages[-1].next_token, page_size=3))

    assert [len(p.items) for p in pages] == [3, 3, 1]
    assert [u.user_id for p in pages for u in p.items] == fake_x.state.followers
    first = pages[0].items[0]
    assert first.handle == "ada_inventa_fake" and first.bio == "Invented follower number 1."
    assert first.followers_count == 10 and first.tweet_count == 7
    assert first.created_at == datetime(2019, 9, 2, 8, 30, tzinfo=UTC)


def test_a_follower_sync_reads_only_the_pages_with_newcomers_and_all_of_them_weekly(
        gateway: TweepyGateway, fake_x: FakeXApi, db: Database) -> None:
    """X bills every account it lists: newest first, so stop at a page with no newcomer."""
    now = [datetime(2026, 12, 1, 9, tzinfo=UTC)]
    review = FollowerReview(ModerationStore(db), gateway, lambda *_: None, page_size=3,
                            clock=lambda: now[0])
    assert review.sync().seen == 7
    for number in range(4):
        fake_x.state.new_follower(FakeUser(id=str(910_000 + number),
                                           username=f"new_parent_{number}_fake",
                                           name=f"New Parent {number}"))
    fake_x.state.unfollow("900003")
    path = f"/2/users/{fake_x.state.me.id}/followers"
    before = len(fake_x.requests_to("GET", path))

    quick = review.sync()

    assert (quick.new, quick.gone, quick.complete) == (4, 0, False)
    assert len(fake_x.requests_to("GET", path)) - before == 3  # 3 new, 1 new + 2 known, known
    now[0] += timedelta(days=7)
    weekly = review.sync()
    assert (weekly.seen, weekly.gone, weekly.complete) == (10, 1, True)


def test_following_is_empty(gateway: TweepyGateway) -> None:
    page = gateway.following()

    assert page.items == [] and page.next_token is None


def test_blocked_list_confirms_blocks(gateway: TweepyGateway) -> None:
    page = gateway.blocked()

    assert [u.handle for u in page.items] == ["spam_o_matic_fake"]
    assert page.next_token is None


def test_page_sizes_are_kept_within_xs_bounds(gateway: TweepyGateway,
                                              fake_x: FakeXApi) -> None:
    gateway.followers(page_size=0)
    gateway.followers(page_size=5000)

    sizes = [r.query["max_results"] for r in fake_x.requests]
    assert sizes == ["1", "1000"]


def test_account_reports_counts_and_access_level(gateway: TweepyGateway,
                                                 fake_x: FakeXApi) -> None:
    account = gateway.account()

    assert account.kind == REAL
    assert (account.user_id, account.handle) == ("1500000000000000001", "StPetersDeskDemo")
    assert account.followers_count == 7 and account.following_count == 0
    assert account.tweet_count == 2
    assert account.access_level == "read-write"
    assert not account.can_send_dms and not account.follows_anyone


def test_account_flags_a_token_with_dm_permission(gateway: TweepyGateway,
                                                  fake_x: FakeXApi) -> None:
    fake_x.state.access_level = "read-write-directmessages"

    assert gateway.account().can_send_dms


def test_rate_limit_headers_are_remembered(gateway: TweepyGateway) -> None:
    gateway.following()
    gateway.following()

    snapshot = gateway.last_rate_limit
    assert snapshot is not None
    assert snapshot.endpoint == "/2/users/1500000000000000001/following"
    assert (snapshot.limit, snapshot.remaining) == (900, 898)
    assert snapshot.reset_at is not None and snapshot.reset_at > datetime.now(UTC)


# -- errors -----------------------------------------------------------------

ERROR_CASES = [
    ("unauthorized", "post", CredentialsRejected),
    ("client_not_enrolled", "followers", NotAllowedOnAccessLevel),
    ("code_453", "followers", NotAllowedOnAccessLevel),
    ("oauth1_permissions", "post", NotAllowedOnAccessLevel),
    ("duplicate", "post", RejectedByX),
    ("too_long", "post", RejectedByX),
    ("not_found", "delete", RejectedByX),
    ("credits", "post", CreditsExhausted),
    ("rate_limited", "mentions", RateLimited),
    ("usage_capped", "post", RateLimited),
    ("server_error", "post", Offline),
    ("drop", "post", Offline),
]


def _call(gateway: TweepyGateway, action: str) -> None:
    calls = {
        "post": lambda: gateway.post("Parents' evening booking is open."),
        "followers": lambda: gateway.followers(),
        "delete": lambda: gateway.delete_post("1234567890123"),
        "mentions": lambda: gateway.mentions(),
    }
    calls[action]()


@pytest.mark.parametrize(("kind", "action", "expected"), ERROR_CASES,
                         ids=[case[0] for case in ERROR_CASES])
def test_each_x_failure_becomes_a_typed_error(
        gateway: TweepyGateway, fake_x: FakeXApi, credentials: XCredentials,
        kind: str, action: str, expected: type[XError]) -> None:
    fake_x.fail_next(kind)

    with pytest.raises(expected) as caught:
        _call(gateway, action)

    error = caught.value
    assert type(error) is expected
    assert error.message.strip() and error.next_step.strip()
    for secret in _secrets(credentials):
        assert secret not in error.user_text() and secret not in str(error)


@pytest.mark.parametrize(("kind", "reason"), [
    ("duplicate", "duplicate"), ("too_long", "too_long"), ("not_found", "not_found")])
def test_content_refusals_carry_their_reason(gateway: TweepyGateway, fake_x: FakeXApi,
                                             kind: str, reason: str) -> None:
    fake_x.fail_next(kind)

    with pytest.raises(RejectedByX) as caught:
        gateway.post("Class photos go home on Monday.")

    assert caught.value.reason == reason


@pytest.mark.parametrize("kind", ["client_not_enrolled", "code_453", "oauth1_permissions"])
def test_access_level_refusals_name_the_feature(gateway: TweepyGateway, fake_x: FakeXApi,
                                                kind: str) -> None:
    fake_x.fail_next(kind)

    with pytest.raises(NotAllowedOnAccessLevel) as caught:
        gateway.followers()

    assert caught.value.feature == F_FOLLOWERS
    assert not caught.value.retryable


def test_read_only_token_says_so(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    fake_x.fail_next("oauth1_permissions")

    with pytest.raises(NotAllowedOnAccessLevel) as caught:
        gateway.post("Hello")

    assert caught.value.feature == F_POST
    assert "Read and write" in caught.value.next_step


def test_rate_limit_reset_is_the_header_time(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    reset = int(time.time()) + 600
    fake_x.fail_next("rate_limited", reset=reset)

    with pytest.raises(RateLimited) as caught:
        gateway.mentions()

    assert caught.value.reset_at == datetime.fromtimestamp(reset, UTC)
    assert not caught.value.monthly_cap and caught.value.retryable


def test_usage_cap_is_a_monthly_cap(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    fake_x.fail_next("usage_capped")

    with pytest.raises(RateLimited) as caught:
        gateway.post("Hello")

    assert caught.value.monthly_cap
    assert "month" in caught.value.message


@pytest.mark.parametrize("status", [500, 503])
def test_server_trouble_is_retryable_and_says_x_has_problems(
        gateway: TweepyGateway, fake_x: FakeXApi, status: int) -> None:
    fake_x.fail_next("server_error", status=status)

    with pytest.raises(Offline) as caught:
        gateway.account()

    assert caught.value.retryable
    assert "X is having problems" in caught.value.message


def test_dropped_connection_is_offline_and_nothing_is_posted(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    fake_x.fail_next("drop")

    with pytest.raises(Offline) as caught:
        gateway.post("Hello")

    assert caught.value.retryable
    assert len(fake_x.state.timeline) == 2


def test_unreachable_x_is_offline(credentials: XCredentials, fake_x: FakeXApi) -> None:
    gateway = connect(credentials, fake_x)
    fake_x.stop()
    try:
        with pytest.raises(Offline):
            gateway.account()
    finally:
        gateway.client.session.close()


def test_wrong_secret_is_rejected_by_the_signature_check(
        credentials: XCredentials, fake_x: FakeXApi) -> None:
    wrong = XCredentials(credentials.api_key, "notTheRightSecret",
                         credentials.access_token, credentials.access_token_secret)
    gateway = connect(wrong, fake_x)
    try:
        with pytest.raises(CredentialsRejected):
            gateway.account()
    finally:
        gateway.client.session.close()

    assert fake_x.auth_failures == ["bad signature"]


def test_the_fake_refuses_unsigned_requests(fake_x: FakeXApi) -> None:
    with requests.get(f"{fake_x.url}/2/users/me", timeout=5) as response:
        assert response.status_code == 401
    assert fake_x.auth_failures == ["no OAuth 1.0a Authorization header"]


# -- secrets ----------------------------------------------------------------

def test_no_credential_reaches_a_log_or_an_error_message(
        gateway: TweepyGateway, fake_x: FakeXApi, credentials: XCredentials,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("tweepy", "requests", "urllib3", "requests_oauthlib", "oauthlib"):
        caplog.set_level(logging.DEBUG, logger=name)
    messages: list[str] = []

    gateway.account()
    gateway.post("Book fair this week.", [PhotoUpload(PNG, "image/png", "Books on a table.")])
    for kind in ("unauthorized", "oauth1_permissions", "rate_limited", "server_error", "drop"):
        fake_x.fail_next(kind)
        with pytest.raises(XError) as caught:
            gateway.post(f"Attempt after {kind}")
        messages += [caught.value.user_text(), str(caught.value), repr(caught.value)]
    messages.append(repr(gateway))

    logged = [record.getMessage() for record in caplog.records]
    assert any(r.name.startswith("requests_oauthlib") for r in caplog.records), \
        "the OAuth library's DEBUG records were not captured, so this test would prove nothing"
    assert any("<hidden>" in text for text in logged)
    for secret in _secrets(credentials):
        assert not [text for text in logged if secret in text]
        assert not [text for text in messages if secret in text]


def test_tweepy_is_only_imported_by_the_real_gateway() -> None:
    code = (
        "import sys\n"
        "import stpeters_desk.x.gateway, stpeters_desk.x.models\n"
        "import stpeters_desk.x.errors, stpeters_desk.x.credentials\n"
        "print('tweepy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.stdout.strip() == "False", result.stderr


# --- X's answers as they really come -------------------------------------------------------


@pytest.mark.parametrize("kind", ["daily_capped", "app_daily_capped"])
def test_a_spent_24_hour_allowance_waits_for_its_own_reset(
        gateway: TweepyGateway, fake_x: FakeXApi, kind: str) -> None:
    """X's 15-minute window still has room; the day's is spent and resets hours later."""
    reset = int(time.time()) + 19 * 3600
    fake_x.fail_next(kind, reset=reset)

    with pytest.raises(RateLimited) as caught:
        gateway.post("Well done Year 6!")

    error = caught.value
    assert error.daily_cap and not error.monthly_cap
    assert error.reset_at == datetime.fromtimestamp(reset, UTC)
    assert error.seconds_to_wait() > 18 * 3600  # not the 15 minutes the window would say
    assert "daily limit" in error.message and "slow down" not in error.message


def test_every_post_answer_carries_a_separate_24_hour_reset(fake_x: FakeXApi,
                                                            gateway: TweepyGateway) -> None:
    gateway.post("Sports day photos coming soon")
    headers = fake_x.last_response_headers
    assert int(headers["x-user-limit-24hour-reset"]) - int(headers["x-rate-limit-reset"]) > 3600


def test_only_photo_uploads_get_the_long_wait() -> None:
    upload = requests.Request("POST", "https://api.x.com/2/media/upload").prepare()
    ordinary = requests.Request("GET", "https://api.x.com/2/users/me").prepare()
    assert timeout_for(upload) == UPLOAD_TIMEOUT and UPLOAD_TIMEOUT[1] >= 120
    assert timeout_for(ordinary) == TIMEOUT and TIMEOUT[1] <= 30


def test_deleting_a_post_that_is_gone_asks_for_nothing_to_change(
        gateway: TweepyGateway) -> None:
    with pytest.raises(RejectedByX) as caught:
        gateway.delete_post("1790000000000000999")
    assert "Change the tweet" not in caught.value.next_step
    assert "Nothing needs doing" in caught.value.next_step


def test_x_having_problems_promises_no_retry_it_cannot_keep(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    fake_x.fail_next("server_error", status=503)
    with pytest.raises(Offline) as caught:
        gateway.hide_reply("1790000000000000001")
    assert "by itself" not in caught.value.user_text()


def test_the_access_level_comes_from_the_account_answer_itself(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    """Another thread's call must not lend the account its access level."""
    account = gateway.account()
    assert account.access_level == fake_x.last_response_headers["x-access-level"]
    seen: list[str | None] = []
    other = threading.Thread(target=lambda: seen.append(gateway.account().access_level))
    other.start()
    other.join(10)
    assert seen == [account.access_level]


def test_a_refused_sign_in_with_a_wrong_clock_says_the_clock_not_reconnect(
        gateway: TweepyGateway, fake_x: FakeXApi, monkeypatch: pytest.MonkeyPatch) -> None:
    """X's own Date header shows this computer is an hour fast: the keys are fine."""
    import stpeters_desk.x.tweepy_gateway as module

    monkeypatch.setattr(module, "local_now", lambda: datetime.now(UTC) + timedelta(hours=1))
    fake_x.fail_next("unauthorized")
    with pytest.raises(CredentialsRejected) as caught:
        gateway.post("Hello")
    error = caught.value
    assert error.account_wide
    assert "clock is 60 minutes fast" in error.message
    assert "reconnect" not in error.next_step.replace("does not need reconnecting", "")


def test_a_refused_sign_in_with_a_right_clock_asks_to_reconnect(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    fake_x.fail_next("unauthorized")
    with pytest.raises(CredentialsRejected) as caught:
        gateway.post("Hello")
    assert "reconnect" in caught.value.next_step and "clock" not in caught.value.message


@pytest.mark.parametrize("kind", ["client_not_enrolled", "code_453", "credits"])
def test_account_conditions_are_marked_account_wide(gateway: TweepyGateway, fake_x: FakeXApi,
                                                    kind: str) -> None:
    fake_x.fail_next(kind)
    with pytest.raises(XError) as caught:
        gateway.post("Hello")
    assert caught.value.account_wide


def test_a_retried_post_reuses_the_photos_already_uploaded(gateway: TweepyGateway,
                                                           fake_x: FakeXApi) -> None:
    """Media ids last 24 hours: a retry after a refused or lost post sends no photo again."""
    photos = [PhotoUpload(JPEG, "image/jpeg", "Year 3's rain gauge")]
    fake_x.fail_next("server_error", only=("POST", "/2/tweets"))
    with pytest.raises(Offline):
        gateway.post("Look what Year 3 built", photos)
    uploads = [r for r in fake_x.requests if r.path == "/2/media/upload"]
    post = gateway.post("Look what Year 3 built", photos)
    assert [r for r in fake_x.requests if r.path == "/2/media/upload"] == uploads
    assert post.media_count == 1


# -- pictures on replies (issue 16: unsuitable images) ----------------------------------------

def _png(colour: tuple[int, int, int] = (40, 120, 200)) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_mentions_ask_for_media_and_parse_photos_and_video_previews(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    reply = _reply_to_school(fake_x, "Look at this!")
    photo = fake_x.state.attach_picture(reply, _png())
    video = fake_x.state.attach_picture(reply, _png((200, 10, 10)), kind="video")
    plain = fake_x.state.add_mention(_parent_author(fake_x), "@StPetersDeskDemo no picture")

    mentions = {m.post_id: m for m in gateway.mentions()}

    query = fake_x.requests_to("GET", "/2/users/1500000000000000001/mentions")[-1].query
    assert "attachments.media_keys" in query["expansions"].split(",")
    assert set(query["media.fields"].split(",")) == {"type", "url", "preview_image_url",
                                                     "width", "height"}
    assert "attachments" in query["tweet.fields"].split(",")
    photos = mentions[reply.id].photos
    assert [(p.media_key, p.kind) for p in photos] == [(photo.media_key, "photo"),
                                                       (video.media_key, "video")]
    assert photos[0].url == f"https://pbs.twimg.com/media/{photo.media_key}.png"
    assert photos[1].url.endswith(f"/ext_tw_video_thumb/{video.media_key}.png")
    assert (photos[0].width, photos[0].height) == (64, 48)
    assert mentions[plain.id].photos == ()


def test_a_reply_picture_downloads_without_oauth_and_within_the_cap(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    from stpeters_desk.x.errors import MediaUnavailable

    route_to_fake(gateway.media_session, fake_x)
    reply = _reply_to_school(fake_x, "Look at this!")
    picture = fake_x.state.attach_picture(reply, _png())
    [mention] = gateway.mentions()
    reads_before = len([r for r in fake_x.requests if r.upstream != "https://pbs.twimg.com"])

    assert gateway.download_media(mention.photos[0].url) == picture.data
    fetched = fake_x.requests[-1]
    assert fetched.upstream == "https://pbs.twimg.com" and fetched.authorization == ""
    assert len([r for r in fake_x.requests
                if r.upstream != "https://pbs.twimg.com"]) == reads_before
    with pytest.raises(MediaUnavailable):
        gateway.download_media(mention.photos[0].url, max_bytes=10)
    with pytest.raises(MediaUnavailable):
        gateway.download_media("https://pbs.twimg.com/media/none.png")
    with pytest.raises(MediaUnavailable):  # only X's picture server
        gateway.download_media("https://example.com/a.png")
    fake_x.state.pictures[picture.media_key].content_type = "text/html"
    with pytest.raises(MediaUnavailable):
        gateway.download_media(mention.photos[0].url)
