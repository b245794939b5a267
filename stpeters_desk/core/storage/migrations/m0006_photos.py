"""Migration 6: prepared photos, waiting in the Photos tab's "Ready to attach" list.

A row holds a photo after the safe export: its bytes are re-encoded from pixels alone,
so nothing the camera recorded is stored. ``thumbnail`` is a small copy made from those
same clean pixels, so lists never decode the full photo. ``removed`` keeps the lines
that told staff what the export took out (one per line), for the record.

The two confirmations keep who gave them and when: a photo reaches a tweet only once
someone has looked at every face and someone has confirmed that every child shown has
photo consent. ``used_at`` is set when the photo went into a post. Times are UTC ISO
8601 text, so text order is time order.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(6, "prepared photos", (
        """CREATE TABLE prepared_photos (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            data BLOB NOT NULL,
            mime_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            thumbnail BLOB NOT NULL,
            alt_text TEXT NOT NULL DEFAULT '',
            removed TEXT NOT NULL DEFAULT '',
            faces_covered INTEGER NOT NULL DEFAULT 0,
            prepared_by TEXT NOT NULL,
            faces_checked_by TEXT NOT NULL DEFAULT '',
            faces_checked_at TEXT,
            consent_confirmed_by TEXT NOT NULL DEFAULT '',
            consent_confirmed_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            used_at TEXT,
            used_in TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX prepared_photos_unused ON prepared_photos(used_at, created_at)",
    ))
