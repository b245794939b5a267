"""Copying a computer's SQLite database to the school's PostgreSQL server, table by table.

This module reads SQLite and writes PostgreSQL on purpose: it is the one place where
the two back ends meet (``stpeters-desk database move-to``, ``core.database_move``).
The SQLite file is opened read-only and copied to a scratch file first, so the
school's own file is never written, not even by a migration.

Rows are copied exactly, ids included (the audit log's hashes cover each entry's
number), in an order where every row a foreign key refers to is already there.
Tables the migrations fill (the permissions every school starts with, the audit
chain's head) are overwritten with this computer's rows. Afterwards each identity
column's sequence is moved past the copied ids, so the next row the app adds on the
server gets a fresh number.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.db import Database

BATCH = 500  # rows read and sent at a time: photos are BLOBs, memory stays flat


def snapshot(sqlite_file: Path, scratch_folder: Path, name: str) -> Path:
    """A consistent copy of ``sqlite_file`` in ``scratch_folder``, the original opened
    read-only. With no write-ahead log beside it (the app is closed) it is opened
    ``immutable``, so SQLite creates no side files next to it either."""
    wal = sqlite_file.with_name(sqlite_file.name + "-wal")
    uri = sqlite_file.resolve().as_uri() + ("?mode=ro" if wal.exists() else
                                            "?mode=ro&immutable=1")
    source = sqlite3.connect(uri, uri=True)
    copy = scratch_folder / name
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return copy


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # the primary key's columns (all columns when it has none)


def tables_in_copy_order(db: Database, names: Iterable[str]) -> list[Table]:
    """``names`` (tables of the SQLite ``db``) ordered so that a table comes after every
    table its foreign keys refer to; ties in name order, so the order is repeatable."""
    wanted = sorted(set(names))
    refers: dict[str, set[str]] = {}
    described: dict[str, Table] = {}
    for name in wanted:
        info = db.query(f"PRAGMA table_info({_quoted(name)})")
        columns = tuple(str(r["name"]) for r in info)
        key = tuple(str(r["name"]) for r in sorted(info, key=lambda r: int(r["pk"]))
                    if int(r["pk"]))
        described[name] = Table(name, columns, key or columns)
        refers[name] = {str(r["table"]) for r in
                        db.query(f"PRAGMA foreign_key_list({_quoted(name)})")} & set(wanted)
        refers[name].discard(name)
    ordered: list[Table] = []
    placed: set[str] = set()
    while len(ordered) < len(wanted):
        ready = [n for n in wanted if n not in placed and refers[n] <= placed]
        if not ready:  # a cycle: no migration makes one, so this is not the app's schema
            raise ValueError("the tables' foreign keys refer to each other in a circle: "
                             + ", ".join(n for n in wanted if n not in placed))
        for name in ready:
            ordered.append(described[name])
            placed.add(name)
    return ordered


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_list(columns: Sequence[str]) -> str:
    return ", ".join(_quoted(c) for c in columns)


def read_rows(db: Database, table: Table) -> Iterator[list[tuple[Any, ...]]]:
    """Every row of ``table`` in ``db`` (any back end), a batch at a time."""
    cursor = db.reader().execute(f"SELECT {_column_list(table.columns)} FROM {_quoted(table.name)}")
    while batch := cursor.fetchmany(BATCH):
        yield [tuple(row) for row in batch]


def existing_keys(conn: Connection, table: Table) -> set[tuple[Any, ...]]:
    rows = conn.execute(f"SELECT {_column_list(table.key)} FROM {_quoted(table.name)}").fetchall()
    return {tuple(row) for row in rows}


def copy_rows(conn: Connection, table: Table, batches: Iterable[list[tuple[Any, ...]]]) -> int:
    """Write the rows into ``table`` on the server inside the caller's transaction.

    A row whose key is already there (a row the migrations put in) is overwritten; rows
    the migrations put in that this computer does not have are removed, so the table
    ends up holding exactly this computer's rows. Returns the rows written."""
    before = existing_keys(conn, table)
    names = [f"c{i}" for i in range(len(table.columns))]
    others = [c for c in table.columns if c not in table.key]
    on_conflict = ("DO NOTHING" if not others else
                   "DO UPDATE SET " + ", ".join(f"{_quoted(c)} = EXCLUDED.{_quoted(c)}"
                                                for c in others))
    sql = (f"INSERT INTO {_quoted(table.name)} ({_column_list(table.columns)}) VALUES ("
           + ", ".join(f":{n}" for n in names)
           + f") ON CONFLICT ({_column_list(table.key)}) {on_conflict}")
    key_at = [table.columns.index(c) for c in table.key]
    written = 0
    for batch in batches:
        conn.executemany(sql, [dict(zip(names, row, strict=True)) for row in batch])
        before -= {tuple(row[i] for i in key_at) for row in batch}
        written += len(batch)
    for stale in before:
        conn.execute(f"DELETE FROM {_quoted(table.name)} WHERE "
                     + " AND ".join(f"{_quoted(c)} = :k{i}" for i, c in enumerate(table.key)),
                     {f"k{i}": value for i, value in enumerate(stale)})
    return written


def advance_identities(conn: Connection) -> int:
    """PostgreSQL: move every identity column's sequence past the largest id copied, so
    the next row added on the server does not collide. Returns the sequences moved."""
    columns = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_identity = 'YES'").fetchall()
    moved = 0
    for table, column in ((str(r[0]), str(r[1])) for r in columns):
        top = conn.execute(f"SELECT MAX({_quoted(column)}) FROM {_quoted(table)}").fetchone()[0]
        if top is None:
            continue
        conn.execute("SELECT setval(pg_get_serial_sequence(:table, :column), :top)",
                     {"table": _quoted(table), "column": column, "top": int(top)})
        moved += 1
    return moved


@dataclass(frozen=True)
class Fingerprint:
    rows: int
    digest: str  # over the rows' values, whatever order the back end returns them in


def _value(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, bool):
        return int(value)
    return value


def fingerprint(db: Database, table: Table) -> Fingerprint:
    """The count and an order-free digest of ``table``'s rows in ``db``: equal on both
    back ends when every row arrived with every value as it was."""
    hashes: list[bytes] = []
    for batch in read_rows(db, table):
        for row in batch:
            text = repr(tuple(_value(v) for v in row)).encode("utf-8", "backslashreplace")
            hashes.append(hashlib.sha256(text).digest())
    hashes.sort()
    return Fingerprint(len(hashes), hashlib.sha256(b"".join(hashes)).hexdigest())
