"""The desktop PIN sign-in ("oob") through tweepy, against recorded-style answers from X.

tweepy's OAuth1UserHandler opens its own requests session, so the answers are
served with ``responses`` at the transport level; the real tweepy and
requests-oauthlib code runs, signing included.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from stpeters_desk.x.connect import finish_pin_sign_in, start_pin_sign_in
from stpeters_desk.x.errors import CredentialsRejected, Offline

REQUEST_TOKEN = "https://api.twitter.com/oauth/request_token"
ACCESS_TOKEN = "https://api.twitter.com/oauth/access_token"


@pytest.fixture
def x_oauth() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def test_pin_sign_in_gets_the_schools_tokens(x_oauth: responses.RequestsMock) -> None:
    x_oauth.post(REQUEST_TOKEN, body="oauth_token=reqTok123&oauth_token_secret=reqSec456"
                 "&oauth_callback_confirmed=true",
                 content_type="application/x-www-form-urlencoded")
    x_oauth.post(ACCESS_TOKEN, body="oauth_token=1500000000000000001-accTok789"
                 "&oauth_token_secret=accSec012&user_id=1500000000000000001"
                 "&screen_name=StPetersPilning",
                 content_type="application/x-www-form-urlencoded")
    sign_in = start_pin_sign_in("invented-app-key", "invented-app-secret")
    assert parse_qs(urlsplit(sign_in.url).query)["oauth_token"] == ["reqTok123"]
    assert "invented-app-secret" not in repr(sign_in)
    credentials = finish_pin_sign_in(sign_in, " 1234567 ")
    assert credentials.access_token == "1500000000000000001-accTok789"
    assert credentials.access_token_secret == "accSec012"
    assert credentials.api_key == "invented-app-key"
    request_auth = _text(x_oauth.calls[0].request.headers["Authorization"])
    access_auth = _text(x_oauth.calls[1].request.headers["Authorization"])
    assert 'oauth_callback="oob"' in request_auth
    assert 'oauth_verifier="1234567"' in access_auth  # the PIN, trimmed


def _text(header: str | bytes) -> str:
    return header.decode() if isinstance(header, bytes) else header


def test_wrong_app_keys_are_explained(x_oauth: responses.RequestsMock) -> None:
    x_oauth.post(REQUEST_TOKEN, status=401, json={"errors": [
        {"code": 32, "message": "Could not authenticate you."}]})
    with pytest.raises(CredentialsRejected) as caught:
        start_pin_sign_in("wrong-key", "wrong-secret")
    assert "API key" in caught.value.user_text()


def test_no_network_during_sign_in_says_offline(x_oauth: responses.RequestsMock) -> None:
    import requests

    x_oauth.post(REQUEST_TOKEN, body=requests.ConnectionError("no route to host"))
    with pytest.raises(Offline):
        start_pin_sign_in("invented-app-key", "invented-app-secret")
