"""Plain data the gateway hands to the rest of the app.

Both gateways return these same frozen dataclasses, so the UI and the core
never learn whether they are talking to the sandbox or to X.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from stpeters_desk.x.kinds import REAL, SANDBOX

T = TypeVar("T")

__all__ = ["REAL", "SANDBOX", "Account", "HandOff", "Mention", "MentionPhoto", "Page",
           "PhotoUpload", "Post", "UserProfile"]


@dataclass(frozen=True)
class Account:
    """The school's own account, as the account bar shows it."""

    user_id: str
    handle: str
    name: str
    followers_count: int
    following_count: int
    kind: str  # SANDBOX or REAL
    access_level: str = "read-write"  # from X's x-access-level header
    tweet_count: int = 0

    @property
    def follows_anyone(self) -> bool:
        """The policy says the account never follows anyone; this flags drift."""
        return self.following_count != 0

    @property
    def can_send_dms(self) -> bool:
        """A token with DM permission breaks the 'no private conversations' rule."""
        return "directmessages" in self.access_level


@dataclass(frozen=True)
class PhotoUpload:
    """A photo that has already been through the safe export pipeline."""

    data: bytes
    mime_type: str
    alt_text: str


@dataclass(frozen=True)
class Post:
    """One of the school's own posts."""

    post_id: str
    text: str
    created_at: datetime
    media_count: int = 0
    reply_to: str | None = None
    like_count: int = 0
    reply_count: int = 0


@dataclass(frozen=True)
class UserProfile:
    """Someone on X: a follower, a mention author, a blocked account."""

    user_id: str
    handle: str
    name: str
    bio: str = ""
    location: str = ""
    created_at: datetime | None = None
    followers_count: int = 0
    following_count: int = 0
    tweet_count: int = 0
    profile_image_url: str = ""
    verified: bool = False
    protected: bool = False


PHOTO = "photo"
VIDEO = "video"
ANIMATED_GIF = "animated_gif"


@dataclass(frozen=True)
class MentionPhoto:
    """A picture attached to a reply: a photo, or the preview picture of a video or GIF.

    ``url`` is where its bytes are (X: a pbs.twimg.com address; the practice account:
    its own ``sandbox:`` address); only the gateway that gave it can download it.
    """

    media_key: str
    kind: str  # PHOTO, VIDEO or ANIMATED_GIF (X's media "type")
    url: str
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class Mention:
    """A reply to the school or a post that mentions it."""

    post_id: str
    text: str
    author: UserProfile
    created_at: datetime
    conversation_id: str
    in_reply_to_post_id: str | None = None
    hidden: bool = False
    photos: tuple[MentionPhoto, ...] = ()


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a paged list; ``next_token`` is None on the last page."""

    items: list[T] = field(default_factory=list)
    next_token: str | None = None


@dataclass(frozen=True)
class HandOff:
    """An action X's self-serve API does not allow, done by a person on x.com.

    Block and report are not available to the school's API plan, so the app
    opens the right x.com page for the head teacher and later confirms the
    result (the blocked list) instead of pretending it happened.
    """

    action: str  # "block" or "report"
    url: str
    user_id: str
    handle: str
    instructions: str
