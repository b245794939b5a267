"""Enlarged text (issue 8): the app follows the computer's text size without cutting words off.

Staff who enlarge the text on their computer (Windows "Make text bigger", a larger system
font on Linux or macOS) must get a larger app, not the style sheet's fixed sizes, and every
button and label must still show all of its words on the office PC's 1366x768 screen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.application import apply_style
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.styling import font_scale, scale_font_sizes
from tests.gui.conftest import wait_for_the_account
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

ENLARGED_POINTS = 13.5  # one and a half times the usual 9 pt, as "Make text bigger" at 150 %


def enlarged(font: QFont) -> QFont:
    bigger = QFont(font)
    bigger.setPointSizeF(ENLARGED_POINTS)
    return bigger


@pytest.fixture
def enlarged_text() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet, palette = app.font(), app.styleSheet(), app.palette()
    app.setFont(enlarged(font))
    apply_style(app, resources_dir(), "light")
    yield app
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)


def test_the_style_sheet_grows_with_the_computers_text() -> None:
    assert font_scale(9.0, "win32") == 1.0
    assert font_scale(13.5, "win32") == 1.5
    assert font_scale(8.0, "linux") == 1.0  # never smaller than designed
    assert font_scale(26.0, "darwin") == 2.0
    sheet = "QWidget { font-size: 10.5pt; } #PinKey { font-size: 16px; }"
    assert scale_font_sizes(sheet, 1.5) == ("QWidget { font-size: 15.8pt; } "
                                            "#PinKey { font-size: 24.0px; }")


def in_a_list(widget: QWidget) -> bool:
    while widget is not None:
        if isinstance(widget, QAbstractItemView):
            return True
        widget = widget.parentWidget()
    return False


def cut_off(root: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their words."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or in_a_list(widget):
            continue
        one_line_label = isinstance(widget, QLabel) and not widget.wordWrap() \
            and "<" not in widget.text()
        if not (isinstance(widget, QAbstractButton) or one_line_label) or not widget.text():
            continue
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        if widget.width() < needed:
            found.append(f"{type(widget).__name__} {text!r}: {widget.width()} < {needed} px")
    return found


def test_every_tab_shows_all_its_words_with_enlarged_text(qtbot: QtBot, school: DeskServices,
                                                          head: StaffMember,
                                                          enlarged_text: QApplication) -> None:
    window: MainWindow = open_window(qtbot, school)
    window.resize(1366, 768)
    assert cut_off(window) == [], "the sign-in screen"
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    wait_for_the_account(qtbot, window)
    problems = []
    for name in window.tab_names():
        window.select_tab(name)
        enlarged_text.processEvents()
        problems += [f"[{name}] {line}" for line in cut_off(window)]
        page = window.tabs.currentWidget()
        if page.minimumSizeHint().width() > 1366:
            problems.append(f"[{name}] needs {page.minimumSizeHint().width()} px of width")
    if window.minimumSizeHint().width() > 1366:
        problems.append(f"the window needs {window.minimumSizeHint().width()} px of width")
    assert problems == [], "\n".join(problems)


def test_the_app_picks_up_enlarged_text_once_its_window_is_up(qapp: QApplication) -> None:
    """run_window reads the text size after the first frame; the sheet grows then."""
    from stpeters_desk.ui.styling import follow_system_text_size, start_appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet, palette = app.font(), app.styleSheet(), app.palette()
    try:
        app.setFont(QFont(font.family(), 9))
        start_appearance(app, resources_dir(), "light", text_size_now=False)
        assert "font-size: 10.5pt" in app.styleSheet()
        app.setFont(enlarged(font))
        follow_system_text_size(app)
        grown = round(10.5 * font_scale(ENLARGED_POINTS, sys.platform), 1)
        assert grown > 10.5 and f"font-size: {grown}pt" in app.styleSheet()
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        app.setFont(font)
