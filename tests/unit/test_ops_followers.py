"""The Followers tab's operations: reviews, blocks and syncs are cleared for the roles that
watch followers; unblocking needs the head teacher's PIN and stays pending (stored, not in
a window) until X's blocked list confirms it, whoever then signs in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.moderation_service import FollowerReview
from stpeters_desk.core.refusals import HeadPinNeeded, NotAllowed, ReasonNeeded
from stpeters_desk.core.roles import Role
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import PENDING, ModerationStore
from stpeters_desk.ops.followers import FollowerOps
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.session import Session
from stpeters_desk.x.models import UserProfile
from stpeters_desk.x.sandbox import SandboxGateway
from stpeters_desk.x.sandbox_seed import SPAM_HANDLES
from tests.conftest import reopen_database
from tests.unit.school_people import COMPUTER, HEAD_PIN, hash_pins_quickly, set_up_people

WRONG_PIN = "000000"
ALREADY_BLOCKED = "cheap_likes_4u"  # blocked on the practice account from the start


def follower_ops(db: Database) -> FollowerOps:
    """The operations as a freshly started app builds them over ``db``."""
    audit = AuditTrail(db, device=COMPUTER)
    sandbox = SandboxGateway(db)
    review = FollowerReview(ModerationStore(db), sandbox, audit.record, page_size=20)
    return FollowerOps(Gate(db, StaffDirectory(db, audit, COMPUTER), COMPUTER), review, sandbox)


@pytest.fixture(autouse=True)
def _quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    hash_pins_quickly(monkeypatch)


@pytest.fixture
def people(db: Database) -> dict[Role, StaffMember]:
    return set_up_people(db)


@pytest.fixture
def ops(db: Database, people: dict[Role, StaffMember]) -> FollowerOps:
    return follower_ops(db)


@pytest.fixture
def synced(ops: FollowerOps, people: dict[Role, StaffMember]) -> FollowerOps:
    ops.sync(session(people, Role.HEAD))
    return ops


def session(people: dict[Role, StaffMember], role: Role) -> Session:
    return Session(people[role], COMPUTER)


def entries(db: Database) -> list[tuple[str, str, str, str, str]]:
    """(who, what, about, why, detail) after the staff were set up, oldest first."""
    return [(e.actor, e.action, e.target, e.reason, e.detail)
            for e in reversed(AuditTrail(db).recent(500))
            if e.action not in (AuditAction.SET_UP_HEAD, AuditAction.ADD_STAFF)]


def a_spam_bot(ops: FollowerOps) -> str:
    return next(f.profile.user_id for f in ops.followers(500) if f.profile.handle in SPAM_HANDLES)


def blocked_account(ops: FollowerOps) -> UserProfile:
    return next(p for p in ops.blocked_accounts() if p.handle == ALREADY_BLOCKED)


# -- syncing ------------------------------------------------------------------------------

def test_sync_reads_the_followers_and_records_it(ops: FollowerOps, db: Database,
                                                 people: dict[Role, StaffMember]) -> None:
    outcome = ops.sync(session(people, Role.ESAFETY))
    assert outcome.result.seen == ops.count() > 0
    actor, action, _target, _why, detail = entries(db)[-1]
    assert (actor, action) == (people[Role.ESAFETY].name, AuditAction.FOLLOWERS_SYNCED)
    assert detail.startswith(f"{outcome.result.seen} followers read")


def test_sync_is_refused_to_those_who_do_not_watch_followers(
        ops: FollowerOps, db: Database, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(NotAllowed):
        ops.sync(session(people, Role.TEACHER))
    assert ops.count() == 0 and entries(db) == []


# -- reviewing ------------------------------------------------------------------------------

Review = Callable[[FollowerOps, Session, str, str], object]
REVIEWS: dict[str, tuple[Review, AuditAction]] = {
    "ok": (lambda ops, s, user, why: ops.mark_ok(s, user, why), AuditAction.FOLLOWER_REVIEWED_OK),
    "watchlist on": (lambda ops, s, user, why: ops.set_watchlist(s, user, True, why),
                     AuditAction.FOLLOWER_WATCHLIST_ON),
    "watchlist off": (lambda ops, s, user, why: ops.set_watchlist(s, user, False, why),
                      AuditAction.FOLLOWER_WATCHLIST_OFF),
    "trusted": (lambda ops, s, user, why: ops.set_trusted(s, user, True, why),
                AuditAction.FOLLOWER_TRUSTED_ON),
    "not trusted": (lambda ops, s, user, why: ops.set_trusted(s, user, False, why),
                    AuditAction.FOLLOWER_TRUSTED_OFF),
    "block": (lambda ops, s, user, why: ops.request_block(s, user, why),
              AuditAction.BLOCK_REQUESTED),
}


@pytest.mark.parametrize("name", REVIEWS)
@pytest.mark.parametrize("role", [Role.HEAD, Role.ESAFETY])
def test_a_review_by_someone_who_watches_followers_is_kept_with_why(
        synced: FollowerOps, db: Database, people: dict[Role, StaffMember], name: str,
        role: Role) -> None:
    run, action = REVIEWS[name]
    user_id = a_spam_bot(synced)

    run(synced, session(people, role), user_id, " Spam or bot account ")

    follower = synced.get(user_id)
    assert follower.reviewed_by == people[role].name
    assert entries(db)[-1][:4] == (people[role].name, action, f"@{follower.profile.handle}",
                                   "Spam or bot account")
    if name == "watchlist on":
        assert follower.watchlist
    if name == "block":
        assert follower.block_status == PENDING


@pytest.mark.parametrize("name", REVIEWS)
@pytest.mark.parametrize("role", [Role.TEACHER, Role.SECRETARY])
def test_a_review_by_anyone_else_is_refused_and_nothing_changes(
        synced: FollowerOps, db: Database, people: dict[Role, StaffMember], name: str,
        role: Role) -> None:
    run, _action = REVIEWS[name]
    user_id = a_spam_bot(synced)
    before = entries(db)
    with pytest.raises(NotAllowed):
        run(synced, session(people, role), user_id, "Spam or bot account")
    follower = synced.get(user_id)
    assert (follower.reviewed_by, follower.watchlist, follower.trusted,
            follower.block_status) == ("", False, False, "")
    assert entries(db) == before


@pytest.mark.parametrize("name", REVIEWS)
def test_a_review_without_a_reason_is_refused(synced: FollowerOps, db: Database,
                                             people: dict[Role, StaffMember], name: str) -> None:
    run, _action = REVIEWS[name]
    before = entries(db)
    with pytest.raises(ReasonNeeded):
        run(synced, session(people, Role.HEAD), a_spam_bot(synced), "")
    assert entries(db) == before


def test_a_review_and_its_audit_entry_are_kept_or_lost_together(
        synced: FollowerOps, db: Database, people: dict[Role, StaffMember],
        monkeypatch: pytest.MonkeyPatch) -> None:
    user_id = a_spam_bot(synced)
    before = entries(db)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("the audit log could not be written")

    monkeypatch.setattr(Gate, "record", broken)
    with pytest.raises(OSError):
        synced.set_watchlist(session(people, Role.HEAD), user_id, True, "Spam")
    follower = synced.get(user_id)
    assert (follower.watchlist, follower.reviewed_by) == (False, "") and entries(db) == before


def test_finishing_the_review(synced: FollowerOps, db: Database,
                              people: dict[Role, StaffMember]) -> None:
    with pytest.raises(NotAllowed):
        synced.finish_review(session(people, Role.TEACHER))
    assert synced.count(new_since_review_only=True) == synced.count()

    synced.finish_review(session(people, Role.ESAFETY))

    assert synced.count(new_since_review_only=True) == 0
    assert entries(db)[-1][:2] == (people[Role.ESAFETY].name,
                                   AuditAction.FOLLOWER_REVIEW_FINISHED)


# -- unblocking ------------------------------------------------------------------------------

@pytest.mark.parametrize("pin", [None, "", WRONG_PIN])
def test_unblocking_without_the_head_pin_is_refused_and_nothing_is_kept(
        ops: FollowerOps, db: Database, people: dict[Role, StaffMember], pin: str | None) -> None:
    with pytest.raises(HeadPinNeeded):
        ops.request_unblock(session(people, Role.ESAFETY), blocked_account(ops),
                            "Blocked by mistake", pin)
    assert ops.pending_unblocks() == []
    # A wrong PIN is itself recorded (as a failed attempt), never as an unblock.
    assert AuditAction.UNBLOCK_REQUESTED not in [entry[1] for entry in entries(db)]


def test_unblocking_is_refused_to_those_who_do_not_watch_followers_even_with_the_pin(
        ops: FollowerOps, db: Database, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(NotAllowed):
        ops.request_unblock(session(people, Role.TEACHER), blocked_account(ops),
                            "Blocked by mistake", HEAD_PIN)
    assert ops.pending_unblocks() == []


def test_before_the_pin_is_asked_a_missing_reason_or_a_practice_set_up_is_refused(
        ops: FollowerOps, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(ReasonNeeded):
        ops.before_unblock(session(people, Role.HEAD), "  ")
    with pytest.raises(HeadPinNeeded):
        ops.before_unblock(Session(None, COMPUTER, practice=True), "Blocked by mistake")
    ops.before_unblock(session(people, Role.ESAFETY), "Blocked by mistake")  # may go on


def test_an_approved_unblock_is_kept_through_a_restart_until_x_confirms_it(
        ops: FollowerOps, db: Database, data_dir: Path, people: dict[Role, StaffMember]
        ) -> None:
    account = blocked_account(ops)
    handoff = ops.request_unblock(session(people, Role.ESAFETY), account,
                                  "Blocked by mistake: a governor", HEAD_PIN)
    assert (handoff.action, handoff.handle) == ("unblock", ALREADY_BLOCKED)
    actor, action, target, why, detail = entries(db)[-1]
    assert (actor, action, target, why) == (people[Role.ESAFETY].name,
                                            AuditAction.UNBLOCK_REQUESTED,
                                            f"@{ALREADY_BLOCKED}", "Blocked by mistake: a governor")
    assert f"head PIN: {people[Role.HEAD].name}" in detail

    # The app closes (or the computer locks) before anyone finishes it on x.com.
    db.close()
    reopened = reopen_database(db)
    try:
        again = follower_ops(reopened)
        (pending,) = again.pending_unblocks()
        assert (pending.handle, pending.requested_by, pending.approved_by) == (
            ALREADY_BLOCKED, people[Role.ESAFETY].name, people[Role.HEAD].name)

        # Not finished on x.com yet: checking keeps it waiting.
        assert again.check_blocked_list(session(people, Role.HEAD)).confirmed == []
        assert len(again.pending_unblocks()) == 1

        # Someone without the permission cannot settle it.
        SandboxGateway(reopened).complete_handoff(handoff)
        with pytest.raises(NotAllowed):
            again.check_blocked_list(session(people, Role.TEACHER))
        assert len(again.pending_unblocks()) == 1

        check = again.check_blocked_list(session(people, Role.HEAD))

        assert check.confirmed == [ALREADY_BLOCKED]
        assert ALREADY_BLOCKED not in {profile.handle for profile in check.blocked}
        assert again.pending_unblocks() == []
        assert entries(reopened)[-1][:3] == (people[Role.HEAD].name,
                                             AuditAction.UNBLOCK_CONFIRMED, f"@{ALREADY_BLOCKED}")
    finally:
        reopened.close()


def test_a_confirmed_unblock_forgets_the_old_block(synced: FollowerOps,
                                                   people: dict[Role, StaffMember],
                                                   db: Database) -> None:
    """Otherwise a later block of the same account would never be confirmed."""
    head = session(people, Role.HEAD)
    user_id = a_spam_bot(synced)
    handoff, _follower = synced.request_block(head, user_id, "Spam")
    SandboxGateway(db).complete_handoff(handoff)
    assert synced.check_blocked_list(head).confirmed == [handoff.handle]
    store = ModerationStore(db)
    assert store.block("sandbox", user_id) is not None
    account = next(p for p in synced.blocked_accounts() if p.user_id == user_id)

    unblock = synced.request_unblock(head, account, "Blocked by mistake", HEAD_PIN)
    SandboxGateway(db).complete_handoff(unblock)
    synced.check_blocked_list(head)

    assert store.block("sandbox", user_id) is None and synced.pending_unblocks() == []
