"""When the school's Twitter policy is due for review, from the settings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from stpeters_desk.core.dates import spoken_date
from stpeters_desk.core.policy_review import (
    DEFAULT_ADOPTED_ON,
    DEFAULT_INTERVAL_MONTHS,
    PolicyReview,
    add_months,
    review_status,
    save_review_settings,
)
from stpeters_desk.core.refusals import InvalidInput
from stpeters_desk.core.settings_registry import (
    POLICY_ADOPTED_ON,
    POLICY_INTERVAL_MONTHS,
    write,
)
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.settings import SettingsStore


@pytest.fixture
def settings(db: Database) -> SettingsStore:
    return SettingsStore(db)


def test_a_fresh_install_claims_nothing_is_overdue_and_asks_for_the_date(
        settings: SettingsStore) -> None:
    status = review_status(settings, date(2024, 1, 15))
    assert status.adopted_on is None and DEFAULT_ADOPTED_ON is None and not status.date_set
    assert status.interval_months == DEFAULT_INTERVAL_MONTHS == 24
    assert status.due_on is None
    assert not status.due and not status.overdue
    assert "overdue" not in status.message and "2019" not in status.message
    assert status.headline == ("Set the date the governors adopted the school's Twitter "
                               "policy.")
    with pytest.raises(InvalidInput):  # "not set" is never written as a date
        write(settings, POLICY_ADOPTED_ON, None)


def test_an_overdue_review_has_a_one_line_headline(settings: SettingsStore) -> None:
    save_review_settings(settings, date(2017, 11, 27), 24, today=date(2024, 1, 1))
    status = review_status(settings, date(2024, 1, 15))
    assert status.due and status.overdue
    assert "27 November 2019" in status.message and "overdue" in status.message
    assert status.headline == "The Twitter policy's review was due on 27 November 2019."


def test_a_newly_adopted_policy_is_not_due(settings: SettingsStore) -> None:
    save_review_settings(settings, date(2023, 11, 20), 24, today=date(2024, 1, 1))
    status = review_status(settings, datetime(2024, 1, 15, 12, 0, tzinfo=UTC))
    assert status.due_on == date(2025, 11, 20)
    assert not status.due and not status.overdue
    assert "adopted on 20 November 2023" in status.message
    assert status.headline == ""  # no banner


@pytest.mark.parametrize(("today", "due", "overdue", "words"), [
    (date(2025, 10, 20), False, False, "next review is due"),
    (date(2025, 10, 21), True, False, "in 30 days"),
    (date(2025, 11, 19), True, False, "in 1 day"),
    (date(2025, 11, 20), True, False, "today"),
    (date(2025, 11, 21), True, True, "overdue"),
])
def test_the_banner_shows_from_a_month_before_the_review(
        settings: SettingsStore, today: date, due: bool, overdue: bool, words: str) -> None:
    save_review_settings(settings, date(2023, 11, 20), 24, today=date(2024, 1, 1))
    status = review_status(settings, today)
    assert (status.due, status.overdue) == (due, overdue)
    assert words in status.message
    assert bool(status.headline) == due


def test_the_interval_can_change(settings: SettingsStore) -> None:
    save_review_settings(settings, date(2024, 2, 29), 12, today=date(2024, 3, 1))
    status = PolicyReview(settings).review_status(date(2024, 6, 1))
    assert status.interval_months == 12 and status.due_on == date(2025, 2, 28)


def test_unreasonable_values_are_refused(settings: SettingsStore) -> None:
    with pytest.raises(ValueError, match="between 1 and 60"):
        save_review_settings(settings, date(2023, 1, 1), 0)
    with pytest.raises(ValueError, match="future"):
        save_review_settings(settings, date(2030, 1, 1), 24, today=date(2024, 1, 1))
    assert settings.get(POLICY_ADOPTED_ON.key) is None


def test_damaged_settings_fall_back_to_the_defaults(settings: SettingsStore) -> None:
    settings.set(POLICY_ADOPTED_ON.key, "27.11.17")
    settings.set(POLICY_INTERVAL_MONTHS.key, "two years")
    status = review_status(settings, date(2018, 1, 1))
    assert status.adopted_on == DEFAULT_ADOPTED_ON and status.interval_months == 24


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2017, 11, 27), 24, date(2019, 11, 27)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 12, 15), 1, date(2024, 1, 15)),
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
])
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_dates_are_spoken_in_english_everywhere() -> None:
    assert spoken_date(date(2019, 11, 7)) == "7 November 2019"
