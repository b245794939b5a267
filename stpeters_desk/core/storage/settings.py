"""Small non-secret settings (never credentials: those live in the OS keyring)."""

from __future__ import annotations

from stpeters_desk.core.storage.db import Database

# Which settings exist, their types, defaults and who may change them:
# ``stpeters_desk.core.settings_registry``. Read and write them through it.


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._db.query_one("SELECT value FROM settings WHERE key = :key", {"key": key})
        return str(row["value"]) if row else default

    def set(self, key: str, value: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = :key", {"key": key})
            conn.execute("INSERT INTO settings (key, value) VALUES (:key, :value)",
                         {"key": key, "value": value})

    def delete(self, key: str) -> None:
        self._db.execute("DELETE FROM settings WHERE key = :key", {"key": key})
