"""X API credentials, kept only in the operating system's keyring.

They are never written to the database, a settings file or a log. When the
computer has no usable keyring the app refuses to store them anywhere else
and stays on the sandbox account.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "St Peter's Desk X account"
_FIELDS = ("api_key", "api_secret", "access_token", "access_token_secret")


class KeyringUnavailable(Exception):
    """The OS offers no secure store; we never fall back to a plain file."""

    def __init__(self) -> None:
        super().__init__(
            "This computer has no secure password store the app can use, so the real "
            "X account cannot be connected. On Linux install gnome-keyring (or KWallet) "
            "and sign in again; the app stays on the practice (sandbox) account until then."
        )


@dataclass(frozen=True)
class XCredentials:
    api_key: str
    api_secret: str
    access_token: str
    access_token_secret: str

    def __repr__(self) -> str:  # never let a secret reach a log or a traceback
        return "XCredentials(<hidden>)"

    __str__ = __repr__


def _usable_keyring() -> KeyringBackend:
    """The active keyring backend, refusing keyring's fail and plain-text backends."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable()
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or "insecure" in module:
        raise KeyringUnavailable()
    return backend


def load_credentials() -> XCredentials | None:
    """The stored credentials, or None if the school has not connected X on this computer."""
    backend = _usable_keyring()
    values = [backend.get_password(SERVICE, name) for name in _FIELDS]
    if not all(values):
        return None
    return XCredentials(*[str(v) for v in values])


def save_credentials(credentials: XCredentials) -> None:
    backend = _usable_keyring()
    for name in _FIELDS:
        backend.set_password(SERVICE, name, getattr(credentials, name))


def forget_credentials() -> None:
    import keyring.errors

    backend = _usable_keyring()
    for name in _FIELDS:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            backend.delete_password(SERVICE, name)
