"""Issue 17: the hand-off panel (what to do on x.com, and the buttons that tell the app it
is done) fits the Moderation and Followers side panes without sideways scrolling.

Its row of buttons once asked for about 906 px: in the side pane, which scrolls only up
and down, the panel was cut off at the side and its buttons went out of sight. Shown as a
person shows it (a reply or a follower chosen, a reason chosen, Block or Report pressed),
at 1366x768 and 1180x760, in the app's own style and in kiosk mode, every button it shows
is whole inside the pane's visible part, and nothing scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.followers_tab import FollowersTab
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.moderation_tab import ModerationTab
from stpeters_desk.ui.moderation_widgets import HandOffPanel
from stpeters_desk.x.models import HandOff
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


def pane_of(widget: QWidget) -> QAbstractScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    assert parent is not None, "the side pane scrolls"
    return parent


def assert_fits(panel: HandOffPanel) -> None:
    """The panel's every shown button is whole inside the pane's visible part (the pane
    scrolled to it, as a person would), and the pane cannot scroll sideways."""
    settle()
    QTest.qWait(200)  # the pane brings the panel into view once everything has settled
    settle()
    assert panel.isVisible()
    pane = pane_of(panel)
    viewport = pane.viewport()
    assert not pane.horizontalScrollBar().isVisible()
    assert pane.horizontalScrollBar().maximum() == 0, "nothing to scroll to at the side"
    content = pane.widget() if hasattr(pane, "widget") else None
    if content is not None:
        assert content.width() <= viewport.width(), (content.width(), viewport.width())
    panel_box = QRect(panel.mapTo(viewport, QPoint(0, 0)), panel.size())
    assert panel_box.left() >= 0 and panel_box.right() <= viewport.width() - 1, (
        panel_box, viewport.width())
    next_step = panel.next_step_button()  # in sight without scrolling: the pane shows it
    step_box = QRect(next_step.mapTo(viewport, QPoint(0, 0)), next_step.size())
    assert viewport.rect().intersects(step_box), (next_step.text(), step_box, viewport.rect())
    if viewport.height() >= 3 * next_step.height():  # whole, unless the pane is a sliver
        assert viewport.rect().contains(step_box), (next_step.text(), step_box,
                                                    viewport.rect())
    buttons = [button for button in panel.findChildren(QPushButton) if button.isVisible()]
    assert buttons, "the panel shows its buttons"
    for button in buttons:
        pane.ensureWidgetVisible(button)  # type: ignore[attr-defined]
        settle()
        box = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
        assert viewport.rect().contains(box), (button.text(), box, viewport.rect())
        assert button.width() >= button.minimumSizeHint().width(), button.text()
        words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        assert words <= button.contentsRect().width(), f"{button.text()!r} cut short"
    assert panel.instructions.isVisible() and panel.instructions.wordWrap()


def choose_reason(box: QWidget) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    box.setCurrentIndex(0)


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_the_moderation_hand_off_fits_its_pane(qtbot: QtBot, school: DeskServices,
                                               head: StaffMember, styled: None, width: int,
                                               height: int, kiosk: bool) -> None:
    window = window_at(qtbot, school, head, width, height, kiosk)
    moderation = shown(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    assert moderation.model.rowCount() > 0
    moderation.table.selectRow(0)
    choose_reason(moderation.reason_box)
    QTest.mouseClick(moderation.block_button, Qt.MouseButton.LeftButton)
    panel = moderation.handoff_panel
    assert panel.practice_button.isVisible() and panel.check_button.isVisible()
    assert_fits(panel)
    # A report: its own button to record it.
    moderation.table.selectRow(0)
    choose_reason(moderation.reason_box)
    QTest.mouseClick(moderation.report_button, Qt.MouseButton.LeftButton)
    assert panel.reported_button.isVisible()
    assert_fits(panel)
    # On the real account: "Open x.com again" as well.
    panel.show_handoff(HandOff(action="block", handle="invented", user_id="1", url="https://x.com/invented",
                               instructions="Press the three dots, then Block."), False)
    assert panel.open_again_button.isVisible()
    assert_fits(panel)
    window.allow_close()


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_the_followers_hand_off_fits_its_pane(qtbot: QtBot, school: DeskServices,
                                              head: StaffMember, styled: None, width: int,
                                              height: int, kiosk: bool) -> None:
    window = window_at(qtbot, school, head, width, height, kiosk)
    followers = shown(window, "Followers")
    assert isinstance(followers, FollowersTab)
    assert followers.model.rowCount() > 0
    followers.table.selectRow(0)
    choose_reason(followers.reason_box)
    QTest.mouseClick(followers.block_button, Qt.MouseButton.LeftButton)
    panel = followers.handoff_panel
    assert panel.practice_button.isVisible() and panel.check_button.isVisible()
    assert_fits(panel)
    panel.show_handoff(HandOff(action="unblock", handle="invented", user_id="1",
                               url="https://x.com/invented",
                               instructions="Press Blocked, then Unblock."), False)
    assert panel.open_again_button.isVisible()
    assert_fits(panel)
    window.allow_close()


def in_sight(widget: QWidget) -> bool:
    """The whole widget is drawn on the window: not scrolled away, not cut off."""
    region = widget.visibleRegion().boundingRect()
    return widget.isVisible() and region.size() == widget.size()


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
