"""Small non-secret settings (never credentials: those live in the OS keyring)."""

from __future__ import annotations

from stpeters_desk.core.storage.db import Database

# Setting keys read in more than one place.
REAL_ACCOUNT_CONNECTED = "x_account_connected"  # "1" once the head connected the real X account
KIOSK_MODE = "kiosk_mode"  # "1": start full screen, lock when idle
KIOSK_IDLE_MINUTES = "kiosk_idle_minutes"
REPLY_SETTINGS = "preflight.reply_settings"  # X's reply_settings for every post
DEFAULT_REPLY_SETTINGS = "mentionedUsers"  # with following 0, this means replies off


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
