"""The OS keyring for real: Secret Service through gnome-keyring in CI.

Skipped where the machine has no usable keyring, unless
STPETERS_REQUIRE_REAL_KEYRING is set (CI sets it), where skipping would hide a
broken set-up.
"""

from __future__ import annotations

import os

import keyring
import pytest
from keyring.backends import fail

from stpeters_desk.x.credentials import (
    KeyringUnavailable,
    XCredentials,
    forget_credentials,
    load_credentials,
    save_credentials,
)


@pytest.fixture
def real_keyring() -> None:
    required = bool(os.environ.get("STPETERS_REQUIRE_REAL_KEYRING"))
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        if required:
            pytest.fail("CI expected a real keyring (gnome-keyring) but found none")
        pytest.skip("no OS keyring on this machine")
    try:
        load_credentials()
    except KeyringUnavailable as exc:  # e.g. a developer's keyring that is locked
        if required:
            raise
        pytest.skip(f"the OS keyring is not usable here: {exc}")


def test_credentials_round_trip_through_the_os_keyring(real_keyring: None) -> None:
    secrets = XCredentials("ci-key-0b1c", "ci-secret-2d3e", "42-ci-token-4f5a",
                           "ci-token-secret-6b7c")
    try:
        save_credentials(secrets)
        assert load_credentials() == secrets
    finally:
        forget_credentials()
    assert load_credentials() is None
