"""Draw every tab as the head teacher sees it, for people to look at (issue 8).

Run with ``STPETERS_SCREENSHOTS=1 python -m pytest -m screenshots`` and open
``docs/screenshots/``: the office PC's 1366x768 screen and a 1920x1080 one, in
the normal window and in kiosk mode, after the Moderation tab has fetched its
replies and the Followers tab has synced. Nothing here can judge whether a
screen looks right; it makes the pictures that a person must judge.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.application import apply_style
from stpeters_desk.ui.main_window import MainWindow
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

pytestmark = [
    pytest.mark.screenshots,
    pytest.mark.skipif(os.environ.get("STPETERS_SCREENSHOTS") != "1",
                       reason="set STPETERS_SCREENSHOTS=1 to draw the screenshots"),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = ((1366, 768), (1920, 1080))


@pytest.fixture
def styled() -> Iterator[QApplication]:
    """The app's own style sheet, as people see it; put back afterwards for other tests."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    apply_style(app, resources_dir())
    yield app
    app.setStyleSheet(before)


def head_window(qtbot: QtBot, school: DeskServices, kiosk: bool) -> MainWindow:
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    for name in window.tab_names():  # Moderation fetches and Followers syncs on first view
        window.select_tab(name)
    if kiosk:  # kiosk sizes without going full screen, so each size can be drawn
        window.setProperty("kiosk", True)
    return window


def draw_every_tab(app: QApplication, window: MainWindow, suffix: str) -> list[Path]:
    drawn = []
    for width, height in SIZES:
        window.resize(width, height)
        for index, name in enumerate(window.tab_names()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            path = SCREENSHOTS / f"{name.lower()}-{width}x{height}{suffix}.png"
            picture = window.grab()
            assert (picture.width(), picture.height()) == (width, height)
            assert picture.save(str(path), "PNG"), path
            drawn.append(path)
    return drawn


@pytest.mark.parametrize("kiosk", [False, True], ids=["window", "kiosk"])
def test_every_tab_is_drawn_at_both_sizes(qtbot: QtBot, school: DeskServices,
                                          head: StaffMember, styled: QApplication,
                                          kiosk: bool) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window = head_window(qtbot, school, kiosk)
    styled.setStyleSheet(styled.styleSheet())  # re-read: kiosk sizes apply
    drawn = draw_every_tab(styled, window, "-kiosk" if kiosk else "")
    # A 1366x768 screen: the kiosk has all of it; a window loses a title bar and a taskbar.
    assert window.minimumSizeHint().height() <= (768 if kiosk else 700)
    assert window.minimumSizeHint().width() <= 1366
    assert len(drawn) == 2 * 9
    assert all(path.stat().st_size > 10_000 for path in drawn)
