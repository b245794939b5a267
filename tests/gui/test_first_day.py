"""A newcomer's first day on the practice account, through the real widgets (issue 8).

"Done when: a person who has never seen the app can, in the sandbox account and without a
manual, sign in, post a tweet with a prepared photo, hide an offensive reply and review a
new follower." This test is that person: it sets the app up as the head teacher, signs in
with a PIN, takes the guided tour, then does the four jobs with clicks and key presses,
answering the real dialogs (the photo picker and the pre-flight panel) as they appear.
Only the operating system's Open dialog is stood in for, as the Photos tab tests do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import HIDDEN
from stpeters_desk.ui.followers_tab import FollowersTab
from stpeters_desk.ui.guided_tour import FINISHED, has_seen_tour, offer_tour
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.moderation_tab import REPLY_COLUMN, ModerationTab
from stpeters_desk.ui.photo_picker import PhotoPickerDialog
from stpeters_desk.ui.photos_tab import PhotosTab
from stpeters_desk.ui.preflight_dialog import PreflightDialog
from stpeters_desk.ui.security_dialogs import SetupWizard
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway

HEAD = "Mrs Invented Newcomer"
PIN = "480516"
PHOTO = Path(__file__).resolve().parents[1] / "data" / "faces" / "astronaut.jpg"
TWEET = "Class 4 met an astronaut today and asked brilliant questions about life in space!"
DESCRIPTION = "An astronaut in a space suit smiling in front of a flag"
OFFENSIVE = "What a load of s**t"  # an invented reply in the practice account
NEW_FOLLOWER = "1stPilningScouts"  # an invented local group among the new followers

DialogT = TypeVar("DialogT", bound=QDialog)


# -- a newcomer's hands ---------------------------------------------------------------------

def click(widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), _label(widget)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _label(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QAbstractButton) else widget.objectName()


def type_into(widget: QWidget, text: str) -> None:
    click(widget)
    QTest.keyClicks(widget, text)


def open_tab(window: MainWindow, name: str) -> QWidget:
    """Click the tab's name in the tab bar, as a person would."""
    bar = window.tabs.tabBar()
    index = window.tab_names().index(name)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    page = window.current_page()
    assert page is not None
    return page


def click_row(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def answer_dialog(kind: type[DialogT], answer: Callable[[DialogT], None]
                  ) -> list[BaseException]:
    """Answer the next modal dialog of this kind once it is on screen.

    Anything that goes wrong while answering is kept for the test to raise, and the dialog
    is closed, so a surprise never leaves the test waiting on a dialog nobody answers.
    """
    problems: list[BaseException] = []

    def attempt(tries_left: int) -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            if tries_left:
                QTimer.singleShot(20, lambda: attempt(tries_left - 1))
            else:
                problems.append(AssertionError(f"no {kind.__name__} appeared"))
            return
        try:
            answer(dialog)
        except BaseException as exc:  # raised again by the test
            problems.append(exc)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, lambda: attempt(100))
    return problems


def focused(window: MainWindow) -> QWidget:
    """Where typing goes: the window's focus widget (it keeps it while a dialog is open)."""
    widget = window.focusWidget()
    assert widget is not None, "the keyboard focus went nowhere"
    return widget


def no_problems(problems: list[BaseException]) -> None:
    if problems:
        raise problems[0]


# -- the school ---------------------------------------------------------------------------------

@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    """A fresh data folder on the practice account, as on the very first start."""
    return DeskServices.for_school(db, sandbox, data_dir)


def set_up_the_app(qtbot: QtBot, school: DeskServices) -> None:
    """The very first start: the head creates their account and registers this computer."""
    assert school.staff is not None
    wizard = SetupWizard(school, SyncTaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    type_into(wizard.name_field, HEAD)
    type_into(wizard.pin_field, PIN)
    type_into(wizard.pin_again, PIN)
    assert wizard.register_box.isChecked()
    click(wizard.ok_button)
    click(wizard.recovery_page.confirm)
    click(wizard.ok_button)
    assert wizard.result() == QDialog.DialogCode.Accepted


def start_the_app(qtbot: QtBot, school: DeskServices) -> MainWindow:
    """The next start: the window opens on the sign-in screen."""
    window = MainWindow(school, SyncTaskRunner(), head_pin_asker=lambda _action: PIN)
    window.allow_close()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def sign_in_with_pin(window: MainWindow, school: DeskServices) -> StaffMember:
    panel = window.sign_in_panel
    assert panel is not None and window.pages.currentWidget() is panel
    row = next(r for r in range(panel.people.count())
               if panel.people.item(r).text().startswith(HEAD))
    click_row(panel.people, panel.people.model().index(row, 0))
    QTest.keyClicks(panel.pin_pad.field, PIN)
    QTest.keyClick(panel.pin_pad.field, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0, panel.message.text()
    assert window.signed_in_label.text() == f"Signed in: {HEAD}"
    assert school.member is not None
    return school.member


# -- the day ------------------------------------------------------------------------------------

def test_a_newcomer_signs_in_posts_a_photo_hides_a_reply_and_reviews_a_follower(
        qtbot: QtBot, school: DeskServices, sandbox: SandboxGateway) -> None:
    set_up_the_app(qtbot, school)
    window = start_the_app(qtbot, school)
    head = sign_in_with_pin(window, school)
    take_the_tour(window, school, head)
    post_a_tweet_with_a_prepared_photo(window, school, sandbox)
    hide_an_offensive_reply(window, sandbox)
    review_a_new_follower(qtbot, window, school)


def take_the_tour(window: MainWindow, school: DeskServices, head: StaffMember) -> None:
    tour = offer_tour(window, school, head)
    assert tour is not None
    outcomes: list[str] = []
    tour.ended.connect(outcomes.append)
    assert "Welcome" in tour.title_label.text()
    for _ in range(len(tour.steps) - 1):  # reads each card, then the right arrow
        QTest.keyClick(focused(window), Qt.Key.Key_Right)
    assert "Help > Take the tour" in tour.body_label.text()
    QTest.keyClick(focused(window), Qt.Key.Key_Space)  # "Finish"
    assert outcomes == [FINISHED] and has_seen_tour(school, head)
    assert window.tabs.currentWidget() is window.composer


def post_a_tweet_with_a_prepared_photo(window: MainWindow, school: DeskServices,
                                       sandbox: SandboxGateway) -> None:
    composer = window.composer
    type_into(composer.editor, TWEET)

    # The photo: open it, let the face check cover the face, prepare, describe, confirm.
    photos = open_tab(window, "Photos")
    assert isinstance(photos, PhotosTab)
    photos.ask_for_photos = lambda: [PHOTO]  # type: ignore[method-assign]  # the OS dialog
    click(photos.open_button)
    opened = photos.selected_photo()
    assert opened is not None and len(opened.state.regions) == 1  # the face, to be covered
    click(photos.prepare_button)
    library = school.photo_library()
    assert len(library.list_ready()) == 1 and library.attachable() == []  # not checked yet
    type_into(photos.alt_text, DESCRIPTION)  # kept without pressing Save description
    click(photos.faces_confirm)
    click(photos.consent_confirm)
    assert [p.alt_text for p in library.attachable()] == [DESCRIPTION]

    # Back to the tweet: attach the photo in the picker, then post through the pre-flight.
    open_tab(window, "Compose")
    assert composer.editor.toPlainText() == TWEET  # nothing lost on the way

    def tick_and_attach(picker: PhotoPickerDialog) -> None:
        assert picker.photo_list.count() == 1
        assert picker.chosen_ids() != []  # the only photo ready comes ticked
        click(picker.attach_button)

    no_problems_after(lambda: click(composer.add_photos_button),
                      answer_dialog(PhotoPickerDialog, tick_and_attach))
    assert composer.photos_list.count() == 1 and DESCRIPTION in composer.photos_list.item(0).text()

    checks: list[str] = []

    def read_and_post(panel: PreflightDialog) -> None:
        checks.extend(label.text() for label in panel.findChildren(QLabel)
                      if label.objectName() == "PreflightMark")
        assert panel.report.can_post, [c.title for c in panel.report.blocking]
        click(panel.post_button)

    no_problems_after(lambda: click(composer.post_button),
                      answer_dialog(PreflightDialog, read_and_post))
    assert checks and "✖ Blocked" not in checks
    post = sandbox.own_posts(1)[0]
    assert post.text == TWEET and post.media_count == 1
    assert sandbox.photo_alt_texts(post.post_id) == [DESCRIPTION]
    assert composer.posts_list.item(0).text().startswith(TWEET)


def no_problems_after(action: Callable[[], None], problems: list[BaseException]) -> None:
    action()
    no_problems(problems)


def hide_an_offensive_reply(window: MainWindow, sandbox: SandboxGateway) -> None:
    moderation = open_tab(window, "Moderation")
    assert isinstance(moderation, ModerationTab)
    assert moderation.table.isVisible(), "replies are fetched when the tab is first opened"
    row = next(r for r, item in enumerate(moderation.model.items) if OFFENSIVE in item.text)
    assert moderation.model.items[row].level == "hide"  # the app suggests hiding it
    click_row(moderation.table, moderation.model.index(row, REPLY_COLUMN))
    assert OFFENSIVE in moderation.detail.toPlainText()

    def reply_hidden_on_x() -> bool:
        return next(m for m in sandbox.mentions() if OFFENSIVE in m.text).hidden

    click(moderation.hide_button)  # a newcomer may press it before giving a reason
    line = moderation.reason_box.lineEdit()
    assert line is not None
    assert not reply_hidden_on_x() and moderation.message.text()  # it asks why first
    assert window.focusWidget() in (moderation.reason_box, line)  # with the keyboard there
    QTest.keyClicks(focused(window), "Offensive language")
    assert moderation.reason_box.currentText() == "Offensive language"
    click(moderation.hide_button)

    assert reply_hidden_on_x()
    # Dealt with, it leaves "Needs you"; "All replies and mentions" still shows it.
    assert all(OFFENSIVE not in item.text for item in moderation.model.items)
    moderation.show_box.setFocus()
    QTest.keyClick(moderation.show_box, Qt.Key.Key_Down)
    row = next(r for r, item in enumerate(moderation.model.items) if OFFENSIVE in item.text)
    hidden = moderation.model.items[row]
    assert hidden.status == HIDDEN and hidden.decided_by == HEAD


def review_a_new_follower(qtbot: QtBot, window: MainWindow, school: DeskServices) -> None:
    followers = open_tab(window, "Followers")
    assert isinstance(followers, FollowersTab)
    assert followers.table.isVisible(), "followers are read when the tab is first opened"
    everyone = followers.model.rowCount()
    type_into(followers.filter_box, "scouts")
    qtbot.waitUntil(lambda: 0 < followers.model.rowCount() < everyone)  # when typing pauses
    rows = followers.model.rows
    row = next(r for r, entry in enumerate(rows) if entry.handle == NEW_FOLLOWER)
    assert rows[row].new
    click_row(followers.table, followers.model.index(row, 2))
    assert f"@{NEW_FOLLOWER}" in followers.detail.toPlainText()

    click(followers.ok_button)

    stored = school.follower_review().get(rows[row].user_id)
    assert stored.reviewed_by == HEAD and stored.reviewed_at
    entry = school.audit.recent(1)[0]
    assert (entry.actor, entry.action, entry.target) == (HEAD, "follower reviewed ok",
                                                         f"@{NEW_FOLLOWER}")
