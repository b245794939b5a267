"""Migration 2: staff, PIN lockouts, the permissions table, registered computers,
posting exceptions, and the tamper-evident audit chain.

The permissions are seeded with the values the school's policy gave in 2017
(written out here, not read from ``roles``, so this migration never changes
meaning). Entries already in the audit log are brought into the hash chain
in their existing order.
"""

from __future__ import annotations

from stpeters_desk.core.storage.audit_chain import GENESIS_HASH, canonical_content, chain_hash
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.migrations.base import Migration

_DEFAULT_PERMISSIONS = {
    "head": ("post", "submit", "approve", "moderate", "manage_followers", "view_audit",
             "manage_staff", "change_credentials", "register_devices"),
    "esafety": ("moderate", "manage_followers", "view_audit", "submit"),
    "teacher": ("submit",),
    "secretary": ("post", "submit"),
}


def _seed_permissions() -> tuple[str, ...]:
    return tuple(
        f"INSERT INTO role_permissions (role, permission) VALUES ('{role}', '{permission}')"
        for role, permissions in _DEFAULT_PERMISSIONS.items() for permission in permissions)


def chain_existing_entries(conn: Connection) -> None:
    """Hash the entries written before the chain existed, oldest first, and record the head."""
    rows = conn.execute("SELECT id, at, actor, device, action, target, reason, detail "
                        "FROM audit_log ORDER BY id").fetchall()
    prev = GENESIS_HASH
    last_id = 0
    for row in rows:
        content = canonical_content(int(row[0]), row[1], row[2], row[3], row[4], row[5],
                                    row[6], row[7])
        entry_hash = chain_hash(prev, content)
        conn.execute("UPDATE audit_log SET prev_hash = :prev, entry_hash = :hash WHERE id = :id",
                     {"prev": prev, "hash": entry_hash, "id": int(row[0])})
        prev, last_id = entry_hash, int(row[0])
    conn.execute("INSERT INTO audit_chain_head (id, last_id, last_hash, entries) "
                 "VALUES (1, :id, :hash, :n)", {"id": last_id, "hash": prev, "n": len(rows)})


MIGRATION = Migration(2, "staff, PINs, permissions, devices, audit chain", (
        """CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            approver INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            pin_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE pin_lockouts (
            subject TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure_at TEXT NOT NULL
        )""",
        """CREATE TABLE role_permissions (
            role TEXT NOT NULL,
            permission TEXT NOT NULL,
            PRIMARY KEY (role, permission)
        )""",
        """CREATE TABLE recovery_code (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            code_hash TEXT NOT NULL,
            issued_at TEXT NOT NULL
        )""",
        """CREATE TABLE devices (
            device_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            registered INTEGER NOT NULL,
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL
        )""",
        """CREATE TABLE posting_exceptions (
            id INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL,
            device_name TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            ended_at TEXT
        )""",
        "CREATE INDEX posting_exceptions_device ON posting_exceptions(device_id, ends_at)",
        "ALTER TABLE audit_log ADD COLUMN device TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit_log ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit_log ADD COLUMN entry_hash TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE audit_chain_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_id INTEGER NOT NULL,
            last_hash TEXT NOT NULL,
            entries INTEGER NOT NULL,
            gap_before_id INTEGER
        )""",
        "CREATE INDEX audit_log_at ON audit_log(at)",
        "CREATE INDEX audit_log_actor ON audit_log(actor, at)",
        "CREATE INDEX audit_log_action ON audit_log(action, at)",
        *_seed_permissions(),
    ), apply=chain_existing_entries)
