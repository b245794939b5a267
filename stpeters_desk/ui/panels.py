"""Pieces for side panels that must fit a narrow column without scrolling sideways.

A row of buttons that wraps onto the next line (``FlowLayout``), a check box whose words
wrap (``WrappingCheck``), and a column that scrolls only up and down with its main button
pinned below it (``StepPanel``). Made for the Photos tab's steps (issue 17: at 1180x760
the panel scrolled sideways and the Prepare button fell below the fold); any tab may use
them.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)


class ItemListLayout(QLayout):
    """A layout that keeps its items in a plain list and is as tall as its width needs:
    what a QLayout must say about its items, once for the layouts that arrange them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True


class FlowLayout(ItemListLayout):
    """Widgets side by side, wrapping onto a new line when the row is full (Qt's example).

    Its narrowest is its widest single widget, so a row of buttons never forces a panel
    wider than that: on a narrow panel, with enlarged text or longer Welsh words, the
    buttons go onto two lines instead of off the side.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._spacing = spacing

    def add_widget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class WrappingCheck(QWidget):
    """A check box whose words wrap: ``box`` is the QCheckBox (without words of its own,
    named for screen readers), ``label`` the words beside it. Clicking the words ticks it,
    and the label's &-key too, as with a check box's own words."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.label = _ClickableLabel()
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(120)
        self.label.clicked.connect(self._label_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.box.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))

    def text(self) -> str:
        return self.label.text()

    def _label_clicked(self) -> None:
        if self.box.isEnabled():
            self.box.click()

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.box.setToolTip(text)
        self.label.setToolTip(text)


def up_and_down(page: QWidget) -> QScrollArea:
    """``page`` in a scroll area that scrolls only up and down, the page always exactly as
    wide as the area: nothing can be scrolled to at the side, so everything in the page
    must wrap or narrow (word-wrapped labels, ``FlowLayout`` rows, ``WrappingCheck``)."""
    area = QScrollArea()
    page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    layout = page.layout()
    if layout is not None:  # its widest child must not become the page's minimum width
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside take the focus
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Always room for the vertical bar: a bar that came and went would narrow the page
    # and move every button in it when a message or a line appeared.
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    return area


class StatusLine(QWidget):
    """A sentence saying how a check went, with the app's own mark before it (a warning
    triangle, a stop sign: ``ui.status_marks``), never an emoji that a computer without a
    colour-emoji font draws as an empty box. ``label`` holds the words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = ""
        self.mark = QLabel()
        self.mark.setFixedSize(MARK_SIDE, MARK_SIDE)
        self.mark.hide()
        self.label = QLabel()
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def show_status(self, text: str, level: str) -> None:
        """``level``: "warn", "block", "ok" or "" (no mark)."""
        from stpeters_desk.ui.status_marks import status_icon

        self.level = level
        self.label.setText(text)
        icon = status_icon(level)
        self.mark.setVisible(bool(text) and not icon.isNull())
        if not icon.isNull():
            self.mark.setPixmap(icon.pixmap(MARK_SIDE, MARK_SIDE))


MARK_SIDE = 16  # px: a status mark beside a line of text
