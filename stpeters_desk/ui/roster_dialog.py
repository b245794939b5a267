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

from stpeters_desk.core.roster import RosterPreview

SAMPLE_ROWS = 5


class RosterPreviewDialog(QDialog):
    def __init__(self, path: Path, preview: RosterPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import pupils from {path.name}")
        self.setMinimumWidth(560)
        mapping = ", ".join(f"{field.value.replace('_', ' ')} ← “{column}”"
                            for field, column in preview.mapping.items())
        summary = QLabel(
            f"<b>{preview.row_count} pupils</b> found (headings on line {preview.header_line}, "
            f"{preview.encoding}).<br>Columns used: {mapping or 'none recognised'}."
            + (f"<br>Ignored columns: {', '.join(preview.unmapped_columns)}."
               if preview.unmapped_columns else ""))
        summary.setWordWrap(True)
        self.sample = QListWidget()
        self.sample.setAccessibleName("First pupils read from the file")
        for row in preview.sample[:SAMPLE_ROWS]:
            self.sample.addItem(f"Line {row.line}: {row.name.forename} {row.name.surname}"
                                + (f" ({row.group})" if row.group else ""))
        self.problems = QListWidget()
        self.problems.setAccessibleName("Lines with problems")
        for problem in preview.problems:
            self.problems.addItem(f"Line {problem.line}: {problem.message}")
        problems_title = QLabel(f"{preview.problem_count} line(s) with problems"
                                if preview.problem_count else "No problems found.")
        note = QLabel("Importing replaces the whole roster. Only scrambled fingerprints of the "
                      "names are kept, never the names themselves.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Import {preview.row_count} pupils")
        ok.setEnabled(preview.row_count > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel("The first pupils read:"))
        layout.addWidget(self.sample)
        layout.addWidget(problems_title)
        if preview.problem_count:
            layout.addWidget(self.problems)
        layout.addWidget(note)
        layout.addWidget(buttons)
