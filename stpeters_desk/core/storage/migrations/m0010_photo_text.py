"""Migration 10: whether a prepared photo's written text was checked for pupils' names.

``text_checked`` is 1 when the photo was prepared after the text written in it was read
and every pupil's name found there was covered or cropped out. Photos prepared before
this migration never had their text read, so they start at 0 and cannot be attached
until they are prepared again: a check that never ran is never counted as passed.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(10, "text in prepared photos checked for names", (
    "ALTER TABLE prepared_photos ADD COLUMN text_checked INTEGER NOT NULL DEFAULT 0",
))
