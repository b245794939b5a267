"""What a store sees of a database connection, whichever back end is underneath.

Stores write SQL with ``:name`` parameters and read rows by column name (or
position). SQLite's own ``sqlite3.Connection`` already works that way; the
PostgreSQL back end (``core.storage.postgres``) wraps a psycopg connection so it
does too. Stores annotate with ``Connection`` and ``Row`` from here, never with
``sqlite3`` itself, and catch ``database_errors()`` rather than ``sqlite3.Error``.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Protocol

Params = Mapping[str, Any]

# A row read by column name (``row["id"]``) or position (``row[0]``). On SQLite it is
# ``sqlite3.Row``; on PostgreSQL ``postgres.PgRow`` behaves the same way.
Row = sqlite3.Row


class Cursor(Protocol):
    """The part of a DB-API cursor the stores use."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    """``execute(sql, {named params})`` with ``:name`` placeholders, as sqlite3 has it."""

    def execute(self, sql: str, parameters: Params = ..., /) -> Cursor: ...

    def executemany(self, sql: str, seq_of_parameters: Iterable[Params], /) -> Cursor: ...


def _errors(name: str) -> tuple[type[Exception], ...]:
    """sqlite3's error of that name, and psycopg's once psycopg is loaded (only a
    PostgreSQL database loads it, and until then none of its errors can be raised):
    importing psycopg costs a fifth of a second the sign-in screen must not wait for."""
    errors: list[type[Exception]] = [getattr(sqlite3, name)]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        errors.append(getattr(psycopg, name))
    return tuple(errors)


def database_errors() -> tuple[type[Exception], ...]:
    """Every error a database back end raises for a failed statement (``except
    database_errors():`` is evaluated when an error is being matched)."""
    return _errors("DatabaseError")


def integrity_errors() -> tuple[type[Exception], ...]:
    """A constraint refused the change (a duplicate key, a missing row it refers to)."""
    return _errors("IntegrityError")


class SqlSyntaxError(ValueError):
    """Storage SQL the PostgreSQL translation refuses (a programming error, not the user's)."""


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """``:name`` placeholders as psycopg's ``%(name)s``; everything else kept as written.

    Text inside '...' literals, "..." identifiers and ``--`` comments is copied as is;
    a ``::`` cast stays a cast; every ``%`` is doubled because psycopg reads ``%`` as the
    start of a placeholder even inside a literal. An unterminated literal or a lone
    ``:`` not followed by a name is refused rather than guessed at.
    """
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            end = i + 1
            while True:
                end = sql.find(ch, end)
                if end < 0:
                    raise SqlSyntaxError(f"unterminated {ch} in SQL: {sql!r}")
                if end + 1 < n and sql[end + 1] == ch:  # '' or "" inside the quotes
                    end += 2
                    continue
                break
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
        elif ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif ch == ":":
            if sql.startswith("::", i):
                out.append("::")
                i += 2
                continue
            match = _NAME.match(sql, i + 1)
            if match is None:
                raise SqlSyntaxError(f"a ':' that is not a parameter in SQL: {sql!r}")
            out.append(f"%({match.group()})s")
            i = match.end()
        elif ch == "%":
            out.append("%%")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


_INTEGER_ID = re.compile(r"\bid INTEGER PRIMARY KEY\b(?!\s+CHECK)", re.IGNORECASE)


def postgres_ddl(statement: str) -> str:
    """A migration's statement for PostgreSQL.

    Migrations keep to INTEGER, TEXT and BLOB. SQLite gives an ``id INTEGER PRIMARY KEY``
    the next number when none is written; PostgreSQL needs an identity column for that.
    INTEGER becomes BIGINT (SQLite's integers are 64-bit), BLOB becomes BYTEA. Data
    statements (INSERT, UPDATE, DELETE) are portable as written and left alone.
    """
    head = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
    if head not in ("CREATE", "ALTER"):
        return statement
    statement = _INTEGER_ID.sub("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                                statement)
    statement = re.sub(r"\bINTEGER\b", "BIGINT", statement, flags=re.IGNORECASE)
    return re.sub(r"\bBLOB\b", "BYTEA", statement, flags=re.IGNORECASE)
