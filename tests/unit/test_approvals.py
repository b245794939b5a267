"""Approvals and scheduling: who may submit, approve and post, and when tweets go out."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stpeters_desk.core.approvals import (
    SCHEDULER,
    ApprovalQueue,
    ApprovalRefused,
    PostingNotAllowed,
    Submission,
    SubmissionChanged,
    SubmissionStatus,
    check_tweet,
)
from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.roles import Permission, Role
from stpeters_desk.core.staff import PermissionDenied, StaffDirectory, StaffMember
from stpeters_desk.core.storage.approvals_store import ApprovalsStore
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.outbox_store import OutboxItem, OutboxStore
from stpeters_desk.x.models import PhotoUpload
from tests.conftest import reopen_database

HEAD_PIN = "482915"
STAFF_PIN = "731904"
GUARD = NameGuard.from_names(["Olivia Smith"])
T0 = datetime(2024, 5, 13, 8, 0, tzinfo=UTC)  # a Monday morning
BST = timezone(timedelta(hours=1), "BST")
PHOTO = PhotoUpload(b"\xff\xd8invented-jpeg", "image/jpeg", "Pupils' paintings on the hall wall")


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class School:
    """A small invented staff room over a test database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.audit = AuditTrail(db, device="Office PC (test)")
        self.staff = StaffDirectory(db, self.audit, "Office PC (test)")
        self.outbox = Outbox(OutboxStore(db), "sandbox")
        self.head, _code = self.staff.create_head("Mrs Amberley", HEAD_PIN, now=T0)
        self.teacher = self.add("Mr Finchley", Role.TEACHER)
        self.approver = self.add("Ms Oakhurst", Role.TEACHER, approver=True)
        self.secretary = self.add("Mrs Brackenbury", Role.SECRETARY)
        self.clock = Clock()
        self.allowed = True

    def add(self, name: str, role: Role, approver: bool = False) -> StaffMember:
        return self.staff.add_member(name, role, STAFF_PIN, approver, by=self.head,
                                     head_pin=HEAD_PIN, now=T0)

    def posting_check(self, _now: datetime) -> tuple[bool, str]:
        return self.allowed, "" if self.allowed else "This laptop is not registered."

    def queue(self, outbox: Outbox | None = None) -> ApprovalQueue:
        return ApprovalQueue(self.db, self.audit, self.staff, outbox or self.outbox,
                             posting_check=self.posting_check, clock=self.clock,
                             name_guard=lambda: GUARD)

    def actions(self) -> list[str]:
        return [e.action for e in reversed(self.audit.recent(500))]


@pytest.fixture
def school(db: Database) -> School:
    return School(db)


@pytest.fixture
def queue(school: School) -> ApprovalQueue:
    return school.queue()


def outbox_items(school: School) -> list[OutboxItem]:
    return school.outbox.open_items()


# -- submitting -------------------------------------------------------------------------------
def test_the_migration_adds_the_approval_tables(db: Database) -> None:
    assert db.schema_version() >= 5
    assert db.query("SELECT id FROM submissions") == []
    assert db.query("SELECT submission_id FROM submission_photos") == []


def test_a_teacher_submits_and_the_tweet_waits_for_approval(school: School,
                                                            queue: ApprovalQueue) -> None:
    item = queue.submit("Class 4 built a rain gauge today!", [PHOTO], by=school.teacher)
    assert item.status == SubmissionStatus.AWAITING_APPROVAL
    assert item.author == "Mr Finchley" and item.submitted_at == T0
    assert item.photos == (PHOTO,)
    assert [s.submission_id for s in queue.awaiting()] == [item.submission_id]
    assert queue.awaiting(school.secretary) == []
    assert outbox_items(school) == []  # nothing goes out before an approver says yes
    entry = school.audit.recent(1)[0]
    assert (entry.actor, entry.action) == ("Mr Finchley", "submit tweet for approval")
    assert entry.target == f"submitted tweet {item.submission_id}"
    assert "rain gauge" in entry.detail


def test_a_teacher_may_not_schedule_or_approve(school: School, queue: ApprovalQueue) -> None:
    with pytest.raises(PermissionDenied, match="submit the tweet for approval"):
        queue.schedule("Sports day tomorrow", by=school.teacher, at=T0 + timedelta(days=1))
    item = queue.submit("Year 2 visited the library", by=school.secretary)
    with pytest.raises(PermissionDenied, match="approve"):
        queue.approve(item.submission_id, by=school.teacher)
    with pytest.raises(PermissionDenied):
        queue.reject(item.submission_id, "Not yet", by=school.teacher)
    assert queue.get(item.submission_id).status == SubmissionStatus.AWAITING_APPROVAL


def test_what_a_tweet_must_have_before_it_is_submitted(school: School,
                                                       queue: ApprovalQueue) -> None:
    no_alt = PhotoUpload(b"data", "image/png", "  ")
    with pytest.raises(ValueError, match="Write the tweet"):
        queue.submit("   ", by=school.teacher)
    with pytest.raises(ValueError, match="alt text"):
        queue.submit("Our art display", [no_alt], by=school.teacher)
    with pytest.raises(ValueError, match="shorten it"):
        queue.submit("word " * 80, by=school.teacher)
    with pytest.raises(ValueError, match="at most 4"):
        check_tweet("Lots of photos", [PHOTO] * 5)
    draft = queue.save_draft("Our art display", [no_alt], by=school.teacher)  # drafts may wait
    assert draft.status == SubmissionStatus.DRAFT
    with pytest.raises(ValueError, match="alt text"):
        queue.submit_draft(draft.submission_id, by=school.teacher)
    fixed = queue.edit(draft.submission_id, "Our art display", [PHOTO], by=school.teacher)
    assert queue.submit_draft(fixed.submission_id, by=school.teacher).status == \
        SubmissionStatus.AWAITING_APPROVAL
    assert queue.drafts(school.teacher) == []


def test_permissions_are_read_afresh_for_every_step(school: School,
                                                    queue: ApprovalQueue) -> None:
    school.staff.set_permission(Role.TEACHER, Permission.SUBMIT, False, by=school.head,
                                head_pin=HEAD_PIN, now=T0)
    with pytest.raises(PermissionDenied, match="may not write tweets"):
        queue.submit("Harvest festival", by=school.teacher)
    school.staff.set_permission(Role.TEACHER, Permission.POST, True, by=school.head,
                                head_pin=HEAD_PIN, now=T0)
    item = queue.schedule("Harvest festival", by=school.teacher, at=T0 + timedelta(hours=2))
    assert item.status == SubmissionStatus.SCHEDULED
    school.staff.update_member(school.approver.staff_id, active=False, by=school.head,
                               head_pin=HEAD_PIN, now=T0)
    waiting = queue.submit("Choir practice moved to Thursday", by=school.secretary)
    with pytest.raises(PermissionDenied, match="no longer active"):
        queue.approve(waiting.submission_id, by=school.approver)


# -- approving ---------------------------------------------------------------------------------
def test_approving_an_unscheduled_tweet_hands_it_to_the_outbox(school: School,
                                                               queue: ApprovalQueue) -> None:
    item = queue.submit("Class 3 planted sunflowers", [PHOTO], by=school.teacher)
    approved = queue.approve(item.submission_id, by=school.head)
    assert approved.status == SubmissionStatus.POSTED
    assert approved.approved_by == "Mrs Amberley" and approved.released_by == "Mrs Amberley"
    [queued] = outbox_items(school)
    assert queued.item_id == approved.outbox_id
    assert queued.text == "Class 3 planted sunflowers"
    assert queued.created_by == "Mr Finchley"  # posted under the author's name
    assert queued.photos == [PHOTO]
    assert [s.submission_id for s in queue.posted()] == [item.submission_id]
    assert queue.awaiting() == []
    assert school.actions()[-2:] == ["approve tweet", "hand tweet to outbox"]
    handed = school.audit.recent(1)[0]
    assert "approved by Mrs Amberley" in handed.detail and "Mr Finchley" in handed.detail


def test_nobody_approves_their_own_tweet(school: School, queue: ApprovalQueue) -> None:
    own = queue.submit("Our approver's own class news", by=school.approver)
    with pytest.raises(PermissionDenied, match="Nobody approves their own"):
        queue.approve(own.submission_id, by=school.approver)
    with pytest.raises(PermissionDenied, match="withdraw it instead"):
        queue.reject(own.submission_id, "I changed my mind", by=school.approver)
    heads_own = queue.submit("The head's own news, checked by a colleague", by=school.head)
    with pytest.raises(PermissionDenied):
        queue.approve(heads_own.submission_id, by=school.head)
    assert queue.get(own.submission_id).status == SubmissionStatus.AWAITING_APPROVAL
    # someone else with the approver grant may approve it
    assert queue.approve(heads_own.submission_id, by=school.approver).approved_by == \
        "Ms Oakhurst"
    assert queue.approve(own.submission_id, by=school.head).status == SubmissionStatus.POSTED


def test_edit_then_approve_keeps_both_texts_and_audits_them(school: School,
                                                            queue: ApprovalQueue) -> None:
    item = queue.submit("Well done to everyone in class 5 for there hard work",
                        by=school.teacher)
    approved = queue.approve(item.submission_id, by=school.head,
                             edited_text="Well done, Class 5, for your hard work!")
    assert approved.text == "Well done, Class 5, for your hard work!"
    assert approved.original_text == "Well done to everyone in class 5 for there hard work"
    assert approved.edited_by_approver
    [queued] = outbox_items(school)
    assert queued.text == "Well done, Class 5, for your hard work!"
    edit_entry = next(e for e in school.audit.recent(10)
                      if e.action == "edit tweet before approving")
    assert "there hard work" in edit_entry.detail and "your hard work" in edit_entry.detail
    assert edit_entry.actor == "Mrs Amberley"


def test_an_edit_by_the_approver_is_checked_like_any_tweet(school: School,
                                                           queue: ApprovalQueue) -> None:
    item = queue.submit("Short and sweet", by=school.teacher)
    with pytest.raises(ValueError, match="shorten"):
        queue.approve(item.submission_id, by=school.head, edited_text="long " * 70)
    assert queue.get(item.submission_id).status == SubmissionStatus.AWAITING_APPROVAL


def test_reject_with_a_note_then_the_author_edits_and_resubmits(school: School,
                                                                queue: ApprovalQueue) -> None:
    item = queue.submit("Photos from the trip to the farm", by=school.teacher)
    with pytest.raises(ValueError, match="Say what needs to change"):
        queue.reject(item.submission_id, "   ", by=school.head)
    rejected = queue.reject(item.submission_id, "Please say which class went.", by=school.head)
    assert rejected.status == SubmissionStatus.REJECTED
    assert rejected.rejection_note == "Please say which class went."
    assert rejected.rejected_by == "Mrs Amberley"
    assert [s.submission_id for s in queue.rejected(school.teacher)] == [item.submission_id]
    entry = school.audit.recent(1)[0]
    assert (entry.action, entry.reason) == ("reject tweet", "Please say which class went.")
    with pytest.raises(ApprovalRefused, match="was rejected"):
        queue.approve(item.submission_id, by=school.head)
    with pytest.raises(PermissionDenied, match="Only Mr Finchley"):
        queue.edit(item.submission_id, "Hijacked", by=school.secretary)
    queue.edit(item.submission_id, "Class 2 visited the farm today", by=school.teacher)
    again = queue.submit_draft(item.submission_id, by=school.teacher)
    assert again.status == SubmissionStatus.AWAITING_APPROVAL
    assert again.rejection_note == "" and again.original_text == "Class 2 visited the farm today"
    assert school.actions()[-2:] == ["edit tweet", "resubmit tweet for approval"]


def test_an_approval_never_applies_to_text_the_approver_did_not_see(
        school: School, queue: ApprovalQueue) -> None:
    item = queue.submit("Cake sale on Friday", by=school.teacher)
    seen = item.version
    queue.edit(item.submission_id, "Cake sale on Friday at 3pm", by=school.teacher)
    with pytest.raises(SubmissionChanged):
        queue.approve(item.submission_id, by=school.head, version=seen)
    current = queue.get(item.submission_id)
    assert current.status == SubmissionStatus.AWAITING_APPROVAL
    approved = queue.approve(item.submission_id, by=school.head, version=current.version)
    assert approved.status == SubmissionStatus.POSTED
    with pytest.raises(ApprovalRefused, match="already gone to the outbox"):
        queue.approve(item.submission_id, by=school.approver)
    assert len(outbox_items(school)) == 1


def test_a_tweet_changed_after_approval_needs_approval_again(school: School,
                                                             queue: ApprovalQueue) -> None:
    later = T0 + timedelta(days=1)
    item = queue.submit("Sports day tomorrow!", by=school.teacher, scheduled_for=later)
    approved = queue.approve(item.submission_id, by=school.head)
    assert approved.status == SubmissionStatus.SCHEDULED and approved.approved_by
    assert outbox_items(school) == []
    changed = queue.edit(item.submission_id, "Sports day tomorrow! Bring a hat.",
                         by=school.teacher)
    assert changed.status == SubmissionStatus.AWAITING_APPROVAL
    assert changed.approved_by == "" and changed.approved_at is None
    assert school.actions()[-1] == "edit approved tweet: needs approval again"
    assert queue.scheduled() == []
    # someone who may post edits their own scheduled tweet: it stays scheduled
    own = queue.schedule("Office closed on Monday", by=school.secretary, at=later)
    still = queue.edit(own.submission_id, "The office is closed on Monday",
                       by=school.secretary)
    assert still.status == SubmissionStatus.SCHEDULED
    assert school.actions()[-1] == "edit scheduled tweet"


def test_the_author_withdraws_and_nobody_else_can(school: School,
                                                  queue: ApprovalQueue) -> None:
    item = queue.submit("Trip letters went home today", by=school.teacher)
    with pytest.raises(PermissionDenied):
        queue.withdraw(item.submission_id, by=school.head)
    withdrawn = queue.withdraw(item.submission_id, by=school.teacher)
    assert withdrawn.status == SubmissionStatus.WITHDRAWN
    assert queue.awaiting() == [] and queue.mine(school.teacher) == []
    assert [s.submission_id for s in queue.mine(school.teacher, include_withdrawn=True)] == \
        [item.submission_id]
    assert [s.submission_id for s in queue.withdrawn()] == [item.submission_id]
    with pytest.raises(ApprovalRefused, match="was withdrawn"):
        queue.submit_draft(item.submission_id, by=school.teacher)


def test_mine_lists_every_queue_for_the_author(school: School, queue: ApprovalQueue) -> None:
    draft = queue.save_draft("Half-finished idea", by=school.teacher)
    waiting = queue.submit("Assembly on kindness", by=school.teacher)
    rejected = queue.submit("Wet play again", by=school.teacher)
    queue.reject(rejected.submission_id, "Too gloomy for the account", by=school.head)
    queue.submit("Not mine", by=school.secretary)
    assert {s.submission_id: s.status for s in queue.mine(school.teacher)} == {
        draft.submission_id: SubmissionStatus.DRAFT,
        waiting.submission_id: SubmissionStatus.AWAITING_APPROVAL,
        rejected.submission_id: SubmissionStatus.REJECTED,
    }
    assert [s.submission_id for s in queue.drafts(school.teacher)] == [draft.submission_id]


# -- scheduling --------------------------------------------------------------------------------
def test_scheduled_times_are_future_timezone_aware_and_stored_in_utc(
        school: School, queue: ApprovalQueue) -> None:
    with pytest.raises(ValueError, match="time zone"):
        queue.schedule("Naive", by=school.secretary, at=datetime(2024, 5, 14, 9, 0))
    with pytest.raises(ValueError, match="already passed"):
        queue.schedule("Too late", by=school.secretary, at=T0 - timedelta(minutes=1))
    item = queue.schedule("Parents' evening tonight", by=school.secretary,
                          at=datetime(2024, 5, 13, 17, 30, tzinfo=BST))
    assert item.scheduled_for == datetime(2024, 5, 13, 16, 30, tzinfo=UTC)
    row = school.db.query_one("SELECT scheduled_for FROM submissions WHERE id = :id",
                              {"id": item.submission_id})
    assert row is not None and row["scheduled_for"].startswith("2024-05-13T16:30:00")
    assert row["scheduled_for"].endswith("+00:00")


def test_release_due_hands_tweets_over_at_their_time_and_only_once(
        school: School, queue: ApprovalQueue) -> None:
    first = queue.schedule("Good morning from St Peter's", by=school.secretary,
                           at=T0 + timedelta(hours=1))
    second = queue.schedule("Lunch menu", by=school.secretary, at=T0 + timedelta(hours=4))
    assert queue.release_due(T0 + timedelta(minutes=59)) == []
    released = queue.release_due(T0 + timedelta(hours=1))
    assert [s.submission_id for s in released] == [first.submission_id]
    assert released[0].status == SubmissionStatus.POSTED
    assert queue.release_due(T0 + timedelta(hours=1, minutes=1)) == []
    assert [i.text for i in outbox_items(school)] == ["Good morning from St Peter's"]
    assert [s.submission_id for s in queue.scheduled(T0 + timedelta(hours=1))] == \
        [second.submission_id]
    entry = next(e for e in school.audit.recent(5) if e.action == "release scheduled tweet")
    assert entry.actor == SCHEDULER and "Mrs Brackenbury" in entry.detail


def test_an_approved_submission_with_a_time_goes_out_at_that_time(
        school: School, queue: ApprovalQueue) -> None:
    at = T0 + timedelta(hours=3)
    item = queue.submit("Well done to our chess team", by=school.teacher, scheduled_for=at)
    queue.approve(item.submission_id, by=school.approver)
    assert outbox_items(school) == []
    [released] = queue.release_due(at + timedelta(minutes=2))  # a little late is fine
    assert released.approved_by == "Ms Oakhurst"
    [queued] = outbox_items(school)
    assert queued.created_by == "Mr Finchley"


def test_a_tweet_that_missed_its_time_waits_for_a_person(school: School,
                                                         queue: ApprovalQueue) -> None:
    at = T0 + timedelta(hours=1)
    item = queue.schedule("Sports day starts in an hour!", by=school.secretary, at=at)
    # the app was closed at 9:00 and opened again at 14:00
    after = at + timedelta(hours=5)
    assert queue.release_due(after) == []
    assert outbox_items(school) == []
    assert [s.submission_id for s in queue.missed(after)] == [item.submission_id]
    assert queue.scheduled(after) == []
    with pytest.raises(PermissionDenied):
        queue.post_late(item.submission_id, by=school.teacher, now=after)
    late = queue.post_late(item.submission_id, by=school.head, now=after)
    assert late.status == SubmissionStatus.POSTED and late.released_by == "Mrs Amberley"
    assert queue.missed(after) == []
    assert "post missed tweet late" in school.actions()


def test_the_grace_period_decides_what_counts_as_missed(school: School) -> None:
    queue = ApprovalQueue(school.db, school.audit, school.staff, school.outbox,
                          grace=timedelta(minutes=5), clock=school.clock)
    at = T0 + timedelta(hours=1)
    item = queue.schedule("Gates open at 8:45", by=school.secretary, at=at)
    assert queue.missed(at + timedelta(minutes=5)) == []
    assert [s.submission_id for s in queue.missed(at + timedelta(minutes=6))] == \
        [item.submission_id]
    with pytest.raises(ApprovalRefused, match="has not missed"):
        queue.post_late(item.submission_id, by=school.head, now=at + timedelta(minutes=1))


def test_cancel_a_missed_or_scheduled_tweet(school: School, queue: ApprovalQueue) -> None:
    at = T0 + timedelta(hours=1)
    missed = queue.schedule("Disco tonight", by=school.secretary, at=at)
    upcoming = queue.schedule("Disco next week", by=school.secretary, at=at + timedelta(days=7))
    later = at + timedelta(hours=6)
    assert queue.cancel(missed.submission_id, by=school.secretary, now=later).status == \
        SubmissionStatus.WITHDRAWN
    with pytest.raises(PermissionDenied):
        queue.cancel(upcoming.submission_id, by=school.teacher, now=later)
    queue.cancel(upcoming.submission_id, by=school.approver, now=later)
    assert queue.release_due(at + timedelta(days=7)) == []
    assert outbox_items(school) == []
    assert school.actions()[-2:] == ["cancel missed tweet", "cancel scheduled tweet"]
    with pytest.raises(ApprovalRefused, match="was withdrawn"):
        queue.post_now(upcoming.submission_id, by=school.head)


def test_reschedule_before_release(school: School, queue: ApprovalQueue) -> None:
    at = T0 + timedelta(hours=2)
    own = queue.schedule("Book fair opens", by=school.secretary, at=at)
    moved = queue.reschedule(own.submission_id, at + timedelta(days=1), by=school.secretary)
    assert moved.status == SubmissionStatus.SCHEDULED
    assert queue.release_due(at) == []
    with pytest.raises(ValueError, match="already passed"):
        queue.reschedule(own.submission_id, T0 - timedelta(hours=1), by=school.secretary)
    # a teacher moving their approved tweet sends it back for approval
    item = queue.submit("Class 1's assembly", by=school.teacher, scheduled_for=at)
    queue.approve(item.submission_id, by=school.head)
    back = queue.reschedule(item.submission_id, at + timedelta(hours=1), by=school.teacher)
    assert back.status == SubmissionStatus.AWAITING_APPROVAL and back.approved_by == ""
    # an approver who is not the author just moves it
    queue.approve(item.submission_id, by=school.head)
    kept = queue.reschedule(item.submission_id, at + timedelta(hours=3), by=school.approver)
    assert kept.status == SubmissionStatus.SCHEDULED and kept.approved_by == "Mrs Amberley"
    # before approval the author may change or drop the time
    waiting = queue.submit("Reading week", by=school.teacher, scheduled_for=at)
    assert queue.reschedule(waiting.submission_id, None, by=school.teacher).scheduled_for is None


def test_post_now_skips_the_wait(school: School, queue: ApprovalQueue) -> None:
    at = T0 + timedelta(days=2)
    item = queue.submit("Y6 leavers' service", by=school.teacher, scheduled_for=at)
    queue.approve(item.submission_id, by=school.head)
    with pytest.raises(PermissionDenied):
        queue.post_now(item.submission_id, by=school.teacher)
    now = queue.post_now(item.submission_id, by=school.secretary)
    assert now.status == SubmissionStatus.POSTED
    assert [i.text for i in outbox_items(school)] == ["Y6 leavers' service"]
    assert school.actions()[-2:] == ["post scheduled tweet now", "hand tweet to outbox"]


# -- the registered-computer rule and crashes --------------------------------------------------
def test_an_unregistered_computer_hands_nothing_to_the_outbox(school: School,
                                                              queue: ApprovalQueue) -> None:
    school.allowed = False
    item = queue.submit("From the trip bus", by=school.teacher)
    with pytest.raises(PostingNotAllowed, match="not registered"):
        queue.approve(item.submission_id, by=school.head)
    assert queue.get(item.submission_id).status == SubmissionStatus.AWAITING_APPROVAL
    timed = queue.schedule("Later on", by=school.secretary, at=T0 + timedelta(minutes=30))
    assert queue.release_due(T0 + timedelta(minutes=31)) == []
    assert queue.get(timed.submission_id).status == SubmissionStatus.SCHEDULED
    assert outbox_items(school) == []
    school.allowed = True
    assert len(queue.release_due(T0 + timedelta(minutes=32))) == 1


class BrokenOutbox(Outbox):
    def add(self, text: str, photos: Sequence[PhotoUpload] = (), reply_to: str | None = None,
            created_by: str = "") -> OutboxItem:
        raise OSError("disk full")


def test_a_failed_hand_over_keeps_the_tweet_for_later(school: School) -> None:
    broken = school.queue(BrokenOutbox(OutboxStore(school.db), "sandbox"))
    item = broken.submit("Harvest boxes collected", by=school.teacher)
    with pytest.raises(OSError):
        broken.approve(item.submission_id, by=school.head)
    kept = broken.get(item.submission_id)
    assert kept.status == SubmissionStatus.SCHEDULED  # approved: it goes out on the next tick
    assert kept.scheduled_for == T0 and kept.approved_by == "Mrs Amberley"
    assert [s.submission_id for s in school.queue().release_due(T0)] == [item.submission_id]
    assert len(outbox_items(school)) == 1


def test_a_crash_mid_hand_over_never_posts_twice(school: School, queue: ApprovalQueue) -> None:
    store = ApprovalsStore(school.db)
    at = T0 + timedelta(minutes=10)
    done = queue.schedule("Already in the outbox", by=school.secretary, at=at)
    lost = queue.schedule("Never reached the outbox", by=school.secretary, at=at)
    for item in (done, lost):  # the app died after claiming both
        store.replace(replace_status(item, SubmissionStatus.RELEASING, at),
                      [SubmissionStatus.SCHEDULED], [])
    school.outbox.add("Already in the outbox", created_by="Mrs Brackenbury")
    school.clock.now = at + timedelta(hours=3)
    reopened = school.queue()  # resolves on start
    assert reopened.get(done.submission_id).status == SubmissionStatus.POSTED
    assert reopened.get(done.submission_id).outbox_id == outbox_items(school)[0].item_id
    back = reopened.get(lost.submission_id)
    assert back.status == SubmissionStatus.SCHEDULED
    assert [s.submission_id for s in reopened.missed()] == [lost.submission_id]
    assert len(outbox_items(school)) == 1


def test_a_hand_over_in_progress_elsewhere_is_left_alone(school: School,
                                                        queue: ApprovalQueue) -> None:
    at = T0 + timedelta(minutes=10)
    item = queue.schedule("Being handed over right now", by=school.secretary, at=at)
    store = ApprovalsStore(school.db)
    store.replace(replace_status(item, SubmissionStatus.RELEASING, at),
                  [SubmissionStatus.SCHEDULED], [])
    assert queue.resolve_interrupted(at + timedelta(seconds=2)) == 0
    assert queue.release_due(at + timedelta(seconds=2)) == []
    assert queue.get(item.submission_id).status == SubmissionStatus.RELEASING
    assert queue.resolve_interrupted(at + timedelta(minutes=6)) == 1
    # nothing reached the outbox, and its time is 6 minutes gone: within the grace period
    [released] = queue.release_due(at + timedelta(minutes=6))
    assert released.submission_id == item.submission_id
    assert len(outbox_items(school)) == 1


def replace_status(item: Submission, status: SubmissionStatus, at: datetime) -> Submission:
    return replace(item, status=status, released_at=at, released_by=SCHEDULER)


def test_two_running_apps_release_a_tweet_once(school: School, data_dir: Path) -> None:
    at = T0 + timedelta(minutes=5)
    school.queue().schedule("Only once, please", by=school.secretary, at=at)
    start = threading.Barrier(6, timeout=60)
    errors: list[BaseException] = []

    def run() -> None:
        db = reopen_database(school.db)
        try:
            staff = StaffDirectory(db, AuditTrail(db), "Kiosk")
            queue = ApprovalQueue(db, AuditTrail(db), staff, Outbox(OutboxStore(db), "sandbox"))
            start.wait()
            queue.release_due(at)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [i.text for i in outbox_items(school)] == ["Only once, please"]


# -- persistence and the audit chain -----------------------------------------------------------
def test_queues_survive_reopening_the_database(school: School, data_dir: Path) -> None:
    queue = school.queue()
    waiting = queue.submit("Science week", [PHOTO], by=school.teacher)
    timed = queue.submit("Science fair", by=school.teacher, scheduled_for=T0 + timedelta(days=1))
    queue.approve(timed.submission_id, by=school.head, edited_text="Science fair tomorrow!")
    school.db.close()
    db = reopen_database(school.db)
    try:
        audit = AuditTrail(db)
        staff = StaffDirectory(db, audit, "Office PC (test)")
        reopened = ApprovalQueue(db, audit, staff, Outbox(OutboxStore(db), "sandbox"),
                                 clock=Clock())
        [again] = reopened.awaiting()
        assert again.submission_id == waiting.submission_id and again.photos == (PHOTO,)
        [scheduled] = reopened.scheduled()
        assert scheduled.text == "Science fair tomorrow!"
        assert scheduled.original_text == "Science fair"
        assert scheduled.approved_by == "Mrs Amberley"
        assert scheduled.scheduled_for == T0 + timedelta(days=1)
        assert audit.verify().ok
    finally:
        db.close()


def test_every_step_is_in_an_intact_audit_chain(school: School, queue: ApprovalQueue) -> None:
    item = queue.submit("Every step", by=school.teacher)
    queue.reject(item.submission_id, "Add the class", by=school.head)
    queue.edit(item.submission_id, "Every step, Class 6", by=school.teacher)
    queue.submit_draft(item.submission_id, by=school.teacher)
    queue.approve(item.submission_id, by=school.head)
    assert school.actions()[-6:] == [
        "submit tweet for approval", "reject tweet", "edit tweet",
        "resubmit tweet for approval", "approve tweet", "hand tweet to outbox"]
    assert all(e.device == "Office PC (test)" for e in school.audit.recent(6))
    assert school.audit.verify().ok


def test_a_tweet_the_name_guard_blocks_is_not_copied_into_the_audit_log(school: School) -> None:
    queue = school.queue()
    item = queue.submit("Well done Olivia Smith for the poem", by=school.teacher)
    queue.reject(item.submission_id, "No names, please", by=school.head)
    details = [e.detail for e in school.audit.recent(10)]
    assert not any("Olivia" in detail for detail in details)
    assert any("not copied here" in detail for detail in details)
    queue.submit("Year 4 wrote brilliant poems", by=school.teacher)
    assert "Year 4 wrote brilliant poems" in school.audit.recent(1)[0].detail
