"""Pictures on replies: downloaded for replies being assessed, kept, checked offline, and
deleted with the reply. The detector's scores are stubbed at the model boundary
(``ImageDetector``): no explicit material is needed, or kept, anywhere in the tests.
The real model is tried on harmless generated pictures in test_reply_images_model.py."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from stpeters_desk.core.moderation import HIDE, REVIEW, assess
from stpeters_desk.core.moderation_reasons import BuiltIn, shown_reasons
from stpeters_desk.core.moderation_service import ModerationInbox
from stpeters_desk.core.reply_images import (
    CHECKED_OK,
    FLAG_AT,
    FLAGGED,
    NSFW,
    NSFW_FLAG_AT,
    UNCHECKED,
    PictureCheckers,
    PictureNotChecked,
    ReplyPictures,
    check_picture,
)
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import ModerationStore, StoredMention
from stpeters_desk.i18n import english
from stpeters_desk.x.errors import MediaUnavailable
from stpeters_desk.x.sandbox import SandboxGateway

EXPOSED = "FEMALE_BREAST_EXPOSED"  # a class name only: the stub returns numbers, no picture


@dataclass
class StubDetector:
    """Gives the scores a test chooses; counts what it was asked to look at."""

    scores_to_give: Mapping[str, float] = field(default_factory=dict)
    fail: bool = False
    seen: list[tuple[int, int]] = field(default_factory=list)

    def scores(self, picture: Image.Image) -> Mapping[str, float]:
        self.seen.append(picture.size)
        if self.fail:
            raise RuntimeError("the model could not run")
        return self.scores_to_give


def _inbox(db: Database, sandbox: SandboxGateway, folder: Path,
           detector: StubDetector) -> ModerationInbox:
    return ModerationInbox(ModerationStore(db), sandbox, AuditLog(db).record,
                           pictures=ReplyPictures(folder, detector))


def _with_pictures(inbox: ModerationInbox) -> list[StoredMention]:
    return [item for item in inbox.items(limit=500) if item.pictures]


def test_a_flagged_picture_suggests_hiding_with_its_reason(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    detector = StubDetector({EXPOSED: 0.91, "FACE_FEMALE": 0.8})
    inbox = _inbox(db, sandbox, tmp_path, detector)

    inbox.refresh()

    pictured = _with_pictures(inbox)
    assert len(pictured) == 2 and len(detector.seen) == 2  # only replies with pictures
    for item in pictured:
        assert item.level == HIDE and item.score >= 0.75
        assert item.reasons[0].rule == BuiltIn.UNSUITABLE_IMAGE
        assert item.reasons[0].score == 0.91
        assert item.pictures[0].result == FLAGGED
        assert shown_reasons(item.reasons, english)[0] == (
            "Image may be unsuitable (detector score 0.91); it stays blurred until someone "
            "chooses to see it")
        # kept under the data folder, and offered to the tab blurred first
        [shown] = inbox.media(item.post_id)
        assert shown.blur_first and shown.path is not None and shown.path.is_file()
        assert shown.path.is_relative_to(tmp_path / "reply-media" / "sandbox" / item.post_id)
    assert inbox.counts()["needs someone"] >= 2


def test_a_picture_below_the_line_or_of_another_class_changes_nothing(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    detector = StubDetector({EXPOSED: FLAG_AT - 0.01, "MALE_BREAST_EXPOSED": 0.95,
                             "BELLY_EXPOSED": 0.9, "FEET_EXPOSED": 0.9})
    inbox = _inbox(db, sandbox, tmp_path, detector)

    inbox.refresh()

    for item in _with_pictures(inbox):
        assert item.level == assess(item.text).level  # what the words alone said
        assert item.pictures[0].result == CHECKED_OK
        assert item.pictures[0].score == pytest.approx(FLAG_AT - 0.01)
        assert not any(r.rule in (BuiltIn.UNSUITABLE_IMAGE, BuiltIn.IMAGE_NOT_CHECKED)
                       for r in item.reasons)
        assert not inbox.media(item.post_id)[0].blur_first


def test_a_detector_failure_sends_the_reply_to_review_never_ok(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    inbox = _inbox(db, sandbox, tmp_path, StubDetector(fail=True))

    result = inbox.refresh()

    pictured = _with_pictures(inbox)
    assert pictured and result.fetched > len(pictured)
    for item in pictured:
        assert item.level in (REVIEW, HIDE)
        assert any(r.rule == BuiltIn.IMAGE_NOT_CHECKED for r in item.reasons)
        assert item.pictures[0].result == UNCHECKED
        assert ("Picture not checked on this computer: look at it before deciding"
                in shown_reasons(item.reasons, english))


def test_a_download_failure_sends_the_reply_to_review(
        db: Database, sandbox: SandboxGateway, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str, max_bytes: int = 0) -> bytes:
        raise MediaUnavailable("gone")

    monkeypatch.setattr(sandbox, "download_media", refuse)
    detector = StubDetector()
    inbox = _inbox(db, sandbox, tmp_path, detector)

    inbox.refresh()

    for item in _with_pictures(inbox):
        assert item.level == REVIEW and item.reasons[0].rule == BuiltIn.IMAGE_NOT_CHECKED
        [shown] = inbox.media(item.post_id)
        assert shown.path is None and shown.blur_first
    assert detector.seen == []


def test_without_a_picture_checker_pictures_are_never_taken_as_fine(
        db: Database, sandbox: SandboxGateway) -> None:
    inbox = ModerationInbox(ModerationStore(db), sandbox, AuditLog(db).record)

    inbox.refresh()

    pictured = _with_pictures(inbox)
    assert pictured and all(item.level == REVIEW for item in pictured)


def test_with_no_check_installed_here_pictures_fail_closed_to_review(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    # what the app has when neither open_nsfw's file nor the optional NudeNet is there
    inbox = ModerationInbox(ModerationStore(db), sandbox, AuditLog(db).record,
                            pictures=ReplyPictures(tmp_path, PictureCheckers([])))

    inbox.refresh()

    pictured = _with_pictures(inbox)
    assert pictured
    for item in pictured:
        assert item.level in (REVIEW, HIDE) and item.pictures[0].result == UNCHECKED
        assert "picture not checked on this computer" in [r.rule for r in item.reasons]
        assert inbox.media(item.post_id)[0].blur_first


def test_open_nsfw_flags_at_its_own_line_and_both_checks_combine() -> None:
    both = PictureCheckers([StubDetector({NSFW: NSFW_FLAG_AT}), StubDetector({EXPOSED: 0.1})])
    check = check_picture(_png(), both)
    assert check.flagged and check.classes == (NSFW,) and check.score == NSFW_FLAG_AT

    below = check_picture(_png(), StubDetector({NSFW: NSFW_FLAG_AT - 0.01}))
    assert not below.flagged
    # either check failing means the picture was not checked, never that it is fine
    with pytest.raises(PictureNotChecked):
        check_picture(_png(), PictureCheckers([StubDetector({NSFW: 0.0}),
                                               StubDetector(fail=True)]))


def test_replies_without_pictures_are_untouched(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    detector = StubDetector({EXPOSED: 0.99})
    inbox = _inbox(db, sandbox, tmp_path, detector)

    inbox.refresh()

    plain = [item for item in inbox.items(limit=500) if not item.pictures]
    assert len(plain) > 20
    for item in plain:
        expected = assess(item.text)
        assert (item.level, item.reasons) == (expected.level, tuple(expected.reasons))
    assert len(detector.seen) == 2


def test_a_stored_reply_is_not_downloaded_again_and_reassessing_keeps_the_picture_reason(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    detector = StubDetector({EXPOSED: 0.8})
    inbox = _inbox(db, sandbox, tmp_path, detector)
    inbox.refresh()
    ModerationStore(db).set_mark("sandbox", "mentions_since_id", "0")  # read all again

    inbox.refresh()
    inbox.reassess()

    assert len(detector.seen) == 2
    assert all(item.level == HIDE for item in _with_pictures(inbox))


def test_forgetting_a_reply_deletes_its_pictures(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    inbox = _inbox(db, sandbox, tmp_path, StubDetector({EXPOSED: 0.9}))
    inbox.refresh()
    first, second = _with_pictures(inbox)
    [kept] = inbox.media(first.post_id)
    assert kept.path is not None and kept.path.is_file()

    inbox.forget(first.post_id, "Head", "past the retention date")

    assert not kept.path.exists()
    assert not (tmp_path / "reply-media" / "sandbox" / first.post_id).exists()
    assert db.query("SELECT * FROM moderation_media WHERE post_id = :id",
                    {"id": first.post_id}) == []
    assert ModerationStore(db).mention("sandbox", first.post_id) is None
    [other] = inbox.media(second.post_id)
    assert other.path is not None and other.path.is_file()  # the other reply keeps its own


def _png(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_check_picture_decodes_safely_and_reports_the_top_exposed_score() -> None:
    detector = StubDetector({EXPOSED: 0.45, "BUTTOCKS_EXPOSED": 0.2, "FACE_MALE": 0.99})

    check = check_picture(_png((4000, 3000)), detector)

    assert check.flagged and check.score == 0.45 and check.classes == (EXPOSED,)
    assert max(detector.seen[0]) == 1280  # scaled down before the model sees it
    with pytest.raises(PictureNotChecked):
        check_picture(b"<html>not a picture</html>", detector)
    with pytest.raises(PictureNotChecked):
        check_picture(_png(), StubDetector(fail=True))


def test_a_picture_claiming_too_many_pixels_is_not_decoded() -> None:
    buffer = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(buffer, "PNG")  # 60 MP, a few kB
    detector = StubDetector()

    with pytest.raises(PictureNotChecked):
        check_picture(buffer.getvalue(), detector)
    assert detector.seen == []


def test_the_practice_account_serves_its_own_generated_pictures(sandbox: SandboxGateway) -> None:
    pictured = [m for m in sandbox.mentions(limit=500) if m.photos]

    assert len(pictured) == 2
    data = sandbox.download_media(pictured[0].photos[0].url)
    assert Image.open(io.BytesIO(data)).format == "PNG"
    with pytest.raises(MediaUnavailable):
        sandbox.download_media(pictured[0].photos[0].url, max_bytes=10)
    with pytest.raises(MediaUnavailable):
        sandbox.download_media("https://pbs.twimg.com/media/x.jpg")




def test_the_incident_pack_keeps_a_blurred_copy_and_the_originals_checksum(
        db: Database, sandbox: SandboxGateway, tmp_path: Path) -> None:
    import base64
    import hashlib

    from stpeters_desk.core.incident import (
        IncidentReport,
        capture_evidence,
        render_incident_html,
    )

    inbox = _inbox(db, sandbox, tmp_path, StubDetector({EXPOSED: 0.9}))
    inbox.refresh()
    item = _with_pictures(inbox)[0]
    [shown] = inbox.media(item.post_id)
    assert shown.path is not None
    original = shown.path.read_bytes()

    evidence = capture_evidence(item, _png(), "Head", "sandbox",
                                pictures=inbox.evidence_pictures(item.post_id))
    page = render_incident_html(IncidentReport(evidence, "", "", "Head"))

    [kept] = evidence.pictures
    assert kept.original_sha256 == hashlib.sha256(original).hexdigest()
    assert kept.original_sha256 in page and "may be unsuitable (score 0.90)" in page
    assert "class='blurred'" in page and "Blurred on purpose" in page
    assert base64.b64encode(original).decode() not in page  # never the original itself
    blurred = Image.open(io.BytesIO(kept.blurred_png))
    assert max(blurred.size) == 320
    # the UI not passing them: the pack still says there was a picture, and where
    plain = capture_evidence(item, _png(), "Head", "sandbox")
    assert plain.pictures[0].url == item.pictures[0].url and not plain.pictures[0].blurred_png
    assert item.pictures[0].url in render_incident_html(IncidentReport(plain, "", "", "Head"))
