"""Prepared photos: stored clean, described, confirmed by name, and only then attachable."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.images import ExportedPhoto, PhotoMetadata, export_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_library import (
    CONSENT_ACTION,
    DESCRIBE_ACTION,
    FACES_ACTION,
    MAX_ALT_TEXT,
    PREPARE_ACTION,
    PREPARE_AGAIN_ACTION,
    REMOVE_ACTION,
    USED_ACTION,
    PhotoLibrary,
    PhotoLibraryError,
    PhotoNotReady,
    is_attachable,
    make_thumbnail,
    missing_checks,
)
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.preflight import PhotoCheckInput
from stpeters_desk.core.storage.db import Database
from stpeters_desk.x.models import PhotoUpload
from tests.conftest import reopen_database

LOOKED = FaceCheck.LOOKED

PREPARER = "Ms Amberley Teacher"
HEAD = "Mr Invented Head"
GUARD = NameGuard.from_names(["Olivia Smith", "Tom Pryce"])
START = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
REMOVED = PhotoMetadata(camera="Invented Optics Classroom Cam 7", taken="3 May 2024, 10:15",
                        location=(51.573, -2.601))


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def scene(width: int = 320, height: int = 200, colour: tuple[int, int, int] = (40, 120, 200)
          ) -> Image.Image:
    image = Image.new("RGB", (width, height), colour)
    ImageDraw.Draw(image).ellipse((100, 40, 180, 140), fill=(230, 190, 160))
    return image


def exported(image: Image.Image | None = None, png: bool = False) -> ExportedPhoto:
    return export_photo(image or scene(), REMOVED, keep_png=png)


@pytest.fixture
def audit(db: Database) -> AuditTrail:
    return AuditTrail(db)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def library(db: Database, audit: AuditTrail, clock: Clock) -> PhotoLibrary:
    return PhotoLibrary(db, audit.record, clock=clock, name_guard=lambda: GUARD)


def ready(library: PhotoLibrary, label: str = "sports-day.jpg") -> int:
    photo = library.add(exported(), label=label,
                        faces=LOOKED, prepared_by=PREPARER, faces_covered=3,
                        text_checked=True)
    library.set_alt_text(photo.photo_id, "Year 4 running the relay on sports day", PREPARER)
    library.confirm_faces(photo.photo_id, PREPARER)
    library.confirm_consent(photo.photo_id, HEAD)
    return photo.photo_id


def test_migration_6_creates_the_prepared_photos_table(db: Database) -> None:
    assert db.schema_version() >= 6
    row = db.query_one("SELECT name FROM schema_migrations WHERE version = 6")
    assert row is not None and row["name"] == "prepared photos"
    columns = db.column_names("prepared_photos")
    assert {"data", "mime_type", "alt_text", "removed", "prepared_by", "faces_checked_by",
            "faces_checked_at", "consent_confirmed_by", "consent_confirmed_at", "created_at",
            "used_at"} <= columns


def test_an_added_photo_keeps_its_bytes_and_what_was_removed(library: PhotoLibrary,
                                                              audit: AuditTrail) -> None:
    export = exported()
    photo = library.add(export, label="sports-day.jpg",
                        faces=LOOKED, prepared_by=PREPARER, faces_covered=2)
    assert library.data(photo.photo_id) == export.data
    assert (photo.mime_type, photo.width, photo.height) == ("image/jpeg", 320, 200)
    assert photo.size_bytes == len(export.data)
    assert photo.removed == tuple(REMOVED.removal_kinds())
    assert photo.removed[0] == "Camera"  # the value was shown on screen, never stored
    assert any(line.startswith("Location (GPS)") for line in photo.removed)
    assert (photo.prepared_by, photo.faces_covered, photo.label) == (
        PREPARER, 2, "sports-day.jpg")
    assert photo.created_at == START + timedelta(minutes=1)
    assert not photo.faces_reviewed and not photo.consent_confirmed and not photo.used
    entry = audit.recent(1)[0]
    assert (entry.actor, entry.action, entry.target) == (PREPARER, PREPARE_ACTION,
                                                         f"photo {photo.photo_id}")
    assert "2 region(s) covered" in entry.detail


def test_the_thumbnail_is_small_and_carries_no_metadata(library: PhotoLibrary) -> None:
    photo = library.add(exported(scene(1600, 900)), label="hall.jpg",
                        faces=LOOKED, prepared_by=PREPARER)
    with Image.open(io.BytesIO(photo.thumbnail)) as thumb:
        assert max(thumb.size) <= 160 and thumb.format == "JPEG"
        assert not thumb.getexif() and "icc_profile" not in thumb.info


def test_a_png_screenshot_with_transparency_gets_a_thumbnail_on_white() -> None:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    data = export_photo(image, keep_png=True).data
    with Image.open(io.BytesIO(make_thumbnail(data))) as thumb:
        assert thumb.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=3)


def test_only_photos_with_a_description_and_both_confirmations_are_attachable(
        library: PhotoLibrary) -> None:
    photo = library.add(exported(), label="art.jpg",
                        faces=LOOKED, prepared_by=PREPARER, text_checked=True)
    photo_id = photo.photo_id
    assert missing_checks(photo) == ["a description", "every face checked",
                                     "photo consent confirmed"]
    assert library.attachable() == []
    library.set_alt_text(photo_id, "Paintings of sunflowers by Class 2", PREPARER)
    library.confirm_faces(photo_id, PREPARER)
    assert library.attachable() == []
    with pytest.raises(PhotoNotReady, match="photo consent confirmed"):
        library.to_upload(photo_id)
    confirmed = library.confirm_consent(photo_id, HEAD)
    assert is_attachable(confirmed)
    assert [p.photo_id for p in library.attachable()] == [photo_id]
    upload = library.to_upload(photo_id)
    assert upload == PhotoUpload(library.data(photo_id), "image/jpeg",
                                 "Paintings of sunflowers by Class 2")


def test_confirmations_record_who_and_when_in_the_row_and_the_audit_log(
        library: PhotoLibrary, audit: AuditTrail) -> None:
    photo_id = ready(library)
    photo = library.get(photo_id)
    assert photo.faces_checked_by == PREPARER and photo.consent_confirmed_by == HEAD
    assert photo.faces_checked_at is not None and photo.consent_confirmed_at is not None
    assert photo.faces_checked_at < photo.consent_confirmed_at
    entries = {e.action: e for e in audit.recent(10)}
    assert entries[FACES_ACTION].actor == PREPARER
    assert entries[CONSENT_ACTION].actor == HEAD
    assert entries[DESCRIBE_ACTION].detail == "Year 4 running the relay on sports day"
    assert all(entries[a].target == f"photo {photo_id}" for a in (FACES_ACTION, CONSENT_ACTION))
    assert audit.verify().ok


def test_a_confirmation_needs_a_name(library: PhotoLibrary) -> None:
    photo = library.add(exported(), label="art.jpg", faces=LOOKED, prepared_by=PREPARER)
    with pytest.raises(PhotoLibraryError, match="Sign in"):
        library.confirm_faces(photo.photo_id, "  ")
    with pytest.raises(PhotoLibraryError, match="Sign in"):
        library.add(exported(), label="art.jpg", faces=LOOKED, prepared_by="")
    assert not library.get(photo.photo_id).faces_reviewed


def test_new_pixels_clear_both_confirmations_but_keep_the_description(
        library: PhotoLibrary, audit: AuditTrail) -> None:
    photo_id = ready(library)
    recropped = exported(scene(200, 200, (90, 160, 60)))
    photo = library.replace(photo_id, recropped, label="sports-day.jpg",
                            faces=LOOKED, prepared_by=HEAD,
                            faces_covered=4, text_checked=True)
    assert library.data(photo_id) == recropped.data
    assert (photo.width, photo.height, photo.faces_covered) == (200, 200, 4)
    assert not photo.faces_reviewed and not photo.consent_confirmed
    assert photo.faces_checked_by == "" and photo.consent_confirmed_by == ""
    assert photo.alt_text == "Year 4 running the relay on sports day"
    assert library.attachable() == []
    entry = audit.recent(1)[0]
    assert entry.action == PREPARE_AGAIN_ACTION and entry.actor == HEAD
    assert "cleared the face check and the consent confirmation" in entry.detail


def test_a_new_description_keeps_the_confirmations(library: PhotoLibrary) -> None:
    photo_id = ready(library)
    photo = library.set_alt_text(photo_id, "  Class 4 on the climbing frame  ", HEAD)
    assert photo.alt_text == "Class 4 on the climbing frame"
    assert photo.faces_reviewed and photo.consent_confirmed


def test_the_description_is_limited_to_what_x_accepts(library: PhotoLibrary) -> None:
    photo = library.add(exported(), label="art.jpg", faces=LOOKED, prepared_by=PREPARER)
    library.set_alt_text(photo.photo_id, "x" * MAX_ALT_TEXT, PREPARER)
    with pytest.raises(PhotoLibraryError, match="1001 characters"):
        library.set_alt_text(photo.photo_id, "x" * (MAX_ALT_TEXT + 1), PREPARER)
    assert len(library.get(photo.photo_id).alt_text) == MAX_ALT_TEXT


def test_an_unchanged_description_writes_nothing(library: PhotoLibrary,
                                                 audit: AuditTrail) -> None:
    photo_id = ready(library)
    before = len(audit.recent(100))
    library.set_alt_text(photo_id, "Year 4 running the relay on sports day", PREPARER)
    assert len(audit.recent(100)) == before


def test_check_input_tells_the_pre_flight_check_what_is_done(library: PhotoLibrary) -> None:
    photo = library.add(exported(), label="trip.jpg", faces=LOOKED, prepared_by=PREPARER)
    assert library.check_input(photo.photo_id) == PhotoCheckInput(
        alt_text="", faces_reviewed=False, consent_confirmed=False, label="trip.jpg",
        text_checked=False)
    photo_id = ready(library, "relay.jpg")
    assert library.check_input(photo_id) == PhotoCheckInput(
        alt_text="Year 4 running the relay on sports day", faces_reviewed=True,
        consent_confirmed=True, label="relay.jpg", text_checked=True)


def test_the_ready_list_is_newest_first_and_used_photos_leave_it(library: PhotoLibrary,
                                                                  audit: AuditTrail) -> None:
    first = ready(library, "first.jpg")
    second = ready(library, "second.jpg")
    third = library.add(exported(), label="third.jpg", faces=LOOKED, prepared_by=PREPARER).photo_id
    assert [p.photo_id for p in library.list_ready()] == [third, second, first]
    assert [p.photo_id for p in library.attachable()] == [second, first]
    used = library.mark_used(second, HEAD, "tweet 1901")
    assert used.used and used.used_in == "tweet 1901"
    assert [p.photo_id for p in library.list_ready()] == [third, first]
    assert [p.photo_id for p in library.attachable()] == [first]
    assert audit.recent(1)[0].action == USED_ACTION
    with pytest.raises(PhotoNotReady, match="already in a post"):
        library.to_upload(second)
    with pytest.raises(PhotoLibraryError, match="nothing was changed"):
        library.confirm_faces(second, HEAD)
    with pytest.raises(PhotoLibraryError, match="nothing was changed"):
        library.replace(second, exported(), label="second.jpg", faces=LOOKED, prepared_by=HEAD)


def test_removing_a_photo_deletes_its_bytes_and_is_audited(library: PhotoLibrary,
                                                           audit: AuditTrail) -> None:
    photo_id = ready(library)
    library.remove(photo_id, HEAD)
    assert library.list_ready() == []
    with pytest.raises(PhotoLibraryError, match="not in the list"):
        library.get(photo_id)
    with pytest.raises(PhotoLibraryError, match="not in the list"):
        library.data(photo_id)
    entry = audit.recent(1)[0]
    assert (entry.action, entry.actor, entry.detail) == (REMOVE_ACTION, HEAD, "sports-day.jpg")


def test_prepared_photos_survive_reopening_the_database(data_dir: Path, db: Database,
                                                        audit: AuditTrail) -> None:
    photo_id = ready(PhotoLibrary(db, audit.record))
    reopened = reopen_database(db)
    try:
        photo = PhotoLibrary(reopened, audit.record).get(photo_id)
        assert photo.faces_reviewed and photo.consent_confirmed
    finally:
        reopened.close()


def test_a_photo_whose_text_was_not_checked_is_never_attachable(
        library: PhotoLibrary, db: Database, audit: AuditTrail) -> None:
    """Migration 10: photos prepared before text was read start unchecked (fail closed)."""
    row = db.query_one("SELECT name FROM schema_migrations WHERE version = 10")
    assert row is not None and row["name"] == "text in prepared photos checked for names"
    photo = library.add(exported(), label="badges.jpg", faces=LOOKED, prepared_by=PREPARER)
    assert "text NOT checked for names" in audit.recent(1)[0].detail
    library.set_alt_text(photo.photo_id, "Class 2's name badges", PREPARER)
    library.confirm_faces(photo.photo_id, PREPARER)
    photo = library.confirm_consent(photo.photo_id, HEAD)
    assert missing_checks(photo) == ["its written text checked for names (prepare it again)"]
    assert library.attachable() == [] and not is_attachable(photo)
    with pytest.raises(PhotoNotReady, match="checked for names"):
        library.to_upload(photo.photo_id)
    checked = library.replace(photo.photo_id, exported(), label="badges.jpg",
                              faces=LOOKED, prepared_by=PREPARER, text_checked=True)
    assert checked.text_checked and "text checked for names" in audit.recent(1)[0].detail


# --- No pupil's name kept in the clear ------------------------------------------------------


def test_a_file_name_with_a_pupils_name_is_stored_and_audited_under_a_neutral_label(
        library: PhotoLibrary, audit: AuditTrail) -> None:
    stored = library.add(exported(), label="Olivia at sports day.JPG",
                         faces=LOOKED, prepared_by=HEAD)
    assert "olivia" not in stored.label.lower()
    assert stored.label.startswith("photo-") and stored.label.endswith(".jpg")
    assert all("Olivia" not in entry.detail for entry in audit.recent(5))
    for disguised in ("0livia_sports.jpg", "OLIVIA-SMITH.png", "oli\u200bvia.jpg"):
        assert "liv" not in library.add(exported(), label=disguised,
                                        faces=LOOKED, prepared_by=HEAD).label.lower()
    assert library.add(exported(), label="sports-day.jpg",
                       faces=LOOKED, prepared_by=HEAD).label == \
        "sports-day.jpg"


def test_without_a_usable_roster_every_label_is_neutral(db: Database, audit: AuditTrail,
                                                        clock: Clock) -> None:
    for guard in (None, lambda: NameGuard.empty()):
        library = PhotoLibrary(db, audit.record, clock=clock, name_guard=guard)
        assert library.add(exported(), label="sports-day.jpg",
                           faces=LOOKED, prepared_by=HEAD).label \
            .startswith("photo-")


def test_a_flagged_description_is_not_copied_into_the_audit_log(
        library: PhotoLibrary, audit: AuditTrail) -> None:
    photo_id = library.add(exported(), label="sports-day.jpg",
                           faces=LOOKED, prepared_by=HEAD).photo_id
    library.set_alt_text(photo_id, "Olivia from Oak class dressed as an astronaut", HEAD)
    assert library.get(photo_id).alt_text.startswith("Olivia")  # kept, for the person to fix
    detail = audit.recent(1)[0].detail
    assert "Olivia" not in detail and "not copied here" in detail
    library.set_alt_text(photo_id, "Children in Oak class dressed as astronauts", HEAD)
    assert audit.recent(1)[0].detail == "Children in Oak class dressed as astronauts"
