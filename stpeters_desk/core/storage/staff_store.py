"""Staff accounts, PIN failure counters, the permissions table and the head's recovery code.

Only hashes are stored here, never a PIN or a recovery code. Every change is
written together with its audit entries in one transaction. The rule that
the school always keeps an active head teacher is checked inside the same
transaction as the change, so two people editing staff at once cannot both
remove "the other" head.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import NamedTuple

from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries, time_text
from stpeters_desk.core.storage.connection import Connection, Row
from stpeters_desk.core.storage.db import Database

HEAD_ROLE = "head"

_STAFF_COLUMNS = "id, name, role, approver, active, pin_hash"


class NoActiveHeadLeft(Exception):
    """The change would leave the school without an active head teacher; it was undone."""


class StaffRecord(NamedTuple):
    staff_id: int
    name: str
    role: str
    approver: bool
    active: bool
    pin_hash: str


class FailureCount(NamedTuple):
    failures: int
    last_failure_at: datetime | None


NO_FAILURES = FailureCount(0, None)


def _record(row: Row) -> StaffRecord:
    return StaffRecord(int(row["id"]), str(row["name"]), str(row["role"]), bool(row["approver"]),
                       bool(row["active"]), str(row["pin_hash"]))


def _failure_count(row: Row | None) -> FailureCount:
    if row is None:
        return NO_FAILURES
    return FailureCount(int(row["failures"]), datetime.fromisoformat(row["last_failure_at"]))


def _active_heads(conn: Connection) -> int:
    row = conn.execute("SELECT COUNT(*) AS n FROM staff WHERE role = :head AND active = 1",
                       {"head": HEAD_ROLE}).fetchone()
    return int(row["n"])


class StaffStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------
    def count(self) -> int:
        row = self._db.query_one("SELECT COUNT(*) AS n FROM staff")
        return int(row["n"]) if row else 0

    def active_head_count(self) -> int:
        row = self._db.query_one(
            "SELECT COUNT(*) AS n FROM staff WHERE role = :head AND active = 1",
            {"head": HEAD_ROLE})
        return int(row["n"]) if row else 0

    def get(self, staff_id: int) -> StaffRecord | None:
        row = self._db.query_one(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE id = :id",
                                 {"id": staff_id})
        return _record(row) if row else None

    def all(self, include_inactive: bool = False) -> list[StaffRecord]:
        where = "" if include_inactive else "WHERE active = 1 "
        rows = self._db.query(f"SELECT {_STAFF_COLUMNS} FROM staff {where}ORDER BY name, id")
        return [_record(r) for r in rows]

    def active_heads(self) -> list[StaffRecord]:
        rows = self._db.query(
            f"SELECT {_STAFF_COLUMNS} FROM staff WHERE role = :head AND active = 1 ORDER BY id",
            {"head": HEAD_ROLE})
        return [_record(r) for r in rows]

    def name_in_use(self, name: str, except_id: int | None = None) -> bool:
        row = self._db.query_one(
            "SELECT COUNT(*) AS n FROM staff WHERE LOWER(name) = LOWER(:name) AND active = 1 "
            "AND id <> :except_id", {"name": name, "except_id": -1 if except_id is None
                                     else except_id})
        return bool(row and row["n"])

    # -- changing ----------------------------------------------------------------------
    def insert_first_head(self, name: str, pin_hash: str, recovery_hash: str, at: datetime,
                          audit: Sequence[NewAuditEntry]) -> int | None:
        """The set-up wizard's head teacher, or None when someone got there first."""
        with self._db.transaction() as conn:
            taken = conn.execute("SELECT COUNT(*) AS n FROM staff").fetchone()
            if int(taken["n"]):
                return None
            staff_id = self._insert(conn, name, HEAD_ROLE, False, pin_hash, at)
            self._store_recovery(conn, recovery_hash, at)
            append_entries(conn, audit)
            return staff_id

    def insert(self, name: str, role: str, approver: bool, pin_hash: str, at: datetime,
               audit: Sequence[NewAuditEntry]) -> int:
        with self._db.transaction() as conn:
            staff_id = self._insert(conn, name, role, approver, pin_hash, at)
            append_entries(conn, audit)
            return staff_id

    @staticmethod
    def _insert(conn: Connection, name: str, role: str, approver: bool, pin_hash: str,
                at: datetime) -> int:
        when = time_text(at)
        cursor = conn.execute(
            "INSERT INTO staff (name, role, approver, active, pin_hash, created_at, updated_at) "
            "VALUES (:name, :role, :approver, 1, :pin_hash, :at, :at) RETURNING id",
            {"name": name, "role": role, "approver": int(approver), "pin_hash": pin_hash,
             "at": when})
        return int(cursor.fetchone()["id"])

    def update(self, staff_id: int, role: str, approver: bool, active: bool, at: datetime,
               audit: Sequence[NewAuditEntry]) -> None:
        """Raises ``NoActiveHeadLeft`` (and changes nothing) if no active head would remain."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE staff SET role = :role, approver = :approver, active = :active, "
                "updated_at = :at WHERE id = :id",
                {"role": role, "approver": int(approver), "active": int(active),
                 "at": time_text(at), "id": staff_id})
            if _active_heads(conn) == 0:
                raise NoActiveHeadLeft()
            append_entries(conn, audit)

    def set_pin_hash(self, staff_id: int, pin_hash: str, at: datetime,
                     audit: Sequence[NewAuditEntry] = (),
                     clear_lockouts: Sequence[str] = ()) -> None:
        with self._db.transaction() as conn:
            conn.execute("UPDATE staff SET pin_hash = :hash, updated_at = :at WHERE id = :id",
                         {"hash": pin_hash, "at": time_text(at), "id": staff_id})
            self._clear(conn, clear_lockouts)
            append_entries(conn, audit)

    def upgrade_pin_hash(self, staff_id: int, old_hash: str, new_hash: str) -> None:
        """Swap in a stronger hash, unless the PIN was changed meanwhile."""
        self._db.execute("UPDATE staff SET pin_hash = :new WHERE id = :id AND pin_hash = :old",
                         {"new": new_hash, "id": staff_id, "old": old_hash})

    # -- wrong-PIN counters --------------------------------------------------------------
    def failures(self, subject: str) -> FailureCount:
        return _failure_count(self._db.query_one(
            "SELECT failures, last_failure_at FROM pin_lockouts WHERE subject = :subject",
            {"subject": subject}))

    def claim_attempt(self, subject: str, at: datetime,
                      may_try: Callable[[FailureCount], bool]) -> FailureCount | None:
        """Check and count one PIN attempt in a single step, before the PIN is verified.

        Counted first and cleared on success, so guesses sent in parallel cannot
        all be checked against the same old counter: once the counter says wait,
        the next claim is refused. Returns the count before this attempt, or None
        when ``may_try`` says this subject must wait or is locked.
        """
        when = time_text(at)
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT failures, last_failure_at FROM pin_lockouts WHERE subject = :subject",
                {"subject": subject}).fetchone()
            before = _failure_count(row)
            if not may_try(before):
                return None
            self._count_one(conn, subject, when)
            return before

    def log(self, audit: Sequence[NewAuditEntry]) -> None:
        """Audit entries that go with no other change (a wrong PIN already counted)."""
        with self._db.transaction() as conn:
            append_entries(conn, audit)

    @staticmethod
    def _count_one(conn: Connection, subject: str, when: str) -> None:
        changed = conn.execute(
            "UPDATE pin_lockouts SET failures = failures + 1, last_failure_at = :at "
            "WHERE subject = :subject", {"at": when, "subject": subject}).rowcount
        if not changed:
            conn.execute("INSERT INTO pin_lockouts (subject, failures, last_failure_at) "
                         "VALUES (:subject, 1, :at)", {"subject": subject, "at": when})

    def add_failure(self, subject: str, at: datetime,
                    audit: Sequence[NewAuditEntry] = ()) -> int:
        """Count one more wrong PIN and return the new count (survives restarts)."""
        when = time_text(at)
        with self._db.transaction() as conn:
            self._count_one(conn, subject, when)
            row = conn.execute("SELECT failures FROM pin_lockouts WHERE subject = :subject",
                               {"subject": subject}).fetchone()
            append_entries(conn, audit)
            return int(row["failures"])

    def clear_failures(self, subjects: Sequence[str],
                       audit: Sequence[NewAuditEntry] = ()) -> None:
        with self._db.transaction() as conn:
            self._clear(conn, subjects)
            append_entries(conn, audit)

    @staticmethod
    def _clear(conn: Connection, subjects: Sequence[str]) -> None:
        for subject in subjects:
            conn.execute("DELETE FROM pin_lockouts WHERE subject = :subject",
                         {"subject": subject})

    # -- the permissions table -------------------------------------------------------------
    def role_permissions(self) -> dict[str, set[str]]:
        table: dict[str, set[str]] = {}
        for row in self._db.query("SELECT role, permission FROM role_permissions"):
            table.setdefault(str(row["role"]), set()).add(str(row["permission"]))
        return table

    def set_permission(self, role: str, permission: str, allowed: bool,
                       audit: Sequence[NewAuditEntry]) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM role_permissions WHERE role = :role "
                         "AND permission = :permission", {"role": role, "permission": permission})
            if allowed:
                conn.execute("INSERT INTO role_permissions (role, permission) "
                             "VALUES (:role, :permission)",
                             {"role": role, "permission": permission})
            append_entries(conn, audit)

    # -- the head's recovery code ----------------------------------------------------------
    def recovery_hash(self) -> str | None:
        row = self._db.query_one("SELECT code_hash FROM recovery_code WHERE id = 1")
        return str(row["code_hash"]) if row else None

    def replace_recovery_hash(self, recovery_hash: str, at: datetime,
                              audit: Sequence[NewAuditEntry] = ()) -> None:
        with self._db.transaction() as conn:
            self._store_recovery(conn, recovery_hash, at)
            append_entries(conn, audit)

    def recover_head(self, staff_id: int, pin_hash: str, recovery_hash: str, at: datetime,
                     clear_lockouts: Sequence[str], audit: Sequence[NewAuditEntry]) -> None:
        """New PIN, new recovery code and no lockouts, all at once or not at all."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE staff SET pin_hash = :hash, updated_at = :at WHERE id = :id",
                         {"hash": pin_hash, "at": time_text(at), "id": staff_id})
            self._store_recovery(conn, recovery_hash, at)
            self._clear(conn, clear_lockouts)
            append_entries(conn, audit)

    @staticmethod
    def _store_recovery(conn: Connection, recovery_hash: str, at: datetime) -> None:
        conn.execute("DELETE FROM recovery_code WHERE id = 1")
        conn.execute("INSERT INTO recovery_code (id, code_hash, issued_at) "
                     "VALUES (1, :hash, :at)", {"hash": recovery_hash, "at": time_text(at)})
