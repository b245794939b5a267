"""The outbox: nothing lost when offline, nothing posted twice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from stpeters_desk.core.outbox import Outbox, retry_delay, same_tweet_text
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.outbox_store import (
    NEEDS_ATTENTION,
    POSTED,
    WAITING,
    OutboxStore,
)
from stpeters_desk.x.errors import (
    CredentialsRejected,
    Offline,
    RateLimited,
    RejectedByX,
)
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


@pytest.mark.parametrize("error", [CredentialsRejected(), RejectedByX("too_long"),
                                   RuntimeError("bug")])
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
    assert store.claim(item.item_id)
    assert outbox.send(item.item_id, sandbox) is None  # already held
    assert count_posts_with(sandbox, "Only once please") == 0


def test_interrupted_send_is_checked_against_x_on_restart(db: Database,
                                                         sandbox: SandboxGateway) -> None:
    store = OutboxStore(db)
    item = Outbox(store, sandbox.kind).add("Crash in the middle")
    store.claim(item.item_id)
    sandbox.post("Crash in the middle")  # X got it before the app died
    outbox = Outbox(OutboxStore(db), sandbox.kind)  # restart
    assert outbox.open_items()[0].status == WAITING
    result = outbox.send_due(sandbox)[0]
    assert result.status == POSTED and result.already_on_x
    assert count_posts_with(sandbox, "Crash in the middle") == 1


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


def test_same_tweet_text_ignores_link_rewriting() -> None:
    assert same_tweet_text("See stpeters.sch.uk/news  now", "See https://t.co/abc now")
    assert not same_tweet_text("Sports day", "Sports day cancelled")
