"""Approvals operations: the table's permission through the gate, the queue's own rules,
and a pre-flight that fails closed (a missing guard, photos the library cannot vouch for)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from stpeters_desk.core.approvals import ApprovalQueue, SubmissionStatus
from stpeters_desk.core.images import export_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.refusals import NotAllowed, NotSignedIn, ReasonNeeded
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ops.approvals import Approvals, PhotosNotVouchedFor
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.posting import NamesCannotBeChecked, PostingRefused, PreflightBlocked
from stpeters_desk.ops.session import Session
from stpeters_desk.x.models import PhotoUpload
from stpeters_desk.x.sandbox import SandboxGateway

HEAD_PIN = "482915"
STAFF_PIN = "731904"
PUPIL = "Olivia Smith"  # invented
START = datetime.now(UTC).replace(second=0, microsecond=0)


@pytest.fixture(autouse=True)
def _quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher, Type

    from stpeters_desk.core import pins

    monkeypatch.setattr(pins, "_hasher", lambda: PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=16, type=Type.ID))


class Staffroom:
    def __init__(self, services: DeskServices) -> None:
        staff, devices = services.staff, services.devices
        assert staff is not None and devices is not None and services.device is not None
        self.services = services
        self.head, _code = staff.create_head("Mrs Invented Head", HEAD_PIN)
        self.teacher = staff.add_member("Mr Pretend Teacher", Role.TEACHER, STAFF_PIN,
                                        by=self.head, head_pin=HEAD_PIN)
        self.esafety = staff.add_member("Ms Madeup Esafety", Role.ESAFETY, STAFF_PIN,
                                        by=self.head, head_pin=HEAD_PIN)
        devices.register(services.device, by=self.head, head_pin=HEAD_PIN)
        services._name_guard = NameGuard.from_names([PUPIL])
        queue = services.approvals
        assert queue is not None
        self.queue: ApprovalQueue = queue
        self.ops = Approvals(services, queue)

    def session(self, member: StaffMember | None) -> Session:
        self.services.member = member
        return session_of(self.services)

    def actions(self) -> list[str]:
        return [e.action for e in self.services.audit.recent(10_000)]

    def photo(self, *, checked: bool = True) -> int:
        library = self.services.photo_library()
        photo = library.add(export_photo(Image.new("RGB", (64, 36), (90, 20, 200))),
                            label="mural", prepared_by="Mr Pretend Teacher",
                            alt_text="The rainbow mural", text_checked=True, faces=FaceCheck.LOOKED)
        if checked:
            library.confirm_faces(photo.photo_id, "Mr Pretend Teacher")
            library.confirm_consent(photo.photo_id, "Mr Pretend Teacher")
        return photo.photo_id


@pytest.fixture
def room(db: Database, sandbox: SandboxGateway, data_dir: Path) -> Staffroom:
    return Staffroom(DeskServices.for_school(db, sandbox, data_dir))


def test_submit_needs_the_submit_permission_and_marks_photos_used(room: Staffroom) -> None:
    photo_id = room.photo()
    item = room.ops.submit(room.session(room.teacher), "Class 4's mural", [photo_id])
    assert item.status == SubmissionStatus.AWAITING_APPROVAL and len(item.photos) == 1
    assert room.services.photo_library().get(photo_id).used_in == \
        f"approval {item.submission_id}"
    assert "submit tweet for approval" in room.actions()
    with pytest.raises(NotSignedIn):
        room.ops.submit(room.session(None), "Nobody's tweet")


def test_approve_runs_the_preflight_and_only_an_approver_may(room: Staffroom) -> None:
    item = room.ops.submit(room.session(room.teacher), "Class 4's mural", [room.photo()])
    report = room.ops.preflight(item.submission_id)
    assert report.check("photo_safety").status == "pass"
    with pytest.raises(NotAllowed):
        room.ops.approve(room.session(room.esafety), item.submission_id)
    approved = room.ops.approve(room.session(room.head), item.submission_id,
                                version=item.version)
    assert approved.status == SubmissionStatus.POSTED
    assert [i.created_by for i in room.services.outbox.open_items()] == ["Mr Pretend Teacher"]


def test_photos_the_library_cannot_vouch_for_are_refused_not_assumed_checked(
        room: Staffroom) -> None:
    raw = PhotoUpload(b"\xff\xd8invented", "image/jpeg", "A photo from somewhere")
    item = room.queue.submit("Our mural", [raw], by=room.teacher)
    with pytest.raises(PhotosNotVouchedFor):
        room.ops.preflight(item.submission_id)
    with pytest.raises(PhotosNotVouchedFor):
        room.ops.approve(room.session(room.head), item.submission_id,
                         override_reason="I looked at it")
    assert room.queue.get(item.submission_id).status == SubmissionStatus.AWAITING_APPROVAL
    assert room.services.outbox.open_items() == []


def test_a_photo_whose_checks_were_cleared_blocks_the_approval(room: Staffroom) -> None:
    photo_id = room.photo()
    item = room.ops.submit(room.session(room.teacher), "Our mural", [photo_id])
    assert room.services.db is not None
    room.services.db.execute(
        "UPDATE prepared_photos SET consent_confirmed_at = NULL WHERE id = :id",
        {"id": photo_id})
    assert room.ops.preflight(item.submission_id).check("photo_safety").status == "block"
    with pytest.raises(PreflightBlocked):
        room.ops.approve(room.session(room.head), item.submission_id,
                         override_reason="consent is on paper")
    assert room.services.outbox.open_items() == []


def test_a_missing_name_guard_refuses_the_approval(room: Staffroom) -> None:
    item = room.ops.submit(room.session(room.teacher), "Sports day")

    def broken_guard() -> NameGuard:
        raise RuntimeError("no roster key")

    room.services.name_guard = broken_guard  # type: ignore[method-assign]
    with pytest.raises(NamesCannotBeChecked):
        room.ops.approve(room.session(room.head), item.submission_id)
    assert room.queue.get(item.submission_id).status == SubmissionStatus.AWAITING_APPROVAL


def test_an_approver_may_override_a_name_block_with_a_reason_in_one_transaction(
        room: Staffroom) -> None:
    item = room.queue.submit(f"Well done {PUPIL}", by=room.teacher)
    with pytest.raises(PreflightBlocked):
        room.ops.approve(room.session(room.head), item.submission_id)
    room.ops.approve(room.session(room.head), item.submission_id,
                     override_reason="Her parents asked for it")
    [override] = room.services.audit.query(action="override pre-flight block")
    assert (override.actor, override.target, override.reason) == (
        "Mrs Invented Head", "names", "Her parents asked for it")
    assert room.queue.get(item.submission_id).status == SubmissionStatus.POSTED


def test_reject_needs_a_note_and_withdraw_is_the_authors(room: Staffroom) -> None:
    item = room.queue.submit("Trip photos", by=room.teacher)
    with pytest.raises(ReasonNeeded):
        room.ops.reject(room.session(room.head), item.submission_id, "  ")
    rejected = room.ops.reject(room.session(room.head), item.submission_id,
                               "Say which class")
    assert rejected.status == SubmissionStatus.REJECTED
    resubmitted = room.ops.resubmit(room.session(room.teacher), item.submission_id,
                                    "Class 2's trip")
    assert resubmitted.status == SubmissionStatus.AWAITING_APPROVAL
    with pytest.raises(Exception, match="Only Mr Pretend Teacher"):
        room.ops.withdraw(room.session(room.head), item.submission_id)
    assert room.ops.withdraw(room.session(room.teacher),
                             item.submission_id).status == SubmissionStatus.WITHDRAWN


def test_schedule_is_for_those_who_post_and_is_checked_now(room: Staffroom) -> None:
    at = START + timedelta(days=1)
    with pytest.raises(NotAllowed):
        room.ops.schedule(room.session(room.teacher), "Book fair", at=at)
    with pytest.raises(PreflightBlocked):
        room.ops.schedule(room.session(room.head), "x" * 281, at=at,
                          override_reason="the head says so")
    photo_id = room.photo()
    item = room.ops.schedule(room.session(room.head), "Book fair", [photo_id], at=at)
    assert item.status == SubmissionStatus.SCHEDULED
    assert room.services.photo_library().get(photo_id).used_in == \
        f"scheduled {item.submission_id}"
    assert room.ops.preflight(item.submission_id).check("photo_safety").status == "pass"
    posted = room.ops.post_now(room.session(room.head), item.submission_id)
    assert posted.status == SubmissionStatus.POSTED


def test_an_unchecked_photo_cannot_be_submitted(room: Staffroom) -> None:
    photo_id = room.photo(checked=False)
    with pytest.raises(PostingRefused):
        room.ops.submit(room.session(room.teacher), "Our mural", [photo_id])
    assert room.queue.awaiting() == []
    assert room.services.photo_library().get(photo_id).used_in == ""


def test_a_queue_without_its_posting_check_still_cannot_post_from_an_unregistered_computer(
        room: Staffroom) -> None:
    services = room.services
    assert services.devices is not None and services.device is not None
    bare = ApprovalQueue(services.db, services.audit, services.staff,  # type: ignore[arg-type]
                         services.outbox, name_guard=services.name_guard)
    ops = Approvals(services, bare)
    item = bare.submit("From the coach", by=room.teacher)
    services.devices.unregister(services.device, by=room.head, head_pin=HEAD_PIN)
    with pytest.raises(PostingRefused, match="registered"):
        ops.approve(room.session(room.head), item.submission_id)
    assert services.outbox.open_items() == []
