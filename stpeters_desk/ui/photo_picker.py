"""Choosing prepared photos for a tweet: only those described and checked are offered.

The composer opens this with how many photos the tweet already carries, so the total never
passes X's four. Photos still missing a description or a confirmation are not listed at
all: they cannot be attached by mistake, and the empty state says where to finish them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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
from stpeters_desk.ui.messages import name_standard_buttons
from stpeters_desk.ui.styling import set_style_state

ICON_SIDE = 96
DESCRIPTION_SHOWN = 140  # characters of the description in the list; the tooltip has it all


class PhotoPickerDialog(QDialog):
    """Tick up to the photos the tweet still has room for; ``chosen_ids`` after ``exec``."""

    def __init__(self, library: PhotoLibrary, parent: QWidget | None = None,
                 already_attached: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach prepared photos"))
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
        self.photo_list.setAccessibleName(self.tr("Photos ready to attach"))
        self.photo_list.setToolTip(self.tr(
            "Tick a photo to attach it. Hover over a photo to read its whole description."))
        self.photo_list.setIconSize(QPixmap(ICON_SIDE, ICON_SIDE).size())
        self.photo_list.setWordWrap(True)
        self.photo_list.setSpacing(2)
        self.photo_list.itemChanged.connect(self._item_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("PickerCount")
        self.count_label.setAccessibleName(self.tr("Photos chosen"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        self.attach_button = QPushButton(self.tr("Attach"))
        self.attach_button.setToolTip(self.tr(
            "Add the ticked photos to the tweet; you can still remove them before posting"))
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
            self.intro.setText(self.tr(
                "This tweet already has {limit} photos, as many as X allows. Remove one "
                "before adding another.").format(limit=MAX_PHOTOS_PER_TWEET))
        elif not self._photos:
            self.intro.setText(self.tr(
                "No photos are ready to attach. On the Photos tab, prepare a photo, describe "
                "it, and confirm that every face has been checked and every child shown has "
                "photo consent."))
        else:
            self.intro.setText(self.tr(
                "Tick up to {room}. Only photos that are described and checked are listed. "
                "Space ticks the chosen one.").format(room=self._room_text()))
        self.photo_list.blockSignals(True)
        for photo in self._photos:
            self.photo_list.addItem(_item(photo))
        self.photo_list.blockSignals(False)
        self.photo_list.setVisible(bool(self._photos))
        self.photo_list.setEnabled(self.room > 0)
        if self._photos:
            self.photo_list.setCurrentRow(0)
        if len(self._photos) == 1 and self.room > 0:
            # One photo ready is almost always the one wanted: ticked already, so Attach
            # works at once (newcomers pressed Attach with nothing ticked).
            only = self.photo_list.item(0)
            only.setCheckState(Qt.CheckState.Checked)

    def _room_text(self) -> str:
        """One text for one photo and one for more, not "photo(s)", so Welsh can read naturally."""
        if self.room == 1:
            return self.tr("1 photo")
        return self.tr("{count} photos").format(count=self.room)

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
            text = self.tr("A tweet can carry at most {limit} photos: there is room for "
                           "{room}. Untick one first.").format(limit=MAX_PHOTOS_PER_TWEET,
                                                               room=self._room_text())
        elif self.room and self._photos:
            text = self.tr("{chosen} of {room} chosen.").format(chosen=chosen,
                                                                room=self._room_text())
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
    by = (" · " + QCoreApplication.translate("PhotoPickerDialog", "faces checked by {name}")
          .format(name=photo.faces_checked_by) if photo.faces_checked_by else "")
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
