"""What a migration is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stpeters_desk.core.storage.connection import Connection


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    statements: tuple[str, ...]
    # Runs after the statements, in the same transaction: for data changes that need
    # Python (e.g. hashing existing rows). Keep it to portable SQL too.
    apply: Callable[[Connection], None] | None = None
