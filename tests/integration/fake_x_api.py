"""A local stand-in for the X API v2, spoken to over real HTTP.

Mocking tweepy would test nothing that can break: the gateway's risk lies in
tweepy's request building, OAuth 1.0a signing, requests' transport and X's
answer shapes. So tweepy runs unchanged and a transport adapter on its
session sends each request here instead of to api.twitter.com / api.x.com.

The fake checks every request's OAuth 1.0a signature with the dummy secrets,
answers with the JSON shapes and headers X documents (``data``/``includes``/
``meta``, problem objects, ``x-rate-limit-*``, ``x-access-level``), honours the
requested ``*.fields`` like X does, and lets a test script failures for the
next request(s). Every name in the seeded state is invented.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
from oauthlib.oauth1.rfc5849 import signature as oauth_signature
from oauthlib.oauth1.rfc5849 import utils as oauth_utils
from requests.adapters import HTTPAdapter

JSON = dict[str, Any]
X_HOSTS = ("https://api.twitter.com", "https://upload.twitter.com", "https://api.x.com",
           "https://pbs.twimg.com")
PICTURE_HOST = "https://pbs.twimg.com"  # X's picture server: no OAuth, not the API
UPSTREAM_HEADER = "X-Fake-Upstream"
PROBLEMS = "https://api.twitter.com/2/problems"

TWEET_FIELDS = {
    "article", "attachments", "author_id", "card_uri", "community_id", "context_annotations",
    "conversation_id", "created_at", "display_text_range", "edit_controls",
    "edit_history_tweet_ids", "entities", "geo", "id", "in_reply_to_user_id", "lang",
    "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics",
    "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets",
    "reply_settings", "scopes", "source", "text", "withheld",
}
USER_FIELDS = {
    "affiliation", "connection_status", "created_at", "description", "entities", "id",
    "location", "most_recent_tweet_id", "name", "pinned_tweet_id", "profile_banner_url",
    "profile_image_url", "protected", "public_metrics", "receives_your_dm", "subscription_type",
    "url", "username", "verified", "verified_type", "withheld",
}
MEDIA_FIELDS = {
    "alt_text", "duration_ms", "height", "media_key", "non_public_metrics", "organic_metrics",
    "preview_image_url", "promoted_metrics", "public_metrics", "type", "url", "variants",
    "width",
}
EXPANSIONS = {
    "attachments.media_keys", "author_id", "entities.mentions.username", "geo.place_id",
    "in_reply_to_user_id", "referenced_tweets.id", "referenced_tweets.id.author_id",
    "pinned_tweet_id",
}


def x_time(moment: datetime) -> str:
    """X's timestamp format: always UTC, always milliseconds, always 'Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def x_escaped(text: str) -> str:
    """X sends ``&``, ``<`` and ``>`` in text fields as HTML entities (and nothing else)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Links as X finds them, simplified: with a scheme, or a bare domain with a common ending.
_LINK = re.compile(r"https?://\S+|\b(?:[a-z0-9-]+\.)+(?:uk|com|org|net)(?:/\S*)?",
                   re.IGNORECASE)


@dataclass(frozen=True)
class FakeLink:
    """A link X wrapped in t.co: the short form is in the text, the rest in entities."""

    short: str
    expanded: str
    typed: str = ""  # the link as it stands in the posted text; "" for the photo link
    media_key: str | None = None


def wrap_links(text: str, tweet_id: str, media_keys: list[str], handle: str,
               ids: Iterator[int]) -> list[FakeLink]:
    """The t.co links X makes for a new post, the photo link last, as X appends it."""
    links = []
    for match in _LINK.finditer(text):
        found = match.group(0)
        expanded = found if "://" in found else f"http://{found}"
        links.append(FakeLink(f"https://t.co/{next(ids):x}", expanded, found))
    for number, key in enumerate(media_keys[:1], start=1):
        links.append(FakeLink(f"https://t.co/{next(ids):x}",
                              f"https://x.com/{handle}/status/{tweet_id}/photo/{number}",
                              media_key=key))
    return links


def shown_text(text: str, links: list[FakeLink]) -> tuple[str, list[JSON]]:
    """The text as X returns it (links shortened, photo link appended, escaped) and its
    ``entities.urls``, with start/end in code points of the returned text."""
    out = text
    for link in links:
        if link.media_key is None:
            out = out.replace(link.typed, link.short, 1)
    media = [link for link in links if link.media_key]
    if media:
        out = f"{out} {media[0].short}" if out else media[0].short
    escaped = x_escaped(out)
    entities = []
    for link in links:
        start = escaped.find(link.short)
        entity: JSON = {"start": start, "end": start + len(link.short), "url": link.short,
                        "expanded_url": link.expanded,
                        "display_url": link.expanded.split("://", 1)[-1][:26]}
        if link.media_key:
            entity["media_key"] = link.media_key
        entities.append(entity)
    return escaped, entities


# -- state -------------------------------------------------------------------

@dataclass
class FakeUser:
    id: str
    username: str
    name: str
    description: str = ""
    location: str = ""
    created_at: str = "2019-09-02T08:30:00.000Z"
    followers_count: int = 0
    following_count: int = 0
    tweet_count: int = 0
    profile_image_url: str = "https://pbs.twimg.com/profile_images/0/default_normal.png"
    verified: bool = False
    protected: bool = False

    def to_json(self, fields: set[str]) -> JSON:
        out: JSON = {"id": self.id, "name": self.name, "username": self.username}
        optional: JSON = {
            "description": x_escaped(self.description),
            "location": self.location,
            "created_at": self.created_at,
            "profile_image_url": self.profile_image_url,
            "verified": self.verified,
            "protected": self.protected,
            "public_metrics": {
                "followers_count": self.followers_count,
                "following_count": self.following_count,
                "tweet_count": self.tweet_count,
                "listed_count": 0,
                "like_count": 0,
                "media_count": 0,
            },
        }
        out.update({key: value for key, value in optional.items() if key in fields})
        return out


@dataclass
class FakeTweet:
    id: str
    text: str
    author_id: str
    created_at: str
    conversation_id: str
    in_reply_to_user_id: str | None = None
    replied_to: str | None = None
    media_keys: list[str] = field(default_factory=list)
    reply_settings: str = "everyone"
    like_count: int = 0
    reply_count: int = 0
    links: list[FakeLink] = field(default_factory=list)

    def to_json(self, fields: set[str]) -> JSON:
        text, urls = shown_text(self.text, self.links)
        out: JSON = {"id": self.id, "text": text, "edit_history_tweet_ids": [self.id]}
        optional: JSON = {
            "author_id": self.author_id,
            "created_at": self.created_at,
            "conversation_id": self.conversation_id,
            "public_metrics": {
                "retweet_count": 0, "reply_count": self.reply_count,
                "like_count": self.like_count, "quote_count": 0,
                "bookmark_count": 0, "impression_count": 0,
            },
        }
        if self.in_reply_to_user_id:
            optional["in_reply_to_user_id"] = self.in_reply_to_user_id
        if self.replied_to:
            optional["referenced_tweets"] = [{"type": "replied_to", "id": self.replied_to}]
        if self.media_keys:
            optional["attachments"] = {"media_keys": list(self.media_keys)}
        if urls:
            optional["entities"] = {"urls": urls}
        out.update({key: value for key, value in optional.items() if key in fields})
        return out


@dataclass
class FakeMedia:
    id: str
    media_key: str
    data: bytes
    media_category: str
    image_type: str
    alt_text: str | None = None


@dataclass
class FakePicture:
    """A picture on a reply, as X lists it in ``includes.media`` and serves it."""

    media_key: str
    kind: str  # "photo", "video" or "animated_gif"
    data: bytes
    content_type: str = "image/png"
    width: int = 64
    height: int = 48

    @property
    def path(self) -> str:
        folder = "media" if self.kind == "photo" else "ext_tw_video_thumb"
        return f"/{folder}/{self.media_key}.png"

    def to_json(self, fields: set[str]) -> JSON:
        out: JSON = {"media_key": self.media_key, "type": self.kind}
        address = PICTURE_HOST + self.path
        optional: JSON = {"width": self.width, "height": self.height}
        # X: a photo has ``url``; a video or GIF only ``preview_image_url``
        optional["url" if self.kind == "photo" else "preview_image_url"] = address
        out.update({key: value for key, value in optional.items() if key in fields})
        return out


@dataclass
class RecordedRequest:
    """What reached the fake, for tests that assert on the wire format."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    authorization: str
    upstream: str
    raw_query: str = ""


@dataclass
class Scripted:
    """A canned answer for the next request, whatever it asks for."""

    status: int = 200
    body: JSON | None = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the socket without answering
    drop_after_processing: bool = False  # X does the work, then the answer is lost
    only: tuple[str, str] | None = None  # (method, path): wait for that request
    raw: bytes | None = None  # a picture's bytes, sent as they are


@dataclass
class FakeXState:
    me: FakeUser
    users: dict[str, FakeUser] = field(default_factory=dict)
    timeline: list[FakeTweet] = field(default_factory=list)  # own posts, newest first
    mentions: list[FakeTweet] = field(default_factory=list)  # newest first
    followers: list[str] = field(default_factory=list)  # newest first, as X lists them
    following: list[str] = field(default_factory=list)
    muted: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    hidden: set[str] = field(default_factory=set)
    media: dict[str, FakeMedia] = field(default_factory=dict)
    pictures: dict[str, FakePicture] = field(default_factory=dict)  # by media key
    access_level: str = "read-write"
    ids: Iterator[int] = field(default_factory=lambda: count(1_861_000_000_000_000_001))
    clock_behind_seconds: float = 0.0  # X's clock behind the test computer's
    unlisted: set[str] = field(default_factory=set)  # posted, not yet in the timeline reads
    list_new_posts: bool = True  # False: new posts stay out of timeline reads for now
    link_ids: Iterator[int] = field(default_factory=lambda: count(0x5A1D0000))

    def now(self) -> datetime:
        return datetime.fromtimestamp(time.time() - self.clock_behind_seconds, UTC)

    def next_id(self) -> str:
        return str(next(self.ids))

    def user(self, user_id: str) -> FakeUser | None:
        return self.me if user_id == self.me.id else self.users.get(user_id)

    def add_user(self, user: FakeUser) -> FakeUser:
        self.users[user.id] = user
        return user

    def new_follower(self, user: FakeUser) -> FakeUser:
        """Someone follows the school now: X lists them first."""
        self.add_user(user)
        self.followers.insert(0, user.id)
        self.me.followers_count = len(self.followers)
        return user

    def unfollow(self, user_id: str) -> None:
        self.followers.remove(user_id)
        self.me.followers_count = len(self.followers)

    def tweet(self, tweet_id: str) -> FakeTweet | None:
        for tweet in [*self.timeline, *self.mentions]:
            if tweet.id == tweet_id:
                return tweet
        return None

    def add_mention(self, author: FakeUser, text: str, reply_to: FakeTweet | None = None,
                    when: datetime | None = None) -> FakeTweet:
        tweet_id = self.next_id()
        mention = FakeTweet(
            id=tweet_id, text=text, author_id=author.id,
            created_at=x_time(when or datetime.now(UTC)),
            conversation_id=reply_to.conversation_id if reply_to else tweet_id,
            in_reply_to_user_id=reply_to.author_id if reply_to else self.me.id,
            replied_to=reply_to.id if reply_to else None,
        )
        if reply_to:
            reply_to.reply_count += 1
        self.mentions.insert(0, mention)
        return mention

    def attach_picture(self, tweet: FakeTweet, data: bytes, kind: str = "photo",
                       content_type: str = "image/png") -> FakePicture:
        """Someone's reply carries a picture (a photo, or a video's preview still)."""
        prefix = {"photo": "3", "video": "7", "animated_gif": "16"}[kind]
        picture = FakePicture(f"{prefix}_{self.next_id()}", kind, data, content_type)
        self.pictures[picture.media_key] = picture
        tweet.media_keys.append(picture.media_key)
        return picture


def seeded_state(user_id: str) -> FakeXState:
    """A small invented school world; ``user_id`` must match the dummy access token."""
    me = FakeUser(id=user_id, username="StPetersDeskDemo", name="St Peter's Primary (demo)",
                  description="Invented school account for tests.", location="Nowhereshire",
                  created_at="2015-01-05T09:00:00.000Z")
    state = FakeXState(me=me)
    followers = [
        ("Ada Inventa", "ada_inventa_fake"), ("Bram Madeup", "bram_madeup_fake"),
        ("Cleo Fictional", "cleo_fictional_fake"), ("Dev Placeholder", "dev_placeholder_fake"),
        ("Edda Notreal", "edda_notreal_fake"), ("Finn Sampleton", "finn_sampleton_fake"),
        ("Gwen Testworth", "gwen_testworth_fake"),
    ]
    for number, (name, handle) in enumerate(followers, start=1):
        user = state.add_user(FakeUser(
            id=str(900_000 + number), username=handle, name=name,
            description=f"Invented follower number {number}.", location="Testville",
            followers_count=number * 10, following_count=number * 3, tweet_count=number * 7))
        state.followers.append(user.id)
    state.blocked.append(state.add_user(FakeUser(
        id="900100", username="spam_o_matic_fake", name="Spam O'Matic")).id)
    me.followers_count = len(state.followers)
    for text, hours_ago in (("Welcome back to the autumn term!", 30),
                            ("Harvest festival donations on Friday, thank you.", 6)):
        state.timeline.insert(0, FakeTweet(
            id=state.next_id(), text=text, author_id=me.id,
            created_at=x_time(datetime.fromtimestamp(time.time() - hours_ago * 3600, UTC)),
            conversation_id="", like_count=3, reply_count=0))
        state.timeline[0].conversation_id = state.timeline[0].id
    me.tweet_count = len(state.timeline)
    return state


# -- failures a test can script ---------------------------------------------

def _problem(status: int, title: str, detail: str, kind: str = "about:blank", **extra: Any) -> JSON:
    return {"title": title, "detail": detail, "type": kind, "status": status, **extra}


def failure(kind: str, *, reset: int | None = None, status: int = 500) -> Scripted:
    """One of the answers X gives when something is wrong, by name."""
    builders: dict[str, Callable[[], Scripted]] = {
        "unauthorized": lambda: Scripted(401, _problem(401, "Unauthorized", "Unauthorized")),
        "client_not_enrolled": lambda: Scripted(403, {
            "client_id": "31415926",
            "detail": "When authenticating requests to the Twitter API v2 endpoints, you must "
                      "use keys and tokens from a Twitter developer App that is attached to a "
                      "Project. You can create a project via the developer portal.",
            "registration_url": "https://developer.twitter.com/en/docs/projects/overview",
            "title": "Client Forbidden",
            "required_enrollment": "Appropriate Level of API Access",
            "reason": "client-not-enrolled",
            "type": f"{PROBLEMS}/client-forbidden",
        }),
        "code_453": lambda: Scripted(403, {"errors": [{
            "message": "You currently have access to a subset of X API V2 endpoints and "
                       "limited v1.1 endpoints (e.g. media post, oauth) only. If you need "
                       "access to this endpoint, you may need a different access level.",
            "code": 453,
        }]}),
        "oauth1_permissions": lambda: Scripted(403, _problem(
            403, "Forbidden", "Your client app is not configured with the appropriate oauth1 "
            "app permissions for this endpoint.", f"{PROBLEMS}/oauth1-permissions")),
        "duplicate": lambda: Scripted(403, _duplicate_body()),
        "too_long": lambda: Scripted(403, _too_long_body()),
        "not_found": lambda: Scripted(404, _not_found_body("0")),
        "credits": lambda: Scripted(402, _problem(
            402, "CreditsDepleted", "Your account does not have any credits to fulfill this "
            "request.", f"{PROBLEMS}/credits")),
        "rate_limited": lambda: Scripted(
            429, _problem(429, "Too Many Requests", "Too Many Requests"),
            _rate_headers(limit=100, remaining=0, reset=reset)),
        # X's 24-hour cap: the 15-minute window still has room, the day's does not, and the
        # day's reset is hours away (here 19), as recorded from the real API.
        "daily_capped": lambda: Scripted(
            429, _problem(429, "Too Many Requests", "Too Many Requests"),
            {**_rate_headers(limit=100, remaining=99),
             **_daily_headers("user", remaining=0, reset=reset)}),
        "app_daily_capped": lambda: Scripted(
            429, _problem(429, "Too Many Requests", "Too Many Requests"),
            {**_rate_headers(limit=100, remaining=99),
             **_daily_headers("app", remaining=0, reset=reset)}),
        "usage_capped": lambda: Scripted(429, {
            "title": "UsageCapExceeded", "detail": "Usage cap exceeded: Monthly product cap",
            "type": f"{PROBLEMS}/usage-capped", "period": "Monthly", "scope": "Product",
        }, _rate_headers(limit=100, remaining=0, reset=reset)),
        "server_error": lambda: Scripted(status, _problem(
            status, "Internal Server Error", "Something went wrong on X's side.")),
        "drop": lambda: Scripted(drop=True),
        "accepted_then_dropped": lambda: Scripted(drop_after_processing=True),
    }
    return builders[kind]()


def _duplicate_body() -> JSON:
    return _problem(403, "Forbidden",
                    "You are not allowed to create a Tweet with duplicate content.")


def _too_long_body() -> JSON:
    return _problem(403, "Forbidden", "Your Tweet text is too long. For more information on "
                    "how X determines text length, see https://github.com/twitter/twitter-text.")


def _not_found_body(resource_id: str) -> JSON:
    return {
        "errors": [{
            "value": resource_id, "detail": f"Could not find tweet with id: [{resource_id}].",
            "title": "Not Found Error", "resource_type": "tweet", "parameter": "id",
            "resource_id": resource_id, "type": f"{PROBLEMS}/resource-not-found",
        }],
        "title": "Not Found Error", "detail": "Could not find the requested resource.",
        "type": f"{PROBLEMS}/resource-not-found",
    }


def _invalid(message: str, parameter: str = "", value: str = "") -> tuple[int, JSON]:
    error: JSON = {"message": message}
    if parameter:
        error["parameters"] = {parameter: [value]}
    return 400, {"errors": [error], "title": "Invalid Request",
                 "detail": "One or more parameters to your request was invalid.",
                 "type": f"{PROBLEMS}/invalid-request"}


class _Refused(Exception):
    """Raised deep in a route so the answer X would give goes straight back."""

    def __init__(self, answer: tuple[int, JSON]) -> None:
        super().__init__(answer[0])
        self.answer = answer


def _daily_headers(who: str, remaining: int, reset: int | None = None,
                   limit: int = 100) -> dict[str, str]:
    """X's separate 24-hour allowance (``x-user-limit-24hour-*`` or ``x-app-limit-...``),
    whose reset is its own, not the 15-minute window's."""
    reset = reset if reset is not None else int(time.time()) + 19 * 3600
    prefix = f"x-{who}-limit-24hour"
    return {f"{prefix}-limit": str(limit), f"{prefix}-remaining": str(remaining),
            f"{prefix}-reset": str(reset)}


def _rate_headers(limit: int, remaining: int, reset: int | None = None) -> dict[str, str]:
    reset = reset if reset is not None else int(time.time()) + 900
    return {"x-rate-limit-limit": str(limit), "x-rate-limit-remaining": str(remaining),
            "x-rate-limit-reset": str(reset)}


# -- the server --------------------------------------------------------------

Answer = tuple[int, JSON]


class FakeXApi:
    """Owns the server thread, the state, the scripted failures and the request log."""

    def __init__(self, consumer_key: str, consumer_secret: str, access_token: str,
                 access_token_secret: str) -> None:
        self.consumer_key, self.consumer_secret = consumer_key, consumer_secret
        self.access_token, self.access_token_secret = access_token, access_token_secret
        self.state = seeded_state(access_token.partition("-")[0])
        self.requests: list[RecordedRequest] = []
        self.auth_failures: list[str] = []
        self._script: list[Scripted] = []
        self._remaining: dict[str, int] = {}
        self.last_response_headers: dict[str, str] = {}  # the latest answer's, for tests
        self._posts_today = 0
        self._day_reset = int(time.time()) + 19 * 3600  # the day's window, not 15 minutes
        self._lock = threading.Lock()
        self._stopped = False
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.api = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        name="fake-x-api", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeXApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Idempotent, so a test can take X away and the fixture still tidies up."""
        if self._stopped:
            return
        self._stopped = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def fail_next(self, kind: str, times: int = 1, only: tuple[str, str] | None = None,
                  **options: Any) -> None:
        """The next ``times`` requests get X's answer for ``kind`` (see ``failure``);
        with ``only=("POST", "/2/tweets")``, the next requests to that endpoint."""
        with self._lock:
            for _ in range(times):
                scripted = failure(kind, **options)
                scripted.only = only
                self._script.append(scripted)

    def _scripted_for(self, request: RecordedRequest) -> Scripted | None:
        for index, scripted in enumerate(self._script):
            if scripted.only is None or scripted.only == (request.method, request.path):
                return self._script.pop(index)
        return None

    def requests_to(self, method: str, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method and r.path == path]

    # -- called from the handler thread --

    def answer(self, request: RecordedRequest, content_type: str) -> Scripted:
        with self._lock:
            self.requests.append(request)
            if request.upstream == PICTURE_HOST:
                return self._picture(request.path)
            problem = self._check_oauth(request)
            if problem:
                self.auth_failures.append(problem)
                return failure("unauthorized")
            scripted = self._scripted_for(request)
            if scripted is not None and not scripted.drop_after_processing:
                return scripted
            status, body = _Routes(self.state).dispatch(request, content_type)
            if scripted is not None:
                return Scripted(drop=True)
            return Scripted(status, body, self._headers_for(request))

    def _picture(self, path: str) -> Scripted:
        """pbs.twimg.com: the bytes, with their type; no OAuth, no rate headers."""
        for picture in self.state.pictures.values():
            if picture.path == path:
                return Scripted(200, None, {"content-type": picture.content_type},
                                raw=picture.data)
        return Scripted(404, None, {"content-type": "text/html"}, raw=b"gone")

    def _headers_for(self, request: RecordedRequest) -> dict[str, str]:
        key = request.method + " " + re.sub(r"/\d{3,}", "/:id", request.path)
        limit = 100 if request.method == "POST" else 900
        self._remaining[key] = max(0, self._remaining.get(key, limit) - 1)
        headers = _rate_headers(limit, self._remaining[key])
        if key == "POST /2/tweets":
            self._posts_today += 1
            headers.update(_daily_headers("user", remaining=max(0, 100 - self._posts_today),
                                          reset=self._day_reset))
        return headers

    def _check_oauth(self, request: RecordedRequest) -> str:
        """X answers 401 to anything not signed with the app's and the account's keys."""
        header = request.authorization
        if not header.startswith("OAuth "):
            return "no OAuth 1.0a Authorization header"
        try:
            params = {key: oauth_utils.unescape(value)
                      for key, value in oauth_utils.parse_authorization_header(header)}
        except ValueError:
            return "malformed Authorization header"
        expected = {"oauth_consumer_key": self.consumer_key, "oauth_token": self.access_token,
                    "oauth_signature_method": "HMAC-SHA1", "oauth_version": "1.0"}
        for name, value in expected.items():
            if params.get(name) != value:
                return f"wrong or missing {name}"
        if not params.get("oauth_nonce") or not params.get("oauth_timestamp"):
            return "missing nonce or timestamp"
        if not self._signature_ok(request, params.get("oauth_signature", "")):
            return "bad signature"
        return ""

    def _signature_ok(self, request: RecordedRequest, signature: str) -> bool:
        uri = request.upstream + request.path
        collected = oauth_signature.collect_parameters(
            uri_query=request.raw_query, headers={"Authorization": request.authorization},
            exclude_oauth_signature=True, with_realm=False)
        base = oauth_signature.signature_base_string(
            request.method, oauth_signature.base_string_uri(uri),
            oauth_signature.normalize_parameters(collected))
        key = (f"{oauth_utils.escape(self.consumer_secret)}&"
               f"{oauth_utils.escape(self.access_token_secret)}")
        digest = hmac.new(key.encode(), base.encode(), hashlib.sha1).digest()
        return hmac.compare_digest(base64.b64encode(digest).decode(), signature)


class _Handler(BaseHTTPRequestHandler):
    server_version = "tsa_fake"

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def _handle(self) -> None:
        api: FakeXApi = self.server.api  # type: ignore[attr-defined]
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = urlsplit(self.path)
        request = RecordedRequest(
            method=self.command, path=target.path,
            query=dict(parse_qsl(target.query, keep_blank_values=True)),
            body=_decode_body(raw), authorization=self.headers.get("Authorization", ""),
            upstream=self.headers.get(UPSTREAM_HEADER, "https://api.twitter.com"),
            raw_query=target.query,
        )
        answer = api.answer(request, self.headers.get("Content-Type", ""))
        if answer.drop:
            self.close_connection = True
            return
        self._respond(answer, api)

    def _respond(self, answer: Scripted, api: FakeXApi) -> None:
        if answer.raw is not None:
            self.send_response(answer.status)
            self.send_header("content-type", answer.headers.get("content-type", ""))
            self.send_header("content-length", str(len(answer.raw)))
            self.end_headers()
            self.wfile.write(answer.raw)
            return
        payload = json.dumps(answer.body or {}).encode()
        self.send_response(answer.status)
        headers = {**_rate_headers(900, 899), **answer.headers,
                   "content-type": "application/json; charset=utf-8",
                   "content-length": str(len(payload)),
                   "x-access-level": api.state.access_level, "api-version": "2.167"}
        api.last_response_headers = headers
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)


def _decode_body(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


# -- the endpoints the gateway uses -----------------------------------------

class _Routes:
    """One request against the state; the caller holds the lock."""

    def __init__(self, state: FakeXState) -> None:
        self.state = state

    def dispatch(self, request: RecordedRequest, content_type: str) -> Answer:
        table: list[tuple[str, str, Callable[..., Answer]]] = [
            ("GET", r"/2/users/me", self.get_me),
            ("POST", r"/2/tweets", self.create_tweet),
            ("DELETE", r"/2/tweets/(?P<tweet_id>\d+)", self.delete_tweet),
            ("PUT", r"/2/tweets/(?P<tweet_id>\d+)/hidden", self.hide_reply),
            ("GET", r"/2/users/(?P<user_id>\d+)/tweets", self.user_tweets),
            ("GET", r"/2/users/(?P<user_id>\d+)/mentions", self.user_mentions),
            ("GET", r"/2/users/(?P<user_id>\d+)/(?P<kind>followers|following|muting|blocking)",
             self.user_list),
            ("POST", r"/2/users/(?P<user_id>\d+)/muting", self.mute),
            ("DELETE", r"/2/users/(?P<user_id>\d+)/muting/(?P<target>\d+)", self.unmute),
            ("POST", r"/2/media/upload", self.media_upload),
            ("POST", r"/2/media/metadata", self.media_metadata),
        ]
        for method, pattern, handler in table:
            match = re.fullmatch(pattern, request.path)
            if method == request.method and match:
                if method in ("POST", "PUT") and "application/json" not in content_type:
                    return _invalid("Content-Type must be application/json.")
                try:
                    return handler(request, **match.groupdict())
                except _Refused as refused:
                    return refused.answer
        return 404, {"errors": [{"message": "Sorry, that page does not exist", "code": 34}]}

    # -- users --

    def get_me(self, request: RecordedRequest) -> Answer:
        fields = _fields(request, "user.fields", USER_FIELDS)
        return 200, {"data": self.state.me.to_json(fields)}

    def user_list(self, request: RecordedRequest, user_id: str, kind: str) -> Answer:
        if kind in ("muting", "blocking") and user_id != self.state.me.id:
            return 403, _problem(403, "Forbidden", "You are not permitted to perform this action.")
        ids = {"followers": self.state.followers, "following": self.state.following,
               "muting": self.state.muted, "blocking": self.state.blocked}[kind]
        fields = _fields(request, "user.fields", USER_FIELDS)
        start, stop, meta = _page(request, len(ids), low=1, high=1000, default=100)
        users = [u.to_json(fields) for u in (self.state.user(i) for i in ids[start:stop]) if u]
        return 200, ({"data": users, "meta": meta} if users else {"meta": meta})

    def mute(self, request: RecordedRequest, user_id: str) -> Answer:
        target = str((request.body or {}).get("target_user_id", ""))
        if user_id != self.state.me.id:
            return 403, _problem(403, "Forbidden", "You are not permitted to perform this action.")
        if self.state.user(target) is None:
            return _invalid(f"The `target_user_id` value [{target}] is not a user.",
                            "target_user_id", target)
        if target not in self.state.muted:
            self.state.muted.insert(0, target)
        return 200, {"data": {"muting": True}}

    def unmute(self, request: RecordedRequest, user_id: str, target: str) -> Answer:
        if user_id != self.state.me.id:
            return 403, _problem(403, "Forbidden", "You are not permitted to perform this action.")
        if target in self.state.muted:
            self.state.muted.remove(target)
        return 200, {"data": {"muting": False}}

    # -- posts --

    def user_tweets(self, request: RecordedRequest, user_id: str) -> Answer:
        if user_id != self.state.me.id:
            return 404, _not_found_body(user_id)
        listed = [t for t in self.state.timeline if t.id not in self.state.unlisted]
        return self._timeline(request, listed)

    def user_mentions(self, request: RecordedRequest, user_id: str) -> Answer:
        if user_id != self.state.me.id:
            return 404, _not_found_body(user_id)
        return self._timeline(request, self.state.mentions)

    def _timeline(self, request: RecordedRequest, source: list[FakeTweet]) -> Answer:
        fields = _fields(request, "tweet.fields", TWEET_FIELDS)
        user_fields = _fields(request, "user.fields", USER_FIELDS)
        expansions = _fields(request, "expansions", EXPANSIONS)
        since = request.query.get("since_id")
        tweets = [t for t in source if not since or int(t.id) > int(since)]
        start, stop, meta = _page(request, len(tweets), low=5, high=100, default=10)
        chosen = tweets[start:stop]
        if not chosen:
            return 200, {"meta": {"result_count": 0}}
        meta.update(newest_id=chosen[0].id, oldest_id=chosen[-1].id)
        if "author_id" in expansions:
            fields = fields | {"author_id"}
        media_fields = _fields(request, "media.fields", MEDIA_FIELDS)
        body: JSON = {"data": [t.to_json(fields) for t in chosen], "meta": meta}
        includes: JSON = {}
        if "author_id" in expansions:
            authors = {t.author_id: self.state.user(t.author_id) for t in chosen}
            includes["users"] = [u.to_json(user_fields) for u in authors.values() if u]
        if "attachments.media_keys" in expansions:
            keys = [key for t in chosen for key in t.media_keys]
            media = [self.state.pictures[key].to_json(media_fields) for key in keys
                     if key in self.state.pictures]
            if media:
                includes["media"] = media
        if includes:
            body["includes"] = includes
        return 200, body

    def create_tweet(self, request: RecordedRequest) -> Answer:
        body = request.body if isinstance(request.body, dict) else {}
        text = unicodedata.normalize("NFC", str(body.get("text", "")))  # X stores NFC
        media_ids = [str(m) for m in (body.get("media") or {}).get("media_ids", [])]
        reply_id = (body.get("reply") or {}).get("in_reply_to_tweet_id")
        reply_settings = str(body.get("reply_settings") or "everyone")
        if reply_settings not in ("everyone", "mentionedUsers", "following", "subscribers",
                                  "verified"):
            return _invalid("Invalid reply_settings.", "reply_settings", reply_settings)
        if not text and not media_ids:
            return _invalid("Post text or media is required.", "text")
        if len(text) > 280:
            return 403, _too_long_body()
        if text and any(t.text == text for t in self.state.timeline):
            return 403, _duplicate_body()
        unknown = [m for m in media_ids if m not in self.state.media]
        if unknown or len(media_ids) > 4:
            return _invalid("Your media IDs are invalid.", "media.media_ids", ",".join(unknown))
        parent = self.state.tweet(str(reply_id)) if reply_id else None
        if reply_id and parent is None:
            return 403, _problem(403, "Forbidden", "You attempted to reply to a Tweet that is "
                                 "deleted or not visible to you.")
        return 201, {"data": self._publish(text, media_ids, parent, reply_settings)}

    def _publish(self, text: str, media_ids: list[str], parent: FakeTweet | None,
                 reply_settings: str = "everyone") -> JSON:
        tweet_id = self.state.next_id()
        media_keys = [self.state.media[m].media_key for m in media_ids]
        tweet = FakeTweet(
            id=tweet_id, text=text, author_id=self.state.me.id,
            created_at=x_time(self.state.now()),
            conversation_id=parent.conversation_id if parent else tweet_id,
            in_reply_to_user_id=parent.author_id if parent else None,
            replied_to=parent.id if parent else None,
            media_keys=media_keys, reply_settings=reply_settings,
            links=wrap_links(text, tweet_id, media_keys, self.state.me.username,
                             self.state.link_ids),
        )
        if parent:
            parent.reply_count += 1
        self.state.timeline.insert(0, tweet)
        if not self.state.list_new_posts:
            self.state.unlisted.add(tweet_id)
        self.state.me.tweet_count += 1
        shown, _urls = shown_text(text, tweet.links)
        return {"id": tweet_id, "text": shown, "edit_history_tweet_ids": [tweet_id]}

    def delete_tweet(self, request: RecordedRequest, tweet_id: str) -> Answer:
        for tweet in self.state.timeline:
            if tweet.id == tweet_id:
                self.state.timeline.remove(tweet)
                self.state.me.tweet_count -= 1
                return 200, {"data": {"deleted": True}}
        if any(t.id == tweet_id for t in self.state.mentions):
            return 403, _problem(403, "Forbidden",
                                 "You are not allowed to delete a Tweet you did not create.")
        return 404, _not_found_body(tweet_id)

    def hide_reply(self, request: RecordedRequest, tweet_id: str) -> Answer:
        body = request.body if isinstance(request.body, dict) else {}
        if not isinstance(body.get("hidden"), bool):
            return _invalid("`hidden` must be true or false.", "hidden")
        reply = next((t for t in self.state.mentions if t.id == tweet_id), None)
        own_conversations = {t.conversation_id for t in self.state.timeline}
        if reply is None or reply.conversation_id not in own_conversations:
            return 403, _problem(403, "Forbidden", "You cannot hide or unhide replies to a "
                                 "conversation you did not start.")
        (self.state.hidden.add if body["hidden"] else self.state.hidden.discard)(tweet_id)
        return 200, {"data": {"hidden": body["hidden"]}}

    # -- media --

    def media_upload(self, request: RecordedRequest) -> Answer:
        body = request.body if isinstance(request.body, dict) else {}
        if "media" not in body or "media_category" not in body:
            return _invalid("`media` and `media_category` are required.", "media")
        try:
            data = base64.b64decode(str(body["media"]), validate=True)
        except (binascii.Error, ValueError):
            return _invalid("`media` is not valid base64.", "media")
        image_type = _image_type(data)
        if image_type is None:
            return _invalid("InvalidMedia: unsupported or corrupt image.", "media")
        media_id = self.state.next_id()
        self.state.media[media_id] = FakeMedia(
            id=media_id, media_key=f"3_{media_id}", data=data,
            media_category=str(body["media_category"]), image_type=image_type)
        return 200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(data),
                              "expires_after_secs": 86400,
                              "image": {"image_type": image_type, "w": 1, "h": 1}}}

    def media_metadata(self, request: RecordedRequest) -> Answer:
        body = request.body if isinstance(request.body, dict) else {}
        media = self.state.media.get(str(body.get("id", "")))
        text = ((body.get("metadata") or {}).get("alt_text") or {}).get("text")
        if media is None:
            return _invalid("Unknown media id.", "id", str(body.get("id", "")))
        if not isinstance(text, str) or not 0 < len(text) <= 1000:
            return _invalid("Alt text must be 1 to 1000 characters.", "metadata.alt_text.text")
        media.alt_text = text
        return 200, {"data": {"id": media.id,
                              "associated_metadata": {"alt_text": {"text": text}}}}


def _image_type(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _fields(request: RecordedRequest, name: str, allowed: set[str]) -> set[str]:
    """X refuses unknown field names with a 400, so a typo in the gateway shows up here."""
    raw = request.query.get(name, "")
    values = {v for v in raw.split(",") if v}
    bad = sorted(values - allowed)
    if bad:
        raise _Refused(_invalid(f"The `{name}` query parameter value [{bad[0]}] is not one of "
                        f"[{','.join(sorted(allowed))}]", name, bad[0]))
    return values


def _page(request: RecordedRequest, total: int, *, low: int, high: int,
          default: int) -> tuple[int, int, JSON]:
    """X's paging: ``max_results`` within the endpoint's range, opaque next/previous tokens."""
    raw_size = request.query.get("max_results", str(default))
    if not raw_size.isdigit() or not low <= int(raw_size) <= high:
        raise _Refused(_invalid(f"The `max_results` query parameter value [{raw_size}] is not "
                                f"between {low} and {high}", "max_results", raw_size))
    token = request.query.get("pagination_token")
    start = _token_offset(token) if token else 0
    if start is None:
        raise _Refused(_invalid(f"The `pagination_token` query parameter value [{token}] is "
                                "not valid", "pagination_token", token or ""))
    stop = min(total, start + int(raw_size))
    meta: JSON = {"result_count": max(0, stop - start)}
    if stop < total:
        meta["next_token"] = _token_for(stop)
    if start > 0:
        meta["previous_token"] = _token_for(max(0, start - int(raw_size)))
    return start, stop, meta


def _token_for(offset: int) -> str:
    return "7140dibdnow9c7btw3w2" + base64.b32encode(f"o{offset}".encode()).decode().lower()


def _token_offset(token: str) -> int | None:
    prefix = "7140dibdnow9c7btw3w2"
    if not token.startswith(prefix):
        return None
    try:
        decoded = base64.b32decode(token[len(prefix):].upper()).decode()
    except (binascii.Error, ValueError):
        return None
    return int(decoded[1:]) if decoded.startswith("o") and decoded[1:].isdigit() else None


# -- sending the real tweepy traffic here -----------------------------------

class LocalXAdapter(HTTPAdapter):
    """Rewrites https://api.twitter.com/... to the fake, after OAuth has signed it."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url

    def send(self, request: requests.PreparedRequest, stream: bool = False,
             timeout: float | tuple[float | None, float | None] | None = None,
             verify: bool | str = True, cert: str | tuple[str, str] | None = None,
             proxies: dict[str, str] | None = None) -> requests.Response:
        parts = urlsplit(request.url or "")
        request.headers[UPSTREAM_HEADER] = f"{parts.scheme}://{parts.netloc}"
        query = f"?{parts.query}" if parts.query else ""
        request.url = f"{self.base_url}{parts.path}{query}"
        # proxies from the environment must not catch the local hop
        return super().send(request, stream=stream, timeout=timeout or 10, verify=verify,
                            cert=cert, proxies={})


def route_to_fake(session: requests.Session, api: FakeXApi) -> LocalXAdapter:
    """Mount the adapter for every host tweepy or the gateway may call."""
    adapter = LocalXAdapter(api.url)
    for host in X_HOSTS:
        session.mount(host, adapter)
    return adapter
