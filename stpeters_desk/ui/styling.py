"""The app's look: marking widgets for the style sheet; the light, dark and high-contrast themes.

One style sheet (resources/style.qss) holds the structure with colour tokens like
``@accent@``; one small file per theme (resources/themes/*.theme) gives their values,
and the same values build the QPalette for widgets the sheet leaves alone. So no
colour is written in Python code, and a new theme is one new file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from stpeters_desk.core.settings_registry import THEME

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QScrollArea


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on, and re-polish only on change.

    Re-polishing goes through ``QWidget.style()``, whose first use is costly in
    PySide6, and ``QStyle.polish``, whose overloads make PySide6 build Qt's whole enum
    namespace (about 25 ms) on first use; skipping unchanged values keeps both off the
    start-up path, so give a widget its first state before the window is shown.
    """
    current = widget.property(name)
    if current == value or (current is None and value in (False, "")):
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


# Dates in date boxes as in the tabs' lists: "Tue 24 Nov 2026", with Qt naming the day and
# month in the language chosen (ui.translations sets Qt's default locale to match).
DATE_FORMAT = "ddd d MMM yyyy"
DATE_TIME_FORMAT = "ddd d MMM yyyy, HH:mm"

# Room for a vertical scroll bar; a fixed allowance, as asking the style costs start-up time.
SCROLL_BAR_ROOM = 20


def scrolls_when_short(pane: QWidget, least_width: int = 0) -> QScrollArea:
    """Wrap a tall side pane so that it scrolls on a 1366x768 screen, in kiosk mode or
    with a large OS font, instead of pushing the window past the bottom of the screen.

    Only vertically: the pane keeps its full width, so nothing is cut off at the side,
    including what appears later (a message, larger kiosk text): the area's minimum width
    follows the pane's whenever its layout changes, and is never below ``least_width``
    (a dialog's chosen width: following the pane alone, the pre-flight dialog shrank to
    357 px and cut off its reason box's words, issue 17).
    Imported here: PySide6 builds each Qt class on first import, and this module is
    on the start-up path.
    """
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    class FollowingArea(QScrollArea):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
                self.fit_width()
            return super().eventFilter(watched, event)

        def fit_width(self) -> None:
            content = self.widget()
            if content is not None:
                self.setMinimumWidth(max(least_width,
                                         content.minimumSizeHint().width() + SCROLL_BAR_ROOM))

    area = FollowingArea()
    area.setWidget(pane)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside take the focus
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.fit_width()
    return area


def empty_state_label(text: str = "") -> QLabel:
    """The centred sentence a list shows when it has nothing, saying what to do next."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel(text)
    label.setObjectName("EmptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def may_narrow(box: QComboBox) -> None:
    """Let a combo box with long choices give up width (it then shows a shortened choice),
    so a row of controls still fits a 1366 px screen when the computer's text is enlarged."""
    box.setSizeAdjustPolicy(box.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)


# -- themes: light, dark and high contrast ---------------------------------------------------
SYSTEM_THEME = "system"
THEMES = THEME.choices  # the keys stored in Settings (the settings registry lists them)
DEFAULT_THEME = THEME.default
TOKEN_MARK = "@"  # tokens are written @name@ in the style sheet
# Qt's own style on every computer, so that one palette and one style sheet look the same
# on Windows, macOS and Linux (the native Windows style ignores dark palettes). Given to
# QApplication as "-style": choosing it later through Python costs start-up time.
QT_STYLE = "fusion"
THEMES_FOLDER = "themes"  # the one token the app fills in itself: where the icons are

# The QPalette roles that widgets the style sheet leaves alone (tables, menus, scroll bars,
# calendars, message boxes) draw with, and the theme token each one takes.
PALETTE_ROLES = {
    "Window": "window", "WindowText": "text", "Base": "base", "AlternateBase": "alt_base",
    "Text": "text", "Button": "button", "ButtonText": "button_text", "BrightText": "danger",
    "Highlight": "selection_bg", "HighlightedText": "selection_text",
    "ToolTipBase": "tooltip_bg", "ToolTipText": "tooltip_text",
    "PlaceholderText": "placeholder", "Link": "link", "LinkVisited": "link",
    "Light": "button_hover", "Midlight": "button_hover", "Mid": "divider",
    "Dark": "input_border", "Shadow": "input_border", "Accent": "accent",
}
DISABLED_ROLES = {
    "WindowText": "disabled_text", "Text": "disabled_text", "ButtonText": "disabled_text",
    "Button": "disabled_bg", "Base": "disabled_bg",
}


class ThemeError(ValueError):
    """A theme file is missing or lacks a token the style sheet uses."""


class _Appearance:
    """What is on screen, and what the computer asked for, for later switches.

    A plain class, not a dataclass: making a dataclass runs generated code, which
    this module, imported on the start-up path, cannot afford.
    """

    def __init__(self) -> None:
        self.resources: Path | None = None
        self.chosen = DEFAULT_THEME
        self.shown = ""
        self.os_dark = False
        self.following_os = False
        self.tokens: dict[str, str] = {}
        self.font_scale = 1.0


_appearance = _Appearance()


def theme_file(resources: Path, theme: str) -> Path:
    return resources / "themes" / f"{theme}.theme"


def read_theme(resources: Path, theme: str) -> dict[str, str]:
    """The token values of one theme: ``name = value`` lines, ``;`` starts a comment."""
    path = theme_file(resources, theme)
    if not path.is_file():
        raise ThemeError(f"No theme file {path}")
    tokens = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        name, _, value = line.partition("=")
        tokens[name.strip()] = value.strip()
    return tokens


def sheet_tokens(sheet: str) -> set[str]:
    """The token names a style sheet uses: every second piece between @ marks."""
    return set(sheet.split(TOKEN_MARK)[1::2])


def fill_tokens(sheet: str, tokens: dict[str, str]) -> str:
    """The style sheet with every @token@ replaced; a token the theme lacks is an error,
    as Qt would silently drop the whole rule and leave that widget unthemed.

    Split on the marks rather than a regular expression: compiling one costs start-up time.
    """
    pieces = sheet.split(TOKEN_MARK)
    if len(pieces) % 2 == 0:
        raise ThemeError("The style sheet has an @ without its partner")
    missing = sorted(set(pieces[1::2]) - tokens.keys())
    if missing:
        raise ThemeError(f"The theme has no value for {', '.join(missing)}")
    pieces[1::2] = [tokens[name] for name in pieces[1::2]]
    return "".join(pieces)


def build_palette(tokens: dict[str, str]) -> QPalette:
    """The same colours as the style sheet, for the widgets it does not style."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles, disabled = QPalette.ColorRole, QPalette.ColorGroup.Disabled
    for role, token in PALETTE_ROLES.items():
        palette.setColor(getattr(roles, role), QColor(tokens[token]))
    for role, token in DISABLED_ROLES.items():
        palette.setColor(disabled, getattr(roles, role), QColor(tokens[token]))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Dark when the window colour is; cheaper than asking Qt for the colour scheme,
    whose enum is the first use of Qt's namespace and slow in PySide6 at start-up."""
    return palette.window().color().lightness() < 128


def concrete_theme(theme: str) -> str:
    """light, dark or high-contrast: "system" (or an unknown value) follows the computer."""
    if theme in THEMES and theme != SYSTEM_THEME:
        return theme
    return "dark" if _appearance.os_dark else "light"


# The usual size of the system font where text is not enlarged, in Qt's points: the style
# sheet's sizes are designed for it (macOS counts points at 72 dpi, the others at 96).
USUAL_SYSTEM_POINTS = {"win32": 9.0, "darwin": 13.0}
USUAL_SYSTEM_POINTS_ELSEWHERE = 10.0


def font_scale(system_points: float, platform: str) -> float:
    """How much bigger the computer's text is than usual (never smaller than 1).

    Someone who enlarged the text in their computer's settings (Windows "Make text
    bigger", a larger font on Linux or macOS) gets every size in the style sheet
    enlarged the same way, so the app's fixed sizes do not overrule their choice.
    """
    usual = USUAL_SYSTEM_POINTS.get(platform, USUAL_SYSTEM_POINTS_ELSEWHERE)
    if system_points <= 0:
        return 1.0
    return max(1.0, system_points / usual)


def scale_font_sizes(sheet: str, scale: float) -> str:
    """Every ``font-size: N pt/px`` of the style sheet multiplied by `scale`.

    Split on the property rather than a regular expression: compiling one costs start-up time.
    """
    if scale == 1.0:
        return sheet
    marker = "font-size:"
    pieces = sheet.split(marker)
    for index in range(1, len(pieces)):
        piece = pieces[index]
        value = piece.lstrip()
        number = value[:len(value) - len(value.lstrip("0123456789."))]
        unit = value[len(number):len(number) + 2]
        if not number or unit not in ("pt", "px"):
            continue
        rest = value[len(number):]
        pieces[index] = f" {round(float(number) * scale, 1)}{rest}"
    return marker.join(pieces)


def start_appearance(app: QApplication, resources: Path, theme: str, *,
                     text_size_now: bool = True) -> bool:
    """At start-up, before any window: note whether the computer is dark (and, unless
    told to wait, how large its text is), then show `theme`.

    The app itself waits for the text size until its window is up (see
    follow_system_text_size): asking Qt for the system font first costs the sign-in
    screen several milliseconds, and nearly every computer uses the usual size.
    False, with Qt's default look, if the style sheet or theme files are missing.
    """
    _appearance.os_dark = is_dark(app.palette())
    _appearance.font_scale = system_text_scale(app) if text_size_now else 1.0
    _appearance.resources = resources
    return show_theme(app, theme)


def system_text_scale(app: QApplication) -> float:
    import sys

    return font_scale(app.font().pointSizeF(), sys.platform)


def follow_system_text_size(app: QApplication) -> None:
    """Once the window is up: enlarge every size in the style sheet if the computer's
    text is larger than usual (re-applying the sheet only then)."""
    scale = system_text_scale(app)
    if scale == _appearance.font_scale:
        return
    _appearance.font_scale = scale
    show_theme(app, _appearance.chosen)


def show_theme(app: QApplication, theme: str) -> bool:
    """Apply `theme` (a key of THEMES) to the whole app now; False if it cannot be read."""
    resources = _appearance.resources
    _appearance.chosen = theme
    if resources is None:
        return False
    shown = concrete_theme(theme)
    sheet = resources / "style.qss"
    try:
        tokens = read_theme(resources, shown)
        text = fill_tokens(sheet.read_text(encoding="utf-8"),
                           {**tokens, THEMES_FOLDER: (resources / "themes").as_posix()})
    except (OSError, ThemeError):
        return False
    app.setPalette(build_palette(tokens))
    app.setStyleSheet(scale_font_sizes(text, _appearance.font_scale))
    _appearance.shown, _appearance.tokens = shown, tokens
    return True


def shown_theme() -> str:
    """light, dark or high-contrast: what is on screen now ("" before any is shown)."""
    return _appearance.shown


def theme_colour(token: str) -> str:
    """A colour of the theme on screen, for the few things drawn in code (text marks)."""
    return _appearance.tokens.get(token, "")


AFTER_FIRST_FRAME_MS = 300  # work that can wait until the window is on screen


def follow_os_colour_scheme(app: QApplication) -> None:
    """From now on, "system" follows the computer when it switches between light and dark.

    Connected after sign-in, not at start-up: it needs Qt's enum namespace, which is
    slow to build in PySide6. Safe to call again; it connects only once.
    """
    if _appearance.following_os:
        return
    from PySide6.QtCore import QTimer

    _appearance.following_os = True
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda new: _scheme_seen(app, new))
    # Asked once the window is drawn: the answer is one of Qt's enums, slow to build.
    QTimer.singleShot(AFTER_FIRST_FRAME_MS, app, lambda: _scheme_seen(app, hints.colorScheme()))


def _scheme_seen(app: QApplication, scheme: object) -> None:
    from PySide6.QtCore import Qt

    if scheme != Qt.ColorScheme.Unknown:
        os_colour_scheme_changed(app, scheme == Qt.ColorScheme.Dark)


def os_colour_scheme_changed(app: QApplication, dark: bool) -> None:
    """The computer went light or dark: re-apply the look if the person chose "system"."""
    changed = dark != _appearance.os_dark
    _appearance.os_dark = dark
    if changed and _appearance.chosen == SYSTEM_THEME and _appearance.shown:
        show_theme(app, SYSTEM_THEME)
