"""Attaching prepared photos to a tweet: only checked photos go, with their descriptions."""

from __future__ import annotations

from PIL import Image
from pytestqt.qtbot import QtBot

from stpeters_desk.core.images import export_photo
from stpeters_desk.core.photo_library import PhotoLibrary
from stpeters_desk.core.photo_rules import FaceCheck
from stpeters_desk.core.preflight import PreflightReport
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.conftest import answer_preflight

LOOKED = FaceCheck.LOOKED


def prepared(library: PhotoLibrary, label: str, checked: bool = True) -> int:
    exported = export_photo(Image.new("RGB", (640, 360), (40, 120, 200)))
    photo = library.add(exported, label=label, faces=LOOKED, prepared_by="Test Secretary",
                        alt_text=f"Class 3's {label} display", text_checked=True)
    if checked:
        library.confirm_faces(photo.photo_id, "Test Secretary")
        library.confirm_consent(photo.photo_id, "Test Secretary")
    return photo.photo_id


def test_a_checked_photo_goes_out_with_its_description(
        qtbot: QtBot, services: DeskServices) -> None:
    window = MainWindow(services, SyncTaskRunner())
    seen: list[PreflightReport] = []
    answer_preflight(window.composer, seen)
    qtbot.addWidget(window)
    library = services.photo_library()
    photo_id = prepared(library, "sunflowers")
    composer = window.composer
    composer.attach_photos([photo_id])
    assert composer.photos_list.count() == 1
    composer.editor.setPlainText("Our sunflowers are taller than Mr Invented!")
    composer.post()
    assert composer.message_label.text() == "Posted."
    assert seen[0].check("photo_safety").status == "pass"
    gateway = services.gateway
    assert isinstance(gateway, SandboxGateway)
    post = gateway.own_posts(1)[0]
    assert post.media_count == 1
    assert gateway.photo_alt_texts(post.post_id) == ["Class 3's sunflowers display"]
    assert composer.photos_list.count() == 0
    assert library.get(photo_id).used_in.startswith("outbox")


def test_attached_photos_survive_a_restart(qtbot: QtBot, services: DeskServices) -> None:
    library = services.photo_library()
    photo_id = prepared(library, "harvest")
    first = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(first)
    first.composer.attach_photos([photo_id])
    second = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(second)
    assert second.composer.photos_list.count() == 1


def test_an_unchecked_photo_blocks_the_tweet(qtbot: QtBot, services: DeskServices) -> None:
    window = MainWindow(services, SyncTaskRunner())
    seen: list[PreflightReport] = []
    answer_preflight(window.composer, seen)
    qtbot.addWidget(window)
    library = services.photo_library()
    photo_id = prepared(library, "sports day", checked=False)
    composer = window.composer
    composer.attach_photos([photo_id])
    composer.editor.setPlainText("Sports day in pictures")
    composer.post()
    assert not seen[0].can_post
    assert "Not posted" in composer.message_label.text()
    assert all(p.text != "Sports day in pictures" for p in services.gateway.own_posts(50))
    assert composer.photos_list.count() == 1  # nothing lost
