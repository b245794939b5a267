"""The reads from X this month and the head teacher's monthly limit on them."""

from __future__ import annotations

from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import MAX_READ_CAP, X_READ_CAP, write
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.core.x_usage import ReadBudget, ReadFigures
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.session import Session


class BadReadCap(Refused):
    """The limit typed is not a whole number the app can keep."""


def validate_read_cap(cap: int) -> None:
    """Checked before the head's PIN is asked for, and again in ``set_cap``."""
    if not 0 <= cap <= MAX_READ_CAP:
        raise BadReadCap(translate("XUsage", "Type a limit from 0 (no limit) to {most}.")
                         .format(most=f"{MAX_READ_CAP:,}"))


def x_usage_ops(services: DeskServices) -> XUsageOperations:
    """The reads of the account the window uses (the practice account's are free)."""
    from stpeters_desk.core.storage.usage_store import UsageStore
    from stpeters_desk.ops.context import gate_of

    assert services.db is not None
    budget = ReadBudget(UsageStore(services.db), services.settings, services.gateway.kind)
    return XUsageOperations(budget, services.settings, gate_of(services))


class XUsageOperations:
    def __init__(self, budget: ReadBudget, settings: SettingsStore, gate: Gate) -> None:
        self._budget = budget
        self._settings = settings
        self._gate = gate

    def figures(self) -> ReadFigures:
        """Shown to anyone in Settings: how much of the month's reads are spent."""
        return self._budget.figures()

    def set_cap(self, session: Session, cap: int, head_pin: str | None) -> ReadFigures:
        """0 removes the limit. The head's PIN is needed: the limit can stop the
        replies inbox and the follower checks for the rest of the month."""
        validate_read_cap(cap)

        def change(_clearance: Clearance) -> None:
            write(self._settings, X_READ_CAP, cap)

        self._gate.perform(session, Action.SET_READ_CAP, change,
                           detail=f"{cap:,} a month" if cap else "no limit",
                           head_pin=head_pin)
        return self._budget.figures()
