"""Followers: every decision the Followers tab offers, guarded and audited.

Reviewing (ok, watchlist, trusted), blocking and finishing a review each pass the gate
(the table's permission as stored now, and a reason where the table asks), then keep
the change and its audit entry in one transaction.

Unblocking is the policy's exception: the head teacher's PIN approves it. The approved
unblock is stored (not kept in a window), so it survives a sign-out, an idle lock and
a restart, and whoever may confirm unblocks sees it again until X's blocked list no
longer shows the account.
"""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.core.moderation_service import (
    MAX_PAGES,
    FollowerReview,
    ModerationError,
    Progress,
    SyncResult,
)
from stpeters_desk.core.refusals import HeadPinNeeded, ReasonNeeded
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.moderation_store import (
    CONFIRMED,
    FOLLOWER_LINE,
    PENDING,
    FollowerLine,
    PendingUnblock,
    StoredFollower,
)
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.moderation import gate_recorder
from stpeters_desk.ops.session import Session
from stpeters_desk.x.gateway import XGateway, pages
from stpeters_desk.x.models import HandOff, UserProfile

# What the Followers tab shows comes through here, not from the store (the UI's one door).
__all__ = [
    "CONFIRMED",
    "FOLLOWER_LINE",
    "PENDING",
    "BlockedListCheck",
    "FollowerLine",
    "FollowerOps",
    "ModerationError",
    "PendingUnblock",
    "StoredFollower",
    "SyncOutcome",
    "follower_ops",
]

BLOCKED_PAGE = 1000


@dataclass(frozen=True)
class SyncOutcome:
    """What a sync read, and the blocks X's blocked list now confirms."""

    result: SyncResult
    confirmed: list[str]


@dataclass(frozen=True)
class BlockedListCheck:
    """Blocks and unblocks the blocked list now confirms (handles), and the list itself."""

    confirmed: list[str]
    blocked: list[UserProfile]


class FollowerOps:
    """The Followers tab's operations over one account's followers."""

    def __init__(self, gate: Gate, review: FollowerReview, gateway: XGateway) -> None:
        self._gate = gate
        self._review = review
        self._gateway = gateway

    # -- reading -----------------------------------------------------------------------------

    def followers(self, limit: int) -> list[StoredFollower]:
        return self._review.followers(limit=limit)

    def count(self, new_since_review_only: bool = False) -> int:
        return self._review.count(new_since_review_only)

    def lines(self, limit: int = -1) -> list[FollowerLine]:
        """The Followers table's columns for each current follower, new ones first, as
        plain tuples (``FOLLOWER_LINE``); -1 reads them all."""
        return self._review.lines(limit)

    def get(self, user_id: str) -> StoredFollower:
        return self._review.get(user_id)

    def blocked_accounts(self) -> list[UserProfile]:
        """The account's blocked list as X has it (a network call)."""
        return [profile for page in pages(self._gateway.blocked, BLOCKED_PAGE, MAX_PAGES)
                for profile in page.items]

    def pending_unblocks(self) -> list[PendingUnblock]:
        """Unblocks approved with the head's PIN that X has not yet confirmed."""
        return self._review.pending_unblocks()

    # -- syncing -------------------------------------------------------------------------------

    def sync(self, session: Session, progress: Progress | None = None, *,
             full: bool = False) -> SyncOutcome:
        """Read the new followers (every follower at the weekly full check or when ``full``),
        then settle the blocks X now shows.

        The pages are saved as they arrive (an interrupted sync keeps them), so the audit
        entry follows the whole sync rather than sharing one transaction with it.
        """
        clearance = self._gate.clear(session, Action.SYNC_FOLLOWERS)
        result = self._review.sync(progress, full=full)
        confirmed = self._review.confirm_blocks()
        checked = "every follower checked" if result.complete else "new followers only"
        self._gate.record(clearance, "", f"{result.seen} followers read, {result.new} new, "
                                         f"{result.gone} left; {checked}")
        return SyncOutcome(result, confirmed)

    # -- decisions -------------------------------------------------------------------------------

    def mark_ok(self, session: Session, user_id: str, why: str) -> StoredFollower:
        review, actor, reason = self._cleared(session, Action.REVIEW_FOLLOWER, why)
        return review.mark_ok(user_id, actor, reason)

    def set_watchlist(self, session: Session, user_id: str, on: bool, why: str
                      ) -> StoredFollower:
        action = Action.WATCHLIST_ON if on else Action.WATCHLIST_OFF
        review, actor, reason = self._cleared(session, action, why)
        return review.set_watchlist(user_id, on, actor, reason)

    def set_trusted(self, session: Session, user_id: str, on: bool, why: str
                    ) -> StoredFollower:
        action = Action.TRUST_FOLLOWER if on else Action.STOP_TRUSTING
        review, actor, reason = self._cleared(session, action, why)
        return review.set_trusted(user_id, on, actor, reason)

    def request_block(self, session: Session, user_id: str, why: str
                      ) -> tuple[HandOff, StoredFollower]:
        """Record the block as pending and return the x.com page to block them on."""
        review, actor, reason = self._cleared(session, Action.BLOCK_HANDOFF, why)
        handoff = review.request_block(user_id, actor, reason)
        return handoff, review.get(user_id)

    def finish_review(self, session: Session) -> None:
        review, actor, _reason = self._cleared(session, Action.FINISH_FOLLOWER_REVIEW, "")
        review.finish_review(actor)

    # -- unblocking ------------------------------------------------------------------------------

    def before_unblock(self, session: Session, why: str) -> None:
        """What can be refused before the head teacher is asked for the PIN, so nobody types
        it for nothing: a missing reason, or a practice set-up that has no head teacher."""
        if not why.strip():
            raise ReasonNeeded(translate("Operations", "Say why, in a few words: it goes in "
                                                       "the audit log."))
        if session.practice:
            raise HeadPinNeeded(translate("Operations", "This needs the head teacher's PIN, "
                                                        "and this practice set-up has no head "
                                                        "teacher."))

    def request_unblock(self, session: Session, account: UserProfile, why: str,
                        head_pin: str | None) -> HandOff:
        """The head's PIN approves the unblock; it waits (stored) until X confirms it."""
        clearance = self._gate.clear(session, Action.REQUEST_UNBLOCK, head_pin=head_pin,
                                     reason=why)
        head = clearance.head.name if clearance.head is not None else ""
        review = self._review.recording_to(gate_recorder(self._gate, clearance))
        return review.request_unblock(account, clearance.actor, head, clearance.reason)

    def check_blocked_list(self, session: Session) -> BlockedListCheck:
        """Read X's blocked list: settle the blocks it now shows and the unblocks it no
        longer shows (confirming an unblock is the checking person's action)."""
        clearance = None
        if self._review.pending_unblocks():
            clearance = self._gate.clear(session, Action.CONFIRM_UNBLOCK)
        confirmed = self._review.confirm_blocks()
        blocked = self.blocked_accounts()
        if clearance is not None:
            review = self._review.recording_to(gate_recorder(self._gate, clearance))
            confirmed += review.confirm_unblocks({profile.user_id for profile in blocked},
                                                 clearance.actor)
        return BlockedListCheck(confirmed, blocked)

    def _cleared(self, session: Session, action: Action, why: str
                 ) -> tuple[FollowerReview, str, str]:
        clearance = self._gate.clear(session, action, reason=why)
        review = self._review.recording_to(gate_recorder(self._gate, clearance))
        return review, clearance.actor, clearance.reason


def follower_ops(services: DeskServices) -> FollowerOps:
    """The Followers tab's operations for a window's services."""
    return FollowerOps(gate_of(services), services.follower_review(), services.gateway)
