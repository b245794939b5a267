"""The About box shows the installed version, the icon and the bundled parts' licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

import stpeters_desk
from stpeters_desk.ui.about_dialog import AboutDialog


def shown_texts(dialog: AboutDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]


def test_shows_the_name_and_the_packages_version(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()

    texts = shown_texts(dialog)
    assert "St Peter's Desk" in texts
    assert f"Version {stpeters_desk.__version__}" in texts
    assert dialog.windowTitle() == "About St Peter's Desk"
    assert any("X (Twitter)" in text for text in texts), "a one-line description"


def test_shows_the_app_icon(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)

    icon = dialog.icon.pixmap()
    assert not icon.isNull()
    assert max(icon.width(), icon.height()) == 96
    centre = icon.toImage().pixelColor(48, 20)
    assert (centre.red(), centre.green(), centre.blue()) == (0x1F, 0x4E, 0x79), "the icon's blue"


def test_names_the_licences_of_the_bundled_parts(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()

    licences = dialog.licences()
    assert licences["Qt 6 and Qt for Python (PySide6)"] == "LGPL-3.0"
    assert licences["CenterFace face-detection model"] == "MIT"
    assert licences["twitter-text conformance data"] == "Apache-2.0"
    assert licences["x265"] == "GPL-2.0", "the HEIC codec inside pillow-heif's wheels"
    texts = " ".join(shown_texts(dialog))
    assert "tests the character counter; not installed" in texts, (
        "the twitter-text data is used by the tests only, and the box says so")
    for licence in licences.values():
        assert licence in texts


def test_shows_the_data_folder_only_when_given(qtbot: QtBot, tmp_path: Path) -> None:
    without = AboutDialog()
    with_folder = AboutDialog(data_dir=tmp_path / "StPetersDesk")
    qtbot.addWidget(without)
    qtbot.addWidget(with_folder)
    without.show()
    with_folder.show()

    assert not any(text.startswith("Data folder") for text in shown_texts(without))
    assert f"Data folder: {tmp_path / 'StPetersDesk'}" in shown_texts(with_folder)


def test_close_button_closes_it(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.close_button is not None

    with qtbot.waitSignal(dialog.finished):
        dialog.close_button.click()

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
