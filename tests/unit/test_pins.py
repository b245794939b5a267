"""PINs: which are allowed, how they are hashed, and how long someone waits after wrong tries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError

from stpeters_desk.core.pins import (
    DEFAULT_LOCKOUT,
    LockoutPolicy,
    describe_wait,
    hash_pin,
    needs_rehash,
    validate_new_pin,
    verify_pin,
)

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("pin", ["482915", "1357924", "000100", "90817263544"])
def test_good_pins_are_accepted(pin: str) -> None:
    assert validate_new_pin(pin) is None


@pytest.mark.parametrize(("pin", "reason"), [
    ("", "at least 6 digits"),
    ("48291", "at least 6 digits"),
    ("4829a5", "only contain the digits"),
    ("482 915", "only contain the digits"),
    ("４８２９１５", "only contain the digits"),  # full-width digits look right but are not
    ("777777", "same digit"),
    ("123456", "run of digits"),
    ("654321", "run of digits"),
    ("34567890", "run of digits"),
])
def test_weak_or_malformed_pins_are_refused_in_plain_english(pin: str, reason: str) -> None:
    message = validate_new_pin(pin)
    assert message is not None and reason in message


def test_hash_is_argon2id_with_its_parameters_and_verifies_only_the_right_pin() -> None:
    stored = hash_pin("482915")
    assert stored.startswith("$argon2id$")
    params = dict(part.split("=") for part in stored.split("$")[3].split(","))
    assert int(params["m"]) >= 19 * 1024 and int(params["t"]) >= 2 and params["p"] == "1"
    assert "482915" not in stored
    assert verify_pin(stored, "482915")
    assert not verify_pin(stored, "482916")
    assert not verify_pin(stored, "")


def test_the_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("482915") != hash_pin("482915")


def test_a_damaged_hash_never_matches() -> None:
    assert not verify_pin("not a hash", "482915")
    assert not verify_pin("", "482915")
    with pytest.raises(InvalidHashError):
        PasswordHasher().verify("not a hash", "482915")  # what verify_pin protects us from


def test_hashes_made_with_older_parameters_need_rehashing() -> None:
    older = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1,
                           type=Type.ID).hash("482915")
    argon2i = PasswordHasher(type=Type.I).hash("482915")
    assert needs_rehash(older)
    assert needs_rehash(argon2i)
    assert needs_rehash("garbage")
    assert not needs_rehash(hash_pin("482915"))
    assert verify_pin(older, "482915")  # still accepted, then upgraded at sign-in


def test_first_three_failures_cost_nothing() -> None:
    for failures in range(4):
        state = DEFAULT_LOCKOUT.state(failures, T0, T0)
        assert state.may_try and state.wait_until is None and not state.locked


def test_delays_escalate_up_to_fifteen_minutes_then_lock_at_ten() -> None:
    delays = [DEFAULT_LOCKOUT.delay_after(n) for n in range(4, 10)]
    assert delays == sorted(delays) and len(set(delays)) == len(delays)
    assert delays[0] > timedelta(0)
    assert max(delays) == timedelta(minutes=15)
    assert DEFAULT_LOCKOUT.delay_after(50) == timedelta(minutes=15)
    for failures in range(4, 10):
        state = DEFAULT_LOCKOUT.state(failures, T0, T0 + timedelta(seconds=1))
        assert not state.locked and state.wait_until == T0 + delays[failures - 4]
        assert "Try again in" in state.message
    locked = DEFAULT_LOCKOUT.state(10, T0, T0 + timedelta(days=30))
    assert locked.locked and locked.wait_until is None and not locked.may_try
    assert "head teacher" in locked.message


def test_a_wait_ends_by_itself() -> None:
    state = DEFAULT_LOCKOUT.state(5, T0, T0 + DEFAULT_LOCKOUT.delay_after(5))
    assert state.may_try


def test_times_without_a_zone_are_read_as_utc() -> None:
    naive = T0.replace(tzinfo=None)
    assert DEFAULT_LOCKOUT.state(4, naive, T0).wait_until == T0 + timedelta(seconds=30)


def test_a_custom_policy() -> None:
    strict = LockoutPolicy(free_failures=1, delays=(timedelta(minutes=1),), lock_after=3)
    assert strict.state(1, T0, T0).may_try
    assert strict.state(2, T0, T0).wait_until == T0 + timedelta(minutes=1)
    assert strict.state(3, T0, T0).locked


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "1 second"), (29.2, "30 seconds"), (60, "1 minute"), (61, "2 minutes"),
    (900, "15 minutes"),
])
def test_waits_are_described_rounding_up(seconds: float, words: str) -> None:
    assert describe_wait(timedelta(seconds=seconds)) == words
