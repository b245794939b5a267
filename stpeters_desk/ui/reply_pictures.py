"""A reply's pictures in the Moderation tab: blurred first, shown on a person's choice.

Every picture of the chosen reply is drawn as a thumbnail blurred beyond recognition (the
same copy the incident pack keeps), with what the check on this computer said of it in
words. **Show picture** asks the tab to reveal it: the tab does that through an operation
(``ModerationOps.show_picture``), which records who looked; **Blur again** covers it
again. The thumbnails' size follows the font (a large system font gives larger ones), and
in kiosk mode the button is finger-sized like every other (the style sheet's 44 px).

The strip holds no data of its own beyond what it shows: the tab fills it
(``show_pictures``, then ``set_blurred`` as each thumbnail is made off the UI thread) and
answers ``reveal_requested``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.reply_images import CHECKED_OK, FLAGGED, UNCHECKED
from stpeters_desk.ops.moderation import ShownPicture

COLUMNS = 2  # two thumbnails side by side keep the reply pane narrow
LINES_WIDE = 12  # a thumbnail's width in lines of text: about 170 px, more with a large font


class PictureTile(QFrame):
    """One picture: the thumbnail, what the check said, and its Show/Blur button."""

    def __init__(self, shown: ShownPicture, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReplyPictureTile")
        self.media_key = shown.picture.media_key
        self.revealed = False
        self.image = QLabel()
        self.image.setObjectName("ReplyPictureImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setFixedSize(width, width * 3 // 4)
        self.image.setWordWrap(True)
        self.image.setText(self.tr("Preparing the blurred picture…") if shown.path
                           else self.tr("Not downloaded: look at the reply on X"))
        self.image.setAccessibleName(self.tr("Picture {number}, blurred").format(
            number=shown.picture.position + 1))
        self.caption = QLabel(check_words(shown))
        self.caption.setObjectName("ReplyPictureCaption")
        self.caption.setWordWrap(True)
        self.caption.setFixedWidth(width)
        # two lines kept for the words, so the button below never covers them
        self.caption.setMinimumHeight(2 * self.caption.fontMetrics().lineSpacing() + 2)
        self.button = QPushButton(self.tr("Show picture"))
        self.button.setToolTip(self.tr("Shows this picture unblurred; who looked is recorded "
                                       "in the audit log"))
        self.button.setEnabled(shown.path is not None)
        self.button.setFixedWidth(width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)
        layout.addWidget(self.button)

    def set_picture(self, png: bytes | None, revealed: bool) -> None:
        pixmap = QPixmap()
        if png is None or not pixmap.loadFromData(png):
            self.image.setText(self.tr("The picture could not be shown"))
            return
        size = self.image.size()
        self.image.setPixmap(pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        self.revealed = revealed
        self.button.setText(self.tr("Blur again") if revealed else self.tr("Show picture"))
        self.image.setAccessibleName(
            self.tr("Picture, shown") if revealed else self.tr("Picture, blurred"))


def check_words(shown: ShownPicture) -> str:
    """What the check on this computer said of a picture, in plain words."""
    picture = shown.picture
    if picture.result == FLAGGED:
        return QCoreApplication.translate(
            "ReplyPictureStrip", "May be unsuitable (score {score})").format(
            score=f"{picture.score:.2f}")
    if picture.result == UNCHECKED:
        return QCoreApplication.translate("ReplyPictureStrip",
                                          "Picture not checked on this computer")
    if picture.result == CHECKED_OK:
        return QCoreApplication.translate("ReplyPictureStrip",
                                          "Checked on this computer: nothing found")
    return picture.result


class ReplyPictureStrip(QFrame):
    """The chosen reply's pictures; hidden when it has none."""

    reveal_requested = Signal(str)  # a picture's media key: show it (the tab records it)
    blur_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReplyPictures")
        self.post_id: str | None = None
        self.tiles: dict[str, PictureTile] = {}
        self._blurred: dict[str, bytes | None] = {}
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)  # never wider than the reply pane
        self._grid = QGridLayout()
        self._grid.setColumnStretch(COLUMNS, 1)  # the tiles at the left, at their own size
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)
        self.setVisible(False)

    def tile_width(self) -> int:
        return LINES_WIDE * self.fontMetrics().height()

    def clear(self) -> None:
        self.post_id = None
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {}
        self._blurred = {}
        self.setVisible(False)

    def show_pictures(self, post_id: str, pictures: Sequence[ShownPicture]) -> None:
        self.clear()
        if not pictures:
            return
        self.post_id = post_id
        self.title.setText(self.tr("Pictures, blurred until you choose to see them"))
        width = self.tile_width()
        for number, shown in enumerate(pictures):
            tile = PictureTile(shown, width, self)
            key = tile.media_key
            tile.button.clicked.connect(lambda _=False, key=key: self._toggle(key))
            self.tiles[key] = tile
            self._grid.addWidget(tile, number // COLUMNS, number % COLUMNS)
        self.setVisible(True)

    def set_blurred(self, post_id: str, media_key: str, png: bytes | None) -> None:
        """A blurred thumbnail is ready (ignored if another reply is chosen by now)."""
        tile = self.tiles.get(media_key)
        if post_id != self.post_id or tile is None:
            return
        self._blurred[media_key] = png
        tile.set_picture(png, revealed=False)

    def set_revealed(self, post_id: str, media_key: str, png: bytes) -> None:
        tile = self.tiles.get(media_key)
        if post_id != self.post_id or tile is None:
            return
        tile.set_picture(png, revealed=True)

    def _toggle(self, media_key: str) -> None:
        tile = self.tiles[media_key]
        if tile.revealed:  # covering it again needs no one's permission
            tile.set_picture(self._blurred.get(media_key), revealed=False)
            self.blur_requested.emit(media_key)
        else:
            self.reveal_requested.emit(media_key)
