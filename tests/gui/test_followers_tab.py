"""The Followers tab against the practice account: sync, risk, sort, filter, decide, block."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.follower_risk import HIGH_FROM
from stpeters_desk.core.moderation_service import FollowerReview
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import ModerationStore
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.followers import FollowerOps
from stpeters_desk.ops.session import PRACTICE_ACTOR
from stpeters_desk.ui.followers_tab import (
    BLOCKED_ACCOUNTS,
    HANDLE_COLUMN,
    NEW_COLUMN,
    RISK_COLUMN,
    FollowersTab,
    HeadPinAsker,
)
from stpeters_desk.ui.moderation_widgets import explain
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.errors import Offline
from stpeters_desk.x.sandbox import SandboxGateway
from stpeters_desk.x.sandbox_seed import SPAM_HANDLES

ACTOR = PRACTICE_ACTOR  # the practice set-up has no staff accounts: the session's actor
SYNC_ACTION = AuditAction.FOLLOWERS_SYNCED
UNBLOCK_REQUESTED = AuditAction.UNBLOCK_REQUESTED
UNBLOCK_CONFIRMED = AuditAction.UNBLOCK_CONFIRMED
HEAD_PIN = "480516"
ALREADY_BLOCKED = "cheap_likes_4u"
TabMaker = Callable[..., FollowersTab]


@pytest.fixture
def review(db: Database, sandbox: SandboxGateway, services: DeskServices) -> FollowerReview:
    return FollowerReview(ModerationStore(db), sandbox, services.audit.record, page_size=7)


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def make_tab(qtbot: QtBot, review: FollowerReview, opened: list[str]) -> TabMaker:
    def make(services: DeskServices, ask_head_pin: HeadPinAsker = lambda _a: None
             ) -> FollowersTab:
        ops = FollowerOps(gate_of(services), review, services.gateway)
        widget = FollowersTab(services, SyncTaskRunner(), ops, opened.append, ask_head_pin)
        qtbot.addWidget(widget)
        widget.resize(1400, 900)
        widget.show()
        return widget

    return make


@pytest.fixture
def tab(make_tab: TabMaker, services: DeskServices) -> FollowersTab:
    return make_tab(services)


def click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def synced(tab: FollowersTab) -> FollowersTab:
    click(tab.sync_button)
    return tab


def choose(tab: FollowersTab, handle: str) -> None:
    assert tab.select(next(row.user_id for row in tab.model.rows if row.handle == handle))


def column(tab: FollowersTab, number: int) -> list[str]:
    return [tab.model.index(row, number).data() for row in range(tab.model.rowCount())]


def audit_actions(services: DeskServices) -> list[tuple[str, str, str, str]]:
    """(who, what, about, why): why is the entry's reason, or its detail when none is asked."""
    return [(e.actor, e.action, e.target, e.reason or e.detail)
            for e in reversed(services.audit.recent())]


def a_spam_bot(tab: FollowersTab) -> str:
    return next(row.handle for row in tab.model.rows if row.handle in SPAM_HANDLES)


# -- listing ----------------------------------------------------------------------------------

def test_before_the_first_sync_the_tab_says_what_to_do(tab: FollowersTab) -> None:
    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert "Press “Sync followers”" in tab.empty_label.text()


def test_sync_reads_every_page_with_progress_and_lists_new_followers_first(
        tab: FollowersTab, services: DeskServices) -> None:
    progress: list[tuple[int, int]] = []
    tab.progress.connect(lambda done, total: progress.append((done, total)))

    synced(tab)

    assert tab.model.rowCount() == 68 and tab.table.isVisible()
    assert progress[0] == (7, 68) and progress[-1] == (68, 68) and len(progress) == 10
    assert not tab.progress_bar.isVisible() and not tab.cancel_button.isVisible()
    assert tab.message.text() == "✔ Followers read: 68. New: 68. No longer following: 0."
    assert tab.summary.text().startswith("Followers: 68 · New since the last review: 68")
    assert set(column(tab, NEW_COLUMN)) == {"New"}
    risks = column(tab, RISK_COLUMN)
    assert risks[0].endswith("high")  # words, not colour or the mark alone
    # the mark is the app's own icon, not an emoji a kiosk without a colour-emoji font
    # would show as a box (issue 17)
    mark = tab.model.index(0, RISK_COLUMN).data(Qt.ItemDataRole.DecorationRole)
    assert not mark.isNull() and not any(ord(letter) > 0x2000 for letter in risks[0])
    assert all(cell.split()[-1] in ("high", "check", "low") for cell in risks)
    assert column(tab, 8)[0].replace(",", "").isdigit()  # the header says "(days)"
    assert tab.model.headerData(8, Qt.Orientation.Horizontal) == "Account age (days)"
    actor, action, _target, detail = audit_actions(services)[-1]
    assert (actor, action, detail) == (ACTOR, SYNC_ACTION, "68 followers read, 68 new, 0 left; "
                                                           "every follower checked")


def test_finish_review_means_nobody_is_new_until_someone_new_follows(
        tab: FollowersTab, services: DeskServices) -> None:
    synced(tab)

    click(tab.finish_button)

    assert set(column(tab, NEW_COLUMN)) == {""}
    assert "New since the last review: 0" in tab.summary.text()
    assert audit_actions(services)[-1][1] == "follower review finished"


def test_sorting_is_done_in_python_and_keeps_the_chosen_follower(tab: FollowersTab) -> None:
    synced(tab)
    original = [row.user_id for row in tab.model.rows]
    chosen = tab.model.rows[40].user_id
    assert tab.select(chosen)

    tab.table.sortByColumn(RISK_COLUMN, Qt.SortOrder.DescendingOrder)
    scores = [row.risk for row in tab.model.rows]
    assert scores == sorted(scores, reverse=True)
    assert tab.selected() is not None and tab.selected().user_id == chosen  # type: ignore[union-attr]

    tab.table.sortByColumn(HANDLE_COLUMN, Qt.SortOrder.AscendingOrder)
    handles = [row.handle.casefold() for row in tab.model.rows]
    assert handles == sorted(handles)
    assert tab.selected().user_id == chosen  # type: ignore[union-attr]

    tab.table.sortByColumn(NEW_COLUMN, Qt.SortOrder.AscendingOrder)
    assert [row.user_id for row in tab.model.rows] == original


def test_the_filter_box_narrows_the_list_in_python(qtbot: QtBot, tab: FollowersTab) -> None:
    synced(tab)

    tab.filter_box.setText("crypto")
    tab.apply_filter()
    assert 0 < tab.model.rowCount() < 68
    assert all("crypto" in row.search for row in tab.model.rows)

    tab.filter_box.setText("high")
    tab.apply_filter()
    assert all(row.risk >= HIGH_FROM for row in tab.model.rows)

    tab.filter_box.setText("zzzz nobody")
    tab.apply_filter()
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisible()
    assert "No accounts match the filter" in tab.empty_label.text()

    tab.filter_box.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 68)  # the filter runs once typing pauses
    assert not tab.empty_label.isVisible()


def test_sync_can_be_cancelled_and_keeps_what_was_read(
        tab: FollowersTab, review: FollowerReview) -> None:
    tab.progress.connect(lambda done, _total: tab.cancel_sync() if done == 14 else None)

    synced(tab)

    assert "Sync stopped" in tab.message.text()
    assert review.count() == 14 and tab.model.rowCount() == 14
    assert tab.sync_button.isEnabled() and not tab.cancel_button.isVisible()


def test_the_show_box_keys_on_item_data_not_on_its_words(tab: FollowersTab) -> None:
    """A Welsh label for a choice must not change which accounts are shown."""
    tab.show_box.setItemText(1, "Cyfrifon wedi'u rhwystro")

    tab.show_box.setCurrentIndex(1)

    assert [row.handle for row in tab.model.rows] == [ALREADY_BLOCKED]
    assert tab.unblock_button.isVisible()
    assert tab.summary.text() == "Blocked accounts: 1"
    assert not tab.progress_bar.isVisible()  # the read of X's blocked list has ended


def test_x_errors_during_sync_are_shown_in_plain_words(
        tab: FollowersTab, sandbox: SandboxGateway) -> None:
    sandbox.simulate_offline = True

    synced(tab)

    assert tab.message.text() == "⚠ " + explain(Offline())
    assert tab.sync_button.isEnabled()


# -- decisions ----------------------------------------------------------------------------------

def test_mark_reviewed_ok_is_recorded_with_who_and_why(
        tab: FollowersTab, services: DeskServices) -> None:
    synced(tab)
    handle = tab.model.rows[0].handle
    choose(tab, handle)

    click(tab.ok_button)

    row = tab.model.rows[tab.model.row_of(tab.selected().user_id)]  # type: ignore[union-attr]
    assert row.status == f"Reviewed by {ACTOR}"
    actor, action, target, detail = audit_actions(services)[-1]
    assert (actor, action, target) == (ACTOR, "follower reviewed ok", f"@{handle}")
    assert detail.startswith("Looked at: school community")


def test_watchlist_and_trusted_change_the_score_and_need_a_reason(
        tab: FollowersTab, services: DeskServices) -> None:
    synced(tab)
    tab.table.sortByColumn(RISK_COLUMN, Qt.SortOrder.AscendingOrder)
    handle = tab.model.rows[0].handle
    choose(tab, handle)
    before = tab.selected().risk  # type: ignore[union-attr]

    click(tab.watch_button)
    assert "Say why first" in tab.message.text()

    tab.reason_box.setEditText("Posted about the school gate in a worrying way")
    click(tab.watch_button)
    watched = tab.selected()
    assert watched is not None and watched.watchlist and "Watchlist" in watched.status
    assert watched.risk > before
    assert audit_actions(services)[-1][1] == "follower added to watchlist"

    tab.reason_box.setEditText("Known parent")
    click(tab.watch_button)
    tab.reason_box.setEditText("Known parent")
    click(tab.trust_button)
    trusted = tab.selected()
    assert trusted is not None and trusted.trusted and not trusted.watchlist
    assert trusted.risk <= before
    assert [a[1] for a in audit_actions(services)[-2:]] == [
        "follower taken off watchlist", "follower marked trusted"]


def test_block_is_a_hand_off_confirmed_by_the_blocked_list(
        tab: FollowersTab, services: DeskServices, review: FollowerReview,
        opened: list[str]) -> None:
    synced(tab)
    bot = a_spam_bot(tab)
    choose(tab, bot)
    tab.reason_box.setEditText("Spam or bot account")

    click(tab.block_button)

    assert tab.selected() is not None and tab.selected().status == "Block pending"  # type: ignore[union-attr]
    assert not tab.block_button.isEnabled()
    panel = tab.handoff_panel
    assert panel.isVisible() and panel.practice_button.isVisible() and opened == []

    click(panel.practice_button)

    assert bot not in {row.handle for row in tab.model.rows}
    assert review.count() == 67
    assert f"Confirmed on X for @{bot}" in tab.message.text()
    assert [a[1] for a in audit_actions(services)[-2:]] == ["block requested",
                                                           "block confirmed"]


# -- unblocking: the head teacher's PIN ------------------------------------------------------------

@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    services = DeskServices.for_school(db, sandbox, data_dir)
    assert services.staff is not None
    head, _code = services.staff.create_head("Mrs Invented Head", HEAD_PIN)
    services.sign_in(head)
    return services


def blocked_view(tab: FollowersTab) -> FollowersTab:
    tab.show_box.setCurrentText(BLOCKED_ACCOUNTS)
    assert [row.handle for row in tab.model.rows] == [ALREADY_BLOCKED]
    choose(tab, ALREADY_BLOCKED)
    return tab


def test_unblocking_needs_the_head_pin_then_x_confirms_it(
        make_tab: TabMaker, school: DeskServices, db: Database) -> None:
    asked: list[str] = []

    def ask(action: str) -> str:
        asked.append(action)
        return HEAD_PIN

    tab = blocked_view(make_tab(school, ask))
    assert tab.unblock_button.isVisible() and not tab.ok_button.isEnabled()
    tab.reason_box.setEditText("Blocked by mistake: a governor's account")

    click(tab.unblock_button)

    assert asked == [f"unblock @{ALREADY_BLOCKED}"]
    actor, action, target, detail = audit_actions(school)[-1]
    assert (actor, action, target) == ("Mrs Invented Head", UNBLOCK_REQUESTED,
                                       f"@{ALREADY_BLOCKED}")
    assert detail == "Blocked by mistake: a governor's account"
    (pending,) = ModerationStore(db).pending_unblocks("sandbox")
    assert (pending.handle, pending.approved_by) == (ALREADY_BLOCKED, "Mrs Invented Head")
    panel = tab.handoff_panel
    assert panel.isVisible() and panel.check_button.isVisible()
    assert panel.practice_button.isVisible()  # the practice account plays the x.com click
    assert "unblocked" in panel.practice_button.text()

    click(panel.check_button)
    assert f"still shows @{ALREADY_BLOCKED}" in tab.message.text()

    db.execute("UPDATE sandbox_users SET blocked = 0 WHERE handle = :h",
               {"h": ALREADY_BLOCKED})  # the head unblocked them on x.com
    click(panel.check_button)

    assert tab.model.rowCount() == 0
    assert audit_actions(school)[-1][1:3] == (UNBLOCK_CONFIRMED, f"@{ALREADY_BLOCKED}")
    assert not panel.isVisible()


def test_a_wrong_head_pin_unblocks_nothing(make_tab: TabMaker, school: DeskServices) -> None:
    tab = blocked_view(make_tab(school, lambda _action: "000000"))
    tab.reason_box.setEditText("Blocked by mistake")

    click(tab.unblock_button)

    assert "PIN" in tab.message.text()
    assert UNBLOCK_REQUESTED not in [a[1] for a in audit_actions(school)]
    assert not tab.handoff_panel.isVisible()


def test_without_the_pin_or_a_head_nothing_happens(
        make_tab: TabMaker, school: DeskServices, services: DeskServices) -> None:
    tab = blocked_view(make_tab(school, lambda _action: None))
    tab.reason_box.setEditText("Blocked by mistake")
    click(tab.unblock_button)
    assert "PIN was not given" in tab.message.text()

    staffless = blocked_view(make_tab(services))
    staffless.reason_box.setEditText("Blocked by mistake")
    click(staffless.unblock_button)
    assert "no head teacher" in staffless.message.text()
    assert UNBLOCK_REQUESTED not in [a[1] for a in audit_actions(services)]



def test_a_confirmed_unblock_forgets_the_old_block(
        make_tab: TabMaker, school: DeskServices, db: Database) -> None:
    """Otherwise a later block of the same account would never be confirmed."""
    from stpeters_desk.core.storage.moderation_store import ModerationStore

    tab = synced(make_tab(school, lambda _action: HEAD_PIN))
    bot = a_spam_bot(tab)
    choose(tab, bot)
    tab.reason_box.setEditText("Spam or bot account")
    click(tab.block_button)
    click(tab.handoff_panel.practice_button)
    store = ModerationStore(db)
    assert store.pending_blocks("sandbox") == []  # confirmed, not pending
    tab.show_box.setCurrentText(BLOCKED_ACCOUNTS)
    choose(tab, bot)
    row = tab.selected()
    assert row is not None
    assert store.block("sandbox", row.user_id) is not None
    tab.reason_box.setEditText("Blocked by mistake")
    click(tab.unblock_button)
    click(tab.handoff_panel.practice_button)
    assert audit_actions(school)[-1][1:3] == (UNBLOCK_CONFIRMED, f"@{bot}")
    assert store.block("sandbox", row.user_id) is None


def test_a_pending_unblock_shows_again_at_the_next_sign_in_to_whoever_may_confirm_it(
        make_tab: TabMaker, school: DeskServices, db: Database) -> None:
    """It used to live in the tab, so a sign-out or an idle lock forgot it."""
    from stpeters_desk.core.roles import Role

    tab = blocked_view(make_tab(school, lambda _action: HEAD_PIN))
    tab.reason_box.setEditText("Blocked by mistake")
    click(tab.unblock_button)
    tab.close()  # signing out builds the tabs afresh for the next person
    head = school.member
    assert school.staff is not None and head is not None
    leader = school.staff.add_member("Mr Invented Leader", Role.ESAFETY, "731904", by=head,
                                     head_pin=HEAD_PIN)
    school.sign_in(leader)

    again = make_tab(school)

    panel = again.handoff_panel
    assert panel.isVisible() and f"@{ALREADY_BLOCKED}" in panel.instructions.text()
    assert f"Waiting for X to confirm unblocking @{ALREADY_BLOCKED}" in again.message.text()
    again.show_box.setCurrentText(BLOCKED_ACCOUNTS)
    choose(again, ALREADY_BLOCKED)
    assert again.selected() is not None and again.selected().status == "Unblock pending"  # type: ignore[union-attr]
    db.execute("UPDATE sandbox_users SET blocked = 0 WHERE handle = :h",
               {"h": ALREADY_BLOCKED})  # the head finished it on x.com
    click(panel.check_button)
    assert audit_actions(school)[-1][:3] == ("Mr Invented Leader", UNBLOCK_CONFIRMED,
                                             f"@{ALREADY_BLOCKED}")
    assert not panel.isVisible()
    assert make_tab(school).handoff_panel.isHidden()  # nothing waits any more


def test_a_pending_unblock_survives_an_idle_lock_of_the_whole_window(
        qtbot: QtBot, school: DeskServices, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    from stpeters_desk.ui.main_window import MainWindow
    from tests.gui.conftest import answer_preflight

    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(school, SyncTaskRunner(), head_pin_asker=lambda _action: HEAD_PIN)
    answer_preflight(window.composer)
    window.allow_close()
    qtbot.addWidget(window)
    window.show()
    assert window.select_tab("Followers")
    tab = window.current_page()
    assert isinstance(tab, FollowersTab)
    blocked_view(tab)
    tab.reason_box.setEditText("Blocked by mistake")
    click(tab.unblock_button)
    assert tab.handoff_panel.isVisible()

    window.lock()  # what the idle timer does
    panel = window.sign_in_panel
    assert panel is not None
    for row in range(panel.people.count()):
        if panel.people.item(row).text().startswith("Mrs Invented Head"):
            panel.people.setCurrentRow(row)
    for digit in HEAD_PIN:
        panel.pin_pad.press(digit)
    click(panel.pin_pad.ok_button)

    assert window.select_tab("Followers")
    again = window.current_page()
    assert isinstance(again, FollowersTab) and again is not tab  # the tabs were built afresh
    assert again.handoff_panel.isVisible()
    assert f"@{ALREADY_BLOCKED}" in again.handoff_panel.instructions.text()
