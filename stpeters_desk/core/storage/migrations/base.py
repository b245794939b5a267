"""What a migration is."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    statements: tuple[str, ...]
    # Runs after the statements, in the same transaction: for data changes that need
    # Python (e.g. hashing existing rows). Keep it to portable SQL too.
    apply: Callable[[sqlite3.Connection], None] | None = None
