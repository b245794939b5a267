"""The Policy tab: the school's own Twitter policy, and how the app keeps to it.

The policy document belongs to the school, so the app ships no copy: the
head loads the school's file once and it is kept in the app's data folder.
The summary beside it is the app's own description of its safeguards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.school import SchoolOperations


class PolicyTab(QWidget):
    def __init__(self, services: DeskServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PolicyTab")
        self._services = services
        self._operations = SchoolOperations(services)
        self.text = QPlainTextEdit()
        self.text.setObjectName("PolicyText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The school's Twitter policy"))
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("How the app keeps to the policy"))
        self.summary.setHtml(self.safeguards_html())
        self.load_button = QPushButton(self.tr("Load the school's policy file…"))
        self.load_button.setToolTip(self.tr(
            "Choose a plain-text (.txt) copy of the policy the governors adopted; it is kept in "
            "the app's data folder and shown here for every member of staff"))
        self.load_button.clicked.connect(self.choose_file)
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.text)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        row = QHBoxLayout()
        row.addWidget(self.load_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self.show_policy()

    def safeguards_html(self) -> str:
        """The app's own summary of its safeguards, one translatable sentence pair per item."""
        items = (
            self.tr("<b>No child's name.</b> Every tweet and photo description is checked "
                    "against the school's pupil list before it can be posted."),
            self.tr("<b>Only named staff tweet.</b> Each person signs in with their own PIN; "
                    "every action is recorded with their name."),
            self.tr("<b>Passwords stay with the head teacher.</b> The X account's keys live only "
                    "in this computer's secure password store, and changing them needs the "
                    "head-teacher PIN."),
            self.tr("<b>Registered computers only.</b> Tweets go out only from computers the "
                    "head has registered, or during a time-limited exception for a trip or "
                    "match."),
            self.tr("<b>The account follows no one and sends no private messages.</b> The app "
                    "offers neither, and warns if the account ever drifts."),
            self.tr("<b>Followers and replies are watched.</b> The head and the e-safety leader "
                    "review followers and replies; every hide, mute and block is recorded."),
        )
        heading = self.tr("How the app keeps to the policy")
        return f"<h3>{heading}</h3><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"

    def show_policy(self) -> None:
        text = self._operations.policy_text()
        if not text:
            self.text.setPlainText("")
            self.text.setPlaceholderText(self.tr(
                "No policy loaded yet. Use “Load the school's policy file…” to show the "
                "school's own Twitter policy here for every member of staff."))
            return
        self.text.setPlainText(text)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The school's Twitter policy"), "",
            self.tr("Text files (*.txt);;All files (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, source: Path) -> bool:
        """Keep the school's file for every computer; refuse what is not readable text.

        A small local file: done at once, so the text shows as soon as it is chosen.
        """
        try:
            self._operations.load_policy_file(session_of(self._services), source)
        except Refused as refusal:
            self.message.setText(refusal.message)
            return False
        self.message.setText(self.tr("Loaded {file}.").format(file=source.name))
        self.show_policy()
        return True
