"""Migration 11: drafts belong to a person on a computer, not to the window.

Until now the composer kept one draft for everybody, so a secretary's half-written
(and blocked) tweet appeared in the head teacher's composer at the next sign-in.
Drafts are now kept per member of staff (``staff_id``) and per computer.

The old shared draft cannot be given to its writer: nobody recorded who typed it.
So it is kept, never shown: it moves to ``staff_id`` -1 ("nobody"), which no
session ever reads. In a practice set-up without staff accounts there is only one
writer, so there it goes to the practice owner (``staff_id`` 0, no computer name)
and a trial keeps its draft.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(11, "drafts kept per person and per computer", (
    """CREATE TABLE person_drafts (
        staff_id INTEGER NOT NULL,
        computer TEXT NOT NULL,
        slot TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (staff_id, computer, slot)
    )""",
    """INSERT INTO person_drafts (staff_id, computer, slot, text, updated_at)
        SELECT CASE WHEN EXISTS (SELECT 1 FROM staff) THEN -1 ELSE 0 END, '', slot, text,
               updated_at
        FROM drafts""",
    "DROP TABLE drafts",
))
