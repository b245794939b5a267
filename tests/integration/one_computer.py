"""One of the school's computers, as a separate process, for the several-computers test.

``python -m tests.integration.one_computer URL SCHEMA DATA_DIR`` opens the shared
database, starts the change feed and answers one command per line on stdin; each
answer is one line on stdout, with ``time.time()`` where the test measures a delay
(both processes run on one machine, so their clocks agree):

    watch-awaiting TEXT    -> "watching", then "seen ID T" once TEXT waits for approval
    submit STAFF_ID TEXT   -> "submitted ID T"
    approve STAFF_ID ID    -> "approved STATUS T"
    watch-status ID STATUS -> "watching", then "seen T" once the submission has STATUS
    watch-hidden POST_ID   -> "watching", then "seen T" once the reply shows as hidden
    hide STAFF_ID POST_ID  -> "hidden T"
    quit
Every wait uses the feed (``ChangeFeed.wait_for``), never a poll of the database.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.change_feed import APPROVALS, MODERATION, ChangeFeed
from stpeters_desk.core.storage.db import open_database
from stpeters_desk.core.storage.moderation_store import HIDDEN
from stpeters_desk.ops.approvals import Approvals
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.moderation import moderation_ops
from stpeters_desk.x.sandbox import SandboxGateway

TIMEOUT = 30.0


def say(*words: object) -> None:
    print(*words, flush=True)


def main(url: str, schema: str, data_dir: str) -> None:
    db = open_database(url, schema=schema)
    services = DeskServices.for_school(db, SandboxGateway(db), Path(data_dir))
    feed = ChangeFeed.for_database(db)
    assert feed is not None and feed.start(wait=10)
    staff, queue = services.staff, services.approvals
    assert staff is not None and queue is not None
    approvals = Approvals(services, queue)
    moderation = moderation_ops(services)

    def as_member(staff_id: str) -> None:
        services.member = staff.member(int(staff_id))

    def until(area: str, done: Callable[[], bool]) -> None:
        seen = feed.count(area)
        say("watching")
        deadline = time.monotonic() + TIMEOUT
        while not done():
            if feed.wait_for(area, deadline - time.monotonic(), after=seen) is None:
                raise SystemExit(f"nothing heard in {area} within {TIMEOUT} s")
            seen = feed.count(area)

    def handle(command: str, rest: str) -> None:
        if command == "watch-awaiting":
            found: list[int] = []

            def waiting() -> bool:
                found[:] = [i.submission_id for i in queue.awaiting() if i.text == rest]
                return bool(found)
            until(APPROVALS, waiting)
            say("seen", found[0], time.time())
        elif command == "submit":
            staff_id, text = rest.split(" ", 1)
            as_member(staff_id)
            item = approvals.submit(session_of(services), text)
            say("submitted", item.submission_id, time.time())
        elif command == "approve":
            staff_id, submission_id = rest.split()
            as_member(staff_id)
            item = approvals.approve(session_of(services), int(submission_id))
            say("approved", item.status, time.time())
        elif command == "watch-status":
            number, status = rest.split()
            until(APPROVALS, lambda: queue.get(int(number)).status == status)
            say("seen", time.time())
        elif command == "watch-hidden":
            until(MODERATION, lambda: any(i.post_id == rest and i.status == HIDDEN
                                          for i in moderation.items(500)))
            say("seen", time.time())
        elif command == "hide":
            staff_id, post_id = rest.split()
            as_member(staff_id)
            moderation.hide(session_of(services), post_id, "Unkind words about a pupil")
            say("hidden", time.time())
        else:
            raise SystemExit(f"unknown command {command!r}")

    say("ready")
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "quit":
            break
        handle(command, rest)
    feed.stop()
    db.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
