"""The first start of a computer on the school's server: type the enrolment code here.

Shown when the window opens on a shared server this computer has not joined (its
keyring has none of the school's keys). The server is the one the app was started
with; the code comes from the head teacher (Settings → School computers). A wrong code
keeps what was typed and says how many tries are left.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.computers import join_and_remember, server_shown
from stpeters_desk.ui.security_dialogs import GuardedFormDialog
from stpeters_desk.ui.tasks import TaskRunner


class JoinSchoolDialog(GuardedFormDialog):
    def __init__(self, services: DeskServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.joined = False
        self.setWindowTitle(self.tr("Join the school"))
        where = server_shown(services)
        intro = QLabel(self.tr(
            "This computer has not joined the school on {server} yet. On a computer already "
            "in the school, the head teacher makes an enrolment code (Settings → School "
            "computers). Type it here: it works once, for 10 minutes.").format(server=where))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKMN-PQRS-TUVW")
        self.code.setAccessibleName(self.tr("Enrolment code"))
        self.ok_button.setText(self.tr("Join"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.submitted.connect(self.join)
        self.resize(560, self.sizeHint().height())

    def join(self) -> None:
        code, services = self.code.text(), self._services
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Joining…"))

        def done(_result: object) -> None:
            self.joined = True
            self.accept()

        def refused(error: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.refused(str(error))

        self._tasks.run(lambda: join_and_remember(services, code), done, refused)


def ask_to_join(services: DeskServices, tasks: TaskRunner, parent: QWidget | None) -> bool:
    """True when this computer joined (the check can run again)."""
    dialog = JoinSchoolDialog(services, tasks, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.joined
