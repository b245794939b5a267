"""Migration 5: tweets submitted for approval, and scheduled tweets.

One row per tweet on its way to the account, whatever its queue: a draft,
waiting for approval, scheduled, handed to the outbox, rejected or
withdrawn. ``original_text`` keeps the author's words when an approver
edits them before approving. ``version`` goes up with every change, so an
approval never applies to text the approver did not see. Times are UTC ISO
8601 text, so text order is time order.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(5, "approvals and scheduled tweets", (
        """CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            author_id INTEGER NOT NULL REFERENCES staff(id),
            author_name TEXT NOT NULL,
            status TEXT NOT NULL,
            text TEXT NOT NULL,
            original_text TEXT NOT NULL,
            scheduled_for TEXT,
            submitted_at TEXT,
            approved_by TEXT NOT NULL DEFAULT '',
            approved_at TEXT,
            rejected_by TEXT NOT NULL DEFAULT '',
            rejection_note TEXT NOT NULL DEFAULT '',
            released_by TEXT NOT NULL DEFAULT '',
            released_at TEXT,
            outbox_id INTEGER,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE submission_photos (
            submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            data BLOB NOT NULL,
            mime_type TEXT NOT NULL,
            alt_text TEXT NOT NULL,
            PRIMARY KEY (submission_id, position)
        )""",
        "CREATE INDEX submissions_queue ON submissions(status, scheduled_for)",
        "CREATE INDEX submissions_author ON submissions(author_id, status)",
    ))
