"""X API credentials, kept only in the operating system's keyring.

They are never written to the database, a settings file or a log. When the
computer has no usable keyring the app refuses to store them anywhere else
and stays on the sandbox account.
"""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.core.keystore import (
    KeyringUnavailable,
    delete_secret,
    read_secret,
    write_secret,
)

PURPOSE = "X account"
_FIELDS = ("api_key", "api_secret", "access_token", "access_token_secret")
_PASSWORD = "account_password"
_GENERATION = "keys generation"  # not a secret: which retirement these keys came after

__all__ = ["KeyringUnavailable", "XCredentials", "forget_credentials", "load_account_password",
           "load_credentials", "load_keys_generation", "save_account_password",
           "save_credentials"]


@dataclass(frozen=True)
class XCredentials:
    api_key: str
    api_secret: str
    access_token: str
    access_token_secret: str

    def __repr__(self) -> str:  # never let a secret reach a log or a traceback
        return "XCredentials(<hidden>)"

    __str__ = __repr__


def load_credentials() -> XCredentials | None:
    """The stored credentials, or None if the school has not connected X on this computer."""
    values = [read_secret(PURPOSE, name) for name in _FIELDS]
    if not all(values):
        return None
    return XCredentials(*[str(v) for v in values])


def save_credentials(credentials: XCredentials) -> None:
    for name in _FIELDS:
        write_secret(PURPOSE, name, getattr(credentials, name))


def save_keys_generation(generation: int) -> None:
    """Note that the keys now in the keyring were connected after ``generation`` times the
    school's X keys were retired (a computer that held them was removed)."""
    write_secret(PURPOSE, _GENERATION, str(generation))


def load_keys_generation() -> int:
    stored = read_secret(PURPOSE, _GENERATION)
    return int(stored) if stored and stored.isdigit() else 0


def forget_credentials() -> None:
    for name in _FIELDS:
        delete_secret(PURPOSE, name)


def save_account_password(password: str) -> None:
    """The X account's own password, for the head teacher to look up: keyring only."""
    write_secret(PURPOSE, _PASSWORD, password)


def load_account_password() -> str | None:
    return read_secret(PURPOSE, _PASSWORD)
