"""The Compose tab driven as a secretary would: type, post, see, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.drafts import PRACTICE_DRAFTS
from stpeters_desk.ui.composer_tab import ComposerTab
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner, TaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.conftest import answer_preflight


def type_text(composer: ComposerTab, text: str) -> None:
    """Types key by key; QTest has no keys for emoji, so those are inserted as input methods do."""
    composer.editor.setFocus()
    for char in text:
        if char.isascii():
            QTest.keyClicks(composer.editor, char)
        else:
            composer.editor.insertPlainText(char)


def posted_texts(composer: ComposerTab) -> list[str]:
    return [composer.posts_list.item(i).text().split("\n")[0]
            for i in range(composer.posts_list.count())]


def test_only_working_tabs_and_the_account_bar(window: MainWindow) -> None:
    assert window.tab_names() == ["Compose"]
    bar = window.account_bar
    assert bar.mode_label.text() == "Practice account (sandbox)"
    assert "@StPetersPilning" in bar.handle_label.text()
    assert bar.following_label.text() == "following 0"
    assert bar.warning_label.isHidden()


def test_following_anyone_raises_the_warning(window: MainWindow,
                                             services: DeskServices) -> None:
    from dataclasses import replace

    account = replace(services.gateway.account(), following_count=2)
    window.account_bar.show_account(account)
    assert not window.account_bar.warning_label.isHidden()
    assert "follows 2" in window.account_bar.warning_label.text()


def test_live_weighted_count(window: MainWindow) -> None:
    composer = window.composer
    assert not composer.post_button.isEnabled()
    type_text(composer, "Well done Class 3 🎉")
    assert composer.count_label.text().startswith("20 / 280 · 260 left")
    composer.editor.setPlainText("See https://example.org/a/very/long/path/indeed/for/sure")
    assert "27 / 280" in composer.count_label.text()
    assert "links count as 23" in composer.count_label.text()
    composer.editor.setPlainText("x" * 281)
    assert composer.count_label.text().startswith("⚠ 281 / 280 · 1 over")
    assert composer.count_label.property("over") is True
    assert not composer.post_button.isEnabled()
    assert len(composer.editor.extraSelections()) == 1


def test_post_see_and_delete_through_the_ui(window: MainWindow, services: DeskServices) -> None:
    composer = window.composer
    text = "Great use of our school computers to edit our writing by Class 4."
    type_text(composer, text)
    assert composer.post_button.isEnabled()
    QTest.mouseClick(composer.post_button, Qt.MouseButton.LeftButton)
    assert composer.editor.toPlainText() == ""
    assert services.drafts.load(PRACTICE_DRAFTS) == ""
    assert posted_texts(composer)[0] == text
    assert composer.message_label.text() == "Posted."
    assert [e.action for e in services.audit.recent()][:2] == ["post tweet", "queue tweet"]

    composer.posts_list.setCurrentRow(0)
    assert composer.delete_button.isEnabled()
    asked: list[str] = []

    def answer_yes(shown: str) -> str:
        asked.append(shown)
        return "posted by mistake"

    composer.confirm_delete = answer_yes  # type: ignore[method-assign]
    QTest.mouseClick(composer.delete_button, Qt.MouseButton.LeftButton)
    assert asked == [text]
    assert text not in posted_texts(composer)
    assert text not in [p.text for p in services.gateway.own_posts(200)]
    deleted = services.audit.recent()[0]
    assert (deleted.action, deleted.reason) == ("delete tweet", "posted by mistake")


def test_cancelled_delete_keeps_the_tweet(window: MainWindow, services: DeskServices) -> None:
    composer = window.composer
    first = posted_texts(composer)[0]
    composer.posts_list.setCurrentRow(0)
    composer.confirm_delete = lambda _text: None  # type: ignore[method-assign]
    composer.delete_selected()
    assert posted_texts(composer)[0] == first


def test_offline_post_waits_in_the_outbox_and_goes_once(window: MainWindow,
                                                       services: DeskServices) -> None:
    gateway = services.gateway
    assert isinstance(gateway, SandboxGateway)
    composer = window.composer
    gateway.simulate_offline = True
    type_text(composer, "School is open as normal tomorrow")
    composer.post()
    assert composer.outbox_box.isVisible()
    assert composer.outbox_list.count() == 1
    assert "Waiting to retry" in composer.outbox_list.item(0).text()
    assert "outbox" in composer.message_label.text()
    gateway.simulate_offline = False
    composer.retry_selected()
    assert composer.outbox_list.count() == 0 and not composer.outbox_box.isVisible()
    texts = [p.text for p in gateway.own_posts(200)]
    assert texts.count("School is open as normal tomorrow") == 1


def test_refused_tweet_can_go_back_to_the_editor(window: MainWindow,
                                                 services: DeskServices) -> None:
    composer = window.composer
    services.gateway.post("Book fair on Monday")
    type_text(composer, "Book fair on Monday")
    composer.post()  # X says duplicate: counted as already done
    assert "nothing was posted twice" in composer.message_label.text()
    assert composer.outbox_list.count() == 0


def test_draft_is_saved_as_you_type(qtbot: QtBot, window: MainWindow,
                                    services: DeskServices) -> None:
    type_text(window.composer, "Half-written tweet about the nativity")
    qtbot.waitUntil(lambda: services.drafts.load(PRACTICE_DRAFTS)
                    == "Half-written tweet about the nativity", timeout=3000)


def test_draft_is_restored_in_a_new_window(qtbot: QtBot, services: DeskServices) -> None:
    from stpeters_desk.ui.tasks import SyncTaskRunner

    services.drafts.save(PRACTICE_DRAFTS, "Restored draft ✏️")
    win = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(win)
    assert win.composer.editor.toPlainText() == "Restored draft ✏️"


@pytest.mark.parametrize("runner", ["threaded"])
def test_real_thread_pool_posts_without_blocking(qtbot: QtBot, services: DeskServices,
                                                 runner: str) -> None:
    tasks = TaskRunner()
    win = MainWindow(services, tasks)
    answer_preflight(win.composer)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    win.composer.editor.setPlainText("Posted from a worker thread")
    win.composer.post()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert win.composer.message_label.text() == "Posted."
    assert posted_texts(win.composer)[0] == "Posted from a worker thread"
    tasks.shutdown()


def test_hourly_check_names_followed_accounts(window: MainWindow, services: DeskServices,
                                              db: Database) -> None:
    db.execute("UPDATE sandbox_users SET school_follows = 1 WHERE user_id IN "
               "(SELECT user_id FROM sandbox_users ORDER BY handle LIMIT 1)")
    window.refresh_account()
    window.check_invariants()
    bar = window.account_bar
    assert not bar.warning_label.isHidden()
    assert "@" in bar.warning_label.text()
    assert bar.following_label.text() == "following 1"
    assert any(e.action for e in services.audit.recent(5))


class HeldTaskRunner(SyncTaskRunner):
    """Holds work until the test releases it, as a slow connection would."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[int, Callable[[], Any]]] = []
        self.holding = False

    def _start(self, task_id: int, work: Callable[[], Any]) -> None:
        if self.holding:
            self.held.append((task_id, work))
            return
        super()._start(task_id, work)

    def release(self) -> None:
        held, self.held = self.held, []
        for task_id, work in held:
            super()._start(task_id, work)


def test_the_composer_shows_it_is_posting_until_x_answers(qtbot: QtBot,
                                                          services: DeskServices) -> None:
    tasks = HeldTaskRunner()
    composer = ComposerTab(services, tasks)
    qtbot.addWidget(composer)
    composer.show()
    answer_preflight(composer)
    composer.editor.setPlainText("Class 3 planted sunflowers today.")
    tasks.holding = True
    QTest.mouseClick(composer.post_button, Qt.MouseButton.LeftButton)
    assert composer.post_button.text() == "Posting…"
    assert not composer.post_button.isEnabled()
    assert composer.busy_bar.isVisible()
    assert not composer.retry_button.isEnabled()
    tasks.holding = False
    tasks.release()
    assert composer.post_button.text() == "Post tweet"
    assert not composer.busy_bar.isVisible()
    assert composer.message_label.text() == "Posted."


def test_an_empty_account_says_what_to_do(qtbot: QtBot, services: DeskServices) -> None:
    tasks = HeldTaskRunner()
    composer = ComposerTab(services, tasks)
    qtbot.addWidget(composer)
    tasks.holding = True
    composer.refresh_posts()
    assert composer.posts_list.item(0).text() == "Fetching the account's tweets…"
    assert not composer.posts_list.isEnabled()  # nothing to choose yet
    tasks.holding = False
    tasks.release()
    assert composer.posts_list.count() >= 1
    assert composer.refresh_button.isEnabled()
    assert composer.posts_list.isEnabled()


# -- issue 13: drafts survive anything -----------------------------------------------------

def test_the_draft_is_saved_while_typing_without_a_pause(qtbot: QtBot, window: MainWindow,
                                                        services: DeskServices) -> None:
    """A fast typist never pauses for 0.4 s; the draft must not wait for one."""
    composer = window.composer
    composer.editor.setFocus()
    text = "Our Year 4 choir sang beautifully at the cathedral today, well done all"
    typed_at: list[float] = []
    import time

    start = time.monotonic()
    for char in text:
        QTest.keyClicks(composer.editor, char)
        typed_at.append(time.monotonic() - start)
        qtbot.wait(60)  # about 16 characters a second, never a 0.4 s gap
    saved = services.drafts.load(PRACTICE_DRAFTS)
    # everything typed more than a second ago is in the database already
    older = sum(1 for moment in typed_at if moment < typed_at[-1] - 1.0)
    assert len(saved) >= older > 0
    assert text.startswith(saved)


def fill_the_disk(db: Database) -> None:
    """SQLite's own page limit: every write needing a new page fails as on a full disk."""
    pages = db.query_one("PRAGMA page_count")
    assert pages is not None
    db.query_one(f"PRAGMA max_page_count = {int(pages[0])}")


def free_the_disk(db: Database) -> None:
    db.query_one("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_is_shown_and_the_window_stays_open_until_saved(
        qtbot: QtBot, window: MainWindow, services: DeskServices, db: Database) -> None:
    composer = window.composer
    window.show()
    fill_the_disk(db)
    long_text = "Harvest thanks to every family. " * 800  # needs new pages to store
    composer.editor.setPlainText(long_text)
    qtbot.wait(1300)
    assert "could not be saved" in composer.message_label.text()
    assert composer.message_label.isVisible()
    window.close()  # the final save fails: the window stays and says why
    assert window.isVisible()
    assert composer.editor.toPlainText() == long_text
    free_the_disk(db)
    qtbot.waitUntil(lambda: services.drafts.load(PRACTICE_DRAFTS) == long_text, timeout=5000)
    assert "could not be saved" not in composer.message_label.text()
    window.close()
    assert not window.isVisible()


def test_a_refused_account_is_said_once_in_the_account_bar_and_cleared_when_it_works(
        qtbot: QtBot, window: MainWindow, services: DeskServices) -> None:
    from stpeters_desk.x.errors import CreditsExhausted

    window.show()
    services.outbox.paused_by = CreditsExhausted()
    window.send_due()
    bar = window.account_bar.warning_label
    assert bar.isVisible() and "Tweets are not going out" in bar.text()
    assert "top up" in bar.text()
    services.outbox.paused_by = None
    window.send_due()
    assert "Tweets are not going out" not in bar.text()
