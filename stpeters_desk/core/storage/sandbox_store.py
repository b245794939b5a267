"""Tables behind the sandbox (practice) account.

The sandbox behaves like a small X account that lives in the app's own
database: what a trainee posts, hides or mutes stays there across restarts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from stpeters_desk.core.storage.connection import Connection, Row
from stpeters_desk.core.storage.db import Database, utc_now_text

if TYPE_CHECKING:  # built when the practice account is read, not when it is opened
    from stpeters_desk.x.models import Mention, MentionPhoto, PhotoUpload, Post, UserProfile

_USER_COLUMNS = ("user_id, handle, name, bio, location, created_at, followers_count, "
                 "following_count, tweet_count, profile_image_url, verified, protected")


class SandboxIdentity(NamedTuple):
    user_id: str
    handle: str
    name: str
    seeded_at: str


SANDBOX_MEDIA_URL = "sandbox:media/"  # + media key: where the practice account's pictures are


class SandboxPicture(NamedTuple):
    """An invented picture on a practice reply (generated, never a photo of anyone)."""

    post_id: str
    media_key: str
    kind: str  # "photo", "video" or "animated_gif", as X says
    mime_type: str
    data: bytes


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _user(row: Row) -> UserProfile:
    from stpeters_desk.x.models import UserProfile

    return UserProfile(
        user_id=row["user_id"], handle=row["handle"], name=row["name"], bio=row["bio"],
        location=row["location"], created_at=_when(row["created_at"]),
        followers_count=int(row["followers_count"]),
        following_count=int(row["following_count"]), tweet_count=int(row["tweet_count"]),
        profile_image_url=row["profile_image_url"], verified=bool(row["verified"]),
        protected=bool(row["protected"]))


def _post(row: Row) -> Post:
    from stpeters_desk.x.models import Post

    created = _when(row["created_at"])
    assert created is not None
    return Post(post_id=row["post_id"], text=row["text"], created_at=created,
                media_count=int(row["media_count"]), reply_to=row["reply_to"],
                like_count=int(row["like_count"]), reply_count=int(row["reply_count"]))


class SandboxStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- seeding -------------------------------------------------------------
    def identity(self) -> SandboxIdentity | None:
        row = self._db.query_one(
            "SELECT user_id, handle, name, seeded_at FROM sandbox_account WHERE id = 1")
        if row is None:
            return None
        return SandboxIdentity(row["user_id"], row["handle"], row["name"], row["seeded_at"])

    def replace_all(self, identity: SandboxIdentity, posts: Iterable[Post],
                    followers: Iterable[UserProfile], mentions: Iterable[Mention],
                    blocked: Iterable[UserProfile],
                    pictures: Iterable[SandboxPicture] = ()) -> None:
        """Wipe and reseed in one transaction: a failed reseed leaves the old sandbox."""
        with self._db.transaction() as conn:
            for table in ("sandbox_media", "sandbox_mention_media", "sandbox_mentions",
                          "sandbox_posts", "sandbox_users", "sandbox_account"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute(
                "INSERT INTO sandbox_account (id, user_id, handle, name, seeded_at) "
                "VALUES (1, :user_id, :handle, :name, :at)",
                {"user_id": identity.user_id, "handle": identity.handle,
                 "name": identity.name, "at": identity.seeded_at})
            for user in followers:
                self._insert_user(conn, user, follows_school=True, blocked=False)
            for user in blocked:
                self._insert_user(conn, user, follows_school=False, blocked=True)
            for post in posts:
                self._insert_post(conn, post)
            for mention in mentions:
                self._upsert_user(conn, mention.author)
                conn.execute(
                    "INSERT INTO sandbox_mentions (post_id, author_id, text, created_at, "
                    "conversation_id, in_reply_to_post_id, hidden) VALUES (:id, :author, :text, "
                    ":at, :conv, :reply_to, :hidden)",
                    {"id": mention.post_id, "author": mention.author.user_id,
                     "text": mention.text, "at": mention.created_at.isoformat(),
                     "conv": mention.conversation_id, "reply_to": mention.in_reply_to_post_id,
                     "hidden": int(mention.hidden)})
            for position, picture in enumerate(pictures):
                conn.execute(
                    "INSERT INTO sandbox_mention_media (post_id, media_key, position, kind, "
                    "mime_type, data) VALUES (:id, :key, :pos, :kind, :mime, :data)",
                    {"id": picture.post_id, "key": picture.media_key, "pos": position,
                     "kind": picture.kind, "mime": picture.mime_type, "data": picture.data})

    def _insert_user(self, conn: Connection, user: UserProfile, *,
                     follows_school: bool, blocked: bool) -> None:
        conn.execute(
            f"INSERT INTO sandbox_users ({_USER_COLUMNS}, follows_school, blocked) VALUES "
            "(:user_id, :handle, :name, :bio, :location, :created_at, :followers, :following, "
            ":tweets, :image, :verified, :protected, :follows_school, :blocked)",
            {"user_id": user.user_id, "handle": user.handle, "name": user.name,
             "bio": user.bio, "location": user.location,
             "created_at": user.created_at.isoformat() if user.created_at else None,
             "followers": user.followers_count, "following": user.following_count,
             "tweets": user.tweet_count, "image": user.profile_image_url,
             "verified": int(user.verified), "protected": int(user.protected),
             "follows_school": int(follows_school), "blocked": int(blocked)})

    def _upsert_user(self, conn: Connection, user: UserProfile) -> None:
        exists = conn.execute("SELECT 1 FROM sandbox_users WHERE user_id = :id",
                              {"id": user.user_id}).fetchone()
        if not exists:
            self._insert_user(conn, user, follows_school=False, blocked=False)

    def _insert_post(self, conn: Connection, post: Post,
                     photos: Iterable[PhotoUpload] = ()) -> None:
        conn.execute(
            "INSERT INTO sandbox_posts (post_id, text, created_at, media_count, reply_to, "
            "like_count, reply_count) VALUES (:id, :text, :at, :media, :reply_to, :likes, "
            ":replies)",
            {"id": post.post_id, "text": post.text, "at": post.created_at.isoformat(),
             "media": post.media_count, "reply_to": post.reply_to, "likes": post.like_count,
             "replies": post.reply_count})
        for position, photo in enumerate(photos):
            conn.execute(
                "INSERT INTO sandbox_media (post_id, position, mime_type, alt_text, data) "
                "VALUES (:id, :pos, :mime, :alt, :data)",
                {"id": post.post_id, "pos": position, "mime": photo.mime_type,
                 "alt": photo.alt_text, "data": photo.data})

    # -- the account ---------------------------------------------------------
    def counts(self) -> tuple[int, int, int]:
        """Followers, following and posts, derived from the tables so they never drift."""
        row = self._db.query_one(
            "SELECT (SELECT COUNT(*) FROM sandbox_users WHERE follows_school = 1 "
            "AND blocked = 0) AS followers, (SELECT COUNT(*) FROM sandbox_users WHERE "
            "school_follows = 1) AS following, (SELECT COUNT(*) FROM sandbox_posts) AS posts")
        assert row is not None
        return int(row["followers"]), int(row["following"]), int(row["posts"])

    # -- posts ---------------------------------------------------------------
    def add_post(self, post: Post, photos: Iterable[PhotoUpload]) -> None:
        with self._db.transaction() as conn:
            self._insert_post(conn, post, photos)

    def add_post_once(self, make_post: Callable[[int], Post], photos: Iterable[PhotoUpload],
                      text: str, since: str) -> Post | None:
        """X's own duplicate rule, kept when several computers post into one sandbox: None
        if a post with this text was made since ``since``, else the post, added. The check
        and the insert are one write transaction (one writer at a time on both back ends);
        ``make_post(n)`` is asked again with n + 1 while its id is already taken."""
        with self._db.transaction() as conn:
            if conn.execute("SELECT 1 AS found FROM sandbox_posts WHERE text = :text AND "
                            "created_at >= :since", {"text": text, "since": since}).fetchone():
                return None
            bump = 0
            post = make_post(bump)
            while conn.execute("SELECT 1 AS found FROM sandbox_posts WHERE post_id = :id",
                               {"id": post.post_id}).fetchone():
                bump += 1
                post = make_post(bump)
            self._insert_post(conn, post, photos)
        return post

    def delete_post(self, post_id: str) -> bool:
        return self._db.execute("DELETE FROM sandbox_posts WHERE post_id = :id",
                                {"id": post_id}) == 1

    def posts(self, limit: int) -> list[Post]:
        rows = self._db.query(
            "SELECT * FROM sandbox_posts ORDER BY created_at DESC, post_id DESC LIMIT :limit",
            {"limit": limit})
        return [_post(row) for row in rows]

    def photo_alt_texts(self, post_id: str) -> list[str]:
        rows = self._db.query("SELECT alt_text FROM sandbox_media WHERE post_id = :id "
                              "ORDER BY position", {"id": post_id})
        return [str(row["alt_text"]) for row in rows]

    # -- mentions ------------------------------------------------------------
    def mentions(self, since_id: str | None, limit: int) -> list[Mention]:
        rows = self._db.query(
            f"SELECT m.post_id AS m_id, m.text AS m_text, m.created_at AS m_at, "
            f"m.conversation_id, m.in_reply_to_post_id, m.hidden, {_user_columns('u')} "
            "FROM sandbox_mentions m JOIN sandbox_users u ON u.user_id = m.author_id "
            "WHERE u.blocked = 0 ORDER BY m.created_at DESC, m.post_id DESC")
        from stpeters_desk.x.models import Mention

        photos = self._mention_photos()
        mentions = []
        for row in rows:
            if since_id is not None and _id_not_after(row["m_id"], since_id):
                continue
            created = _when(row["m_at"])
            assert created is not None
            mentions.append(Mention(
                post_id=row["m_id"], text=row["m_text"], author=_user(row),
                created_at=created, conversation_id=row["conversation_id"],
                in_reply_to_post_id=row["in_reply_to_post_id"], hidden=bool(row["hidden"]),
                photos=tuple(photos.get(row["m_id"], ()))))
        return mentions[:limit]

    def _mention_photos(self) -> dict[str, list[MentionPhoto]]:
        from stpeters_desk.x.models import MentionPhoto

        photos: dict[str, list[MentionPhoto]] = {}
        for row in self._db.query("SELECT post_id, media_key, kind FROM sandbox_mention_media "
                                  "ORDER BY post_id, position"):
            photos.setdefault(row["post_id"], []).append(MentionPhoto(
                media_key=row["media_key"], kind=row["kind"],
                url=SANDBOX_MEDIA_URL + row["media_key"]))
        return photos

    def mention_picture(self, media_key: str) -> tuple[str, bytes] | None:
        """A practice reply's picture: its type and bytes."""
        row = self._db.query_one("SELECT mime_type, data FROM sandbox_mention_media "
                                 "WHERE media_key = :key", {"key": media_key})
        return (str(row["mime_type"]), bytes(row["data"])) if row else None

    def set_hidden(self, post_id: str, hidden: bool) -> bool:
        return self._db.execute(
            "UPDATE sandbox_mentions SET hidden = :hidden WHERE post_id = :id",
            {"hidden": int(hidden), "id": post_id}) == 1

    def mention_reply_target(self, post_id: str) -> str | None:
        row = self._db.query_one(
            "SELECT in_reply_to_post_id FROM sandbox_mentions WHERE post_id = :id",
            {"id": post_id})
        if row is None:
            raise KeyError(post_id)
        return row["in_reply_to_post_id"]  # type: ignore[no-any-return]

    # -- people --------------------------------------------------------------
    def set_flag(self, user_id: str, flag: str, value: bool) -> bool:
        if flag not in ("muted", "blocked"):
            raise ValueError(flag)
        return self._db.execute(
            f"UPDATE sandbox_users SET {flag} = :value WHERE user_id = :id",
            {"value": int(value), "id": user_id}) == 1

    def users(self, where: str, offset: int, limit: int) -> tuple[list[UserProfile], bool]:
        """One page of users matching a fixed filter name, and whether more follow."""
        condition = {
            "followers": "follows_school = 1 AND blocked = 0",
            "following": "school_follows = 1",
            "blocked": "blocked = 1",
            "muted": "muted = 1",
        }[where]
        order = "handle"
        if where == "followers":  # X: newest follower first, i.e. the last row inserted
            # PostgreSQL has no rowid: there the practice account lists its followers by
            # account age until a column records when each one followed (issue 18).
            order = "rowid DESC" if self._db.dialect == "sqlite" else "created_at DESC, handle"
        rows = self._db.query(
            f"SELECT {_USER_COLUMNS} FROM sandbox_users WHERE {condition} "
            f"ORDER BY {order} LIMIT :limit OFFSET :offset",
            {"limit": limit + 1, "offset": offset})
        return [_user(row) for row in rows[:limit]], len(rows) > limit


def _user_columns(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in _USER_COLUMNS.split(","))


def _id_not_after(post_id: str, since_id: str) -> bool:
    """X ids grow with time; compare them as numbers, as X does for since_id."""
    return (len(post_id), post_id) <= (len(since_id), since_id)


__all__ = ["SANDBOX_MEDIA_URL", "SandboxIdentity", "SandboxPicture", "SandboxStore",
           "utc_now_text"]
