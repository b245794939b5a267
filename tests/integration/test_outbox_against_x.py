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
    window.show()  # the window reads the account once it is on screen
    qtbot.waitUntil(lambda: window.account_bar.mode_label.text() == "Real X account")
    assert window.account_bar.following_label.text() == "following 0"
    composer = window.composer
    QTest.keyClicks(composer.editor, "Class 6 won the quiz at the village hall")
    QTest.mouseClick(composer.post_button, Qt.MouseButton.LeftButton)
    assert composer.message_label.text() == "Posted."
    assert "Class 6 won the quiz at the village hall" in timeline_texts(fake_x)
    assert composer.posts_list.item(0).text().startswith("Class 6 won the quiz")
    composer.posts_list.setCurrentRow(0)
    composer.confirm_delete = lambda _text: "posted by mistake"  # type: ignore[method-assign]
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
    from stpeters_desk.core.settings_registry import REPLY_SETTING

    services = DeskServices.build(db, gateway, data_dir)
    first = services.outbox.add("Replies are off by default")
    services.outbox.send(first.item_id, gateway)
    assert fake_x.state.timeline[0].reply_settings == "mentionedUsers"
    services.settings.set(REPLY_SETTING.key, "everyone")
    second = services.outbox.add("Anyone may reply to this one")
    services.outbox.send(second.item_id, gateway)
    assert fake_x.state.timeline[0].reply_settings == "everyone"


# -- issue 13: exactly once, with X's answers as they really are --------------------------

def posts_sent(fake_x: FakeXApi) -> int:
    return len(fake_x.requests_to("POST", "/2/tweets"))


def lose_the_answer_then_retry(db: Database, gateway: TweepyGateway, fake_x: FakeXApi,
                               text: str, clock: Clock | None = None) -> object:
    clock = clock or Clock()
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add(text)
    fake_x.fail_next("accepted_then_dropped")
    assert outbox.send(item.item_id, gateway).status == WAITING  # type: ignore[union-attr]
    clock.now += timedelta(minutes=3)
    [result] = outbox.send_due(gateway)
    return result


def test_text_x_returns_html_escaped_is_recognised(db: Database, gateway: TweepyGateway,
                                                    fake_x: FakeXApi) -> None:
    result = lose_the_answer_then_retry(db, gateway, fake_x,
                                        "Fish & chips lunch: Year 1 > Year 2 at <3 minutes")
    assert result.status == POSTED and result.already_on_x  # type: ignore[attr-defined]
    assert posts_sent(fake_x) == 1


def test_text_x_normalises_to_nfc_is_recognised(db: Database, gateway: TweepyGateway,
                                                fake_x: FakeXApi) -> None:
    decomposed = "Cafe\u0301 morning for Ysgol parents, cro\u0302t to share"
    result = lose_the_answer_then_retry(db, gateway, fake_x, decomposed)
    assert result.status == POSTED and result.already_on_x  # type: ignore[attr-defined]
    assert posts_sent(fake_x) == 1


def test_a_tweet_with_links_and_a_photo_is_recognised(db: Database, gateway: TweepyGateway,
                                                      fake_x: FakeXApi) -> None:
    from stpeters_desk.x.models import PhotoUpload
    from tests.integration.test_tweepy_gateway import JPEG

    clock = Clock()
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Menu at stpeters.example.sch.uk/menu and https://example.org/a?b=1",
                      [PhotoUpload(JPEG, "image/jpeg", "Lunch hall")])
    # the photo and its alt text go up; the answer to the post itself is lost
    fake_x.fail_next("accepted_then_dropped", only=("POST", "/2/tweets"))
    assert outbox.send(item.item_id, gateway).status == WAITING  # type: ignore[union-attr]
    clock.now += timedelta(minutes=3)
    [result] = outbox.send_due(gateway)
    assert result.status == POSTED and result.already_on_x
    assert posts_sent(fake_x) == 1


def test_xs_clock_behind_the_pcs_does_not_post_twice(db: Database, gateway: TweepyGateway,
                                                     fake_x: FakeXApi) -> None:
    fake_x.state.clock_behind_seconds = 4 * 60
    result = lose_the_answer_then_retry(db, gateway, fake_x, "Carols round the tree at 3pm")
    assert result.status == POSTED and result.already_on_x  # type: ignore[attr-defined]
    assert posts_sent(fake_x) == 1


def test_a_retry_before_the_post_shows_in_the_timeline_waits(
        db: Database, gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    clock = Clock()
    outbox = Outbox(OutboxStore(db), gateway.kind, clock=clock)
    item = outbox.add("Nativity tickets on sale from Monday")
    fake_x.state.list_new_posts = False  # X's timeline lags behind its posting
    fake_x.fail_next("accepted_then_dropped")
    outbox.send(item.item_id, gateway)
    clock.now += timedelta(seconds=40)
    assert [r.status for r in outbox.send_due(gateway)] in ([], [WAITING])
    assert posts_sent(fake_x) == 1
    fake_x.state.unlisted.clear()
    clock.now += timedelta(minutes=10)
    [result] = outbox.send_due(gateway)
    assert result.status == POSTED and result.already_on_x
    assert posts_sent(fake_x) == 1


def test_a_duplicate_refusal_on_the_first_try_is_not_called_posted(
        db: Database, gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    from stpeters_desk.core.storage.outbox_store import NEEDS_ATTENTION
    from tests.integration.fake_x_api import FakeTweet, x_time

    last_week = x_time(datetime.now(UTC) - timedelta(days=7))
    fake_x.state.timeline.insert(0, FakeTweet(
        id=fake_x.state.next_id(), text="Happy Friday everyone!", author_id=fake_x.state.me.id,
        created_at=last_week, conversation_id="1"))
    outbox = Outbox(OutboxStore(db), gateway.kind)
    item = outbox.add("Happy Friday everyone!")
    result = outbox.send(item.item_id, gateway)
    assert result is not None and result.status == NEEDS_ATTENTION
    assert result.posted_id is None


def test_the_gateway_gives_real_text(gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    posted = gateway.post("Tom & Jerry <matinee> at stpeters.example.sch.uk/films")
    assert posted.text == "Tom & Jerry <matinee> at stpeters.example.sch.uk/films"
    [latest, *_] = gateway.own_posts(5)
    assert latest.text == "Tom & Jerry <matinee> at http://stpeters.example.sch.uk/films"
    follower = fake_x.state.user(fake_x.state.followers[0])
    assert follower is not None
    follower.description = "Mum & dad <3 St Peter's"
    assert gateway.followers().items[0].bio == "Mum & dad <3 St Peter's"
