"""The composer's photo picker: only checked photos, never more than a tweet can carry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.images import PhotoMetadata, export_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_library import PhotoLibrary
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.photo_picker import PhotoPickerDialog
from stpeters_desk.x.sandbox import SandboxGateway

LOOKED = FaceCheck.LOOKED

TEACHER = "Mr Invented Teacher"


@pytest.fixture
def library(db: Database, data_dir: Path, sandbox: SandboxGateway) -> PhotoLibrary:
    services = DeskServices.build(db, sandbox, data_dir)
    guard = NameGuard.from_names(["Olivia Smith"])
    return PhotoLibrary(db, services.audit.record, name_guard=lambda: guard)


def add_photo(library: PhotoLibrary, label: str, alt_text: str = "", faces: bool = True,
              consent: bool = True, shade: int = 0) -> int:
    image = Image.new("RGB", (240, 160), (60 + shade, 140, 200))
    ImageDraw.Draw(image).rectangle((40, 40, 120, 120), fill=(250, 200, 40))
    photo = library.add(export_photo(image, PhotoMetadata()), label=label,
                        faces=LOOKED, prepared_by=TEACHER,
                        text_checked=True)
    if alt_text:
        library.set_alt_text(photo.photo_id, alt_text, TEACHER)
    if faces:
        library.confirm_faces(photo.photo_id, TEACHER)
    if consent:
        library.confirm_consent(photo.photo_id, TEACHER)
    return photo.photo_id


def picker(qtbot: QtBot, library: PhotoLibrary, already_attached: int = 0) -> PhotoPickerDialog:
    dialog = PhotoPickerDialog(library, None, already_attached=already_attached)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def tick(dialog: PhotoPickerDialog, row: int) -> None:
    """Choose a row and press Space, as someone using the keyboard would."""
    dialog.photo_list.setFocus()
    dialog.photo_list.setCurrentRow(row)
    QTest.keyClick(dialog.photo_list, Qt.Key.Key_Space)


def test_only_described_and_confirmed_photos_are_offered(qtbot: QtBot,
                                                         library: PhotoLibrary) -> None:
    ready = add_photo(library, "relay.jpg", "Year 5 passing the baton in the relay")
    add_photo(library, "no-description.jpg")
    add_photo(library, "faces-unchecked.jpg", "Class 1 painting", faces=False)
    add_photo(library, "no-consent.jpg", "Class 2 at the farm", consent=False)
    dialog = picker(qtbot, library)
    assert dialog.photo_list.count() == 1
    item = dialog.photo_list.item(0)
    assert int(item.data(id_role())) == ready
    assert item.text().startswith("Year 5 passing the baton in the relay\nrelay.jpg")
    assert f"faces checked by {TEACHER}" in item.text()
    assert not item.icon().isNull()
    assert item.toolTip() == "Year 5 passing the baton in the relay"


def test_ticking_photos_returns_their_ids(qtbot: QtBot, library: PhotoLibrary) -> None:
    first = add_photo(library, "one.jpg", "A rainbow over the playground")
    second = add_photo(library, "two.jpg", "Sunflowers grown by Class 3", shade=40)
    dialog = picker(qtbot, library)
    assert not dialog.attach_button.isEnabled()
    assert dialog.count_label.text() == "0 of 4 photos chosen."
    tick(dialog, 0)
    tick(dialog, 1)
    assert dialog.chosen_ids() == [second, first]  # newest first, as listed
    assert dialog.count_label.text() == "2 of 4 photos chosen."
    tick(dialog, 0)
    assert dialog.chosen_ids() == [first]
    QTest.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PhotoPickerDialog.DialogCode.Accepted


def test_the_only_photo_ready_comes_ticked(qtbot: QtBot, library: PhotoLibrary) -> None:
    only = add_photo(library, "one.jpg", "A rainbow over the playground")
    dialog = picker(qtbot, library)
    assert dialog.chosen_ids() == [only] and dialog.attach_button.isEnabled()
    assert dialog.count_label.text() == "1 of 4 photos chosen."


def test_no_more_than_four_photos_in_all(qtbot: QtBot, library: PhotoLibrary) -> None:
    for number in range(4):
        add_photo(library, f"p{number}.jpg", f"Sports day photo {number}", shade=number * 20)
    dialog = picker(qtbot, library, already_attached=2)
    assert dialog.room == 2
    assert "Tick up to 2 photos" in dialog.intro.text()
    for row in range(3):
        tick(dialog, row)
    assert len(dialog.chosen_ids()) == 2
    assert dialog.photo_list.item(2).checkState() == Qt.CheckState.Unchecked
    assert "at most 4 photos" in dialog.count_label.text()
    assert dialog.count_label.property("state") == "error"
    assert dialog.attach_button.isEnabled()


def test_a_full_tweet_takes_no_more(qtbot: QtBot, library: PhotoLibrary) -> None:
    add_photo(library, "p.jpg", "The school garden")
    dialog = picker(qtbot, library, already_attached=4)
    assert "already has 4 photos" in dialog.intro.text()
    assert not dialog.photo_list.isEnabled() and not dialog.attach_button.isEnabled()


def test_the_empty_state_says_where_to_get_photos_ready(qtbot: QtBot,
                                                        library: PhotoLibrary) -> None:
    add_photo(library, "unchecked.jpg", "Class 6 on the residential trip", faces=False)
    dialog = picker(qtbot, library)
    assert "No photos are ready to attach" in dialog.intro.text()
    assert "Photos tab" in dialog.intro.text()
    assert not dialog.photo_list.isVisible() and not dialog.attach_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == PhotoPickerDialog.DialogCode.Rejected
    assert dialog.chosen_ids() == []
