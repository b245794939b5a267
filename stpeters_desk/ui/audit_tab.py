"""The Audit tab: every action in the app, who did it, from which computer, and why.

For the head teacher and the e-safety leader. The log is tamper-evident:
"Check the log" recomputes the chain of hashes and names the first entry
that was changed or removed. Filtering and CSV export let the head answer a
governor's or a parent's question about what happened.
"""

from __future__ import annotations

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
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.audit import AuditTrail, AuditVerification
from stpeters_desk.ui.table_model import RowsTableModel
from stpeters_desk.ui.tasks import TaskRunner

COLUMNS = ("When", "Who", "Computer", "Action", "What", "Reason / detail")
ALL = "Everyone"
ANY_ACTION = "Any action"


class AuditModel(RowsTableModel):
    columns = COLUMNS

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
    def __init__(self, audit: AuditTrail, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditTab")
        self._audit = audit
        self._tasks = tasks
        self.person = QComboBox()
        self.person.setAccessibleName("Filter by person")
        self.action = QComboBox()
        self.action.setAccessibleName("Filter by action")
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName("From date")
        self.until = QDateEdit(QDate.currentDate())
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName("To date")
        for control in (self.person, self.action):
            control.currentIndexChanged.connect(self.refresh)
        for date_edit in (self.since, self.until):
            date_edit.dateChanged.connect(self.refresh)
        self.verify_button = QPushButton("Check the log is intact")
        self.verify_button.setToolTip("Recompute the chain of fingerprints that links every entry")
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.clicked.connect(self.export)
        self.model = AuditModel()
        self.table = QTableView()
        self.table.setObjectName("AuditTable")
        self.table.setAccessibleName("Audit log entries")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        filters = QHBoxLayout()
        controls: tuple[tuple[str, QWidget], ...] = (
            ("Person", self.person), ("Action", self.action), ("From", self.since),
            ("To", self.until))
        for label, widget in controls:
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._fill_filters()
        self.refresh()

    def _fill_filters(self) -> None:
        people, actions = self._audit.people(), self._audit.actions()
        for box, first, values in ((self.person, ALL, people), (self.action, ANY_ACTION, actions)):
            box.blockSignals(True)
            box.clear()
            box.addItem(first)
            box.addItems(values)
            box.blockSignals(False)

    def refresh(self) -> None:
        person = self.person.currentText()
        action = self.action.currentText()
        since = datetime.combine(_day(self.since), time.min).astimezone(UTC)
        until = datetime.combine(_day(self.until), time.max).astimezone(UTC)
        entries = self._audit.query(
            person=None if person in ("", ALL) else person,
            action=None if action in ("", ANY_ACTION) else action,
            since=since, until=until, limit=100_000)
        self.model.set_rows(entries)
        self.table.resizeColumnsToContents()
        if not entries:
            self.message.setText("No entries match these filters.")
        else:
            self.message.setText(f"{len(entries)} entries.")

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.message.setText("Checking every entry…")
        self._tasks.run(self._audit.verify, self._verified, self._failed)

    def _verified(self, result: AuditVerification) -> None:
        self.verify_button.setEnabled(True)
        self.message.setText(("✔ " if result.ok else "⚠ ") + result.message)

    def _failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.message.setText(f"The check could not run: {error}")

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the audit log", "audit-log.csv",
                                              "CSV files (*.csv)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            self._audit.export_csv(path, self.model.entries)
        except OSError as exc:
            self.message.setText(f"Could not write {path}: {exc.strerror}")
            return
        self.message.setText(f"Exported {len(self.model.entries)} entries to {path}.")
