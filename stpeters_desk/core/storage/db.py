"""The one place that opens the app's database.

SQLite in WAL mode lets the UI thread read while a worker thread writes (an
outbox send, a sandbox post) without "database is locked" errors. Each thread
gets its own connection because sqlite3 connections must not be shared.

Every commit is synced to the disk (``synchronous = FULL``): with ``NORMAL`` a
power cut can roll back the last commits, such as the outbox's "sending" mark
made just before X is called. Only writes that are repeated within a second
anyway (the draft at each keystroke) may ask for ``durable=False``.

A ``WriteGuard`` (``stpeters_desk.core.integrity``) can be attached: it is
asked before every write transaction (so nothing changes before the start-up
integrity check is done, or after the file was changed behind the app's
back), and it reseals the security state before each commit.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.storage.connection import Connection, Params, Row
from stpeters_desk.i18n import translate

if TYPE_CHECKING:
    from stpeters_desk.core.storage.migrations import Migration

# The environment variable naming the school's shared database (a postgresql:// URL).
DATABASE_ENV = "STPETERS_DESK_DATABASE"

# The numbers of the migrations in ``migrations.MIGRATIONS`` (a test holds the two the
# same). A database that has them all opens without loading the migrations themselves,
# which would cost every start a fiftieth of its time for nothing.
KNOWN_MIGRATIONS = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 20,
                              21})
MIGRATIONS: tuple[Migration, ...] | None = None  # None: the package's list (tests set one)

__all__ = ["DATABASE_ENV", "Connection", "Database", "DatabaseError", "DiskFull", "Params",
           "Row", "ServerUnreachable", "database_url", "migrate", "open_database",
           "redact_url"]


class Closable(Protocol):
    def close(self) -> None: ...


class ThreadConnections:
    """Each thread's own connection, and the list of all of them to close at the end.

    SQLite connections must not be shared between threads, and neither should a
    PostgreSQL connection in the middle of a transaction: both back ends keep one
    connection per thread, and this keeps the book for either.
    """

    def __init__(self) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Closable] = []

    def current(self) -> Closable | None:
        """This thread's connection, if it has one (each back end checks its own kind)."""
        conn: Closable | None = getattr(self._local, "conn", None)
        return conn

    def keep(self, conn: Closable) -> None:
        """``conn`` becomes this thread's connection."""
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)

    def forget(self, conn: Closable) -> None:
        """``conn`` is no longer kept (a server dropped it); closing it is the caller's."""
        with self._lock:
            if conn in self._all:
                self._all.remove(conn)
        if self.current() is conn:
            self._local.conn = None

    def close_current(self) -> None:
        """For a short-lived thread: close its connection when it is done."""
        conn = self.current()
        if conn is None:
            return
        self.forget(conn)
        conn.close()

    def close_all(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


class DatabaseError(Exception):
    """The database file cannot be opened or is damaged; says what to do."""


class DiskFull(DatabaseError):
    """The disk is full: nothing was saved by the change that hit it, nothing else is lost."""

    def __init__(self, folder: Path) -> None:
        super().__init__(translate(
            "Database", "The disk that holds {folder} is full, so the app could not save. "
                        "Nothing that was already saved is lost. Free some space on that disk "
                        "(empty the recycle bin, remove old downloads), then start the app "
                        "again.").format(folder=folder))


class ServerUnreachable(DatabaseError):
    """The school's database server cannot be reached: nothing was changed, and nothing is
    posted, approved or recorded until it is back (no other database is used meanwhile)."""

    def __init__(self, detail: str = "", where: str = "") -> None:
        self.detail = detail  # the driver's words, for logs; not shown to the person
        message = translate(
            "Database", "The school's database server cannot be reached, so this was not "
                        "done: nothing is posted, approved or recorded until the server is "
                        "back. The app keeps trying; try again in a moment.")
        if where:  # the address without its password, for whoever checks the server
            message += " " + translate("Database", "(Server: {where}.)").format(where=where)
        super().__init__(message)


def keep_the_file_advice(path: Path) -> str:
    """What to do with a database that cannot be trusted, without losing anything."""
    return translate(
        "Database", "Do not delete or replace {file} and the files next to it: copy the whole "
                    "folder {folder} somewhere safe first, then restore the folder from the "
                    "last backup (installers/KIOSK.md, “Restoring”) and keep the damaged copy "
                    "for IT.").format(file=path.name, folder=path.parent)


class WriteGuard(Protocol):
    """Checks and seals around every write transaction (see ``core.integrity``)."""

    @property
    def chain_key(self) -> bytes | None:
        """The audit chain's HMAC key, once read from the keyring; None before keying."""

    def before_begin(self) -> None:
        """Wait for the start-up check; raise to refuse (the database failed it)."""

    def before_write(self, conn: Connection) -> None:
        """Inside the transaction, before any change: raise if the file was changed behind
        the app's back since the last seal."""

    def before_commit(self, conn: Connection) -> None:
        """Seal the state the transaction leaves behind."""

    def after_commit(self, conn: Connection) -> None:
        """Record the new end of the audit chain outside the database."""


class DeskConnection(sqlite3.Connection):
    """A connection that knows its ``Database``, so the audit chain can find its key."""

    database: Database | None = None


def connection_guard(conn: Connection) -> WriteGuard | None:
    database = getattr(conn, "database", None)
    if isinstance(database, Database):
        return database.guard
    return None


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or "database or disk is full" in str(exc))


def utc_now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Database:
    """A handle on the app's database, safe to use from any thread.

    This one is SQLite, in one file; ``core.storage.postgres.PgDatabase`` is the same
    interface on a PostgreSQL server shared by the school's computers.
    """

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()  # this thread's transaction depth
        self._threads = ThreadConnections()
        self.guard: WriteGuard | None = None

    def _connection(self) -> sqlite3.Connection:
        conn = self._threads.current()
        if isinstance(conn, sqlite3.Connection):
            return conn
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                               check_same_thread=False, factory=DeskConnection)
        assert isinstance(conn, DeskConnection)
        conn.database = self
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA synchronous = FULL")
        self._threads.keep(conn)
        return conn

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[Connection]:
        """All-or-nothing: an exception inside rolls every statement back.

        ``durable=False`` commits without waiting for the disk: it survives the app
        being killed, not a power cut, and a later durable commit makes it durable too.
        A full disk becomes ``DiskFull``, whose message says what to do.
        """
        conn = self._connection()
        if getattr(self._local, "depth", 0):
            with self._savepoint(conn):
                yield conn
            return
        guard = self.guard
        if guard is not None:
            guard.before_begin()
        if not durable:
            conn.execute("PRAGMA synchronous = NORMAL")
        try:
            conn.execute("BEGIN IMMEDIATE")
            self._local.depth = 1
            try:
                if guard is not None:
                    guard.before_write(conn)
                yield conn
                if guard is not None:
                    guard.before_commit(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # also after a COMMIT that failed (a full disk)
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFull(self.path.parent) from exc
            raise
        finally:
            self._local.depth = 0
            if not durable:
                conn.execute("PRAGMA synchronous = FULL")
        if guard is not None:
            guard.after_commit(conn)

    @contextmanager
    def _savepoint(self, conn: Connection) -> Iterator[None]:
        """A transaction inside a transaction (an operation calling a store): it joins the
        outer one, so the change and its audit entry commit or roll back together; an
        error inside undoes only this part and goes on to the outer transaction."""
        depth = self._local.depth
        name = f"inner_{depth}"
        conn.execute(f"SAVEPOINT {name}")
        self._local.depth = depth + 1
        try:
            yield
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        else:
            conn.execute(f"RELEASE {name}")
        finally:
            self._local.depth = depth

    def in_transaction(self) -> bool:
        """Whether this thread is inside ``transaction`` (operations check it)."""
        return bool(getattr(self._local, "depth", 0))

    def reader(self) -> Any:
        """This thread's connection, for storage helpers that only read."""
        return self._connection()

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        return self._connection().execute(sql, params or {}).fetchall()

    def query_tuples(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        """Like ``query`` but each row a plain tuple: quicker when there are many thousands."""
        cursor = self._connection().cursor()
        cursor.row_factory = None
        rows: list[tuple[Any, ...]] = cursor.execute(sql, params or {}).fetchall()
        return rows

    def query_one(self, sql: str, params: Params | None = None) -> Row | None:
        row: Row | None = self._connection().execute(sql, params or {}).fetchone()
        return row

    def execute(self, sql: str, params: Params | None = None) -> int:
        """Run one statement in its own transaction; returns the rows changed."""
        with self.transaction() as conn:
            return conn.execute(sql, params or {}).rowcount

    def close_thread_connection(self) -> None:
        """For a short-lived thread: close its connection when it is done."""
        self._threads.close_current()

    def close(self) -> None:
        self._threads.close_all()
        self._local = threading.local()

    def change_marker(self) -> int | None:
        """A number that changes when another connection (another window on this data
        folder, a worker thread) commits: SQLite's ``data_version``. None where there is
        no such number (PostgreSQL: its change feed says what changed)."""
        row = self._connection().execute("PRAGMA data_version").fetchone()
        return int(row[0]) if row else None

    def schema_version(self) -> int:
        row = self.query_one("SELECT MAX(version) AS v FROM schema_migrations")
        return int(row["v"] or 0) if row else 0

    def quick_check(self) -> list[str]:
        """SQLite's own quick check of the file's structure: [] when it is sound.

        Linear in the file's size and without the slow index cross-checks of
        ``integrity_check``: milliseconds for a school's database.
        """
        rows = self.query("PRAGMA quick_check")
        found = [str(r[0]) for r in rows]
        return [] if found == ["ok"] else found

    def table_names(self) -> set[str]:
        return {str(r["name"]) for r in self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}

    def column_names(self, table: str) -> set[str]:
        return {str(r["name"]) for r in self.query(f"PRAGMA table_info({table})")}

    def ddl(self, statement: str) -> str:
        """A migration's statement in this back end's dialect (SQLite: as written)."""
        return statement

    def missing_tables(self) -> list[str]:
        """Tables every migration made that are no longer in the file (dropped by hand)."""
        return sorted(expected_tables() - self.table_names())


def is_database_url(where: str | Path | None) -> bool:
    return isinstance(where, str) and where.startswith(("postgresql://", "postgres://"))


def redact_url(url: str) -> str:
    """The server's address without its password, for messages and logs."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = (f"{parts.username}@" if parts.username else "") + host + (
        f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def database_url(argument: str | None) -> str | None:
    """The shared database's URL: ``--database`` first, then ``STPETERS_DESK_DATABASE``;
    None means SQLite in the data folder."""
    import os

    for candidate in (argument, os.environ.get(DATABASE_ENV)):
        if candidate:
            if not is_database_url(candidate):
                raise DatabaseError(
                    f"The database {candidate!r} is not a postgresql:// address. Leave it "
                    "out to keep the database on this computer, or give the school's "
                    "server as postgresql://user@host/database.")
            return candidate
    return None


def open_database(data_dir: Path | str, schema: str | None = None) -> Database:
    """Open the app's database and bring the schema up to date.

    A ``postgresql://`` URL opens the school's shared server (``schema`` chooses a
    schema on it, for tests); a folder creates SQLite's file there if needed.
    """
    if is_database_url(data_dir):
        return _open_postgres(str(data_dir), schema)
    data_dir = Path(data_dir)
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
    except DatabaseError:
        db.close()
        raise
    except sqlite3.DatabaseError as exc:
        db.close()
        if is_disk_full(exc):
            raise DiskFull(data_dir) from exc
        raise DatabaseError(translate(
            "Database", "The app's database at {path} cannot be read ({error}).").format(
            path=db.path, error=exc) + " " + keep_the_file_advice(db.path)) from exc
    return db


def _open_postgres(url: str, schema: str | None) -> Database:
    try:
        from stpeters_desk.core.storage.postgres import PgDatabase
    except ImportError as exc:
        raise DatabaseError(
            "This copy of the app cannot use a PostgreSQL server: the psycopg package is "
            "not installed (pip install 'psycopg[binary]').") from exc
    db = PgDatabase(url, schema)
    try:
        _migrate(db)
    except BaseException as exc:
        db.close()
        if getattr(exc, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise DatabaseError(_owner_must_upgrade(url)) from exc
        raise
    return db


def migrate(db: Database) -> None:
    """Bring ``db``'s layout up to date. Inside an open transaction the migrations join it
    (on PostgreSQL they then commit or roll back with it: ``database move-to``)."""
    _migrate(db)
# PostgreSQL's error code for "permission denied".
INSUFFICIENT_PRIVILEGE = "42501"


def _owner_must_upgrade(url: str) -> str:
    """A computer's own role may read and write the school's data but not change its
    layout (resources/server/create-school-database.sql): the owner role upgrades it."""
    return translate(
        "Database", "The school's database {where} needs bringing up to date for this version "
                    "of the app, and this computer's database role may not change its layout "
                    "(that is kept to the database's owner role, so no computer can alter or "
                    "drop the school's tables). Ask the IT technician to run, on any "
                    "computer, stpeters-desk database upgrade --database "
                    "postgresql://stpeters_desk_owner@SERVER/DATABASE (the owner role made by "
                    "create-school-database.sql), then start the app here again. Nothing was "
                    "changed.").format(where=redact_url(url))


def _migrate(db: Database) -> None:
    """Apply every migration not yet recorded, in number order; refuse a newer database.

    Missing numbers are applied even below the highest one recorded, so two
    migrations made on separate branches (7 and 8, say) reach every database.
    """
    if "schema_migrations" not in db.table_names():
        with db.transaction() as conn:
            conn.execute(db.ddl("""CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )"""))
    applied = {int(r["version"]) for r in db.query("SELECT version FROM schema_migrations")}
    known = KNOWN_MIGRATIONS if MIGRATIONS is None else {m.number for m in MIGRATIONS}
    newest_known = max(known)
    if applied and max(applied) > newest_known:
        raise DatabaseError(translate(
            "Database", "The database at {path} was last used by a newer version of the app "
                        "(its layout is number {found}; this version knows up to {known}). "
                        "Nothing was changed. Install the newer version again, or restore the "
                        "data folder from a backup made before the update.").format(
            path=db.path, found=max(applied), known=newest_known))
    if known <= applied:
        return  # up to date: the usual start
    for migration in _migrations():
        if migration.number in applied:
            continue
        with db.transaction() as conn:
            if conn.execute("SELECT 1 AS done FROM schema_migrations WHERE version = :version",
                            {"version": migration.number}).fetchone():
                continue  # another computer applied it meanwhile (its write lock is ours now)
            for statement in migration.statements:
                conn.execute(db.ddl(statement))
            if migration.apply is not None:
                migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES (:version, :name, :at)",
                {"version": migration.number, "name": migration.name, "at": utc_now_text()},
            )


def _migrations() -> tuple[Migration, ...]:
    if MIGRATIONS is not None:
        return MIGRATIONS
    from stpeters_desk.core.storage.migrations import MIGRATIONS as every

    return every


def expected_tables() -> set[str]:
    """The tables the migrations create, read from a scratch in-memory database once."""
    global _EXPECTED_TABLES
    if _EXPECTED_TABLES is None:
        scratch = Database(Path(":memory:"))
        _migrate(scratch)
        _EXPECTED_TABLES = scratch.table_names()
        scratch.close()
    return _EXPECTED_TABLES


_EXPECTED_TABLES: set[str] | None = None
