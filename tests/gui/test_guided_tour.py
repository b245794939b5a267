"""The guided tour after the first sign-in: one step per tab the person can see (issue 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import tour_seen
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.composer_tab import ComposerTab
from stpeters_desk.ui.followers_tab import FollowersTab
from stpeters_desk.ui.guided_tour import (
    FINISHED,
    INTERRUPTED,
    KIOSK_TARGET,
    SKIPPED,
    GuidedTour,
    has_seen_tour,
    offer_tour,
    start_tour,
)
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.moderation_tab import ModerationTab
from stpeters_desk.ui.photos_tab import PhotosTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from tests.gui.helpers.pseudo_language import OPEN, pseudo_translation
from tests.gui.test_security_ui import HEAD_PIN, TEACHER_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

HEAD = "Mrs Invented Head"
HEAD_TABS = ["Compose", "Photos", "Approvals", "Moderation", "Followers", "Staff", "Audit",
             "Settings", "Policy"]


@pytest.fixture
def window(qtbot: QtBot, school: DeskServices, head: StaffMember) -> MainWindow:
    win = open_window(qtbot, school)
    sign_in(win, HEAD, HEAD_PIN)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def offered(window: MainWindow, school: DeskServices) -> GuidedTour:
    assert school.member is not None
    tour = offer_tour(window, school, school.member)
    assert tour is not None
    return tour


def ended_with(tour: GuidedTour) -> list[str]:
    outcomes: list[str] = []
    tour.ended.connect(outcomes.append)
    return outcomes


def click(button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def on_window(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def current_tab(window: MainWindow) -> str:
    return window.tab_names()[window.tabs.currentIndex()]


# -- the walk ---------------------------------------------------------------------------------

def test_the_tour_explains_every_tab_the_head_sees_then_records_it_was_seen(
        window: MainWindow, school: DeskServices, head: StaffMember) -> None:
    assert window.tab_names() == HEAD_TABS
    tour = offered(window, school)
    outcomes = ended_with(tour)
    assert len(tour.steps) == len(HEAD_TABS) + 2
    assert tour.parentWidget() is window and not tour.isWindow()  # a card, not a dialog
    assert tour.isVisible() and tour.step_label.text() == "Step 1 of 11"
    assert "Welcome" in tour.title_label.text()
    assert not tour.back_button.isEnabled() and current_tab(window) == "Compose"

    seen_tabs = []
    for number in range(2, len(HEAD_TABS) + 2):
        click(tour.next_button)
        assert tour.step_label.text() == f"Step {number} of 11"
        seen_tabs.append(current_tab(window))
        assert tour.title_label.text().startswith(current_tab(window) + ":")
        assert window.tabs.tabBar().property("tour") is True  # the tab is marked
        sentences = tour.body_label.text().count(". ") + 1
        assert 2 <= sentences <= 4, tour.body_label.text()
        assert tour.policy_label.isVisible()
        assert tour.policy_label.text().startswith("School policy:")
        assert window.focusWidget() is tour.next_button  # the keyboard is on the card
        assert "Step" in tour.next_button.accessibleDescription()
        assert tour.body_label.text() in tour.next_button.accessibleDescription()
    assert seen_tabs == HEAD_TABS

    click(tour.next_button)
    assert tour.step_label.text() == "Step 11 of 11"
    assert "Help > Take the tour" in tour.body_label.text()
    assert tour.next_button.text() == "Finish" and not tour.skip_button.isVisible()
    assert window.tabs.tabBar().property("tour") is False
    assert not has_seen_tour(school, head)

    click(tour.next_button)
    assert outcomes == [FINISHED]
    assert not tour.isVisible() and current_tab(window) == "Compose"
    assert school.settings.get(tour_seen(head.staff_id).key) == "1"
    assert window.focusWidget() is window.composer.editor  # straight to work
    assert offer_tour(window, school, head) is None  # once per person


def test_the_words_follow_the_school_policy(window: MainWindow, school: DeskServices) -> None:
    tour = offered(window, school)
    by_tab = {step.title.split(":")[0]: step for step in tour.steps[1:-1]}
    assert "child's name is never shown" in by_tab["Compose"].policy
    assert "photo consent" in by_tab["Photos"].policy
    assert "offensive or undermining" in by_tab["Moderation"].policy
    assert "not school-focused" in by_tab["Followers"].policy
    assert "school-registered devices" in by_tab["Settings"].policy
    assert "every two years" in by_tab["Audit"].policy
    assert "“Sync followers”" in by_tab["Followers"].body  # the button's own words
    assert "“Refresh”" in by_tab["Moderation"].body
    assert "“Open photos…”" in by_tab["Photos"].body


def test_arrows_move_and_escape_skips_which_also_counts_as_seen(
        window: MainWindow, school: DeskServices, head: StaffMember) -> None:
    tour = offered(window, school)
    outcomes = ended_with(tour)
    QTest.keyClick(tour.next_button, Qt.Key.Key_Right)
    QTest.keyClick(tour.next_button, Qt.Key.Key_Right)
    assert tour.index == 2 and current_tab(window) == "Photos"
    QTest.keyClick(tour.next_button, Qt.Key.Key_Left)
    assert tour.index == 1 and current_tab(window) == "Compose"
    QTest.keyClick(tour.back_button, Qt.Key.Key_Right)  # from any button of the card
    assert tour.index == 2

    QTest.keyClick(tour.next_button, Qt.Key.Key_Escape)

    assert outcomes == [SKIPPED] and not tour.isVisible()
    assert current_tab(window) == "Compose"  # back where the person started
    assert window.tabs.tabBar().property("tour") is False
    assert has_seen_tour(school, head)


def test_enter_presses_the_button_that_has_the_focus(window: MainWindow,
                                                      school: DeskServices) -> None:
    tour = offered(window, school)
    QTest.keyClick(tour.next_button, Qt.Key.Key_Return)
    assert tour.index == 1
    tour.back_button.setFocus()
    QTest.keyClick(tour.back_button, Qt.Key.Key_Enter)
    assert tour.index == 0


def test_choosing_a_tab_during_the_tour_moves_the_card_to_that_tab(
        window: MainWindow, school: DeskServices) -> None:
    tour = offered(window, school)
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(HEAD_TABS.index("Followers")).center())
    assert tour.title_label.text().startswith("Followers:")
    assert tour.step_label.text() == "Step 6 of 11"
    click(tour.next_button)
    assert current_tab(window) == "Staff" and tour.title_label.text().startswith("Staff:")


def test_arrows_in_the_tab_itself_do_not_move_the_tour(window: MainWindow,
                                                         school: DeskServices) -> None:
    tour = offered(window, school)
    click(tour.next_button)
    window.composer.editor.setFocus()
    QTest.keyClick(window.composer.editor, Qt.Key.Key_Right)
    QTest.keyClick(window.composer.editor, Qt.Key.Key_Escape)
    assert tour.index == 1 and tour.isVisible()


def test_skip_tour_button(window: MainWindow, school: DeskServices, head: StaffMember) -> None:
    tour = offered(window, school)
    outcomes = ended_with(tour)
    click(tour.skip_button)
    assert outcomes == [SKIPPED] and has_seen_tour(school, head)


# -- where the card goes ------------------------------------------------------------------

def test_the_card_never_hides_the_main_controls_of_the_tab_it_explains(
        window: MainWindow, school: DeskServices) -> None:
    tour = offered(window, school)
    composer = window.composer
    moderation = window.tab_page("Moderation")  # built now: a tab is built when first shown
    followers = window.tab_page("Followers")
    photos = window.tab_page("Photos")
    assert isinstance(moderation, ModerationTab) and isinstance(followers, FollowersTab)
    assert isinstance(photos, PhotosTab)
    main_controls: dict[str, list[QWidget]] = {
        "Compose": [composer.editor, composer.post_button, composer.add_photos_button],
        "Photos": [photos.open_button],
        "Moderation": [moderation.refresh_button, moderation.hide_button,
                       moderation.reviewed_button, moderation.reason_box],
        "Followers": [followers.sync_button, followers.ok_button, followers.reason_box],
    }
    assert isinstance(composer, ComposerTab)
    for _ in HEAD_TABS:
        click(tour.next_button)
        tab = current_tab(window)
        card = tour.geometry()
        page = on_window(window.tabs.currentWidget(), window)
        assert page.contains(card), tab  # inside the tab page, below the tab bar
        for control in main_controls.get(tab, []):
            assert not card.intersects(on_window(control, window)), (tab, control)


def test_the_card_follows_the_window_when_it_is_resized(qtbot: QtBot, window: MainWindow,
                                                        school: DeskServices) -> None:
    tour = offered(window, school)
    window.resize(900, 640)
    qtbot.waitUntil(lambda: on_window(window.tabs.currentWidget(), window)
                    .contains(tour.geometry()))


def test_offered_before_the_window_first_shows_the_card_lands_inside_the_tab(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    """Straight after the set-up wizard the window signs the head in while it is built."""
    school.sign_in(head)
    window = MainWindow(school, SyncTaskRunner())
    window.allow_close()
    qtbot.addWidget(window)
    tour = offered(window, school)
    window.show()
    qtbot.waitUntil(lambda: tour.isVisible() and on_window(
        window.tabs.currentWidget(), window).contains(tour.geometry()))
    assert not tour.geometry().intersects(on_window(window.composer.editor, window))


def test_in_kiosk_mode_every_button_of_the_card_is_a_large_target(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    window = open_window(qtbot, school, kiosk=True)
    sign_in(window, HEAD, HEAD_PIN)
    tour = offered(window, school)
    for button in (tour.back_button, tour.next_button, tour.skip_button):
        assert button.minimumHeight() >= KIOSK_TARGET and button.minimumWidth() >= KIOSK_TARGET
    assert tour.width() > 400


# -- who sees it, and when -----------------------------------------------------------------

def test_a_teacher_is_shown_only_the_tabs_a_teacher_has(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    assert school.staff is not None
    teacher = school.staff.add_member("Mr Invented Teacher", Role.TEACHER, TEACHER_PIN,
                                      by=head, head_pin=HEAD_PIN)
    window = open_window(qtbot, school)
    sign_in(window, "Mr Invented Teacher", TEACHER_PIN)
    tour = offered(window, school)
    titles = [step.title.split(":")[0] for step in tour.steps[1:-1]]
    assert titles == ["Compose", "Photos", "Approvals", "Settings", "Policy"]
    assert tour.step_label.text() == "Step 1 of 7"
    click(tour.skip_button)
    assert has_seen_tour(school, teacher)
    assert not has_seen_tour(school, head)  # seen per person, not per computer


def test_locking_in_the_middle_ends_the_tour_without_counting_it(
        window: MainWindow, school: DeskServices, head: StaffMember) -> None:
    tour = offered(window, school)
    outcomes = ended_with(tour)
    click(tour.next_button)
    click(window.lock_button)
    assert outcomes == [INTERRUPTED] and not tour.isVisible()
    assert window.tabs.tabBar().property("tour") is False
    assert not has_seen_tour(school, head)
    sign_in(window, HEAD, HEAD_PIN)
    assert offer_tour(window, school, head) is not None  # offered again next time


def test_help_take_the_tour_starts_again_and_never_shows_two_cards(
        window: MainWindow, school: DeskServices, head: StaffMember) -> None:
    first = offered(window, school)
    click(first.skip_button)
    again = start_tour(window)
    assert again is not None
    outcomes = ended_with(again)
    click(again.next_button)
    third = start_tour(window)
    assert third is not None and outcomes == [INTERRUPTED]
    assert [t for t in window.findChildren(GuidedTour) if t.isVisible()] == [third]
    assert third.index == 0 and current_tab(window) == "Compose"


def test_taken_again_from_another_tab_it_ends_where_the_person_was(
        window: MainWindow, school: DeskServices) -> None:
    click(offered(window, school).skip_button)
    window.select_tab("Settings")
    tour = start_tour(window)
    assert tour is not None
    QTest.keyClick(tour.next_button, Qt.Key.Key_Right)
    assert current_tab(window) == "Compose"
    QTest.keyClick(tour.next_button, Qt.Key.Key_Escape)
    settings = window.tabs.currentWidget()
    assert current_tab(window) == "Settings"
    focus = window.focusWidget()
    assert focus is not None and settings.isAncestorOf(focus)  # typing goes somewhere visible


def test_no_tour_over_the_sign_in_screen(window: MainWindow) -> None:
    click(window.lock_button)
    assert start_tour(window) is None
    assert [tour for tour in window.findChildren(GuidedTour) if tour.isVisible()] == []


def test_the_screenshot_preview_gets_no_tour(qtbot: QtBot, school: DeskServices,
                                             head: StaffMember) -> None:
    school.sign_in(head)
    window = MainWindow(school, SyncTaskRunner(), preview=True)
    qtbot.addWidget(window)
    window.allow_close()
    assert offer_tour(window, school, head) is None
    assert window.findChildren(GuidedTour) == []


# -- every word can be translated ----------------------------------------------------------

@pytest.fixture
def pseudo_language(tmp_path: Path) -> Iterator[None]:
    """A made-up language from this module's own tr() calls, each text wrapped in ⟪ ⟫."""
    qm = pseudo_translation(["stpeters_desk/ui/guided_tour.py"], tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def test_every_word_on_the_card_goes_through_translation(
        pseudo_language: None, window: MainWindow, school: DeskServices) -> None:
    tour = offered(window, school)
    for _ in tour.steps:
        shown = [label.text() for label in tour.findChildren(QLabel)
                 if label.isVisible() and label.text()]
        shown += [button.text() for button in tour.findChildren(QAbstractButton)
                  if button.isVisible()]
        shown += [button.toolTip() for button in tour.findChildren(QAbstractButton)]
        shown.append(tour.accessibleName())
        untranslated = [text for text in shown if not text.startswith(OPEN)]
        assert untranslated == []
        if tour.index < len(tour.steps) - 1:
            click(tour.next_button)
