"""Marking widgets for the style sheet (resources/style.qss) without colours in code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on, and re-polish only on change.

    Re-polishing goes through ``QWidget.style()``, whose first use is costly in
    PySide6; skipping unchanged values keeps it off the start-up path.
    """
    current = widget.property(name)
    if current == value or (current is None and value in (False, "")):
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


# Room for a vertical scroll bar; a fixed allowance, as asking the style costs start-up time.
SCROLL_BAR_ROOM = 20


def scrolls_when_short(pane: QWidget) -> QScrollArea:
    """Wrap a tall side pane so that it scrolls on a 1366x768 screen, in kiosk mode or
    with a large OS font, instead of pushing the window past the bottom of the screen.

    Only vertically: the pane keeps its full width, so nothing is cut off at the side.
    Imported here: PySide6 builds each Qt class on first import, and this module is
    on the start-up path.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidget(pane)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside take the focus
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(pane.minimumSizeHint().width() + SCROLL_BAR_ROOM)
    return area
