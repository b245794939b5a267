"""The typed settings registry: one default per setting, unreadable text reads as the
default, impossible values are refused, and every guarded setting names a real
operation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from stpeters_desk.core.refusals import InvalidInput
from stpeters_desk.core.settings_registry import (
    KIOSK_IDLE_MINUTES,
    KIOSK_MODE,
    POLICY_ADOPTED_ON,
    REAL_ACCOUNT_CONNECTED,
    REPLY_SETTING,
    SEALED_KEYS,
    SETTINGS,
    THEME,
    Setting,
    read,
    tour_seen,
    write,
)
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.seal import SECURITY_SETTINGS
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.ops.actions import Action


@pytest.fixture
def store(db: Database) -> SettingsStore:
    return SettingsStore(db)


def test_nothing_stored_reads_as_the_one_default(store: SettingsStore) -> None:
    assert [read(store, s) for s in (KIOSK_MODE, KIOSK_IDLE_MINUTES, REPLY_SETTING, THEME)] == [
        False, 5, "mentionedUsers", "system"]
    assert read(store, POLICY_ADOPTED_ON) is None  # not set: a fresh install asks for it


@pytest.mark.parametrize(("setting", "stored"), [
    (KIOSK_MODE, "yes"), (KIOSK_IDLE_MINUTES, "0"), (KIOSK_IDLE_MINUTES, "five"),
    (REPLY_SETTING, "nonsense"), (THEME, "purple"), (POLICY_ADOPTED_ON, "27.11.17"),
])
def test_unreadable_text_reads_as_the_default(store: SettingsStore, setting: Setting[Any],
                                               stored: str) -> None:
    store.set(setting.key, stored)
    assert read(store, setting) == setting.default


def test_values_are_stored_as_the_text_older_copies_wrote(store: SettingsStore) -> None:
    write(store, KIOSK_MODE, True)
    write(store, REAL_ACCOUNT_CONNECTED, True)
    write(store, KIOSK_IDLE_MINUTES, 15)
    write(store, POLICY_ADOPTED_ON, date(2024, 9, 1))
    assert [store.get(s.key) for s in (KIOSK_MODE, REAL_ACCOUNT_CONNECTED, KIOSK_IDLE_MINUTES,
                                       POLICY_ADOPTED_ON)] == ["1", "1", "15", "2024-09-01"]
    store.set(tour_seen(7).key, "1")  # as the guided tour always wrote it
    assert read(store, tour_seen(7)) and not read(store, tour_seen(8))


def test_impossible_values_are_refused_and_not_stored(store: SettingsStore) -> None:
    with pytest.raises(InvalidInput):
        write(store, KIOSK_IDLE_MINUTES, 121)
    with pytest.raises(InvalidInput):
        write(store, REPLY_SETTING, "anyone")
    assert store.get(KIOSK_IDLE_MINUTES.key) is None and store.get(REPLY_SETTING.key) is None


def test_every_setting_with_its_own_operation_names_one_in_the_table() -> None:
    for setting in SETTINGS.values():
        if setting.operation:
            assert Action(setting.operation) in Action


def test_the_seal_covers_exactly_the_registrys_security_settings() -> None:
    assert set(SECURITY_SETTINGS) == set(SEALED_KEYS) == {
        "kiosk_mode", "kiosk_idle_minutes", "x_account_connected", "preflight.reply_settings",
        "x_monthly_read_cap"}
