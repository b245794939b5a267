"""Prepared photos waiting to be attached to a tweet, and the checks each one needs first.

A photo leaves the Photos tab only as an export: faces covered, metadata gone, within
X's limits. The library keeps that export with its description and two confirmations
the school's practice asks for: someone has looked at every face ("I have checked every
face"), and someone has confirmed that every child shown has photo consent. Only a
photo with a description and both confirmations is attachable, and each confirmation is
recorded in the audit log with the name of the person who gave it.

Nothing enters the library unless its faces were looked for (``photo_rules``): the
detector looked at the photo, or a person turned the search off for it and covered
faces by hand. ``add`` and ``replace`` refuse anything else, whoever calls them; the
Photos tab reaches them only through ``ops.photos``.

New pixels for a photo (prepared again after changing its crop or covered regions)
clear both confirmations: they were given for the old pixels. A new description does
not: the confirmations are about who is in the picture, and the pre-flight check reads
the description for children's names anyway.

No pupil's name is kept in the clear on the photo's way through: a file name that the
name guard finds a name in ("Olivia at sports day.jpg") is replaced by a neutral label
before it is stored or audited, and a description the guard flags is not copied into
the audit log (only its length and that it was flagged).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import reduce
from pathlib import PurePath
from typing import TYPE_CHECKING

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.photo_rules import FaceCheck, require_faces_looked_for
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.photo_store import NewPhoto, PhotoStore, StoredPhoto
from stpeters_desk.i18n import translate
from stpeters_desk.x.models import PhotoUpload

if TYPE_CHECKING:
    from stpeters_desk.core.images import ExportedPhoto
    from stpeters_desk.core.names import GuardSource
    from stpeters_desk.core.preflight import PhotoCheckInput

__all__ = [
    "PhotoLibrary",
    "PhotoLibraryError",
    "PhotoNotReady",
    "StoredPhoto",
    "is_attachable",
    "missing_checks",
]

AuditRecord = Callable[[str, str, str, str], object]  # record(actor, action, target, detail)
Clock = Callable[[], datetime]

MAX_ALT_TEXT = 1000  # X refuses a longer photo description
MAX_PHOTOS_PER_TWEET = 4
THUMBNAIL_SIDE = 160

# Audit actions, so the Audit tab can filter on them.
PREPARE_ACTION = AuditAction.PREPARE_PHOTO
PREPARE_AGAIN_ACTION = AuditAction.PREPARE_PHOTO_AGAIN
DESCRIBE_ACTION = AuditAction.DESCRIBE_PHOTO
FACES_ACTION = AuditAction.CONFIRM_FACES_CHECKED
CONSENT_ACTION = AuditAction.CONFIRM_PHOTO_CONSENT
USED_ACTION = AuditAction.PHOTO_USED
REMOVE_ACTION = AuditAction.REMOVE_PHOTO


class PhotoLibraryError(ValueError):
    """The photo is not there any more, or the change does not apply; says why."""


class PhotoNotReady(PhotoLibraryError):
    """The photo may not be attached yet: a description or a confirmation is missing."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _target(photo_id: int) -> str:
    return f"photo {photo_id}"


def missing_checks(photo: StoredPhoto) -> list[str]:
    """What still stands between a prepared photo and a tweet, in plain words."""
    missing = []
    if not photo.alt_text.strip():
        missing.append(translate("PhotoLibrary", "a description"))
    if not photo.faces_reviewed:
        missing.append(translate("PhotoLibrary", "every face checked"))
    if not photo.consent_confirmed:
        missing.append(translate("PhotoLibrary", "photo consent confirmed"))
    if not photo.text_checked:
        missing.append(translate("PhotoLibrary",
                                 "its written text checked for names (prepare it again)"))
    return missing


def _and(items: list[str]) -> str:
    """The checks still needed, as one phrase: "a description and every face checked"."""
    return reduce(lambda first, second: translate("PhotoLibrary", "{first} and {second}")
                  .format(first=first, second=second), items)


def is_attachable(photo: StoredPhoto) -> bool:
    return not photo.used and not missing_checks(photo)


def make_thumbnail(data: bytes, side: int = THUMBNAIL_SIDE) -> bytes:
    """A small JPEG for lists, made from the export's own (already clean) pixels."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as source:
        source.draft("RGB", (side, side))  # a JPEG decodes at a reduced scale: fast
        source.thumbnail((side, side))
        image = source.convert("RGBA")
    flat = Image.new("RGB", image.size, (255, 255, 255))
    flat.paste(image, (0, 0), image)
    buffer = io.BytesIO()
    flat.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


class PhotoLibrary:
    """Prepared photos, their description and their confirmations; every change audited."""

    def __init__(self, db: Database, record: AuditRecord, *, clock: Clock = _utc_now,
                 name_guard: GuardSource | None = None) -> None:
        self._store = PhotoStore(db)
        self._record = record
        self._clock = clock
        self._name_guard = name_guard

    def names_in(self, text: str) -> list[str] | None:
        """The words of ``text`` the name guard flags; None when it cannot check (no roster,
        an out-of-date roster, a lost key): callers then treat the text as unsafe."""
        from stpeters_desk.core.names import usable_guard

        guard = usable_guard(self._name_guard)
        return None if guard is None else [finding.word for finding in guard.check(text)]

    def safe_label(self, file_name: str) -> str:
        """The file's name if no pupil's name can be in it, else a neutral one.

        "Olivia at sports day.jpg" must not reach the database, the audit log or
        its exports; a name the guard cannot check is treated the same way.
        """
        path = PurePath(file_name)
        readable = re.sub(r"[_\-.+]+", " ", path.stem)
        found = self.names_in(f"{readable}\n{path.stem}")
        if found == [] and path.name.isprintable():
            return path.name
        return self._clock().strftime("photo-%Y%m%d-%H%M%S") + path.suffix.lower()[:5]

    # -- adding and replacing --------------------------------------------------------------
    def add(self, exported: ExportedPhoto, *, label: str, prepared_by: str, faces: FaceCheck,
            faces_covered: int = 0, alt_text: str = "",
            text_checked: bool = False) -> StoredPhoto:
        """Keep an export for attaching later; it needs its checks before it is attachable.

        ``faces`` says how the photo's faces were looked for: a photo whose faces were not
        looked for is refused (``FacesNotLookedFor``), whoever calls. text_checked says the
        text written in the photo was read and every pupil's name in it covered; without it
        the photo is never attachable.
        """
        require_faces_looked_for(faces)
        alt_text = _checked_alt_text(alt_text)
        label = self.safe_label(label)
        photo = self._new_photo(exported, label, prepared_by, faces_covered, alt_text,
                                text_checked)
        photo_id = self._store.insert(photo, self._clock())
        self._record(prepared_by, PREPARE_ACTION, _target(photo_id),
                     _prepared_detail(label, exported, faces, faces_covered, text_checked))
        return self.get(photo_id)

    def replace(self, photo_id: int, exported: ExportedPhoto, *, label: str,
                prepared_by: str, faces: FaceCheck, faces_covered: int = 0,
                text_checked: bool = False) -> StoredPhoto:
        """New pixels for a photo not yet posted; its confirmations are cleared. Refused, as
        ``add`` is, when the faces of the new pixels were not looked for."""
        require_faces_looked_for(faces)
        before = self.get(photo_id)
        label = before.label if label == before.label else self.safe_label(label)
        photo = self._new_photo(exported, label, prepared_by, faces_covered, before.alt_text,
                                text_checked)
        if not self._store.replace_image(photo_id, photo, self._clock()):
            raise _gone_or_used(photo_id)
        cleared = [what for what, done in (("the face check", before.faces_reviewed),
                                           ("the consent confirmation",
                                            before.consent_confirmed)) if done]
        detail = _prepared_detail(label, exported, faces, faces_covered, text_checked)
        if cleared:
            detail += "; cleared " + " and ".join(cleared)
        self._record(prepared_by, PREPARE_AGAIN_ACTION, _target(photo_id), detail)
        return self.get(photo_id)

    @staticmethod
    def _new_photo(exported: ExportedPhoto, label: str, prepared_by: str,
                   faces_covered: int, alt_text: str, text_checked: bool) -> NewPhoto:
        if not prepared_by.strip():
            raise PhotoLibraryError(translate(
                "PhotoLibrary", "Sign in first: a prepared photo records who prepared it."))
        return NewPhoto(label=label, data=exported.data, mime_type=exported.mime_type,
                        width=exported.width, height=exported.height,
                        thumbnail=make_thumbnail(exported.data),
                        removed=tuple(exported.removed.removal_kinds()),
                        faces_covered=faces_covered, prepared_by=prepared_by,
                        alt_text=alt_text, text_checked=text_checked)

    # -- reading ---------------------------------------------------------------------------
    def get(self, photo_id: int) -> StoredPhoto:
        photo = self._store.get(photo_id)
        if photo is None:
            raise _not_listed(photo_id)
        return photo

    def list_ready(self) -> list[StoredPhoto]:
        """Every photo not yet posted, newest first, whatever checks it still needs."""
        return self._store.unused()

    def attachable(self) -> list[StoredPhoto]:
        """Photos that may go into a tweet now: described, faces checked, consent confirmed."""
        return self._store.attachable()

    def data(self, photo_id: int) -> bytes:
        data = self._store.data(photo_id)
        if data is None:
            raise _not_listed(photo_id)
        return data

    # -- the description and the checks ----------------------------------------------------
    def set_alt_text(self, photo_id: int, alt_text: str, actor: str) -> StoredPhoto:
        alt_text = _checked_alt_text(alt_text)
        before = self.get(photo_id)
        if before.alt_text == alt_text:
            return before
        if not self._store.set_alt_text(photo_id, alt_text, self._clock()):
            raise _gone_or_used(photo_id)
        from stpeters_desk.core.names import text_for_the_record

        self._record(actor, DESCRIBE_ACTION, _target(photo_id),
                     text_for_the_record(alt_text, self._name_guard))
        return self.get(photo_id)

    def confirm_faces(self, photo_id: int, actor: str) -> StoredPhoto:
        """'I have checked every face': recorded with the name of whoever says it."""
        photo = self._confirm(photo_id, actor, self._store.confirm_faces)
        self._record(actor, FACES_ACTION, _target(photo_id),
                     f"{photo.label}: {photo.faces_covered} region(s) covered")
        return photo

    def confirm_consent(self, photo_id: int, actor: str) -> StoredPhoto:
        """'Every child shown has photo consent', as the school's consent list says."""
        photo = self._confirm(photo_id, actor, self._store.confirm_consent)
        self._record(actor, CONSENT_ACTION, _target(photo_id), photo.label)
        return photo

    def _confirm(self, photo_id: int, actor: str,
                 save: Callable[[int, str, datetime], bool]) -> StoredPhoto:
        if not actor.strip():
            raise PhotoLibraryError(translate(
                "PhotoLibrary", "Sign in first: a confirmation records who gave it."))
        if not save(photo_id, actor, self._clock()):
            raise _gone_or_used(photo_id)
        return self.get(photo_id)

    # -- attaching -------------------------------------------------------------------------
    def to_upload(self, photo_id: int) -> PhotoUpload:
        """The bytes and description for the gateway; refuses a photo still missing a check."""
        photo = self.get(photo_id)
        if photo.used:
            raise PhotoNotReady(translate(
                "PhotoLibrary",
                "{photo} is already in a post; prepare it again to post it once more.")
                .format(photo=photo.label))
        missing = missing_checks(photo)
        if missing:
            raise PhotoNotReady(translate(
                "PhotoLibrary",
                "{photo} cannot be attached yet: it still needs {missing} (on the Photos tab).")
                .format(photo=photo.label, missing=_and(missing)))
        return PhotoUpload(self.data(photo_id), photo.mime_type, photo.alt_text)

    def check_input(self, photo_id: int) -> PhotoCheckInput:
        """What the composer's pre-flight check needs to know about this photo."""
        from stpeters_desk.core.preflight import PhotoCheckInput

        photo = self.get(photo_id)
        return PhotoCheckInput(alt_text=photo.alt_text, faces_reviewed=photo.faces_reviewed,
                               consent_confirmed=photo.consent_confirmed, label=photo.label,
                               text_checked=photo.text_checked)

    def handed_over_in(self, post_ref: str) -> list[PhotoCheckInput]:
        """What the pre-flight needs about the photos handed over in ``post_ref`` (an
        approval or a scheduled tweet), so it is checked again on the real facts."""
        return [self.check_input(photo.photo_id) for photo in self._store.used_in(post_ref)]

    def mark_used(self, photo_id: int, actor: str, post_ref: str = "") -> StoredPhoto:
        """After posting: the photo leaves the ready list (its row stays, for the record)."""
        if not self._store.mark_used(photo_id, post_ref, self._clock()):
            raise _gone_or_used(photo_id)
        photo = self.get(photo_id)
        self._record(actor, USED_ACTION, _target(photo_id),
                     f"{photo.label}" + (f" in {post_ref}" if post_ref else ""))
        return photo

    def remove(self, photo_id: int, actor: str) -> None:
        photo = self.get(photo_id)
        self._store.delete(photo_id)
        self._record(actor, REMOVE_ACTION, _target(photo_id), photo.label)


def _checked_alt_text(alt_text: str) -> str:
    text = alt_text.strip()
    if len(text) > MAX_ALT_TEXT:
        raise PhotoLibraryError(translate(
            "PhotoLibrary",
            "The description is {count} characters; X takes at most {limit}. Shorten it.")
            .format(count=len(text), limit=MAX_ALT_TEXT))
    return text


def _prepared_detail(label: str, exported: ExportedPhoto, faces: FaceCheck,
                     faces_covered: int, text_checked: bool) -> str:
    """The audit line for a prepared photo (English, as the audit log keeps)."""
    text = "text checked for names" if text_checked else "text NOT checked for names"
    return (f"{label}: {_shape(exported)}, {faces.value}, {faces_covered} region(s) covered, "
            f"{text}")


def _shape(exported: ExportedPhoto) -> str:
    kind = "PNG" if exported.mime_type == "image/png" else "JPEG"
    return f"{exported.width} x {exported.height} {kind}, {exported.size_bytes:,} bytes"


def _not_listed(photo_id: int) -> PhotoLibraryError:
    return PhotoLibraryError(translate(
        "PhotoLibrary", "Prepared photo {number} is not in the list any more.")
        .format(number=photo_id))


def _gone_or_used(photo_id: int) -> PhotoLibraryError:
    return PhotoLibraryError(translate(
        "PhotoLibrary",
        "Prepared photo {number} is no longer in the list, or it is already in a post: nothing "
        "was changed.").format(number=photo_id))
