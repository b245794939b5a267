"""Editing the database behind the app's back, as someone holding the file (SQLite) or the
server's administrator (PostgreSQL) could: the audit log's append-only triggers (migration
17) are dropped first and put back after, so tests can still prove ``audit verify`` and the
integrity check catch a rewrite."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from stpeters_desk.core.storage.migrations.m0017_append_only_audit import (
    POSTGRES_DROP,
    POSTGRES_TRIGGERS,
    SQLITE_DROP,
    SQLITE_TRIGGERS,
)


def edit_sqlite_file(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement in (*SQLITE_DROP, *statements, *SQLITE_TRIGGERS):
            conn.execute(statement)
    conn.close()


def edit_as_server_admin(raw: Any, *statements: str) -> None:
    """``raw``: a psycopg connection as the database's owner, its search_path set."""
    with raw.transaction():
        for statement in (*POSTGRES_DROP, *statements, *POSTGRES_TRIGGERS[1:]):
            raw.execute(statement)
