"""The outbox and the Compose tab over the real tweepy gateway and the fake X API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.outbox_store import POSTED, WAITING, OutboxStore
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.tweepy_gateway import TweepyGateway
from tests.gui.conftest import answer_preflight
from tests.integration.fake_x_api import FakeXApi


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def timeline_texts(fake_x: FakeXApi) -> list[str]:
    return [tweet.text for tweet in fake_x.state.timeline]


def test_offline_post_reaches_x_once_when_the_network_returns(
        db: Database, gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    clock = Clock()
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Parents' evening booking opens today")
    fake_x.fail_next("drop", times=2)  # the post, then the check before the retry
    first = outbox.send(item.item_id, gateway)
    assert first is not None and first.status == WAITING
    clock.now += timedelta(minutes=1)
    assert [r.status for r in outbox.send_due(gateway)] == [WAITING]  # still no network
    clock.now += timedelta(minutes=5)
    assert [r.status for r in outbox.send_due(gateway)] == [POSTED]
    assert timeline_texts(fake_x).count("Parents' evening booking opens today") == 1


def test_lost_answer_does_not_post_twice(db: Database, gateway: TweepyGateway,
                                         fake_x: FakeXApi) -> None:
    clock = Clock()
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Christmas fair on Saturday, 11am to 2pm")
    fake_x.fail_next("accepted_then_dropped")
    assert outbox.send(item.item_id, gateway).status == WAITING  # type: ignore[union-attr]
    assert timeline_texts(fake_x).count(item.text) == 1  # X did post it
    clock.now += timedelta(minutes=1)
    result = outbox.send_due(gateway)[0]
    assert result.status == POSTED and result.already_on_x
    assert len(fake_x.requests_to("POST", "/2/tweets")) == 1
    assert timeline_texts(fake_x).count(item.text) == 1


def test_rate_limit_waits_for_xs_reset_time(db: Database, gateway: TweepyGateway,
                                            fake_x: FakeXApi) -> None:
    clock = Clock()
    reset = int((clock.now + timedelta(minutes=14)).timestamp())
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Flu vaccinations for Reception to Year 6 on Tuesday")
    fake_x.fail_next("rate_limited", reset=reset)
    outbox.send(item.item_id, gateway)
    waiting = outbox.open_items()[0]
    assert waiting.next_attempt_at is not None
    assert int(datetime.fromisoformat(waiting.next_attempt_at).timestamp()) == reset
    clock.now += timedelta(minutes=10)
    assert outbox.send_due(gateway) == []  # X said to wait; the outbox waits
    clock.now += timedelta(minutes=5)
    assert [r.status for r in outbox.send_due(gateway)] == [POSTED]


def test_post_see_delete_through_the_ui_on_the_real_gateway(
        qtbot: QtBot, db: Database, gateway: TweepyGateway, fake_x: FakeXApi,
        data_dir: Path) -> None:
    services = DeskServices.build(db, gateway, data_dir, signed_in="Test Teacher")
    window = MainWindow(services, SyncTaskRunner())
    answer_preflight(window.composer)
    qtbot.addWidget(window)
    window.show()
    assert window.account_bar.mode_label.text() == "Real X account"
    assert window.account_bar.following_label.text() == "following 0"
    composer = window.composer
    QTest.keyClicks(composer.editor, "Class 6 won the quiz at the village hall")
    QTest.mouseClick(composer.post_button, Qt.MouseButton.LeftButton)
    assert composer.message_label.text() == "Posted."
    assert "Class 6 won the quiz at the village hall" in timeline_texts(fake_x)
    assert composer.posts_list.item(0).text().startswith("Class 6 won the quiz")
    composer.posts_list.setCurrentRow(0)
    composer.confirm_delete = lambda _text: True  # type: ignore[method-assign]
    composer.delete_selected()
    assert "Class 6 won the quiz at the village hall" not in timeline_texts(fake_x)
    assert not composer.posts_list.item(0).text().startswith("Class 6 won the quiz")


def test_credentials_rejected_keeps_the_tweet_and_says_what_to_do(
        qtbot: QtBot, db: Database, gateway: TweepyGateway, fake_x: FakeXApi,
        data_dir: Path) -> None:
    services = DeskServices.build(db, gateway, data_dir)
    window = MainWindow(services, SyncTaskRunner())
    answer_preflight(window.composer)
    qtbot.addWidget(window)
    composer = window.composer
    composer.editor.setPlainText("Harvest festival thank you")
    fake_x.fail_next("unauthorized")
    composer.post()
    assert "did not accept" in composer.message_label.text()
    assert "head teacher" in composer.message_label.text()
    assert [i.text for i in services.outbox.open_items()] == ["Harvest festival thank you"]
    assert composer.outbox_list.count() == 1


def test_posts_carry_the_schools_reply_setting(db: Database, gateway: TweepyGateway,
                                               fake_x: FakeXApi, data_dir: Path) -> None:
    from stpeters_desk.core.storage.settings import REPLY_SETTINGS

    services = DeskServices.build(db, gateway, data_dir)
    first = services.outbox.add("Replies are off by default")
    services.outbox.send(first.item_id, gateway)
    assert fake_x.state.timeline[0].reply_settings == "mentionedUsers"
    services.settings.set(REPLY_SETTINGS, "everyone")
    second = services.outbox.add("Anyone may reply to this one")
    services.outbox.send(second.item_id, gateway)
    assert fake_x.state.timeline[0].reply_settings == "everyone"
