"""When the school's Twitter policy is next due for review.

The policy promises a review every two years; a policy for social media goes
stale quickly, so whoever may record the policy's dates sees a banner from a
month before the review date until a new adoption date is recorded in Settings.
A fresh install knows no date: it claims nothing is due or overdue, and asks for
the date the governors adopted the school's policy instead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from stpeters_desk.core.dates import spoken_date
from stpeters_desk.core.settings_registry import (
    MAX_INTERVAL_MONTHS,
    POLICY_ADOPTED_ON,
    POLICY_INTERVAL_MONTHS,
    read,
    write,
)
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.i18n import translate

DEFAULT_ADOPTED_ON = POLICY_ADOPTED_ON.default  # None: not set
DEFAULT_INTERVAL_MONTHS = POLICY_INTERVAL_MONTHS.default
DUE_SOON = timedelta(days=30)


class ReviewStatus(NamedTuple):
    due: bool  # due within a month, or already overdue
    overdue: bool
    due_on: date | None  # None: the adoption date is not set yet
    message: str
    adopted_on: date | None  # None: not set yet (a fresh install)
    interval_months: int
    headline: str = ""  # the one-line banner's words ("" : no banner)

    @property
    def date_set(self) -> bool:
        return self.adopted_on is not None


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day (29 Feb + 12 months = 28 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)  # (calendar costs start-up time)
    return date(year, month, min(start.day, (following - timedelta(days=1)).day))


def adopted_on(settings: SettingsStore) -> date | None:
    """The date the governors adopted the policy; None until someone records it."""
    return read(settings, POLICY_ADOPTED_ON)


def interval_months(settings: SettingsStore) -> int:
    return read(settings, POLICY_INTERVAL_MONTHS)


def save_review_settings(settings: SettingsStore, adopted: date, months: int,
                         today: date | None = None) -> None:
    """Record a newly adopted policy and how often it is reviewed."""
    check_review_dates(adopted, months, today)
    write(settings, POLICY_ADOPTED_ON, adopted)
    write(settings, POLICY_INTERVAL_MONTHS, months)


def check_review_dates(adopted: date, months: int, today: date | None = None) -> None:
    """Why these dates cannot be kept (raises ``ValueError``); nothing when they can."""
    if not 1 <= months <= MAX_INTERVAL_MONTHS:
        raise ValueError(translate("PolicyReview",
                                   "Choose a review interval between 1 and {count} months.")
                         .format(count=MAX_INTERVAL_MONTHS))
    if adopted > (today or date.today()):
        raise ValueError(translate("PolicyReview", "The adoption date cannot be in the future."))


def review_status(settings: SettingsStore,
                  now: datetime | date | None = None) -> ReviewStatus:
    today = _today(now)
    adopted, months = adopted_on(settings), interval_months(settings)
    if adopted is None:  # a fresh install: nothing is known to be due
        return ReviewStatus(
            due=False, overdue=False, due_on=None, adopted_on=None, interval_months=months,
            message=translate("PolicyReview", "The date the governors adopted the school's "
                                              "Twitter policy is not set yet. Enter it and "
                                              "save: the review reminder is worked out from "
                                              "it."),
            headline=translate("PolicyReview", "Set the date the governors adopted the "
                                               "school's Twitter policy."))
    due_on = add_months(adopted, months)
    overdue = today > due_on
    due = today >= due_on - DUE_SOON
    return ReviewStatus(due=due, overdue=overdue, due_on=due_on,
                        message=_message(today, adopted, due_on, due, overdue),
                        adopted_on=adopted, interval_months=months,
                        headline=_headline(today, due_on, due, overdue))


def _today(now: datetime | date | None) -> date:
    if now is None:
        return date.today()
    if isinstance(now, datetime):
        return now.astimezone().date() if now.tzinfo else now.date()
    return now


def _message(today: date, adopted: date, due_on: date, due: bool, overdue: bool) -> str:
    action = translate("PolicyReview", "Ask the Teaching & Learning committee to review it, "
                                       "then record the date the governors adopted it in "
                                       "Settings.")
    if overdue:
        return translate("PolicyReview", "The school's Twitter policy was due for review on "
                                         "{date} and is overdue. {action}").format(
            date=spoken_date(due_on), action=action)
    if due:
        return translate("PolicyReview", "The school's Twitter policy is due for review on "
                                         "{date} ({when}). {action}").format(
            date=spoken_date(due_on), when=_how_soon((due_on - today).days), action=action)
    return translate("PolicyReview", "The school's Twitter policy was adopted on {adopted}; its "
                                     "next review is due on {date}.").format(
        adopted=spoken_date(adopted), date=spoken_date(due_on))


def _headline(today: date, due_on: date, due: bool, overdue: bool) -> str:
    """One short line for the banner above the tabs ("" when no review is near)."""
    if overdue:
        return translate("PolicyReview", "The Twitter policy's review was due on {date}.").format(
            date=spoken_date(due_on))
    if due:
        return translate("PolicyReview", "The Twitter policy's review is due on {date} "
                                         "({when}).").format(
            date=spoken_date(due_on), when=_how_soon((due_on - today).days))
    return ""


def _how_soon(days: int) -> str:
    if days == 0:
        return translate("PolicyReview", "today")
    if days == 1:
        return translate("PolicyReview", "in {count} day").format(count=days)
    return translate("PolicyReview", "in {count} days").format(count=days)


class PolicyReview:
    """The same, bound to one settings store, for code that prefers an object."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def review_status(self, now: datetime | date | None = None) -> ReviewStatus:
        return review_status(self._settings, now)

    def save(self, adopted: date, months: int, today: date | None = None) -> None:
        save_review_settings(self._settings, adopted, months, today)
