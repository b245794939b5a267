"""Marking widgets for the style sheet (resources/style.qss) without colours in code."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


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
