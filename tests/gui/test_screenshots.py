"""Draw the pictures the app's own ``--screenshot`` cannot: the sign-in screen, the guided
tour's card, Settings' Appearance section and every main dialog (issue 8).

Run with ``STPETERS_SCREENSHOTS=1 python -m pytest -m screenshots`` (under a real X
server, ``QT_QPA_PLATFORM=xcb``, to draw with the desktop's fonts) and open
``docs/screenshots/``: the sign-in screen on the office PC's 1366x768 screen and a
1920x1080 one, the tour's first card, the Appearance section, and every main dialog, in
the light, dark and high-contrast themes; it also redraws the README's
``docs/images/sign-in-dark.png`` and ``docs/images/high-contrast.png``. The tabs
themselves are drawn by ``scripts/draw_gallery.py`` (the app's own ``--screenshot``);
here each tab is only checked to fit a small screen. Names say what is drawn:
``sign-in-1366x768-dark.png``, ``dialog-preflightdialog-light.png``. The computer is
given an invented name, never the drawing machine's. Nothing here can judge whether a
screen looks right; it makes the pictures that a person must judge. They are stored with
a 256-colour palette to keep the folder small.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import THEME
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui import styling
from stpeters_desk.ui.application import apply_style
from stpeters_desk.ui.help_dialog import HelpDialog
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.settings_tab import SettingsTab
from tests.gui.test_accessibility import dialogs
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

pytestmark = [
    pytest.mark.screenshots,
    pytest.mark.skipif(os.environ.get("STPETERS_SCREENSHOTS") != "1",
                       reason="set STPETERS_SCREENSHOTS=1 to draw the screenshots"),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
README_IMAGES = SCREENSHOTS.parent / "images"
COMPUTER_NAME = "OFFICE-PC-2"  # invented, as in scripts/draw_gallery.py
SIZES = ((1366, 768), (1920, 1080))
THEMES = ("light", "dark", "high-contrast")

Look = Callable[[str], None]


@pytest.fixture(autouse=True)
def invented_computer_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the school's services are made: they read this computer's name once."""
    from stpeters_desk.core.devices import COMPUTER_NAME_ENV

    monkeypatch.setenv(COMPUTER_NAME_ENV, COMPUTER_NAME)


@pytest.fixture
def look() -> Iterator[Look]:
    """Choose a theme as Settings does; Qt's look is put back afterwards for other tests."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = QPalette(app.palette()), app.styleSheet()
    remembered = dict(vars(styling._appearance))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def use(theme: str) -> None:
        apply_style(app, resources_dir(), theme)
        app.processEvents()

    yield use
    vars(styling._appearance).update(remembered)
    app.setStyleSheet(sheet)
    app.setPalette(palette)


def save(picture: QPixmap, name: str, folder: Path = SCREENSHOTS) -> Path:
    """A PNG with a 256-colour palette: a third of the size, and screens have few colours."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(buffer, "PNG")
    image = Image.open(io.BytesIO(buffer.data().data())).convert("RGB")
    path = folder / f"{name}.png"
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                   dither=Image.Dither.NONE).save(path, optimize=True)
    return path


def close_tour(window: MainWindow) -> QPixmap | None:
    """The guided tour opens at a first sign-in: draw it once, then close it so that it
    hides no tab. None if no tour card is on screen."""
    card = window.findChild(QWidget, "TourCard")
    if card is None or not card.isVisible():
        return None
    picture = window.grab()
    skip = getattr(card, "skip", None)
    if callable(skip):
        skip()
    card.hide()
    return picture


def head_window(qtbot: QtBot, school: DeskServices) -> tuple[MainWindow, QPixmap | None]:
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    tour = close_tour(window)
    for name in window.tab_names():  # Moderation fetches and Followers syncs on first view
        window.select_tab(name)
    return window, tour


def every_tab_fits(app: QApplication, window: MainWindow, kiosk: bool) -> None:
    """Each tab in front in turn (drawn by scripts/draw_gallery.py, not here) fits."""
    for width, height in SIZES:
        window.resize(width, height)
        for index in range(len(window.tab_names())):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            fits_a_small_screen(window, kiosk)


def draw_appearance_settings(app: QApplication, window: MainWindow, theme: str) -> Path:
    """The Settings tab's Appearance section, where the theme and the language are chosen."""
    window.resize(*SIZES[0])
    window.select_tab("Settings")
    settings = window.current_page()
    assert isinstance(settings, SettingsTab)
    assert settings.show_section("appearance")
    settings.theme_box.setFocus()
    scroll = settings.pages.currentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(settings.language_note)
    app.processEvents()
    picture = window.grab()
    if theme == "high-contrast":
        save(picture, "high-contrast", README_IMAGES)
    return save(picture, f"settings-appearance-1366x768-{theme}")


def fits_a_small_screen(window: MainWindow, kiosk: bool) -> None:
    """A 1366x768 screen: the kiosk has all of it; a window loses a title bar and a taskbar."""
    assert window.minimumSizeHint().height() <= (768 if kiosk else 700)
    assert window.minimumSizeHint().width() <= 1366


@pytest.mark.parametrize("theme", THEMES)
def test_the_sign_in_screen_the_tour_and_appearance_in_each_theme(
        qtbot: QtBot, school: DeskServices, head: StaffMember, look: Look, theme: str) -> None:
    school.settings.set(THEME.key, theme)  # as if chosen in Settings
    look(theme)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locked = open_window(qtbot, school)
    drawn = []
    for width, height in SIZES:
        locked.resize(width, height)
        app.processEvents()
        picture = locked.grab()
        drawn.append(save(picture, f"sign-in-{width}x{height}-{theme}"))
        if theme == "dark" and (width, height) == SIZES[0]:
            drawn.append(save(picture, "sign-in-dark", README_IMAGES))
    window, tour = head_window(qtbot, school)
    assert tour is not None, "a first sign-in opens the tour"
    drawn.append(save(tour, f"tour-card-{theme}"))
    every_tab_fits(app, window, kiosk=False)
    drawn.append(draw_appearance_settings(app, window, theme))
    assert all(path.stat().st_size > 5_000 for path in drawn)


def test_every_tab_fits_in_kiosk_mode(qtbot: QtBot, school: DeskServices, head: StaffMember,
                                      look: Look) -> None:
    window, _tour = head_window(qtbot, school)
    look("light")
    window.use_touch_sizes()  # kiosk sizes without going full screen, for each size
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    every_tab_fits(app, window, kiosk=True)


@pytest.mark.parametrize("theme", THEMES)
def test_every_main_dialog_in_each_theme(qtbot: QtBot, school: DeskServices,
                                         head: StaffMember, look: Look, theme: str) -> None:
    look(theme)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window, _tour = head_window(qtbot, school)
    drawn = []
    shown = [HelpDialog("Compose"), *dialogs(school, window)]
    for dialog in shown:
        assert isinstance(dialog, QDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        app.processEvents()
        name = type(dialog).__name__.lower()
        drawn.append(save(dialog.grab(), f"dialog-{name}-{theme}"))
        dialog.hide()
    assert len(drawn) == len(shown) >= 15
    assert all(path.stat().st_size > 2_000 for path in drawn)
