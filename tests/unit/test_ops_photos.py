"""Photo operations: prepare a photo and confirm it, through the gate, audited with the
change, refused for the wrong person or a photo whose faces were not looked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.images import ExportedPhoto, OpenedPhoto, PhotoMetadata, export_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_edit import EditState
from stpeters_desk.core.photo_library import FACES_ACTION, PREPARE_ACTION, PhotoLibrary
from stpeters_desk.core.photo_rules import FaceCheck, FacesNotLookedFor
from stpeters_desk.core.refusals import NotAllowed, NotSignedIn
from stpeters_desk.core.roles import Permission, Role
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.photos import PhotoNotChanged, PhotoOperations
from stpeters_desk.ops.session import Session
from tests.unit.test_ops_gate import _quick_pin_hashes  # noqa: F401 (autouse: cheap PIN hashes)

HEAD_PIN = "482915"
STAFF_PIN = "731904"
COMPUTER = "Office PC (test)"


@pytest.fixture
def audit(db: Database) -> AuditTrail:
    return AuditTrail(db, device=COMPUTER)


@pytest.fixture
def staff(db: Database, audit: AuditTrail) -> StaffDirectory:
    return StaffDirectory(db, audit, COMPUTER)


@pytest.fixture
def head(staff: StaffDirectory) -> StaffMember:
    member, _code = staff.create_head("Mrs Amberley", HEAD_PIN)
    return member


@pytest.fixture
def teacher(staff: StaffDirectory, head: StaffMember) -> StaffMember:
    return staff.add_member("Mr Invented", Role.TEACHER, STAFF_PIN, by=head, head_pin=HEAD_PIN)


@pytest.fixture
def library(db: Database, audit: AuditTrail) -> PhotoLibrary:
    return PhotoLibrary(db, audit.record, name_guard=NameGuard.empty)


@pytest.fixture
def operations(db: Database, staff: StaffDirectory, library: PhotoLibrary) -> PhotoOperations:
    return PhotoOperations(library, db, Gate(db, staff, COMPUTER))


def export() -> ExportedPhoto:
    return export_photo(Image.new("RGB", (320, 200), (40, 120, 200)))


def entries(audit: AuditTrail) -> list[tuple[str, str]]:
    return [(entry.actor, entry.action) for entry in reversed(audit.recent(1000))]


def test_a_teacher_prepares_and_confirms_a_photo_and_each_step_is_audited_as_them(
        operations: PhotoOperations, teacher: StaffMember, audit: AuditTrail) -> None:
    session = Session(teacher, COMPUTER)
    before = len(audit.recent(1000))
    stored = operations.prepare(session, export(), label="sports-day.jpg",
                                faces=FaceCheck.LOOKED, faces_covered=2, text_checked=True)
    assert stored.prepared_by == "Mr Invented" and stored.faces_covered == 2
    confirmed = operations.confirm_faces(session, stored.photo_id)
    assert confirmed.faces_reviewed and confirmed.faces_checked_by == "Mr Invented"
    operations.confirm_consent(session, stored.photo_id)
    described = operations.describe(session, stored.photo_id, "Year 3 planting bulbs")
    assert described.alt_text == "Year 3 planting bulbs"
    written = entries(audit)[before:]
    assert written[0] == ("Mr Invented", PREPARE_ACTION)
    assert written[1] == ("Mr Invented", FACES_ACTION)
    assert len(written) == 4
    prepared = audit.recent(1000)[-before - 1]
    assert "faces looked for by the detector" in prepared.detail
    assert prepared.device == COMPUTER


def test_prepared_again_replaces_the_photo_not_yet_posted(
        operations: PhotoOperations, teacher: StaffMember, library: PhotoLibrary) -> None:
    session = Session(teacher, COMPUTER)
    first = operations.prepare(session, export(), label="a.jpg", faces=FaceCheck.LOOKED,
                               faces_covered=1, text_checked=True)
    again = operations.prepare(session, export(), label="a.jpg", faces=FaceCheck.TURNED_OFF,
                               faces_covered=3, text_checked=True, replace_id=first.photo_id)
    assert again.photo_id == first.photo_id and again.faces_covered == 3
    assert [photo.photo_id for photo in library.list_ready()] == [first.photo_id]


@pytest.mark.parametrize("faces", [FaceCheck.NOT_LOOKED, "stopped", None])
def test_a_photo_whose_faces_were_not_looked_for_is_refused_and_nothing_is_written(
        operations: PhotoOperations, library: PhotoLibrary, teacher: StaffMember,
        audit: AuditTrail, faces: object) -> None:
    before = len(audit.recent(1000))
    with pytest.raises(FacesNotLookedFor) as refused:
        operations.prepare(Session(teacher, COMPUTER), export(), label="trip.jpg",
                           faces=faces, faces_covered=0,  # type: ignore[arg-type]
                           text_checked=True)
    assert "faces have not been looked for" in refused.value.message
    with pytest.raises(FacesNotLookedFor):  # the library itself refuses, whoever calls it
        library.add(export(), label="trip.jpg", prepared_by="Mr Invented",
                    faces=faces)  # type: ignore[arg-type]
    assert library.list_ready() == [] and len(audit.recent(1000)) == before


def test_the_tabs_path_is_refused_before_any_pixel_is_exported(
        operations: PhotoOperations, teacher: StaffMember, library: PhotoLibrary) -> None:
    opened = OpenedPhoto(Path("x.jpg"), Image.new("RGB", (64, 48)), "JPEG", (64, 48),
                         PhotoMetadata())
    with pytest.raises(FacesNotLookedFor):
        operations.prepare_edit(Session(teacher, COMPUTER), opened, EditState(),
                                label="x.jpg", faces=FaceCheck.NOT_LOOKED, text_checked=True)
    stored = operations.prepare_edit(Session(teacher, COMPUTER), opened, EditState(),
                                     label="x.jpg", faces=FaceCheck.LOOKED, text_checked=True)
    assert library.list_ready() == [stored]


def test_refused_for_a_role_without_the_permission_and_nothing_is_written(
        operations: PhotoOperations, staff: StaffDirectory, head: StaffMember,
        teacher: StaffMember, library: PhotoLibrary, audit: AuditTrail) -> None:
    session = Session(teacher, COMPUTER)
    stored = operations.prepare(session, export(), label="a.jpg", faces=FaceCheck.LOOKED,
                                faces_covered=0, text_checked=True)
    staff.set_permission(Role.TEACHER, Permission.SUBMIT, False, by=head, head_pin=HEAD_PIN)
    before = len(audit.recent(1000))
    with pytest.raises(NotAllowed):
        operations.prepare(session, export(), label="b.jpg", faces=FaceCheck.LOOKED,
                           faces_covered=0, text_checked=True)
    with pytest.raises(NotAllowed):
        operations.confirm_consent(session, stored.photo_id)
    with pytest.raises(NotAllowed):
        operations.remove(session, stored.photo_id)
    assert len(audit.recent(1000)) == before
    assert [photo.photo_id for photo in library.list_ready()] == [stored.photo_id]
    assert not library.get(stored.photo_id).consent_confirmed


def test_no_one_signed_in_is_refused(operations: PhotoOperations, teacher: StaffMember) -> None:
    with pytest.raises(NotSignedIn):
        operations.prepare(Session(None, COMPUTER), export(), label="a.jpg",
                           faces=FaceCheck.LOOKED, faces_covered=0, text_checked=True)


def test_a_confirmation_for_a_photo_no_longer_listed_is_a_refusal_with_words(
        operations: PhotoOperations, teacher: StaffMember) -> None:
    with pytest.raises(PhotoNotChanged) as refused:
        operations.confirm_faces(Session(teacher, COMPUTER), 999)
    assert "999" in refused.value.message


def test_the_change_and_its_audit_entry_are_kept_together(
        operations: PhotoOperations, teacher: StaffMember, library: PhotoLibrary,
        audit: AuditTrail, monkeypatch: pytest.MonkeyPatch) -> None:
    """An audit entry that cannot be written takes the prepared photo with it."""
    def broken_record(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the audit log could not be written")

    monkeypatch.setattr(library, "_record", broken_record)
    with pytest.raises(RuntimeError):
        operations.prepare(Session(teacher, COMPUTER), export(), label="a.jpg",
                           faces=FaceCheck.LOOKED, faces_covered=0, text_checked=True)
    assert library.list_ready() == []
