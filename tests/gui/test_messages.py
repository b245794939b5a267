"""Messages where they belong: a refusal goes once the text changes, and the status bar
speaks for the tab in front."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ui.composer_tab import ComposerTab
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import SyncTaskRunner
from stpeters_desk.x.sandbox import SandboxGateway
from tests.gui.test_composer import type_text

HEAD_PIN = "480516"


def test_a_refusal_about_the_text_goes_when_the_text_changes(window: MainWindow) -> None:
    composer = window.composer
    composer.editor.setPlainText("x" * 300)
    composer.schedule_at(datetime.now(UTC) + timedelta(days=1))  # the pre-flight refuses it
    assert composer.message_label.isVisible()
    assert "still here to edit" in composer.message_label.text()
    composer.editor.selectAll()
    type_text(composer, "Well done Class 3 for a lovely assembly this morning.")
    assert composer.message_label.isHidden()  # it no longer applies to the new draft


def test_a_draft_problem_stays_while_typing(window: MainWindow) -> None:
    composer = window.composer
    composer.show_message("The draft could not be saved (disk full).", ok=False)
    type_text(composer, "More")
    assert "could not be saved" in composer.message_label.text()  # not about the words


def test_a_tweet_restored_at_start_is_counted_and_checked(qtbot: QtBot,
                                                         services: DeskServices) -> None:
    from stpeters_desk.core.storage.drafts import PRACTICE_DRAFTS

    services.drafts.save(PRACTICE_DRAFTS, "Ready for sports day")
    composer = ComposerTab(services, SyncTaskRunner())
    qtbot.addWidget(composer)
    assert composer._names_timer.isActive()  # the name check runs without a keystroke
    qtbot.waitUntil(lambda: not composer._names_timer.isActive(), timeout=3000)


class _Talker(QWidget):
    from PySide6.QtCore import Signal

    status = Signal(str)


def test_the_status_bar_speaks_for_the_tab_in_front(qtbot: QtBot, db: Database,
                                                     sandbox: SandboxGateway,
                                                     data_dir: Path) -> None:
    services = DeskServices.build(db, sandbox, data_dir, signed_in="Test Secretary")
    window = MainWindow(services, SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    other = _Talker()
    window._add_tab(other, "Policy")
    other.status.connect(window.show_status)
    window.composer.status.emit("Tweet posted.")
    assert window.statusBar().currentMessage() == "Tweet posted."

    other.status.emit("Followers synced.")  # said while Compose is in front
    assert window.statusBar().currentMessage() == "Tweet posted."
    window.select_tab("Policy")
    assert window.statusBar().currentMessage() == "Followers synced."  # its own tab's word
    window.select_tab("Compose")
    assert window.statusBar().currentMessage() == ""  # no other tab's message
