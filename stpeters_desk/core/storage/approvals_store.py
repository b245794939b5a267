"""Persistence for tweets submitted for approval and for scheduled tweets.

Every change is one conditional UPDATE on the row's ``version`` (and status),
written together with its audit entries in one transaction: two approvers
acting at once, or an author editing while the head approves, can never both
win, and a change is never saved without its audit entry.

Handing a tweet to the outbox takes two steps because the outbox keeps its
own transaction: the row is first marked ``releasing``, then the outbox gets
the tweet, then the row is marked ``posted`` with the outbox id. A crash in
between leaves a ``releasing`` row, which ``outbox_item_like`` helps the
approval queue resolve on the next start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries, time_text
from stpeters_desk.core.storage.connection import Connection, Row
from stpeters_desk.core.storage.db import Database
from stpeters_desk.x.models import PhotoUpload


class SubmissionStatus(StrEnum):
    DRAFT = "draft"  # saved by its author, not yet submitted
    AWAITING_APPROVAL = "awaiting_approval"
    SCHEDULED = "scheduled"  # approved (or by someone who may post), waiting for its time
    RELEASING = "releasing"  # being handed to the outbox right now
    POSTED = "posted"  # handed to the outbox, which sends it to X
    REJECTED = "rejected"  # sent back to the author with a note
    WITHDRAWN = "withdrawn"  # withdrawn by its author or a scheduled post cancelled


class SubmissionChanged(Exception):
    """Someone else changed the tweet meanwhile; nothing was saved."""

    def __init__(self, message: str = "Someone else changed this tweet a moment ago. "
                 "Look at it again before deciding.") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Submission:
    """One tweet on its way to the account, in whichever queue it is now."""

    submission_id: int
    author_id: int
    author: str
    status: SubmissionStatus
    text: str  # what will be posted: the approver's edit, if any
    original_text: str  # what the author last submitted
    scheduled_for: datetime | None  # None: as soon as it is approved
    submitted_at: datetime | None
    approved_by: str
    approved_at: datetime | None
    rejected_by: str
    rejection_note: str
    released_by: str
    released_at: datetime | None
    outbox_id: int | None
    version: int
    created_at: datetime
    updated_at: datetime
    photos: tuple[PhotoUpload, ...] = field(default=(), repr=False)

    @property
    def edited_by_approver(self) -> bool:
        return self.text != self.original_text


_COLUMNS = ("id, author_id, author_name, status, text, original_text, scheduled_for, "
            "submitted_at, approved_by, approved_at, rejected_by, rejection_note, released_by, "
            "released_at, outbox_id, version, created_at, updated_at")


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _time_text(value: datetime | None) -> str | None:
    return None if value is None else time_text(value)


def _row_params(item: Submission) -> dict[str, object]:
    return {
        "id": item.submission_id, "author_id": item.author_id, "author_name": item.author,
        "status": item.status.value, "text": item.text, "original_text": item.original_text,
        "scheduled_for": _time_text(item.scheduled_for),
        "submitted_at": _time_text(item.submitted_at), "approved_by": item.approved_by,
        "approved_at": _time_text(item.approved_at), "rejected_by": item.rejected_by,
        "rejection_note": item.rejection_note, "released_by": item.released_by,
        "released_at": _time_text(item.released_at), "outbox_id": item.outbox_id,
        "created_at": time_text(item.created_at), "updated_at": time_text(item.updated_at),
    }


class ApprovalsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------
    def get(self, submission_id: int) -> Submission | None:
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM submissions WHERE id = :id",
                                 {"id": submission_id})
        return self._submission(row) if row else None

    def with_status(self, statuses: Sequence[SubmissionStatus], *,
                    author_id: int | None = None, newest_first: bool = False,
                    limit: int | None = None) -> list[Submission]:
        """Oldest first by default: the order a queue is worked through."""
        params: dict[str, object] = {f"s{i}": s.value for i, s in enumerate(statuses)}
        where = f"status IN ({', '.join(':' + name for name in params)})"
        if author_id is not None:
            where += " AND author_id = :author_id"
            params["author_id"] = author_id
        order = "DESC" if newest_first else "ASC"
        limit_clause = ""
        if limit is not None:
            limit_clause = " LIMIT :limit"
            params["limit"] = limit
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM submissions WHERE {where} "
            f"ORDER BY updated_at {order}, id {order}{limit_clause}", params)
        return [self._submission(row) for row in rows]

    def scheduled(self) -> list[Submission]:
        """Every scheduled tweet, earliest time first (a school has a handful at most)."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM submissions WHERE status = :status "
            "ORDER BY scheduled_for, id", {"status": SubmissionStatus.SCHEDULED.value})
        return [self._submission(row) for row in rows]

    def outbox_item_like(self, text: str, created_by: str, since: datetime) -> int | None:
        """The outbox entry a release interrupted by a crash had already created, if any."""
        row = self._db.query_one(
            "SELECT id FROM outbox WHERE text = :text AND created_by = :by "
            "AND created_at >= :since ORDER BY id LIMIT 1",
            {"text": text, "by": created_by, "since": time_text(since)})
        return int(row["id"]) if row else None

    # -- changing ----------------------------------------------------------------------
    def insert(self, item: Submission, audit: Sequence[NewAuditEntry]) -> Submission:
        """Store a new submission (its id and version are chosen here)."""
        params = _row_params(item)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO submissions (author_id, author_name, status, text, original_text, "
                "scheduled_for, submitted_at, approved_by, approved_at, rejected_by, "
                "rejection_note, released_by, released_at, outbox_id, version, created_at, "
                "updated_at) VALUES (:author_id, :author_name, :status, :text, :original_text, "
                ":scheduled_for, :submitted_at, :approved_by, :approved_at, :rejected_by, "
                ":rejection_note, :released_by, :released_at, :outbox_id, 1, :created_at, "
                ":updated_at) RETURNING id", params)
            submission_id = int(cursor.fetchone()["id"])
            self._write_photos(conn, submission_id, item.photos)
            append_entries(conn, [_with_target(e, submission_id) for e in audit])
        saved = self.get(submission_id)
        assert saved is not None
        return saved

    def replace(self, item: Submission, expected: Sequence[SubmissionStatus],
                audit: Sequence[NewAuditEntry], *, photos_changed: bool = False) -> Submission:
        """Save ``item`` over the stored row if it is still at ``item.version`` in ``expected``.

        Raises ``SubmissionChanged`` (and saves nothing) otherwise.
        """
        params = _row_params(item)
        params["version"] = item.version
        expected_params = {f"e{i}": s.value for i, s in enumerate(expected)}
        params.update(expected_params)
        in_expected = ", ".join(":" + name for name in expected_params)
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE submissions SET status = :status, text = :text, "
                "original_text = :original_text, scheduled_for = :scheduled_for, "
                "submitted_at = :submitted_at, approved_by = :approved_by, "
                "approved_at = :approved_at, rejected_by = :rejected_by, "
                "rejection_note = :rejection_note, released_by = :released_by, "
                "released_at = :released_at, outbox_id = :outbox_id, version = version + 1, "
                f"updated_at = :updated_at WHERE id = :id AND version = :version "
                f"AND status IN ({in_expected})", params).rowcount
            if changed != 1:
                raise SubmissionChanged()
            if photos_changed:
                conn.execute("DELETE FROM submission_photos WHERE submission_id = :id",
                             {"id": item.submission_id})
                self._write_photos(conn, item.submission_id, item.photos)
            append_entries(conn, audit)
        saved = self.get(item.submission_id)
        assert saved is not None
        return saved

    @staticmethod
    def _write_photos(conn: Connection, submission_id: int,
                      photos: Sequence[PhotoUpload]) -> None:
        for position, photo in enumerate(photos):
            conn.execute(
                "INSERT INTO submission_photos (submission_id, position, data, mime_type, "
                "alt_text) VALUES (:id, :pos, :data, :mime, :alt)",
                {"id": submission_id, "pos": position, "data": photo.data,
                 "mime": photo.mime_type, "alt": photo.alt_text})

    def _submission(self, row: Row) -> Submission:
        photos = tuple(PhotoUpload(bytes(p["data"]), p["mime_type"], p["alt_text"])
                       for p in self._db.query(
                           "SELECT data, mime_type, alt_text FROM submission_photos "
                           "WHERE submission_id = :id ORDER BY position", {"id": row["id"]}))
        created = _time(row["created_at"])
        updated = _time(row["updated_at"])
        assert created is not None and updated is not None
        return Submission(
            submission_id=int(row["id"]), author_id=int(row["author_id"]),
            author=str(row["author_name"]), status=SubmissionStatus(row["status"]),
            text=str(row["text"]), original_text=str(row["original_text"]),
            scheduled_for=_time(row["scheduled_for"]), submitted_at=_time(row["submitted_at"]),
            approved_by=str(row["approved_by"]), approved_at=_time(row["approved_at"]),
            rejected_by=str(row["rejected_by"]), rejection_note=str(row["rejection_note"]),
            released_by=str(row["released_by"]), released_at=_time(row["released_at"]),
            outbox_id=None if row["outbox_id"] is None else int(row["outbox_id"]),
            version=int(row["version"]), created_at=created, updated_at=updated, photos=photos)


def _with_target(entry: NewAuditEntry, submission_id: int) -> NewAuditEntry:
    """A new submission's audit entries name it once its id is known."""
    if entry.target:
        return entry
    return NewAuditEntry(actor=entry.actor, action=entry.action,
                         target=submission_target(submission_id), detail=entry.detail,
                         device=entry.device, reason=entry.reason, at=entry.at)


def submission_target(submission_id: int) -> str:
    """How the audit log names a submission: 'tweet for approval 12'."""
    return f"submitted tweet {submission_id}"
