"""The About box: what the app is, which version this computer runs, and whose work it carries.

The version is what a school's technician is asked for when reporting a problem, so it
can be selected and copied. The installed app includes other people's work (Qt, the face
model, the photo libraries), and their licences ask for that to be said where users can
see it; the full licence texts travel in the program folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk import APP_NAME, __version__
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.ui.messages import QT_TRANSLATE_NOOP, name_standard_buttons

ICON_SIZE = 96
MINIMUM_WIDTH = 600
# English texts marked for Qt's lupdate here and translated where they are shown; the
# names of the parts (the keys of ``licences()``) stay as their makers spell them.
DESCRIPTION = QT_TRANSLATE_NOOP(
    "AboutDialog", "Helps a primary school's staff run its X (Twitter) account safely: tweets "
                   "without children's names, photos with faces covered, and a close eye on "
                   "replies and followers.")


@dataclass(frozen=True)
class BundledPart:
    name: str
    licence: str
    use: str


BUNDLED_PARTS: tuple[BundledPart, ...] = (
    BundledPart(APP_NAME, "MIT", QT_TRANSLATE_NOOP("AboutDialog", "this app")),
    BundledPart("Qt 6 and Qt for Python (PySide6)", "LGPL-3.0",
                QT_TRANSLATE_NOOP("AboutDialog", "windows, buttons and drawing")),
    BundledPart("CenterFace face-detection model", "MIT",
                QT_TRANSLATE_NOOP("AboutDialog", "finds faces in photos")),
    BundledPart("open_nsfw picture classifier (Yahoo)", "BSD-2-Clause and MIT",
                QT_TRANSLATE_NOOP("AboutDialog", "checks pictures on replies")),
    BundledPart("ONNX Runtime", "MIT",
                QT_TRANSLATE_NOOP("AboutDialog", "runs the face model on this computer")),
    BundledPart("Pillow", "MIT-CMU",
                QT_TRANSLATE_NOOP("AboutDialog", "opens, covers and saves photos")),
    BundledPart("pillow-heif", "BSD-3-Clause",
                QT_TRANSLATE_NOOP("AboutDialog", "opens iPhone (HEIC) photos")),
    BundledPart("libheif and libde265", "LGPL-3.0",
                QT_TRANSLATE_NOOP("AboutDialog", "decode HEIC photos, inside pillow-heif")),
    BundledPart("x265", "GPL-2.0",
                QT_TRANSLATE_NOOP("AboutDialog", "HEIC's image codec, inside pillow-heif")),
    BundledPart("Tweepy", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "talks to X")),
    BundledPart("nicknames", "Apache-2.0",
                QT_TRANSLATE_NOOP("AboutDialog", "short forms of first names")),
    BundledPart("twitter-text conformance data", "Apache-2.0",
                QT_TRANSLATE_NOOP("AboutDialog", "tests the character counter; not installed")),
)
LICENCE_NOTE = QT_TRANSLATE_NOOP(
    "AboutDialog", "The full licence texts are in the program's folder.\n"
                   "Qt's libraries are separate files there, which the LGPL lets you replace.")


def app_icon(size: int = ICON_SIZE) -> QPixmap:
    """The largest ready-drawn PNG icon scaled down; empty when the resources are missing."""
    icons = resources_dir() / "icons"
    for name in ("app-128.png", "app-256.png", "app.svg"):
        pixmap = QPixmap(str(icons / name))
        if not pixmap.isNull():
            return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    return QPixmap()


class AboutDialog(QDialog):
    """Shows the icon, name, version, a one-line description and the bundled parts' licences.

    Pass ``data_dir`` to also show where this copy keeps its data, which is what a
    technician needs when setting up backups.
    """

    def __init__(self, parent: QWidget | None = None, *, data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.icon = QLabel()
        self.icon.setObjectName("AboutIcon")
        self.icon.setPixmap(app_icon())
        self.icon.setAccessibleName(self.tr("{app} icon").format(app=APP_NAME))
        self.title = QLabel(APP_NAME)
        self.title.setObjectName("AboutTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")  # beats QWidget's size
        self.version = QLabel(self.tr("Version {version}").format(version=__version__))
        self.version.setObjectName("AboutVersion")
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.version.setToolTip(self.tr("Select and copy this when you report a problem"))
        self.description = QLabel(QCoreApplication.translate("AboutDialog", DESCRIPTION))
        self.description.setWordWrap(True)
        self.data_folder = QLabel(
            self.tr("Data folder: {folder}").format(folder=data_dir) if data_dir else "")
        self.data_folder.setToolTip(self.tr("Where this copy keeps its database; include it in "
                                            "the school's backups"))
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_folder.setVisible(data_dir is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(buttons)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.description)
        layout.addWidget(self.data_folder)
        layout.addWidget(self._licences())
        layout.addWidget(buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never squash a row
        self.setMinimumWidth(MINIMUM_WIDTH)

    def _header(self) -> QHBoxLayout:
        """The icon beside the name and version."""
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.version)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        return top

    def _licences(self) -> QWidget:
        """A heading and one line per part; no group box, whose styled title can clip rows."""
        section = QWidget()
        heading = QLabel(self.tr("Licences of the parts this app is built from"))
        heading.setStyleSheet("font-weight: bold;")
        grid = QGridLayout()
        self.licence_labels: dict[str, QLabel] = {}
        for row, part in enumerate(BUNDLED_PARTS):
            use = QCoreApplication.translate("AboutDialog", part.use)
            grid.addWidget(QLabel(self.tr("{part}: {use}").format(part=part.name, use=use)),
                           row, 0)
            licence = QLabel(part.licence)
            licence.setProperty("data", True)  # a licence's identifier, the same in Welsh
            licence.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(licence, row, 1)
            self.licence_labels[part.name] = licence
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(QLabel(QCoreApplication.translate("AboutDialog", LICENCE_NOTE)))
        return section

    def licences(self) -> dict[str, str]:
        """Each bundled part's name and the licence shown for it, as on screen."""
        return {name: label.text() for name, label in self.licence_labels.items()}
