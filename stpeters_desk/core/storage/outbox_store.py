"""Persistence for the outbox: tweets waiting to reach X.

Taking an item to send it is one conditional UPDATE that also writes a lease
(who holds it, until when), so two workers, two windows or two computers can
never both send the same tweet. The lease is renewed while X is being asked;
once it has run out (its holder died), another sender may take the item over,
and must then check X before sending (``core.outbox`` does).

Times are passed in by the outbox (its clock), as UTC ISO text in one fixed
format, so they compare correctly as text here and on PostgreSQL.

Several computers on one PostgreSQL server: the claim holds twice over. Its write
transaction takes ``PgDatabase``'s advisory write lock, so claims run one at a time;
and even without it, PostgreSQL makes an UPDATE that waited for another writer's row
re-check its WHERE on the row as that writer left it (READ COMMITTED), so a second
claim of a taken item matches nothing. ``SELECT … FOR UPDATE SKIP LOCKED`` would add
nothing: no row lock is held while X is asked (the lease stands for it), and the write
transactions are serialised anyway. tests/unit/test_outbox_across_computers.py runs
two app processes on one queue of 200 (about 2 s on a laptop, 0 double posts).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries
from stpeters_desk.core.storage.connection import Row
from stpeters_desk.core.storage.db import Database

if TYPE_CHECKING:
    from stpeters_desk.x.models import PhotoUpload

QUEUED = "queued"          # waiting for its first try
SENDING = "sending"        # a worker holds it (see the lease) right now
WAITING = "waiting"        # a try failed for a passing reason; retries at next_attempt_at
POSTED = "posted"          # on X (or X confirmed it already had it)
NEEDS_ATTENTION = "needs_attention"  # X refused; a person must edit, retry or discard
DISCARDED = "discarded"

OPEN_STATUSES = (QUEUED, SENDING, WAITING, NEEDS_ATTENTION)


class OutboxItem(NamedTuple):
    """One queued post as the outbox holds it. (A named tuple, not a dataclass: it loads
    on the way to the first window, where a dataclass's generated methods cost about a
    millisecond and a half.)"""

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
    photos: Sequence[PhotoUpload] = ()
    lease_owner: str | None = None
    lease_expires_at: str | None = None
    first_attempt_at: str | None = None
    last_attempt_at: str | None = None


_COLUMNS = ("id, client_ref, account_kind, text, reply_to, status, attempts, next_attempt_at, "
            "last_error, posted_id, created_by, created_at, lease_owner, lease_expires_at, "
            "first_attempt_at, last_attempt_at")

# An item may be taken when it is not being sent, or when its sender's lease ran out.
_TAKEABLE = ("(status IN (:q, :w, :n) OR (status = :s AND "
             "(lease_expires_at IS NULL OR lease_expires_at < :now)))")


class OutboxStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def shared(self) -> bool:
        """Whether other computers may send from this outbox too (a PostgreSQL server)."""
        return self._db.dialect != "sqlite"

    def add(self, text: str, photos: list[PhotoUpload], reply_to: str | None,
            account_kind: str, created_by: str, now: str) -> OutboxItem:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO outbox (client_ref, account_kind, text, reply_to, status, attempts, "
                "created_by, created_at, updated_at) VALUES (:ref, :kind, :text, :reply_to, "
                ":status, 0, :by, :now, :now) RETURNING id",
                {"ref": os.urandom(16).hex(), "kind": account_kind, "text": text,
                 "reply_to": reply_to, "status": QUEUED, "by": created_by, "now": now})
            item_id = int(cursor.fetchone()["id"])
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
        """Queued, waiting whose time has come, and sending whose sender is gone."""
        rows = self._db.query(
            "SELECT id FROM outbox WHERE account_kind = :kind AND (status = :q OR "
            "(status = :w AND (next_attempt_at IS NULL OR next_attempt_at <= :now)) OR "
            "(status = :s AND (lease_expires_at IS NULL OR lease_expires_at < :now))) "
            "ORDER BY id",
            {"kind": account_kind, "q": QUEUED, "w": WAITING, "s": SENDING, "now": now})
        return [int(row["id"]) for row in rows]

    def claim(self, seen: OutboxItem, owner: str, now: str, lease_until: str) -> bool:
        """Take the item to send it, if it is still as ``seen``; False if someone else
        holds it, took it meanwhile, or it is done. The commit is synced to the disk
        before this returns, so the "sending" mark survives a power cut."""
        changed = self._db.execute(
            "UPDATE outbox SET status = :s, attempts = attempts + 1, lease_owner = :owner, "
            "lease_expires_at = :until, first_attempt_at = COALESCE(first_attempt_at, :now), "
            f"last_attempt_at = :now, updated_at = :now WHERE id = :id AND {_TAKEABLE} "
            "AND status = :seen_status AND attempts = :seen_attempts",
            {"s": SENDING, "owner": owner, "until": lease_until, "now": now, "id": seen.item_id,
             "q": QUEUED, "w": WAITING, "n": NEEDS_ATTENTION, "seen_status": seen.status,
             "seen_attempts": seen.attempts})
        return changed == 1

    def renew(self, item_id: int, owner: str, lease_until: str) -> bool:
        """Keep holding an item while X is slow to answer; False if the lease was lost."""
        return self._db.execute(
            "UPDATE outbox SET lease_expires_at = :until WHERE id = :id AND status = :s "
            "AND lease_owner = :owner",
            {"until": lease_until, "id": item_id, "s": SENDING, "owner": owner}) == 1

    def finish(self, item_id: int, owner: str, status: str, now: str, *,
               posted_id: str | None = None, last_error: str | None = None,
               next_attempt_at: str | None = None, attempt_reached_x: bool = True,
               earlier_attempt_at: str | None = None,
               audit: Sequence[NewAuditEntry] = ()) -> bool:
        """Record how a send ended and give up the lease; only the lease holder may.

        ``attempt_reached_x=False`` says this attempt certainly posted nothing, so the
        last attempt that might have is ``earlier_attempt_at`` again. ``audit`` entries
        are written in the same transaction, and only if the change was made: a tweet
        marked posted always has its audit entry, whoever's window is open.
        """
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE outbox SET status = :status, posted_id = :posted_id, last_error = :err, "
                "next_attempt_at = :next, lease_owner = NULL, lease_expires_at = NULL, "
                "last_attempt_at = CASE WHEN :reached = 1 THEN last_attempt_at ELSE :earlier "
                "END, updated_at = :now WHERE id = :id AND status = :s AND lease_owner = :owner",
                {"status": status, "posted_id": posted_id, "err": last_error,
                 "next": next_attempt_at, "now": now, "id": item_id, "s": SENDING,
                 "owner": owner, "reached": int(attempt_reached_x),
                 "earlier": earlier_attempt_at}).rowcount == 1
            if changed:
                append_entries(conn, audit)
        return changed

    def discard(self, item_id: int, now: str) -> bool:
        """Take an item out of the outbox; False while it is being sent."""
        return self._db.execute(
            "UPDATE outbox SET status = :d, updated_at = :now WHERE id = :id "
            "AND status IN (:q, :w, :n)",
            {"d": DISCARDED, "now": now, "id": item_id, "q": QUEUED, "w": WAITING,
             "n": NEEDS_ATTENTION}) == 1

    def sending_leases(self) -> list[tuple[int, str]]:
        """(item id, lease owner) of every item marked as being sent."""
        rows = self._db.query(
            "SELECT id, lease_owner FROM outbox WHERE status = :s AND lease_owner IS NOT NULL",
            {"s": SENDING})
        return [(int(row["id"]), str(row["lease_owner"])) for row in rows]

    def thread_done(self) -> None:
        """The lease keeper's thread ends: its database connection goes with it."""
        self._db.close_thread_connection()

    def end_lease(self, item_id: int, owner: str, now: str) -> bool:
        """Declare a lease run out (its holder is known to be gone)."""
        return self._db.execute(
            "UPDATE outbox SET lease_expires_at = :now WHERE id = :id AND status = :s "
            "AND lease_owner = :owner",
            {"now": now, "id": item_id, "s": SENDING, "owner": owner}) == 1

    def post_ids_taken(self, post_ids: list[str], except_item: int) -> set[str]:
        """Which of these X post ids another item already stands for."""
        taken: set[str] = set()
        for post_id in post_ids:
            row = self._db.query_one(
                "SELECT 1 AS taken FROM outbox WHERE posted_id = :post AND id <> :id",
                {"post": post_id, "id": except_item})
            if row is not None:
                taken.add(post_id)
        return taken

    def _item(self, row: Row) -> OutboxItem:
        from stpeters_desk.x.models import PhotoUpload

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
            created_at=row["created_at"], photos=photos, lease_owner=row["lease_owner"],
            lease_expires_at=row["lease_expires_at"],
            first_attempt_at=row["first_attempt_at"], last_attempt_at=row["last_attempt_at"])
