"""The Moderation tab and the account checks over tweepy, against the local fake X API."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stpeters_desk.core.invariants import DIRECT_MESSAGES, FOLLOWS_SOMEONE, check_account
from stpeters_desk.core.moderation_service import ModerationInbox
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import (
    BLOCK_PENDING,
    BLOCKED,
    HIDDEN,
    ModerationStore,
)
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.moderation import ModerationOps
from stpeters_desk.ops.session import PRACTICE_ACTOR
from stpeters_desk.ui.moderation_tab import ModerationTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.tweepy_gateway import TweepyGateway
from tests.integration.fake_x_api import FakeTweet, FakeUser, FakeXApi

ACTOR = "Test Head"


@pytest.fixture
def services(db: Database, gateway: TweepyGateway, data_dir: Path) -> DeskServices:
    return DeskServices.build(db, gateway, data_dir, signed_in=ACTOR)


@pytest.fixture
def inbox(db: Database, services: DeskServices) -> ModerationInbox:
    return ModerationInbox(ModerationStore(db), services.gateway, services.audit.record)


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def tab(qtbot: QtBot, services: DeskServices, inbox: ModerationInbox, db: Database,
        opened: list[str]) -> ModerationTab:
    ops = ModerationOps(gate_of(services), inbox, ModerationStore(db), services.audit,
                        services.gateway)
    widget = ModerationTab(services, SyncTaskRunner(), ops, opened.append)
    qtbot.addWidget(widget)
    widget.resize(1400, 1000)
    widget.show()
    return widget


def rude_reply(fake_x: FakeXApi) -> FakeTweet:
    author = fake_x.state.add_user(FakeUser(
        id="800077", username="grudge_gary_fake", name="Gary Invented",
        description="Invented account with a grudge.", location="Elsewhere"))
    return fake_x.state.add_mention(
        author, "@StPetersDeskDemo What a load of s**t, this school is a joke",
        fake_x.state.timeline[0])


def click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_hide_from_the_tab_hides_the_reply_on_x(
        tab: ModerationTab, fake_x: FakeXApi, inbox: ModerationInbox,
        services: DeskServices) -> None:
    reply = rude_reply(fake_x)
    click(tab.refresh_button)
    assert tab.select(reply.id)
    suggestion = tab.model.index(tab.model.row_of(reply.id), 0).data()
    assert suggestion.split("\n")[0] == "Hide suggested"  # the reasons are under it
    tab.reason_box.setEditText("Offensive language")

    click(tab.hide_button)

    assert reply.id in fake_x.state.hidden
    bodies = [r.body for r in fake_x.requests_to("PUT", f"/2/tweets/{reply.id}/hidden")]
    assert bodies == [{"hidden": True}]
    assert inbox.get(reply.id).status == HIDDEN
    entry = services.audit.recent(1)[0]
    # No staff accounts here: the session's practice actor decides (ops.session).
    assert (entry.actor, entry.action) == (PRACTICE_ACTOR, "hide reply")
    assert entry.reason == "Offensive language"  # why a person decided: its own column
    assert "Reply hidden" in tab.message.text()


def test_x_refusing_to_hide_is_explained_and_nothing_is_recorded(
        tab: ModerationTab, fake_x: FakeXApi, inbox: ModerationInbox,
        services: DeskServices) -> None:
    reply = rude_reply(fake_x)
    click(tab.refresh_button)
    assert tab.select(reply.id)
    tab.reason_box.setEditText("Offensive language")
    fake_x.fail_next("rate_limited")

    click(tab.hide_button)

    assert reply.id not in fake_x.state.hidden
    assert inbox.get(reply.id).status != HIDDEN
    assert "slow down" in tab.message.text()
    assert all(entry.action != "hide reply" for entry in services.audit.recent())


def test_block_opens_x_com_and_waits_for_the_blocked_list(
        tab: ModerationTab, fake_x: FakeXApi, inbox: ModerationInbox,
        opened: list[str]) -> None:
    reply = rude_reply(fake_x)
    click(tab.refresh_button)
    assert tab.select(reply.id)
    tab.reason_box.setEditText("Undermines the school or its staff")

    click(tab.block_button)

    assert opened == ["https://x.com/grudge_gary_fake"]
    panel = tab.handoff_panel
    assert panel.isVisible() and not panel.practice_button.isVisible()
    assert inbox.get(reply.id).status == BLOCK_PENDING
    click(panel.open_again_button)
    assert opened[-1] == "https://x.com/grudge_gary_fake"

    fake_x.state.blocked.append(reply.author_id)  # the head blocked them on x.com
    click(panel.check_button)

    assert inbox.get(reply.id).status == BLOCKED


def test_account_checks_read_the_following_list_and_the_access_level(
        gateway: TweepyGateway, fake_x: FakeXApi) -> None:
    assert check_account(gateway) == []

    followed = fake_x.state.add_user(FakeUser(id="800099", username="pizza_deals_fake",
                                              name="Pizza Deals"))
    fake_x.state.following.append(followed.id)
    fake_x.state.me.following_count = 1
    fake_x.state.access_level = "read-write-directmessages"

    problems = check_account(gateway)

    assert [p.code for p in problems] == [FOLLOWS_SOMEONE, DIRECT_MESSAGES]
    assert problems[0].accounts == ("pizza_deals_fake",)
    assert "@pizza_deals_fake" in problems[0].message
    assert "read-write-directmessages" in problems[1].message
