"""Migration 12: unblocks the head teacher approved that X has not yet confirmed.

An unblock is a hand-off: the head's PIN approves it here, a person finishes it on
x.com, and the app confirms it when the account's blocked list no longer shows the
account. Until now the waiting unblocks lived only in the Followers tab, so signing
out, an idle lock or a restart forgot them and nobody was reminded to finish one.
One row per account, kept until the blocked list confirms the unblock.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(12, "pending unblocks kept until X confirms them", (
    """CREATE TABLE moderation_unblocks (
        account_kind TEXT NOT NULL,
        user_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        requested_by TEXT NOT NULL,
        approved_by TEXT NOT NULL DEFAULT '',
        requested_at TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (account_kind, user_id)
    )""",
))
