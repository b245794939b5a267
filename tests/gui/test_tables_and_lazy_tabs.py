"""Issue 17, item 6 and the first speed target, in the head teacher's whole window.

The Moderation list shows each reply's words (two lines) and its author without sideways
scrolling at 1366x768 and 1180x760; the Followers list shows its Why column whole (two lines); after
Hide the list moves on to the next reply with the keyboard in it; in kiosk mode the
governors' report stays on the tab. And only the tab in front is built after the PIN:
every tab is listed at once, and each is built the first time it is shown.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import tour_seen, write
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ops.moderation import HIDDEN
from stpeters_desk.ui.followers_tab import WHY_COLUMN, FollowersTab
from stpeters_desk.ui.lazy_tab import LazyTab
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.moderation_tab import FROM_COLUMN, REPLY_COLUMN, ModerationTab
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures

HEAD = "Mrs Invented Head"
HEAD_TABS = ["Compose", "Photos", "Approvals", "Moderation", "Followers", "Staff", "Audit",
             "Settings", "Policy"]


def head_window(qtbot: QtBot, school: DeskServices, head: StaffMember, width: int,
                height: int, kiosk: bool = False) -> MainWindow:
    write(school.settings, tour_seen(head.staff_id), True)  # no tour card over the lists
    window = open_window(qtbot, school, kiosk=kiosk)
    if kiosk:
        window.enter_kiosk()
    window.resize(width, height)
    sign_in(window, HEAD, HEAD_PIN)
    if kiosk:
        window.setFixedSize(width, height)
    return window


def shown(window: MainWindow, name: str) -> QWidget:
    assert window.select_tab(name)
    for _ in range(3):
        QApplication.processEvents()
    page = window.current_page()
    assert page is not None
    return page


def inside(view: QTableView, row: int, column: int) -> bool:
    """The whole cell is in the visible part of the list (nothing cut off at the side)."""
    cell = view.visualRect(view.model().index(row, column))
    return view.viewport().rect().contains(cell)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1180, 760)])
def test_the_reply_and_its_author_show_in_the_list_without_sideways_scrolling(
        qtbot: QtBot, school: DeskServices, head: StaffMember, width: int,
        height: int) -> None:
    window = head_window(qtbot, school, head, width, height)
    moderation = shown(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    table = moderation.table
    assert table.model().rowCount() > 0
    assert not table.horizontalScrollBar().isVisible()
    item = moderation.model.items[0]
    assert inside(table, 0, REPLY_COLUMN) and inside(table, 0, FROM_COLUMN)
    assert table.columnWidth(REPLY_COLUMN) >= 200, "room for the reply's words"
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing(), "two lines a reply"
    assert moderation.model.index(0, REPLY_COLUMN).data() == " ".join(item.text.split())
    author = moderation.model.index(0, FROM_COLUMN).data()
    assert item.author_name in author and f"@{item.author_handle}" in author


def test_the_followers_why_column_is_shown_whole(qtbot: QtBot, school: DeskServices,
                                                 head: StaffMember) -> None:
    window = head_window(qtbot, school, head, 1366, 768)
    followers = shown(window, "Followers")
    assert isinstance(followers, FollowersTab)
    table = followers.table
    assert table.model().rowCount() > 0
    assert inside(table, 0, WHY_COLUMN) and table.columnWidth(WHY_COLUMN) >= 200
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing(), "the why wraps"
    assert "school-focused" not in followers.detail.toPlainText()


def test_after_hide_the_list_moves_on_to_the_next_reply(qtbot: QtBot, school: DeskServices,
                                                        head: StaffMember) -> None:
    window = head_window(qtbot, school, head, 1366, 768)
    moderation = shown(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    table = moderation.table
    first, second = moderation.model.items[0], moderation.model.items[1]
    table.selectRow(0)
    moderation.reason_box.setEditText("Offensive language")
    qtbot.mouseClick(moderation.hide_button, Qt.MouseButton.LeftButton)

    assert moderation.model.row_of(first.post_id) < 0  # dealt with: gone from "Needs you"
    chosen = moderation.selected()
    assert chosen is not None and chosen.post_id == second.post_id
    assert window.focusWidget() is table
    stored = school.moderation()[1].mention(school.gateway.kind, first.post_id)
    assert stored is not None and stored.status == HIDDEN


def test_in_kiosk_mode_the_governors_report_stays_on_the_tab(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        window = head_window(qtbot, school, head, 1366, 768, kiosk=True)
        moderation = shown(window, "Moderation")
        assert isinstance(moderation, ModerationTab)
        assert moderation.report_toggle.isVisible()
        qtbot.mouseClick(moderation.report_toggle, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        tab_area = QRect(moderation.mapTo(window, QPoint(0, 0)), moderation.size())
        for control in (moderation.report_from, moderation.report_to,
                        moderation.report_button_make):
            assert control.isVisible()
            where = QRect(control.mapTo(window, QPoint(0, 0)), control.size())
            assert tab_area.contains(where), control.accessibleName() or control.text()
        window.allow_close()
    finally:
        app.setStyleSheet("")


def test_every_tab_is_listed_at_once_and_built_when_first_shown(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    window = head_window(qtbot, school, head, 1366, 768)
    assert window.tab_names() == HEAD_TABS
    assert window.current_page() is window.composer
    pages = [window.tabs.widget(index) for index in range(1, window.tabs.count())]
    assert all(isinstance(page, LazyTab) and not page.is_built for page in pages)
    assert window.findChildren(ModerationTab) == []
    assert "Ctrl+4" in window.tabs.tabToolTip(3)

    moderation = shown(window, "Moderation")
    assert isinstance(moderation, ModerationTab) and moderation.isVisible()
    assert moderation.table.model().rowCount() > 0, "fetched on first view, as before"
    assert [page.is_built for page in pages] == [name == "Moderation"
                                                 for name in HEAD_TABS[1:]]
    window.build_all_tabs()  # what the idle time does, one tab at a time
    assert all(isinstance(page, LazyTab) and page.is_built for page in pages)
