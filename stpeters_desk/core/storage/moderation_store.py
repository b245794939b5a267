"""Persistence for moderation: the replies inbox, follower review, blocks and fetch marks.

Each mention keeps the suggestion it was given (level, score, reasons) and
what a person then decided (status, who, when), so the Moderation tab can
show what still needs someone and the governors' report can show what was
done. Followers keep when they were first seen (so new ones come first),
their risk score and the school's own marks (reviewed ok, watchlist,
trusted). Blocks are hand-offs to x.com: they stay "block pending" until the
account's blocked list confirms them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Any

from stpeters_desk.core.moderation_reasons import (
    ChildNamesNote,
    Reason,
    notes_json,
    reasons_json,
    stored_notes,
    stored_reasons,
    urgency,
)
from stpeters_desk.core.reply_images import CheckedPicture
from stpeters_desk.core.storage.connection import Connection, Row
from stpeters_desk.core.storage.db import Database, utc_now_text
from stpeters_desk.x.models import Mention, UserProfile

# Mention statuses, as the Moderation tab shows them.
NEW = "new"
REVIEWED = "reviewed"
HIDDEN = "hidden"
MUTED = "muted"
BLOCK_PENDING = "block pending"
BLOCKED = "blocked"
REPORTED = "reported"
MENTION_STATUSES = (NEW, REVIEWED, HIDDEN, MUTED, BLOCK_PENDING, BLOCKED, REPORTED)

# Block statuses.
PENDING = "pending"
CONFIRMED = "confirmed"

ScoredFollower = tuple[UserProfile, int, Sequence[str]]  # profile, risk score, reasons

SINCE_ID_MARK = "mentions_since_id"
FOLLOWER_SYNC_MARK = "follower_sync"
FOLLOWERS_REVIEWED_MARK = "followers_reviewed_at"

_MENTION_COLUMNS = (
    "post_id, author_id, author_handle, author_name, text, created_at, conversation_id, "
    "in_reply_to_post_id, level, score, reasons, notes, status, decided_by, decided_at, "
    "decision_note, fetched_at, maybe")
_FOLLOWER_COLUMNS = (
    "user_id, handle, name, bio, location, created_at, followers_count, following_count, "
    "tweet_count, profile_image_url, verified, protected, first_seen_at, last_seen_at, "
    "still_following, risk_score, risk_reasons, reviewed_by, reviewed_at, watchlist, trusted")

# Needs-you-first: hide suggestions, then reviews, then blocks waiting for
# confirmation, then new replies that look fine, then everything decided.
_INBOX_ORDER = (
    "CASE WHEN status = 'new' AND level = 'hide' THEN 0 "
    "WHEN status = 'new' AND level = 'review' THEN 1 "
    "WHEN status = 'block pending' THEN 2 "
    "WHEN status = 'new' THEN 3 ELSE 4 END, "
    "CASE WHEN status = 'new' THEN score ELSE 0 END DESC, created_at DESC, post_id DESC")


@dataclass(frozen=True)
class AssessedMention:
    """A fetched mention with the suggestion the moderation check gave it."""

    mention: Mention
    level: str
    score: float
    reasons: tuple[Reason, ...]
    notes: tuple[ChildNamesNote, ...] = ()
    maybe: bool = False  # fine by the lists, scored just below the line by the model
    pictures: tuple[CheckedPicture, ...] = ()  # its pictures and what the check said


MAYBE_BAND_DAYS = 7  # how long a "maybe" reply stays in "Needs you"


@dataclass(frozen=True)
class StoredMention:
    post_id: str
    author_id: str
    author_handle: str
    author_name: str
    text: str
    created_at: datetime
    conversation_id: str
    in_reply_to_post_id: str | None
    level: str
    score: float
    reasons: tuple[Reason, ...]
    notes: tuple[ChildNamesNote, ...]
    status: str
    decided_by: str
    decided_at: str | None
    decision_note: str
    fetched_at: str
    maybe: bool = False
    pictures: tuple[CheckedPicture, ...] = ()

    def in_maybe_band(self, now: datetime | None = None) -> bool:
        """Undecided, fine by the lists, nearly flagged by the model, and less than a week
        old: listed in "Needs you", marked as a maybe, though it asks nobody to decide."""
        if not self.maybe or self.status != NEW or self.level != "ok":
            return False
        moment = now or datetime.now(UTC)
        return moment - self.created_at < timedelta(days=MAYBE_BAND_DAYS)

    @property
    def needs_someone(self) -> bool:
        """Still waiting for a person: a new hide or review suggestion, or an unconfirmed block."""
        return (self.status == NEW and self.level != "ok") or self.status == BLOCK_PENDING

    @property
    def urgency(self) -> tuple[int, int]:
        """Most urgent first: waiting replies that touch safeguarding, then hide
        suggestions, then reviews (the one order the inbox and the tab use)."""
        return urgency(self.needs_someone, self.level, self.reasons)

    @property
    def safeguarding(self) -> bool:
        """Waiting for a person and about someone's safety: the safeguarding lead first."""
        return self.urgency[0] == 0

    @property
    def link(self) -> str:
        return f"https://x.com/{self.author_handle}/status/{self.post_id}"

    @property
    def author(self) -> UserProfile:
        return UserProfile(user_id=self.author_id, handle=self.author_handle,
                           name=self.author_name)


@dataclass(frozen=True)
class StoredFollower:
    profile: UserProfile
    first_seen_at: str
    last_seen_at: str
    still_following: bool
    risk_score: int
    risk_reasons: tuple[str, ...]
    reviewed_by: str
    reviewed_at: str | None
    watchlist: bool
    trusted: bool
    block_status: str  # "", PENDING or CONFIRMED


@dataclass(frozen=True)
class BlockRecord:
    user_id: str
    handle: str
    status: str
    requested_by: str
    requested_at: str
    reason: str
    confirmed_at: str | None


@dataclass(frozen=True)
class PendingUnblock:
    """An unblock the head teacher's PIN approved, waiting for X's blocked list to confirm it."""

    user_id: str
    handle: str
    name: str
    requested_by: str
    approved_by: str
    requested_at: str
    reason: str

    @property
    def profile(self) -> UserProfile:
        return UserProfile(user_id=self.user_id, handle=self.handle, name=self.name)


# The columns of a follower line, in order; then the block status ("" when none) and
# whether the follower is new since the last finished review (1 or 0).
FOLLOWER_LINE = ("user_id, handle, name, bio, location, created_at, followers_count, "
                 "following_count, risk_score, risk_reasons, reviewed_by, watchlist, trusted")
FollowerLine = tuple[Any, ...]
# The places in a FollowerLine that ``follower_lines`` sorts on: FOLLOWER_LINE's columns,
# then the block status, whether the follower is new and whether someone reviewed it.
_LINE_COLUMNS = [*(column.strip() for column in FOLLOWER_LINE.split(",")),
                 "block", "new", "reviewed"]
_LINE_HANDLE, _LINE_RISK, _LINE_NEW, _LINE_REVIEWED = map(
    _LINE_COLUMNS.index, ("handle", "risk_score", "new", "reviewed"))


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.split("\n") if line)


def id_after(post_id: str, other: str | None) -> bool:
    """X ids grow with time; compare them as numbers without trusting int() on odd input."""
    return other is None or (len(post_id), post_id) > (len(other), other)


class ModerationStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several changes (and their audit entry) kept or undone together."""
        with self._db.transaction():
            yield

    # -- marks --------------------------------------------------------------------------------

    def mark(self, kind: str, name: str) -> str | None:
        row = self._db.query_one(
            "SELECT value FROM moderation_marks WHERE account_kind = :kind AND name = :name",
            {"kind": kind, "name": name})
        return str(row["value"]) if row else None

    def set_mark(self, kind: str, name: str, value: str) -> None:
        with self._db.transaction() as conn:
            self._set_mark(conn, kind, name, value)

    @staticmethod
    def _set_mark(conn: Connection, kind: str, name: str, value: str) -> None:
        conn.execute("DELETE FROM moderation_marks WHERE account_kind = :kind AND name = :name",
                     {"kind": kind, "name": name})
        conn.execute("INSERT INTO moderation_marks (account_kind, name, value) "
                     "VALUES (:kind, :name, :value)", {"kind": kind, "name": name, "value": value})

    def since_id(self, kind: str) -> str | None:
        return self.mark(kind, SINCE_ID_MARK)

    # -- mentions -----------------------------------------------------------------------------

    def save_mentions(self, kind: str, assessed: Sequence[AssessedMention]) -> int:
        """Store new mentions and raise the since_id mark, all in one transaction.

        A mention seen before keeps its status and decision, so fetching again
        never undoes what a person decided. Returns how many were new.
        """
        now = utc_now_text()
        added = 0
        newest = self.since_id(kind)
        with self._db.transaction() as conn:
            for item in assessed:
                added += self._insert_mention(conn, kind, item, now)
                if id_after(item.mention.post_id, newest):
                    newest = item.mention.post_id
            if newest is not None:
                self._set_mark(conn, kind, SINCE_ID_MARK, newest)
        return added

    @staticmethod
    def _insert_mention(conn: Connection, kind: str, item: AssessedMention,
                        now: str) -> int:
        mention = item.mention
        exists = conn.execute(
            "SELECT 1 FROM moderation_mentions WHERE account_kind = :kind AND post_id = :id",
            {"kind": kind, "id": mention.post_id}).fetchone()
        if exists:
            return 0
        conn.execute(
            f"INSERT INTO moderation_mentions (account_kind, {_MENTION_COLUMNS}) VALUES (:kind, "
            ":post_id, :author_id, :handle, :name, :text, :created_at, :conversation_id, "
            ":reply_to, :level, :score, :reasons, :notes, :status, '', NULL, '', :now, :maybe)",
            {"kind": kind, "post_id": mention.post_id, "author_id": mention.author.user_id,
             "handle": mention.author.handle, "name": mention.author.name,
             "text": mention.text, "created_at": mention.created_at.isoformat(),
             "conversation_id": mention.conversation_id,
             "reply_to": mention.in_reply_to_post_id, "level": item.level,
             "score": round(item.score * 1000), "reasons": reasons_json(item.reasons),
             "notes": notes_json(item.notes), "status": HIDDEN if mention.hidden else NEW,
             "now": now, "maybe": int(item.maybe)})
        for picture in item.pictures:
            conn.execute(
                "INSERT INTO moderation_media (account_kind, post_id, media_key, position, "
                "kind, url, local_path, result, score, checked_at) VALUES (:kind, :post_id, "
                ":key, :position, :media_kind, :url, :path, :result, :score, :now)",
                {"kind": kind, "post_id": mention.post_id, "key": picture.media_key,
                 "position": picture.position, "media_kind": picture.kind, "url": picture.url,
                 "path": picture.local_path, "result": picture.result,
                 "score": round(picture.score * 1000), "now": now})
        return 1

    def is_stored(self, kind: str, post_id: str) -> bool:
        return self._db.query_one(
            "SELECT 1 FROM moderation_mentions WHERE account_kind = :kind AND post_id = :id",
            {"kind": kind, "id": post_id}) is not None

    def pictures(self, kind: str, post_ids: Sequence[str]) -> dict[str, tuple[CheckedPicture, ...]]:
        """The stored pictures of these replies, in their order."""
        rows = []
        for start in range(0, len(post_ids), 500):  # within every database's bound
            names = {f"p{i}": post_id for i, post_id in enumerate(post_ids[start:start + 500])}
            rows += self._db.query(
                "SELECT post_id, media_key, position, kind, url, local_path, result, score "
                "FROM moderation_media WHERE account_kind = :kind AND post_id IN "
                f"({', '.join(':' + name for name in names)}) ORDER BY post_id, position",
                {"kind": kind, **names})
        found: dict[str, list[CheckedPicture]] = {}
        for row in rows:
            found.setdefault(row["post_id"], []).append(CheckedPicture(
                media_key=row["media_key"], position=int(row["position"]), kind=row["kind"],
                url=row["url"], local_path=row["local_path"], result=row["result"],
                score=int(row["score"]) / 1000))
        return {post_id: tuple(pictures) for post_id, pictures in found.items()}

    def forget_mention(self, kind: str, post_id: str) -> list[str]:
        """Remove a reply and its pictures' rows; returns the pictures' kept files (relative
        to the data folder) so the caller deletes them."""
        with self._db.transaction() as conn:
            paths = [str(row["local_path"]) for row in conn.execute(
                "SELECT local_path FROM moderation_media WHERE account_kind = :kind "
                "AND post_id = :id", {"kind": kind, "id": post_id}).fetchall()
                if row["local_path"]]
            conn.execute("DELETE FROM moderation_media WHERE account_kind = :kind "
                         "AND post_id = :id", {"kind": kind, "id": post_id})
            conn.execute("DELETE FROM moderation_mentions WHERE account_kind = :kind "
                         "AND post_id = :id", {"kind": kind, "id": post_id})
        return paths

    def mention(self, kind: str, post_id: str) -> StoredMention | None:
        row = self._db.query_one(
            f"SELECT {_MENTION_COLUMNS} FROM moderation_mentions "
            "WHERE account_kind = :kind AND post_id = :id", {"kind": kind, "id": post_id})
        return self._with_pictures(kind, [_mention(row)])[0] if row else None

    def _with_pictures(self, kind: str, mentions: list[StoredMention]) -> list[StoredMention]:
        pictures = self.pictures(kind, [mention.post_id for mention in mentions])
        return [replace(mention, pictures=pictures[mention.post_id])
                if mention.post_id in pictures else mention for mention in mentions]

    def inbox(self, kind: str, limit: int = 200, offset: int = 0,
              statuses: Sequence[str] | None = None) -> list[StoredMention]:
        """Mentions, needs-you-first; ``statuses`` narrows to those statuses."""
        params: dict[str, object] = {"kind": kind, "limit": limit, "offset": offset}
        where = "account_kind = :kind"
        if statuses is not None:
            names = [f":s{i}" for i in range(len(statuses))]
            where += f" AND status IN ({', '.join(names) or 'NULL'})"
            params.update({f"s{i}": status for i, status in enumerate(statuses)})
        rows = self._db.query(
            f"SELECT {_MENTION_COLUMNS} FROM moderation_mentions WHERE {where} "
            f"ORDER BY {_INBOX_ORDER} LIMIT :limit OFFSET :offset", params)
        return self._with_pictures(kind, [_mention(row) for row in rows])

    def inbox_counts(self, kind: str) -> dict[str, int]:
        """Mentions per status, plus "needs someone" for the tab's badge."""
        counts = dict.fromkeys(MENTION_STATUSES, 0)
        for row in self._db.query(
                "SELECT status, COUNT(*) AS n FROM moderation_mentions "
                "WHERE account_kind = :kind GROUP BY status", {"kind": kind}):
            counts[str(row["status"])] = int(row["n"])
        needs = self._db.query_one(
            "SELECT COUNT(*) AS n FROM moderation_mentions WHERE account_kind = :kind AND "
            "((status = :new AND level <> 'ok') OR status = :pending)",
            {"kind": kind, "new": NEW, "pending": BLOCK_PENDING})
        counts["needs someone"] = int(needs["n"]) if needs else 0
        return counts

    def fine_counts(self, kind: str, now: datetime | None = None) -> tuple[int, int]:
        """Undecided replies the lists found fine: those the model nearly flagged this week
        (listed as maybes), and the rest (not listed in "Needs you")."""
        since = ((now or datetime.now(UTC)) - timedelta(days=MAYBE_BAND_DAYS)).isoformat()
        row = self._db.query_one(
            "SELECT SUM(CASE WHEN maybe = 1 AND created_at >= :since THEN 1 ELSE 0 END) AS m, "
            "COUNT(*) AS n FROM moderation_mentions WHERE account_kind = :kind "
            "AND status = :new AND level = 'ok'", {"kind": kind, "new": NEW, "since": since})
        maybe = int(row["m"] or 0) if row else 0
        return maybe, (int(row["n"]) if row else 0) - maybe

    def set_status(self, kind: str, post_id: str, status: str, by: str, note: str = "") -> bool:
        if status not in MENTION_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        return self._db.execute(
            "UPDATE moderation_mentions SET status = :status, decided_by = :by, "
            "decided_at = :at, decision_note = :note WHERE account_kind = :kind "
            "AND post_id = :id",
            {"status": status, "by": by, "at": utc_now_text(), "note": note, "kind": kind,
             "id": post_id}) == 1

    def update_assessment(self, kind: str, post_id: str, level: str, score: float,
                          reasons: Sequence[Reason], notes: Sequence[ChildNamesNote] = (),
                          maybe: bool = False) -> None:
        self._db.execute(
            "UPDATE moderation_mentions SET level = :level, score = :score, reasons = :reasons, "
            "notes = :notes, maybe = :maybe WHERE account_kind = :kind AND post_id = :id",
            {"level": level, "score": round(score * 1000), "reasons": reasons_json(reasons),
             "notes": notes_json(notes), "maybe": int(maybe), "kind": kind, "id": post_id})

    def new_mentions(self, kind: str) -> list[StoredMention]:
        rows = self._db.query(
            f"SELECT {_MENTION_COLUMNS} FROM moderation_mentions WHERE account_kind = :kind "
            "AND status = :new", {"kind": kind, "new": NEW})
        return self._with_pictures(kind, [_mention(row) for row in rows])

    def flagged_reply_counts(self, kind: str) -> dict[str, int]:
        """Per author, replies suggested for hiding or actually hidden: a follower signal."""
        rows = self._db.query(
            "SELECT author_id, COUNT(*) AS n FROM moderation_mentions WHERE account_kind = :kind "
            "AND (level = 'hide' OR status IN (:hidden, :pending, :blocked)) GROUP BY author_id",
            {"kind": kind, "hidden": HIDDEN, "pending": BLOCK_PENDING, "blocked": BLOCKED})
        return {str(row["author_id"]): int(row["n"]) for row in rows}

    # -- followers ----------------------------------------------------------------------------

    def upsert_followers(self, kind: str, followers: Sequence[ScoredFollower],
                         sync_number: int) -> int:
        """Save one page of followers with their risk; returns how many are new."""
        now = utc_now_text()
        added = 0
        with self._db.transaction() as conn:
            for profile, risk, reasons in followers:
                added += self._upsert_follower(conn, kind, profile, risk, reasons, sync_number,
                                               now)
        return added

    @staticmethod
    def _upsert_follower(conn: Connection, kind: str, profile: UserProfile, risk: int,
                         reasons: Sequence[str], sync_number: int, now: str) -> int:
        values = {
            "kind": kind, "user_id": profile.user_id, "handle": profile.handle,
            "name": profile.name, "bio": profile.bio, "location": profile.location,
            "created_at": profile.created_at.isoformat() if profile.created_at else None,
            "followers": profile.followers_count, "following": profile.following_count,
            "tweets": profile.tweet_count, "image": profile.profile_image_url,
            "verified": int(profile.verified), "protected": int(profile.protected),
            "risk": risk, "reasons": "\n".join(reasons), "sync": sync_number, "now": now}
        changed = conn.execute(
            "UPDATE moderation_followers SET handle = :handle, name = :name, bio = :bio, "
            "location = :location, created_at = :created_at, followers_count = :followers, "
            "following_count = :following, tweet_count = :tweets, profile_image_url = :image, "
            "verified = :verified, protected = :protected, last_seen_at = :now, "
            "seen_in_sync = :sync, still_following = 1, risk_score = :risk, "
            "risk_reasons = :reasons WHERE account_kind = :kind AND user_id = :user_id",
            values).rowcount
        if changed:
            return 0
        conn.execute(
            "INSERT INTO moderation_followers (account_kind, user_id, handle, name, bio, "
            "location, created_at, followers_count, following_count, tweet_count, "
            "profile_image_url, verified, protected, first_seen_at, last_seen_at, seen_in_sync, "
            "still_following, risk_score, risk_reasons) VALUES (:kind, :user_id, :handle, :name, "
            ":bio, :location, :created_at, :followers, :following, :tweets, :image, :verified, "
            ":protected, :now, :now, :sync, 1, :risk, :reasons)", values)
        return 1

    def finish_follower_sync(self, kind: str, sync_number: int) -> int:
        """After a complete sync: those not seen have unfollowed (or were blocked)."""
        with self._db.transaction() as conn:
            gone = conn.execute(
                "UPDATE moderation_followers SET still_following = 0 WHERE account_kind = :kind "
                "AND still_following = 1 AND seen_in_sync < :sync",
                {"kind": kind, "sync": sync_number}).rowcount
            self._set_mark(conn, kind, FOLLOWER_SYNC_MARK, str(sync_number))
        return int(gone)

    def last_follower_sync(self, kind: str) -> int:
        return int(self.mark(kind, FOLLOWER_SYNC_MARK) or 0)

    def followers(self, kind: str, limit: int = 200, offset: int = 0,
                  include_gone: bool = False) -> list[StoredFollower]:
        """New since the last finished review first, then the riskiest, then by handle."""
        reviewed_at = self.mark(kind, FOLLOWERS_REVIEWED_MARK) or ""
        where = "f.account_kind = :kind" + ("" if include_gone else " AND f.still_following = 1")
        rows = self._db.query(
            f"SELECT {_prefixed('f', _FOLLOWER_COLUMNS)}, b.status AS block_status "
            "FROM moderation_followers f LEFT JOIN moderation_blocks b ON "
            "b.account_kind = f.account_kind AND b.user_id = f.user_id "
            f"WHERE {where} {self._review_order()} LIMIT :limit OFFSET :offset",
            {"kind": kind, "reviewed": reviewed_at, "limit": limit, "offset": offset})
        return [_follower(row) for row in rows]

    def follower_lines(self, kind: str, limit: int = -1) -> list[FollowerLine]:
        """What the Followers table shows of each current follower, in the order of
        ``followers``, as plain tuples (``FOLLOWER_LINE`` names the columns, then the block
        status, whether it is new since the last review and whether someone has reviewed
        it): 100,000 of them are read in well under a second. ``limit`` -1 reads them all.

        A first screen (a ``limit``) is sorted by the database, which keeps only the top
        rows. All of them are read unsorted and put in order here: the database's sort
        copies every wide row into its sorter and took longer than the reading itself,
        while four stable passes over the keys take a fraction of that.
        """
        reviewed_at = self.mark(kind, FOLLOWERS_REVIEWED_MARK) or ""
        select = (f"SELECT {_prefixed('f', FOLLOWER_LINE)}, COALESCE(b.status, ''), "
                  "f.first_seen_at > :reviewed, f.reviewed_at IS NOT NULL "
                  "FROM moderation_followers f LEFT JOIN moderation_blocks b ON "
                  "b.account_kind = f.account_kind AND b.user_id = f.user_id "
                  "WHERE f.account_kind = :kind AND f.still_following = 1 ")
        values = {"kind": kind, "reviewed": reviewed_at, "limit": limit}
        if limit >= 0:
            return self._db.query_tuples(
                f"{select}{self._review_order()} LIMIT :limit", values)
        lines = self._db.query_tuples(select, values)
        lines.sort(key=itemgetter(_LINE_HANDLE))
        lines.sort(key=itemgetter(_LINE_RISK), reverse=True)  # stable, even reversed
        lines.sort(key=itemgetter(_LINE_REVIEWED))
        lines.sort(key=itemgetter(_LINE_NEW), reverse=True)
        return lines

    def _review_order(self) -> str:
        """The review's order (new since the last finished review first, then those nobody
        has reviewed, the riskiest, then by handle), as ``follower_lines`` also sorts it in
        Python. Handles go in character order, as Python and SQLite compare them: a
        PostgreSQL server's own language rules would put "_ann" or "Ann" elsewhere, and a
        first screen would not match the whole list."""
        handle = 'f.handle COLLATE "C"' if self._db.dialect == "postgresql" else "f.handle"
        return ("ORDER BY CASE WHEN f.first_seen_at > :reviewed THEN 0 ELSE 1 END, "
                f"CASE WHEN f.reviewed_at IS NULL THEN 0 ELSE 1 END, f.risk_score DESC, {handle}")

    def follower(self, kind: str, user_id: str) -> StoredFollower | None:
        row = self._db.query_one(
            f"SELECT {_prefixed('f', _FOLLOWER_COLUMNS)}, b.status AS block_status "
            "FROM moderation_followers f LEFT JOIN moderation_blocks b ON "
            "b.account_kind = f.account_kind AND b.user_id = f.user_id "
            "WHERE f.account_kind = :kind AND f.user_id = :id", {"kind": kind, "id": user_id})
        return _follower(row) if row else None

    def follower_count(self, kind: str, new_since_review_only: bool = False) -> int:
        reviewed_at = self.mark(kind, FOLLOWERS_REVIEWED_MARK) or ""
        extra = " AND first_seen_at > :reviewed" if new_since_review_only else ""
        row = self._db.query_one(
            "SELECT COUNT(*) AS n FROM moderation_followers WHERE account_kind = :kind "
            f"AND still_following = 1{extra}", {"kind": kind, "reviewed": reviewed_at})
        return int(row["n"]) if row else 0

    def mark_follower_reviewed(self, kind: str, user_id: str, by: str) -> bool:
        return self._db.execute(
            "UPDATE moderation_followers SET reviewed_by = :by, reviewed_at = :at "
            "WHERE account_kind = :kind AND user_id = :id",
            {"by": by, "at": utc_now_text(), "kind": kind, "id": user_id}) == 1

    def set_follower_flag(self, kind: str, user_id: str, flag: str, value: bool) -> bool:
        if flag not in ("watchlist", "trusted"):
            raise ValueError(flag)
        return self._db.execute(
            f"UPDATE moderation_followers SET {flag} = :value "
            "WHERE account_kind = :kind AND user_id = :id",
            {"value": int(value), "kind": kind, "id": user_id}) == 1

    def update_follower_risk(self, kind: str, user_id: str, risk: int,
                             reasons: Sequence[str]) -> None:
        self._db.execute(
            "UPDATE moderation_followers SET risk_score = :risk, risk_reasons = :reasons "
            "WHERE account_kind = :kind AND user_id = :id",
            {"risk": risk, "reasons": "\n".join(reasons), "kind": kind, "id": user_id})

    def update_follower_risks(self, kind: str,
                              changes: Sequence[tuple[str, int, Sequence[str]]]) -> None:
        """Several followers' new scores (user id, risk, reasons) in one transaction."""
        with self._db.transaction() as conn:
            for user_id, risk, reasons in changes:
                conn.execute(
                    "UPDATE moderation_followers SET risk_score = :risk, "
                    "risk_reasons = :reasons WHERE account_kind = :kind AND user_id = :id",
                    {"risk": risk, "reasons": "\n".join(reasons), "kind": kind, "id": user_id})

    def school_lists(self, kind: str) -> tuple[frozenset[str], frozenset[str]]:
        """User ids the school marked trusted, and those on its watchlist."""
        rows = self._db.query(
            "SELECT user_id, trusted, watchlist FROM moderation_followers "
            "WHERE account_kind = :kind AND (trusted = 1 OR watchlist = 1)", {"kind": kind})
        trusted = frozenset(str(r["user_id"]) for r in rows if r["trusted"])
        watchlist = frozenset(str(r["user_id"]) for r in rows if r["watchlist"])
        return trusted, watchlist

    def finish_follower_review(self, kind: str, at: str | None = None) -> None:
        self.set_mark(kind, FOLLOWERS_REVIEWED_MARK, at or utc_now_text())

    # -- blocks -------------------------------------------------------------------------------

    def request_block(self, kind: str, user_id: str, handle: str, by: str, reason: str) -> None:
        """Record the decision to block; an already confirmed block stays confirmed."""
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT status FROM moderation_blocks WHERE account_kind = :kind "
                "AND user_id = :id", {"kind": kind, "id": user_id}).fetchone()
            if row is not None and row["status"] == CONFIRMED:
                return
            conn.execute("DELETE FROM moderation_blocks WHERE account_kind = :kind "
                         "AND user_id = :id", {"kind": kind, "id": user_id})
            conn.execute(
                "INSERT INTO moderation_blocks (account_kind, user_id, handle, status, "
                "requested_by, requested_at, reason) VALUES (:kind, :id, :handle, :status, "
                ":by, :at, :reason)",
                {"kind": kind, "id": user_id, "handle": handle, "status": PENDING, "by": by,
                 "at": utc_now_text(), "reason": reason})

    def forget_block(self, kind: str, user_id: str) -> None:
        """X no longer lists the account as blocked: a later block starts afresh as pending."""
        self._db.execute("DELETE FROM moderation_blocks WHERE account_kind = :kind "
                         "AND user_id = :id", {"kind": kind, "id": user_id})

    # -- unblocks waiting for X ------------------------------------------------------------

    def request_unblock(self, kind: str, profile: UserProfile, by: str, approved_by: str,
                        reason: str) -> None:
        """Keep an approved unblock until the blocked list confirms it (survives a sign-out)."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM moderation_unblocks WHERE account_kind = :kind "
                         "AND user_id = :id", {"kind": kind, "id": profile.user_id})
            conn.execute(
                "INSERT INTO moderation_unblocks (account_kind, user_id, handle, name, "
                "requested_by, approved_by, requested_at, reason) VALUES (:kind, :id, "
                ":handle, :name, :by, :approved_by, :at, :reason)",
                {"kind": kind, "id": profile.user_id, "handle": profile.handle,
                 "name": profile.name, "by": by, "approved_by": approved_by,
                 "at": utc_now_text(), "reason": reason})

    def pending_unblocks(self, kind: str) -> list[PendingUnblock]:
        rows = self._db.query(
            "SELECT user_id, handle, name, requested_by, approved_by, requested_at, reason "
            "FROM moderation_unblocks WHERE account_kind = :kind ORDER BY requested_at, handle",
            {"kind": kind})
        return [PendingUnblock(row["user_id"], row["handle"], row["name"], row["requested_by"],
                               row["approved_by"], row["requested_at"], row["reason"])
                for row in rows]

    def confirm_unblock(self, kind: str, user_id: str) -> None:
        """The blocked list no longer shows the account: the unblock and the old block go."""
        with self._db.transaction() as conn:
            for table in ("moderation_unblocks", "moderation_blocks"):
                conn.execute(f"DELETE FROM {table} WHERE account_kind = :kind "
                             "AND user_id = :id", {"kind": kind, "id": user_id})

    def block(self, kind: str, user_id: str) -> BlockRecord | None:
        row = self._db.query_one(
            "SELECT user_id, handle, status, requested_by, requested_at, reason, confirmed_at "
            "FROM moderation_blocks WHERE account_kind = :kind AND user_id = :id",
            {"kind": kind, "id": user_id})
        return _block(row) if row else None

    def pending_blocks(self, kind: str) -> list[BlockRecord]:
        rows = self._db.query(
            "SELECT user_id, handle, status, requested_by, requested_at, reason, confirmed_at "
            "FROM moderation_blocks WHERE account_kind = :kind AND status = :pending "
            "ORDER BY requested_at", {"kind": kind, "pending": PENDING})
        return [_block(row) for row in rows]

    def confirm_block(self, kind: str, user_id: str, by: str) -> None:
        """The blocked list shows the account: the block and its replies are settled."""
        now = utc_now_text()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE moderation_blocks SET status = :confirmed, confirmed_at = :at "
                "WHERE account_kind = :kind AND user_id = :id",
                {"confirmed": CONFIRMED, "at": now, "kind": kind, "id": user_id})
            conn.execute(
                "UPDATE moderation_mentions SET status = :blocked, decided_at = :at, "
                "decided_by = CASE WHEN decided_by = '' THEN :by ELSE decided_by END "
                "WHERE account_kind = :kind AND author_id = :id AND status = :pending",
                {"blocked": BLOCKED, "at": now, "by": by, "kind": kind, "id": user_id,
                 "pending": BLOCK_PENDING})
            conn.execute(
                "UPDATE moderation_followers SET still_following = 0 "
                "WHERE account_kind = :kind AND user_id = :id", {"kind": kind, "id": user_id})


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{column.strip()}" for column in columns.split(","))


def _mention(row: Row) -> StoredMention:
    return StoredMention(
        post_id=row["post_id"], author_id=row["author_id"], author_handle=row["author_handle"],
        author_name=row["author_name"], text=row["text"],
        created_at=datetime.fromisoformat(row["created_at"]),
        conversation_id=row["conversation_id"], in_reply_to_post_id=row["in_reply_to_post_id"],
        level=row["level"], score=int(row["score"]) / 1000,
        reasons=stored_reasons(row["reasons"]), notes=stored_notes(row["notes"]),
        status=row["status"], decided_by=row["decided_by"],
        decided_at=row["decided_at"], decision_note=row["decision_note"],
        fetched_at=row["fetched_at"], maybe=bool(row["maybe"]))


def _follower(row: Row) -> StoredFollower:
    created = row["created_at"]
    profile = UserProfile(
        user_id=row["user_id"], handle=row["handle"], name=row["name"], bio=row["bio"],
        location=row["location"], created_at=datetime.fromisoformat(created) if created else None,
        followers_count=int(row["followers_count"]), following_count=int(row["following_count"]),
        tweet_count=int(row["tweet_count"]), profile_image_url=row["profile_image_url"],
        verified=bool(row["verified"]), protected=bool(row["protected"]))
    return StoredFollower(
        profile=profile, first_seen_at=row["first_seen_at"], last_seen_at=row["last_seen_at"],
        still_following=bool(row["still_following"]), risk_score=int(row["risk_score"]),
        risk_reasons=_lines(row["risk_reasons"]), reviewed_by=row["reviewed_by"],
        reviewed_at=row["reviewed_at"], watchlist=bool(row["watchlist"]),
        trusted=bool(row["trusted"]), block_status=row["block_status"] or "")


def _block(row: Row) -> BlockRecord:
    return BlockRecord(row["user_id"], row["handle"], row["status"], row["requested_by"],
                       row["requested_at"], row["reason"], row["confirmed_at"])
