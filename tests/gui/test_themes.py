"""Light, dark and high contrast (issue 8): one style sheet, one palette file per theme.

The style sheet (resources/style.qss) names colours only as @tokens@; each theme file in
resources/themes/ gives their values, and the same values build the QPalette for the
widgets the sheet leaves alone. These tests check that every theme is complete, that
choosing one in Settings changes the whole app at once, that "system" follows the
computer when it switches between light and dark, and that every colour pair people
read is legible: 4.5:1 for text (WCAG AA), 7:1 in high contrast (AAA), and 3:1 for the
edges and focus outlines that show where a control is (WCAG 1.4.11).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import LANGUAGE, THEME
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ui import styling
from stpeters_desk.ui.application import apply_style
from stpeters_desk.ui.settings_tab import SettingsTab
from stpeters_desk.ui.styling import (
    DISABLED_ROLES,
    PALETTE_ROLES,
    THEMES,
    THEMES_FOLDER,
    fill_tokens,
    is_dark,
    os_colour_scheme_changed,
    read_theme,
    sheet_tokens,
    shown_theme,
    theme_colour,
)
from stpeters_desk.ui.tasks import SyncTaskRunner
from tests.gui.test_security_ui import HEAD_PIN, head, open_window, school, sign_in

__all__ = ["head", "school"]  # fixtures shared with the security tests

RESOURCES = resources_dir()
SHEET = (RESOURCES / "style.qss").read_text(encoding="utf-8")
THEME_FILES = sorted((RESOURCES / "themes").glob("*.theme"))
DRAWN_THEMES = [theme for theme in THEMES if theme != "system"]
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

# Text (first) on the background it sits on (second), where the style sheet does not put
# both in one rule: text inherited from the palette, or a label on a panel's background.
TEXT_PAIRS = [
    ("text", "window"), ("muted", "window"), ("heading", "window"), ("link", "window"),
    ("text", "base"), ("text", "alt_base"), ("placeholder", "base"), ("link", "base"),
    ("text", "card_bg"), ("muted", "card_bg"), ("heading", "card_bg"),
    ("text", "panel_bg"), ("muted", "panel_bg"), ("heading", "panel_bg"),
    ("text", "recovery_bg"), ("selection_text", "selection_bg"),
    ("danger", "button"), ("danger", "button_hover"), ("danger", "window"),
    ("ok", "window"), ("warn", "window"), ("warn", "base"), ("danger", "base"),
    ("handoff_text", "handoff_bg"), ("handoff_text", "unblock_bg"),
    ("reply_text", "card_bg"), ("reply_meta", "card_bg"),
    ("disabled_text", "disabled_bg"), ("disabled_text", "window"),
    ("mark_text", "mark_block"), ("mark_text", "mark_warn"), ("mark_text", "mark_over"),
    ("heading", "button_hover"),  # a selected tab under the mouse
    ("accent_text", "accent_hover"), ("button_text", "button_hover"),  # buttons under the mouse
    ("text", "button_hover"),  # a tab under the mouse
    ("text", "progress"),  # a progress bar's words, over the part done
]
# Edges and outlines that show where a control is and which one has the focus.
EDGE_PAIRS = [
    ("focus", "window"), ("focus", "base"), ("focus", "button"), ("focus", "card_bg"),
    ("focus", "panel_bg"), ("input_border", "base"), ("input_border", "window"),
    ("button_border", "window"), ("danger", "window"), ("heading", "window"),
    ("progress_edge", "base"), ("scroll_handle", "base"),
]


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rule_pairs(sheet: str) -> set[tuple[str, str]]:
    """(text, background) token pairs set together in one rule of the style sheet."""
    pairs = set()
    for body in re.findall(r"\{([^}]*)\}", sheet):
        colour = re.search(r"(?<![-\w])color:\s*@(\w+)@", body)
        background = re.search(r"background(?:-color)?:\s*@(\w+)@", body)
        if colour and background:
            pairs.add((colour.group(1), background.group(1)))
        selection = re.search(r"selection-color:\s*@(\w+)@", body)
        selection_bg = re.search(r"selection-background-color:\s*@(\w+)@", body)
        if selection and selection_bg:
            pairs.add((selection.group(1), selection_bg.group(1)))
    return pairs


@pytest.fixture
def app_look() -> Iterator[QApplication]:
    """Put Qt's look and the remembered theme back afterwards, for the other tests."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = QPalette(app.palette()), app.styleSheet()
    remembered = dict(vars(styling._appearance))
    yield app
    vars(styling._appearance).update(remembered)
    app.setStyleSheet(sheet)
    app.setPalette(palette)


# -- every theme is complete ----------------------------------------------------------------
def test_there_are_light_dark_and_high_contrast_theme_files() -> None:
    assert [path.stem for path in THEME_FILES] == sorted(DRAWN_THEMES)


@pytest.mark.parametrize("theme", DRAWN_THEMES)
def test_every_theme_gives_every_token_and_only_colours_or_widths(theme: str) -> None:
    tokens = read_theme(RESOURCES, theme)
    needed = sheet_tokens(SHEET) - {THEMES_FOLDER}
    needed |= set(PALETTE_ROLES.values()) | set(DISABLED_ROLES.values())
    assert needed - tokens.keys() == set()
    assert tokens.keys() == read_theme(RESOURCES, "light").keys(), "the same tokens everywhere"
    for name, value in tokens.items():
        assert COLOUR.fullmatch(value) or re.fullmatch(r"\d+px", value) or name == "icons", \
            (name, value)
    icons = RESOURCES / "themes" / tokens["icons"]
    assert {path.name for path in icons.glob("*.svg")} >= {
        "check.svg", "dot.svg", "arrow-down.svg", "arrow-up.svg"}
    filled = fill_tokens(SHEET, {**tokens, THEMES_FOLDER: "/somewhere"})
    assert "@" not in filled
    assert not re.search(r"\b(white|black|red|green|blue|yellow)\b", SHEET), \
        "colours only through tokens"
    assert COLOUR.search(SHEET) is None, "no colour written in the style sheet itself"


def test_a_missing_token_is_refused_rather_than_dropping_a_rule() -> None:
    tokens = {**read_theme(RESOURCES, "light"), THEMES_FOLDER: "/somewhere"}
    del tokens["accent"]
    with pytest.raises(styling.ThemeError, match="accent"):
        fill_tokens(SHEET, tokens)


def test_no_python_code_in_the_ui_names_a_theme_colour() -> None:
    """Colours belong in the theme files; the UI code only moves them around."""
    for module in Path(styling.__file__).parent.glob("*.py"):
        assert COLOUR.search(module.read_text(encoding="utf-8")) is None, module.name


# -- legibility ---------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", DRAWN_THEMES)
def test_every_text_colour_is_legible_on_its_background(theme: str) -> None:
    tokens = read_theme(RESOURCES, theme)
    least = 7.0 if theme == "high-contrast" else 4.5
    pairs = set(TEXT_PAIRS) | rule_pairs(SHEET)
    pairs |= {(text, background) for text, background in [
        (PALETTE_ROLES["WindowText"], PALETTE_ROLES["Window"]),
        (PALETTE_ROLES["Text"], PALETTE_ROLES["Base"]),
        (PALETTE_ROLES["ButtonText"], PALETTE_ROLES["Button"]),
        (PALETTE_ROLES["HighlightedText"], PALETTE_ROLES["Highlight"]),
        (PALETTE_ROLES["ToolTipText"], PALETTE_ROLES["ToolTipBase"]),
        (DISABLED_ROLES["Text"], DISABLED_ROLES["Base"]),
    ]}
    assert len(pairs) > 45
    too_faint = [f"{text} on {background}: {contrast(tokens[text], tokens[background]):.2f}"
                 for text, background in sorted(pairs)
                 if contrast(tokens[text], tokens[background]) < least]
    assert too_faint == []


@pytest.mark.parametrize("theme", DRAWN_THEMES)
def test_edges_and_focus_outlines_stand_out(theme: str) -> None:
    tokens = read_theme(RESOURCES, theme)
    faint = [f"{edge} on {background}: {contrast(tokens[edge], tokens[background]):.2f}"
             for edge, background in EDGE_PAIRS
             if contrast(tokens[edge], tokens[background]) < 3.0]
    assert faint == []


def test_high_contrast_has_thicker_edges_and_focus_and_a_yellow_outline() -> None:
    light, high = read_theme(RESOURCES, "light"), read_theme(RESOURCES, "high-contrast")
    assert int(high["focus_width"][:-2]) > int(light["focus_width"][:-2])
    assert int(high["border_width"][:-2]) > int(light["border_width"][:-2])
    assert high["focus"].lower() == "#ffff00"
    assert (high["window"], high["text"]) == ("#000000", "#ffffff")


def test_the_contrast_sums_match_published_figures() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# -- choosing a theme -------------------------------------------------------------------------
def settings_tab(qtbot: QtBot, school: DeskServices) -> SettingsTab:
    """As the app shows it: to someone signed in (a change is theirs in the audit log)."""
    assert school.staff is not None
    school.sign_in(school.staff.members()[0])
    tab = SettingsTab(school, SyncTaskRunner(), lambda _action: None, lambda: None)
    qtbot.addWidget(tab)
    return tab


def choose(box_owner: SettingsTab, which: str, key: str) -> None:
    box = getattr(box_owner, which)
    box.setCurrentIndex(box.findData(key))


def test_a_theme_chosen_in_settings_changes_the_whole_app_at_once(
        qtbot: QtBot, school: DeskServices, head: StaffMember, app_look: QApplication) -> None:
    apply_style(app_look, RESOURCES, "light")
    assert not is_dark(app_look.palette())
    tab = settings_tab(qtbot, school)
    assert tab.theme_box.currentData() == "system"
    assert tab.theme_box.toolTip()

    choose(tab, "theme_box", "dark")
    dark = read_theme(RESOURCES, "dark")
    assert school.settings.get(THEME.key) == "dark"
    assert shown_theme() == "dark"
    assert is_dark(app_look.palette())
    assert app_look.palette().color(QPalette.ColorRole.Base) == QColor(dark["base"])
    assert dark["window"] in app_look.styleSheet() and "@" not in app_look.styleSheet()
    assert school.audit.recent(1)[0].action == "theme changed"
    assert theme_colour("mark_block") == dark["mark_block"], "for marks drawn in code"

    choose(tab, "theme_box", "high-contrast")
    assert app_look.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    assert app_look.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) \
        == QColor(read_theme(RESOURCES, "high-contrast")["disabled_text"])

    choose(tab, "theme_box", "light")
    assert not is_dark(app_look.palette())
    assert [e.action for e in school.audit.recent(3)] == ["theme changed"] * 3
    again = settings_tab(qtbot, school)
    assert again.theme_box.currentData() == "light", "kept for the next start"


def test_the_theme_stored_in_settings_is_used_at_start_up(
        school: DeskServices, app_look: QApplication) -> None:
    school.settings.set(THEME.key, "high-contrast")
    apply_style(app_look, RESOURCES, school.settings.get(THEME.key) or "system")
    assert shown_theme() == "high-contrast"
    assert "3px solid #ffff00" in app_look.styleSheet(), "the thick yellow focus outline"


def test_system_follows_the_computer_switching_between_light_and_dark(
        qtbot: QtBot, school: DeskServices, head: StaffMember, app_look: QApplication) -> None:
    apply_style(app_look, RESOURCES, "system")
    assert shown_theme() == "light"  # the offscreen test platform is light
    window = open_window(qtbot, school)
    sign_in(window, "Mrs Invented Head", HEAD_PIN)  # from now on the app follows the computer
    hints = app_look.styleHints()

    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert shown_theme() == "dark"
    assert is_dark(app_look.palette())

    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert shown_theme() == "light"
    assert not is_dark(app_look.palette())


def test_a_chosen_theme_stays_when_the_computer_switches(app_look: QApplication) -> None:
    apply_style(app_look, RESOURCES, "high-contrast")
    os_colour_scheme_changed(app_look, True)
    assert shown_theme() == "high-contrast"
    os_colour_scheme_changed(app_look, False)
    assert shown_theme() == "high-contrast"


def test_an_unknown_stored_theme_follows_the_computer(app_look: QApplication) -> None:
    apply_style(app_look, RESOURCES, "purple")
    assert shown_theme() == "light"


def test_without_theme_files_the_app_keeps_qts_own_look(tmp_path: Path,
                                                        app_look: QApplication) -> None:
    (tmp_path / "style.qss").write_text(SHEET, encoding="utf-8")
    app_look.setStyleSheet("")
    apply_style(app_look, tmp_path, "dark")
    assert app_look.styleSheet() == ""


# -- choosing a language ----------------------------------------------------------------------
def test_the_language_is_stored_for_the_next_start_and_says_so(
        qtbot: QtBot, school: DeskServices, head: StaffMember) -> None:
    tab = settings_tab(qtbot, school)
    assert tab.language_box.currentData() == "en"
    assert "next time the app starts" in tab.language_note.text()
    assert tab.language_box.toolTip()

    choose(tab, "language_box", "cy")
    assert school.settings.get(LANGUAGE.key) == "cy"
    assert school.audit.recent(1)[0].action == "language changed"
    assert "next time the app starts" in tab.message.text()
    welsh_installed = (RESOURCES / "translations" / "stpeters_desk_cy.qm").is_file()
    assert ("stays in English" in tab.language_note.text()) != welsh_installed


def test_marked_names_in_the_composer_take_the_themes_colours(
        qtbot: QtBot, services: DeskServices, app_look: QApplication) -> None:
    """Pale marks under light text cannot be read: a dark theme redraws them dark."""
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.ui.composer_tab import ComposerTab
    from stpeters_desk.ui.tasks import SyncTaskRunner

    services._name_guard = NameGuard.from_names(["Olivia Smith"])
    composer = ComposerTab(services, SyncTaskRunner())
    qtbot.addWidget(composer)
    for theme in ("light", "dark"):
        apply_style(app_look, resources_dir(), theme)
        composer.editor.setPlainText("Well done Olivia Smith!")
        composer.check_names()
        marks = composer.editor.extraSelections()
        assert marks, "the name is marked"
        background = marks[0].format.background().color().name()
        assert background == styling.theme_colour("mark_block").lower()
        text_colour = marks[0].format.foreground().color().name()
        assert text_colour == styling.theme_colour("mark_text").lower()
