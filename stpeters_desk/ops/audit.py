"""Reading, checking and exporting the audit log: for the people the table allows.

The Audit tab shows what these return; exporting is itself recorded (who took a
copy of the log, where to and how many entries), like the command line's export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stpeters_desk.core.audit import AuditTrail, AuditVerification
from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.storage.audit import AuditEntry
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.session import Session


@dataclass(frozen=True)
class AuditFilter:
    person: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 100_000


class AuditLogOperations:
    def __init__(self, trail: AuditTrail, gate: Gate) -> None:
        self._trail = trail
        self._gate = gate

    def people(self, session: Session) -> list[str]:
        self._gate.clear(session, Action.VIEW_AUDIT)
        return self._trail.people()

    def actions(self, session: Session) -> list[str]:
        """The vocabulary's actions, then any other names older logs contain."""
        self._gate.clear(session, Action.VIEW_AUDIT)
        known = [action.value for action in AuditAction]
        return known + [name for name in self._trail.actions() if name not in set(known)]

    def search(self, session: Session, chosen: AuditFilter) -> list[AuditEntry]:
        self._gate.clear(session, Action.VIEW_AUDIT)
        return self._trail.query(person=chosen.person, action=chosen.action,
                                 since=chosen.since, until=chosen.until, limit=chosen.limit)

    def verify(self, session: Session) -> AuditVerification:
        self._gate.clear(session, Action.VIEW_AUDIT)
        return self._trail.verify()

    def export(self, session: Session, path: Path, entries: Sequence[AuditEntry]) -> int:
        """Write ``entries`` as CSV and record the export; an unwritable file records
        nothing (``OSError`` goes to the caller)."""
        clearance = self._gate.clear(session, Action.EXPORT_AUDIT)
        count = self._trail.export_csv(path, entries)
        self._gate.record(clearance, str(path), f"{count} entries")
        return count
