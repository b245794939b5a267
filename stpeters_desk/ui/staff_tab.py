"""The Staff tab: who may use the app and what each role may do.

Only people whose role may manage staff see it, and every change asks for the
head-teacher PIN at the moment it is made, as the policy gives the head
teacher control over who tweets and who holds passwords. Built only after
sign-in, so it may use Qt's namespace freely.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.roles import PERMISSION_TITLES, ROLE_TITLES, Permission, Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.security_dialogs import (
    HeadPinAsker,
    hidden_field,
    new_pin_problem,
    run_guarded,
)
from stpeters_desk.ui.tasks import TaskRunner


class NewMemberDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a member of staff")
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in Role:
            self.role.addItem(ROLE_TITLES[role], role.value)
        self.pin = hidden_field("Their PIN")
        self.pin_again = hidden_field("Their PIN again")
        self.approver = QCheckBox("May approve other people's tweets")
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Name (as staff know them)", self.name)
        form.addRow("Role", self.role)
        form.addRow("PIN (6 or more digits)", self.pin)
        form.addRow("PIN again", self.pin_again)
        form.addRow(self.approver)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _check(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.accept()

    def problem(self) -> str:
        if not self.name.text().strip():
            return "Type the person's name."
        return new_pin_problem(self.pin.text(), self.pin_again.text())

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
        self._tasks = tasks
        self._ask_head_pin = ask_head_pin
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("StaffTable")
        self.table.setAccessibleName("Staff members")
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Approver", "Status"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton("Add a member of staff…")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_member)
        self.role_box = QComboBox()
        self.role_box.setAccessibleName("New role for the selected person")
        for role in Role:
            self.role_box.addItem(ROLE_TITLES[role], role.value)
        self.role_button = QPushButton("Change role")
        self.role_button.clicked.connect(self.change_role)
        self.approver_button = QPushButton("Approver on/off")
        self.approver_button.setToolTip("Let this person approve other people's tweets, or stop")
        self.approver_button.clicked.connect(self.toggle_approver)
        self.active_button = QPushButton("Deactivate / reactivate")
        self.active_button.setToolTip("A deactivated person can no longer sign in")
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton("Unlock PIN")
        self.unlock_button.setToolTip("Lift the lock after too many wrong PINs")
        self.unlock_button.clicked.connect(self.unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.role_box)
        buttons.addWidget(self.role_button)
        buttons.addWidget(self.approver_button)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.unlock_button)
        self.permissions = QTableWidget(len(Role), len(Permission))
        self.permissions.setObjectName("PermissionsTable")
        self.permissions.setAccessibleName("What each role may do")
        self.permissions.setVerticalHeaderLabels([ROLE_TITLES[r] for r in Role])
        self.permissions.setHorizontalHeaderLabels([PERMISSION_TITLES[p] for p in Permission])
        self.permissions.setWordWrap(True)
        self.save_permissions_button = QPushButton("Save role changes…")
        self.save_permissions_button.clicked.connect(self.save_permissions)
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        title = QLabel("Staff who use the app")
        title.setObjectName("SectionTitle")
        roles_title = QLabel("What each role may do")
        roles_title.setObjectName("SectionTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(roles_title)
        layout.addWidget(self.permissions, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_permissions_button)
        layout.addLayout(row)
        self.reload()

    # -- showing -----------------------------------------------------------------
    def reload(self) -> None:
        members = self._staff.members(include_inactive=True)
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            name = QTableWidgetItem(member.name)
            name.setData(id_role(), member.staff_id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(ROLE_TITLES[Role(member.role)]))
            self.table.setItem(row, 2, QTableWidgetItem("Yes" if member.approver else ""))
            self.table.setItem(row, 3, QTableWidgetItem(
                "Active" if member.active else "Deactivated"))
        self.table.resizeColumnsToContents()
        table = self._staff.role_permissions()
        for row, role in enumerate(Role):
            for column, permission in enumerate(Permission):
                box = QTableWidgetItem()
                box.setFlags(box.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                allowed = permission in table[role]
                box.setCheckState(Qt.CheckState.Checked if allowed else Qt.CheckState.Unchecked)
                self.permissions.setItem(row, column, box)
        self.permissions.resizeColumnsToContents()

    def selected_member(self) -> StaffMember | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        staff_id = int(item.data(id_role()))
        return next((m for m in self._staff.members(include_inactive=True)
                     if m.staff_id == staff_id), None)

    # -- changing ----------------------------------------------------------------
    def _guarded(self, action: str, change: Callable[[str], object], done: str) -> None:
        run_guarded(self._ask_head_pin, self._tasks, action, change, done, self._show)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def _by(self) -> StaffMember:
        assert self._services.member is not None
        return self._services.member

    def add_member(self) -> None:
        dialog = self.new_member_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_from_dialog(dialog)

    def new_member_dialog(self) -> NewMemberDialog:
        return NewMemberDialog(self)

    def add_from_dialog(self, dialog: NewMemberDialog) -> None:
        name, role, pin = dialog.name.text().strip(), dialog.chosen_role(), dialog.pin.text()
        approver, by, staff = dialog.approver.isChecked(), self._by(), self._staff
        self._guarded(f"add {name} as {ROLE_TITLES[role].lower()}",
                      lambda head: staff.add_member(name, role, pin, approver, by=by,
                                                    head_pin=head),
                      f"{name} can now sign in with their PIN.")

    def change_role(self) -> None:
        member = self.selected_member()
        if member is None:
            self.message.setText("Choose a person in the list first.")
            return
        role, by, staff = Role(self.role_box.currentData()), self._by(), self._staff
        self._guarded(f"make {member.name} {ROLE_TITLES[role].lower()}",
                      lambda head: staff.update_member(member.staff_id, role=role, by=by,
                                                       head_pin=head),
                      f"{member.name} is now {ROLE_TITLES[role].lower()}.")

    def toggle_approver(self) -> None:
        member = self.selected_member()
        if member is None:
            self.message.setText("Choose a person in the list first.")
            return
        by, staff, grant = self._by(), self._staff, not member.approver
        self._guarded(("let " if grant else "stop ") + f"{member.name} approving tweets",
                      lambda head: staff.update_member(member.staff_id, approver=grant, by=by,
                                                       head_pin=head),
                      f"{member.name} {'may' if grant else 'may no longer'} approve tweets.")

    def toggle_active(self) -> None:
        member = self.selected_member()
        if member is None:
            self.message.setText("Choose a person in the list first.")
            return
        by, staff, active = self._by(), self._staff, not member.active
        self._guarded(("reactivate " if active else "deactivate ") + member.name,
                      lambda head: staff.update_member(member.staff_id, active=active, by=by,
                                                       head_pin=head),
                      f"{member.name} is {'active again' if active else 'deactivated'}.")

    def unlock(self) -> None:
        member = self.selected_member()
        if member is None:
            self.message.setText("Choose a person in the list first.")
            return
        by, staff = self._by(), self._staff
        self._guarded(f"unlock {member.name}'s PIN",
                      lambda head: staff.unlock(member.staff_id, by=by, head_pin=head),
                      f"{member.name} can try their PIN again.")

    def save_permissions(self) -> None:
        current = self._staff.role_permissions()
        changes = []
        for row, role in enumerate(Role):
            for column, permission in enumerate(Permission):
                item = self.permissions.item(row, column)
                wanted = item is not None and item.checkState() == Qt.CheckState.Checked
                if wanted != (permission in current[role]):
                    changes.append((role, permission, wanted))
        if not changes:
            self.message.setText("No role changes to save.")
            return
        by, staff = self._by(), self._staff

        def apply(head: str) -> None:
            for role, permission, allowed in changes:
                staff.set_permission(role, permission, allowed, by=by, head_pin=head)

        self._guarded("change what roles may do", apply, f"{len(changes)} role change(s) saved.")

