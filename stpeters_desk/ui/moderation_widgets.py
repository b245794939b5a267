"""Widgets and helpers the Moderation and Followers tabs share: deciding about an account.

Both tabs ask why before every decision (a box of common reasons that also takes a
typed one), show their messages with a mark as well as a colour, show fetching
progress the same way, explain X's errors with a next step that fits moderation,
and hand blocks, unblocks and reports to x.com through the same panel. Keeping them
here lets each tab stand alone: no tab imports another.

Texts keep their translation context ("ModerationTab", or the class's name), so the
existing translations apply unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.messages import describe_error, marked_message
from stpeters_desk.ui.panels import ItemListLayout
from stpeters_desk.ui.styling import set_style_state
from stpeters_desk.x.errors import (
    CredentialsRejected,
    CreditsExhausted,
    Offline,
    RateLimited,
    XError,
)
from stpeters_desk.x.models import HandOff
from stpeters_desk.x.sandbox import SandboxGateway

OpenUrl = Callable[[str], None]


def explain(error: Exception) -> str:
    """X's errors in plain words with a next step that fits moderation; refusals (the
    gate's, the inbox's) as they are."""
    if isinstance(error, XError):
        step = _moderation_next_step(error)
        if step is None:
            return describe_error(error)
        return QCoreApplication.translate("ModerationTab", "{message} {next_step}").format(
            message=error.message, next_step=step)
    if isinstance(error, Refused):
        return error.message
    if isinstance(error, ValueError):  # the inbox's ModerationError: an unknown reply...
        return str(error)
    return describe_error(error)


def _moderation_next_step(error: XError) -> str | None:
    """X's usual next steps speak of tweets waiting in the outbox, which is not what
    happens here: nothing retries by itself, and nothing already read is lost.
    None keeps the error's own next step (a gateway's specific advice)."""
    if isinstance(error, RateLimited):
        return QCoreApplication.translate(
            "ModerationTab", "Try again after that; nothing already read is lost.")
    if error.next_step != error.default_next_step():
        return None
    if isinstance(error, Offline):
        return QCoreApplication.translate(
            "ModerationTab", "Check the internet connection, then try again; nothing already "
            "read is lost.")
    if isinstance(error, CredentialsRejected):
        return QCoreApplication.translate(
            "ModerationTab", "Ask the head teacher to reconnect the X account in Settings, "
            "then try again.")
    if isinstance(error, CreditsExhausted):
        return QCoreApplication.translate(
            "ModerationTab", "Ask the head teacher to top up the X developer account, then "
            "try again.")
    return None




def practice_gateway(services: DeskServices) -> SandboxGateway | None:
    gateway = services.gateway
    return gateway if isinstance(gateway, SandboxGateway) else None


def reason_combo(reasons: Sequence[str]) -> QComboBox:
    """Common reasons (already translated) to pick from, or any typed one; it starts empty
    so nobody skips it."""
    box = QComboBox()
    box.setEditable(True)
    box.addItems(list(reasons))
    box.setCurrentIndex(-1)
    box.setAccessibleName(QCoreApplication.translate("ModerationTab",
                                                     "Why (saved in the audit log)"))
    box.setToolTip(QCoreApplication.translate(
        "ModerationTab", "Choose a common reason or type your own. It is saved in the audit "
        "log with your name, for the head teacher and governors."))
    line_edit = box.lineEdit()
    if line_edit is not None:  # short enough to read whole in the narrowest side pane; the
        # tooltip, the box's name and the nudge when it is empty say it goes in the audit log
        line_edit.setPlaceholderText(QCoreApplication.translate(
            "ModerationTab", "Why? Choose or type a reason"))
    return box


def decisions_below(reading_area: QWidget, margins: QMargins, reason_box: QComboBox,
                    decisions: QLayout, message: QLabel) -> tuple[QWidget, QWidget]:
    """The side pane of the Moderation and Followers tabs, and its deciding part: what is
    read scrolls above, and the reason, the decisions and the tab's message stay in sight
    below it (in kiosk mode they once fell below the fold), lined up with the reading's
    side margins."""
    deciding = QWidget()
    decide = QVBoxLayout(deciding)
    decide.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
    decide.addWidget(QLabel(QCoreApplication.translate("ModerationTab",
                                                       "Why are you doing this?")))
    decide.addWidget(reason_box)
    decide.addLayout(decisions)
    decide.addWidget(message)
    side = QWidget()
    column = QVBoxLayout(side)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(reading_area, 1)
    column.addWidget(deciding)
    return side, deciding


def typed_reason(box: QComboBox) -> str:
    """The reason chosen or typed in a tab's reason box, with its spacing tidied."""
    return " ".join(box.currentText().split())


def reason_or_ask(box: QComboBox, show: Callable[..., None]) -> str:
    """The reason for a decision; when there is none, say so, put the keyboard in the box
    and return "" (every decision in the Moderation and Followers tabs needs one)."""
    why = typed_reason(box)
    if not why:
        show(QCoreApplication.translate(
            "ModerationTab", "Say why first: choose or type a reason above the buttons. It goes "
                             "in the audit log with your name."), ok=False)
        box.setFocus()
    return why


def show_marked(label: QLabel, text: str, ok: bool | None) -> None:
    """A tab's message: a mark as well as a colour says whether it worked."""
    label.setText(marked_message(text, ok))
    set_style_state(label, "state", "" if ok is None else ("ok" if ok else "problem"))


def show_progress(bar: QProgressBar, done: int, total: int, words: str) -> None:
    """A moving bar while the total is unknown, then how far along, in `words`."""
    if total <= 0:
        bar.setRange(0, 0)
        return
    bar.setRange(0, total)
    bar.setValue(done)
    bar.setFormat(words)


def action_button(text: str, slot: Callable[[], None], tip: str) -> QPushButton:
    """A decision button of the Moderation or Followers tab: its words, action and tooltip."""
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class ColumnsLayout(ItemListLayout):
    """Buttons row by row in as many columns as the width holds, from ``least`` to ``most``:
    each column as wide as its widest button, never narrower, so no button's words are cut.

    The decisions of the Moderation and Followers tabs take three or four columns where
    the pane is wide enough (fewer rows: the reply keeps its lines in kiosk mode) and two
    where it is not; a hand-off panel's buttons sit side by side under the list and wrap
    when they do not fit. ``fill`` shares the spare width among the columns; without
    it the buttons keep their own widths, from the left. Hidden buttons take no place.
    """

    def __init__(self, parent: QWidget | None = None, *, least: int = 1, most: int = 3,
                 fill: bool = True) -> None:
        super().__init__(parent)
        self.least, self.most, self.fill = least, most, fill
        self.setSpacing(6)

    def heightForWidth(self, width: int) -> int:
        return self._height(self.columns_for(width))

    def sizeHint(self) -> QSize:
        columns = self._columns(self.most)
        return QSize(self.width_for(columns), self._height(columns))

    def minimumSize(self) -> QSize:
        columns = self._columns(self.least)
        return QSize(self.width_for(columns), self._height(columns))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        shown = self._shown()
        columns = self.columns_for(rect.width())
        widths = self._widths(shown, columns)
        if self.fill and widths:
            spare = max(0, rect.width() - self.width_for(columns)) // len(widths)
            widths = [width + spare for width in widths]
        top = rect.top()
        for start in range(0, len(shown), columns):
            row = shown[start:start + columns]
            height = max(item.sizeHint().height() for item in row)
            left = rect.left()
            for column, item in enumerate(row):
                width = widths[column] if self.fill else item.sizeHint().width()
                item.setGeometry(QRect(QPoint(left, top), QSize(width, height)))
                left += widths[column] + self.spacing()
            top += height + self.spacing()

    # -- the arrangement ----------------------------------------------------------------
    def columns_for(self, width: int) -> int:
        """The most columns (``least`` to ``most``) whose buttons fit ``width``."""
        fitting = [columns for columns in range(self._columns(self.least),
                                                self._columns(self.most) + 1)
                   if self.width_for(columns) <= width]
        return max(fitting, default=self._columns(self.least))

    def width_for(self, columns: int) -> int:
        widths = self._widths(self._shown(), columns)
        return sum(widths) + self.spacing() * max(0, len(widths) - 1)

    def _columns(self, wanted: int) -> int:
        return max(1, min(wanted, len(self._shown())))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _widths(self, shown: list[QLayoutItem], columns: int) -> list[int]:
        widths = [0] * min(columns, len(shown))
        for number, item in enumerate(shown):
            column = number % columns
            widths[column] = max(widths[column], item.sizeHint().width())
        return widths

    def _height(self, columns: int) -> int:
        shown = self._shown()
        rows = [shown[start:start + columns] for start in range(0, len(shown), columns)]
        heights = [max(item.sizeHint().height() for item in row) for row in rows]
        return sum(heights) + self.spacing() * max(0, len(heights) - 1)


def button_columns(*buttons: QPushButton, least: int = 2, most: int = 3) -> ColumnsLayout:
    """A tab's decisions in up to ``most`` columns where they fit, and at least two."""
    grid = ColumnsLayout(least=least, most=most)
    for button in buttons:
        grid.addWidget(button)
    return grid


READING_LINES_SPARE = 3  # beyond the reading pane's four: a two-line message, and a line


class ReadingSplit:
    """How a tab's width is shared between its list and its side pane (what is read above,
    the reason and the decisions below).

    The list takes ``list_share`` of the width, unless that leaves the decisions in so
    many rows that what is read no longer has its four lines and a few to spare (for a
    two-line message under the decisions), as on a kiosk's 768-pixel screen with
    finger-sized buttons. Then the side pane is widened to hold the decisions in as many
    columns (as few rows) as it can while the list keeps half the width. Worked out again
    whenever the tab changes size, until the person drags the divider themselves.
    """

    def __init__(self, splitter: QSplitter, list_share: float, reading: QWidget,
                 decisions: QWidget, grid: ColumnsLayout) -> None:
        self.splitter, self.list_share = splitter, list_share
        self.reading, self.decisions, self.grid = reading, decisions, grid
        self.by_hand = False
        splitter.splitterMoved.connect(self._moved)

    def _moved(self, _position: int, _index: int) -> None:
        self.by_hand = True

    def apply(self) -> None:
        width = self.splitter.width() - self.splitter.handleWidth()  # what the panes share
        if width <= 0 or self.by_hand:
            return
        side = self.side_width(width, self.splitter.height())
        self.splitter.setSizes([width - side, side])

    def side_width(self, width: int, height: int) -> int:
        side = width - int(width * self.list_share)
        pane = self.splitter.widget(1)
        column = pane.layout() if pane is not None else None
        spacing = max(0, column.spacing()) if column is not None else 0
        room = height - self.decisions.heightForWidth(side) - spacing
        wanted = (self.reading.minimumSizeHint().height()
                  + READING_LINES_SPARE * self.reading.fontMetrics().lineSpacing())
        if room >= wanted:
            return side
        layout = self.decisions.layout()
        margins = layout.contentsMargins() if layout is not None else None
        around = margins.left() + margins.right() if margins is not None else 0
        widths = [self.grid.width_for(columns) + around
                  for columns in range(self.grid.most, self.grid.least - 1, -1)]
        return max(side, next((wide for wide in widths if wide <= width // 2), side))


class HandOffPanel(QFrame):
    """What to do on x.com, and how to tell the app it is done.

    Shared by the Moderation and Followers tabs, which show it under their list, beside
    the reading pane: inside that pane it took the room of the reply being decided on
    (about 73 px in kiosk mode, issue 17). Which buttons show depends on the hand-off: a
    block or unblock is confirmed by reading the blocked list; a report is recorded when
    the person says they have made it.
    """

    def __init__(self, open_url: OpenUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandOffPanel")
        self._open_url = open_url
        self.handoff: HandOff | None = None
        self.instructions = QLabel()
        self.instructions.setObjectName("HandOffInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setAccessibleName(self.tr("What to do on x.com"))
        self.open_again_button = QPushButton(self.tr("Open x.com again"))
        self.open_again_button.setToolTip(self.tr("Opens the same page on x.com in your web "
                                                  "browser, if you closed it"))
        self.open_again_button.clicked.connect(self._open_again)
        self.check_button = QPushButton(self.tr("Check the blocked list now"))
        self.check_button.setToolTip(self.tr("Read the account's blocked list on X to confirm"))
        self.practice_button = QPushButton(self.tr("I have blocked them on x.com (practice)"))
        self.practice_button.setToolTip(self.tr(
            "The practice account cannot open x.com: this plays the part of your click there"))
        self.reported_button = QPushButton(self.tr("I have reported it: record the report"))
        self.reported_button.setToolTip(self.tr("Press once you have sent the report on x.com: "
                                                "the app records what you reported and why"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide these instructions; a pending block stays "
                                             "pending until X's blocked list shows it"))
        self.close_button.clicked.connect(self.hide)
        # Side by side where the list is wide enough, one under another where it is not
        # (in a row they ask for up to about 906 px).
        self.buttons = ColumnsLayout(least=1, most=5, fill=False)
        for button in (self.practice_button, self.reported_button, self.check_button,
                       self.open_again_button, self.close_button):
            self.buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.instructions)
        layout.addLayout(self.buttons)
        self.hide()

    def show_handoff(self, handoff: HandOff, practice: bool) -> None:
        self.handoff = handoff
        if practice:
            self.instructions.setText(self.tr(
                "Practice account: nothing opens on x.com. On the real account you would do "
                "this there: {instructions}").format(instructions=handoff.instructions))
        else:
            self.instructions.setText(handoff.instructions)
        confirmable = handoff.action in ("block", "unblock")
        self.check_button.setVisible(confirmable)
        self.practice_button.setVisible(practice and confirmable)
        self.practice_button.setText(
            self.tr("I have unblocked them on x.com (practice)") if handoff.action == "unblock"
            else self.tr("I have blocked them on x.com (practice)"))
        self.reported_button.setVisible(handoff.action == "report")
        self.open_again_button.setVisible(not practice)
        set_style_state(self, "action", handoff.action)
        self.show()

    def next_step_button(self) -> QPushButton:
        """The button a person presses next: the practice click, the report, or the check."""
        for button in (self.practice_button, self.reported_button, self.check_button):
            if not button.isHidden():
                return button
        return self.close_button

    def _open_again(self) -> None:
        if self.handoff is not None:
            self._open_url(self.handoff.url)
