"""Choosing prepared photos for a tweet: only those described and checked are offered.

The composer opens this with how many photos the tweet already carries, so the total never
passes X's four. Photos still missing a description or a confirmation are not listed at
all: they cannot be attached by mistake, and the empty state says where to finish them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.photo_library import MAX_PHOTOS_PER_TWEET, PhotoLibrary, StoredPhoto
from stpeters_desk.ui.items import id_role
from stpeters_desk.ui.styling import set_style_state

ICON_SIDE = 96
DESCRIPTION_SHOWN = 140  # characters of the description in the list; the tooltip has it all


class PhotoPickerDialog(QDialog):
    """Tick up to the photos the tweet still has room for; ``chosen_ids`` after ``exec``."""

    def __init__(self, library: PhotoLibrary, parent: QWidget | None = None,
                 already_attached: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle("Attach prepared photos")
        self.setObjectName("PhotoPicker")
        self.room = max(0, MAX_PHOTOS_PER_TWEET - already_attached)
        self._photos = library.attachable()
        self._build()
        self._fill()
        self._update_count()

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("PickerPhotos")
        self.photo_list.setAccessibleName("Photos ready to attach")
        self.photo_list.setIconSize(QPixmap(ICON_SIDE, ICON_SIDE).size())
        self.photo_list.setWordWrap(True)
        self.photo_list.setSpacing(2)
        self.photo_list.itemChanged.connect(self._item_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("PickerCount")
        self.count_label.setAccessibleName("Photos chosen")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.attach_button = QPushButton("Attach")
        self.attach_button.setDefault(True)
        self.buttons.addButton(self.attach_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.photo_list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.resize(560, 520)

    def _fill(self) -> None:
        if self.room == 0:
            self.intro.setText(f"This tweet already has {MAX_PHOTOS_PER_TWEET} photos, as many "
                               "as X allows. Remove one before adding another.")
        elif not self._photos:
            self.intro.setText("No photos are ready to attach. On the Photos tab, prepare a "
                               "photo, describe it, and confirm that every face has been "
                               "checked and every child shown has photo consent.")
        else:
            self.intro.setText(f"Tick up to {self._room_text()}. Only photos that are "
                               "described and checked are listed. Space ticks the chosen one.")
        self.photo_list.blockSignals(True)
        for photo in self._photos:
            self.photo_list.addItem(_item(photo))
        self.photo_list.blockSignals(False)
        self.photo_list.setVisible(bool(self._photos))
        self.photo_list.setEnabled(self.room > 0)
        if self._photos:
            self.photo_list.setCurrentRow(0)

    def _room_text(self) -> str:
        return f"{self.room} photo{'s' if self.room != 1 else ''}"

    def _item_changed(self, item: QListWidgetItem) -> None:
        """A tick past the room left is taken back at once, with the reason."""
        if item.checkState() == Qt.CheckState.Checked and len(self.chosen_ids()) > self.room:
            self.photo_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.photo_list.blockSignals(False)
            self._update_count(refused=True)
            return
        self._update_count()

    def _update_count(self, refused: bool = False) -> None:
        chosen = len(self.chosen_ids())
        if refused:
            text = (f"A tweet can carry at most {MAX_PHOTOS_PER_TWEET} photos: there is room "
                    f"for {self._room_text()}. Untick one first.")
        elif self.room and self._photos:
            text = f"{chosen} of {self._room_text()} chosen."
        else:
            text = ""
        self.count_label.setText(text)
        set_style_state(self.count_label, "state", "error" if refused else "")
        self.attach_button.setEnabled(0 < chosen <= self.room)

    def chosen_ids(self) -> list[int]:
        """The ticked photos' ids, in the order listed (newest first)."""
        chosen = []
        for row in range(self.photo_list.count()):
            item = self.photo_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(int(item.data(id_role())))
        return chosen


def _item(photo: StoredPhoto) -> QListWidgetItem:
    description = photo.alt_text
    if len(description) > DESCRIPTION_SHOWN:
        description = description[:DESCRIPTION_SHOWN - 1] + "…"
    by = f" · faces checked by {photo.faces_checked_by}" if photo.faces_checked_by else ""
    item = QListWidgetItem(f"{description}\n{photo.label}{by}")
    item.setData(id_role(), photo.photo_id)
    item.setToolTip(photo.alt_text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                  | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    pixmap = QPixmap()
    if pixmap.loadFromData(photo.thumbnail):
        item.setIcon(QIcon(pixmap))
    return item
