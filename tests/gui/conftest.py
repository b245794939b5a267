from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.preflight import PreflightReport
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.composer_tab import ComposerTab
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.preflight_dialog import PreflightDecision
from stpeters_desk.ui.tasks import SyncTaskRunner, clean_up_leftovers, leftovers


def answer_preflight(composer: ComposerTab, seen: list[PreflightReport] | None = None,
                     override_reason: str = "") -> None:
    """Stand in for the person at the pre-flight panel: post whatever it allows."""
    def decide(report: PreflightReport) -> PreflightDecision:
        if seen is not None:
            seen.append(report)
        if report.can_post:
            return PreflightDecision(post=True)
        return PreflightDecision(post=bool(override_reason), override_reason=override_reason)

    composer.confirm_preflight = decide  # type: ignore[method-assign]


def wait_for_the_account(qtbot: QtBot, window: MainWindow) -> None:
    """The window reads the account once its tab has been drawn (``ui.first_frame``), as a
    person would see it: wait for that, and for the layout it changes."""
    connecting = window.account_bar.tr("Connecting…")
    qtbot.waitUntil(lambda: window.account_bar.mode_label.text() != connecting)
    qtbot.wait(1)


@pytest.fixture
def window(qtbot: QtBot, services: DeskServices) -> MainWindow:
    win = MainWindow(services, SyncTaskRunner())
    answer_preflight(win.composer)
    qtbot.addWidget(win)
    win.show()
    wait_for_the_account(qtbot, win)
    return win


@pytest.fixture(autouse=True)
def _nothing_left_running() -> Iterator[None]:
    """A test fails if it leaves a worker thread or one of the task runner's timers running:
    a later test would receive its result, and in the app a closed window would."""
    yield
    found = leftovers()
    if found:
        clean_up_leftovers()
        pytest.fail("Left running at the end of the test: " + "; ".join(found))
