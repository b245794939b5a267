"""Render the app icon (stpeters_desk/resources/icons/app.svg) to the PNG, .ico and .icns files installers need.

Run it after changing app.svg and commit what it writes:

    QT_QPA_PLATFORM=offscreen python installers/make_icons.py

Each PNG size is drawn from the SVG itself rather than scaled from a large PNG, so the
small sizes stay sharp. The Windows .ico and the macOS .icns are assembled from those
same drawings with Pillow, which writes both formats without any platform tools.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "stpeters_desk" / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest a Windows .ico holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 is macOS's Retina 512 @2x


def png_name(size: int) -> str:
    return f"app-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn on a transparent square of `size` pixels, as a Pillow RGBA image."""
    canvas = QImage(size, size, QImage.Format.Format_ARGB32)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    pixels = canvas.convertToFormat(QImage.Format.Format_RGBA8888)
    return Image.frombuffer("RGBA", (size, size), bytes(pixels.constBits()), "raw", "RGBA",
                            pixels.bytesPerLine(), 1).copy()


def write_icons(svg: Path, folder: Path) -> list[Path]:
    """Write every PNG size, app.ico and app.icns into `folder`; the paths written."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that Qt can draw")
    drawings = {size: render(renderer, size) for size in sorted(
        {*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written: list[Path] = []
    for size in PNG_SIZES:
        path = folder / png_name(size)
        drawings[size].save(path, "PNG", optimize=True)
        written.append(path)
    ico = folder / "app.ico"
    largest_ico = drawings[max(ICO_SIZES)]
    largest_ico.save(ico, "ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[drawings[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)
    icns = folder / "app.icns"
    largest_icns = drawings[max(ICNS_SIZES)]
    largest_icns.save(icns, "ICNS",
                      append_images=[drawings[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])
    written.append(icns)
    return written


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = write_icons(ICONS / "app.svg", ICONS)
    for path in written:
        print(f"{path.relative_to(ICONS.parents[1])}: {path.stat().st_size:,} bytes")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
