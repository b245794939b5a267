"""Counts of reads from X per account kind and month (see migration 14)."""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.core.storage.db import Database


@dataclass(frozen=True)
class MonthUsage:
    month: str  # "2026-12"
    resources: int  # posts and accounts X returned: what it bills
    requests: int


class UsageStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, kind: str, month: str, resources: int) -> None:
        """One more read request that returned ``resources`` posts and accounts."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO x_read_usage (account_kind, month, resources, requests) "
                "VALUES (:kind, :month, :resources, 1) "
                "ON CONFLICT (account_kind, month) DO UPDATE SET "
                "resources = x_read_usage.resources + excluded.resources, "
                "requests = x_read_usage.requests + 1",
                {"kind": kind, "month": month, "resources": max(0, resources)})

    def month(self, kind: str, month: str) -> MonthUsage:
        row = self._db.query_one(
            "SELECT resources, requests FROM x_read_usage WHERE account_kind = :kind "
            "AND month = :month", {"kind": kind, "month": month})
        if row is None:
            return MonthUsage(month, 0, 0)
        return MonthUsage(month, int(row["resources"]), int(row["requests"]))
