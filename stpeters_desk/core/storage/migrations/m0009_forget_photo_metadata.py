"""Migration 9: prepared photos keep which kinds of metadata were removed, not their values.

Earlier versions stored lines such as "Names and copyright: <a name>" and
"Location (GPS): <where>" with each prepared photo. The values were only ever
meant for the person preparing the photo, on screen; this keeps the kind of
each line and forgets the value.
"""

from __future__ import annotations

from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.migrations.base import Migration

_KINDS_WITH_VALUES = ("Camera", "Date taken", "Location (GPS)", "Software",
                      "Names and copyright", "Description", "Comment", "Colour profile")


def _kind_only(line: str) -> str:
    for kind in _KINDS_WITH_VALUES:
        if line.startswith(kind + ":"):
            return kind
    return line


def _forget_values(conn: Connection) -> None:
    rows = conn.execute("SELECT id, removed FROM prepared_photos").fetchall()
    for photo_id, removed in rows:
        if not removed:
            continue
        kinds = "\n".join(dict.fromkeys(_kind_only(line) for line in str(removed).split("\n")))
        conn.execute("UPDATE prepared_photos SET removed = :removed WHERE id = :id",
                     {"removed": kinds, "id": photo_id})


MIGRATION = Migration(9, "prepared photos forget removed metadata values", (),
                      apply=_forget_values)
