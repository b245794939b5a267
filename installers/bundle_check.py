"""``stpeters-desk --bundle-check``: does this installed copy carry everything the app needs?

PyInstaller follows imports, but the app loads several things only when they are first
needed: the face model and onnxruntime, the text reader (rapidocr, OpenCV and its PP-OCR
models), pillow-heif's libheif for iPhone photos, the
nicknames table, the certificates for talking to X, and the keyring backends, which
keyring finds through package metadata rather than imports. A bundle missing any of them
still starts and draws its window, and then fails weeks later when the secretary opens a
HEIC photo or the head connects the real account. CI runs this against every build, and a
school's technician can run it on a kiosk to see what is wrong before calling for help.

It changes nothing: no database is opened and nothing is written to the keyring.
From a checkout: ``python installers/bundle_check.py``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

REQUIRED_RESOURCES = (
    "style.qss",
    "icons/app.svg",
    "icons/app-256.png",
    "icons/status/safeguarding.svg",  # the status marks (ui.status_marks)
    "icons/status/block.svg",
    "models/centerface.onnx",
    "models/open-nsfw.onnx",  # the reply-picture check (core/reply_images.py)
    "wordlists/offensive.txt",
    "wordlists/common_word_names.txt",
    "themes/light.theme",
    "themes/dark.theme",
    "themes/high-contrast.theme",
    "themes/ink-dark/check.svg",
    "themes/ink-light/check.svg",
    "translations/stpeters_desk_cy.qm",
)
KEYRING_BACKEND_FOR_PLATFORM = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}
QT_IMAGE_FORMATS = ("png", "jpeg", "gif", "svg", "ico")


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_resources() -> str:
    from stpeters_desk.core.paths import resources_dir

    folder = resources_dir()
    missing = [name for name in REQUIRED_RESOURCES if not (folder / name).is_file()]
    if missing:
        raise RuntimeError(f"missing from {folder}: {', '.join(missing)}")
    lists = len(list((folder / "wordlists").glob("*.txt")))
    where = "inside the bundle" if getattr(sys, "frozen", False) else "in the checkout"
    return f"{folder} ({where}), {lists} word lists"


def check_face_model() -> str:
    """Runs the real detector on a plain image: proves onnxruntime and the model load."""
    import onnxruntime  # type: ignore[import-untyped, unused-ignore]
    from PIL import Image

    from stpeters_desk.core.faces import detect_faces, model_path

    faces = detect_faces(Image.new("RGB", (160, 120), (128, 128, 128)))
    if faces:
        raise RuntimeError(f"found {len(faces)} faces in a blank image")
    providers = ", ".join(onnxruntime.get_available_providers())
    return f"{model_path().name} runs on onnxruntime {onnxruntime.__version__} ({providers})"


def check_picture_check() -> str:
    """Runs the reply-picture check (open_nsfw) on a plain image; in the bundle, also
    proves the optional NudeNet (AGPL-3.0) was left out, as the app's licence needs."""
    import importlib.util

    from PIL import Image

    from stpeters_desk.core.reply_images import NSFW, OpenNsfwDetector

    score = OpenNsfwDetector().scores(Image.new("RGB", (160, 120), (128, 128, 128)))[NSFW]
    if score >= 0.5:
        raise RuntimeError(f"a plain grey picture scored {score:.2f}")
    nudenet = importlib.util.find_spec("nudenet") is not None
    if nudenet and getattr(sys, "frozen", False):
        raise RuntimeError("NudeNet (AGPL-3.0) is inside the bundle: it must stay optional")
    extra = "; NudeNet installed too" if nudenet else ""
    return f"open_nsfw runs (grey picture {score:.2f}){extra}"


def check_text_reader() -> str:
    """Reads a word drawn with Pillow's built-in font: proves rapidocr, OpenCV and the
    shipped PP-OCR models load and run, with nothing fetched."""
    from PIL import Image, ImageDraw, ImageFont

    from stpeters_desk.core.photo_text import find_text, model_files

    image = Image.new("RGB", (640, 160), "white")
    ImageDraw.Draw(image).text((30, 40), "Harvest", fill="black",
                               font=ImageFont.load_default(size=72))
    read = " ".join(item.text for item in find_text(image))
    if "Harvest" not in read:
        raise RuntimeError(f"read {read!r} instead of 'Harvest'")
    return ", ".join(path.name for path in model_files())


def check_heif() -> str:
    """Writes and reads back a tiny HEIF photo: proves libheif and its codecs are bundled."""
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    photo = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (64, 48), (200, 120, 40))).save(photo, quality=60)
    photo.seek(0)
    with Image.open(photo) as image:
        if image.size != (64, 48):
            raise RuntimeError(f"a 64 x 48 HEIF photo read back as {image.size}")
    return f"libheif {pillow_heif.libheif_version()}"


def check_nicknames() -> str:
    from nicknames import NickNamer

    forms = NickNamer().nicknames_of("elizabeth")
    if "beth" not in forms:
        raise RuntimeError("the nicknames table is empty or unreadable")
    return f"{len(forms)} short forms of Elizabeth"


def check_name_disguises() -> str:
    """The look-alike letters, sound keys and word lists behind the name guard's disguises."""
    from stpeters_desk.core.names import NameGuard, load_guard_words

    guard = NameGuard.from_names(["Muhammad Invented"])
    for disguised in ("Оlivia Muhamm\u200bad", "Well done Mohammed"):
        if not any(f.level == "block" for f in guard.check(disguised)):
            raise RuntimeError(f"the name guard missed a disguised name in {disguised!r}")
    return f"{len(load_guard_words().english):,} ordinary words, look-alikes and sound keys"


def check_certificates() -> str:
    import certifi

    bundle = Path(certifi.where())
    if not bundle.is_file() or bundle.stat().st_size == 0:
        raise RuntimeError(f"no certificate file at {bundle}")
    return f"{bundle.name}, {bundle.stat().st_size:,} bytes"


def check_keyring() -> str:
    """Keyring discovers its backends through entry points, which need the packages' metadata.

    The active backend is only reported: a kiosk with no password store is a setup
    problem for the technician, not a broken bundle, and the app copes with it.
    """
    import keyring

    names = sorted(entry.name for entry in metadata.entry_points(group="keyring.backends"))
    wanted = KEYRING_BACKEND_FOR_PLATFORM.get(sys.platform)
    if wanted and wanted not in names:
        raise RuntimeError(f"keyring's {wanted} backend is not discoverable (found: {names})")
    active = type(keyring.get_keyring())
    return f"backends {', '.join(names)}; active: {active.__module__}.{active.__name__}"


def check_qt() -> str:
    """Image-format and icon plugins are separate files that a bundle can easily lack."""
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader

    from stpeters_desk.core.paths import resources_dir

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = [name for name in QT_IMAGE_FORMATS if name not in formats]
    if missing:
        raise RuntimeError(f"Qt cannot read {', '.join(missing)} images")
    if QIcon(str(resources_dir() / "icons" / "app.svg")).pixmap(64, 64).isNull():
        raise RuntimeError("Qt cannot draw the app's SVG icon")
    platform = QGuiApplication.platformName()
    del app
    return f"platform {platform}; images {', '.join(QT_IMAGE_FORMATS)}"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("resources", check_resources),
    ("face model", check_face_model),
    ("picture check", check_picture_check),
    ("text reader", check_text_reader),
    ("HEIC photos", check_heif),
    ("nicknames", check_nicknames),
    ("name disguises", check_name_disguises),
    ("certificates", check_certificates),
    ("keyring", check_keyring),
    ("Qt", check_qt),
)


def run_checks() -> list[CheckResult]:
    results = []
    for name, check in CHECKS:
        try:
            results.append(CheckResult(name, True, check()))
        except Exception as exc:  # every failure is reported, then the next check runs
            results.append(CheckResult(name, False, f"{type(exc).__name__}: {exc}"))
    return results


def main() -> int:
    """Print one line per check; exit 1 when any failed."""
    from stpeters_desk import APP_NAME, __version__

    print(f"{APP_NAME} {__version__}: checking this copy of the app")
    results = run_checks()
    for result in results:
        print(f"{'ok  ' if result.ok else 'FAIL'} {result.name}: {result.detail}")
    failed = [result.name for result in results if not result.ok]
    if failed:
        print(f"{len(failed)} of {len(results)} checks failed: {', '.join(failed)}")
        return 1
    print(f"all {len(results)} checks passed")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
