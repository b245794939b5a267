"""What a week of a typical school costs in X API requests and billed reads.

X is paid per use: each post or account a read returns is billed. This replays one
week of a typical primary school through the real gateway (tweepy, OAuth signing)
against the local fake X API and counts every request the fake receives and every
resource it returns:

- 20 posts (4 each school day) through the outbox;
- 300 replies and mentions arriving over the five school days;
- 2,000 followers at the start, 10 more every day;
- the head opens Moderation twice a school day (a refresh) and Followers once a
  day (a sync); the window checks the account's promises every hour it is open
  (8 hours a school day).

The same week is replayed twice in one run: as the app behaves now, and with
every follower sync reading every follower (the behaviour before, the baseline).
Figures are printed; nothing is asserted.

    python benchmarks/x_costs.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("STPETERS_DESK_CONFIG_DIR", tempfile.mkdtemp(prefix="x-costs-config-"))

from stpeters_desk.core.invariants import check_account  # noqa: E402
from stpeters_desk.core.moderation_service import FollowerReview, ModerationInbox  # noqa: E402
from stpeters_desk.core.outbox import Outbox  # noqa: E402
from stpeters_desk.core.storage.db import open_database  # noqa: E402
from stpeters_desk.core.storage.moderation_store import ModerationStore  # noqa: E402
from stpeters_desk.core.storage.outbox_store import OutboxStore  # noqa: E402
from stpeters_desk.core.storage.settings import SettingsStore  # noqa: E402
from stpeters_desk.core.storage.usage_store import UsageStore  # noqa: E402
from stpeters_desk.core.x_usage import ReadBudget  # noqa: E402
from stpeters_desk.x.models import REAL  # noqa: E402
from stpeters_desk.x.tweepy_gateway import TweepyGateway  # noqa: E402
from tests.integration.conftest import DUMMY_CREDENTIALS  # noqa: E402
from tests.integration.fake_x_api import FakeUser, FakeXApi, route_to_fake  # noqa: E402

START = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # a Monday, the week within one month
FOLLOWERS_AT_START = 2_000
NEW_FOLLOWERS_A_DAY = 10
POSTS = 20
REPLIES = 300
SCHOOL_DAYS = 5
HOURS_OPEN = 8


def _no_audit(*_args: object) -> None:
    return None


def _week(full_follower_sync_every_time: bool) -> tuple[Counter[str], int]:
    """Requests per endpoint, and the posts and accounts billed (the app's own meter)."""
    creds = DUMMY_CREDENTIALS
    api = FakeXApi(creds.api_key, creds.api_secret, creds.access_token,
                   creds.access_token_secret).start()
    folder = Path(tempfile.mkdtemp(prefix="x-costs-"))
    db = open_database(folder)
    try:
        now = [START]
        state = api.state
        for number in range(FOLLOWERS_AT_START):
            state.new_follower(FakeUser(id=str(2_000_000 + number),
                                        username=f"follower_{number}_fake",
                                        name=f"Follower {number}"))
        parents = [state.add_user(FakeUser(id=str(3_000_000 + n), username=f"parent_{n}_fake",
                                           name=f"Parent {n}")) for n in range(40)]
        budget = ReadBudget(UsageStore(db), SettingsStore(db), REAL, clock=lambda: now[0])
        gateway = TweepyGateway(creds, budget)
        route_to_fake(gateway.client.session, api)
        clock: Callable[[], datetime] = lambda: now[0]  # noqa: E731
        outbox = Outbox(OutboxStore(db), REAL, clock=clock)
        inbox = ModerationInbox(ModerationStore(db), gateway, _no_audit)
        review = FollowerReview(ModerationStore(db), gateway, _no_audit, clock=clock)
        replies = posts = 0
        new_follower = FOLLOWERS_AT_START
        for day in range(7):
            school_day = day < SCHOOL_DAYS
            for _ in range(NEW_FOLLOWERS_A_DAY):
                state.new_follower(FakeUser(id=str(2_000_000 + new_follower),
                                            username=f"follower_{new_follower}_fake",
                                            name=f"Follower {new_follower}"))
                new_follower += 1
            if not school_day:
                now[0] = START + timedelta(days=day + 1)
                continue
            for hour in range(HOURS_OPEN):
                now[0] = START + timedelta(days=day, hours=hour)
                check_account(gateway)
                if hour in (1, 3, 5, 6) and posts < POSTS:
                    outbox.add(f"Class news number {posts + 1} from a busy school day.")
                    outbox.send_due(gateway)
                    posts += 1
                for _ in range(REPLIES // SCHOOL_DAYS // HOURS_OPEN):
                    if replies < REPLIES:
                        author = parents[replies % len(parents)]
                        state.add_mention(author, f"@StPetersDeskDemo lovely news {replies}",
                                          when=now[0])
                        replies += 1
                if hour in (4, 7):
                    inbox.refresh()
                if hour == 2:
                    review.sync(full=full_follower_sync_every_time)
        requests = Counter(_endpoint(r.method, r.path) for r in api.requests)
        return requests, budget.figures().usage.resources
    finally:
        db.close()
        api.stop()


def _endpoint(method: str, path: str) -> str:
    parts = ["{id}" if part.isdigit() and len(part) > 3 else part for part in path.split("/")]
    return f"{method} {'/'.join(parts)}"


def main() -> None:
    now_requests, now_reads = _week(full_follower_sync_every_time=False)
    base_requests, base_reads = _week(full_follower_sync_every_time=True)
    print("A week of a typical school: 20 posts, 300 replies, 2,000 followers (+10 a day)")
    print(f"{'endpoint':44} {'requests now':>13} {'before':>8}")
    for endpoint in sorted(set(now_requests) | set(base_requests)):
        print(f"{endpoint:44} {now_requests[endpoint]:>13,} {base_requests[endpoint]:>8,}")
    total_now, total_base = sum(now_requests.values()), sum(base_requests.values())
    print(f"{'all requests':44} {total_now:>13,} {total_base:>8,}")
    print(f"billed reads (posts and accounts returned): now {now_reads:,}, "
          f"before {base_reads:,}, ratio {now_reads / base_reads:.2f}")
    print(f"requests: ratio now/before {total_now / total_base:.2f}")


if __name__ == "__main__":
    main()
