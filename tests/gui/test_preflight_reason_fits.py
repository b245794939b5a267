"""Issue 17: the pre-flight dialog's reason box shows its placeholder whole.

The box where the head teacher or an approver says why a blocked tweet is safe to post
("Why this is safe to post (recorded in the audit log)") cut its words off ("…(recorded
in the au"): the checks' scrolling pane followed its content's narrow minimum instead of
the dialog's chosen width, so the dialog shrank to 357 px once its layout had settled.
Built as the composer builds it, over the window at 1366x768 and 1180x760, in the app's
style and in kiosk mode, in English and in Welsh (longer words), the placeholder fits the
box's text area, across and down.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.preflight import PreflightReport, run_preflight
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui.preflight_dialog import DIALOG_WIDTH, PreflightDialog
from stpeters_desk.ui.translations import install_language
from tests.gui.helpers.placeholders import assert_placeholder_whole
from tests.gui.test_security_ui import head, school
from tests.gui.test_side_panes_fit import SIZES, settle, styled, window_at

__all__ = ["head", "school", "styled"]  # fixtures


@pytest.fixture(params=["en", "cy"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    assert install_language(request.param, resources_dir())
    try:
        yield request.param
    finally:
        install_language("en", resources_dir())


def blocked() -> PreflightReport:
    """A child's name: blocked, and the head teacher may override it with a reason."""
    report = run_preflight("Well done Olivia! See stpeters.sch.uk", [],
                           NameGuard.from_names(["Olivia Smith"]))
    assert not report.can_post
    return report


@pytest.mark.parametrize(("width", "height", "kiosk"), SIZES)
def test_the_override_reason_shows_its_placeholder_whole(
        qtbot: QtBot, school: DeskServices, head: StaffMember, styled: None, language: str,
        width: int, height: int, kiosk: bool) -> None:
    window = window_at(qtbot, school, head, width, height, kiosk)
    dialog = PreflightDialog(blocked(), True, window, may_send_for_approval=True)
    qtbot.addWidget(dialog)
    settle()  # its layout settles before it is shown, as when the app is busy
    dialog.show()
    settle()
    assert dialog.width() >= DIALOG_WIDTH
    assert dialog.width() <= width and dialog.height() <= height, "it fits the screen"
    assert_placeholder_whole(dialog.reason)
    if language == "cy":
        assert "Pam" in dialog.reason.placeholderText()
    dialog.close()
    window.allow_close()


def test_the_dialog_keeps_its_width_once_its_layout_has_settled(qtbot: QtBot,
                                                                 styled: None) -> None:
    """As the gallery draws it: made, the events handled, then shown (it was 357 px)."""
    dialog = PreflightDialog(blocked(), True)
    qtbot.addWidget(dialog)
    QApplication.processEvents()
    dialog.show()
    QApplication.processEvents()
    assert dialog.checks_area.minimumWidth() >= DIALOG_WIDTH
    assert dialog.width() >= DIALOG_WIDTH
    assert_placeholder_whole(dialog.reason)


def test_a_long_placeholder_widens_the_box_rather_than_being_cut(qtbot: QtBot,
                                                                 styled: None) -> None:
    """Whatever the words (a translation, a larger font), the box asks for their width."""
    dialog = PreflightDialog(blocked(), True)
    qtbot.addWidget(dialog)
    dialog.reason.setPlaceholderText("Why this is safe to post " * 4 + "(audit log)")
    dialog.show()
    QApplication.processEvents()
    assert_placeholder_whole(dialog.reason)
