"""Importing the pupil roster from the school's MIS export, with a preview first.

The preview shows the person importing which columns were recognised, how
many pupils were read and any lines with problems, so a wrong file (a staff
list, a Welsh-language export with other headings) is caught before it
replaces the roster. Names appear only here, on screen; the database keeps
only keyed hashes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.roster import RosterField, RosterPreview
from stpeters_desk.ui.messages import name_standard_buttons

SAMPLE_ROWS = 5


class RosterPreviewDialog(QDialog):
    def __init__(self, path: Path, preview: RosterPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import pupils from {file}").format(file=path.name))
        self.setMinimumWidth(560)
        summary = QLabel(self._summary(preview))
        summary.setWordWrap(True)
        self.sample = QListWidget()
        self.sample.setAccessibleName(self.tr("First pupils read from the file"))
        self.sample.setToolTip(self.tr("Check these are pupils, with first names and surnames "
                                       "in the right places"))
        for row in preview.sample[:SAMPLE_ROWS]:
            pupil = self.tr("Line {line}: {forename} {surname}").format(
                line=row.line, forename=row.name.forename, surname=row.name.surname)
            self.sample.addItem(f"{pupil} ({row.group})" if row.group else pupil)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Lines with problems"))
        for problem in preview.problems:
            self.problems.addItem(self.tr("Line {line}: {problem}").format(
                line=problem.line, problem=problem.message))
        problems_title = QLabel(
            self.tr("{count} line(s) with problems").format(count=preview.problem_count)
            if preview.problem_count else self.tr("No problems found."))
        note = QLabel(self.tr("Importing replaces the whole roster. Only scrambled fingerprints "
                              "of the names are kept, never the names themselves."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import {count} pupils").format(count=preview.row_count))
        ok.setToolTip(self.tr("Replaces the whole roster used by the name check with these "
                              "pupils"))
        ok.setEnabled(preview.row_count > 0)
        ok.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if preview.row_count == 0:
            nothing = QLabel(self.tr(
                "No pupils were found in this file, so nothing can be imported. Choose the "
                "pupil list exported from the school's MIS (Arbor, SIMS, Bromcom…), with a "
                "heading row such as Forename, Surname, Class."))
            nothing.setObjectName("FormMessage")
            nothing.setWordWrap(True)
            layout.addWidget(nothing)
        layout.addWidget(QLabel(self.tr("The first pupils read:")))
        layout.addWidget(self.sample)
        layout.addWidget(problems_title)
        if preview.problem_count:
            layout.addWidget(self.problems)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _summary(self, preview: RosterPreview) -> str:
        """How many pupils, where the headings were and which columns were used, so a
        wrong file is caught before it replaces the roster."""
        mapping = ", ".join(
            self.tr("{field} ← “{column}”").format(field=self._field_name(field), column=column)
            for field, column in preview.mapping.items())
        text = self.tr("<b>{count} pupils</b> found (headings on line {line}, {encoding})."
                       ).format(count=preview.row_count, line=preview.header_line,
                                encoding=preview.encoding)
        text += "<br>" + self.tr("Columns used: {columns}.").format(
            columns=mapping or self.tr("none recognised"))
        if preview.unmapped_columns:
            text += "<br>" + self.tr("Ignored columns: {columns}.").format(
                columns=", ".join(preview.unmapped_columns))
        return text

    def _field_name(self, field: RosterField) -> str:
        names = {
            RosterField.FORENAME: self.tr("forename"),
            RosterField.LEGAL_FORENAME: self.tr("legal forename"),
            RosterField.PREFERRED_NAME: self.tr("preferred name"),
            RosterField.SURNAME: self.tr("surname"),
            RosterField.PREFERRED_SURNAME: self.tr("preferred surname"),
            RosterField.FULL_NAME: self.tr("full name"),
            RosterField.YEAR: self.tr("year"),
            RosterField.CLASS: self.tr("class"),
        }
        return names.get(field, field.value.replace("_", " "))
