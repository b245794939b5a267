"""Issue 12: a draft belongs to the person who typed it, on the computer where they typed it.

Two members of staff share one office computer. Neither ever sees the other's draft
or photo selection, and what one left half-done survives the other's session and an
idle lock of the kiosk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.images import export_photo
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.drafts import DraftOwner
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.conftest import answer_preflight

HEAD_PIN = "480516"
SECRETARY_PIN = "731902"
HEAD = "Mrs Invented Head"
SECRETARY = "Mr Madeup Secretary"
SECRETARYS_DRAFT = "Congratulations to our invented pupil on"
HEADS_DRAFT = "A message from the head: the school is"


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path,
           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[DeskServices]:
    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "config"))
    services = DeskServices.for_school(db, sandbox, data_dir)
    assert services.staff is not None and services.devices is not None
    head, _code = services.staff.create_head(HEAD, HEAD_PIN)
    services.staff.add_member(SECRETARY, Role.SECRETARY, SECRETARY_PIN, by=head,
                              head_pin=HEAD_PIN)
    services.devices.register(services.device, by=head, head_pin=HEAD_PIN)
    yield services


@pytest.fixture
def kiosk(qtbot: QtBot, school: DeskServices) -> Iterator[MainWindow]:
    window = MainWindow(school, SyncTaskRunner(), kiosk=True,
                        head_pin_asker=lambda _action: HEAD_PIN)
    answer_preflight(window.composer)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.allow_close()


def sign_in(window: MainWindow, name: str, pin: str) -> None:
    panel = window.sign_in_panel
    assert panel is not None
    assert window.pages.currentWidget() is panel
    for row in range(panel.people.count()):
        if panel.people.item(row).text().startswith(name):
            panel.people.setCurrentRow(row)
    for digit in pin:
        panel.pin_pad.press(digit)
    QTest.mouseClick(panel.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0, f"{name} could not sign in"
    assert school_member(window).name == name


def school_member(window: MainWindow) -> StaffMember:
    member = window._services.member
    assert member is not None
    return member


def type_into_composer(window: MainWindow, text: str) -> None:
    window.composer.editor.setFocus()
    QTest.keyClicks(window.composer.editor, text)


def lock_by_hand(window: MainWindow) -> None:
    QTest.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.sign_in_panel


def lock_when_idle(qtbot: QtBot, window: MainWindow) -> None:
    """Nobody touches the kiosk: its idle watcher locks it."""
    assert window.idle_watcher is not None
    window.idle_watcher.timer.setInterval(50)
    window.idle_watcher.timer.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.sign_in_panel, timeout=3000)


def attached(window: MainWindow) -> list[int]:
    return list(window.composer._photo_ids)


def prepared_photo(school: DeskServices) -> int:
    library = school.photo_library()
    photo = library.add(export_photo(Image.new("RGB", (64, 36), (30, 160, 60))),
                        label="sports day", prepared_by=SECRETARY,
                        alt_text="Class 3 running the relay", text_checked=True,
                        faces=FaceCheck.LOOKED)
    library.confirm_faces(photo.photo_id, SECRETARY)
    library.confirm_consent(photo.photo_id, SECRETARY)
    return photo.photo_id


def test_two_people_on_one_computer_never_see_each_others_draft(
        qtbot: QtBot, school: DeskServices, kiosk: MainWindow) -> None:
    photo_id = prepared_photo(school)

    # The secretary starts a tweet, attaches a photo, and locks the computer.
    sign_in(kiosk, SECRETARY, SECRETARY_PIN)
    assert kiosk.composer.editor.toPlainText() == ""
    type_into_composer(kiosk, SECRETARYS_DRAFT)
    kiosk.composer.attach_photos([photo_id])
    lock_by_hand(kiosk)
    assert kiosk.composer.editor.toPlainText() == ""  # nothing left behind the sign-in screen
    assert attached(kiosk) == []

    # The head signs in: an empty composer, not the secretary's words or photo.
    sign_in(kiosk, HEAD, HEAD_PIN)
    assert kiosk.composer.editor.toPlainText() == ""
    assert attached(kiosk) == [] and kiosk.composer.photos_list.count() == 0
    type_into_composer(kiosk, HEADS_DRAFT)
    assert kiosk.composer.editor.toPlainText() == HEADS_DRAFT  # not appended to anyone's
    lock_when_idle(qtbot, kiosk)
    assert kiosk.composer.editor.toPlainText() == ""

    # The secretary comes back: her own draft and photo, as she left them.
    sign_in(kiosk, SECRETARY, SECRETARY_PIN)
    assert kiosk.composer.editor.toPlainText() == SECRETARYS_DRAFT
    assert attached(kiosk) == [photo_id] and kiosk.composer.photos_list.count() == 1
    lock_when_idle(qtbot, kiosk)

    # The head's draft survived the secretary's session and two idle locks.
    sign_in(kiosk, HEAD, HEAD_PIN)
    assert kiosk.composer.editor.toPlainText() == HEADS_DRAFT
    assert attached(kiosk) == []


def test_a_draft_survives_closing_the_app_and_comes_back_only_to_its_writer(
        qtbot: QtBot, school: DeskServices, kiosk: MainWindow) -> None:
    sign_in(kiosk, SECRETARY, SECRETARY_PIN)
    type_into_composer(kiosk, SECRETARYS_DRAFT)
    assert kiosk.save_work()
    kiosk.allow_close()
    kiosk.close()
    school.member = None  # the app starts again, locked
    second = MainWindow(school, SyncTaskRunner(), head_pin_asker=lambda _action: HEAD_PIN)
    second.allow_close()
    qtbot.addWidget(second)
    second.show()
    sign_in(second, HEAD, HEAD_PIN)
    assert second.composer.editor.toPlainText() == ""
    lock_by_hand(second)
    sign_in(second, SECRETARY, SECRETARY_PIN)
    assert second.composer.editor.toPlainText() == SECRETARYS_DRAFT


def test_a_draft_that_cannot_be_saved_at_a_lock_goes_back_only_to_its_writer(
        qtbot: QtBot, school: DeskServices, kiosk: MainWindow, db: Database) -> None:
    from tests.gui.test_composer import fill_the_disk, free_the_disk

    sign_in(kiosk, SECRETARY, SECRETARY_PIN)
    long_text = "Harvest thanks to every family. " * 800  # needs new pages to store
    fill_the_disk(db)
    kiosk.composer.editor.setPlainText(long_text)
    assert school.device is not None
    secretary = DraftOwner(school_member(kiosk).staff_id, school.device.label)
    lock_by_hand(kiosk)  # the save fails: the text is held, not left on screen
    assert kiosk.composer.editor.toPlainText() == ""
    assert school.drafts.load(secretary) == ""  # it really was not saved
    free_the_disk(db)
    sign_in(kiosk, HEAD, HEAD_PIN)
    assert kiosk.composer.editor.toPlainText() == ""
    lock_by_hand(kiosk)
    sign_in(kiosk, SECRETARY, SECRETARY_PIN)
    assert kiosk.composer.editor.toPlainText() == long_text
    lock_by_hand(kiosk)  # saved now: it comes back from the database too
    sign_in(kiosk, SECRETARY, SECRETARY_PIN)
    assert kiosk.composer.editor.toPlainText() == long_text
