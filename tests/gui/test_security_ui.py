"""Signing in, the head-teacher PIN, staff, devices, audit and kiosk, driven through the UI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.drafts import DraftOwner
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.security_dialogs import SetupWizard
from stpeters_desk.ui.staff_tab import StaffTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.conftest import answer_preflight

HEAD_PIN = "480516"
TEACHER_PIN = "731902"


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path,
           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[DeskServices]:
    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "config"))
    yield DeskServices.for_school(db, sandbox, data_dir)


@pytest.fixture
def head(school: DeskServices) -> StaffMember:
    assert school.staff is not None
    member, _code = school.staff.create_head("Mrs Invented Head", HEAD_PIN)
    return member


def head_pin_asker(pin: str | None = HEAD_PIN) -> tuple[list[str], object]:
    asked: list[str] = []

    def ask(action: str) -> str | None:
        asked.append(action)
        return pin

    return asked, ask


def open_window(qtbot: QtBot, services: DeskServices, pin: str | None = HEAD_PIN,
                kiosk: bool = False) -> MainWindow:
    _asked, ask = head_pin_asker(pin)
    window = MainWindow(services, SyncTaskRunner(), kiosk=kiosk,
                        head_pin_asker=ask)  # type: ignore[arg-type]
    answer_preflight(window.composer)
    if not kiosk:
        window.allow_close()
    qtbot.addWidget(window)
    window.show()
    return window


def sign_in(window: MainWindow, name: str, pin: str) -> None:
    panel = window.sign_in_panel
    assert panel is not None
    for row in range(panel.people.count()):
        if panel.people.item(row).text().startswith(name):
            panel.people.setCurrentRow(row)
    for digit in pin:
        panel.pin_pad.press(digit)
    QTest.mouseClick(panel.pin_pad.ok_button, Qt.MouseButton.LeftButton)


def test_first_run_wizard_creates_the_head_and_registers_the_computer(
        qtbot: QtBot, school: DeskServices) -> None:
    assert school.staff is not None and school.devices is not None
    wizard = SetupWizard(school, SyncTaskRunner())
    qtbot.addWidget(wizard)
    wizard.name_field.setText("Mr Invented Head")
    wizard.pin_field.setText("123456")
    wizard.pin_again.setText("123456")
    wizard.ok_button.click()
    assert "run of digits" in wizard.message.text()
    assert wizard.pages.currentIndex() == 0
    wizard.pin_field.setText(HEAD_PIN)
    wizard.pin_again.setText(HEAD_PIN)
    wizard.ok_button.click()
    assert wizard.pages.currentIndex() == 1
    code = wizard.recovery_page.code_label.text()
    assert len(code) >= 12
    assert not wizard.ok_button.isEnabled()  # the code must be acknowledged
    wizard.recovery_page.confirm.setChecked(True)
    wizard.ok_button.click()
    assert wizard.result() == SetupWizard.DialogCode.Accepted
    assert wizard.head is not None and wizard.head.role == Role.HEAD
    assert school.staff.is_set_up()
    assert school.device is not None and school.devices.is_registered(school.device)


def test_sign_in_shows_the_tabs_the_role_allows(qtbot: QtBot, school: DeskServices,
                                                head: StaffMember) -> None:
    window = open_window(qtbot, school)
    assert window.pages.currentWidget() is window.sign_in_panel
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    assert window.pages.currentIndex() == 0
    assert window.tab_names() == ["Compose", "Photos", "Approvals", "Moderation", "Followers",
                                  "Staff", "Audit", "Settings", "Policy"]
    assert window.signed_in_label.text() == "Signed in: Mrs Invented Head"
    assert school.audit.recent(5)[0].action in ("sign in", "signed in")


def test_wrong_pins_wait_then_lock(qtbot: QtBot, school: DeskServices,
                                   head: StaffMember) -> None:
    window = open_window(qtbot, school)
    for _ in range(3):
        sign_in(window, "Mrs Invented Head", "000000")
    panel = window.sign_in_panel
    assert panel is not None
    assert window.pages.currentWidget() is panel
    sign_in(window, "Mrs Invented Head", "000001")
    assert "wait" in panel.message.text().lower() or "try again" in panel.message.text().lower()
    sign_in(window, "Mrs Invented Head", HEAD_PIN)  # even the right PIN waits
    assert window.pages.currentWidget() is panel


def test_teacher_sees_compose_without_direct_posting(qtbot: QtBot, school: DeskServices,
                                                     head: StaffMember) -> None:
    assert school.staff is not None
    school.staff.add_member("Mr Invented Teacher", Role.TEACHER, TEACHER_PIN, by=head,
                            head_pin=HEAD_PIN)
    window = open_window(qtbot, school)
    sign_in(window, "Mr Invented Teacher", TEACHER_PIN)
    assert window.tab_names() == ["Compose", "Photos", "Approvals", "Settings", "Policy"]
    composer = window.composer
    composer.editor.setPlainText("Class 2 planted sunflowers")
    assert composer.post_button.text() == "Submit for approval"
    assert composer.post_button.isEnabled()
    composer.post()
    assert "Sent for approval" in composer.message_label.text()
    assert composer.editor.toPlainText() == ""
    assert school.approvals is not None
    waiting = school.approvals.awaiting()
    assert [item.text for item in waiting] == ["Class 2 planted sunflowers"]
    assert all(p.text != "Class 2 planted sunflowers" for p in school.gateway.own_posts(200))


def test_lock_keeps_the_draft(qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    window.composer.editor.setPlainText("Half a tweet about the harvest")
    window.lock_button.click()
    assert window.pages.currentWidget() is window.sign_in_panel
    assert school.device is not None
    owner = DraftOwner(head.staff_id, school.device.label)
    assert school.drafts.load(owner) == "Half a tweet about the harvest"
    assert window.composer.editor.toPlainText() == ""  # not left for the next person
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    assert window.composer.editor.toPlainText() == "Half a tweet about the harvest"


def test_unregistered_computer_cannot_post_until_the_head_registers_it(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    composer = window.composer
    composer.editor.setPlainText("Sports day results are in")
    composer.post()
    assert "not a school-registered computer" in composer.message_label.text()
    assert composer.editor.toPlainText() == "Sports day results are in"  # nothing lost
    window.select_tab("Settings")
    settings = window.current_page()
    settings.register_device()  # type: ignore[attr-defined]
    assert school.devices is not None and school.device is not None
    assert school.devices.is_registered(school.device)
    composer.post()
    assert composer.message_label.text() == "Posted."


def test_staff_changes_need_the_right_head_pin(qtbot: QtBot, school: DeskServices,
                                                head: StaffMember) -> None:
    school.sign_in(head)
    asked, right = head_pin_asker(HEAD_PIN)
    tab = StaffTab(school, SyncTaskRunner(), right)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    dialog = tab.new_member_dialog()
    dialog.name.setText("Ms Invented Secretary")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SECRETARY.value))
    dialog.pin.setText("902417")
    dialog.pin_again.setText("902417")
    assert dialog.problem() == ""
    tab.add_from_dialog(dialog)
    assert asked and "add Ms Invented Secretary" in asked[0]
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert "Ms Invented Secretary" in names

    _asked, wrong = head_pin_asker("111222")
    refusing = StaffTab(school, SyncTaskRunner(), wrong)  # type: ignore[arg-type]
    qtbot.addWidget(refusing)
    dialog.name.setText("Mr Not Added")
    refusing.add_from_dialog(dialog)
    assert refusing.message.text()  # says why
    assert school.staff is not None
    assert "Mr Not Added" not in [m.name for m in school.staff.members()]


def test_audit_tab_lists_verifies_and_exports(qtbot: QtBot, school: DeskServices,
                                              head: StaffMember, tmp_path: Path) -> None:
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    window.select_tab("Audit")
    audit_tab = window.current_page()
    audit_tab.refresh()  # type: ignore[attr-defined]
    assert audit_tab.model.rowCount() >= 2  # type: ignore[attr-defined]
    audit_tab.verify()  # type: ignore[attr-defined]
    assert "intact" in audit_tab.message.text()  # type: ignore[attr-defined]
    out = tmp_path / "audit.csv"
    audit_tab.export_to(out)  # type: ignore[attr-defined]
    assert "Mrs Invented Head" in out.read_text(encoding="utf-8-sig")


def test_kiosk_close_needs_the_head_pin(qtbot: QtBot, school: DeskServices,
                                       head: StaffMember) -> None:
    refused = open_window(qtbot, school, pin=None, kiosk=True)
    event = QCloseEvent()
    refused.closeEvent(event)
    assert not event.isAccepted()
    wrong = open_window(qtbot, school, pin="222333", kiosk=True)
    event = QCloseEvent()
    wrong.closeEvent(event)
    assert not event.isAccepted()
    right = open_window(qtbot, school, pin=HEAD_PIN, kiosk=True)
    event = QCloseEvent()
    right.closeEvent(event)
    assert event.isAccepted()
    assert school.audit.recent(1)[0].action == "kiosk closed"


def test_kiosk_locks_when_idle(qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    window = open_window(qtbot, school, kiosk=True)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    assert window.idle_watcher is not None
    window.idle_watcher.timer.setInterval(50)
    window.idle_watcher.timer.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.sign_in_panel, timeout=3000)
    window.allow_close()


def test_policy_file_is_loaded_and_junk_refused(qtbot: QtBot, school: DeskServices,
                                                head: StaffMember, tmp_path: Path) -> None:
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    window.select_tab("Policy")
    policy = window.current_page()
    good = tmp_path / "policy.txt"
    good.write_text("Our school's invented Twitter policy.\nNo child's name is posted.",
                    encoding="cp1252")
    assert policy.load_file(good)  # type: ignore[attr-defined]
    assert "invented Twitter policy" in policy.text.toPlainText()  # type: ignore[attr-defined]
    junk = tmp_path / "policy.docx"
    junk.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert not policy.load_file(junk)  # type: ignore[attr-defined]
    assert "not a plain-text policy" in policy.message.text()  # type: ignore[attr-defined]


def test_x_password_is_stored_and_shown_only_with_the_head_pin(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    from stpeters_desk.ui.settings_tab import SettingsTab
    from stpeters_desk.x.credentials import load_account_password
    from tests.keyrings import MemoryKeyring, keyring_backend

    school.sign_in(head)
    with keyring_backend(MemoryKeyring()):
        _asked, wrong = head_pin_asker("555666")
        refusing = SettingsTab(school, SyncTaskRunner(), wrong,  # type: ignore[arg-type]
                               lambda: None)
        qtbot.addWidget(refusing)
        refusing.password_field.setText("invented-X-password-1")
        refusing.store_password()
        assert load_account_password() is None
        assert refusing.message.text()

        asked, right = head_pin_asker(HEAD_PIN)
        settings = SettingsTab(school, SyncTaskRunner(), right,  # type: ignore[arg-type]
                               lambda: None)
        qtbot.addWidget(settings)
        settings.password_field.setText("invented-X-password-1")
        settings.store_password()
        assert load_account_password() == "invented-X-password-1"
        assert settings.password_field.text() == ""
        settings.reveal_password()
        assert "invented-X-password-1" in settings.revealed.text()
        assert [e.action for e in school.audit.recent(2)] == ["X password shown",
                                                              "X password changed"]
        assert len(asked) == 2


def test_a_second_kiosk_start_brings_the_first_forward(qtbot: QtBot, data_dir: Path) -> None:
    from stpeters_desk.ui.single_instance import (
        SingleInstance,
        ask_running_instance_to_show,
        instance_name,
    )

    name = instance_name(data_dir)
    assert not ask_running_instance_to_show(name, timeout_ms=100)
    shown: list[bool] = []
    first = SingleInstance(name, lambda: shown.append(True))
    assert ask_running_instance_to_show(name)
    qtbot.waitUntil(lambda: shown == [True], timeout=3000)
    first.server.close()


def test_teachers_tweet_goes_out_once_the_head_approves_it(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    assert school.staff is not None and school.devices is not None
    assert school.device is not None
    school.devices.register(school.device, by=head, head_pin=HEAD_PIN)
    school.staff.add_member("Mr Invented Teacher", Role.TEACHER, TEACHER_PIN, by=head,
                            head_pin=HEAD_PIN)
    window = open_window(qtbot, school)
    sign_in(window, "Mr Invented Teacher", TEACHER_PIN)
    window.composer.editor.setPlainText("Class 6 finished their Viking longship model")
    window.composer.post()
    window.lock()
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    window.select_tab("Approvals")
    tab = window.current_page()
    tab.reload()  # type: ignore[attr-defined]
    awaiting = tab.awaiting  # type: ignore[attr-defined]
    assert school.approvals is not None
    item = school.approvals.awaiting()[0]
    awaiting.select(item.submission_id)
    tab.approve_selected()  # type: ignore[attr-defined]
    window.send_due()
    texts = [p.text for p in school.gateway.own_posts(200)]
    assert texts.count("Class 6 finished their Viking longship model") == 1


def test_head_schedules_a_tweet_that_the_window_releases_on_time(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    from datetime import datetime, timedelta

    assert school.devices is not None and school.device is not None
    school.devices.register(school.device, by=head, head_pin=HEAD_PIN)
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    when = datetime.now().astimezone() + timedelta(minutes=30)
    window.composer.editor.setPlainText("Reminder: school photographs tomorrow morning")
    window.composer.schedule_at(when)
    assert "Scheduled for" in window.composer.message_label.text()
    queue = school.approvals
    assert queue is not None
    assert [i.text for i in queue.scheduled()] == ["Reminder: school photographs tomorrow morning"]
    window.send_due()
    assert all(p.text != "Reminder: school photographs tomorrow morning"
               for p in school.gateway.own_posts(200))
    assert queue.release_due(when + timedelta(seconds=1))
    window.send_due()
    texts = [p.text for p in school.gateway.own_posts(200)]
    assert texts.count("Reminder: school photographs tomorrow morning") == 1


def test_kiosk_mode_makes_touch_sized_buttons(qtbot: QtBot, school: DeskServices,
                                              head: StaffMember) -> None:
    from PySide6.QtWidgets import QApplication

    from stpeters_desk.core.paths import resources_dir
    from stpeters_desk.ui.application import apply_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, resources_dir())
    try:
        _asked, ask = head_pin_asker(HEAD_PIN)
        window = MainWindow(school, SyncTaskRunner(), kiosk=True,
                            head_pin_asker=ask)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.enter_kiosk()  # as the app does: frameless before the first show
        sign_in(window, "Mrs Invented Head", HEAD_PIN)
        qtbot.waitExposed(window)
        assert window.isFullScreen()
        assert window.composer.post_button.height() >= 44
        assert window.lock_button.height() >= 44
        from PySide6.QtWidgets import QTableView

        window.build_all_tabs()  # each tab is built when first shown, in kiosk sizes too
        tables = window.findChildren(QTableView)
        assert tables and all(t.verticalHeader().defaultSectionSize() >= 44 for t in tables)
        window.allow_close()
    finally:
        app.setStyleSheet("")
