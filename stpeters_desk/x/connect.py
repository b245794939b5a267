"""Connecting the school's real X account: the desktop PIN sign-in and a check before saving.

The UI never talks to tweepy; it calls these functions from a worker. The
credentials are checked (who they belong to, what access they carry) before
anything is stored, and they are stored only in the OS keyring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stpeters_desk.i18n import translate
from stpeters_desk.x.credentials import XCredentials
from stpeters_desk.x.errors import CredentialsRejected, Offline
from stpeters_desk.x.models import Account


@dataclass
class PinSignIn:
    """X's sign-in page for the school's developer app, waiting for the PIN X shows."""

    url: str
    api_key: str
    api_secret: str
    handler: Any  # tweepy.OAuth1UserHandler holding the request token

    def __repr__(self) -> str:
        return f"PinSignIn(url={self.url!r})"


def start_pin_sign_in(api_key: str, api_secret: str) -> PinSignIn:
    """Ask X for a sign-in page; the person opens it, signs in as the school and reads a PIN."""
    import requests
    import tweepy

    handler = tweepy.OAuth1UserHandler(api_key, api_secret, callback="oob")
    try:
        url = handler.get_authorization_url()
    except (tweepy.TweepyException, requests.RequestException) as exc:
        raise _sign_in_error(exc) from None
    return PinSignIn(url=url, api_key=api_key, api_secret=api_secret, handler=handler)


def finish_pin_sign_in(sign_in: PinSignIn, pin: str) -> XCredentials:
    import requests
    import tweepy

    try:
        token, secret = sign_in.handler.get_access_token(pin.strip())
    except (tweepy.TweepyException, requests.RequestException) as exc:
        raise _sign_in_error(exc) from None
    return XCredentials(sign_in.api_key, sign_in.api_secret, str(token), str(secret))


def _sign_in_error(exc: Exception) -> CredentialsRejected | Offline:
    """tweepy wraps everything in TweepyException: a network failure is in its chain."""
    import requests

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, requests.ConnectionError | requests.Timeout):
            return Offline()
        cause = cause.__cause__ or cause.__context__
    return CredentialsRejected(
        translate("XError", "X did not accept the sign-in."),
        translate("XError", "Check the developer app's API key and secret, or the PIN X "
                            "showed, and try again."))


def check_credentials(credentials: XCredentials) -> Account:
    """Who the credentials belong to and their access level, read from X itself."""
    from stpeters_desk.x.tweepy_gateway import TweepyGateway

    return TweepyGateway(credentials).account()
