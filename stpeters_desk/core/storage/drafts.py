"""The composer's draft, saved as the user types so a crash loses nothing."""

from __future__ import annotations

from stpeters_desk.core.storage.db import Database, utc_now_text

COMPOSER_SLOT = "composer"


class DraftStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, slot: str = COMPOSER_SLOT) -> str:
        row = self._db.query_one("SELECT text FROM drafts WHERE slot = :slot", {"slot": slot})
        return str(row["text"]) if row else ""

    def save(self, text: str, slot: str = COMPOSER_SLOT) -> None:
        """Replace the draft in one transaction, so a kill mid-save keeps the old one."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE slot = :slot", {"slot": slot})
            if text:
                conn.execute(
                    "INSERT INTO drafts (slot, text, updated_at) VALUES (:slot, :text, :at)",
                    {"slot": slot, "text": text, "at": utc_now_text()},
                )

    def clear(self, slot: str = COMPOSER_SLOT) -> None:
        self.save("", slot)
