"""The Approvals tab: tweets waiting for a yes, tweets waiting for their time.

Teachers see what they submitted and what came back to them with a note;
the head teacher and approvers decide on everyone else's. Scheduled tweets
are listed for everyone, so the staff room can see what the account will
say next. A tweet that missed its time while the app was closed is held in
"Missed" until a person chooses to post it late or cancel it.

Every decision goes through the approvals operations (``ops.approvals``), which
check the rules again (the buttons only grey out what obviously does not apply),
run the pre-flight on the photo library's real facts and audit it. Without the
pre-flight panel nothing can be approved or posted from here (fail closed).
Dialogs are reached through small ``ask_*`` methods so tests can answer
them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.approvals import ApprovalQueue, Submission, SubmissionStatus
from stpeters_desk.core.dates import shown_moment
from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.roles import Permission
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.tweet_text import MAX_WEIGHTED_LENGTH, parse_tweet
from stpeters_desk.ops.approvals import Approvals
from stpeters_desk.ops.context import session_of
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.messages import name_standard_buttons
from stpeters_desk.ui.schedule_dialog import ScheduleDialog
from stpeters_desk.ui.styling import empty_state_label
from stpeters_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from stpeters_desk.core.preflight import PreflightReport
    from stpeters_desk.ops.session import Session
    from stpeters_desk.ui.preflight_dialog import PreflightDecision

RELEASE_INTERVAL_MS = 30_000
SNIPPET_LENGTH = 90
POSTED_SHOWN = 50

Preflight = Callable[["PreflightReport"], "PreflightDecision"]
"""The pre-flight panel: shows the report the operation made and returns the person's
decision (go on, perhaps with an override reason). None: nothing can go out here."""


def local_time(moment: datetime | None) -> str:
    """A time as the staff room reads it: this computer's time zone, day and month in words."""
    if moment is None:
        return ""
    return shown_moment(moment)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_LENGTH else flat[:SNIPPET_LENGTH - 1] + "…"


def _photo_lines(item: Submission) -> list[str]:
    no_description = QCoreApplication.translate("ApprovalsTab", "(no description yet)")
    line = QCoreApplication.translate("ApprovalsTab", "Photo {number}: {description}")
    return [line.format(number=n, description=photo.alt_text or no_description)
            for n, photo in enumerate(item.photos, start=1)]


def describe(item: Submission) -> str:
    """Everything a person needs to decide on the selected tweet, in plain words."""
    lines = [QCoreApplication.translate("ApprovalsTab", "Written by {author}.").format(
        author=item.author)]
    if item.scheduled_for is not None:
        lines.append(QCoreApplication.translate("ApprovalsTab", "To go out on {when}.").format(
            when=local_time(item.scheduled_for)))
    elif item.status == SubmissionStatus.AWAITING_APPROVAL:
        lines.append(QCoreApplication.translate("ApprovalsTab",
                                                "To go out as soon as it is approved."))
    lines += ["", item.text]
    if item.edited_by_approver:
        lines += ["", QCoreApplication.translate(
            "ApprovalsTab", "{approver} edited it before approving. The author wrote:").format(
            approver=item.approved_by), item.original_text]
    lines += _photo_lines(item)
    if item.approved_by and not item.edited_by_approver:
        lines.append(QCoreApplication.translate(
            "ApprovalsTab", "Approved by {approver} on {when}.").format(
            approver=item.approved_by, when=local_time(item.approved_at)))
    if item.rejection_note:
        lines += ["", QCoreApplication.translate(
            "ApprovalsTab", "Sent back by {approver}: {note}").format(
            approver=item.rejected_by, note=item.rejection_note)]
    if item.status == SubmissionStatus.POSTED:
        lines.append(QCoreApplication.translate(
            "ApprovalsTab", "Handed to the outbox on {when}; the Compose tab shows when X "
            "has it.").format(when=local_time(item.released_at)))
    return "\n".join(lines)


def _moved_message(item: Submission) -> str:
    moved = QCoreApplication.translate("ApprovalsTab", "Moved to {when}.").format(
        when=local_time(item.scheduled_for))
    if item.status == SubmissionStatus.AWAITING_APPROVAL:
        return moved + " " + QCoreApplication.translate(
            "ApprovalsTab", "A new time needs approval again, so it is back with the approvers.")
    return moved


# -- dialogs ------------------------------------------------------------------------------------
class TweetTextDialog(QDialog):
    """Edit a tweet's words: an approver before approving, or an author after a rejection."""

    def __init__(self, title: str, intro: str, text: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setAccessibleName(self.tr("Tweet text"))
        self.editor.setTabChangesFocus(True)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Characters used"))
        self.count.setToolTip(self.tr(
            "X counts most letters as 1, emoji as 2 and every web link as 23; the button "
            "works again once the tweet fits."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setToolTip(self.tr("Goes ahead with the words as they are in the box"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(self.editor)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self._update()

    def text(self) -> str:
        return self.editor.toPlainText()

    def _update(self) -> None:
        length = parse_tweet(self.text())
        self.count.setText(self.tr("{used} of {limit} characters").format(
            used=length.weighted_length, limit=MAX_WEIGHTED_LENGTH))
        self.ok_button.setEnabled(length.valid)


class RejectDialog(QDialog):
    """A note for the author: what to change so the tweet can be approved."""

    def __init__(self, item: Submission, parent: QWidget | None = None, *, started: str = "",
                 keep: Callable[[str], None] = lambda _text: None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send back to the author"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("Tell {author} what to change. They will see this note with "
                               "their tweet.").format(author=item.author))
        intro.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note for the author"))
        self.note.setPlaceholderText(self.tr("e.g. Please say which class this was, not who."))
        self.note.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Send back"))
        self.ok_button.setToolTip(self.tr("Return the tweet to its author with your note; "
                                          "it is not posted"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.setPlainText(started)  # a note begun before an idle lock
        self.note.moveCursor(QTextCursor.MoveOperation.End)  # go on where they stopped
        self.note.textChanged.connect(self._update)
        self.note.textChanged.connect(lambda: keep(self.note.toPlainText()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._update()

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))


# -- one queue ------------------------------------------------------------------------------------
class QueueSection(QWidget):
    """A list of tweets in one queue, what to do when it is empty, and its buttons."""

    selection_changed = Signal()

    def __init__(self, name: str, empty_text: str, buttons: Sequence[QPushButton],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.items: list[Submission] = []
        self.empty = empty_state_label(empty_text)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _row: self._selected_changed())
        self.details = QLabel()
        self.details.setObjectName("SubmissionDetails")
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("{queue}: the selected tweet").format(queue=name))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.details, 1)
        layout.addLayout(row)

    def show_items(self, items: list[Submission], line: Callable[[Submission], str]) -> None:
        """Replace the list, keeping the same tweet selected when it is still there."""
        keep = self.selected()
        self.items = items
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            entry = QListWidgetItem(line(item))
            entry.setData(id_role(), item.submission_id)
            entry.setToolTip(item.text)  # the line shortens it
            self.list.addItem(entry)
        ids = [i.submission_id for i in items]
        if items:
            self.list.setCurrentRow(ids.index(keep.submission_id)
                                    if keep and keep.submission_id in ids else 0)
        self.list.blockSignals(False)
        self.empty.setVisible(not items)
        self.list.setVisible(bool(items))
        self.details.setVisible(bool(items))
        self._selected_changed()

    def select(self, submission_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.submission_id == submission_id:
                self.list.setCurrentRow(row)

    def selected(self) -> Submission | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selected_changed(self) -> None:
        item = self.selected()
        self.details.setText(describe(item) if item else "")
        self.selection_changed.emit()


def _button(text: str, name: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    if tip:
        button.setToolTip(tip)
    return button


# -- the tab ------------------------------------------------------------------------------
class ApprovalsTab(QWidget):
    """Signals ``status`` with short messages for the status bar, and ``released`` with
    how many tweets were just handed to the outbox (so the window can send them at once)."""

    status = Signal(str)
    released = Signal(int)

    def __init__(self, services: DeskServices, tasks: TaskRunner, *, queue: ApprovalQueue,
                 preflight: Preflight | None = None, auto_release: bool = True,
                 following_count: Callable[[], int] = lambda: 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApprovalsTab")
        self._services = services
        self._tasks = tasks
        self._queue = queue  # for reading the queues; every decision goes through _ops
        self._ops = Approvals(services, queue)
        self._preflight = preflight
        self._following_count = following_count
        self._build()
        self.reload()
        self._timer = QTimer(self)
        self._timer.setInterval(RELEASE_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        if auto_release:
            self._timer.start()
            self.tick()

    # -- building -------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Tweets waiting for approval or for their time"))
        title.setObjectName("SectionTitle")
        self.banner = QLabel()
        self.banner.setObjectName("ReviewBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.sections = QTabWidget()
        self.sections.setAccessibleName(self.tr("Approval queues"))
        self.awaiting = self._awaiting_section()
        self.scheduled = self._scheduled_section()
        self.missed = self._missed_section()
        self.rejected = self._rejected_section()
        self.posted = QueueSection(self.tr("Posted"),
                                   self.tr("Nothing approved or scheduled has gone out yet."),
                                   [])
        self.drafts = self._drafts_section()
        for section in (self.awaiting, self.scheduled, self.missed, self.rejected, self.posted,
                        self.drafts):
            self.sections.addTab(section, section.name)
            section.selection_changed.connect(self._update_buttons)
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Approvals message"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.message)

    def _awaiting_section(self) -> QueueSection:
        self.approve_button = _button(self.tr("&Approve"), self.tr("Approve the selected tweet"))
        self.approve_button.setProperty("primary", True)
        self.approve_button.clicked.connect(self.approve_selected)
        self.edit_approve_button = _button(self.tr("&Edit and approve…"),
                                           self.tr("Edit, then approve"))
        self.edit_approve_button.clicked.connect(self.edit_and_approve_selected)
        self.reject_button = _button(self.tr("&Send back…"),
                                     self.tr("Send back to the author with a note"))
        self.reject_button.setProperty("destructive", True)
        self.reject_button.clicked.connect(self.reject_selected)
        self.withdraw_awaiting_button = _button(
            self.tr("Withdraw"), self.tr("Withdraw my tweet"),
            self.tr("Take your own tweet back before anyone approves it"))
        self.withdraw_awaiting_button.setProperty("destructive", True)
        self.withdraw_awaiting_button.clicked.connect(lambda: self.withdraw_selected(
            self.awaiting))
        return QueueSection(self.tr("Waiting for approval"), "", [
            self.approve_button, self.edit_approve_button, self.reject_button,
            self.withdraw_awaiting_button])

    def _scheduled_section(self) -> QueueSection:
        self.post_now_button = _button(
            self.tr("Post now"), self.tr("Post the selected tweet now"),
            self.tr("Hand it to the outbox without waiting for its time"))
        self.post_now_button.clicked.connect(self.post_now_selected)
        self.reschedule_button = _button(
            self.tr("Change time…"), self.tr("Change when it goes out"),
            self.tr("Pick a new date and time for the selected tweet"))
        self.reschedule_button.clicked.connect(self.reschedule_selected)
        self.cancel_button = _button(self.tr("Cancel tweet"),
                                     self.tr("Cancel the selected scheduled tweet"),
                                     self.tr("It will not be posted (asks first)"))
        self.cancel_button.setProperty("destructive", True)
        self.cancel_button.clicked.connect(lambda: self.cancel_selected(self.scheduled))
        return QueueSection(
            self.tr("Scheduled"),
            self.tr("No tweets are scheduled. On the Compose tab, give a tweet a date "
                    "and time to have the app post it then."),
            [self.post_now_button, self.reschedule_button, self.cancel_button])

    def _missed_section(self) -> QueueSection:
        self.post_late_button = _button(self.tr("Post late"),
                                        self.tr("Post the missed tweet late"),
                                        self.tr("It still makes sense: post it now"))
        self.post_late_button.setProperty("primary", True)
        self.post_late_button.clicked.connect(self.post_late_selected)
        self.cancel_missed_button = _button(self.tr("Cancel tweet"),
                                            self.tr("Cancel the missed tweet"),
                                            self.tr("It is out of date: do not post it"))
        self.cancel_missed_button.setProperty("destructive", True)
        self.cancel_missed_button.clicked.connect(lambda: self.cancel_selected(self.missed))
        return QueueSection(
            self.tr("Missed"),
            self.tr("No tweets have missed their time. A scheduled tweet whose time passes "
                    "while the app is closed waits here for someone to decide."),
            [self.post_late_button, self.cancel_missed_button])

    def _rejected_section(self) -> QueueSection:
        self.resubmit_button = _button(
            self.tr("Edit and resubmit…"), self.tr("Edit my tweet and resubmit it"),
            self.tr("Put right what the note asks, then send it again"))
        self.resubmit_button.setProperty("primary", True)
        self.resubmit_button.clicked.connect(self.edit_and_resubmit_selected)
        self.withdraw_rejected_button = _button(
            self.tr("Withdraw"), self.tr("Withdraw my rejected tweet"),
            self.tr("Give up on this tweet: it will not be posted (asks first)"))
        self.withdraw_rejected_button.clicked.connect(lambda: self.withdraw_selected(
            self.rejected))
        return QueueSection(
            self.tr("Sent back"),
            self.tr("No tweets have been sent back. When an approver asks for a change, "
                    "the tweet and their note appear here."),
            [self.resubmit_button, self.withdraw_rejected_button])

    def _drafts_section(self) -> QueueSection:
        self.submit_draft_button = _button(
            self.tr("Submit for approval"), self.tr("Submit my draft for approval"),
            self.tr("Send the draft to the head teacher or an approver to check"))
        self.submit_draft_button.setProperty("primary", True)
        self.submit_draft_button.clicked.connect(self.submit_draft_selected)
        self.edit_draft_button = _button(self.tr("Edit…"), self.tr("Edit my draft"),
                                         self.tr("Change the words; nobody sees it yet"))
        self.edit_draft_button.clicked.connect(self.edit_draft_selected)
        self.withdraw_draft_button = _button(self.tr("Delete draft"), self.tr("Delete my draft"),
                                             self.tr("It will not be posted (asks first)"))
        self.withdraw_draft_button.clicked.connect(lambda: self.withdraw_selected(self.drafts))
        return QueueSection(
            self.tr("My drafts"), self.tr("You have no saved drafts."),
            [self.submit_draft_button, self.edit_draft_button, self.withdraw_draft_button])

    # -- who is looking ------------------------------------------------------------------
    def _member(self) -> StaffMember | None:
        return self._services.member

    def _permissions(self) -> frozenset[Permission]:
        member, staff = self._member(), self._services.staff
        if member is None or staff is None:
            return frozenset()
        return staff.permissions(member)

    def _is_author(self, item: Submission | None) -> bool:
        member = self._member()
        return item is not None and member is not None and item.author_id == member.staff_id

    # -- showing ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read every queue afresh (cheap: a handful of rows) and redraw."""
        member, allowed = self._member(), self._permissions()
        approver = Permission.APPROVE in allowed
        now = self._queue.now()
        awaiting = self._queue.awaiting(None if approver or member is None else member)
        self.awaiting.empty.setText(
            self.tr("Nothing is waiting for approval.") if approver else
            self.tr("Nothing of yours is waiting for approval. Write a tweet on the Compose tab "
                    "and submit it for approval."))
        self.awaiting.show_items(awaiting, self._awaiting_line)
        self.scheduled.show_items(self._queue.scheduled(now), self._scheduled_line)
        missed = self._queue.missed(now)
        self.missed.show_items(missed, self._scheduled_line)
        rejected = self._queue.rejected(None if approver or member is None else member)
        self.rejected.show_items(rejected, self._rejected_line)
        self.posted.show_items(self._queue.posted(POSTED_SHOWN), self._posted_line)
        self.drafts.show_items(self._queue.drafts(member) if member else [], self._draft_line)
        self._update_titles()
        self._update_banner(missed)
        self._update_buttons()

    def _update_titles(self) -> None:
        for index, section in enumerate((self.awaiting, self.scheduled, self.missed,
                                         self.rejected, self.posted, self.drafts)):
            count = len(section.items)
            counted = section is not self.posted and count
            self.sections.setTabText(index, self.tr("{queue} ({count})").format(
                queue=section.name, count=count) if counted else section.name)

    def _update_banner(self, missed: list[Submission]) -> None:
        if not missed:
            self.banner.setVisible(False)
            return
        if len(missed) == 1:
            text = self.tr("1 scheduled tweet missed its time while the app was closed. "
                           "Open “Missed” and choose Post late or Cancel tweet.")
        else:
            text = self.tr("{count} scheduled tweets missed their time while the app was "
                           "closed. Open “Missed” and choose Post late or Cancel "
                           "tweet.").format(count=len(missed))
        self.banner.setText(text)
        self.banner.setVisible(True)

    @staticmethod
    def _awaiting_line(item: Submission) -> str:
        when = (QCoreApplication.translate("ApprovalsTab", "for {when}").format(
                    when=local_time(item.scheduled_for)) if item.scheduled_for
                else QCoreApplication.translate("ApprovalsTab", "as soon as approved"))
        return f"{item.author} · {when} · {_snippet(item.text)}"

    @staticmethod
    def _scheduled_line(item: Submission) -> str:
        return f"{local_time(item.scheduled_for)} · {item.author} · {_snippet(item.text)}"

    @staticmethod
    def _rejected_line(item: Submission) -> str:
        note = QCoreApplication.translate("ApprovalsTab", "note: {note}").format(
            note=_snippet(item.rejection_note))
        return f"{item.author} · {note} · {_snippet(item.text)}"

    @staticmethod
    def _posted_line(item: Submission) -> str:
        return f"{local_time(item.released_at)} · {item.author} · {_snippet(item.text)}"

    @staticmethod
    def _draft_line(item: Submission) -> str:
        text = _snippet(item.text) or QCoreApplication.translate("ApprovalsTab", "(photos only)")
        return f"{local_time(item.updated_at)} · {text}"

    def _update_buttons(self) -> None:
        allowed = self._permissions()
        may_post, may_approve = Permission.POST in allowed, Permission.APPROVE in allowed
        waiting = self.awaiting.selected()
        own = self._is_author(waiting)
        own_tweet = self.tr("This is your own tweet: another approver must decide on it.")
        for button, tip in (
                (self.approve_button, self.tr("Approve it as it is (Alt+A)")),
                (self.edit_approve_button, self.tr("Change the words, then approve (Alt+E)")),
                (self.reject_button,
                 self.tr("Reject it with a note saying what to change (Alt+S)"))):
            button.setVisible(may_approve)
            button.setEnabled(waiting is not None and not own)
            button.setToolTip(own_tweet if own else tip)
        self.withdraw_awaiting_button.setEnabled(own)
        for section, buttons in ((self.scheduled, (self.post_now_button, self.reschedule_button,
                                                   self.cancel_button)),
                                 (self.missed, (self.post_late_button,
                                                self.cancel_missed_button))):
            item = section.selected()
            mine = self._is_author(item)
            may_release = item is not None and (may_post or (may_approve and not mine))
            buttons[0].setEnabled(may_release)
            buttons[-1].setEnabled(item is not None and (mine or may_post or may_approve))
        self.reschedule_button.setEnabled(self.scheduled.selected() is not None and (
            may_post or may_approve or self._is_author(self.scheduled.selected())))
        rejected_mine = self._is_author(self.rejected.selected())
        self.resubmit_button.setEnabled(rejected_mine)
        self.withdraw_rejected_button.setEnabled(rejected_mine)
        has_draft = self.drafts.selected() is not None
        for button in (self.submit_draft_button, self.edit_draft_button,
                       self.withdraw_draft_button):
            button.setEnabled(has_draft)

    # -- the timer -----------------------------------------------------------------------------
    def tick(self) -> None:
        """Hand due tweets to the outbox, then redraw (missed ones show up here too)."""
        self._tasks.run(self._ops.release_due, self._ticked,
                        lambda error: self._show(str(error)))

    def _ticked(self, released: list[Submission]) -> None:
        self.reload()
        if not released:
            return
        count = len(released)
        self.status.emit(self.tr("Scheduled tweets handed to the outbox: {count}.").format(
            count=count))
        self.released.emit(count)

    # -- asking the person (tests answer these) -------------------------------------------------
    def ask_text(self, title: str, intro: str, text: str, ok_text: str) -> str | None:
        dialog = TweetTextDialog(title, intro, text, ok_text, self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_rejection_note(self, item: Submission) -> str | None:
        """The note, kept for this person as it is typed, so an idle lock loses nothing."""
        from stpeters_desk.ops.posting import HalfDoneNotes

        notes, session = HalfDoneNotes(self._services), session_of(self._services)
        slot = f"send back {item.submission_id}"

        def keep(text: str) -> None:
            # a copy that cannot be kept leaves the text in the dialog; nothing is lost now
            with contextlib.suppress(Refused):
                notes.save(session, slot, text)

        try:
            started = notes.load(session, slot)
        except Refused:
            started = ""
        dialog = RejectDialog(item, self, started=started, keep=keep)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _note_sent(self, item: Submission) -> None:
        from stpeters_desk.ops.posting import HalfDoneNotes

        with contextlib.suppress(Refused):
            HalfDoneNotes(self._services).clear(session_of(self._services),
                                                f"send back {item.submission_id}")

    def ask_time(self, item: Submission) -> datetime | None:
        dialog = ScheduleDialog(item.scheduled_for, self._queue.now(), self)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, question: str) -> bool:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Please confirm"), question,
                          buttons.Yes | buttons.No, self)
        box.button(buttons.Yes).setText(self.tr("Yes"))  # Qt has no Welsh for its own
        box.button(buttons.No).setText(self.tr("No"))
        box.exec()
        return box.clickedButton() is box.button(buttons.Yes)

    def _cleared(self, item: Submission, text: str | None = None) -> str | None:
        """The pre-flight panel for this tweet: the override reason ("" when nothing is
        overridden) when the person goes on, None when it must not go out. Refuses when the
        window wired no panel or the check cannot be made (fail closed)."""
        if self._preflight is None:
            self._show(self.tr("The pre-flight check is not available here, so this tweet "
                               "cannot be approved or posted from this window."))
            return None
        try:
            report = self._ops.preflight(item.submission_id, text, self._following_count())
        except Refused as exc:
            self._show(exc.message)
            return None
        except Exception as exc:  # the tweet left the queues meanwhile
            self._show(str(exc))
            return None
        decision = self._preflight(report)
        if not decision.post:
            self._show(self.tr("Not approved or posted: the pre-flight check stopped it."))
            return None
        return decision.override_reason

    # -- acting -----------------------------------------------------------------------------------
    def _by(self) -> Session | None:
        if self._member() is None:
            self._show(self.tr("Sign in first."))
            return None
        return session_of(self._services)

    def _act(self, work: Callable[[], Submission],
             done: str | Callable[[Submission], str]) -> None:
        """Run one decision through the core; its refusal, if any, is shown as it is."""
        self._tasks.run(work, lambda item: self._done(item, done), self._refused)

    def _done(self, item: Submission, done: str | Callable[[Submission], str]) -> None:
        message = done if isinstance(done, str) else done(item)
        self._show(message)
        self.status.emit(message)
        self.reload()
        if item.status == SubmissionStatus.POSTED:
            self.released.emit(1)

    def _refused(self, error: Exception) -> None:
        self._show(str(error))
        self.reload()

    def _show(self, text: str) -> None:
        self.message.setText(text)

    def approve_selected(self) -> None:
        item, by = self.awaiting.selected(), self._by()
        if item is None or by is None:
            return
        reason = self._cleared(item)
        if reason is None:
            return
        ops, following = self._ops, self._following_count()
        self._act(lambda: ops.approve(by, item.submission_id, version=item.version,
                                      override_reason=reason, following_count=following),
                  self._approved_message(item))

    def edit_and_approve_selected(self) -> None:
        item, by = self.awaiting.selected(), self._by()
        if item is None or by is None:
            return
        text = self.ask_text(self.tr("Edit, then approve"),
                             self.tr("Change {author}'s words as needed. Both their version "
                                     "and yours are kept in the audit log.").format(
                                 author=item.author),
                             item.text, self.tr("Approve"))
        if text is None:
            return
        reason = self._cleared(item, text)
        if reason is None:
            return
        ops, following = self._ops, self._following_count()
        self._act(lambda: ops.approve(by, item.submission_id, edited_text=text,
                                      version=item.version, override_reason=reason,
                                      following_count=following),
                  self._approved_message(item))

    def _approved_message(self, item: Submission) -> str:
        if item.scheduled_for is not None:
            return self.tr("Approved: {author}'s tweet will go out on {when}.").format(
                author=item.author, when=local_time(item.scheduled_for))
        return self.tr("Approved: {author}'s tweet is on its way to the account.").format(
            author=item.author)

    def reject_selected(self) -> None:
        item, by = self.awaiting.selected(), self._by()
        if item is None or by is None:
            return
        note = self.ask_rejection_note(item)
        if not note:
            return
        ops = self._ops

        def send_back() -> Submission:
            result = ops.reject(by, item.submission_id, note, version=item.version)
            self._note_sent(item)
            return result

        self._act(send_back,
                  self.tr("Sent back to {author} with your note.").format(author=item.author))

    def withdraw_selected(self, section: QueueSection) -> None:
        item, by = section.selected(), self._by()
        if item is None or by is None:
            return
        if not self.confirm(self.tr("Withdraw this tweet? It will not be posted.")):
            return
        ops = self._ops
        self._act(lambda: ops.withdraw(by, item.submission_id), self.tr("Withdrawn."))

    def post_now_selected(self) -> None:
        item, by = self.scheduled.selected(), self._by()
        if item is None or by is None:
            return
        reason = self._cleared(item)
        if reason is None:
            return
        ops, following = self._ops, self._following_count()
        self._act(lambda: ops.post_now(by, item.submission_id, override_reason=reason,
                                       following_count=following),
                  self.tr("Handed to the outbox: it goes out in a moment."))

    def post_late_selected(self) -> None:
        item, by = self.missed.selected(), self._by()
        if item is None or by is None:
            return
        if not self.confirm(self.tr("This tweet was meant for {when}. Does it still make "
                                    "sense to post it now?").format(
                                        when=local_time(item.scheduled_for))):
            return
        reason = self._cleared(item)
        if reason is None:
            return
        ops, following = self._ops, self._following_count()
        self._act(lambda: ops.post_late(by, item.submission_id, override_reason=reason,
                                        following_count=following),
                  self.tr("Posted late: it is on its way to the account."))

    def cancel_selected(self, section: QueueSection) -> None:
        item, by = section.selected(), self._by()
        if item is None or by is None:
            return
        if not self.confirm(self.tr("Cancel this tweet? It will not be posted.")):
            return
        ops = self._ops
        self._act(lambda: ops.cancel(by, item.submission_id),
                  self.tr("Cancelled: it will not be posted."))

    def reschedule_selected(self) -> None:
        item, by = self.scheduled.selected(), self._by()
        if item is None or by is None:
            return
        when = self.ask_time(item)
        if when is None:
            return
        ops = self._ops
        self._act(lambda: ops.reschedule(by, item.submission_id, when), _moved_message)

    def edit_and_resubmit_selected(self) -> None:
        item, by = self.rejected.selected(), self._by()
        if item is None or by is None:
            return
        text = self.ask_text(self.tr("Edit and resubmit"),
                             self.tr("{approver} asked: {note}").format(
                                 approver=item.rejected_by, note=item.rejection_note),
                             item.text, self.tr("Resubmit"))
        if text is None:
            return
        ops = self._ops
        self._act(lambda: ops.resubmit(by, item.submission_id, text),
                  self.tr("Sent for approval again."))

    def edit_draft_selected(self) -> None:
        item, by = self.drafts.selected(), self._by()
        if item is None or by is None:
            return
        text = self.ask_text(self.tr("Edit draft"),
                             self.tr("Change your draft; it is not sent to anyone yet."),
                             item.text, self.tr("Save"))
        if text is None:
            return
        ops = self._ops
        self._act(lambda: ops.edit(by, item.submission_id, text), self.tr("Draft saved."))

    def submit_draft_selected(self) -> None:
        item, by = self.drafts.selected(), self._by()
        if item is None or by is None:
            return
        ops = self._ops
        self._act(lambda: ops.submit_draft(by, item.submission_id),
                  self.tr("Submitted: an approver will look at it."))

