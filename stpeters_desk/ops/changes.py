"""What the window hears of other computers' changes, and of the server being away.

The window never opens storage itself (``tests/test_ui_goes_through_ops.py``); it asks
here for the change feed of its database (``core.storage.change_feed``: None on SQLite,
where one computer has nothing to hear) and learns the areas' names and the
"server unreachable" error from here.
"""

from __future__ import annotations

from collections.abc import Callable

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.change_feed import (
    ALL_AREAS,
    APPROVALS,
    DRAFTS,
    FOLLOWERS,
    MODERATION,
    OUTBOX,
    ROSTER,
    SETTINGS,
    STAFF,
    Change,
    ChangeFeed,
)
from stpeters_desk.core.storage.db import ServerUnreachable

__all__ = ["ALL_AREAS", "APPROVALS", "DRAFTS", "FOLLOWERS", "MODERATION", "OUTBOX",
           "ROSTER", "SETTINGS", "STAFF", "Change", "ChangeFeed", "ServerUnreachable",
           "change_feed_of", "change_marker_of", "is_unreachable", "origin_of"]


def change_feed_of(services: DeskServices) -> ChangeFeed | None:
    """A feed (not started) on the window's shared database; None on SQLite."""
    if services.db is None:
        return None
    return ChangeFeed.for_database(services.db)


def origin_of(services: DeskServices) -> str | None:
    """How the feed names this window's own changes (None on SQLite)."""
    origin = getattr(services.db, "origin", None)
    return origin if isinstance(origin, str) else None


def change_marker_of(services: DeskServices) -> Callable[[], int | None]:
    """What the 30-s refresh checks first: on SQLite a number that changes only when
    something else committed (so an idle window reads nothing); None means "read"."""
    db = services.db

    def marker() -> int | None:
        return None if db is None else db.change_marker()
    return marker


def is_unreachable(error: BaseException) -> bool:
    """Whether an operation failed because the school's database server is away."""
    return isinstance(error, ServerUnreachable)
