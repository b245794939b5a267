"""Migration 15: the pictures on replies, and what the offline check said of each.

``moderation_media``: one row per picture of a reply that was assessed (post id and X's
media key), where its downloaded copy is kept (relative to the data folder; empty when it
could not be downloaded), and the check's result: "flagged" (the picture may be
unsuitable), "ok", or "unchecked" (download or detector failed: the reply went to
review). The score is the detector's highest exposed-nudity score, in thousandths.
Rows and files go when the reply is forgotten.

``sandbox_mention_media``: the practice account's invented pictures on replies (plain
generated images, never photos of anyone), served by the sandbox gateway.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(15, "pictures on replies", (
    "CREATE TABLE moderation_media ("
    " account_kind TEXT NOT NULL,"
    " post_id TEXT NOT NULL,"
    " media_key TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " url TEXT NOT NULL,"
    " local_path TEXT NOT NULL DEFAULT '',"
    " result TEXT NOT NULL,"
    " score INTEGER NOT NULL DEFAULT 0,"
    " checked_at TEXT NOT NULL,"
    " PRIMARY KEY (account_kind, post_id, media_key))",
    "CREATE TABLE sandbox_mention_media ("
    " post_id TEXT NOT NULL,"
    " media_key TEXT NOT NULL,"
    " position INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " mime_type TEXT NOT NULL,"
    " data BLOB NOT NULL,"
    " PRIMARY KEY (post_id, media_key))",
))
