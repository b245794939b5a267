"""The batch command: ``stpeters-desk photos prepare IN... --out DIR [--crop 16:9] [--no-detect]``.

For a folder of photos from a trip or a sports day: each photo is opened with its
orientation applied, its faces found and covered, the text written in it read and any
pupil's name in that text covered (a name that is also an everyday word too: nobody is
there to decide), then optionally cropped, and written to DIR with no metadata, within
X's limits: the Photos tab's own pipeline and order (``photo_pipeline``), so a face cut by
the crop's edge is still found whole and covered. Other text read is listed for whoever
prepares the photos to look at.
With no pupil list to check against (none imported, or run as a module) every piece of
text read is covered: a name that cannot be checked is never left showing. A photo that
cannot be used is reported and skipped and the rest are still done; the exit code says
whether any failed, so a script can tell. Also ``python -m stpeters_desk.core.photo_batch
prepare ...``. The lines it prints never repeat a name it covered.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from stpeters_desk.core.faces import FaceDetectorUnavailable
from stpeters_desk.core.images import CoverStyle, CropPreset, PhotoError, open_photo
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.photo_pipeline import (
    SKIPPED_NAMES,
    Detector,
    TextReader,
    automatic_edit,
    expand_photo_inputs,
    export_edit,
)
from stpeters_desk.core.photo_text import TextReaderUnavailable

if TYPE_CHECKING:
    from PIL import Image

    from stpeters_desk.core.faces import FaceBox

PROG = "stpeters-desk photos"
__all__ = ["SKIPPED_NAMES", "PreparedPhoto", "expand_inputs", "main", "prepare_photo"]


@dataclass(frozen=True)
class PreparedPhoto:
    source: Path
    output: Path
    faces: int
    faces_to_check: int
    removed: str
    size_bytes: int
    width: int
    height: int
    text_read: bool = False
    names_covered: int = 0  # lines of text holding a pupil's name (all text with no roster)
    text_to_check: tuple[str, ...] = ()  # other text read, for a person to look at

GuardLoader = Callable[[], NameGuard]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Prepare photos for the school's X account.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    prepare = commands.add_parser(
        "prepare", help="cover faces, remove metadata and resize photos for X",
        description="Orient, cover faces, remove metadata (camera, date, location) and "
                    "resize each photo for X, writing the results to --out. Look at every "
                    "result before posting: the detector can miss a face.")
    prepare.add_argument("inputs", nargs="+", metavar="IN", type=Path,
                         help="photos (JPEG, PNG, HEIC) or folders of them")
    prepare.add_argument("--out", required=True, type=Path, metavar="DIR",
                         help="folder for the prepared photos (made if missing)")
    prepare.add_argument("--crop", default=CropPreset.FREE.value,
                         choices=[preset.value for preset in CropPreset],
                         help="crop each photo, centred, to this shape (default: free, no crop)")
    prepare.add_argument("--no-detect", action="store_true",
                         help="do not look for faces (for photos with no people in them)")
    prepare.add_argument("--no-text", action="store_true",
                         help="do not read the text in the photos for pupils' names (for "
                              "photos with no writing in them)")
    prepare.add_argument("--mosaic", action="store_true",
                         help="cover faces with a coarse mosaic instead of a solid block")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None, load_guard: GuardLoader | None = None) -> int:
    """Run the command; 0 when every photo was prepared, 1 when any failed, 2 for bad usage.

    load_guard gives the name guard over the school's roster (the app passes one that
    reads the database and the keyring); without one, all text read is covered.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    sources = list(expand_inputs(args.inputs))
    if not sources:
        print("No photos found in the places given.", file=err)
        return 1
    guard = None
    if not args.no_text:
        try:
            guard = load_guard() if load_guard is not None else NameGuard.empty()
        except Exception as exc:  # a roster whose key is gone: names cannot be checked
            print(f"Stopped before any photo: pupils' names cannot be checked. {exc}", file=err)
            return 1
        if guard.is_empty:
            print("No pupil list to check names against: all text read in the photos is "
                  "covered.", file=out)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"Cannot make the output folder {args.out}: {exc.strerror}.", file=err)
        return 1
    preset = CropPreset.from_text(args.crop)
    style = CoverStyle.MOSAIC if args.mosaic else CoverStyle.SOLID
    prepared: list[PreparedPhoto] = []
    failed: list[Path] = []
    used_names: set[str] = set()
    for source in sources:
        try:
            result = prepare_photo(source, args.out, preset, detect=not args.no_detect,
                                   style=style, used_names=used_names, guard=guard)
        except (FaceDetectorUnavailable, TextReaderUnavailable) as exc:
            print(f"STOPPED at {source.name}, nothing more written: {exc}", file=err)
            return 1
        except (PhotoError, OSError, ValueError) as exc:
            failed.append(source)
            print(f"FAILED  {_naming(source, exc)}", file=err)
            continue
        prepared.append(result)
        print(describe(result, detect=not args.no_detect), file=out)
    print(summary(prepared, failed, args.out, detect=not args.no_detect), file=out)
    return 1 if failed else 0


def _naming(source: Path, error: Exception) -> str:
    """The error's message, with the file's name in front unless it names it already."""
    message = str(error)
    return message if source.name in message else f"{source.name}: {message}"


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Files as given; a folder's photos in name order: the Photos tab's own helper."""
    return expand_photo_inputs(inputs)


def prepare_photo(source: Path, out_dir: Path, preset: CropPreset, *, detect: bool = True,
                  style: CoverStyle = CoverStyle.SOLID, used_names: set[str] | None = None,
                  guard: NameGuard | None = None, detector: Detector | None = None,
                  reader: TextReader | None = None) -> PreparedPhoto:
    """One photo from file to a file ready for X; raises PhotoError for a photo it refuses.

    The same pipeline as the Photos tab: faces and text are found in the whole photo and
    covered, then the photo is cropped to the preset, centred (``photo_pipeline``). With a
    guard the text in the photo is read and its pupils' names covered (every line read,
    when the guard has no roster); guard=None reads no text. ``detect=False`` is the
    person's choice not to look for faces; ``detector`` and ``reader`` stand in for the
    app's own in tests.
    """
    photo = open_photo(source)
    edit = automatic_edit(photo.image, preset, detector=(detector or _detect) if detect
                          else None, style=style, reader=reader, guard=guard)
    exported = export_edit(photo, edit.state, edit.faces)
    output = _output_path(source, out_dir, exported.extension, used_names)
    output.write_bytes(exported.data)
    text = edit.text
    others = tuple(item.text for item in text.items if item not in edit.text_covered) \
        if text is not None else ()
    return PreparedPhoto(source, output, len(edit.faces_found),
                         sum(face.low_confidence for face in edit.faces_found),
                         photo.metadata.short_summary(), exported.size_bytes,
                         exported.width, exported.height, text_read=text is not None,
                         names_covered=len(edit.text_covered), text_to_check=others)


def _detect(image: Image.Image) -> list[FaceBox]:
    from stpeters_desk.core.faces import detect_faces

    return detect_faces(image)


def _output_path(source: Path, out_dir: Path, extension: str,
                 used_names: set[str] | None) -> Path:
    """<name>.jpg in the output folder; -2, -3... when two photos share a name or when the
    output would replace the photo it came from."""
    used = used_names if used_names is not None else set()
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        candidate = out_dir / f"{source.stem}{suffix}{extension}"
        if candidate.name.lower() not in used and not _same_file(candidate, source):
            used.add(candidate.name.lower())
            return candidate
        number += 1


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.samefile(b)
    except OSError:
        return False


def describe(result: PreparedPhoto, detect: bool = True) -> str:
    """One line per photo: faces covered, metadata removed, what was written."""
    if not detect:
        faces = "faces not checked"
    elif result.faces == 0:
        faces = "no faces found - look at it yourself before posting"
    else:
        faces = f"{result.faces} face{'s' if result.faces != 1 else ''} covered"
        if result.faces_to_check:
            faces += f" ({result.faces_to_check} uncertain: check)"
    return (f"ok      {result.source.name} -> {result.output.name}: {faces}; "
            f"{_text_summary(result)}; removed: {result.removed}; "
            f"{result.width}x{result.height}, {_megabytes(result.size_bytes)}")


def _text_summary(result: PreparedPhoto) -> str:
    """What the text check did, without repeating any name it covered."""
    if not result.text_read:
        return "text not read"
    parts = []
    if result.names_covered:
        count = result.names_covered
        parts.append(f"{count} piece{'s' if count != 1 else ''} of text covered")
    if result.text_to_check:
        quoted = ", ".join(f'"{text}"' for text in result.text_to_check)
        parts.append(f"text to check: {quoted}")
    return "; ".join(parts) or "no text found"


def summary(prepared: list[PreparedPhoto], failed: list[Path], out_dir: Path,
            detect: bool = True) -> str:
    total = len(prepared) + len(failed)
    line = f"Prepared {len(prepared)} of {total} photo{'s' if total != 1 else ''} in {out_dir}"
    if detect:
        faces = sum(result.faces for result in prepared)
        line += f"; {faces} face{'s' if faces != 1 else ''} covered"
    names = sum(result.names_covered for result in prepared)
    if names:
        line += f"; {names} piece{'s' if names != 1 else ''} of text covered"
    if failed:
        line += f"; {len(failed)} failed: {', '.join(path.name for path in failed)}"
    return line + ". Check every photo before posting it."


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
