"""The outbox: nothing lost when offline, nothing posted twice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stpeters_desk.core.outbox import (
    ACCOUNT_PAUSE,
    LEASE,
    TIMELINE_DELAY,
    Outbox,
    SendResult,
    retry_delay,
    same_tweet_text,
)
from stpeters_desk.core.storage.db import Database, open_database
from stpeters_desk.core.storage.outbox_store import (
    NEEDS_ATTENTION,
    POSTED,
    QUEUED,
    SENDING,
    WAITING,
    OutboxStore,
)
from stpeters_desk.x.errors import (
    CredentialsRejected,
    CreditsExhausted,
    NotAllowedOnAccessLevel,
    Offline,
    RateLimited,
    RejectedByX,
    XError,
)
from stpeters_desk.x.ids import snowflake_id
from stpeters_desk.x.models import PhotoUpload, Post
from stpeters_desk.x.sandbox import SandboxGateway


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class LosesTheAnswer(SandboxGateway):
    """X accepts the post but the connection drops before the answer arrives."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.post_calls = 0
        self.drop_next_answer = True

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        self.post_calls += 1
        post = super().post(text, photos, reply_to)
        if self.drop_next_answer:
            self.drop_next_answer = False
            raise Offline()
        return post


def count_posts_with(gateway: SandboxGateway, text: str) -> int:
    return sum(1 for p in gateway.own_posts(200) if p.text == text)


def test_online_post_goes_straight_through(db: Database, sandbox: SandboxGateway) -> None:
    outbox = Outbox(OutboxStore(db), sandbox.kind)
    item = outbox.add("Harvest festival this Friday at 2pm", created_by="Office")
    result = outbox.send(item.item_id, sandbox)
    assert result is not None and result.status == POSTED and result.posted_id
    assert count_posts_with(sandbox, item.text) == 1
    assert outbox.open_items() == []


def test_offline_post_waits_then_posts_exactly_once(db: Database, sandbox: SandboxGateway) -> None:
    clock = Clock()
    outbox = Outbox(OutboxStore(db), sandbox.kind, clock=clock)
    sandbox.simulate_offline = True
    item = outbox.add("Non-uniform day on Friday", created_by="Office")
    first = outbox.send(item.item_id, sandbox)
    assert first is not None and first.status == WAITING
    assert isinstance(first.error, Offline)
    assert outbox.send_due(sandbox) == []  # not due yet
    clock.now += timedelta(seconds=31)
    assert [r.status for r in outbox.send_due(sandbox)] == [WAITING]  # still offline
    sandbox.simulate_offline = False
    clock.now += timedelta(minutes=2)
    results = outbox.send_due(sandbox)
    assert [r.status for r in results] == [POSTED]
    clock.now += timedelta(hours=1)
    assert outbox.send_due(sandbox) == []
    assert count_posts_with(sandbox, item.text) == 1


def test_lost_answer_is_not_posted_twice(db: Database) -> None:
    gateway = LosesTheAnswer(db)
    clock = Clock()
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Year 6 are back from their residential", created_by="Office")
    assert outbox.send(item.item_id, gateway).status == WAITING  # type: ignore[union-attr]
    clock.now += timedelta(minutes=5)
    result = outbox.send_due(gateway)[0]
    assert result.status == POSTED and result.already_on_x
    assert gateway.post_calls == 1  # the retry looked at X first and did not post again
    assert count_posts_with(gateway, item.text) == 1


def test_duplicate_answer_counts_as_done(db: Database, sandbox: SandboxGateway) -> None:
    sandbox.post("PTA cake sale after school")
    outbox = Outbox(OutboxStore(db), sandbox.kind)
    item = outbox.add("PTA cake sale after school")
    result = outbox.send(item.item_id, sandbox)
    assert result is not None and result.status == POSTED and result.already_on_x
    assert count_posts_with(sandbox, item.text) == 1


class Refuses(SandboxGateway):
    def __init__(self, db: Database, error: Exception) -> None:
        super().__init__(db)
        self.error = error

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        raise self.error


@pytest.mark.parametrize("error", [RejectedByX("too_long"), RuntimeError("bug")])
def test_refusals_keep_the_tweet_for_a_person(db: Database, error: Exception) -> None:
    gateway = Refuses(db, error)
    outbox = Outbox(OutboxStore(db), gateway.kind)
    item = outbox.add("Sports day moved to Thursday")
    result = outbox.send(item.item_id, gateway)
    assert result is not None and result.status == NEEDS_ATTENTION
    assert result.message
    kept = outbox.open_items()
    assert [i.text for i in kept] == ["Sports day moved to Thursday"]
    assert kept[0].last_error


def test_rate_limit_waits_until_reset(db: Database) -> None:
    clock = Clock()
    reset = clock.now + timedelta(minutes=12)
    gateway = Refuses(db, RateLimited(reset_at=reset))
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Open evening next week")
    outbox.send(item.item_id, gateway)
    waiting = outbox.open_items()[0]
    assert waiting.status == WAITING
    assert waiting.next_attempt_at is not None
    assert abs(datetime.fromisoformat(waiting.next_attempt_at) - reset) < timedelta(seconds=2)


def test_an_item_is_sent_by_one_worker_only(db: Database, sandbox: SandboxGateway) -> None:
    store = OutboxStore(db)
    outbox = Outbox(store, sandbox.kind)
    item = outbox.add("Only once please")
    other_worker = Outbox(store, sandbox.kind)
    now = datetime.now(UTC)
    assert store.claim(item, other_worker.owner, now.isoformat(),
                       (now + LEASE).isoformat())
    assert outbox.send(item.item_id, sandbox) is None  # already held
    assert outbox.send_due(sandbox) == []  # and not due while the lease runs
    assert count_posts_with(sandbox, "Only once please") == 0


def test_interrupted_send_is_checked_against_x_on_restart(db: Database,
                                                         sandbox: SandboxGateway) -> None:
    store = OutboxStore(db)
    clock = Clock()
    died = Outbox(store, sandbox.kind, clock=clock)
    item = died.add("Crash in the middle")
    assert store.claim(item, died.owner, clock.now.isoformat(),
                       (clock.now + LEASE).isoformat())
    sandbox.post("Crash in the middle")  # X got it before the app died
    outbox = Outbox(OutboxStore(db), sandbox.kind, clock=clock)  # restart
    assert outbox.open_items()[0].status == SENDING
    assert outbox.take_over_this_computers_leases() == 1  # the lock says nobody else runs
    clock.now += TIMELINE_DELAY
    result = outbox.send_due(sandbox)[0]
    assert result.status == POSTED and result.already_on_x
    assert count_posts_with(sandbox, "Crash in the middle") == 1


def test_an_expired_lease_of_another_computer_is_taken_over_after_checking_x(
        db: Database, sandbox: SandboxGateway) -> None:
    store = OutboxStore(db)
    clock = Clock()
    item = Outbox(store, sandbox.kind, clock=clock).add("Left half-sent by the office PC")
    assert store.claim(item, "office-pc/4242/abc", clock.now.isoformat(),
                       (clock.now + LEASE).isoformat())
    outbox = Outbox(OutboxStore(db), sandbox.kind, clock=clock)
    assert outbox.take_over_this_computers_leases() == 0  # not this computer's to end
    assert outbox.send_due(sandbox) == []
    clock.now += LEASE + TIMELINE_DELAY
    [result] = outbox.send_due(sandbox)
    assert result.status == POSTED and not result.already_on_x
    assert count_posts_with(sandbox, item.text) == 1


def test_photos_travel_with_the_item(db: Database, sandbox: SandboxGateway) -> None:
    outbox = Outbox(OutboxStore(db), sandbox.kind)
    photo = PhotoUpload(b"\xff\xd8fakejpeg", "image/jpeg", "Class 2's sunflower display")
    item = outbox.add("Look at our sunflowers", [photo])
    assert outbox.open_items()[0].photos == [photo]
    result = outbox.send(item.item_id, sandbox)
    assert result is not None and result.posted_id
    assert sandbox.photo_alt_texts(result.posted_id) == ["Class 2's sunflower display"]


def test_retry_delay_grows_and_is_capped() -> None:
    delays = [retry_delay(n).total_seconds() for n in range(1, 10)]
    assert delays[:4] == [30, 60, 120, 240]
    assert max(delays) == 900


def test_same_tweet_text_compares_links_as_x_expands_them() -> None:
    assert same_tweet_text("See stpeters.sch.uk/news  now", "See http://stpeters.sch.uk/news now")
    assert same_tweet_text("See https://stpeters.sch.uk/news/", "See https://stpeters.sch.uk/news")
    assert same_tweet_text("Caf\u00e9", "Cafe\u0301")
    assert not same_tweet_text("See stpeters.sch.uk/june", "See stpeters.sch.uk/july")
    assert not same_tweet_text("Sports day", "Sports day cancelled")


# -- issue 13: the outbox posts exactly once ------------------------------------------------

class Killed(BaseException):
    """Stands for kill -9 or a power cut in the middle of a send: nothing after it runs."""


class ScriptedX(SandboxGateway):
    """The practice account without X's own duplicate filter, so only the outbox can
    prevent a double post, with the ways real X differs from the app scripted in."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.post_calls = 0
        self.x_clock_behind = timedelta(0)  # X's clock behind the PC's
        self.refuse_next: list[Exception] = []  # raised before X posts anything
        self.lose_next_answers = 0  # X posts, then the answer is lost
        self.kill_after_posting = False  # X posts, then the app dies
        self.duplicate_filter = False  # refuse text the account ever posted (like X's)
        self.hidden: set[str] = set()  # posted but not yet in the timeline X returns
        self.hide_new_posts = False
        self.during_post: list[Callable[[], None]] = []

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        self.post_calls += 1
        while self.during_post:
            self.during_post.pop(0)()
        if self.refuse_next:
            raise self.refuse_next.pop(0)
        if self.duplicate_filter and any(p.text == text for p in self._store.posts(1000)):
            raise RejectedByX("duplicate")
        now = datetime.now(UTC) - self.x_clock_behind
        post = Post(post_id=snowflake_id(now, self.post_calls), text=text, created_at=now,
                    media_count=len(photos), reply_to=reply_to)
        self._store.add_post(post, photos)
        if self.hide_new_posts:
            self.hidden.add(post.post_id)
        if self.kill_after_posting:
            raise Killed()
        if self.lose_next_answers:
            self.lose_next_answers -= 1
            raise Offline()
        return post

    def own_posts(self, limit: int = 50) -> list[Post]:
        return [p for p in super().own_posts(limit) if p.post_id not in self.hidden]


def posts_with(gateway: SandboxGateway, text: str) -> list[Post]:
    return [p for p in gateway.own_posts(200) if p.text == text]


def test_a_link_tweet_is_not_mistaken_for_another_with_a_different_link(db: Database) -> None:
    x = ScriptedX(db)
    clock = Clock()
    x.post("Newsletter: https://stpeters.example.sch.uk/june")  # on the account already
    outbox = Outbox(OutboxStore(db), x.kind, clock=clock)
    july = outbox.add("Newsletter: https://stpeters.example.sch.uk/july")
    x.refuse_next.append(Offline())  # times out before X accepts it
    assert outbox.send(july.item_id, x).status == WAITING  # type: ignore[union-attr]
    clock.now += timedelta(minutes=5)
    [result] = outbox.send_due(x)
    assert result.status == POSTED and not result.already_on_x
    assert len(posts_with(x, july.text)) == 1


def test_photo_only_tweets_are_not_mistaken_for_each_other(db: Database) -> None:
    x = ScriptedX(db)
    clock = Clock()
    outbox = Outbox(OutboxStore(db), x.kind, clock=clock)
    first = outbox.add("", [PhotoUpload(b"\xff\xd8one", "image/jpeg", "Class 1's pumpkins")])
    first_result = outbox.send(first.item_id, x)
    assert first_result is not None and first_result.posted_id
    second = outbox.add("", [PhotoUpload(b"\xff\xd8two", "image/jpeg", "Class 2's kites")])
    x.refuse_next.append(Offline())
    assert outbox.send(second.item_id, x).status == WAITING  # type: ignore[union-attr]
    clock.now += timedelta(minutes=5)
    [result] = outbox.send_due(x)
    assert result.status == POSTED and not result.already_on_x
    assert result.posted_id != first_result.posted_id
    assert x.post_calls == 3  # first, the refused try, the real second post


def test_a_different_number_of_photos_is_a_different_tweet(db: Database) -> None:
    x = ScriptedX(db)
    clock = Clock()
    x.post("Our class assembly")  # the same words without the photo, posted on x.com
    outbox = Outbox(OutboxStore(db), x.kind, clock=clock)
    item = outbox.add("Our class assembly", [PhotoUpload(b"\xff\xd8a", "image/jpeg", "Stage")])
    x.refuse_next.append(Offline())
    outbox.send(item.item_id, x)
    clock.now += timedelta(minutes=5)
    [result] = outbox.send_due(x)
    assert result.status == POSTED and not result.already_on_x


def test_a_pc_clock_ahead_of_xs_does_not_post_twice(db: Database) -> None:
    x = ScriptedX(db)
    x.x_clock_behind = timedelta(minutes=3)
    clock = Clock()
    outbox = Outbox(OutboxStore(db), x.kind, clock=clock)
    item = outbox.add("Reading cafe for parents on Wednesday")
    x.lose_next_answers = 1
    assert outbox.send(item.item_id, x).status == WAITING  # type: ignore[union-attr]
    clock.now += timedelta(minutes=1)
    [result] = outbox.send_due(x)
    assert result.status == POSTED and result.already_on_x
    assert x.post_calls == 1


def test_a_second_window_does_not_resend_what_the_first_is_sending(db: Database) -> None:
    x = ScriptedX(db)
    first_window = Outbox(OutboxStore(db), x.kind)
    item = first_window.add("Choir at the care home on Thursday")
    second_results: list[list[SendResult]] = []

    def second_window_opens() -> None:  # while the first window waits for X
        second_results.append(Outbox(OutboxStore(db), x.kind).send_due(x))

    x.during_post.append(second_window_opens)
    result = first_window.send(item.item_id, x)
    assert result is not None and result.status == POSTED
    assert second_results == [[]]
    assert x.post_calls == 1
    assert len(posts_with(x, item.text)) == 1


def test_a_crash_then_a_retry_before_the_post_shows_on_x_does_not_post_twice(
        db: Database) -> None:
    x = ScriptedX(db)
    clock = Clock()
    before_the_crash = Outbox(OutboxStore(db), x.kind, clock=clock)
    item = before_the_crash.add("Year 3 trip to the museum")
    x.kill_after_posting, x.hide_new_posts = True, True
    with pytest.raises(Killed):
        before_the_crash.send(item.item_id, x)
    x.kill_after_posting = False
    clock.now += timedelta(seconds=90)  # restarted; X's timeline has not caught up yet
    restarted = Outbox(OutboxStore(db), x.kind, clock=clock)
    assert [r.status for r in restarted.send_due(x)] in ([], [WAITING])
    assert x.post_calls == 1
    x.hidden.clear()  # the post shows up in the timeline
    clock.now += timedelta(minutes=10)
    [result] = restarted.send_due(x)
    assert result.status == POSTED and result.already_on_x
    assert x.post_calls == 1


def test_a_tweet_written_by_another_run_moments_ago_waits_for_xs_timeline(
        db: Database) -> None:
    """A power cut can take back a send made just after the tweet was written: a run that
    did not write it gives X's timeline time to show it before sending."""
    x = ScriptedX(db)
    clock = Clock()
    item = Outbox(OutboxStore(db), x.kind, clock=clock).add("Harvest assembly at 9am")
    x.post(item.text)
    x.hidden = {p.post_id for p in x.own_posts(5)}  # on X, not yet in its timeline
    x.post_calls = 0
    restarted = Outbox(OutboxStore(db), x.kind, clock=clock)
    assert [r.status for r in restarted.send_due(x)] == [WAITING]
    assert x.post_calls == 0
    x.hidden.clear()
    clock.now += TIMELINE_DELAY
    [result] = restarted.send_due(x)
    assert result.status == POSTED and result.already_on_x and x.post_calls == 0


def test_a_lost_last_write_still_asks_x_before_posting(db: Database) -> None:
    x = ScriptedX(db)
    outbox = Outbox(OutboxStore(db), x.kind)
    item = outbox.add("Flu spray forms back by Monday")
    outbox.send(item.item_id, x)
    # A power cut (or a lost -wal file) takes the last writes with it: the outbox row is
    # back as it was before the send, while X kept the post.
    db.execute("UPDATE outbox SET status = 'queued', attempts = 0, posted_id = NULL "
               "WHERE id = :id", {"id": item.item_id})
    restarted = Outbox(OutboxStore(db), x.kind)
    [result] = restarted.send_due(x)
    assert result.status == POSTED and result.already_on_x
    assert x.post_calls == 1


def test_the_sending_mark_is_durable_before_x_is_called(db: Database) -> None:
    x = ScriptedX(db)
    outbox = Outbox(OutboxStore(db), x.kind)
    item = outbox.add("Harvest boxes collected on Friday")
    seen: list[tuple[str, bool]] = []

    def look() -> None:
        row = db.query_one("SELECT status FROM outbox WHERE id = :id", {"id": item.item_id})
        if db.dialect == "sqlite":
            sync = db.query_one("PRAGMA synchronous")
            synced = sync is not None and int(sync[0]) == 2  # 2 = FULL
        else:
            sync = db.query_one("SHOW synchronous_commit")
            synced = sync is not None and sync[0] == "on"
        assert row is not None
        seen.append((row["status"], synced))

    x.during_post.append(look)
    outbox.send(item.item_id, x)
    assert seen == [("sending", True)]  # committed and synced to the disk


def test_a_duplicate_refusal_of_a_tweet_that_is_not_there_asks_a_person(db: Database) -> None:
    x = ScriptedX(db)
    x.duplicate_filter = True
    clock = Clock()
    last_week = datetime.now(UTC) - timedelta(days=7)
    x._store.add_post(Post(snowflake_id(last_week, 1), "Happy Friday everyone!", last_week), [])
    outbox = Outbox(OutboxStore(db), x.kind, clock=clock)
    item = outbox.add("Happy Friday everyone!")
    result = outbox.send(item.item_id, x)
    assert result is not None and result.status == NEEDS_ATTENTION
    assert result.posted_id is None
    assert "already" in result.message
    [kept] = outbox.open_items()
    assert kept.text == "Happy Friday everyone!" and kept.last_error


def test_a_duplicate_refusal_records_the_post_that_is_there(db: Database) -> None:
    x = ScriptedX(db)
    x.duplicate_filter = True
    there = x.post("Sponsored walk raised £420, thank you")  # e.g. from the other office PC
    outbox = Outbox(OutboxStore(db), x.kind)
    item = outbox.add("Sponsored walk raised £420, thank you")
    result = outbox.send(item.item_id, x)
    assert result is not None and result.status == POSTED and result.already_on_x
    assert result.posted_id == there.post_id
    assert db.query_one("SELECT posted_id FROM outbox WHERE id = :id",
                        {"id": item.item_id})["posted_id"] == there.post_id  # type: ignore[index]


def test_a_post_is_never_matched_to_two_items(db: Database) -> None:
    x = ScriptedX(db)
    clock = Clock()
    outbox = Outbox(OutboxStore(db), x.kind, clock=clock)
    first = outbox.add("Happy Friday everyone!")
    first_result = outbox.send(first.item_id, x)
    assert first_result is not None and first_result.posted_id
    second = outbox.add("Happy Friday everyone!")
    x.refuse_next.append(Offline())
    outbox.send(second.item_id, x)
    clock.now += timedelta(minutes=5)
    [result] = outbox.send_due(x)
    assert result.posted_id != first_result.posted_id


def test_the_audit_command_never_sends_the_outbox(data_dir: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from stpeters_desk.app import main

    db = open_database(data_dir)
    item = Outbox(OutboxStore(db), SandboxGateway(db).kind).add("Waits for the window")
    db.close()
    assert main(["--data-dir", str(data_dir), "audit", "verify"]) == 0
    db = open_database(data_dir)
    try:
        kept = OutboxStore(db).get(item.item_id)
        assert kept is not None and kept.status == "queued" and kept.attempts == 0
        assert posts_with(SandboxGateway(db), "Waits for the window") == []
    finally:
        db.close()
    assert "intact" in capsys.readouterr().out


def test_the_lease_is_renewed_while_x_is_slow(db: Database) -> None:
    """X takes longer than the lease: another window still cannot take the tweet."""
    import time

    x = ScriptedX(db)
    sender = Outbox(OutboxStore(db), x.kind, lease=timedelta(seconds=0.3))
    item = sender.add("Parents' evening slots are open")
    other: list[list[SendResult]] = []

    def slow_network() -> None:
        time.sleep(0.5)  # longer than the lease: only renewals keep it
        other.append(Outbox(OutboxStore(db), x.kind).send_due(x))
        time.sleep(0.4)

    x.during_post.append(slow_network)
    result = sender.send(item.item_id, x)
    assert result is not None and result.status == POSTED
    assert other == [[]]
    assert x.post_calls == 1


class RefusesThenWorks(SandboxGateway):
    """X refuses the account (revoked keys, no credits) until ``fixed`` is set."""

    def __init__(self, db: Database, error: XError) -> None:
        super().__init__(db)
        self.error = error
        self.fixed = False
        self.posts_tried = 0

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        self.posts_tried += 1
        if not self.fixed:
            raise self.error
        return super().post(text, photos, reply_to, reply_settings)


@pytest.mark.parametrize("error", [CredentialsRejected(), CreditsExhausted(),
                                   NotAllowedOnAccessLevel("posting", account_wide=True)])
def test_a_refused_account_pauses_the_whole_outbox_and_resumes_by_itself(
        db: Database, error: XError) -> None:
    clock = Clock()
    gateway = RefusesThenWorks(db, error)
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    for text in ("Harvest festival on Friday", "Sports day moved", "Book fair next week"):
        outbox.add(text)
    outbox.send_due(gateway)
    assert gateway.posts_tried == 1  # not every tweet refused one after another
    assert outbox.paused_by is error
    assert {i.status for i in outbox.open_items()} == {QUEUED, WAITING}  # nobody must reword
    clock.now += timedelta(minutes=10)
    assert outbox.send_due(gateway) == [] and gateway.posts_tried == 1  # no call while paused
    gateway.fixed = True  # the head topped up the credits
    clock.now += ACCOUNT_PAUSE
    results = outbox.send_due(gateway)
    assert [r.status for r in results].count(POSTED) == 3
    assert outbox.paused_by is None and outbox.open_items() == []
