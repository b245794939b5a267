"""Migration 3: the pupil roster, as keyed hashes of name forms only.

No column here can hold a child's name: ``roster_name_forms`` keeps an
HMAC-SHA256 digest per name form (the key lives in the OS keyring), what kind
of form it is and whether it is also an everyday word; ``roster_imports`` keeps
counts and dates for the roster screen; ``roster_groups`` keeps how many pupils
each year or class has.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(3, "pupil roster as hashed name forms", (
        """CREATE TABLE roster_name_forms (
            digest BLOB NOT NULL,
            kind TEXT NOT NULL,
            common_word INTEGER NOT NULL,
            PRIMARY KEY (digest, kind)
        )""",
        """CREATE TABLE roster_imports (
            id INTEGER PRIMARY KEY,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            pupil_count INTEGER NOT NULL,
            form_count INTEGER NOT NULL,
            key_check BLOB NOT NULL
        )""",
        """CREATE TABLE roster_groups (
            label TEXT PRIMARY KEY,
            pupil_count INTEGER NOT NULL
        )""",
    ))
