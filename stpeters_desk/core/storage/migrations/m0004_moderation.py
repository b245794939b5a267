"""Migration 4: the moderation inbox, follower review and block hand-offs.

Every row carries ``account_kind`` (sandbox or real) so that practising on
the sandbox never mixes with the real account's decisions. Scores are stored
in thousandths (0-1000) to keep to INTEGER, TEXT and BLOB; reasons are one a
line. Who decided what is kept here for the tabs; the audit log keeps the
full history.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(4, "moderation inbox, follower review and blocks", (
        """CREATE TABLE moderation_mentions (
            account_kind TEXT NOT NULL,
            post_id TEXT NOT NULL,
            author_id TEXT NOT NULL,
            author_handle TEXT NOT NULL,
            author_name TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            in_reply_to_post_id TEXT,
            level TEXT NOT NULL,
            score INTEGER NOT NULL,
            reasons TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            decided_by TEXT NOT NULL DEFAULT '',
            decided_at TEXT,
            decision_note TEXT NOT NULL DEFAULT '',
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (account_kind, post_id)
        )""",
        "CREATE INDEX moderation_mentions_inbox ON moderation_mentions"
        "(account_kind, status, level, score)",
        "CREATE INDEX moderation_mentions_author ON moderation_mentions(account_kind, author_id)",
        """CREATE TABLE moderation_followers (
            account_kind TEXT NOT NULL,
            user_id TEXT NOT NULL,
            handle TEXT NOT NULL,
            name TEXT NOT NULL,
            bio TEXT NOT NULL,
            location TEXT NOT NULL,
            created_at TEXT,
            followers_count INTEGER NOT NULL,
            following_count INTEGER NOT NULL,
            tweet_count INTEGER NOT NULL,
            profile_image_url TEXT NOT NULL,
            verified INTEGER NOT NULL,
            protected INTEGER NOT NULL,
            first_seen_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            seen_in_sync INTEGER NOT NULL,
            still_following INTEGER NOT NULL DEFAULT 1,
            risk_score INTEGER NOT NULL DEFAULT 0,
            risk_reasons TEXT NOT NULL DEFAULT '',
            reviewed_by TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT,
            watchlist INTEGER NOT NULL DEFAULT 0,
            trusted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (account_kind, user_id)
        )""",
        "CREATE INDEX moderation_followers_review ON moderation_followers"
        "(account_kind, still_following, first_seen_at, risk_score)",
        """CREATE TABLE moderation_blocks (
            account_kind TEXT NOT NULL,
            user_id TEXT NOT NULL,
            handle TEXT NOT NULL,
            status TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            confirmed_at TEXT,
            PRIMARY KEY (account_kind, user_id)
        )""",
        """CREATE TABLE moderation_marks (
            account_kind TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (account_kind, name)
        )""",
    ))
