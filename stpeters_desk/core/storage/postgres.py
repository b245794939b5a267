"""The app's database on a PostgreSQL server (issue 18: several computers, one school).

Stores see the same interface as on SQLite (``core.storage.connection``): SQL with
``:name`` parameters, rows read by column name or position, ``transaction()`` that
nests as savepoints. ``PgConnection`` translates the placeholders for psycopg 3 and
turns Python booleans into the 0/1 integers the schema keeps.

Write transactions are serialised with one transaction-scoped advisory lock, taken
at BEGIN: the same one-writer-at-a-time rule SQLite's ``BEGIN IMMEDIATE`` gives, so
read-then-write code (the audit chain's next id, the outbox's lease) keeps its
meaning when several computers write. Readers are never blocked.

Not yet on PostgreSQL (later slices of issue 18): the integrity seal and the keyring
records it keeps per database file, ``durable=False`` (it means nothing special
here: every commit is durable), LISTEN/NOTIFY, roles and TLS settings.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql as pgsql

from stpeters_desk.core.storage.connection import Connection, Cursor, Params, to_pyformat
from stpeters_desk.core.storage.db import Database, DatabaseError, Row, redact_url

# The advisory lock every write transaction takes (any fixed number; "SPD1" in ASCII).
WRITE_LOCK = 0x53504431


class PgRow(tuple[Any, ...]):
    """A row read by position or by column name, like ``sqlite3.Row``."""

    _names: tuple[str, ...]

    def __new__(cls, names: tuple[str, ...], values: Sequence[Any]) -> PgRow:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names.index(key))
            except ValueError:
                raise IndexError(f"No item with that key: {key!r}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names = tuple(column.name for column in (cursor.description or ()))

    def make(values: Sequence[Any]) -> PgRow:
        return PgRow(names, values)
    return make


def _adapt(params: Params | None) -> dict[str, Any]:
    if not params:
        return {}
    return {name: int(value) if isinstance(value, bool) else value
            for name, value in params.items()}


class PgConnection:
    """A psycopg connection that takes the stores' SQL as written for SQLite."""

    def __init__(self, raw: psycopg.Connection[Any], database: PgDatabase) -> None:
        self.raw = raw
        self.database = database

    def execute(self, sql: str, parameters: Params = {}, /) -> Cursor:  # noqa: B006
        cursor: Cursor = self.raw.execute(to_pyformat(sql), _adapt(parameters))
        return cursor

    def executemany(self, sql: str, seq_of_parameters: Iterable[Params], /) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(to_pyformat(sql), [_adapt(p) for p in seq_of_parameters])
        result: Cursor = cursor
        return result

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


class PgDatabase(Database):
    """A handle on the school's shared database, safe to use from any thread."""

    dialect = "postgresql"

    def __init__(self, url: str, schema: str | None = None) -> None:
        super().__init__(Path(redact_url(url)))
        self.url = url
        self.schema = schema
        self._pg_connections: list[PgConnection] = []

    def _pg(self) -> PgConnection:
        conn: PgConnection | None = getattr(self._local, "pg", None)
        if conn is not None and not conn.raw.closed:
            return conn
        if conn is not None:  # the server went away: connect afresh at the next use
            with self._lock:
                if conn in self._pg_connections:
                    self._pg_connections.remove(conn)
        try:
            raw: psycopg.Connection[Any] = psycopg.connect(
                self.url, autocommit=True, row_factory=_row_factory, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise DatabaseError(
                f"The app cannot reach the school's database server {redact_url(self.url)}: "
                f"{str(exc).strip()}. Check the address and that the server is running."
            ) from exc
        if self.schema is not None:
            raw.execute(pgsql.SQL("SET search_path TO {}").format(
                pgsql.Identifier(self.schema)))
        conn = PgConnection(raw, self)
        self._local.pg = conn
        with self._lock:
            self._pg_connections.append(conn)
        return conn

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[Connection]:
        """All-or-nothing, nesting as savepoints, as on SQLite. ``durable`` is ignored:
        every commit on the server is durable."""
        conn = self._pg()
        if getattr(self._local, "depth", 0):
            with self._savepoint(conn):
                yield conn
            return
        guard = self.guard
        if guard is not None:
            guard.before_begin()
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT pg_advisory_xact_lock(:lock)", {"lock": WRITE_LOCK})
            self._local.depth = 1
            if guard is not None:
                guard.before_write(conn)
            yield conn
            if guard is not None:
                guard.before_commit(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction and not conn.raw.closed:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._local.depth = 0
        if guard is not None:
            guard.after_commit(conn)

    def reader(self) -> Any:
        return self._pg()

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        rows: list[Row] = self._pg().execute(sql, params or {}).fetchall()
        return rows

    def query_tuples(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        """Like ``query`` but each row a plain tuple (the Followers tab's many rows)."""
        return [tuple(row) for row in self.query(sql, params)]

    def query_one(self, sql: str, params: Params | None = None) -> Row | None:
        row: Row | None = self._pg().execute(sql, params or {}).fetchone()
        return row

    def execute(self, sql: str, params: Params | None = None) -> int:
        with self.transaction() as conn:
            return conn.execute(sql, params or {}).rowcount

    def close_thread_connection(self) -> None:
        conn: PgConnection | None = getattr(self._local, "pg", None)
        if conn is None:
            return
        with self._lock:
            if conn in self._pg_connections:
                self._pg_connections.remove(conn)
        conn.close()
        self._local.pg = None

    def close(self) -> None:
        with self._lock:
            for conn in self._pg_connections:
                conn.close()
            self._pg_connections.clear()
        self._local = threading.local()

    def quick_check(self) -> list[str]:
        """The server keeps its own files sound (checksums, WAL); nothing to check here."""
        return []

    def table_names(self) -> set[str]:
        return {str(r["table_name"]) for r in self.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")}

    def column_names(self, table: str) -> set[str]:
        return {str(r["column_name"]) for r in self.query(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = :table", {"table": table})}

    def ddl(self, statement: str) -> str:
        from stpeters_desk.core.storage.connection import postgres_ddl

        return postgres_ddl(statement)
