"""Every screen is usable with a keyboard and a screen reader (issue 8).

A teacher who cannot use a mouse, or who listens through a screen reader, must
be able to reach every control, hear what it is for, and use shortcuts that do
one thing only. These checks walk every widget of the signed-in main window and
of every main dialog, so a control added later without a name fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.preflight import run_preflight
from stpeters_desk.core.roster import preview_roster
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.about_dialog import AboutDialog
from stpeters_desk.ui.approvals_tab import RejectDialog, TweetTextDialog
from stpeters_desk.ui.connect_x_dialog import ConnectXDialog
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.moderation_tab import ModerationTab
from stpeters_desk.ui.photo_picker import PhotoPickerDialog
from stpeters_desk.ui.preflight_dialog import PreflightDialog
from stpeters_desk.ui.roster_dialog import RosterPreviewDialog
from stpeters_desk.ui.schedule_dialog import ScheduleDialog
from stpeters_desk.ui.security_dialogs import (
    HeadPinDialog,
    RecoveryDialog,
    ResetPinDialog,
    SetupWizard,
)
from stpeters_desk.ui.settings_tab import ExceptionDialog
from stpeters_desk.ui.staff_tab import NewMemberDialog
from stpeters_desk.ui.tasks import SyncTaskRunner
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractItemView, QSlider, QTabBar)

# Qt builds these inside other controls; the outer control carries the name and focus.
QT_INTERNAL_NAMES = ("qt_spinbox_lineedit", "qt_calendar_", "qt_tabwidget_tabbar",
                     "ScrollLeftButton", "ScrollRightButton", "qt_menubar_ext_button")

# Widgets that deliberately never take keyboard focus, and why.
# None today: even the PIN pad's digit buttons take focus. The only controls left
# without focus are Qt's own parts skipped by internal_to_qt: a line edit's clear
# button (Ctrl+A then Delete does the same), table headers (the table has focus and
# its rows are read out), tab-bar scroll arrows (Ctrl+1..9 and Ctrl+Tab reach tabs).
NO_FOCUS_BY_DESIGN: dict[str, str] = {}


def internal_to_qt(widget: QWidget) -> bool:
    """Parts Qt builds inside a combo box, spin box, table, line edit or tab widget
    (headers, popups, clear and scroll buttons): the owner carries the name and the focus."""
    if any(widget.objectName().startswith(name) for name in QT_INTERNAL_NAMES):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit):
            return True
        if parent.inherits("QComboBoxPrivateContainer") or parent.inherits("QCalendarWidget"):
            return True
        parent = parent.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, INTERACTIVE) and not internal_to_qt(w)]


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else what Qt derives from
    the button text or a label's buddy."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def describe(widget: QWidget) -> str:
    owner = widget.parentWidget()
    chain = []
    while owner is not None:
        chain.append(type(owner).__name__ + (f"#{owner.objectName()}"
                                             if owner.objectName() else ""))
        owner = owner.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {'/'.join(chain[:4])}"


def unnamed(root: QWidget) -> list[str]:
    return [describe(w) for w in interactive_widgets(root) if not spoken_name(w).strip()]


# Controls whose purpose their own words already say: a dialog's standard answers, the PIN
# pad's digits, and boxes people type into (their spoken name says what goes in them).
SELF_EXPLAINING_WORDS = {"OK", "Cancel", "Close", "Yes", "No", "Confirm"}


def explains_itself(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        words = widget.text().replace("&", "").strip()
        return words in SELF_EXPLAINING_WORDS or words.isdigit()
    return isinstance(widget, QPlainTextEdit | QTextEdit) and bool(widget.accessibleName())


def without_tooltip(root: QWidget) -> list[str]:
    """Controls that are neither self-explaining nor given a tooltip (issue 8: "tooltips
    on every non-obvious control")."""
    return [describe(w) for w in interactive_widgets(root)
            if w.isVisibleTo(root) and not isinstance(w, QTabBar)
            and not w.toolTip().strip() and not explains_itself(w)]


def unreachable(root: QWidget) -> list[str]:
    return [describe(w) for w in interactive_widgets(root)
            if w.focusPolicy() == Qt.FocusPolicy.NoFocus
            and w.objectName() not in NO_FOCUS_BY_DESIGN]


# -- shortcuts --------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyUse:
    """One key sequence bound somewhere, with where it is active."""

    keys: str
    where: QWidget  # the widget whose visibility switches it on
    focus_scope: QWidget | None  # None: the whole window; else only with focus inside it
    what: str


def stack_pages(widget: QWidget) -> dict[int, int]:
    """For each stacked widget (tab pages included) above ``widget``: which page it is on."""
    pages: dict[int, int] = {}
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            pages[id(parent)] = id(child)
        child, parent = parent, parent.parentWidget()
    return pages


def shown_together(a: QWidget, b: QWidget) -> bool:
    pages_a, pages_b = stack_pages(a), stack_pages(b)
    return all(pages_a[stack] == pages_b[stack] for stack in pages_a.keys() & pages_b.keys())


def contains(outer: QWidget, inner: QWidget) -> bool:
    return outer is inner or outer.isAncestorOf(inner)


def clash(a: KeyUse, b: KeyUse) -> bool:
    if a.keys != b.keys or not shown_together(a.where, b.where):
        return False
    if a.focus_scope is None or b.focus_scope is None:
        return True
    return contains(a.focus_scope, b.focus_scope) or contains(b.focus_scope, a.focus_scope)


def mnemonic(text: str) -> str:
    """Alt+letter for the letter after a single '&' ("&&" is a literal ampersand)."""
    index = text.replace("&&", "__").find("&")
    if index < 0 or index + 1 >= len(text):
        return ""
    return f"Alt+{text[index + 1].upper()}"


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def scope_for(owner: QWidget, context: Qt.ShortcutContext) -> QWidget | None:
    if context in (Qt.ShortcutContext.WidgetShortcut,
                   Qt.ShortcutContext.WidgetWithChildrenShortcut):
        return owner
    return None


def key_uses(root: QWidget) -> Iterator[KeyUse]:
    for shortcut in root.findChildren(QShortcut):
        owner = shortcut.parent()
        assert isinstance(owner, QWidget)
        for keys in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
            yield KeyUse(portable(keys), owner, scope_for(owner, shortcut.context()),
                         f"shortcut on {describe(owner)}")
    yield from action_uses(root)
    for widget in root.findChildren(QWidget):
        if internal_to_qt(widget):
            continue
        yield from mnemonic_uses(widget)


def action_uses(root: QWidget) -> Iterator[KeyUse]:
    for action in root.findChildren(QAction):
        owner = action.parent()
        where = owner if isinstance(owner, QWidget) else root
        for keys in action.shortcuts():
            yield KeyUse(portable(keys), where, scope_for(where, action.shortcutContext()),
                         f"action {action.text()!r}")


def mnemonic_uses(widget: QWidget) -> Iterator[KeyUse]:
    text = ""
    if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel)
                                               and widget.buddy() is not None):
        text = widget.text()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    if mnemonic(text):
        yield KeyUse(mnemonic(text), widget, None, f"{type(widget).__name__} {text!r}")
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if mnemonic(widget.tabText(index)):
                yield KeyUse(mnemonic(widget.tabText(index)), widget, None,
                             f"tab {widget.tabText(index)!r}")
    if widget.inherits("QMenuBar"):
        for action in widget.actions():
            if mnemonic(action.text()):
                yield KeyUse(mnemonic(action.text()), widget, None, f"menu {action.text()!r}")


def shortcut_clashes(root: QWidget) -> list[str]:
    uses = [use for use in key_uses(root) if use.keys]
    found = []
    for index, first in enumerate(uses):
        for second in uses[index + 1:]:
            if clash(first, second):
                found.append(f"{first.keys}: {first.what} and {second.what}")
    return found


def assert_accessible(root: QWidget) -> None:
    assert interactive_widgets(root), "nothing to check: the walk found no controls"
    problems = ([f"no name: {w}" for w in unnamed(root)]
                + [f"no keyboard focus: {w}" for w in unreachable(root)]
                + [f"shared key {c}" for c in shortcut_clashes(root)])
    assert problems == [], "\n".join(problems)


# -- the screens -----------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, school: DeskServices, head: StaffMember) -> MainWindow:
    win = open_window(qtbot, school)
    sign_in(win, "Mrs Invented Head", HEAD_PIN)
    for name in win.tab_names():  # Moderation and Followers fetch on first view
        win.select_tab(name)
    return win


def test_every_tab_of_the_head_teachers_window_is_named_reachable_and_clash_free(
        window: MainWindow) -> None:
    assert len(window.tab_names()) == 9
    assert_accessible(window)


def test_the_sign_in_screen_is_accessible(qtbot: QtBot, school: DeskServices,
                                          head: StaffMember) -> None:
    window = open_window(qtbot, school)
    assert window.sign_in_panel is not None
    assert_accessible(window.sign_in_panel)


def test_the_checks_find_what_they_are_meant_to_find(qtbot: QtBot) -> None:
    """The walker itself: a nameless field, an unreachable button and a doubled key."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    field = QLineEdit()
    button = QPushButton("&Save")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    other = QPushButton("&Send")
    for widget in (field, button, other):
        layout.addWidget(widget)
    assert len(unnamed(page)) == 1 and "QLineEdit" in unnamed(page)[0]
    assert len(unreachable(page)) == 1
    assert shortcut_clashes(page) == ["Alt+S: QPushButton '&Save' and QPushButton '&Send'"]
    field.setAccessibleName("Title")
    label = QLabel("&Subject")
    label.setBuddy(field)
    layout.addWidget(label)
    assert unnamed(page) == []
    assert len(shortcut_clashes(page)) == 3


def dialogs(services: DeskServices, window: MainWindow) -> Iterator[QDialog]:
    """Every main dialog, built as the app builds it."""
    assert services.staff is not None and services.approvals is not None
    tasks = SyncTaskRunner()
    yield SetupWizard(services, tasks)
    yield HeadPinDialog(lambda _pin: None, tasks, "add a member of staff")
    yield RecoveryDialog(services, tasks)
    report = run_preflight("Well done Olivia! See stpeters.sch.uk", [],
                           NameGuard.from_names(["Olivia Smith"]))
    yield PreflightDialog(report, may_override=True)
    yield RosterPreviewDialog(ROSTERS / "arbor_export.csv",
                              preview_roster(ROSTERS / "arbor_export.csv"))
    yield PhotoPickerDialog(services.photo_library())
    yield ConnectXDialog(services, tasks, lambda _action: HEAD_PIN)
    yield AboutDialog(data_dir=services.data_dir)
    yield NewMemberDialog()
    yield ResetPinDialog("Mr Invented Teacher")
    yield ExceptionDialog()
    words = partial(QCoreApplication.translate, "ApprovalsTab")  # callers pass translated words
    yield TweetTextDialog(words("Edit, then approve"),
                          words("Change the words; nobody sees it yet"), "Sports day",
                          words("Approve"))
    assert services.member is not None
    item = services.approvals.submit("Sports day is on Friday", by=services.member)
    yield RejectDialog(item)
    yield ScheduleDialog(None, datetime.now(UTC))
    moderation = next(page for page in window.findChildren(ModerationTab))
    moderation.table.selectRow(0)
    incident = moderation.start_incident()
    assert incident is not None, "the sandbox has replies to build an incident pack from"
    yield incident


def test_every_control_that_is_not_obvious_has_a_tooltip(
        qtbot: QtBot, school: DeskServices, window: MainWindow) -> None:
    missing = []
    for name in window.tab_names():
        window.select_tab(name)
        missing += [f"[{name}] {line}" for line in without_tooltip(window)]
    for dialog in dialogs(school, window):
        qtbot.addWidget(dialog)
        missing += [f"[{type(dialog).__name__}] {line}" for line in without_tooltip(dialog)]
    assert sorted(set(missing)) == [], "\n".join(sorted(set(missing)))


def test_every_main_dialog_is_named_reachable_and_clash_free(
        qtbot: QtBot, school: DeskServices, window: MainWindow) -> None:
    checked = []
    for dialog in dialogs(school, window):
        qtbot.addWidget(dialog)
        assert_accessible(dialog)
        checked.append(type(dialog).__name__)
    assert len(checked) == 15


# -- shortcuts for frequent actions -----------------------------------------------------
def test_ctrl_and_a_number_switches_tabs(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.composer.editor.setFocus()
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tab_names()[window.tabs.currentIndex()] == "Approvals"
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    assert "Ctrl+1" in window.tabs.tabToolTip(0)


def test_j_and_k_step_through_replies_and_f5_refreshes(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    window.select_tab("Moderation")
    moderation = next(page for page in window.findChildren(ModerationTab))
    table: QTableView = moderation.table
    assert table.model().rowCount() >= 3
    table.setFocus()
    table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_J)
    assert table.currentIndex().row() == 1
    QTest.keyClick(table, Qt.Key.Key_J)
    assert table.currentIndex().row() == 2
    QTest.keyClick(table, Qt.Key.Key_K)
    assert table.currentIndex().row() == 1
    assert "J" in table.toolTip() and "K" in table.toolTip()
    assert "F5" in moderation.refresh_button.toolTip()
    moderation.detail.setFocus()
    QTest.keyClick(moderation.detail, Qt.Key.Key_J)  # J elsewhere is just a letter
    assert table.currentIndex().row() == 1
    table.setFocus()
    fetched: list[bool] = []
    moderation.refresh_button.clicked.connect(lambda *_: fetched.append(True))
    QTest.keyClick(table, Qt.Key.Key_F5)
    assert fetched == [True]


def test_f5_refreshes_the_compose_and_followers_tabs(window: MainWindow) -> None:
    from stpeters_desk.ui.followers_tab import FollowersTab

    followers = window.tab_page("Followers")
    assert isinstance(followers, FollowersTab)
    for name, tab, button in (("Compose", window.composer, window.composer.refresh_button),
                              ("Followers", followers, followers.sync_button)):
        window.select_tab(name)
        pressed: list[bool] = []
        button.clicked.connect(lambda *_, pressed=pressed: pressed.append(True))
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_F5)
        assert pressed == [True], tab
        assert "(F5)" in button.toolTip()


# -- colour is never the only signal ----------------------------------------------------
def test_warnings_carry_words_and_symbols_as_well_as_colour(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    from stpeters_desk.core.follower_risk import CHECK_FROM, HIGH_FROM
    from stpeters_desk.ui.followers_tab import risk_mark, risk_text
    from stpeters_desk.ui.moderation_tab import LEVEL_TEXT
    from stpeters_desk.ui.status_marks import LEVELS, moderation_icon, status_icon

    composer = window.composer
    composer.editor.setPlainText("Sports day " * 30)
    assert composer.count_label.text().startswith("⚠") and "over" in composer.count_label.text()
    composer.editor.setPlainText("Sports day")
    assert "left" in composer.count_label.text()
    assert risk_mark(HIGH_FROM) == "block" and "high" in risk_text(HIGH_FROM)
    assert risk_mark(CHECK_FROM) == "warn" and "check" in risk_text(CHECK_FROM)
    assert risk_mark(0) == "" and all(not status_icon(level).pixmap(16, 16).isNull()
                                      for level in LEVELS)  # the SVG files are drawn
    assert "low" in risk_text(0)
    # the moderation levels: words, with the app's own mark beside them in the table
    assert all(text.isascii() and text.strip() for text in LEVEL_TEXT.values())
    assert all(not moderation_icon(level).isNull() for level in LEVEL_TEXT)
    report = run_preflight("Well done Olivia! See stpeters.sch.uk", [],
                           NameGuard.from_names(["Olivia Smith"]))
    dialog = PreflightDialog(report, may_override=False)
    qtbot.addWidget(dialog)
    marks = [label.text() for label in dialog.findChildren(QLabel)
             if label.objectName() == "PreflightMark"]
    assert len(marks) == len(report.checks)
    assert any(mark == "✖ Blocked" for mark in marks)
