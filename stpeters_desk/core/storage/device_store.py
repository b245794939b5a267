"""School-registered computers and time-boxed posting exceptions (trips, sports events)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries, time_text
from stpeters_desk.core.storage.connection import Row
from stpeters_desk.core.storage.db import Database

_EXCEPTION_COLUMNS = ("id, device_id, device_name, starts_at, ends_at, reason, granted_by, "
                      "approved_by, granted_at, ended_at")


class DeviceRecord(NamedTuple):
    device_id: str
    name: str
    registered_at: datetime
    registered_by: str


class ExceptionRecord(NamedTuple):
    exception_id: int
    device_id: str
    device_name: str
    starts_at: datetime
    ends_at: datetime
    reason: str
    granted_by: str
    approved_by: str
    granted_at: datetime
    ended_at: datetime | None


def _exception(row: Row) -> ExceptionRecord:
    ended = row["ended_at"]
    return ExceptionRecord(
        int(row["id"]), str(row["device_id"]), str(row["device_name"]),
        datetime.fromisoformat(row["starts_at"]), datetime.fromisoformat(row["ends_at"]),
        str(row["reason"]), str(row["granted_by"]), str(row["approved_by"]),
        datetime.fromisoformat(row["granted_at"]),
        None if ended is None else datetime.fromisoformat(ended))


class DeviceStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def registered(self, device_id: str) -> DeviceRecord | None:
        row = self._db.query_one(
            "SELECT device_id, name, registered_at, registered_by FROM devices "
            "WHERE device_id = :id AND registered = 1", {"id": device_id})
        if row is None:
            return None
        return DeviceRecord(str(row["device_id"]), str(row["name"]),
                            datetime.fromisoformat(row["registered_at"]),
                            str(row["registered_by"]))

    def all_registered(self) -> list[DeviceRecord]:
        rows = self._db.query("SELECT device_id, name, registered_at, registered_by FROM devices "
                              "WHERE registered = 1 ORDER BY name, device_id")
        return [DeviceRecord(str(r["device_id"]), str(r["name"]),
                             datetime.fromisoformat(r["registered_at"]), str(r["registered_by"]))
                for r in rows]

    def set_registered(self, device_id: str, name: str, registered: bool, by: str,
                       at: datetime, audit: Sequence[NewAuditEntry]) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM devices WHERE device_id = :id", {"id": device_id})
            conn.execute(
                "INSERT INTO devices (device_id, name, registered, registered_at, registered_by) "
                "VALUES (:id, :name, :registered, :at, :by)",
                {"id": device_id, "name": name, "registered": int(registered),
                 "at": time_text(at), "by": by})
            append_entries(conn, audit)

    def add_exception(self, device_id: str, device_name: str, starts_at: datetime,
                      ends_at: datetime, reason: str, granted_by: str, approved_by: str,
                      at: datetime, audit: Sequence[NewAuditEntry]) -> int:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO posting_exceptions (device_id, device_name, starts_at, ends_at, "
                "reason, granted_by, approved_by, granted_at) VALUES (:device_id, :device_name, "
                ":starts_at, :ends_at, :reason, :granted_by, :approved_by, :granted_at) "
                "RETURNING id",
                {"device_id": device_id, "device_name": device_name,
                 "starts_at": time_text(starts_at), "ends_at": time_text(ends_at),
                 "reason": reason, "granted_by": granted_by, "approved_by": approved_by,
                 "granted_at": time_text(at)})
            exception_id = int(cursor.fetchone()["id"])
            append_entries(conn, audit)
            return exception_id

    def end_exception(self, exception_id: int, at: datetime,
                      audit: Sequence[NewAuditEntry]) -> bool:
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE posting_exceptions SET ended_at = :at "
                "WHERE id = :id AND ended_at IS NULL", {"at": time_text(at), "id": exception_id})
            if not changed.rowcount:
                return False
            append_entries(conn, audit)
            return True

    def exception(self, exception_id: int) -> ExceptionRecord | None:
        row = self._db.query_one(f"SELECT {_EXCEPTION_COLUMNS} FROM posting_exceptions "
                                 "WHERE id = :id", {"id": exception_id})
        return _exception(row) if row else None

    def exceptions_covering(self, device_id: str, at: datetime) -> list[ExceptionRecord]:
        """Exceptions for this device in force at ``at``, the latest-ending first."""
        when = time_text(at)
        rows = self._db.query(
            f"SELECT {_EXCEPTION_COLUMNS} FROM posting_exceptions WHERE device_id = :id "
            "AND starts_at <= :at AND ends_at > :at AND ended_at IS NULL ORDER BY ends_at DESC",
            {"id": device_id, "at": when})
        return [_exception(r) for r in rows]

    def exceptions_ending_after(self, at: datetime) -> list[ExceptionRecord]:
        """Current and future exceptions for every device, soonest first."""
        rows = self._db.query(
            f"SELECT {_EXCEPTION_COLUMNS} FROM posting_exceptions WHERE ends_at > :at "
            "AND ended_at IS NULL ORDER BY starts_at, id", {"at": time_text(at)})
        return [_exception(r) for r in rows]
