"""Migration 7: the outbox posts exactly once (issue 13).

* ``lease_owner`` / ``lease_expires_at``: the process sending an item holds a lease
  on it, renewed while it waits for X. Another window, or another computer later,
  cannot take the item while the lease runs; once it has run out (the owner died)
  the item is taken over, and X is checked before anything is sent again.
* ``first_attempt_at`` / ``last_attempt_at``: when the outbox first and last
  handed the item to X. X cannot have the post from before the first attempt, and
  a post from the last attempt may take a little while to show in the timeline.
* A post id belongs to one item at most. Copies made by the old matching (a tweet
  never posted marked as posted with another item's post) are set aside for a person
  to look at, keeping the first item that named the post.
"""

from __future__ import annotations

from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.migrations.base import Migration
from stpeters_desk.i18n import translate


def _one_item_per_post(conn: Connection) -> None:
    """Set aside later items sharing a post id, then let the index forbid it for good."""
    why = translate("Outbox", "The app once took this tweet for another one already on X. "
                              "Check the school's timeline and post it again only if it is "
                              "not there.")
    conn.execute(
        "UPDATE outbox SET status = :attention, posted_id = NULL, last_error = :why "
        "WHERE posted_id IS NOT NULL AND id > "
        "(SELECT MIN(o.id) FROM outbox o WHERE o.posted_id = outbox.posted_id)",
        {"attention": "needs_attention", "why": why})
    conn.execute("CREATE UNIQUE INDEX outbox_posted_id ON outbox(posted_id)")


MIGRATION = Migration(7, "outbox leases and attempt times", (
        "ALTER TABLE outbox ADD COLUMN lease_owner TEXT",
        "ALTER TABLE outbox ADD COLUMN lease_expires_at TEXT",
        "ALTER TABLE outbox ADD COLUMN first_attempt_at TEXT",
        "ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT",
    ), apply=_one_item_per_post)
