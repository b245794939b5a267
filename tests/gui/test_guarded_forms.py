"""Forms behind the head-teacher PIN check what was typed first, then ask for the PIN,
and never lose what was typed on a refusal (issue 12, item 9); the head sets a new PIN
for a member of staff from the Staff tab."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.settings_tab import ExceptionDialog, SettingsTab
from stpeters_desk.ui.staff_tab import NewMemberDialog, StaffTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from tests.gui.test_security_ui import HEAD_PIN, TEACHER_PIN, head, head_pin_asker, school

__all__ = ["head", "school"]  # fixtures shared with the security tests

LONG_NAME = "Mrs " + "Invented" * 25  # 204 characters: a paste gone wrong
NEW_PIN = "604219"


def staff_tab(qtbot: QtBot, school: DeskServices, pin: str | None) -> tuple[StaffTab, list[str]]:
    asked, ask = head_pin_asker(pin)
    tab = StaffTab(school, SyncTaskRunner(), ask)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    return tab, asked


def filled_new_member(tab: StaffTab, qtbot: QtBot, name: str) -> NewMemberDialog:
    dialog = tab.new_member_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SECRETARY.value))
    dialog.pin.setText(NEW_PIN)
    dialog.pin_again.setText(NEW_PIN)
    dialog.approver.setChecked(True)
    dialog.open()  # on screen, as the head sees it
    return dialog


def typed(dialog: NewMemberDialog) -> tuple[str, object, str, str, bool]:
    return (dialog.name.text(), dialog.role.currentData(), dialog.pin.text(),
            dialog.pin_again.text(), dialog.approver.isChecked())


def test_a_name_too_long_is_refused_before_the_pin_is_asked_and_the_form_stays(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    school.sign_in(head)
    tab, asked = staff_tab(qtbot, school, HEAD_PIN)
    dialog = filled_new_member(tab, qtbot, LONG_NAME)
    before = typed(dialog)
    dialog.buttons.accepted.emit()  # the head presses OK
    assert asked == []  # nobody was asked for the PIN
    assert "under 60 characters" in dialog.message.text()
    assert dialog.isVisible() and typed(dialog) == before
    dialog.name.setText("Ms Invented Secretary")  # corrected in place
    dialog.buttons.accepted.emit()
    assert len(asked) == 1 and not dialog.isVisible()
    assert school.staff is not None
    assert "Ms Invented Secretary" in [m.name for m in school.staff.members()]


def test_a_wrong_pin_keeps_everything_typed_for_another_try(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    school.sign_in(head)
    tab, asked = staff_tab(qtbot, school, "111222")
    dialog = filled_new_member(tab, qtbot, "Ms Invented Secretary")
    before = typed(dialog)
    tab.add_from_dialog(dialog)
    assert asked and dialog.isVisible()
    assert "not right" in dialog.message.text()
    assert typed(dialog) == before
    assert school.staff is not None
    assert "Ms Invented Secretary" not in [m.name for m in school.staff.members()]
    right, _asked = staff_tab(qtbot, school, HEAD_PIN)
    right.add_from_dialog(dialog)  # the same form, now with the right PIN
    assert not dialog.isVisible()
    added = next(m for m in school.staff.members() if m.name == "Ms Invented Secretary")
    assert (added.role, added.approver) == (Role.SECRETARY, True)


def test_a_trip_exception_is_checked_first_and_kept_after_a_wrong_pin(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    school.sign_in(head)
    asked, wrong = head_pin_asker("111222")
    tab = SettingsTab(school, SyncTaskRunner(), wrong, lambda: None)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    dialog = ExceptionDialog(tab)
    qtbot.addWidget(dialog)
    dialog.open()
    now = QDateTime.currentDateTime()
    dialog.start.setDateTime(now.addSecs(3600))
    dialog.end.setDateTime(now)  # the end before the start
    dialog.reason.setText("Year 6 residential trip")
    tab.grant_exception_from(dialog)
    assert asked == [] and "after its start" in dialog.message.text()
    dialog.end.setDateTime(now.addSecs(8 * 3600))
    tab.grant_exception_from(dialog)
    assert len(asked) == 1 and dialog.isVisible()
    assert dialog.reason.text() == "Year 6 residential trip" and dialog.message.text()
    assert school.devices is not None and school.device is not None
    assert school.devices.current_and_future_exceptions() == []
    tab._ask_head_pin = lambda _action: HEAD_PIN
    tab.grant_exception_from(dialog)
    assert not dialog.isVisible()
    granted = school.devices.current_and_future_exceptions()
    assert [g.reason for g in granted] == ["Year 6 residential trip"]
    assert granted[0].end - granted[0].start == timedelta(hours=7)


def test_the_x_password_stays_typed_after_a_wrong_pin(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    from stpeters_desk.x.credentials import load_account_password
    from tests.keyrings import MemoryKeyring, keyring_backend

    school.sign_in(head)
    with keyring_backend(MemoryKeyring()):
        asked, wrong = head_pin_asker("111222")
        tab = SettingsTab(school, SyncTaskRunner(), wrong, lambda: None)  # type: ignore[arg-type]
        qtbot.addWidget(tab)
        tab.store_password()  # nothing typed: said at once, no PIN asked
        assert asked == [] and "password first" in tab.message.text()
        tab.password_field.setText("invented-X-password-2")
        tab.store_password()
        assert asked and load_account_password() is None
        assert tab.password_field.text() == "invented-X-password-2"


def test_the_head_sets_a_new_pin_for_a_member_of_staff_from_the_staff_tab(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    assert school.staff is not None
    teacher = school.staff.add_member("Mr Invented Teacher", Role.TEACHER, TEACHER_PIN,
                                      by=head, head_pin=HEAD_PIN)
    school.sign_in(head)
    tab, asked = staff_tab(qtbot, school, HEAD_PIN)
    assert tab.reset_pin_button.isVisibleTo(tab) and tab.reset_pin_button.isEnabled()
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.item(r, 0).text() == teacher.name)
    tab.table.selectRow(row)
    member = tab.selected_member()
    assert member == teacher
    dialog = tab.reset_pin_dialog(member)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pin.setText(NEW_PIN)
    dialog.pin_again.setText("604218")  # a slip of the finger
    tab.reset_from_dialog(dialog, member)
    assert asked == [] and "different" in dialog.message.text() and dialog.isVisible()
    dialog.pin_again.setText(NEW_PIN)
    dialog.buttons.accepted.emit()  # OK
    assert asked == ["set a new PIN for Mr Invented Teacher"] and not dialog.isVisible()
    assert "new PIN" in tab.message.text()
    assert school.staff.sign_in(teacher.staff_id, TEACHER_PIN).member is None
    assert school.staff.sign_in(teacher.staff_id, NEW_PIN).member == teacher
    assert "reset PIN" in [e.action for e in school.audit.recent(5)]


def test_the_head_issues_a_new_recovery_code_shown_once(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    school.sign_in(head)
    tab, asked = staff_tab(qtbot, school, HEAD_PIN)
    tab.recovery_button.click()
    assert asked == ["issue a new recovery code"]
    dialog = tab.recovery_dialog
    qtbot.addWidget(dialog)
    code = dialog.page.code_label.text()
    assert len(code.replace("-", "")) == 20
    assert not dialog.finish_button.isEnabled()
    dialog.reject()  # Escape: not before it is written down
    assert dialog.isVisible()
    dialog.page.confirm.setChecked(True)
    dialog.finish_button.click()
    assert not dialog.isVisible()
    assert school.staff is not None
    school.staff.recover_head(code, NEW_PIN)  # the code shown is the one that works


def test_someone_changes_their_own_pin_in_settings(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    assert school.staff is not None
    teacher = school.staff.add_member("Mr Invented Teacher", Role.TEACHER, TEACHER_PIN,
                                      by=head, head_pin=HEAD_PIN)
    school.sign_in(teacher)
    tab = SettingsTab(school, SyncTaskRunner(), lambda _action: None, lambda: None)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.change_pin_button.isVisible()
    tab.current_pin.setText("111222")
    tab.new_pin.setText(NEW_PIN)
    tab.new_pin_again.setText(NEW_PIN)
    tab.change_pin_button.click()
    assert "not right" in tab.message.text()
    assert (tab.current_pin.text(), tab.new_pin.text()) == ("111222", NEW_PIN)  # kept
    tab.current_pin.setText(TEACHER_PIN)
    tab.change_pin_button.click()
    assert tab.new_pin.text() == "" and "changed" in tab.message.text()
    assert school.staff.sign_in(teacher.staff_id, NEW_PIN).member == teacher


def test_the_sign_in_screen_says_at_once_when_someone_must_wait(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    from stpeters_desk.ui.sign_in import SignInPanel

    assert school.staff is not None
    teacher = school.staff.add_member("Mr Invented Teacher", Role.TEACHER, TEACHER_PIN,
                                      by=head, head_pin=HEAD_PIN)
    for _ in range(4):
        school.staff.sign_in(teacher.staff_id, "111222")
    from stpeters_desk.ops.sign_in import SignInDesk

    assert school.staff is not None
    panel = SignInPanel(SignInDesk(school.staff), SyncTaskRunner())
    qtbot.addWidget(panel)
    row = next(r for r in range(panel.people.count())
               if panel.people.item(r).text().startswith(teacher.name))
    panel.people.setCurrentRow(row)
    assert "Try again in 30 seconds" in panel.message.text()


def test_back_from_the_trip_the_permission_ends_from_settings(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    assert school.devices is not None and school.device is not None
    now = datetime.now().astimezone()
    school.devices.grant_exception(school.device, now, now + timedelta(hours=3), "Match",
                                   by=head, head_pin=HEAD_PIN)
    school.sign_in(head)
    tab = SettingsTab(school, SyncTaskRunner(), lambda _action: None, lambda: None)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.end_exception_button.isVisible()
    tab.end_exception_button.click()
    assert not school.devices.may_post(school.device)[0]
    assert not tab.end_exception_button.isVisible()


def test_settings_shows_the_months_reads_and_the_head_sets_a_limit_with_the_pin(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    """Reads are counted for the real account; the figures and the limit show in Settings."""
    from datetime import UTC

    from stpeters_desk.core.storage.usage_store import UsageStore
    from stpeters_desk.core.x_usage import month_of

    school.sign_in(head)
    school.gateway.kind = "real"  # type: ignore[misc]
    assert school.db is not None
    UsageStore(school.db).add("real", month_of(datetime.now(UTC)), 1234)
    pins = ["111222", HEAD_PIN]
    tab = SettingsTab(school, SyncTaskRunner(), lambda _action: pins.pop(0),  # type: ignore[arg-type]
                      lambda: None)
    qtbot.addWidget(tab)
    assert "1,234 posts and accounts, in 1 requests" in tab.reads_label.text()
    assert "No monthly limit" in tab.reads_label.text()
    assert tab.show_section("account")  # Settings shows one section at a time
    assert tab.read_cap_button.isVisibleTo(tab)
    tab.read_cap_spin.setValue(5000)
    tab.set_read_cap()
    assert tab.read_cap_spin.value() == 5000  # a wrong PIN keeps what was typed
    assert "5,000" not in tab.message.text()
    tab.set_read_cap()
    assert "5,000" in tab.message.text()
    tab.reload()
    assert "Limit: 5,000 a month; 3,766 left." in tab.reads_label.text()
