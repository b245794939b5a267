"""Secrets in the operating system's keyring, and nowhere else.

Windows Credential Manager, macOS Keychain or Secret Service on Linux. When
the computer has no usable keyring (keyring's "fail" backend, or a plain-text
backend such as keyrings.alt) we refuse to store secrets at all rather than
fall back to a file that anyone with the data folder could read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from stpeters_desk.i18n import translate

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE_PREFIX = "St Peter's Desk"


class KeyringUnavailable(Exception):
    """The OS offers no secure store; we never fall back to a plain file."""

    def __init__(self) -> None:
        super().__init__(translate(
            "Keystore",
            "This computer has no secure password store the app can use, so the real "
            "X account cannot be connected. On Linux install gnome-keyring (or KWallet) "
            "and sign in again; the app stays on the practice (sandbox) account until then."))


class KeyringLocked(KeyringUnavailable):
    """The store exists but stayed locked (its unlock prompt was cancelled)."""

    def __init__(self) -> None:
        Exception.__init__(self, translate(
            "Keystore",
            "This computer's password store is locked, so the real X account and the pupil "
            "roster cannot be used. Sign out and in again (or unlock the keyring when asked); "
            "the app stays on the practice (sandbox) account until then."))


def usable_keyring() -> KeyringBackend:
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


def service_name(purpose: str) -> str:
    """One keyring entry group per purpose, e.g. "St Peter's Desk X account"."""
    return f"{SERVICE_PREFIX} {purpose}"


def read_secret(purpose: str, name: str) -> str | None:
    with _keyring_errors():
        value = usable_keyring().get_password(service_name(purpose), name)
    return str(value) if value else None


def write_secret(purpose: str, name: str, value: str) -> None:
    with _keyring_errors():
        usable_keyring().set_password(service_name(purpose), name, value)


@contextlib.contextmanager
def _keyring_errors() -> Iterator[None]:
    """A locked or broken store becomes our own error, which callers already handle."""
    import keyring.errors

    try:
        yield
    except keyring.errors.KeyringLocked as exc:
        raise KeyringLocked() from exc
    except keyring.errors.PasswordDeleteError:
        raise
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable() from exc


def delete_secret(purpose: str, name: str) -> None:
    import keyring.errors

    with contextlib.suppress(keyring.errors.PasswordDeleteError), _keyring_errors():
        usable_keyring().delete_password(service_name(purpose), name)
