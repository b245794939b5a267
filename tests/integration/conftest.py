"""Fixtures that run the real tweepy gateway against the local fake X API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stpeters_desk.x.credentials import XCredentials
from stpeters_desk.x.tweepy_gateway import TweepyGateway
from tests.integration.fake_x_api import FakeXApi, route_to_fake

# Dummy values shaped like real ones (the access token starts with the user id,
# which tweepy relies on); distinctive enough to search for in logs and messages.
DUMMY_CREDENTIALS = XCredentials(
    api_key="dummyConsumerKeyQx7Tz1",
    api_secret="dummyConsumerSecretZp9Lm4Vb2Nc8",
    access_token="1500000000000000001-dummyAccessTokenK3vR5",
    access_token_secret="dummyTokenSecretW2mRt6Hy0",
)


@pytest.fixture
def credentials() -> XCredentials:
    return DUMMY_CREDENTIALS


@pytest.fixture
def fake_x(credentials: XCredentials) -> Iterator[FakeXApi]:
    api = FakeXApi(credentials.api_key, credentials.api_secret,
                   credentials.access_token, credentials.access_token_secret).start()
    yield api
    api.stop()


def connect(credentials: XCredentials, fake_x: FakeXApi) -> TweepyGateway:
    """A gateway whose tweepy session talks to the fake instead of X."""
    gateway = TweepyGateway(credentials)
    route_to_fake(gateway.client.session, fake_x)
    return gateway


@pytest.fixture
def gateway(credentials: XCredentials, fake_x: FakeXApi) -> Iterator[TweepyGateway]:
    connected = connect(credentials, fake_x)
    yield connected
    connected.client.session.close()
