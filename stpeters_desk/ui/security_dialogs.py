"""Dialogs that guard the school's account: first-run set-up, the head-teacher PIN, recovery.

The head-teacher PIN is asked again at the moment of each guarded action,
even when the head is signed in, so that an unattended kiosk cannot be used
to change credentials, staff or devices.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import HeadCredentials, StaffMember
from stpeters_desk.ops.staff import (
    StaffOperations,
    validate_head_set_up,
    validate_new_pin_choice,
)
from stpeters_desk.ui.messages import describe_error, name_standard_buttons
from stpeters_desk.ui.pin_pad import MAX_PIN_LENGTH, PinPad
from stpeters_desk.ui.tasks import TaskRunner

T = TypeVar("T")


def hidden_field(name: str, max_length: int = 0) -> QLineEdit:
    """A line edit that shows dots, for PINs, keys and passwords; ``name`` is its spoken
    name, already translated by the caller."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    if max_length:
        field.setMaxLength(max_length)
    return field


def new_pin_tip() -> str:
    """The rules for a new PIN, as a tooltip on every field where one is chosen."""
    return QCoreApplication.translate(
        "SecurityDialogs", "At least 6 digits, not the same digit over and over and not a run "
                           "like 123456; only its owner should know it")


def new_pin_fields(name: str, again_name: str,
                   max_length: int = 0) -> tuple[QLineEdit, QLineEdit]:
    """The two hidden fields where a new PIN is chosen and typed again (the operations'
    ``validate_new_pin_choice`` checks them); names are spoken names, already translated
    by the caller."""
    pin, again = hidden_field(name, max_length), hidden_field(again_name, max_length)
    pin.setToolTip(new_pin_tip())
    again.setToolTip(QCoreApplication.translate(
        "SecurityDialogs", "The same PIN again, to catch a slip of the finger"))
    return pin, again


class RecoveryCodePage(QWidget):
    """Shows a recovery code once; the user must confirm they have written it down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr(
            "This is the head teacher's recovery code. It unlocks the app if the head's PIN "
            "is forgotten or locked. Write it down and keep it somewhere safe, away from this "
            "computer: it will not be shown again."))
        intro.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("RecoveryCode")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.confirm = QCheckBox(self.tr(
            "I have written the recovery code down and will keep it safe"))
        self.confirm.setToolTip(self.tr("Finish becomes available once you tick this: the code "
                                        "cannot be shown again"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addWidget(self.confirm)
        layout.addStretch(1)

    def show_code(self, code: str) -> None:
        self.code_label.setText(code)
        self.confirm.setChecked(False)


class SetupWizard(QDialog):
    """First start: create the head teacher's account and PIN, then show the recovery code."""

    def __init__(self, services: DeskServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up St Peter's Desk"))
        self._operations = StaffOperations(services)
        self.setMinimumWidth(520)
        self._tasks = tasks
        self.head: StaffMember | None = None
        self.pages = QStackedWidget()
        self.name_field = QLineEdit()
        self.name_field.setAccessibleName(self.tr("Head teacher's name"))
        self.name_field.setPlaceholderText(self.tr("e.g. Mrs J. Example"))
        self.name_field.setToolTip(self.tr("As staff know the head teacher; it appears in the "
                                           "audit log beside everything they do"))
        self.pin_field, self.pin_again = new_pin_fields(
            self.tr("New PIN"), self.tr("New PIN again"), MAX_PIN_LENGTH)
        self.message = QLabel()
        self.message.setObjectName("FormMessage")
        self.message.setWordWrap(True)
        intro = QLabel(self.tr(
            "Welcome. First, the head teacher creates their own account. Each member of staff "
            "later gets a personal PIN of at least 6 digits; the head teacher's PIN also guards "
            "the X account's sign-in details, staff changes and this computer's registration."))
        intro.setWordWrap(True)
        first = QWidget()
        form = QFormLayout(first)
        form.addRow(intro)
        form.addRow(self.tr("Head teacher's name"), self.name_field)
        form.addRow(self.tr("PIN (6 or more digits)"), self.pin_field)
        form.addRow(self.tr("PIN again"), self.pin_again)
        self.register_box = QCheckBox(self.tr("Register this computer for tweeting"))
        self.register_box.setToolTip(self.tr("Tweets can then be posted from this computer; "
                                             "untick it if this is not a school computer"))
        can_register = services.devices is not None and services.device is not None
        self.register_box.setChecked(can_register)
        self.register_box.setVisible(can_register)
        register_note = QLabel(self.tr("The policy allows tweets only from the school's "
                                       "registered devices; others can be added later in "
                                       "Settings."))
        register_note.setWordWrap(True)
        register_note.setObjectName("FormMessage")
        register_note.setVisible(can_register)
        form.addRow(self.register_box)
        form.addRow(register_note)
        form.addRow(self.message)
        self.recovery_page = RecoveryCodePage()
        self.pages.addWidget(first)
        self.pages.addWidget(self.recovery_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        name_standard_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create the head teacher's account"))
        self.ok_button.setToolTip(self.tr("Saves the name and PIN; the next page shows the "
                                          "recovery code to keep somewhere safe"))
        self.ok_button.setProperty("primary", True)
        self.buttons.accepted.connect(self._next)
        self.recovery_page.confirm.toggled.connect(self._confirmed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)

    def _next(self) -> None:
        if self.pages.currentIndex() == 1:
            self.accept()
            return
        name, pin, again = self.name_field.text(), self.pin_field.text(), self.pin_again.text()
        try:
            validate_head_set_up(name, pin, again)
        except Refused as problem:
            self.message.setText(problem.message)
            return
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Creating the account…"))
        register, operations = self.register_box.isChecked(), self._operations
        self._tasks.run(lambda: operations.set_up_school(name, pin, again,
                                                         register_this_computer=register),
                        self._created, self._failed)

    def _created(self, created: HeadCredentials) -> None:
        self.head, code = created
        self.recovery_page.show_code(code)
        self.pages.setCurrentIndex(1)
        self.ok_button.setText(self.tr("Finish"))
        self.ok_button.setEnabled(False)

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(refusal_text(error))

    def _confirmed(self, checked: bool) -> None:
        self.ok_button.setEnabled(checked)

    def reject(self) -> None:
        if self.pages.currentIndex() == 1:
            return  # the code must be acknowledged; the account already exists
        super().reject()


HeadPinCheck = Callable[[str], object]  # raises a ``Refused`` when the PIN is not a head's


class HeadPinDialog(QDialog):
    """Asks for the head-teacher PIN for one named action and checks it before closing.

    ``check`` is the operation that checks it (wrong tries count against the person
    signed in); the guarded operation checks it again when it runs.
    """

    def __init__(self, check: HeadPinCheck, tasks: TaskRunner, action: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Head-teacher PIN needed"))
        self._check = check
        self._tasks = tasks
        self.pin = ""
        explanation = QLabel(self.tr("The head teacher's PIN is needed to {action}.").format(
            action=action))
        explanation.setWordWrap(True)
        explanation.setObjectName("HeadPinReason")
        self.pin_pad = PinPad(ok_text=self.tr("Confirm"))
        self.pin_pad.even_columns()
        self.pin_pad.submitted.connect(self.check)
        self.message = QLabel()
        self.message.setWordWrap(True)
        cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(cancel)
        cancel.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.pin_pad)
        layout.addWidget(self.message)
        layout.addWidget(cancel)

    def check(self, pin: str) -> None:
        self.pin_pad.set_busy(True)
        self.message.setText(self.tr("Checking…"))
        check = self._check
        self._tasks.run(lambda: check(pin), lambda _head: self._checked(pin), self._failed)

    def _checked(self, pin: str) -> None:
        self.pin_pad.set_busy(False)
        self.pin_pad.clear()
        self.pin = pin
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.pin_pad.set_busy(False)
        self.pin_pad.clear()
        self.message.setText(refusal_text(error))


HeadPinAsker = Callable[[str], str | None]


def refusal_text(error: Exception) -> str:
    """What to show for an operation that did not happen: a refusal says why itself."""
    return error.message if isinstance(error, Refused) else describe_error(error)


def run_guarded(ask: HeadPinAsker, tasks: TaskRunner, action: str,
                change: Callable[[str], T], done: Callable[[T], None],
                refused: Callable[[str], None], *,
                validate: Callable[[], object] | None = None) -> bool:
    """Check what was typed, then ask for the head-teacher PIN, then change on a worker.

    ``validate`` is the operation's own ``validate_*`` check, run first so that a typing
    mistake is reported before anyone types the PIN. ``change`` gets the PIN (the
    operation checks it again); ``done`` gets its result, ``refused`` the reason it was
    not done. The caller's form stays as it was on a refusal, so nothing typed is lost.
    False when nothing was tried (a problem in the form, or no PIN typed).
    """
    if validate is not None:
        try:
            validate()
        except Refused as problem:
            refused(problem.message)
            return False
    head_pin = ask(action)
    if head_pin is None:
        return False
    tasks.run(lambda: change(head_pin), done, lambda error: refused(refusal_text(error)))
    return True


def run_guarded_change(ask: HeadPinAsker, tasks: TaskRunner, action: str,
                       change: Callable[[str], object], done: str,
                       show: Callable[[str], None], *, form: GuardedFormDialog | None = None,
                       validate: Callable[[], object] | None = None) -> bool:
    """``run_guarded`` for a tab: ``show`` says ``done`` or why not; a ``form`` closes only
    once the change is made, and otherwise shows the refusal with everything typed."""
    def finished(_result: object) -> None:
        if form is not None:
            form.accept()
        show(done)

    def refused(text: str) -> None:
        if form is not None:
            form.refused(text)
        show(text)

    return run_guarded(ask, tasks, action, change, finished, refused, validate=validate)


def dialog_head_pin_asker(services: DeskServices, tasks: TaskRunner,
                          parent: QWidget | None) -> HeadPinAsker:
    """The normal way to ask: a modal dialog. Tests pass their own asker instead."""
    from stpeters_desk.ops.context import session_of
    from stpeters_desk.ops.staff import StaffOperations

    operations = StaffOperations(services)

    def ask(action: str) -> str | None:
        def check(pin: str) -> object:
            return operations.confirm_head_pin(session_of(services), pin, action)

        dialog = HeadPinDialog(check, tasks, action, parent)
        return dialog.pin if dialog.exec() == QDialog.DialogCode.Accepted else None

    return ask


class GuardedFormDialog(QDialog):
    """A form whose change needs the head-teacher PIN: it stays open until it is done.

    OK emits ``submitted`` and the form stays open; its owner checks the input, asks for
    the PIN and runs the operation, then calls ``accept`` when it was done or shows the
    refusal in ``message``. A wrong PIN, a lock or a typing mistake never loses what was
    typed.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setObjectName("FormMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submitted.emit)
        self.buttons.rejected.connect(self.reject)

    def refused(self, text: str) -> None:
        self.message.setText(text)


class NewRecoveryCodeDialog(QDialog):
    """Shows a replacement recovery code once; closes only when it is written down."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The new recovery code"))
        self.page = RecoveryCodePage()
        self.page.show_code(code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        name_standard_buttons(buttons)
        self.finish_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.finish_button.setText(self.tr("Finish"))
        self.finish_button.setToolTip(self.tr("Available once you tick that the code is "
                                              "written down"))
        self.finish_button.setEnabled(False)
        self.page.confirm.toggled.connect(self.finish_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)

    def reject(self) -> None:
        if self.page.confirm.isChecked():
            super().reject()  # shown once: it may only go once it is written down


class ResetPinDialog(GuardedFormDialog):
    """The head sets a new PIN for someone who forgot theirs (it also lifts a lock)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a new PIN for {name}").format(name=name))
        intro = QLabel(self.tr("Choose a new PIN for {name} and tell them in person. Their old "
                               "PIN stops working, and a lock after wrong tries is lifted.")
                       .format(name=name))
        intro.setWordWrap(True)
        self.pin, self.pin_again = new_pin_fields(self.tr("New PIN"), self.tr("New PIN again"),
                                                  MAX_PIN_LENGTH)
        self.ok_button.setText(self.tr("Set the new PIN"))
        self.ok_button.setToolTip(self.tr("Asks for the head-teacher PIN, then replaces "
                                          "their PIN"))
        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.tr("New PIN (6 or more digits)"), self.pin)
        form.addRow(self.tr("New PIN again"), self.pin_again)
        form.addRow(self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)


class RecoveryDialog(QDialog):
    """The head's forgotten or locked PIN: the recovery code sets a new one."""

    def __init__(self, services: DeskServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover the head teacher's PIN"))
        self._operations = StaffOperations(services)
        self._tasks = tasks
        self.pages = QStackedWidget()
        self.code_field = QLineEdit()
        self.code_field.setAccessibleName(self.tr("Recovery code"))
        self.code_field.setToolTip(self.tr("The code written down when the app was set up, or "
                                           "the newer one shown after the last recovery"))
        self.pin_field, self.pin_again = new_pin_fields(
            self.tr("New PIN"), self.tr("New PIN again"), MAX_PIN_LENGTH)
        self.message = QLabel()
        self.message.setWordWrap(True)
        first = QWidget()
        form = QFormLayout(first)
        intro = QLabel(self.tr("Type the recovery code that was written down when the app was "
                               "set up (or the newer one from the last recovery), then choose "
                               "a new PIN. The old PIN stops working, and a new recovery code "
                               "is shown to keep in its place."))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("Recovery code"), self.code_field)
        form.addRow(self.tr("New PIN"), self.pin_field)
        form.addRow(self.tr("New PIN again"), self.pin_again)
        form.addRow(self.message)
        self.recovery_page = RecoveryCodePage()
        self.pages.addWidget(first)
        self.pages.addWidget(self.recovery_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set the new PIN"))
        self.ok_button.setToolTip(self.tr("Checks the recovery code, then replaces the head "
                                          "teacher's PIN; the old PIN stops working"))
        self.buttons.accepted.connect(self._next)
        self.buttons.rejected.connect(self.reject)
        self.recovery_page.confirm.toggled.connect(self.ok_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)

    def _next(self) -> None:
        if self.pages.currentIndex() == 1:
            self.accept()
            return
        code, pin, again = (self.code_field.text().strip(), self.pin_field.text(),
                            self.pin_again.text())
        try:
            validate_new_pin_choice(pin, again)
        except Refused as problem:
            self.message.setText(problem.message)
            return
        operations = self._operations
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Checking the recovery code…"))
        self._tasks.run(lambda: operations.recover_head(code, pin, again), self._recovered,
                        self._failed)

    def _recovered(self, result: object) -> None:
        new_code = result[1] if isinstance(result, tuple) else ""
        if not new_code:
            self.accept()
            return
        self.recovery_page.show_code(str(new_code))
        self.pages.setCurrentIndex(1)
        self.ok_button.setText(self.tr("Finish"))
        self.ok_button.setEnabled(False)

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(refusal_text(error))
