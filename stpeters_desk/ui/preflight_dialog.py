"""The pre-flight panel: every check on a tweet and its result, shown before it is posted.

Blocks (a child's name, a photo whose faces nobody checked) stop the post;
only the head teacher or an approver may override a name block, and only with
a reason that goes into the audit log. Warnings (a link, a mention, a place)
are shown so the person posting takes a second look.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.preflight import PreflightReport
from stpeters_desk.ops.posting import NOT_OVERRIDABLE, overridable
from stpeters_desk.ui.messages import QT_TRANSLATE_NOOP
from stpeters_desk.ui.styling import scrolls_when_short

# A symbol and a word beside each result's colour, so colour is never the only signal.
STATUS_MARKS = {"pass": QT_TRANSLATE_NOOP("PreflightDialog", "✔ OK"),
                "warn": QT_TRANSLATE_NOOP("PreflightDialog", "⚠ Check"),
                "block": QT_TRANSLATE_NOOP("PreflightDialog", "✖ Blocked")}


DIALOG_WIDTH = 560
LINE_EDIT_MARGIN = 2  # Qt's own space either side of a line edit's text (QLineEditPrivate)


@dataclass(frozen=True)
class PreflightDecision:
    post: bool
    override_reason: str = ""
    send_for_approval: bool = False  # blocked: the head teacher or an approver decides


class PreflightDialog(QDialog):
    """``may_override``: the person may pass a block with a reason (never one X or the photo
    checks would refuse anyway); ``may_send_for_approval``: a blocked tweet may be sent to
    the head teacher or an approver, who decide."""

    def __init__(self, report: PreflightReport, may_override: bool,
                 parent: QWidget | None = None, *,
                 may_send_for_approval: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before this tweet goes out"))
        self.report = report
        self.decision = PreflightDecision(post=False)
        refused_by_x = not report.can_post and not overridable(report)
        may_override = may_override and not refused_by_x
        layout = QVBoxLayout(self)
        # The window grows to what its contents need (a minimum width set on the dialog
        # itself would stop that, and the message below would be drawn over the checks).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        checks = QWidget()
        rows = QVBoxLayout(checks)
        rows.setContentsMargins(0, 0, 0, 0)
        for check in report.checks:
            rows.addWidget(_check_row(check.status, check.title, check.message,
                                      check.details))
        rows.addStretch(1)
        # The checks scroll on a short screen or with enlarged text rather than squeezing
        # their explanations to one cut-off line each.
        self.checks_area = scrolls_when_short(checks, least_width=DIALOG_WIDTH)
        self.checks_area.setMinimumHeight(_room_for(checks, DIALOG_WIDTH))
        layout.addWidget(self.checks_area, 1)
        self.reason = ReasonLine()
        self.reason.setAccessibleName(self.tr("Reason for overriding the block"))
        self.reason.setPlaceholderText(self.tr(
            "Why this is safe to post (recorded in the audit log)"))
        self.reason.setToolTip(self.tr("For example: “Summer means the season here, not a "
                                       "pupil”. At least a few words."))
        self.reason.setVisible(not report.can_post and may_override)
        layout.addWidget(self.reason)
        self.message = QLabel()
        self.message.setObjectName("PreflightMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back to editing"))
        self.back_button.setToolTip(self.tr("Return to the tweet to change it; nothing is "
                                            "posted"))
        self.back_button.clicked.connect(self.reject)
        if report.can_post:
            self.post_button = QPushButton(self.tr("Post tweet"))
            self.post_button.setToolTip(self.tr("Send the tweet to the school's account now"))
        else:
            self.post_button = QPushButton(self.tr("Override and post"))
            self.post_button.setToolTip(self.tr(
                "Post despite the block; your name and reason go into the audit log"))
        self.post_button.setProperty("primary", report.can_post)
        self.post_button.setProperty("destructive", not report.can_post)
        self.post_button.setVisible(report.can_post or may_override)
        self.post_button.clicked.connect(self.confirm)
        self.send_button = QPushButton(self.tr("Send to an approver"))
        self.send_button.setToolTip(self.tr(
            "Send the tweet for approval: the head teacher or an approver looks at the block "
            "and decides. Nothing is posted now."))
        self.send_button.setVisible(not report.can_post and may_send_for_approval
                                    and not refused_by_x)
        self.send_button.clicked.connect(self.send_for_approval)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.post_button)
        layout.addLayout(buttons)
        if refused_by_x:
            self.say(self.tr("X would refuse this tweet as it is ({checks}), so nobody can "
                             "override it. Change it, then try again.").format(
                checks=", ".join(c.title for c in report.blocking
                                 if c.key in NOT_OVERRIDABLE)))
        elif not report.can_post and not may_override:
            self.say(self.tr("This tweet cannot be posted as it is. Change it, or send it to "
                             "the head teacher or an approver, who decide.")
                     if self.send_button.isVisibleTo(self) else
                     self.tr("This tweet cannot be posted as it is. Change it, or ask the "
                             "head teacher or an approver to look at it."))
        (self.post_button if report.can_post else self.back_button).setDefault(True)

    def say(self, text: str) -> None:
        """A message under the checks, with room for every line of it (never drawn over the
        last check)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setMinimumHeight(self.message.heightForWidth(DIALOG_WIDTH))

    def send_for_approval(self) -> None:
        self.decision = PreflightDecision(post=False, send_for_approval=True)
        self.accept()

    def confirm(self) -> None:
        if self.report.can_post:
            self.decision = PreflightDecision(post=True)
            self.accept()
            return
        reason = self.reason.text().strip()
        if len(reason) < 10:
            self.say(self.tr("Say why it is safe to post (at least a few words)."))
            return
        self.decision = PreflightDecision(post=True, override_reason=reason)
        self.accept()


class ReasonLine(QLineEdit):
    """The reason box: never narrower than its placeholder's words (the sentence that says
    what to write and that it is recorded), whatever the language, font or kiosk padding.
    Qt sizes a line edit for about 17 letters whatever its placeholder, so the box sets
    its own minimum width, measured with the thicker border of a box being typed in, and
    again when the words, the font or the style change."""

    def setPlaceholderText(self, text: str) -> None:
        super().setPlaceholderText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit()  # polished by now: the style sheet's padding (and kiosk sizes) apply
        super().showEvent(event)

    def _fit(self) -> None:
        self.setMinimumWidth(self.width_for_placeholder() if self.placeholderText() else 0)

    def width_for_placeholder(self) -> int:
        """The box's width for the placeholder's words: their width and what the box keeps
        around its text (frame, style sheet padding, text margins and Qt's own margin),
        measured as Qt measures where it draws the text, with the keyboard in the box."""
        words = self.fontMetrics().horizontalAdvance(self.placeholderText())
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        option.state |= QStyle.StateFlag.State_HasFocus  # the thicker border of a box in use
        inside = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option,
                                             self)
        margins = self.textMargins()
        text_width = inside.width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN
        return words + option.rect.width() - text_width


def _room_for(checks: QWidget, width: int) -> int:
    """All the checks' height at the dialog's width, but at most 60 % of the screen."""
    layout = checks.layout()
    needed = layout.totalHeightForWidth(width) if layout is not None else 0
    screen = QGuiApplication.primaryScreen()
    limit = int(screen.availableGeometry().height() * 0.6) if screen else 480
    return max(120, min(needed, limit))


def _check_row(status: str, title: str, message: str, details: tuple[str, ...]) -> QWidget:
    row = QWidget()
    row.setObjectName("PreflightRow")
    row.setProperty("status", status)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(4, 2, 4, 2)
    mark = QLabel(QCoreApplication.translate("PreflightDialog", STATUS_MARKS.get(status, status)))
    mark.setObjectName("PreflightMark")
    mark.setProperty("status", status)
    mark.setMinimumWidth(90)
    text = QLabel(f"<b>{_escape(title)}</b><br>{_escape(message)}"
                  + "".join(f"<br>• {_escape(d)}" for d in details))
    text.setWordWrap(True)
    layout.addWidget(mark)
    layout.addWidget(text, 1)
    return row


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
