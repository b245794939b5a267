"""Approvals and scheduled tweets: submit, approve, reject, withdraw, schedule, and the rest.

``core.approvals.ApprovalQueue`` keeps the queue's own rules (nobody approves their
own tweet, a changed tweet is approved again) and writes each step's audit entry
with the change. This layer adds what was decided in the widgets before:

* the table's permission for the action, through the gate (as the person is stored
  now, not as the window remembers them);
* the pre-flight, run here before anything can go out (approve, schedule, post now,
  post late) on the photo library's real facts about each photo: a photo whose
  faces, consent or text checks the library cannot vouch for is refused, never
  assumed checked; when names cannot be checked the tweet is refused;
* an override of a pre-flight block needs the override permission and a reason, and
  its audit entry is written in the same transaction as the approval;
* photos attached from the composer are marked used in the same transaction as the
  submission that carries them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from stpeters_desk.core.approvals import ApprovalQueue, Submission, SubmissionStatus
from stpeters_desk.core.preflight import PhotoCheckInput, PreflightReport
from stpeters_desk.core.refusals import NotSignedIn
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of, photo_library_of
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.posting import (
    MAX_PHOTOS,
    Posting,
    PostingRefused,
    clear_preflight,
    photo_facts,
    run_checks,
)
from stpeters_desk.ops.session import Session
from stpeters_desk.x.models import PhotoUpload

if TYPE_CHECKING:
    from stpeters_desk.core.photo_library import PhotoLibrary

T = TypeVar("T")


class PhotosNotVouchedFor(PostingRefused):
    """A tweet's photos cannot be matched to prepared, checked photos: never assumed safe."""


def approval_ref(submission_id: int) -> str:
    """How a photo handed to the approvals queue records where it went."""
    return f"approval {submission_id}"


def scheduled_ref(submission_id: int) -> str:
    return f"scheduled {submission_id}"


class Approvals:
    """Every decision on a tweet in the approval queues, for one school's services."""

    def __init__(self, services: DeskServices, queue: ApprovalQueue) -> None:
        self._services = services
        self._queue = queue

    @property
    def queue(self) -> ApprovalQueue:
        """For reading the queues (listing is not guarded); decisions go through here."""
        return self._queue

    @property
    def _gate(self) -> Gate:
        return gate_of(self._services)

    def _library(self) -> PhotoLibrary | None:
        return photo_library_of(self._services)

    # -- the pre-flight ------------------------------------------------------------------
    def preflight(self, submission_id: int, text: str | None = None,
                  following_count: int = 0) -> PreflightReport:
        """The pre-flight for a tweet in the queues (``text``: an approver's edit)."""
        item = self._queue.get(submission_id)
        return run_checks(self._services, item.text if text is None else text,
                          self._photo_facts(item), following_count)

    def _photo_facts(self, item: Submission) -> list[PhotoCheckInput]:
        """The library's facts about the tweet's photos; refused when they are unknown."""
        if not item.photos:
            return []
        library = self._library()
        facts: list[PhotoCheckInput] = []
        if library is not None:
            for ref in (approval_ref(item.submission_id), scheduled_ref(item.submission_id)):
                facts = library.handed_over_in(ref)
                if facts:
                    break
        if len(facts) != len(item.photos):
            raise PhotosNotVouchedFor(translate(
                "Approvals", "The app cannot tell whether this tweet's photos had their faces, "
                             "consent and written text checked, so it cannot go out. Ask the "
                             "author to prepare the photos on the Photos tab and submit the "
                             "tweet again."))
        return facts

    # -- writing -------------------------------------------------------------------------
    def submit(self, session: Session, text: str, photo_ids: Sequence[int] = (), *,
               scheduled_for: datetime | None = None) -> Submission:
        """Send a tweet (and the prepared photos attached to it) for approval."""
        clearance = self._gate.clear(session, Action.SUBMIT)
        member = _member(clearance)
        return self._with_photos(photo_ids, approval_ref, lambda uploads: self._queue.submit(
            text, uploads, by=member, scheduled_for=scheduled_for))

    def schedule(self, session: Session, text: str, photo_ids: Sequence[int] = (), *,
                 at: datetime, override_reason: str = "",
                 following_count: int = 0) -> Submission:
        """Someone who may post sets a tweet to go out at ``at``: it is checked now, since
        nobody looks at it again before it goes."""
        gate = self._gate
        clearance = gate.clear(session, Action.SCHEDULE)
        member = _member(clearance)
        report = run_checks(self._services, text, photo_facts(self._library(), photo_ids),
                            following_count)
        override = clear_preflight(gate, session, report, override_reason)

        def schedule(uploads: list[PhotoUpload]) -> Submission:
            item = self._queue.schedule(text, uploads, by=member, at=at)
            if override is not None:
                gate.record(override, ", ".join(c.key for c in report.blocking),
                            scheduled_ref(item.submission_id))
            return item

        return self._with_photos(photo_ids, scheduled_ref, schedule)

    def edit(self, session: Session, submission_id: int, text: str) -> Submission:
        """The author changes their tweet (the queue decides whether it needs approval
        again)."""
        member = _member(self._gate.clear(session, Action.SUBMIT))
        return self._queue.edit(submission_id, text, by=member)

    def submit_draft(self, session: Session, submission_id: int) -> Submission:
        member = _member(self._gate.clear(session, Action.SUBMIT))
        return self._queue.submit_draft(submission_id, by=member)

    def resubmit(self, session: Session, submission_id: int, text: str) -> Submission:
        """A sent-back tweet, put right and sent for approval again, in one transaction."""
        member = _member(self._gate.clear(session, Action.SUBMIT))
        with self._transaction():
            self._queue.edit(submission_id, text, by=member)
            return self._queue.submit_draft(submission_id, by=member)

    def withdraw(self, session: Session, submission_id: int) -> Submission:
        member = _member(self._gate.clear(session, Action.WITHDRAW))
        return self._queue.withdraw(submission_id, by=member)

    # -- deciding ------------------------------------------------------------------------
    def approve(self, session: Session, submission_id: int, *, version: int | None = None,
                edited_text: str | None = None, override_reason: str = "",
                following_count: int = 0) -> Submission:
        """Approve (after an edit): the pre-flight runs first, on the words that will go."""
        gate = self._gate
        member = _member(gate.clear(session, Action.APPROVE))
        if self._queue.get(submission_id).scheduled_for is None:
            self._require_posting_computer()  # it goes to the outbox at once
        report = self.preflight(submission_id, edited_text, following_count)
        override = clear_preflight(gate, session, report, override_reason)
        with self._transaction():
            item = self._queue.approve(submission_id, by=member, edited_text=edited_text,
                                       version=version)
            if override is not None:
                gate.record(override, ", ".join(c.key for c in report.blocking),
                            approval_ref(submission_id))
        return item

    def reject(self, session: Session, submission_id: int, note: str, *,
               version: int | None = None) -> Submission:
        """Send it back with a note (the note is the reason the table asks for)."""
        member = _member(self._gate.clear(session, Action.REJECT, reason=note))
        return self._queue.reject(submission_id, note, by=member, version=version)

    def post_now(self, session: Session, submission_id: int, *, override_reason: str = "",
                 following_count: int = 0) -> Submission:
        """A scheduled tweet goes to the outbox now (the queue decides who may)."""
        return self._release(session, submission_id, self._queue.post_now, override_reason,
                             following_count)

    def post_late(self, session: Session, submission_id: int, *, override_reason: str = "",
                  following_count: int = 0) -> Submission:
        return self._release(session, submission_id, self._queue.post_late, override_reason,
                             following_count)

    def cancel(self, session: Session, submission_id: int) -> Submission:
        """Stop a scheduled tweet (its author, an approver or someone who may post)."""
        return self._queue.cancel(submission_id, by=_signed_in(session))

    def reschedule(self, session: Session, submission_id: int,
                   at: datetime | None) -> Submission:
        return self._queue.reschedule(submission_id, at, by=_signed_in(session))

    def release_due(self) -> list[Submission]:
        """Scheduled tweets whose time has come join the outbox (the timer: no person)."""
        return self._queue.release_due(self._queue.now())

    # -- helpers -------------------------------------------------------------------------
    def _release(self, session: Session, submission_id: int,
                 release: Callable[..., Submission], override_reason: str,
                 following_count: int) -> Submission:
        gate = self._gate
        member = _signed_in(session)
        self._require_posting_computer()
        report = self.preflight(submission_id, None, following_count)
        override = clear_preflight(gate, session, report, override_reason)
        with self._transaction():
            item = release(submission_id, by=member)
            if override is not None:
                gate.record(override, ", ".join(c.key for c in report.blocking),
                            scheduled_ref(submission_id))
        return item

    def _require_posting_computer(self) -> None:
        """This computer may post now; checked here as well as by the queue, so a queue
        built without its posting check cannot send a tweet from anywhere."""
        refusal = Posting(self._services).device_refusal()
        if refusal:
            raise PostingRefused(refusal)

    def _with_photos(self, photo_ids: Sequence[int], where: Callable[[int], str],
                     hand_over: Callable[[list[PhotoUpload]], Submission]) -> Submission:
        """The photos' bytes go with the tweet and they are marked used, in one
        transaction with the queue's change and its audit entry."""
        if len(photo_ids) > MAX_PHOTOS:
            raise PostingRefused(translate("Approvals", "A tweet can carry at most {count} "
                                                        "photos.").format(count=MAX_PHOTOS))
        library = self._library()
        uploads = Posting._uploads(library, photo_ids)
        with self._transaction():
            item = hand_over(uploads)
            actor = item.author
            for photo_id in photo_ids:
                assert library is not None
                library.mark_used(photo_id, actor, where(item.submission_id))
        return item

    def _transaction(self) -> AbstractContextManager[Connection]:
        db = self._services.db
        if db is None:
            raise PostingRefused(translate("Operations", "No staff accounts are set up, so "
                                                         "nothing can be done here. Set up the "
                                                         "school first."))
        return db.transaction()


def _member(clearance: Clearance) -> StaffMember:
    if clearance.member is None:
        raise NotSignedIn(translate("Operations", "Sign in first."))
    return clearance.member


def _signed_in(session: Session) -> StaffMember:
    if session.member is None:
        raise NotSignedIn(translate("Operations", "Sign in first."))
    return session.member


__all__ = ["Approvals", "PhotosNotVouchedFor", "SubmissionStatus", "approval_ref",
           "scheduled_ref"]
