"""Replies and mentions: every decision the Moderation tab offers, guarded and audited.

Each decision passes the gate first (the table's permission as stored now, and a
reason: the governors read why), then asks X where X has a say (hide, unhide, mute,
delete), and only then keeps the new status and its audit entry in one transaction.
When X refuses, nothing is changed or recorded; when the gate refuses, X is not asked.

Blocking and reporting are hand-offs to x.com (X's self-serve API can do neither):
the block is recorded as pending until the account's blocked list shows it, and a
report is recorded once the person says they sent it.

Fetching replies and the app's own confirmation of blocks are not actions a person
decides, so they are not in the table; they need no gate, and the confirmation is
recorded under the app's name (``BLOCK_CHECKER``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.governors_report import (
    GovernorsReport,
    ReportPeriod,
    build_governors_report,
    save_governors_report,
)
from stpeters_desk.core.incident import IncidentReport, audit_detail, save_incident_pack
from stpeters_desk.core.moderation_service import (
    AuditRecord,
    ModerationError,
    ModerationInbox,
    Progress,
    RefreshResult,
    ShownPicture,
)
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.moderation_store import (
    BLOCK_PENDING,
    BLOCKED,
    HIDDEN,
    MUTED,
    NEW,
    REPORTED,
    REVIEWED,
    ModerationStore,
    StoredMention,
)
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.session import Session
from stpeters_desk.x.gateway import XGateway
from stpeters_desk.x.models import HandOff

# What the Moderation tab shows comes through here, not from the store (the UI's one door).
__all__ = [
    "BLOCKED", "BLOCK_PENDING", "HIDDEN", "MUTED", "NEW", "REPORTED", "REVIEWED",
    "ModerationError", "ModerationOps", "RefreshResult", "ShownPicture", "StoredMention",
    "gate_recorder",
    "moderation_ops",
]

T = TypeVar("T")


def gate_recorder(gate: Gate, clearance: Clearance) -> AuditRecord:
    """An audit recorder for a core service that writes through ``gate`` for ``clearance``.

    The service decides *when* to record (inside its transaction, after X agreed); the
    gate decides *what*: the cleared actor and the table's audit name. A service that
    would record anything else is a programming mistake, and is refused (its
    transaction rolls back) rather than written under the wrong name.
    """

    def record(actor: str, action: str, target: str = "", detail: str = "", *,
               reason: str = "") -> None:
        cleared = clearance.audit.value if clearance.audit is not None else None
        if action != cleared or actor != clearance.actor:
            raise RuntimeError(f"{action!r} by {actor!r} was not what the gate cleared "
                               f"({cleared!r} by {clearance.actor!r})")
        gate.record(clearance, target, detail)

    return record


@dataclass(frozen=True)
class FetchResult:
    """What one Refresh found, and the blocks X's blocked list now confirms."""

    result: RefreshResult
    confirmed: list[str]
    stopped: bool = False  # stopped on request: the replies read are kept, blocks unchecked


class ModerationOps:
    """The Moderation tab's operations over one inbox (the sandbox or the real account)."""

    def __init__(self, gate: Gate, inbox: ModerationInbox, store: ModerationStore,
                 audit: AuditTrail, gateway: XGateway) -> None:
        self._gate = gate
        self._inbox = inbox
        self._store = store
        self._audit = audit
        self._gateway = gateway

    @property
    def kind(self) -> str:
        """"sandbox" or "x": which account's replies these are."""
        return self._inbox.kind

    # -- reading (no one's decision, so not in the table) ---------------------------------------

    def fetch(self, progress: Progress | None = None,
              stop: Callable[[], bool] = lambda: False) -> FetchResult:
        """New replies since last time; then the blocks X now shows, unless asked to stop."""
        result = self._inbox.refresh(progress)
        if stop():
            return FetchResult(result, [], stopped=True)
        return FetchResult(result, self._inbox.confirm_blocks())

    def confirm_blocks(self) -> list[str]:
        """Settle pending blocks the account's blocked list now shows (the app's own check)."""
        return self._inbox.confirm_blocks()

    def items(self, limit: int) -> list[StoredMention]:
        return self._inbox.items(limit)

    def counts(self) -> dict[str, int]:
        return self._inbox.counts()

    def fine_counts(self) -> tuple[int, int]:
        return self._inbox.fine_counts()

    # -- decisions ------------------------------------------------------------------------------

    def hide(self, session: Session, post_id: str, why: str) -> None:
        self._decide(session, Action.HIDE, why,
                     lambda inbox, actor, reason: inbox.hide(post_id, actor, reason))

    def unhide(self, session: Session, post_id: str, why: str) -> None:
        self._decide(session, Action.UNHIDE, why,
                     lambda inbox, actor, reason: inbox.unhide(post_id, actor, reason))

    def mute_author(self, session: Session, post_id: str, why: str) -> None:
        self._decide(session, Action.MUTE, why,
                     lambda inbox, actor, reason: inbox.mute_author(post_id, actor, reason))

    def mark_reviewed(self, session: Session, post_id: str, why: str) -> None:
        self._decide(session, Action.MARK_REVIEWED, why,
                     lambda inbox, actor, reason: inbox.mark_reviewed(post_id, actor, reason))

    def block_author(self, session: Session, post_id: str, why: str) -> HandOff:
        """Record the decision (block pending) and return the x.com page to block them on."""
        return self._decide(session, Action.BLOCK_REPLY_AUTHOR, why,
                            lambda inbox, actor, reason: inbox.request_block(post_id, actor,
                                                                             reason))

    def report_handoff(self, session: Session, post_id: str, why: str) -> HandOff:
        """The x.com page to report the reply on; cleared first, recorded by ``record_report``."""
        self._gate.clear(session, Action.REPORT, reason=why)
        return self._inbox.report_handoff(post_id)

    def record_report(self, session: Session, post_id: str, why: str) -> None:
        """The person says they reported it on x.com: record what and why."""
        self._decide(session, Action.REPORT, why,
                     lambda inbox, actor, reason: inbox.mark_reported(post_id, actor, reason))

    def delete_answered_post(self, session: Session, post_id: str, why: str) -> None:
        """Delete the school's own post ``post_id`` (one a reply answered) on X."""
        self._decide(session, Action.DELETE_ANSWERED_POST, why,
                     lambda inbox, actor, reason: inbox.delete_own_post(post_id, actor, reason))

    def _decide(self, session: Session, action: Action, why: str,
                run: Callable[[ModerationInbox, str, str], T]) -> T:
        clearance = self._gate.clear(session, action, reason=why)
        inbox = self._inbox.recording_to(gate_recorder(self._gate, clearance))
        return run(inbox, clearance.actor, clearance.reason)

    # -- pictures and forgetting ----------------------------------------------------------------

    def pictures(self, post_id: str) -> list[ShownPicture]:
        """A reply's pictures and what the check said of each (reading: no one's decision)."""
        return self._inbox.media(post_id)

    def blurred_picture(self, post_id: str, media_key: str, long_side: int) -> bytes | None:
        """The blurred thumbnail the tab shows first (reading: nothing recognisable)."""
        return self._inbox.blurred_picture(post_id, media_key, long_side)

    def show_picture(self, session: Session, post_id: str, media_key: str,
                     long_side: int) -> bytes:
        """The picture itself, for someone who may moderate and chose to see it; recorded."""
        clearance = self._gate.clear(session, Action.SHOW_REPLY_PICTURE)
        inbox = self._inbox.recording_to(gate_recorder(self._gate, clearance))
        return inbox.reveal_picture(post_id, media_key, clearance.actor, long_side)

    def forget(self, session: Session, post_id: str, why: str) -> int:
        """Forget a reply and delete its kept pictures; recorded with why."""
        return self._decide(session, Action.FORGET_REPLY, why,
                            lambda inbox, actor, reason: inbox.forget(post_id, actor, reason))

    # -- writing it up ----------------------------------------------------------------------------

    def save_incident_pack(self, session: Session, report: IncidentReport, path: Path) -> Path:
        """Write the pack (prepared by whoever is signed in) and record where it went.

        A file cannot share the database's transaction: it is written first, so the
        audit entry never names a pack that does not exist.
        """
        clearance = self._gate.clear(session, Action.INCIDENT_PACK)
        report = replace(report, prepared_by=clearance.actor)
        written = save_incident_pack(report, path)
        evidence = report.evidence
        self._gate.record(clearance, f"@{evidence.author_handle} post {evidence.post_id}",
                          audit_detail(report, written.name))
        return written

    def make_governors_report(self, session: Session, period: ReportPeriod, folder: Path
                              ) -> tuple[GovernorsReport, list[Path]]:
        """Gather the period from the audit log, the inbox and X, save it and record it."""
        clearance = self._gate.clear(session, Action.GOVERNORS_REPORT)
        report = build_governors_report(period, audit=self._audit, store=self._store,
                                        gateway=self._gateway, generated_by=clearance.actor)
        paths = save_governors_report(report, folder)
        self._gate.record(clearance, period.label, f"saved as {period.file_stem}")
        return report, paths


def moderation_ops(services: DeskServices) -> ModerationOps:
    """The Moderation tab's operations for a window's services."""
    inbox, store = services.moderation()
    return ModerationOps(gate_of(services), inbox, store, services.audit, services.gateway)
