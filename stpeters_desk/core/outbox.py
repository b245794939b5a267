"""Sending tweets so that none is lost and none is posted twice.

Every tweet goes through the outbox, even when the network is fine: the
tweet is saved first, then sent. The rules that make "exactly once" hold:

* The "sending" mark (with the attempt count) is committed and synced to the
  disk before X is called, under a lease naming this process; the lease is
  renewed while X is asked, so another window or computer cannot take the item.
  A lease that ran out means its holder died: the item may be taken over.
* Only an item this very process created and is sending for the first time goes
  straight to X. Anything else (a retry, a take-over, a restart, a row a power
  cut set back) is first looked for on X.
* "Looked for" means: the same text once X's changes are undone (HTML escapes,
  NFC, t.co links: the gateway gives real text), the same links, the same number
  of photos, the same reply, posted within a window around our attempts that
  allows for the PC's clock being off, and not already the post of another item.
  A post that is not there yet may still be on its way into X's timeline, so a
  recent attempt is given time to show before the tweet is sent again.
* X's "duplicate" refusal is never taken on trust: the post is found and
  recorded, or a person is asked.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.storage.audit import NewAuditEntry
from stpeters_desk.core.storage.outbox_store import (
    NEEDS_ATTENTION,
    POSTED,
    QUEUED,
    WAITING,
    OutboxItem,
    OutboxStore,
)
from stpeters_desk.i18n import translate
from stpeters_desk.x.errors import RateLimited, RejectedByX, XError
from stpeters_desk.x.gateway import XGateway

if TYPE_CHECKING:
    from stpeters_desk.x.models import PhotoUpload, Post

FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 15 * 60
RECENT_POSTS_TO_CHECK = 20  # reads are billed per post on pay-per-use plans
LEASE = timedelta(seconds=60)  # renewed every third of it while X is asked
CLOCK_TOLERANCE = timedelta(minutes=30)  # how far the PC's clock may be from X's
TIMELINE_DELAY = timedelta(minutes=2)  # how long a new post may take to show on X
ACCOUNT_PAUSE = timedelta(minutes=30)  # between tries while the account itself is refused
OUTBOX_ACTOR = "St Peter's Desk (outbox)"  # the audit actor for an item nobody is named on

Clock = Callable[[], datetime]


class SendResult(NamedTuple):
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


def comparable_text(text: str) -> str:
    """The text as X would show it back: NFC, spaces collapsed, links without their
    scheme or trailing slash (X adds ``http://`` to a bare domain when it expands it)."""
    from stpeters_desk.core.tweet_text import parse_tweet

    text = unicodedata.normalize("NFC", text)
    parts: list[str] = []
    position = 0
    for start, end in parse_tweet(text).urls:
        parts.extend((text[position:start], " ", _comparable_link(text[start:end]), " "))
        position = end
    parts.append(text[position:])
    return " ".join("".join(parts).split())


def _comparable_link(link: str) -> str:
    scheme, sep, rest = link.partition("://")
    rest = rest if sep and scheme.lower() in ("http", "https") else link
    host, slash, path = rest.partition("/")
    return (host.lower() + slash + path).rstrip("/")


def same_tweet_text(a: str, b: str) -> bool:
    """Same words and the same links, once X's rewriting is undone."""
    return comparable_text(a) == comparable_text(b)


def is_the_same_post(post: Post, item: OutboxItem) -> bool:
    """Text, links, number of photos and the reply all agree."""
    return (post.media_count == len(item.photos)
            and (post.reply_to or None) == (item.reply_to or None)
            and same_tweet_text(post.text, item.text))


class _Attempt:
    """One send of one item: whether its post request went out (X may have it). (A plain
    class: a dataclass's generated methods would cost the start-up half a millisecond.)"""

    __slots__ = ("earlier_attempt_at", "item", "posting")

    def __init__(self, item: OutboxItem, earlier_attempt_at: str | None) -> None:
        self.item = item
        self.earlier_attempt_at = earlier_attempt_at  # the last attempt that may have posted
        self.posting = False

    @property
    def unseen_since(self) -> str | None:
        """For a first attempt by a run that did not write the item: a power cut may have
        taken back an attempt made just after it was written, so count from then."""
        return self.item.created_at if self.item.attempts <= 1 else None

    def may_have_posted(self, error: XError | None) -> bool:
        return self.posting and not (error is not None and error.never_reached_x)


class Outbox:
    def __init__(self, store: OutboxStore, account_kind: str,
                 clock: Clock = lambda: datetime.now(UTC),
                 reply_settings: Callable[[], str | None] = lambda: None,
                 lease: timedelta = LEASE, device: str = "") -> None:
        self._store = store
        self._device = device  # this computer, for the audit entry of each post
        self._lease = lease
        self._kind = account_kind
        self._clock = clock
        self._reply_settings = reply_settings
        self.owner = f"{_this_computer()}/{os.getpid()}/{os.urandom(6).hex()}"
        self._created_here: set[int] = set()
        self.paused_by: XError | None = None
        """What stops every tweet going out (keys refused, credits used up): until it
        clears, one tweet is tried every ACCOUNT_PAUSE instead of all of them each time."""
        self._paused_until: datetime | None = None

    def add(self, text: str, photos: Sequence[PhotoUpload] = (), reply_to: str | None = None,
            created_by: str = "") -> OutboxItem:
        item = self._store.add(text, list(photos), reply_to, self._kind, created_by,
                               _iso(self._clock()))
        self._created_here.add(item.item_id)
        return item

    def open_items(self) -> list[OutboxItem]:
        return self._store.open_items(self._kind)

    def discard(self, item_id: int) -> bool:
        """Take an item out; False while it is being sent (it cannot be taken back then)."""
        return self._store.discard(item_id, _iso(self._clock()))

    def take_over_this_computers_leases(self) -> int:
        """Items this computer was sending when the app died may be taken over now.

        Call only while holding the single-instance lock of the data folder: then no
        other process on this computer can be sending from it. Items are still looked
        for on X before they are sent again.

        Not on a database shared by several computers: there the lock does not cover
        another data folder on this same computer (a second Windows user, a command run
        by IT) sending from the same server, so its items wait for their lease to run
        out (at most ``LEASE``) instead.
        """
        if self._store.shared:
            return 0
        here = _this_computer()
        ended = 0
        for item_id, owner in self._store.sending_leases():
            if owner.split("/", 1)[0] == here and owner != self.owner:
                ended += self._store.end_lease(item_id, owner, _iso(self._clock()))
        return ended

    def send_due(self, gateway: XGateway) -> list[SendResult]:
        """Try every item whose time has come; stop early if the network is down or the
        account itself is refused (then wait ACCOUNT_PAUSE before one more try)."""
        if self._paused_until is not None and self._clock() < self._paused_until:
            return []
        results: list[SendResult] = []
        for item_id in self._store.due_ids(self._kind, _iso(self._clock())):
            result = self.send(item_id, gateway)
            if result is None:
                continue
            results.append(result)
            error = result.error
            if result.status == WAITING and error is not None \
                    and (error.retryable or error.account_wide):
                break  # offline, rate-limited or refused: the rest would fail the same way
        return results

    def send(self, item_id: int, gateway: XGateway) -> SendResult | None:
        """Send one item now; None when another worker holds it or it is done."""
        seen = self._store.get(item_id)
        if seen is None:
            return None
        now = self._clock()
        if not self._store.claim(seen, self.owner, _iso(now), _iso(now + self._lease)):
            return None
        first_try_here = (item_id in self._created_here and seen.attempts == 0
                          and seen.status == QUEUED)
        item = self._store.get(item_id)
        assert item is not None
        attempt = _Attempt(item, seen.last_attempt_at)
        try:
            with self._lease_kept(item_id):
                return self._send_held(attempt, gateway, first_try_here)
        except RejectedByX as exc:
            if exc.is_duplicate:
                return self._settle_duplicate(attempt, gateway)
            return self._give_up(attempt, exc)
        except XError as exc:
            if exc.account_wide:
                return self._pause(attempt, exc)
            if exc.retryable:
                return self._wait(attempt, exc)
            return self._give_up(attempt, exc)
        except Exception as exc:  # a bug must not lose the tweet: keep it for a person
            return self._give_up(attempt, XError(translate(
                "Outbox", "Unexpected problem while posting: {error}").format(error=exc)))

    def _send_held(self, attempt: _Attempt, gateway: XGateway,
                   first_try_here: bool) -> SendResult:
        item = attempt.item
        if not first_try_here:
            existing = self._find_on_x(item, gateway)
            if existing is not None:
                return self._posted(item, existing, already_on_x=True)
            not_before = self._may_still_show(attempt.earlier_attempt_at or attempt.unseen_since)
            if not_before is not None:
                return self._wait_for_timeline(attempt, not_before)
        attempt.posting = True
        post = gateway.post(item.text, item.photos, item.reply_to,
                            reply_settings=self._reply_settings())
        return self._posted(item, post.post_id, already_on_x=False)

    def _may_still_show(self, earlier_attempt_at: str | None) -> datetime | None:
        """When an earlier attempt was so recent that its post may not be in X's timeline
        yet, the moment after which "not found" can be believed; else None."""
        if earlier_attempt_at is None:
            return None
        settled = datetime.fromisoformat(earlier_attempt_at) + TIMELINE_DELAY
        return settled if settled > self._clock() else None

    def _find_on_x(self, item: OutboxItem, gateway: XGateway) -> str | None:
        """The id of this item's post on X, if X has it and no other item claims it."""
        started = datetime.fromisoformat(item.first_attempt_at or item.created_at)
        earliest = started - CLOCK_TOLERANCE
        latest = self._clock() + CLOCK_TOLERANCE
        candidates = [post for post in gateway.own_posts(limit=RECENT_POSTS_TO_CHECK)
                      if earliest <= post.created_at <= latest and is_the_same_post(post, item)]
        taken = self._store.post_ids_taken([p.post_id for p in candidates], item.item_id)
        free = [post for post in candidates if post.post_id not in taken]
        return min(free, key=lambda p: p.created_at).post_id if free else None

    def _settle_duplicate(self, attempt: _Attempt, gateway: XGateway) -> SendResult:
        """X says it has this tweet: record which post, or ask a person."""
        try:
            existing = self._find_on_x(attempt.item, gateway)
        except XError as exc:
            return self._wait(attempt, exc)
        if existing is not None:
            return self._posted(attempt.item, existing, already_on_x=True)
        return self._give_up(attempt, RejectedByX(
            "duplicate",
            translate("Outbox", "X says this tweet is the same as one already posted, but "
                                "the app cannot find it among the school's recent tweets."),
            translate("Outbox", "Change the wording a little (for example, add the date) "
                                "and post it again.")))

    def _pause(self, attempt: _Attempt, exc: XError) -> SendResult:
        """The account is refused, not this tweet: it waits (it is not the person's to fix),
        and the whole outbox waits with it; a later success resumes everything."""
        self.paused_by = exc
        self._paused_until = self._clock() + ACCOUNT_PAUSE
        return self._finish_unposted(attempt, WAITING, exc, self._paused_until)

    def _posted(self, item: OutboxItem, post_id: str, *, already_on_x: bool) -> SendResult:
        self.paused_by = self._paused_until = None  # the account works again
        self._store.finish(item.item_id, self.owner, POSTED, _iso(self._clock()),
                           posted_id=post_id, audit=[self._posted_entry(item, post_id,
                                                                        already_on_x)])
        return SendResult(item.item_id, POSTED, post_id, already_on_x=already_on_x)

    def _posted_entry(self, item: OutboxItem, post_id: str, already_on_x: bool
                      ) -> NewAuditEntry:
        """"post tweet", written with the item's "posted" mark (not by a window that may
        have closed meanwhile), in the name of the person who queued it."""
        detail = f"outbox {item.item_id}" + ("; already on X" if already_on_x else "")
        if item.attempts > 1:
            detail += f"; after {item.attempts} tries"
        return NewAuditEntry(actor=item.created_by or OUTBOX_ACTOR,
                             action=AuditAction.POST_TWEET.value, target=post_id,
                             detail=detail, device=self._device)

    def _wait_for_timeline(self, attempt: _Attempt, not_before: datetime) -> SendResult:
        """Not on X yet, but the last try was moments ago: give X time to show it."""
        checking = XError(
            translate("Outbox", "The app is checking whether X received the last try."),
            translate("Outbox", "It tries again by itself in a few minutes; nothing is "
                                "posted twice."))
        return self._finish_unposted(attempt, WAITING, checking, not_before)

    def _wait(self, attempt: _Attempt, exc: XError) -> SendResult:
        now = self._clock()
        if isinstance(exc, RateLimited):
            next_at = now + timedelta(seconds=exc.seconds_to_wait(now))
        else:
            next_at = now + retry_delay(attempt.item.attempts)
        return self._finish_unposted(attempt, WAITING, exc, next_at)

    def _give_up(self, attempt: _Attempt, exc: XError) -> SendResult:
        return self._finish_unposted(attempt, NEEDS_ATTENTION, exc, None)

    def _finish_unposted(self, attempt: _Attempt, status: str, exc: XError,
                         next_at: datetime | None) -> SendResult:
        self._store.finish(attempt.item.item_id, self.owner, status, _iso(self._clock()),
                           last_error=exc.user_text(),
                           next_attempt_at=_iso(next_at) if next_at else None,
                           attempt_reached_x=attempt.may_have_posted(exc),
                           earlier_attempt_at=attempt.earlier_attempt_at)
        return SendResult(attempt.item.item_id, status, error=exc)

    @contextmanager
    def _lease_kept(self, item_id: int) -> Iterator[None]:
        """Renew the lease every third of its length until the block ends."""
        stop = threading.Event()

        def renew() -> None:
            try:
                while not stop.wait(self._lease.total_seconds() / 3):
                    self._store.renew(item_id, self.owner, _iso(self._clock() + self._lease))
            finally:
                self._store.thread_done()

        keeper = threading.Thread(target=renew, name=f"outbox-lease-{item_id}", daemon=True)
        keeper.start()
        try:
            yield
        finally:
            stop.set()
            keeper.join()


def _this_computer() -> str:
    """This computer's name, for the lease's owner (os.uname spares start-up the socket
    module; Windows has no uname)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        name = str(uname().nodename)
    else:
        import socket

        name = socket.gethostname()
    return name.replace("/", "_") or "this-computer"


def _iso(moment: datetime) -> str:
    """One fixed format, so times stored as text compare correctly as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
