"""Issue 17, tried by a newcomer: signing in with two people, the Staff tab, the
Settings sections (each message beside its control, each person shown only what they
may change) and the policy banner on a fresh install."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import POLICY_ADOPTED_ON, read, tour_seen, write
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.settings_tab import SECTIONS, SettingsTab
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
               if (item := tab.table.item(r, 0)) is not None and item.text() == SECRETARY)
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
    tab = window.current_page()
    assert isinstance(tab, StaffTab)
    tab.pages.setCurrentIndex(1)
    QApplication.processEvents()
    grid = tab.permissions
    assert grid.isVisible()
    no_sideways_scrolling(grid)
    header = grid.horizontalHeader()
    for column in range(grid.columnCount()):  # every role's name shown whole
        heading = grid.horizontalHeaderItem(column)
        assert heading is not None
        label = heading.text()
        needed = max(header.fontMetrics().horizontalAdvance(line) for line in label.split("\n"))
        assert header.sectionSize(column) >= needed, label
    assert header.length() <= grid.viewport().width() + 1
    assert inside(tab.save_permissions_button, window)
    if kiosk:
        window.setProperty("kiosk", False)


# -- 2. Settings: sections, each message beside its control, only what one may change -----
ROSTERS = Path(__file__).parent.parent / "data" / "rosters"


def settings_tab(qtbot: QtBot, school: DeskServices, member: StaffMember) -> SettingsTab:
    school.sign_in(member)
    tab = SettingsTab(school, SyncTaskRunner(), lambda _action: HEAD_PIN, lambda: None)
    qtbot.addWidget(tab)
    tab.resize(1180, 640)
    tab.show()
    return tab


def test_the_secretary_is_shown_only_what_she_may_change_and_where_to_ask(
        qtbot: QtBot, school: DeskServices, head: StaffMember,
        secretary: StaffMember) -> None:
    tab = settings_tab(qtbot, school, secretary)
    assert tab.visible_sections() == ["replies", "pin", "appearance"]
    for key in ("computer", "account", "roster", "kiosk", "policy"):
        assert not tab.show_section(key)
    for key in tab.visible_sections():  # whichever she opens, none of the head's controls
        assert tab.show_section(key)
        for control in (tab.connect_button, tab.password_field, tab.store_password_button,
                        tab.kiosk_box, tab.register_button, tab.exception_button,
                        tab.import_button, tab.adopted):
            assert not control.isVisible()
    assert tab.ask_note.isVisible() and "ask the head teacher" in tab.ask_note.text()
    head_tab = settings_tab(qtbot, school, head)
    assert head_tab.visible_sections() == [key for key, _name in SECTIONS]
    assert not head_tab.ask_note.isVisible()


def test_a_failed_roster_import_is_said_under_the_import_button(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    tab = settings_tab(qtbot, school, head)
    assert tab.show_section("roster")
    tab.import_roster(ROSTERS / "bad_bytes.csv", confirm=lambda _p, _preview: True)
    said = tab.messages["roster"]
    assert "cannot be imported" in said.text() and "Windows-1252" in said.text()
    assert said.isVisible() and inside(said, tab)
    button = tab.import_button
    below = said.mapTo(tab, QPoint(0, 0)).y() - (button.mapTo(tab, QPoint(0, 0)).y()
                                                  + button.height())
    assert 0 <= below <= 3 * button.height()  # right under the button, not at the foot
    assert all(label.text() == "" for key, label in tab.messages.items() if key != "roster")


def test_each_section_answers_on_its_own_line(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    tab = settings_tab(qtbot, school, head)
    assert tab.show_section("account")
    tab.store_password()  # nothing typed
    assert "password first" in tab.messages["account"].text()
    assert tab.messages["account"].isVisible() and inside(tab.messages["account"], tab)
    assert tab.show_section("pin")
    tab.new_pin.setText("1")
    tab.change_own_pin()
    assert tab.messages["pin"].text() and tab.messages["pin"].isVisible()
    assert tab.messages["account"].text() == ""  # the older answer is cleared


@pytest.mark.parametrize("size", [(1180, 760), (1366, 768)])
def test_every_section_fits_without_scrolling(
        qtbot: QtBot, school: DeskServices, head: StaffMember, size: tuple[int, int]) -> None:
    window = open_window(qtbot, school, size)
    window.signed_in(head)
    assert window.select_tab("Settings")
    tab = window.current_page()
    assert isinstance(tab, SettingsTab)
    for key in tab.visible_sections():
        assert tab.show_section(key)
        QApplication.processEvents()
        page = tab.pages.currentWidget()
        assert isinstance(page, QAbstractScrollArea)
        no_sideways_scrolling(page)
        assert inside(tab.messages[key], window), key


# -- 5. the policy banner -------------------------------------------------------------------
def test_a_fresh_install_asks_for_the_adoption_date_in_one_line(
        qtbot: QtBot, school: DeskServices, head: StaffMember,
        secretary: StaffMember) -> None:
    window = open_window(qtbot, school)
    window.signed_in(head)
    banner = window.banner
    assert banner.isVisible()
    assert "Set the date the governors adopted" in banner.text()
    assert "overdue" not in banner.text() and "2019" not in banner.text()
    assert banner.height() < 2.5 * banner.fontMetrics().height()  # one line
    assert window.minimumSizeHint().width() <= 1180  # a long line never widens the window
    window.open_policy_setting()  # the banner's link
    tab = window.current_page()
    assert isinstance(tab, SettingsTab) and tab.current_section() == "policy"
    assert tab.adopted.text() == "Not set yet"
    tab.save_review()  # not chosen yet: asked for, nothing kept
    assert "Choose the date" in tab.messages["policy"].text()
    assert read(school.settings, POLICY_ADOPTED_ON) is None
    adopted = date.today() - timedelta(days=60)
    tab.adopted.setDate(QDate(adopted.year, adopted.month, adopted.day))
    tab.save_review()
    assert read(school.settings, POLICY_ADOPTED_ON) == adopted
    assert "kept" in tab.messages["policy"].text()
    assert not banner.isVisible()  # nothing is due for two years: the banner goes at once
    window.lock()
    window.signed_in(secretary)  # she may not set it: no banner for her
    assert not window.banner.isVisible()


def test_an_overdue_review_is_one_line_with_a_link(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    write(school.settings, POLICY_ADOPTED_ON, date(2017, 11, 27))
    window = open_window(qtbot, school)
    window.signed_in(head)
    banner = window.banner
    assert banner.isVisible() and "27 November 2019" in banner.text()
    assert 'href="policy-dates"' in banner.text()
    assert banner.height() < 2.5 * banner.fontMetrics().height()
    assert banner.fontMetrics().horizontalAdvance(
        QTextDocumentFragment.fromHtml(banner.text()).toPlainText()) < 1180 - 40
    banner.linkActivated.emit("policy-dates")
    tab = window.current_page()
    assert isinstance(tab, SettingsTab) and tab.current_section() == "policy"


def test_a_practice_set_up_shows_every_section_but_a_pin(
        qtbot: QtBot, services: DeskServices) -> None:
    tab = SettingsTab(services, SyncTaskRunner(), lambda _action: None, lambda: None)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.visible_sections() == [key for key, _name in SECTIONS if key != "pin"]
    assert not tab.ask_note.isVisible()  # nobody to ask: nothing is held back
