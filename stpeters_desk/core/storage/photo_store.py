"""Persistence for prepared photos: the exported bytes, their description and their checks.

Lists never read the photo's bytes (a 4096 px JPEG can be 5 MB): they read the row and
its small thumbnail, and ``data`` fetches the bytes only when a photo is attached. Every
change is one UPDATE on one row, so there is nothing to keep consistent across tables;
the library records each change in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from stpeters_desk.core.storage.audit import time_text
from stpeters_desk.core.storage.connection import Row
from stpeters_desk.core.storage.db import Database

_COLUMNS = (
    "id, label, mime_type, width, height, LENGTH(data) AS size_bytes, thumbnail, alt_text, "
    "removed, faces_covered, prepared_by, faces_checked_by, faces_checked_at, "
    "consent_confirmed_by, consent_confirmed_at, created_at, updated_at, used_at, used_in, "
    "text_checked")

_CONFIRMED = ("faces_checked_at IS NOT NULL AND consent_confirmed_at IS NOT NULL "
              "AND alt_text <> '' AND text_checked = 1")


@dataclass(frozen=True)
class NewPhoto:
    """What the Photos tab hands over after an export, before it has an id."""

    label: str  # how lists name it, usually the original file's name
    data: bytes = field(repr=False)
    mime_type: str
    width: int
    height: int
    thumbnail: bytes = field(repr=False)
    removed: tuple[str, ...] = ()
    faces_covered: int = 0
    prepared_by: str = ""
    alt_text: str = ""
    text_checked: bool = False  # its written text read and every pupil's name covered


@dataclass(frozen=True)
class StoredPhoto:
    """A prepared photo as listed: everything but its full-size bytes."""

    photo_id: int
    label: str
    mime_type: str
    width: int
    height: int
    size_bytes: int
    thumbnail: bytes = field(repr=False)
    alt_text: str = ""
    removed: tuple[str, ...] = ()
    faces_covered: int = 0
    prepared_by: str = ""
    faces_checked_by: str = ""
    faces_checked_at: datetime | None = None
    consent_confirmed_by: str = ""
    consent_confirmed_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    used_at: datetime | None = None
    used_in: str = ""
    text_checked: bool = False

    @property
    def faces_reviewed(self) -> bool:
        return self.faces_checked_at is not None

    @property
    def consent_confirmed(self) -> bool:
        return self.consent_confirmed_at is not None

    @property
    def used(self) -> bool:
        return self.used_at is not None


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _photo(row: Row) -> StoredPhoto:
    removed = str(row["removed"])
    return StoredPhoto(
        photo_id=int(row["id"]), label=str(row["label"]), mime_type=str(row["mime_type"]),
        width=int(row["width"]), height=int(row["height"]), size_bytes=int(row["size_bytes"]),
        thumbnail=bytes(row["thumbnail"]), alt_text=str(row["alt_text"]),
        removed=tuple(removed.split("\n")) if removed else (),
        faces_covered=int(row["faces_covered"]), prepared_by=str(row["prepared_by"]),
        faces_checked_by=str(row["faces_checked_by"]),
        faces_checked_at=_time(row["faces_checked_at"]),
        consent_confirmed_by=str(row["consent_confirmed_by"]),
        consent_confirmed_at=_time(row["consent_confirmed_at"]),
        created_at=_time(row["created_at"]), updated_at=_time(row["updated_at"]),
        used_at=_time(row["used_at"]), used_in=str(row["used_in"]),
        text_checked=bool(row["text_checked"]))


def _removed_text(lines: tuple[str, ...]) -> str:
    """One line each; a line break inside a line (from a camera's text) becomes a space."""
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


class PhotoStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------
    def get(self, photo_id: int) -> StoredPhoto | None:
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM prepared_photos WHERE id = :id",
                                 {"id": photo_id})
        return _photo(row) if row else None

    def data(self, photo_id: int) -> bytes | None:
        row = self._db.query_one("SELECT data FROM prepared_photos WHERE id = :id",
                                 {"id": photo_id})
        return bytes(row["data"]) if row else None

    def unused(self) -> list[StoredPhoto]:
        """Photos not yet in a post, newest first: the "Ready to attach" list."""
        rows = self._db.query(f"SELECT {_COLUMNS} FROM prepared_photos WHERE used_at IS NULL "
                              "ORDER BY created_at DESC, id DESC")
        return [_photo(row) for row in rows]

    def used_in(self, post_ref: str) -> list[StoredPhoto]:
        """The photos handed over in one post (e.g. "approval 3"), in the order attached."""
        rows = self._db.query(f"SELECT {_COLUMNS} FROM prepared_photos WHERE used_in = :ref "
                              "ORDER BY used_at, id", {"ref": post_ref})
        return [_photo(row) for row in rows]

    def attachable(self) -> list[StoredPhoto]:
        """Unused photos with a description and both confirmations, newest first."""
        rows = self._db.query(f"SELECT {_COLUMNS} FROM prepared_photos WHERE used_at IS NULL "
                              f"AND {_CONFIRMED} ORDER BY created_at DESC, id DESC")
        return [_photo(row) for row in rows]

    # -- changing ----------------------------------------------------------------------
    def insert(self, photo: NewPhoto, at: datetime) -> int:
        moment = time_text(at)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO prepared_photos (label, data, mime_type, width, height, thumbnail, "
                "alt_text, removed, faces_covered, prepared_by, text_checked, created_at, "
                "updated_at) "
                "VALUES (:label, :data, :mime_type, :width, :height, :thumbnail, :alt_text, "
                ":removed, :faces_covered, :prepared_by, :text_checked, :at, :at) RETURNING id",
                {"label": photo.label, "data": photo.data, "mime_type": photo.mime_type,
                 "width": photo.width, "height": photo.height, "thumbnail": photo.thumbnail,
                 "alt_text": photo.alt_text, "removed": _removed_text(photo.removed),
                 "faces_covered": photo.faces_covered, "prepared_by": photo.prepared_by,
                 "text_checked": int(photo.text_checked), "at": moment})
            return int(cursor.fetchone()["id"])

    def replace_image(self, photo_id: int, photo: NewPhoto, at: datetime) -> bool:
        """New pixels for an unused photo; both confirmations go, as they were for the old ones.

        The description stays: it was written for the same scene and staff see it again
        when they confirm.
        """
        return self._db.execute(
            "UPDATE prepared_photos SET label = :label, data = :data, mime_type = :mime_type, "
            "width = :width, height = :height, thumbnail = :thumbnail, removed = :removed, "
            "faces_covered = :faces_covered, prepared_by = :prepared_by, "
            "text_checked = :text_checked, "
            "faces_checked_by = '', faces_checked_at = NULL, consent_confirmed_by = '', "
            "consent_confirmed_at = NULL, updated_at = :at "
            "WHERE id = :id AND used_at IS NULL",
            {"id": photo_id, "label": photo.label, "data": photo.data,
             "mime_type": photo.mime_type, "width": photo.width, "height": photo.height,
             "thumbnail": photo.thumbnail, "removed": _removed_text(photo.removed),
             "faces_covered": photo.faces_covered, "prepared_by": photo.prepared_by,
             "text_checked": int(photo.text_checked), "at": time_text(at)}) == 1

    def set_alt_text(self, photo_id: int, alt_text: str, at: datetime) -> bool:
        return self._db.execute(
            "UPDATE prepared_photos SET alt_text = :alt_text, updated_at = :at "
            "WHERE id = :id AND used_at IS NULL",
            {"id": photo_id, "alt_text": alt_text, "at": time_text(at)}) == 1

    def confirm_faces(self, photo_id: int, by: str, at: datetime) -> bool:
        return self._db.execute(
            "UPDATE prepared_photos SET faces_checked_by = :by, faces_checked_at = :at, "
            "updated_at = :at WHERE id = :id AND used_at IS NULL",
            {"id": photo_id, "by": by, "at": time_text(at)}) == 1

    def confirm_consent(self, photo_id: int, by: str, at: datetime) -> bool:
        return self._db.execute(
            "UPDATE prepared_photos SET consent_confirmed_by = :by, consent_confirmed_at = :at, "
            "updated_at = :at WHERE id = :id AND used_at IS NULL",
            {"id": photo_id, "by": by, "at": time_text(at)}) == 1

    def mark_used(self, photo_id: int, used_in: str, at: datetime) -> bool:
        return self._db.execute(
            "UPDATE prepared_photos SET used_at = :at, used_in = :used_in, updated_at = :at "
            "WHERE id = :id AND used_at IS NULL",
            {"id": photo_id, "used_in": used_in, "at": time_text(at)}) == 1

    def delete(self, photo_id: int) -> bool:
        return self._db.execute("DELETE FROM prepared_photos WHERE id = :id",
                                {"id": photo_id}) == 1
