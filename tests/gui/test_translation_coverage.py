"""Every word on screen goes through Qt's translation (issue 8), checked with a pseudo-language.

A string left out of ``tr()`` stays English in Welsh, and no reviewer spots it until a
Welsh-medium school does. Here the app runs in a made-up language in which every
translatable text is wrapped in ⟪ ⟫ (built from the code with Qt's own lupdate and
lrelease); every tab and main dialog is then opened and each visible label, button,
title, tooltip, placeholder, accessible name and table header must carry the marks.
Data (names, handles, tweet text, counts) is not translated: only text with words of
its own is checked, and widgets that show data say so with the ``data`` property.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stpeters_desk import APP_NAME, i18n
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.main_window import MainWindow
from tests.gui.helpers.pseudo_language import OPEN, all_sources, pseudo_translation
from tests.gui.test_accessibility import dialogs
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pseudo_translation(all_sources(), tmp_path_factory.mktemp("pseudo"))


@pytest.fixture
def pseudo_language(pseudo_qm: Path) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    app.installTranslator(translator)
    i18n.install_translator(QCoreApplication.translate)
    yield
    i18n.install_translator(None)
    app.removeTranslator(translator)


def shows_data(widget: QWidget) -> bool:
    """Marked by the app as showing data (names, tweet text), or inside such a widget."""
    while widget is not None:
        if widget.property("data"):
            return True
        if isinstance(widget, QAbstractItemView | QLineEdit | QTextEdit | QPlainTextEdit):
            return True  # what people type or a list of records: data, not the app's words
        widget = widget.parentWidget()
    return False


def needs_marks(text: str) -> bool:
    plain = re.sub(r"<[^>]+>", " ", text)  # rich text: only the words count
    plain = plain.replace(APP_NAME, " ")  # the app's name stays as it is in Welsh
    return bool(WORD.search(plain)) and OPEN not in plain


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    if widget.toolTip():
        yield "tooltip", widget.toolTip()
    if widget.accessibleName():
        yield "accessible name", widget.accessibleName()
    if widget.accessibleDescription():
        yield "accessible description", widget.accessibleDescription()
    if shows_data(widget):
        return
    if isinstance(widget, QLabel) and widget.text():
        yield "label", widget.text()
    if isinstance(widget, QAbstractButton) and widget.text():
        yield "button", widget.text()
    if isinstance(widget, QGroupBox) and widget.title():
        yield "group", widget.title()
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "choice", widget.itemText(index)
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)


def headers_of(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    model = view.model()
    if model is None or not isinstance(view, QTableView):
        return
    for column in range(model.columnCount(QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str) and header:
            yield "column", header


def untranslated(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        pairs = list(texts_of(widget))
        if isinstance(widget, QAbstractItemView):
            pairs += headers_of(widget)
        if widget.isWindow() and widget.windowTitle():
            pairs.append(("window title", widget.windowTitle()))
        name = widget.objectName() or type(widget).__name__
        found += [f"{name} {kind}: {text!r}" for kind, text in pairs if needs_marks(text)]
    return sorted(set(found))


def test_every_tab_shows_only_translated_words(qtbot: QtBot, school: DeskServices,
                                               head: StaffMember, pseudo_language: None) -> None:
    window = open_window(qtbot, school)
    assert untranslated(window) == [], "the sign-in screen"
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    missed: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        missed += [f"[tab {index}] {line}" for line in untranslated(window)]
    assert sorted(set(missed)) == []


def test_every_main_dialog_shows_only_translated_words(qtbot: QtBot, school: DeskServices,
                                                       head: StaffMember,
                                                       pseudo_language: None) -> None:
    window: MainWindow = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)
    for name in window.tab_names():  # Moderation fetches the replies an incident needs
        window.select_tab(name)
    missed: list[str] = []
    for dialog in dialogs(school, window):
        assert isinstance(dialog, QDialog)
        qtbot.addWidget(dialog)
        missed += [f"[{type(dialog).__name__}] {line}" for line in untranslated(dialog)]
    assert missed == []
