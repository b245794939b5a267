"""Draw the gallery with the app's own ``--screenshot``: every tab the head teacher sees,
at 1366x768 and 1920x1080, in the light, dark and high-contrast themes and in kiosk mode.

    python scripts/draw_gallery.py            # into docs/screenshots/
    python scripts/draw_gallery.py --images   # also the README's pictures in docs/images/

Each picture is drawn by a fresh ``stpeters-desk --screenshot`` on a practice data folder
(the sandbox account, followers synced and replies fetched by the tab itself, as in
school), so it shows what starting the app shows. Run it under a real X server to draw
with the desktop's fonts (``Xvfb :9 -screen 0 1366x768x24 &`` then ``DISPLAY=:9``);
without one it draws offscreen. The sign-in screen, the guided tour's card and the
dialogs are drawn by ``STPETERS_SCREENSHOTS=1 python -m pytest -m screenshots``.
Pictures are stored with a 256-colour palette to keep the folder small.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stpeters_desk.app import TAB_NAMES  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))
COMPUTER_NAME = "OFFICE-PC-2"  # invented; shown in Settings' "This computer"
LOOKS = ("light", "dark", "high-contrast", "kiosk")
# The README's pictures drawn this way: (file in docs/images, tab, look)
README_IMAGES = (("compose.png", "Compose", "light"), ("moderation.png", "Moderation", "dark"),
                 ("followers.png", "Followers", "kiosk"))


def practice_folder(folder: Path, theme: str) -> None:
    """A practice data folder (no one set up) in the chosen theme."""
    from stpeters_desk.core.settings_registry import THEME, write
    from stpeters_desk.core.storage.db import open_database
    from stpeters_desk.core.storage.settings import SettingsStore

    db = open_database(folder)
    try:
        write(SettingsStore(db), THEME, theme)
    finally:
        db.close()


def draw(tab: str, look: str, size: tuple[int, int], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "practice"
        practice_folder(data, "light" if look == "kiosk" else look)
        command = [sys.executable, "-m", "stpeters_desk", "--data-dir", str(data),
                   "--screenshot", str(out), "--tab", tab, "--size", f"{size[0]}x{size[1]}"]
        if look == "kiosk":
            command.append("--kiosk")
        # An invented computer name: Settings shows it, not the drawing machine's.
        env = dict(os.environ, PYTHONPATH=str(ROOT), STPETERS_DESK_COMPUTER_NAME=COMPUTER_NAME)
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
        if result.returncode != 0:
            raise SystemExit(f"{tab} {look} {size}: {result.stderr}")
    small(out)


def small(path: Path) -> None:
    from PIL import Image

    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                   dither=Image.Dither.NONE).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", action="store_true",
                        help="also redraw the README's pictures in docs/images")
    parser.add_argument("--tabs", nargs="*", default=list(TAB_NAMES))
    args = parser.parse_args()
    shots = ROOT / "docs" / "screenshots"
    for tab in args.tabs:
        for width, height in SIZES:
            for look in LOOKS:
                out = shots / f"{tab.lower()}-{width}x{height}-{look}.png"
                draw(tab, look, (width, height), out)
                print(out.relative_to(ROOT), flush=True)
    if args.images:
        for name, tab, look in README_IMAGES:
            out = ROOT / "docs" / "images" / name
            draw(tab, look, (1366, 768), out)
            print(out.relative_to(ROOT), flush=True)


if __name__ == "__main__":
    main()
