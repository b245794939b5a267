"""Ten computers, one school: how quickly a change shows everywhere, and the outbox's pace.

Ten processes stand for ten computers. Each opens the school's PostgreSQL database with
its own connections (``open_database(url)``, as the app does), against one throw-away
local server: the one STPETERS_TEST_POSTGRES_URL (or STPETERS_BENCH_POSTGRES_URL) names,
else a cluster this script starts with scripts/throwaway-postgres.sh and stops at the
end. Everything happens in a schema of its own, dropped at the end.

1. **A change appears on the others.** Each round one computer (in turn) hides a reply
   in the Moderation inbox (or shows it again), the same store call the tab makes; the
   nine others wait until their own read of the inbox says so. Printed: the median and
   the worst time from the change's commit to a computer seeing it.

   How the others notice is a *feed* (``FEEDS``): ``notify`` waits for the app's change
   feed (``core.storage.change_feed``, LISTEN/NOTIFY) and then reads the table once; it
   is used whenever the app has that module. ``poll`` reads the table every
   ``--interval`` seconds (the figures are then about the interval plus a read): the
   only way before the feed, and the fallback to compare it with (``--feed poll``).

2. **Outbox throughput.** ``--items`` tweets are queued; the ten computers then race to
   send them with the app's own outbox (``core.outbox.Outbox``: the lease, the look on
   X before a tweet it did not queue itself is sent) to a practice account that takes
   ``--x-latency`` seconds per post, as X's API does. Printed: tweets sent per second,
   and the double posts (every post call is counted per tweet: it must be 0) and the
   tweets left unsent (0). The audit log the ten wrote together is verified.

No timed assertions: the figures depend on the machine.

    python benchmarks/several_computers.py [--computers 10] [--rounds 30] [--items 300]
        [--feed poll] [--interval 0.05] [--x-latency 0.05]
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stpeters_desk.core.storage.db import Database, open_database  # noqa: E402

KIND = "sandbox"
URL_ENVS = ("STPETERS_BENCH_POSTGRES_URL", "STPETERS_TEST_POSTGRES_URL")
BENCH_PORT = "55490"  # for the cluster this script starts (CI's own uses 55432)


# -- how a computer notices a change ------------------------------------------------------------
class Feed(Protocol):
    """How a computer learns that something changed: ``wait_until`` returns the moment
    (``time.monotonic()``) ``seen()`` first said yes, or None after ``timeout`` seconds."""

    description: str

    def wait_until(self, db: Database, seen: Callable[[], bool], timeout: float
                   ) -> float | None: ...


@dataclass(frozen=True)
class Polling:
    interval: float

    @property
    def description(self) -> str:
        without = "" if "notify" in FEEDS else " (this copy of the app has no change feed)"
        return (f"polling: each computer reads the table every {self.interval * 1000:.0f} ms"
                + without)

    def wait_until(self, db: Database, seen: Callable[[], bool], timeout: float
                   ) -> float | None:
        deadline = time.monotonic() + timeout
        while True:
            if seen():
                return time.monotonic()
            if time.monotonic() > deadline:
                return None
            time.sleep(self.interval)


class Notified:
    """The app's change feed (``core.storage.change_feed``, LISTEN/NOTIFY): wait for the
    server's notification that the Moderation inbox changed, then read it once."""

    description = "the change feed: LISTEN/NOTIFY, then one read of the table"

    def __init__(self, _interval: float) -> None:
        self._feed: Any = None

    def wait_until(self, db: Database, seen: Callable[[], bool], timeout: float
                   ) -> float | None:
        from stpeters_desk.core.storage.change_feed import MODERATION, ChangeFeed

        if self._feed is None:
            self._feed = ChangeFeed.for_database(db)
            self._feed.start()
        deadline = time.monotonic() + timeout
        while True:
            count = self._feed.count(MODERATION)
            if seen():
                return time.monotonic()
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._feed.wait_for(MODERATION, timeout=left, after=count)


# name -> feed made from --interval; "notify" once the change feed is in the app.
FEEDS: dict[str, Callable[[float], Feed]] = {"poll": Polling}
if importlib.util.find_spec("stpeters_desk.core.storage.change_feed") is not None:
    FEEDS["notify"] = Notified
DEFAULT_FEED = "notify" if "notify" in FEEDS else "poll"


# -- one computer ---------------------------------------------------------------------------------
def computer(index: int, url: str, schema: str, feed_name: str, interval: float,
             x_latency: float, barrier: Any, commands: Any, results: Any) -> None:
    """One simulated computer: its own process, its own database connections."""
    from stpeters_desk.core.storage.moderation_store import ModerationStore

    db = open_database(url, schema=schema)
    feed = FEEDS[feed_name](interval)
    store = ModerationStore(db)
    try:
        while (command := commands.get())[0] != "stop":
            if command[0] == "round":
                _, writer, post_id, status = command
                barrier.wait()
                if index == writer:
                    # at a random moment between two of the others' reads, as in a school
                    time.sleep(random.uniform(0.0, interval))
                    store.set_status(KIND, post_id, status, f"computer {index}")
                    results.put(("changed", index, time.monotonic()))
                else:
                    def seen(post_id: str = post_id, status: str = status) -> bool:
                        mention = store.mention(KIND, post_id)
                        return mention is not None and mention.status == status
                    results.put(("seen", index, feed.wait_until(db, seen, 30.0)))
            elif command[0] == "send":
                results.put(("sent", index, *_send_everything(db, index, x_latency, barrier)))
    finally:
        db.close()


def _send_everything(db: Database, index: int, x_latency: float, barrier: Any
                     ) -> tuple[float, float, list[str], int]:
    from stpeters_desk.core.outbox import Outbox
    from stpeters_desk.core.storage.outbox_store import OutboxStore
    from stpeters_desk.x.models import Post
    from stpeters_desk.x.sandbox import SandboxGateway

    calls: list[str] = []

    class PracticeX(SandboxGateway):
        """The practice account, a little slow like X, counting every post call."""

        def __init__(self) -> None:
            super().__init__(db)
            self._sequence = itertools.count((index + 1) * 100_000)  # no shared post ids

        def post(self, text: str, photos: Any = (), reply_to: str | None = None,
                 reply_settings: str | None = None) -> Post:
            calls.append(text)
            time.sleep(x_latency)
            return super().post(text, photos, reply_to, reply_settings)

    gateway = PracticeX()
    outbox = Outbox(OutboxStore(db), KIND, device=f"computer {index}")
    barrier.wait()
    started = time.monotonic()
    sent = 0
    while results := outbox.send_due(gateway):
        sent += sum(1 for r in results if r.posted_id and not r.already_on_x)
    return started, time.monotonic(), calls, sent


# -- the server ---------------------------------------------------------------------------
@contextmanager
def server() -> Iterator[str]:
    for name in URL_ENVS:
        if os.environ.get(name):
            yield os.environ[name]
            return
    script = ROOT / "scripts" / "throwaway-postgres.sh"
    shell = subprocess.Popen(
        ["bash", "-c", f'source "{script}" >&2; echo "${{STPETERS_TEST_POSTGRES_URL:-}}"; '
                       "read -r _"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "STPETERS_PG_PORT": BENCH_PORT})
    assert shell.stdout is not None and shell.stdin is not None
    url = shell.stdout.readline().strip()
    try:
        if not url:
            raise SystemExit("No PostgreSQL here: install Debian's postgresql package, or set "
                             "STPETERS_BENCH_POSTGRES_URL.")
        yield url
    finally:
        shell.stdin.close()  # the shell ends, and its trap stops the cluster
        shell.wait(timeout=60)


@contextmanager
def scratch_schema(url: str) -> Iterator[str]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    try:
        yield name
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


def prepare(db: Database) -> list[str]:
    """The practice account and its replies in the Moderation inbox; returns their ids."""
    from stpeters_desk.core.storage.moderation_store import AssessedMention, ModerationStore
    from stpeters_desk.x.sandbox import SandboxGateway

    mentions = SandboxGateway(db).mentions(limit=100)
    ModerationStore(db).save_mentions(KIND, [AssessedMention(m, "fine", 0.0, ())
                                             for m in mentions])
    return [m.post_id for m in mentions]


# -- the two measurements ----------------------------------------------------------------
def measure_appearance(db: Database, post_ids: list[str], computers: int, rounds: int,
                       barrier: Any, commands: list[Any], results: Any) -> list[float]:
    from stpeters_desk.core.storage.moderation_store import HIDDEN, NEW, ModerationStore

    store = ModerationStore(db)
    delays: list[float] = []
    missed = 0
    for round_number in range(rounds):
        post_id = post_ids[round_number % len(post_ids)]
        mention = store.mention(KIND, post_id)
        status = NEW if mention is not None and mention.status == HIDDEN else HIDDEN
        writer = round_number % computers
        for queue in commands:
            queue.put(("round", writer, post_id, status))
        changed_at, seen = 0.0, []
        for _ in range(computers):
            kind, _index, moment = results.get(timeout=60)
            if kind == "changed":
                changed_at = moment
            elif moment is None:
                missed += 1
            else:
                seen.append(moment)
        delays += [max(0.0, moment - changed_at) for moment in seen]
    if missed:
        print(f"  {missed} computers did not see a change within 30 s")
    return delays


def measure_outbox(db: Database, items: int, computers: int, barrier: Any,
                   commands: list[Any], results: Any) -> None:
    from stpeters_desk.core.audit import AuditTrail
    from stpeters_desk.core.outbox import Outbox
    from stpeters_desk.core.storage.outbox_store import POSTED, OutboxStore

    # Queued five minutes ago (while X was unreachable, say): then any computer may send
    # an item, after looking for it on X. A tweet queued moments ago by another computer
    # is left to it for two minutes (core.outbox: TIMELINE_DELAY).
    queued_at = datetime.now(UTC) - timedelta(minutes=5)
    queue = Outbox(OutboxStore(db), KIND, clock=lambda: queued_at, device="the office PC")
    texts = [f"Benchmark tweet {n} from the office, {uuid.uuid4().hex[:8]}" for n in
             range(items)]
    for text in texts:
        queue.add(text, created_by="Benchmark")
    for command_queue in commands:
        command_queue.put(("send",))
    starts, ends, calls, sent_by = [], [], [], []
    for _ in range(computers):
        _kind, _index, started, ended, posted, sent = results.get(timeout=600)
        starts.append(started)
        ends.append(ended)
        calls += posted
        sent_by.append(sent)
    seconds = max(ends) - min(starts)
    double = sum(1 for text in set(calls) if calls.count(text) > 1)
    unsent = len(OutboxStore(db).open_items(KIND))
    statuses = db.query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
    for row in db.query("SELECT status, last_error FROM outbox WHERE status <> :posted",
                        {"posted": POSTED}):
        print(f"    not sent: {row['status']} ({row['last_error']})")
    done = sum(int(r["n"]) for r in statuses if r["status"] == POSTED)
    print(f"  {items} tweets sent by {computers} computers racing: {seconds:.2f} s, "
          f"{items / seconds:.1f} tweets per second")
    print(f"  double posts: {double}; tweets posted: {done}; left unsent: {unsent}; "
          f"per computer: {sorted(sent_by, reverse=True)}")
    verified = AuditTrail(db).verify()
    print(f"  audit log written by all of them: {verified.message}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--computers", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--feed", choices=sorted(FEEDS), default=DEFAULT_FEED,
                        help="how the others notice a change (default: the change feed "
                             "when the app has one, else polling)")
    parser.add_argument("--interval", type=float, default=0.05,
                        help="seconds between two reads when polling")
    parser.add_argument("--x-latency", type=float, default=0.05,
                        help="seconds the practice account takes per post")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    with server() as url, scratch_schema(url) as schema:
        db = open_database(url, schema=schema)
        post_ids = prepare(db)
        barrier = context.Barrier(args.computers)
        commands = [context.Queue() for _ in range(args.computers)]
        results = context.Queue()
        processes = [context.Process(target=computer, args=(
            i, url, schema, args.feed, args.interval, args.x_latency, barrier, commands[i],
            results)) for i in range(args.computers)]
        for process in processes:
            process.start()
        try:
            print(f"{args.computers} computers, one PostgreSQL server "
                  f"({db.query_one('SHOW server_version')[0]})")  # type: ignore[index]
            print(f"A change on one computer appearing on the others ({args.rounds} rounds, "
                  f"{FEEDS[args.feed](args.interval).description}):")
            delays = measure_appearance(db, post_ids, args.computers, args.rounds, barrier,
                                        commands, results)
            if delays:
                print(f"  median {statistics.median(delays) * 1000:.0f} ms, worst "
                      f"{max(delays) * 1000:.0f} ms over {len(delays)} sightings")
            else:
                print("  nothing to measure: it takes two computers")
            print(f"Outbox throughput (X takes {args.x_latency * 1000:.0f} ms per post):")
            measure_outbox(db, args.items, args.computers, barrier, commands, results)
        finally:
            for queue in commands:
                queue.put(("stop",))
            for process in processes:
                process.join(timeout=30)
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
