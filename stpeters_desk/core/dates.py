"""Dates and times as staff read them, in the language chosen in Settings.

``strftime`` names days and months in the computer's C locale (English, whatever the
school chose), so the app names them itself: the same words in every tab, and Welsh
when Welsh is chosen. Times are shown in this computer's time zone.
"""

from __future__ import annotations

from datetime import date, datetime

from stpeters_desk.i18n import Translator, translate


def _weekdays(translate: Translator) -> tuple[str, ...]:
    """Monday first, as ``date.weekday()`` counts."""
    return (translate("Dates", "Mon"), translate("Dates", "Tue"), translate("Dates", "Wed"),
            translate("Dates", "Thu"), translate("Dates", "Fri"), translate("Dates", "Sat"),
            translate("Dates", "Sun"))


def _short_months(translate: Translator) -> tuple[str, ...]:
    return (translate("Dates", "Jan"), translate("Dates", "Feb"), translate("Dates", "Mar"),
            translate("Dates", "Apr"), translate("Dates", "May"), translate("Dates", "Jun"),
            translate("Dates", "Jul"), translate("Dates", "Aug"), translate("Dates", "Sep"),
            translate("Dates", "Oct"), translate("Dates", "Nov"), translate("Dates", "Dec"))


def _months(translate: Translator) -> tuple[str, ...]:
    return (translate("Dates", "January"), translate("Dates", "February"),
            translate("Dates", "March"), translate("Dates", "April"),
            translate("Dates", "May (month)"), translate("Dates", "June"),
            translate("Dates", "July"), translate("Dates", "August"),
            translate("Dates", "September"), translate("Dates", "October"),
            translate("Dates", "November"), translate("Dates", "December"))


def _month_name(month: int) -> str:
    """The full name; "May" is told apart from its short form for translators."""
    name = _months(translate)[month - 1]
    return "May" if name == "May (month)" else name


def spoken_date(day: date) -> str:
    """'27 November 2019': for a date that stands on its own in a sentence."""
    return f"{day.day} {_month_name(day.month)} {day.year}"


def shown_day(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """'Tue 24 Nov 2026' (or without the weekday or the year): for lists and messages."""
    parts = [_weekdays(translate)[day.weekday()]] if weekday else []
    parts += [f"{day.day:02d}", _short_months(translate)[day.month - 1]]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def shown_moment(moment: datetime, *, weekday: bool = True, year: bool = True) -> str:
    """'Tue 24 Nov 2026, 08:05' in this computer's time zone."""
    local = moment.astimezone()
    return f"{shown_day(local.date(), weekday=weekday, year=year)}, {local:%H:%M}"


def shown_day_and_time(moment: datetime) -> str:
    """'Tue 24 Nov at 08:05': when something will happen, this year."""
    local = moment.astimezone()
    return translate("Dates", "{day} at {time}").format(
        day=shown_day(local.date(), year=False), time=f"{local:%H:%M}")
