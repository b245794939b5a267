"""The one interface for everything the app does on X.

The UI and the outbox only ever see ``XGateway``. The sandbox implements it
over the app's own database so that trainees and tests can use every feature
offline; the tweepy implementation talks to the real X API. Deliberately
absent: follow and direct messages, because the school's policy forbids both.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the data classes load when a gateway first returns one, not at start
    from stpeters_desk.x.models import (
        Account,
        HandOff,
        Mention,
        Page,
        PhotoUpload,
        Post,
        UserProfile,
    )

MAX_PHOTOS = 4
MAX_ALT_TEXT = 1000
MAX_MEDIA_DOWNLOAD = 5 * 1024 * 1024  # X's own limit for a photo; more is not a photo


class ReadMeter(Protocol):
    """Counts what X bills for reads and may refuse one before it is made.

    X is paid per resource read (each post or account returned), so the gateway
    reports every read answer's count, and asks before a read whether the month's
    cap still allows it (``ReadCapReached`` if not).
    """

    def before_read(self, feature: str) -> None: ...

    def after_read(self, resources: int) -> None: ...


class NoMeter:
    """Counts nothing and refuses nothing: the practice account and tests."""

    def before_read(self, feature: str) -> None:
        return None

    def after_read(self, resources: int) -> None:
        return None


class XGateway(ABC):
    """Every call may block on the network: call it off the UI thread."""

    kind: str

    @abstractmethod
    def account(self) -> Account:
        """The school's account with its current counts and access level."""

    @abstractmethod
    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        """Publish a post; raises ``RejectedByX('duplicate')`` if X has it already.

        ``reply_settings`` is X's "who can reply" ("mentionedUsers", "following"; None or
        "everyone" for anyone): the school's default keeps replies off.
        """

    @abstractmethod
    def delete_post(self, post_id: str) -> None:
        """Delete one of the school's own posts."""

    @abstractmethod
    def own_posts(self, limit: int = 50) -> list[Post]:
        """The school's most recent posts, newest first."""

    @abstractmethod
    def mentions(self, since_id: str | None = None, limit: int = 100) -> list[Mention]:
        """Replies and mentions newer than ``since_id``, newest first."""

    def download_media(self, url: str, max_bytes: int = MAX_MEDIA_DOWNLOAD) -> bytes:
        """The bytes of a picture a mention carries (``MentionPhoto.url``): images only, at
        most ``max_bytes``. Not an API read: X does not bill picture downloads.

        Raises ``MediaUnavailable`` when it cannot be had; the caller treats that as "not
        checked", never as "fine".
        """
        from stpeters_desk.x.errors import MediaUnavailable

        raise MediaUnavailable(f"{type(self).__name__} cannot download pictures")

    @abstractmethod
    def hide_reply(self, post_id: str, hidden: bool = True) -> None:
        """Hide (or unhide) a reply in one of the school's conversations."""

    @abstractmethod
    def mute(self, user_id: str, muted: bool = True) -> None:
        """Mute (or unmute) an account."""

    @abstractmethod
    def followers(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        """One page of the school's followers."""

    @abstractmethod
    def following(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        """One page of accounts the school follows: should always be empty."""

    @abstractmethod
    def blocked(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        """One page of accounts the school has blocked (confirms block hand-offs)."""

    @abstractmethod
    def muted(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        """One page of accounts the school has muted."""

    def block_handoff(self, user: UserProfile) -> HandOff:
        """Blocking is not in X's self-serve API: a person does it on x.com."""
        from stpeters_desk.x.models import HandOff

        return HandOff(
            action="block",
            url=f"https://x.com/{user.handle}",
            user_id=user.user_id,
            handle=user.handle,
            instructions=(
                f"On the page that opens, choose the \u22ef menu and then Block @{user.handle}. "
                "The app confirms the block when it next reads the blocked list."
            ),
        )

    def report_handoff(self, user: UserProfile, post_id: str | None = None) -> HandOff:
        """Reporting is not in X's API at all: a person reports on x.com."""
        url = (f"https://x.com/{user.handle}/status/{post_id}" if post_id
               else f"https://x.com/{user.handle}")
        from stpeters_desk.x.models import HandOff

        return HandOff(
            action="report",
            url=url,
            user_id=user.user_id,
            handle=user.handle,
            instructions=(
                "On the page that opens, choose the \u22ef menu and then Report. "
                "Record in the app what you reported and why."
            ),
        )


def pages(fetch: Callable[[str | None, int], Page[UserProfile]], page_size: int,
          max_pages: int) -> Iterator[Page[UserProfile]]:
    """Every page of a paged list (followers, following, blocked), at most ``max_pages``,
    so a gateway that never stops paging cannot hang the app."""
    token: str | None = None
    for _number in range(max_pages):
        page = fetch(token, page_size)
        yield page
        token = page.next_token
        if token is None:
            return


def validate_photos(photos: Sequence[PhotoUpload]) -> None:
    """Refuse what X would refuse, before anything is sent."""
    from stpeters_desk.x.errors import RejectedByX

    if len(photos) > MAX_PHOTOS:
        raise RejectedByX("bad_media", f"A tweet can carry at most {MAX_PHOTOS} photos.",
                          "Remove some photos and try again.")
    for photo in photos:
        if len(photo.alt_text) > MAX_ALT_TEXT:
            raise RejectedByX("bad_media",
                              f"A photo description is longer than {MAX_ALT_TEXT} characters.",
                              "Shorten the description and try again.")
        if len(photo.data) > 5 * 1024 * 1024:
            raise RejectedByX("bad_media", "A photo is larger than X's 5 MB limit.",
                              "Export it again from the Photos tab, which keeps it small enough.")
