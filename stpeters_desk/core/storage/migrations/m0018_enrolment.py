"""Migration 18: one school on a shared server, and the computers that join it.

``school_identity`` holds one random id, made by the first computer that sets the
school up on a database: each computer keeps the school's secrets (the audit chain's
key, the roster's key) in its own keyring under that id, so two schools (or a school
and its practice copy) never share keyring entries.

``enrolment_offers`` holds one-time enrolment codes: the secrets a new computer needs,
sealed with a key derived from the code's secret part by Argon2id (salt and cost kept
beside it), encrypted with AES-GCM. Neither the code nor any fast hash of it is stored;
``offer_id`` is the code's short public first group, by which the offer is found.

``school_computers`` lists the computers that joined, and the ones removed, with each
one's X25519 public key. When a computer is removed the audit chain gets a new key from
the next entry on (``audit_key_epochs``: the first entry of each new key), sealed for
each remaining computer's public key in ``audit_key_envelopes``.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(18, "school identity, enrolment codes, school computers", (
    """CREATE TABLE school_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        school_id TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE enrolment_offers (
        offer_id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_on TEXT NOT NULL,
        may_post INTEGER NOT NULL DEFAULT 0,
        kdf_salt BLOB,
        kdf_time INTEGER NOT NULL,
        kdf_memory INTEGER NOT NULL,
        nonce BLOB,
        sealed BLOB,
        failures INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'open',
        closed_at TEXT,
        used_by TEXT
    )""",
    """CREATE TABLE school_computers (
        device_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        joined_with TEXT NOT NULL,
        may_post INTEGER NOT NULL DEFAULT 0,
        removed_at TEXT,
        removed_by TEXT,
        public_key TEXT
    )""",
    """CREATE TABLE audit_key_epochs (
        from_id INTEGER PRIMARY KEY,
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL
    )""",
    """CREATE TABLE audit_key_envelopes (
        device_id TEXT NOT NULL,
        from_id INTEGER NOT NULL,
        ephemeral TEXT NOT NULL,
        nonce BLOB NOT NULL,
        sealed BLOB NOT NULL,
        PRIMARY KEY (device_id, from_id)
    )""",
))
