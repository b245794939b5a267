"""Migration 20: the school's own Twitter policy, kept in the database.

It was a file in one computer's data folder, so a school sharing one server (issue 18)
would see it only on the computer where the head loaded it. One row: the text as
loaded, the file's name, and who loaded it when.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(20, "the school's policy in the database", (
    "CREATE TABLE school_policy ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " text TEXT NOT NULL,"
    " file_name TEXT NOT NULL,"
    " loaded_at TEXT NOT NULL,"
    " loaded_by TEXT NOT NULL)",
))
