from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner


@pytest.fixture
def window(qtbot: QtBot, services: DeskServices) -> MainWindow:
    win = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    return win
