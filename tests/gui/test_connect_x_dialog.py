"""The Connect X dialog in a school's words, and the guide it opens (issue 17, item 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui import connect_x_dialog
from stpeters_desk.ui.connect_x_dialog import GUIDE_LINK, ConnectXDialog, GuideDialog, guide_path
from stpeters_desk.ui.tasks import SyncTaskRunner

ROOT = Path(__file__).resolve().parents[2]


def _dialog(qtbot: QtBot, services: DeskServices) -> ConnectXDialog:
    dialog = ConnectXDialog(services, SyncTaskRunner(), lambda _action: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _words(dialog: ConnectXDialog) -> str:
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    names = " ".join(field.accessibleName() for field in dialog.findChildren(QLineEdit))
    tabs = " ".join(dialog.tabs.tabText(i) for i in range(dialog.tabs.count()))
    return f"{labels} {names} {tabs}"


def test_the_fields_have_plain_names_and_say_where_x_shows_each_code(
        qtbot: QtBot, services: DeskServices) -> None:
    dialog = _dialog(qtbot, services)
    words = _words(dialog)
    assert "PIN from x.com" not in words and "Paste keys" not in words
    assert "The code x.com shows" in words
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "API key" not in labels and "API key secret" not in labels  # as a field's name
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        for field in dialog.tabs.currentWidget().findChildren(QLineEdit):
            hint = field.accessibleDescription()
            assert hint, field.accessibleName()
            under = [label for label in field.parentWidget().findChildren(QLabel)
                     if label.text() == hint]
            assert under and under[0].isVisible()
            assert under[0].geometry().top() >= field.geometry().bottom()  # under the field
    assert "not a staff PIN" in dialog.pin_field.accessibleDescription()


def test_how_do_i_get_these_opens_the_guide(qtbot: QtBot, services: DeskServices,
                                            monkeypatch: object) -> None:
    dialog = _dialog(qtbot, services)
    assert dialog.guide_link.isVisible()
    assert "How do I get these?" in dialog.guide_link.text()
    opened: list[GuideDialog] = []

    def record(guide: GuideDialog) -> int:
        opened.append(guide)
        return 0

    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(GuideDialog, "exec", record)
        dialog.guide_link.linkActivated.emit(GUIDE_LINK)
    assert len(opened) == 1
    shown = opened[0].text.toPlainText()
    assert "Keys and tokens" in shown
    assert "Read and write" in shown
    assert "$0.015" in shown and "Prices change" in shown


def test_the_guide_ships_with_the_app_and_matches_the_docs() -> None:
    shipped = guide_path()
    assert shipped.is_file()
    assert shipped.read_text(encoding="utf-8") == (ROOT / "docs" / "CONNECT-X.md").read_text(
        encoding="utf-8")
    assert connect_x_dialog.GUIDE[0] == shipped.parent.name
