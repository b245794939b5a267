"""The one place that opens the app's database.

SQLite in WAL mode lets the UI thread read while a worker thread writes (an
outbox send, a sandbox post) without "database is locked" errors. Each thread
gets its own connection because sqlite3 connections must not be shared.

Every commit is synced to the disk (``synchronous = FULL``): with ``NORMAL`` a
power cut can roll back the last commits, such as the outbox's "sending" mark
made just before X is called. Only writes that are repeated within a second
anyway (the draft at each keystroke) may ask for ``durable=False``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.storage.migrations import MIGRATIONS

Row = sqlite3.Row
Params = Mapping[str, Any]


class DatabaseError(Exception):
    """The database file cannot be opened or is damaged; says what to do."""


def utc_now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Database:
    """A handle on the app's database, safe to use from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA synchronous = FULL")
        self._local.conn = conn
        with self._lock:
            self._connections.append(conn)
        return conn

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: an exception inside rolls every statement back.

        ``durable=False`` commits without waiting for the disk: it survives the app
        being killed, not a power cut, and a later durable commit makes it durable too.
        """
        conn = self._connection()
        if not durable:
            conn.execute("PRAGMA synchronous = NORMAL")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite may have rolled back itself (disk full)
                    conn.execute("ROLLBACK")
                raise
        finally:
            if not durable:
                conn.execute("PRAGMA synchronous = FULL")

    def query(self, sql: str, params: Params | None = None) -> list[sqlite3.Row]:
        return self._connection().execute(sql, params or {}).fetchall()

    def query_one(self, sql: str, params: Params | None = None) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._connection().execute(sql, params or {}).fetchone()
        return row

    def execute(self, sql: str, params: Params | None = None) -> int:
        """Run one statement in its own transaction; returns the rows changed."""
        with self.transaction() as conn:
            return conn.execute(sql, params or {}).rowcount

    def close_thread_connection(self) -> None:
        """For a short-lived thread: close its connection when it is done."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            return
        with self._lock:
            if conn in self._connections:
                self._connections.remove(conn)
        conn.close()
        self._local.conn = None

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def schema_version(self) -> int:
        row = self.query_one("SELECT MAX(version) AS v FROM schema_migrations")
        return int(row["v"] or 0) if row else 0


def open_database(data_dir: Path) -> Database:
    """Create the data folder and database if needed and bring the schema up to date."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"The app cannot create its data folder {data_dir}: {exc.strerror}. "
            "Choose another folder with --data-dir or ask IT to check permissions."
        ) from exc
    db = Database(data_dir / DATABASE_NAME)
    try:
        conn = db._connection()
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise DatabaseError(f"The database could not switch to WAL mode (got {mode}).")
        _migrate(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseError(
            f"The app's database at {db.path} cannot be read ({exc}). "
            "Restore it from the last backup of the data folder, or move it aside to start afresh."
        ) from exc
    return db


def _migrate(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )""")
    # By number applied, not "above the highest": migrations written side by side (7, 8, 9)
    # may reach a database in another order, and none may be skipped.
    applied = {int(row["version"]) for row in db.query("SELECT version FROM schema_migrations")}
    for migration in MIGRATIONS:
        if migration.number in applied:
            continue
        with db.transaction() as conn:
            for statement in migration.statements:
                conn.execute(statement)
            if migration.apply is not None:
                migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES (:version, :name, :at)",
                {"version": migration.number, "name": migration.name, "at": utc_now_text()},
            )
