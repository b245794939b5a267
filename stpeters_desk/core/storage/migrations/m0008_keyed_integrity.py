"""Migration 8: the audit chain keyed with a secret, and a seal over the security state.

``audit_chain_head.keyed_from_id`` is the first entry whose hash is an HMAC with
the key kept in the OS keyring (NULL: not keyed yet). Entries before it keep
the plain SHA-256 hashes they were written with, so anything copied or
exported before the upgrade still checks. ``integrity_seal`` holds one keyed
hash per part of the security state (staff, permissions, lockouts, the
recovery code, registered computers, security settings), bound to the last
audit entry, so that editing the file is noticed. Both are filled in by the
app once it has the key (``stpeters_desk.core.integrity``), not here: a
migration never reads the keyring.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(8, "keyed audit chain and security seal", (
    "ALTER TABLE audit_chain_head ADD COLUMN keyed_from_id INTEGER",
    """CREATE TABLE integrity_seal (
        part TEXT PRIMARY KEY,
        mac TEXT NOT NULL
    )""",
))
