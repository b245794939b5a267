"""The shared server as ``--screenshot`` sees it: everything it writes is rolled back.

On SQLite a screenshot draws from a private copy of the file. A school's server cannot
be copied that way, so every write transaction here ends in ROLLBACK: opening a tab
that would save a draft or sync followers leaves the school's data as it was. The
schema must already be current (nothing is migrated), and no integrity guard is
attached (the check ran, read-only, before).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.postgres import PgDatabase


class RolledBackPgDatabase(PgDatabase):
    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[Connection]:
        conn = self._pg()
        if getattr(self._local, "depth", 0):
            with self._savepoint(conn):
                yield conn
            return
        try:
            conn.execute("BEGIN")
            self._local.depth = 1
            yield conn
        finally:
            self._local.depth = 0
            if conn.in_transaction and not conn.raw.closed:
                conn.execute("ROLLBACK")
