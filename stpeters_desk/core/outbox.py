"""Sending tweets so that none is lost and none is posted twice.

Every tweet goes through the outbox, even when the network is fine: the
tweet is saved first, then sent. If the connection drops after X accepted
the tweet but before we heard back, the next try looks at the account's
recent posts before sending again, and X's own "duplicate" answer counts as
already done.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from stpeters_desk.core.i18n import translate
from stpeters_desk.core.storage.outbox_store import (
    NEEDS_ATTENTION,
    POSTED,
    WAITING,
    OutboxItem,
    OutboxStore,
)
from stpeters_desk.x.errors import RateLimited, RejectedByX, XError
from stpeters_desk.x.gateway import XGateway
from stpeters_desk.x.models import PhotoUpload

FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 15 * 60
RECENT_POSTS_TO_CHECK = 20

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class SendResult:
    item_id: int
    status: str
    posted_id: str | None = None
    error: XError | None = None
    already_on_x: bool = False

    @property
    def message(self) -> str:
        if self.status == POSTED:
            if self.already_on_x:
                return translate("Outbox", "Already on X: nothing was posted twice.")
            return translate("Outbox", "Posted.")
        return self.error.user_text() if self.error else ""


def retry_delay(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min ... up to 15 min: quick after a Wi-Fi blip, gentle when X is down."""
    seconds = FIRST_RETRY_SECONDS * 2 ** max(0, attempts - 1)
    return timedelta(seconds=min(seconds, MAX_RETRY_SECONDS))


_URL = re.compile(r"https?://\S+|\b[\w.-]+\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


def same_tweet_text(a: str, b: str) -> bool:
    """X rewrites links to t.co and may trim spaces, so compare without them."""
    def norm(text: str) -> str:
        return " ".join(_URL.sub(" ", text).split()).casefold()

    return norm(a) == norm(b)


class Outbox:
    def __init__(self, store: OutboxStore, account_kind: str,
                 clock: Clock = lambda: datetime.now(UTC),
                 reply_settings: Callable[[], str | None] = lambda: None) -> None:
        self._store = store
        self._kind = account_kind
        self._clock = clock
        self._reply_settings = reply_settings
        store.release_interrupted()

    def add(self, text: str, photos: Sequence[PhotoUpload] = (), reply_to: str | None = None,
            created_by: str = "") -> OutboxItem:
        return self._store.add(text, list(photos), reply_to, self._kind, created_by)

    def open_items(self) -> list[OutboxItem]:
        return self._store.open_items(self._kind)

    def discard(self, item_id: int) -> None:
        from stpeters_desk.core.storage.outbox_store import DISCARDED

        self._store.finish(item_id, DISCARDED)

    def send_due(self, gateway: XGateway) -> list[SendResult]:
        """Try every item whose time has come; stop early if the network is down."""
        results: list[SendResult] = []
        for item_id in self._store.due_ids(self._kind, _iso(self._clock())):
            result = self.send(item_id, gateway)
            if result is None:
                continue
            results.append(result)
            if result.status == WAITING:
                break  # offline or rate-limited: the rest would fail the same way
        return results

    def send(self, item_id: int, gateway: XGateway) -> SendResult | None:
        """Send one item now; None when another worker already holds it or it is done."""
        if not self._store.claim(item_id):
            return None
        item = self._store.get(item_id)
        assert item is not None
        try:
            if item.attempts > 1:
                existing = self._find_on_x(item, gateway)
                if existing is not None:
                    self._store.finish(item_id, POSTED, posted_id=existing)
                    return SendResult(item_id, POSTED, existing, already_on_x=True)
            post = gateway.post(item.text, item.photos, item.reply_to,
                                reply_settings=self._reply_settings())
        except RejectedByX as exc:
            if exc.is_duplicate:
                self._store.finish(item_id, POSTED, last_error=None)
                return SendResult(item_id, POSTED, already_on_x=True)
            return self._give_up(item, exc)
        except XError as exc:
            if exc.retryable:
                return self._wait(item, exc)
            return self._give_up(item, exc)
        except Exception as exc:  # a bug must not lose the tweet: keep it for a person
            return self._give_up(item, XError(translate(
                "Outbox", "Unexpected problem while posting: {error}").format(error=exc)))
        self._store.finish(item_id, POSTED, posted_id=post.post_id)
        return SendResult(item_id, POSTED, post.post_id)

    def _find_on_x(self, item: OutboxItem, gateway: XGateway) -> str | None:
        created = datetime.fromisoformat(item.created_at) - timedelta(minutes=1)
        for post in gateway.own_posts(limit=RECENT_POSTS_TO_CHECK):
            if post.created_at >= created and same_tweet_text(post.text, item.text):
                return post.post_id
        return None

    def _wait(self, item: OutboxItem, exc: XError) -> SendResult:
        now = self._clock()
        if isinstance(exc, RateLimited):
            next_at = now + timedelta(seconds=exc.seconds_to_wait(now))
        else:
            next_at = now + retry_delay(item.attempts)
        self._store.finish(item.item_id, WAITING, last_error=exc.user_text(),
                           next_attempt_at=_iso(next_at))
        return SendResult(item.item_id, WAITING, error=exc)

    def _give_up(self, item: OutboxItem, exc: XError) -> SendResult:
        self._store.finish(item.item_id, NEEDS_ATTENTION, last_error=exc.user_text())
        return SendResult(item.item_id, NEEDS_ATTENTION, error=exc)


def _iso(moment: datetime) -> str:
    """One fixed format, so times stored as text compare correctly as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
