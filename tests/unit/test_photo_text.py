"""Reading names written in photos: invented names drawn on invented classroom scenes."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from benchmarks.text_scenes import (
    ROSTER,
    TextPhoto,
    font,
    fonts_available,
    name_scene,
    ordinary_scene,
)
from stpeters_desk.core import photo_text
from stpeters_desk.core.images import Rect, cover_regions
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_text import (
    TextItem,
    TextReaderUnavailable,
    check_photo_text,
    find_text,
    uncovered_names,
)

pytestmark = pytest.mark.skipif(not fonts_available(), reason="needs fonts-dejavu-core")


@pytest.fixture(scope="module")
def guard() -> NameGuard:
    return NameGuard.from_names(ROSTER)


def overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """How much of b lies inside a."""
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if right <= left or bottom <= top:
        return 0.0
    return (right - left) * (bottom - top) / (b[2] * b[3])


def words_read(items: list[TextItem]) -> list[str]:
    return [word for item in items for word in item.text.replace(":", " ").split()]


# Different carriers, fonts, sizes and angles (see each scene's WrittenName).
SCENES = [name_scene(seed) for seed in (0, 2, 3, 4, 6, 9)]


@pytest.mark.parametrize("scene", SCENES, ids=lambda scene: scene.label)
def test_a_name_written_in_the_photo_is_read_where_it_is(scene: TextPhoto) -> None:
    items = find_text(scene.image)
    written = scene.names[0]
    assert written.name in words_read(items)
    item = next(item for item in items if written.name in item.text)
    assert overlap(written.box, item.box) > 0.3  # the box lies on the card that carries it
    assert all(v >= 0 for v in item.box) and item.box[0] + item.box[2] <= scene.image.width


def test_the_scenes_cover_carriers_sizes_and_angles() -> None:
    carriers = {scene.names[0].carrier for scene in SCENES}
    assert carriers == {"badge", "book", "whiteboard", "peg", "certificate"}
    heights = [scene.names[0].height for scene in SCENES]
    angles = [abs(scene.names[0].angle) for scene in SCENES]
    assert min(heights) < 60 < max(heights) and max(angles) > 10


def test_a_pupils_name_in_the_photo_must_be_covered(guard: NameGuard) -> None:
    scene = name_scene(4, names=3)
    found = check_photo_text(find_text(scene.image), guard)
    expected = {written.name for written in scene.names}
    assert {name.item.text.split()[-1] for name in found.to_cover} >= expected
    assert uncovered_names(found.to_cover, []) == list(found.to_cover)
    # Other text (the school's signs) is listed to look at, not blocked.
    assert any(text in [item.text for item in found.to_look_at] for text in scene.other_text)


def test_covering_the_boxes_hides_the_names(guard: NameGuard) -> None:
    scene = name_scene(2, names=2)
    found = check_photo_text(find_text(scene.image), guard)
    regions = [name.item.rect for name in found.to_cover]
    assert regions and uncovered_names(found.to_cover, regions) == []
    covered = cover_regions(scene.image, regions)
    again = check_photo_text(find_text(covered), guard)
    assert again.to_cover == ()


def test_a_partly_covered_name_still_counts_as_uncovered(guard: NameGuard) -> None:
    item = TextItem("Olivia", (100, 100, 200, 50))
    name = check_photo_text([item], guard).to_cover
    assert uncovered_names(name, [Rect(100, 100, 100, 50)]) == list(name)
    halves = [Rect(90, 90, 110, 70), Rect(200, 95, 110, 60)]
    assert uncovered_names(name, halves) == []


def test_ordinary_school_text_blocks_nothing(guard: NameGuard) -> None:
    for seed in range(3):
        scene = ordinary_scene(seed)
        found = check_photo_text(find_text(scene.image), guard)
        assert found.to_cover == ()
        read = " ".join(item.text for item in found.items)
        assert sum(text in read for text in scene.other_text) >= len(scene.other_text) - 1


def test_a_photo_with_no_text_reads_nothing() -> None:
    rng = np.random.default_rng(5)
    noise = rng.integers(90, 110, (600, 800, 3), dtype=np.uint8)
    assert find_text(Image.fromarray(noise)) == []


def test_rgba_and_grey_photos_are_read_too() -> None:
    image = Image.new("L", (900, 300), 235)
    ImageDraw.Draw(image).text((60, 90), "Harriet", font=font("DejaVuSans.ttf", 110), fill=20)
    assert "Harriet" in words_read(find_text(image))
    assert "Harriet" in words_read(find_text(image.convert("RGBA")))


def test_names_already_in_the_guard_are_found_in_read_lines(guard: NameGuard) -> None:
    lines = [TextItem("Name: Theodore", (0, 0, 10, 10)), TextItem("Maths", (0, 20, 10, 10))]
    found = check_photo_text(lines, guard)
    assert [name.item.text for name in found.to_cover] == ["Name: Theodore"]
    assert [item.text for item in found.to_look_at] == ["Maths"]


@pytest.mark.skipif(not hasattr(NameGuard, "check_read_text"),
                    reason="the guard's OCR tolerance is not on this branch yet")
def test_a_near_miss_reading_of_a_name_is_caught(guard: NameGuard) -> None:
    found = check_photo_text([TextItem("Olivla", (0, 0, 10, 10))], guard)
    assert len(found.to_cover) == 1


def test_missing_models_refuse_rather_than_fetch(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: object) -> None:
    from pathlib import Path

    monkeypatch.setattr(photo_text, "_engine", None)
    monkeypatch.setattr(photo_text, "model_files",
                        lambda: [Path(str(tmp_path)) / "gone.onnx"] * 3)
    with pytest.raises(TextReaderUnavailable, match="Reinstall"):
        find_text(Image.new("RGB", (200, 100), "white"))


def test_the_reader_never_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidocr.utils import download_file

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the text reader tried to download something")

    monkeypatch.setattr(download_file.DownloadFile, "run", classmethod(refuse))
    monkeypatch.setattr(photo_text, "_engine", None)
    image = Image.new("RGB", (900, 300), "white")
    ImageDraw.Draw(image).text((60, 90), "Poppy", font=font("DejaVuSerif.ttf", 110), fill="black")
    assert "Poppy" in words_read(find_text(image))
    assert all(path.is_file() for path in photo_text.model_files())


def test_a_name_read_in_two_pieces_side_by_side_is_caught_as_one(guard: NameGuard) -> None:
    """The reader sometimes splits one word ("The" + "eodore" for Theodore on a whiteboard)."""
    lines = [TextItem("The", (100, 100, 60, 40)), TextItem("eodore", (165, 102, 120, 40)),
             TextItem("Be", (400, 100, 40, 40)), TextItem("kind", (445, 100, 80, 40)),
             TextItem("Olivia", (100, 300, 120, 40))]
    found = check_photo_text(lines, guard)
    assert [(name.item.text, name.item.box) for name in found.to_cover] == [
        ("Theeodore", (100, 100, 185, 42)), ("Olivia", (100, 300, 120, 40))]
    assert [item.text for item in found.items] == ["Theeodore", "Be", "kind", "Olivia"]
    assert [item.text for item in found.to_look_at] == ["Be", "kind"]
    # words far apart or on different lines are never joined
    apart = [TextItem("Sien", (100, 100, 80, 40)), TextItem("na", (400, 100, 80, 40)),
             TextItem("Amel", (100, 200, 80, 40)), TextItem("ia", (185, 260, 40, 40))]
    assert check_photo_text(apart, guard).to_cover == ()
