"""Issue 17, tried by a newcomer: signing in with two people, the Staff tab, the
Settings sections (each message beside its control, each person shown only what they
may change) and the policy banner on a fresh install."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import tour_seen, write
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.staff_tab import StaffTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.conftest import answer_preflight

HEAD_PIN = "480516"
SECRETARY_PIN = "902417"
HEAD, SECRETARY = "Mrs Invented Head", "Ms Invented Secretary"


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path,
           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[DeskServices]:
    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "config"))
    yield DeskServices.for_school(db, sandbox, data_dir)


@pytest.fixture
def head(school: DeskServices) -> StaffMember:
    assert school.staff is not None
    member, _code = school.staff.create_head(HEAD, HEAD_PIN)
    write(school.settings, tour_seen(member.staff_id), True)
    return member


@pytest.fixture
def secretary(school: DeskServices, head: StaffMember) -> StaffMember:
    assert school.staff is not None
    member = school.staff.add_member(SECRETARY, Role.SECRETARY, SECRETARY_PIN, by=head,
                                     head_pin=HEAD_PIN)
    write(school.settings, tour_seen(member.staff_id), True)
    return member


def open_window(qtbot: QtBot, school: DeskServices, size: tuple[int, int] = (1180, 760)
                ) -> MainWindow:
    window = MainWindow(school, SyncTaskRunner(),
                        head_pin_asker=lambda _action: HEAD_PIN)
    answer_preflight(window.composer)
    window.allow_close()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    return window


def row_of(window: MainWindow, name: str) -> int:
    panel = window.sign_in_panel
    assert panel is not None
    return next(r for r in range(panel.people.count())
                if panel.people.item(r).text().startswith(name))


def type_pin(window: MainWindow, pin: str) -> None:
    panel = window.sign_in_panel
    assert panel is not None
    QTest.keyClicks(panel.pin_pad.field, pin)


def no_sideways_scrolling(area: QAbstractScrollArea) -> None:
    bar = area.horizontalScrollBar()
    assert not bar.isVisible() or bar.maximum() == 0


def inside(widget: QWidget, outer: QWidget) -> bool:
    """The whole widget is drawn inside ``outer`` (not cut off, not below the fold)."""
    top_left = widget.mapTo(outer, QPoint(0, 0))
    return (top_left.x() >= 0 and top_left.y() >= 0
            and top_left.x() + widget.width() <= outer.width()
            and top_left.y() + widget.height() <= outer.height())


# -- 10. signing in with two people ---------------------------------------------------------
def test_a_pin_typed_with_no_name_chosen_signs_no_one_in_and_is_kept(
        qtbot: QtBot, school: DeskServices, head: StaffMember,
        secretary: StaffMember) -> None:
    window = open_window(qtbot, school)
    panel = window.sign_in_panel
    assert panel is not None
    # Tabbing into the list makes its first row "current" without highlighting it.
    panel.people.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert panel.people.selectedItems() == []
    type_pin(window, HEAD_PIN)
    QTest.keyClick(panel.pin_pad.field, Qt.Key.Key_Return)
    assert school.member is None and window.pages.currentWidget() is panel
    assert "Choose your name" in panel.message.text()
    assert panel.pin_pad.field.text() == HEAD_PIN  # kept
    panel.people.setCurrentRow(row_of(window, HEAD))  # the name, after the PIN
    assert panel.pin_pad.field.text() == HEAD_PIN
    QTest.mouseClick(panel.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert school.member == head


def test_after_a_lock_a_pin_typed_before_choosing_signs_no_one_in(
        qtbot: QtBot, school: DeskServices, head: StaffMember,
        secretary: StaffMember) -> None:
    window = open_window(qtbot, school)
    panel = window.sign_in_panel
    assert panel is not None
    panel.people.setCurrentRow(row_of(window, SECRETARY))
    type_pin(window, SECRETARY_PIN)
    QTest.keyClick(panel.pin_pad.field, Qt.Key.Key_Return)
    assert school.member == secretary
    window.lock()
    assert panel.people.selectedItems() == [] and panel.pin_pad.field.text() == ""
    type_pin(window, SECRETARY_PIN)
    QTest.mouseClick(panel.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert school.member is None and panel.pin_pad.field.text() == SECRETARY_PIN


# -- 10. the Staff tab ----------------------------------------------------------------------
def test_the_role_box_shows_nothing_until_a_person_is_chosen(
        qtbot: QtBot, school: DeskServices, head: StaffMember,
        secretary: StaffMember) -> None:
    school.sign_in(head)
    tab = StaffTab(school, SyncTaskRunner(), lambda _action: HEAD_PIN)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.role_box.currentIndex() == -1 and not tab.role_box.isEnabled()
    assert "Head teacher" not in tab.role_box.currentText()
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.item(r, 0).text() == SECRETARY)
    tab.table.selectRow(row)
    assert tab.role_box.isEnabled()
    assert Role(tab.role_box.currentData()) == Role.SECRETARY
    tab.table.clearSelection()
    assert tab.role_box.currentIndex() == -1 and not tab.role_box.isEnabled()


@pytest.mark.parametrize("kiosk", [False, True])
def test_the_permissions_grid_fits_without_sideways_scrolling(
        qtbot: QtBot, school: DeskServices, head: StaffMember, kiosk: bool) -> None:
    window = open_window(qtbot, school, (1366, 768) if kiosk else (1180, 760))
    if kiosk:
        window.use_touch_sizes()
    window.signed_in(head)
    assert window.select_tab("Staff")
    tab = window.tabs.currentWidget()
    assert isinstance(tab, StaffTab)
    tab.pages.setCurrentIndex(1)
    QApplication.processEvents()
    grid = tab.permissions
    assert grid.isVisible()
    no_sideways_scrolling(grid)
    header = grid.horizontalHeader()
    for column in range(grid.columnCount()):  # every role's name shown whole
        label = grid.horizontalHeaderItem(column).text()
        needed = max(header.fontMetrics().horizontalAdvance(line) for line in label.split("\n"))
        assert header.sectionSize(column) >= needed, label
    assert header.length() <= grid.viewport().width() + 1
    assert inside(tab.save_permissions_button, window)
    if kiosk:
        window.setProperty("kiosk", False)
