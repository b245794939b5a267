"""Migration 21: the other secrets a removed computer held, rotated when it goes.

``roster_key_epochs`` lists each roster key after the first (a new one whenever a
computer is removed), ``roster_key_envelopes`` the new key sealed for each remaining
computer's X25519 key, as ``audit_key_envelopes`` does for the audit key. The names are
not stored, so the old fingerprints cannot be re-keyed: they are retired, and
``roster_imports.retired_reason`` marks the row that says so (the name guard then
refuses until the roster is imported again).

``x_keys_retired`` records each time the X account's keys had to be regenerated (the
removed computer may have held them): a computer posts to the real account only with
keys connected after the latest one.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(21, "roster key rotation, retired X keys", (
    """CREATE TABLE roster_key_epochs (
        epoch INTEGER PRIMARY KEY,
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL
    )""",
    """CREATE TABLE roster_key_envelopes (
        device_id TEXT NOT NULL,
        epoch INTEGER NOT NULL,
        ephemeral TEXT NOT NULL,
        nonce BLOB NOT NULL,
        sealed BLOB NOT NULL,
        PRIMARY KEY (device_id, epoch)
    )""",
    "ALTER TABLE roster_imports ADD COLUMN retired_reason TEXT",
    """CREATE TABLE x_keys_retired (
        generation INTEGER PRIMARY KEY,
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
))
