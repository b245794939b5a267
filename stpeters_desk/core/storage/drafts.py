"""Drafts, saved as the user types so a crash loses nothing, each kept for one person.

A draft belongs to the member of staff who typed it, on the computer where it was
typed (``DraftOwner``): it is restored at that person's sign-in there and is never
shown to anyone else. The composer's text and its photo selection are two slots of
the same owner. Staff id 0 is the practice set-up without staff accounts; -1 is
"nobody" (the shared draft from before drafts had owners, kept but never shown).
"""

from __future__ import annotations

from typing import NamedTuple

from stpeters_desk.core.storage.connection import database_errors
from stpeters_desk.core.storage.db import (
    Database,
    DatabaseError,
    DiskFull,
    ServerUnreachable,
    utc_now_text,
)
from stpeters_desk.i18n import translate

COMPOSER_SLOT = "composer"
PHOTOS_SLOT = "composer-photos"  # the ids of the photos attached to the composer's tweet
PRACTICE_STAFF_ID = 0
NOBODY_STAFF_ID = -1


class DraftOwner(NamedTuple):
    """Whose draft: a member of staff on one computer."""

    staff_id: int
    computer: str


PRACTICE_DRAFTS = DraftOwner(PRACTICE_STAFF_ID, "")
"""The one writer of a practice set-up without staff accounts (no computer name)."""


class DraftNotSaved(Exception):
    """The draft could not be written (a full disk, a damaged or read-only database);
    the caller keeps the text and tries again."""


class DraftStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, owner: DraftOwner, slot: str = COMPOSER_SLOT) -> str:
        row = self._db.query_one(
            "SELECT text FROM person_drafts WHERE staff_id = :staff AND computer = :computer "
            "AND slot = :slot", _key(owner, slot))
        return str(row["text"]) if row else ""

    def save(self, owner: DraftOwner, text: str, slot: str = COMPOSER_SLOT,
             durable: bool = True) -> None:
        """Replace the owner's draft in one transaction, so a kill mid-save keeps the old one.

        ``durable=False`` (at each keystroke) survives the app being killed but not a
        power cut; the composer makes a durable save at least every second.
        """
        if owner.staff_id == NOBODY_STAFF_ID:
            raise DraftNotSaved(translate("Database", "nobody is signed in"))
        key = _key(owner, slot)
        try:
            with self._db.transaction(durable=durable) as conn:
                conn.execute("DELETE FROM person_drafts WHERE staff_id = :staff AND "
                             "computer = :computer AND slot = :slot", key)
                if text:
                    conn.execute(
                        "INSERT INTO person_drafts (staff_id, computer, slot, text, updated_at) "
                        "VALUES (:staff, :computer, :slot, :text, :at)",
                        {**key, "text": text, "at": utc_now_text()},
                    )
        except ServerUnreachable:  # the composer keeps the text on this computer meanwhile
            raise
        except DiskFull as exc:  # the composer keeps the text and retries: no restart needed
            raise DraftNotSaved(translate("Database", "the disk is full")) from exc
        except database_errors() as exc:
            raise DraftNotSaved(str(exc)) from exc
        except DatabaseError as exc:
            raise DraftNotSaved(str(exc)) from exc

    def clear(self, owner: DraftOwner, slot: str = COMPOSER_SLOT) -> None:
        self.save(owner, "", slot)

    def unclaimed(self, slot: str = COMPOSER_SLOT) -> str:
        """The shared draft kept from before drafts had owners (shown to nobody by the app)."""
        return self.load(DraftOwner(NOBODY_STAFF_ID, ""), slot)


def _key(owner: DraftOwner, slot: str) -> dict[str, object]:
    return {"staff": owner.staff_id, "computer": owner.computer, "slot": slot}
