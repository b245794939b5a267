"""Approvals and scheduling: tweets that wait for the head teacher's yes, or for their time.

The policy makes the head teacher responsible for what the account says, and
staff who may not post directly (by default teachers) submit their tweets
for approval instead. An approver (the head teacher, or someone the head
made an approver) approves, edits and then approves, or rejects with a note
for the author. Nobody approves their own tweet, and a tweet changed after
approval by someone who may not post needs approval again: what goes out is
always what a responsible person saw.

A tweet can also wait for a time. The app hands it to the outbox when the
time comes, if the app is running then (a kiosk is). If the app was closed
and the time passed more than a grace period ago, the tweet is not posted
late on its own: ``missed`` lists it and a person chooses to post it late or
cancel it, because "Sports day starts in an hour!" must not go out at tea
time.

Nothing here sends to X: handing a tweet to the outbox (``Outbox.add``) is
where this module stops; the outbox's own timer sends it. Every step is
written to the audit log in the same transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from stpeters_desk.core.audit_actions import AuditAction as A
from stpeters_desk.core.names import GuardSource, text_for_the_record
from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.roles import Permission
from stpeters_desk.core.staff import PermissionDenied, StaffDirectory, StaffMember
from stpeters_desk.core.storage.approvals_store import (
    ApprovalsStore,
    Submission,
    SubmissionChanged,
    SubmissionStatus,
    submission_target,
)
from stpeters_desk.core.storage.audit import AuditLog, NewAuditEntry, time_text
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.tweet_text import MAX_WEIGHTED_LENGTH, parse_tweet
from stpeters_desk.i18n import translate
from stpeters_desk.x.models import PhotoUpload

__all__ = [
    "DEFAULT_GRACE",
    "SCHEDULER",
    "ApprovalQueue",
    "ApprovalRefused",
    "PostingNotAllowed",
    "Submission",
    "SubmissionChanged",
    "SubmissionStatus",
]

DEFAULT_GRACE = timedelta(minutes=15)
MAX_PHOTOS = 4
MAX_ALT_TEXT = 1000  # X's limit for a photo description
MAX_NOTE_LENGTH = 1000
SCHEDULER = "St Peter's Desk (scheduled tweet)"  # the audit log's actor for timed releases
# A hand-over takes milliseconds; one older than this was cut short by a crash. Younger ones
# may belong to another running copy of the app and are left alone.
HAND_OVER_STUCK_AFTER = timedelta(minutes=5)

Status = SubmissionStatus
Clock = Callable[[], datetime]
PostingCheck = Callable[[datetime], tuple[bool, str]]
"""Whether this computer may post at that moment, and why not: ``DeviceRegistry.may_post``."""

_AUTHOR_MAY_EDIT = (Status.DRAFT, Status.AWAITING_APPROVAL, Status.REJECTED, Status.SCHEDULED)
_AUTHOR_MAY_SUBMIT = (Status.DRAFT, Status.REJECTED)


class ApprovalRefused(Exception):
    """A rule of the approval process says no; the message says which, in plain English."""


class PostingNotAllowed(ApprovalRefused):
    """This computer may not post now (not registered with the school, no exception)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    """How times appear in audit details: UTC to the minute, unambiguous for an inspector."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _when(scheduled_for: datetime | None) -> str:
    return f"scheduled for {_stamp(scheduled_for)}" if scheduled_for else "to post once approved"


def check_tweet(text: str, photos: Sequence[PhotoUpload], *, complete: bool = True) -> None:
    """Raise ``ValueError`` saying what to fix before this tweet can go for approval or out.

    A draft (``complete=False``) may still be too long or lack alt text; it
    must only have something in it.
    """
    if not text.strip() and not photos:
        raise ValueError(translate("Approvals", "Write the tweet or add a photo first."))
    if len(photos) > MAX_PHOTOS:
        raise ValueError(translate("Approvals", "A tweet can carry at most {count} photos.")
                         .format(count=MAX_PHOTOS))
    if not complete:
        return
    if text.strip():
        length = parse_tweet(text)
        if not length.valid:
            raise ValueError(translate("Approvals", "The tweet is {length} characters as X "
                                                    "counts them; shorten it to {limit} or fewer.")
                             .format(length=length.weighted_length, limit=MAX_WEIGHTED_LENGTH))
    for number, photo in enumerate(photos, start=1):
        if not photo.alt_text.strip():
            raise ValueError(translate("Approvals", "Photo {number} has no description (alt "
                                                    "text). Describe it for people who cannot "
                                                    "see it, without naming any child.")
                             .format(number=number))
        if len(photo.alt_text) > MAX_ALT_TEXT:
            raise ValueError(translate("Approvals", "Photo {number}'s description is too long: "
                                                    "keep it under {limit} characters.")
                             .format(number=number, limit=MAX_ALT_TEXT))


def _check_note(note: str) -> str:
    tidy = note.strip()
    if not tidy:
        raise ValueError(translate("Approvals",
                                   "Say what needs to change, so the author can put it right."))
    if len(tidy) > MAX_NOTE_LENGTH:
        raise ValueError(translate("Approvals", "Keep the note under {count} characters.")
                         .format(count=MAX_NOTE_LENGTH))
    return tidy


class ApprovalQueue:
    """The queues of tweets waiting for approval or for their time; safe to share."""

    def __init__(self, db: Database, audit: AuditLog, staff: StaffDirectory, outbox: Outbox, *,
                 posting_check: PostingCheck | None = None, grace: timedelta = DEFAULT_GRACE,
                 clock: Clock = _utc_now, name_guard: GuardSource | None = None) -> None:
        self._name_guard = name_guard
        self._store = ApprovalsStore(db)
        self._audit = audit
        self._staff = staff
        self._outbox = outbox
        self._posting_check = posting_check
        self.grace = grace
        self._clock = clock
        self.resolve_interrupted()

    def now(self) -> datetime:
        """The queue's clock, so the UI judges "missed" by the same time as the core."""
        return self._clock()

    # -- the queues ------------------------------------------------------------------------
    def get(self, submission_id: int) -> Submission:
        item = self._store.get(submission_id)
        if item is None:
            raise ApprovalRefused(translate("Approvals",
                                            "That tweet is no longer in the approval queues."))
        return item

    def drafts(self, author: StaffMember) -> list[Submission]:
        return self._store.with_status([Status.DRAFT], author_id=author.staff_id,
                                       newest_first=True)

    def awaiting(self, author: StaffMember | None = None) -> list[Submission]:
        """Waiting for approval, longest-waiting first; only ``author``'s when given."""
        return self._store.with_status([Status.AWAITING_APPROVAL],
                                       author_id=None if author is None else author.staff_id)

    def scheduled(self, now: datetime | None = None) -> list[Submission]:
        """Scheduled tweets that have not missed their time, soonest first."""
        cutoff = self._moment(now) - self.grace
        return [s for s in self._store.scheduled()
                if s.scheduled_for is not None and s.scheduled_for >= cutoff]

    def missed(self, now: datetime | None = None) -> list[Submission]:
        """Scheduled tweets more than the grace period late: a person must decide."""
        cutoff = self._moment(now) - self.grace
        return [s for s in self._store.scheduled()
                if s.scheduled_for is not None and s.scheduled_for < cutoff]

    def posted(self, limit: int = 50) -> list[Submission]:
        """Handed to the outbox, newest first (the outbox shows whether X has it yet)."""
        return self._store.with_status([Status.POSTED], newest_first=True, limit=limit)

    def rejected(self, author: StaffMember | None = None) -> list[Submission]:
        return self._store.with_status([Status.REJECTED], newest_first=True,
                                       author_id=None if author is None else author.staff_id)

    def withdrawn(self, limit: int = 50) -> list[Submission]:
        return self._store.with_status([Status.WITHDRAWN], newest_first=True, limit=limit)

    def mine(self, author: StaffMember, include_withdrawn: bool = False) -> list[Submission]:
        """Everything ``author`` wrote, in every queue, newest first."""
        statuses = [s for s in Status if include_withdrawn or s != Status.WITHDRAWN]
        return self._store.with_status(statuses, author_id=author.staff_id, newest_first=True)

    # -- writing and submitting --------------------------------------------------------------
    def save_draft(self, text: str, photos: Sequence[PhotoUpload] = (), *, by: StaffMember,
                   scheduled_for: datetime | None = None,
                   now: datetime | None = None) -> Submission:
        """Keep a tweet to finish later; nobody else is asked anything yet."""
        moment = self._moment(now)
        author = self._authorised(by, Permission.SUBMIT)
        check_tweet(text, photos, complete=False)
        when = self._future(scheduled_for, moment) if scheduled_for else None
        item = self._new(author, Status.DRAFT, text, photos, when, moment)
        return self._store.insert(item, [self._entry(author.name, A.SAVE_DRAFT_FOR_APPROVAL,
                                                     "", self._said(text), moment)])

    def submit(self, text: str, photos: Sequence[PhotoUpload] = (), *, by: StaffMember,
               scheduled_for: datetime | None = None,
               now: datetime | None = None) -> Submission:
        """Send a new tweet for approval, to post once approved or at ``scheduled_for``."""
        moment = self._moment(now)
        author = self._authorised(by, Permission.SUBMIT)
        check_tweet(text, photos)
        when = self._future(scheduled_for, moment) if scheduled_for else None
        item = replace(self._new(author, Status.AWAITING_APPROVAL, text, photos, when, moment),
                       submitted_at=moment)
        return self._store.insert(item, [self._entry(
            author.name, A.SUBMIT_FOR_APPROVAL, "", f"{_when(when)}: {self._said(text)}",
            moment)])

    def submit_draft(self, submission_id: int, *, by: StaffMember,
                     now: datetime | None = None) -> Submission:
        """Send a draft, or a rejected tweet the author has put right, for approval."""
        moment = self._moment(now)
        author = self._authorised(by, Permission.SUBMIT)
        item = self._own(submission_id, author, _AUTHOR_MAY_SUBMIT,
                         translate("Approvals", "submitted"))
        check_tweet(item.text, item.photos)
        if item.scheduled_for is not None:
            self._future(item.scheduled_for, moment)
        submitted = replace(item, status=Status.AWAITING_APPROVAL, original_text=item.text,
                            submitted_at=moment, rejected_by="", rejection_note="",
                            updated_at=moment)
        action = (A.RESUBMIT_FOR_APPROVAL if item.status == Status.REJECTED
                  else A.SUBMIT_FOR_APPROVAL)
        return self._store.replace(submitted, _AUTHOR_MAY_SUBMIT, [self._entry(
            author.name, action, item, f"{_when(item.scheduled_for)}: {self._said(item.text)}",
            moment)])

    def edit(self, submission_id: int, text: str, photos: Sequence[PhotoUpload] | None = None,
             *, by: StaffMember, now: datetime | None = None) -> Submission:
        """The author changes their tweet (``photos=None`` keeps the photos).

        A scheduled tweet changed by someone who may not post goes back for
        approval: the approver said yes to the old words, not the new ones.
        """
        moment = self._moment(now)
        author, allowed = self._member_and_permissions(by)
        item = self._own(submission_id, author, _AUTHOR_MAY_EDIT,
                         translate("Approvals", "changed"))
        new_photos = item.photos if photos is None else tuple(photos)
        check_tweet(text, new_photos, complete=item.status != Status.DRAFT)
        edited = replace(item, text=text, original_text=text, photos=new_photos,
                         updated_at=moment)
        action = A.EDIT_TWEET
        if item.status == Status.SCHEDULED and Permission.POST not in allowed:
            edited = replace(edited, status=Status.AWAITING_APPROVAL, submitted_at=moment,
                             approved_by="", approved_at=None)
            action = A.EDIT_APPROVED_TWEET
        elif item.status == Status.SCHEDULED:
            edited = replace(edited, approved_by="", approved_at=None)
            action = A.EDIT_SCHEDULED_TWEET
        return self._store.replace(edited, [item.status], [self._entry(
            author.name, action, item,
            f"was: {self._said(item.text)}\nnow: {self._said(text)}", moment)],
            photos_changed=photos is not None)

    def withdraw(self, submission_id: int, *, by: StaffMember,
                 now: datetime | None = None) -> Submission:
        """The author takes their tweet back before it goes out."""
        moment = self._moment(now)
        author, _allowed = self._member_and_permissions(by)
        item = self._own(submission_id, author, _AUTHOR_MAY_EDIT,
                         translate("Approvals", "withdrawn"))
        return self._store.replace(
            replace(item, status=Status.WITHDRAWN, updated_at=moment), [item.status],
            [self._entry(author.name, A.WITHDRAW_TWEET, item, self._said(item.text), moment)])

    # -- deciding ------------------------------------------------------------------------------
    def approve(self, submission_id: int, *, by: StaffMember, edited_text: str | None = None,
                version: int | None = None, now: datetime | None = None) -> Submission:
        """Approve, after editing the words if ``edited_text`` is given.

        A tweet without a time goes to the outbox at once (posted under its
        author's name, with the approver recorded); one with a time becomes
        scheduled. ``version`` is the one the approver looked at: if the
        author changed it since, nothing is approved.
        """
        moment = self._moment(now)
        approver = self._authorised(by, Permission.APPROVE)
        item = self._awaiting(submission_id, version)
        if item.author_id == approver.staff_id:
            raise PermissionDenied(translate("Approvals", "Nobody approves their own tweet. Ask "
                                                          "the head teacher or another approver "
                                                          "to look at it."))
        text = item.text if edited_text is None else edited_text
        check_tweet(text, item.photos)
        entries = []
        if text != item.text:
            entries.append(self._entry(approver.name, A.EDIT_BEFORE_APPROVING, item,
                                       f"original: {self._said(item.original_text)}\n"
                                       f"edited: {self._said(text)}",
                                       moment))
        entries.append(self._entry(approver.name, A.APPROVE_TWEET, item,
                                   f"by {item.author}, {_when(item.scheduled_for)}: "
                                   f"{self._said(text)}",
                                   moment))
        approved = replace(item, text=text, approved_by=approver.name, approved_at=moment,
                           updated_at=moment)
        if item.scheduled_for is not None:
            return self._store.replace(replace(approved, status=Status.SCHEDULED),
                                       [Status.AWAITING_APPROVAL], entries)
        self._require_posting_allowed(moment)
        return self._hand_to_outbox(approved, [Status.AWAITING_APPROVAL], approver.name,
                                    entries, moment)

    def reject(self, submission_id: int, note: str, *, by: StaffMember,
               version: int | None = None, now: datetime | None = None) -> Submission:
        """Send the tweet back to its author with a note saying what to change."""
        moment = self._moment(now)
        approver = self._authorised(by, Permission.APPROVE)
        item = self._awaiting(submission_id, version)
        if item.author_id == approver.staff_id:
            raise PermissionDenied(translate("Approvals", "This is your own tweet: withdraw it "
                                                          "instead of rejecting it."))
        tidy = _check_note(note)
        rejected = replace(item, status=Status.REJECTED, rejected_by=approver.name,
                           rejection_note=tidy, updated_at=moment)
        return self._store.replace(rejected, [Status.AWAITING_APPROVAL], [self._entry(
            approver.name, A.REJECT_TWEET, item, f"by {item.author}: {self._said(item.text)}",
            moment,
            reason=tidy)])

    # -- scheduling ----------------------------------------------------------------------------
    def schedule(self, text: str, photos: Sequence[PhotoUpload] = (), *, by: StaffMember,
                 at: datetime, now: datetime | None = None) -> Submission:
        """Someone who may post sets a tweet to go out at ``at`` (future, with a time zone)."""
        moment = self._moment(now)
        author = self._authorised(by, Permission.POST)
        check_tweet(text, photos)
        when = self._future(at, moment)
        item = replace(self._new(author, Status.SCHEDULED, text, photos, when, moment),
                       submitted_at=moment)
        return self._store.insert(item, [self._entry(author.name, A.SCHEDULE_TWEET, "",
                                                     f"{_when(when)}: {self._said(text)}", moment)])

    def reschedule(self, submission_id: int, at: datetime | None, *, by: StaffMember,
                   now: datetime | None = None) -> Submission:
        """Move a tweet's time before it goes out (``None``: post as soon as approved).

        For a scheduled tweet the time is part of what was approved, so an
        author who may not post sends it back for approval; someone who may
        post, or an approver who is not the author, just moves it.
        """
        moment = self._moment(now)
        actor, allowed = self._member_and_permissions(by)
        item = self.get(submission_id)
        when = self._future(at, moment) if at is not None else None
        if item.status == Status.SCHEDULED:
            return self._reschedule_scheduled(item, actor, allowed, when, moment)
        item = self._own(submission_id, actor, (Status.DRAFT, Status.AWAITING_APPROVAL,
                                                Status.REJECTED),
                         translate("Approvals", "rescheduled"))
        return self._store.replace(
            replace(item, scheduled_for=when, updated_at=moment), [item.status],
            [self._entry(actor.name, A.CHANGE_TWEET_TIME, item,
                         f"was {_when(item.scheduled_for)}; now {_when(when)}", moment)])

    def _reschedule_scheduled(self, item: Submission, actor: StaffMember,
                              allowed: frozenset[Permission], when: datetime | None,
                              moment: datetime) -> Submission:
        if when is None:
            raise ValueError(translate("Approvals",
                                       "Choose the new date and time, or use Post now."))
        detail = f"was {_when(item.scheduled_for)}; now {_when(when)}"
        moved = replace(item, scheduled_for=when, updated_at=moment)
        if self._may_release_early(item, actor, allowed):
            return self._store.replace(moved, [Status.SCHEDULED], [self._entry(
                actor.name, A.RESCHEDULE_TWEET, item, detail, moment)])
        if item.author_id != actor.staff_id:
            raise PermissionDenied(translate("Approvals", "Only the author, an approver or "
                                                          "someone who may post can change when "
                                                          "this tweet goes out."))
        back = replace(moved, status=Status.AWAITING_APPROVAL, submitted_at=moment,
                       approved_by="", approved_at=None)
        return self._store.replace(back, [Status.SCHEDULED], [self._entry(
            actor.name, A.RESCHEDULE_APPROVED_TWEET, item, detail,
            moment)])

    def cancel(self, submission_id: int, *, by: StaffMember,
               now: datetime | None = None) -> Submission:
        """Stop a scheduled (or missed) tweet from going out."""
        moment = self._moment(now)
        actor, allowed = self._member_and_permissions(by)
        item = self.get(submission_id)
        if item.status != Status.SCHEDULED:
            raise ApprovalRefused(self._not_now(item, translate("Approvals", "cancelled")))
        may = (item.author_id == actor.staff_id or Permission.POST in allowed
               or Permission.APPROVE in allowed)
        if not may:
            raise PermissionDenied(translate("Approvals", "Only the author, an approver or "
                                                          "someone who may post can cancel this "
                                                          "tweet."))
        missed = item.scheduled_for is not None and item.scheduled_for < moment - self.grace
        action = A.CANCEL_MISSED_TWEET if missed else A.CANCEL_SCHEDULED_TWEET
        return self._store.replace(
            replace(item, status=Status.WITHDRAWN, updated_at=moment), [Status.SCHEDULED],
            [self._entry(actor.name, action, item,
                         f"by {item.author}, {_when(item.scheduled_for)}: {self._said(item.text)}",
                         moment)])

    def post_now(self, submission_id: int, *, by: StaffMember,
                 now: datetime | None = None) -> Submission:
        """Hand a scheduled tweet to the outbox without waiting for its time."""
        return self._release_by_hand(submission_id, by, self._moment(now), late=False)

    def post_late(self, submission_id: int, *, by: StaffMember,
                  now: datetime | None = None) -> Submission:
        """A person decided that a tweet which missed its time should still go out."""
        return self._release_by_hand(submission_id, by, self._moment(now), late=True)

    def _release_by_hand(self, submission_id: int, by: StaffMember, moment: datetime, *,
                         late: bool) -> Submission:
        actor, allowed = self._member_and_permissions(by)
        item = self.get(submission_id)
        if item.status != Status.SCHEDULED:
            raise ApprovalRefused(self._not_now(item, translate("Approvals", "posted")))
        is_missed = item.scheduled_for is not None and item.scheduled_for < moment - self.grace
        if late and not is_missed:
            raise ApprovalRefused(translate("Approvals", "This tweet has not missed its time; it "
                                                         "will go out when its time comes, or use "
                                                         "Post now."))
        if not self._may_release_early(item, actor, allowed):
            raise PermissionDenied(translate("Approvals", "Ask someone who may post, or an "
                                                          "approver, to post this now."))
        self._require_posting_allowed(moment)
        action = A.POST_MISSED_LATE if late else A.POST_SCHEDULED_NOW
        entry = self._entry(actor.name, action, item,
                            f"by {item.author}, {_when(item.scheduled_for)}", moment)
        return self._hand_to_outbox(item, [Status.SCHEDULED], actor.name, [entry], moment)

    def release_due(self, now: datetime | None = None) -> list[Submission]:
        """Hand every tweet whose time has come (at most the grace period ago) to the outbox.

        Called by a timer while the app runs. Tweets later than the grace
        period are left for ``missed``; on a computer that may not post,
        nothing is released (they wait, and are missed if nobody posts them).
        """
        moment = self._moment(now)
        self.resolve_interrupted(moment)
        due = [s for s in self.scheduled(moment)
               if s.scheduled_for is not None and s.scheduled_for <= moment]
        if not due or not self._posting_allowed(moment)[0]:
            return []
        released = []
        for item in due:
            entry = self._entry(SCHEDULER, A.RELEASE_SCHEDULED_TWEET, item,
                                f"by {item.author}, {_when(item.scheduled_for)}"
                                + (f"; approved by {item.approved_by}" if item.approved_by
                                   else ""), moment)
            try:
                released.append(self._hand_to_outbox(item, [Status.SCHEDULED], SCHEDULER,
                                                      [entry], moment))
            except SubmissionChanged:
                continue  # another running copy of the app, or a person, got there first
        return released

    # -- handing over to the outbox ------------------------------------------------------------
    def _hand_to_outbox(self, item: Submission, expected: Sequence[Status], actor: str,
                        entries: Sequence[NewAuditEntry], moment: datetime) -> Submission:
        """Claim the row, give the outbox the tweet, then record the outbox id.

        The claim makes a second approver or a second running app fail with
        ``SubmissionChanged`` instead of posting the tweet twice.
        """
        claimed = self._store.replace(
            replace(item, status=Status.RELEASING, released_by=actor, released_at=moment,
                    updated_at=moment), expected, entries)
        try:
            queued = self._outbox.add(claimed.text, claimed.photos, created_by=claimed.author)
        except Exception:
            self._resolve(claimed, moment)
            raise
        approved = f"; approved by {claimed.approved_by}" if claimed.approved_by else ""
        return self._store.replace(
            replace(claimed, status=Status.POSTED, outbox_id=queued.item_id, updated_at=moment),
            [Status.RELEASING], [self._entry(
                actor, A.HAND_TO_OUTBOX, claimed,
                f"outbox {queued.item_id}, written by {claimed.author}{approved}", moment)])

    def resolve_interrupted(self, now: datetime | None = None) -> int:
        """Settle hand-overs a crash cut short; returns how many it settled.

        If the outbox already has the tweet, the hand-over is completed;
        otherwise the tweet goes back to the scheduled queue at the time it
        was being released, so it goes out on time or waits in "missed" for a
        person to decide. Either way it is never posted twice.
        """
        moment = self._moment(now)
        settled = 0
        for item in self._store.with_status([Status.RELEASING]):
            started = item.released_at or item.updated_at
            if moment - started < HAND_OVER_STUCK_AFTER:
                continue
            try:
                self._resolve(item, moment)
            except SubmissionChanged:
                continue
            settled += 1
        return settled

    def _resolve(self, item: Submission, moment: datetime) -> Submission:
        since = item.released_at or item.updated_at
        outbox_id = self._store.outbox_item_like(item.text, item.author, since)
        if outbox_id is not None:
            return self._store.replace(
                replace(item, status=Status.POSTED, outbox_id=outbox_id, updated_at=moment),
                [Status.RELEASING], [self._entry(
                    SCHEDULER, A.HAND_TO_OUTBOX, item,
                    f"outbox {outbox_id}, completed after an interruption", moment)])
        back = replace(item, status=Status.SCHEDULED, scheduled_for=item.scheduled_for or since,
                       released_by="", released_at=None, updated_at=moment)
        return self._store.replace(back, [Status.RELEASING], [self._entry(
            SCHEDULER, A.HAND_OVER_INTERRUPTED, item,
            "the tweet was not posted; it is back in the scheduled queue", moment)])

    # -- rules -----------------------------------------------------------------------------------
    def _member_and_permissions(self, by: StaffMember
                                ) -> tuple[StaffMember, frozenset[Permission]]:
        """The acting person as stored now, so a change by the head applies at once."""
        current = self._staff.member(by.staff_id)
        if current is None or not current.active:
            raise PermissionDenied(translate("Approvals", "Your account is no longer active. Ask "
                                                          "the head teacher."))
        return current, self._staff.permissions(current)

    def _authorised(self, by: StaffMember, permission: Permission) -> StaffMember:
        member, allowed = self._member_and_permissions(by)
        if permission not in allowed:
            raise PermissionDenied(_refusal(permission))
        return member

    def _may_release_early(self, item: Submission, actor: StaffMember,
                           allowed: frozenset[Permission]) -> bool:
        """Posting now, late or at a new time: someone who may post, or another approver."""
        if Permission.POST in allowed:
            return True
        return Permission.APPROVE in allowed and item.author_id != actor.staff_id

    def _own(self, submission_id: int, author: StaffMember, statuses: Sequence[Status],
             verb: str) -> Submission:
        item = self.get(submission_id)
        if item.author_id != author.staff_id:
            raise PermissionDenied(translate("Approvals",
                                             "Only {author}, who wrote this tweet, can do that.")
                                   .format(author=item.author))
        if item.status not in statuses:
            raise ApprovalRefused(self._not_now(item, verb))
        return item

    def _awaiting(self, submission_id: int, version: int | None) -> Submission:
        item = self.get(submission_id)
        if item.status != Status.AWAITING_APPROVAL:
            raise ApprovalRefused(self._not_now(item, translate("Approvals",
                                                                "approved or rejected")))
        if version is not None and item.version != version:
            raise SubmissionChanged()
        return item

    @staticmethod
    def _not_now(item: Submission, verb: str) -> str:
        """``verb`` is already in the chosen language ("cancelled", "approved or rejected")."""
        return translate("Approvals", "This tweet {where}, so it cannot be {verb} now.").format(
            where=_where(item.status), verb=verb)

    def _future(self, at: datetime, moment: datetime) -> datetime:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(translate("Approvals", "The time needs a time zone (the computer's "
                                                    "local time will do)."))
        when = at.astimezone(UTC)
        if when <= moment:
            raise ValueError(translate("Approvals", "That time has already passed. Choose a time "
                                                    "in the future."))
        return when

    def _posting_allowed(self, moment: datetime) -> tuple[bool, str]:
        if self._posting_check is None:
            return True, ""
        return self._posting_check(moment)

    def _require_posting_allowed(self, moment: datetime) -> None:
        allowed, reason = self._posting_allowed(moment)
        if not allowed:
            raise PostingNotAllowed(reason)

    # -- helpers -----------------------------------------------------------------------------
    def _moment(self, now: datetime | None) -> datetime:
        moment = self._clock() if now is None else now
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)

    def _said(self, text: str) -> str:
        """A tweet's words as the audit log keeps them (see ``text_for_the_record``)."""
        return text_for_the_record(text, self._name_guard)

    @staticmethod
    def _new(author: StaffMember, status: Status, text: str, photos: Sequence[PhotoUpload],
             when: datetime | None, moment: datetime) -> Submission:
        return Submission(
            submission_id=0, author_id=author.staff_id, author=author.name, status=status,
            text=text, original_text=text, scheduled_for=when, submitted_at=None,
            approved_by="", approved_at=None, rejected_by="", rejection_note="",
            released_by="", released_at=None, outbox_id=None, version=1, created_at=moment,
            updated_at=moment, photos=tuple(photos))

    def _entry(self, actor: str, action: A, item: Submission | str, detail: str,
               moment: datetime, reason: str = "") -> NewAuditEntry:
        target = item if isinstance(item, str) else submission_target(item.submission_id)
        return NewAuditEntry(actor=actor, action=action.value, target=target, detail=detail,
                             device=self._audit.device, reason=reason, at=time_text(moment))


def _where(status: Status) -> str:
    """Where a tweet stands, as the middle of "This tweet ..., so it cannot be ... now"."""
    if status == Status.DRAFT:
        return translate("Approvals", "is still a draft")
    if status == Status.AWAITING_APPROVAL:
        return translate("Approvals", "is waiting for approval")
    if status == Status.SCHEDULED:
        return translate("Approvals", "is scheduled")
    if status == Status.RELEASING:
        return translate("Approvals", "is being handed to the outbox")
    if status == Status.POSTED:
        return translate("Approvals", "has already gone to the outbox")
    if status == Status.REJECTED:
        return translate("Approvals", "was rejected")
    if status == Status.WITHDRAWN:
        return translate("Approvals", "was withdrawn")
    raise KeyError(status)


def _refusal(permission: Permission) -> str:
    if permission == Permission.APPROVE:
        return translate("Approvals",
                         "Only the head teacher or an approver can approve or reject tweets.")
    if permission == Permission.POST:
        return translate("Approvals", "Your role does not post directly, so it cannot schedule "
                                      "tweets itself: submit the tweet for approval with a time "
                                      "instead.")
    return translate("Approvals",
                     "Your role may not write tweets for the account. Ask the head teacher.")
