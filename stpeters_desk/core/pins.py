"""Staff PINs: what counts as a good PIN, how it is stored, and the lockout after wrong tries.

A six-digit PIN has only a million values, so the real protection is the
lockout: a few free mistakes, then growing waits, then a lock only the head
teacher (or the head's recovery code) can lift. Hashing with Argon2id makes
each guess at a copied database cost time and memory; its parameters travel
inside the hash, so raising them later upgrades each PIN at its next sign-in.

Argon2 is slow on purpose (tens of milliseconds): call ``verify_pin`` and
``hash_pin`` from a worker thread, never the UI thread.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from stpeters_desk.i18n import translate

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PIN_LENGTH = 6

# At or above OWASP's Argon2id minimum (m=19 MiB, t=2, p=1).
PIN_MEMORY_KIB = 19 * 1024
PIN_TIME_COST = 3
PIN_PARALLELISM = 1



@cache
def _hasher() -> PasswordHasher:
    """Made on first use: argon2 is not needed to draw the sign-in screen."""
    from argon2 import PasswordHasher, Type

    return PasswordHasher(time_cost=PIN_TIME_COST, memory_cost=PIN_MEMORY_KIB,
                          parallelism=PIN_PARALLELISM, hash_len=32, salt_len=16, type=Type.ID)


def validate_new_pin(pin: str) -> str | None:
    """A plain-English reason the PIN is not allowed, or None when it is fine."""
    if not pin:
        return translate("Pins", "Enter a PIN of at least {count} digits.").format(
            count=MIN_PIN_LENGTH)
    if not (pin.isascii() and pin.isdigit()):
        return translate("Pins", "A PIN may only contain the digits 0 to 9.")
    if len(pin) < MIN_PIN_LENGTH:
        return translate("Pins", "A PIN needs at least {count} digits.").format(
            count=MIN_PIN_LENGTH)
    if len(set(pin)) == 1:
        return translate("Pins", "A PIN cannot be the same digit over and over. Choose "
                                 "something harder to guess.")
    if _is_straight_run(pin):
        return translate("Pins", "A PIN cannot be a run of digits like 123456 or 654321. "
                                 "Choose something harder.")
    return None


def _is_straight_run(pin: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(pin)}
    return steps in ({1}, {9})


def hash_pin(pin: str) -> str:
    """An Argon2id hash carrying its own salt and parameters."""
    return _hasher().hash(pin)


def verify_pin(stored: str, pin: str) -> bool:
    """True when ``pin`` matches; a damaged or foreign hash never matches."""
    if not stored or not pin:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(stored, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """True when the hash was made with other parameters than today's."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


class LockState(NamedTuple):
    locked: bool
    wait_until: datetime | None
    message: str

    @property
    def may_try(self) -> bool:
        return not self.locked and self.wait_until is None


FREE = LockState(locked=False, wait_until=None, message="")


class LockoutPolicy(NamedTuple):
    """How long someone must wait after wrong PINs, decided from stored counters alone.

    Because the state is a pure function of what is in the database, closing
    the app or restarting the computer cannot reset it.
    """

    free_failures: int = 3
    delays: tuple[timedelta, ...] = (
        timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2),
        timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=15),
    )
    lock_after: int = 10

    def delay_after(self, failures: int) -> timedelta:
        """The wait imposed once ``failures`` wrong PINs have been typed in a row."""
        if failures <= self.free_failures:
            return timedelta(0)
        index = min(failures - self.free_failures, len(self.delays)) - 1
        return self.delays[index]

    def state(self, failures: int, last_failure_at: datetime | None,
              now: datetime) -> LockState:
        if failures >= self.lock_after:
            return LockState(
                locked=True, wait_until=None,
                message=translate("Pins", "This PIN is locked after {count} wrong tries in a "
                                          "row. The head teacher can unlock it.")
                .format(count=self.lock_after))
        delay = self.delay_after(failures)
        if not delay or last_failure_at is None:
            return FREE
        wait_until = as_utc(last_failure_at) + delay
        remaining = wait_until - as_utc(now)
        if remaining <= timedelta(0):
            return FREE
        return LockState(
            locked=False, wait_until=wait_until,
            message=translate("Pins", "Too many wrong PINs. Try again in {wait}.").format(
                wait=describe_wait(remaining)))


DEFAULT_LOCKOUT = LockoutPolicy()


def describe_wait(remaining: timedelta) -> str:
    """'45 seconds' or '3 minutes', rounded up so the person is never told too little."""
    seconds = math.ceil(remaining.total_seconds())
    if seconds < 60:
        words = translate("Pins", "{count} second") if seconds == 1 \
            else translate("Pins", "{count} seconds")
        return words.format(count=seconds)
    minutes = math.ceil(seconds / 60)
    words = translate("Pins", "{count} minute") if minutes == 1 \
        else translate("Pins", "{count} minutes")
    return words.format(count=minutes)


def as_utc(moment: datetime) -> datetime:
    """Times are compared in UTC; a time without a zone is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
