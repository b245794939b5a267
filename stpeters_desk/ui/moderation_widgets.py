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

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.messages import describe_error, marked_message
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
    if line_edit is not None:
        line_edit.setPlaceholderText(QCoreApplication.translate(
            "ModerationTab", "Why? Choose or type a reason (saved in the audit log)"))
    return box


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




class HandOffPanel(QFrame):
    """What to do on x.com, and how to tell the app it is done.

    Shared by the Moderation and Followers tabs. Which buttons show depends
    on the hand-off: a block or unblock is confirmed by reading the blocked
    list; a report is recorded when the person says they have made it.
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
        # One under another, each as wide as the panel: side by side they asked for about
        # 906 px and the side pane, which scrolls only up and down, cut them off (issue 17).
        layout = QVBoxLayout(self)
        layout.addWidget(self.instructions)
        for button in (self.open_again_button, self.practice_button, self.check_button,
                       self.reported_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
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
        # Once the pane has laid it out, and again when what the decision changed (the
        # list, the message) has settled.
        QTimer.singleShot(0, self._bring_into_view)
        QTimer.singleShot(100, self._bring_into_view)

    def next_step_button(self) -> QPushButton:
        """The button a person presses next: the practice click, the report, or the check."""
        for button in (self.practice_button, self.reported_button, self.check_button):
            if not button.isHidden():
                return button
        return self.close_button

    def _bring_into_view(self) -> None:
        """Scroll the side pane so the instructions and the next step are in sight."""
        from PySide6.QtWidgets import QScrollArea

        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self.isVisible():
            content = parent.widget()
            laid_out = content.layout() if content is not None else None
            if laid_out is not None:
                laid_out.activate()  # where the panel's buttons are now
            parent.ensureWidgetVisible(self.instructions, 0, 0)
            parent.ensureWidgetVisible(self.next_step_button(), 0, 0)  # short panes too

    def _open_again(self) -> None:
        if self.handoff is not None:
            self._open_url(self.handoff.url)

