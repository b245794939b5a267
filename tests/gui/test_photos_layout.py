"""Issue 17: the Photos tab's whole prepare flow fits the default window and a 1366x768 screen.

A newcomer at 1180x760 found "Prepare photo" below the fold and clipped, the steps panel
scrolled sideways after the confirmations were ticked, "Save description" off screen, and
buttons that moved between clicks. These tests walk the flow in the whole window, at the
window's default size and at the office PC's screen size, and check what a person sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.photos_tab import CHECK_STEP, DESCRIBE_STEP, PhotosTab
from tests.gui.test_photos_tab import click
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

ASTRONAUT = Path(__file__).resolve().parents[1] / "data" / "faces" / "astronaut.jpg"
SIZES = ((1180, 760), (1366, 768))


def on_screen(widget: QWidget, window: MainWindow) -> QRect:
    """Where the widget is in the window; fails unless every pixel of it can be seen: not
    cut off by a scroll area, a panel or the window's edge."""
    QTest.qWait(10)  # as a person sees it: after Qt has laid the window out
    assert widget.isVisible(), widget
    shown = widget.visibleRegion().boundingRect()
    assert shown == widget.rect(), (widget, shown, widget.rect())
    place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    assert window.rect().contains(place), (widget, place, window.rect())
    return place


def no_sideways_scrolling(tab: PhotosTab) -> None:
    """Each page of the steps panel is exactly as wide as what it shows, nothing in it
    reaches past the side, and there is no horizontal scroll bar."""
    QTest.qWait(20)  # as a person sees it: after Qt has laid the panel out
    for area in tab.steps.findChildren(QScrollArea):
        page, viewport = area.widget(), area.viewport()
        bar = area.horizontalScrollBar()
        assert not bar.isVisible() and bar.maximum() == 0 and bar.value() == 0
        if not area.isVisible():  # the other step: laid out when it is shown
            continue
        assert page.width() <= viewport.width(), (page.width(), viewport.width())
        for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
            if widget.isVisible():
                left = widget.mapTo(viewport, QPoint(0, 0)).x()
                assert left >= 0 and left + widget.width() <= viewport.width(), widget


def photos_at(qtbot: QtBot, school: DeskServices, size: tuple[int, int]) -> tuple[
        MainWindow, PhotosTab]:
    window = open_window(qtbot, school)
    window.resize(*size)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    assert window.select_tab("Photos")
    tab = window.findChild(PhotosTab)
    assert tab is not None
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    return window, tab


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_whole_prepare_flow_fits_without_scrolling_sideways(
        qtbot: QtBot, school: DeskServices, head: StaffMember, size: tuple[int, int]) -> None:
    window, tab = photos_at(qtbot, school, size)
    assert (window.width(), window.height()) == size
    tab.ask_for_photos = lambda: [ASTRONAUT]  # type: ignore[method-assign]  # the OS dialog
    click(tab.open_button)
    assert tab.steps.currentIndex() == CHECK_STEP

    # Step 1: the Prepare button is whole and in view before anything is scrolled.
    assert tab.prepare_button.isEnabled()
    prepare_place = on_screen(tab.prepare_button, window)
    assert "Prepare photo" in tab.prepare_button.text().replace("&", "")
    no_sideways_scrolling(tab)
    click(tab.prepare_button)

    # Step 2 comes forward by itself: the description, its Save button and both boxes.
    assert tab.steps.currentIndex() == DESCRIBE_STEP
    places = {name: on_screen(getattr(tab, name), window)
              for name in ("alt_text", "save_alt_button", "faces_confirm", "consent_confirm")}
    tab.alt_text.setFocus()
    QTest.keyClicks(tab.alt_text, "Year 3 dressed as astronauts for science week")
    for name in ("save_alt_button", "faces_confirm", "consent_confirm"):
        click(getattr(tab, name))
        # nothing moves between clicks, though messages and who-confirmed lines appear
        assert {other: on_screen(getattr(tab, other), window) for other in places} == places
        no_sideways_scrolling(tab)
    assert "Ready to attach" in tab.checks_label.text()
    on_screen(tab.checks_label, window)
    on_screen(tab.message_label, window)

    # Back to step 1: the Prepare button is where it was.
    tab.steps.setCurrentIndex(CHECK_STEP)
    assert on_screen(tab.prepare_button, window) == prepare_place
    no_sideways_scrolling(tab)


def test_an_uncertain_region_is_covered_or_left_in_plain_words(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    """"Keep (cover it)" was jargon: the buttons say what they do to the photo."""
    _window, tab = photos_at(qtbot, school, SIZES[0])
    assert tab.keep_button.text().replace("&", "") == "Cover it"
    assert tab.remove_region_button.text().replace("&", "") == "Leave uncovered"
