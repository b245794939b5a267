"""Credentials live only in the keyring; without a usable one the app stays on the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stpeters_desk.app import choose_gateway
from stpeters_desk.core.settings_registry import REAL_ACCOUNT_CONNECTED
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.x.credentials import (
    KeyringUnavailable,
    XCredentials,
    forget_credentials,
    load_credentials,
    save_credentials,
)
from stpeters_desk.x.sandbox import SandboxGateway
from stpeters_desk.x.tweepy_gateway import TweepyGateway
from tests.keyrings import MemoryKeyring, keyring_backend
from tests.keyrings import no_keyring as fail_backend

SECRETS = XCredentials("unit-key-7f3a", "unit-secret-91bd", "1234-unit-token-c0de",
                       "unit-token-secret-5e6f")


@pytest.fixture
def no_keyring() -> Iterator[None]:
    with keyring_backend(fail_backend()):
        yield


def test_round_trip_and_forget(memory_keyring: MemoryKeyring) -> None:
    assert load_credentials() is None
    save_credentials(SECRETS)
    assert load_credentials() == SECRETS
    forget_credentials()
    assert load_credentials() is None


def test_secrets_never_show_in_repr() -> None:
    assert "unit-secret" not in repr(SECRETS) and "unit-secret" not in str(SECRETS)


def test_fail_backend_is_refused(no_keyring: None) -> None:
    with pytest.raises(KeyringUnavailable, match="gnome-keyring"):
        save_credentials(SECRETS)


def test_sandbox_unless_the_real_account_is_connected(memory_keyring: MemoryKeyring,
                                                      db: Database) -> None:
    settings = SettingsStore(db)
    save_credentials(SECRETS)
    gateway, notice = choose_gateway(db, settings, force_sandbox=False)
    assert isinstance(gateway, SandboxGateway) and notice == ""
    settings.set(REAL_ACCOUNT_CONNECTED.key, "1")
    gateway, notice = choose_gateway(db, settings, force_sandbox=False)
    assert isinstance(gateway, TweepyGateway) and notice == ""
    gateway, _ = choose_gateway(db, settings, force_sandbox=True)
    assert isinstance(gateway, SandboxGateway)


def test_missing_keys_fall_back_to_the_sandbox_and_say_why(memory_keyring: MemoryKeyring,
                                                           db: Database) -> None:
    settings = SettingsStore(db)
    settings.set(REAL_ACCOUNT_CONNECTED.key, "1")
    gateway, notice = choose_gateway(db, settings, force_sandbox=False)
    assert isinstance(gateway, SandboxGateway)
    assert "keyring" in notice and "head teacher" in notice


def test_no_keyring_falls_back_to_the_sandbox(no_keyring: None, db: Database) -> None:
    settings = SettingsStore(db)
    settings.set(REAL_ACCOUNT_CONNECTED.key, "1")
    gateway, notice = choose_gateway(db, settings, force_sandbox=False)
    assert isinstance(gateway, SandboxGateway)
    assert "secure password store" in notice


def test_secrets_never_reach_the_data_folder(memory_keyring: MemoryKeyring, db: Database,
                                             data_dir: Path) -> None:
    settings = SettingsStore(db)
    save_credentials(SECRETS)
    settings.set(REAL_ACCOUNT_CONNECTED.key, "1")
    choose_gateway(db, settings, force_sandbox=False)
    db.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for secret in (SECRETS.api_secret, SECRETS.access_token_secret, SECRETS.api_key):
                assert secret.encode() not in content, path


class LockedKeyring(MemoryKeyring):
    """What Secret Service does when its unlock prompt is cancelled."""

    def get_password(self, service: str, username: str) -> str | None:
        import keyring.errors

        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


def test_a_locked_keyring_falls_back_to_the_sandbox(db: Database) -> None:
    settings = SettingsStore(db)
    settings.set(REAL_ACCOUNT_CONNECTED.key, "1")
    with keyring_backend(LockedKeyring()):
        gateway, notice = choose_gateway(db, settings, force_sandbox=False)
    assert isinstance(gateway, SandboxGateway)
    assert "locked" in notice
