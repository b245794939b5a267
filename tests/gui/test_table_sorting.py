"""Sorting the Moderation, Followers and Audit tables without a mouse (issue 8).

With the table focused, Ctrl+Shift and a column's number sorts by that column,
the same keys again reverse it and Ctrl+Shift+0 puts back the list's own order.
The header shows the indicator, the context menu lists the same choices with a
tick, and the table's accessible description says the sort in words.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from stpeters_desk.core.moderation_service import FollowerReview
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import ModerationStore
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.followers import FollowerOps
from stpeters_desk.ops.moderation import moderation_ops
from stpeters_desk.ui.audit_tab import AuditTab
from stpeters_desk.ui.followers_tab import (
    HANDLE_COLUMN,
    NEW_COLUMN,
    RISK_COLUMN,
    FollowerRow,
    FollowersModel,
    FollowersTab,
    RowWords,
)
from stpeters_desk.ui.moderation_tab import FROM_COLUMN, WHEN_COLUMN, ModerationTab
from stpeters_desk.ui.table_model import LIST_ORDER, TableSorting
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
DIGITS = (Qt.Key.Key_0, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4,
          Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9)
ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def press(table: QTableView, number: int) -> None:
    """Ctrl+Shift and a digit, typed while the table has the keyboard focus."""
    QTest.keyClick(table, DIGITS[number], CTRL_SHIFT)


def focus(qtbot: QtBot, table: QTableView) -> QTableView:
    window = table.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return table


def indicator(table: QTableView) -> tuple[int, Qt.SortOrder]:
    header = table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


# -- followers --------------------------------------------------------------------------------

@pytest.fixture
def followers(qtbot: QtBot, db: Database, sandbox: SandboxGateway,
              services: DeskServices) -> FollowersTab:
    review = FollowerReview(ModerationStore(db), sandbox, services.audit.record, page_size=7)
    ops = FollowerOps(gate_of(services), review, sandbox)
    tab = FollowersTab(services, SyncTaskRunner(), ops, lambda _url: None,
                       lambda _action: None)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    tab.sync()
    assert tab.model.rowCount() == 68
    return tab


def test_ctrl_shift_and_a_number_sorts_and_the_same_keys_reverse(
        qtbot: QtBot, followers: FollowersTab) -> None:
    table = focus(qtbot, followers.table)
    assert indicator(table) == (NEW_COLUMN, ASCENDING)  # new followers first, as before

    press(table, RISK_COLUMN + 1)

    risks = [row.risk for row in followers.model.rows]
    assert risks == sorted(risks) and risks[0] < risks[-1]
    assert indicator(table) == (RISK_COLUMN, ASCENDING)

    press(table, RISK_COLUMN + 1)

    assert [row.risk for row in followers.model.rows] == sorted(risks, reverse=True)
    assert indicator(table) == (RISK_COLUMN, DESCENDING)

    press(table, HANDLE_COLUMN + 1)

    handles = [row.handle.casefold() for row in followers.model.rows]
    assert handles == sorted(handles)
    assert indicator(table) == (HANDLE_COLUMN, ASCENDING)


def test_sorting_keeps_the_chosen_follower_chosen_and_in_view(
        qtbot: QtBot, followers: FollowersTab) -> None:
    table = focus(qtbot, followers.table)
    chosen: FollowerRow = followers.model.rows[50]
    assert followers.select(chosen.user_id)

    press(table, HANDLE_COLUMN + 1)
    press(table, HANDLE_COLUMN + 1)

    assert followers.selected() is chosen
    row = followers.model.row_of(chosen.user_id)
    assert table.currentIndex().row() == row
    assert table.visualRect(followers.model.index(row, 0)).intersects(table.viewport().rect())


def test_ctrl_shift_0_puts_back_the_lists_own_order(qtbot: QtBot,
                                                    followers: FollowersTab) -> None:
    table = focus(qtbot, followers.table)
    original = [row.user_id for row in followers.model.rows]

    press(table, RISK_COLUMN + 1)
    assert [row.user_id for row in followers.model.rows] != original
    press(table, 0)

    assert [row.user_id for row in followers.model.rows] == original
    assert followers.model.sorted_by is None
    assert indicator(table)[0] == LIST_ORDER  # no arrow on any column


def test_the_sort_is_said_in_words_and_ticked_in_the_menu(qtbot: QtBot,
                                                          followers: FollowersTab) -> None:
    table = focus(qtbot, followers.table)

    press(table, RISK_COLUMN + 1)
    press(table, RISK_COLUMN + 1)

    description = table.accessibleDescription()
    assert "Sorted by Risk: Z to A, highest or newest first." in description
    assert "Ctrl+Shift" in description  # and how to change it
    assert table.horizontalHeader().accessibleDescription().startswith("Sorted by Risk")
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    actions = [action for action in table.actions() if isinstance(action, QAction)]
    assert len(actions) == len(followers.model.columns) + 1  # every column and the list order
    ticked = [action.text() for action in actions if action.isChecked()]
    assert ticked == ["Sort by Risk"]
    keys = {action.text(): action.shortcut().toString() for action in actions}
    assert keys["Sort by Risk"] == "Ctrl+Shift+2"
    assert keys["New followers first"] == "Ctrl+Shift+0"
    assert keys["Sort by Status"] == ""  # the tenth column: in the menu only
    tip = followers.model.headerData(RISK_COLUMN, Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.ToolTipRole)
    assert "Ctrl+Shift+2" in tip


def test_the_keys_do_nothing_while_typing_elsewhere(qtbot: QtBot,
                                                    followers: FollowersTab) -> None:
    focus(qtbot, followers.table)
    before = [row.user_id for row in followers.model.rows]
    followers.filter_box.setFocus()
    qtbot.waitUntil(followers.filter_box.hasFocus)

    QTest.keyClick(followers.filter_box, Qt.Key.Key_2, CTRL_SHIFT)

    assert [row.user_id for row in followers.model.rows] == before
    assert indicator(followers.table) == (NEW_COLUMN, ASCENDING)


def test_a_new_filter_or_sync_keeps_the_chosen_sort(qtbot: QtBot,
                                                    followers: FollowersTab) -> None:
    press(focus(qtbot, followers.table), RISK_COLUMN + 1)

    followers.filter_box.setText("crypto")
    followers.apply_filter()
    risks = [row.risk for row in followers.model.rows]
    assert 0 < len(risks) < 68 and risks == sorted(risks)

    followers.filter_box.clear()
    followers.apply_filter()
    followers.sync()
    risks = [row.risk for row in followers.model.rows]
    assert len(risks) == 68 and risks == sorted(risks)


# -- 100,000 followers ---------------------------------------------------------------------

TODAY = datetime.now(UTC).date()


def many_followers(count: int) -> list[FollowerRow]:
    words = RowWords(TODAY)
    return [FollowerRow(number, (str(10**18 + number), f"parent_{(number * 7919) % count:06d}",
                                 f"Invented {number}", "", "Pilning",
                                 (TODAY - timedelta(days=number % 4000)).isoformat(),
                                 number % 5000, (number * 3) % 5000, (number * 37) % 101, "",
                                 "", False, False, "", number < 100),
                        number < 100, words, search=f"parent_{number}")
            for number in range(count)]


def test_sorting_100000_followers_by_key_is_quick_and_keeps_the_choice(
        qtbot: QtBot) -> None:
    model = FollowersModel()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    TableSorting(table, model, "New followers first",
                 initial=(NEW_COLUMN, ASCENDING))
    table.resize(1200, 700)
    table.show()
    model.set_rows(many_followers(100_000))
    table.selectRow(50_000)
    chosen = model.selected_in(table)
    focus(qtbot, table)

    start = time.perf_counter()
    press(table, HANDLE_COLUMN + 1)
    press(table, RISK_COLUMN + 1)
    press(table, RISK_COLUMN + 1)
    took = time.perf_counter() - start

    assert took < 6.0, f"three sorts of 100,000 rows took {took:.1f} s"  # ~0.5 s normally
    risks = [row.risk for row in model.rows]
    assert risks == sorted(risks, reverse=True)
    assert model.selected_in(table) is chosen


# -- moderation ------------------------------------------------------------------------------

@pytest.fixture
def moderation(qtbot: QtBot, db: Database, services: DeskServices) -> ModerationTab:
    tab = ModerationTab(services, SyncTaskRunner(), moderation_ops(services), lambda _url: None)
    qtbot.addWidget(tab)
    tab.resize(1400, 1000)
    tab.show()
    tab.refresh()
    tab.show_box.setCurrentIndex(1)  # everything
    assert tab.model.rowCount() == 68
    return tab


def test_replies_keep_their_needs_you_first_order_until_sorted(
        qtbot: QtBot, moderation: ModerationTab) -> None:
    table = focus(qtbot, moderation.table)
    assert indicator(table)[0] == LIST_ORDER and moderation.model.sorted_by is None
    original = [item.post_id for item in moderation.model.items]

    press(table, WHEN_COLUMN + 1)

    moments = [item.created_at for item in moderation.model.items]
    assert moments == sorted(moments) and indicator(table) == (WHEN_COLUMN, ASCENDING)

    press(table, 1)  # Suggestion: the most urgent first, not the words' A to Z
    assert moderation.model.index(0, 0).data().split("\n")[0] == \
        "Safeguarding: Hide suggested"
    assert moderation.model.index(67, 0).data().split("\n")[0] == "OK"

    press(table, 0)
    assert [item.post_id for item in moderation.model.items] == original


def test_j_and_k_still_step_through_the_sorted_replies(qtbot: QtBot,
                                                       moderation: ModerationTab) -> None:
    table = focus(qtbot, moderation.table)
    press(table, FROM_COLUMN + 1)
    table.selectRow(0)

    QTest.keyClick(table, Qt.Key.Key_J)

    assert moderation.selected() is moderation.model.items[1]
    assert "J: next reply" in table.toolTip() and "Ctrl+Shift" in table.toolTip()


def test_a_decision_reloads_the_list_in_the_chosen_order(
        qtbot: QtBot, moderation: ModerationTab) -> None:
    table = focus(qtbot, moderation.table)
    press(table, FROM_COLUMN + 1)  # A to Z
    chosen, after = moderation.model.items[30], moderation.model.items[31]
    assert moderation.select(chosen.post_id)
    moderation.reason_box.setEditText("Looked at in a test")

    moderation.mark_reviewed()

    handles = [item.author_handle.casefold() for item in moderation.model.items]
    assert handles == sorted(handles)
    selected = moderation.selected()
    assert selected is not None and selected.post_id == after.post_id  # on to the next one


# -- audit --------------------------------------------------------------------------------

def _audit_tab(services: DeskServices) -> AuditTab:
    """The practice set-up (no staff accounts) may read its own log."""
    from stpeters_desk.ops.audit import AuditLogOperations
    from stpeters_desk.ops.context import gate_of, session_of

    return AuditTab(AuditLogOperations(services.audit, gate_of(services)),
                    lambda: session_of(services), SyncTaskRunner())


def test_the_audit_log_sorts_by_person_and_back_to_newest_first(
        qtbot: QtBot, services: DeskServices) -> None:
    for number, person in enumerate(("Mrs Zed Invented", "Mr Abe Invented", "Ms Kay Invented")):
        services.audit.record(person, "test action", f"thing {number}", "made in a test")
    tab = _audit_tab(services)
    qtbot.addWidget(tab)
    tab.show()
    table = focus(qtbot, tab.table)
    newest_first = [entry.entry_id for entry in tab.model.entries]
    assert newest_first == sorted(newest_first, reverse=True)

    press(table, 2)  # Who

    people = [entry.actor.casefold() for entry in tab.model.entries]
    assert people == sorted(people)
    assert "Sorted by Who" in table.accessibleDescription()

    press(table, 1)  # When, oldest first
    assert [entry.entry_id for entry in tab.model.entries] == sorted(newest_first)

    press(table, 0)
    assert [entry.entry_id for entry in tab.model.entries] == newest_first


def test_the_audit_filters_key_on_item_data(qtbot: QtBot, services: DeskServices) -> None:
    """"Everyone" in another language must not become a person to filter by."""
    services.audit.record("Mr Abe Invented", "test action", "thing", "made in a test")
    tab = _audit_tab(services)
    qtbot.addWidget(tab)
    everyone = tab.model.rowCount()
    tab.person.setItemText(0, "Pawb")
    tab.refresh()
    assert tab.model.rowCount() == everyone

    tab.person.setCurrentIndex(tab.person.findData("Mr Abe Invented"))

    assert {entry.actor for entry in tab.model.entries} == {"Mr Abe Invented"}
    assert tab.message.text() == "Entries shown: 1."
