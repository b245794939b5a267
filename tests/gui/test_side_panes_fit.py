"""Issue 17: the hand-off panel (what to do on x.com, and the buttons that tell the app it
is done) fits the Moderation and Followers tabs without sideways scrolling, and leaves the
reply or account being decided on readable.

Its row of buttons once asked for about 906 px: in the side pane, which scrolls only up
and down, the panel was cut off at the side and its buttons went out of sight. Then, one
under another in that pane, it took the reply's room: in kiosk mode at 1366x768 the reply
pane was about 73 px tall and the reply itself scrolled out of sight. The panel now sits
under the list, beside the reading pane, and the decisions take three or four columns
where two left the reply too few lines. Shown as a person shows it (a reply or a follower
chosen, a reason chosen, Block or Report pressed), at 1366x768 and 1180x760, in the app's
own style and in kiosk mode (and in Welsh, whose words are longer), every button the panel
shows is whole and in sight, the reply keeps at least four lines in sight, and every
decision stays in sight.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.followers_tab import FollowersTab
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.moderation_tab import ModerationTab
from stpeters_desk.x.models import HandOff
from tests.gui.helpers.placeholders import assert_placeholder_whole
from tests.gui.test_security_ui import head, school
from tests.gui.test_tables_and_lazy_tabs import head_window, shown

__all__ = ["head", "school"]  # fixtures

SIZES = [(1366, 768, False), (1180, 760, False), (1366, 768, True)]


@pytest.fixture
def styled() -> Iterator[None]:
    """The app's own style sheet (its padding and, in kiosk mode, its touch sizes)."""
    from stpeters_desk.core.paths import resources_dir
    from stpeters_desk.ui.application import apply_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, palette = app.font(), QPalette(app.palette())
    apply_style(app, resources_dir())
    try:
        yield
    finally:
        app.setStyleSheet("")
        app.setPalette(palette)
        app.setFont(font)


def window_at(qtbot: QtBot, school: DeskServices, head: StaffMember, width: int, height: int,
              kiosk: bool) -> MainWindow:
    window = head_window(qtbot, school, head, width, height)
    if kiosk:  # the kiosk's sizes on a 1366x768 screen (offscreen, full screen is 800x800)
        window.use_touch_sizes()
        window.setFixedSize(width, height)
    return window


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def in_sight(widget: QWidget) -> bool:
    """The whole widget is drawn on the window: not scrolled away, not cut off."""
    region = widget.visibleRegion().boundingRect()
    return widget.isVisible() and region.size() == widget.size()


def assert_fits(tab: ModerationTab | FollowersTab) -> None:
    """The panel is under the list, inside its column; its every shown button is whole, in
    sight and not cut short; nothing scrolls sideways; what is read keeps its lines."""
    settle()
    QTest.qWait(150)  # the list and the message settle after a decision
    settle()
    panel = tab.handoff_panel
    assert panel.isVisible()
    assert_readable(tab)
    listing = tab.splitter.widget(0)
    assert listing.isAncestorOf(panel), "under the list, beside the reading pane"
    box = QRect(panel.mapTo(listing, QPoint(0, 0)), panel.size())
    assert listing.rect().contains(box), (box, listing.rect())
    assert in_sight(panel), "the whole panel, instructions and buttons, is in sight"
    assert panel.instructions.isVisible() and panel.instructions.wordWrap()
    words = panel.instructions.heightForWidth(panel.instructions.width())
    assert panel.instructions.height() >= words, "every line of the instructions shows"
    assert in_sight(panel.next_step_button())
    buttons = [button for button in panel.findChildren(QPushButton) if button.isVisible()]
    assert buttons, "the panel shows its buttons"
    for button in buttons:
        assert in_sight(button), button.text()
        assert button.width() >= button.minimumSizeHint().width(), button.text()
        words_wide = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        assert words_wide <= button.contentsRect().width(), f"{button.text()!r} cut short"
    assert not tab.table.horizontalScrollBar().isVisible()
    assert not tab.reading_area.horizontalScrollBar().isVisible()


def assert_readable(tab: ModerationTab | FollowersTab) -> None:
    """What is decided on keeps at least four lines in sight, and the decisions stay in
    sight below it."""
    detail = tab.detail
    lines = detail.viewport().height() / detail.fontMetrics().lineSpacing()
    assert lines >= 4, f"{lines:.1f} lines of the reply in sight"
    assert in_sight(detail), "the reply box is not scrolled out of sight"
    decisions = [tab.reason_box, *(button for button in tab.deciding.findChildren(QPushButton)
                                   if not button.isHidden())]
    for control in decisions:
        assert in_sight(control), control.accessibleName() or getattr(control, "text", str)()
    reason = tab.reason_box.lineEdit()
    if reason is not None and not reason.text():  # "Why? ..." read whole, not "(saved in the au"
        assert_placeholder_whole(reason)


def choose_reason(box: QWidget) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    box.setCurrentIndex(0)


def block_hand_off(window: MainWindow, tab_name: str) -> ModerationTab | FollowersTab:
    """The first row of the tab blocked, as a person does it: its hand-off panel shows
    "Practise on the sandbox" and "Check it is done"."""
    tab = shown(window, tab_name)
    assert isinstance(tab, ModerationTab | FollowersTab)
    assert tab.model.rowCount() > 0
    tab.table.selectRow(0)
    choose_reason(tab.reason_box)
    QTest.mouseClick(tab.block_button, Qt.MouseButton.LeftButton)
    panel = tab.handoff_panel
    assert panel.practice_button.isVisible() and panel.check_button.isVisible()
    return tab


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_the_moderation_hand_off_fits_its_pane(qtbot: QtBot, school: DeskServices,
                                               head: StaffMember, styled: None, width: int,
                                               height: int, kiosk: bool) -> None:
    window = window_at(qtbot, school, head, width, height, kiosk)
    moderation = block_hand_off(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    panel = moderation.handoff_panel
    assert_fits(moderation)
    # A report: its own button to record it.
    moderation.table.selectRow(0)
    choose_reason(moderation.reason_box)
    QTest.mouseClick(moderation.report_button, Qt.MouseButton.LeftButton)
    assert panel.reported_button.isVisible()
    assert_fits(moderation)
    # On the real account: "Open x.com again" as well.
    panel.show_handoff(HandOff(action="block", handle="invented", user_id="1", url="https://x.com/invented",
                               instructions="Press the three dots, then Block."), False)
    assert panel.open_again_button.isVisible()
    assert_fits(moderation)
    window.allow_close()


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_the_followers_hand_off_fits_its_pane(qtbot: QtBot, school: DeskServices,
                                              head: StaffMember, styled: None, width: int,
                                              height: int, kiosk: bool) -> None:
    window = window_at(qtbot, school, head, width, height, kiosk)
    followers = block_hand_off(window, "Followers")
    assert isinstance(followers, FollowersTab)
    panel = followers.handoff_panel
    assert_fits(followers)
    panel.show_handoff(HandOff(action="unblock", handle="invented", user_id="1",
                               url="https://x.com/invented",
                               instructions="Press Blocked, then Unblock."), False)
    assert panel.open_again_button.isVisible()
    assert_fits(followers)
    window.allow_close()


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_a_reply_with_pictures_keeps_its_decision_in_sight(
        qtbot: QtBot, school: DeskServices, head: StaffMember, styled: None, width: int,
        height: int, kiosk: bool) -> None:
    """The blurred pictures make the reply pane taller than the screen: what is read
    scrolls up and down, and the reason and the decisions stay in sight below it."""
    window = window_at(qtbot, school, head, width, height, kiosk)
    moderation = shown(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    rows = [row for row, item in enumerate(moderation.model.items) if item.pictures]
    assert rows, "the practice account has a reply with pictures"
    moderation.table.selectRow(rows[0])
    settle()
    strip = moderation.pictures
    assert strip.isVisible() and strip.tiles
    for control in (moderation.reason_box, moderation.hide_button, moderation.block_button,
                    moderation.report_button, moderation.incident_button):
        assert in_sight(control), control.accessibleName() or getattr(control, "text", str)()
    area = moderation.reading_area
    assert not area.horizontalScrollBar().isVisible()
    assert area.widget().width() <= area.viewport().width()
    tile = next(iter(strip.tiles.values()))
    area.ensureWidgetVisible(tile.button)  # a person scrolls down to it
    settle()
    assert in_sight(tile.button) and in_sight(moderation.hide_button)
    assert moderation.detail.height() >= 2 * moderation.detail.fontMetrics().lineSpacing()
    window.allow_close()


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_every_follower_decision_stays_in_sight(
        qtbot: QtBot, school: DeskServices, head: StaffMember, styled: None, width: int,
        height: int, kiosk: bool) -> None:
    """In kiosk mode Unblock and Finish review were below the fold of the account pane."""
    window = window_at(qtbot, school, head, width, height, kiosk)
    followers = shown(window, "Followers")
    assert isinstance(followers, FollowersTab)
    followers.table.selectRow(0)
    settle()
    for control in (followers.reason_box, followers.ok_button, followers.watch_button,
                    followers.trust_button, followers.block_button, followers.unblock_button,
                    followers.finish_button):
        if control.isHidden():  # Unblock shows only for a blocked account
            continue
        assert in_sight(control), control.accessibleName() or getattr(control, "text", str)()
    area = followers.reading_area
    assert not area.horizontalScrollBar().isVisible()
    window.allow_close()


@pytest.fixture
def welsh() -> Iterator[None]:
    """The window built in Welsh: longer words on the buttons, wider decisions."""
    from stpeters_desk.core.paths import resources_dir
    from stpeters_desk.ui.translations import install_language

    assert install_language("cy", resources_dir())
    try:
        yield
    finally:
        install_language("en", resources_dir())


@pytest.mark.parametrize("tab_name", ["Moderation", "Followers"])
def test_in_welsh_in_kiosk_mode_the_hand_off_leaves_four_lines_to_read(
        qtbot: QtBot, school: DeskServices, head: StaffMember, styled: None, welsh: None,
        tab_name: str) -> None:
    """Welsh buttons are wider, so fewer fit a row: the reply or account still keeps its
    four lines above the decisions with the hand-off shown, and the panel fits."""
    window = window_at(qtbot, school, head, 1366, 768, True)
    tab = block_hand_off(window, tab_name)
    assert_fits(tab)
    window.allow_close()


def test_in_welsh_the_moderation_tab_keeps_the_window_at_1180_px(
        qtbot: QtBot, school: DeskServices, head: StaffMember, styled: None,
        welsh: None) -> None:
    """The counts above the list ("Angen eich sylw: 18 · Cyfanswm: 68 · …") once asked for
    one long line, and the window grew to 1267 px; they wrap instead, and show whole."""
    window = window_at(qtbot, school, head, 1180, 760, False)
    moderation = shown(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    settle()
    assert window.width() <= 1180
    counts = moderation.counts_label
    assert "Cyfanswm" in counts.text()
    assert in_sight(counts)
    assert counts.height() >= counts.heightForWidth(counts.width()), "every line shows"
    window.allow_close()


@pytest.mark.parametrize(("width", "height", "kiosk"), [(1180, 760, False), (1366, 768, True)])
def test_in_welsh_the_followers_column_titles_show_whole(
        qtbot: QtBot, school: DeskServices, head: StaffMember, styled: None, welsh: None,
        width: int, height: int, kiosk: bool) -> None:
    """"Newydd" once showed as "Ne…" in a 50 px column: each column is as wide as its title
    at least, and the list still does not scroll sideways."""
    window = window_at(qtbot, school, head, width, height, kiosk)
    followers = shown(window, "Followers")
    assert isinstance(followers, FollowersTab)
    settle()
    header = followers.table.horizontalHeader()
    assert followers.model.headerData(0, Qt.Orientation.Horizontal) == "Newydd"
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    assert not followers.table.horizontalScrollBar().isVisible()
    window.allow_close()
