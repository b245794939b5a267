"""Connecting the real account: keys checked with X (the fake), refused with DM access, kept
only in the keyring, and only with the head-teacher PIN."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import REAL_ACCOUNT_CONNECTED
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.connect_x_dialog import ConnectXDialog
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x import connect
from stpeters_desk.x.credentials import XCredentials, load_credentials
from stpeters_desk.x.models import Account
from stpeters_desk.x.sandbox import SandboxGateway
from tests.integration.conftest import connect as gateway_on_fake
from tests.integration.fake_x_api import FakeXApi
from tests.keyrings import MemoryKeyring

HEAD_PIN = "480516"


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    return DeskServices.for_school(db, sandbox, data_dir)


@pytest.fixture
def head(school: DeskServices) -> StaffMember:
    assert school.staff is not None
    member, _ = school.staff.create_head("Mrs Invented Head", HEAD_PIN)
    school.sign_in(member)
    return member


@pytest.fixture
def checked_on_fake(fake_x: FakeXApi, monkeypatch: pytest.MonkeyPatch) -> FakeXApi:
    """The real tweepy gateway checks the keys, against the local fake X API."""
    def check(credentials: XCredentials) -> Account:
        return gateway_on_fake(credentials, fake_x).account()

    monkeypatch.setattr(connect, "check_credentials", check)
    return fake_x


def paste(dialog: ConnectXDialog, credentials: XCredentials) -> None:
    for field, value in zip(dialog.paste_fields, (
            credentials.api_key, credentials.api_secret, credentials.access_token,
            credentials.access_token_secret), strict=True):
        field.setText(value)
    dialog.save_pasted()


def test_pasted_keys_are_checked_and_kept_in_the_keyring(
        qtbot: QtBot, school: DeskServices, head: StaffMember, credentials: XCredentials,
        checked_on_fake: FakeXApi, memory_keyring: MemoryKeyring, data_dir: Path) -> None:
    dialog = ConnectXDialog(school, SyncTaskRunner(), lambda _action: HEAD_PIN)
    qtbot.addWidget(dialog)
    paste(dialog, credentials)
    assert dialog.connected is not None
    assert "Connected as @" in dialog.message.text()
    assert load_credentials() == credentials
    assert school.settings.get(REAL_ACCOUNT_CONNECTED.key) == "1"
    assert school.audit.recent(1)[0].action == "X account connected"
    school.audit.recent(1)  # the secrets are nowhere in the data folder
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert credentials.access_token_secret.encode() not in path.read_bytes()


def test_keys_with_direct_messages_are_refused(
        qtbot: QtBot, school: DeskServices, head: StaffMember, credentials: XCredentials,
        checked_on_fake: FakeXApi, memory_keyring: MemoryKeyring) -> None:
    checked_on_fake.state.access_level = "read-write-directmessages"
    dialog = ConnectXDialog(school, SyncTaskRunner(), lambda _action: HEAD_PIN)
    qtbot.addWidget(dialog)
    paste(dialog, credentials)
    assert dialog.connected is None
    assert "direct messages" in dialog.message.text()
    assert load_credentials() is None
    assert school.settings.get(REAL_ACCOUNT_CONNECTED.key) is None


def test_wrong_head_pin_stores_nothing(
        qtbot: QtBot, school: DeskServices, head: StaffMember, credentials: XCredentials,
        checked_on_fake: FakeXApi, memory_keyring: MemoryKeyring) -> None:
    dialog = ConnectXDialog(school, SyncTaskRunner(), lambda _action: "999000")
    qtbot.addWidget(dialog)
    paste(dialog, credentials)
    assert dialog.connected is None
    assert load_credentials() is None
    assert dialog.message.text()  # says why
    assert all(field.text() for field in dialog.paste_fields)  # the keys are still there


def test_rejected_keys_say_what_to_do(
        qtbot: QtBot, school: DeskServices, head: StaffMember, credentials: XCredentials,
        checked_on_fake: FakeXApi, memory_keyring: MemoryKeyring) -> None:
    checked_on_fake.fail_next("unauthorized")
    dialog = ConnectXDialog(school, SyncTaskRunner(), lambda _action: HEAD_PIN)
    qtbot.addWidget(dialog)
    paste(dialog, credentials)
    assert "did not accept" in dialog.message.text()
    assert load_credentials() is None
