"""What the school's reads from X cost this month, and the limit the head teacher set.

X's API is paid per post or account a read returns. ``ReadBudget`` is the gateway's
read meter: it adds every read answer to this month's count (in the database, so all
the school's computers share one figure) and refuses a read the gateway is about to
make once the head's monthly limit is reached. Posting is never refused by it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from stpeters_desk.core.settings_registry import X_READ_CAP, read
from stpeters_desk.core.storage.connection import database_errors
from stpeters_desk.core.storage.db import DatabaseError
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.core.storage.usage_store import MonthUsage, UsageStore
from stpeters_desk.x.errors import ReadCapReached

_log = logging.getLogger(__name__)


def month_of(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m")


@dataclass(frozen=True)
class ReadFigures:
    usage: MonthUsage
    cap: int | None

    @property
    def left(self) -> int | None:
        return None if self.cap is None else max(0, self.cap - self.usage.resources)


class ReadBudget:
    def __init__(self, store: UsageStore, settings: SettingsStore, kind: str,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._store = store
        self._settings = settings
        self._kind = kind
        self._clock = clock

    def cap(self) -> int | None:
        """The head's monthly limit; an unreadable value counts as no limit set."""
        value = read(self._settings, X_READ_CAP)
        return value if value > 0 else None

    def figures(self) -> ReadFigures:
        return ReadFigures(self._store.month(self._kind, month_of(self._clock())), self.cap())

    def before_read(self, feature: str) -> None:
        figures = self.figures()
        if figures.left == 0:
            raise ReadCapReached()

    def after_read(self, resources: int) -> None:
        """Never fails the read X already answered: a lost count is logged instead."""
        try:
            self._store.add(self._kind, month_of(self._clock()), resources)
        except database_errors() as exc:
            _log.warning("could not count a read from X: %s", exc)
        except DatabaseError as exc:
            _log.warning("could not count a read from X: %s", exc)
