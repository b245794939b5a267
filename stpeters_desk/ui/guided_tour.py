"""The guided tour: a short walk through the tabs someone can see, after their first sign-in.

Issue 8 asks that a person who has never seen the app can find their way without a
manual. So the first time each member of staff signs in, a small card steps through
their tabs (the window builds them from the person's permissions): one step per tab,
each saying what the tab is for, the first thing to do there and which part of the
school's Twitter policy it serves, between a welcome and a closing step.

The card is a child of the window, not a modal dialog: the tab it explains stays
usable beside it, and the card moves to whichever corner hides the fewest controls.
It can be skipped at any moment (Esc); finishing or skipping both count as seen, and
Help > Take the tour starts it again. Locking the window ends it without counting,
so the person meets it again at their next sign-in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.ui.lazy_tab import content_name
from stpeters_desk.ui.styling import set_style_state

if TYPE_CHECKING:
    from stpeters_desk.core.services import DeskServices
    from stpeters_desk.core.staff import StaffMember
    from stpeters_desk.ui.main_window import MainWindow

FINISHED = "finished"
SKIPPED = "skipped"
INTERRUPTED = "interrupted"  # the window locked: not counted as seen

CARD_WIDTH = 400
KIOSK_CARD_WIDTH = 480
KIOSK_TARGET = 44  # the staffroom touch screen: every target at least 44 px
MARGIN = 16  # between the card and the edge of the tab page

# How much covering a control costs when choosing where the card goes.
SMALL_CONTROL_COST = 10.0
PRIMARY_CONTROL_COST = 40.0  # "Post tweet", "Refresh", "Sync followers", "Prepare photo"
LIST_COST = 6.0  # times the share of a list or read-only text that is covered
TYPING_COST = 40.0  # times the share of a box people type in (the tweet, a description)
WORDS_COST = 2.0  # a label: covering what the tab says is worse than covering empty space
DISABLED_SHARE = 0.5  # a control that cannot be used yet matters less, but still matters
SMALL_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QSlider)
LARGE_CONTROLS = (QAbstractItemView, QPlainTextEdit, QTextEdit)


def has_seen_tour(services: DeskServices, member: StaffMember) -> bool:
    """Per person, not per computer: each member of staff is offered the tour once."""
    from stpeters_desk.core.settings_registry import tour_seen
    from stpeters_desk.ops.settings import read_setting

    return read_setting(services, tour_seen(member.staff_id))


def offer_tour(window: MainWindow, services: DeskServices,
               member: StaffMember) -> GuidedTour | None:
    """After sign-in: the tour, once per person; finishing or skipping it counts as seen.

    Not for the --screenshot preview, where nobody is really signed in.
    """
    if window.preview or has_seen_tour(services, member):
        return None
    tour = start_tour(window)
    if tour is None:
        return None
    from stpeters_desk.ops.context import session_of
    from stpeters_desk.ops.school import SchoolOperations

    operations, session = SchoolOperations(services), session_of(services)

    def remember(outcome: str) -> None:
        if outcome in (FINISHED, SKIPPED):
            operations.mark_tour_seen(session)

    tour.ended.connect(remember)
    return tour


def start_tour(window: MainWindow) -> GuidedTour | None:
    """Help > Take the tour: from the beginning, replacing any tour already on screen.

    None while the window is locked: the tabs behind the sign-in screen are not the
    next person's, and the card must never sit over the PIN pad.
    """
    for running in window.findChildren(GuidedTour):
        running.interrupt()
    if not _at_work(window):
        return None
    tour = GuidedTour(window)
    tour.begin()
    return tour


def _at_work(window: MainWindow) -> bool:
    """The tabs are on screen, not the sign-in page."""
    page = window.pages.currentWidget()
    return page is not None and page.isAncestorOf(window.tabs)


@dataclass(frozen=True)
class TourStep:
    title: str
    body: str  # what the tab is for and the first thing to do there
    policy: str  # which part of the school's policy it serves
    page: QWidget | None = None  # the tab explained; None for the welcome and closing steps


class GuidedTour(QFrame):
    """The tour card. ``ended`` carries FINISHED, SKIPPED or INTERRUPTED."""

    ended = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("TourCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._window = window
        self._started_on = window.tabs.currentIndex()
        self.steps = self._steps()
        self.index = 0
        self._open = False
        self._moving = False  # the tour itself is changing the tab
        self._build()
        self._add_keys()

    # -- the words -------------------------------------------------------------------------
    def _steps(self) -> list[TourStep]:
        tabs = self._window.tabs
        pages = [page for page in (tabs.widget(i) for i in range(tabs.count())) if page]
        return [self._welcome(), *(self._step_for(page) for page in pages), self._closing()]

    def _welcome(self) -> TourStep:
        return TourStep(
            self.tr("Welcome to St Peter's Desk"),
            self.tr("This short tour shows each tab you can use and the first thing to do "
                    "there: Next or the right arrow moves on, Esc skips it. The strip across "
                    "the top says which account you are using: on the practice account "
                    "nothing reaches X, so you can try everything safely."),
            self.tr("The app keeps the school's Twitter policy for you: every action is "
                    "recorded with your name."))

    def _closing(self) -> TourStep:
        return TourStep(
            self.tr("You are ready to start"),
            self.tr("That is the whole tour. You can take it again at any time from Help > "
                    "Take the tour, and F1 explains the tab in front of you."),
            self.tr("The Policy tab has the school's own words whenever you are unsure."))

    def _step_for(self, page: QWidget) -> TourStep:
        """The words for one tab, found by what the tab is (its name may be in Welsh)."""
        words = self._tab_words().get(content_name(page))  # the tab may not be built yet
        if words is None:  # a tab added later without tour words: still shown, never skipped
            name = self._window.tabs.tabText(self._window.tabs.indexOf(page)).replace("&", "")
            return TourStep(name, self.tr("Press F1 on this tab to read what it is for."), "",
                            page)
        title, body, policy = words()
        return TourStep(title, body, policy, page)

    def _tab_words(self) -> dict[str, Callable[[], tuple[str, str, str]]]:
        return {
            "ComposerTab": self._compose_words,
            "PhotosTab": self._photos_words,
            "ApprovalsTab": self._approvals_words,
            "ModerationTab": self._moderation_words,
            "FollowersTab": self._followers_words,
            "StaffTab": self._staff_words,
            "AuditTab": self._audit_words,
            "SettingsTab": self._settings_words,
            "PolicyTab": self._policy_words,
        }

    def _compose_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Compose: write a tweet"),
            self.tr("Celebrate what a class achieved. Type in the big box; the counter shows "
                    "how much of X's 280 characters you have used, and the tweet is saved as "
                    "you type. Then press the button under the box: a check of names, photos "
                    "and links comes before anything is posted."),
            self.tr("School policy: a child's name is never shown, and the person tweeting "
                    "makes sure no one's safety or wellbeing is put at risk."))

    def _photos_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Photos: get a photo ready"),
            self.tr("Start with “Open photos…”. Check that every face that must not be seen "
                    "is covered, press “Prepare photo”, write a short description and tick "
                    "both confirmations. The photo then waits under “Ready to attach” for "
                    "the Compose tab."),
            self.tr("School policy: whoever uploads is responsible for what they share, and "
                    "only children with photo consent may appear."))

    def _approvals_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Approvals: a second pair of eyes"),
            self.tr("Tweets sent for approval and tweets scheduled for later wait here. If "
                    "you approve tweets, choose one and approve it or send it back with a "
                    "note; otherwise this is where you can see where yours have got to."),
            self.tr("School policy: no tweet may harm the reputation of the school, its "
                    "staff or anyone else."))

    def _moderation_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Moderation: replies and mentions"),
            self.tr("Press “Refresh” to fetch new replies; each is checked on this computer "
                    "and the ones that need you come first. Choose one, say why, then hide "
                    "it, mute or block its author, or mark it reviewed."),
            self.tr("School policy: offensive or undermining content is removed, and its "
                    "authors are blocked and, if need be, reported."))

    def _followers_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Followers: who follows the school"),
            self.tr("Press “Sync followers” to read the list. New followers come first, each "
                    "with a risk score and the reasons for it: look at each one, then mark "
                    "it “Reviewed: OK”, put it on the watchlist or block it."),
            self.tr("School policy: the head teacher and the e-safety leader watch the "
                    "followers and block any that are not school-focused."))

    def _staff_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Staff: who may use the app"),
            self.tr("Start with “Add a member of staff…”: each person gets a role and a PIN "
                    "of their own. The tab also shows what each role may do, and every change "
                    "asks for the head teacher's PIN."),
            self.tr("School policy: only the head teacher, teachers and the school secretary "
                    "tweet, and they alone look after the password."))

    def _audit_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Audit: a record of every action"),
            self.tr("Who did what, when, on which computer and why. Before showing it to "
                    "governors, press “Check the log is intact”; filter it, or open it in a "
                    "spreadsheet with “Export CSV…”."),
            self.tr("School policy: the Teaching & Learning committee reviews the policy "
                    "every two years, and this is the record it needs."))

    def _settings_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Settings: this computer and the account"),
            self.tr("Each term, start with “Import the roster from a CSV file…” so that "
                    "children's names are caught, and register this computer for tweeting. "
                    "Changes that weaken a safeguard ask for the head teacher's PIN."),
            self.tr("School policy: tweets go only from school-registered devices, and the "
                    "password changes only with the head teacher's permission."))

    def _policy_words(self) -> tuple[str, str, str]:
        return (
            self.tr("Policy: the school's own rules"),
            self.tr("The school's Twitter policy, beside a summary of how the app keeps to "
                    "it. If it is not shown yet, the head teacher loads it with “Load the "
                    "school's policy file…”; read it once, as it is the reason behind every "
                    "check in the app."),
            self.tr("School policy: all of it. When in doubt, the policy decides."))

    # -- the card ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setAccessibleName(self.tr("Guided tour"))
        self.step_label = QLabel()
        self.step_label.setObjectName("TourStep")
        self.title_label = QLabel()
        self.title_label.setObjectName("TourTitle")
        self.title_label.setWordWrap(True)
        self.body_label = QLabel()
        self.body_label.setObjectName("TourBody")
        self.body_label.setWordWrap(True)
        self.policy_label = QLabel()
        self.policy_label.setObjectName("TourPolicy")
        self.policy_label.setWordWrap(True)
        self.back_button = self._button(self.tr("Back"), self.back,
                                        self.tr("The previous step (Left arrow)"))
        self.next_button = self._button(self.tr("Next"), self.next,
                                        self.tr("The next step (Right arrow)"))
        self.next_button.setProperty("primary", True)
        self.skip_button = self._button(self.tr("Skip tour"), self.skip,
                                        self.tr("Close the tour and start working (Esc). "
                                                "Help > Take the tour shows it again."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addWidget(self.policy_label)
        layout.addLayout(buttons)

    def _button(self, text: str, slot: Callable[[], None], tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        button.setAutoDefault(True)  # Enter presses the button that has the focus
        if self._window.kiosk:
            button.setMinimumSize(KIOSK_TARGET, KIOSK_TARGET)
        return button

    def _add_keys(self) -> None:
        """Arrows and Esc act only while the focus is in the card, never on the tab's lists."""
        for key, action in ((Qt.Key.Key_Right, self.next), (Qt.Key.Key_Left, self.back),
                            (Qt.Key.Key_Escape, self.skip)):
            shortcut = QShortcut(QKeySequence(key), self)
            # Set apart: PySide6 ignores a context= argument given with a slot.
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- moving through the steps ---------------------------------------------------------------
    @property
    def step(self) -> TourStep:
        return self.steps[self.index]

    def begin(self) -> None:
        self._open = True
        self._window.pages.currentChanged.connect(self._page_changed)
        self._window.tabs.currentChanged.connect(self._tab_chosen)
        self._window.installEventFilter(self)
        self._show_step()
        self.show()

    def next(self) -> None:
        if self.index == len(self.steps) - 1:
            self._end(FINISHED)
            return
        self.index += 1
        self._show_step()

    def back(self) -> None:
        if self.index == 0:
            return
        self.index -= 1
        self._show_step()

    def skip(self) -> None:
        self._end(FINISHED if self.index == len(self.steps) - 1 else SKIPPED)

    def interrupt(self) -> None:
        """The window locked or another tour began: close without counting it as seen."""
        self._end(INTERRUPTED)

    def _show_step(self) -> None:
        step, last = self.step, self.index == len(self.steps) - 1
        self._moving = True
        if step.page is not None:
            self._window.tabs.setCurrentWidget(step.page)
        elif last:
            self._window.tabs.setCurrentIndex(self._started_on)
        self._moving = False
        set_style_state(self._window.tabs.tabBar(), "tour", step.page is not None)
        self.step_label.setText(self.tr("Step {number} of {total}").format(
            number=self.index + 1, total=len(self.steps)))
        self.title_label.setText(step.title)
        self.body_label.setText(step.body)
        self.policy_label.setText(step.policy)
        self.policy_label.setVisible(bool(step.policy))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.skip_button.setVisible(not last)
        self.next_button.setAccessibleDescription(" ".join(
            part for part in (self.step_label.text(), step.title, step.body, step.policy)
            if part))
        self.setAccessibleDescription(self.next_button.accessibleDescription())
        self.place()
        self.raise_()
        self.next_button.setFocus()

    def _end(self, outcome: str) -> None:
        if not self._open:
            return
        self._open = False
        self._window.removeEventFilter(self)
        self._window.pages.currentChanged.disconnect(self._page_changed)
        self._window.tabs.currentChanged.disconnect(self._tab_chosen)
        set_style_state(self._window.tabs.tabBar(), "tour", False)
        if outcome != INTERRUPTED:
            self._back_to_work()
        self.hide()
        self.ended.emit(outcome)
        self.deleteLater()

    def _back_to_work(self) -> None:
        """The tab the person started on, with the keyboard in it (the tweet, on Compose)."""
        tabs = self._window.tabs
        tabs.setCurrentIndex(self._started_on)
        page = tabs.currentWidget()
        if page is self._window.composer:
            self._window.focus_start()
        elif page is not None:
            page.setFocus()
            page.focusNextChild()

    def _page_changed(self, _index: int) -> None:
        if not _at_work(self._window):
            self.interrupt()

    def _tab_chosen(self, index: int) -> None:
        """A tab clicked (or Ctrl+number) during the tour: the card explains that tab."""
        page = self._window.tabs.widget(index)
        if self._moving or page is None:
            return
        for number, step in enumerate(self.steps):
            if step.page is page and number != self.index:
                self.index = number
                self._show_step()
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the window's size; after the first show, once its layout has settled."""
        if watched is self._window and self._open and event.type() in (
                QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
            QTimer.singleShot(0, self, self._place_if_open)
        return False

    def _place_if_open(self) -> None:
        if self._open:
            self.place()

    # -- where the card goes ----------------------------------------------------------------
    def place(self) -> None:
        """The corner of the tab page where the card hides the fewest controls."""
        area = self._page_area()
        width = min(KIOSK_CARD_WIDTH if self._window.kiosk else CARD_WIDTH,
                    max(area.width() - 2 * MARGIN, 1))
        height = self.heightForWidth(width)
        height = min(height if height > 0 else self.sizeHint().height(),
                     max(area.height() - 2 * MARGIN, 1))
        controls = self._controls_on_page()
        best = min(candidate_corners(area, width, height),
                   key=lambda rect: covering_cost(rect, controls))
        self.setGeometry(best)

    def _page_area(self) -> QRect:
        page = self._window.tabs.currentWidget() or self._window.tabs
        return QRect(page.mapTo(self._window, QPoint(0, 0)), page.size())

    def _controls_on_page(self) -> list[Control]:
        page = self._window.tabs.currentWidget()
        if page is None:
            return []
        found = []
        for widget in page.findChildren(QWidget):
            if not widget.isVisible() or _inside_a_control(widget):
                continue
            rect = QRect(widget.mapTo(self._window, QPoint(0, 0)), widget.size())
            weight = 1.0 if widget.isEnabled() else DISABLED_SHARE
            if isinstance(widget, LARGE_CONTROLS):
                found.append(Control(rect, weight, large=True, typing=_takes_typing(widget)))
            elif isinstance(widget, SMALL_CONTROLS):
                found.append(Control(rect, weight, primary=bool(widget.property("primary"))))
            elif isinstance(widget, QLabel) and widget.text():
                found.append(Control(rect, weight, words=True))
        return found


@dataclass(frozen=True)
class Control:
    """Something on the tab page the card might cover, and how much that would matter."""

    rect: QRect
    weight: float = 1.0
    large: bool = False
    primary: bool = False
    typing: bool = False  # a box people type in: hiding part of it hides their words
    words: bool = False  # a label explaining the tab

    def cost(self, overlap: QRect) -> float:
        if self.large:
            share = overlap.width() * overlap.height() / max(
                self.rect.width() * self.rect.height(), 1)
            return self.weight * (TYPING_COST if self.typing else LIST_COST) * share
        if self.words:
            return self.weight * WORDS_COST
        return self.weight * (PRIMARY_CONTROL_COST if self.primary else SMALL_CONTROL_COST)


def candidate_corners(area: QRect, width: int, height: int) -> list[QRect]:
    """Bottom right first (where a reader's eye ends), then the other three corners."""
    left, top = area.left() + MARGIN, area.top() + MARGIN
    right = max(left, area.right() - MARGIN - width + 1)
    bottom = max(top, area.bottom() - MARGIN - height + 1)
    return [QRect(x, y, width, height)
            for x, y in ((right, bottom), (left, bottom), (right, top), (left, top))]


def covering_cost(card: QRect, controls: list[Control]) -> float:
    """Buttons and fields covered count in full; lists and text boxes by the share hidden,
    a box people type in (the tweet itself) far more than a list they read."""
    cost = 0.0
    for control in controls:
        overlap = card.intersected(control.rect)
        if not overlap.isEmpty():
            cost += control.cost(overlap)
    return cost


def _takes_typing(widget: QWidget) -> bool:
    return isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly()


def _inside_a_control(widget: QWidget) -> bool:
    """Parts Qt builds inside lists, combo boxes and spin boxes: the owner is what counts."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QComboBox, QAbstractSpinBox, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False
