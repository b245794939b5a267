"""The audit log: who did what, when, to which post or account.

Rows are only ever inserted; nothing in the app updates or deletes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.core.storage.db import Database, utc_now_text


@dataclass(frozen=True)
class AuditEntry:
    entry_id: int
    at: str
    actor: str
    action: str
    target: str
    detail: str


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, actor: str, action: str, target: str = "", detail: str = "") -> None:
        self._db.execute(
            "INSERT INTO audit_log (at, actor, action, target, detail) "
            "VALUES (:at, :actor, :action, :target, :detail)",
            {"at": utc_now_text(), "actor": actor, "action": action,
             "target": target, "detail": detail},
        )

    def recent(self, limit: int = 200) -> list[AuditEntry]:
        rows = self._db.query(
            "SELECT id, at, actor, action, target, detail FROM audit_log "
            "ORDER BY id DESC LIMIT :limit", {"limit": limit})
        return [AuditEntry(int(r["id"]), r["at"], r["actor"], r["action"], r["target"],
                           r["detail"]) for r in rows]
