"""The sign-in screen: pick your name, type your own PIN.

Every action is attributed to the person signed in, so each member of staff
has a PIN of their own. Checking a PIN is slow on purpose (Argon2), so it
runs on a worker; repeated failures lead to growing waits and then a lock
that only the head teacher (or the recovery code) can lift.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.pins import LockState
from stpeters_desk.core.roles import Role, role_title
from stpeters_desk.core.staff import SignInResult
from stpeters_desk.ops.sign_in import SignInDesk
from stpeters_desk.ui.pin_pad import PinPad
from stpeters_desk.ui.tasks import TaskRunner


class SignInPanel(QWidget):
    """Emits ``signed_in`` with the member once their PIN is accepted."""

    signed_in = Signal(object)
    recovery_requested = Signal()

    def __init__(self, staff: SignInDesk, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignInPanel")
        self._staff = staff
        self._tasks = tasks
        app_name = QLabel("St Peter's Desk")
        app_name.setObjectName("SignInAppName")
        title = QLabel(self.tr("Who is signing in?"))
        title.setObjectName("SignInTitle")
        self.people = QListWidget()
        self.people.setObjectName("StaffPicker")
        self.people.setAccessibleName(self.tr("Staff members"))
        self.people.setToolTip(self.tr("Choose your own name: everything you do is recorded "
                                       "under it"))
        # A name is chosen only when it is selected (highlighted): Tabbing into the list
        # makes its first row "current" without showing it, which must sign no one in.
        self.people.itemSelectionChanged.connect(self._person_chosen)
        self._last_chosen: int | None = None
        self.pin_pad = PinPad()
        self.pin_pad.submitted.connect(self.try_pin)
        self.message = QLabel(self.tr("Choose your name, then type your PIN."))
        self.message.setObjectName("SignInMessage")
        self.message.setWordWrap(True)
        self.recover_button = QPushButton(self.tr("Head teacher: forgotten PIN?"))
        self.recover_button.setToolTip(self.tr("Use the recovery code shown when the app was "
                                               "set up to choose a new head-teacher PIN"))
        self.recover_button.clicked.connect(self.recovery_requested)
        card = QFrame()
        card.setObjectName("SignInCard")
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(app_name)
        card_layout.addWidget(title)
        row = QHBoxLayout()
        row.addWidget(self.people, 1)
        pad_column = QVBoxLayout()
        pad_column.addWidget(self.pin_pad)
        pad_column.addWidget(self.message)
        pad_column.addStretch(1)
        row.addLayout(pad_column, 1)
        card_layout.addLayout(row)
        card_layout.addWidget(self.recover_button)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 3)
        outer.addStretch(1)
        self.reload()

    def reload(self) -> None:
        self.people.clear()
        # Ids by row, not as item data: item roles live in Qt's namespace, whose first use
        # costs tens of milliseconds that the sign-in screen, shown at every start, avoids.
        members = self._staff.people()
        self._ids = [member.staff_id for member in members]
        for member in members:
            self.people.addItem(QListWidgetItem(
                f"{member.name}\n{role_title(Role(member.role))}"))
        self._last_chosen = None
        if self.people.count() == 1:
            self.people.setCurrentRow(0)
        self.pin_pad.clear()

    def _person_chosen(self) -> None:
        """A PIN typed before any name was chosen is kept; one typed for another person is
        cleared."""
        staff_id = self._chosen_id()
        if staff_id is None:
            return
        if self._last_chosen is not None and self._last_chosen != staff_id:
            self.pin_pad.clear()
        self._last_chosen = staff_id
        self.message.setText(self.tr("Press “Sign in”.") if self.pin_pad.field.text()
                             else self.tr("Type your PIN."))
        self.pin_pad.field.setFocus()
        self._say_if_locked()

    def _say_if_locked(self) -> None:
        """Before they type: whether this person must wait or is locked out, and why."""
        staff_id, staff = self._chosen_id(), self._staff
        if staff_id is None:
            return

        def show(state: LockState) -> None:
            if not state.may_try and self._chosen_id() == staff_id:
                self.message.setText(state.message)

        self._tasks.run(lambda: staff.lock_state(staff_id), show, lambda _error: None)

    def _chosen_id(self) -> int | None:
        """The person whose name is selected, or None: never the list's unhighlighted
        "current" row."""
        rows = [index.row() for index in self.people.selectedIndexes()]
        return self._ids[rows[0]] if len(rows) == 1 and 0 <= rows[0] < len(self._ids) else None

    def try_pin(self, pin: str) -> None:
        staff_id = self._chosen_id()
        if staff_id is None:  # sign no one in; keep the PIN typed
            self.message.setText(self.tr("Choose your name in the list first; your PIN is "
                                         "kept. Then press “Sign in”."))
            return
        self.pin_pad.set_busy(True)
        self.message.setText(self.tr("Checking…"))
        staff = self._staff
        self._tasks.run(lambda: staff.sign_in(staff_id, pin), self._checked, self._failed)

    def _checked(self, result: SignInResult) -> None:
        self.pin_pad.set_busy(False)
        self.pin_pad.clear()
        if result.member is None:
            self.message.setText(result.message)
            return
        self.message.setText(self.tr("Choose your name, then type your PIN."))
        self.signed_in.emit(result.member)

    def _failed(self, error: Exception) -> None:
        self.pin_pad.set_busy(False)
        self.pin_pad.clear()
        self.message.setText(self.tr("The PIN could not be checked: {error}. Try again; if it "
                                     "keeps happening, restart the app.").format(error=error))
