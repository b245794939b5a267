"""``stpeters-desk database move-to postgresql://…``: one computer's data onto the school's server.

A school that starts with one computer and adds more moves that computer's database
to the server once (issue 18). Everything happens in one transaction on the server:

1. the SQLite file is copied read-only to a scratch folder (the file itself is never
   written: it stays as the backup) and the copy brought up to this version's layout;
2. its audit log is checked with this computer's key and keyring record, as
   ``audit verify`` does: a log that does not verify is not moved;
3. on the server the migrations run, a database that already holds a school's data is
   refused, and every table is copied with its rows exactly (ids, hashes, seals);
4. every table is compared (the number of rows and a digest of their values), and
   the audit log is verified on the server with this computer's key and record.

Any failure rolls the transaction back, so the server is left as empty as it was.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stpeters_desk.core.audit import AuditTrail, AuditVerification, problem_fingerprint
from stpeters_desk.core.integrity import KeyringRecord, adopt_moved_database, read_keyring
from stpeters_desk.core.paths import DATABASE_NAME
from stpeters_desk.core.storage.db import (
    Database,
    DatabaseError,
    database_url,
    is_database_url,
    migrate,
    open_database,
    redact_url,
)
from stpeters_desk.core.storage.move import (
    Table,
    advance_identities,
    copy_rows,
    fingerprint,
    read_rows,
    snapshot,
    tables_in_copy_order,
)

if TYPE_CHECKING:
    from stpeters_desk.core.storage.postgres import PgDatabase

# Kept by the app for itself, not the school's data: rewritten whatever the target held.
BOOKKEEPING = frozenset({"schema_migrations", "integrity_seal"})


class MoveRefused(DatabaseError):
    """Nothing was moved (the server was left as it was); the message says why."""


@dataclass(frozen=True)
class MoveSummary:
    source: Path
    target: str  # the server's address without a password
    copied: tuple[tuple[str, int], ...]  # (table, rows), in the order they were copied
    audit_entries: int
    keyed: bool  # the audit log was checked with this computer's key
    left_behind: tuple[str, ...]  # tables in the file that are not the app's

    @property
    def rows(self) -> int:
        return sum(n for _, n in self.copied)

    def lines(self) -> list[str]:
        busy = [f"{table} {rows}" for table, rows in self.copied if rows]
        key = ("with this computer's key and keyring record" if self.keyed else
               "against itself (this computer has no audit key)")
        text = [
            f"Moved this computer's database to {self.target}.",
            f"  Copied {len(self.copied)} tables, {self.rows} rows: {', '.join(busy)}.",
            "  Checked on the server: every table has the same number of rows, with the same "
            "values, as here.",
            f"  The audit log verifies on the server {key}: {self.audit_entries} entries.",
            f"  {self.source} was only read, not changed: keep it as the backup of the "
            "school's data before the move.",
        ]
        if self.left_behind:
            text.append("  Not copied (not the app's own tables): "
                        + ", ".join(self.left_behind) + ".")
        text.append("Next: point every computer at the server (installers/KIOSK.md, "
                    "\"Several computers\"). Changes made in this computer's file from now on "
                    "stay in the file.")
        return text


def move_to_server(data_dir: Path, url: str, *, schema: str | None = None,
                   say: Callable[[str], None] = lambda _text: None) -> MoveSummary:
    """Copy ``data_dir``'s database to the server at ``url`` (in ``schema``, for tests).

    Raises ``MoveRefused`` (nothing written anywhere) or ``DatabaseError`` (the server
    could not be reached, or refused a row: its transaction was rolled back)."""
    source_file = data_dir / DATABASE_NAME
    if not source_file.is_file():
        raise MoveRefused(f"There is no database in {data_dir}, so there is nothing to move. "
                          "Check the folder given with --data-dir.")
    if not is_database_url(url):
        raise MoveRefused(f"{url!r} is not a postgresql:// address of the school's server.")
    record = read_keyring(Database(source_file), create_key=False)
    with tempfile.TemporaryDirectory(prefix="stpeters-desk-move-") as scratch:
        say(f"Reading {source_file} (read-only)…")
        snapshot(source_file, Path(scratch), DATABASE_NAME)
        source = open_database(Path(scratch))  # the copy, brought up to this version
        try:
            found = _verify_source(source, record)
            return _copy_to_server(source, source_file, record, found, url, schema, say)
        finally:
            source.close()


def _verify_source(source: Database, record: KeyringRecord) -> AuditVerification:
    head = AuditTrail(source).chain_head()
    if head is not None and head.keyed_from_id is not None and record.key is None:
        raise MoveRefused("The audit log is keyed, but its key cannot be read from this "
                          f"computer's keyring ({record.problem}), so it cannot be checked on "
                          "the server. Run the move as the person the app runs as, with the "
                          "keyring unlocked. Nothing was copied.")
    found = AuditTrail(source).verify(record.key, record.anchor)
    if not found.ok and not _accepted(found, record):
        raise MoveRefused(f"The audit log on this computer does not verify: {found.message} "
                          "A log that does not verify is not moved. Nothing was copied; run "
                          "\"stpeters-desk audit verify\" and sort this out first.")
    return found


def _accepted(found: AuditVerification, record: KeyringRecord) -> bool:
    accepted = record.anchor.accepted if record.anchor else ""
    return bool(accepted) and accepted == problem_fingerprint(found)


def _open_server(url: str, schema: str | None) -> PgDatabase:
    try:
        from stpeters_desk.core.storage.postgres import PgDatabase
    except ImportError as exc:
        raise MoveRefused("This copy of the app cannot use a PostgreSQL server: the psycopg "
                          "package is not installed (pip install 'psycopg[binary]').") from exc
    return PgDatabase(url, schema)


def _copy_to_server(source: Database, source_file: Path, record: KeyringRecord,
                    found: AuditVerification, url: str, schema: str | None,
                    say: Callable[[str], None]) -> MoveSummary:
    target = _open_server(url, schema)
    where = redact_url(url)
    try:
        with target.transaction() as conn:
            say(f"Preparing {where} (one transaction: nothing is kept unless all of it "
                "works)…")
            migrate(target)
            _refuse_unless_empty(target, where)
            names = {t for t in source.table_names() if not t.startswith("sqlite_")}
            order = tables_in_copy_order(source, names & target.table_names())
            _check_columns(target, order)
            copied: list[tuple[str, int]] = []
            for table in order:
                try:
                    rows = copy_rows(conn, table, read_rows(source, table))
                except Exception as exc:
                    raise DatabaseError(f"The server refused a row of {table.name} "
                                        f"({str(exc).strip()}). Nothing was kept on the "
                                        "server.") from exc
                copied.append((table.name, rows))
                if rows:
                    say(f"  {table.name}: {rows} rows")
            advance_identities(conn)
            say("Checking every table on the server…")
            _compare(source, target, order)
            after = AuditTrail(target).verify(record.key, record.anchor)
            if after.ok != found.ok or (not after.ok and problem_fingerprint(after)
                                        != problem_fingerprint(found)):
                raise DatabaseError("The audit log does not verify on the server as it does "
                                    f"here: {after.message} Nothing was kept on the server.")
        _adopt(target, record)
    finally:
        target.close()
    return MoveSummary(source_file, where, tuple(copied), after.checked,
                       record.key is not None,
                       tuple(sorted(names - {t.name for t in order})))


def _adopt(target: Database, record: KeyringRecord) -> None:
    """This computer's keyring learns where the log on the server ends (committed)."""
    from stpeters_desk.core.keystore import KeyringUnavailable

    try:
        adopt_moved_database(target, record.anchor.accepted if record.anchor else "")
    except KeyringUnavailable as exc:
        raise DatabaseError(f"The data was moved and checked, but this computer's keyring "
                            f"could not record where the audit log ends ({exc}). Unlock the "
                            "keyring and run the move into a new database again.") from exc


def _check_columns(target: Database, order: list[Table]) -> None:
    for table in order:
        if target.column_names(table.name) != set(table.columns):
            raise DatabaseError(f"The table {table.name} has other columns on the server than "
                                "here: the server was not made by this version of the app.")


def _refuse_unless_empty(target: Database, where: str) -> None:
    """Refuse a database that holds anything beyond what the migrations put in."""
    fresh = Database(Path(":memory:"))
    try:
        migrate(fresh)
        audit_rows = target.query_one("SELECT COUNT(*) AS n FROM audit_log")
        skip = set(BOOKKEEPING)
        if audit_rows is not None and int(audit_rows["n"]) == 0:
            skip.add("audit_chain_head")  # an app started there once keyed an empty log
        names = (fresh.table_names() & target.table_names()) - skip
        busy = [t.name for t in tables_in_copy_order(fresh, names)
                if fingerprint(target, t) != fingerprint(fresh, t)]
    finally:
        fresh.close()
    if busy:
        raise MoveRefused(
            f"The database {where} is not empty: it already holds data in "
            f"{', '.join(sorted(busy)[:6])}{'…' if len(busy) > 6 else ''}. A move only goes "
            "into a new, empty database, so that no school's data is overwritten or mixed. "
            "Create a new database with create-school-database.sql (installers/KIOSK.md) "
            "and move into that. Nothing was changed on the server.")


def _compare(source: Database, target: Database, order: list[Table]) -> None:
    for table in order:
        here, there = fingerprint(source, table), fingerprint(target, table)
        if here.rows != there.rows:
            raise DatabaseError(f"{table.name} has {here.rows} rows here but {there.rows} on "
                                "the server. Nothing was kept on the server.")
        if here.digest != there.digest:
            raise DatabaseError(f"{table.name} has the same number of rows on the server but "
                                "some values differ. Nothing was kept on the server.")


# -- the command line -------------------------------------------------------------------------
def database_cli(argv: list[str], data_dir: Path, *,
                 read_password: Callable[[str], str] | None = None) -> int:
    """``stpeters-desk database move-to postgresql://…`` and ``database upgrade``."""
    parser = argparse.ArgumentParser(
        prog="stpeters-desk database",
        description="The school's shared PostgreSQL database (several computers).")
    commands = parser.add_subparsers(dest="command", required=True)
    move = commands.add_parser(
        "move-to", help="copy this computer's data into a new, empty database on the "
                        "school's server and check it there; this computer's file is only "
                        "read (it stays as the backup). Connect as the database's owner role")
    move.add_argument("url", metavar="postgresql://owner@server/database",
                      help="the school's server; the password is asked for when needed "
                           "(or PGPASSWORD, or ~/.pgpass), never typed into the address")
    upgrade = commands.add_parser(
        "upgrade", help="bring the school's database up to this version of the app, as its "
                        "owner role, after each update and before the computers start it")
    upgrade.add_argument("--database", metavar="postgresql://owner@server/database",
                         help="the school's server (also STPETERS_DESK_DATABASE)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "upgrade":
        return _with_password_asked(_upgrade_target(args.database), read_password, _upgrade)
    return _with_password_asked(str(args.url), read_password,
                                lambda url: _move(data_dir, url))


def _upgrade_target(argument: str | None) -> str:
    try:
        url = database_url(argument)
    except DatabaseError as exc:
        return str(exc)
    return url or ""


def _move(data_dir: Path, url: str) -> None:
    summary = move_to_server(data_dir, url, say=print)
    for line in summary.lines():
        print(line)


def _upgrade(url: str) -> None:
    if not is_database_url(url):
        raise MoveRefused(url or "Name the school's server with --database postgresql://… "
                                 "(this computer's own database is brought up to date when "
                                 "the app starts).")
    db = _open_server(url, None)
    try:
        before = db.schema_version() if "schema_migrations" in db.table_names() else 0
        migrate(db)
        after = db.schema_version()
    finally:
        db.close()
    if before == after:
        print(f"{redact_url(url)} is up to date (layout {after}). Nothing was changed.")
    else:
        print(f"{redact_url(url)} brought up to date: layout {before} -> {after}.")


def _with_password_asked(url: str, read_password: Callable[[str], str] | None,
                         run: Callable[[str], None]) -> int:
    """Run the command; when the server wants a password that the address, PGPASSWORD and
    ~/.pgpass did not give, ask for it once at the terminal."""
    for attempt in range(2):
        try:
            run(url)
        except DatabaseError as exc:
            if attempt == 0 and _needs_password(exc):
                password = _ask_password(url, read_password)
                if password:
                    url = with_password(url, password)
                    continue
            print(f"Nothing was done: {exc}", file=sys.stderr)
            return 1
        return 0
    return 1


def _needs_password(exc: DatabaseError) -> bool:
    text = f"{exc} {exc.__cause__ or ''}".lower()
    return "password" in text and ("no password" in text or "authentication failed" in text)


def _ask_password(url: str, read_password: Callable[[str], str] | None) -> str:
    if read_password is None:
        if not sys.stdin.isatty():
            return ""
        import getpass

        read_password = getpass.getpass
    return read_password(f"Password for {redact_url(url)}: ")


def with_password(url: str, password: str) -> str:
    """The address with the password in it, for this process only (never printed: the
    app's messages show ``redact_url``)."""
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(url)
    user = quote(parts.username or "", safe="")
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"{user}:{quote(password, safe='')}@{host}", parts.path,
                       parts.query, parts.fragment))
