"""Changes made on one computer, told to every other (issue 18: several computers).

On PostgreSQL every write transaction that touched a table other computers show
(the approvals queue, the outbox, drafts, moderation, followers, staff, settings, the
audit log) ends with ``pg_notify`` on the school's channel, inside the transaction, so
the server delivers it only when the change is committed (``PgDatabase`` does it: the
areas come from the tables its statements write, ``written_areas``). A ``ChangeFeed``
holds its own connection with ``LISTEN`` in a background thread and turns each
notification into a ``Change``: which areas changed, and which database handle made it.

The feed's connection is also how the app knows whether the server can be reached: it
pings every ``ping_every`` seconds, reports "unreachable" as soon as the connection
breaks, reconnects with a growing pause (back-off), reports "reachable" again and then a
``Change`` with ``missed=True`` for every area (notifications sent while it was away are
lost, so everything is read afresh).

No Qt here: ``ui/change_feed.py`` re-emits the feed's callbacks as queued signals. A
benchmark or a test waits for a change with ``wait_for``::

    feed = ChangeFeed(url)           # or ChangeFeed.for_database(db)
    feed.start()                     # True once it is listening
    seen = feed.count(APPROVALS)
    ...                              # another process submits a tweet
    waited = feed.wait_for(APPROVALS, timeout=5, after=seen)   # seconds, or None
    feed.stop()
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stpeters_desk.core.storage.db import Database

CHANNEL = "stpeters_desk"

# The areas a change can touch, named after what a person sees change.
APPROVALS = "approvals"
OUTBOX = "outbox"
DRAFTS = "drafts"
MODERATION = "moderation"
FOLLOWERS = "followers"
STAFF = "staff"
SETTINGS = "settings"
AUDIT = "audit"
ROSTER = "roster"
PHOTOS = "photos"
DEVICES = "devices"

ALL_AREAS = frozenset({APPROVALS, OUTBOX, DRAFTS, MODERATION, FOLLOWERS, STAFF, SETTINGS,
                       AUDIT, ROSTER, PHOTOS, DEVICES})

# Which areas a write to each table changes. Tables not named (the integrity seal, the
# X sandbox, the read-usage counter, schema_migrations) tell nobody.
TABLE_AREAS: dict[str, frozenset[str]] = {
    "submissions": frozenset({APPROVALS}),
    "submission_photos": frozenset({APPROVALS}),
    "outbox": frozenset({OUTBOX, APPROVALS}),  # a posted tweet leaves "Scheduled"
    "outbox_photos": frozenset({OUTBOX}),
    "person_drafts": frozenset({DRAFTS}),
    "drafts": frozenset({DRAFTS}),
    "moderation_mentions": frozenset({MODERATION}),
    "moderation_marks": frozenset({MODERATION}),
    "moderation_blocks": frozenset({MODERATION, FOLLOWERS}),
    "moderation_unblocks": frozenset({MODERATION, FOLLOWERS}),
    "moderation_followers": frozenset({FOLLOWERS}),
    "staff": frozenset({STAFF}),
    "role_permissions": frozenset({STAFF}),
    "pin_lockouts": frozenset({STAFF}),
    "recovery_code": frozenset({STAFF}),
    "settings": frozenset({SETTINGS}),
    "posting_exceptions": frozenset({SETTINGS}),
    "audit_log": frozenset({AUDIT}),
    "roster_groups": frozenset({ROSTER}),
    "roster_imports": frozenset({ROSTER}),
    "roster_name_forms": frozenset({ROSTER}),
    "prepared_photos": frozenset({PHOTOS}),
    "devices": frozenset({DEVICES}),
}

_WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([A-Za-z_][A-Za-z0-9_]*)",
                    re.IGNORECASE)


@lru_cache(maxsize=1024)
def written_areas(sql: str) -> frozenset[str]:
    """The areas a statement changes: none for a read, DDL or an untold table."""
    match = _WRITE.match(sql)
    if match is None:
        return frozenset()
    return TABLE_AREAS.get(match.group(1).lower(), frozenset())


def channel_for(schema: str | None) -> str:
    """The school's channel; a test's schema gets its own so tests never hear each other."""
    return CHANNEL if schema is None else f"{CHANNEL}_{schema}"


def connect_options(timeout: int) -> dict[str, Any]:
    """A dead server or a pulled cable is noticed in seconds, not at TCP's hours: a
    connection timeout, and keep-alives plus a send timeout on TCP (ignored on a socket)."""
    return {"connect_timeout": timeout, "keepalives": 1, "keepalives_idle": 5,
            "keepalives_interval": 2, "keepalives_count": 2, "tcp_user_timeout": 6000}


NOTIFY_SQL = "SELECT pg_notify(:channel, :payload)"


def payload(origin: str, areas: Iterable[str]) -> str:
    return f"{origin} {','.join(sorted(areas))}"


def read_payload(text: str) -> tuple[str, frozenset[str]]:
    origin, _, areas = text.partition(" ")
    return origin, frozenset(a for a in areas.split(",") if a)


@dataclass(frozen=True)
class Change:
    """Areas that changed; ``origin`` names the database handle that changed them (so a
    window can tell its own changes); ``missed`` after a reconnection: anything may have."""

    areas: frozenset[str]
    origin: str = ""
    missed: bool = False
    at: float = field(default_factory=time.monotonic)


ChangeCallback = Callable[[Change], None]
ReachCallback = Callable[[bool], None]


class ChangeFeed:
    """Listens on the school's channel in a background thread (see the module's text)."""

    def __init__(self, url: str, schema: str | None = None, *, ping_every: float = 2.0,
                 first_retry: float = 0.5, longest_retry: float = 15.0,
                 connect_timeout: int = 5) -> None:
        self.url = url
        self.channel = channel_for(schema)
        self.ping_every = ping_every
        self.first_retry = first_retry
        self.longest_retry = longest_retry
        self.connect_timeout = connect_timeout
        self._on_change: list[ChangeCallback] = []
        self._on_reach: list[ReachCallback] = []
        self._counts: dict[str, int] = {}
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread: threading.Thread | None = None
        self._online: bool | None = None
        self.backend_pid: int | None = None  # the server's process for the feed (tests)

    @classmethod
    def for_database(cls, db: Database, **options: Any) -> ChangeFeed | None:
        """The feed of a PostgreSQL database; None on SQLite (one computer: nothing to hear)."""
        url = getattr(db, "url", None)
        if db.dialect != "postgresql" or not isinstance(url, str):
            return None
        return cls(url, getattr(db, "schema", None), **options)

    # -- subscribing ----------------------------------------------------------------------
    def subscribe(self, on_change: ChangeCallback) -> None:
        """``on_change(change)`` for every change, called on the feed's thread."""
        self._on_change.append(on_change)

    def on_reachability(self, callback: ReachCallback) -> None:
        """``callback(True/False)`` when the server becomes reachable or unreachable."""
        self._on_reach.append(callback)

    @property
    def online(self) -> bool | None:
        """Whether the server answered last; None before the first attempt."""
        return self._online

    # -- waiting (benchmarks, tests) ----------------------------------------------------------
    def count(self, area: str) -> int:
        """How many changes of ``area`` this feed has heard so far."""
        with self._cond:
            return self._counts.get(area, 0)

    def wait_for(self, area: str, timeout: float, after: int | None = None) -> float | None:
        """Wait until a change of ``area`` is heard beyond ``after`` changes (by default:
        beyond those heard already); the seconds waited, or None at the timeout."""
        start = time.monotonic()
        deadline = start + timeout
        with self._cond:
            seen = self._counts.get(area, 0) if after is None else after
            while self._counts.get(area, 0) <= seen:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
        return time.monotonic() - start

    def wait_until_online(self, online: bool, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._online is not online:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    # -- running ---------------------------------------------------------------------------
    def start(self, wait: float = 5.0) -> bool:
        """Start listening; True once listening (within ``wait`` seconds)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="change-feed", daemon=True)
            self._thread.start()
        return self._listening.wait(wait) if wait > 0 else self._listening.is_set()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
        self._listening.clear()

    def _run(self) -> None:
        import psycopg
        from psycopg.conninfo import make_conninfo

        from stpeters_desk.core.storage.postgres import connection_options

        conninfo = make_conninfo(self.url, **connection_options(self.url))  # TLS as the app's
        pause = self.first_retry
        heard_before = False
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(conninfo, autocommit=True, **connect_options(
                    self.connect_timeout))
            except psycopg.Error:
                self._set_online(False)
                self._stop.wait(pause)
                pause = min(pause * 2, self.longest_retry)
                continue
            try:
                conn.execute(f'LISTEN "{self.channel}"')
                self.backend_pid = conn.info.backend_pid
                self._listening.set()
                self._set_online(True)
                pause = self.first_retry
                if heard_before:  # what was said while away is lost: read everything again
                    self._deliver(Change(ALL_AREAS, missed=True))
                heard_before = True
                self._listen(conn)
            except psycopg.Error:
                self._listening.clear()
                self._set_online(False)
                self._stop.wait(pause)
                pause = min(pause * 2, self.longest_retry)
            finally:
                with contextlib.suppress(psycopg.Error):
                    conn.close()
        self._listening.clear()

    def _listen(self, conn: Any) -> None:
        last_ping = time.monotonic()
        while not self._stop.is_set():
            for note in conn.notifies(timeout=0.25):
                if note.channel == self.channel:
                    origin, areas = read_payload(note.payload)
                    self._deliver(Change(areas, origin))
            if time.monotonic() - last_ping >= self.ping_every:
                conn.execute("SELECT 1")  # raises when the server went away
                last_ping = time.monotonic()

    def _deliver(self, change: Change) -> None:
        with self._cond:
            for area in change.areas:
                self._counts[area] = self._counts.get(area, 0) + 1
            self._cond.notify_all()
        for callback in list(self._on_change):
            _call(callback, change)

    def _set_online(self, online: bool) -> None:
        with self._cond:
            changed = self._online is not online
            self._online = online
            self._cond.notify_all()
        if changed:
            for callback in list(self._on_reach):
                _call(callback, online)


def _call(callback: Callable[[Any], None], value: object) -> None:
    """A listener that fails (a window already gone) must not stop the feed."""
    try:
        callback(value)
    except Exception:  # logged, and the next listener still hears
        logging.getLogger(__name__).exception("a change-feed listener failed")
