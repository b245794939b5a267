"""Settings → School computers: enrolment codes and removing a computer (shared server only).

The head teacher makes a one-time code here (head-teacher PIN); the code is shown once,
in this section, with what the technician types on the new computer. The list shows the
school's computers; a removed one can no longer act. Everything goes through
``ops.computers``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.computers import (
    ComputerOperations,
    OfferShown,
    Removal,
    validate_enrolment,
)
from stpeters_desk.ops.context import session_of
from stpeters_desk.ui.security_dialogs import HeadPinAsker, run_guarded
from stpeters_desk.ui.tasks import TaskRunner


def shared_database(services: DeskServices) -> bool:
    """Whether this copy of the app works on the school's shared server."""
    return services.db is not None and services.db.dialect == "postgresql"


class SchoolComputersGroup(QGroupBox):
    def __init__(self, services: DeskServices, tasks: TaskRunner, ask_head_pin: HeadPinAsker,
                 say: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The school's computers"), parent)
        self._services = services
        self._tasks = tasks
        self._ask_head_pin = ask_head_pin
        self._say = say
        self._operations = ComputerOperations(services)
        intro = QLabel(self.tr(
            "Every computer of the school shares one database on the school's server. To add "
            "a computer, make a one-time code here and give it to whoever sets the new "
            "computer up; the code works once, for 10 minutes."))
        intro.setWordWrap(True)
        self.may_post = QCheckBox(self.tr("The new computer may post to X (it receives the X "
                                          "account's keys)"))
        self.make_button = QPushButton(self.tr("Make an enrolment code…"))
        self.make_button.setToolTip(self.tr("Needs the head teacher's PIN"))
        self.make_button.clicked.connect(self.make_code)
        self.code_label = QLabel()  # the code itself: large, fixed-width, easy to read out
        self.code_label.setObjectName("EnrolmentCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()) * 1.6)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setVisible(False)
        self.code_help = QLabel()
        self.code_help.setWordWrap(True)
        self.code_help.setVisible(False)
        self.computer_list = QListWidget()
        self.computer_list.setAccessibleName(self.tr("The school's computers"))
        self.computer_list.setMaximumHeight(160)
        self.remove_button = QPushButton(self.tr("Remove the chosen computer…"))
        self.remove_button.setToolTip(self.tr("For a computer that was lost, stolen or given "
                                              "away; needs the head teacher's PIN"))
        self.remove_button.clicked.connect(self.remove_chosen)
        make_row = QHBoxLayout()
        make_row.addWidget(self.make_button)
        make_row.addStretch(1)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.may_post)
        layout.addLayout(make_row)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code_help)
        layout.addWidget(self.computer_list)
        layout.addLayout(remove_row)

    def reload(self) -> None:
        self.computer_list.clear()
        if not shared_database(self._services):
            return
        this = self._services.device.device_id if self._services.device is not None else ""
        for computer in self._operations.computers():
            if computer.removed_at is not None:
                text = self.tr("{name}: removed by {person}").format(
                    name=computer.name, person=computer.removed_by)
            elif computer.device_id == this:
                text = self.tr("{name} (this computer)").format(name=computer.name)
            else:
                text = computer.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, computer.device_id)
            if computer.removed_at is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.computer_list.addItem(item)

    def make_code(self) -> None:
        operations, session = self._operations, session_of(self._services)
        may_post = self.may_post.isChecked()
        for label in (self.code_label, self.code_help):
            label.clear()
            label.setVisible(False)
        run_guarded(self._ask_head_pin, self._tasks, self.tr("make a code for a new computer"),
                    lambda head: operations.make_enrolment_code(session, head, may_post),
                    self._show_code, self._say,
                    validate=lambda: validate_enrolment(self._services))

    def _show_code(self, shown: OfferShown) -> None:
        self.code_label.setText(shown.code.text)
        self.code_label.setAccessibleName(self.tr("Enrolment code"))
        self.code_help.setText(self.tr(
            "On the new computer run “stpeters-desk computer join” with the server's address "
            "and this code within {minutes} minutes. It works once and is not shown "
            "again.").format(minutes=shown.minutes))
        for label in (self.code_label, self.code_help):
            label.setVisible(True)
        self._say(self.tr("The enrolment code was made; the audit log records it (not the "
                          "code)."))

    def remove_chosen(self) -> None:
        item = self.computer_list.currentItem()
        if item is None:
            self._say(self.tr("Choose a computer in the list first."))
            return
        device_id = str(item.data(Qt.ItemDataRole.UserRole))
        name = item.text()
        operations, session = self._operations, session_of(self._services)

        def removed(removal: Removal) -> None:
            self.reload()
            steps = "\n".join(f"☐ {step}" for step in removal.checklist())
            self._say(self.tr("{name} was removed: it can no longer act for the school. The "
                              "keys it held were replaced. Still to do:\n{steps}")
                      .format(name=name, steps=steps))

        run_guarded(self._ask_head_pin, self._tasks, self.tr("remove {name} from the school")
                    .format(name=name),
                    lambda head: operations.remove_computer(session, device_id, head),
                    removed, self._say)
