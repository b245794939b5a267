"""The Staff tab: who may use the app and what each role may do.

Only people whose role may manage staff see it, and every change asks for the
head-teacher PIN at the moment it is made, as the policy gives the head
teacher control over who tweets and who holds passwords. Built only after
sign-in, so it may use Qt's namespace freely.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.roles import Permission, Role, permission_title, role_title
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.staff import (
    NewMember,
    PermissionChange,
    StaffOperations,
    validate_new_member,
    validate_new_pin_choice,
    validate_permission_changes,
)
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.security_dialogs import (
    GuardedFormDialog,
    HeadPinAsker,
    NewRecoveryCodeDialog,
    ResetPinDialog,
    new_pin_fields,
    run_guarded,
    run_guarded_change,
)
from stpeters_desk.ui.tasks import TaskRunner


class NewMemberDialog(GuardedFormDialog):
    """Name, role and PIN of a new member of staff; stays open until they are added."""

    def __init__(self, staff: StaffDirectory | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff = staff
        self.setWindowTitle(self.tr("Add a member of staff"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setToolTip(self.tr("As staff know them, e.g. Mr A. Example; it appears on the "
                                     "sign-in screen and in the audit log"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        self.role.setToolTip(self.tr("What they may do in the app; the Staff tab's table shows "
                                     "each role's permissions"))
        for role in Role:
            self.role.addItem(role_title(role), role.value)
        # Most new people are teachers; a second head teacher must be chosen on purpose.
        self.role.setCurrentIndex(self.role.findData(Role.TEACHER.value))
        self.pin, self.pin_again = new_pin_fields(self.tr("Their PIN"),
                                                  self.tr("Their PIN again"))
        self.approver = QCheckBox(self.tr("May approve other people's tweets"))
        self.approver.setToolTip(self.tr("Adds approving to whatever their role allows"))
        form = QFormLayout()
        form.addRow(self.tr("Name (as staff know them)"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN (6 or more digits)"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        form.addRow(self.approver)
        form.addRow(self.message)
        self.ok_button.setToolTip(self.tr("Checks what you typed, then asks for the "
                                          "head-teacher PIN"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def new_member(self) -> NewMember:
        """What was typed, checked as the operation will check it (raises ``Refused``)."""
        return validate_new_member(self._staff, self.name.text(), self.chosen_role(),
                                   self.pin.text(), self.pin_again.text(),
                                   self.approver.isChecked())

    def problem(self) -> str:
        """Why what was typed cannot be used yet; "" when it can."""
        try:
            self.new_member()
        except Refused as problem:
            return problem.message
        return ""

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())


class StaffTab(QWidget):
    def __init__(self, services: DeskServices, tasks: TaskRunner, ask_head_pin: HeadPinAsker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffTab")
        assert services.staff is not None
        self._services = services
        self._staff: StaffDirectory = services.staff
        self._operations = StaffOperations(services)
        self._tasks = tasks
        self._ask_head_pin = ask_head_pin
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("StaffTable")
        self.table.setAccessibleName(self.tr("Staff members"))
        self.table.setToolTip(self.tr("Choose a person here, then use the buttons below to "
                                      "change them"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Approver"), self.tr("Status")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add a member of staff…"))
        self.add_button.setToolTip(self.tr("Give someone their own PIN to sign in with; needs "
                                           "the head-teacher PIN"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_member)
        self.role_box = QComboBox()
        self.role_box.setAccessibleName(self.tr("New role for the selected person"))
        self.role_box.setToolTip(self.tr("The role “Change role” gives the person chosen in "
                                         "the list"))
        for role in Role:
            self.role_box.addItem(role_title(role), role.value)
        self.role_box.setPlaceholderText(self.tr("Choose a person first"))
        self.role_box.setCurrentIndex(-1)  # no role shown until a person is chosen
        self.role_box.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._person_chosen)
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.setToolTip(self.tr("Give the chosen person the role shown beside this "
                                            "button; needs the head-teacher PIN"))
        self.role_button.clicked.connect(self.change_role)
        self.approver_button = QPushButton(self.tr("Approver on/off"))
        self.approver_button.setToolTip(self.tr(
            "Let this person approve other people's tweets, or stop"))
        self.approver_button.clicked.connect(self.toggle_approver)
        self.active_button = QPushButton(self.tr("Deactivate / reactivate"))
        self.active_button.setProperty("destructive", True)
        self.active_button.setToolTip(self.tr("A deactivated person can no longer sign in; "
                                              "their past actions stay in the audit log"))
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton(self.tr("Unlock PIN"))
        self.unlock_button.setToolTip(self.tr("Lift the lock after too many wrong PINs"))
        self.unlock_button.clicked.connect(self.unlock)
        self.reset_pin_button = QPushButton(self.tr("Set a new PIN…"))
        self.reset_pin_button.setToolTip(self.tr("For someone who forgot their PIN: choose a "
                                                 "new one for them; needs the head-teacher "
                                                 "PIN"))
        self.reset_pin_button.clicked.connect(self.reset_pin)
        # Two rows: the whole tab still fits a 1366 px screen with enlarged text.
        buttons = QVBoxLayout()
        account_row, pin_row = QHBoxLayout(), QHBoxLayout()
        account_row.addWidget(self.add_button)
        account_row.addStretch(1)
        account_row.addWidget(self.role_box)
        account_row.addWidget(self.role_button)
        account_row.addWidget(self.approver_button)
        pin_row.addStretch(1)
        pin_row.addWidget(self.active_button)
        pin_row.addWidget(self.unlock_button)
        pin_row.addWidget(self.reset_pin_button)
        buttons.addLayout(account_row)
        buttons.addLayout(pin_row)
        # One row per permission, one column per role: four short role names across fit
        # 1180 px (and the kiosk's large text) with no sideways scrolling.
        self.permissions = QTableWidget(len(Permission), len(Role))
        self.permissions.setObjectName("PermissionsTable")
        self.permissions.setAccessibleName(self.tr("What each role may do"))
        self.permissions.setToolTip(self.tr("Tick or untick what each role may do (Space "
                                            "toggles the chosen box), then save the changes"))
        self.permissions.setHorizontalHeaderLabels(
            ["\n".join(textwrap.wrap(role_title(r), 14)) for r in Role])
        self.permissions.setVerticalHeaderLabels([permission_title(p) for p in Permission])
        self.permissions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.permissions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_permissions_button = QPushButton(self.tr("Save role changes…"))
        self.save_permissions_button.setToolTip(self.tr(
            "Save the ticks in the table above; needs the head-teacher PIN"))
        self.save_permissions_button.clicked.connect(self.save_permissions)
        self.recovery_button = QPushButton(self.tr("New recovery code…"))
        self.recovery_button.setToolTip(self.tr(
            "If the written copy of the head teacher's recovery code is lost: a new code is "
            "shown once and the old one stops working; needs the head-teacher PIN"))
        self.recovery_button.clicked.connect(self.new_recovery_code)
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        # Two pages: the people, and what each role may do. Each has the tab's whole
        # height, so the grid's nine rows show at once even with the kiosk's large text.
        people = QWidget()
        layout = QVBoxLayout(people)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.recovery_button)
        row.addStretch(1)
        layout.addLayout(row)
        roles = QWidget()
        roles_layout = QVBoxLayout(roles)
        roles_layout.addWidget(self.permissions, 1)
        self.permissions_message = QLabel()
        self.permissions_message.setObjectName("TabMessage")
        self.permissions_message.setWordWrap(True)
        roles_layout.addWidget(self.permissions_message)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_permissions_button)
        roles_layout.addLayout(save_row)
        self.pages = QTabWidget()
        self.pages.setObjectName("StaffPages")
        self.pages.addTab(people, self.tr("Staff who use the app"))
        self.pages.addTab(roles, self.tr("What each role may do"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.reload()

    # -- showing -----------------------------------------------------------------
    def reload(self) -> None:
        members = self._staff.members(include_inactive=True)
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            name = QTableWidgetItem(member.name)
            name.setData(id_role(), member.staff_id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(role_title(Role(member.role))))
            self.table.setItem(row, 2, QTableWidgetItem(self.tr("Yes") if member.approver
                                                        else ""))
            self.table.setItem(row, 3, QTableWidgetItem(
                self.tr("Active") if member.active else self.tr("Deactivated")))
        self.table.resizeColumnsToContents()
        table = self._staff.role_permissions()
        for row, permission in enumerate(Permission):
            for column, role in enumerate(Role):
                box = QTableWidgetItem()
                box.setFlags(box.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                allowed = permission in table[role]
                box.setCheckState(Qt.CheckState.Checked if allowed else Qt.CheckState.Unchecked)
                box.setToolTip(f"{role_title(role)}: {permission_title(permission)}")
                self.permissions.setItem(row, column, box)
        self._person_chosen()

    def _person_chosen(self) -> None:
        """The role box shows the chosen person's role, and nothing while nobody is chosen."""
        member = self.selected_member()
        self.role_box.setEnabled(member is not None)
        self.role_box.setCurrentIndex(-1 if member is None
                                      else self.role_box.findData(Role(member.role).value))

    def selected_member(self) -> StaffMember | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        row = rows.pop() if len(rows) == 1 else -1
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        staff_id = int(item.data(id_role()))
        return next((m for m in self._staff.members(include_inactive=True)
                     if m.staff_id == staff_id), None)

    # -- changing ----------------------------------------------------------------
    def _guarded(self, action: str, change: Callable[[str], object], done: str, *,
                 form: GuardedFormDialog | None = None,
                 validate: Callable[[], object] | None = None) -> None:
        """Check, ask for the head-teacher PIN, then change; a form stays open on refusal."""
        run_guarded_change(self._ask_head_pin, self._tasks, action, change, done, self._show,
                           form=form, validate=validate)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def add_member(self) -> None:
        self.new_member_dialog().exec()

    def new_member_dialog(self) -> NewMemberDialog:
        """The form, wired so that OK adds the person (and keeps the form on a refusal)."""
        dialog = NewMemberDialog(self._staff, self)
        dialog.submitted.connect(lambda: self.add_from_dialog(dialog))
        return dialog

    def add_from_dialog(self, dialog: NewMemberDialog) -> None:
        """Everything typed is checked first; then the PIN; the dialog closes once added."""
        try:
            new = dialog.new_member()
        except Refused as problem:
            dialog.refused(problem.message)
            self.message.setText(problem.message)
            return
        operations = self._operations
        session = session_of(self._services)
        names = {"name": new.name, "role": role_title(new.role).lower()}
        self._guarded(self.tr("add {name} as {role}").format(**names),
                      lambda head: operations.add_member(session, new, head),
                      self.tr("{name} can now sign in with their PIN.").format(**names),
                      form=dialog)

    def _chosen_or_say(self) -> StaffMember | None:
        """The person chosen in the list, or None after asking for a choice."""
        member = self.selected_member()
        if member is None:
            self.message.setText(self.tr("Choose a person in the list first."))
        return member

    def change_role(self) -> None:
        member = self._chosen_or_say()
        if member is None:
            return
        role, operations = Role(self.role_box.currentData()), self._operations
        session = session_of(self._services)
        names = {"name": member.name, "role": role_title(role).lower()}
        self._guarded(self.tr("make {name} {role}").format(**names),
                      lambda head: operations.change_role(session, member.staff_id, role, head),
                      self.tr("{name} is now {role}.").format(**names))

    def toggle_approver(self) -> None:
        member = self._chosen_or_say()
        if member is None:
            return
        operations, grant = self._operations, not member.approver
        session = session_of(self._services)
        if grant:
            action = self.tr("let {name} approve tweets")
            done = self.tr("{name} may approve tweets.")
        else:
            action = self.tr("stop {name} approving tweets")
            done = self.tr("{name} may no longer approve tweets.")
        self._guarded(action.format(name=member.name),
                      lambda head: operations.set_approver(session, member.staff_id, grant,
                                                           head),
                      done.format(name=member.name))

    def toggle_active(self) -> None:
        member = self._chosen_or_say()
        if member is None:
            return
        operations, active = self._operations, not member.active
        session = session_of(self._services)
        if active:
            action, done = self.tr("reactivate {name}"), self.tr("{name} is active again.")
        else:
            action, done = self.tr("deactivate {name}"), self.tr("{name} is deactivated.")
        self._guarded(action.format(name=member.name),
                      lambda head: operations.set_active(session, member.staff_id, active,
                                                         head),
                      done.format(name=member.name))

    def unlock(self) -> None:
        member = self._chosen_or_say()
        if member is None:
            return
        operations, session = self._operations, session_of(self._services)
        self._guarded(self.tr("unlock {name}'s PIN").format(name=member.name),
                      lambda head: operations.unlock_pin(session, member.staff_id, head),
                      self.tr("{name} can try their PIN again.").format(name=member.name))

    def reset_pin(self) -> None:
        """For someone who forgot their PIN: the head chooses a new one for them."""
        member = self._chosen_or_say()
        if member is None:
            return
        self.reset_pin_dialog(member).exec()

    def reset_pin_dialog(self, member: StaffMember) -> ResetPinDialog:
        """The form, wired so that OK sets the new PIN (and keeps it on a refusal)."""
        dialog = ResetPinDialog(member.name, self)
        dialog.submitted.connect(lambda: self.reset_from_dialog(dialog, member))
        return dialog

    def reset_from_dialog(self, dialog: ResetPinDialog, member: StaffMember) -> None:
        pin, again = dialog.pin.text(), dialog.pin_again.text()
        operations, session = self._operations, session_of(self._services)
        self._guarded(self.tr("set a new PIN for {name}").format(name=member.name),
                      lambda head: operations.reset_pin(session, member.staff_id, pin, again,
                                                        head),
                      self.tr("{name} has a new PIN; tell them in person.").format(
                          name=member.name),
                      form=dialog, validate=lambda: validate_new_pin_choice(pin, again))

    def save_permissions(self) -> None:
        current = self._staff.role_permissions()
        changes = []
        for row, permission in enumerate(Permission):
            for column, role in enumerate(Role):
                item = self.permissions.item(row, column)
                wanted = item is not None and item.checkState() == Qt.CheckState.Checked
                if wanted != (permission in current[role]):
                    changes.append(PermissionChange(role, permission, wanted))
        if not changes:
            self.permissions_message.setText(self.tr("No role changes to save. Tick or untick "
                                                     "boxes in the table first."))
            return
        operations, session = self._operations, session_of(self._services)

        def show(text: str) -> None:  # under the grid, beside its Save button
            self.permissions_message.setText(text)
            self.reload()

        run_guarded_change(self._ask_head_pin, self._tasks, self.tr("change what roles may do"),
                           lambda head: operations.change_permissions(session, changes, head),
                           self.tr("{count} role change(s) saved.").format(count=len(changes)),
                           show, validate=lambda: validate_permission_changes(changes))

    def new_recovery_code(self) -> None:
        """The written copy is lost: a new code, shown once, and the old one stops working."""
        operations, session = self._operations, session_of(self._services)
        run_guarded(self._ask_head_pin, self._tasks, self.tr("issue a new recovery code"),
                    lambda head: operations.new_recovery_code(session, head),
                    self._show_recovery_code, self._show)

    def _show_recovery_code(self, code: str) -> None:
        self._show(self.tr("A new recovery code was issued; the old one no longer works."))
        self.recovery_dialog = NewRecoveryCodeDialog(code, self)
        self.recovery_dialog.open()
