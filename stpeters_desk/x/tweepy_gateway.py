"""The real X gateway: tweepy's v2 ``Client`` with OAuth 1.0a user context.

This is the only module that imports tweepy, and the app imports it lazily,
only once a real account is connected, so the sandbox, the core and the
tests of everything else never pay for (or depend on) tweepy.

Three things here exist because of how X and tweepy behave today:

* tweepy 4.17 has no v2 media upload, so photos go through ``Client.request``
  to ``/2/media/upload`` and ``/2/media/metadata`` (alt text).
* ``wait_on_rate_limit`` is never used: it sleeps in the calling thread and
  retries blindly into 24-hour and monthly caps. The outbox decides instead,
  from ``RateLimited.reset_at``.
* requests-oauthlib and oauthlib log the consumer key and access token at
  DEBUG level; a filter scrubs them so a verbose log file never holds them.
* X sends text fields with ``&``, ``<`` and ``>`` as HTML entities and links as
  t.co short links (a photo adds one more at the end). ``real_text`` undoes both
  once, on the way in, so the app (and the outbox's "is it already on X?" check)
  only ever sees what was written.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import html
import logging
import threading
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests
import tweepy
from requests.adapters import HTTPAdapter

from stpeters_desk.i18n import translate
from stpeters_desk.x.credentials import XCredentials
from stpeters_desk.x.errors import (
    CredentialsRejected,
    CreditsExhausted,
    MediaUnavailable,
    NotAllowedOnAccessLevel,
    Offline,
    RateLimited,
    RejectedByX,
    XError,
)
from stpeters_desk.x.gateway import (
    MAX_MEDIA_DOWNLOAD,
    NoMeter,
    ReadMeter,
    XGateway,
    validate_photos,
)
from stpeters_desk.x.models import (
    REAL,
    Account,
    Mention,
    MentionPhoto,
    Page,
    PhotoUpload,
    Post,
    UserProfile,
)

JSON = dict[str, Any]

USER_FIELDS = [
    "created_at", "description", "location", "profile_image_url",
    "protected", "public_metrics", "verified",
]
POST_FIELDS = ["attachments", "created_at", "entities", "note_tweet", "public_metrics",
               "referenced_tweets"]
MENTION_FIELDS = [
    "attachments", "author_id", "conversation_id", "created_at", "entities",
    "in_reply_to_user_id", "note_tweet", "referenced_tweets",
]
MENTION_EXPANSIONS = ["author_id", "attachments.media_keys"]
# A photo's own picture is ``url``; a video or GIF has only ``preview_image_url`` (a still).
MEDIA_FIELDS = ["type", "url", "preview_image_url", "width", "height"]
# Where X keeps the pictures a reply carries: nothing else is downloaded.
MEDIA_HOSTS = ("pbs.twimg.com",)
MEDIA_TIMEOUT = (5.0, 15.0)

# X's limits on ``max_results``: timelines 5..100, user lists 1..1000.
TIMELINE_PAGE = (5, 100)
USER_LIST_PAGE = (1, 1000)

# Seconds to connect and to wait for an answer. Ordinary calls answer in well under a
# second, so a long wait only holds up the person; a 5 MB photo is ~7 MB of base64 and a
# slow school line needs minutes for it, so uploads alone get the long wait.
TIMEOUT = (10.0, 30.0)
UPLOAD_TIMEOUT = (10.0, 180.0)
UPLOAD_PATHS = ("/2/media/upload",)
MEDIA_REUSE = timedelta(hours=23)  # X keeps an uploaded photo 24 hours

UNKNOWN_ACCESS_LEVEL = "unknown"

# Feature names put into NotAllowedOnAccessLevel so the app can switch the right thing off.
F_ACCOUNT = "account details"
F_POST = "posting"
F_PHOTOS = "photo upload"
F_DELETE = "deleting posts"
F_OWN_POSTS = "reading the school's posts"
F_MENTIONS = "reading replies and mentions"
F_HIDE = "hiding replies"
F_MUTE = "muting accounts"
F_FOLLOWERS = "the followers list"
F_FOLLOWING = "the following list"
F_BLOCKED = "the blocked list"
F_MUTED = "the muted list"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimitSnapshot:
    """What X last said about our allowance, so the UI can warn before a 429."""

    endpoint: str
    limit: int | None
    remaining: int | None
    reset_at: datetime | None


class TweepyGateway(XGateway):
    """The school's real X account. Every call blocks: run it off the UI thread."""

    kind = REAL

    def __init__(self, credentials: XCredentials, meter: ReadMeter | None = None) -> None:
        _REDACTOR.protect(credentials)
        self._meter: ReadMeter = meter or NoMeter()
        self.client = tweepy.Client(
            consumer_key=credentials.api_key,
            consumer_secret=credentials.api_secret,
            access_token=credentials.access_token,
            access_token_secret=credentials.access_token_secret,
            return_type=dict,
            wait_on_rate_limit=False,
        )
        self.client.session.mount("https://", _TimeoutAdapter())
        self.client.session.hooks["response"].append(self._remember_headers)
        self._lock = threading.Lock()  # calls come from the task runner's threads
        self._last_access_level: str | None = None
        self._last_rate_limit: RateLimitSnapshot | None = None
        self._this_thread = threading.local()  # what this thread's own last answer said
        self._uploaded: dict[bytes, tuple[str, datetime]] = {}  # photo -> (media id, when)
        self._user_id = _user_id_from_token(credentials.access_token)
        # Pictures come from X's picture server, not the API: no OAuth, no read billed.
        self.media_session = requests.Session()

    def __repr__(self) -> str:  # the client holds the secrets: keep it out of reprs
        return "TweepyGateway(<connected>)"

    # -- the XGateway interface --------------------------------------------

    @property
    def last_access_level(self) -> str | None:
        with self._lock:
            return self._last_access_level

    @property
    def last_rate_limit(self) -> RateLimitSnapshot | None:
        """What X last said about an allowance, whichever call it was (for a warning)."""
        with self._lock:
            return self._last_rate_limit

    def account(self) -> Account:
        self._this_thread.access_level = None
        with _talking_to_x(F_ACCOUNT):
            body = self.client.get_me(user_fields=USER_FIELDS, user_auth=True)
        user = _data_object(body)
        access_level = getattr(self._this_thread, "access_level", None)  # from this answer
        metrics = user.get("public_metrics") or {}
        self._user_id = str(user["id"])
        return Account(
            user_id=str(user["id"]),
            handle=str(user.get("username", "")),
            name=str(user.get("name", "")),
            followers_count=int(metrics.get("followers_count", 0)),
            following_count=int(metrics.get("following_count", 0)),
            kind=REAL,
            access_level=access_level or UNKNOWN_ACCESS_LEVEL,
            tweet_count=int(metrics.get("tweet_count", 0)),
        )

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        validate_photos(photos)
        media_ids = [self._upload_photo(photo) for photo in photos]
        with _talking_to_x(F_POST):
            body = self.client.create_tweet(
                text=text,
                media_ids=media_ids or None,
                in_reply_to_tweet_id=reply_to,
                reply_settings=None if reply_settings in (None, "everyone") else reply_settings,
                user_auth=True,
            )
        data = _data_object(body)
        return Post(
            post_id=str(data["id"]),
            # X's answer carries t.co links without their expansion: keep what was sent,
            # in the NFC form X stores
            text=unicodedata.normalize("NFC", text),
            created_at=datetime.now(UTC),  # X's answer to a new post carries no time
            media_count=len(media_ids),
            reply_to=reply_to,
        )

    def delete_post(self, post_id: str) -> None:
        with _talking_to_x(F_DELETE):
            body = self.client.delete_tweet(post_id, user_auth=True)
        if not _data_object(body).get("deleted", False):
            raise RejectedByX("not_found")

    def own_posts(self, limit: int = 50) -> list[Post]:
        user_id = self._own_id()

        def fetch(size: int, token: str | None) -> JSON:
            return _as_json(self.client.get_users_tweets(
                user_id, max_results=size, pagination_token=token,
                tweet_fields=POST_FIELDS, user_auth=True,
            ))

        tweets, _, _ = _collect_timeline(fetch, limit, F_OWN_POSTS)
        return [_post_from(tweet) for tweet in tweets]

    def mentions(self, since_id: str | None = None, limit: int = 100) -> list[Mention]:
        self._meter.before_read(F_MENTIONS)
        user_id = self._own_id()

        def fetch(size: int, token: str | None) -> JSON:
            return _as_json(self.client.get_users_mentions(
                user_id, since_id=since_id, max_results=size, pagination_token=token,
                tweet_fields=MENTION_FIELDS, expansions=MENTION_EXPANSIONS,
                media_fields=MEDIA_FIELDS, user_fields=USER_FIELDS, user_auth=True,
            ))

        tweets, authors, media = _collect_timeline(fetch, limit, F_MENTIONS)
        return [_mention_from(tweet, authors, media) for tweet in tweets]

    def download_media(self, url: str, max_bytes: int = MAX_MEDIA_DOWNLOAD) -> bytes:
        """One picture from X's picture server: https on pbs.twimg.com only, an image
        type only, at most ``max_bytes`` (read in pieces, so a lying server cannot send
        more), with a short wait. Not metered: X does not bill these downloads."""
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in MEDIA_HOSTS:
            raise MediaUnavailable(f"not an X picture address: {url[:80]}")
        try:
            with self.media_session.get(url, stream=True, timeout=MEDIA_TIMEOUT,
                                        allow_redirects=False) as response:
                if response.status_code != 200:
                    raise MediaUnavailable(f"answer {response.status_code}")
                kind = response.headers.get("content-type", "").split(";")[0].strip()
                if not kind.startswith("image/"):
                    raise MediaUnavailable(f"not an image: {kind[:40]}")
                declared = _int_or_none(response.headers.get("content-length"))
                if declared is not None and declared > max_bytes:
                    raise MediaUnavailable(f"{declared} bytes")
                data = bytearray()
                for piece in response.iter_content(64 * 1024):
                    data += piece
                    if len(data) > max_bytes:
                        raise MediaUnavailable(f"more than {max_bytes} bytes")
        except requests.RequestException as exc:
            raise MediaUnavailable(type(exc).__name__) from exc
        return bytes(data)

    def hide_reply(self, post_id: str, hidden: bool = True) -> None:
        call = self.client.hide_reply if hidden else self.client.unhide_reply
        with _talking_to_x(F_HIDE):
            call(post_id, user_auth=True)

    def mute(self, user_id: str, muted: bool = True) -> None:
        call = self.client.mute if muted else self.client.unmute
        with _talking_to_x(F_MUTE):
            call(user_id, user_auth=True)

    def followers(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        self._meter.before_read(F_FOLLOWERS)
        user_id = self._own_id()
        return _user_page(
            lambda **kw: self.client.get_users_followers(user_id, **kw),
            page_token, page_size, F_FOLLOWERS,
        )

    def following(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        self._meter.before_read(F_FOLLOWING)
        user_id = self._own_id()
        return _user_page(
            lambda **kw: self.client.get_users_following(user_id, **kw),
            page_token, page_size, F_FOLLOWING,
        )

    def blocked(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        self._meter.before_read(F_BLOCKED)
        return _user_page(self.client.get_blocked, page_token, page_size, F_BLOCKED)

    def muted(self, page_token: str | None = None, page_size: int = 100) -> Page[UserProfile]:
        self._meter.before_read(F_MUTED)
        return _user_page(self.client.get_muted, page_token, page_size, F_MUTED)

    # -- helpers -----------------------------------------------------------

    def _own_id(self) -> str:
        """OAuth 1.0a tokens start with the user id; ask X only if this one does not."""
        if self._user_id:
            return self._user_id
        return self.account().user_id

    def _upload_photo(self, photo: PhotoUpload) -> str:
        """tweepy has no v2 upload, so this speaks to the media endpoints itself.

        X keeps an uploaded photo for 24 hours: a retry of the same tweet (a timeout,
        a rate limit) reuses the media id instead of sending megabytes again.
        """
        key = hashlib.sha256(photo.data + b"\0" + photo.alt_text.encode("utf-8")).digest()
        now = local_now()
        with self._lock:
            kept = self._uploaded.get(key)
        if kept is not None and now - kept[1] < MEDIA_REUSE:
            return kept[0]
        media_id = self._send_photo(photo)
        with self._lock:
            self._uploaded = {k: v for k, v in self._uploaded.items()
                              if now - v[1] < MEDIA_REUSE}
            self._uploaded[key] = (media_id, now)
        return media_id

    def _send_photo(self, photo: PhotoUpload) -> str:
        payload = {
            "media": base64.b64encode(photo.data).decode("ascii"),
            "media_category": "tweet_image",
        }
        with _talking_to_x(F_PHOTOS):
            response = self.client.request("POST", "/2/media/upload", json=payload,
                                           user_auth=True)
            media_id = str(_data_object(_as_json(response.json()))["id"])
            if photo.alt_text.strip():
                self.client.request("POST", "/2/media/metadata", user_auth=True, json={
                    "id": media_id,
                    "metadata": {"alt_text": {"text": photo.alt_text}},
                })
        return media_id

    def _remember_headers(self, response: requests.Response, *args: object,
                          **kwargs: object) -> None:
        """A response hook, so tweepy stays untouched and errors are seen too.

        It runs on the thread that made the call: that thread's own answer is kept
        apart (``account`` reads its access level from it), and the shared snapshot
        is written under the lock.
        """
        headers = response.headers
        if response.ok and response.request is not None and response.request.method == "GET":
            self._meter.after_read(billed_resources(response))
        level = headers.get("x-access-level")
        if level:
            self._this_thread.access_level = level
            with self._lock:
                self._last_access_level = level
        if "x-rate-limit-limit" not in headers and "x-rate-limit-remaining" not in headers:
            return
        snapshot = RateLimitSnapshot(
            endpoint=urlsplit(response.url or "").path,
            limit=_int_or_none(headers.get("x-rate-limit-limit")),
            remaining=_int_or_none(headers.get("x-rate-limit-remaining")),
            reset_at=_epoch_or_none(headers.get("x-rate-limit-reset")),
        )
        with self._lock:
            self._last_rate_limit = snapshot


def billed_resources(response: requests.Response) -> int:
    """How many posts and accounts a read answer returned: what X bills for it."""
    try:
        body = response.json()
    except ValueError:
        return 0
    if not isinstance(body, dict):
        return 0
    data = body.get("data")
    count = len(data) if isinstance(data, list) else int(isinstance(data, dict))
    includes = body.get("includes")
    if isinstance(includes, dict):
        count += sum(len(v) for k, v in includes.items()
                     if k in ("users", "tweets") and isinstance(v, list))
    return count


# -- paging ----------------------------------------------------------------

def _collect_timeline(fetch: Callable[[int, str | None], JSON], limit: int, feature: str
                      ) -> tuple[list[JSON], dict[str, JSON], dict[str, JSON]]:
    """Follow next_token until ``limit`` posts, because X caps a page at 100. Returns the
    posts, the users and the media the pages included (by id and by media key)."""
    tweets: list[JSON] = []
    users: dict[str, JSON] = {}
    media: dict[str, JSON] = {}
    token: str | None = None
    while len(tweets) < limit:
        size = _clamp(limit - len(tweets), *TIMELINE_PAGE)
        with _talking_to_x(feature):
            body = fetch(size, token)
        page = body.get("data") or []
        tweets.extend(page)
        includes = body.get("includes") or {}
        users.update({str(u["id"]): u for u in includes.get("users", [])})
        media.update({str(m["media_key"]): m for m in includes.get("media", [])
                      if isinstance(m, dict) and m.get("media_key")})
        token = (body.get("meta") or {}).get("next_token")
        if not token or not page:  # an empty page with a token would loop (and bill) forever
            break
    return tweets[:max(limit, 0)], users, media


def _user_page(call: Callable[..., Any], page_token: str | None, page_size: int,
               feature: str) -> Page[UserProfile]:
    with _talking_to_x(feature):
        body = _as_json(call(
            max_results=_clamp(page_size, *USER_LIST_PAGE),
            pagination_token=page_token,
            user_fields=USER_FIELDS,
            user_auth=True,
        ))
    users = [_profile_from(user) for user in body.get("data") or []]
    next_token = (body.get("meta") or {}).get("next_token")
    return Page(items=users, next_token=str(next_token) if next_token else None)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


# -- mapping X's JSON onto the app's models --------------------------------

def real_text(tweet: JSON) -> str:
    """A post's text as it was written: the full text of a long post, t.co links
    expanded, the photo link X appends taken off, HTML entities undone once."""
    note = tweet.get("note_tweet")
    source = note if isinstance(note, dict) and "text" in note else tweet
    text = str(source.get("text", ""))
    entities = source.get("entities") or tweet.get("entities") or {}
    for link in entities.get("urls") or []:
        short = str(link.get("url") or "")
        if not short:
            continue
        expanded = "" if link.get("media_key") else str(link.get("expanded_url") or short)
        text = text.replace(short, expanded)
    return html.unescape(text).strip()


def _unescaped(value: object) -> str:
    return html.unescape(str(value or ""))


def _post_from(tweet: JSON) -> Post:
    metrics = tweet.get("public_metrics") or {}
    attachments = tweet.get("attachments") or {}
    return Post(
        post_id=str(tweet["id"]),
        text=real_text(tweet),
        created_at=_parse_time(tweet.get("created_at")) or datetime.now(UTC),
        media_count=len(attachments.get("media_keys", [])),
        reply_to=_replied_to(tweet),
        like_count=int(metrics.get("like_count", 0)),
        reply_count=int(metrics.get("reply_count", 0)),
    )


def _mention_from(tweet: JSON, authors: Mapping[str, JSON],
                  media: Mapping[str, JSON] | None = None) -> Mention:
    author_id = str(tweet.get("author_id", ""))
    author = authors.get(author_id)
    return Mention(
        post_id=str(tweet["id"]),
        text=real_text(tweet),
        author=(_profile_from(author) if author
                else UserProfile(user_id=author_id, handle="", name="(unknown account)")),
        created_at=_parse_time(tweet.get("created_at")) or datetime.now(UTC),
        conversation_id=str(tweet.get("conversation_id") or tweet["id"]),
        in_reply_to_post_id=_replied_to(tweet),
        photos=_photos_of(tweet, media or {}),
    )


def _photos_of(tweet: JSON, media: Mapping[str, JSON]) -> tuple[MentionPhoto, ...]:
    """The pictures a post carries, in its order: a photo's ``url``, or the
    ``preview_image_url`` of a video or GIF. A key X did not include is skipped."""
    keys = (tweet.get("attachments") or {}).get("media_keys") or []
    photos = []
    for key in keys:
        item = media.get(str(key))
        if item is None:
            continue
        kind = str(item.get("type") or "")
        url = str(item.get("url") or item.get("preview_image_url") or "")
        if not url:
            continue
        photos.append(MentionPhoto(media_key=str(key), kind=kind, url=url,
                                   width=_int_or_none(str(item.get("width", ""))) or 0,
                                   height=_int_or_none(str(item.get("height", ""))) or 0))
    return tuple(photos)


def _profile_from(user: JSON) -> UserProfile:
    metrics = user.get("public_metrics") or {}
    return UserProfile(
        user_id=str(user["id"]),
        handle=str(user.get("username", "")),
        name=str(user.get("name", "")),
        bio=_unescaped(user.get("description")),
        location=str(user.get("location") or ""),
        created_at=_parse_time(user.get("created_at")),
        followers_count=int(metrics.get("followers_count", 0)),
        following_count=int(metrics.get("following_count", 0)),
        tweet_count=int(metrics.get("tweet_count", 0)),
        profile_image_url=str(user.get("profile_image_url") or ""),
        verified=bool(user.get("verified", False)),
        protected=bool(user.get("protected", False)),
    )


def _replied_to(tweet: JSON) -> str | None:
    for reference in tweet.get("referenced_tweets") or []:
        if reference.get("type") == "replied_to":
            return str(reference["id"])
    return None


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _unreadable() -> XError:
    return XError(translate("XError", "X sent an answer the app could not read."))


def _as_json(body: object) -> JSON:
    if not isinstance(body, dict):
        raise _unreadable()
    return body


def _data_object(body: object) -> JSON:
    """The ``data`` object of an answer; an answer without one is not a success."""
    data = _as_json(body).get("data")
    if not isinstance(data, dict):
        raise _unreadable()
    return data


def _user_id_from_token(access_token: str) -> str:
    """The same shortcut tweepy takes for mute and the blocked list: ``<user id>-<key>``."""
    prefix, dash, _ = access_token.partition("-")
    return prefix if dash and prefix.isdigit() else ""


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _epoch_or_none(value: str | None) -> datetime | None:
    seconds = _int_or_none(value)
    return datetime.fromtimestamp(seconds, UTC) if seconds is not None else None


# -- errors ----------------------------------------------------------------

@contextmanager
def _talking_to_x(feature: str) -> Iterator[None]:
    """Turn whatever tweepy or requests raise into the app's typed errors."""
    try:
        yield
    except (tweepy.HTTPException, requests.RequestException) as exc:
        raise translate_error(exc, feature) from exc


def translate_error(exc: BaseException, feature: str = "") -> XError:
    """The one place that reads X's error answers; never quotes a credential."""
    if not isinstance(exc, tweepy.HTTPException):
        return _network_error(exc)
    response = exc.response
    status = int(response.status_code)
    problem = _problem_text(response)
    if status == 401:
        return CredentialsRejected(clock_skew=_clock_skew(response.headers.get("date")))
    if status == 402:
        return CreditsExhausted()
    if status == 429:
        return _rate_limited(response.headers, problem)
    if status >= 500:
        return Offline(translate("XError", "X is having problems just now."),
                       translate("XError", "Nothing is lost. Try again in a few minutes; tweets "
                                           "in the outbox are retried by themselves."))
    return _refusal(status, problem, list(exc.api_codes), feature)


def _clock_skew(date_header: str | None) -> timedelta | None:
    """How far this computer's clock is ahead of X's (negative: behind), from X's answer."""
    if not date_header:
        return None
    try:
        their_time = email.utils.parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    if their_time.tzinfo is None:
        their_time = their_time.replace(tzinfo=UTC)
    return local_now() - their_time


def local_now() -> datetime:
    """This computer's clock (a function, so a test can set it wrong)."""
    return datetime.now(UTC)


def _rate_limited(headers: Mapping[str, str], problem: str) -> RateLimited:
    """Which allowance ran out decides how long to wait.

    X sends the 15-minute window (``x-rate-limit-*``) and, for posting, 24-hour
    allowances per user and per app (``x-user-limit-24hour-*``,
    ``x-app-limit-24hour-*``). When a 24-hour one is spent its reset can be most of
    a day away; retrying every 15 minutes would only pay for reads and say "slow
    down until 05:32" all day.
    """
    if "usage-capped" in problem:
        return RateLimited(reset_at=_epoch_or_none(headers.get("x-rate-limit-reset")),
                           monthly_cap=True)
    daily_resets = [_epoch_or_none(headers.get(f"x-{who}-limit-24hour-reset"))
                    for who in ("user", "app")
                    if headers.get(f"x-{who}-limit-24hour-remaining") == "0"]
    daily = [reset for reset in daily_resets if reset is not None]
    if daily:
        return RateLimited(reset_at=max(daily), daily_cap=True)
    return RateLimited(reset_at=_epoch_or_none(headers.get("x-rate-limit-reset")))


def _network_error(exc: BaseException) -> XError:
    if isinstance(exc, requests.ConnectTimeout) or _connection_never_made(exc):
        return Offline(never_connected=True)
    if isinstance(exc, requests.Timeout):
        return Offline(translate("XError", "X took too long to answer."))
    if isinstance(exc, requests.JSONDecodeError):  # e.g. a school Wi-Fi sign-in page
        return Offline(translate("XError", "Something between this computer and X answered "
                                           "instead of X."))
    return Offline()


def _connection_never_made(exc: BaseException) -> bool:
    """No connection to X was made (no network, no name lookup, refused): then X cannot
    have received the request. A connection dropped mid-answer does not count."""
    from urllib3.exceptions import NewConnectionError  # also a failed name lookup

    if not isinstance(exc, requests.ConnectionError):
        return False
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)


def _refusal(status: int, problem: str, codes: list[int], feature: str) -> XError:
    if status == 404 or "deleted or not visible" in problem:
        return RejectedByX("not_found")
    if status in (400, 403) and ("too long" in problem or "shorter" in problem):
        return RejectedByX("too_long", next_step=translate(
            "XError", "Shorten the tweet and try again."))
    if status == 403:
        forbidden = _forbidden(problem, codes, feature)
        if forbidden is not None:
            return forbidden
    if status == 400 and feature == F_PHOTOS:
        return RejectedByX("bad_media", next_step=translate(
            "XError", "Prepare the photo again on the Photos tab, then retry."))
    return RejectedByX("other", translate("XError", "X refused to do that."),
                       translate("XError", "Check what you were doing and try again; tell the "
                                           "head teacher if it keeps happening."))


def _forbidden(problem: str, codes: list[int], feature: str) -> XError | None:
    if "oauth1-permissions" in problem:
        return NotAllowedOnAccessLevel(
            feature,
            translate("XError", "The school's X connection is only allowed to read, not to "
                                "change anything."),
            translate("XError", "Ask the head teacher to give the X developer app 'Read and "
                                "write' permission and then reconnect the account in "
                                "Settings."),
        )
    if "client-not-enrolled" in problem or 453 in codes:
        return NotAllowedOnAccessLevel(feature, translate(
            "XError", "The school's X plan does not allow this ({feature}).").format(
                feature=feature) if feature else None, account_wide=True)
    if "duplicate" in problem:
        return RejectedByX("duplicate", next_step=translate(
            "XError", "Look at the school's timeline: it is almost certainly there already, "
                      "so nothing needs doing."))
    return None


def _problem_text(response: requests.Response) -> str:
    """X's error answers come in three shapes; flatten them for keyword checks."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    parts = [str(body.get(key, "")) for key in ("title", "detail", "type", "reason")]
    for error in body.get("errors") or []:
        if isinstance(error, dict):
            parts.extend(str(error.get(key, "")) for key in ("message", "detail", "type"))
        else:
            parts.append(str(error))
    return " ".join(parts).lower()


# -- keeping secrets out of logs and hangs out of the outbox ---------------

class _TimeoutAdapter(HTTPAdapter):
    """tweepy passes no timeout, and a hung socket would stall the outbox for good."""

    def send(self, request: requests.PreparedRequest, stream: bool = False,
             timeout: float | tuple[float, float] | tuple[float, None] | None = None,
             verify: bool | str = True,
             cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
             proxies: Mapping[str, str] | None = None) -> requests.Response:
        return super().send(request, stream=stream, timeout=timeout or timeout_for(request),
                            verify=verify, cert=cert, proxies=proxies)


def timeout_for(request: requests.PreparedRequest) -> tuple[float, float]:
    """A long wait only for a photo upload; every other call answers quickly or not at all."""
    return UPLOAD_TIMEOUT if urlsplit(request.url or "").path in UPLOAD_PATHS else TIMEOUT


_WATCHED_LOGGERS = ("tweepy", "oauthlib", "requests_oauthlib", "requests", "urllib3")


class _SecretRedactor(logging.Filter):
    """requests-oauthlib logs the signed headers (consumer key, token) at DEBUG.

    A logger's filters only see records made on that very logger, so the
    filter is attached to every logger of the HTTP stack, not to a parent.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def protect(self, credentials: XCredentials) -> None:
        values = (credentials.api_key, credentials.api_secret,
                  credentials.access_token, credentials.access_token_secret)
        self._secrets.update(value for value in values if value)
        for name in list(logging.root.manager.loggerDict):
            if name.split(".")[0] in _WATCHED_LOGGERS:
                logging.getLogger(name).addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: logging reports it itself
            return True
        cleaned = message
        for secret in self._secrets:
            cleaned = cleaned.replace(secret, "<hidden>")
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_REDACTOR = _SecretRedactor()
