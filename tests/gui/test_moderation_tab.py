"""The Moderation tab, driven as the head teacher would, against the practice account."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.incident import INCIDENT_ACTION
from stpeters_desk.core.moderation_service import ModerationInbox
from stpeters_desk.core.reply_images import ReplyPictures
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import (
    BLOCK_PENDING,
    BLOCKED,
    HIDDEN,
    MUTED,
    REPORTED,
    REVIEWED,
    ModerationStore,
    StoredMention,
)
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.moderation import ModerationOps
from stpeters_desk.ops.session import PRACTICE_ACTOR
from stpeters_desk.ui.moderation_tab import (
    FROM_COLUMN,
    REPLY_COLUMN,
    STATUS_COLUMN,
    IncidentDialog,
    ModerationTab,
)
from stpeters_desk.ui.moderation_widgets import explain
from stpeters_desk.ui.status_marks import moderation_icon
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.errors import Offline
from stpeters_desk.x.sandbox import SandboxGateway

ACTOR = PRACTICE_ACTOR  # the practice set-up has no staff accounts: the session's actor
REPORT_ACTION = AuditAction.GOVERNORS_REPORT
THREAT = "waiting at the gate"
SWEARING = "What a load of s**t"


@pytest.fixture
def store(db: Database) -> ModerationStore:
    return ModerationStore(db)


@pytest.fixture
def inbox(store: ModerationStore, services: DeskServices) -> ModerationInbox:
    return ModerationInbox(store, services.gateway, services.audit.record,
                           pictures=ReplyPictures(services.data_dir))  # as the app has it


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def tab(qtbot: QtBot, services: DeskServices, inbox: ModerationInbox, store: ModerationStore,
        opened: list[str]) -> ModerationTab:
    ops = ModerationOps(gate_of(services), inbox, store, services.audit, services.gateway)
    widget = ModerationTab(services, SyncTaskRunner(), ops, opened.append)
    qtbot.addWidget(widget)
    widget.resize(1400, 1000)
    widget.show()
    return widget


def click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def refreshed(tab: ModerationTab) -> ModerationTab:
    click(tab.refresh_button)
    return tab


def choose(tab: ModerationTab, snippet: str) -> StoredMention:
    tab.show_box.setCurrentIndex(1)  # everything, so decided replies stay listed
    row = next(n for n, item in enumerate(tab.model.items) if snippet in item.text)
    tab.table.selectRow(row)
    selected = tab.selected()
    assert selected is not None and snippet in selected.text
    return selected


def give_reason(tab: ModerationTab, why: str) -> None:
    tab.reason_box.setEditText(why)


def audit_actions(services: DeskServices) -> list[tuple[str, str, str]]:
    """(who, what, why): why is the entry's reason, or its detail when no reason is asked."""
    return [(e.actor, e.action, e.reason or e.detail) for e in reversed(services.audit.recent())]


def status_of(inbox: ModerationInbox, post_id: str) -> str:
    return inbox.get(post_id).status


# -- listing --------------------------------------------------------------------------------

def test_before_anything_is_fetched_the_tab_says_what_to_do(tab: ModerationTab) -> None:
    assert tab.empty_label.isVisible()
    assert "No replies need you today" in tab.empty_label.text()
    assert "Refresh" in tab.empty_label.text()
    assert not tab.table.isVisible()
    assert tab.counts_label.text() == "Nothing fetched yet"


def test_refresh_fetches_assesses_and_lists_needs_you_first(tab: ModerationTab) -> None:
    progress: list[tuple[int, int]] = []
    badge: list[int] = []
    tab.progress.connect(lambda done, total: progress.append((done, total)))
    tab.needs_you.connect(badge.append)

    refreshed(tab)

    assert progress[0] == (0, 0) and progress[-1] == (68, 68)
    assert not tab.progress_bar.isVisible()
    assert tab.table.isVisible() and not tab.empty_label.isVisible()
    # 18 by the word lists and the trained model ("I'll make two next time" is no longer
    # read as "ill": it stays ok); listed too, marked as a maybe, one from this week the
    # model nearly flagged
    assert tab.model.rowCount() == 19 and badge[-1] == 18
    assert tab.message.text() == "✔ Replies and mentions fetched: 68, new: 68. Needing you: 18."
    assert tab.counts_label.text() == ("Needing you: 18 · In all: 68 · Maybe: 1 · "
                                       "Looking fine, not shown: 49")
    levels = [tab.model.index(row, 0).data().split("\n")[0]  # the reasons are under it
              for row in range(tab.model.rowCount())]
    assert levels[0].startswith("Safeguarding: ")  # the threat, before everything else
    assert levels[-2:] == ["Needs review", "Maybe: worth a look"]  # maybes last
    assert levels.index("Needs review") > levels.index("Hide suggested")
    # each with the app's own mark beside the words, never an emoji (a box without a
    # colour-emoji font, issue 17)
    marks = [tab.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
             for row in range(tab.model.rowCount())]
    assert all(not mark.isNull() for mark in marks)
    assert marks[0].cacheKey() == moderation_icon("hide", safeguarding=True).cacheKey()
    row = tab.model.row_of(choose(tab, THREAT).post_id)
    assert "Threat" in tab.model.index(row, 0).data()  # the reason, in words, under it
    assert tab.model.index(row, FROM_COLUMN).data().endswith("\n@PilningTruthTeller")
    assert THREAT in tab.model.index(row, REPLY_COLUMN).data()
    tab.show_box.setCurrentIndex(1)
    assert tab.model.rowCount() == 68
    assert tab.model.index(tab.model.rowCount() - 1, 0).data().split("\n")[0] == "OK"


def test_refreshing_again_finds_nothing_new(tab: ModerationTab) -> None:
    refreshed(tab)
    refreshed(tab)

    assert tab.message.text().startswith("✔ No new replies. Needing you: 18.")


def test_refresh_can_be_cancelled_and_keeps_the_page_already_read(
        tab: ModerationTab, inbox: ModerationInbox) -> None:
    tab.progress.connect(lambda done, _total: tab.cancel_refresh() if done == 10 else None)

    refreshed(tab)

    assert sum(inbox.counts().values()) - inbox.counts()["needs someone"] == 68  # all kept
    assert "Stopped" in tab.message.text() and "Refresh" in tab.message.text()
    assert tab.refresh_button.isEnabled()
    assert not tab.cancel_button.isVisible() and not tab.progress_bar.isVisible()


def test_a_cancelled_refresh_skips_only_the_blocked_list_check(
        tab: ModerationTab, inbox: ModerationInbox, sandbox: SandboxGateway) -> None:
    item = choose(refreshed(tab), THREAT)
    give_reason(tab, "Threat or intimidation")
    click(tab.block_button)
    handoff = tab.handoff_panel.handoff
    assert handoff is not None
    sandbox.complete_handoff(handoff)  # blocked on x.com, not yet confirmed here
    shown: list[bool] = []

    def press_cancel(_done: int, _total: int) -> None:
        shown.append(tab.cancel_button.isVisible() and tab.cancel_button.isEnabled())
        click(tab.cancel_button)

    tab.progress.connect(press_cancel)
    refreshed(tab)

    assert shown and shown[0]  # Cancel is offered while the fetch runs
    assert status_of(inbox, item.post_id) == BLOCK_PENDING
    assert "pending blocks were not checked" in tab.message.text()

    tab.progress.disconnect(press_cancel)
    refreshed(tab)

    assert status_of(inbox, item.post_id) == BLOCKED


def test_the_show_box_keys_on_item_data_not_on_its_words(tab: ModerationTab) -> None:
    """A Welsh label for a choice must not change which replies are shown."""
    refreshed(tab)
    tab.show_box.setItemText(1, "Pob ateb a chyfeiriad")

    tab.show_box.setCurrentIndex(1)

    assert tab.model.rowCount() == 68


def test_an_empty_list_of_everything_says_what_to_do(tab: ModerationTab) -> None:
    tab.show_box.setCurrentIndex(1)

    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert "Nothing fetched yet" in tab.empty_label.text()
    assert "Refresh" in tab.empty_label.text()


def test_x_errors_are_shown_in_plain_words(tab: ModerationTab,
                                           sandbox: SandboxGateway) -> None:
    sandbox.simulate_offline = True

    refreshed(tab)

    assert tab.message.text() == "⚠ " + explain(Offline())  # a mark, not colour alone
    assert "Check the internet connection" in tab.message.text()
    assert "outbox" not in tab.message.text()  # the tweet's next step does not fit here
    assert tab.refresh_button.isEnabled() and not tab.progress_bar.isVisible()
    assert not tab.cancel_button.isVisible()


def test_when_everything_is_decided_the_empty_state_returns(
        tab: ModerationTab, inbox: ModerationInbox) -> None:
    refreshed(tab)
    for item in inbox.items(500):
        if item.needs_someone or item.in_maybe_band():
            inbox.mark_reviewed(item.post_id, ACTOR, "checked in a test")

    tab.reload()

    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert tab.counts_label.text().startswith("Needing you: 0")


# -- decisions --------------------------------------------------------------------------------

def test_hide_needs_a_reason_then_hides_on_x_and_records_who_and_why(
        tab: ModerationTab, inbox: ModerationInbox, sandbox: SandboxGateway,
        services: DeskServices) -> None:
    item = choose(refreshed(tab), SWEARING)

    click(tab.hide_button)
    assert "Say why first" in tab.message.text()
    assert status_of(inbox, item.post_id) != HIDDEN

    give_reason(tab, "Offensive language")
    click(tab.hide_button)

    assert status_of(inbox, item.post_id) == HIDDEN
    assert next(m for m in sandbox.mentions() if m.post_id == item.post_id).hidden
    actor, action, detail = audit_actions(services)[-1]
    assert (actor, action) == (ACTOR, "hide reply")
    assert detail.startswith("Offensive language")
    assert tab.model.index(tab.model.row_of(item.post_id), STATUS_COLUMN).data() == "Hidden"
    choose(tab, SWEARING)
    assert not tab.hide_button.isEnabled() and tab.unhide_button.isEnabled()
    assert tab.reason_box.currentText() == ""  # each decision asks afresh

    give_reason(tab, "Author apologised")
    click(tab.unhide_button)

    assert status_of(inbox, item.post_id) == REVIEWED
    assert not next(m for m in sandbox.mentions() if m.post_id == item.post_id).hidden
    assert audit_actions(services)[-1][1] == "unhide reply"


def test_mute_author(tab: ModerationTab, inbox: ModerationInbox, sandbox: SandboxGateway,
                     services: DeskServices) -> None:
    item = choose(refreshed(tab), SWEARING)
    give_reason(tab, "Repeated complaints in rude words")

    click(tab.mute_button)

    assert status_of(inbox, item.post_id) == MUTED
    assert item.author_id in {user.user_id for user in sandbox.muted().items}
    assert audit_actions(services)[-1][:2] == (ACTOR, "mute account")


def test_mark_reviewed_fills_in_a_plain_reason(tab: ModerationTab, inbox: ModerationInbox,
                                               services: DeskServices) -> None:
    item = choose(refreshed(tab), "Disappointed the trip was cancelled")

    click(tab.reviewed_button)

    assert status_of(inbox, item.post_id) == REVIEWED
    actor, action, detail = audit_actions(services)[-1]
    assert (actor, action) == (ACTOR, "mark reply reviewed")
    assert detail.startswith("Looked at: no action needed")


def test_block_stays_pending_until_the_blocked_list_confirms_it(
        tab: ModerationTab, inbox: ModerationInbox, services: DeskServices,
        opened: list[str]) -> None:
    item = choose(refreshed(tab), THREAT)
    give_reason(tab, "Threat or intimidation")

    click(tab.block_button)

    assert status_of(inbox, item.post_id) == BLOCK_PENDING
    assert tab.model.index(tab.model.row_of(item.post_id), STATUS_COLUMN).data() == \
        "Block pending"
    panel = tab.handoff_panel
    assert panel.isVisible() and "Block @PilningTruthTeller" in panel.instructions.text()
    assert opened == []  # the practice account never opens x.com for invented people
    assert panel.practice_button.isVisible() and panel.check_button.isVisible()

    click(panel.check_button)  # nobody has blocked them yet
    assert status_of(inbox, item.post_id) == BLOCK_PENDING
    assert "does not show @PilningTruthTeller yet" in tab.message.text()

    click(panel.practice_button)

    assert status_of(inbox, item.post_id) == BLOCKED
    assert "Block confirmed on X for @PilningTruthTeller" in tab.message.text()
    assert not panel.isVisible()
    actions = [action for _actor, action, _detail in audit_actions(services)]
    assert actions[-2:] == ["block requested", "block confirmed"]
    assert audit_actions(services)[-2][0] == ACTOR


def test_report_hands_off_then_records_what_was_reported(
        tab: ModerationTab, inbox: ModerationInbox, services: DeskServices) -> None:
    item = choose(refreshed(tab), THREAT)
    give_reason(tab, "Threat to a teacher")

    click(tab.report_button)

    panel = tab.handoff_panel
    assert panel.isVisible() and panel.reported_button.isVisible()
    assert "Report" in panel.instructions.text()
    assert status_of(inbox, item.post_id) != REPORTED

    click(panel.reported_button)

    assert status_of(inbox, item.post_id) == REPORTED
    actor, action, detail = audit_actions(services)[-1]
    assert (actor, action) == (ACTOR, "reported to X")
    assert detail.startswith("Threat to a teacher")


def test_delete_our_post_asks_first_and_deletes_the_schools_own_post(
        tab: ModerationTab, sandbox: SandboxGateway, services: DeskServices) -> None:
    item = choose(refreshed(tab), SWEARING)
    parent = item.in_reply_to_post_id
    assert parent in {post.post_id for post in sandbox.own_posts(500)}
    give_reason(tab, "The post attracted abuse")
    tab.confirm = lambda _title, _question: False

    click(tab.delete_button)
    assert parent in {post.post_id for post in sandbox.own_posts(500)}

    tab.confirm = lambda _title, _question: True
    click(tab.delete_button)

    assert parent not in {post.post_id for post in sandbox.own_posts(500)}
    actor, action, detail = audit_actions(services)[-1]
    assert (actor, action, detail) == (ACTOR, "delete own post", "The post attracted abuse")


# -- the incident pack -----------------------------------------------------------------------

def test_incident_pack_captures_a_picture_and_saves_one_file(
        qtbot: QtBot, tab: ModerationTab, services: DeskServices, tmp_path: Path) -> None:
    item = choose(refreshed(tab), THREAT)
    shown: list[IncidentDialog] = []
    tab.show_incident_dialog = shown.append
    target = tmp_path / "incidents" / "threat.html"
    tab.choose_incident_path = lambda suggested: target if "PilningTruthTeller" in suggested \
        else None

    click(tab.incident_button)

    (dialog,) = shown
    qtbot.addWidget(dialog)
    dialog.show()
    evidence = dialog.evidence
    assert evidence.text == item.text and evidence.captured_by == ACTOR
    picture = QPixmap()
    assert picture.loadFromData(evidence.screenshot_png, "PNG")
    assert picture.width() >= 500 and picture.height() >= 60
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    click(save)
    assert "what happened" in dialog.message.text() and not target.exists()

    dialog.what_happened.setPlainText("A threat <aimed> at a teacher after the trip post.")
    dialog.action_taken.setPlainText("Reply hidden, author blocked, DSL told.")
    click(save)

    page = target.read_text(encoding="utf-8")
    assert THREAT in page and item.link in page and "data:image/png;base64," in page
    assert "A threat &lt;aimed&gt; at a teacher" in page
    assert "Professionals Online Safety Helpline" in page
    actor, action, detail = audit_actions(services)[-1]
    assert (actor, action) == (ACTOR, INCIDENT_ACTION)
    assert "file: threat.html" in detail
    assert "Incident pack saved" in tab.message.text()


def test_incident_form_suggests_the_action_already_taken(
        tab: ModerationTab) -> None:
    choose(refreshed(tab), SWEARING)
    give_reason(tab, "Offensive language")
    click(tab.hide_button)
    choose(tab, SWEARING)  # the list has moved on to the next reply

    dialog = tab.start_incident()

    assert dialog is not None
    assert dialog.action_taken.toPlainText() == "The reply has been hidden on X."
    dialog.deleteLater()


# -- the governors' report ---------------------------------------------------------------------

def test_governors_report_writes_html_csv_and_pdf(
        tab: ModerationTab, services: DeskServices, tmp_path: Path) -> None:
    choose(refreshed(tab), SWEARING)
    give_reason(tab, "Offensive language")
    click(tab.hide_button)
    folder = tmp_path / "report"
    tab.choose_report_folder = lambda: folder

    click(tab.report_toggle)
    click(tab.report_button_make)

    names = sorted(path.name for path in tab.last_report_files)
    stem = tab.report_period().file_stem
    assert names == [f"{stem}.csv", f"{stem}.html", f"{stem}.pdf"]
    assert (folder / f"{stem}.pdf").read_bytes().startswith(b"%PDF")
    page = (folder / f"{stem}.html").read_text(encoding="utf-8")
    assert "hide reply" in page and "Offensive language" in page
    assert "Governors' report saved" in tab.message.text()
    assert audit_actions(services)[-1][1] == REPORT_ACTION
    assert tab.report_button_make.isEnabled()


def test_a_backwards_period_is_refused_before_anything_is_asked(
        tab: ModerationTab) -> None:
    asked: list[bool] = []
    tab.report_to.setDate(tab.report_from.date().addDays(-1))
    tab.choose_report_folder = lambda: asked.append(True)  # type: ignore[func-returns-value]

    click(tab.report_toggle)
    click(tab.report_button_make)

    assert asked == [] and "before its first day" in tab.message.text()


def test_a_threat_is_marked_for_safeguarding_at_the_top(tab: ModerationTab) -> None:
    tab.refresh()
    first = tab.model.items[0]
    assert tab.model.cell(first, 0).startswith("Safeguarding: ")
    assert first.safeguarding and any(reason.rule == "threat" for reason in first.reasons)
    assert tab.model.cell(first, 0).split("\n")[1].startswith("Threat: ")  # in words, under it



def test_a_reply_the_model_nearly_flagged_is_listed_as_a_maybe_for_a_week(
        tab: ModerationTab, inbox: ModerationInbox) -> None:
    """Nothing missed stays hidden: "Needs you" keeps this week's near misses, marked, and
    says how many replies that look fine it does not show."""
    refreshed(tab)
    tab.resize(1600, 900)  # the whole counts line
    maybes = [item for item in tab.model.items if item.in_maybe_band()]
    assert len(maybes) == 1 and not maybes[0].needs_someone
    row = tab.model.items.index(maybes[0])
    assert tab.model.data(tab.model.index(row, 0)).split("\n")[0] == "Maybe: worth a look"
    fine = sum(1 for item in inbox.items(500)
               if item.level == "ok" and item.status == "new" and not item.in_maybe_band())
    assert tab.counts_label.text() == (f"Needing you: 18 · In all: 68 · Maybe: 1 · "
                                       f"Looking fine, not shown: {fine}")
    week_later = maybes[0].created_at + timedelta(days=7, minutes=1)
    assert not maybes[0].in_maybe_band(week_later)


# -- pictures on replies: blurred first, shown by choice (recorded) --------------------------

def _pictured(tab: ModerationTab) -> StoredMention:
    tab.show_box.setCurrentIndex(1)
    row = next(n for n, item in enumerate(tab.model.items) if item.pictures)
    tab.table.selectRow(row)
    selected = tab.selected()
    assert selected is not None and selected.pictures
    return selected


def _pixels(label: object) -> bytes:
    from PySide6.QtWidgets import QLabel

    assert isinstance(label, QLabel)
    image = label.pixmap().toImage()
    assert not image.isNull()
    return bytes(image.constBits())


def test_a_reply_with_a_picture_shows_it_blurred_with_what_the_check_said(
        tab: ModerationTab) -> None:
    refreshed(tab)
    item = _pictured(tab)

    strip = tab.pictures
    assert strip.isVisible() and strip.post_id == item.post_id
    [tile] = strip.tiles.values()
    assert tile.image.isVisible() and not tile.image.pixmap().isNull()
    assert not tile.revealed and tile.button.text() == "Show picture"
    assert tile.button.isVisible() and tile.button.isEnabled()
    assert tile.button.width() >= tile.button.sizeHint().width()  # its words not clipped
    assert tile.caption.text() in ("Checked on this computer: nothing found",
                                   "Picture not checked on this computer")
    assert "blurred until you choose to see them" in strip.title.text()
    # a reply without pictures hides the strip
    row = next(n for n, other in enumerate(tab.model.items) if not other.pictures)
    tab.table.selectRow(row)
    assert not strip.isVisible()


def test_show_picture_reveals_it_through_an_audited_operation_and_blur_again_covers_it(
        tab: ModerationTab, services: DeskServices) -> None:
    refreshed(tab)
    item = _pictured(tab)
    [tile] = tab.pictures.tiles.values()
    blurred = _pixels(tile.image)

    click(tile.button)

    assert tile.revealed and tile.button.text() == "Blur again"
    assert _pixels(tile.image) != blurred
    shown = [entry for entry in audit_actions(services)
             if entry[1] == AuditAction.SHOW_REPLY_PICTURE]
    assert len(shown) == 1 and shown[0][0] == ACTOR and "picture 1 of 1" in shown[0][2]
    assert "audit log" in tab.message.text()

    click(tile.button)  # covering it again is recorded by nobody: nothing was seen

    assert not tile.revealed and _pixels(tile.image) == blurred
    assert len([e for e in audit_actions(services)
                if e[1] == AuditAction.SHOW_REPLY_PICTURE]) == 1
    assert tab.selected() is not None and tab.selected().post_id == item.post_id  # type: ignore[union-attr]


@pytest.mark.parametrize("size", [(1180, 760), (1366, 768)])
@pytest.mark.parametrize("kiosk", [False, True])
def test_the_pictures_fit_the_reply_pane_in_the_window(
        qtbot: QtBot, db: Database, sandbox: SandboxGateway, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: tuple[int, int],
        kiosk: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from stpeters_desk.core.settings_registry import tour_seen, write
    from stpeters_desk.ui.main_window import MainWindow
    from tests.gui.conftest import answer_preflight

    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "config"))
    school = DeskServices.for_school(db, sandbox, data_dir)
    assert school.staff is not None
    head, _code = school.staff.create_head("Mrs Invented Head", "480516")
    write(school.settings, tour_seen(head.staff_id), True)
    window = MainWindow(school, SyncTaskRunner(), head_pin_asker=lambda _action: "480516")
    answer_preflight(window.composer)
    window.allow_close()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if kiosk:  # the style sheet is what makes kiosk targets finger-sized
        from stpeters_desk.core.paths import resources_dir
        from stpeters_desk.ui.application import apply_style

        apply_style(app, resources_dir())
        window.use_touch_sizes()
    try:
        _check_pictures_fit(window, head, size, kiosk)
    finally:
        app.setStyleSheet("")
        window.setProperty("kiosk", False)


def _check_pictures_fit(window: object, head: object, size: tuple[int, int],
                        kiosk: bool) -> None:
    from PySide6.QtWidgets import QApplication, QScrollArea

    from stpeters_desk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.signed_in(head)  # type: ignore[arg-type]
    tab = window.tab_page("Moderation")
    assert isinstance(tab, ModerationTab)
    assert window.select_tab("Moderation")
    refreshed(tab)
    _pictured(tab)
    QApplication.processEvents()
    [tile] = tab.pictures.tiles.values()
    area = tab.reading_area  # the reply and its pictures scroll; the decisions stay below
    assert isinstance(area, QScrollArea)
    area.ensureWidgetVisible(tile.button)
    QApplication.processEvents()
    viewport = area.viewport()
    strip = tab.pictures
    for part in (strip.title, tile.image, tile.caption, tile.button):
        corner = part.mapTo(viewport, part.rect().bottomRight())
        assert part.isVisible()
        assert part.mapTo(viewport, part.rect().topLeft()).x() >= 0
        assert corner.x() <= viewport.width(), (part, corner.x(), viewport.width())
    # the words under the picture are not covered by it or by the button
    assert tile.caption.geometry().top() >= tile.image.geometry().bottom()
    assert tile.button.geometry().top() >= tile.caption.geometry().bottom()
    assert tile.caption.height() >= tile.caption.heightForWidth(tile.caption.width())
    assert window.width() <= size[0]
    assert tile.image.width() >= 150  # big enough to tell what is there once shown
    if kiosk:  # a finger-sized button, as every kiosk target
        assert tile.button.height() >= 44
