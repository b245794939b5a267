"""The composer's draft, saved as the user types so a crash loses nothing."""

from __future__ import annotations

import sqlite3

from stpeters_desk.core.i18n import translate
from stpeters_desk.core.storage.db import Database, DatabaseError, DiskFull, utc_now_text

COMPOSER_SLOT = "composer"


class DraftNotSaved(Exception):
    """The draft could not be written (a full disk, a damaged or read-only database);
    the caller keeps the text and tries again."""


class DraftStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, slot: str = COMPOSER_SLOT) -> str:
        row = self._db.query_one("SELECT text FROM drafts WHERE slot = :slot", {"slot": slot})
        return str(row["text"]) if row else ""

    def save(self, text: str, slot: str = COMPOSER_SLOT, durable: bool = True) -> None:
        """Replace the draft in one transaction, so a kill mid-save keeps the old one.

        ``durable=False`` (at each keystroke) survives the app being killed but not a
        power cut; the composer makes a durable save at least every second.
        """
        try:
            with self._db.transaction(durable=durable) as conn:
                conn.execute("DELETE FROM drafts WHERE slot = :slot", {"slot": slot})
                if text:
                    conn.execute(
                        "INSERT INTO drafts (slot, text, updated_at) VALUES (:slot, :text, :at)",
                        {"slot": slot, "text": text, "at": utc_now_text()},
                    )
        except DiskFull as exc:  # the composer keeps the text and retries: no restart needed
            raise DraftNotSaved(translate("Database", "the disk is full")) from exc
        except (sqlite3.Error, DatabaseError) as exc:
            raise DraftNotSaved(str(exc)) from exc

    def clear(self, slot: str = COMPOSER_SLOT) -> None:
        self.save("", slot)
