"""Persistence for the outbox: tweets waiting to reach X.

Claiming an item is one conditional UPDATE, so two workers (or two runs of
the app) can never both send the same tweet.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field

from stpeters_desk.core.storage.db import Database, utc_now_text
from stpeters_desk.x.models import PhotoUpload

QUEUED = "queued"          # waiting for its first try
SENDING = "sending"        # a worker holds it right now
WAITING = "waiting"        # a try failed for a passing reason; retries at next_attempt_at
POSTED = "posted"          # on X (or X confirmed it already had it)
NEEDS_ATTENTION = "needs_attention"  # X refused; a person must edit, retry or discard
DISCARDED = "discarded"

OPEN_STATUSES = (QUEUED, SENDING, WAITING, NEEDS_ATTENTION)


@dataclass(frozen=True)
class OutboxItem:
    item_id: int
    client_ref: str
    account_kind: str
    text: str
    reply_to: str | None
    status: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    posted_id: str | None
    created_by: str
    created_at: str
    photos: list[PhotoUpload] = field(default_factory=list)


_COLUMNS = ("id, client_ref, account_kind, text, reply_to, status, attempts, next_attempt_at, "
            "last_error, posted_id, created_by, created_at")


class OutboxStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, text: str, photos: list[PhotoUpload], reply_to: str | None,
            account_kind: str, created_by: str) -> OutboxItem:
        now = utc_now_text()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO outbox (client_ref, account_kind, text, reply_to, status, attempts, "
                "created_by, created_at, updated_at) VALUES (:ref, :kind, :text, :reply_to, "
                ":status, 0, :by, :now, :now)",
                {"ref": os.urandom(16).hex(), "kind": account_kind, "text": text,
                 "reply_to": reply_to, "status": QUEUED, "by": created_by, "now": now})
            item_id = int(cursor.lastrowid or 0)
            for position, photo in enumerate(photos):
                conn.execute(
                    "INSERT INTO outbox_photos (outbox_id, position, data, mime_type, alt_text) "
                    "VALUES (:id, :pos, :data, :mime, :alt)",
                    {"id": item_id, "pos": position, "data": photo.data,
                     "mime": photo.mime_type, "alt": photo.alt_text})
        item = self.get(item_id)
        assert item is not None
        return item

    def get(self, item_id: int) -> OutboxItem | None:
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM outbox WHERE id = :id", {"id": item_id})
        return self._item(row) if row else None

    def open_items(self, account_kind: str) -> list[OutboxItem]:
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM outbox WHERE account_kind = :kind AND status IN "
            "(:q, :s, :w, :n) ORDER BY id",
            {"kind": account_kind, "q": QUEUED, "s": SENDING, "w": WAITING,
             "n": NEEDS_ATTENTION})
        return [self._item(row) for row in rows]

    def due_ids(self, account_kind: str, now: str) -> list[int]:
        rows = self._db.query(
            "SELECT id FROM outbox WHERE account_kind = :kind AND (status = :q OR "
            "(status = :w AND (next_attempt_at IS NULL OR next_attempt_at <= :now))) ORDER BY id",
            {"kind": account_kind, "q": QUEUED, "w": WAITING, "now": now})
        return [int(row["id"]) for row in rows]

    def claim(self, item_id: int) -> bool:
        """Mark the item as being sent; False if someone else holds it or it is done."""
        changed = self._db.execute(
            "UPDATE outbox SET status = :s, attempts = attempts + 1, updated_at = :now "
            "WHERE id = :id AND status IN (:q, :w, :n)",
            {"s": SENDING, "now": utc_now_text(), "id": item_id, "q": QUEUED, "w": WAITING,
             "n": NEEDS_ATTENTION})
        return changed == 1

    def finish(self, item_id: int, status: str, *, posted_id: str | None = None,
               last_error: str | None = None, next_attempt_at: str | None = None) -> None:
        self._db.execute(
            "UPDATE outbox SET status = :status, posted_id = :posted_id, last_error = :err, "
            "next_attempt_at = :next, updated_at = :now WHERE id = :id",
            {"status": status, "posted_id": posted_id, "err": last_error,
             "next": next_attempt_at, "now": utc_now_text(), "id": item_id})

    def release_interrupted(self) -> int:
        """Items left 'sending' by a crash go back to waiting; their retry checks X first."""
        return self._db.execute(
            "UPDATE outbox SET status = :w, next_attempt_at = NULL, updated_at = :now "
            "WHERE status = :s", {"w": WAITING, "s": SENDING, "now": utc_now_text()})

    def _item(self, row: sqlite3.Row) -> OutboxItem:
        photos = [PhotoUpload(bytes(p["data"]), p["mime_type"], p["alt_text"])
                  for p in self._db.query(
                      "SELECT data, mime_type, alt_text FROM outbox_photos "
                      "WHERE outbox_id = :id ORDER BY position", {"id": row["id"]})]
        return OutboxItem(
            item_id=int(row["id"]), client_ref=row["client_ref"],
            account_kind=row["account_kind"], text=row["text"], reply_to=row["reply_to"],
            status=row["status"], attempts=int(row["attempts"]),
            next_attempt_at=row["next_attempt_at"], last_error=row["last_error"],
            posted_id=row["posted_id"], created_by=row["created_by"],
            created_at=row["created_at"], photos=photos)
