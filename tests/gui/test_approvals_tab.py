"""The Approvals tab, driven as the head teacher, an approver and a teacher would drive it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stpeters_desk.core.approvals import ApprovalQueue, SubmissionStatus
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.preflight import PreflightReport
from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ops.approvals import Approvals
from stpeters_desk.ops.context import session_of
from stpeters_desk.ui.approvals_tab import (
    ApprovalsTab,
    Preflight,
    RejectDialog,
    ScheduleDialog,
    TweetTextDialog,
)
from stpeters_desk.ui.preflight_dialog import PreflightDecision
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.models import PhotoUpload
from stpeters_desk.x.sandbox import SandboxGateway

HEAD_PIN = "480516"
STAFF_PIN = "731902"
GUARD = NameGuard.from_names(["Olivia Smith"])
START = datetime.now(UTC).replace(second=0, microsecond=0)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class Staffroom:
    """The school's services over the sandbox, with an invented head, teacher and approver."""

    def __init__(self, services: DeskServices, db: Database) -> None:
        assert services.staff is not None and services.devices is not None
        assert services.device is not None
        self.services = services
        self.head, _code = services.staff.create_head("Mrs Invented Head", HEAD_PIN)
        self.teacher = services.staff.add_member("Mr Pretend Teacher", Role.TEACHER, STAFF_PIN,
                                                 by=self.head, head_pin=HEAD_PIN)
        self.approver = services.staff.add_member("Ms Madeup Approver", Role.TEACHER, STAFF_PIN,
                                                  approver=True, by=self.head,
                                                  head_pin=HEAD_PIN)
        services.devices.register(services.device, by=self.head, head_pin=HEAD_PIN)
        self.clock = Clock()
        self.reports: list[PreflightReport] = []
        devices, device = services.devices, services.device
        self.queue = ApprovalQueue(db, services.audit, services.staff,
                                   services.outbox,
                                   posting_check=lambda now: devices.may_post(device, now),
                                   clock=self.clock, name_guard=lambda: GUARD)

    def tab(self, qtbot: QtBot, member: StaffMember, auto_release: bool = False,
            preflight: Preflight | None = None) -> ApprovalsTab:
        self.services.sign_in(member)
        tab = ApprovalsTab(self.services, SyncTaskRunner(), queue=self.queue,
                           auto_release=auto_release,
                           preflight=preflight or self.answer_preflight)
        qtbot.addWidget(tab)
        tab.show()
        return tab


    def answer_preflight(self, report: PreflightReport) -> PreflightDecision:
        """The person at the pre-flight panel: goes on when nothing blocks."""
        self.reports.append(report)
        return PreflightDecision(post=report.can_post)


@pytest.fixture
def room(db: Database, sandbox: SandboxGateway, data_dir: Path) -> Staffroom:
    return Staffroom(DeskServices.for_school(db, sandbox, data_dir), db)


def answer(tab: ApprovalsTab, dialog: str, reply: object) -> None:
    """Stand in for the person at one of the tab's dialogs (``ask_text``, ``confirm``...)."""
    setattr(tab, dialog, lambda *_args: reply)


def click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def sandbox_texts(room: Staffroom) -> list[str]:
    return [post.text for post in room.services.gateway.own_posts(limit=20)]


def test_empty_queues_say_what_to_do(qtbot: QtBot, room: Staffroom) -> None:
    tab = room.tab(qtbot, room.head)
    assert tab.awaiting.empty.isVisible()
    assert tab.awaiting.empty.text() == "Nothing is waiting for approval."
    assert not tab.awaiting.list.isVisible()
    assert "give a tweet a date and time" in tab.scheduled.empty.text()
    assert not tab.banner.isVisible()
    assert not tab.approve_button.isEnabled()
    teacher_tab = room.tab(qtbot, room.teacher)
    assert "submit it for approval" in teacher_tab.awaiting.empty.text()
    assert not teacher_tab.approve_button.isVisible()  # teachers do not approve


def prepared_photo(room: Staffroom, alt_text: str, *, checked: bool = True) -> int:
    """A photo prepared on the Photos tab (faces and consent confirmed unless not)."""
    from PIL import Image

    from stpeters_desk.core.images import export_photo

    library = room.services.photo_library()
    photo = library.add(export_photo(Image.new("RGB", (64, 36), (200, 40, 40))),
                        label="mural", prepared_by="Mr Pretend Teacher", alt_text=alt_text,
                        text_checked=True, faces=FaceCheck.LOOKED)
    if checked:
        library.confirm_faces(photo.photo_id, "Mr Pretend Teacher")
        library.confirm_consent(photo.photo_id, "Mr Pretend Teacher")
    return photo.photo_id


def test_a_teacher_submits_and_the_head_approves_it_onto_the_sandbox(
        qtbot: QtBot, room: Staffroom) -> None:
    photo_id = prepared_photo(room, "A painted rainbow on the wall")
    room.services.sign_in(room.teacher)
    Approvals(room.services, room.queue).submit(
        session_of(room.services), "Class 4 painted a rainbow mural today!", [photo_id])
    teacher_tab = room.tab(qtbot, room.teacher)
    assert teacher_tab.awaiting.list.count() == 1
    assert teacher_tab.sections.tabText(0) == "Waiting for approval (1)"
    assert "as soon as approved" in teacher_tab.awaiting.list.item(0).text()
    assert teacher_tab.withdraw_awaiting_button.isEnabled()
    tab = room.tab(qtbot, room.head)
    assert "Photo 1: A painted rainbow on the wall" in tab.awaiting.details.text()
    assert not tab.withdraw_awaiting_button.isEnabled()  # not the head's tweet
    with qtbot.waitSignal(tab.released, timeout=1000) as released:
        click(tab.approve_button)
    assert released.args == [1]
    assert "on its way" in tab.message.text()
    assert tab.awaiting.list.count() == 0 and tab.posted.list.count() == 1
    [queued] = room.services.outbox.open_items()
    assert queued.created_by == "Mr Pretend Teacher"
    assert room.reports[-1].check("photo_safety").status == "pass"
    room.services.outbox.send_due(room.services.gateway)  # what the outbox timer does
    assert "Class 4 painted a rainbow mural today!" in sandbox_texts(room)
    posted = room.services.audit.query(action="post tweet")[0]
    assert posted.actor == "Mr Pretend Teacher"  # written by the outbox, for whoever queued it


def test_a_photo_the_library_cannot_vouch_for_is_never_assumed_checked(
        qtbot: QtBot, room: Staffroom) -> None:
    photo = PhotoUpload(b"\x89PNG invented", "image/png", "A painted rainbow on the wall")
    room.queue.submit("Class 4 painted a rainbow mural today!", [photo], by=room.teacher)
    tab = room.tab(qtbot, room.head)
    click(tab.approve_button)
    assert "cannot tell whether this tweet's photos" in tab.message.text()
    assert room.reports == []  # refused before the panel, not shown as "pass"
    assert room.queue.awaiting()[0].status == SubmissionStatus.AWAITING_APPROVAL
    assert room.services.outbox.open_items() == []


def test_an_unchecked_photo_blocks_the_approval(qtbot: QtBot, room: Staffroom) -> None:
    photo_id = prepared_photo(room, "Our mural", checked=False)
    room.services.sign_in(room.teacher)
    ops = Approvals(room.services, room.queue)
    with pytest.raises(Refused):  # the library will not hand over an unchecked photo
        ops.submit(session_of(room.services), "Our mural", [photo_id])
    assert room.queue.awaiting() == []


def test_without_the_pre_flight_panel_nothing_is_approved(qtbot: QtBot,
                                                          room: Staffroom) -> None:
    room.queue.submit("Year 6 leavers' assembly", by=room.teacher)
    room.services.sign_in(room.head)
    tab = ApprovalsTab(room.services, SyncTaskRunner(), queue=room.queue, auto_release=False)
    qtbot.addWidget(tab)
    tab.show()
    click(tab.approve_button)
    assert "pre-flight check is not available" in tab.message.text()
    assert room.queue.awaiting()[0].status == SubmissionStatus.AWAITING_APPROVAL


def test_an_approver_cannot_approve_their_own_tweet(qtbot: QtBot, room: Staffroom) -> None:
    room.queue.submit("Our approver's own class news", by=room.approver)
    tab = room.tab(qtbot, room.approver)
    assert tab.awaiting.list.count() == 1  # shown to them
    assert tab.approve_button.isVisible() and not tab.approve_button.isEnabled()
    assert not tab.edit_approve_button.isEnabled() and not tab.reject_button.isEnabled()
    assert "your own tweet" in tab.approve_button.toolTip()
    tab.approve_selected()  # even if called directly, the core refuses
    assert "Nobody approves their own tweet" in tab.message.text()
    assert room.queue.awaiting()[0].status == SubmissionStatus.AWAITING_APPROVAL


def test_edit_then_approve(qtbot: QtBot, room: Staffroom) -> None:
    room.queue.submit("well done year 3 for there reading", by=room.teacher)
    tab = room.tab(qtbot, room.head)
    answer(tab, "ask_text", "Well done, Year 3, for your reading!")
    click(tab.edit_approve_button)
    [posted] = room.queue.posted()
    assert posted.text == "Well done, Year 3, for your reading!"
    assert posted.original_text == "well done year 3 for there reading"
    tab.sections.setCurrentWidget(tab.posted)
    assert "The author wrote:" in tab.posted.details.text()
    actions = [e.action for e in room.services.audit.recent(5)]
    assert "edit tweet before approving" in actions and "approve tweet" in actions


def test_reject_with_a_note_then_the_teacher_resubmits(qtbot: QtBot, room: Staffroom) -> None:
    room.queue.submit("Photos from the farm trip", by=room.teacher)
    tab = room.tab(qtbot, room.head)
    answer(tab, "ask_rejection_note", "Please say which class went.")
    click(tab.reject_button)
    assert tab.message.text() == "Sent back to Mr Pretend Teacher with your note."
    teacher_tab = room.tab(qtbot, room.teacher)
    teacher_tab.sections.setCurrentWidget(teacher_tab.rejected)
    assert teacher_tab.sections.tabText(3) == "Sent back (1)"
    assert "Please say which class went." in teacher_tab.rejected.details.text()
    answer(teacher_tab, "ask_text", "Class 2 visited the farm today")
    click(teacher_tab.resubmit_button)
    assert teacher_tab.rejected.list.count() == 0
    assert teacher_tab.awaiting.list.count() == 1
    assert room.queue.awaiting()[0].text == "Class 2 visited the farm today"


def test_scheduled_tweets_go_out_when_the_timer_ticks(qtbot: QtBot, room: Staffroom) -> None:
    at = START + timedelta(hours=2)
    room.queue.submit("Sports day starts at 1pm", by=room.teacher, scheduled_for=at)
    tab = room.tab(qtbot, room.head)
    click(tab.approve_button)
    assert "will go out on" in tab.message.text()
    assert tab.scheduled.list.count() == 1
    line = tab.scheduled.list.item(0).text()
    assert "Mr Pretend Teacher" in line and at.astimezone().strftime("%H:%M") in line
    room.clock.now = at + timedelta(minutes=1)
    with qtbot.waitSignal(tab.released, timeout=1000):
        tab.tick()
    assert tab.scheduled.list.count() == 0 and tab.posted.list.count() == 1
    room.services.outbox.send_due(room.services.gateway)
    assert "Sports day starts at 1pm" in sandbox_texts(room)


def test_a_missed_tweet_asks_post_late_or_cancel(qtbot: QtBot, room: Staffroom) -> None:
    at = START + timedelta(hours=1)
    late = room.queue.schedule("Cake sale after school", by=room.head, at=at)
    stale = room.queue.schedule("Gates open in 5 minutes", by=room.head, at=at)
    room.clock.now = at + timedelta(hours=4)  # the app was closed all afternoon
    tab = room.tab(qtbot, room.head, auto_release=True)  # its first tick releases nothing
    assert room.services.outbox.open_items() == []
    assert tab.banner.isVisible() and "2 scheduled tweets missed" in tab.banner.text()
    assert tab.sections.tabText(2) == "Missed (2)"
    tab.sections.setCurrentWidget(tab.missed)
    answer(tab, "confirm", True)
    tab.missed.select(stale.submission_id)
    click(tab.cancel_missed_button)
    tab.missed.select(late.submission_id)
    click(tab.post_late_button)
    assert not tab.banner.isVisible()
    assert room.queue.get(stale.submission_id).status == SubmissionStatus.WITHDRAWN
    assert room.queue.get(late.submission_id).status == SubmissionStatus.POSTED
    assert [i.text for i in room.services.outbox.open_items()] == ["Cake sale after school"]


def test_cancel_and_post_now_from_the_scheduled_list(qtbot: QtBot, room: Staffroom) -> None:
    first = room.queue.schedule("Book fair tomorrow", by=room.head, at=START + timedelta(days=1))
    room.queue.schedule("Book fair today", by=room.head, at=START + timedelta(days=2))
    teacher_tab = room.tab(qtbot, room.teacher)
    assert teacher_tab.scheduled.list.count() == 2  # everyone sees what goes out next
    assert not teacher_tab.post_now_button.isEnabled()
    assert not teacher_tab.cancel_button.isEnabled()
    tab = room.tab(qtbot, room.head)
    tab.sections.setCurrentWidget(tab.scheduled)
    answer(tab, "confirm", False)
    tab.scheduled.select(first.submission_id)
    click(tab.cancel_button)
    assert tab.scheduled.list.count() == 2  # said no
    answer(tab, "confirm", True)
    click(tab.cancel_button)
    assert tab.scheduled.list.count() == 1
    new_time = START + timedelta(days=3)
    answer(tab, "ask_time", new_time)
    click(tab.reschedule_button)
    assert room.queue.scheduled()[0].scheduled_for == new_time
    assert tab.message.text().startswith("Moved to ")
    click(tab.post_now_button)
    assert tab.scheduled.list.count() == 0
    assert [i.text for i in room.services.outbox.open_items()] == ["Book fair today"]


def test_a_teacher_moving_an_approved_tweet_sends_it_back(qtbot: QtBot,
                                                          room: Staffroom) -> None:
    at = START + timedelta(days=1)
    item = room.queue.submit("Harvest assembly", by=room.teacher, scheduled_for=at)
    room.queue.approve(item.submission_id, by=room.head)
    tab = room.tab(qtbot, room.teacher)
    tab.sections.setCurrentWidget(tab.scheduled)
    assert not tab.post_now_button.isEnabled()  # only someone who may post, or an approver
    assert tab.cancel_button.isEnabled()  # the author may always stop their own tweet
    answer(tab, "ask_time", at + timedelta(hours=2))
    click(tab.reschedule_button)
    assert "needs approval again" in tab.message.text()
    assert tab.scheduled.list.count() == 0 and tab.awaiting.list.count() == 1


def test_an_unregistered_computer_cannot_approve_for_posting(qtbot: QtBot,
                                                             room: Staffroom) -> None:
    assert room.services.devices is not None and room.services.device is not None
    room.services.devices.unregister(room.services.device, by=room.head, head_pin=HEAD_PIN)
    room.queue.submit("From the coach", by=room.teacher)
    tab = room.tab(qtbot, room.head)
    click(tab.approve_button)
    assert "not a school-registered computer" in tab.message.text()
    assert tab.awaiting.list.count() == 1


def test_drafts_can_be_edited_and_submitted(qtbot: QtBot, room: Staffroom) -> None:
    room.queue.save_draft("Half an idea", by=room.teacher)
    tab = room.tab(qtbot, room.teacher)
    tab.sections.setCurrentWidget(tab.drafts)
    assert tab.sections.tabText(5) == "My drafts (1)"
    answer(tab, "ask_text", "Our new library books have arrived")
    click(tab.edit_draft_button)
    click(tab.submit_draft_button)
    assert tab.drafts.list.count() == 0
    assert room.queue.awaiting()[0].text == "Our new library books have arrived"


def test_the_tab_is_keyboard_and_screen_reader_friendly(qtbot: QtBot, room: Staffroom) -> None:
    room.queue.submit("First", by=room.teacher)
    room.queue.submit("Second", by=room.teacher)
    tab = room.tab(qtbot, room.head)
    for button in tab.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
    for section in (tab.awaiting, tab.scheduled, tab.missed, tab.rejected, tab.posted,
                    tab.drafts):
        assert section.list.accessibleName() == section.name
    tab.awaiting.list.setFocus()
    tab.awaiting.list.setCurrentRow(0)
    QTest.keyClick(tab.awaiting.list, Qt.Key.Key_Down)
    selected = tab.awaiting.selected()
    assert selected is not None and selected.text == "Second"
    assert "Second" in tab.awaiting.details.text()


def test_dialogs_refuse_what_cannot_be_sent(qtbot: QtBot, room: Staffroom) -> None:
    text_dialog = TweetTextDialog("Edit", "Change it", "Fine words", "Approve")
    qtbot.addWidget(text_dialog)
    assert text_dialog.ok_button.isEnabled()
    text_dialog.editor.setPlainText("x" * 281)
    assert not text_dialog.ok_button.isEnabled()
    assert text_dialog.count.text() == "281 of 280 characters"
    item = room.queue.submit("Needs a note", by=room.teacher)
    reject = RejectDialog(item)
    qtbot.addWidget(reject)
    assert not reject.ok_button.isEnabled()
    reject.note.setPlainText("  Say which class.  ")
    assert reject.ok_button.isEnabled() and reject.text() == "Say which class."
    schedule = ScheduleDialog(None, START)
    qtbot.addWidget(schedule)
    chosen = schedule.chosen()
    assert chosen.tzinfo is not None and chosen > START


def test_a_note_begun_before_a_lock_comes_back_to_its_writer_only(
        qtbot: QtBot, room: Staffroom) -> None:
    """An unsent note sending a tweet back survives the dialog being closed by a lock, and
    nobody else who opens the same dialog is shown it."""
    from PySide6.QtCore import QTimer

    from stpeters_desk.ui.approvals_tab import RejectDialog

    room.queue.submit("Photos from the farm trip", by=room.teacher)
    tab = room.tab(qtbot, room.head)
    tab.awaiting.list.setCurrentRow(0)
    item = tab.awaiting.selected()
    assert item is not None
    seen: list[str] = []

    def type_then_walk_away() -> None:
        dialog = next(d for d in tab.findChildren(RejectDialog) if d.isVisible())
        QTest.keyClicks(dialog.note, "Please say which class")
        dialog.reject()  # what the lock does to an open dialog

    QTimer.singleShot(0, type_then_walk_away)
    assert tab.ask_rejection_note(item) is None

    approver_tab = room.tab(qtbot, room.approver)

    def look_then_cancel() -> None:
        dialog = next(d for d in approver_tab.findChildren(RejectDialog) if d.isVisible())
        seen.append(dialog.note.toPlainText())
        dialog.reject()

    QTimer.singleShot(0, look_then_cancel)
    approver_tab.ask_rejection_note(item)
    assert seen == [""]

    head_again = room.tab(qtbot, room.head)

    def finish_and_send() -> None:
        dialog = next(d for d in head_again.findChildren(RejectDialog) if d.isVisible())
        seen.append(dialog.note.toPlainText())
        QTest.keyClicks(dialog.note, " went.")
        dialog.accept()

    QTimer.singleShot(0, finish_and_send)
    assert head_again.ask_rejection_note(item) == "Please say which class went."
    assert seen[-1] == "Please say which class"


def test_locking_closes_an_open_dialog_so_the_next_person_cannot_read_it(
        qtbot: QtBot, db: Database, sandbox: SandboxGateway, data_dir: Path) -> None:
    from PySide6.QtWidgets import QDialog

    from stpeters_desk.ui.main_window import MainWindow

    services = DeskServices.for_school(db, sandbox, data_dir)
    assert services.staff is not None
    head, _code = services.staff.create_head("Mrs Amberley Invented", HEAD_PIN)
    window = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    window.signed_in(head)
    dialog = QDialog(window)
    dialog.show()
    window.lock()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
