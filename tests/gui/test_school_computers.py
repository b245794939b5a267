"""Settings → School computers (issue 18): the head makes a one-time enrolment code and
sees it once, beside the button; the section exists only on a shared server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core import enrolment
from stpeters_desk.core.integrity import IntegrityGuard
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.settings_tab import SettingsTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.keyrings import MemoryKeyring
from tests.unit.school_people import hash_pins_quickly

HEAD_PIN = "480516"


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path,
           memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[DeskServices]:
    hash_pins_quickly(monkeypatch)
    monkeypatch.setattr(enrolment, "KDF_TIME", 1)
    monkeypatch.setattr(enrolment, "KDF_MEMORY_KIB", 8)
    guard = IntegrityGuard(db)
    assert guard.result().ok
    services = DeskServices.for_school(db, sandbox, data_dir)
    services.integrity = guard
    yield services
    db.guard = None


@pytest.fixture
def head(school: DeskServices) -> StaffMember:
    assert school.staff is not None
    member, _code = school.staff.create_head("Mrs Invented Head", HEAD_PIN)
    school.sign_in(member)
    return member


def inside(widget: QWidget, outer: QWidget) -> bool:
    top_left = widget.mapTo(outer, QPoint(0, 0))
    return (top_left.x() >= 0 and top_left.y() >= 0
            and top_left.x() + widget.width() <= outer.width()
            and top_left.y() + widget.height() <= outer.height())


def settings_tab(qtbot: QtBot, school: DeskServices, size: tuple[int, int]) -> SettingsTab:
    tab = SettingsTab(school, SyncTaskRunner(), lambda _action: HEAD_PIN, lambda: None)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    return tab


@pytest.mark.parametrize("size", [(1180, 760), (1366, 768)])
def test_the_head_makes_a_code_and_sees_it_once_beside_the_button(
        qtbot: QtBot, school: DeskServices, head: StaffMember, size: tuple[int, int]) -> None:
    tab = settings_tab(qtbot, school, size)
    shared = school.db is not None and school.db.dialect == "postgresql"
    assert ("computers" in tab.visible_sections()) == shared
    if not shared:
        return  # one computer, its own database: nothing to join
    assert tab.show_section("computers")
    group = tab.school_computers
    names = [group.computer_list.item(r).text() for r in range(group.computer_list.count())]
    assert any("(this computer)" in name for name in names)
    group.make_button.click()
    QApplication.processEvents()
    shown = group.code_label
    found = re.search(r"[2-9A-Z]{4}(-[2-9A-Z]{4}){4}", shown.text())
    assert found and shown.isVisible() and inside(shown, tab)
    assert "10 minutes" in group.code_help.text() and inside(group.code_help, tab)
    assert "audit log records it" in tab.messages["computers"].text()
    assert inside(tab.messages["computers"], tab)
    page = tab.pages.currentWidget()
    assert isinstance(page, QAbstractScrollArea)
    bar = page.horizontalScrollBar()
    assert not bar.isVisible() or bar.maximum() == 0
    group.make_button.click()  # a second code replaces the first on the screen
    QApplication.processEvents()
    assert found.group(0) not in group.code_label.text()


def test_a_new_computer_joins_from_the_window_and_a_wrong_code_keeps_what_was_typed(
        qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if db.dialect != "postgresql":
        pytest.skip("joining is for a shared server")
    from stpeters_desk.core.shared_server import remembered_server
    from stpeters_desk.ops.computers import ComputerOperations
    from stpeters_desk.ops.session import Session
    from stpeters_desk.ui.join_dialog import JoinSchoolDialog
    from tests.unit.test_enrolment import Computer

    hash_pins_quickly(monkeypatch)
    monkeypatch.setattr(enrolment, "KDF_TIME", 1)
    monkeypatch.setattr(enrolment, "KDF_MEMORY_KIB", 8)
    office = Computer(db, tmp_path / "office")
    with office.here():
        services = office.start()
        assert services.staff is not None
        head, _recovery = services.staff.create_head("Mrs Invented Head", HEAD_PIN)
        shown = ComputerOperations(services).make_enrolment_code(
            Session(head, office.device.label), HEAD_PIN)
    laptop = Computer(db, tmp_path / "laptop")
    with laptop.here():
        new = laptop.start()
        assert new.integrity is not None and not new.integrity.result().ok
        assert new.integrity.not_joined
        dialog = JoinSchoolDialog(new, SyncTaskRunner())
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.code.setText("WXYZ-2345-6789-ABCD-EFGH")
        dialog.ok_button.click()
        assert "No enrolment code" in dialog.message.text() and dialog.message.isVisible()
        assert dialog.isVisible() and dialog.code.text() == "WXYZ-2345-6789-ABCD-EFGH"
        assert "schema" not in dialog.windowTitle()
        dialog.code.setText(shown.code.text)
        dialog.ok_button.click()
        assert dialog.joined and not dialog.isVisible()
        assert remembered_server() is not None
        again = IntegrityGuard(laptop.db)
        assert again.result().ok, again.result().message
    for computer in (office, laptop):
        computer.db.guard = None
        computer.db.close()


@pytest.mark.parametrize("size", [(1180, 760), (1366, 768)])
def test_removing_a_computer_shows_the_head_what_is_left_to_do(
        qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    if db.dialect != "postgresql":
        pytest.skip("removing a computer is for a shared server")
    from stpeters_desk.core.roster import import_roster
    from stpeters_desk.ops.computers import ComputerOperations, join_this_computer
    from stpeters_desk.ops.session import Session
    from stpeters_desk.x.credentials import XCredentials, save_credentials
    from tests.unit.test_enrolment import Computer

    hash_pins_quickly(monkeypatch)
    monkeypatch.setattr(enrolment, "KDF_TIME", 1)
    monkeypatch.setattr(enrolment, "KDF_MEMORY_KIB", 8)
    office = Computer(db, tmp_path / "office")
    laptop = Computer(db, tmp_path / "laptop")
    with office.here():
        services = office.start()
        assert services.staff is not None and services.roster is not None
        head, _recovery = services.staff.create_head("Mrs Invented Head", HEAD_PIN)
        services.sign_in(head)
        import_roster(b"Forename,Surname\nZebedee,Quarrington\n", services.roster,
                      imported_by="Mrs Invented Head")
        save_credentials(XCredentials("k", "s", "t", "ts"))
        shown = ComputerOperations(services).make_enrolment_code(
            Session(head, office.device.label), HEAD_PIN, may_post=True)
    with laptop.here():
        join_this_computer(laptop.db, shown.code.text, laptop.device)
    with office.here():
        tab = settings_tab(qtbot, services, size)
        assert tab.show_section("computers")
        group = tab.school_computers
        rows = [group.computer_list.item(r) for r in range(group.computer_list.count())]
        chosen = next(r for r in rows if "(this computer)" not in r.text())
        group.computer_list.setCurrentItem(chosen)
        group.remove_button.click()
        QApplication.processEvents()
        message = tab.messages["computers"]
        text = message.text()
        assert "was removed" in text and message.isVisible() and inside(message, tab)
        assert "☐ Import the pupil roster again (the old one was made unreadable to the " \
               "removed computer)." in text
        assert "☐ Regenerate the X keys on the X developer portal and reconnect X (the " \
               "removed computer had them)." in text
        assert "removed by Mrs Invented Head" in " ".join(
            group.computer_list.item(r).text() for r in range(group.computer_list.count()))
        page = tab.pages.currentWidget()
        assert isinstance(page, QAbstractScrollArea)
        bar = page.horizontalScrollBar()
        assert not bar.isVisible() or bar.maximum() == 0
        from stpeters_desk.x.models import REAL

        services.gateway.kind = REAL  # as if the real account were connected here
        tab.reload()
        assert tab.show_section("roster")
        assert "retired when a computer was removed" in tab.roster_label.text()
        assert inside(tab.roster_label, tab)
        assert tab.show_section("account")
        assert "reconnect X here" in tab.account_label.text()
        assert tab.account_label.isVisible() and inside(tab.account_label, tab)
    for computer in (office, laptop):
        computer.db.guard = None
        computer.db.close()
