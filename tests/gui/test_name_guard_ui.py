"""The child-name guard in the composer, the pre-flight panel, and importing the roster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.preflight import PreflightReport
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.preflight_dialog import PreflightDialog
from stpeters_desk.ui.settings_tab import SettingsTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.conftest import answer_preflight
from tests.keyrings import MemoryKeyring, keyring_backend

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"
HEAD_PIN = "480516"


@pytest.fixture
def keyring_in_memory() -> Iterator[None]:
    with keyring_backend(MemoryKeyring()):
        yield


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path,
           keyring_in_memory: None) -> DeskServices:
    services = DeskServices.for_school(db, sandbox, data_dir)
    assert services.staff is not None and services.devices is not None
    head, _ = services.staff.create_head("Mrs Invented Head", HEAD_PIN)
    assert services.device is not None
    services.devices.register(services.device, by=head, head_pin=HEAD_PIN)
    services.sign_in(head)
    return services


@pytest.fixture
def head(school: DeskServices) -> StaffMember:
    assert school.member is not None
    return school.member


def import_arbor(qtbot: QtBot, school: DeskServices, window: MainWindow) -> SettingsTab:
    window.select_tab("Settings")
    settings = window.current_page()
    assert isinstance(settings, SettingsTab)
    previews: list[object] = []
    settings.import_roster(ROSTERS / "arbor_export.csv",
                           confirm=lambda _p, preview: previews.append(preview) or True)
    assert previews and "pupils in" in settings.roster_label.text()
    return settings


def open_window(qtbot: QtBot, school: DeskServices, seen: list[PreflightReport],
                override_reason: str = "") -> MainWindow:
    window = MainWindow(school, SyncTaskRunner(),
                        head_pin_asker=lambda _action: HEAD_PIN)  # replacing the roster asks it
    answer_preflight(window.composer, seen, override_reason)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_pupils_name_is_highlighted_and_blocks_posting(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    seen: list[PreflightReport] = []
    window = open_window(qtbot, school, seen)
    import_arbor(qtbot, school, window)
    composer = window.composer
    composer.editor.setPlainText("Well done Olivia for a brilliant poem!")
    composer.check_names()
    assert not composer.names_label.isHidden()
    assert "Olivia" in composer.names_label.text()
    assert composer.names_label.property("level") == "block"
    assert len(composer.editor.extraSelections()) == 1
    composer.post()
    assert seen and not seen[0].can_post
    assert "Not posted" in composer.message_label.text()
    assert "Olivia" in composer.editor.toPlainText()  # nothing lost
    assert all(p.text != "Well done Olivia for a brilliant poem!"
               for p in school.gateway.own_posts(200))


def test_an_approver_may_override_with_a_reason(qtbot: QtBot, school: DeskServices,
                                                head: StaffMember) -> None:
    seen: list[PreflightReport] = []
    window = open_window(qtbot, school, seen,
                         override_reason="Olivia is the visiting author, not a pupil")
    import_arbor(qtbot, school, window)
    window.composer.editor.setPlainText("Thank you to author Olivia for visiting Class 3")
    window.composer.post()
    assert window.composer.message_label.text() == "Posted."
    override = next(e for e in school.audit.recent(10)
                    if e.action == "override pre-flight block")
    assert "visiting author" in override.reason  # the reason column, shown by the Audit tab


def test_name_free_tweet_passes_the_preflight(qtbot: QtBot, school: DeskServices,
                                              head: StaffMember) -> None:
    seen: list[PreflightReport] = []
    window = open_window(qtbot, school, seen)
    import_arbor(qtbot, school, window)
    window.composer.editor.setPlainText("Great use of our school computers by Class 4")
    window.composer.check_names()
    assert window.composer.names_label.isHidden()
    window.composer.post()
    assert seen[0].can_post
    assert window.composer.message_label.text() == "Posted."


def test_preflight_panel_lists_every_check_and_hides_override_from_others(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.preflight import run_preflight

    report = run_preflight("Well done Olivia! See stpeters.sch.uk", [],
                           NameGuard.from_names(["Olivia Smith"]))
    teacher_view = PreflightDialog(report, may_override=False)
    qtbot.addWidget(teacher_view)
    assert teacher_view.post_button.isHidden()
    assert "cannot be posted" in teacher_view.message.text()
    head_view = PreflightDialog(report, may_override=True)
    qtbot.addWidget(head_view)
    assert not head_view.post_button.isHidden()
    head_view.reason.setText("short")
    head_view.confirm()
    assert not head_view.decision.post  # a reason of a few words is required
    from PySide6.QtWidgets import QWidget

    rows = [w for w in head_view.findChildren(QWidget) if w.objectName() == "PreflightRow"]
    assert len(rows) == len(report.checks)
    assert {row.property("status") for row in rows} >= {"block", "warn"}


def test_a_bad_roster_file_changes_nothing(qtbot: QtBot, school: DeskServices,
                                           head: StaffMember) -> None:
    window = open_window(qtbot, school, [])
    settings = import_arbor(qtbot, school, window)
    before = settings.roster_label.text()
    settings.import_roster(ROSTERS / "malformed_quote.csv", confirm=lambda _p, _v: True)
    assert "cannot be imported" in settings.message.text()
    assert "line" in settings.message.text().lower()
    assert settings.roster_label.text() == before


def test_teacher_cannot_override(qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    assert school.staff is not None
    teacher = school.staff.add_member("Mr Invented Teacher", Role.SECRETARY, "731902",
                                      by=head, head_pin=HEAD_PIN)
    window = open_window(qtbot, school, [])
    import_arbor(qtbot, school, window)
    window.lock()
    window.signed_in(teacher)
    assert not window.composer._may_override


def test_a_draft_restored_at_start_is_underlined_before_anyone_types(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    window = open_window(qtbot, school, [])
    import_arbor(qtbot, school, window)
    window.composer.editor.setPlainText("Well done Olivia for a brilliant poem!")
    assert window.composer.save_draft()
    window.close()
    school.forget_name_guard()  # a new start loads the roster again

    again = open_window(qtbot, school, [])  # the app started again: the draft comes back
    composer = again.composer
    assert composer.editor.toPlainText() == "Well done Olivia for a brilliant poem!"
    qtbot.waitUntil(lambda: not composer.names_label.isHidden(), timeout=5000)
    assert "Olivia" in composer.names_label.text()
    assert len(composer.editor.extraSelections()) == 1


def test_someone_who_posts_directly_can_send_a_blocked_tweet_to_an_approver(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    from stpeters_desk.ui.preflight_dialog import PreflightDecision

    assert school.staff is not None and school.approvals is not None
    secretary = school.staff.add_member("Mrs Invented Secretary", Role.SECRETARY, "731902",
                                        by=head, head_pin=HEAD_PIN)
    window = open_window(qtbot, school, [])
    import_arbor(qtbot, school, window)
    window.lock()
    window.signed_in(secretary)
    composer = window.composer
    offered: list[bool] = []
    shown: list[PreflightDialog] = []

    def send_it(report: PreflightReport) -> PreflightDecision:
        dialog = PreflightDialog(report, False, may_send_for_approval=composer._offer_approver)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        offered.append(not dialog.send_button.isHidden())
        dialog.send_for_approval()  # the button a person presses
        return dialog.decision

    composer.confirm_preflight = send_it  # type: ignore[method-assign]
    text = "Well done Olivia for a brilliant poem!"
    composer.editor.setPlainText(text)
    composer.post()
    assert offered == [True]
    assert "send it to the head teacher or an approver" in shown[0].message.text()
    waiting = school.approvals.awaiting()
    assert [item.text for item in waiting] == [text]  # the approver decides
    assert all(p.text != text for p in school.gateway.own_posts(200))  # nothing posted
    assert composer.editor.toPlainText() == ""
    assert "Sent for approval" in composer.message_label.text()
    assert any(e.action == "submit tweet for approval" for e in school.audit.recent(5))


def test_a_block_x_would_refuse_offers_no_override_and_no_sending(qtbot: QtBot) -> None:
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.preflight import run_preflight

    report = run_preflight("Sports day " * 30, [], NameGuard.from_names(["Olivia Smith"]))
    assert not report.can_post
    dialog = PreflightDialog(report, may_override=True, may_send_for_approval=True)
    qtbot.addWidget(dialog)
    assert dialog.post_button.isHidden()  # "Override and post" is not offered
    assert dialog.send_button.isHidden()
    assert dialog.reason.isHidden()
    assert "X would refuse this tweet" in dialog.message.text()


def test_the_message_under_the_checks_never_covers_the_last_check(qtbot: QtBot) -> None:
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.preflight import run_preflight

    report = run_preflight("Well done Olivia! See stpeters.sch.uk", [],
                           NameGuard.from_names(["Olivia Smith"]))
    for offer in (False, True):
        dialog = PreflightDialog(report, may_override=False, may_send_for_approval=offer)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        area, message = dialog.checks_area.geometry(), dialog.message.geometry()
        assert message.top() > area.bottom()  # below the checks, not over them
        assert message.height() >= dialog.message.heightForWidth(message.width())  # every line
        assert dialog.send_button.isVisible() is offer
