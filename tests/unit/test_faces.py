"""Face detection on the labelled set, at the app's default settings, offline."""

from __future__ import annotations

import hashlib
import itertools
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from benchmarks.face_scenes import REPORT_SEED_START, crowd_scene, group_photo, source_photos
from benchmarks.faces import centres_match, score
from stpeters_desk.core import faces
from stpeters_desk.core.faces import (
    DEFAULT_SETTINGS,
    FaceBox,
    FaceDetectorUnavailable,
    detect_faces,
)

Box = tuple[int, int, int, int]


def as_box(face: FaceBox) -> Box:
    return (face.x, face.y, face.w, face.h)


def covers(face: FaceBox, label: Box) -> bool:
    """The returned (padded) box holds the whole labelled face: covering it hides the face."""
    x, y, w, h = label
    return face.x <= x and face.y <= y and face.x + face.w >= x + w and face.y + face.h >= y + h


@pytest.mark.parametrize("photo", source_photos(), ids=lambda photo: photo.name)
def test_each_labelled_photo_gives_exactly_its_faces(photo: object) -> None:
    """Exactly its faces as sure boxes; at most one small box to check besides.

    Small weak maybes that pass their second look are shown to check (that is what finds
    faces 16–32 px tall in crowds); on a portrait such a box is clutter that staff
    remove in a click, so one is allowed, small and marked unsure, never a sure one.
    """
    from benchmarks.face_scenes import LabelledPhoto

    assert isinstance(photo, LabelledPhoto)
    found = detect_faces(photo.image)
    sure = [face for face in found if not face.low_confidence]
    to_check = [face for face in found if face.low_confidence]
    assert len(sure) == len(photo.faces)
    assert len(to_check) <= 1 and all(face.h < 32 for face in to_check)
    for label in photo.faces:
        match = [face for face in found if centres_match(as_box(face), label)]
        assert len(match) == 1
        assert covers(match[0], label)
        assert not match[0].low_confidence and match[0].score >= DEFAULT_SETTINGS.sure_threshold


def test_small_faces_in_a_12_mp_crowd_are_found() -> None:
    """The hard case: 36 faces 16–32 px tall at the back of an invented 12 MP scene."""
    scene = crowd_scene(seed=2)
    found = detect_faces(scene.image)
    small = [label for label in scene.faces if label[3] <= 32]
    assert len(small) == 36
    hits, missed, _ = score([as_box(face) for face in found], small)
    assert hits / len(small) >= 0.9, f"missed {missed} of {len(small)} small faces"
    # a few coat buttons and knuckles look like tiny faces; staff remove those in a click
    all_hits, _, false_alarms = score([as_box(face) for face in found], scene.faces)
    assert all_hits / (all_hits + false_alarms) >= 0.85
    for face in found:  # every box lies inside the photo
        assert face.x >= 0 and face.y >= 0
        assert face.x + face.w <= scene.image.width and face.y + face.h <= scene.image.height


def test_boxes_are_in_pixels_of_the_image_given() -> None:
    portrait = source_photos()[0]
    label = portrait.faces[0]
    canvas = Image.new("RGB", (2600, 1900), (120, 140, 160))
    canvas.paste(portrait.image, (1700, 900))
    found = detect_faces(canvas)
    assert len(found) == 1
    moved = (label[0] + 1700, label[1] + 900, label[2], label[3])
    assert covers(found[0], moved)
    assert found[0].w < 3 * label[2] and found[0].h < 3 * label[3]  # padded, not bloated


def test_a_face_at_the_edge_gets_a_box_kept_inside_the_photo() -> None:
    portrait = source_photos()[0]
    x, y, w, h = portrait.faces[0]
    edge = portrait.image.crop((x - 10, y - 5, x + w + 200, y + h + 200))
    found = detect_faces(edge)
    assert len(found) == 1
    assert found[0].x == 0 and found[0].y == 0  # padding stopped at the edge
    assert found[0].x + found[0].w <= edge.width


def test_grey_and_transparent_photos_are_accepted() -> None:
    portrait = source_photos()[0]
    assert len(detect_faces(portrait.image.convert("L"))) == 1
    assert len(detect_faces(portrait.image.convert("RGBA"))) == 1


def test_unsure_boxes_are_flagged_for_review_and_the_rest_dropped() -> None:
    portrait = source_photos()[0].image
    sure = detect_faces(portrait)[0]
    strict = replace(DEFAULT_SETTINGS, sure_threshold=min(1.0, sure.score + 0.01))
    flagged = detect_faces(portrait, strict)
    assert len(flagged) == 1 and flagged[0].low_confidence
    # below the review threshold the face gets a second look, which a real face passes
    stricter = replace(strict, review_threshold=min(1.0, sure.score + 0.01))
    rescued = detect_faces(portrait, stricter)
    assert len(rescued) == 1 and rescued[0].low_confidence
    strictest = replace(stricter, second_opinion_threshold=1.0)
    assert detect_faces(portrait, strictest) == []


def test_a_second_look_raises_a_weak_face_and_lowers_clutter() -> None:
    """A face first seen faintly scores higher on its second look; a patch of coffee lower."""
    photos = {photo.name: photo for photo in source_photos()}
    x, y, w, h = photos["astronaut.jpg"].faces[0]
    face = faces._Detection(x, y, w, h, 0.12)
    coffee = faces._Detection(300, 150, 60, 75, 0.12)
    (face_checked,) = faces._second_opinion(photos["astronaut.jpg"].image, [face],
                                            DEFAULT_SETTINGS)
    (coffee_checked,) = faces._second_opinion(photos["coffee.jpg"].image, [coffee],
                                              DEFAULT_SETTINGS)
    assert face_checked.score > DEFAULT_SETTINGS.second_opinion_threshold > coffee_checked.score
    assert (face_checked.x, face_checked.y, face_checked.w, face_checked.h) == (x, y, w, h)


def test_only_the_strongest_maybes_get_a_second_look_in_a_very_busy_photo() -> None:
    """A photo full of face-like clutter must not take minutes: the looks are bounded."""
    portrait = source_photos()[0]
    tiled = Image.new("RGB", (1400, 1000))
    for left in range(0, 1400, 128):
        for top in range(0, 1000, 128):
            tiled.paste(portrait.image.resize((128, 128)), (left, top))
    calls: list[int] = []
    real_run = faces._run

    def counted(batch: np.ndarray) -> list[np.ndarray]:
        if batch.shape[2] == 160:  # no other step's pieces are this size here
            calls.append(batch.shape[0])
        return real_run(batch)

    bounded = replace(DEFAULT_SETTINGS, review_threshold=0.99, max_second_looks=3,
                      second_look_size=160)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(faces, "_run", counted)
        detect_faces(tiled, bounded)
    assert sum(calls) == 2 * 3  # three maybes, each as it is and mirrored


def test_small_photos_are_enlarged_for_the_fine_pass_and_12_mp_ones_reduced() -> None:
    small, scale = faces._working_copy(Image.new("RGB", (1200, 800)), DEFAULT_SETTINGS)
    assert scale == DEFAULT_SETTINGS.max_enlargement and small.size == (2400, 1600)
    large, scale = faces._working_copy(Image.new("RGB", (4032, 3024)), DEFAULT_SETTINGS)
    assert scale < 1 and large.width * large.height <= DEFAULT_SETTINGS.working_pixels * 1.01


def test_small_faces_in_a_hard_downscaled_group_photo_are_found() -> None:
    """A report scene of the hard set: 16–64 px faces, turned, shaded, blurred, in a JPEG."""
    photo = group_photo(REPORT_SEED_START + 3, (1280, 960), 16, 64, held_out=True)
    found = [as_box(face) for face in detect_faces(photo.image)]
    small = [label for label in photo.faces if label[3] < 32]
    larger = [label for label in photo.faces if label[3] >= 32]
    assert len(small) >= 100 and len(larger) >= 30
    assert score(found, small)[0] / len(small) >= 0.85
    assert score(found, larger)[0] / len(larger) >= 0.93
    _, _, false_alarms = score(found, photo.faces + photo.hidden)
    assert false_alarms <= 0.15 * len(photo.faces)


def test_no_face_gives_no_box() -> None:
    assert detect_faces(Image.new("RGB", (1200, 900), (90, 150, 90))) == []
    assert detect_faces(Image.new("RGB", (8, 8))) == []


def test_tiles_cover_the_working_copy_with_overlap_and_bounded_size() -> None:
    for size in [(3000, 2000), (2449, 1837), (800, 600), (100, 5000), (5000, 33)]:
        tiles = faces._tiles(size, 1_000_000, 128)
        for left, top, right, bottom in tiles:
            assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
            assert (right - left) * (bottom - top) <= 1_000_000
        columns = sorted({(left, right) for left, _, right, _ in tiles})
        rows = sorted({(top, bottom) for _, top, _, bottom in tiles})
        for spans, length in ((columns, size[0]), (rows, size[1])):
            assert spans[0][0] == 0 and spans[-1][1] == length
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end - start >= min(128, length)  # neighbours overlap


def test_duplicates_merge_but_a_small_face_inside_a_big_box_is_kept() -> None:
    big = faces._Detection(100, 100, 300, 300, 0.9)
    same_face_again = faces._Detection(110, 105, 290, 290, 0.6)
    child_behind = faces._Detection(300, 300, 30, 36, 0.55)
    kept = faces._same_face_once([child_behind, same_face_again, big], 0.3)
    assert kept == [big, child_behind]


def test_a_missing_model_stops_detection_with_a_clear_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faces, "_session", None)
    monkeypatch.setattr(faces, "model_path", lambda: tmp_path / "centerface.onnx")
    with pytest.raises(FaceDetectorUnavailable, match="missing or damaged"):
        detect_faces(Image.new("RGB", (64, 64)))


def test_the_model_ships_with_the_app_and_loads_only_when_first_needed() -> None:
    assert faces.model_path().is_file()
    code = ("import sys\nimport stpeters_desk.core.faces as f\n"
            "print('onnxruntime' in sys.modules)\n"
            "from PIL import Image\nf.detect_faces(Image.new('RGB', (64, 64)))\n"
            "print('onnxruntime' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "True"], result.stderr


def test_the_working_copy_made_in_strips_matches_one_resize() -> None:
    """The strips are resized side by side; the seams must not show in the copy."""
    rng = np.random.default_rng(5)
    photo = Image.fromarray(rng.integers(0, 256, (1237, 1650, 3), dtype=np.uint8))
    size = (1167, 875)
    whole = np.asarray(photo.resize(size, Image.Resampling.BILINEAR), dtype=np.int16)
    strips = np.asarray(faces._resized(photo, size), dtype=np.int16)
    assert strips.shape == whole.shape
    assert np.abs(strips - whole).max() <= 1  # rounding only


def test_a_closer_look_centred_inside_a_bigger_face_found_is_that_face_again() -> None:
    sure = faces._Detection(200, 120, 56, 78, 0.83)
    to_check = faces._Detection(600, 100, 60, 80, 0.35)
    too_weak_to_show = faces._Detection(900, 100, 60, 80, 0.1)
    part_of_the_sure_face = faces._Detection(239, 129, 19, 50, 0.46)
    part_of_the_face_to_check = faces._Detection(620, 120, 14, 40, 0.4)
    child_beside_it = faces._Detection(262, 130, 14, 18, 0.6)
    inside_a_box_never_shown = faces._Detection(920, 120, 14, 18, 0.6)
    kept = faces._not_inside_a_face_found(
        [part_of_the_sure_face, part_of_the_face_to_check, child_beside_it,
         inside_a_box_never_shown], [sure, to_check, too_weak_to_show], DEFAULT_SETTINGS)
    assert kept == [child_beside_it, inside_a_box_never_shown]


def test_the_shipped_model_takes_8_bit_pixels_and_is_the_one_documented() -> None:
    """faces.py hands the model uint8 tiles; the README's checksum names this very file."""
    model = faces._model()
    (model_input,) = model.get_inputs()
    assert (model_input.name, model_input.type) == (faces.MODEL_INPUT, "tensor(uint8)")
    assert faces._to_input(np.zeros((40, 70, 3), dtype=np.uint8)).dtype == np.uint8
    digest = hashlib.sha256(faces.model_path().read_bytes()).hexdigest()
    readme = (faces.model_path().parent / "README.md").read_text(encoding="utf-8")
    assert digest in readme


def test_hard_group_photos_are_the_same_from_a_seed_and_keep_tuning_and_report_apart() -> None:
    """Scores are comparable run to run, and the report's portrait never reaches tuning."""
    from benchmarks import face_scenes

    first = group_photo(7, (640, 480), 16, 40)
    again = group_photo(7, (640, 480), 16, 40)
    assert first.faces == again.faces and first.hidden == again.hidden
    assert np.array_equal(np.asarray(first.image), np.asarray(again.image))
    assert all(16 <= face[3] <= 60 for face in first.faces)  # tilts widen a label a little
    assert len(face_scenes._group_heads(held_out=False)) == len(face_scenes._heads())
    assert len(face_scenes._group_heads(held_out=True)) == len(face_scenes._heads()) + 1
    assert not set(face_scenes.TUNING_SEEDS) & set(range(REPORT_SEED_START,
                                                          REPORT_SEED_START + 1000))


def test_an_enlarged_working_copy_sends_small_maybes_to_the_second_look_not_the_closer() -> None:
    photo = group_photo(7, (640, 480), 16, 40)
    working, scale = faces._working_copy(photo.image, DEFAULT_SETTINGS)
    assert scale >= DEFAULT_SETTINGS.no_closer_look_from
    found, candidates = faces._fine_pass(working, scale, DEFAULT_SETTINGS)
    assert candidates == []
    weak = [d for d in found if d.score < DEFAULT_SETTINGS.review_threshold]
    assert weak and all(d.score >= DEFAULT_SETTINGS.maybe_threshold for d in weak)
    always = replace(DEFAULT_SETTINGS, no_closer_look_from=10.0)
    assert faces._fine_pass(working, scale, always)[1]
