"""Posting operations: who may post, the pre-flight run inside the operation (fail closed),
overrides, the outbox's own "post tweet" entry, taking a tweet back, deleting a post, and
drafts that belong to one person on one computer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.images import export_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.refusals import NotAllowed, NotSignedIn, ReasonNeeded
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.outbox_store import DISCARDED, POSTED, OutboxStore
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.posting import (
    ComposerDrafts,
    NamesCannotBeChecked,
    Posting,
    PostingRefused,
    PreflightBlocked,
    overridable,
)
from stpeters_desk.ops.session import Session
from stpeters_desk.x.sandbox import SandboxGateway

HEAD_PIN = "482915"
STAFF_PIN = "731904"
PUPIL = "Olivia Smith"  # invented


@pytest.fixture(autouse=True)
def _quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher, Type

    from stpeters_desk.core import pins

    monkeypatch.setattr(pins, "_hasher", lambda: PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=16, type=Type.ID))


class School:
    """Invented staff on one registered office computer, over the sandbox account."""

    def __init__(self, services: DeskServices) -> None:
        staff, devices = services.staff, services.devices
        assert staff is not None and devices is not None and services.device is not None
        self.services = services
        self.head, _code = staff.create_head("Mrs Invented Head", HEAD_PIN)
        self.secretary = staff.add_member("Mr Madeup Secretary", Role.SECRETARY, STAFF_PIN,
                                          by=self.head, head_pin=HEAD_PIN)
        self.teacher = staff.add_member("Ms Pretend Teacher", Role.TEACHER, STAFF_PIN,
                                        by=self.head, head_pin=HEAD_PIN)
        devices.register(services.device, by=self.head, head_pin=HEAD_PIN)
        services._name_guard = NameGuard.from_names([PUPIL])
        self.posting = Posting(services)

    def session(self, member: StaffMember | None) -> Session:
        self.services.member = member
        return session_of(self.services)

    def entries(self, action: str) -> list[tuple[str, str, str, str]]:
        return [(e.actor, e.target, e.detail, e.reason)
                for e in self.services.audit.query(action=action)]

    def audit_size(self) -> int:
        return len(self.services.audit.recent(10_000))

    def photo(self, *, checked: bool = True) -> int:
        library = self.services.photo_library()
        photo = library.add(export_photo(Image.new("RGB", (64, 36), (10, 90, 200))),
                            label="harvest", prepared_by="Mr Madeup Secretary",
                            alt_text="The harvest display in the hall", text_checked=True,
                            faces=FaceCheck.LOOKED)
        if checked:
            library.confirm_faces(photo.photo_id, "Mr Madeup Secretary")
            library.confirm_consent(photo.photo_id, "Mr Madeup Secretary")
        return photo.photo_id


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path) -> School:
    return School(DeskServices.for_school(db, sandbox, data_dir))


def test_post_now_queues_sends_and_the_outbox_writes_post_tweet_for_who_queued_it(
        school: School) -> None:
    result = school.posting.post_now(school.session(school.secretary),
                                     "Class 4 planted bulbs today")
    assert result is not None and result.status == POSTED
    [queued] = school.entries("queue tweet")
    assert queued[0] == "Mr Madeup Secretary" and queued[1] == f"outbox {result.item_id}"
    [posted] = school.entries("post tweet")
    assert posted[:2] == ("Mr Madeup Secretary", result.posted_id)
    assert posted[2].startswith(f"outbox {result.item_id}")
    texts = [p.text for p in school.services.gateway.own_posts(5)]
    assert "Class 4 planted bulbs today" in texts


def test_the_post_tweet_entry_is_written_even_with_no_window_or_person_signed_in(
        school: School) -> None:
    """Queued, then the app locked: the timer sends it and the outbox audits it."""
    queued = school.posting.queue(school.session(school.secretary), "Harvest festival today")
    school.session(None)  # locked
    [result] = school.posting.send_due()
    assert result.status == POSTED
    [posted] = school.entries("post tweet")
    assert posted[0] == "Mr Madeup Secretary"  # the queuer, not "outbox" or nobody
    assert posted[2].startswith(f"outbox {queued.item.item_id}")


def test_a_lost_lease_writes_no_post_tweet_entry(db: Database) -> None:
    """The entry goes with the "posted" mark or not at all."""
    store = OutboxStore(db)
    outbox = Outbox(store, "sandbox", device="Office PC")
    item = outbox.add("Sports day", created_by="Mr Madeup Secretary")
    assert not store.finish(item.item_id, "someone-else", POSTED, "2026-01-01T00:00:00+00:00",
                            posted_id="1", audit=[])
    assert AuditTrail(db).query(action="post tweet") == []


def test_a_role_that_does_not_post_is_refused_and_nothing_is_written(school: School) -> None:
    before = school.audit_size()
    with pytest.raises(NotAllowed):
        school.posting.queue(school.session(school.teacher), "Our trip to the museum")
    with pytest.raises(NotSignedIn):
        school.posting.queue(school.session(None), "Our trip to the museum")
    assert school.services.outbox.open_items() == []
    assert school.audit_size() == before


def test_a_name_block_needs_an_approver_and_a_reason(school: School) -> None:
    text = f"Well done {PUPIL} for the spelling bee"
    report = school.posting.preflight(text)
    assert not report.can_post and overridable(report)
    with pytest.raises(PreflightBlocked):
        school.posting.queue(school.session(school.head), text)
    with pytest.raises(NotAllowed):  # the secretary posts, but may not override
        school.posting.queue(school.session(school.secretary), text,
                             override_reason="It is a book title")
    assert school.services.outbox.open_items() == []
    queued = school.posting.queue(school.session(school.head), text,
                                  override_reason="Parents asked for her name to be used")
    assert queued.overridden == ("names",)
    [override] = school.entries("override pre-flight block")
    assert override == ("Mrs Invented Head", "names", f"outbox {queued.item.item_id}",
                        "Parents asked for her name to be used")


def test_a_block_x_would_refuse_cannot_be_overridden(school: School) -> None:
    before = school.audit_size()
    report = school.posting.preflight("x" * 281)
    assert not overridable(report)
    with pytest.raises(PreflightBlocked, match="cannot be overridden"):
        school.posting.queue(school.session(school.head), "x" * 281,
                             override_reason="I am the head")
    assert school.services.outbox.open_items() == []
    assert school.audit_size() == before


def test_names_that_cannot_be_checked_refuse_the_tweet(school: School) -> None:
    def broken_guard() -> NameGuard:
        raise RuntimeError("the roster's key is not in this computer's keyring")

    school.services.name_guard = broken_guard  # type: ignore[method-assign]
    with pytest.raises(NamesCannotBeChecked, match="keyring"):
        school.posting.queue(school.session(school.head), "Sports day",
                             override_reason="any reason")
    assert school.services.outbox.open_items() == []


def test_an_unregistered_computer_may_not_post(school: School) -> None:
    services = school.services
    assert services.devices is not None and services.device is not None
    services.devices.unregister(services.device, by=school.head, head_pin=HEAD_PIN)
    with pytest.raises(PostingRefused, match="registered"):
        school.posting.queue(school.session(school.secretary), "From the coach")
    assert services.outbox.open_items() == []


def test_photos_are_checked_on_the_librarys_facts(school: School) -> None:
    session = school.session(school.secretary)
    with pytest.raises(PostingRefused, match="no longer ready"):
        school.posting.queue(session, "Harvest", [999])
    unchecked = school.photo(checked=False)
    report = school.posting.preflight("Harvest", [unchecked])
    assert report.check("photo_safety").status == "block"
    with pytest.raises(PreflightBlocked, match="cannot be overridden"):
        school.posting.queue(school.session(school.head), "Harvest", [unchecked],
                             override_reason="I checked it myself")
    checked = school.photo()
    queued = school.posting.queue(school.session(school.secretary), "Harvest", [checked])
    assert len(queued.item.photos) == 1
    library = school.services.photo_library()
    assert library.get(checked).used_in == f"outbox {queued.item.item_id}"
    assert library.get(unchecked).used_in == ""


def test_taking_a_tweet_out_of_the_outbox(school: School) -> None:
    gateway = school.services.gateway
    assert isinstance(gateway, SandboxGateway)
    gateway.simulate_offline = True
    result = school.posting.post_now(school.session(school.secretary), "School is open")
    assert result is not None and result.status != POSTED
    with pytest.raises(NotAllowed):
        school.posting.take_out_of_outbox(school.session(school.teacher), result.item_id)
    item = school.posting.take_out_of_outbox(school.session(school.secretary), result.item_id)
    assert item.text == "School is open"
    assert school.services.db is not None
    stored = OutboxStore(school.services.db).get(result.item_id)
    assert stored is not None and stored.status == DISCARDED
    [entry] = school.entries("take tweet out of outbox")
    assert entry[:3] == ("Mr Madeup Secretary", f"outbox {result.item_id}", "School is open")
    with pytest.raises(PostingRefused):  # already out: nothing written twice
        school.posting.take_out_of_outbox(school.session(school.secretary), result.item_id)
    assert len(school.entries("take tweet out of outbox")) == 1


def test_deleting_a_post_needs_a_reason_and_is_audited(school: School) -> None:
    result = school.posting.post_now(school.session(school.secretary), "Wrong date, sorry")
    assert result is not None and result.posted_id is not None
    session = school.session(school.secretary)
    with pytest.raises(ReasonNeeded):
        school.posting.delete_post(session, result.posted_id, "Wrong date, sorry", " ")
    assert result.posted_id in [p.post_id for p in school.services.gateway.own_posts(5)]
    with pytest.raises(NotAllowed):
        school.posting.delete_post(school.session(school.teacher), result.posted_id,
                                   "Wrong date, sorry", "typo")
    school.posting.delete_post(session, result.posted_id, "Wrong date, sorry", "wrong date")
    assert result.posted_id not in [p.post_id for p in school.services.gateway.own_posts(5)]
    [entry] = school.entries("delete tweet")
    assert entry == ("Mr Madeup Secretary", result.posted_id, "Wrong date, sorry",
                     "wrong date")


def test_drafts_belong_to_one_person_on_one_computer(school: School) -> None:
    drafts = ComposerDrafts(school.services)
    secretary, head = school.session(school.secretary), school.session(school.head)
    drafts.save_text(secretary, f"Congratulations to {PUPIL}")
    drafts.save_photos(secretary, [3, 4])
    assert drafts.load(head).text == "" and drafts.load(head).photo_ids == ()
    drafts.save_text(head, "The head's own words")
    assert drafts.load(secretary).text == f"Congratulations to {PUPIL}"
    assert drafts.load(secretary).photo_ids == (3, 4)
    elsewhere = Session(school.secretary, "Staff room PC")
    assert drafts.load(elsewhere).text == ""
    with pytest.raises(NotSignedIn):
        drafts.save_text(Session(None, "Office PC"), "nobody's")
    practice = Session(None, "", practice=True)
    drafts.save_text(practice, "A trial tweet")
    assert drafts.load(practice).text == "A trial tweet"
