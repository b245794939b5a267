"""When a tweet goes out: the date-and-time dialog the Compose and Approvals tabs share.

It lives apart from both tabs so that neither tab imports the other (the import
contracts keep the tabs independent).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.ui.messages import name_standard_buttons
from stpeters_desk.ui.styling import DATE_TIME_FORMAT


def _local_qdatetime(moment: datetime) -> QDateTime:
    """This computer's local time, as the date editor shows it."""
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second))


class ScheduleDialog(QDialog):
    """A new date and time, in this computer's local time, never in the past."""

    def __init__(self, current: datetime | None, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change when it goes out"))
        earliest = _local_qdatetime(now + timedelta(minutes=1))
        start = max(current, now + timedelta(minutes=5)) if current else now + timedelta(hours=1)
        self.when = QDateTimeEdit(_local_qdatetime(start))
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(earliest)
        self.when.setDisplayFormat(DATE_TIME_FORMAT)
        self.when.setAccessibleName(self.tr("New date and time"))
        self.when.setToolTip(self.tr(
            "The day and time on this computer's clock; it cannot be in the past. The app "
            "must be running then for the tweet to go out."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(buttons)
        schedule = buttons.button(QDialogButtonBox.StandardButton.Ok)
        schedule.setText(self.tr("Schedule"))
        schedule.setToolTip(self.tr("The tweet goes out at this time, if the app is running"))
        schedule.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Post it on:"))
        label.setBuddy(self.when)
        layout.addWidget(label)
        layout.addWidget(self.when)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone() if moment.tzinfo is None else moment
