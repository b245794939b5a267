"""The Compose tab: write a tweet, see its weighted length, post it, manage posted tweets.

The draft is saved at every keystroke (a quick commit that survives the app
being killed) and synced to the disk at least once a second while typing, so a
power cut loses at most the last second. A save that fails (a full disk) is
shown here, the text stays in the editor, and saving is retried every second;
the window does not close while the last save has failed. Posting hands the
tweet to the outbox first, so a dropped connection never loses it and never
posts it twice.

PySide6 builds the ``Qt`` namespace and some classes on first use, which
costs milliseconds; they are reached only inside methods that run after the
window is on screen, so start-up stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.dates import shown_day_and_time, shown_moment
from stpeters_desk.core.outbox import SendResult
from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.tweet_text import MAX_WEIGHTED_LENGTH, parse_tweet
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.posting import (
    NEEDS_ATTENTION,
    POSTED,
    ComposerDraft,
    ComposerDrafts,
    DraftNotKept,
    NamesCannotBeChecked,
    OutboxItem,
    Posting,
    overridable,
)
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.messages import describe_error, name_findings_text, worst_name_level
from stpeters_desk.ui.styling import set_style_state, theme_colour
from stpeters_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:  # loaded on first use: the name guard's word lists cost start-up time
    from stpeters_desk.core.approvals import Submission
    from stpeters_desk.core.names import NameFinding
    from stpeters_desk.core.photo_library import PhotoLibrary
    from stpeters_desk.core.preflight import PreflightReport
    from stpeters_desk.ops.approvals import Approvals
    from stpeters_desk.ops.session import Session
    from stpeters_desk.ui.preflight_dialog import PreflightDecision
    from stpeters_desk.x.models import Post

QueueHandOver = Callable[["Approvals", "Session", str, list[int]], "Submission"]
DRAFT_SYNC_MS = 1000  # the longest a keystroke waits to be synced to the disk
POSTS_SHOWN = 50
MAX_PHOTOS = 4
WARM_UP_DELAY_MS = 400  # after the first paint, before anyone can start typing
NAME_CHECK_DELAY_MS = 200


class ComposerTab(QWidget):
    """Signals ``status`` with short messages for the window's status bar."""

    status = Signal(str)
    posted = Signal()
    photos_used = Signal()

    def __init__(self, services: DeskServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComposerTab")
        self._services = services
        self._tasks = tasks
        self._sending = False
        self._may_post = True  # the main button works: posts, or submits for approval
        self._direct = True  # posts straight to X (the POST permission)
        self._may_override = services.staff is None  # trials without staff accounts
        self._may_submit = False  # may send a tweet for approval (a blocked one too)
        self._offer_approver = False  # the pre-flight panel offers "Send to an approver"
        self.following_count = 0  # kept up to date by the window from the account bar
        self._overflow_from: int | None = None
        self._name_findings: list[NameFinding] = []
        self._override_reason = ""  # given at the pre-flight panel for a scheduled tweet
        self._guard_problem = ""
        self._post_label = ""  # what the main button says when not posting
        self._draft_problem = ""  # shown while the last draft save failed
        self._message_about_text = False  # the message judges the text: gone once it changes
        self._posting = Posting(services)
        self._drafts = ComposerDrafts(services)
        self._quiet = False  # True while the editor is filled or emptied for a sign-in or lock
        self._held: dict[tuple[int, str], tuple[str, list[int]]] = {}  # unsaved at a lock
        saved = self._saved_draft()
        self._photo_ids: list[int] = list(saved.photo_ids)
        self._build()
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.setInterval(NAME_CHECK_DELAY_MS)
        self._names_timer.timeout.connect(self.check_names)
        self._draft_timer = QTimer(self)  # started, never restarted, by typing
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SYNC_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        draft = saved.text
        self.editor.setPlainText(draft)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.editor.textChanged.connect(self._text_changed)
        self._show_outbox()
        if draft:  # the first count loads emoji data and link patterns: after the window shows
            self.count_label.setText(self.tr("Counting…"))
            self.post_button.setEnabled(False)
            QTimer.singleShot(0, self, self._update_count)
            self._names_timer.start()  # a restored draft is underlined before anyone types
        else:
            self._update_count()
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up)

    # -- layout --------------------------------------------------------------
    def _build(self) -> None:
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("ComposerText")
        self.editor.setAccessibleName(self.tr("Tweet text"))
        self.editor.setPlaceholderText(self.tr(
            "Celebrate what a class achieved, e.g. “Great use of our computers to edit our "
            "writing by Class 4.” Never use a child's name."))
        self.editor.setTabChangesFocus(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("CharacterCount")
        self.count_label.setAccessibleName(self.tr("Characters used"))
        self.count_label.setToolTip(self.tr(
            "X counts most letters as 1, emoji and Chinese or Japanese characters as 2, "
            "and every web link as 23, whatever its length."))
        self._post_label = self.tr("Post tweet")
        self.post_button = QPushButton(self._post_label)
        self.post_button.setObjectName("PostButton")
        self.post_button.setProperty("primary", True)
        self.post_button.setToolTip(self.tr("Post to the account shown at the top (Ctrl+Enter)"))
        self.busy_bar = self._posting_indicator()
        self.post_button.clicked.connect(self.post)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.post)
        self.names_label = QLabel()
        self.names_label.setObjectName("NameFindings")
        self.names_label.setWordWrap(True)
        self.names_label.setAccessibleName(self.tr("Possible children's names in the tweet"))
        self.names_label.hide()
        self.message_label = QLabel()
        self.message_label.setObjectName("ComposerMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message about the tweet"))
        self.message_label.hide()

        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.setObjectName("ScheduleButton")
        self.schedule_button.setToolTip(self.tr("Choose a date and time for the tweet to go out"))
        self.schedule_button.clicked.connect(self.schedule)
        self.schedule_button.setVisible(self._services.has_approvals)
        row.addWidget(self.schedule_button)
        row.addWidget(self.busy_bar)
        row.addWidget(self.post_button)

        self.outbox_list = QListWidget()
        self.outbox_list.setObjectName("OutboxList")
        self.outbox_list.setAccessibleName(self.tr("Tweets waiting to be sent"))
        self.outbox_list.setToolTip(self.tr(
            "Tweets that could not reach X yet. The app tries again by itself every "
            "30 seconds while it is open; nothing here is posted twice."))
        self.outbox_list.setWordWrap(True)
        self.outbox_list.setSpacing(2)
        self.outbox_title = QLabel(self.tr("Waiting to be sent"))
        self.outbox_title.setObjectName("SectionTitle")
        self.retry_button = QPushButton(self.tr("Try again now"))
        self.retry_button.setToolTip(self.tr(
            "Send the selected tweet to X now instead of waiting for the next automatic try"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.edit_button = QPushButton(self.tr("Back to editor"))
        self.edit_button.setToolTip(self.tr("Take the tweet out of the outbox and edit it"))
        self.edit_button.clicked.connect(self.edit_selected)
        outbox_buttons = QHBoxLayout()
        outbox_buttons.addStretch(1)
        outbox_buttons.addWidget(self.edit_button)
        outbox_buttons.addWidget(self.retry_button)
        self.outbox_box = QFrame()
        self.outbox_box.setObjectName("OutboxBox")
        outbox_layout = QVBoxLayout(self.outbox_box)
        outbox_layout.setContentsMargins(0, 0, 0, 0)
        outbox_layout.addWidget(self.outbox_title)
        outbox_layout.addWidget(self.outbox_list)
        outbox_layout.addLayout(outbox_buttons)

        write = QWidget()
        write_layout = QVBoxLayout(write)
        title = QLabel(self.tr("Write a tweet"))
        title.setObjectName("SectionTitle")
        write_layout.addWidget(title)
        write_layout.addWidget(self.editor, 3)
        write_layout.addLayout(row)
        write_layout.addWidget(self._photos_box())
        write_layout.addWidget(self.names_label)
        write_layout.addWidget(self.message_label)
        write_layout.addWidget(self.outbox_box, 1)

        self.posts_list = QListWidget()
        self.posts_list.setObjectName("PostsList")
        self.posts_list.setAccessibleName(self.tr("Tweets on the account"))
        self.posts_list.setToolTip(self.tr("The account's latest tweets, newest first. Choose "
                                           "one to delete it; Refresh (F5) reads them again."))
        self.posts_list.setWordWrap(True)
        self.posts_list.setSpacing(4)
        self.posts_list.setAlternatingRowColors(True)
        self.posts_list.itemSelectionChanged.connect(self._selection_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Fetch the account's latest tweets again (F5)"))
        self.refresh_button.clicked.connect(self.refresh_posts)
        # Through the button, so F5 is ignored while the tweets are still being fetched. In
        # the window's context (the default, which needs no Qt enum: naming one costs the
        # first frame tens of milliseconds): a shortcut acts only while its tab is shown.
        QShortcut(QKeySequence("F5"), self, self.refresh_button.click)
        self.delete_button = QPushButton(self.tr("Delete tweet…"))
        self.delete_button.setObjectName("DeleteButton")
        self.delete_button.setProperty("destructive", True)
        self.delete_button.setEnabled(False)
        self.delete_button.setToolTip(
            self.tr("Delete the selected tweet from the account (asks first)"))
        self.delete_button.clicked.connect(self.delete_selected)
        posts_buttons = QHBoxLayout()
        posts_buttons.addWidget(self.refresh_button)
        posts_buttons.addStretch(1)
        posts_buttons.addWidget(self.delete_button)
        posts = QWidget()
        posts_layout = QVBoxLayout(posts)
        posts_title = QLabel(self.tr("Tweets on the account"))
        posts_title.setObjectName("SectionTitle")
        posts_layout.addWidget(posts_title)
        posts_layout.addWidget(self.posts_list)
        posts_layout.addLayout(posts_buttons)

        splitter = QSplitter()  # side by side
        splitter.addWidget(write)
        splitter.addWidget(posts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _posting_indicator(self) -> QProgressBar:
        """A moving bar beside the Post button while X is asked, so a slow connection
        does not look like a frozen app."""
        bar = QProgressBar()
        bar.setObjectName("PostingProgress")
        bar.setRange(0, 0)  # no percentage: X does not say how far along it is
        bar.setTextVisible(False)
        bar.setMaximumWidth(120)
        bar.setAccessibleName(self.tr("Posting the tweet"))
        bar.setToolTip(self.tr("Sending the tweet to X. You can keep working meanwhile."))
        bar.hide()
        return bar

    # -- the draft and its count ---------------------------------------------
    def _warm_up(self) -> None:
        self._tasks.run(_warm_up_counter, lambda _: None)

    def _text_changed(self) -> None:
        self._update_count()
        if not self._quiet:
            if self._message_about_text:  # e.g. "too long" under a draft that no longer is
                self.show_message("")
            self._write_draft(durable=False)
        self._names_timer.start()

    def _saved_draft(self) -> ComposerDraft:
        """The signed-in person's draft on this computer (nobody's while locked)."""
        try:
            return self._drafts.load(session_of(self._services))
        except Refused:
            return ComposerDraft()

    def put_away(self) -> bool:
        """At a lock or sign-out: keep this person's draft and photos, then empty the
        composer so the next person never sees them. False if the draft could not be
        saved (the composer said why): then it is held in this window for the same
        person's next sign-in, and still never shown to anyone else."""
        owner = self._owner_key()
        held = (self.editor.toPlainText(), list(self._photo_ids))
        saved = self.save_draft()
        self._draft_timer.stop()
        if not saved:
            self._held[owner] = held
        self._quiet = True
        try:
            self.editor.clear()
        finally:
            self._quiet = False
        self._photo_ids = []
        self._show_photos()
        self._draft_problem = ""
        self.show_message("")
        return saved

    def restore_draft(self) -> None:
        """At sign-in: the person's own draft and photo selection, as they left them."""
        held = self._held.pop(self._owner_key(), None)
        saved = self._saved_draft() if held is None else ComposerDraft(held[0],
                                                                       tuple(held[1]))
        self._quiet = True
        try:
            self.editor.setPlainText(saved.text)
        finally:
            self._quiet = False
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self._photo_ids = list(saved.photo_ids)
        self._draft_problem = ""
        self.show_message("")
        self._show_photos()
        self._show_outbox()
        if held is not None:  # it could not be saved at the lock: try again now
            self.save_draft()
            self._save_photo_ids()

    def _owner_key(self) -> tuple[int, str]:
        """Whose draft the composer holds now (the practice writer is 0)."""
        session = session_of(self._services)
        member = session.member
        return (member.staff_id if member is not None else 0, session.computer)

    def save_draft(self) -> bool:
        """Save the draft and sync it to the disk now; False (and a message) if that failed:
        the text stays in the editor and the save is retried every second."""
        self._draft_timer.stop()
        return self._write_draft(durable=True)

    def _write_draft(self, durable: bool) -> bool:
        try:
            self._drafts.save_text(session_of(self._services), self.editor.toPlainText(),
                                   durable=durable)
        except DraftNotKept as exc:
            self._draft_failed(exc.message)
            return False
        except Refused:  # nobody signed in: the composer is hidden and empty
            return True
        if not durable and not self._draft_timer.isActive():
            self._draft_timer.start()  # a durable save within a second, however fast the typing
        if self._draft_problem:
            self._draft_problem = ""
            self.show_message(self.tr("The draft is saved again."), ok=True)
        return True

    def _draft_failed(self, reason: str) -> None:
        """Say so once, keep the text, and try again in a second."""
        if not self._draft_problem:
            self.show_message(self.tr(
                "The draft could not be saved ({reason}). The text is still here: keep this "
                "window open. The app keeps trying; if the disk is full, ask IT to free some "
                "space.").format(reason=reason), ok=False)
        self._draft_problem = reason
        self._draft_timer.start()

    def _update_count(self) -> None:
        text = self.editor.toPlainText()
        length = parse_tweet(text)
        over = length.weighted_length > MAX_WEIGHTED_LENGTH
        if over:
            summary = self.tr("{used} / {limit} · {over} over").format(
                used=length.weighted_length, limit=MAX_WEIGHTED_LENGTH, over=-length.remaining)
        else:
            summary = self.tr("{used} / {limit} · {left} left").format(
                used=length.weighted_length, limit=MAX_WEIGHTED_LENGTH, left=length.remaining)
        if length.urls:
            summary += " · " + self.tr("links count as 23")
        self.count_label.setText(("⚠ " if over else "") + summary)
        set_style_state(self.count_label, "over", over)
        self.post_button.setEnabled(bool(text.strip()) and not over and not self._sending
                                    and self._may_post)
        self._overflow_from = length.over_limit_from
        self._apply_highlights()

    def changeEvent(self, event: QEvent) -> None:
        """Marks are drawn in the theme's colours: a switch to dark or high contrast
        redraws them, or pale marks would sit under light text."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._apply_highlights()

    def _apply_highlights(self) -> None:
        """Mark the part past 280 and every word the name guard flagged, as the user types."""
        text = self.editor.toPlainText()
        spans: list[tuple[int, int | None, str]] = [
            (f.start, f.end, f.level) for f in self._name_findings if f.end <= len(text)]
        if self._overflow_from is not None:
            spans.append((self._overflow_from, None, "overflow"))
        if not spans:
            self.editor.setExtraSelections([])
            return
        from PySide6.QtGui import QColor, QTextCharFormat

        selections = []
        for start, end, kind in spans:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(theme_colour(HIGHLIGHT_TOKENS[kind]) or "yellow"))
            fmt.setForeground(QColor(theme_colour("mark_text") or "black"))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(_utf16_offset(text, start))
            if end is None:
                cursor.movePosition(QTextCursor.MoveOperation.End,
                                    QTextCursor.MoveMode.KeepAnchor)
            else:
                cursor.setPosition(_utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    # -- the child-name guard --------------------------------------------------------
    def check_names(self) -> None:
        """Check the text against the pupil roster; loads the guard on a worker the first time."""
        self._names_timer.stop()
        services = self._services
        if services._name_guard is None and not self._guard_problem:
            self._tasks.run(services.name_guard, lambda _g: self.check_names(),
                            self._guard_failed)
            return
        self._show_findings(self._find_names(self.editor.toPlainText()))

    def _find_names(self, text: str) -> list[NameFinding]:
        if self._guard_problem or self._services._name_guard is None:
            return []
        return self._services._name_guard.check(text)

    def _guard_failed(self, error: Exception) -> None:
        self._guard_problem = str(error)
        self._show_findings([])

    def _show_findings(self, findings: list[NameFinding]) -> None:
        self._name_findings = findings
        self._apply_highlights()
        if self._guard_problem:
            self.names_label.setText("✖ " + self.tr("Names cannot be checked: {reason}").format(
                reason=self._guard_problem))
        elif findings:
            self.names_label.setText(name_findings_text(findings))
        set_style_state(self.names_label, "level",
                        worst_name_level(findings, self._guard_problem))
        self.names_label.setVisible(bool(findings or self._guard_problem))

    def reload_name_guard(self) -> None:
        """After a roster import the next check uses the new roster."""
        self._services.forget_name_guard()
        self._guard_problem = ""
        self.check_names()

    # -- posting ---------------------------------------------------------------
    def set_permissions(self, allowed: frozenset[str]) -> None:
        """Only roles allowed to post see an active Post button (the policy names who tweets)."""
        self._direct = "post" in allowed
        may_submit = "submit" in allowed and self._services.has_approvals
        self._may_post = self._direct or may_submit
        self._may_submit = may_submit
        self._may_override = "approve" in allowed
        self.schedule_button.setVisible(self._may_post and self._services.has_approvals)
        if self._direct:
            self._post_label = self.tr("Post tweet")
            self.post_button.setToolTip(
                self.tr("Post to the account shown at the top (Ctrl+Enter)"))
            self.show_message("")
        elif may_submit:
            self._post_label = self.tr("Submit for approval")
            self.post_button.setToolTip(self.tr(
                "The head teacher or an approver checks it before it goes out (Ctrl+Enter)"))
            self.show_message("")
        else:
            self.post_button.setToolTip(self.tr("Your role does not post directly"))
            self.show_message(self.tr(
                "Your role does not post directly: the head teacher can change "
                "this on the Staff tab. Your draft is kept."), ok=None)
        self._show_post_label()
        self._update_count()

    def post(self) -> None:
        text = self.editor.toPlainText()
        if not self.post_button.isEnabled() or not text.strip():
            return
        if not self._direct:
            self.submit_for_approval()
            return
        refusal = self._posting.device_refusal()
        if refusal:
            self.show_message(refusal, ok=False, about_text=True)
            return
        report = self._preflight(text)
        if report is None:
            return
        decision = self._ask_at_preflight(report)
        if decision.send_for_approval:
            self.submit_for_approval(checked=text)
            return
        if not decision.post:
            self.show_message(self.tr("Not posted: the tweet is still here to edit."),
                              about_text=True)
            return
        try:
            queued = self._posting.queue(session_of(self._services), text, self._photo_ids,
                                         following_count=self.following_count,
                                         override_reason=decision.override_reason,
                                         action=Action.POST_NOW)
        except Refused as exc:
            self.show_message(exc.message, ok=False, about_text=True)
            return
        self._photos_handed_over()
        self.editor.clear()  # the outbox holds the text now, so the draft can go
        self.save_draft()
        self._send(queued.item.item_id)

    # -- approvals and scheduling -----------------------------------------------------
    def _checked_text(self) -> tuple[str, bool] | None:
        """The text, if the pre-flight panel lets it go on (the approver sees it again), and
        whether the person chose to send it to an approver instead."""
        text = self.editor.toPlainText()
        if not text.strip():
            return None
        report = self._preflight(text)
        if report is None:
            return None
        decision = self._ask_at_preflight(report)
        if decision.send_for_approval:
            return text, True
        if not decision.post:
            self.show_message(self.tr("Not sent: the tweet is still here to edit."),
                              about_text=True)
            return None
        self._override_reason = decision.override_reason
        return text, False

    def submit_for_approval(self, when: datetime | None = None, *,
                            checked: str | None = None) -> None:
        """Send the tweet to the head teacher or an approver (``checked``: the text the
        pre-flight panel already showed, when a blocked tweet is sent to them from it)."""
        done = self.tr("Sent for approval: the head teacher or an approver will look at it.")
        if when:
            done += " " + self.tr("It is set for {when}.").format(when=_local_time(when))
        self._queue_tweet(
            lambda approvals, session, text, photos: approvals.submit(
                session, text, photos, scheduled_for=when), done, checked=checked)

    def schedule(self) -> None:
        from stpeters_desk.ui.schedule_dialog import ScheduleDialog

        queue = self._services.approvals
        if queue is None:
            return
        dialog = ScheduleDialog(None, queue.now(), self)
        if dialog.exec() != ScheduleDialog.DialogCode.Accepted:
            return
        self.schedule_at(dialog.chosen())

    def schedule_at(self, when: datetime) -> None:
        if not self._direct:
            self.submit_for_approval(when)
            return
        following = self.following_count
        self._queue_tweet(
            lambda approvals, session, text, photos: approvals.schedule(
                session, text, photos, at=when, override_reason=self._override_reason,
                following_count=following),
            self.tr("Scheduled for {when}. It goes out then while the app is running; "
                    "see the Approvals tab.").format(when=_local_time(when)), when=when)

    def _queue_tweet(self, hand_over: QueueHandOver, done: str, *, checked: str | None = None,
                     when: datetime | None = None) -> None:
        """Pre-flight (unless ``checked``), then give the tweet and its photos to the
        approvals queue; a blocked tweet the person sends to an approver is submitted
        (for ``when``, if it was being scheduled)."""
        from stpeters_desk.ops.approvals import Approvals

        queue = self._services.approvals
        self._override_reason = ""
        if checked is None:
            answer = self._checked_text()
            if answer is None:
                return
            checked, to_approver = answer
            if to_approver:
                self.submit_for_approval(when, checked=checked)
                return
        text = checked
        if queue is None:
            return
        try:
            hand_over(Approvals(self._services, queue), session_of(self._services), text,
                      list(self._photo_ids))
        except Exception as exc:  # refusals carry plain-English messages
            self.show_message(exc.message if isinstance(exc, Refused) else str(exc), ok=False,
                              about_text=True)
            return
        self._photos_handed_over()
        self._handed_over(done)

    # -- photos ------------------------------------------------------------------------
    def _photos_box(self) -> QWidget:
        box = QFrame()
        box.setObjectName("AttachedPhotos")
        self.photos_list = QListWidget()
        self.photos_list.setObjectName("AttachedPhotoList")
        self.photos_list.setAccessibleName(self.tr("Photos attached to the tweet"))
        self.photos_list.setMaximumHeight(96)
        self.photos_list.setWordWrap(True)
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        self.add_photos_button.setToolTip(self.tr(
            "Attach up to 4 photos prepared on the Photos tab (Ctrl+Shift+A)"))
        self.add_photos_button.clicked.connect(self.choose_photos)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.choose_photos)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.setToolTip(self.tr(
            "Take the selected photo off this tweet; it stays ready on the Photos tab"))
        self.remove_photo_button.clicked.connect(self.remove_selected_photo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_photos_button)
        buttons.addWidget(self.remove_photo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.photos_list)
        box.setVisible(self._services.db is not None)
        self._show_photos()
        return box

    def _library(self) -> PhotoLibrary | None:
        return self._services.photo_library() if self._services.db is not None else None

    def _show_photos(self) -> None:
        library = self._library() if self._photo_ids else None  # none attached: not loaded
        self.photos_list.clear()
        kept: list[int] = []
        for photo_id in self._photo_ids:
            try:
                photo = library.get(photo_id) if library else None
            except Exception:  # removed on the Photos tab meanwhile
                continue
            if photo is None:
                continue
            kept.append(photo_id)
            entry = QListWidgetItem(self.tr("{photo}: {description}").format(
                photo=photo.label, description=photo.alt_text or self.tr("no description yet")))
            entry.setData(id_role(), photo_id)
            self.photos_list.addItem(entry)
        self._photo_ids = kept
        self.photos_list.setVisible(bool(kept))
        self.remove_photo_button.setVisible(bool(kept))
        self.add_photos_button.setEnabled(len(kept) < MAX_PHOTOS)

    def photos_changed(self) -> None:
        """The Photos tab changed what is ready; attached photos may have changed too."""
        self._show_photos()

    def choose_photos(self) -> None:
        from stpeters_desk.ui.photo_picker import PhotoPickerDialog

        library = self._library()
        if library is None:
            return
        dialog = PhotoPickerDialog(library, self, already_attached=len(self._photo_ids))
        if dialog.exec():
            self.attach_photos(dialog.chosen_ids())

    def attach_photos(self, photo_ids: Sequence[int]) -> None:
        for photo_id in photo_ids:
            if photo_id not in self._photo_ids and len(self._photo_ids) < MAX_PHOTOS:
                self._photo_ids.append(photo_id)
        self._save_photo_ids()
        self._show_photos()

    def remove_selected_photo(self) -> None:
        entry = self.photos_list.currentItem()
        if entry is None:
            return
        self._photo_ids.remove(int(entry.data(id_role())))
        self._save_photo_ids()
        self._show_photos()

    def _save_photo_ids(self) -> None:
        try:
            self._drafts.save_photos(session_of(self._services), self._photo_ids)
        except DraftNotKept as exc:  # the photos stay attached in this window
            self._draft_failed(exc.message)
        except Refused:  # nobody signed in: nothing is attached
            pass

    def _photos_handed_over(self) -> None:
        """The operation marked the photos used; the composer lets go of them."""
        if not self._photo_ids:
            return
        self._photo_ids = []
        self._save_photo_ids()
        self._show_photos()
        self.photos_used.emit()

    def _handed_over(self, message: str) -> None:
        self.editor.clear()
        self.save_draft()
        self.show_message(message, ok=True)
        self.status.emit(message)
        self.posted.emit()

    def _preflight(self, text: str) -> PreflightReport | None:
        """Every check before posting; None (and a message) when it cannot be run."""
        try:
            return self._posting.preflight(text, self._photo_ids, self.following_count)
        except NamesCannotBeChecked as exc:  # never post unchecked
            self._guard_failed(exc)
            self.show_message(exc.message, ok=False, about_text=True)
        except Refused as exc:
            self.show_message(exc.message, ok=False, about_text=True)
        return None

    def _ask_at_preflight(self, report: PreflightReport) -> PreflightDecision:
        """The composer's own pre-flight: a blocked tweet may be sent to an approver."""
        self._offer_approver = self._may_submit
        try:
            return self.confirm_preflight(report)
        finally:
            self._offer_approver = False

    def confirm_preflight(self, report: PreflightReport) -> PreflightDecision:
        """Shows the pre-flight panel; tests replace this method to answer for the user."""
        from stpeters_desk.ui.preflight_dialog import PreflightDialog

        dialog = PreflightDialog(report, self._may_override and overridable(report), self,
                                 may_send_for_approval=self._offer_approver)
        dialog.exec()
        return dialog.decision

    def _send(self, item_id: int) -> None:
        self._set_sending(True)
        self.show_message(self.tr("Posting…"))
        posting = self._posting
        self._tasks.run(lambda: posting.send(item_id), self._sent, self._send_failed)

    def _sent(self, result: SendResult | None) -> None:
        self._set_sending(False)
        self._show_outbox()
        if result is None:
            return
        if result.status == POSTED:  # the outbox wrote "post tweet" with the posted mark
            self.show_message(result.message, ok=True)
            self.status.emit(self.tr("Tweet posted."))
            self.posted.emit()
            self.refresh_posts()
            return
        self.show_message(result.message, ok=False)
        self.status.emit(self.tr("The tweet is in the outbox.") if result.status != NEEDS_ATTENTION
                         else self.tr("X refused the tweet; see the outbox."))

    def _send_failed(self, error: Exception) -> None:
        self._set_sending(False)
        self._show_outbox()
        self.show_message(describe_error(error), ok=False)

    def _set_sending(self, sending: bool) -> None:
        """While X is asked, the main button says so and cannot send anything twice."""
        self._sending = sending
        self._show_post_label()
        self.busy_bar.setVisible(sending)
        self.retry_button.setEnabled(not sending)
        self.edit_button.setEnabled(not sending)
        self._update_count()

    def _show_post_label(self) -> None:
        self.post_button.setText(self.tr("Posting…") if self._sending else self._post_label)

    def send_due(self) -> None:
        """Called by the window every 30 s: quietly retries what waits in the outbox."""
        if self._sending or not self._posting.waiting():
            return
        self._set_sending(True)
        self._tasks.run(self._posting.send_due, self._due_sent, self._send_failed)

    def _due_sent(self, results: list[SendResult]) -> None:
        self._set_sending(False)
        self._show_outbox()
        posted = [r for r in results if r.status == POSTED]
        if posted:
            self.status.emit(self.tr("Tweets posted from the outbox: {count}.").format(
                count=len(posted)))
            self.show_message(self.tr("The waiting tweet has now been posted."), ok=True)
            self.refresh_posts()

    # -- the outbox --------------------------------------------------------------
    def _show_outbox(self) -> None:
        keep = self._selected_outbox_id()
        items = self._posting.waiting()
        self.outbox_list.clear()
        for item in items:
            entry = QListWidgetItem(_outbox_text(item))
            entry.setData(id_role(), item.item_id)
            self.outbox_list.addItem(entry)
        self.outbox_box.setVisible(bool(items))
        if items:
            ids = [item.item_id for item in items]
            self.outbox_list.setCurrentRow(ids.index(keep) if keep in ids else 0)

    def refresh_outbox(self) -> None:
        """Another computer changed the outbox: show it again, the same tweet selected."""
        self._show_outbox()

    def server_back(self) -> None:
        """The school's database server answers again: what was typed meanwhile (kept on
        this computer) goes back into the person's draft."""
        self.save_draft()
        self._save_photo_ids()

    def _selected_outbox_id(self) -> int | None:
        entry = self.outbox_list.currentItem()
        return int(entry.data(id_role())) if entry else None

    def retry_selected(self) -> None:
        item_id = self._selected_outbox_id()
        if item_id is not None and not self._sending:
            self._send(item_id)

    def edit_selected(self) -> None:
        item_id = self._selected_outbox_id()
        if item_id is None or self._sending:
            return
        if self.editor.toPlainText().strip():
            self.show_message(self.tr("Post or clear the text in the editor first."), ok=False)
            return
        try:
            item = self._posting.take_out_of_outbox(session_of(self._services), item_id)
        except Refused as exc:
            self.show_message(exc.message, ok=False)
            self._show_outbox()
            return
        self.editor.setPlainText(item.text)
        self.save_draft()
        self._show_outbox()

    # -- posted tweets -----------------------------------------------------------
    def refresh_posts(self) -> None:
        gateway = self._services.gateway
        self.refresh_button.setEnabled(False)
        if not self._has_posts():
            self._show_fetching()
        self._tasks.run(lambda: gateway.own_posts(POSTS_SHOWN), self._show_posts,
                        self._posts_failed)

    def _show_fetching(self) -> None:
        """While the first tweets are fetched (at sign-in, before the window is drawn): the
        list says so and cannot be chosen from. Disabled rather than an unselectable line,
        whose flag is one of Qt's enums, slow to build before the first frame."""
        self.posts_list.clear()
        self.posts_list.addItem(QListWidgetItem(self.tr("Fetching the account's tweets…")))
        self.posts_list.setEnabled(False)

    def _show_posts(self, posts: list[Post]) -> None:
        self.refresh_button.setEnabled(True)
        self.posts_list.setEnabled(True)
        self.posts_list.clear()
        for post in posts:
            when = shown_moment(post.created_at)
            photos = (" · " + self.tr("photos: {count}").format(count=post.media_count)
                      if post.media_count else "")
            entry = QListWidgetItem(f"{post.text}\n{when}{photos}")
            entry.setData(id_role(), post.post_id)
            entry.setToolTip(post.text)
            self.posts_list.addItem(entry)
        if not posts:
            self._show_posts_placeholder(self.tr("No tweets yet. Write one on the left."))

    def _show_posts_placeholder(self, text: str) -> None:
        """An empty list says why it is empty and what to do, as a line nobody can select."""
        self.posts_list.clear()
        placeholder = QListWidgetItem(text)
        placeholder.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
        self.posts_list.addItem(placeholder)

    def _has_posts(self) -> bool:
        return any(self.posts_list.item(row).data(id_role())
                   for row in range(self.posts_list.count()))

    def _posts_failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.posts_list.setEnabled(True)
        self.show_message(describe_error(error), ok=False)
        if not self._has_posts():
            self._show_posts_placeholder(self.tr(
                "The account's tweets could not be fetched. Press Refresh (F5) to try again."))

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self._selected_post() is not None)

    def _selected_post(self) -> tuple[str, str] | None:
        entry = self.posts_list.currentItem()
        if entry is None or not entry.isSelected():
            return None
        post_id = entry.data(id_role())
        return (str(post_id), entry.text().split("\n")[0]) if post_id else None

    def confirm_delete(self, text: str) -> str | None:
        """Asks before deleting, and why (for the audit log): the reason, or None to keep
        the tweet. Tests replace this method to answer for the user."""
        dialog = DeleteTweetDialog(text, self)
        return dialog.reason() if dialog.exec() else None

    def delete_selected(self) -> None:
        selected = self._selected_post()
        if selected is None:
            return
        post_id, text = selected
        reason = self.confirm_delete(text)
        if reason is None:
            return
        posting, session = self._posting, session_of(self._services)
        self.delete_button.setEnabled(False)
        self._tasks.run(lambda: posting.delete_post(session, post_id, text, reason),
                        lambda _: self._deleted(), self._delete_failed)

    def _deleted(self) -> None:
        self.show_message(self.tr("Tweet deleted."), ok=True)
        self.status.emit(self.tr("Tweet deleted."))
        self.posted.emit()
        self.refresh_posts()

    def _delete_failed(self, error: Exception) -> None:
        if isinstance(error, Refused):
            self.delete_button.setEnabled(self._selected_post() is not None)
            self.show_message(error.message, ok=False)
            return
        self._posts_failed(error)

    # -- messages ------------------------------------------------------------------
    def show_message(self, text: str, ok: bool | None = None, *,
                     about_text: bool = False) -> None:
        """``about_text``: the message judges the text in the editor (too long, a name, a
        refusal), so it goes as soon as the text changes and no longer applies."""
        self._message_about_text = about_text and bool(text)
        self.message_label.setText(text)
        set_style_state(self.message_label, "state",
                        "" if ok is None else ("ok" if ok else "error"))
        self.message_label.setVisible(bool(text))


class DeleteTweetDialog(QDialog):
    """"Delete this tweet?", with the reason the audit log keeps (it cannot be undone).

    Its words were the Compose tab's question before, so they keep that context (and
    their translations)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("ComposerTab", "Delete tweet?"))
        self.setMinimumWidth(420)
        question = QLabel(translate("ComposerTab", "Delete this tweet from the account?\n\n"
                                                   "“{text}”\n\nThis cannot be undone.")
                          .format(text=text))
        question.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Why the tweet is deleted"))
        self.reason_edit.setPlaceholderText(self.tr("Why (kept in the audit log), e.g. wrong "
                                                    "date"))
        buttons = QDialogButtonBox()
        self.delete_button = buttons.addButton(translate("ComposerTab", "Delete tweet"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button.setProperty("destructive", True)
        keep = buttons.addButton(translate("ComposerTab", "Keep it"),
                                 QDialogButtonBox.ButtonRole.RejectRole)
        keep.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(buttons)
        self._update()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _update(self) -> None:
        self.delete_button.setEnabled(bool(self.reason()))


def _outbox_state(item: OutboxItem) -> str:
    """The outbox status in words; the stored status value itself is never translated."""
    if item.status == "waiting" and item.next_attempt_at:
        when = datetime.fromisoformat(item.next_attempt_at).astimezone().strftime("%H:%M")
        return QCoreApplication.translate(
            "ComposerTab", "Waiting to retry (next try at {time})").format(time=when)
    states = {
        "needs_attention": QCoreApplication.translate("ComposerTab", "Needs attention"),
        "waiting": QCoreApplication.translate("ComposerTab", "Waiting to retry"),
        "queued": QCoreApplication.translate("ComposerTab", "Queued"),
        "sending": QCoreApplication.translate("ComposerTab", "Sending"),
    }
    return states.get(item.status, item.status)


def _outbox_text(item: OutboxItem) -> str:
    first_line = (item.text.splitlines()[0] if item.text
                  else QCoreApplication.translate("ComposerTab", "(photo only)"))
    detail = f"\n{item.last_error}" if item.last_error else ""
    return QCoreApplication.translate("ComposerTab", "{state}: {tweet}").format(
        state=_outbox_state(item), tweet=first_line) + detail


# The theme's colours for marked words (resources/themes/*.theme); "yellow" and "black"
# above only if no theme could be read, so that a flagged name is never unmarked.
HIGHLIGHT_TOKENS = {"block": "mark_block", "warn": "mark_warn", "overflow": "mark_over"}


def _local_time(moment: datetime) -> str:
    return shown_day_and_time(moment)


def _warm_up_counter() -> int:
    """Loads the counter's data on a worker so the first keystroke does not stall."""
    return parse_tweet("Warm up 🎉 example.org").weighted_length


def _utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (emoji differ)."""
    return len(text[:index].encode("utf-16-le")) // 2

