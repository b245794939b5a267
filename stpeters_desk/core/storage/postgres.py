"""The app's database on a PostgreSQL server (issue 18: several computers, one school).

Stores see the same interface as on SQLite (``core.storage.connection``): SQL with
``:name`` parameters, rows read by column name or position, ``transaction()`` that
nests as savepoints. ``PgConnection`` translates the placeholders for psycopg 3 and
turns Python booleans into the 0/1 integers the schema keeps.

Write transactions are serialised with one transaction-scoped advisory lock, taken
at BEGIN: the same one-writer-at-a-time rule SQLite's ``BEGIN IMMEDIATE`` gives, so
read-then-write code (the audit chain's next id, the outbox's lease) keeps its
meaning when several computers write. Readers are never blocked.

The connection is encrypted: ``sslmode=require`` unless the URL names another mode,
``verify-full`` (the server's certificate checked against the school's root
certificate) when the URL gives ``sslrootcert=`` without a mode. A server on the same
computer reached through its Unix socket needs no TLS (libpq does not use it there).

Roles: the app connects as a computer's own login role, a member of the group role
``stpeters_desk_app`` (``resources/server/*.sql``), which may read and write the app's
tables but only insert into and read the audit log, and may not change the schema.
Migrations are run by the database's owner role (``stpeters-desk database upgrade``);
``open_database`` refuses, with that advice, when a migration is due and the role
connected may not create tables.

Each write transaction that changed a table other computers show ends with one
``pg_notify`` naming the areas it changed (``core.storage.change_feed``), sent inside the
transaction so the server delivers it only on commit.

When the server cannot be reached every statement raises ``ServerUnreachable`` (plain
words, no driver error); a connection found broken before any statement of a
transaction ran is replaced once, so the app carries on by itself when the server is
back.

Not yet on PostgreSQL: ``durable=False`` means nothing special here (every commit is
durable).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql as pgsql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from stpeters_desk.core.storage.change_feed import (
    NOTIFY_SQL,
    channel_for,
    connect_options,
    payload,
    written_areas,
)
from stpeters_desk.core.storage.connection import Connection, Cursor, Params, to_pyformat
from stpeters_desk.core.storage.db import (
    Database,
    DatabaseError,
    Row,
    ServerUnreachable,
    redact_url,
)
from stpeters_desk.i18n import translate

# The advisory lock every write transaction takes (any fixed number; "SPD1" in ASCII).
WRITE_LOCK = 0x53504431


def connection_options(url: str) -> dict[str, str]:
    """What is added to the URL when connecting: TLS is required unless the URL says
    otherwise, and the certificate is verified when the school gave its root certificate."""
    given = conninfo_to_dict(url)
    if given.get("sslmode"):
        return {}
    return {"sslmode": "verify-full" if given.get("sslrootcert") else "require"}


def is_tls_problem(error: str) -> bool:
    """The server answered but the encrypted connection could not be made as asked."""
    return any(sign in error for sign in (
        "does not support SSL", "SSL was required", "certificate", "sslrootcert"))


def unreachable_message(url: str, error: str) -> str:
    """Why the server cannot be reached, and what the school's IT technician can do."""
    where = redact_url(url)
    if "does not support SSL" in error or "SSL was required" in error:
        return translate(
            "Database", "The school's database server {where} does not offer an encrypted "
                        "(TLS) connection, and the app sends the school's data only over one. "
                        "Ask the IT technician to turn on ssl on the server (ssl = on in "
                        "postgresql.conf, with a certificate). A server on this same computer "
                        "can be reached through its Unix socket instead "
                        "(host=/var/run/postgresql), where TLS does not apply.").format(
            where=where)
    if "certificate" in error or "sslrootcert" in error:
        return translate(
            "Database", "The app could not check the certificate of the school's database "
                        "server {where}: {error}. Check that sslrootcert= names the school's "
                        "root certificate file and that the server's address matches its "
                        "certificate.").format(where=where, error=error)
    return translate(
        "Database", "The app cannot reach the school's database server {where}: {error}. "
                    "Check the address and that the server is running.").format(
        where=where, error=error)


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
        self.changed: set[str] = set()  # areas written in the open transaction

    def execute(self, sql: str, parameters: Params = {}, /) -> Cursor:  # noqa: B006
        try:
            cursor: Cursor = self.raw.execute(to_pyformat(sql), _adapt(parameters))
        except psycopg.OperationalError as exc:
            raise self._unreachable_or(exc) from exc
        self._written(sql)
        return cursor

    def executemany(self, sql: str, seq_of_parameters: Iterable[Params], /) -> Cursor:
        cursor = self.raw.cursor()
        try:
            cursor.executemany(to_pyformat(sql), [_adapt(p) for p in seq_of_parameters])
        except psycopg.OperationalError as exc:
            raise self._unreachable_or(exc) from exc
        self._written(sql)
        result: Cursor = cursor
        return result

    def _written(self, sql: str) -> None:
        areas = written_areas(sql)
        if not areas:
            return
        if self.in_transaction:
            self.changed.update(areas)
        else:  # a write outside a transaction committed at once: say so at once
            self.raw.execute(to_pyformat(NOTIFY_SQL), self.database.notice(areas))

    def _unreachable_or(self, exc: psycopg.OperationalError) -> Exception:
        """A broken connection is the server being unreachable; other errors stay as they are."""
        if self.raw.closed or self.raw.broken:
            return ServerUnreachable(str(exc).strip(), redact_url(self.database.url))
        return exc

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
        self.channel = channel_for(schema)
        self.origin = uuid.uuid4().hex[:12]  # names this handle's changes in the feed

    def notice(self, areas: Iterable[str]) -> dict[str, str]:
        """The parameters of ``NOTIFY_SQL`` telling the other computers what changed."""
        return {"channel": self.channel, "payload": payload(self.origin, areas)}

    def _pg(self) -> PgConnection:
        conn = self._threads.current()
        if isinstance(conn, PgConnection):
            if not (conn.raw.closed or conn.raw.broken):
                return conn
            self._threads.forget(conn)  # the server went away: connect afresh
        try:
            conninfo = make_conninfo(self.url, **connection_options(self.url))
            raw: psycopg.Connection[Any] = psycopg.connect(
                conninfo, autocommit=True, row_factory=_row_factory, **connect_options(10))
        except psycopg.OperationalError as exc:
            error = str(exc).strip()
            if is_tls_problem(error):  # not the network: the technician has a setting to fix
                raise DatabaseError(unreachable_message(self.url, error)) from exc
            raise ServerUnreachable(error, redact_url(self.url)) from exc
        if self.schema is not None:
            raw.execute(pgsql.SQL("SET search_path TO {}").format(
                pgsql.Identifier(self.schema)))
        conn = PgConnection(raw, self)
        self._threads.keep(conn)
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
        conn = self._fresh(lambda c: c.execute("BEGIN"))
        conn.changed.clear()
        try:
            conn.execute("SELECT pg_advisory_xact_lock(:lock)", {"lock": WRITE_LOCK})
            self._local.depth = 1
            if guard is not None:
                guard.before_write(conn)
            yield conn
            if guard is not None:
                guard.before_commit(conn)
            if conn.changed:  # delivered by the server only if the COMMIT succeeds
                conn.execute(NOTIFY_SQL, self.notice(conn.changed))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction and not conn.raw.closed:
                conn.raw.execute("ROLLBACK")
            raise
        finally:
            conn.changed.clear()
            self._local.depth = 0
        if guard is not None:
            guard.after_commit(conn)

    def reader(self) -> Any:
        return self._pg()

    def _fresh(self, first: Callable[[PgConnection], object]) -> PgConnection:
        """This thread's connection after ``first`` ran on it. A connection the server
        dropped (it restarted, or was away) is only found broken when used: outside a
        transaction nothing was done yet, so it is replaced and ``first`` run once more."""
        conn = self._pg()
        try:
            first(conn)
        except ServerUnreachable:
            if getattr(self._local, "depth", 0) or not (conn.raw.closed or conn.raw.broken):
                raise
            conn = self._pg()
            first(conn)
        return conn

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        rows: list[Row] = []

        def read(conn: PgConnection) -> None:
            rows[:] = (conn.execute(sql, params or {}).fetchall())
        self._fresh(read)
        return rows

    def query_tuples(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        """Like ``query`` but each row a plain tuple (the Followers tab's many rows)."""
        return [tuple(row) for row in self.query(sql, params)]

    def query_one(self, sql: str, params: Params | None = None) -> Row | None:
        found: list[Row | None] = []

        def read(conn: PgConnection) -> None:
            found.append(conn.execute(sql, params or {}).fetchone())
        self._fresh(read)
        return found[0]

    def change_marker(self) -> int | None:
        """None: the change feed tells what other computers changed."""
        return None

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
