"""The Audit tab: every action in the app, who did it, from which computer, and why.

For the head teacher and the e-safety leader. The log is tamper-evident:
"Check the log" recomputes the chain of hashes and names the first entry
that was changed or removed. Filtering and CSV export let the head answer a
governor's or a parent's question about what happened. The table sorts from
the keyboard like every table (``TableSorting``); the export keeps the order shown.

The actions in the filter are the audit vocabulary (``AuditAction``) and any other
names an older log holds; people and actions are shown as recorded; only the words
around them are translated. Everything goes through ``ops.audit``, which checks the
person may read the log and records an export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.audit import AuditVerification
from stpeters_desk.core.refusals import Refused
from stpeters_desk.ops.audit import AuditFilter, AuditLogOperations
from stpeters_desk.ops.session import Session
from stpeters_desk.ui.messages import QT_TRANSLATE_NOOP
from stpeters_desk.ui.styling import DATE_FORMAT
from stpeters_desk.ui.table_model import RowsTableModel, SortKey, TableSorting
from stpeters_desk.ui.tasks import TaskRunner

COLUMNS = (
    QT_TRANSLATE_NOOP("AuditTab", "When"),
    QT_TRANSLATE_NOOP("AuditTab", "Who"),
    QT_TRANSLATE_NOOP("AuditTab", "Computer"),
    QT_TRANSLATE_NOOP("AuditTab", "Action"),
    QT_TRANSLATE_NOOP("AuditTab", "What"),
    QT_TRANSLATE_NOOP("AuditTab", "Reason / detail"),
)


class AuditModel(RowsTableModel):
    columns = COLUMNS
    context = "AuditTab"

    @property
    def entries(self) -> list[Any]:
        return self.rows

    def cell(self, row: Any, column: int) -> str:
        reason = getattr(row, "reason", "") or ""
        values = (
            _local_time(row.at), row.actor, getattr(row, "device", ""), row.action,
            row.target, " · ".join(part for part in (reason, row.detail) if part),
        )
        return str(values[column])

    def sort_key(self, column: int) -> SortKey:
        """The stored moment for "When" (its shown text would sort by day of the month);
        the stored words for the rest, without formatting the time of 100,000 entries."""
        if column == 0:
            return lambda row: (row.at, row.entry_id)
        if column == 5:
            return lambda row: (getattr(row, "reason", "") or row.detail).casefold()
        name = ("at", "actor", "device", "action", "target")[column]
        return lambda row: str(getattr(row, name, "")).casefold()


def _day(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


def _local_time(at: str) -> str:
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%d %b %Y %H:%M:%S")
    except ValueError:
        return at


class AuditTab(QWidget):
    def __init__(self, audit: AuditLogOperations, session: Callable[[], Session],
                 tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditTab")
        self._audit = audit
        self._session = session
        self._tasks = tasks
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Filter by person"))
        self.person.setToolTip(self.tr("Show only what this person did"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Filter by action"))
        self.action.setToolTip(self.tr("Show only one kind of action, as the log names it"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setDisplayFormat(DATE_FORMAT)
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.since.setToolTip(self.tr("The first day to show"))
        self.until = QDateEdit(QDate.currentDate())
        self.until.setDisplayFormat(DATE_FORMAT)
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setToolTip(self.tr("The last day to show"))
        for control in (self.person, self.action):
            control.setProperty("data", True)  # names and actions as the log recorded them
            # the list opens as wide as its longest entry; the closed box stays narrow so the
            # filters fit the window with enlarged text
            control.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            control.setMinimumContentsLength(14)
            control.currentIndexChanged.connect(self.refresh)
        for date_edit in (self.since, self.until):
            date_edit.dateChanged.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Check the log is intact"))
        self.verify_button.setToolTip(self.tr("Recompute the chain of fingerprints that links "
                                              "every entry"))
        self.verify_button.clicked.connect(self.verify)
        self.verify_progress = QProgressBar()
        self.verify_progress.setAccessibleName(self.tr("Checking the log"))
        self.verify_progress.setRange(0, 0)  # moving until the check ends
        self.verify_progress.setMaximumWidth(120)
        self.verify_progress.hide()
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the entries shown, in the order shown, as a "
                                              "spreadsheet file (CSV) for governors or "
                                              "inspectors"))
        self.export_button.clicked.connect(self.export)
        self.model = AuditModel()
        self.table = QTableView()
        self.table.setObjectName("AuditTable")
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.sorting = TableSorting(self.table, self.model, self.tr("Newest first"))
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        filters = QHBoxLayout()
        controls: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Person"), self.person), (self.tr("Action"), self.action),
            (self.tr("From"), self.since), (self.tr("To"), self.until))
        for text, widget in controls:
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()  # below the filters: room for them with enlarged text
        actions.addWidget(self.message, 1)
        actions.addWidget(self.verify_progress)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._fill_filters()
        self.refresh()

    def _fill_filters(self) -> None:
        """Each box's first choice (data None) means no filter; the others carry the value
        from the log as their data, so translating "Everyone" never becomes a filter."""
        try:
            people = self._audit.people(self._session())
            actions = self._audit.actions(self._session())
        except Refused as refused:
            people, actions = [], []
            self.message.setText(refused.message)
        for box, first, values in ((self.person, self.tr("Everyone"), people),
                                   (self.action, self.tr("Any action"), actions)):
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for value in values:
                box.addItem(value, value)
            box.blockSignals(False)

    def refresh(self) -> None:
        person = self.person.currentData()
        action = self.action.currentData()
        since = datetime.combine(_day(self.since), time.min).astimezone(UTC)
        until = datetime.combine(_day(self.until), time.max).astimezone(UTC)
        try:
            entries = self._audit.search(self._session(), AuditFilter(
                person=person or None, action=action or None, since=since, until=until))
        except Refused as refused:
            self.model.set_rows([])
            self.message.setText(refused.message)
            return
        self.model.set_rows(entries)
        self.table.resizeColumnsToContents()
        if not entries:
            self.message.setText(self.tr("No entries match these filters. Choose “Everyone” "
                                         "and “Any action”, or an earlier “From” date, to see "
                                         "more."))
        else:
            self.message.setText(self.tr("Entries shown: {count}.").format(count=len(entries)))

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_progress.show()
        self.message.setText(self.tr("Checking every entry…"))
        session = self._session()
        self._tasks.run(lambda: self._audit.verify(session), self._verified, self._failed)

    def _verified(self, result: AuditVerification) -> None:
        self.verify_button.setEnabled(True)
        self.verify_progress.hide()
        self.message.setText(("✔ " if result.ok else "⚠ ") + result.message)

    def _failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.verify_progress.hide()
        self.message.setText("⚠ " + self.tr("The check could not run: {error}. Try again; if it "
                                            "keeps failing, tell the school's IT technician.")
                             .format(error=error))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                              "audit-log.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            self._audit.export(self._session(), path, self.model.entries)
        except Refused as refused:
            self.message.setText("⚠ " + refused.message)
            return
        except OSError as exc:
            self.message.setText("⚠ " + self.tr("Could not write {path}: {reason}. Choose "
                                                "another folder or file name and export "
                                                "again.").format(path=path, reason=exc.strerror))
            return
        self.message.setText("✔ " + self.tr("Entries exported: {count}, to {path}.").format(
            count=len(self.model.entries), path=path))
