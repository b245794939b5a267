"""F1 explains the tab in front of you and the part of the school's policy it serves."""

from __future__ import annotations

from stpeters_desk.ui.help_dialog import TAB_HELP, help_html
from stpeters_desk.ui.main_window import MainWindow


def test_every_tab_the_head_sees_has_help() -> None:
    tabs = ["Compose", "Photos", "Approvals", "Moderation", "Followers", "Staff", "Audit",
            "Settings", "Policy"]
    for tab in tabs:
        what, clause = TAB_HELP[tab]
        assert len(what) > 80 and clause
        assert "policy" in help_html(tab).lower()


def test_f1_opens_help_for_the_current_tab(window: MainWindow) -> None:
    window.select_tab("Compose")
    window.show_help()
    assert window.help_dialog.windowTitle() == "Help: Compose"
    assert "280" in window.help_dialog.text.toPlainText()
    window.help_dialog.close()


def test_f1_is_bound_once_someone_is_at_work(window: MainWindow) -> None:
    assert window._help_action.shortcut().toString() == "F1"


def test_the_staff_help_lists_every_guarded_action_as_the_gate_reads_it() -> None:
    from stpeters_desk.ops.actions import ACTIONS, Action, action_titles
    from stpeters_desk.ui.help_dialog import help_html

    page = help_html("Staff")
    titles = action_titles()
    assert all(titles[action] in page.replace("&#x27;", "'") for action in ACTIONS)
    assert page.count("<tr>") == len(ACTIONS) + 1
    unblock = page.split(titles[Action.REQUEST_UNBLOCK])[1].split("</tr>")[0]
    assert unblock.count("Yes") == 2  # the head-teacher PIN and a reason


def test_the_moderation_help_says_what_is_checked_on_this_computer_and_what_is_not() -> None:
    page = help_html("Moderation").replace("&#x27;", "'")
    for words in ("Checked on this computer", "pictures", "picture not checked on this "
                  "computer", "Show picture", "audit log", "Not checked", "copyright",
                  "Copyright infringement"):
        assert words in page, words
