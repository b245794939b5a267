"""The batch command: a folder as it comes off an iPad, with the awkward files schools meet."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from stpeters_desk.core import images, photo_batch
from tests.unit.test_images import (
    assert_exiftool_finds_no_metadata,
    assert_pillow_finds_no_metadata,
    camera_exif,
    colour_card,
    single_colour_png,
)

ROOT = Path(__file__).resolve().parents[2]
FACES = ROOT / "tests" / "data" / "faces"
ASTRONAUT_FACE = (178, 60, 96, 118)  # tests/data/faces/faces.json


def portrait() -> Image.Image:
    return Image.open(FACES / "astronaut.jpg").convert("RGB")


@pytest.fixture
def ipad_folder(tmp_path: Path) -> Path:
    """A HEIC, a sideways JPEG with GPS, a screenshot PNG, a corrupt file and a bomb."""
    images._load_formats()
    folder = tmp_path / "sports-day"
    folder.mkdir()
    portrait().save(folder / "IMG_0001.HEIC", format="HEIF", quality=90,
                    exif=camera_exif().tobytes())
    # stored turned a quarter anticlockwise, with orientation 6 telling viewers to turn it
    # back: the face is only found if the orientation is applied first
    sideways = portrait().transpose(Image.Transpose.ROTATE_90)
    sideways.save(folder / "IMG_0002.jpg", quality=92, exif=camera_exif(orientation=6))
    screenshot = colour_card(640, 360)
    screenshot.save(folder / "Screenshot 2024-05-03.png")
    (folder / "IMG_0003.jpg").write_bytes(b"\xff\xd8\xff\xe0 this copy stopped half way")
    single_colour_png(folder / "poster-scan.png", 20_000, 20_000)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not a photo
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = photo_batch.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_folder_is_prepared_and_bad_files_are_reported_and_skipped(
        ipad_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ready-for-x"
    code, stdout, stderr = run(["prepare", str(ipad_folder), "--out", str(out)], capsys)
    assert code == 1  # two files failed
    written = sorted(path.name for path in out.iterdir())
    assert written == ["IMG_0001.jpg", "IMG_0002.jpg", "Screenshot 2024-05-03.png"]
    notice, *lines = stdout.splitlines()
    assert notice.startswith("No pupil list to check names against")  # so all text is covered
    assert lines[0].startswith("ok      IMG_0001.HEIC -> IMG_0001.jpg: 1 face covered; ")
    assert "removed: camera, date taken, GPS location" in lines[0]
    assert lines[1].startswith("ok      IMG_0002.jpg -> IMG_0002.jpg: 1 face covered")
    assert "no faces found - look at it yourself" in lines[2]
    assert lines[-1] == (f"Prepared 3 of 5 photos in {out}; 2 faces covered; 2 failed: "
                         "IMG_0003.jpg, poster-scan.png. Check every photo before posting it.")
    assert "FAILED  IMG_0003.jpg is damaged or incomplete" in stderr
    assert "FAILED  poster-scan.png is too large to open safely" in stderr
    for name in written:
        data = (out / name).read_bytes()
        assert len(data) <= images.EXPORT_MAX_BYTES
        assert_pillow_finds_no_metadata(data)
        assert_exiftool_finds_no_metadata(data, Path(name).suffix, tmp_path)


def test_the_sideways_photo_comes_out_upright_with_its_face_covered(
        ipad_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    run(["prepare", str(ipad_folder / "IMG_0002.jpg"), "--out", str(out)], capsys)
    with Image.open(out / "IMG_0002.jpg") as result:
        assert result.size == (512, 512)
        x, y, w, h = ASTRONAUT_FACE
        face = np.asarray(result.convert("RGB").crop((x + 8, y + 8, x + w - 8, y + h - 8)))
    solid = np.array(images.SOLID_COLOUR)
    assert np.abs(face.astype(int) - solid).max() <= 8  # one flat colour (JPEG's rounding)


def test_the_screenshot_stays_a_png_with_its_pixels(
        ipad_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, _ = run(["prepare", str(ipad_folder / "Screenshot 2024-05-03.png"),
                      "--out", str(out)], capsys)
    assert code == 0
    with Image.open(out / "Screenshot 2024-05-03.png") as result:
        assert result.format == "PNG"
        assert result.convert("RGB").tobytes() == colour_card(640, 360).tobytes()


def test_crop_and_no_detect(ipad_folder: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(["prepare", str(ipad_folder / "IMG_0001.HEIC"), "--out", str(out),
                           "--crop", "16:9", "--no-detect"], capsys)
    assert code == 0
    assert "faces not checked" in stdout and "faces covered" not in stdout
    with Image.open(out / "IMG_0001.jpg") as result:
        assert result.size == (512, 288)
        x, y, w, h = ASTRONAUT_FACE
        face = np.asarray(result.convert("RGB").crop((x, y - 112, x + w, y - 112 + h)))
    assert face.std() > 20  # not covered: the user asked for no detection


def test_mosaic_option_covers_with_blocks(ipad_folder: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(["prepare", str(ipad_folder / "IMG_0001.HEIC"), "--out", str(out),
                           "--mosaic"], capsys)
    assert code == 0 and "1 face covered" in stdout
    with Image.open(out / "IMG_0001.jpg") as result:
        x, y, w, h = ASTRONAUT_FACE
        face = np.asarray(result.convert("RGB").crop((x, y, x + w, y + h)), dtype=float)
    original = np.asarray(portrait().crop((x, y, x + w, y + h)), dtype=float)
    assert np.abs(face - original).mean() > 15


def test_same_names_do_not_overwrite_each_other(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    colour_card().save(first / "photo.jpg")
    colour_card().save(second / "photo.jpg")
    out = tmp_path / "out"
    code, stdout, _ = run(["prepare", str(first), str(second), "--out", str(out),
                           "--no-detect"], capsys)
    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == ["photo-2.jpg", "photo.jpg"]
    assert stdout.splitlines()[-1].startswith("Prepared 2 of 2 photos")


def test_writing_into_the_source_folder_never_replaces_the_original(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "class-photo.jpg"
    buffer = io.BytesIO()
    colour_card().save(buffer, "JPEG", exif=camera_exif())
    source.write_bytes(buffer.getvalue())
    code, _, _ = run(["prepare", str(source), "--out", str(tmp_path), "--no-detect"], capsys)
    assert code == 0
    assert source.read_bytes() == buffer.getvalue()
    assert (tmp_path / "class-photo-2.jpg").is_file()


def test_nothing_to_do_and_bad_usage(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, stderr = run(["prepare", str(empty), "--out", str(tmp_path / "out")], capsys)
    assert code == 1 and "No photos found" in stderr
    with pytest.raises(SystemExit) as usage:
        photo_batch.main(["prepare", str(empty), "--out", str(tmp_path), "--crop", "2:1"])
    assert usage.value.code == 2
    assert "stpeters-desk photos prepare" in capsys.readouterr().err


def test_runs_as_a_module_with_a_bomb_in_the_folder(ipad_folder: Path,
                                                    tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "stpeters_desk.core.photo_batch", "prepare",
         str(ipad_folder), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 1
    assert "poster-scan.png is too large" in result.stderr
    assert "Prepared 3 of 5 photos" in result.stdout


# --- Text written in the photos ----------------------------------------------------------


@pytest.fixture
def badge_folder(tmp_path: Path) -> Path:
    from benchmarks.text_scenes import name_scene

    folder = tmp_path / "badges"
    folder.mkdir()
    name_scene(4, names=2, size=(2000, 1500)).image.save(folder / "IMG_0100.jpg", quality=92)
    return folder


def test_names_written_in_a_photo_are_covered_and_never_printed(
        badge_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.text_scenes import ROSTER, name_scene
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.photo_text import check_photo_text, find_text

    guard = NameGuard.from_names(ROSTER)
    scene = name_scene(4, names=2, size=(2000, 1500))
    out = tmp_path / "out"
    code = photo_batch.main(["prepare", str(badge_folder), "--out", str(out), "--no-detect"],
                            load_guard=lambda: guard)
    printed = capsys.readouterr().out
    assert code == 0
    assert "2 pieces of text covered" in printed
    assert not any(written.name in printed for written in scene.names)
    assert any(f'"{text}"' in printed for text in scene.other_text)  # listed to look at
    with Image.open(out / "IMG_0100.jpg") as prepared:
        again = check_photo_text(find_text(prepared.convert("RGB")), guard)
    assert again.to_cover == ()
    assert again.items  # the school's signs are still there to read


def test_without_a_roster_every_piece_of_text_is_covered(
        badge_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from stpeters_desk.core.photo_text import find_text

    code, printed, _ = run(["prepare", str(badge_folder), "--out", str(tmp_path / "out"),
                            "--no-detect"], capsys)
    assert code == 0
    assert "No pupil list to check names against" in printed
    with Image.open(tmp_path / "out" / "IMG_0100.jpg") as prepared:
        assert find_text(prepared.convert("RGB")) == []


def test_no_text_reads_nothing_and_says_so(badge_folder: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, printed, _ = run(["prepare", str(badge_folder), "--out", str(tmp_path / "out"),
                            "--no-detect", "--no-text"], capsys)
    assert code == 0 and "text not read" in printed


def test_a_roster_that_cannot_be_read_stops_before_any_photo(
        badge_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def broken() -> object:
        raise RuntimeError("The keyring is locked.")

    code = photo_batch.main(["prepare", str(badge_folder), "--out", str(tmp_path / "out")],
                            load_guard=broken)  # type: ignore[arg-type]
    assert code == 1
    assert "names cannot be checked" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
