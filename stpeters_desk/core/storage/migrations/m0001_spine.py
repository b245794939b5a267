"""Migration 1: settings, drafts, outbox, audit log and the sandbox account."""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(1, "settings, drafts, outbox, audit log, sandbox account", (
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE drafts (
            slot TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            client_ref TEXT NOT NULL UNIQUE,
            account_kind TEXT NOT NULL,
            text TEXT NOT NULL,
            reply_to TEXT,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            posted_id TEXT,
            created_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE outbox_photos (
            outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            data BLOB NOT NULL,
            mime_type TEXT NOT NULL,
            alt_text TEXT NOT NULL,
            PRIMARY KEY (outbox_id, position)
        )""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE sandbox_account (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            handle TEXT NOT NULL,
            name TEXT NOT NULL,
            seeded_at TEXT NOT NULL
        )""",
        """CREATE TABLE sandbox_users (
            user_id TEXT PRIMARY KEY,
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
            follows_school INTEGER NOT NULL,
            school_follows INTEGER NOT NULL DEFAULT 0,
            blocked INTEGER NOT NULL DEFAULT 0,
            muted INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE sandbox_posts (
            post_id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            media_count INTEGER NOT NULL DEFAULT 0,
            reply_to TEXT,
            like_count INTEGER NOT NULL DEFAULT 0,
            reply_count INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE sandbox_media (
            post_id TEXT NOT NULL REFERENCES sandbox_posts(post_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            mime_type TEXT NOT NULL,
            alt_text TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (post_id, position)
        )""",
        """CREATE TABLE sandbox_mentions (
            post_id TEXT PRIMARY KEY,
            author_id TEXT NOT NULL REFERENCES sandbox_users(user_id),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            in_reply_to_post_id TEXT,
            hidden INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX outbox_status ON outbox(status, next_attempt_at)",
        "CREATE INDEX sandbox_mentions_created ON sandbox_mentions(created_at)",
    ))
