"""The security state's seal: keyed hashes of staff, permissions, lockouts and settings.

Roles, permissions, PIN hashes, lockout counters, the recovery code, the
registered computers and the security settings decide who may do what. They
live outside the audit chain, so each part gets its own HMAC with the
keyring's key, bound to the last audit entry's hash: editing a row, deleting
a lockout or putting back an older copy of a table makes that part's hash
disagree, and the check can say which part changed.
"""

from __future__ import annotations

from typing import Any

from stpeters_desk.core.settings_registry import SEALED_KEYS
from stpeters_desk.core.storage.connection import Connection, database_errors

SECURITY_SETTINGS = SEALED_KEYS  # the registry marks which settings the seal covers

_SETTING_NAMES = ", ".join(f"'{key}'" for key in SECURITY_SETTINGS)

SEALED_PARTS: dict[str, str] = {
    "staff": "SELECT id, name, role, approver, active, pin_hash FROM staff ORDER BY id",
    "permissions": "SELECT role, permission FROM role_permissions ORDER BY role, permission",
    "lockouts": "SELECT subject, failures, last_failure_at FROM pin_lockouts ORDER BY subject",
    "recovery code": "SELECT code_hash, issued_at FROM recovery_code",
    "registered computers": ("SELECT device_id, name, registered, registered_at, registered_by "
                             "FROM devices ORDER BY device_id"),
    "posting exceptions": ("SELECT id, device_id, device_name, starts_at, ends_at, reason, "
                           "granted_by, approved_by, granted_at, ended_at "
                           "FROM posting_exceptions ORDER BY id"),
    "security settings": (f"SELECT key, value FROM settings WHERE key IN ({_SETTING_NAMES}) "
                          "ORDER BY key"),
    "school computers": ("SELECT device_id, name, joined_at, joined_with, may_post, removed_at, "
                         "removed_by FROM school_computers ORDER BY device_id"),
    # deleting these would bring back a key a removed computer holds (migration 21)
    "roster keys": "SELECT epoch, made_at, made_by FROM roster_key_epochs ORDER BY epoch",
    "retired X keys": ("SELECT generation, made_at, made_by, reason FROM x_keys_retired "
                       "ORDER BY generation"),
}
# Parts added after databases were sealed: an older seal has no hash for them, which is
# right while the part is still empty (the next change seals it).
LATER_PARTS = frozenset({"school computers", "roster keys", "retired X keys"})


# How many leading columns each part is ordered by (its ORDER BY).
_ORDER_COLUMNS = {"staff": 1, "permissions": 2, "lockouts": 1, "recovery code": 0,
                  "registered computers": 1, "posting exceptions": 1, "security settings": 1,
                  "school computers": 1, "roster keys": 1, "retired X keys": 1}


def _sqlite_order(value: object) -> tuple[int, object]:
    """SQLite's own order of values (NULL, numbers, text, BLOBs; text by code point)."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, bytes(value) if isinstance(value, bytes | memoryview) else repr(value))


def _in_canonical_order(part: str, rows: list[Any]) -> list[Any]:
    """The rows in the order SQLite's ORDER BY gives them, on either back end: a
    PostgreSQL server sorts text by its locale ("Zed" after "apple" in en-GB), which would
    change the text, and so the seal, of the same rows."""
    width = _ORDER_COLUMNS[part]
    if not width:
        return rows
    return sorted(rows, key=lambda row: tuple(_sqlite_order(v) for v in tuple(row)[:width]))


def part_text(conn: Connection, part: str) -> str:
    """One canonical text for a part; unreadable rows give a text no seal will match."""
    import json

    try:
        rows = _in_canonical_order(part, conn.execute(SEALED_PARTS[part]).fetchall())
    except database_errors() as exc:  # a dropped table, or text that is not UTF-8
        return f"unreadable: {exc}"
    try:
        return json.dumps([list(row) for row in rows], ensure_ascii=False, separators=(",", ":"))
    except TypeError:  # a BLOB put where text belongs
        return "unreadable: " + repr([tuple(row) for row in rows])


def part_macs(conn: Connection, key: bytes, last_hash: str) -> dict[str, str]:
    import hashlib
    import hmac

    return {part: hmac.new(key, f"{part}\n{last_hash}\n{part_text(conn, part)}".encode(),
                           hashlib.sha256).hexdigest()
            for part in SEALED_PARTS}


def stored_macs(conn: Connection) -> dict[str, str]:
    try:
        rows = conn.execute("SELECT part, mac FROM integrity_seal").fetchall()
    except database_errors():
        return {}
    return {str(row[0]): str(row[1]) for row in rows}


def store_macs(conn: Connection, macs: dict[str, str]) -> None:
    conn.execute("DELETE FROM integrity_seal")
    for part, mac in macs.items():
        conn.execute("INSERT INTO integrity_seal (part, mac) VALUES (:part, :mac)",
                     {"part": part, "mac": mac})


def changed_parts(conn: Connection, key: bytes, last_hash: str) -> list[str]:
    """The parts whose stored seal does not match what is in the file now."""
    import hmac

    stored = stored_macs(conn)
    return [part for part, mac in part_macs(conn, key, last_hash).items()
            if not hmac.compare_digest(stored.get(part, ""), mac)
            and not (part in LATER_PARTS and part not in stored and stored
                     and part_text(conn, part) == "[]")]


def recovery_hash(conn: Connection) -> str:
    """The head's recovery-code hash, copied into the keyring's record so that a computer
    whose database was emptied can still check the code."""
    try:
        row = conn.execute("SELECT code_hash FROM recovery_code WHERE id = 1").fetchone()
    except database_errors():
        return ""
    return str(row[0]) if row else ""
