"""One photo pipeline: the Photos tab and ``photos prepare`` make the same file from the
same photo, cover before cropping, and open the same photos from a folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from pytestqt.qtbot import QtBot

from stpeters_desk.core.faces import FaceBox
from stpeters_desk.core.images import SOLID_COLOUR, CropPreset, Rect, open_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_batch import expand_inputs, prepare_photo
from stpeters_desk.core.photo_edit import EditState, Region
from stpeters_desk.core.photo_library import PhotoLibrary
from stpeters_desk.core.photo_pipeline import (
    FaceCheck,
    FacesNotLookedFor,
    expand_photo_inputs,
    export_edit,
)
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.photos_tab import PhotosTab
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway

FACE = FaceBox(250, 140, 90, 110, 0.97)  # where the invented face is drawn
EDGE_FACE = FaceBox(420, 30, 80, 80, 0.95)  # cut by the top edge of a centred 16:9 crop


def class_photo(path: Path) -> Path:
    """An invented scene with a face-like oval where the fake detector says a face is."""
    image = Image.new("RGB", (640, 480), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 320, 640, 480), fill=(80, 160, 70))
    draw.ellipse((FACE.x, FACE.y, FACE.x + FACE.w, FACE.y + FACE.h), fill=(224, 172, 140))
    draw.ellipse((EDGE_FACE.x, EDGE_FACE.y, EDGE_FACE.x + EDGE_FACE.w,
                  EDGE_FACE.y + EDGE_FACE.h), fill=(200, 150, 120))
    image.save(path, "JPEG", quality=92)
    return path


def detector(_image: Image.Image) -> list[FaceBox]:
    return [FACE, EDGE_FACE]


def no_text(_image: Image.Image) -> list[object]:
    return []


@pytest.fixture
def services(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    built = DeskServices.build(db, sandbox, data_dir, signed_in="Test Secretary")
    built.sign_in(StaffMember(3, "Test Secretary", Role.SECRETARY, False, True))
    return built


def test_the_tab_and_the_batch_command_make_the_same_file(
        tmp_path: Path, qtbot: QtBot, services: DeskServices) -> None:
    source = class_photo(tmp_path / "class.jpg")
    library: PhotoLibrary = services.photo_library()
    tab = PhotosTab(services, SyncTaskRunner(), library, detector=detector,
                    text_reader=no_text)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.open_photos([source])
    tab.choose_preset(CropPreset.WIDE)
    tab.prepare()
    stored = library.list_ready()[0]
    assert stored.faces_covered == 2

    (tmp_path / "out").mkdir()
    batch = prepare_photo(source, tmp_path / "out", CropPreset.WIDE, detector=detector,
                          reader=no_text, guard=NameGuard.empty())  # type: ignore[arg-type]
    assert batch.faces == 2
    assert batch.output.read_bytes() == library.data(stored.photo_id)


def test_a_face_cut_by_the_crop_is_covered_because_covering_comes_first(
        tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    source = class_photo(tmp_path / "class.jpg")
    result = prepare_photo(source, tmp_path / "out", CropPreset.WIDE, detector=detector,
                           reader=no_text, guard=NameGuard.empty())  # type: ignore[arg-type]
    with Image.open(result.output) as prepared:
        assert prepared.size == (640, 360)  # rows 60 to 420 of the photo
        pixels = np.asarray(prepared.convert("RGB"), dtype=int)
    left, right = EDGE_FACE.x + 4, EDGE_FACE.x + EDGE_FACE.w - 4
    visible_part = pixels[2:EDGE_FACE.y + EDGE_FACE.h - 60 - 4, left:right]
    assert np.abs(visible_part - np.array(SOLID_COLOUR)).max() <= 8


def test_the_pipeline_refuses_a_photo_whose_faces_were_not_looked_for(tmp_path: Path) -> None:
    photo = open_photo(class_photo(tmp_path / "class.jpg"))
    state = EditState(regions=(Region(Rect(FACE.x, FACE.y, FACE.w, FACE.h)),))
    with pytest.raises(FacesNotLookedFor):
        export_edit(photo, state, FaceCheck.NOT_LOOKED)
    assert export_edit(photo, state, FaceCheck.TURNED_OFF).width == 640


def test_one_folder_helper_for_the_tab_and_the_command(
        tmp_path: Path, qtbot: QtBot, services: DeskServices) -> None:
    folder = tmp_path / "trip"
    folder.mkdir()
    for name in ("b.jpg", "A.jpg", "Thumbs.db", "desktop.ini", ".DS_Store"):
        (folder / name).write_bytes(b"x")
    (folder / "sub").mkdir()
    expected = [folder / "A.jpg", folder / "b.jpg"]
    assert expand_photo_inputs([folder]) == expected == expand_inputs([folder])
    tab = PhotosTab(services, SyncTaskRunner(), services.photo_library(),
                    detector=detector, text_reader=no_text)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.open_photos([folder])
    assert [photo.name for photo in tab.photos] == ["A.jpg", "b.jpg"]
