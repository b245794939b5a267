"""A line edit's placeholder read whole: its words fit the room the box gives them."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

from stpeters_desk.ui.preflight_dialog import LINE_EDIT_MARGIN


def text_area(box: QLineEdit) -> tuple[int, int]:
    """The width and height the box has for its words (inside its frame and padding)."""
    option = QStyleOptionFrame()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, box)
    margins = box.textMargins()
    return (rect.width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN,
            rect.height() - margins.top() - margins.bottom())


def assert_placeholder_whole(box: QLineEdit) -> None:
    assert box.isVisible()
    assert box.text() == "" and box.placeholderText()
    words = box.fontMetrics().horizontalAdvance(box.placeholderText())
    width, height = text_area(box)
    assert words <= width, f"{box.placeholderText()!r} needs {words} px, the box shows {width}"
    assert box.fontMetrics().height() <= height, "the words are not cut at the top or bottom"
