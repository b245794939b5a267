"""The practice account: the whole gateway, offline, over the app's database.

With no X credentials stored the app runs here, so a new secretary or a
trainee can post, delete, hide and mute without any risk, and every test can
exercise the full app without a network. It answers like X does where that
matters to the app: duplicates are refused, counts come from the data, the
account never follows anyone unless someone breaks the rules.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.sandbox_store import (
    SANDBOX_MEDIA_URL,
    SandboxIdentity,
    SandboxStore,
)
from stpeters_desk.x.errors import MediaUnavailable, Offline, RejectedByX
from stpeters_desk.x.gateway import MAX_MEDIA_DOWNLOAD, XGateway, validate_photos
from stpeters_desk.x.ids import snowflake_id
from stpeters_desk.x.kinds import SANDBOX

if TYPE_CHECKING:  # the data classes load when the account is first read, not at start
    from stpeters_desk.x.models import Account, HandOff, Mention, Page, PhotoUpload, Post
    from stpeters_desk.x.models import UserProfile as Profile

DUPLICATE_WINDOW = timedelta(hours=24)


class SandboxGateway(XGateway):
    kind = SANDBOX

    def __init__(self, db: Database, *, simulate_offline: bool = False) -> None:
        self._store = SandboxStore(db)
        self.simulate_offline = simulate_offline
        self._sequence = itertools.count(1)
        self._lock = threading.Lock()
        if self._store.identity() is None:
            self.reset()

    def reset(self, now: datetime | None = None) -> None:
        """Reseed the invented school community; everything practised so far is wiped."""
        from stpeters_desk.x.sandbox_seed import build_seed

        now = now or datetime.now(UTC)
        seed = build_seed(now)
        identity = SandboxIdentity(seed.account.user_id, seed.account.handle,
                                   seed.account.name, now.isoformat())
        self._store.replace_all(identity, seed.posts, seed.followers, seed.mentions, seed.blocked,
                                seed.pictures)

    def _online(self) -> None:
        if self.simulate_offline:
            raise Offline(never_connected=True)

    def _identity(self) -> SandboxIdentity:
        identity = self._store.identity()
        if identity is None:
            raise RuntimeError("The sandbox account has not been seeded.")
        return identity

    def account(self) -> Account:
        self._online()
        identity = self._identity()
        followers, following, posts = self._store.counts()
        from stpeters_desk.x.models import Account

        return Account(user_id=identity.user_id, handle=identity.handle, name=identity.name,
                       followers_count=followers, following_count=following, kind=SANDBOX,
                       access_level="read-write", tweet_count=posts)

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        self._online()
        validate_photos(photos)
        if not text.strip() and not photos:
            raise RejectedByX("other", "A tweet needs some text or a photo.",
                              "Write something and try again.")
        from stpeters_desk.core.tweet_text import MAX_WEIGHTED_LENGTH, weighted_length

        if weighted_length(text) > MAX_WEIGHTED_LENGTH:
            raise RejectedByX("too_long")
        from stpeters_desk.x.models import Post
        with self._lock:
            now = datetime.now(UTC)
            sequence = next(self._sequence)
            post = self._store.add_post_once(
                lambda bump: Post(post_id=snowflake_id(now, sequence + bump), text=text,
                                  created_at=now, media_count=len(photos), reply_to=reply_to),
                photos, text, (now - DUPLICATE_WINDOW).isoformat())
        if post is None:
            raise RejectedByX("duplicate")
        return post

    def delete_post(self, post_id: str) -> None:
        self._online()
        if not self._store.delete_post(post_id):
            raise RejectedByX("not_found")

    def own_posts(self, limit: int = 50) -> list[Post]:
        self._online()
        return self._store.posts(limit)

    def photo_alt_texts(self, post_id: str) -> list[str]:
        """Sandbox only: lets a trainee (and a test) see what alt text went out."""
        return self._store.photo_alt_texts(post_id)

    def mentions(self, since_id: str | None = None, limit: int = 100) -> list[Mention]:
        self._online()
        return self._store.mentions(since_id, limit)

    def download_media(self, url: str, max_bytes: int = MAX_MEDIA_DOWNLOAD) -> bytes:
        """The practice account's own invented pictures, with X's rules (images, the cap)."""
        self._online()
        if not url.startswith(SANDBOX_MEDIA_URL):
            raise MediaUnavailable("not a practice-account picture")
        found = self._store.mention_picture(url[len(SANDBOX_MEDIA_URL):])
        if found is None:
            raise MediaUnavailable("no such picture")
        mime_type, data = found
        if not mime_type.startswith("image/") or len(data) > max_bytes:
            raise MediaUnavailable(f"{mime_type}, {len(data)} bytes")
        return data

    def hide_reply(self, post_id: str, hidden: bool = True) -> None:
        self._online()
        try:
            target = self._store.mention_reply_target(post_id)
        except KeyError:
            raise RejectedByX("not_found") from None
        if target is None:
            raise RejectedByX("other", "Only replies to the school's own posts can be hidden.",
                              "Mute or block the author instead.")
        self._store.set_hidden(post_id, hidden)

    def mute(self, user_id: str, muted: bool = True) -> None:
        self._online()
        if not self._store.set_flag(user_id, "muted", muted):
            raise RejectedByX("not_found")

    def _page(self, which: str, page_token: str | None, page_size: int) -> Page[Profile]:
        self._online()
        offset = int(page_token) if page_token else 0
        users, more = self._store.users(which, offset, page_size)
        from stpeters_desk.x.models import Page

        return Page(users, str(offset + page_size) if more else None)

    def followers(self, page_token: str | None = None, page_size: int = 100) -> Page[Profile]:
        return self._page("followers", page_token, page_size)

    def following(self, page_token: str | None = None, page_size: int = 100) -> Page[Profile]:
        return self._page("following", page_token, page_size)

    def blocked(self, page_token: str | None = None, page_size: int = 100) -> Page[Profile]:
        return self._page("blocked", page_token, page_size)

    def muted(self, page_token: str | None = None, page_size: int = 100) -> Page[Profile]:
        return self._page("muted", page_token, page_size)

    def complete_handoff(self, handoff: HandOff) -> None:
        """Stands in for the head teacher's click on x.com, which the sandbox cannot open."""
        if handoff.action in ("block", "unblock"):
            self._store.set_flag(handoff.user_id, "blocked", handoff.action == "block")
