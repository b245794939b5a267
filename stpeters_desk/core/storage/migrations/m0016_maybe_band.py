"""Migration 16: replies the trained model scored just below the line ("maybe").

``maybe`` is 1 for a reply the word lists found fine and the model scored just below
the line that asks a person: the Moderation tab keeps it in "Needs you" for a week,
marked as a maybe, so nothing the model nearly flagged stays out of sight. Replies
fetched before this migration were not scored by the model and start at 0.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(16, "replies the model nearly flagged", (
    "ALTER TABLE moderation_mentions ADD COLUMN maybe INTEGER NOT NULL DEFAULT 0",
))
